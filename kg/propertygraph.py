"""Property-graph exports: CSV files for `neo4j-admin database import` and GraphML for Gephi.

The RDF graph becomes nodes and relationships:
- a node for every entity and fact node (Article, Person, Organization, HardwareModel,
  HardwareMention, Position, Deal, Quote, MonetaryAmount), labelled with its sanad: classes
  (`Company;Organization`) and carrying its literal values as properties (`label_en`, `value`, ...);
- a relationship for every triple between two nodes in an article's graph (`WORKS_FOR`,
  `HOLDS_POSITION`, `LICENSEE`, `MENTIONS`, ...), one per article that states it, carrying its
  provenance: the evidence's exact text and sentence, offsets, the article, confidence and
  extractor. The provenance is the sanad:Assertion's when the triple has one, else that of the fact
  node it starts or ends at (a Position, a Deal, ...), else the evidence of its end in that article.
Evidence and Assertion nodes are folded into those properties rather than exported as nodes.
"""
from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import RDF, XSD, Literal, URIRef

from kg.defaults import ONTOLOGY_NS
from kg.errors import KGError
from kg.export import XML_ILLEGAL, graphs, prepare, write_atomic

NODE_CLASSES = ("Article", "Person", "Organization", "HardwareModel", "HardwareMention", "Position", "Deal",
                "Quote", "MonetaryAmount")
ARRAY_DELIMITER = "\x1f"  # U+001F: never in article text; pass --array-delimiter=U+001F to neo4j-admin
INTEGER_TYPES = {str(XSD[t]) for t in ("integer", "nonNegativeInteger", "positiveInteger", "long", "int", "short",
                                        "negativeInteger", "nonPositiveInteger", "unsignedLong", "unsignedInt")}
FLOAT_TYPES = {str(XSD.decimal), str(XSD.double), str(XSD.float)}
SANAD = {name: URIRef(ONTOLOGY_NS + name) for name in ("evidence", "extractedBy", "confidence", "exact", "prefix",
                                                       "suffix", "start", "end", "source", "Assertion")}


@dataclass
class Relationship:
    start: str
    end: str
    type: str
    predicate: str
    article: str
    exact: list[str] = field(default_factory=list)
    sentence: list[str] = field(default_factory=list)
    offsets: list[tuple[int, int]] = field(default_factory=list)
    confidence: float | None = None
    extractor: list[str] = field(default_factory=list)


@dataclass
class PropertyGraph:
    nodes: dict[str, dict]  # IRI -> {"label": primary, "labels": [...], "props": {name: [values]}}
    relationships: list[Relationship]


def relationship_type(predicate: str) -> str:
    """worksFor -> WORKS_FOR (Neo4j's convention for relationship types).

    >>> relationship_type(ONTOLOGY_NS + "holdsPosition")
    'HOLDS_POSITION'
    """
    local = re.split(r"[#/]", predicate)[-1] or "related"
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", local).upper().replace("-", "_")


def property_graph(ds) -> PropertyGraph:
    quads = prepare(ds)
    types: dict = defaultdict(set)
    for s, p, o, _ in quads:
        if p == RDF.type and str(o).startswith(ONTOLOGY_NS):
            types[s].add(str(o)[len(ONTOLOGY_NS):])
    nodes: dict[str, dict] = {}
    for s, classes in types.items():
        primary = next((c for c in NODE_CLASSES if c in classes), None)
        if primary is not None and isinstance(s, URIRef):
            nodes[str(s)] = {"label": primary, "labels": sorted(classes), "props": defaultdict(set)}
    for s, p, o, _ in quads:
        node = nodes.get(str(s))
        if node is None or p == RDF.type or p == SANAD["evidence"] or str(o) in nodes:
            continue
        name = _local(p)
        if isinstance(o, Literal) and o.language:
            name = f"{name}_{o.language.replace('-', '_')}"
        node["props"][name].add(o)
    for node in nodes.values():
        labels = sorted(node["props"].get("label_en", ()), key=str) or sorted(
            (v for k, vs in node["props"].items() if k.startswith("label_") for v in vs), key=str)
        if labels:
            node["props"]["name"] = {Literal(str(labels[0]))}
    relationships = []
    for g, ts in graphs(quads).items():
        if g is None:
            continue
        index = _Index(ts)
        for s, p, o in ts:
            if p == RDF.type or str(s) not in nodes or str(o) not in nodes:
                continue
            rel = Relationship(str(s), str(o), relationship_type(str(p)), str(p), str(g))
            index.provenance(rel, s, p, o)
            relationships.append(rel)
    relationships.sort(key=lambda r: (r.type, r.start, r.end, r.article))
    return PropertyGraph(dict(sorted(nodes.items())), relationships)


class _Index:
    """One graph's triples, indexed for the provenance look-ups."""

    def __init__(self, ts) -> None:
        self.out: dict = defaultdict(lambda: defaultdict(list))
        self.assertions: dict = {}
        for s, p, o in ts:
            self.out[s][p].append(o)
        for s, props in self.out.items():
            if SANAD["Assertion"] in props.get(RDF.type, ()):
                key = (props.get(RDF.subject, [None])[0], props.get(RDF.predicate, [None])[0],
                       props.get(RDF.object, [None])[0])
                self.assertions[key] = s

    def value(self, s, p):
        values = self.out.get(s, {}).get(p)
        return sorted(values, key=str)[0] if values else None

    def provenance(self, rel: Relationship, s, p, o) -> None:
        source = self.assertions.get((s, p, o))
        if source is None:
            source = next((n for n in (s, o) if self.out.get(n, {}).get(SANAD["extractedBy"])), None)
        node = source if source is not None else o
        spans = []
        for ev in self.out.get(node, {}).get(SANAD["evidence"], []):
            exact, start, end = (self.value(ev, SANAD[k]) for k in ("exact", "start", "end"))
            if exact is None or start is None or end is None:
                continue
            sentence = f"{self.value(ev, SANAD['prefix']) or ''}{exact}{self.value(ev, SANAD['suffix']) or ''}"
            spans.append((int(start), int(end), str(exact), sentence))
        for start, end, exact, sentence in sorted(set(spans)):
            rel.offsets.append((start, end))
            rel.exact.append(exact)
            rel.sentence.append(sentence)
        if source is not None:
            confidences = [_number(c) for c in self.out[source].get(SANAD["confidence"], [])]
            confidences = [c for c in confidences if c is not None]
            rel.confidence = max(confidences) if confidences else None
            rel.extractor = sorted(str(x) for x in self.out[source].get(SANAD["extractedBy"], []))


def _local(p) -> str:
    return re.split(r"[#/]", str(p))[-1] or "value"


def _number(lit) -> float | None:
    try:
        return float(Decimal(str(lit)))
    except (InvalidOperation, ValueError):
        return None


# -- Neo4j ---------------------------------------------------------------------------------------

def neo4j_files(pg: PropertyGraph) -> dict[str, bytes]:
    """CSV files for `neo4j-admin database import`, one per primary label, plus relationships.csv
    and import.sh with the command that loads them."""
    files: dict[str, bytes] = {}
    by_label: dict[str, list[str]] = defaultdict(list)
    for iri, node in pg.nodes.items():
        by_label[node["label"]].append(iri)
    for label in sorted(by_label):
        iris = by_label[label]
        columns: dict[str, tuple[str, bool]] = {}
        for iri in iris:
            for name, values in pg.nodes[iri]["props"].items():
                kind = _neo4j_type(values)
                old = columns.get(name)
                many = len(values) > 1 or (old is not None and old[1])
                columns[name] = (kind if old is None or old[0] == kind else "string", many)
        names = sorted(columns)
        header = ["iri:ID", ":LABEL"] + [f"{n}:{t}[]" if many else f"{n}:{t}" for n, (t, many) in
                                          ((n, columns[n]) for n in names)]
        rows = []
        for iri in iris:
            node = pg.nodes[iri]
            row = [iri, ";".join(node["labels"])]
            for n in names:
                values = sorted((str(v) for v in node["props"].get(n, ())), key=_sort_key(columns[n][0]))
                row.append(_cell(values, columns[n][1]))
            rows.append(row)
        files[f"nodes-{label}.csv"] = _csv(header, rows)
    header = [":START_ID", ":END_ID", ":TYPE", "predicate", "article", "exact:string[]", "sentence:string[]",
              "start:long[]", "end:long[]", "confidence:double", "extractor:string[]"]
    rows = [[r.start, r.end, r.type, r.predicate, r.article, _cell(r.exact, True), _cell(r.sentence, True),
             _cell([str(a) for a, _ in r.offsets], True), _cell([str(b) for _, b in r.offsets], True),
             "" if r.confidence is None else repr(r.confidence), _cell(r.extractor, True)] for r in pg.relationships]
    files["relationships.csv"] = _csv(header, rows)
    nodes = " ".join(f"--nodes={name}" for name in sorted(files) if name.startswith("nodes-"))
    files["import.sh"] = (
        "#!/bin/sh\n"
        "# Load these files into an empty Neo4j 5 database (stop it first); DATABASE defaults to neo4j.\n"
        "# Neo4j 4.x: neo4j-admin import --database=\"$DB\" with the same options.\n"
        "set -e\ncd \"$(dirname \"$0\")\"\nDB=\"${1:-neo4j}\"\n"
        f"neo4j-admin database import full {nodes} --relationships=relationships.csv \\\n"
        "  --array-delimiter=U+001F --multiline-fields=true --overwrite-destination=true \"$DB\"\n"
    ).encode()
    return files


def _neo4j_type(values) -> str:
    kinds = set()
    for v in values:
        dt = str(v.datatype) if isinstance(v, Literal) and v.datatype is not None else None
        if dt in INTEGER_TYPES and re.match(r"^[+-]?[0-9]+$", str(v)):
            kinds.add("long")
        elif dt in FLOAT_TYPES and _number(v) is not None:
            kinds.add("double")
        elif dt == str(XSD.boolean) and str(v) in ("true", "false"):
            kinds.add("boolean")
        else:
            kinds.add("string")
    return kinds.pop() if len(kinds) == 1 else "string"


def _sort_key(kind: str):
    if kind in ("long", "double"):
        return lambda v: (float(Decimal(v)), v)
    return lambda v: v


def _cell(values: list[str], array: bool) -> str:
    for v in values:
        if ARRAY_DELIMITER in v:
            raise KGError(f"a value holds U+001F, the array delimiter of the Neo4j export: {v[:60]!r}")
    return ARRAY_DELIMITER.join(values) if array else (values[0] if values else "")


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def write_neo4j(ds, folder: Path) -> list[Path]:
    if folder.exists() and not folder.is_dir():
        raise KGError(f"{folder} is a file; the Neo4j export writes a folder of CSV files (-o DIR)")
    written = []
    for name, data in neo4j_files(property_graph(ds)).items():
        write_atomic(folder / name, data)
        written.append(folder / name)
    (folder / "import.sh").chmod(0o755)
    return written


# -- GraphML (Gephi) -----------------------------------------------------------------------------

def graphml(ds) -> bytes:
    """GraphML through networkx: node attributes `label` (Gephi shows it), `type`, `classes` and the
    literal properties; edge attributes `type`, `predicate`, `article`, `exact`, `sentence`,
    `confidence`, `extractor`. Several values are joined with " | "; characters XML 1.0 cannot carry
    become U+FFFD."""
    import networkx as nx

    pg = property_graph(ds)
    g = nx.MultiDiGraph()
    for iri, node in pg.nodes.items():
        attrs = {"type": node["label"], "classes": ";".join(node["labels"])}
        for name, values in sorted(node["props"].items()):
            attrs[name] = _xml_safe(" | ".join(sorted(str(v) for v in values)))
        attrs["label"] = attrs.pop("name", None) or iri.rsplit("/", 1)[-1]
        g.add_node(iri, **dict(sorted(attrs.items())))
    for n, r in enumerate(pg.relationships):
        attrs = {"type": r.type, "predicate": r.predicate, "article": r.article,
                 "exact": _xml_safe(" | ".join(r.exact)), "sentence": _xml_safe(" | ".join(r.sentence)),
                 "extractor": " | ".join(r.extractor)}
        if r.confidence is not None:
            attrs["confidence"] = r.confidence
        g.add_edge(r.start, r.end, key=f"e{n}", **attrs)
    return ("\n".join(nx.generate_graphml(g, encoding="utf-8", prettyprint=True)) + "\n").encode("utf-8")


def _xml_safe(text: str) -> str:
    return XML_ILLEGAL.sub("\ufffd", text)
