"""Speed and memory of `read_pdf` against the usual pdfplumber loop, on a 300-page statute.

The statute is generated deterministically with the test factory (tests/ingest/pdf_factory.py) into
benchmarks/out/. Each method then runs in a fresh interpreter, imports done before the clock
starts, and reports its own wall time and peak resident memory (`getrusage`: the process itself,
and its finished children, i.e. read_pdf's two page-range workers):

* plumber: `[page.extract_text() for page in pdf.pages]`, without `page.close()`, as most examples
  do it;
* read_pdf: lexcheck's reader (characters read once, pages closed, two workers over page ranges).

Targets: read_pdf in at most half the plumber loop's time; peak memory under 300 MB.

Run: .venv/bin/python benchmarks/bench_pdf_speed.py [--pages 300] [--layout single]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "benchmarks" / "out"
sys.path.insert(0, str(REPO / "tests" / "ingest"))

from pdf_factory import Layout, draw_pdf, sample_blocks, typeset  # noqa: E402

CHILD = """
import json, resource, sys, time
from pathlib import Path
import pdfplumber
from lexcheck.ingest.pdf import read_pdf

path = Path(sys.argv[1])
started = time.perf_counter()
if sys.argv[2] == "plumber":
    with pdfplumber.open(path) as pdf:
        pages = len([page.extract_text() for page in pdf.pages])
else:
    pages = read_pdf(path).page_count
seconds = time.perf_counter() - started
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"pages": pages, "seconds": seconds, "own_kb": own, "children_kb": children}))
"""


def statute(pages: int, layout: str) -> Path:
    """A statute of exactly `pages` pages in the given layout (the same bytes on every run)."""
    path = OUT / f"statute-{layout}-{pages}.pdf"
    OUT.mkdir(parents=True, exist_ok=True)
    sections = pages * 5
    printed = typeset(sample_blocks(sections), Layout(kind=layout))
    while len(printed) < pages:
        sections *= 2
        printed = typeset(sample_blocks(sections), Layout(kind=layout))
    return draw_pdf(path, printed[:pages])


def run(path: Path, method: str) -> dict[str, float]:
    """One method in a fresh interpreter; its own report of time and memory."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), method],
        check=True,
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument(
        "--layout", default="single", choices=["single", "twocol", "margin", "bill"]
    )
    parser.add_argument("--pdf", type=Path, help="measure this PDF instead of a generated one")
    args = parser.parse_args()
    path = args.pdf or statute(args.pages, args.layout)
    results = {method: run(path, method) for method in ("plumber", "read_pdf")}
    base = results["plumber"]["seconds"]
    print(f"{path.name}: {results['plumber']['pages']} pages")
    print(
        f"{'method':10} {'wall s':>8} {'pages/s':>8} {'ratio':>6} {'peak MB':>8} {'workers MB':>10}"
    )
    for method, r in results.items():
        print(
            f"{method:10} {r['seconds']:8.2f} {r['pages'] / r['seconds']:8.1f} "
            f"{r['seconds'] / base:6.2f} {r['own_kb'] / 1024:8.0f} {r['children_kb'] / 1024:10.0f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
