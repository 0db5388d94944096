"""A long article read by several processes gives exactly what one process gives."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.errors import InputError
from workbench.extraction import claims, extract, forked, newsset

NEWS = Path(__file__).resolve().parent / "news"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def news_text() -> str:
    """Every labelled report, one after the other: quotes, captions and datelines of many
    writers, so a cut between processes falls in every kind of place."""
    return "\n\n".join(report.text for report in newsset.read_reports(NEWS))


@pytest.fixture()
def processes(monkeypatch) -> list[int]:
    """The number of processes each run of parts was given."""
    seen: list[int] = []
    real_run = forked.run

    def run(parts, processes=2):
        seen.append(processes)
        return real_run(parts, processes)

    monkeypatch.setattr(forked, "run", run)
    return seen


@pytest.mark.parametrize("include_all", [True, False])
def test_two_and_three_processes_give_what_one_gives(news_text, monkeypatch, processes,
                                                     include_all):
    one = extract(news_text, include_all=include_all)
    assert len(one) > 1_000 and set(processes) == {1}
    # Small parts, so that the cuts fall inside paragraphs and quotes many times over.
    monkeypatch.setattr(claims, "_CHUNK", 97)
    monkeypatch.setattr(claims, "_BATCH", 113)
    monkeypatch.setattr(claims, "PARALLEL_MIN", 1_000)
    for jobs in (2, 3):
        assert extract(news_text, include_all=include_all, jobs=jobs) == one
    assert processes[2:] == [2, 2, 2, 3]  # the scores in one other process at most


def test_a_short_article_stays_in_one_process(processes):
    text = "The council approved a 4% rise in the levy on Tuesday, the mayor said."
    assert extract(text, jobs=4) == extract(text)
    assert processes == [1, 1, 1, 1]


def test_jobs_below_one_are_refused():
    with pytest.raises(InputError, match="at least 1"):
        extract("The levy rose 4%.", jobs=0)


def test_parts_come_back_in_order_and_from_other_processes():
    here = os.getpid()
    found = forked.run([lambda i=i: (i, os.getpid()) for i in range(7)], processes=3)
    assert [i for i, _ in found] == list(range(7))
    assert found[0][1] == here
    assert all(pid != here for _, pid in found[1:])
    assert forked.run([os.getpid, os.getpid], processes=1) == [here, here]


def test_an_error_in_another_process_is_raised_here():
    before = _children()

    def broken() -> None:
        raise InputError("part two broke")

    with pytest.raises(InputError, match="part two broke"):
        forked.run([lambda: 1, broken], processes=2)
    assert _children() == before  # nothing left behind


@given(st.integers(0, 50_000), st.integers(1, 8), st.integers(1, 5_000))
def test_slices_cover_every_index_once_in_order(count, processes, chunk):
    ranges = forked.slices(count, processes, chunk)
    assert [i for r in ranges for i in r] == list(range(count))
    assert len(ranges[0]) == (count // processes if processes > 1 else count)
    rest = [len(r) for r in ranges[1:]]
    assert not rest or max(rest) - min(rest) <= 1


def test_the_command_gives_the_same_output_with_any_number_of_jobs(news_text, tmp_path):
    article = tmp_path / "news.txt"
    article.write_text(news_text * 2, encoding="utf-8")
    outputs = []
    for jobs in ("1", "2", "0"):
        done = subprocess.run(
            [sys.executable, "-m", "workbench", "extract", str(article), "--json", "--all",
             "--jobs", jobs],
            capture_output=True, text=True, cwd=ROOT, check=True,
        )
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    body = [c for c in json.loads(outputs[0]) if c["role"] == "body"]
    assert len(body) > claims.PARALLEL_MIN  # long enough to be shared out


def test_a_process_that_dies_leaves_its_parts_to_this_one():
    before = _children()
    here = os.getpid()
    firsts: list[int] = []

    def part() -> str:
        if os.getpid() != here:
            os._exit(3)  # as if killed for memory
        return "done here"

    def first() -> str:
        firsts.append(os.getpid())
        return "first"

    assert forked.run([first, part, part], processes=2) == ["first", "done here", "done here"]
    assert firsts == [here]  # what was done is not done again
    assert _children() == before


def test_a_process_killed_half_way_through_a_result_leaves_it_to_this_one():
    """The other process dies while it is sending a result (as a kill for memory may
    strike): the half-sent result is done here, not waited for."""
    parent = _python(
        "import os, signal, time\n"
        "from pathlib import Path\n"
        "from workbench.extraction import forked\n"
        "here = os.getpid()\n"
        "def big(i):\n"
        "    return (i, os.getpid(), bytes(8_000_000))\n"
        "def first():\n"
        "    deadline = time.monotonic() + 50\n"
        "    while time.monotonic() < deadline:\n"
        "        for stat in Path('/proc').glob('[0-9]*/stat'):\n"
        "            try:\n"
        "                ppid = int(stat.read_text().rsplit(') ', 1)[-1].split()[1])\n"
        "                wchan = (stat.parent / 'wchan').read_text()\n"
        "            except OSError:\n"
        "                continue\n"
        "            if ppid == here and ('send' in wchan or 'write' in wchan):\n"
        "                os.kill(int(stat.parent.name), signal.SIGKILL)\n"
        "                return 'killed'\n"
        "    return 'never caught sending'\n"
        "found = forked.run([first] + [lambda i=i: big(i) for i in range(1, 30)], 2)\n"
        "print(found[0])\n"
        "assert [r[0] for r in found[1:]] == list(range(1, 30))\n"
        "assert all(len(r[2]) == 8_000_000 for r in found[1:])\n"
        "print(sum(r[1] == here for r in found[1:]) > 0)\n",
    )
    out, err = _output(parent)
    assert out.split() == ["killed", "True"], err


def test_a_result_that_cannot_be_read_here_is_done_here():
    """A part's result that pickles there but cannot be unpickled here (an exception whose
    constructor takes two arguments) is done again here; the run does not wait for ever."""
    parent = _python(
        "from workbench.extraction import forked\n"
        "class Odd(Exception):\n"
        "    def __init__(self, a, b):\n"
        "        super().__init__(a)\n"
        "found = forked.run([lambda: 'first', lambda: Odd(1, 2), lambda: 3, lambda: 4], 3)\n"
        "print(type(found[1]).__name__, found[2:])\n",
    )
    out, err = _output(parent)
    assert out.strip() == "Odd [3, 4]", err


def test_ctrl_c_as_a_process_starts_leaves_nothing_behind():
    """Ctrl-C right after each fork, in a program with a second thread (the command line
    has one, its linear algebra library's): the run stops with KeyboardInterrupt once the
    processes it started have been stopped and waited for."""
    parent = _python(
        "import functools, os, signal, threading, time\n"
        "from pathlib import Path\n"
        "from workbench.extraction import forked\n"
        "threading.Thread(target=time.sleep, args=(600,), daemon=True).start()\n"
        "me = os.getpid()\n"
        "os.register_at_fork(after_in_parent=functools.partial(os.kill, me, signal.SIGINT))\n"
        "def children():\n"
        "    found = []\n"
        "    for stat in Path('/proc').glob('[0-9]*/stat'):\n"
        "        try:\n"
        "            if int(stat.read_text().rsplit(') ', 1)[1].split()[1]) == me:\n"
        "                found.append(stat.parent.name)\n"
        "        except OSError:\n"
        "            pass\n"
        "    return found\n"
        "fds = len(os.listdir('/proc/self/fd'))\n"
        "for _ in range(5):\n"
        "    try:\n"
        "        forked.run([lambda: time.sleep(0.5), lambda: 1, lambda: 2], processes=3)\n"
        "        print('finished')\n"
        "    except KeyboardInterrupt:\n"
        "        print('interrupted', children(), len(os.listdir('/proc/self/fd')) - fds)\n",
    )
    out, err = _output(parent)
    assert out.splitlines() == ["interrupted [] 0"] * 5, err
    assert "Traceback" not in err


@pytest.mark.parametrize("free", [0, 1, 3])
def test_no_descriptors_left_for_a_pipe_leaves_the_parts_to_this_one(free):
    """A long-running program that has used up its file descriptors (its modules loaded)."""
    parent = _python(
        "import multiprocessing.connection, multiprocessing.popen_fork, os\n"
        "from workbench.extraction import forked\n"
        "held = []\n"
        "try:\n"
        "    while True:\n"
        "        held.append(os.open(os.devnull, os.O_RDONLY))\n"
        "except OSError:\n"
        "    pass\n"
        f"for fd in held[len(held) - {free}:] if {free} else []:\n"
        "    os.close(fd)\n"
        "print(forked.run([lambda i=i: (i, os.getpid()) for i in range(5)], 3)"
        " == [(i, os.getpid()) for i in range(5)])\n",
    )
    out, err = _output(parent)
    assert out.strip() == "True", err


def test_an_error_here_stops_the_parts_running_elsewhere(tmp_path):
    started, finished = tmp_path / "started", tmp_path / "finished"

    def slow() -> None:
        started.write_text(str(os.getpid()))
        time.sleep(120)
        finished.write_text("yes")

    def broken() -> None:
        while not started.exists():
            time.sleep(0.01)
        raise InputError("the first part broke")

    with pytest.raises(InputError, match="first part broke"):
        forked.run([broken, slow], processes=2)
    assert not finished.exists()  # stopped, not waited for
    with pytest.raises(ProcessLookupError):
        os.kill(int(started.read_text()), 0)


# Ctrl-C raises KeyboardInterrupt in the program, as it does when a person starts it. A
# shell that runs the test suite as a background job starts it with SIGINT ignored, and a
# child inherits that; Python then installs no handler for it.
_CTRL_C_AS_AT_A_TERMINAL = (
    "import signal\nsignal.signal(signal.SIGINT, signal.default_int_handler)\n"
)


def _python(code: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", _CTRL_C_AS_AT_A_TERMINAL + code], cwd=ROOT,
                            text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


def test_forked_processes_end_when_the_parent_is_killed(tmp_path):
    pid_file = tmp_path / "worker"
    parent = _python(
        "import os, time\n"
        "from pathlib import Path\n"
        "from workbench.extraction import forked\n"
        "def part():\n"
        f"    Path({str(pid_file)!r}).write_text(str(os.getpid()))\n"
        "    time.sleep(120)\n"
        "forked.run([lambda: time.sleep(120), part], processes=2)\n")
    while not pid_file.exists() and parent.poll() is None:
        time.sleep(0.05)
    worker = int(pid_file.read_text())
    parent.kill()  # SIGKILL: no clean-up of its own runs
    parent.communicate(timeout=60)
    for _ in range(200):  # the kernel ends it at once; allow for a slow machine
        if not _alive(worker):
            break
        time.sleep(0.05)
    assert not _alive(worker)


def _children(parent: int | None = None) -> list[int]:
    """The child processes of ``parent`` (this process by default), zombies included (a
    child not waited for)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(") ", 1)[-1].split()
        except OSError:  # it ended while we looked
            continue
        if int(fields[1]) == (parent or os.getpid()):
            found.append(int(stat.parent.name))
    return sorted(found)


def _output(proc: subprocess.Popen) -> tuple[str, str]:
    """What a process printed (stdout, stderr), waited for a minute at most: a process that
    hangs is killed, with what it started, and the test fails."""
    try:
        return proc.communicate(timeout=60)
    finally:
        _end(proc)


def _end(proc: subprocess.Popen) -> None:
    """Kill a process a test gave up waiting for, with what it started."""
    if proc.poll() is None:
        if os.getpgid(proc.pid) == proc.pid:  # a group of its own
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
        proc.wait()


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:  # a zombie is not alive
            return stat.read().split(") ")[-1][:1] != "Z"
    except FileNotFoundError:
        return False


def test_ctrl_c_is_left_to_the_parent(tmp_path):
    """An idle forked process ignores Ctrl-C (no traceback of its own); the parent stops
    it."""
    ready = tmp_path / "ready"
    parent = _python(
        "import time\n"
        "from pathlib import Path\n"
        "from workbench.extraction import forked\n"
        "def here():\n"
        f"    Path({str(ready)!r}).write_text('')\n"
        "    time.sleep(120)\n"
        "try:\n"
        "    forked.run([here, lambda: 1], processes=2)\n"
        "except KeyboardInterrupt:\n"
        "    print('stopped')\n",
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    while not ready.exists() and parent.poll() is None:
        time.sleep(0.05)
    time.sleep(0.3)  # the other process has sent its result and waits for work
    os.killpg(parent.pid, signal.SIGINT)
    out, err = _output(parent)
    assert out.strip() == "stopped"
    assert "Traceback" not in err


def test_a_refused_fork_leaves_the_parts_to_this_one(monkeypatch):
    import multiprocessing.context

    def refuse(self, process_obj):
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(multiprocessing.context.ForkProcess, "_Popen", refuse)
    assert forked.run([lambda: os.getpid()] * 3, processes=3) == [os.getpid()] * 3


@pytest.mark.parametrize("second", [None, 0.001, 0.02, 0.2])
def test_ctrl_c_stops_a_long_extraction_with_code_130(news_text, tmp_path, second):
    """Once or twice (an impatient hand): the second Ctrl-C changes nothing."""
    article = tmp_path / "news.txt"
    article.write_text(news_text * 3, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "workbench", "extract", str(article), "--json", "--all",
         "--jobs", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        start_new_session=True,  # its own group, which a terminal's Ctrl-C signals whole
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        while not _children(proc.pid) and proc.poll() is None:  # into the shared reading
            time.sleep(0.01)
        os.killpg(proc.pid, signal.SIGINT)
        if second is not None:
            time.sleep(second)
            os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        _end(proc)
    assert proc.returncode == 130
    assert "Interrupted." in err and "Traceback" not in err
