"""Absent means absent: archived, embargoed and draft content is in no byte of the built site.

A fixture site holds briefs published 400, 366, 365, 364 and 10 days before --today, one
published in the future and one draft. Unique sentinel strings are planted in every part of
each (title, summary, headings, body, report PDF, an attachment's name and contents); the
whole output, compressed files included, is then scanned.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
from pathlib import Path

import pytest
from pypdf import PdfReader

from .conftest import SiteFolder, brief, make_pdf, sheet
from .test_published_files import png

TODAY = dt.date(2026, 11, 25)


def sentinels(tag: str) -> dict[str, str]:
    return {
        part: f"zq{tag}{part}zq"
        for part in ("title", "summary", "heading", "body", "pdf", "asset", "assetname")
    }


# slug -> (days before today, or a fixed marker, letter, expected state)
BRIEFS = {
    "days-400": (400, "A", "archived"),
    "days-366": (366, "B", "archived"),
    "days-365": (365, "C", "archived"),
    "days-364": (364, "D", "live"),
    "days-10": (10, "E", "live"),
    "embargoed": (-30, "F", "embargoed"),
    "unfinished": (5, "G", "draft"),
}


def write_fixture(site: SiteFolder) -> None:
    for slug, (days, letter, state) in BRIEFS.items():
        s = sentinels(slug.replace("-", ""))
        published = (TODAY - dt.timedelta(days=days)).isoformat()
        body = (
            f"## What we learned {s['heading']}\n\n{s['body']} paragraph.\n\n"
            f"See [the report](report.pdf) and [the chart](chart-{s['assetname']}.png).\n"
        )
        site.write(
            f"briefs/{slug}/index.md",
            brief(
                title=f"Brief {s['title']}",
                case=letter,
                published=published,
                summary=f"Summary {s['summary']}.",
                extra="report: report.pdf\n" + ("draft: true\n" if state == "draft" else ""),
                body=body,
            ),
        )
        make_pdf(site.root / f"briefs/{slug}/report.pdf", f"Review report {s['pdf']}")
        chart = png(f"PNG {s['asset']}")  # the planted text in the image's details
        site.write(f"briefs/{slug}/chart-{s['assetname']}.png", chart)
    # A live sheet links to an archived brief: the link must lead to its stub.
    site.write(
        "bitesize/neglect.md",
        sheet(
            body=sheet().split("---\n", 2)[2] + "\n[An older brief](../briefs/days-400/index.md)\n"
        ),
    )


def output_text(site_dir: Path) -> dict[str, bytes]:
    out = {}
    for path in sorted(site_dir.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".gz":
                data += gzip.decompress(data)
            if path.suffix == ".pdf":  # generated PDFs are compressed: their text and metadata
                reader = PdfReader(path)
                data += "".join(page.extract_text() for page in reader.pages).encode()
                data += str(reader.metadata).encode()
            out[path.relative_to(site_dir).as_posix()] = data
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    site = SiteFolder(tmp_path_factory.mktemp("absence") / "src")
    from .conftest import MKDOCS_YML

    site.write("mkdocs.yml", MKDOCS_YML)
    site.write("content/index.md", "# Home\n")
    write_fixture(site)
    result = site.run("build", "--today", TODAY.isoformat())
    assert result.returncode == 0, result.stderr
    site_dir = site.root / "site"
    return site_dir, output_text(site_dir)


def where(files: dict[str, bytes], needle: str) -> list[str]:
    return [name for name, data in files.items() if needle.encode() in data or needle in name]


@pytest.mark.parametrize("slug", [s for s, v in BRIEFS.items() if v[2] != "live"])
def test_nothing_of_an_unpublished_brief_is_in_the_site(
    built: tuple[Path, dict[str, bytes]], slug: str
) -> None:
    _, files = built
    state = BRIEFS[slug][2]
    for part, needle in sentinels(slug.replace("-", "")).items():
        if state == "archived" and part == "title":
            continue  # an archive stub keeps the title, so the document can be requested
        assert where(files, needle) == [], f"{state} brief's {part} leaked"


@pytest.mark.parametrize("slug", ["embargoed", "unfinished"])
def test_embargoed_and_draft_briefs_have_no_address_at_all(
    built: tuple[Path, dict[str, bytes]], slug: str
) -> None:
    site_dir, files = built
    assert not (site_dir / "briefs" / slug).exists()
    assert where(files, f"briefs/{slug}") == []
    assert where(files, sentinels(slug.replace("-", ""))["title"]) == []


def test_the_scan_can_fail_live_content_is_everywhere_it_should_be(
    built: tuple[Path, dict[str, bytes]],
) -> None:
    _, files = built
    for slug in ("days-364", "days-10"):
        s = sentinels(slug.replace("-", ""))
        assert "briefs/index.html" in where(files, s["title"])
        assert f"briefs/{slug}/index.html" in where(files, s["body"])
        assert "search/search_index.json" in where(files, s["body"])
        assert f"briefs/{slug}/report.pdf" in where(files, s["pdf"])
        assert f"briefs/{slug}/{slug}.pdf" in where(files, s["body"])  # the brief's own PDF
        assert f"briefs/{slug}/{slug}.pdf" in where(files, s["title"])
        assert "topics/neglect/neglect-team-meeting-pack.pdf" in where(files, s["heading"])
        assert where(files, s["assetname"])


@pytest.mark.parametrize("slug", ["days-400", "days-366", "days-365"])
def test_archived_briefs_leave_a_stub_at_the_same_address(
    built: tuple[Path, dict[str, bytes]], slug: str
) -> None:
    site_dir, files = built
    html = (site_dir / "briefs" / slug / "index.html").read_text()
    assert "This document has been archived." in html
    assert '<meta name="robots" content="noindex">' in html
    assert "available on request" in html
    assert "mailto:learning@partnership.example?subject=" in html
    assert "national case review repository" in html
    assert sorted(p.name for p in (site_dir / "briefs" / slug).iterdir()) == ["index.html"]
    title = sentinels(slug.replace("-", ""))["title"]
    # Its title only where its notice is: the notice, the archive, its topic, site search.
    assert where(files, title) == [
        "archive/index.html",
        f"briefs/{slug}/index.html",
        "search/search_index.json",
        "topics/neglect/index.html",
    ]
    assert f"/briefs/{slug}/" not in files["sitemap.xml"].decode()


def test_links_to_an_archived_brief_reach_its_stub(built: tuple[Path, dict[str, bytes]]) -> None:
    site_dir, _ = built
    html = (site_dir / "bitesize/neglect/index.html").read_text()
    assert 'href="../../briefs/days-400/"' in html


def test_the_archive_page_lists_stubs_by_year(built: tuple[Path, dict[str, bytes]]) -> None:
    site_dir, _ = built
    html = (site_dir / "archive/index.html").read_text()
    assert html.index("Published in 2025") < html.index(sentinels("days365")["title"])
    assert "Learning brief 2025-A" in html and "Learning brief 2025-C" in html


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_the_same_content_and_date_build_byte_identical_sites(tmp_path: Path) -> None:
    site = SiteFolder(tmp_path / "src")
    from .conftest import MKDOCS_YML

    site.write("mkdocs.yml", MKDOCS_YML)
    site.write("content/index.md", "# Home\n")
    write_fixture(site)
    first, second = tmp_path / "one", tmp_path / "two"
    for out in (first, second):
        result = site.run("build", "--today", TODAY.isoformat(), "--site-dir", str(out))
        assert result.returncode == 0, result.stderr
    assert digest(first) == digest(second)
