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
import signal
import threading
import time
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
    here, and so do the parts left undone when the system refuses a fork or a forked
    process dies (killed for memory, say). An exception raised by a part is raised here,
    and the forked processes are stopped; they also stop if this process dies."""
    if processes < 2 or len(parts) < 2 or not can_fork():
        return [part() for part in parts]
    import multiprocessing  # here: a short article never needs them, nor their import time
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    keys = [next(_KEYS) for _ in parts[1:]]
    _PARTS.update(zip(keys, parts[1:], strict=True))
    results: dict[int, Any] = {}
    pool = None
    finished = False
    try:
        # With fork, the executor starts every process at the first submit, before its
        # own manager thread: each is a copy of this process holding the parts.
        pool = ProcessPoolExecutor(min(processes - 1, len(keys)),
                                   mp_context=multiprocessing.get_context("fork"),
                                   initializer=_follow_parent, initargs=(os.getpid(),))
        futures = [pool.submit(_run_part, key) for key in keys]
        results[0] = parts[0]()
        for i, future in enumerate(futures, 1):
            try:
                results[i] = future.result()
            except BrokenProcessPool:  # its process died: the part is done here below
                pass
        finished = True
    except (BrokenProcessPool, OSError):  # a fork refused: what is left is done here
        finished = True
    finally:
        if pool is not None:
            if not finished:  # an error or Ctrl-C: stop the parts that are running
                _stop(pool)
            pool.shutdown(cancel_futures=True)
        for key in keys:
            _PARTS.pop(key, None)
    # A part's own error comes back when it runs here.
    return [results[i] if i in results else part() for i, part in enumerate(parts)]


def _run_part(key: int) -> Any:
    return _PARTS[key]()


def _follow_parent(parent: int) -> None:
    """In a forked process: leave Ctrl-C to the parent (which stops this process), and
    end when the parent ends, however it ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:  # Linux: the kernel sends SIGKILL here when the parent dies
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # it died before the line above took effect
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _stop(pool: Any) -> None:
    """End a pool's processes at once. (The executor's processes are not public before
    Python 3.14, which adds ``terminate_workers``.)"""
    for process in list(getattr(pool, "_processes", {}).values()):
        process.terminate()


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
