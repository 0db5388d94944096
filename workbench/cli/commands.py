"""The table of top-level commands, so the command line starts fast.

`workbench --help` lists every command from this table without importing the modules that
define them (and what those import: the database layer, the extraction model, the HTTP
client). A command's modules are imported when it runs or when its own help is asked for.
A test holds the table to the commands the modules define.
"""

from __future__ import annotations

import importlib
from typing import Any, NamedTuple

from typer.core import TyperCommand, TyperGroup


class Entry(NamedTuple):
    help: str  # the first line of the command's help (for a group: its help)
    modules: tuple[str, ...]  # the modules under workbench.cli that define it or add to it


COMMANDS: dict[str, Entry] = {
    "init": Entry("Create or migrate the database (Alembic upgrade to head).", ("articles",)),
    "copy-database": Entry("Copy every record from SOURCE_URL into the configured database, "
                           "which must be empty.", ("articles",)),
    "extract": Entry("Print candidate claims without touching the database.", ("articles",)),
    "eval-checkworthy": Entry("Score a labelled TSV (or, with --desk, the desk's accepts and "
                              "dismissals).", ("articles",)),
    "ingest": Entry("Store an article and its candidate claims (and accept them, with "
                    "--accept).", ("articles",)),
    "serve": Entry("Start the dashboard.", ("articles",)),
    "permissions": Entry("Print who may take each action on a claim (the README's permission "
                         "matrix).", ("review",)),
    "lookup": Entry("Fetch a page's metadata through the guarded client.", ("research",)),
    "context": Entry("Context on a person, group or designation (Wikipedia and Wikidata).",
                     ("research",)),
    "match": Entry("Print the stored claims each text matches above the suggested level.",
                   ("matching",)),
    "eval-matching": Entry("Precision, recall and F1 of the matcher on labelled pairs "
                           "(suggested level).", ("matching",)),
    "eval-extraction": Entry("Score the whole extraction pipeline on labelled news reports.",
                             ("model",)),
    "users": Entry("Manage accounts.", ("accounts",)),
    "export": Entry("Write exports.", ("articles",)),
    "casefiles": Entry("Sync the claims/ case files.", ("articles",)),
    "audit": Entry("Prove that the history and the sign-offs were not changed.", ("audit",)),
    "claims": Entry("Read claims and move them through review.",
                    ("review", "moves", "bulk", "matching")),
    "sources": Entry("Attach and refresh sources.", ("research", "matching")),
    "factchecks": Entry("Search earlier fact-checks.", ("research",)),
    "model": Entry("The check-worthiness model: retrain with the desk, switch.", ("model",)),
}


def load(*modules: str) -> None:
    """Import command modules (each adds its commands to the root app as it loads)."""
    for module in modules:
        importlib.import_module(f"workbench.cli.{module}")


class LazyGroup(TyperGroup):
    """The root group: lists the table, loads a command's modules only when it is used."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.listing = False  # True while the root help is written: the table suffices

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        if self.listing:
            return TyperCommand(name=cmd_name, help=entry.help)
        if cmd_name not in self.commands:
            import typer.main

            from workbench.cli.base import app

            load(*entry.modules)
            self.commands.update(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
        return self.commands.get(cmd_name)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self.listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self.listing = False
