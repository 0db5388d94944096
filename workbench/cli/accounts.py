"""Accounts: who may sign in, in which role."""

from __future__ import annotations

from typing import Annotated

import typer

from workbench.cli.base import JsonOpt, open_session, print_json, read_password, sub_app

users_app = sub_app("users")


@users_app.command("add")
def users_add(
    name: str,
    role: Annotated[str, typer.Option(help="reviewer, editor or admin")],
    display_name: Annotated[str, typer.Option()] = "",
    password_stdin: Annotated[bool, typer.Option("--password-stdin")] = False,
) -> None:
    """Add an account (password from a prompt or standard input)."""
    from workbench import accounts

    password = read_password(password_stdin)
    with open_session(write=True) as session:
        user = accounts.create_user(session=session, actor=None, username=name, role=role,
                                    password=password, display_name=display_name)
    typer.echo(f"User {user.username} added as {user.role.value}.")


@users_app.command("passwd")
def users_passwd(
    name: str,
    password_stdin: Annotated[bool, typer.Option("--password-stdin")] = False,
) -> None:
    """Set a new password for an account."""
    from workbench import accounts

    password = read_password(password_stdin)
    with open_session(write=True) as session:
        user = accounts.set_password(session=session, actor=None, username=name,
                                     password=password)
    typer.echo(f"Password of {user.username} changed.")


@users_app.command("disable")
def users_disable(name: str) -> None:
    """Disable an account (it can no longer sign in or act)."""
    from workbench import accounts

    with open_session(write=True) as session:
        user = accounts.set_active(session=session, actor=None, username=name, active=False)
    typer.echo(f"{user.username} is disabled.")


@users_app.command("enable")
def users_enable(name: str) -> None:
    """Enable a disabled account, and lift a sign-in lock after failed attempts."""
    from workbench import accounts

    with open_session(write=True) as session:
        user = accounts.set_active(session=session, actor=None, username=name, active=True)
    typer.echo(f"{user.username} is enabled.")


@users_app.command("unlock")
def users_unlock(name: str) -> None:
    """Lift a sign-in lock after failed attempts."""
    from workbench import accounts

    with open_session(write=True) as session:
        user = accounts.unlock(session=session, actor=None, username=name)
    typer.echo(f"The sign-in lock of {user.username} is lifted.")


@users_app.command("link")
def users_link(name: str, identity: str) -> None:
    """Let a single sign-on identity (the provider's `sub`) act as this account; "" unlinks."""
    from workbench import accounts

    with open_session(write=True) as session:
        user = accounts.link_identity(session=session, actor=None, username=name,
                                      identity=identity)
    typer.echo(f"{user.username} is linked to {user.external_id!r}." if user.external_id
               else f"{user.username} has no sign-on identity now.")


@users_app.command("list")
def users_list(as_json: JsonOpt = False) -> None:
    """List accounts."""
    from workbench import accounts

    with open_session() as session:
        users = accounts.list_users(session=session)
    rows = [{"username": u.username, "display_name": u.display_name, "role": u.role.value,
             "active": u.active, "failed_logins": u.failed_logins,
             "locked_until": u.locked_until.isoformat() if accounts.is_locked(u) else None}
            for u in users]
    if as_json:
        print_json(rows)
    for r in rows if not as_json else []:
        locked = f" (locked until {r['locked_until'][:16]} UTC)" if r["locked_until"] else ""
        typer.echo(f"{r['username']:<20} {r['role']:<9} "
                   f"{'' if r['active'] else '(disabled)'}{locked}")


@users_app.command("bootstrap")
def users_bootstrap() -> None:
    """Create `admin` with a random password if there is no admin yet (prints it once)."""
    from workbench import accounts

    with open_session(write=True) as session:
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
