"""The ontology in the forms other tools read: RDF/XML (`ontology/sanad.owl`), OWL 2 functional
syntax (`ontology/sanad.ofn`) and the JSON-LD context of Sanad's exports
(`ontology/context.jsonld`). All three are generated from `ontology/sanad.ttl`, byte for byte the
same each time (`make ontology` writes them; a test keeps them current).

owlready2 reads and writes RDF/XML and N-Triples only, so OWL functional syntax is written here:
a mapping of the RDF graph to OWL 2 axioms (the reverse of the OWL 2 RDF mapping) for the
constructs the ontology uses. A triple it cannot map is an error, never silently dropped.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from rdflib import OWL, RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph

from kg.defaults import ONTOLOGY_FILE, ONTOLOGY_NS, PREFIXES
from kg.errors import OntologyError
from kg.export import _encode, nt_term, rdfxml

_PREFIX_RE = re.compile(r"^@prefix\s+([A-Za-z][\w-]*)?:\s*<([^>]*)>\s*\.", re.MULTILINE)
_OFN_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
EXTERNAL_TERMS = {  # terms of other vocabularies that Sanad's graphs use, for the JSON-LD context
    "label": ("rdfs:label", None), "prefLabel": ("skos:prefLabel", None), "altLabel": ("skos:altLabel", None),
    "sameAs": ("owl:sameAs", "@id"), "subject": ("rdf:subject", "@id"), "predicate": ("rdf:predicate", "@id"),
    "object": ("rdf:object", None),
}
PLAIN_RANGES = {str(XSD.string), str(RDF.langString), str(RDFS.Literal)}


@lru_cache(maxsize=1)
def ontology_graph(path: Path = ONTOLOGY_FILE) -> Graph:
    try:
        return Graph().parse(path, format="turtle")
    except Exception as exc:  # noqa: BLE001 - any parser failure means the file is broken
        raise OntologyError(f"cannot parse: {exc}", path) from None


def file_prefixes(path: Path = ONTOLOGY_FILE) -> dict[str, str]:
    """The prefixes the ontology file declares, in its order (rdflib's own bindings differ)."""
    return {m.group(1) or "": m.group(2) for m in _PREFIX_RE.finditer(path.read_text(encoding="utf-8"))}


# -- the JSON-LD context -------------------------------------------------------------------------

@lru_cache(maxsize=1)
def context() -> dict:
    """The JSON-LD context of Sanad's graphs: the instance and vocabulary prefixes, one term per
    sanad: class and property (object properties coerced to IRIs, datatype properties to their
    range), and the few rdf:, rdfs:, skos: and owl: terms the graphs use. A local name equal to a
    prefix (sanad:amount and amount:) gets no term: its key stays the compact IRI."""
    g = ontology_graph()
    ctx: dict = dict(PREFIXES)
    for cls in sorted(_sanad(g.subjects(RDF.type, OWL.Class))):
        _add_term(ctx, cls, f"sanad:{cls}")
    for prop in sorted(_sanad(g.subjects(RDF.type, OWL.ObjectProperty))):
        _add_term(ctx, prop, {"@id": f"sanad:{prop}", "@type": "@id"})
    for prop in sorted(_sanad(g.subjects(RDF.type, OWL.DatatypeProperty))):
        spec = {"@id": f"sanad:{prop}"}
        datatype = _datatype(g, g.value(URIRef(ONTOLOGY_NS + prop), RDFS.range))
        if datatype and datatype not in PLAIN_RANGES:
            spec["@type"] = _prefixed(datatype)
        _add_term(ctx, prop, spec)
    for term, (iri, coercion) in EXTERNAL_TERMS.items():
        _add_term(ctx, term, {"@id": iri, **({"@type": coercion} if coercion else {})})
    return ctx


def context_document() -> bytes:
    return (json.dumps({"@context": context()}, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _add_term(ctx: dict, term: str, spec) -> None:
    if term not in ctx:
        ctx[term] = spec


def _sanad(nodes) -> set[str]:
    return {str(n)[len(ONTOLOGY_NS):] for n in nodes if isinstance(n, URIRef) and str(n).startswith(ONTOLOGY_NS)}


def _datatype(g: Graph, rng) -> str | None:
    if isinstance(rng, URIRef):
        return str(rng)
    if isinstance(rng, BNode) and g.value(rng, OWL.onDatatype) is not None:
        return str(g.value(rng, OWL.onDatatype))
    return None


def _prefixed(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


# -- RDF/XML -------------------------------------------------------------------------------------

def ontology_rdfxml(g: Graph | None = None) -> bytes:
    """The ontology as RDF/XML; its blank nodes (OWL axioms) are nested, never named."""
    g = to_canonical_graph(g if g is not None else ontology_graph())
    ts = sorted(g, key=lambda t: (nt_term(t[0]), nt_term(t[1]), nt_term(t[2])))
    return rdfxml(ts, {p: ns for p, ns in file_prefixes().items() if p})


# -- OWL functional syntax -----------------------------------------------------------------------

class _Ofn:
    """RDF -> OWL 2 functional syntax for the constructs of the Sanad ontology."""

    CHARACTERISTICS = {
        OWL.FunctionalProperty: "Functional", OWL.InverseFunctionalProperty: "InverseFunctional",
        OWL.TransitiveProperty: "Transitive", OWL.SymmetricProperty: "Symmetric",
        OWL.AsymmetricProperty: "Asymmetric", OWL.ReflexiveProperty: "Reflexive",
        OWL.IrreflexiveProperty: "Irreflexive",
    }
    DECLARATIONS = {OWL.Class: "Class", OWL.ObjectProperty: "ObjectProperty", OWL.DatatypeProperty: "DataProperty",
                    OWL.AnnotationProperty: "AnnotationProperty", OWL.NamedIndividual: "NamedIndividual",
                    RDFS.Datatype: "Datatype"}
    BUILTIN_ANNOTATIONS = {RDFS.label, RDFS.comment, RDFS.seeAlso, RDFS.isDefinedBy, OWL.versionInfo,
                           OWL.deprecated, OWL.priorVersion, OWL.backwardCompatibleWith, OWL.incompatibleWith}

    def __init__(self, g: Graph, prefixes: dict[str, str]) -> None:
        self.g = g
        self.prefixes = prefixes
        self.used: set[tuple] = set()
        self.kind: dict = defaultdict(set)
        for s, o in g.subject_objects(RDF.type):
            if isinstance(s, URIRef) and o in self.DECLARATIONS:
                self.kind[s].add(self.DECLARATIONS[o])

    def use(self, s, p, o):
        self.used.add((s, p, o))
        return o

    def iri(self, term) -> str:
        text = str(term)
        for prefix, ns in sorted(self.prefixes.items(), key=lambda kv: -len(kv[1])):
            if text.startswith(ns) and _OFN_LOCAL.match(text[len(ns):]):
                return f"{prefix}:{text[len(ns):]}"
        return f"<{text}>"

    def literal(self, lit: Literal) -> str:
        text = '"' + str(lit).replace("\\", "\\\\").replace('"', '\\"') + '"'
        if lit.language:
            return f"{text}@{lit.language}"
        if lit.datatype is not None and lit.datatype != XSD.string:
            return f"{text}^^{self.iri(lit.datatype)}"
        return text

    def value(self, term) -> str:
        return self.literal(term) if isinstance(term, Literal) else self.iri(term)

    def items(self, head) -> list:
        nodes, node = [], head
        while node != RDF.nil:
            nodes.append(node)
            node = self.g.value(node, RDF.rest)
            if node is None:
                raise OntologyError(f"a malformed RDF list at {nt_term(nodes[-1])}")
        out = []
        for n in nodes:
            self.use(n, RDF.first, self.g.value(n, RDF.first))
            self.use(n, RDF.rest, self.g.value(n, RDF.rest))
            out.append(self.g.value(n, RDF.first))
        return out

    def class_expression(self, term) -> str:
        if isinstance(term, URIRef):
            return self.iri(term)
        g = self.g
        for prop, name in ((OWL.unionOf, "ObjectUnionOf"), (OWL.intersectionOf, "ObjectIntersectionOf")):
            head = g.value(term, prop)
            if head is not None:
                self.use(term, prop, head)
                if (term, RDF.type, OWL.Class) in g:
                    self.use(term, RDF.type, OWL.Class)
                return f"{name}({' '.join(self.class_expression(c) for c in self.items(head))})"
        complement = g.value(term, OWL.complementOf)
        if complement is not None:
            self.use(term, OWL.complementOf, complement)
            if (term, RDF.type, OWL.Class) in g:
                self.use(term, RDF.type, OWL.Class)
            return f"ObjectComplementOf({self.class_expression(complement)})"
        raise OntologyError(f"OWL functional syntax: unsupported class expression {self.describe(term)}")

    def data_range(self, term) -> str:
        if isinstance(term, URIRef):
            return self.iri(term)
        g = self.g
        base = g.value(term, OWL.onDatatype)
        if base is not None:
            self.use(term, RDF.type, RDFS.Datatype)
            self.use(term, OWL.onDatatype, base)
            head = self.use(term, OWL.withRestrictions, g.value(term, OWL.withRestrictions))
            facets = []
            for restriction in self.items(head):
                for facet, value in g.predicate_objects(restriction):
                    self.use(restriction, facet, value)
                    facets.append(f"{self.iri(facet)} {self.literal(value)}")
            return f"DatatypeRestriction({self.iri(base)} {' '.join(facets)})"
        raise OntologyError(f"OWL functional syntax: unsupported data range {self.describe(term)}")

    def property_expression(self, term) -> str:
        if isinstance(term, URIRef):
            return self.iri(term)
        inverse = self.g.value(term, OWL.inverseOf)
        if inverse is not None:
            self.use(term, OWL.inverseOf, inverse)
            return f"ObjectInverseOf({self.iri(inverse)})"
        raise OntologyError(f"OWL functional syntax: unsupported property expression {self.describe(term)}")

    def describe(self, term) -> str:
        return "; ".join(f"{nt_term(p)} {nt_term(o)}" for p, o in sorted(self.g.predicate_objects(term)))[:300]

    def render(self) -> str:
        g = self.g
        onto = g.value(predicate=RDF.type, object=OWL.Ontology)
        if onto is None:
            raise OntologyError("no owl:Ontology in the ontology")
        self.use(onto, RDF.type, OWL.Ontology)
        header = self.iri(onto)
        version = g.value(onto, OWL.versionIRI)
        if version is not None:
            header += " " + self.iri(self.use(onto, OWL.versionIRI, version))
        annotations = []
        for p, o in g.predicate_objects(onto):
            if (onto, p, o) not in self.used:
                self.use(onto, p, o)
                annotations.append(f"Annotation({self.iri(p)} {self.value(o)})")
        declarations, axioms = [], []
        annotation_props = {s for s, kinds in self.kind.items() if "AnnotationProperty" in kinds}
        annotation_props |= self.BUILTIN_ANNOTATIONS
        for s in sorted(self.kind, key=str):
            for kind in sorted(self.kind[s]):
                declarations.append(f"Declaration({kind}({self.iri(s)}))")
                self.use(s, RDF.type, next(k for k, v in self.DECLARATIONS.items() if v == kind))
        for s, p, o in sorted(g, key=lambda t: (nt_term(t[0]), nt_term(t[1]), nt_term(t[2]))):
            if not isinstance(s, URIRef) or (s, p, o) in self.used:
                continue
            axiom = self.axiom(s, p, o, annotation_props)
            if axiom:
                axioms.append(axiom)
        for s, p, o in g:  # axioms whose subject is a blank node: AllDisjointClasses
            if isinstance(s, BNode) and p == RDF.type and o == OWL.AllDisjointClasses:
                self.use(s, p, o)
                members = self.items(self.use(s, OWL.members, g.value(s, OWL.members)))
                axioms.append(f"DisjointClasses({' '.join(self.class_expression(m) for m in members)})")
        left = [t for t in g if t not in self.used]
        if left:
            shown = "; ".join(" ".join(nt_term(x) for x in t) for t in sorted(left, key=str)[:5])
            raise OntologyError(f"OWL functional syntax: {len(left)} triple(s) not mapped to axioms, e.g. {shown}")
        lines = [f"Prefix({p}:=<{ns}>)" for p, ns in sorted(self.prefixes.items())]
        lines += ["", f"Ontology({header}"]
        lines += sorted(annotations) + [""] + declarations + [""] + sorted(set(axioms)) + [")"]
        return "\n".join(lines)

    def axiom(self, s, p, o, annotation_props: set) -> str | None:
        kinds = self.kind.get(s, set())
        if p == RDF.type and o in self.CHARACTERISTICS:
            self.use(s, p, o)
            kind = "Data" if "DataProperty" in kinds else "Object"
            if kind == "Data" and o != OWL.FunctionalProperty:
                raise OntologyError(f"{self.iri(s)}: a data property can only be functional")
            return f"{self.CHARACTERISTICS[o]}{kind}Property({self.iri(s)})"
        if p in annotation_props:
            self.use(s, p, o)
            return f"AnnotationAssertion({self.iri(p)} {self.iri(s)} {self.value(o)})"
        if p == RDFS.subClassOf:
            self.use(s, p, o)
            return f"SubClassOf({self.iri(s)} {self.class_expression(o)})"
        if p == OWL.equivalentClass:
            self.use(s, p, o)
            return f"EquivalentClasses({self.iri(s)} {self.class_expression(o)})"
        if p == OWL.disjointWith:
            self.use(s, p, o)
            return f"DisjointClasses({self.iri(s)} {self.class_expression(o)})"
        if p == OWL.inverseOf and isinstance(o, URIRef):
            self.use(s, p, o)
            return f"InverseObjectProperties({self.iri(s)} {self.iri(o)})"
        if p in (RDFS.subPropertyOf, RDFS.domain, RDFS.range):
            self.use(s, p, o)
            if "ObjectProperty" in kinds:
                if p == RDFS.subPropertyOf:
                    return f"SubObjectPropertyOf({self.iri(s)} {self.property_expression(o)})"
                name = "ObjectPropertyDomain" if p == RDFS.domain else "ObjectPropertyRange"
                return f"{name}({self.iri(s)} {self.class_expression(o)})"
            if "DataProperty" in kinds:
                if p == RDFS.subPropertyOf:
                    return f"SubDataPropertyOf({self.iri(s)} {self.iri(o)})"
                if p == RDFS.domain:
                    return f"DataPropertyDomain({self.iri(s)} {self.class_expression(o)})"
                return f"DataPropertyRange({self.iri(s)} {self.data_range(o)})"
            if "AnnotationProperty" in kinds:
                name = {RDFS.subPropertyOf: "SubAnnotationPropertyOf", RDFS.domain: "AnnotationPropertyDomain",
                        RDFS.range: "AnnotationPropertyRange"}[p]
                return f"{name}({self.iri(s)} {self.iri(o)})"
        raise OntologyError(f"OWL functional syntax: cannot map {nt_term(s)} {nt_term(p)} {nt_term(o)}")


def ontology_ofn(g: Graph | None = None) -> bytes:
    """The ontology in OWL 2 functional syntax."""
    prefixes = {p: ns for p, ns in file_prefixes().items() if p}
    prefixes |= {"owl": str(OWL), "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD),
                 "xml": "http://www.w3.org/XML/1998/namespace"}
    return _encode(_Ofn(g if g is not None else ontology_graph(), prefixes).render())


def ontology_export(fmt: str) -> bytes:
    if fmt == "rdfxml":
        return ontology_rdfxml()
    if fmt == "ofn":
        return ontology_ofn()
    if fmt == "context":
        return context_document()
    raise OntologyError(f"unknown ontology format '{fmt}'. Use one of: context, ofn, rdfxml")
