"""The build's caches: the audit's verdict on each built file, what live documents share with
unpublished ones, and QR codes. Each is kept by everything it depends on: a changed input,
even one outside the file itself, must make the work be done again.

Each test builds a cached answer, then changes one input that the answer depends on but that
a key of the file's bytes alone would miss, and shows the new answer is the right one.
No test here times anything: "was it done again?" is answered by counting calls.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs_learning import printout

from learning_resources import audit, check_cache, parallel
from learning_resources.audit import audit_site
from learning_resources.check_cache import ResultCache
from learning_resources.pipeline import check_site
from learning_resources.plan import SitePlan

from .conftest import SiteFolder, brief
from .test_check_cache import own_key_folder  # noqa: F401  (autouse: the key's own folder)

TODAY = dt.date(2026, 7, 1)
PLANTED = "The outreach team met on a wet Tuesday in the old library."
LIVE_SENTENCE = "Practitioners should ask about every adult in the household."


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The built files the audit read (not taken from the cache), in this process."""
    monkeypatch.setattr(parallel, "workers", lambda: 1)
    seen: list[str] = []
    read = audit._Reader.read

    def counting(self: audit._Reader, relpath: str, data: bytes, **options: bool) -> object:
        seen.append(relpath)
        return read(self, relpath, data, **options)

    monkeypatch.setattr(audit._Reader, "read", counting)
    return seen


@pytest.fixture
def saved_environment() -> Iterator[None]:
    saved = dict(os.environ)  # `build` sets SOURCE_DATE_EPOCH for MkDocs, then restores it
    yield
    os.environ.clear()
    os.environ.update(saved)


def write_site(site: SiteFolder, *, draft_body: str, live_extra: str = "") -> None:
    site.write(
        "briefs/live.md",
        brief(
            case="A",
            extra=live_extra,
            body=f"## What we learned\n\n{LIVE_SENTENCE}\n\nSee Operation ABC-12345.\n",
        ),
    )
    site.write("briefs/draft.md", brief(case="B", extra="draft: true\n", body=draft_body))


def built(site: SiteFolder) -> tuple[Path, SitePlan]:
    result = site.run("build", "--today", TODAY.isoformat(), "--no-pdfs")
    assert result.returncode == 0, result.stderr
    return site.root / "site", plan_of(site)


def plan_of(site: SiteFolder) -> SitePlan:
    plan = check_site(site.root, TODAY).plan
    assert plan is not None
    return plan


def plant(site_dir: Path, sentence: str) -> Path:
    page = site_dir / "briefs/live/index.html"
    page.write_text(page.read_text().replace("</article>", f"<p>{sentence}</p></article>", 1))
    return page


WAIVER = (
    "waivers:\n  - text: Operation ABC-12345\n    rule: anon.reference\n"
    "    reason: a national campaign's name\n"
)


def test_an_unchanged_site_is_not_read_again_and_keeps_its_problems(
    site: SiteFolder, reads: list[str], saved_environment: None
) -> None:
    write_site(
        site, draft_body="## Notes\n\nThe draft's own sentence is here.\n", live_extra=WAIVER
    )
    site_dir, plan = built(site)
    plant(site_dir, "The draft's own sentence is here.")
    first = audit_site(site_dir, plan, cache=True)
    assert [p.rule for p in first] == ["audit.leak"]
    assert "briefs/live/index.html" in reads
    reads.clear()
    assert audit_site(site_dir, plan, cache=True) == first  # the leak is kept, not forgotten
    assert reads == []
    assert audit_site(site_dir, plan) == first  # and it is what a fresh audit finds


def test_a_clean_file_is_read_again_when_unpublished_text_changes(
    site: SiteFolder, reads: list[str], saved_environment: None
) -> None:
    """The page's bytes do not change; the draft now holds what the page holds. Kept by the
    page's bytes alone, the clean verdict would hide the leak."""
    write_site(site, draft_body="## Notes\n\nSomething else entirely.\n", live_extra=WAIVER)
    site_dir, plan = built(site)
    page = plant(site_dir, PLANTED)
    assert audit_site(site_dir, plan, cache=True) == []
    before = page.read_bytes()
    write_site(site, draft_body=f"## Notes\n\n{PLANTED}\n", live_extra=WAIVER)
    reads.clear()
    found = audit_site(site_dir, plan_of(site), cache=True)
    assert page.read_bytes() == before
    assert [(p.rule, p.path, p.text) for p in found] == [
        ("audit.leak", "briefs/live/index.html", PLANTED)
    ]
    assert "briefs/live/index.html" in reads


def test_a_withdrawn_waiver_brings_back_the_identifier(
    site: SiteFolder, saved_environment: None
) -> None:
    """A waiver is not shown on the page: withdrawing it leaves the page's bytes as they were,
    but the identifier in it is a problem again."""
    write_site(site, draft_body="## Notes\n\nSomething else.\n", live_extra=WAIVER)
    site_dir, plan = built(site)
    assert audit_site(site_dir, plan, cache=True) == []
    write_site(site, draft_body="## Notes\n\nSomething else.\n")
    found = audit_site(site_dir, plan_of(site), cache=True)
    assert {(p.rule, p.text) for p in found} == {("audit.identifier", "ABC-12345")}
    assert "briefs/live/index.html" in {p.path for p in found}


def test_a_live_body_that_no_longer_shares_a_sentence(
    site: SiteFolder, reads: list[str], saved_environment: None
) -> None:
    """What a live body shares with a draft is kept by both: when the live brief drops the
    draft's sentence, a built copy that still has it is a leak."""
    write_site(site, draft_body=f"## Notes\n\n{LIVE_SENTENCE}\n", live_extra=WAIVER)
    site_dir, plan = built(site)
    assert audit_site(site_dir, plan, cache=True) == []  # shared: the live brief says it
    site.write(
        "briefs/live.md",
        brief(case="A", extra=WAIVER, body="## What we learned\n\nSee Operation ABC-12345.\n"),
    )
    found = audit_site(site_dir, plan_of(site), cache=True)
    assert {(p.rule, p.path) for p in found} >= {("audit.leak", "briefs/live/index.html")}
    assert all(p.text == LIVE_SENTENCE for p in found if p.rule == "audit.leak")


def test_a_cache_signed_by_someone_else_or_for_another_version_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key_folder = Path(os.environ["XDG_CACHE_HOME"])  # the test's own (own_key_folder)
    cache = ResultCache(tmp_path, "audit", "version 1")
    cache.put("a file", [])
    cache.save()
    assert ResultCache(tmp_path, "audit", "version 1").get("a file") == []
    assert ResultCache(tmp_path, "audit", "version 2").get("a file") is None
    (key_folder / "learning-resources/cache-key").write_bytes(b"another user's key".ljust(32))
    assert ResultCache(tmp_path, "audit", "version 1").get("a file") is None
    # Entries not used in a run are dropped when it saves.
    monkeypatch.setattr(check_cache, "_signing_key", lambda: b"k" * 32)
    cache = ResultCache(tmp_path, "audit", "v")
    cache.put("old", 1)
    cache.save()
    cache = ResultCache(tmp_path, "audit", "v")
    cache.put("new", 2)
    cache.save()
    assert ResultCache(tmp_path, "audit", "v").entries == {"new": 2}


def test_qr_codes_are_kept_by_address(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "workers", lambda: 1)  # made here, where they are counted
    made: list[str] = []
    real = printout.qr_matrix

    def counting(url: str) -> list[list[bool]]:
        made.append(url)
        return real(url)

    monkeypatch.setattr(printout, "qr_matrix", counting)
    first, second = "https://example.test/briefs/a/", "https://example.test/briefs/b/"
    codes = printout.QrCodes(tmp_path)
    codes.prepare([first])
    assert codes.svg(first) == printout.qr_svg(first)
    codes.save()
    made.clear()
    again = printout.QrCodes(tmp_path)
    assert again.svg(first) == printout.qr_svg(first) and made == [first]  # only qr_svg's
    made.clear()
    assert again.svg(second) == printout.qr_svg(second)  # another address: its own code
    assert made == [second, second]


def test_qr_codes_from_another_version_of_qrcode_are_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = "https://example.test/briefs/a/"
    monkeypatch.setattr(printout, "code_version", lambda *args: "qrcode 1.0")
    old = printout.QrCodes(tmp_path)
    old.packed[url] = printout._packed_matrix("https://example.test/somewhere-else/")
    old.cache.put(url, old.packed[url])  # type: ignore[union-attr]
    old.save()
    assert printout.QrCodes(tmp_path).svg(url) != printout.qr_svg(url)  # what was kept
    monkeypatch.undo()
    assert printout.QrCodes(tmp_path).svg(url) == printout.qr_svg(url)


def _pid_and_double(number: int) -> tuple[int, int]:
    return os.getpid(), number * 2


def _fails_on_two(number: int) -> int:
    if number == 2:
        raise ValueError("two")
    return number


def test_work_in_the_background_gives_what_work_here_gives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    found = parallel.Background(_pid_and_double, [1, 2, 3]).result()
    assert [double for _, double in found] == [2, 4, 6]
    if threading.active_count() == 1:  # (a process running threads does not fork)
        assert {pid for pid, _ in found} != {os.getpid()}  # done in another process
    with pytest.raises(ValueError, match="two"):  # failed there: done again here, and raised
        parallel.Background(_fails_on_two, [1, 2, 3]).result()
    monkeypatch.setattr(parallel, "workers", lambda: 1)
    assert parallel.Background(_pid_and_double, [1]).result() == [(os.getpid(), 2)]
