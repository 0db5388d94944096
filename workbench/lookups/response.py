"""What the guarded client returns: a plain record of one answered request."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from workbench.errors import UnsupportedContent, UpstreamError


@dataclass(frozen=True)
class FetchResult:
    """The final answer to a request, after redirects and retries.

    ``headers`` has lower-case names; repeated headers are joined with ", ".
    ``redirects`` lists the URLs that answered with a redirect, in order (the requested
    URL first); ``url`` is where the answer finally came from.
    """

    request_url: str
    url: str
    status: int
    headers: dict[str, str]
    content: bytes
    retrieved_at: datetime
    redirects: tuple[str, ...] = ()
    from_cache: bool = False
    elapsed: float = field(default=0.0, compare=False)

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def media_type(self) -> str:
        """The content type without parameters, lower-case (``text/html``)."""
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            name, _, value = part.partition("=")
            if name.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None

    @property
    def text(self) -> str:
        encoding = self.charset or "utf-8"
        try:
            return self.content.decode(encoding, errors="replace")
        except LookupError:
            return self.content.decode("utf-8", errors="replace")

    def json(self) -> Any:
        """Parse the body as JSON, or say clearly that the service answered something else."""
        try:
            return json.loads(self.content)
        except (ValueError, UnicodeDecodeError, RecursionError):
            raise UnsupportedContent(
                f"The answer from {self.url} is not JSON (status {self.status}, "
                f"{self.media_type or 'no content type'})."
            ) from None


def upstream_error(result: FetchResult, service: str) -> UpstreamError:
    """One sentence for an error status from a service, carrying the status.

    404 and 410 read as "gone" so that a refresh can mark a source as vanished.
    """
    status = result.status
    if status in {404, 410}:
        message = f"{service} answered that {result.url} does not exist ({status})."
    elif status == 429:
        message = f"{service} asks the workbench to slow down (429); try again in a minute."
    elif status >= 500:
        message = f"{service} had a server error ({status}); try again later."
    elif 300 <= status < 400:
        message = f"{service} redirected without saying where ({status})."
    else:
        message = f"{service} refused the request for {result.url} ({status})."
    return UpstreamError(message, status=status)
