"""The parts of the accessibility statement the site generates, so that they stay true.

Every claim here is backed by a test of the site's software (`Claim.tests`, which a test
holds to: each named test exists), and the list of tested pages and widths is the one the
accessibility tests themselves use (tests/browser/test_accessibility.py imports it). What
depends on the content (review reports published as PDFs, the site's own PDFs) is worked out
from the site as it is built. Editors place the parts with the markers below and write the
rest of the statement (how to ask for another format, enforcement, plans) themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from learning_resources.kinds import Kind
from learning_resources.plan import SitePlan

from . import render

SUMMARY = "<!-- learning:accessibility-summary -->"
TECHNICAL = "<!-- learning:accessibility-technical -->"

# Every kind of page the axe-core tests check, by the tests' own names, as readers know them.
TESTED_PAGES = {
    "home": "the home page",
    "briefs listing": "the list of learning briefs",
    "sheets listing": "the list of bite-size sheets",
    "topics": "the list of topics",
    "topic page": "a topic's page",
    "brief": "a learning brief",
    "sheet": "a bite-size sheet",
    "archive notice": "an archived brief's notice",
    "archive page": "the archive",
    "content page": "the partnership's own pages",
    "accessibility": "this accessibility statement",
    "editors": "the editors' guide",
    "editors' checks": "the editors' list of checks",
    "404": "the page shown for an address that does not exist",
}
SCREENS = ((360, 800), (1280, 900))  # width and height in CSS pixels: a phone, a laptop


@dataclass(frozen=True)
class Claim:
    text: str  # what a reader should be able to do (Markdown, one list item)
    tests: tuple[str, ...]  # 'tests/browser/file.py::test_name' that prove it


CLAIMS = (
    Claim(
        "zoom in up to 400% without text spilling off the screen: every kind of page fits a "
        "screen 320 pixels wide without scrolling sideways",
        ("tests/browser/test_pages.py::test_every_page_fits_320_pixels",),
    ),
    Claim(
        "use the website with a keyboard: the first link on every page skips to its title, "
        "the closed menu on a phone takes no keyboard focus, and the focus is marked with a "
        "thick outline",
        (
            "tests/browser/test_pages.py::test_every_page_skips_to_its_title",
            "tests/browser/test_keyboard.py::test_the_skip_link_lands_on_the_title",
            "tests/browser/test_keyboard.py::test_tab_reaches_the_content_at_once_on_a_phone",
        ),
    ),
    Claim(
        "scroll a wide table sideways with the keyboard, on the few pages that have one",
        ("tests/browser/test_pages.py::test_wide_tables_can_be_scrolled_by_keyboard",),
    ),
    Claim(
        "tap the filters of the lists of briefs and sheets on a phone: they are at least 44 "
        "pixels tall, with text at least 16 pixels high",
        ("tests/browser/test_site.py::test_filter_controls_are_big_enough_to_tap",),
    ),
    Claim(
        "hear a screen reader say when a link has been copied",
        ("tests/browser/test_keyboard.py::test_copying_the_link_is_announced",),
    ),
)


def blocks(plan: SitePlan, *, pdfs: bool) -> dict[str, str]:
    """The statement's generated parts, by the marker an editor places for each."""
    live = plan.live_documents()
    reports = sum(1 for d in live if d.kind is Kind.BRIEF and d.fields.report)
    context = {
        "settings": plan.site.settings,
        "claims": CLAIMS,
        "pages": list(TESTED_PAGES.values()),
        "widths": [width for width, _ in SCREENS],
        "reports": reports,
        "pdfs": pdfs and bool(live),
        "today": plan.today,
    }
    return {
        SUMMARY: render.render("accessibility-summary.md.j2", **context),
        TECHNICAL: render.render("accessibility-technical.md.j2", **context),
    }
