"""Stage 4: Extractions become an rdflib Dataset, one named graph per article, named by the
article's IRI. Every entity and fact node carries its evidence; every direct triple between two
entities is backed by a sanad:Assertion that names it and holds its evidence and extractor."""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, SKOS

from kg import iris
from kg.defaults import INSTANCE_BASE, PREFIXES
from kg.model import Article, Extraction, Span
from kg.text import sentences
from kg.vocab import SANAD

CONTEXT_CHARS = 240  # at most this much of the evidence sentence on each side of the span
CLASSES = {
    "Person": (SANAD.Person,),
    "Company": (SANAD.Company, SANAD.Organization),
    "MediaOutlet": (SANAD.MediaOutlet, SANAD.Organization),
    "Organization": (SANAD.Organization,),
    "HardwareModel": (SANAD.HardwareModel,),
}
DEAL_KINDS = {"Deal": SANAD.Deal, "LicensingDeal": SANAD.LicensingDeal, "Acquisition": SANAD.Acquisition,
              "Investment": SANAD.Investment, "AcquiHire": SANAD.AcquiHire}


def new_dataset() -> Dataset:
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns, override=True, replace=True)
    return ds


def to_dataset(extractions: list[Extraction], base: str = INSTANCE_BASE) -> Dataset:
    ds = new_dataset()
    for ex in sorted(extractions, key=lambda e: e.article.key):
        article_graph(ex, ds.graph(iris.iri(ex.article.key, base)), base)
    return ds


def article_graph(ex: Extraction, g: Graph, base: str = INSTANCE_BASE) -> Graph:
    a = ex.article
    writer = _Writer(g, a, base)
    art = writer.node(a.key)
    g.add((art, RDF.type, SANAD.Article))
    g.add((art, SANAD.contentHash, Literal(a.sha256)))
    g.add((art, SANAD.language, Literal(a.language)))
    if a.title:
        g.add((art, SANAD.headline, Literal(a.title, lang=a.language)))
    if a.url:
        g.add((art, SANAD.url, Literal(as_uri(a.url), datatype=XSD.anyURI)))
    if a.outlet:
        g.add((art, SANAD.outletName, Literal(a.outlet)))
    if a.published:
        g.add((art, SANAD.published, Literal(a.published)))

    for key, ent in ex.entities.items():
        node = writer.node(key)
        g.add((art, SANAD.mentions, node))
        for cls in CLASSES[ent.etype]:
            g.add((node, RDF.type, cls))
        for text, lang in ent.labels:
            g.add((node, RDFS.label, Literal(text, lang=lang)))
            g.add((node, SKOS.prefLabel, Literal(text, lang=lang)))
            if ent.described:
                g.add((node, SANAD.describedAs, Literal(text, lang=lang)))
        for text, lang in ent.alt_labels:
            g.add((node, SKOS.altLabel, Literal(text, lang=lang)))
        if ent.wikidata:
            g.add((node, OWL.sameAs, iris.wikidata_iri(ent.wikidata)))
    for m in ex.mentions:
        ev = writer.evidence(writer.node(m.key), m.span)
        g.add((ev, SANAD.resolvedBy, Literal(m.how)))

    facts: dict[tuple[str, str, str], list] = defaultdict(list)
    for r in ex.relations:
        facts[(r.subject, r.predicate, r.object)].append(r)
    for (s, p, o), found in sorted(facts.items()):
        g.add((writer.node(s), SANAD[p], writer.node(o)))
        writer.assertion(s, p, writer.node(o), found)
    for t in ex.attributes:
        g.add((writer.node(t.subject), SANAD[t.predicate], Literal(t.value, datatype=XSD.integer)))
        writer.assertion(t.subject, t.predicate, Literal(t.value, datatype=XSD.integer), [t])

    for pos in ex.positions:
        role = pos.role if pos.current else f"former-{pos.role}"
        node = writer.node(iris.position_key(pos.person, pos.org, role))
        g.add((writer.node(pos.person), SANAD.holdsPosition, node))
        g.add((node, RDF.type, SANAD.Position))
        g.add((node, SANAD.organization, writer.node(pos.org)))
        g.add((node, SANAD.title, Literal(pos.title, lang=pos.title_lang)))
        g.add((node, SANAD.isCurrent, Literal(pos.current)))
        writer.provenance(node, pos.evidence, pos.confidence, pos.rule)

    for q in ex.quotes:
        node = writer.node(iris.quote_key(q.speaker, q.text))
        g.add((node, RDF.type, SANAD.Quote))
        g.add((node, SANAD.speaker, writer.node(q.speaker)))
        g.add((node, SANAD.text, Literal(q.text, lang=q.lang)))
        writer.provenance(node, q.evidence, None, q.rule)

    for h in ex.hardware:
        node = writer.node(iris.hardware_mention_key(a.key, h.model, h.quantity, h.evidence.start))
        g.add((node, RDF.type, SANAD.HardwareMention))
        g.add((node, SANAD.hardware, writer.node(h.model)))
        g.add((node, SANAD.quantity, Literal(h.quantity, datatype=XSD.integer)))
        writer.provenance(node, h.evidence, None, h.rule)

    for m in ex.amounts:
        writer.amount(m)

    for d in ex.deals:
        parties = [p for role, p in d.roles if role != "hires" and p.startswith("org/")] or [p for _, p in d.roles]
        if "Investment" in d.kinds and d.kinds == ("Investment",):
            # a funding round is named by the company raising and its amount: one company raises many rounds
            investee = [p for role, p in d.roles if role == "investee"]
            parties = investee + [f"round-{m.currency}-{m.value}" for m in d.amounts[:1]] if investee else parties
        node = writer.node(iris.deal_key(parties))
        for kind in d.kinds:
            g.add((node, RDF.type, DEAL_KINDS[kind]))
        g.add((node, RDF.type, SANAD.Deal))
        for role, key in d.roles:
            g.add((node, SANAD[role], writer.node(key)))
        for m in d.amounts:
            g.add((node, SANAD.amount, writer.amount(m)))
        for outlet in d.reported_by:
            g.add((node, SANAD.reportedBy, writer.node(outlet)))
        if d.status:
            g.add((node, SANAD.status, Literal(d.status)))
        for span in d.evidence:
            writer.provenance(node, span, d.confidence, d.rule)
    return g


class _Writer:
    def __init__(self, g: Graph, article: Article, base: str) -> None:
        self.g, self.article, self.base = g, article, base
        self.sentences = sentences(article.text)

    def node(self, key: str) -> URIRef:
        return iris.iri(key, self.base)

    def evidence(self, subject: URIRef, span: Span) -> URIRef:
        g = self.g
        ev = self.node(iris.evidence_key(self.article.key, span))
        g.add((subject, SANAD.evidence, ev))
        if (ev, RDF.type, SANAD.Evidence) not in g:
            g.add((ev, RDF.type, SANAD.Evidence))
            g.add((ev, SANAD.source, self.node(self.article.key)))
            g.add((ev, SANAD.start, Literal(span.start, datatype=XSD.nonNegativeInteger)))
            g.add((ev, SANAD.end, Literal(span.end, datatype=XSD.nonNegativeInteger)))
            g.add((ev, SANAD.exact, Literal(span.exact)))
            prefix, suffix = self.context(span)
            g.add((ev, SANAD.prefix, Literal(prefix)))
            g.add((ev, SANAD.suffix, Literal(suffix)))
        return ev

    def context(self, span: Span) -> tuple[str, str]:
        """The rest of the evidence sentence before and after the span (empty across sentences)."""
        text = self.article.text
        for start, end in self.sentences:
            if start <= span.start and span.end <= end:
                return text[max(start, span.start - CONTEXT_CHARS):span.start], text[span.end:min(end, span.end + CONTEXT_CHARS)]
        return "", ""

    def provenance(self, node: URIRef, span: Span, confidence: Decimal | None, rule: str) -> None:
        self.evidence(node, span)
        if confidence is not None:
            old = [o for o in self.g.objects(node, SANAD.confidence)]
            if not old or Decimal(str(old[0])) < confidence:
                for o in old:
                    self.g.remove((node, SANAD.confidence, o))
                self.g.add((node, SANAD.confidence, _decimal(confidence)))
        self.g.add((node, SANAD.extractedBy, Literal(rule)))

    def assertion(self, s: str, p: str, obj, found: list) -> None:
        node = self.node(iris.assertion_key(self.article.key, s, p, str(obj)))
        g = self.g
        g.add((node, RDF.type, SANAD.Assertion))
        g.add((node, RDF.subject, self.node(s)))
        g.add((node, RDF.predicate, SANAD[p]))
        g.add((node, RDF.object, obj))
        for f in sorted(found, key=lambda f: (f.evidence, f.rule)):
            self.provenance(node, f.evidence, getattr(f, "confidence", None), f.rule)

    def amount(self, m) -> URIRef:
        node = self.node(iris.amount_key(m.value, m.currency))
        self.g.add((node, RDF.type, SANAD.MonetaryAmount))
        self.g.add((node, SANAD.value, _decimal(m.value)))
        self.g.add((node, SANAD.currency, Literal(m.currency)))
        self.provenance(node, m.span, None, "sanad.money.amount.v1")
        return node


def as_uri(url: str) -> str:
    """An IRI as a URI: non-ASCII characters and spaces percent-encoded, so xsd:anyURI is valid.

    >>> as_uri("https://x.com/ميتا تدفع")
    'https://x.com/%D9%85%D9%8A%D8%AA%D8%A7%20%D8%AA%D8%AF%D9%81%D8%B9'
    """
    return quote(url.strip(), safe=":/?#[]@!$&'()*+,;=%~-._")


def _decimal(value: Decimal) -> Literal:
    """The XSD canonical form (a digit on each side of the point: 650.0, 0.6), so that every
    serialization parses back to the same term."""
    text = format(Decimal(value).normalize(), "f")
    return Literal(text if "." in text else text + ".0", datatype=XSD.decimal)
