"""The one client every outgoing request goes through.

``build_client(settings)`` gives a :class:`GuardedClient`: the SSRF guard (``guard.py``),
a transport that connects to the checked address (``network.py``), redirects followed by
hand and re-checked at every hop, a deadline per lookup, a cap on the decoded body
(``body.py``), retries with backoff that honour ``Retry-After``, a cache (``cache.py``)
and limits per host and overall (``limits.py``). The edges own its lifetime: the CLI
opens one per command, the dashboard one per process; it is safe to share across threads.

Errors leave this module only as the workbench's own (``workbench.errors``), each with
one sentence a newsroom user can act on.
"""

from __future__ import annotations

import email.utils
import http.cookiejar
import time
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import httpx

from workbench.config import Settings
from workbench.errors import BodyTooLarge, LookupFailed, LookupTimeout
from workbench.lookups.body import ACCEPT_ENCODING, read_capped
from workbench.lookups.cache import ResponseCache, cache_key
from workbench.lookups.guard import HostPolicy
from workbench.lookups.limits import ConcurrencyLimits
from workbench.lookups.network import GuardedTransport, deadline_after, time_left
from workbench.lookups.response import FetchResult

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 502, 503, 504})
# The only request headers that follow a redirect to another origin: anything else may
# carry a key or a credential meant for the first host.
_CROSS_ORIGIN_HEADERS = frozenset({"accept", "accept-language"})


class GuardedClient:
    """Fetches public URLs safely; see the module docstring for what it guarantees."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.policy = HostPolicy.from_entries(settings.lookup_allow_hosts)
        self._limits = ConcurrencyLimits(settings.lookup_concurrency, settings.lookup_per_host)
        self._cache = ResponseCache(settings.lookup_cache_ttl)
        self._http = httpx.Client(
            transport=GuardedTransport(
                self.policy, max_connections=settings.lookup_concurrency + 4
            ),
            follow_redirects=False,
            trust_env=False,
            timeout=httpx.Timeout(
                connect=settings.lookup_connect_timeout,
                read=settings.lookup_read_timeout,
                write=settings.lookup_read_timeout,
                pool=settings.lookup_deadline,
            ),
            headers={
                "User-Agent": settings.user_agent,
                "Accept-Encoding": ACCEPT_ENCODING,
            },
        )
        # One client serves every user of a dashboard process: keep no cookies, so sites
        # cannot tie one person's lookups to another's.
        self._http.cookies.jar.set_policy(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))

    # -- lifetime ---------------------------------------------------------------------

    def __enter__(self) -> GuardedClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def clear_cache(self) -> None:
        self._cache.clear()

    # -- requests ---------------------------------------------------------------------

    def fetch(
        self,
        url: str,
        *,
        method: str = "GET",
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        data: Mapping[str, str] | None = None,
        use_cache: bool = True,
    ) -> FetchResult:
        """Request ``url`` and return the final answer, whatever its status.

        Redirects are followed (each hop checked by the guard); 429/502/503/504 and failed
        connections are retried. The caller decides what an error status means for its
        service. ``use_cache=False`` skips the cache (a refresh) but stores the new answer.

        Raises TargetRefused, LookupTimeout, BodyTooLarge, UnsupportedContent or
        LookupFailed.
        """
        method = method.upper()
        target = self.policy.check_url(url)
        if params:
            target = target.copy_merge_params({k: v for k, v in params.items() if v is not None})
        request_headers = dict(headers or {})
        key = cache_key(method, str(target), request_headers.items())
        if method == "GET" and use_cache:
            cached = self._cache.get(key)
            if cached is not None:
                return replace(cached, from_cache=True)
        started = time.monotonic()
        with deadline_after(self.settings.lookup_deadline):
            try:
                result = self._follow(target, method, request_headers, data)
            except httpx.TimeoutException as exc:
                raise self._timeout_error(target, exc) from exc
            except httpx.HTTPError as exc:
                raise LookupFailed(
                    f"The connection to {target.host} failed ({_reason(exc)})."
                ) from exc
        result = replace(result, elapsed=time.monotonic() - started)
        if method == "GET" and result.ok:
            self._cache.put(key, result)
        return result

    def _follow(
        self,
        start: httpx.URL,
        method: str,
        headers: dict[str, str],
        data: Mapping[str, str] | None,
    ) -> FetchResult:
        """Follow redirects by hand so that every hop goes through the guard again."""
        current = start
        hops: list[str] = []
        limit = self.settings.lookup_max_redirects
        while True:
            status, response_headers, content = self._send_with_retries(
                current, method, headers, data
            )
            location = response_headers.get("location")
            if status not in REDIRECT_STATUSES or not location:
                return FetchResult(
                    request_url=str(start),
                    url=str(current),
                    status=status,
                    headers=response_headers,
                    content=content,
                    retrieved_at=datetime.now(UTC),
                    redirects=tuple(hops),
                )
            try:
                following = current.join(location)
            except httpx.InvalidURL:
                raise LookupFailed(
                    f"The page at {current} redirects to {location!r}, which is not a valid "
                    "address."
                ) from None
            following = self.policy.check_url(following)
            chain = [*hops, str(current), str(following)]
            if str(following) in chain[:-1]:
                raise LookupFailed(
                    f"The page at {start} redirects in a loop ({' -> '.join(chain)})."
                )
            if len(hops) >= limit:
                raise LookupFailed(
                    f"The page at {start} redirected more than {limit} times; the workbench "
                    "stops there."
                )
            hops.append(str(current))
            if status == 303 or (status in {301, 302} and method == "POST"):
                method, data = ("HEAD" if method == "HEAD" else "GET"), None
            if (following.scheme, following.host, following.port) != (
                current.scheme,
                current.host,
                current.port,
            ):
                headers = {k: v for k, v in headers.items()
                           if k.lower() in _CROSS_ORIGIN_HEADERS}
            current = following

    def _send_with_retries(
        self,
        url: httpx.URL,
        method: str,
        headers: dict[str, str],
        data: Mapping[str, str] | None,
    ) -> tuple[int, dict[str, str], bytes]:
        """Send once, then again after a pause while the server or network says "later"."""
        retries = self.settings.lookup_retries
        attempt = 0
        while True:
            answer: tuple[int, dict[str, str], bytes] | None = None
            try:
                answer = self._send_once(url, method, headers, data)
            except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError) as exc:
                retryable = isinstance(exc, httpx.ConnectError) or method in {"GET", "HEAD"}
                if attempt >= retries or not retryable:
                    raise
                pause = self._backoff(attempt)
            else:
                if answer[0] not in RETRY_STATUSES or attempt >= retries:
                    return answer
                pause = _retry_after(answer[1].get("retry-after"))
                if pause is None:
                    pause = self._backoff(attempt)
                pause = min(pause, self.settings.lookup_max_retry_after)
            left = time_left()
            if left is not None and pause >= left:
                if answer is not None:
                    return answer  # no time to wait: the caller sees the 429/503
                raise httpx.ConnectError("no time left to retry the connection")
            time.sleep(pause)
            attempt += 1

    def _backoff(self, attempt: int) -> float:
        return float(self.settings.lookup_backoff * (2**attempt))

    def _send_once(
        self,
        url: httpx.URL,
        method: str,
        headers: dict[str, str],
        data: Mapping[str, str] | None,
    ) -> tuple[int, dict[str, str], bytes]:
        with self._limits.slot(url.host):
            request = self._http.build_request(method, url, headers=headers, data=data)
            try:
                response = self._http.send(request, stream=True)
            except (httpx.InvalidURL, UnicodeError) as exc:
                # httpx works out the next request of a redirect even when it does not
                # follow it; a malformed Location fails there.
                raise LookupFailed(f"{url} answered with a malformed address.") from exc
            try:
                response_headers = _flatten(response.headers)
                if method == "HEAD" or response.status_code in REDIRECT_STATUSES:
                    return response.status_code, response_headers, b""
                self._check_declared_length(url, response_headers)
                content = read_capped(
                    response.iter_raw(),
                    content_encoding=response_headers.get("content-encoding", ""),
                    limit=self.settings.lookup_max_bytes,
                    url=str(url),
                )
                return response.status_code, response_headers, content
            finally:
                response.close()

    def _check_declared_length(self, url: httpx.URL, headers: dict[str, str]) -> None:
        """Refuse early when the server announces a body over the cap."""
        if headers.get("content-encoding"):
            return
        try:
            declared = int(headers.get("content-length", ""))
        except ValueError:
            return
        if declared > self.settings.lookup_max_bytes:
            limit = self.settings.lookup_max_bytes
            raise BodyTooLarge(
                f"The answer from {url} is {declared:,} bytes, more than the {limit:,} bytes "
                "the workbench reads."
            )

    def _timeout_error(self, url: httpx.URL, exc: httpx.TimeoutException) -> LookupTimeout:
        left = time_left()
        if left is None or left <= 0.05 or "deadline" in str(exc):
            return LookupTimeout(
                f"The server at {url.host} did not finish answering within "
                f"{self.settings.lookup_deadline:g} seconds."
            )
        if isinstance(exc, httpx.ConnectTimeout):
            return LookupTimeout(
                f"The server at {url.host} did not accept a connection within "
                f"{self.settings.lookup_connect_timeout:g} seconds."
            )
        return LookupTimeout(
            f"The server at {url.host} stopped answering for more than "
            f"{self.settings.lookup_read_timeout:g} seconds."
        )


def build_client(settings: Settings) -> GuardedClient:
    """Create the guarded client; close it (or use it as a context manager) when done."""
    return GuardedClient(settings)


def _flatten(headers: httpx.Headers) -> dict[str, str]:
    flat: dict[str, str] = {}
    for name, value in headers.multi_items():
        name = name.lower()
        flat[name] = f"{flat[name]}, {value}" if name in flat else value
    return flat


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _reason(exc: httpx.HTTPError) -> str:
    if isinstance(exc, httpx.ConnectError):
        text = str(exc).lower()
        if "refused" in text:
            return "the connection was refused"
        return "no connection could be made"
    if isinstance(exc, httpx.RemoteProtocolError):
        return "the server broke the HTTP protocol or closed the connection"
    if isinstance(exc, httpx.ReadError):
        return "the connection broke while reading"
    return type(exc).__name__

