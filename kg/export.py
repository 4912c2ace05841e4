"""Serialisation: every format deterministic byte for byte, written atomically, and loadable as it
is by other graph stores.

Every RDF export goes through `prepare()`, which gives a sorted list of quads in which
- blank nodes are skolemized: each becomes an IRI under `SKOLEM_BASE` named by a hash of its
  RDFC-1.0 canonical form, so the same graph gives the same IRIs (Sanad's own graphs have none);
- IRIs carry no character that strict parsers refuse (space, <>"{}|^`\\, controls): such
  characters are percent-encoded, as RFC 3987 maps an IRI to a URI;
- language tags are lower case, and `"x"^^xsd:string` is the simple literal `"x"` (RDF 1.1).
The writers below never change a literal's lexical form, never write a `\\` escape inside a
prefixed name (gotcha G4: Virtuoso keeps the backslash), and declare their prefixes once.

>>> from rdflib import Literal, URIRef
>>> nt_term(URIRef("http://example.org/a b"))
'<http://example.org/a%20b>'
>>> nt_term(Literal('say "hi"\\n', lang="EN"))
'"say \\\\"hi\\\\"\\\\n"@en'
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import re
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from rdflib import RDF, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.exceptions import ParserError
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.defaults import EXPORT_FORMATS, PREFIXES, SKOLEM_BASE, SUFFIX_FORMATS
from kg.errors import InputError, KGError

Quad = tuple  # (subject, predicate, object, graph IRI or None for the default graph)

_ECHAR = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_STRING_ESCAPE = re.compile('["\\\\\x00-\x1f\x7f]')
_LANG = re.compile(r"^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$")
# Prefixed names are written only when the local part needs no escape (gotcha G4) and starts with a letter
_LOCAL = re.compile(r"^[A-Za-z_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")
_NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
# Characters XML 1.0 cannot carry at all (RDF/XML, GraphML)
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TURTLE_NUMBER = {
    XSD.integer: re.compile(r"^[+-]?[0-9]+$"),
    XSD.decimal: re.compile(r"^[+-]?[0-9]*\.[0-9]+$"),
    XSD.double: re.compile(r"^[+-]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)[eE][+-]?[0-9]+$"),
    XSD.boolean: re.compile(r"^(?:true|false)$"),
}
_TURTLE_NUMBER_IRI = {str(k): v for k, v in _TURTLE_NUMBER.items()}
_XSD_STRING = str(XSD.string)
_A = f"<{RDF.type}>"


# -- reading --------------------------------------------------------------------------------------

def load(path: Path) -> Dataset:
    """Read a graph file (TriG, N-Quads, Turtle, N-Triples, JSON-LD, RDF/XML) into a Dataset.
    Triples-only formats land in one named graph, named by the file's URI."""
    if not path.exists():
        raise InputError("no such graph file; run `kg build` first or name a graph file", path)
    name = SUFFIX_FORMATS.get(path.suffix)
    if name is None:
        raise InputError(f"unknown graph format '{path.suffix}'. Use one of: "
                         f"{', '.join(sorted(s for s in SUFFIX_FORMATS))}", path)
    rdflib_format = EXPORT_FORMATS[name][0]
    ds = Dataset()
    _bind(ds)
    try:
        if not EXPORT_FORMATS[name][3]:
            ds.graph(URIRef(path.resolve().as_uri())).parse(path, format=rdflib_format)
        else:
            ds.parse(path, format=rdflib_format)
    except (ParserError, SyntaxError, ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot parse as {name}: {str(exc).strip().splitlines()[0][:300]}", path) from None
    except Exception as exc:  # noqa: BLE001 - rdflib's RDF/XML and JSON-LD parsers raise many kinds
        raise InputError(f"cannot parse as {name}: {type(exc).__name__}: {str(exc).strip()[:300]}", path) from None
    return ds


def union(ds: Dataset) -> Graph:
    """The default graph of a Turtle export: all named graphs merged, entities merged by IRI."""
    g = Graph()
    _bind(g)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def _bind(g: Graph) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)


# -- preparing: the quads every writer sees ----------------------------------------------------------

def prepare(ds: Dataset | Graph) -> list[Quad]:
    """Sorted quads, blank nodes skolemized, IRIs safe, literals normalised (see the module doc)."""
    quads = set()
    cleaned: dict = {None: None, DATASET_DEFAULT_GRAPH_ID: None}

    def clean(term):
        try:
            return cleaned[term]
        except KeyError:
            return cleaned.setdefault(term, _clean(term))

    source = ds.quads((None, None, None, None)) if isinstance(ds, Dataset) else ((s, p, o, None) for s, p, o in ds)
    for s, p, o, g in source:
        quads.add((clean(s), clean(p), clean(o), clean(g)))
    has_bnodes = any(isinstance(t, BNode) for t in cleaned.values())
    if has_bnodes:
        quads = skolemize(quads)
    return sorted(quads, key=quad_key)


def _clean(term):
    if isinstance(term, URIRef):
        iri = safe_iri(str(term))
        return term if iri == str(term) else URIRef(iri)
    if isinstance(term, Literal):
        if term.language:
            if not _LANG.match(term.language):
                raise KGError(f"literal {term[:40]!r} has the language tag '{term.language}', which is not BCP 47")
            return Literal(str(term), lang=term.language.lower())
        if term.datatype == XSD.string:
            return Literal(str(term))
        if term.datatype is not None and safe_iri(str(term.datatype)) != str(term.datatype):
            return Literal(str(term), datatype=URIRef(safe_iri(str(term.datatype))))
        return term
    if isinstance(term, BNode):
        return term
    raise KGError(f"cannot export the term {term!r} (RDF-star and variables are not supported)")


def safe_iri(iri: str) -> str:
    """Percent-encode what an IRI may not contain (RFC 3987): spaces, controls, <>"{}|^`\\, a second
    '#', brackets outside the authority, a '%' that starts no percent-encoding, and code points
    outside ucschar. A valid IRI comes back unchanged.

    >>> safe_iri("https://example.org/a b|c%41%#x#y")
    'https://example.org/a%20b%7Cc%41%25#x%23y'
    """
    if _IRI_FAST.match(iri) and iri.count("#") <= 1 and "%" not in iri and "[" not in iri and "]" not in iri:
        return iri
    rest = iri.find(":") + 1
    authority = (rest + 2, _first_of(iri, "/?#", rest + 2)) if iri.startswith("//", rest) else (0, 0)
    out, fragment, query = [], False, False
    for i, ch in enumerate(iri):
        if ch == "%" and _HEX2.match(iri, i + 1):
            out.append(ch)
            continue
        if ch == "#" and not fragment:
            fragment = True
            out.append(ch)
            continue
        query = query or (ch == "?" and not fragment)
        ok = (ch in _IRI_ASCII and ch != "#" and (ch not in "[]" or authority[0] <= i < authority[1])) if ch < "\x80" \
            else _ucschar(ord(ch)) or (query and not fragment and _iprivate(ord(ch)))
        out.append(ch if ok else "".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass")))
    return "".join(out)


_IRI_FAST = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9._~:/?#@!$&'()*+,;=-]*$")
_IRI_ASCII = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=")
_HEX2 = re.compile(r"[0-9A-Fa-f]{2}")


def _first_of(text: str, chars: str, start: int) -> int:
    found = [i for i in (text.find(c, start) for c in chars) if i >= 0]
    return min(found) if found else len(text)


def _ucschar(c: int) -> bool:
    if 0xA0 <= c <= 0xD7FF or 0xF900 <= c <= 0xFDCF or 0xFDF0 <= c <= 0xFFEF:
        return True
    return 0x10000 <= c <= 0xEFFFD and (c & 0xFFFF) < 0xFFFE


def _iprivate(c: int) -> bool:
    return 0xE000 <= c <= 0xF8FF or (0xF0000 <= c <= 0x10FFFD and (c & 0xFFFF) < 0xFFFE)


def skolemize(quads: Iterable[Quad]) -> set[Quad]:
    """Replace blank nodes by IRIs under SKOLEM_BASE: canonical labels (RDFC-1.0, through
    pyoxigraph), then each IRI named by a hash of its label and the canonical quads it is in, so
    that unrelated graphs do not share skolem IRIs."""
    import pyoxigraph as ox

    quads = list(quads)
    plain = {q for q in quads if not any(isinstance(t, BNode) for t in q)}
    with_bnodes = [q for q in quads if q not in plain]
    dataset = ox.Dataset([ox.Quad(*(_to_ox(t) for t in q[:3]), _to_ox(q[3]) if q[3] is not None else ox.DefaultGraph())
                          for q in with_bnodes])
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    canonical = [(q.subject, q.predicate, q.object, q.graph_name) for q in dataset]
    lines: dict[str, list[str]] = defaultdict(list)
    for q in canonical:
        line = " ".join(str(t) for t in q if not isinstance(t, ox.DefaultGraph))
        for t in q:
            if isinstance(t, ox.BlankNode):
                lines[t.value].append(line)
    iris = {label: URIRef(SKOLEM_BASE + hashlib.sha256("\n".join([label, *sorted(set(ls))]).encode("utf-8"))
                          .hexdigest()[:16]) for label, ls in lines.items()}
    out = set(plain)
    for s, p, o, g in canonical:
        out.add((_from_ox(s, iris), _from_ox(p, iris), _from_ox(o, iris),
                 None if isinstance(g, ox.DefaultGraph) else _from_ox(g, iris)))
    return out


def _to_ox(term):
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(re.sub(r"[^A-Za-z0-9]", "_", str(term)) or "b")
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD.string)))


def _from_ox(term, iris: dict[str, URIRef]):
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return iris[term.value]
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == str(XSD.string):
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


# -- terms ---------------------------------------------------------------------------------------

@lru_cache(maxsize=1 << 16)
def nt_term(term) -> str:
    """A term as N-Triples writes it (also valid in Turtle, TriG and N-Quads)."""
    if isinstance(term, URIRef):
        return f"<{safe_iri(str(term))}>"
    if isinstance(term, BNode):
        return f"_:{re.sub(r'[^A-Za-z0-9]', '_', str(term))}"
    if isinstance(term, Literal):
        text = _quote(str(term))
        if term.language:
            return f"{text}@{term.language.lower()}"
        if term.datatype is not None and term.datatype != XSD.string:
            return f"{text}^^<{safe_iri(str(term.datatype))}>"
        return text
    raise KGError(f"cannot export the term {term!r}")


def _quote(text: str) -> str:
    return '"' + _STRING_ESCAPE.sub(lambda m: _ECHAR.get(m.group()) or f"\\u{ord(m.group()):04X}", text) + '"'


def quad_key(q: Quad) -> tuple[str, ...]:
    return ("" if q[3] is None else nt_term(q[3]), nt_term(q[0]), nt_term(q[1]), nt_term(q[2]))


_NAMESPACES = {ns: prefix for prefix, ns in PREFIXES.items()}  # (each ends with "/" or "#")


@lru_cache(maxsize=1 << 18)
def qname(iri: str) -> str | None:
    """`prefix:local` for an IRI under one of the PREFIXES when the local part needs no escape.
    A local part holds no "/" or "#" and every namespace ends with one: the namespace can only be
    the IRI up to its last "/" or "#" (one look-up, where trying every namespace took 4 s of a
    10,000-article build, most IRIs being evidence spans that no prefix shortens)."""
    ns = _namespace(iri)
    prefix = _NAMESPACES.get(ns)
    if prefix is not None and _LOCAL.match(iri[len(ns):]):
        return f"{prefix}:{iri[len(ns):]}"
    return None


def _namespace(iri: str) -> str:
    """The IRI up to its last "/" or "#": the only namespace of PREFIXES it can be under."""
    return iri[:max(iri.rfind("/"), iri.rfind("#")) + 1]


def turtle_term(term) -> str:
    return turtle_nt(nt_term(term))


@lru_cache(maxsize=1 << 16)
def turtle_nt(t: str) -> str:
    """An N-Triples term as Turtle writes it: prefixed names where safe, bare numbers, datatypes
    as prefixed names."""
    if t[0] == "<":
        return qname(t[1:-1]) or t
    if t[-1] == ">":  # a typed literal: "lexical"^^<datatype> (a '"^^<' cannot occur inside the quotes)
        cut = t.rindex('"^^<')
        lexical, datatype = t[:cut + 1], t[cut + 4:-1]
        number = _TURTLE_NUMBER_IRI.get(datatype)
        if number is not None and number.match(lexical[1:-1]):
            return lexical[1:-1]
        dt = qname(datatype)
        if dt:
            return f"{lexical}^^{dt}"
    return t


def nt_literal(text: str, lang: str | None = None, datatype: str | None = None) -> str:
    """A literal as `nt_term` writes it, without building an rdflib Literal."""
    if lang:
        if not _LANG.match(lang):
            raise KGError(f"literal {text[:40]!r} has the language tag '{lang}', which is not BCP 47")
        return f"{_quote(text)}@{lang.lower()}"
    if datatype and datatype != _XSD_STRING:
        return f"{_quote(text)}^^<{safe_iri(datatype)}>"
    return _quote(text)


def nquads_line(t: tuple[str, str, str], graph: str | None) -> str:
    return f"{t[0]} {t[1]} {t[2]} ." if graph is None else f"{t[0]} {t[1]} {t[2]} {graph} ."


def parse_nquads(lines: Iterable[str]) -> Dataset:
    """An rdflib Dataset (Sanad's prefixes bound) from N-Quads lines."""
    ds = Dataset()
    _bind(ds)
    data = "\n".join(lines)
    if data:
        ds.parse(data=data, format="nquads")
    return ds


def dataset_of(trig: bytes) -> Dataset:
    """A TriG document as an rdflib Dataset, parsed by pyoxigraph (terms converted once each)."""
    ds = Dataset()
    _bind(ds)
    graphs: dict = {}
    for s, p, o, name in _ox_quads(trig):
        g = graphs.get(name)
        if g is None:
            g = graphs[name] = ds.default_context if name is None else ds.graph(name)
        g.add((s, p, o))
    return ds


def triples_of(data: bytes, turtle: bool = False) -> set[tuple]:
    """The merge of a TriG document's graphs (or a Turtle document's triples, TURTLE) as rdflib-term
    triples, without an rdflib store (the explorer of a large corpus reads these)."""
    return {(s, p, o) for s, p, o, _ in _ox_quads(data, turtle)}


def plain_triples_of(data: bytes | Path, turtle: bool = False) -> list[tuple]:
    """The triples of DATA (a document or its file, which repeats no triple: the merge Sanad writes)
    as `triples_of` gives them, but with IRIs as plain strings and literals as pyoxigraph Literals:
    no rdflib term is made, and comparing or hashing one is a C call, not a Python one (choosing what
    the page of a 10,000-article corpus draws compared terms 20 million times). Each term is one
    object however often it occurs. `rdflib_triples` turns the ones kept into rdflib terms. (A list,
    not a set, and the look-up written out: at 10,000 articles 8.9 -> 7.3 s for 4.3M triples.)"""
    import pyoxigraph as ox

    terms: dict = {}
    known = terms.get
    iri = ox.NamedNode

    def new(t):
        found = terms[t] = t.value if type(t) is iri else t
        return found

    fmt = ox.RdfFormat.TURTLE if turtle else ox.RdfFormat.TRIG
    quads = ox.parse(path=str(data), format=fmt) if isinstance(data, Path) else ox.parse(data, format=fmt)
    return [(known(s) or new(s), known(p) or new(p), known(o) or new(o)) for s, p, o, _ in quads]


def rdflib_triples(triples: Iterable[tuple]) -> list[tuple]:
    """Plain triples (`plain_triples_of`) as rdflib-term triples, each term converted once (first
    every distinct term, then the triples by look-up: no call per term of a triple)."""
    triples = triples if isinstance(triples, list) else list(triples)
    done = {t: rdflib_term(t) for t in {t for triple in triples for t in triple}}
    return [(done[s], done[p], done[o]) for s, p, o in triples]


def rdflib_term(term):
    """A plain term (`plain_triples_of`) as an rdflib term."""
    return URIRef(term) if type(term) is str else _from_ox(term, {})


def _ox_quads(data: bytes, turtle: bool = False):
    import pyoxigraph as ox

    iris: dict = {}
    terms: dict = {}

    def term(t):
        found = terms.get(t)
        if found is None:
            found = terms[t] = _from_ox(t, iris)
        return found

    for q in ox.parse(data, format=ox.RdfFormat.TURTLE if turtle else ox.RdfFormat.TRIG):
        name = q.graph_name
        yield term(q.subject), term(q.predicate), term(q.object), None if isinstance(name, ox.DefaultGraph) else term(name)


def _is_literal(t: str) -> bool:
    return t[0] == '"'


def _object_key(term) -> tuple[int, str]:
    return (0 if not isinstance(term, Literal) else 1, nt_term(term))


# -- writers -------------------------------------------------------------------------------------

def serialize(ds: Dataset | Graph, fmt: str, *, context_iri: str | None = None) -> bytes:
    """`ds` in one of EXPORT_FORMATS, byte for byte the same for the same graph."""
    if fmt not in EXPORT_FORMATS:
        raise KGError(f"unknown format '{fmt}'. Use one of: {', '.join(sorted(EXPORT_FORMATS))}")
    quads = prepare(ds)
    return write(quads, fmt, context_iri=context_iri)


def write(quads: list[Quad], fmt: str, *, context_iri: str | None = None) -> bytes:
    if fmt == "ntriples":
        return _lines(f"{nt_term(s)} {nt_term(p)} {nt_term(o)} ." for s, p, o, _ in quads)
    if fmt == "nquads":
        return _lines(f"{nt_term(s)} {nt_term(p)} {nt_term(o)}{'' if g is None else ' ' + nt_term(g)} ."
                      for s, p, o, g in quads)
    if fmt == "turtle":
        return turtle_document(nt_triples(quads))
    if fmt == "trig":
        return trig_document(utf8(trig_block(None if g is None else nt_term(g), nt_triples(ts)))
                             for g, ts in graphs(quads).items())
    if fmt == "jsonld":
        return _jsonld(quads, context_iri)
    if fmt == "rdfxml":
        return rdfxml(triples(quads))
    raise KGError(f"unknown format '{fmt}'. Use one of: {', '.join(sorted(EXPORT_FORMATS))}")


def triples(quads: Iterable[Quad]) -> list[tuple]:
    """The union of all graphs, sorted."""
    return sorted({q[:3] for q in quads}, key=lambda t: (nt_term(t[0]), nt_term(t[1]), nt_term(t[2])))


def nt_triples(quads: Iterable[Quad]) -> set[tuple[str, str, str]]:
    """The union of the quads' triples, as N-Triples terms."""
    return {(nt_term(q[0]), nt_term(q[1]), nt_term(q[2])) for q in quads}


def graphs(quads: Iterable[Quad]) -> dict:
    """Quads grouped by graph (None: the default graph first), in sorted order."""
    out: dict = defaultdict(list)
    for q in quads:
        out[q[3]].append(q[:3])
    return {g: out[g] for g in sorted(out, key=lambda g: "" if g is None else nt_term(g))}


def _encode(text: str) -> bytes:
    return utf8(text.rstrip("\n") + "\n")


def utf8(text: str) -> bytes:
    """TEXT in UTF-8, or a KGError naming the character UTF-8 cannot carry (a lone surrogate)."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise KGError(f"a term holds a character UTF-8 cannot carry: {exc.object[exc.start:exc.end]!r}") from None


def _write_document(fh: BinaryIO, head: bytes, pieces: Iterable[bytes], before: bytes, after: bytes = b"") -> None:
    """Write HEAD, then each of PIECES (UTF-8, none ending in a line break) between BEFORE and AFTER,
    the document ending in exactly one line break, about a megabyte at a time: a corpus's documents
    (hundreds of megabytes) are never whole in memory. Each piece is copied once, into the batch
    joined around it (wrapping each piece in BEFORE and AFTER first copied the 280 MB of a
    10,000-article graph.ttl once more)."""
    glue = after + before
    first, batch, size = True, [], 0
    for piece in pieces:
        batch.append(piece)
        size += len(piece)
        if size > 1 << 20:
            fh.write((head + before if first else glue) + glue.join(batch))
            first, batch, size = False, [], 0
    if first and not batch:  # (no piece at all)
        fh.write(head.rstrip(b"\n") + b"\n")
        return
    tail = ((head + before if first else glue) + glue.join(batch) + after) if batch else after
    fh.write(tail.rstrip(b"\n") + b"\n")


def _lines(lines: Iterable[str]) -> bytes:
    return _encode("\n".join(sorted(set(lines))))


def _prefix_lines(pattern: str) -> list[str]:
    return [pattern.format(f"{p}:", ns) for p, ns in PREFIXES.items()]


def _turtle_header() -> str:
    """The prefix lines every Turtle and TriG document of this module opens with."""
    return "\n".join(_prefix_lines("@prefix {} <{}> ."))


def _turtle_block(ts: Iterable[tuple[str, str, str]], indent: str) -> list[str]:
    """Turtle statements for triples of N-Triples terms, subjects in order, each followed by an
    empty line."""
    out = []
    for s, preds in sorted(by_subject(ts).items()):
        out.append(statement(s, preds, indent))
        out.append("")
    return out


def by_subject(ts: Iterable[tuple[str, str, str]]) -> dict[str, dict[str, list[str]]]:
    grouped: dict[str, dict[str, list[str]]] = {}
    for s, p, o in ts:
        preds = grouped.get(s)
        if preds is None:
            grouped[s] = {p: [o]}
        elif p in preds:
            preds[p].append(o)
        else:
            preds[p] = [o]
    return grouped


def statement(s: str, preds: dict[str, list[str]], indent: str = "") -> str:
    """One Turtle statement about S: rdf:type first, then predicates and objects in order (IRIs
    before literals)."""
    parts = []
    for p in sorted(preds, key=_predicate_order) if len(preds) > 1 else preds:
        objs = preds[p]
        if len(objs) == 1:
            text = _object_text(objs[0])
        else:
            text = f" ,\n{indent}        ".join([_object_text(o) for o in sorted(objs, key=_object_order)])
        parts.append(f"{'a' if p == _A else turtle_nt(p)} {text}")
    return f"{indent}{turtle_nt(s)} " + f" ;\n{indent}    ".join(parts) + " ."


def _object_text(o: str) -> str:
    """turtle_nt, with the terms it writes as they are kept out of its cache: literals without a
    datatype and IRIs under no prefix (an evidence span's, most of a corpus's objects, each seen once:
    they pushed the entities' IRIs out of the cache)."""
    if o[-1] != ">" or o[0] == "<" and _namespace(o[1:-1]) not in _NAMESPACES:
        return o
    return turtle_nt(o)


def _predicate_order(p: str) -> tuple[bool, str]:
    return p != _A, p


def _object_order(o: str) -> tuple[bool, str]:
    return _is_literal(o), o


def turtle_document(ts: Iterable[tuple[str, str, str]]) -> bytes:
    """A Turtle file of the triples (N-Triples terms), Sanad's prefixes declared once."""
    return _encode("\n".join([_turtle_header(), ""] + _turtle_block(ts, "")))


def write_turtle_statements(fh: BinaryIO, statements: Iterable[bytes]) -> None:
    """A Turtle file of statements (see statement, in UTF-8) already in subject order, written to FH as it goes."""
    _write_document(fh, utf8(_turtle_header() + "\n"), statements, b"\n", b"\n")


def trig_block(graph: str | None, ts: Iterable[tuple[str, str, str]]) -> str:
    """One graph of a TriG file (GRAPH an N-Triples IRI, None for the default graph)."""
    block = _turtle_block(ts, "    ")
    return "\n".join(["", "{" if graph is None else f"{graph} {{", *block[:-1], "}"])


def trig_document(blocks: Iterable[bytes]) -> bytes:
    """A TriG file of graph blocks (see trig_block, in UTF-8) already in order."""
    buffer = io.BytesIO()
    write_trig(buffer, blocks)
    return buffer.getvalue()


def write_trig(fh: BinaryIO, blocks: Iterable[bytes]) -> None:
    """trig_document, written to FH as it goes."""
    _write_document(fh, utf8(_turtle_header()), blocks, b"\n")


def split_document(data: bytes, parts: int, trig: bool) -> list[bytes]:
    """A TriG or Turtle document as this module writes it (Sanad's prefixes, then graphs each closed
    by a line "}", or statements each followed by an empty line; literals never hold a line break)
    cut at those boundaries into up to PARTS documents of about the same size, each with the
    prefixes, for a bulk loader to read side by side. Any other document comes back whole."""
    header = _encode(_turtle_header())
    if parts < 2 or not data.startswith(header):
        return [data]
    end = b"\n}\n" if trig else b" .\n\n"
    pieces, start = [], len(header)
    for k in range(1, parts):
        at = data.find(end, max(start, len(data) * k // parts))
        if at < 0:
            break
        pieces.append(data[start:at + len(end)])
        start = at + len(end)
    pieces.append(data[start:])
    return [header + b"\n" + piece for piece in pieces if piece.strip()]


def turtle_statements(data: bytes) -> tuple[bytes, list[bytes]]:
    """A Turtle document as write_turtle_statements writes it: its prefix lines, and its statements
    (one a subject, literals never holding a line break), each a piece a parser reads once the prefix
    lines are put before it. Any other document: (b"", [DATA])."""
    header = _encode(_turtle_header())
    if not data.startswith(header):
        return b"", [data]
    start = len(header) + data.startswith(b"\n", len(header))  # (the line break before the first statement)
    body = data[start:-1] if data.endswith(b"\n") else data[start:]  # (and the one the document ends with)
    return turtle_header(), [s for s in body.split(b"\n\n") if s.strip()]


def turtle_header() -> bytes:
    """The prefix lines of a document of write_turtle_statements, as turtle_statements gives them."""
    return _encode(_turtle_header()) + b"\n"


# -- JSON-LD -------------------------------------------------------------------------------------

def _jsonld(quads: list[Quad], context_iri: str | None = None) -> bytes:
    """Compact JSON-LD with the Sanad context (ontology/context.jsonld), inline unless
    `context_iri` names where it is published; one object per named graph."""
    from kg.owl import context

    ctx = context()
    compactor = _Compactor(ctx)
    top = []
    for g, ts in graphs(quads).items():
        nodes = compactor.nodes(ts)
        if g is None:
            top.extend(nodes)
        else:
            top.append({"@id": compactor.iri(g), "@graph": nodes})
    merged: dict[str, dict] = {}
    for node in top:  # a graph's name may also be a subject in the default graph
        key = node["@id"]
        merged[key] = {**merged[key], **node} if key in merged else node
    doc = {"@context": context_iri or ctx, "@graph": list(merged.values())}
    return (json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


class _Compactor:
    """Triples to compact JSON-LD node objects under the Sanad context. A value is written in
    its short form only when the term's coercion gives back exactly that value; otherwise as an
    explicit value or node object, which coercion leaves alone."""

    def __init__(self, ctx: dict) -> None:
        self.prefixes = {k: v for k, v in ctx.items() if isinstance(v, str) and v.endswith(("/", "#"))}
        self.terms: dict[str, tuple[str, str | None]] = {}  # predicate IRI -> (term, coercion)
        self.classes: dict[str, str] = {}
        for term, spec in ctx.items():
            if isinstance(spec, dict):
                self.terms[self.expand(spec["@id"])] = (term, spec.get("@type") and self.expand(spec["@type"]))
            elif term not in self.prefixes:
                self.classes[self.expand(spec)] = term

    def expand(self, value: str) -> str:
        if value == "@id":
            return value
        prefix, sep, local = value.partition(":")
        return self.prefixes[prefix] + local if sep and prefix in self.prefixes else value

    def iri(self, term) -> str:
        text = str(term)
        q = qname(text)
        if q and q.split(":", 1)[0] in self.prefixes:
            return q
        if text.partition(":")[0] in self.prefixes or text in self.classes.values():
            raise KGError(f"the IRI <{text}> would be read back as a prefixed name in JSON-LD")
        return text

    def nodes(self, ts: list[tuple]) -> list[dict]:
        by_subject: dict = defaultdict(lambda: defaultdict(list))
        for s, p, o in ts:
            by_subject[s][p].append(o)
        out = []
        for s in sorted(by_subject, key=nt_term):
            node: dict = {"@id": self.iri(s)}
            for p, objs in by_subject[s].items():
                if p == RDF.type and all(isinstance(o, URIRef) for o in objs):
                    node["@type"] = _one_or_list(sorted(self.classes.get(str(o)) or self.iri(o) for o in objs))
                    continue
                term, coercion = self.terms.get(str(p), (None, None))
                values = [self.value(o, coercion if term else None) for o in objs]
                values = sorted(values, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
                node[term or self.iri(p)] = _one_or_list(values)
            out.append(node)
        return out

    def value(self, o, coercion: str | None):
        if isinstance(o, URIRef):
            return self.iri(o) if coercion == "@id" else {"@id": self.iri(o)}
        if o.language:
            return {"@language": o.language, "@value": str(o)}
        datatype = str(o.datatype) if o.datatype is not None else None
        if datatype is None:
            return str(o) if coercion is None else {"@value": str(o)}
        if datatype == coercion:
            return str(o)
        return {"@type": self.iri(o.datatype), "@value": str(o)}


def _one_or_list(values: list):
    return values[0] if len(values) == 1 else values


# -- RDF/XML -------------------------------------------------------------------------------------

def rdfxml(ts: list[tuple], namespaces: dict[str, str] | None = None) -> bytes:
    """RDF/XML, one rdf:Description per subject in sorted order. Blank nodes (only the ontology has
    them) are nested where they are the object of one triple; lists of resources become
    rdf:parseType="Collection"; any other blank node gets an rdf:nodeID."""
    namespaces = {"rdf": str(RDF)} | dict(namespaces or PREFIXES)
    prefix_of = {ns: p for p, ns in namespaces.items()}
    by_subject: dict = defaultdict(list)
    referenced: dict = defaultdict(int)
    for s, p, o in ts:
        by_subject[s].append((p, o))
        if isinstance(o, BNode):
            referenced[o] += 1
    for s in by_subject:
        by_subject[s].sort(key=lambda po: (po[0] != RDF.type, nt_term(po[0]), _object_key(po[1])))
    nested = {b for b, n in referenced.items() if n == 1 and b in by_subject}

    used = {"rdf"}

    def element(p) -> str:
        text = str(p)
        for ns in sorted(prefix_of, key=len, reverse=True):
            if text.startswith(ns) and _NCNAME.match(text[len(ns):]):
                used.add(prefix_of[ns])
                return f"{prefix_of[ns]}:{text[len(ns):]}"
        cut = max(text.rfind("#"), text.rfind("/")) + 1
        if cut and _NCNAME.match(text[cut:]):
            prefix = f"ns{sum(1 for p in namespaces if re.match(r'^ns[0-9]+$', p)) + 1}"
            namespaces[prefix], prefix_of[text[:cut]] = text[:cut], prefix
            used.add(prefix)
            return f"{prefix}:{text[cut:]}"
        raise KGError(f"RDF/XML cannot write the predicate <{text}>: its IRI does not end in an XML name")

    def as_list(b) -> list | None:
        items, node, seen = [], b, set()
        while node != RDF.nil:
            props = by_subject.get(node)
            if node in seen or not isinstance(node, BNode) or props is None or len(props) != 2 or \
                    (node != b and referenced[node] != 1):
                return None
            seen.add(node)
            first = [o for p, o in props if p == RDF.first]
            rest = [o for p, o in props if p == RDF.rest]
            if len(first) != 1 or len(rest) != 1 or isinstance(first[0], Literal):
                return None
            items.append(first[0])
            node = rest[0]
        return items

    written: set = set()

    def description(s, indent: str, nested_node: bool = False) -> list[str]:
        if s in written:
            raise KGError("RDF/XML: blank nodes in a cycle are not supported")
        written.add(s)
        if isinstance(s, URIRef):
            head = f'{indent}<rdf:Description rdf:about="{_xml_attr(str(s))}"'
        elif nested_node:
            head = f"{indent}<rdf:Description"
        else:
            head = f'{indent}<rdf:Description rdf:nodeID="{_node_id(s)}"'
        props = by_subject.get(s, [])
        if not props:
            return [head + "/>"]
        lines = [head + ">"]
        for p, o in props:
            lines += property_element(element(p), o, indent + "  ")
        lines.append(f"{indent}</rdf:Description>")
        return lines

    def property_element(name: str, o, indent: str) -> list[str]:
        if isinstance(o, URIRef):
            return [f'{indent}<{name} rdf:resource="{_xml_attr(str(o))}"/>']
        if isinstance(o, BNode):
            if o in nested:
                items = as_list(o)
                if items is not None:
                    for node in _list_nodes(o, by_subject):
                        written.add(node)
                    lines = [f'{indent}<{name} rdf:parseType="Collection">']
                    for item in items:
                        if isinstance(item, BNode) and item in nested:
                            lines += description(item, indent + "  ", nested_node=True)
                        elif isinstance(item, BNode):
                            lines.append(f'{indent}  <rdf:Description rdf:nodeID="{_node_id(item)}"/>')
                        else:
                            lines.append(f'{indent}  <rdf:Description rdf:about="{_xml_attr(str(item))}"/>')
                    return lines + [f"{indent}</{name}>"]
                return [f"{indent}<{name}>", *description(o, indent + "  ", nested_node=True), f"{indent}</{name}>"]
            return [f'{indent}<{name} rdf:nodeID="{_node_id(o)}"/>']
        attrs = ""
        if o.language:
            attrs = f' xml:lang="{o.language}"'
        elif o.datatype is not None and o.datatype != XSD.string:
            attrs = f' rdf:datatype="{_xml_attr(str(o.datatype))}"'
        return [f"{indent}<{name}{attrs}>{_xml_text(str(o))}</{name}>"]

    body: list[str] = []
    for s in sorted((s for s in by_subject if isinstance(s, URIRef)), key=nt_term):
        body += description(s, "  ")
    anonymous = []
    for s in by_subject:
        if isinstance(s, BNode) and s not in nested and s not in written:
            anonymous.append(description(s, "  ", nested_node=referenced[s] == 0))
    for block in sorted(anonymous):
        body += block
    if set(by_subject) - written:
        raise KGError("RDF/XML: blank nodes in a cycle are not supported")
    head = ['<?xml version="1.0" encoding="utf-8"?>', "<rdf:RDF"]
    head += [f'    xmlns:{p}="{_xml_attr(namespaces[p])}"' for p in sorted(used)]
    head[-1] += ">"
    return _encode("\n".join(head + body + ["</rdf:RDF>"]))


def _list_nodes(b, by_subject) -> list:
    nodes = []
    while b != RDF.nil:
        nodes.append(b)
        b = next(o for p, o in by_subject[b] if p == RDF.rest)
    return nodes


def _node_id(b) -> str:
    return "b" + re.sub(r"[^A-Za-z0-9]", "_", str(b))


def _xml_check(text: str) -> str:
    m = XML_ILLEGAL.search(text)
    if m:
        raise KGError(f"XML 1.0 cannot carry the character U+{ord(m.group()):04X} in {text[:60]!r}; "
                      "export this graph as Turtle, N-Triples, N-Quads, TriG or JSON-LD instead")
    return text


def _xml_text(text: str) -> str:
    return _xml_check(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#xD;")


def _xml_attr(text: str) -> str:
    return _xml_text(text).replace('"', "&quot;").replace("\t", "&#x9;").replace("\n", "&#xA;")


# -- files ---------------------------------------------------------------------------------------

def write_atomic(path: Path, data: bytes, durable: bool = True) -> None:
    """Write to a temporary file beside `path`, then rename: never a half-written output.
    DURABLE: flushed to disk before the rename (caches, which are checked when read, skip it)."""
    tmp = temp_beside(path)
    try:
        with tmp.open("wb") as fh:
            fh.write(data)
        move_into_place(tmp, path, durable)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def temp_beside(path: Path) -> Path:
    """A new empty temporary file in PATH's folder (".NAME.*.tmp", which the next build removes if
    this one is killed), readable as PATH would be under the umask."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    os.chmod(tmp, 0o666 & ~_umask())
    return Path(tmp)


def move_into_place(tmp: Path, path: Path, durable: bool = True) -> None:
    """TMP, written in full, becomes PATH in one rename (DURABLE: its bytes on disk first)."""
    if durable:
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    os.replace(tmp, path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
