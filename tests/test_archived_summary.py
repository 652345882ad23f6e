"""`show_archived_summary`: an archived brief's summary on its notice and in search, by choice.

Off (the default), nothing of an archived brief but its notice's fields is in any file. On,
its summary is on its notice and in its search entry, and still none of its body, headings
or key messages is anywhere; the audit allows the summary only when the setting says so.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import MKDOCS_YML, SiteFolder, brief
from .test_absence import output_text, where

TODAY = "2026-11-25"
SUMMARY = "zqarchsummaryzq"
HIDDEN = {
    "body": "zqarchbodyzq",
    "heading": "zqarchheadingzq",
    "key message": "zqarchkeyzq",
}
NOTICE = "briefs/old-brief/index.html"


def write_site(site: SiteFolder, *, show: bool | None) -> None:
    setting = "" if show is None else f"      show_archived_summary: {str(show).lower()}\n"
    site.write("mkdocs.yml", MKDOCS_YML.replace("      topics:\n", setting + "      topics:\n", 1))
    site.write("content/index.md", "# Home\n")
    site.write(
        "briefs/old-brief.md",
        brief(
            case="A",
            published="2025-01-10",  # archived on TODAY
            summary=f"The review found {SUMMARY} in general terms.",
            extra=f"key_messages:\n  - Keep asking about {HIDDEN['key message']} at every visit.\n",
            body=(
                f"## What we learned {HIDDEN['heading']}\n\n"
                f"Practitioners saw {HIDDEN['body']} many times over the years.\n"
            ),
        ),
    )
    site.write("briefs/new-brief.md", brief(case="B", published="2026-10-01"))


def build(tmp_path: Path, *, show: bool | None) -> tuple[SiteFolder, dict[str, bytes]]:
    site = SiteFolder(tmp_path / "src")
    write_site(site, show=show)
    result = site.run("build", "--today", TODAY, "--no-pdfs")
    assert result.returncode == 0, result.stderr  # the build's own audit passed too
    return site, output_text(site.root / "site")


def search_entry(files: dict[str, bytes]) -> str:
    index = json.loads(files["search/search_index.json"])
    entries = [d for d in index["docs"] if d["location"].startswith("briefs/old-brief/")]
    assert entries, "the notice has no search entry"
    return " ".join(d["title"] + " " + d["text"] for d in entries)


def test_the_summary_is_on_the_notice_and_in_search_when_the_partnership_opts_in(
    tmp_path: Path,
) -> None:
    _, files = build(tmp_path, show=True)
    assert sorted(where(files, SUMMARY)) == [NOTICE, "search/search_index.json"]
    assert SUMMARY in search_entry(files)
    for part, needle in HIDDEN.items():
        assert where(files, needle) == [], f"the archived brief's {part} leaked"


@pytest.mark.parametrize("show", [None, False], ids=["unset", "false"])
def test_neither_summary_nor_body_is_anywhere_by_default(tmp_path: Path, show: bool | None) -> None:
    _, files = build(tmp_path, show=show)
    assert "Archived: Learning from Child A" in search_entry(files)  # the notice is found
    for needle in (SUMMARY, *HIDDEN.values()):
        assert where(files, needle) == []


def test_the_audit_allows_the_summary_only_when_the_setting_does(tmp_path: Path) -> None:
    """A site built with summaries shown fails the audit of a partnership that keeps them off."""
    site, _ = build(tmp_path, show=True)
    assert site.run("audit").returncode == 0
    write_site(site, show=False)
    result = site.run("audit")
    assert result.returncode == 1
    assert "audit.leak" in result.stdout + result.stderr
    assert NOTICE in result.stdout + result.stderr


@pytest.mark.parametrize("value", ["yes please", "1", "[true]"])
def test_the_setting_must_be_true_or_false(site: SiteFolder, value: str) -> None:
    site.write(
        "mkdocs.yml",
        MKDOCS_YML.replace(
            "      topics:\n", f"      show_archived_summary: {value}\n      topics:\n"
        ),
    )
    data = site.check_json("--today", TODAY)
    messages = [p["message"] for p in data["problems"]]  # type: ignore[union-attr, index]
    assert messages == ["'show_archived_summary' must be true or false"]
