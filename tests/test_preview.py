"""`build.py serve`: the editor's preview shows errors instead of hanging, and shows drafts."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .conftest import BUILD_PY, SiteFolder, brief

TODAY = "2026-11-25"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def preview(site: SiteFolder, *args: str) -> Iterator[str]:
    port = free_port()
    command = [sys.executable, str(BUILD_PY), "serve", "--root", str(site.root)]
    process = subprocess.Popen(
        [*command, "--today", TODAY, "--dev-addr", f"127.0.0.1:{port}", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait(timeout=10)


def get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode())
    except urllib.error.HTTPError as error:
        return str(error.read().decode())


def eventually(url: str, wanted: str, *, present: bool = True, within: float = 30) -> str:
    deadline = time.monotonic() + within
    while True:
        try:
            page = get(url)
            if (wanted in page) is present:
                return page
        except (urllib.error.URLError, ConnectionError):
            page = ""
        if time.monotonic() > deadline:
            raise AssertionError(f"{wanted!r} {'never' if present else 'still'} in {url}:\n{page}")
        time.sleep(0.3)


def test_errors_show_in_a_banner_on_the_last_good_preview(site: SiteFolder) -> None:
    site.write("briefs/child-a.md", brief(title="Learning from Child A"))
    with preview(site) as base:
        eventually(base + "briefs/child-a/", "Learning from Child A")
        site.write("briefs/child-a.md", brief(title="Learning from Child A", published="2026-3-1"))
        page = eventually(base + "briefs/child-a/", "This preview is out of date")
        assert "briefs/child-a.md:5:12" in page and "did you mean 2026-03-01?" in page
        assert "Learning from Child A" in page  # the last good page, still readable
        site.write("briefs/child-a.md", brief(title="Learning from Child A"))
        eventually(base + "briefs/child-a/", "This preview is out of date", present=False)


def test_a_preview_started_with_errors_lists_them_on_every_address(site: SiteFolder) -> None:
    site.write("briefs/child-a.md", brief(published="2026-3-1"))
    with preview(site) as base:
        page = eventually(base + "anything/", "This preview is out of date")
        assert "briefs/child-a.md:5:12" in page


def test_drafts_are_previewed_only_when_asked_and_labelled(site: SiteFolder) -> None:
    site.write("briefs/child-a.md", brief(extra="draft: true\n"))
    with preview(site) as base:
        eventually(base, "Welcome")
        assert "Draft: not published" not in get(base + "briefs/child-a/")
    with preview(site, "--drafts") as base:
        eventually(base + "briefs/child-a/", "Draft: not published")


def test_a_stopped_preview_leaves_no_files_behind(site: SiteFolder, tmp_path: Path) -> None:
    """Stopped as a service manager or a terminal stops it (SIGTERM), the preview once left
    its folder of rendered pages, drafts included, in the temporary folder."""
    site.write("briefs/child-a.md", brief(extra="draft: true\n"))
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    port = free_port()
    command = [sys.executable, str(BUILD_PY), "serve", "--root", str(site.root), "--drafts"]
    process = subprocess.Popen(
        [*command, "--today", TODAY, "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "TMPDIR": str(temporary)},
    )
    try:
        eventually(f"http://127.0.0.1:{port}/briefs/child-a/", "Draft: not published")
        assert list(temporary.glob("learning-preview-*"))
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert list(temporary.glob("learning-preview-*")) == []
