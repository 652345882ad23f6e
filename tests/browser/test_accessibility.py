"""Every page template has zero axe-core violations (WCAG 2.2 A/AA and best practice), on a
phone and a laptop screen. The accessibility statement says so from the same lists
(mkdocs_learning.statement), so it cannot claim a page or a width tested here that is not."""

from __future__ import annotations

import pytest
from mkdocs_learning.statement import SCREENS, TESTED_PAGES
from playwright.sync_api import Page

from .conftest import axe_violations

TEMPLATES = {
    "home": "/",
    "briefs listing": "/briefs/",
    "sheets listing": "/bitesize/",
    "topics": "/topics/",
    "topic page": "/topics/neglect/",
    "brief": "/briefs/child-d-domestic-abuse/",
    "sheet": "/bitesize/neglect/",
    "archive notice": "/briefs/young-person-a-exploitation/",
    "archive page": "/archive/",
    "content page": "/how-to-use/",
    "accessibility": "/accessibility/",
    "editors": "/editors/",
    "editors' checks": "/editors/rules/",
    "404": "/404.html",
}
SIZES = [pytest.param(size, id=f"{size[0]}px") for size in SCREENS]


def open_search(page: Page, words: str) -> None:
    """Type into the site's search, as a reader would at this width, until results show."""
    toggle = page.locator(".md-header label.md-header__button[for=__search]")
    if toggle.is_visible():  # a phone: the search box is behind its icon
        toggle.click()
    page.get_by_role("textbox", name="Search").first.click()
    page.keyboard.type(words)
    page.locator(".md-search-result__item").first.wait_for()


def test_every_kind_of_page_the_statement_names_is_tested() -> None:
    assert TEMPLATES.keys() == TESTED_PAGES.keys()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("path", TEMPLATES.values(), ids=TEMPLATES.keys())
def test_no_axe_violations(page: Page, base_url: str, path: str, size: tuple[int, int]) -> None:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(base_url + path)
    assert axe_violations(page) == []


@pytest.mark.parametrize("size", SIZES)
def test_no_axe_violations_in_the_open_search_panel(
    page: Page, base_url: str, size: tuple[int, int]
) -> None:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(base_url + "/")
    open_search(page, "neglect")
    assert page.locator(".md-search-result__item").first.is_visible()
    assert axe_violations(page) == []
