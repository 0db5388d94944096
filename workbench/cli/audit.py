"""Proving the record: `workbench audit verify` and `workbench audit key`."""

from __future__ import annotations

import json

import typer

from workbench.cli.base import JsonOpt, open_session, sub_app

audit_app = sub_app("audit")


@audit_app.command("verify")
def audit_verify(as_json: JsonOpt = False) -> None:
    """Walk the whole history chain and every claim; exit 1 with one line per finding."""
    from workbench import verify

    tally = verify.Tally()
    with open_session() as session:
        for finding in verify.verify_desk(session=session, tally=tally):
            if as_json:  # one JSON object a line, so the output streams too
                typer.echo(json.dumps({"claim_id": finding.claim_id,
                                       "event_seq": finding.event_seq,
                                       "finding": finding.what}, ensure_ascii=False))
            else:
                typer.echo(finding.line())
    if as_json:
        typer.echo(json.dumps({"ok": not tally.findings, "findings": tally.findings,
                               "events": tally.events,
                               "events_before_chain": tally.unsealed_before_chain,
                               "claims": tally.claims, "signed_off": tally.signed,
                               "summary": tally.summary()}, ensure_ascii=False))
    else:
        typer.echo(tally.summary())
    if tally.findings:
        raise SystemExit(1)  # the findings said what is wrong


@audit_app.command("key")
def audit_key() -> None:
    """Create the audit key in the secrets file if none is set (the first start does this)."""
    from workbench import audit
    from workbench.config import load_settings

    where = audit.ensure_key(load_settings())
    if where is None:
        typer.echo("An audit key is set already; keep it backed up.")
        return
    typer.echo(f"Created the audit key in {where}. Back this file up and keep it apart from "
               "the database: without the key the history and sign-offs cannot be proved, "
               "and whoever holds it can forge them.")
