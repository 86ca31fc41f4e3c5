# Erasmus+ -hyvien käytäntöjen tietopankki. `make serve` näyttää sivuston, `make test` ajaa testit.
# Every target sets up .venv/ itself when it is missing or older than pyproject.toml.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
BROWSER := /usr/bin/chromium
VOIKKO := /usr/lib/voikko/5/mor-standard/mor.vfst
ADDR   ?= 127.0.0.1:8000

export NO_MKDOCS_2_WARNING := 1

.PHONY: serve site test check clean

$(STAMP): pyproject.toml
	@scripts/bootstrap-venv "$(PYTHON)" "$(VENV)"
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $@

serve: $(STAMP) $(VOIKKO)
	$(BIN)/mkdocs serve --dev-addr $(ADDR) --livereload

site: $(STAMP) $(VOIKKO)
	$(BIN)/python -m generator check
	$(BIN)/mkdocs build --strict

check: $(STAMP)
	$(BIN)/python -m generator check

test: $(STAMP) $(BROWSER) $(VOIKKO)
	$(BIN)/python -m pytest

$(BROWSER):
	@scripts/install-browser

$(VOIKKO):
	@scripts/install-voikko

clean:
	rm -rf site .pytest_cache
