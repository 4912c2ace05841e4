"""The Sanad vocabulary as an rdflib DefinedNamespace.

GENERATED from ontology/sanad.ttl (ontology version 0.1.0); do not edit by hand.
Regenerate with:

    python -m kg.tools.vocab ontology/sanad.ttl > kg/vocab.py
"""

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace


class SANAD(DefinedNamespace):
    """Terms of https://w3id.org/sanad/ontology; an unknown name raises AttributeError."""

    _NS = Namespace("https://w3id.org/sanad/ontology#")
    _fail = True

    AcquiHire: URIRef  # Acqui-hire: class < Deal
    Acquisition: URIRef  # Acquisition: class < Deal
    Article: URIRef  # Article: class < prov:Entity, schema:NewsArticle
    Assertion: URIRef  # Assertion: class < rdf:Statement
    Company: URIRef  # Company: class < Organization, schema:Corporation
    Deal: URIRef  # Deal: class < prov:Activity, schema:Event
    Evidence: URIRef  # Evidence: class < oa:TextPositionSelector, oa:TextQuoteSelector
    HardwareMention: URIRef  # Hardware mention: class
    HardwareModel: URIRef  # Hardware model: class < schema:ProductModel
    Investment: URIRef  # Investment: class < Deal
    LicensingDeal: URIRef  # Licensing deal: class < Deal
    MediaOutlet: URIRef  # Media outlet: class < Organization, schema:NewsMediaOrganization
    MonetaryAmount: URIRef  # Monetary amount: class < schema:MonetaryAmount
    Organization: URIRef  # Organization: class < org:Organization, schema:Organization
    Person: URIRef  # Person: class < foaf:Person, schema:Person
    Position: URIRef  # Position: class < org:Membership
    Quote: URIRef  # Quote: class < schema:Quotation
    acquirer: URIRef  # acquirer: Deal -> Organization
    age: URIRef  # age: Person -> xsd:integer
    amount: URIRef  # amount: * -> MonetaryAmount
    confidence: URIRef  # confidence: * -> xsd:decimal[0..1]
    contentHash: URIRef  # content hash: Article -> xsd:string
    currency: URIRef  # currency: MonetaryAmount -> xsd:string
    describedAs: URIRef  # described as: Person -> rdf:langString
    end: URIRef  # end: Evidence -> xsd:nonNegativeInteger
    evidence: URIRef  # evidence: * -> Evidence
    exact: URIRef  # exact: Evidence -> xsd:string
    extractedBy: URIRef  # extracted by: * -> xsd:string
    formerlyWorkedFor: URIRef  # formerly worked for: Person -> Organization
    founded: URIRef  # founded: Person -> Organization
    hardware: URIRef  # hardware: HardwareMention -> HardwareModel
    headline: URIRef  # headline: Article -> rdf:langString
    hired: URIRef  # hired: Organization -> Person
    hires: URIRef  # hires: Deal -> Person
    holdsPosition: URIRef  # holds position: Person -> Position
    investee: URIRef  # investee: Deal -> Organization|Person
    investor: URIRef  # investor: Deal -> Organization|Person
    isCurrent: URIRef  # is current: Position -> xsd:boolean
    language: URIRef  # language: Article -> xsd:string
    licensee: URIRef  # licensee: Deal -> Organization
    licensor: URIRef  # licensor: Deal -> Organization
    manufacturer: URIRef  # manufacturer: HardwareModel -> Company
    mentions: URIRef  # mentions: Article -> *
    namesEntity: URIRef  # names entity: Quote -> *
    organization: URIRef  # organization: Position -> Organization
    outletName: URIRef  # outlet name: Article -> xsd:string
    partOf: URIRef  # part of: Organization -> Organization
    party: URIRef  # party: Deal -> Organization|Person
    prefix: URIRef  # prefix: Evidence -> xsd:string
    published: URIRef  # published: Article -> xsd:string
    quantity: URIRef  # quantity: HardwareMention -> xsd:integer
    reportedBy: URIRef  # reported by: * -> MediaOutlet
    resolvedBy: URIRef  # resolved by: Evidence -> xsd:string
    source: URIRef  # source: Evidence -> Article
    speaker: URIRef  # speaker: Quote -> Person
    start: URIRef  # start: Evidence -> xsd:nonNegativeInteger
    status: URIRef  # status: Deal -> xsd:string
    suffix: URIRef  # suffix: Evidence -> xsd:string
    target: URIRef  # target: Deal -> Organization
    text: URIRef  # text: Quote -> rdf:langString
    title: URIRef  # title: Position -> rdf:langString
    url: URIRef  # URL: Article -> xsd:anyURI
    value: URIRef  # value: MonetaryAmount -> xsd:decimal
    worksFor: URIRef  # works for: Person -> Organization
