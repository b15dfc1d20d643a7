# Two entry points for people (README): `make run` and `make test`. Both create .venv.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# pytest processes for make test (pytest-xdist); the suite is written to run in parallel.
TEST_WORKERS ?= 2
APT := sh -c 'if [ "$$(id -u)" = 0 ]; then s=""; elif sudo -n true 2>/dev/null; then s="sudo -n"; else exit 1; fi; $$s apt-get install -y -q "$$0" >/dev/null 2>&1 || { $$s apt-get update -q >/dev/null 2>&1 && $$s apt-get install -y -q "$$0" >/dev/null 2>&1; }'

.PHONY: run test install install-test lint format bench-api train evaluate language-check screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -c constraints.txt -e .

# Browser tests drive Debian's chromium, and the proxy tests Debian's nginx with
# deploy/nginx/: installed here where we may (root, or sudo without a password); elsewhere
# they skip with the reason.
install-test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	@command -v chromium >/dev/null || $(APT) chromium || \
		echo "chromium not installed: the browser tests will skip"
	@command -v nginx >/dev/null || test -x /usr/sbin/nginx || $(APT) nginx || \
		echo "nginx not installed: the proxy tests will skip"

# make run PORT=8080 HOST=0.0.0.0 (default 127.0.0.1:8000)
HOST ?= 127.0.0.1
PORT ?= 8000
run: install
	$(BIN)/moderation serve --host $(HOST) --port $(PORT)

test: install-test
	$(BIN)/ruff check service training tests bench
	$(BIN)/pytest -n $(TEST_WORKERS)

lint: install-test
	$(BIN)/ruff check service training tests bench
	$(BIN)/ruff format --check service training tests bench

format: install-test
	$(BIN)/ruff format service training tests bench

# Rebuild the classifier from ../shared/data (or DATA=path) into models/.
train: install-test
	$(BIN)/python -m training.train $(if $(DATA),--data $(DATA))

# Evaluate the committed model beside the reference libraries; rewrite docs/model-card.md.
evaluate: install-test
	$(BIN)/python -m training.evaluate --model models/classifier.joblib --card docs/model-card.md $(if $(DATA),--data $(DATA))

language-check: install-test
	$(BIN)/python -m training.language_check $(if $(DATA),--data $(DATA))

# wrk drives the HTTP load (Debian package); the bench serves the committed model.
bench-api: install-test
	command -v wrk >/dev/null || $(APT) wrk
	$(BIN)/python bench/api.py --model models/classifier.joblib

# Regenerate docs/queue.png (the tests write their screenshots to a temporary folder).
screenshots: install-test
	MODERATION_SCREENSHOT_DIR=docs $(BIN)/pytest -q tests/test_browser.py -k hostile_comment

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .ruff_cache
