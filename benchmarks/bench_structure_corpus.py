"""How well the structure parser finds sections, and whether a PDF gives the same tree as the text.

For every statute of the evaluation corpus (../shared/corpus, see its README.md):

* section recall and precision: the parsed section numbers (sections and articles outside
  schedules) against `sections:` in the framework's labels.yaml, for the text version and for
  each PDF layout (single, twocol, margin, bill) and the official PDFs in pdf/real/;
* agreement: the share of provisions whose eId and normalised text are the same in the PDF as in
  the text version. Text is compared without white space and without the heading, which a PDF
  may print in the margin.

The project's own statutes (statutes/*.txt, rendered under statutes/pdf/<layout>/ and
statutes/docx/) are measured the same way, with their text version's sections as the labels.

Run: .venv/bin/python benchmarks/bench_structure_corpus.py [--corpus PATH] [--jobs N]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import yaml

from lexcheck.ingest import load_document
from lexcheck.structure.kinds import SECTION_LEVEL
from lexcheck.structure.model import Provision
from lexcheck.structure.parse import build_provisions

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
STATUTES = REPO / "statutes"
LAYOUTS = ("single", "twocol", "margin", "bill")


@dataclass(frozen=True)
class Parsed:
    """What the benchmark keeps of one parsed file: its section numbers and its provisions."""

    sections: list[str]
    texts: dict[str, str]


@dataclass(frozen=True)
class Score:
    """One statute in one layout: labelled, found and matched section counts, and agreement."""

    statute: str
    labelled: int
    found: int
    matched: int
    agreeing: int = 0
    compared: int = 0

    @property
    def recall(self) -> float:
        return self.matched / max(self.labelled, 1)

    @property
    def precision(self) -> float:
        return self.matched / max(self.found, 1)

    @property
    def agreement(self) -> float | None:
        return self.agreeing / self.compared if self.compared else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--jobs", type=int, default=4)
    args = parser.parse_args()
    labels = _labels(args.corpus)
    jobs = _jobs(args.corpus, labels)
    own = _own_jobs(STATUTES)
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        parsed = dict(zip(jobs, pool.map(_parse, jobs.values()), strict=True))
        own_parsed = dict(zip(own, pool.map(_parse, own.values()), strict=True))
    for layout in ("text", *LAYOUTS, "real"):
        scores = _scores(layout, labels, parsed)
        if scores:
            print(_table(f"corpus: {layout}", scores))
    own_labels = {
        statute: result.sections
        for (layout, statute), result in own_parsed.items()
        if layout == "text"
    }
    for layout in (*LAYOUTS, "docx"):
        scores = _scores(layout, own_labels, own_parsed)
        if scores:
            print(_table(f"statutes/ (labels: the text version's sections): {layout}", scores))
    return 0


def _labels(corpus: Path) -> dict[str, list[str]]:
    """Section numbers by statute stem, from every labels.yaml of the corpus."""
    labels: dict[str, list[str]] = {}
    for path in sorted(corpus.rglob("labels.yaml")):
        sections = yaml.safe_load(path.read_text(encoding="utf-8")).get("sections") or {}
        labels.update({stem: [str(num) for num in nums] for stem, nums in sections.items()})
    return labels


def _jobs(corpus: Path, labels: dict[str, list[str]]) -> dict[tuple[str, str], Path]:
    """(layout, statute) -> file, for every labelled statute that has that layout."""
    jobs = {("text", path.stem): path for path in sorted((corpus / "text").rglob("*.txt"))}
    for layout in (*LAYOUTS, "real"):
        for path in sorted((corpus / "pdf" / layout).rglob("*.pdf")):
            jobs[layout, path.stem] = path
    return {key: path for key, path in jobs.items() if key[1] in labels}


def _own_jobs(statutes: Path) -> dict[tuple[str, str], Path]:
    """(layout, statute) -> file for the project's statutes: text, PDF layouts and DOCX."""
    jobs = {("text", path.stem): path for path in sorted(statutes.glob("*.txt"))}
    for path in sorted(statutes.glob("pdf/*/*.pdf")):
        jobs[path.parent.name, path.stem] = path
    for path in sorted(statutes.glob("docx/*.docx")):
        jobs["docx", path.stem] = path
    return {key: path for key, path in jobs.items() if ("text", key[1]) in jobs}


def _parse(path: Path) -> Parsed:
    provisions = build_provisions(load_document(path))
    return Parsed(_section_nums(provisions), _normalised_texts(provisions))


def _section_nums(provisions: list[Provision]) -> list[str]:
    """Numbers of the statute's own sections: outside schedules, in document order."""
    nums: list[str] = []
    for provision in provisions:
        if provision.kind == "schedule":
            continue
        if provision.kind in SECTION_LEVEL:
            nums.append(provision.num)
        nums.extend(_section_nums(provision.children))
    return nums


def _normalised_texts(provisions: list[Provision]) -> dict[str, str]:
    texts: dict[str, str] = {}
    for provision in provisions:
        text = provision.text.replace(provision.heading, "", 1) if provision.heading else ""
        texts[provision.eid] = re.sub(r"[\s\-‐]+", "", text or provision.text)
        texts.update(_normalised_texts(provision.children))
    return texts


def _scores(
    layout: str, labels: dict[str, list[str]], parsed: dict[tuple[str, str], Parsed]
) -> list[Score]:
    scores = []
    for (file_layout, statute), result in sorted(parsed.items()):
        if file_layout != layout:
            continue
        expected, found = Counter(labels[statute]), Counter(result.sections)
        matched = sum((expected & found).values())
        reference = parsed.get(("text", statute))
        agreeing, compared = 0, 0
        if layout not in ("text", "real") and reference is not None:
            agreeing, compared = _agreement(reference.texts, result.texts)
        counts = (sum(expected.values()), sum(found.values()), matched, agreeing, compared)
        scores.append(Score(statute, *counts))
    return scores


def _agreement(reference: dict[str, str], other: dict[str, str]) -> tuple[int, int]:
    """Provisions with the same eId and text in both trees, and the size of the larger tree."""
    same = sum(1 for eid, text in reference.items() if other.get(eid) == text)
    return same, max(len(reference), len(other))


def _table(layout: str, scores: list[Score]) -> str:
    rows = [
        f"\n## {layout}",
        f"{'statute':45} {'labels':>6} {'recall':>7} {'precis':>7} {'agree':>7}",
    ]
    for score in scores:
        agreement = "" if score.agreement is None else f"{score.agreement:7.1%}"
        rows.append(
            f"{score.statute:45} {score.labelled:6d} {score.recall:7.1%} {score.precision:7.1%} "
            f"{agreement:>7}"
        )
    fields = ("labelled", "found", "matched", "agreeing", "compared")
    total = Score("ALL", *(sum(getattr(score, name) for score in scores) for name in fields))
    agreement = "" if total.agreement is None else f"{total.agreement:7.1%}"
    rows.append(
        f"{'ALL (pooled)':45} {total.labelled:6d} {total.recall:7.1%} {total.precision:7.1%} "
        f"{agreement:>7}"
    )
    return "\n".join(rows)


if __name__ == "__main__":
    sys.exit(main())
