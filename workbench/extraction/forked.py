"""Parts of one long extraction run side by side in forked processes.

A forked process starts with a copy of this one, so a part needs nothing sent to it: it
reads what the article-wide passes have already built. Only the parts' results travel back
(pickled). Where the operating system cannot fork, the parts run one after the other here,
with the same results.

Fork only from a program with one thread (the command line): a thread holding a lock at
the moment of the fork would leave the copy waiting for it forever.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Sequence
from typing import Any

_PARTS: dict[int, Callable[[], Any]] = {}
_KEYS = itertools.count()


def can_fork() -> bool:
    return hasattr(os, "fork")


def run(parts: Sequence[Callable[[], Any]], processes: int = 2) -> list[Any]:
    """Each part's result, in order. The first part runs here; the others are shared out
    among ``processes - 1`` forked processes at the same time, each sending a part's
    result back as soon as it is done (so small parts keep a process's memory small).
    With one process, or where the system cannot fork, the parts run one after the other
    here, and so they do if the system refuses a fork or a forked process dies (killed
    for memory, say). An exception raised by a part is raised here."""
    if processes < 2 or len(parts) < 2 or not can_fork():
        return [part() for part in parts]
    import multiprocessing  # here: a short article never needs them, nor their import time
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    keys = [next(_KEYS) for _ in parts[1:]]
    _PARTS.update(zip(keys, parts[1:], strict=True))
    pool = None
    try:
        # With fork, the executor starts every process at the first submit, before its
        # own manager thread: each is a copy of this process holding the parts.
        pool = ProcessPoolExecutor(min(processes - 1, len(keys)),
                                   mp_context=multiprocessing.get_context("fork"))
        futures = [pool.submit(_run_part, key) for key in keys]
        first = parts[0]()
        results = [first, *(future.result() for future in futures)]
    except (BrokenProcessPool, OSError):  # a fork refused, a process killed
        results = None
    finally:
        if pool is not None:  # on an error or Ctrl-C, the parts not started never start
            pool.shutdown(cancel_futures=True)
        for key in keys:
            _PARTS.pop(key, None)
    # No process to share with: all of it here (an error of a part's own comes back).
    return [part() for part in parts] if results is None else results


def _run_part(key: int) -> Any:
    return _PARTS[key]()


def slices(count: int, processes: int, chunk: int) -> list[range]:
    """``range(count)`` cut for :func:`run`: a first range of a ``processes``-th of the
    count (run here), the rest in ranges of about ``chunk`` (shared out to the others)."""
    if processes < 2:
        return [range(count)]
    here = count // processes
    return [range(here), *chunks(here, count, chunk)]


def chunks(start: int, stop: int, size: int) -> list[range]:
    """``range(start, stop)`` in contiguous ranges of nearly equal length, about ``size``."""
    pieces = max(1, round((stop - start) / size))
    bounds = [start + (stop - start) * i // pieces for i in range(pieces + 1)]
    return [range(bounds[i], bounds[i + 1]) for i in range(pieces)]
