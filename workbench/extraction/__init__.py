"""Extraction: article text in, candidate claims out (a pure engine: no I/O, no database).

The rest of the workbench calls only what is listed in ``__all__``. ``DEFAULT_THRESHOLD``
is resolved on first access (it lives in the weights file, which is not read at import).
"""

from __future__ import annotations

from workbench.extraction.claims import Candidate, extract
from workbench.extraction.evaluate import Scores, evaluate
from workbench.extraction.model import default_threshold
from workbench.extraction.segment import Sentence, segment
from workbench.extraction.text_input import Document, decode_bytes, html_to_text, read_upload

__all__ = [
    "DEFAULT_THRESHOLD",
    "Candidate",
    "Document",
    "Scores",
    "Sentence",
    "decode_bytes",
    "default_threshold",
    "evaluate",
    "extract",
    "html_to_text",
    "read_upload",
    "segment",
]


def __getattr__(name: str) -> float:
    if name == "DEFAULT_THRESHOLD":
        return default_threshold()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
