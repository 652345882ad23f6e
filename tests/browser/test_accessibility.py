"""Every page template has zero axe-core violations (WCAG 2.2 A/AA and best practice)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from .conftest import axe_violations

TEMPLATES = {
    "home": "/",
    "listing": "/briefs/",
    "sheets listing": "/bitesize/",
    "topic page": "/topics/neglect/",
    "brief": "/briefs/child-d-domestic-abuse/",
    "sheet": "/bitesize/neglect/",
    "archive stub": "/briefs/young-person-a-exploitation/",
    "archive page": "/archive/",
    "content page": "/how-to-use/",
    "404": "/404.html",
}


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("path", TEMPLATES.values(), ids=TEMPLATES.keys())
def test_no_axe_violations(page: Page, base_url: str, path: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(base_url + path)
    assert axe_violations(page) == []


def test_no_axe_violations_in_search_results(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    page.get_by_role("textbox", name="Search").first.click()
    page.keyboard.type("neglect")
    page.locator(".md-search-result__item").first.wait_for()
    assert axe_violations(page) == []
