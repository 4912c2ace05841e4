"""`kg serve`: a SPARQL 1.1 Protocol endpoint over the store, with the Graph Store HTTP Protocol
for reading (and, when allowed, writing), the explorer and the query library as web pages.

Only the standard library's http.server and pyoxigraph. Queries run in worker processes that hold
the store open; a query past its time limit is stopped by killing its worker (a new one takes its
place), so a runaway query costs one worker for at most the time limit and the server keeps
answering. Every answer is bounded: rows (or triples) beyond the result limit are refused with a
message, and so are request bodies beyond the body limit.

Read-only unless started with --allow-update; then SPARQL Update and Graph Store writes need
`Authorization: Bearer <token>`, and one writable worker serves everything (the store has one writer).
SERVICE (and LOAD, which also fetches from the network) is refused unless --allow-service.
"""
from __future__ import annotations

import ctypes
import hmac
import html
import ipaddress
import json
import multiprocessing as mp
import os
import queue
import re
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
import traceback
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import islice
from pathlib import Path
from typing import NamedTuple
from urllib.parse import parse_qs, quote, unquote, urlsplit

import pyoxigraph as ox

from kg import query as q
from kg import store as kg_store
from kg.defaults import (
    GRAPH_HTML,
    PREFIXES,
    SERVE_MAX_BODY,
    SERVE_TIMEOUT,
    STORE_DIR,
    STORE_MANIFEST,
)
from kg.errors import InputError, KGError

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
# Turtle answers use the vocabulary prefixes only: instance IRIs such as evidence (article#char=1,2)
# would need escaped local names, which some stores read wrongly (ecosystem notes, G4).
TURTLE_PREFIXES = {p: ns for p, ns in PREFIXES.items() if p in ("sanad", "rdf", "rdfs", "owl", "xsd", "skos")}
WORKER_START_SECONDS = 120
BUSY_SECONDS = 30  # how long a request waits for a free worker

# Answer formats: name -> (media type, pyoxigraph format). The first of each table is the default.
RESULT_FORMATS = {
    "json": ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
    "xml": ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
    "csv": ("text/csv", ox.QueryResultsFormat.CSV),
    "tsv": ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
    "html": ("text/html", None),
}
GRAPH_FORMATS = {
    "turtle": ("text/turtle", ox.RdfFormat.TURTLE),
    "ntriples": ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    "jsonld": ("application/ld+json", ox.RdfFormat.JSON_LD),
    "rdfxml": ("application/rdf+xml", ox.RdfFormat.RDF_XML),
}
# Other names, in Accept headers and in format= (or output=, results=) parameters.
RESULT_ALIASES = {"application/json": "json", "application/xml": "xml", "text/xml": "xml", "srj": "json", "srx": "xml"}
GRAPH_ALIASES = {
    "ttl": "turtle", "n3": "turtle", "text/n3": "turtle", "text/rdf+n3": "turtle", "application/turtle": "turtle",
    "application/x-turtle": "turtle", "nt": "ntriples", "n-triples": "ntriples", "text/plain": "ntriples",
    "json-ld": "jsonld", "json": "jsonld", "application/json": "jsonld", "application/x-json+ld": "jsonld",
    "rdf": "rdfxml", "rdf+xml": "rdfxml", "xml": "rdfxml", "application/xml": "rdfxml", "text/xml": "rdfxml",
}
# Bodies a Graph Store PUT or POST may carry.
UPLOAD_FORMATS = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
                  "application/ld+json": ox.RdfFormat.JSON_LD, "application/rdf+xml": ox.RdfFormat.RDF_XML,
                  "text/n3": ox.RdfFormat.N3, "application/x-turtle": ox.RdfFormat.TURTLE,
                  "text/plain": ox.RdfFormat.N_TRIPLES}


class EndpointError(Exception):
    """An answer other than 2xx, with the message the client sees."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}

    def reply(self) -> Reply:
        return Reply(self.status, "text/plain; charset=utf-8", f"Error: {self.message}\n".encode(), self.headers,
                     self.message)


class Reply(NamedTuple):
    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = {}
    note: str = ""  # for the log line


# ---------------------------------------------------------------------------------------------
# Content negotiation

def negotiate(kind: str, accept: str | None, wanted: list[str] | tuple[str, ...] = ()) -> str:
    """The answer format for KIND ("results", "boolean" or "graph"): the first usable format=
    value, else the client's Accept header (q-values honoured), else the default.

    >>> negotiate("results", "text/csv;q=0.5, application/sparql-results+xml")
    'xml'
    >>> negotiate("graph", "*/*")
    'turtle'
    """
    table = GRAPH_FORMATS if kind == "graph" else RESULT_FORMATS
    what = "graph answers (CONSTRUCT, DESCRIBE, graph store)" if kind == "graph" else "SELECT and ASK results"
    allowed = ", ".join(f"{n} ({mt})" for n, (mt, _) in table.items())
    if wanted:
        for value in wanted:
            name = _format_name(kind, value)
            if name:
                return name
        raise EndpointError(406, f"format={wanted[0]!r} is not available for {what}. Use one of: {allowed}")
    if not accept or not accept.strip():
        return next(iter(table))
    for media in _accept_ranges(accept):
        if media in ("*/*", "*"):
            return next(iter(table))
        if media.endswith("/*"):
            major = media[:-1]
            found = next((n for n, (mt, _) in table.items() if mt.startswith(major)), None)
        else:
            found = _format_name(kind, media)
        if found:
            return found
    raise EndpointError(406, f"none of the types in 'Accept: {accept[:200]}' is available for {what}. "
                             f"Use one of: {allowed}")


def _format_name(kind: str, value: str) -> str | None:
    table, aliases = (GRAPH_FORMATS, GRAPH_ALIASES) if kind == "graph" else (RESULT_FORMATS, RESULT_ALIASES)
    value = value.split(";")[0].strip().lower()
    if value in table:
        return value
    for name, (media, _) in table.items():
        if media == value:
            return name
    return aliases.get(value)


def _accept_ranges(accept: str) -> list[str]:
    ranges = []
    for i, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        weight = 1.0
        for p in params:
            if p.lower().startswith("q="):
                try:
                    weight = float(p[2:])
                except ValueError:
                    weight = 0.0
        if media and weight > 0:
            ranges.append((-weight, i, media.lower()))
    return [m for _, _, m in sorted(ranges)]


# ---------------------------------------------------------------------------------------------
# Worker processes: each holds the store open and answers one job at a time.

def _worker_main(conn, store_dir: str, writable: bool, max_results: int, memory: bool = False) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the server stops us
    try:  # die with the server, even if it is killed (Linux)
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    try:
        worker = Worker(Path(store_dir), writable, max_results, memory)
    except Exception as exc:  # noqa: BLE001 - reported to the server, which stops with the message
        conn.send(("error", str(exc).splitlines()[0] if str(exc) else type(exc).__name__))
        return
    conn.send(("ready", os.getpid()))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = worker.run(job)
        except EndpointError as exc:
            reply = exc.reply()
        except Exception as exc:  # noqa: BLE001 - one bad job must not end the worker
            traceback.print_exc()
            reply = EndpointError(500, f"internal error: {type(exc).__name__}: {exc}").reply()
        conn.send(reply)


class Worker:
    def __init__(self, store_dir: Path, writable: bool, max_results: int, memory: bool = False) -> None:
        self.store = kg_store.open_store(store_dir, writable=writable)
        self.path = store_dir
        self.max_results = max_results
        self.union_default = kg_store.union_default(store_dir)  # the default graph holds the merge
        # Queries that name no graph read an in-memory copy of the default graph (never with updates: it would go stale)
        hot = q.memory_copy(self.store) if memory and self.union_default and not writable else None
        self.graph = q.Store(store_dir, store=self.store, union_default=self.union_default, hot=hot)

    def run(self, job: dict) -> Reply:
        return getattr(self, "op_" + job.pop("op"))(**job)

    # --- queries

    def op_query(self, text: str, accept: str | None, wanted: list[str], default_graphs=(), named_graphs=()) -> Reply:
        store, options = self.graph.reader(text)  # the in-memory copy, or the store on disk
        if default_graphs or named_graphs:  # a dataset the request names: the store on disk, where the graphs are
            store, options = self.store, {"prefixes": dict(PREFIXES)}
            try:
                if default_graphs:
                    options["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
                else:
                    options["use_default_graph_as_union"] = not self.union_default
                if named_graphs:
                    options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
            except ValueError as exc:
                raise EndpointError(400, f"bad default-graph-uri or named-graph-uri: {exc}") from None
        try:
            return self.render(store.query(text, **options), accept, wanted)
        except SyntaxError as exc:
            raise EndpointError(400, f"SPARQL syntax error: {str(exc).strip()}") from None
        except (OSError, ValueError, RuntimeError) as exc:
            raise EndpointError(400, f"query failed: {str(exc).strip()}") from None

    def op_library(self, name: str, params: dict[str, str], accept: str | None, wanted: list[str]) -> Reply:
        found = {item.name: item for item in q.library()}
        if name not in found:
            raise EndpointError(404, f"no query '{name}' in the library; see /queries")
        item = found[name]
        allowed = {p for p, _ in item.params}
        unknown = sorted(set(params) - allowed)
        if unknown:
            takes = f"it takes: {', '.join(sorted(allowed))}" if allowed else "it takes none"
            raise EndpointError(400, f"{name} has no parameter {', '.join(unknown)}; {takes}")
        text = item.text
        if params:
            try:
                text = q.bind(text, {k: self.graph.term(v) for k, v in params.items()}, name)
            except KGError as exc:
                raise EndpointError(400, str(exc)) from None
            except ValueError as exc:  # an IRI pyoxigraph refuses ('<a b>'): the client's mistake, not a 500
                raise EndpointError(400, f"a parameter is not a valid IRI: {exc}") from None
        return self.op_query(text, accept, wanted)

    def render(self, result, accept: str | None, wanted: list[str]) -> Reply:
        if isinstance(result, ox.QueryBoolean):
            name = negotiate("boolean", accept, wanted)
            media, fmt = RESULT_FORMATS[name]
            if fmt is None:
                return html_reply(page("ASK", f"<p>{str(bool(result)).lower()}</p>"))
            return Reply(200, _typed(media), result.serialize(format=fmt))
        if isinstance(result, ox.QueryTriples):
            name = negotiate("graph", accept, wanted)
            return self.triples(result, name, "CONSTRUCT and DESCRIBE answers")
        name = negotiate("results", accept, wanted)
        media, fmt = RESULT_FORMATS[name]
        variables = [v.value for v in result.variables]
        rows = list(islice(result, self.max_results + 1))
        if len(rows) > self.max_results:
            raise EndpointError(400, f"the answer has more than {self.max_results:,} rows, this endpoint's limit; "
                                     "add LIMIT (and OFFSET to page), or narrow the query")
        if fmt is None:
            return html_reply(results_html(variables, rows), f"{len(rows)} rows")
        data = results_json(variables, rows)
        if fmt != ox.QueryResultsFormat.JSON:
            data = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON).serialize(format=fmt)
        return Reply(200, _typed(media), data, note=f"{len(rows)} rows")

    def triples(self, triples, name: str, what: str) -> Reply:
        media, fmt = GRAPH_FORMATS[name]
        found = list(islice(triples, self.max_results + 1))
        if len(found) > self.max_results:
            raise EndpointError(400, f"{what} have more than {self.max_results:,} triples, this endpoint's limit; "
                                     "narrow the query or ask for one named graph")
        found.sort(key=str)
        data = ox.serialize(found, format=fmt, prefixes=TURTLE_PREFIXES if fmt == ox.RdfFormat.TURTLE else None)
        return Reply(200, _typed(media), data, note=f"{len(found)} triples")

    # --- the graph store

    def _graph(self, graph: str | None):
        if graph is None:
            return ox.DefaultGraph()
        try:
            return ox.NamedNode(graph)
        except ValueError as exc:
            raise EndpointError(400, f"graph={graph!r} is not an IRI: {exc}") from None

    def op_gsp_get(self, graph: str | None, accept: str | None, wanted: list[str]) -> Reply:
        name = negotiate("graph", accept, wanted)
        if graph is None:  # the default graph as queries see it: the merge of every graph
            if self.union_default:
                found = (quad.triple for quad in self.store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
            else:
                seen: dict = {}
                for quad in self.store.quads_for_pattern(None, None, None, None):
                    seen.setdefault(quad.triple, None)
                    if len(seen) > self.max_results:
                        break
                found = iter(seen)
            return self.triples(found, name, "the default graph (the merge of every graph) would")
        node = self._graph(graph)
        if not self.store.contains_named_graph(node):
            raise EndpointError(404, f"no graph <{graph}> in the store")
        return self.triples((quad.triple for quad in self.store.quads_for_pattern(None, None, None, node)),
                            name, f"<{graph}> would")

    def op_gsp_write(self, method: str, graph: str | None, content_type: str, body: bytes) -> Reply:
        node = self._graph(graph)
        fmt = UPLOAD_FORMATS.get(content_type)
        if fmt is None:
            raise EndpointError(415, f"cannot read a graph sent as '{content_type}'. Send one of: "
                                     f"{', '.join(sorted(UPLOAD_FORMATS))}")
        try:
            quads = list(ox.parse(body, format=fmt, base_iri=graph, without_named_graphs=True))
        except (SyntaxError, ValueError) as exc:
            raise EndpointError(400, f"cannot parse the body as {content_type}: {str(exc).strip()[:300]}") from None
        existed = isinstance(node, ox.DefaultGraph) or self.store.contains_named_graph(node)
        if method == "PUT" and existed:  # replace (POST adds)
            self._drop(node)
        if not existed:
            self.store.add_graph(node)
        self.store.extend([ox.Quad(x.subject, x.predicate, x.object, node) for x in quads])
        if self.union_default and not isinstance(node, ox.DefaultGraph):  # keep the merge current
            self.store.extend([ox.Quad(x.subject, x.predicate, x.object, ox.DefaultGraph()) for x in quads])
        return Reply(204 if existed else 201, "text/plain; charset=utf-8", b"", note=f"{len(quads)} triples")

    def op_gsp_delete(self, graph: str | None) -> Reply:
        node = self._graph(graph)
        if not isinstance(node, ox.DefaultGraph) and not self.store.contains_named_graph(node):
            raise EndpointError(404, f"no graph <{graph}> in the store")
        self._drop(node)
        if not isinstance(node, ox.DefaultGraph):
            self.store.remove_graph(node)
        return Reply(204, "text/plain; charset=utf-8", b"")

    def _drop(self, node) -> None:
        """Empty a graph; with the merge in the default graph, its triples leave the merge too
        unless another graph still has them."""
        default = ox.DefaultGraph()
        if not self.union_default or isinstance(node, ox.DefaultGraph):
            self.store.clear_graph(node)
            return
        for quad in list(self.store.quads_for_pattern(None, None, None, node)):
            self.store.remove(quad)
            elsewhere = any(other.graph_name != default
                            for other in self.store.quads_for_pattern(quad.subject, quad.predicate, quad.object, None))
            if not elsewhere:
                self.store.remove(ox.Quad(quad.subject, quad.predicate, quad.object, default))

    def op_update(self, text: str) -> Reply:
        try:
            self.store.update(text, prefixes=dict(PREFIXES))
        except SyntaxError as exc:
            raise EndpointError(400, f"SPARQL Update syntax error: {str(exc).strip()}") from None
        except (OSError, ValueError, RuntimeError) as exc:
            raise EndpointError(400, f"update failed: {str(exc).strip()}") from None
        return Reply(204, "text/plain; charset=utf-8", b"")


def _typed(media: str) -> str:
    return media + ("; charset=utf-8" if media.startswith("text/") or media.endswith(("json", "xml")) else "")


def term_json(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value not in (XSD_STRING, RDF_LANG_STRING):
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": term_json(term.subject), "predicate": term_json(term.predicate),
                                            "object": term_json(term.object)}}
    raise TypeError(f"not an RDF term: {term!r}")


def results_json(variables: list[str], rows: list) -> bytes:
    """SPARQL 1.1 Query Results JSON for solutions already read (so they can be counted first)."""
    bindings = [{v: term_json(row[v]) for v in variables if row[v] is not None} for row in rows]
    doc = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


# ---------------------------------------------------------------------------------------------
# Pages. Everything that comes from the graph, a query or a request is escaped.

STYLE = """body{font:15px/1.45 system-ui,sans-serif;margin:1.5em auto;max-width:75em;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.25em .5em;text-align:start;
vertical-align:top}th{background:#f4f4f4}code,pre,textarea{font:13px/1.4 ui-monospace,monospace}pre{background:#f7f7f7;
padding:.75em;overflow:auto}textarea{width:100%}.d{color:#555}dt{margin-top:1.2em;font-weight:600}"""


# Pages we write carry no script: the policy forbids any.
PAGE_POLICY = {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"}


def html_reply(body: bytes, note: str = "") -> Reply:
    return Reply(200, "text/html; charset=utf-8", body, PAGE_POLICY, note)


def page(title: str, body: str) -> bytes:
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f'<meta name="viewport" content="width=device-width,initial-scale=1"><style>{STYLE}</style></head>'
            f"<body>\n{body}\n</body></html>\n").encode()


def results_html(variables: list[str], rows: list) -> bytes:
    head = "".join(f"<th>{html.escape(v)}</th>" for v in variables)
    body = []
    for row in rows:
        cells = []
        for v in variables:
            term = row[v]
            full = "" if term is None else (term.value if isinstance(term, ox.NamedNode) else str(term))
            cells.append(f'<td dir="auto" title="{html.escape(full)}">{html.escape(q.short(term))}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    count = f"<p class=d>{len(rows)} row{'s' if len(rows) != 1 else ''}</p>"
    return page("SPARQL results", f'<p><a href="/queries">Query library</a></p>{count}'
                                  f"<table><tr>{head}</tr>{''.join(body)}</table>")


def library_html() -> bytes:
    items = []
    for item in q.library():
        link = f"/queries/{quote(item.name)}"
        params = ""
        if item.params:
            inputs = "".join(f'<label>{html.escape(n)} <input name="{html.escape(n)}" title="{html.escape(d)}"></label> '
                             for n, d in item.params)
            notes = "".join(f"<li><code>{html.escape(n)}</code>: {html.escape(d)}</li>" for n, d in item.params)
            params = (f'<ul>{notes}</ul><form method="get" action="{html.escape(link)}">{inputs}'
                      '<button>Run</button></form>')
        items.append(f'<dt><a href="{html.escape(link)}">{html.escape(item.name)}</a></dt>'
                     f"<dd>{html.escape(item.description)}{params}"
                     f"<details><summary>SPARQL</summary><pre>{html.escape(item.text)}</pre></details></dd>")
    form = ('<form method="get" action="/sparql"><textarea name="query" rows="6">'
            "SELECT ?person ?organization WHERE {\n  ?person sanad:worksFor ?organization\n}\nLIMIT 100</textarea>"
            '<p><label>Answer as <select name="format">'
            + "".join(f'<option value="{n}"{" selected" if n == "html" else ""}>{n}</option>'
                      for n in list(RESULT_FORMATS) + list(GRAPH_FORMATS))
            + "</select></label> <button>Run</button></p></form>")
    return page("Sanad query library",
                '<h1>Sanad query library</h1><p>Each link runs the query and shows its answer; with '
                '<code>Accept</code> or <code>?format=json|xml|csv|tsv</code> it comes as SPARQL results. '
                'The explorer is at <a href="/">/</a>, the endpoint at <code>/sparql</code>.</p>'
                f"<dl>{''.join(items)}</dl><h2>Your own query</h2>{form}")


INDEX_HTML = page("Sanad", "<h1>Sanad</h1><p>No explorer page was found beside the graph (run <code>kg build</code>). "
                           'See the <a href="/queries">query library</a>; the SPARQL endpoint is <code>/sparql</code>.</p>')


# ---------------------------------------------------------------------------------------------
# The pool of workers

@dataclass
class _Proc:
    process: mp.process.BaseProcess
    conn: object
    generation: int


class Pool:
    """Worker processes over one store. `run(job, timeout)` gives the worker's Reply, or a 503 when
    the time limit passes (the worker is killed and replaced) or no worker is free in time."""

    def __init__(self, store_dir: Path, size: int, writable: bool, max_results: int, watch: bool = False,
                 memory: bool = False) -> None:
        self.store_dir, self.size, self.writable, self.max_results = store_dir, size, writable, max_results
        self.memory = memory and not writable
        self.ctx = mp.get_context("spawn")  # no fork: the server has threads
        self.idle: queue.Queue[_Proc] = queue.Queue()
        self.live: set[int] = set()
        self.lock = threading.Lock()
        self.generation = 0
        self.watch = watch  # reopen the store when a build replaces it
        self.signature = self._signature()
        self.closed = False
        # Workers die with the thread that started them (PR_SET_PDEATHSIG), so one long-lived thread starts them all.
        self.requests: queue.Queue = queue.Queue()
        threading.Thread(target=self._spawner, name="sanad-spawner", daemon=True).start()
        for proc in self._await([self._spawn() for _ in range(size)]):
            self.idle.put(proc)

    def _signature(self):
        try:
            st = (self.store_dir / STORE_MANIFEST).stat()
            return st.st_ino, st.st_mtime_ns
        except OSError:
            return None

    def _spawner(self) -> None:
        while (item := self.requests.get()) is not None:
            done, box = item
            try:
                box.append(self._start_process())
            except Exception as exc:  # noqa: BLE001 - handed to the caller
                box.append(exc)
            done.set()

    def _spawn(self):
        done, box = threading.Event(), []
        self.requests.put((done, box))
        done.wait()
        if isinstance(box[0], Exception):
            raise box[0]
        return box[0]

    def _start_process(self):
        parent, child = self.ctx.Pipe()
        process = self.ctx.Process(target=_worker_main, name="sanad-query-worker", daemon=True,
                                   args=(child, str(self.store_dir), self.writable, self.max_results, self.memory))
        process.start()
        child.close()
        return process, parent

    def _await(self, spawned) -> list[_Proc]:
        ready = []
        for process, conn in spawned:
            message = ("error", "it did not start in time")
            try:
                if conn.poll(WORKER_START_SECONDS):
                    message = conn.recv()
            except (EOFError, OSError):
                message = ("error", f"it exited with code {process.exitcode}")
            if message[0] != "ready":
                process.kill()
                for proc in ready:
                    self._stop(proc)
                raise InputError(f"a query worker cannot open the store: {message[1]}", self.store_dir)
            with self.lock:
                self.live.add(process.pid)
            ready.append(_Proc(process, conn, self.generation))
        return ready

    def _stop(self, proc: _Proc) -> None:
        proc.process.kill()
        proc.process.join(5)
        proc.conn.close()
        with self.lock:
            self.live.discard(proc.process.pid)

    def _replace(self) -> None:
        """Start a worker in place of one that was stopped (in the background)."""
        def start():
            if self.closed:
                return
            try:
                (proc,) = self._await([self._spawn()])
            except KGError as exc:
                print(f"Error: {exc}", file=sys.stderr)
                return
            if self.closed:
                self._stop(proc)
            else:
                self.idle.put(proc)
        threading.Thread(target=start, daemon=True).start()

    def run(self, job: dict, timeout: float) -> Reply:
        wait = max(timeout, BUSY_SECONDS)  # a worker stopped a moment ago may still be starting again
        try:
            proc = self.idle.get(timeout=wait)
        except queue.Empty:
            return EndpointError(503, f"all {self.size} query workers stayed busy for {wait:g} s; try again",
                                 {"Retry-After": "1"}).reply()
        if self.watch:
            sig = self._signature()
            if sig is not None and sig != self.signature:
                with self.lock:
                    if sig != self.signature:
                        self.signature, self.generation = sig, self.generation + 1
        if proc.generation != self.generation:  # the store was rebuilt: reopen it
            self._stop(proc)
            try:
                (proc,) = self._await([self._spawn()])
            except KGError as exc:
                self._replace()
                return EndpointError(503, str(exc)).reply()
        try:
            proc.conn.send(job)
            if proc.conn.poll(timeout):
                reply = proc.conn.recv()
                self.idle.put(proc)
                return reply
        except (EOFError, OSError):
            self._stop(proc)
            self._replace()
            return EndpointError(500, "the query worker stopped unexpectedly (out of memory?); "
                                      "narrow the query or add LIMIT").reply()
        self._stop(proc)  # past the time limit: the worker is killed with the query
        self._replace()
        return EndpointError(503, f"the query ran past this endpoint's time limit of {timeout:g} s and was "
                                  "stopped; add LIMIT or narrow the query").reply()

    def close(self) -> None:
        self.closed = True
        self.requests.put(None)
        while True:
            try:
                proc = self.idle.get_nowait()
            except queue.Empty:
                break
            self._stop(proc)
        for child in mp.active_children():
            if child.pid in self.live:
                child.kill()


# ---------------------------------------------------------------------------------------------
# HTTP

@dataclass
class App:
    pool: Pool
    timeout: float = SERVE_TIMEOUT
    max_body: int = SERVE_MAX_BODY
    allow_update: bool = False
    token: str | None = None
    allow_service: bool = False
    explorer: Path | None = None
    loopback: bool = True
    log: object = field(default=sys.stderr)


LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1", "[::1]"}


class Handler(BaseHTTPRequestHandler):
    server_version = "Sanad"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    timeout = 60  # seconds a client may take to send its request

    @property
    def app(self) -> App:
        return self.server.app  # type: ignore[attr-defined]

    # --- one log line per request

    def handle_one_request(self) -> None:
        self._status, self._size, self._note, self._body_read = None, 0, "", False
        self._started = time.monotonic()
        super().handle_one_request()
        if self._status is not None:
            path = urlsplit(getattr(self, "path", "") or "-").path
            ms = (time.monotonic() - self._started) * 1000
            note = f"  {self._note}" if self._note else ""
            stamp = time.strftime("%Y-%m-%d %H:%M:%S")
            print(f"{stamp} {self.client_address[0]} {self.command or '-'} {path} {self._status} "
                  f"{self._size}B {ms:.0f}ms{note}", file=self.app.log, flush=True)

    def send_response(self, code: int, message: str | None = None) -> None:
        self._status = code
        super().send_response(code, message)

    def log_request(self, code="-", size="-") -> None:
        pass

    def log_error(self, format: str, *args) -> None:  # noqa: A002 - the base class's signature
        self._note = format % args

    # --- methods

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_HEAD(self) -> None:
        self._dispatch("HEAD")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    ROUTES = {"/": ("GET", "HEAD"), "/queries": ("GET", "HEAD"), "/sparql": ("GET", "HEAD", "POST"),
              "/store": ("GET", "HEAD", "PUT", "POST", "DELETE")}

    def _dispatch(self, method: str) -> None:
        try:
            self._check_host()
            url = urlsplit(self.path)
            path = unquote(url.path).rstrip("/") or "/"
            route = "/queries" if path.startswith("/queries/") else path
            if route not in self.ROUTES:
                raise EndpointError(404, f"nothing at {path}; try /sparql, /store, /queries or /")
            if method not in self.ROUTES[route]:
                raise EndpointError(405, f"{path} does not take {method}", {"Allow": ", ".join(self.ROUTES[route])})
            params = parse_qs(url.query, keep_blank_values=True)
            if route == "/":
                reply = self.explorer()
            elif path == "/queries":
                reply = html_reply(library_html())
            elif route == "/queries":
                reply = self.library(path.removeprefix("/queries/"), params)
            elif route == "/sparql":
                reply = self.sparql(method, params)
            else:
                reply = self.graph_store(method, params)
        except EndpointError as exc:
            reply = exc.reply()
        except Exception as exc:  # noqa: BLE001 - a bug answers 500 and the server goes on
            traceback.print_exc()
            reply = EndpointError(500, f"internal error: {type(exc).__name__}: {exc}").reply()
        self._send(reply, head=method == "HEAD")

    def _send(self, reply: Reply, head: bool = False) -> None:
        pending = self.headers.get("Content-Length", "0").strip() not in ("", "0") or "Transfer-Encoding" in self.headers
        if pending and not self._body_read:  # a body we did not read: do not read the next request from it
            self.close_connection = True
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        if self.close_connection:
            self.send_header("Connection", "close")
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if not head:
            self.wfile.write(reply.body)
        self._size = len(reply.body)
        self._note = " ".join((self._note or reply.note).split())[:300]

    def handle_expect_100(self) -> bool:
        """Refuse a body over the limit before the client sends it."""
        length = self.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > self.app.max_body:
            self._send(EndpointError(413, f"the request body is {int(length):,} bytes; this endpoint takes at most "
                                          f"{self.app.max_body:,}").reply())
            return False
        return super().handle_expect_100()

    def _check_host(self) -> None:
        """On a loopback address, answer only requests addressed to it (DNS rebinding)."""
        host = self.headers.get("Host")
        if self.app.loopback and host:
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if name.lower() not in LOOPBACK_NAMES:
                raise EndpointError(403, f"this endpoint answers requests to localhost only, not to '{host[:100]}'")

    def _body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            raise EndpointError(411, "send the body with a Content-Length (chunked bodies are not read)")
        raw = self.headers.get("Content-Length")
        if raw is None:
            raise EndpointError(411, "a Content-Length is needed")
        try:
            length = int(raw)
            if length < 0:
                raise ValueError
        except ValueError:
            raise EndpointError(400, f"bad Content-Length '{raw[:50]}'") from None
        if length > self.app.max_body:
            raise EndpointError(413, f"the request body is {length:,} bytes; this endpoint takes at most "
                                     f"{self.app.max_body:,}")
        data = self.rfile.read(length)
        self._body_read = True
        return data

    def _content_type(self) -> tuple[str, str]:
        value = self.headers.get("Content-Type", "")
        media, _, rest = value.partition(";")
        m = re.search(r"charset\s*=\s*\"?([\w-]+)", rest, re.IGNORECASE)
        return media.strip().lower(), (m.group(1) if m else "utf-8")

    def _text(self, data: bytes, charset: str) -> str:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError) as exc:
            raise EndpointError(400, f"the body is not valid {charset}: {exc}") from None

    # --- pages

    def explorer(self) -> Reply:
        page_path = self.app.explorer
        if page_path is not None and page_path.exists():
            return Reply(200, "text/html; charset=utf-8", page_path.read_bytes())  # self-contained, inline scripts
        return html_reply(INDEX_HTML)

    def library(self, name: str, params: dict[str, list[str]]) -> Reply:
        wanted = params.pop("format", [])
        values = {k: v[-1] for k, v in params.items() if v and v[-1].strip()}
        return self._run({"op": "library", "name": name, "params": values, "accept": self.headers.get("Accept"),
                          "wanted": wanted})

    # --- SPARQL protocol

    def sparql(self, method: str, params: dict[str, list[str]]) -> Reply:
        if method == "POST":
            media, charset = self._content_type()
            if media == "application/x-www-form-urlencoded":
                form = parse_qs(self._text(self._body(), charset), keep_blank_values=True)
                for key in ("default-graph-uri", "named-graph-uri", "format", "output", "results"):
                    form.setdefault(key, params.get(key, []))
                params = form
            elif media == "application/sparql-query":
                params = dict(params, query=[self._text(self._body(), charset)])
            elif media == "application/sparql-update":
                params = dict(params, update=[self._text(self._body(), charset)])
                params.pop("query", None)
            else:
                raise EndpointError(415, f"a POST to /sparql is sent as application/x-www-form-urlencoded, "
                                         f"application/sparql-query or application/sparql-update, not '{media or 'nothing'}'")
        queries, updates = params.get("query", []), params.get("update", [])
        if updates:
            if method != "POST":
                raise EndpointError(405, "updates are sent with POST", {"Allow": "POST"})
            if queries or len(updates) > 1:
                raise EndpointError(400, "send one update, and no query with it")
            return self.update(updates[0])
        if len(queries) != 1:
            raise EndpointError(400, "send one query: /sparql?query=... (GET), or POST it; see /queries for examples"
                                if not queries else "send one query per request")
        text = queries[0]
        self._refuse_remote(text)
        wanted = [v for key in ("format", "output", "results") for v in params.get(key, []) if v]
        return self._run({"op": "query", "text": text, "accept": self.headers.get("Accept"), "wanted": wanted,
                          "default_graphs": params.get("default-graph-uri", []),
                          "named_graphs": params.get("named-graph-uri", [])})

    def update(self, text: str) -> Reply:
        self._may_write()
        self._refuse_remote(text)
        return self._run({"op": "update", "text": text})

    def _refuse_remote(self, text: str) -> None:
        if self.app.allow_service:
            return
        found = q.keywords(text) & {"SERVICE", "LOAD"}
        if found:
            raise EndpointError(400, f"{' and '.join(sorted(found))} (federated query, remote data) is disabled on "
                                     "this endpoint; start kg serve with --allow-service to allow it")

    def _may_write(self) -> None:
        if not self.app.allow_update:
            raise EndpointError(403, "this endpoint is read-only; start kg serve with --allow-update "
                                     "--token-env VAR to accept updates")
        given = self.headers.get("Authorization", "")
        scheme, _, token = given.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise EndpointError(401, "updates need 'Authorization: Bearer <token>'",
                                {"WWW-Authenticate": 'Bearer realm="sanad"'})
        if not hmac.compare_digest(token.strip().encode(), (self.app.token or "").encode()):
            raise EndpointError(403, "the bearer token is not the one this endpoint was started with")

    def _run(self, job: dict) -> Reply:
        return self.app.pool.run(job, self.app.timeout)

    # --- the graph store protocol

    def graph_store(self, method: str, params: dict[str, list[str]]) -> Reply:
        graphs, default = params.get("graph", []), "default" in params
        if len(graphs) + default != 1:
            raise EndpointError(400, "name one graph: /store?graph=IRI or /store?default")
        graph = graphs[0] if graphs else None
        if method in ("GET", "HEAD"):
            wanted = [v for key in ("format", "output") for v in params.get(key, []) if v]
            return self._run({"op": "gsp_get", "graph": graph, "accept": self.headers.get("Accept"), "wanted": wanted})
        self._may_write()
        if method == "DELETE":
            return self._run({"op": "gsp_delete", "graph": graph})
        media, _ = self._content_type()
        return self._run({"op": "gsp_write", "method": method, "graph": graph, "content_type": media,
                          "body": self._body()})


class Server(ThreadingHTTPServer):
    daemon_threads = True
    # The listen backlog (socketserver's default is 5): when many clients connect at once, the
    # connections beyond it were reset (bench/load_test.py: 58 of 14,799 requests with 200 clients).
    request_queue_size = 1024

    def handle_error(self, request, client_address) -> None:
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):  # the client went away
            return
        super().handle_error(request, client_address)

    def __init__(self, address, app: App) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.app = app
        super().__init__(address, Handler)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


# ---------------------------------------------------------------------------------------------
# Start and stop

def prepare(location: Path) -> tuple[Path, Path | None, Path | None]:
    """The store to serve for LOCATION (a build folder, a store, a graph file), the explorer page,
    and a temporary folder to remove at the end (a graph file is loaded into a store there)."""
    kind, found = kg_store.locate(location)
    if kind == "store":
        explorer = found.parent / GRAPH_HTML if found.name == STORE_DIR else None
        return found, explorer, None
    tmp = Path(tempfile.mkdtemp(prefix="sanad-serve-"))
    try:
        store_dir = kg_store.create(found, tmp / STORE_DIR)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    explorer = found.with_name(GRAPH_HTML)
    return store_dir, explorer, tmp


def run(location: Path, *, host: str, port: int, timeout: float, max_results: int, max_body: int,
        allow_update: bool, token: str | None, allow_service: bool, workers: int, memory: str = "auto",
        log=sys.stderr) -> None:
    """Serve until interrupted (Ctrl-C or SIGTERM). MEMORY: "on" copies the default graph into each
    worker's memory (q.memory_copy), "off" reads the store on disk, "auto" copies when the copies fit
    in half of the memory available."""
    store_dir, explorer, tmp = prepare(location)
    pool = None
    try:
        watch = tmp is None and not allow_update
        size = 1 if allow_update else workers
        hot = not allow_update and (memory == "on" or memory == "auto" and kg_store.memory_fits(store_dir, size))
        pool = Pool(store_dir, size, allow_update, max_results, watch=watch, memory=hot)
        app = App(pool, timeout, max_body, allow_update, token, allow_service, explorer, is_loopback(host), log)
        try:
            server = Server((host, port), app)
        except OSError as exc:
            raise KGError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
        base = f"http://{'[' + host + ']' if ':' in host else host}:{server.server_address[1]}"
        mode = "read-write (bearer token)" if allow_update else "read-only"
        source = store_dir if tmp is None else f"{location} (loaded into a temporary store)"
        print(f"Sanad SPARQL endpoint: {base}/sparql  (explorer {base}/, queries {base}/queries)\n"
              f"  store {source}; {mode}; {timeout:g} s and {max_results:,} rows per query; "
              f"SERVICE {'allowed' if allow_service else 'refused'}; {pool.size} worker{'s' if pool.size > 1 else ''}"
              f"{', each with the default graph in memory' if hot else ''}",
              file=log, flush=True)
        if not app.loopback:
            print(f"Warning: listening on {host}: anyone who can reach this machine can query the graph", file=log)
        if allow_update and tmp is not None:
            print("Note: updates go to the temporary store and end with the server", file=log)
        try:
            server.serve_forever(poll_interval=0.25)
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
    finally:
        if pool is not None:
            pool.close()
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
        print("Stopped.", file=log, flush=True)
