"""Shared fixtures: where the real documents in ../shared live."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
REAL = SHARED / "corpus" / "real"
SEED = SHARED / "corpus" / "seed"
UPR = SHARED / "corpus" / "upr"


def need(path: Path) -> Path:
    """The path, or skip the test with the reason when ../shared lacks it."""
    if not path.exists():
        pytest.skip(f"{path} not found: the real documents live in ../shared/corpus")
    return path


# The columns a run writes, as OUTPUT.md fixes them (and, for recommendations,
# the extra ones the review page and scorer read). Tests that write a run's
# tables by hand use these.
RUN_COLUMNS = {
    "documents": ["document", "sha256", "pages", "status", "error", "title"],
    "mentions": ["document", "label", "text", "norm", "page", "start", "end", "sentence", "source"],
    "states": ["document", "iso3", "name", "mentions", "first_page"],
    "organizations": ["document", "name", "acronym", "mentions", "first_page"],
    "dates": ["document", "text", "start", "end", "mentions", "first_page"],
    "recommendations": ["document", "text", "actor", "cue", "page", "section", "by", "start", "end", "states", "orgs"],
    "meetings": ["document", "name", "venue", "country", "start", "end", "organizers", "page", "source"],
}


def write_run(out: Path, rows: dict, texts: dict | None = None) -> Path:
    """A hand-made run output folder: every contract table filled from `rows`
    ({table: [row dicts]}), and OUT/text/<document>.txt from `texts`."""
    import csv

    out.mkdir(parents=True, exist_ok=True)
    for table, cols in RUN_COLUMNS.items():
        cols = cols + [k for k in dict.fromkeys(k for r in rows.get(table, []) for k in r) if k not in cols]
        with (out / f"{table}.csv").open("w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=cols)
            w.writeheader()
            for r in rows.get(table, []):
                w.writerow({c: r.get(c, "") for c in cols})
    for doc, text in (texts or {}).items():
        p = out / "text" / f"{doc}.txt"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return out


def orgs_pipeline():
    """A blank English pipeline with the organization and acronym components."""
    import spacy

    from pipeline.nlp import acronyms, org_matcher  # noqa: F401  (register the factories)

    nlp = spacy.blank("en")
    nlp.add_pipe("unnotes_orgs")
    nlp.add_pipe("unnotes_acronyms")
    return nlp


def read_rows(path: Path) -> list[dict]:
    """A written CSV table as a list of row dicts."""
    import csv

    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(params=["pdfium", "pdfplumber"])
def backend(request):
    """Each PDF backend in turn (tests of behaviour both must have); skips
    pdfplumber where the optional extra is not installed."""
    from pipeline.ingest.backends import BackendError, load_backend

    try:
        load_backend(request.param)
    except BackendError as e:
        pytest.skip(str(e))
    return request.param


@pytest.fixture(scope="session")
def analysed():
    """`analysed(path)`: the findings (`pipeline.findings.analyse`) of a real note read as a run
    reads it (--ocr auto, the English pipeline), made once per test session: several modules
    read the same reports of ../shared/corpus/dev (test_org_links, test_recommendation_kinds).
    Skips where the note is absent. The dict is shared: tests only read it."""
    done: dict = {}

    def get(path: Path) -> dict:
        if path not in done:
            from pipeline.findings import analyse
            from pipeline.ingest import read_note
            from pipeline.nlp.build import build_nlp

            done[path] = analyse(read_note(need(path)), build_nlp("en"))
        return done[path]
    return get


def note_blocks(parts: list[tuple[str, str]]) -> tuple[str, list[tuple]]:
    """A note's text and its (kind, start, end, page) blocks from (kind, text) parts, a blank line apart:
    the input of `recommendations.detect` without a PDF."""
    text, blocks = "", []
    for kind, part in parts:
        start = len(text)
        text += part + "\n\n"
        blocks.append((kind, start, start + len(part), 1))
    return text, blocks
