"""The verification workflow: one transition table, one function that applies it.

    candidate ──accept──▶ open ──assign──▶ in_research ──submit──▶ in_review ──sign off──▶ signed_off
        │  ▲                                  ▲                        │                       │
    dismiss restore (editor)                  └────────return──────────┘◀──────reopen──────────┘
        ▼  │
      dismissed      (an editor may also dismiss an accepted, open claim)

Every move is checked here, in the service layer, whatever edge asked for it: the role
that may make it, the states it leaves from, what it needs (a verdict, a rationale, a
source, a reason), and the four-eyes rule (an editor never signs off a verdict they had
a hand in: submitted it, drafted it, or changed its sources since the last review).
A refused move raises ``TransitionRefused`` or ``PermissionDenied`` with one sentence that
says what was refused and why. Each applied move changes the claim and appends its
``AuditEvent`` in the caller's transaction.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from workbench import audit
from workbench.errors import ConflictError, NotFoundError, PermissionDenied, TransitionRefused
from workbench.models import (
    AuditEvent,
    Claim,
    ClaimStatus,
    Evidence,
    Role,
    SignOff,
    SignOffVoid,
    Source,
    User,
    Verdict,
    utcnow,
)

S = ClaimStatus
ANY_ROLE = frozenset(Role)
EDITORS = frozenset({Role.editor, Role.admin})


@dataclass(frozen=True)
class Move:
    name: str
    sources: frozenset[ClaimStatus]
    target: ClaimStatus
    roles: frozenset[Role]
    label: str


MOVES: dict[str, Move] = {
    m.name: m
    for m in (
        Move("accept", frozenset({S.candidate}), S.open, ANY_ROLE, "Accept"),
        Move("dismiss", frozenset({S.candidate, S.open}), S.dismissed, ANY_ROLE, "Dismiss"),
        Move("assign", frozenset({S.open, S.in_research}), S.in_research, ANY_ROLE, "Assign"),
        Move("submit", frozenset({S.in_research}), S.in_review, ANY_ROLE, "Submit for review"),
        Move("signoff", frozenset({S.in_review}), S.signed_off, frozenset({Role.editor}),
             "Sign off"),
        Move("return", frozenset({S.in_review}), S.in_research, EDITORS, "Return to research"),
        Move("reopen", frozenset({S.signed_off}), S.in_research, EDITORS, "Reopen"),
        Move("restore", frozenset({S.dismissed}), S.candidate, EDITORS, "Restore"),
    )
}

#: States in which the verdict, rationale and evidence may be edited.
EDITABLE = frozenset({S.open, S.in_research})


#: Audit actions that make someone an author of the verdict under review.
AUTHORING = frozenset({"draft_saved", "source_attached", "source_detached"})


def require_active(actor: User) -> None:
    if not actor.active:
        raise PermissionDenied(f"The account {actor.username!r} is disabled.")


def lock_claim(*, session: Session, claim_id: int, expected_version: int | None = None) -> Claim:
    """Load a claim for change: a row lock on PostgreSQL, and the optimistic version check."""
    claim = session.exec(select(Claim).where(Claim.id == claim_id).with_for_update()).first()
    if claim is None:
        raise NotFoundError(f"There is no claim with id {claim_id}.")
    if expected_version is not None and claim.version != expected_version:
        raise ConflictError(
            f"Claim {claim_id} was changed by someone else (version {claim.version}, you had "
            f"{expected_version}); reload it and try again."
        )
    return claim


def record(
    session: Session,
    *,
    actor: User | None,
    action: str,
    claim: Claim | None = None,
    article_id: int | None = None,
    from_status: str | None = None,
    to_status: str | None = None,
    changes: dict[str, Any] | None = None,
    comment: str = "",
) -> AuditEvent:
    event = AuditEvent(
        actor_id=actor.id if actor else None,
        action=action,
        claim_id=claim.id if claim else None,
        article_id=article_id if article_id is not None else (claim.article_id if claim else None),
        from_status=from_status,
        to_status=to_status,
        changes=changes or {},
        comment=comment,
    )
    session.add(event)
    return event


def touch(claim: Claim) -> None:
    claim.version += 1
    claim.updated_at = utcnow()


def allowed_moves(claim: Claim, user: User, *, authors: set[int] | None = None) -> list[Move]:
    """The moves ``user`` could make on ``claim`` now (the dashboard shows these);
    ``authors`` are the verdict's authors (see ``verdict_authors``), who may not sign off."""
    if not user.active:
        return []
    out = []
    for move in MOVES.values():
        if claim.status in move.sources and user.role in move.roles:
            if move.name == "dismiss" and claim.status == S.open and user.role not in EDITORS:
                continue
            if move.name == "signoff" and (
                user.id == claim.submitted_by_id or user.id in (authors or set())
            ):
                continue
            out.append(move)
    return out


def verdict_authors(session: Session, claim: Claim) -> set[int]:
    """Who had a hand in the verdict now under review: the submitter, and whoever saved a
    draft, changed the verdict on submit, or attached or removed a source since the last
    sign-off or reopen."""
    events = list(session.exec(
        select(AuditEvent).where(AuditEvent.claim_id == claim.id).order_by(AuditEvent.id)
    ))
    authors: set[int] = {claim.submitted_by_id} if claim.submitted_by_id else set()
    for event in events:
        if event.action in {"signoff", "reopen"}:
            authors = {claim.submitted_by_id} if claim.submitted_by_id else set()
        elif event.actor_id is not None and (
            event.action in AUTHORING or (event.action == "submit" and event.changes)
        ):
            authors.add(event.actor_id)
    return authors


def _require(value: str | None, what: str, move: str) -> str:
    text = (value or "").strip()
    if not text:
        raise TransitionRefused(f"To {move} a claim you must give {what}.")
    return text


def evidence_for(session: Session, claim_id: int) -> list[tuple[Evidence, Source]]:
    rows = session.exec(
        select(Evidence, Source)
        .where(Evidence.claim_id == claim_id, Evidence.source_id == Source.id)
        .order_by(Evidence.id)
    )
    return list(rows)


def snapshot(session: Session, claim: Claim) -> tuple[dict[str, Any], str]:
    """What an editor signs: the claim's text, verdict, rationale and evidence, and its hash."""
    data = {
        "claim_id": claim.id,
        "text": claim.text,
        "verdict": claim.verdict.value if claim.verdict else None,
        "rationale": claim.rationale,
        "evidence": [
            {
                "url": src.url,
                "content_sha256": ev.content_sha256,
                "archive_url": ev.archive_url,
                "stance": ev.stance.value,
                "quote": ev.quote,
            }
            for ev, src in evidence_for(session, claim.id)  # type: ignore[arg-type]
        ],
    }
    return data, snapshot_hash(data)


def snapshot_hash(data: dict[str, Any]) -> str:
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def verify_signoff(session: Session, claim: Claim) -> bool:
    """Is the claim, as it stands, exactly what its editor signed, under a sign-off whose
    HMAC (audit key) holds? (False if unsigned.)"""
    current = active_signoff(session, claim.id)  # type: ignore[arg-type]
    if current is None:
        return False
    _data, digest = snapshot(session, claim)
    return (digest == current.snapshot_sha256 == snapshot_hash(current.snapshot)
            and audit.signoff_intact(session, current))


def active_signoff(session: Session, claim_id: int) -> SignOff | None:
    """The claim's latest sign-off that no reopen has voided (a void is a row of its own)."""
    return session.exec(
        select(SignOff)
        .where(SignOff.claim_id == claim_id, audit.signoff_active())
        .order_by(SignOff.id.desc())  # type: ignore[union-attr]
    ).first()


def apply(
    *,
    session: Session,
    actor: User,
    claim_id: int,
    move: str,
    expected_version: int | None = None,
    assignee: User | None = None,
    verdict: Verdict | str | None = None,
    rationale: str | None = None,
    note: str | None = None,
) -> Claim:
    """Apply ``move`` to a claim for ``actor``, or raise with the reason it is refused."""
    spec = MOVES.get(move)
    if spec is None:
        raise TransitionRefused(
            f"{move!r} is not a workflow action; use one of: {', '.join(MOVES)}."
        )
    require_active(actor)
    claim = lock_claim(session=session, claim_id=claim_id, expected_version=expected_version)
    if actor.role not in spec.roles:
        who = " or ".join(sorted(r.value for r in spec.roles))
        raise PermissionDenied(
            f"{actor.username} is {_a(actor.role.value)}; only {_a(who)} may "
            f"{spec.label.lower()} claim {claim_id}."
        )
    if claim.status not in spec.sources:
        frm = " or ".join(sorted(s.value for s in spec.sources))
        raise TransitionRefused(
            f"Claim {claim_id} is {claim.status.value}; {spec.label.lower()} is only possible "
            f"from {frm}."
        )
    before = claim.status
    changes: dict[str, Any] = {}
    comment = (note or "").strip()

    if move == "dismiss":
        if claim.status == S.open and actor.role not in EDITORS:
            raise PermissionDenied(
                f"Claim {claim_id} was accepted already; only an editor or admin may dismiss it."
            )
        comment = _require(note, "a reason", "dismiss")
        claim.dismiss_reason = comment
    elif move == "restore":
        comment = _require(note, "a reason", "restore")
        claim.dismiss_reason = ""
    elif move == "assign":
        if assignee is None:
            raise TransitionRefused("To assign a claim you must name the person (--to).")
        if not assignee.active:
            raise TransitionRefused(f"The account {assignee.username!r} is disabled.")
        changes["assignee"] = [_username(session, claim.assignee_id), assignee.username]
        claim.assignee_id = assignee.id
    elif move == "submit":
        _submit(session, claim, verdict, rationale, changes)
        claim.submitted_by_id = actor.id
    elif move == "signoff":
        if claim.submitted_by_id == actor.id:
            raise PermissionDenied(
                f"{actor.username} submitted the verdict on claim {claim_id}; another editor "
                "must sign it off (four eyes)."
            )
        if actor.id in verdict_authors(session, claim):
            raise PermissionDenied(
                f"{actor.username} worked on the verdict of claim {claim_id} (a draft or a "
                "source); another editor must sign it off (four eyes)."
            )
        data, digest = snapshot(session, claim)
        session.add(
            SignOff(
                claim_id=claim.id,  # type: ignore[arg-type]
                editor_id=actor.id,  # type: ignore[arg-type]
                claim_version=claim.version,
                snapshot_sha256=digest,
                snapshot=data,
            )
        )
        changes["snapshot_sha256"] = digest
    elif move == "return":
        comment = _require(note, "a note for the reviewer", "return")
        claim.review_note = comment
    elif move == "reopen":
        comment = _require(note, "a reason", "reopen")
        current = active_signoff(session, claim_id)
        if current is not None:
            session.add(SignOffVoid(signoff_id=current.id, voided_by_id=actor.id,  # type: ignore[arg-type]
                                    reason=comment))
            changes["voided_signoff"] = current.snapshot_sha256

    claim.status = spec.target
    touch(claim)
    session.add(claim)
    record(
        session,
        actor=actor,
        action=move,
        claim=claim,
        from_status=before.value,
        to_status=spec.target.value,
        changes=changes,
        comment=comment,
    )
    session.flush()
    return claim


def _submit(
    session: Session,
    claim: Claim,
    verdict: Verdict | str | None,
    rationale: str | None,
    changes: dict[str, Any],
) -> None:
    if verdict is not None and str(verdict).strip():
        new_verdict = parse_verdict(verdict)
        if new_verdict != claim.verdict:
            changes["verdict"] = [claim.verdict.value if claim.verdict else None,
                                  new_verdict.value]
            claim.verdict = new_verdict
    if rationale is not None and rationale.strip() and rationale.strip() != claim.rationale:
        changes["rationale"] = [claim.rationale, rationale.strip()]
        claim.rationale = rationale.strip()
    if claim.verdict is None:
        raise TransitionRefused(f"Claim {claim.id} has no verdict; propose one before submitting.")
    if not claim.rationale.strip():
        raise TransitionRefused(f"Claim {claim.id} has no rationale; write one before submitting.")
    if not evidence_for(session, claim.id):  # type: ignore[arg-type]
        raise TransitionRefused(
            f"Claim {claim.id} has no source; attach at least one before submitting."
        )


def parse_verdict(value: Verdict | str) -> Verdict:
    if isinstance(value, Verdict):
        return value
    text = str(value).strip()
    for v in Verdict:
        if text.lower() in {v.value.lower(), v.name.lower(), v.name.replace("_", "-")}:
            return v
    raise TransitionRefused(
        f"{text!r} is not a verdict; choose one of: {', '.join(v.value for v in Verdict)}."
    )


def _a(word: str) -> str:
    return ("an " if word[:1] in "aeiou" else "a ") + word


def _username(session: Session, user_id: int | None) -> str | None:
    if user_id is None:
        return None
    user = session.get(User, user_id)
    return user.username if user else None


def require_editable(claim: Claim, what: str) -> None:
    """Edits to verdict, rationale or evidence are only possible while research is open."""
    if claim.status == S.signed_off:
        raise TransitionRefused(
            f"Claim {claim.id} is signed off; an editor must reopen it before its {what} can "
            "change."
        )
    if claim.status not in EDITABLE:
        raise TransitionRefused(
            f"Claim {claim.id} is {claim.status.value}; its {what} can only change while it "
            "is open or in research."
        )
