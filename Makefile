# The README's commands. `make run` serves the API on a local Neo4j with demo data;
# `make test` runs the suite against a separate Neo4j (its own folder and ports).
# With NEO4J_URI set, both use that server and start none of their own.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

export MUTUALS_HOST ?= 127.0.0.1
export MUTUALS_PORT ?= 8000
export MUTUALS_LOCAL_BOLT_PORT ?= 7687
export MUTUALS_LOCAL_HTTP_PORT ?= 7474

# The test server never shares a data folder or ports with the dev one.
TEST_ENV := MUTUALS_LOCAL_NEO4J_DIR=$(CURDIR)/.neo4j-test \
            MUTUALS_LOCAL_BOLT_PORT=$(or $(MUTUALS_TEST_BOLT_PORT),7688) \
            MUTUALS_LOCAL_HTTP_PORT=$(or $(MUTUALS_TEST_HTTP_PORT),7475)

# Pinned installs: requirements-dev.txt (the app, the test tools) and requirements.txt (the
# app alone, for the Docker image) are lock files with hashes; `make lock` refreshes both.
LOCK_ARGS := --quiet --universal --python-version 3.11 --generate-hashes

.PHONY: install lock lint run test neo4j-start neo4j-stop test-neo4j-stop stop migrate seed-demo bench fuzz faults faults-neo4j-stop clean

$(STAMP): pyproject.toml requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q --require-hashes -r requirements-dev.txt
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

# Newest versions within pyproject.toml's ranges, the same for both files.
lock: install
	$(BIN)/uv pip compile $(LOCK_ARGS) --upgrade pyproject.toml -o requirements.txt
	$(BIN)/uv pip compile $(LOCK_ARGS) --upgrade --extra dev -c requirements.txt pyproject.toml -o requirements-dev.txt

neo4j-start: install
	$(BIN)/mutuals neo4j start

migrate: neo4j-start
	$(BIN)/mutuals migrate

seed-demo: migrate
	$(BIN)/mutuals seed demo

# Webhooks to a receiver on this machine (http://127.0.0.1:...) work in development.
run: export MUTUALS_WEBHOOKS_ALLOW_LOCAL = 1
run: seed-demo
	@$(BIN)/mutuals admin-token --explain
	@echo "Try      the README's first five minutes (curl), in another terminal"
	@echo "API      http://$(MUTUALS_HOST):$(MUTUALS_PORT)/v1"
	@echo "Docs     http://$(MUTUALS_HOST):$(MUTUALS_PORT)/docs  (OpenAPI: /openapi.json)"
	@if [ -z "$$NEO4J_URI" ]; then \
	  echo "Neo4j    bolt://127.0.0.1:$(MUTUALS_LOCAL_BOLT_PORT)  Browser http://127.0.0.1:$(MUTUALS_LOCAL_HTTP_PORT)/browser/"; \
	  echo "         $(BIN)/mutuals neo4j shell opens cypher-shell on it; eval \"\$$($(BIN)/mutuals neo4j env)\" points scripts at it"; \
	else echo "Neo4j    $$NEO4J_URI"; fi
	@echo "Webhooks the delivery worker runs beside the API (mutuals webhooks deliver; http:// to loopback allowed)"
	$(BIN)/mutuals webhooks deliver & trap 'kill $$! 2>/dev/null' EXIT INT TERM; \
	  $(BIN)/gunicorn -c gunicorn.conf.py app:app

# ruff: lint rules and formatting, both configured in pyproject.toml.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: install lint
	$(TEST_ENV) $(BIN)/mutuals neo4j start
	$(TEST_ENV) $(BIN)/python -m pytest $(PYTEST_ARGS)

# Fuzzing at volume: MUTUALS_FUZZ_REQUESTS stateful requests (links, tokens) plus
# MUTUALS_FUZZ_EXAMPLES generated inputs per operation; the suite runs a short slice of both.
fuzz: install
	$(TEST_ENV) $(BIN)/mutuals neo4j start
	$(TEST_ENV) MUTUALS_FUZZ_REQUESTS=$(or $(MUTUALS_FUZZ_REQUESTS),5000) \
	  MUTUALS_FUZZ_EXAMPLES=$(or $(MUTUALS_FUZZ_EXAMPLES),40) \
	  $(BIN)/python -m pytest -q -s tests/test_fuzz_stateful.py tests/test_openapi_fuzz.py

bench: install
	$(BIN)/python -m bench $(BENCH_ARGS)

# The fault suite (bench/faults.py) kills its Neo4j: a server of its own, never the dev or
# test one. Ports: MUTUALS_FAULTS_BOLT_PORT/HTTP_PORT; gunicorn on FAULTS_PORT (and the next).
FAULTS_ENV := MUTUALS_LOCAL_NEO4J_DIR=$(CURDIR)/.neo4j-faults \
              MUTUALS_LOCAL_BOLT_PORT=$(or $(MUTUALS_FAULTS_BOLT_PORT),7689) \
              MUTUALS_LOCAL_HTTP_PORT=$(or $(MUTUALS_FAULTS_HTTP_PORT),7476)

faults: install
	$(FAULTS_ENV) $(BIN)/python -m bench faults --port $(or $(FAULTS_PORT),8020) $(FAULTS_ARGS); \
	  status=$$?; $(FAULTS_ENV) $(BIN)/mutuals neo4j stop; exit $$status

neo4j-stop:
	-$(BIN)/mutuals neo4j stop

test-neo4j-stop:
	-$(TEST_ENV) $(BIN)/mutuals neo4j stop

faults-neo4j-stop:
	-$(FAULTS_ENV) $(BIN)/mutuals neo4j stop

stop: neo4j-stop test-neo4j-stop faults-neo4j-stop

clean: stop
	rm -rf $(VENV) .neo4j .neo4j-test .neo4j-faults
