# The README's commands. `make report` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: report report-pdf app test lab lint bench data clean figures system-deps

# Install the package and every extra into .venv; redone when pyproject.toml changes.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[lab,render,report,app,cluster,dev]"
	touch $(STAMP)

# The widget manager and require.js for the report's pages, and axe-core for the browser tests' accessibility
# checks, from the npm registry (pinned), unpacked once.
JS := $(VENV)/share/gzanalysis/js
$(JS)/.installed: $(STAMP) Makefile
	@command -v npm >/dev/null || { echo "make: npm is needed: the report's pages load the Jupyter widget manager \
	and require.js, and its accessibility test axe-core, which come from the npm registry (@jupyter-widgets/html-manager, \
	requirejs, axe-core). Install Node.js with npm (Debian: apt-get install npm) and run make again." >&2; exit 1; }
	rm -rf $(JS) && mkdir -p $(JS)/html-manager $(JS)/requirejs $(JS)/axe-core
	cd $(JS) && npm pack --silent @jupyter-widgets/html-manager@1.0.15 requirejs@2.3.7 axe-core@4.10.2 > /dev/null
	tar xzf $(JS)/jupyter-widgets-html-manager-1.0.15.tgz -C $(JS)/html-manager --strip-components=1
	tar xzf $(JS)/requirejs-2.3.7.tgz -C $(JS)/requirejs --strip-components=1
	tar xzf $(JS)/axe-core-4.10.2.tgz -C $(JS)/axe-core --strip-components=1  # accessibility checks (tests only)
	rm -f $(JS)/*.tgz && touch $@

# Debian packages for the browser tests and the static images: Chromium and a CJK font (apt, as root or sudo).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
system-deps:
	@if command -v chromium >/dev/null && fc-list | grep -q "Noto Sans CJK"; then :; else \
	  echo "installing chromium and fonts-noto-cjk with apt-get"; \
	  $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium fonts-noto-cjk; fi

## Execute the curated notebooks and render the offline report site into reports/ (OUT=DIR elsewhere; with
## GZANALYSIS_DISCLOSURE naming another package, into reports/<id>, from that document's own pages,
## notebooks/any). Notebooks whose source, data and code are unchanged come from the cache (.cache/report);
## FRESH=1 executes them all. CLASS=1 leaves out the teaching solutions (a site to hand to a class).
report: $(STAMP) $(JS)/.installed
	$(BIN)/gzanalysis report $(if $(OUT),--out $(OUT)) $(if $(FRESH),--fresh) $(if $(CLASS),--without-solutions)

## The report as two PDF books (reports/gzanalysis-report.pdf and .zh.pdf), printed by Chromium.
report-pdf: $(STAMP) $(JS)/.installed system-deps
	$(BIN)/gzanalysis report $(if $(OUT),--out $(OUT)) --pdf $(if $(FRESH),--fresh) $(if $(CLASS),--without-solutions)

## Serve the explorers as a live app (Voilà) on 127.0.0.1 until Ctrl-C; PORT=0 takes any free port.
PORT ?= 8866
app: $(STAMP)
	$(BIN)/gzanalysis app --port $(PORT)

## Run the whole test suite (lint, data package, analyses, notebooks, real-browser tests).
test: $(STAMP) $(JS)/.installed system-deps
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

## Open JupyterLab on the notebooks (make lab LANG=zh: Lab in Chinese).
# The project's Lab settings (no news prompt) go where Lab reads overrides.json; the chart library is written
# where the server serves it (gz.notebook.setup() loads it from there instead of storing it in each notebook).
# The server's config hides the notebooks' one source each (notebooks/src), so each edition is listed once.
# As root (a container, a CI image) Jupyter needs --allow-root.
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings
ALLOW_ROOT := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)
# LANG=zh (or a shell in a zh_* locale) opens Lab in Chinese, with the zh-CN language pack of the lab extra.
lab: $(STAMP)
	$(BIN)/python tools/jupyterlab/settings.py $(LAB_SETTINGS) $(LANG)
	$(BIN)/python -c "from gzanalysis.views.notebook import install_lab_asset; install_lab_asset()"
	$(BIN)/jupyter lab notebooks $(ALLOW_ROOT) --config=tools/jupyterlab/jupyter_server_config.json

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## Regenerate every data package's datapackage.json from its metadata.
data: $(STAMP)
	$(BIN)/gzanalysis datapackage data/ganzhou-xzspj-2023

## Every chart the notebooks show, as PNG and SVG (Chinese and English), into reports/figures.
figures: $(STAMP) system-deps
	$(BIN)/gzanalysis figures --out reports/figures

bench: $(STAMP) $(JS)/.installed
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) reports .cache .pytest_cache .ruff_cache
