# The two commands a newcomer needs: `make run` and `make test`; `make serve` for an audience (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
BUILD := $(or $(INKLUSI_BUILD_DIR),build)
PORT ?= 8501
AXE := $(BUILD)/axe/node_modules/axe-core/axe.min.js
DATA_INPUTS := $(wildcard data/*.csv data/*.toml queries/build/*.sql) inklusi/store/build.py inklusi/store/mentoring.py inklusi/store/boundaries.py

.PHONY: run serve test lint data bench clean

# uv installs the pinned requirements from PyPI, as pip would, in a third of pip's time (46 s of
# pip's 69 for both files, measured on two cores), the bytecode compiled at once: PYTHONDONTWRITEBYTECODE
# machines would otherwise compile every import again in every process.
UV := $(PY) -m uv pip install --quiet --python $(PY) --compile-bytecode
UV_VERSION := 0.13.10

# uv itself, installed again when the Makefile (its pinned version) changes.
$(VENV)/.uv: Makefile
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	touch $@

$(VENV)/.runtime: requirements.txt $(VENV)/.uv
	$(UV) -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime $(VENV)/.uv requirements-dev.txt
	$(UV) -r requirements-dev.txt
	touch $@

# The stamp is written only when data and boundaries both built.
$(BUILD)/.built: $(VENV)/.runtime $(DATA_INPUTS)
	$(PY) -m inklusi build
	touch $@

# The light audience view's pages: built again only when the data or the code changed (a stamp of both).
data: $(BUILD)/.built
	$(PY) -m inklusi audience

# Without boundaries (no internet, no mirror) the dashboard still starts and says how to get them.
run: $(VENV)/.runtime
	-@$(MAKE) --no-print-directory data
	$(PY) -m streamlit run dashboard.py --server.address=localhost --server.port=$(PORT)

# nginx in front of one replica per core (REPLICAS=n to choose) on port 8080 (INKLUSI_SERVE_PORT).
serve: $(VENV)/.runtime
	-@$(MAKE) --no-print-directory data
	$(PY) -m inklusi serve

# axe-core for the accessibility tests, from the npm registry (git-ignored under build/).
$(AXE):
	npm install --prefix $(BUILD)/axe --no-audit --no-fund --silent axe-core@4.14.1

# One worker per core (each with its own server, browser and ports; the checks of one page load
# stay on one worker, and the serial tests run one after another on one worker: tests/conftest.py).
test: $(VENV)/.dev data $(AXE)
	$(PY) -m pytest -n auto --dist loadgroup --durations=10

# ruff (format check and lint, pyproject.toml) and sqlfluff on queries/ (.sqlfluff).
lint: $(VENV)/.dev
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/sqlfluff lint queries

bench: $(VENV)/.dev data
	$(PY) -m bench

clean:
	rm -rf $(BUILD) $(VENV)
