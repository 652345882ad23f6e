"""`build.py build`: real MkDocs + Material builds, and what a failed build leaves behind."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from .conftest import PROJECT, SiteFolder, brief, sheet


def snapshot(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's own example site, built once for this module."""
    out = tmp_path_factory.mktemp("example") / "site"
    folder = SiteFolder(PROJECT)
    result = folder.run("build", "--today", "2026-11-25", "--site-dir", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_every_brief_and_sheet_of_the_example_has_a_page(example_site: Path) -> None:
    for kind in ("briefs", "bitesize"):
        sources = [p.stem for p in (PROJECT / kind).glob("*.md")]
        assert len(sources) >= 6
        for slug in sources:
            page = example_site / kind / slug / "index.html"
            assert page.is_file(), f"no page for {kind}/{slug}"


def test_listings_and_topics_are_built(example_site: Path) -> None:
    for path in ("briefs", "bitesize", "topics", "topics/neglect", "archive"):
        assert (example_site / path / "index.html").is_file()


def test_a_document_page_shows_its_front_matter_not_raw_yaml(site: SiteFolder) -> None:
    site.write("briefs/child-a.md", brief(title="Learning from Child A"))
    result = site.run("build", "--today", "2026-11-25")
    assert result.returncode == 0, result.stderr
    html = (site.root / "site/briefs/child-a/index.html").read_text()
    assert "<title>Learning from Child A" in html
    assert "Child A" in html and "Child safeguarding practice review" in html
    assert "review_type:" not in html and "published:" not in html


def test_a_failed_build_leaves_the_previous_site_untouched(site: SiteFolder) -> None:
    site.write("briefs/child-a.md", brief())
    site.write("bitesize/neglect.md", sheet())
    assert site.run("build", "--today", "2026-11-25").returncode == 0
    before = snapshot(site.root / "site")
    assert "briefs/child-a/index.html" in before

    # Content that passes `check` but makes MkDocs fail late (a broken anchor under --strict):
    # every page has been written to the staging folder by the time the build fails.
    site.write(
        "briefs/child-b.md", brief(case="B", body="See [the missing part](child-a.md#nowhere).\n")
    )
    result = site.run("build", "--today", "2026-11-25")
    assert result.returncode == 1
    assert "was left as it was" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(site.root / "site") == before
    assert [p.name for p in site.root.iterdir() if ".staging-" in p.name] == []


def test_site_dir_can_be_elsewhere(site: SiteFolder, tmp_path: Path) -> None:
    out = tmp_path / "published" / "www"
    assert site.run("build", "--today", "2026-11-25", "--site-dir", str(out)).returncode == 0
    assert (out / "index.html").is_file()
    assert not (site.root / "site").exists()


def test_pages_show_their_dates(site: SiteFolder) -> None:
    site.write("briefs/child-a.md", brief(published="2026-03-14"))
    site.write("bitesize/neglect.md", sheet(last_reviewed="2023-01-15"))
    site.write("bitesize/safe-sleep.md", sheet(title="Safe sleep", last_reviewed="2026-01-15"))
    assert site.run("build", "--today", "2026-11-25").returncode == 0
    brief_html = (site.root / "site/briefs/child-a/index.html").read_text()
    assert "<dt>Online until</dt><dd>13 March 2027, then available on request</dd>" in brief_html
    overdue = (site.root / "site/bitesize/neglect/index.html").read_text()
    assert "Due for review" in overdue and "<dd>15 January 2026</dd>" in overdue
    current = (site.root / "site/bitesize/safe-sleep/index.html").read_text()
    assert "Due for review" not in current and "<dd>15 January 2029</dd>" in current


def test_the_feed_lists_live_documents_only(site: SiteFolder) -> None:
    import xml.etree.ElementTree as ET

    site.write("briefs/child-a.md", brief(published="2026-06-01", title="Live brief"))
    site.write("briefs/child-b.md", brief(case="B", published="2025-01-01", title="Old brief"))
    site.write("briefs/child-c.md", brief(case="C", published="2027-01-01", title="Future brief"))
    site.write("bitesize/neglect.md", sheet())
    assert site.run("build", "--today", "2026-11-25").returncode == 0
    feed = ET.parse(site.root / "site/feed.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    titles = [e.findtext(f"{atom}title") for e in feed.iter(f"{atom}entry")]
    assert titles == ["Live brief", "Neglect"]
    assert feed.findtext(f"{atom}updated") == "2026-06-01T00:00:00Z"
    home = (site.root / "site/index.html").read_text()
    assert 'rel="alternate" type="application/atom+xml"' in home


def test_the_footer_links_the_partnerships_pages_outside_the_nav(site: SiteFolder) -> None:
    """The test site's nav names neither page; the footer links the one that exists."""
    site.write("content/contact.md", "# Contact us\n\nWrite to us.\n")
    site.write("briefs/child-a.md", brief())
    assert site.run("build", "--today", "2026-11-25", "--no-pdfs").returncode == 0
    for page in ("index.html", "briefs/child-a/index.html"):
        html = (site.root / "site" / page).read_text()
        footer = html.split('<nav class="lr-footer-links"', 1)[1].split("</nav>")[0]
        assert ">Contact us</a>" in footer and "contact/" in footer, page
        assert "Request an archived document" not in footer, page


def test_the_time_online_is_worded_from_the_setting(site: SiteFolder) -> None:
    site.write(
        "mkdocs.yml",
        site.root.joinpath("mkdocs.yml")
        .read_text()
        .replace("      partnership:", "      archive_after_years: 2\n      partnership:"),
    )
    site.write("briefs/child-a.md", brief(published="2023-06-01"))
    assert site.run("build", "--today", "2026-07-01").returncode == 0
    for page in ("briefs/index.html", "briefs/child-a/index.html", "archive/index.html"):
        html = (site.root / "site" / page).read_text()
        assert "for 2 years" in html and "one year" not in html, page


def test_builds_in_one_process_never_share_a_plan(tmp_path: Path) -> None:
    """MkDocs keeps a plugin for the whole process if it has on_startup; ours must not, or a
    later `mkdocs build` in the same process would render the plan build.py handed over."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from .conftest import MKDOCS_YML

    first, second = SiteFolder(tmp_path / "one"), SiteFolder(tmp_path / "two")
    for folder, title in ((first, "Learning from Child A"), (second, "Learning from Child B")):
        folder.write("mkdocs.yml", MKDOCS_YML)
        folder.write("content/index.md", "# Home\n")
        folder.write("briefs/child.md", brief(case=title[-1], title=title, published="2026-01-05"))
    assert first.run("build", "--today", "2026-07-01", "--no-pdfs").returncode == 0
    out = tmp_path / "direct"
    mkdocs_build(load_config(str(second.root / "mkdocs.yml"), site_dir=str(out)))
    html = (out / "briefs/child/index.html").read_text()
    assert "Learning from Child B" in html and "Child A" not in html


def test_every_page_links_the_editors_guide_and_the_partnerships_pages(
    example_site: Path,
) -> None:
    pages = [p for p in example_site.rglob("*.html") if p.name != "404.html"]
    assert len(pages) > 20
    for page in pages:
        footer = page.read_text().split('<nav class="lr-footer-links"', 1)[1].split("</nav>")[0]
        assert "For editors: writing and publishing" in footer, page
        for wanted in ("Contact us", "Request an archived document", "Accessibility statement"):
            assert wanted in footer, (page, wanted)
