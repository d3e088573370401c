"""Validity checks for the hand-made gold annotations of real UN documents.

The gold files live in corpus/gold-real/ (documents of ../shared/corpus/real
and seven UPR reports of ../shared/corpus/upr), corpus/gold-dev/ (documents of ../shared/corpus/dev)
and corpus/gold-parallel/ (the English notes that benchmarks/parallel_agreement.py writes for
quarter B2 of ../shared/corpus/parallel) and corpus/gold-test/ (the tenth test split: UPR
reports of ../shared/corpus/upr), one
JSON per document in the format of ../shared/ANNOTATION.md. These tests check their shape and values only;
they never run the extraction pipeline.
"""
import datetime
import functools
import importlib.util
import json
import re
import sys
from pathlib import Path

import pycountry
import pytest

REPO = Path(__file__).resolve().parents[1]
GOLD_DIR = REPO / "corpus" / "gold-real"
SHARED = REPO.parent / "shared" / "corpus"
PARALLEL = SHARED / "parallel"
# gold folder -> the ../shared folders holding its documents (PARALLEL: the notes written from it)
GOLD_SETS = {"gold-real": (SHARED / "real", SHARED / "upr"), "gold-dev": (SHARED / "dev",),
             "gold-parallel": (PARALLEL,), "gold-test": (SHARED / "upr",)}
FORMER_STATES = {"SUN", "YUG", "CSK"}  # ISO 3166-3 codes allowed by ANNOTATION.md
TYPES = ("states", "orgs", "dates", "recommendations")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

GOLD_FILES = sorted(path for name in GOLD_SETS for path in (REPO / "corpus" / name).glob("*.json"))


def _load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def _parse(value):
    """Parse YYYY, YYYY-MM or YYYY-MM-DD; return (first day, last day) of the period."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return datetime.date(parts[0], 1, 1), datetime.date(parts[0], 12, 31)
    if len(parts) == 2:
        first = datetime.date(parts[0], parts[1], 1)
        nxt = datetime.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return first, nxt - datetime.timedelta(days=1)
    day = datetime.date(*parts)
    return day, day


# the fewest documents a set may hold (gold-real: its first 13, the fifth and sixth test splits, the
# seventh's UPR report, the eighth's three and the ninth's three; gold-parallel: the seventh split's 91
# short notes of the parallel corpus; gold-test: the tenth split's three UPR reports)
MIN_DOCUMENTS = {"gold-real": 38, "gold-dev": 60, "gold-parallel": 91, "gold-test": 3}


@pytest.mark.parametrize("name", GOLD_SETS)
def test_gold_dir_holds_its_documents(name):
    files = list((REPO / "corpus" / name).glob("*.json"))
    assert len(files) >= MIN_DOCUMENTS[name], f"only {len(files)} gold files in corpus/{name}"


def test_dev_and_test_splits_do_not_share_a_document():
    dev = {p.name for p in (REPO / "corpus" / "gold-dev").glob("*.json")}
    test = {p.name for p in (REPO / "corpus" / "gold-test").glob("*.json")}
    assert not dev & test, f"in both splits: {sorted(dev & test)}"


def test_real_set_and_test_split_do_not_share_a_document():
    """A test split never holds a document of gold-real (earlier splits were drawn from ../shared/corpus/real)."""
    real = {p.name for p in (REPO / "corpus" / "gold-real").glob("*.json")}
    test = {p.name for p in (REPO / "corpus" / "gold-test").glob("*.json")}
    assert not real & test, f"in both sets: {sorted(real & test)}"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_gold_file_shape(path):
    gold = _load(path)
    assert set(gold) == {"document", *TYPES}, f"{path.name}: unexpected keys {sorted(gold)}"
    assert isinstance(gold["document"], str)
    assert Path(gold["document"]).stem == path.stem, f"{path.name}: file name does not match document"
    for kind in TYPES:
        block = gold[kind]
        assert set(block) == {"required", "optional"}, f"{path.name}: {kind} keys {sorted(block)}"
        assert isinstance(block["required"], list) and isinstance(block["optional"], list)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_states_are_valid_iso3_and_not_duplicated(path):
    states = _load(path)["states"]
    codes = states["required"] + states["optional"]
    for code in codes:
        assert isinstance(code, str) and re.fullmatch(r"[A-Z]{3}", code), f"{path.name}: bad code {code!r}"
        assert code in FORMER_STATES or pycountry.countries.get(alpha_3=code), f"{path.name}: unknown ISO3 {code}"
    assert len(codes) == len(set(codes)), f"{path.name}: a State is listed twice"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_orgs_are_alias_lists_without_overlap(path):
    orgs = _load(path)["orgs"]
    seen = {}
    for org in orgs["required"] + orgs["optional"]:
        assert isinstance(org, list) and org, f"{path.name}: ORG must be a non-empty list of aliases"
        for alias in org:
            assert isinstance(alias, str) and alias.strip() == alias and alias, f"{path.name}: bad alias {alias!r}"
            key = re.sub(r"[\W_]+", "", re.sub(r"^the\s+", "", alias.lower()))
            assert key not in seen or seen[key] is org, f"{path.name}: alias {alias!r} used by two ORGs"
            seen[key] = org


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_dates_are_iso_ranges_in_order(path):
    dates = _load(path)["dates"]
    pairs = dates["required"] + dates["optional"]
    for pair in pairs:
        assert isinstance(pair, list) and len(pair) == 2, f"{path.name}: date must be [start, end]: {pair}"
        start, end = pair
        assert DATE_RE.match(start) and DATE_RE.match(end), f"{path.name}: not ISO 8601: {pair}"
        assert _parse(start)[0] <= _parse(end)[1], f"{path.name}: start after end: {pair}"
    assert len({tuple(p) for p in pairs}) == len(pairs), f"{path.name}: a date is listed twice"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_recommendations_are_normalised_sentences(path):
    recs = _load(path)["recommendations"]
    for text in recs["required"] + recs["optional"]:
        assert isinstance(text, str) and len(text.split()) >= 3, f"{path.name}: too short: {text!r}"  # a lead-in "X should:" has 3
        assert text == " ".join(text.split()), f"{path.name}: whitespace not normalised: {text[:60]!r}"
        assert not re.match(r"^(\(?[a-z0-9]{1,3}[.)]|[•\-–*])\s", text), f"{path.name}: list marker kept: {text[:40]!r}"
    assert len(set(recs["required"] + recs["optional"])) == len(recs["required"]) + len(recs["optional"])


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_document_exists_in_shared_corpus(path):
    folders = GOLD_SETS[path.parent.name]
    if not all(folder.is_dir() for folder in folders):
        pytest.skip(f"shared corpus not available at {', '.join(map(str, folders))}")
    doc = _load(path)["document"]
    assert any(doc in _documents_in(folder) for folder in folders), \
        f"{path.name}: {doc} not found in {', '.join(map(str, folders))}"


@functools.lru_cache(maxsize=None)
def _documents_in(folder):
    """The file names of a ../shared folder; of the parallel corpus, the names of the notes
    benchmarks/parallel_agreement.py writes from it (one per document id)."""
    if folder != PARALLEL:
        return frozenset(p.name for p in folder.iterdir())
    spec = importlib.util.spec_from_file_location("parallel_agreement", REPO / "benchmarks" / "parallel_agreement.py")
    module = importlib.util.module_from_spec(spec)
    module = sys.modules.setdefault("parallel_agreement", module)  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return frozenset(doc.note_name for doc in module.read_parallel(folder))
