"""A content-addressed cache for the two expensive stages.

- text: what ingestion made of a file (NoteText, or the reason it failed),
  keyed by the file's sha256 and a hash of the ingestion code;
- statistical: the statistical model's output (serialized spaCy Docs), keyed
  also by the model's name and version: a pattern change does not touch it;
- nlp: the findings, keyed also by a hash of the NLP code and of the data
  files the note's pipeline reads (models/<lang>/ and models/shared/, and the
  user's overlay for them: core/models.language_fingerprint), so a pattern
  change re-runs only the NLP stage, and only for the notes it can change.

Entries are JSON files written atomically; a corrupt entry counts as a miss."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from pipeline.core.hashing import file_sha256  # noqa: F401  (callers take it from here)
from pipeline.core.atomic import atomic_write_bytes, atomic_write_text

PACKAGE = Path(__file__).resolve().parents[1]  # pipeline/
MODELS_DIR = PACKAGE.parent / "models"


@lru_cache(maxsize=None)
def code_version(*parts: str) -> str:
    """Hash of the source files of the given package parts (files or folders
    under pipeline/), so that a code change invalidates what it produced."""
    h = hashlib.sha256()
    for part in parts:
        path = PACKAGE / part
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for f in files:
            h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:12]


@lru_cache(maxsize=None)
def ingest_version() -> str:
    """The ingestion code and the data files it reads (furniture, layout, ...)."""
    from pipeline.ingest.data_files import INGEST_DATA_FILES, PATTERNS_DIR

    h = hashlib.sha256(code_version("ingest", "core").encode())
    for name in INGEST_DATA_FILES:
        h.update(name.encode() + b"\0" + (PATTERNS_DIR / name).read_bytes())
    # the garbled test's word lists decide which pages are OCRed; the stop-word lists, the language
    for name in ("words.txt", "stop_words.txt"):
        for words in sorted(MODELS_DIR.glob(f"*/{name}")):
            h.update(f"{words.parent.name}/{name}".encode() + b"\0" + words.read_bytes())
    return h.hexdigest()[:12]


def nlp_version() -> str:
    return code_version("nlp", "findings.py")



class Cache:
    def __init__(self, root: Path | None):
        self.root = Path(root) if root else None

    def _path(self, stage: str, key: str, suffix: str = ".json") -> Path | None:
        if self.root is None:
            return None
        return self.root / stage / key[:2] / f"{key}{suffix}"

    def get(self, stage: str, key: str):
        path = self._path(stage, key)
        if path is None or not path.exists():
            return None
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def has(self, stage: str, key: str) -> bool:
        path = self._path(stage, key)
        return path is not None and path.exists()

    def get_bytes(self, stage: str, key: str) -> bytes | None:
        path = self._path(stage, key, ".bin")
        if path is None or not path.exists():
            return None
        try:
            return path.read_bytes()
        except OSError:
            return None

    def put_bytes(self, stage: str, key: str, value: bytes) -> None:
        path = self._path(stage, key, ".bin")
        if path is not None:
            atomic_write_bytes(path, value)

    def put(self, stage: str, key: str, value) -> None:
        path = self._path(stage, key)
        if path is not None:
            atomic_write_text(path, json.dumps(value, ensure_ascii=False, separators=(",", ":")))


def ocr_tag(ocr: str = "auto") -> str:
    """The OCR part of the text key: the mode and, unless it is "never", the
    Tesseract version ("none" when not installed: installing it re-reads
    the files, a scan's error row included)."""
    if ocr == "never":
        return "ocrnever"
    from pipeline.ingest.ocr import tesseract_available

    return f"ocr{ocr}{tesseract_available() or 'none'}"


def text_key(sha256: str, password: str | None = None, backend: str = "pdfium", ocr: str = "auto") -> str:
    """The text stage's key: the file, the ingestion code and data, the
    password, the PDF backend that read it and the OCR mode and engine."""
    extra = hashlib.sha256(password.encode()).hexdigest()[:8] if password else ""
    return f"{sha256}-{ingest_version()}{extra}-{backend}-{ocr_tag(ocr)}"


def statistical_key(sha256: str, model: str, password: str | None = None, backend: str = "pdfium",
                    ocr: str = "auto") -> str:
    """The statistical stage's key: the text's, the model's name and version,
    and the code that chunks and runs it."""
    return f"{text_key(sha256, password, backend, ocr)}-{code_version('findings.py')}-{model}"


def nlp_key(sha256: str, models_fp: str, password: str | None = None, backend: str = "pdfium",
            ocr: str = "auto") -> str:
    return f"{text_key(sha256, password, backend, ocr)}-{nlp_version()}-{models_fp}"
