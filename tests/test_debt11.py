"""Issue 12's code debt (branch debt11): the organization rules are split out of
pipeline/nlp/orgs.py into modules of one job each (named_bodies, listed_bodies,
composed_units, and the `unnotes_orgs` component itself, org_matcher), with
no import cycle: orgs.py (what the components know, the sanity filters, the
token tests they share) imports none of them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import pipeline
from tests.conftest import orgs_pipeline

NLP_DIR = Path(pipeline.__file__).parent / "nlp"
SPLIT = ("named_bodies", "listed_bodies", "composed_units", "org_matcher")


def _nlp_imports(module: str) -> set[str]:
    tree = ast.parse((NLP_DIR / f"{module}.py").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pipeline.nlp"):
            found.add(node.module.removeprefix("pipeline.nlp").lstrip("."))
            found.update(a.name for a in node.names if node.module == "pipeline.nlp")
    return found - {""}


def test_orgs_imports_none_of_the_modules_split_from_it():
    assert all((NLP_DIR / f"{m}.py").exists() for m in SPLIT)
    assert not _nlp_imports("orgs") & set(SPLIT)
    # the finders depend on orgs, not on one another; the component depends on them all
    for finder in SPLIT[:3]:
        assert "orgs" in _nlp_imports(finder)
        assert not _nlp_imports(finder) & set(SPLIT)
    assert set(SPLIT[:3]) | {"orgs"} <= _nlp_imports("org_matcher")


def test_each_finder_is_found_at_its_new_home_and_still_finds_its_bodies():
    from pipeline.nlp.listed_bodies import find_led_items, find_listed_bodies
    from pipeline.nlp.named_bodies import find_named_bodies
    from pipeline.nlp.orgs import default_knowledge

    nlp = orgs_pipeline()
    know = default_knowledge()
    doc = nlp.make_doc("The Group of Experts on Climate met the Scientific Advisory Board.")
    named = [doc[a:b].text for a, b in find_named_bodies(doc, know.filters, know.stop_words, know)]
    assert named == ["Group of Experts on Climate", "Scientific Advisory Board"]
    doc = nlp.make_doc("It thanked private sector partners like Elsevier, Siemens Energy AG and Max Factor.")
    assert [n for _, _, n in find_listed_bodies(doc, know)] == ["Elsevier", "Siemens Energy AG", "Max Factor"]
    assert callable(find_led_items)


def test_the_component_registered_by_org_matcher_tags_a_note_as_before():
    from pipeline.nlp import org_matcher

    nlp = orgs_pipeline()
    assert isinstance(nlp.get_pipe("unnotes_orgs"), org_matcher.OrgMatcher)
    doc = nlp("The Group of Experts on Climate met. UNICEF thanked partners like Elsevier and Max Factor.")
    found = {(c.text, c.id_.split(":")[0] if c.id_.startswith("gazetteer:") else c.id_)
             for c in doc.spans["candidates"] if c.label_ == "ORG"}
    assert found == {("Group of Experts on Climate", "pattern:org_filters.jsonl:named-body"),
                     ("UNICEF", "gazetteer"),
                     ("Elsevier", "pattern:org_filters.jsonl:listed-body"),
                     ("Max Factor", "pattern:org_filters.jsonl:listed-body")}


# -- one split of two head-led bodies: the named-body pattern's, before acronyms read their long forms --------
@pytest.fixture(scope="module")
def en():
    from pipeline.nlp.build import build_nlp

    return build_nlp("en")


@pytest.mark.parametrize("sentence, bodies, acronym, long_form", [
    ("Staff of the Ministry of Health and Ministry of Education (MoE) met. The MoE agreed.",
     ["Ministry of Health", "Ministry of Education"], "MoE", "Ministry of Education"),
    # two heads of their own (natbody_head): on the start commit the pattern glued them and only natbodies split
    # them afterwards, so the acronym took the glued name as its long form
    ("Staff of the Ministry of Health and Department of Education (DoE) met. The DoE agreed.",
     ["Ministry of Health", "Department of Education"], "DoE", "Department of Education"),
])
def test_two_head_led_bodies_are_split_by_the_named_body_pattern(en, sentence, bodies, acronym, long_form):
    doc = en(sentence)
    orgs = [(e.text.removeprefix("the "), e.id_) for e in doc.ents if e.label_ == "ORG"]
    for body in bodies:
        assert (body, "pattern:org_filters.jsonl:named-body") in orgs
    assert {e.kb_id_ for e in doc.ents if e.text == acronym} == {long_form}

