"""The meetings a note reports on or convenes (meetings.csv), from its text and
the DATE, STATE and ORG mentions already found in it.

Three ways a meeting is written, each found by a plain function:
1. an event table: rows "Event: ...", "Organizers: ...", "Date and Venue: 9 -11
   November 2010, Lima, Peru" (`table_meetings`);
2. a venue next to its dates, with a meeting word before them in the same
   sentence or in a heading just above: "Sixty-ninth session" / "New York,
   10-21 March 2025"; "held on 26 and 27 May 2025 in Baku, Azerbaijan";
   "held its fourth session at Buenos Aires, from 2 to 14 November 1998"
   (`venue_meetings`);
3. a meeting said to be held, with dates and no venue: "held its second
   session from 5 to 19 May 2008" (`held_meetings`).

A venue is a city of `cities.tsv` (capitals and the UN's conference cities) or
a capitalised place name written just before a State ("Frigate Bay, Saint
Kitts and Nevis"). Its country is that State, else the city's own. The words
that mark a meeting, table fields and connectors are data
(`meeting_cues.jsonl`). Runs at table-build time; knows only NoteText and the
mention rows of pipeline/tables.py.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.core.datafiles import read_jsonl, read_tsv
from pipeline.core.models import models_dir, sources
from pipeline.core.note import Block, NoteText

COLUMNS = ["document", "name", "venue", "country", "start", "end", "organizers", "page", "source"]
MAX_GAP = 40            # characters of connectors allowed between a venue and its dates
HEADING_LOOKBACK = 3    # blocks above a venue-date line searched for the meeting's name
SHORT_BLOCK = 200       # a block this short above the line may hold the name (a heading)
NAME_WORDS = 14         # at most this many words in a meeting name built around its cue word
LEFT_STOP = {"its", "their", "the", "a", "an", "at", "to", "in", "on", "held", "and", "for", "by", "with",
             "during", "that", "which", "this", "these", "his", "her", "our", "from", "since", "as", "of",
             "convened", "organized", "organised", "hosted", "attended", "participated", "opened", "met"}
HEADER_PAGES = 2        # a venue-date line named by a heading above it must be this near the top
LINK_WORDS = {"of", "on", "to", "the", "for", "and"}


def meeting_data_paths(models: Path | None = None) -> dict[str, Path]:
    """Where the data files live. The one place to re-point when models/ is reorganised."""
    root = Path(models or models_dir())
    return {"cities": root / "shared" / "gazetteers" / "cities.tsv",
            "cues": root / "en" / "patterns" / "meeting_cues.jsonl"}


@dataclass(frozen=True)
class City:
    name: str
    iso3: str
    line: int


@dataclass(frozen=True)
class MeetingData:
    """The compiled data files: cities and cue regexes."""

    city_re: re.Pattern
    cities: dict[str, City]
    meeting_re: re.Pattern
    held_re: re.Pattern
    connector_re: re.Pattern
    organizers_re: re.Pattern
    fields: list[tuple[str, re.Pattern]]     # (field, regex of "Label:" at a row start)


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns) or "(?!)"


def load_meeting_data(overlay: Path | None = None) -> MeetingData:
    """The shipped data files, each followed by the user's overlay file for it
    (`unnotes run --patterns DIR`), as every other data file is read."""
    paths = meeting_data_paths()
    cities = {row["name"]: City(row["name"], row["iso3"], line)
              for src in sources(paths["cities"], overlay)
              for line, row in read_tsv(src.path, ["name", "iso3", "kind"])}
    names = sorted(cities, key=len, reverse=True)
    city_re = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
    by_label: dict[str, list[dict]] = {}
    for src in sources(paths["cues"], overlay):
        for line, obj in read_jsonl(src.path, {"id": (str,), "label": (str,), "pattern": (str,)}):
            if not obj.get("disabled"):
                by_label.setdefault(obj["label"], []).append(obj)

    def words(label: str) -> re.Pattern:
        return re.compile(r"\b(?:" + _alternation([o["pattern"] for o in by_label.get(label, [])]) + r")\b",
                          re.IGNORECASE)

    connectors = _alternation([o["pattern"] for o in by_label.get("CONNECTOR", [])])
    connector_re = re.compile(r"^[\s,;:()\u2013\u2014-]*(?:(?:" + connectors + r")\b[\s,;:()]*)*$", re.IGNORECASE)
    fields = [(o.get("field", "name"), re.compile(r"^\s*(?:" + o["pattern"] + r")\s*:\s*", re.IGNORECASE))
              for o in by_label.get("FIELD", [])]
    return MeetingData(city_re, cities, words("MEETING"), words("HELD"), connector_re, words("ORGANIZERS"), fields)


@dataclass
class Place:
    start: int
    end: int            # end of the venue, or of the State written after it
    venue: str
    country: str
    source: str


def _day_precision(m: dict) -> bool:
    return len(m["norm"].split("/")[0]) == 10


def places_in(text: str, offset: int, states: list[dict], taken: list[tuple[int, int]], data: MeetingData) -> list[Place]:
    """Venues in `text` (which starts at `offset` of the note): gazetteer cities, and a
    capitalised place name written just before a State mention ("Frigate Bay, Saint Kitts
    and Nevis"). A following ", <State>" gives the country."""
    state_at = {m["start"]: m for m in states}
    out: list[Place] = []

    def after_state(end: int) -> dict | None:
        gap = re.match(r",\s*", text[end - offset:])
        return state_at.get(end + gap.end()) if gap else None

    for m in data.city_re.finditer(text):
        s, e = m.start() + offset, m.end() + offset
        city = data.cities[m.group()]
        st = after_state(e)
        out.append(Place(s, st["end"] if st else e, city.name, st["norm"] if st else city.iso3,
                         f"gazetteer:cities.tsv:{city.line}"))
    covered = [(p.start, p.end) for p in out] + taken
    for st in states:
        rel = st["start"] - offset
        m = re.search(r"((?:[A-Z][\w'\u2019.-]*\s){0,3}[A-Z][\w'\u2019.-]*),\s*$", text[max(0, rel - 60):rel])
        if not m:
            continue
        s = st["start"] - len(m.group(0))
        e = s + len(m.group(1))
        if any(a < e and s < b for a, b in covered):
            continue
        out.append(Place(s, st["end"], m.group(1), st["norm"], "pattern:place-before-state"))
    return sorted(out, key=lambda p: p.start)


def _pair(place: Place, dates: list[dict], text: str, data: MeetingData) -> dict | None:
    """The date written next to `place` with only connectors between them, nearest first."""
    best = None
    for d in dates:
        if d["start"] >= place.end:
            gap = text[place.end:d["start"]]
        elif d["end"] <= place.start:
            gap = text[d["end"]:place.start]
        else:
            continue
        if len(gap) <= MAX_GAP and data.connector_re.match(gap) and (best is None or len(gap) < best[0]):
            best = (len(gap), d)
    return best[1] if best else None


def _sentence_start(text: str, lo: int, pos: int) -> int:
    """Offset where the sentence holding `pos` starts (not before `lo`)."""
    cut = max(text.rfind(". ", lo, pos), text.rfind("; ", lo, pos))
    return lo if cut < 0 else cut + 2


def cue_phrase(text: str, cue: re.Match, lo: int, hi: int) -> tuple[str, int]:
    """The meeting's name around its cue word: ordinals and qualifiers before it ("Sixty-ninth
    regular session"), "of ..."-chains of capitalised words after it ("Meeting of States
    Parties to the Treaty")."""
    left = text[lo:cue.start()].split()
    kept: list[str] = []
    for w in reversed(left):
        bare = w.strip(",;:()\"\u201c\u201d")
        if (not bare or bare.lower() in LEFT_STOP or w.endswith((",", ";", ":", ")")) or len(kept) >= 5
                or bare[0] in "\u2013\u2014-"):
            break
        kept.insert(0, w)
    right = re.match(r"(?:\s+(?:(?:of|on|to|the|for|and)\s+)*(?:[A-Z\d\u201c\"][\w'\u2019\u201d\"-]*|of|on|to|the|for|and))*",
                     text[cue.end():hi])
    tail = right.group(0) if right else ""
    words = tail.split()
    while words and words[-1].lower() in LINK_WORDS:     # "... Committee on the" -> "... Committee"
        words.pop()
    name = " ".join(kept + [cue.group()] + words)
    end = cue.end() + (len(tail) if words else 0)
    return " ".join(name.split()[:NAME_WORDS]).strip(" ,;:(\u2013\u2014-"), end


def _name_before(text: str, block: Block, pos: int, data: MeetingData) -> tuple[str, int] | None:
    """A meeting name in the sentence of `pos` before it: (name, offset of the cue)."""
    lo = _sentence_start(text, block.start, pos)
    cues = list(data.meeting_re.finditer(text, lo, pos))
    if not cues:
        return None
    # The meeting word nearest the venue and dates, unless it is part of an earlier one's name
    # ("fifth session of the Conference of the Parties").
    cue, (name, end) = cues[0], cue_phrase(text, cues[0], lo, pos)
    for later in cues[1:]:
        if later.start() >= end:
            cue, (name, end) = later, cue_phrase(text, later, lo, pos)
    subject = text[lo:cue.start()]
    if re.search(r"\b(?:its|their)\s+(?:\S+\s+){0,3}$", subject) and re.search(r"\b(?:held|convened)\b", subject):
        owner = re.match(r"\s*(.*?)\s+(?:has\s+|had\s+)?(?:held|convened)\b", subject)
        if owner and owner.group(1):
            body = re.split(r",|\s+\(?(?:established|created|set up)\b", owner.group(1))[0].strip()
            name += " of " + re.sub(r"^The\s+", "the ", body)
    return name, cue.start()


def _heading_name(note: NoteText, index: int, data: MeetingData) -> str:
    """The text of a short block just above block `index` that holds a meeting word."""
    for j in range(index - 1, max(-1, index - 1 - HEADING_LOOKBACK), -1):
        b = note.blocks[j]
        text = note.text[b.start:b.end]
        if b.end - b.start > SHORT_BLOCK or text.rstrip().endswith(".") or b.page > HEADER_PAGES:
            break
        if data.meeting_re.search(text):
            return " ".join(text.split())
    return ""


def _organizers(note: NoteText, lo: int, hi: int, orgs: list[dict]) -> str:
    names: list[str] = []
    for m in orgs:
        if lo <= m["start"] < hi and m["norm"] not in names:
            names.append(m["norm"])
    return "; ".join(names) if names else " ".join(note.text[lo:hi].split())


def _row(document: str, note: NoteText, name: str, place: Place | None, date: dict,
         organizers: str, source: str) -> dict:
    start, _, end = date["norm"].partition("/")
    return {"document": document, "name": name, "venue": place.venue if place else "",
            "country": place.country if place else "", "start": start, "end": end or start,
            "organizers": organizers, "page": note.page_at(date["start"]), "source": source}


def table_meetings(document: str, note: NoteText, by_block: dict, data: MeetingData) -> list[dict]:
    """Meetings of event tables: a run of table rows with a when/where field."""
    rows, run = [], []
    for i, b in enumerate(note.blocks + [Block("body", len(note.text), len(note.text), 0)]):
        if b.kind == "table_row":
            run.append(i)
            continue
        if run:
            rows += _table_meeting(document, note, run, by_block, data)
        run = []
    return rows


def _table_meeting(document: str, note: NoteText, run: list[int], by_block: dict, data: MeetingData) -> list[dict]:
    fields: dict[str, tuple[int, int, int]] = {}          # field -> (value start, value end, block index)
    for i in run:
        b = note.blocks[i]
        text = note.text[b.start:b.end]
        for field, regex in data.fields:
            m = regex.match(text)
            if m and field not in fields:
                fields[field] = (b.start + m.end(), b.end, i)
                break
    where = [fields[f] for f in ("when", "where") if f in fields]
    if not where:
        return []
    dates = [d for lo, hi, i in where for d in by_block[i]["DATE"] if lo <= d["start"] < hi]
    if not dates:
        return []
    places = [p for lo, hi, i in where
              for p in places_in(note.text[lo:hi], lo, by_block[i]["STATE"], [], data)]
    name = " ".join(note.text[fields["name"][0]:fields["name"][1]].split()) if "name" in fields else ""
    organizers = ""
    if "organizers" in fields:
        lo, hi, i = fields["organizers"]
        organizers = _organizers(note, lo, hi, by_block[i]["ORG"])
    place = places[0] if places else None
    return [_row(document, note, name, place, dates[0], organizers,
                 "table" + (f"+{place.source}" if place else ""))]


def venue_meetings(document: str, note: NoteText, by_block: dict, data: MeetingData) -> list[dict]:
    """Meetings written as a venue next to its dates, named in the sentence or a heading above."""
    rows = []
    for i, b in enumerate(note.blocks):
        if b.kind in ("footnote", "table_row"):
            continue
        dates = [d for d in by_block[i]["DATE"] if _day_precision(d)]
        if not dates:
            continue
        text = note.text[b.start:b.end]
        for place in places_in(text, b.start, by_block[i]["STATE"], [], data):
            date = _pair(place, dates, note.text, data)
            if date is None:
                continue
            first = min(place.start, date["start"])
            found = _name_before(note.text, b, first, data)
            name = found[0] if found else _heading_name(note, i, data)
            if not name:
                continue
            sent_lo = _sentence_start(note.text, b.start, first)
            sent_hi = note.text.find(". ", place.end, b.end)
            organizers = _organizers_in(note, sent_lo, b.end if sent_hi < 0 else sent_hi, by_block[i]["ORG"], data)
            rows.append(_row(document, note, name, place, date, organizers, f"venue-date+{place.source}"))
    return rows


def _organizers_in(note: NoteText, lo: int, hi: int, orgs: list[dict], data: MeetingData) -> str:
    m = data.organizers_re.search(note.text, lo, hi)
    return _organizers(note, m.end(), hi, orgs) if m and any(m.end() <= o["start"] < hi for o in orgs) else ""


def held_meetings(document: str, note: NoteText, by_block: dict, data: MeetingData) -> list[dict]:
    """"<body> held its <n> session from <dates>": a meeting with dates and no venue."""
    rows = []
    for i, b in enumerate(note.blocks):
        if b.kind in ("footnote", "table_row"):
            continue
        for d in by_block[i]["DATE"]:
            if not _day_precision(d):
                continue
            lo = _sentence_start(note.text, b.start, d["start"])
            before = note.text[lo:d["start"]]
            held = list(data.held_re.finditer(before))
            cues = list(data.meeting_re.finditer(before))
            if not held or not cues:
                continue
            cue = cues[-1]
            gap = before[cue.end():]
            if len(gap) > MAX_GAP or not data.connector_re.match(gap):
                continue
            name = _name_before(note.text, b, d["start"], data)
            rows.append(_row(document, note, name[0] if name else cue.group(), None, d, "", "held-session"))
    return rows


def meeting_rows(document: str, note: NoteText, mentions: list[dict], data: MeetingData) -> list[dict]:
    """meetings.csv rows for one note; `mentions` are its mentions.csv rows (offsets into note.text)."""
    starts = [b.start for b in note.blocks]
    by_block: dict[int, dict[str, list[dict]]] = {i: {"DATE": [], "STATE": [], "ORG": []} for i in range(len(starts))}

    for m in mentions:
        i = bisect.bisect_right(starts, m["start"]) - 1
        if i >= 0 and m["label"] in ("DATE", "STATE", "ORG") and m["start"] < note.blocks[i].end:
            by_block[i][m["label"]].append(m)
    found = table_meetings(document, note, by_block, data) + venue_meetings(document, note, by_block, data)
    found += held_meetings(document, note, by_block, data)
    return dedupe(found)


def dedupe(rows: list[dict]) -> list[dict]:
    """One row per (start, end, venue): the first found wins, a venue-less row gives way to a
    row with a venue for the same dates."""
    out: list[dict] = []
    for r in rows:
        same = next((o for o in out if (o["start"], o["end"]) == (r["start"], r["end"])
                     and (o["venue"] == r["venue"] or not r["venue"] or not o["venue"])), None)
        if same is None:
            out.append(r)
        elif not same["venue"] and r["venue"]:
            out[out.index(same)] = {**r, "name": same["name"] or r["name"]}
    return out
