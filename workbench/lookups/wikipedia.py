"""Wikipedia: context on the people, groups and places a claim names.

``wikipedia_search`` runs the Action API full-text search; ``wikipedia_summary`` reads
the REST summary of one page (its lead paragraph, short description and Wikidata id).
The base URL is a setting (``wikipedia_base_url``), which also picks the language edition.
"""

from __future__ import annotations

import html
import re
import urllib.parse
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from workbench.errors import UpstreamError
from workbench.lookups.client import GuardedClient
from workbench.lookups.htmlmeta import parse_date
from workbench.lookups.registry import Lookup
from workbench.lookups.response import FetchResult, upstream_error

SERVICE = "Wikipedia"
_NOT_FOUND_TYPE = "https://mediawiki.org/wiki/HyperSwitch/errors/not_found"
_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class WikipediaHit:
    """One search result; ``snippet`` is plain text (the API's match markup removed)."""

    title: str
    pageid: int | None
    snippet: str
    url: str
    last_edited: datetime | None
    wordcount: int | None


@dataclass(frozen=True)
class WikipediaSummary:
    """The lead of a page. ``page_type`` is ``standard``, ``disambiguation``, ...;
    ``wikidata_id`` links to :func:`wikidata_entity`."""

    title: str
    description: str | None
    extract: str
    url: str
    wikidata_id: str | None
    language: str | None
    last_edited: datetime | None
    page_type: str
    pageid: int | None


def wikipedia_search(client: GuardedClient, query: str, *, limit: int = 5) -> list[WikipediaHit]:
    """Pages matching ``query``, best first."""
    base = client.settings.wikipedia_base_url
    result = client.fetch(
        f"{base}/w/api.php",
        params={
            "action": "query",
            "list": "search",
            "srsearch": query,
            "srlimit": str(limit),
            "format": "json",
        },
    )
    data = action_api_answer(result, SERVICE)
    hits = (data.get("query") or {}).get("search") or []
    return [
        WikipediaHit(
            title=str(hit.get("title", "")),
            pageid=hit.get("pageid"),
            snippet=strip_markup(str(hit.get("snippet", ""))),
            url=page_url(base, str(hit.get("title", ""))),
            last_edited=parse_date(hit.get("timestamp")),
            wordcount=hit.get("wordcount"),
        )
        for hit in hits
        if isinstance(hit, dict)
    ][:limit]


def wikipedia_summary(client: GuardedClient, title: str) -> WikipediaSummary:
    """The summary of the page called ``title``; UpstreamError with status 404 if none."""
    base = client.settings.wikipedia_base_url
    path = urllib.parse.quote(title.strip().replace(" ", "_"), safe="")
    result = client.fetch(
        f"{base}/api/rest_v1/page/summary/{path}", headers={"Accept": "application/json"}
    )
    if result.status == 404:
        raise UpstreamError(f"{SERVICE} has no page titled {title!r}.", status=404)
    if not result.ok:
        raise upstream_error(result, SERVICE)
    data = result.json()
    if not isinstance(data, dict) or data.get("type") == _NOT_FOUND_TYPE:
        raise UpstreamError(f"{SERVICE} has no page titled {title!r}.", status=404)
    titles = data.get("titles") or {}
    name = str(titles.get("normalized") or data.get("title") or title)
    desktop = ((data.get("content_urls") or {}).get("desktop") or {}).get("page")
    return WikipediaSummary(
        title=name,
        description=data.get("description"),
        extract=str(data.get("extract") or ""),
        url=str(desktop or page_url(base, name)),
        wikidata_id=data.get("wikibase_item"),
        language=data.get("lang"),
        last_edited=parse_date(data.get("timestamp")),
        page_type=str(data.get("type") or "standard"),
        pageid=data.get("pageid"),
    )


def action_api_answer(result: FetchResult, service: str) -> dict[str, Any]:
    """The JSON of a MediaWiki Action API answer, or an error that quotes the API.

    The Action API reports most errors with status 200 and an ``error`` object.
    """
    if not result.ok:
        raise upstream_error(result, service)
    data = result.json()
    if not isinstance(data, dict):
        raise UpstreamError(f"{service} answered in an unexpected shape.", status=result.status)
    error = data.get("error")
    if isinstance(error, dict):
        info = error.get("info") or error.get("code") or "unknown error"
        raise UpstreamError(f"{service} refused the request: {info}", status=result.status)
    return data


def page_url(base: str, title: str) -> str:
    return f"{base}/wiki/{urllib.parse.quote(title.replace(' ', '_'), safe='()_,:')}"


def strip_markup(snippet: str) -> str:
    return html.unescape(_TAGS.sub("", snippet)).strip()


LOOKUPS = (
    Lookup(
        name="wikipedia",
        label="Wikipedia search",
        takes="text",
        run=wikipedia_search,
        description="Wikipedia pages about a person, group or place.",
    ),
    Lookup(
        name="wikipedia-summary",
        label="Wikipedia summary",
        takes="text",
        run=wikipedia_summary,
        description="The lead paragraph of one Wikipedia page, by title.",
    ),
)
