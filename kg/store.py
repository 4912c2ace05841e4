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
from pathlib import Path

import pyoxigraph as ox

from kg import query as q
from kg.defaults import GRAPH_TRIG, STORE_DIR, STORE_MANIFEST
from kg.errors import InputError, KGError, QueryError

MANIFEST_FORMAT = 1


def create(source: Path, target: Path | None = None) -> Path:
    """Bulk-load the graph file SOURCE (TriG: one named graph per article) into an on-disk store at
    TARGET (default: store/ beside SOURCE), replacing any store there only once the new one is
    complete. Returns TARGET."""
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
            q.load(store, source, fmt, parallel=True)
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
        why = "is older than" if manifest(store) is not None else "has no readable manifest (damaged?), unlike"
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


def open(path: Path | str) -> Graph:  # kg.open(path), the notebook API (builtins.open is used below)
    """Open a build folder, a store folder or a graph file for querying.

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
            return Graph(q.Store(found, store=open_store(found), union_default=union_default(found), fallback=fallback),
                         "store")
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
