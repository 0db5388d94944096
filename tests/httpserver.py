"""A real HTTP server on 127.0.0.1 for tests: routes map paths to handler functions.

Tests of the workbench never mock HTTP: they start a :class:`LocalServer` in a thread,
point the code at ``server.url(...)`` and read back what the server saw. Reachable only
because the test settings list the loopback address in ``lookup_allow_hosts``.

    from tests.httpserver import LocalServer, Response, html_response, json_response

    def page(request):
        return html_response("<title>Petro in Washington</title><p>Text</p>")

    with LocalServer({"/article": page, "POST /save": lambda r: json_response({"ok": 1})}) as s:
        settings = Settings(lookup_allow_hosts=["127.0.0.1"])
        ... s.url("/article") ...
        assert s.count("/article") == 1

Route keys are a path (any method) or ``"METHOD /path"``; a path ending in ``*`` matches
every path with that prefix. A handler gets a :class:`Request` and returns a
:class:`Response`. The body may be bytes, text or an iterable of byte chunks (streamed
with ``chunk_delay`` between chunks — for slow or endless bodies). ``delay`` waits before
answering. Unknown paths answer 404.

What the server counts: ``requests`` (every request, in order), ``connections`` (accepted
TCP connections — zero proves a refused URL never connected), ``max_concurrent`` and
``max_concurrent_by_host`` (requests being handled at once, keyed by the ``Host`` header
without port).
"""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Request:
    """One request as the server received it."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes
    host: str

    def arg(self, name: str, default: str | None = None) -> str | None:
        """The first value of a query parameter (or of a form field in a POST body)."""
        values = self.query.get(name)
        if values:
            return values[0]
        if self.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
            form = urllib.parse.parse_qs(self.body.decode("utf-8", "replace"))
            if form.get(name):
                return form[name][0]
        return default


@dataclass
class Response:
    """What a handler answers. ``body`` may be bytes, str or an iterable of bytes."""

    status: int = 200
    body: bytes | str | Iterable[bytes] = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = "text/plain; charset=utf-8"
    delay: float = 0.0
    chunk_delay: float = 0.0


Handler = Callable[[Request], Response]


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(
        status=status,
        body=json.dumps(data).encode("utf-8"),
        headers=dict(headers or {}),
        content_type="application/json; charset=utf-8",
    )


def html_response(html: str, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(
        status=status,
        body=html.encode("utf-8"),
        headers=dict(headers or {}),
        content_type="text/html; charset=utf-8",
    )


def redirect(location: str, status: int = 302) -> Response:
    return Response(status=status, headers={"Location": location}, content_type=None)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], owner: LocalServer) -> None:
        self.owner = owner
        super().__init__(address, _RequestHandler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Stay quiet when a client hangs up early: tests do that on purpose."""
        import sys

        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)

    def get_request(self) -> tuple[socket.socket, Any]:
        pair = super().get_request()
        # Headers and body go out in separate writes; without this, Nagle's algorithm and
        # the client's delayed ACK add 40 ms to every answer.
        pair[0].setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self.owner._lock:
            self.owner.connections += 1
        return pair


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib name
        pass  # keep test output quiet

    def _handle(self) -> None:
        owner = self.server.owner
        split = urllib.parse.urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0].strip("[]")
        request = Request(
            method=self.command,
            path=split.path,
            query=urllib.parse.parse_qs(split.query, keep_blank_values=True),
            headers={k.lower(): v for k, v in self.headers.items()},
            body=body,
            host=host,
        )
        owner._enter(request)
        active = True
        try:
            handler = owner._find(request.method, request.path)
            response = handler(request) if handler else Response(404, b"not found")
            if response.delay:
                time.sleep(response.delay)
            if isinstance(response.body, bytes | str):
                # Done before the answer leaves: once the client has it, it may start its
                # next request before this thread runs again, which would look concurrent.
                owner._leave(request)
                active = False
            self._write(response)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        finally:
            if active:
                owner._leave(request)

    def _write(self, response: Response) -> None:
        self.send_response(response.status)
        headers = {k.lower(): (k, v) for k, v in response.headers.items()}
        if response.content_type and "content-type" not in headers:
            self.send_header("Content-Type", response.content_type)
        for name, value in headers.values():
            self.send_header(name, value)
        body = response.body
        if isinstance(body, str):
            body = body.encode("utf-8")
        if isinstance(body, bytes):
            if "content-length" not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        chunked = "content-length" not in headers
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for chunk in body:
            if not chunk:
                continue
            if chunked:
                self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            else:
                self.wfile.write(chunk)
            self.wfile.flush()
            if response.chunk_delay:
                time.sleep(response.chunk_delay)
        if chunked:
            self.wfile.write(b"0\r\n\r\n")

    do_GET = do_POST = do_HEAD = do_PUT = do_DELETE = _handle


class LocalServer:
    """A threaded HTTP server on ``host`` (default 127.0.0.1) and a free port."""

    def __init__(
        self, routes: dict[str, Handler] | None = None, *, host: str = "127.0.0.1"
    ) -> None:
        self.host = host
        self.routes: dict[str, Handler] = dict(routes or {})
        self.requests: list[Request] = []
        self.connections = 0
        self.max_concurrent = 0
        self.max_concurrent_by_host: dict[str, int] = {}
        self._active = 0
        self._active_by_host: dict[str, int] = {}
        self._lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- routes -------------------------------------------------------------------------

    def route(self, key: str, handler: Handler | None = None) -> Any:
        """Add a route; usable as ``server.route("/x", fn)`` or as a decorator."""
        if handler is not None:
            self.routes[key] = handler
            return handler

        def decorate(fn: Handler) -> Handler:
            self.routes[key] = fn
            return fn

        return decorate

    def _find(self, method: str, path: str) -> Handler | None:
        for key in (f"{method} {path}", path):
            if key in self.routes:
                return self.routes[key]
        best: tuple[int, Handler] | None = None
        for key, handler in self.routes.items():
            verb, _, pattern = key.rpartition(" ")
            if verb and verb != method:
                continue
            if pattern.endswith("*") and path.startswith(pattern[:-1]):
                if best is None or len(pattern) > best[0]:
                    best = (len(pattern), handler)
        return best[1] if best else None

    # -- lifetime -----------------------------------------------------------------------

    def start(self) -> LocalServer:
        self._server = _Server((self.host, 0), self)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> LocalServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._server is not None, "start the server first"
        return int(self._server.server_address[1])

    def url(self, path: str = "/", host: str | None = None) -> str:
        """The absolute URL of ``path``, optionally written with another host name."""
        return f"http://{host or self.host}:{self.port}{path}"

    # -- what the server saw ------------------------------------------------------------

    def count(self, path: str | None = None) -> int:
        """How many requests arrived (for ``path`` only, if given)."""
        with self._lock:
            return sum(1 for r in self.requests if path is None or r.path == path)

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
            self.connections = 0
            self.max_concurrent = 0
            self.max_concurrent_by_host.clear()

    def _enter(self, request: Request) -> None:
        with self._lock:
            self.requests.append(request)
            self._active += 1
            self.max_concurrent = max(self.max_concurrent, self._active)
            now = self._active_by_host.get(request.host, 0) + 1
            self._active_by_host[request.host] = now
            best = self.max_concurrent_by_host.get(request.host, 0)
            self.max_concurrent_by_host[request.host] = max(best, now)

    def _leave(self, request: Request) -> None:
        with self._lock:
            self._active -= 1
            self._active_by_host[request.host] -= 1
