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

sample: install  ## code the bundled sample corpus, store it, and say how to see the dashboard
	$(BIN)/detente code samples/articles.jsonl
	$(BIN)/detente ingest samples/articles.jsonl --db sample.duckdb --quiet
	@echo "Stored in sample.duckdb (running it again adds nothing). Next: follow a dyad over time, or map the events:"
	@echo "  $(BIN)/detente dyad CHN PHL --db sample.duckdb --plot chn-phl.png"
	@echo "  $(BIN)/detente map --db sample.duckdb --plot map.png"
	@echo "Dashboard: $(BIN)/detente serve --db sample.duckdb"
	@echo "  then open http://127.0.0.1:8000/"

test: install  ## run the test suite
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check src tests bench

eval: install  ## score the coder on the team's gold sets: events, then places
	$(BIN)/detente eval tests/gold
	$(BIN)/detente eval-places tests/gold-places

bench: install  ## throughput of detente code vs spaCy's full pipeline
	$(BIN)/python bench/coder_speed.py

.PHONY: load
load: install  ## 10,000 requests from 20 clients against a served 100k-event store
	$(BIN)/python bench/api_load.py
