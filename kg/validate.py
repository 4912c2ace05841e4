"""SHACL validation (pySHACL, shapes in ontology/shapes.ttl) and an OWL 2 consistency check
with the HermiT reasoner (owlready2, on Java)."""
from __future__ import annotations

import io
import logging
import time
from dataclasses import dataclass
from functools import lru_cache

from rdflib import RDF, Graph, Literal
from rdflib.namespace import SH

from kg.defaults import CHECK_ONTOLOGY, ONTOLOGY_FILE, SHAPES_FILE
from kg.errors import KGError, OntologyError

REIFICATION = (RDF.subject, RDF.predicate, RDF.object)


@dataclass(frozen=True)
class Report:
    conforms: bool
    consistent: bool
    violations: int
    text: str  # readable summary
    seconds: float

    @property
    def ok(self) -> bool:
        return self.conforms and self.consistent


@lru_cache(maxsize=1)
def ontology() -> Graph:
    return _parse(ONTOLOGY_FILE)


@lru_cache(maxsize=1)
def shapes() -> Graph:
    return _parse(SHAPES_FILE)


def _parse(path) -> Graph:
    try:
        return Graph().parse(path, format="turtle")
    except Exception as exc:  # noqa: BLE001 - any parser failure means the file is broken
        raise OntologyError(f"cannot parse: {exc}", path) from None


@lru_cache(maxsize=1)
def fast_shapes():
    from kg import shacl

    return shacl.Shapes(shapes(), ontology())


@lru_cache(maxsize=1)
def fast_ontology():
    from kg import owlcheck

    return owlcheck.Ontology.load(ontology())


def article_problems(triples, owned: set[str]) -> tuple[list[str], list[str]]:
    """What one article's graph violates on its own: SHACL results and OWL inconsistencies
    (Sanad's engines, kg/shacl.py and kg/owlcheck.py). Run in the build's workers."""
    from kg import owlcheck, shacl

    return [str(r) for r in shacl.check(triples, fast_shapes())], owlcheck.problems(triples, fast_ontology())


def validate_parts(parts, shared: set | None = None, nodes: set[str] | None = None) -> Report:
    """Validate the merge of many article graphs without building it: each article's own problems
    (found in the workers, see article_problems), then what only the merge can break, on the
    nodes several articles describe: SHACL's sh:maxCount and sh:lessThan (every other constraint
    in shapes.ttl only gains values or types in a merge, so it holds in the merge when it holds in
    each graph) and OWL consistency over those nodes with every triple that touches them. SHARED:
    the parts' shared triples (kg.render.shared_triples), when the caller has them already.

    NODES, on a rebuild: the nodes the articles that changed since a merge that passed these checks
    touch (in their old graphs or their new ones). Both checks judge a node by the triples that touch
    it, and those of every other node are as they were, so only NODES and their triples are checked
    again (kg.__init__._changed_nodes)."""
    from kg import owlcheck, shacl

    started = time.perf_counter()
    if shared is None:
        shared = {t for r in parts for t in r.shared}
    links = (t for r in parts for t in r.links)
    if nodes is not None:
        shared = {t for t in shared if t[0] in nodes or t[2] in nodes}
        links = (t for t in links if t[0] in nodes or t[2] in nodes)
    foci = {t[0] for t in shared}
    if nodes is not None:
        foci &= nodes  # (a triple's other end can be a node no change touched)
    violations = [v for r in parts for v in r.violations]
    violations += [str(r) for r in shacl.check(shared, fast_shapes(), only_merge=True, foci=foci)]
    problems = [v for r in parts for v in r.inconsistencies]
    problems += owlcheck.problems(shared | set(links), fast_ontology())
    violations, problems = sorted(set(violations)), sorted(set(problems))
    merged = "merged nodes" if nodes is None else f"the {len(foci):,} merged nodes the changed articles touch"
    lines = [f"SHACL (Sanad's SHACL Core engine, per article and {merged}): "
             f"{'conforms' if not violations else f'{len(violations)} violation(s)'}",
             f"OWL 2 (Sanad's consistency check for sanad.ttl's axioms): {'consistent' if not problems else 'INCONSISTENT'}"]
    lines += [_shorten("\n".join(violations))] if violations else []
    lines += [_shorten("\n".join(problems))] if problems else []
    return Report(not violations, not problems, len(violations), "\n".join(lines), time.perf_counter() - started)


def touched_nodes(parts) -> set[str]:
    """The nodes whose merged checks the triples of PARTS (kg.render.Rendered) can change: the subjects
    of their shared triples and links, and the objects that take a class from the predicate (not a
    class after rdf:type, nor what a reification names: neither gains a class from them)."""
    from kg.owlcheck import IGNORED, TYPE

    nodes: set[str] = set()
    for r in parts:
        for s, p, o in r.shared + r.links:
            nodes.add(s)
            if o[0] != '"' and p != TYPE and p not in IGNORED:
                nodes.add(o)
    return nodes


def validate(data: Graph) -> Report:
    started = time.perf_counter()
    conforms, violations, shacl_text = check_shapes(data)
    consistent, owl_text = check_consistency(data)
    lines = [f"SHACL: {'conforms' if conforms else f'{violations} violation(s)'}",
             f"OWL 2 (HermiT): {'consistent' if consistent else 'INCONSISTENT'}"]
    if not conforms:
        lines.append(shacl_text)
    if not consistent:
        lines.append(owl_text)
    return Report(conforms, consistent, violations, "\n".join(lines), time.perf_counter() - started)


def check_shapes(data: Graph) -> tuple[bool, int, str]:
    import pyshacl

    conforms, results, text = pyshacl.validate(
        data, shacl_graph=shapes(), ont_graph=ontology(), inference="none", advanced=True,
        allow_warnings=True)
    count = sum(1 for _ in results.subjects(RDF.type, SH.ValidationResult))
    return bool(conforms), count, _shorten(text)


def _shorten(text: str, limit: int = 60) -> str:
    lines = text.splitlines()
    return "\n".join(lines[:limit] + ([f"... ({len(lines) - limit} more lines)"] if len(lines) > limit else []))


def check_consistency(data: Graph) -> tuple[bool, str]:
    """Load ontology + data into an isolated owlready2 World and run HermiT."""
    try:
        import owlready2
    except ImportError as exc:  # pragma: no cover - a core dependency
        raise KGError(f"owlready2 is not installed: {exc}") from None
    logging.getLogger("owlready2").setLevel(logging.ERROR)
    merged = Graph()
    for t in ontology():
        merged.add(t)
    for s, p, o in data:
        if p in REIFICATION:
            continue  # reification bookkeeping is provenance, not domain semantics
        if isinstance(o, Literal) and o.datatype is None and o.language is None:
            o = Literal(str(o))
        merged.add((s, p, o))
    world = owlready2.World()
    try:
        onto = world.get_ontology(CHECK_ONTOLOGY).load(
            fileobj=io.BytesIO(merged.serialize(format="nt", encoding="utf-8")), format="ntriples")
    except owlready2.OwlReadyOntologyParsingError as exc:  # e.g. "forty"^^xsd:integer: ill-typed, so inconsistent
        world.close()
        return False, f"the data holds a literal outside its datatype ({exc.__cause__ or exc})"
    try:
        with onto:
            owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    except owlready2.OwlReadyInconsistentOntologyError as exc:
        return False, f"the reasoner found the ontology and data inconsistent: {str(exc)[:500]}"
    except FileNotFoundError:
        raise KGError("could not run the HermiT reasoner: Java 11+ is not on PATH (make build installs it)") from None
    except (OSError, owlready2.base.OwlReadyJavaError) as exc:
        detail = next((ln for ln in str(exc).splitlines() if "Exception" in ln), str(exc).splitlines()[0] if str(exc) else "")
        raise KGError(f"the HermiT reasoner failed: {detail[:400]}") from None
    finally:
        world.close()
    return True, "consistent"
