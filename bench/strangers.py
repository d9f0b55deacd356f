#!/usr/bin/env python3
"""The "strangers" benchmark of issue #18: abusive clients against a real `coolpapers serve`.

For each scenario two abusive clients (each from its own loopback address, 127.0.0.2 and
127.0.0.3) attack the server while a normal reader (127.0.0.1) fetches a cached page at a low
rate (20 GETs a second, so a phase of 15 s holds 300 reads and its p99 is not just its worst
read); printed per scenario: the reader's p50/p99/max before and during, whether /healthz answered
during, the abusers' answers by status, model calls made (the loopback model server's count)
against the budget, and serve's memory (RSS) and open fds before, during and after.

Started by scripts/bench_strangers.sh, which builds, imports and configures the instance:
  strangers.py --server http://127.0.0.1:PORT --pid PID --model-log FILE --budget N
               [--scenario NAME ...] [--seconds S]
Standard library only.
"""
import argparse
import http.client
import json
import multiprocessing
import os
import random
import socket
import statistics
import threading
import time

READER = "127.0.0.1"
ABUSERS = ("127.0.0.2", "127.0.0.3")


def connect(host, port, source, timeout=10):
    return http.client.HTTPConnection(host, port, timeout=timeout, source_address=(source, 0))


def request(conn, method, target, body=None, headers=None):
    conn.request(method, target, body=body, headers=headers or {})
    response = conn.getresponse()
    data = response.read()
    return response.status, data


# ---- what the server looks like from outside --------------------------------------------------

def proc_stats(pid):
    rss_kb = 0
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                rss_kb = int(line.split()[1])
    fds = len(os.listdir(f"/proc/{pid}/fd"))
    return rss_kb / 1024.0, fds


def model_calls(model_log):
    with open(model_log) as log:
        return sum(1 for line in log if line.startswith("request "))


def warm_up(host, port, paper_id):
    """What a normal reader does once before any scenario: reads an FAQ and a translation of one
    paper, waiting (up to 60 s) for the answer, so that the model's worker threads, their
    connections and the store's caches exist before the first scenario's "before" memory.
    Returns the seconds it took, or None when the answer did not come."""
    conn = connect(host, port, READER)
    started = time.monotonic()
    request(conn, "POST", f"/api/faq/{paper_id}?lang=en", b"")
    request(conn, "POST", f"/api/translations/{paper_id}", b"")
    while time.monotonic() - started < 60:
        status, body = request(conn, "GET", f"/api/faq/{paper_id}?lang=en")
        if status == 200 and json.loads(body).get("state") == "answered":
            return time.monotonic() - started
        time.sleep(0.2)
    return None


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


# ---- the normal reader ------------------------------------------------------------------------

def reader(host, port, target, rate, stop, out):
    """GETs `target` every 1/rate s from 127.0.0.1 until `stop`; into `out` the reads as
    (seconds since the first, latency in ms) and the count of failures."""
    latencies = []
    failures = 0
    conn = None
    next_at = first = time.monotonic()
    while not stop.is_set():
        try:
            if conn is None:
                conn = connect(host, port, READER)
            start = time.monotonic()
            status, _ = request(conn, "GET", target, headers={"Accept-Encoding": "gzip"})
            elapsed = (time.monotonic() - start) * 1000
            if status == 200:
                latencies.append((start - first, elapsed))
            else:
                failures += 1
        except (OSError, http.client.HTTPException):
            failures += 1
            latencies.append((time.monotonic() - first, 10_000.0))  # failed: very slow
            conn = None
        next_at += 1.0 / rate
        time.sleep(max(0.0, next_at - time.monotonic()))
    out.put((latencies, failures))


def measure_reader(host, port, target, rate, seconds, during=None):
    """The reader's latencies over `seconds`, while `during()` (the attack) runs meanwhile."""
    stop = multiprocessing.Event()
    out = multiprocessing.Queue()
    proc = multiprocessing.Process(target=reader, args=(host, port, target, rate, stop, out))
    proc.start()
    extra = during() if during else None
    time.sleep(seconds)
    stop.set()
    reads, failures = out.get()
    proc.join()
    return reads, failures, extra


def slowest(reads, count=5):
    """The `count` slowest reads as [seconds into the phase, ms]: when a phase's tail happened
    (all at the attack's start, or throughout) says more about its cause than the p99 alone."""
    return [[round(at, 2), round(ms, 2)] for at, ms in sorted(reads, key=lambda r: -r[1])[:count]]


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, int(round(p / 100.0 * len(ordered) + 0.5)) - 1))
    return ordered[index]


def healthz(host, port):
    try:
        conn = connect(host, port, READER, timeout=5)
        status, _ = request(conn, "GET", "/healthz")
        conn.close()
        return status == 200
    except (OSError, http.client.HTTPException):
        return False


# ---- the abusive clients ----------------------------------------------------------------------

class Tally:
    """Answers by status, shared by one abuser's threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.counts = {}

    def add(self, status):
        with self.lock:
            self.counts[status] = self.counts.get(status, 0) + 1


def loop_requests(host, port, source, stop, tally, make_request, threads=4):
    """`threads` keep-alive connections sending make_request() (method, target, body, headers)."""

    def run():
        conn = None
        while not stop.is_set():
            method, target, body, headers = make_request()
            try:
                if conn is None:
                    conn = connect(host, port, source)
                status, _ = request(conn, method, target, body, headers)
                tally.add(status)
            except (OSError, http.client.HTTPException) as error:
                tally.add(type(error).__name__)
                conn = None
                time.sleep(0.05)

    workers = [threading.Thread(target=run, daemon=True) for _ in range(threads)]
    for worker in workers:
        worker.start()
    stop.wait()
    for worker in workers:
        worker.join(timeout=15)


def hold_sockets(host, port, source, stop, tally, first_bytes, count, trickle=None, read=0):
    """Opens `count` connections sending `first_bytes`, then every 2 s sends `trickle` (a
    slowloris's next header line) and reads up to `read` bytes (1: a slow reader of a PDF);
    counts the connections the server closed."""
    sockets = []
    for _ in range(count):
        if stop.is_set():
            break
        try:
            s = socket.create_connection((host, port), timeout=5, source_address=(source, 0))
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            s.sendall(first_bytes)
            sockets.append(s)
            tally.add("open")
        except OSError as error:
            tally.add(type(error).__name__)
    while not stop.wait(2.0):
        for s in list(sockets):
            try:
                if trickle is not None:
                    s.sendall(trickle)
                if read:
                    s.setblocking(False)
                    try:
                        chunk = s.recv(read)
                        if not chunk:
                            raise OSError("closed")
                    except BlockingIOError:
                        pass
            except OSError:
                tally.add("closed by server")
                sockets.remove(s)
    tally.add(f"still open at end: {len(sockets)}")
    for s in sockets:
        s.close()


def abuser(name, host, port, source, stop, out, context):
    tally = Tally()
    rnd = random.Random(source)
    ids = context["ids"]
    if name == "budget":
        def make():
            if rnd.random() < 0.2:
                batch = ",".join(rnd.sample(ids, 50))
                return "POST", f"/api/translations/{batch}", b"", {}
            lang = rnd.choice(["en", "zh"])
            return "POST", f"/api/faq/{rnd.choice(ids)}?lang={lang}", b"", {}
        loop_requests(host, port, source, stop, tally, make)
    elif name == "stream_flood":
        def first(i):
            return (f"GET /api/faq/{ids[i % len(ids)]}/stream?lang=en HTTP/1.1\r\n"
                    f"Host: x\r\nAccept: text/event-stream\r\n\r\n").encode()
        # Many streams per paper and per client: the caps decide how many stay.
        threads = [threading.Thread(target=hold_sockets, daemon=True,
                                    args=(host, port, source, stop, tally, first(k), 250,
                                          None, 65536)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    elif name == "expression_cpu":
        path = "/arxiv/" + "-".join(["cs.AI"] * 2600)
        loop_requests(host, port, source, stop, tally, lambda: ("GET", path, None, {}))
    elif name == "pdf_slow_readers":
        first = f"GET /pdf/{context['pdf_id']} HTTP/1.1\r\nHost: x\r\n\r\n".encode()
        hold_sockets(host, port, source, stop, tally, first, 100, None, 1)
    elif name == "job_flood":
        counter = [rnd.randrange(10_000, 50_000)]

        def make():  # ids the store lacks (its records end in May 2025)
            counter[0] = 10_000 + (counter[0] + 1) % 90_000
            return "GET", f"/arxiv/2511.{counter[0]:05d}", None, {}
        loop_requests(host, port, source, stop, tally, make)
    elif name == "search_flood":
        words = ["learning", "model", "language", "neural", "data", "network", "training",
                 "vision", "graph", "attention", "transformer", "image", "text", "agent"]

        def make():
            query = " OR ".join(rnd.choice(words) for _ in range(100)) + " " * rnd.randrange(3)
            target = ("/arxiv/search?query=" + query.replace(" ", "+") +
                      "&sort=time&show=1000&highlight=1")
            return "GET", target, None, {}
        loop_requests(host, port, source, stop, tally, make)
    elif name == "click_inflation":
        paper = context["click_id"]

        def make():
            cookie = "coolpapers_reader=madeup%016x" % rnd.getrandbits(64)
            return "POST", f"/api/clicks/{paper}?kind=pdf", b"", {"Cookie": cookie}
        loop_requests(host, port, source, stop, tally, make)
    elif name == "slowloris":
        hold_sockets(host, port, source, stop, tally, b"GET / HTTP/1.1\r\nHost: x\r\n", 1000,
                     trickle=b"X-a: b\r\n")
    out.put((source, tally.counts))


SCENARIOS = ["budget", "stream_flood", "expression_cpu", "pdf_slow_readers", "job_flood",
             "search_flood", "click_inflation", "slowloris"]


def run_scenario(name, args, context):
    host, port = args.host, args.port
    calls_before = model_calls(args.model_log)
    rss_before, fds_before = proc_stats(args.pid)
    quiet, quiet_failures, _ = measure_reader(host, port, args.page, args.rate, args.quiet)

    stop = multiprocessing.Event()
    out = multiprocessing.Queue()
    procs = []
    sample = {}

    def attack():
        for source in ABUSERS:
            proc = multiprocessing.Process(target=abuser,
                                           args=(name, host, port, source, stop, out, context))
            proc.start()
            procs.append(proc)

        def sampler():  # memory, fds and /healthz in the attack's last seconds
            time.sleep(max(1.0, args.seconds - 3))
            sample["rss"], sample["fds"] = proc_stats(args.pid)
            sample["healthz"] = healthz(host, port)
        threading.Thread(target=sampler, daemon=True).start()

    during, during_failures, _ = measure_reader(host, port, args.page, args.rate, args.seconds,
                                                attack)
    stop.set()
    tallies = [out.get() for _ in procs]
    for proc in procs:
        proc.join(timeout=30)
    time.sleep(args.settle)
    rss_after, fds_after = proc_stats(args.pid)
    calls = model_calls(args.model_log) - calls_before
    quiet_ms = [ms for _, ms in quiet]
    during_ms = [ms for _, ms in during]
    result = {
        "scenario": name,
        "reader_quiet_p50_ms": round(percentile(quiet_ms, 50), 2),
        "reader_quiet_p99_ms": round(percentile(quiet_ms, 99), 2),
        "reader_quiet_max_ms": round(max(quiet_ms, default=float("nan")), 2),
        "reader_quiet_reads": len(quiet_ms),
        "reader_during_p50_ms": round(percentile(during_ms, 50), 2),
        "reader_during_p99_ms": round(percentile(during_ms, 99), 2),
        "reader_during_max_ms": round(max(during_ms, default=float("nan")), 2),
        "reader_during_reads": len(during_ms),
        "reader_slowest_quiet": slowest(quiet),
        "reader_slowest_during": slowest(during),
        "reader_failures": quiet_failures + during_failures,
        "healthz_during": sample.get("healthz"),
        "model_calls": calls,
        "rss_mb": [round(rss_before, 1), round(sample.get("rss", 0), 1), round(rss_after, 1)],
        "fds": [fds_before, sample.get("fds"), fds_after],
        "abusers": {source: counts for source, counts in tallies},
        "load": load_average(),
    }
    if name == "click_inflation":
        conn = connect(host, port, READER)
        _, body = request(conn, "GET", f"/api/clicks/{context['click_id']}")
        result["clicks_after"] = json.loads(body).get("counts", {})
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--model-log", required=True)
    parser.add_argument("--budget", type=int, required=True)
    parser.add_argument("--ids", required=True, help="a file of paper ids, one a line")
    parser.add_argument("--page", default="/arxiv/cs.CL")
    parser.add_argument("--pdf-id", default="2504.00001v1")
    parser.add_argument("--scenario", action="append")
    parser.add_argument("--seconds", type=float, default=20)
    # 20 reads a second for 15 s quiet and 20 s (STRANGERS_SECONDS) during: 300 and 400 reads,
    # so a p99 is the 3rd or 4th worst read, not the one worst stall of a busy machine.
    parser.add_argument("--quiet", type=float, default=15)
    parser.add_argument("--settle", type=float, default=5)
    parser.add_argument("--rate", type=float, default=20)
    args = parser.parse_args()
    host_port = args.server.split("//", 1)[1].rstrip("/")
    args.host, port = host_port.rsplit(":", 1)
    args.port = int(port)
    with open(args.ids) as f:
        ids = [line.strip() for line in f if line.strip()]
    context = {"ids": ids, "pdf_id": args.pdf_id, "click_id": ids[0]}
    # The reader's page in the cache first.
    conn = connect(args.host, args.port, READER)
    request(conn, "GET", args.page)
    total_calls_before = model_calls(args.model_log)
    warmed = warm_up(args.host, args.port, ids[-1])
    print("warm-up (one FAQ and one translation, as a reader asks): " +
          (f"answered in {warmed:.1f} s" if warmed is not None else "no answer within 60 s"))
    print("scenario          reader quiet p50/p99/max ms (reads)   during p50/p99/max ms (reads)"
          "  healthz  model calls  RSS MB before/during/after  fds before/during/after")
    results = []
    for name in args.scenario or SCENARIOS:
        result = run_scenario(name, args, context)
        results.append(result)

        def phase(which):
            return (f"{result[f'reader_{which}_p50_ms']:6.2f} / {result[f'reader_{which}_p99_ms']:6.2f}"
                    f" / {result[f'reader_{which}_max_ms']:7.2f} ({result[f'reader_{which}_reads']:3})")
        print(f"{name:17} {phase('quiet')}   {phase('during')}"
              f"  {str(result['healthz_during']):7}  {result['model_calls']:5}"
              f"        {result['rss_mb'][0]:6.1f} / {result['rss_mb'][1]:6.1f} / "
              f"{result['rss_mb'][2]:6.1f}   {result['fds'][0]} / {result['fds'][1]} / "
              f"{result['fds'][2]}   (load {result['load']})")
        print("  slowest reads during (s into the attack: ms): " +
              ", ".join(f"{at:.1f}: {ms:.1f}" for at, ms in result["reader_slowest_during"]),
              flush=True)
    total = model_calls(args.model_log) - total_calls_before
    print(f"model calls in all: {total} (daily budget {args.budget})")
    for result in results:  # one line each, the slowest reads with them
        print(json.dumps(result))


if __name__ == "__main__":
    main()
