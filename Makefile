# Patrika: the two commands of the README, plus bench and lint.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
APT_PACKAGES := postgresql redis-server chromium fonts-noto-core wamerican hunspell-hi dict-freedict-eng-hin
BENCH_APT_PACKAGES := wrk

.PHONY: audit bench-cluster demo test test-sqlite test-postgres bench bench-pages bench-comments bench-search bench-import bench-lint lint install install-test system-deps clean

$(BIN)/patrika: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.test-deps: $(BIN)/patrika
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $@

install: $(BIN)/patrika

install-test: $(VENV)/.test-deps

## make demo: install, migrate SQLite under ./var/, load demo stories, print admin login, serve :8000
demo: install
	$(BIN)/patrika demo

system-deps:
	@scripts/system-deps.sh $(APT_PACKAGES)

## make test: install what tests need, ruff, mypy, then the suite on SQLite and on a throwaway PostgreSQL
test: install-test system-deps
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/patrika makemigrations --check --dry-run
	$(MAKE) audit
	$(MAKE) test-sqlite
	$(MAKE) test-postgres

## make audit: pip-audit over the pinned dependencies; fails on a known vulnerability
audit: install-test
	$(BIN)/python scripts/audit.py

test-sqlite:
	$(BIN)/pytest -p no:cacheprovider

test-postgres:
	scripts/with-postgres.sh $(BIN)/pytest -p no:cacheprovider

## make bench: pages, comments, search and import figures (bench-pages etc. run one each)
bench: bench-pages bench-comments bench-search bench-import

bench-pages: install-test
	@scripts/system-deps.sh $(BENCH_APT_PACKAGES)
	$(BIN)/python scripts/bench_pages.py

bench-comments: install-test
	$(BIN)/python scripts/bench_comments.py

bench-search: install-test system-deps
	$(BIN)/python scripts/bench_search.py

bench-import: install-test
	$(BIN)/python scripts/bench_import.py

## make bench-cluster: two servers on PostgreSQL + Redis, 10,000 stories: API and pages with wrk, a backup under load
bench-cluster: install-test system-deps
	@scripts/system-deps.sh $(BENCH_APT_PACKAGES)
	scripts/cluster.sh $(BIN)/python scripts/bench_cluster.py

## make bench-lint: the linter's recall on seeded defects and false positives on clean stories
bench-lint: install-test
	$(BIN)/python scripts/bench_lint.py

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/patrika makemigrations --check --dry-run

clean:
	rm -rf $(VENV) var test-artifacts
