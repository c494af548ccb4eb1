"""Read the penalty clauses of the trafficking offence and judge them against UNTOC art. 11 and 2(b).

The rule (`rules/en/tip/penalties.yaml`) locates the penalty sentences of the trafficking offence;
this module reads each one's numbers (digits or words: "not less than seven years", "may extend
to ten years", "imprisonment for life", "a term not exceeding 15 years", "twenty (20) years",
"5 to 10 years' imprisonment") and whether a fine can replace imprisonment ("or to a fine",
"or with fine", "fined ..., imprisoned ..., or both"), then applies STANDARDS.md hard case 6:

* a fine as an alternative to imprisonment: partial, flag `fine_alternative`;
* the US "or both" formula: flag `fine_alternative_formula` as well (a rule on the text only);
* only on summary conviction: partial, flag `summary_fine_route`, severity low;
* a fine only, or a maximum below 4 years: partial, flag `below_serious_crime_threshold`,
  severity raised to high (UNTOC 2(b): a serious crime carries at least 4 years);
* a lower maximum where the purpose is labour than where it is sexual exploitation: partial,
  flag `purpose_disparity`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from lexcheck.rules.grading import Mark, Verdict, evidence_marks
from lexcheck.rules.matching import Evaluator
from lexcheck.rules.ruleset import Rule

FLAGS = (
    "fine_alternative",
    "fine_alternative_formula",
    "summary_fine_route",
    "below_serious_crime_threshold",
    "purpose_disparity",
)
"""Every flag the penalty judge can raise."""

SERIOUS_CRIME_YEARS = 4
"""UNTOC art. 2(b): a serious crime is punishable by a maximum of at least four years."""

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_WORD_NUMBER = rf"(?:(?:{'|'.join(_TENS)})(?:[\s-]+(?:{'|'.join(_UNITS)}))?|{'|'.join(_UNITS)})"
_NUMBER = rf"(?:\d+(?:\.\d+)?|{_WORD_NUMBER})(?:\s*\(\s*\d+\s*\))?"
_UNIT = r"(?P<unit>years?|yrs?|months?)['’]?"
_TERM = re.compile(rf"(?P<number>{_NUMBER})\s*-?\s*{_UNIT}", re.IGNORECASE)
_RANGE = re.compile(
    rf"(?P<low>{_NUMBER})(?:\s*(?:years?|months?)(?:\s+and\s+{_NUMBER}\s+days?)?)?"
    rf"\s*(?:to|–|-(?![a-z])|and)\s*(?P<high>{_NUMBER})\s*{_UNIT}",
    re.IGNORECASE,
)
_AGE = re.compile(
    r"(?:age\s+of|aged|under|below|over|above)\s*$|^\s*(?:of\s+age|old)\b", re.IGNORECASE
)
_MIN_CUES = re.compile(
    r"(?:not\s+less\s+than|no\s+less\s+than|at\s+least|minimum(?:\s+term)?\s+of|from)\s*$",
    re.IGNORECASE,
)
_MAX_CUES = re.compile(
    r"(?:not\s+exceeding|not\s+more\s+than|may\s+extend\s+to|extending\s+to|up\s+to|"
    r"maximum(?:\s+term)?\s+of|not\s+to\s+exceed)\s*$",
    re.IGNORECASE,
)
_LIFE = re.compile(
    r"\b(?:for\s+life|life\s+imprisonment|imprisonment\s+for\s+(?:the\s+)?(?:rest|remainder)"
    r"|reclusion\s+perpetua)\b",
    re.IGNORECASE,
)
_IMPRISONMENT = re.compile(r"\b(?:imprison|jail|deprivation\s+of\s+liberty|reclusion)", re.I)
_FINE = re.compile(r"\bfine[ds]?\b", re.IGNORECASE)
_NO_OPTION = re.compile(r"without\s+(?:the\s+)?option\s+of\s+(?:a\s+)?fine", re.IGNORECASE)
_FINE_ALTERNATIVE = re.compile(
    r"\bor\s+(?:(?:to|with|by)\s+)?(?:a\s+)?fine[ds]?\b"
    r"|\bfine[ds]?\b[^.;]{0,160}?\bor\s+(?:(?:to|with|by)\s+)?(?:a\s+term\s+of\s+)?imprison",
    re.IGNORECASE,
)
_OR_BOTH = re.compile(r"\bor\s+(?:(?:to|with)\s+)?both\b", re.IGNORECASE)
_SUMMARY = re.compile(
    r"summary\s+conviction(?P<clause>.*?)(?:on\s+conviction\s+on\s+indictment|$)",
    re.IGNORECASE | re.DOTALL,
)
_SEXUAL = re.compile(r"sexual|prostitution|sex\s+acts?|illicit\s+intercourse|pornograph", re.I)
_LABOUR = re.compile(r"labou?r|services|servitude|slavery|begging|organs?\b", re.I)


@dataclass(frozen=True)
class Penalty:
    """What one penalty clause provides; years are None where the clause states none."""

    min_years: float | None
    max_years: float | None
    life: bool
    imprisonment: bool
    fine: bool
    fine_alternative: bool
    or_both: bool
    summary_fine: bool

    @property
    def informative(self) -> bool:
        return self.imprisonment or self.fine

    @property
    def below_threshold(self) -> bool:
        """Fine only, or a maximum (or, with no maximum, a fixed term) under four years."""
        if not self.imprisonment:
            return self.fine
        if self.life:
            return False
        ceiling = self.max_years if self.max_years is not None else self.min_years
        return ceiling is not None and ceiling < SERIOUS_CRIME_YEARS

    @property
    def ceiling(self) -> float:
        """The maximum for comparisons: life counts as longer than any term."""
        if self.life:
            return float("inf")
        return self.max_years if self.max_years is not None else (self.min_years or 0.0)


def read_penalty(text: str) -> Penalty:
    """Read the terms of imprisonment and the fine of one penalty clause."""
    flat = " ".join(text.split())
    low, high = _term_bounds(flat)
    alternatives = _NO_OPTION.sub(" ", flat)
    summary = _SUMMARY.search(alternatives)
    summary_clause = summary.group("clause") if summary else ""
    main = alternatives.replace(summary_clause, " ") if summary_clause else alternatives
    return Penalty(
        min_years=low,
        max_years=high,
        life=bool(_LIFE.search(flat)),
        imprisonment=bool(_IMPRISONMENT.search(flat)),
        fine=bool(_FINE.search(flat)),
        fine_alternative=bool(_FINE_ALTERNATIVE.search(main) or _OR_BOTH.search(main)),
        or_both=bool(_OR_BOTH.search(main)),
        summary_fine=bool(_FINE_ALTERNATIVE.search(summary_clause))
        or (bool(_FINE.search(summary_clause)) and not _IMPRISONMENT.search(summary_clause)),
    )


def parse_number(words: str) -> float:
    """ "seven" -> 7, "twenty-five" -> 25, "twenty (20)" -> 20, "2.5" -> 2.5."""
    digits = re.search(r"\d+(?:\.\d+)?", words)
    if digits:
        return float(digits.group())
    total = 0
    for word in re.split(r"[\s-]+", words.lower()):
        total += _TENS.get(word, 0) + _UNITS.get(word, 0)
    return float(total)


def _term_bounds(text: str) -> tuple[float | None, float | None]:
    """(minimum, maximum) years from the terms the clause states."""
    lows: list[float] = []
    highs: list[float] = []
    covered: list[tuple[int, int]] = []
    for match in _RANGE.finditer(text):
        if _is_age(text, match):
            covered.append(match.span())
            continue
        unit = 12.0 if match.group("unit").lower().startswith("month") else 1.0
        lows.append(parse_number(match.group("low")) / unit)
        highs.append(parse_number(match.group("high")) / unit)
        covered.append(match.span())
    for match in _TERM.finditer(text):
        if any(start <= match.start() < end for start, end in covered) or _is_age(text, match):
            continue
        years = parse_number(match.group("number")) / (
            12.0 if match.group("unit").lower().startswith("month") else 1.0
        )
        before = text[max(0, match.start() - 40) : match.start()]
        if _MIN_CUES.search(before):
            lows.append(years)
        elif _MAX_CUES.search(before):
            highs.append(years)
        else:
            lows.append(years)
            highs.append(years)
    return (min(lows) if lows else None), (max(highs) if highs else None)


def _is_age(text: str, match: re.Match[str]) -> bool:
    """ "under the age of eighteen years", "eighteen years of age": an age, not a term."""
    before = text[max(0, match.start() - 20) : match.start()]
    after = text[match.end() : match.end() + 10]
    return bool(_AGE.search(before) or _AGE.search(after))


# --- judging ------------------------------------------------------------------------------------


def judge_penalties(rule: Rule, evaluator: Evaluator, scope: Sequence[int]) -> Verdict:
    """Judge tip.penalties_stringent from the penalty clauses the rule's evidence locates."""
    read = [
        (mark, read_penalty(_text(evaluator, mark)))
        for mark in evidence_marks(rule, evaluator, scope)
    ]
    read = [(mark, penalty) for mark, penalty in read if penalty.informative]
    if not read:
        return Verdict(rule, "missing", (), tuple(scope), note="no penalty clause was found")
    flags = _flags(evaluator, read)
    deciding = [m for m, p in read if _faults(p)] or [m for m, _ in read]
    marks = tuple(
        Mark(m.hit, "weakening" if flags and m in deciding else "carrying", m.clause)
        for m, _ in read
    )
    marks = tuple(sorted(marks, key=lambda m: m.role != "weakening"))
    return Verdict(
        rule=rule,
        status="partial" if flags else "met",
        marks=marks,
        scope=tuple(scope),
        flags=tuple(flags),
        severity=_severity(flags),
        note=_note(flags),
        extra=_extra(evaluator, read),
    )


def _text(evaluator: Evaluator, mark: Mark) -> str:
    unit = mark.hit.unit
    passage = evaluator.index.passages[unit.passage]
    if unit.sentence is None:
        return passage.text
    start, end = evaluator.index.scans[unit.passage].sentences[unit.sentence]
    return passage.text[start - passage.span[0] : end - passage.span[0]]


def _faults(penalty: Penalty) -> bool:
    return penalty.fine_alternative or penalty.summary_fine or penalty.below_threshold


def _flags(evaluator: Evaluator, read: list[tuple[Mark, Penalty]]) -> list[str]:
    penalties = [p for _, p in read]
    flags = []
    if any(p.fine_alternative for p in penalties):
        flags.append("fine_alternative")
    if any(p.or_both for p in penalties):
        flags.append("fine_alternative_formula")
    if any(p.summary_fine for p in penalties):
        flags.append("summary_fine_route")
    if any(p.below_threshold for p in penalties):
        flags.append("below_serious_crime_threshold")
    if _purpose_disparity(evaluator, read):
        flags.append("purpose_disparity")
    return flags


def _purpose_disparity(evaluator: Evaluator, read: list[tuple[Mark, Penalty]]) -> bool:
    """Labour-only offences carry a lower maximum than sexual-exploitation-only ones."""
    ceilings: dict[str, list[float]] = {"sexual": [], "labour": []}
    for mark, penalty in read:
        text = evaluator.index.passages[mark.hit.unit.passage].text
        sexual, labour = bool(_SEXUAL.search(text)), bool(_LABOUR.search(text))
        if sexual != labour:
            ceilings["sexual" if sexual else "labour"].append(penalty.ceiling)
    return bool(ceilings["sexual"] and ceilings["labour"]) and max(ceilings["labour"]) < max(
        ceilings["sexual"]
    )


def _severity(flags: list[str]) -> str | None:
    if "below_serious_crime_threshold" in flags:
        return "high"
    if flags == ["summary_fine_route"]:
        return "low"
    return None


_NOTES = {
    "below_serious_crime_threshold": "a fine only, or a maximum below 4 years (UNTOC art. 2(b))",
    "fine_alternative": "a fine may replace imprisonment",
    "summary_fine_route": "a fine alone is possible on summary conviction",
    "purpose_disparity": "labour exploitation carries a lower maximum than sexual exploitation",
}


def _note(flags: list[str]) -> str:
    return "; ".join(_NOTES[f] for f in _NOTES if f in flags)


def _extra(evaluator: Evaluator, read: list[tuple[Mark, Penalty]]) -> dict[str, object]:
    clauses = []
    for mark, penalty in read:
        passage = evaluator.index.passages[mark.hit.unit.passage]
        clauses.append({"statute": passage.statute, "eid": passage.eid, **asdict(penalty)})
    penalties = [p for _, p in read if p.imprisonment]
    lows = [p.min_years for p in penalties if p.min_years is not None]
    highs = [p.max_years for p in penalties if p.max_years is not None]
    life = any(p.life for p in penalties)
    return {
        "penalty_clauses": clauses,
        "min_years": min(lows) if lows else None,
        "max_years": "life" if life else (max(highs) if highs else None),
        "fine_alternative": any(p.fine_alternative for _, p in read),
    }
