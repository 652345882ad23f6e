"""No page asks anything of another host, whatever host serves the site.

A preview, an intranet copy or a local view must not contact the live site named by
`site_url`, nor anyone else. Each site here is built with a `site_url` on another host and
served on 127.0.0.1; every page type is visited (and the search panel opened and used, so that
the search worker and its index load) with every request of the browser context recorded,
the search worker's included. A static scan of every built page covers what a browser fetches
without the page seeing it as a request (`preconnect`, `dns-prefetch`, `prefetch`).

Why the feed link is relative: Material for MkDocs fetches `sitemap.xml` beside the address of
every `<link rel="alternate">` on a page (its language selector's mapping of pages), so an
absolute feed link sent every page to the production host.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route

from scripts.static_host import host

from ..conftest import MKDOCS_YML, SiteFolder, brief, sheet
from .conftest import SITE_URL, TODAY

# One of each page type of the example site; the missing page gets the 404 page.
EXAMPLE_PAGES = [
    "/",
    "/briefs/",
    "/briefs/child-d-domestic-abuse/",
    "/bitesize/",
    "/bitesize/neglect/",
    "/topics/",
    "/topics/neglect/",
    "/archive/",
    "/briefs/child-b-neglect-disguised-compliance/",  # an archive notice
    "/how-to-use/",
    "/editors/",
    "/editors/rules/",
    "/no-such-page/",
]
ELSEWHERE = "https://learning.elsewhere.example/partnership/"  # the small site's site_url


class Recorder:
    """Every request a browser context makes (pages and their workers); any that would leave
    `origin` is refused before it is sent, and recorded."""

    def __init__(self, context: BrowserContext, origin: str) -> None:
        self.origin = origin
        self.urls: list[str] = []
        self.outside: list[str] = []
        context.on("request", lambda request: self.urls.append(request.url))
        context.route("**/*", self._guard)

    def _guard(self, route: Route) -> None:
        url = route.request.url
        if url.startswith((self.origin + "/", "data:", "blob:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()


@contextmanager
def recording(browser: Browser, origin: str) -> Iterator[tuple[Page, Recorder]]:
    """A page whose context records every request. The pages' own policy is bypassed, so that
    what it would block shows here as the request it tried to make (test_security_headers.py
    tests the policy)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
    recorder = Recorder(context, origin)
    try:
        yield context.new_page(), recorder
    finally:
        context.close()


@pytest.fixture
def recorded(browser: Browser, base_url: str) -> Iterator[tuple[Page, Recorder]]:
    with recording(browser, base_url) as recorded:
        yield recorded


def visit_every_page_type(page: Page, base: str, paths: list[str]) -> None:
    for path in paths:
        page.goto(base + path)
        page.wait_for_load_state("networkidle")  # late fetches too (Material's sitemap.xml)
    page.goto(base + paths[0])
    page.get_by_role("textbox", name="Search").first.click()
    page.keyboard.type("neglect")
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_load_state("networkidle")


def test_no_page_of_the_example_site_asks_another_host(
    recorded: tuple[Page, Recorder], base_url: str
) -> None:
    page, recorder = recorded
    visit_every_page_type(page, base_url, EXAMPLE_PAGES)
    assert recorder.outside == []
    # The recorder sees what the pages' scripts and the search worker fetch.
    fetched = {urlsplit(url).path for url in recorder.urls}
    assert {"/search/search_index.json", "/sitemap.xml"} <= fetched
    assert any(path.startswith("/assets/javascripts/workers/search.") for path in fetched)


def test_an_absolute_feed_link_would_send_every_page_to_the_live_site(
    recorded: tuple[Page, Recorder], base_url: str
) -> None:
    """Why the feed link is relative, and proof that the recorder catches an outside request:
    the same home page with the feed link absolute asks the live site for its sitemap."""
    page, recorder = recorded

    def absolute_feed(route: Route) -> None:
        html = route.fetch().text()
        assert 'href="feed.xml"' in html
        route.fulfill(body=html.replace('href="feed.xml"', f'href="{SITE_URL}feed.xml"'))

    page.route(base_url + "/", absolute_feed)
    page.goto(base_url + "/")
    page.wait_for_load_state("networkidle")
    assert recorder.outside == [f"{SITE_URL}sitemap.xml"]


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small site with a `site_url` on another host and in another folder, built into
    `preview/` of the folder it is served from (as a preview of a branch might be)."""
    root = tmp_path_factory.mktemp("offhost")
    site = SiteFolder(root / "src")
    site.write("mkdocs.yml", MKDOCS_YML.replace("https://example.test/", ELSEWHERE))
    site.write("content/index.md", "# Learning from reviews\n\nWelcome.\n")
    site.write("briefs/child-a.md", brief(case="A", published="2026-06-01"))
    site.write("briefs/child-b.md", brief(case="B", published="2024-06-01"))  # archived
    site.write("bitesize/neglect.md", sheet())
    result = site.run("build", "--today", TODAY, "--site-dir", str(root / "served/preview"))
    assert result.returncode == 0, result.stderr
    return root / "served"


def test_no_page_of_a_site_served_from_another_host_and_folder_asks_elsewhere(
    browser: Browser, small_site: Path
) -> None:
    pages = ["/", "/briefs/", "/briefs/child-a/", "/bitesize/neglect/", "/topics/"]
    pages += ["/topics/neglect/", "/archive/", "/briefs/child-b/", "/editors/", "/404.html"]
    with host(small_site, headers=False) as origin, recording(browser, origin) as (page, recorder):
        visit_every_page_type(page, origin + "/preview", pages)
    assert recorder.outside == []
    assert f"{origin}/preview/search/search_index.json" in recorder.urls


# What a browser fetches from a <link> without being asked (`icon`, `stylesheet`,
# `preload`...): everything but these, which it never fetches by itself.
_NOT_FETCHED = {"canonical", "alternate", "next", "prev", "author", "license", "help", "search"}


class _Fetched(HTMLParser):
    """The addresses a browser would fetch on its own while showing a page."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "link":
            rels = set(values.get("rel", "").lower().split())
            if rels - _NOT_FETCHED or "stylesheet" in rels:
                self.urls.append(values.get("href", ""))
        for name in ("src", "poster", "data"):
            if name in values:
                self.urls.append(values[name])
        for name in ("srcset", "imagesrcset"):
            self.urls += [part.split()[0] for part in values.get(name, "").split(",") if part]


def test_no_built_page_or_style_sheet_names_another_host_to_fetch(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 40
    absolute = []
    for path in pages:
        parser = _Fetched()
        parser.feed(path.read_text(encoding="utf-8"))
        absolute += [f"{path}: {url}" for url in parser.urls if urlsplit(url).netloc]
    for path in built_site.rglob("*.css"):
        text = path.read_text(encoding="utf-8")
        absolute += [f"{path}: {part[:60]}" for part in text.split("url(")[1:] if "//" in part[:8]]
    assert absolute == []
