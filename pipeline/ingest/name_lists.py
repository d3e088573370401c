"""One-name-per-line lists: an attendance annex, a list of participants, the "The following States were
represented" list, a distribution list. They print one body or State a line, without punctuation, so the
block rules (blocks.py), which join lines that end no sentence, made one run-on "sentence" of them ("Ministry
of Foreign Affairs Ministry of Justice National Human Rights Commission ..."). This module finds such runs
among a block's lines by their layout and form and hands back each name as its own block.

A run is at least `min_items` names, one after the other in the block, each:
- one line, or a few when the name wraps: a line goes on to the next one when that one is indented a little
  right of the name's first line (a hanging indent) or follows closer than names follow each other, opens in
  lower case or with a bracket ("du royaume du Maroc", "(Quakers)"), or when
  the line ends with a joining word ("... the Independence of the" | "Judiciary ...") or a hyphen;
- opening with a capital, mostly words (not a table's figures), ending with no sentence punctuation (a name's "Inc." aside), short
  (at most `max_line_width` of the text width, `max_item_words` words, `max_item_lines` lines).
A wrapped paragraph is no run: its lines are long, or end at one right edge (justified), or open in lower
case (they go on the name before, which grows past a name's size); a chart's labels are none either: a
list's names start at one left edge (or a few, its columns). The words and thresholds are data
(models/shared/ingest/name_lists.jsonl). Written by hand: no maintained library splits a PDF's list
layout into items."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.core.datafiles import read_jsonl
from pipeline.core.errors import ModelDataError
from pipeline.ingest.data_files import NAME_LISTS, PATTERNS_DIR
from pipeline.ingest.page_model import Line

SENTENCE_END_RE = re.compile(r"[.;:!?,…][”\"’)\]]*$")
LAST_WORD_RE = re.compile(r"(\S+)$")
SETTINGS = ("min_items", "max_item_lines", "max_item_words", "max_line_width", "hanging_indent", "same_edge",
            "max_justified_share", "min_aligned_share", "tight_pitch")


@dataclass(frozen=True)
class ListRules:
    connectors: frozenset[str]
    abbreviations: frozenset[str]
    min_items: int
    max_item_lines: int
    max_item_words: int
    max_line_width: float
    hanging_indent: tuple[float, float]
    same_edge: float
    max_justified_share: float
    min_aligned_share: float
    tight_pitch: float


@lru_cache(maxsize=None)
def list_rules(directory: Path = PATTERNS_DIR) -> ListRules:
    path = Path(directory) / NAME_LISTS
    words: dict[str, set[str]] = {"connector": set(), "abbreviation": set()}
    settings: dict[str, object] = {}
    for lineno, obj in read_jsonl(path, {"id": (str,), "kind": (str,)}):
        kind = obj["kind"]
        if kind in words:
            if not isinstance(obj.get("words"), str):
                raise ModelDataError(f"{path} line {lineno}: expected a string of words for 'words'")
            words[kind].update(w.lower() for w in obj["words"].split())
        elif kind == "setting":
            if obj.get("name") not in SETTINGS or not isinstance(obj.get("value"), (int, float, list)):
                raise ModelDataError(f"{path} line {lineno}: expected 'name' one of {list(SETTINGS)} and a "
                                     f"number (or a pair) for 'value', got {obj.get('name')!r}")
            settings[obj["name"]] = obj["value"]
        else:
            raise ModelDataError(f"{path} line {lineno}: expected kind connector, abbreviation or setting, got {kind!r}")
    missing = [s for s in SETTINGS if s not in settings]
    if missing:
        raise ModelDataError(f"{path}: expected settings {missing}")
    low, high = settings["hanging_indent"]
    return ListRules(frozenset(words["connector"]), frozenset(words["abbreviation"]), int(settings["min_items"]),
                     int(settings["max_item_lines"]), int(settings["max_item_words"]),
                     float(settings["max_line_width"]), (float(low), float(high)), float(settings["same_edge"]),
                     float(settings["max_justified_share"]), float(settings["min_aligned_share"]), float(settings["tight_pitch"]))


def split_name_lists(lines: list[Line], text_width: float,
                     rules: ListRules | None = None) -> list[tuple[bool, list[Line]]]:
    """`lines` (one block's, in reading order) cut into blocks, each with whether it is a name: each name of a
    one-name-per-line run its own, the lines before, between and after runs as they were. Returns [(False, lines)] when there is no run."""
    rules = rules or list_rules()
    if len(lines) < rules.min_items:
        return [(False, lines)]
    items = _items(lines, _tight_gap(lines, rules), rules)
    ok = [_name_item(item, text_width, rules) for item in items]
    out: list[tuple[bool, list[Line]]] = []
    pending: list[Line] = []
    i = 0
    while i < len(items):
        j = i
        while j < len(items) and ok[j]:
            j += 1
        if j - i >= rules.min_items and _ragged(items[i:j], rules):
            if pending:
                out.append((False, pending))
                pending = []
            out.extend((True, item) for item in items[i:j])
            i = j
        else:
            pending.extend(items[i])
            i += 1
    if pending:
        out.append((False, pending))
    return out


def _tight_gap(lines: list[Line], rules: ListRules) -> float:
    """The line distance below which a line wraps the name above it: in a list whose names are set apart
    ("Central" | "African" | "Republic" at 11.5 pt, the next State 16 pt below), a share
    (`tight_pitch`) of the usual distance between names (the upper quartile of the block's line distances)."""
    gaps = sorted(b.top - a.top for a, b in zip(lines, lines[1:]) if 0 < b.top - a.top < 3 * b.size)
    if len(gaps) < rules.min_items:
        return 0.0
    return rules.tight_pitch * gaps[(3 * len(gaps)) // 4]


def _items(lines: list[Line], tight: float, rules: ListRules) -> list[list[Line]]:
    """The lines grouped into names: a line goes on the current name when it wraps it."""
    items: list[list[Line]] = []
    for ln in lines:
        if items and _wraps(items[-1], ln, tight, rules):
            items[-1].append(ln)
        else:
            items.append([ln])
    return items


def _wraps(item: list[Line], ln: Line, tight: float, rules: ListRules) -> bool:
    first, prev = item[0], item[-1]
    if ln.top <= prev.top:          # another column or page: a new name
        return False
    text, prev_text = ln.text.strip(), prev.text.strip()
    if not text:
        return True
    if not (text[:1].isupper() or text[:1].isdigit()):
        return True   # "du royaume du Maroc", "(Quakers)": no name opens so
    if prev_text.endswith(("-", "–", "—", "/")):
        return True
    last = LAST_WORD_RE.search(prev_text)
    if last and last.group(1).lower() in rules.connectors:
        return True
    low, high = rules.hanging_indent
    if ln.top - prev.top < tight and abs(ln.x0 - first.x0) <= high * ln.size:
        return True
    return low * ln.size <= ln.x0 - first.x0 <= high * ln.size


def _name_item(item: list[Line], text_width: float, rules: ListRules) -> bool:
    text = " ".join(ln.text.strip() for ln in item)
    words = text.split()
    if not words or len(item) > rules.max_item_lines or len(words) > rules.max_item_words:
        return False
    if not text[:1].isupper() or sum(1 for w in words if w[:1].isalpha()) * 2 < len(words) + 1:
        return False   # a name opens with a capital and is words, not a table's figures ("46.6% 52.6%")
    if SENTENCE_END_RE.search(text) and words[-1].lower() not in rules.abbreviations:
        return False
    return all(ln.x1 - ln.x0 <= rules.max_line_width * text_width for ln in item)


def _ragged(items: list[list[Line]], rules: ListRules) -> bool:
    """Whether the names are a ragged list at one left edge (or a few: columns), not a paragraph wrapped in a
    narrow column nor a chart's scattered labels: most names start where another one starts, and few of their
    lines end at one right edge (a justified column of running text)."""
    starts = [item[0].x0 for item in items]
    aligned = sum(1 for x in starts if sum(1 for y in starts if abs(x - y) <= rules.same_edge) >= 2)
    if aligned < rules.min_aligned_share * len(items):
        return False   # centred or scattered labels (a chart's), not names at one left edge
    lines = [ln for item in items for ln in item]
    edge = max(ln.x1 for ln in lines)
    return sum(1 for ln in lines if edge - ln.x1 <= rules.same_edge) <= rules.max_justified_share * len(lines)
