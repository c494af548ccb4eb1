"""The pages in docs/ stay true to the repository: links resolve, and documented options exist."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest

from lexcheck.cli import main

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs"
PAGES = sorted(DOCS.glob("*.md"))
EXPECTED_PAGES = {
    "README.md",
    "elements.md",
    "rule-authoring.md",
    "output-formats.md",
    "ci.md",
    "limits.md",
    "evaluation.md",
}
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_EXPLICIT_ANCHOR = re.compile(r'<a id="([^"]+)"></a>')
_HEADING = re.compile(r"^#{1,6}\s+(.*)$", re.M)


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = heading.strip().lower().replace("`", "")
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    text = page.read_text(encoding="utf-8")
    return set(_EXPLICIT_ANCHOR.findall(text)) | {_slug(h) for h in _HEADING.findall(text)}


def test_the_index_and_every_page_exist() -> None:
    assert {page.name for page in PAGES} >= EXPECTED_PAGES
    index = (DOCS / "README.md").read_text(encoding="utf-8")
    for name in EXPECTED_PAGES - {"README.md"}:
        assert f"({name})" in index, f"docs/README.md does not link to {name}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_relative_link_and_anchor_resolves(page: Path) -> None:
    broken = []
    for target in _LINK.findall(page.read_text(encoding="utf-8")):
        if target.startswith(("http://", "https://", "mailto:")):
            continue
        path_part, _, anchor = target.partition("#")
        linked = (page.parent / path_part).resolve() if path_part else page
        checkable = linked.is_file() and linked.suffix == ".md"
        if not linked.exists() or (anchor and checkable and anchor not in _anchors(linked)):
            broken.append(target)
    assert not broken, f"{page.name}: broken links {broken}"


def _shell_blocks(text: str) -> list[str]:
    """The bodies of the page's fenced blocks marked bash or sh, or not marked at all."""
    blocks, body, language = [], [], None
    for line in text.splitlines():
        if line.startswith("```"):
            if language is None:
                language, body = line[3:].strip(), []
                continue
            if language in ("", "bash", "sh"):
                blocks.append("\n".join(body))
            language = None
        elif language is not None:
            body.append(line)
    return blocks


def _command_lines(page: Path) -> list[list[str]]:
    """The `lexcheck ...` commands of a page's shell blocks, continuation lines joined."""
    commands = []
    for block in _shell_blocks(page.read_text(encoding="utf-8")):
        for line in block.replace("\\\n", " ").splitlines():
            line = line.split(" #", 1)[0].strip()
            if line.split(" ", 1)[0] == "lexcheck":
                words = shlex.split(line.split("||")[0].split(">")[0])
                commands.append(words[1:])
    return commands


def _command(words: list[str]) -> tuple[click.Command, list[str]]:
    command: click.Command = main
    rest = list(words)
    while isinstance(command, click.Group) and rest and rest[0] in command.commands:
        command = command.commands[rest.pop(0)]
    return command, rest


def _options(command: click.Command) -> set[str]:
    names = {"--help", "-h"}
    for param in command.params:
        names.update(param.opts)
        names.update(param.secondary_opts)
    return names


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_documented_lexcheck_option_exists(page: Path) -> None:
    unknown = []
    for words in _command_lines(page):
        command, rest = _command(words)
        assert not isinstance(command, click.Group), f"{page.name}: no subcommand in {words}"
        options = _options(command)
        for word in rest:
            if word.startswith("-") and word.split("=", 1)[0] not in options:
                unknown.append(f"lexcheck {' '.join(words)}: {word}")
    assert not unknown, f"{page.name}: options that do not exist: {unknown}"
