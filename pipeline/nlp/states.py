"""`unnotes_states`: sovereign States named in the text, normalised to ISO3.

Every name form in `models/gazetteers/states.tsv` (short, formal, UN-style, common,
adjective, former State) is matched with spaCy's PhraseMatcher on the exact spelling,
plus variants for ’/' apostrophes, accent-free spelling and ALL CAPS (names only, not
adjectives, so "FRENCH" in a language list stays out). Matching runs over the tokens
that are not whitespace, so a name broken over lines in a table ("Antigua and\\n
Barbuda") is still one name. The longest match wins; then the context rules in
`models/gazetteers/state_context.jsonl` drop readings that are not a State ("Mexico
City", "Lake Chad", "Mr. Jordan", "in French", "United States dollars").

Public API:
- the `unnotes_states` factory (config: `gazetteer`, `context`, `members`, `lexicon`
  files): adds STATE candidates with norm = ISO3 and source
  `gazetteer:states.tsv:<line>` (an overlay row: `gazetteer:<overlay>/<path>:<line>`),
  and puts the name forms a context rule turned down in `doc.spans["states_rejected"]`
  (label NOT_STATE, id_ = rule id); the component's `role(doc, span)` and
  `un_name(iso3)` serve the findings;
- `lookup_state(text, gazetteer=...)` -> ISO3 or None for a name form (not adjectives by default);
- `state_role(doc, span, rules)` -> "participant" | "mentioned".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.core.datafiles import as_sources, read_tsv, sources_key
from pipeline.core.schemas import SCHEMAS
from pipeline.core.validate import records
from pipeline.core.errors import ModelDataError
from pipeline.core.models import default_file
from pipeline.nlp.common import add_candidate, doc_text, has_sentences, sentence_of
from pipeline.nlp.lexicon import load_lexicon

DEFAULT_GAZETTEER = default_file("states")
DEFAULT_CONTEXT = default_file("state_context")
DEFAULT_MEMBERS = default_file("members")
DEFAULT_LEXICON = default_file("lexicon")
KINDS = ("short", "official", "common", "un_formal", "adjective", "former")
RULES = ("reject_next", "reject_prev", "reject_glued", "reject_in_name", "reject_after_year",
         "person_name", "language", "role_label", "role_sentence", "role_list_intro", "role_speaker")
LABEL = "STATE"
# doc.spans key for name forms the context rules turned down ("Mexico City", "in French"),
# so that a later step (the statistical NER) does not bring them back as States.
REJECTED = "states_rejected"


# -- data ---------------------------------------------------------------------

@dataclass(frozen=True)
class NameForm:
    iso3: str
    name: str
    kind: str
    line: int
    source: str = "states.tsv"  # the file's name in findings' sources


@dataclass
class Rule:
    id: str
    rule: str
    line: int
    words: list[tuple[str, ...]] = field(default_factory=list)
    iso3: frozenset[str] | None = None
    except_iso3: frozenset[str] = frozenset()
    kinds: frozenset[str] | None = None
    ignore_case: bool = False
    options: dict = field(default_factory=dict)

    def applies(self, form: NameForm) -> bool:
        return ((self.iso3 is None or form.iso3 in self.iso3) and form.iso3 not in self.except_iso3
                and (self.kinds is None or form.kind in self.kinds))


def load_gazetteer(files=DEFAULT_GAZETTEER) -> list[NameForm]:
    """The name forms of states.tsv (and an overlay's rows after the shipped
    ones), validated (errors name the file and line)."""
    forms = []
    for source in as_sources(files):
        forms.extend(_read_forms(source.path, source.name))
    return forms


def _read_forms(path: Path, name_in_sources: str) -> list[NameForm]:
    forms = []
    for lineno, row in read_tsv(path, ["iso3", "name", "kind"]):
        iso3, name, kind = row["iso3"], row["name"], row["kind"]
        if len(iso3) != 3 or not iso3.isalpha() or not iso3.isupper():
            raise ModelDataError(f"{path} line {lineno}: expected a 3-letter upper-case ISO code, got {iso3!r}")
        if kind not in KINDS:
            raise ModelDataError(f"{path} line {lineno}: expected kind one of {KINDS}, got {kind!r}")
        if not name:
            raise ModelDataError(f"{path} line {lineno}: expected a name, got an empty field")
        forms.append(NameForm(iso3, name, kind, lineno, name_in_sources))
    return forms


def _words(path: Path, lineno: int, obj: dict, key: str) -> list[tuple[str, ...]]:
    value = obj.get(key, [])
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise ModelDataError(f"{path} line {lineno}: expected a list of non-empty strings for '{key}', got {value!r}")
    return [tuple(w.split()) for w in value]


def load_context(files=DEFAULT_CONTEXT) -> list[Rule]:
    """The rules of state_context.jsonl (and an overlay's after them),
    validated (errors name the file and line)."""
    rules = []
    for source in as_sources(files):
        rules.extend(_read_rules(source.path))
    return rules


def _read_rules(path: Path) -> list[Rule]:
    rules = []
    for lineno, obj in records(path, SCHEMAS["patterns/state_context.jsonl"]):
        kind = obj["rule"]
        if kind not in RULES:
            raise ModelDataError(f"{path} line {lineno}: expected rule one of {RULES}, got {kind!r}")
        for key in ("iso3", "except_iso3", "kinds"):
            if key in obj:
                _words(path, lineno, obj, key)
        if "kinds" in obj and not set(obj["kinds"]) <= set(KINDS):
            raise ModelDataError(f"{path} line {lineno}: expected kinds among {KINDS}, got {obj['kinds']!r}")
        rule = Rule(
            id=obj["id"], rule=kind, line=lineno,
            iso3=frozenset(obj["iso3"]) if "iso3" in obj else None,
            except_iso3=frozenset(obj.get("except_iso3", [])),
            kinds=frozenset(obj["kinds"]) if "kinds" in obj else None,
            ignore_case=bool(obj.get("ignore_case", False)),
        )
        needed = {"reject_next": ["words"], "reject_prev": ["words"], "reject_after_year": ["year"],
                  "reject_glued": ["chars"], "reject_in_name": ["heads", "links"],
                  "role_label": ["words"], "role_speaker": ["words"],
                  "role_sentence": ["words"], "role_list_intro": ["words"],
                  "person_name": ["titles"], "language": ["nouns", "prepositions", "languages"]}[kind]
        for key in needed:
            if key not in obj:
                raise ModelDataError(f"{path} line {lineno}: expected key '{key}' for a {kind} rule, "
                                     f"got keys {sorted(obj)}")
        rule.words = _words(path, lineno, obj, "words") if "words" in obj else []
        if "year" in obj:
            if not isinstance(obj["year"], int):
                raise ModelDataError(f"{path} line {lineno}: expected an integer year, got {obj['year']!r}")
            rule.options["year"] = obj["year"]
        for key in ("titles", "allow_next", "nouns", "prepositions", "languages", "chars", "heads", "links", "skip"):
            if key in obj:
                rule.options[key] = _words(path, lineno, obj, key)
        rules.append(rule)
    return rules


def name_variants(form: NameForm) -> set[str]:
    """Spellings of a name form to match: as written, with the other apostrophe,
    without accents, and (names only) in capitals, as old report headers print them."""
    out = {form.name}
    for v in list(out):
        out |= {v.replace("'", "\u2019"), v.replace("\u2019", "'")}
    for v in list(out):
        folded = unicodedata.normalize("NFKD", v)
        out.add("".join(c for c in folded if not unicodedata.combining(c)))
    if form.kind != "adjective" and len(form.name) > 3:
        out |= {v.upper() for v in out}
    return out


# -- the component -------------------------------------------------------------

@Language.factory(
    "unnotes_states",
    assigns=["doc.spans"],
    default_config={"gazetteer": str(DEFAULT_GAZETTEER), "context": str(DEFAULT_CONTEXT),
                    "members": str(DEFAULT_MEMBERS), "lexicon": str(DEFAULT_LEXICON)},
)
def make_states(nlp: Language, name: str, gazetteer, context, members, lexicon):
    return StateMatcher(nlp, gazetteer, context, members, lexicon)


class StateMatcher:
    """Adds a STATE candidate for every State name form the context rules keep;
    `role(doc, span)` and `name(iso3)` give a found State's role and UN name."""

    def __init__(self, nlp: Language, gazetteer=DEFAULT_GAZETTEER, context=DEFAULT_CONTEXT,
                 members=DEFAULT_MEMBERS, lexicon=DEFAULT_LEXICON):
        self.forms = load_gazetteer(gazetteer)
        self.rules = load_context(context)
        self.role_rules = [r for r in self.rules if r.rule.startswith("role_")]
        self.members = members
        words = load_lexicon(lexicon)
        self.stop_words = words["stop_words"]
        self.coordinators = words["coordinators"]
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.by_key: dict[int, NameForm] = {}
        for form in self.forms:
            key = f"unnotes_states:{form.line}"
            self.by_key[nlp.vocab.strings.add(key)] = form
            self.matcher.add(key, [nlp.make_doc(v) for v in sorted(name_variants(form))])

    def __call__(self, doc: Doc) -> Doc:
        found, rejected = self.find(doc, with_rejected=True)
        for span, form in found:
            add_candidate(doc, span.start, span.end, LABEL, form.iso3, f"gazetteer:{form.source}:{form.line}")
        doc.spans[REJECTED] = rejected
        return doc

    def role(self, doc: Doc, span: Span) -> str:
        """"participant" or "mentioned" (see `state_role`), by this component's rules."""
        return state_role(doc, span, self.role_rules)

    def un_name(self, iso3: str) -> str:
        """The UN name of a State (see `state_name`), from this component's members list."""
        return state_name(iso3, self.members)

    def find(self, doc: Doc, with_rejected: bool = False):
        """(span, name form) of each State mention the context rules keep; with
        `with_rejected`, also the name forms a rule turned down (as spans whose
        `id_` is the rule id) that no kept mention overlaps."""
        view = _TokenView(doc)
        matches = self.matcher(view.compact)
        starts = {start for _, start, _ in matches}
        # Context rules first, then the longest match: a rejected reading
        # ("Serbia and Montenegro" in a 2010 list) leaves its parts to match.
        kept, turned_down = [], []
        for key, start, end in matches:
            why = self.rejected(view, start, end, self.by_key[key], starts)
            if why:
                turned_down.append((start, end, why))
            else:
                kept.append(Span(view.compact, start, end, label=key))
        found = [(view.original(s.start, s.end), self.by_key[s.label])
                 for s in sorted(filter_spans(kept), key=lambda s: s.start)]
        if not with_rejected:
            return found
        covered = set()
        for span, _ in found:
            covered.update(range(span.start, span.end))
        rejected = []
        for start, end, why in turned_down:
            span = view.original(start, end)
            if not covered.intersection(range(span.start, span.end)):
                rejected.append(Span(doc, span.start, span.end, label="NOT_STATE", span_id=f"context:{why}"))
        return found, filter_spans(rejected)

    # -- context rules ----------------------------------------------------------
    def rejected(self, view: "_TokenView", start: int, end: int, form: NameForm, starts: set[int]) -> str | None:
        """The id of the first rule saying this match is not a State, or None."""
        for rule in self.rules:
            if not rule.applies(form):
                continue
            hit = False
            if rule.rule == "reject_next":
                hit = view.next_in(end, rule.words, rule.ignore_case)
            elif rule.rule == "reject_prev":
                hit = view.prev_in(start, rule.words, rule.ignore_case)
            elif rule.rule == "person_name":
                hit = self._person(view, start, end, rule, starts)
            elif rule.rule == "language":
                hit = self._language(view, start, end, rule)
            elif rule.rule == "reject_glued":
                hit = view.glued_before(start, {w[0] for w in rule.options["chars"]})
            elif rule.rule == "reject_in_name":
                hit = self._in_name(view, end, rule, starts)
            elif rule.rule == "reject_after_year":
                year = view.doc._.issue_year
                hit = year is not None and int(year) > rule.options["year"]
            if hit:
                return rule.id
        return None

    def _person(self, view: "_TokenView", start: int, end: int, rule: Rule, starts: set[int]) -> bool:
        words, stop_words = view.words, self.stop_words
        if view.prev_in(start, rule.options.get("titles", [])):
            return True

        def name_like(i: int) -> bool:
            w = words[i]
            return w.isalpha() and w.istitle() and len(w) > 1 and w.lower() not in stop_words

        # "Michael Jordan": a capitalised given name on the same line, not itself a State.
        if start > 0 and name_like(start - 1) and (start - 1) not in starts \
                and not view.newline_between(start - 1, start):
            return True
        # "Chad Smith said": a surname (capitalised, not an allowed word) then a non-capitalised token.
        allow = {w[0] for w in rule.options.get("allow_next", []) if len(w) == 1}
        if end < len(words) and name_like(end) and words[end] not in allow \
                and end not in starts and not view.newline_between(end - 1, end):
            after = words[end + 1] if end + 1 < len(words) else None
            if after is None or not (after.istitle() or after.isupper()):
                return True
        return False

    @staticmethod
    def _in_name(view: "_TokenView", end: int, rule: Rule, starts: set[int]) -> bool:
        """Whether capitalised words after the match run to an organisation head word
        ("Norwegian People's Aid", "Canadian Pugwash Group") before another State name."""
        words = view.words
        heads = {w[0] for w in rule.options["heads"]}
        links = {w[0] for w in rule.options["links"]}
        limit = 6  # capitalised words between the name and the head word
        count = 0
        i = end
        while i < len(words) and count <= limit:
            w = words[i]
            if w in heads:
                return True
            if w in links and i > end:
                i += 1
                continue
            if not w[:1].isupper() or i in starts or view.newline_between(i - 1, i):
                return False  # a name never runs into the next block ("... by Mexico\n\nI. ... Group")
            count += 1
            i += 1
        return False

    def _language(self, view: "_TokenView", start: int, end: int, rule: Rule) -> bool:
        words, coordinators = view.words, self.coordinators
        if view.next_in(end, rule.options.get("nouns", []), True):
            return True
        nxt = words[end] if end < len(words) else None
        next_open = nxt is None or not nxt.isalpha() or nxt in coordinators or not nxt.islower()
        if next_open and view.prev_in(start, rule.options.get("prepositions", [])):
            return True
        # A coordination that names a language that is not a State adjective.
        languages = {w[0].lower() for w in rule.options.get("languages", []) if len(w) == 1}
        for step in (-1, 1):
            i = start - 1 if step < 0 else end
            while 0 <= i < len(words):
                w = words[i]
                if w in coordinators:
                    i += step
                    continue
                if w.lower() in languages:
                    return True
                if not (w.isalpha() and w.istitle()):
                    break
                i += step
        return False


class _TokenView:
    """The doc's tokens without whitespace-only tokens, as a Doc of their own, so
    that phrases broken across lines match; maps positions back to the doc.
    Context rules read the plain `words` list (much faster than Doc indexing)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        tokens = [(t.i, t.text, t.whitespace_, t.is_space) for t in doc]
        # A token followed by a whitespace-only token is followed by whitespace.
        tokens = [(i, text, ws or (" " if i + 1 < len(tokens) and tokens[i + 1][3] else ""), sp)
                  for i, text, ws, sp in tokens]
        kept = [t for t in tokens if not t[3]]
        self.index = [t[0] for t in kept]
        self.words = [t[1] for t in kept]
        self.spaces = [t[2] for t in kept]
        if len(kept) == len(tokens):
            self.compact = doc
        else:
            self.compact = Doc(doc.vocab, words=self.words, spaces=[bool(s) for s in self.spaces])

    def original(self, start: int, end: int) -> Span:
        return self.doc[self.index[start]:self.index[end - 1] + 1]

    def newline_between(self, a: int, b: int) -> bool:
        """Whether a line break separates compact tokens a and b (a < b)."""
        lo, hi = self.index[a], self.index[b]
        gap = self.spaces[a] + "".join(t.text_with_ws for t in self.doc[lo + 1:hi])
        return "\n" in gap

    def glued_before(self, start: int, chars: set[str]) -> bool:
        """Whether the match is glued to a word by one of `chars` ("NuclearBan.US",
        "example.com/France"), so part of an address or handle, not a name."""
        if start == 0:
            return False
        prev = self.words[start - 1]
        return prev[-1:] in chars and not self.spaces[start - 1] and (
            len(prev) > 1 or (start > 1 and not self.spaces[start - 2]))

    def next_in(self, end: int, sequences, ignore_case: bool = False) -> bool:
        """Whether the words from `end` on start with one of `sequences`."""
        for seq in sequences:
            n = len(seq)
            if end + n > len(self.words):
                continue
            got = self.words[end:end + n]
            if (got == list(seq)) if not ignore_case else [g.lower() for g in got] == [w.lower() for w in seq]:
                return True
        return False

    def prev_in(self, start: int, sequences, ignore_case: bool = False) -> bool:
        """Whether the words before `start` end with one of `sequences`."""
        for seq in sequences:
            n = len(seq)
            if start - n < 0:
                continue
            got = self.words[start - n:start]
            if (got == list(seq)) if not ignore_case else [g.lower() for g in got] == [w.lower() for w in seq]:
                return True
        return False


# -- lookup for other components ---------------------------------------------------

def lookup_table(files=DEFAULT_GAZETTEER) -> dict[str, tuple[str, str]]:
    """{lookup key: (ISO3, kind)} of every name form (loaded once per set of files)."""
    return _lookup_table(sources_key(files))


@lru_cache(maxsize=8)
def _lookup_table(key: tuple) -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for form in load_gazetteer([{"path": p, "name": n} for p, n in key]):
        for v in name_variants(form):
            table.setdefault(_lookup_key(v), (form.iso3, form.kind))
    return table


def _lookup_key(text: str) -> str:
    text = text.replace("\u2019", "'").strip()
    text = re.sub(r"^(the|THE|The)\s+", "", text)
    text = re.sub(r"\s*'s$", "", text)
    return re.sub(r"\s+", " ", text).casefold()


def lookup_state(text: str, adjectives: bool = False, gazetteer=DEFAULT_GAZETTEER) -> str | None:
    """ISO3 for a State name form ("the Russian Federation" -> "RUS"), else None.
    Adjectives ("Peruvian") only when `adjectives` is true: the statistical model's
    NORP "French" is as often the language. An all-lower-case text is not a name
    ("turkey", "chad")."""
    return state_lookup(gazetteer)(text, adjectives)


def state_lookup(gazetteer=DEFAULT_GAZETTEER):
    """`lookup_state` bound to a gazetteer's files, for collaborators (orgs,
    model entities, recommendations) that get the files from their config."""
    table = lookup_table(gazetteer)

    def lookup(text: str, adjectives: bool = False) -> str | None:
        if not text or not text.strip() or text.islower():
            return None
        hit = table.get(_lookup_key(text))
        if hit is None or (hit[1] == "adjective" and not adjectives):
            return None
        return hit[0]
    return lookup


# -- role -------------------------------------------------------------------------
def default_role_rules() -> list[Rule]:
    return [r for r in load_context(DEFAULT_CONTEXT) if r.rule.startswith("role_")]


def _cue_regex(rules: list[Rule], kind: str) -> re.Pattern | None:
    phrases = [" ".join(w) for r in rules if r.rule == kind for w in r.words]
    if not phrases:
        return None
    alts = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE)


LIST_KINDS = ("table_row", "list_item")
MAX_LIST_WALK = 400  # blocks to walk back over to find the paragraph that opens a list


def state_role(doc: Doc, span: Span, rules: list[Rule] | None = None) -> str:
    """"participant" when the note says the State took part, else "mentioned".
    Took part: the span is in a table row labelled like "Participants: ...", its
    sentence has a cue ("the delegation of", "took part", ...), the State speaks
    ("Peru welcomed ..."), or it stands in a list or table that a heading or
    paragraph such as "List of participants" / "The following States were
    represented:" opens. `rules`: the role rules (default: the shipped ones)."""
    rules = default_role_rules() if rules is None else rules
    blocks = doc._.blocks or []
    i = _block_index(blocks, span.start_char)
    block = blocks[i] if i is not None else None
    label_re, sent_re, intro_re = (_cue_regex(rules, k) for k in ("role_label", "role_sentence", "role_list_intro"))

    if block is not None and block[0] == "table_row" and label_re is not None:
        text = doc_text(doc)[block[1]:block[2]]
        label, colon, _ = text.partition(":")
        if colon and len(label) <= 80 and span.start_char > block[1] + len(label) and label_re.search(label):
            return "participant"

    sentence = _sentence_text(doc, span, block)
    if sent_re is not None and sent_re.search(sentence):
        return "participant"
    if _speaks(doc, span, rules):
        return "participant"

    if block is not None and intro_re is not None and not _is_prose(doc_text(doc)[block[1]:block[2]]):
        for j in range(i - 1, max(-1, i - 1 - MAX_LIST_WALK), -1):
            kind, start, end, _ = blocks[j]
            text = doc_text(doc)[start:end]
            if kind in LIST_KINDS or kind == "footnote":
                continue
            if intro_re.search(text):
                return "participant"
            if _is_prose(text) or (kind == "heading" and SECTION_HEADING.match(text)):
                return "mentioned"
    return "mentioned"


# A numbered section heading ("II. Discussion", "3. Outcome", "B. Findings") ends a list.
SECTION_HEADING = re.compile(r"^\s*(?:[IVXL]+|\d+|[A-H])\.\s+\w")


def _is_prose(text: str) -> bool:
    """A paragraph (it ends like a sentence and has a few words), not a table cell
    or a list entry that ingestion left as a body block."""
    text = text.strip()
    words = text.split()
    lower = [w for w in words if w.isalpha() and w.islower()]
    return (len(words) >= 5 and text[-1:] in ".:;!?" and len(lower) >= 3
            and len(lower) >= 0.25 * len(words))


def _speaks(doc: Doc, span: Span, rules: list[Rule]) -> bool:
    """Whether the State is the speaker of its sentence: "Peru welcomed ...",
    "The Netherlands also recommended ..."."""
    verbs = {w[0] for r in rules if r.rule == "role_speaker" for w in r.words}
    skip = {w[0] for r in rules if r.rule == "role_speaker" for w in r.options.get("skip", [])}
    if not verbs:
        return False
    k = span.end
    while k < len(doc) and (doc[k].is_space or doc[k].text in skip):
        k += 1
    if k >= len(doc) or doc[k].text not in verbs:
        return False
    j = span.start - 1
    while j >= 0 and (doc[j].is_space or doc[j].lower_ == "the"):
        j -= 1
    if j < 0:
        return True
    if has_sentences(doc) and doc[j + 1].is_sent_start:
        return True
    blocks = doc._.blocks or []
    if any(b[1] == doc[j + 1].idx for b in blocks):
        return True
    return doc[j].text in (".", ":", ";", "\u2022", "-", "\u2013") or "\n\n" in doc[j].text_with_ws


def _block_index(blocks, offset: int) -> int | None:
    import bisect

    i = bisect.bisect_right([b[1] for b in blocks], offset) - 1
    if i >= 0 and blocks[i][1] <= offset < blocks[i][2]:
        return i
    return None


def _sentence_text(doc: Doc, span: Span, block) -> str:
    if has_sentences(doc):
        # a slice of the text built once, not Span.text, which joins the sentence's tokens on each
        # call: per State mention that is quadratic in a long sentence (a 250 KB line took 9 of its 33 s)
        sentence = sentence_of(doc, span)
        return doc_text(doc)[sentence.start_char:sentence.end_char]
    if block is not None:
        return doc_text(doc)[block[1]:block[2]]
    start = doc_text(doc).rfind("\n", 0, span.start_char) + 1
    end = doc_text(doc).find("\n", span.end_char)
    return doc_text(doc)[start:end if end >= 0 else len(doc_text(doc))]


# -- names for the tables ------------------------------------------------------------

@lru_cache(maxsize=8)
def _un_names(key: tuple) -> dict[str, str]:
    names: dict[str, str] = {}
    for path, _ in key:
        names.update({row["iso3"]: row["un_name"] for _, row in read_tsv(Path(path), ["iso3", "un_name"])})
    return names


def state_name(iso3: str, members=DEFAULT_MEMBERS) -> str:
    """The name the UN uses for a State ("BOL" -> "Bolivia (Plurinational State of)");
    the code itself when the list does not know it."""
    return _un_names(sources_key(members)).get(iso3, iso3)
