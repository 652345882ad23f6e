"""The domain core stands on its own: it never imports MkDocs."""

from __future__ import annotations

import subprocess
import sys

from .conftest import PROJECT


def test_the_core_imports_no_mkdocs_module() -> None:
    core = sorted(p.stem for p in (PROJECT / "src/learning_resources").glob("*.py"))
    code = (
        "import importlib, sys\n"
        f"for name in {core!r}:\n"
        "    importlib.import_module('learning_resources.' + name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'mkdocs', 'material'}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_check_runs_without_mkdocs_installed(tmp_path: object) -> None:
    """`check` must work even where MkDocs cannot be imported at all."""
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in {'mkdocs', 'material'}:\n"
        "            raise ImportError('blocked: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        f"sys.argv = ['build.py', 'check', '--root', {str(PROJECT)!r}]\n"
        f"sys.path.insert(0, {str(PROJECT)!r})\n"
        "import build\n"
        "sys.exit(build.main(sys.argv[1:]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "files checked" in result.stdout
