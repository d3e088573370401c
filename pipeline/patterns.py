"""`unnotes patterns check`: validate a folder of pattern and gazetteer
files before a run uses them. Each problem is one line naming the user's own
file, the line and what was expected.

Two steps: `pipeline.core.validate.check_folder` (file names and folders,
each file's schema, regexes that do not compile or backtrack catastrophically,
ids that collide with shipped ones), then, when that passes, every language's
pipeline is built with the folder as its overlay (or from the folder, when it
is a language folder with its own pipeline.cfg), which checks what each
component expects of its files (date groups, macros, duplicate names ...)."""

from __future__ import annotations

from pathlib import Path

from pipeline.core.errors import ModelDataError


def check_patterns(directory: Path, probe: bool = True) -> list[str]:
    """Problems found in `directory` (empty when all is well)."""
    from pipeline.core.models import CONFIG, MODELS_DIR, available_languages
    from pipeline.core.validate import check_folder

    directory = Path(directory)
    if not directory.is_dir():
        return [f"{directory}: expected a folder of pattern and gazetteer files, got no such folder"]
    resolved = directory.resolve()
    if (directory / CONFIG).exists():
        # a language folder of its own (a copy of models/<lang>/ being edited): build it
        problems = check_folder(resolved.parent, resolved.parent, probe=probe) if resolved.parent == MODELS_DIR \
            else []
        return problems or _build_problems(lambda: _build_folder(resolved))
    is_models = resolved == MODELS_DIR
    problems = check_folder(resolved, probe=probe)
    if problems:
        return problems
    from pipeline.nlp.build import build_nlp

    return _build_problems(lambda: [build_nlp(lang, overlay=None if is_models else resolved)
                                    for lang in available_languages()])


def _build_folder(folder: Path):
    from pipeline.nlp.build import build_folder

    return build_folder(folder)


def _build_problems(build) -> list[str]:
    try:
        build()
    except ModelDataError as e:
        return [str(e)]
    return []
