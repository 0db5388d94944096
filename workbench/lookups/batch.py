"""Refreshing many sources at once, within the client's limits.

Before an editor signs off, the desk re-fetches every source of a case file to see which
changed or vanished. The work runs in threads (sync httpx is thread-safe); the guarded
client's limits keep it to ``lookup_concurrency`` requests overall and ``lookup_per_host``
per site. Comparing hashes and marking sources is the services layer's job: this only
returns what each URL gave.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass

import httpx

from workbench.errors import LookupFailed, UpstreamError
from workbench.lookups.client import GuardedClient
from workbench.lookups.page import PageInfo, lookup_page

GONE_STATUSES = frozenset({404, 410})


@dataclass(frozen=True)
class RefreshOutcome:
    """What one URL gave: a fresh ``page``, or the ``error`` that stopped it."""

    url: str
    page: PageInfo | None = None
    error: LookupFailed | None = None

    @property
    def ok(self) -> bool:
        return self.page is not None

    @property
    def gone(self) -> bool:
        """The server says the page no longer exists (404 or 410)."""
        return isinstance(self.error, UpstreamError) and self.error.status in GONE_STATUSES

    @property
    def status(self) -> int | None:
        if self.page is not None:
            return self.page.status
        return self.error.status if isinstance(self.error, UpstreamError) else None


Progress = Callable[[int, int, RefreshOutcome], None]


def refresh_pages(
    client: GuardedClient, urls: Iterable[str], *, progress: Progress | None = None
) -> list[RefreshOutcome]:
    """Fetch every URL afresh (bypassing the cache); outcomes come back in input order.

    ``progress(done, total, outcome)`` is called in the calling thread after each URL, so
    a dashboard can update a progress bar from it.
    """
    url_list = list(urls)
    total = len(url_list)
    if total == 0:
        return []
    outcomes: list[RefreshOutcome | None] = [None] * total
    settings = client.settings
    workers = min(total, settings.lookup_concurrency * 2, 64)
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="refresh") as pool:
        futures = {
            pool.submit(_refresh_one, client, url_list[index]): index
            for index in _interleaved_by_host(url_list)
        }
        for done, future in enumerate(as_completed(futures), start=1):
            outcome = future.result()
            outcomes[futures[future]] = outcome
            if progress is not None:
                progress(done, total, outcome)
    return [o for o in outcomes if o is not None]


def _refresh_one(client: GuardedClient, url: str) -> RefreshOutcome:
    try:
        return RefreshOutcome(url=url, page=lookup_page(client, url, refresh=True))
    except LookupFailed as exc:
        return RefreshOutcome(url=url, error=exc)
    except Exception as exc:  # noqa: BLE001 - one odd page must not stop the whole batch
        return RefreshOutcome(url=url, error=LookupFailed(
            f"{url} could not be read ({type(exc).__name__})."))


def _interleaved_by_host(urls: list[str]) -> list[int]:
    """Indexes in round-robin order over hosts, so that threads waiting for a busy host
    do not hold up the others (a case file often cites one site many times)."""
    queues: dict[str, deque[int]] = defaultdict(deque)
    for index, url in enumerate(urls):
        try:
            host = httpx.URL(url).host
        except (httpx.InvalidURL, TypeError, ValueError, UnicodeError):
            host = ""
        queues[host].append(index)
    order: list[int] = []
    while queues:
        for host in list(queues):
            order.append(queues[host].popleft())
            if not queues[host]:
                del queues[host]
    return order
