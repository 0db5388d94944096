"""Google Fact Check Tools ``claims:search``: has someone checked this claim already?

Before a reviewer spends an afternoon on a claim, the desk looks for earlier fact-checks
(ClaimReview markup collected by Google from fact-checkers worldwide). The API needs a
key: ``factcheck_api_key`` in settings, from the environment or the secrets file. The key
travels in the ``X-Goog-Api-Key`` header, so it never appears in a URL or a log line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from workbench.errors import ApiKeyError, UpstreamError
from workbench.lookups.client import GuardedClient
from workbench.lookups.htmlmeta import parse_date
from workbench.lookups.registry import Lookup
from workbench.lookups.response import FetchResult, upstream_error

SERVICE = "Google Fact Check Tools"
_WHERE_KEY = "set WORKBENCH_FACTCHECK_API_KEY or factcheck_api_key in .streamlit/secrets.toml"


@dataclass(frozen=True)
class FactCheck:
    """One published review of a claim (a claim reviewed twice gives two of these).

    ``rating`` is the publisher's own verdict text (``Falso``, ``Misleading``), not a
    fixed scale. Dates are aware and in UTC.
    """

    claim_text: str
    claimant: str | None
    claim_date: datetime | None
    publisher_name: str | None
    publisher_site: str | None
    rating: str | None
    review_date: datetime | None
    url: str
    title: str | None
    language: str | None


def factcheck_search(
    client: GuardedClient,
    query: str,
    *,
    language: str | None = None,
    publisher_site: str | None = None,
    max_age_days: int | None = None,
    limit: int | None = None,
    page_size: int = 10,
) -> list[FactCheck]:
    """Earlier fact-checks matching ``query``, following ``nextPageToken`` up to ``limit``
    reviews (``factcheck_max_results`` by default).

    Raises ApiKeyError when no key is configured or the key is refused.
    """
    settings = client.settings
    secret = settings.factcheck_api_key
    key = secret.get_secret_value().strip() if secret else ""
    if not key:
        raise ApiKeyError(f"Searching earlier fact-checks needs a Google API key; {_WHERE_KEY}.")
    limit = limit or settings.factcheck_max_results
    headers = {"X-Goog-Api-Key": key}
    params: dict[str, str | None] = {
        "query": query,
        "languageCode": language,
        "reviewPublisherSiteFilter": publisher_site,
        "maxAgeDays": str(max_age_days) if max_age_days else None,
        "pageSize": str(min(page_size, limit)),
    }
    url = f"{settings.factcheck_base_url}/v1alpha1/claims:search"
    found: list[FactCheck] = []
    seen_tokens: set[str] = set()
    while len(found) < limit:
        result = client.fetch(url, params=params, headers=headers)
        data = _answer(result)
        for claim in data.get("claims") or []:
            if isinstance(claim, dict):
                found.extend(_reviews(claim))
        token = data.get("nextPageToken")
        if not token or token in seen_tokens:
            break
        seen_tokens.add(token)
        params["pageToken"] = str(token)
    return found[:limit]


def _answer(result: FetchResult) -> dict[str, Any]:
    if result.ok:
        data = result.json()
        return data if isinstance(data, dict) else {}
    try:
        body = json.loads(result.content)
    except ValueError:
        body = {}
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        error = {}
    message = str(error.get("message") or "").strip()
    reasons = {str(d.get("reason")) for d in error.get("details") or [] if isinstance(d, dict)}
    if result.status in {400, 401, 403} and (
        "API_KEY_INVALID" in reasons
        or "api key" in message.lower()
        or error.get("status") == "PERMISSION_DENIED"
    ):
        said = f" ({message})" if message else ""
        raise ApiKeyError(f"{SERVICE} refused the API key{said}; {_WHERE_KEY} to a valid key.")
    if message and result.status not in {429} and result.status < 500:
        raise UpstreamError(f"{SERVICE} refused the search: {message}", status=result.status)
    raise upstream_error(result, SERVICE)


def _reviews(claim: dict[str, Any]) -> list[FactCheck]:
    reviews: list[FactCheck] = []
    for review in claim.get("claimReview") or []:
        if not isinstance(review, dict) or not review.get("url"):
            continue
        publisher = review.get("publisher") or {}
        reviews.append(
            FactCheck(
                claim_text=str(claim.get("text") or ""),
                claimant=claim.get("claimant"),
                claim_date=parse_date(claim.get("claimDate")),
                publisher_name=publisher.get("name"),
                publisher_site=publisher.get("site"),
                rating=review.get("textualRating"),
                review_date=parse_date(review.get("reviewDate")),
                url=str(review["url"]),
                title=review.get("title"),
                language=review.get("languageCode"),
            )
        )
    return reviews


LOOKUPS = (
    Lookup(
        name="factcheck",
        label="Earlier fact-checks",
        takes="text",
        run=factcheck_search,
        description="Published fact-checks of similar claims (Google Fact Check Tools).",
        needs_setting="factcheck_api_key",
    ),
)
