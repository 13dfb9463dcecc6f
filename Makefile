# Two commands for a newcomer: `make serve` and `make test`. Everything else is here for them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build check new import test lint coverage browser lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.txt
	touch $@

$(VENV)/.test: requirements-test.txt $(VENV)/.site
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements-test.txt
	touch $@

serve: $(VENV)/.site  ## build and serve on localhost:8000, rebuilding on every change
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.site
	$(BIN)/mkdocs build --strict

check: $(VENV)/.site  ## the content check contributors run
	$(BIN)/python scripts/notes.py check

new: $(VENV)/.site  ## start a write-up: make new TITLE="Joining forces across sectors"
	@test -n "$(TITLE)" || { echo 'Give the title: make new TITLE="Joining forces across sectors"' >&2; exit 1; }
	$(BIN)/python scripts/notes.py new "$(TITLE)"

import: $(VENV)/.site  ## a circulated write-up (.txt, a pasted email, .md, .docx, .eml) as a draft: make import FILE=notes.docx
	@test -n "$(FILE)" || { echo 'Give the write-up: make import FILE=path/to/write-up.docx (or .txt, .md, .eml)' >&2; exit 1; }
	$(BIN)/python scripts/notes.py import "$(FILE)"

CHROMIUM ?= /usr/bin/chromium
export CHROMIUM

browser:  ## Debian's Chromium for the browser tests (installed when run as root)
	@test -x "$(CHROMIUM)" || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then apt-get update -q && apt-get install -y -q chromium; \
	  else echo "The browser tests need Debian's Chromium: run 'sudo apt-get install -y chromium', then 'make test' again." >&2; exit 1; fi; }

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "The tests need Node.js 20 and npm (Lighthouse, the Nu Html Checker, linkinator)." >&2; exit 1; }
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

test: $(VENV)/.test node_modules/.installed browser lint
	$(BIN)/python scripts/notes.py check
	$(BIN)/python -m pytest

lint: $(VENV)/.test  ## ruff (lint and format) and mypy (strict on the core): settings in pyproject.toml
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests
	$(BIN)/mypy

NO_BROWSER := --deselect tests/test_browser.py --deselect tests/test_lighthouse.py --deselect tests/test_links_and_html.py
# The renderers change shape as the archive grows: every branch must be reached (tests/test_scale.py).
coverage: $(VENV)/.test  ## branch coverage of the core by the tests that need no browser
	$(BIN)/python -m coverage run --branch --source scripts/notes_core -m pytest -q $(NO_BROWSER)
	$(BIN)/python -m coverage report --show-missing
	$(BIN)/python -m coverage report --include='scripts/notes_core/render/*' --fail-under=100

lock:  ## re-pin requirements*.txt with hashes after editing requirements*.in
	$(BIN)/pip install --quiet "pip-tools==7.6.2"
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links requirements.in -o requirements.txt
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links requirements-test.in -o requirements-test.txt

clean:
	rm -rf site $(VENV) node_modules
