"""`unnotes review`: the review site for a run (pipeline/report/site/): OUT/review.html,
the entry page, and one page per document, State and organization in OUT/review/."""

from __future__ import annotations

from pathlib import Path

from pipeline.report.site import write_site
from pipeline.report.site.marks import Mark, esc, render_text_html, select_marks

__all__ = ["Mark", "esc", "render_text_html", "select_marks", "write_review"]


def write_review(out_dir: Path, gold_dir: Path | None = None) -> Path:
    """Write the review site for the run in `out_dir`; return the path of OUT/review.html."""
    return write_site(Path(out_dir), gold_dir)
