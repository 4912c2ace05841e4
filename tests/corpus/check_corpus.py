#!/usr/bin/env python3
"""Check the evaluation corpus in this folder: articles, their meta files and their gold files.

    python3 tests/corpus/check_corpus.py [CORPUS_DIR] [-v]

Standard library only. For every `<slug>.<ar|en>.txt` it checks that `<slug>.<lang>.meta.json`
and `<slug>.gold.json` exist and agree with the article, that every `evidence` string and every
quote text is an exact substring of the article (read as UTF-8, BOM removed, nothing else
changed), that relation ends, quote speakers, amount `about`s and hardware makers name entity ids,
and that entity ids are unique. It prints one line per problem as `path: message` and exits 1 if
there is any, 0 otherwise; `-v` adds a count table per article.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ENTITY_TYPES = {"Person", "Company", "MediaOutlet", "Organization", "Hardware", "Deal"}
DEAL_TYPES = {"Deal", "Acquisition", "LicensingDeal", "Investment", "AcquiHire"}
BINARY = {"worksFor", "formerlyWorkedFor", "founded", "partOf", "manufacturer", "hired", "holdsPosition"}
DEAL_ROLES = {"acquirer", "target", "licensee", "licensor", "investor", "investee", "hires", "reportedBy"}
ORG_TYPES = {"Company", "MediaOutlet", "Organization"}
ARTICLE = re.compile(r"^(?P<slug>.+)\.(?P<lang>ar|en)\.txt$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
WIKIDATA = re.compile(r"^Q\d+$")
META_FIELDS = ("title", "url", "outlet", "published", "language")


def load_json(path: Path, problems: list[str]):
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, json.JSONDecodeError) as exc:
        problems.append(f"{path.name}: cannot read JSON: {exc}")
        return None


def check_meta(meta: dict, article: Path, text: str, lang: str, problems: list[str]) -> None:
    where = article.name.replace(".txt", ".meta.json")
    for field in META_FIELDS:
        if field not in meta:
            problems.append(f"{where}: missing field {field!r}")
    if meta.get("language") != lang:
        problems.append(f"{where}: language {meta.get('language')!r} but the file name says {lang!r}")
    if not DATE.match(str(meta.get("published", ""))):
        problems.append(f"{where}: published {meta.get('published')!r} is not YYYY-MM-DD")
    if not str(meta.get("url", "")).startswith(("http://", "https://")):
        problems.append(f"{where}: url {meta.get('url')!r} is not an http(s) URL")
    headline = text.split("\n", 1)[0].strip()
    if meta.get("title") != headline:
        problems.append(f"{where}: title differs from the article's first line {headline[:60]!r}")


def in_text(value, text: str) -> bool:
    return isinstance(value, str) and bool(value) and value in text


def check_gold(gold: dict, article: Path, text: str, lang: str, problems: list[str]) -> dict:
    where = f"{article.name.split('.')[0]}.gold.json"

    def bad(msg: str) -> None:
        problems.append(f"{where}: {msg}")

    if gold.get("article") != article.name:
        bad(f"article {gold.get('article')!r} should be {article.name!r}")
    if gold.get("language") != lang:
        bad(f"language {gold.get('language')!r} should be {lang!r}")

    ents: dict[str, dict] = {}
    for e in gold.get("entities", []):
        eid = e.get("id")
        if not eid:
            bad(f"entity without id: {e}")
            continue
        if eid in ents:
            bad(f"duplicate entity id {eid!r}")
        ents[eid] = e
        if e.get("type") not in ENTITY_TYPES:
            bad(f"entity {eid}: unknown type {e.get('type')!r}")
        names = e.get("names")
        if not isinstance(names, list) or not names or not all(isinstance(n, str) and n for n in names):
            bad(f"entity {eid}: names must be a non-empty list of strings")
            names = []
        if len(set(names)) != len(names):
            bad(f"entity {eid}: repeated name")
        if "wikidata" not in e:
            bad(f"entity {eid}: missing wikidata (use null when unsure)")
        elif e["wikidata"] is not None and not WIKIDATA.match(str(e["wikidata"])):
            bad(f"entity {eid}: wikidata {e['wikidata']!r} is not a Q-id")
        if e.get("type") == "Deal":
            if e.get("deal_type") not in DEAL_TYPES:
                bad(f"deal {eid}: deal_type {e.get('deal_type')!r} not one of {sorted(DEAL_TYPES)}")
        elif "deal_type" in e:
            bad(f"entity {eid}: deal_type on a {e.get('type')}")
        if e.get("anonymous") and e.get("type") != "Person":
            bad(f"entity {eid}: only people can be anonymous")
        if e.get("type") != "Deal" and names and not any(n in text for n in names):
            bad(f"entity {eid}: none of its names occurs in the article")

    def ref(eid, what: str, types: set[str] | None = None) -> None:
        if eid not in ents:
            bad(f"{what}: {eid!r} is not an entity id")
        elif types and ents[eid].get("type") not in types:
            bad(f"{what}: {eid!r} is a {ents[eid].get('type')}, expected {sorted(types)}")

    for i, r in enumerate(gold.get("relations", [])):
        what = f"relations[{i}] {r.get('s')} {r.get('p')} {r.get('o')}"
        ref(r.get("s"), what)
        ref(r.get("o"), what)
        p = r.get("p")
        s_type = ents.get(r.get("s"), {}).get("type")
        if p in DEAL_ROLES:
            if s_type != "Deal":
                bad(f"{what}: deal role on a non-deal subject")
            if p == "reportedBy":
                ref(r.get("o"), what, {"MediaOutlet"})
            elif p == "hires":
                ref(r.get("o"), what, {"Person"})
            elif p in {"acquirer", "target", "licensee", "licensor"}:
                ref(r.get("o"), what, ORG_TYPES)
        elif p in BINARY:
            if s_type == "Deal":
                bad(f"{what}: {p} on a deal")
            if p in {"worksFor", "formerlyWorkedFor", "founded", "holdsPosition"}:
                ref(r.get("s"), what, {"Person"})
                ref(r.get("o"), what, ORG_TYPES)
            elif p == "hired":
                ref(r.get("s"), what, ORG_TYPES)
                ref(r.get("o"), what, {"Person"})
            elif p == "partOf":
                ref(r.get("s"), what, ORG_TYPES)
                ref(r.get("o"), what, ORG_TYPES)
            elif p == "manufacturer":
                ref(r.get("s"), what, {"Hardware"})
                ref(r.get("o"), what, ORG_TYPES)
        else:
            bad(f"{what}: unknown predicate {p!r}")
        if p == "holdsPosition" and not r.get("role"):
            bad(f"{what}: holdsPosition needs a role")
        if not in_text(r.get("evidence"), text):
            bad(f"{what}: evidence is not an exact substring: {r.get('evidence')!r}")

    for i, r in enumerate(gold.get("negative_relations", [])):
        what = f"negative_relations[{i}] {r.get('s')} {r.get('p')} {r.get('o')}"
        ref(r.get("s"), what)
        ref(r.get("o"), what)
        if not in_text(r.get("evidence"), text):
            bad(f"{what}: evidence is not an exact substring: {r.get('evidence')!r}")

    for i, q in enumerate(gold.get("quotes", [])):
        what = f"quotes[{i}]"
        ref(q.get("speaker"), what, {"Person"})
        if not in_text(q.get("text"), text):
            bad(f"{what}: text is not an exact substring: {q.get('text')!r}")

    for i, a in enumerate(gold.get("amounts", [])):
        what = f"amounts[{i}] {a.get('value')} {a.get('currency')}"
        if not isinstance(a.get("value"), (int, float)) or isinstance(a.get("value"), bool):
            bad(f"{what}: value must be a number")
        if not re.match(r"^[A-Z]{3}$", str(a.get("currency", ""))):
            bad(f"{what}: currency must be an ISO 4217 code")
        if "about" in a and a["about"] is not None:
            ref(a["about"], what)
        if not in_text(a.get("evidence"), text):
            bad(f"{what}: evidence is not an exact substring: {a.get('evidence')!r}")

    hw_names = {n for e in ents.values() if e.get("type") == "Hardware" for n in e.get("names", [])}
    for i, h in enumerate(gold.get("hardware", [])):
        what = f"hardware[{i}] {h.get('quantity')} x {h.get('model')}"
        if h.get("model") not in hw_names:
            bad(f"{what}: model is not a name of a Hardware entity")
        if h.get("maker") is not None:
            ref(h.get("maker"), what, ORG_TYPES)
        if not isinstance(h.get("quantity"), int) or h["quantity"] <= 0:
            bad(f"{what}: quantity must be a positive integer")
        if not in_text(h.get("evidence"), text):
            bad(f"{what}: evidence is not an exact substring: {h.get('evidence')!r}")

    for i, f in enumerate(gold.get("facts_optional", [])):
        if "evidence" in f and not in_text(f["evidence"], text):
            bad(f"facts_optional[{i}]: evidence is not an exact substring: {f['evidence']!r}")

    return {
        "entities": sum(1 for e in ents.values() if e.get("type") != "Deal"),
        "deals": sum(1 for e in ents.values() if e.get("type") == "Deal"),
        "relations": len(gold.get("relations", [])),
        "negative": len(gold.get("negative_relations", [])),
        "quotes": len(gold.get("quotes", [])),
        "amounts": len(gold.get("amounts", [])),
        "hardware": len(gold.get("hardware", [])),
    }


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("-")]
    verbose = "-v" in argv
    corpus = Path(args[0]) if args else Path(__file__).resolve().parent
    problems: list[str] = []
    counts: dict[str, dict] = {}
    articles = sorted(p for p in corpus.glob("*.txt") if ARTICLE.match(p.name))
    if not articles:
        problems.append(f"{corpus}: no <slug>.<ar|en>.txt articles found")
    slugs = set()
    for article in articles:
        m = ARTICLE.match(article.name)
        slug, lang = m["slug"], m["lang"]
        if slug in slugs:
            problems.append(f"{article.name}: another article already uses slug {slug!r} (gold files would collide)")
        slugs.add(slug)
        text = article.read_text(encoding="utf-8-sig")
        meta_path = corpus / f"{slug}.{lang}.meta.json"
        gold_path = corpus / f"{slug}.gold.json"
        if not meta_path.exists():
            problems.append(f"{article.name}: missing {meta_path.name}")
        else:
            meta = load_json(meta_path, problems)
            if isinstance(meta, dict):
                check_meta(meta, article, text, lang, problems)
        if not gold_path.exists():
            problems.append(f"{article.name}: missing {gold_path.name}")
            continue
        gold = load_json(gold_path, problems)
        if isinstance(gold, dict):
            counts[article.name] = check_gold(gold, article, text, lang, problems)
    for gold_path in sorted(corpus.glob("*.gold.json")):
        if gold_path.name[: -len(".gold.json")] not in slugs:
            problems.append(f"{gold_path.name}: no article for this gold file")
    for meta_path in sorted(corpus.glob("*.meta.json")):
        if not (corpus / meta_path.name.replace(".meta.json", ".txt")).exists():
            problems.append(f"{meta_path.name}: no article for this meta file")

    if verbose and counts:
        cols = ["entities", "deals", "relations", "negative", "quotes", "amounts", "hardware"]
        print(f"{'article':40} " + " ".join(f"{c:>9}" for c in cols))
        for name, c in counts.items():
            print(f"{name:40} " + " ".join(f"{c[k]:>9}" for k in cols))
        print(f"{'total':40} " + " ".join(f"{sum(c[k] for c in counts.values()):>9}" for k in cols))
    for p in problems:
        print(p)
    print(f"{len(articles)} articles, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
