"""OCR results per page, content-addressed, so a re-run does not OCR again.

    cache = OcrCache(out / ".cache" / "ocr")
    key = cache_key(file_sha256(path), page_index, dpi, langs, tesseract_version)
    cache.get(key) -> OcrPage | None ;  cache.put(key, page)

The key covers everything the words depend on: the file's bytes, the page,
the resolution, the language data asked for and the Tesseract version (a new
Tesseract reads differently). Entries are JSON files written atomically
(`<dir>/<key[:2]>/<key>.json`); a corrupt or unreadable entry is a miss, so a
crash mid-write never serves half a page. Like the runner's text cache
(pipeline/runner/cache.py), whose owner passes OUT/.cache/ocr here.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from pipeline.core.hashing import file_sha256  # noqa: F401  (callers take it from here)
from pipeline.ingest.ocr import OcrPage

KEY_VERSION = "ocr-page-v1"    # bump when OcrPage's stored form changes



def cache_key(sha256: str, page_index: int, dpi: int, langs: tuple[str, ...] | list[str],
              tesseract_version: str) -> str:
    parts = (KEY_VERSION, sha256, str(page_index), str(dpi), "+".join(langs), tesseract_version)
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


class OcrCache:
    def __init__(self, directory: Path):
        self.directory = Path(directory)

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> OcrPage | None:
        path = self._path(key)
        try:
            return OcrPage.from_dict(json.loads(path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, page: OcrPage) -> None:
        """Write to a temporary file beside the entry, then rename (atomic on
        POSIX): readers see the whole entry or none. Not pipeline.output's
        writer, so ingestion does not import the output stage (and pandas)."""
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(page.to_dict(), fh, ensure_ascii=False)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
