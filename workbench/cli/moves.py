"""`workbench claims <move>`: one command for each move of the workflow table (accept,
assign, submit, sign off, ...), with the options the move needs. Building them reads the
table, so this module is loaded only for the `claims` group."""

from __future__ import annotations

import inspect
from typing import Annotated, Any

import typer

from workbench import accounts, workflow
from workbench.cli.base import ExpectOpt, UserOpt, open_session
from workbench.cli.review import claims_app
from workbench.models import ClaimStatus

_NEED_OPTIONS: dict[str, list[tuple[str, Any]]] = {
    "note": [("note", Annotated[str, typer.Option("--note", "--reason")])],
    "assignee": [("to", Annotated[str, typer.Option("--to", help="Who researches it.")])],
    "verdict": [("verdict", Annotated[str, typer.Option(help="The verdict (if not drafted).")])],
    "rationale": [("rationale", Annotated[str, typer.Option(help="Why (if not drafted).")])],
}


def _move(move: str, claim_id: int, user: str, expect_version: int | None = None,
          to: str = "", verdict: str = "", rationale: str = "", note: str = "") -> None:
    with open_session(write=True) as session:
        actor = accounts.get_user(session=session, username=user)
        claim = workflow.apply(session=session, actor=actor, claim_id=claim_id, move=move,
                               expected_version=expect_version, assignee=to or None,
                               verdict=verdict or None, rationale=rationale or None, note=note)
    typer.echo(f"Claim {claim.id} is now {claim.status.label.lower()} (version {claim.version}).")


def _move_command(move: workflow.Move) -> None:
    """``claims <move>``, with the options the move needs, read from the workflow table."""
    kw = inspect.Parameter.KEYWORD_ONLY
    params = [inspect.Parameter("claim_id", inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                annotation=int),
              inspect.Parameter("user", kw, annotation=UserOpt),
              inspect.Parameter("expect_version", kw, annotation=ExpectOpt, default=None)]
    for need in move.needs:
        params += [inspect.Parameter(name, kw, annotation=hint, default="")
                   for name, hint in _NEED_OPTIONS.get(need, [])]

    def command(**values: Any) -> None:
        _move(move.name, **values)

    command.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    command.__annotations__ = {}
    frm = " or ".join(s.label.lower() for s in sorted(move.sources, key=list(ClaimStatus).index))
    roles = ", ".join(sorted(r.value for r in move.roles))
    command.__doc__ = (f"{move.label} a claim ({frm} to {move.target.label.lower()}; "  # type: ignore[union-attr]
                       f"{roles}).")
    claims_app.command(move.name)(command)


for _spec in workflow.MOVES.values():
    if "earlier" not in _spec.needs:  # reuse cites a claim: its command is with matching's
        _move_command(_spec)
