"""`build --site-dir`: which folders a build may replace, the swap, permissions and the lock."""

from __future__ import annotations

import hashlib
import logging
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

import build
from learning_resources import site_output

from .conftest import SiteFolder, brief, sheet

TODAY = "2026-11-25"
Main = Callable[..., tuple[int, str]]


def tree(folder: Path) -> dict[str, str]:
    """Every entry under `folder` (not following links): contents, link targets and modes."""
    found = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        if path.is_symlink():
            what = f"link {path.readlink()}"
        elif path.is_file():
            what = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            what = "dir"
        found[path.relative_to(folder).as_posix()] = f"{what} {stat.filemode(info.st_mode)}"
    return found


@pytest.fixture
def main(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], site: SiteFolder
) -> Main:
    """build.main in this process, for `site`; returns the exit status and what it printed."""
    monkeypatch.setattr(logging.getLogger("mkdocs"), "handlers", [])

    def run(*args: str) -> tuple[int, str]:
        status = build.main(["build", "--root", str(site.root), "--today", TODAY, *args])
        out = capsys.readouterr()
        assert "Traceback" not in out.err
        return status, out.out + out.err

    return run


@pytest.fixture
def repo(site: SiteFolder) -> SiteFolder:
    """The site inside a Git repository, with a document in each source folder."""
    site.write(".git/HEAD", "ref: refs/heads/main\n")
    site.write("briefs/child-a.md", brief())
    site.write("bitesize/neglect.md", sheet())
    return site


HAZARDS = {
    "the repository, as '.'": (".", "the site's own folder"),
    "the site folder": ("{root}", "the site's own folder"),
    "briefs/": ("{root}/briefs", "which the site is built from"),
    "content/": ("{root}/content", "which the site is built from"),
    "a new folder inside content/": ("{root}/content/out", "which the site is built from"),
    "inside .git": ("{root}/.git/site", "which the site is built from"),
    "the parent of the site folder": ("{root}/..", "a folder that holds"),
    "an unrelated folder": ("{tmp}/documents", "was not built by this tool"),
    "a file": ("{tmp}/documents/letter.txt", "is a file, not a folder"),
    "a link to a built site": ("{tmp}/link", "is a symbolic link"),
    "a built site holding .git": ("{tmp}/gh-pages", "holds a Git repository"),
}


@pytest.mark.parametrize("hazard", HAZARDS)
def test_a_hazardous_site_dir_is_refused_and_left_untouched(
    hazard: str,
    repo: SiteFolder,
    main: Main,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    status, _ = main("--site-dir", str(tmp_path / "built"))
    assert status == 0
    (tmp_path / "link").symlink_to(tmp_path / "built")
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents/letter.txt").write_text("Dear Sir")
    (tmp_path / "gh-pages/.git").mkdir(parents=True)
    (tmp_path / "gh-pages" / site_output.MARKER).write_text(site_output.MARKER_TEXT)
    monkeypatch.chdir(repo.root)
    pattern, message = HAZARDS[hazard]
    before = tree(tmp_path)

    status, printed = main("--site-dir", pattern.format(root=repo.root, tmp=tmp_path))

    assert status == 1
    assert message in printed and "was left as it was" in printed
    assert tree(tmp_path) == before


@pytest.mark.parametrize("folder", ["/", "/usr", "/proc"])
def test_system_folders_are_refused_without_writing(folder: str, site: SiteFolder) -> None:
    with pytest.raises(site_output.OutputError):
        site_output.prepare(Path(folder), site.root)


def test_a_mount_point_is_refused(main: Main) -> None:
    status, printed = main("--site-dir", "/proc")
    assert status == 1
    assert "/proc is a mount point" in printed and "/proc/site" in printed


def test_an_empty_mount_point_is_refused_before_the_swap(
    main: Main, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mounted = tmp_path / "disk/mnt"
    mounted.mkdir(parents=True)
    monkeypatch.setattr(Path, "is_mount", lambda self: self == mounted)
    status, printed = main("--site-dir", str(mounted))
    assert status == 1 and "is a mount point" in printed
    assert list(mounted.parent.iterdir()) == [mounted] and list(mounted.iterdir()) == []


def test_a_read_only_parent_is_a_clear_error(main: Main, tmp_path: Path) -> None:
    status, printed = main("--site-dir", "/sys/learning-site")
    assert status == 1 and "cannot write in /sys" in printed
    if os.geteuid() != 0:  # root may write anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o555)
        status, printed = main("--site-dir", str(locked / "site"))
        assert status == 1 and f"cannot write in {locked}" in printed
        assert list(locked.iterdir()) == []


def test_a_new_or_empty_folder_or_an_earlier_build_may_be_the_output(
    main: Main, site: SiteFolder, tmp_path: Path
) -> None:
    (tmp_path / "empty").mkdir()
    for target in (tmp_path / "new/deeper/site", tmp_path / "empty"):
        assert main("--site-dir", str(target))[0] == 0
        assert (target / "index.html").is_file()
        assert (target / site_output.MARKER).read_text() == site_output.MARKER_TEXT
        site.write("content/extra.md", "# Extra\n")
        assert main("--site-dir", str(target))[0] == 0
        assert (target / "extra/index.html").is_file()
        (site.root / "content/extra.md").unlink()
        leftovers = [p.name for p in target.parent.iterdir() if p.name.startswith(".")]
        assert leftovers == [f".{target.name}.lock"]


def test_an_old_build_without_the_marker_is_refused_with_how_to_fix(
    main: Main, site: SiteFolder
) -> None:
    assert main()[0] == 0
    (site.root / "site" / site_output.MARKER).unlink()
    status, printed = main()
    assert status == 1
    assert "if it is an old build of this site, delete it and build again" in printed


def test_the_output_has_ordinary_permissions_whatever_the_umask(
    main: Main, site: SiteFolder
) -> None:
    site.write("briefs/child-a.md", brief())
    old = os.umask(0o077)
    try:
        assert main()[0] == 0
    finally:
        os.umask(old)
    out = site.root / "site"
    modes = {stat.S_IMODE(p.stat().st_mode) for p in out.rglob("*") if p.is_file()}
    folders = {stat.S_IMODE(p.stat().st_mode) for p in [out, *out.rglob("*")] if p.is_dir()}
    assert modes == {0o644} and folders == {0o755}


class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs, not even `except Exception`."""


def test_a_build_killed_between_the_renames_is_recovered_by_the_next(
    main: Main, site: SiteFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    site.write("briefs/child-a.md", brief())
    assert main()[0] == 0
    out = site.root / "site"
    first = tree(out)
    real_rename = site_output._rename

    def rename(source: Path, destination: Path) -> None:
        if destination == out:
            raise Killed
        real_rename(source, destination)

    monkeypatch.setattr(site_output, "_rename", rename)
    with pytest.raises(Killed):
        main()
    monkeypatch.setattr(site_output, "_rename", real_rename)
    assert not out.exists()
    assert tree(site.root / ".site.previous") == first

    # The next build puts the old site back first, so even a failed build leaves it there.
    site.write(
        "briefs/child-b.md", brief(case="B", body="See [the missing part](child-a.md#nowhere).\n")
    )
    status, printed = main()
    assert status == 1 and "was left as it was" in printed
    assert tree(out) == first
    (site.root / "briefs/child-b.md").unlink()
    site.write("content/extra.md", "# Extra\n")
    assert main()[0] == 0
    assert (out / "extra/index.html").is_file()
    assert sorted(p.name for p in site.root.iterdir() if p.name.startswith(".site")) == [
        ".site.lock"
    ]


def test_what_killed_builds_leave_is_tidied_up(main: Main, site: SiteFolder) -> None:
    assert main()[0] == 0
    stale = site.root / ".site.staging-k1ll3d/briefs"
    stale.mkdir(parents=True)
    (stale / "index.html").write_text("half a build")
    (site.root / ".site.previous/assets").mkdir(parents=True)  # killed while deleting it
    assert main()[0] == 0
    assert not (site.root / ".site.staging-k1ll3d").exists()
    assert not (site.root / ".site.previous").exists()
    assert (site.root / "site/index.html").is_file()


def test_a_second_build_into_the_same_folder_stops_while_one_runs(
    main: Main, site: SiteFolder
) -> None:
    assert main()[0] == 0
    out = site.root / "site"
    before = tree(out)
    with site_output.output_lock(out):
        status, printed = main()
        assert status == 1
        assert f"another build into {out} is running" in printed
        assert tree(out) == before
    assert main()[0] == 0


def test_a_site_dir_named_like_a_pattern_tidies_only_its_own_folders(
    main: Main, site: SiteFolder
) -> None:
    """The tidy-up once read the folder's name as a pattern: `--site-dir 's*'` deleted the
    staging folder of a build of `site` running beside it."""
    running = site.root / ".site.staging-running/briefs"
    running.mkdir(parents=True)
    status, printed = main("--no-pdfs", "--site-dir", str(site.root / "s*"))
    assert status == 0, printed
    assert running.is_dir()
    assert (site.root / "s*/index.html").is_file()
