"""The site's own pages in a browser: the 404 page at any depth, the home page's heading, the
contact address as a link, the archive and every page at 320 px, wide tables by keyboard, and
the accessibility statement."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from urllib.parse import urljoin

import pytest
from mkdocs_learning.statement import CLAIMS
from playwright.sync_api import Page, expect

from learning_resources.settings import load_settings
from scripts.static_host import host

from ..conftest import MKDOCS_YML, PROJECT, SiteFolder, brief, sheet
from .conftest import axe_violations
from .test_accessibility import SIZES, TEMPLATES

NOT_FOUND_LINKS = [
    "Learning briefs",
    "Bite-size learning sheets",
    "Topics",
    "The archive",
    "The home page",
    "how to request an archived document",
]


def content_links(page: Page) -> dict[str, str]:
    """Each link in the page's main content: its text, and the address it leads to."""
    found: dict[str, str] = page.locator(".md-content a").evaluate_all(
        "links => Object.fromEntries(links.map(a => [a.textContent.trim(), a.href]))"
    )
    return found


def assert_links_work(page: Page, links: dict[str, str], root: str) -> None:
    for text, address in links.items():
        assert address.startswith(root), (text, address)
        response = page.request.get(address)
        assert response.status == 200, (text, address)


@pytest.mark.parametrize("size", SIZES)
def test_a_missing_address_gets_a_useful_page_at_any_depth(
    page: Page, base_url: str, size: tuple[int, int]
) -> None:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    response = page.goto(base_url + "/briefs/no-such-brief/")
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_have_text("Page not found")
    assert page.title().startswith("Page not found - ")
    links = content_links(page)
    assert set(NOT_FOUND_LINKS) <= set(links)
    assert_links_work(page, links, base_url + "/")
    box = page.get_by_role("searchbox", name="Search this site")
    assert box.evaluate("e => e.getBoundingClientRect().height") >= 44  # the site's styles load
    assert axe_violations(page) == []


def test_the_404_search_box_opens_the_sites_search(page: Page, base_url: str) -> None:
    page.goto(base_url + "/bitesize/a/b/c/")
    page.get_by_role("searchbox", name="Search this site").fill("neglect")
    page.get_by_role("button", name="Search", exact=True).click()
    page.locator(".md-search-result__item").first.wait_for()
    assert page.evaluate("() => location.pathname") == "/bitesize/a/b/c/"  # still not found
    links = page.locator(".md-search-result__item a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert any("bitesize/neglect/" in link for link in links)


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A site whose site_url has a path (a GitHub Pages project site), served under that path
    by a host that answers every missing address with the site's 404.html."""
    source = SiteFolder(tmp_path_factory.mktemp("subpath") / "src")
    source.write(
        "mkdocs.yml", MKDOCS_YML.replace("https://example.test/", "https://x.test/learning/")
    )
    source.write("content/index.md", "Welcome.\n")
    source.write("content/request-archived.md", "# Asking for an archived brief\n")
    source.write("briefs/child-a.md", brief())
    source.write("bitesize/neglect.md", sheet())
    server_root = source.root.parent / "server_root"
    result = source.run(
        "build", "--today", "2026-11-25", "--no-pdfs", "--site-dir", str(server_root / "learning")
    )
    assert result.returncode == 0, result.stderr
    shutil.copy(server_root / "learning" / "404.html", server_root / "404.html")
    with host(server_root, headers=False) as url:
        yield url


def test_the_404_page_works_below_a_site_path(page: Page, subpath_site: str) -> None:
    page.route(subpath_site + "/**", lambda route: route.continue_())  # 127.0.0.1 too
    response = page.goto(subpath_site + "/learning/briefs/gone/deeper/")
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_have_text("Page not found")
    links = content_links(page)
    assert set(NOT_FOUND_LINKS) <= set(links)
    assert_links_work(page, links, subpath_site + "/learning/")
    stylesheet = page.locator("link[rel=stylesheet][href*='/learning.']").get_attribute("href")
    assert stylesheet is not None
    assert page.request.get(urljoin(page.url, stylesheet)).status == 200


def test_the_home_page_heading_says_what_the_site_is_for(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    expect(page.locator("h1")).to_have_text("Learning from safeguarding reviews in Northmere")
    expect(page.locator(".md-tabs").get_by_role("link", name="Home")).to_be_attached()


def test_a_phone_sees_what_to_do_if_worried_about_a_child_on_the_first_screen(
    page: Page, base_url: str
) -> None:
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(base_url + "/")
    advice = page.locator(".admonition", has_text="If you are worried about a child")
    expect(advice).to_have_count(1)
    expect(advice.get_by_role("link", name="contact page")).to_be_visible()
    assert advice.evaluate("e => e.getBoundingClientRect().bottom") <= 800


@pytest.mark.parametrize("path", ["/contact/", "/request-archived/", "/accessibility/"])
def test_the_contact_address_is_a_link(page: Page, base_url: str, path: str) -> None:
    email = load_settings(PROJECT).contact_email
    page.goto(base_url + path)
    link = page.locator(".md-content").get_by_role("link", name=email, exact=True).first
    assert link.get_attribute("href") == f"mailto:{email}"


OVERFLOW = """(selector) => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll(selector)].filter(e => {
    const r = e.getBoundingClientRect();
    return r.right > width + 0.5 || r.left < -0.5 || e.scrollWidth > e.clientWidth + 1;
  }).map(e => e.tagName + ': ' + e.textContent.slice(0, 40));
}"""


def test_the_archive_is_readable_at_320_pixels(page: Page, base_url: str) -> None:
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(base_url + "/archive/")
    assert page.locator(".lr-archive-list li").count() >= 2
    assert page.evaluate("() => document.scrollingElement.scrollWidth") <= 320
    assert page.evaluate(OVERFLOW, ".lr-archive-list, .lr-archive-list *") == []
    first = page.locator(".lr-archive-list li").first
    for fact in ("Reference", "Review", "Archived"):
        expect(first.locator("dt", has_text=fact)).to_be_visible()


@pytest.mark.parametrize("path", TEMPLATES.values(), ids=TEMPLATES.keys())
def test_every_page_fits_320_pixels(page: Page, base_url: str, path: str) -> None:
    """A 1280 px screen at 400% zoom: no page scrolls sideways; only a wide table may, inside
    its own box (test_wide_tables_can_be_scrolled_by_keyboard)."""
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(base_url + path)
    assert page.evaluate("() => document.scrollingElement.scrollWidth") <= 320
    outside = ".md-content *:not(.md-typeset__scrollwrap *):not(pre *):not(pre)"
    assert (
        page.evaluate(OVERFLOW.replace("e.scrollWidth > e.clientWidth + 1", "false"), outside) == []
    )


@pytest.mark.parametrize("path", TEMPLATES.values(), ids=TEMPLATES.keys())
def test_every_page_skips_to_its_title(page: Page, base_url: str, path: str) -> None:
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(base_url + path)
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('md-skip')")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.matches('.md-content h1')")


SCROLLERS = """() => [...document.querySelectorAll('.md-typeset__scrollwrap')].map(e => ({
  scrolls: e.scrollWidth > e.clientWidth, tabindex: e.getAttribute('tabindex'),
  role: e.getAttribute('role'), label: e.getAttribute('aria-label')}))"""


def test_wide_tables_can_be_scrolled_by_keyboard(page: Page, base_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(base_url + "/editors/")
    page.wait_for_load_state("load")
    boxes = [b for b in page.evaluate(SCROLLERS) if b["scrolls"]]
    assert len(boxes) >= 2
    for box in boxes:
        assert box["tabindex"] == "0" and box["role"] == "region", box
        assert box["label"].startswith("Table: ") and len(box["label"]) > len("Table: "), box
    assert len({box["label"] for box in boxes}) == len(boxes)  # each named after its own table
    for _ in range(60):  # Tab to the first table, then scroll it with the arrow keys
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('.md-typeset__scrollwrap')"):
            break
    else:
        pytest.fail("Tab never reached a wide table")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.activeElement.scrollLeft > 0")
    page.set_viewport_size({"width": 1280, "height": 900})  # wide enough: no stop on the way
    page.wait_for_function(
        """() => [...document.querySelectorAll('.md-typeset__scrollwrap')]
                 .every(e => !e.hasAttribute('tabindex') && !e.hasAttribute('role'))"""
    )


STATEMENT_SECTIONS = [
    "How accessible this website is",
    "What to do if you cannot access parts of this website",
    "Reporting accessibility problems with this website",
    "Enforcement procedure",
    "Technical information about this website's accessibility",
    "Compliance status",
    "Non-accessible content",
    "How we tested this website",
    "What we are doing to improve accessibility",
    "Preparation of this accessibility statement",
]


def test_the_accessibility_statement_follows_the_model(page: Page, base_url: str) -> None:
    page.goto(base_url + "/accessibility/")
    headings = [h.strip().rstrip("¶").strip() for h in page.locator("h2, h3").all_inner_texts()]
    assert set(STATEMENT_SECTIONS) <= set(headings)
    text = " ".join(page.locator(".md-content").inner_text().split())
    for claim in CLAIMS:
        assert claim.text in text
    assert (
        "partially compliant with the Web Content Accessibility Guidelines version 2.2 AA" in text
    )
    assert "Equality Advisory and Support Service" in text
    assert "This statement was prepared on 25 November 2026" in text  # the build's date
    assert "at 360 and 1280 pixels wide" in text
