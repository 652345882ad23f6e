"""Installed as a normal package (not editable), the project builds the same site."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from .conftest import BUILD_PY, PROJECT

TODAY = "2026-11-25"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built, as pip builds one, from a copy of the files git tracks."""
    source, out = tmp_path_factory.mktemp("source"), tmp_path_factory.mktemp("wheel")
    for name in tracked("."):
        if (PROJECT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(PROJECT / name, source / name)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(source)],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("*.whl")
    return found


def tracked(folder: str) -> list[str]:
    """Files git tracks (or will track: untracked files not ignored) under `folder`."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", folder],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=True,
    )
    return listed.stdout.splitlines()


def test_the_wheel_holds_every_file_of_both_packages(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = [f.removeprefix("src/") for f in tracked("src/learning_resources")]
    expected += [f.removeprefix("plugins/") for f in tracked("plugins/mkdocs_learning")]
    expected = [f for f in expected if not f.endswith(".md")]  # notes for developers
    assert expected and [f for f in expected if f not in names] == []


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_an_installed_copy_builds_the_example_site_byte_identically(
    wheel: Path, tmp_path: Path
) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin/python"
    target = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    zipfile.ZipFile(wheel).extractall(target)
    # The dependencies come from the project's environment, whose editable hook is not run
    # from here: the project's own code can only come from the installed wheel.
    Path(target, "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    where = subprocess.run(
        [
            str(python),
            "-c",
            "import mkdocs_learning, learning_resources as c; "
            "print(mkdocs_learning.__file__); print(c.__file__)",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    ).stdout.split()
    assert all(path.startswith(target) for path in where), where

    installed, editable = tmp_path / "installed", tmp_path / "editable"
    for python_exe, out in ((python, installed), (Path(sys.executable), editable)):
        result = subprocess.run(
            [str(python_exe), str(BUILD_PY), "build", "--today", TODAY, "--site-dir", str(out)],
            capture_output=True,
            text=True,
            cwd=PROJECT,
        )
        assert result.returncode == 0, result.stderr
    assert digest(installed) == digest(editable)
