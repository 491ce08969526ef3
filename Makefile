# The three commands of the README. Each creates .venv when missing and
# installs the project into it; the stamp files make re-runs instant until
# pyproject.toml changes.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SAMPLE := data/sample_log.xlsx
SAMPLE_AS_OF := 2026-04-17

.PHONY: demo test lab lint typecheck bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (infoview .venv)" >/dev/null
	touch $(VENV)/.installed $@

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

test: lint typecheck
	MPLBACKEND=Agg $(BIN)/python -m pytest
	MPLBACKEND=Agg $(BIN)/python -m pytest --nbval notebooks --nbval-sanitize-with notebooks/sanitize.cfg -p no:cacheprovider

lab: $(VENV)/.installed-dev
	$(BIN)/jupyter lab notebooks/

bench: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
