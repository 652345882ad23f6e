"""Browser tests: the example site built once, served on 127.0.0.1, driven in Chromium or Chrome.

Playwright is pointed at the browser that scripts/find_browser.py finds by its path ($CHROMIUM,
Debian's /usr/bin/chromium, or the Chrome on GitHub's runners); nothing downloads a browser.
Every request that leaves 127.0.0.1 is blocked and recorded, and fails the test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, Route, sync_playwright

from scripts.find_browser import NOT_FOUND, find_browser
from scripts.static_host import host

from ..conftest import PROJECT, SiteFolder

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TODAY = "2026-11-25"
AXE = PROJECT / "node_modules/axe-core/axe.min.js"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "site"
    result = SiteFolder(PROJECT).run("build", "--today", TODAY, "--site-dir", str(out))
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def base_url(built_site: Path) -> Iterator[str]:
    # Without the site's `_headers`: the pages' policy is tested in test_security_headers.py.
    with host(built_site, headers=False) as url:
        yield url


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    executable = find_browser()
    if executable is None:
        pytest.fail(NOT_FOUND)
    browser = playwright.chromium.launch(executable_path=executable, headless=True, args=ARGS)
    yield browser
    browser.close()


@pytest.fixture
def outside_requests() -> list[str]:
    return []


SITE_URL = "https://learning.northmere-scp.example/"  # the example's site_url: never asked


@pytest.fixture
def page(browser: Browser, base_url: str, outside_requests: list[str]) -> Iterator[Page]:
    # axe-core is injected as an inline script, which the pages' own policy would refuse; the
    # policy itself is tested in test_security_headers.py.
    context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
    page = context.new_page()

    def guard(route: Route) -> None:
        url = route.request.url
        if url.startswith((base_url, "data:", "blob:")):
            route.continue_()
        else:
            outside_requests.append(url)
            route.abort()

    page.route("**/*", guard)
    yield page
    context.close()
    assert outside_requests == [], f"requests left 127.0.0.1: {outside_requests}"


def settle(page: Page) -> None:
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")


def axe_violations(page: Page) -> list[dict[str, object]]:
    settle(page)
    page.add_script_tag(path=str(AXE))
    result: dict[str, list[dict[str, object]]] = page.evaluate(
        """() => axe.run(document, {runOnly: {type: 'tag', values:
             ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})"""
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}  # type: ignore[index, union-attr]
        for v in result["violations"]
    ]
