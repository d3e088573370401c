"""Run the NLP pipeline over a note and keep what the tables need as plain
data (the NLP stage's cache entry): mentions and recommendations with
character offsets into `NoteText.text`.

Two stages: the statistical one (tokenizer, senter, ner), whose output is
cached as serialized Docs because it depends only on the text and the model;
then the rule components, which depend on models/ and are cheap to re-run.

Long notes are cut at block boundaries into chunks of at most
`MAX_CHUNK_CHARS`, so spaCy's memory stays bounded whatever the note's size;
acronyms defined in one chunk carry over to the next (`unnotes_acronyms` adds
to the dict it is seeded with).

A State's role and UN name and an organization's acronym come from the
pipeline's own components (their data files are the language's and the
overlay's), not from module defaults."""

from __future__ import annotations

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.common import sentence_of
from pipeline.core.note import NoteText

MAX_CHUNK_CHARS = 100_000


def chunk_bounds(note: NoteText, limit: int = MAX_CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) offsets of chunks of `note.text`, cut only between blocks
    (or, for a single block longer than `limit`, at a blank line or space)."""
    text, bounds, start = note.text, [], 0
    blocks = note.blocks
    cuts = [b.start for b in blocks] + [len(text)]
    # each chunk is read on its own, so a cut between a lead-in and its list ("... it should be enhanced
    # towards:" | "➢ First, improving ...") or between two items of a list leaves the items without their lead,
    # and a cut inside a section leaves its rest without its heading: a cut before a heading in the second half
    # of the window is taken first, then any other there but those between a lead-in or an item and an item
    poor = {b.start for prev, b in zip(blocks, blocks[1:])
            if text[prev.start:prev.end].rstrip().endswith(":") or prev.kind == b.kind == "list_item"}
    headings = {b.start for b in blocks if b.kind == "heading"}
    while start < len(text):
        if len(text) - start <= limit:
            bounds.append((start, len(text)))
            break
        inside = [c for c in cuts if start < c <= start + limit]
        good = [c for c in inside if c not in poor and c > start + limit // 2]
        end = max([c for c in good if c in headings] or good or inside, default=None)
        if end is None:  # one enormous block: cut at the last space inside the limit
            end = text.rfind(" ", start + 1, start + limit) + 1 or start + limit
        bounds.append((start, end))
        start = end
    return bounds


def statistical_docs(note: NoteText, nlp: Language, cached: bytes | None = None) -> tuple[list[Doc], bytes]:
    """The statistical stage (tokenizer, senter, ner) over each chunk, or its
    result restored from `cached`; and the bytes to cache. This stage depends
    on the text and the model only, not on models/, so a pattern change never
    re-runs it."""
    from pipeline.nlp.build import statistical_stage

    if cached is not None:
        return [Doc(nlp.vocab).from_bytes(b) for b in srsly.msgpack_loads(cached)], cached
    docs = []
    for start, end in chunk_bounds(note):
        doc = nlp.make_doc(note.text[start:end])
        for name in statistical_stage(nlp):
            doc = nlp.get_pipe(name)(doc)
        docs.append(doc)
    return docs, srsly.msgpack_dumps([d.to_bytes(exclude=["user_data", "tensor"]) for d in docs])


def analyse(note: NoteText, nlp: Language, statistical: list[Doc] | None = None) -> dict:
    """Findings for one note: {"mentions": [...], "recommendations": [...], "acronyms": {...}}.
    `statistical` is the statistical stage's output (see `statistical_docs`),
    computed here when not given."""
    from pipeline.nlp.build import statistical_stage
    from pipeline.nlp.org_links import link_org_mentions
    from pipeline.nlp.orgs import org_acronym

    states = nlp.get_pipe("unnotes_states")
    know = nlp.get_pipe("unnotes_orgs").know
    if statistical is None:
        statistical, _ = statistical_docs(note, nlp)
    rules = [name for name in nlp.pipe_names if name not in statistical_stage(nlp)]
    issue_year = int(note.issued[:4]) if note.issued[:4].isdigit() else None
    mentions: list[dict] = []
    recommendations: list[dict] = []
    acronyms: dict[str, str] = {}
    for (start, end), doc in zip(chunk_bounds(note), statistical):
        doc._.blocks = [(b.kind, b.start - start, b.end - start, b.page)
                        for b in note.blocks if start <= b.start < end]
        doc._.issue_year = issue_year
        doc._.acronyms = dict(acronyms)
        for name in rules:
            doc = nlp.get_pipe(name)(doc)
        acronyms.update(doc._.acronyms or {})
        long_to_short = {v: k for k, v in acronyms.items()}
        # States and organizations inside an organization's name come from the "nested" group (see nlp/resolve.py).
        for ent in list(doc.ents) + list(doc.spans.get("nested", [])):
            sent = sentence_of(doc, ent)
            record = {
                "label": ent.label_, "text": ent.text, "norm": ent.kb_id_,
                "start": start + ent.start_char, "end": start + ent.end_char,
                "source": ent.id_,
                "sent_start": start + sent.start_char, "sent_end": start + sent.end_char,
            }
            if ent.label_ == "STATE":
                record["role"] = states.role(doc, ent)
            elif ent.label_ == "ORG":
                record["acronym"] = org_acronym(ent.kb_id_, know) or long_to_short.get(ent.kb_id_, "")
            mentions.append(record)
        for rec in doc._.recommendations or []:
            rec = dict(rec)
            rec["start"] += start
            rec["end"] += start
            recommendations.append(rec)
    link_org_mentions(mentions, acronyms, know)
    for rec in recommendations:
        inside = [m for m in mentions if rec["start"] <= m["start"] and m["end"] <= rec["end"]]
        rec["states"] = sorted({m["norm"] for m in inside if m["label"] == "STATE"})
        rec["orgs"] = sorted({m["norm"] for m in inside if m["label"] == "ORG"})
    names = {m["norm"]: states.un_name(m["norm"]) for m in mentions if m["label"] == "STATE"}
    return {"mentions": mentions, "recommendations": recommendations, "acronyms": acronyms,
            "state_names": names}


def analyse_segments(note: NoteText, segments: list[tuple[int, int, "Language"]]) -> dict:
    """Findings for a note read in parts, each with its own language's pipeline
    ((start_char, end_char, nlp) per part; a bilingual note): each part is
    analysed as a note of its own and its offsets shifted back into the note."""
    from pipeline.core.note import Block

    merged: dict = {"mentions": [], "recommendations": [], "acronyms": {}, "state_names": {}}
    for start, end, nlp in segments:
        part = NoteText(text=note.text[start:end], pages=note.pages, spans=[], issued=note.issued,
                        language=nlp.meta.get("unnotes_language", nlp.lang),
                        blocks=[Block(b.kind, b.start - start, b.end - start, b.page)
                                for b in note.blocks if start <= b.start < end])
        found = analyse(part, nlp)
        for m in found["mentions"]:
            for key in ("start", "end", "sent_start", "sent_end"):
                m[key] += start
        for r in found["recommendations"]:
            r["start"] += start
            r["end"] += start
        merged["mentions"] += found["mentions"]
        merged["recommendations"] += found["recommendations"]
        merged["acronyms"].update(found["acronyms"])
        merged["state_names"].update(found["state_names"])
    return merged
