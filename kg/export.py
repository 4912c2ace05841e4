"""Serialisation: every format deterministic byte for byte, written atomically."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.exceptions import ParserError

from kg.defaults import EXPORT_FORMATS, PREFIXES, SUFFIX_FORMATS
from kg.errors import InputError, KGError


def union(ds: Dataset) -> Graph:
    """The default graph of a Turtle export: all named graphs merged, entities merged by IRI."""
    g = Graph()
    _bind(g)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def serialize(ds: Dataset, fmt: str) -> bytes:
    if fmt not in EXPORT_FORMATS:
        raise KGError(f"unknown format '{fmt}'. Use one of: {', '.join(sorted(EXPORT_FORMATS))}")
    if fmt == "turtle":
        return union(ds).serialize(format="turtle", encoding="utf-8")
    if fmt == "ntriples":
        return _sorted_lines(union(ds).serialize(format="nt", encoding="utf-8"))
    if fmt == "nquads":
        return _sorted_lines(ds.serialize(format="nquads", encoding="utf-8"))
    if fmt == "trig":
        return _trig(ds)
    return _jsonld(ds)


def _bind(g: Graph) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)


def _sorted_lines(data: bytes) -> bytes:
    lines = sorted({line for line in data.decode("utf-8").splitlines() if line.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8")


def _named(ds: Dataset) -> list[Graph]:
    return sorted((g for g in ds.graphs() if len(g) and isinstance(g.identifier, URIRef)
                   and g.identifier != URIRef("urn:x-rdflib:default")), key=lambda g: str(g.identifier))


def _trig(ds: Dataset) -> bytes:
    out = [f"@prefix {p}: <{ns}> ." for p, ns in PREFIXES.items()]
    for g in _named(ds):
        body = Graph()
        _bind(body)
        for t in g:
            body.add(t)
        text = body.serialize(format="turtle")
        lines = [ln for ln in text.splitlines() if not ln.startswith("@prefix")]
        while lines and not lines[0].strip():
            lines.pop(0)
        out.append(f"\n<{g.identifier}> {{")
        out += ["    " + ln if ln.strip() else "" for ln in lines]
        out.append("}")
    return ("\n".join(out).rstrip() + "\n").encode("utf-8")


def _jsonld(ds: Dataset) -> bytes:
    context = {p: ns for p, ns in PREFIXES.items()}
    graphs = []
    for g in _named(ds):
        raw = json.loads(g.serialize(format="json-ld", context=context, auto_compact=False))
        nodes = raw.get("@graph", raw if isinstance(raw, list) else [raw])
        nodes = [n for n in nodes if isinstance(n, dict)]
        for n in nodes:
            for k, v in n.items():
                if isinstance(v, list):
                    n[k] = sorted(v, key=lambda x: json.dumps(x, sort_keys=True, ensure_ascii=False))
        graphs.append({"@id": str(g.identifier), "@graph": sorted(nodes, key=lambda n: n.get("@id", ""))})
    doc = {"@context": context, "@graph": graphs}
    return (json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: never a half-written output."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def load(path: Path) -> Dataset:
    """Read a graph file (TriG, N-Quads, Turtle, N-Triples, JSON-LD) into a Dataset."""
    if not path.exists():
        raise InputError("no such graph file; run `kg build` first or name a graph file", path)
    name = SUFFIX_FORMATS.get(path.suffix)
    if name is None:
        raise InputError(f"unknown graph format '{path.suffix}'. Use one of: "
                         f"{', '.join(sorted(s for s in SUFFIX_FORMATS))}", path)
    rdflib_format = EXPORT_FORMATS[name][0] if name in EXPORT_FORMATS else name
    ds = Dataset()
    _bind(ds)
    try:
        if name in ("turtle", "ntriples", "xml"):
            ds.graph(URIRef(path.resolve().as_uri())).parse(path, format=rdflib_format)
        else:
            ds.parse(path, format=rdflib_format)
    except (ParserError, SyntaxError, ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot parse as {name}: {str(exc).strip().splitlines()[0][:300]}", path) from None
    return ds
