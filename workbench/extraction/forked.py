"""Parts of one long extraction run side by side in forked processes.

A forked process starts with a copy of this one, so a part needs nothing sent to it: it
reads what the article-wide passes have already built. Only the parts' numbers travel
there and their results back (pickled), each process on a pipe of its own: when a process
dies, even in the middle of sending a result, its pipe ends and what it had not sent is
done here. (A pool's one shared result pipe cannot tell that: a process stopped half-way
through a result leaves the reader waiting for the rest for ever.) Where the operating
system cannot fork, the parts run one after the other here, with the same results.

Fork only from a program with one thread (the command line): a thread holding a lock at
the moment of the fork would leave the copy waiting for it forever.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any


def can_fork() -> bool:
    return hasattr(os, "fork")


def run(parts: Sequence[Callable[[], Any]], processes: int = 2) -> list[Any]:
    """Each part's result, in order. The first part runs here; the others are handed out
    one at a time to ``processes - 1`` forked processes, each sending a part's result back
    as soon as it is done (so small parts keep a process's memory small) and taking the
    next. With one process, or where the system cannot fork, the parts run one after the
    other here; so do the parts left undone when the system refuses a fork (or the pipe or
    thread it needs), a part raises, a result cannot be read or a forked process dies
    (killed for memory, say), and no more are handed out then. A part's own error is raised
    here, when it runs again here. On an error or Ctrl-C here the forked processes are
    stopped; they also stop if this process dies. A Ctrl-C while processes start or stop is
    raised once they have, so that none is left behind."""
    if processes < 2 or len(parts) < 2 or not can_fork():
        return [part() for part in parts]
    import multiprocessing  # here: a short article never needs it, nor its import time

    context = multiprocessing.get_context("fork")
    workers: list[tuple[Any, Any]] = []
    collector = None
    with _Gate() as gate:  # Ctrl-C only while the gate is open
        try:
            try:
                _start_all(context, parts, min(processes - 1, len(parts) - 1), workers)
                collector = _Collector.start_for([pipe for _, pipe in workers], len(parts))
                gate.open()  # a Ctrl-C that came meanwhile is raised here
                first = parts[0]()
                if collector is not None:
                    # waited on rather than the thread: a Ctrl-C in Thread.join can leave
                    # the thread marked as ended while it runs (Python 3.11)
                    collector.over.wait()
            finally:
                gate.close()
        finally:
            _end(workers, collector)
    results = {0: first, **(collector.results if collector is not None else {})}
    return [results[i] if i in results else part() for i, part in enumerate(parts)]


def _start_all(context: Any, parts: Sequence[Callable[[], Any]], count: int,
               workers: list[tuple[Any, Any]]) -> None:
    """Up to ``count`` forked processes, added to ``workers`` as they start (so that they
    are stopped whatever happens next); fewer if the system refuses one."""
    held = _hold_interrupts()  # a copy starts with no Ctrl-C pending
    try:
        for _ in range(count):
            worker = _start(context, parts, [pipe for _, pipe in workers])
            if worker is None:  # the system refused: what is left is done here
                return
            workers.append(worker)
    finally:
        _release_interrupts(held)


class _Gate:
    """Where Ctrl-C may stop this thread. While the gate is closed a Ctrl-C is only noted;
    opening the gate raises it, and so does leaving the ``with`` block (once the previous
    handler is back) if it came while the gate was closed and nothing else is being raised.
    The handler delivers at most once and closes the gate as it does, so that a ``finally``
    after an open stretch always runs whole. Only the main thread takes Ctrl-C: elsewhere
    (or where a handler was set outside Python) the gate does nothing."""

    def __init__(self) -> None:
        self.active = (threading.current_thread() is threading.main_thread()
                       and signal.getsignal(signal.SIGINT) is not None)
        self.is_open = False
        self.came = False
        self.previous: Any = None

    def __enter__(self) -> _Gate:
        if self.active:
            self.previous = signal.signal(signal.SIGINT, self._interrupt)
        return self

    def _interrupt(self, number: int, frame: Any) -> None:
        if self.is_open:
            self.is_open = False
            self._deliver(frame)
        else:
            self.came = True

    def open(self) -> None:
        self.is_open = True
        if self.came:
            self.came = False
            self.is_open = False
            self._deliver(None)

    def _deliver(self, frame: Any) -> None:
        """The Ctrl-C, to the handler it was meant for (Python's raises KeyboardInterrupt;
        a program's own may do more, or nothing the second time)."""
        if callable(self.previous):
            self.previous(signal.SIGINT, frame)
        elif self.previous == signal.SIG_DFL:
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            signal.raise_signal(signal.SIGINT)

    def close(self) -> None:
        self.is_open = False

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if not self.active:
            return
        signal.signal(signal.SIGINT, self.previous)  # (after a SIG_DFL delivery, not reached)
        if self.came and kind is None:
            signal.raise_signal(signal.SIGINT)  # to the handler it was meant for


def _end(workers: list[tuple[Any, Any]], collector: _Collector | None) -> None:
    """Stop (unless every part handed out is back) and wait for the forked processes, and
    close their pipes."""
    if collector is None or not collector.complete:  # an error, Ctrl-C, a broken collector
        for process, _ in workers:
            process.kill()
    if collector is not None:
        collector.over.wait()  # done, or every pipe has ended with its process
        collector.join()
    for process, pipe in workers:
        pipe.close()  # a process still waiting for a part reads the end of its pipe
        process.join()
        process.close()  # its descriptors now, not when it is collected as garbage


def _start(context: Any, parts: Sequence[Callable[[], Any]], others: list[Any]
           ) -> tuple[Any, Any] | None:
    """A forked process that runs the parts it is given, with this end of its pipe; None
    if the system refuses the fork. ``others`` are this end of the pipes of the processes
    started before, which the copy closes with its own: each pipe end is then held by one
    process only, so that either side sees the pipe end when the other closes it."""
    try:
        here, there = context.Pipe()
    except OSError:  # no descriptors left: refused like a fork
        return None
    process = context.Process(target=_work, args=(parts, there, [here, *others], os.getpid()),
                              daemon=True)
    try:
        process.start()
    except OSError:
        here.close()
        return None
    finally:
        there.close()  # the copy's end is the copy's alone: its death ends the pipe here
    return process, here


def _work(parts: Sequence[Callable[[], Any]], pipe: Any, parents_ends: list[Any],
          parent: int) -> None:
    """In a forked process: run each part whose number comes, send back its result, until
    told to stop (None) or the pipe ends. A part that raises ends the process quietly:
    the part runs again in the parent, which raises the error there."""
    _follow_parent(parent)
    for end in parents_ends:
        end.close()
    try:
        while (index := pipe.recv()) is not None:
            pipe.send((index, parts[index]()))
    except BaseException:  # noqa: BLE001 - the parent reruns the part and reports it
        return


class _Collector(threading.Thread):
    """In a thread of the parent: hand parts 1 to ``count - 1`` out to the processes at
    the other end of ``pipes``, one at a time, and gather their ``results``. When a process
    dies or sends what cannot be read, no more parts are handed out: what is left is done
    in the parent. ``complete`` once every part handed out is back or given up; ``over``
    is set when the thread is done, whatever happened."""

    def __init__(self, pipes: list[Any], count: int) -> None:
        super().__init__(daemon=True)
        self.pipes = pipes
        self.count = count
        self.results: dict[int, Any] = {}
        self.complete = False
        self.over = threading.Event()

    @classmethod
    def start_for(cls, pipes: list[Any], count: int) -> _Collector | None:
        """A started collector; None without processes, or if no thread is to be had (the
        processes are then stopped at the end, and the parts done here)."""
        if not pipes:
            return None
        collector = cls(pipes, count)
        try:
            collector.start()
        except RuntimeError:
            return None
        return collector

    def run(self) -> None:
        try:
            self._hand_out()
            self.complete = True
        finally:
            self.over.set()

    def _hand_out(self) -> None:
        from multiprocessing.connection import wait

        upcoming: Iterator[int] = iter(range(1, self.count))
        given: dict[Any, int] = {}

        def give(pipe: Any) -> None:
            nonlocal upcoming
            index = next(upcoming, None)
            try:
                pipe.send(index)  # None: nothing more to do
            except OSError:  # it has died; the part is done in the parent
                upcoming = iter(())
                return
            if index is not None:
                given[pipe] = index

        for pipe in self.pipes:
            give(pipe)
        while given:
            for pipe in wait(list(given)):
                del given[pipe]
                try:
                    index, result = pipe.recv()
                except Exception:  # noqa: BLE001 - it died, perhaps half-way through a result
                    upcoming = iter(())
                    continue
                self.results[index] = result
                give(pipe)


def _hold_interrupts() -> Any:
    if hasattr(signal, "pthread_sigmask"):
        return signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    return None


def _release_interrupts(held: Any) -> None:
    if held is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _follow_parent(parent: int) -> None:
    """In a forked process: leave Ctrl-C to the parent (which stops this process), and
    end when the parent ends, however it ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl-C held back since the fork is dropped
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    try:  # Linux: the kernel sends SIGKILL here when the parent dies
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (ImportError, OSError, AttributeError):
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # it died before the line above took effect
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


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
