"""The discussion on each claim: comments with ``@name`` mentions, and what is waiting for
one person ("For me": claims assigned to them, claims awaiting their review, and claims
where they were mentioned since they last looked).

Anyone on the desk may comment on any claim, in any state; a comment never changes the
claim (nor its version) and shows in its history. Comment text is kept as typed and is
shown as plain text, never as HTML or Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from workbench import claims, workflow
from workbench.errors import InputError, NotFoundError
from workbench.models import Claim, ClaimStatus, Comment, Mention, User, utcnow

MAX_COMMENT = 5000
MAX_LISTED = 100
_MENTION = re.compile(r"(?<![\w@.])@([a-z0-9][a-z0-9._-]{1,63})", re.IGNORECASE)


def mentioned_names(text: str) -> list[str]:
    """The ``@names`` in a text, lower-cased, each once, in order."""
    seen: list[str] = []
    for match in _MENTION.finditer(text):
        name = match.group(1).lower().rstrip("._-")
        if name not in seen:
            seen.append(name)
    return seen


def add_comment(*, session: Session, actor: User, claim_id: int, text: str) -> Comment:
    """Add a comment to a claim's thread; the active accounts it ``@mentions`` are told."""
    actor = workflow.current_actor(session, actor)
    body = (text or "").strip()
    if not body:
        raise InputError("The comment is empty; write something to say.")
    if len(body) > MAX_COMMENT:
        raise InputError(f"A comment holds at most {MAX_COMMENT:,} characters.")
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFoundError(f"There is no claim with id {claim_id}.")
    names = mentioned_names(body)
    people = list(session.exec(select(User).where(col(User.username).in_(names),
                                                  User.active == True)))  # noqa: E712
    comment = Comment(claim_id=claim_id, author_id=actor.id, text=body)  # type: ignore[arg-type]
    session.add(comment)
    session.flush()
    session.add_all([Mention(comment_id=comment.id, claim_id=claim_id,  # type: ignore[arg-type]
                             user_id=p.id) for p in people if p.id != actor.id])
    workflow.record(session, actor=actor, action="comment", claim=claim,
                    changes={"mentions": sorted(p.username for p in people)}, comment=body)
    session.flush()
    return comment


def thread(*, session: Session, claim_id: int) -> list[tuple[Comment, str]]:
    """A claim's comments, oldest first, with their authors' names."""
    rows = session.exec(
        select(Comment, User.username).where(Comment.claim_id == claim_id,
                                             User.id == Comment.author_id)
        .order_by(col(Comment.id))
    )
    return [(c, name) for c, name in rows]


def unseen(*, session: Session, user: User, claim_id: int) -> int:
    """How many of ``user``'s mentions on a claim they have not seen yet."""
    return len(list(session.exec(select(Mention.id).where(
        Mention.user_id == user.id, Mention.claim_id == claim_id,
        col(Mention.seen_at).is_(None)))))


def mark_read(*, session: Session, actor: User, claim_id: int | None = None) -> int:
    """Mark the actor's mentions as seen (on one claim, or all); returns how many."""
    actor = workflow.current_actor(session, actor)
    stmt = select(Mention).where(Mention.user_id == actor.id,
                                 col(Mention.seen_at).is_(None))
    if claim_id is not None:
        stmt = stmt.where(Mention.claim_id == claim_id)
    unseen = list(session.exec(stmt))
    now = utcnow()
    for mention in unseen:
        mention.seen_at = now
        session.add(mention)
    session.flush()
    return len(unseen)


@dataclass
class MentionRow:
    claim: Claim
    author: str
    comment: Comment


@dataclass
class ForMe:
    assigned: list[claims.ClaimRow] = field(default_factory=list)
    to_review: list[claims.ClaimRow] = field(default_factory=list)
    mentioned: list[MentionRow] = field(default_factory=list)


def for_me(*, session: Session, user: User, limit: int = MAX_LISTED) -> ForMe:
    """What waits for ``user``: claims assigned to them and still being worked on, claims
    in review they may sign off (editors), and unseen mentions, newest first."""
    found = ForMe()
    active = [ClaimStatus.open.value, ClaimStatus.in_research.value]
    found.assigned = claims.list_claims(session=session, assignee_id=user.id, status=active,
                                        limit=limit)
    if user.role in workflow.MOVES["signoff"].roles:
        # the four-eyes rule is asked of the database, so the list is full whatever its length
        found.to_review = claims.list_claims(session=session,
                                             status=ClaimStatus.in_review.value,
                                             not_authored_by=user.id, limit=limit)
    stmt = (
        select(Claim, User.username, Comment)
        .where(Mention.user_id == user.id, col(Mention.seen_at).is_(None),
               Comment.id == Mention.comment_id, Claim.id == Mention.claim_id,
               User.id == Comment.author_id)
        .order_by(col(Mention.id).desc()).limit(max(1, limit))
    )
    found.mentioned = [MentionRow(c, name, comment) for c, name, comment in session.exec(stmt)]
    return found
