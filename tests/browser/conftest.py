"""Browser tests: the example site built once, served on 127.0.0.1, driven in Chromium or Chrome.

Playwright is pointed at the browser that scripts/find_browser.py finds by its path ($CHROMIUM,
Debian's /usr/bin/chromium, or the Chrome on GitHub's runners); nothing downloads a browser.
Every request that leaves 127.0.0.1 is blocked and recorded, and fails the test.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, Route, sync_playwright

from scripts.find_browser import NOT_FOUND, find_browser

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


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serving(folder: Path, headers: dict[str, str] | None = None) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 as a static host would: with `headers` on every response,
    and its 404.html for a missing page."""

    class Handler(_Quiet):
        def end_headers(self) -> None:
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            super().end_headers()

        def send_error(
            self, code: int, message: str | None = None, explain: str | None = None
        ) -> None:
            page = folder / "404.html"
            if code != 404 or not page.is_file():
                super().send_error(code, message, explain)
                return
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(folder))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def base_url(built_site: Path) -> Iterator[str]:
    with serving(built_site) as url:
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
