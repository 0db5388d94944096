"""Wikidata: labels, descriptions and a few key facts about people, groups and places.

A designation claim ("considered a Foreign Terrorist Organization") or a claim about a
person's office is easier to research with the entity's structured facts at hand:
what it is (instance of), its country, when it began, offices held. Item values are
shown by their labels, fetched in one extra request.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbench.errors import UpstreamError
from workbench.lookups.client import GuardedClient
from workbench.lookups.registry import Lookup
from workbench.lookups.wikipedia import action_api_answer

SERVICE = "Wikidata"
# The facts worth showing next to a claim, in display order.
KEY_PROPERTIES: dict[str, str] = {
    "P31": "instance of",
    "P17": "country",
    "P27": "country of citizenship",
    "P571": "inception",
    "P576": "dissolved",
    "P569": "date of birth",
    "P570": "date of death",
    "P39": "position held",
    "P102": "member of political party",
    "P159": "headquarters location",
    "P856": "official website",
}
_VALUES_PER_FACT = 5


@dataclass(frozen=True)
class WikidataHit:
    id: str
    label: str | None
    description: str | None
    url: str
    matched: str | None


@dataclass(frozen=True)
class WikidataFact:
    """One statement: ``property`` (``P31``), its ``name`` (``instance of``), a readable
    ``value`` and, for item values, the ``value_id`` (``Q5``)."""

    property: str
    name: str
    value: str
    value_id: str | None = None


@dataclass(frozen=True)
class WikidataEntity:
    id: str
    label: str | None
    description: str | None
    url: str
    facts: tuple[WikidataFact, ...]


def wikidata_search(
    client: GuardedClient, query: str, *, language: str = "en", limit: int = 7
) -> list[WikidataHit]:
    """Entities whose label or alias matches ``query``."""
    base = client.settings.wikidata_base_url
    data = action_api_answer(
        client.fetch(
            f"{base}/w/api.php",
            params={
                "action": "wbsearchentities",
                "search": query,
                "language": language,
                "limit": str(limit),
                "format": "json",
            },
        ),
        SERVICE,
    )
    hits: list[WikidataHit] = []
    for item in data.get("search") or []:
        if not isinstance(item, dict) or not item.get("id"):
            continue
        display = item.get("display") or {}
        url = str(item.get("url") or f"//www.wikidata.org/wiki/{item['id']}")
        hits.append(
            WikidataHit(
                id=str(item["id"]),
                label=item.get("label") or (display.get("label") or {}).get("value"),
                description=item.get("description")
                or (display.get("description") or {}).get("value"),
                url=f"https:{url}" if url.startswith("//") else url,
                matched=(item.get("match") or {}).get("text"),
            )
        )
    return hits[:limit]


def wikidata_entity(
    client: GuardedClient, entity_id: str, *, language: str = "en"
) -> WikidataEntity:
    """Label, description and key facts of one entity (``Q57411``).

    An unknown or malformed id raises UpstreamError with status 404.
    """
    entity_id = entity_id.strip()
    entity = _entities(client, [entity_id], "labels|descriptions|claims", language).get(entity_id)
    if not isinstance(entity, dict) or "missing" in entity:
        raise UpstreamError(f"{SERVICE} has no entity with the ID {entity_id!r}.", status=404)
    raw_facts = _key_facts(entity.get("claims") or {})
    wanted = sorted({f.value_id for f in raw_facts if f.value_id})
    labels: dict[str, str] = {}
    if wanted:
        try:
            found = _entities(client, wanted[:50], "labels", language)
        except UpstreamError:
            found = {}  # facts stay readable by id; the entity itself was found
        labels = {qid: _text(e.get("labels"), language) or qid for qid, e in found.items()}
    facts = tuple(
        WikidataFact(f.property, f.name, labels.get(f.value_id, f.value), f.value_id)
        if f.value_id
        else f
        for f in raw_facts
    )
    base = client.settings.wikidata_base_url
    return WikidataEntity(
        id=str(entity.get("id") or entity_id),
        label=_text(entity.get("labels"), language),
        description=_text(entity.get("descriptions"), language),
        url=f"{base}/wiki/{entity.get('id') or entity_id}",
        facts=facts,
    )


def _entities(
    client: GuardedClient, ids: list[str], props: str, language: str
) -> dict[str, Any]:
    base = client.settings.wikidata_base_url
    result = client.fetch(
        f"{base}/w/api.php",
        params={
            "action": "wbgetentities",
            "ids": "|".join(ids),
            "props": props,
            "languages": language,
            "format": "json",
        },
    )
    data = result.json() if result.ok else None
    error = data.get("error") if isinstance(data, dict) else None
    if isinstance(error, dict) and error.get("code") == "no-such-entity":
        bad = error.get("id") or ids[0]
        raise UpstreamError(f"{SERVICE} has no entity with the ID {bad!r}.", status=404)
    answer = action_api_answer(result, SERVICE)
    entities = answer.get("entities")
    return entities if isinstance(entities, dict) else {}


def _key_facts(claims: dict[str, Any]) -> list[WikidataFact]:
    facts: list[WikidataFact] = []
    for prop, name in KEY_PROPERTIES.items():
        statements = [s for s in claims.get(prop) or [] if isinstance(s, dict)]
        statements = [s for s in statements if s.get("rank") != "deprecated"]
        preferred = [s for s in statements if s.get("rank") == "preferred"]
        for statement in (preferred or statements)[:_VALUES_PER_FACT]:
            value, value_id = _snak_value(statement.get("mainsnak") or {})
            if value is not None:
                facts.append(WikidataFact(prop, name, value, value_id))
    return facts


def _snak_value(snak: dict[str, Any]) -> tuple[str | None, str | None]:
    """A readable value of a snak and, for items, the item id."""
    if snak.get("snaktype") == "somevalue":
        return "unknown value", None
    if snak.get("snaktype") != "value":
        return None, None
    datavalue = snak.get("datavalue") or {}
    value = datavalue.get("value")
    kind = datavalue.get("type")
    if kind == "wikibase-entityid" and isinstance(value, dict):
        qid = value.get("id") or (f"Q{value['numeric-id']}" if "numeric-id" in value else None)
        return (str(qid), str(qid)) if qid else (None, None)
    if kind == "time" and isinstance(value, dict):
        return format_time(str(value.get("time", "")), int(value.get("precision", 11))), None
    if kind == "monolingualtext" and isinstance(value, dict):
        return str(value.get("text", "")), None
    if kind == "quantity" and isinstance(value, dict):
        return str(value.get("amount", "")).lstrip("+"), None
    if kind == "globecoordinate" and isinstance(value, dict):
        return f"{value.get('latitude')}, {value.get('longitude')}", None
    if isinstance(value, str):
        return value, None
    return None, None


def format_time(time_value: str, precision: int) -> str:
    """``+1960-04-19T00:00:00Z`` at day precision -> ``1960-04-19``; year -> ``1960``."""
    sign = "-" if time_value.startswith("-") else ""
    date = time_value.lstrip("+-").split("T", 1)[0]
    year, _, rest = date.partition("-")
    year = year.lstrip("0") or "0"
    month, _, day = rest.partition("-")
    suffix = " BCE" if sign else ""
    if precision >= 11 and day not in {"", "00"}:
        return f"{year}-{month}-{day}{suffix}"
    if precision == 10 and month not in {"", "00"}:
        return f"{year}-{month}{suffix}"
    if precision <= 8:
        return f"{year[:-1] or '0'}0s{suffix}"
    return f"{year}{suffix}"


def _text(values: Any, language: str) -> str | None:
    if not isinstance(values, dict) or not values:
        return None
    chosen = values.get(language) or values.get("en") or next(iter(values.values()))
    return chosen.get("value") if isinstance(chosen, dict) else None


LOOKUPS = (
    Lookup(
        name="wikidata",
        label="Wikidata search",
        takes="text",
        run=wikidata_search,
        description="Wikidata entities (people, groups, places) matching a name.",
    ),
    Lookup(
        name="wikidata-entity",
        label="Wikidata facts",
        takes="text",
        run=wikidata_entity,
        description="Label, description and key facts of one Wikidata entity (Q-id).",
    ),
)
