#!/usr/bin/env bash
# Sets up what the project needs. Safe to run again: it does nothing that is already done.
#
#   bash scripts/setup.sh               everything: a virtual environment in .venv with the
#                                       project and its development tools, and for the browser
#                                       tests a Chromium or Chrome, Liberation fonts, Node and
#                                       npm (apt-installed when run as root on Debian)
#   bash scripts/setup.sh --build-only  only what `check` and `build` need: Python 3.11 or newer,
#                                       .venv with the project, and Pango for PDFs (no browser,
#                                       no Node; root or sudo only if Pango is missing)
#
# PYTHON names the Python to build .venv from (default: python3, e.g. the one that GitHub's
# setup-python puts on PATH). The browser is found by its path (scripts/find_browser.py), never
# by a Debian package name: GitHub's Ubuntu runners have Google Chrome, not Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=full
case "${1:-}" in
  "") ;;
  --build-only) mode=build ;;
  -h | --help) sed -n '2,13p' "$0"; exit 0 ;;
  *) echo "setup: unknown option '$1' (use --build-only, or nothing)" >&2; exit 2 ;;
esac
PYTHON=${PYTHON:-python3}

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "setup: Python 3.11 or newer is needed, as '$PYTHON' (set PYTHON=/path/to/python3.11)" >&2
  exit 1
fi

# Debian or Ubuntu packages, installed as root, or with passwordless sudo (as on GitHub's
# runners); anyone else is told what to install.
apt_install() {
  local runner=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then runner=(sudo -n); else return 1; fi
  fi
  command -v apt-get >/dev/null 2>&1 || return 1
  echo "setup: installing Debian packages: $*"
  "${runner[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${runner[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

# PDFs of briefs and sheets (WeasyPrint) need Pango and HarfBuzz's subsetter, in both modes.
pdf_missing=()
for pair in libpango-1.0.so.0:libpango-1.0-0 libpangoft2-1.0.so.0:libpangoft2-1.0-0 \
            libharfbuzz-subset.so.0:libharfbuzz-subset0; do
  # Asked of the dynamic loader itself, as any user (ldconfig is not on every user's PATH).
  "$PYTHON" -c "import ctypes, sys; ctypes.CDLL(sys.argv[1])" "${pair%%:*}" 2>/dev/null \
    || pdf_missing+=("${pair#*:}")
done
if [ "${#pdf_missing[@]}" -gt 0 ] && ! apt_install "${pdf_missing[@]}"; then
  echo "setup: building PDFs needs these packages; please install them: ${pdf_missing[*]}" >&2
  exit 1
fi

if [ "$mode" = full ]; then
  missing=()
  command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)  # tests look at PDFs as pages
  "$PYTHON" scripts/find_browser.py >/dev/null || missing+=(chromium)
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  # Liberation fonts keep pages rendering the same on every machine (same name on Ubuntu).
  if command -v dpkg >/dev/null 2>&1 && ! dpkg -s fonts-liberation >/dev/null 2>&1; then
    missing+=(fonts-liberation)
  fi
  if [ "${#missing[@]}" -gt 0 ] && ! apt_install "${missing[@]}"; then
    echo "setup: the browser tests need these, and only root can install them: ${missing[*]}" >&2
    echo "setup: a Chrome anywhere will do instead of chromium: set CHROMIUM=/path/to/chrome" >&2
    echo "setup: checking and building need none of them: bash scripts/setup.sh --build-only" >&2
    exit 1
  fi
fi

# .venv/.installed marks a full install (the project and its development tools), and
# .venv/.installed-build one with the project only; either is redone when the pins change.
fresh() { [ -f "$1" ] && [ ! pyproject.toml -nt "$1" ] && [ ! constraints.txt -nt "$1" ]; }
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
if ! fresh .venv/.installed && ! { [ "$mode" = build ] && fresh .venv/.installed-build; }; then
  target=".[dev]" stamp=.venv/.installed
  if [ "$mode" = build ]; then target="." stamp=.venv/.installed-build; fi
  echo "setup: installing Python packages into .venv ($target)"
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt -e "$target"
  touch "$stamp"
fi

if [ "$mode" = full ]; then
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "setup: installing browser-test tools: axe-core and Lighthouse (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
fi
