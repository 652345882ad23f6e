# The two commands of the README's quick start:
#   make serve   set everything up, then serve the example site on http://127.0.0.1:8000/
#   make test    set everything up, then run the whole test suite (lint, types, tests)
PY := .venv/bin/python

.PHONY: setup serve site test lint
setup:
	@bash scripts/setup.sh

serve: setup
	$(PY) build.py serve

site: setup
	$(PY) build.py build

lint: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

test: lint
	$(PY) -m pytest
