"""`unnotes_recommendations`: find the sentences and list items in which someone
proposes that an actor take a future action (ANNOTATION.md "RECOMMENDATION").

Sets `doc._.recommendations`: a list of dicts
`{start, end, text, actor, by, cue, section}` where `start`/`end` are char
offsets into `doc.text` (list marker excluded), `actor` is who is asked to act,
`by` who proposes (where named), `cue` the cue phrase and `section` the text of
the nearest preceding heading block.

The rules are hand-written (regex over sentence text, no parser) because the
pipeline runs without tagger/parser for speed and because the cues of UN notes
are a small closed set; every word list and pattern lives in the language's
`patterns/recommendation_cues.jsonl` (cues and the grammar kinds: passive,
agent, complementizer, proposer verbs ...), `patterns/recommendation_exclusions.jsonl`
and `lexicon.jsonl` (pronouns, determiners, prepositions, ...).

How a unit is judged (a unit is a body sentence, or a whole list item):
1. a cue (modal / reporting verb / need statement) makes it a candidate; an
   exclusion (objectives, stock letter request, "should be noted", question,
   "if ... could", ...) vetoes it;
2. a lead-in sentence ("Participants recommended the following:", "...
   commented as follows.") is not itself a row: the list items after it are,
   carrying its `by`/`actor`/`cue` where they have none of their own; inline
   "(a) ...; (b) ..." items after a recommending lead-in are split into rows; a
   lead-in that proposes in its own right (a modal with its own actor: "the
   Council should:") is a row as well; a list interrupted by a status line or a
   page header goes on when its lettering continues ("(j)", "Completed.", "(k)");
3. in a recommendations section, or after a recommending lead-in, a list item
   that opens with an imperative verb ("Ratify ...") or ends with the
   recommending States in parentheses ("(Brazil);") is a recommendation; its
   `by` is those States and its `actor` the State the report addresses (the
   State under review, found by the `addressee` patterns);
4. in any section, a list item led by a label (grammar kind `item_label`) whose text opens with an
   imperative ("Border security: Enhance ...") or whose label is one is a recommendation, and so is a
   labelled item worded as a noun after it in the same list ("Recognition: Recognition of ...");
5. a sentence printed twice in a note (a summary repeating the body) is one row.

The plain functions (`load_rules`, `find_cue`, `detect`, ...) work on text and
offsets and are testable without a pipeline; the component only wires them to
the Doc.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.core.datafiles import as_sources
from pipeline.core.schemas import SCHEMAS
from pipeline.core.validate import records
from pipeline.core.errors import ModelDataError
from pipeline.core.models import default_file
from pipeline.core.numbering import roman_value
from pipeline.core.validate import compile_regex
from pipeline.nlp.lexicon import load_lexicon
from pipeline.nlp.rec_context import (heading_is_item, item_with_states_colon, numbering_jumps, silenced_cues,
                                      skip_silenced, split_embedded_items)
from pipeline.nlp.word_classes import expand, lexicon_beside

DEFAULT_CUES = default_file("cues")
DEFAULT_EXCLUSIONS = default_file("exclusions")
DEFAULT_LEXICON = default_file("lexicon")
DEFAULT_STATES = default_file("states")

CUE_KINDS = ("modal", "reporting", "need")
# How actor and proposer are read around a cue (one pattern each; see the cue file's header).
GRAMMAR_KINDS = ("passive", "passive_auxiliary", "agent", "need_agent", "complementizer", "proposer_verb",
                 "actor_lead", "actor_infinitive", "lead_in_end", "state_part_end", "state_tail", "ordinal_opener",
                 "item_label", "pronoun_list", "proposal_antecedent")
RULE_KINDS = CUE_KINDS + ("lead_in", "lead_in_row", "imperative", "imperative_prefix", "imperative_veto", "rec_section",
                          "addressee", "opener", "np_stop") + GRAMMAR_KINDS
NEVER = re.compile(r"(?!)")
# How far before a trigger word a cue may start ("it is essential", "there is a need").
TRIGGER_LOOKBACK = 60
EXCLUSION_KINDS = ("sentence", "section", "carried")

# Longest actor/by phrase we accept, in words: longer runs are clauses, not names.
MAX_ACTOR_WORDS = 12
# How far into the text we look for the State a report addresses.
ADDRESSEE_WINDOW = 20_000

# A list marker at the start of a unit: "-", "•", "➢", "(a)", "a)", "(iv)", "3.", "1-", "86.1", "86.1."
MARKER_RE = re.compile(
    r"^\s*(?:[-•●▪◦·*–—➢►▶■□◆❖✓]|\((?:[a-zA-Z]|[ivxlcIVXLC]{1,5}|\d{1,3})\)|(?:[a-zA-Z]|[ivxIVX]{1,5})\)"
    r"|\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}[.)]|\d{1,2}-)\s+"
)
# Inline item markers "(a)", "(ii)", "(3)" where a list may start: after the
# start, a colon, semicolon or comma, optionally followed by "and"/"or".
INLINE_MARKER_RE = re.compile(r"(?:^|(?<=[:;,])|(?<=\band)|(?<=\bor))\s*\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s+")
# A State closing an earlier part of a UPR item: "(Hungary); ratify ...", "(Canada 4); Establish ...",
# "(Iraq) as well as ...", "(Chile) and ...", "(Malaysia), and undertake ...", "(Germany)/accede to ...",
# "Issue (Brazil, France) and implement (Czech Republic) a standing invitation", "(France) (Iraq) (Poland) and
# proceed ...": the names are checked
# against the State gazetteer, so an acronym or a name's own parenthesis is no proposer. A language's cue file may
# give its own (grammar kind `state_part_end`, group 1 the name).
MID_STATE_RE = re.compile(r"\(([A-Z][^()\d]{1,80}?(?:\([^()]{1,30}\))?)(?:\s+\d{1,2})?\)"
                          r"(?:\s*[;,/]\s*(?:and\s+)?|\s+as\s+well\s+as\s+|\s+and\s+|\s+(?=[a-z(]))(?=[A-Za-z(])")
INLINE_QUICK_RE = re.compile(r"\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)")
WORD_RE = re.compile(r"\(|\)|[,;:]|[^\s,;:()]+")


@dataclass(frozen=True)
class Cue:
    id: str
    kind: str
    label: str
    regex: re.Pattern
    proposer_before: bool = False  # a need cue: the phrase right before it is the proposer


@dataclass(frozen=True)
class Words:
    """The lexicon's lists the detector reads (lower-case)."""
    pronouns: frozenset[str]        # stand for the previous sentence's subject ("It recommended")
    connectors: frozenset[str]      # lower-case words inside an actor phrase ("Government of Peru")
    determiners: frozenset[str]     # may open an actor phrase ("all relevant actors")
    prepositions: frozenset[str]    # a phrase opening with one is an adverbial ("Among the ideas")
    not_actor_heads: frozenset[str]  # a phrase ending with one is a thing said ("These recommendations")
    expletives: frozenset[str] = frozenset()           # a subject naming nobody ("It was recommended")
    not_proposers: frozenset[str] = frozenset()        # a lead-in subject that is no proposer ("the following")
    not_proposer_starts: frozenset[str] = frozenset()  # ... nor one starting so ("Among the ...")
    name_adjectives: frozenset[str] = frozenset()      # go on a capitalised title ("le Secrétaire général")


@dataclass
class Rules:
    """The compiled contents of the cue and exclusion files."""

    cues: list[Cue]                           # modal/reporting/need cues, in file order
    trigger_re: re.Pattern | None             # alternation of all trigger words
    by_trigger: dict[str, list[int]]          # trigger word -> indexes into `cues`
    untriggered: list[int]                    # cues without triggers: always tried
    lead_in: list[Cue]
    lead_in_row: list[re.Pattern]             # lead-ins that are themselves proposals (kept as rows)
    imperative_re: re.Pattern | None          # anchored at the start of a unit
    imperative_lower_re: re.Pattern | None    # the same verbs lower case, after an ordinal ("First, strengthen")
    imperative_words: set[str]                # lower-case first words, they end an actor phrase
    rec_section: list[re.Pattern]
    addressee: list[re.Pattern]
    openers: list[re.Pattern]
    np_stop: re.Pattern | None
    exclusions: list[tuple[str, str, re.Pattern, frozenset]] = field(default_factory=list)
    grammar: dict[str, re.Pattern] = field(default_factory=dict)  # GRAMMAR_KINDS -> regex
    words: Words | None = None
    is_state: object = None          # text -> ISO3 or None (the State gazetteer of the config)

    def g(self, kind: str) -> re.Pattern:
        """The grammar regex of `kind`, or one that never matches."""
        return self.grammar.get(kind, NEVER)


# -- loading ------------------------------------------------------------------
def _compile(path: Path, lineno: int, pattern: str, lexicon=None) -> re.Pattern:
    where = f"{path} line {lineno}"
    return compile_regex(expand(pattern, lexicon, where) if lexicon is not None else pattern, where, "pattern")


def load_rules(cues=None, exclusions=None, lexicon=None, states=None) -> Rules:
    """Read and check the cue lexicon, the exclusions and the lexicon's lists
    (each a path or a config's list of files: shipped, then overlay); errors
    name file and line. `states`: the State gazetteer trailing States are checked against."""
    from pipeline.nlp.states import state_lookup

    # the word classes (`<@name>`) of the patterns: the given lexicon, else the one of the cue file's language
    lex = load_lexicon(lexicon or lexicon_beside(cues) or DEFAULT_LEXICON)
    by_kind: dict[str, list[Cue]] = {k: [] for k in RULE_KINDS}
    triggers: dict[int, list[str]] = {}
    cue_lines = [(s.path, lineno, obj) for s in as_sources(cues or DEFAULT_CUES)
                 for lineno, obj in records(s.path, SCHEMAS["patterns/recommendation_cues.jsonl"])]
    for cues_path, lineno, obj in cue_lines:
        kind = obj["kind"]
        if kind not in RULE_KINDS:
            raise ModelDataError(f"{cues_path} line {lineno}: expected 'kind' one of {list(RULE_KINDS)}, got {kind!r}")
        label = obj.get("label", obj["id"])
        if not isinstance(label, str):
            raise ModelDataError(f"{cues_path} line {lineno}: expected a string for 'label', got {label!r}")
        regex = _compile(cues_path, lineno, obj["pattern"], lex)
        trigger = obj.get("trigger")
        if trigger is not None and (not isinstance(trigger, list) or not trigger
                                    or not all(isinstance(t, str) and t for t in trigger)):
            raise ModelDataError(f"{cues_path} line {lineno}: expected a list of strings for 'trigger', got {trigger!r}")
        if kind in CUE_KINDS and trigger:
            triggers[id(regex)] = [t.lower() for t in trigger]
        if kind == "addressee" and "name" not in regex.groupindex:
            raise ModelDataError(f"{cues_path} line {lineno}: expected a group (?P<name>...) in an addressee "
                                 f"pattern, got {obj['pattern']!r}")
        by_kind[kind].append(Cue(obj["id"], kind, label, regex, bool(obj.get("proposer_before", False))))

    cues = [c for k in CUE_KINDS for c in by_kind[k]]
    by_trigger: dict[str, list[int]] = {}
    untriggered = []
    for i, cue in enumerate(cues):
        words = triggers.get(id(cue.regex))
        if not words:
            untriggered.append(i)
        for w in words or []:
            by_trigger.setdefault(w, []).append(i)
    # Python's re tries every alternative at every position, so one big
    # alternation of cue patterns is slow; a plain alternation of literal trigger
    # words is scanned fast, and only the cues a trigger names are then tried.
    trigger_re = (re.compile("|".join(re.escape(t) for t in sorted(by_trigger, key=len, reverse=True)))
                  if by_trigger else None)
    imps = by_kind["imperative"]
    prefixes = "|".join(c.regex.pattern for c in by_kind["imperative_prefix"])
    # what may not follow the verb: "Follow up is reported ..." opens with a noun, not an imperative
    vetoes = "|".join(c.regex.pattern for c in by_kind["imperative_veto"])
    verbs = "|".join(c.regex.pattern for c in imps)
    # after an adverb the verb is lower case ("Urgently strengthen", "Actively pursue")
    lowered = "|".join(_lower_first(c.regex.pattern) for c in imps)
    imperative_re = re.compile("^(?:(?:" + verbs + ")" + ("|(?:" + prefixes + r")\s+(?:" + verbs + "|" + lowered + ")"
                                                         if prefixes else "") + r")\b"
                               + (f"(?!{vetoes})" if vetoes else "")) if imps else None
    # after an ordinal opener ("Second, establish ...") the verb is lower case; an adverb may precede it
    # (the adverb first: "further implement" is an adverb and its verb, not the verb "further")
    imperative_lower_re = (re.compile("^(?:" + (r"(?:" + _lower_first(prefixes) + r")\s+(?:" + lowered + r")\b|"
                                                 if prefixes else "") + "(?:" + lowered + r")\b)"
                                      + (f"(?!{vetoes})" if vetoes else "")) if imps else None)
    imperative_words = {c.label.split()[0].lower() for c in imps if c.label}
    stops = by_kind["np_stop"]
    np_stop = re.compile("(?:" + "|".join(c.regex.pattern for c in stops) + ")", re.I) if stops else None

    exclusion_files = exclusions or DEFAULT_EXCLUSIONS
    exclusions = []
    exclusion_lines = [(s.path, lineno, obj) for s in as_sources(exclusion_files)
                       for lineno, obj in records(s.path, SCHEMAS["patterns/recommendation_exclusions.jsonl"])]
    for exclusions_path, lineno, obj in exclusion_lines:
        if obj["kind"] not in EXCLUSION_KINDS:
            raise ModelDataError(f"{exclusions_path} line {lineno}: expected 'kind' one of "
                                 f"{list(EXCLUSION_KINDS)}, got {obj['kind']!r}")
        only = obj.get("cues", [])
        if not isinstance(only, list) or not all(isinstance(c, str) for c in only):
            raise ModelDataError(f"{exclusions_path} line {lineno}: expected a list of cue labels for 'cues', "
                                 f"got {only!r}")
        exclusions.append((obj["id"], obj["kind"], _compile(exclusions_path, lineno, obj["pattern"], lex),
                           frozenset(only)))
    return Rules(cues=cues, trigger_re=trigger_re, by_trigger=by_trigger, untriggered=untriggered, lead_in=by_kind["lead_in"],
                 lead_in_row=[c.regex for c in by_kind["lead_in_row"]], imperative_re=imperative_re,
                 imperative_lower_re=imperative_lower_re,
                 imperative_words=imperative_words,
                 rec_section=[c.regex for c in by_kind["rec_section"]],
                 addressee=[c.regex for c in by_kind["addressee"]],
                 openers=[c.regex for c in by_kind["opener"]], np_stop=np_stop, exclusions=exclusions,
                 grammar=_grammar(by_kind), words=_words(lexicon or DEFAULT_LEXICON),
                 is_state=state_lookup(states or DEFAULT_STATES))


def _lower_first(pattern: str) -> str:
    """An imperative's pattern as it reads after an adverb: its first letter lower case ("Step\\s+up" -> "step\\s+up")."""
    return pattern[:1].lower() + pattern[1:] if pattern[:1].isupper() else pattern


def _grammar(by_kind: dict[str, list[Cue]]) -> dict[str, re.Pattern]:
    out = {kind: by_kind[kind][-1].regex for kind in GRAMMAR_KINDS if by_kind[kind]}
    if "complementizer" in out:  # "that": opening a clause, and closing a cue ("it is essential that")
        word = out["complementizer"].pattern
        out["complementizer_clause"] = re.compile(rf"\b(?:{word})\s+")
        out["complementizer_end"] = re.compile(rf"(?:{word})$")
    return out


def _words(lexicon) -> Words:
    lex = load_lexicon(lexicon)
    return Words(lex["pronouns"], lex["actor_connectors"], lex["actor_determiners"],
                 lex["adverbial_prepositions"], lex["not_actor_heads"], lex.get("expletive_pronouns"),
                 lex.get("not_proposers"), lex.get("not_proposer_starts"), lex.get("name_adjectives"))


# -- plain functions over text ------------------------------------------------
def clean(text: str) -> str:
    """Whitespace collapsed, leading list marker and trailing ';'/'and' removed."""
    text = re.sub(r"\s+", " ", text).strip()
    text = MARKER_RE.sub("", text, count=1)
    text = re.sub(r"(?:\s*;\s*(?:and|or)?|,\s*(?:and|or)|\s+and)\s*$", "", text)
    return text.strip()


def strip_marker(text: str) -> int:
    """Length of the list marker (and its spaces) at the start of `text`, 0 if none."""
    m = MARKER_RE.match(text)
    return m.end() if m else 0


def trigger_hits(text: str, rules: Rules) -> list[tuple[int, str]]:
    """Every (offset, trigger word) in `text`, sorted; str.find per word is much
    faster than a regex scan (Python's re tries each alternative at each position)."""
    low = text.lower()
    hits = []
    for word in rules.by_trigger:
        p = low.find(word)
        while p >= 0:
            hits.append((p, word))
            p = low.find(word, p + 1)
    hits.sort()
    return hits


def find_cue(text: str, rules: Rules, hits: list[tuple[int, str]] | None = None) -> tuple[Cue, int, int] | None:
    """The first cue in `text`: (cue, start, end). `hits`: its trigger words, when known."""
    first_hit: dict[int, int] = {i: 0 for i in rules.untriggered}
    for p, word in (trigger_hits(text, rules) if hits is None else hits):
        for i in rules.by_trigger[word]:
            if i not in first_hit:
                first_hit[i] = max(0, p - TRIGGER_LOOKBACK)
    best = None
    for i in sorted(first_hit):
        m = rules.cues[i].regex.search(text, first_hit[i])
        if m and (best is None or m.start() < best[1]):
            best = (rules.cues[i], m.start(), m.end())
    return best


def excluded(text: str, cue_label: str, rules: Rules, kinds: Iterable[str] = ("sentence",)) -> str | None:
    """The id of the first exclusion of `kinds` that vetoes `text` (given its cue label), else None."""
    for xid, kind, regex, only in rules.exclusions:
        if kind in kinds and (not only or cue_label in only) and regex.search(text):
            return xid
    return None


# A paragraph or heading number ("102.", "II", "3)") is never who acts or proposes.
NUMBERING_RE = re.compile(r"[\(\[]?(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}|[ivxlc]{1,6}|[A-Za-z])[.)\]]?")


def not_a_number(phrase: str) -> str:
    """`phrase` stripped, or "" when it is only a paragraph or heading number."""
    phrase = phrase.strip()
    return "" if NUMBERING_RE.fullmatch(phrase) else phrase


def first_allowed_cue(text: str, found: tuple[Cue, int, int],
                      rules: Rules) -> tuple[tuple[Cue, int, int] | None, bool]:
    """(the first cue of `text` from `found` on that no exclusion vetoes, whether the
    whole unit is vetoed). An exclusion limited to some cues vetoes only those
    ("which might require" is descriptive; a later "should" still proposes, and an
    imperative UPR item "Take measures ... that could lead to ..." is still one);
    any other exclusion vetoes the whole unit."""
    cue, cs, ce = found
    while True:
        xid = excluded(text, cue.label, rules)
        if xid is None:
            return (cue, cs, ce), False
        if not any(x == xid and only for x, _, _, only in rules.exclusions):
            return None, True
        nxt = find_cue(text[ce:], rules)
        if nxt is None:
            return None, False
        cue, cs, ce = nxt[0], ce + nxt[1], ce + nxt[2]


def cue_label(text: str, cue: Cue, cs: int, ce: int) -> str:
    """The cue as reported: its label when the label's words occur in `text`, else
    the words the cue matched ("were encouraged to", not the label "invited to")."""
    if re.search(r"\b" + re.escape(cue.label).replace(r"\ ", r"\s+") + r"\b", text, re.I):
        return cue.label
    words = re.sub(r"\s+", " ", text[cs:ce]).strip(" ,;:")
    if words[1:2].islower():   # "It is crucial that" -> "it is crucial that"; "UN calls" stays
        words = words[0].lower() + words[1:]
    return words or cue.label


def is_lead_in(text: str, rules: Rules) -> Cue | None:
    for cue in rules.lead_in:
        if cue.regex.search(text):
            return cue
    return None


def skip_openers(text: str, rules: Rules) -> str:
    """`text` without leading adverbials ("In addition, ", "While noting X, ")."""
    for _ in range(3):
        for regex in rules.openers:
            m = regex.match(text)
            if m and m.end():
                text = text[m.end():]
                break
        else:
            break
    return text


def noun_phrase(text: str, rules: Rules) -> tuple[str, int]:
    """The actor-like phrase that opens `text` ("The 1540 Committee", "Member
    States", "the Government of Peru") and the offset where it ends; ("", 0)
    when `text` does not open with one or it runs on like a clause."""
    lex = rules.words
    connectors, determiners = lex.connectors, lex.determiners
    words: list[tuple[str, int]] = []  # (word, end offset)
    skip_to = 0
    for m in WORD_RE.finditer(text):
        w = m.group()
        low = w.lower()
        if m.start() < skip_to:
            continue
        if w in (",", ";", ":", ")"):
            break
        if w == "(":
            # "Iran (Islamic Republic of)": keep a parenthesis that continues a name
            close = text.find(")", m.end())
            inner = text[m.end():close] if close > 0 else ""
            if words and inner[:1].isupper() and close - m.end() < 40:
                words.append((text[m.start():close + 1], close + 1))
                skip_to = close + 1
                continue
            break
        if rules.np_stop and rules.np_stop.fullmatch(low):
            break
        if low in rules.imperative_words and w.islower() and words:
            break
        if w[0].islower() and low not in connectors and low not in determiners:
            prev = words[-1][0] if words else ""
            # "Slovenia adopt": a lower-case word right after a name is its verb
            named = prev[:1].isupper() and prev.lower() not in determiners or prev.lower() in lex.name_adjectives
            if named and low not in lex.name_adjectives:
                break
            if low.endswith("ed") and len(low) > 4:
                break
        words.append((w, m.end()))
        if len(words) > MAX_ACTOR_WORDS:
            return "", 0
    while words and words[-1][0].lower() in connectors | determiners:
        words.pop()
    if not words or words[0][0].lower() in lex.prepositions:
        return "", 0
    if words[0][0] in connectors and words[0][0] not in determiners:
        return "", 0   # "and taking this opportunity": a phrase never opens with "and" / "of"
    names = [w for w, _ in words]
    if names[-1].lower() in lex.not_actor_heads or (names[0].isdigit() and len(names[0]) <= 2 and len(names) > 1):
        return "", 0  # "1 These recommendations": a footnote mark and a thing said
    if not any(w[:1].isupper() or w[:1].isdigit() for w in names) and names[0].lower() not in determiners \
            and not re.search(r"(?:s|ity|ion|ship)$", names[-1].lower()):
        return "", 0
    return " ".join(names), words[-1][1]


def subject(text: str, rules: Rules) -> str:
    """The subject phrase that opens a sentence, after list marker and openers."""
    text = text[strip_marker(text):]
    phrase, _ = noun_phrase(skip_openers(text, rules), rules)
    return phrase


def actor_after(rest: str, rules: Rules) -> str:
    """Who a reporting verb addresses: "that Slovenia ratify" -> "Slovenia",
    "Member States to adopt" -> "Member States"; "" for "the establishment of"."""
    m = rules.g("actor_lead").match(rest)
    had_that = bool(m and rules.g("complementizer").fullmatch(m.group().strip()))
    rest = rest[m.end():] if m else rest
    phrase, end = noun_phrase(rest, rules)
    if not phrase:
        return ""
    after = rest[end:]
    if had_that or rules.g("actor_infinitive").match(after):
        return phrase
    return ""


def trailing_states(text: str, is_state=None, part_end: re.Pattern | None = None) -> list[str]:
    """The names in parentheses that close a UPR item: "... (Algeria) (Cabo
    Verde);" -> ["Algeria", "Cabo Verde"]. Acronyms and numbers are not names.
    `part_end`: how a State closes an earlier part of the item (default `MID_STATE_RE`)."""
    names = []
    t = text.rstrip(" \t\n;.,:")  # "... and health (Chile):" (an item the layout ends with a colon)
    if t.endswith((" and", " or")):
        t = t.rsplit(" ", 1)[0].rstrip(" ;.,")
    while t.endswith(")"):
        depth = 0
        for i in range(len(t) - 1, -1, -1):
            if t[i] == ")":
                depth += 1
            elif t[i] == "(":
                depth -= 1
                if depth == 0:
                    break
        else:
            break
        inner = t[i + 1:-1].strip()
        if (not inner[:1].isupper() or re.search(r"\d", inner) or len(inner.split()) > 8
                or re.fullmatch(r"[A-Z0-9/&.\-]{2,12}", inner)):
            break
        names.append(inner)
        t = t[:i].rstrip(" ,;")
    names.reverse()
    if names or "(" in t:
        # "... (Hungary); ratify the other ... (Chile)": States that close earlier parts of the item
        if is_state is None:
            from pipeline.nlp.states import lookup_state as is_state

        earlier = [n for n in (part_end or MID_STATE_RE).findall(t)
                   if not re.search(r"\d", n) and _all_states(n, is_state)]
        names = list(dict.fromkeys(earlier + names))
    return names


def _state_tail(body: str, rules: Rules) -> list[str]:
    """The recommending States that close a sentence outside a list: the second part of a UPR item cut from its
    first by a page break ("Consider extending" | "25" | "an open invitation ... (Iraq); Step up ... (Latvia);").
    Only for a language whose cue file has a `state_tail` pattern (how such a sentence ends); outside a list
    every name must be in the State gazetteer."""
    if "state_tail" not in rules.grammar or not rules.g("state_tail").search(body):
        return []
    names = trailing_states(body, rules.is_state, rules.grammar.get("state_part_end"))
    return names if names and all(rules.is_state(n) for n in names) else []


def _all_states(inner: str, is_state) -> bool:
    """Whether a parenthesis holds only State names ("Brazil, France and Chile"; "Bolivia
    (Plurinational State of)"), never an acronym."""
    if re.fullmatch(r"[A-Z0-9/&.\-]{2,12}", inner) or is_state(inner):
        return bool(is_state(inner))
    parts = [p.strip() for p in re.split(r",|\band\b", inner) if p.strip()]
    return len(parts) > 1 and all(is_state(p) for p in parts)


def find_addressee(text: str, rules: Rules) -> str:
    """The State a report's imperative items address (the State under review)."""
    head = text[:ADDRESSEE_WINDOW]
    for regex in rules.addressee:
        m = regex.search(head)
        if m:
            name = re.sub(r"\s+", " ", m.group("name")).strip(" *")
            if name and len(name.split()) <= 8:
                return re.sub(r"^the\s+", "", name)
    return ""


def inline_items(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of "(a) ...; (b) ..." items in `text`; [] unless at least two."""
    if len(INLINE_QUICK_RE.findall(text)) < 2:  # cheap test first: most sentences have no markers
        return []
    marks = list(INLINE_MARKER_RE.finditer(text))
    if len(marks) < 2:
        return []
    out = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        seg = text[m.end():end]
        trimmed = re.sub(r"(?:[;,]?\s*(?:and|or))?[\s;,.]*$", "", seg)
        if trimmed:
            out.append((m.end(), m.end() + len(trimmed)))
    return out


# -- the detector -------------------------------------------------------------
class _Antecedent:
    """What "It"/"They" stands for: the subject of the nearest earlier sentence
    of the block that has a non-pronoun subject ("Turkey ... . It encouraged").
    Computed only when a pronoun needs it."""

    def __init__(self, text: str, earlier: list[tuple[int, int]], rules: Rules):
        self.text, self.earlier, self.rules = text, earlier, rules

    def __str__(self) -> str:
        for s, e in reversed(self.earlier):
            subj = subject(self.text[s:e], self.rules)
            if subj and subj.lower() not in self.rules.words.pronouns:
                return subj
        return ""


@dataclass
class _Lead:
    """What a lead-in line hands to the list items after it."""
    recommending: bool
    by: str = ""
    actor: str = ""
    cue: str = ""
    marker: str = ""      # the marker style of its first item: a later item of another style ends the list
    last: str = ""        # the marker of its latest item ("(j)")


def _who(text: str, cue: Cue, cs: int, ce: int, rules: Rules, block_subject: "_Antecedent | str") -> tuple[str, str]:
    """(actor, by) of a sentence given its cue at text[cs:ce]."""
    before, after = text[:cs], text[ce:]
    actor = by = ""

    def resolve(phrase: str) -> str:
        return str(block_subject) if phrase.lower() in rules.words.pronouns else phrase

    if cue.kind == "reporting":
        prefix = skip_openers(before[strip_marker(before):], rules)
        phrase, end = noun_phrase(prefix, rules)
        passive = rules.g("passive_auxiliary").match(prefix[end:])
        expletive = phrase.lower() in rules.words.expletives
        if phrase and not (passive and expletive):
            by = resolve(phrase)
        actor = actor_after(after, rules)
        if passive and not actor:
            # "Participants were encouraged to ..." / "States are requested to": the subject acts
            actor = "" if expletive else by
            by = ""
        return actor, by
    if cue.kind == "modal":
        clause = before
        m = list(rules.g("complementizer_clause").finditer(before))
        if m:
            head = before[:m[-1].start()]
            clause = before[m[-1].end():]
            by = resolve(subject(head, rules))
        if rules.g("passive").match(after):
            bym = rules.g("agent").search(after)
            actor = noun_phrase(bym.group(1), rules)[0] if bym else ""
        else:
            actor = resolve(subject(clause, rules))
        return actor, by
    # need statements
    if rules.g("complementizer_end").search(text[cs:ce]):  # "it is essential that Governments allocate ..."
        actor = subject(after, rules)
    else:
        bym = rules.g("need_agent").search(after)
        if bym:
            actor = noun_phrase(bym.group(1), rules)[0]
    prefix = skip_openers(before[strip_marker(before):], rules)
    phrase, end = noun_phrase(prefix, rules)
    if phrase and not prefix[end:].strip() and cue.proposer_before:
        by = resolve(phrase)
    elif phrase and rules.g("proposer_verb").match(prefix[end:]):
        by = resolve(phrase)
    return actor, by


def detect(text: str, blocks: list[tuple] | None, sentences: list[tuple[int, int]] | None,
           rules: Rules) -> list[dict]:
    """Recommendations in `text`, given its blocks ((kind, start, end, page)) and
    sentence offsets ((start, end)); both optional (blank-line blocks, whole
    blocks as sentences)."""
    if not blocks:
        blocks = blocks_from_text(text)
    sent_starts = [s for s, _ in sentences] if sentences else []
    addressee = find_addressee(text, rules)
    hits = trigger_hits(text, rules)
    hit_pos = [p for p, _ in hits]
    out: list[dict] = []
    section = ""
    section_is_rec = section_vetoed = False
    silenced: frozenset[str] = frozenset()
    lead: _Lead | None = None
    previous = ""  # the unit before, read for what a pronoun lead-in points back to ("priorities for action")

    seen: set[str] = set()

    def emit(s: int, e: int, cue: str, actor: str, by: str) -> None:
        s += strip_marker(text[s:e])
        while e > s and text[e - 1] in " \n\t":
            e -= 1
        said = clean(text[s:e])
        # a bare list marker ("(a)" on a line of its own) says nothing; a sentence printed twice (a summary
        # repeating the body, "In order to combat land degradation, ... are required.") is one proposal, once
        key = re.sub(r"\W+", " ", said.lower()).strip()
        if not key or key in seen:
            return
        seen.add(key)
        out.append({"start": s, "end": e, "text": said, "actor": not_a_number(actor),
                    "by": not_a_number(by), "cue": cue, "section": section})

    # a list interrupted by a line that is not an item ("(j) ...", "Completed in 2023.", "(k) ...") or by
    # page furniture read as a heading: the lead, and the section, resume when its lettering continues
    interrupted: tuple | None = None
    label_run = ""  # the marker style of a run of labelled proposals ("• Border security: Enhance ...")
    for block in _joined_items(text, blocks):
        kind, bs, be = block[0], block[1], block[2]
        btext = text[bs:be]
        if kind == "heading" and (lead is not None and _continues_list(lead, btext) or heading_is_item(btext, rules)):
            kind = "list_item"  # "(b) ...;" | "(c) Expand the scope ...;" read as a heading: the list goes on
        if kind == "heading":
            if lead is not None and lead.last:
                interrupted = (lead, section, section_is_rec, section_vetoed)
            section = re.sub(r"\s+", " ", btext).strip()
            section_is_rec = any(r.search(section) for r in rules.rec_section)
            section_vetoed = excluded(section, "", rules, kinds=("section",)) is not None
            silenced = silenced_cues(section, rules)
            lead = None
            previous = ""
            continue
        if kind in ("table_row", "footnote"):
            continue
        item_like = kind == "list_item" or bool(MARKER_RE.match(btext))
        if not item_like:
            label_run = ""
            if lead is not None and lead.last:
                interrupted = (lead, section, section_is_rec, section_vetoed)
            lead = None
        else:
            if lead is None and interrupted is not None and follows(interrupted[0].last, btext):
                lead, section, section_is_rec, section_vetoed = interrupted
                silenced = silenced_cues(section, rules)
            interrupted = None
        if item_like and lead is not None:
            # "(a) ...; (b) ...; 9. Participants thanked ...": a paragraph number after lettered items
            # resumes the text around the list, so the lead-in no longer carries
            style = marker_style(btext)
            if not lead.marker:
                lead.marker = style
            elif style != lead.marker or numbering_jumps(lead.last, btext):
                lead = None
            if lead is not None:
                lead.last = MARKER_RE.match(btext).group().strip() if MARKER_RE.match(btext) else ""
        if section_vetoed:
            continue
        # sentence spans inside this block
        if sent_starts:
            i = max(0, bisect.bisect_right(sent_starts, bs) - 1)  # the sentence that holds the block start
            if sentences[i][1] <= bs:
                i += 1
            spans = []
            while i < len(sentences) and sentences[i][0] < be:
                spans.append((max(sentences[i][0], bs), min(sentences[i][1], be)))
                i += 1
            spans = spans or [(bs, be)]
        else:
            spans = [(bs, be)]
        item_body = btext[strip_marker(btext):]
        lab_m = rules.g("item_label").match(item_body) if item_like else None
        labelled = bool(lab_m)
        # a run of labelled items opened by a labelled proposal ("Border security: Enhance ..."): a labelled item
        # of the same marker after it is one too, worded as a noun ("Recognition: Recognition of the State ...")
        style = marker_style(btext) if labelled else ""
        in_run = bool(style) and style == label_run
        if lab_m and rules.imperative_re and (in_run or rules.imperative_re.match(item_body[lab_m.end():])):
            # a labelled proposal ("Social protection: Strengthen ... . Recovery efforts should focus on ...") is one
            # item, its later sentences included; under a label that is itself an imperative ("Investigate and
            # prosecute organ trafficking crimes: Haitian judicial authorities must ...") each proposing sentence
            # stays a row
            units = [(bs, be, None)]
        elif item_like and (len(spans) <= 2 or lead is not None or section_is_rec or labelled):
            units = _item_units(text, spans, bs, be, rules, hits, hit_pos)
        else:
            units = [(us, ue, None) for us, ue in spans]
        if item_like:
            units = split_embedded_items(text, units)  # "... (Brazil); 63.16. Consider ...": two items
        label_run = ""
        for n, (us, ue, found) in enumerate(units):
            utext = text[us:ue]
            block_subject = _Antecedent(text, [(s, e) for s, e, _ in units[:n]], rules)
            if found is None:
                found = _cue_of(text, us, ue, rules, hits, hit_pos)
            listed = None if found else _listed_proposals(utext, previous, rules)
            found = found or listed or False
            if _unit(text, us, ue, utext, item_like, rules, section_is_rec, addressee, block_subject,
                     lead, emit, found, in_run and n == 0, listed, silenced) and n == 0 and style:
                label_run = style
            # a lead-in line opens a list: remember what it carries
            new_lead = _lead_of(utext, rules, block_subject, listed)
            if new_lead is not None:
                lead = new_lead
            previous = utext
    return out


def _listed_proposals(utext: str, previous: str, rules: Rules) -> tuple[Cue, int, int] | None:
    """A sentence whose pronoun lists what the sentence before it named as proposals ("... highlighted priorities
    for action. They included: bridging ...; challenging ...", "... have put forward concrete operational guidance
    on how states can ... . This includes:"): its cue (grammar kinds `pronoun_list`, `proposal_antecedent`)."""
    if not previous or "pronoun_list" not in rules.grammar or "proposal_antecedent" not in rules.grammar:
        return None
    off = strip_marker(utext)
    m = rules.g("pronoun_list").match(utext[off:].rstrip())
    if not m or not rules.g("proposal_antecedent").search(previous):
        return None
    return Cue("pronoun-list", "need", "recommended", rules.g("pronoun_list")), m.start(), m.end()


def _continues_list(lead: "_Lead", btext: str) -> bool:
    """Whether a block read as a heading is the next item of the list a lead-in opened: its marker is the
    letter after the latest one ("(b)" -> "(c)"), or the list's bullet ("-" after "-")."""
    if not MARKER_RE.match(btext):
        return False
    return follows(lead.last, btext) or (lead.marker == "-" and marker_style(btext) == "-")


# How a list item whose line was cut ends, and how the cut-off rest of it ends: an item with no closing
# punctuation, then a line that closes as list items do ("- Systematically incorporate the protection of water
# into the UN Security" | "Council’s consideration of the items on its agenda;")
OPEN_END_RE = re.compile(r"[^.;:!?)\]”\"]\s*$")
ITEM_REST_RE = re.compile(r";(?:\s*(?:and|or))?\s*$")


def _joined_items(text: str, blocks: list[tuple]) -> list[tuple]:
    """`blocks` with a list item's cut-off rest joined to it: an item (or a heading that opens with a list marker)
    that ends with no punctuation, followed on the same page by a body block that ends as an item does (";"),
    is one item."""
    out: list[tuple] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if (nxt is not None and b[0] in ("list_item", "heading") and nxt[0] == "body"
                and (len(b) < 4 or len(nxt) < 4 or b[3] == nxt[3])
                and MARKER_RE.match(text[b[1]:b[2]]) and OPEN_END_RE.search(text[b[1]:b[2]])
                and ITEM_REST_RE.search(text[nxt[1]:nxt[2]]) and len(text[nxt[1]:nxt[2]]) < 400):
            out.append(("list_item", b[1], nxt[2]) + tuple(b[3:]))
            i += 2
            continue
        out.append(tuple(b))
        i += 1
    return out


def _cue_of(text: str, us: int, ue: int, rules: Rules, hits: list[tuple[int, str]],
            hit_pos: list[int]) -> tuple[Cue, int, int] | bool:
    """The first cue of the unit text[us:ue] after its list marker (offsets from the marker's end), or False;
    read from the document's trigger hits, so no word is searched for twice."""
    off = us + strip_marker(text[us:ue])
    unit_hits = [(p - off, w) for p, w in hits[bisect.bisect_left(hit_pos, off):bisect.bisect_left(hit_pos, ue)]]
    return find_cue(text[off:ue], rules, unit_hits) or False


def _item_units(text: str, spans: list[tuple[int, int]], bs: int, be: int, rules: Rules,
                hits: list[tuple[int, str]], hit_pos: list[int]) -> list[tuple[int, int, object]]:
    """A list item is one unit, except that a later sentence of it with a cue of its own
    starts a unit of its own ("Establish a regulatory framework: the authorities should
    consider ... . A legal framework for drones should be developed."); a sentence
    without one stays with the sentence before it. Each unit comes with its first cue
    where it is already known (the cue of the sentence that opens it), else None."""
    starts: list[tuple[int, object]] = [(bs, None)]
    for ss, se in spans[1:]:
        sentence = text[ss:se]
        found = _cue_of(text, ss, se, rules, hits, hit_pos)
        if found and len(sentence.split()) >= 6 and first_allowed_cue(sentence[strip_marker(sentence):], found,
                                                                      rules)[0] is not None:
            starts.append((ss, found))
    ends = [s for s, _ in starts[1:]] + [be]
    return [(s, e, found) for (s, found), e in zip(starts, ends)]


def _lead_of(utext: str, rules: Rules, block_subject: "_Antecedent | str",
             listed: tuple[Cue, int, int] | None = None) -> _Lead | None:
    """The lead a unit sets for the list items after it (None when it is no lead-in). `listed`: the cue of a
    pronoun listing proposals the sentence before named ("This includes:"), when the unit has no cue of its own."""
    body = utext.rstrip()
    if not (body.endswith(":") or rules.g("lead_in_end").search(body[-20:])) or item_with_states_colon(body, rules):
        return None
    if inline_items(body):
        return None
    lead_cue = is_lead_in(body, rules)
    found = find_cue(body, rules) or listed
    if found and excluded(body, found[0].label, rules):
        found = None  # a vetoed cue ("The steps that were needed included:") proposes nothing to the items
    if lead_cue or found:
        label = found[0].label if found else lead_cue.label
        by = subject(body, rules)
        actor = ""
        if found:
            actor, by2 = _who(body, found[0], found[1], found[2], rules, block_subject)
            by = by2 or by
        elif "actor" in lead_cue.regex.groupindex:
            # "The Assembly is requested:": the subject is asked to act; no one is named as proposing
            actor, by = re.sub(r"\s+", " ", lead_cue.regex.search(body).group("actor")), ""
        if by.lower() in rules.words.not_proposers or by.lower().startswith(tuple(rules.words.not_proposer_starts)):
            by = ""
        return _Lead(True, by=by, actor=actor, cue=label)
    return _Lead(False)


def _unit(text, us, ue, utext, item_like, rules, section_is_rec, addressee, block_subject, lead, emit, found,
          in_label_run=False, listed=None, silenced=frozenset()) -> bool:
    """Judge one sentence or list item (its first cue `found`, or False); emit rows for it. `in_label_run`: the
    unit is a labelled item after a labelled proposal of the same list. True when it emits as a labelled item
    (so the run goes on)."""
    body_off = strip_marker(utext)
    body = utext[body_off:]
    found = found or None
    if found and silenced:  # a cue the section silences ("could" in a UPR report's interactive dialogue)
        found = skip_silenced(body, found, silenced, rules)
    # a lead-in line itself is not a row (its items are), unless it proposes in its own right
    # ("... recommends ... the adoption of the following draft resolution:")
    if _lead_of(utext, rules, block_subject, listed) is not None and not inline_items(body):
        # ... or names who is to act with a modal of its own ("In addition, members of the Council could:",
        # "the Division should develop a plan ..., including the following:")
        if found and (any(r.search(body) for r in rules.lead_in_row) or _own_modal(body, found, rules, block_subject)):
            cue, cs, ce = found
            actor, by = _who(body, cue, cs, ce, rules, block_subject)
            emit(us, ue, cue_label(body, cue, cs, ce), actor, by)
        return False
    # inline "(a) ...; (b) ..." items after a recommending lead-in
    items = inline_items(body)
    if items:
        head = body[:items[0][0]]
        head_cue = find_cue(head, rules)
        if (head_cue or is_lead_in(head, rules)) and not excluded(head, head_cue[0].label if head_cue else "", rules):
            actor = by = ""
            label = head_cue[0].label if head_cue else (is_lead_in(head, rules).label)
            if head_cue:
                actor, by = _who(head, head_cue[0], head_cue[1], head_cue[2], rules, block_subject)
            if not by:
                by = subject(head, rules) if is_lead_in(head, rules) else ""
            for s, e in items:
                item = body[s:e]
                own = find_cue(item, rules)
                if excluded(item, own[0].label if own else label, rules):
                    continue
                a, b = (_who(item, own[0], own[1], own[2], rules, block_subject) if own else ("", ""))
                emit(us + body_off + s, us + body_off + e, own[0].label if own else label, a or actor, b or by)
            return False
    states = (trailing_states(body, rules.is_state, rules.grammar.get("state_part_end")) if item_like or section_is_rec
              else _state_tail(body, rules))
    # only items and recommendations-section sentences can be imperative recommendations
    imperative = rules.imperative_re.match(body) if rules.imperative_re and (item_like or section_is_rec) else None
    # "Border security: Enhance border security ...": a list item led by a label whose text (or the label itself)
    # opens with an imperative is a proposal in its own right, in any section (grammar kind `item_label`)
    labelled = lab = None
    if item_like and rules.imperative_re and "item_label" in rules.grammar:
        lab = rules.g("item_label").match(body)
        if lab:
            labelled = rules.imperative_re.match(body[lab.end():]) or imperative
            imperative = imperative or labelled
    # "Second, establish predictable, long-term funding ...": a step of a speaker's numbered proposals, in a
    # body sentence as in a list item: an ordinal opener, then an imperative verb
    ordinal = None
    if imperative is None and rules.imperative_lower_re is not None:
        om = rules.g("ordinal_opener").match(body)
        if om:
            ordinal = rules.imperative_lower_re.match(body[om.end():])
    if found:
        found, vetoed = first_allowed_cue(body, found, rules)
        if vetoed:
            return False
    if found:
        cue, cs, ce = found
        actor, by = _who(body, cue, cs, ce, rules, block_subject)
        if states:
            by = "; ".join(states)
        if (imperative or states) and (not actor or imperative and cs > imperative.end()):
            # "Ratify ... as recommended ... (Brazil)": the item's own verb speaks to the State under review
            actor = addressee
            if imperative:
                cue = Cue(cue.id, "imperative", re.sub(r"\s+", " ", imperative.group()).strip(), cue.regex,
                          cue.proposer_before)
        if lead and lead.recommending and item_like:
            actor, by = actor or lead.actor, by or lead.by
        emit(us, ue, cue.label if cue.kind == "imperative" else cue_label(body, cue, cs, ce), actor, by)
        return bool(labelled or lab and in_label_run)
    # no cue of its own: imperative / (State) items in a recommending context
    carried = item_like and lead is not None and lead.recommending
    in_context = (carried or ((item_like or imperative) and section_is_rec) or (item_like and states and imperative)
                  or ordinal is not None or bool(labelled) or bool(lab and in_label_run))
    if not in_context:
        return False
    imperative = imperative or labelled
    if not (imperative or states or carried or ordinal or lab and in_label_run):
        return False
    if imperative or (ordinal and not carried):
        label = re.sub(r"\s+", " ", (imperative or ordinal).group()).strip()
    else:
        # an item in a recommendations list with no cue word: the list is its cue
        label = (lead.cue if carried else "") or "recommended"
    # an item its closing States make a recommendation is vetoed only by what vetoes any cue, not by what vetoes
    # a cue word ("... as recommended by the Committee against Torture (Israel);")
    if excluded(body, "" if states and not carried else label, rules) or excluded(body, label, rules,
                                                                                    kinds=("carried",)):
        return False
    by = "; ".join(states) if states else (lead.by if carried else "")
    # an imperative or a State-attributed item addresses the State the report is about
    actor = addressee if (imperative or states) else ""
    actor = actor or (lead.actor if carried else "")
    emit(us, ue, label, actor, by)
    return bool(labelled or lab and in_label_run)


def _own_modal(body: str, found: tuple[Cue, int, int], rules: Rules, block_subject) -> bool:
    """Whether a lead-in proposes by a modal with its own named actor ("the Council should:")."""
    cue, cs, ce = found
    if cue.kind != "modal":
        return False
    allowed, vetoed = first_allowed_cue(body, found, rules)
    if vetoed or allowed is None or allowed[0].kind != "modal":
        return False
    actor, _ = _who(body, allowed[0], allowed[1], allowed[2], rules, block_subject)
    return bool(actor) and actor.lower() not in rules.words.pronouns | rules.words.expletives


def marker_style(text: str) -> str:
    """The kind of list marker `text` opens with: "(a)" and "(iv)" -> "(a)", "a)" -> "a)",
    "3." / "3)" -> "1.", "86.1" -> "1.1", a bullet -> "-"; "" for none."""
    m = MARKER_RE.match(text)
    if not m:
        return ""
    mark = m.group().strip()
    if re.fullmatch(r"\([a-zA-Z]+\)", mark):
        return "(a)"
    if re.fullmatch(r"\(\d+\)", mark):
        return "(1)"
    if re.fullmatch(r"[a-zA-Z]+\)", mark):
        return "a)"
    if re.fullmatch(r"\d{1,3}(?:\.\d{1,3})+\.?", mark):
        return "1.1"
    if re.fullmatch(r"\d{1,3}[.)]|\d{1,2}-", mark):
        return "1."
    return "-"


def follows(previous: str, text: str) -> bool:
    """Whether the list marker that opens `text` is the letter or roman numeral after `previous` in the
    same numbering: "(j)" -> "(k)", "b)" -> "c)", "(iv)" -> "(v)"; never a paragraph number."""
    m = MARKER_RE.match(text)
    if not m or not previous:
        return False
    mark = m.group().strip()
    a = re.fullmatch(r"(\(?)([a-zA-Z]+|\d+)([.)])", previous)
    b = re.fullmatch(r"(\(?)([a-zA-Z]+|\d+)([.)])", mark)
    if not a or not b or a.group(1) != b.group(1) or a.group(3) != b.group(3):
        return False
    x, y = a.group(2), b.group(2)
    if x.isdigit() or y.isdigit():
        # paragraph numbers run on through a whole document, across its headings ("65." ... "III. Voluntary
        # pledges" ... "66."): the next number is no sign that a list goes on
        return False
    if len(x) == 1 and len(y) == 1 and x.isalpha() and y.isalpha() and ord(y) == ord(x) + 1:
        return True
    vx, vy = roman_value(x), roman_value(y)
    return vx is not None and vy is not None and vy == vx + 1


def blocks_from_text(text: str) -> list[tuple[str, int, int, int]]:
    """Blocks of a plain text: runs separated by blank lines, all `body`
    except those that open with a list marker (`list_item`)."""
    out = []
    for m in re.finditer(r"[^\n](?:[^\n]|\n(?!\s*\n))*", text):
        kind = "list_item" if MARKER_RE.match(m.group()) else "body"
        out.append((kind, m.start(), m.end(), 1))
    return out


# -- the spaCy component ------------------------------------------------------
@Language.factory(
    "unnotes_recommendations",
    assigns=["doc._.recommendations"],
    default_config={"cues": str(DEFAULT_CUES), "exclusions": str(DEFAULT_EXCLUSIONS),
                    "lexicon": str(DEFAULT_LEXICON), "states": str(DEFAULT_STATES)},
)
def make_recommendations(nlp: Language, name: str, cues, exclusions, lexicon, states):
    return RecommendationDetector(load_rules(cues or None, exclusions or None, lexicon or None, states or None))


class RecommendationDetector:
    """Sets `doc._.recommendations` (list of {start, end, text, actor, by, cue,
    section}) from `doc._.blocks` and the Doc's sentences."""

    def __init__(self, rules: Rules):
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        sents = None
        if doc.has_annotation("SENT_START"):
            sents = [(s.start_char, s.end_char) for s in doc.sents]
        doc._.recommendations = detect(doc.text, doc._.blocks, sents, self.rules)
        return doc
