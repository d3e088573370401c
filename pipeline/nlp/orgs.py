"""`unnotes_orgs`: organizations named in a note, from the gazetteer
`models/gazetteers/orgs.tsv` and from a capitalised-name pattern, plus the
sanity filters applied to the statistical model's ORG entities.

What the component and its collaborators (acronyms, model entities) know
about organizations is one `OrgKnowledge` (gazetteer, filters, lexicon, State
lookup, symbol pattern), loaded from the files their configs name and shared
between them by `org_knowledge`'s cache, never through module state.

Public helpers (each takes an `OrgKnowledge`; the default is the shipped English one):
- `lookup_org(text)` -> (canonical name, acronym) or None
- `org_acronym(canonical_name)` -> acronym ("" when none)
- `clean_model_org(span_or_text)` -> cleaned name to keep, or None to drop

Matching rules: an alias of 3+ tokens matches in any case; shorter aliases and
acronyms match exactly as written ("WHO" yes, "who" never), plus an ALL-CAPS
copy of short names for headings. The longest of our own matches wins, so
"United Nations" inside "United Nations Office for Disarmament Affairs" is only
the longer name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Callable, Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from pipeline.core.datafiles import as_sources, read_tsv, sources_key
from pipeline.core.schemas import SCHEMAS
from pipeline.core.validate import records
from pipeline.core.errors import ModelDataError
from pipeline.core.models import default_file
from pipeline.core.schemas import ORG_KINDS as KINDS, ORG_FILTER_KINDS as FILTER_KINDS, ORG_LEXICONS
from pipeline.nlp.common import CANDIDATES, add_candidate
from pipeline.nlp.lexicon import Lexicon, load_lexicon
from pipeline.nlp.org_bounds import lowercase_compound_part, names_itself, region_pair_goes_on
from pipeline.nlp.org_lists import find_list_items
from pipeline.nlp.org_portfolios import Portfolios, english_list, learn_portfolios, portfolio_list

DEFAULT_GAZETTEER = default_file("orgs")
DEFAULT_FILTERS = default_file("org_filters")
DEFAULT_STATES = default_file("states")
DEFAULT_SYMBOLS = default_file("symbols")
DEFAULT_LEXICON = default_file("lexicon")

LONG_ALIAS_TOKENS = 3   # aliases this long match case-insensitively
MAX_NAME_TOKENS = 12    # a model "ORG" longer than this is a run-on, not a name ...
MAX_NAMING_WORDS = 10   # ... unless most of its words are connectors (then: more naming words than this)
MAX_CONNECTED_TOKENS = 16
NAMED_BODY = "pattern:org_filters.jsonl:named-body"
QUOTED_NAME = "pattern:org_filters.jsonl:legal-form-quoted-name"
OWN_UNIT = "pattern:org_filters.jsonl:own-unit"
LISTED_BODY = "pattern:org_filters.jsonl:listed-body"
CLASSED_NAME = "pattern:org_filters.jsonl:classed-name"   # "the Israeli company Bezeq" (class_noun)
PUBLISHER = "pattern:org_filters.jsonl:publisher"   # "Oxford University Press" (publisher_tail)
CLASSED_NAME_TOKENS = 6    # a capitalised run after a class noun longer than this is no name
LED_ITEM = "pattern:org_filters.jsonl:led-list-item"   # an item of a list after a lead-in naming bodies
LIST_ITEM = "pattern:org_filters.jsonl:list-item"   # an item of a participants list (org_lists)
KNOWN_TAIL = "pattern:org_filters.jsonl:known-tail"   # "West African Development Bank" over "African Development Bank"
MAX_LISTED_TOKENS = 8      # an item of a list of bodies longer than this is prose: the list ends
MAX_LED_TOKENS = 24        # an item of a led list (find_led_items) longer than this is prose: the list ends
MAX_LED_WORDS = 16         # ... and a name longer than this is no name
MAX_LEAD_WORDS = 10        # a lead-in longer than this is a sentence, not a list's lead-in
LEAD_MARKER_RE = re.compile(r"^\(?(?:[a-z]{1,3}|\d{1,3})\)\s*|^(?:[IVXLC]+|[A-Z]|\d{1,3})\.\s+")   # "(e) ", "b) ", "3. "
FOOTNOTE_MARKS = "*†‡"
DASHES = ("–", "—", "-")
OPEN_QUOTES, CLOSE_QUOTES = ("“", '"', "«"), ("”", '"', "»")
PLACE_LABELS = ("GPE",)   # the statistical model's label of a town or State (a region, LOC, is often part of a name: "... in West Africa")
TOPIC_NOT_LABELS = ("PERSON", "ORG", "GPE", "NORP")   # the model's entities that open no topic of a complement
AREA_LABELS = ("GPE", "LOC")   # the model's places that name an administrative area ("Artibonite Department")
GROUP_NOT_NAME_LABELS = ("GPE", "NORP", "LOC")  # the model's places and peoples: "Haitian gang" names no gang
QUOTED_NAME_TOKENS = 8     # a quoted name longer than this is a quotation, not a name
ENGLISH_PAIRS = ("english_head", "english_adjective", "own_board")   # org_filters.jsonl kinds of "word|English" pairs
COMPOSED_UNIT = "pattern:org_filters.jsonl:composed-unit"
MAX_HEAD_TOKENS = 4        # the longest class head phrase ("Conseil d'administration", "Groupe de travail")
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
    if any(w[0].islower() and w.lower() not in connectors | filters["group_tail"] for w in words if w[0].isalpha()) and not (
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


# -- the named-body pattern ---------------------------------------------------------
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


def _person_at(ents: EntIndex, c: int) -> bool:
    """The statistical model tagged a person opening at doc[c] ("Ryandikayo and Charles Sikubwabo")."""
    return ents.opens(c, ("PERSON",))


def find_named_bodies(doc: Doc, filters: OrgFilters, stop_words: frozenset[str] | None = None,
                      know: OrgKnowledge | None = None, ents: EntIndex | None = None) -> list[tuple[int, int]]:
    """Token spans of capitalised names whose first chunk ends with an
    organization head noun, with their "of/on/for ..." complements:
    "Group of Experts", "Scientific Advisory Group", "Center for International
    Trade and Security of the University of Georgia". Written by hand because
    no maintained matcher expresses "capitalised run + head noun + complement"."""
    heads, connectors = filters["org_head"], filters["connector"]
    know = know or default_knowledge()
    stop_words = know.stop_words if stop_words is None else stop_words
    conjunctions, articles = know.conjunctions, know.articles
    # "Mechanism in Rome", "Forces on the Bravo line": the lexicon's words for where a body sits
    # and for what it is about (empty in a language whose lexicon has none)
    located, topical = know.lexicon.get("location_prepositions"), know.lexicon.get("topic_prepositions")
    ents = ents or EntIndex.of(doc)
    spans = []
    i, n = 0, len(doc)
    while i < n:
        if not _capitalised(doc[i], know) or doc[i].is_sent_start and doc[i].lower_ in stop_words:
            i += 1
            continue
        j = _run_end(doc, i, know)
        # "Women's Peace and Humanitarian Fund": a run joined by "and" to a run ending with the head
        # (the second run names the kind with a word of its own: "Centre" alone, as in "Santé
        # Communautaire and Centre de Santé", opens a second body)
        # (not a run that ends with its head noun and a place, a body already: "University College Dublin and
        # Royal College ...", nor a generic phrase: "Member States and Down Syndrome International")
        if (j + 1 < n and doc[j].lower_ in conjunctions and not _is_head(doc[j - 1], heads) and _capitalised(doc[j + 1], know)
                and not (j - i >= 2 and _is_head(doc[j - 2], heads) and know.is_place(doc[j - 1].text))
                and doc[i:j].text.lower() not in filters["generic"] and not names_itself(doc[i:j], know)):
            j2 = _run_end(doc, j + 1, know)
            if _is_head(doc[j2 - 1], heads) and j2 - (j + 1) >= 2:
                j = j2
        # "Alva Myrdal Centre’s Conference": a possessive after a head noun ends the name there
        for p in range(i + 1, j - 1):
            if doc[p].lower_ in know.possessives and _is_head(doc[p - 1], heads):
                j = p
                break
        # "Mental Hospital Ludwig Maximilian University": a second body glued on (institution_head)
        j = _glued_second_body(doc, i, j, know)
        # the first chunk doc[i:j] must end with a head noun, or open with one in a Romance language's
        # order ("Fondation Jérôme Lejeune", "Alianza por los Humedales Andinos": leading_head)
        k = j - 1 if _is_head(doc[j - 1], heads) else None
        leading = k is None and doc[i].lower_ in filters["leading_head"]
        if leading:
            k = i
        if k is None and _named_group(doc, i, j, filters, know, ents):
            # "the Kraze Barye gang", "the 5 Segond gang": a short name and its group_tail noun
            spans.append((i - 1 if i > 0 and doc[i - 1].is_digit and len(doc[i - 1]) <= 3 else i, j + 1))
            i = j + 1
            continue
        if k is None:
            i = max(j, i + 1)
            continue
        end = j if leading else k + 1
        m = end
        before_comma = None   # where the name ends if a ", X" complement is not closed by "and Y"
        # complements: (connectors | ", ") + capitalised words
        while m < n:
            c = m
            while c < n and (doc[c].lower_ in connectors and doc[c].text.islower() or doc[c].text == ","):
                c += 1
            if (c == m or c >= n or not _capitalised(doc[c], know) or "\n" in doc[m:c].text
                    or doc[c].lower_.rstrip(".") in filters["honorific"]):
                break  # "... Development, Ms. Beena Pallical": a person follows
            # "... of the Russian Federation and Chairman of ...": a title after "and" or a comma is a
            # person's ("Group of Experts" keeps its complement)
            joint = {t.lower_ for t in doc[m:c]}
            if doc[c].lower_ in filters["person_head"] and joint & (conjunctions | {","}):
                break
            # "Ministry of Gender, Child and Social Welfare and Ministry of Peacebuilding": after "and", the
            # name's own head noun opens a second body of the same kind
            if joint & conjunctions and doc[c].lower_ == doc[k].lower_ and not leading:
                break
            # the first complement opens with a preposition ("Group of Experts"); a later "and" joins
            # words inside it ("Trade and Security") but never a second body ("... and the Working Group")
            # (unless what "and the" adds is no body, person or place but a topic of the same complement:
            # "Institute for Justice and the Rule of Law", "... for Asia and the Pacific")
            if m == k + 1 and not joint - conjunctions - articles - {","} or (
                    joint & conjunctions and joint & articles
                    and not (m > k + 1 and "," not in joint and (_topic_goes_on(doc, c, know, ents)
                                                               or region_pair_goes_on(doc, m, c, know)))):
                break
            # "Department of Sociology Ludwig Maximilian University": the complement is one word and a
            # second body, named by its own institution_head, is glued on after it
            if not joint & articles and "," not in joint and _glued_second_body(doc, c, _run_end(doc, c, know), know,
                                                                                 min_before=2) < _run_end(doc, c, know):
                end = c + 1
                break
            # "... in April", "... at Headquarters": a month or a place word closes the name
            if doc[c].lower_ in filters["complement_stop"]:
                break
            # "Armed Forces of the Russian Federation in Bucha": after a State, "in"/"at" says where
            if joint & located and m > k + 1 and know.is_state(_last_run(doc, k + 1, m, know)):
                break
            # "Parliament in Nepal", "Mechanism in Rome", "Hospital in Khan Yunis": "in"/"at" a place
            # (a State, a city, a place the model tagged) says where the body sits
            # (a mission keeps its place: "OPCW Mission in the Syrian Arab Republic"; keeps_state)
            if joint & located and _place_at(doc, c, know, ents) and doc[k].lower_ not in filters["keeps_state"]:
                break
            # "Council against Iran", "Counter-Terrorism Force to Tripoli": after "against" or "to", a State, a
            # place or a person is whom the body acts on or where it goes, not its name (party_preposition;
            # a mission keeps its place: keeps_state)
            if (joint & filters["party_preposition"] and doc[k].lower_ not in filters["keeps_state"]
                    and (_place_at(doc, c, know, ents) or _person_at(ents, c))):
                break
            # "Israel Defense Forces on the Bravo line", "Indian Parliament on the Operation ...": a
            # body of this kind has no "on <topic>" in its name (no_topic_head)
            if joint & topical and doc[k].lower_ in filters["no_topic_head"]:
                break
            if "," in joint:
                # ", in South Kivu": a clause; ", the Committee on ...": a second body (not ", the Horn of Africa")
                if joint - conjunctions - articles - {","} or joint & articles and _is_head(doc[_run_end(doc, c, know) - 1], heads):
                    break
                # "World Federation of Engineering Organizations, International Science Council, ...": after a
                # complement, a comma and a run of its own head noun open the next body of a list (not "Ministry
                # of Health, Social Services and Equality", a list inside one name that "and" closes)
                if m > k + 1 and _second_body_after_comma(doc, c, heads, connectors, conjunctions, know):
                    break
                if joint & conjunctions:
                    before_comma = None          # "A, B, and C": the list inside the name is closed
                elif before_comma is None:
                    before_comma = end           # "A, B": kept only if "and C" follows
            elif joint & conjunctions:
                before_comma = None
            m = end = _run_end(doc, c, know)
        if before_comma is not None:
            end = before_comma
        start = i
        while start < k and (doc[start].lower_ in stop_words or _heading_marker(doc, start)):
            start += 1
        # "Chair EMCDDA Scientific Advisory Board", "Vice Dean Institute of ...": a person's role glued before
        start = _after_leading_role(doc, start, k, know, stop_words)
        # "Cameroon-Nigeria Mixed Commission": a hyphen glued on both sides joins the word before
        while (start >= 2 and doc[start - 1].text in "-–" and not doc[start - 1].whitespace_
               and not doc[start - 2].whitespace_ and _capitalised(doc[start - 2], know)):
            start -= 2
        # "West Bank", "Twelfth Forum", "Trust Fund": no word before the head names anything
        naming = [t for t in doc[start:end] if t.is_alpha and t.i != k
                  and t.lower_ not in filters["weak_modifier"] | connectors]
        if end - start >= 2 and naming:
            spans.append((start, end))
        i = max(end, i + 1)
    return spans


def _heading_marker(doc: Doc, i: int) -> bool:
    """doc[i] is a heading's list letter opening a line or sentence ("C. Lebanese Armed Forces deployment",
    "E. The Committee"), not a person's initial inside a name."""
    return bool(re.fullmatch(r"[A-Z]\.", doc[i].text)) and (
        i == 0 or doc[i].is_sent_start or doc[i - 1].is_space or "\n" in doc[i - 1].text) and (
        i + 1 < len(doc) and not re.fullmatch(r"[A-Z]\.", doc[i + 1].text))


def _topic_goes_on(doc: Doc, c: int, know: OrgKnowledge, ents: EntIndex) -> bool:
    """The capitalised run at doc[c], after "and the" in a body's complement, goes on with that complement
    ("Rule of Law", "Pacific", "Sahel"): up to the end of the name it has no head noun of a body, person,
    document or event, is no State, city or known body, and the model tags no person, body or State there."""
    filters = know.filters
    stops = filters["org_head"] | filters["person_head"] | filters["document"] | filters["event"] | filters["state_head"]
    r = _run_end(doc, c, know)
    words = list(doc[c:r])
    if r < len(doc) and doc[r].text in ("-", "–"):
        return False   # "... and the Inter-" + line break: a word the layout cut, not a topic
    if r + 1 < len(doc) and doc[r].lower_ in filters["connector"] - know.conjunctions - know.articles \
            and doc[r].text.islower() and _capitalised(doc[r + 1], know):
        # "Rule of Law": its own complement names no body or person either
        stops_after = filters["org_head"] | filters["person_head"]
        if any(_is_head(t, stops_after) for t in doc[r + 1:_run_end(doc, r + 1, know)]):
            return False
    text = doc[c:r].text
    if (not words or any(_is_head(t, stops) or t.lower_.rstrip(".") in filters["honorific"] for t in words)
            or know.is_place(text) or know.gazetteer.lookup(text) or doc[c].lower_ in know.stop_words):
        return False
    return not (ents.opens(c, TOPIC_NOT_LABELS) or ents.opens(c - 1, TOPIC_NOT_LABELS))


def _after_leading_role(doc: Doc, start: int, k: int, know: OrgKnowledge, stop_words) -> int:
    """Where a name starts after the person's role a CV line glues before it ("Chair EMCDDA Scientific
    Advisory Board", "Vice Dean Institute of Psychiatry", "Consultant Psychiatrist The Royal ..."): the
    leading_role words (role_modifier words only before one of them: "Senior Management Group" keeps its
    name), never before a possessive or a glued hyphen ("President's Office", "Director-General")."""
    roles, modifiers = know.filters["leading_role"], know.filters["role_modifier"]
    j, last_role = start, None
    while j < k and doc[j].text[:1].isupper() and (doc[j].lower_ in roles or doc[j].lower_ in modifiers):
        if doc[j + 1].lower_ in know.possessives or _glued_hyphen(doc, j + 1):
            return start
        if doc[j].lower_ in roles:
            last_role = j
        j += 1
    if last_role is None:
        return start
    j = last_role + 1
    if not doc[j].text[:1].isupper():
        return start   # "President of the ...": a title
    while j < k and doc[j].lower_ in stop_words:
        j += 1
    return j


def _glued_second_body(doc: Doc, i: int, j: int, know: OrgKnowledge, min_before: int = 1) -> int:
    """The end of the first of two bodies a run doc[i:j] glues without punctuation, the second named by an
    institution_head of its own ("Mental Hospital | Ludwig Maximilian University"; in a complement,
    "Sociology | Ludwig Maximilian University", "Psychiatry | Kings College London"); `j` when the run
    is one name. The second body has a naming word before its head; in a complement the complement
    itself is one word and the head comes at least `min_before` words after it."""
    institutions, heads = know.filters["institution_head"], know.filters["org_head"]
    for h in range(j - 1, i, -1):
        if doc[h].lower_ not in institutions:
            continue
        if min_before > 1:   # a complement: one word, then the second body ("University of Wales College" stays)
            return i + 1 if h - i >= min_before and not _is_head(doc[i], heads) else j
        # a first chunk: an earlier head noun, then two or more words up to this head
        for p in range(h - 2, i, -1):
            if _is_head(doc[p], heads) and not _is_head(doc[p + 1], heads) and doc[p + 1].is_alpha and all(
                    _capitalised(t, know) for t in doc[p + 1:h]):
                return p + 1
        return j
    return j


def _second_body_after_comma(doc: Doc, c: int, heads: set[str], connectors: set[str], conjunctions,
                             know: OrgKnowledge) -> bool:
    """The capitalised run at doc[c] (after a comma) names a body of its own: it ends with a head noun and
    is two words or more or goes on with its own complement ("University of Glasgow"), and no "and"
    follows it (that would close a list inside one name)."""
    r = _run_end(doc, c, know)
    if not _is_head(doc[r - 1], heads) or r < len(doc) and doc[r].lower_ in conjunctions:
        return False
    return r - c >= 2 or r + 1 < len(doc) and doc[r].lower_ in connectors - conjunctions and _capitalised(doc[r + 1], know)


def _named_group(doc: Doc, i: int, j: int, filters: OrgFilters, know: OrgKnowledge, ents: EntIndex) -> bool:
    """doc[i:j] is a short capitalised name right before a lowercase group_tail noun ("Kraze Barye gang"),
    not a place or a people ("Haitian gang", "Port-au-Prince gang")."""
    return (j < len(doc) and doc[j].text.islower() and doc[j].lower_ in filters["group_tail"] and 1 <= j - i <= 3
            and not (doc[i].is_sent_start and j - i == 1)   # "Escalating gang violence
            and not know.is_place(doc[i:j].text) and not know.is_state(doc[i:j].text, adjectives=True)
            and doc[i].lower_ not in know.stop_words
            and not ents.opens(i, GROUP_NOT_NAME_LABELS))


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


def _last_run(doc: Doc, lo: int, hi: int, know: OrgKnowledge) -> str:
    """The capitalised words just before `hi` (the last complement's name part)."""
    i = hi
    while i > lo and (_capitalised(doc[i - 1], know) or doc[i - 1].lower_ in know.possessives):
        i -= 1
    return doc[i:hi].text


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


# -- the component ----------------------------------------------------------------
@Language.factory(
    "unnotes_orgs",
    assigns=["doc.spans"],
    default_config={"gazetteer": str(DEFAULT_GAZETTEER), "filters": str(DEFAULT_FILTERS),
                    "states": str(DEFAULT_STATES), "symbols": str(DEFAULT_SYMBOLS),
                    "lexicon": str(DEFAULT_LEXICON), "named_bodies": True, "aliases": []},
)
def make_orgs(nlp: Language, name: str, gazetteer, filters, states, symbols, lexicon, named_bodies: bool, aliases):
    return OrgMatcher(nlp, org_knowledge(gazetteer, filters, states, symbols, lexicon, aliases), named_bodies)


class OrgMatcher:
    """Adds an ORG candidate (norm = canonical name, source =
    `gazetteer:orgs.tsv:<line>` or the named-body pattern) for every
    organization mention."""

    def __init__(self, nlp: Language, know: OrgKnowledge, named_bodies: bool = True):
        self.know, self.named_bodies = know, named_bodies
        self.gazetteer, self.filters = know.gazetteer, know.filters
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact_forms: dict[str, Org] = {}
        self.orgs = {str(i): org for i, org in enumerate(self.gazetteer.orgs)}
        for key, org in self.orgs.items():
            exact, lower = [], []
            for form in self.gazetteer.forms(org):
                tokens = nlp.make_doc(form)
                if len(tokens) >= LONG_ALIAS_TOKENS:
                    lower.append(tokens)
                else:
                    exact.append(tokens)
                    self.exact_forms[form] = org
                    if not is_acronym(form) and form.upper() != form:
                        exact.append(nlp.make_doc(form.upper()))  # headings in capitals
            if exact:
                self.exact.add(key, exact)
            if lower:
                self.lower.add(key, lower)

    def __call__(self, doc: Doc) -> Doc:
        found = []
        for match_id, start, end in list(self.exact(doc)) + list(self.lower(doc)):
            org = self.orgs[doc.vocab.strings[match_id]]
            if inside_symbol(doc, start, end, self.know.symbol_re) or org.local and not doc[start].text[:1].isupper():
                continue  # a language's own body ("Division des achats") only with its capital, not a phrase
            found.append((start, end, org))
        found.extend(self._glued(doc))
        taken = [False] * len(doc)
        kept = []
        for start, end, org in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
            if any(taken[start:end]) or not self._stands_alone(doc, start, end):
                continue
            if org.local and self._name_goes_on(doc, end):
                continue  # "Comité consultatif permanent ...", "Ministère des affaires étrangères et de la ..."
            taken[start:end] = [True] * (end - start)
            kept.append((start, end, org))
        named = [(doc[s:e].text.lower(), o.name) for s, e, o in kept if not o.local]
        model_orgs = {e.end: e.start for e in doc.ents if e.label_ == "ORG" and not e.id_}
        for start, end, org in kept:
            longer = self._known_tail_of(doc, start, end, model_orgs.get(end))
            if longer is not None:
                # "West African Development Bank", "Baz Taliban", "National Food Security Council": the model's
                # longer name, the known one its last words, is another body
                taken[longer[0]:start] = [True] * (start - longer[0])
                add_candidate(doc, longer[0], end, "ORG", longer[1], KNOWN_TAIL)
                continue
            if (end < len(doc) and doc[end].text[:1].isupper() and doc[end].lower_ in self.filters["publisher_tail"]
                    and not org.local):
                # "Oxford University Press": a publisher, a body of its own, not the university
                taken[end] = True
                add_candidate(doc, start, end + 1, "ORG", " ".join(doc[start:end + 1].text.split()), PUBLISHER)
                continue
            # a language's own body shortens a longer known name as the English named-body pattern's
            # names do ("Comité consultatif" after "Comité consultatif pour les questions ...")
            longer = shortened_from(doc[start:end].text, named, self.filters["connector"] - self.know.name_joiners) if org.local else org.name
            norm = org.name if longer == doc[start:end].text else longer
            add_candidate(doc, start, end, "ORG", norm, f"gazetteer:{org.source}:{org.line}")
            self._own_unit(doc, start, end, org)
        for start, end, norm in composed_units(doc, kept, taken, self.know):
            taken[start:end] = [True] * (end - start)
            add_candidate(doc, start, end, "ORG", norm, COMPOSED_UNIT)
        for start, end in find_quoted_names(doc, self.filters["legal_form"]):
            if not any(taken[start:end]):
                taken[start:end] = [True] * (end - start)
                add_candidate(doc, start, end, "ORG", " ".join(doc[start:end].text.split()), QUOTED_NAME)
        if self.named_bodies:
            bodies = []
            ents = EntIndex.of(doc)
            for start, end in find_named_bodies(doc, self.filters, self.know.stop_words, self.know, ents):
                free = (not any(taken[start:end]) or _after_known_body(doc, kept, taken, start, end, self.know)
                        or _unit_of_known_body(doc, kept, taken, start, end, self.know))
                name = (clean_org_name(doc[start:end].text, self.filters, know=self.know)
                        if free and not modifies_next_word(doc, end, self.know) else None)
                if name and (administrative_area(name.split(), self.know, lambda: _model_place(ents, start))
                             or held_occasion(doc, start, end, self.know, ents)
                             or action_heading(doc, start, end, self.know)):
                    name = None
                if name and not self.gazetteer.lookup(name):
                    bodies.append((start, end, name))
            mentions = [(doc[s:e].text.lower(), o.name) for s, e, o in found]
            mentions += [(n.lower(), n) for _, _, n in bodies]
            for start, end, name in bodies:
                add_candidate(doc, start, end, "ORG", shortened_from(name, mentions, self.filters["connector"] - self.know.name_joiners), NAMED_BODY)
            covered = [False] * len(doc)
            for span in doc.spans.get(CANDIDATES, []):
                covered[span.start:span.end] = [True] * (span.end - span.start)
            tails = {(c.start, c.end) for c in doc.spans.get(CANDIDATES, []) if c.id_ == NAMED_BODY}
            for start, end, name in find_listed_bodies(doc, self.know):
                # an item is free, or a named body is its tail ("Seeding the Future Foundation" over "Future Foundation")
                tail = next((a for a, b in tails if b == end and a > start), None)
                free = not any(covered[start:end]) or tail is not None and not any(covered[start:tail])
                if free and not self.gazetteer.lookup(name):
                    add_candidate(doc, start, end, "ORG", name, LISTED_BODY)
            for start, end in find_classed_names(doc, self.know, ents):
                if not any(covered[start:end]) and not self.gazetteer.lookup(doc[start:end].text):
                    covered[start:end] = [True] * (end - start)
                    add_candidate(doc, start, end, "ORG", " ".join(doc[start:end].text.split()), CLASSED_NAME)
            self._led_items(doc)
            self._list_items(doc)
        return doc

    def _led_items(self, doc: Doc) -> None:
        """The items of a led list (find_led_items) are organizations: each takes the place of the
        rules' readings inside it or across its bounds ("Fondation Danielle Mitterrand" in "France
        Libertés : Fondation Danielle Mitterrand", a named body glued over two items)."""
        candidates = doc.spans.get(CANDIDATES, [])
        places = {k for e in doc.ents if e.label_ in AREA_LABELS for k in range(e.start, e.end)}
        found = [f for f in find_led_items(doc, self.know, candidates)   # not "Africa", "Africa and Latin America"
                 if _names_a_body(f[2], self.know)
                 or not all(k in places for k in range(f[0], f[1]) if doc[k].is_alpha and not doc[k].is_lower)]
        items = [(s, e, n) for s, e, n in found if not self.gazetteer.lookup(n)]
        if not items:
            return
        spans = {(s, e) for s, e, _ in found}
        in_item = [False] * len(doc)
        for s, e in spans:
            in_item[s:e] = [True] * (e - s)
        kept = [c for c in candidates if not (c.label_ == "ORG" and (c.start, c.end) not in spans and not c.id_.startswith("gazetteer:")
                                              and any(in_item[c.start:c.end]))]
        doc.spans[CANDIDATES] = kept
        for start, end, name in items:
            if not any(c.start == start and c.end == end and c.label_ == "ORG" for c in kept):
                add_candidate(doc, start, end, "ORG", strip_the(name, self.know), LED_ITEM)

    def _list_items(self, doc: Doc) -> None:
        """The items of an enumerated participants list or of a heading that names bodies (org_lists):
        each item is one organization; the rules' shorter readings inside it ("Cultural Youth Movement"
        and "Education Foundation" in "Cultural Youth Movement Education Foundation") give way to it,
        except a known body named after a comma or a dash inside the item ("Women in Nuclear Global, IAEA")."""
        know = self.know
        items = find_list_items(doc, know, lambda n: bool(clean_org_name(n, know=know)) and _names_a_body(n, know))
        if not items:
            return
        spans = []
        for item in items:
            span = doc.char_span(item.start_char, item.end_char, alignment_mode="expand")
            if span is not None and len(span) and not self.gazetteer.lookup(item.name):
                spans.append((span.start, span.end, item.name))
        if not spans:
            return

        def inside(c) -> bool:
            return any(s <= c.start and c.end <= e and (c.start, c.end) != (s, e) and not (
                c.id_.startswith("gazetteer:") and any(t.text in (",", "–", "(") for t in doc[s:c.start]))
                for s, e, _ in spans)
        kept = [c for c in doc.spans.get(CANDIDATES, []) if not (c.label_ == "ORG" and inside(c))]
        doc.spans[CANDIDATES] = kept
        for start, end, name in spans:
            if not any(c.start == start and c.end == end and c.label_ == "ORG" for c in kept):
                add_candidate(doc, start, end, "ORG", strip_the(name, know), LIST_ITEM)

    def _own_unit(self, doc: Doc, start: int, end: int, org: Org) -> None:
        """"UNAIDS Secretariat": a known body's name right before a capitalised own_unit_head noun
        names that body's own unit, a body of its own (the known body stays a nested mention)."""
        if (end < len(doc) and not org.local and doc[end].text[:1].isupper()
                and doc[end].lower_ in self.filters["own_unit_head"]):
            whole = strip_the(" ".join(doc[start:end + 1].text.split()), self.know)
            if not self.gazetteer.lookup(whole):
                add_candidate(doc, start, end + 1, "ORG", whole, OWN_UNIT)

    def _stands_alone(self, doc: Doc, start: int, end: int) -> bool:
        """An alias that is a class word on its own ("Secretariat" for the UN Secretariat)
        names the body only standing alone: not after a capitalised word ("Joint
        Technical Secretariat") nor before "of"/"for" ("Secretariat of the Convention")."""
        if end - start != 1 or doc[start].lower_ not in self.filters["generic"]:
            return True
        prev = doc[start - 1] if start > 0 else None
        after = doc[end] if end < len(doc) else None
        if prev is not None and _capitalised(prev, self.know) and not prev.is_sent_start and prev.lower_ not in self.know.articles:
            return False
        if self._name_goes_on(doc, end):  # "le Secrétariat général de la CEEAC"
            return False
        # the lexicon's class_word_complements: "of", "for" ("Secretariat of the Convention"), "de", "del"
        return after is None or after.lower_ not in self.know.lexicon["class_word_complements"]

    def _known_tail_of(self, doc: Doc, start: int, end: int, model_start: int | None) -> tuple[int, str] | None:
        """The model's ORG that ends where a gazetteer name ends and adds capitalised words before it,
        on its line (after an article), is a longer name of another body whose last words are the known
        name ("the West African Development Bank", "the 400 Mawozo and Baz Taliban factions", "a National
        Food Security Council", "Kenya National Commission on Human Rights"): its start and name, or None.
        Not when the added words are a known body or hold an acronym ("UNICEF Executive Board" is a unit of a
        known body, the known one a mention in it as before), a word with a known_tail_veto_ending (a
        preamble's "..., Recalling General Assembly resolution" run on by the layout), a place or a State ("Slovenia Constitutional
        Court"; "... Commission of Nigeria National Human Rights Committee of Qatar", names run together in an
        annex), nor when the longer name is known or the filters drop it."""
        if model_start is None or model_start >= start:
            return None
        know = self.know
        s = model_start + doc[model_start].is_lower   # "the", "a"
        added = doc[s:start]
        # "Multiple United Nations agencies", "Recalling General Assembly resolution": the first word of a
        # sentence or a line is capitalised anyway
        if (not len(added) or len(added) > 3 or "\n" in doc[s:end].text or added[0].is_sent_start
                or s > 0 and "\n" in doc[s - 1].text_with_ws):
            return None
        if not all(t.text[:1].isupper() and t.is_alpha and t.lower_ not in know.stop_words for t in added):
            return None
        if (is_acronym(added.text) or self.gazetteer.lookup(added.text) or know.is_place(added.text)
                or any(is_acronym(t.text) or know.is_state(t.text)
                       or t.lower_.endswith(tuple(self.filters["known_tail_veto_ending"])) for t in added)):
            return None
        name = clean_org_name(doc[s:end].text, self.filters, know=know)
        if not name or self.gazetteer.lookup(name):
            return None
        return s, name

    def _name_goes_on(self, doc: Doc, end: int) -> bool:
        return name_goes_on(doc, end, self.know)

    def _glued(self, doc: Doc) -> Iterable[tuple[int, int, Org]]:
        """"the1540 Committee": try the number plus the next words as a short alias."""
        for tok in doc:
            m = self.know.glued_re.match(tok.text)
            if not m:
                continue
            for end in range(min(len(doc), tok.i + 5), tok.i, -1):
                text = m.group(2) + (" " + doc[tok.i + 1:end].text if end > tok.i + 1 else "")
                org = self.exact_forms.get(text) or (self.gazetteer.lookup(text) if end - tok.i >= 2 else None)
                if org:
                    yield tok.i, end, org
                    break


def composed_units(doc: Doc, kept: list, taken: list[bool], know: OrgKnowledge) -> list[tuple[int, int, str]]:
    """(start, end, English name) of the bodies a language names by a class head of its own, its name
    adjectives and a known body or State as its complement, none of them listed: "Bureau du Comité
    spécial" -> "Bureau of the Special Committee", "Sous-Comité technique" -> "Technical
    Subcommittee", "Conseil d'administration du PNUD" -> "Executive Board of UNDP", "Asamblea
    Nacional de Kuwait" -> "National Assembly of Kuwait". The English name is composed as English
    notes write such a unit (org_filters.jsonl `english_head`, `english_adjective`: adjectives before
    the head, "of the" + the body's canonical name, "of" + its acronym as written or the State's UN
    name). A head with no adjective and no known complement, or a name that goes on with words the
    pairs do not know, is left to the other rules. Nothing in a language without `english_head`."""
    heads, adjectives = know.filters.english.get("english_head"), know.filters.english.get("english_adjective", {})
    if not heads:
        return []
    of = know.filters["of_connector"]
    firsts = {h.split()[0].split("'")[0].split("’")[0] for h in heads}   # a head's first word, to skip the rest fast
    body_at = {s: (e, org) for s, e, org in kept}
    found = []
    i, n = 0, len(doc)
    while i < n:
        # (not a numbered meeting: "131e Assemblée de l'Union interparlamentaire", "la 131ª Asamblea de ...")
        if (taken[i] and i not in body_at or not doc[i].text[:1].isupper() or doc[i].lower_ not in firsts
                or i > 0 and (_is_ordinal(doc[i - 1].text, know.filters) or doc[i - 1].text[:1].isdigit())):
            i += 1
            continue
        # the head and its adjectives are free words, or exactly a known body's name ("Conseil d'administration",
        # "Assemblée nationale") which the complement makes a unit of its own
        own = body_at.get(i, (i, None))[0]
        head_end = next((i + k for k in range(min(MAX_HEAD_TOKENS, n - i), 0, -1)
                         if doc[i:i + k].text.lower() in heads and not any(taken[own:i + k])), None)
        if head_end is None:
            i += 1
            continue
        english = [heads[doc[i:head_end].text.lower()]]
        listed = _portfolio_unit(doc, i, head_end, own, taken, know)
        if listed is not None:
            found.append(listed)
            i = listed[1]
            continue
        j = head_end
        adjs = []
        while j < n and (j < own or not taken[j]) and doc[j].lower_ in adjectives:
            adjs.append(adjectives[doc[j].lower_])
            j += 1
        # a unit's whole name that a language's own row gives (local: "Ministère des affaires étrangères", "Division
        # de statistique") before the complement: "... de l'Ukraine" -> "Ministry of Foreign Affairs of Ukraine"; a
        # body of the shared gazetteer is a body of its own ("Assemblée générale de l'Organisation des États
        # américains" is the OAS General Assembly, "Bureau des affaires spatiales du Secrétariat" UNOOSA)
        whole = None
        if j < own:
            if not body_at[i][1].local:
                i = own
                continue
            whole, english, adjs, j = body_at[i][1], [body_at[i][1].name], [], own
        end, complement, comp_org = j, "", None
        c = j
        if c < n and doc[c].lower_ in of and not taken[c]:
            c += 1
            if c < n and doc[c].lower_ in know.articles and not taken[c]:
                c += 1
            if c in body_at:
                e, org = body_at[c]
                comp_org = org
                written = doc[c:e].text
                if whole is not None and is_acronym(written):
                    i = e   # "Comité d'experts de la pharmacodépendance de l'OMS": English writes the
                    continue   # acronym before the unit ("WHO Expert Committee"), or leaves it out
                complement = org.acronym if org.acronym and is_acronym(written) else "the " + org.name
                end = e
            elif c < n and not taken[c]:
                r = _run_end(doc, c, know)
                iso3 = know.is_state(doc[c:r].text) if r > c else None
                if iso3 and know.state_name(iso3):
                    complement, end = know.state_name(iso3), r
            if not complement:
                i = j   # a complement the rules cannot name in English: the body is left to the other rules
                continue
        elif whole is not None or not adjs or not all(doc[a].text[:1].isupper() for a in range(head_end, j)):
            # no complement: only adjectives written as a name's ("Subcomité Técnico"); a lowercase one is a
            # phrase as often ("le programme national", "un centre régional")
            i = j
            continue
        text = doc[i:end].text
        # a name that goes on ("Centre régional pour le ...", "Comisión de las Naciones Unidas sobre ...", "... des
        # Nations Unies chargé de ...", "Ministère de la santé et de ..."), a State's own name ("Fédération de Russie"), a drop phrase ("Mission
        # permanente de l'Argentine") or a known name is no composed unit
        before = comp_org is not None and comp_org.name.lower() in know.filters["complement_before_head"]
        goes_on = end < n and (doc[end].lower_ in know.filters["connector"] - know.conjunctions and doc[end].text.islower()
                               or name_goes_on(doc, end, know) or doc[end].lower_ in know.filters["name_participle"]
                               or not complement and doc[end].is_alpha and doc[end].text[:1].isupper()
                               and not doc[end].is_sent_start)   # "Comité Regional Asesor de ..."
        if (goes_on or know.is_state(text) or any(p in text.lower() for p in know.filters["drop_phrase"])
                or know.gazetteer.lookup(text) or end - i < 2):
            i = max(j, i + 1)
            continue
        named = " ".join(adjs[::-1] + english)
        if whole is not None and before:
            i = end   # "Département des affaires politiques de l'ONU": the known body itself
            continue
        if before:
            name = comp_org.name + " " + named   # "United Nations Standing Advisory Committee"
        else:
            name = named + (" of " + complement if complement else "")
        found.append((i, end, name))
        i = end
    return found


def _portfolio_unit(doc: Doc, i: int, head_end: int, own: int, taken: list[bool], know: OrgKnowledge):
    """(start, end, English name) of a head and a list of portfolios ("Ministerio de Educación,
    Universidades e Investigación" -> "Ministry of Education, Universities and Research"), the first
    of them maybe a language's own row's ("Ministerio de Relaciones Exteriores" + "y Cooperación
    Internacional"); None when the head is no "<Head> of X" head or no list follows (org_portfolios)."""
    portfolios = know.portfolios
    head = doc[i:head_end].text.lower()
    of = know.filters["of_connector"]
    if head not in portfolios.heads or head_end >= len(doc) or doc[head_end].lower_ not in of:
        return None
    c = head_end + 1
    if c < len(doc) and doc[c].lower_ in know.articles:
        c += 1
    free = [t and not (i <= k < own) for k, t in enumerate(taken)]   # the own row's words may be read again
    listed = portfolio_list(doc, c, free, portfolios, of, know.articles, know.conjunctions)
    if listed is None:
        return None
    end, parts = listed
    if end < own or end < len(doc) and (name_goes_on(doc, end, know) or doc[end].lower_ in know.filters["name_participle"]):
        return None
    if know.gazetteer.lookup(doc[i:end].text):
        return None
    return i, end, f"{know.filters.english['english_head'][head]} of {english_list(parts)}"


def _after_known_body(doc: Doc, kept: list, taken: list[bool], start: int, end: int, know: OrgKnowledge) -> bool:
    """A named body that opens with a whole known body's name, the rest its own words ("OPCW
    Mission in the Syrian Arab Republic", "UNAIDS Secretariat"): a unit of that body, a body of
    its own; the known body stays a mention inside it."""
    filters = know.filters
    for s, e, _ in kept:
        if s != start or e >= end or any(taken[e:end]):
            continue
        # its own words are a capitalised run ending with a head noun right after the known name (or
        # after a hyphen glued to it: "OPCW-United Nations Joint Investigative Mechanism"), not a
        # complement of the known body ("General Assembly to the ...", "UNIFIL and ...")
        j = e + 1 if doc[e].text in ("-", "–") and not doc[e].whitespace_ and not doc[e - 1].whitespace_ else e
        r = j
        while r < end and _capitalised(doc[r], know):
            r += 1
        # a class word alone after it names no unit ("United Nations Office", "United Nations Committee")
        # unless it is a body's own unit ("UNAIDS Secretariat")
        if r == end and r - j == 1 and doc[j].lower_ in filters["generic"] - filters["own_unit_head"]:
            return False
        return r > j and _is_head(doc[r - 1], filters["org_head"])
    return False


def _unit_of_known_body(doc: Doc, kept: list, taken: list[bool], start: int, end: int, know: OrgKnowledge) -> bool:
    """A named body whose own words open before a whole known body's name inside it: a unit of that
    body, a body of its own; the known body stays a mention inside it. Its own words are a head noun
    and a complement word (the lexicon's class_word_complements, "of", "for": "Weapons of Mass Destruction Branch of the
    Office for Disarmament Affairs", "Programme Coordinating Board of the Joint United Nations Programme
    on HIV/AIDS"), never a State ("Russian Federation to the United Nations"), or a unit_modifier word
    glued before the known name ("Regional Office of the High Commissioner for Human Rights for the
    Pacific"). Every other word of the name is free. A language whose org_filters.jsonl has no
    unit_modifier (French, Spanish) reads no such units."""
    filters = know.filters
    if not filters["unit_modifier"]:
        return False
    # "Executive Board of the United Nations Development Programme, the United Nations Population Fund and
    # ...", a masthead line: a list of bodies goes on after the known one, and the board is the whole list's
    # (in a sentence, "Representatives of ..., the Provisional Technical Secretariat of the Preparatory
    # Commission ..., the International Committee ..." the unit is the one body's)
    line_start = start == 0 or "\n" in doc[start - 1].whitespace_ or "\n" in doc[start - 1].text
    after = end + 1 if line_start and end < len(doc) and (doc[end].text == "," or doc[end].lower_ in know.conjunctions) else None
    if after is not None and after < len(doc) and doc[after].lower_ in know.articles:
        after += 1
    if after is not None and after < len(doc) and _capitalised(doc[after], know):
        return False
    for s, e, _ in kept:
        if not (start < s and e <= end and not any(taken[start:s]) and not any(taken[e:end])):
            continue
        if s - start == 1 and doc[start].lower_ in filters["unit_modifier"] and doc[start].text[:1].isupper():
            return True
        c = s - 1
        if c > start and doc[c].lower_ in know.articles:
            c -= 1
        if (c > start and doc[c].text.islower() and doc[c].lower_ in know.lexicon["class_word_complements"]
                and _is_head(doc[c - 1], filters["org_head"]) and not know.is_state(doc[start:c].text)):
            return True
    return False


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
