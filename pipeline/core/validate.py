"""The one validator of `models/` data files, used by the loaders (`records`,
`rows`: the first problem stops the load with a one-line error naming the
file and line) and by `unnotes patterns check` (`check_folder`: every problem
of a folder, one line each).

What `check_folder` reports, for a user's overlay folder or a models folder:
unknown file names and misspelt folders, ingestion files in an overlay (refused,
with the reason), lines that break their file's schema (`pipeline.core.schemas`:
missing or unknown keys such as a misspelt "disabld", wrong types, values
outside the allowed ones, TSV headers), regexes that do not compile, regexes
that backtrack catastrophically (probed in a separate process with a time
limit, since Python's `re` cannot be interrupted), and overlay ids that
collide with shipped ones. No spaCy here: what each component checks beyond
its schema is checked by building the pipeline (`pipeline/patterns.py`)."""

from __future__ import annotations

import difflib
import json
import multiprocessing
import re
from pathlib import Path
from typing import Iterator

from pipeline.core.errors import ModelDataError
from pipeline.core.schemas import (
    INGEST_FILES, INGEST_REASON, SCHEMAS, WORDS, JsonlSchema, TsvSchema, schema_for,
)

PROBE_SECONDS = 2.0   # a regex that needs longer than this on a probe string backtracks catastrophically
PROBE_LENGTH = 28     # length of the repeated part of each probe string
MACRO = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")


def compile_regex(pattern: str, where: str, key: str = "pattern", flags: int = 0) -> re.Pattern:
    """`pattern` compiled, or a ModelDataError naming `where` (file and line) and the key."""
    try:
        return re.compile(pattern, flags)
    except re.error as e:
        raise ModelDataError(f"{where}: expected a valid regular expression in '{key}', "
                             f"got {pattern!r} ({e})") from None


# -- one line against its schema --------------------------------------------------
def _type_ok(value, types) -> bool:
    if types == WORDS:
        return isinstance(value, list) and all(isinstance(w, str) and w.strip() for w in value)
    if bool in types or not isinstance(value, bool):
        return isinstance(value, types)
    return False  # True is an int in Python, not in our files


def _type_name(types) -> str:
    if types == WORDS:
        return "a list of non-empty strings"
    return " or ".join(t.__name__ for t in types)


def line_problems(schema: JsonlSchema, obj: dict, where: str) -> list[str]:
    """What is wrong with one JSONL object (empty when nothing is)."""
    out = []
    for key, spec in schema.keys.items():
        if spec.required and key not in obj:
            out.append(f"{where}: expected key '{key}', got keys {sorted(obj)}")
    if schema.by_value:
        key, needed = schema.by_value
        for extra in needed.get(obj.get(key), ()):
            if extra not in obj:
                out.append(f"{where}: expected key '{extra}' for a {obj.get(key)} {key}, got keys {sorted(obj)}")
    for key, value in obj.items():
        spec = schema.keys.get(key)
        if spec is None:
            close = difflib.get_close_matches(key, list(schema.keys), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            out.append(f"{where}: expected keys among {sorted(schema.keys)}, got unknown key '{key}'{hint}")
            continue
        if not _type_ok(value, spec.types):
            out.append(f"{where}: expected {_type_name(spec.types)} for '{key}', got {value!r}")
            continue
        if spec.choices is not None and value not in spec.choices:
            out.append(f"{where}: expected '{key}' one of {sorted(spec.choices)}, got {value!r}")
        if spec.regex and isinstance(value, str):
            try:
                re.compile(_without_macros(value) if schema.macros else value)
            except re.error as e:
                out.append(f"{where}: expected a valid regular expression in '{key}', got {value!r} ({e})")
    return out


def _without_macros(regex: str) -> str:
    """A macro regex ("(?P<y1>{YEAR})") with each {MACRO} as a plain group, so
    that its own structure can be compiled and probed (the macros are ours)."""
    return MACRO.sub("(?:x)", regex)


def records(path: Path, schema: JsonlSchema | None = None) -> Iterator[tuple[int, dict]]:
    """The objects of a JSONL file as (line number, object), each checked
    against `schema` (by default the schema of the file's kind, found by name)."""
    path = Path(path)
    schema = schema or _schema_by_name(path)
    for lineno, obj in _json_lines(path):
        if isinstance(obj, str):
            raise ModelDataError(obj)
        problems = line_problems(schema, obj, f"{path} line {lineno}") if schema else []
        if problems:
            raise ModelDataError(problems[0])
        yield lineno, obj


def _schema_by_name(path: Path):
    for rel, schema in SCHEMAS.items():
        if isinstance(schema, JsonlSchema) and rel.split("/")[-1] == path.name:
            return schema
    return None


def _json_lines(path: Path) -> Iterator[tuple[int, dict | str]]:
    """(line number, object) of each data line; a string in place of the
    object is the problem with that line."""
    try:
        with path.open(encoding="utf-8") as fh:
            lines = list(enumerate(fh, 1))
    except UnicodeDecodeError:
        yield 1, f"{path} line 1: expected UTF-8 text, got undecodable bytes"
        return
    for lineno, line in lines:
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield lineno, f"{path} line {lineno}: expected a JSON object, got invalid JSON ({e.msg})"
            continue
        if not isinstance(obj, dict):
            yield lineno, f"{path} line {lineno}: expected a JSON object, got {type(obj).__name__}"
            continue
        yield lineno, obj


def tsv_problems(path: Path, schema: TsvSchema, shipped_header: list[str] | None = None) -> list[str]:
    """What is wrong with a TSV file: header, field counts, allowed values."""
    out = []
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return [f"{path} line 1: expected UTF-8 text, got undecodable bytes"]
    lines = [(i, ln) for i, ln in enumerate(text.splitlines(), 1) if ln.strip() and not ln.startswith("#")]
    if not lines:
        return [f"{path} line 1: expected a header row with columns {list(schema.columns)}, got an empty file"]
    header_line, header = lines[0]
    names = header.split("\t")
    missing = [c for c in schema.columns if c not in names]
    unknown = [c for c in names if c not in schema.columns + schema.optional]
    if missing:
        out.append(f"{path} line {header_line}: expected columns {list(schema.columns)}, missing {missing}")
    if unknown:
        out.append(f"{path} line {header_line}: expected columns among {list(schema.columns + schema.optional)}, "
                   f"got unknown {unknown}")
    if shipped_header is not None and names != shipped_header and not missing and not unknown:
        out.append(f"{path} line {header_line}: expected the shipped header {shipped_header}, got {names}")
    if out:
        return out
    for lineno, line in lines[1:]:
        fields = line.split("\t")
        if len(fields) != len(names):
            out.append(f"{path} line {lineno}: expected {len(names)} tab-separated fields, got {len(fields)}")
            continue
        row = dict(zip(names, (f.strip() for f in fields)))
        for column, allowed in schema.choices.items():
            if column in row and row[column] not in allowed:
                out.append(f"{path} line {lineno}: expected '{column}' one of {sorted(allowed)}, "
                           f"got {row[column]!r}")
    return out


# -- catastrophic backtracking ----------------------------------------------------
def probe_strings(pattern: str) -> list[str]:
    """Strings that make a regex with nested or overlapping quantifiers try
    exponentially many ways: runs of one character (each literal character
    of the pattern, and a few common ones) or of a pair, ending in a
    character that fails the match."""
    chars = {c for c in re.sub(r"\\[a-zA-Z]|\(\?P?<[^>]*>|\(\?[:=!<]", "", pattern) if c.isprintable()
             and c not in "()[]{}|*+?^$\\"}
    chars |= set("a A0 .,-/")
    out = []
    for c in sorted(chars):
        out.append(c * PROBE_LENGTH + "\u2603")
        out.append(c * PROBE_LENGTH + "\n")
    for a, b in (("a", " "), ("a", "b"), ("0", "."), ("A", " "), ("a", "-")):
        out.append((a + b) * (PROBE_LENGTH // 2) + "\u2603")
    return out


def _probe_worker(conn) -> None:
    while True:
        item = conn.recv()
        if item is None:
            return
        try:
            regex = re.compile(item)
            for s in probe_strings(item):
                regex.search(s)
        except re.error:
            pass
        conn.send(True)


def slow_regexes(items: list[tuple[str, str, str]], seconds: float = PROBE_SECONDS) -> list[str]:
    """Problems for the (where, key, regex) items that backtrack catastrophically:
    each is tried on `probe_strings` in a worker process that is killed and
    replaced when one takes longer than `seconds`."""
    if not items:
        return []
    ctx = multiprocessing.get_context("spawn")
    problems: list[str] = []
    worker = conn = None

    def start():
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_probe_worker, args=(child,), daemon=True)
        proc.start()
        return proc, parent

    try:
        for where, key, pattern in items:
            fresh = worker is None
            if fresh:
                worker, conn = start()
            conn.send(pattern)
            # a fresh worker's first answer also waits for the interpreter to start
            if conn.poll(seconds + (10.0 if fresh else 0.0)):
                conn.recv()
                continue
            problems.append(f"{where}: expected a regular expression in '{key}' that runs in linear time, got "
                            f"{pattern!r}: it backtracks catastrophically (over {seconds:.0f} s on a "
                            f"{PROBE_LENGTH}-character probe; nested quantifiers like (a|aa)+)+ do this)")
            worker.kill()
            worker.join()
            worker = conn = None
    finally:
        if worker is not None:
            conn.send(None)
            worker.join(timeout=2)
            if worker.is_alive():
                worker.kill()
    return problems


# -- a whole folder ---------------------------------------------------------------
def _expected_files(models: Path) -> dict[str, Path]:
    """{path relative to models/: the shipped file} for every data file a
    language folder or shared/ holds."""
    from pipeline.core.models import data_files

    return {p.relative_to(models).as_posix(): p for p in data_files(models)}


def _where(rel: str) -> tuple[str, str]:
    """(folder: a language or "shared", path inside it)."""
    top, _, rest = rel.partition("/")
    return top, rest


def check_folder(directory: Path, models: Path | None = None, probe: bool = True) -> list[str]:
    """Every problem in an overlay folder (or, when `directory` is the models
    folder itself, in the shipped files), one line each."""
    from pipeline.core.models import MODELS_DIR, SHARED, available_languages, data_files, overlay_candidates

    models = Path(models or MODELS_DIR).resolve()
    directory = Path(directory).resolve()
    shipped = _expected_files(models)
    languages = set(available_languages(models))
    is_models = directory == models
    problems: list[str] = []
    regexes: list[tuple[str, str, str]] = []
    for path in data_files(directory):
        rel = path.relative_to(directory).as_posix()
        if path.suffix == ".cfg":
            if not is_models:
                problems.append(f"{path}: expected pattern and gazetteer files, got a pipeline config "
                                f"(an overlay adds rows to data files; a new pipeline is a new models/<lang>/)")
            continue
        target, problem = _target(rel, shipped, languages, SHARED, overlay_candidates, directory)
        if problem:
            problems.append(f"{path}: {problem}")
            continue
        top, inner = _where(target)
        if inner in INGEST_FILES:
            if not is_models:
                problems.append(f"{path}: expected no ingestion file in an overlay, got {rel}: {INGEST_REASON}")
            continue
        schema = schema_for(inner)
        if schema is None:
            if is_models:
                problems.append(f"{path}: expected a data file with a schema in pipeline/core/schemas.py, "
                                f"got {rel}")
            continue
        if isinstance(schema, TsvSchema):
            header = None if is_models else _header(shipped[target])
            problems += tsv_problems(path, schema, header)
            continue
        shipped_ids = {} if is_models or schema.same_id != "collides" else _ids(shipped[target])
        for lineno, obj in _json_lines(path):
            where = f"{path} line {lineno}"
            if isinstance(obj, str):
                problems.append(obj)
                continue
            line = line_problems(schema, obj, where)
            problems += line
            if line:
                continue
            if obj.get("id") in shipped_ids:
                problems.append(f"{where}: expected an id not used by the shipped file, got {obj['id']!r} "
                                f"(also {shipped[target]} line {shipped_ids[obj['id']]}; this file does not "
                                f"replace lines by id: choose another id)")
            for key, spec in schema.keys.items():
                if spec.regex and isinstance(obj.get(key), str):
                    regexes.append((where, key, _without_macros(obj[key]) if schema.macros else obj[key]))
    if probe:
        problems += slow_regexes(regexes)
    return problems


def _target(rel, shipped, languages, shared, overlay_candidates, directory) -> tuple[str | None, str | None]:
    """(the shipped file, relative to models/, that an overlay file adds to, None)
    or (None, the problem) when there is none."""
    if rel in shipped:
        return rel, None
    for key in shipped:  # a shared file may sit at the top of an overlay (gazetteers/orgs.tsv)
        if key.startswith(shared + "/") and overlay_candidates(key, directory)[-1] == directory / rel:
            return key, None
    top, inner = _where(rel)
    in_language = [f"{lang}/{rel}" for lang in sorted(languages) if f"{lang}/{rel}" in shipped]
    if in_language:
        return None, (f"expected a language folder for a language file, got {rel} at the top: "
                      f"write it as {' or '.join(in_language)}")
    if top not in languages and top != shared and inner:
        close = difflib.get_close_matches(top, sorted(languages) + [shared], n=1)
        if close:
            return None, (f"expected a folder among {sorted(languages) + [shared]}, got '{top}/' "
                          f"(did you mean '{close[0]}/'?)")
    names = [k for k in shipped if k.split("/")[-1] == rel.split("/")[-1]]
    if names:
        return None, f"expected a file at the path it has in models/, got {rel} (did you mean {' or '.join(names)}?)"
    close = difflib.get_close_matches(rel, list(shipped), n=1)
    hint = f" (did you mean {close[0]}?)" if close else ""
    return None, (f"expected a file that models/ has (its rows are added to that file's), "
                  f"got unknown file {rel}{hint}")


def _header(path: Path) -> list[str]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            return line.split("\t")
    return []


def _ids(path: Path) -> dict[str, int]:
    out = {}
    for lineno, obj in _json_lines(path):
        if isinstance(obj, dict) and isinstance(obj.get("id"), str):
            out.setdefault(obj["id"], lineno)
    return out
