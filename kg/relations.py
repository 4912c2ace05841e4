"""Stage 3 entry point: mentions and the registered extractors give an article's Extraction."""
from __future__ import annotations

from kg.extractors import run_all
from kg.extractors.context import Context
from kg.lexicon import Lexicon
from kg.mentions import find_mentions
from kg.model import Article, Extraction


def extract(article: Article, lex: Lexicon) -> Extraction:
    doc = find_mentions(article, lex)
    out = Extraction(article)
    run_all(Context(doc, out))
    out.mentions = sorted(doc.mentions)
    out.entities = doc.entities()
    return out
