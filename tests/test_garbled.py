"""The garbled-text test (pipeline/ingest/garbled.py) on real text layers:
it fires on the old OCR layers of the 1948, 1971 and 1992 scans and stays
quiet on clean pages, a participants list of names among them."""

from __future__ import annotations

import pytest

from conftest import REAL, need
from pipeline.core.errors import ModelDataError
from pipeline.ingest.garbled import GarbledScorer, garbled_reason, load_scorer, read_words


def page_texts(name: str) -> list[str]:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(need(REAL / name)))
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


@pytest.fixture(scope="module")
def scorer():
    return load_scorer()


@pytest.mark.parametrize("name", ["aiun__E_CN.4_109.en.pdf", "unsu__1971-09-29_A_L.632-EN.pdf",
                                  "pact__UNIKOM_S_23766.pdf"])
def test_old_ocr_text_layers_score_as_garbled(scorer, name):
    for number, text in enumerate(page_texts(name), 1):
        score = scorer.score(text)
        assert score.garbled, f"{name} page {number}: {score.describe()}"


def test_participants_list_of_names_is_not_garbled(scorer):
    pages = page_texts("aiun__A_CN.10_2025_INF_1.en.pdf")
    assert len(pages) == 9
    for number, text in enumerate(pages, 1):
        score = scorer.score(text)
        assert score.tokens >= 50
        assert not score.garbled, f"participants list page {number}: {score.describe()}"


@pytest.mark.parametrize("name", ["aiun__S_2025_31.en.pdf", "aiun__A_79_923.en.pdf", "aiun__ICCD_COP8_CST_8.en.pdf",
                                  "pact__ONUSAL_S_1994_304.pdf", "svnupr__g1217781.pdf", "aiun__S_2025_453.en.pdf"])
def test_clean_text_layers_are_not_garbled(scorer, name):
    """A 1994 typewritten report, tables of document symbols, a statement in
    Russian and Arabic among English ones: none is garbled."""
    for number, text in enumerate(page_texts(name), 1):
        score = scorer.score(text)
        assert not score.garbled, f"{name} page {number}: {score.describe()}"


def test_the_warning_names_the_shares():
    (text,) = page_texts("aiun__E_CN.4_109.en.pdf")
    reason = garbled_reason(text)
    assert reason.startswith("text layer looks garbled (OCR?): ")
    assert "known words" in reason and "\n" not in reason
    assert garbled_reason(page_texts("aiun__S_2025_31.en.pdf")[0]) is None


def test_short_text_is_never_garbled(scorer):
    assert not scorer.score("Nicar~gua ~9 Ig82 tY8").garbled


@pytest.mark.parametrize("token, verdict", [
    ("Nicar~gua,", "malformed"),     # a character no printed word holds
    ("Ig82", "malformed"),           # letters and digits mixed ("1982")
    ("SECmTARaC", "malformed"),      # a case shape of no word or name
    ("h&s", "malformed"),
    (".China.,i", "malformed"),
    ("followiag", "implausible"),    # lower case, a trigram no listed word has
    ("Bekteshi", "unknown"),         # a name: capitalised unknowns are not held to spelling
    ("Kotanjyan", "unknown"),
    ("the", "known"),
    ("Iraq-Kuwait", "known"),
    ("l'homme", "known"),
    ("Council12", "known"),          # a footnote number after a word
    ("NGOs", "known"),
    ("McDonald", "known"),
    ("S/2025/31", None),             # document symbols, numbers, money are not judged
    ("A/HRC/14/21/Add.1", None),
    ("$64.2m", None),
    ("21st", None),
    ("(42)%", None),
    ("Затем", None),                 # another script
])
def test_token_verdicts(scorer, token, verdict):
    assert dict(scorer.judge_tokens(token))[token] == verdict


def test_dot_leaders_of_a_contents_page_are_not_noise(scorer):
    entries = ["Introduction", "Mandate and activities", "Political developments", "Human rights",
               "Financial aspects", "Observations", "Annex: list of participants", "Recommendations"]
    text = "\n".join(f"{title}{'.' * 60}{page}" for page, title in enumerate(entries * 3, 2))
    assert scorer.judge_tokens("Introduction.............3") == [("Introduction", "known"), ("3", None)]
    assert scorer.score(text).malformed == 0


def test_word_lists_come_from_models(tmp_path):
    for lang in ("en", "fr", "es"):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "words.txt").write_text("# header\nthe\nde\n", encoding="utf-8")
    scorer = load_scorer(tmp_path)
    assert scorer.words == frozenset({"the", "de"})
    assert len(load_scorer().words) > 50000


def test_missing_word_list_is_a_data_error(tmp_path):
    with pytest.raises(ModelDataError, match="words.txt: expected a word list"):
        read_words(tmp_path / "en" / "words.txt")
    with pytest.raises(ModelDataError, match="expected words"):
        GarbledScorer(frozenset())


def test_page_ocr_decision():
    from pipeline.ingest.ocr import ocr_reason

    assert ocr_reason("") == "no text layer"
    assert ocr_reason("  \n 12 \n") == "no text layer"
    assert ocr_reason(page_texts("unsu__1971-09-29_A_L.632-EN.pdf")[0]) == "garbled text layer"
    assert ocr_reason(page_texts("aiun__A_CN.10_2025_INF_1.en.pdf")[0]) is None


def test_documents_warning_uses_the_garbled_test():
    """metadata.py's warning: the participants list (which the old stop-word
    test flagged) is clean; the 1992 scan's layer (which it passed) is garbled."""
    from pipeline.ingest import read_note

    assert not any("garbled" in w for w in read_note(need(REAL / "aiun__A_CN.10_2025_INF_1.en.pdf")).warnings)
    assert any(w.startswith("text layer looks garbled (OCR?)")
               for w in read_note(need(REAL / "pact__UNIKOM_S_23766.pdf"), ocr="never").warnings)
