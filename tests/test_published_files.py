"""Only files the check has read reach the site: every other file is an error, and MkDocs
never copies it, even if the check's errors were ignored."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import os
from pathlib import Path

import pytest
from PIL import Image
from PIL.PngImagePlugin import PngInfo

import build
from learning_resources.pipeline import check_site
from learning_resources.rules import RULES

from .conftest import SiteFolder, brief, make_pdf, sheet

TODAY = dt.date(2026, 11, 25)


def png(text: str = "", mode: str = "PNG") -> bytes:
    """A real 2x2 image; `text` goes in a PNG text chunk, so byte scans can find it."""
    info = PngInfo()
    if text:
        info.add_text("Software", text)
    out = io.BytesIO()
    Image.new("RGB", (2, 2), "white").save(out, mode, pnginfo=info)
    return out.getvalue()


def plant(tag: str) -> str:
    return f"zq{tag}zq"


# Files that must never be published: path -> (rule, content or None for special cases).
REFUSED = {
    "briefs/child-a/notes.txt": "file.not_allowed",
    "briefs/child-a/minutes.docx": "file.not_allowed",
    "briefs/child-a/page.html": "file.not_allowed",
    "briefs/child-a/diagram.svg": "file.not_allowed",
    "briefs/child-a/second.pdf": "file.not_allowed",
    "briefs/child-a/unused.png": "file.not_allowed",
    "briefs/child-a/linked.png": "file.symlink",
    "briefs/child-a/more": "file.symlink",
    "briefs/child-c": "file.symlink",
    "bitesize/linked.md": "file.symlink",
    "content/form.pdf": "file.not_allowed",
    "content/env.txt": "file.symlink",
    "content/linked-folder": "file.symlink",
    "content/images/unused.png": "file.not_allowed",
    "content/diagram.svg": "file.not_allowed",
    "content/page.html": "file.not_allowed",
    "content/notes.txt": "file.not_allowed",
    "content/pipe.md": "file.not_regular",
}

LINKS = {
    "briefs/child-a/linked.png": Path("image.png"),
    "briefs/child-a/more": Path("pages"),
    "briefs/child-c": Path("brief"),
    "bitesize/linked.md": Path("sheet.md"),
    "content/env.txt": Path("/proc/self/environ"),
    "content/linked-folder": Path("pages"),
}


def write_hostile(site: SiteFolder, outside: Path, *, show_refused: bool) -> list[str]:
    """A site with a file of every kind that must not be published; returns the strings
    planted in them. `show_refused` also shows refused images in pages (MkDocs then warns)."""
    shows = "![Diagram](diagram.svg)\n\n![Linked](linked.png)\n" if show_refused else ""
    site.write(
        "briefs/child-a/index.md",
        brief(
            extra="report: report.pdf\n",
            body=f"## What we learned\n\n![A chart](chart.png)\n\n{shows}",
        ),
    )
    make_pdf(site.root / "briefs/child-a/report.pdf", "Child A was known to services.")
    site.write("briefs/child-a/chart.png", png())
    site.write("bitesize/neglect.md", sheet())
    page_shows = "![Diagram](diagram.svg)\n" if show_refused else ""  # linked.png is the brief's
    site.write("content/index.md", f"# Home\n\n![A photo](images/photo.gif)\n\n{page_shows}")
    site.write("content/images/photo.gif", png(mode="GIF"))
    tags = [plant(t) for t in ("outsideimage", "outsidesecret", "linkedpage", "linkedbrief")]
    tags.append(plant("linkedsheet"))
    for path in REFUSED.keys() - LINKS.keys():
        if path.endswith((".png", ".svg", ".txt", ".docx", ".pdf", ".html")):
            tag = plant(path.replace("/", "").replace(".", "").replace("-", ""))
            tags.append(tag)
            if path.endswith(".svg"):
                content = f'<svg xmlns="http://www.w3.org/2000/svg"><script>{tag}</script></svg>'
                site.write(path, content)
            elif path.endswith(".png"):
                site.write(path, png(tag))
            else:
                site.write(path, f"<script>alert('{tag}')</script>")

    outside.mkdir()
    (outside / "image.png").write_bytes(png(plant("outsideimage")))
    (outside / "secret.txt").write_text(plant("outsidesecret"))
    (outside / "pages").mkdir()
    (outside / "pages/page.md").write_text(f"# Linked\n\n{plant('linkedpage')}\n")
    (outside / "brief").mkdir()
    (outside / "brief/index.md").write_text(brief(case="C", title=plant("linkedbrief")))
    (outside / "sheet.md").write_text(sheet(title=plant("linkedsheet")))
    for link, target in LINKS.items():
        (site.root / link).symlink_to(target if target.is_absolute() else outside / target)
    os.mkfifo(site.root / "content/pipe.md")
    return tags


def test_every_file_that_cannot_be_published_is_reported(site: SiteFolder, tmp_path: Path) -> None:
    write_hostile(site, tmp_path / "outside", show_refused=True)
    report = check_site(site.root, TODAY)
    assert sorted((p.path, p.rule) for p in report.problems) == sorted(REFUSED.items())
    by_path = {p.path: p for p in report.problems}
    assert all(p.line == 1 and p.column == 1 for p in report.problems)
    assert "convert it to PNG" in by_path["content/diagram.svg"].message
    assert "report:" in by_path["briefs/child-a/second.pdf"].message
    assert "![what it shows](unused.png)" in by_path["briefs/child-a/unused.png"].message
    assert "pipe" in by_path["content/pipe.md"].message
    assert "never follows" in by_path["content/env.txt"].message
    assert {"file.not_allowed", "file.symlink"} <= RULES.keys()


def test_nothing_unchecked_is_copied_even_if_the_check_is_ignored(
    site: SiteFolder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plugin's own filter, on its own: the build goes ahead despite the errors."""
    import mkdocs_learning.plugin
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    tags = write_hostile(site, tmp_path / "outside", show_refused=False)
    # What content/env.txt points at: this process's environment as it started.
    tags.append(max(Path("/proc/self/environ").read_text().split("\0"), key=len))
    monkeypatch.setattr(mkdocs_learning.plugin, "has_errors", lambda *a, **k: False)
    out = tmp_path / "out"
    mkdocs_build(load_config(str(site.root / "mkdocs.yml"), site_dir=str(out)))

    built = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    built |= {k: gzip.decompress(v) for k, v in built.items() if k.endswith(".gz")}
    assert {"briefs/child-a/report.pdf", "briefs/child-a/chart.png", "images/photo.gif"} <= set(
        built
    )
    everything = b"\n".join(k.encode() + b"\n" + v for k, v in built.items())
    leaked = [tag for tag in tags if tag.encode() in everything]
    assert leaked == []
    for name in ("notes.txt", "minutes", "page.html", ".svg", "second.pdf", "unused", "linked"):
        assert not [k for k in built if name in k], name


def test_a_site_with_such_files_is_not_built(
    site: SiteFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_hostile(site, tmp_path / "outside", show_refused=True)
    out = tmp_path / "out"
    status = build.main(
        ["build", "--root", str(site.root), "--today", "2026-11-25", "--site-dir", str(out)]
    )
    assert status == 1 and not out.exists()
    assert "content/env.txt:1:1: error:" in capsys.readouterr().err


@pytest.mark.parametrize("folder", ["briefs", "bitesize", "content"])
def test_a_linked_source_folder_is_refused_and_not_read(
    site: SiteFolder, tmp_path: Path, folder: str
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "child-a.md").write_text("not even a document")
    if (site.root / folder).exists():
        (site.root / folder).rename(tmp_path / "moved")
    (site.root / folder).symlink_to(elsewhere)
    report = check_site(site.root, TODAY)
    assert [(p.path, p.rule) for p in report.problems] == [(folder, "file.symlink")]


def test_allowed_files_are_published(site: SiteFolder, tmp_path: Path) -> None:
    site.write(
        "briefs/child-a/index.md",
        brief(
            extra="report: docs/report.pdf\n",
            body="![A chart](figures/chart%20one.png)\n\n<img src='photo.webp' alt='A photo'>\n",
        ),
    )
    (site.root / "briefs/child-a/docs").mkdir()
    make_pdf(site.root / "briefs/child-a/docs/report.pdf", "Child A was known to services.")
    site.write("briefs/child-a/figures/chart one.png", png())
    site.write("briefs/child-a/photo.webp", png(mode="WEBP"))
    site.write("content/guide/index.md", "# Guide\n\n![Steps][steps]\n\n[steps]: ../steps.jpg\n")
    site.write("content/steps.jpg", png(mode="JPEG"))
    site.write("content/map.png", png())
    site.write(
        "content/guide/more.md", "# More\n\n![Map](/map.png#top)\n\n![Steps](../steps.jpg)\n"
    )
    site.write("content/.DS_Store", b"\x00hidden")
    assert check_site(site.root, TODAY).problems == []
    out = tmp_path / "out"
    assert site.run("build", "--today", "2026-11-25", "--site-dir", str(out)).returncode == 0
    for path in (
        "briefs/child-a/docs/report.pdf",
        "briefs/child-a/figures/chart one.png",
        "briefs/child-a/photo.webp",
        "steps.jpg",
        "map.png",
    ):
        assert (out / path).is_file(), path
    assert not (out / ".DS_Store").exists()


def test_a_content_image_is_checked_once_however_many_pages_show_it(site: SiteFolder) -> None:
    from .test_anon_gate import image_with_metadata

    site.write("content/index.md", "# Home\n\n![A photo](photo.jpg)\n")
    site.write("content/about.md", "# About\n\n![The same photo](photo.jpg)\n")
    site.write("content/photo.jpg", image_with_metadata(True, ""))
    found = [(p.path, p.rule) for p in check_site(site.root, TODAY).problems]
    assert found == [("content/photo.jpg", "anon.image_metadata")]


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("chart.png", b"<html><script>alert(1)</script>Tyler Smith</html>", "not an image"),
        ("chart.png", os.urandom(4096), "not an image"),
        ("chart.png", png(mode="JPEG"), "a JPEG image, but its name ends in .png"),
        ("chart.gif", png(), "a PNG image, but its name ends in .gif"),
        ("chart.png", png()[:60], "damaged"),
        ("report.pdf", b"<svg onload=alert(1)>Tyler Smith</svg>", "not a PDF"),
    ],
)
def test_a_file_that_is_not_what_its_name_says_is_refused(
    site: SiteFolder, tmp_path: Path, name: str, content: bytes, says: str
) -> None:
    """An HTML page or a damaged file named .png was once published unchecked: the
    anonymisation gate reads only what Pillow or the PDF reader can open."""
    shown = "report: report.pdf\n" if name.endswith(".pdf") else ""
    body = "" if shown else f"![A chart]({name})\n"
    site.write("briefs/child-a/index.md", brief(extra=shown, body=f"## Notes\n\n{body}"))
    site.write(f"briefs/child-a/{name}", content)
    found = [(p.path, p.rule, p.message) for p in check_site(site.root, TODAY).problems]
    assert [(path, rule) for path, rule, _ in found if rule == "file.type"] == [
        (f"briefs/child-a/{name}", "file.type")
    ], found
    assert says in next(m for _, rule, m in found if rule == "file.type")
    out = tmp_path / "out"
    assert site.run("build", "--today", "2026-11-25", "--site-dir", str(out)).returncode == 1
    assert not out.exists()


def test_a_file_that_is_not_what_its_name_says_is_a_warning_in_a_draft(site: SiteFolder) -> None:
    site.write("briefs/child-a/index.md", brief(extra="draft: true\n", body="![A chart](c.png)\n"))
    site.write("briefs/child-a/c.png", b"not an image")
    found = [(p.rule, p.severity.value) for p in check_site(site.root, TODAY).problems]
    assert ("file.type", "warning") in found


def test_a_report_carrying_embedded_files_is_refused(site: SiteFolder, tmp_path: Path) -> None:
    """A file attached inside the report PDF was once published with it, unread by the check
    and the audit (they read the PDF's text and properties only)."""
    from pypdf import PdfReader, PdfWriter

    site.write("briefs/child-a/index.md", brief(extra="report: report.pdf\n"))
    report = site.root / "briefs/child-a/report.pdf"
    make_pdf(report, "A clean report.")
    writer = PdfWriter(clone_from=PdfReader(report))
    writer.add_attachment("notes.txt", b"Tyler Smith lives at 14 Acacia Avenue, NG7 2AB.")
    with report.open("wb") as out:
        writer.write(out)
    found = [(p.path, p.rule) for p in check_site(site.root, TODAY).problems]
    assert found == [("briefs/child-a/report.pdf", "file.embedded")]
    assert "notes.txt" in check_site(site.root, TODAY).problems[0].message


def test_a_report_that_runs_a_script_is_refused(site: SiteFolder) -> None:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    site.write("briefs/child-a/index.md", brief(extra="report: report.pdf\n"))
    report = site.root / "briefs/child-a/report.pdf"
    make_pdf(report, "A clean report.")
    writer = PdfWriter(clone_from=PdfReader(report))
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert(1)"),
        }
    )
    with report.open("wb") as out:
        writer.write(out)
    [found] = check_site(site.root, TODAY).problems
    assert (found.rule, "a script") == ("file.embedded", found.message.split("carries ")[1][:8])
