#!/usr/bin/env python3
"""Issue 19's search over HTTP, for scripts/bench_scale.sh: /api/search's first page for queries
of 2 to 10 words taken from real titles (the first N words of every K-th title of ../shared's
records, N cycling through 2..10), one at a time over one keep-alive connection to a running
`coolpapers serve`. The index is warm, as the issue asks and as bench/index_scale_bench measures
the engine: every query is asked once untimed first, then once timed (serve must run with
--page-cache-mb 0, so that no answer comes from a cache). At 2.7M papers the index, its tiers
and the store are larger than the machine's memory: a first pass reads from disk (p50 10.4 ms,
p99 73 ms, against 3.1 and 23 ms warm, session 30).
Prints "name<TAB>value" lines: p50 and p99 of the wall time from sending a request to having
read its whole answer, and of the server's CPU time for it (the sum of its threads' run time in
/proc/PID/task/*/schedstat before and after, nanoseconds; the server should have nothing else to
do, i.e. --no-harvest and an index that is up to date).

  bench_scale_search.py --port P --pid PID --metadata DIR [--requests N]

Any answer but 200 is counted and its first query printed on stderr.
"""

import argparse
import glob
import http.client
import json
import os
import sys
import time
import urllib.parse


def title_queries(metadata_dir, count):
    titles = []
    for path in sorted(glob.glob(os.path.join(metadata_dir, "*.jsonl"))):
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                try:
                    titles.append(json.loads(line)["title"])
                except (ValueError, KeyError, TypeError):
                    continue
    every = max(1, len(titles) // (count * 2))  # spread over the whole sample
    queries, seen = [], set()
    for i in range(0, len(titles), every):
        words = "".join(c if c.isascii() and c.isalnum() else " " for c in titles[i]).split()
        query = " ".join(words[: 2 + len(queries) % 9])
        if len(query.split()) >= 2 and query.lower() not in seen:
            seen.add(query.lower())
            queries.append(query)
        if len(queries) == count:
            break
    return queries


def server_cpu_ns(pid):
    total = 0
    for path in glob.glob(f"/proc/{pid}/task/*/schedstat"):
        try:
            with open(path) as stat:
                total += int(stat.read().split()[0])
        except (OSError, ValueError, IndexError):
            continue  # a thread that ended between the listing and the read
    return total


def peak_rss_mb(pid):
    """serve's peak resident memory (VmHWM), mapped index pages included; 0 if unreadable."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def quantile(sorted_values, q):
    return sorted_values[int(q * (len(sorted_values) - 1))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--metadata", required=True)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--label", default="", help="said after the row's name, e.g. how serve ran")
    args = parser.parse_args()
    queries = title_queries(args.metadata, args.requests)
    connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=60)
    # Every search once, not counted: opens the index's handles and warms the pages it reads.
    for query in queries:
        connection.request("GET", "/api/search?query=" + urllib.parse.quote(query))
        connection.getresponse().read()
    wall_ms, cpu_ms, failed, slowest = [], [], 0, []
    for query in queries:
        target = "/api/search?query=" + urllib.parse.quote(query)
        cpu_before = server_cpu_ns(args.pid)
        start = time.perf_counter()
        connection.request("GET", target)
        response = connection.getresponse()
        response.read()
        wall = (time.perf_counter() - start) * 1000
        cpu = (server_cpu_ns(args.pid) - cpu_before) / 1e6
        if response.status != 200:
            if failed == 0:
                print(f"bench_scale_search: {response.status} for {target}", file=sys.stderr)
            failed += 1
        wall_ms.append(wall)
        cpu_ms.append(cpu)
        slowest.append((cpu, query))
    wall_ms.sort()
    cpu_ms.sort()
    slowest.sort(reverse=True)
    for cpu, query in slowest[:5]:
        print(f"bench_scale_search: costly: {query} ({cpu:.2f} ms CPU)", file=sys.stderr)
    print(f"/api/search 2-10 words, first page ({len(queries)} distinct queries{args.label})\t"
          f"p50 {quantile(wall_ms, 0.5):.2f} ms, p99 {quantile(wall_ms, 0.99):.2f} ms; "
          f"server CPU p50 {quantile(cpu_ms, 0.5):.2f} ms, p99 {quantile(cpu_ms, 0.99):.2f} ms; "
          f"serve max RSS {peak_rss_mb(args.pid)} MB"
          + (f"; {failed} failed" if failed else ""))


if __name__ == "__main__":
    main()
