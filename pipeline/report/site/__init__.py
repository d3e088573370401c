"""The review as a small static site that opens from disk (file://, no server,
nothing fetched): OUT/review.html and the pages in OUT/review/ (see pages.py).

The pages are written to a fresh folder that then replaces OUT/review/ whole,
so no page of an earlier run is left behind; review.html is replaced last."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from pipeline.report.evaluate import evaluate
from pipeline.report.site.corpus import Corpus
from pipeline.report.site.pages import SITE, TABLE_PAGES, Site, page, template

ASSETS = ("review.css", "review.js")


def write_site(out_dir: Path, gold_dir: Path | None = None) -> Path:
    """Write OUT/review.html and OUT/review/; return the entry page's path."""
    out_dir = Path(out_dir)
    corpus = Corpus(out_dir)
    site = Site(corpus, evaluate(gold_dir, out_dir) if gold_dir is not None else None)
    staging = Path(tempfile.mkdtemp(prefix=".review-", dir=out_dir))
    try:
        for name in ASSETS:
            (staging / name).write_text(template(name), encoding="utf-8")
        for doc in corpus.docs:       # first: the document pages fix the anchors the others link to
            _write(staging / corpus.doc_page[doc], page(f"{doc} — unnotes review",
                                                        site.header("", doc) + site.document_page(doc), ""))
        for e in list(corpus.states.values()) + list(corpus.orgs.values()):
            _write(staging / e.page, page(f"{e.name} — unnotes review", site.header("", e.name) + site.entity_page(e), ""))
        for name in TABLE_PAGES:
            parts: dict[str, str] = {}
            _write(staging / f"{name}.html", page(f"{name} — unnotes review",
                                                  site.header("", name) + site.table_page(name, parts), ""))
            for file, script in parts.items():
                (staging / file).parent.mkdir(exist_ok=True)
                _write(staging / file, script)
        entry = page(f"unnotes review — {out_dir.name or out_dir}", site.entry(), SITE + "/")
        target = out_dir / SITE
        old = out_dir / f".review-old-{os.getpid()}"
        if target.exists():
            target.rename(old)
        staging.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    path = out_dir / "review.html"
    _write(path.with_suffix(".html.tmp"), entry)
    path.with_suffix(".html.tmp").replace(path)
    return path


def _write(path: Path, html: str) -> None:
    path.write_text(html, encoding="utf-8")
