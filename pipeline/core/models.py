"""Where the pipeline's data files are.

`models/` holds one folder per language (`models/en/`: its `pipeline.cfg`, lexicon,
patterns and name forms) and `models/shared/` for what does not depend on the
language (UN members, organizations, ingestion furniture). A language's
`pipeline.cfg` names its data files in a `[files]` section, relative to its own
folder (`../shared/...` for the shared ones).

A user's overlay folder (`--patterns DIR`) mirrors `models/`: `DIR/en/patterns/
dates.jsonl` adds rows to `models/en/patterns/dates.jsonl`, `DIR/shared/gazetteers/
orgs.tsv` (or, for a shared file, `DIR/gazetteers/orgs.tsv`) to the shared one.
Overlays are never merged into a copy: each loader reads the shipped file and
then the overlay's, so errors and sources name the user's own file and line.

No spaCy here: the batch runner and the validator use this module alone."""

from __future__ import annotations

import configparser
import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.core.errors import ModelDataError
from pipeline.core.schemas import COMPANION_FILES

MODELS_DIR = Path(__file__).resolve().parents[2] / "models"
SHARED = "shared"                 # the language-independent folder under models/
CONFIG = "pipeline.cfg"           # each language folder's pipeline
DATA_SUFFIXES = (".tsv", ".jsonl", ".json", ".txt")
# Notes whose language cannot be told ("" or "other": lists, tables, garbled text) are
# still read, with this language's pipeline: their names are what users want.
FALLBACK_LANGUAGE = "en"
UNDETERMINED = ("", "other")


def models_dir() -> Path:
    return MODELS_DIR


# -- languages -------------------------------------------------------------------
def language_dir(lang: str, models: Path | None = None) -> Path:
    return Path(models or MODELS_DIR) / lang


def available_languages(models: Path | None = None) -> tuple[str, ...]:
    """The languages that have a pipeline: folders of `models/` holding a pipeline.cfg."""
    root = Path(models or MODELS_DIR)
    return tuple(sorted(p.name for p in root.iterdir()
                        if p.is_dir() and p.name != SHARED and (p / CONFIG).is_file()))


def has_language(lang: str, models: Path | None = None) -> bool:
    """Whether `models/<lang>/` holds a pipeline for this language."""
    return bool(lang) and lang != SHARED and "/" not in lang and (language_dir(lang, models) / CONFIG).is_file()


def pipeline_language(detected: str, models: Path | None = None) -> str | None:
    """The pipeline that reads a note whose detected language is `detected`:
    that language's, the fallback's when the language could not be told, None
    when `models/` has no folder for it."""
    if detected in UNDETERMINED:
        return FALLBACK_LANGUAGE
    return detected if has_language(detected, models) else None


# -- a language's data files -----------------------------------------------------
def read_files_section(lang: str, models: Path | None = None) -> dict[str, Path]:
    """{name: absolute path} of the `[files]` section of a language's pipeline.cfg."""
    return dict(_files_section(str(language_dir(lang, models) / CONFIG)))


@lru_cache(maxsize=16)
def _files_section(cfg_path: str) -> tuple[tuple[str, Path], ...]:
    path = Path(cfg_path)
    if not path.is_file():
        raise ModelDataError(f"{path}: expected a pipeline config, got no such file")
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keep the names' case
    try:
        parser.read(path, encoding="utf-8")
    except configparser.Error as e:
        raise ModelDataError(f"{path}: expected a spaCy-style config, got an error: {e}".splitlines()[0]) from None
    if not parser.has_section("files"):
        return ()
    out = []
    for name, raw in parser.items("files"):
        try:
            value = json.loads(raw)
        except json.JSONDecodeError:
            value = raw
        if not isinstance(value, str):
            raise ModelDataError(f"{path}: expected a path string for files.{name}, got {raw!r}")
        out.append((name, (path.parent / value).resolve()))
    return tuple(out)


def default_file(name: str, lang: str = FALLBACK_LANGUAGE) -> Path:
    """The shipped file that `[files] name` of a language's pipeline.cfg names
    (the default of the plain-function helpers, which take a path otherwise)."""
    files = read_files_section(lang)
    if name not in files:
        raise ModelDataError(f"{language_dir(lang) / CONFIG}: expected an entry '{name}' in [files], "
                             f"got {sorted(files)}")
    return files[name]


def model_key(path: Path, models: Path | None = None) -> str:
    """The path of a shipped file relative to `models/` ("en/patterns/dates.jsonl")."""
    try:
        return Path(path).resolve().relative_to(Path(models or MODELS_DIR).resolve()).as_posix()
    except ValueError:
        return Path(path).name


@dataclass(frozen=True)
class Source:
    """A data file to read, with the name findings give as their source:
    the file name for a shipped file ("orgs.tsv"), the overlay folder and the
    path in it for a user's file ("my-patterns/gazetteers/orgs.tsv")."""

    path: Path
    name: str

    def as_config(self) -> dict:
        return {"path": str(self.path), "name": self.name}


def overlay_candidates(key: str, overlay: Path) -> list[Path]:
    """Where an overlay may hold rows for the shipped file `key` (relative to
    models/): the same path, and for a shared file also the path inside shared/."""
    out = [overlay / key]
    if key.startswith(SHARED + "/"):
        out.append(overlay / key[len(SHARED) + 1:])
    return out


def sources(path: Path, overlay: Path | None = None, models: Path | None = None) -> list[Source]:
    """The shipped file, then the overlay's files for it, in reading order.

    A file with companions (schemas.COMPANION_FILES: the organization kind
    lexicons `orgs_<kind>.tsv` beside orgs.tsv) has them read by its loader
    beside each orgs.tsv it is given; where the overlay holds companions but
    not the file itself, they are its files for it here, so that an overlay
    with only `gazetteers/orgs_media.tsv` is read too."""
    path = Path(path)
    out = [Source(path, path.name)]
    if overlay is not None:
        overlay = Path(overlay)
        for candidate in overlay_candidates(model_key(path, models), overlay):
            found = [candidate] if candidate.is_file() else [
                companion for name in COMPANION_FILES.get(candidate.name, ())
                if (companion := candidate.with_name(name)).is_file()]
            out += [Source(f, f"{overlay.name}/{f.relative_to(overlay).as_posix()}") for f in found]
    return out


def check_overlay_folder(overlay: Path | None) -> None:
    if overlay is not None and not Path(overlay).is_dir():
        raise ModelDataError(f"{overlay}: expected a folder of pattern and gazetteer files, got no such folder")


# -- the cache fingerprint ------------------------------------------------------------
def data_files(directory: Path) -> list[Path]:
    """The files under `directory` that configure the pipeline, sorted."""
    directory = Path(directory)
    return sorted(p for p in directory.rglob("*") if p.is_file() and (p.suffix in DATA_SUFFIXES or p.suffix == ".cfg"))


def _reads(rel: Path, lang: str, languages: tuple[str, ...]) -> bool:
    """A data file at `rel` (relative to models/ or to an overlay) is read by the
    pipeline of `lang`: it is in that language's folder or in the shared one (an
    overlay may hold shared files at its top, gazetteers/orgs.tsv)."""
    top = rel.parts[0] if len(rel.parts) > 1 else ""
    return top in (lang, SHARED) or top not in languages


def language_fingerprint(lang: str, models: Path | None = None, overlay: Path | None = None) -> str:
    """A hash of the data files the pipeline of `lang` reads (models/<lang>/,
    models/shared/ and the overlay's files for them) and the code version: the
    NLP cache key of a note read in `lang` changes whenever one of them does,
    and editing French files leaves the English notes' cache entries valid."""
    from pipeline import __version__

    languages = available_languages(models)
    h = hashlib.sha256(f"unnotes {__version__}\n{lang}\n".encode())
    for root in [Path(models or MODELS_DIR)] + ([Path(overlay)] if overlay else []):
        for path in data_files(root):
            rel = path.relative_to(root)
            if _reads(rel, lang, languages):
                h.update(rel.as_posix().encode() + b"\0")
                h.update(path.read_bytes())
    return h.hexdigest()[:16]


def models_fingerprints(models: Path | None = None, overlay: Path | None = None) -> dict[str, str]:
    """{language: language_fingerprint} for every language models/ has a pipeline for."""
    return {lang: language_fingerprint(lang, models, overlay) for lang in available_languages(models)}
