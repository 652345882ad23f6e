"""Raw HTML links in a document's Markdown (`<a href>`, `<img src>`) are checked exactly as
Markdown links are: a link to a missing, draft or archived document, or to a missing image,
once reached the site unchecked through raw HTML."""

from __future__ import annotations

import datetime as dt

import pytest

from learning_resources.pipeline import check_site

from .conftest import SiteFolder, brief
from .test_published_files import png

TODAY = dt.date(2026, 7, 1)


def _problems(site: SiteFolder) -> list[tuple[str, int, int, str, str, str]]:
    return [
        (p.path, p.line, p.column, p.rule, p.message, p.text)
        for p in check_site(site.root, TODAY).problems
    ]


@pytest.mark.parametrize(
    ("markdown", "raw_html", "target"),
    [
        ("[the brief](../gone.md)", '<a href="../gone.md">the brief</a>', "../gone.md"),
        ("![A chart](images/missing.png)", '<img src="images/missing.png" alt="">', "images/"),
        ("[form](plan%20b.pdf#p2)", "<a title=x href='plan%20b.pdf#p2'>form</a>", "plan%20b"),
        ("[x](gone.md)", '<A HREF = " gone.md ">x</A>', "gone.md"),
    ],
)
def test_a_raw_html_link_to_a_missing_file_is_reported_as_its_markdown_twin_is(
    site: SiteFolder, markdown: str, raw_html: str, target: str
) -> None:
    body = "## What we learned\n\n{}\n"
    site.write("briefs/child-a/index.md", brief(body=body.format(markdown)))
    expected = _problems(site)
    assert [p[3] for p in expected] == ["link.missing"]
    site.write("briefs/child-a/index.md", brief(body=body.format(raw_html)))
    found = _problems(site)
    assert [p[:2] + p[3:] for p in found] == [p[:2] + p[3:] for p in expected]  # but the column
    assert found[0][2] == raw_html.index(target) + 1


def test_raw_html_links_are_found_at_their_line_and_column_in_briefs_and_pages(
    site: SiteFolder,
) -> None:
    body = (
        "## What we learned\n\n"
        'Read <a href="../bitesize/nope.md">the sheet</a>.\n\n'
        '<div markdown>\n<img alt="" src=pic.png>\n</div>\n'
    )
    site.write("briefs/child-a.md", brief(body=body))
    site.write("content/about.md", '# About\n\n<p>A <img src="map.png"> map.</p>\n')
    assert [p[:4] + p[5:] for p in _problems(site)] == [
        ("briefs/child-a.md", 11, 15, "link.missing", "../bitesize/nope.md"),
        ("briefs/child-a.md", 14, 17, "link.missing", "pic.png"),
        ("content/about.md", 3, 16, "link.missing", "map.png"),
    ]
    messages = [p[4] for p in _problems(site)]
    assert messages[0].startswith("'../bitesize/nope.md' does not exist; correct the link")
    assert messages[1].startswith("'pic.png' does not exist; put the file in this document's")


def test_raw_html_links_to_draft_and_archived_briefs_are_reported(site: SiteFolder) -> None:
    site.write("briefs/draft.md", brief(case="E", extra="draft: true\n"))
    site.write("briefs/old.md", brief(case="B", published="2025-01-10"))
    body = (
        "## What we learned\n\n"
        '<a href="draft.md">a draft</a>, <a href="old.md#top">an old one</a>\n'
        'and <a href="https://example.test/briefs/draft/">by its address</a>.\n'
    )
    site.write("briefs/child-a.md", brief(body=body))
    assert [(p[3], p[5]) for p in _problems(site)] == [
        ("lifecycle.link_unpublished", "draft.md"),
        ("lifecycle.link_archived", "old.md"),
        ("lifecycle.link_unpublished", "https://example.test/briefs/draft/"),
    ]


def test_what_markdown_links_may_do_raw_html_links_may_do_too(site: SiteFolder) -> None:
    """Other sites, anchors, mail and phone links, entities, code and notes are left alone,
    as in Markdown: only the one link to a missing file is reported."""
    site.write("briefs/child-b.md", brief(case="B"))
    body = (
        "## What we learned\n\n"
        '<a href="https://www.gov.uk/guidance.md">GOV.UK</a> <a href="#what-we-learned">up</a>\n'
        '<a href="mailto:learning@partnership.example">mail</a> <a href="tel:111">call</a>\n'
        '<a href="child-b.md#x">B</a> <a href="">empty</a> <a title="x">no address</a>\n'
        '`<a href="in-code.md">`\n\n<!-- <a href="in-a-note.md"> -->\n\n'
        '```html\n<img src="in-a-block.png">\n```\n\n'
        '<a href="child-&#98;.md">B</a> <a href="gone&amp;lost.md">gone</a>\n'
    )
    site.write("briefs/child-a.md", brief(body=body))
    assert [(p[1], p[3], p[5]) for p in _problems(site)] == [
        (22, "link.missing", "gone&lost.md"),
    ]


def test_a_raw_html_link_to_a_document_is_published_at_its_address(site: SiteFolder) -> None:
    """MkDocs publishes raw HTML as written: a link to 'child-b.md' led nowhere on the site;
    and a file linked from raw HTML is published with the document."""
    site.write("briefs/child-b.md", brief(case="B"))
    site.write("content/about.md", "# About\n\nAbout us.\n")
    body = (
        "## What we learned\n\n"
        '<a href="../child-b.md#x">B</a> <a href="../../content/about.md">about</a>\n'
        '<a href="chart.png">the chart</a>\n'
    )
    site.write("briefs/child-a/index.md", brief(body=body))
    site.write("briefs/child-a/chart.png", png())
    result = site.run("build", "--no-pdfs", "--today", TODAY.isoformat())
    assert result.returncode == 0, result.stdout + result.stderr
    page = (site.root / "site/briefs/child-a/index.html").read_text(encoding="utf-8")
    assert '<a href="../child-b/#x"' in page
    assert '<a href="../../about/"' in page
    assert (site.root / "site/briefs/child-a/chart.png").is_file()


def test_a_raw_html_links_target_is_masked_in_a_ci_log(
    site: SiteFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    site.write("content/guide.md", '# Guide\n\nSee <a href="kai-oneill.md">the plan</a>.\n')
    result = site.run("check", "--format", "github")
    assert "content/guide.md,line=3,col=14,title=link.missing" in result.stdout, result.stdout
    assert "oneill" not in result.stdout + result.stderr
