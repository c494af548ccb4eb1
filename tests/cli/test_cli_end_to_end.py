"""End-to-end tests through the `lexcheck` command line, on the sample statutes as PDFs and text."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from lexcheck.cli import main

STATUTES = Path(__file__).resolve().parents[2] / "statutes"
DRAFT_PDF = STATUTES / "pdf" / "single" / "veridia-tip-bill-2025-draft.pdf"
AMENDED_TXT = STATUTES / "veridia-tip-bill-2025-amended.txt"
DRAFT_TXT = STATUTES / "veridia-tip-bill-2025-draft.txt"
IMMIGRATION_PDF = STATUTES / "pdf" / "twocol" / "veridia-immigration-act-2019.pdf"
LABOUR_TXT = STATUTES / "veridia-labour-code-2018.txt"

pytestmark = pytest.mark.slow


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_version_and_help_name_every_command() -> None:
    assert run("--version").output.startswith("lexcheck, version")
    help_text = run("--help").output
    for command in ("parse", "check", "graph", "rules", "ci", "diff", "eval"):
        assert command in help_text


def test_parse_pdf_as_json_gives_provisions_definitions_and_references() -> None:
    result = run("parse", DRAFT_PDF, "--format", "json")
    assert result.exit_code == 0
    tree = json.loads(result.stdout)
    assert {"provisions", "definitions", "references"} <= tree.keys()
    first = tree["provisions"][0]
    assert {"eid", "kind", "num", "heading", "text", "pages", "children"} <= first.keys()
    terms = {definition["term"].lower() for definition in tree["definitions"]}
    assert "child" in terms


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.txt", b"", "empty"),
        ("broken.pdf", b"%PDF-1.4\n this file was cut off", "broken.pdf"),
        ("scan.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 32, "scan.png"),
    ],
)
def test_bad_input_exits_2_with_a_message_naming_the_file(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    result = CliRunner().invoke(main, ["parse", str(bad)])
    assert result.exit_code == 2
    assert name in result.output
    assert expected in result.output.lower() or expected in result.output
    assert "Traceback" not in result.output


def test_missing_file_exits_2() -> None:
    result = CliRunner().invoke(main, ["check", "no-such-statute.pdf"])
    assert result.exit_code == 2
    assert "no-such-statute.pdf" in result.output


def test_check_pdfs_gives_json_findings_with_evidence_and_exit_1(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = run("check", DRAFT_PDF, IMMIGRATION_PDF, "-o", out)
    assert result.exit_code == 1, result.output
    findings = json.loads(out.read_text())["findings"]
    required = {"element", "status", "severity", "statute", "eid", "page", "evidence", "why"}
    assert all(required <= finding.keys() for finding in findings)
    by_element = {finding["element"]: finding for finding in findings}
    child = by_element["tip.child.no_means_required"]
    assert child["status"] == "conflict"
    assert child["page"] >= 1
    assert "force" in json.dumps(child["evidence"]).lower()


def test_fail_on_never_exits_0() -> None:
    result = run("check", DRAFT_TXT, "--fail-on", "never", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["findings"]


def test_check_writes_each_format_from_the_suffix(tmp_path: Path) -> None:
    outputs = [tmp_path / f"r{suffix}" for suffix in (".html", ".json", ".sarif", ".md", ".xml")]
    result = run("check", DRAFT_TXT, "--fail-on", "never", *[x for o in outputs for x in ("-o", o)])
    assert result.exit_code == 0, result.output
    assert all(path.stat().st_size > 0 for path in outputs)
    assert outputs[0].read_text().lstrip().lower().startswith("<!doctype html")
    assert json.loads(outputs[2].read_text())["version"] == "2.1.0"


def test_check_never_overwrites_a_file_it_did_not_write(tmp_path: Path) -> None:
    mine = tmp_path / "notes.html"
    mine.write_text("my own notes")
    refused = CliRunner().invoke(main, ["check", str(DRAFT_TXT), "-o", str(mine)])
    assert refused.exit_code == 2
    assert "--force" in refused.output
    assert mine.read_text() == "my own notes"
    forced = run("check", DRAFT_TXT, "-o", mine, "--force", "--fail-on", "never")
    assert forced.exit_code == 0
    assert "my own notes" not in mine.read_text()


def test_kind_override_must_name_a_given_file() -> None:
    result = CliRunner().invoke(main, ["check", str(DRAFT_TXT), "--kind", "other.txt=labour"])
    assert result.exit_code == 2
    assert "other.txt" in result.output


def test_diff_shows_the_gaps_the_amendment_closes() -> None:
    result = run("diff", DRAFT_TXT, AMENDED_TXT, "--format", "json")
    assert result.exit_code == 0
    changes = {c["element"]: c for c in json.loads(result.stdout)["changes"]}
    assert changes["tip.means.abuse_of_vulnerability"]["change"] == "closed"
    assert changes["tip.child.no_means_required"]["new"] == "met"


def test_ci_fails_on_new_gaps_until_they_are_accepted_in_the_baseline(tmp_path: Path) -> None:
    shutil.copy(DRAFT_TXT, tmp_path)
    shutil.copy(LABOUR_TXT, tmp_path)
    config = {
        "profile": "un-core",
        "fail_on": "high",
        "frameworks": [
            {
                "name": "draft",
                "statutes": [
                    {"file": DRAFT_TXT.name, "kind": "tip"},
                    {"file": LABOUR_TXT.name, "kind": "labour"},
                ],
            }
        ],
    }
    config_path = tmp_path / "lexcheck.yaml"
    config_path.write_text(yaml.safe_dump(config))
    first = CliRunner().invoke(main, ["ci", "--config", str(config_path)])
    assert first.exit_code == 1, first.output
    assert (tmp_path / "reports" / "draft" / "gap-report.sarif").is_file()
    accept = run("ci", "--config", config_path, "--update-baseline", "--reason", "known in draft")
    assert accept.exit_code == 0
    assert "known in draft" in (tmp_path / ".lexcheck-baseline.json").read_text()
    second = run("ci", "--config", config_path)
    assert second.exit_code == 0, second.output


def test_ci_refuses_an_unknown_config_key_with_a_suggestion(tmp_path: Path) -> None:
    config_path = tmp_path / "lexcheck.yaml"
    config_path.write_text("profil: un-core\nframeworks: []\n")
    result = CliRunner().invoke(main, ["ci", "--config", str(config_path)])
    assert result.exit_code == 2
    assert "profile" in result.output


def test_eval_scores_a_labelled_framework(tmp_path: Path) -> None:
    framework = tmp_path / "veridia"
    framework.mkdir()
    shutil.copy(DRAFT_TXT, framework)
    labels = {
        "files": {DRAFT_TXT.name: "tip"},
        "elements": {
            "tip.means.abuse_of_vulnerability": "missing",
            "tip.act.recruitment": "met",
            "tip.child.no_means_required": "conflict",
            "tip.victim.reflection_period": "unknown",
        },
    }
    (framework / "labels.yaml").write_text(yaml.safe_dump(labels))
    result = run("eval", tmp_path, "--format", "json")
    assert result.exit_code == 0, result.output
    overall = json.loads(result.stdout)[0]["overall"]
    assert overall["count"] == 3
    assert overall["status_accuracy"] == 1.0


def test_graph_exports_json_with_cross_statute_links() -> None:
    result = run("graph", DRAFT_TXT, STATUTES / "veridia-immigration-act-2019.txt")
    assert result.exit_code == 0
    graph = json.loads(result.stdout)
    assert graph["nodes"]
    kinds = {edge.get("kind") for edge in graph.get("links", graph.get("edges", []))}
    assert {"contains", "refers_to", "defines"} <= kinds
