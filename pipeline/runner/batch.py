"""Run many notes through ingest -> nlp -> tables, in parallel, with a cache.

One file's work (`process_file`) is a plain function of the file, so the same
code runs in local worker processes (pebble, which replaces a worker that
hangs or dies) and on a Dask cluster. Each worker builds the spaCy pipeline
once. The parent collects results, writes texts and tables atomically and
sorts everything by document, so the outputs do not depend on job count or
completion order."""

from __future__ import annotations

import os
import signal
import tempfile
import time
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from pipeline.runner.cache import Cache, file_sha256, nlp_key, statistical_key, text_key
from pipeline.runner.discovery import SUPPORTED_SUFFIXES, InputFile, discover, discover_inputs  # noqa: F401
from pipeline.runner.outfolder import output_lock, prepare_output
from pipeline.core.errors import IngestError
from pipeline.core.models import pipeline_language
from pipeline.core.note import NoteText
from pipeline.runner.records import DocumentResult
from pipeline.tables import build_tables

@dataclass
class RunOptions:
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    cache_dir: Path | None = None          # None: OUT/.cache
    use_cache: bool = True
    overlay: Path | None = None             # the user's pattern/gazetteer folder
    password: str | None = None
    timeout: float = 600.0                  # seconds a file may take
    max_memory_mb: int = 6144               # address space a worker may use
    max_file_mb: int = 512                  # larger files are refused
    engine: str = "local"                   # "local" or "dask"
    scheduler: str | None = None            # tcp://HOST:PORT for dask; None: a local cluster
    pdf_backend: str = "pdfium"             # PDF reader (pipeline/ingest/backends)
    ocr: str = "auto"                       # auto / always / never (pipeline/ingest/ocr_pages.py)
    follow_links: bool = False              # read links that leave the input folders
    scratch_dir: Path | None = None         # set by run_batch: where workers note what a time limit would lose


MIN_MEMORY_MB = 100   # below this a worker cannot even start Python and its imports


def check_options(options: RunOptions) -> str | None:
    """The first option out of its range, as one line, or None."""
    import math

    if options.jobs < 1:
        return f"--jobs must be 1 or more, got {options.jobs}"
    if not (math.isfinite(options.timeout) and options.timeout > 0):
        return f"--timeout must be a number of seconds above 0, got {options.timeout:g}"
    if options.ocr not in ("auto", "always", "never"):
        return f"--ocr must be auto, always or never, got {options.ocr!r}"
    if options.max_memory_mb < MIN_MEMORY_MB:
        return f"--max-memory must be at least {MIN_MEMORY_MB} (MB), got {options.max_memory_mb}"
    if options.overlay is not None:
        overlay = Path(options.overlay)
        if not overlay.exists():
            return f"--patterns {overlay}: no such folder"
        if not overlay.is_dir():
            return (f"--patterns {overlay} is a file; give the folder that holds your own "
                    "patterns/ and gazetteers/ files")
    return None


@dataclass
class RunSummary:
    results: list[DocumentResult]
    seconds: float
    out: Path
    output_folders: list[Path] = field(default_factory=list)  # earlier outputs among the inputs, not read

    @property
    def ok(self) -> int:
        return sum(r.status == "ok" for r in self.results)

    @property
    def failed(self) -> int:
        return sum(r.status != "ok" for r in self.results)

    @property
    def pages(self) -> int:
        return sum(r.pages for r in self.results if r.status == "ok" and not r.duplicate_of)

    @property
    def findings(self) -> int:
        return sum(len(r.findings.get("mentions", [])) + len(r.findings.get("recommendations", []))
                   for r in self.results)


# -- one file's work (runs in a worker) ---------------------------------------

def _limit_memory(max_memory_mb: int) -> None:
    try:
        import resource

        limit = max_memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):  # not on this platform
        pass


def _start_worker(max_memory_mb: int, overlay: Path | None) -> None:
    """A local worker: its memory limit, then the pipeline, built once before
    any file so that a file's time limit counts only that file's work."""
    _limit_memory(max_memory_mb)
    try:
        from pipeline.nlp.build import build_nlp

        build_nlp(overlay=overlay)
        _warm_ingestion()
    except Exception:  # MemoryError included: each file will then report why
        pass


def _warm_ingestion() -> None:
    """Import the readers and load the word lists (the language guess's, the
    garbled test's) now, once per worker: done lazily they cost a loaded
    machine seconds of the first file's limit."""
    import importlib

    for module in ("pipeline.ingest.pdf", "pipeline.ingest.text"):
        importlib.import_module(module)
    from pipeline.ingest.garbled import load_scorer
    from pipeline.ingest.metadata import guess_language

    guess_language("the meeting of the participants")
    load_scorer()


def process_file(path: str, document: str, sha256: str, options: RunOptions,
                 models_fps: dict[str, str], only_cached: bool = False) -> DocumentResult | None:
    """Ingest and analyse one file, through the cache. Never raises for a bad
    file: the reason goes in the result's `error`. With `only_cached`: None
    when its text or findings are not cached yet (the parent sends those to the
    workers and answers the others itself, reading each cache entry once)."""
    cache = Cache(options.cache_dir)
    result = DocumentResult(document=document, sha256=sha256)
    try:
        from pipeline.ingest import read_note

        size_mb = os.path.getsize(path) / 1e6
        if size_mb > options.max_file_mb:
            raise IngestError(f"too large ({size_mb:.0f} MB; the limit is {options.max_file_mb} MB)")
        tkey = text_key(sha256, options.password, options.pdf_backend, options.ocr)
        cached = cache.get("text", tkey) if options.use_cache else None
        if cached and "error" in cached:
            raise IngestError(cached["error"])
        if cached:
            note = NoteText.from_dict(cached)
        elif only_cached:
            return None
        else:
            try:
                note = read_note(Path(path), password=options.password, backend=options.pdf_backend,
                                 ocr=options.ocr, ocr_cache=_ocr_cache(options), ocr_threads=ocr_threads(options))
            except IngestError as e:
                cache.put("text", tkey, {"error": str(e)})
                raise
            cache.put("text", tkey, note.to_dict())
        result.note, result.pages = note, note.pages
        _note_pages(options, sha256, note.pages)
        lang = pipeline_language(note.language)
        if lang is None:
            # No models/<language>/ for it: another language's patterns and model would mangle it.
            note.warnings.append(f"not English ({note.language}): entities and recommendations not extracted")
            return result
        from pipeline.ingest.metadata import reading_parts

        from pipeline.nlp.foreign_orgs import foreign_runs

        parts = reading_parts(note, pipeline_language)
        if len(parts) > 1:
            note.warnings.append(bilingual_warning(note, parts))
        # a note read whole: its runs of another language's blocks give their organizations (foreign_orgs)
        foreign = foreign_runs(note, pipeline_language) if len(parts) == 1 else []
        nkey = nlp_key(sha256, parts_fingerprint(parts + foreign, models_fps), options.password,
                       options.pdf_backend, options.ocr)
        findings = cache.get("nlp", nkey) if options.use_cache else None
        if findings is None and only_cached:
            return None
        if findings is None:
            from pipeline.findings import analyse, statistical_docs
            from pipeline.nlp.build import build_nlp, statistical_name

            if len(parts) > 1:  # a bilingual note: each run of blocks with its language's pipeline
                from pipeline.findings import analyse_segments

                findings = analyse_segments(note, [(s, e, build_nlp(p, overlay=options.overlay))
                                                   for s, e, p in parts])
                cache.put("nlp", nkey, findings)
                result.findings = findings
                return result
            nlp = build_nlp(lang, overlay=options.overlay)
            skey = statistical_key(sha256, statistical_name(nlp), options.password, options.pdf_backend,
                                   options.ocr)
            cached = cache.get_bytes("statistical", skey) if options.use_cache else None
            docs, data = statistical_docs(note, nlp, cached)
            if cached is None:
                cache.put_bytes("statistical", skey, data)
            findings = analyse(note, nlp, docs)
            if foreign:
                from pipeline.nlp.foreign_orgs import add_foreign_orgs

                findings = add_foreign_orgs(note, findings, foreign,
                                            lambda p: build_nlp(p, overlay=options.overlay))
            cache.put("nlp", nkey, findings)
        result.findings = findings
    except IngestError as e:
        result.status, result.error = "error", str(e)
    except MemoryError:
        result.status, result.error = "error", f"too large: ran out of memory (limit {options.max_memory_mb} MB)"
        result.note = None
    except RecursionError:
        result.status, result.error = "error", "truncated or corrupt: structure too deeply nested"
    except Exception as e:  # one bad file never stops a batch; the reason is kept
        result.status, result.error = "error", f"internal error: {type(e).__name__}: {e}".splitlines()[0]
    return result


def bilingual_warning(note: NoteText, parts: list[tuple[int, int, str]]) -> str:
    """"bilingual, read in parts: en 54%, fr 46%" (each language's share of the text)."""
    sizes: dict[str, int] = {}
    for start, end, lang in parts:
        sizes[lang] = sizes.get(lang, 0) + end - start
    return "bilingual, read in parts: " + ", ".join(
        f"{lang} {n / len(note.text):.0%}" for lang, n in sorted(sizes.items(), key=lambda kv: -kv[1]))


def parts_fingerprint(parts: list[tuple[int, int, str]], models_fps: dict[str, str]) -> str:
    """The data fingerprint of the pipelines that read a note's parts (one
    language, or each language of a bilingual note's runs of blocks)."""
    return "+".join(models_fps[lang] for lang in sorted({p for _, _, p in parts}))


def _ocr_cache(options: RunOptions) -> Path | None:
    """The OCR page cache: OUT/.cache/ocr (or --cache DIR/ocr); none with --no-cache."""
    return Path(options.cache_dir) / "ocr" if options.use_cache and options.cache_dir else None


def ocr_threads(options: RunOptions) -> int:
    """Tesseract processes one worker runs at once: the cores its share of the pool."""
    return max(1, (os.cpu_count() or 1) // max(1, options.jobs))


def _note_pages(options: RunOptions, sha256: str, pages: int) -> None:
    """Leave the page count where the parent finds it if this file's time runs out."""
    if options.scratch_dir is not None:
        try:
            (Path(options.scratch_dir) / f"{sha256}.pages").write_text(str(pages))
        except OSError:
            pass


def _known_pages(options: RunOptions, sha256: str) -> int:
    try:
        return int((Path(options.scratch_dir) / f"{sha256}.pages").read_text())
    except (OSError, ValueError, TypeError):
        return 0


# -- the batch ------------------------------------------------------------------

def run_batch(inputs: list[Path], out: Path, options: RunOptions,
              on_result: Callable[[DocumentResult], None] | None = None,
              on_start: Callable[[int], None] | None = None) -> RunSummary:
    """Run the notes in `inputs` and write the tables to `out`. The output
    folder is checked and locked first (OutputFolderError, one line, before
    any work)."""
    started = time.perf_counter()
    out = Path(out)
    if options.cache_dir is None and options.use_cache:
        options.cache_dir = out / ".cache"
    prepare_output(out)                      # before any work: a read-only --out fails now, not at the end
    with output_lock(out), tempfile.TemporaryDirectory(prefix="unnotes-run-") as scratch:
        options.scratch_dir = Path(scratch)
        try:
            return _run_locked(inputs, out, options, on_result, on_start, started)
        finally:
            options.scratch_dir = None


def _run_locked(inputs, out: Path, options: RunOptions, on_result, on_start, started: float) -> RunSummary:
    from pipeline.core.models import models_fingerprints
    from pipeline.output import write_tables, write_text

    found = discover_inputs(inputs, exclude=out, follow_links=options.follow_links)
    files = found.files
    if on_start:
        on_start(len(files))
    models_fps = models_fingerprints(overlay=options.overlay)

    # Same bytes under two names: process once, name both.
    results: list[DocumentResult] = []
    first_by_sha: dict[str, InputFile] = {}
    todo: list[tuple[InputFile, str]] = []
    duplicates: list[tuple[InputFile, str]] = []
    for f in files:
        if f.skipped:
            res = DocumentResult(document=f.document, status="error", error=f.skipped)
            results.append(res)
            on_result and on_result(res)
            continue
        try:
            sha = file_sha256(f.path)
        except OSError as e:
            res = DocumentResult(document=f.document, status="error", error=f"cannot read file: {e.strerror}")
            results.append(res)
            on_result and on_result(res)
            continue
        if sha in first_by_sha:
            duplicates.append((f, sha))
        else:
            first_by_sha[sha] = f
            todo.append((f, sha))

    # Files whose every stage is cached are read here: no worker, no spaCy.
    misses = []
    for f, sha in todo:
        res = process_file(str(f.path), f.document, sha, options, models_fps, only_cached=True) \
            if options.use_cache else None
        if res is None:
            misses.append((f, sha))
        else:
            results.append(res)
            on_result and on_result(res)
    runner = _run_dask if options.engine == "dask" else _run_local
    for res in runner(misses, options, models_fps):
        results.append(res)
        on_result and on_result(res)

    by_document = {r.document: r for r in results}
    for f, sha in duplicates:
        first = by_document[first_by_sha[sha].document]
        dup = DocumentResult(document=f.document, sha256=sha, pages=first.pages, status=first.status,
                             error=first.error, duplicate_of=first.document)
        results.append(dup)
        on_result and on_result(dup)

    out.mkdir(parents=True, exist_ok=True)
    for res in results:
        if res.note is not None and res.status == "ok":
            write_text(out, res.document, res.note.text)
    write_tables(build_tables(results, options.overlay), out)
    return RunSummary(sorted(results, key=lambda r: r.document), time.perf_counter() - started, out,
                      found.output_folders)


def _failed(f: InputFile, sha: str, reason: str) -> DocumentResult:
    return DocumentResult(document=f.document, sha256=sha, status="error", error=reason)


def _run_local(todo, options: RunOptions, models_fps: dict[str, str]):
    """Worker processes that each build the pipeline once; a worker that runs
    past the time limit or dies is replaced and its file marked."""
    from pebble import ProcessPool
    from pebble.common import ProcessExpired

    if not todo:
        return
    jobs = max(1, min(options.jobs, len(todo)))
    with ProcessPool(max_workers=jobs, initializer=_start_worker,
                     initargs=(options.max_memory_mb, options.overlay)) as pool:
        futures = [(f, sha, pool.schedule(process_file, args=(str(f.path), f.document, sha, options, models_fps),
                                          timeout=options.timeout)) for f, sha in todo]
        try:
            for f, sha, fut in futures:
                try:
                    yield fut.result()
                except FutureTimeout:
                    res = _failed(f, sha, f"timed out (over {options.timeout:g} s)")
                    res.pages = _known_pages(options, sha)
                    yield res
                except MemoryError:  # raised outside the file's own work (imports, results)
                    yield _failed(f, sha, f"too large: ran out of memory (limit {options.max_memory_mb} MB)")
                except ProcessExpired as e:
                    yield _failed(f, sha, worker_death(e.exitcode, options.max_memory_mb))
                except Exception as e:  # pickling or pool errors: keep the batch going
                    yield _failed(f, sha, f"internal error: {type(e).__name__}: {e}".splitlines()[0])
        except BaseException:
            pool.stop()
            raise


def worker_death(exitcode: int | None, max_memory_mb: int) -> str:
    """The one-line reason for a worker that died on a file. Under its memory
    limit a worker whose allocation fails inside C/C++ code (the PDF library,
    spaCy's) aborts (SIGABRT) rather than raising MemoryError; the kernel's
    out-of-memory killer sends SIGKILL."""
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        if -exitcode in (signal.SIGABRT, signal.SIGKILL):
            return f"too large: ran out of memory (limit {max_memory_mb} MB; the worker was stopped by {name})"
        return f"worker crashed while reading it ({name}): a bug in the PDF library or a corrupt file"
    return f"worker crashed while reading it (exit status {exitcode}): a bug in the PDF library or a corrupt file"


DASK_MISSING = ("--engine dask needs Dask, which is not installed here: "
                "pip install 'unnotes[dask]' (make install does it)")
SCHEDULER_WAIT = 5.0   # seconds to reach a Dask scheduler before giving up


def check_engine(options: RunOptions) -> str | None:
    """Why the run cannot start on its engine (one line), or None: Dask not
    installed, a scheduler address that does not parse or does not answer."""
    import importlib.util
    import socket
    from urllib.parse import urlsplit

    if options.engine != "dask":
        return "--scheduler needs --engine dask" if options.scheduler else None
    if importlib.util.find_spec("dask") is None or importlib.util.find_spec("distributed") is None:
        return DASK_MISSING
    if not options.scheduler:
        return None
    address = options.scheduler if "://" in options.scheduler else f"tcp://{options.scheduler}"
    try:
        parts = urlsplit(address)
        host, port = parts.hostname, parts.port or 8786
    except ValueError as e:
        return f"--scheduler {options.scheduler!r} is not tcp://HOST:PORT ({e})"
    if parts.scheme not in ("tcp", "tls") or not host:
        return f"--scheduler {options.scheduler!r} is not tcp://HOST:PORT"
    try:
        socket.create_connection((host, port), timeout=SCHEDULER_WAIT).close()
    except OSError as e:
        reason = "no answer" if isinstance(e, TimeoutError) else (e.strerror or str(e))
        return (f"cannot reach the Dask scheduler at {options.scheduler} within {SCHEDULER_WAIT:g} s "
                f"({reason})")
    return None


def _run_dask(todo, options: RunOptions, models_fps: dict[str, str]):
    """The same per-file work on a Dask distributed cluster: the scheduler at
    `options.scheduler`, or a local cluster of `options.jobs` processes. Workers
    need unnotes installed and the cache folder on a shared file system."""
    if not todo:
        return
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise RuntimeError(DASK_MISSING) from None
    if not todo:
        return
    cluster = None
    if options.scheduler:
        client = Client(options.scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, options.jobs), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        futures = {client.submit(process_file, str(f.path), f.document, sha, options, models_fps,
                                 pure=False, key=f"unnotes-{i}"): (f, sha)
                   for i, (f, sha) in enumerate(todo)}
        for fut in as_completed(futures):
            f, sha = futures[fut]
            try:
                yield fut.result()
            except Exception as e:
                yield _failed(f, sha, f"worker failed: {type(e).__name__}: {e}".splitlines()[0])
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
