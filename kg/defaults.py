"""Every constant that is not an ontology term: paths, IRI base, formats, limits."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = ROOT / "ontology"
ONTOLOGY_FILE = ONTOLOGY_DIR / "sanad.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
LEXICON_DIR = ROOT / "lexicon"
QUERIES_DIR = ROOT / "queries"
SEEDS_DIR = ROOT / "seeds"
BUILD_DIR = Path("build")

ONTOLOGY_NS = "https://w3id.org/sanad/ontology#"
INSTANCE_BASE = "https://w3id.org/sanad/id/"
WIKIDATA = "http://www.wikidata.org/entity/"
CHECK_ONTOLOGY = "https://w3id.org/sanad/check"  # the throwaway ontology the reasoner loads data into

ARTICLE_SUFFIXES = (".txt", ".md")
META_SUFFIX = ".meta.json"
META_FIELDS = {"title": str, "url": str, "outlet": str, "published": str, "language": str}
MAX_ARTICLE_BYTES = 20 * 1024 * 1024

# Prefixes bound in every serialisation, in this order.
PREFIXES = {
    "sanad": ONTOLOGY_NS,
    "person": INSTANCE_BASE + "person/",
    "org": INSTANCE_BASE + "org/",
    "hw": INSTANCE_BASE + "hardware/",
    "article": INSTANCE_BASE + "article/",
    "deal": INSTANCE_BASE + "deal/",
    "quote": INSTANCE_BASE + "quote/",
    "position": INSTANCE_BASE + "position/",
    "amount": INSTANCE_BASE + "amount/",
    "assertion": INSTANCE_BASE + "assertion/",
    "hwmention": INSTANCE_BASE + "hardware-mention/",
    "id": INSTANCE_BASE,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "wd": WIKIDATA,
}

# RDF export formats: name -> (rdflib format, file suffix, media type, holds named graphs)
EXPORT_FORMATS = {
    "turtle": ("turtle", ".ttl", "text/turtle", False),
    "ntriples": ("nt", ".nt", "application/n-triples", False),
    "nquads": ("nquads", ".nq", "application/n-quads", True),
    "trig": ("trig", ".trig", "application/trig", True),
    "jsonld": ("json-ld", ".jsonld", "application/ld+json", True),
    "rdfxml": ("xml", ".rdf", "application/rdf+xml", False),
}
SUFFIX_FORMATS = {spec[1]: name for name, spec in EXPORT_FORMATS.items()} | {".owl": "rdfxml"}
# Exports that are not RDF: property graphs (kg/propertygraph.py) and the ontology's own forms (kg/owl.py)
GRAPH_EXPORT_FORMATS = {"neo4j": "a folder", "graphml": ".graphml"}
ONTOLOGY_EXPORT_FORMATS = {"rdfxml": ".owl", "ofn": ".ofn", "context": ".jsonld"}

QUERY_FORMATS = ("table", "csv", "tsv", "json")

# Build outputs
GRAPH_TTL = "graph.ttl"
GRAPH_TRIG = "graph.trig"
GRAPH_HTML = "graph.html"
CACHE_DIR = ".cache/extractions"
LOCK_FILE = ".lock"  # held by a running kg build

# The persistent store (DIR/store/, derived from DIR/graph.trig; not a golden output)
STORE_DIR = "store"
STORE_MANIFEST = "sanad-store.json"  # inside the store: what it was loaded from, to tell when it is stale

# `kg serve`: the SPARQL endpoint
SERVE_HOST = "127.0.0.1"
SERVE_PORT = 8000
SERVE_TIMEOUT = 10.0  # seconds a query or update may run before it is stopped
SERVE_MAX_RESULTS = 10_000  # rows of a SELECT, triples of a CONSTRUCT/DESCRIBE or a graph store GET
SERVE_MAX_BODY = 1024 * 1024  # bytes of a request body

# Exports (kg/export.py): blank nodes become IRIs under SKOLEM_BASE; the JSON-LD context
CONTEXT_FILE = ONTOLOGY_DIR / "context.jsonld"  # generated from the ontology: kg export --ontology --format context
CONTEXT_IRI = "https://w3id.org/sanad/context.jsonld"  # where ontology/context.jsonld is published
SKOLEM_BASE = INSTANCE_BASE + ".well-known/genid/"
OWL_FILE = ONTOLOGY_DIR / "sanad.owl"  # RDF/XML, generated: kg export --ontology --format rdfxml -o ontology/sanad.owl
OFN_FILE = ONTOLOGY_DIR / "sanad.ofn"  # OWL functional syntax, generated likewise

# Pushing to a store over the SPARQL 1.1 Graph Store HTTP Protocol (kg/gsp.py)
PUSH_RETRIES = 3  # further tries after a connection error or a 5xx answer
PUSH_BACKOFF = 0.5  # seconds before the first retry, doubled each time
PUSH_TIMEOUT = 60.0  # seconds for one request
