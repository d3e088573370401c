"""`unnotes explain`: what the pipeline finds in a snippet, who found it, and
what nearly matched but was not kept.

Runs the same pipeline as `unnotes run`, one component at a time, and keeps a
snapshot of the rule candidates (before overlap resolution) and of what the
statistical model proposed (before the sanity filters), so a near-miss can be
explained: "lost to an overlapping ORG candidate", "model said ORG; dropped by
the organization filters"."""

from __future__ import annotations

from pathlib import Path

from pipeline.core.note import Block, NoteText, Span


class ExplainError(Exception):
    """explain cannot answer; the message is one line for the user."""


def load_page_text(path: Path, page: int | None, password: str | None = None) -> NoteText:
    """A note's cleaned text, or only the blocks of one page of it."""
    from pipeline.ingest import read_note

    note = read_note(Path(path), password=password)
    if page is None:
        return note
    if not 1 <= page <= note.pages:
        raise ExplainError(f"--page {page}: {path} has {note.pages} page{'s' if note.pages != 1 else ''}")
    blocks = [b for b in note.blocks if b.page == page]
    parts, new_blocks, pos = [], [], 0
    for b in blocks:
        piece = note.text[b.start:b.end]
        new_blocks.append(Block(b.kind, pos, pos + len(piece), b.page))
        parts.append(piece)
        pos += len(piece) + 2
    text = "\n\n".join(parts)
    return NoteText(text=text, blocks=new_blocks, spans=[Span(0, len(text), page, 0)], pages=1,
                    title=note.title, symbol=note.symbol, issued=note.issued, language=note.language)


def _note_from_text(text: str) -> NoteText:
    blocks, pos = [], 0
    for part in text.split("\n\n"):
        if part.strip():
            blocks.append(Block("body", pos, pos + len(part), 1))
        pos += len(part) + 2
    return NoteText(text=text, blocks=blocks, spans=[Span(0, len(text), 1, 0)], pages=1)


def explain(text: str | None = None, file: Path | None = None, page: int | None = None,
            overlay: Path | None = None, password: str | None = None, lang: str | None = None) -> dict:
    """explain_text of a snippet, or of a note (one page of it)."""
    source = load_page_text(file, page, password) if file is not None else text
    return explain_text(source, overlay=overlay, lang=lang)


def choose_pipeline(text: str, lang: str | None = None) -> tuple[str, str]:
    """(the pipeline's language, the language detected in `text`): `lang` when
    given, else the pipeline `unnotes run` would use for a note of this text."""
    from pipeline.core.models import available_languages, has_language, pipeline_language
    from pipeline.ingest.metadata import guess_language

    detected = guess_language(text)[0]
    if lang:
        if not has_language(lang):
            raise ExplainError(f"--lang {lang}: expected one of {', '.join(available_languages())}, "
                               f"got a language with no folder in models/")
        return lang, detected
    chosen = pipeline_language(detected)
    if chosen is None:
        raise ExplainError(f"the text reads as {detected!r}, a language with no pipeline in models/ "
                           f"(give --lang one of {', '.join(available_languages())})")
    return chosen, detected


def _warm(overlay: Path | None) -> None:
    """Build the pipeline before the timed call, as run's workers do, so the
    limit counts the analysis only."""
    try:
        from pipeline.nlp.build import build_nlp

        build_nlp(overlay=overlay)
    except Exception:  # the timed call meets the same error and reports it
        pass


def explain_within(timeout: float, **kwargs) -> dict:
    """`explain(**kwargs)` in a child process given up after `timeout`
    seconds, the limit `unnotes run` puts on one file: a pattern of the
    user's that backtracks without end stops here too. Errors of the work
    (IngestError, ExplainError, ModelDataError) come back as they are."""
    from concurrent.futures import TimeoutError as FutureTimeout

    from pebble import ProcessPool
    from pebble.common import ProcessExpired

    with ProcessPool(max_workers=1, initializer=_warm, initargs=(kwargs.get("overlay"),)) as pool:
        future = pool.schedule(explain, kwargs=kwargs, timeout=timeout)
        try:
            return future.result()
        except FutureTimeout:
            raise ExplainError(f"gave up after {timeout:g} s (--timeout); a pattern that backtracks "
                               "without end (check your --patterns) or a very long text") from None
        except ProcessExpired as e:
            raise ExplainError(f"the analysis process died (exit status {e.exitcode})") from None


def explain_text(source: str | NoteText, overlay: Path | None = None, lang: str | None = None) -> dict:
    from pipeline.nlp.build import build_nlp

    note = source if isinstance(source, NoteText) else _note_from_text(source)
    lang, detected = choose_pipeline(note.text, lang)
    nlp = build_nlp(lang, overlay=overlay)
    model = (f"model:{nlp.meta['name']}" if nlp.meta.get("name") else "")
    if nlp.has_pipe("unnotes_model_ents"):
        model = nlp.get_pipe("unnotes_model_ents").model
    statistical = "+".join(n for n in nlp.pipe_names if not n.startswith("unnotes_")) or "none"
    doc = nlp.make_doc(note.text)
    doc._.blocks = [(b.kind, b.start, b.end, b.page) for b in note.blocks]
    doc._.issue_year = int(note.issued[:4]) if note.issued[:4].isdigit() else None
    doc._.acronyms = {}
    candidates, model_proposals = [], []
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "unnotes_resolve":
            candidates = [(s.start_char, s.end_char, s.label_, s.text, s.kb_id_, s.id_)
                          for s in doc.spans.get("candidates", [])]
        if name == "ner":
            model_proposals = [(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents]
    nested = list(doc.spans.get("nested", []))
    kept = {(e.start_char, e.end_char) for e in list(doc.ents) + nested}
    findings = [{"label": e.label_, "text": e.text, "norm": e.kb_id_, "source": e.id_,
                 "start": e.start_char, "end": e.end_char} for e in doc.ents]
    findings += [{"label": e.label_, "text": e.text, "norm": e.kb_id_, "source": f"{e.id_} (inside an organization's name)",
                  "start": e.start_char, "end": e.end_char} for e in nested]
    near_misses = []
    for start, end, label, text, norm, src in candidates:
        if (start, end) in kept:
            continue
        winner = next((e for e in doc.ents if e.start_char < end and start < e.end_char), None)
        why = (f"lost to the overlapping {winner.label_} '{winner.text}' ({winner.id_})" if winner
               else "removed after resolution")
        near_misses.append({"label": label, "text": text, "norm": norm, "source": src, "why": why})
    for start, end, label, text in model_proposals:
        if (start, end) in kept:
            continue
        rule = next((e for e in doc.ents if e.id_ and not e.id_.startswith("model:")
                     and e.start_char < end and start < e.end_char), None)
        if rule is not None:
            near_misses.append({"label": label, "text": text, "norm": "", "source": model,
                                "why": f"overlaps the rule finding {rule.label_} '{rule.text}' ({rule.id_}); "
                                       "rules take precedence"})
            continue
        why = {"ORG": "model said ORG; dropped by the organization filters (patterns/org_filters.jsonl)",
               "DATE": "model said DATE; the date grammar cannot normalise it to a calendar date",
               "GPE": "model said GPE; not a sovereign State in gazetteers/states.tsv",
               "NORP": "model said NORP; not an adjective of exactly one State in gazetteers/states.tsv",
               "LOC": "model said LOC; not a sovereign State in gazetteers/states.tsv",
               }.get(label, f"model said {label}; not a label unnotes keeps")
        near_misses.append({"label": label, "text": text, "norm": "", "source": model, "why": why})
    recommendations = [{k: r.get(k, "") for k in ("text", "actor", "by", "cue", "section")}
                       for r in doc._.recommendations or []]
    pipeline = {"language": lang, "detected": detected, "folder": f"models/{lang}/",
                "base": f"{nlp.lang}_{nlp.meta['name']}" if statistical != "none" else f"blank:{nlp.lang}",
                "statistical": statistical}
    return {"pipeline": pipeline, "text": note.text, "findings": findings, "near_misses": near_misses,
            "recommendations": recommendations, "acronyms": dict(doc._.acronyms or {})}


def render_explanation(result: dict) -> str:
    p = result.get("pipeline")
    lines = []
    if p:
        lines.append(f"Pipeline: {p['language']} ({p['folder']}, base {p['base']}, statistical: {p['statistical']}; "
                     f"text detected as {p['detected'] or 'undetermined'})")
    lines.append("Found:")
    for f in result["findings"]:
        lines.append(f"  {f['label']:<9} {f['text']!r:<45} -> {f['norm']:<30} [{f['source']}]")
    if not result["findings"]:
        lines.append("  (nothing)")
    if result["acronyms"]:
        lines.append("Acronyms defined in the text:")
        lines += [f"  {k} = {v}" for k, v in result["acronyms"].items()]
    if result["recommendations"]:
        lines.append("Recommendations:")
        for r in result["recommendations"]:
            lines.append(f"  cue={r['cue']!r} actor={r['actor']!r} by={r['by']!r}: {r['text']}")
    if result["near_misses"]:
        lines.append("Not kept:")
        for n in result["near_misses"]:
            lines.append(f"  {n['label']:<9} {n['text']!r}: {n['why']}")
    return "\n".join(lines)
