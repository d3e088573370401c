"""Sentences cut at block breaks, ninth round, branch blocks9 (issue 12): PDFs of ../shared/corpus read
whole (pipeline/ingest: blocks.py, furniture.py, hyphenation.py); docs/QUALITY.md, "Sentences cut at
block breaks (branch blocks9)". Every "joined" test fails at the branch start (2cc7997); the "kept
apart" ones pass there too and guard the new rules.

Joined: a line broken only because the next word did not fit goes on across a change to or from bold
(a bold run-in head "• First-phase recovery efforts: Support ... in" | "Gaza by ...", a bold sentence of
an ACABQ paragraph "(see" | "A/78/7/Add.20, ..."); a line ending in a bare "and" goes on ("colonial and" |
"Non-Self-Governing Territories", "Information Systems and" | "Telecommunications Section"); a page
number printed above the footer band, and a job number "98-20624 (E) 140798 /...", are page furniture,
not a block between the halves of a sentence; a space inside a word of justified text goes
("Digital Cooperation Organiz ation").
Kept apart: a bold heading and the line after it that is indented or follows after a gap, right-aligned
signature lines, a numbered paragraph at the top of a page after an open line."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from pipeline.ingest import read_note
from pipeline.ingest.hyphenation import Vocabulary, close_word_gaps
from pipeline.ingest.textbuild import Src, piece_text

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"


@lru_cache(maxsize=None)
def _text(part: str, name: str) -> str:
    path = SHARED / part / name
    if not path.exists():
        pytest.skip(f"{path} absent")
    return read_note(path.resolve(), ocr="never").text


def _blocks(part: str, name: str) -> list[str]:
    return _text(part, name).split("\n\n")


def _in_one_block(part: str, name: str, words: str) -> bool:
    return any(words in b for b in _blocks(part, name))


@pytest.mark.parametrize("words", [
    "• First-phase recovery efforts: Support urgent first-phase recovery efforts in Gaza by addressing",
    "• Rehabilitating critical emergency infrastructure: Support the Palestinian Government’s priorities",
    "• Enhance Financial Support to Palestine: Increase financial support to Palestine, including",
    "• Fully Integrate Palestine into the International and Monetary Financial System: Explore ways",
    "• Contribute to Employment Initiatives: Financially support the Palestinian Employment Initiative",
    "• Establishing platforms and dialogue programs between Palestinians and Israelis to promote",
])
def test_bold_run_in_head_goes_on_after_a_full_line(words):
    assert _in_one_block("dev", "A_CONF.243_2025_1_Add.1.pdf", words)


def test_bullet_cut_at_bold_head_is_a_list_item_not_a_heading():
    path = SHARED / "dev" / "A_CONF.243_2025_1_Add.1.pdf"
    if not path.exists():
        pytest.skip(f"{path} absent")
    note = read_note(path.resolve(), ocr="never")
    block = next(b for b in note.blocks if note.text[b.start:b.end].startswith("• First-phase recovery"))
    assert block.kind == "list_item"


@pytest.mark.parametrize("part,name,words", [
    ("dev", "A_79_7_Add.12.pdf", "need to be further enhanced (see A/78/7/Add.20, paras. 59 and 60)"),
    ("dev", "A_79_7_Add.12.pdf", "The Advisory Committee reiterates its view that the related options"),
    ("real", "aiun__S_2025_453.en.pdf", "into the UN Security Council’s consideration of the items on its agenda"),
    ("real", "aiun__S_2025_453.en.pdf", "more coherent implementation of resolutions 2365 (2017), 2417 (2018), 2573 (2021), 2664 (2022), 2761"),
    ("real", "aiun__S_2025_453.en.pdf", "adopted in resolution 2664 (2022) for spare parts"),
])
def test_bold_sentence_inside_a_paragraph_goes_on(part, name, words):
    assert _in_one_block(part, name, words)


@pytest.mark.parametrize("part,name,words", [
    ("dev", "A_49_624.pdf", "the peoples of colonial and Non-Self-Governing Territories to self-determination"),
    ("dev", "A_49_624.pdf", "reiterates that the colonial and Non-Self-Governing Territories and areas"),
    ("dev", "A_50_610.pdf", "the situation in the colonial and Non-Self-Governing Territories so as"),
    ("dev", "UNW_2025_3.pdf", "DMA/Information Systems and Telecommunications Section to follow up"),
    ("dev", "E_2025_9_Add.12.pdf", "United Kingdom of Great Britain and Northern Ireland"),
])
def test_line_ending_in_bare_and_goes_on(part, name, words):
    assert _in_one_block(part, name, words)


@pytest.mark.parametrize("part,name,words", [
    ("real", "uprs__kiribati2010.pdf", "concerning the constitutional effectiveness of customary law"),
    ("real", "svnupr__g1504261.pdf", "Equal access to rights is guaranteed to all children, including Roma children."),
    ("real", "pact__UNPREDEP_S_1998_644.pdf", "the option of an eventual increase in the military"),
])
def test_page_furniture_does_not_cut_a_sentence(part, name, words):
    assert _in_one_block(part, name, words)


def test_job_number_with_continuation_mark_is_furniture():
    assert "94-44400 (E) 221194 /..." not in _text("dev", "A_49_624.pdf")


def test_page_number_above_the_footer_band_is_furniture():
    assert "10" not in _blocks("real", "uprs__kiribati2010.pdf")


@pytest.mark.parametrize("part,name,words", [
    ("dev", "E_HLPF_2025_6.pdf", "Digital Cooperation Organization, International Fund"),
    ("dev", "S_2025_460.pdf", "operations"),
])
def test_space_inside_a_word_goes(part, name, words):
    assert words in _text(part, name)
    assert "Organiz ation" not in _text(part, name) and "opera tions" not in _text(part, name)


def test_close_word_gaps_needs_the_word_elsewhere_and_not_its_halves():
    vocab = Vocabulary(["the Organization of", "Organiz ation", "hot spot", "a hot day"])
    line = [Src("Cooperation Organiz ation, and hot spot", 1, 0)]
    assert piece_text(close_word_gaps(line, vocab)) == "Cooperation Organization, and hot spot"


# -- kept apart -------------------------------------------------------------------------------------------

def test_bold_heading_and_indented_line_after_it_stay_apart():
    blocks = _blocks("dev", "E_2025_15_Add.1.pdf")
    assert "The Economic and Social Council," in blocks
    assert not any("Economic Commission for Africa The Economic and Social Council" in b for b in blocks)


def test_right_aligned_signature_lines_stay_apart():
    assert "(Signed) Andrés Efren Montalvo Sosa" in _blocks("dev", "A_80_191.pdf")


def test_numbered_paragraph_at_a_page_top_starts_a_block():
    blocks = _blocks("real", "svnupr__g1504261.pdf")
    assert not any("Original: English 1." in b for b in blocks)
    assert any(b.startswith("1. This document is the response of the Government") for b in blocks)
