"""Frozen, ordered values passed between the pipeline's stages. No rdflib here.

Entities and facts refer to each other by *key* (`person/naveen-rao`, `org/google`), the
path of the IRI below the instance base; `kg.iris` turns keys into IRIs.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True, order=True)
class Span:
    """Characters `start:end` (code points, end exclusive) of an article's text."""

    start: int
    end: int
    exact: str


@dataclass(frozen=True)
class Article:
    key: str  # "article/databricks-talent-wars.ar"
    path: str
    text: str
    language: str  # "ar" or "en"
    sha256: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None


@dataclass(frozen=True, order=True)
class Token:
    start: int
    end: int
    text: str
    norm: str
    script: str  # "ar", "latin", "num", "punct"


@dataclass(frozen=True, order=True)
class Mention:
    """A stretch of text that names (or describes, or refers back to) an entity."""

    span: Span
    key: str  # entity key
    etype: str  # Person, Company, MediaOutlet, Organization, HardwareModel
    how: str  # lexicon, surface, surname, described, anaphor


@dataclass(frozen=True, order=True)
class Entity:
    key: str
    etype: str
    labels: tuple[tuple[str, str], ...]  # (text, lang): the preferred label per language
    alt_labels: tuple[tuple[str, str], ...] = ()
    wikidata: str | None = None
    described: bool = False  # a person the article describes but does not name


@dataclass(frozen=True, order=True)
class Money:
    span: Span
    value: Decimal
    currency: str


@dataclass(frozen=True, order=True)
class Relation:
    """A direct statement between two entities, e.g. person worksFor org."""

    subject: str
    predicate: str  # a sanad property local name
    object: str
    evidence: Span
    confidence: Decimal
    rule: str


@dataclass(frozen=True, order=True)
class Position:
    person: str
    org: str
    title: str
    title_lang: str
    role: str  # canonical role key, e.g. "ceo", "vp"
    current: bool
    evidence: Span
    confidence: Decimal
    rule: str


@dataclass(frozen=True, order=True)
class Quote:
    speaker: str
    text: str
    lang: str
    evidence: Span
    rule: str


@dataclass(frozen=True, order=True)
class HardwareMention:
    model: str
    quantity: int
    evidence: Span
    rule: str


@dataclass(frozen=True, order=True)
class Attribute:
    subject: str
    predicate: str  # "age"
    value: int
    evidence: Span
    rule: str


@dataclass(frozen=True, order=True)
class Deal:
    kinds: tuple[str, ...]  # "Deal", "LicensingDeal", "Acquisition", "Investment", "AcquiHire"
    roles: tuple[tuple[str, str], ...]  # (role property, entity key), sorted
    amounts: tuple[Money, ...]
    reported_by: tuple[str, ...]
    evidence: tuple[Span, ...]
    status: str | None
    confidence: Decimal
    rule: str


@dataclass
class Extraction:
    """Everything read from one article: what the RDF stage turns into its named graph."""

    article: Article
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    relations: set[Relation] = field(default_factory=set)
    positions: set[Position] = field(default_factory=set)
    quotes: set[Quote] = field(default_factory=set)
    hardware: set[HardwareMention] = field(default_factory=set)
    amounts: set[Money] = field(default_factory=set)
    attributes: set[Attribute] = field(default_factory=set)
    deals: list[Deal] = field(default_factory=list)
    # what the extraction was made from, when known: the extraction cache's key (the article, its metadata
    # and the rules), with any cross-article renames (kg.resolve.rekey); equal origins, equal extractions
    origin: str = field(default="", repr=False, compare=False)
