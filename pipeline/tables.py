"""Per-document results -> the contract tables of OUTPUT.md as DataFrames.

Knows only `NoteText`, the findings dict of `pipeline.findings`, and the
document record of `pipeline.runner.batch`; writes nothing."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.core.note import NoteText
from pipeline.meetings import COLUMNS as MEETING_COLUMNS, load_meeting_data, meeting_rows
from pipeline.runner.records import DocumentResult

COLUMNS = {
    "documents": ["document", "sha256", "pages", "status", "error", "title",
                  "symbol", "issued", "language", "duplicate_of", "warnings", "ocr_pages"],
    "mentions": ["document", "label", "text", "norm", "page", "start", "end", "sentence", "source",
                 "role", "acronym", "ocr"],
    "states": ["document", "iso3", "name", "mentions", "first_page", "role"],
    "organizations": ["document", "name", "acronym", "mentions", "first_page"],
    "dates": ["document", "text", "start", "end", "mentions", "first_page", "inferred"],
    "recommendations": ["document", "text", "actor", "cue", "page", "section", "by",
                        "start", "end", "states", "orgs"],
    "references": ["document", "reference", "mentions", "first_page"],
    "meetings": MEETING_COLUMNS,
}
TABLES = list(COLUMNS)




def build_tables(results: list[DocumentResult], overlay: Path | None = None) -> dict[str, pd.DataFrame]:
    """The tables of OUTPUT.md for `results`; meetings read the shipped data
    files and the user's overlay folder (`--patterns`), if any."""
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    meeting_data = load_meeting_data(overlay)
    for res in sorted(results, key=lambda r: r.document):
        note = res.note
        rows["documents"].append({
            "document": res.document, "sha256": res.sha256, "pages": res.pages,
            "status": res.status, "error": res.error,
            "title": note.title if note else "", "symbol": note.symbol if note else "",
            "issued": note.issued if note else "", "language": note.language if note else "",
            "duplicate_of": res.duplicate_of,
            "warnings": "; ".join(note.warnings) if note else "",
            "ocr_pages": page_ranges(note.ocr_pages) if note else "",
        })
        if note is None or res.status != "ok":
            continue
        mentions = mention_rows(res.document, note, res.findings.get("mentions", []))
        rows["mentions"] += mentions
        rows["states"] += state_rows(mentions, res.findings.get("state_names", {}))
        rows["organizations"] += org_rows(mentions)
        rows["dates"] += date_rows(mentions)
        rows["references"] += reference_rows(mentions)
        rows["recommendations"] += recommendation_rows(res.document, note, res.findings.get("recommendations", []))
        rows["meetings"] += meeting_rows(res.document, note, mentions, meeting_data)
    return {name: pd.DataFrame(rows[name], columns=COLUMNS[name]) for name in TABLES}


def page_ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 5] -> "1-3,5": the documents.csv form of a page list."""
    parts: list[str] = []
    run: list[int] = []
    for n in sorted(set(numbers)):
        if run and n == run[-1] + 1:
            run.append(n)
            continue
        if run:
            parts.append(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]))
        run = [n]
    if run:
        parts.append(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]))
    return ",".join(parts)


def sentence_text(note: NoteText, start: int, end: int) -> str:
    return " ".join(note.text[start:end].split())


def mention_rows(document: str, note: NoteText, mentions: list[dict]) -> list[dict]:
    """`source` names the rule or gazetteer line that found the mention;
    `ocr` the engine that read its page ("tesseract 5.3.0"), empty for a text layer."""
    ocred = set(note.ocr_pages)
    rows = []
    for m in sorted(mentions, key=lambda m: (m["start"], m["end"])):
        page = note.page_at(m["start"])
        rows.append({
            "document": document, "label": m["label"], "text": m["text"], "norm": m["norm"],
            "page": page, "start": m["start"], "end": m["end"],
            "sentence": sentence_text(note, m["sent_start"], m["sent_end"]), "source": m["source"],
            "role": m.get("role", ""), "acronym": m.get("acronym", ""),
            "ocr": note.ocr_engine if page in ocred else "",
        })
    return rows


def _grouped(mentions: list[dict], label: str, key) -> dict:
    groups: dict = {}
    for m in mentions:
        if m["label"] == label:
            groups.setdefault(key(m), []).append(m)
    return groups


def state_rows(mentions: list[dict], names: dict[str, str]) -> list[dict]:
    out = []
    for iso3, ms in _grouped(mentions, "STATE", lambda m: m["norm"]).items():
        out.append({
            "document": ms[0]["document"], "iso3": iso3, "name": names.get(iso3, iso3),
            "mentions": len(ms), "first_page": min(m["page"] for m in ms),
            "role": "participant" if any(m["role"] == "participant" for m in ms) else "mentioned",
        })
    return sorted(out, key=lambda r: r["iso3"])


def org_rows(mentions: list[dict]) -> list[dict]:
    out = []
    for name, ms in _grouped(mentions, "ORG", lambda m: m["norm"]).items():
        acronym = next((m["acronym"] for m in ms if m["acronym"]), "")
        out.append({"document": ms[0]["document"], "name": name, "acronym": acronym,
                    "mentions": len(ms), "first_page": min(m["page"] for m in ms)})
    return sorted(out, key=lambda r: r["name"].lower())


def date_rows(mentions: list[dict]) -> list[dict]:
    out = []
    for norm, ms in _grouped(mentions, "DATE", lambda m: m["norm"]).items():
        start, _, end = norm.partition("/")
        # A day of a list ("12" of "12 and 14 May") is written without its month; where the
        # same date is also written in full elsewhere, the row shows that form.
        text = ms[0]["text"]
        if text.isdigit() and len(text) <= 2:
            text = next((m["text"] for m in ms if any(c.isalpha() for c in m["text"])), text)
        out.append({"document": ms[0]["document"], "text": text, "start": start, "end": end or start,
                    "mentions": len(ms), "first_page": min(m["page"] for m in ms),
                    "inferred": all(m["source"].endswith(":year-inferred") for m in ms)})
    return sorted(out, key=lambda r: (r["start"], r["end"]))


def reference_rows(mentions: list[dict]) -> list[dict]:
    out = []
    for norm, ms in _grouped(mentions, "REFERENCE", lambda m: m["norm"]).items():
        out.append({"document": ms[0]["document"], "reference": norm, "mentions": len(ms),
                    "first_page": min(m["page"] for m in ms)})
    return sorted(out, key=lambda r: r["reference"])


def recommendation_rows(document: str, note: NoteText, recs: list[dict]) -> list[dict]:
    return [{
        "document": document, "text": r["text"], "actor": r.get("actor", ""), "cue": r.get("cue", ""),
        "page": note.page_at(r["start"]), "section": r.get("section", ""), "by": r.get("by", ""),
        "start": r["start"], "end": r["end"],
        "states": "; ".join(r.get("states", [])), "orgs": "; ".join(r.get("orgs", [])),
    } for r in sorted(recs, key=lambda r: r["start"])]
