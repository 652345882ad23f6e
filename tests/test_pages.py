"""The site's own pages, built in-process: the home page's heading, the contact address as a
link (escaped, and refused when there is none), and the accessibility statement's generated
parts (true to the site, and to the tests)."""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest
from mkdocs_learning import render, statement
from mkdocs_learning.plugin import HOME_BLOCKS

from learning_resources.blocks import BLOCK_NAMES
from learning_resources.pipeline import check_site
from learning_resources.settings import load_settings

from .conftest import MKDOCS_YML, PROJECT, SiteFolder, brief, make_pdf

TODAY = "2026-11-25"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []  # (href, text)
        self.headings: list[str] = []
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links.append((dict(attrs).get("href") or "", ""))
            self._open.append("a")
        elif tag == "h1":
            self.headings.append("")
            self._open.append("h1")

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1] == tag:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._open and self._open[-1] == "a":
            href, text = self.links[-1]
            self.links[-1] = (href, text + data)
        elif self._open and self._open[-1] == "h1":
            self.headings[-1] += data


def parsed(path: Path) -> _Links:
    reader = _Links()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader


def settings_yml(extra: str = "", email: str | None = "learning@partnership.example") -> str:
    text = MKDOCS_YML.replace("      topics:\n", extra + "      topics:\n", 1)
    if email is None:
        return text.replace("      contact_email: learning@partnership.example\n", "")
    return text.replace("learning@partnership.example", email)


def build(site: SiteFolder) -> Path:
    result = site.run("build", "--today", TODAY, "--no-pdfs")
    assert result.returncode == 0, result.stdout + result.stderr
    return site.root / "site"


@pytest.mark.parametrize(
    ("extra", "heading"),
    [
        (
            "      area_names: [Eastfold, Eastfoldshire]\n",
            "Learning from safeguarding reviews in Eastfold",
        ),
        ("", "Learning from safeguarding reviews: Test Safeguarding Children Partnership"),
    ],
)
def test_the_home_heading_is_the_sites_purpose(site: SiteFolder, extra: str, heading: str) -> None:
    site.write("mkdocs.yml", settings_yml(extra))
    site.write("content/index.md", "---\ntitle: Welcome\n---\nWhat this site is for.\n")
    site.write("content/other.md", "---\ntitle: Another page\n---\nText.\n")
    out = build(site)
    assert parsed(out / "index.html").headings == [heading]
    assert parsed(out / "other" / "index.html").headings == ["Another page"]  # others keep theirs


def test_an_editors_own_home_heading_is_kept(site: SiteFolder) -> None:
    out = build(site)  # the fixture's home page starts '# Home'
    assert parsed(out / "index.html").headings == ["Home"]


MARKER = "<!-- learning:contact-email -->"


def test_the_contact_address_is_a_mailto_link_from_the_setting(site: SiteFolder) -> None:
    site.write("content/contact.md", f"# Contact\n\nEmail us at {MARKER}.\n")
    links = parsed(build(site) / "contact" / "index.html").links
    assert ("mailto:learning@partnership.example", "learning@partnership.example") in links


def test_blocks_are_filled_in_editors_pages_only(site: SiteFolder) -> None:
    """A marker in a brief is an error (it would vanish); the editors' list of checks names the
    marker, and it shows there as written, not as the link."""
    site.write("briefs/child-a.md", brief(body=f"## What we learned\n\nSee {MARKER} here.\n"))
    rules_found = [p.rule for p in check_site(site.root, dt.date(2026, 11, 25)).problems]
    assert rules_found == ["page.block"]
    site.write("briefs/child-a.md", brief())
    out = build(site)
    rules = (out / "editors" / "rules" / "index.html").read_text(encoding="utf-8")
    assert "&lt;!-- learning:contact-email --&gt;" in rules
    assert "mailto:" not in rules


def test_the_link_is_escaped_for_its_attribute_and_its_text() -> None:
    email = 'team@x.example" onclick="alert(1)"><script>'
    settings = load_settings(PROJECT)
    link = render.contact_email_link(dataclasses.replace(settings, contact_email=email))
    reader = _Links()
    reader.feed(link)
    [(href, text)] = reader.links
    assert unquote(href) == "mailto:" + email and text == email
    assert "<script>" not in link and 'onclick="' not in link


def test_a_page_asking_for_the_address_when_none_is_set_is_an_error(site: SiteFolder) -> None:
    site.write("mkdocs.yml", settings_yml(email=None))
    site.write("content/contact.md", f"# Contact\n\nWrite to us.\n\nEmail us at {MARKER}.\n")
    site.write("content/about.md", "# About\n\nNo address asked for here.\n")
    problems = site.check_json("--today", TODAY)["problems"]
    assert [(p["path"], p["line"], p["column"], p["rule"]) for p in problems] == [  # type: ignore[index, union-attr]
        ("content/contact.md", 5, 13, "page.contact_email")
    ]


def blocks_for(site: SiteFolder, *, pdfs: bool) -> str:
    plan = check_site(site.root, dt.date.fromisoformat(TODAY)).plan
    assert plan is not None
    return "\n".join(statement.blocks(plan, pdfs=pdfs).values())


def test_the_statement_lists_review_reports_only_when_there_are_some(site: SiteFolder) -> None:
    site.write("briefs/child-a.md", brief(case="A", published="2026-06-01"))
    assert "review report" not in blocks_for(site, pdfs=False)
    site.write(
        "briefs/child-b/index.md",
        brief(case="B", published="2026-07-01", extra="report: report.pdf\n"),
    )
    make_pdf(site.root / "briefs/child-b/report.pdf", "The anonymised review report.")
    text = blocks_for(site, pdfs=False)
    assert "some learning briefs (1 at the moment) come with the full review report" in text
    assert "Review reports published as PDFs" in text


def test_the_statement_speaks_of_the_sites_own_pdfs_only_when_it_makes_them(
    site: SiteFolder,
) -> None:
    site.write("briefs/child-a.md", brief())
    assert "PDF versions of briefs and sheets" in blocks_for(site, pdfs=True)
    assert "PDF versions" not in blocks_for(site, pdfs=False)


def test_the_statement_is_prepared_on_the_day_of_the_build(site: SiteFolder) -> None:
    assert "This statement was prepared on 25 November 2026" in blocks_for(site, pdfs=True)


def defined_tests(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}


def test_every_claim_of_the_statement_names_a_test_that_exists() -> None:
    for claim in statement.CLAIMS:
        assert claim.tests, claim.text
        for test in claim.tests:
            file, _, name = test.partition("::")
            assert name in defined_tests(PROJECT / file), (claim.text, test)


def test_a_block_the_site_does_not_fill_in_is_an_error(site: SiteFolder) -> None:
    """A mistyped marker is an HTML comment, which is never published: the block was once
    silently missing from the page."""
    site.write(
        "content/about.md",
        "# About\n\n<!-- learning:topic -->\n\n<!--Learning: Newest-->\n\n"
        "<!-- learning:topics -->\n\n```\n<!-- learning:example -->\n```\n",
    )
    site.write("briefs/child-a.md", brief(body="## Notes\n\n<!-- learning:newest -->\n"))
    problems = check_site(site.root, dt.date(2026, 7, 1)).problems
    assert [(p.path, p.line, p.column, p.rule) for p in problems] == [
        ("briefs/child-a.md", 11, 1, "page.block"),
        ("content/about.md", 3, 1, "page.block"),
        ("content/about.md", 5, 1, "page.block"),
    ]
    assert "did you mean '<!-- learning:topics -->'?" in problems[1].message
    assert "only in pages in content/" in problems[0].message
    markers = {f"<!-- learning:{name} -->" for name in BLOCK_NAMES}
    assert {statement.SUMMARY, statement.TECHNICAL, *HOME_BLOCKS} <= markers
