"""The recommendation classifier experiment (pipeline/nlp/rec_classifier.py): trained on
a few pairs, it ranks a proposal above a statement of fact, and a saved model scores the same."""

from pipeline.nlp import rec_classifier

PAIRS = [
    ("Member States should strengthen export controls.", True),
    ("States should consider ratifying the Convention.", True),
    ("Participants recommended that the Committee hold regional workshops.", True),
    ("The Council should request a report on implementation.", True),
    ("The meeting was held in Lima on 9 November 2010.", False),
    ("The workshop was opened by the Director.", False),
    ("Delegations described their national systems.", False),
    ("The report covers the period from January to June.", False),
] * 3


def test_a_proposal_scores_above_a_statement_of_fact(tmp_path):
    model = rec_classifier.train(PAIRS, epochs=5)
    rec, fact = rec_classifier.scores(model, ["Member States should consider holding regional workshops.",
                                              "The meeting was held in Vienna."])
    assert rec > 0.5 > fact
    model.to_disk(tmp_path / "m")
    again = rec_classifier.load_classifier(tmp_path / "m")
    assert rec_classifier.scores(again, ["The meeting was held in Vienna."])[0] == fact
