"""Stage 4: Extractions become RDF, one named graph per article, named by the article's IRI.
Every entity and fact node carries its evidence; every direct triple between two entities is
backed by a sanad:Assertion that names it and holds its evidence and extractor.

The stage writes terms as N-Triples strings (`kg.export.nt_term`'s exact forms), not rdflib
objects: a 10,000-article corpus has millions of triples, and plain strings are what the writers
sort and print anyway. `to_dataset` gives an rdflib Dataset of the same triples for the stages
that want one (validation, the explorer, notebooks).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from decimal import Decimal
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Dataset, Graph
from rdflib.namespace import OWL, SKOS

from kg import iris
from kg.defaults import INSTANCE_BASE, PREFIXES
from kg.export import nquads_line, nt_literal, parse_nquads, safe_iri
from kg.model import Article, Extraction, Span
from kg.text import sentences
from kg.vocab import SANAD

CONTEXT_CHARS = 240  # at most this much of the evidence sentence on each side of the span
Triple = tuple[str, str, str]  # N-Triples terms


def _nt(iri) -> str:
    return f"<{iri}>"


A = _nt(RDF.type)
_T = {name: _nt(SANAD[name]) for name in (
    "Article", "contentHash", "language", "headline", "url", "outletName", "published", "mentions", "describedAs",
    "resolvedBy", "Position", "holdsPosition", "organization", "title", "isCurrent", "Quote", "speaker", "text",
    "namesEntity", "HardwareMention", "hardware", "quantity", "Deal", "amount", "reportedBy", "status", "evidence", "Evidence",
    "source", "start", "end", "exact", "prefix", "suffix", "confidence", "extractedBy", "Assertion",
    "MonetaryAmount", "value", "currency")}
LABEL, PREF, ALT, SAME_AS = _nt(RDFS.label), _nt(SKOS.prefLabel), _nt(SKOS.altLabel), _nt(OWL.sameAs)
R_SUBJECT, R_PREDICATE, R_OBJECT = _nt(RDF.subject), _nt(RDF.predicate), _nt(RDF.object)
CLASSES = {
    "Person": (_nt(SANAD.Person),),
    "Company": (_nt(SANAD.Company), _nt(SANAD.Organization)),
    "MediaOutlet": (_nt(SANAD.MediaOutlet), _nt(SANAD.Organization)),
    "Organization": (_nt(SANAD.Organization),),
    "HardwareModel": (_nt(SANAD.HardwareModel),),
}
DEAL_KINDS = {k: _nt(SANAD[k]) for k in ("Deal", "LicensingDeal", "Acquisition", "Investment", "AcquiHire")}
_INTEGER, _NONNEG, _DECIMAL, _BOOLEAN, _ANYURI = (str(XSD.integer), str(XSD.nonNegativeInteger), str(XSD.decimal),
                                                   str(XSD.boolean), str(XSD.anyURI))


def new_dataset() -> Dataset:
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns, override=True, replace=True)
    return ds


def to_dataset(extractions: list[Extraction], base: str = INSTANCE_BASE) -> Dataset:
    """An rdflib Dataset of the articles' graphs (for validation, the explorer and notebooks)."""
    lines = []
    for ex in extractions:
        g = _nt(iris.iri(ex.article.key, base))
        lines += [nquads_line(t, g) for t in article_triples(ex, base)]
    return parse_nquads(lines)


def article_graph(ex: Extraction, g: Graph, base: str = INSTANCE_BASE) -> Graph:
    """Add one article's triples to the rdflib graph G."""
    for t in parse_nquads([nquads_line(t, None) for t in article_triples(ex, base)]).quads():
        g.add(t[:3])
    return g


def graph_name(ex: Extraction, base: str = INSTANCE_BASE) -> str:
    return _nt(safe_iri(str(iris.iri(ex.article.key, base))))


def article_triples(ex: Extraction, base: str = INSTANCE_BASE) -> set[Triple]:
    """One article's graph as a set of N-Triples-term triples."""
    return article_rdf(ex, base)[0]


def article_rdf(ex: Extraction, base: str = INSTANCE_BASE) -> tuple[set[Triple], set[str]]:
    """One article's triples, and its own nodes: those named from the article's key (the article,
    its evidence, assertions and hardware mentions), which no other article's graph describes."""
    a = ex.article
    w = _Writer(a, base)
    add = w.triples.add
    art = w.own(a.key)
    add((art, A, _T["Article"]))
    add((art, _T["contentHash"], nt_literal(a.sha256)))
    add((art, _T["language"], nt_literal(a.language)))
    if a.title:
        add((art, _T["headline"], nt_literal(a.title, lang=a.language)))
    if a.url:
        add((art, _T["url"], nt_literal(as_uri(a.url), datatype=_ANYURI)))
    if a.outlet:
        add((art, _T["outletName"], nt_literal(a.outlet)))
    if a.published:
        add((art, _T["published"], nt_literal(a.published)))

    for key, ent in ex.entities.items():
        node = w.node(key)
        add((art, _T["mentions"], node))
        for cls in CLASSES[ent.etype]:
            add((node, A, cls))
        for text, lang in ent.labels:
            label = nt_literal(text, lang=lang)
            add((node, LABEL, label))
            add((node, PREF, label))
            if ent.described:
                add((node, _T["describedAs"], label))
        for text, lang in ent.alt_labels:
            add((node, ALT, nt_literal(text, lang=lang)))
        if ent.wikidata:
            add((node, SAME_AS, _nt(iris.wikidata_iri(ent.wikidata))))
    for m in ex.mentions:
        ev = w.evidence(w.node(m.key), m.span)
        add((ev, _T["resolvedBy"], nt_literal(m.how)))

    facts: dict[tuple[str, str, str], list] = defaultdict(list)
    for r in ex.relations:
        facts[(r.subject, r.predicate, r.object)].append(r)
    for (s, p, o), found in sorted(facts.items()):
        add((w.node(s), _nt(SANAD[p]), w.node(o)))
        w.assertion(s, p, w.node(o), str(iris.iri(o, base)), found)
    for t in ex.attributes:
        value = nt_literal(str(t.value), datatype=_INTEGER)
        add((w.node(t.subject), _nt(SANAD[t.predicate]), value))
        w.assertion(t.subject, t.predicate, value, str(t.value), [t])

    for pos in ex.positions:
        role = pos.role if pos.current else f"former-{pos.role}"
        node = w.node(iris.position_key(pos.person, pos.org, role))
        add((w.node(pos.person), _T["holdsPosition"], node))
        add((node, A, _T["Position"]))
        add((node, _T["organization"], w.node(pos.org)))
        add((node, _T["title"], nt_literal(pos.title, lang=pos.title_lang)))
        add((node, _T["isCurrent"], nt_literal("true" if pos.current else "false", datatype=_BOOLEAN)))
        w.provenance(node, pos.evidence, pos.confidence, pos.rule)

    named = sorted((m.span.start, m.span.end, m.key) for m in ex.mentions)
    for q in ex.quotes:
        node = w.node(iris.quote_key(q.speaker, q.text))
        add((node, A, _T["Quote"]))
        add((node, _T["speaker"], w.node(q.speaker)))
        add((node, _T["text"], nt_literal(q.text, lang=q.lang)))
        w.provenance(node, q.evidence, None, q.rule)
        for start, end, key in named[bisect_left(named, (q.evidence.start,)):]:  # mentions inside the quote
            if start >= q.evidence.end:
                break
            if end <= q.evidence.end and key != q.speaker:
                add((node, _T["namesEntity"], w.node(key)))

    for h in ex.hardware:
        node = w.own(iris.hardware_mention_key(a.key, h.model, h.quantity, h.evidence.start))
        add((node, A, _T["HardwareMention"]))
        add((node, _T["hardware"], w.node(h.model)))
        add((node, _T["quantity"], nt_literal(str(h.quantity), datatype=_INTEGER)))
        w.provenance(node, h.evidence, None, h.rule)

    for m in ex.amounts:
        w.amount(m)

    for d in ex.deals:
        parties = [p for role, p in d.roles if role != "hires" and p.startswith("org/")] or [p for _, p in d.roles]
        if "Investment" in d.kinds and d.kinds == ("Investment",):
            # a funding round is named by the company raising and its amount: one company raises many rounds
            investee = [p for role, p in d.roles if role == "investee"]
            parties = investee + [f"round-{m.currency}-{m.value}" for m in d.amounts[:1]] if investee else parties
        node = w.node(iris.deal_key(parties))
        for kind in d.kinds:
            add((node, A, DEAL_KINDS[kind]))
        add((node, A, DEAL_KINDS["Deal"]))
        for role, key in d.roles:
            add((node, _nt(SANAD[role]), w.node(key)))
        for m in d.amounts:
            add((node, _T["amount"], w.amount(m)))
        for outlet in d.reported_by:
            add((node, _T["reportedBy"], w.node(outlet)))
        if d.status:
            add((node, _T["status"], nt_literal(d.status)))
        for span in d.evidence:
            w.provenance(node, span, d.confidence, d.rule)
    return w.finish(), w.owned


class _Writer:
    def __init__(self, article: Article, base: str) -> None:
        self.article, self.base = article, base
        self.sentences = sentences(article.text)
        self.starts = [start for start, _ in self.sentences]
        self.triples: set[Triple] = set()
        self.nodes: dict[str, str] = {}
        self.evidences: set[str] = set()
        self.confidence: dict[str, Decimal] = {}
        self.owned: set[str] = set()

    def own(self, key: str) -> str:
        node = self.node(key)
        self.owned.add(node)
        return node

    def node(self, key: str) -> str:
        try:
            return self.nodes[key]
        except KeyError:
            return self.nodes.setdefault(key, _nt(safe_iri(str(iris.iri(key, self.base)))))

    def finish(self) -> set[Triple]:
        for node, value in self.confidence.items():
            self.triples.add((node, _T["confidence"], decimal_literal(value)))
        return self.triples

    def evidence(self, subject: str, span: Span) -> str:
        add = self.triples.add
        ev = self.own(iris.evidence_key(self.article.key, span))
        add((subject, _T["evidence"], ev))
        if ev not in self.evidences:
            self.evidences.add(ev)
            add((ev, A, _T["Evidence"]))
            add((ev, _T["source"], self.node(self.article.key)))
            add((ev, _T["start"], nt_literal(str(span.start), datatype=_NONNEG)))
            add((ev, _T["end"], nt_literal(str(span.end), datatype=_NONNEG)))
            add((ev, _T["exact"], nt_literal(span.exact)))
            prefix, suffix = self.context(span)
            add((ev, _T["prefix"], nt_literal(prefix)))
            add((ev, _T["suffix"], nt_literal(suffix)))
        return ev

    def context(self, span: Span) -> tuple[str, str]:
        """The rest of the evidence sentence before and after the span (empty across sentences)."""
        text = self.article.text
        i = bisect_right(self.starts, span.start) - 1  # the last sentence starting at or before the span
        while i >= 0:  # sentences do not overlap, so at most the few ending before the span are skipped
            start, end = self.sentences[i]
            if start <= span.start and span.end <= end:
                return text[max(start, span.start - CONTEXT_CHARS):span.start], text[span.end:min(end, span.end + CONTEXT_CHARS)]
            if end <= span.start:
                break
            i -= 1
        return "", ""

    def provenance(self, node: str, span: Span, confidence: Decimal | None, rule: str) -> None:
        self.evidence(node, span)
        if confidence is not None:
            old = self.confidence.get(node)
            if old is None or old < confidence:
                self.confidence[node] = Decimal(confidence)
        self.triples.add((node, _T["extractedBy"], nt_literal(rule)))

    def assertion(self, s: str, p: str, obj: str, obj_key: str, found: list) -> None:
        node = self.own(iris.assertion_key(self.article.key, s, p, obj_key))
        add = self.triples.add
        add((node, A, _T["Assertion"]))
        add((node, R_SUBJECT, self.node(s)))
        add((node, R_PREDICATE, _nt(SANAD[p])))
        add((node, R_OBJECT, obj))
        for f in sorted(found, key=lambda f: (f.evidence, f.rule)):
            self.provenance(node, f.evidence, getattr(f, "confidence", None), f.rule)

    def amount(self, m) -> str:
        node = self.node(iris.amount_key(m.value, m.currency))
        add = self.triples.add
        add((node, A, _T["MonetaryAmount"]))
        add((node, _T["value"], decimal_literal(m.value)))
        add((node, _T["currency"], nt_literal(m.currency)))
        self.provenance(node, m.span, None, "sanad.money.amount.v1")
        return node


def as_uri(url: str) -> str:
    """An IRI as a URI: non-ASCII characters and spaces percent-encoded, so xsd:anyURI is valid.

    >>> as_uri("https://x.com/ميتا تدفع")
    'https://x.com/%D9%85%D9%8A%D8%AA%D8%A7%20%D8%AA%D8%AF%D9%81%D8%B9'
    """
    return quote(url.strip(), safe=":/?#[]@!$&'()*+,;=%~-._")


def decimal_literal(value: Decimal) -> str:
    """The XSD canonical form (a digit on each side of the point: 650.0, 0.6), so that every
    serialization parses back to the same term."""
    text = format(Decimal(value).normalize(), "f")
    return nt_literal(text if "." in text else text + ".0", datatype=_DECIMAL)

