"""Stage 5: each article's graph as text, and the corpus files assembled from those parts.

An article renders on its own (in a worker process, or on another machine): its TriG block, the
Turtle statements of the nodes only it describes (its evidence, assertions, hardware mentions and
the article itself), and the triples of the nodes other articles may describe too (entities,
positions, quotes, deals, amounts). Assembling sorts the blocks and merges only those shared
triples, so a corpus of thousands of articles is written without building one big graph, and the
bytes are exactly those `kg.export.serialize` writes for the same Dataset.
"""
from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass, field
from operator import itemgetter
from typing import BinaryIO

from kg.defaults import INSTANCE_BASE
from kg.errors import KGError
from kg.export import by_subject, statement, utf8, write_trig, write_turtle_statements
from kg.model import Extraction
from kg.rdf import A, article_rdf, graph_name
from kg.validate import article_problems

Triple = tuple[str, str, str]


@dataclass
class Rendered:
    key: str  # the article's key
    graph: str  # its graph's IRI, as N-Triples writes it
    block: bytes  # its graph in TriG, UTF-8 (as it is written: at 10,000 articles encoding 330 MB of blocks
    # at every build took about 1 s, and a rebuild renders one article)
    own: list[tuple[str, int, int]]  # (subject, start, end in BLOCK's bytes) of the nodes only this article describes
    shared: list[Triple]  # the triples about nodes other articles may describe too
    types: Counter = field(default_factory=Counter)  # rdf:type objects of its own nodes
    violations: list[str] = field(default_factory=list)  # SHACL results of the article's graph alone
    inconsistencies: list[str] = field(default_factory=list)  # OWL problems of the article's graph alone
    links: list[Triple] = field(default_factory=list)  # triples from its own nodes to shared ones

    def own_statements(self) -> list[tuple[str, bytes]]:
        """(subject, Turtle statement in UTF-8) of the nodes only this article describes: their text
        in the block, indented there by four spaces a line. (Kept as places in the block, not a second
        copy: the copy was two fifths of what a rendered graph weighs in the pipes, the cache and memory.)"""
        return [(s, self.block[a + 4:b].replace(b"\n    ", b"\n")) for s, a, b in self.own]


def render(ex: Extraction, base: str = INSTANCE_BASE) -> Rendered:
    triples, owned = article_rdf(ex, base)
    grouped = by_subject(triples)
    statements = [(s, statement(s, grouped[s])) for s in sorted(grouped)]
    graph = graph_name(ex, base)
    head = utf8(f"\n{graph} {{\n")
    pieces, own, at = [], [], len(head)
    for s, text in statements:
        piece = utf8("    " + text.replace("\n", "\n    "))
        if s in owned:
            own.append((s, at, at + len(piece)))
        pieces.append(piece)
        at += len(piece) + 2
    block = head + b"\n\n".join(pieces) + b"\n}"
    types = Counter(o for s, p, o in triples if p == A and s in owned)
    shared = sorted(t for t in triples if t[0] not in owned)
    links = sorted(t for t in triples if t[0] in owned and t[2][0] != '"' and t[2] not in owned)
    violations, inconsistencies = article_problems(triples, owned)
    return Rendered(ex.article.key, graph, block, own, shared, types, violations, inconsistencies, links)


def assemble(parts: list[Rendered]) -> tuple[bytes, bytes, Counter]:
    """graph.trig, graph.ttl (the RDF merge of all graphs) and the count of each class in the merge."""
    trig, ttl = io.BytesIO(), io.BytesIO()
    types = write_assembled(parts, trig, ttl)
    return trig.getvalue(), ttl.getvalue(), types


def shared_triples(parts: list[Rendered]) -> set[Triple]:
    """The triples about nodes several articles may describe, each once: what assembling merges and
    what the merge checks read (kg.validate.validate_parts)."""
    return {t for r in parts for t in r.shared}


def shared_statements(shared: set[Triple], known: dict[str, bytes] | None = None) -> dict[str, bytes]:
    """The Turtle statement of each subject of SHARED (shared_triples), in UTF-8 as the blocks and the
    own statements. KNOWN: statements already made of some of its subjects, from exactly the triples
    SHARED holds about them (a rebuild's, for the subjects no changed article touches): kept as they
    are, the rest made. At 10,000 articles making them all takes about 3.4 s (71,000 subjects,
    800,000 triples)."""
    known = known or {}
    made = {s: utf8(statement(s, preds)) for s, preds in by_subject(t for t in shared if t[0] not in known).items()}
    return {**known, **made}


def write_assembled(parts: list[Rendered], trig: BinaryIO, ttl: BinaryIO, shared: set[Triple] | None = None,
                    statements: dict[str, bytes] | None = None, written: list[bytes] | None = None) -> Counter:
    """assemble, written to the files TRIG and TTL as it goes (a corpus's documents are never
    whole in memory); the count of each class in the merge. SHARED: shared_triples(parts), when
    the caller has it already; STATEMENTS: shared_statements(SHARED), likewise. WRITTEN, when given,
    receives TTL's statements in order, as kg.export.turtle_statements would cut them from the file
    (the page reads them there: reading and cutting 280 MB back took about 1 s at 10,000 articles)."""
    parts = sorted(parts, key=lambda r: r.graph)
    write_trig(trig, (r.block for r in parts))
    shared = shared_triples(parts) if shared is None else shared
    statements = list((shared_statements(shared) if statements is None else statements).items())
    types: Counter = Counter()
    for r in parts:
        statements += r.own_statements()
        types.update(r.types)
    types.update(o for _, p, o in shared if p == A)
    statements.sort(key=itemgetter(0))  # (on the subject alone: the statements are never compared)
    for (a, _), (b, _) in zip(statements, statements[1:]):
        if a == b:
            raise KGError(f"two articles both claim the node {a} as their own")  # iris.py mints them from the article key
    texts = [text for _, text in statements]
    del statements
    write_turtle_statements(ttl, texts)
    if written is not None:
        written += texts
    return types
