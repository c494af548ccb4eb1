"""The HTML report in a real headless Chromium: offline, filterable, linkable, printable, accessible.

Uses the system Chromium (Debian package `chromium`) through Playwright's `executable_path`; never
`playwright install`. Skipped, with the reason, only when no Chromium binary is installed. The axe-core
audit needs `axe.min.js`: it is fetched once with `npm pack axe-core@AXE_VERSION` into a cache folder
(LEXCHECK_TEST_CACHE, default: the system temp dir) and that one check is skipped when npm or the
network is unavailable. Screenshots go to pytest's tmp dir, and also to LEXCHECK_SCREENSHOTS if set.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from factories import TIP, make_report

from lexcheck.report import write

pytestmark = pytest.mark.browser

AXE_VERSION = "4.10.3"
CHROMIUM = shutil.which("chromium") or next(
    (p for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser") if Path(p).exists()), None
)
CONFLICTS = "F-tip-victim-non_punishment"


@dataclass
class Session:
    """A page on the report, with everything it tried to fetch and every error it logged."""

    page: object
    url: str
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def report_file(tmp_path_factory) -> Path:
    return write(make_report(), "html", tmp_path_factory.mktemp("report") / "gap-report.html")


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("no Chromium binary found (install it with `apt-get install -y chromium`)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def context(browser):
    """One browser context for the module; it aborts every request that would leave the disk."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})

    def refuse_network(route) -> None:
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", refuse_network)
    yield context
    context.close()


@pytest.fixture
def session(context, report_file) -> Iterator[Session]:
    page = context.new_page()
    opened = Session(page, report_file.as_uri())
    page.on("request", lambda request: opened.requests.append(request.url))
    page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: opened.errors.append(str(error)))
    page.goto(opened.url)
    yield opened
    page.close()


def screenshot(page, tmp_path: Path, name: str) -> None:
    page.screenshot(path=str(tmp_path / name), full_page=True)
    keep = os.environ.get("LEXCHECK_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(tmp_path / name, Path(keep) / name)


def visible(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(
        selector, "els => els.filter(e => e.checkVisibility()).map(e => e.dataset.status)"
    )


def test_loads_offline_with_no_error_and_no_network_request(session, tmp_path):
    screenshot(session.page, tmp_path, "report-screen.png")
    assert session.errors == []
    assert [url for url in session.requests if not url.startswith(("file:", "data:"))] == []
    assert session.page.title().startswith("lexcheck gap report")


def test_status_filter_leaves_only_conflicts_and_goes_into_the_url(session):
    page = session.page
    page.select_option("#filter-status", "conflict")
    assert visible(page, ".finding") == ["conflict", "conflict"]
    assert set(visible(page, "#matrix tbody tr[data-status]")) == {"conflict"}
    assert page.text_content("#filter-count") == "2 of 17 findings shown"
    assert "?status=conflict" in page.url
    page.goto(page.url)  # the filter comes back from the URL
    assert page.input_value("#filter-status") == "conflict"
    assert visible(page, ".finding") == ["conflict", "conflict"]


def test_text_and_family_filters_combine(session):
    page = session.page
    page.select_option("#filter-family", "Victims")
    page.fill("#filter-text", "residence")
    assert visible(page, ".finding") == ["partial"]
    assert "family=Victims" in page.url and "q=residence" in page.url


def test_a_matrix_cell_opens_its_finding_in_view(session):
    from playwright.sync_api import expect

    page = session.page
    page.click(f"#matrix tbody tr:has(th a[href='#{CONFLICTS}']) td a >> nth=0")
    target = page.locator(f"#{CONFLICTS}")
    expect(target.locator("details")).to_have_attribute("open", "")
    expect(target).to_be_in_viewport()
    expect(target.locator("figure.role-defeating blockquote")).to_be_visible()


def test_a_link_past_an_active_filter_clears_it(session):
    from playwright.sync_api import expect

    page = session.page
    page.select_option("#filter-status", "met")
    page.click(f".top-gaps a[href='#{CONFLICTS}']")
    expect(page.locator(f"#{CONFLICTS}")).to_be_in_viewport()
    assert page.input_value("#filter-status") == ""


def test_a_bare_eid_deep_link_lands_on_the_first_statutes_provision(session):
    from playwright.sync_api import expect

    page = session.page
    page.goto(session.url + "#sec_5__subsec_2")
    provision = page.locator(f"#{TIP}--sec_5__subsec_2")
    expect(provision).to_be_in_viewport()
    assert page.eval_on_selector(
        ".prov:has(> .alias:target)", "e => e.id"
    ) == provision.get_attribute("id")
    page.goto(session.url + f"#{TIP}--sec_6")
    expect(page.locator(f"#{TIP}--sec_6")).to_be_in_viewport()


def test_the_first_tab_reaches_the_skip_link(session):
    session.page.keyboard.press("Tab")
    assert session.page.evaluate("document.activeElement.textContent") == "Skip to findings"


def test_print_hides_controls_and_prints_every_finding_open(session, tmp_path):
    page = session.page
    page.emulate_media(media="print")
    assert not page.is_visible("#filters")
    assert not page.is_visible("nav.toc")
    assert not page.is_visible("#statutes")
    closed_evidence = page.locator("#F-tip-consent_irrelevant blockquote")
    assert closed_evidence.evaluate("e => e.checkVisibility()")
    screenshot(page, tmp_path, "report-print.png")
    page.emulate_media(media="screen")
    assert not closed_evidence.evaluate("e => e.checkVisibility()")


def _axe_script() -> Path | None:
    """axe.min.js from the npm registry, cached; None when it cannot be fetched."""
    cache = Path(os.environ.get("LEXCHECK_TEST_CACHE", tempfile.gettempdir()))
    folder = cache / f"lexcheck-axe-core-{AXE_VERSION}"
    script = folder / "axe.min.js"
    if script.is_file():
        return script
    npm = shutil.which("npm")
    if npm is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(
            [npm, "pack", f"axe-core@{AXE_VERSION}", "--silent"],
            cwd=folder,
            check=True,
            capture_output=True,
            timeout=120,
        )
        with tarfile.open(folder / f"axe-core-{AXE_VERSION}.tgz") as archive:
            script.write_bytes(archive.extractfile("package/axe.min.js").read())
    except (OSError, subprocess.SubprocessError, tarfile.TarError, KeyError):
        return None
    return script


def test_axe_finds_no_accessibility_violation(session):
    script = _axe_script()
    if script is None:
        pytest.skip(
            f"axe-core {AXE_VERSION} could not be fetched with `npm pack` (no npm or network)"
        )
    page = session.page
    page.add_script_tag(path=str(script))
    violations = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
             .map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)"""
    )
    assert violations == []
