#!/usr/bin/env python3
"""Write ``docs/elements.md``, the element catalogue, from the standards files in ``standards/``.

The catalogue is the law lexcheck checks against: every element (grouped by instrument family and
display group) with its article, its strength as written and under each profile, the requirement,
the Model Law article and the recommendation, followed by the cross-law conflict patterns. The page is
generated so that it never drifts from ``standards/*.yaml``; the files are loaded through
``lexcheck.standards.load_catalogue``, so a malformed standards file fails here as it would in a check.

Usage::

    python scripts/gen_element_docs.py [--standards DIR] [--out FILE] [--check]

``--check`` writes nothing: it exits 1, naming the file, when FILE (default ``docs/elements.md``)
differs from what the standards files produce, and 0 when it is up to date.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

from lexcheck.standards import (
    FAMILIES,
    PROFILES,
    STRENGTHS,
    Catalogue,
    ConflictPattern,
    Element,
    load_catalogue,
    severity,
)

REPO = Path(__file__).resolve().parent.parent
STANDARDS = REPO / "standards"
OUTPUT = REPO / "docs" / "elements.md"
COMMAND = "python scripts/gen_element_docs.py"
GAP_STATUSES = ("conflict", "missing", "partial")


def family_titles(directory: Path) -> dict[str, str]:
    """The `title` of each family's standards file, keyed by family (`tip`: "Trafficking in ...")."""
    titles: dict[str, str] = {}
    for path in sorted(directory.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "family" in data:
            titles[data["family"]] = data["title"]
    return titles


def _one_line(text: str) -> str:
    """Folded YAML text as one line of Markdown."""
    return " ".join(text.split())


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return _one_line(text).replace("|", "\\|")


def _by_family_and_group(catalogue: Catalogue) -> dict[str, dict[str, list[Element]]]:
    """Elements by family (catalogue order) and by group (order of first appearance)."""
    grouped: dict[str, dict[str, list[Element]]] = {}
    for element in catalogue.elements.values():
        grouped.setdefault(element.family, {}).setdefault(element.group, []).append(element)
    return {family: grouped[family] for family in FAMILIES if family in grouped}


def _strength_by_profile(element: Element) -> str:
    """`mandatory as written; un-core good-practice, ...` when a profile changes it."""
    if not element.profiles:
        return f"`{element.strength}` under every profile"
    by_profile = ", ".join(f"{p} `{element.strength_under(p)}`" for p in PROFILES)
    return f"`{element.strength}` as written; by profile: {by_profile}"


def _header() -> Iterator[str]:
    yield (
        f"<!-- Generated from standards/*.yaml by `{COMMAND}`. Do not edit by hand: "
        "change the standards file and run the command again. -->"
    )
    yield ""
    yield "# Element catalogue"
    yield ""
    yield (
        f"*Generated from `standards/*.yaml` by `{COMMAND}`; `{COMMAND} --check` fails when this "
        "page is out of date. Do not edit it by hand.*"
    )
    yield ""
    yield (
        "Each element is one thing a national framework must contain to implement the UN Palermo "
        "Protocols or a related standard. Element ids are stable: reports, baselines, rules and the "
        "evaluation corpus all key on them. Which elements the bundled rules judge today is shown by "
        "`lexcheck rules list`; an element no rule judges gets no finding (see "
        "[limits.md](limits.md))."
    )
    yield ""


def _legend() -> Iterator[str]:
    yield "## Strength, profile and severity"
    yield ""
    yield (
        '*Strength* is how binding the source obligation is: `mandatory` ("shall adopt"), '
        '`should` ("shall consider", "to the extent possible") or `good-practice` (Model Laws, '
        "soft law, regional or ILO instruments). The *profile* (`--profile`, or `profile:` in "
        f"lexcheck.yaml; one of {', '.join(f'`{p}`' for p in PROFILES)}) says which sources bind "
        "the State, so some elements change strength under some profiles. A finding's severity "
        "follows from the strength under the profile and the status:"
    )
    yield ""
    yield "| strength under the profile | " + " | ".join(GAP_STATUSES) + " |"
    yield "|---|" + "---|" * len(GAP_STATUSES)
    for strength in STRENGTHS:
        cells = " | ".join(severity(strength, status) for status in GAP_STATUSES)
        yield f"| {strength} | {cells} |"
    yield ""
    yield (
        "A `met` element has severity `none`. A rule may give one of its partial clauses its own "
        "severity (a penalty below the serious-crime threshold is `high`, for example)."
    )
    yield ""


def _contents(
    grouped: dict[str, dict[str, list[Element]]], titles: dict[str, str]
) -> Iterator[str]:
    yield "## Contents"
    yield ""
    for family, groups in grouped.items():
        count = sum(len(elements) for elements in groups.values())
        yield f"- [{titles.get(family, family)}](#family-{family}) (`{family}.*`, {count} elements)"
    yield "- [Cross-law conflict patterns](#conflicts) (`conflict.*`)"
    yield ""


def _group_table(elements: list[Element]) -> Iterator[str]:
    yield "| id | title | article | " + " | ".join(PROFILES) + " |"
    yield "|---|---|---|" + "---|" * len(PROFILES)
    for e in elements:
        strengths = " | ".join(e.strength_under(p) for p in PROFILES)
        yield f"| [`{e.id}`](#{e.id}) | {_cell(e.title)} | {_cell(e.article)} | {strengths} |"
    yield ""


def _element(e: Element) -> Iterator[str]:
    yield f'<a id="{e.id}"></a>'
    yield ""
    yield f"#### `{e.id}`: {_one_line(e.title)}"
    yield ""
    yield f"- **Article:** {_one_line(e.article)}"
    yield f"- **Strength:** {_strength_by_profile(e)}"
    yield f"- **Requirement:** {_one_line(e.requirement)}"
    yield f"- **Common gaps:** {'; '.join(_one_line(gap) for gap in e.common_gaps)}"
    model_law = _one_line(e.model_law) if e.model_law else "none (the Model Laws do not cover it)"
    yield f"- **Model Law:** {model_law}"
    yield f"- **Recommendation:** {_one_line(e.recommendation)}"
    yield ""


def _families(
    grouped: dict[str, dict[str, list[Element]]], titles: dict[str, str]
) -> Iterator[str]:
    for family, groups in grouped.items():
        yield f'<a id="family-{family}"></a>'
        yield ""
        yield f"## {titles.get(family, family)} (`{family}.*`)"
        yield ""
        for group, elements in groups.items():
            yield f"### {group}"
            yield ""
            yield from _group_table(elements)
            for element in elements:
                yield from _element(element)


def _breaks(ids: Iterable[str]) -> str:
    return ", ".join(f"[`{element_id}`](#{element_id})" for element_id in ids)


def _conflict(pattern: ConflictPattern) -> Iterator[str]:
    yield f'<a id="{pattern.id}"></a>'
    yield ""
    yield f"### `{pattern.id}`"
    yield ""
    yield f"- **Pattern:** {_one_line(pattern.pattern)}"
    yield f"- **Breaks:** {_breaks(pattern.breaks)}"
    yield f"- **Resolved by:** {_one_line(pattern.resolved_by)}"
    yield f"- **Grade:** {_one_line(pattern.grade)}"
    yield ""


def _conflicts(catalogue: Catalogue) -> Iterator[str]:
    yield '<a id="conflicts"></a>'
    yield ""
    yield "## Cross-law conflict patterns (`conflict.*`)"
    yield ""
    yield (
        "A conflict pattern is a way one statute (usually immigration or labour law) defeats, in "
        "practice, an element the trafficking or smuggling law provides. Each pattern names the "
        "elements it breaks and the drafting devices that resolve it. Whether lexcheck reports a "
        "pattern on its own, or only through the grade of the elements it breaks, is set out in "
        "[limits.md](limits.md#cross-law-conflicts)."
    )
    yield ""
    yield "| id | breaks |"
    yield "|---|---|"
    for pattern in catalogue.conflicts.values():
        yield f"| [`{pattern.id}`](#{pattern.id}) | {_breaks(pattern.breaks)} |"
    yield ""
    for pattern in catalogue.conflicts.values():
        yield from _conflict(pattern)


def render(standards: Path = STANDARDS) -> str:
    """The whole of docs/elements.md for the standards files in `standards`."""
    catalogue = load_catalogue(standards)
    titles = family_titles(standards)
    grouped = _by_family_and_group(catalogue)
    lines = [
        *_header(),
        *_legend(),
        *_contents(grouped, titles),
        *_families(grouped, titles),
        *_conflicts(catalogue),
    ]
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"


def _shown(path: Path) -> str:
    """A path as the user would type it: relative to the repository when inside it."""
    try:
        return str(path.resolve().relative_to(REPO))
    except ValueError:
        return str(path)


def is_stale(out: Path, text: str) -> bool:
    """True when `out` is missing or differs from `text`."""
    return not out.is_file() or out.read_text(encoding="utf-8") != text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--standards", type=Path, default=STANDARDS, help="standards folder")
    parser.add_argument("--out", type=Path, default=OUTPUT, help="the page to write or check")
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if the page is out of date; write nothing"
    )
    args = parser.parse_args(argv)
    text = render(args.standards)
    if args.check:
        if is_stale(args.out, text):
            print(
                f"{_shown(args.out)} is out of date with {_shown(args.standards)}; run `{COMMAND}`."
            )
            return 1
        print(f"{_shown(args.out)} is up to date.")
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {_shown(args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
