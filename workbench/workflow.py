"""The verification workflow: one table of actions, one function that applies a move.

    candidate ──accept──▶ open ──assign──▶ in_research ──submit──▶ in_review ──sign off──▶ signed_off
        │  ▲                                  ▲                        │                       │
    dismiss restore (editor)                  └────────return──────────┘◀──────reopen──────────┘
        ▼  │
      dismissed      (an editor may also dismiss an accepted, open claim)

Every action on a claim is declared once, in ``ACTIONS``: the roles that may take it, the
states it leaves from and goes to, what it needs (a verdict, a rationale, a source, a
reason, an assignee), which claims a reviewer may take it on (only those assigned to them,
for edits and submit), and a guard (the four-eyes rule: an editor never signs off a
verdict they had a hand in). ``allowed_moves``, ``authorize`` (edits) and ``apply`` (moves)
read it; so do the claim page's forms, the CLI's commands and the README's matrix. The
acting account must exist and be active, and an edit carries the version the person saw:
a stale one is refused with who changed what since.
A refused move raises ``TransitionRefused`` or ``PermissionDenied`` with one sentence that
says what was refused and why. Each applied move changes the claim and appends its
``AuditEvent`` in the caller's transaction.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from workbench import audit, permissions
from workbench.errors import (
    ConflictError,
    NotFoundError,
    PermissionDenied,
    TransitionRefused,
    WorkbenchError,
)
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
from workbench.permissions import (  # the account checks, also offered from here
    AUTHORING,
    Owner,
    current_actor,
    may,
    relation,
    require_active,  # noqa: F401
    resolve_user,
)

S = ClaimStatus
ANY_ROLE = frozenset(Role)
EDITORS = frozenset({Role.editor, Role.admin})

#: States in which the verdict, rationale and evidence may be edited.
EDITABLE = frozenset({S.open, S.in_research})


@dataclass
class Attempt:
    """What a guard sees: who tries which action on which claim, with what."""

    session: Session | None
    actor: User
    claim: Claim
    assignee: User | None = None
    authors: set[int] | None = None


Guard = Callable[[Attempt], "str | None"]


@dataclass(frozen=True)
class Move:
    """One action on a claim, declared once: who may make it, from which states, where it
    leads (``target`` None: an edit that keeps the status), what it needs from the person
    (``needs``: ``note``, ``assignee``, ``verdict``, ``rationale``, ``source``), which claims a
    reviewer may make it on, and a guard that returns the refusal sentence or None (``ready``:
    one that looks at the claim once what the person gave is in place)."""

    name: str
    label: str
    roles: frozenset[Role]
    sources: frozenset[ClaimStatus]
    target: ClaimStatus | None
    needs: tuple[str, ...] = ()
    owner: Owner = Owner.anyone
    guard: Guard | None = None
    ready: Guard | None = None
    note_label: str = ""
    event: str = ""
    what: str = ""

    @property
    def is_move(self) -> bool:
        return self.target is not None


def _accepted_claims_need_an_editor(attempt: Attempt) -> str | None:
    """only an editor or admin dismisses a claim that was accepted already"""
    if attempt.claim.status == S.open and attempt.actor.role not in EDITORS:
        return (f"Claim {attempt.claim.id} was accepted already; only an editor or admin may "
                "dismiss it.")
    return None


def _four_eyes(attempt: Attempt) -> str | None:
    """never by an editor who submitted, drafted or sourced the verdict (four eyes)"""
    actor, claim = attempt.actor, attempt.claim
    if claim.submitted_by_id == actor.id:
        return (f"{actor.username} submitted the verdict on claim {claim.id}; another editor "
                "must sign it off (four eyes).")
    authors = attempt.authors
    if authors is None and attempt.session is not None:
        authors = verdict_authors(attempt.session, claim)
    if actor.id in (authors or set()):
        return (f"{actor.username} worked on the verdict of claim {claim.id} (a draft or a "
                "source); another editor must sign it off (four eyes).")
    return None


def _complete(attempt: Attempt) -> str | None:
    """the verdict and rationale (saved or given) and at least one source"""
    claim = attempt.claim
    if claim.verdict is None:
        return f"Claim {claim.id} has no verdict; propose one before submitting."
    if not claim.rationale.strip():
        return f"Claim {claim.id} has no rationale; write one before submitting."
    if attempt.session is not None and not evidence_for(attempt.session, claim.id):  # type: ignore[arg-type]
        return f"Claim {claim.id} has no source; attach at least one before submitting."
    return None


def _active_assignee(attempt: Attempt) -> str | None:
    """the person named must have an active account"""
    if attempt.assignee is not None and not attempt.assignee.active:
        return f"The account {attempt.assignee.username!r} is disabled."
    return None


#: The workflow, every action once: ``apply``, the forms, the CLI and the README's matrix read it.
ACTIONS: dict[str, Move] = {
    m.name: m
    for m in (
        Move("accept", "Accept", ANY_ROLE, frozenset({S.candidate}), S.open),
        Move("dismiss", "Dismiss", ANY_ROLE, frozenset({S.candidate, S.open}), S.dismissed,
             needs=("note",), note_label="Reason", guard=_accepted_claims_need_an_editor),
        Move("restore", "Restore", EDITORS, frozenset({S.dismissed}), S.candidate,
             needs=("note",), note_label="Reason"),
        Move("assign", "Assign", ANY_ROLE, frozenset({S.open, S.in_research}), S.in_research,
             needs=("assignee",), owner=Owner.take, guard=_active_assignee),
        Move("draft", "Save draft", ANY_ROLE, EDITABLE, None, needs=("verdict", "rationale"),
             owner=Owner.assignee, event="draft_saved", what="verdict"),
        Move("attach", "Attach a source", ANY_ROLE, EDITABLE, None, needs=("source",),
             owner=Owner.assignee, event="source_attached", what="evidence"),
        Move("detach", "Remove a source", ANY_ROLE, EDITABLE, None, owner=Owner.assignee,
             event="source_detached", what="evidence"),
        Move("submit", "Submit for review", ANY_ROLE, frozenset({S.in_research}), S.in_review,
             needs=("verdict", "rationale"), owner=Owner.assignee, ready=_complete),
        Move("signoff", "Sign off", frozenset({Role.editor}), frozenset({S.in_review}),
             S.signed_off, guard=_four_eyes),
        Move("reuse", "Reuse a verdict", frozenset({Role.editor}), EDITABLE | {S.in_review},
             S.signed_off, needs=("earlier",), guard=_four_eyes, ready=permissions.cited),
        Move("return", "Return to research", EDITORS, frozenset({S.in_review}), S.in_research,
             needs=("note",), note_label="Note for the reviewer"),
        Move("reopen", "Reopen", EDITORS, frozenset({S.signed_off}), S.in_research,
             needs=("note",), note_label="Reason"),
    )
}

#: The actions that change a claim's status (the others are edits of a claim in research).
MOVES: dict[str, Move] = {name: m for name, m in ACTIONS.items() if m.is_move}

#: Audit actions that change a claim's version (a stale edit names them).
VERSIONED = frozenset({*(m.event or m.name for m in ACTIONS.values())})


def lock_claim(*, session: Session, claim_id: int, expected_version: int | None) -> Claim:
    """Load a claim for change: a row lock on PostgreSQL, and the optimistic version check.

    ``expected_version`` is the version the person saw; None (a one-shot command) accepts
    the version read here, in the same transaction."""
    claim = session.exec(select(Claim).where(Claim.id == claim_id).with_for_update()).first()
    if claim is None:
        raise NotFoundError(f"There is no claim with id {claim_id}.")
    if expected_version is not None and claim.version != expected_version:
        raise ConflictError(permissions.stale_message(session, claim, expected_version,
                                                        VERSIONED))
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


def allowed_moves(claim: Claim, user: User, *, authors: set[int] | None = None,
                  include_edits: bool = False) -> list[Move]:
    """The actions ``user`` could take on ``claim`` now (the dashboard offers these);
    ``authors`` are the verdict's authors (see ``verdict_authors``), who may not sign off.
    Only status moves unless ``include_edits``."""
    if not user.active:
        return []
    attempt = Attempt(session=None, actor=user, claim=claim, authors=authors or set())
    return [m for m in ACTIONS.values()
            if (m.is_move or include_edits) and _refusal(m, attempt) is None]


def permission_matrix() -> str:
    """Who may take each action, by role and by whom the claim is assigned to (Markdown)."""
    return permissions.matrix_markdown(ACTIONS.values())


def _refusal(move: Move, attempt: Attempt) -> WorkbenchError | None:
    """Why ``move`` is refused to ``attempt.actor`` on ``attempt.claim`` (role, state,
    ownership, guard), or None; what the person types is checked afterwards."""
    actor, claim = attempt.actor, attempt.claim
    if actor.role not in move.roles:
        who = " or ".join(sorted(r.value for r in move.roles))
        return PermissionDenied(f"{actor.username} is {_a(actor.role.value)}; only {_a(who)} "
                                f"may {move.label.lower()} claim {claim.id}.")
    if claim.status not in move.sources:
        if not move.is_move:
            try:
                require_editable(claim, move.what)
            except TransitionRefused as exc:
                return exc
        frm = " or ".join(sorted(s.value for s in move.sources))
        return TransitionRefused(f"Claim {claim.id} is {claim.status.value}; "
                                 f"{move.label.lower()} is only possible from {frm}.")
    cell = may(move, actor.role, relation(claim, actor))
    if cell == "no":
        holder = _username(attempt.session, claim.assignee_id) if attempt.session else None
        held = f"assigned to {holder}" if holder else (
            "assigned to someone else" if claim.assignee_id else "assigned to nobody")
        rule = ("an editor reassigns it" if move.owner == Owner.take else
                "a reviewer works only on claims assigned to them")
        return PermissionDenied(f"Claim {claim.id} is {held}; {rule}, so {actor.username} "
                                f"may not {move.label.lower()} here.")
    if (cell == "to themselves" and attempt.assignee is not None
            and attempt.assignee.id != actor.id):
        return PermissionDenied(f"{actor.username} is a reviewer and may assign claim "
                                f"{claim.id} only to themselves; an editor assigns it to others.")
    reason = move.guard(attempt) if move.guard else None
    return PermissionDenied(reason) if reason else None


def authorize(*, session: Session, actor: User, claim_id: int, action: str,
              expected_version: int | None, assignee: User | None = None) -> tuple[Claim, User]:
    """Lock a claim for ``action`` by ``actor``, or raise the one sentence that refuses it:
    the account, the version the person saw, then the table's role, state, ownership and
    guard. Returns the locked claim and the actor as the database has them."""
    move = ACTIONS.get(action)
    if move is None:
        raise TransitionRefused(
            f"{action!r} is not a workflow action; use one of: {', '.join(ACTIONS)}."
        )
    actor = current_actor(session, actor)
    claim = lock_claim(session=session, claim_id=claim_id, expected_version=expected_version)
    refused = _refusal(move, Attempt(session=session, actor=actor, claim=claim,
                                     assignee=assignee))
    if refused is not None:
        raise refused
    return claim, actor


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
    expected_version: int | None,
    assignee: User | str | None = None,
    verdict: Verdict | str | None = None,
    rationale: str | None = None,
    note: str | None = None,
) -> Claim:
    """Apply ``move`` to a claim for ``actor``, or raise with the reason it is refused.

    ``expected_version`` is required: the version the person saw (a page, ``--expect-version``)
    or None for a one-shot command that accepts the version read in this transaction."""
    spec = MOVES.get(move)
    if spec is None:
        raise TransitionRefused(
            f"{move!r} is not a workflow action; use one of: {', '.join(MOVES)}."
        )
    person = resolve_user(session, assignee)
    if "assignee" in spec.needs and person is None:
        raise TransitionRefused("To assign a claim you must name the person (--to).")
    claim, actor = authorize(session=session, actor=actor, claim_id=claim_id, action=move,
                             expected_version=expected_version, assignee=person)
    before = claim.status
    changes: dict[str, Any] = {}
    comment = (note or "").strip()
    if "note" in spec.needs and not comment:
        raise TransitionRefused(f"To {move} a claim you must give a {spec.note_label.lower()}.")

    if move == "dismiss":
        claim.dismiss_reason = comment
    elif move == "restore":
        claim.dismiss_reason = ""
    elif move == "assign":
        assert person is not None
        changes["assignee"] = [_username(session, claim.assignee_id), person.username]
        claim.assignee_id = person.id
    elif move == "submit":
        _submit(session, claim, verdict, rationale, changes)
        claim.submitted_by_id = actor.id
    unready = spec.ready(Attempt(session=session, actor=actor, claim=claim)) if spec.ready \
        else None
    if unready:
        raise TransitionRefused(unready)
    elif move == "signoff":
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
        claim.review_note = comment
    elif move == "reopen":
        current = active_signoff(session, claim_id)
        if current is not None:
            session.add(SignOffVoid(signoff_id=current.id, voided_by_id=actor.id,  # type: ignore[arg-type]
                                    reason=comment))
            changes["voided_signoff"] = current.snapshot_sha256

    assert spec.target is not None
    claim.status = spec.target
    touch(claim)
    session.add(claim)
    record(session, actor=actor, action=move, claim=claim, from_status=before.value,
           to_status=spec.target.value, changes=changes, comment=comment)
    session.flush()
    return claim


def _submit(session: Session, claim: Claim, verdict: Verdict | str | None,
            rationale: str | None, changes: dict[str, Any]) -> None:
    if verdict is not None and str(verdict).strip():
        new_verdict = parse_verdict(verdict)
        if new_verdict != claim.verdict:
            changes["verdict"] = [claim.verdict.value if claim.verdict else None,
                                  new_verdict.value]
            claim.verdict = new_verdict
    if rationale is not None and rationale.strip() and rationale.strip() != claim.rationale:
        changes["rationale"] = [claim.rationale, rationale.strip()]
        claim.rationale = rationale.strip()


def parse_verdict(value: Verdict | str) -> Verdict:
    if isinstance(value, Verdict):
        return value
    text = str(value).strip()
    for v in Verdict:
        if text.lower() in {v.value.lower(), v.name.lower(), v.name.replace("_", "-")}:
            return v
    raise TransitionRefused(f"{text!r} is not a verdict; choose one of: "
                            f"{', '.join(v.value for v in Verdict)}.")


def _a(word: str) -> str:
    return ("an " if word[:1] in "aeiou" else "a ") + word


def _username(session: Session | None, user_id: int | None) -> str | None:
    if user_id is None or session is None:
        return None
    user = session.get(User, user_id)
    return user.username if user else None


def require_editable(claim: Claim, what: str) -> None:
    """Edits to verdict, rationale or evidence are only possible while research is open."""
    if claim.status == S.signed_off:
        raise TransitionRefused(f"Claim {claim.id} is signed off; an editor must reopen it "
                                f"before its {what} can change.")
    if claim.status not in EDITABLE:
        raise TransitionRefused(f"Claim {claim.id} is {claim.status.value}; its {what} can "
                                "only change while it is open or in research.")
