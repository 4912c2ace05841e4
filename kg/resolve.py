"""Stage 3b: entities across articles and scripts. The lexicon merges known entities by id; this
stage merges names in no lexicon that one article writes in Arabic script and another (or the
same one) in Latin script: "فيريديان لابز" and "Veridian Labs".

Two spellings are the same entity when their consonant skeletons agree (Arabic letters and
Latin letter groups folded into the same sound classes, s and z together, vowels and doubled
letters dropped),
they have the same type, and the skeleton is long enough to be distinctive. Surnames never merge
across articles, and each merged mention records the reason (`sanad:resolvedBy "transliteration"`).

>>> skeleton("Veridian Labs") == skeleton("فيريديان لابز")
True
>>> skeleton("Layla Haddad") == skeleton("ليلى حداد")
True
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from kg.model import Entity, Extraction, Mention

MIN_CLASSES = 3  # consonant classes a skeleton needs before it may merge anything

_AR = {
    "ب": "B", "پ": "B", "ت": "T", "ط": "T", "ث": "S", "س": "S", "ص": "S", "ش": "S", "ج": "K", "چ": "S",
    "ح": "H", "ه": "H", "ة": "", "خ": "K", "د": "D", "ض": "D", "ذ": "S", "ز": "S", "ظ": "S", "ر": "R",
    "غ": "K", "ف": "F", "ڤ": "F", "ق": "K", "ك": "K", "گ": "K", "ل": "L", "م": "M", "ن": "N",
}
_LATIN = [("sch", "S"), ("sh", "S"), ("ch", "S"), ("th", "T"), ("ph", "F"), ("ck", "K"), ("kh", "K"),
          ("gh", "K"), ("sz", "S"), ("cz", "S"), ("x", "KS"), ("qu", "K"), ("q", "K"), ("c", "K"), ("k", "K"),
          ("g", "K"), ("j", "K"), ("b", "B"), ("p", "B"), ("t", "T"), ("d", "D"), ("s", "S"), ("z", "S"),
          ("h", "H"), ("f", "F"), ("v", "F"), ("r", "R"), ("l", "L"), ("m", "M"), ("n", "N")]


@lru_cache(maxsize=1 << 15)
def skeleton(name: str) -> str:
    """Consonant classes of a name, script-independent; words separated by spaces."""
    words = []
    for word in re.findall(r"[\w]+", name.casefold()):
        if any("\u0600" <= c <= "\u06ff" for c in word):
            if word.startswith("ال") and len(word) > 4:
                word = word[2:]
            out = "".join(_AR.get(c, "") for c in word)
        else:
            out, i = "", 0
            while i < len(word):
                for src, dst in _LATIN:
                    if word.startswith(src, i):
                        out += dst
                        i += len(src)
                        break
                else:
                    i += 1  # vowels, w, y and marks carry no class
            if out.startswith("H") and len(out) > 1 and not word.startswith("h"):
                out = out[1:]
        words.append(re.sub(r"(.)\1+", r"\1", out))
    return " ".join(w for w in words if w)


def _script(text: str) -> str:
    return "ar" if any("\u0600" <= c <= "\u06ff" for c in text) else "latin"


def _kind(etype: str) -> str:
    return "person" if etype == "Person" else "hardware" if etype == "HardwareModel" else "org"


def merge_across(extractions: list[Extraction]) -> list[Extraction]:
    """Rewrite the keys of unknown entities that are one entity spelled in two scripts."""
    mapping = renames(names_of(ex) for ex in extractions)
    return [rekey(ex, mapping) for ex in extractions] if mapping else extractions


def names_of(ex: Extraction) -> dict[str, tuple[str, str, str]]:
    """What merging reads of one article: key -> (kind, script, skeleton) of each entity it names
    that no lexicon or Wikidata id settles (a build keeps these, not whole extractions, to merge a
    corpus again: see kg.build)."""
    names: dict[str, tuple[str, str, str]] = {}
    for key, ent in ex.entities.items():
        if ent.wikidata or ent.described or _known(ex, key):
            continue
        for text, _ in ent.labels:
            sk = skeleton(text)
            if len(sk.replace(" ", "")) >= MIN_CLASSES and (ent.etype != "Person" or " " in sk):
                names.setdefault(key, (_kind(ent.etype), _script(text), sk))
    return names


def renames(per_article: Iterable[dict[str, tuple[str, str, str]]]) -> dict[str, str]:
    """The corpus's renames (old key -> new key) from names_of of each article, in article order."""
    names: dict[str, tuple[str, str, str]] = {}
    for found in per_article:
        for key, value in found.items():
            names.setdefault(key, value)
    groups: dict[tuple[str, str], set[str]] = {}
    for key, (kind, _, sk) in names.items():
        groups.setdefault((kind, sk), set()).add(key)
    mapping: dict[str, str] = {}
    for keys in groups.values():
        scripts = {names[k][1] for k in keys}
        if len(keys) < 2 or scripts != {"ar", "latin"}:
            continue
        latin = sorted(k for k in keys if names[k][1] == "latin")
        if len(latin) > 1:
            continue  # two Latin spellings with one skeleton: not ours to decide
        for k in keys:
            if k != latin[0]:
                mapping[k] = latin[0]
    return mapping


def renamed_origin(origin: str, keys: Iterable[str], mapping: dict[str, str]) -> str:
    """The origin (kg.model.Extraction.origin) of an extraction of that ORIGIN, whose entity keys are
    KEYS, once rekeyed with MAPPING: only its own keys' renames count (a corpus's mapping can hold
    thousands), so an article no rename touches keeps its origin."""
    own = sorted((k, mapping[k]) for k in keys if k in mapping)
    return hashlib.sha256(f"{origin}\0{own!r}".encode()).hexdigest()[:32] if own else origin


def _known(ex: Extraction, key: str) -> bool:
    return any(m.key == key and m.how == "lexicon" for m in ex.mentions)


def rekey(ex: Extraction, mapping: dict[str, str]) -> Extraction:
    """The same extraction with entity keys replaced; merged entities pool their labels."""
    if not any(k in mapping for k in ex.entities):
        return ex

    def m(key: str) -> str:
        return mapping.get(key, key)
    entities: dict[str, Entity] = {}
    for key, ent in ex.entities.items():
        new = m(key)
        if new in entities:
            old = entities[new]
            langs = {lang for _, lang in old.labels}
            labels = old.labels + tuple(lab for lab in ent.labels if lab[1] not in langs)
            alt = tuple(sorted(set(old.alt_labels + ent.alt_labels + tuple(lab for lab in ent.labels if lab[1] in langs))))
            entities[new] = replace(old, labels=tuple(sorted(labels)), alt_labels=alt)
        else:
            entities[new] = replace(ent, key=new)
    mentions = [Mention(x.span, m(x.key), x.etype, "transliteration" if x.key in mapping else x.how) for x in ex.mentions]
    out = Extraction(ex.article, dict(sorted(entities.items())), sorted(mentions))
    out.relations = {replace(r, subject=m(r.subject), object=m(r.object)) for r in ex.relations}
    out.positions = {replace(p, person=m(p.person), org=m(p.org)) for p in ex.positions}
    out.quotes = {replace(q, speaker=m(q.speaker)) for q in ex.quotes}
    out.hardware = {replace(h, model=m(h.model)) for h in ex.hardware}
    out.amounts = set(ex.amounts)
    out.attributes = {replace(a, subject=m(a.subject)) for a in ex.attributes}
    out.deals = [replace(d, roles=tuple(sorted((r, m(k)) for r, k in d.roles)),
                         reported_by=tuple(sorted(m(k) for k in d.reported_by))) for d in ex.deals]
    if ex.origin:  # (the same extraction renamed the same way: the same result)
        out.origin = renamed_origin(ex.origin, ex.entities, mapping)
    return out
