#!/usr/bin/env python3
"""Issue 19's page and API latencies, for scripts/bench_scale.sh: draws request targets of each
kind from the store (real categories, days, ids), sends them one at a time over one keep-alive
connection to a running `coolpapers serve`, and prints one "name<TAB>value" line per kind:
p50 and p99 of the wall time from sending a request to having read its whole answer.

  bench_scale_requests.py --port P --store FILE.sqlite [--requests N] [--seed S]

The server should run with --page-cache-mb 0, so that every answer is rendered (uncached). The
targets are the same for the same store and seed. Any answer but 200 is counted and its first
target printed on stderr: a row with failures measures errors, not pages.
"""

import argparse
import http.client
import random
import sqlite3
import statistics
import sys
import time


def open_store(path):
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


class Targets:
    """Request targets drawn from the store: what readers ask for, spread over its categories,
    days and papers."""

    def __init__(self, store, rng, count):
        self.rng = rng
        self.count = count
        self.store = store
        rows = store.execute(
            "SELECT category, COUNT(*), SUM(papers) FROM listing_days GROUP BY category").fetchall()
        rows.sort(key=lambda row: -row[2])
        self.categories = [row[0] for row in rows]
        self.big = self.categories[:12]  # where readers go: cs.LG, cs.CV, cs.AI, cs.CL...
        self.busy = self.categories[:30]
        self.days_of = {}
        self.editions = [row[0] for row in store.execute(
            "SELECT edition FROM venue_editions ORDER BY edition")]

    def days(self, category):
        if category not in self.days_of:
            self.days_of[category] = [
                (row[0], row[1]) for row in self.store.execute(
                    "SELECT day, papers FROM listing_days WHERE category = ?", (category,))]
        return self.days_of[category]

    def day_of(self, category):
        return self.rng.choice(self.days(category))

    def paper_ids(self, count):
        ids = []  # distinct: a repeated id is redirected to the list without it
        while len(ids) < count:
            category = self.rng.choice(self.busy)
            day, _ = self.day_of(category)
            rows = self.store.execute(
                "SELECT paper_id FROM listings WHERE category = ? AND day = ?", (category, day))
            paper_id = self.rng.choice([row[0] for row in rows])
            if paper_id not in ids:
                ids.append(paper_id)
        return ids

    def union(self, size):
        return sorted(self.rng.sample(self.big, size))

    def each(self, make):
        return [make() for _ in range(self.count)]

    # One method per kind of request; each returns `count` targets.
    def day_pages(self):
        def make():
            category = self.rng.choice(self.busy)
            return f"/arxiv/{category}?date={self.day_of(category)[0]}"
        return self.each(make)

    def newest_days(self):
        return [f"/arxiv/{self.categories[i % len(self.categories)]}" for i in range(self.count)]

    def unions(self):
        def make():
            included = self.union(self.rng.choice([2, 3]))
            return f"/arxiv/{','.join(included)}?date={self.day_of(included[0])[0]}"
        return self.each(make)

    def union_minus(self):
        def make():
            chosen = self.union(3)
            excluded = chosen.pop(self.rng.randrange(3))
            return f"/arxiv/{'+'.join(chosen)}-{excluded}?date={self.day_of(chosen[0])[0]}"
        return self.each(make)

    def paging(self):
        def make():
            category = self.rng.choice(self.big)
            day, papers = self.day_of(category)
            skip = self.rng.randrange(0, max(1, papers - 25) + 1, 25)
            return f"/arxiv/{category}?date={day}&skip={skip}&show=25"
        return self.each(make)

    def papers(self):
        return [f"/arxiv/{paper_id}" for paper_id in self.paper_ids(self.count)]

    def multi_ids(self):
        return [f"/arxiv/{','.join(self.paper_ids(self.rng.randint(2, 10)))}"
                for _ in range(self.count)]

    def api_days(self):
        return [f"/api/days/{self.categories[i % len(self.categories)]}" for i in range(self.count)]

    def api_days_union(self):
        return self.each(lambda: f"/api/days/{','.join(self.union(3))}")

    def api_day(self):
        def make():
            category = self.rng.choice(self.busy)
            return f"/api/arxiv/{category}?date={self.day_of(category)[0]}"
        return self.each(make)

    def feeds(self):
        return [f"/arxiv/{self.categories[i % len(self.busy)]}/feed" for i in range(self.count)]

    def home(self):
        return ["/"] * self.count

    def venues(self):
        if not self.editions:
            return []  # none imported: no row
        return [f"/venue/{self.editions[i % len(self.editions)]}" for i in range(self.count)]

    def api_venues(self):
        if not self.editions:
            return []
        return [f"/api/venue/{self.editions[i % len(self.editions)]}" for i in range(self.count)]


# The rows, in the table's order: (name, Targets method).
KINDS = [
    ("day page /arxiv/CAT?date=D", Targets.day_pages),
    ("newest day /arxiv/CAT", Targets.newest_days),
    ("union /arxiv/A,B[,C]?date=D", Targets.unions),
    ("union-minus /arxiv/A+B-C?date=D", Targets.union_minus),
    ("paging ?skip=S&show=25 (big categories)", Targets.paging),
    ("paper /arxiv/ID", Targets.papers),
    ("multi-id /arxiv/ID,...(2-10)", Targets.multi_ids),
    ("calendar /api/days/CAT", Targets.api_days),
    ("calendar /api/days/A,B,C", Targets.api_days_union),
    ("/api/arxiv/CAT?date=D", Targets.api_day),
    ("feed /arxiv/CAT/feed", Targets.feeds),
    ("home /", Targets.home),
    ("venue /venue/NAME.YEAR", Targets.venues),
    ("venue /api/venue/NAME.YEAR", Targets.api_venues),
]


def quantile(sorted_values, q):
    return sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))]


def time_targets(port, targets):
    """Milliseconds per target, and the targets that did not answer 200."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    times, failed = [], []
    for target in targets:
        start = time.perf_counter()
        connection.request("GET", target)
        response = connection.getresponse()
        response.read()
        times.append((time.perf_counter() - start) * 1000)
        if response.status != 200:
            failed.append(f"{response.status} {target}")
    connection.close()
    return times, failed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--store", required=True)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--only", default="", help="only the kinds whose name contains this")
    args = parser.parse_args()

    targets = Targets(open_store(args.store), random.Random(args.seed), args.requests)
    time_targets(args.port, ["/", "/healthz"])  # the connection and the server's first touches
    for name, method in KINDS:
        if args.only not in name:
            continue
        wanted = method(targets)
        if not wanted:
            continue
        times, failed = time_targets(args.port, wanted)
        times.sort()
        value = (f"p50 {statistics.median(times):.2f} ms, p99 {quantile(times, 0.99):.2f} ms, "
                 f"max {times[-1]:.1f} ms ({len(times)})")
        if failed:
            value += f", {len(failed)} not 200"
            print(f"bench_scale_requests: {name}: {failed[0]}", file=sys.stderr)
        print(f"{name}\t{value}", flush=True)


if __name__ == "__main__":
    main()
