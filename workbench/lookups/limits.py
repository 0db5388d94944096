"""Bounded concurrency for batch work: a limit overall and a limit per host.

A refresh of a case file's sources may touch hundreds of URLs, many on the same news
site; the per-host limit keeps the workbench a polite client (and off block lists), the
overall limit keeps the machine responsive. A slot is held only while a request is on the
wire, never while waiting to retry.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator


class ConcurrencyLimits:
    """Semaphores for the whole client and for each host, created on first use."""

    def __init__(self, overall: int, per_host: int) -> None:
        self._overall = threading.BoundedSemaphore(overall)
        self._per_host_limit = per_host
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._lock = threading.Lock()

    def _host(self, host: str) -> threading.BoundedSemaphore:
        with self._lock:
            semaphore = self._hosts.get(host)
            if semaphore is None:
                semaphore = threading.BoundedSemaphore(self._per_host_limit)
                self._hosts[host] = semaphore
            return semaphore

    @contextlib.contextmanager
    def slot(self, host: str) -> Iterator[None]:
        """Hold one request slot for ``host``.

        The host slot is taken first, so a thread waiting for a busy host does not sit on
        one of the overall slots that other hosts could use; always taking them in this
        order also rules out deadlock.
        """
        host_semaphore = self._host(host.lower())
        with host_semaphore, self._overall:
            yield
