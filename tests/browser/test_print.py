"""Printing the example site's briefs and sheets from Chromium (print media, A4), and reading
the PDFs the build made: clean handouts within their page budgets."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from learning_resources.documents import Document
from learning_resources.pipeline import check_site
from learning_resources.printing import page_budget

from ..conftest import PROJECT
from ..printed import pages, stranded_headings, text
from .conftest import SITE_URL, TODAY


def live_documents() -> list[Document]:
    report = check_site(PROJECT, dt.date.fromisoformat(TODAY))
    assert report.plan is not None
    return report.plan.live_documents()


DOCUMENTS = live_documents()
CHROME = ("Skip to content", "Search", "Made with", "Back to top", "Copy link")


def check_handout(pdf: bytes | Path, document: Document, html: str, printed_on: str) -> None:
    """Within its page budget; every page's footer; no heading last on a page; no chrome."""
    printed = pages(pdf, document.title)
    assert 1 <= len(printed) <= page_budget(document), document.path
    url = SITE_URL + document.url
    for page in printed:
        footer = re.sub(r"(?<=[-/]) (?=\S)", "", " ".join(page.footer[:-1]))  # a wrapped address
        assert footer == (
            f"{document.title} Printed on {printed_on}. The current version is at {url}"
        ), (document.path, page.number)
        assert page.footer[-1] == f"Page {page.number} of {len(printed)}"
    assert stranded_headings(pdf, html, document.title) == [], document.path
    body = text(pdf).replace("Printed on", "")
    assert [c for c in CHROME if c in body] == [], document.path


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d.path)
def test_each_pdf_the_build_made_is_a_clean_handout(built_site: Path, document: Document) -> None:
    folder = built_site / document.url
    check_handout(
        folder / f"{document.slug}.pdf",
        document,
        (folder / "index.html").read_text(),
        "25 November 2026",  # the build's --today
    )


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d.path)
def test_each_document_printed_from_chromium_is_a_clean_handout(
    page: Page, base_url: str, built_site: Path, document: Document
) -> None:
    page.clock.set_fixed_time(dt.datetime(2031, 5, 2, 10, 0, tzinfo=dt.UTC))  # printed that day
    page.goto(f"{base_url}/{document.url}")
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    html = (built_site / document.url / "index.html").read_text()
    check_handout(pdf, document, html, "2 May 2031")


def test_the_print_view_shows_only_the_document(page: Page, base_url: str) -> None:
    page.goto(base_url + "/bitesize/neglect/")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer", ".lr-actions"):
        expect(page.locator(chrome).first).to_be_hidden()
    expect(page.locator("article h1")).to_have_text("Neglect")
    size = page.locator("#overview + p").evaluate("p => getComputedStyle(p).fontSize")
    assert 11 * 4 / 3 <= float(size.removesuffix("px")) <= 12 * 4 / 3  # 11 to 12 pt
    link = page.locator("article a[href^='https://learning.nspcc.org.uk']").first
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert after == '" (https://learning.nspcc.org.uk/child-abuse-and-neglect/neglect)"'


def test_without_javascript_a_printout_still_says_where_it_lives(
    browser: Browser, base_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/bitesize/neglect/")
    page.emulate_media(media="print")
    end = page.locator(".lr-print-end")
    expect(end).to_be_visible()
    expect(end).to_contain_text(f"The current version is at {SITE_URL}bitesize/neglect/")
    expect(end.locator("svg[aria-label^='QR code']")).to_be_visible()
    page.emulate_media(media="screen")
    expect(end).to_be_hidden()
    context.close()


def test_a_briefing_prints_its_team_actions_box_on_paper_only(page: Page, base_url: str) -> None:
    page.goto(base_url + "/briefs/child-j-seven-minute-neglect/")
    box = page.locator(".lr-team-actions")
    expect(box).to_be_hidden()
    page.emulate_media(media="print")
    expect(box).to_be_visible()
    expect(box).to_contain_text("Our team's actions")
    assert page.locator(".lr-parts > section.lr-part").count() == 6


def test_the_download_link_and_the_topic_pack_are_offered(page: Page, base_url: str) -> None:
    page.goto(base_url + "/bitesize/neglect/")
    link = page.get_by_role("link", name=re.compile(r"^Download PDF \(2 pages, \d+ KB\)$"))
    expect(link).to_have_attribute("href", "neglect.pdf")
    page.goto(base_url + "/topics/neglect/")
    pack = page.get_by_role("link", name=re.compile(r"^Download a team-meeting pack"))
    expect(pack).to_have_attribute("href", "neglect-team-meeting-pack.pdf")
    response = page.request.get(base_url + "/topics/neglect/neglect-team-meeting-pack.pdf")
    assert response.ok and response.body().startswith(b"%PDF")
