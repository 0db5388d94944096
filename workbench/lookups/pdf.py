"""Metadata and a text excerpt of a PDF document (reports, court filings, statistics).

Official sources (a State Department list, a UNODC survey) are often PDFs; their title and
first page of text are what a reviewer needs to recognise them in the source list.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from workbench.errors import UnsupportedContent

EXCERPT_CHARS = 1200
_PAGES_READ = 5
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class PdfMetadata:
    title: str | None
    author: str | None
    created_at: datetime | None
    modified_at: datetime | None
    pages: int
    excerpt: str | None


def read_pdf(content: bytes, *, url: str) -> PdfMetadata:
    """Read the document information and the text of the first pages."""
    import pypdf  # imported late: only PDF sources need it

    try:
        reader = pypdf.PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            reader.decrypt("")
        info = reader.metadata
        texts: list[str] = []
        for page in reader.pages[:_PAGES_READ]:
            texts.append(page.extract_text() or "")
            if sum(len(t) for t in texts) > EXCERPT_CHARS:
                break
        pages = len(reader.pages)
        title = _clean(info.title) if info else None
        author = _clean(info.author) if info else None
        created = _utc(info.creation_date) if info else None
        modified = _utc(info.modification_date) if info else None
    except Exception as exc:  # noqa: BLE001 - a parser of untrusted bytes may raise anything
        raise UnsupportedContent(
            f"The document at {url} says it is a PDF but could not be read ({type(exc).__name__})."
        ) from exc
    text = _SPACES.sub(" ", " ".join(texts)).strip()
    if len(text) > EXCERPT_CHARS:
        text = text[:EXCERPT_CHARS].rsplit(" ", 1)[0] + " …"
    return PdfMetadata(
        title=title,
        author=author,
        created_at=created,
        modified_at=modified,
        pages=pages,
        excerpt=text or None,
    )


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return _SPACES.sub(" ", value).strip() or None


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC)
