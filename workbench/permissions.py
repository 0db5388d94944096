"""Who may act, and on what they saw: the acting account as the database has it now, a
person named by the user, the ownership rules the workflow table refers to, the sentence
that refuses a stale edit, and the permission matrix drawn from the workflow's table
(``workflow.permission_matrix()``, printed in the README)."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from workbench.errors import NotFoundError, PermissionDenied
from workbench.models import AuditEvent, Claim, ClaimStatus, Role, User

EDITORS = frozenset({Role.editor, Role.admin})


class Owner(enum.StrEnum):
    """Which claims a reviewer may act on (editors and admins may act on any claim)."""

    anyone = "any claim"
    assignee = "only claims assigned to them"
    take = "only to themselves, and only a claim assigned to nobody or to them"


class Assigned(enum.StrEnum):
    """How a claim stands to the person acting on it (the permission matrix's columns)."""

    to_me = "assigned to me"
    to_other = "assigned to someone else"
    to_nobody = "assigned to nobody"


def may(move: Any, role: Role, assigned: Assigned) -> str:
    """The permission matrix's cell: "yes", "no" or "to themselves" (assign by a reviewer)."""
    if role not in move.roles:
        return "no"
    if role in EDITORS or move.owner == Owner.anyone:
        return "yes"
    if move.owner == Owner.assignee:
        return "yes" if assigned == Assigned.to_me else "no"
    return "no" if assigned == Assigned.to_other else "to themselves"


def relation(claim: Claim, user: User) -> Assigned:
    if claim.assignee_id is None:
        return Assigned.to_nobody
    return Assigned.to_me if claim.assignee_id == user.id else Assigned.to_other


def require_active(actor: User) -> None:
    if not actor.active:
        raise PermissionDenied(f"The account {actor.username!r} is disabled.")


def current_actor(session: Session, actor: User | None) -> User:
    """The acting user as the database has them now: they must exist and be active (an
    account disabled since sign-in acts no more)."""
    if actor is None:
        raise PermissionDenied("Say who is acting (a user name).")
    fresh = session.get(User, actor.id) if actor.id is not None else None
    if fresh is None:
        raise NotFoundError(f"There is no user named {actor.username!r}.")
    require_active(fresh)
    return fresh


def resolve_user(session: Session, who: User | str | None) -> User | None:
    """A user named by the person acting (a name or a record), read from the database."""
    if who is None or (isinstance(who, str) and not who.strip()):
        return None
    if isinstance(who, str):
        name = who.strip().lower()
        found = session.exec(select(User).where(User.username == name)).first()
        if found is None:
            raise NotFoundError(f"There is no user named {who.strip()!r}.")
        return found
    fresh = session.get(User, who.id) if who.id is not None else None
    if fresh is None:
        raise NotFoundError(f"There is no user named {who.username!r}.")
    return fresh



def stale_message(session: Session, claim: Claim, expected: int,
                  versioned: Iterable[str]) -> str:
    """One sentence on a stale edit: who changed what since the person loaded the claim."""
    if expected > claim.version:
        return (f"Claim {claim.id} is at version {claim.version}, not {expected}; reload it "
                "and try again.")
    count = min(claim.version - expected, 5)
    rows = list(session.exec(
        select(AuditEvent, User.username)
        .join(User, User.id == AuditEvent.actor_id, isouter=True)
        .where(AuditEvent.claim_id == claim.id, col(AuditEvent.action).in_(list(versioned)))
        .order_by(col(AuditEvent.id).desc()).limit(count)
    ))
    done = [f"{who or 'someone'} {_PAST.get(ev.action, ev.action.replace('_', ' '))}"
            f" at {ev.at:%H:%M} UTC" for ev, who in reversed(rows)]
    what = ", then ".join(done) if done else "someone changed it"
    return (f"Claim {claim.id} was changed by someone else since you loaded it ({what}); "
            "reload it and try again.")


_PAST = {"accept": "accepted it", "dismiss": "dismissed it", "restore": "restored it",
         "assign": "assigned it", "draft_saved": "saved a draft verdict",
         "source_attached": "attached a source", "source_detached": "removed a source",
         "submit": "submitted it", "signoff": "signed it off",
         "reuse": "signed it off with an earlier verdict",
         "return": "returned it to research", "reopen": "reopened it"}


def cited(attempt: Any) -> str:
    """the cited claim is signed off, intact, and linked to this one as the same claim"""
    return (f"Reusing a verdict on claim {attempt.claim.id} cites the earlier claim; use "
            "reuse.reuse_verdict (claims reuse ID --from OTHER).")


_NEEDS = {"assignee": "the person", "verdict": "a verdict",
          "rationale": "a rationale", "source": "a looked-up page",
          "earlier": "the earlier claim (--from)"}


def matrix_markdown(actions: Iterable[Any]) -> str:
    """The permission matrix as a Markdown table: one row per action, one column per role,
    each cell saying whether the role may take it on a claim assigned to them ("mine"), to
    someone else ("other's") or to nobody ("free"), then what else the action needs."""
    head = ["action", "from → to", *(r.value for r in Role), "needs and rules"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    short = {Assigned.to_me: "mine", Assigned.to_other: "other's", Assigned.to_nobody: "free"}
    for move in actions:
        frm = ", ".join(s.value for s in sorted(move.sources, key=list(ClaimStatus).index))
        to = move.target.value if move.target is not None else "(same)"
        cells = []
        for role in Role:
            found = {a: may(move, role, a) for a in Assigned}
            values = set(found.values())
            cells.append(values.pop() if len(values) == 1 else
                         ", ".join(f"{short[a]}: {v}" for a, v in found.items()))
        needs = [f"a {move.note_label.lower()}" if n == "note" else _NEEDS[n]
                 for n in move.needs]
        also = [" and ".join(needs)] if needs else []
        also += [hook.__doc__.strip().rstrip(".") for hook in (move.guard, move.ready)
                 if hook is not None and hook.__doc__]
        lines.append("| " + " | ".join([f"`{move.name}`", f"{frm} → {to}", *cells,
                                         "; ".join(also) or "-"]) + " |")
    return "\n".join(lines) + "\n"


#: Audit actions that make someone an author of the verdict under review.
AUTHORING = frozenset({"draft_saved", "source_attached", "source_detached"})


def authored_by(user_id: int, claim_id: Any, submitted_by_id: Any) -> Any:
    """SQL that is true where ``user_id`` is an author of the verdict now under review (the
    rule of ``workflow.verdict_authors``): the submitter, or whoever saved a draft, changed
    the verdict on submit, or attached or removed a source since the last sign-off or
    reopen. Lets a list of claims to sign off be read in one query, whatever its length."""
    event = AuditEvent.__table__.alias("authoring")  # type: ignore[attr-defined]
    reset = AuditEvent.__table__.alias("reset")  # type: ignore[attr-defined]
    last_reset = (sa.select(sa.func.coalesce(sa.func.max(reset.c.id), 0))
                  .where(reset.c.claim_id == claim_id,
                         reset.c.action.in_(["signoff", "reopen"]))
                  .scalar_subquery())
    changed_on_submit = sa.and_(event.c.action == "submit", event.c.changes.is_not(None),
                                sa.cast(event.c.changes, sa.Text).notin_(["{}", "null"]))
    wrote = (sa.select(event.c.id)
             .where(event.c.claim_id == claim_id, event.c.actor_id == user_id,
                    event.c.id > last_reset,
                    sa.or_(event.c.action.in_(sorted(AUTHORING)), changed_on_submit))
             .exists())
    return sa.or_(submitted_by_id == user_id, wrote)

