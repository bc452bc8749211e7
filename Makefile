# Two commands on a fresh machine: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
INPUT  ?= ../shared/corpus/seeds
OUT    ?= out/demo
STAMP  := $(VENV)/.installed

.PHONY: install demo test bench clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install -q --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/storyline run $(INPUT) --out $(OUT)
	@echo "report: $(OUT)/report.md"

test: install
	$(BIN)/python -m pytest -q -n 2 -p no:cacheprovider

bench: install
	$(BIN)/pip install -q --disable-pip-version-check -r requirements-bench.lock
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/timex.py
	$(BIN)/python bench/quotes.py
	$(BIN)/python bench/read.py

clean:
	rm -rf $(VENV) out build src/*.egg-info
