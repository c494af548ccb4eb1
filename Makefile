# The two set-up commands of the README: `make demo` and `make test`. Both create .venv if missing.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The draft bill as a typeset PDF, checked with the laws in force as a drafter would.
DEMO_STATUTES = statutes/pdf/single/veridia-tip-bill-2025-draft.pdf \
                statutes/veridia-smuggling-act-2024-punitive.txt \
                statutes/veridia-immigration-act-2019.txt \
                statutes/veridia-labour-code-2018.txt

demo: $(STAMP)
	$(BIN)/lexcheck check $(DEMO_STATUTES) --fail-on never \
	    -o reports/gap-report.html -o reports/gap-report.json \
	    -o reports/gap-report.sarif -o reports/gap-report.md
	@echo "Open reports/gap-report.html in a browser to read the gap report."

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	$(BIN)/pytest -q

# Speed and accuracy figures (minutes, not a test): see benchmarks/README.md.
bench: $(STAMP)
	for script in benchmarks/bench_*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .hypothesis .lexcheck-cache
