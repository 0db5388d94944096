"""Reading a response body under a size cap, decoding gzip/deflate ourselves.

httpx would decompress a whole network chunk at once, so a few kilobytes of gzip could
become tens of megabytes in memory before anyone counts them. Here the raw bytes are
decompressed with ``max_length``, so no more than the cap (plus one small step) is ever
produced, and a gzip bomb stops at the cap.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable

from workbench.errors import BodyTooLarge, UnsupportedContent

ACCEPT_ENCODING = "gzip, deflate"
_STEP = 64 * 1024


class _Decoder:
    """Incremental decoder for one content coding, producing at most ``limit`` bytes."""

    def __init__(self, coding: str) -> None:
        self.coding = coding
        self._zlib: zlib._Decompress | None = None
        self._raw_deflate = False
        self._new()

    def _new(self) -> None:
        if self.coding == "gzip":
            self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif self.coding == "deflate":
            wbits = -zlib.MAX_WBITS if self._raw_deflate else zlib.MAX_WBITS
            self._zlib = zlib.decompressobj(wbits)

    def feed(self, data: bytes, room: int) -> bytes:
        """Decode ``data``, returning at most ``room`` bytes plus one byte to detect excess."""
        if self._zlib is None:
            return data
        out = bytearray()
        pending = data
        while pending and len(out) <= room:
            try:
                out += self._zlib.decompress(pending, max(1, room + 1 - len(out)))
            except zlib.error:
                if self.coding == "deflate" and not self._raw_deflate and not out:
                    # Some servers send raw deflate without the zlib header.
                    self._raw_deflate = True
                    self._new()
                    continue
                raise UnsupportedContent(
                    f"The server sent a {self.coding} body that could not be decompressed."
                ) from None
            if self._zlib.unconsumed_tail:
                pending = self._zlib.unconsumed_tail
            elif self._zlib.eof and self._zlib.unused_data:
                pending = self._zlib.unused_data  # another gzip member follows
                self._new()
            else:
                pending = b""
        return bytes(out)


def read_capped(
    chunks: Iterable[bytes], *, content_encoding: str, limit: int, url: str
) -> bytes:
    """Join a raw body, decoding its content coding, and stop once it passes ``limit``."""
    codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip()]
    codings = [c for c in codings if c != "identity"]
    if len(codings) > 1 or (codings and codings[0] not in {"gzip", "x-gzip", "deflate"}):
        raise UnsupportedContent(
            f"The server at {url} sent the body encoded as {content_encoding!r}, which the "
            "workbench cannot decode."
        )
    decoder = _Decoder("gzip" if codings and codings[0] == "x-gzip" else (codings or [""])[0])
    body = bytearray()
    for chunk in chunks:
        for start in range(0, len(chunk), _STEP):
            body += decoder.feed(chunk[start : start + _STEP], limit - len(body))
            if len(body) > limit:
                raise BodyTooLarge(
                    f"The answer from {url} is larger than {_megabytes(limit)}, the most the "
                    "workbench reads."
                )
    return bytes(body)


def _megabytes(limit: int) -> str:
    if limit >= 1_000_000:
        return f"{limit / 1_000_000:g} MB"
    if limit >= 1_000:
        return f"{limit / 1_000:g} kB"
    return f"{limit} bytes"
