# Two commands on a fresh machine: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
INPUT  ?= ../shared/corpus/seeds
OUT    ?= out/demo
STAMP  := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium

.PHONY: install browser demo serve test bench clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install -q --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

# Debian's Chromium for the browser tests (Playwright drives it; it never downloads a browser).
browser:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
	      || echo "note: could not install chromium: the browser tests will be skipped"; \
	  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then \
	    (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
	      || echo "note: could not install chromium: the browser tests will be skipped"; \
	  else \
	    echo "note: $(CHROMIUM) is missing and apt-get needs root here: the browser tests will be skipped"; \
	  fi; \
	fi

demo: install
	$(BIN)/storyline run $(INPUT) --out $(OUT)
	@echo "report: $(OUT)/report.md, $(OUT)/report.html; browse it with: $(BIN)/storyline serve --out $(OUT)"

serve: install
	$(BIN)/storyline serve --out $(OUT)

test: install browser
	$(BIN)/python -m pytest -q -n 2 -p no:cacheprovider

bench: install
	$(BIN)/pip install -q --disable-pip-version-check -r requirements-bench.lock
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/timex.py
	$(BIN)/python bench/quotes.py
	$(BIN)/python bench/read.py
	$(BIN)/python bench/web.py

clean:
	rm -rf $(VENV) out build src/*.egg-info
