"""The numbering grammar: which words at the start of a line open a provision, and how numbers follow.

A *marker* is the printed number of a unit at the start of a line: "PART II", "5.", "§ 1589.",
"SEC. 2.", "Article 5", "(a)", "Explanation 1.—", "Secondly.—", "Provided that". `read_marker`
recognises one and says which family it belongs to; the tree builder decides where it goes.

A list number such as "(i)" can be read more than one way (the letter after "(h)", or the first
roman numeral), so a list marker carries every `Reading` of its number, and `follows` says whether
one reading continues another. Sequence continuity, not the look of the number, settles the rest:

* "(h)" then "(i)": the letter i;  a first "(i)": roman one;  "(ii)" after "(i)": roman two;
* "(b)", "(ba)", "(bb)", "(c)": inserted paragraphs;  "5", "5A", "6": an inserted section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ORDINAL_WORDS = (
    ("First", "Firstly"),
    ("Second", "Secondly"),
    ("Third", "Thirdly"),
    ("Fourth", "Fourthly"),
    ("Fifth", "Fifthly"),
    ("Sixth", "Sixthly"),
    ("Seventh", "Seventhly"),
    ("Eighth", "Eighthly"),
    ("Ninth", "Ninthly"),
    ("Tenth", "Tenthly"),
)
"""Indian-style limbs ("First.—", "Secondly.—") in order; either spelling counts."""

_ORDINAL_RANK = {
    word.lower(): rank for rank, words in enumerate(ORDINAL_WORDS, 1) for word in words
}
_SCHEDULE_ORDINALS = "FIRST|SECOND|THIRD|FOURTH|FIFTH|SIXTH|SEVENTH|EIGHTH|NINTH|TENTH"
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


@dataclass(frozen=True)
class Reading:
    """One way to read a list number: its style and the number in that style.

    `style` is arabic ("1", "1A"), lower ("a", "ba"), roman ("iv"), upper ("A"), upper_roman
    ("IV"), ordinal ("Secondly") or dotted ("3." numbering paragraphs inside an article or a
    schedule). `number` is the printed number without brackets, as the reading understands it.
    """

    style: str
    number: str


@dataclass(frozen=True)
class Marker:
    """A provision marker found at the start of a line.

    `family` is big (part, chapter …), schedule, section (section or article level), item (a list
    number), explanation, illustration or proviso. `kind` is the AKN kind the family implies when
    it does not depend on the context (part, chapter, section, article, schedule …). `num` is the
    number as printed without decoration. `end` is the offset in the line just after the marker and
    its separator, where the heading or the text begins. `style` tells section numbering styles
    apart: plain ("5."), keyword ("SEC. 5."), us ("§ 5.") or article ("Article 5").
    """

    family: str
    kind: str
    num: str
    end: int
    readings: tuple[Reading, ...] = ()
    style: str = ""


_BIG_UNIT = re.compile(
    r"(?P<kw>PART|SUBPART|SUB-PART|CHAPTER|SUBCHAPTER|DIVISION|SUBDIVISION|TITLE|BOOK)\s*"
    r"(?P<num>[IVXLCDM]+[A-Za-z]?|\d+[A-Za-z]?)(?=$|[\s.:,–—―-])"
    r"|(?P<tkw>Part|Subpart|Chapter|Subchapter|Division|Subdivision|Title|Book)\s+"
    r"(?P<tnum>[IVXLCDM]+[A-Za-z]?|\d+[A-Za-z]?)(?=$|[\s.:,–—―-])"
)
_BIG_KINDS = {
    "part": "part",
    "subpart": "subpart",
    "sub-part": "subpart",
    "chapter": "chapter",
    "subchapter": "subchapter",
    "division": "division",
    "subdivision": "subdivision",
    "title": "title",
    "book": "book",
}
_SCHEDULE = re.compile(
    rf"(?:THE\s+|The\s+)?(?:(?P<ord>{_SCHEDULE_ORDINALS}|{_SCHEDULE_ORDINALS.title()})\s+)?"
    r"(?P<kw>SCHEDULE|Schedule|ANNEXURE|ANNEX|Annex|APPENDIX|Appendix)"
    r"(?:\s+(?P<num>\d+[A-Z]?|[IVX]+|[A-Z]))?"
    r"\s*(?=$|[-–—―:.(\[])"
)
_SECTION_KEYWORD = re.compile(
    r"(?P<kw>SECTION|Section|SEC\.|Sec\.|SEC|Sec)\s*(?P<num>\d+[A-Za-z]{0,3}(?:-[A-Z]|\.\d+)*)"
    r"\s*(?P<sep>\.(?!\d)\s*(?:[-–—―]\s*)?|:\s*|(?<=\s)-+\s+|[–—―]\s*|$)"
)
_US_SECTION = re.compile(r"§+\s*(?P<num>\d+[A-Za-z]?(?:[.-]\d+[A-Za-z]?)*)\.?(?=\s|$)\s*")
_ARTICLE = re.compile(
    r"(?P<kw>ARTICLE|Article|ART\.|Art\.)\s*"
    r"(?P<num>\d+[a-z]?(?:\s?(?:bis|ter|quater|quinquies))?|[IVXLC]+)"
    r"\s*(?P<sep>\.\s*[-–—―]+\s*|\.(?!\d)\s*|:\s*|[-–—―]+\s*|$)"
)
_PLAIN_SECTION = re.compile(
    r"(?P<num>\d{1,4}[A-Z]{0,3}|\d{1,4}[a-z]{1,2}(?=\.))"
    r"(?P<sep>\.(?![\d.])\s*|\s*[―—–](?=\s*[A-Z(])\s*)"
)
_DECIMAL_SECTION = re.compile(r"(?P<num>\d{1,4}(?:\.\d{1,3})+)(?P<sep>\.?\s+(?=[A-Z(]))")
_ITEM = re.compile(r"\(\s*(?P<num>\d{1,3}(?:\s?[A-Za-z]{1,2})?|[a-z]{1,5}|[A-Z]{1,5})\s*\)\s*")
_EXPLANATION = re.compile(
    r"Explanation(?:\s*(?P<num>\d+|[IVX]+))?\s*[.:]?\s*[-–—―]+\s*|Explanation\s*[.:]\s*"
)
_ILLUSTRATION = re.compile(r"Illustrations?\s*\.?\s*(?:[-–—―]+\s*)?(?=$|[A-Z(])")
_PROVISO = re.compile(r"Provided(?=[\s,]+(?:that|That|further|also|always|however|,))")
_ORDINAL = re.compile(
    r"(?P<num>"
    + "|".join(word for words in ORDINAL_WORDS for word in reversed(words))
    + r")\s*[.:]?\s*[-–—―]+\s*"
)
_REFERENCE_TAIL = re.compile(
    r"(?:of|and|or)\s+(?:this|that|the said|sub-?sections?|sections?|paragraphs?|sub-?paragraphs?"
    r"|clauses?|articles?|regulations?|rules?|parts?|chapters?)\b"
    r"|(?:applies|apply|does not|do not|shall apply|has effect|have effect)\b"
    r"|(?:and|or|to|,)\s*\(",
)
_SEPARATOR = re.compile(r"\s*(?:[-–—―:.]+\s*)?")
_BIG_UNIT_BODY = re.compile(r"\s*(?:[a-z]|of\s+(?:the|this|that)\b)")


def read_marker(text: str) -> Marker | None:
    """The provision marker at the start of `text` (a stripped line, or the rest of one), if any.

    >>> read_marker("PART II – OFFENCES").kind, read_marker("PART II – OFFENCES").num
    ('part', 'II')
    >>> read_marker("370A. Exploitation of a trafficked person.—").num
    '370A'
    >>> read_marker("SEC. 2. Declaration of Policy. —").style
    'keyword'
    >>> [r.style for r in read_marker("(i) threat of harm").readings]
    ['lower', 'roman']
    >>> read_marker("Section 11 of the principal Act is amended—") is None
    True
    """
    for reader in _READERS:
        marker = reader(text)
        if marker is not None:
            return marker
    return None


def _big_unit(text: str) -> Marker | None:
    match = _BIG_UNIT.match(text)
    if match is None or _BIG_UNIT_BODY.match(text, match.end()):
        return None
    keyword = (match.group("kw") or match.group("tkw")).lower()
    num = match.group("num") or match.group("tnum")
    return Marker("big", _BIG_KINDS[keyword], num, _skip_separator(text, match.end()))


def _schedule(text: str) -> Marker | None:
    match = _SCHEDULE.match(text)
    if match is None:
        return None
    num = (match.group("ord") or match.group("num") or "").upper()
    return Marker("schedule", "schedule", num, _skip_separator(text, match.end()))


def _keyword_section(text: str) -> Marker | None:
    match = _SECTION_KEYWORD.match(text)
    if match is None:
        return None
    return Marker("section", "section", match.group("num"), match.end(), style="keyword")


def _us_section(text: str) -> Marker | None:
    match = _US_SECTION.match(text)
    if match is None:
        return None
    return Marker("section", "section", match.group("num").rstrip("."), match.end(), style="us")


def _article(text: str) -> Marker | None:
    match = _ARTICLE.match(text)
    if match is None:
        return None
    num = re.sub(r"\s+", "", match.group("num"))
    return Marker("section", "article", num, match.end(), style="article")


def _plain_section(text: str) -> Marker | None:
    match = _DECIMAL_SECTION.match(text) or _PLAIN_SECTION.match(text)
    if match is None:
        return None
    num = match.group("num")
    readings = (Reading("dotted", num),) if num.isdigit() else ()
    return Marker("section", "section", num, match.end(), readings, style="plain")


def _item(text: str) -> Marker | None:
    match = _ITEM.match(text)
    if match is None or is_reference_tail(text[match.end() :]):
        return None
    num = re.sub(r"\s+", "", match.group("num"))
    readings = item_readings(num)
    if not readings:
        return None
    return Marker("item", "", num, match.end(), readings)


def _explanation(text: str) -> Marker | None:
    match = _EXPLANATION.match(text)
    if match is None:
        return None
    return Marker("explanation", "explanation", match.group("num") or "", match.end())


def _illustration(text: str) -> Marker | None:
    match = _ILLUSTRATION.match(text)
    if match is None:
        return None
    return Marker("illustration", "illustration", "", match.end())


def _proviso(text: str) -> Marker | None:
    if not _PROVISO.match(text):
        return None
    return Marker("proviso", "proviso", "", 0)


def _ordinal(text: str) -> Marker | None:
    match = _ORDINAL.match(text)
    if match is None:
        return None
    num = match.group("num")
    return Marker("item", "", num, match.end(), (Reading("ordinal", num),))


_READERS = (
    _big_unit,
    _schedule,
    _keyword_section,
    _us_section,
    _article,
    _plain_section,
    _item,
    _explanation,
    _illustration,
    _proviso,
    _ordinal,
)


def _skip_separator(text: str, position: int) -> int:
    """Move past the punctuation that parts a unit's number from its heading ("PART I – ")."""
    return _SEPARATOR.match(text, position).end()


def is_reference_tail(text: str) -> bool:
    """Whether words after a bracketed number make it a cross-reference, not a new provision.

    >>> is_reference_tail("of section 4 applies")
    True
    >>> is_reference_tail("in subsection (3)—")
    False
    """
    return bool(_REFERENCE_TAIL.match(text))


def item_readings(num: str) -> tuple[Reading, ...]:
    """Every way to read a bracketed list number, most likely first.

    >>> item_readings("i")
    (Reading(style='lower', number='i'), Reading(style='roman', number='i'))
    >>> item_readings("ii")
    (Reading(style='lower', number='ii'), Reading(style='roman', number='ii'))
    >>> item_readings("iv")
    (Reading(style='lower', number='iv'), Reading(style='roman', number='iv'))
    >>> item_readings("xiv")
    (Reading(style='roman', number='xiv'),)
    >>> item_readings("1a")
    (Reading(style='arabic', number='1a'),)
    """
    if num[0].isdigit():
        return (Reading("arabic", num),)
    lower = num.islower()
    readings = []
    if _is_letter_number(num.lower()):
        readings.append(Reading("lower" if lower else "upper", num))
    if roman_value(num.lower()):
        readings.append(Reading("roman" if lower else "upper_roman", num))
    return tuple(readings)


def _is_letter_number(num: str) -> bool:
    """Letters number a list one or two at a time: "a", "ba" (inserted after "b"), "aa"."""
    return len(num) <= 2 or len(set(num)) == 1


def roman_value(num: str) -> int:
    """The value of a lower-case roman numeral up to c (100), or 0 if it is not one.

    >>> roman_value("xiv"), roman_value("l"), roman_value("ab")
    (14, 50, 0)
    """
    if not num or any(char not in _ROMAN for char in num):
        return 0
    total = 0
    for char, following in zip(num, [*num[1:], ""], strict=True):
        value = _ROMAN[char]
        total += -value if following and _ROMAN[following] > value else value
    canonical = _to_roman(total) if 0 < total <= 100 else ""
    return total if canonical == num else 0


def _to_roman(value: int) -> str:
    parts = ((100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"))
    out = ""
    for size, numeral in (*parts, (4, "iv"), (1, "i")):
        count, value = divmod(value, size)
        out += numeral * count
    return out


def is_first(reading: Reading) -> bool:
    """Whether a reading opens a list: (1), (a), (i), (A), (I), First, 1.

    >>> is_first(Reading("roman", "i")), is_first(Reading("lower", "i"))
    (True, False)
    """
    if reading.style in ("arabic", "dotted"):
        return reading.number in ("1", "01")
    if reading.style in ("lower", "upper"):
        return reading.number.lower() == "a"
    if reading.style in ("roman", "upper_roman"):
        return reading.number.lower() == "i"
    return _ORDINAL_RANK.get(reading.number.lower()) == 1


def follows(previous: Reading, current: Reading, gap: bool = False) -> bool:
    """Whether `current` is the next number after `previous` in the same list.

    With `gap` (text was left out between them) any later number in the style follows.

    >>> follows(Reading("lower", "h"), Reading("lower", "i"))
    True
    >>> follows(Reading("roman", "i"), Reading("roman", "ii"))
    True
    >>> follows(Reading("lower", "b"), Reading("lower", "ba"))
    True
    >>> follows(Reading("lower", "bb"), Reading("lower", "c"))
    True
    >>> follows(Reading("arabic", "5"), Reading("arabic", "5A"))
    True
    >>> follows(Reading("arabic", "2"), Reading("arabic", "7"))
    False
    """
    if previous.style != current.style:
        return False
    before, after = sequence_key(previous), sequence_key(current)
    if gap:
        return after > before
    return after in _successors(previous)


def follows_closely(previous: Reading, current: Reading, slack: int = 2) -> bool:
    """Whether `current` comes at most `slack` numbers after the next one in `previous`'s list.

    A marker lost by the typesetter or the reader ("(viii)" run into the line above) should not
    turn the rest of its list into plain text: "(ix)" after "(vii)" still continues the list.

    >>> follows_closely(Reading("roman", "vii"), Reading("roman", "ix"))
    True
    >>> follows_closely(Reading("lower", "a"), Reading("lower", "g"))
    False
    """
    if previous.style != current.style:
        return False
    step = sequence_key(current)[0] - sequence_key(previous)[0]
    return 1 <= step <= 1 + slack


def sequence_key(reading: Reading) -> tuple[int, str]:
    """A sortable position in the reading's sequence: (main number, inserted suffix).

    >>> sequence_key(Reading("arabic", "5A")), sequence_key(Reading("lower", "ba"))
    ((5, 'a'), (2, 'a'))
    """
    number = reading.number
    if reading.style in ("arabic", "dotted"):
        digits = re.match(r"\d+", number)
        return (int(digits.group()), number[digits.end() :].lower()) if digits else (0, "")
    if reading.style in ("roman", "upper_roman"):
        return (roman_value(number.lower()), "")
    if reading.style == "ordinal":
        return (_ORDINAL_RANK.get(number.lower(), 0), "")
    letters = number.lower()
    return (ord(letters[0]) - 96, letters[1:])


def _successors(reading: Reading) -> set[tuple[int, str]]:
    """The positions that may come next: the next number, or one inserted after this one.

    Letters also run on doubled once the alphabet is used up: "z", "aa", "bb".
    """
    main, suffix = sequence_key(reading)
    following = {(main + 1, "")}
    if reading.style in ("arabic", "dotted", "lower", "upper"):
        following.add((main, _next_suffix(suffix)))
    letters = reading.number.lower()
    if reading.style in ("lower", "upper") and len(set(letters)) == 1:
        doubled = "a" * 2 if letters == "z" else chr(ord(letters[0]) + 1) * len(letters)
        following.add((ord(doubled[0]) - 96, doubled[1:]))
    return following


def _next_suffix(suffix: str) -> str:
    """ "" -> "a", "a" -> "b": the suffix of the next inserted number."""
    if not suffix:
        return "a"
    return suffix[:-1] + chr(ord(suffix[-1]) + 1)


def section_key(num: str) -> tuple[int, tuple[int, ...], str]:
    """A sortable key for a section number: 366A < 366B < 367 < 370 < 370A; 279.01 < 279.02.

    >>> section_key("366A"), section_key("279.01"), section_key("26-A")
    ((366, (), 'a'), (279, (1,), ''), (26, (), 'a'))
    """
    match = re.match(r"(\d+)((?:\.\d+)*)[-\s]*([A-Za-z]*)", num)
    if match is None:
        return (0, (), num.lower())
    decimals = tuple(int(part) for part in match.group(2).split(".") if part)
    return (int(match.group(1)), decimals, match.group(3).lower())
