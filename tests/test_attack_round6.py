"""Holes found in round 6: mkdocs.yml settings that run code without a `!!python/` tag."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from .conftest import MKDOCS_YML, SiteFolder, brief
from .test_edges_round5 import APPENDED, image

TEMPLATE = (
    "{% extends 'base.html' %}{% block content %}"
    "{{ config.__class__.__init__.__globals__['os'].system('touch MARKER') }}"
    "{% endblock %}\n"
)


def assert_runs_no_code(site: SiteFolder, where: str, says: str) -> None:
    """`check` and `build` refuse mkdocs.yml at `where` before MkDocs reads it."""
    for command in ("check", "build"):
        result = site.run(command, *(["--no-pdfs"] if command == "build" else []))
        output = result.stdout + result.stderr
        assert result.returncode == 1, output
        assert f"mkdocs.yml:{where}: error: " in output, output
        assert says in output
        assert "[config.runs_code]" in output
        assert "Traceback" not in output
    assert not (site.root / "ran").exists()
    assert not (site.root / "site").exists()


@pytest.mark.parametrize(
    ("extensions", "where"),
    [
        ("  - side_effect\n", "33:5"),
        ("  - side_effect:\n      a: 1\n", "33:5"),
        ("  - markdown.extensions.toc:slugify\n", "33:5"),
        ("  - pymdownx.__main__\n", "33:5"),
        ("  - !ENV [NOT_SET_ANYWHERE, side_effect]\n", "33:5"),
    ],
)
def test_a_markdown_extension_that_is_not_markdowns_pymdownx_or_materials_is_refused(
    site: SiteFolder, monkeypatch: pytest.MonkeyPatch, extensions: str, where: str
) -> None:
    """Markdown imports the module an extension names: importing any installed module runs
    its code ('antigravity' opens a browser), and 'module:name' calls any function in it."""
    marker = site.root / "ran"
    site.write("modules/side_effect.py", f"open({str(marker)!r}, 'w').close()\n")
    monkeypatch.syspath_prepend(str(site.root / "modules"))
    site.write("mkdocs.yml", MKDOCS_YML + "markdown_extensions:\n  - toc\n" + extensions)
    assert_runs_no_code(site, where, "markdown_extensions: ")


def test_the_extensions_of_markdown_pymdownx_and_material_are_allowed(site: SiteFolder) -> None:
    extensions = (
        "markdown_extensions:\n  - toc:\n      permalink: true\n  - markdown.extensions.abbr\n"
        "  - pymdownx.details\n  - material.extensions.preview\n  - admonition\n"
    )
    site.write("mkdocs.yml", MKDOCS_YML + extensions)
    assert site.run("check").returncode == 0


@pytest.mark.parametrize(
    ("plugin", "where"),
    [
        ("  - material/projects\n", "21:5"),
        ("  - projects:\n      enabled: true\n", "21:5"),
        ("  - group:\n      enabled: true\n      plugins:\n        - material/projects\n", "24:11"),
    ],
)
def test_the_projects_plugin_which_builds_other_sites_is_refused(
    site: SiteFolder, plugin: str, where: str
) -> None:
    """Material's projects plugin builds every mkdocs.yml under projects/, with their hooks:
    settings nobody checks."""
    site.write("mkdocs.yml", MKDOCS_YML.replace("  - search\n", "  - search\n" + plugin))
    site.write("projects/x/mkdocs.yml", "site_name: X\nhooks:\n  - hook.py\n")
    site.write("projects/x/hook.py", f"open({str(site.root / 'ran')!r}, 'w').close()\n")
    site.write("projects/x/docs/index.md", "# X\n")
    assert_runs_no_code(site, where, "projects")


@pytest.mark.parametrize(
    "custom_dir",
    ["content/.theme", "./content/.theme", "briefs/.theme", "ROOT/content/.theme", "content"],
)
def test_theme_overrides_in_the_editors_folders_are_refused(
    site: SiteFolder, custom_dir: str
) -> None:
    """Templates are code (MkDocs' Jinja is not sandboxed). In the editors' folders, which
    merge without a maintainer's review (and whose hidden files no check reads), a template
    would run whatever an editor's pull request put in it."""
    folder = custom_dir.replace("ROOT", str(site.root))
    site.write(
        "mkdocs.yml",
        MKDOCS_YML.replace("  name: material\n", f"  name: material\n  custom_dir: {folder}\n"),
    )
    site.write(
        str(Path(folder, "main.html")),
        TEMPLATE.replace("MARKER", str(site.root / "ran")),
    )
    assert_runs_no_code(site, "7:15", "custom_dir")


def test_theme_overrides_named_through_relative_are_refused(site: SiteFolder) -> None:
    site.write(
        "mkdocs.yml",
        MKDOCS_YML.replace(
            "  name: material\n", "  name: material\n  custom_dir: !relative $docs_dir/.theme\n"
        ),
    )
    site.write("content/.theme/main.html", TEMPLATE.replace("MARKER", str(site.root / "ran")))
    assert_runs_no_code(site, "7:15", "custom_dir")


@pytest.mark.parametrize(
    ("setting", "where"),
    [
        ("extra:\n  h: &h\n    hooks: [hooks.py]\n<<: *h\n", "34:1"),
        ("extra:\n  h: &h\n    hooks: [hooks.py]\n!!merge x: *h\n", "34:1"),
        ("theme_merge", "7:3"),
        ("? !ENV [NOT_SET_ANYWHERE, hooks]\n: [hooks.py]\n", "31:3"),
    ],
)
def test_a_yaml_merge_is_refused_in_mkdocs_yml(site: SiteFolder, setting: str, where: str) -> None:
    """A merge ('<<: *name') gives a mapping the settings of another: MkDocs saw 'hooks:' or
    'custom_dir:' where the checks saw only '<<'; and a name given by '!ENV' is another."""
    if setting == "theme_merge":
        text = MKDOCS_YML.replace(
            "  name: material\n", "  name: material\n  <<: {custom_dir: content/.theme}\n"
        )
    else:
        text = MKDOCS_YML + setting
    site.write("mkdocs.yml", text)
    site.write("hooks.py", f"open({str(site.root / 'ran')!r}, 'w').close()\n")
    site.write("content/.theme/main.html", TEMPLATE.replace("MARKER", str(site.root / "ran")))
    for command in ("check", "build"):
        result = site.run(command, *(["--no-pdfs"] if command == "build" else []))
        output = result.stdout + result.stderr
        assert result.returncode == 1, output
        assert f"mkdocs.yml:{where}: error: " in output, output
        assert "a YAML merge" in output or "a setting's name cannot be given by" in output
        assert "Traceback" not in output
    assert not (site.root / "ran").exists()


def test_theme_overrides_given_through_env_are_refused(site: SiteFolder) -> None:
    theme = "theme: !ENV [NOT_SET_ANYWHERE, {name: material, custom_dir: content/.theme}]\n"
    start, end = MKDOCS_YML.index("theme:\n"), MKDOCS_YML.index("nav:\n")  # the whole block
    site.write("mkdocs.yml", MKDOCS_YML[:start] + theme + MKDOCS_YML[end:])
    site.write("content/.theme/main.html", TEMPLATE.replace("MARKER", str(site.root / "ran")))
    assert_runs_no_code(site, "5:61", "custom_dir")


@pytest.mark.parametrize(
    "value",
    [
        "{state: {__doc__: x}, kwds: {case: lower}}",
        "{dictitems: {a: 1}}",
        "{listitems: [1]}",
        "[1, 2, 3]",
        "{args: [1]}",
        "{kwds: [1]}",
    ],
)
def test_an_allowed_function_given_more_than_its_options_is_refused(
    site: SiteFolder, value: str
) -> None:
    """`!!python/object/apply:pymdownx.slugs.slugify` takes its options (`kwds:`) only; state,
    items or arguments crashed the build with a traceback."""
    slugify = f"!!python/object/apply:pymdownx.slugs.slugify {value}"
    setting = f"markdown_extensions:\n  - toc:\n      slugify: {slugify}\n"
    site.write("mkdocs.yml", MKDOCS_YML + setting)
    assert_runs_no_code(site, "33:16", "kwds")


# In a CI log (public for a public repository) nothing a document holds is shown unmasked.


def test_a_quote_inside_what_mkdocs_quotes_does_not_unmask_the_rest(
    site: SiteFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An apostrophe in an anchor ("#the-plan's-second-part") ended the masked part early, and
    the rest of the anchor was shown as it was written."""
    monkeypatch.setenv("CI", "true")
    site.write("content/other.md", "# Other\n")
    site.write(
        "content/guide.md",
        "# Guide\n\nSee [a](#the-plan's-second-part) and [b](other.md#kai's-second-meeting).\n",
    )
    result = site.run("build", "--no-pdfs")
    assert result.returncode == 1
    assert "Doc file 'content/guide.md' contains a link '#" in result.stderr
    assert "second" not in result.stderr
    assert "the-plan" not in result.stderr
    assert "'other.md'" in result.stderr  # the page the anchor is missing from is named


@pytest.mark.parametrize("target", ["kai-oneill.md", "notes/kai-oneill/", "../kai-oneill.png"])
@pytest.mark.parametrize("output", ["text", "github"])
def test_a_missing_links_address_is_masked_in_a_ci_log(
    site: SiteFolder, monkeypatch: pytest.MonkeyPatch, target: str, output: str
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    site.write("content/guide.md", f"# Guide\n\nSee [the plan]({target}).\n")
    result = site.run("check", "--format", output)
    assert "[link.missing]" in result.stdout or "link.missing" in result.stdout
    assert "oneill" not in result.stdout + result.stderr


@pytest.mark.parametrize("value", ["yes", "[exclude]", "exclude", "3"])
def test_a_pages_search_setting_that_is_not_settings_is_refused_at_its_line(
    site: SiteFolder, value: str
) -> None:
    """Material reads `search:` as settings ({exclude: true}); anything else crashed the build
    with a traceback."""
    site.write("content/guide.md", f"---\ntitle: Guide\nsearch: {value}\n---\n# Guide\n")
    for command in ("check", "build"):
        result = site.run(command, *(["--no-pdfs"] if command == "build" else []))
        assert result.returncode == 1
        output = result.stdout + result.stderr
        assert "content/guide.md:3:9: error: search: expected settings" in output
        assert "Traceback" not in output
    site.write("content/guide.md", "---\ntitle: Guide\nsearch: {exclude: true}\n---\n# Guide\n")
    assert site.run("build", "--no-pdfs").returncode == 0


# Data after an image's end, hidden where the end-finder stopped reading.


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_with_iend_payload() -> bytes:
    png = image("PNG")
    return png[: png.rindex(b"IEND") - 4] + png_chunk(b"IEND", APPENDED)


def jpeg_with_stray_bytes_then_appended() -> bytes:
    jpeg = image("JPEG")
    after_app0 = 4 + int.from_bytes(jpeg[4:6], "big")
    return jpeg[:after_app0] + b"\0junk" + jpeg[after_app0:] + APPENDED


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("chart.png", png_with_iend_payload()),
        ("chart.jpg", jpeg_with_stray_bytes_then_appended()),
        ("chart.gif", image("GIF")[:-1] + b"\0" + APPENDED + b";"),
        ("chart.gif", image("GIF")[:-1] + b"\0" + APPENDED),
    ],
)
def test_data_hidden_where_the_image_end_is_not_found_is_refused(
    site: SiteFolder, name: str, data: bytes
) -> None:
    """Pillow opens these (it skips stray bytes and reads IEND's length as nothing), but the
    data is published with the image: bytes the end-finder cannot place are refused too."""
    site.write("briefs/child-a/index.md", brief(body=f"## Notes\n\n![A chart]({name})\n"))
    site.write(f"briefs/child-a/{name}", data)
    result = site.run("check")
    assert result.returncode == 1
    assert f"briefs/child-a/{name}:1:1: error: " in result.stdout
    assert "[file.appended]" in result.stdout


@pytest.mark.parametrize(
    "name", ["content/notes\n::error::forged.md", "content/a\tb/notes.md", "briefs/child-a/x\r.png"]
)
def test_a_file_or_folder_name_with_a_control_character_is_refused(
    site: SiteFolder, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """A line break in a name passed the check, and MkDocs printed it as it was: a line of its
    own in the log, which GitHub reads as a workflow command ('::error::...')."""
    monkeypatch.setenv("CI", "true")
    site.write("briefs/child-a/index.md", brief())
    site.write(name, "# Notes\n\nSee [a](#nowhere).\n")
    for command in ("check", "build"):
        result = site.run(command, *(["--no-pdfs"] if command == "build" else []))
        output = result.stdout + result.stderr
        assert result.returncode == 1
        assert "[file.name]" in output
        assert not any(line.startswith("::") for line in output.splitlines())
    assert not (site.root / "site").exists()


@pytest.mark.parametrize("icon", ["../../etc/passwd", "/etc/passwd", "material/../../base"])
def test_a_pages_icon_that_is_not_an_icons_name_is_refused_at_its_line(
    site: SiteFolder, monkeypatch: pytest.MonkeyPatch, icon: str
) -> None:
    """Material includes '.icons/<icon>.svg' from its templates: a path failed the build as
    'a template of the theme failed', shown unmasked in a CI log."""
    monkeypatch.setenv("CI", "true")
    site.write("content/guide.md", f"---\ntitle: Guide\nicon: {icon}\n---\n# Guide\n")
    result = site.run("check")
    assert result.returncode == 1
    assert "content/guide.md:3:7: error: icon: expected an icon's name" in result.stdout
    assert icon not in result.stdout
    site.write(
        "content/guide.md", "---\ntitle: Guide\nicon: material/emoticon-happy\n---\n# Guide\n"
    )
    assert site.run("build", "--no-pdfs").returncode == 0


def test_fields_given_for_text_are_called_fields_not_a_list(site: SiteFolder) -> None:
    site.write("content/guide.md", "---\ntitle: Guide\ntemplate: {a: 1}\n---\n# Guide\n")
    assert "template: expected text, got fields ('name: value')" in site.run("check").stdout


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("status", "['\"><img src=x onerror=alert(1)>']"),
        ("status", "{a: 1}"),
        ("hide", "5"),
        ("hide", "true"),
        ("hide", "[[toc]]"),
    ],
)
def test_a_pages_status_or_hide_of_the_wrong_kind_is_refused_at_its_line(
    site: SiteFolder, field: str, value: str
) -> None:
    """`status:` given as a list was written into the page's HTML as Python shows a list,
    unescaped (Material prints it in a class attribute); `hide:` given as a number or true
    crashed the build with a traceback."""
    nav = MKDOCS_YML.replace("  - Home: index.md\n", "  - Home: index.md\n  - Guide: guide.md\n")
    site.write("mkdocs.yml", nav)
    site.write("content/guide.md", f"---\ntitle: Guide\n{field}: {value}\n---\n# Guide\n")
    for command in ("check", "build"):
        result = site.run(command, *(["--no-pdfs"] if command == "build" else []))
        output = result.stdout + result.stderr
        assert result.returncode == 1, output
        assert f"content/guide.md:3:{len(field) + 3}: error: {field}: expected" in output
        assert "Traceback" not in output
    site.write("content/guide.md", "---\ntitle: Guide\nstatus: new\nhide: [toc]\n---\n# Guide\n")
    assert site.run("build", "--no-pdfs").returncode == 0


@pytest.mark.parametrize(
    "plugin", ["material/meta", "meta", "info", "material/privacy", "blog", "social", "tags"]
)
def test_a_plugin_the_checks_do_not_know_is_refused(site: SiteFolder, plugin: str) -> None:
    """Material's meta plugin reads hidden `.meta.yml` files no check reads; info reaches the
    network and ends the build; privacy and social download; blog publishes posts of its own."""
    site.write("mkdocs.yml", MKDOCS_YML.replace("  - search\n", f"  - search\n  - {plugin}\n"))
    result = site.run("check")
    assert result.returncode == 1
    assert "mkdocs.yml:21:5" in result.stdout and "config.runs_code" in result.stdout
    assert f"'{plugin}' is not one of the plugins" in result.stdout


def test_the_known_plugins_are_accepted(site: SiteFolder) -> None:
    plugins = "  - search\n  - material/offline\n  - group:\n      plugins:\n        - typeset\n"
    site.write("mkdocs.yml", MKDOCS_YML.replace("  - search\n", plugins))
    assert site.run("check").returncode == 0
