#!/usr/bin/env bash
# Sets up everything the project needs on a fresh Debian machine: system packages
# (when run as root and missing) and a virtual environment in .venv with the project
# installed in editable mode. Safe to run again: it does nothing that is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's Chromium drives the browser tests (Playwright never downloads a browser here);
# Liberation fonts keep rendering the same on every machine; Node and npm bring axe-core.
APT_PACKAGES=(chromium fonts-liberation nodejs npm)
# PDFs (WeasyPrint): Pango and HarfBuzz's subsetter; poppler-utils to look at PDFs as pages.
APT_PACKAGES+=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  case "$pkg" in
    nodejs|npm) command -v "${pkg/nodejs/node}" >/dev/null 2>&1 && continue ;;
  esac
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: please install these Debian packages first: ${missing[*]}" >&2
    exit 1
  fi
  echo "setup: installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q "${missing[@]}"
fi

stamp=.venv/.installed
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ constraints.txt -nt "$stamp" ]; then
  echo "setup: installing Python packages into .venv"
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt -e ".[dev]"
  touch "$stamp"
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing browser-test tools (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
