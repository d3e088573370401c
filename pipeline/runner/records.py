"""The runner's records: what one input file gave."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.core.note import NoteText

@dataclass
class DocumentResult:
    """What one input file gave: its documents.csv row, and (when it could be
    read) its text and findings."""

    document: str
    sha256: str = ""
    pages: int = 0
    status: str = "ok"
    error: str = ""
    duplicate_of: str = ""
    note: NoteText | None = None
    findings: dict = field(default_factory=dict)
