"""Fuzz (issue 13): 200 mutants of real notes in one batch with --jobs 2.

PDFs get random bytes flipped, are truncated at random offsets or get an
object duplicated; .txt notes are written in random encodings, get NUL bytes
or a line of 1 MB. The originals go in the same batch. Every file must get
its row with a one-line reason, nothing may print a traceback, the run must
end (each file within --timeout), and the originals' tables must be the same
as when they are run alone. The seed is fixed, so a failure can be replayed."""

import collections
import random
import re
import subprocess
import sys

import pytest

from tests.conftest import REAL, REPO, read_rows

SEED = 13
MUTANTS = 200
TIMEOUT = 30          # seconds per file, as --timeout
TABLES = ["documents", "mentions", "states", "organizations", "dates", "recommendations", "references"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1",
             "cp1251", "koi8-r", "shift_jis", "gb18030", "mac_roman", "cp437"]
# small real PDFs (corpus/pdf is ours, ../shared/corpus/real the UN's) and real .txt notes
REAL_PDFS = ["pact__UNPREDEP_S_1998_644.pdf", "pact__ONUSAL_S_1994_304.pdf"]
REAL_TXTS = ["dfat__1946-12-02_doc271_AusDel_UN_to_DEA.txt"]
OWN_TXT = ("Information note\n\nThe délégation of Côte d'Ivoire met in Genève on 3 March 2024. "
           "Participants recommended that Member States should strengthen export controls.\n")


def originals() -> dict[str, bytes]:
    found = {f"0-{p.name}": p.read_bytes() for p in sorted((REPO / "corpus" / "pdf").glob("*.pdf"))}
    for name in REAL_PDFS + REAL_TXTS:
        if (REAL / name).exists():
            found[f"0-{name}"] = (REAL / name).read_bytes()
    found["0-own-note.txt"] = OWN_TXT.encode("utf-8")
    return found


def flip(rng, data):
    data = bytearray(data)
    for _ in range(rng.randint(1, 40)):
        data[rng.randrange(len(data))] ^= rng.randint(1, 255)
    return bytes(data)


def truncate(rng, data):
    return data[: rng.randrange(1, len(data))]


OBJ_RE = re.compile(rb"\d+ 0 obj\b.*?endobj", re.S)


def duplicate_object(rng, data):
    objects = list(OBJ_RE.finditer(data))
    if not objects:
        return flip(rng, data)
    chosen = rng.choice(objects)
    at = rng.choice(objects).end()
    return data[:at] + b"\n" + chosen.group(0) * rng.randint(1, 3) + data[at:]


def reencode(rng, text):
    return text.encode(rng.choice(ENCODINGS), errors="replace")


def nul_bytes(rng, text):
    data = bytearray(text.encode("utf-8"))
    for _ in range(rng.randint(1, 50)):
        data.insert(rng.randrange(len(data) + 1), 0)
    return bytes(data)


def long_line(rng, text):
    words = re.findall(r"\w+", text) or ["word"]
    line = " ".join(rng.choice(words) for _ in range(200_000))[:1_000_000]
    return (text + "\n\n" + line + "\n").encode("utf-8")


def build_mutants(folder, good: dict[str, bytes]) -> dict[str, str]:
    """Writes the mutants; returns {file name: how it was made}."""
    rng = random.Random(SEED)
    pdfs = {n: d for n, d in good.items() if n.endswith(".pdf")}
    txts = {n: d.decode("utf-8", "replace") for n, d in good.items() if n.endswith(".txt")}
    plan = ([("flip", flip, pdfs)] * 60 + [("truncate", truncate, pdfs)] * 40
            + [("duplicate-object", duplicate_object, pdfs)] * 30 + [("encoding", reencode, txts)] * 40
            + [("nul", nul_bytes, txts)] * 28 + [("long-line", long_line, txts)] * 2)
    assert len(plan) == MUTANTS
    made = {}
    for i, (kind, mutate, sources) in enumerate(plan):
        source = rng.choice(sorted(sources))
        name = f"m{i:03}-{kind}-{source[2:]}"
        (folder / name).write_bytes(mutate(rng, sources[source]))
        made[name] = kind
    return made


def run(folder, out, jobs):
    cmd = [sys.executable, "-m", "pipeline.cli", "run", str(folder), "--out", str(out), "--jobs", str(jobs),
           "--timeout", str(TIMEOUT), "--no-cache"]
    files = sum(1 for _ in folder.iterdir())
    # a guard against a hang, far above what the per-file limits allow
    return subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, timeout=files * TIMEOUT / jobs + 300)


def rows_of(out, documents):
    return {t: sorted(tuple(sorted(r.items())) for r in read_rows(out / f"{t}.csv") if r["document"] in documents)
            for t in TABLES}


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory):
    good = originals()
    if len(good) < 4:
        pytest.skip("too few source notes for the fuzz batch")
    folder = tmp_path_factory.mktemp("fuzz")
    for name, data in good.items():
        (folder / name).write_bytes(data)
    made = build_mutants(folder, good)
    out = tmp_path_factory.mktemp("fuzz-out")
    result = run(folder, out, jobs=2)
    return good, made, result, out


def test_every_mutant_has_its_row_and_nothing_prints_a_traceback(fuzzed):
    good, made, result, out = fuzzed
    assert "Traceback" not in result.stdout + result.stderr, result.stderr[-3000:]
    assert result.returncode == 0, result.stderr[-3000:]
    docs = {r["document"]: r for r in read_rows(out / "documents.csv")}
    assert set(docs) == set(good) | set(made)
    reasons = collections.Counter()
    for name, row in docs.items():
        assert row["status"] in ("ok", "error"), row
        if row["status"] == "error":
            assert row["error"] and "\n" not in row["error"], row
            reasons[re.sub(r"\s*\(.*$|:.*$", "", row["error"])] += 1
        else:
            reasons["ok" if not row["duplicate_of"] else "ok (duplicate)"] += 1
    seconds = re.search(r"; ([\d.]+) s ->", result.stdout)
    print(f"\nfuzz: {len(docs)} files ({len(made)} mutants), {seconds and seconds.group(1)} s; "
          + ", ".join(f"{k}: {v}" for k, v in sorted(reasons.items())))
    assert all(docs[name]["status"] == "ok" for name in good), {n: docs[n]["error"] for n in good}


def test_timed_out_files_say_so_within_the_limit(fuzzed):
    _, _, _, out = fuzzed
    for row in read_rows(out / "documents.csv"):
        if row["error"].startswith("timed out"):
            assert row["error"] == f"timed out (over {TIMEOUT} s)"


def test_the_originals_tables_are_the_same_as_when_run_alone(fuzzed, tmp_path):
    good, _, _, out = fuzzed
    alone = tmp_path / "alone"
    alone.mkdir()
    for name, data in good.items():
        (alone / name).write_bytes(data)
    result = run(alone, tmp_path / "out", jobs=2)
    assert result.returncode == 0, result.stderr[-3000:]
    assert rows_of(out, set(good)) == rows_of(tmp_path / "out", set(good))
