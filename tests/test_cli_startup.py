"""The command line starts fast: the help lists every command from a table without loading
the modules behind them, a command loads only what it uses, and a command line that cannot
be parsed is refused in one sentence."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from workbench.cli import base, commands

HEAVY = ("sqlalchemy", "sqlmodel", "pandas", "numpy", "httpx", "streamlit")

#: Run the command line in a fresh interpreter, then list the modules it imported.
PROBE = """
import sys
from workbench.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
sys.stdout.flush()
print("\\n".join(sorted(sys.modules)), file=sys.stderr)
"""


def _probe(tmp_path: Path, *args: str) -> tuple[str, set[str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WORKBENCH_")}
    env.update(WORKBENCH_DATABASE_URL=f"sqlite:///{tmp_path / 'w.db'}",
               WORKBENCH_SECRETS_FILE=str(tmp_path / "none.toml"), COLUMNS="200")
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    modules = set(proc.stderr.split())
    return proc.stdout, {m.split(".")[0] for m in modules} | modules


def test_help_lists_every_command_and_loads_none_of_them(tmp_path):
    out, loaded = _probe(tmp_path, "--help")
    for name, entry in commands.COMMANDS.items():
        assert f" {name} " in out and entry.help[:40] in out, name
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))
    assert not {m for m in loaded if m.startswith("workbench.cli.")} - {
        "workbench.cli.base", "workbench.cli.commands"}


@pytest.mark.parametrize(("group", "command"), [
    ("users", "bootstrap"), ("sources", "check"), ("export", "claimreview"),
    ("casefiles", "import"), ("audit", "verify"), ("model", "retrain"), ("factchecks", "search"),
])
def test_a_group_help_loads_no_database_layer(tmp_path, group, command):
    """(The `claims` group is the exception: its moves are read from the workflow table.)"""
    out, loaded = _probe(tmp_path, group, "--help")
    assert f" {command} " in out
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_extract_loads_neither_the_database_nor_the_http_client(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Colombia seized 960 metric tons of cocaine in 2025, the most ever recorded, the "
        "defense ministry said on Tuesday.\n", encoding="utf-8")
    out, loaded = _probe(tmp_path, "extract", "a.txt", "--json")
    assert '"kind": "statistic"' in out
    assert "numpy" in loaded  # the model ran
    assert not loaded & {"sqlalchemy", "sqlmodel", "httpx", "pandas", "streamlit"}


def _defined() -> dict[str, tuple[str, set[str]]]:
    """What the modules define: top-level name -> (help, the modules adding to it)."""
    commands.load(*{m for entry in commands.COMMANDS.values() for m in entry.modules})
    found: dict[str, tuple[str, set[str]]] = {}
    for info in base.app.registered_commands:
        name = info.name or info.callback.__name__.replace("_", "-")  # type: ignore[union-attr]
        found[name] = ((info.callback.__doc__ or "").strip(),  # type: ignore[union-attr]
                       {info.callback.__module__})  # type: ignore[union-attr]
    for group in base.app.registered_groups:
        sub = group.typer_instance
        assert group.name is not None and sub is not None
        found[group.name] = (str(sub.info.help),
                             {c.callback.__module__ for c in sub.registered_commands})  # type: ignore[union-attr]
    return found


def test_the_table_holds_every_command_its_help_and_its_modules():
    defined = _defined()
    assert set(defined) == set(commands.COMMANDS)
    for name, (help_text, modules) in defined.items():
        entry = commands.COMMANDS[name]
        assert help_text.split("\n\n")[0].replace("\n", " ") == entry.help, name
        assert {m.rsplit(".", 1)[-1] for m in modules} <= set(entry.modules), name


def test_the_table_lists_the_commands_in_the_root_help():
    group = typer.main.get_command(base.app)
    assert group.list_commands(None) == list(commands.COMMANDS)  # type: ignore[attr-defined,arg-type]
    assert group.get_command(None, "no-such") is None  # type: ignore[attr-defined,arg-type]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("users", "add", "--role", "editor"), "Missing argument 'name'"),
        (("users", "add", "bob", "--rol", "editor"), "No such option: --rol"),
        (("nosuch",), "No such command 'nosuch'"),
        (("claims", "list", "--limit", "0"), "Invalid value for '--limit'"),
        (("extract", "a.txt", "--threshold", "3"), "Invalid value for '--threshold'"),
    ],
    ids=["missing-argument", "unknown-option", "unknown-command", "bad-number", "out-of-range"],
)
def test_a_usage_error_is_one_sentence_with_exit_code_2(tmp_path, args, message):
    env = {k: v for k, v in os.environ.items() if not k.startswith("WORKBENCH_")}
    env["WORKBENCH_DATABASE_URL"] = f"sqlite:///{tmp_path / 'w.db'}"
    proc = subprocess.run([sys.executable, "-m", "workbench", *args], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith(f"Error: {message}") and lines[0].endswith("--help`."), lines[0]
    assert proc.stdout == ""


def test_a_database_without_tables_is_one_sentence(tmp_path):
    """SQLAlchemy is no longer imported up front; its errors still become one sentence."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("WORKBENCH_")}
    env.update(WORKBENCH_DATABASE_URL=f"sqlite:///{tmp_path / 'empty.db'}",
               WORKBENCH_SECRETS_FILE=str(tmp_path / "none.toml"))
    proc = subprocess.run([sys.executable, "-m", "workbench", "users", "list"], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.strip() == ("Error: the database has no tables yet; run `workbench "
                                   "init` first.")
