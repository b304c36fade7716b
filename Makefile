# Amicale: `make run` to serve, `make test` to run every test, `make bench` for benchmarks.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 5000
WORKERS ?= 2
CATALOGUE := association/translations/fr/LC_MESSAGES/messages
VNU_VERSION := 26.9.27
VNU    := $(VENV)/vnu/vnu.jar
FLASK  := $(BIN)/flask --app app

.PHONY: run test stress bench install translations chromium caddy wrk extract-messages clean

# Links people carry away (poster, key card, invitations, RSVP, Atom, ICS) name the address
# served, unless AMICALE_BASE_URL says otherwise: the demo and gunicorn get the same default.
BASE_URL = $${AMICALE_BASE_URL:-http://$(HOST):$(PORT)}

# Without a mail server, messages to members (confirmations, reminders) are written to this
# console, without their address, instead of waiting in a queue nobody sees.
MAIL = $${AMICALE_MAIL:-console}

run: install translations
	$(FLASK) init-db
	AMICALE_BASE_URL=$(BASE_URL) $(FLASK) demo --if-empty
	@echo "Amicale is served on http://$(HOST):$(PORT)/ (Ctrl-C to stop)"
	AMICALE_BASE_URL=$(BASE_URL) AMICALE_SCHEDULER=embedded AMICALE_MAIL=$(MAIL) $(BIN)/gunicorn -c python:association.gunicorn_conf \
		--workers $(WORKERS) --threads 4 --bind $(HOST):$(PORT) app:app

# Shared out over the processors (pytest-xdist; -n 0 for one process, e.g. to debug).
test: $(VENV)/.installed-test translations chromium caddy $(VNU)
	$(BIN)/pytest -n auto --dist worksteal

# The fault suite at full length: 20 kills of the server during writes, 60 s of concurrent
# writers (make test runs a short version of the same tests).
stress: $(VENV)/.installed-test translations
	AMICALE_STRESS=1 $(BIN)/pytest -p no:cacheprovider -s tests/test_faults.py

# Every benchmark of bench/ (see bench/all.py), one table, written to bench/RESULTS.md.
bench: $(VENV)/.installed translations wrk
	$(BIN)/python bench/all.py

install: $(VENV)/.installed

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-test: tests/requirements.txt $(VENV)/.installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r tests/requirements.txt
	touch $@

translations: $(CATALOGUE).mo

$(CATALOGUE).mo: $(CATALOGUE).po $(VENV)/.installed
	$(BIN)/pybabel compile --statistics -d association/translations

# After changing texts: extract them, then translate the new French entries in the .po file.
extract-messages: install
	$(BIN)/pybabel extract -F association/translations/babel.cfg -k _l --no-location --no-wrap \
		--omit-header -o association/translations/messages.pot .
	$(BIN)/pybabel update -i association/translations/messages.pot -d association/translations \
		--no-fuzzy-matching --no-wrap

# Debian's Chromium for the browser tests (Playwright cannot download browsers here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null); \
	  else echo "Chromium is missing: run 'sudo apt-get install chromium' first." >&2; exit 1; fi; }

# The Nu HTML Checker (from the npm registry) for the HTML validity test; it runs on Java.
$(VNU): | $(BIN)/python
	@command -v java >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null); \
	  else echo "Java is missing: run 'sudo apt-get install default-jre-headless' first." >&2; exit 1; fi; }
	mkdir -p $(VENV)/vnu
	cd $(VENV)/vnu && npm pack --silent vnu-jar@$(VNU_VERSION) >/dev/null \
		&& tar -xzf vnu-jar-$(VNU_VERSION).tgz package/build/dist/vnu.jar \
		&& mv package/build/dist/vnu.jar vnu.jar && rm -rf package vnu-jar-$(VNU_VERSION).tgz

# Caddy, for the test that validates deploy/Caddyfile (skipped, not failed, if it cannot be had).
caddy:
	@command -v caddy >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    (DEBIAN_FRONTEND=noninteractive apt-get install -y -qq caddy >/dev/null 2>&1 \
	     || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq caddy >/dev/null 2>&1) \
	     || echo "Caddy could not be installed: the Caddyfile test will be skipped." >&2); \
	  else echo "Caddy is missing: the Caddyfile test will be skipped." >&2; fi; }

wrk:
	@command -v wrk >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null); \
	  else echo "wrk is missing: run 'sudo apt-get install wrk' first." >&2; exit 1; fi; }

clean:
	rm -rf $(VENV) .pytest_cache
