"""Bulk actions on many claims at once: accept, dismiss, assign, set priority or deadline.

One call is one transaction. Each claim is changed inside a savepoint of its own, with
the same permission and version checks as a single change (the workflow's moves go
through ``workflow.apply``), and gets its own history event; a claim that is refused is
left exactly as it was and reported with the reason, and the others still go through.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from workbench import queue, workflow
from workbench.errors import (
    ConflictError,
    InputError,
    NotFoundError,
    PermissionDenied,
    WorkbenchError,
)
from workbench.models import AuditEvent, Claim, Role, User, utcnow

ACTIONS = ("accept", "dismiss", "assign", "priority", "deadline")
MAX_CLAIMS = 10_000
_EDITORS = (Role.editor, Role.admin)


@dataclass
class BulkResult:
    """What a bulk action did: the claims changed, and those refused with the reason."""

    action: str
    done: list[int] = field(default_factory=list)
    refused: list[tuple[int, str]] = field(default_factory=list)

    def summary(self) -> str:
        return f"{self.action}: {len(self.done):,} claim(s) done, {len(self.refused):,} refused."

    def reasons(self) -> dict[str, list[int]]:
        """The refused claims grouped by reason."""
        out: dict[str, list[int]] = {}
        for claim_id, why in self.refused:
            out.setdefault(why, []).append(claim_id)
        return out


def matching_ids(*, session: Session, flt: queue.ClaimFilter,
                 limit: int = MAX_CLAIMS) -> list[int]:
    """The ids of every claim matching ``flt`` ("all matching this filter"), refusing
    more than ``limit`` with one sentence."""
    stmt = queue.where(sa.select(queue.CLAIM.c.id).select_from(queue.CLAIM), flt,
                       session.get_bind().dialect.name)
    if flt.outlet:
        stmt = stmt.join(queue.ARTICLE, queue.ARTICLE.c.id == queue.CLAIM.c.article_id)
    ids = [r[0] for r in session.connection().execute(
        stmt.order_by(queue.CLAIM.c.id).limit(limit + 1))]
    if len(ids) > limit:
        raise InputError(f"More than {limit:,} claims match; narrow the filter first.")
    return ids


def _end_of(day: date) -> datetime:
    return datetime.combine(day, time(23, 59, 59), tzinfo=UTC)


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def _set_field(session: Session, actor: User, claim_id: int, name: str, value: Any,
               expected_version: int | None) -> None:
    """Set priority or deadline on one claim: editors and admins on any claim, a reviewer
    on the claims assigned to them; a history event records the change."""
    claim = session.exec(select(Claim).where(Claim.id == claim_id).with_for_update()).first()
    if claim is None:
        raise NotFoundError(f"There is no claim with id {claim_id}.")
    if expected_version is not None and claim.version != expected_version:
        raise ConflictError(f"Claim {claim_id} was changed by someone else (version "
                            f"{claim.version}, you had {expected_version}); reload it.")
    if not actor.active:
        raise PermissionDenied(f"The account {actor.username!r} is disabled.")
    if actor.role not in _EDITORS and claim.assignee_id != actor.id:
        raise PermissionDenied(f"Only an editor, an admin or its assignee may set the {name} "
                               f"of claim {claim_id}.")
    before = getattr(claim, name)
    setattr(claim, name, value)
    claim.version += 1
    claim.updated_at = utcnow()
    session.add(claim)
    session.add(AuditEvent(actor_id=actor.id, action=f"set_{name}", claim_id=claim.id,
                           article_id=claim.article_id, from_status=claim.status.value,
                           to_status=claim.status.value,
                           changes={name: [_plain(before), _plain(value)]}))
    session.flush()


def apply(*, session: Session, actor: User, action: str, claim_ids: Iterable[int],
          reason: str = "", assignee: User | None = None, priority: int | None = None,
          deadline: date | None = None, expected_versions: dict[int, int] | None = None,
          progress: Callable[[int, int], None] | None = None) -> BulkResult:
    """Apply ``action`` to each claim of ``claim_ids`` for ``actor``, in the caller's
    transaction; a refused claim is rolled back to its savepoint and reported."""
    if action not in ACTIONS:
        raise InputError(f"{action!r} is not a bulk action; use one of: {', '.join(ACTIONS)}.")
    if action == "dismiss" and not reason.strip():
        raise InputError("To dismiss claims you must give a reason.")
    if action == "assign" and assignee is None:
        raise InputError("To assign claims you must name the person.")
    if action == "priority" and (priority is None or not 0 <= priority <= 9):
        raise InputError("The priority must be a number from 0 to 9.")
    if action == "deadline" and deadline is None:
        raise InputError("Give the deadline as a date (YYYY-MM-DD).")
    ids = list(dict.fromkeys(int(i) for i in claim_ids))
    if len(ids) > MAX_CLAIMS:
        raise InputError(f"At most {MAX_CLAIMS:,} claims can be changed at once.")
    versions = expected_versions or {}
    result = BulkResult(action)
    for n, claim_id in enumerate(ids, 1):
        try:
            with session.begin_nested():
                if action == "priority":
                    _set_field(session, actor, claim_id, "priority", priority,
                               versions.get(claim_id))
                elif action == "deadline":
                    _set_field(session, actor, claim_id, "deadline",
                               _end_of(deadline), versions.get(claim_id))  # type: ignore[arg-type]
                else:
                    workflow.apply(session=session, actor=actor, claim_id=claim_id,
                                   move=action, expected_version=versions.get(claim_id),
                                   note=reason or None, assignee=assignee)
            result.done.append(claim_id)
        except WorkbenchError as exc:
            result.refused.append((claim_id, str(exc)))
        if progress is not None:
            progress(n, len(ids))
    return result
