"""Finds a Chromium or Chrome for the browser tests, by its path, never by a package name.

Debian has a `chromium` package; GitHub's Ubuntu runners have Google Chrome, which is not a
Debian package, and Ubuntu's `chromium-browser`. So the browser is looked for where it is:

1. `$CHROMIUM`, if set (then nothing else is tried);
2. Debian's `/usr/bin/chromium`;
3. `chromium`, `google-chrome`, `google-chrome-stable` or `chromium-browser` on PATH.

Run as a script it prints the path found (exit 0) or what to do (exit 1). Standard library
only: scripts/setup.sh runs it before the project's virtual environment exists.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping
from pathlib import Path

DEBIAN_CHROMIUM = "/usr/bin/chromium"
ON_PATH = ("chromium", "google-chrome", "google-chrome-stable", "chromium-browser")
NOT_FOUND = (
    "no Chromium or Chrome found for the browser tests. Install Debian's chromium package "
    "(as root, `bash scripts/setup.sh` does it), or set CHROMIUM to a Chrome or Chromium "
    "executable. Checking and building need no browser: `bash scripts/setup.sh --build-only`."
)


def _runnable(path: str) -> bool:
    return Path(path).is_file() and os.access(path, os.X_OK)


def find_browser(environ: Mapping[str, str] = os.environ) -> str | None:
    """The path of a browser executable, or None when there is none."""
    explicit = environ.get("CHROMIUM")
    if explicit:
        return explicit if _runnable(explicit) else None
    if _runnable(DEBIAN_CHROMIUM):
        return DEBIAN_CHROMIUM
    for name in ON_PATH:
        found = shutil.which(name, path=environ.get("PATH"))
        if found:
            return found
    return None


def main() -> int:
    found = find_browser()
    if found is None:
        explicit = os.environ.get("CHROMIUM")
        reason = f"CHROMIUM={explicit} is not an executable file" if explicit else NOT_FOUND
        print(f"find_browser: {reason}", file=sys.stderr)
        return 1
    print(found)
    return 0


if __name__ == "__main__":
    sys.exit(main())
