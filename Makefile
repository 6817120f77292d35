# The handbook's commands. `make serve` and `make test` do all set-up on a fresh Debian machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# Material 9.8 prints an end-of-life banner about MkDocs 2 on every run; this is its off switch.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help nieuw serve build variants test lint format schema check controle chromium clean codeowners offline pdf docx instemming sheets bench

help:
	@echo "make nieuw   - maak het handboek van je eigen organisatie (vragen, of ANTWOORDEN=bestand.yml)"
	@echo "make serve   - voorbeeld met live herladen op http://$(HOST):$(PORT)/"
	@echo "make build   - strikte build naar site/"
	@echo "make variants - een volledige site per sector naar variants/"
	@echo "make sheets  - PDF's van de snelle referentie en de crisiskaart opnieuw (na make build)"
	@echo "make test    - alle tests (installeert wat nodig is)"
	@echo "make check   - controleer gegevens, pagina's, links en menu (bouwt strikt, zonder PDF)"
	@echo "make controle - wat CI als eerste meldt: check, strikte build en alle links (< 1 min)"
	@echo "make schema  - schrijf het JSON Schema van de gegevens naar schema/"
	@echo "make codeowners - schrijf .github/CODEOWNERS uit de eigenaars van de pagina's"
	@echo "make offline - site om vanaf schijf te openen (file share), als zip in dist/"
	@echo "make pdf     - het hele beleid als PDF in dist/ en in site/ (met link op de startpagina)"
	@echo "make docx    - het hele beleid als Word-bestand in dist/ (voor Juridische zaken)"
	@echo "make instemming - verzoek om instemming aan de OR (brief + bijlage, .docx en .pdf) in dist/"
	@echo "               (VAN=1.0 NAAR=2.0; standaard de vorige en de huidige beleidsversie)"
	@echo "make bench   - benchmark: bouwtijd, varianten, live herladen, paginagewicht"

# uv installs the same packages as pip from the same index, several times quicker (a clean
# clone with a warm cache: seconds instead of a minute). Where uv cannot be installed or cannot
# reach the index (a mirror that only pip is configured for), pip does the work as before.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	if $(BIN)/python -m pip install --quiet uv 2>/dev/null && \
	  $(BIN)/uv pip install --quiet --python $(BIN)/python -e '.[test]'; then :; else \
	  $(BIN)/python -m pip install --quiet --upgrade pip && \
	  $(BIN)/python -m pip install --quiet -e '.[test]'; fi
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Make it yours: questions in the terminal, or `make nieuw ANTWOORDEN=antwoorden.yml`.
ANTWOORDEN ?=
nieuw: $(STAMP)
	$(BIN)/handbook nieuw $(if $(ANTWOORDEN),--antwoorden $(ANTWOORDEN))

serve: $(STAMP)
	$(BIN)/mkdocs serve --livereload --dev-addr $(HOST):$(PORT)

build: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

pdf: $(STAMP) chromium
	$(BIN)/handbook beleid-pdf --out dist --site-dir site

docx: $(STAMP)
	$(BIN)/handbook docx --out dist

VAN ?=
NAAR ?=
instemming: $(STAMP) chromium
	$(BIN)/handbook instemming --out dist $(if $(VAN),--van $(VAN)) $(if $(NAAR),--naar $(NAAR))

offline: $(STAMP)
	$(BIN)/handbook offline --out dist
variants: $(STAMP)
	$(BIN)/handbook variants --out variants

# The build already prints both sheets to PDF when Chromium is there; this redoes it for site/.
sheets: $(STAMP)
	$(BIN)/handbook pdf --site site

check: $(STAMP)
	$(BIN)/handbook check

# The editor's first verdict, as CI's quick job runs it: data and pages, the strict build
# (without the sheet PDFs, which need Chromium; it also checks the anchors of Markdown links)
# and every link of the result (linkchecker's own anchor pass is left to make test: it takes
# seven times as long).
controle: $(STAMP)
	$(BIN)/handbook check --zonder-build
	HANDBOOK_PDF=0 $(BIN)/mkdocs build --strict --site-dir site
	$(BIN)/handbook links --zonder-ankers --site site

schema: $(STAMP)
	$(BIN)/handbook schema

codeowners: $(STAMP)
	$(BIN)/handbook codeowners

lint: $(STAMP)
	$(BIN)/ruff check plugins tests bench
	$(BIN)/ruff format --check plugins tests bench

format: $(STAMP)
	$(BIN)/ruff format plugins tests bench
	$(BIN)/ruff check --fix plugins tests bench

# Debian's Chromium for the browser tests (never a browser download). Installs it when this
# machine allows (root or sudo); otherwise the browser tests say what is missing.
chromium:
	@if [ -x /usr/lib/chromium/chromium ] || [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Chromium installeren (Debian-pakket)..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then \
	  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "Let op: Chromium ontbreekt; installeer het met 'sudo apt-get install chromium'."; fi

test: $(STAMP) node_modules/.installed chromium lint
	$(BIN)/handbook schema --check
	$(BIN)/handbook check --alle-sectoren
	$(BIN)/pytest

clean:
	rm -rf site .pytest_cache .cache

# The benchmark (never part of `make test`): prints a table, writes bench/results.json.
# BENCH_ARGS="--runs 7" or "--only live_reload,page_weight" or "--quick". Lighthouse comes from
# bench/package.json; without it that figure is reported as not measured.
BENCH_ARGS ?=
bench/node_modules/.installed: bench/package.json bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.installed \
	  || echo "Let op: Lighthouse kon niet worden geïnstalleerd; dat cijfer wordt overgeslagen."

bench: $(STAMP) chromium bench/node_modules/.installed
	$(BIN)/python -m bench.run $(BENCH_ARGS)
