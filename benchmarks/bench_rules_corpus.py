"""Measure the rules against the labelled corpus: per-element status vs label, accuracy, gap F1.

    .venv/bin/python benchmarks/bench_rules_corpus.py [CORPUS_DIR] [--elements-only]
        [--only RULE_FOLDER]

For each framework folder of the corpus (text/ by default; a pdf/<layout>/ folder works too),
the files are read with the kinds its labels.yaml gives, parsed, linked into a framework and
checked. Only elements that the bundled rules judge are scored (with --only, only those judged by
rules written under RULE_FOLDER, e.g. rules/en/tip), and `unknown` labels are skipped (corpus
README, "Scoring"). A gap is partial, missing or conflict. Prints one line per scored element
(label, prediction, mark) and the totals: status accuracy and precision / recall / F1 of gaps,
overall and per element.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

import yaml

from lexcheck.graph import build_framework
from lexcheck.ingest import load_document
from lexcheck.rules import check_elements, compile_rules, findings_for, load_rules
from lexcheck.standards import load_catalogue
from lexcheck.structure import parse_statute

GAPS = {"partial", "missing", "conflict"}
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "text"


def judge_corpus(corpus: Path, only: Path | None = None) -> list[tuple[str, str, str, str]]:
    """(framework, element, label, predicted) for every scored element of every framework."""
    catalogue = load_catalogue()
    ruleset = load_rules()
    check_elements(ruleset, catalogue)
    compiled = compile_rules(ruleset)
    judged = {
        rule.element
        for rule in ruleset.rules.values()
        if only is None or rule.path.is_relative_to(only.resolve())
    }
    rows = []
    for folder in sorted(p for p in corpus.iterdir() if (p / "labels.yaml").is_file()):
        labels = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8"))
        statutes = [
            parse_statute(load_document(folder / name), kind=kind)
            for name, kind in labels["files"].items()
        ]
        findings = findings_for(compiled, build_framework(statutes), catalogue, "un-core")
        predicted = {f.element: f.status for f in findings}
        for element, label in labels["elements"].items():
            if label != "unknown" and element in judged:
                rows.append((folder.name, element, label, predicted[element]))
    return rows


def scores(rows: list[tuple[str, str, str, str]]) -> dict[str, float]:
    """Status accuracy and gap precision / recall / F1 over some judged rows."""
    correct = sum(label == predicted for _, _, label, predicted in rows)
    true_gaps = sum(label in GAPS and predicted in GAPS for _, _, label, predicted in rows)
    found = sum(predicted in GAPS for *_, predicted in rows)
    labelled = sum(label in GAPS for _, _, label, _ in rows)
    precision = true_gaps / found if found else 0.0
    recall = true_gaps / labelled if labelled else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = correct / len(rows) if rows else 0.0
    return {
        "n": len(rows),
        "accuracy": accuracy,
        "precision": precision,
        "recall": recall,
        "f1": f1,
    }


def main(argv: list[str]) -> None:
    only = Path(argv[argv.index("--only") + 1]) if "--only" in argv else None
    positional = [
        a for i, a in enumerate(argv) if not a.startswith("--") and argv[i - 1] != "--only"
    ]
    corpus = Path(positional[0]) if positional else DEFAULT_CORPUS
    started = time.perf_counter()
    rows = judge_corpus(corpus, only)
    elapsed = time.perf_counter() - started
    if "--elements-only" not in argv:
        for framework, element, label, predicted in rows:
            mark = "ok " if label == predicted else "XX "
            print(f"{mark}{framework:12} {element:42} label={label:8} got={predicted}")
    by_element: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    for row in rows:
        by_element[row[1]].append(row)
    print("\nper element (accuracy, wrong frameworks):")
    for element, element_rows in by_element.items():
        wrong = [f"{r[0]}({r[2]}->{r[3]})" for r in element_rows if r[2] != r[3]]
        print(f"  {element:42} {scores(element_rows)['accuracy']:.2f}  {' '.join(wrong)}")
    total = scores(rows)
    print(
        f"\n{total['n']} scored elements in {elapsed:.1f} s: status accuracy {total['accuracy']:.3f}, "
        f"gap precision {total['precision']:.3f}, recall {total['recall']:.3f}, F1 {total['f1']:.3f}"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
