"""Benchmark whole builds at corpus scale (issue 6): Sanad's pipeline against the plain
design-card stack (rdflib Dataset, rdflib serializer, rdflib SPARQL) on the same corpus, side by
side in one run, with the ratio for each figure.

For each size it writes a corpus with bench/gen_corpus.py (Arabic and English articles with gold
files) and measures, each figure a median of --runs runs:

- extraction alone: articles/s and words/s per core (one process, CPU time);
- `kg build` end to end (extraction on every core, TriG, Turtle, validation, explorer, store):
  wall time and peak memory of the whole process tree (the build and its workers, summed);
- an incremental rebuild after one article changed, and a build with nothing to do (the same
  articles again: the last build's files are left as they are);
- export time per format: kg.export's writers from the graph in memory (as rdflib's serialize()
  is timed on its Dataset), and the whole `kg export` command for N-Quads and Turtle;
- every library query on the built store (median of 5);
- `kg view` (the explorer page) on the built graph;
- quality: micro-F1 with the reference scorer's counting on a sample of articles.

The plain path extracts with the same extractor in one process, then builds an rdflib Dataset,
serialises TriG and Turtle with rdflib and runs the library with rdflib's SPARQL engine (each
query capped at --rdflib-limit seconds); it is run for the sizes in --rdflib-sizes only (it needs
about 40 minutes at 10,000 articles).

    python bench/bench_build.py                                   # 100 and 1,000 articles
    python bench/bench_build.py --sizes 100,1000,10000 --rdflib-sizes 100,1000 --json bench/bench_build.results.json

A script, not a test: the figures depend on the machine and what else it runs.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_queries import library_texts, time_runs  # noqa: E402

import kg  # noqa: E402
from kg import engine, iris, native  # noqa: E402
from kg.vocab import SANAD  # noqa: E402

FORMATS = ("turtle", "trig", "nquads", "ntriples", "jsonld", "rdfxml")


class PeakMemory:
    """Peak resident memory of a process and all its descendants, summed, sampled every 0.1 s."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    ppid = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
                children.setdefault(ppid, []).append(int(entry))
        out, todo = [], [self.pid]
        while todo:
            p = todo.pop()
            out.append(p)
            todo += children.get(p, [])
        return out

    def _run(self) -> None:
        while not self._stop.is_set():
            total = 0
            for p in self._tree():
                try:
                    for line in Path(f"/proc/{p}/status").read_text().splitlines():
                        if line.startswith("VmRSS:"):
                            total += int(line.split()[1]) * 1024
                except OSError:
                    pass
            self.peak = max(self.peak, total)
            self._stop.wait(0.1)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def run_kg(*args: str) -> tuple[float, int]:
    """Wall seconds and peak memory (bytes, process tree) of one `kg` command."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "kg", *args], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    mem = PeakMemory(proc.pid)
    _, err = proc.communicate()
    peak = mem.stop()
    if proc.returncode != 0:
        raise SystemExit(f"kg {' '.join(args)} failed:\n{err[-2000:]}")
    return time.perf_counter() - t0, peak


def median(values: list[float]) -> float:
    return statistics.median(values)


def extraction_rate(corpus: Path, limit: int = 300) -> dict:
    """Articles and words per second of CPU time, one process (what one core does)."""
    from kg.lexicon import default_lexicon
    from kg.read import find_articles, read_article
    from kg.relations import extract

    lex = default_lexicon()
    articles = [read_article(p) for p in find_articles([corpus])[:limit]]
    extract(articles[0], lex)
    t0 = time.process_time()
    for a in articles:
        extract(a, lex)
    cpu = time.process_time() - t0
    words = sum(len(a.text.split()) for a in articles)
    return {"articles_per_s": len(articles) / cpu, "words_per_s": words / cpu, "sample": len(articles)}


def export_times(trig: Path, runs: int) -> dict[str, float]:
    """Seconds to write each format from the graph in memory (kg.export.serialize), as the plain
    path's figure is rdflib's serialize() of its Dataset: writers compared, not start-up and parsing."""
    from kg.export import dataset_of, serialize

    ds = dataset_of(trig.read_bytes())
    out = {}
    for fmt in FORMATS:
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            serialize(ds, fmt)
            times.append(time.perf_counter() - t0)
        out[fmt] = median(times)
    return out


def busy_params(out: Path) -> dict[str, str]:
    g = kg.open(out)
    top = (f"SELECT ?e (COUNT(?a) AS ?n) WHERE {{{{ ?a <{SANAD.mentions}> ?e . "
           f"?e a <{SANAD}{{cls}}> }}}} GROUP BY ?e ORDER BY DESC(?n) ?e LIMIT 1")
    pick = {}
    for name, cls in (("entity", "Person"), ("company", "Company"), ("outlet", "MediaOutlet")):
        rows = g.raw(top.format(cls=cls))
        pick[name] = next((r["e"].value for r in rows), str(iris.iri("org/none")))
    pick["threshold"] = "0.9"
    return pick


def query_latencies(out: Path, params: dict[str, str], engine_name: str, limit: float, dataset=None) -> dict:
    """Median seconds of each library query (None: past LIMIT) in Sanad's store ("sanad": on disk, as
    `kg query` reads it; "memory": its default graph copied into memory, as `kg serve` reads it) or an
    rdflib Dataset."""
    found = {}
    g = kg.open(out, memory=engine_name == "memory") if engine_name in ("sanad", "memory") else None

    def rows(result) -> int:
        return int(result) if isinstance(result, bool) else sum(1 for _ in result)

    for name, text in library_texts(params):
        if g is not None:
            found[name], _ = time_runs(lambda t=text: rows(g.raw(t)), 5)
        else:
            found[name], _ = time_runs(lambda t=text: len(dataset.query(t)), 3, limit)
    return found


def plain_rdflib(corpus: Path, params: dict[str, str], limit: float) -> dict:
    """The design-card stack: rdflib Dataset, rdflib serializer, rdflib SPARQL."""
    from rdflib import Dataset

    from kg import iris
    from kg.rdf import article_graph

    t0 = time.perf_counter()
    extractions = kg.extract_articles([corpus])
    t_extract = time.perf_counter() - t0
    ds = Dataset(default_union=True)
    for ex in extractions:
        article_graph(ex, ds.graph(iris.iri(ex.article.key)))
    trig = ds.serialize(format="trig")
    union = ds.serialize(format="turtle")
    t_build = time.perf_counter() - t0
    del trig, union
    exports = {}
    for fmt, name in (("turtle", "turtle"), ("trig", "trig"), ("nquads", "nquads"), ("nt", "ntriples"), ("json-ld", "jsonld"),
                      ("xml", "rdfxml")):
        t = time.perf_counter()
        ds.serialize(format=fmt)
        exports[name] = time.perf_counter() - t
    queries = query_latencies(corpus, params, "rdflib", limit, ds)
    return {"extract_s": t_extract, "build_s": t_build, "export_s": exports, "queries_s": queries}


def quality(corpus: Path, sample: int) -> dict:
    """Pooled micro-F1 (the reference scorer's counting, kg.evaluate) over the first SAMPLE articles,
    each extracted and scored on its own, as `kg evaluate FOLDER` does."""
    from kg import evaluate as ev

    total = ev.Count()
    pairs = ev.pair_folder(corpus)[:sample]
    for article, gold in pairs:
        g = kg.article_graph(article)
        total.add(ev.score(g, ev.read_gold(gold), article.read_text(encoding="utf-8"), article.name).micro)
    return {"micro_f1": total.prf()[2], "articles": len(pairs)}


def bench_size(n: int, args, work: Path) -> dict:
    corpus = work / f"corpus-{n}"
    if not corpus.exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "gen_corpus.py"), str(corpus), "--count", str(n)], check=True,
                       stdout=subprocess.DEVNULL)
    out = work / f"build-{n}"
    result: dict = {"articles": n, "extraction": extraction_rate(corpus)}
    builds, peaks = [], []
    for _ in range(args.runs):
        shutil.rmtree(out, ignore_errors=True)
        wall, peak = run_kg("build", str(corpus), "--out", str(out), "-q")
        builds.append(wall)
        peaks.append(peak)
    result["build_s"], result["build_peak_bytes"] = median(builds), max(peaks)
    result["triples"] = len(kg.open(out))
    article = sorted(corpus.glob("*.en.txt"))[0]
    original = article.read_bytes()
    rebuilds = []
    try:
        for i in range(args.runs):
            article.write_bytes(original + f"\nUpdate {i}: the company declined to comment.\n".encode())
            rebuilds.append(run_kg("build", str(corpus), "--out", str(out), "-q")[0])
    finally:
        article.write_bytes(original)
        run_kg("build", str(corpus), "--out", str(out), "-q")
    result["incremental_s"] = median(rebuilds)
    result["unchanged_s"] = median([run_kg("build", str(corpus), "--out", str(out), "-q")[0] for _ in range(args.runs)])
    result["export_s"] = export_times(out / "graph.trig", args.runs)
    result["kg_export_s"] = {fmt: median([run_kg("export", str(out / "graph.trig"), "--format", fmt, "-o",
                                                  str(work / f"export-{n}.{fmt}"))[0] for _ in range(args.runs)])
                             for fmt in ("nquads", "turtle")}
    params = busy_params(out)
    result["queries_s"] = query_latencies(out, params, "sanad", args.rdflib_limit)
    result["queries_memory_s"] = query_latencies(out, params, "memory", args.rdflib_limit)
    result["view_s"] = median([run_kg("view", str(out / "graph.trig"), "-o", str(work / f"view-{n}.html"))[0]
                               for _ in range(args.runs)])
    result["quality"] = quality(corpus, min(args.quality_sample, n))
    if n in args.rdflib_sizes:
        result["rdflib"] = plain_rdflib(corpus, params, args.rdflib_limit)
    return result


def fmt_s(x: float | None) -> str:
    return "limit" if x is None else f"{x * 1000:.0f} ms" if x < 1 else f"{x:.1f} s"


def ratio(a: float | None, b: float | None) -> str:
    return "-" if a is None or b is None or a == 0 else f"{b / a:.1f}x"


def summarize(r: dict) -> None:
    plain = r.get("rdflib", {})
    e = r["extraction"]
    print(f"\n== {r['articles']:,} articles, {r['triples']:,} quads in the store, {engine.cores()} cores ==")
    print(f"extraction (one core): {e['articles_per_s']:.0f} articles/s, {e['words_per_s']:,.0f} words/s")
    rows = [("build, end to end", r["build_s"], plain.get("build_s")),
            ("incremental rebuild (1 article changed)", r["incremental_s"], None),
            ("rebuild with nothing changed", r.get("unchanged_s"), None),
            ("explorer page", r["view_s"], None)]
    rows += [(f"export {fmt}", r["export_s"][fmt], plain.get("export_s", {}).get(fmt)) for fmt in FORMATS]
    sanad_q = [v for v in r["queries_s"].values() if v is not None]
    plain_q = [v for v in plain.get("queries_s", {}).values() if v is not None]
    rows.append(("library queries, median", median(sanad_q) if sanad_q else None, median(plain_q) if plain_q else None))
    memory_q = [v for v in r.get("queries_memory_s", {}).values() if v is not None]
    if memory_q:
        rows.append(("library queries in memory (kg serve), median", median(memory_q), median(plain_q) if plain_q else None))
    print(f"{'figure':<42} {'sanad':>10} {'rdflib':>10} {'ratio':>8}")
    for name, a, b in rows:
        measured = b is not None or (plain and name.startswith(("build", "export", "library")))
        print(f"{name:<42} {fmt_s(a):>10} {fmt_s(b) if measured else '-':>10} {ratio(a, b):>8}")
    print(f"peak memory of the build: {r['build_peak_bytes'] / 2**30:.2f} GiB; `kg export` command: "
          + ", ".join(f"{k} {fmt_s(v)}" for k, v in r.get("kg_export_s", {}).items()))
    for label, key in (("on disk", "queries_s"), ("in memory", "queries_memory_s")):
        if key not in r:
            continue
        slow = {k: v for k, v in r[key].items() if v is not None and v >= 0.1}
        print(f"library queries under 100 ms {label}: {len(r[key]) - len(slow)}/{len(r[key])}"
              + (f"; slower: {', '.join(f'{k} {fmt_s(v)}' for k, v in sorted(slow.items(), key=lambda kv: -kv[1]))}"
                 if slow else ""))
    q = r["quality"]
    print(f"quality: micro-F1 {q['micro_f1']:.3f} on {q['articles']} articles" if "micro_f1" in q else f"quality: {q['error']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000", help="corpus sizes in articles (default 100,1000)")
    parser.add_argument("--rdflib-sizes", default="100,1000", help="sizes the plain rdflib path also runs for")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure; the median is reported")
    parser.add_argument("--rdflib-limit", type=float, default=60.0, help="seconds per rdflib query before giving up")
    parser.add_argument("--quality-sample", type=int, default=100, help="articles scored for micro-F1")
    parser.add_argument("--work", type=Path, help="working folder (default: a temporary one, removed)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    args.rdflib_sizes = {int(s) for s in args.rdflib_sizes.split(",") if s}
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-bench-build-"))
    work.mkdir(parents=True, exist_ok=True)
    compiled = native.ready()
    results = {"machine": {"cores": engine.cores(), "python": platform.python_version(), "load": os.getloadavg(),
                           "compiled_stages": compiled}, "sizes": []}
    print(f"compiled stages (kg/native.py): {'yes' if compiled else 'no, the Python sources run (make native)'}")
    try:
        for n in (int(s) for s in args.sizes.split(",")):
            r = bench_size(n, args, work)
            results["sizes"].append(r)
            summarize(r)
            if args.json:
                args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
