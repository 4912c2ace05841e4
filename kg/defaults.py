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

# Export formats: name -> (rdflib format, file suffix, media type, holds named graphs)
EXPORT_FORMATS = {
    "turtle": ("turtle", ".ttl", "text/turtle", False),
    "ntriples": ("nt", ".nt", "application/n-triples", False),
    "nquads": ("nquads", ".nq", "application/n-quads", True),
    "trig": ("trig", ".trig", "application/trig", True),
    "jsonld": ("json-ld", ".jsonld", "application/ld+json", True),
}
SUFFIX_FORMATS = {spec[1]: name for name, spec in EXPORT_FORMATS.items()} | {".ttl": "turtle", ".rdf": "xml"}

QUERY_FORMATS = ("table", "csv", "tsv", "json")

# Build outputs
GRAPH_TTL = "graph.ttl"
GRAPH_TRIG = "graph.trig"
GRAPH_HTML = "graph.html"
CACHE_DIR = ".cache/extractions"
