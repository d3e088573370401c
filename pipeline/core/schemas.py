"""One declarative schema per kind of data file in `models/`: required and
optional keys (JSONL) or columns (TSV), their types, allowed values, which
values are regexes, and how an overlay line with a shipped id behaves. The
loaders read through `pipeline.core.validate.records`/`rows` with these, and
`unnotes patterns check` checks whole folders with the same schemas."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType

ORG_KINDS = frozenset({
    "un_organ", "un_subsidiary", "un_secretariat", "un_fund_programme", "un_specialized_agency",
    "un_related", "un_mission", "igo", "regional", "ngo", "research", "other",
    "media", "armed_group", "national", "historical",
})
# The organization kind lexicons read beside orgs.tsv (models/shared/gazetteers/orgs_<kind>.tsv),
# each with orgs.tsv's columns.
ORG_LEXICONS = ("media", "armed_groups", "national", "un_units", "historical")
# Files read with a data file, beside it and in its columns, whether or not an
# overlay holds the file itself: {file name: its companions' names}.
COMPANION_FILES = MappingProxyType({"orgs.tsv": tuple(f"orgs_{kind}.tsv" for kind in ORG_LEXICONS)})
ORG_FILTER_KINDS = frozenset({
    "generic", "title", "event", "document", "drop_phrase", "connector", "ending", "org_head",
    "spelling_variants", "not_acronym", "state_head", "person_head", "honorific", "weak_modifier",
    "keeps_state", "tail_head", "complement_stop", "legal_form",
    "ordinal", "ordinal_suffix", "numbered_event_head", "compound_tail", "treaty_body", "instrument_head",
    "no_topic_head", "party_opening", "own_unit_head", "leading_role", "role_modifier", "institution_head",
    "group_tail", "body_list_noun", "body_list_intro", "body_list_heading", "body_list_nested_intro", "legal_suffix", "state_list_heading",
    "policy_opening", "period_head", "area_head", "area_compass", "unit_modifier", "leading_head", "elision", "party_preposition",
    "visit_opening", "project_head", "place_head", "portfolio_title", "class_noun", "class_determiner", "publisher_tail",
    "portfolio_joint", "class_name_joiner", "name_particle",
    "english_head", "english_adjective", "of_connector", "complement_before_head", "name_participle", "own_board",
    "english_state_article",
    "occasion_head", "occasion_cue", "heading_verb", "agency_head", "known_tail_veto_ending",
    "natbody_head", "split_joint", "seat_preposition", "natbody_complement",
    "treaty_cue", "tool_noun", "class_plural", "complement_joiner", "region_pair", "hyphen_modifier_ending",
    "hyphen_modifier_opening", "law_title_end", "class_name", "indefinite_article", "post_role", "post_of",
    "post_honorific",
})
STATE_NAME_KINDS = ("short", "official", "common", "un_formal", "adjective", "former")
STATE_RULES = ("reject_next", "reject_prev", "reject_glued", "reject_in_name", "reject_after_year",
               "person_name", "language", "role_label", "role_sentence", "role_list_intro", "role_speaker")
CUE_KINDS = ("modal", "reporting", "need", "lead_in", "lead_in_row", "imperative", "imperative_prefix", "imperative_veto",
             "rec_section",
             "addressee", "opener", "np_stop",
             "passive", "passive_auxiliary", "agent", "need_agent", "complementizer", "proposer_verb",
             "actor_lead", "actor_infinitive", "lead_in_end", "state_part_end", "state_tail", "ordinal_opener",
             "item_label", "pronoun_list", "proposal_antecedent")
EXCLUSION_KINDS = ("sentence", "section", "carried")
DATE_WORD_KINDS = ("month", "weekday", "ordinal", "qualifier", "range", "and", "of", "edge", "decade", "between", "within",
                   "day_ending")
DATE_WORD_FORMS = ("", "full", "short", "foreign")

STR, INT, BOOL, LIST = (str,), (int,), (bool,), (list,)
WORDS = "words"  # a type marker: a list of non-empty strings


@dataclass(frozen=True)
class Key:
    types: tuple | str                  # Python types, or WORDS
    required: bool = False
    choices: tuple | frozenset | None = None
    regex: bool = False                 # the value is a regular expression


@dataclass(frozen=True)
class JsonlSchema:
    keys: dict[str, Key]
    # extra keys required for some values of a discriminating key ("rule": "person_name" needs "titles")
    by_value: tuple[str, dict[str, tuple[str, ...]]] | None = None
    # what a line with an id the shipped file already has does: "replaces" (dates: the later line wins),
    # "extends" (lexicon: the words add up), "collides" (both would run: an error), None (no ids)
    same_id: str | None = "collides"
    macros: bool = False                # regexes may hold {MACRO}s (expanded by the loader)


@dataclass(frozen=True)
class TsvSchema:
    columns: tuple[str, ...]            # required
    optional: tuple[str, ...] = ()
    choices: dict[str, tuple | frozenset] = field(default_factory=dict)


NOTE = Key(STR)  # free text for maintainers, on any line that allows it

SCHEMAS: "MappingProxyType[str, JsonlSchema | TsvSchema]" = MappingProxyType({
    # language folders (models/<lang>/)
    "lexicon.jsonl": JsonlSchema({"id": Key(STR, True), "words": Key(WORDS), "spacy_stop_words": Key(STR),
                                  "note": NOTE}, same_id="extends"),
    "gazetteers/states.tsv": TsvSchema(("iso3", "name", "kind"), choices={"kind": STATE_NAME_KINDS}),
    "gazetteers/states_extra.tsv": TsvSchema(("iso3", "name", "kind"), choices={"kind": STATE_NAME_KINDS}),
    "gazetteers/date_words.tsv": TsvSchema(("word", "kind", "value"), ("form",),
                                           {"kind": DATE_WORD_KINDS, "form": DATE_WORD_FORMS}),
    "patterns/state_context.jsonl": JsonlSchema(
        {"id": Key(STR, True), "rule": Key(STR, True, STATE_RULES), "words": Key(WORDS), "iso3": Key(WORDS),
         "except_iso3": Key(WORDS), "kinds": Key(WORDS), "ignore_case": Key(BOOL), "year": Key(INT),
         "titles": Key(WORDS), "allow_next": Key(WORDS), "nouns": Key(WORDS), "prepositions": Key(WORDS),
         "languages": Key(WORDS), "chars": Key(WORDS), "heads": Key(WORDS), "links": Key(WORDS),
         "skip": Key(WORDS), "note": NOTE},
        by_value=("rule", {"reject_next": ("words",), "reject_prev": ("words",), "reject_after_year": ("year",),
                           "reject_glued": ("chars",), "reject_in_name": ("heads", "links"),
                           "role_label": ("words",), "role_speaker": ("words",), "role_sentence": ("words",),
                           "role_list_intro": ("words",), "person_name": ("titles",),
                           "language": ("nouns", "prepositions", "languages")})),
    "patterns/org_filters.jsonl": JsonlSchema({"kind": Key(STR, True, ORG_FILTER_KINDS),
                                               "values": Key(WORDS, True), "note": NOTE}, same_id=None),
    "patterns/dates.jsonl": JsonlSchema(
        {"id": Key(STR, True), "label": Key(STR, True, ("DATE", "NOT_DATE")), "regex": Key(STR, True, regex=True),
         "disabled": Key(BOOL), "note": NOTE, "example": NOTE},
        same_id="replaces", macros=True),
    "patterns/references.jsonl": JsonlSchema(
        {"id": Key(STR, True), "label": Key(STR, True, ("REFERENCE",)), "regex": Key(STR, True, regex=True),
         "item": Key(STR, regex=True), "require": Key(STR, regex=True), "norm": Key(STR, True),
         "disabled": Key(BOOL), "note": NOTE, "example": NOTE},
        same_id="replaces", macros=True),
    "patterns/recommendation_cues.jsonl": JsonlSchema(
        {"id": Key(STR, True), "kind": Key(STR, True, CUE_KINDS), "label": Key(STR),
         "pattern": Key(STR, True, regex=True), "trigger": Key(WORDS), "proposer_before": Key(BOOL),
         "note": NOTE}),
    "patterns/recommendation_exclusions.jsonl": JsonlSchema(
        {"id": Key(STR, True), "kind": Key(STR, True, EXCLUSION_KINDS), "pattern": Key(STR, True, regex=True),
         "cues": Key(LIST), "note": NOTE}),
    # models/shared/
    "gazetteers/un_members.tsv": TsvSchema(("iso3", "status", "un_name"),
                                           choices={"status": ("member", "observer", "former")}),
    "gazetteers/orgs.tsv": TsvSchema(("name", "acronym", "aliases", "kind"), choices={"kind": ORG_KINDS}),
    **{f"gazetteers/orgs_{name}.tsv": TsvSchema(("name", "acronym", "aliases", "kind"), choices={"kind": ORG_KINDS})
       for name in ORG_LEXICONS},
    "patterns/un_symbols.jsonl": JsonlSchema({"id": Key(STR, True), "kind": Key(STR, True, ("symbol_prefix",)),
                                              "regex": Key(STR, True, regex=True), "disabled": Key(BOOL),
                                              "note": NOTE}, same_id="replaces"),
})

# Ingestion reads these from models/shared/ingest/ only: it runs before a note's
# language (and so its pipeline and overlay) is known, and its output is cached
# by a key that covers the shipped files. An overlay copy is refused with this reason.
INGEST_FILES = ("ingest/furniture.jsonl", "ingest/layout.jsonl", "ingest/doc_metadata.jsonl",
                "ingest/hyphen_prefixes.tsv", "ingest/name_lists.jsonl")
INGEST_REASON = ("ingestion files are read from models/shared/ingest/ only (ingestion runs before the "
                 "note's language and overlay apply, and the text cache is keyed on the shipped files): "
                 "edit models/shared/ingest/ in place")


def schema_for(rel: str) -> JsonlSchema | TsvSchema | None:
    """The schema of a data file by its path inside a language folder or shared/."""
    return SCHEMAS.get(rel)
