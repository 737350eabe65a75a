# aistore-hl: two commands on a fresh machine — `make demo` and `make test`.
SHELL := /bin/bash
PY_BASE ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)
export NO_PROXY := 127.0.0.1,localhost
export no_proxy := 127.0.0.1,localhost

.PHONY: help venv aisnode generate check-generated lint unit test demo bench soak \
        cluster-up cluster-down cluster-status clean

help:
	@echo "make demo            run examples/quickstart.py against a local AIS cluster (started and stopped here)"
	@echo "make test            everything CI runs: drift check, lint, unit, contract and integration tests"
	@echo "make generate        regenerate generated/ from spec/"
	@echo "make bench | soak    benchmarks vs the official SDK and curl/aisloader | long load and fault runs"
	@echo "make cluster-up|cluster-down|cluster-status"

$(VENV)/.stamp: requirements-dev.txt requirements-torch.txt pyproject.toml
	@test -x $(PY) || $(PY_BASE) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements-dev.txt
	# torch from PyPI, CUDA build, without triton: --no-deps over the exact set (requirements-torch.txt)
	$(PY) -m pip install -q --no-deps -r requirements-torch.txt
	$(PY) -m pip install -q --no-deps -e .
	@touch $@

venv: $(VENV)/.stamp

aisnode:
	scripts/build-ais.sh

generate: venv
	$(PY) scripts/generate.py

check-generated: venv
	$(PY) scripts/generate.py --check

lint: venv
	$(VENV)/bin/ruff check $(wildcard aistore_hl tests scripts examples bench)
	$(VENV)/bin/ruff format --check aistore_hl
	$(VENV)/bin/mypy

unit: venv
	$(PY) -m pytest tests/unit -q

test: venv aisnode check-generated lint
	$(PY) -m pytest tests -q -m "not soak"

demo: venv aisnode
	@if [ -n "$$AIS_ENDPOINT" ]; then \
	  $(PY) examples/quickstart.py; \
	else \
	  export AIS_STATE_FILE=$(CURDIR)/.ais/demo-state.json; $(PY) scripts/aiscluster.py up --port $${AIS_DEMO_PORT:-51080} --remote-port $${AIS_DEMO_REMOTE_PORT:-54080} || exit 1; \
	  trap '$(PY) scripts/aiscluster.py down' EXIT; \
	  AIS_ENDPOINT=http://127.0.0.1:$${AIS_DEMO_PORT:-51080} $(PY) examples/quickstart.py; \
	fi

bench: venv aisnode
	$(PY) -m bench.run
	@if [ -n "$$AIS_ENDPOINT" ]; then \
	  $(PY) -m bench.cases.transfer; \
	else \
	  export AIS_STATE_FILE=$(CURDIR)/.ais/bench-state.json; $(PY) scripts/aiscluster.py up --port 31080 --remote-port 34080 || exit 1; \
	  trap '$(PY) scripts/aiscluster.py down' EXIT; \
	  AIS_ENDPOINT=http://127.0.0.1:31080 $(PY) -m bench.cases.transfer; \
	fi

soak: venv aisnode
	$(PY) -m pytest tests -q -m soak

cluster-up: aisnode
	$(PY_BASE) scripts/aiscluster.py up

cluster-down:
	$(PY_BASE) scripts/aiscluster.py down

cluster-status:
	$(PY_BASE) scripts/aiscluster.py status

clean:
	rm -rf $(VENV) .ais build dist *.egg-info
