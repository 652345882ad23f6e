"""What practitioners do on the site, in a real browser: search, filter, read on a phone, print."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .conftest import axe_violations

LIVE_PHRASE = "Operation Encompass"  # in a live brief (Child D) and nowhere archived
ARCHIVED_TITLE = "Young Person A"  # an archived brief's case: its text is absent from search


def search(page: Page, base_url: str, words: str) -> list[str]:
    page.goto(base_url + "/")
    page.get_by_role("textbox", name="Search").first.click()
    page.keyboard.type(words)
    page.locator(".md-search-result__meta").first.wait_for()
    page.wait_for_timeout(300)  # results settle as the index answers
    return page.locator(".md-search-result__item a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )


def test_search_finds_a_live_brief_by_its_text(page: Page, base_url: str) -> None:
    links = search(page, base_url, LIVE_PHRASE)
    assert any("briefs/child-d-domestic-abuse" in link for link in links)


ARCHIVED_BODY = "untreated skin infections dental decay underweight"  # Child B's body only
CHILD_B = "briefs/child-b-neglect-disguised-compliance/"  # archived on TODAY


def test_search_finds_nothing_of_an_archived_brief(page: Page, base_url: str) -> None:
    links = search(page, base_url, ARCHIVED_BODY)
    assert not any(CHILD_B in link for link in links)


def test_search_finds_an_archived_brief_by_its_notice(page: Page, base_url: str) -> None:
    """A case named in a meeting leads to its notice: what it was and how to ask for it."""
    links = search(page, base_url, "Child B")
    assert any(CHILD_B in link for link in links)
    results = page.locator(".md-search-result")
    expect(results).to_contain_text("Archived: Child B: neglect that looked like progress")
    expect(results).to_contain_text("available on request")
    shown = results.inner_text()
    for body_words in ("underweight", "siblings", "Compliance was measured", "Judge progress"):
        assert body_words not in shown
    page.locator(f".md-search-result__item a[href*='{CHILD_B}']").first.click()
    expect(page.locator("h1")).to_contain_text("Archived: Child B")
    expect(page.locator(".lr-archived")).to_contain_text("Learning brief 2025-B")


def test_a_topic_page_lists_its_archived_briefs(page: Page, base_url: str) -> None:
    page.goto(base_url + "/topics/neglect/")
    heading = page.get_by_role("heading", name="Archived (available on request)")
    expect(heading).to_be_visible()
    link = page.get_by_role("link", name="Archived: Child B: neglect that looked like progress")
    link.click()
    expect(page.locator(".lr-archived")).to_contain_text("available on request")


def test_a_listing_can_be_narrowed_by_topic(page: Page, base_url: str) -> None:
    page.goto(base_url + "/briefs/")
    items = page.locator(".lr-item")
    total = items.count()
    page.get_by_label("Topic").select_option("domestic-abuse")
    visible = page.locator(".lr-item:not([hidden])")
    assert 0 < visible.count() < total
    for text in visible.all_inner_texts():
        assert "Domestic abuse" in text
    expect(page.get_by_role("status")).to_have_text(f"Showing {visible.count()} of {total}")
    page.get_by_label("Topic").select_option("")
    assert page.locator(".lr-item:not([hidden])").count() == total


def test_listings_work_without_javascript(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/briefs/")
    assert page.locator(".lr-item").count() >= 6
    assert not page.locator(".lr-filter").is_visible()  # the filter needs JavaScript
    page.get_by_role("link", name="browse everything by topic").click()
    page.get_by_role("link", name="Neglect").first.click()
    expect(page.locator("h1")).to_have_text("Neglect")
    context.close()


@pytest.mark.parametrize("width", [320, 360, 1280])  # 320 px: a 1280 px screen at 400% zoom
@pytest.mark.parametrize(
    "path", ["/", "/briefs/", "/bitesize/neglect/", "/briefs/child-d-domestic-abuse/", "/archive/"]
)
def test_no_horizontal_scrolling(page: Page, base_url: str, path: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(base_url + path)
    page.screenshot(path=f"/tmp/lr-{width}{path.replace('/', '_')}.png", full_page=True)
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_neglect_is_two_taps_from_home_on_a_phone(page: Page, base_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(base_url + "/")
    page.locator(".lr-topics").get_by_role("link", name="Neglect").click()  # tap 1
    expect(page.locator("h1")).to_have_text("Neglect")
    page.get_by_role("link", name="Neglect", exact=True).first.click()  # tap 2: the sheet
    expect(page.locator(".lr-kind")).to_contain_text("Bite-size sheet")


def test_the_group_activity_stands_out(page: Page, base_url: str) -> None:
    page.goto(base_url + "/bitesize/neglect/")
    heading = page.locator("h2.lr-activity")
    expect(heading).to_contain_text("Group activity")
    background = heading.evaluate("h => getComputedStyle(h).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")


def test_the_accessibility_check_can_fail(page: Page, base_url: str) -> None:
    """Removing the page language (a failure partnerships' own statements list) is caught."""
    page.goto(base_url + "/")
    page.evaluate("() => document.documentElement.removeAttribute('lang')")
    assert [v["id"] for v in axe_violations(page)] == ["html-has-lang"]


@pytest.mark.parametrize(
    ("path", "selector"), [("/", ".lr-topics"), ("/bitesize/neglect/", ".lr-actions")]
)
def test_pills_and_actions_sit_in_a_row(
    page: Page, base_url: str, path: str, selector: str
) -> None:
    page.goto(base_url + path)
    style = page.locator(selector).evaluate(
        "e => [getComputedStyle(e).display, getComputedStyle(e).listStyleType]"
    )
    assert style == ["flex", "none"]


def test_a_filtered_listing_url_restores_the_filter(page: Page, base_url: str) -> None:
    page.goto(base_url + "/briefs/")
    total = page.locator(".lr-item").count()
    page.get_by_label("Topic").select_option("neglect")
    assert page.evaluate("() => location.search") == "?topics=neglect"
    narrowed = page.locator(".lr-item:not([hidden])").count()
    assert 0 < narrowed < total
    shared = page.url
    page.goto(base_url + "/")
    page.goto(shared)  # a shared link opens with the same filter
    expect(page.get_by_label("Topic")).to_have_value("neglect")
    assert page.locator(".lr-item:not([hidden])").count() == narrowed
    page.get_by_label("Sort by").select_option("title")
    titles = page.locator(".lr-item:not([hidden]) h2").all_inner_texts()
    assert titles == sorted(titles, key=str.casefold)
    page.go_back()  # back: the filter without the sort
    expect(page.get_by_label("Sort by")).to_have_value("")
    expect(page.get_by_label("Topic")).to_have_value("neglect")
    page.get_by_role("button", name="Clear filters").click()
    expect(page.get_by_role("status")).to_have_text(f"Showing {total} of {total}")
    assert page.evaluate("() => location.search") == ""


def test_an_empty_filter_says_what_to_do(page: Page, base_url: str) -> None:
    page.goto(base_url + "/briefs/?topics=safe-sleep&review=dhr")
    expect(page.get_by_text("Nothing matches these filters")).to_be_visible()
    page.get_by_role("link", name="clear them all").click()
    expect(page.get_by_text("Nothing matches these filters")).to_be_hidden()


@pytest.mark.parametrize("width", [360, 1280])
def test_filter_controls_are_big_enough_to_tap(page: Page, base_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(base_url + "/briefs/")
    for control in page.locator(".lr-filter select, .lr-filter button").all():
        size = control.evaluate(
            "e => [e.getBoundingClientRect().height, parseFloat(getComputedStyle(e).fontSize)]"
        )
        assert size[0] >= 44 and size[1] >= 16, size


def test_search_results_say_what_they_are(page: Page, base_url: str) -> None:
    search(page, base_url, "neglect")
    kinds = set(page.locator(".lr-result-kind").all_inner_texts())
    assert {"Learning brief", "Bite-size sheet", "Topic"} <= kinds


def test_editors_pages_are_not_in_practitioners_search(page: Page, base_url: str) -> None:
    index = page.request.get(base_url + "/search/search_index.json").json()
    locations = [doc["location"] for doc in index["docs"]]
    assert any(location.startswith("briefs/") for location in locations)
    assert not [location for location in locations if location.startswith("editors/")]


def test_the_topics_index_lists_only_topics_with_something_on_them(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + "/topics/")
    links = page.locator(".md-content li a")
    assert links.count() > 0
    for text in links.all_inner_texts():
        assert not text.endswith("(0)"), text
