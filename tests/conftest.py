"""Whole-site fixtures: a small site written into tmp_path, file by file, inside each test."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
import textwrap
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

PROJECT = Path(__file__).resolve().parent.parent
BUILD_PY = PROJECT / "build.py"
sys.path.insert(0, str(PROJECT))
import build  # noqa: E402  (build.py is a script at the project root, not a package)

MKDOCS_YML = """\
site_name: Test partnership
site_url: https://example.test/
docs_dir: content
strict: true
theme:
  name: material
  font: false
  icon:
    repo: !!python/name:material.extensions.emoji.twemoji  # a tag MkDocs resolves
nav:
  - Home: index.md
  - Learning briefs: briefs/index.md
  - Bite-size sheets: bitesize/index.md
  - Topics: topics/index.md
validation:
  absolute_links: relative_to_docs
  unrecognized_links: warn
  anchors: warn
plugins:
  - search
  - learning:
      partnership: Test Safeguarding Children Partnership
      contact_email: learning@partnership.example
      topics:
        neglect: Neglect
        safe-sleep: Safe sleep
        domestic-abuse: Domestic abuse
      audiences:
        health: Health
        police: Police
"""

SHEET_BODY = """\
## Overview

What the issue is.

## How it can manifest

How it shows itself.

## Ways to approach it

What to do.

## Further reading

- A national guide.

## Group activity

Discuss in your team.
"""


def brief(
    *,
    title: str | None = None,
    case: str = "A",
    review_type: str = "cspr",
    published: str = "2026-06-01",
    topics: str = "[neglect]",
    summary: str = "What the review found, in general terms.",
    extra: str = "",
    body: str = "## What we learned\n\nPractitioners should stay curious.\n",
) -> str:
    """The text of a valid learning brief; pass keyword arguments to vary it."""
    title = title or f"Learning from Child {case}"
    return (
        f"---\ntitle: {title}\ncase: {case}\nreview_type: {review_type}\n"
        f"published: {published}\ntopics: {topics}\nsummary: {summary}\n{extra}---\n{body}"
    )


def sheet(
    *,
    title: str = "Neglect",
    last_reviewed: str = "2026-01-10",
    extra: str = "",
    body: str = SHEET_BODY,
) -> str:
    return (
        f"---\ntitle: {title}\ntopics: [neglect]\nsummary: A short overview of the issue.\n"
        f"last_reviewed: {last_reviewed}\n{extra}---\n{body}"
    )


@dataclass
class SiteFolder:
    root: Path

    def write(self, relpath: str, content: str | bytes) -> Path:
        path = self.root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(
                textwrap.dedent(content) if content.startswith("\n") else content, encoding="utf-8"
            )
        return path

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run build.py's main() in this process, as an editor would from the site folder."""
        argv = [*args, "--root", str(self.root)]
        out, err = io.StringIO(), io.StringIO()
        with contextlib.chdir(self.root), redirect_stdout(out), redirect_stderr(err):
            try:
                code = build.main(argv)
            except SystemExit as exc:  # argparse's usage errors
                code = exc.code if isinstance(exc.code, int) else 2
        return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())

    def run_process(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run build.py as a separate process: for the few end-to-end tests of exit codes."""
        return subprocess.run(
            [sys.executable, str(BUILD_PY), *args, "--root", str(self.root)],
            capture_output=True,
            text=True,
            cwd=self.root,
            check=False,
        )

    def check_json(self, *args: str) -> dict[str, object]:
        result = self.run("check", "--format", "json", *args)
        assert result.stderr == ""
        data: dict[str, object] = json.loads(result.stdout)
        return data


@pytest.fixture(autouse=True)
def not_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    """Output is masked in CI logs; tests see it as an editor at a terminal would, unless a
    test sets CI itself."""
    for name in ("CI", "GITHUB_ACTIONS"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def site(tmp_path: Path) -> SiteFolder:
    """An empty but valid site: settings, a home page, no documents yet."""
    folder = SiteFolder(tmp_path / "site-src")
    folder.write("mkdocs.yml", MKDOCS_YML)
    folder.write("content/index.md", "# Home\n\nWelcome.\n")
    return folder


def make_pdf(path: Path, text: str, author: str = "") -> None:
    """A real one-page PDF whose text is `text` (uncompressed, so byte scans can see it)."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    stream = DecodedStreamObject()
    stream.set_data(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    if author:
        writer.add_metadata({"/Author": author})
    with path.open("wb") as out:
        writer.write(out)
