"""The dashboard in a real browser: Debian's Chromium, headless, driven by Playwright, against
`detente serve` over a store of the Wikinews 2020 corpus and the seed story. Every page loads
without console errors; a click on the IRN–USA chart lists events, and one more click shows the
evidence highlighted in its article. Screenshots go to test-output/screenshots/."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO, SHARED, WIKINEWS

CHROMIUM = Path("/usr/bin/chromium")
SEED = SHARED / "eval" / "dev" / "texts" / "seed-aze-irn.txt"
SHOTS = REPO / "test-output" / "screenshots"
MUSCAT = "Iran and the US started nuclear negotiations in the Omani capital Muscat"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (.ci/run does)")
    if not (WIKINEWS.is_file() and SEED.is_file()):
        pytest.skip("the Wikinews corpus or the seed story is not in ../shared")
    script = Path(sys.executable).parent / "detente"
    folder = tmp_path_factory.mktemp("dashboard")
    db = folder / "dashboard.duckdb"
    seed = folder / "seed-aze-irn.txt"
    seed.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    subprocess.run([script, "ingest", WIKINEWS, "--db", db], check=True, capture_output=True)
    subprocess.run(
        [script, "ingest", seed, "--db", db, "--published", "2026-02-06"],
        check=True,
        capture_output=True,
    )
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [script, "serve", "--db", db, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/api/stats").read()
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise
            time.sleep(0.2)
    shutil.rmtree(SHOTS, ignore_errors=True)
    SHOTS.mkdir(parents=True)
    yield base
    process.terminate()
    process.wait(timeout=30)


@pytest.fixture
def browser_page(server: str) -> Iterator[tuple[object, list[str]]]:
    from playwright.sync_api import sync_playwright

    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox"], headless=True
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("requestfailed", lambda r: errors.append(f"request failed: {r.url}"))
        yield page, errors
        browser.close()


@pytest.mark.parametrize(
    ("path", "expect"),
    [
        ("/", "Most active dyads"),
        ("/dyad?a=IRN&b=USA", "Click a bar"),
        ("/network", "Click an edge"),
        ("/map", "Each red circle is a place"),
        ("/map?from=2026-02-01&to=2026-02-28&code=04", "Each red circle is a place"),
        ("/search?text=negotiations", "events"),
    ],
)
def test_every_page_loads_without_errors(
    server: str, browser_page: tuple[object, list[str]], path: str, expect: str
) -> None:
    page, errors = browser_page
    page.goto(server + path)  # type: ignore[attr-defined]
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    assert expect in page.locator("#content").inner_text()  # type: ignore[attr-defined]
    name = (path.strip("/").split("?")[0] or "overview") + ("-filtered" if "code=" in path else "")
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]
    assert errors == []


def test_the_api_docs_work_offline(server: str, browser_page: tuple[object, list[str]]) -> None:
    page, errors = browser_page
    outside: list[str] = []
    page.on(  # type: ignore[attr-defined]
        "request", lambda r: outside.append(r.url) if not r.url.startswith(server) else None
    )
    page.goto(server + "/docs")  # type: ignore[attr-defined]
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    page.locator('[data-path="/api/events"]').first.wait_for()  # type: ignore[attr-defined]
    page.screenshot(path=str(SHOTS / "api-docs.png"))  # type: ignore[attr-defined]
    assert [u for u in outside if not u.startswith("data:")] == []
    assert errors == []


def test_from_the_overview_to_the_evidence_in_two_clicks(
    server: str, browser_page: tuple[object, list[str]]
) -> None:
    page, errors = browser_page
    page.goto(server + "/")  # type: ignore[attr-defined]
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    row = page.locator("table.dyads tr", has_text="IRN").filter(has_text="USA")  # type: ignore[attr-defined]
    # click 1: the IRN–USA dyad among the most active
    row.first.locator("a.dyad-link").click()
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    page.screenshot(path=str(SHOTS / "dyad-irn-usa.png"), full_page=True)  # type: ignore[attr-defined]
    # click 2: February 2026 in the chart lists that month's events, the sentence among them
    page.locator('g.period[data-period="2026-02-01"]').click()  # type: ignore[attr-defined]
    listed = page.locator("#period-events table.events")  # type: ignore[attr-defined]
    listed.wait_for()
    assert MUSCAT in listed.inner_text()
    page.screenshot(path=str(SHOTS / "dyad-february.png"), full_page=True)  # type: ignore[attr-defined]
    # and one more: the event, its evidence highlighted in the article
    row = page.locator("#period-events tr", has_text=MUSCAT).filter(  # type: ignore[attr-defined]
        has_text="Engage in negotiation"
    )
    link = row.locator("a.event-link")
    link.first.click()
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    evidence = page.locator("#article-text mark.evidence")  # type: ignore[attr-defined]
    evidence.wait_for()
    assert MUSCAT in evidence.inner_text()
    trigger = page.locator("#article-text mark.evidence .trigger")  # type: ignore[attr-defined]
    assert trigger.inner_text() == "negotiations"
    assert "046 Engage in negotiation" in page.locator("dl.facts").inner_text()  # type: ignore[attr-defined]
    page.screenshot(path=str(SHOTS / "event-muscat.png"), full_page=True)  # type: ignore[attr-defined]
    assert errors == []
