# Two commands do all the setup (see README): `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium

.PHONY: site test serve check clean chromium lint typecheck

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Cần Python 3.11 trở lên (Python 3.11+ is required)."; exit 1; }
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -q && apt-get install -y -q python3-venv && $(PYTHON) -m venv $(VENV); \
	  else echo "Install the venv module first: sudo apt-get install python3-venv"; exit 1; fi; }
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.site-deps: requirements/site.txt | $(BIN)/python
	$(BIN)/pip install -q --require-hashes -r requirements/site.txt
	touch $@

$(VENV)/.test-deps: requirements/test.txt | $(BIN)/python
	$(BIN)/pip install -q --require-hashes -r requirements/test.txt
	touch $@ $(VENV)/.site-deps

## Build the whole site into site/ (the previous site/ survives a failed build).
site: $(VENV)/.site-deps
	$(BIN)/python -m generator site

## Validate the data only.
check: $(VENV)/.site-deps
	$(BIN)/python -m generator check

## Preview at http://127.0.0.1:8000, rebuilding on changes to data/, content/, theme/.
serve: $(VENV)/.site-deps
	$(BIN)/python -m mkdocs serve --livereload --dirty --no-strict

## What the pre-commit hooks and the pull-request workflow run: data check, yamllint, formatting, types.
lint: $(VENV)/.test-deps
	$(BIN)/python -m generator check
	$(BIN)/yamllint -c .yamllint.yaml data .github mkdocs.yml .yamllint.yaml .pre-commit-config.yaml
	$(BIN)/ruff format --check generator tests benchmarks
	$(BIN)/mypy

## Type-check generator/ with mypy (settings under [tool.mypy] in pyproject.toml).
typecheck: $(VENV)/.test-deps
	$(BIN)/mypy

## Every test, including the browser tests in headless Chromium.
test: $(VENV)/.test-deps chromium
	$(BIN)/python -m pytest

## Debian's Chromium for the browser tests (Playwright cannot download its own here).
chromium:
	@if [ -x "$(CHROMIUM)" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing Debian's chromium for the browser tests…"; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; \
	else \
	  echo "Browser tests need Chromium: sudo apt-get install chromium (they are skipped without it, and fail under CI=true)."; \
	fi

clean:
	rm -rf site build .site-* .pytest_cache .mypy_cache
