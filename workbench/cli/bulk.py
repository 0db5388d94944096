"""`workbench claims bulk`: one action on many claims (ids, or every claim a filter
matches), in one transaction, each claim checked and recorded on its own."""

from __future__ import annotations

import sys
from datetime import date
from typing import Annotated

import typer

from workbench.cli.base import JsonOpt, UserOpt, open_session, print_json
from workbench.cli.review import claims_app
from workbench.errors import InputError


def _ids(text: str) -> list[int]:
    try:
        return [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise InputError("--ids takes claim ids separated by commas (e.g. 3,4,9).") from None


def _date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{text!r} is not a date; write it as YYYY-MM-DD.") from None


@claims_app.command("bulk")
def claims_bulk(
    action: Annotated[str, typer.Argument(help="accept, dismiss, assign, priority or deadline")],
    user: UserOpt,
    ids: Annotated[str, typer.Option(help="Claim ids, comma-separated.")] = "",
    status: Annotated[list[str] | None, typer.Option(help="Filter (repeatable).")] = None,
    kind: Annotated[list[str] | None, typer.Option(help="Filter (repeatable).")] = None,
    article: Annotated[int | None, typer.Option(help="Filter: an article id.")] = None,
    text: Annotated[str, typer.Option(help="Filter: words in the claim.")] = "",
    reason: Annotated[str, typer.Option(help="Why (to dismiss).")] = "",
    to: Annotated[str, typer.Option("--to", help="Who (to assign).")] = "",
    priority: Annotated[int | None, typer.Option(help="0 to 9.")] = None,
    deadline: Annotated[str | None, typer.Option(help="YYYY-MM-DD.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Apply one action to the claims given by --ids or matching the filters."""
    from workbench import accounts, bulk, queue

    flt = queue.ClaimFilter(statuses=status or [], kinds=kind or [], article_id=article,
                            text=text)
    if not ids and flt == queue.ClaimFilter():
        raise InputError("Name the claims: give --ids or at least one filter.")
    with open_session(write=True) as session:
        actor = accounts.get_user(session=session, username=user)
        assignee = accounts.get_user(session=session, username=to) if to else None
        claim_ids = _ids(ids) if ids else bulk.matching_ids(session=session, flt=flt)
        with typer.progressbar(length=len(claim_ids), label=action, file=sys.stderr) as bar:
            result = bulk.apply(session=session, actor=actor, action=action,
                                claim_ids=claim_ids, reason=reason, assignee=assignee,
                                priority=priority, deadline=_date(deadline),
                                progress=lambda _n, _total: bar.update(1))
    if as_json:
        print_json({"action": action, "done": result.done,
                    "refused": [{"id": i, "reason": why} for i, why in result.refused]})
        return
    typer.echo(result.summary())
    for why, refused in result.reasons().items():
        typer.echo(f"  refused {', '.join(map(str, refused))}: {why}")
