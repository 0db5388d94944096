"""Reading claims and moving them through review."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from workbench import accounts, claims, workflow
from workbench.cli.base import JsonOpt, UserOpt, open_session, print_json, sub_app
from workbench.models import Claim

claims_app = sub_app("claims", "Read claims and move them through review.")


def _claim_dict(c: Claim, **extra: Any) -> dict[str, Any]:
    return {
        "id": c.id, "article_id": c.article_id, "status": c.status.value, "kind": c.kind.value,
        "speaker": c.speaker, "start": c.start, "end": c.end, "text": c.text,
        "verdict": c.verdict.value if c.verdict else None, "flags": list(c.flags or []),
        "score": c.score, "restatement": c.restatement, "version": c.version, **extra,
    }


@claims_app.command("list")
def claims_list(
    status: Annotated[str | None, typer.Option(help="Only this status.")] = None,
    article: Annotated[int | None, typer.Option(help="Only this article id.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=claims.MAX_PAGE)] = claims.MAX_PAGE,
    as_json: JsonOpt = False,
) -> None:
    """List claims: id, status, kind, speaker, start, end, text, verdict."""
    status = claims.parse_status(status)
    with open_session() as session:
        rows = claims.list_claims(session=session, status=status, article_id=article,
                                  limit=limit)
    if as_json:
        print_json([_claim_dict(r.claim, assignee=r.assignee) for r in rows])
        return
    for r in rows:
        c = r.claim
        typer.echo(f"{c.id:>4} {c.status.value:<11} {c.kind.value:<11} "
                   f"{(c.speaker or '-')[:22]:<22} {c.start:>5}-{c.end:<5} "
                   f"{(c.verdict.value if c.verdict else '-'):<13} {c.text[:70]}")


@claims_app.command("show")
def claims_show(claim_id: int, as_json: JsonOpt = False) -> None:
    """Show one claim with its sources and history."""
    with open_session() as session:
        d = claims.claim_detail(session=session, claim_id=claim_id)
    data = _claim_dict(
        d.claim, article_key=d.article.key, assignee=d.assignee, submitted_by=d.submitted_by,
        rationale=d.claim.rationale,
        signed_off_by=d.signoff_editor, signoff_sha256=d.signoff.snapshot_sha256 if d.signoff
        else None,
        signoff_verified=d.signoff_intact if d.signoff else None,
        sources=[{"url": s.url, "title": e.title or s.title, "stance": e.stance.value,
                  "content_sha256": e.content_sha256, "archive_url": e.archive_url,
                  "changed_since_attached": bool(e.content_sha256 and
                                                 s.content_sha256 != e.content_sha256),
                  "gone": s.gone}
                 for e, s in d.evidence],
        history=[{"at": ev.at, "who": who, "action": ev.action, "from": ev.from_status,
                  "to": ev.to_status, "comment": ev.comment} for ev, who in d.history],
    )
    if as_json:
        print_json(data)
        return
    for key in ("id", "status", "kind", "speaker", "text", "restatement", "verdict",
                "rationale", "assignee", "submitted_by", "signed_off_by"):
        typer.echo(f"{key:>13}: {data[key] if data[key] not in (None, '') else '-'}")
    for s in data["sources"]:
        typer.echo(f"       source: [{s['stance']}] {s['url']}")
    for h in data["history"]:
        move = f" → {h['to']}" if h["to"] else ""
        note = f": {h['comment']}" if h["comment"] else ""
        typer.echo(f"      history: {h['at']} {h['who'] or 'system'} {h['action']}{move}{note}")


def _move(move: str, claim_id: int, user: str, **kw: Any) -> None:
    with open_session(write=True) as session:
        actor = accounts.get_user(session=session, username=user)
        if kw.get("assignee"):
            kw["assignee"] = accounts.get_user(session=session, username=kw["assignee"])
        claim = workflow.apply(session=session, actor=actor, claim_id=claim_id, move=move, **kw)
    typer.echo(f"Claim {claim.id} is now {claim.status.value}.")


@claims_app.command("accept")
def claims_accept(claim_id: int, user: UserOpt) -> None:
    """Accept a candidate claim for checking."""
    _move("accept", claim_id, user)


@claims_app.command("dismiss")
def claims_dismiss(claim_id: int, user: UserOpt,
                   note: Annotated[str, typer.Option("--note", "--reason")] = "") -> None:
    """Dismiss a claim, with a reason."""
    _move("dismiss", claim_id, user, note=note)


@claims_app.command("assign")
def claims_assign(claim_id: int, user: UserOpt,
                  to: Annotated[str, typer.Option("--to", help="Who researches it.")] = "") -> None:
    """Assign a claim to a researcher."""
    _move("assign", claim_id, user, assignee=to or None)


@claims_app.command("submit")
def claims_submit(claim_id: int, user: UserOpt,
                  verdict: Annotated[str, typer.Option()] = "",
                  rationale: Annotated[str, typer.Option()] = "") -> None:
    """Submit a verdict and rationale for review."""
    _move("submit", claim_id, user, verdict=verdict or None, rationale=rationale or None)


@claims_app.command("signoff")
def claims_signoff(claim_id: int, user: UserOpt) -> None:
    """Sign off a verdict (an editor other than the submitter)."""
    _move("signoff", claim_id, user)


@claims_app.command("return")
def claims_return(claim_id: int, user: UserOpt,
                  note: Annotated[str, typer.Option("--note")] = "") -> None:
    """Send a claim back to research with a note."""
    _move("return", claim_id, user, note=note)


@claims_app.command("reopen")
def claims_reopen(claim_id: int, user: UserOpt,
                  note: Annotated[str, typer.Option("--note", "--reason")] = "") -> None:
    """Reopen a signed-off claim (voids the sign-off)."""
    _move("reopen", claim_id, user, note=note)
