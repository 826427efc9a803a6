# The README's commands. `make report` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: report test lab lint bench data clean

# Install the package and every extra into .venv; redone when pyproject.toml changes.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[lab,render,dev]"
	touch $(STAMP)

## Execute the curated notebooks and render the offline report site into reports/.
report: $(STAMP)
	$(BIN)/python -m gzanalysis.report --out reports

## Run the whole test suite (lint, data package, analyses, notebooks).
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

## Open JupyterLab on the notebooks.
lab: $(STAMP)
	$(BIN)/jupyter lab notebooks

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## Regenerate every data package's datapackage.json from its metadata.
data: $(STAMP)
	$(BIN)/gzanalysis datapackage data/ganzhou-xzspj-2023

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) reports .pytest_cache .ruff_cache
