"""Reading claims, drafting verdicts, and who may do what (the moves are in moves.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from workbench.cli.base import ExpectOpt, JsonOpt, UserOpt, app, open_session, print_json, sub_app

if TYPE_CHECKING:
    from workbench.models import Claim

claims_app = sub_app("claims")


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
    limit: Annotated[int | None, typer.Option(
        min=1, help="At most this many (a page at the most).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """List claims: id, status, kind, speaker, start, end, text, verdict."""
    from workbench import claims

    status = claims.parse_status(status)
    with open_session() as session:
        rows = claims.list_claims(session=session, status=status, article_id=article,
                                  limit=limit or claims.MAX_PAGE)
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
    from workbench import claims

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


@claims_app.command("draft")
def claims_draft(claim_id: int, user: UserOpt, expect_version: ExpectOpt = None,
                 verdict: Annotated[str, typer.Option()] = "",
                 rationale: Annotated[str, typer.Option()] = "") -> None:
    """Save a draft verdict and rationale on a claim in research."""
    from workbench import accounts, claims

    with open_session(write=True) as session:
        actor = accounts.get_user(session=session, username=user)
        claim = claims.save_draft(session=session, actor=actor, claim_id=claim_id,
                                  verdict=verdict or None, rationale=rationale,
                                  expected_version=expect_version)
    typer.echo(f"Draft saved on claim {claim.id} (version {claim.version}).")


@app.command("permissions")
def permissions_matrix() -> None:
    """Print who may take each action on a claim (the README's permission matrix)."""
    from workbench import workflow

    typer.echo(workflow.permission_matrix(), nl=False)
