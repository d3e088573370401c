"""Lists whose items are organizations named with or without a head noun: a
participants annex ("1. Peace Boat*", "2. Mayors for Peace*", "3. Mines Action
Canada*") or the lines under a heading that names bodies ("Non-governmental
organizations", "Observers").

Two kinds of list, each read from the note's text (line breaks kept):
- an enumerated list: four or more items numbered one after the other
  ("1.", "2.", "3.", ...), each a short name; the layout may put two items on
  one line ("2. Acronym Institute ...* 3. African Heritage ..."), which the
  numbering still splits. It is a list of bodies when the line before it is a
  heading that names bodies (org_filters.jsonl `body_list_heading`) or when most
  of its items name a body by a head noun the rules know (`org_head`, the
  gazetteer): then every item is one, "Peace Boat" as "Peace Research
  Institute Frankfurt".
- the lines under a heading that names bodies, one name a line, up to the first
  line that is no name or a heading that names States (`state_list_heading`).

An item is never a State, a person (an honorific first, or the model's PERSON
over it), a long phrase or a mostly lowercase one. Written by hand: no
maintained library reads list structure out of a PDF's text layer."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline.nlp.common import doc_text

MIN_ITEMS = 4            # fewer numbered names are no list of bodies
MAX_ITEM_WORDS = 16      # a name longer than this is a phrase, not a name
MAX_ITEM_CHARS = 250     # a numbered item longer than this is a paragraph: the list ends
MIN_BODY_SHARE = 0.4     # share of items naming a body by a head noun that makes the list one of bodies
MIN_BODY_ITEMS = 3
MAX_HEADING_WORDS = 8

# "12. " after a line break, the note's start or a space (two items on one line)
MARKER_RE = re.compile(r"(?:(?<=\n)|^|(?<=[ \t]))(\d{1,3})\.[ \t]+(?=\S)")
FOOTNOTE_MARKS = "*†‡"
DOT_LEADER_RE = re.compile(r"\s*(?:\.\s*){4,}\d*\s*$")   # "Fondation Congo Assistance ........ 10"
DATE_OR_NUMBER_RE = re.compile(r"\d[./]\d|\bNo\.")       # "08.08.2024", "ref. No. 87"


@dataclass(frozen=True)
class ListedItem:
    start_char: int
    end_char: int
    name: str


def find_list_items(doc: Doc, know, org_names=None) -> list[ListedItem]:
    """The organization items of the enumerated lists and heading lists of `doc`.
    `org_names(text)`: whether the rules read `text` as a body named by its head noun
    (the evidence that an enumerated list with no heading is one of bodies)."""
    if not know.filters["body_list_heading"]:
        return []   # a language whose org_filters.jsonl names no list headings reads no lists
    text = doc_text(doc)
    persons = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    found = []
    taken_lines: set[int] = set()
    for items in _enumerated_lists(text):
        heading = _line_before(text, items[0][0])
        names = [_item_name(text, a, b, know, ()) for a, b in items]
        by_heading = _names_bodies(heading, know)
        bodies = sum(1 for n in names if n and org_names and org_names(n[2]))
        states = sum(1 for a, b in items if know.is_state(_clean(text[a:b])))
        if states * 2 >= len(items):
            continue   # a list of States ("Angola", "Benin", ...)
        by_items = bodies >= MIN_BODY_ITEMS and bodies >= MIN_BODY_SHARE * len(items)
        if not by_heading and not by_items:
            continue
        if not by_items:
            # a heading alone: the model's PERSON over an item is a person of a participants list
            # (where most items name bodies by a head noun, the model's PERSON over "Blue Banner" or
            # "Kakuwaka Hiroshima" is its guess at an unknown name, not a person: honorifics still count)
            names = [_item_name(text, a, b, know, persons) for a, b in items]
        for n in names:
            if n:
                found.append(ListedItem(*n))
        taken_lines.update(text.count("\n", 0, a) for a, _ in items)
    found.extend(_heading_lists(text, know, persons, taken_lines))
    return found


def _enumerated_lists(text: str) -> list[list[tuple[int, int]]]:
    """Runs of MIN_ITEMS or more items numbered n, n+1, n+2, ...: (start, end) of each
    item's text, after its number."""
    markers = [(m.start(), m.end(), int(m.group(1))) for m in MARKER_RE.finditer(text)]
    lists, i = [], 0
    while i < len(markers):
        start, end, n = markers[i]
        if start > 0 and text[start - 1] != "\n":
            i += 1
            continue   # a list opens at a line start
        items, j = [], i
        while True:
            s, e, k = markers[j]
            line_end = text.find("\n", e)
            line_end = len(text) if line_end < 0 else line_end
            nxt = _next_number(markers, j, k + 1, e + MAX_ITEM_CHARS)
            # the next item starts on this line (after this item's words) or on one of the next lines
            if nxt is not None and markers[nxt][0] <= line_end:
                item_end = markers[nxt][0]
            elif nxt is not None and not text[line_end:markers[nxt][0]].strip():
                item_end = line_end
            else:
                item_end, nxt = line_end, None
            if item_end - e > MAX_ITEM_CHARS or len(text[e:item_end].split()) > 2 * MAX_ITEM_WORDS:
                break
            items.append((e, item_end))
            if nxt is None:
                break
            j = nxt
        if len(items) >= MIN_ITEMS:
            lists.append(items)
            i = j + 1
        else:
            i += 1
    return lists


def _next_number(markers: list[tuple[int, int, int]], j: int, number: int, limit: int) -> int | None:
    """Index of the first marker after markers[j] numbered `number` that starts before `limit`."""
    for x in range(j + 1, len(markers)):
        if markers[x][0] > limit:
            return None
        if markers[x][2] == number:
            return x
    return None


def _clean(item: str) -> str:
    item = DOT_LEADER_RE.sub("", " ".join(item.split()))
    return item.rstrip(FOOTNOTE_MARKS + " ").strip()


def _item_name(text: str, a: int, b: int, know, persons) -> tuple[int, int, str] | None:
    """(start, end, name) of the organization an item names, or None. The span leaves out
    footnote marks, dot leaders and a trailing parenthesis (an acronym, another language's name)."""
    raw = text[a:b]
    name = _clean(raw)
    while name.endswith(")") and (shorter := _without_last_paren(name)):
        name = shorter.rstrip(FOOTNOTE_MARKS + " ")
    if not _name_like(name, know):
        return None
    start = a + raw.find(name.split()[0])
    end = start + len(name) if text[start:start + len(name)] == name else None
    if end is None:   # inner spacing differs: the span runs to the name's last word
        last = name.split()[-1]
        end = text.find(last, start) + len(last)
    if any(ps <= start and pe >= end - 1 or ps <= start < pe and pe - ps >= (end - start) // 2 for ps, pe in persons):
        return None   # a person the model tagged
    return start, end, name


def _without_last_paren(name: str) -> str:
    """`name` without its last parenthesis, nested ones included ("Qazaq Nuclear Frontline Coalition
    (QNFC) (Kazakh naming: ... (ASQAQ) Koalitsiyasy)" -> "... Coalition (QNFC)"); "" when unbalanced."""
    depth = 0
    for i in range(len(name) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(name[i], 0)
        if depth == 0:
            return name[:i].rstrip()
    return ""


def _name_like(name: str, know) -> bool:
    words = name.split()
    if not words or len(words) > MAX_ITEM_WORDS or know.is_state(name):
        return False
    first = words[0]
    if not (first[:1].isupper() or first[:1].isdigit() or any(c.isupper() for c in first[1:])):
        return False
    filters = know.filters
    if first.lower().rstrip(".") in filters["honorific"] or any(
            w.lower().rstrip(".") in filters["honorific"] and w[:1].isupper() and w.endswith(".") for w in words):
        return False
    if name.endswith(".") and len(words[-1]) > 4:
        return False   # a sentence, not a name ("Inc." and "Ltd." end names)
    if name.lower() in filters["generic"] or ";" in name or DATE_OR_NUMBER_RE.search(name):
        return False   # "08.08.2024 Our ref. No. 87-198-2024": a letter's reference line
    connectors = filters["connector"]
    # (a word with a capital inside is a name's: "beHuman", "d’Action")
    lowercase = [w for w in words if w.islower() and w.lower() not in connectors]
    return len(lowercase) * 2 <= len(words)


def _line_before(text: str, pos: int) -> str:
    """The last non-empty line before the line holding `pos`."""
    line_start = text.rfind("\n", 0, pos) + 1
    for line in reversed(text[:line_start].splitlines()):
        if line.strip():
            return line.strip()
    return ""


def _heading_key(line: str, know) -> str:
    line = re.sub(r"^(?:[IVXLC]+|[A-Z]|\d{1,2})\.\s+", "", line.strip()).rstrip(":").strip()
    return know.articles_re.sub("", line).lower()


def _names_bodies(line: str, know) -> bool:
    """A heading (a short line) that names a list of bodies ("Non-governmental organizations",
    "Specialized agencies and related organizations", "Observers")."""
    return (bool(line) and len(line.split()) <= MAX_HEADING_WORDS
            and _heading_key(line, know) in know.filters["body_list_heading"])


def _names_states(line: str, know) -> bool:
    return len(line.split()) <= MAX_HEADING_WORDS and _heading_key(line, know) in know.filters["state_list_heading"]


def _heading_lists(text: str, know, persons, taken_lines: set[int]) -> list[ListedItem]:
    """The names one a line under a heading that names bodies, up to the first line that is
    no name (or a heading that names States)."""
    found = []
    lines = text.split("\n")
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    for n, line in enumerate(lines):
        if not _names_bodies(line, know):
            continue
        for m in range(n + 1, len(lines)):
            item = lines[m]
            if not item.strip():
                continue
            if m in taken_lines or _names_bodies(item, know) or _names_states(item, know) or MARKER_RE.match(item):
                break
            got = _item_name(text, offsets[m], offsets[m] + len(item), know, persons)
            if got is None:
                break
            found.append(ListedItem(*got))
    return found
