"""Bodies named as the items of a list: `find_listed_bodies` (the items of a
list a plural class noun of bodies introduces: "... organizations and
universities: A, B, C and D"; org_filters.jsonl `body_list_noun`,
`body_list_intro`) and `find_led_items` (the items of a led list, a lead-in
naming bodies then its items: "(also on behalf of ...)", "Participants: ...").
Used by `org_matcher` (the `unnotes_orgs` component).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from pipeline.nlp.orgs import AREA_LABELS, OrgKnowledge, _names_a_body, head_word, is_acronym, strip_the

MAX_LISTED_TOKENS = 8      # an item of a list of bodies longer than this is prose: the list ends
MAX_LEAD_WORDS = 10        # a lead-in longer than this is a sentence, not a list's lead-in
LEAD_MARKER_RE = re.compile(r"^\(?(?:[a-z]{1,3}|\d{1,3})\)\s*|^(?:[IVXLC]+|[A-Z]|\d{1,3})\.\s+")   # "(e) ", "b) ", "3. "
MAX_LED_TOKENS = 24        # an item of a led list (find_led_items) longer than this is prose: the list ends
FOOTNOTE_MARKS = "*†‡"
DASHES = ("–", "—", "-")
MAX_LED_WORDS = 16         # ... and a name longer than this is no name


def find_listed_bodies(doc: Doc, know: OrgKnowledge) -> list[tuple[int, int, str]]:
    """(start, end, name) of the items of a list that a plural class noun of bodies introduces
    ("... organizations and universities: A, B, C and D", "private sector partners like A, B and C";
    org_filters.jsonl `body_list_noun`, `body_list_intro`): each capitalised item of up to
    MAX_LISTED_TOKENS tokens that is no State, title, event or document is an organization, with or
    without a head noun ("Elsevier", "Siemens Energy AG", "Max Factor"). The list ends at a full
    stop, a semicolon, a line break or an item of prose."""
    filters = know.filters
    nouns, intros = filters["body_list_noun"], filters["body_list_intro"]
    if not nouns:
        return []
    separators = {",", ";"} | set(know.conjunctions)
    # a one-word item the note also writes in lower case is a common word ("Technology", "Independent")
    lowercase_words = {t.text for t in doc if t.text.islower()}
    found = []
    for tok in doc:
        if tok.lower_ not in nouns:
            continue
        i = _after_list_intro(doc, tok.i + 1, intros)
        if i is None:
            continue
        while i < len(doc):
            j = i
            while j < len(doc) and not (doc[j].text in separators or doc[j].lower_ in separators and doc[j].text.islower()) \
                    and doc[j].text not in (".", ":") and "\n" not in doc[j].text and "\n" not in doc[j - 1].whitespace_:
                j += 1
            item = doc[i:j]
            if len(item) > MAX_LISTED_TOKENS:
                break
            name = _listed_name(item, know) if len(item) else None
            if name and not (len(item) == 1 and name.lower() in lowercase_words):
                a = i + (1 if doc[i].lower_ in know.articles else 0)
                found.append((a, j, name))
            if j >= len(doc) or doc[j].text in (".", ";", ":") or "\n" in doc[j - 1].whitespace_ or "\n" in doc[j].text:
                break
            i = j + 1
            while i < len(doc) and (doc[i].text == "," or doc[i].lower_ in know.conjunctions and doc[i].text.islower()):
                i += 1
    return found


def _after_list_intro(doc: Doc, i: int, intros: set[str]) -> int | None:
    """The token after a list's intro right at doc[i] (":", "like", "such as", "including"), or None."""
    for intro in sorted(intros, key=lambda w: -len(w.split())):
        words = intro.split()
        if [t.lower_ for t in doc[i:i + len(words)]] == words:
            return i + len(words)
    return None


def _listed_name(item: Span, know: OrgKnowledge) -> str | None:
    """The organization an item of a list of bodies names, or None (a State, a lowercase phrase, a
    title, an event, a document)."""
    text = strip_the(" ".join(item.text.split()), know)
    if not text or not any(ch.isupper() for ch in text.split()[0]) or know.is_state(text):
        return None
    if any(w[:1].islower() and w.lower() not in know.filters["connector"] and not any(ch.isupper() for ch in w)
           for w in text.split()):
        return None
    words = text.split()
    if (text.lower() in know.filters["generic"] or words[0].lower().rstrip(".") in know.filters["honorific"]
            or text.lower().rstrip(".") in know.filters["legal_form"] | know.filters["legal_suffix"]
            or head_word(words, know.filters["connector"]) in know.filters["event"] | know.filters["document"]
            | know.filters["person_head"] | know.filters["state_head"] or words[-1].lower() in know.filters["event"]):
        return None
    return text


def find_led_items(doc: Doc, know: OrgKnowledge, candidates) -> list[tuple[int, int, str]]:
    """(start, end, name) of the items of a led list: a lead-in line ending with a heading that names
    bodies and a colon ("(e) Observers for the following non-governmental organizations:", "The
    following observers were represented:", "(b) United Nations entities and international
    organizations:"; org_filters.jsonl `body_list_heading`). Every item, with or without a head noun
    and in any language ("Amnesty International", "Nord-Sud XXI", "Mouvement contre le racisme et pour
    l’amitié entre les peuples"), is an organization, and so is every item of a parenthesis opened by
    `body_list_nested_intro` ("(also on behalf of A, B and C)"). Items are split at commas and
    semicolons, at the list's last "and" when a name follows it (an "and" followed by more commas is
    inside a name: "Dominicans for Justice and Peace – Order of Preachers, ..."; so is one before a lone
    common word: "Action Canada for Population and Development"), and at parentheses. A known body stays
    whole ("United Nations Educational, Scientific and Cultural Organization"), and so does a rule's
    reading with no comma or "and" inside (one with them may glue two items: "Centre on Housing Rights
    and Evictions, Community and Family Services International"). A lone legal suffix joins the item
    before it ("Madre, Inc."). The list ends at a full stop, a semicolon, a blank line or a line that
    opens another list item; a lead-in that names States ("The following 31 States attended the Meeting
    as observers:") opens none."""
    if not know.filters["body_list_heading"]:
        return []
    atomic = {}
    for c in candidates:
        if c.label_ != "ORG":
            continue
        if not c.id_.startswith("gazetteer:") and _inner_separator(c, know):
            continue   # a rule's reading over a comma or an "and" may glue two items: the list's separators decide
        atomic[c.start] = max(atomic.get(c.start, c.start), c.end)
    found: list[list] = []
    text = doc.text   # (built anew on each access: once here)
    spans = (doc.char_span(m.start(), m.end()) for m in re.finditer(":", text))
    leads = [span[0] for span in spans if span is not None and _led_list_lead(text, span[0], know)]
    if not leads:
        return []
    common = {t.text for t in doc if t.is_lower}
    places = {k for e in doc.ents if e.label_ in AREA_LABELS for k in range(e.start, e.end)}
    for tok in leads:
        _read_led_items(doc, tok.i + 1, len(doc), know, atomic, found, common, places)
    return [(a, b, name) for a, b, name in found]


def _inner_separator(span: Span, know: OrgKnowledge) -> bool:
    return any(t.text == "," or t.lower_ in know.conjunctions and t.text.islower() for t in span)


def _led_list_lead(text: str, colon, know: OrgKnowledge) -> bool:
    """The text from the colon's line start to the colon is a lead-in that names bodies: at most
    MAX_LEAD_WORDS words ending with a `body_list_heading` ("(e) Observers for the following
    non-governmental organizations"). `text`: the note's text."""
    line_start = text.rfind("\n", 0, colon.idx) + 1
    lead = LEAD_MARKER_RE.sub("", text[line_start:colon.idx].strip())
    words = know.articles_re.sub("", lead).lower().split()
    if not words or len(words) > MAX_LEAD_WORDS:
        return False
    states = know.filters["state_list_heading"]
    if any(" ".join(words[a:b]) in states for a in range(len(words)) for b in range(a + 1, len(words) + 1)):
        return False   # "The following 31 States attended the Meeting as observers:"
    return any(" ".join(words[k:]) in know.filters["body_list_heading"] for k in range(len(words)))


def _led_item_ends(doc: Doc, j: int) -> bool:
    """doc[j] opens a new paragraph or list item: a blank line before it, or a line break before a
    list marker ("(e)")."""
    before = doc[j - 1].whitespace_ + (doc[j - 1].text if doc[j - 1].is_space else "")
    return "\n\n" in before or "\n" in before and doc[j].text == "(" and LEAD_MARKER_RE.match(doc[j:j + 3].text) is not None


def _read_led_items(doc: Doc, i: int, stop: int, know: OrgKnowledge, atomic: dict, found: list,
                    common: set[str], places: set[int]) -> int:
    """Reads the items of a led list from doc[i] up to `stop` (a nested parenthesis's ")") into `found`;
    returns the index of the token that ended the list. `common`: the words the note writes in lower
    case (a one-word item among them is a common word: "Education" of "... for Women, Education and
    Development"); `places`: the tokens of the model's places."""
    conj = know.conjunctions
    legal = know.filters["legal_suffix"]
    nested_intros = know.filters["body_list_nested_intro"]

    first = i
    whole = {k for a, b in atomic.items() if i <= a < stop and b - a <= MAX_LED_TOKENS for k in range(a, b)}   # tokens of names kept whole

    def is_conj(k: int) -> bool:
        return doc[k].lower_ in conj and doc[k].text.islower()

    def separator(j: int) -> bool:
        if doc[j].text in (",", ";"):
            return True
        if not is_conj(j):
            return False
        if j + 2 < stop and doc[j + 1].lower_ in know.articles and doc[j + 2].text[:1].isupper():
            k = j + 2
            while k < stop and not (doc[k].text in (",", ";", ".", "(", ")") or is_conj(k)):
                k += 1
            if _names_a_body(doc[j + 2:k].text, know):
                return True   # "... and the Organization for the Solidarity of the Peoples of Asia, ...": a new item
        # the list's last "and": no comma after it at this depth (but the one of ", Inc."), no other
        # "and" since the last comma, and a name after it ("Action Canada for Population and
        # Development" is one name); an "and" before more commas is inside a name
        k = j - 1
        while k >= first and doc[k].text != ",":
            if is_conj(k) and k not in whole:
                return False
            k -= 1
        depth, after = 0, []
        for k in range(j + 1, stop):
            t = doc[k].text
            if t == "(":
                depth += 1
            elif t == ")":
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0 and (t in (".", ";") or _led_item_ends(doc, k)):
                break
            elif depth == 0 and t == ",":
                if k + 1 < stop and doc[k + 1].text.lower().rstrip(".") in legal:
                    continue
                return False
            if depth == 0 and t not in ("(", ")"):
                after.append(doc[k].text)
        name = strip_the(" ".join(after), know)
        return len(name.split()) >= 2 or _names_a_body(name, know) or know.is_state(name)

    prev = None
    while i < stop:
        while i < stop and (doc[i].text == "," or doc[i].lower_ in conj and doc[i].text.islower()):
            i += 1
        j = i
        while j < stop:
            if j > i and _led_item_ends(doc, j):
                return j
            if j in atomic and atomic[j] <= stop:
                j = atomic[j]
                continue
            if doc[j].text in (".", "(", ")") or separator(j):
                break
            j += 1
        if j - i > MAX_LED_TOKENS:
            return j   # prose, not a name: the list has ended
        item = doc[i:j]
        text = " ".join(item.text.split())
        if prev is not None and text.lower().rstrip(".") in legal and i > 0 and doc[i - 1].text == ",":
            prev[1] = j
            prev[2] = f"{prev[2]}, {text}"   # "Madre, Inc."
        elif len(item):
            name = _led_name(item, know)
            after_separator = i > 0 and (doc[i - 1].text == "," or is_conj(i - 1))
            lone_common = bool(name) and " " not in name and name.lower() in common
            place = (all(k in places for k in range(i, j)) and prev is not None and prev[1] - 1 in places
                     and not know.is_state(doc[i:j].text) and not _names_a_body(doc[i:j].text, know))
            # (a region, not a State: "Nairobi, Kenya" names no body; nor does the model's GPE over "New
            # Zealand Human Rights Commission" make a body a place)
            if (lone_common or place) and prev is not None and after_separator and (joined := _led_name(doc[prev[0]:j], know)):
                # a common word or a place after a comma goes on the name before it ("... Organization for
                # Women, Education and Development", "... of the Peoples of Asia, Africa and Latin America")
                prev[1], prev[2] = j, joined
                name = None
            elif lone_common:
                name = None
            elif name:
                a = i + (1 if doc[i].lower_ in know.articles else 0)
                prev = [a, j, name]
                found.append(prev)
            if not name and not (prev is not None and prev[1] == j):
                prev = None
        if j >= stop:
            return j
        if doc[j].text == "(":
            close = _matching_paren(doc, j, stop)
            inner = _after_list_intro(doc, j + 1, nested_intros)
            if close is None:   # a parenthesis left open (a misprint): its items run to the list's end
                return _read_led_items(doc, inner, stop, know, atomic, found, common, places) if inner is not None else j
            if inner is not None:
                _read_led_items(doc, inner, close, know, atomic, found, common, places)
            j = close + 1
            prev = None
            if j >= stop:
                return j
        if doc[j].text in (".", ";") or doc[j].text == ")" and stop < len(doc) or _led_item_ends(doc, j) and j > i:
            return j   # (a stray ")" outside any parenthesis, a misprint, does not end the list)
        i = j if j > i else j + 1   # a separator (skipped above), or a word after a parenthesis: the next item
    return stop


def _matching_paren(doc: Doc, j: int, stop: int) -> int | None:
    depth = 0
    for k in range(j, stop):
        if doc[k].text == "(":
            depth += 1
        elif doc[k].text == ")":
            depth -= 1
            if depth == 0:
                return k
        elif doc[k].text in (".", ";") and not doc[k - 1].text[:1].isupper():
            return None
    return None


def _led_name(item: Span, know: OrgKnowledge) -> str | None:
    """The organization an item of a led list names, or None: no State, person, title, event or
    document, no lowercase opening, no sentence; words in lower case are allowed (a name in another
    language: "Union de l’action féminine")."""
    text = strip_the(" ".join(item.text.split()), know).rstrip(FOOTNOTE_MARKS + " ")
    words = text.split()
    if not words or len(words) > MAX_LED_WORDS or know.is_state(text) or know.is_place(text):
        return None
    first = words[0]
    if not (first[:1].isupper() or first[:1].isdigit() or any(ch.isupper() for ch in first[1:])):
        return None
    filters = know.filters
    if (text.lower() in filters["generic"] or first.lower().rstrip(".") in filters["honorific"]
            or text.lower().rstrip(".") in filters["legal_form"]
            or head_word(words, filters["connector"]) in filters["event"] | filters["document"]
            | filters["person_head"] | filters["state_head"]):
        return None   # (an event word last after a head noun stays: "Friends World Committee for Consultation")
    if text.endswith(".") and len(words[-1]) > 4:
        return None
    if any(w in filters["body_list_noun"] for w in words):
        return None   # "Provide support to civil society organizations and actors": a phrase about bodies
    if len(words) > 2 and words[-2] in DASHES and is_acronym(words[-1]):
        text = " ".join(words[:-2])   # "International Volunteerism Organization for Women, Education and Development – VIDES"
    return text
