"""No module under pipeline/nlp keeps mutable state at module level: what a
component knows comes from its factory and config (issue 10). A module-level
dict, list or set (or a `global` statement) would be shared by every
pipeline of the process, so the last one built would win."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import types
from pathlib import Path

import pipeline

NLP_DIR = Path(pipeline.__file__).parent / "nlp"
MUTABLE = (dict, list, set, bytearray)


def _modules():
    return [importlib.import_module(f"pipeline.nlp.{m.name}") for m in pkgutil.iter_modules([str(NLP_DIR)])]


def mutable_globals(module: types.ModuleType) -> list[str]:
    return [f"{module.__name__}.{name} ({type(value).__name__})" for name, value in vars(module).items()
            if not name.startswith("__") and isinstance(value, MUTABLE)]


def test_no_module_global_is_a_mutable_container():
    modules = _modules()
    assert len(modules) >= 10  # every component module was imported
    found = [g for module in modules for g in mutable_globals(module)]
    assert not found, "module-level mutable state: " + ", ".join(found)


def test_no_global_statement_and_no_module_level_mutable_literal():
    found = []
    for path in sorted(NLP_DIR.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Global):
                found.append(f"{path.name}:{node.lineno}: global {', '.join(node.names)}")
        for node in tree.body:  # module level only
            value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
            if isinstance(value, (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)):
                found.append(f"{path.name}:{node.lineno}: a mutable {type(value).__name__} at module level")
    assert not found, "; ".join(found)


def test_the_scan_reports_a_mutable_global():
    module = types.ModuleType("pipeline.nlp.fake")
    module._ACTIVE, module.KINDS = {}, frozenset({"a"})
    assert mutable_globals(module) == ["pipeline.nlp.fake._ACTIVE (dict)"]


def test_two_pipelines_with_different_org_files_do_not_share_an_active_gazetteer(tmp_path):
    """What orgs._ACTIVE did wrong: building a second pipeline changed what the first one's helpers saw."""
    import spacy

    from pipeline.core.models import sources
    from pipeline.nlp import acronyms, org_matcher, orgs  # noqa: F401  (register the factories)

    mine = tmp_path / "mine" / "gazetteers"
    mine.mkdir(parents=True)
    (mine / "orgs.tsv").write_text("name\tacronym\taliases\tkind\nExample Test Body\tETB\t\tother\n", encoding="utf-8")
    with_overlay = [s.as_config() for s in sources(orgs.DEFAULT_GAZETTEER, tmp_path / "mine")]
    plain, tuned = spacy.blank("en"), spacy.blank("en")
    plain.add_pipe("unnotes_orgs")
    plain.add_pipe("unnotes_acronyms")
    tuned.add_pipe("unnotes_orgs", config={"gazetteer": with_overlay})
    tuned.add_pipe("unnotes_acronyms", config={"gazetteer": with_overlay})
    text = "The Example Test Body (ETB) met. ETB agreed."
    tuned_doc, plain_doc = tuned(text), plain(text)
    assert {s.kb_id_ for s in tuned_doc.spans["candidates"]} == {"Example Test Body"}
    assert "gazetteer:mine/gazetteers/orgs.tsv:2" in {s.id_ for s in tuned_doc.spans["candidates"]
                                                      if s.text == "Example Test Body"}
    assert "Example Test Body" not in {s.kb_id_ for s in plain_doc.spans.get("candidates", [])
                                       if s.id_.startswith("gazetteer:")}
    assert plain.get_pipe("unnotes_acronyms").know.gazetteer.lookup("ETB") is None
    assert tuned.get_pipe("unnotes_acronyms").know.gazetteer.lookup("ETB").name == "Example Test Body"
