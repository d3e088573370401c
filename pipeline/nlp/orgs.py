"""What the organization components know (`OrgKnowledge`: the gazetteer
`models/gazetteers/orgs.tsv`, org_filters.jsonl, the lexicon), the sanity
filters applied to the statistical model's ORG entities and to the rules'
names, and the token tests the finders share. The `unnotes_orgs` component
itself is `org_matcher`; its finders are `named_bodies`, `listed_bodies`,
`composed_units`, `org_lists` and the quoted and classed names here.

What the component and its collaborators (acronyms, model entities) know
about organizations is one `OrgKnowledge` (gazetteer, filters, lexicon, State
lookup, symbol pattern), loaded from the files their configs name and shared
between them by `org_knowledge`'s cache, never through module state.

Public helpers (each takes an `OrgKnowledge`; the default is the shipped English one):
- `lookup_org(text)` -> (canonical name, acronym) or None
- `org_acronym(canonical_name)` -> acronym ("" when none)
- `clean_model_org(span_or_text)` -> cleaned name to keep, or None to drop
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Callable

from spacy.tokens import Doc, Span

from pipeline.core.datafiles import as_sources, read_tsv, sources_key
from pipeline.core.schemas import SCHEMAS
from pipeline.core.validate import records
from pipeline.core.errors import ModelDataError
from pipeline.core.models import default_file
from pipeline.core.schemas import ORG_KINDS as KINDS, ORG_FILTER_KINDS as FILTER_KINDS, ORG_LEXICONS
from pipeline.nlp.lexicon import Lexicon, load_lexicon
from pipeline.nlp.org_bounds import abbreviated_honorific, lowercase_compound_part
from pipeline.nlp.org_portfolios import Portfolios, learn_portfolios

DEFAULT_GAZETTEER = default_file("orgs")
DEFAULT_FILTERS = default_file("org_filters")
DEFAULT_STATES = default_file("states")
DEFAULT_SYMBOLS = default_file("symbols")
DEFAULT_LEXICON = default_file("lexicon")

MAX_NAME_TOKENS = 12    # a model "ORG" longer than this is a run-on, not a name ...
MAX_NAMING_WORDS = 10   # ... unless most of its words are connectors (then: more naming words than this)
MAX_CONNECTED_TOKENS = 16
NAMED_BODY = "pattern:org_filters.jsonl:named-body"
CLASSED_NAME_TOKENS = 6    # a capitalised run after a class noun longer than this is no name
OPEN_QUOTES, CLOSE_QUOTES = ("“", '"', "«"), ("”", '"', "»")
PLACE_LABELS = ("GPE",)   # the statistical model's label of a town or State (a region, LOC, is often part of a name: "... in West Africa")
AREA_LABELS = ("GPE", "LOC")   # the model's places that name an administrative area ("Artibonite Department")
QUOTED_NAME_TOKENS = 8     # a quoted name longer than this is a quotation, not a name
ENGLISH_PAIRS = ("english_head", "english_adjective", "own_board")   # org_filters.jsonl kinds of "word|English" pairs
COMPOSED_UNIT = "pattern:org_filters.jsonl:composed-unit"
LEGAL_FORM_GAP = 3         # tokens allowed between a legal form and the quote ("JSC 7:15 pm “Gazprom ...”")


def norm_key(text: str) -> str:
    """The comparison key ANNOTATION.md scores with: case-insensitive, no
    leading "the", no punctuation or spacing."""
    text = unicodedata.normalize("NFKC", text).casefold().strip()
    text = re.sub(r"^the\s+", "", text)
    return "".join(ch for ch in text if ch.isalnum())


def is_acronym(text: str) -> bool:
    """An acronym-like form: no spaces, at least two capitals ("UNODA", "UN-Habitat", "LiREC", "G77")."""
    return " " not in text and sum(ch.isupper() for ch in text) >= 2


@dataclass(frozen=True)
class Org:
    name: str
    acronym: str
    aliases: tuple[str, ...]
    kind: str
    line: int
    source: str = "orgs.tsv"  # the file's name in findings' sources
    # a body one language's org_aliases.tsv adds (its `kind` column): its forms match only as written
    local: bool = False


@dataclass
class OrgFilters:
    """The word lists of `org_filters.jsonl`, lowercased."""
    lists: dict[str, set[str]] = field(default_factory=dict)
    variants: list[tuple[str, str]] = field(default_factory=list)
    # "word|English" pairs (english_head, english_adjective): a language's class heads and name
    # adjectives with the English words a body's canonical name uses ("sous-comité" -> "Subcommittee")
    english: dict[str, dict[str, str]] = field(default_factory=dict)

    def __getitem__(self, kind: str) -> set[str]:
        return self.lists.get(kind, set())


def load_filters(files=DEFAULT_FILTERS) -> OrgFilters:
    filters = OrgFilters()
    for source in as_sources(files):
        _read_filters(source.path, filters)
    return filters


def _read_filters(path: Path, filters: OrgFilters) -> None:
    for lineno, obj in records(Path(path), SCHEMAS["patterns/org_filters.jsonl"]):
        kind = obj["kind"]
        if kind not in FILTER_KINDS:
            raise ModelDataError(f"{path} line {lineno}: expected kind one of {sorted(FILTER_KINDS)}, got {kind!r}")
        for value in obj["values"]:
            if not isinstance(value, str) or not value.strip():
                raise ModelDataError(f"{path} line {lineno}: expected non-empty strings in 'values', got {value!r}")
            if kind in ("spelling_variants", *ENGLISH_PAIRS):
                parts = value.split("|")
                if len(parts) != 2 or not all(p.strip() for p in parts):
                    raise ModelDataError(f"{path} line {lineno}: expected a pair 'A|B', got {value!r}")
                if kind == "spelling_variants":
                    filters.variants.append((parts[0], parts[1]))
                else:
                    filters.english.setdefault(kind, {})[parts[0].strip().lower()] = parts[1].strip()
            else:
                filters.lists.setdefault(kind, set()).add(value.strip().lower())


class OrgGazetteer:
    """The rows of orgs.tsv, validated, with every surface form each one takes."""

    def __init__(self, files=DEFAULT_GAZETTEER, filters: OrgFilters | None = None, aliases=()):
        self.sources = with_kind_lexicons(as_sources(files))
        self.path = self.sources[0].path
        self.filters = filters or load_filters()
        self.orgs: list[Org] = []
        self.by_key: dict[str, Org] = {}
        self.by_name: dict[str, Org] = {}
        for source in self.sources:
            self._read(source.path, source.name)
        for source in as_sources(aliases or []):
            self._read_aliases(source.path)

    def _read_aliases(self, path: Path) -> None:
        """A language's `org_aliases.tsv` (name, alias, acronym): the alias and
        acronym become forms of the canonical row `name`, so a note in that
        language gets the canonical (English) name and acronym."""
        added: dict[str, list[str]] = {}
        for lineno, row in read_tsv(path, ["name", "alias", "acronym"]):
            if row["name"] not in self.by_name and row.get("kind"):
                self._add_local(path, lineno, row)
            if row["name"] not in self.by_name:
                raise ModelDataError(f"{path} line {lineno}: expected a canonical name of the organizations "
                                     f"gazetteer (or a `kind` for a body it does not list), got {row['name']!r}")
            for form in (row["alias"], row["acronym"]):
                if not form:
                    continue
                other = self.by_key.get(norm_key(form))
                if other is not None and other.name != row["name"]:
                    raise ModelDataError(f"{path} line {lineno}: expected '{form}' to name one organization, "
                                         f"got it also for {other.name} ({other.source} line {other.line})")
                added.setdefault(row["name"], []).append(form)
        for i, org in enumerate(self.orgs):
            if org.name in added:
                new = Org(org.name, org.acronym, org.aliases + tuple(f for f in added[org.name] if f not in org.aliases),
                          org.kind, org.line, org.source, org.local)
                self.orgs[i] = self.by_name[org.name] = new
                for form in self.forms(new):
                    if norm_key(form):
                        self.by_key[norm_key(form)] = new
        for key, org in list(self.by_key.items()):  # the older records' keys point at the new ones
            self.by_key[key] = self.by_name[org.name]

    def _add_local(self, path: Path, lineno: int, row: dict) -> None:
        """A body the shared gazetteer does not list, named as English notes name it (what the
        English named-body pattern finds: "Procurement Division"), known in this language only."""
        if row["kind"] not in KINDS:
            raise ModelDataError(f"{path} line {lineno}: expected kind one of {sorted(KINDS)}, got {row['kind']!r}")
        org = Org(row["name"], "", (), row["kind"], lineno, Path(path).name, local=True)
        other = self.by_key.get(norm_key(org.name))
        if other is not None:
            raise ModelDataError(f"{path} line {lineno}: expected '{org.name}' to name one organization, "
                                 f"got it also for {other.name} ({other.source} line {other.line})")
        self.orgs.append(org)
        self.by_name[org.name] = self.by_key[norm_key(org.name)] = org

    def _read(self, path: Path, name_in_sources: str) -> None:
        self.path = path
        for lineno, row in read_tsv(path, ["name", "acronym", "aliases", "kind"]):
            org = self._parse(lineno, row, name_in_sources)
            self.orgs.append(org)
            for form in self.forms(org):
                key = norm_key(form)
                if not key:
                    continue
                other = self.by_key.get(key)
                if other is not None and other.name != org.name:
                    raise ModelDataError(f"{path} line {lineno}: expected '{form}' to name one organization, "
                                         f"got it also on line {other.line} of {other.source} ({other.name})")
                self.by_key[key] = org
            self.by_name[org.name] = org

    def _parse(self, lineno: int, row: dict, name_in_sources: str) -> Org:
        name = row["name"]
        if not name:
            raise ModelDataError(f"{self.path} line {lineno}: expected a name, got an empty 'name' field")
        if row["kind"] not in KINDS:
            raise ModelDataError(f"{self.path} line {lineno}: expected kind one of {sorted(KINDS)}, "
                                 f"got {row['kind']!r}")
        if name in self.by_name:
            first = self.by_name[name]
            raise ModelDataError(f"{self.path} line {lineno}: expected each name once, got {name!r} "
                                 f"again (first on line {first.line} of {first.source})")
        aliases = tuple(a.strip() for a in row["aliases"].split(" | ") if a.strip()) if row["aliases"] else ()
        if any("|" in a for a in aliases):
            raise ModelDataError(f"{self.path} line {lineno}: expected aliases separated by ' | ', got {row['aliases']!r}")
        return Org(name, row["acronym"], aliases, row["kind"], lineno, name_in_sources)

    def forms(self, org: Org) -> set[str]:
        """The name, acronym and aliases, each with its spelling variants."""
        forms = {org.name, *org.aliases} | ({org.acronym} if org.acronym else set())
        for a, b in self.filters.variants:
            for form in list(forms):
                if a in form:
                    forms.add(form.replace(a, b))
                if b in form:
                    forms.add(form.replace(b, a))
        return forms

    def lookup(self, text: str) -> Org | None:
        return self.by_key.get(norm_key(text))


def with_kind_lexicons(sources: list) -> list:
    """Each orgs.tsv followed by the kind lexicons beside it (`orgs_media.tsv`,
    `orgs_armed_groups.tsv`, ...: ORG_LEXICONS), shipped or in an overlay: the same
    columns, one file per kind of body so that each list can be kept on its own."""
    from pipeline.core.models import Source

    out = []
    for source in sources:
        out.append(source)
        if Path(source.path).name != "orgs.tsv":
            continue
        for kind in ORG_LEXICONS:
            path = Path(source.path).with_name(f"orgs_{kind}.tsv")
            if path.is_file():
                out.append(Source(path, source.name[: -len("orgs.tsv")] + path.name))
    return out


# -- what the organization components know ------------------------------------------
@dataclass(frozen=True)
class OrgKnowledge:
    """The gazetteer, filters and word lists the organization component and its
    collaborators (acronyms, model entities) share, loaded from their config's files."""

    gazetteer: OrgGazetteer
    filters: OrgFilters
    is_state: Callable[[str], str | None]
    symbol_re: re.Pattern        # a word that starts like a UN document symbol ("A/HRC/14/37")
    glued_re: re.Pattern         # "the1540": a function word glued to a number by the text layer
    stop_words: frozenset[str]
    name_joiners: frozenset[str]  # connectors that are not prepositions ("and", "'s")
    lexicon: Lexicon
    articles_re: re.Pattern       # a leading article ("the", "The", "THE")
    trailing_state_re: re.Pattern  # "<name> in/of (the) <State>"
    cities: frozenset[str] = frozenset()  # lowercased city names of cities.tsv beside orgs.tsv ("rome", "oslo")
    # the lexicon's possessive endings as the tokenizer splits them ("’s"; none in French or Spanish) and
    # the apostrophe of a plural's possessive ("Peoples’ Rights")
    possessives: tuple[str, ...] = ()
    plural_possessives: frozenset[str] = frozenset()
    # the lexicon's endings of an ordinal written with digits ("5th", "21st")
    ordinal_suffixes: tuple[str, ...] = ()
    # org_filters.jsonl `elision`: an elided article glued to the next word ("d’Haïti")
    elisions: tuple[str, ...] = ()
    # ISO3 -> the UN's English name of the State (un_members.tsv beside orgs.tsv): a composed unit's
    # complement ("Assemblée nationale du Koweït" -> "National Assembly of Kuwait")
    state_names: tuple[tuple[str, str], ...] = ()

    @cached_property
    def _state_name_of(self) -> dict[str, str]:
        return dict(self.state_names)

    @cached_property
    def portfolios(self) -> Portfolios:
        """The complements and "<Head> of X" heads the language's gazetteer rows give (org_portfolios)."""
        return learn_portfolios(self.gazetteer.orgs, self.filters.english.get("english_head") or {},
                                self.filters["of_connector"], self.articles)

    @cached_property
    def context_cues(self) -> MappingProxyType:
        """org_filters.jsonl `treaty_cue` and `tool_noun` (org_context), each cue as its words, split once."""
        return MappingProxyType({kind: tuple(tuple(c.split()) for c in self.filters[kind])
                                 for kind in ("treaty_cue", "tool_noun")})

    def state_name(self, iso3: str) -> str:
        return self._state_name_of.get(iso3, "")

    def is_place(self, text: str) -> bool:
        """A State or a city of cities.tsv ("Oslo", "Kathmandu", "the Sudan")."""
        return bool(self.is_state(text)) or text.strip().lower() in self.cities

    @property
    def conjunctions(self) -> frozenset[str]:
        return self.lexicon["conjunctions"]

    @property
    def articles(self) -> frozenset[str]:
        return self.lexicon["articles"]


def knowledge_config(gazetteer: str = "gazetteer", filters: str = "filters") -> dict:
    """The default config of a component that loads an `OrgKnowledge` (`org_knowledge`): the shipped
    files, the gazetteer's and the filters' under the keys the component's pipeline.cfg section names."""
    return {gazetteer: str(DEFAULT_GAZETTEER), filters: str(DEFAULT_FILTERS), "states": str(DEFAULT_STATES),
            "symbols": str(DEFAULT_SYMBOLS), "lexicon": str(DEFAULT_LEXICON), "aliases": []}


def org_knowledge(gazetteer=DEFAULT_GAZETTEER, filters=DEFAULT_FILTERS, states=DEFAULT_STATES,
                  symbols=DEFAULT_SYMBOLS, lexicon=DEFAULT_LEXICON, aliases=()) -> OrgKnowledge:
    """The knowledge of these files; loaded once per process and set of files, so
    that the components that name the same files share one gazetteer. `aliases`:
    a language's org_aliases.tsv, merged into the shared gazetteer's rows."""
    return _knowledge(sources_key(gazetteer), sources_key(filters), sources_key(states),
                      sources_key(symbols), sources_key(lexicon), sources_key(aliases or []))


def _files(key: tuple) -> list[dict]:
    return [{"path": p, "name": n} for p, n in key]


@lru_cache(maxsize=8)
def _knowledge(gazetteer: tuple, filters: tuple, states: tuple, symbols: tuple, lexicon: tuple,
               aliases: tuple = ()) -> OrgKnowledge:
    from pipeline.nlp.states import state_lookup

    flt = load_filters(_files(filters))
    words = load_lexicon(_files(lexicon))
    glued = "|".join(re.escape(w) for w in sorted(words["glued_function_words"], key=lambda w: (-len(w), w)))
    articles = _alternation({v for a in words["articles"] for v in (a, a.title(), a.upper())})
    places = _alternation(words["place_prepositions"])
    gaz = OrgGazetteer(_files(gazetteer), flt, _files(aliases))
    return OrgKnowledge(
        gazetteer=gaz, filters=flt, is_state=state_lookup(_files(states)), cities=_cities_beside(gaz.sources),
        state_names=_state_names_beside(gaz.sources) if flt.english.get("english_head") else (),
        symbol_re=load_symbol_prefix(_files(symbols)),
        glued_re=re.compile(rf"^({glued})(\d{{2,4}})$", re.IGNORECASE),
        stop_words=words["stop_words"], name_joiners=words["name_joiners"], lexicon=words,
        possessives=tuple(sorted(words.get("possessives"))), plural_possessives=words.get("plural_possessives"),
        ordinal_suffixes=tuple(sorted(flt["ordinal_suffix"])), elisions=tuple(sorted(flt["elision"])),
        articles_re=re.compile(rf"^(?:{articles})\s+"),
        trailing_state_re=re.compile(rf"^(.*\S)\s+(?:{places})\s+(?:(?:{_alternation(words['articles'])})\s+)?(\S.*)$"))


def _cities_beside(sources: list) -> frozenset[str]:
    """The city names of each `cities.tsv` beside an orgs.tsv (models/shared/gazetteers/, or an
    overlay's): where a body's name ends ("... Mechanism in Rome", "... Forum in Oslo")."""
    names = set()
    for source in sources:
        path = Path(source.path).with_name("cities.tsv")
        if Path(source.path).name == "orgs.tsv" and path.is_file():
            names.update(row["name"].lower() for _, row in read_tsv(path, ["name"]))
    return frozenset(names)


def _state_names_beside(sources: list) -> tuple[tuple[str, str], ...]:
    """(ISO3, UN name) of each `un_members.tsv` beside an orgs.tsv."""
    names = {}
    for source in sources:
        path = Path(source.path).with_name("un_members.tsv")
        if Path(source.path).name == "orgs.tsv" and path.is_file():
            names.update((row["iso3"], row["un_name"]) for _, row in read_tsv(path, ["iso3", "un_name"]))
    return tuple(sorted(names.items()))


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) or "(?!)"


def default_knowledge() -> OrgKnowledge:
    """What the shipped English files know (the helpers' default)."""
    return org_knowledge()


def load_symbol_prefix(files=DEFAULT_SYMBOLS) -> re.Pattern:
    """The `symbol_prefix` regex of the UN symbol file(s) (the last one given wins)."""
    from pipeline.core.validate import compile_regex

    found = None
    for source in as_sources(files):
        for lineno, obj in records(source.path, SCHEMAS["patterns/un_symbols.jsonl"]):
            if obj["kind"] == "symbol_prefix" and not obj.get("disabled"):
                found = compile_regex(obj["regex"], f"{source.path} line {lineno}", "regex")
    if found is None:
        raise ModelDataError(f"{as_sources(files)[0].path}: expected a line of kind 'symbol_prefix', got none")
    return found


def lookup_org(text: str, know: OrgKnowledge | None = None) -> tuple[str, str] | None:
    """(canonical name, acronym) of a known organization written any way the
    gazetteer knows, or None."""
    org = (know or default_knowledge()).gazetteer.lookup(text)
    return (org.name, org.acronym) if org else None


def org_acronym(canonical_name: str, know: OrgKnowledge | None = None) -> str:
    gazetteer = (know or default_knowledge()).gazetteer
    org = gazetteer.by_name.get(canonical_name) or gazetteer.lookup(canonical_name)
    return org.acronym if org else ""


# -- sanity filters ---------------------------------------------------------------
def strip_the(text: str, know: OrgKnowledge | None = None) -> str:
    """`text` without a leading article ("the Peacebuilding Commission")."""
    return (know or default_knowledge()).articles_re.sub("", text.strip())


def names_a_period(long_form: str, know: "OrgKnowledge") -> bool:
    """A long form whose head noun names a period, not a body, even with an acronym
    ("International Year of Deserts and Desertification (IYDD)": org_filters.jsonl period_head)."""
    return head_word(long_form.split(), know.filters["connector"]) in know.filters["period_head"]


def head_word(words: list[str], connectors: set[str]) -> str:
    """The head noun of a name: the last word before the first connector
    ("Treaty" in "Treaty on the Prohibition ...", "Organization" in
    "North Atlantic Treaty Organization")."""
    head = words[0]
    for w in words:
        if w.lower() in connectors:
            break
        head = w
    return head.lower()


def clean_org_name(text: str, filters: OrgFilters | None = None,
                   is_state: Callable[[str], str | None] | None = None,
                   know: OrgKnowledge | None = None) -> str | None:
    """The cleaned organization name in `text`, or None when it is a fragment,
    a generic class, a title, an event, a document, a symbol or a State."""
    know = know or default_knowledge()
    filters = filters or know.filters
    if "\n" in text:
        return None
    name = strip_the(re.sub(r"\s+", " ", text), know)
    name = re.sub(r"(?:['’]s|['’])$", "", name).strip(" ,;:.-–—\"'“”‘’")
    if not name or not any(ch.isalpha() for ch in name):
        return None
    if name.count("(") != name.count(")") or name.count("[") != name.count("]") or name.count('"') % 2:
        return None
    if know.symbol_re.match(name) or re.search(r"\b[A-Z]-\d\b|\d+/\d+", name):  # document symbols, job grades
        return None
    words = name.split()
    lower = name.lower()
    # a run-on counts its naming words: "Office of the Special Envoy of the Secretary-General for the
    # Horn of Africa" is 14 words but 6 names
    naming = [w for w in words if w.lower() not in filters["connector"]]
    too_long = len(words) > MAX_NAME_TOKENS and (len(naming) > MAX_NAMING_WORDS or len(words) > MAX_CONNECTED_TOKENS)
    if too_long or not name[0].isupper() and not name[0].isdigit():
        return None
    if name[0].isdigit() and len(words) == 1:
        return None
    connectors = filters["connector"]
    if words[-1].lower() in filters["ending"] or words[0].lower() in filters["ending"] - {"a"}:
        return None
    # a lowercase content word means a phrase, not a name ("resolution", "programmes"); in a
    # language that capitalises a name's first word only (the lexicon's name_case "first_word":
    # "Organisation mondiale de la Santé"), not when the gazetteer knows the name (an unknown one
    # with an organization head costs more precision than it brings: benchmarks/README.md)
    # (a complement_joiner inside a complement is a name's word: "... on Enforced or Voluntary Disappearances")
    if any(w[0].islower() and w.lower() not in connectors | filters["group_tail"] | filters["complement_joiner"]
           for w in words if w[0].isalpha()) and not (
            "first_word" in know.lexicon.get("name_case") and know.gazetteer.lookup(name)):
        return None
    connectors = filters["connector"]
    preps = connectors - know.name_joiners
    # the noun that says what the name is: before "of/on/for ..." if any, else the last word
    last = head_word(words, preps) if any(w.lower() in preps for w in words) else words[-1].lower()
    # ("the National Oceanic and Atmospheric Administration": a long name an agency_head ends is an
    # agency's, not a government's: four words or more, or three with "and")
    agency = last in filters["agency_head"] and _agency_name(words, know)
    if lower in filters["generic"] or last in filters["state_head"] and not agency or last in filters["person_head"]:
        return None
    if len(words) == 1 and lower in filters["org_head"]:  # "International", "Centre"
        return None
    # a title opens a person's name, but "Prosecutor General’s Office" is the official's body
    office = re.search(r"['’]s\s+(\S+)", lower)
    if (any(lower == t or lower.startswith(t + " ") or lower.startswith(t + "s") for t in filters["title"])
            and not (office and office.group(1) in filters["org_head"])):
        return None
    # (a State's official name at the end is no phrase of the body's: "Ministry of Foreign Affairs of
    # the Islamic Republic of Iran" keeps its name, "Republic of Korea" alone is still a State)
    if any(p in _without_trailing_state(name, know).lower() for p in filters["drop_phrase"]):
        return None
    head = head_word(words, connectors)
    # "Vital Events and National Identity Card Registration Agency": an "and" inside the name's first
    # chunk joins two modifiers of the organization head that ends it, not an event and a body
    joined = last != head and last in filters["org_head"] and any(w.lower() in know.name_joiners for w in words)
    if (head in filters["event"] or head in filters["document"]) and not joined or words[-1].lower() in filters["event"]:
        return None
    # "Disengagement of Forces Agreement": the last chunk is headed by a document noun and the first
    # by no organization noun (not "Secretariat of the Convention", "Institute of International Law")
    if (len(words) >= 2 and words[-1].lower() in filters["document"] and words[-2].lower() not in connectors
            and head not in filters["org_head"]):
        return None
    # "State Party to the Convention": a treaty's party is a State, not a body (party_opening)
    if any(lower == p or lower.startswith(p + " ") for p in filters["party_opening"]):
        return None
    # "National Programme of Measures for Roma": a State's policy, not a body (policy_opening)
    if any(lower == p or lower.startswith(p + " ") for p in filters["policy_opening"]):
        return None
    # "Mission to Albania" opening a name: a visit or the report on it, not a body (visit_opening)
    if any(lower.startswith(p + " ") for p in filters["visit_opening"]):
        return None
    # "Cap-Haïtien International Airport": a place, not a body (place_head)
    if words[-1].lower() in filters["place_head"]:
        return None
    if _names_a_project(words, last, filters, know):
        return None
    if administrative_area(words, know):
        return None
    if _numbered_event(words, connectors, know):
        return None
    is_state = is_state or know.is_state
    if is_state(name):
        return None
    return name


def _names_a_project(words: list[str], head: str, filters: OrgFilters, know: OrgKnowledge) -> bool:
    """"SPARK Programme", "Funguo Innovation Programme", "Anti-Fraud Programme", "TPNW Trust Fund": a
    name ending with a project noun (project_head) and no complement is a body's project or account,
    not a body, unless the
    gazetteer knows it or its opening words name a known body whose programme it is ("United
    Nations Countering Terrorist Travel Programme", "UNAIDS Joint Programme", "GEF Small Grants
    Programme"); "Programme on Science and Global Security" (a complement) stays a body."""
    if head != words[-1].lower() or len(words) < 2:
        return False
    lower = [w.lower() for w in words]
    size = next((len(p.split()) for p in filters["project_head"]
                 if lower[-len(p.split()):] == p.split() and len(words) > len(p.split())), 0)
    if not size or know.gazetteer.lookup(" ".join(words)):
        return False
    if all(w in filters["weak_modifier"] for w in lower[:-size]):
        return False   # "the Joint Programme", "the Global Programme": a short form the note's longer name links
    return not any(know.gazetteer.lookup(" ".join(words[:k])) for k in range(1, len(words)))


def administrative_area(words: list[str], know: OrgKnowledge, place_word=None) -> bool:
    """"North Department", "Artibonite Department", "Centre Department of Haiti": one compass word or
    place name before an area_head noun, and no complement but a State: an administrative area, not a
    body ("Department of Peace Operations" has a complement, "Military Operations Department" two
    naming words). `place_word()`, asked last: whether the model tagged the first word a place."""
    filters = know.filters
    if len(words) < 2 or words[1].lower() not in filters["area_head"]:
        return False
    rest = words[2:]
    if rest and not (rest[0].lower() in filters["connector"] and know.is_state(" ".join(rest[1:]))):
        return False
    first = words[0].lower()
    return first in filters["area_compass"] or know.is_place(words[0]) or place_word is not None and place_word()


def _without_trailing_state(name: str, know: OrgKnowledge) -> str:
    """`name` up to the preposition before a State that ends it: "Ministry of Foreign Affairs of"
    for "... of the Islamic Republic of Iran", "Permanent Mission of" for "... of Belgium" (the
    drop phrase "permanent mission of" still applies)."""
    for match in re.finditer(r"\s(of|in)\s+(?:the\s+)?", name, flags=re.IGNORECASE):
        if know.is_state(name[match.end():]):
            return name[:match.start()] + " " + match.group(1)
    return name


def _is_ordinal(word: str, filters: OrgFilters) -> bool:
    """"Sixth", "Sixty-ninth", "5th", "21st"."""
    low = word.lower().split("-")[-1]
    if low in filters["ordinal"]:
        return True
    digits = low.rstrip("".join(filters["ordinal_suffix"]))
    return digits.isdigit() and low[len(digits):] in filters["ordinal_suffix"]


def _numbered_event(words: list[str], connectors: set[str], know: OrgKnowledge) -> bool:
    """One meeting of a numbered series ("5th Global Forum on ...", "Sixth Business Forum"), not a
    body: an ordinal first word and a head noun of numbered_event_head, unless the gazetteer knows
    the name ("Sixth Committee")."""
    filters = know.filters
    return (len(words) >= 2 and _is_ordinal(words[0], filters)
            and head_word(words, connectors) in filters["numbered_event_head"]
            and not know.gazetteer.lookup(" ".join(words)))


def _is_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")


def held_occasion(doc: Doc, start: int, end: int, know: OrgKnowledge, ents: "EntIndex | None" = None) -> bool:
    """A name of a meeting that is held, not of a body: a numbered_event_head name right after an
    ordinal the name leaves out ("the third African Business and Human Rights Forum"), an occasion_head
    name right after a year ("the 2025 Regional Forum for Latin American ..."), or an occasion_head name followed by "held" or by
    "in" and a place or a date ("the Tropical Forest Forum in Oslo", "the European Union-Uganda
    Business Forum in early 2024", "..., held in Nairobi"). A name the gazetteer knows stays."""
    filters = know.filters
    words = doc[start:end].text.split()
    if not words or know.gazetteer.lookup(doc[start:end].text):
        return False
    last = words[-1].lower()
    head = head_word(words, filters["connector"])
    if start > 0 and {head, last} & filters["numbered_event_head"] and _is_ordinal(doc[start - 1].text, filters):
        return True
    if last not in filters["occasion_head"] and head not in filters["occasion_head"]:
        return False
    if start > 0 and _is_year(doc[start - 1].text):
        return True   # (not any body after a year: "2010 Australian National Advisory Council on ...", a CV line)
    if last not in filters["occasion_head"]:
        return False
    c = end + (end < len(doc) and doc[end].text == ",")
    if c < len(doc) and doc[c].lower_ in filters["occasion_cue"]:
        return True
    if end + 1 < len(doc) and doc[end].lower_ in know.lexicon.get("location_prepositions"):
        ents = ents or EntIndex.of(doc)
        nxt = doc[end + 1]
        return (_place_at(doc, end + 1, know, ents) or ents.opens(end + 1, ("DATE",))
                or nxt.lower_ in filters["complement_stop"] or _is_year(nxt.text))
    return False


def action_heading(doc: Doc, start: int, end: int, know: OrgKnowledge) -> bool:
    """A list item's heading that is an action, not a body: a line that opens (after a bullet or a list
    number) with a heading_verb and whose capitalised words up to a colon hold the name ("• Empower
    Palestinian Security Forces: Provide support ...", "2. Sustain Monitoring and International Pressure:
    Continued monitoring ...")."""
    verbs = know.filters["heading_verb"]
    c = end   # the heading's colon, after the name or a place it names ("Restore Basic Services in Gaza:")
    while (c < len(doc) and c - end < 4 and doc[c].text != ":" and "\n" not in doc[c - 1].text_with_ws
           and (doc[c].text[:1].isupper() or doc[c].lower_ in know.filters["connector"])):
        c += 1
    if not (doc[end - 1].text == ":" or c < len(doc) and doc[c].text == ":"):
        return False
    k = start
    while k < end - 1 and (doc[k].is_lower or not doc[k].is_alpha):   # "the", "•"
        k += 1
    if not (k < end and doc[k].lower_ in verbs and doc[k].text[:1].isupper()):
        k = start - 1
        if k < 0 or doc[k].lower_ not in verbs or not doc[k].text[:1].isupper():
            return False
    m = k
    while m > 0 and "\n" not in doc[m - 1].text_with_ws and k - m < 3:
        if doc[m - 1].is_alpha and len(doc[m - 1]) > 1:
            return False      # a word before the verb: no heading of its own
        m -= 1
    return m == 0 or "\n" in doc[m - 1].text_with_ws


def modifies_next_word(doc: Doc, end: int, know: OrgKnowledge) -> bool:
    """A name right before a lowercase compound_tail noun ("Scientific Network subgroup", "the
    Seventh Ministerial Council meeting") is a modifier of that thing, not a body named on its own."""
    return end < len(doc) and doc[end].text.islower() and doc[end].lower_ in know.filters["compound_tail"]


def name_goes_on(doc: Doc, end: int, know: OrgKnowledge) -> bool:
    """A longer name goes on after doc[:end], in a language that writes a name's words after
    its head noun: a name adjective ("Comité consultatif permanent"), or "et"/"," and a
    connector ("Ministère des affaires étrangères et de la coopération", "..., des
    universités"). The lexicon's `name_adjectives` and `name_continuations` (none in English)."""
    if end >= len(doc):
        return False
    lex = know.lexicon
    if doc[end].lower_ in lex.get("name_adjectives"):
        return True
    if (doc[end].lower_ in know.conjunctions | {","} and end + 1 < len(doc)
            and doc[end + 1].lower_ in lex.get("name_continuations")):
        return True
    return "all_words" in lex.get("name_case") and _capitalised_words_go_on(doc, end, know)


def _capitalised_words_go_on(doc: Doc, end: int, know: OrgKnowledge) -> bool:
    """In a language that capitalises every main word of a name (the lexicon's name_case
    "all_words": Spanish "Ministerio de Agricultura, Ganadería y Pesca"), a conjunction and a
    capitalised word go on with the name ("Ministerio de Relaciones Exteriores y Cooperación
    Internacional"), and so does a comma and a capitalised word when a conjunction and a
    capitalised word close the list ("Ministerio de Educación, Universidades e Investigación")."""
    def capital(i: int) -> bool:
        return i < len(doc) and doc[i].text[:1].isupper() and doc[i].text[1:2].islower()
    if doc[end].lower_ in know.conjunctions:
        return capital(end + 1)
    if doc[end].text == "," and capital(end + 1):
        for i in range(end + 2, min(end + 6, len(doc) - 1)):
            if doc[i].lower_ in know.conjunctions:
                return capital(i + 1)
            if not capital(i):
                return False
    return False


def clean_model_org(span: Span | str, know: OrgKnowledge | None = None) -> str | None:
    """For the statistical model's ORG entities: the cleaned name to keep, or None."""
    know = know or default_knowledge()
    if isinstance(span, Span) and _tail_of_longer_name(span, know):
        return None
    # "General’s Office" cut from "Prosecutor General’s Office": a possessive first word after a capitalised one
    if (isinstance(span, Span) and span.start > 0 and len(span) > 1 and _capitalised(span.doc[span.start - 1], know)
            and span.doc[span.start + 1].lower_ in know.possessives):
        return None
    if isinstance(span, Span) and getattr(know.gazetteer.lookup(span.text), "local", False) \
            and name_goes_on(span.doc, span.end, know):
        return None  # a language's own short name cut from a longer one ("Ministère des affaires étrangères et ...")
    if isinstance(span, Span) and _in_portfolio(span, know):
        return None
    text = span.text if isinstance(span, Span) else str(span)
    if isinstance(span, Span) and len(span) > 1 and _heading_marker(span.doc, span.start):
        text = span[1:].text   # "B. International and regional cooperation": a heading's list letter
    text = _without_leading_role(text, know)   # "Professor Addiction Psychiatry ...": a CV line's role
    name = clean_org_name(text, know=know)
    if name is None:
        return None
    if isinstance(span, Span) and not know.gazetteer.lookup(name):
        if modifies_next_word(span.doc, span.end, know):
            return None
        # "the 5th Global Forum": the model left the ordinal out of its span
        if span.start > 0 and _numbered_event([span.doc[span.start - 1].text] + name.split(),
                                              know.filters["connector"], know):
            return None
        if (held_occasion(span.doc, span.start + (span[0].lower_ in know.articles), span.end, know)
                or action_heading(span.doc, span.start, span.end, know)):
            return None
    words = name.split()
    # the model's one-word "ORG"s are mostly places and headings ("Gonaïves", "Interior");
    # one-word organizations it would find are acronyms or in the gazetteer
    letters = [ch for ch in name if ch.isalpha()]
    mostly_capitals = sum(ch.isupper() for ch in letters) * 2 >= len(letters)
    known = know.gazetteer.lookup(name)
    if len(words) == 1 and not (is_acronym(name) and mostly_capitals) and not known:
        return None
    if len(words) == 1 and not known:
        # An acronym the model calls ORG ("SDG", "GBV", "DDR", "NAP") is an organization
        # only where the note defines it as one (or the gazetteer knows it).
        defined = (span.doc._.acronyms or {}) if isinstance(span, Span) else {}
        long_form = defined.get(name)
        if not long_form or not _names_a_body(long_form, know) or names_a_period(long_form, know):
            return None
    if re.match(r"^[IVX]+\.\s", name) or words[-1].isdigit() and not know.gazetteer.lookup(name):
        return None  # a numbered heading ("I. Introduction 1")
    # "Human Rights Ombudsman in Slovenia": the State is its own mention
    name = _strip_trailing_state(name, know)
    # A longer name the gazetteer does not know must say what kind of body it is
    # ("... Center", "... Movement", "Ministry of ..."): the model's other multi-word
    # ORGs in UN notes are mostly headings, topics and people ("Challenges and
    # Priorities", "Protection of Civilians", "Rodion Miroshnik").
    if len(words) > 1 and not _names_a_body(name, know):
        return None
    return name


def _in_portfolio(span: Span, know: OrgKnowledge) -> bool:
    """A model ORG that continues a minister's portfolio is part of the title, not a body: "the
    Minister for Foreign Affairs and International Cooperation, Eltaher Elbaour", "Minister of State
    for Cabinet Affairs", "Minister for Foreign Affairs, National Community Abroad and African
    Affairs". Walking left from the span over capitalised words and the connectors of a portfolio
    ("and", "of", "for", a comma) reaches a portfolio_title word; an article or any other word stops
    the walk ("the Minister of Health and the Ministry of Education" keeps the Ministry)."""
    doc, titles = span.doc, know.filters["portfolio_title"]
    joints = know.filters["portfolio_joint"]
    i = span.start - 1
    if i < 0 or doc[i].lower_ not in joints:
        return False
    if doc[i].text == "," and i > 0 and doc[i - 1].lower_ in titles:
        return False   # "Third Secretary, Office of the Minister of Foreign Affairs": a rank, then its body
    sent_start = span.sent.start if doc.has_annotation("SENT_START") else 0
    while i >= sent_start:
        tok = doc[i]
        if tok.lower_ in titles:
            return True
        if tok.lower_ in joints or (tok.text[:1].isupper() and tok.is_alpha):
            i -= 1
            continue
        return False
    return False


def _without_leading_role(text: str, know: OrgKnowledge) -> str:
    """`text` without the leading_role words (and role_modifier words before them) a CV line glues
    before a name ("Professor ...", "Vice Dean ..."), as the named-body pattern drops them."""
    words, roles, modifiers = text.split(), know.filters["leading_role"], know.filters["role_modifier"]
    last = None
    for n, w in enumerate(words[:-1]):
        low = w.lower()
        if not w[:1].isupper() or low not in roles | modifiers or w.endswith(know.possessives):
            break
        if low in roles:
            last = n
    if last is None or words[last + 1].endswith(know.possessives) or "-" in words[last]:
        return text   # "Director General’s Office", "Director-General ..."
    rest = words[last + 1:]
    if not rest[0][:1].isupper():
        return text   # "President of the Security Council": a title, not a role glued before a name
    while rest and rest[0].lower() in know.stop_words:
        rest = rest[1:]
    return " ".join(rest) if len(rest) >= 2 else text


def _agency_name(words: list[str], know: OrgKnowledge) -> bool:
    """Four naming words or more, or three with "and": a long name that an agency_head can end."""
    naming = [w for w in words if w.lower() not in know.filters["connector"]]
    return len(naming) >= 4 or len(naming) >= 3 and any(w.lower() in know.conjunctions for w in words)


def _names_a_body(name: str, know: OrgKnowledge) -> bool:
    """A name that says what kind of body it is ("... Centre", "Ministry of ...", "National Oceanic and
    Atmospheric Administration": agency_head) or is known."""
    heads = know.filters["org_head"]
    words = name.split()
    return (bool(know.gazetteer.lookup(name)) or any(w.strip("(),.’'").lower() in heads for w in words)
            or bool(words) and words[-1].lower() in know.filters["agency_head"] and _agency_name(words, know))


def _strip_trailing_state(name: str, know: OrgKnowledge) -> str:
    match = know.trailing_state_re.match(name)
    if match and len(match.group(1).split()) >= 2:
        if know.is_place(match.group(2)) and not match.group(1).split()[-1].lower() in know.filters["keeps_state"]:
            return match.group(1)
    return name


def _tail_of_longer_name(span: Span, know: OrgKnowledge) -> bool:
    """"Non-Proliferation of Nuclear Weapons" cut from "Treaty on the Non-Proliferation ...":
    the span follows a capitalised word and a connector ("Treaty on the", "Campaign to")."""
    doc, i, filters = span.doc, span.start - 1, know.filters
    if i >= 0 and doc[i].lower_ in know.articles:
        i -= 1
    # only after a head noun of a name ("Treaty", "Campaign"), not after a title ("Director of the ...")
    heads = filters["org_head"] | filters["document"] | filters["event"] | filters["tail_head"]
    return (i >= 1 and doc[i].lower_ in filters["connector"] - know.conjunctions
            and doc[i].text.islower() and doc[i - 1].lower_ in heads)


# -- token tests shared by the finders (named_bodies, listed_bodies, composed_units, org_matcher) --
def _capitalised(token, know: OrgKnowledge) -> bool:
    t = token.text
    # a word opening with digits counts when it has a capital ("3R", "2RS") or is an ordinal ("5th":
    # org_filters.jsonl ordinal_suffix), not a street number ("15a")
    elision = next((e for e in know.elisions if t.lower().startswith(e) and len(t) > len(e)), None)
    if elision:
        t = t[len(elision):]   # "d’Haïti" in "Association des Assureurs d’Haïti"
    return t[:1].isupper() and (not t.isupper() or len(t) <= 6) or t[:1].isdigit() and (
        any(c.isupper() for c in t) or t.lower().endswith(know.ordinal_suffixes))


def _run_end(doc: Doc, i: int, know: OrgKnowledge) -> int:
    """End of the run of capitalised tokens from i ("Women", "’s", "Affairs", "Office"); a word
    joined by a hyphen glued on both sides belongs to it ("Secretary-General", "Non-Proliferation",
    "Peer-to-Peer"): the name is never cut at its own hyphen, nor at a plural's possessive
    apostrophe (the lexicon's plural_possessives: "Human and Peoples’ Rights")."""
    j = i
    while j < len(doc):
        if j > i and abbreviated_honorific(doc[j], know):
            break   # "... of The Secretary General Mr. Christophe Monnier": a person follows (org_bounds)
        if _capitalised(doc[j], know) and doc[j].text != "I" or (
                j > i and doc[j].lower_ in know.possessives and not doc[j - 1].whitespace_):
            j += 1
        elif j > i and _plural_possessive(doc, j, know):
            j += 1
        elif j > i and _glued_hyphen(doc, j) and _capitalised(doc[j + 1], know):
            j += 2
        elif (j > i and _glued_hyphen(doc, j) and j + 3 < len(doc) and _glued_hyphen(doc, j + 2)
              and _capitalised(doc[j + 3], know)):
            j += 4   # "Peer-to-Peer": a lowercase middle part, not "PEPFAR-supported Ministry"
        elif j > i and lowercase_compound_part(doc, j, know):
            j += 2   # "High-level Committee", "Co-ordinating Committee" (org_bounds)
        else:
            break
    return j


def _plural_possessive(doc: Doc, j: int, know: OrgKnowledge) -> bool:
    """doc[j] is a possessive apostrophe glued to a plural word ending in "s" and followed by a
    capitalised word of the same name ("Peoples’ Rights", "Workers' Union"), not a closing quote."""
    return (doc[j].text in know.plural_possessives and not doc[j - 1].whitespace_ and doc[j - 1].text[-1:] in ("s", "S")
            and _capitalised(doc[j - 1], know) and j + 1 < len(doc) and _capitalised(doc[j + 1], know))


def _glued_hyphen(doc: Doc, j: int) -> bool:
    """doc[j] is a hyphen with no space on either side, between two words ("Secretary-General")."""
    return (doc[j].text in ("-", "–") and j + 1 < len(doc) and not doc[j].whitespace_
            and not doc[j - 1].whitespace_ and doc[j + 1].is_alpha)


def _is_head(token, heads: set[str]) -> bool:
    """An organization head noun, also with an abbreviation's full stop ("Ltd.", "Inc.")."""
    return token.lower_ in heads or token.lower_.rstrip(".") in heads


@dataclass(frozen=True)
class EntIndex:
    """The statistical model's entities of a Doc by token, built once where the rules read a Doc: they
    ask about the entity at a token for many candidates, and `doc.ents` rebuilds its tuple from all the
    tokens on each read. Built from the entities of that moment (the model's, before unnotes_resolve
    replaces them), so never kept on the Doc."""
    starts: dict[int, frozenset[str]]   # token -> labels of the entities opening there
    over: tuple[str, ...]               # token -> label of the entity over it ("" outside)

    @classmethod
    def of(cls, doc: Doc) -> "EntIndex":
        starts: dict[int, set[str]] = {}
        over = [""] * len(doc)
        for e in doc.ents:
            starts.setdefault(e.start, set()).add(e.label_)
            over[e.start:e.end] = [e.label_] * (e.end - e.start)
        return cls({i: frozenset(v) for i, v in starts.items()}, tuple(over))

    def opens(self, i: int, labels) -> bool:
        """An entity of one of `labels` opens at token i."""
        return not self.starts.get(i, frozenset()).isdisjoint(labels)


def _model_place(ents: EntIndex, i: int) -> bool:
    """The statistical model tagged a place (AREA_LABELS) over doc[i] ("Artibonite")."""
    return ents.over[i] in AREA_LABELS


def _place_at(doc: Doc, c: int, know: OrgKnowledge, ents: EntIndex) -> bool:
    """A place opens at doc[c]: a State or city the data knows ("Rome", "Oslo"), or a place the
    statistical model tagged there ("Khan Yunis", "Gok Machar")."""
    if know.is_place(doc[c:_run_end(doc, c, know)].text):
        return True
    return ents.opens(c, PLACE_LABELS)


def _heading_marker(doc: Doc, i: int) -> bool:
    """doc[i] is a heading's list letter opening a line or sentence ("C. Lebanese Armed Forces deployment",
    "E. The Committee"), not a person's initial inside a name."""
    return bool(re.fullmatch(r"[A-Z]\.", doc[i].text)) and (
        i == 0 or doc[i].is_sent_start or doc[i - 1].is_space or "\n" in doc[i - 1].text) and (
        i + 1 < len(doc) and not re.fullmatch(r"[A-Z]\.", doc[i + 1].text))


def find_quoted_names(doc: Doc, legal_forms: set[str]) -> list[tuple[int, int]]:
    """Token spans of names printed in quotes after a legal form: PJSC “Rosseti”,
    State Unitary Enterprise “Tavriya-Energy”, State corporation “Rosatom”, and
    “Bryanskenergo”, a branch of PJSC ... (the form after the name). The name is
    the quoted words only; the form is not part of it."""
    spans = []
    longest = max((len(f.split()) for f in legal_forms), default=0)
    for i, tok in enumerate(doc):
        if tok.text not in OPEN_QUOTES:
            continue
        j = i + 1
        while j < len(doc) and j - i <= QUOTED_NAME_TOKENS + 1 and doc[j].text not in CLOSE_QUOTES:
            j += 1
        if j >= len(doc) or doc[j].text not in CLOSE_QUOTES or j == i + 1 or not doc[i + 1].text[:1].isupper():
            continue
        before = [t.lower_ for t in doc[max(0, i - LEGAL_FORM_GAP - longest):i]]
        form_before = any(" ".join(before[a:b]) in legal_forms
                          for a in range(len(before)) for b in range(a + 1, len(before) + 1)
                          if len(before) - b <= LEGAL_FORM_GAP)
        after = " ".join(t.lower_ for t in doc[j + 1:j + 1 + LEGAL_FORM_GAP + 8])
        form_after = after.startswith(", a") and any(f in after for f in legal_forms if f.startswith("branch"))
        if form_before or form_after:
            spans.append((i + 1, j))
    return spans


def find_classed_names(doc: Doc, know: OrgKnowledge, ents: "EntIndex") -> list[tuple[int, int]]:
    """Token spans of bodies with no head word that the text classes by a lowercase noun right
    before them: "the Israeli company Bezeq", "the group Jama‘ah al-Islamiyya", "the
    non-governmental organization Voice of the Voiceless", "a local insurance company, Activa,"
    (class_noun after a class_determiner and up to four modifiers). The name is the capitalised run
    after the noun (and "of", "the", "al-" inside it); a State, a place, a month, a run opening with a
    stop word or one the name filters drop ("the group Member States") is no name."""
    filters = know.filters
    nouns, dets = filters["class_noun"], filters["class_determiner"]
    months = filters["complement_stop"]
    inner = filters["class_name_joiner"] | filters["name_particle"]
    glued_particle = re.compile(rf"\b(?:{_alternation(filters['name_particle'])})[-‑]")
    spans = []
    for k, tok in enumerate(doc):
        if tok.text not in nouns or k + 1 >= len(doc):
            continue
        i = k - 1   # back over modifiers to a determiner ("the Israeli", "a local insurance")
        while i >= 0 and k - i <= 5 and doc[i].lower_ not in dets and (doc[i].is_alpha or doc[i].text in ("-", "‑")):
            i -= 1
        if i < 0 or doc[i].lower_ not in dets or k - i > 5:
            continue
        start = k + 1
        comma = doc[start].text == ","
        if comma:
            start += 1
        if start >= len(doc) or not (doc[start].text[:1].isupper() and any(ch.isalpha() for ch in doc[start].text)):
            continue
        end = start + 1
        while end < len(doc) and end - start < CLASSED_NAME_TOKENS:
            t = doc[end]
            if t.text[:1].isupper() and (t.is_alpha or "-" in t.text or "‘" in t.text or "’" in t.text):
                end += 1
            elif t.lower_ in inner and end + 1 < len(doc) and (doc[end + 1].text[:1].isupper() or doc[end + 1].lower_ in inner):
                end += 1
            else:
                break
        while end > start and doc[end - 1].lower_ in inner:
            end -= 1
        if comma and (end >= len(doc) or doc[end].text != ","):
            continue   # "a company, Activa, ..." only as an apposition closed by a comma
        text = doc[start:end].text
        if (doc[start].lower_ in know.stop_words or doc[start].lower_ in months or know.is_place(text)
                or ents.opens(start, ("GPE", "DATE", "NORP", "LOC")) or not clean_org_name(glued_particle.sub("", text), know=know)):
            continue
        spans.append((start, end))
    return spans


def shortened_from(name: str, mentions: list[tuple[str, str]], prepositions: frozenset[str] = frozenset()) -> str:
    """The norm of a longer name in the same note that `name` shortens, by
    leading words ("Informal Expert Group" for "Informal Expert Group on Women,
    Peace and Security") or trailing words ("Advisory Group" for "Scientific
    Advisory Group"); else `name` itself."""
    low = name.lower()
    best = None
    for text, norm in mentions:
        # (not the tail of a unit's name after a preposition, `prepositions`: "Ludwig Maximilian University
        # of Munich" is not short for "Department of Sociology Ludwig Maximilian University of Munich")
        if len(text) > len(low) and (text.startswith(low + " ") or text.endswith(" " + low)
                                     and not set(text[:-len(low)].split()) & prepositions):
            if best is None or len(text) > len(best[0]):
                best = (text, norm)
    return best[1] if best else name


def inside_symbol(doc: Doc, start: int, end: int, symbol_re: re.Pattern) -> bool:
    """An acronym inside "A/HRC/14/37" or after a hyphen ("OP-CAT") is not a mention."""
    if start > 0 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_:
        return True
    a = start
    while a > 0 and not doc[a - 1].whitespace_:
        a -= 1
    b = end
    while b < len(doc) and not doc[b - 1].whitespace_:
        b += 1
    word = doc[a:b].text.strip(" .,;:()")
    return "/" in word and bool(symbol_re.match(word))
