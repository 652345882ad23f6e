"""The deployment headers: the example site, served with its own `_headers` as Netlify or
Cloudflare Pages would, breaks none of its Content Security Policy on any page template."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs_learning.headers import IMMUTABLE, parse_headers_file, script_hashes
from playwright.sync_api import Browser, Page

from scripts.static_host import host

from .test_accessibility import TEMPLATES

# Every violation of the policy, as the page itself sees it, recorded before any script runs.
LISTEN = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(
  `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
"""


@pytest.fixture(scope="module")
def site_headers(built_site: Path) -> dict[str, str]:
    return parse_headers_file((built_site / "_headers").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def headed_url(built_site: Path) -> Iterator[str]:
    with host(built_site) as url:
        yield url


@pytest.fixture
def strict_page(browser: Browser, headed_url: str) -> Iterator[tuple[Page, list[str]]]:
    """A page that obeys the policy (no bypass), with console errors and outside requests
    recorded: both must stay empty."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    problems: list[str] = []
    page.add_init_script(LISTEN)
    page.on(
        "console",
        lambda m: (
            problems.append(m.text)
            if m.type == "error" and "404 (File not found)" not in m.text
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(str(error)))

    def guard(route):  # type: ignore[no-untyped-def]
        if route.request.url.startswith((headed_url, "data:", "blob:")):
            route.continue_()
        else:
            problems.append(f"outside request: {route.request.url}")
            route.abort()

    page.route("**/*", guard)
    yield page, problems
    context.close()


def violations(page: Page) -> list[str]:
    page.wait_for_timeout(200)  # reports are delivered asynchronously
    found: list[str] = page.evaluate("window.__violations")
    return found


def test_the_headers_file_sets_every_header(site_headers: dict[str, str]) -> None:
    policy = site_headers["Content-Security-Policy"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert re.search(r"script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;", policy)
    assert site_headers["X-Content-Type-Options"] == "nosniff"
    assert site_headers["X-Frame-Options"] == "DENY"
    assert site_headers["Referrer-Policy"] == "no-referrer"


def test_only_assets_named_by_their_content_are_kept_for_a_year(built_site: Path) -> None:
    text = (built_site / "_headers").read_text(encoding="utf-8")
    bundle = next(built_site.glob("assets/javascripts/bundle.*.min.js"))
    kept = parse_headers_file(text, "/" + bundle.relative_to(built_site).as_posix())
    assert kept["Cache-Control"] == IMMUTABLE
    assert kept["Content-Security-Policy"] == parse_headers_file(text)["Content-Security-Policy"]
    for path in (
        "/",
        "/briefs/child-d-domestic-abuse/",
        "/assets/images/favicon.png",
        "/sitemap.xml",
    ):
        assert "Cache-Control" not in parse_headers_file(text, path), path


def test_every_page_carries_a_policy_for_its_own_scripts(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        page = path.read_text(encoding="utf-8")
        meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
        assert meta, path
        assert page.index(meta.group()) < page.index("<script"), path  # before any script
        allowed = set(re.findall(r"'sha256-[^']+'", meta.group(1)))
        assert script_hashes(page) <= allowed, path
        assert "frame-ancestors" not in meta.group(1)  # not allowed in a meta policy


@pytest.mark.parametrize("path", TEMPLATES.values(), ids=TEMPLATES.keys())
def test_no_policy_violation_on_any_template(
    strict_page: tuple[Page, list[str]], headed_url: str, path: str
) -> None:
    page, problems = strict_page
    response = page.goto(headed_url + path)
    assert response is not None
    for name in ("Content-Security-Policy", "X-Frame-Options", "Referrer-Policy"):
        assert response.headers.get(name.lower()), name
    page.wait_for_load_state("networkidle")
    assert violations(page) == []
    assert problems == []


def test_a_missing_page_gets_the_404_page_without_violations(
    strict_page: tuple[Page, list[str]], headed_url: str
) -> None:
    page, problems = strict_page
    response = page.goto(headed_url + "/no/such/page/")
    assert response is not None and response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    assert violations(page) == []
    assert problems == [
        "Failed to load resource: the server responded with a status of 404 (Not Found)"
    ]


def test_no_policy_violation_with_search_results_open(
    strict_page: tuple[Page, list[str]], headed_url: str
) -> None:
    page, problems = strict_page
    page.goto(headed_url + "/briefs/child-d-domestic-abuse/")
    page.get_by_role("textbox", name="Search").first.click()
    page.keyboard.type("neglect")
    page.locator(".md-search-result__item").first.wait_for()
    page.locator(".md-search-result__item a").first.hover()
    assert violations(page) == []
    assert problems == []


def test_the_policy_check_can_fail(strict_page: tuple[Page, list[str]], headed_url: str) -> None:
    """An inline script the site did not ship is refused, and the test sees it."""
    page, _ = strict_page
    page.goto(headed_url + "/")
    page.evaluate(
        """() => { const s = document.createElement('script');
                   s.textContent = 'window.__ran = true'; document.body.append(s); }"""
    )
    assert page.evaluate("window.__ran") is None
    assert any(v.startswith("script-src") for v in violations(page))
