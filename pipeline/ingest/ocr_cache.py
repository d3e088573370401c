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
from pathlib import Path

from pipeline.core.atomic import atomic_write_text
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
        """Readers see the whole entry or none (core/atomic.py: a temporary file
        beside the entry, then a rename)."""
        atomic_write_text(self._path(key), json.dumps(page.to_dict(), ensure_ascii=False))
