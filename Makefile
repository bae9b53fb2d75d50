# The two commands of the README: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= detente.duckdb

.PHONY: run test lint typecheck browser pytest bench clean

# The venv is rebuilt when pyproject.toml changes; the stamp records the last good install.
$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

run: $(VENV)/.installed
	$(BIN)/detente ingest --examples --db $(DB)
	$(BIN)/detente query events --db $(DB) --format table

test: lint typecheck browser pytest

# The browser tests drive Debian's Chromium (apt), never a browser downloaded by Playwright.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO="sudo"; \
		$$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q chromium; }

lint: $(VENV)/.installed
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools

typecheck: $(VENV)/.installed
	$(BIN)/mypy

# pytest exits 5 when it collects no tests; that is not a failure of the code.
pytest: $(VENV)/.installed
	$(BIN)/python -m pytest; status=$$?; [ $$status -eq 5 ] && exit 0; exit $$status

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .ruff_cache .mypy_cache test-output
