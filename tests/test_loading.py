"""Rules across documents: addresses and case letters."""

from __future__ import annotations

from .conftest import SiteFolder, brief, sheet
from .test_published_files import png
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
    site.write("briefs/child-a/chart.png", png())
    site.write("briefs/child-a/notes.md", "stray notes")
    assert found(site) == [("briefs/child-a/notes.md", 1, 1, "file.stray")]


def test_hidden_files_are_left_alone(site: SiteFolder) -> None:
    site.write("briefs/.gitkeep", "")
    site.write("bitesize/.DS_Store", b"\x00")
    assert found(site) == []


def test_two_pages_may_not_share_an_address(site: SiteFolder) -> None:
    """MkDocs once published one of the two and silently dropped the other."""
    site.write("content/about.md", "# About\n")
    site.write("content/about/index.md", "# About us\n")
    site.write("content/help/README.md", "# Help\n")
    site.write("content/help.md", "# Help us\n")
    site.write("content/README.md", "# Read me\n")
    assert found(site) == [
        ("content/README.md", 1, 1, "site.duplicate_slug"),
        ("content/about.md", 1, 1, "site.duplicate_slug"),
        ("content/help/README.md", 1, 1, "site.duplicate_slug"),
    ]
    assert [p.message for p in problems_of(site)][:2] == [
        "the address / is already that of content/index.md; rename one of the two files",
        "the address /about/ is already that of content/about/index.md; rename one of the two "
        "files",
    ]


def test_a_page_may_not_take_the_address_of_a_generated_page(site: SiteFolder) -> None:
    """content/topics.md was once replaced by the generated topics index without a word."""
    site.write("content/topics.md", "# Our topics\n")
    site.write("content/editors.md", "# Editors\n")
    site.write("content/archive.md", "# Archive\n")
    assert found(site) == [
        ("content/archive.md", 1, 1, "file.reserved"),
        ("content/editors.md", 1, 1, "file.reserved"),
        ("content/topics.md", 1, 1, "file.reserved"),
    ]
