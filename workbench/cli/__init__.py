"""The command line: a thin layer over the services (``python -m workbench`` or ``workbench``).

Each command parses its arguments, opens what it needs for its own lifetime (settings,
engine, HTTP client) and calls one service function. Errors print one sentence to stderr
and exit with a non-zero code; a failed write leaves the database as it was.
"""

from __future__ import annotations

import logging
import sys

import click
import typer
from sqlalchemy.exc import DBAPIError

from workbench.cli import (  # noqa: F401 (commands)
    accounts,
    articles,
    audit,
    bulk,
    matching,
    model,
    research,
    review,
)
from workbench.cli.base import app
from workbench.errors import WorkbenchError

__all__ = ["app", "main"]


def main(argv: list[str] | None = None) -> None:
    """Run the CLI, turning every expected error into one sentence on stderr."""
    # psycopg logs a warning of its own when it closes a pipeline after a refused write;
    # the sentence below already says what was refused.
    logging.getLogger("psycopg").addHandler(logging.NullHandler())
    try:
        app(args=argv, standalone_mode=False)
    except WorkbenchError as exc:
        typer.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    except DBAPIError as exc:  # the driver's first line, never the statement's parameters
        text = str(exc.orig) if getattr(exc, "orig", None) else type(exc).__name__
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
