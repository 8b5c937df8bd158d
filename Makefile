# Two commands do all the set-up on a fresh machine: `make sample` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: install sample test lint bench eval

$(BIN)/detente: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/detente

sample: install  ## code the bundled sample corpus
	$(BIN)/detente code samples/articles.jsonl
	@echo "Next: store the events and follow a dyad over time:"
	@echo "  $(BIN)/detente ingest samples/articles.jsonl --db sample.duckdb"
	@echo "  $(BIN)/detente dyad CHN PHL --db sample.duckdb --plot chn-phl.png"

test: install  ## run the test suite
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check src tests bench

eval: install  ## score the coder on the team's gold set
	$(BIN)/detente eval tests/gold

bench: install  ## throughput of detente code vs spaCy's full pipeline
	$(BIN)/python bench/coder_speed.py
