"""Claim matching: match texts, similar claims, links, the evaluation on labelled pairs, and
a claim checked against the text of its sources."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from workbench.cli.base import (
    ExpectOpt,
    JsonOpt,
    UserOpt,
    app,
    http_client,
    open_session,
    print_json,
)
from workbench.cli.research import sources_app
from workbench.cli.review import claims_app
from workbench.errors import InputError

if TYPE_CHECKING:
    from workbench import similar


def _agree(value: bool | None) -> str:
    return {True: "yes", False: "NO", None: "-"}[value]


def _print_matches(matches: list[similar.Match]) -> None:
    if not matches:
        typer.echo("  no stored claim matches.")
    for m in matches:
        verdict = m.verdict or "no verdict"
        link = f", {m.link}" if m.link else ""
        typer.echo(f"  claim {m.claim_id}  score {m.score:.2f}  {m.level}{link}  "
                   f"{m.status} ({verdict})  numbers agree: {_agree(m.numbers_agree)}  "
                   f"entities agree: {_agree(m.entities_agree)}")
        for mine, theirs in m.differences:
            typer.echo(f"    differs: {mine} here, {theirs} there")
        typer.echo(f"    {m.text}")


@app.command("match")
def match(texts: Annotated[list[str], typer.Argument(help="One or more claims to look for.")],
          as_json: JsonOpt = False) -> None:
    """Print the stored claims each text matches above the suggested level."""
    from workbench import similar
    from workbench.config import load_settings

    lv = similar.levels(load_settings())
    with open_session() as session:
        found = [(t, similar.match_text(session=session, text=t, lv=lv)) for t in texts]
    if as_json:
        print_json([{"text": t, "matches": [m.to_dict() for m in ms]} for t, ms in found])
        return
    for text, matches in found:
        typer.echo(text)
        _print_matches(matches)


@claims_app.command("similar")
def claims_similar(claim_id: int, as_json: JsonOpt = False) -> None:
    """Print the claims of other articles that say what this claim says."""
    from workbench import similar
    from workbench.config import load_settings

    lv = similar.levels(load_settings())
    with open_session() as session:
        matches = similar.similar_to(session=session, claim_id=claim_id, lv=lv)
    if as_json:
        print_json([m.to_dict() for m in matches])
        return
    typer.echo(f"Claims like claim {claim_id}:")
    _print_matches(matches)


@claims_app.command("link")
def claims_link(
    claim_id: int,
    other_id: int,
    user: UserOpt,
    state: Annotated[str, typer.Option(help="confirmed or rejected")] = "confirmed",
) -> None:
    """Confirm that two claims are the same claim, or reject the match for good."""
    from workbench import accounts, similar
    from workbench.models import LinkState

    if state not in {LinkState.confirmed.value, LinkState.rejected.value}:
        raise InputError(f"--state must be confirmed or rejected, not {state!r}.")
    with open_session(write=True) as session:
        actor = accounts.get_user(session=session, username=user)
        similar.set_link(session=session, actor=actor, claim_id=claim_id, other_id=other_id,
                         state=LinkState(state))
    typer.echo(f"Claims {claim_id} and {other_id}: match {state}.")


@app.command("eval-matching")
def eval_matching(path: Annotated[Path, typer.Argument(help="TSV with label, a and b.")],
                  as_json: JsonOpt = False) -> None:
    """Precision, recall and F1 of the matcher on labelled pairs (suggested level)."""
    from workbench import similar
    from workbench.config import load_settings

    scores = similar.evaluate(path, similar.levels(load_settings()))
    if as_json:
        print_json(scores.to_dict())
        return
    typer.echo(f"{scores.pairs} pairs: precision {scores.precision:.3f}, recall "
               f"{scores.recall:.3f}, F1 {scores.f1:.3f}; pairs whose numbers differ at "
               f"'same claim': {scores.numbers_differ_at_same}")


@sources_app.command("check")
def sources_check(claim_id: int, user: UserOpt = "", as_json: JsonOpt = False) -> None:
    """Compare the claim's numbers, years and places with what each source's text says."""
    from workbench import accounts, sourcecheck

    with http_client() as client, open_session(write=True) as session:
        actor = accounts.get_user(session=session, username=user) if user else None
        checked = sourcecheck.check_sources(session=session, client=client,
                                            claim_id=claim_id, actor=actor)
    if as_json:
        print_json([c.to_dict() for c in checked])
        return
    for c in checked:
        typer.echo(f"source {c.source_id} ({c.url}): {c.result}"
                   + (f" ({c.error})" if c.error else ""))
        for f in c.findings:
            found = f" / source: {f.found}" if f.found else ""
            typer.echo(f"  {f.what} {f.result}: claim: {f.claimed}{found}")


@claims_app.command("reuse")
def claims_reuse(
    claim_id: int,
    earlier: Annotated[int, typer.Option("--from", help="The signed-off claim linked as the "
                                                         "same claim, whose verdict is reused.")],
    user: UserOpt,
    expect_version: ExpectOpt = None,
) -> None:
    """Sign a claim off with the verdict of an earlier claim it is linked to (open, in
    research or in review to signed off; editor; four eyes)."""
    from workbench import accounts, reuse

    with open_session(write=True) as session:
        actor = accounts.get_user(session=session, username=user)
        claim = reuse.reuse_verdict(session=session, actor=actor, claim_id=claim_id,
                                    earlier_id=earlier, expected_version=expect_version)
        verdict = claim.verdict.value if claim.verdict else "no verdict"
    typer.echo(f"Claim {claim.id} is now signed off with the verdict of claim {earlier} "
               f"({verdict}; version {claim.version}).")
