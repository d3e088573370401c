"""The layers hold: spaCy is imported only under pipeline/nlp, each PDF
library only in its backend module (pipeline/ingest/backends/), and reading a
.txt note loads no PDF library. A static scan of the source (imports at any
depth, lazy ones inside functions included) and a clean interpreter."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PIPELINE = REPO / "pipeline"

# library -> the only files (or folders) under pipeline/ that may import it
ALLOWED = {
    "spacy": ["pipeline/nlp/"],
    "pypdfium2": ["pipeline/ingest/backends/pdfium.py"],
    "pdfplumber": ["pipeline/ingest/backends/pdfplumber.py"],
    "pdfminer": ["pipeline/ingest/backends/pdfplumber.py"],
}
# Known exceptions still to be moved, each with the reason; an entry that no
# longer matches an import fails the test, so the list cannot go stale.
PENDING: dict[tuple[str, str], str] = {}
# findings.py is the NLP layer's exit: it turns spaCy Docs into plain dicts
# (and serialises the statistical stage's Docs for the cache).
ALSO_ALLOWED_SPACY = ["pipeline/findings.py"]


def imported_modules(path: Path) -> set[str]:
    """Top-level names of every module `path` imports, at any depth."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def importers(library: str) -> set[str]:
    return {str(p.relative_to(REPO)) for p in sorted(PIPELINE.rglob("*.py")) if library in imported_modules(p)}


def allowed(library: str, rel: str) -> bool:
    places = ALLOWED[library] + (ALSO_ALLOWED_SPACY if library == "spacy" else [])
    return any(rel == p or (p.endswith("/") and rel.startswith(p)) for p in places)


@pytest.mark.parametrize("library", sorted(ALLOWED))
def test_library_is_imported_only_in_its_layer(library):
    found = importers(library)
    wrong = sorted(rel for rel in found if not allowed(library, rel) and (library, rel) not in PENDING)
    assert wrong == [], f"{library} imported outside {ALLOWED[library]}"
    stale = sorted(rel for lib, rel in PENDING if lib == library and rel not in found)
    assert stale == [], f"no longer imports {library}: remove from PENDING"


def test_each_backend_imports_its_library():
    """The scan sees real imports (a renamed module would make the test vacuous)."""
    assert importers("pypdfium2") == {"pipeline/ingest/backends/pdfium.py"}
    assert importers("pdfplumber") == {"pipeline/ingest/backends/pdfplumber.py"}


def test_ingest_never_imports_nlp():
    offenders = []
    for path in sorted((PIPELINE / "ingest").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pipeline.nlp"):
                offenders.append(str(path.relative_to(REPO)))
    assert offenders == []


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys; print(' '.join(sorted(sys.modules)))"],
                         capture_output=True, text=True, cwd=REPO, check=True)
    return set(out.stdout.split())


def test_reading_a_text_note_loads_neither_spacy_nor_a_pdf_library(tmp_path):
    # reading runs the metadata stage, whose language guess reads models/<lang>/stop_words.txt
    note = tmp_path / "n.txt"
    note.write_text("Information Note\n\nThe Committee met in Geneva on 3 May 2024.\n", encoding="utf-8")
    loaded = _modules_after(f"from pipeline.ingest import read_note; n = read_note({str(note)!r}); "
                            "assert n.language == 'en', n.language")
    assert "pipeline.ingest.text" in loaded
    assert not {"spacy", "pypdfium2", "pdfplumber", "pdfminer"} & loaded


def test_importing_ingestion_loads_neither_spacy_nor_a_pdf_library():
    loaded = _modules_after("import pipeline.ingest, pipeline.ingest.text, pipeline.ingest.pdf, "
                            "pipeline.ingest.backends")
    assert "pipeline.ingest.pdf" in loaded
    assert not {"spacy", "pypdfium2", "pdfplumber", "pdfminer"} & loaded


def test_the_default_backend_loads_only_pdfium(tmp_path):
    pdf = REPO / "corpus" / "pdf" / "information-note-accra.pdf"
    loaded = _modules_after(f"from pipeline.ingest import read_note; read_note({str(pdf)!r})")
    assert "pypdfium2" in loaded
    assert not {"pdfplumber", "pdfminer"} & loaded
