"""The core and MkDocs read one configuration the same way, or nothing is built (issue 8).

Each case is a setting MkDocs would resolve differently from the core: the check refuses it
with the line and the fix, or the plugin refuses to build. Nothing of the page is published.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import MKDOCS_YML, SiteFolder, brief

LEAK = "Tyler Smith lived at 14 Acacia Avenue."


def site_bytes(folder: Path) -> bytes:
    if not folder.exists():
        return b""
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def assert_refused(site: SiteFolder, *, check_says: str | None) -> None:
    checked = site.run("check")
    if check_says is not None:
        assert checked.returncode == 1
        assert check_says in checked.stdout
    built = site.run("build", "--today", "2026-07-01")
    assert built.returncode == 1, built.stdout + built.stderr
    assert "Traceback" not in built.stderr
    assert LEAK.encode() not in site_bytes(site.root / "site")


def test_docs_dir_other_than_content_is_refused(site: SiteFolder) -> None:
    site.write("mkdocs.yml", MKDOCS_YML.replace("docs_dir: content", "docs_dir: docs"))
    site.write("docs/index.md", f"# Home\n\n{LEAK}\n")
    assert_refused(site, check_says="mkdocs.yml:3:11: error: docs_dir must be 'content'")


def test_a_missing_docs_dir_is_refused(site: SiteFolder) -> None:
    site.write("mkdocs.yml", MKDOCS_YML.replace("docs_dir: content\n", ""))
    site.write("docs/index.md", f"# Home\n\n{LEAK}\n")
    assert_refused(site, check_says="add 'docs_dir: content'")


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("exclude_docs: |\n  secret.md\n", "'exclude_docs' is not supported"),
        ("INHERIT: base.yml\n", "'INHERIT' is not supported"),
    ],
)
def test_settings_that_hide_or_add_files_are_refused(
    site: SiteFolder, setting: str, message: str
) -> None:
    site.write("mkdocs.yml", MKDOCS_YML + setting)
    site.write("base.yml", "site_name: x\n")
    site.write("content/secret.md", f"# Notes\n\n{LEAK}\n")
    assert_refused(site, check_says=message)


def test_a_nav_entry_naming_one_brief_is_refused(site: SiteFolder) -> None:
    site.write("briefs/child-a.md", brief())
    nav = "  - Topics: topics/index.md\n"
    site.write(
        "mkdocs.yml", MKDOCS_YML.replace(nav, nav + "  - Child A: briefs/child-a/index.md\n")
    )
    result = site.run("check")
    assert result.returncode == 1
    assert "nav: 'briefs/child-a/index.md' names a single generated page" in result.stdout


@pytest.mark.parametrize(
    "entry", ["https://example.test/briefs/child-a/", "/briefs/child-a/", "./briefs/./child-a/"]
)
def test_a_nav_entry_naming_one_brief_by_its_address_is_refused(
    site: SiteFolder, entry: str
) -> None:
    """A draft's address in the nav was stopped only by the audit, which blamed the generator."""
    site.write("briefs/child-a.md", brief(extra="draft: true\n"))
    nav = "  - Topics: topics/index.md\n"
    site.write("mkdocs.yml", MKDOCS_YML.replace(nav, nav + f"  - Child A: {entry}\n"))
    result = site.run("check")
    assert result.returncode == 1
    assert "nav: 'briefs/child-a/' names a single generated page" in result.stdout


def test_link_validation_must_resolve_absolute_links_in_the_site(site: SiteFolder) -> None:
    site.write("mkdocs.yml", MKDOCS_YML.replace("  absolute_links: relative_to_docs\n", ""))
    result = site.run("check")
    assert result.returncode == 1
    assert "validation: {absolute_links: relative_to_docs}" in result.stdout


def test_a_site_url_from_the_environment_with_a_default_is_read_as_mkdocs_reads_it(
    site: SiteFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The list form once made the core read '' where MkDocs read the default."""
    monkeypatch.delenv("LEARNING_TEST_URL", raising=False)
    site.write(
        "mkdocs.yml",
        MKDOCS_YML.replace(
            "site_url: https://example.test/",
            "site_url: !ENV [LEARNING_TEST_URL, 'https://elsewhere.test/']",
        ),
    )
    site.write("briefs/child-a.md", brief())
    result = site.run("build", "--no-pdfs", "--today", "2026-07-01")
    assert result.returncode == 0, result.stderr
    assert "https://elsewhere.test/briefs/child-a/" in (site.root / "site/feed.xml").read_text()


def test_a_site_url_from_the_environment_is_read_as_mkdocs_reads_it(
    site: SiteFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(os.environ, "LEARNING_TEST_URL", "https://from-env.test/")
    site.write(
        "mkdocs.yml",
        MKDOCS_YML.replace("site_url: https://example.test/", "site_url: !ENV LEARNING_TEST_URL"),
    )
    site.write("briefs/child-a.md", brief())
    result = site.run("build", "--today", "2026-07-01")
    assert result.returncode == 0, result.stderr
    feed = (site.root / "site/feed.xml").read_text()
    assert "https://from-env.test/briefs/child-a/" in feed


def test_a_markdown_file_the_checks_do_not_read_stops_the_build(site: SiteFolder) -> None:
    site.write("content/notes.markdown", f"# Notes\n\n{LEAK}\n")
    assert_refused(site, check_says=None)


def test_every_folder_mkdocs_reads_is_checked(site: SiteFolder) -> None:
    for page in ("content/deep/er/page.md", "content/about/index.md", "content/top.md"):
        site.write(page, "# A page\n\nCall 07700 900123 for help.\n")
    result = site.run("check")
    assert result.returncode == 1
    for page in ("content/deep/er/page.md", "content/about/index.md", "content/top.md"):
        assert f"{page}:3:6: error:" in result.stdout


@pytest.mark.parametrize(
    "front_matter",
    [
        "---\ntitle: Contact us\nwaivers:\n  - {text: Acacia, reason: SECRET-REASON}\n-----\n",
        "---\ntitle: !!str Contact us\nwaivers:\n  - {text: Acacia, reason: SECRET-REASON}\n---\n",
    ],
)
def test_mkdocs_never_reads_front_matter(site: SiteFolder, front_matter: str) -> None:
    """Front matter MkDocs' own parser would reject was once printed as body text."""
    site.write("content/contact.md", front_matter + "Write to us about Acacia.\n")
    result = site.run("build", "--today", "2026-07-01")
    assert result.returncode == 0, result.stdout + result.stderr
    html = (site.root / "site/contact/index.html").read_text()
    assert "SECRET-REASON" not in html and "waivers" not in html
    assert "<title>Contact us" in html


def test_a_body_that_looks_like_metadata_stays_text(site: SiteFolder) -> None:
    """MkDocs reads 'Key: value' lines at the top of a page as metadata; the plugin never lets
    it, so an editor's first line is published as they wrote it."""
    site.write("content/contact.md", "Note: we are closed on Fridays.\n\nCall us.\n")
    assert site.run("build", "--today", "2026-07-01").returncode == 0
    html = (site.root / "site/contact/index.html").read_text()
    assert "Note: we are closed on Fridays." in html


def test_a_page_left_out_of_the_navigation_is_still_checked(site: SiteFolder) -> None:
    """`not_in_nav` only quietens MkDocs' warnings: the page is still built, so still checked."""
    site.write("mkdocs.yml", MKDOCS_YML + "not_in_nav: |\n  /hidden.md\n")
    site.write("content/hidden.md", "# Hidden\n\nCall 07700 900123 for help.\n")
    assert_refused(site, check_says="content/hidden.md:3:6: error:")


@pytest.mark.parametrize(
    "extension",
    [
        "  - pymdownx.snippets\n",
        "  - pymdownx.snippets:\n      base_path: ['.']\n",
        "  - pymdownx.b64\n",
    ],
)
def test_markdown_extensions_that_copy_files_into_pages_are_refused(
    site: SiteFolder, extension: str
) -> None:
    """Snippets and b64 copy other files into a page, where neither the anonymisation check
    nor a second reader sees them."""
    site.write("mkdocs.yml", MKDOCS_YML + "markdown_extensions:\n" + extension)
    site.write("notes.txt", f"{LEAK}\n")
    site.write("briefs/child-a.md", brief(body='## Notes\n\n--8<-- "notes.txt"\n'))
    assert_refused(site, check_says="copies other files into pages")


def test_a_setting_given_twice_in_mkdocs_yml_is_refused(site: SiteFolder) -> None:
    """The core read the first and MkDocs the last of two settings with one name."""
    site.write("mkdocs.yml", MKDOCS_YML + "docs_dir: secret\n")
    site.write("secret/index.md", f"# Home\n\n{LEAK}\n")
    assert_refused(site, check_says="mkdocs.yml:31:1: error: 'docs_dir' is given twice")


def test_a_site_dir_setting_the_build_would_not_use_is_refused(site: SiteFolder) -> None:
    """`build` writes to site/ (or --site-dir): another site_dir would be silently ignored."""
    site.write("mkdocs.yml", MKDOCS_YML + "site_dir: public\n")
    result = site.run("check")
    assert result.returncode == 1
    assert "site_dir: the site is built into site/" in result.stdout
    site.write("mkdocs.yml", MKDOCS_YML + "site_dir: site\n")
    assert site.run("check").returncode == 0


def test_a_setting_from_the_environment_with_a_default_is_read_as_mkdocs_reads_it(
    site: SiteFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LEARNING_TEST_NAME", raising=False)
    name = "partnership: Test Safeguarding Children Partnership"
    env = "partnership: !ENV [LEARNING_TEST_NAME, 'Default Partnership']"
    site.write("mkdocs.yml", MKDOCS_YML.replace(name, env))
    site.write("briefs/child-a.md", brief())
    result = site.run("build", "--no-pdfs", "--today", "2026-07-01")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Default Partnership" in (site.root / "site/feed.xml").read_text()
    monkeypatch.setitem(os.environ, "LEARNING_TEST_NAME", "Env Partnership")
    assert site.run("build", "--no-pdfs", "--today", "2026-07-01").returncode == 0
    assert "Env Partnership" in (site.root / "site/feed.xml").read_text()


@pytest.mark.parametrize("name", ["site_name", "site_description"])
def test_markup_in_the_site_name_is_refused(site: SiteFolder, name: str) -> None:
    """Material writes these into attributes unescaped: a quote once added an attribute
    (`onfocus=...`) to every page."""
    value = '\'Partnership" onfocus="alert(1)" x="\''
    site.write(
        "mkdocs.yml",
        MKDOCS_YML + f"{name}: {value}\n"
        if name != "site_name"
        else MKDOCS_YML.replace("site_name: Test partnership", f"site_name: {value}"),
    )
    result = site.run("check")
    assert result.returncode == 1
    assert f"{name}: '<', '>' and '\"' cannot be used" in result.stdout
    built = site.run("build", "--no-pdfs", "--today", "2026-07-01")
    assert built.returncode == 1
    assert b'onfocus="alert' not in site_bytes(site.root / "site")


@pytest.mark.parametrize("setting", ["extra_javascript", "extra_css"])
def test_files_from_another_host_are_refused(site: SiteFolder, setting: str) -> None:
    """The site makes no request to any other host (privacy); the policy would block it."""
    site.write(
        "mkdocs.yml", MKDOCS_YML + f"{setting}:\n  - https://cdn.example/x\n  - //cdn.example/y\n"
    )
    result = site.run("check")
    assert result.returncode == 1
    assert f"{setting}: 'https://cdn.example/x' is on another host" in result.stdout
    assert f"{setting}: '//cdn.example/y' is on another host" in result.stdout
