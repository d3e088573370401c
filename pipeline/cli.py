"""The `unnotes` command line: thin wrappers that parse options, call one
library function each, and turn library errors into one `Error: ...` line."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="Turn a folder of UN meeting notes (PDF, .txt) into reviewable tables of "
         "States, organizations, dates and recommendations.",
)
patterns_app = typer.Typer(no_args_is_help=True, help="Check the pattern and gazetteer files users tune.")
app.add_typer(patterns_app, name="patterns")


def fail(message: str, code: int = 1) -> None:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(code)


USAGE = 2  # exit status of a mistake found before any work (an option, a path, an unreachable scheduler)
PASSWORD_ENV = "UNNOTES_PDF_PASSWORD"


def _interactive() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"unnotes {version('unnotes')}")
        except PackageNotFoundError:
            from pipeline import __version__

            typer.echo(f"unnotes {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    show_version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Print the version and exit."),
):
    """Turn a folder of UN meeting notes (PDF, .txt) into reviewable tables of
    States, organizations, dates and recommendations."""


def _password(value: Optional[str]) -> Optional[str]:
    """--password VALUE, or `-` to be asked without echo; the environment
    variable fills it when the option is absent (typer reads it)."""
    if value != "-":
        return value
    return typer.prompt("PDF password", hide_input=True, err=True)


@app.command()
def run(
    inputs: List[Path] = typer.Argument(None, help="Files and folders of notes (default: corpus/)."),
    out: Path = typer.Option(Path("outputs"), "--out", "-o", help="Output folder for the tables."),
    jobs: int = typer.Option(os.cpu_count() or 1, "--jobs", "-j", help="Worker processes (default: all cores)."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 when any file fails."),
    patterns: Optional[Path] = typer.Option(None, "--patterns", help="Your own pattern/gazetteer files, "
                                            "added to the shipped ones in models/."),
    cache: Optional[Path] = typer.Option(None, "--cache", help="Cache folder (default: OUT/.cache)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither read nor write the cache."),
    password: Optional[str] = typer.Option(None, "--password", envvar=PASSWORD_ENV,
                                           help="Password for encrypted PDFs; '-' asks for it without echo "
                                                f"(or set {PASSWORD_ENV}: a command line shows in ps and history)."),
    timeout: float = typer.Option(600.0, "--timeout", help="Seconds one file may take before it is given up "
                                  "(a replacement worker's start-up, a few seconds, counts against its next file)."),
    max_memory: int = typer.Option(6144, "--max-memory", help="MB of memory one worker may use."),
    engine: str = typer.Option("local", "--engine", help="local (worker processes) or dask."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler, tcp://HOST:PORT "
                                            "(default: a local cluster)."),
    pdf_backend: str = typer.Option("pdfium", "--pdf-backend", help="PDF reader: pdfium (default, fast) or "
                                    "pdfplumber (pip install 'unnotes[pdfplumber]'; finds ruled tables)."),
    ocr: str = typer.Option("auto", "--ocr", help="auto (default): OCR pages with no or a garbled text layer "
                            "with Tesseract (apt-get install tesseract-ocr); always; never."),
    follow_links: bool = typer.Option(False, "--follow-links", help="Read links that point outside the "
                                      "input folders (by default they are listed as skipped)."),
):
    """Extract the tables from notes.

    Example: unnotes run notes/ --out results/ --jobs 2
    """
    from pipeline.runner.batch import RunOptions, check_engine, check_options, run_batch
    from pipeline.runner.outfolder import OutputFolderError, check_writable, prepare_output
    from pipeline.core.errors import ModelDataError

    inputs = inputs or [Path("corpus")]
    if engine not in ("local", "dask"):
        fail(f"--engine must be 'local' or 'dask', got {engine!r}", USAGE)
    options = RunOptions(jobs=jobs, cache_dir=cache, use_cache=not no_cache, overlay=patterns,
                         password=_password(password), timeout=timeout, max_memory_mb=max_memory,
                         engine=engine, scheduler=scheduler, follow_links=follow_links,
                         pdf_backend=pdf_backend, ocr=ocr)
    problem = check_options(options)
    if problem:
        fail(problem, USAGE)
    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        fail(f"no such file or folder: {', '.join(missing)}", USAGE)
    if any(p.is_dir() and p.resolve() == out.resolve() for p in inputs):
        fail(f"--out {out} is one of the input folders; choose another folder for the tables", USAGE)
    problem = check_engine(options)
    if problem:
        fail(problem, USAGE)
    from pipeline.ingest.backends import BackendError, load_backend

    try:
        load_backend(pdf_backend)
    except BackendError as e:
        fail(str(e), USAGE)
    try:
        prepare_output(out)
        if cache is not None and not no_cache:
            check_writable(cache, "--cache")
    except OutputFolderError as e:
        fail(str(e), USAGE)
    if patterns:
        from pipeline.patterns import check_patterns

        problems = check_patterns(patterns)
        if problems:
            fail(problems[0], USAGE)
    progress = _Progress() if _interactive() else None
    try:
        summary = run_batch(inputs, out, options,
                            on_result=progress.advance if progress else None,
                            on_start=progress.start if progress else None)
    except OutputFolderError as e:   # another run holds --out
        fail(str(e), USAGE)
    except ModelDataError as e:
        fail(str(e))
    finally:
        if progress:
            progress.stop()
    for folder in summary.output_folders:
        typer.echo(f"{folder}: skipped (the output of an earlier unnotes run)", err=True)
    for res in summary.results:
        if res.status != "ok":
            typer.echo(f"{res.document}: {res.error}", err=True)
    typer.echo(
        f"{summary.ok} file(s) ok, {summary.failed} failed; {summary.pages} pages; "
        f"{summary.findings} findings; {summary.seconds:.1f} s -> {out}/"
    )
    if not summary.results or summary.ok == 0 or (strict and summary.failed):
        raise typer.Exit(1)


class _Progress:
    """A progress bar on a terminal; nothing in pipes and CI."""

    def __init__(self):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TimeRemainingColumn(), transient=True)
        self.task = None

    def start(self, total: int) -> None:
        self.bar.start()
        self.task = self.bar.add_task("notes", total=total)

    def advance(self, result) -> None:
        self.bar.update(self.task, advance=1, description=result.document[-40:])

    def stop(self) -> None:
        self.bar.stop()


@app.command("eval")
def eval_command(
    gold: Path = typer.Argument(..., help="Folder of gold JSON files (ANNOTATION.md format)."),
    out: Path = typer.Argument(..., help="Output folder of a run."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
):
    """Score a run's tables against gold annotations.

    Example: unnotes eval corpus/gold outputs/ --json
    """
    from pipeline.report.evaluate import EvalError, GoldError, evaluate

    for path, what in ((gold, "gold folder"), (out / "documents.csv", "run output")):
        if not path.exists():
            fail(f"no {what} at {path}", USAGE)
    try:
        report = evaluate(gold, out)
    except (GoldError, EvalError) as e:
        fail(str(e), USAGE)
    if as_json:
        typer.echo(json.dumps(report.to_json(), indent=2))
    else:
        typer.echo(report.render_text())


@app.command()
def diff(
    old: Path = typer.Argument(..., help="Output folder of the earlier run."),
    new: Path = typer.Argument(..., help="Output folder of the later run."),
    as_json: bool = typer.Option(False, "--json", help="Print the differences as JSON."),
):
    """Rows added and removed per table and document between two runs.

    Example: unnotes diff outputs-before/ outputs/
    """
    from pipeline.report.diff import diff_runs

    for path in (old, new):
        if not (path / "documents.csv").exists():
            fail(f"no run output at {path} (documents.csv is missing)", USAGE)
    report = diff_runs(old, new)
    typer.echo(json.dumps(report.to_json(), indent=2) if as_json else report.render_text())


@app.command()
def review(
    out: Path = typer.Argument(Path("outputs"), help="Output folder of a run."),
    gold: Optional[Path] = typer.Option(None, "--gold", help="Gold folder, to show quality figures."),
):
    """Write the review site: OUT/review.html (overview, tables) and OUT/review/ (a page per document, State, organization).

    Example: unnotes review outputs/ --gold corpus/gold
    """
    from pipeline.report.evaluate import EvalError, GoldError
    from pipeline.report.review import write_review

    if not (out / "documents.csv").exists():
        fail(f"no run output at {out} (documents.csv is missing)", USAGE)
    if gold is not None and not gold.exists():
        fail(f"no gold folder at {gold}", USAGE)
    try:
        path = write_review(out, gold_dir=gold)
    except (GoldError, EvalError) as e:
        fail(str(e), USAGE)
    typer.echo(f"wrote {path}")


@app.command()
def explain(
    text: Optional[str] = typer.Argument(None, help="A snippet of text to analyse."),
    file: Optional[Path] = typer.Option(None, "--file", help="A note to take the text from instead."),
    page: Optional[int] = typer.Option(None, "--page", help="With --file: only this page (from 1)."),
    patterns: Optional[Path] = typer.Option(None, "--patterns", help="Your overlay folder of patterns."),
    as_json: bool = typer.Option(False, "--json", help="Print the findings as JSON."),
    password: Optional[str] = typer.Option(None, "--password", envvar=PASSWORD_ENV,
                                           help="With --file: password of an encrypted PDF ('-' asks for it)."),
    timeout: float = typer.Option(600.0, "--timeout", help="Seconds the analysis may take before it is "
                                  "given up, as for run (a slow pattern of yours)."),
    lang: Optional[str] = typer.Option(None, "--lang", help="The pipeline to use (en, fr, es: a folder of "
                                       "models/); default: the language detected in the text."),
):
    """Show what is found in a snippet, and which pattern, gazetteer row or model found it.

    Example: unnotes explain "The Central American Integration System (SICA) met on 9 -11 November 2010."
    """
    from pipeline.report.explain import ExplainError, explain_within, render_explanation
    from pipeline.runner.batch import RunOptions, check_options
    from pipeline.core.errors import IngestError, ModelDataError

    if (text is None) == (file is None):
        fail("give either TEXT or --file", USAGE)
    if file is None and _names_a_note(text):
        # `unnotes explain notes/x.pdf` means the file, not the eleven characters of its path.
        typer.echo(f"reading {text} as --file {text}", err=True)
        text, file = None, Path(text)
    if page is not None and file is None:
        fail("--page needs --file", USAGE)
    if page is not None and page < 1:
        fail(f"--page counts from 1, got {page}", USAGE)
    if file is not None and not file.is_file():
        fail(f"no such file: {file}", USAGE)
    problem = check_options(RunOptions(jobs=1, timeout=timeout, overlay=patterns))
    if problem:
        fail(problem, USAGE)
    try:
        result = explain_within(timeout, text=text, file=file, page=page, overlay=patterns,
                                password=_password(password), lang=lang)
    except IngestError as e:
        fail(f"{file}: {e}")
    except (ExplainError, ModelDataError) as e:
        fail(str(e))
    typer.echo(json.dumps(result, indent=2, ensure_ascii=False) if as_json else render_explanation(result))


def _names_a_note(text: str) -> bool:
    """True for a one-word TEXT that is the path of an existing .pdf or .txt file."""
    path = Path(text.strip())
    return len(text.split()) == 1 and path.suffix.lower() in (".pdf", ".txt") and path.is_file()


@patterns_app.command("check")
def patterns_check(
    directory: Path = typer.Argument(Path("models"), help="A folder of pattern/gazetteer files."),
):
    """Validate pattern and gazetteer files; each problem names file, line and what is wrong.

    Example: unnotes patterns check my-patterns/
    """
    from pipeline.patterns import check_patterns

    if not directory.exists():
        fail(f"no such folder: {directory}", USAGE)
    if not directory.is_dir():
        fail(f"{directory} is a file; give the folder that holds your patterns/ and gazetteers/ files", USAGE)
    problems = check_patterns(directory)
    for p in problems:
        typer.echo(p, err=True)
    if problems:
        raise typer.Exit(1)
    typer.echo(f"{directory}: all pattern and gazetteer files are valid")


@app.command()
def export(
    out: Path = typer.Argument(Path("outputs"), help="Output folder of a run."),
    xlsx: Optional[Path] = typer.Option(None, "--xlsx", help="Write an Excel workbook here: one sheet per table, "
                                        "header frozen, autofilter on, no cell run as a formula."),
    csv_bom: Optional[Path] = typer.Option(None, "--csv-bom", help="Write the tables to this folder as CSV in "
                                           "UTF-8 with a byte-order mark (what Excel needs to show accents right)."),
):
    """Export a run's tables for spreadsheets: an .xlsx workbook and/or Excel-friendly CSV.

    Example: unnotes export outputs/ --xlsx outputs/tables.xlsx --csv-bom outputs/excel/
    """
    from pipeline.report.export import write_csv_bom, write_xlsx

    if not (out / "documents.csv").exists():
        fail(f"no run output at {out} (documents.csv is missing)")
    if xlsx is None and csv_bom is None:
        fail("give --xlsx FILE and/or --csv-bom FOLDER")
    if xlsx is not None:
        counts = write_xlsx(out, xlsx)
        typer.echo(f"wrote {xlsx}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    if csv_bom is not None:
        counts = write_csv_bom(out, csv_bom)
        typer.echo(f"wrote {len(counts)} CSV file(s) with BOM to {csv_bom}/")


def main() -> None:
    """The console script: typer's app, with click's usage errors (a bad
    option value, an unknown option) as one `Error: ...` line, exit 2."""
    try:
        from typer._click import exceptions as click_errors   # typer >= 0.20 carries its own click
    except ImportError:
        from click import exceptions as click_errors

    command = typer.main.get_command(app)
    try:
        code = command.main(prog_name="unnotes", standalone_mode=False)
    except click_errors.NoArgsIsHelpError as e:
        typer.echo(e.ctx.get_help())
        sys.exit(USAGE)
    except click_errors.UsageError as e:
        typer.echo(f"Error: {e.format_message()}", err=True)
        sys.exit(USAGE)
    except click_errors.Abort:
        typer.echo("Error: aborted", err=True)
        sys.exit(130)
    except click_errors.ClickException as e:
        typer.echo(f"Error: {e.format_message()}", err=True)
        sys.exit(e.exit_code)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
