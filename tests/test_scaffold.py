"""`build.py new`: a new brief or sheet that passes the check as it stands, ready to write."""

from __future__ import annotations

from .conftest import SiteFolder, brief


def test_a_new_brief_is_a_valid_draft_with_the_next_free_case(site: SiteFolder) -> None:
    site.write("briefs/child-a.md", brief(published="2026-03-01"))
    result = site.run(
        "new", "brief", "--title", "Young lives: what we learned", "--today", "2026-11-28"
    )
    assert result.returncode == 0, result.stderr
    assert "Created briefs/young-lives-what-we-learned.md (case B)" in result.stdout
    text = (site.root / "briefs/young-lives-what-we-learned.md").read_text()
    assert 'title: "Young lives: what we learned"' in text  # quoted: the colon is safe
    assert "case: B\n" in text and "draft: true\n" in text
    data = site.check_json("--today", "2026-11-28")
    rules = {p["rule"] for p in data["problems"]}  # type: ignore[index]
    assert rules == {"content.placeholder"}
    assert all(p["severity"] == "warning" for p in data["problems"])  # type: ignore[index]


def test_the_case_comes_from_the_title(site: SiteFolder) -> None:
    result = site.run("new", "brief", "--title", "Child K: a hidden injury")
    assert "(case K)" in result.stdout
    assert "error" not in result.stdout


def test_prompts_left_in_a_finished_document_are_errors(site: SiteFolder) -> None:
    site.run("new", "sheet", "--title", "Professional curiosity", "--today", "2026-11-28")
    path = site.root / "bitesize/professional-curiosity.md"
    path.write_text(path.read_text().replace("draft: true\n", ""))
    result = site.run("check", "--today", "2026-11-28")
    assert result.returncode == 1
    assert "bitesize/professional-curiosity.md:5:11: error: replace this prompt" in result.stdout


def test_new_never_overwrites(site: SiteFolder) -> None:
    site.run("new", "sheet", "--title", "Neglect")
    again = site.run("new", "sheet", "--title", "Neglect")
    assert again.returncode == 2
    assert "bitesize/neglect.md already exists" in again.stderr


def test_a_very_long_title_gives_a_short_file_name(site: SiteFolder) -> None:
    """A 500-character title once stopped `new` with a traceback (file name too long)."""
    result = site.run("new", "brief", "--title", "Child Q: " + "a long title " * 40)
    assert result.returncode == 0, result.stderr
    (created,) = (site.root / "briefs").glob("*.md")
    assert created.name == "child-q-a-long-title-a-long-title-a-long-title-a-long-title.md"


def test_accented_letters_keep_their_letter_in_the_file_name(site: SiteFolder) -> None:
    result = site.run("new", "sheet", "--title", "Café culture: naïve questions")
    assert "Created bitesize/cafe-culture-naive-questions.md" in result.stdout


def test_new_writes_nothing_that_does_not_pass_the_check(site: SiteFolder) -> None:
    """`new --case zz` once wrote a draft with errors and said it had created it."""
    for args in (["--case", "zz"], ["--topic", "nope"], ["--case", "A\ndraft: false"]):
        result = site.run("new", "brief", *args)
        assert result.returncode == 1, args
        assert "Nothing was created" in result.stderr
        assert "error:" in result.stderr
        assert list((site.root / "briefs").glob("*")) == [], args
