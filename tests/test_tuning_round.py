"""The README's tuning round, step by step: a missed organization is added in
the user's own pattern folder, the run is repeated from the cache, and the
change shows in `unnotes diff` and `unnotes eval`."""

import json

from typer.testing import CliRunner

from pipeline.cli import app
from tests.hostile import good_pdf

runner = CliRunner()

NOTE = ["Information note",
        "Representatives of Saferworld and the Small Arms Survey briefed the Government of Jamaica.",
        "Participants recommended that States should share data on 3 May 2024."]


def invoke(*args):
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def test_adding_a_missed_organization_shows_in_diff_and_raises_recall(tmp_path):
    notes, gold = tmp_path / "notes", tmp_path / "gold"
    notes.mkdir(), gold.mkdir()
    good_pdf(notes / "kingston.pdf", lines=NOTE)
    (gold / "kingston.json").write_text(json.dumps({
        "document": "kingston.pdf",
        "states": {"required": ["JAM"], "optional": []},
        "orgs": {"required": [["Saferworld"], ["Small Arms Survey"]], "optional": []},
        "dates": {"required": [["2024-05-03", "2024-05-03"]], "optional": []},
        "recommendations": {"required": ["Participants recommended that States should share data on 3 May 2024."],
                            "optional": []},
    }))
    before, after = tmp_path / "before", tmp_path / "after"
    invoke("run", notes, "--out", before, "--jobs", "1")
    scores = json.loads(invoke("eval", gold, before, "--json"))
    assert scores["orgs"]["fn"] == 1 and scores["orgs"]["tp"] == 1  # Saferworld is missed

    mine = tmp_path / "my-patterns" / "gazetteers"
    mine.mkdir(parents=True)
    (mine / "orgs.tsv").write_text("name\tacronym\taliases\tkind\nSaferworld\t\t\tngo\n")
    assert "all pattern and gazetteer files are valid" in invoke("patterns", "check", mine.parent)
    text_cache = sorted((before / ".cache" / "text").rglob("*.json"))
    invoke("run", notes, "--out", after, "--jobs", "1", "--cache", before / ".cache", "--patterns", mine.parent)
    assert sorted((before / ".cache" / "text").rglob("*.json")) == text_cache  # only the NLP stage ran again

    diff = json.loads(invoke("diff", before, after, "--json"))
    assert diff["tables"]["organizations"] == {"added": 1, "removed": 0, "unchanged": 1}
    assert "Saferworld" in json.dumps(diff["documents"]["kingston.pdf"]["organizations"])
    assert "Saferworld" in invoke("diff", before, after)  # and in the text a person reads
    scores = json.loads(invoke("eval", gold, after, "--json"))
    assert scores["orgs"]["recall"] == 1.0 and scores["orgs"]["fp"] == 0


def test_a_broken_overlay_file_is_reported_with_file_and_line(tmp_path):
    mine = tmp_path / "my-patterns" / "en" / "patterns"
    mine.mkdir(parents=True)
    (mine / "dates.jsonl").write_text('{"id": "x", "pattern": "ok"}\nnot json\n')
    result = runner.invoke(app, ["patterns", "check", str(mine.parent.parent)])
    assert result.exit_code == 1
    assert "dates.jsonl line 2: expected a JSON object" in result.output
