"""The rule sentence splitter of the Spanish pipeline (`unnotes_sentences`) and the
layout boundaries every pipeline adds (`unnotes_blocks`), on real Spanish text."""

from pipeline.nlp.build import build_nlp
from pipeline.nlp.sentences import ENDS
from tests.conftest import SHARED, need

PARALLEL_ES = SHARED / "corpus" / "parallel" / "unv.es"


def sentences(text):
    return list(build_nlp("es")(text).sents)


def test_a_courtesy_title_does_not_end_a_sentence():
    sents = sentences("El Sr. Pérez Molina, de la Sra. Ruiz, habló en nombre del Grupo. La reunión terminó a las 13.00 horas.")
    assert [s.text.split()[0] for s in sents] == ["El", "La"]


def test_every_start_of_real_spanish_text_follows_a_full_stop_or_a_blank_line():
    lines = need(PARALLEL_ES).read_text(encoding="utf-8").splitlines()[:300]
    doc = build_nlp("es")("\n\n".join(lines))
    starts = [s.start for s in doc.sents]
    assert len(starts) > 300  # the lines' own sentences, not one per line
    for i in starts[1:]:
        before = doc[i - 1]
        assert before.text.endswith(ENDS) or before.is_space or "\n\n" in before.whitespace_, doc[max(0, i - 5):i + 3].text


def test_a_text_with_no_full_stop_is_one_sentence():
    words = need(PARALLEL_ES).read_text(encoding="utf-8").replace(".", " ").split()[:20_000]
    sents = sentences(" ".join(words))
    assert len(sents) == 1 and len(sents[0]) >= 20_000
