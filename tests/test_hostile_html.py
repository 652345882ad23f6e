"""Stored script injection: every hostile value is escaped, every forbidden body is an error at
its line, and nothing in the corpus reaches the built site as something that runs."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import markdown
import pytest
from mkdocs_learning import render

from learning_resources.formats import format_github, format_text
from learning_resources.html_policy import check_body, sanitise
from learning_resources.pipeline import check_site
from learning_resources.problems import Severity
from learning_resources.reference import fields_reference
from learning_resources.settings import load_settings

from .conftest import PROJECT, SiteFolder, brief
from .hostile_html_corpus import (
    BODY_CASES,
    NOTE,
    SAFE_BODY,
    SUMMARY,
    TITLES,
    BodyCase,
    active_content,
    body_with,
    build_bypass,
    build_legal,
    legal_site,
)

TODAY = dt.date(2026, 11, 25)
ATOM = "{http://www.w3.org/2005/Atom}"


def html_problems(folder: SiteFolder) -> list[tuple[str, int, str]]:
    report = check_site(folder.root, TODAY)
    return [(p.path, p.line, p.rule) for p in report.problems if p.rule.startswith("html.")]


@pytest.mark.parametrize("case", BODY_CASES, ids=[c.name for c in BODY_CASES])
def test_each_forbidden_body_is_one_error_at_its_line(site: SiteFolder, case: BodyCase) -> None:
    body, body_line = body_with(case)
    text = brief(body=body)
    site.write("briefs/child-a.md", text)
    first_body_line = text.split("\n").index("## What we learned") + 1
    assert html_problems(site) == [
        ("briefs/child-a.md", first_body_line + body_line - 1, case.rule)
    ]


@pytest.mark.parametrize("case", BODY_CASES, ids=[c.name for c in BODY_CASES])
def test_each_forbidden_body_is_an_error_in_pages_and_sheets_too(case: BodyCase) -> None:
    found = check_body(f"# Page\n\n{case.markdown}\n", "content/page.md", 3)
    assert [(p.rule, p.severity) for p in found] == [(case.rule, Severity.ERROR)]
    assert found[0].line == 5 + case.line
    assert found[0].message and found[0].path == "content/page.md"


def test_the_message_says_what_and_how_to_fix(site: SiteFolder) -> None:
    site.write("briefs/child-a.md", brief(body="Text\n\n<img src=a.png alt='' onerror=x()>\n"))
    [problem] = [p for p in check_site(site.root, TODAY).problems if p.rule.startswith("html.")]
    assert (problem.path, problem.line, problem.column) == ("briefs/child-a.md", 11, 1)
    assert "'onerror' on <img> would run a script" in problem.message
    assert "remove the attribute" in problem.message


def test_what_editors_may_write_passes(site: SiteFolder) -> None:
    site.write("briefs/child-a.md", brief(body=SAFE_BODY))
    assert html_problems(site) == []


@pytest.mark.parametrize(
    "body", ["See [the notes](<other.md#the smiths' notes>).", "See [the plan](<plan b.md>)."]
)
def test_a_link_address_in_angle_brackets_is_no_html(body: str) -> None:
    """Markdown makes `[x](<a b.md>)` a link with that address, never a tag, so the HTML policy
    does not read it as one (its address is still checked as a link's)."""
    assert check_body(body, "briefs/x.md") == []
    assert "<a href=" in markdown.markdown(body)
    assert [p.rule for p in check_body("[x](<javascript:alert(1)>)", "briefs/x.md")] == [
        "html.url_scheme"
    ]


def test_hostile_titles_and_summaries_are_legal(site: SiteFolder) -> None:
    legal_site(site)
    report = check_site(site.root, TODAY)
    assert [p for p in report.problems if p.severity is Severity.ERROR] == []


@pytest.fixture(scope="module")
def legal_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_legal(tmp_path_factory.mktemp("legal"))


@pytest.fixture(scope="module")
def bypass_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_bypass(tmp_path_factory.mktemp("bypass"))


def scan_output(site_dir: Path) -> dict[str, list[str]]:
    """Everything active in the built site: pages, search index entries, feed, sitemap."""
    found: dict[str, list[str]] = {}
    for path in sorted(site_dir.rglob("*")):
        relpath = path.relative_to(site_dir).as_posix()
        if path.suffix == ".html":
            found[relpath] = active_content(path.read_text(encoding="utf-8"))
        elif path.name == "search_index.json":
            index = json.loads(path.read_text(encoding="utf-8"))
            for entry in index["docs"]:  # Material shows titles and text as HTML
                found[f"{relpath}#{entry['location']}"] = active_content(
                    entry["title"] + entry["text"]
                )
        elif path.suffix == ".xml":
            ET.parse(path)  # well-formed, whatever the titles held
            found[relpath] = [NOTE] if NOTE in path.read_text(encoding="utf-8") else []
    return {where: what for where, what in found.items() if what}


def test_nothing_hostile_in_titles_runs_anywhere(legal_build: Path) -> None:
    assert scan_output(legal_build) == {}


def test_nothing_the_check_missed_reaches_the_site(bypass_build: Path) -> None:
    assert scan_output(bypass_build) == {}
    assert "tracker.example" not in "".join(
        p.read_text(encoding="utf-8") for p in bypass_build.rglob("*.html")
    ).replace("tracker.example/frame", "")  # a removed iframe's address is gone with it


EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "def_list", "toc"]
# Refused by the check, though Markdown itself already makes them harmless text or a
# relative address (a space inside a scheme).
HARMLESS_ONCE_RENDERED = {"markdown link spaced", "autolink"}


@pytest.mark.parametrize("case", BODY_CASES, ids=[c.name for c in BODY_CASES])
def test_the_scan_finds_each_case_unsanitised(case: BodyCase) -> None:
    found = active_content(markdown.markdown(case.markdown, extensions=EXTENSIONS))
    assert bool(found) is (case.name not in HARMLESS_ONCE_RENDERED)
    assert active_content(f"<!-- {NOTE} -->") != []


@pytest.mark.parametrize("case", BODY_CASES, ids=[c.name for c in BODY_CASES])
def test_the_sanitiser_alone_removes_each_case(case: BodyCase) -> None:
    rendered = markdown.markdown(case.markdown, extensions=EXTENSIONS)
    assert active_content(sanitise(rendered)) == []


def test_comments_are_never_published(legal_build: Path, bypass_build: Path) -> None:
    for site_dir in (legal_build, bypass_build):
        for path in site_dir.rglob("*"):
            if path.is_file() and path.suffix in {".html", ".json", ".xml"}:
                assert NOTE not in path.read_text(encoding="utf-8"), path
    assert "learning:topics" not in (legal_build / "index.html").read_text(encoding="utf-8")


def test_titles_show_as_written_in_title_h1_description_and_feed(legal_build: Path) -> None:
    page = (legal_build / "briefs/live-script/index.html").read_text(encoding="utf-8")
    escaped = 'Child Q &lt;/title&gt;&lt;script&gt;window.__pwned="title-script"&lt;/script&gt;'
    assert f"<title>{escaped} - " in page.replace("&#34;", '"').replace("&quot;", '"')
    assert re.search(r"<h1[^>]*>Child Q &lt;/title&gt;", page)
    described = re.search(r'<meta name="description" content="([^"]*)"', page)
    assert described and "&lt;img src=x onerror=" in described.group(1)
    feed = ET.parse(legal_build / "feed.xml").getroot()
    titles = {e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")}
    assert set(TITLES.values()) <= titles  # exactly the text, not escaped twice
    summaries = {e.findtext(f"{ATOM}summary") for e in feed.iter(f"{ATOM}entry")}
    assert f"{SUMMARY} (script)" in summaries


def text_and_tags(page: Path) -> tuple[str, list[str]]:
    """What a reader sees (tags removed, entities decoded), and every tag, decoded."""
    markup = page.read_text(encoding="utf-8")
    tags = [html.unescape(tag) for tag in re.findall(r"<[^>]*>", markup)]
    return html.unescape(re.sub(r"<[^>]*>", "", markup)), tags


def test_a_markdown_title_makes_no_link(legal_build: Path) -> None:
    for page in (
        "index.html",
        "briefs/index.html",
        "topics/neglect/index.html",
        "archive/index.html",
    ):
        text, tags = text_and_tags(legal_build / page)
        assert TITLES["markdown link"] in text, page
        assert not [tag for tag in tags if "javascript:" in tag.lower()], page


def test_a_summary_loads_no_image(legal_build: Path) -> None:
    text, tags = text_and_tags(legal_build / "briefs/index.html")
    assert "![pixel](https://tracker.example/pixel.gif)" in text
    assert not [tag for tag in tags if tag.startswith("<img") and "tracker" in tag]


def test_template_text_is_safe_in_html_attributes_and_markdown() -> None:
    hostile = "a](javascript:x) <b> \"q\" 'q' & { .x } | # *e* _u_ `c` \x00\x07 end"
    text = str(render.plain_text(hostile))
    assert not re.search(r"[<>\"'`*_\[\](){}|#\x00\x07]", re.sub(r"&#\d+;", "", text))
    assert html.unescape(text) == hostile.replace(" \x00\x07", "")
    for source in (f"- {text}", f"## {text}", f'<div markdown>\n<p class="x">{text}</p>\n</div>'):
        rendered = markdown.markdown(source, extensions=["attr_list", "md_in_html"])
        assert not re.search(r"<(a|b|em|code)\b| onclick|class=\"x\" x", rendered), rendered
        assert "a](javascript:x)" in html.unescape(rendered)


def test_addresses_in_templates_are_only_safe_ones() -> None:
    assert render.url("javascript:alert(1)") == "#"
    assert render.url(" JaVa\tScript:alert(1)") == "#"
    assert render.url("mailto:a@b.example?subject=x y") == "mailto:a@b.example?subject=x%20y"
    assert render.url("/briefs/a (b)/") == "/briefs/a%20%28b%29/"


def test_page_metadata_is_escaped_once() -> None:
    meta = {"title": "<b>x</b>\u0000", "description": 'a "b"', "search": {"exclude": True}}
    render.escape_meta(meta)
    assert meta == {
        "title": "&lt;b&gt;x&lt;/b&gt;",
        "description": "a &#34;b&#34;",
        "search": {"exclude": True},
    }


def test_the_editors_reference_lists_the_allowlist() -> None:
    text = fields_reference(load_settings(PROJECT))
    assert "## HTML in documents" in text
    assert "`<abbr>`" in text and "`<script>`" not in text
    assert "never published" in text


def test_values_quoted_in_logs_cannot_forge_lines_or_drive_the_terminal(site: SiteFolder) -> None:
    forged = '"A\\e[2J\\nbriefs/fake.md:1:1: error: forged\\u202e"'
    site.write("briefs/child-a.md", brief(title="Child A", case=forged))
    report = check_site(site.root, TODAY)
    for formatter in (format_text, format_github):
        out = formatter(report.problems, report.files)
        assert "\x1b" not in out and "\u202e" not in out
        assert not any(line.startswith("briefs/fake.md") for line in out.splitlines())
    assert "\\u001b[2J" in format_text(report.problems, report.files)  # shown, not obeyed


def test_the_policy_spares_archived_bodies_and_warns_in_drafts(site: SiteFolder) -> None:
    script = "## What we learned\n\n<script>alert(1)</script>\n"
    site.write("briefs/old.md", brief(case="A", published="2024-01-10", body=script))
    site.write("briefs/wip.md", brief(case="B", extra="draft: true\n", body=script))
    problems = check_site(site.root, dt.date(2026, 11, 25)).problems
    assert [(p.path, p.severity.value) for p in problems if p.rule.startswith("html.")] == [
        ("briefs/wip.md", "warning")
    ]


def test_a_note_never_closed_is_an_error() -> None:
    """An HTML comment is an editors' note, never published; one missing its '-->' was once
    published as text, note and all."""
    body = (
        "Text.\n\n<!-- closed note -->\n\n`<!-- code -->` and\n\n"
        "```\n<!-- in a code block\n```\n\n<!-- a note to the second reader\n\n## Next\n"
    )
    found = check_body(body, "briefs/child-a.md", 9)
    assert [(p.line, p.column, p.rule) for p in found] == [(19, 1, "html.comment")]
    assert "never closed" in found[0].message
