"""Organizations named in another language inside a note read whole (issues 11 and 12).

An English note often holds a run of French or Spanish blocks too small to read the note in parts
(`ingest.metadata.reading_parts` needs MIN_SECOND_LANGUAGE of the text): the annex of a UPR report
listing the delegation in its own language ("Representante Permanente ... ante la Oficina de las
Naciones Unidas ... en Ginebra"; "Directeur ... au Ministère de la Justice"), a statement annexed to a
letter in French or Spanish, a list of NGOs named in French. The English rules read such a run badly:
they miss the bodies ("Procuraduría General de la República") and cut fragments ("Chef Section").

Each such run (`foreign_runs`: a run of blocks of another language that has a pipeline, at least
MIN_FOREIGN_CHARS long, not only footnotes) is read with its own language's pipeline too, and its
organizations replace those the note's pipeline found inside it (`merge_foreign_orgs`); the note's
States, dates and recommendations stay those of the note's pipeline. The foreign pipeline gives the
canonical English names and acronyms of the bodies it knows (OMC -> World Trade Organization)."""

from __future__ import annotations

from pipeline.core.note import Block, NoteText

MIN_FOREIGN_CHARS = 300   # a shorter run of another language (a URL, a cited title) stays the note's


def foreign_runs(note: NoteText, pipeline_of) -> list[tuple[int, int, str]]:
    """(start, end, pipeline language) of each run of blocks in another language than the note's
    that has a pipeline (`pipeline_of(language)` -> pipeline language or None), at least
    MIN_FOREIGN_CHARS long and not made only of footnotes.

    A run opens at a block of BLOCK_MIN_WORDS words or more guessed in that language; a shorter
    block (a name, an item of a delegation list) goes on with it unless more of its stop words are
    the note's language's ("11. Back from the Brink: ..." after "9. Alliance pour l'Observatoire
    ..." ends the run: a list of NGOs named in several languages is the note's)."""
    from pipeline.ingest.metadata import BLOCK_MIN_WORDS, WORD_RE, guess_language, stop_word_counts

    whole = pipeline_of(note.language)
    if whole is None:
        return []
    runs: list[list] = []
    open_run: list | None = None
    for block in note.blocks:
        text = note.text[block.start:block.end]
        words = [w.lower() for w in WORD_RE.findall(text) if len(w) > 1]
        lang = guess_language(text)[0] if len(words) >= BLOCK_MIN_WORDS else ""
        lang = "" if lang == "other" else lang
        own = pipeline_of(lang) if lang and lang != note.language else None
        if own is not None and own != whole:
            if open_run is not None and open_run[2] == own:
                open_run[1] = block.end
            else:
                open_run = [block.start, block.end, own, []]
                runs.append(open_run)
            open_run[3].append(block.kind)
            continue
        if open_run is not None and not lang:
            counts = stop_word_counts(words)
            if counts[note.language] <= counts[open_run[2]]:
                open_run[1] = block.end
                open_run[3].append(block.kind)
                continue
        open_run = None
    return [(s, e, lang) for s, e, lang, kinds in runs
            if e - s >= MIN_FOREIGN_CHARS and set(kinds) != {"footnote"} and _reads_as(note.text[s:e], lang)]


def _reads_as(text: str, lang: str) -> bool:
    """The run, read whole, is text of `lang`, not an OCR'd map or stamp ("Le alk) wo $ aq ...")."""
    from pipeline.ingest.garbled import garbled_reason
    from pipeline.ingest.metadata import guess_language

    return guess_language(text)[0] == lang and not garbled_reason(text)


def part_note(note: NoteText, start: int, end: int, language: str) -> NoteText:
    """The blocks of note.text[start:end] as a note of their own (offsets from `start`)."""
    return NoteText(text=note.text[start:end], pages=note.pages, spans=[], issued=note.issued,
                    language=language,
                    blocks=[Block(b.kind, b.start - start, b.end - start, b.page)
                            for b in note.blocks if start <= b.start < end])


def merge_foreign_orgs(findings: dict, runs: list[tuple[int, int, dict]]) -> dict:
    """`findings` (the note's pipeline's) with, inside each run (start, end, the run's own findings
    with offsets from `start`), the run's organizations in place of the note's. In place; returned."""
    mentions = findings["mentions"]
    for start, end, found in runs:
        mentions[:] = [m for m in mentions
                       if not (m["label"] == "ORG" and start <= m["start"] and m["end"] <= end)]
        for m in found["mentions"]:
            if m["label"] != "ORG":
                continue
            m = dict(m)
            for key in ("start", "end", "sent_start", "sent_end"):
                m[key] += start
            mentions.append(m)
        for short, long_form in found.get("acronyms", {}).items():
            findings.setdefault("acronyms", {}).setdefault(short, long_form)
    mentions.sort(key=lambda m: (m["start"], m["end"]))
    for rec in findings.get("recommendations", []):
        rec["orgs"] = sorted({m["norm"] for m in mentions if m["label"] == "ORG"
                              and rec["start"] <= m["start"] and m["end"] <= rec["end"]})
    return findings


def add_foreign_orgs(note: NoteText, findings: dict, runs: list[tuple[int, int, str]], build) -> dict:
    """Read each of `runs` with `build(language)`'s pipeline and merge its organizations."""
    from pipeline.findings import analyse

    read = []
    for start, end, lang in runs:
        nlp = build(lang)
        part = part_note(note, start, end, nlp.meta.get("unnotes_language", nlp.lang))
        read.append((start, end, analyse(part, nlp)))
    return merge_foreign_orgs(findings, read)
