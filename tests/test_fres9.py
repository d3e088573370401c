"""French and Spanish organizations, ninth round of issue 11 (branch fres9): a body that no gazetteer
lists, named by a class head of the language, its name adjectives and a known body or State as its
complement, gets the English name English notes give such a unit (`composed_units.composed_units`, the pairs
`english_head` / `english_adjective` of models/{fr,es}/patterns/org_filters.jsonl). Sentences of the
UN Parallel Corpus sample (../shared/corpus/parallel), whose English line names the body as the test
expects; plain sentences check what must not become a unit."""

from __future__ import annotations

import pytest

from pipeline.nlp.build import build_nlp
from tests.test_fr_es_agreement import needs_parallel, parallel_line
from tests.test_fr_es_sixth_round_orgs import orgs_of


@needs_parallel
@pytest.mark.parametrize("lang,phrase,name", [
    ("fr", "Le Bureau du Comité spécial est également le Bureau", "Bureau of the Special Committee"),
    ("fr", "Le Bureau du Comité spécial est également le Bureau", "Bureau of the Working Group of the Whole"),
    ("es", "Mesa del Comité Especial", "Bureau of the Special Committee"),
    ("es", "Subcomité Técnico", "Technical Subcommittee"),
    ("fr", "Bureau du Conseil d'administration", "Bureau of the Executive Board"),
    ("es", "Mesa de la Junta Ejecutiva", "Bureau of the Executive Board"),
    ("es", "Consejo Ejecutivo", "Executive Council"),
])
def test_a_unit_no_gazetteer_lists_gets_its_english_name(lang, phrase, name):
    line = parallel_line(lang, phrase)
    assert name in orgs_of(lang, line), (line, orgs_of(lang, line))


@pytest.mark.parametrize("lang,text,name", [
    ("fr", "Le Conseil d'administration du PNUD a approuvé le plan.", "Executive Board of UNDP"),
    ("fr", "Il a rencontré le Président de l'Assemblée nationale du Koweït.", "National Assembly of Kuwait"),
    ("es", "Se reunió con la Asamblea Nacional de Kuwait.", "National Assembly of Kuwait"),
    ("es", "La Junta Ejecutiva del PNUD aprobó el plan.", "Executive Board of UNDP"),
])
def test_a_known_body_or_state_as_complement(lang, text, name):
    assert name in orgs_of(lang, text), orgs_of(lang, text)


@needs_parallel
@pytest.mark.parametrize("lang,phrase,not_name", [
    ("es", "131ª Asamblea de la Unión Interparlamentaria", "Assembly of the Inter-Parliamentary Union"),  # a meeting
    ("es", "Comité Regional Asesor de Estadísticas de Salud", "Regional Committee"),   # the name goes on
])
def test_no_unit_where_the_name_is_a_meeting_or_goes_on(lang, phrase, not_name):
    line = parallel_line(lang, phrase)
    assert not_name not in orgs_of(lang, line), (line, orgs_of(lang, line))


@pytest.mark.parametrize("lang,text,not_name", [
    ("fr", "Au nom de la Fédération de Russie, je remercie le Président.", "Federation of Russian Federation"),
    ("fr", "La Mission permanente de l'Argentine présente ses compliments.", "Standing Mission of Argentina"),
    ("fr", "Dans le cadre de l'appui qu'elle apporte au Programme national de lutte.", "National Programme"),
    ("fr", "Le Comité régional a examiné la question.", "Regional Committee"),   # a lowercase adjective alone
])
def test_no_unit_for_a_state_a_drop_phrase_or_a_phrase(lang, text, not_name):
    assert not_name not in orgs_of(lang, text), orgs_of(lang, text)


def test_a_state_named_like_a_unit_stays_a_state():
    doc = build_nlp("fr")("Au nom de la Fédération de Russie, je remercie le Président.")
    assert any(e.label_ == "STATE" and e.kb_id_ == "RUS" for e in doc.ents), [(e.text, e.label_) for e in doc.ents]


def test_english_composes_nothing():
    doc = build_nlp("en")("The Bureau of the Special Committee met.")
    assert not any(e.id_.endswith("composed-unit") for e in doc.ents)


@needs_parallel
@pytest.mark.parametrize("lang,phrase,name", [
    # a language's own row names the unit in full, and a State or a known body is its complement
    ("fr", "Division de statistique du Département des affaires économiques et sociales",
     "Statistics Division of the Department of Economic and Social Affairs"),
    ("es", "División de Estadística del Departamento de Asuntos Económicos y Sociales",
     "Statistics Division of the Department of Economic and Social Affairs"),
])
def test_a_local_unit_with_a_complement(lang, phrase, name):
    line = parallel_line(lang, phrase)
    assert name in orgs_of(lang, line), (line, orgs_of(lang, line))


@pytest.mark.parametrize("lang,text,name", [
    ("es", "Transmito la declaración del Ministerio de Relaciones Exteriores de Ucrania.", "Ministry of Foreign Affairs of Ukraine"),
    ("fr", "Je transmets la déclaration du Ministère des affaires étrangères de l'Ukraine.", "Ministry of Foreign Affairs of Ukraine"),
])
def test_a_local_unit_of_a_state(lang, text, name):
    assert name in orgs_of(lang, text), orgs_of(lang, text)


@needs_parallel
@pytest.mark.parametrize("lang,phrase,body", [
    # a body of the shared gazetteer stays itself: English writes "the General Assembly of the OAS" as two bodies
    ("fr", "Assemblée générale de l'Organisation des États américains", "General Assembly"),
    ("es", "Oficina de Asuntos del Espacio Ultraterrestre de la Secretaría", "United Nations Office for Outer Space Affairs"),
])
def test_a_shared_body_with_a_complement_stays_itself(lang, phrase, body):
    line = parallel_line(lang, phrase)
    assert body in orgs_of(lang, line), (line, orgs_of(lang, line))


BOARD_NOTES = {
    "habitat.txt": "Le Conseil d'administration d'ONU-Habitat a adopté la résolution sur les établissements humains."
                   "\n\nLe Conseil d'administration se réunira en avril 2015.\n",
    "undp.txt": "Le Conseil d'administration du PNUD a adopté la décision sur le programme de pays.\n\n"
                "Le Conseil d'administration se réunira en juin 2015.\n",
}


@pytest.fixture(scope="module")
def board_tables(tmp_path_factory) -> dict[str, set[str]]:
    """{note: organization names of its rows}: one CLI run of both notes, as a user runs it (a subprocess,
    --no-cache), shared by the tests of the module (each run loads the models: one run, not one per note)."""
    import csv
    import subprocess
    import sys
    from pathlib import Path

    folder = tmp_path_factory.mktemp("boards")
    for name, text in BOARD_NOTES.items():
        (folder / name).write_text(text, encoding="utf-8")
    out = tmp_path_factory.mktemp("boards-out")
    exe = Path(sys.executable).with_name("unnotes")
    subprocess.run([str(exe), "run", str(folder), "--out", str(out), "--jobs", "1", "--no-cache"],
                   check=True, capture_output=True)
    names: dict[str, set[str]] = {name: set() for name in BOARD_NOTES}
    with (out / "organizations.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            names[Path(row["document"]).name].add(row["name"])
    return names


def test_conseil_d_administration_is_the_board_of_the_note_s_body(board_tables):
    names = board_tables["habitat.txt"]
    assert "Governing Council" in names and "Executive Board" not in names, names


def test_conseil_d_administration_stays_the_executive_board_in_a_undp_note(board_tables):
    names = board_tables["undp.txt"]
    assert "Executive Board" in names and "Governing Council" not in names, names
