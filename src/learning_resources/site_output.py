"""The output folder: where a build may write, and how a new site replaces the old one.

A build never writes into the site folder itself. It writes into a staging folder beside it
and then swaps it in, so that a failed build leaves the old site exactly as it was:

    <parent>/<name>                   the site (holds the marker file MARKER)
    <parent>/.<name>.staging-XXXXXXXX  a build in progress
    <parent>/.<name>.previous          the old site, only for the moment of the swap
    <parent>/.<name>.lock              held (fcntl.flock) by the build writing <name>

The swap is two renames on one file system, old -> previous and staging -> site, then the
previous site is deleted. If the process is killed between the two renames there is no
site until the next build, which starts by recovering: a `.previous` folder with no site
is renamed back into place; one beside a site (killed while deleting it) is deleted; any
staging folder is a killed build's and is deleted. All of this happens under the lock, so
a second build into the same folder while one is running stops at once with a clear error
(it does not wait: a scheduled build and one by hand should not queue up unseen).

Only two kinds of folder may be the output: one that does not exist yet (or is empty),
and one this tool built before (it holds MARKER). Never a symbolic link, a mount point, a
folder holding a Git repository, the site's own folder or a parent of it, or a folder
inside one of the folders the site is read from. Every refusal is an OutputError whose
message says what is wrong and what to do, and leaves everything untouched.

The built site gets ordinary permissions, whatever the umask: folders 0755, files 0644,
so a web server running as another user can read it.
"""

from __future__ import annotations

import errno
import fcntl
import glob
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .kinds import Kind

MARKER = ".learning-site"
MARKER_TEXT = (
    "This folder was built by build.py (the learning-resources site generator).\n"
    "Every build replaces all of it: do not keep anything else here.\n"
)
SOURCE_FOLDERS = tuple(kind.folder for kind in Kind)  # briefs/, bitesize/, content/
DIR_MODE, FILE_MODE = 0o755, 0o644


class OutputError(Exception):
    """The output folder cannot be used or replaced; the message says why and what to do."""


def prepare(site_dir: Path, root: Path) -> Path:
    """The absolute output folder for `site_dir`, or OutputError if a build may not replace it.

    Relative paths are taken from the current folder. Nothing is written.
    """
    given = absolute(site_dir)
    if given.is_symlink():
        raise OutputError(
            f"{given} is a symbolic link; give the folder it points to instead, or remove the link"
        )
    target = given.parent.resolve() / given.name
    root = root.resolve()
    suggestion = f"choose a new folder, such as {root / 'site'}"
    if root.is_relative_to(target):
        what = "the site's own folder" if target == root else f"a folder that holds {root}"
        raise OutputError(f"{target} is {what}: a build would replace it; {suggestion}")
    for name in (*SOURCE_FOLDERS, ".git"):
        if target.is_relative_to(root / name):
            raise OutputError(
                f"{target} is inside {root / name}, which the site is built from; {suggestion}"
            )
    if not target.exists():
        return target
    if not target.is_dir():
        raise OutputError(f"{target} is a file, not a folder; {suggestion}")
    if target.is_mount():
        raise OutputError(
            f"{target} is a mount point, which a build cannot replace; build into a "
            f"new folder inside it, such as {target / 'site'}, and serve that"
        )
    if (target / ".git").exists():
        raise OutputError(f"{target} holds a Git repository (.git); {suggestion}")
    marker = target / MARKER
    if not (marker.is_file() and not marker.is_symlink()) and any(target.iterdir()):
        raise OutputError(
            f"{target} was not built by this tool (it has no {MARKER} file) and is not "
            f"empty, so a build will not replace it; {suggestion}, or if it is an old "
            "build of this site, delete it and build again"
        )
    return target


def absolute(path: Path) -> Path:
    """`path` from the current folder, with no symbolic link followed (unlike resolve())."""
    return Path(os.path.abspath(path))  # noqa: PTH100


def _beside(target: Path, what: str) -> Path:
    return target.parent / f".{target.name}.{what}"


@contextmanager
def output_lock(target: Path) -> Iterator[None]:
    """Hold the lock of the output folder `target` (from `prepare`); OutputError if taken."""
    lock = _beside(target, "lock")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, FILE_MODE)
    except OSError as exc:
        raise OutputError(f"cannot write in {target.parent}: {_reason(exc)}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputError(
                f"another build into {target} is running (it holds {lock}); "
                "wait for it to finish, then build again"
            ) from None
        yield
    finally:
        os.close(fd)  # closing releases the lock


def recover(target: Path) -> None:
    """Put back or tidy what a killed build left beside `target`; call it under the lock."""
    previous = _beside(target, "previous")
    try:
        if previous.is_dir() and not previous.is_symlink() and not os.path.lexists(target):
            previous.rename(target)  # killed between the two renames: the old site returns
        elif os.path.lexists(previous):
            _remove(previous)  # killed while deleting the old site
        for stale in target.parent.glob(f".{glob.escape(target.name)}.staging-*"):
            _remove(stale)
    except OSError as exc:
        raise OutputError(f"cannot tidy up after an earlier build: {_reason(exc)}") from None


def new_staging(target: Path) -> Path:
    """A new empty folder beside `target` for a build to write into."""
    try:
        return Path(tempfile.mkdtemp(prefix=f".{target.name}.staging-", dir=target.parent))
    except OSError as exc:
        raise OutputError(f"cannot write in {target.parent}: {_reason(exc)}") from None


def swap_in(staging: Path, target: Path) -> None:
    """Make the finished build in `staging` the site at `target` (see the module's notes)."""
    previous = _beside(target, "previous")
    try:
        _normalise(staging)
        (staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        (staging / MARKER).chmod(FILE_MODE)
        if target.exists():
            _rename(target, previous)
        try:
            _rename(staging, target)
        except OSError:
            if previous.exists():
                _rename(previous, target)
            raise
        discard(previous)  # if this fails, the next build's recover() finishes it
    except OSError as exc:
        raise OutputError(f"cannot put the new site in place at {target}: {_reason(exc)}") from None


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)


@contextmanager
def staged(site_dir: Path, root: Path) -> Iterator[Path]:
    """Lock, recover and check the output folder, yield a staging folder to build into, then
    swap it in; an exception in the block discards the staging folder and changes nothing."""
    target = prepare(site_dir, root)
    with output_lock(target):
        recover(target)
        prepare(site_dir, root)  # again, under the lock, after recovery
        staging = new_staging(target)
        try:
            yield staging
            swap_in(staging, target)
        finally:
            discard(staging)


def _rename(source: Path, destination: Path) -> None:
    source.rename(destination)  # a function of its own so tests can interrupt a swap


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def _normalise(folder: Path) -> None:
    folder.chmod(DIR_MODE)
    for parent, dirs, files in os.walk(folder):
        for name in dirs:
            path = Path(parent, name)
            if not path.is_symlink():
                path.chmod(DIR_MODE)
        for name in files:
            path = Path(parent, name)
            if not path.is_symlink():
                path.chmod(FILE_MODE)


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{exc.strerror} (is the folder read-only, or owned by another user?)"
    return exc.strerror or str(exc)
