"""The lifecycle decision: its boundaries, written down as a table and tested day by day."""

from __future__ import annotations

import datetime as dt

import pytest

from learning_resources.dates import today_in_london
from learning_resources.kinds import Kind
from learning_resources.lifecycle import State, add_years, last_day_online, lifecycle
from learning_resources.pipeline import check_site
from learning_resources.settings import load_settings

from .conftest import SiteFolder, brief, sheet

D = dt.date


def life_of(site: SiteFolder, text: str, today: dt.date, kind: Kind = Kind.BRIEF) -> object:
    folder = "briefs" if kind is Kind.BRIEF else "bitesize"
    site.write(f"{folder}/doc.md", text)
    report = check_site(site.root, today)
    assert report.site is not None
    [document] = report.site.of_kind(kind)
    return lifecycle(document, today, load_settings(site.root))


@pytest.mark.parametrize(
    ("published", "today", "state"),
    [
        ("2025-03-14", D(2025, 3, 13), State.EMBARGOED),  # the day before publication
        ("2025-03-14", D(2025, 3, 14), State.LIVE),  # the day of publication
        ("2025-03-14", D(2026, 3, 13), State.LIVE),  # the last day online
        ("2025-03-14", D(2026, 3, 14), State.ARCHIVED),  # the anniversary
        ("2025-03-14", D(2026, 3, 15), State.ARCHIVED),  # the day after
        ("2024-02-29", D(2025, 2, 27), State.LIVE),  # a leap day: last day online is 27 Feb
        ("2024-02-29", D(2025, 2, 28), State.ARCHIVED),  # archived on 28 Feb, never later
        ("2024-02-28", D(2025, 2, 28), State.ARCHIVED),
        ("2023-03-01", D(2024, 2, 29), State.LIVE),  # a year that contains 29 February
        ("2023-03-01", D(2024, 3, 1), State.ARCHIVED),
    ],
)
def test_brief_boundaries(site: SiteFolder, published: str, today: dt.date, state: State) -> None:
    life = life_of(site, brief(published=published), today)
    assert life.state is state  # type: ignore[attr-defined]


def test_a_brief_is_online_for_exactly_one_year(site: SiteFolder) -> None:
    life = life_of(site, brief(published="2025-03-14"), D(2025, 6, 1))
    assert life.archive_on == D(2026, 3, 14)  # type: ignore[attr-defined]
    assert last_day_online(life) == D(2026, 3, 13)  # type: ignore[arg-type]


def test_29_february_maps_to_28_february() -> None:
    assert add_years(D(2024, 2, 29), 1) == D(2025, 2, 28)
    assert add_years(D(2024, 2, 29), 4) == D(2028, 2, 29)


def test_a_draft_is_never_published(site: SiteFolder) -> None:
    life = life_of(site, brief(extra="draft: true\n"), D(2026, 7, 1))
    assert life.state is State.DRAFT  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("today", "state"),
    [(D(2026, 6, 30), State.LIVE), (D(2026, 7, 1), State.ARCHIVED)],
)
def test_an_extension_keeps_a_brief_online_through_its_last_day(
    site: SiteFolder, today: dt.date, state: State
) -> None:
    text = brief(
        published="2025-03-14",
        extra="extension:\n  until: 2026-06-30\n  reason: Used at the June learning event\n",
    )
    assert life_of(site, text, today).state is state  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("extension", "rule"),
    [
        ("extension:\n  until: 2026-06-30\n", "schema.type"),
        ("extension:\n  until: 2026-06-30\n  reason: ''\n", "schema.length"),
        ("extension:\n  until: 2026-3-30\n  reason: Event\n", "schema.date"),
        ("extension:\n  until: 2026-02-01\n  reason: Event\n", "lifecycle.extension"),
    ],
    ids=["no-reason", "empty-reason", "bad-date", "ends-too-early"],
)
def test_an_extension_needs_a_reason_and_a_later_date(
    site: SiteFolder, extension: str, rule: str
) -> None:
    site.write("briefs/doc.md", brief(published="2025-03-14", extra=extension))
    assert [p.rule for p in check_site(site.root, D(2025, 6, 1)).problems] == [rule]


@pytest.mark.parametrize(
    ("moment", "date"),
    [
        (dt.datetime(2026, 3, 13, 23, 30, tzinfo=dt.UTC), D(2026, 3, 13)),  # GMT: same day
        (dt.datetime(2026, 6, 13, 23, 30, tzinfo=dt.UTC), D(2026, 6, 14)),  # 00:30 BST
        (dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC), D(2026, 10, 25)),  # clocks go back
    ],
)
def test_today_is_the_date_in_london(moment: dt.datetime, date: dt.date) -> None:
    assert today_in_london(moment) == date


def test_a_build_at_0030_bst_on_the_anniversary_archives(site: SiteFolder) -> None:
    today = today_in_london(dt.datetime(2026, 6, 13, 23, 30, tzinfo=dt.UTC))
    assert life_of(site, brief(published="2025-06-14"), today).state is State.ARCHIVED  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("today", "warned"),
    [(D(2026, 1, 14), False), (D(2026, 1, 15), True), (D(2026, 1, 16), True)],
)
def test_a_sheet_falls_due_for_review_three_years_on(
    site: SiteFolder, today: dt.date, warned: bool
) -> None:
    site.write("bitesize/doc.md", sheet(last_reviewed="2023-01-15"))
    problems = check_site(site.root, today).problems
    assert [p.rule for p in problems] == (["lifecycle.review_due"] if warned else [])
    if warned:
        assert problems[0].severity == "warning"
        assert problems[0].message.startswith("this sheet was due for review on 2026-01-15")


def test_sheets_never_archive(site: SiteFolder) -> None:
    life = life_of(site, sheet(last_reviewed="2010-01-01"), D(2026, 1, 1), Kind.SHEET)
    assert life.state is State.LIVE  # type: ignore[attr-defined]


def test_links_to_briefs_leaving_the_site_are_flagged(site: SiteFolder) -> None:
    site.write("briefs/old.md", brief(case="B", published="2025-01-10"))
    site.write("briefs/soon.md", brief(case="C", published="2025-12-20"))
    site.write("briefs/later.md", brief(case="D", published="2026-10-01"))
    site.write("briefs/draft.md", brief(case="E", extra="draft: true\n"))
    site.write("briefs/future.md", brief(case="F", published="2027-01-01"))
    site.write(
        "bitesize/neglect.md",
        sheet(
            body=sheet().split("---\n", 2)[2] + "\nSee [old](../briefs/old.md), "
            "[soon](../briefs/soon.md#x), [later](../briefs/later.md), "
            "[draft](../briefs/draft.md) and [future](../briefs/future.md).\n"
        ),
    )
    problems = check_site(site.root, D(2026, 11, 25)).problems
    assert [(p.rule, p.severity.value, p.text) for p in problems] == [
        ("lifecycle.link_archived", "warning", "../briefs/old.md"),
        ("lifecycle.link_archived", "warning", "../briefs/soon.md"),
        ("lifecycle.link_unpublished", "error", "../briefs/draft.md"),
        ("lifecycle.link_unpublished", "error", "../briefs/future.md"),
    ]
    assert problems[0].line == 27


def test_links_to_files_that_do_not_exist_are_errors_in_the_check(site: SiteFolder) -> None:
    """They once passed the check and failed only the build (or the go-live day's build), with
    MkDocs' message naming a generated page instead of the editor's file and line; images and
    reports too."""
    site.write("briefs/old.md", brief(case="B", published="2025-01-10"))
    site.write("briefs/child-c/index.md", brief(case="C", body="![A chart](chart.png)\n"))
    body = (
        "See [old](old.md), [folder](child-c/), [chart](child-c/chart%20one.png),\n"
        "and a [typo](olde.md#x).\n\n"
        "[sheet]: ../bitesize/nope.md\n"
    )
    site.write("briefs/child-a.md", brief(body=body))
    site.write("briefs/child-d.md", brief(case="D", published="2026-12-01", body="[x](gone.md)\n"))
    site.write("content/about.md", "# About\n\n![A map](map.png) and [briefs](briefs/index.md)\n")
    problems = check_site(site.root, D(2026, 7, 1)).problems
    assert [(p.path, p.line, p.column, p.rule, p.severity.value, p.text) for p in problems] == [
        ("briefs/child-a.md", 9, 11, "lifecycle.link_archived", "warning", "old.md"),
        ("briefs/child-a.md", 9, 48, "link.missing", "error", "child-c/chart%20one.png"),
        ("briefs/child-a.md", 10, 14, "link.missing", "error", "olde.md"),
        ("briefs/child-a.md", 12, 10, "link.missing", "error", "../bitesize/nope.md"),
        ("briefs/child-c/index.md", 9, 12, "link.missing", "error", "chart.png"),
        ("briefs/child-d.md", 9, 5, "link.missing", "error", "gone.md"),
        ("content/about.md", 3, 10, "link.missing", "error", "map.png"),
    ]
    assert "'olde.md' does not exist" in problems[2].message
    assert "put the file in this document's folder" in problems[4].message


def test_links_by_address_to_an_unpublished_brief_are_errors(site: SiteFolder) -> None:
    """A link by the site's own address once passed the check and failed only the build's
    audit, which blamed the site generator."""
    site.write("briefs/draft.md", brief(case="E", extra="draft: true\n"))
    site.write("briefs/future.md", brief(case="F", published="2027-01-01"))
    body = (
        "See [draft](https://EXAMPLE.test/briefs/draft/), [future](/briefs/future/#x)\n"
        "and [again](https://example.test/briefs/future.md).\n"
    )
    site.write("bitesize/neglect.md", sheet(body=sheet().split("---\n", 2)[2] + body))
    problems = check_site(site.root, D(2026, 11, 25)).problems
    assert [(p.rule, p.text) for p in problems] == [
        ("lifecycle.link_unpublished", "https://EXAMPLE.test/briefs/draft/"),
        ("lifecycle.link_unpublished", "/briefs/future/"),
        ("lifecycle.link_unpublished", "https://example.test/briefs/future.md"),
    ]


def test_links_to_files_the_site_does_not_publish_there_are_errors(site: SiteFolder) -> None:
    """An image of another document's folder, or a file outside the site's folders, exists
    but is not published where the link leads: MkDocs once stopped the build on it."""
    from .test_published_files import png

    site.write(
        "briefs/draft/index.md", brief(case="D", extra="draft: true\n", body="![x](c.png)\n")
    )
    site.write("briefs/draft/c.png", png())
    site.write(
        "briefs/child-a/index.md", brief(body="![x](../draft/c.png) [y](../../mkdocs.yml)\n")
    )
    site.write("content/pic.png", png())
    site.write("content/about.md", "# About\n\n![A map](pic.png) [the brief](../briefs/child-a/)\n")
    site.write(
        "content/more.md",
        "# More\n\n![A map](pic.png) [about](about.md) [y](../briefs/draft/c.png)\n",
    )
    problems = check_site(site.root, D(2026, 7, 1)).problems
    assert [(p.path, p.rule, p.text) for p in problems] == [
        ("briefs/child-a/index.md", "link.missing", "../draft/c.png"),
        ("briefs/child-a/index.md", "link.missing", "../../mkdocs.yml"),
        ("content/more.md", "link.missing", "../briefs/draft/c.png"),
    ]
    assert "'../draft/c.png' is not published with this page" in problems[0].message
