"""What a rebuild added and removed: two graph files compared quad by quad.

The readable report groups the changes by named graph (one per article). In each graph it lists
the direct facts first (triples between two entities, or attribute triples, that a
sanad:Assertion reifies), each with its evidence sentence, extractor and confidence taken from
the Assertion on the side that has it, then every other changed triple. `patch` gives the same
changes as an RDF patch: N-Quads lines prefixed with `- ` (removed) then `+ ` (added), each block
sorted, so it can be applied or reviewed line by line.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rdflib import RDF

from kg.defaults import ONTOLOGY_NS
from kg.export import nt_term, prepare, quad_key, turtle_term

SANAD = ONTOLOGY_NS


@dataclass(frozen=True)
class Diff:
    added: list[tuple]
    removed: list[tuple]
    old: list[tuple]
    new: list[tuple]

    @property
    def identical(self) -> bool:
        return not self.added and not self.removed


def diff(old_ds, new_ds) -> Diff:
    old, new = prepare(old_ds), prepare(new_ds)
    old_set, new_set = set(old), set(new)
    return Diff(sorted(new_set - old_set, key=quad_key), sorted(old_set - new_set, key=quad_key), old, new)


def patch(d: Diff) -> str:
    lines = [f"- {_nq(q)}" for q in d.removed] + [f"+ {_nq(q)}" for q in d.added]
    return "".join(line + "\n" for line in lines)


def _nq(q) -> str:
    s, p, o, g = q
    return f"{nt_term(s)} {nt_term(p)} {nt_term(o)}{'' if g is None else ' ' + nt_term(g)} ."


class _Facts:
    """The Assertions of one side, by (graph, subject, predicate, object), with their evidence."""

    def __init__(self, quads: list[tuple]) -> None:
        by_node: dict = defaultdict(lambda: defaultdict(list))
        for s, p, o, g in quads:
            by_node[(g, s)][p].append(o)
        self.by_node = by_node
        self.assertions: dict = {}
        for (g, s), props in by_node.items():
            if any(str(t) == SANAD + "Assertion" for t in props.get(RDF.type, ())):
                key = (g, _one(props, RDF.subject), _one(props, RDF.predicate), _one(props, RDF.object))
                self.assertions[key] = s

    def evidence(self, g, s, p, o) -> list[str]:
        node = self.assertions.get((g, s, p, o))
        if node is None:
            return []
        props = self.by_node[(g, node)]
        extra = [str(x) for x in sorted(props.get(_sanad("extractedBy"), []), key=str)]
        conf = sorted(props.get(_sanad("confidence"), []), key=str)
        if conf:
            extra.append(f"confidence {conf[-1]}")
        out = []
        for ev in sorted(props.get(_sanad("evidence"), []), key=str):
            e = self.by_node[(g, ev)]
            exact = _one(e, _sanad("exact"))
            if exact is None:
                continue
            sentence = f"{_one(e, _sanad('prefix')) or ''}[{exact}]{_one(e, _sanad('suffix')) or ''}"
            out.append(f'evidence: "{_single_line(sentence)}"' + (f" ({', '.join(extra)})" if extra else ""))
        return out or ([f"asserted ({', '.join(extra)})"] if extra else [])


def report(d: Diff, old_name: str = "OLD", new_name: str = "NEW") -> str:
    """The human-readable diff; empty when the graphs are identical."""
    if d.identical:
        return ""
    old_facts, new_facts = _Facts(d.old), _Facts(d.new)
    old_graphs = {q[3] for q in d.old}
    new_graphs = {q[3] for q in d.new}
    changed: dict = defaultdict(lambda: ([], []))
    for q in d.added:
        changed[q[3]][0].append(q)
    for q in d.removed:
        changed[q[3]][1].append(q)
    lines = [f"--- {old_name}", f"+++ {new_name}"]
    total = {"facts+": 0, "facts-": 0}
    for g in sorted(changed, key=lambda g: "" if g is None else nt_term(g)):
        added, removed = changed[g]
        name = "the default graph" if g is None else _short(g)
        status = "new graph" if g not in old_graphs else "graph removed" if g not in new_graphs else "changed"
        fact_lines, other_lines = [], []
        for sign, quads, facts in (("-", removed, old_facts), ("+", added, new_facts)):
            for q in quads:
                s, p, o, _ = q
                key = (g, s, p, o)
                text = f"{sign} {_short(s)} {_short(p)} {_short(o)}"
                if key in facts.assertions:
                    fact_lines.append(text)
                    fact_lines += [f"      {e}" for e in facts.evidence(g, s, p, o)]
                    total["facts" + sign] += 1
                else:
                    other_lines.append(text)
        n_facts_added = sum(1 for q in added if (g, *q[:3]) in new_facts.assertions)
        n_facts_removed = sum(1 for q in removed if (g, *q[:3]) in old_facts.assertions)
        lines.append("")
        lines.append(f"== {name} ({status}: {n_facts_added} fact(s) added, {n_facts_removed} removed; "
                     f"{len(added)} triple(s) added, {len(removed)} removed)")
        if fact_lines:
            lines.append("  facts:")
            lines += [f"    {line}" for line in fact_lines]
        if other_lines:
            lines.append("  other triples:")
            lines += [f"    {line}" for line in other_lines]
    lines.append("")
    lines.append(f"{len(changed)} graph(s) changed: {total['facts+']} fact(s) added, {total['facts-']} removed; "
                 f"{len(d.added)} triple(s) added, {len(d.removed)} removed.")
    return "\n".join(lines) + "\n"


def _sanad(name: str):
    from rdflib import URIRef

    return URIRef(SANAD + name)


def _one(props, p):
    values = sorted(props.get(p, []), key=str)
    return values[0] if values else None


def _short(term) -> str:
    return _single_line(turtle_term(term), 200)


def _single_line(text: str, limit: int = 400) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 3] + "..."
