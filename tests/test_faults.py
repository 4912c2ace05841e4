"""Killing `kg build` at any moment (issue 7): the outputs and the store stay the previous complete
ones (or the complete new ones, file by file), the store opens and `kg query` answers, and the
next build completes and gives the same bytes as a clean build.

A folder holding a complete build of four articles is rebuilt from five (two new, one changed, one
dropped) by `python -m kg build` in a subprocess that is SIGKILLed:
- at exact points of the write sequence: a wrapper around the build kills its own process just
  before or just after an os.replace (cache entry, graph.trig, graph.ttl, graph.html, the store
  moved aside, the new store moved in) or right after the store's bulk load, so every stage is hit
  whatever the machine's speed (these builds skip validation, which comes before any write and
  changes none of them, to keep the test short);
- from outside, after fixed delays, with validation on.
Every build runs with one PYTHONHASHSEED, so that graph.html can be compared byte for byte (see
test_the_page_does_not_depend_on_the_hash_seed).
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, copy_article

import kg
from kg.cli import main

CORPUS = ROOT / "tests" / "corpus"
OLD = ["palisade-robotics-hire.en", "stc-kalima-licence.ar", "kestrel-ai-funding.en", "g42-basira-talks.ar"]
NEW = OLD[:3] + ["arcline-cloud-h100.en", "amd-qanat-acquihire.ar"]  # g42 dropped, two added, kestrel changed
OUTPUTS = ("graph.trig", "graph.ttl", "graph.html")
COUNT = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a sanad:Article }"

# Runs `kg build` and SIGKILLs it at SANAD_KILL_AT:
#   "replace:WHAT:before|after"  around the first os.replace that matches WHAT;
#   "call:MODULE.FUNCTION"       once that function (looked up on its module at call time) returns;
#   "store-extend"               after the first batch written into an open writable store, that is
#                                in the middle of updating the store in place (kg.store.replace_graphs).
# A worker process that meets the point kills the main process, then itself.
KILLER = r"""
import importlib, os, signal, sys
from pathlib import Path
point = os.environ["SANAD_KILL_AT"]
out = Path(os.environ["SANAD_OUT"]).resolve()
MAIN = os.getpid()

def die():
    os.kill(MAIN, signal.SIGKILL)
    os.kill(os.getpid(), signal.SIGKILL)

def matches(what, src, dst):
    src, dst = Path(src).resolve(), Path(dst).resolve()
    if what == "cache":
        return dst.suffix == ".pickle"
    if what == "store-aside":  # the old store moved out of the way
        return src == out / "store"
    if what == "store":  # the new store moved into place
        return dst == out / "store" and src.name.endswith(".tmp")
    return dst == out / what

def after(function):
    def wrapped(*a, **k):
        result = function(*a, **k)
        die()
        return result
    return wrapped

if point.startswith("replace:"):
    _, what, when = point.split(":")
    real = os.replace
    def replace(src, dst, *a, **k):
        hit = matches(what, src, dst)
        if hit and when == "before":
            die()
        real(src, dst, *a, **k)
        if hit:
            die()
    os.replace = replace
elif point.startswith("call:"):
    module, _, name = point[5:].rpartition(".")
    module = importlib.import_module(module)
    setattr(module, name, after(getattr(module, name)))
elif point == "store-extend":
    import kg.store
    real_open = kg.store.open_store
    class Store:
        def __init__(self, store):
            self.store = store
        def __getattr__(self, name):
            return getattr(self.store, name)
        def __len__(self):
            return len(self.store)
        def extend(self, quads):
            self.store.extend(quads)
            self.store.flush()
            die()
    def open_store(path, writable=False):
        store = real_open(path, writable)
        return Store(store) if writable else store
    kg.store.open_store = open_store
from kg.cli import main
main(["build", *sys.argv[1:]])
"""


def articles(names: list[str], folder: Path, changed: str | None = None) -> Path:
    for name in names:
        copy_article(CORPUS / f"{name}.txt", folder)
    if changed:  # the same article with one more sentence
        path = folder / f"{changed}.txt"
        path.write_text(path.read_text(encoding="utf-8") + "\nGoogle hired Mustafa Suleyman, Reuters reported.\n",
                        encoding="utf-8")
    return folder


ENV = {**os.environ, "PYTHONHASHSEED": "0"}


class Build:
    """`kg build ARGS` in a subprocess of its own session (CODE: a script standing in for
    `python -m kg build`). `kill()` SIGKILLs it with any worker processes it started."""

    def __init__(self, *args: str, env: dict | None = None, code: str | None = None) -> None:
        cmd = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "kg", "build", *args]
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env={**ENV, **(env or {})}, stdout=subprocess.DEVNULL,
                                     stderr=self.log, start_new_session=True)

    def kill(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def wait(self, timeout: float = 300) -> int:
        try:
            self.proc.wait(timeout)
        finally:
            self.kill()  # what a killed build left running (pool workers) goes with it
            self.proc.wait()
        return self.proc.returncode

    @property
    def returncode(self) -> int | None:
        return self.proc.returncode

    @property
    def stderr(self) -> str:
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")


def kg_build(*args: str, env: dict | None = None, code: str | None = None) -> Build:
    """Run a build to its end (or to its death)."""
    build = Build(*args, env=env, code=code)
    build.wait()
    return build


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """(new articles, a folder with the complete old build, the old outputs' bytes, a clean build's bytes)."""
    root = tmp_path_factory.mktemp("faults")
    new_in = articles(OLD, root / "in")  # the articles' folder, edited between the two builds
    base, clean = root / "base", root / "clean"
    proc = kg_build(str(new_in), "--out", str(base), "-q", "--no-check")
    assert proc.returncode == 0, proc.stderr
    shutil.rmtree(new_in)
    articles(NEW, new_in, changed="kestrel-ai-funding.en")
    proc = kg_build(str(new_in), "--out", str(clean), "-q")
    assert proc.returncode == 0, proc.stderr
    old = {name: (base / name).read_bytes() for name in OUTPUTS}
    new = {name: (clean / name).read_bytes() for name in OUTPUTS}
    assert all(old[n] != new[n] for n in OUTPUTS)
    return new_in, base, old, new


def query_count(folder: Path) -> int:
    result = CliRunner().invoke(main, ["query", "-", "--graph", str(folder), "--format", "csv"], input=COUNT,
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return int(result.stdout.splitlines()[1])


def check_after_kill(out: Path, old: dict, new: dict) -> str:
    """Each output is the old or the new complete file, the store opens, and `kg query` answers
    from the graph as it now is. Returns which outputs were new."""
    state = []
    for name in OUTPUTS:
        data = (out / name).read_bytes()
        assert data in (old[name], new[name]), f"{name} is neither the previous nor the new complete file"
        state.append(f"{name}={'new' if data == new[name] else 'old'}")
    expected = len(NEW) if (out / "graph.trig").read_bytes() == new["graph.trig"] else len(OLD)
    assert query_count(out) == expected  # through the store when it is current, else graph.trig
    graph = kg.open(out)
    assert len(graph) > 0
    if graph.kind == "store":  # a store that claims to be current answers like graph.trig
        assert graph.query(COUNT)[0]["n"] == str(expected)
    del graph
    return " ".join(state)


def rebuild_and_compare(new_in: Path, out: Path, new: dict, check: bool = False) -> None:
    """The next build (validation optional: it does not change the bytes, and the clean build ran it)."""
    proc = kg_build(str(new_in), "--out", str(out), "-q", *([] if check else ["--no-check"]))
    assert proc.returncode == 0, proc.stderr
    for name in OUTPUTS:
        assert (out / name).read_bytes() == new[name], f"{name} differs from a clean build's"
    assert kg.open(out).kind == "store"
    assert query_count(out) == len(NEW)
    assert not list(out.glob(".store.*")), "a killed build's store folders are cleaned up"


def killed_copy(base: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    shutil.copytree(base, out, symlinks=True)
    return out


# (kill point, the store loaded afresh?). A build that changes a few article graphs replaces them in
# the store in place; one with no record of the store's graphs (DIR/.cache/graphs.json removed
# below) loads a new store aside and renames it into place.
POINTS = [
    ("replace:cache:after", False),           # the first new cache entry in place, the others not yet written
    ("replace:graph.trig:before", False),     # graph.trig's temporary file complete, not renamed
    ("replace:graph.trig:after", False),      # graph.trig new, graph.ttl and graph.html old, the store stale
    ("store-extend", False),                  # the store half updated in place
    ("call:kg.store.replace_graphs", False),  # the store updated, the record of its graphs not yet
    ("call:kg.query.load", True),             # a new store loaded (not optimized) in its temporary folder
    ("replace:store-aside:after", True),      # the old store moved aside, no store/ at all
    ("replace:store:after", True),            # the new store in place, the old one not yet removed
]


@pytest.mark.parametrize("point,reload", POINTS, ids=[p for p, _ in POINTS])
def test_a_build_killed_at_each_stage_leaves_usable_outputs(builds, tmp_path, point, reload):
    new_in, base, old, new = builds
    out = killed_copy(base, tmp_path)
    if reload:  # no record of what the store holds: it is loaded again
        for state in (out / ".cache").rglob("graphs.json"):
            state.unlink()
    proc = kg_build(str(new_in), "--out", str(out), "-q", "--no-check", code=KILLER,
                    env={"SANAD_KILL_AT": point, "SANAD_OUT": str(out)})
    assert proc.returncode == -signal.SIGKILL, f"the kill point {point} was not reached: {proc.stderr}"
    check_after_kill(out, old, new)
    rebuild_and_compare(new_in, out, new, check=point == POINTS[-1][0])


@pytest.mark.parametrize("delay", [1.0, 2.5])
def test_a_build_killed_after_a_delay_leaves_usable_outputs(builds, tmp_path, delay):
    new_in, base, old, new = builds
    out = killed_copy(base, tmp_path)
    build = Build(str(new_in), "--out", str(out), "-q")
    time.sleep(delay)
    build.kill()  # a no-op when the build has already finished
    build.wait()
    check_after_kill(out, old, new)
    rebuild_and_compare(new_in, out, new)


def test_the_next_build_removes_a_killed_builds_temporary_files(builds, tmp_path):
    new_in, base, old, new = builds
    out = killed_copy(base, tmp_path)
    proc = kg_build(str(new_in), "--out", str(out), "-q", "--no-check", code=KILLER,
                    env={"SANAD_KILL_AT": "replace:graph.trig:before", "SANAD_OUT": str(out)})
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    # complete copies of the new graph and merge, written before either replaces its file
    assert sorted(p.name[:11] for p in out.glob(".*.tmp")) == [".graph.trig", ".graph.ttl."]
    rebuild_and_compare(new_in, out, new)
    assert not list(out.glob(".*.tmp"))


def test_the_page_does_not_depend_on_the_hash_seed(builds, tmp_path):
    """Found by the kill tests: kg/view.py numbered evidence rows in the order of rdflib's sets, so
    graph.html changed with PYTHONHASHSEED (the in-process determinism tests share one seed)."""
    _, _, _, new = builds
    trig, page = tmp_path / "graph.trig", tmp_path / "graph.html"
    trig.write_bytes(new["graph.trig"])
    proc = subprocess.run([sys.executable, "-m", "kg", "view", str(trig), "-o", str(page)], cwd=ROOT,
                          env={**ENV, "PYTHONHASHSEED": "1"}, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert page.read_bytes() == new["graph.html"]


def test_a_moved_folder_keeps_its_cache(tmp_path):
    first = articles(OLD[:1], tmp_path / "a")
    assert kg_build(str(first), "--out", str(tmp_path / "out"), "-q", "--no-check", "--no-view").returncode == 0
    moved = first.rename(tmp_path / "b")
    proc = kg_build(str(moved), "--out", str(tmp_path / "out"), "--no-check", "--no-view")
    assert proc.returncode == 0, proc.stderr
    assert "damaged" not in proc.stderr and "0 extracted" in proc.stderr, proc.stderr


def test_ctrl_c_stops_a_build_at_once_with_one_line_and_leaves_nothing_running(tmp_path):
    """Ctrl-C during extraction: the build stops within seconds (the pool's workers used to print a
    traceback each and the build waited for them), says "Aborted!", writes no output and leaves no
    process behind."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(40):  # ~400 articles: extraction is still running when the signal comes
        for src in sorted(CORPUS.glob("*.txt")):
            base, lang = src.name.split(".")[:2]
            shutil.copy(src, folder / f"{base}-{i:02d}.{lang}.txt")
            meta = src.with_name(f"{base}.{lang}.meta.json")
            if meta.exists():
                shutil.copy(meta, folder / f"{base}-{i:02d}.{lang}.meta.json")
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(folder), "--out", str(out), "-q"], cwd=ROOT,
                            env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # as at a terminal
    try:
        deadline = time.monotonic() + 120
        while len(list(out.glob(".cache/*/*.pickle"))) < 10 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, "the build ended before it could be interrupted"
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C sends: every process of the terminal's group
        _, err = proc.communicate(timeout=30)
        gone = time.monotonic() + 10
        while time.monotonic() < gone:
            try:
                os.killpg(proc.pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)
        else:
            raise AssertionError("processes of the interrupted build are still running")
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    text = err.decode("utf-8", "replace")
    assert proc.returncode != 0 and "Aborted!" in text and "Traceback" not in text, text
    assert not (out / "graph.trig").exists() and not list(out.glob(".*.tmp"))
