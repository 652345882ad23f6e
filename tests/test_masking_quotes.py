"""CI logs: what another program quotes from a document is masked, however it is quoted.

An apostrophe followed by a space inside a quoted link target ("the smiths' notes") once
ended the masked part early, and the rest of the target was printed as it was written."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from learning_resources.formats import mask_quoted, name_editors_files

OWN_FILE = "Doc file 'content/guide.md' contains a link "


@pytest.mark.parametrize(
    "quoted",
    [
        "'<../briefs/the smiths' notes.md>'",
        "'<../briefs/tyler's notes.md>'",
        "'../briefs/the smiths' notes.md'",
        "'<../briefs/kai' and 'jo.md>'",
        "'#the smiths' plan'",
    ],
)
def test_every_word_of_a_quoted_target_is_masked(quoted: str) -> None:
    message = OWN_FILE + quoted + ", but the target is not found among documentation files."
    masked = mask_quoted(message)
    assert masked.startswith(OWN_FILE)  # the document's own file is still shown
    assert masked.endswith(", but the target is not found among documentation files.")
    for word in ("smiths", "notes", "tyler", "kai", "jo.md", "plan"):
        assert word not in masked, masked


def test_each_quoted_part_of_a_message_is_masked_and_the_glue_between_is_kept() -> None:
    message = (
        OWN_FILE + "'../briefs/the smiths' notes.md', but the target "
        "'briefs/the smiths' notes.md' is not found among documentation files. "
        "Did you mean 'briefs/child-a.md'?"
    )
    assert mask_quoted(message) == (
        OWN_FILE + "'.************ s****** n*******', but the target "
        "'b********* s****** n*******' is not found among documentation files. "
        "Did you mean 'briefs/child-a.md'?"
    )


def test_the_page_named_first_is_still_found_when_a_target_holds_an_apostrophe() -> None:
    message = "Doc file 'briefs/x/index.md' contains a link '<the smiths' notes.md>'"
    named = name_editors_files(message, {"briefs/x/index.md": "briefs/x.md"})
    assert named == "Doc file 'briefs/x.md' contains a link '<the smiths' notes.md>'"


# Targets as an editor may write them: words, apostrophes, spaces, brackets and slashes; the
# letter q appears nowhere in the programs' own words, so "qq" shown means a target unmasked.
# (Not " '" inside a target, unless in '<…>': a quote opening there cannot be told from one
# opening in the program's own words; see `quoted_parts`.)
_PART = st.text(alphabet="q'< >/.#-", max_size=15)
_TARGETS = st.tuples(_PART, _PART).map(lambda p: (p[0] + "qq" + p[1]).replace(" '", " q'").strip())


@given(_TARGETS)
def test_no_two_letters_of_a_quoted_target_are_ever_shown(target: str) -> None:
    message = (
        f"{OWN_FILE}'{target}', but the doc 'content/other.md' does not contain an anchor "
        f"'{target}'"
    )
    masked = mask_quoted(message)
    assert "qq" not in masked, masked
    assert masked.startswith(OWN_FILE)


def test_mkdocs_messages_are_masked_so_in_a_ci_log(monkeypatch: pytest.MonkeyPatch) -> None:
    """Through the build's own log filter, as MkDocs' warnings reach a CI log."""
    import contextlib
    import io
    import logging

    import build

    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        build._mkdocs_logging()
        logging.getLogger("mkdocs").warning(
            "Doc file 'content/guide.md' contains a link '<../briefs/the smiths' notes.md>', "
            "but the target is not found among documentation files."
        )
    assert "WARNING: Doc file 'content/guide.md' contains a link '<*****" in err.getvalue()
    assert "smiths" not in err.getvalue() and "notes" not in err.getvalue()
