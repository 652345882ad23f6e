"""Edges closed in round 5: MkDocs' messages name the editor's file."""

from __future__ import annotations

import pytest

from learning_resources.formats import name_editors_files

from .conftest import SiteFolder, brief

BROKEN_ANCHOR = "See [the plan](#the-second-meeting).\n"


@pytest.mark.parametrize("ci", [False, True])
def test_mkdocs_warnings_name_the_editors_file(
    site: SiteFolder, monkeypatch: pytest.MonkeyPatch, ci: bool
) -> None:
    """MkDocs names the page it generated ('briefs/child-a/index.md', 'guide.md'); the editor
    is told the file they wrote ('briefs/child-a.md', 'content/guide.md'), in a CI log too."""
    if ci:
        monkeypatch.setenv("CI", "true")
    site.write("briefs/child-a.md", brief(body=BROKEN_ANCHOR))
    site.write("content/guide.md", "# Guide\n\n" + BROKEN_ANCHOR)
    result = site.run("build", "--no-pdfs")
    assert result.returncode == 1
    assert "Doc file 'briefs/child-a.md' contains a link '#" in result.stderr
    assert "Doc file 'content/guide.md' contains a link '#" in result.stderr
    assert "index.md'" not in result.stderr
    assert ("the-second-meeting" in result.stderr) is not ci


def test_only_the_page_a_message_is_about_is_renamed() -> None:
    """The page is the first name MkDocs quotes (or a listed page); a link the editor wrote
    that happens to match another page's name stays as they wrote it."""
    files = {"contact.md": "content/contact.md", "briefs/child-a/index.md": "briefs/child-a.md"}
    message = "Doc file 'briefs/child-a/index.md' contains a link 'contact.md', but the target"
    assert name_editors_files(message, files) == (
        "Doc file 'briefs/child-a.md' contains a link 'contact.md', but the target"
    )
    listing = "The following pages exist in the docs directory:\n  - contact.md\n  - other.md"
    assert name_editors_files(listing, files) == (
        "The following pages exist in the docs directory:\n  - content/contact.md\n  - other.md"
    )
    assert name_editors_files("Page skipped: 'topics/index.md'.", files) == (
        "Page skipped: 'topics/index.md'."
    )
