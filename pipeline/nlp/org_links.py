"""Within-note linking of organization mentions: one body, one row.

A note names a body in full once ("Special Committee on Peacekeeping Operations")
and later by a short form ("the Special Committee") or by an acronym it defines
elsewhere ("C-34"). The rule components see one chunk at a time and give each
form its own norm; this pass runs over the whole note's mentions (after every
chunk) and gives a short form the norm of the one longer body of the note it
shortens. A short form two different bodies could claim stays as it is."""

from __future__ import annotations

from pipeline.nlp.orgs import COMPOSED_UNIT, OrgKnowledge, norm_key, strip_the


def _words(name: str) -> list[str]:
    return [w.strip("(),.’'").lower() for w in name.split() if w.strip("(),.’'")]


def shortens(short: str, long: str, know: OrgKnowledge) -> bool:
    """`short` names the body `long` by fewer words: its words are the leading
    words of `long` ("Special Committee" of "Special Committee on Peacekeeping
    Operations"), or the last words of `long`'s first chunk, ending with the
    same head noun ("Advisory Group" of "Scientific Advisory Group of ..."); the
    short form must end with an organization head noun."""
    s, l_ = _words(strip_the(short, know)), _words(strip_the(long, know))
    if not s or len(s) >= len(l_) or s[-1] not in know.filters["org_head"]:
        return False
    if l_[:len(s)] == s:
        return True
    connectors = know.filters["connector"]
    first = next((i for i, w in enumerate(l_) if w in connectors), len(l_))
    return first > len(s) and l_[first - len(s):first] == s


def link_org_mentions(mentions: list[dict], acronyms: dict[str, str], know: OrgKnowledge) -> None:
    """Rewrite, in place, the norm of each ORG mention that is a short form or an
    acronym of a longer body named in the same note. Gazetteer rows keep their
    own norm (they are bodies of their own: "First Committee", "Group of Experts"
    rows name one body each)."""
    orgs = [m for m in mentions if m["label"] == "ORG"]
    _unlink_early_short_forms(orgs, know)
    norms = {m["norm"] for m in orgs}
    known = {m["norm"] for m in orgs if m["source"].startswith("gazetteer:")}
    by_key = {norm_key(n): n for n in norms}
    first = _first_named(orgs)
    target: dict[str, str] = {}
    defined: set[str] = set()   # links an acronym's definition makes, wherever the definition is
    for norm in norms - known:
        # an acronym the note defines for a body named in it ("C-34")
        long_form = acronyms.get(norm)
        if long_form and norm_key(long_form) in by_key and by_key[norm_key(long_form)] != norm:
            target[norm] = by_key[norm_key(long_form)]
            defined.add(norm)
            continue
        longer = {n for n in norms if n != norm and shortens(norm, n, know)}
        if len(longer) == 1:
            target[norm] = longer.pop()
    _link_bare_class_words(orgs, know, first)
    _link_own_board(orgs, know)
    for m in orgs:
        seen = set()
        while m["norm"] in target and m["norm"] not in seen:  # a chain of short forms ends at the longest
            # a short form shortens a body the note has already named: written before the body's
            # full name ("the Constitutional Court" of one State's paragraph, "the Constitutional
            # Court of Angola" pages later) it names a body of its own
            if (m["norm"] not in defined and first[target[m["norm"]]] >= _sentence_end(m)
                    and not _owner_prefix(m["norm"], target[m["norm"]], know)):
                break
            seen.add(m["norm"])
            m["norm"] = target[m["norm"]]
            m["source"] = m["source"] if m["source"].endswith(":linked") else m["source"] + ":linked"
    _prefer_defined_acronym(orgs, acronyms)


def _unlink_early_short_forms(orgs: list[dict], know: OrgKnowledge) -> None:
    """A short form the rule components gave a longer body's norm in the same chunk ("the Police
    Academy" of "In Trinidad and Tobago, UNDP collaborated with the Police Academy", read as the
    "Korean National Police Academy" named a paragraph later) is a body of its own when the note
    writes it before it writes that body's full name: a note names a body in full, then shortens it."""
    full_at: dict[str, int] = {}
    for m in orgs:
        if norm_key(m["text"]) == norm_key(m["norm"]):
            full_at[m["norm"]] = min(full_at.get(m["norm"], m.get("start", 0)), m.get("start", 0))
    for m in orgs:
        if m["source"].startswith("gazetteer:") or m["norm"] not in full_at or full_at[m["norm"]] < _sentence_end(m):
            continue
        s, l_ = _words(strip_the(m["text"], know)), _words(strip_the(m["norm"], know))
        if not s or len(s) >= len(l_):
            continue
        if l_[:len(s)] == s or l_[-len(s):] == s and not _owner_prefix(m["text"], m["norm"], know):
            m["norm"] = strip_the(m["text"], know)


def _owner_prefix(short: str, long: str, know: OrgKnowledge) -> bool:
    """`long` is `short` after leading words that name another body (see `_names_an_owner`)."""
    s, l_ = _words(strip_the(short, know)), strip_the(long, know).split()
    return 0 < len(s) < len(l_) and _words(" ".join(l_[-len(s):])) == s and _names_an_owner(l_[:-len(s)], know)


def _names_an_owner(dropped: list[str], know: OrgKnowledge) -> bool:
    """The leading words a short form drops name the body that owns it, an acronym or a name ending
    with a head noun ("HLCM" of "HLCM Procurement Network", "Princeton University" of "Princeton
    University Program on Science and Global Security", "UN" of "UN Mandate Registry"): the short
    form is the owner's unit wherever it is written, not a body of its own."""
    words = [w.strip("(),.’'") for w in dropped]
    return any(len(w) >= 2 and w.isupper() for w in words) or bool(words) and words[-1].lower() in know.filters["org_head"]


def _sentence_end(m: dict) -> int:
    """Where the sentence of a mention ends: a body named in full in the same sentence as its short
    form ("Commander Hassan Zadma of the 128th Reinforced Brigade, ... to restructure the 128th
    Reinforced Brigade") is named with it, whichever comes first."""
    return m.get("sent_end", m.get("start", 0) + 1)


def _first_named(orgs: list[dict]) -> dict[str, int]:
    """{norm: where the note first names that body} (before any linking)."""
    first: dict[str, int] = {}
    for m in orgs:
        first[m["norm"]] = min(first.get(m["norm"], m.get("start", 0)), m.get("start", 0))
    return first


def _prefer_defined_acronym(orgs: list[dict], acronyms: dict[str, str]) -> None:
    """A body's row shows the acronym the note itself defines for it ("United Nations Development
    Coordination Office (UNDCO)") rather than the gazetteer's ("DCO"): the note's acronym is the
    one its reader meets. A defined acronym counts for the body its own mentions are linked to."""
    written: dict[str, set[str]] = {}
    for m in orgs:
        written.setdefault(m["norm"], {norm_key(m["norm"])}).add(norm_key(m["text"]))
    mine: dict[str, str] = {}
    for m in orgs:
        short = m["text"]
        if (short in acronyms and short.isupper() and m["norm"] not in mine
                and norm_key(acronyms[short]) in written[m["norm"]]
                and norm_key(short) not in {norm_key(w) for w in acronyms[short].split()}):  # "(COMMITTEE)"
            mine[m["norm"]] = short
    # an acronym the note writes for a known body instead of the gazetteer's ("UNDSS" for the
    # Department of Safety and Security, whose gazetteer acronym "DSS" the note never writes)
    shown = {m["norm"]: m.get("acronym", "") for m in reversed(orgs) if m.get("acronym")}
    caps: dict[str, set[str]] = {}
    for m in orgs:
        if _looks_like_acronym(m["text"]) and norm_key(m["text"]) not in {norm_key(w) for w in m["norm"].split()}:
            caps.setdefault(m["norm"], set()).add(m["text"])  # (not a heading's "SECRETARIAT")
    for norm, acronym in shown.items():
        if norm not in mine and norm_key(acronym) not in written[norm] and len(caps.get(norm, ())) == 1:
            mine[norm] = next(iter(caps[norm]))
    for m in orgs:
        if m["norm"] in mine and m.get("acronym") != mine[m["norm"]]:
            m["acronym"] = mine[m["norm"]]


def _looks_like_acronym(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return " " not in text and 2 <= len(text) <= 12 and len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _link_bare_class_words(orgs: list[dict], know: OrgKnowledge, first: dict[str, int]) -> None:
    """"The Secretariat" standing alone reads as the gazetteer's body of that class word (the
    United Nations Secretariat) only in a note that names no other body of the class: in a note
    on the OPCW's "Technical Secretariat" or the "UNAIDS Secretariat" it is that body's, and it
    takes the norm of the one named most often (the first on a tie). A note that names the
    gazetteer body in full ("United Nations Secretariat") keeps the bare word as that body."""
    generic = know.filters["generic"] & know.filters["org_head"]   # class words naming a kind of body
    bare = [m for m in orgs if m["source"].startswith("gazetteer:")
            and strip_the(m["text"], know).lower() in generic and len(strip_the(m["text"], know).split()) == 1]
    for word in {strip_the(m["text"], know).lower() for m in bare}:
        mine = [m for m in bare if strip_the(m["text"], know).lower() == word]
        gazetteer_norms = {m["norm"] for m in mine}
        if any(m["norm"] in gazetteer_norms and strip_the(m["text"], know).lower() != word for m in orgs):
            continue  # the note names the body in full
        counts: dict[str, int] = {}
        for m in orgs:
            words = _words(strip_the(m["norm"], know))
            if m["norm"] not in gazetteer_norms and len(words) > 1 and word in (words[0], words[-1]):
                counts[m["norm"]] = counts.get(m["norm"], 0) + 1
        if not counts:
            continue
        owner = max(counts, key=lambda n: (counts[n], -list(counts).index(n)))
        for m in mine:
            if first[owner] >= _sentence_end(m):
                continue  # written before the note names the body: the gazetteer's (see `link_org_mentions`)
            m["norm"] = owner
            m["source"] = m["source"] if m["source"].endswith(":linked") else m["source"] + ":linked"


def _link_own_board(orgs: list[dict], know: OrgKnowledge) -> None:
    """A language whose one word names two boards (French "Conseil d'administration": the Executive Board
    of UNDP, UNICEF, ... and the Governing Council of UN-Habitat, UNEP, ...) reads it as the board of the
    body the note names (org_filters.jsonl `own_board`: "body|board", the body's canonical name): a
    gazetteer mention whose norm is one of the boards takes the note's board when the note names
    bodies of one board only. A note that names none, or bodies of both, keeps the row's reading."""
    pairs = know.filters.english.get("own_board", {})
    if not pairs:
        return
    boards = {pairs[m["norm"].lower()] for m in orgs if m["norm"].lower() in pairs}
    if len(boards) != 1:
        return
    board = boards.pop()
    others = set(pairs.values()) - {board}
    for m in orgs:
        # (and a unit composed on the board's name: "Conseil d'administration d'ONU-Habitat", composed_units.composed_units)
        other = next((o for o in others if m["norm"] == o or m["source"].endswith(COMPOSED_UNIT)
                      and m["norm"].startswith(o + " of ")), None)
        if other is not None and (m["source"].startswith("gazetteer:") or m["source"].endswith(COMPOSED_UNIT)):
            m["norm"] = board + m["norm"][len(other):]
            m["source"] = m["source"] if m["source"].endswith(":linked") else m["source"] + ":linked"
