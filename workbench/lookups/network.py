"""The network seam: a transport that connects only to addresses the guard has checked.

httpx resolves host names inside httpcore's network backend. If the guard resolved a name
and httpx resolved it again, a DNS answer that changes between the two (DNS rebinding)
would let a checked public name connect to a private address. So the backend below does
the one resolution itself, checks every address, and opens the socket to the checked
address; TLS still uses the host name for SNI and certificate checks, and the ``Host``
header is untouched.

The same backend enforces the overall deadline of a lookup: every socket operation gets at
most the time left, so a server that drips one byte a second is cut off on time.
"""

from __future__ import annotations

import contextlib
import contextvars
import ssl
import time
import typing
from collections.abc import Iterable, Iterator

import httpcore
import httpx

from workbench.lookups.guard import HostPolicy

_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "workbench_lookup_deadline", default=None
)


@contextlib.contextmanager
def deadline_after(seconds: float) -> Iterator[float]:
    """Run the block under a deadline (monotonic time) that every socket call respects.

    A context variable carries it because the socket calls happen deep inside httpcore,
    in the calling thread; nested blocks keep the earlier deadline.
    """
    now = time.monotonic()
    outer = _deadline.get()
    value = now + seconds if outer is None else min(outer, now + seconds)
    token = _deadline.set(value)
    try:
        yield value
    finally:
        _deadline.reset(token)


def time_left() -> float | None:
    """Seconds before the current deadline, or None outside a lookup."""
    value = _deadline.get()
    return None if value is None else value - time.monotonic()


def _clamp(timeout: float | None, error: type[Exception]) -> float | None:
    left = time_left()
    if left is None:
        return timeout
    if left <= 0:
        raise error("the deadline of the lookup passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose every read and write ends by the lookup's deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _clamp(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _clamp(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(
            ssl_context, server_hostname, _clamp(timeout, httpcore.ConnectTimeout)
        )
        return _DeadlineStream(inner)

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)


class GuardedBackend(httpcore.NetworkBackend):
    """Resolve once, check every address, connect to a checked address."""

    def __init__(self, policy: HostPolicy) -> None:
        self._policy = policy
        self._sync = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[typing.Any] | None = None,
    ) -> httpcore.NetworkStream:
        left = time_left()
        addresses = self._policy.resolve(host, port,
                                         timeout=None if left is None else max(left, 0.001))
        last_error: Exception | None = None
        for address in addresses:
            try:
                stream = self._sync.connect_tcp(
                    str(address),
                    port,
                    timeout=_clamp(timeout, httpcore.ConnectTimeout),
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last_error = exc
                continue
            return _DeadlineStream(stream)
        assert last_error is not None
        raise last_error

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[typing.Any] | None = None,
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("the workbench does not connect to local sockets")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


# httpcore's exceptions become httpx's at this boundary, as in httpx's own transport; the
# client turns httpx's into the workbench's exception tree.
_EXCEPTIONS: tuple[tuple[type[Exception], type[httpx.HTTPError]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.ProtocolError, httpx.ProtocolError),
)


@contextlib.contextmanager
def _translated() -> Iterator[None]:
    try:
        yield
    except httpcore.TimeoutException as exc:
        raise _mapped(exc) from exc
    except (httpcore.NetworkError, httpcore.ProtocolError, httpcore.UnsupportedProtocol) as exc:
        raise _mapped(exc) from exc


def _mapped(exc: Exception) -> httpx.HTTPError:
    for source, target in _EXCEPTIONS:
        if isinstance(exc, source):
            return target(str(exc) or source.__name__)
    return httpx.TransportError(str(exc))


class _ResponseStream(httpx.SyncByteStream):
    def __init__(self, stream: Iterable[bytes]) -> None:
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        with _translated():
            yield from self._stream

    def close(self) -> None:
        close = getattr(self._stream, "close", None)
        if close is not None:
            close()


class GuardedTransport(httpx.BaseTransport):
    """An httpx transport over an httpcore pool that uses :class:`GuardedBackend`."""

    def __init__(self, policy: HostPolicy, *, max_connections: int, verify: bool = True) -> None:
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(verify=verify),
            max_connections=max_connections,
            max_keepalive_connections=max_connections,
            keepalive_expiry=5.0,
            http1=True,
            http2=False,
            network_backend=GuardedBackend(policy),
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, httpx.SyncByteStream)
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        with _translated():
            response = self._pool.handle_request(core_request)
        assert isinstance(response.stream, Iterable)
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_ResponseStream(response.stream),
            extensions=response.extensions,
        )

    def close(self) -> None:
        self._pool.close()
