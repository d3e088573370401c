"""scripts/merge_gold_parts.py: the gold of one document annotated in page ranges, joined."""
import importlib.util
import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("merge_gold_parts", REPO / "scripts" / "merge_gold_parts.py")
merge_gold_parts = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(merge_gold_parts)


def part(states, orgs_req, orgs_opt, dates_req, recs_req, recs_opt=()):
    return {"document": "report.pdf", "states": {"required": states, "optional": []},
            "orgs": {"required": orgs_req, "optional": orgs_opt},
            "dates": {"required": dates_req, "optional": []},
            "recommendations": {"required": list(recs_req), "optional": list(recs_opt)}}


def test_two_parts_join_into_one_gold(tmp_path):
    one = part(["MAR"], [["Committee against Torture", "CAT"], ["Moroccan Ministry of Justice", "Ministry of Justice"]], [],
               [["2008-04-08", "2008-04-08"]],
               ["Mexico recommended that Morocco ratify the Convention."])
    two = part(["MAR", "MEX"], [["Mexican Ministry of Justice", "Ministry of Justice"]],
               [["Committee against Torture", "Committee"]],
               [["2007", "2007"]],
               ["Le Gouvernement doit ratifier les conventions dans les délais prévus par la loi."],
               ["Mexico recommended that Morocco ratify the Convention."])
    paths = []
    for n, gold in enumerate((one, two)):
        paths.append(tmp_path / f"part{n}.json")
        paths[-1].write_text(json.dumps(gold), encoding="utf-8")
    merge_gold_parts.merge([str(p) for p in paths], str(tmp_path / "out.json"))
    out = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert out["states"]["required"] == ["MAR", "MEX"]
    assert out["dates"]["required"] == [["2007", "2007"], ["2008-04-08", "2008-04-08"]]
    # one list per body: joined by the canonical name, required in one part and optional in the other
    # -> required; a shared form made only of common words ("Ministry of Justice": two States' bodies)
    # joins nothing, and stays with the first list only
    assert ["Committee against Torture", "CAT", "Committee"] in out["orgs"]["required"]
    assert out["orgs"]["optional"] == []
    assert ["Moroccan Ministry of Justice", "Ministry of Justice"] in out["orgs"]["required"]
    assert ["Mexican Ministry of Justice"] in out["orgs"]["required"]
    # a recommendation required in one part is not also optional; one in French is optional
    assert out["recommendations"]["required"] == ["Mexico recommended that Morocco ratify the Convention."]
    assert out["recommendations"]["optional"] == [
        "Le Gouvernement doit ratifier les conventions dans les délais prévus par la loi."]
