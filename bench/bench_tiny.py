"""Many tiny articles (issue 7): N one-line articles, each naming a person and a company, built by
`kg build --no-view` in a subprocess; prints the wall time of a first (cold) build and of a rebuild
with nothing changed (every article from the cache), and the peak memory.

    python bench/bench_tiny.py                 # 20,000 articles, validated as kg build does
    python bench/bench_tiny.py -n 2000 --no-check --json out.json

A script, not a test (tests/test_scale.py builds 2,000): the figures depend on the machine.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FIRST = ["Amal", "Brian", "Chen", "Dalia", "Elias", "Farah", "Gustavo", "Hana", "Ivan", "Jamila", "Kofi", "Lina",
         "Mateo", "Nour", "Oren", "Paula", "Qasim", "Rania", "Sven", "Tariq"]
LAST = ["Abbas", "Berg", "Castillo", "Dufresne", "Eklund", "Fakhoury", "Garza", "Halloran", "Ibsen", "Jabari",
        "Kowalski", "Lindqvist", "Mansour", "Novak", "Okafor", "Petrov", "Quintero", "Rahimi", "Sato", "Toledo"]
ORGS = ["Acme", "Borealis", "Cobalt", "Dune", "Ember", "Fjord", "Granite", "Helix", "Iris", "Juniper"]
SUFFIXES = ["AI", "Labs", "Robotics", "Compute", "Systems"]
TITLES = ["chief executive", "chief technology officer", "head of research", "president"]


def tiny(i: int) -> str:
    """Article I: one line, a person with a title at a company (names cycle, so entities repeat
    across articles as they do in real news)."""
    person = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}"
    org = f"{ORGS[i % len(ORGS)]} {SUFFIXES[(i // len(ORGS)) % len(SUFFIXES)]}"
    title = TITLES[i % len(TITLES)]
    return f"{person}, the {title} of startup {org}, said the company will double its staff (note {i}).\n"


def write_corpus(folder: Path, n: int) -> Path:
    """N articles in sub-folders of 1,000 (as a real archive would be split)."""
    for i in range(n):
        sub = folder / f"part-{i // 1000:03d}"
        if i % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        (sub / f"tiny-{i:06d}.en.txt").write_text(tiny(i), encoding="utf-8")
    return folder


def timed_build(src: Path, out: Path, check: bool) -> tuple[float, int, str]:
    cmd = [sys.executable, "-m", "kg", "build", str(src), "--out", str(out), "--no-view", *([] if check else ["--no-check"])]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    return time.perf_counter() - t0, proc.returncode, proc.stderr


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=20_000, help="articles (default 20,000)")
    ap.add_argument("--no-check", dest="check", action="store_false", help="skip validation (SHACL and HermiT)")
    ap.add_argument("--keep", type=Path, help="build in this folder and keep it")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sanad-tiny-") as tmp:
        root = args.keep or Path(tmp)
        src, out = root / "in", root / "out"
        t0 = time.perf_counter()
        write_corpus(src, args.n)
        print(f"{args.n:,} articles written in {time.perf_counter() - t0:.1f} s", flush=True)
        figures = {"articles": args.n, "check": args.check, "cpus": os.cpu_count()}
        for run in ("first", "rebuild"):
            seconds, code, err = timed_build(src, out, args.check)
            if code != 0:
                print(err[-3000:], file=sys.stderr)
                print(f"kg build failed (exit {code})", file=sys.stderr)
                return 1
            summary = next((ln for ln in err.splitlines() if ln.startswith("Read ")), "")
            figures[f"{run}_seconds"] = round(seconds, 1)
            print(f"{run:<8} {seconds:7.1f} s  ({args.n / seconds:,.0f} articles/s)  {summary}", flush=True)
        figures["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
        figures["trig_mb"] = round((out / "graph.trig").stat().st_size / 2**20, 1)
        print(f"peak memory of a build {figures['peak_rss_mb']} MB; graph.trig {figures['trig_mb']} MB")
        if args.json:
            args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
