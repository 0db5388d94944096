"""Benchmark: refresh 200 sources against a local server that answers each after 100 ms.

Prints the wall time against the ideal for the configured concurrency
(200 x 0.1 s / concurrency; the target is at most 1.5x) and the most requests the server
saw at once for each host name, against the per-host limit (it must never be exceeded).
Three host names reach the machine (127.0.0.1 and localhost on one server, 127.0.0.2 on
another), so both the overall and the per-host limit matter.

    python bench/bench_lookups.py [--sources 200] [--delay 0.1] [--concurrency 8] [--per-host 4]
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.httpserver import LocalServer, Response  # noqa: E402
from workbench.config import Settings  # noqa: E402
from workbench.lookups import build_client, refresh_pages  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--delay", type=float, default=0.1)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--per-host", type=int, default=4)
    args = parser.parse_args(argv)

    lock = threading.Lock()
    active = [0, 0]  # now, most at once (both servers together)

    def slow_page(request):
        with lock:
            active[0] += 1
            active[1] = max(active[1], active[0])
        time.sleep(args.delay)
        with lock:
            active[0] -= 1
        return Response(
            body=f"<title>Source {request.path}</title><p>Text.</p>".encode(),
            content_type="text/html; charset=utf-8",
        )

    first = LocalServer({"/source/*": slow_page}, host="127.0.0.1")
    second = LocalServer({"/source/*": slow_page}, host="127.0.0.2")
    with first, second:
        places = [(first, "127.0.0.1"), (first, "localhost"), (second, "127.0.0.2")]
        urls = [
            places[n % 3][0].url(f"/source/{n}", host=places[n % 3][1])
            for n in range(args.sources)
        ]
        settings = Settings(
            lookup_allow_hosts=["127.0.0.1", "127.0.0.2", "localhost"],
            lookup_concurrency=args.concurrency,
            lookup_per_host=args.per_host,
            lookup_retries=0,
            lookup_cache_ttl=0,
        )
        with build_client(settings) as client:
            started = time.perf_counter()
            outcomes = refresh_pages(client, urls)
            wall = time.perf_counter() - started
        by_host = {**first.max_concurrent_by_host, **second.max_concurrent_by_host}
        overall = active[1]

    ideal = max(args.sources * args.delay / args.concurrency, 1e-9)
    failed = sum(1 for o in outcomes if not o.ok)
    print(f"sources refreshed          {len(outcomes)} ({failed} failed)")
    print(f"limits                     {args.concurrency} overall, {args.per_host} per host")
    print(f"wall time                  {wall:.2f} s")
    print(f"ideal ({args.sources} x {args.delay:g} s / {args.concurrency})     {ideal:.2f} s")
    print(f"ratio                      {wall / ideal:.2f}x (target <= 1.5x)")
    for host, seen in sorted(by_host.items()):
        verdict = "ok" if seen <= args.per_host else "OVER THE LIMIT"
        print(f"max concurrent {host:<12}{seen} (limit {args.per_host}) {verdict}")
    verdict = "ok" if overall <= args.concurrency else "OVER THE LIMIT"
    print(f"max concurrent, all hosts  {overall} (limit {args.concurrency}) {verdict}")


if __name__ == "__main__":
    main()
