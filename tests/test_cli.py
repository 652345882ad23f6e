"""build.py as editors and CI call it: formats, exit codes, usage errors, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import SiteFolder, brief, sheet


def test_clean_site_exits_0_with_a_summary(site: SiteFolder) -> None:
    site.write("briefs/child-a.md", brief())
    site.write("bitesize/neglect.md", sheet())
    result = site.run("check")
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "4 files checked: no problems found.\n",
        "",
    )


def test_text_format_names_file_line_column_and_rule(site: SiteFolder) -> None:
    site.write("briefs/child-a.md", brief(published="2025-3-1"))
    result = site.run("check")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "briefs/child-a.md:5:12: error: published: expected a date YYYY-MM-DD, got '2025-3-1'; "
        "did you mean 2025-03-01? [schema.date]",
        "3 files checked: 1 error.",
        "Each rule, and how to fix it: https://example.test/editors/rules/",
    ]


def test_json_format_has_every_field(site: SiteFolder) -> None:
    site.write("briefs/child-a.md", brief(published="2025-3-1"))
    data = site.check_json()
    assert data == {
        "files": 3,
        "problems": [
            {
                "path": "briefs/child-a.md",
                "line": 5,
                "column": 12,
                "rule": "schema.date",
                "severity": "error",
                "message": (
                    "published: expected a date YYYY-MM-DD, got '2025-3-1'; "
                    "did you mean 2025-03-01?"
                ),
                "text": "2025-3-1",
                "help": "https://example.test/editors/rules/#schema-date",
            }
        ],
    }


def test_github_format_prints_workflow_annotations(site: SiteFolder) -> None:
    site.write("briefs/child-a.md", brief(extra="titel: x\n"))
    result = site.run("check", "--format", "github")
    assert result.stdout.splitlines()[0] == (
        "::error file=briefs/child-a.md,line=8,col=1,title=schema.unknown_key::"
        "unknown field 't****' for a learning brief; did you mean 'title'?"
    )


def test_paths_narrow_the_report(site: SiteFolder) -> None:
    site.write("briefs/child-a.md", brief(published="2025-3-1"))
    site.write("bitesize/neglect.md", sheet(last_reviewed="soon"))
    only_sheets = site.check_json("bitesize")
    assert [p["path"] for p in only_sheets["problems"]] == ["bitesize/neglect.md"]  # type: ignore[index]
    one_file = site.check_json("briefs/child-a.md")
    assert [p["path"] for p in one_file["problems"]] == ["briefs/child-a.md"]  # type: ignore[index]


def test_bad_settings_are_reported_against_mkdocs_yml(site: SiteFolder) -> None:
    text = (site.root / "mkdocs.yml").read_text()
    site.write("mkdocs.yml", text.replace("      topics:", "      topcs:"))
    data = site.check_json()
    messages = [(p["path"], p["line"], p["message"]) for p in data["problems"]]  # type: ignore[index]
    assert messages == [
        (
            "mkdocs.yml",
            21,
            "the 'learning' plugin needs the setting 'topics' "
            "(The topic vocabulary: id: Label, one per line.)",
        ),
        ("mkdocs.yml", 24, "unknown setting 'topcs'; did you mean 'topics'?"),
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "--today", "2025-3-1"], "expected a date YYYY-MM-DD, got '2025-3-1'"),
        (["build", "--today", "0001-01-01"], "a year from 1970 to 2099"),
        (["status", "--today", "9999-12-31"], "a year from 1970 to 2099"),
        (["status", "--within", "99999999999999"], "--within must be from 0 to 3660 days"),
        (["serve", "--dev-addr", "nonsense"], "expected HOST:PORT, such as 127.0.0.1:8000"),
        (["serve", "--drafts", "--dev-addr", "0.0.0.0:8000"], "drafts are previewed only on"),
        (["serve", "--dev-addr", "127.0.0.1:99999"], "expected HOST:PORT, such as 127.0.0.1"),
        (["check", "--format", "xml"], "invalid choice: 'xml'"),
        (["check", "no-such-file.md"], "no-such-file.md does not exist"),
        (["publish"], "invalid choice: 'publish'"),
    ],
)
def test_usage_errors_exit_2(site: SiteFolder, args: list[str], message: str) -> None:
    result = site.run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_folder_without_mkdocs_yml_is_a_usage_error(site: SiteFolder) -> None:
    (site.root / "mkdocs.yml").unlink()
    result = site.run("check")
    assert result.returncode == 2
    assert "is not a site folder: it has no mkdocs.yml" in result.stderr


def test_build_refuses_content_with_errors(site: SiteFolder) -> None:
    site.write("briefs/child-a.md", brief(published="2025-13-01"))
    result = site.run("build")
    assert result.returncode == 1
    assert "briefs/child-a.md:5:12: error: published: '2025-13-01' is not a real date" in (
        result.stderr
    )
    assert "The site was not built" in result.stderr
    assert not (site.root / "site").exists()


def test_json_output_is_valid_even_for_odd_text(site: SiteFolder) -> None:
    site.write("briefs/child-a.md", brief(title='"Quotes, colons: and ünïcödé"', case="ab"))
    data = site.check_json()
    assert json.dumps(data)
    assert data["problems"][0]["text"] == "ab"  # type: ignore[index]


def test_end_to_end_as_a_separate_process(site: SiteFolder) -> None:
    """Most tests call build.main() in-process; this one runs build.py as editors and CI do."""
    site.write("briefs/child-a.md", brief())
    clean = site.run_process("check")
    assert (clean.returncode, clean.stderr) == (0, "")
    built = site.run_process("build", "--today", "2026-07-01")
    assert built.returncode == 0, built.stderr
    assert (site.root / "site/briefs/child-a/index.html").is_file()
    site.write("briefs/child-b.md", brief(case="B", published="2025-13-01"))
    failed = site.run_process("check")
    assert failed.returncode == 1 and "[schema.date]" in failed.stdout
    usage = site.run_process("check", "--today", "tomorrow")
    assert usage.returncode == 2 and "Traceback" not in usage.stderr


def test_schema_messages_are_masked_in_workflow_annotations(site: SiteFolder) -> None:
    site.write(
        "briefs/child-a.md",
        brief(
            case="Tyler Smith", topics="[neglect, tyler-smith-school]", extra="Kayden Jones: x\n"
        ),
    )
    result = site.run("check", "--format", "github")
    assert result.returncode == 1
    assert "Tyler Smith" not in result.stdout and "Kayden Jones" not in result.stdout
    assert "tyler-smith-school" not in result.stdout
    assert "'T**** S****'" in result.stdout and "'K***** J****'" in result.stdout


@pytest.mark.parametrize("variable", ["CI", "GITHUB_ACTIONS"])
def test_every_command_masks_what_editors_typed_in_a_ci_log(
    site: SiteFolder, monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    site.write(
        "briefs/child-a.md",
        brief(extra="draft: true\n", body="## What happened\n\nTyler Smith was seen at home.\n"),
    )
    site.write("briefs/child-b.md", brief(case="Tyler Smith"))
    monkeypatch.setenv(variable, "true")
    for command in (["check"], ["check", "--format", "json"], ["build"], ["status"]):
        result = site.run(*command)
        assert "Tyler" not in result.stdout + result.stderr, command
        assert "T**** S****" in result.stdout + result.stderr or command == ["status"]
    monkeypatch.setenv(variable, "false")
    assert "Tyler Smith" in site.run("check").stdout


def test_mkdocs_messages_are_masked_in_a_ci_log(
    site: SiteFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MkDocs quotes what it took from a document; in a CI log that is masked too."""
    site.write("briefs/child-a.md", brief(body="See [the plan](#the-second-meeting).\n"))
    monkeypatch.setenv("CI", "true")
    result = site.run("build", "--no-pdfs")
    assert "the-second-meeting" not in result.stderr
    assert "child-a.md' contains a link '#****" in result.stderr  # MkDocs' warning, masked
    monkeypatch.setenv("CI", "false")
    assert "the-second-meeting" in site.run("build", "--no-pdfs").stderr


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("archive_after_years: 100000", "'archive_after_years' must be a whole number from 1 to"),
        ("review_every_years: 99999999", "'review_every_years' must be a whole number from 1 to"),
        ("warn_days_before_archive: 99999999999", "'warn_days_before_archive' must be a whole"),
        ("archive_after_years: 0", "'archive_after_years' must be a whole number from 1 to"),
    ],
)
def test_numbers_in_the_settings_are_bounded(site: SiteFolder, setting: str, message: str) -> None:
    """Huge numbers once overflowed the date arithmetic: a traceback, not a message."""
    text = (site.root / "mkdocs.yml").read_text()
    site.write(
        "mkdocs.yml", text.replace("      partnership:", f"      {setting}\n      partnership:")
    )
    site.write("briefs/child-a.md", brief())
    site.write("bitesize/neglect.md", sheet())
    result = site.run("check")
    assert result.returncode == 1
    assert message in result.stdout
    assert "Traceback" not in result.stderr


def test_a_theme_template_that_fails_is_reported_not_a_traceback(site: SiteFolder) -> None:
    text = (site.root / "mkdocs.yml").read_text()
    site.write(
        "mkdocs.yml",
        text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"),
    )
    site.write(
        "overrides/main.html",
        "{% extends 'base.html' %}{% block content %}{{ page.no.such.thing }}{% endblock %}",
    )
    site.write("site/.learning-site", "")
    site.write("site/index.html", "the old site")
    result = site.run("build", "--no-pdfs", "--today", "2026-07-01")
    assert result.returncode == 1
    assert "a template of the theme failed (" in result.stderr
    assert "overrides/main.html" in result.stderr and "no attribute 'no'" in result.stderr
    assert "Traceback" not in result.stderr
    assert (site.root / "site/index.html").read_text() == "the old site"


@pytest.mark.parametrize(
    ("out", "message"),
    [
        ("mkdocs.yml", "must be a file whose name ends in .pdf"),
        ("briefs", "must be a file whose name ends in .pdf"),
        ("briefs/child-a/report.pdf", "is inside briefs/, which the site is built from"),
        ("content/pack.pdf", "is inside content/, which the site is built from"),
        ("notes.pdf", "is not a PDF: a pack never replaces another file"),
    ],
)
def test_pack_never_writes_over_the_site_or_another_file(
    site: SiteFolder, out: str, message: str
) -> None:
    """`pack --out mkdocs.yml` once replaced the site's settings with a PDF."""
    site.write("briefs/child-a/index.md", brief())
    site.write("notes.pdf", "my notes")
    before = {p: p.read_bytes() for p in site.root.rglob("*") if p.is_file()}
    result = site.run("pack", "--topic", "neglect", "--today", "2026-07-01", "--out", out)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert {p: p.read_bytes() for p in before} == before


def test_serve_on_an_address_in_use_is_an_error_not_a_traceback(site: SiteFolder) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = site.run("serve", "--dev-addr", f"127.0.0.1:{port}")
    assert result.returncode == 1
    assert f"cannot preview on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr


def test_audit_refuses_a_folder_that_is_not_a_built_site(site: SiteFolder, tmp_path: Path) -> None:
    """`audit ~` (or `/`) once read every file below it, and passed it."""
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "letter.txt").write_text("Dear Tyler")
    result = site.run("audit", str(folder))
    assert result.returncode == 2
    assert "has no index.html: it is not a built site" in result.stderr
