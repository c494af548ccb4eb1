"""Provision kinds: their Akoma Ntoso names, and which kind a list item takes under its parent.

Kinds are AKN element names where AKN has one: book, title, part, subpart, chapter, subchapter,
division, subdivision, section, article, subsection, paragraph, subparagraph, clause, subclause,
point, proviso, preface; `wrapup` is AKN's wrapUp (the words that close a list: "…, commits an
offence"); `schedule` is what AKN holds in an attachment. `explanation` and `illustration` (Indian
drafting: "Explanation 1.—", "Illustration.") are AKN hcontainers named so.

A list item's kind depends on where it stands, as in the drafting manuals:

* under a section: "(1)" is a subsection, "(a)" a paragraph (US "§ 1589. (a)": a subsection);
* under an article: a paragraph;
* under a subsection: paragraph, then subparagraph, clause, subclause, point, each level down.
"""

from __future__ import annotations

BIG_UNITS = ("book", "title", "part", "subpart", "chapter", "subchapter", "division", "subdivision")
"""Units that group sections; which contains which is read from the statute (Part > Chapter or
Chapter > Part, Indigo #511)."""

SECTION_LEVEL = ("section", "article")
"""The numbered units that carry a statute's rules; cross-references mostly point at these."""

LIST_LADDER = ("subsection", "paragraph", "subparagraph", "clause", "subclause", "point")
"""The kinds of list items from the outermost down."""

LIST_ITEMS = frozenset(LIST_LADDER[1:])
"""Kinds that are items of a list, after which a wrap-up may close the list."""


def item_kind(base: str | None, style: str, us_style: bool = False) -> str:
    """The kind of a list item whose nearest numbered ancestor is of kind `base`.

    `style` is the item number's reading style (arabic, lower, roman …); `us_style` is True in a
    statute whose sections are printed "§ 1589.".

    >>> item_kind("section", "arabic"), item_kind("section", "lower")
    ('subsection', 'paragraph')
    >>> item_kind("section", "lower", us_style=True), item_kind("subsection", "lower")
    ('subsection', 'paragraph')
    >>> item_kind("paragraph", "roman"), item_kind("point", "lower"), item_kind(None, "arabic")
    ('subparagraph', 'point', 'paragraph')
    """
    if base == "section":
        return "subsection" if us_style or style == "arabic" else "paragraph"
    if base in LIST_LADDER:
        return LIST_LADDER[min(LIST_LADDER.index(base) + 1, len(LIST_LADDER) - 1)]
    return "paragraph"
