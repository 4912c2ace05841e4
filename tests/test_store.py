"""The persistent store DIR/store/: written by kg build atomically, read by kg query and kg.open
when it is current, ignored (with a warning) when graph.trig is newer."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT

import kg
from kg import store

Q = "SELECT ?p ?o WHERE { ?p sanad:worksFor ?o } ORDER BY ?p ?o"


def test_build_writes_a_store_that_answers_like_the_graph_file(seed_build):
    assert store.is_store(seed_build / "store") and store.union_default(seed_build / "store")
    from_store, from_file = kg.open(seed_build), kg.open(seed_build / "graph.trig")
    assert (from_store.kind, from_file.kind) == ("store", "file")
    assert from_store.query(Q) == from_file.query(Q) != []
    assert kg.open(seed_build / "store").query(Q) == from_store.query(Q)  # a store folder
    assert not [p for p in seed_build.iterdir() if p.name.endswith(".tmp")]


def test_python_api(seed_build):
    g = kg.open(str(seed_build))
    rows = g.query("people-and-positions")  # a library query by name
    assert {r["person"] for r in rows} >= {"person:naveen-rao", "person:sam-altman"}
    assert g.query("entity-facts", entity="Naveen Rao") == g.query("entity-facts", entity="نافين راو")
    assert g.raw("ASK { ?d a sanad:Deal }") is True
    triples = list(g.raw("CONSTRUCT { ?p a sanad:Person } WHERE { ?p a sanad:Person }"))
    assert len(triples) == 8
    with pytest.raises(kg.KGError, match="raw()"):
        g.query("ASK { ?s ?p ?o }")
    with pytest.raises(kg.KGError, match="SPARQL syntax error"):
        g.query("SELECT ?x WHERE { ?x")
    with pytest.raises(kg.KGError, match="no such graph file"):
        kg.open(seed_build / "nothing-here")


def test_a_stale_store_is_ignored_and_a_rebuild_replaces_it(tmp_path, seed_build, capsys):
    out = tmp_path / "out"
    shutil.copytree(seed_build, out, ignore=shutil.ignore_patterns(".cache"))
    trig = out / "graph.trig"
    os.utime(trig, ns=(trig.stat().st_atime_ns, trig.stat().st_mtime_ns + 10**9))
    assert kg.open(out).kind == "store"  # touched, same bytes: still current (the hash decides)
    trig.write_text(trig.read_text(encoding="utf-8").replace("sanad:worksFor org:databricks", "sanad:worksFor org:x", 1),
                    encoding="utf-8")
    g = kg.open(out)
    assert g.kind == "file" and "older than" in capsys.readouterr().err
    assert {"p": "person:naveen-rao", "o": "org:x"} in g.query(Q)
    old = (out / "store").stat().st_ino
    store.create(trig)
    assert kg.open(out).kind == "store" and (out / "store").stat().st_ino != old
    assert {"p": "person:naveen-rao", "o": "org:x"} in kg.open(out).query(Q)
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_build_without_a_store_and_with_a_missing_one(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.en.txt").write_text("Microsoft hired Inflection CEO Mustafa Suleyman, Bloomberg reported.\n",
                                  encoding="utf-8")
    out = tmp_path / "out"
    result = kg.build([src], out, check=False, view=False, store=False)
    assert not (out / "store").exists() and out / "store" not in result.outputs
    assert kg.open(out).kind == "file"
    result = kg.build([src], out, check=False, view=False)
    assert (out / "store") in result.outputs and kg.open(out).kind == "store"
    shutil.rmtree(out / "store")
    kg.build([src], out, check=False, view=False)
    assert kg.open(out).kind == "store"


def test_an_interrupted_store_is_never_half_there(tmp_path, seed_build, monkeypatch):
    out = tmp_path / "out"
    shutil.copytree(seed_build, out, ignore=shutil.ignore_patterns(".cache"))
    before = kg.open(out).query(Q)

    def fail(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(store.q, "load", fail)
    with pytest.raises(KeyboardInterrupt):
        store.create(out / "graph.trig")
    monkeypatch.undo()
    assert kg.open(out).query(Q) == before  # the old store, whole
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    (out / ".store.leftover.tmp").mkdir()  # as a killed build leaves it
    store.create(out / "graph.trig")
    assert not (out / ".store.leftover.tmp").exists()


def test_kg_query_reads_the_store_by_default(tmp_path, seed_build):
    (tmp_path / "build").symlink_to(seed_build, target_is_directory=True)
    run = [sys.executable, "-m", "kg", "query", "hires", "--format", "csv"]
    proc = subprocess.run(run, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and "noam-shazeer" in proc.stdout and proc.stderr == ""
    proc = subprocess.run(run[:-2] + ["--graph", str(seed_build / "store")], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0 and "noam-shazeer" in proc.stdout
    empty = tmp_path / "empty"
    empty.mkdir()
    proc = subprocess.run(run, cwd=empty, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and proc.stderr.startswith("Error: build/graph.trig: no such graph file")


def _flip_bytes(path):
    data = bytearray(path.read_bytes())
    for i in range(20, min(len(data) // 3, 3000), 5):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


def _largest_sst(d):
    return max(d.glob("*.sst"), key=lambda p: p.stat().st_size)


DAMAGE = {  # ways a store folder gets damaged: a disk filling up, a copy cut short, a stray rm
    "sst-truncated": lambda d: os.truncate(_largest_sst(d), _largest_sst(d).stat().st_size // 2),
    "sst-deleted": lambda d: _largest_sst(d).unlink(),
    "sst-zeroed": lambda d: _largest_sst(d).write_bytes(b"\0" * _largest_sst(d).stat().st_size),
    "sst-bytes-flipped": lambda d: [_flip_bytes(p) for p in d.glob("*.sst")],
    "current-deleted": lambda d: (d / "CURRENT").unlink(),
    "current-garbage": lambda d: (d / "CURRENT").write_text("garbage\n"),
    "rocksdb-manifest-truncated": lambda d: os.truncate(next(d.glob("MANIFEST-*")), 100),
    "rocksdb-manifest-deleted": lambda d: next(d.glob("MANIFEST-*")).unlink(),
    "sanad-manifest-garbage": lambda d: (d / "sanad-store.json").write_text("{not json", encoding="utf-8"),
    "sanad-manifest-deleted": lambda d: (d / "sanad-store.json").unlink(),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_store_is_detected_read_around_and_rebuilt(damage, tmp_path, seed_build, capsys):
    out = tmp_path / "out"
    shutil.copytree(seed_build, out, ignore=shutil.ignore_patterns(".cache"))
    expected = kg.open(out).query(Q)
    capsys.readouterr()
    DAMAGE[damage](out / "store")
    g = kg.open(out)
    assert g.kind == "file" and g.query(Q) == expected  # graph.trig, read instead
    err = capsys.readouterr().err
    assert err.startswith("Warning: ") and "graph.trig" in err and "kg build" in err, err
    store.create(out / "graph.trig")  # what kg build does after writing graph.trig
    assert kg.open(out).kind == "store" and kg.open(out).query(Q) == expected
    assert capsys.readouterr().err == ""


def test_kg_query_and_kg_build_over_a_damaged_store(tmp_path, seed_build):
    out = tmp_path / "build"
    shutil.copytree(seed_build, out)
    DAMAGE["sst-truncated"](out / "store")
    run = [sys.executable, "-m", "kg", "query", "hires", "--format", "csv"]
    proc = subprocess.run(run, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and "noam-shazeer" in proc.stdout
    assert proc.stderr.startswith("Warning: ") and "damaged" in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(ROOT / "seeds"), "--out", str(out), "--no-view", "-q"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert kg.open(out).kind == "store"
    proc = subprocess.run(run, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and "noam-shazeer" in proc.stdout and proc.stderr == ""


def test_a_store_damaged_under_a_running_query_falls_back(tmp_path, seed_build, capsys):
    """Damage RocksDB finds only when it reads a block: the query runs again on graph.trig."""
    out = tmp_path / "out"
    shutil.copytree(seed_build, out, ignore=shutil.ignore_patterns(".cache"))
    g = kg.open(out)
    expected = g.query(Q)

    class Broken:
        def query(self, *args, **kwargs):
            raise OSError("Corruption: block checksum mismatch in 000042.sst")

    g.store.store = Broken()
    assert g.query(Q) == expected
    assert "damaged" in capsys.readouterr().err


A, B, C, D = (f"https://w3id.org/sanad/id/article/{x}.en" for x in "abcd")
SHARED = "<https://w3id.org/sanad/id/person/x> <http://www.w3.org/2000/01/rdf-schema#label> \"X\"@en ."
WORKS = "<https://w3id.org/sanad/id/person/x> <https://w3id.org/sanad/ontology#worksFor> <https://w3id.org/sanad/id/org/{}> ."


def _trig(graphs: dict[str, list[str]]) -> str:
    return "".join(f"<{g}> {{\n" + "\n".join(lines) + "\n}\n" for g, lines in sorted(graphs.items()))


def _quads(store_dir):
    import pyoxigraph as ox
    st = ox.Store.read_only(str(store_dir))
    return sorted(str(q) for q in st)


def test_replace_graphs_equals_a_store_built_from_scratch(tmp_path):
    before = {A: [SHARED, WORKS.format("y")], B: [SHARED, WORKS.format("y"), WORKS.format("z")],
              C: [SHARED, WORKS.format("w")]}
    after = {A: [SHARED, WORKS.format("y")], B: [WORKS.format("v")], D: [SHARED, WORKS.format("w"), WORKS.format("u")]}
    old, final = tmp_path / "old" / "graph.trig", tmp_path / "new" / "graph.trig"
    old.parent.mkdir()
    final.parent.mkdir()
    old.write_text(_trig(before), encoding="utf-8")
    final.write_text(_trig(after), encoding="utf-8")
    target = store.create(old)
    expected = _quads(store.create(final))
    (tmp_path / "d.nq").write_text("".join(line[:-1] + f"<{D}> .\n" for line in after[D]), encoding="utf-8")
    counts = store.replace_graphs(target, {B: _trig({B: after[B]}).encode("utf-8"), D: tmp_path / "d.nq"}, [C],
                                  source=final)
    assert _quads(target) == expected
    # y stays (A still says it), z and the old w leave with B and C, w comes back with D
    assert counts == {"graphs": 2, "removed_graphs": 1, "default_added": 4, "default_removed": 1}
    assert store.is_fresh(target, final) and store.union_default(target)
    graph = kg.open(target)
    assert graph.query("SELECT ?o WHERE { ?p sanad:worksFor ?o } ORDER BY ?o") == [
        {"o": "org:u"}, {"o": "org:v"}, {"o": "org:w"}, {"o": "org:y"}]


def test_replace_graphs_on_the_seed_build_and_its_refusals(tmp_path, seed_build, capsys):
    out = tmp_path / "out"
    shutil.copytree(seed_build, out, ignore=shutil.ignore_patterns(".cache"))
    article = "https://w3id.org/sanad/id/article/databricks-talent-wars.ar"
    before = _quads(out / "store")
    import pyoxigraph as ox
    st = ox.Store.read_only(str(out / "store"))
    content = ox.serialize([q.triple for q in st.quads_for_pattern(None, None, None, ox.NamedNode(article))],
                           format=ox.RdfFormat.N_TRIPLES)
    del st
    store.replace_graphs(out / "store", {article: content}, fmt=ox.RdfFormat.N_TRIPLES, source=out / "graph.trig")
    assert _quads(out / "store") == before  # the same content again: nothing changes
    store.replace_graphs(out / "store", {}, [article])  # no source: the store no longer matches graph.trig
    assert _quads(out / "store") == []  # its only article gone, the merge is empty too
    assert kg.open(out).kind == "file" and "older than" in capsys.readouterr().err
    with pytest.raises(kg.KGError, match="holds graph"):
        store.replace_graphs(out / "store", {article: f"<{A}> {{ {SHARED} }}".encode()})
    with pytest.raises(kg.KGError, match="cannot parse"):
        store.replace_graphs(out / "store", {article: b"<x> { nonsense"})
    with pytest.raises(kg.KGError, match="no store"):
        store.replace_graphs(tmp_path / "nothing", {})


def test_a_store_loaded_with_the_builds_merge_file_equals_one_derived_from_the_graphs(tmp_path, seed_build):
    """kg build loads the default graph from graph.ttl natively; it must be the very merge that
    parsing graph.trig again would give."""
    shutil.copy(seed_build / "graph.trig", tmp_path / "graph.trig")
    derived = _quads(store.create(tmp_path / "graph.trig", tmp_path / "derived"))
    native = _quads(store.create(tmp_path / "graph.trig", tmp_path / "native", merge=seed_build / "graph.ttl"))
    assert native == derived
    import pyoxigraph as ox
    merge = ox.Store.read_only(str(tmp_path / "native")).quads_for_pattern(None, None, None, ox.DefaultGraph())
    assert len(list(merge)) == len(set(ox.parse(path=str(seed_build / "graph.ttl"), format=ox.RdfFormat.TURTLE))) > 1000
    assert _quads(seed_build / "store") == derived  # what kg build itself wrote


def test_a_store_loaded_in_pieces_side_by_side_equals_one_loaded_whole(tmp_path):
    """kg build's store load cuts graph.trig between graphs (kg.export.split_document) and loads
    the pieces at once, one per core; the store must be the one a single load gives."""
    import pyoxigraph as ox

    from kg.export import split_document
    from kg.query import Store

    out = tmp_path / "out"
    kg.build([ROOT / "tests" / "corpus"], out, check=False, view=False, store=False, jobs=1)
    data = (out / "graph.trig").read_bytes()
    pieces = split_document(data, 3, trig=True)
    assert len(pieces) == 3 and all(p.startswith(b"@prefix ") for p in pieces)
    whole = set(ox.parse(data, format=ox.RdfFormat.TRIG))
    parsed = [set(ox.parse(p, format=ox.RdfFormat.TRIG)) for p in pieces]
    assert set().union(*parsed) == whole and sum(map(len, parsed)) == len(whole)  # no graph cut in two
    ttl = (out / "graph.ttl").read_bytes()
    cut = split_document(ttl, 2, trig=False)
    assert len(cut) == 2 and set().union(*(ox.parse(p, format=ox.RdfFormat.TURTLE) for p in cut)) == \
        set(ox.parse(ttl, format=ox.RdfFormat.TURTLE))
    assert split_document(data.replace(b"@prefix sanad:", b"@prefix s:", 1), 3, trig=True) == \
        [data.replace(b"@prefix sanad:", b"@prefix s:", 1)]  # not written by Sanad: loaded whole
    store.create(out / "graph.trig", tmp_path / "pieces", merge=out / "graph.ttl")
    single = Store(out / "graph.trig")  # in memory, one load after the other
    assert _quads(tmp_path / "pieces") == sorted(str(q) for q in single.store)


def test_memory_fits_weighs_the_copies_against_the_free_memory(seed_build):
    """kg serve --memory auto copies the default graph into each worker only when the copies (about
    the store's size on disk each) fit in half of the memory available."""
    assert store.memory_fits(seed_build / "store", copies=2)
    assert not store.memory_fits(seed_build / "store", copies=10**9)


@pytest.mark.parametrize("damage", sorted(d for d in DAMAGE if not d.startswith("sanad-")))  # (Sanad's: see the plan)
def test_a_rebuild_reads_the_store_through_only_when_something_wrote_to_it_since(damage, tmp_path, monkeypatch, capsys):
    """A rebuild updates the store in place without reading its index through when its files are those
    the last build left (kg.store.files_stamp); a store damaged since is read through, found damaged,
    and loaded again."""
    out = tmp_path / "out"
    kg.build([ROOT / "seeds"], out, view=False)
    opened = []
    real = store.open_store
    monkeypatch.setattr(store, "open_store", lambda d, writable=False: opened.append(writable) or real(d, writable))
    (out / "graph.ttl").unlink()  # (else a build with nothing to do leaves the store alone: see kg._unchanged)
    assert kg.build([ROOT / "seeds"], out, view=False).store_update.startswith("replaced")
    assert opened == [True]  # (the update opens it to write: nothing read it through first)
    expected = kg.open(out).query(Q)
    DAMAGE[damage](out / "store")
    opened.clear()
    capsys.readouterr()
    result = kg.build([ROOT / "seeds"], out, view=False)
    assert opened[:1] == [False]  # read through before anything else
    assert result.store_update == "created" and "cannot be updated in place" in capsys.readouterr().err
    assert kg.open(out).kind == "store" and kg.open(out).query(Q) == expected
