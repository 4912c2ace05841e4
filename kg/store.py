"""The persistent store: DIR/store/, an on-disk Oxigraph (RocksDB) database bulk-loaded from the
build's graph.trig: one named graph per article, and their RDF merge as the default graph, which is
what queries read (see kg.query.load).

graph.trig stays the record (and the golden output); the store is derived from it, for speed. A
build writes the store into a temporary folder and renames it into place, so an interrupted build
never leaves half a store, and a manifest inside the store says which graph.trig it was loaded from:
a store older than its graph.trig is ignored (with a warning) and the graph file is read instead.

>>> import tempfile
>>> d = Path(tempfile.mkdtemp())
>>> _ = (d / "graph.trig").write_text("<urn:g> { <urn:s> <urn:p> 'o' }", encoding="utf-8")
>>> create(d / "graph.trig").name
'store'
>>> open(d).query("SELECT ?o WHERE { ?s ?p ?o }")
[{'o': 'o'}]
"""
from __future__ import annotations

import builtins
import gc
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

import pyoxigraph as ox

from kg import query as q
from kg.defaults import GRAPH_TRIG, STORE_DIR, STORE_MANIFEST
from kg.errors import InputError, KGError, QueryError

MANIFEST_FORMAT = 1


def create(source: Path, target: Path | None = None, merge: Path | None = None) -> Path:
    """Bulk-load the graph file SOURCE (TriG: one named graph per article) into an on-disk store at
    TARGET (default: store/ beside SOURCE), replacing any store there only once the new one is
    complete. MERGE, when given, is a triples file holding exactly the RDF merge of SOURCE's graphs
    (the build's graph.ttl, written with it): it becomes the default graph without parsing SOURCE a
    second time in Python (see kg.query.load). Returns TARGET."""
    target = target or source.parent / STORE_DIR
    if not source.is_file():
        raise InputError("no such graph file; run `kg build` first", source)
    fmt = q.RDF_FORMATS.get(source.suffix)
    if fmt is None:
        raise InputError(f"unknown graph format '{source.suffix}'. Use one of: {', '.join(sorted(q.RDF_FORMATS))}", source)
    parent = target.parent
    parent.mkdir(parents=True, exist_ok=True)
    for leftover in parent.glob(f".{target.name}.*.tmp"):  # from a build that was killed mid-way
        shutil.rmtree(leftover, ignore_errors=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent))
    try:
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o777 & ~mask)  # as a plain mkdir would (mkdtemp makes it private)
        fingerprint = _fingerprint(source)  # before loading: a graph.trig rewritten meanwhile makes the store stale
        store = ox.Store(str(tmp))
        try:
            q.load(store, source, fmt, parallel=True, merge=merge)
        except (SyntaxError, ValueError) as exc:
            raise InputError(f"cannot load into the store: {str(exc).splitlines()[0][:300]}", source) from None
        store.optimize()  # one sorted run per index: reads seek far less than in the bulk loader's many files
        store.flush()
        del store  # closes the database before it is moved
        gc.collect()
        (tmp / STORE_MANIFEST).write_text(json.dumps(fingerprint, indent=1) + "\n", encoding="utf-8")
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", suffix=".tmp", dir=parent))
            os.replace(target, old / target.name)
        os.replace(tmp, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target


def replace_graphs(store_dir: Path, graphs: Mapping[str, Path | bytes], removed: Iterable[str] = (), *,
                   source: Path | None = None, fmt: ox.RdfFormat = ox.RdfFormat.TRIG) -> dict[str, int]:
    """Replace some named graphs of the store STORE_DIR in place, for incremental builds.

    GRAPHS maps a graph IRI to its new content: a file (format from its suffix: .nq, .trig, .nt,
    .ttl) or bytes in FMT (TriG by default; N-Quads, N-Triples and Turtle work too). The content's
    triples go into that graph whether the content puts them in its default graph or in a graph of
    that IRI; any other graph name in it is an error. A graph not yet in the store is added. REMOVED
    names graphs to drop. The default graph stays the RDF merge of the named graphs: every new triple
    is added to it, and an old triple leaves it only when no remaining named graph holds it. SOURCE,
    the graph file the store now matches (normally the new graph.trig), is fingerprinted into the
    manifest, so `kg query` keeps reading the store; without it the store's manifest marks it stale.

    While it runs the manifest says the store is being updated, so a store left half-updated by a
    crash is never taken as current (it is read around, with a warning, until `kg build`).
    Returns counts: graphs replaced and removed, triples added to and removed from the default graph.

    >>> replace_graphs(Path("build/store"), {str(iris.iri("article/a.en")): Path("a.nq")},
    ...                source=Path("build/graph.trig"))                              # doctest: +SKIP
    {'graphs': 1, 'removed_graphs': 0, 'default_added': 12, 'default_removed': 3}
    """
    if not is_store(store_dir):
        raise InputError("no store here; run `kg build` first", store_dir)
    fingerprint = _fingerprint(source) if source is not None else None  # before changing anything, as create()
    new: dict[ox.NamedNode, set[ox.Triple]] = {}
    for iri, content in graphs.items():
        node = ox.NamedNode(iri)
        new[node] = set(_triples_of(content, node, fmt))
    drop = {ox.NamedNode(iri) for iri in removed} - set(new)
    m = manifest(store_dir) or {}
    _write_manifest(store_dir, {**m, "format": MANIFEST_FORMAT, "state": "updating", "sha256": None, "size": None})
    store = open_store(store_dir, writable=True)
    default = ox.DefaultGraph()
    old: set[ox.Triple] = set()
    for node in set(new) | drop:
        if store.contains_named_graph(node):
            old.update(quad.triple for quad in store.quads_for_pattern(None, None, None, node))
            store.remove_graph(node)
    for node, triples in new.items():
        store.add_graph(node)
        store.extend([ox.Quad(t.subject, t.predicate, t.object, node) for t in triples])
    added = set().union(*new.values()) if new else set()
    store.extend([ox.Quad(t.subject, t.predicate, t.object, default) for t in added])
    gone = 0
    for t in old - added:
        if not any(quad.graph_name != default for quad in store.quads_for_pattern(t.subject, t.predicate, t.object, None)):
            store.remove(ox.Quad(t.subject, t.predicate, t.object, default))
            gone += 1
    store.flush()
    del store
    gc.collect()
    if fingerprint is not None:
        _write_manifest(store_dir, fingerprint)
    else:
        _write_manifest(store_dir, {**m, "format": MANIFEST_FORMAT, "state": "modified", "sha256": None, "size": None})
    return {"graphs": len(new), "removed_graphs": len(drop), "default_added": len(added), "default_removed": gone}


def _triples_of(content: Path | bytes, node: ox.NamedNode, fmt: ox.RdfFormat):
    if isinstance(content, (str, Path)):
        path = Path(content)
        fmt = q.RDF_FORMATS.get(path.suffix)
        if fmt is None:
            raise InputError(f"unknown graph format '{path.suffix}'. Use one of: {', '.join(sorted(q.RDF_FORMATS))}", path)
        quads = ox.parse(path=str(path), format=fmt)
    else:
        quads = ox.parse(content, format=fmt)
    try:
        for quad in quads:
            if quad.graph_name not in (ox.DefaultGraph(), node):
                raise InputError(f"the content given for <{node.value}> holds graph {quad.graph_name}")
            yield quad.triple
    except (SyntaxError, ValueError) as exc:
        raise InputError(f"cannot parse the content of <{node.value}>: {str(exc).splitlines()[0][:300]}") from None


def _write_manifest(store_dir: Path, data: dict) -> None:
    tmp = store_dir / (STORE_MANIFEST + ".tmp")
    tmp.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, store_dir / STORE_MANIFEST)


def _fingerprint(source: Path) -> dict:
    st = source.stat()
    return {"format": MANIFEST_FORMAT, "source": source.name, "size": st.st_size, "mtime_ns": st.st_mtime_ns,
            "sha256": _sha256(source), "default_graph": "union"}


def union_default(store_dir: Path) -> bool:
    """Does the store's default graph hold the merge of its named graphs (a store Sanad made)?"""
    return (manifest(store_dir) or {}).get("default_graph") == "union"


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with builtins.open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def manifest(store_dir: Path) -> dict | None:
    try:
        return json.loads((store_dir / STORE_MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def files_stamp(store_dir: Path) -> dict[str, list[int]]:
    """Each file of the store folder but RocksDB's info logs: [size, modification and change times,
    inode]. Taken when a build leaves the store, it tells the next build whether anything wrote to
    the folder since (the change time moves with any write and cannot be set back; a read-only open,
    as `kg query` and `kg serve` make, writes nothing). A write within the same tick of the file
    system's clock as the build's last one would not show: a few milliseconds, under the build's lock."""
    stamps = {}
    for entry in os.scandir(store_dir):
        if entry.is_file() and not entry.name.startswith("LOG"):
            st = entry.stat()
            stamps[entry.name] = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
    return stamps


def is_store(path: Path) -> bool:
    """A folder holding an Oxigraph database (ours has a manifest; RocksDB always has CURRENT)."""
    return path.is_dir() and ((path / STORE_MANIFEST).exists() or (path / "CURRENT").exists())


def is_fresh(store_dir: Path, source: Path) -> bool:
    """Was STORE_DIR loaded from SOURCE as it is now? Size and mtime first, the hash when they differ."""
    if not source.exists():
        return True
    m = manifest(store_dir)
    if m is None or m.get("format") != MANIFEST_FORMAT:
        return False
    st = source.stat()
    if st.st_size != m.get("size"):
        return False
    return st.st_mtime_ns == m.get("mtime_ns") or _sha256(source) == m.get("sha256")


def locate(path: Path) -> tuple[str, Path]:
    """What PATH holds: ("store", folder) or ("file", graph file).

    PATH is a build folder (its store/ when that is current, else its graph.trig), a store folder,
    or a graph file."""
    if not path.exists():
        missing = path if path.suffix else path / GRAPH_TRIG  # a build folder not built yet
        raise InputError("no such graph file; run `kg build` first or pass --graph FILE", missing)
    if path.is_file():
        return "file", path
    if is_store(path):
        return "store", path
    store, trig = path / STORE_DIR, path / GRAPH_TRIG
    if is_store(store):
        if is_fresh(store, trig):
            return "store", store
        m = manifest(store)
        why = ("has no readable manifest (damaged?), unlike" if m is None else
               "was left half-updated, unlike" if m.get("state") == "updating" else "is older than")
        print(f"Warning: {store} {why} {trig}; reading {trig} (run `kg build` to rebuild the store)",
              file=sys.stderr)
    if trig.exists():
        return "file", trig
    raise InputError(f"no {STORE_DIR}/ or {GRAPH_TRIG} here; run `kg build --out {path}` first", path)


def open_store(store_dir: Path, writable: bool = False) -> ox.Store:
    """The Oxigraph database in STORE_DIR: read-only unless WRITABLE (one writer at a time)."""
    try:
        return ox.Store(str(store_dir)) if writable else ox.Store.read_only(str(store_dir))
    except (OSError, RuntimeError, ValueError) as exc:
        raise InputError(f"cannot open the store: {str(exc).splitlines()[0][:300]}", store_dir) from None


def memory_fits(store_dir: Path, copies: int = 1) -> bool:
    """Would COPIES in-memory copies of the store's default graph (q.memory_copy) take at most half of
    the memory available now? A copy takes about as much memory as the store takes on disk (320 MB for
    a 375 MB store of 1M triples: see the README)."""
    need = sum(f.stat().st_size for f in store_dir.iterdir() if f.is_file()) * copies
    try:
        with builtins.open("/proc/meminfo", encoding="ascii") as fh:
            info = dict(line.split(":", 1) for line in fh)
        available = int(info["MemAvailable"].split()[0]) * 1024
    except (OSError, KeyError, ValueError):
        return False  # no way to tell: stay on disk
    return need <= available // 2


def open(path: Path | str, memory: bool = False) -> Graph:  # kg.open(path), the notebook API
    """Open a build folder, a store folder or a graph file for querying. MEMORY: copy the store's
    default graph into memory first (seconds per million triples), so that queries naming no graph
    run 2-4 times faster, as `kg serve` does; for many queries on one store.

    >>> g = kg.open("build")                                  # doctest: +SKIP
    >>> g.query("people-and-positions")[0]["organization"]    # doctest: +SKIP
    'org:perplexity'
    """
    path = Path(path)
    kind, found = locate(path)
    if kind == "store":
        trig = found.parent / GRAPH_TRIG
        fallback = trig if found.name == STORE_DIR and trig.exists() else None  # a build's store/ beside its graph.trig
        try:
            disk, merged = open_store(found), union_default(found)
            hot = q.memory_copy(disk) if memory and merged else None
            return Graph(q.Store(found, store=disk, union_default=merged, fallback=fallback, hot=hot), "store")
        except KGError as exc:
            if fallback is None:
                raise
            print(f"Warning: {found} is damaged ({exc.message}); reading {trig} "
                  f"(run `kg build` to rebuild the store)", file=sys.stderr)
            found = trig
    return Graph(q.Store(found), "file")


def query(store: q.Store, text: str, params: dict[str, str] | None = None, source: str = "query"):
    """Run SPARQL with the union of the named graphs as the default graph; parameters are bound
    with VALUES (see kg.query.bind). Returns pyoxigraph's result object."""
    return store.query(text, params, source)


class Graph:
    """A queryable graph: `kg.open(path)`.

    `query(sparql, **params)` -> SELECT rows as dicts of strings (IRIs shortened with the Sanad
    prefixes, literals with @lang where they have one); SPARQL is a query text or the name of a
    library query. `raw(sparql, **params)` -> the result as pyoxigraph gives it: a bool for ASK,
    triples for CONSTRUCT/DESCRIBE, solutions for SELECT.
    """

    def __init__(self, store: q.Store, kind: str) -> None:
        self.store = store
        self.kind = kind  # "store" (on disk) or "file" (loaded into memory)
        self.path = store.path

    def __repr__(self) -> str:
        return f"<kg.Graph {self.kind} {self.path}>"

    def _text(self, sparql: str) -> tuple[str, str]:
        if re.fullmatch(r"[\w./-]+", sparql.strip()):
            return q.resolve(sparql.strip())  # a library query's name or a .rq file
        return sparql, "query"

    def raw(self, sparql: str, **params: str):
        text, source = self._text(sparql)
        result = query(self.store, text, {k: str(v) for k, v in params.items()}, source)
        return bool(result) if isinstance(result, ox.QueryBoolean) else result

    def query(self, sparql: str, **params: str) -> list[dict[str, str]]:
        result = self.raw(sparql, **params)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("query() gives SELECT rows; use raw() for ASK, CONSTRUCT and DESCRIBE")
        names = [v.value for v in result.variables]
        return [{n: q.short(sol[n]) for n in names if sol[n] is not None} for sol in result]

    def __len__(self) -> int:
        return len(self.store.store)
