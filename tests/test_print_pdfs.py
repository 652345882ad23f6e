"""The PDFs a build makes, read back as a reader would: pages, footers, text, metadata, packs.

A small site is built once (in-process) with a brief, a brief leaving within 60 days, a 7-minute
briefing and a sheet online, and an archived, an embargoed and a draft brief; its PDFs are then
read with pypdf.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest
from mkdocs_learning.pdfs import CACHE_FOLDER
from pypdf import PdfReader

import build
from learning_resources.printing import PDFS_ENV

from .conftest import MKDOCS_YML, SiteFolder, brief, make_pdf, sheet
from .printed import pages, stranded_headings, text

TODAY = "2026-11-25"
URL = "https://example.test/"
PARTNERSHIP = "Test Safeguarding Children Partnership"
PERSON = "Jane Example"  # the site's author: never in a PDF

BRIEF_BODY = """\
## What we learned

Practitioners should stay curious. See [the neglect sheet](../bitesize/neglect.md) and
[the national guidance](https://www.gov.uk/guidance/example).

### Nobody asked the child

The child was present but not heard.

## Questions to reflect on

1. How would you know what the child's day is like?
2. Who would you tell?
"""

BRIEFING_BODY = """\
## Background

A teenager was neglected while attending school every day.

## Why it matters

Good attendance can hide a hard life at home.

## What we found

- Small signs were never put together.

## What to do

- Ask about the evening at home.

## Questions

1. Which young people might be at school to escape home?

## Further information

- [NSPCC Learning](https://learning.nspcc.org.uk/)
"""

LIVE = {
    "briefs/child-a.md": ("Learning from Child A", "briefs/child-a/child-a.pdf", 4),
    "briefs/child-l.md": ("Child L: leaving soon", "briefs/child-l/child-l.pdf", 4),
    "briefs/child-b.md": ("Child B: a 7-minute briefing", "briefs/child-b/child-b.pdf", 1),
    "bitesize/neglect.md": ("Neglect", "bitesize/neglect/neglect.pdf", 2),
}
ABSENT = {"archived": "2025-01-05", "embargoed": "2027-01-05", "unfinished": "2026-10-01"}


def write_site(site: SiteFolder) -> None:
    site.write("mkdocs.yml", MKDOCS_YML.replace("site_url:", f"site_author: {PERSON}\nsite_url:"))
    site.write("briefs/child-a.md", brief(body=BRIEF_BODY))
    site.write(
        "briefs/child-l.md",
        brief(case="L", published="2025-12-10", title='"Child L: leaving soon"'),
    )
    site.write(
        "briefs/child-b.md",
        brief(
            case="B",
            title='"Child B: a 7-minute briefing"',
            extra="layout: seven-minute\n",
            body=BRIEFING_BODY,
        ),
    )
    site.write("bitesize/neglect.md", sheet())
    for letter, (slug, published) in zip("XYZ", ABSENT.items(), strict=True):
        site.write(
            f"briefs/{slug}.md",
            brief(
                case=letter,
                title=f"Brief zq{slug}titlezq",
                published=published,
                summary=f"Summary zq{slug}summaryzq.",
                extra="draft: true\n" if slug == "unfinished" else "",
                body=f"## What we learned\n\nzq{slug}bodyzq\n",
            ),
        )


def run_build(site: SiteFolder, out: Path, *extra: str) -> int:
    return build.main(
        ["build", "--root", str(site.root), "--today", TODAY, "--site-dir", str(out), *extra]
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SiteFolder, Path]]:
    site = SiteFolder(tmp_path_factory.mktemp("print") / "src")
    write_site(site)
    site.write("content/index.md", "# Home\n")
    with pytest.MonkeyPatch.context() as env:
        env.setenv(PDFS_ENV, "1")
        assert run_build(site, site.root / "site") == 0
        yield site, site.root / "site"


def test_every_live_brief_and_sheet_has_a_pdf_within_its_page_budget(
    built: tuple[SiteFolder, Path],
) -> None:
    _, site_dir = built
    for _, pdf, budget in LIVE.values():
        count = len(PdfReader(site_dir / pdf).pages)
        assert 1 <= count <= budget, pdf


def test_archived_embargoed_and_draft_briefs_have_no_pdf(built: tuple[SiteFolder, Path]) -> None:
    _, site_dir = built
    made = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.pdf"))
    assert [p for p in made if not p.startswith("topics/")] == sorted(
        pdf for _, pdf, _ in LIVE.values()
    )
    for pdf in site_dir.rglob("*.pdf"):
        for slug in ABSENT:
            assert f"zq{slug}" not in text(pdf), pdf


def test_every_page_has_the_footer_with_the_build_date_and_the_address(
    built: tuple[SiteFolder, Path],
) -> None:
    _, site_dir = built
    for title, pdf, _ in LIVE.values():
        url = URL + pdf.rsplit("/", 1)[0] + "/"
        printed = pages(site_dir / pdf, title)
        for page in printed:
            footer = re.sub(r"(?<=[-/]) (?=\S)", "", " ".join(page.footer[:-1]))
            assert footer == (
                f"{title} Printed on 25 November 2026. The current version is at {url}"
            ), (pdf, page.number)
            assert page.footer[-1] == f"Page {page.number} of {len(printed)}"


def test_no_heading_is_the_last_line_of_a_page(built: tuple[SiteFolder, Path]) -> None:
    _, site_dir = built
    for title, pdf, _ in LIVE.values():
        html = (site_dir / pdf).with_name("index.html").read_text()
        assert stranded_headings(site_dir / pdf, html, title) == [], pdf


def test_the_heading_check_can_fail(tmp_path: Path) -> None:
    """A heading forced to the foot of a page is found (the check above can fail)."""
    from weasyprint import HTML

    html = (
        "<html><head><style>@page { size: A4; margin: 20mm }</style></head><body>"
        '<h1>Title</h1><div style="height: 200mm"></div><h2>Stranded heading</h2>'
        '<p style="break-before: page">Next page.</p></body></html>'
    )
    pdf = HTML(string=html).write_pdf()
    assert len(PdfReader(BytesIO(pdf)).pages) == 2
    assert stranded_headings(pdf, html, "Title") == [(1, "Stranded heading")]


def test_pdfs_have_the_document_text_and_no_site_navigation(
    built: tuple[SiteFolder, Path],
) -> None:
    _, site_dir = built
    printed = text(site_dir / "briefs/child-a/child-a.pdf")
    assert "Practitioners should stay curious." in printed
    assert "How would you know what the child's day is like?" in printed
    for chrome in ("Skip to content", "Search", "Made with", "Back to top", "Copy link", "Print"):
        assert chrome not in printed.replace("Printed on", ""), chrome


def test_links_print_with_their_full_address(built: tuple[SiteFolder, Path]) -> None:
    _, site_dir = built
    printed = re.sub(r"\s+", "", text(site_dir / "briefs/child-a/child-a.pdf"))
    assert "thenationalguidance(https://www.gov.uk/guidance/example)" in printed
    assert "theneglectsheet(https://example.test/bitesize/neglect/)" in printed


def test_pdf_metadata_names_the_partnership_and_no_person(built: tuple[SiteFolder, Path]) -> None:
    _, site_dir = built
    for title, pdf, _ in LIVE.values():
        reader = PdfReader(site_dir / pdf)
        meta = dict(reader.metadata or {})
        assert meta["/Title"] == title
        assert meta["/Author"] == PARTNERSHIP
        assert meta["/Subject"].split(": ", 1)[1] in (
            "What the review found, in general terms.",  # the summary, after the kind
            "A short overview of the issue.",
        )
        assert meta["/CreationDate"].startswith("D:20261125")
        assert PERSON not in str(meta) and reader.xmp_metadata is None
        assert PERSON not in text(site_dir / pdf)


def test_a_briefing_is_one_page_with_a_box_for_the_team_s_actions(
    built: tuple[SiteFolder, Path],
) -> None:
    _, site_dir = built
    printed = text(site_dir / "briefs/child-b/child-b.pdf")
    assert "7-minute briefing" in printed
    assert "Our team's actions" in printed
    order = [printed.index(t) for t in ("Background", "What we found", "Questions", "Our team")]
    assert order == sorted(order)


def test_a_brief_leaving_soon_says_so_on_screen_and_on_paper(
    built: tuple[SiteFolder, Path],
) -> None:
    _, site_dir = built
    notice = "Online until 9 December 2026; after that available on request."
    assert notice in (site_dir / "briefs/child-l/index.html").read_text()
    assert notice in text(site_dir / "briefs/child-l/child-l.pdf")
    assert "after that available on request" not in text(site_dir / "briefs/child-a/child-a.pdf")


def test_pages_link_their_pdf_with_its_length_and_size(built: tuple[SiteFolder, Path]) -> None:
    _, site_dir = built
    for _, pdf, _ in LIVE.values():
        page = (site_dir / pdf).with_name("index.html").read_text()
        count = len(PdfReader(site_dir / pdf).pages)
        kilobytes = max(1, round((site_dir / pdf).stat().st_size / 1024))
        name = pdf.rsplit("/", 1)[1]
        pattern = rf'<a href="{name}"[^>]* data-lr-pdf(="")?>Download PDF \({count} pages?, '
        assert re.search(pattern + rf"{kilobytes} KB\)</a>", page), pdf


def test_each_topic_page_links_its_pack_of_live_documents(built: tuple[SiteFolder, Path]) -> None:
    _, site_dir = built
    pack = site_dir / "topics/neglect/neglect-team-meeting-pack.pdf"
    page = (site_dir / "topics/neglect/index.html").read_text()
    assert re.search(r'<a href="neglect-team-meeting-pack.pdf"[^>]*>Download a team', page)
    printed = text(pack)
    assert "Neglect: team-meeting pack" in printed
    assert "Suggested running order" in printed and "Questions for discussion" in printed
    for title, _, _ in LIVE.values():
        assert title in printed
    assert "Which young people might be at school to escape home?" in printed
    assert "zq" not in printed
    # A topic with nothing online has no pack and no link.
    assert (
        not (site_dir / "topics/safe-sleep").joinpath("safe-sleep-team-meeting-pack.pdf").exists()
    )
    assert "data-lr-pdf" not in (site_dir / "topics/safe-sleep/index.html").read_text()


def test_the_pack_command_makes_a_topic_pack(
    built: tuple[SiteFolder, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site, site_dir = built
    out = tmp_path / "meeting.pdf"
    args = ["pack", "--root", str(site.root), "--today", TODAY, "--topic", "neglect"]
    assert build.main([*args, "--out", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"Wrote {out}: ")
    reader = PdfReader(out)
    document_pages = sum(len(PdfReader(site_dir / pdf).pages) for _, pdf, _ in LIVE.values())
    assert len(reader.pages) == 1 + document_pages + 1  # cover, documents, questions
    assert [o.title for o in reader.outline if not isinstance(o, list)] == [
        "Cover and running order",
        "Neglect",
        "Child B: a 7-minute briefing",
        "Learning from Child A",
        "Child L: leaving soon",
        "Questions",
    ]
    assert (
        out.read_bytes() == (site_dir / "topics/neglect/neglect-team-meeting-pack.pdf").read_bytes()
    )


def test_the_pack_command_takes_a_list_of_documents(
    built: tuple[SiteFolder, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site, _ = built
    monkeypatch.chdir(site.root)
    out = tmp_path / "chosen.pdf"
    args = ["pack", "--root", ".", "--today", TODAY, "--out", str(out)]
    assert build.main([*args, "bitesize/neglect.md", "briefs/child-b.md"]) == 0
    printed = text(out)
    assert printed.index("Neglect") < printed.index("Child B: a 7-minute briefing")
    assert "Learning from Child A" not in printed


@pytest.mark.parametrize(
    ("choice", "message"),
    [
        (["--topic", "neglet"], "No pack was made: there is no topic 'neglet'; did you mean"),
        (["briefs/archived.md"], "briefs/archived.md is archived: only live documents"),
    ],
)
def test_the_pack_command_refuses_what_it_cannot_pack(
    built: tuple[SiteFolder, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    choice: list[str],
    message: str,
) -> None:
    site, _ = built
    monkeypatch.chdir(site.root)
    assert build.main(["pack", "--root", ".", "--today", TODAY, *choice]) == 1
    assert message in capsys.readouterr().err


def test_the_same_content_and_date_give_the_same_pdf_bytes(
    built: tuple[SiteFolder, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site, site_dir = built
    monkeypatch.setenv(PDFS_ENV, "1")
    shutil.rmtree(site.root / CACHE_FOLDER)  # rendered again, not copied from the cache
    assert run_build(site, tmp_path / "again") == 0
    for pdf in site_dir.rglob("*.pdf"):
        again = tmp_path / "again" / pdf.relative_to(site_dir)
        assert again.read_bytes() == pdf.read_bytes(), pdf


def test_unchanged_documents_come_from_the_cache(
    built: tuple[SiteFolder, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site, _ = built
    monkeypatch.setenv(PDFS_ENV, "1")
    cache = site.root / CACHE_FOLDER
    assert run_build(site, tmp_path / "one") == 0
    before = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    assert run_build(site, tmp_path / "two") == 0
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == before
    site.write("briefs/child-a.md", brief(body=BRIEF_BODY + "\nOne more line.\n"))
    try:
        assert run_build(site, tmp_path / "three") == 0
        after = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
        new = after.keys() - before.keys()
        assert len(new) >= 1  # the changed brief (and the packs it is in)
        assert all(after[name] == before[name] for name in before)
    finally:
        site.write("briefs/child-a.md", brief(body=BRIEF_BODY))


def test_pdfs_can_be_turned_off_for_a_quick_preview(
    built: tuple[SiteFolder, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site, _ = built
    monkeypatch.setenv(PDFS_ENV, "1")
    assert run_build(site, tmp_path / "quick", "--no-pdfs") == 0
    assert list((tmp_path / "quick").rglob("*.pdf")) == []
    assert "data-lr-pdf" not in (tmp_path / "quick/briefs/child-a/index.html").read_text()
    assert "data-lr-pdf" not in (tmp_path / "quick/topics/neglect/index.html").read_text()


def test_a_document_over_its_page_budget_is_a_warning_with_its_file(
    site: SiteFolder, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(PDFS_ENV, "1")
    long_body = (
        sheet()
        .split("---\n", 2)[2]
        .replace("What the issue is.", "\n\n".join(["A long paragraph of guidance. " * 12] * 40))
    )
    site.write("bitesize/neglect.md", sheet(body=long_body))
    assert build.main(["build", "--root", str(site.root), "--today", TODAY]) == 0
    err = capsys.readouterr().err
    assert re.search(
        r"bitesize/neglect\.md:1:1: warning: prints on \d+ A4 pages; a bite-size sheet should "
        r"fit on 2 .*\[print\.page_budget\]",
        err,
    )


def test_a_pdf_that_cannot_be_made_fails_the_build_clearly(
    site: SiteFolder, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object) -> None:
        raise OSError("cannot load library 'libpango-1.0-0'")

    monkeypatch.setenv(PDFS_ENV, "1")
    monkeypatch.setattr("mkdocs_learning.pdfs.render_all", broken)
    site.write("bitesize/neglect.md", sheet())
    assert build.main(["build", "--root", str(site.root), "--today", TODAY]) == 1
    err = capsys.readouterr().err
    assert "the PDFs could not be made: cannot load library 'libpango-1.0-0'" in err
    assert "Traceback" not in err
    assert not (site.root / "site").exists()


def test_a_pdf_cache_made_elsewhere_is_never_used(
    built: tuple[SiteFolder, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache committed to the repository (made on an editor's machine, then changed) was
    once published as the documents' PDFs, unchecked: only this user's own cache is used."""
    site, _ = built
    monkeypatch.setenv(PDFS_ENV, "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "their-machine"))
    cache = site.root / CACHE_FOLDER
    shutil.rmtree(cache, ignore_errors=True)
    assert run_build(site, tmp_path / "theirs") == 0
    forged = tmp_path / "forged.pdf"
    make_pdf(forged, "Forged text naming Tyler Smith")
    for entry in cache.iterdir():
        shutil.copy(forged, entry)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "the-runner"))
    assert run_build(site, tmp_path / "ours") == 0
    published = list((tmp_path / "ours").rglob("*.pdf"))
    assert published
    assert all(p.read_bytes() != forged.read_bytes() for p in published)
    assert all("Forged" not in text(p.read_bytes()) for p in published)
