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
from pipeline.nlp.datenorm import DateWords

COLUMNS = ["document", "name", "venue", "country", "start", "end", "organizers", "page", "source"]
MAX_GAP = 40            # characters of connectors allowed between a venue and its dates
HEADING_LOOKBACK = 3    # blocks above a venue-date line searched for the meeting's name
SHORT_BLOCK = 200       # a block this short above the line may hold the name (a heading)
NAME_WORDS = 14         # at most this many words in a meeting name built around its cue word
HEADER_PAGES = 2        # a venue-date line named by a heading above it must be this near the top
ORDINAL_RE = re.compile(r"\d+(?:st|nd|rd|th),?")   # "2nd," "13th" in "2nd, 5th and 13th meetings"
DATE_FIRST_PAGES = 1    # "On <date>, <subject> held a meeting" counts only this near the top
LINK_GAP = 160          # characters between a meeting's name and its venue or dates (an "organized by" clause fits)


def meeting_data_paths(models: Path | None = None) -> dict[str, Path]:
    """Where the data files live. The one place to re-point when models/ is reorganised."""
    root = Path(models or models_dir())
    return {"cities": root / "shared" / "gazetteers" / "cities.tsv",
            "cues": root / "en" / "patterns" / "meeting_cues.jsonl",
            "date_words": root / "en" / "gazetteers" / "date_words.tsv"}


@dataclass(frozen=True)
class City:
    name: str           # the city: "New York" also for the venue "United Nations Headquarters"
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
    opener_re: re.Pattern                    # what may open a sentence before the meeting it reports on
    link_re: re.Pattern                      # what may stand between a meeting's name and its venue or dates
    theme_re: re.Pattern                     # a quoted theme right after a meeting's name
    part_re: re.Pattern                      # "first part of the" before a meeting's name
    name_stop: re.Pattern                    # a word that ends a name leftwards ("its", "held")
    name_link: re.Pattern                    # a small word inside a name ("of", "to", "the")
    left_link: re.Pattern                    # such a word also before the cue word ("of", "on", "and")
    list_link: re.Pattern                    # a word joining ordinals ("2nd, 5th and 13th meetings")
    date_words: DateWords                    # the date grammar's words: what separates the days of a list


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns) or "(?!)"


def load_meeting_data(overlay: Path | None = None) -> MeetingData:
    """The shipped data files, each followed by the user's overlay file for it
    (`unnotes run --patterns DIR`), as every other data file is read."""
    paths = meeting_data_paths()
    cities = {row["name"]: City(row.get("city") or row["name"], row["iso3"], line)
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
    held = _alternation([o["pattern"] for o in by_label.get("HELD", [])])
    organizers = _alternation([o["pattern"] for o in by_label.get("ORGANIZERS", [])])
    subject = _alternation([o["pattern"] for o in by_label.get("SUBJECT", [])])
    relative = _alternation([o["pattern"] for o in by_label.get("RELATIVE", [])])
    link_re = re.compile(r"^[\s,;:()\u2013\u2014-]*(?:(?:" + organizers + r")\b[^,;]{0,120}?,\s*)?"
                         r"(?P<about>(?:" + subject + r")\s+[^,;.()]{1,80}?,?\s+(?=(?:" + held + r")\b))?"
                         r"(?:(?:" + relative + r")\s+)?(?:(?:" + held + r")\b[\s,;:()]*)?(?:(?:" + connectors
                         + r")\b[\s,;:()]*)*$", re.IGNORECASE)
    opener_re = re.compile(r"^\s*(?:" + _alternation([o["pattern"] for o in by_label.get("OPENER", [])]) + r")\s*$",
                           re.IGNORECASE)
    theme_re = re.compile(r"\s*,?\s*(?:" + _alternation([o["pattern"] for o in by_label.get("THEME", [])])
                          + r")?\s*[\u201c\"][^\u201d\"]{1,250}[\u201d\"]", re.IGNORECASE)
    def whole(rows: list[dict]) -> re.Pattern:  # words matched whole: fullmatch on one lower-cased word
        return re.compile(_alternation([o["pattern"] for o in rows]), re.IGNORECASE)

    links, list_links = by_label.get("NAME_LINK", []), by_label.get("LIST_LINK", [])
    part_re = re.compile(r"\b(?:" + _alternation([o["pattern"] for o in by_label.get("PART", [])]) + r")\s+$",
                         re.IGNORECASE)
    return MeetingData(city_re, cities, words("MEETING"), words("HELD"), connector_re, words("ORGANIZERS"), fields,
                       opener_re, link_re, theme_re, part_re, whole(by_label.get("NAME_STOP", [])), whole(links),
                       whole([o for o in links if o.get("left")]), whole(list_links),
                       DateWords.load([src.path for src in sources(paths["date_words"], overlay)]))


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


def sentence_start(note: NoteText, index: int, pos: int) -> int:
    """Where the sentence holding `pos` (in block `index`) starts. A body block that opens
    mid-sentence ("13th meetings, on 5, 12 ..." after a block ending "at its 2nd, 5th, 6th
    and") continues the block before it: a layout gap split the paragraph."""
    b = note.blocks[index]
    lo = _sentence_start(note.text, b.start, pos)
    if lo != b.start or index == 0:
        return lo
    prev = note.blocks[index - 1]
    head = note.text[b.start:b.start + 12]
    if (prev.kind in ("body", "list_item") and b.kind == "body" and not re.search(r"[.!?:;\"\u201d]\s*$", note.text[prev.start:prev.end])
            and re.match(r"[a-z]|\d+(?:st|nd|rd|th)\b", head)):
        return _sentence_start(note.text, prev.start, prev.end)
    return lo


def _capitalised(word: str) -> bool:
    bare = word.strip(",;:()\"\u201c\u201d")
    return bool(bare) and (bare[0].isupper() or bare[0].isdigit())


def cue_phrase(text: str, cue: re.Match, lo: int, hi: int, data: MeetingData) -> tuple[str, int, int]:
    """The meeting's name around its cue word, with its start and end offsets: ordinals and
    qualifiers before it ("Sixty-ninth regular session", "2nd, 5th, 6th and 13th meetings",
    "Committee on Science and Technology Eighth session"), "of ..."-chains of capitalised
    words after it ("Meeting of States Parties to the Treaty"), and a quoted theme right
    after ("International Conference themed \u201cIslamophobia in Focus ...\u201d")."""
    left = list(re.finditer(r"\S+", text[lo:cue.start()]))
    kept: list[re.Match] = []
    for k in range(len(left) - 1, -1, -1):
        w = left[k].group()
        bare = w.strip(",;:()\"\u201c\u201d")
        low = bare.lower()
        before = left[k - 1].group() if k else ""
        ordinal_list = kept and ((data.list_link.fullmatch(low) and ORDINAL_RE.fullmatch(before)
                                  and ORDINAL_RE.fullmatch(kept[0].group()))
                                 or (ORDINAL_RE.fullmatch(w) and (data.list_link.fullmatch(kept[0].group())
                                                                  or ORDINAL_RE.fullmatch(kept[0].group()))))
        name_link = (data.left_link.fullmatch(low) and kept and _capitalised(kept[0].group())
                     and _capitalised(before) and not data.name_stop.fullmatch(before.lower()))
        if ordinal_list or name_link:
            kept.insert(0, left[k])
            continue
        shouting = len(bare) > 3 and bare.isupper() and kept and not kept[0].group().isupper()
        if (not bare or shouting or data.name_stop.fullmatch(low) or w.endswith((";", ":", ")", "|")) or w.endswith(",")
                or len(kept) >= 8 or bare[0] in "\u2013\u2014-|"):
            break
        kept.insert(0, left[k])
    start = lo + kept[0].start() if kept else cue.start()
    part = data.part_re.search(text, lo, start)
    if part:
        start = part.start()
    end = cue.end()
    words = 0
    pending = []                      # link words kept only if a capitalised word follows
    for t in re.finditer(r"\S+", text[cue.end():hi]):
        w = t.group()
        if w.endswith(":") or words >= NAME_WORDS:
            break
        if data.name_link.fullmatch(w):
            pending.append(t)
            continue
        if not _capitalised(w) and not w[:1] in "\u201c\"":
            break
        end = cue.end() + t.end()
        words += 1 + len(pending)
        pending = []
        if w.endswith((",", ";", ")")) and not w.endswith("),"):
            break
    theme = data.theme_re.match(text, end, hi)
    if theme:
        end = theme.end()
    name = " ".join(text[start:end].split()).strip(" ,;:(\u2013\u2014-")
    if name.count("(") > name.count(")"):
        name = name[:name.rfind("(")].strip(" ,")
        end = start + len(name)
    return name, start, end


def _name_before(text: str, lo: int, pos: int, data: MeetingData) -> tuple[str, int, int] | None:
    """A meeting name in the sentence of `pos` (which starts at `lo`) before it: (name, start,
    end of the name)."""
    cues = list(data.meeting_re.finditer(text, lo, pos))
    if not cues:
        return None
    # The meeting word nearest the venue and dates, unless it is part of an earlier one's name
    # ("fifth session of the Conference of the Parties").
    name, start, end = cue_phrase(text, cues[0], lo, pos, data)
    cue = cues[0]
    for later in cues[1:]:
        if later.start() >= end:
            cue = later
            name, start, end = cue_phrase(text, later, lo, pos, data)
    subject = text[lo:start]
    if re.search(r"\b(?:its|their)\s+(?:\S+\s+){0,1}$", subject) and re.search(r"\b(?:held|convened|considered)\b", subject):
        owner = re.match(r"\s*(?:\d+\.\s+)?(.*?)\s+(?:has\s+|had\s+)?(?:held|convened|considered)\b", subject)
        if owner and owner.group(1):
            body = re.split(r",|\s+\(?(?:established|created|set up)\b", owner.group(1))[0].strip()
            name += " of " + re.sub(r"^The\s+", "the ", body)
    return name, start, end


def with_subject(name: str, link: re.Match) -> str:
    """"workshop" + "on children and armed conflict, convened ...": the lower-case subject written
    between a meeting's name and the verb that says it was held is part of the name."""
    about = link.group("about")
    return f"{name} {' '.join(about.split()).rstrip(' ,')}" if about else name


def _owner_after(text: str, pos: int, hi: int) -> str:
    """"At its fortieth session, held in Lima ..., the Economic Commission for Latin America and
    the Caribbean adopted": the body named right after the venue and dates."""
    m = re.match(r"\s*,\s*(the\s+[A-Z][\w'\u2019-]*(?:\s+(?:(?:of|for|on|and|the|in)\s+)*[A-Z][\w'\u2019()-]*)*)",
                 text[pos:hi])
    return m.group(1) if m else ""


def header_block(note: NoteText, index: int) -> bool:
    """A heading or a short line near the top that does not end a sentence: a title, a
    masthead line, a letter's subject."""
    b = note.blocks[index]
    text = note.text[b.start:b.end].rstrip()
    return b.page <= HEADER_PAGES and (b.kind == "heading" or (len(text) <= 2 * SHORT_BLOCK and not text.endswith(".")))


def reported(note: NoteText, index: int, lo: int, name_start: int, data: MeetingData) -> bool:
    """Whether the sentence is about the meeting named at `name_start`, not mentioning it in
    passing: the meeting opens the sentence ("The fifth session ... was held", "At its fortieth
    session, held in Lima"), is what its subject held or convened, or is what a transmittal
    letter sends the report of. "Noting the adoption, at the tenth session of ... (Ljubljana,
    23-25 October 2024)" and "forwarded to the seventh session, to be held at Marrakech" are
    passing mentions. The openers are data (meeting_cues.jsonl, OPENER)."""
    if header_block(note, index):
        return True
    opener = re.sub(r"^\s*(?:\(?[0-9A-Za-z]{1,4}[.)]\s+)?", "", note.text[lo:name_start])
    return bool(data.opener_re.match(" ".join(opener.split())))


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
            lo = sentence_start(note, i, first)
            found = _name_before(note.text, lo, first, data)
            if found:
                name, start, end = found
                gap = note.text[end:first]
                link = data.link_re.match(gap)
                if len(gap) > LINK_GAP or not link or not reported(note, i, lo, start, data):
                    continue
                name = with_subject(name, link)
                if name.lower().startswith(("its ", "their ")) or re.search(r"\bits\s+$", note.text[lo:start]):
                    owner = _owner_after(note.text, max(place.end, date["end"]), b.end)
                    name = re.sub(r"^(?:its|their)\s+", "", name) + (f" of {owner}" if owner and " of " not in name else "")
            else:
                name = _heading_name(note, i, data)
            if not name:
                continue
            sent_hi = note.text.find(". ", place.end, b.end)
            organizers = _organizers_in(note, lo, b.end if sent_hi < 0 else sent_hi, by_block[i]["ORG"], data)
            rows.append(_row(document, note, name, place, date, organizers, f"venue-date+{place.source}"))
    return rows


def _organizers_in(note: NoteText, lo: int, hi: int, orgs: list[dict], data: MeetingData) -> str:
    m = data.organizers_re.search(note.text, lo, hi)
    return _organizers(note, m.end(), hi, orgs) if m and any(m.end() <= o["start"] < hi for o in orgs) else ""


def held_meetings(document: str, note: NoteText, by_block: dict, data: MeetingData) -> list[dict]:
    """A meeting said to be held, with its dates: "<body> held its <n> session from <dates>",
    "the Arria-formula meeting of the Security Council held on <date>", "the Council convened
    on <dates> for a high-level open debate", "On <date>, <subject> hosted a <meeting>" or
    "... met in <venue>" (a venue, when one follows the verb, is kept)."""
    rows = []
    text = note.text
    for i, b in enumerate(note.blocks):
        if b.kind in ("footnote", "table_row"):
            continue
        for d in by_block[i]["DATE"]:
            if not _day_precision(d):
                continue
            lo = sentence_start(note, i, d["start"])
            hi = text.find(". ", d["end"], b.end)
            hi = b.end if hi < 0 else hi
            row = (_held_name_first(note, i, lo, d, data) or _held_date_first(note, i, lo, hi, d, by_block, data))
            if row:
                name, place, date = row
                rows.append(_row(document, note, name, place, date, "",
                                 f"venue-date+{place.source}" if place else "held-session"))
    return rows


def _held_name_first(note: NoteText, i: int, lo: int, d: dict, data: MeetingData):
    """"... held its second session from 5 to 19 May 2008": the name, then the dates."""
    text = note.text
    before = text[lo:d["start"]]
    if not data.held_re.search(before):
        return None
    found = _name_before(text, lo, d["start"], data)
    if not found:
        return None
    name, start, end = found
    gap = text[end:d["start"]]  # "on 4, 11 and 16 October": the date component reads "4" and "11" as days too
    link = data.link_re.match(gap)
    if len(gap) > LINK_GAP or not link or not reported(note, i, lo, start, data):
        return None
    return with_subject(name, link), None, d


def _held_date_first(note: NoteText, i: int, lo: int, hi: int, d: dict, by_block: dict, data: MeetingData):
    """"convened on <dates> for a <meeting>"; "On <date>, <subject> hosted a <meeting>" /
    "..., <subject with a meeting word> met in <venue>"."""
    text = note.text
    before = text[lo:d["start"]]
    after_start = d["end"]
    verb = None
    held_before = [m for m in data.held_re.finditer(before)]
    if held_before and data.connector_re.match(before[held_before[-1].end():]) and \
            re.fullmatch(r"\s*(?:on|from)?\s*", before[held_before[-1].end():]):
        m = re.match(r"\s*,?\s*(?:for|as)\s+(?:a|an|the|its|their)\s+", text[after_start:hi])
        cue = data.meeting_re.search(text, after_start + m.end(), min(hi, after_start + m.end() + 60)) if m else None
        if cue and reported(note, i, lo, lo + held_before[-1].start(), data) or (cue and re.match(
                r"\s*(?:\(?[0-9A-Za-z]{1,4}[.)]\s+)?(?:[^,;]{1,60},\s*)?(?:the\s+)?[A-Z][^,;]{0,120}\s*$",
                before[:held_before[-1].start()])):
            return cue_phrase(text, cue, after_start + m.end(), hi, data)[0], None, d
        return None
    # "On 7 July 2025, the Bureau ... met in Addis Ababa": a note tells its own meeting this way
    # at its top; a periodic report dates every event of its period so, all through its body.
    if note.blocks[i].page > DATE_FIRST_PAGES or not re.fullmatch(r"\s*(?:\(?[0-9A-Za-z]{1,4}[.)]\s+)?On\s*", before):
        return None
    m = re.match(r"\s*,\s*", text[after_start:hi])
    if not m:
        return None
    subj_lo = after_start + m.end()
    verb = data.held_re.search(text, subj_lo, min(hi, subj_lo + 250))
    if not verb:
        return None
    subject = text[subj_lo:verb.start()].strip()
    cue = data.meeting_re.search(text, verb.end(), min(hi, verb.end() + 40))
    if cue:
        name = cue_phrase(text, cue, verb.end(), hi, data)[0]
    elif data.meeting_re.search(subject) and subject[:1].isalpha():
        name = "Meeting of " + re.sub(r"^The\s+", "the ", subject)
    else:
        return None
    place = None
    bi = i
    for p in places_in(text[verb.end():min(hi, verb.end() + MAX_GAP)], verb.end(), by_block[bi]["STATE"], [], data):
        if data.connector_re.match(text[verb.end():p.start]):
            place = p
            break
    return name, place, d


def heading_meetings(document: str, note: NoteText, by_block: dict, data: MeetingData) -> list[dict]:
    """A note whose first heading names a meeting and its day ("Session 3 | Mandate Creation
    consultations - Statements ... (Oct 23, 2025)", a transcript's title): a meeting with no
    venue. Read only when nothing else gave the note a meeting."""
    for i, b in enumerate(note.blocks[:3]):
        if b.page != 1 or b.end - b.start > SHORT_BLOCK or not header_block(note, i):
            continue
        for d in by_block[i]["DATE"]:
            if not _day_precision(d):
                continue
            cue = ([None] + list(data.meeting_re.finditer(note.text, b.start, d["start"])))[-1]
            if cue:
                name = cue_phrase(note.text, cue, b.start, d["start"], data)[0]
                return [_row(document, note, name, None, d, "", "heading-date")]
    return []


def meeting_rows(document: str, note: NoteText, mentions: list[dict], data: MeetingData) -> list[dict]:
    """meetings.csv rows for one note; `mentions` are its mentions.csv rows (offsets into note.text)."""
    starts = [b.start for b in note.blocks]
    by_block: dict[int, dict[str, list[dict]]] = {i: {"DATE": [], "STATE": [], "ORG": []} for i in range(len(starts))}

    for m in mentions:
        i = bisect.bisect_right(starts, m["start"]) - 1
        if i >= 0 and m["label"] in ("DATE", "STATE", "ORG") and m["start"] < note.blocks[i].end:
            by_block[i][m["label"]].append(m)
    for block in by_block.values():
        block["DATE"] = date_lists_joined(block["DATE"], note.text, data)
    found = table_meetings(document, note, by_block, data) + venue_meetings(document, note, by_block, data)
    found += held_meetings(document, note, by_block, data)
    return dedupe(found or heading_meetings(document, note, by_block, data))


def date_lists_joined(dates: list[dict], text: str, data: MeetingData) -> list[dict]:
    """A meeting held on a list of days ("on 5, 12, 13 and 28 October 1994", one DATE
    mention a day in mentions.csv) is dated from its first day to its last."""
    out: list[dict] = []
    for d in sorted(dates, key=lambda m: m["start"]):
        prev = out[-1] if out else None
        if prev is not None and data.date_words.list_gap_re.fullmatch(text[prev["end"]:d["start"]]):
            first, _, _ = prev["norm"].partition("/")
            _, _, last = d["norm"].partition("/")
            if first <= last:
                out[-1] = {**prev, "end": d["end"], "text": text[prev["start"]:d["end"]], "norm": f"{first}/{last}"}
                continue
        out.append(d)
    return out


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
