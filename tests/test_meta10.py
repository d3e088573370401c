"""Titles and recommendation kinds of the tenth round's meta10 (issue 12; docs/QUALITY.md, "Titles of unseen
notes and needs put as requirements (branch meta10, issue 12)"); every "found" test fails on the branch start
(d42ccb2).

Titles: a decision's or resolution's numbered title is given with the "... adopted by ..." line printed before it
(A/HRC/DEC/43/112, read from ../shared); a covering letter whose page 1 has no subject line (it opens with
"Madam,") is named by the heading of its annex on the next page (the High Commissioner's letter to Slovenia, its
text as a note). Recommendations: a need put as a requirement that goes on or is to come ("will also require
provision of bilateral support", "international assistance will continue to be required", "urgently require
unimpeded movement"), and "it is (therefore) more critical than ever that ...". Not found: an estimate of who
will require what ("300,000 people will require humanitarian assistance"), a relative clause ("at a pace that
will require many decades")."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest import read_note
from tests.conftest import REAL, need
from tests.test_recommendations import nlp, run, texts  # noqa: F401  (module fixture and the run helpers)

LETTER_PAGE_1 = """NATIONS UNIES LE HAUT-COMMISSAIRE AUX DROITS DE L'HOMME UNITED NATIONS THE HIGH COMMISSIONER FOR HUMAN RIGHTS

PALAIS DES NATIONS 1211, GENEVA 10, SWITZERLAND

1 October 2025

Madam,

I have the honour to refer to the fourth cycle review of Slovenia by the Universal Periodic Review (UPR) Working \
Group at its 48th session in January 2025.

In annex, I have also attached my Office's observations in light of the outcome of the fourth cycle of the UPR.

Please accept, Madam, the assurances of my highest consideration.

Volker Türk

Her Excellency Ms. Tanja Fajon Deputy Prime Minister and Minister for Foreign Affairs of the Republic of Slovenia
"""

LETTER_PAGE_2 = """Observations in light of the outcome of the fourth cycle of the Universal Periodic Review

Slovenia's ratification of the International Convention for the Protection of All Persons from Enforced \
Disappearance and its accession to the 1961 Convention on the Reduction of Statelessness are welcome.
"""


def test_a_decision_title_keeps_its_adopted_by_line():
    note = read_note(need(REAL / "svnupr__g2007307.pdf"), ocr="never")
    assert note.title == ("Decision adopted by the Human Rights Council on 12 March 2020 "
                          "43/112. Outcome of the universal periodic review: Slovenia")


def test_a_report_title_is_not_given_the_doc_type_line_before_it():
    # the line before a title that opens with no resolution number stays out of it
    note = read_note(need(REAL / "pact__MINUJUSTH_S_2019_563.pdf"), ocr="never")
    assert note.title == "United Nations Mission for Justice Support in Haiti"


def test_a_covering_letter_with_no_subject_is_named_by_its_annex_heading(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text(LETTER_PAGE_1 + "\f" + LETTER_PAGE_2, encoding="utf-8")
    assert read_note(path).title == ("Observations in light of the outcome of the fourth cycle of the "
                                     "Universal Periodic Review")


def test_a_later_page_sentence_is_no_title(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text(LETTER_PAGE_1 + "\f" + LETTER_PAGE_2.split("\n\n", 1)[1], encoding="utf-8")
    assert read_note(path).title == ""


@pytest.mark.parametrize("sentence", [
    # S/2005/310 (gold-real)
    "This will also require provision of bilateral support, as highlighted at a meeting of development partners "
    "held on 21 April.",
    "Nonetheless, as I indicated in my last report, international assistance will continue to be required beyond "
    "the expiration of the UNMISET mandate on 20 May 2005, to ensure that the underpinnings of a viable State are "
    "firmly in place.",
    "Beyond the support provided by the UNOTIL military and police training advisers, the development of a "
    "national policing capability will require a sustained level of bilateral and multilateral assistance.",
    # S/2025/415 (gold-dev)
    "The United Nations, its partners and the civilian population urgently require unimpeded movement of food, "
    "shelter materials, medicine and fuel, and the capacity to repair essential, life-saving infrastructure.",
    # S/2025/460 and DP/FPA/2025/11 (gold-dev)
    "It is therefore more critical than ever that UNRWA be able to continue its support to Palestine refugees in "
    "Lebanon.",
    "In light of a rapidly changing donor funding environment for multilateralism, it is more critical than ever "
    "that the United Nations system remains a vehicle for the achievement of the Sustainable Development Goals.",
])
def test_a_need_put_as_a_requirement_is_found(nlp, sentence):
    assert texts(run(nlp, sentence)) == [sentence]


@pytest.mark.parametrize("sentence", [
    "In the Plan, it is further noted that in 2025, an estimated 300,000 people will require humanitarian "
    "assistance, up from approximately 280,000 people in 2024.",
    "The elimination of discrimination is happening but at a pace that will require many decades beyond the "
    "2030 target.",
])
def test_an_estimate_or_a_relative_clause_is_no_requirement(nlp, sentence):
    assert run(nlp, sentence) == []
