"""A bounded load test of `kg serve` on loopback (issue 7): N concurrent clients for T seconds, each
looping over the query library, alternately as a library page (GET /queries/NAME, with parameters
where a query takes them) and as SPARQL (POST /sparql with the query's text; GET for the
parameterised ones). Prints the requests, the failures (any answer but 200, a refused or dropped
connection, a timeout) and the latency percentiles.

    python bench/load_test.py                          # 200 clients, 30 s, on a fresh build of seeds/
    python bench/load_test.py --graph build -c 50 -t 5 --json load.json

The server runs in a subprocess (`python -m kg serve --port 0`); the clients are threads of this
process, each with its own keep-alive connection, so on a small machine the client shares the CPU
with the server and the latencies include its queueing. Exit 1 if any request failed.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg import query as q  # noqa: E402

# A value for each library parameter that names something in the seed build.
PARAM_VALUES = {"entity": "Naveen Rao", "outlet": "Wall Street Journal", "threshold": "0.8"}
START_SECONDS = 120


def requests() -> list[tuple[str, str, str, bytes | None]]:
    """(label, method, path, body) for every library query, both ways."""
    out = []
    for item in q.library():
        values = {name: PARAM_VALUES.get(name, "x") for name, _ in item.params}
        path = f"/queries/{quote(item.name)}" + (f"?{urlencode(values)}" if values else "")
        out.append((item.name, "GET", path, None))
        if not values:
            out.append((item.name + " (sparql)", "POST", "/sparql", item.text.encode("utf-8")))
    return out


class Serve:
    """`kg serve` on a free loopback port."""

    def __init__(self, graph: Path, workers: int | None, log: Path) -> None:
        args = ["--workers", str(workers)] if workers else []
        self.log = log
        self.proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--graph", str(graph), "--port", "0", *args],
                                     cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log.open("wb"))
        deadline = time.monotonic() + START_SECONDS
        while not (m := re.search(r"http://127\.0\.0\.1:(\d+)/sparql", log.read_text(errors="replace"))):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise SystemExit(f"kg serve did not start:\n{log.read_text(errors='replace')}")
            time.sleep(0.05)
        self.port = int(m.group(1))

    def stop(self) -> int | None:
        self.proc.terminate()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        return self.proc.returncode


class Client(threading.Thread):
    def __init__(self, port: int, plan: list, offset: int, stop_at: float, timeout: float) -> None:
        super().__init__(daemon=True)
        self.port, self.plan, self.offset, self.stop_at, self.timeout = port, plan, offset, stop_at, timeout
        self.latencies: list[float] = []
        self.failures: list[str] = []

    def connect(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)

    def run(self) -> None:
        conn = self.connect()
        i = self.offset
        while time.monotonic() < self.stop_at:
            label, method, path, body = self.plan[i % len(self.plan)]
            i += 1
            headers = {"Accept": "application/sparql-results+json, text/turtle;q=0.9"}
            if body is not None:
                headers["Content-Type"] = "application/sparql-query"
            t0 = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers=headers)
                resp = conn.getresponse()
                data = resp.read()
                elapsed = time.perf_counter() - t0
                if resp.status != 200:
                    self.failures.append(f"{label}: HTTP {resp.status} {data[:200].decode('utf-8', 'replace').strip()}")
                else:
                    self.latencies.append(elapsed)
                if resp.will_close:
                    conn.close()
                    conn = self.connect()
            except (OSError, http.client.HTTPException) as exc:
                self.failures.append(f"{label}: {type(exc).__name__}: {exc}")
                conn.close()
                conn = self.connect()
        conn.close()


def percentile(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, round(p / 100 * len(sorted_values) + 0.5) - 1))  # nearest rank
    return sorted_values[k]


def run(graph: Path, clients: int, seconds: float, workers: int | None, timeout: float, log: Path) -> dict:
    plan = requests()
    server = Serve(graph, workers, log)
    try:
        stop_at = time.monotonic() + seconds
        threads = [Client(server.port, plan, i * 7, stop_at, timeout) for i in range(clients)]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join(seconds + timeout + 60)
        wall = time.perf_counter() - t0
    finally:
        code = server.stop()
    latencies = sorted(x for t in threads for x in t.latencies)
    failures = [f for t in threads for f in t.failures]
    kinds: dict[str, int] = {}
    for f in failures:
        kind = f.split(": ", 1)[1][:60]
        kinds[kind] = kinds.get(kind, 0) + 1
    ms = [x * 1000 for x in latencies]
    return {
        "clients": clients, "seconds": seconds, "wall_seconds": round(wall, 1), "queries": len(plan),
        "workers": workers, "cpus": os.cpu_count(),
        "requests": len(latencies) + len(failures), "ok": len(latencies), "failures": len(failures),
        "failure_kinds": kinds, "failure_examples": failures[:5],
        "requests_per_second": round((len(latencies) + len(failures)) / wall, 1),
        "latency_ms": {"p50": round(percentile(ms, 50), 1), "p90": round(percentile(ms, 90), 1),
                       "p99": round(percentile(ms, 99), 1), "max": round(ms[-1], 1) if ms else None,
                       "mean": round(statistics.fmean(ms), 1) if ms else None},
        "server_exit": code,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", type=Path, help="a build folder, store or graph file (default: seeds/ built afresh)")
    ap.add_argument("-c", "--clients", type=int, default=200, help="concurrent clients (default 200)")
    ap.add_argument("-t", "--seconds", type=float, default=30, help="how long (default 30)")
    ap.add_argument("--workers", type=int, help="kg serve --workers (default: kg serve's)")
    ap.add_argument("--timeout", type=float, default=60, help="seconds a client waits for one answer (default 60)")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sanad-load-") as tmp:
        graph = args.graph
        if graph is None:
            graph = Path(tmp) / "build"
            subprocess.run([sys.executable, "-m", "kg", "build", str(ROOT / "seeds"), "--out", str(graph), "-q",
                            "--no-check"], cwd=ROOT, check=True)
        result = run(graph, args.clients, args.seconds, args.workers, args.timeout, Path(tmp) / "serve.log")
    lat = result["latency_ms"]
    print(f"{result['clients']} clients for {result['seconds']:g} s over {result['queries']} library requests: "
          f"{result['requests']:,} requests ({result['requests_per_second']:,} per second), "
          f"{result['failures']} failed")
    print(f"latency ms: p50 {lat['p50']}  p90 {lat['p90']}  p99 {lat['p99']}  max {lat['max']}  (mean {lat['mean']})")
    for kind, n in sorted(result["failure_kinds"].items(), key=lambda kv: -kv[1]):
        print(f"  {n:>6}  {kind}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 1 if result["failures"] or result["ok"] == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
