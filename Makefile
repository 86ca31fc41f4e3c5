# Erasmus+ -hyvien käytäntöjen tietopankki. `make serve` näyttää sivuston, `make test` ajaa testit.
# Every target sets up .venv/ itself when it is missing or older than pyproject.toml.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
VOIKKO := /usr/lib/voikko/5/mor-standard/mor.vfst
ADDR   ?= 127.0.0.1:8000
# `make check FORMAT=github` prints problems as GitHub Actions annotations
FORMAT ?= text

export NO_MKDOCS_2_WARNING := 1

.PHONY: serve site canary test lint check schemas schemas-check bench browser rehearsal clean

$(STAMP): pyproject.toml
	@scripts/bootstrap-venv "$(PYTHON)" "$(VENV)"
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $@

serve: $(STAMP) $(VOIKKO)
	$(BIN)/mkdocs serve --dev-addr $(ADDR) --livereload --dirty

# Reproducible builds: the site's timestamps (sitemap dates, the gzip header of sitemap.xml.gz)
# come from the last commit, so two builds of one commit are byte-identical. Outside a git
# checkout the clock is used. A SOURCE_DATE_EPOCH already in the environment wins.
# The knowledge-base plugin checks the content (every problem, with its position) first, and the
# build writes into a fresh folder beside site/ that takes site/'s place only when the whole
# build succeeded (generator/publish.py): a failed, interrupted or concurrent build leaves site/
# as it was. A separate `check` here would only read and validate everything twice.
site: export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || date +%s)
site: $(STAMP) $(VOIKKO)
	$(BIN)/mkdocs build --strict

# The canary: the site built by MkDocs and by ProperDocs (the maintained fork of MkDocs 1.x, in a
# virtual environment of its own, .venv-canary/), compared page by page: the same files, on every
# page the same article text and links (scripts/canary.py). Switching engines is a configuration
# change only while this passes (ARCHITECTURE.md).
CANARY := .venv-canary
$(CANARY)/.installed: pyproject.toml
	@scripts/bootstrap-venv "$(PYTHON)" "$(CANARY)"
	$(CANARY)/bin/pip install --quiet --disable-pip-version-check -e '.[canary]'
	@touch $@

canary: export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || date +%s)
canary: $(STAMP) $(CANARY)/.installed $(VOIKKO)
	$(BIN)/python scripts/canary.py --engine $(BIN)/mkdocs --engine $(CANARY)/bin/properdocs

check: $(STAMP)
	$(BIN)/python -m generator check --format $(FORMAT)

schemas: $(STAMP)
	$(BIN)/python -m generator schemas

schemas-check: $(STAMP)
	$(BIN)/python -m generator schemas --check

test: lint browser $(VOIKKO)
	$(BIN)/python -m pytest

# Lint and format (ruff), types (mypy, strict on generator/) and the layering of the packages
# (import-linter); all configured in pyproject.toml.
lint: $(STAMP)
	$(BIN)/ruff check --quiet .
	$(BIN)/ruff format --check --quiet .
	$(BIN)/mypy
	@$(BIN)/lint-imports --no-cache > $(VENV)/lint-imports.log || { cat $(VENV)/lint-imports.log; exit 1; }

# The browser the tests drive is found, not assumed (scripts/find_browser.py: KB_BROWSER, then
# /usr/bin/chromium, Google Chrome, Playwright's own); Debian's chromium is installed if none is.
browser:
	@scripts/install-browser

$(VOIKKO):
	@scripts/install-voikko

# Synthetic corpora of 100, 1,000 and 10,000 entries, timed (takes 20–30 minutes), and the preview's
# save-to-reload time (make serve) for the shipped content, 1,000 and 10,000 entries; writes the
# table into benchmarks/README.md. `make bench BENCH_ARGS="--sizes 100 1000"` for a quick run.
# The browser measures what the home page and a first search download.
bench: $(STAMP) browser $(VOIKKO)
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

# The two GitHub workflows' steps, read from .github/workflows/, in a fresh clone of the current
# commit as an unprivileged user with passwordless sudo, as on GitHub's runners (as root; 15–30 min).
rehearsal: $(STAMP)
	$(BIN)/python scripts/runner-rehearsal $(REHEARSAL_ARGS)

clean:
	rm -rf site .pytest_cache build
