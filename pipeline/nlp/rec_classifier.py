"""A learned second opinion on recommendation candidates: a spaCy text
classifier (bag of words and bigrams, `spacy.TextCatBOW.v3`) that scores a
sentence's likelihood of being a recommendation (ANNOTATION.md).

    clf = load_classifier("outputs/rec_classifier/model")
    clf.scores(["Member States should ...", "The meeting was held in Lima."]) -> [0.93, 0.04]

spaCy's textcat rather than scikit-learn: spaCy is already a dependency and
its bag-of-words model is the same linear model over hashed n-grams, with
no new package to pin. Trained and cross-validated by
`scripts/train_rec_classifier.py` (`make rec-classifier`); figures in
`benchmarks/rec_classifier/cv.json` and docs/QUALITY.md. Not used by the
pipeline (it did not beat the rules; see docs/QUALITY.md). The plain functions
(`new_model`, `train`, `scores`) take their data as arguments."""

from __future__ import annotations

import random
from pathlib import Path
from types import MappingProxyType
from typing import Iterable

POSITIVE, NEGATIVE = "REC", "OTHER"
ARCHITECTURE = MappingProxyType({"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True,
                                 "ngram_size": 2, "no_output_layer": False})
EPOCHS = 8
BATCH = 32
DROPOUT = 0.1
SEED = 20261201


def new_model():
    import spacy

    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat", config={"model": dict(ARCHITECTURE)})
    textcat.add_label(POSITIVE)
    textcat.add_label(NEGATIVE)
    return nlp


def train(examples: Iterable[tuple[str, bool]], epochs: int = EPOCHS, seed: int = SEED):
    """A model trained on (text, is_recommendation) pairs."""
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(seed)
    nlp = new_model()
    data = [Example.from_dict(nlp.make_doc(t), {"cats": {POSITIVE: float(y), NEGATIVE: float(not y)}})
            for t, y in examples]
    nlp.initialize(lambda: data)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(data)
        for batch in minibatch(data, size=BATCH):
            nlp.update(batch, drop=DROPOUT)
    return nlp


def scores(nlp, texts: list[str]) -> list[float]:
    """P(recommendation) for each text."""
    return [doc.cats[POSITIVE] for doc in nlp.pipe(texts, batch_size=256)]


def load_classifier(path: Path | str):
    import spacy

    return spacy.load(Path(path))
