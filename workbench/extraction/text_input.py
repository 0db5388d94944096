"""Turn what a user hands in (bytes of a file, a saved web page) into article text.

Spans of claims refer to the text these functions return: the decoded string with
``\\r\\n`` and ``\\r`` turned into ``\\n``. Keep that text (the records store it as received
by the pipeline) and the offsets stay valid.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from workbench.errors import InputError

MAX_BYTES = 10_000_000
MIN_ARTICLE_WORDS = 8  # below this, what trafilatura found is navigation, not an article


@dataclass(frozen=True, slots=True)
class Document:
    """The article text of a web page and the metadata found around it."""

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    site_name: str | None = None
    url: str | None = None


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, *, max_bytes: int = MAX_BYTES) -> str:
    """Decode an uploaded article: UTF-8 (BOM or not), UTF-16 with BOM, else cp1252."""
    if len(data) > max_bytes:
        raise InputError(
            f"The article is {len(data):,} bytes, more than the limit of {max_bytes:,}."
        )
    if data.startswith(codecs.BOM_UTF8):
        text = _decode(data[len(codecs.BOM_UTF8) :], "utf-8")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode(data, "utf-16")
    else:
        if b"\x00" in data:
            raise InputError("The file looks binary (it contains NUL bytes), not text.")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise InputError("The file looks binary (it contains NUL characters), not text.")
    if not text.strip():
        raise InputError("The article is empty.")
    controls = len(_CONTROLS.findall(text))
    odd = controls + text.count("\ufffd")
    if odd > max(8, len(text) // 20):
        raise InputError("The file looks binary (mostly non-text bytes), not an article.")
    return _normalise_newlines(text)


# Control characters other than the tab, newline, form feed and carriage return.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"The file claims to be {encoding.upper()} but is not valid.") from exc


def html_to_text(html: str) -> Document:
    """The article of a web page (with metadata), through trafilatura."""
    import trafilatura

    if not html or not html.strip():
        raise InputError("The HTML is empty.")
    result = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, favor_precision=True
    )
    text = getattr(result, "text", None) if result is not None else None
    if not text or len(text.split()) < MIN_ARTICLE_WORDS:
        raise InputError("No article text was found in the HTML.")

    def meta(name: str) -> str | None:
        value = getattr(result, name, None)
        return str(value) if value else None

    return Document(
        text=_normalise_newlines(text),
        title=meta("title"),
        author=meta("author"),
        date=meta("date"),
        site_name=meta("sitename"),
        url=meta("url"),
    )


def read_upload(data: bytes, *, filename: str = "", max_bytes: int = MAX_BYTES
                ) -> tuple[str, Document | None]:
    """The article text of an uploaded file, and the web page it was read from (HTML goes
    through the article extractor; None for plain text)."""
    if len(data) > max_bytes:
        raise InputError(f"The file is larger than {max_bytes:,} bytes.")
    text = decode_bytes(data, max_bytes=max_bytes)
    looks_html = filename.lower().endswith((".html", ".htm")) or (
        text.lstrip()[:200].lower().startswith(("<!doctype html", "<html")))
    if not looks_html:
        return text, None
    page = html_to_text(text)
    return page.text, page
