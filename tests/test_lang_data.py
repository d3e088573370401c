"""The French and Spanish data files of models/fr and models/es: valid for the loaders the
English files go through, consistent with the shared files (UN members, organizations), and
doing what they promise on short French and Spanish texts."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import spacy

from pipeline.core.datafiles import read_jsonl, read_tsv
from pipeline.nlp import states as states_module
from pipeline.nlp.datenorm import DateGrammar
from pipeline.nlp.org_matcher import OrgMatcher
from pipeline.nlp.orgs import OrgGazetteer, load_filters, norm_key
from pipeline.nlp.recommendations import detect, load_rules
from pipeline.nlp.states import KINDS, StateMatcher, load_context, load_gazetteer

REPO = Path(__file__).resolve().parents[1]
MODELS = REPO / "models"
LANGS = ("fr", "es")
LEXICON_KINDS = {"article", "elision", "contraction", "preposition", "conjunction", "determiner", "pronoun",
                 "stop_word", "title", "abbreviation", "article_name", "date_edge"}

_spec = importlib.util.spec_from_file_location("build_state_gazetteer", REPO / "scripts" / "build_state_gazetteer.py")
build_state_gazetteer = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("build_state_gazetteer", build_state_gazetteer)
_spec.loader.exec_module(build_state_gazetteer)


def members() -> set[str]:
    return {row["iso3"] for _, row in read_tsv(MODELS / "shared" / "gazetteers" / "un_members.tsv", ["iso3"])}


@pytest.fixture
def keep_role_rules():
    """(Kept for the tests' signatures: the State rules no longer live in module state.)"""
    yield


# -- States --------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_every_state_iso3_is_a_listed_state(lang):
    known = members()
    for name in ("states.tsv", "states_extra.tsv"):
        for lineno, row in read_tsv(MODELS / lang / "gazetteers" / name, ["iso3", "name", "kind"]):
            assert row["iso3"] in known, f"{lang}/gazetteers/{name} line {lineno}: {row['iso3']}"
            assert row["kind"] in KINDS, f"{lang}/gazetteers/{name} line {lineno}: {row['kind']}"


@pytest.mark.parametrize("lang", LANGS)
def test_state_gazetteer_is_what_the_script_makes_of_its_sources(lang, tmp_path):
    out = tmp_path / "states.tsv"
    assert build_state_gazetteer.main(["--lang", lang, "--out", str(out)]) == 0
    assert out.read_bytes() == (MODELS / lang / "gazetteers" / "states.tsv").read_bytes(), \
        f"models/{lang}/gazetteers/states.tsv is stale: run scripts/build_state_gazetteer.py --lang {lang}"
    forms = load_gazetteer(out)
    assert len({f.iso3 for f in forms if f.kind != "former"}) == 195   # 193 members, 2 observers


def test_english_state_gazetteer_output_is_unchanged(tmp_path):
    out = tmp_path / "states.tsv"
    assert build_state_gazetteer.main(["--out", str(out)]) == 0
    assert out.read_bytes() == (MODELS / "en" / "gazetteers" / "states.tsv").read_bytes()


@pytest.mark.parametrize("lang, iso3, forms", [
    ("fr", "PER", ["péruvien", "péruvienne", "péruviens", "péruviennes"]),
    ("fr", "FRA", ["français", "française", "françaises"]),
    ("fr", "GRC", ["grec", "grecque"]),
    ("es", "PER", ["peruano", "peruana", "peruanos", "peruanas"]),
    ("es", "ESP", ["español", "española", "españoles", "españolas"]),
    ("es", "USA", ["estadounidense", "estadounidenses"]),
])
def test_adjectives_are_inflected_from_the_masculine_singular(lang, iso3, forms):
    table = {(f.name, f.kind): f.iso3 for f in load_gazetteer(MODELS / lang / "gazetteers" / "states.tsv")}
    for form in forms:
        assert table.get((form, "adjective")) == iso3, form


@pytest.mark.parametrize("lang", LANGS)
def test_context_rules_load(lang):
    rules = load_context(MODELS / lang / "patterns" / "state_context.jsonl")
    assert {r.rule for r in rules} >= {"reject_prev", "person_name", "role_sentence"}


def states_in(lang: str, text: str) -> list[tuple[str, str]]:
    """The States the language's whole pipeline finds (models/<lang>/pipeline.cfg)."""
    from pipeline.nlp.build import build_nlp

    doc = build_nlp(lang)(text)
    return [(e.text, e.kb_id_) for e in doc.ents if e.label_ == "STATE"]


def test_french_state_names_after_articles_and_contractions(keep_role_rules):
    found = states_in("fr", "La délégation de la France, l'Inde, le Gouvernement du Pérou et la mission "
                            "aux États-Unis ; la République bolivarienne du Venezuela et la Türkiye.")
    assert found == [("France", "FRA"), ("Inde", "IND"), ("Pérou", "PER"), ("États-Unis", "USA"),
                     ("République bolivarienne du Venezuela", "VEN"), ("Türkiye", "TUR")]


def test_french_guinea_names_are_three_states_and_a_gulf(keep_role_rules):
    found = states_in("fr", "La Guinée, la Guinée équatoriale et la Guinée-Bissau, riverains du golfe de Guinée, "
                            "et la Papouasie-Nouvelle-Guinée.")
    assert found == [("Guinée", "GIN"), ("Guinée équatoriale", "GNQ"), ("Guinée-Bissau", "GNB"),
                     ("Papouasie-Nouvelle-Guinée", "PNG")]


def test_french_niger_the_state_not_the_river(keep_role_rules):
    assert states_in("fr", "Le Niger et le Nigéria riverains du fleuve Niger.") == [("Niger", "NER"), ("Nigéria", "NGA")]


def test_french_adjective_of_a_delegation_not_of_a_language(keep_role_rules):
    assert states_in("fr", "La délégation péruvienne a présenté la version en français.") == [("péruvienne", "PER")]


def test_spanish_state_names_after_contractions(keep_role_rules):
    found = states_in("es", "El Gobierno del Perú, la delegación de los Estados Unidos de América, "
                            "el Estado Plurinacional de Bolivia y Côte d'Ivoire.")
    assert found == [("Perú", "PER"), ("Estados Unidos de América", "USA"),
                     ("Estado Plurinacional de Bolivia", "BOL"), ("Côte d'Ivoire", "CIV")]


def test_spanish_mexico_city_is_not_the_state(keep_role_rules):
    assert states_in("es", "México acogió la reunión en la Ciudad de México.") == [("México", "MEX")]


def test_spanish_person_named_after_a_state(keep_role_rules):
    assert states_in("es", "El Sr. Mauricio Pérez habló en nombre de Mauricio.") == [("Mauricio", "MUS")]


# -- organizations ------------------------------------------------------------------
@pytest.fixture(scope="module")
def english_orgs() -> OrgGazetteer:
    return OrgGazetteer(MODELS / "shared" / "gazetteers" / "orgs.tsv")


@pytest.mark.parametrize("lang", LANGS)
def test_org_aliases_name_canonical_bodies_and_never_two(lang, english_orgs):
    path = MODELS / lang / "gazetteers" / "org_aliases.tsv"
    owner: dict[str, str] = {}
    bodies = set()
    for lineno, row in read_tsv(path, ["name", "alias", "acronym"]):
        name = row["name"]
        if row.get("kind"):  # a body orgs.tsv does not list, known in this language only
            assert name not in english_orgs.by_name and not english_orgs.lookup(name), \
                f"{path.name} line {lineno}: {name!r} is in orgs.tsv: leave `kind` empty"
        else:
            assert name in english_orgs.by_name, f"{path.name} line {lineno}: {name!r} is not in orgs.tsv"
        assert row["alias"], f"{path.name} line {lineno}: empty alias"
        bodies.add(name)
        for form in filter(None, (row["alias"], row["acronym"])):
            key = norm_key(form)
            english = english_orgs.by_key.get(key)
            assert english is None or english.name == name, \
                f"{path.name} line {lineno}: {form!r} is {english.name} in orgs.tsv"
            assert owner.setdefault(key, name) == name, f"{path.name} line {lineno}: {form!r} also names {owner[key]}"
    assert len(bodies) >= 120


@pytest.mark.parametrize("lang, alias, acronym, canonical", [
    ("fr", "Organisation des Nations Unies", "ONU", "United Nations"),
    ("fr", "Programme des Nations Unies pour le développement", "PNUD", "United Nations Development Programme"),
    ("fr", "Office des Nations Unies contre la drogue et le crime", "ONUDC", "United Nations Office on Drugs and Crime"),
    ("fr", "Organisation pour l'interdiction des armes chimiques", "OIAC", "Organisation for the Prohibition of Chemical Weapons"),
    ("fr", "Haut-Commissariat des Nations Unies pour les réfugiés", "HCR", "Office of the United Nations High Commissioner for Refugees"),
    ("es", "Organización de los Estados Americanos", "OEA", "Organization of American States"),
    ("es", "Organismo Internacional de Energía Atómica", "OIEA", "International Atomic Energy Agency"),
    ("es", "Oficina del Alto Comisionado de las Naciones Unidas para los Derechos Humanos", "ACNUDH",
     "Office of the United Nations High Commissioner for Human Rights"),
    ("es", "Sistema de la Integración Centroamericana", "SICA", "Central American Integration System"),
])
def test_well_known_bodies_have_their_names_and_acronyms(lang, alias, acronym, canonical):
    rows = [row for _, row in read_tsv(MODELS / lang / "gazetteers" / "org_aliases.tsv", ["name", "alias", "acronym"])]
    assert any(r["name"] == canonical and r["alias"] == alias and r["acronym"] == acronym for r in rows)


@pytest.mark.parametrize("lang, alias", [("fr", "Conseil de sécurité"), ("fr", "Assemblée générale"), ("fr", "Comité 1540"),
                                         ("es", "Consejo de Seguridad"), ("es", "Asamblea General"), ("es", "Comité 1540")])
def test_un_organs_by_their_french_and_spanish_names(lang, alias, english_orgs):
    rows = {row["alias"]: row["name"] for _, row in read_tsv(MODELS / lang / "gazetteers" / "org_aliases.tsv",
                                                                ["name", "alias", "acronym"])}
    assert rows[alias] in english_orgs.by_name


def gazetteer_with_aliases(lang: str, folder: Path) -> OrgGazetteer:
    """The shared orgs.tsv with the language's aliases and acronyms added to their rows,
    loaded with the language's filters (the loader refuses a form that names two bodies)."""
    extra: dict[str, list[str]] = {}
    for _, row in read_tsv(MODELS / lang / "gazetteers" / "org_aliases.tsv", ["name", "alias", "acronym"]):
        extra.setdefault(row["name"], []).extend(a for a in (row["alias"], row["acronym"]) if a)
    lines = []
    for line in (MODELS / "shared" / "gazetteers" / "orgs.tsv").read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if not line.startswith("#") and len(cells) == 4 and cells[0] in extra:
            cells[2] = " | ".join([a for a in cells[2].split(" | ") if a] + extra[cells[0]])
        lines.append("\t".join(cells))
    (folder / "orgs.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return OrgGazetteer(folder / "orgs.tsv", load_filters(MODELS / lang / "patterns" / "org_filters.jsonl"))


@pytest.mark.parametrize("lang, text, names", [
    ("fr", "Le PNUD, l'Organisation mondiale de la Santé (OMS) et le Conseil de sécurité ont salué le Comité 1540.",
     ["United Nations Development Programme", "World Health Organization", "World Health Organization",
      "Security Council", "Security Council Committee established pursuant to resolution 1540 (2004)"]),
    ("es", "El ACNUR, la Oficina de las Naciones Unidas contra la Droga y el Delito y la Asamblea General.",
     ["Office of the United Nations High Commissioner for Refugees", "United Nations Office on Drugs and Crime",
      "General Assembly"]),
])
def test_a_note_in_either_language_gets_the_canonical_english_name(lang, text, names):
    """Through the language's pipeline: org_aliases.tsv merged into the shared gazetteer at load time."""
    from pipeline.nlp.build import build_nlp

    doc = build_nlp(lang)(text)
    assert [e.kb_id_ for e in doc.ents if e.label_ == "ORG"] == names


def org_norms(lang: str, text: str) -> list[tuple[str, str]]:
    from pipeline.nlp.build import build_nlp

    return [(e.text, e.kb_id_) for e in build_nlp(lang)(text).ents if e.label_ == "ORG"]


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "Le Secrétariat a informé le Comité.", [("Secrétariat", "United Nations Secretariat")]),
    ("fr", "Le Secrétariat de la Convention de Bâle a informé les Parties.", []),
    ("fr", "Le Secrétariat général de la CEEAC a informé les Parties.", [("CEEAC", "Economic Community of Central African States")]),
    ("es", "La Secretaría informó al Comité.", [("Secretaría", "United Nations Secretariat")]),
    ("es", "La Secretaría General del SICA informó al Comité.", [("SICA", "Central American Integration System")]),
])
def test_a_bare_secretariat_is_the_un_secretariat_only_standing_alone(lang, text, expected):
    """As a lone "the Secretariat" in English; not before "de"/"del" nor before a name adjective."""
    assert [(t, n) for t, n in org_norms(lang, text) if n != t] == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "La Division des achats a lancé un appel d'offres.", [("Division des achats", "Procurement Division")]),
    ("fr", "Une division des achats a été créée dans chaque mission.", []),
    ("fr", "Le Ministère de la santé et le Ministère de la Santé.", [("Ministère de la santé", "Ministry of Health"),
                                                                    ("Ministère de la Santé", "Ministry of Health")]),
    ("es", "La División de Adquisiciones publicó un llamado.", [("División de Adquisiciones", "Procurement Division")]),
    ("es", "El Ministerio de Salud y la Junta Ejecutiva.", [("Ministerio de Salud", "Ministry of Health"),
                                                          ("Junta Ejecutiva", "Executive Board")]),
])
def test_language_only_bodies_get_the_english_name_and_need_their_capital(lang, text, expected):
    """org_aliases.tsv rows with a `kind`: bodies orgs.tsv does not list, under the name English notes give them."""
    assert org_norms(lang, text) == expected


@pytest.mark.parametrize("lang, text, short", [
    ("fr", "Le Comité consultatif pour les questions administratives et budgétaires s'est réuni. "
           "Le Comité consultatif recommande d'approuver le budget.", "Comité consultatif"),
    ("es", "La Comisión Consultiva en Asuntos Administrativos y de Presupuesto se reunió. "
           "La Comisión Consultiva recomienda aprobar el presupuesto.", "Comisión Consultiva"),
])
def test_a_short_body_name_stands_for_the_longer_known_name_of_the_note(lang, text, short):
    found = dict(org_norms(lang, text))
    assert found[short] == "Advisory Committee on Administrative and Budgetary Questions"
    assert org_norms(lang, text.split(". ", 1)[1]) == [(short, "Advisory Committee")]


@pytest.mark.parametrize("lang, text", [
    ("fr", "Le Comité consultatif permanent chargé des questions de sécurité s'est réuni."),
    ("fr", "Le Ministère des affaires étrangères et de la coopération internationale a répondu."),
    ("es", "El Comité Especial Conjunto se reunió."),
])
def test_a_known_short_name_that_goes_on_is_not_that_body(lang, text):
    assert not any(n in ("Advisory Committee", "Ministry of Foreign Affairs", "Special Committee")
                   for _, n in org_norms(lang, text))


# -- dates and references ---------------------------------------------------------------
def grammar(lang: str) -> DateGrammar:
    return DateGrammar(MODELS / lang / "patterns" / "dates.jsonl", MODELS / lang / "patterns" / "references.jsonl",
                       MODELS / lang / "gazetteers" / "date_words.tsv")


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "9-11 novembre 2010", [("2010-11-09", "2010-11-11")]),
    ("fr", "du 9 au 11 novembre 2010", [("2010-11-09", "2010-11-11")]),
    ("fr", "le 1er mars 2025", [("2025-03-01", "2025-03-01")]),
    ("fr", "entre 2005 et 2009", [("2005", "2009")]),
    ("fr", "de 2005 à 2009", [("2005", "2009")]),
    ("fr", "les années 1990", [("1990", "1999")]),
    ("fr", "le quatrième trimestre de 2024", [("2024-10", "2024-12")]),
    ("fr", "du 30 octobre au 2 novembre 2024", [("2024-10-30", "2024-11-02")]),
    ("fr", "la résolution 1540 (2004)", []),
    ("fr", "sa soixante-dix-neuvième session", []),
    ("fr", "le Programme de développement durable à l'horizon 2030", []),
    ("es", "del 9 al 11 de noviembre de 2010", [("2010-11-09", "2010-11-11")]),
    ("es", "1 de marzo de 2025", [("2025-03-01", "2025-03-01")]),
    ("es", "de 2005 a 2009", [("2005", "2009")]),
    ("es", "entre 2005 y 2009", [("2005", "2009")]),
    ("es", "los años 1990", [("1990", "1999")]),
    ("es", "el cuarto trimestre de 2024", [("2024-10", "2024-12")]),
    ("es", "resolución 1540 (2004)", []),
    ("es", "su septuagésimo noveno período de sesiones", []),
    ("es", "la Agenda 2030 para el Desarrollo Sostenible", []),
])
def test_dates_normalise_at_the_stated_precision(lang, text, expected):
    assert [(d.start_iso, d.end_iso) for d in grammar(lang).find_dates(text)] == expected


@pytest.mark.parametrize("lang, text, norms", [
    ("fr", "la résolution 1540 (2004) du Conseil", ["resolution 1540 (2004)"]),
    ("fr", "les résolutions 1267 (1999) et 1989 (2011)", ["resolution 1267 (1999)", "resolution 1989 (2011)"]),
    ("es", "la resolución 64/106 de 10 de diciembre de 2009", ["resolution 64/106"]),
    ("es", "decisión 43/112", ["decision 43/112"]),
])
def test_references_get_the_english_norm(lang, text, norms):
    assert [r.norm for r in grammar(lang).find_references(text)] == norms


@pytest.mark.parametrize("lang", LANGS)
def test_decade_words_have_decade_values(lang):
    rows = [(n, r) for n, r in read_tsv(MODELS / lang / "gazetteers" / "date_words.tsv", ["word", "kind", "value"])
            if r["kind"] == "decade"]
    assert rows
    for lineno, row in rows:
        assert int(row["value"]) % 10 == 0 and 1900 <= int(row["value"]) <= 2090, lineno
    ids = [obj["id"] for _, obj in read_jsonl(MODELS / lang / "patterns" / "dates.jsonl", {"id": (str,)})]
    assert "decade-in-words" in ids


@pytest.mark.parametrize("lang, text, value", [
    ("fr", "Dans les années quatre-vingt-dix, la situation a changé.", ("1990", "1999")),
    ("es", "En los años noventa la situación cambió.", ("1990", "1999")),
])
def test_decades_in_words(lang, text, value):
    assert [d.norm for d in grammar(lang).find_dates(text)] == ["/".join(value)]


# -- recommendations -----------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_every_cue_and_exclusion_line_has_the_keys_the_loader_requires(lang):
    for name in ("recommendation_cues.jsonl", "recommendation_exclusions.jsonl"):
        lines = list(read_jsonl(MODELS / lang / "patterns" / name, {"id": (str,), "kind": (str,), "pattern": (str,)}))
        assert lines, name
        ids = [obj["id"] for _, obj in lines]
        assert len(ids) == len(set(ids)), f"{lang}/patterns/{name}: an id twice"
    rules = load_rules(MODELS / lang / "patterns" / "recommendation_cues.jsonl",
                       MODELS / lang / "patterns" / "recommendation_exclusions.jsonl")
    assert rules.cues and rules.lead_in and rules.imperative_re is not None and rules.exclusions


def rules_of(lang: str):
    return load_rules(MODELS / lang / "patterns" / "recommendation_cues.jsonl",
                      MODELS / lang / "patterns" / "recommendation_exclusions.jsonl", MODELS / lang / "lexicon.jsonl")


@pytest.mark.parametrize("lang, text, cue", [
    ("fr", "Les participants ont recommandé que le Comité organise un atelier régional.", "recommandé"),  # the cue as the row writes it
    ("fr", "Le Conseil devrait examiner la question à sa prochaine séance.", "devrait"),
    ("fr", "Invite les États Membres à ratifier la Convention.", "invite"),
    ("fr", "Il prie le Secrétaire général de lui présenter un rapport.", "prie"),
    ("fr", "Il a souligné la nécessité de renforcer la coopération régionale.", "a souligné la nécessité"),
    ("fr", "Il conviendrait de créer un groupe de travail.", "il conviendrait de"),
    ("es", "El Consejo debería examinar la cuestión.", "debería"),
    ("es", "Insta a los Estados Miembros a ratificar la Convención.", "insta"),
    ("es", "Invita a los Estados a presentar informes nacionales.", "invita"),
    ("es", "Pide al Secretario General que le presente un informe.", "pide"),
    ("es", "Es necesario reforzar las capacidades nacionales.", "es necesario"),
])
def test_recommendation_cues(lang, text, cue):
    assert [r["cue"] for r in detect(text, None, None, rules_of(lang))] == [cue]


@pytest.mark.parametrize("lang, text, actor", [
    ("fr", "4. Prie le Secrétaire général de continuer à promouvoir la coopération.", "le Secrétaire général"),
    ("fr", "Le Comité recommande que le Secrétaire général adjoint présente un rapport.", "le Secrétaire général adjoint"),
    ("es", "Solicita al Secretario General que siga promoviendo la cooperación.", "Secretario General"),
    ("es", "2. Alienta al UNICEF a seguir fortaleciendo su capacidad interna.", "UNICEF"),
])
def test_the_actor_keeps_a_titles_adjective(lang, text, actor):
    """French and Spanish write a title's adjective after its noun (lexicon name_adjectives)."""
    assert [r["actor"] for r in detect(text, None, None, rules_of(lang))] == [actor]


@pytest.mark.parametrize("lang, text", [
    ("fr", "Je vous serais reconnaissante de bien vouloir faire distribuer la présente lettre et son annexe "
           "comme document du Conseil de sécurité."),
    ("fr", "Il convient de noter que la réunion a eu lieu à Genève."),
    ("fr", "Le Comité a salué l'initiative du Gouvernement."),
    ("fr", "La demande de la délégation a été examinée."),
    ("es", "Le agradecería que tuviera a bien hacer distribuir la presente carta y su anexo como documento "
           "del Consejo de Seguridad."),
    ("es", "Cabe señalar que la reunión se celebró en Ginebra."),
    ("es", "Solicita información adicional sobre el presupuesto."),
    ("es", "Preguntó si el Gobierno tenía previsto modificar la ley."),
    ("fr", "L'Autorité a demandé des fonds à l'Agence fédérale de gestion des situations d'urgence."),
    ("fr", "L'ONUDC a encouragé l'intégration de la réforme pénitentiaire dans le programme national."),
    ("es", "La Junta solicitó fondos a la Agencia Federal para la Gestión de Emergencias."),
    ("es", "Zimbabwe alentó el intercambio de conocimientos sobre la gestión forestal."),
])
def test_not_recommendations(lang, text):
    assert detect(text, None, None, rules_of(lang)) == []


# -- lexicon -------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_lexicon_has_the_english_lists(lang):
    from pipeline.nlp.lexicon import load_lexicon

    en, lex = load_lexicon(MODELS / "en" / "lexicon.jsonl"), load_lexicon(MODELS / lang / "lexicon.jsonl")
    for name, _ in en.lists:
        if name not in ("not_proposers", "possessives", "plural_possessives"):   # English-only lists (orgs)
            assert lex.get(name), f"{lang}/lexicon.jsonl has no list {name!r}"
    assert lex.get("contractions") and lex.get("articles")


def test_spanish_splitter_abbreviations():
    from pipeline.nlp.lexicon import load_lexicon

    words = load_lexicon(MODELS / "es" / "lexicon.jsonl")["abbreviations"]
    assert {"Sr.", "Sra.", "párr.", "núm.", "art."} <= words


def test_french_mexico_is_the_city_and_jordan_no_state_name(keep_role_rules):
    forms = {f.name for f in load_gazetteer(MODELS / "fr" / "gazetteers" / "states.tsv")}
    assert "Mexique" in forms and "Jordanie" in forms
    assert "Mexico" not in forms and "Jordan" not in forms
    assert states_in("fr", "M. Jordan a présenté le rapport du Mexique à Mexico.") == [("Mexique", "MEX")]


# -- the measure (benchmarks/parallel_agreement.py) ---------------------------------------
_spec_pa = importlib.util.spec_from_file_location("parallel_agreement", REPO / "benchmarks" / "parallel_agreement.py")
parallel_agreement = importlib.util.module_from_spec(_spec_pa)
sys.modules.setdefault("parallel_agreement", parallel_agreement)
_spec_pa.loader.exec_module(parallel_agreement)


def test_measure_maps_offsets_in_the_cleaned_text_back_to_lines():
    lines = ["First  line of the note.", "Second line, which recommends.", "Third line."]
    cleaned = "First line of the note.\n\nSecond line, which\nrecommends.\n\nThird line."
    starts = parallel_agreement.line_starts(cleaned, lines)
    assert starts == [0, cleaned.index("Second"), cleaned.index("Third")]
    assert parallel_agreement.line_starts(cleaned, lines + ["A line the run lost."]) is None


def test_measure_matches_organizations_by_canonical_name_or_acronym():
    key = parallel_agreement.org_key
    reference = [(key("United Nations Development Programme"), key("UNDP")), (key("World Health Organization"), key("WHO"))]
    predicted = [(key("the United Nations Development Programme"), key("UNDP")), (key("Some other body"), key("WHO")),
                 (key("Unknown body"), "")]
    score = parallel_agreement.Score()
    parallel_agreement.match_orgs(predicted, reference, score)
    assert (score.tp, score.fp, score.fn) == (2, 1, 0)


def test_measure_groups_the_parallel_corpus_by_document():
    folder = parallel_agreement.PARALLEL
    if not (folder / "unv.ids").is_file():
        pytest.skip(f"{folder} not found: the parallel corpus lives in ../shared/corpus/parallel")
    docs = parallel_agreement.read_parallel(folder)
    assert len(docs) == 378 and sum(len(d.lines["en"]) for d in docs) == 2024
    assert all(len(d.lines["en"]) == len(d.lines["fr"]) == len(d.lines["es"]) for d in docs)


def test_measure_halves_are_fixed_by_the_document_id():
    half = parallel_agreement.doc_half
    ids = [f"2015/a/69/{n}" for n in range(700, 800)]
    assert [half(i) for i in ids] == [half(i) for i in ids]
    assert 30 < sum(half(i) == "A" for i in ids) < 70


def test_measure_ignores_english_french_and_spanish_leading_articles():
    key = parallel_agreement.org_key
    assert key("the Security Council") == key("le Security Council") == key("l'Security Council") == \
        key("los Security Council") == key("Security Council")
    assert key("Lesotho Council") != key("Council")
