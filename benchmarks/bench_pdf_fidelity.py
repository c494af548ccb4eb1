"""How faithfully `read_pdf` recovers the statute text from the corpus PDFs, per layout.

For every `pdf/<layout>/<fw>/<statute>.pdf` of the evaluation corpus (../shared/corpus) the
Document is compared with `text/<fw>/<statute>.txt`:

* words: the word-level match ratio (difflib SequenceMatcher on whitespace-split words, 2M/T);
* lines: the share of the .txt's non-empty lines that appear verbatim (whitespace collapsed) as a
  line of the output, which measures the reflow into one logical line per block;
* notes and headings: marginal notes found, and the .txt's section heading lines recovered, as a
  note or, where the PDF prints the heading inline, as a line of the body.

The margin layout prints each section heading as a marginal note, so before comparing, each note is
put back where the .txt has it: after the section number of the line it is anchored to, on a line
of its own. The `[[NOTE: ...]]` and `[[MISSING: ...]]` lines of the .txt are printed in the PDFs as
ordinary text, so they are compared like any other line.

The official PDFs in `pdf/real/` have no .txt; for them the table lists furniture by kind and the
share of the labelled section numbers that open a line of the output.

Run: .venv/bin/python benchmarks/bench_pdf_fidelity.py [--corpus DIR] [--show-diff]
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

from lexcheck.ingest.document import Document
from lexcheck.ingest.pdf import read_pdf

LAYOUTS = ("single", "twocol", "margin", "bill")
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
_HEADING = re.compile(r"^(\d+[A-Z]*)\.\s+(\S.{0,150})$")
_SECTION_NUMBER = re.compile(r"^(\d+[A-Z]*\.)\s*")


def with_notes_restored(doc: Document) -> str:
    """The text with each marginal note put back as the heading line after its section number."""
    text = doc.text
    for note in sorted(doc.marginal_notes, key=lambda n: n.anchor, reverse=True):
        start = text.rfind("\n", 0, note.anchor) + 1
        number = _SECTION_NUMBER.match(text[start:])
        if number:
            cut = start + number.end()
            text = f"{text[:start]}{number.group(1)} {note.text}\n{text[cut:]}"
        else:
            text = f"{text[:start]}{note.text}\n{text[start:]}"
    return text


def normal_lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def compare(expected: str, got: str) -> tuple[int, int, int, int]:
    """(matched words x2, total words, expected lines found, expected lines)."""
    want, have = expected.split(), got.split()
    matcher = difflib.SequenceMatcher(None, want, have, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    lines = normal_lines(expected)
    found = set(normal_lines(got))
    return 2 * matched, len(want) + len(have), sum(1 for line in lines if line in found), len(lines)


def headings(expected: str, doc: Document) -> tuple[int, int]:
    """(recovered, total) section headings of the .txt (a number and a short title on a line of
    their own): recovered as a marginal note, or as a line of the body where the PDF prints the
    heading inline."""
    lines = normal_lines(expected)
    found = set(normal_lines(doc.text))
    notes = {" ".join(note.text.split()) for note in doc.marginal_notes}
    total = recovered = 0
    for line in lines[:-1]:
        match = _HEADING.match(line)
        if not match or len(line.split()) > 20:
            continue
        total += 1
        recovered += line in found or " ".join(match.group(2).split()) in notes
    return recovered, total


def show_diff(expected: str, got: str, limit: int = 40) -> None:
    diff = difflib.unified_diff(normal_lines(expected), normal_lines(got), lineterm="", n=0)
    for count, line in enumerate(diff):
        if count >= limit:
            break
        print("      " + line[:160])


def bench_layout(corpus: Path, layout: str, verbose: bool) -> dict[str, float]:
    totals = Counter()
    seconds = 0.0
    for pdf in sorted((corpus / "pdf" / layout).glob("*/*.pdf")):
        txt = corpus / "text" / pdf.parent.name / f"{pdf.stem}.txt"
        if not txt.exists():
            continue
        expected = txt.read_text(encoding="utf-8")
        started = time.perf_counter()
        doc = read_pdf(pdf)
        seconds += time.perf_counter() - started
        got = with_notes_restored(doc)
        matched, words, lines_found, lines = compare(expected, got)
        recovered, wanted = headings(expected, doc)
        totals.update(
            matched=matched,
            words=words,
            found=lines_found,
            lines=lines,
            notes=len(doc.marginal_notes),
            recovered=recovered,
            headings=wanted,
            pages=doc.page_count,
            files=1,
        )
        if verbose:
            print(
                f"  {layout:7} {pdf.stem:45} words {matched / words:7.2%}  "
                f"lines {lines_found / lines:7.2%}  notes {len(doc.marginal_notes)}  "
                f"headings {recovered}/{wanted}"
            )
            if matched / words < 0.999 or lines_found / lines < 0.98:
                show_diff(expected, got)
    return {
        "files": totals["files"],
        "pages": totals["pages"],
        "words": totals["matched"] / totals["words"],
        "lines": totals["found"] / totals["lines"],
        "notes": totals["notes"],
        "recovered": totals["recovered"],
        "headings": totals["headings"],
        "seconds": seconds,
    }


def bench_real(corpus: Path) -> None:
    print("\nofficial PDFs (no ground-truth text)")
    for pdf in sorted((corpus / "pdf" / "real").glob("*/*.pdf")):
        started = time.perf_counter()
        doc = read_pdf(pdf)
        seconds = time.perf_counter() - started
        labels = yaml.safe_load((pdf.parent / "labels.yaml").read_text(encoding="utf-8"))
        sections = labels.get("sections", {}).get(pdf.stem, [])
        starts = {m.group(1) for m in re.finditer(r"(?m)^(\d+[A-Z]*)\.", doc.text)}
        kinds = Counter(f.kind for f in doc.furniture)
        found = sum(1 for s in sections if str(s) in starts)
        print(
            f"  {pdf.stem:32} {doc.page_count:4} pages {seconds:6.1f} s  "
            f"sections opening a line {found}/{len(sections)}  notes {len(doc.marginal_notes)}  "
            f"furniture {dict(sorted(kinds.items()))}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--show-diff", action="store_true", help="per file, with diffs")
    parser.add_argument("--layout", choices=LAYOUTS, action="append")
    parser.add_argument("--no-real", action="store_true", help="skip the official PDFs")
    args = parser.parse_args()
    if not (args.corpus / "pdf").is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    rows = [
        (layout, bench_layout(args.corpus, layout, args.show_diff))
        for layout in args.layout or LAYOUTS
    ]
    print(
        f"\n{'layout':8} {'files':>5} {'pages':>5} {'word match':>10} {'lines kept':>10} "
        f"{'notes':>6} {'headings':>9} {'seconds':>8}"
    )
    for layout, r in rows:
        print(
            f"{layout:8} {r['files']:5} {r['pages']:5} {r['words']:10.2%} {r['lines']:10.2%} "
            f"{r['notes']:6} {r['recovered']:>4}/{r['headings']:<4} {r['seconds']:8.2f}"
        )
    if not args.no_real:
        bench_real(args.corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main())
