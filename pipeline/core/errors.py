"""The two errors a user sees as one line: a note that cannot be read, and a
data file in models/ (or an overlay) that does not parse. No imports, so the
CLI and the batch parent can catch them cheaply."""


class ModelDataError(ValueError):
    """A file in models/ (or a user's overlay) that does not parse. The message
    reads `FILE line N: expected ..., got ...`."""

class IngestError(Exception):
    """A file that cannot be read. The message is the one-line reason shown to
    the user in documents.csv (`empty file`, `not a PDF`, `encrypted: needs a
    password`, `no text layer (scanned PDF)`, ...)."""
