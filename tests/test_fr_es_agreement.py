"""French and Spanish rules of the fourth round of issue 11, on real sentences of the UN
Parallel Corpus sample (../shared/corpus/parallel: the same sentence in English, French and
Spanish). Each case is a line found by a distinctive phrase; the English version of the same
line says what French and Spanish should agree with: no recommendation where English has
none ("qui pourrait contribuer", "En cas de réussite, ceci pourrait", "s'est engagé à",
"De tener éxito, podría", "tiene que ver con"), one where English has one ("est essentielle
pour" / "es esencial para" as "is essential for"), and an acronym defined after a name whose
letters do not spell it ("... (CONAVIM)"). English output is untouched: its lexicon has no
`name_head` list."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.nlp.build import build_nlp
from pipeline.nlp.lexicon import load_lexicon

REPO = Path(__file__).resolve().parents[1]
PARALLEL = REPO.parent / "shared" / "corpus" / "parallel"

needs_parallel = pytest.mark.skipif(not (PARALLEL / "unv.fr").is_file(),
                                    reason="../shared/corpus/parallel is absent")


def parallel_line(lang: str, phrase: str) -> str:
    """The first line of unv.<lang> holding `phrase` (the test fails when the corpus lacks it)."""
    for line in (PARALLEL / f"unv.{lang}").read_text(encoding="utf-8").split("\n"):
        if phrase in line:
            return line.strip()
    raise AssertionError(f"no line of unv.{lang} holds {phrase!r}")


def cues(lang: str, text: str) -> list[str]:
    doc = build_nlp(lang)(text)
    return [r["cue"] for r in doc._.recommendations or []]


NOT_RECOMMENDATIONS = [
    ("fr", "qui pourrait contribuer à exploiter l'urbanisation"),          # relative clause: 'that could contribute'
    ("fr", "En cas de réussite, ceci pourrait servir de moteur"),          # conditional: 'If successful, it could'
    ("fr", "le Gouvernement anguillais s'est engagé à équilibrer"),        # reflexive 's'engager à': committed itself
    ("fr", "et décidé que << la République arabe syrienne devait"),       # a past decision reported
    ("fr", "Il ne pourrait être décerné à aucun fonctionnaire"),           # negated modal ('could not')
    ("es", "De tener éxito, podría impulsar el desarrollo sostenible"),   # conditional
    ("es", "ya que este aspecto tiene que ver con el sentido de comunidad"),  # 'has to do with'
    ("es", "se propone cambiar los estereotipos de la mujer"),            # reflexive 'aims to'
    ("es", "a que hablaran en ese acto"),                                 # procedural invitation to speak
    ("es", "la Comisión de Estupefacientes deberá pronunciarse"),         # what a body is to do ('shall')
    # fifth round
    ("fr", "Décide que le Groupe d'experts devra notamment exécuter"),     # 'Decides that ... shall'
    ("fr", "doit inclure la promulgation d'une constitution provisoire"),  # 'shall include'
    ("fr", "ont fait valoir qu'il importait d'assurer une gestion"),       # 'stressed the importance of'
    ("fr", "j'espère que l'ONU, s'appuyant sur les moyens"),               # a hope
    ("fr", "Il a été déterminé que ce montant pourrait être financé"),     # a finding
    ("fr", "l'ASPA a demandé des fonds à l'Agence fédérale"),              # 'applied for funds'
    ("es", "Se ha determinado que la suma de 4.000 dólares podría absorberse"),  # a finding
    ("es", "Ningún funcionario en activo de ninguna organización"),       # 'shall not be eligible'
    # sixth round
    ("fr", "Les membres du MOPAN se sont engagés à effectuer"),             # reflexive: 'have agreed to'
    ("fr", "prie également le secrétariat de faire le nécessaire pour publier"),  # issue as a document
    ("fr", "Le Forum doit en principe élire"),                              # 'is expected to elect'
    ("fr", "ces réseaux doivent faire face à de nombreuses difficultés"),   # 'have faced numerous challenges'
    ("fr", "qui doivent être examinées à chaque session"),                  # relative: 'to be considered'
    ("fr", "qui doit être publié le 31 mars 2015"),                         # relative: 'to be issued'
    ("fr", "celle de savoir ce qu'il faudrait pour que"),                   # an indirect question
    ("fr", "stipule que tout enfant a droit à un nom"),                     # what a treaty says
    ("fr", "Souligne qu'il importe de tenir des consultations"),            # 'Emphasizes the importance of'
    ("fr", "Soulignant qu'il importe d'établir et de maintenir"),           # 'Underlining the importance of'
    ("es", "la UNODC se propone reunir"),                                   # 'UNODC aims to gather'
    ("es", "tienen que lidiar con el hecho de que"),                        # 'struggle with the fact that'
    ("es", "se indica que todo niño tendrá derecho"),                       # what a treaty says
    # seventh round
    ("fr", "dans lesquels la coopération pouvait être renforcée"),             # 'opportunities to enhance'
    ("fr", "où les évaluations et orientations scientifiques environnementales doivent"),
    ("fr", "pourrait se révéler particulièrement important"),                  # 'may prove'
    ("fr", "de quelle manière il serait souhaitable d'intégrer"),              # 'how to integrate'
    ("fr", "et à inciter et encourager les peuples autochtones"),              # an aim
    ("fr", "L'ONUDC a encouragé l'intégration de la réforme pénitentiaire"),   # 'promoted': a report
    ("es", "podría resultar especialmente importante"),                        # 'may prove'
    ("es", "y alentó el intercambio de conocimientos"),                        # a report
    # eighth round (part B2 of the measure, read this round)
    ("fr", "Il faut noter que les consultations se poursuivent"),
    ("fr", "au cours de laquelle le Prix doit être décerné"),
    ("fr", "les mesures prises par certains pouvaient avoir un impact"),
    ("fr", "il demeure fermement engagé en faveur des utilisations pacifiques"),
    ("fr", "11. Soulignons qu'il importe que les hommes et les garçons"),
    ("fr", "la Syrie a souligné qu'il était important de donner la priorité"),
    ("fr", "par la desserte aérienne devraient, à terme, permettre"),
    ("fr", "le Comité spécial doit adopter son ordre du jour provisoire"),
    ("fr", "s'explique par le fait qu'il est proposé de transformer trois emplois"),
    ("fr", "ces mesures pourraient notamment être les suivantes:"),
    ("es", "Normas que deben observarse durante la votación"),
    ("es", "en una situación que podía plantear amenazas"),
    ("es", "las acciones de una parte podían repercutir sobre las demás"),
    ("es", "Sin embargo, debe observarse que hay una excepción legal"),
    ("es", "Se propone un crédito de 10.600 dólares para sufragar"),
    ("es", "Las situaciones podrían ser, entre otras:"),
    ("es", "del diálogo intercoreano, que podría contribuir a mejorar"),
]

RECOMMENDATIONS = [
    ("fr", "est essentielle pour le développement du capital humain"),    # 'is essential for'
    ("fr", "a estimé qu'il convenait d'examiner la possibilité"),         # 'should be explored'
    ("fr", "Ils ont indiqué que les ressources devaient être focalisées"),  # reported 'should'
    ("es", "es indispensable para el desarrollo del capital humano"),
    ("es", "Los ministros observaron que los recursos debían centrarse"),
    ("es", "se propone que la División de Apoyo a la Misión"),            # impersonal: 'it is proposed that'
    # fifth round
    ("fr", "Il exige par conséquent de toutes les parties"),              # 'demands that'
    ("es", "el Consejo exige que todas las partes"),
    ("fr", "Il est donc d'une importance vitale de créer des emplois"),   # 'of the utmost importance to'
    ("es", "Por eso es de vital importancia crear puestos de trabajo"),
    # sixth round
    ("fr", "Appelle instamment l'industrie pharmaceutique"),                # 'Urges', addressees far from 'à'
    ("fr", "Nous appelons tous les États Membres à mettre en place"),       # 'We call on'
    ("fr", "Les délégations seront invitées à faire des déclarations"),     # 'will be invited to'
    ("fr", "la Conférence des Parties sera appelée à examiner"),
    ("fr", "il a été suggéré aussi d'y mentionner"),                        # 'it was also suggested that'
    ("fr", "il est néanmoins impératif que tout accord"),                   # 'it was imperative that'
    ("fr", "Charge le Groupe de coopérer"),                                 # 'Directs the Panel to'
    ("fr", "La Conférence des Parties souhaitera peutêtre adopter"),        # 'may wish to'
    ("fr", "à en faire usage"),                                             # 'encourages parties ... to use it'
    ("es", "se invitará a la Conferencia de las Partes a que apruebe"),
    ("es", "Solicito enérgicamente que las Naciones Unidas"),               # 'I strongly request that'
    ("es", "Pidieron a los titulares de mandatos que examinaran"),          # 'They requested'
    ("es", "Encomienda al Grupo que coopere"),                              # 'Directs the Panel to'
    ("es", "insta a que se lleve a cabo un debate serio"),                  # kept: the treaty veto is modal-only
    ("es", "se propone crear 3 puestos nuevos"),                            # impersonal: 'it is proposed that'
    # seventh round
    ("fr", "L'État syrien demande une fois de plus au Secrétaire général"),    # 'calls on', a long list
    ("fr", "a pour pratique de prier les organismes de répondre"),             # 'requests'
    ("fr", "ont réclamé à qui mieux mieux le renforcement"),                   # 'calling for'
    ("fr", "Le Ministère a requis des différents départements"),               # 'has asked ... to ensure'
    ("fr", "encourage en outre la poursuite de la collaboration"),             # 'further encourages'
    ("es", "solicita una vez más al Secretario General"),                      # 'calls on', a long list
    ("es", "solicita a la Secretaría que, con sujeción"),                      # 'requests', 'que,'
    ("es", "ha pedido a los distintos departamentos que"),                     # 'has asked'
    ("es", "Se propuso también que se suprimieran"),                           # 'It was further suggested'
    ("es", "era necesario someterla"),                                         # 'it was necessary to place'
    ("es", "será fundamental la aplicación de políticas"),                     # 'it will be essential to'
    ("es", "y alienta además la colaboración continua"),                       # 'further encourages'
    # eighth round (part B2 of the measure, read this round)
    ("fr", "encourageant le Gouvernement de ce pays à œuvrer"),
    ("fr", "a demandé à sa présidente de l'inviter à ouvrir le débat"),
    ("fr", "engageant les parties à reprendre les négociations de fond"),
    ("fr", "préconisant l'ouverture, d'un commun accord, d'autres points de passage"),
    ("fr", "13. Encourage tous les États Membres, ses propres membres, le Conseil des droits de l'homme"),
    ("fr", "Exige à nouveau également du Soudan et du Soudan du Sud qu'ils entreprennent"),
    ("es", "5. Reitera también su exigencia de que el Sudán y Sudán del Sur inicien"),
    ("es", "insto a todas las partes e interesados en Libia a abordar"),
    ("es", "urge hacer progresos significativos en los cuatro objetivos mundiales"),
    ("es", "tal vez sería mejor centrarse en la prestación de asistencia financiera"),
    ("es", "13. Alienta a todos los Estados Miembros, la Asamblea General, el Consejo de Derechos Humanos"),
]


@needs_parallel
@pytest.mark.parametrize("lang,phrase", NOT_RECOMMENDATIONS)
def test_no_recommendation_where_english_has_none(lang, phrase):
    line = parallel_line(lang, phrase)
    assert cues(lang, line) == [], line


@needs_parallel
@pytest.mark.parametrize("lang,phrase", RECOMMENDATIONS)
def test_recommendation_where_english_has_one(lang, phrase):
    line = parallel_line(lang, phrase)
    assert cues(lang, line), line


@needs_parallel
@pytest.mark.parametrize("lang,phrase,long_start", [
    ("fr", "(CONAVIM)", "Commission nationale pour la prévention"),
    ("es", "(CONAVIM)", "Comisión Nacional para Prevenir"),
    ("fr", "des États-Unis (FEMA)", "Agence fédérale de gestion"),
    ("es", "Delincuencia Informática (EC3)", "Centro Europeo contra"),
])
def test_acronym_defined_after_a_head_first_name(lang, phrase, long_start):
    line = parallel_line(lang, phrase)
    short = phrase[phrase.index("(") + 1:-1]
    doc = build_nlp(lang)(line)
    assert (doc._.acronyms or {}).get(short, "").startswith(long_start), doc._.acronyms
    assert any(e.label_ == "ORG" and e.text.startswith(long_start) for e in doc.ents), [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize("lang,text,name", [
    ("es", "El Ministerio de Industria y el Ministerio de Interior presentaron su informe.", "Ministry of Industry"),
    ("es", "El Ministerio de Industria y el Ministerio de Interior presentaron su informe.", "Ministry of the Interior"),
    ("fr", "Le Ministère de l'industrie a présenté son rapport.", "Ministry of Industry"),
    ("fr", "La Fondation Bill et Melinda Gates a financé le projet.", "Bill & Melinda Gates Foundation"),
])
def test_french_and_spanish_names_get_the_english_canonical_name(lang, text, name):
    doc = build_nlp(lang)(text)
    assert name in {e.kb_id_ for e in doc.ents if e.label_ == "ORG"}, [(e.text, e.kb_id_) for e in doc.ents]


def test_head_first_names_are_french_and_spanish_only():
    for lang, expected in (("en", False), ("fr", True), ("es", True)):
        lexicon = load_lexicon(str(REPO / "models" / lang / "lexicon.jsonl"))
        assert ("first" in lexicon.get("name_head")) is expected, lang
