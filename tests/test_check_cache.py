"""The check cache: what it keeps, what invalidates it, and that it never changes a result.

No test here times anything: "was it checked again?" is answered by counting calls.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from learning_resources import check_cache, loading, parallel, pipeline
from learning_resources.check_cache import CACHE_FILE, CACHE_FOLDER, CheckCache
from learning_resources.pipeline import check_site, published_checks
from learning_resources.plan import plan_site
from learning_resources.settings import load_settings

from .conftest import SHEET_BODY, SiteFolder, brief, make_pdf, sheet

TODAY = dt.date(2026, 11, 25)


@pytest.fixture(autouse=True)
def own_key_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The signing key lives in the user's cache folder: here, one of the test's own."""
    folder = tmp_path / "user-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """The documents read and checked afresh (not taken from the cache), by path."""
    seen: dict[str, list[str]] = {"read": [], "checked": []}
    read, checked = loading._read, pipeline._check_published

    def counting_read(candidate: loading.Candidate, *args: object) -> object:
        seen["read"].append(candidate.relpath)
        return read(candidate, *args)  # type: ignore[arg-type]

    def counting_check(work: pipeline._Published) -> object:
        seen["checked"].append(work.document.path)
        return checked(work)

    monkeypatch.setattr(loading, "_read", counting_read)
    monkeypatch.setattr(pipeline, "_check_published", counting_check)
    return seen


def png_with_author(author: str) -> bytes:
    info = PngInfo()
    info.add_text("Author", author)
    out = io.BytesIO()
    Image.new("RGB", (4, 4)).save(out, "PNG", pnginfo=info)
    return out.getvalue()


def varied_site(site: SiteFolder) -> SiteFolder:
    """Documents in every state, with problems of every kind, a report and an image."""
    site.write(
        "briefs/child-a/index.md",
        brief(
            case="A",
            extra="report: report.pdf\n",
            body="## What we learned\n\nTyler Smith was seen.\n\n![a chart](chart.png)\n",
        ),
    )
    make_pdf(site.root / "briefs/child-a/report.pdf", "Seen at NG7 2AB.")
    site.write("briefs/child-a/chart.png", png_with_author("Kacper Nowak"))
    site.write("briefs/child-b.md", brief(case="B", published="2025-01-10", body="Jo Bloggs.\n"))
    site.write(
        "briefs/child-c.md", brief(case="C", extra="draft: true\n", body="<script>x</script>\n")
    )
    site.write("briefs/child-d.md", brief(case="D", published="2026-13-01"))
    site.write("bitesize/neglect.md", sheet(last_reviewed="2022-01-10"))
    site.write("content/about.md", "# About\n\nCall 07700 900123.\n")
    return site


def test_a_warm_cache_gives_the_same_report_without_checking_again(
    site: SiteFolder, calls: dict[str, list[str]]
) -> None:
    varied_site(site)
    uncached = check_site(site.root, TODAY)
    assert {p.rule for p in uncached.problems} >= {
        "anon.name",
        "anon.postcode",
        "anon.image_metadata",
        "html.element",
        "schema.date",
        "lifecycle.review_due",
    }
    cold = check_site(site.root, TODAY, cache=True)
    assert (site.root / CACHE_FOLDER / CACHE_FILE).is_file()
    calls["read"].clear(), calls["checked"].clear()
    warm = check_site(site.root, TODAY, cache=True)
    assert calls == {"read": [], "checked": []}
    assert uncached.problems == cold.problems == warm.problems
    assert uncached.site and warm.site
    for warm_document, document in zip(warm.site.documents, uncached.site.documents, strict=True):
        assert warm_document == document  # fields, positions, spans, the source


def test_a_changed_document_is_checked_again_and_only_it(
    site: SiteFolder, calls: dict[str, list[str]]
) -> None:
    varied_site(site)
    check_site(site.root, TODAY, cache=True)
    calls["read"].clear(), calls["checked"].clear()
    site.write("briefs/child-b.md", brief(case="B", published="2026-06-01", body="Mo Khan.\n"))
    report = check_site(site.root, TODAY, cache=True)
    assert calls == {"read": ["briefs/child-b.md"], "checked": ["briefs/child-b.md"]}
    assert report.problems == check_site(site.root, TODAY).problems
    assert "Mo Khan" in [p.text for p in report.problems]


def test_a_changed_report_or_image_is_scanned_again(
    site: SiteFolder, calls: dict[str, list[str]]
) -> None:
    varied_site(site)
    check_site(site.root, TODAY, cache=True)
    make_pdf(site.root / "briefs/child-a/report.pdf", "Nothing to see.")
    plain = io.BytesIO()
    Image.new("RGB", (4, 4)).save(plain, "PNG")
    site.write("briefs/child-a/chart.png", plain.getvalue())
    calls["read"].clear(), calls["checked"].clear()
    report = check_site(site.root, TODAY, cache=True)
    assert calls == {"read": [], "checked": ["briefs/child-a/index.md"]}
    assert report.problems == check_site(site.root, TODAY).problems
    attachments = ("briefs/child-a/report.pdf", "briefs/child-a/chart.png")
    assert [p for p in report.problems if p.path in attachments] == []


def test_a_missing_report_is_noticed_though_the_brief_is_unchanged(site: SiteFolder) -> None:
    varied_site(site)
    check_site(site.root, TODAY, cache=True)
    (site.root / "briefs/child-a/report.pdf").unlink()
    report = check_site(site.root, TODAY, cache=True)
    assert "schema.report" in [p.rule for p in report.problems]
    assert report.problems == check_site(site.root, TODAY).problems


def test_changed_settings_start_afresh(site: SiteFolder, calls: dict[str, list[str]]) -> None:
    varied_site(site)
    check_site(site.root, TODAY, cache=True)
    yml = (site.root / "mkdocs.yml").read_text()
    site.write(
        "mkdocs.yml",
        yml.replace("      topics:", "      allowed_terms: [Jo Bloggs]\n      topics:"),
    )
    calls["read"].clear(), calls["checked"].clear()
    report = check_site(site.root, TODAY, cache=True)
    assert len(calls["read"]) == len(calls["checked"]) == 7
    assert "Jo Bloggs" not in [p.text for p in report.problems]
    assert report.problems == check_site(site.root, TODAY).problems


def test_a_new_checker_version_starts_afresh(
    site: SiteFolder, calls: dict[str, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    varied_site(site)
    check_site(site.root, TODAY, cache=True)
    assert check_cache.checker_version() == check_cache.checker_version()  # computed once
    monkeypatch.setattr(check_cache, "checker_version", lambda: "a newer checker")
    calls["read"].clear(), calls["checked"].clear()
    check_site(site.root, TODAY, cache=True)
    assert len(calls["read"]) == len(calls["checked"]) == 7


def test_the_version_covers_the_code_and_the_word_lists() -> None:
    check_cache.checker_version.cache_clear()
    try:
        package = Path(check_cache.__file__).parent
        covered = {p.relative_to(package).as_posix() for p in package.rglob("*") if p.is_file()}
        assert {
            "pipeline.py",
            "anonymisation/names.py",
            "anonymisation/data/names.txt.gz",
        } <= covered
        assert len(check_cache.checker_version()) == 64
    finally:
        check_cache.checker_version.cache_clear()


def test_another_day_checks_what_it_changes(site: SiteFolder, calls: dict[str, list[str]]) -> None:
    """Child A's brief, published 2026-06-01, is archived a year later: then only its title
    is published and checked. Its reading is kept; the lifecycle is worked out every time."""
    varied_site(site)
    later = dt.date(2027, 6, 2)
    expected = {today: check_site(site.root, today).problems for today in (TODAY, later)}
    assert "Tyler Smith" in [p.text for p in expected[TODAY]]
    assert "Tyler Smith" not in [p.text for p in expected[later]]
    check_site(site.root, TODAY, cache=True)
    for number, today in enumerate((later, TODAY, later)):
        calls["read"].clear(), calls["checked"].clear()
        assert check_site(site.root, today, cache=True).problems == expected[today]
        assert calls["read"] == []
        # the first time on the later day, the archived brief's title alone is checked
        assert calls["checked"] == (["briefs/child-a/index.md"] if number == 0 else [])


def test_deleting_the_cache_changes_nothing(site: SiteFolder) -> None:
    varied_site(site)
    first = check_site(site.root, TODAY, cache=True)
    for path in (site.root / CACHE_FOLDER).iterdir():
        path.unlink()
    (site.root / CACHE_FOLDER).rmdir()
    assert check_site(site.root, TODAY, cache=True).problems == first.problems


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: data[: len(data) // 2],
        lambda data: b"\xff\xfe\x00garbage",
        lambda data: data.replace(b'"problems"', b'"problemz"', 1),
        lambda data: data.split(b"\n", 1)[0] + b"\n[1, 2, 3]",
    ],
    ids=["empty", "truncated", "binary", "edited", "not an object"],
)
def test_a_damaged_cache_is_ignored(site: SiteFolder, damage: object) -> None:
    varied_site(site)
    expected = check_site(site.root, TODAY).problems
    check_site(site.root, TODAY, cache=True)
    path = site.root / CACHE_FOLDER / CACHE_FILE
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    assert check_site(site.root, TODAY, cache=True).problems == expected
    assert check_site(site.root, TODAY, cache=True).problems == expected  # and mended


def test_a_signed_cache_of_the_wrong_shape_is_ignored_entry_by_entry(
    site: SiteFolder, own_key_folder: Path
) -> None:
    varied_site(site)
    expected = check_site(site.root, TODAY).problems
    check_site(site.root, TODAY, cache=True)
    path = site.root / CACHE_FOLDER / CACHE_FILE
    data = json.loads(path.read_bytes().split(b"\n", 1)[1])
    entries = data["entries"]
    entries["briefs/child-b.md"]["reading"] = {"checked": [1, 2], "problems": "x"}
    entries["briefs/child-a/index.md"]["checks"] = {
        k: [[["a"]], 7] for k in entries["briefs/child-a/index.md"]["checks"]
    }
    entries["bitesize/neglect.md"]["reading"]["checked"][0] = {"nonsense": 1}
    payload = json.dumps(data).encode()
    key = (own_key_folder / "learning-resources/cache-key").read_bytes()
    import hashlib
    import hmac

    signature = hmac.new(key, payload, hashlib.sha256).hexdigest().encode()
    path.write_bytes(signature + b"\n" + payload)
    assert check_site(site.root, TODAY, cache=True).problems == expected


def test_a_cache_made_elsewhere_is_never_trusted(site: SiteFolder, own_key_folder: Path) -> None:
    """A cache file committed to the repository (say) cannot vouch for a document: it is
    signed with a key that never leaves the user's own cache folder."""
    site.write("briefs/child-a.md", brief(body="Tyler Smith was seen.\n"))
    check_site(site.root, TODAY, cache=True)
    path = site.root / CACHE_FOLDER / CACHE_FILE
    forged = path.read_bytes()
    signature, payload = forged.split(b"\n", 1)
    data = json.loads(payload)
    for entry in data["entries"].values():
        entry["checks"] = {k: [[], []] for k in entry["checks"]}  # "nothing found"
    (own_key_folder / "learning-resources/cache-key").write_bytes(b"another user's key".ljust(32))
    path.write_bytes(signature + b"\n" + json.dumps(data).encode())
    assert "Tyler Smith" in [p.text for p in check_site(site.root, TODAY, cache=True).problems]


def test_without_a_place_for_the_key_there_is_no_cache(
    site: SiteFolder, own_key_folder: Path, calls: dict[str, list[str]]
) -> None:
    own_key_folder.write_text("a file where the folder should be")
    varied_site(site)
    first = check_site(site.root, TODAY, cache=True)
    calls["read"].clear()
    assert check_site(site.root, TODAY, cache=True).problems == first.problems
    assert len(calls["read"]) == 7
    assert not (site.root / CACHE_FOLDER).exists()


def test_the_cache_folder_ignores_itself_and_holds_no_code(site: SiteFolder) -> None:
    varied_site(site)
    assert site.run("check").returncode == 1
    folder = site.root / CACHE_FOLDER
    assert (folder / ".gitignore").read_text().splitlines()[-1] == "*"
    signature, payload = (folder / CACHE_FILE).read_bytes().split(b"\n", 1)
    assert len(signature) == 64 and json.loads(payload)["format"] == check_cache.FORMAT
    assert not list(site.root.rglob("*.pickle"))


def test_values_go_to_json_and_back() -> None:
    from learning_resources.documents import Extension, Waiver

    value = {
        "a": (1, "x", None, True, 2.5),
        "b": [dt.date(2026, 2, 28), {"nested": ["list"]}],
        "c": Extension(dt.date(2027, 1, 1), "why"),
        "d": (Waiver("Grace Darling Way", "a campaign", "anon.address", 3, 5),),
    }
    encoded = json.loads(json.dumps(check_cache.encode(value)))
    assert check_cache.decode(encoded) == value
    with pytest.raises(TypeError):
        check_cache.encode(object())


# --- Parallel checking -----------------------------------------------------------------------


def test_parallel_and_serial_checking_find_the_same_problems(site: SiteFolder) -> None:
    varied_site(site)
    for n in range(12):
        site.write(
            f"bitesize/sheet-{n}.md",
            sheet(title=f"Sheet {n}", body=SHEET_BODY + ("Ask Ann Lee.\n" if n % 3 else "")),
        )
    settings = load_settings(site.root)
    plan = plan_site(loading.load_site(site.root, settings), TODAY)
    serial = published_checks(plan, parallel=False)
    parallel = published_checks(plan, parallel=True)
    assert serial == parallel
    assert len(serial[1]) > 5


def test_a_large_site_is_checked_on_every_core_with_the_same_result(
    site: SiteFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    varied_site(site)
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 2)
    started: list[int] = []
    real = parallel.ProcessPoolExecutor

    def counting(*args: object, **kwargs: object) -> object:
        started.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", counting)
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    assert (
        check_site(site.root, TODAY).problems == check_site(site.root, TODAY, cache=True).problems
    )
    assert len(started) == 2


# --- One file --------------------------------------------------------------------------------


def test_one_file_is_checked_with_the_facts_of_the_whole_site(
    site: SiteFolder, calls: dict[str, list[str]]
) -> None:
    varied_site(site)
    site.write("briefs/child-e.md", brief(case="A", body="Ann Lee.\n"))  # A is taken in 2026
    assert site.run("check").returncode == 1
    calls["read"].clear(), calls["checked"].clear()
    result = site.check_json("briefs/child-e.md")
    problems = result["problems"]
    assert isinstance(problems, list)
    assert {(p["path"], p["rule"]) for p in problems} == {
        ("briefs/child-e.md", "site.duplicate_case"),
        ("briefs/child-e.md", "anon.name"),
    }
    assert calls == {"read": [], "checked": []}
    site.write("briefs/child-e.md", brief(case="E", body="Ann Lee.\n"))
    calls["read"].clear(), calls["checked"].clear()
    result = site.check_json("briefs/child-e.md")
    assert calls == {"read": ["briefs/child-e.md"], "checked": ["briefs/child-e.md"]}


def test_cache_entries_of_files_gone_are_dropped(site: SiteFolder) -> None:
    varied_site(site)
    check_site(site.root, TODAY, cache=True)
    (site.root / "briefs/child-b.md").unlink()
    check_site(site.root, TODAY, cache=True)
    cache = CheckCache(site.root, load_settings(site.root))
    assert "briefs/child-b.md" not in cache.entries and "briefs/child-d.md" in cache.entries


# --- The preview -----------------------------------------------------------------------------


def test_the_preview_checks_again_only_what_was_edited(
    site: SiteFolder, calls: dict[str, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`serve` rebuilds on every edit: unchanged documents come from the cache."""
    import mkdocs_learning.engine

    rebuilds: list[object] = []
    monkeypatch.setattr(
        mkdocs_learning.engine, "serve_site", lambda root, check, address: rebuilds.append(check)
    )
    for letter in "ABCDE":
        site.write(f"briefs/child-{letter.lower()}.md", brief(case=letter))
    site.write("bitesize/neglect.md", sheet())
    assert site.run("serve", "--today", "2026-11-25").returncode == 0
    [check] = rebuilds
    plan, problems = check()  # type: ignore[operator]
    assert plan is not None and problems == []
    calls["read"].clear(), calls["checked"].clear()
    site.write("briefs/child-c.md", brief(case="C", body="Tyler Smith.\n"))
    plan, problems = check()  # type: ignore[operator]
    assert calls == {"read": ["briefs/child-c.md"], "checked": ["briefs/child-c.md"]}
    assert plan is None and [p.text for p in problems] == ["Tyler Smith"]


def test_the_gate_reads_every_kind_of_image_that_can_be_published() -> None:
    from learning_resources.anonymisation.attachments import IMAGE_SUFFIXES
    from learning_resources.published import IMAGES

    assert set(IMAGES) <= IMAGE_SUFFIXES
