"""Where the pipeline's data files are: the shipped `models/` folder, a
user's overlay merged over it, and a fingerprint of both for the cache."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from pathlib import Path

from pipeline.core.errors import ModelDataError

MODELS_DIR = Path(__file__).resolve().parents[2] / "models"
DATA_SUFFIXES = (".tsv", ".jsonl", ".json", ".txt")


def models_dir() -> Path:
    return MODELS_DIR


def data_files(directory: Path) -> list[Path]:
    """The files under `directory` that configure the pipeline, sorted."""
    directory = Path(directory)
    return sorted(p for p in directory.rglob("*") if p.is_file() and (p.suffix in DATA_SUFFIXES or p.suffix == ".cfg"))


def models_fingerprint(models: Path | None = None, overlay: Path | None = None) -> str:
    """A hash of every pipeline data file (shipped and overlay) and the code
    version: the NLP cache key changes whenever one of them does."""
    from pipeline import __version__

    h = hashlib.sha256(f"unnotes {__version__}\n".encode())
    for root in [Path(models or MODELS_DIR)] + ([Path(overlay)] if overlay else []):
        for path in data_files(root):
            h.update(str(path.relative_to(root)).encode() + b"\0")
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def merge_overlay(models: Path, overlay: Path | None) -> Path:
    """`models` itself when there is no overlay; otherwise a merged copy in the
    temp folder where each overlay data file's rows follow the shipped ones
    (so a user's row for the same key, read later, wins)."""
    if overlay is None:
        return models
    overlay = Path(overlay)
    if not overlay.is_dir():
        raise ModelDataError(f"{overlay}: expected a folder of pattern and gazetteer files, got no such folder")
    target = Path(tempfile.gettempdir()) / f"unnotes-models-{models_fingerprint(models, overlay)}"
    if target.exists():
        return target
    staging = Path(tempfile.mkdtemp(prefix="unnotes-models-"))
    shutil.copytree(models, staging, dirs_exist_ok=True)
    for path in data_files(overlay):
        rel = path.relative_to(overlay)
        dest = staging / rel
        if dest.exists() and path.suffix == ".tsv":
            shipped_header = _first_data_line(dest)
            user_lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
            body = [ln for ln in user_lines if ln.strip() and not ln.startswith("#")]
            if body and body[0].rstrip("\r\n") == shipped_header:
                body = body[1:]
            elif body:
                raise ModelDataError(f"{path} line 1: expected the header of {rel} "
                                     f"({shipped_header!r}), got {body[0].strip()!r}")
            _append(dest, body)
        elif dest.exists() and path.suffix == ".jsonl":
            _append(dest, path.read_text(encoding="utf-8").splitlines(keepends=True))
        else:
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, dest)
    try:
        staging.rename(target)
    except OSError:  # another process merged the same overlay first
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _first_data_line(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            return line
    return ""


def _append(dest: Path, lines: list[str]) -> None:
    text = dest.read_text(encoding="utf-8")
    if text and not text.endswith("\n"):
        text += "\n"
    dest.write_text(text + "".join(ln if ln.endswith("\n") else ln + "\n" for ln in lines), encoding="utf-8")
