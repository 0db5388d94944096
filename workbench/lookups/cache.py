"""An in-memory HTTP cache with a time-to-live, shared by the threads of one client.

Lookups are repeated a lot while a reviewer works on a claim (the same Wikipedia summary,
the same source page); answering those from memory spares the services and the desk's
patience. Only successful GET answers are kept, keyed by method, URL and the request
headers that change the answer. A refresh bypasses the cache and stores the new answer.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Iterable

from workbench.lookups.response import FetchResult

CacheKey = tuple[str, str, tuple[tuple[str, str], ...]]

# Request headers that can change the answer; others (User-Agent...) do not.
VARY_HEADERS = ("accept", "accept-language", "authorization", "x-goog-api-key")


def cache_key(method: str, url: str, headers: Iterable[tuple[str, str]]) -> CacheKey:
    relevant = tuple(sorted((k.lower(), v) for k, v in headers if k.lower() in VARY_HEADERS))
    return (method.upper(), url, relevant)


class ResponseCache:
    """Least-recently-used entries expire after ``ttl`` seconds; at most ``max_entries``."""

    def __init__(self, ttl: float, *, max_entries: int = 512) -> None:
        self._ttl = ttl
        self._max = max_entries
        self._entries: OrderedDict[CacheKey, tuple[float, FetchResult]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: CacheKey) -> FetchResult | None:
        if self._ttl <= 0:
            return None
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            stored_at, result = found
            if time.monotonic() - stored_at > self._ttl:
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return result

    def put(self, key: CacheKey, result: FetchResult) -> None:
        if self._ttl <= 0:
            return
        with self._lock:
            self._entries[key] = (time.monotonic(), result)
            self._entries.move_to_end(key)
            while len(self._entries) > self._max:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)
