# One word per task: the README tells people to type these.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The hidden lockfile npm ci writes dates node_modules, as $(STAMP) dates the venv.
NODE_STAMP := node_modules/.package-lock.json
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# `make bench BENCH_ARGS=--smoke`: every benchmark once on tiny inputs (also --quick, --all).
BENCH_ARGS ?=

.PHONY: install run test test-sqlite test-postgres lint format bench messages clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(STAMP)

$(NODE_STAMP): package-lock.json
	npm ci --silent
	@touch $(NODE_STAMP)

install: $(STAMP)
	@bash scripts/install-system-packages.sh || true
	$(BIN)/slideshelf migrate --no-input --verbosity 0
	$(BIN)/slideshelf collectstatic --no-input --verbosity 0

run: install
	$(BIN)/slideshelf demo
	$(BIN)/slideshelf serve --host $(HOST) --port $(PORT)

test: $(STAMP) $(NODE_STAMP)
	@bash scripts/install-system-packages.sh || true
	$(BIN)/pytest -n auto --durations=15 $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy slideshelf

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install
	$(BIN)/python -m bench $(BENCH_ARGS)

# From inside the package, so compilemessages leaves the .venv's catalogues alone.
messages: $(STAMP)
	cd slideshelf && $(abspath $(BIN))/slideshelf makemessages -l sv --ignore "*/demo/*"
	cd slideshelf && $(abspath $(BIN))/slideshelf compilemessages

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
