# The two commands of the README's quick start:
#   make serve   set up Python, then serve the example site on http://127.0.0.1:8000/
#   make test    set everything up, then run the whole test suite (lint, types, tests)
# setup-build sets up only what checking and building need (Python; no browser, no Node, no
# root): the GitHub workflows' check and publish jobs use it.
PY := .venv/bin/python

.PHONY: setup setup-build serve site test lint
setup:
	@bash scripts/setup.sh

setup-build:
	@bash scripts/setup.sh --build-only

serve: setup-build
	$(PY) build.py serve

site: setup-build
	$(PY) build.py build

lint: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

test: lint
	$(PY) -m pytest
