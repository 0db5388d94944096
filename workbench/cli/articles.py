"""Articles in and out: set-up, extraction, ingest, exports, case files, the dashboard."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from workbench.cli.base import (
    JsonOpt,
    UserOpt,
    app,
    check_out,
    engine_for,
    http_client,
    open_session,
    print_json,
    read_text_arg,
    sub_app,
    write_file,
)
from workbench.errors import ConfigError, InputError

if TYPE_CHECKING:
    from workbench import queue
    from workbench.extraction import Candidate

export_app = sub_app("export")
casefiles_app = sub_app("casefiles")


@app.command()
def init() -> None:
    """Create or migrate the database (Alembic upgrade to head)."""
    from workbench import db
    from workbench.config import load_settings

    settings = load_settings()
    with engine_for(settings) as engine:
        db.upgrade(engine)
        db.analyze(engine)
        typer.echo(f"Database ready at revision {db.current_revision(engine)}.")


@app.command("copy-database")
def copy_database(source_url: Annotated[str, typer.Argument(
        help="Database to copy from, e.g. sqlite:///data/workbench.db")]) -> None:
    """Copy every record from SOURCE_URL into the configured database, which must be empty."""
    from sqlalchemy.engine import make_url

    from workbench import db
    from workbench.config import load_settings

    settings = load_settings()
    try:
        source_settings = load_settings(database_url=source_url)
    except ConfigError:
        raise InputError("The source URL must start with sqlite:/// or postgresql:// "
                         "(PostgreSQL is used through psycopg 3).") from None
    source = make_url(source_settings.database_url)
    if source.get_backend_name() == "sqlite" and not Path(source.database or "").is_file():
        raise InputError(f"There is no SQLite database at {source.database or '(no path)'}.")
    if source == make_url(settings.database_url):
        raise InputError("The source is the configured database itself; set "
                         "WORKBENCH_DATABASE_URL to the database to copy into.")
    with engine_for(source_settings) as src, engine_for(settings) as dst:
        copied = db.copy_database(src, dst)
        target = dst.url.render_as_string(hide_password=True)
    typer.echo(f"Copied {db.describe_counts(copied)} into {target}.")


@app.command()
def extract(
    path: Annotated[str, typer.Argument(help="A .txt, .md or .html file, or - for stdin.")],
    as_json: JsonOpt = False,
    all_sentences: Annotated[bool, typer.Option("--all", help="Every sentence.")] = False,
    threshold: Annotated[float | None, typer.Option(min=0.0, max=1.0)] = None,
    jobs: Annotated[int, typer.Option(
        min=0, help="Processes for a long article; 0 (default) uses two if there are two "
                    "cores.")] = 0,
) -> None:
    """Print candidate claims without touching the database."""
    from workbench import extraction
    from workbench.config import load_settings

    settings = load_settings()
    text, _page = read_text_arg(path, settings)
    if threshold is None:
        threshold = settings.checkworthy_threshold
    jobs = jobs or min(2, _cores())  # more take more memory for a smaller gain
    with _collector_off():
        found = extraction.extract(text, threshold=threshold, include_all=all_sentences,
                                   jobs=jobs)
        _print_candidates(found, as_json)


def _cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


@contextmanager
def _collector_off() -> Iterator[None]:
    """Python's cycle collector paused for one batch: the pipeline leaves next to no
    reference cycles, and the collector's passes over its many objects cost about 5% of a
    long article's time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _print_candidates(found: list[Candidate], as_json: bool) -> None:
    if as_json:  # a JSON array, one candidate a line, written as it goes (long articles)
        out, encode = sys.stdout, json.JSONEncoder(ensure_ascii=False).encode
        for at in range(0, len(found), 500):  # a few hundred lines a write
            out.write("".join(("[\n" if i == 0 else ",\n") + encode(c.to_dict())
                              for i, c in enumerate(found[at : at + 500], at)))
        out.write("\n]\n" if found else "[]\n")
        return
    for c in found:
        mark = "*" if c.checkworthy else " "
        flags = f" [{', '.join(c.flags)}]" if c.flags else ""
        typer.echo(f"{mark} {c.start:>6}-{c.end:<6} {c.score:.2f} {c.kind:<11} "
                   f"{c.speaker or '-'}{flags}\n    {c.text}")


@app.command("eval-checkworthy")
def eval_checkworthy(
    tsv: Annotated[Path | None, typer.Argument(help="A CheckThat!-format TSV file.")] = None,
    as_json: JsonOpt = False,
    threshold: Annotated[float | None, typer.Option(min=0.0, max=1.0)] = None,
    desk: Annotated[bool, typer.Option("--desk", help="Score on the desk's decisions.")] = False,
) -> None:
    """Score a labelled TSV (or, with --desk, the desk's accepts and dismissals)."""
    from workbench import claims, desklabels

    if desk:
        with open_session() as session:
            found = desklabels.desk_scores(session=session, threshold=threshold)
        if as_json:
            print_json(found.to_dict())
        elif not found.accepted + found.dismissed:
            typer.echo("The desk has accepted or dismissed no claim yet.")
        else:
            typer.echo(f"precision {found.precision:.3f}  recall {found.recall:.3f}  "
                       f"({found.accepted} accepted, {found.dismissed} dismissed in "
                       f"{found.articles} articles, threshold {found.threshold:.3f})")
        return
    if tsv is None:
        raise InputError("Give a TSV file to score, or --desk for the desk's decisions.")
    scores = claims.evaluate(tsv, threshold=threshold)
    data = scores.to_dict() if hasattr(scores, "to_dict") else vars(scores)
    if as_json:
        print_json(data)
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
    accept: Annotated[bool, typer.Option(
        "--accept", help="Also accept every proposed claim (or those named by --keep).")] = False,
    keep: Annotated[list[str] | None, typer.Option(
        "--keep", help="START-END of a proposed claim to accept (repeat it); implies --accept."
    )] = None,
    as_json: JsonOpt = False,
) -> None:
    """Store an article and its candidate claims (and accept them, with --accept)."""
    from workbench import accounts, claims, db, intake, similar, sources
    from workbench.config import load_settings

    settings = load_settings()
    if path_or_url.startswith(("http://", "https://")):
        with http_client() as client:
            text, meta = sources.fetch_article(client=client, url=path_or_url)
    else:
        text, page = read_text_arg(path_or_url, settings)
        meta = claims.document_meta(page) if page else {}
    capped = intake.cap_candidates(
        claims.candidates(text, threshold=settings.checkworthy_threshold),
        limit=settings.max_candidates_per_article)
    candidates = capped.kept
    spans = [_span(k) for k in keep or []]
    if (accept or spans) and not user:
        raise InputError("Say who accepts the claims (--user).")
    fields = dict(title=title or meta.get("title") or "",
                  outlet=outlet or meta.get("site_name") or "",
                  byline=byline or meta.get("author") or "", url=meta.get("url"))
    accepted: list[int] = []
    with engine_for(settings) as engine, db.session_scope(engine, write=True) as session:
        actor = accounts.get_user(session=session, username=user) if user else None
        if accept or spans:
            assert actor is not None
            stored = claims.ingest_and_accept(session=session, actor=actor, text=text,
                                              keep=spans or None, candidates=candidates,
                                              **fields)
            result, accepted = stored.result, [c.id for c in stored.accepted]  # type: ignore[misc]
        else:
            result = claims.ingest(session=session, actor=actor, text=text,
                                   candidates=candidates, **fields)
        found = similar.link_article(session=session, actor=actor,
                                     article_id=result.article.id,  # type: ignore[arg-type]
                                     lv=similar.levels(settings)) if result.created else {}
    before = {k: similar.checked_before(v) for k, v in found.items() if similar.checked_before(v)}
    differ = [k for k, v in found.items() if k not in before]
    if as_json:
        print_json({"article_id": result.article.id, "key": result.article.key,
                     "created": result.created, "claims": [c.id for c in result.claims],
                     "proposed": capped.found, "kept": len(capped.kept), "accepted": accepted,
                     "checked_before": {str(k): [m.to_dict() for m in v]
                                        for k, v in before.items()},
                     "differs_from_stored": differ})
    elif result.created:
        typer.echo(f"Article {result.article.id} ({result.article.key}) stored with "
                   f"{len(result.claims)} candidate claim(s)"
                   + (f"; {len(accepted)} accepted" if accept or spans else "")
                   + f"; {len(before)} of them were checked before, {len(differ)} repeat a "
                   "stored claim with another figure, date, name or negation "
                   "(workbench claims similar ID).")
        if capped.dropped:
            typer.echo(capped.note())
    else:
        typer.echo(f"Article {result.article.id} ({result.article.key}) was already stored; "
                   "nothing added.")


def _span(text: str) -> tuple[int, int]:
    start, sep, end = text.partition("-")
    if not (sep and start.strip().isdigit() and end.strip().isdigit()):
        raise InputError(f"{text!r} is not a span; write START-END, e.g. 120-245.")
    return int(start), int(end)


StatusesOpt = Annotated[list[str] | None, typer.Option("--status", help="Repeatable.")]
KindsOpt = Annotated[list[str] | None, typer.Option("--kind", help="Repeatable.")]
VerdictsOpt = Annotated[list[str] | None, typer.Option("--verdict", help="Repeatable.")]


def _filter(status: list[str] | None, kind: list[str] | None,
            verdict: list[str] | None) -> queue.ClaimFilter:
    from workbench import claims, queue

    return queue.ClaimFilter(statuses=[str(claims.parse_status(s)) for s in status or []],
                             kinds=kind or [], verdicts=verdict or [])


def _stream_out(out: Path, chunks_for: Any, flt: queue.ClaimFilter) -> None:
    """Write a streamed export to ``out`` (through a temporary file, so a failed export
    leaves no half-written file)."""
    check_out(out)
    tmp = out.with_name(out.name + ".part")
    size = 0
    try:
        with open_session() as session, tmp.open("wb") as f:
            for chunk in chunks_for(session=session, flt=flt):
                f.write(chunk)
                size += len(chunk)
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
    typer.echo(f"Wrote {out} ({size:,} bytes).")


@export_app.command("csv")
def export_csv(out: Annotated[Path, typer.Option("--out", "-o")], status: StatusesOpt = None,
               kind: KindsOpt = None, verdict: VerdictsOpt = None) -> None:
    """Write the claims as CSV (one row per claim), streamed from the database."""
    from workbench import export

    _stream_out(out, export.claims_csv_chunks, _filter(status, kind, verdict))


@export_app.command("evidence")
def export_evidence(out: Annotated[Path, typer.Option("--out", "-o")],
                    status: StatusesOpt = None, kind: KindsOpt = None,
                    verdict: VerdictsOpt = None) -> None:
    """Write the evidence as CSV (one row per claim-source link)."""
    from workbench import export

    _stream_out(out, export.evidence_csv_chunks, _filter(status, kind, verdict))


@export_app.command("claimreview")
def export_claimreview(out: Annotated[Path, typer.Option("--out", "-o")]) -> None:
    """Write ClaimReview JSON-LD for signed-off claims."""
    from workbench import export
    from workbench.config import load_settings

    check_out(out)
    with open_session() as session:
        data = export.claimreview_json(session=session, settings=load_settings())
    write_file(out, data)


@casefiles_app.command("import")
def casefiles_import(directory: Path, user: UserOpt = "") -> None:
    """Load case files (idempotent: twice adds nothing)."""
    from workbench import accounts, casefiles

    with open_session(write=True) as session:
        actor = accounts.get_user(session=session, username=user) if user else None
        report = casefiles.import_dir(session=session, root=directory, actor=actor)
    typer.echo(report.summary())


@casefiles_app.command("export")
def casefiles_export(directory: Path) -> None:
    """Write the desk's work back to case files."""
    from workbench import casefiles

    with open_session() as session:
        written = casefiles.export_dir(session=session, root=directory)
    typer.echo(f"Wrote {len(written)} case file(s) under {directory}.")


@app.command()
def serve(port: Annotated[int, typer.Option()] = 8501,
          address: Annotated[str, typer.Option()] = "localhost") -> None:
    """Start the dashboard."""

    app_file = Path(__file__).resolve().parent.parent / "ui" / "app.py"
    cmd = [sys.executable, "-m", "streamlit", "run", str(app_file),
           "--server.port", str(port), "--server.address", address]
    code = subprocess.call(cmd)  # noqa: S603 - fixed arguments
    raise typer.Exit(128 - code if code < 0 else code)  # killed by signal N: 128 + N
