"""Find the terms a statute defines, with their wording, reach and numeric facts.

A definition starts where a term is introduced by one of the defining verbs and runs until the next
definition starts (or its provision ends), so the list items beneath a term belong to it:

    "exploitation" includes but is not limited to—      <- term "exploitation", mode includes
    (a) keeping a person in a state of slavery;          <- still part of "exploitation"
    "forced labour" means the extraction of work ...     <- the next definition starts here

Terms are found in two forms:

* quoted, anywhere in the statute: ``"child" means``, ``‘organized criminal group’ means``,
  ``“Board’’ means``, ``"A" or "B" means``, ``"consent" in relation to a person means``,
  ``The expression "exploitation" shall include``, ``"child" has the meaning assigned to it in ...``;
* unquoted, at the start of a line of an interpretation provision, the Philippine style
  ``(a) Child – refers to a person below eighteen (18) years of age``.

An interpretation provision is one whose heading reads like one (Interpretation, Definitions,
Definition of Terms, General definitions, Meaning of ...) or the innermost provision below Part
level holding two or more quoted definitions.

The scope is read from the nearest "In this Act/Part/section", "For the purposes of this ..." or
"As used in this ..." before the term, within its section; without one, a definition in an
interpretation provision reaches the whole Act and one made inline (an IPC "Explanation", a
proviso) reaches its section.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lexcheck.structure.kinds import BIG_UNITS, SECTION_LEVEL
from lexcheck.structure.model import Definition, Provision

# --- the defining verbs ---------------------------------------------------------------------

_VERBS = (
    (r"does\s+not\s+include|shall\s+not\s+include", "does-not-include"),
    (r"ha(?:s|ve)\s+the\s+(?:same\s+)?meanings?", "has-meaning"),
    (r"(?:shall\s+)?means?|refers?\s+to", "means"),
    (r"(?:shall\s+)?includes?", "includes"),
)
_VERB = "|".join(f"(?P<v{i}>{pattern})" for i, (pattern, _) in enumerate(_VERBS))

_DOUBLE_QUOTED = r"(?<!\w)[\"“](?=\w)[^\"“”\n]{1,80}?(?:[\"”]|’’|'')"
_SINGLE_QUOTED = r"(?<!\w)[‘'](?=\w)[^'‘’\"“”\n]{1,80}?['’]"
_QUOTED = f"(?:{_DOUBLE_QUOTED}|{_SINGLE_QUOTED})"
_TERM_TEXT = re.compile(r"[\"“‘'](.+?)(?:[\"”]|’’|''|['’])(?=\s|,|$)")

# "consent" in relation to a person means ...; "factory", in this Part, means ...
_BETWEEN = (
    r"(?:\s*,?\s*(?:in\s+relation\s+to|with\s+respect\s+to|in\s+respect\s+of)\b[^\"“”;\n]{0,80}?)?"
    r"(?:\s*,?\s*in\s+this\s+(?P<inline_scope>\w+)\s*,?)?"
    r"\s*,?\s*"
)
_QUOTED_ANCHOR = re.compile(
    f"(?P<terms>{_QUOTED}(?:\\s*,?\\s*(?:or|and)\\s+{_QUOTED})*){_BETWEEN}(?:{_VERB})\\b"
)
# "slavery" is the status or condition of ... : only at a line start in an interpretation provision
_QUOTED_IS_ANCHOR = re.compile(
    rf"^(?:\(\w{{1,5}}\)\s*)?(?P<terms>{_QUOTED})\s+(?P<v_is>is)\s", re.MULTILINE
)
_PLAIN_ANCHOR = re.compile(
    r"^(?:\(\s*\w{1,5}\s*\)|\d{1,3}\.)?\s*(?P<terms>[A-Z][^\n—–:\"“”;]{0,118}?)"
    rf"\s*(?:[—–:]|--|\s-\s)\s*(?:{_VERB})\b",
    re.MULTILINE,
)

# --- where definitions live and how far they reach ------------------------------------------

_INTERPRETATION_HEADING = re.compile(
    r"^\W*(?:interpretation|definitions?\b|definition\s+of\s+terms|general\s+definitions"
    r"|meaning\s+of\b|defined\s+terms)",
    re.IGNORECASE,
)
# "2. ", "SEC. 3. ", "Section 4 - ", '"SEC. 3. ' before a heading printed on the provision's first line
_NUMBER_PREFIX = re.compile(
    r"^\W*(?:(?:sec(?:tion)?|art(?:icle)?)\.?\s*)?[\w.()-]*\d[\w.()-]*[\s.:—–-]*", re.I
)
_SCOPE_PHRASE = re.compile(
    r"(?:^|[\n—–.:])\s*(?:\(\w{1,5}\)\s*)?(?:Explanation[\s\w]*\.?\s*[—–-]+\s*)?"
    r"(?:in|for\s+the\s+purposes?\s+of|as\s+used\s+in)\s+this\s+(?P<unit>\w+)\b",
    re.IGNORECASE,
)
_SCOPE_NAMES = {
    "act": "Act",
    "sanhita": "Act",
    "code": "Act",
    "ordinance": "Act",
    "law": "Act",
    "decree": "Act",
    "part": "Part",
    "chapter": "Chapter",
    "division": "Division",
    "schedule": "Schedule",
    "section": "section",
    "article": "section",
    "subsection": "subsection",
    "sub-section": "subsection",
}
_ABOVE_SECTION = {*BIG_UNITS, "schedule", "preface"}
_SECTION_KINDS = set(SECTION_LEVEL)

# --- numbers written in words or digits -----------------------------------------------------

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}
SPELLED_ORDINALS = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
"""Ordinals as statutes spell them, each at its own value ("first" at 1)."""
_ORDINAL_TENS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50}
_NUMBER_WORDS = {
    **{word: value for value, word in enumerate(_UNITS)},
    **_TENS,
    **{word: value for value, word in enumerate(SPELLED_ORDINALS)},
    **_ORDINAL_TENS,
}
_WORD = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_NUMBER = (
    rf"(?:\d+(?:st|nd|rd|th)?|(?:{'|'.join(_TENS)})[-\s](?:{_WORD})\b|(?:{_WORD})\b)"
    r"(?:\s*\(\d+\))?"
)


def parse_number(words: str) -> int:
    """The value of a number as statutes print it.

    >>> [parse_number(w) for w in ("18", "eighteen", "eighteen (18)", "fourteenth", "twenty-one")]
    [18, 18, 18, 14, 21]
    """
    digits = re.search(r"\d+", words)
    if digits:
        return int(digits.group())
    return sum(_NUMBER_WORDS[part] for part in re.split(r"[-\s]+", words.strip().lower()))


_AGE = r"(?:the\s+age\s+of\s+)"
_OF_AGE = r"\s+years?(?:\s+(?:of\s+age|old))?"
# (pattern, fact): the number is group "n"; the first mention of each fact wins
_FACT_PATTERNS = (
    # "has attained the age of sixteen years", "has completed his fourteenth [year]"
    (
        rf"(?<!not\s)(?:has|have)\s+(?:attained|completed|reached)\s+(?:(?:his|her|their)\s+)?"
        rf"{_AGE}?(?P<n>{_NUMBER})",
        "age_at_least",
    ),
    # "has not attained the age of sixteen", "has not completed his fourteenth year"
    (
        rf"not\s+(?:attained|completed|reached)\s+(?:(?:his|her|their)\s+)?{_AGE}?(?P<n>{_NUMBER})",
        "age_under",
    ),
    # "under the age of eighteen", "below the age of 18", "less than the age of 16"
    (rf"(?:under|below|less\s+than|younger\s+than)\s+{_AGE}(?P<n>{_NUMBER})", "age_under"),
    # "under eighteen years of age", "below twenty-four (24) years old", "under 18"
    (
        rf"(?:under|below)\s+(?P<n>{_NUMBER})(?:{_OF_AGE}|(?=\s*(?:[;,.]|$)))",
        "age_under",
    ),
    # "less than sixteen years of age" (but not "a term of not less than seven years")
    (rf"(?:less|younger)\s+than\s+(?P<n>{_NUMBER})\s+years?\s+(?:of\s+age|old)", "age_under"),
    # "of the age of eighteen years or above", "aged 18 years or over"
    (
        rf"(?:{_AGE}|aged\s+)(?P<n>{_NUMBER})\s+years?(?:\s+of\s+age)?"
        r"\s+(?:or|and)\s+(?:above|over|more|older)",
        "age_at_least",
    ),
    (rf"(?:above|over|older\s+than)\s+{_AGE}(?P<n>{_NUMBER})", "age_over"),
    (rf"(?:group|association)\s+of\s+(?P<n>{_NUMBER})\s+or\s+more\s+persons", "group_min_persons"),
)
_FACTS = tuple((re.compile(p, re.IGNORECASE), key) for p, key in _FACT_PATTERNS)


def numeric_facts(definition_text: str) -> dict[str, int]:
    """The ages (and group sizes) a definition states, first mention of each kind winning.

    >>> numeric_facts("a person under the age of eighteen years")
    {'age_under': 18}
    >>> numeric_facts("a person below eighteen (18) years of age")
    {'age_under': 18}
    >>> numeric_facts("a person who has not completed his fourteenth year of age")
    {'age_under': 14}
    >>> numeric_facts("a child who has attained the age of sixteen years but has not attained "
    ...               "the age of eighteen years")
    {'age_at_least': 16, 'age_under': 18}
    >>> numeric_facts("a structured group of three or more persons")
    {'group_min_persons': 3}
    """
    found: list[tuple[int, str, int]] = []
    for pattern, key in _FACTS:
        for match in pattern.finditer(definition_text):
            found.append((match.start(), key, parse_number(match.group("n"))))
    facts: dict[str, int] = {}
    for _, key, value in sorted(found):
        facts.setdefault(key, value)
    return facts


# --- finding the definitions ------------------------------------------------------------------


@dataclass(frozen=True)
class _Anchor:
    """Where a definition starts: its term(s), the first term's offset and the defining verb."""

    terms: tuple[str, ...]
    start: int
    mode: str
    inline_scope: str | None


def find_definitions(provisions: list[Provision], text: str) -> list[Definition]:
    """Every definition in the statute, in document order, one per term.

    >>> from lexcheck.structure.model import Provision
    >>> text = 'In this Act— "child" means a person under the age of eighteen years;'
    >>> sec = Provision("sec_2", "section", "2", "Interpretation", text, (0, len(text)), [1])
    >>> [(d.term, d.mode, d.scope, d.facts) for d in find_definitions([sec], text)]
    [('child', 'means', 'Act', {'age_under': 18})]
    """
    hosts = _interpretation_provisions(provisions, text)
    host_ids = {id(host) for host in hosts}
    anchors = sorted(_anchors(text, hosts), key=lambda a: a.start)
    definitions = []
    for i, anchor in enumerate(anchors):
        following = anchors[i + 1] if i + 1 < len(anchors) else None
        chain = _chain_at(provisions, anchor.start)
        if not chain:
            continue
        host = next((p for p in chain if id(p) in host_ids), None)
        end = _definition_end(text, anchor, following, host or chain[-1])
        scope = _scope(text, anchor, chain, in_host=host is not None)
        facts = {} if anchor.mode == "has-meaning" else numeric_facts(text[anchor.start : end])
        home = _defining_provision(text, anchor, chain, host)
        definitions.extend(
            Definition(
                term,
                home.eid,
                anchor.mode,
                text[anchor.start : end],
                (anchor.start, end),
                scope,
                facts,
            )
            for term in anchor.terms
        )
    return definitions


def _defining_provision(
    text: str, anchor: _Anchor, chain: list[Provision], host: Provision | None
) -> Provision:
    """The provision a definition belongs to: the innermost one that starts on the term's line.

    A term printed on a line of its own ("forced labour" means ... after the list items of the
    previous definition) is read by a numbering grammar as the continuation of the last item; it
    belongs to the interpretation provision, not to item (j).
    """
    line_start = text.rfind("\n", 0, anchor.start) + 1
    for provision in reversed(chain):
        if provision.span[0] >= line_start:
            return provision
    return host or chain[-1]


def _anchors(text: str, hosts: list[Provision]) -> Iterator[_Anchor]:
    """Quoted anchors anywhere; "is" and unquoted anchors only inside interpretation provisions."""
    seen: set[int] = set()
    for match in _QUOTED_ANCHOR.finditer(text):
        seen.add(match.start())
        yield _anchor(match)
    for host in hosts:
        for pattern in (_QUOTED_IS_ANCHOR, _PLAIN_ANCHOR):
            for match in pattern.finditer(text, host.span[0], host.span[1]):
                if match.start("terms") not in seen:
                    seen.add(match.start("terms"))
                    yield _anchor(match)


def _anchor(match: re.Match[str]) -> _Anchor:
    groups = match.groupdict()
    chunk = match.group("terms")
    terms = tuple(t.strip() for t in _TERM_TEXT.findall(chunk)) or (chunk.strip(),)
    mode = "means" if groups.get("v_is") else ""
    for i, (_, name) in enumerate(_VERBS):
        if groups.get(f"v{i}"):
            mode = name
    return _Anchor(terms, match.start("terms"), mode, groups.get("inline_scope"))


def _interpretation_provisions(provisions: list[Provision], text: str) -> list[Provision]:
    """Provisions headed like an interpretation section, or the innermost holding ≥2 definitions."""
    hosts = []
    for top in provisions:
        for provision in top.walk():
            if _reads_like_interpretation(provision) or _innermost_with_definitions(
                provision, text
            ):
                hosts.append(provision)
    return hosts


def _reads_like_interpretation(provision: Provision) -> bool:
    """Headed "Interpretation" and the like, or quoting a section so headed: an amending Act
    prints the new section as text of its own ("SEC. 3. ... to read as follows: "SEC. 3.
    Definition of Terms. —")."""
    if _INTERPRETATION_HEADING.match(provision.heading):
        return True
    for i, line in enumerate(provision.text.lstrip().split("\n")):
        number = _NUMBER_PREFIX.match(line)
        if number is None and i > 0:
            continue  # a later line counts only as a numbered heading
        if _INTERPRETATION_HEADING.match(line[number.end() if number else 0 :]):
            return True
    return False


def _innermost_with_definitions(provision: Provision, text: str) -> bool:
    if provision.kind in _ABOVE_SECTION or _count_quoted(provision, text) < 2:
        return False
    return all(_count_quoted(child, text) < 2 for child in provision.children)


def _count_quoted(provision: Provision, text: str) -> int:
    return sum(1 for _ in _QUOTED_ANCHOR.finditer(text, provision.span[0], provision.span[1]))


def _chain_at(provisions: list[Provision], offset: int) -> list[Provision]:
    """The provisions holding `offset`, outermost first (empty when none does)."""
    chain: list[Provision] = []
    level = provisions
    while True:
        holder = next((p for p in level if p.span[0] <= offset < p.span[1]), None)
        if holder is None:
            return chain
        chain.append(holder)
        level = holder.children


def _definition_end(text: str, anchor: _Anchor, following: _Anchor | None, bound: Provision) -> int:
    """Where a definition stops: at the line where the next one starts, else where `bound` ends.

    An editor's note line ("[[MISSING: ...]]") is not statute text and also ends a definition.
    """
    end = bound.span[1]
    if following is not None and following.start < end:
        line_start = text.rfind("\n", anchor.start, following.start) + 1
        end = line_start if line_start > anchor.start else following.start
    note = text.find("\n[[", anchor.start, end)
    if note != -1:
        end = note
    while end > anchor.start and text[end - 1].isspace():
        end -= 1
    return end


def _scope(text: str, anchor: _Anchor, chain: list[Provision], *, in_host: bool) -> str:
    """'Act', 'Part', 'section' ... from the nearest scope phrase, else from where it stands."""
    if anchor.inline_scope:
        return _scope_name(anchor.inline_scope)
    section = next((p for p in reversed(chain) if p.kind in _SECTION_KINDS), chain[-1])
    phrases = list(_SCOPE_PHRASE.finditer(text, section.span[0], anchor.start))
    if phrases:
        return _scope_name(phrases[-1].group("unit"))
    return "Act" if in_host else "section"


def _scope_name(unit: str) -> str:
    return _SCOPE_NAMES.get(unit.lower(), unit)
