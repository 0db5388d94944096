"""Research: page lookups, sources, earlier fact-checks and context."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from workbench.cli.base import (
    ExpectOpt,
    JsonOpt,
    UserOpt,
    app,
    engine_for,
    http_client,
    open_session,
    print_json,
    sub_app,
)

sources_app = sub_app("sources")
factchecks_app = sub_app("factchecks")


@app.command()
def lookup(url: str, as_json: JsonOpt = False) -> None:
    """Fetch a page's metadata through the guarded client."""
    from workbench import sources

    with http_client() as client:
        page = sources.preview(client=client, url=url)
    data = sources.page_dict(page)
    if as_json:
        print_json(data)
        return
    for key, value in data.items():
        if key != "excerpt" and value not in (None, "", []):
            typer.echo(f"{key:>14}: {value}")
    if data.get("excerpt"):
        typer.echo(f"{'excerpt':>14}: {data['excerpt'][:300]}")


@sources_app.command("attach")
def sources_attach(
    claim_id: int, url: str, user: UserOpt,
    stance: Annotated[str, typer.Option(help="supports, refutes or context")] = "context",
    quote: Annotated[str, typer.Option(help="The passage that matters.")] = "",
    archive: Annotated[bool, typer.Option(help="Look up a Wayback snapshot.")] = False,
    expect_version: ExpectOpt = None,
) -> None:
    """Look up a URL and attach it to a claim as a source."""
    from workbench import accounts, sources

    with http_client() as client:
        page = sources.preview(client=client, url=url)
        snap = sources.find_archive(client=client, url=url) if archive else None
    with open_session(write=True) as session:
        actor = accounts.get_user(session=session, username=user)
        ev = sources.attach(session=session, actor=actor, claim_id=claim_id, page=page,
                            stance=stance, quote=quote, archive=snap,
                            expected_version=expect_version)
    typer.echo(f"Source {ev.source_id} attached to claim {claim_id} ({stance}).")


@sources_app.command("refresh")
def sources_refresh(
    all_sources: Annotated[bool, typer.Option("--all", help="Every source, not only stale.")]
    = False,
    user: UserOpt = "",
) -> None:
    """Fetch sources again and report what changed (content hash, page gone)."""
    from workbench import sources
    from workbench.config import load_settings

    settings = load_settings()
    with engine_for(settings) as engine, http_client() as client:
        todo = sources.due_for_refresh(engine=engine, everything=all_sources)
        with typer.progressbar(length=len(todo), label="Refreshing", file=sys.stderr) as bar:
            summary = sources.refresh(engine=engine, client=client, source_ids=todo,
                                      actor_name=user or None,
                                      progress=lambda n: bar.update(n))
    typer.echo(summary.describe())


@factchecks_app.command("search")
def factchecks_search(text: str, as_json: JsonOpt = False,
                      limit: Annotated[int, typer.Option(min=1, max=100)] = 10) -> None:
    """Earlier fact-checks of a claim (Google Fact Check Tools)."""
    from workbench import sources

    with http_client() as client:
        found = sources.factchecks(client=client, text=text, limit=limit)
    if as_json:
        print_json([sources.plain(f) for f in found])
        return
    if not found:
        typer.echo("No earlier fact-checks found.")
    for f in found:
        d = sources.plain(f)
        typer.echo(f"- {d.get('publisher_name') or '?'} rated {d.get('rating') or '?'!s}: "
                   f"{d.get('claim_text') or ''}\n  {d.get('url') or ''}")


@app.command()
def context(text: str, as_json: JsonOpt = False) -> None:
    """Context on a person, group or designation (Wikipedia and Wikidata)."""
    from workbench import sources

    with http_client() as client:
        found = sources.context(client=client, text=text)
    if as_json:
        print_json(sources.plain(found))
        return
    for line in sources.describe_context(found):
        typer.echo(line)
