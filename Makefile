# Erasmus+ -hyvien käytäntöjen tietopankki. `make serve` näyttää sivuston, `make test` ajaa testit.
# Every target sets up .venv/ itself when it is missing or older than pyproject.toml.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
ADDR   ?= 127.0.0.1:8000

export NO_MKDOCS_2_WARNING := 1

.PHONY: serve site test check bench clean

$(STAMP): pyproject.toml
	@scripts/bootstrap-venv "$(PYTHON)" "$(VENV)"
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $@

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr $(ADDR) --livereload

# The knowledge-base plugin checks the content (every problem, with its position) before MkDocs
# empties site/, so a separate `check` here would only read and validate everything twice.
site: $(STAMP)
	$(BIN)/mkdocs build --strict

check: $(STAMP)
	$(BIN)/python -m generator check

test: $(STAMP)
	$(BIN)/python -m pytest

# Synthetic corpora of 100, 1,000 and 10,000 entries, timed (takes 10–15 minutes); writes the
# table into benchmarks/README.md. `make bench BENCH_ARGS="--sizes 100 1000"` for a quick run.
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

clean:
	rm -rf site .pytest_cache build
