"""Generate ``kg/vocab.py`` from the Sanad ontology.

Usage::

    python -m kg.tools.vocab [ontology/sanad.ttl] > kg/vocab.py

Prints a Python module with one ``rdflib.namespace.DefinedNamespace`` subclass, ``SANAD``,
that lists every class and property the ontology declares in the ``sanad:`` namespace,
sorted by local name, each with a comment giving its English label, domain and range.
The output depends only on the ontology file, so regenerating it is byte-stable.
"""

from __future__ import annotations

import keyword
import sys
from collections.abc import Iterable
from pathlib import Path

from rdflib import OWL, RDF, RDFS, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DefinedNamespace
from rdflib.term import Node

SANAD_NS = "https://w3id.org/sanad/ontology#"
DEFAULT_ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology" / "sanad.ttl"
MAX_LINE = 110

# Kinds of term, in the order they are described in comments.
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)

# Prefixes used to shorten IRIs in comments. sanad: terms are shown by local name alone.
SHORT_PREFIXES = {
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
    "http://www.w3.org/2001/XMLSchema#": "xsd:",
    "http://www.w3.org/2002/07/owl#": "owl:",
    "http://schema.org/": "schema:",
    "http://www.w3.org/ns/org#": "org:",
    "http://www.w3.org/ns/prov#": "prov:",
    "http://www.w3.org/ns/oa#": "oa:",
    "http://xmlns.com/foaf/0.1/": "foaf:",
    "http://purl.org/dc/terms/": "dcterms:",
    SANAD_NS: "",
}

# Names a class attribute cannot use; such terms go to ``_extras`` instead.
_RESERVED = set(dir(DefinedNamespace)) | {"_NS", "_fail", "_warn", "_extras", "_underscore_num"}


def shorten(node: Node, graph: Graph) -> str:
    """Render an IRI, union, intersection or datatype restriction compactly for a comment."""
    if isinstance(node, URIRef):
        text = str(node)
        for base, prefix in SHORT_PREFIXES.items():
            if text.startswith(base):
                return prefix + text[len(base) :]
        return f"<{text}>"
    if isinstance(node, BNode):
        union = graph.value(node, OWL.unionOf)
        if union is not None:
            return "|".join(shorten(m, graph) for m in Collection(graph, union))
        inter = graph.value(node, OWL.intersectionOf)
        if inter is not None:
            return "&".join(shorten(m, graph) for m in Collection(graph, inter))
        base = graph.value(node, OWL.onDatatype)
        if base is not None:
            bounds = {}
            facets = graph.value(node, OWL.withRestrictions)
            for facet in Collection(graph, facets) if facets is not None else ():
                for p, o in graph.predicate_objects(facet):
                    bounds[str(p).removeprefix(str(XSD))] = str(o)
            low, high = bounds.get("minInclusive", ""), bounds.get("maxInclusive", "")
            return f"{shorten(base, graph)}[{low}..{high}]"
    return "?"


def english_label(graph: Graph, term: URIRef) -> str:
    labels = sorted(
        str(o) for o in graph.objects(term, RDFS.label) if isinstance(o, Literal) and o.language == "en"
    )
    return labels[0] if labels else term.removeprefix(SANAD_NS)


def describe(graph: Graph, term: URIRef) -> str:
    """The comment for one term: ``label: domain -> range``, or ``label: class < parents`` for a class."""
    label = english_label(graph, term)
    types = set(graph.objects(term, RDF.type))
    if OWL.Class in types:
        # sanad: parents (bare local names) first, then the external alignments.
        parents = sorted(
            (shorten(p, graph) for p in graph.objects(term, RDFS.subClassOf)),
            key=lambda p: (":" in p or p.startswith("<"), p),
        )
        return f"{label}: class" + (f" < {', '.join(parents)}" if parents else "")
    domains = sorted(shorten(d, graph) for d in graph.objects(term, RDFS.domain)) or ["*"]
    ranges = sorted(shorten(r, graph) for r in graph.objects(term, RDFS.range)) or ["*"]
    return f"{label}: {'&'.join(domains)} -> {'&'.join(ranges)}"


def sanad_terms(graph: Graph) -> list[URIRef]:
    """Every class or property declared in the sanad: namespace, sorted by local name."""
    found = {
        s
        for t in TERM_TYPES
        for s in graph.subjects(RDF.type, t)
        if isinstance(s, URIRef) and s.startswith(SANAD_NS) and len(s) > len(SANAD_NS)
    }
    return sorted(found, key=lambda s: s.removeprefix(SANAD_NS))


def is_attribute_name(name: str) -> bool:
    return name.isidentifier() and not keyword.iskeyword(name) and name not in _RESERVED


def fit(line: str, limit: int = MAX_LINE) -> str:
    """Shorten a line to ``limit`` characters by cutting its trailing comment."""
    return line if len(line) <= limit else line[: limit - 3].rstrip() + "..."


def render(graph: Graph, source: str) -> Iterable[str]:
    ontology = next(iter(sorted(graph.subjects(RDF.type, OWL.Ontology))), None)
    version = graph.value(ontology, OWL.versionInfo) if ontology is not None else None
    terms = sanad_terms(graph)
    names = [t.removeprefix(SANAD_NS) for t in terms]
    extras = [n for n in names if not is_attribute_name(n)]

    yield '"""The Sanad vocabulary as an rdflib DefinedNamespace.'
    yield ""
    yield f"GENERATED from {source} (ontology version {version}); do not edit by hand."
    yield "Regenerate with:"
    yield ""
    yield f"    python -m kg.tools.vocab {source} > kg/vocab.py"
    yield '"""'
    yield ""
    yield "from rdflib import URIRef"
    yield "from rdflib.namespace import DefinedNamespace, Namespace"
    yield ""
    yield ""
    yield "class SANAD(DefinedNamespace):"
    yield '    """Terms of https://w3id.org/sanad/ontology; an unknown name raises AttributeError."""'
    yield ""
    yield f'    _NS = Namespace("{SANAD_NS}")'
    yield "    _fail = True"
    if extras:
        yield f"    _extras = {extras!r}"
    yield ""
    for term, name in zip(terms, names, strict=True):
        if name in extras:
            continue
        yield fit(f"    {name}: URIRef  # {describe(graph, term)}")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) > 1 or (args and args[0] in {"-h", "--help"}):
        print("usage: python -m kg.tools.vocab [ontology/sanad.ttl] > kg/vocab.py", file=sys.stderr)
        return 0 if args and args[0] in {"-h", "--help"} else 2
    path = Path(args[0]) if args else DEFAULT_ONTOLOGY
    try:
        graph = Graph().parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        print(f"Error: cannot read ontology {path}: {exc}", file=sys.stderr)
        return 2
    source = f"ontology/{path.name}"  # fixed form, so the output does not depend on the cwd
    if not sanad_terms(graph):
        print(f"Error: {path} declares no terms in {Namespace(SANAD_NS)}", file=sys.stderr)
        return 2
    sys.stdout.write("\n".join(render(graph, source)) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
