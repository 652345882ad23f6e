"""The post-build audit reads a built site back and finds what must not be there.

It passes on the example site (built on days when its briefs are embargoed, live or archived)
and on the absence fixture; it fails, naming the built file and the document, when text of an
archived, embargoed or draft brief, or an identifier, is slipped into a built copy: an HTML
page, the search index, a .gz file, a PDF, a copied attachment.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import shutil
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from learning_resources.audit import audit_site, words_of
from learning_resources.pipeline import check_site
from learning_resources.plan import SitePlan
from learning_resources.problems import Problem

from .conftest import MKDOCS_YML, PROJECT, SiteFolder, brief, make_pdf
from .test_absence import BRIEFS, TODAY, sentinels, write_fixture

sys.path.insert(0, str(PROJECT))
import build

EXAMPLE_DAY = dt.date(2026, 10, 1)  # two briefs archived, one embargoed, the rest live
ARCHIVED_SENTENCE = "Each setting assumed the other was leading on safeguarding."
ARCHIVED_BRIEF = "briefs/young-person-a-exploitation.md"
EMBARGOED_TITLE = "Young Person H: online radicalisation and turning eighteen"
EMBARGOED_BRIEF = "briefs/young-person-h-online-radicalisation.md"
LIVE_PAGE = "briefs/child-d-domestic-abuse/index.html"


@contextmanager
def same_environment() -> Iterator[None]:
    """`build` sets environment variables for MkDocs; other tests must not see them."""
    saved = dict(os.environ)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def build_site(root: Path, site_dir: Path, today: dt.date) -> SitePlan:
    with same_environment():
        args = ["--root", str(root), "--today", today.isoformat(), "--site-dir", str(site_dir)]
        code = build.main(["build", *args])
    assert code == 0
    plan = check_site(root, today).plan
    assert plan is not None
    return plan


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, SitePlan]:
    site_dir = tmp_path_factory.mktemp("example") / "site"
    return site_dir, build_site(PROJECT, site_dir, EXAMPLE_DAY)


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, SitePlan]:
    """The absence tests' site: briefs in every state, with sentinel strings in every part."""
    site = SiteFolder(tmp_path_factory.mktemp("absence") / "src")
    site.write("mkdocs.yml", MKDOCS_YML)
    site.write("content/index.md", "# Home\n")
    write_fixture(site)
    return site.root / "site", build_site(site.root, site.root / "site", TODAY)


Change = Callable[[Path], None]
Found = dict[str, list[Problem]]  # built file -> its problems


def audit_changed(built: tuple[Path, SitePlan], copy: Path, changes: Iterable[Change]) -> Found:
    """Audit a copy of a built site after `changes` have been made to it (in different files)."""
    site_dir, plan = built
    shutil.copytree(site_dir, copy)
    for change in changes:
        change(copy)
    found: Found = defaultdict(list)
    for problem in audit_site(copy, plan):
        found[problem.path].append(problem)
    return found


def add_to_page(relpath: str, html: str) -> Change:
    def change(site: Path) -> None:
        page = site / relpath
        page.write_text(page.read_text().replace("</article>", html + "</article>", 1))

    return change


def only(problems: list[Problem], rule: str = "audit.leak") -> Problem:
    assert [p.rule for p in problems] == [rule], problems
    return problems[0]


# --- It passes where nothing is wrong -----------------------------------------------------


def test_the_example_site_passes(example: tuple[Path, SitePlan]) -> None:
    site_dir, plan = example
    states = {e.state.value for e in plan.entries}
    assert {"live", "archived", "embargoed"} <= states
    assert audit_site(site_dir, plan) == []


@pytest.mark.parametrize("day", ["2023-06-01", "2031-01-01"])  # every brief embargoed; archived
def test_the_example_site_passes_on_other_days(tmp_path: Path, day: str) -> None:
    site_dir = tmp_path / "site"
    plan = build_site(PROJECT, site_dir, dt.date.fromisoformat(day))
    assert audit_site(site_dir, plan) == []


def test_the_fixture_with_every_state_passes(fixture_site: tuple[Path, SitePlan]) -> None:
    assert audit_site(*fixture_site) == []


# --- It fails, naming the file and the document, when something slips in -----------------
# Each test slips its text into a file of its own of one copy of the site, audited once.

DISGUISED_PAGE = "briefs/child-e-disabled-child-escalation/index.html"
IDENTIFIER_PAGE = "bitesize/neglect/index.html"
PDF = "briefs/child-d-domestic-abuse/notes.pdf"


def _title_in_search_index(site: Path) -> None:
    index = site / "search/search_index.json"
    data = json.loads(index.read_text())
    data["docs"][2]["text"] += f" <p>{EMBARGOED_TITLE}</p>"
    index.write_text(json.dumps(data))


def _address_in_sitemap(site: Path) -> None:
    sitemap = site / "sitemap.xml.gz"
    xml = gzip.decompress(sitemap.read_bytes()).replace(
        b"</urlset>",
        b"<url><loc>https://x.example/briefs/young-person-h-online-radicalisation/</loc>"
        b"</url></urlset>",
    )
    sitemap.write_bytes(gzip.compress(xml))


def _heading_in_feed(site: Path) -> None:
    feed = site / "feed.xml"
    heading = "&lt;h3&gt;Each missing episode was handled on its own&lt;/h3&gt;"
    feed.write_text(feed.read_text().replace("</summary>", heading + "</summary>", 1))


def _pdf(site: Path) -> None:
    make_pdf(site / PDF, f"{ARCHIVED_SENTENCE} NM1 4AB")


def _damaged(site: Path) -> None:
    (site / "assets/damaged.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<\n")
    (site / "assets/damaged.js.gz").write_bytes(b"\x1f\x8b not really compressed")


EXAMPLE_CHANGES = [
    _damaged,
    add_to_page(LIVE_PAGE, f"<p>{ARCHIVED_SENTENCE}</p>"),
    add_to_page(
        DISGUISED_PAGE,
        "<p>Each <em>setting</em> assumed the\n   other was "
        "<a href='#x'>leading</a> on safeguarding&#46;</p>",
    ),
    add_to_page(
        IDENTIFIER_PAGE, "<p>Ring 07700 900123, or call at NM1 4AB. Listed as MARAC-19-0421.</p>"
    ),
    _title_in_search_index,
    _address_in_sitemap,
    _heading_in_feed,
    _pdf,
]


@pytest.fixture(scope="module")
def example_changed(
    example: tuple[Path, SitePlan], tmp_path_factory: pytest.TempPathFactory
) -> Found:
    return audit_changed(example, tmp_path_factory.mktemp("changed") / "site", EXAMPLE_CHANGES)


def test_only_the_changed_files_have_problems(example_changed: Found) -> None:
    assert sorted(example_changed) == sorted(
        [
            LIVE_PAGE,
            DISGUISED_PAGE,
            IDENTIFIER_PAGE,
            "search/search_index.json",
            "sitemap.xml.gz",
            "feed.xml",
            PDF,
            "assets/damaged.pdf",
            "assets/damaged.js.gz",
        ]
    )


def test_a_file_it_cannot_read_is_a_problem(example_changed: Found) -> None:
    for path in ("assets/damaged.pdf", "assets/damaged.js.gz"):
        assert only(example_changed[path], "audit.unreadable").message.startswith(
            "the audit cannot read this file"
        )


def test_an_archived_sentence_in_a_page(example_changed: Found) -> None:
    found = only(example_changed[LIVE_PAGE])
    assert found.message.startswith(f"a sentence of {ARCHIVED_BRIEF}, which is archived")
    assert found.text == ARCHIVED_SENTENCE
    assert found.line > 1


def test_markup_and_entities_do_not_hide_a_sentence(example_changed: Found) -> None:
    assert ARCHIVED_BRIEF in only(example_changed[DISGUISED_PAGE]).message


def test_an_embargoed_title_in_the_search_index(example_changed: Found) -> None:
    found = only(example_changed["search/search_index.json"])
    assert found.message.startswith(f"the title of {EMBARGOED_BRIEF}, which is embargoed")


def test_an_embargoed_address_in_a_gzip_file(example_changed: Found) -> None:
    found = only(example_changed["sitemap.xml.gz"])
    assert found.message.startswith(f"the address of {EMBARGOED_BRIEF}")


def test_an_archived_heading_in_the_feed(example_changed: Found) -> None:
    assert only(example_changed["feed.xml"]).message.startswith(f"a heading of {ARCHIVED_BRIEF}")


def test_a_planted_phone_number_and_postcode(example_changed: Found) -> None:
    problems = example_changed[IDENTIFIER_PAGE]
    assert [(p.rule, p.text) for p in problems] == [
        ("audit.identifier", "NM1 4AB"),
        ("audit.identifier", "MARAC-19-0421"),  # though "MARAC" alone is allowed
        ("audit.identifier", "07700 900123"),
    ]
    assert "built from bitesize/neglect.md" in problems[0].message


def test_a_pdf_with_an_archived_sentence_and_a_postcode(example_changed: Found) -> None:
    assert sorted(p.rule for p in example_changed[PDF]) == ["audit.identifier", "audit.leak"]


def _sentinels_in_pages(site: Path) -> None:
    """Each sentinel of the absence fixture, as written there, in a page of its own."""
    for slug in BRIEFS:
        s = sentinels(slug.replace("-", ""))
        as_written = {
            "title": f"Brief {s['title']}",
            "summary": f"Summary {s['summary']}.",
            "heading": f"What we learned {s['heading']}",
            "body": f"{s['body']} paragraph.",
            "pdf": f"Review report {s['pdf']}",
            "asset": f"PNG {s['asset']}",
            "assetname": f"chart-{s['assetname']}.png",
        }
        for part, text in as_written.items():
            page = site / f"planted/{slug}-{part}.html"
            page.parent.mkdir(exist_ok=True)
            page.write_text(f"<html><body><article><p>{text}</p></article></body></html>")


def _draft_sentence_in_gzip(site: Path) -> None:
    page = f"<html><body><p>{sentinels('unfinished')['body']} paragraph.</p></body></html>"
    (site / "extra.html.gz").write_bytes(gzip.compress(page.encode()))


def _copy(source: Path, target: str) -> Change:
    def change(site: Path) -> None:
        shutil.copy(source, site / target)

    return change


@pytest.fixture(scope="module")
def fixture_changed(
    fixture_site: tuple[Path, SitePlan], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Found]:
    copy = tmp_path_factory.mktemp("absence-changed") / "site"
    briefs = fixture_site[1].site.root / "briefs"
    changes = [
        _sentinels_in_pages,
        _draft_sentence_in_gzip,
        _copy(briefs / "unfinished/report.pdf", "briefs/days-10/report.pdf"),
        _copy(next(briefs.glob("days-400/chart-*.png")), "briefs/days-400/pictures.png"),
    ]
    return copy, audit_changed(fixture_site, copy, changes)


def test_every_part_of_an_unpublished_brief_is_recognised(
    fixture_changed: tuple[Path, Found],
) -> None:
    _, found = fixture_changed
    for slug, (_, _, state) in BRIEFS.items():
        for part in sentinels(""):
            problems = found.get(f"planted/{slug}-{part}.html", [])
            if state == "live" or (state == "archived" and part == "title"):
                assert problems == []  # live text, and titles that archive notices show
            else:
                message = only(problems).message
                assert f"briefs/{slug}/index.md, which is {state}" in message, (slug, part)


def test_a_draft_sentence_in_a_gzip_file(fixture_changed: tuple[Path, Found]) -> None:
    _, found = fixture_changed
    assert "briefs/unfinished/index.md" in only(found["extra.html.gz"]).message


def test_a_copy_of_a_draft_attachment(fixture_changed: tuple[Path, Found]) -> None:
    _, found = fixture_changed
    messages = [p.message for p in found["briefs/days-10/report.pdf"]]
    assert any(m.startswith("a copy of an attachment of briefs/unfinished/") for m in messages)


def test_an_archived_attachment_at_its_old_address(fixture_changed: tuple[Path, Found]) -> None:
    _, found = fixture_changed
    messages = [p.message for p in found["briefs/days-400/pictures.png"]]
    assert any(m.startswith("a copy of an attachment of briefs/days-400/") for m in messages)


# --- What is not evidence of a leak -------------------------------------------------------


def test_shared_text_allowed_identifiers_and_waivers_are_not_problems(site: SiteFolder) -> None:
    shared = "Practitioners should ask about every adult in the household."
    site.write(
        "mkdocs.yml",
        MKDOCS_YML.replace(
            "      contact_email:", "      allowed_terms: ['0115 496 0250']\n      contact_email:"
        ),
    )
    site.write(
        "briefs/old.md",
        brief(case="A", published="2024-01-10", body=f"## Older\n\n{shared} Only here once.\n"),
    )
    site.write(
        "briefs/new.md",
        brief(
            case="B",
            published="2026-09-01",
            extra=(
                "waivers:\n  - text: Operation ABC-12345\n    rule: anon.reference\n"
                "    reason: a national campaign's name\n"
            ),
            body=(
                f"## Newer\n\n{shared}\n\nCall the partnership on 0115 496 0250 or write to "
                "learning@partnership.example. See Operation ABC-12345.\n"
            ),
        ),
    )
    plan = build_site(site.root, site.root / "site", EXAMPLE_DAY)
    assert [e.state.value for e in plan.entries if e.document.kind.value == "brief"] == [
        "live",
        "archived",
    ]
    assert audit_site(site.root / "site", plan) == []
    # ... while the archived brief's own sentence would be found:
    copy = site.root / "site/briefs/new/index.html"
    copy.write_text(copy.read_text().replace("</article>", "<p>Only here once.</p></article>"))
    assert only(audit_site(site.root / "site", plan)).message.startswith(
        "a sentence of briefs/old.md"
    )


def test_words_ignore_case_punctuation_and_compatibility_forms() -> None:
    assert words_of("Child’s  ﬁrst\u00a0Home-visit!") == ["child", "s", "first", "home", "visit"]


# --- The command ---------------------------------------------------------------------------


def audit_command(
    capsys: pytest.CaptureFixture[str], root: Path, *args: str
) -> tuple[int, str, str]:
    code = build.main(["audit", *args, "--root", str(root), "--today", TODAY.isoformat()])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_exits_0_on_a_clean_site(
    fixture_site: tuple[Path, SitePlan], capsys: pytest.CaptureFixture[str]
) -> None:
    _, plan = fixture_site
    code, out, _ = audit_command(capsys, plan.site.root)  # SITE_DIR defaults to site/
    assert code == 0
    assert "files checked: no problems found." in out


def test_the_command_exits_1_and_masks_the_text_in_github_format(
    fixture_site: tuple[Path, SitePlan],
    fixture_changed: tuple[Path, Found],
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, plan = fixture_site
    copy, _ = fixture_changed
    title = f"Brief {sentinels('embargoed')['title']}"
    code, out, _ = audit_command(capsys, plan.site.root, str(copy), "--format", "github")
    assert code == 1
    assert "::error file=planted/embargoed-title.html,line=1,col=1,title=audit.leak::" in out
    assert title not in out and "'B**** z" in out
    code, out, _ = audit_command(capsys, plan.site.root, str(copy), "--format", "json")
    assert code == 1
    assert title in [p["text"] for p in json.loads(out)["problems"]]


def test_a_missing_site_folder_is_a_usage_error(
    fixture_site: tuple[Path, SitePlan], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _, plan = fixture_site
    code, _, err = audit_command(capsys, plan.site.root, str(tmp_path / "nowhere"))
    assert code == 2
    assert "is not a folder" in err


def test_a_build_whose_output_fails_the_audit_leaves_the_old_site(
    site: SiteFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fault that would publish an archived brief's text is caught before the swap."""
    from mkdocs_learning import render

    site.write(
        "briefs/old.md",
        brief(published="2025-01-10", body="## What we learned\n\nA zqsecretzq sentence here.\n"),
    )
    assert site.run("build", "--today", "2026-07-01").returncode == 0
    before = (site.root / "site/briefs/old/index.html").read_bytes()
    stub = render.archive_stub

    def leaky_stub(entry: object, settings: object) -> str:
        return stub(entry, settings) + "\n\n" + entry.document.source.body  # type: ignore[attr-defined, arg-type]

    monkeypatch.setattr(render, "archive_stub", leaky_stub)
    result = site.run("build", "--today", "2026-07-01")
    assert result.returncode == 1
    assert "briefs/old/index.html" in result.stderr and "[audit.leak]" in result.stderr
    assert "The audit of the new site failed" in result.stderr
    assert (site.root / "site/briefs/old/index.html").read_bytes() == before
    assert not list(site.root.glob(".site-build-*"))
