"""What every command shares: the root app, options, and the lifetimes a command owns
(settings, engine, session, HTTP client), each opened and closed within one command.

Nothing heavy is imported here or at the top of a command module: the services, the
database layer and the HTTP client are imported inside the functions that use them, so
`workbench --help` and a group's help start fast (see commands.py)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from workbench.cli.commands import COMMANDS, LazyGroup
from workbench.errors import InputError

if TYPE_CHECKING:
    from sqlmodel import Session

    from workbench.config import Settings
    from workbench.extraction import Document

app = typer.Typer(cls=LazyGroup, no_args_is_help=True, add_completion=False,
                  help="Claim workbench: propose, research, verify and sign off claims.")


@app.callback()
def _root() -> None:
    # a callback keeps the root a group while no command module is loaded yet
    pass

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for programs.")]
UserOpt = Annotated[str, typer.Option("--user", "-u", help="Who is acting (user name).")]
ExpectOpt = Annotated[int | None, typer.Option(
    "--expect-version", min=1,
    help="The version you saw (claims show); refused if someone changed the claim since.")]


def sub_app(name: str) -> typer.Typer:
    """A command group; its help is the one the table lists."""
    sub = typer.Typer(no_args_is_help=True, help=COMMANDS[name].help)
    app.add_typer(sub, name=name)
    return sub


@contextmanager
def engine_for(settings: Settings | None = None) -> Iterator[Any]:
    from workbench import db
    from workbench.config import load_settings

    engine = db.make_engine(settings or load_settings())
    try:
        yield engine
    finally:
        engine.dispose()


@contextmanager
def open_session(*, write: bool = False) -> Iterator[Session]:
    from workbench import db

    with engine_for() as engine, db.session_scope(engine, write=write) as session:
        yield session


@contextmanager
def http_client() -> Iterator[Any]:
    from workbench import sources
    from workbench.config import load_settings

    with sources.open_client(load_settings()) as client:
        yield client


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def read_text_arg(path: str, settings: Settings) -> tuple[str, Document | None]:
    """Read an article from a file path or '-' (stdin), decoding it like an upload: the
    text, and the web page it was read from (None for plain text)."""
    from workbench.extraction import read_upload

    if path == "-":
        data = sys.stdin.buffer.read(settings.max_article_bytes + 1)
        return read_upload(data, filename="stdin.txt", max_bytes=settings.max_article_bytes)
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{path} is not a file.")
    if p.stat().st_size > settings.max_article_bytes:
        raise InputError(f"{path} is larger than {settings.max_article_bytes:,} bytes.")
    return read_upload(p.read_bytes(), filename=p.name, max_bytes=settings.max_article_bytes)


def check_out(out: Path) -> None:
    if not out.parent.is_dir():
        raise InputError(f"The folder {out.parent} does not exist.")
    if out.is_dir():
        raise InputError(f"{out} is a folder; give a file name.")


def write_file(out: Path, data: bytes) -> None:
    tmp = out.with_name(out.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(out)
    typer.echo(f"Wrote {out} ({len(data):,} bytes).")


def read_password(password_stdin: bool) -> str:
    if password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return typer.prompt("Password", hide_input=True, confirmation_prompt=True)

