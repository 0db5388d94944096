"""The command line: a thin layer over the services (``python -m workbench`` or ``workbench``).

Each command parses its arguments, opens what it needs for its own lifetime (settings,
engine, HTTP client) and calls one service function. Errors print one sentence to stderr
and exit with a non-zero code; a failed write leaves the database as it was.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import click
import typer
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlmodel import Session

from workbench import accounts, casefiles, claims, db, export, sources, workflow
from workbench.config import Settings, load_settings
from workbench.errors import InputError, WorkbenchError
from workbench.models import Claim

app = typer.Typer(no_args_is_help=True, add_completion=False,
                  help="Claim workbench: propose, research, verify and sign off claims.")
claims_app = typer.Typer(no_args_is_help=True, help="Read claims and move them through review.")
sources_app = typer.Typer(no_args_is_help=True, help="Attach and refresh sources.")
export_app = typer.Typer(no_args_is_help=True, help="Write exports.")
casefiles_app = typer.Typer(no_args_is_help=True, help="Sync the claims/ case files.")
users_app = typer.Typer(no_args_is_help=True, help="Manage accounts.")
factchecks_app = typer.Typer(no_args_is_help=True, help="Search earlier fact-checks.")
for sub, name in ((claims_app, "claims"), (sources_app, "sources"), (export_app, "export"),
                  (casefiles_app, "casefiles"), (users_app, "users"),
                  (factchecks_app, "factchecks")):
    app.add_typer(sub, name=name)

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for programs.")]
UserOpt = Annotated[str, typer.Option("--user", "-u", help="Who is acting (user name).")]


@contextmanager
def _engine(settings: Settings | None = None) -> Iterator[Any]:
    engine = db.make_engine(settings or load_settings())
    try:
        yield engine
    finally:
        engine.dispose()


@contextmanager
def _session(*, write: bool = False) -> Iterator[Session]:
    with _engine() as engine, db.session_scope(engine, write=write) as session:
        yield session


@contextmanager
def _client() -> Iterator[Any]:
    with sources.open_client(load_settings()) as client:
        yield client


def _print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _read_text_arg(path: str, settings: Settings) -> tuple[str, dict[str, Any]]:
    """Read an article from a file path or '-' (stdin), decoding it like an upload."""
    if path == "-":
        data = sys.stdin.buffer.read(settings.max_article_bytes + 1)
        return claims.read_document(data, filename="stdin.txt",
                                           max_bytes=settings.max_article_bytes)
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{path} is not a file.")
    if p.stat().st_size > settings.max_article_bytes:
        raise InputError(f"{path} is larger than {settings.max_article_bytes:,} bytes.")
    return claims.read_document(p.read_bytes(), filename=p.name,
                                       max_bytes=settings.max_article_bytes)


@app.command()
def init() -> None:
    """Create or migrate the database (Alembic upgrade to head)."""
    settings = load_settings()
    with _engine(settings) as engine:
        db.upgrade(engine)
        typer.echo(f"Database ready at revision {db.current_revision(engine)}.")


@app.command()
def extract(
    path: Annotated[str, typer.Argument(help="A .txt, .md or .html file, or - for stdin.")],
    as_json: JsonOpt = False,
    all_sentences: Annotated[bool, typer.Option("--all", help="Every sentence.")] = False,
    threshold: Annotated[float | None, typer.Option(min=0.0, max=1.0)] = None,
) -> None:
    """Print candidate claims without touching the database."""
    settings = load_settings()
    text, _meta = _read_text_arg(path, settings)
    if threshold is None:
        threshold = settings.checkworthy_threshold
    found = claims.candidates(text, threshold=threshold, include_all=all_sentences)
    if as_json:
        _print_json([c.to_dict() for c in found])
        return
    for c in found:
        mark = "*" if c.checkworthy else " "
        flags = f" [{', '.join(c.flags)}]" if c.flags else ""
        typer.echo(f"{mark} {c.start:>6}-{c.end:<6} {c.score:.2f} {c.kind:<11} "
                   f"{c.speaker or '-'}{flags}\n    {c.text}")


@app.command("eval-checkworthy")
def eval_checkworthy(
    tsv: Annotated[Path, typer.Argument(help="A CheckThat!-format TSV file.")],
    as_json: JsonOpt = False,
    threshold: Annotated[float | None, typer.Option(min=0.0, max=1.0)] = None,
) -> None:
    """Score a labelled TSV and print precision, recall and F1 of `Yes`."""
    scores = claims.evaluate(tsv, threshold=threshold)
    data = scores.to_dict() if hasattr(scores, "to_dict") else vars(scores)
    if as_json:
        _print_json(data)
    else:
        typer.echo(f"precision {scores.precision:.3f}  recall {scores.recall:.3f}  "
                   f"F1 {scores.f1:.3f}  ({tsv.name}, threshold {scores.threshold:.3f})")


@app.command()
def ingest(
    path_or_url: Annotated[str, typer.Argument(help="A file, - for stdin, or an http(s) URL.")],
    user: UserOpt = "",
    title: str = "",
    outlet: str = "",
    byline: str = "",
    as_json: JsonOpt = False,
) -> None:
    """Store an article and its candidate claims."""
    settings = load_settings()
    if path_or_url.startswith(("http://", "https://")):
        with _client() as client:
            text, meta = sources.fetch_article(client=client, url=path_or_url)
    else:
        text, meta = _read_text_arg(path_or_url, settings)
    candidates = claims.candidates(text, threshold=settings.checkworthy_threshold)
    with _engine(settings) as engine, db.session_scope(engine, write=True) as session:
        actor = accounts.get_user(session=session, username=user) if user else None
        result = claims.ingest(
            session=session, actor=actor, text=text, candidates=candidates,
            title=title or meta.get("title") or "", outlet=outlet or meta.get("site_name") or "",
            byline=byline or meta.get("author") or "", url=meta.get("url"),
        )
    if as_json:
        _print_json({"article_id": result.article.id, "key": result.article.key,
                     "created": result.created, "claims": [c.id for c in result.claims]})
    elif result.created:
        typer.echo(f"Article {result.article.id} ({result.article.key}) stored with "
                   f"{len(result.claims)} candidate claim(s).")
    else:
        typer.echo(f"Article {result.article.id} ({result.article.key}) was already stored; "
                   "nothing added.")


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
    with _session() as session:
        rows = claims.list_claims(session=session, status=status, article_id=article,
                                  limit=limit)
    if as_json:
        _print_json([_claim_dict(r.claim, assignee=r.assignee) for r in rows])
        return
    for r in rows:
        c = r.claim
        typer.echo(f"{c.id:>4} {c.status.value:<11} {c.kind.value:<11} "
                   f"{(c.speaker or '-')[:22]:<22} {c.start:>5}-{c.end:<5} "
                   f"{(c.verdict.value if c.verdict else '-'):<13} {c.text[:70]}")


@claims_app.command("show")
def claims_show(claim_id: int, as_json: JsonOpt = False) -> None:
    """Show one claim with its sources and history."""
    with _session() as session:
        d = claims.claim_detail(session=session, claim_id=claim_id)
    data = _claim_dict(
        d.claim, article_key=d.article.key, assignee=d.assignee, submitted_by=d.submitted_by,
        rationale=d.claim.rationale,
        signed_off_by=d.signoff_editor, signoff_sha256=d.signoff.snapshot_sha256 if d.signoff
        else None,
        sources=[{"url": s.url, "title": s.title, "stance": e.stance.value,
                  "content_sha256": s.content_sha256, "archive_url": s.archive_url}
                 for e, s in d.evidence],
        history=[{"at": ev.at, "who": who, "action": ev.action, "from": ev.from_status,
                  "to": ev.to_status, "comment": ev.comment} for ev, who in d.history],
    )
    if as_json:
        _print_json(data)
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
    with _session(write=True) as session:
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


@app.command()
def lookup(url: str, as_json: JsonOpt = False) -> None:
    """Fetch a page's metadata through the guarded client."""
    with _client() as client:
        page = sources.preview(client=client, url=url)
    data = sources.page_dict(page)
    if as_json:
        _print_json(data)
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
) -> None:
    """Look up a URL and attach it to a claim as a source."""
    with _client() as client:
        page = sources.preview(client=client, url=url)
        snap = sources.find_archive(client=client, url=url) if archive else None
    with _session(write=True) as session:
        actor = accounts.get_user(session=session, username=user)
        ev = sources.attach(session=session, actor=actor, claim_id=claim_id, page=page,
                            stance=stance, quote=quote, archive=snap)
    typer.echo(f"Source {ev.source_id} attached to claim {claim_id} ({stance}).")


@sources_app.command("refresh")
def sources_refresh(
    all_sources: Annotated[bool, typer.Option("--all", help="Every source, not only stale.")]
    = False,
    user: UserOpt = "",
) -> None:
    """Fetch sources again and report what changed (content hash, page gone)."""
    settings = load_settings()
    with _engine(settings) as engine, _client() as client:
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
    with _client() as client:
        found = sources.factchecks(client=client, text=text, limit=limit)
    if as_json:
        _print_json([sources.plain(f) for f in found])
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
    with _client() as client:
        found = sources.context(client=client, text=text)
    if as_json:
        _print_json(sources.plain(found))
        return
    for line in sources.describe_context(found):
        typer.echo(line)


@export_app.command("csv")
def export_csv(out: Annotated[Path, typer.Option("--out", "-o")],
               status: Annotated[str | None, typer.Option()] = None) -> None:
    """Write every claim as CSV (one row per claim)."""
    status = claims.parse_status(status)
    _check_out(out)
    with _session() as session:
        data = export.claims_csv(session=session, status=status)
    _write(out, data)


@export_app.command("claimreview")
def export_claimreview(out: Annotated[Path, typer.Option("--out", "-o")]) -> None:
    """Write ClaimReview JSON-LD for signed-off claims."""
    _check_out(out)
    with _session() as session:
        data = export.claimreview_json(session=session)
    _write(out, data)


def _check_out(out: Path) -> None:
    if not out.parent.is_dir():
        raise InputError(f"The folder {out.parent} does not exist.")
    if out.is_dir():
        raise InputError(f"{out} is a folder; give a file name.")


def _write(out: Path, data: bytes) -> None:
    tmp = out.with_name(out.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(out)
    typer.echo(f"Wrote {out} ({len(data):,} bytes).")


@casefiles_app.command("import")
def casefiles_import(directory: Path, user: UserOpt = "") -> None:
    """Load case files (idempotent: twice adds nothing)."""
    with _session(write=True) as session:
        actor = accounts.get_user(session=session, username=user) if user else None
        report = casefiles.import_dir(session=session, root=directory, actor=actor)
    typer.echo(report.summary())


@casefiles_app.command("export")
def casefiles_export(directory: Path) -> None:
    """Write the desk's work back to case files."""
    with _session() as session:
        written = casefiles.export_dir(session=session, root=directory)
    typer.echo(f"Wrote {len(written)} case file(s) under {directory}.")


@users_app.command("add")
def users_add(
    name: str,
    role: Annotated[str, typer.Option(help="reviewer, editor or admin")],
    display_name: Annotated[str, typer.Option()] = "",
    password_stdin: Annotated[bool, typer.Option("--password-stdin")] = False,
) -> None:
    """Add an account (password from a prompt or standard input)."""
    password = _password(password_stdin)
    with _session(write=True) as session:
        user = accounts.create_user(session=session, actor=None, username=name, role=role,
                                    password=password, display_name=display_name)
    typer.echo(f"User {user.username} added as {user.role.value}.")


def _password(password_stdin: bool) -> str:
    if password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return typer.prompt("Password", hide_input=True, confirmation_prompt=True)


@users_app.command("passwd")
def users_passwd(
    name: str,
    password_stdin: Annotated[bool, typer.Option("--password-stdin")] = False,
) -> None:
    """Set a new password for an account."""
    password = _password(password_stdin)
    with _session(write=True) as session:
        user = accounts.set_password(session=session, actor=None, username=name,
                                     password=password)
    typer.echo(f"Password of {user.username} changed.")


@users_app.command("disable")
def users_disable(name: str) -> None:
    """Disable an account (it can no longer sign in or act)."""
    with _session(write=True) as session:
        user = accounts.set_active(session=session, actor=None, username=name, active=False)
    typer.echo(f"{user.username} is disabled.")


@users_app.command("enable")
def users_enable(name: str) -> None:
    """Enable a disabled account, and lift a sign-in lock after failed attempts."""
    with _session(write=True) as session:
        user = accounts.set_active(session=session, actor=None, username=name, active=True)
    typer.echo(f"{user.username} is enabled.")


@users_app.command("list")
def users_list(as_json: JsonOpt = False) -> None:
    """List accounts."""
    with _session() as session:
        users = accounts.list_users(session=session)
    rows = [{"username": u.username, "display_name": u.display_name, "role": u.role.value,
             "active": u.active} for u in users]
    if as_json:
        _print_json(rows)
    for r in rows if not as_json else []:
        typer.echo(f"{r['username']:<20} {r['role']:<9} {'' if r['active'] else '(disabled)'}")


@users_app.command("bootstrap")
def users_bootstrap() -> None:
    """Create `admin` with a random password if there is no admin yet (prints it once)."""
    with _session(write=True) as session:
        made = accounts.bootstrap_admin(session=session)
    if made is None:
        typer.echo("An admin account exists already.")
        return
    _user, password = made
    typer.echo(
        "\n  Created the first account:  user `admin`, password  " + password + "\n"
        "  It is shown only this once. Add a reviewer and an editor with:\n"
        "    .venv/bin/workbench users add alice --role reviewer\n"
        "    .venv/bin/workbench users add erin --role editor\n"
    )


@app.command()
def serve(port: Annotated[int, typer.Option()] = 8501,
          address: Annotated[str, typer.Option()] = "localhost") -> None:
    """Start the dashboard."""
    import subprocess

    app_file = Path(__file__).parent / "ui" / "app.py"
    cmd = [sys.executable, "-m", "streamlit", "run", str(app_file),
           "--server.port", str(port), "--server.address", address]
    raise typer.Exit(subprocess.call(cmd))  # noqa: S603 - fixed arguments


def main(argv: list[str] | None = None) -> None:
    """Run the CLI, turning every expected error into one sentence on stderr."""
    try:
        app(args=argv, standalone_mode=False)
    except WorkbenchError as exc:
        typer.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    except (OperationalError, ProgrammingError) as exc:
        text = str(exc.orig) if getattr(exc, "orig", None) else str(exc)
        if "no such table" in text or "does not exist" in text:
            typer.echo("Error: the database has no tables yet; run `workbench init` first.",
                       err=True)
        else:
            typer.echo(f"Error: the database refused the operation: {text.splitlines()[0]}",
                       err=True)
        sys.exit(1)
    except click.exceptions.Abort:
        typer.echo("Aborted.", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
