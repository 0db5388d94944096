"""The Internet Archive's Wayback Machine: find a snapshot of a source, or ask for one.

A source cited in a verdict may change or vanish; an archived copy keeps the evidence.
``wayback_closest`` asks the availability API for the capture nearest a time,
``wayback_snapshots`` lists captures from the CDX server, and ``wayback_save`` asks for a
new capture: through Save Page Now 2 when archive.org keys are configured, otherwise
through the anonymous ``GET /save/<url>`` form (which answers with headers, not JSON).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from workbench.errors import LookupTimeout, UpstreamError
from workbench.lookups.client import GuardedClient
from workbench.lookups.registry import Lookup
from workbench.lookups.response import FetchResult, upstream_error

SERVICE = "The Wayback Machine"
_WEB_PATH = re.compile(r"/web/(\d{1,14})[^/]*/(.+)$")
_MEMENTO = re.compile(r"<([^>]+)>\s*;[^,]*rel=\"?[^\",]*\bmemento\b")


@dataclass(frozen=True)
class Snapshot:
    """One capture in the archive. ``timestamp`` is the archive's 14-digit form;
    ``status`` the HTTP status the archive recorded (None for revisits)."""

    original_url: str
    archive_url: str
    timestamp: str
    captured_at: datetime | None
    status: int | None = None
    mimetype: str | None = None
    digest: str | None = None


@dataclass(frozen=True)
class SaveResult:
    """The answer to a capture request.

    ``status`` is ``"success"`` (``archive_url`` and ``timestamp`` are set) or
    ``"pending"`` (the archive is still working; ``job_id`` says which job). ``reused`` is
    True when the archive returned a recent capture instead of making a new one.
    """

    original_url: str
    status: Literal["success", "pending"]
    archive_url: str | None = None
    timestamp: str | None = None
    captured_at: datetime | None = None
    job_id: str | None = None
    reused: bool = False


def wayback_closest(
    client: GuardedClient, url: str, *, timestamp: str | datetime | None = None
) -> Snapshot | None:
    """The capture closest to ``timestamp`` (latest if None), or None if there is none."""
    if isinstance(timestamp, datetime):
        timestamp = timestamp.astimezone(UTC).strftime("%Y%m%d%H%M%S")
    result = client.fetch(
        client.settings.wayback_availability_url,
        params={"url": url, "timestamp": timestamp},
    )
    if not result.ok:
        raise upstream_error(result, SERVICE)
    data = _json_object(result)
    closest = (data.get("archived_snapshots") or {}).get("closest")
    if not isinstance(closest, dict) or not closest.get("available", True):
        return None
    stamp = str(closest.get("timestamp", ""))
    archive_url = _https(str(closest.get("url", "")))
    original = _WEB_PATH.search(archive_url)
    return Snapshot(
        original_url=original.group(2) if original else str(data.get("url") or url),
        archive_url=archive_url,
        timestamp=stamp,
        captured_at=parse_timestamp(stamp),
        status=_int(closest.get("status")),
    )


def wayback_snapshots(client: GuardedClient, url: str, *, limit: int = 20) -> list[Snapshot]:
    """Captures of ``url`` from the CDX server, oldest first, at most ``limit``."""
    base = client.settings.wayback_base_url
    result = client.fetch(
        f"{base}/cdx/search/cdx", params={"url": url, "output": "json", "limit": str(limit)}
    )
    if not result.ok:
        raise upstream_error(result, SERVICE)
    if not result.content.strip():
        return []
    rows = result.json()
    if not isinstance(rows, list) or len(rows) < 2 or not isinstance(rows[0], list):
        return []
    header = [str(name) for name in rows[0]]
    snapshots: list[Snapshot] = []
    for row in rows[1:]:
        if not isinstance(row, list) or len(row) != len(header):
            continue  # the empty row and resume key of a paged answer
        record = dict(zip(header, row, strict=True))
        stamp, original = record.get("timestamp", ""), record.get("original", url)
        snapshots.append(
            Snapshot(
                original_url=original,
                archive_url=f"{base}/web/{stamp}/{original}",
                timestamp=stamp,
                captured_at=parse_timestamp(stamp),
                status=_int(record.get("statuscode")),
                mimetype=record.get("mimetype"),
                digest=record.get("digest"),
            )
        )
    return snapshots


def wayback_save(client: GuardedClient, url: str) -> SaveResult:
    """Ask the archive to capture ``url`` now and say where the capture is.

    With ``wayback_access_key`` and ``wayback_secret_key`` set, Save Page Now 2 is used
    and its job is polled for up to ``wayback_save_timeout`` seconds; after that the
    result is ``pending`` with the job id. Without keys the anonymous form is used.
    """
    settings = client.settings
    if settings.wayback_access_key and settings.wayback_secret_key:
        return _save_with_keys(client, url)
    return _save_anonymously(client, url)


def _save_with_keys(client: GuardedClient, url: str) -> SaveResult:
    settings = client.settings
    assert settings.wayback_access_key and settings.wayback_secret_key
    auth = {
        "Accept": "application/json",
        "Authorization": (
            f"LOW {settings.wayback_access_key.get_secret_value()}:"
            f"{settings.wayback_secret_key.get_secret_value()}"
        ),
    }
    base = settings.wayback_base_url
    result = client.fetch(f"{base}/save", method="POST", data={"url": url}, headers=auth)
    if not result.ok:
        raise upstream_error(result, SERVICE)
    answer = _json_object(result)
    job_id = answer.get("job_id")
    if not job_id:
        message = answer.get("message") or "no job was started"
        raise UpstreamError(f"{SERVICE} did not start a capture of {url}: {message}")
    give_up = time.monotonic() + settings.wayback_save_timeout
    while True:
        status = client.fetch(f"{base}/save/status/{job_id}", headers=auth, use_cache=False)
        if not status.ok:
            raise upstream_error(status, SERVICE)
        job = _json_object(status)
        state = job.get("status")
        if state == "success":
            stamp = str(job.get("timestamp", ""))
            original = str(job.get("original_url") or url)
            return SaveResult(
                original_url=original,
                status="success",
                archive_url=f"{base}/web/{stamp}/{original}",
                timestamp=stamp,
                captured_at=parse_timestamp(stamp),
                job_id=str(job_id),
            )
        if state == "error":
            reason = job.get("message") or job.get("status_ext") or "unknown error"
            raise UpstreamError(f"{SERVICE} could not capture {url}: {reason}")
        if time.monotonic() + settings.wayback_poll_interval > give_up:
            return SaveResult(original_url=url, status="pending", job_id=str(job_id))
        time.sleep(settings.wayback_poll_interval)


def _save_anonymously(client: GuardedClient, url: str) -> SaveResult:
    base = client.settings.wayback_base_url
    try:
        result = client.fetch(f"{base}/save/{url}", use_cache=False)
    except LookupTimeout as exc:
        raise LookupTimeout(
            f"{SERVICE} took too long to capture {url}; try again later."
        ) from exc
    failure = result.headers.get("x-archive-wayback-runtime-error")
    if failure:
        raise UpstreamError(f"{SERVICE} could not capture {url}: {failure}", status=result.status)
    if not result.ok:
        raise upstream_error(result, SERVICE)
    location = result.headers.get("content-location")
    archive_url = f"{base}{location}" if location and location.startswith("/") else location
    if not archive_url:
        memento = _MEMENTO.search(result.headers.get("link", ""))
        archive_url = memento.group(1) if memento else None
    if not archive_url:
        raise UpstreamError(f"{SERVICE} answered but did not say where the capture of {url} is.")
    found = _WEB_PATH.search(archive_url)
    stamp = found.group(1) if found else None
    return SaveResult(
        original_url=found.group(2) if found else url,
        status="success",
        archive_url=archive_url,
        timestamp=stamp,
        captured_at=parse_timestamp(stamp) if stamp else None,
        reused=result.headers.get("x-page-cache", "").upper() == "HIT",
    )


def parse_timestamp(stamp: str) -> datetime | None:
    """Read the archive's ``YYYYMMDDhhmmss`` (possibly shortened) as a UTC datetime."""
    if not stamp.isdigit() or len(stamp) > 14:
        return None
    digits = stamp + "00000101000000"[len(stamp) :]
    try:
        return datetime.strptime(digits, "%Y%m%d%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def _https(archive_url: str) -> str:
    """The availability API answers with http:// replay links; the archive serves https."""
    if archive_url.startswith("http://web.archive.org/"):
        return "https://" + archive_url[len("http://") :]
    return archive_url


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _json_object(result: FetchResult) -> dict[str, Any]:
    data = result.json()
    if not isinstance(data, dict):
        raise UpstreamError(f"{SERVICE} answered in an unexpected shape.", status=result.status)
    return data


LOOKUPS = (
    Lookup(
        name="wayback",
        label="Wayback Machine snapshot",
        takes="url",
        run=wayback_closest,
        description="The archived capture of a page closest to now.",
    ),
    Lookup(
        name="wayback-save",
        label="Archive a page now",
        takes="url",
        run=wayback_save,
        description="Ask the Wayback Machine to capture a page and return the archive URL.",
    ),
)
