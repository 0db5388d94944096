"""The web page lookup: what a source is, as a fact-checker cites it.

``lookup_page`` fetches a URL through the guarded client and returns a :class:`PageInfo`
with the page's title, publisher, author, dates, canonical URL, language, an excerpt and
the sha256 of the body, so that a later refresh can tell whether the source changed.
HTML pages and PDF documents are read; anything else is refused clearly.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from datetime import datetime

from workbench.errors import UnsupportedContent
from workbench.lookups.client import GuardedClient
from workbench.lookups.htmlmeta import HtmlMetadata, read_html
from workbench.lookups.pdf import read_pdf
from workbench.lookups.registry import Lookup
from workbench.lookups.response import FetchResult, upstream_error

ACCEPT = "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.5"
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_PDF_TYPES = {"application/pdf", "application/x-pdf"}
_SNIFFED_TYPES = {"", "application/octet-stream", "binary/octet-stream", "text/plain"}


@dataclass(frozen=True, kw_only=True)
class PageInfo(HtmlMetadata):
    """A fetched page or document.

    ``url`` is what was asked for, ``final_url`` where the answer came from after the
    ``redirects`` (the URLs that redirected, in order). ``sha256`` is the hex digest of the
    body as received (after content decoding). Dates are aware and in UTC.
    ``document_type`` is ``"html"`` or ``"pdf"``.
    """

    url: str
    final_url: str
    status: int
    content_type: str
    document_type: str
    sha256: str
    size: int
    retrieved_at: datetime
    redirects: tuple[str, ...] = ()
    from_cache: bool = False


def lookup_page(client: GuardedClient, url: str, *, refresh: bool = False) -> PageInfo:
    """Fetch ``url`` and describe it.

    ``refresh=True`` skips the cache (for re-checking a source). A page that is gone
    raises UpstreamError with status 404 or 410; other error statuses raise UpstreamError
    too. A page that is neither HTML nor PDF raises UnsupportedContent.
    """
    result = client.fetch(url, headers={"Accept": ACCEPT}, use_cache=not refresh)
    if not result.ok:
        raise upstream_error(result, f"The server at {_host(result.url)}")
    return describe(result)


def describe(result: FetchResult) -> PageInfo:
    """Turn a fetched answer into a PageInfo (HTML or PDF)."""
    kind = document_type(result)
    common = {
        "url": result.request_url,
        "final_url": result.url,
        "status": result.status,
        "content_type": result.media_type or ("application/pdf" if kind == "pdf" else ""),
        "document_type": kind,
        "sha256": hashlib.sha256(result.content).hexdigest(),
        "size": len(result.content),
        "retrieved_at": result.retrieved_at,
        "redirects": result.redirects,
        "from_cache": result.from_cache,
    }
    if kind == "pdf":
        pdf = read_pdf(result.content, url=result.url)
        return PageInfo(
            **common,
            title=pdf.title,
            author=pdf.author,
            published_at=pdf.created_at,
            modified_at=pdf.modified_at,
            excerpt=pdf.excerpt,
        )
    meta = read_html(result.content, charset=result.charset, base_url=result.url)
    return PageInfo(**common, **dataclasses.asdict(meta))


def document_type(result: FetchResult) -> str:
    """``"html"`` or ``"pdf"`` from the content type, sniffing the body when it is vague."""
    media = result.media_type
    if media in _HTML_TYPES:
        return "html"
    if media in _PDF_TYPES:
        return "pdf"
    if media in _SNIFFED_TYPES:
        head = result.content[:1024].lstrip().lower()
        if head.startswith(b"%pdf-"):
            return "pdf"
        if head.startswith((b"<!doctype html", b"<html")):
            return "html"
    shown = media or "no content type"
    raise UnsupportedContent(
        f"The address {result.url} gives {shown}, not a web page or a PDF; the workbench "
        "reads only those."
    )


def _host(url: str) -> str:
    return url.split("://", 1)[-1].split("/", 1)[0]


LOOKUPS = (
    Lookup(
        name="page",
        label="Web page or PDF",
        takes="url",
        run=lookup_page,
        description="Title, publisher, author, dates, canonical URL and an excerpt of a page.",
    ),
)
