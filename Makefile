# The two commands a new user needs:
#   make build   installs what the main job needs and runs `kg build` (seeds/ into build/)
#   make test    installs what the tests need (Chromium included) and runs the whole suite
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: build test lint golden clean system-deps browser-deps

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

system-deps:
	scripts/install-system-deps

browser-deps:
	scripts/install-system-deps --browser

build: $(STAMP) system-deps
	$(VENV)/bin/kg build

lint: $(STAMP)
	$(PY) -m ruff check kg tests

test: $(STAMP) browser-deps lint
	$(PY) -m pytest

clean:
	rm -rf build tests/artifacts
