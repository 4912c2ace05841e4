"""A SHACL Core engine for the constructs ontology/shapes.ttl uses, over triples of N-Triples
terms: thousands of article graphs checked in milliseconds each, in the build's workers.

pySHACL stays the reference (`kg validate`, and builds of small graphs); tests/test_validate_fast.py
holds this engine to pySHACL's answers on real graphs and on many damaged ones. A shapes file
that uses anything this engine does not implement is refused, never half-checked.

Two uses:
- `check(triples)`: every shape on one graph (an article's).
- `check(triples, only_merge=True, foci=...)`: the constraints a merge of graphs can break
  although each graph conforms (sh:maxCount and sh:lessThan; the others only ever gain values or
  types in a merge), on the nodes several articles describe (see kg/validate.py).
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache, cached_property, lru_cache

from rdflib import RDF, RDFS, SH, XSD, BNode, Graph, URIRef
from rdflib.collection import Collection

from kg.errors import OntologyError
from kg.export import nt_term

Triple = tuple[str, str, str]
TYPE = f"<{RDF.type}>"
LANG_STRING = str(RDF.langString)
STRING = str(XSD.string)
MERGE_SENSITIVE = {"maxCount", "lessThan"}  # the components a merge of conforming graphs can violate
_SKIP = {RDF.type, SH.message, SH.name, SH.description, RDFS.comment, RDFS.label, SH.severity, SH.deactivated}
_NODE_KEYS = {SH.targetClass, SH.targetObjectsOf, SH.targetSubjectsOf, SH.property, SH.nodeKind, SH["class"], SH.datatype,
              SH["or"], SH["in"], SH.pattern, SH.flags, SH.minLength, SH.minInclusive, SH.maxInclusive, SH.node}
_PROPERTY_KEYS = _NODE_KEYS - {SH.targetClass, SH.targetObjectsOf, SH.targetSubjectsOf, SH.property} | {
    SH.path, SH.minCount, SH.maxCount, SH.lessThan}


@dataclass
class Shape:
    name: str
    targets_class: tuple[str, ...] = ()
    targets_objects_of: tuple[str, ...] = ()
    targets_subjects_of: tuple[str, ...] = ()
    path: tuple[str, ...] | None = None  # predicates (one, or the alternatives of sh:alternativePath)
    constraints: list[tuple[str, object]] = field(default_factory=list)  # (component, parameter)
    properties: list[Shape] = field(default_factory=list)
    message: str = ""

    @cached_property
    def path_text(self) -> str:
        """The path as results give it: the predicates joined by "|"."""
        return "|".join(self.path or ())


@dataclass(frozen=True)
class Result:
    focus: str
    path: str  # "" for node-level constraints
    component: str  # "minCount", "class", ...
    value: str
    message: str

    def __str__(self) -> str:
        on = f" {self.path}" if self.path else ""
        return f"{self.focus}{on}: {self.component} ({self.message or 'violated'}){' value ' + self.value if self.value else ''}"


def nt(term) -> str:
    return nt_term(term)


def superclass_closure(superclasses: dict[str, set[str]], classes: Iterable[str]) -> frozenset[str]:
    """CLASSES and all their superclasses, given each class's direct superclasses."""
    seen, todo = set(classes), list(classes)
    while todo:
        for sup in superclasses.get(todo.pop(), ()):
            if sup not in seen:
                seen.add(sup)
                todo.append(sup)
    return frozenset(seen)


class Shapes:
    """The shapes graph compiled; `subclasses` closes sh:class and sh:targetClass over rdfs:subClassOf."""

    def __init__(self, shapes: Graph, ontology: Graph | None = None) -> None:
        self.g = shapes
        both = Graph()
        for g in (shapes, ontology or Graph()):
            for t in g.triples((None, RDFS.subClassOf, None)):
                both.add(t)
        self.superclasses: dict[str, set[str]] = defaultdict(set)
        for sub, sup in both.subject_objects(RDFS.subClassOf):
            if isinstance(sub, URIRef) and isinstance(sup, URIRef):
                self.superclasses[nt(sub)].add(nt(sup))
        self._compiled: dict = {}
        self.node_shapes = [self.compile(s) for s in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str)
                            if any(shapes.objects(s, p) for p in (SH.targetClass, SH.targetObjectsOf, SH.targetSubjectsOf))]
        # the predicates whose pairs Data keeps for targeting: rdf:type, and those targeted by
        self.target_predicates = frozenset({TYPE}.union(*(s.targets_objects_of + s.targets_subjects_of
                                                           for s in self.node_shapes)))

    @cache  # noqa: B019 - one Shapes per shapes file, kept for the process
    def closure(self, cls: str) -> frozenset[str]:
        """CLS and its superclasses."""
        return superclass_closure(self.superclasses, (cls,))

    def compile(self, node) -> Shape:
        if node in self._compiled:
            return self._compiled[node]
        g = self.g
        shape = Shape(str(node))
        self._compiled[node] = shape
        is_property = (node, SH.path, None) in g
        allowed = _PROPERTY_KEYS if is_property else _NODE_KEYS
        for p, o in sorted(g.predicate_objects(node), key=lambda po: (str(po[0]), str(po[1]))):
            if p in _SKIP or p == SH.path and is_property:
                if p == SH.message and (not shape.message or getattr(o, "language", None) == "en"):
                    shape.message = str(o)
                continue
            if p not in allowed:
                raise OntologyError(f"shapes use {p}, which Sanad's SHACL engine does not implement (shape {node})")
            name = str(p).rsplit("#", 1)[-1]
            if p == SH.targetClass:
                shape.targets_class += (nt(o),)
            elif p == SH.targetObjectsOf:
                shape.targets_objects_of += (nt(o),)
            elif p == SH.targetSubjectsOf:
                shape.targets_subjects_of += (nt(o),)
            elif p == SH.property:
                shape.properties.append(self.compile(o))
            elif p in (SH["or"],):
                shape.constraints.append(("or", tuple(self.compile(m) for m in Collection(g, o))))
            elif p == SH.node:
                shape.constraints.append(("node", self.compile(o)))
            elif p == SH["in"]:
                shape.constraints.append(("in", frozenset(nt(m) for m in Collection(g, o))))
            elif p == SH.pattern:
                flags = "".join(str(f) for f in g.objects(node, SH.flags))
                shape.constraints.append(("pattern", re.compile(str(o), re.IGNORECASE if "i" in flags else 0)))
            elif p == SH.flags:
                continue
            elif p in (SH.minCount, SH.maxCount, SH.minLength):
                shape.constraints.append((name, int(o)))
            elif p in (SH.minInclusive, SH.maxInclusive):
                shape.constraints.append((name, Decimal(str(o))))
            elif p == SH.nodeKind:
                shape.constraints.append(("nodeKind", str(o).rsplit("#", 1)[-1]))
            else:  # class, datatype, lessThan
                shape.constraints.append((name, nt(o)))
        if is_property:
            path = g.value(node, SH.path)
            if isinstance(path, URIRef):
                shape.path = (nt(path),)
            elif isinstance(path, BNode) and (alt := g.value(path, SH.alternativePath)) is not None:
                shape.path = tuple(nt(m) for m in Collection(g, alt))
            else:
                raise OntologyError(f"shapes use a property path Sanad's SHACL engine does not implement (shape {node})")
        return shape


class Data:
    """Triples indexed by subject and predicate, the types of each node (with superclasses), and
    the pairs of the predicates shapes target by."""

    def __init__(self, triples: Iterable[Triple], shapes: Shapes) -> None:
        out: dict[str, dict[str, set[str]]] = {}
        by_predicate: dict[str, list[tuple[str, str]]] = {p: [] for p in shapes.target_predicates}
        for s, p, o in triples:
            preds = out.get(s)
            if preds is None:
                out[s] = {p: {o}}
            elif p in preds:
                preds[p].add(o)
            else:
                preds[p] = {o}
            if p in by_predicate:
                by_predicate[p].append((s, o))
        self.out, self.by_predicate, self.shapes = out, by_predicate, shapes
        self._types: dict[str, frozenset[str]] = {}
        self._by_class: dict[str, set[str]] | None = None

    def types(self, node: str) -> frozenset[str]:
        found = self._types.get(node)
        if found is None:
            found = frozenset().union(*(self.shapes.closure(c) for c in self.out.get(node, {}).get(TYPE, ())))
            self._types[node] = found
        return found

    def of_class(self, cls: str) -> set[str]:
        """The nodes typed CLS or one of its subclasses."""
        if self._by_class is None:
            self._by_class = defaultdict(set)
            for s, o in self.by_predicate[TYPE]:
                for c in self.shapes.closure(o):
                    self._by_class[c].add(s)
        return self._by_class.get(cls, set())

    def values(self, node: str, path: tuple[str, ...]) -> set[str]:
        preds = self.out.get(node)
        if not preds:
            return set()
        if len(path) == 1:
            return preds.get(path[0], set())
        return set().union(*(preds.get(p, ()) for p in path))


def check(triples: Iterable[Triple], shapes: Shapes, *, only_merge: bool = False, foci: set[str] | None = None) -> list[Result]:
    """The violations of SHAPES in the triples, sorted. ONLY_MERGE: just the merge-sensitive
    components, on the focus nodes in FOCI."""
    data = Data(triples, shapes)
    results: set[Result] = set()
    for shape in shapes.node_shapes:
        targets = _targets(shape, data)
        for focus in targets if foci is None else targets & foci:
            results.update(_check_node(shape, focus, data, only_merge))
    return sorted(results, key=lambda r: (r.focus, r.path, r.component, r.value, r.message))


def focus_nodes(triples: Iterable[Triple], shapes: Shapes) -> set[str]:
    data = Data(triples, shapes)
    return {f for shape in shapes.node_shapes for f in _targets(shape, data)}


def _targets(shape: Shape, data: Data) -> set[str]:
    found: set[str] = set()
    for c in shape.targets_class:
        found |= data.of_class(c)
    for p in shape.targets_objects_of:
        found.update(o for _, o in data.by_predicate[p])
    for p in shape.targets_subjects_of:
        found.update(s for s, _ in data.by_predicate[p])
    return found


def _check_node(shape: Shape, focus: str, data: Data, only_merge: bool) -> list[Result]:
    out = []
    if not only_merge:
        for component, param in shape.constraints:
            if not _value_ok(component, param, focus, data):
                out.append(Result(focus, "", component, focus, shape.message))
    for prop in shape.properties:
        values = data.values(focus, prop.path)
        for component, param in prop.constraints:
            if component == "minCount":
                if not only_merge and len(values) < param:
                    out.append(Result(focus, prop.path_text, component, "", prop.message))
            elif component == "maxCount":
                if len(values) > param:
                    out.append(Result(focus, prop.path_text, component, "", prop.message))
            elif component == "lessThan":
                others = data.values(focus, (param,))
                for v in values:
                    for w in others:
                        if not _less(v, w):
                            out.append(Result(focus, prop.path_text, component, v, prop.message))
            elif not only_merge:
                for v in values:
                    if not _value_ok(component, param, v, data):
                        out.append(Result(focus, prop.path_text, component, v, prop.message))
    return out


def _conforms(shape: Shape, node: str, data: Data) -> bool:
    if not shape.properties:  # the common case (sh:class alternatives): stop at the first failure
        return all(_value_ok(component, param, node, data) for component, param in shape.constraints)
    return not _check_node(shape, node, data, False)


def _value_ok(component: str, param, value: str, data: Data) -> bool:
    if component == "class":
        return value[0] != '"' and param in data.types(value)
    if component == "datatype":
        return _datatype_ok(value, param)
    if component == "nodeKind":
        is_literal, is_blank = value[0] == '"', value.startswith("_:")
        return {"IRI": not is_literal and not is_blank, "Literal": is_literal, "BlankNode": is_blank,
                "IRIOrLiteral": not is_blank, "BlankNodeOrIRI": not is_literal,
                "BlankNodeOrLiteral": is_literal or is_blank}[param]
    if component == "in":
        return value in param
    if component == "pattern":
        return not value.startswith("_:") and param.search(lexical(value)) is not None
    if component == "minLength":
        return not value.startswith("_:") and len(lexical(value)) >= param
    if component in ("minInclusive", "maxInclusive"):
        number = _number(value)
        return number is not None and (number >= param if component == "minInclusive" else number <= param)
    if component == "node":
        return _conforms(param, value, data)
    if component == "or":
        return any(_conforms(member, value, data) for member in param)
    raise OntologyError(f"Sanad's SHACL engine does not implement sh:{component}")


# -- literals -------------------------------------------------------------------------------------

_UNESCAPE = re.compile(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)')
_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


@lru_cache(maxsize=1 << 16)
def split_literal(term: str) -> tuple[str, str, str | None]:
    """(lexical form, datatype IRI, language) of an N-Triples literal."""
    end = term.rindex('"')
    text = _UNESCAPE.sub(lambda m: _ECHAR.get(m.group(1)) or chr(int(m.group(1)[1:], 16)), term[1:end])
    rest = term[end + 1:]
    if rest.startswith("@"):
        return text, LANG_STRING, rest[1:]
    if rest.startswith("^^<"):
        return text, rest[3:-1], None
    return text, STRING, None


def lexical(term: str) -> str:
    return split_literal(term)[0] if term[0] == '"' else term[1:-1]


_LEXICAL = {
    str(XSD.integer): re.compile(r"^[+-]?[0-9]+$"),
    str(XSD.nonNegativeInteger): re.compile(r"^(\+?[0-9]+|-0+)$"),
    str(XSD.decimal): re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$"),
    str(XSD.boolean): re.compile(r"^(true|false|1|0)$"),
    str(XSD.date): re.compile(r"^-?[0-9]{4,}-[0-9]{2}-[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?$"),
    str(XSD.dateTime): re.compile(
        r"^-?[0-9]{4,}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$"),
}


def _datatype_ok(value: str, datatype: str) -> bool:
    if value[0] != '"':
        return False
    text, dt, _ = split_literal(value)
    if f"<{dt}>" != datatype:
        return False
    pattern = _LEXICAL.get(dt)
    return pattern is None or pattern.match(text) is not None


_NUMBERS = frozenset({str(XSD.integer), str(XSD.nonNegativeInteger), str(XSD.decimal)})  # (looked up once)


def _number(value: str) -> Decimal | None:
    if value[0] != '"':
        return None
    text, dt, _ = split_literal(value)
    if dt not in _NUMBERS or not _datatype_ok(value, f"<{dt}>"):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _less(a: str, b: str) -> bool:
    x, y = _number(a), _number(b)
    if x is not None and y is not None:
        return x < y
    if a[0] == '"' and b[0] == '"':
        (ta, da, la), (tb, db, lb) = split_literal(a), split_literal(b)
        if da == db == STRING or (da == db == LANG_STRING and la == lb):
            return ta < tb
    return False

