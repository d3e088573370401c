"""A run's output folder read once for the review site: every table, each
document's page name, and the cross-document views (per State, per
organization, who recommends to whom, meetings merged across notes).

Plain data: the page builders in pages.py only read it."""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.report.runfolder import unquote_cell

TABLES = ("documents", "mentions", "states", "organizations", "dates", "recommendations", "references", "meetings")
GENERIC_LEADS = re.compile(r"^(?:the|a|an)\s+|^(?:government|delegation|representative|representatives|"
                           r"permanent mission|mission)s?\s+of\s+(?:the\s+)?", re.IGNORECASE)


def _int(value) -> int:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return 0


def read_rows(path: Path) -> list[dict[str, str]]:
    """A table as row dicts with the formula guard undone ([] when absent). The same as
    runfolder.read_table, but unquoting only cells that start with "'": several times
    faster on the hundreds of thousands of rows of a big run."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = csv.reader(fh)
        header = next(rows, [])
        return [dict(zip(header, [unquote_cell(v) if v[:1] == "'" else v for v in row])) for row in rows]


def name_key(phrase: str) -> str:
    """A phrase as looked up among entity names: casefolded, without "the", "Government of"."""
    key = " ".join(phrase.split())
    for _ in range(2):
        key = GENERIC_LEADS.sub("", key)
    return key.casefold().strip(" .,;:")


@dataclass
class Entity:
    """A State or organization across the corpus."""

    kind: str                 # "state" or "org"
    key: str                  # ISO3, or the canonical organization name
    name: str
    acronym: str = ""
    page: str = ""            # file name of its page under review/
    documents: list[dict] = field(default_factory=list)   # its states.csv / organizations.csv rows
    mentions: list[dict] = field(default_factory=list)
    made: list[dict] = field(default_factory=list)         # recommendations it made (by)
    addressed: list[dict] = field(default_factory=list)    # recommendations addressed to it (actor)

    @property
    def notes(self) -> int:
        return len({r["document"] for r in self.documents})


class Corpus:
    """Every table of the run, indexed by document and by entity."""

    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self.tables = {name: read_rows(self.out_dir / f"{name}.csv") for name in TABLES}
        if not (self.out_dir / "documents.csv").exists():
            raise FileNotFoundError(f"{self.out_dir}: not a run output folder (no documents.csv)")
        seen: dict[str, None] = {}
        for name in TABLES:            # documents.csv order, then any document named only elsewhere
            for row in self.tables[name]:
                if row.get("document"):
                    seen.setdefault(row["document"], None)
        self.docs = list(seen)
        self.doc_page = {d: f"doc-{i}.html" for i, d in enumerate(self.docs, 1)}
        self.info = {r.get("document", ""): r for r in self.tables["documents"]}
        self.by_doc: dict[str, dict[str, list[dict]]] = {name: defaultdict(list) for name in TABLES}
        for name in TABLES:
            for row in self.tables[name]:
                self.by_doc[name][row.get("document", "")].append(row)
        self.states: dict[str, Entity] = {}
        self.orgs: dict[str, Entity] = {}
        self._entities()
        self.names: dict[str, Entity] = self._name_index()
        self._recommendations()

    # ---- entities
    def _entities(self) -> None:
        for row in self.tables["states"]:
            iso3 = row.get("iso3", "")
            e = self.states.setdefault(iso3, Entity("state", iso3, row.get("name", "") or iso3,
                                                    page=f"state-{_slug(iso3)}.html"))
            e.documents.append(row)
        orgs = sorted({r.get("name", "") for r in self.tables["organizations"]}, key=str.casefold)
        org_page = {name: f"org-{i}.html" for i, name in enumerate(orgs, 1)}
        for row in self.tables["organizations"]:
            name = row.get("name", "")
            e = self.orgs.setdefault(name, Entity("org", name, name, page=org_page[name]))
            e.acronym = e.acronym or row.get("acronym", "")
            e.documents.append(row)
        for m in self.tables["mentions"]:
            label, norm = m.get("label"), m.get("norm", "")
            if label == "STATE" and norm in self.states:
                self.states[norm].mentions.append(m)
            elif label == "ORG" and norm in self.orgs:
                self.orgs[norm].mentions.append(m)

    def _name_index(self) -> dict[str, Entity]:
        """{name key: entity} from names, acronyms and every mention's text; a key two
        entities claim is dropped."""
        votes: dict[str, Counter] = defaultdict(Counter)
        for e in list(self.states.values()) + list(self.orgs.values()):
            for value in (e.name, e.acronym, e.key):
                if value:
                    votes[name_key(value)][id(e)] += 100
            for m in e.mentions:
                votes[name_key(m.get("text", ""))][id(e)] += 1
        by_id = {id(e): e for e in list(self.states.values()) + list(self.orgs.values())}
        index = {}
        for key, counter in votes.items():
            (best, n), *rest = counter.most_common(2) + [(None, 0)]
            if key and best is not None and (not rest or rest[0][1] * 10 < n):
                index[key] = by_id[best]
        return index

    def resolve(self, phrase: str) -> Entity | None:
        """The State or organization a recommendation's `by` or `actor` phrase names."""
        if not phrase:
            return None
        return self.names.get(name_key(phrase))

    def _recommendations(self) -> None:
        self.pairs: Counter = Counter()     # (by, actor) display names -> recommendations
        for r in self.tables["recommendations"]:
            by, actor = self.resolve(r.get("by", "")), self.resolve(r.get("actor", ""))
            if by:
                by.made.append(r)
            if actor:
                actor.addressed.append(r)
            else:
                for iso3 in filter(None, (r.get("states") or "").split("; ")):
                    if iso3 in self.states and name_key(r.get("actor", "")) in ("", "states", "member states"):
                        self.states[iso3].addressed.append(r)
            if r.get("by") or r.get("actor"):
                self.pairs[(by.name if by else r.get("by", ""), actor.name if actor else r.get("actor", ""))] += 1

    # ---- documents
    def doc_flags(self, doc: str) -> list[tuple[str, str]]:
        """(css class, text) badges of a document: error, duplicate, language, warnings."""
        info = self.info.get(doc, {})
        flags = []
        if info.get("status") == "error":
            flags.append(("bad", "error: " + info.get("error", "")))
        if info.get("duplicate_of"):
            flags.append(("dup", "duplicate of " + info["duplicate_of"]))
        if info.get("language") and info["language"] != "en":
            flags.append(("lang", "language: " + info["language"]))
        for w in filter(None, (info.get("warnings") or "").split("; ")):
            flags.append(("warn", w))
        return flags

    def meetings(self) -> list[dict]:
        """Meetings merged across notes by (venue, country, start, end): name, notes."""
        merged: dict[tuple, dict] = {}
        for r in self.tables["meetings"]:
            key = (r.get("venue", ""), r.get("country", ""), r.get("start", ""), r.get("end", ""))
            m = merged.setdefault(key, {"venue": key[0], "country": key[1], "start": key[2], "end": key[3],
                                        "name": r.get("name", ""), "documents": []})
            if r.get("document") not in m["documents"]:
                m["documents"].append(r.get("document"))
        return sorted(merged.values(), key=lambda m: (m["start"], m["end"], m["venue"]))

    def warnings(self) -> Counter:
        """{reason: documents} over documents.csv's errors and warnings."""
        reasons: Counter = Counter()
        for doc in self.docs:
            info = self.info.get(doc, {})
            if info.get("error"):
                reasons["error: " + info["error"]] += 1
            for w in filter(None, (info.get("warnings") or "").split("; ")):
                reasons[w] += 1
        return reasons


def _slug(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", value) or "_"


def sorted_entities(entities: dict[str, Entity]) -> list[Entity]:
    return sorted(entities.values(), key=lambda e: (-e.notes, e.name.casefold()))


def page_number(value) -> int:
    return _int(value)
