"""`build.py status` and the archive page agree with the lifecycle decision on the same date."""

from __future__ import annotations

import datetime as dt
import json
import re

from learning_resources.dates import today_in_london
from learning_resources.lifecycle import State
from learning_resources.pipeline import check_site

from .conftest import PROJECT, SiteFolder, brief, sheet

TODAY = dt.date(2026, 11, 25)


def fixture(site: SiteFolder) -> None:
    site.write("briefs/old.md", brief(case="A", published="2025-06-01"))
    site.write("briefs/ending.md", brief(case="B", published="2025-12-20"))
    site.write("briefs/current.md", brief(case="C", published="2026-09-01"))
    site.write("briefs/next.md", brief(case="D", published="2026-12-10"))
    site.write("briefs/far.md", brief(case="A", published="2027-06-01"))
    site.write("briefs/wip.md", brief(case="E", extra="draft: true\n"))
    site.write("bitesize/old-sheet.md", sheet(title="Old", last_reviewed="2023-11-01"))
    site.write("bitesize/soon-sheet.md", sheet(title="Soon", last_reviewed="2024-01-10"))
    site.write("bitesize/new-sheet.md", sheet(title="New", last_reviewed="2026-01-10"))


def test_status_lists_what_changes_in_the_window(site: SiteFolder) -> None:
    fixture(site)
    result = site.run("status", "--today", TODAY.isoformat(), "--within", "60", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    pick = {k: [(c["path"], c["date"]) for c in v] for k, v in data.items() if isinstance(v, list)}
    assert pick == {
        "left_out_with_errors": [],
        "live": [
            ("bitesize/old-sheet.md", "2023-11-01"),
            ("bitesize/soon-sheet.md", "2024-01-10"),
            ("briefs/ending.md", "2025-12-20"),
            ("bitesize/new-sheet.md", "2026-01-10"),
            ("briefs/current.md", "2026-09-01"),
        ],
        "going_live": [("briefs/next.md", "2026-12-10")],
        "archiving": [("briefs/ending.md", "2026-12-20")],
        "reviews_due": [
            ("bitesize/old-sheet.md", "2026-11-01"),
            ("bitesize/soon-sheet.md", "2027-01-10"),
        ],
        "archived": [("briefs/old.md", "2026-06-01")],
    }


def test_status_text_is_readable(site: SiteFolder) -> None:
    fixture(site)
    result = site.run("status", "--today", TODAY.isoformat(), "--within", "10")
    assert result.stdout.splitlines()[:6] == [
        "Site status on 2026-11-25",
        "",
        "Online now (since):",
        "  2023-11-01  bitesize/old-sheet.md  Old",
        "  2024-01-10  bitesize/soon-sheet.md  Soon",
        "  2025-12-20  briefs/ending.md  Learning from Child B",
    ]


def test_status_forecasts_the_rest_when_some_files_have_errors(site: SiteFolder) -> None:
    fixture(site)
    site.write("briefs/broken.md", brief(case="F", published="2026-13-01"))
    result = site.run("status", "--today", TODAY.isoformat(), "--within", "60")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[2:4] == [
        "Left out because these files have errors (run 'build.py check'):",
        "  briefs/broken.md",
    ]
    assert "  2026-12-10  briefs/next.md  Learning from Child D" in lines


def test_status_and_archive_page_agree_with_the_decision(site: SiteFolder) -> None:
    fixture(site)
    report = check_site(site.root, TODAY)
    assert report.plan is not None
    decided = sorted(e.document.path for e in report.plan.in_state(State.ARCHIVED))
    status = json.loads(site.run("status", "--today", TODAY.isoformat(), "--format", "json").stdout)
    assert sorted(c["path"] for c in status["archived"]) == decided
    assert site.run("build", "--today", TODAY.isoformat()).returncode == 0
    page = (site.root / "site/archive/index.html").read_text()
    linked = sorted(set(re.findall(r'href="\.\./briefs/([a-z0-9-]+)/"', page)))
    assert [f"briefs/{slug}.md" for slug in linked] == decided


def test_the_example_site_has_archived_stubs_today(tmp_path: object) -> None:
    report = check_site(PROJECT, today_in_london())
    assert report.plan is not None
    assert len(report.plan.in_state(State.ARCHIVED)) >= 2
    assert not [p for p in report.problems if p.severity == "error"]


def test_within_must_not_be_negative(site: SiteFolder) -> None:
    result = site.run("status", "--within", "-1")
    assert result.returncode == 2
    assert "--within must be from 0 to 3660 days" in result.stderr
