# Two commands do all the set-up on a fresh machine:
#   make demo  - venv, pinned dependencies, models, sample data, then the app on :8501
#   make test  - the same set-up plus test-only system packages, lint, the whole suite
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PIP := $(BIN)/python -m pip

.PHONY: install sysdeps-test models lint format test demo serve bench eval clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	# torch first, pinned: the CPU build lies on disk; an unpinned torch pulls CUDA
	$(PIP) install -q -c constraints.txt torch==2.13.0
	$(PIP) install -q -c constraints.txt -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

sysdeps-test:
	bash scripts/install_system_deps.sh test

models: install
	$(BIN)/voc models prepare

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: install sysdeps-test models lint
	bash scripts/run_tests.sh

demo: install
	$(BIN)/voc demo

bench: install models
	$(BIN)/python -m benchmarks

eval: install models
	$(BIN)/voc report-eval

clean:
	rm -rf $(VENV) models/encoders models/cache var .pytest_cache .ruff_cache
