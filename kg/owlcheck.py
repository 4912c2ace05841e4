"""OWL 2 consistency of data against ontology/sanad.ttl, for the kinds of axiom that ontology
has, over triples of N-Triples terms: fast enough for graphs of millions of triples.

With Sanad's ontology, data can be inconsistent in three ways only: a node gets two disjoint
classes (asserted, or implied by rdfs:subClassOf, rdfs:domain and rdfs:range, through
sub-properties and inverses, including unions of classes); a functional data property has two
different values; a literal is outside the value space of its property's range (ill-typed,
another datatype, or outside a facet such as confidence in [0, 1]). This module checks exactly
these, and refuses an ontology with any other kind of axiom that could make data inconsistent,
so it cannot silently fall behind the ontology. HermiT (kg/validate.py) stays the reference;
tests/test_validate_fast.py holds the two to the same answers.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from rdflib import OWL, RDF, RDFS, XSD, BNode, Graph, URIRef
from rdflib.collection import Collection

from kg.errors import OntologyError
from kg.export import nt_term
from kg.shacl import LANG_STRING, STRING, split_literal, superclass_closure

Triple = tuple[str, str, str]
TYPE = f"<{RDF.type}>"
IGNORED = {f"<{RDF.subject}>", f"<{RDF.predicate}>", f"<{RDF.object}>"}  # reification is provenance, as in validate.py
_NUMERIC = {str(XSD.decimal): (False, None), str(XSD.integer): (True, None), str(XSD.nonNegativeInteger): (True, 0)}
_LITERAL = str(RDFS.Literal)  # (looked up once: a namespace attribute is a Python call, and this runs per value)
# Axioms that cannot make data inconsistent by themselves, or that this module implements
_KNOWN = {RDF.type, RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range, OWL.inverseOf, OWL.members,
          OWL.unionOf, OWL.onDatatype, OWL.withRestrictions, RDFS.label, RDFS.comment, RDFS.isDefinedBy, RDFS.seeAlso,
          OWL.versionIRI, OWL.versionInfo, RDF.first, RDF.rest, XSD.minInclusive, XSD.maxInclusive}
_KNOWN_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.FunctionalProperty,
                OWL.Ontology, OWL.AllDisjointClasses, RDFS.Datatype}


@dataclass
class Range:
    datatype: str  # an XSD IRI
    minimum: Decimal | None = None
    maximum: Decimal | None = None


@dataclass
class Ontology:
    superclasses: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    disjoint: list[frozenset[str]] = field(default_factory=list)  # each: classes pairwise disjoint
    domains: dict[str, list[frozenset[str]]] = field(default_factory=lambda: defaultdict(list))  # a union each
    ranges: dict[str, list[frozenset[str]]] = field(default_factory=lambda: defaultdict(list))
    data_ranges: dict[str, list[Range]] = field(default_factory=lambda: defaultdict(list))
    superproperties: dict[str, set[tuple[str, bool]]] = field(default_factory=lambda: defaultdict(set))  # (q, inverse)
    functional: set[str] = field(default_factory=set)
    _plans: dict = field(default_factory=dict, repr=False)
    _closures: dict = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, g: Graph) -> Ontology:
        onto = cls()
        for s, p, o in g:
            if p == RDF.type and o not in _KNOWN_TYPES:
                raise OntologyError(f"the ontology declares {s} a {o}, which Sanad's consistency check does not handle")
            if p not in _KNOWN and str(p).startswith((str(OWL), str(RDFS), str(RDF))):  # other predicates annotate
                raise OntologyError(f"the ontology uses {p}, which Sanad's consistency check does not handle")
        for sub, sup in g.subject_objects(RDFS.subClassOf):
            if not isinstance(sup, URIRef):
                raise OntologyError(f"{sub} rdfs:subClassOf a class expression: not handled by Sanad's consistency check")
            onto.superclasses[nt_term(sub)].add(nt_term(sup))
        for node in g.subjects(RDF.type, OWL.AllDisjointClasses):
            onto.disjoint.append(frozenset(nt_term(m) for m in Collection(g, g.value(node, OWL.members))))
        for prop, dom in g.subject_objects(RDFS.domain):
            onto.domains[nt_term(prop)].append(_classes(g, dom))
        for prop, rng in g.subject_objects(RDFS.range):
            if (prop, RDF.type, OWL.DatatypeProperty) in g:
                onto.data_ranges[nt_term(prop)].append(_datatype(g, rng))
            else:
                onto.ranges[nt_term(prop)].append(_classes(g, rng))
        for sub, sup in g.subject_objects(RDFS.subPropertyOf):
            if isinstance(sup, URIRef):
                onto.superproperties[nt_term(sub)].add((nt_term(sup), False))
            elif (inv := g.value(sup, OWL.inverseOf)) is not None:
                onto.superproperties[nt_term(sub)].add((nt_term(inv), True))
            else:
                raise OntologyError(f"{sub} rdfs:subPropertyOf a property expression Sanad's consistency check does not handle")
        for a, b in g.subject_objects(OWL.inverseOf):
            if isinstance(a, URIRef) and isinstance(b, URIRef):
                onto.superproperties[nt_term(a)].add((nt_term(b), True))
                onto.superproperties[nt_term(b)].add((nt_term(a), True))
        for prop in g.subjects(RDF.type, OWL.FunctionalProperty):
            if (prop, RDF.type, OWL.DatatypeProperty) not in g:
                raise OntologyError(f"{prop} is a functional object property: not handled by Sanad's consistency check")
            onto.functional.add(nt_term(prop))
        return onto

    def plan(self, p: str):
        """What a triple with predicate P implies: (classes of its subject, classes of its object
        (each a union), data ranges of its literal, functional properties it counts for); None
        when nothing (reification bookkeeping, annotations)."""
        try:
            return self._plans[p]
        except KeyError:
            pass
        on_subject, on_object, data_ranges, functional = set(), set(), [], set()
        if p not in IGNORED:
            for q, inverted in self.properties(p):
                (on_object if inverted else on_subject).update(self.domains.get(q, ()))
                (on_subject if inverted else on_object).update(self.ranges.get(q, ()))
                if not inverted:
                    data_ranges += self.data_ranges.get(q, [])
                    if q in self.functional:
                        functional.add(q)
        plan = (tuple(on_subject), tuple(on_object), tuple(data_ranges), tuple(functional))
        self._plans[p] = plan if any(plan) else None
        return self._plans[p]

    def closure(self, classes: Iterable[str]) -> frozenset[str]:
        classes = frozenset(classes)
        found = self._closures.get(classes)
        if found is None:
            found = self._closures[classes] = superclass_closure(self.superclasses, classes)
        return found

    def properties(self, p: str) -> set[tuple[str, bool]]:
        """P and its super-properties, each with whether it is read backwards (an inverse)."""
        seen = {(p, False)}
        todo = [(p, False)]
        while todo:
            q, inverted = todo.pop()
            for sup, inv in self.superproperties.get(q, ()):
                item = (sup, inverted != inv)
                if item not in seen:
                    seen.add(item)
                    todo.append(item)
        return seen


def _classes(g: Graph, node) -> frozenset[str]:
    if isinstance(node, URIRef):
        return frozenset({nt_term(node)})
    members = g.value(node, OWL.unionOf)
    if members is None:
        raise OntologyError("a domain or range that is neither a class nor a union of classes")
    return frozenset(nt_term(m) for m in Collection(g, members))


def _datatype(g: Graph, node) -> Range:
    if isinstance(node, URIRef):
        return Range(str(node))
    if isinstance(node, BNode) and (base := g.value(node, OWL.onDatatype)) is not None:
        r = Range(str(base))
        for facet in Collection(g, g.value(node, OWL.withRestrictions)):
            for p, o in g.predicate_objects(facet):
                if p == XSD.minInclusive:
                    r.minimum = Decimal(str(o))
                elif p == XSD.maxInclusive:
                    r.maximum = Decimal(str(o))
                else:
                    raise OntologyError(f"a datatype facet {p} Sanad's consistency check does not handle")
        return r
    raise OntologyError("a data range Sanad's consistency check does not handle")


def problems(triples: Iterable[Triple], onto: Ontology) -> list[str]:
    """Why the triples are inconsistent with the ontology (empty: consistent), sorted."""
    types: dict[str, set[str]] = defaultdict(set)
    unions: dict[str, set[frozenset[str]]] = defaultdict(set)
    values: dict[tuple[str, str], set] = defaultdict(set)
    found: set[str] = set()
    for s, p, o in triples:
        if p == TYPE:
            types[s].add(o)
            continue
        plan = onto.plan(p)
        if plan is None:
            continue
        on_subject, on_object, data_ranges, functional = plan
        for classes in on_subject:
            (types[s].update if len(classes) == 1 else unions[s].add)(classes)
        if o[0] == '"':
            for r in data_ranges:
                if not _in_range(o, r):
                    found.add(f"{s} {p} {o}: not a value of the range {r.datatype}")
            for q in functional:
                values[(s, q)].add(_value(o))
        else:
            for classes in on_object:
                (types[o].update if len(classes) == 1 else unions[o].add)(classes)
    for (s, q), vals in values.items():
        if len(vals) > 1:
            found.add(f"{s} has {len(vals)} values of the functional property {q}")
    clashing: dict[frozenset[str], bool] = {}  # the classes of a node with no union -> do they clash (most nodes)
    for node in set(types) | set(unions):
        closed = onto.closure(types.get(node, ()))
        if node in unions:
            ok = _satisfiable(onto, closed, unions[node])
        else:
            ok = clashing.get(closed)
            if ok is None:
                ok = clashing[closed] = _satisfiable(onto, closed, ())
        if not ok:
            found.add(f"{node} would belong to disjoint classes: {', '.join(sorted(closed))}")
    return sorted(found)


def _satisfiable(onto: Ontology, classes: frozenset[str], unions: Iterable[frozenset[str]]) -> bool:
    """Is there a choice of one class from each union that keeps every disjointness axiom?"""
    def clash(cs: frozenset[str]) -> bool:
        return any(len(cs & group) > 1 for group in onto.disjoint)

    if clash(classes):
        return False
    choices = [frozenset()]
    for union in unions:
        choices = [c | onto.closure([m]) for c in choices for m in sorted(union) if not clash(classes | c | onto.closure([m]))]
        if not choices:
            return False
        choices = list(dict.fromkeys(choices))[:64]  # bounded: unions here are small
    return True


def _value(term: str):
    text, dt, lang = split_literal(term)
    if dt in _NUMERIC:
        try:
            return ("number", Decimal(text))
        except InvalidOperation:
            return ("bad", term)
    return (dt, text, lang)


def _in_range(term: str, r: Range) -> bool:
    if r.datatype == _LITERAL:
        return True
    if r.datatype in (STRING, LANG_STRING) and term[-1] != ">":  # a plain or language-tagged string
        return True
    text, dt, _ = split_literal(term)
    if r.datatype in _NUMERIC:
        if dt not in _NUMERIC:
            return False
        try:
            number = Decimal(text)
        except InvalidOperation:
            return False
        integral, minimum = _NUMERIC[r.datatype]
        own_integral, own_minimum = _NUMERIC[dt]
        if own_integral and "." in text or own_minimum is not None and number < own_minimum:
            return False  # ill-typed in its own datatype
        if integral and number != number.to_integral_value() or minimum is not None and number < minimum:
            return False
        return (r.minimum is None or number >= r.minimum) and (r.maximum is None or number <= r.maximum)
    if r.datatype in (STRING, LANG_STRING):  # HermiT, as owlready2 gives it the data, takes either for either
        return dt in (STRING, LANG_STRING)
    if r.datatype == str(XSD.boolean):
        return dt == r.datatype and text in ("true", "false", "1", "0")
    if r.datatype == str(XSD.anyURI):
        return dt == r.datatype
    raise OntologyError(f"a data range {r.datatype} Sanad's consistency check does not handle")
