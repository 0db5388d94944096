"""Metadata of an HTML page: what a fact-checker cites a source by.

News sites describe their articles three ways, often all at once and not always in
agreement: plain ``<meta>`` tags (``author``, ``date``, Dublin Core, Parse.ly), OpenGraph
(``og:title``, ``article:published_time``) and JSON-LD (``NewsArticle`` with ``headline``,
``author``, ``datePublished``). Each field below takes the first source that has it, in
the order that proved most reliable on news pages: the article's own structured data
before the generic page ``<title>``.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import lxml.etree
import lxml.html

EXCERPT_CHARS = 1200

_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "blogposting",
    "scholarlyarticle",
    "report",
    "liveblogposting",
}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class HtmlMetadata:
    title: str | None = None
    site_name: str | None = None
    author: str | None = None
    published_at: datetime | None = None
    modified_at: datetime | None = None
    canonical_url: str | None = None
    language: str | None = None
    description: str | None = None
    excerpt: str | None = None


def decode_html(content: bytes, charset: str | None) -> str:
    """Decode with the HTTP charset, else the page's ``<meta charset>``, else UTF-8."""
    candidates = [charset] if charset else []
    found = _META_CHARSET.search(content[:4096])
    if found:
        candidates.append(found.group(1).decode("ascii"))
    candidates += ["utf-8", "cp1252"]
    for encoding in candidates:
        try:
            return content.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return content.decode("utf-8", errors="replace")


def read_html(content: bytes, *, charset: str | None, base_url: str) -> HtmlMetadata:
    """Read the metadata and a text excerpt of an HTML page."""
    text = _XML_DECLARATION.sub("", decode_html(content, charset))
    if not text.strip():
        return HtmlMetadata()
    try:
        doc = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError):
        return HtmlMetadata()
    meta = _meta_tags(doc)
    ld = _json_ld_article(doc)
    publisher = ld.get("publisher")

    def first(*values: Any) -> str | None:
        for value in values:
            cleaned = _clean(value)
            if cleaned:
                return cleaned
        return None

    title = first(
        meta.get("og:title"),
        ld.get("headline"),
        meta.get("twitter:title"),
        _text_of(doc, "//title"),
        _text_of(doc, "//h1"),
    )
    author = first(
        _names(ld.get("author")),
        meta.get("author"),
        _not_url(meta.get("article:author")),
        meta.get("parsely-author"),
        meta.get("sailthru.author"),
        meta.get("dc.creator"),
        _strip_by(meta.get("byl")),
    )
    published = _first_date(
        meta.get("article:published_time"),
        ld.get("datePublished"),
        meta.get("og:published_time"),
        meta.get("datepublished"),
        meta.get("pubdate"),
        meta.get("publishdate"),
        meta.get("date"),
        meta.get("dc.date.issued"),
        meta.get("dc.date"),
        meta.get("dcterms.created"),
        meta.get("parsely-pub-date"),
        meta.get("sailthru.date"),
    )
    modified = _first_date(
        meta.get("article:modified_time"),
        ld.get("dateModified"),
        meta.get("og:updated_time"),
        meta.get("datemodified"),
        meta.get("dcterms.modified"),
        meta.get("last-modified"),
    )
    canonical = first(
        _canonical_link(doc),
        meta.get("og:url"),
        _main_entity(ld),
    )
    language = first(
        _attr_of(doc, "/html", "lang"),
        meta.get("content-language"),
        meta.get("og:locale"),
        ld.get("inLanguage"),
    )
    description = first(
        meta.get("description"), meta.get("og:description"), meta.get("twitter:description")
    )
    return HtmlMetadata(
        title=title,
        site_name=first(
            meta.get("og:site_name"),
            _names(publisher),
            meta.get("application-name"),
        ),
        author=author,
        published_at=published,
        modified_at=modified,
        canonical_url=_join(base_url, canonical),
        language=language.replace("_", "-") if language else None,
        description=description,
        excerpt=_excerpt(text, doc) or description,
    )


def _meta_tags(doc: lxml.html.HtmlElement) -> dict[str, str]:
    """First value of every ``<meta>``, keyed by lower-case property/name/itemprop."""
    found: dict[str, str] = {}
    for element in doc.iter("meta"):
        content = element.get("content")
        if content is None:
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = element.get(attribute)
            if key:
                found.setdefault(key.strip().lower(), content)
    for element in doc.iter("time"):
        if element.get("itemprop", "").lower() == "datepublished" and element.get("datetime"):
            found.setdefault("datepublished", element.get("datetime", ""))
    return found


def _join(base_url: str, href: str | None) -> str | None:
    if not href:
        return None
    try:
        return urllib.parse.urljoin(base_url, href)
    except ValueError:
        return None


def _json_ld_article(doc: lxml.html.HtmlElement) -> dict[str, Any]:
    """The first article-like JSON-LD object on the page (else the first object at all)."""
    fallback: dict[str, Any] = {}
    for script in doc.xpath("//script[@type]"):
        if script.get("type", "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text_content() or "null", strict=False)
        except (ValueError, RecursionError):
            continue
        for item in _ld_objects(data):
            types = item.get("@type", [])
            types = [types] if isinstance(types, str) else types
            if any(str(t).lower() in _ARTICLE_TYPES for t in types):
                return item
            if not fallback and ("headline" in item or "datePublished" in item):
                fallback = item
    return fallback


def _ld_objects(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 8:  # real pages nest a list in a @graph at most; hostile ones go deeper
        return
    if isinstance(data, list):
        for item in data:
            yield from _ld_objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _ld_objects(data["@graph"], depth + 1)


def _names(value: Any, depth: int = 0) -> str | None:
    """Names from a JSON-LD person/organisation, a list of them, or a plain string."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        name = value.get("name")
        return name if isinstance(name, str) else None
    if isinstance(value, list) and depth < 4:
        names = [n for n in (_names(v, depth + 1) for v in value[:50]) if n]
        return ", ".join(dict.fromkeys(names)) or None
    return None


def _canonical_link(doc: lxml.html.HtmlElement) -> str | None:
    for element in doc.iter("link"):
        if "canonical" in element.get("rel", "").lower().split() and element.get("href"):
            return element.get("href")
    return None


def _main_entity(ld: dict[str, Any]) -> str | None:
    entity = ld.get("mainEntityOfPage")
    if isinstance(entity, dict):
        entity = entity.get("@id") or entity.get("url")
    if isinstance(entity, str) and entity.startswith("http"):
        return entity
    url = ld.get("url")
    return url if isinstance(url, str) else None


def _not_url(value: str | None) -> str | None:
    return None if value and value.startswith(("http://", "https://")) else value


def _strip_by(value: str | None) -> str | None:
    return re.sub(r"^\s*by\s+", "", value, flags=re.I) if value else None


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    cleaned = _SPACES.sub(" ", value).strip()
    return cleaned or None


def _text_of(doc: lxml.html.HtmlElement, path: str) -> str | None:
    found = doc.xpath(path)
    return found[0].text_content() if found else None


def _attr_of(doc: lxml.html.HtmlElement, path: str, attribute: str) -> str | None:
    found = doc.xpath(path)
    return found[0].get(attribute) if found else None


def parse_date(value: Any) -> datetime | None:
    """Read an ISO 8601 or RFC 2822 date; the result is aware and in UTC.

    A date without a time zone is taken as UTC: pages rarely say, and a wrong guess of a
    few hours matters less than having the day.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    try:
        return parsed.astimezone(UTC)
    except (OverflowError, ValueError):
        return None


def _first_date(*values: Any) -> datetime | None:
    for value in values:
        parsed = parse_date(value)
        if parsed is not None:
            return parsed
    return None


def _excerpt(text: str, doc: lxml.html.HtmlElement) -> str | None:
    """The main text, without menus and footers, cut to ``EXCERPT_CHARS``."""
    import trafilatura  # imported late: it is heavy and only pages need it

    # fast=True skips the fallback extractors: ten times cheaper, and an excerpt does not
    # need their extra recall (a refresh of hundreds of sources parses every page).
    body = trafilatura.extract(text, include_comments=False, include_tables=False, fast=True)
    if not body:
        for element in doc.xpath("//script|//style|//noscript|//nav|//header|//footer"):
            element.drop_tree()
        body = doc.body.text_content() if doc.find("body") is not None else ""
    body = _SPACES.sub(" ", body or "").strip()
    if not body:
        return None
    if len(body) <= EXCERPT_CHARS:
        return body
    cut = body[:EXCERPT_CHARS].rsplit(" ", 1)[0]
    return cut + " …"
