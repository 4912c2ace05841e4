"""The only place instance and evidence IRIs are minted: from content, never from counters.

>>> slug("Naveen Rao")
'naveen-rao'
>>> slug("نافين راو")
'nafyn-raw'
>>> evidence_key("article/x.ar", Span(3, 9, "abcdef"))
'article/x.ar#char=3,9'
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from decimal import Decimal

from rdflib import URIRef

from kg.defaults import INSTANCE_BASE, WIKIDATA
from kg.model import Span

_AR_LATIN = str.maketrans({
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h",
    "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d",
    "ط": "t", "ظ": "z", "ع": "a", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m",
    "ن": "n", "ه": "h", "ة": "a", "و": "w", "ؤ": "w", "ي": "y", "ى": "a", "ئ": "y", "ء": "",
    "گ": "g", "پ": "p", "چ": "ch", "ڤ": "v", "ـ": "",
})


def slug(text: str, keep_dots: bool = False) -> str:
    """A readable ASCII slug: Arabic transliterated, accents dropped, words joined by '-'."""
    text = unicodedata.normalize("NFKC", text).translate(_AR_LATIN)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    allowed = r"[^a-z0-9.]+" if keep_dots else r"[^a-z0-9]+"
    out = re.sub(allowed, "-", text.casefold()).strip("-.")
    return out or "x" + digest(text)[:8]


def digest(*parts: object) -> str:
    """A short stable hash of JSON-serialisable parts."""
    data = json.dumps(parts, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha1(data.encode("utf-8")).hexdigest()[:12]


def article_key(stem: str) -> str:
    return f"article/{slug(stem, keep_dots=True)}"


def entity_key(etype: str, name: str) -> str:
    return f"{kind_segment(etype)}/{slug(name)}"


def kind_segment(etype: str) -> str:
    return {"Person": "person", "HardwareModel": "hardware"}.get(etype, "org")


def described_person_key(article: str, description: str) -> str:
    return f"person/{article.split('/', 1)[1].replace('.', '-')}--{slug(description)}"


EVIDENCE_FRAGMENT = "#char="  # an evidence span's IRI: its article's, then this and the span's offsets (RFC 5147)


def evidence_key(article: str, span: Span) -> str:
    return f"{article}{EVIDENCE_FRAGMENT}{span.start},{span.end}"


def position_key(person: str, org: str, role: str) -> str:
    return f"position/{_tail(person)}--{_tail(org)}--{slug(role)}"


def quote_key(speaker: str, text: str) -> str:
    return f"quote/{_tail(speaker)}-{digest(speaker, text)}"


def amount_key(value: Decimal, currency: str) -> str:
    return f"amount/{currency.lower()}-{format(value.normalize(), 'f').replace('.', '-')}"


def hardware_mention_key(article: str, model: str, quantity: int, start: int) -> str:
    return f"hardware-mention/{_tail(model)}-{quantity}-{digest(article, start)}"


def deal_key(parties: list[str]) -> str:
    return "deal/" + "--".join(sorted({_tail(p) for p in parties}))


def assertion_key(article: str, subject: str, predicate: str, obj: str) -> str:
    return f"assertion/{_tail(subject)}-{predicate}-{_tail(obj)}-{digest(article, subject, predicate, obj)}"


def iri(key: str, base: str = INSTANCE_BASE) -> URIRef:
    return URIRef(base + key)


def wikidata_iri(qid: str) -> URIRef:
    return URIRef(WIKIDATA + qid)


def _tail(key: str) -> str:
    return key.rsplit("/", 1)[-1]
