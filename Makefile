# The three commands of the README. Each creates .venv when missing and
# installs the project into it; the stamp files make re-runs instant until
# pyproject.toml changes.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# The oldest supported versions (constraints/oldest.txt), for `make test` only.
OLDEST := .venv-oldest
SAMPLE := data/sample_log.xlsx
SAMPLE_AS_OF := 2026-04-17
# The unit tests and doctests once more, in another configuration (not the notebooks).
# No cache plugin: these runs go alongside the main one.
RERUN  := MPLBACKEND=Agg INFOVIEW_STRING_STORAGE=python
RERUN_ARGS := -m pytest -q -p no:cacheprovider

.PHONY: demo test lab lint typecheck bench clean test-main test-notebooks test-python-strings test-oldest

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[notes]"
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (infoview .venv)" >/dev/null
	touch $(VENV)/.installed $@

$(OLDEST)/bin/python:
	$(PYTHON) -m venv $(OLDEST)
	$(OLDEST)/bin/python -m pip install --quiet --upgrade pip

# After .venv's install: both editable installs write the checkout's egg-info.
$(OLDEST)/.installed: pyproject.toml constraints/oldest.txt | $(OLDEST)/bin/python $(VENV)/.installed-dev
	$(OLDEST)/bin/python -m pip install --quiet -c constraints/oldest.txt -e ".[test]"
	touch $@

# The main job on the bundled sample log. `infoview check` exits 1 when a field
# is below the minimum, as two of the sample's fields are on purpose: that is
# a finding to show, not a failure of the demo.
demo: $(VENV)/.installed
	$(BIN)/infoview validate $(SAMPLE) --as-of $(SAMPLE_AS_OF)
	$(BIN)/infoview check $(SAMPLE) --as-of $(SAMPLE_AS_OF) || [ $$? -eq 1 ]
	$(BIN)/infoview report $(SAMPLE) --as-of $(SAMPLE_AS_OF) --out reports/sample --force
	$(BIN)/infoview report $(SAMPLE) --as-of $(SAMPLE_AS_OF) --out reports/sample-anonymized --anonymize --force
	@echo ""
	@echo "Reports written to reports/sample/ and reports/sample-anonymized/ (open report.pdf)"

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# py.typed is shipped, so the annotations are checked ([tool.mypy]); silent when clean.
typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy --no-error-summary

# Two configurations side by side, each run's output printed whole when it ends:
# - test-main: the newest versions with pyarrow, so pandas' strings are Arrow-backed;
# - test-oldest: the lower bounds of pyproject.toml without pyarrow, so pandas' strings
#   are Python-backed (tests/test_configurations.py checks both);
# - beside them, the type check (a fresh clone has no mypy cache: ~40 s of CPU) and then
#   the notebooks: three jobs at a time keep both cores busy until the end, where two
#   lanes (main, then mypy and the notebooks) left one core idle while the other finished.
# `make test-python-strings` adds the newest versions with Python strings forced
# (tests/conftest.py; CLI subprocesses of the tests keep Arrow): a third full run was
# not worth its time in every `make test`.
test:
	@$(MAKE) --no-print-directory -j3 --output-sync=target typecheck test-oldest test-main test-notebooks

test-main: lint
	MPLBACKEND=Agg INFOVIEW_STRING_STORAGE=pyarrow $(BIN)/python -m pytest

test-notebooks: $(VENV)/.installed-dev
	MPLBACKEND=Agg $(BIN)/python -m pytest --nbval notebooks --nbval-sanitize-with notebooks/sanitize.cfg -p no:cacheprovider

test-python-strings: $(VENV)/.installed-dev
	$(RERUN) $(BIN)/python $(RERUN_ARGS)

test-oldest: $(OLDEST)/.installed
	$(RERUN) INFOVIEW_CONSTRAINTS=constraints/oldest.txt $(OLDEST)/bin/python $(RERUN_ARGS)

# JupyterLab refuses to start as root (as in a container) unless told it may.
LAB_ARGS := $(if $(filter 0,$(shell id -u)),--allow-root)

lab: $(VENV)/.installed-dev
	$(BIN)/jupyter lab $(LAB_ARGS) notebooks/

bench: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) $(OLDEST) build *.egg-info .pytest_cache .ruff_cache
