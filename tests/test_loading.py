"""Rules across documents: addresses and case letters."""

from __future__ import annotations

from .conftest import SiteFolder, brief, sheet
from .test_validation import found, problems_of


def test_two_documents_may_not_share_a_slug(site: SiteFolder) -> None:
    site.write("briefs/neglect.md", brief())
    site.write("bitesize/neglect.md", sheet())
    assert found(site) == [("bitesize/neglect.md", 1, 1, "site.duplicate_slug")]
    assert problems_of(site)[0].message == (
        "'neglect' is already the address of briefs/neglect.md; rename one of the two files"
    )


def test_a_file_and_a_folder_may_not_share_a_slug(site: SiteFolder) -> None:
    site.write("briefs/child-a.md", brief())
    site.write("briefs/child-a/index.md", brief(case="B"))
    assert found(site) == [("briefs/child-a.md", 1, 1, "site.duplicate_slug")]


def test_two_briefs_in_one_year_may_not_share_a_case_letter(site: SiteFolder) -> None:
    site.write("briefs/child-a.md", brief(published="2026-01-05"))
    site.write("briefs/child-a-again.md", brief(published="2026-11-01"))
    assert found(site) == [("briefs/child-a.md", 3, 7, "site.duplicate_case")]


def test_the_same_letter_in_different_years_is_fine(site: SiteFolder) -> None:
    site.write("briefs/child-a-2025.md", brief(published="2025-12-31"))
    site.write("briefs/child-a-2026.md", brief(published="2026-01-01"))
    assert found(site) == []


def test_images_a_document_shows_are_its_assets(site: SiteFolder) -> None:
    site.write("briefs/child-a/index.md", brief(body="![A chart](chart.png)\n"))
    site.write("briefs/child-a/chart.png", b"\x89PNG")
    site.write("briefs/child-a/notes.md", "stray notes")
    assert found(site) == [("briefs/child-a/notes.md", 1, 1, "file.stray")]


def test_hidden_files_are_left_alone(site: SiteFolder) -> None:
    site.write("briefs/.gitkeep", "")
    site.write("bitesize/.DS_Store", b"\x00")
    assert found(site) == []
