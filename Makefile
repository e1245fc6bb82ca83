# Two commands do all the setup (see README): `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium

.PHONY: site test serve check clean chromium icu lint typecheck

# Root installs Debian packages itself; otherwise through sudo when it needs no password (CI runners).
APT := $(shell if [ "$$(id -u)" = 0 ]; then echo apt-get; elif sudo -n true 2>/dev/null; then echo "sudo apt-get"; fi)

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Cần Python 3.11 trở lên (Python 3.11+ is required)."; exit 1; }
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -q && apt-get install -y -q python3-venv && $(PYTHON) -m venv $(VENV); \
	  else echo "Install the venv module first: sudo apt-get install python3-venv"; exit 1; fi; }
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.site-deps: requirements/site.txt | $(BIN)/python
	@$(MAKE) --no-print-directory icu
	$(BIN)/pip install -q --require-hashes -r requirements/site.txt
	touch $@

$(VENV)/.test-deps: requirements/test.txt | $(BIN)/python
	@$(MAKE) --no-print-directory icu
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

## Debian's Chromium for the browser tests (Playwright cannot download its own here), and a
## serif font with every Vietnamese letter for the print tests (DejaVu Serif; no web font).
chromium:
	@if [ -x "$(CHROMIUM)" ] && fc-list 2>/dev/null | grep -q "DejaVu Serif"; then exit 0; fi; \
	if [ -n "$(APT)" ] && command -v apt-get >/dev/null; then \
	  echo "Installing Debian's chromium and fonts-dejavu-core for the browser tests…"; \
	  $(APT) update -q && DEBIAN_FRONTEND=noninteractive $(APT) install -y -q chromium fonts-dejavu-core; \
	else \
	  echo "Browser tests need Chromium and DejaVu Serif: sudo apt-get install chromium fonts-dejavu-core (they are skipped without Chromium, and fail under CI=true)."; \
	fi

## ICU and a C++ compiler: PyICU (Vietnamese alphabetical order) builds against the system's ICU.
icu:
	@if pkg-config --exists icu-i18n 2>/dev/null && command -v g++ >/dev/null && \
	  $(PYTHON) -c 'import os, sys, sysconfig; sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))'; \
	then exit 0; fi; \
	if [ -n "$(APT)" ] && command -v apt-get >/dev/null; then \
	  echo "Installing ICU, pkg-config and g++ to build PyICU…"; \
	  $(APT) update -q && DEBIAN_FRONTEND=noninteractive $(APT) install -y -q libicu-dev pkg-config g++ python3-dev; \
	else \
	  echo "PyICU needs ICU and a C++ compiler: sudo apt-get install libicu-dev pkg-config g++ python3-dev"; exit 1; \
	fi

clean:
	rm -rf site build .site-* .pytest_cache .mypy_cache
