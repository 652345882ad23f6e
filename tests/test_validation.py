"""Every class of bad input is reported with its file, line, column and rule."""

from __future__ import annotations

import datetime as dt

import pytest

from learning_resources.kinds import Kind
from learning_resources.pipeline import check_site
from learning_resources.problems import Problem

from .conftest import SHEET_BODY, SiteFolder, brief, make_pdf, sheet

TODAY = dt.date(2026, 11, 25)


def problems_of(site: SiteFolder) -> list[Problem]:
    return check_site(site.root, TODAY).problems


def found(site: SiteFolder) -> list[tuple[str, int, int, str]]:
    return [(p.path, p.line, p.column, p.rule) for p in problems_of(site)]


# (what, file name, content, expected problems as (line, column, rule))
BAD_INPUTS = [
    ("no front matter", "briefs/child-a.md", "Just text.\n", [(1, 1, "frontmatter.missing")]),
    (
        "unclosed front matter",
        "briefs/child-a.md",
        "---\ntitle: x\ncase: A\n",
        [(1, 1, "frontmatter.unclosed")],
    ),
    (
        "yaml syntax error",
        "briefs/child-a.md",
        "---\ntitle: x\ncase: [A\n---\nbody\n",
        [(3, 7, "frontmatter.yaml")],
    ),
    (
        "yaml bad indentation",
        "briefs/child-a.md",
        "---\ntitle: x\n  case: A\n---\n",
        [(3, 7, "frontmatter.yaml")],
    ),
    (
        "front matter is a list",
        "briefs/child-a.md",
        "---\n- a\n- b\n---\n",
        [(2, 1, "frontmatter.not_mapping")],
    ),
    (
        "date with one-digit month",
        "briefs/child-a.md",
        brief(published="2025-3-1"),
        [(5, 12, "schema.date")],
    ),
    ("month 13", "briefs/child-a.md", brief(published="2025-13-01"), [(5, 12, "schema.date")]),
    ("30 February", "briefs/child-a.md", brief(published="2025-02-30"), [(5, 12, "schema.date")]),
    ("date in words", "briefs/child-a.md", brief(published="March 2025"), [(5, 12, "schema.date")]),
    ("topics not a list", "briefs/child-a.md", brief(topics="neglect"), [(6, 9, "schema.type")]),
    (
        "topic not in vocabulary",
        "briefs/child-a.md",
        brief(topics="[neglect, neglct]"),
        [(6, 19, "schema.choice")],
    ),
    ("title is a number", "briefs/child-a.md", brief(title="2024"), [(2, 8, "schema.type")]),
    (
        "draft not a boolean",
        "briefs/child-a.md",
        brief(extra="draft: maybe\n"),
        [(8, 8, "schema.type")],
    ),
    (
        "unknown key",
        "briefs/child-a.md",
        brief(extra="pubished: 2025-01-01\n"),
        [(8, 1, "schema.unknown_key")],
    ),
    (
        "key given twice",
        "briefs/child-a.md",
        brief(extra="title: Again\n"),
        [(8, 1, "frontmatter.duplicate_key")],
    ),
    (
        "missing required field",
        "briefs/child-a.md",
        "---\ntitle: x\ncase: A\nreview_type: cspr\n"
        "published: 2026-01-01\ntopics: [neglect]\n---\n",
        [(1, 1, "schema.required")],
    ),
    ("case letter in lower case", "briefs/child-a.md", brief(case="a"), [(3, 7, "schema.case")]),
    ("case written as words", "briefs/child-a.md", brief(case="Child A"), [(3, 7, "schema.case")]),
    (
        "review type not known",
        "briefs/child-a.md",
        brief(review_type="serious-case-review"),
        [(4, 14, "schema.choice")],
    ),
    (
        "summary too long",
        "briefs/child-a.md",
        brief(summary="word " * 80),
        [(7, 10, "schema.length")],
    ),
    (
        "report is missing",
        "briefs/child-a/index.md",
        brief(extra="report: report.pdf\n"),
        [(8, 9, "schema.report")],
    ),
    (
        "report outside the folder",
        "briefs/child-a/index.md",
        brief(extra="report: ../other/report.pdf\n"),
        [(8, 9, "schema.report")],
    ),
    (
        "sheet section missing",
        "bitesize/neglect.md",
        sheet(body=SHEET_BODY.replace("## Group activity", "## Activity")),
        [(7, 1, "sheet.section")],
    ),
    (
        "sheet section only inside a code block",
        "bitesize/neglect.md",
        sheet(body=SHEET_BODY.replace("## Group activity", "```\n## Group activity\n```")),
        [(7, 1, "sheet.section")],
    ),
    ("file name with capitals", "briefs/Child_A.md", brief(), [(1, 1, "file.slug")]),
    ("empty file", "briefs/child-a.md", "", [(1, 1, "file.empty")]),
    ("only blank lines", "briefs/child-a.md", "\n\n  \n", [(1, 1, "file.empty")]),
    (
        "not UTF-8",
        "briefs/child-a.md",
        brief().encode("utf-8") + b"\nCaf\xe9\n",
        [(13, 4, "file.encoding")],
    ),
    ("stray file", "briefs/notes.txt", "notes", [(1, 1, "file.stray")]),
    (
        "a field below the front matter",
        "briefs/child-a.md",
        brief(body="\ndraft: true\n\n## What we learned\n\nText.\n"),
        [(10, 1, "frontmatter.field_in_body")],
    ),
    (
        "a second front matter at the end",
        "briefs/child-a.md",
        brief() + "\n---\nDraft : true\n---\n",
        [(14, 1, "frontmatter.field_in_body")],
    ),
    (
        "a page's field without front matter",
        "content/about.md",
        "title: About us\n\n# About\n",
        [(1, 1, "frontmatter.field_in_body")],
    ),
    (
        "year far ahead",
        "briefs/child-a.md",
        brief(published="9999-12-31"),
        [(5, 12, "schema.date")],
    ),
    ("year long ago", "briefs/child-a.md", brief(published="0001-01-01"), [(5, 12, "schema.date")]),
    (
        "extension to the end of time",
        "briefs/child-a.md",
        brief(extra="extension: {until: 9999-12-31, reason: a reason}\n"),
        [(8, 12, "schema.date")],
    ),
    (
        "reviewed far ahead",
        "bitesize/neglect.md",
        sheet(last_reviewed="9999-12-31"),
        [(5, 16, "schema.date")],
    ),
    (
        "page at a generated address",
        "content/briefs/extra.md",
        "# Extra\n",
        [(1, 1, "file.reserved")],
    ),
    (
        "page with a broken front matter",
        "content/about.md",
        "---\ntitle: [x\n---\n# About\n",
        [(2, 8, "frontmatter.yaml")],
    ),
    (
        "page with an unknown key",
        "content/about.md",
        "---\ntitel: About\n---\n# About\n",
        [(2, 1, "schema.unknown_key")],
    ),
]


@pytest.mark.parametrize(
    ("relpath", "content", "expected"),
    [case[1:] for case in BAD_INPUTS],
    ids=[case[0] for case in BAD_INPUTS],
)
def test_bad_input_is_reported_where_it_is(
    site: SiteFolder, relpath: str, content: str | bytes, expected: list[tuple[int, int, str]]
) -> None:
    site.write(relpath, content)
    assert found(site) == [(relpath, *e) for e in expected]


def test_the_messages_say_how_to_fix_it(site: SiteFolder) -> None:
    site.write("briefs/child-a.md", brief(published="2025-3-1", extra="titel: x\n"))
    messages = [p.message for p in problems_of(site)]
    assert messages == [
        "published: expected a date YYYY-MM-DD, got '2025-3-1'; did you mean 2025-03-01?",
        "unknown field 'titel' for a learning brief; did you mean 'title'?",
    ]


def test_case_in_words_suggests_the_two_fields(site: SiteFolder) -> None:
    site.write("briefs/baby-c.md", brief(case="Baby C"))
    [found_problem] = problems_of(site)
    assert found_problem.message == (
        "case: expected one or two capital letters, got 'Baby C'; "
        "write 'case: C' and 'case_label: Baby'"
    )


def test_a_topic_given_by_its_label_suggests_the_id(site: SiteFolder) -> None:
    site.write("briefs/child-a.md", brief(topics="[Safe sleep]"))
    [found_problem] = problems_of(site)
    assert "use the id 'safe-sleep'" in found_problem.message


@pytest.mark.parametrize(
    "content",
    [
        brief().replace("\n", "\r\n"),
        "\ufeff" + brief(),
        ("\ufeff" + brief()).replace("\n", "\r\n"),
        brief().replace("\n", "\r"),
    ],
    ids=["crlf", "bom", "bom-and-crlf", "old-mac-cr"],
)
def test_bom_and_crlf_are_read_normally(site: SiteFolder, content: str) -> None:
    site.write("briefs/child-a.md", content.encode("utf-8"))
    report = check_site(site.root, TODAY)
    assert report.problems == []
    assert report.site is not None
    [document] = report.site.of_kind(Kind.BRIEF)
    assert document.title == "Learning from Child A"
    assert document.source.body.startswith("## What we learned\n")


@pytest.mark.parametrize("published", ["2026-06-01", "'2026-06-01'", '"2026-06-01"'])
def test_quoted_and_unquoted_dates_mean_the_same(site: SiteFolder, published: str) -> None:
    site.write("briefs/child-a.md", brief(published=published))
    report = check_site(site.root, TODAY)
    assert report.problems == []
    assert report.site is not None
    assert report.site.of_kind(Kind.BRIEF)[0].published == dt.date(2026, 6, 1)


def test_every_problem_in_every_file_in_one_run(site: SiteFolder) -> None:
    site.write("briefs/child-a.md", brief(published="2025-3-1", topics="[nope]"))
    site.write("briefs/child-b.md", brief(case="b", review_type="x"))
    site.write("bitesize/neglect.md", sheet(last_reviewed="yesterday"))
    assert [(p, r) for p, _, _, r in found(site)] == [
        ("bitesize/neglect.md", "schema.date"),
        ("briefs/child-a.md", "schema.date"),
        ("briefs/child-a.md", "schema.choice"),
        ("briefs/child-b.md", "schema.case"),
        ("briefs/child-b.md", "schema.choice"),
    ]


def test_a_brief_with_its_report_in_its_folder_is_valid(site: SiteFolder) -> None:
    site.write("briefs/child-a/index.md", brief(extra="report: report.pdf\n"))
    make_pdf(site.root / "briefs/child-a/report.pdf", "Child A was known to services.")
    assert found(site) == []


EDITORS_MISTAKES = [
    (
        "a UK date",
        brief(published="1/11/2026"),
        (5, 12, "schema.date"),
        "did you mean 2026-11-01?",
    ),
    (
        "a date in words",
        brief(published="1 November 2026"),
        (5, 12, "schema.date"),
        "did you mean 2026-11-01?",
    ),
    (
        "a title naming another case",
        brief(title="Learning from Child K", case="C"),
        (2, 8, "schema.case_title"),
        "it says 'Child K', but this brief's case is C",
    ),
    (
        "a year typed a year early",
        brief(published="2025-11-10"),
        (5, 12, "lifecycle.archived_on_arrival"),
        "archived since 2026-11-10",
    ),
    (
        "a year typed years ahead",
        brief(published="2062-11-10"),
        (5, 12, "lifecycle.far_future"),
        "more than a year ahead",
    ),
]


@pytest.mark.parametrize(
    ("content", "where", "message"),
    [m[1:] for m in EDITORS_MISTAKES],
    ids=[m[0] for m in EDITORS_MISTAKES],
)
def test_editors_mistakes_get_the_fix_at_the_right_line(
    site: SiteFolder, content: str, where: tuple[int, int, str], message: str
) -> None:
    site.write("briefs/child-c.md", content)
    problems = [p for p in problems_of(site) if p.rule == where[2]]
    assert [(p.line, p.column, p.rule) for p in problems] == [where]
    assert message in problems[0].message


def test_a_title_may_name_a_related_case(site: SiteFolder) -> None:
    site.write(
        "briefs/child-c.md",
        brief(title="Child C and Child B", case="C", extra="related_cases: [B]\n"),
    )
    assert "schema.case_title" not in [p.rule for p in problems_of(site)]


def test_an_old_archived_brief_is_not_warned_about_for_ever(site: SiteFolder) -> None:
    site.write("briefs/child-c.md", brief(published="2024-02-01"))
    assert problems_of(site) == []


def test_sheet_sections_in_the_wrong_order_or_empty(site: SiteFolder) -> None:
    body = SHEET_BODY.replace(
        "## Ways to approach it\n\nWhat to do.\n\n## Further reading\n\n- A national guide.\n",
        "## Further reading\n\n- A national guide.\n\n## Ways to approach it\n\n",
    )
    site.write("bitesize/neglect.md", sheet(body=body))
    assert [(p.line, p.rule) for p in problems_of(site)] == [
        (19, "sheet.section_order"),
        (19, "sheet.section_empty"),
    ]
