# The two commands a new user needs:
#   make build   installs what the main job needs and runs `kg build` (seeds/ into build/)
#   make test    installs what the tests need (Chromium, rapper, Virtuoso) and runs the whole suite
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: build test lint golden clean system-deps browser-deps test-deps ontology native

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

# The per-word and per-triple stages compiled with Cython (kg/native.py): a few minutes the first time and after
# an edit to one of them, nothing otherwise; without a C compiler the Python sources run.
native: $(STAMP)
	$(PY) -c 'from kg import native; native.build()'

system-deps:
	scripts/install-system-deps

browser-deps:
	scripts/install-system-deps --browser

test-deps:
	scripts/install-system-deps --test

build: $(STAMP) system-deps native
	$(VENV)/bin/kg build

# The ontology's generated forms (tests/test_export.py keeps them current)
ontology: $(STAMP)
	$(VENV)/bin/kg export --ontology --format rdfxml -o ontology/sanad.owl
	$(VENV)/bin/kg export --ontology --format ofn -o ontology/sanad.ofn
	$(VENV)/bin/kg export --ontology --format context -o ontology/context.jsonld

lint: $(STAMP)
	$(PY) -m ruff check kg tests bench

test: $(STAMP) test-deps lint native
	$(PY) -m pytest

clean:
	rm -rf build tests/artifacts
