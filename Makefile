# Two commands on a fresh machine: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
INPUT  ?= ../shared/corpus/seeds
OUT    ?= out/demo
STAMP  := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium

.PHONY: install system demo serve test bench clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install -q --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

# Debian packages for the tests, each installed only when missing: Chromium for the
# browser tests (Playwright drives it; it never downloads a browser), the PostgreSQL
# server for the shared-store tests (they start their own cluster in a temporary folder;
# pg_ctlcluster comes with the server package, not with the client), Java for the Spark runner.
DEBIAN := $(CHROMIUM)=chromium /usr/bin/pg_ctlcluster=postgresql /usr/bin/java=openjdk-17-jre-headless
system:
	@scripts/debian-packages.sh $(DEBIAN)

demo: install
	$(BIN)/storyline run $(INPUT) --out $(OUT)
	@echo "report: $(OUT)/report.md, $(OUT)/report.html; browse it with: $(BIN)/storyline serve --out $(OUT)"

serve: install
	$(BIN)/storyline serve --out $(OUT)

test: install system
	$(BIN)/python -m pytest -q -n 2 -p no:cacheprovider

bench: install
	$(BIN)/pip install -q --disable-pip-version-check -r requirements-bench.lock
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/timex.py
	$(BIN)/python bench/quotes.py
	$(BIN)/python bench/read.py
	$(BIN)/python bench/web.py
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/stories.py --halves
	$(BIN)/python bench/stories_twins.py
	$(BIN)/python bench/connect_scale.py

clean:
	rm -rf $(VENV) out build src/*.egg-info
