"""Lookups: everything the workbench asks of the outside world, through one guarded client.

A pure engine: it returns plain dataclasses and never touches the database. Build one
client where the program starts and pass it to the lookups::

    from workbench.lookups import build_client, lookup_page

    with build_client(settings) as client:
        page = lookup_page(client, "https://www.example.org/article")

Importing this package creates nothing; the registry of lookups is discovered on first use.
"""

from workbench.lookups.batch import RefreshOutcome, refresh_pages
from workbench.lookups.client import GuardedClient, build_client
from workbench.lookups.factcheck import FactCheck, factcheck_search
from workbench.lookups.page import PageInfo, lookup_page
from workbench.lookups.registry import Lookup, all_lookups, get_lookup
from workbench.lookups.response import FetchResult
from workbench.lookups.wayback import (
    SaveResult,
    Snapshot,
    wayback_closest,
    wayback_save,
    wayback_snapshots,
)
from workbench.lookups.wikidata import (
    WikidataEntity,
    WikidataFact,
    WikidataHit,
    wikidata_entity,
    wikidata_search,
)
from workbench.lookups.wikipedia import (
    WikipediaHit,
    WikipediaSummary,
    wikipedia_search,
    wikipedia_summary,
)

__all__ = [
    "FactCheck",
    "FetchResult",
    "GuardedClient",
    "Lookup",
    "PageInfo",
    "RefreshOutcome",
    "SaveResult",
    "Snapshot",
    "WikidataEntity",
    "WikidataFact",
    "WikidataHit",
    "WikipediaHit",
    "WikipediaSummary",
    "all_lookups",
    "build_client",
    "factcheck_search",
    "get_lookup",
    "lookup_page",
    "refresh_pages",
    "wayback_closest",
    "wayback_save",
    "wayback_snapshots",
    "wikidata_entity",
    "wikidata_search",
    "wikipedia_search",
    "wikipedia_summary",
]
