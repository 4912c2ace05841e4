"""The HTML explorer: the graph as data first (`view_model`), then one self-contained page
(`page_html`, the only function that touches pyvis).

The view model is plain, sorted JSON-ready data: the nodes drawn (entities, and the fact nodes
Sanad keeps: quotes, deals, hardware mentions, amounts) with their labels in both languages,
search keys folded like `kg.text.norm`, every fact about them with its evidence, their articles
and outlets, centrality and community (`kg.analytics`) and a precomputed, seeded position; the
edges drawn, labelled by property in both languages, with their evidence; the evidence table;
the articles and outlets the filters offer. pyvis turns it into vis-network node and edge
records, and the page inlines the vis-network script and stylesheet that the installed pyvis
package ships, so it works from file:// with no request at all. Article text reaches the page as
JSON data and is written into the DOM with textContent, never as HTML.

Evidence rows (model["evidence"], referred to by index from nodes, facts and edges) are
{"a": article index, "s": start, "e": end, "pre": prefix, "x": exact, "suf": suffix}.
"""
from __future__ import annotations

import hashlib
import html
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import orjson
import rdflib
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DefinedNamespace

from kg import analytics, iris, vocab
from kg.export import rdflib_term
from kg.text import norm


class _Terms:
    """A namespace's terms as plain attributes. rdflib's DefinedNamespace resolves every `NS.term`
    through __getattr__ (about 2 µs), and the page of a large corpus does that millions of times."""

    def __init__(self, ns: type[DefinedNamespace]) -> None:
        self._ns = str(ns)
        self.__dict__.update({name: ns[name] for name in ns.__annotations__})

    def __str__(self) -> str:
        return self._ns


SANAD, RDF, RDFS = _Terms(vocab.SANAD), _Terms(rdflib.RDF), _Terms(rdflib.RDFS)
OWL, SKOS = _Terms(rdflib.namespace.OWL), _Terms(rdflib.namespace.SKOS)
# the very objects above, by IRI: predicates and classes of a graph are replaced by them, so that look-ups
# such as out[node][SANAD.evidence] find their key by identity (rdflib's __eq__ is Python code, and a
# large corpus's page made millions of such comparisons)
_CANONICAL = {str(t): t for ns in (SANAD, RDF, RDFS, OWL, SKOS) for name, t in vars(ns).items() if name != "_ns"}

# Above LARGE_GRAPH_NODES nodes the page starts from the START_NODES most central entities and grows on
# demand. bench/bench_view.py, 2-core VM, software rendering: 2,984 nodes drawn whole are usable in 1.7 s
# and redraw in about 50 ms (20 frames a second); 4,480 load in 2.1 s but redraw in about 115 ms.
LARGE_GRAPH_NODES = 3000
START_NODES = 150
HIDE_EDGES_ON_DRAG = 1000  # above this many nodes, panning hides the edges (smoother)
TITLE = "Sanad explorer"
MAX_ENTITIES = 2_000  # a build's page holds at most this many entities (the most mentioned); see most_mentioned
MAX_EVIDENCE = 12  # and at most this many evidence spans per node
MAX_FACTS = 4_000  # and at most this many fact nodes (deals, quotes, amounts, ...) among those entities
FONT = "system-ui, Segoe UI, Noto Sans, Noto Sans Arabic, Noto Naskh Arabic, Tahoma, DejaVu Sans, Arial, sans-serif"


@dataclass(frozen=True)
class Style:
    color: str
    shape: str


# class -> style; a node's class is the first of these it has (MediaOutlet before Organization)
STYLES = {
    SANAD.Person: Style("#4e79a7", "dot"),
    SANAD.MediaOutlet: Style("#f28e2b", "diamond"),
    SANAD.Company: Style("#59a14f", "square"),
    SANAD.Organization: Style("#76b7b2", "square"),
    SANAD.HardwareModel: Style("#b07aa1", "triangle"),
    SANAD.Deal: Style("#e15759", "star"),
    SANAD.Quote: Style("#9c755f", "box"),
    SANAD.HardwareMention: Style("#ff9da7", "triangleDown"),
    SANAD.MonetaryAmount: Style("#edc948", "ellipse"),
}
NODE_CLASSES = tuple(STYLES)
ENTITY_CLASSES = (SANAD.Person, SANAD.MediaOutlet, SANAD.Company, SANAD.Organization, SANAD.HardwareModel)
EDGE_PROPERTIES = (SANAD.worksFor, SANAD.formerlyWorkedFor, SANAD.founded, SANAD.partOf, SANAD.manufacturer,
                   SANAD.hired, SANAD.speaker, SANAD.hardware, SANAD.amount, SANAD.reportedBy, SANAD.party,
                   SANAD.acquirer, SANAD.target, SANAD.licensee, SANAD.licensor, SANAD.investor, SANAD.investee,
                   SANAD.hires)
DEAL_ROLES = (SANAD.acquirer, SANAD.target, SANAD.licensee, SANAD.licensor, SANAD.investor, SANAD.investee,
              SANAD.hires)
# (sets: a tuple's `in` calls rdflib's __eq__, Python code, on every other member)
FACT_NODE_PROPERTIES = frozenset(DEAL_ROLES + (SANAD.party, SANAD.amount, SANAD.reportedBy, SANAD.speaker, SANAD.hardware))
SKIP_OUT = {RDF.type, RDFS.label, SKOS.prefLabel, SKOS.altLabel, SANAD.evidence, SANAD.extractedBy, SANAD.confidence}
SKIP_IN = {SANAD.mentions, RDF.subject, RDF.object, SANAD.evidence, SANAD.source}
# Words for properties read backwards ("Naveen Rao" <- speaker - quote: his quotes), and for the
# few non-Sanad properties shown; every other property is named by its rdfs:label in ontology/.
INVERSE = {
    "speaker": ("quotes", "اقتباسات"), "worksFor": ("employees", "العاملون فيها"),
    "formerlyWorkedFor": ("former employees", "عملوا فيها سابقًا"), "founded": ("founded by", "أسّسها"),
    "partOf": ("parts", "تضم"), "manufacturer": ("makes", "تصنع"), "hardware": ("mentioned in quantity", "ذُكر بكمية"),
    "hired": ("hired by", "وظّفته"), "amount": ("amount of", "مبلغ"), "reportedBy": ("reported", "نقلت"),
    "party": ("party to", "طرف في"), "acquirer": ("acquirer in", "مستحوِذ في"), "target": ("acquired in", "مستحوَذ عليها في"),
    "licensee": ("licensee in", "مرخَّص له في"), "licensor": ("licensor in", "مرخِّص في"),
    "investor": ("investor in", "مستثمر في"), "investee": ("raised money in", "تلقّت استثمارًا في"),
    "hires": ("moved in deal", "انتقل بموجب صفقة"), "holdsPosition": ("positions here", "مناصب فيها"),
}
OTHER_PROPERTIES = {str(OWL.sameAs): ("same as", "مطابق لـ")}
SCALE_WORDS = ((1e12, "T", "تريليون"), (1e9, "B", "مليار"), (1e6, "M", "مليون"), (1e3, "K", "ألف"))


# ---------------------------------------------------------------- the view model

def view_model(data: Dataset | Graph | Iterable[tuple], *, layout: bool = True, analyse: bool = True,
               large_threshold: int = LARGE_GRAPH_NODES, start_nodes: int = START_NODES,
               memo: Path | None = None, spans: dict[str, Sequence[str]] | None = None, plain: bool = False) -> dict:
    """The explorer as data: sorted nodes and edges, evidence, filters, analytics, positions.
    `analyse=False` (which implies no layout) leaves out centrality, communities and positions.
    MEMO, a file (a build's cache), keeps the analytics of the last graph drawn: see _analysed.
    SPANS, when given, holds evidence spans' rows apart from DATA (see corpus_triples): the page reads
    nothing of a span but its row of the evidence table, and at 10,000 articles the spans were
    760,000 of the 1.35M triples drawn, each made an rdflib term and indexed for six look-ups.
    PLAIN: DATA are plain triples (kg.export.plain_triples_of), made rdflib terms as they are indexed."""
    idx = _Index(data, plain)
    onto = _ontology_labels()
    articles = _articles(idx)
    art_index = {a["id"]: i for i, a in enumerate(articles)}
    evidence = _EvidenceTable(idx, art_index, spans)
    drawn = {}
    for node in sorted(idx.typed(NODE_CLASSES), key=str):
        drawn[node] = next(c for c in NODE_CLASSES if c in idx.types(node))
    labels = {node: _labels(idx, node, cls, onto) for node, cls in drawn.items()}

    def display(term, lang: str) -> str:
        if isinstance(term, Literal):
            return str(term)
        if term in labels:
            if drawn[term] == SANAD.Quote:
                return _quoted(idx.one(term, SANAD.text, ""), 10_000)
            return labels[term][lang]
        by_lang = {lit.language: str(lit) for lit in idx.objs(term, RDFS.label) if isinstance(lit, Literal)}
        return by_lang.get(lang) or by_lang.get("en") or next(iter(by_lang.values()), _tail(term))

    edges = _edges(idx, drawn, evidence, onto)
    nodes = []
    for node, cls in drawn.items():
        lab = labels[node]
        names = idx.objs(node, RDFS.label) + idx.objs(node, SKOS.prefLabel) + idx.objs(node, SKOS.altLabel)
        alt = sorted({str(o) for o in names} - {lab["en"], lab["ar"]})  # every other label: shown, searched
        ev = evidence.of(node)
        arts = {evidence.rows[i]["a"] for i in ev} | {art_index[str(a)] for a in idx.subjects(SANAD.mentions, node)
                                                       if str(a) in art_index}
        wikidata = next((str(o) for o in idx.objs(node, OWL.sameAs) if "wikidata.org" in str(o)), None)
        nodes.append({
            "id": str(node), "cls": _local(cls), "label_en": lab["en"], "label_ar": lab["ar"], "alt": alt,
            "keys": _search_keys([lab["en"], lab["ar"], *alt] + ([_tail(node)] if cls in ENTITY_CLASSES else [])),
            "wikidata": wikidata, "facts": _facts(idx, node, drawn, labels, evidence, display, wikidata),
            "ev": ev, "articles": sorted(arts),
        })
    outlets = _outlets(idx, nodes, edges, articles, drawn)
    model = {"nodes": nodes, "edges": edges, "evidence": evidence.rows, "articles": articles, "outlets": outlets,
             "classes": _classes(nodes, onto), "properties": _properties(nodes, edges, onto)}
    if analyse:
        _add_analytics(model, layout, large_threshold, start_nodes, memo)
    return model


class _Index:
    """Every triple of the graph once, as dictionaries: far faster than rdflib look-ups per node."""

    def __init__(self, data: Dataset | Graph | Iterable[tuple], plain: bool = False) -> None:
        """PLAIN: DATA are plain triples (kg.export.plain_triples_of), each term made an rdflib term
        once (at 10,000 articles making a list of the 590,000 triples converted first took 0.7-1 s)."""
        if isinstance(data, Dataset):
            graphs = [g.triples((None, None, None)) for g in data.graphs()]
        elif isinstance(data, Graph):
            graphs = [data.triples((None, None, None))]
        else:  # triples already (kg.export.triples_of): far faster than an rdflib store on big graphs
            graphs = [data]
        out: dict = defaultdict(lambda: defaultdict(set))
        inc: dict = defaultdict(set)
        by_type: dict = defaultdict(set)
        same: dict = {}  # id of a term seen -> the namespace's own object for it (or the term itself)

        def canonical(t):
            found = same[id(t)] = _CANONICAL.get(str(t), t) if type(t) is URIRef else t
            keep.append(t)  # (ids stay unique while their objects live)
            return found

        keep: list = []
        rdf_type = RDF.type
        known = same.get
        done: dict = {}  # a plain term -> its rdflib term, canonical (PLAIN)
        converted = done.get

        def convert(t):
            found = converted(t)
            if found is None:  # (not `or`: an rdflib Literal's truth is Python code, and 180,000 were asked)
                found = done[t] = _CANONICAL.get(t) or rdflib_term(t)  # (a Literal is no key of _CANONICAL)
            return found

        for g in graphs:
            for s, p, o in g:
                if plain:  # (its predicates and classes are made the namespace's own objects here)
                    s, p, o = convert(s), convert(p), convert(o)
                else:
                    p = known(id(p)) or canonical(p)  # (an empty term, false, is only worked out again)
                if p is rdf_type:
                    o = o if plain else known(id(o)) or canonical(o)
                    by_type[o].add(s)
                elif type(o) is URIRef:
                    inc[o].add((s, p))
                out[s][p].add(o)
        self.out, self.inc, self.by_type = out, inc, by_type
        self.assertions: dict = defaultdict(list)
        for a in sorted(self.by_type.get(SANAD.Assertion, ()), key=str):
            for s in self.objs(a, RDF.subject):
                for p in self.objs(a, RDF.predicate):
                    for o in self.objs(a, RDF.object):
                        self.assertions[(s, p, o)].append(a)

    def objs(self, s, p) -> list:
        found = self.out.get(s, {}).get(p)
        if not found:
            return []
        if len(found) == 1:
            return list(found)
        if all(type(t) is URIRef for t in found):  # (IRIs alone: _term_key's order is their text's, without its tuples)
            return sorted(found, key=str)
        return sorted(found, key=_term_key)

    def one(self, s, p, default=None):
        found = self.objs(s, p)
        return found[0] if found else default

    def types(self, s) -> set:
        return self.out.get(s, {}).get(RDF.type, set())

    def typed(self, classes) -> set:
        return set().union(*(self.by_type.get(c, set()) for c in classes))

    def subjects(self, p, o) -> list:
        if _CANONICAL.get(str(p)) is p:  # (then a predicate of the graph with its IRI is that very object)
            return sorted((s for s, q in self.inc.get(o, ()) if q is p), key=str)
        return sorted((s for s, q in self.inc.get(o, ()) if q == p), key=str)


def _term_key(t) -> tuple:
    return (0 if isinstance(t, URIRef) else 1, str(t), getattr(t, "language", None) or "")


def _plain_key(t) -> tuple:
    """_term_key of a plain term (kg.export.plain_triples_of)."""
    return (0, t, "") if type(t) is str else (1, t.value, t.language or "")


# what an evidence row reads of its span: (property, its IRI as a plain term, the value when it has none)
_SPAN_FIELDS = tuple((p, str(p), default) for p, default in (
    (SANAD.source, ""), (SANAD.start, "0"), (SANAD.end, "0"), (SANAD.prefix, ""), (SANAD.exact, ""), (SANAD.suffix, "")))
_SPAN_FIELD = {key: i for i, (_, key, _) in enumerate(_SPAN_FIELDS)}


class _EvidenceTable:
    """The page's evidence rows, numbered as they are first asked for, and each node's rows. A node's
    rows are worked out once: a fact's assertion is asked for by its edge and by both of its ends'
    lists of facts, and at 10,000 articles sorting the same rows again was a third of the model."""

    def __init__(self, idx: _Index, art_index: dict[str, int], spans: dict[str, Sequence[str]] | None = None) -> None:
        self.idx, self.art_index, self.spans = idx, art_index, spans or {}
        self.rows: list[dict] = []
        self.ids: dict = {}
        self.order: list[tuple] = []  # each row's (article, start, end): how a node's rows are sorted
        self.places: list[tuple] = []  # each row's (article, start): how a fact's rows are sorted
        self.found: dict = {}  # node -> its rows, sorted (never changed once made: callers copy what they keep)
        self.facts: dict = {}  # (s, p, o, fallback) -> of_fact's answer (the same: a fact is asked for by its
        # edge and by both of its ends' lists of facts)

    def of(self, node) -> list[int]:
        found = self.found.get(node)
        if found is None:
            ids = {self.id(ev) for ev in self.idx.objs(node, SANAD.evidence)}  # sorted: numbers must not follow set order
            found = self.found[node] = sorted(ids, key=self.order.__getitem__)
        return found

    def id(self, ev) -> int:
        found = self.ids.get(ev)
        if found is None:
            src, start, end, pre, exact, suf = self._values(ev)
            found = self.ids[ev] = len(self.rows)
            row = {"a": self.art_index.get(src, -1), "s": int(start), "e": int(end), "pre": pre, "x": exact, "suf": suf}
            self.rows.append(row)
            self.order.append((row["a"], row["s"], row["e"]))
            self.places.append((row["a"], row["s"]))
        return found

    def _values(self, ev) -> Sequence[str]:
        """The lexical form of the span EV's first value (as _Index.one orders them) of each of
        _SPAN_FIELDS, or its default: read from the index, or given with the page's spans (view_model's
        SPANS: see corpus_triples)."""
        found = self.spans.get(str(ev))
        if found is None:
            return [str(self.idx.one(ev, p, default)) for p, _, default in _SPAN_FIELDS]
        return found

    def of_fact(self, s, p, o, fallback=None) -> tuple[list[int], float | None]:
        """Evidence and confidence of the triple (s p o): from its sanad:Assertion, else from the fact node."""
        key = (s, p, o, fallback)
        found = self.facts.get(key)
        if found is None:
            found = self.facts[key] = self._of_fact(s, p, o, fallback)
        return found

    def _of_fact(self, s, p, o, fallback) -> tuple[list[int], float | None]:
        ids, conf = [], None
        for a in self.idx.assertions.get((s, p, o), ()):
            ids += self.of(a)
            c = self.idx.one(a, SANAD.confidence)
            conf = max(conf or 0.0, float(c)) if c is not None else conf
        if not ids and fallback is not None:
            ids = self.of(fallback)
            c = self.idx.one(fallback, SANAD.confidence)
            conf = float(c) if c is not None else None
        return sorted(set(ids), key=self.places.__getitem__), conf


def _ontology_labels() -> dict[str, dict[str, str]]:
    from kg.validate import ontology

    out: dict[str, dict[str, str]] = defaultdict(dict)
    for s, lit in ontology().subject_objects(RDFS.label):
        if isinstance(lit, Literal) and lit.language in ("en", "ar"):
            out[str(s)][lit.language] = str(lit)
    for iri, (en, ar) in OTHER_PROPERTIES.items():
        out[iri] = {"en": en, "ar": ar}
    return out


def _articles(idx: _Index) -> list[dict]:
    out = []
    for a in sorted(idx.typed([SANAD.Article]), key=str):
        out.append({"id": str(a), "title": str(idx.one(a, SANAD.headline, "") or _tail(a)),
                    "url": str(idx.one(a, SANAD.url, "") or ""), "outlet": str(idx.one(a, SANAD.outletName, "") or ""),
                    "lang": str(idx.one(a, SANAD.language, "") or ""),
                    "published": str(idx.one(a, SANAD.published, "") or "")})
    return out


def _labels(idx: _Index, node, cls, onto: dict) -> dict[str, str]:
    by_lang: dict[str, str] = {}
    for lit in idx.objs(node, RDFS.label):
        if isinstance(lit, Literal):
            by_lang.setdefault(lit.language or "en", str(lit))
    if cls == SANAD.Quote:
        quoted = _quoted(idx.one(node, SANAD.text, ""), 32)
        return {"ar": quoted, "en": quoted}
    if cls == SANAD.MonetaryAmount:
        value, cur = idx.one(node, SANAD.value), str(idx.one(node, SANAD.currency, ""))
        return {"en": f"{cur} {_money(value, 'en')}".strip(), "ar": f"{_money(value, 'ar')} {cur}".strip()}
    if cls == SANAD.HardwareMention:
        hw = idx.one(node, SANAD.hardware)
        qty = int(idx.one(node, SANAD.quantity, 0))
        names = _labels(idx, hw, SANAD.HardwareModel, onto) if hw is not None else {"en": "?", "ar": "?"}
        return {"en": f"{qty:,} × {names['en']}", "ar": f"{qty:,} × {names['ar']}"}
    if cls == SANAD.Deal:
        kinds = sorted(c for c in idx.types(node) if c != SANAD.Deal and str(c).startswith(str(SANAD)))
        parties = [p for p in idx.objs(node, SANAD.party) if SANAD.Organization in idx.types(p)]
        out = {}
        for lang in ("en", "ar"):
            kind = " / ".join(onto[str(k)].get(lang, _local(k)) for k in kinds) or onto[str(SANAD.Deal)].get(lang, "Deal")
            names = sorted(_labels(idx, p, SANAD.Organization, onto)[lang] for p in parties)
            out[lang] = f"{kind}: {' – '.join(names)}" if names else kind
        return out
    first = by_lang.get("en") or by_lang.get("ar") or next(iter(by_lang.values()), None) or _tail(node)
    return {"en": by_lang.get("en") or first, "ar": by_lang.get("ar") or first}


def _quoted(text, limit: int) -> str:
    """A quote in the marks of its language: «Arabic», “English”; shortened to `limit` characters."""
    s = str(text)
    s = s if len(s) <= limit else s[:limit - 2].rstrip() + "…"
    return f"«{s}»" if getattr(text, "language", None) == "ar" or re.search("[\u0600-\u06ff]", s) else f"“{s}”"


def _money(value, lang: str) -> str:
    if value is None:
        return "?"
    v = float(value)
    for size, en, ar in SCALE_WORDS:
        if v >= size:
            return f"{v / size:g}{en}" if lang == "en" else f"{v / size:g} {ar}"
    return f"{v:g}"


def _search_keys(labels: list[str]) -> str:
    """Every label's matching key (kg.text.norm, punctuation as spaces), one per line."""
    keys = []
    for label in labels:
        k = search_key(label)
        if k and k not in keys:
            keys.append(k)
    return "\n".join(keys)


def search_key(text: str) -> str:
    """The key the page's search compares: kg.text.norm, then anything but letters and digits
    becomes one space. The page's JavaScript `searchKey` does the same (a test holds them equal).

    >>> search_key("Character.AI") == search_key("character ai")
    True
    >>> search_key("إنفيديا") == search_key("انفيديا")
    True
    """
    return " ".join(re.sub(r"[\W_]+", " ", norm(text)).split())


def _edges(idx: _Index, drawn: dict, evidence: _EvidenceTable, onto: dict) -> list[dict]:
    edges = []
    for p in EDGE_PROPERTIES:
        label = onto.get(str(p), {})
        party, fact_node = p == SANAD.party, p in FACT_NODE_PROPERTIES
        for s in sorted(drawn, key=str):
            for o in idx.objs(s, p):
                if o not in drawn:
                    continue
                if party and any(o in idx.objs(s, r) for r in DEAL_ROLES):
                    continue  # the specific role is drawn instead
                ev, conf = evidence.of_fact(s, p, o, s if fact_node else None)
                edges.append({"from": str(s), "to": str(o), "p": _local(p), "en": label.get("en", _local(p)),
                              "ar": label.get("ar", _local(p)), "ev": ev, "conf": conf})
    for person in sorted(drawn, key=str):
        for pos in idx.objs(person, SANAD.holdsPosition):
            for org in idx.objs(pos, SANAD.organization):
                if org not in drawn:
                    continue
                title = "، ".join(str(t) for t in idx.objs(pos, SANAD.title))
                current = any(bool(v.toPython()) for v in idx.objs(pos, SANAD.isCurrent))
                conf = idx.one(pos, SANAD.confidence)
                edges.append({"from": str(person), "to": str(org), "p": "holdsPosition",
                              "en": title if current else f"{title} (former)",
                              "ar": title if current else f"{title} (سابقًا)", "ev": evidence.of(pos),
                              "conf": float(conf) if conf is not None else None})
    edges.sort(key=lambda e: (e["from"], e["to"], e["p"], e["en"]))
    for i, e in enumerate(edges):
        e["id"] = f"e{i}"
        e["articles"] = sorted({evidence.rows[j]["a"] for j in e["ev"]})
    return edges


def _facts(idx: _Index, node, drawn: dict, labels: dict, evidence: _EvidenceTable, display, wikidata) -> list[dict]:
    """Every statement about the node, both directions, each with its evidence and confidence:
    {"p", "ev", "node"?, "en"?, "ar"?, "inv"?, "lit"?, "lang"?, "conf"?}; "en"/"ar" are given
    when they are not simply the label of "node"."""
    out = []

    def fact(p: str, inv: bool, o, ev=(), conf=None, en=None, ar=None):
        # compact: defaults are left out, and so is the text when it is the linked node's label
        rec: dict = {"p": p, "ev": list(ev)}
        texts = {"en": en if en is not None else display(o, "en"), "ar": ar if ar is not None else display(o, "ar")}
        if o in drawn:
            rec["node"] = str(o)
        for lang, text in texts.items():
            if o not in drawn or text != labels[o][lang]:
                rec[lang] = text
        if inv:
            rec["inv"] = True
        if isinstance(o, Literal):
            rec["lit"] = True
            if o.language:
                rec["lang"] = o.language
        if conf is not None:
            rec["conf"] = conf
        out.append(rec)

    for p in sorted(idx.out.get(node, {}), key=str):
        if p in SKIP_OUT or (p == OWL.sameAs and wikidata):
            continue
        position, fallback, name = p == SANAD.holdsPosition, node if p in FACT_NODE_PROPERTIES else None, _local(p)
        for o in idx.objs(node, p):
            if position:
                org = idx.one(o, SANAD.organization)
                title = "، ".join(str(t) for t in idx.objs(o, SANAD.title))
                current = any(bool(v.toPython()) for v in idx.objs(o, SANAD.isCurrent))
                conf = idx.one(o, SANAD.confidence)
                suffix = ("", "") if current else (" (former)", " (سابقًا)")
                fact("holdsPosition", False, org if org is not None else o, evidence.of(o),
                     float(conf) if conf is not None else None,
                     f"{title} — {display(org, 'en')}{suffix[0]}" if org is not None else title,
                     f"{title} — {display(org, 'ar')}{suffix[1]}" if org is not None else title)
                continue
            ev, conf = evidence.of_fact(node, p, o, fallback)
            fact(name, False, o, ev, conf)
    for s, p in sorted(idx.inc.get(node, ()), key=lambda sp: (str(sp[1]), str(sp[0]))):
        if p in SKIP_IN or not p.startswith(str(SANAD)):
            continue
        if p == SANAD.organization and SANAD.Position in idx.types(s):
            title = "، ".join(str(t) for t in idx.objs(s, SANAD.title))
            conf = idx.one(s, SANAD.confidence)
            for person in idx.subjects(SANAD.holdsPosition, s):
                fact("holdsPosition", True, person, evidence.of(s), float(conf) if conf is not None else None,
                     f"{display(person, 'en')} — {title}", f"{display(person, 'ar')} — {title}")
            continue
        if p == SANAD.party and any(node in idx.out[s].get(r, ()) for r in DEAL_ROLES):
            continue
        ev, conf = evidence.of_fact(s, p, node, s if p in FACT_NODE_PROPERTIES else None)
        fact(_local(p), True, s, ev, conf)
    return out


def _outlets(idx: _Index, nodes: list[dict], edges: list[dict], articles: list[dict], drawn: dict) -> list[dict]:
    """Outlets to filter by: each article's outlet name, and each outlet credited (sanad:reportedBy).
    An outlet name that is also a media-outlet node's label is that node. Sets node["outlets"]."""
    media = {}
    for n in nodes:
        if n["cls"] == "MediaOutlet":
            for label in (n["label_en"], n["label_ar"], *n["alt"]):
                media.setdefault(search_key(label), n)
    registry: dict[str, dict] = {}

    def outlet(key: str, en: str, ar: str) -> str:
        registry.setdefault(key, {"key": key, "en": en, "ar": ar, "articles": 0, "credited": 0})
        return key

    art_outlet = {}
    for i, a in enumerate(articles):
        if a["outlet"]:
            node = media.get(search_key(a["outlet"]))
            key = outlet(node["id"], node["label_en"], node["label_ar"]) if node else \
                outlet("outlet:" + search_key(a["outlet"]), a["outlet"], a["outlet"])
            registry[key]["articles"] += 1
            art_outlet[i] = key
    member: dict[str, set] = defaultdict(set)
    for n in nodes:
        for a in n["articles"]:
            if a in art_outlet:
                member[n["id"]].add(art_outlet[a])
    recs = {n["id"]: n for n in nodes}
    out_edges = defaultdict(list)
    for e in edges:
        out_edges[e["from"]].append(e["to"])
    for o in sorted({o for outs in idx.out.values() for o in outs.get(SANAD.reportedBy, ())}, key=str):
        if str(o) not in recs:
            continue
        key = outlet(str(o), recs[str(o)]["label_en"], recs[str(o)]["label_ar"])
        member[str(o)].add(key)
        for x in idx.subjects(SANAD.reportedBy, o):
            registry[key]["credited"] += 1
            if x in drawn:
                targets = [str(x), *out_edges[str(x)]]
            else:  # an Assertion: its subject and object
                targets = [str(t) for t in idx.objs(x, RDF.subject) + idx.objs(x, RDF.object) if t in drawn]
            for t in targets:
                member[t].add(key)
    for n in nodes:
        n["outlets"] = sorted(member[n["id"]])
    return sorted(registry.values(), key=lambda r: (r["en"].casefold(), r["key"]))


def _classes(nodes: list[dict], onto: dict) -> list[dict]:
    counts: dict[str, int] = defaultdict(int)
    for n in nodes:
        counts[n["cls"]] += 1
    return [{"cls": _local(c), "en": onto.get(str(c), {}).get("en", _local(c)),
             "ar": onto.get(str(c), {}).get("ar", _local(c)), "color": s.color, "shape": s.shape,
             "count": counts.get(_local(c), 0)} for c, s in STYLES.items()]


def _properties(nodes: list[dict], edges: list[dict], onto: dict) -> dict[str, dict]:
    used = {f["p"] for n in nodes for f in n["facts"]} | {e["p"] for e in edges}
    out = {}
    for p in sorted(used):
        iri = str(SANAD) + p
        if iri not in onto:
            iri = next((i for i in OTHER_PROPERTIES if _local(i) == p or _tail(i) == p), iri)
        lab = onto.get(iri, {})
        inv = INVERSE.get(p, (f"← {lab.get('en', p)}", f"← {lab.get('ar', p)}"))
        out[p] = {"en": lab.get("en", p), "ar": lab.get("ar", p), "inv_en": inv[0], "inv_ar": inv[1]}
    return out


def _add_analytics(model: dict, layout: bool, large_threshold: int, start_nodes: int, memo: Path | None) -> None:
    a, pos = _analysed(model, layout, memo)
    for n in model["nodes"]:
        n.update(a["per_node"][n["id"]])
    if pos is not None:
        for n in model["nodes"]:
            n["x"], n["y"] = pos[n["id"]]
    large = len(model["nodes"]) > large_threshold
    cls = {n["id"]: n["cls"] for n in model["nodes"]}
    ranked = [i for i in a["order"] if cls[i] in analytics.ENTITY_CLASSES] + \
             [i for i in a["order"] if cls[i] not in analytics.ENTITY_CLASSES]  # entities first
    model["analytics"] = {"central": a["central"], "components": len(a["components"]),
                          "largest_component": a["components"][0] if a["components"] else 0,
                          "isolated": sum(1 for s in a["components"] if s == 1),
                          "communities": len(a["communities"]), "exact_betweenness": a["exact_betweenness"]}
    model["large"] = {"on": large, "threshold": large_threshold, "k": start_nodes,
                      "start": sorted(ranked[:start_nodes]) if large else []}


def _analysed(model: dict, layout: bool, memo: Path | None) -> tuple[dict, dict | None]:
    """analytics.analyse of the model, and its layout when asked. They read only the drawn graph:
    each node's id, class and labels (their length sizes it), and the edges' ends, in model order.
    MEMO, when given, is a file that keeps the last result with the digest of what it was computed
    from (that graph, the analytics code, networkx's version): a rebuild after a changed article most
    often draws the same graph (its evidence moves, its nodes and edges do not), and at 10,000
    articles these figures are about half the page's model (7-8 s of 15)."""
    from kg.cache import read_memo, write_memo

    key = _analytics_key(model, layout) if memo is not None else None
    saved = read_memo(memo) if key is not None else None
    if saved is not None and saved[0] == key:
        return saved[1]
    a = analytics.analyse(model)
    pos = analytics.layout(analytics.graph(model), a["community_members"]) if layout else None
    if key is not None:
        write_memo(memo, key, (a, pos))
    return a, pos


def _analytics_key(model: dict, layout: bool) -> str:
    import networkx

    h = hashlib.sha256(f"{layout}\0{networkx.__version__}\0".encode())
    h.update(Path(analytics.__file__).read_bytes())
    graph = [[[n["id"], n["cls"], n["label_en"], n["label_ar"]] for n in model["nodes"]],
             [[e["from"], e["to"]] for e in model["edges"]]]
    h.update(json.dumps(graph, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    return h.hexdigest()


def _local(term) -> str:
    return str(term).rsplit("#", 1)[-1]


def _tail(term) -> str:
    return str(term).rstrip("/").rsplit("/", 1)[-1]


# ---------------------------------------------------------------- the page

def _vis_records(model: dict) -> tuple[list[dict], list[dict], dict]:
    """vis-network node and edge records and options, built with pyvis's own classes."""
    from pyvis.edge import Edge
    from pyvis.network import Network
    from pyvis.node import Node

    styles = {_local(c): s for c, s in STYLES.items()}
    nodes = []
    for n in model["nodes"]:
        style = styles[n["cls"]]
        extra = {}
        if style.shape in ("box", "ellipse"):  # the label is inside the shape
            extra = {"font": {"color": "#ffffff" if style.shape == "box" else "#1f2328", "strokeWidth": 0}}
        # value: shapes and labels grow with the node's degree (options.nodes.scaling), so hubs stand out
        # labels are set by the page from the model, in the language chosen
        rec = Node(n["id"], style.shape, label=None, color=style.color, x=n.get("x", 0.0), y=n.get("y", 0.0),
                   value=n.get("deg", 0), **extra).options
        del rec["label"]
        nodes.append(rec)
    edges, seen = [], defaultdict(int)
    for e in model["edges"]:
        pair = tuple(sorted((e["from"], e["to"])))
        k = seen[pair]
        seen[pair] += 1
        extra = {}
        if k:  # parallel edges (a relation and a position between the same two nodes) curve apart
            side = "curvedCW" if (k % 2) == (e["from"] == pair[0]) else "curvedCCW"
            extra = {"smooth": {"enabled": True, "type": side, "roundness": round(0.25 * ((k + 1) // 2), 2)}}
        edges.append(Edge(e["from"], e["to"], id=e["id"], **extra).options)  # arrows and labels: options, page
    net = Network(directed=True, cdn_resources="in_line")
    net.toggle_physics(False)  # positions are precomputed: nothing moves, nothing to stabilise
    net.toggle_hide_edges_on_drag(len(nodes) > HIDE_EDGES_ON_DRAG)
    options = json.loads(net.options.to_json())
    options.pop("configure", None)
    options["edges"].update({
        "smooth": {"enabled": False, "type": "continuous", "roundness": 0.5},  # straight, except parallel edges
        "width": 1, "color": {"color": "#a3acb6", "highlight": "#1f2328", "hover": "#57606a"},
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.45}},
        # horizontal labels: vis-network 9.1.2 draws a label rotated "middle" at the origin when its edge is level
        "font": {"size": 10, "color": "#57606a", "face": FONT, "strokeWidth": 3, "strokeColor": "#ffffff",
                 "align": "horizontal"}})
    options["nodes"] = {"font": {"size": 14, "face": FONT, "strokeWidth": 3, "strokeColor": "#ffffff"}, "borderWidth": 1,
                        "physics": False,
                        "scaling": {"min": 9, "max": 30, "label": {"enabled": True, "min": 12, "max": 24, "maxVisible": 24,
                                                                    "drawThreshold": 4}}}
    options["interaction"].update({"hover": True, "tooltipDelay": 300, "navigationButtons": False, "keyboard": False,
                                   "multiselect": False})
    options["layout"] = {"improvedLayout": False, "randomSeed": analytics.SEED}
    return nodes, edges, options


def _asset(*parts: str) -> str:
    return resources.files("pyvis").joinpath("lib", *parts).read_text(encoding="utf-8")


# what JSON inside <script> must not hold as it is: '<', '>' or '&' could close the element, and JavaScript
# engines before ES2019 end a line at U+2028 and U+2029
_SCRIPT_ESCAPES = tuple((c.encode("utf-8"), f"\\u{ord(c):04x}".encode("ascii")) for c in "<>&\u2028\u2029")


def _json_for_script(data) -> str:
    """JSON that is safe inside <script>, keys sorted. (orjson, and the escapes made on its UTF-8
    bytes: at 10,000 articles 0.4 s for the page's 43 MB, where the json module and the escapes on
    the text took 1.7 s.)"""
    raw = orjson.dumps(data, option=orjson.OPT_SORT_KEYS)
    for char, escaped in _SCRIPT_ESCAPES:
        raw = raw.replace(char, escaped)
    return raw.decode("utf-8")


def page_html(model: dict, title: str = TITLE) -> str:
    """One self-contained page: vis-network inlined, the model as JSON, no request at all."""
    vis_nodes, vis_edges, options = _vis_records(model)
    page = resources.files("kg").joinpath("templates", "explorer.html").read_text(encoding="utf-8")
    slim = dict(model, nodes=[{k: v for k, v in n.items() if k not in ("x", "y")} for n in model["nodes"]])
    data = {"vis": {"nodes": vis_nodes, "edges": vis_edges, "options": options}, "model": slim}
    replacements = {
        "{{TITLE}}": html.escape(title),
        "{{VIS_CSS}}": _asset("vis-9.1.2", "vis-network.css").replace("</", "<\\/"),
        "{{VIS_JS}}": _asset("vis-9.1.2", "vis-network.min.js").replace("</script", "<\\/script"),
        "{{DATA}}": _json_for_script(data),
    }
    for key, value in replacements.items():
        page = page.replace(key, value)
    return page


def most_mentioned(triples: Iterable[tuple], max_entities: int = MAX_ENTITIES, max_evidence: int = MAX_EVIDENCE,
                   max_facts: int = MAX_FACTS):
    """For a corpus too big for one page: the triples about the MAX_ENTITIES entities mentioned in
    the most articles (ties by IRI), at most MAX_FACTS fact nodes among them (those backed by the
    most evidence spans first, then those about the most mentioned entity, then by IRI), the
    articles, and at most MAX_EVIDENCE evidence spans per node (the first by IRI). Returns (triples,
    entities kept, entities in all, facts kept, facts in all); the triples as they are when
    everything fits.

    TRIPLES are plain (kg.export.plain_triples_of: IRIs as str, literals as pyoxigraph Literals), and
    so are the triples returned (the page draws them with view_model's PLAIN). When TRIPLES leave out the
    evidence spans' own triples (see corpus_triples), so do the triples returned: the spans drawn are
    the objects of their sanad:evidence triples (evidence_spans)."""
    mentions_p, type_p, evidence_p = str(SANAD.mentions), str(RDF.type), str(SANAD.evidence)
    subject_p, object_p, article_c = str(RDF.subject), str(RDF.object), str(SANAD.Article)
    triples = list(triples)
    by_subject: dict = defaultdict(list)
    mentions: dict = defaultdict(int)
    types: dict = defaultdict(set)
    about: list = []  # (assertion, its rdf:subject)
    for t in triples:
        by_subject[t[0]].append(t)
        if t[1] == mentions_p:
            mentions[t[2]] += 1
        elif t[1] == type_p:
            types[t[0]].add(t[2])
        elif t[1] == subject_p:
            about.append((t[0], t[2]))
    entity_classes, node_classes = set(map(str, ENTITY_CLASSES)), set(map(str, NODE_CLASSES))
    entities = [n for n, ts in types.items() if ts & entity_classes]
    facts = {n for n, ts in types.items() if ts & node_classes and not ts & entity_classes}
    if len(entities) <= max_entities and len(facts) <= max_facts:
        return triples, len(entities), len(entities), len(facts), len(facts)
    kept = set(sorted(entities, key=lambda n: (-mentions[n], n))[:max_entities])
    neighbours: dict = defaultdict(set)  # fact -> the entities linked to it, either way
    is_entity = set(entities)
    for node in is_entity | facts:  # (their own triples only: not the evidence and assertions, most of the graph)
        for s_, p_, o_ in by_subject[node]:
            if s_ in facts and o_ in is_entity:
                neighbours[s_].add(o_)
            if o_ in facts and s_ in is_entity:
                neighbours[o_].add(s_)
    candidates = [f for f in facts if neighbours[f] and neighbours[f] <= kept]

    def rank(fact) -> tuple:
        spans = sum(1 for t in by_subject[fact] if t[1] == evidence_p)
        return -spans, -max(mentions[n] for n in neighbours[fact]), fact

    shown = sorted(candidates, key=rank)[:max_facts]
    kept |= set(shown)
    out, spans, asserted = [], [], []  # spans: the evidence nodes drawn; asserted: each assertion's spans
    for node in sorted(kept):
        evidence = 0
        for t in sorted(by_subject[node], key=lambda t: (t[1], _lexical(t[2]))):
            if t[1] == evidence_p:
                evidence += 1
                if evidence > max_evidence:
                    continue
                spans.append(t[2])
            elif type(t[2]) is str and t[2] in types and types[t[2]] & node_classes and t[2] not in kept:
                continue  # an edge to a node left out
            out.append(t)
    for a, ts in by_subject.items():
        if article_c in types.get(a, ()):
            out += [t for t in ts if t[1] != mentions_p or t[2] in kept]
    for a in {a for a, s_ in about if s_ in kept}:  # assertions between kept nodes
        ts = by_subject[a]
        if all(t[2] in kept for t in ts if t[1] in (subject_p, object_p) and type(t[2]) is str):
            out += [t for t in ts if t[1] != evidence_p] + [t for t in ts if t[1] == evidence_p][:max_evidence]
            asserted.append([t[2] for t in ts if t[1] == evidence_p])
    for n in spans:
        out += by_subject.get(n, ())
    for ns in asserted:
        out += [e for n in ns for e in by_subject.get(n, ())][:max_evidence * 8]
    return out, len(kept) - len(shown), len(entities), len(shown), len(facts)


def evidence_spans(triples: Iterable[tuple]) -> set[str]:
    """The evidence spans plain TRIPLES point to (the objects of their sanad:evidence triples)."""
    evidence_p = str(SANAD.evidence)
    return {t[2] for t in triples if t[1] == evidence_p}


def corpus_triples(data: bytes | tuple[bytes, list[bytes]], memo: ParseMemo | None = None) -> tuple[list[tuple], Callable]:
    """The merge Sanad writes (graph.ttl's bytes, or its prefix lines and statements as
    kg.export.turtle_statements cuts them) for most_mentioned: the plain triples of every node but
    the evidence spans, and the function that gives the evidence rows of the spans asked for
    (SPAN_ROWS: for view_model's SPANS; those not among the statements are left out). At 10,000
    articles the spans are two thirds of the 4.4M triples, and a page draws a few of them: parsing
    all 3M took more time than choosing and drawing the page together, and the page reads nothing
    of a span but its row. MEMO, when given, parses the statements (see ParseMemo)."""
    from kg.export import turtle_statements

    header, statements = turtle_statements(data) if isinstance(data, bytes) else data
    marker = iris.EVIDENCE_FRAGMENT.encode("utf-8")
    spans: dict[bytes, bytes] = {}  # a span's IRI in UTF-8 -> its statement (a span's subject is a full IRI)
    rest: list[bytes] = [] if header else statements  # (not Sanad's document: no span is set apart)
    keep = rest.append
    for statement in statements if header else ():
        if statement.startswith(b"<"):
            end = statement.find(b"> ")
            if end > 0 and statement.find(marker, 0, end) > 0:
                spans[statement[1:end]] = statement
                continue
        keep(statement)
    del statements
    memo = memo or ParseMemo(None)

    def span_rows(nodes: Iterable[str]) -> dict[str, tuple[str, ...]]:
        chosen = [found for found in map(spans.get, (n.encode("utf-8") for n in sorted(nodes))) if found is not None]
        return memo.rows(header, chosen)

    return memo.triples(header, rest), span_rows


class ParseMemo:
    """What the merge's Turtle statements (each one subject's, as kg.export.turtle_statements cuts
    them) give the page, kept between builds by a digest of each statement's bytes in FILE (a build's
    cache; None: none kept): the plain triples (kg.export.plain_triples_of) of the statements it
    chooses from, and the evidence row (see _span_row) of each span it draws. A statement's triples
    follow from its bytes, the prefix lines before it and the parser: a rebuild after one article
    changed parses the few statements that changed. At 10,000 articles parsing what the page reads
    took 6-7 s of every build; reading it back takes under 1 s, and writing it about 2 s, so FILE is
    written again only when more than a hundredth of the statements were parsed anew. (Keyed by the
    statements themselves, FILE was 227 MB, 133 MB of it the keys; digesting them takes 0.27 s.)"""

    def __init__(self, file: Path | None) -> None:
        self.file = file
        self.key: tuple | None = None  # (the prefix lines, the parser, a row's fields) of the statements known
        self.known: dict[bytes, tuple] = {}  # a statement's digest (_digests) -> its triples
        self.known_rows: dict[bytes, tuple] = {}  # a span's statement's digest -> (the span, its row)
        self.used: dict[bytes, tuple] = {}  # the statements this build parsed or read, for FILE
        self.used_rows: dict[bytes, tuple] = {}
        self.parsed = 0  # how many of them it parsed

    def triples(self, header: bytes, statements: list[bytes]) -> list[tuple]:
        """The triples of STATEMENTS, in order, as plain_triples_of(HEADER + the statements) gives them."""
        from kg.export import plain_triples_of

        if not statements:
            return []
        found = self._through(header, statements, self._known(header)[0], self.used, tuple)
        if found is None:
            return plain_triples_of(header + b"\n\n".join(statements), turtle=True)
        return [t for ts in found for t in ts]

    def rows(self, header: bytes, statements: list[bytes]) -> dict[str, tuple[str, ...]]:
        """The evidence row of each span STATEMENTS describe, by span: _span_row of its triples."""
        from kg.export import plain_triples_of

        found = self._through(header, statements, self._known(header)[1], self.used_rows,
                              lambda ts: (ts[0][0], _span_row(ts)))
        if found is None:
            return _span_rows(plain_triples_of(header + b"\n\n".join(statements), turtle=True))
        return dict(found)

    def _through(self, header: bytes, statements: list[bytes], known: dict, used: dict, value: Callable) -> list | None:
        """VALUE of each statement's triples, in order: from KNOWN, or parsed and kept there; each also
        kept in USED, for FILE. None when the statements are not one subject's each (nothing is kept)."""
        keys = _digests(statements)
        missing = [i for i, k in enumerate(keys) if k not in known]
        if missing:
            runs = _runs(header, [statements[i] for i in missing])
            if runs is None:
                return None
            known.update(zip((keys[i] for i in missing), map(value, runs)))
            self.parsed += len(missing)
        found = [known[k] for k in keys]
        used.update(zip(keys, found))
        return found

    def _known(self, header: bytes) -> tuple[dict, dict]:
        key = _parse_key(header)
        if self.key != key:
            self.key = key
            self.known, self.known_rows = self._read(key)
        return self.known, self.known_rows

    def _read(self, key: tuple) -> tuple[dict, dict]:
        from kg.cache import read_memo

        saved = read_memo(self.file) if self.file is not None else None
        if saved is not None and saved[0] == key and isinstance(saved[1], tuple) and len(saved[1]) == 2 \
                and all(isinstance(d, dict) for d in saved[1]):
            return saved[1]
        return {}, {}

    def save(self) -> None:
        """Keep the statements this build used in FILE, when enough of them were parsed anew."""
        from kg.cache import write_memo

        if self.file is not None and self.parsed * 100 > len(self.used) + len(self.used_rows):
            write_memo(self.file, self.key, (self.used, self.used_rows))


def _digests(statements: list[bytes]) -> list[bytes]:
    """ParseMemo's key of each statement: its BLAKE2b digest, 16 bytes."""
    return [hashlib.blake2b(s, digest_size=16).digest() for s in statements]


def _runs(header: bytes, statements: list[bytes]) -> list[list] | None:
    """The plain triples of each of STATEMENTS, one subject's each, or None when they are not."""
    from kg.export import plain_triples_of

    runs: list[list] = []
    subject = None
    for t in plain_triples_of(header + b"\n\n".join(statements), turtle=True):
        if t[0] != subject:  # (a subject is an IRI: never None)
            subject = t[0]
            runs.append([])
        runs[-1].append(t)
    return runs if len(runs) == len(statements) else None


def _parse_key(header: bytes) -> tuple:
    """What a statement's triples and row follow from besides its bytes: the prefix lines, the parser,
    and the fields of a row (and how a statement is keyed)."""
    import pyoxigraph

    return header, pyoxigraph.__version__, tuple((key, default) for _, key, default in _SPAN_FIELDS), "blake2b-16"


def _span_rows(triples: Iterable[tuple]) -> dict[str, tuple[str, ...]]:
    """The evidence row (_span_row) of each span among plain TRIPLES."""
    marker = iris.EVIDENCE_FRAGMENT
    by_span: dict = defaultdict(list)
    for t in triples:
        if marker in t[0]:
            by_span[t[0]].append(t)
    return {span: _span_row(ts) for span, ts in by_span.items()}


def _span_row(triples: Iterable[tuple]) -> tuple[str, ...]:
    """A span's row values, for view_model's SPANS, from its plain TRIPLES: the lexical form of its
    first value by _plain_key (the order _Index.one reads rdflib terms in) of each of _SPAN_FIELDS, or
    the field's default."""
    first: list = [None] * len(_SPAN_FIELDS)
    for _, p, o in triples:
        i = _SPAN_FIELD.get(p)
        if i is not None and (first[i] is None or _plain_key(o) < _plain_key(first[i])):
            first[i] = o
    return tuple(default if o is None else _lexical(o) for o, (_, _, default) in zip(first, _SPAN_FIELDS))


def _lexical(term) -> str:
    """A plain term's text: the IRI, or a literal's lexical form (rdflib's str() of the same term)."""
    return term if type(term) is str else term.value


def render_html(ds: Dataset, title: str = TITLE, **options) -> str:
    """The page of DS; OPTIONS go to view_model."""
    return page_html(view_model(ds, **options), title)


def write_html(ds: Dataset, path: Path, **options) -> None:
    from kg.export import write_atomic

    write_atomic(path, render_html(ds, **options).encode("utf-8"))
