"""SPARQL over a built graph: the query library in `queries/`, parameters, result formats.

The engine is pyoxigraph (Oxigraph): far faster than rdflib's evaluator on joins (see the
README), and its SPARQL 1.1 result serialisers are standard. rdflib builds and writes graphs.
"""
from __future__ import annotations

import io
import os
import re
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.defaults import PREFIXES, QUERIES_DIR, QUERY_FORMATS
from kg.errors import InputError, QueryError
from kg.text import norm

RDF_FORMATS = {".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS, ".ttl": ox.RdfFormat.TURTLE,
               ".nt": ox.RdfFormat.N_TRIPLES, ".jsonld": ox.RdfFormat.JSON_LD, ".rdf": ox.RdfFormat.RDF_XML}
PARAM_RE = re.compile(r"^#\s*param:\s*(\w+)\s*[-—:]?\s*(.*)$")


@dataclass(frozen=True)
class LibraryQuery:
    name: str
    path: Path
    description: str
    params: tuple[tuple[str, str], ...]
    text: str


def library(folder: Path = QUERIES_DIR) -> list[LibraryQuery]:
    return [parse_query_file(p) for p in sorted(folder.glob("*.rq"))]


def parse_query_file(path: Path) -> LibraryQuery:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"cannot read query: {exc}", path) from None
    header = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    description = next((ln.lstrip("# ").strip() for ln in header if ln.lstrip("# ").strip()), "")
    params = tuple((m.group(1), m.group(2).strip()) for ln in header if (m := PARAM_RE.match(ln)))
    return LibraryQuery(path.stem, path, description, params, text)


def resolve(spec: str, folder: Path = QUERIES_DIR) -> tuple[str, str]:
    """QUERY is '-' (stdin), a .rq file, or the name of a query in the library."""
    if spec == "-":
        try:
            return sys.stdin.buffer.read().decode("utf-8"), "<stdin>"
        except UnicodeDecodeError as exc:
            raise QueryError(f"the query is not UTF-8 text ({exc.reason} at byte {exc.start})", "<stdin>") from None
    path = Path(spec)
    if path.suffix == ".rq" or path.exists():
        if not path.exists():
            raise QueryError("no such query file", path)
        return parse_query_file(path).text, str(path)
    candidate = folder / f"{spec}.rq"
    if candidate.exists():
        return parse_query_file(candidate).text, str(candidate)
    names = [q.name for q in library(folder)]
    close = [n for n in names if spec in n or n in spec]
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    raise QueryError(f"unknown query '{spec}'.{hint} `kg query --list` shows the library.")


def _iri(value: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(value)
    except ValueError as exc:
        raise QueryError(f"parameter value <{value}> is not a valid IRI: {exc}") from None


# Oxigraph's bulk loader works in batches of a million quads, several batches on parallel threads, so
# a file of two million quads or more (about 110 MB of Sanad's TriG) keeps the cores busy by itself;
# below that one batch runs on one core, and cutting the file lets the pieces load side by side. At 1M
# triples (55 MB) the load took 10-12 s cut against 15 s whole; at 10,000 articles (320 MB) cutting
# gave 50.8 s against 51.3 s and 1.8 GB more memory, so big files are loaded whole, and the merge
# after them rather than beside them.
SPLIT_BELOW_BYTES = 100_000_000


def load(store: ox.Store, path: Path, fmt: ox.RdfFormat, parallel: bool = False, merge: Path | None = None) -> None:
    """Load a graph file: its named graphs as they are, and their RDF merge into the default graph,
    which is what queries read. (pyoxigraph 0.5's own union default graph, `use_default_graph_as_union`,
    holds a triple once per graph that has it, so a label or a fact found in two articles doubled
    the rows of every join: oxigraph/oxigraph#1919, fixed after 0.5; 0.5.13 still does it.)

    Oxigraph's bulk loader reads the file into the named graphs natively. The default graph comes
    from MERGE, a triples file that is already the merge (the build's graph.ttl), loaded natively
    too; without it, this thread parses PATH again and streams every triple into the default graph
    (a triple in several graphs is written several times under one key, so the default graph holds
    it once: a set, the merge). PARALLEL (on-disk stores, kg/store.py) cuts a file Sanad wrote below
    SPLIT_BELOW_BYTES between graphs (kg.export.split_document) into one piece per core and runs the
    loads at once (the native loads do not hold the GIL); a bigger file and its merge load one after
    the other."""
    default = ox.DefaultGraph()
    pieces: list[bytes] = []
    if parallel and fmt == ox.RdfFormat.TRIG and path.stat().st_size < SPLIT_BELOW_BYTES:
        from kg.export import split_document

        pieces = split_document(path.read_bytes(), os.cpu_count() or 1, trig=True)
    if len(pieces) > 1:
        jobs = [lambda piece=piece: store.bulk_load(input=piece, format=fmt) for piece in pieces]
    else:  # a file of another writer, a big one, or one core: read by the loader itself
        jobs = [lambda: store.bulk_load(path=str(path), format=fmt)]
    if merge is not None:
        jobs.append(lambda: store.bulk_load(path=str(merge), format=RDF_FORMATS[merge.suffix], to_graph=default))
    else:
        jobs.append(lambda: store.bulk_extend(ox.Quad(quad.subject, quad.predicate, quad.object, default)
                                              for quad in ox.parse(path=str(path), format=fmt)
                                              if quad.graph_name != default))
    if not parallel or len(pieces) <= 1:
        # a big file keeps the cores busy by itself: at 10,000 articles (4.2M quads, and the merge)
        # the two loads one after the other took 38-39 s and 1.9 GB, side by side 39-40 s and 3.2 GB
        for job in jobs:
            job()
        return
    failed: list[BaseException] = []

    def in_thread(job) -> None:
        try:
            job()
        except BaseException as exc:  # re-raised in the calling thread
            failed.append(exc)

    workers = [threading.Thread(target=in_thread, args=(job,), name="sanad-bulk-load", daemon=True) for job in jobs[1:]]
    for worker in workers:
        worker.start()
    try:
        jobs[0]()
    finally:
        for worker in workers:
            worker.join()
    if failed:
        raise failed[0]


# ---------------------------------------------------------------------------------------------
# The words of a query: SERVICE (refused by the endpoint) and GRAPH/FROM (named graphs) are found
# among its tokens, outside strings, IRIs and comments.

_TOKENS = re.compile(r'''
    "{3}(?:[^"\\]|\\.|"(?!""))*"{3} | '{3}(?:[^'\\]|\\.|'(?!''))*'{3}
  | "(?:[^"\\\n]|\\.)*" | '(?:[^'\\\n]|\\.)*'
  | <[^<>"{}|^`\\\x00-\x20]*>
  | \#[^\n]*
  | (?P<word>[?$]?[A-Za-z_][\w-]*(?:[:.][\w.-]*)*)
''', re.VERBOSE)


def keywords(text: str) -> set[str]:
    """The bare words of a SPARQL text, upper-cased: keywords and function names, not variables,
    prefixed names, strings, IRIs or comments.

    >>> sorted(keywords('SELECT * { SERVICE <http://x> { ?s ?p "SERVICE" } } # SERVICE'))
    ['SELECT', 'SERVICE']
    """
    return {m.group("word").upper() for m in _TOKENS.finditer(text)
            if m.group("word") and m.group("word")[0] not in "?$" and ":" not in m.group("word")}


def reads_named_graphs(text: str) -> bool:
    """Might the query read a named graph (GRAPH, FROM, FROM NAMED)? Erring towards yes.

    >>> reads_named_graphs("SELECT * { GRAPH ?g { ?s ?p ?o } }"), reads_named_graphs('SELECT * { ?s ?p "GRAPH" }')
    (True, False)
    """
    return bool(keywords(text) & {"GRAPH", "FROM", "NAMED"})


def memory_copy(store: ox.Store) -> ox.Store:
    """An in-memory store holding STORE's default graph (in a Sanad store, the merge of every article:
    what queries read). Oxigraph's in-memory store answers the library's joins 2-4 times faster than
    its RocksDB store, whose every lookup is a seek (see the README benchmark), and faster without the
    named graphs beside it, so only the default graph is copied; a query that names graphs reads the
    store itself. The copy streams through a pipe (no file, no second copy of the data in memory)."""
    hot = ox.Store()
    read_end, write_end = os.pipe()
    failed: list[BaseException] = []

    def dump() -> None:
        try:
            with os.fdopen(write_end, "wb", buffering=1 << 20) as out:
                store.dump(out, format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        except BaseException as exc:  # re-raised below
            failed.append(exc)

    writer = threading.Thread(target=dump, name="sanad-memory-copy", daemon=True)
    writer.start()
    try:
        with os.fdopen(read_end, "rb", buffering=1 << 20) as source:
            hot.bulk_load(input=source, format=ox.RdfFormat.N_TRIPLES)
    finally:
        writer.join()
    if failed:
        raise failed[0]
    return hot


class Store:
    """An Oxigraph store: in memory, holding one graph file, or an open on-disk store
    (`kg.store.open`). Named graphs are kept (one per article); queries read the default graph,
    which holds their merge. A store whose default graph is not the merge (`union_default=False`,
    not made by Sanad) is read with Oxigraph's union of all graphs instead. HOT, when given, is a
    memory_copy of the default graph: queries that name no graph read it."""

    def __init__(self, path: Path, store: ox.Store | None = None, union_default: bool = True,
                 fallback: Path | None = None, hot: ox.Store | None = None) -> None:
        self.union_default = union_default
        self.hot = hot
        self.fallback = fallback  # the graph file to read instead if the on-disk store proves damaged mid-query
        if store is not None:  # an open store (kg/store.py: the on-disk DIR/store/)
            self.path, self.store = path, store
            return
        fmt = RDF_FORMATS.get(path.suffix)
        if not path.exists():
            raise InputError("no such graph file; run `kg build` first or pass --graph FILE", path)
        if fmt is None:
            raise InputError(f"unknown graph format '{path.suffix}'. Use one of: {', '.join(sorted(RDF_FORMATS))}", path)
        self.path = path
        self.store = ox.Store()
        try:
            load(self.store, path, fmt)
        except (SyntaxError, ValueError, OSError) as exc:
            raise InputError(f"cannot parse graph: {str(exc).splitlines()[0][:300]}", path) from None

    def query(self, text: str, params: dict[str, str] | None = None, source: str = "query"):
        if params:
            text = bind(text, {k: self.term(v) for k, v in params.items()}, source)
        try:
            store, options = self.reader(text)
            return store.query(text, **options)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {str(exc).strip()}", source) from None
        except (OSError, ValueError, RuntimeError) as exc:
            if self.fallback is None or "Corruption" not in str(exc):
                raise QueryError(f"query failed: {exc}", source) from None
            print(f"Warning: {self.path} is damaged ({str(exc).splitlines()[0][:200]}); reading {self.fallback} "
                  f"(run `kg build` to rebuild the store)", file=sys.stderr)
            fresh = Store(self.fallback)  # from now on, the graph file in memory
            self.path, self.store, self.union_default, self.fallback, self.hot = fresh.path, fresh.store, True, None, None
            return self.query(text, None, source)

    def reader(self, text: str) -> tuple[ox.Store, dict]:
        """The store a query reads, and how: the in-memory copy when there is one and the query names
        no graph, else the store with options()."""
        if self.hot is not None and not reads_named_graphs(text):
            return self.hot, {"prefixes": dict(PREFIXES)}
        return self.store, self.options()

    def options(self) -> dict:
        """How to query: the Sanad prefixes, and the default graph as the merge of the articles."""
        return {"prefixes": dict(PREFIXES), "use_default_graph_as_union": not self.union_default}

    def term(self, value: str):
        """A parameter value: <IRI>, an IRI, a prefixed name (id:person/x), or an entity's label."""
        if value.startswith("<") and value.endswith(">"):
            return _iri(value[1:-1])
        if re.match(r"^[a-z][a-z0-9+.-]*://", value):
            return _iri(value)
        prefix, _, local = value.partition(":")
        if local and prefix in PREFIXES and not re.search(r"\s", value):
            return ox.NamedNode(PREFIXES[prefix] + local)
        matches = self.entities_labelled(value)
        if len(matches) == 1:
            return ox.NamedNode(matches[0])
        if len(matches) > 1:
            raise QueryError(f"'{value}' names {len(matches)} entities: {', '.join(matches[:5])}; pass an IRI")
        return ox.Literal(value)

    def entities_labelled(self, label: str) -> list[str]:
        want = norm(label).strip()
        found = set()
        q = ("SELECT DISTINCT ?e ?l WHERE { ?e rdfs:label|skos:prefLabel|skos:altLabel ?l . "
             "?e a ?c . FILTER(?c IN (sanad:Person, sanad:Organization, sanad:HardwareModel)) }")
        for row in self.query(q):
            if norm(row["l"].value).strip() == want:
                found.add(row["e"].value)
        return sorted(found)


WHERE_RE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def bind(text: str, values: dict[str, object], source: str = "query") -> str:
    """Bind parameters with a VALUES block at the top of the WHERE clause, so they reach every
    pattern and FILTER of the query (SEP-0007 substitution needs them projected)."""
    body = "\n".join(ln for ln in text.splitlines() if not ln.lstrip().startswith("#"))
    m = WHERE_RE.search(body)
    if m is None:
        raise QueryError("parameters need a query with a WHERE { ... } clause", source)
    block = " ".join(f"VALUES ?{name} {{ {term} }}" for name, term in sorted(values.items()))
    return body[:m.end()] + f" {block} " + body[m.end():]


def run(store: Store, text: str, fmt: str = "table", params: dict[str, str] | None = None,
        source: str = "query") -> bytes:
    if fmt not in QUERY_FORMATS:
        raise QueryError(f"unknown format '{fmt}'. Use one of: {', '.join(QUERY_FORMATS)}")
    result = store.query(text, params, source)
    if isinstance(result, ox.QueryBoolean):
        value = bool(result)
        if fmt == "json":
            return result.serialize(format=ox.QueryResultsFormat.JSON) + b"\n"
        return b"true\n" if value else b"false\n"
    if isinstance(result, ox.QueryTriples):
        rdf = ox.RdfFormat.JSON_LD if fmt == "json" else ox.RdfFormat.TURTLE
        triples = sorted(result, key=str)
        return ox.serialize(triples, format=rdf, prefixes=dict(PREFIXES) if rdf == ox.RdfFormat.TURTLE else None)
    if fmt == "table":
        return table(result).encode("utf-8")
    fmt_ = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV, "json": ox.QueryResultsFormat.JSON}[fmt]
    out = io.BytesIO()
    result.serialize(out, format=fmt_)
    data = out.getvalue()
    return data if data.endswith(b"\n") else data + b"\n"


def rows(store: Store, text: str, params: dict[str, str] | None = None) -> list[dict[str, str]]:
    """SELECT results as plain dicts of strings (IRIs shortened with the Sanad prefixes)."""
    result = store.query(text, params)
    names = [v.value for v in result.variables]
    return [{n: short(sol[n]) for n in names if sol[n] is not None} for sol in result]


def short(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, ns in PREFIXES.items():
            local = term.value[len(ns):]
            if term.value.startswith(ns) and re.fullmatch(r"[\w.-]*[\w-]", local):
                return f"{prefix}:{local}"
        return term.value
    if isinstance(term, ox.Literal):
        return term.value + (f"@{term.language}" if term.language else "")
    return str(term)


def table(result) -> str:
    names = [v.value for v in result.variables]
    body = [[short(sol[n]) for n in names] for sol in result]
    widths = [max([len(n)] + [len(r[i]) for r in body]) for i, n in enumerate(names)]
    widths = [min(w, 80) for w in widths]

    def line(cells):
        return " | ".join(c[:80].ljust(w) for c, w in zip(cells, widths)).rstrip()
    out = [line(names), "-+-".join("-" * w for w in widths)] + [line(r) for r in body]
    out.append(f"({len(body)} row{'s' if len(body) != 1 else ''})")
    return "\n".join(out) + "\n"
