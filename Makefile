# Erasmus+ -hyvien käytäntöjen tietopankki. `make serve` näyttää sivuston, `make test` ajaa testit.
# Every target sets up .venv/ itself when it is missing or older than pyproject.toml or the lock.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Every Python package, pinned with its hashes (runtime and test tools): `make lock` writes it from
# pyproject.toml. uv only writes the lock; pip installs from it.
LOCK   := requirements.lock
UV     := uv==0.13.8
NODE_STAMP := node_modules/.installed
VOIKKO := /usr/lib/voikko/5/mor-standard/mor.vfst
ADDR   ?= 127.0.0.1:8000
# `make check FORMAT=github` prints problems as GitHub Actions annotations
FORMAT ?= text

export NO_MKDOCS_2_WARNING := 1

.PHONY: serve site canary test test-quick durations lint check schemas schemas-check bench browser openssl rehearsal lighthouse lock clean

# Exactly the lock's files (pip refuses a package whose hash differs), then the project itself.
$(STAMP): pyproject.toml $(LOCK)
	@scripts/bootstrap-venv "$(PYTHON)" "$(VENV)"
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r $(LOCK)
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $@

# The browser code's tools (Biome) from the npm registry, exactly as package-lock.json names them.
# Node 20 and npm come with GitHub's runners; on Debian they are installed when we may.
$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || scripts/apt-install "selainkoodin tarkistus ja testit tarvitsevat Noden ja npm:n" nodejs npm
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Rewrites the lock after a change to the dependencies in pyproject.toml: versions already locked
# stay as they are while they still fit; `make lock LOCK_ARGS=--upgrade` takes the newest of all.
# The lock holds every platform's files (--universal), from the lowest Python pyproject.toml allows.
lock: PYTHON_MIN = $(shell sed -n 's/^requires-python = ">=\([0-9.]*\)".*/\1/p' pyproject.toml)
lock:
	@scripts/bootstrap-venv "$(PYTHON)" "$(VENV)"
	$(BIN)/pip install --quiet --disable-pip-version-check $(UV)
	$(BIN)/uv pip compile --quiet pyproject.toml --extra test --universal --generate-hashes \
	  --python-version $(PYTHON_MIN) --custom-compile-command "make lock" --output-file $(LOCK) $(LOCK_ARGS)

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
# page the same article text and links (scripts/canary.py). ProperDocs builds twice: with our
# adapter inside it, and as the engine alone inside `python -m generator build`. Switching engines
# is a configuration change only while this passes (ARCHITECTURE.md).
CANARY := .venv-canary
# The lock's files as for .venv/, then ProperDocs at the version pyproject.toml's `canary` extra
# names (its own dependencies are MkDocs's, already in the lock).
$(CANARY)/.installed: PROPERDOCS = $(shell sed -n 's/^  "\(properdocs==[0-9.]*\)",*$$/\1/p' pyproject.toml)
$(CANARY)/.installed: pyproject.toml $(LOCK)
	@scripts/bootstrap-venv "$(PYTHON)" "$(CANARY)"
	$(CANARY)/bin/pip install --quiet --disable-pip-version-check --require-hashes -r $(LOCK)
	$(CANARY)/bin/pip install --quiet --disable-pip-version-check --no-deps -e . "$(PROPERDOCS)"
	@touch $@

canary: export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || date +%s)
canary: $(STAMP) $(CANARY)/.installed $(VOIKKO)
	$(BIN)/python scripts/canary.py --engine $(BIN)/mkdocs --engine $(CANARY)/bin/properdocs \
	  --pipeline $(CANARY)/bin/properdocs

check: $(STAMP)
	$(BIN)/python -m generator check --format $(FORMAT)

schemas: $(STAMP)
	$(BIN)/python -m generator schemas

schemas-check: $(STAMP)
	$(BIN)/python -m generator schemas --check

# The tests run in parallel, one process per core (pytest-xdist; `make test PYTEST_JOBS=0`: in one),
# each process taking the next test when it is free (the longest come first: tests/conftest.py).
# Each shared build is made once per run, by whichever process needs it first.
PYTEST_JOBS ?= auto
PYTEST := $(BIN)/python -m pytest -n $(PYTEST_JOBS) --maxschedchunk 1
# The browser modules' logic that needs no page (tests/js/, Node's own test runner; the tests ask
# the Python generator for the data the site gives those modules).
NODE_TESTS := KB_PYTHON=$(BIN)/python node --test tests/js/*.test.js

test: lint browser openssl $(VOIKKO)
	$(NODE_TESTS)
	$(PYTEST)

# The quick tier: every test that needs no build and no browser, in under a minute (README, "Testit").
test-quick: $(STAMP) $(VOIKKO)
	$(NODE_TESTS)
	KB_TEST_TIER=quick $(PYTEST) -m "not build and not browser"

# The longest tests' times from the last run into tests/durations.json (in git), so that a fresh
# clone and CI start the longest first too: after a full `make test` on the 2-core machine.
durations: $(STAMP)
	$(BIN)/python scripts/save_test_durations.py

# Lint and format (ruff), types (mypy, strict on generator/) and the layering of the packages
# (import-linter); all configured in pyproject.toml. The browser code: Biome (biome.json), lint,
# format and import order; `node_modules/.bin/biome check --write .` applies its format and fixes.
lint: $(STAMP) $(NODE_STAMP)
	$(BIN)/ruff check --quiet .
	$(BIN)/ruff format --check --quiet .
	$(BIN)/mypy
	@$(BIN)/lint-imports --no-cache > $(VENV)/lint-imports.log || { cat $(VENV)/lint-imports.log; exit 1; }
	node_modules/.bin/biome ci --error-on-warnings .

# The browser the tests drive is found, not assumed (scripts/find_browser.py: KB_BROWSER, then
# the headless shell, /usr/bin/chromium, Google Chrome, Playwright's own); on Debian its
# chromium-headless-shell and chromium are installed when missing.
browser:
	@scripts/install-browser

$(VOIKKO):
	@scripts/install-voikko

# The certificate of the HTTP/2 host that `make lighthouse` serves the site from (scripts/static_host.py;
# a browser test serves from it too) is made with openssl, installed on Debian when missing.
openssl:
	@command -v openssl >/dev/null 2>&1 || scripts/apt-install "HTTP/2-palvelimen varmenne tehdään openssl:llä" openssl

# Synthetic corpora of 100, 1,000 and 10,000 entries, timed (takes 20–30 minutes), and the preview's
# save-to-reload time (make serve) for the shipped content, 1,000 and 10,000 entries; writes the
# table into benchmarks/README.md. `make bench BENCH_ARGS="--sizes 100 1000"` for a quick run.
# The browser measures what the home page and a first search download.
bench: $(STAMP) browser $(VOIKKO)
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

# Lighthouse (mobile) on the home page, a pair page, the table, the finder, a search and the plan,
# and on the Swedish home page and a Swedish search,
# with the site built and served on 127.0.0.1 as a static host serves it (HTTP/2, TLS, gzip); prints
# performance, LCP, TBT and accessibility per page (scripts/lighthouse/run.py; about 2 min).
# Lighthouse is the npm package pinned in scripts/lighthouse/package-lock.json, installed by npm ci.
LIGHTHOUSE := scripts/lighthouse/node_modules/.installed

$(LIGHTHOUSE): scripts/lighthouse/package.json scripts/lighthouse/package-lock.json
	@command -v npm >/dev/null 2>&1 || scripts/apt-install "make lighthouse tarvitsee Noden ja npm:n" nodejs npm
	cd scripts/lighthouse && npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

lighthouse: site browser openssl $(LIGHTHOUSE)
	$(BIN)/python scripts/lighthouse/run.py site $(LIGHTHOUSE_ARGS)

# The two GitHub workflows' steps, read from .github/workflows/, in a fresh clone of the current
# commit as an unprivileged user with passwordless sudo, as on GitHub's runners (as root; 15–30 min).
rehearsal: $(STAMP)
	$(BIN)/python scripts/runner-rehearsal $(REHEARSAL_ARGS)

clean:
	rm -rf site .pytest_cache build
