"""Edges closed in round 5: MkDocs' messages name the editor's file."""

from __future__ import annotations

import io
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from learning_resources import file_types
from learning_resources.formats import name_editors_files

from .conftest import MKDOCS_YML, PROJECT, SiteFolder, brief

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


# A page's `template:` names a template of the theme, never a path or one that is not there.


@pytest.mark.parametrize(
    "template",
    ["../../../etc/passwd", "/etc/passwd", "partials/header.html", "blog.html", "missing.html"],
)
def test_a_template_the_theme_does_not_provide_is_refused_at_its_line(
    site: SiteFolder, template: str
) -> None:
    site.write("content/guide.md", f"---\ntitle: Guide\ntemplate: {template}\n---\n# Guide\n")
    result = site.run("check")
    assert result.returncode == 1
    assert f"content/guide.md:3:11: error: template: '{template}' is not" in result.stdout
    assert "(allowed: main.html)" in result.stdout
    assert "[page.template]" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_the_themes_page_template_and_the_sites_own_overrides_are_allowed(
    site: SiteFolder,
) -> None:
    site.write(
        "mkdocs.yml",
        MKDOCS_YML.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"),
    )
    site.write(
        "overrides/wide.html",
        '{% extends "main.html" %}{% block content %}<p>Wide layout</p>{% endblock %}\n',
    )
    site.write("overrides/partials/footer.html", "")
    site.write("content/guide.md", "---\ntemplate: wide.html\n---\n# Guide\n")
    site.write("content/about.md", "---\ntemplate: main.html\n---\n# About\n")
    assert site.run("check").returncode == 0
    assert site.run("build", "--no-pdfs").returncode == 0  # MkDocs renders with them
    assert "Wide layout" in (site.root / "site/guide/index.html").read_text(encoding="utf-8")
    site.write("content/about.md", "---\ntemplate: footer.html\n---\n# About\n")
    result = site.run("check")
    assert "(allowed: main.html, wide.html)" in result.stdout
    site.write("content/about.md", "---\ntemplate: partials/footer.html\n---\n# About\n")
    assert "[page.template]" in site.run("check").stdout


# mkdocs.yml runs no code: no hooks, no Python objects but a few well-known functions.


@pytest.mark.parametrize(
    ("setting", "line", "column"),
    [
        ("hooks:\n  - hooks.py\n", 31, 1),
        ("extra:\n  x: !!python/object/apply:os.system [echo hi]\n", 32, 6),
        ("extra:\n  x: !!python/object/new:os.system [echo hi]\n", 32, 6),
        ("extra:\n  x: !!python/object:argparse.Namespace {a: 1}\n", 32, 6),
        ("extra:\n  x: !!python/name:os.system\n", 32, 6),
        ("extra:\n  x: !!python/module:os\n", 32, 6),
        ("extra:\n  - [1, !!python/name:os.system ]\n", 32, 9),
        ("%TAG !p! tag:yaml.org,2002:python/\n---\nextra:\n  x: !p!name:os.system\n", 32, 6),
    ],
)
def test_mkdocs_yml_that_would_run_code_is_refused_at_its_line(
    site: SiteFolder, setting: str, line: int, column: int
) -> None:
    """MkDocs reads mkdocs.yml with PyYAML's unsafe loader and runs `hooks:`: a pull request
    changing it must not run code on the runner. The check refuses it before MkDocs reads it."""
    marker = site.root / "ran"
    setting = setting.replace("echo hi", f"touch {marker}")
    if setting.startswith("%TAG"):
        directive, _, rest = setting.partition("---\n")
        text, line = directive + "---\n" + MKDOCS_YML + rest, line + 2
    else:
        text = MKDOCS_YML + setting
    site.write("mkdocs.yml", text)
    site.write("hooks.py", f"open({str(marker)!r}, 'w').close()\n")
    for command in ("check", "build"):
        result = site.run(command)
        assert result.returncode == 1
        output = result.stdout + result.stderr
        assert f"mkdocs.yml:{line}:{column}: error: " in output, output
        assert "[config.runs_code]" in output
        assert "Traceback" not in output
    assert not marker.exists()
    assert not (site.root / "site").exists()


def test_the_well_known_functions_material_documents_are_allowed(site: SiteFolder) -> None:
    extensions = (
        "markdown_extensions:\n"
        "  - toc:\n"
        "      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n"
        "  - pymdownx.superfences:\n"
        "      custom_fences:\n"
        "        - name: mermaid\n"
        "          class: mermaid\n"
        "          format: !!python/name:pymdownx.superfences.fence_code_format\n"
    )
    site.write("mkdocs.yml", MKDOCS_YML + extensions)
    assert site.run("check").returncode == 0
    assert site.run("build", "--no-pdfs").returncode == 0


def codeowner(rules: list[list[str]], path: str) -> list[str]:
    """The owners GitHub gives a file: the last rule whose pattern matches it wins (only the
    two shapes this file uses: `*`, and `/folder/`)."""
    owners: list[str] = []
    for pattern, *who in rules:
        if pattern == "*" or ("/" + path).startswith(pattern):
            owners = who
    return owners


def test_everything_but_the_editors_folders_needs_a_maintainers_review() -> None:
    """Anything a build or a test run may execute, including a file nobody has thought of yet,
    is owned by the maintainers in CODEOWNERS (an active rule, not a comment); only the
    editors' folders, where the checks refuse anything but documents, reports and images,
    are left to the editors."""
    text = (PROJECT / ".github/CODEOWNERS").read_text(encoding="utf-8")
    rules = [line.split() for line in text.splitlines() if line and not line.startswith("#")]
    maintainers = ["@your-organisation/site-maintainers"]
    for path in (
        "mkdocs.yml",
        "build.py",
        "plugins/mkdocs_learning/plugin.py",
        "src/learning_resources/rules.py",
        "scripts/setup.sh",
        ".github/workflows/publish.yml",
        "tests/conftest.py",
        "Makefile",
        "pyproject.toml",
        "constraints.txt",
        "package-lock.json",
        "json.py",
        "overrides/main.html",
    ):
        assert codeowner(rules, path) == maintainers, path
    for path in ("briefs/child-a.md", "bitesize/neglect.md", "content/contact.md"):
        assert codeowner(rules, path) != maintainers, path


def test_a_module_added_beside_build_py_is_never_imported(tmp_path: Path, site: SiteFolder) -> None:
    """Python puts a script's folder first on the import path, so a `json.py` a pull request
    adds beside build.py would run in place of the real module; build.py takes it off."""
    marker, repository = tmp_path / "ran", tmp_path / "pull-request"
    repository.mkdir()
    (repository / "build.py").write_bytes((PROJECT / "build.py").read_bytes())
    for module in ("json.py", "yaml.py", "argparse.py"):
        (repository / module).write_text(f"open({str(marker)!r}, 'w').close()\n", encoding="utf-8")
    site.write("briefs/child-a.md", brief())
    result = subprocess.run(
        [sys.executable, str(repository / "build.py"), "check", "--root", str(site.root)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert not marker.exists()


# An image with data after its end: published with it, shown by no viewer, read by no check.


def image(fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (16, 16), "teal").save(out, fmt, **options)
    return out.getvalue()


APPENDED = b"Case notes: Tyler Smith, 14 Quxlington Way"


@pytest.mark.parametrize(
    ("name", "fmt", "options"),
    [
        ("chart.png", "PNG", {}),
        ("chart.jpg", "JPEG", {}),
        ("chart.jpg", "JPEG", {"progressive": True}),
        ("chart.gif", "GIF", {}),
        ("chart.webp", "WEBP", {}),
    ],
)
def test_data_after_an_images_end_is_refused(
    site: SiteFolder, name: str, fmt: str, options: dict[str, object]
) -> None:
    site.write("briefs/child-a/index.md", brief(body=f"## Notes\n\n![A chart]({name})\n"))
    site.write(f"briefs/child-a/{name}", image(fmt, **options))
    assert site.run("check").returncode == 0
    site.write(f"briefs/child-a/{name}", image(fmt, **options) + b"\0\0")  # padding: no data
    assert site.run("check").returncode == 0
    site.write(f"briefs/child-a/{name}", image(fmt, **options) + APPENDED)
    result = site.run("check")
    assert result.returncode == 1
    assert (
        f"briefs/child-a/{name}:1:1: error: {len(APPENDED)} bytes follow the end of the image"
    ) in result.stdout
    assert "[file.appended]" in result.stdout


def test_a_jpegs_own_segments_may_hold_its_end_marker(site: SiteFolder) -> None:
    """The bytes of an end marker inside a comment or EXIF text are not the image's end.
    (Such text is refused anyway, by anon.image_metadata, whatever it says.)"""
    exif = Image.Exif()
    exif[0x010E] = "chart \xff\xd9 of the review"  # ImageDescription
    data = image("JPEG", comment=b"draft \xff\xd9 one", exif=exif.tobytes())
    site.write("briefs/child-a/index.md", brief(body="## Notes\n\n![A chart](chart.jpg)\n"))
    site.write("briefs/child-a/chart.jpg", data)
    assert "[file.appended]" not in site.run("check").stdout
    site.write("briefs/child-a/chart.jpg", data + APPENDED)
    assert "[file.appended]" in site.run("check").stdout


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=200), fmt=st.sampled_from(["PNG", "JPEG", "GIF", "WEBP"]))
def test_finding_an_images_end_never_fails_on_any_bytes(data: bytes, fmt: str) -> None:
    """Pillow opened the file first, but the end is found by reading its structure: any bytes
    give an offset or none, never an exception (the check would stop on it)."""
    end = file_types._IMAGE_ENDS[fmt](image(fmt)[:20] + data)
    assert end is None or end >= 0


# Parts of an image that no viewer shows and no check reads: refused (file.unread).


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")


def with_png_chunk(kind: bytes, data: bytes) -> bytes:
    png = image("PNG")
    return png[:-12] + png_chunk(kind, data) + png[-12:]  # before IEND


def with_jpeg_segment(marker: int, data: bytes) -> bytes:
    jpeg = image("JPEG")
    return jpeg[:2] + bytes([0xFF, marker]) + (len(data) + 2).to_bytes(2, "big") + data + jpeg[2:]


def with_webp_chunk(kind: bytes, data: bytes) -> bytes:
    webp = image("WEBP")
    chunk = kind + len(data).to_bytes(4, "little") + data + b"\0" * (len(data) % 2)
    body = webp[8:] + chunk
    return b"RIFF" + len(body).to_bytes(4, "little") + body


CAPTION = b"Caption: Tyler Smith outside 14 Quxlington Way"


@pytest.mark.parametrize(
    ("name", "data", "part"),
    [
        ("chart.png", with_png_chunk(b"prVt", CAPTION), "'prVt' chunk"),
        ("chart.jpg", with_jpeg_segment(0xED, b"Photoshop 3.0\0" + CAPTION), "APP13"),
        ("chart.jpg", with_jpeg_segment(0xEF, CAPTION), "APP15"),
        ("chart.webp", with_webp_chunk(b"NOTE", CAPTION), "'NOTE' chunk"),
    ],
)
def test_parts_of_an_image_no_check_reads_are_refused(
    site: SiteFolder, name: str, data: bytes, part: str
) -> None:
    site.write("briefs/child-a/index.md", brief(body=f"## Notes\n\n![A chart]({name})\n"))
    site.write(f"briefs/child-a/{name}", data)
    result = site.run("check")
    assert result.returncode == 1
    assert "[file.unread]" in result.stdout and part in result.stdout


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("chart.png", image("PNG", dpi=(96, 96), icc_profile=b"\0" * 128)),
        ("chart.png", with_png_chunk(b"iDOT", b"\0" * 28)),  # a Mac screenshot's layout hints
        ("chart.jpg", image("JPEG", exif=Image.Exif().tobytes(), icc_profile=b"\0" * 128)),
        ("chart.webp", image("WEBP", exif=Image.Exif().tobytes())),
    ],
)
def test_ordinary_parts_of_an_image_are_accepted(site: SiteFolder, name: str, data: bytes) -> None:
    site.write("briefs/child-a/index.md", brief(body=f"## Notes\n\n![A chart]({name})\n"))
    site.write(f"briefs/child-a/{name}", data)
    result = site.run("check")
    assert "[file.unread]" not in result.stdout, result.stdout


def test_weasyprints_messages_are_masked_in_a_ci_log(monkeypatch: pytest.MonkeyPatch) -> None:
    """WeasyPrint, printing a brief's pages, quotes what it could not use (a CSS value, an
    image's address): in a CI log that is masked like MkDocs' messages."""
    import contextlib
    import logging

    import build

    monkeypatch.setenv("CI", "true")
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        build._mkdocs_logging()
        logging.getLogger("weasyprint").warning("Failed to load image at 'tyler-smith-at-home'")
    assert "WARNING: Failed to load image at 't*****" in err.getvalue()
    assert "smith" not in err.getvalue()
