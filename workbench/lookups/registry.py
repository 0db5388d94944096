"""The registry of lookups: every lookup is found the same way, built-in or not.

A lookup module declares ``LOOKUPS = (Lookup(...), ...)`` and nothing else is needed:
the modules of this package are discovered by name, and other packages add theirs through
the ``workbench.lookups`` entry-point group (pointing at a module with ``LOOKUPS``, or at
a ``Lookup``). Adding a lookup therefore touches one file. The CLI and the dashboard list
``all_lookups()`` to offer them, and run one by name with a client and a query.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Any, Literal

from workbench.errors import InputError

if TYPE_CHECKING:
    from workbench.lookups.client import GuardedClient

ENTRY_POINT_GROUP = "workbench.lookups"


@dataclass(frozen=True)
class Lookup:
    """One lookup a user can run: a name, what it takes, and the function that runs it.

    ``run(client, query)`` takes a URL or a search text (``takes``) and returns the
    lookup's dataclass (or a list of them). ``needs_setting`` names a setting without
    which the lookup cannot work (an API key), so a screen can say so before running it.
    """

    name: str
    label: str
    takes: Literal["url", "text"]
    run: Callable[[GuardedClient, str], Any]
    description: str = ""
    needs_setting: str | None = None


def _collect(found: dict[str, Lookup], items: Iterable[Any], origin: str) -> None:
    for item in items:
        if not isinstance(item, Lookup):
            continue
        if item.name in found:
            raise InputError(f"Two lookups are called {item.name!r} (the second from {origin}).")
        found[item.name] = item


@functools.cache
def all_lookups() -> dict[str, Lookup]:
    """Every registered lookup by name: this package's modules, then entry points.

    Discovered once, on first use (never at import time); the result is shared, so do not
    change it.
    """
    import workbench.lookups as package

    found: dict[str, Lookup] = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        _collect(found, getattr(module, "LOOKUPS", ()), module.__name__)
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        loaded = entry.load()
        if isinstance(loaded, Lookup):
            loaded = (loaded,)
        _collect(found, getattr(loaded, "LOOKUPS", loaded), entry.value)
    return found


def get_lookup(name: str) -> Lookup:
    """The lookup called ``name``, or an error listing the ones there are."""
    lookups = all_lookups()
    try:
        return lookups[name]
    except KeyError:
        known = ", ".join(sorted(lookups))
        raise InputError(f"There is no lookup called {name!r}; there are: {known}.") from None
