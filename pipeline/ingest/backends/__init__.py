"""PDF backends: each module turns a PDF file into pages of the neutral page
model (pipeline/ingest/page_model.py) and is the only module that imports its
PDF library. A backend module has one function:

    read_pages(path: Path, password: str | None) -> list[Page]   # raises IngestError

Adding a backend is one module here and one line in BACKENDS.
"""

from __future__ import annotations

import importlib
from types import ModuleType

DEFAULT_BACKEND = "pdfium"
# name -> (module, the distribution that provides its PDF library)
BACKENDS = {
    "pdfium": ("pipeline.ingest.backends.pdfium", "pypdfium2"),
    "pdfplumber": ("pipeline.ingest.backends.pdfplumber", "pdfplumber"),
}


class BackendError(ValueError):
    """An unknown backend name, or a backend whose PDF library is not installed."""


def load_backend(name: str) -> ModuleType:
    """The backend module called `name`; BackendError with a one-line reason
    when there is none or its library is missing."""
    if name not in BACKENDS:
        raise BackendError(f"unknown PDF backend {name!r} (choose from {', '.join(BACKENDS)})")
    module, package = BACKENDS[name]
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as e:
        if e.name and e.name.split(".")[0] == package:
            raise BackendError(f"PDF backend {name!r} needs the {package} package: "
                               f"pip install 'unnotes[{name}]'") from None
        raise
