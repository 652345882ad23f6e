"""Printing as data: page budgets, notices, discussion questions, packs, and print-ready pages."""

from __future__ import annotations

import datetime as dt
import re
from itertools import pairwise

import pytest
import qrcode
from mkdocs_learning.pdfs import css_string, describe
from mkdocs_learning.printout import print_ready, qr_svg

from learning_resources.packs import PackError, documents_pack, topic_pack
from learning_resources.pipeline import check_site
from learning_resources.plan import SitePlan
from learning_resources.printing import (
    budget_problem,
    leaving_on,
    page_budget,
    plain_text,
    questions,
)
from learning_resources.problems import Severity

from .conftest import SiteFolder, brief, sheet

TODAY = dt.date(2026, 11, 25)

BRIEFING_BODY = """\
## Background

What happened.

## Why it matters

Why.

## What we found

- One thing.

## What to do

- Ask.

## Questions

1. First question?
2. Second question,
   over two lines?

## Further information

- [A guide](https://example.org/guide)
"""


def plan_of(site: SiteFolder, today: dt.date = TODAY) -> SitePlan:
    report = check_site(site.root, today)
    assert report.plan is not None
    assert [p for p in report.problems if p.severity is Severity.ERROR] == []
    return report.plan


def document(plan: SitePlan, path: str):  # type: ignore[no-untyped-def]
    return next(e for e in plan.entries if e.document.path == path)


def test_questions_come_from_discussion_sections_only(site: SiteFolder) -> None:
    body = (
        "## What we learned\n\n1. Not a question for the team.\n\n"
        "## Questions to reflect on\n\n1. How would you **know**?\n"
        "2. What does [the guidance](https://example.org) say?\n\n"
        "```\n## Questions\n1. inside code\n```\n"
    )
    site.write("briefs/child-a.md", brief(body=body))
    site.write("bitesize/neglect.md", sheet())
    plan = plan_of(site)
    settings = plan.site.settings
    assert questions(document(plan, "briefs/child-a.md").document, settings) == [
        "How would you know?",
        "What does the guidance say?",
    ]
    # A sheet's group activity is its discussion section, even without a numbered list.
    sheet_doc = document(plan, "bitesize/neglect.md").document
    assert questions(sheet_doc, settings) == []


def test_a_list_item_over_two_lines_is_one_question(site: SiteFolder) -> None:
    site.write("briefs/child-a.md", brief(extra="layout: seven-minute\n", body=BRIEFING_BODY))
    plan = plan_of(site)
    assert questions(document(plan, "briefs/child-a.md").document, plan.site.settings) == [
        "First question?",
        "Second question, over two lines?",
    ]


def test_plain_text_keeps_words_and_drops_marks() -> None:
    assert plain_text("Read **[the guide](x.md)** and `this`") == "Read the guide and this"


@pytest.mark.parametrize(
    ("extra", "body", "path", "budget"),
    [
        ("", "## What we learned\n\nText.\n", "briefs/child-a.md", 4),
        ("layout: seven-minute\n", BRIEFING_BODY, "briefs/child-a.md", 1),
    ],
)
def test_page_budgets(site: SiteFolder, extra: str, body: str, path: str, budget: int) -> None:
    site.write(path, brief(extra=extra, body=body))
    site.write("bitesize/neglect.md", sheet())
    plan = plan_of(site)
    doc = document(plan, path).document
    assert page_budget(doc) == budget
    assert page_budget(document(plan, "bitesize/neglect.md").document) == 2
    assert budget_problem(doc, budget) is None
    found = budget_problem(doc, budget + 1)
    assert found is not None
    assert (found.path, found.rule, found.severity) == (path, "print.page_budget", "warning")
    assert f"prints on {budget + 1} A4 pages" in found.message


def test_a_briefing_needs_its_own_sections(site: SiteFolder) -> None:
    site.write(
        "briefs/child-a.md",
        brief(extra="layout: seven-minute\n", body=BRIEFING_BODY.replace("## Questions", "## Qs")),
    )
    result = site.check_json()
    problems = result["problems"]
    assert isinstance(problems, list)
    assert [(p["rule"], p["text"]) for p in problems] == [("briefing.section", "Questions")]


def test_an_unknown_layout_is_an_error(site: SiteFolder) -> None:
    site.write("briefs/child-a.md", brief(extra="layout: seven-minutes\n"))
    problems = site.check_json()["problems"]
    assert isinstance(problems, list)
    assert problems[0]["rule"] == "schema.choice"
    assert "did you mean 'seven-minute'" in problems[0]["message"]


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2025-12-10", dt.date(2026, 12, 9)),  # archives in 15 days
        ("2026-01-24", dt.date(2027, 1, 23)),  # in 60 days: still "leaving soon"
        ("2026-01-25", None),  # in 61 days
        ("2026-06-01", None),
    ],
)
def test_a_brief_leaving_within_60_days_says_so(
    site: SiteFolder, published: str, expected: dt.date | None
) -> None:
    site.write("briefs/child-a.md", brief(published=published))
    plan = plan_of(site)
    assert leaving_on(document(plan, "briefs/child-a.md"), TODAY) == expected


def write_pack_site(site: SiteFolder) -> None:
    site.write("bitesize/neglect.md", sheet())
    site.write("briefs/old.md", brief(case="B", published="2026-01-10", title="Older brief"))
    site.write("briefs/new.md", brief(case="C", published="2026-09-10", title="Newer brief"))
    site.write(
        "briefs/seven.md",
        brief(case="D", extra="layout: seven-minute\n", body=BRIEFING_BODY, title="Briefing"),
    )
    site.write("briefs/gone.md", brief(case="E", published="2025-01-10", title="Archived"))
    site.write("briefs/soon.md", brief(case="F", published="2027-01-10", title="Embargoed"))
    site.write("briefs/draft.md", brief(case="G", extra="draft: true\n", title="Draft"))
    site.write("briefs/other.md", brief(case="H", topics="[safe-sleep]", title="Another topic"))


def test_a_topic_pack_holds_live_documents_sheets_first(site: SiteFolder) -> None:
    write_pack_site(site)
    pack = topic_pack(plan_of(site), "neglect")
    assert [d.document.title for d in pack.documents] == [
        "Neglect",
        "Briefing",
        "Newer brief",
        "Older brief",
    ]
    assert [d.label for d in pack.documents] == [
        "Bite-size sheet",
        "7-minute briefing",
        "Learning brief",
        "Learning brief",
    ]
    assert pack.slug == "neglect-team-meeting-pack"


def test_the_running_order_adds_up(site: SiteFolder) -> None:
    write_pack_site(site)
    pack = topic_pack(plan_of(site), "neglect")
    steps = pack.timed_steps()
    assert steps[0][0] == 0
    for (start, step), (next_start, _) in pairwise(steps):
        assert next_start == start + step.minutes
    assert pack.total_minutes == steps[-1][0] + steps[-1][1].minutes
    briefing = [s for _, s in steps if s.document and s.document.title == "Briefing"]
    assert [s.minutes for s in briefing] == [7, 10]
    assert steps[-1][1].what.startswith("Agree your team's actions")


def test_a_sheet_says_how_long_its_activity_takes(site: SiteFolder) -> None:
    body = sheet().split("---\n", 2)[2].replace("Discuss in your team.", "Allow about 35 minutes.")
    site.write("bitesize/neglect.md", sheet(body=body))
    steps = topic_pack(plan_of(site), "neglect").running_order
    assert [s.minutes for s in steps if s.what == "Its group activity"] == [35]


@pytest.mark.parametrize(
    ("topic", "message"),
    [
        ("neglet", "there is no topic 'neglet'; did you mean 'neglect'?"),
        ("domestic-abuse", "nothing on the topic 'domestic-abuse' is online today"),
    ],
)
def test_a_topic_pack_can_be_refused(site: SiteFolder, topic: str, message: str) -> None:
    write_pack_site(site)
    with pytest.raises(PackError, match=re.escape(message)):
        topic_pack(plan_of(site), topic)


def test_a_pack_of_chosen_documents_keeps_their_order(site: SiteFolder) -> None:
    write_pack_site(site)
    pack = documents_pack(plan_of(site), ["briefs/other.md", "./bitesize/neglect.md"])
    assert [d.document.title for d in pack.documents] == ["Another topic", "Neglect"]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("briefs/gone.md", "briefs/gone.md is archived: only live documents go into a pack"),
        ("briefs/soon.md", "briefs/soon.md is embargoed"),
        ("briefs/draft.md", "briefs/draft.md is draft"),
        ("briefs/nope.md", "briefs/nope.md is not a brief or sheet of this site"),
        ("content/index.md", "content/index.md is not a brief or sheet of this site"),
    ],
)
def test_only_live_documents_go_into_a_pack(site: SiteFolder, path: str, message: str) -> None:
    write_pack_site(site)
    with pytest.raises(PackError, match=re.escape(message)):
        documents_pack(plan_of(site), [path])


def test_the_qr_code_is_the_address_s_own_matrix() -> None:
    url = "https://example.test/briefs/child-a/"
    svg = qr_svg(url)
    code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(url)
    matrix = code.get_matrix()
    drawn = [[False] * len(matrix) for _ in matrix]
    for x, y, length in re.findall(r"M(\d+) (\d+)h(\d+)v1h-\3z", svg):
        for dx in range(int(length)):
            drawn[int(y)][int(x) + dx] = True
    assert drawn == matrix
    assert f'aria-label="QR code: {url}"' in svg


PAGE = """<html><head></head><body><nav><a href="../x/">nav</a></nav>
<article class="md-content__inner md-typeset">
<h1>Title</h1>
<h2 id="what-we-learned">What we learned<a class="headerlink" href="#what-we-learned">¶</a></h2>
<p>See <a href="../../bitesize/neglect/">the sheet</a>, <a href="https://example.org/a">a guide</a>,
<a href="mailto:x@example.test">e-mail</a> and <a href="#top">the top</a>.</p>
<h2 id="questions-to-reflect-on">Questions to reflect on<a class="headerlink" href="#q">¶</a></h2>
<ol><li>One?</li></ol>
<h2 id="further-reading">Further reading</h2>
<p>More.</p>
<div class="lr-print-end" data-lr-print></div>
</article></body></html>"""


def test_print_ready_pages_give_links_their_address_and_keep_questions_together(
    site: SiteFolder,
) -> None:
    settings = plan_of(site).site.settings
    html = print_ready(PAGE, "https://example.test/briefs/child-a/", settings)
    assert (
        'href="../../bitesize/neglect/" data-lr-href="https://example.test/bitesize/neglect/"'
        in html
    )
    assert 'href="https://example.org/a" data-lr-href="https://example.org/a"' in html
    assert '<a href="mailto:x@example.test">' in html and '<a href="#top">' in html
    assert '<a href="../x/">nav</a>' in html  # outside the document: left alone
    kept = re.findall(r'<div class="lr-keep">(.*?)</div>', html, re.DOTALL)
    assert len(kept) == 1
    assert kept[0].startswith('<h2 id="questions-to-reflect-on">')
    assert kept[0].rstrip().endswith("</ol>")


def test_a_briefing_s_sections_become_boxes(site: SiteFolder) -> None:
    settings = plan_of(site).site.settings
    page = PAGE.replace('<div class="lr-print-end"', '<div class="lr-team-actions"></div>\n<div')
    html = print_ready(page, "https://example.test/briefs/child-a/", settings)
    parts = html.split('<div class="lr-parts">')[1]
    assert parts.count("<section") == 3
    assert '<section class="lr-part lr-keep"><h2 id="questions-to-reflect-on">' in parts
    assert parts.index("</section>\n</div>") < parts.index('<div class="lr-team-actions">')


def test_css_strings_are_escaped() -> None:
    assert css_string('Say "hi" \\ </style>\n') == '"Say \\"hi\\" \\\\ \\3C /style> "'


@pytest.mark.parametrize(
    ("pages", "size", "text"),
    [(1, 100, "1 page, 1 KB"), (2, 48_900, "2 pages, 48 KB"), (12, 3_500_000, "12 pages, 3.3 MB")],
)
def test_download_links_say_pages_and_size(pages: int, size: int, text: str) -> None:
    assert describe(pages, size) == text
