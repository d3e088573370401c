"""Assemble a language's spaCy pipeline from `models/<lang>/pipeline.cfg`, once
per process and language.

The statistical model comes from the installed package the config names, with
only the components the tables need; the rule components follow it in the
order the config gives. Each data setting of a component (a path relative to
the language folder, usually `${files.NAME}`) becomes the list of files to
read: the shipped one, then the overlay's for it (`pipeline.core.models`), so
that errors and sources name the user's own file and line."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from typing import TYPE_CHECKING

from pipeline.core.errors import ModelDataError
from pipeline.core.models import (
    CONFIG, DATA_SUFFIXES, FALLBACK_LANGUAGE, MODELS_DIR, check_overlay_folder, has_language, language_dir, sources,
)

BLANK = "blank:"  # [base] model = "blank:es": spaCy's blank language of that code

if TYPE_CHECKING:  # spaCy and thinc load only where a pipeline is built, not for a warm re-run
    from spacy.language import Language
    from thinc.api import Config


def read_config(folder: Path) -> "Config":
    from thinc.api import Config

    path = Path(folder) / CONFIG
    try:
        return Config().from_disk(path, interpolate=True)
    except Exception as e:  # thinc raises several types; the user needs the file named
        raise ModelDataError(f"{path}: expected a spaCy-style config, got an error: {e}".splitlines()[0]) from None


def _register_components() -> None:
    # Importing a component module registers its factory with spaCy.
    from pipeline.nlp import (  # noqa: F401
        acronyms, blocks, dates, model_ents, natbodies, org_matcher, recommendations, resolve, sentences, states,
    )


def component_config(folder: Path, settings: dict, overlay: Path | None, models: Path | None = None) -> dict:
    """A component's settings with each data path (relative to the language
    folder) turned into its files to read: shipped first, then the overlay's."""
    out = {}
    for key, value in settings.items():
        if isinstance(value, str) and value.endswith(DATA_SUFFIXES):
            path = (folder / value).resolve()
            if not path.is_file():
                raise ModelDataError(f"{folder / CONFIG}: expected a data file at {value!r} for '{key}', "
                                     f"got no such file")
            value = [s.as_config() for s in sources(path, overlay, models)]
        out[key] = value
    return out


def build_nlp(lang: str = FALLBACK_LANGUAGE, overlay: Path | None = None, models: Path | None = None) -> "Language":
    """The full pipeline of language `lang` (a folder of `models/`), with the
    user's overlay folder. Cached: a process builds each one once."""
    root = Path(models or MODELS_DIR).resolve()
    return _build(str(root), lang, str(Path(overlay).resolve()) if overlay else None)


def build_folder(folder: Path, overlay: Path | None = None) -> "Language":
    """The pipeline of a folder that holds its own pipeline.cfg (a copy of a
    language folder being checked)."""
    folder = Path(folder).resolve()
    return _build(str(folder.parent), folder.name, str(Path(overlay).resolve()) if overlay else None)


@lru_cache(maxsize=8)
def _build(models_str: str, lang: str, overlay_str: str | None) -> "Language":
    import spacy

    models = Path(models_str)
    if not has_language(lang, models):
        raise ModelDataError(f"{language_dir(lang, models)}: expected a language folder with a {CONFIG}, "
                             f"got none")
    overlay = Path(overlay_str) if overlay_str else None
    check_overlay_folder(overlay)
    _register_components()
    folder = language_dir(lang, models)
    cfg = read_config(folder)
    base = cfg["base"]
    keep = set(base.get("keep", ["senter", "ner"]))
    if base["model"].startswith(BLANK):  # spaCy's blank language: its tokenizer, no statistical model
        nlp = spacy.blank(base["model"][len(BLANK):])
    else:
        meta = spacy.util.load_meta(spacy.util.get_package_path(base["model"]) / "meta.json")
        exclude = [n for n in meta.get("components", meta["pipeline"]) if n not in keep]
        nlp = spacy.load(base["model"], exclude=exclude)
    for name in keep:
        if name in nlp.disabled:
            nlp.enable_pipe(name)
    nlp.max_length = 2_000_000
    nlp.meta["unnotes_language"] = lang
    components = cfg.get("components", {})
    for name in cfg["pipeline"]["rules"]:
        nlp.add_pipe(name, config=component_config(folder, dict(components.get(name, {})), overlay, models))
    return nlp


def statistical_stage(nlp: "Language") -> list[str]:
    """Names of the components that come from the statistical model (the
    stage cached apart: its output does not depend on models/)."""
    return [name for name in nlp.pipe_names if not name.startswith("unnotes_")]


def statistical_name(nlp: "Language") -> str:
    """The language and model of the statistical stage, for its cache key."""
    return f"{nlp.meta.get('unnotes_language', nlp.lang)}-{nlp.meta['name']}-{nlp.meta['version']}"
