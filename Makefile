# newsclaims: `make run` runs the flow on seeds/, `make test` runs the tests.
# Both bootstrap from a machine with only Python 3.11+: install uv if missing, then sync the
# locked environment (uv.lock) into .venv.

PYTHON ?= python3
UV := $(shell command -v uv 2>/dev/null)
ifeq ($(UV),)
UV := $(shell $(PYTHON) -c 'import sysconfig; print(sysconfig.get_path("scripts"))')/uv
endif
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export DO_NOT_TRACK ?= 1

.PHONY: setup run test lint bench clean browser browser

$(UV):
	$(PYTHON) -m pip install --quiet uv || $(PYTHON) -m pip install --quiet --user --break-system-packages uv

.venv/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen
	touch $@

setup: .venv/.synced

run: setup
	$(UV) run newsclaims run

test: setup browser
	$(UV) run ruff check .
	$(UV) run pytest

# Debian's chromium for the report's browser test, installed when missing and we may (root,
# apt-get); elsewhere the browser test says it is skipped and why.
browser:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	  && apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } \
	  || echo "chromium is not installed: the report's browser test will be skipped"

lint: setup
	$(UV) run ruff check .

bench: setup
	$(UV) run python benchmarks/bench_claims.py
	$(UV) run python benchmarks/bench_normalize.py
	$(UV) run python benchmarks/bench_entities.py
	$(UV) run python benchmarks/bench_incremental.py
	$(UV) run python benchmarks/bench_scale.py --write

clean:
	rm -rf warehouse/*.duckdb warehouse/*.build warehouse/runs.jsonl warehouse/checks \
	       warehouse/rejected warehouse/data_docs warehouse/report warehouse/.report.* \
	       warehouse/parquet warehouse/staging
