"""The error a bad data file in models/ raises (no spaCy import, so the CLI
and the batch parent can catch it cheaply)."""


class ModelDataError(ValueError):
    """A file in models/ (or a user's overlay) that does not parse. The message
    reads `FILE line N: expected ..., got ...`."""
