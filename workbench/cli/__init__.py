"""The command line: a thin layer over the services (``python -m workbench`` or ``workbench``).

Each command parses its arguments, opens what it needs for its own lifetime (settings,
engine, HTTP client) and calls one service function. Errors print one sentence to stderr
and exit with a non-zero code (2 for a command line that cannot be parsed); a failed write
leaves the database as it was. The modules that define the commands are imported only
when a command needs them (see commands.py), so the help starts fast.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys

import typer

from workbench.cli.base import app
from workbench.errors import WorkbenchError

__all__ = ["app", "main"]


def _database_sentence(exc: BaseException) -> str | None:
    """One sentence for a database failure the services did not translate (None for any
    other exception). SQLAlchemy is only looked at when a command has loaded it."""
    sa_exc = sys.modules.get("sqlalchemy.exc")
    if sa_exc is None or not isinstance(exc, sa_exc.DBAPIError):
        return None
    # the driver's first line, never the statement's parameters
    text = str(exc.orig) if getattr(exc, "orig", None) else type(exc).__name__
    if "no such table" in text or "does not exist" in text:
        return "the database has no tables yet; run `workbench init` first."
    return f"the database refused the operation: {text.splitlines()[0]}"


def _usage_sentence(exc: typer.TyperException) -> str:
    """A command line that cannot be parsed, in one line: what is wrong and where to look."""
    what = exc.format_message().strip().rstrip(".")
    ctx = getattr(exc, "ctx", None)
    path = ctx.command_path if ctx is not None else "workbench"
    return f"{what}; see `{path} --help`."


def main(argv: list[str] | None = None) -> None:
    """Run the CLI, turning every expected error into one sentence on stderr."""
    # psycopg logs a warning of its own when it closes a pipeline after a refused write;
    # the sentence below already says what was refused.
    logging.getLogger("psycopg").addHandler(logging.NullHandler())
    if argv is None:  # the command line itself, not a caller passing its own arguments
        _one_interrupt()
    try:
        # Outside standalone mode Typer returns, rather than raises, the code of a
        # command's typer.Exit, and 130 for Ctrl-C: both must reach the shell.
        code = app(args=argv, standalone_mode=False)
    except WorkbenchError as exc:
        typer.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    except typer.Abort:
        typer.echo("Aborted.", err=True)
        sys.exit(1)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.TyperException as exc:  # what the command-line parser refuses
        if type(exc).__name__ == "NoArgsIsHelpError":  # the help is printed already
            sys.exit(exc.exit_code)
        if exc.exit_code == 2:
            typer.echo(f"Error: {_usage_sentence(exc)}", err=True)
        else:
            typer.echo(f"Error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except Exception as exc:
        sentence = _database_sentence(exc)
        if sentence is None:
            raise
        typer.echo(f"Error: {sentence}", err=True)
        sys.exit(1)
    if argv is None:  # done: a Ctrl-C while the interpreter shuts down changes nothing
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    if isinstance(code, int) and code:
        if code == INTERRUPTED:
            typer.echo("Interrupted.", err=True)
            if argv is None:
                # Leave now: a Ctrl-C that came while a module was being imported can make
                # Python end the process by SIGINT after all, once it has shut down.
                for stream in (sys.stdout, sys.stderr):
                    with contextlib.suppress(OSError, ValueError):  # a closed pipe
                        stream.flush()
                os._exit(INTERRUPTED)
        sys.exit(code)


INTERRUPTED = 130  # the shell's code for a program stopped by Ctrl-C


def _one_interrupt() -> None:
    """Ctrl-C stops the command once: a second one while it stops (its forked readers, the
    interpreter's own shutdown) is ignored, so that it still ends with "Interrupted." and
    code 130 rather than a traceback. A Ctrl-C the shell has told us to ignore stays so."""
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _interrupted)


_stopping: list[bool] = []


def _interrupted(number: int, frame: object) -> None:
    if not _stopping:
        _stopping.append(True)
        raise KeyboardInterrupt
