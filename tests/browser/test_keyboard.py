"""Keyboard journeys on a phone and a desktop: the skip link, the closed menu, focus."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

WIDTHS = [(360, 800), (1280, 900)]
PAGES = [
    "/",
    "/briefs/",
    "/briefs/child-d-domestic-abuse/",
    "/briefs/child-b-neglect-disguised-compliance/",
]

FOCUS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const r = e.getBoundingClientRect(), s = getComputedStyle(e);
  const shown = r.width > 0 && r.height > 0 && s.visibility !== 'hidden'
    && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
  return {tag: e.tagName, text: e.textContent.trim(), shown: shown,
          outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
          inContent: !!e.closest('.md-content'), inSidebar: !!e.closest('.md-sidebar--primary')};
}"""


@pytest.mark.parametrize("size", WIDTHS, ids=lambda s: f"{s[0]}px")
@pytest.mark.parametrize("path", PAGES)
def test_the_skip_link_lands_on_the_title(
    page: Page, base_url: str, path: str, size: tuple[int, int]
) -> None:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(base_url + path)
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('md-skip')")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.tagName") == "H1"
    title = page.locator("h1").first.bounding_box()
    assert title is not None and 0 <= title["y"] < size[1]


@pytest.mark.parametrize("width", [320, 360])
@pytest.mark.parametrize("path", ["/", "/briefs/", "/bitesize/neglect/"])
def test_tab_reaches_the_content_at_once_on_a_phone(
    page: Page, base_url: str, path: str, width: int
) -> None:
    """From the top, the first content link within 3 presses, focus visible at every step,
    and never inside the closed menu."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(base_url + path)
    for _ in range(3):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS)
        assert focus is not None and focus["shown"] and focus["outline"], focus
        assert not focus["inSidebar"], focus
        if focus["inContent"] and focus["tag"] in ("A", "SELECT", "BUTTON"):
            return
    pytest.fail(f"3 presses of Tab did not reach the content of {path}")


def test_the_open_menu_takes_focus(page: Page, base_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(base_url + "/")
    page.locator(".md-header label[for=__drawer]").click()
    page.wait_for_timeout(400)
    link = page.locator(".md-sidebar--primary a").first
    link.focus()
    assert page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')")


def test_heading_permalinks_are_not_in_the_tab_order(page: Page, base_url: str) -> None:
    page.goto(base_url + "/briefs/child-d-domestic-abuse/")
    links = page.locator(".headerlink")
    assert links.count() > 0
    assert set(links.evaluate_all("ls => ls.map(l => l.tabIndex)")) == {-1}


def test_copying_the_link_is_announced(page: Page, base_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(base_url + "/bitesize/neglect/")
    page.get_by_role("button", name="Copy link").click()
    status = page.locator("[data-lr-announce]")
    assert status.get_attribute("role") == "status"
    status.filter(has_text="Link copied").wait_for()


@pytest.mark.parametrize("path", ["/briefs/child-d-domestic-abuse/", "/bitesize/neglect/"])
def test_key_learning_is_on_the_first_screen_of_a_phone(
    page: Page, base_url: str, path: str
) -> None:
    """Title, summary, key messages and the list of sections, without scrolling at 360×800."""
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(base_url + path)
    for selector in ("h1", ".lr-lede", ".lr-key", ".lr-contents"):
        box = page.locator(selector).first.bounding_box()
        assert box is not None and box["y"] + box["height"] <= 800, selector
    sections = page.locator(".lr-contents a")
    assert sections.count() == page.locator(".md-content h2[id]").count() >= 4
    sections.last.click()
    assert page.evaluate("() => location.hash") == sections.last.get_attribute("href")
