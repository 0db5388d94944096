# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8501
DATA_DIR ?= ../shared/datasets/ct24-checkworthy-english
export WORKBENCH_DATABASE_URL ?= sqlite:///data/workbench.db

.PHONY: run test bench lint init venv dev-venv train clean-venv

# The virtualenv is rebuilt only when the requirements change (stamp files below).
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime-stamp: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.dev-stamp: requirements-dev.txt $(VENV)/.runtime-stamp
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

venv: $(VENV)/.runtime-stamp
dev-venv: $(VENV)/.dev-stamp

init: venv
	$(BIN)/workbench audit key
	$(BIN)/workbench init
	$(BIN)/workbench casefiles import claims/
	$(BIN)/workbench users bootstrap

run: init
	$(BIN)/workbench serve --port $(PORT)

test: dev-venv
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: dev-venv
	$(BIN)/python bench/run_all.py

lint: dev-venv
	$(BIN)/ruff check workbench tests bench

train: dev-venv
	$(BIN)/python -m workbench.extraction.train $(DATA_DIR)

clean-venv:
	rm -rf $(VENV)
