"""`unnotes patterns check`: validate a folder of pattern and gazetteer
files before a run uses them. Each problem is one line naming the file, the
line and what was expected."""

from __future__ import annotations

from pathlib import Path

from pipeline.core.errors import ModelDataError
from pipeline.core.datafiles import read_jsonl, read_tsv


def check_patterns(directory: Path) -> list[str]:
    """Problems found in `directory` (empty when all is well). Syntax is checked
    file by file; then the pipeline is built with the folder as an overlay
    (or as the models folder, when it holds a pipeline.cfg), which checks
    what each component expects of its files."""
    from pipeline.core.models import MODELS_DIR, data_files
    from pipeline.nlp.build import _build

    directory = Path(directory)
    problems: list[str] = []
    for path in data_files(directory):
        try:
            if path.suffix == ".jsonl":
                for _ in read_jsonl(path, {}):
                    pass
            elif path.suffix == ".tsv":
                for _ in read_tsv(path, []):
                    pass
        except ModelDataError as e:
            problems.append(str(e))
        except UnicodeDecodeError:
            problems.append(f"{path} line 1: expected UTF-8 text, got undecodable bytes")
    if problems:
        return problems
    try:
        if (directory / "pipeline.cfg").exists():
            _build(str(directory.resolve()), None)
        elif directory.resolve() != MODELS_DIR:
            _build(str(MODELS_DIR), str(directory.resolve()))
        else:
            _build(str(MODELS_DIR), None)
    except ModelDataError as e:
        problems.append(str(e))
    return problems
