"""Benchmark the query library: Sanad's store (Oxigraph on disk) against rdflib's in-memory Dataset.

For each size it writes a synthetic corpus shaped like Sanad's output: articles in Arabic and
English whose people, companies, outlets and chips are picked with a Zipf-like skew (a few hubs,
a long tail), with positions, quotes (some naming other entities), founders, former employers,
hires, deals of every kind with amounts and reporting outlets, hardware mentions with quantities,
ages, part-of links and described people. Each article is a `kg.model.Extraction` turned into its
named graph by `kg.rdf.article_graph`, the pipeline's own RDF stage, so the vocabulary, the IRIs,
the evidence and the assertions are exactly what `kg build` writes; the corpus is one TriG file.

It loads the corpus into Sanad's store (`kg.store.create`) and into `rdflib.Dataset(default_union=True)`,
runs every query in queries/ in both (parameters bound to a busy entity, the same text in both),
and prints the median time of N runs, the rows, and the ratio; rdflib gets a time limit per query.

    python bench/bench_queries.py                           # 100k triples
    python bench/bench_queries.py --sizes 100k,1M --json bench/results.json
    python bench/bench_queries.py --sizes 1M --engines sanad  # only the store

A script, not a test: the figures depend on the machine.
"""
from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import platform
import random
import resource
import shutil
import signal
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg import iris  # noqa: E402
from kg import query as q  # noqa: E402
from kg import store as kg_store  # noqa: E402
from kg.defaults import INSTANCE_BASE  # noqa: E402
from kg.model import (  # noqa: E402
    Article,
    Attribute,
    Deal,
    Entity,
    Extraction,
    HardwareMention,
    Mention,
    Money,
    Position,
    Quote,
    Relation,
    Span,
)

FIRST = [("Lina", "لينا"), ("Omar", "عمر"), ("Sara", "سارة"), ("Karim", "كريم"), ("Maya", "مايا"), ("Yusuf", "يوسف"),
         ("Nadia", "نادية"), ("Tariq", "طارق"), ("Hana", "هناء"), ("Ziad", "زياد"), ("Rania", "رانيا"), ("Samir", "سمير"),
         ("Alice", "أليس"), ("David", "ديفيد"), ("Emma", "إيما"), ("Victor", "فيكتور"), ("Priya", "بريا"), ("Noor", "نور")]
LAST = [("Haddad", "حداد"), ("Mansour", "منصور"), ("Khalil", "خليل"), ("Nasser", "ناصر"), ("Saleh", "صالح"),
        ("Farouk", "فاروق"), ("Aziz", "عزيز"), ("Moreau", "مورو"), ("Tanaka", "تاناكا"), ("Novak", "نوفاك"),
        ("Silva", "سيلفا"), ("Weber", "فيبر"), ("Rossi", "روسي"), ("Chen", "تشين"), ("Okafor", "أوكافور")]
STEM = [("Nova", "نوفا"), ("Qubit", "كيوبت"), ("Helix", "هيليكس"), ("Atlas", "أطلس"), ("Orbit", "أوربت"),
        ("Vector", "فيكتور"), ("Cortex", "كورتكس"), ("Lumen", "لومن"), ("Tensor", "تنسور"), ("Delta", "دلتا")]
SUFFIX = [("AI", "إيه آي"), ("Labs", "لابز"), ("Systems", "سيستمز"), ("Cloud", "كلاود"), ("Robotics", "روبوتكس")]
CHIPS = ["H", "B", "MI", "TPU-v", "Gaudi", "A"]
PUBLISHERS = ["Khaleej Borsa", "Al Arabiya Tech", "Tech Daily", "Gulf Business", "AI Weekly", "Asharq Business",
              "The Information", "Wired Middle East", "Arab News Tech", "Reuters Tech"]
TITLES = [("ceo", "CEO", "الرئيس التنفيذي"), ("cto", "CTO", "المدير التقني"), ("vp", "VP of AI", "نائب الرئيس للذكاء الاصطناعي"),
          ("chief-scientist", "chief scientist", "كبير العلماء"), ("founder", "co-founder", "الشريك المؤسس")]
SAYING = [("We are hiring the people who can build at scale", "نحن نوظف من يستطيع البناء على نطاق واسع"),
          ("Compute is the bottleneck this year", "الحوسبة هي عنق الزجاجة هذا العام"),
          ("Talent is scarcer than chips", "المواهب أندر من الرقائق"),
          ("The market will consolidate", "سيتوحد السوق"), ("We will keep our models open", "سنبقي نماذجنا مفتوحة")]
DEALS = [("Acquisition", "acquirer", "target", "acquired", "استحوذت على"),
         ("LicensingDeal", "licensee", "licensor", "licensed the models of", "رخصت نماذج"),
         ("Investment", "investor", "investee", "invested in", "استثمرت في"),
         ("AcquiHire", "acquirer", "target", "hired the team of", "ضمت فريق")]


def _zipf(rng: random.Random, pool: list):
    return pool[min(len(pool) - 1, int(len(pool) * rng.random() ** 3))]


def make_entities(n_articles: int) -> dict[str, list]:
    """The entity pools, and each person's profile: one employer and title, maybe a former employer and
    a company they founded, the same in every article (a hub person is in many articles, not many jobs)."""
    people, orgs, outlets, chips, profiles = [], [], [], [], {}
    for i in range(max(60, n_articles * 6)):
        f, last = FIRST[i % len(FIRST)], LAST[(i // len(FIRST)) % len(LAST)]
        en, ar = f"{f[0]} {last[0]} {i}", f"{f[1]} {last[1]} {i}"
        people.append(Entity(iris.entity_key("Person", en), "Person", ((ar, "ar"), (en, "en")),
                             ((f"{last[0]} {i}", "en"),), f"Q{1000000 + i}" if i % 4 == 0 else None))
    for i in range(max(40, n_articles * 3)):
        s, x = STEM[i % len(STEM)], SUFFIX[(i // len(STEM)) % len(SUFFIX)]
        en, ar = f"{s[0]} {x[0]} {i}", f"{s[1]} {x[1]} {i}"
        orgs.append(Entity(iris.entity_key("Company", en), "Company", ((ar, "ar"), (en, "en")), (),
                           f"Q{2000000 + i}" if i % 3 == 0 else None))
    for i in range(60):
        en = f"{PUBLISHERS[i % len(PUBLISHERS)]} Desk {i}"
        outlets.append(Entity(iris.entity_key("MediaOutlet", en), "MediaOutlet", ((en, "en"),)))
    for i in range(80):
        en = f"{CHIPS[i % len(CHIPS)]}{100 + i}"
        chips.append(Entity(iris.entity_key("HardwareModel", en), "HardwareModel", ((en, "en"),)))
    rng = random.Random(11)
    for i, p in enumerate(people):
        home, former = _zipf(rng, orgs), _zipf(rng, orgs)
        profiles[p.key] = {"home": home, "title": TITLES[i % len(TITLES)],
                           "former": former if former.key != home.key and rng.random() < 0.5 else None,
                           "founded": _zipf(rng, orgs) if rng.random() < 0.15 else None}
    makers = {c.key: orgs[i % 7] for i, c in enumerate(chips)}  # a few chip makers, one per chip
    return {"people": people, "orgs": orgs, "outlets": outlets, "chips": chips, "profiles": profiles, "makers": makers}


class Text:
    """An article's text, written sentence by sentence, with the span of every name in it."""

    def __init__(self, lang: str) -> None:
        self.lang, self.text, self.mentions = lang, "", []

    def name(self, ent: Entity, how: str = "lexicon") -> Span:
        labels = dict((lang, text) for text, lang in ent.labels)
        word = labels.get(self.lang) or labels["en"]
        return self.word(word, ent, how)

    def word(self, word: str, ent: Entity | None = None, how: str = "lexicon") -> Span:
        start = len(self.text)
        self.text += word
        span = Span(start, len(self.text), word)
        if ent is not None:
            self.mentions.append(Mention(span, ent.key, ent.etype, how))
        return span

    def say(self, *parts: str) -> None:
        self.text += "".join(parts)

    def span(self, a: Span, b: Span) -> Span:
        return Span(a.start, b.end, self.text[a.start:b.end])

    def end(self) -> None:
        self.text += ". "


def make_article(a: int, pools: dict[str, list[Entity]], rng: random.Random) -> Extraction:
    lang = "ar" if a % 2 else "en"
    en = lang == "en"
    t = Text(lang)
    used: dict[str, Entity] = {}
    rel, pos, quotes, hw, money, attrs, deals = set(), set(), set(), set(), set(), set(), []

    def pick(kind: str) -> Entity:
        e = _zipf(rng, pools[kind])
        used[e.key] = e
        return e

    profiles = pools["profiles"]

    def org(e: Entity) -> Entity:
        used[e.key] = e
        return e

    for _ in range(rng.randint(4, 7)):  # people, their positions and what they said
        p, other = pick("people"), pick("orgs")
        o = org(profiles[p.key]["home"])
        key, title_en, title_ar = profiles[p.key]["title"]
        ps = t.name(p)
        t.say(", the " + title_en + " of " if en else "، " + title_ar + " في ")
        os_ = t.name(o)
        sent = t.span(ps, os_)
        rel.add(Relation(p.key, "worksFor", o.key, sent, Decimal("0.9"), "sanad.position.title.v1"))
        pos.add(Position(p.key, o.key, title_en if en else title_ar, lang, key, True, sent, Decimal("0.9"),
                         "sanad.position.title.v1"))
        saying = rng.choice(SAYING)[0 if en else 1]
        t.say(", said: “" if en else "، قال: “")
        qs = t.word(saying + (", unlike " if en else "، على عكس "))
        os2 = t.name(other)
        t.say("”")
        quotes.add(Quote(p.key, t.text[qs.start:os2.end], lang, t.span(qs, os2), "sanad.quote.direct.v1"))
        t.end()
        if rng.random() < 0.5:  # the surname again, later
            t.say("According to " if en else "وبحسب ")
            t.name(p, "surname")
            t.end()
        if rng.random() < 0.2:
            ps = t.name(p)
            t.say(", 48," if en else "، 48 عامًا،")
            attrs.add(Attribute(p.key, "age", 40 + rng.randrange(30), t.span(ps, ps), "sanad.person.age.v1"))
            t.end()
    for _ in range(rng.randint(1, 3)):  # founders and former employers
        p = pick("people")
        founded, former = profiles[p.key]["founded"], profiles[p.key]["former"]
        if founded is None and former is None:
            continue
        ps = t.name(p)
        if founded is not None:
            t.say(" founded " if en else " أسس ")
            os_ = t.name(org(founded))
            rel.add(Relation(p.key, "founded", founded.key, t.span(ps, os_), Decimal("0.9"), "sanad.founder.v1"))
        if former is not None:
            t.say(" after years at " if en else " بعد سنوات في ")
            os2 = t.name(org(former))
            rel.add(Relation(p.key, "formerlyWorkedFor", former.key, t.span(ps, os2), Decimal("0.75"),
                             "sanad.employment.former.v1"))
        t.end()
    for _ in range(rng.randint(0, 2)):  # deals of every kind, most with an amount, many credited to an outlet
        kind, r1, r2, verb_en, verb_ar = rng.choice(DEALS)
        x, y = pick("orgs"), pick("orgs")
        if x.key == y.key:
            continue
        xs = t.name(x)
        t.say(f" {verb_en} " if en else f" {verb_ar} ")
        ys = t.name(y)
        roles = [(r1, x.key), (r2, y.key)]
        amounts = ()
        last = ys
        if rng.random() < 0.8:
            value = Decimal(int(float(f"{10 ** rng.uniform(1, 4):.2g}"))) * 1_000_000  # $10M-$10B, two digits
            currency = rng.choice(["USD", "USD", "USD", "EUR", "SAR"])
            t.say(" for " if en else " مقابل ")
            last = t.word(f"{value / 1_000_000:g} million {currency}")
            amounts = (Money(last, value, currency),)
            money.add(amounts[0])
        if kind in ("LicensingDeal", "AcquiHire") and rng.random() < 0.5:
            p = pick("people")
            profiles[p.key] = dict(profiles[p.key], former=profiles[p.key]["home"], home=x)  # the hire moves them
            t.say(" and hired " if en else " ووظفت ")
            last = t.name(p)
            roles.append(("hires", p.key))
            rel.add(Relation(x.key, "hired", p.key, t.span(xs, last), Decimal("0.85"), "sanad.employment.hire.v1"))
        reported = ()
        if rng.random() < 0.7:
            outlet = pick("outlets")
            t.say(", " if en else "، بحسب ")
            last = t.name(outlet)
            t.say(" reported" if en else "")
            reported = (outlet.key,)
        t.end()
        kinds = (kind,) if rng.random() < 0.9 else ("Deal",)
        deals.append(Deal(kinds, tuple(sorted(roles)), amounts, reported, (t.span(xs, last),),
                          rng.choice(["reported", "completed", "planned"]), Decimal("0.8"), "sanad.deal.frame.v1"))
    for _ in range(rng.randint(0, 2)):  # chips: how many, and their maker
        buyer, chip = pick("orgs"), pick("chips")
        maker = org(pools["makers"][chip.key])
        qty = rng.choice([1000, 5000, 10000, 20000, 100000])
        t.name(buyer)
        t.say(" bought " if en else " اشترت ")
        qs = t.word(f"{qty:,} ")
        cs = t.name(chip)
        t.say(" chips made by " if en else " من إنتاج ")
        ms = t.name(maker)
        t.end()
        hw.add(HardwareMention(chip.key, qty, t.span(qs, cs), "sanad.hardware.quantity.v1"))
        if maker.key != buyer.key:
            rel.add(Relation(chip.key, "manufacturer", maker.key, t.span(cs, ms), Decimal("0.8"), "sanad.hardware.quantity.v1"))
    if rng.random() < 0.3:  # an outlet's parent
        outlet, parent = pick("outlets"), pick("orgs")
        os_ = t.name(outlet)
        t.say(", part of " if en else "، التابعة لـ")
        ps = t.name(parent)
        t.end()
        rel.add(Relation(outlet.key, "partOf", parent.key, t.span(os_, ps), Decimal("0.85"), "sanad.org.part-of.v1"))
    if rng.random() < 0.4:  # a person described, not named
        o = pick("orgs")
        desc = f"an engineer at {o.labels[-1][0]}" if en else f"مهندس في {o.labels[0][0]}"
        key = iris.described_person_key(f"article/bench-{a:06d}.{lang}", desc)
        person = Entity(key, "Person", ((desc, lang),), described=True)
        used[key] = person
        ds = t.name(person, "described")
        t.end()
        rel.add(Relation(key, "worksFor", o.key, ds, Decimal("0.8"), "sanad.quote.direct.v1"))
    for _ in range(rng.randint(3, 8)):  # more names in passing
        t.name(pick("orgs" if rng.random() < 0.6 else "people"))
        t.say(" also featured" if en else " ورد ذكرها أيضًا")
        t.end()
    text = t.text.rstrip() + "\n"
    name = f"bench-{a:06d}.{lang}"
    article = Article(f"article/{name}", f"{name}.txt", text, lang, hashlib.sha256(text.encode()).hexdigest(),
                      f"Article {a}: the AI talent wars" if en else f"المقال {a}: حروب المواهب",
                      f"https://example.com/{a}", PUBLISHERS[a % len(PUBLISHERS)],
                      f"2024-{1 + a % 12:02d}-{1 + a % 28:02d}")
    return Extraction(article, {k: used[k] for k in sorted(used)}, sorted(set(t.mentions)), rel, pos, quotes, hw, money,
                      attrs, deals)


def write_corpus(path: Path, triples: int, seed: int = 7) -> dict:
    """Articles until the corpus holds TRIPLES triples (counted per named graph, as in TriG), written
    as kg build writes them (kg.render): PATH is the graph.trig, merge_path(PATH) the graph.ttl."""
    from kg.rdf import article_rdf
    from kg.render import assemble, render

    rng = random.Random(seed)
    pools = make_entities(max(10, triples // 1000))
    total = articles = 0
    parts = []
    while total < triples:
        ex = make_article(articles, pools, rng)
        parts.append(render(ex))
        total += len(article_rdf(ex, INSTANCE_BASE)[0])
        articles += 1
    trig, ttl, _ = assemble(parts)
    path.write_bytes(trig)
    merge_path(path).write_bytes(ttl)
    return {"triples": total, "articles": articles, "bytes": path.stat().st_size,
            "people": len(pools["people"]), "organizations": len(pools["orgs"])}


def merge_path(corpus: Path) -> Path:
    return corpus.with_suffix(".merge.ttl")


def library_texts(params: dict[str, str]) -> list[tuple[str, str]]:
    """Every library query, its parameters bound (as `kg query --param` does) to the busy entities."""
    import pyoxigraph as ox

    out = []
    for item in q.library():
        values = {}
        for name, _ in item.params:
            value = params[name]
            values[name] = ox.NamedNode(value) if value.startswith("http") else ox.Literal(value)
        if item.name == "articles-mentioning":
            values["entity"] = ox.NamedNode(params["company"])
        out.append((item.name, q.bind(item.text, values, item.name) if values else item.text))
    return out


class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout


def time_runs(run, runs: int, limit: float | None = None) -> tuple[float | None, int | None]:
    """Median seconds of RUNS runs (None past LIMIT) and the row count; slow queries run once."""
    times, rows = [], None
    for i in range(runs):
        if limit:
            signal.signal(signal.SIGALRM, _alarm)
            signal.setitimer(signal.ITIMER_REAL, limit)
        try:
            t0 = time.perf_counter()
            rows = run()
            times.append(time.perf_counter() - t0)
        except Timeout:
            return None, None
        finally:
            if limit:
                signal.setitimer(signal.ITIMER_REAL, 0)
        if times[-1] > 5 and i == 0:  # one run of a slow query is enough
            break
    return statistics.median(times), rows


def bench_size(triples: int, args, work: Path) -> dict:
    corpus = work / f"corpus-{triples}.trig"
    saved = work / f"corpus-{triples}.json"
    t0 = time.perf_counter()
    # kept from an earlier run (--keep): the same seed, the same corpus
    if corpus.exists() and saved.exists() and merge_path(corpus).exists():
        info = json.loads(saved.read_text(encoding="utf-8"))
    else:
        info = write_corpus(corpus, triples)
        info["generate_s"] = round(time.perf_counter() - t0, 1)
        saved.write_text(json.dumps(info), encoding="utf-8")
    print(f"\n## {info['triples']:,} triples, {info['articles']:,} articles ({info['bytes'] / 1e6:.0f} MB TriG, "
          f"generated in {info['generate_s']} s)", flush=True)
    pools = make_entities(max(10, triples // 1000))
    params = {"entity": str(iris.iri(pools["people"][0].key)), "outlet": str(iris.iri(pools["outlets"][0].key)),
              "company": str(iris.iri(pools["orgs"][0].key)), "threshold": "0.8"}
    texts = library_texts(params)
    result = {"corpus": info, "params": params, "queries": {}, "load": {}}
    if args.engines & {"sanad", "memory"}:
        store_dir = work / f"store-{triples}"
        shutil.rmtree(store_dir, ignore_errors=True)
        t0 = time.perf_counter()
        kg_store.create(corpus, store_dir, merge=merge_path(corpus))  # as kg build loads graph.trig + graph.ttl
        result["load"]["sanad_s"] = round(time.perf_counter() - t0, 2)
        result["load"]["store_mb"] = round(sum(f.stat().st_size for f in store_dir.iterdir()) / 1e6, 1)
        answers = {}
        if "sanad" in args.engines:  # the store on disk, as kg query and kg.open read it
            graph = kg_store.open(store_dir)
            for name, text in texts:
                def run(text=text):
                    return sum(1 for _ in graph.store.query(text, source=name))
                seconds, rows = time_runs(run, args.runs)
                result["queries"].setdefault(name, {})["sanad_ms"] = round(seconds * 1000, 2)
                result["queries"][name]["rows"] = rows
                answers[name] = _answer(graph.store.query(text, source=name))
            del graph
            gc.collect()
        if "memory" in args.engines:  # the default graph copied into memory, as kg serve reads it
            t0 = time.perf_counter()
            graph = kg_store.open(store_dir, memory=True)
            result["load"]["memory_s"] = round(time.perf_counter() - t0, 2)
            for name, text in texts:
                def run(text=text):
                    return sum(1 for _ in graph.store.query(text, source=name))
                seconds, rows = time_runs(run, args.runs)
                entry = result["queries"].setdefault(name, {})
                entry["memory_ms"] = round(seconds * 1000, 2)
                entry.setdefault("rows", rows)
                if name in answers:  # the same rows in the same order, or the table says so
                    entry["memory_same_rows"] = _answer(graph.store.query(text, source=name)) == answers[name]
            del graph
            gc.collect()
    if "rdflib" in args.engines:
        from rdflib import Dataset

        t0 = time.perf_counter()
        ds = Dataset(default_union=True)
        ds.parse(corpus, format="trig")
        result["load"]["rdflib_s"] = round(time.perf_counter() - t0, 2)
        for name, text in texts:
            def run(text=text):
                return sum(1 for _ in ds.query(text))
            entry = result["queries"].setdefault(name, {})
            try:
                seconds, rows = time_runs(run, args.rdflib_runs, args.rdflib_timeout)
            except Exception as exc:  # rdflib's evaluator fails on some valid queries: say so, go on
                seconds, rows = None, None
                entry["rdflib_error"] = f"{type(exc).__name__}: {exc}"[:200]
            entry["rdflib_ms"] = None if seconds is None else round(seconds * 1000, 2)
            entry["rdflib_rows"] = rows
            shown = (f"error ({entry['rdflib_error']})" if "rdflib_error" in entry
                     else f">{args.rdflib_timeout} s" if seconds is None else f"{seconds:.3f} s")
            print(f"  rdflib {name}: {shown}", file=sys.stderr, flush=True)
        del ds
        gc.collect()
    summarize(result, args)
    return result


def _answer(result) -> list[tuple]:
    names = [v.value for v in result.variables]
    return [tuple(str(row[n]) if row[n] is not None else None for n in names) for row in result]


def summarize(result: dict, args) -> None:
    rows = result["queries"]
    limit_ms = args.rdflib_timeout * 1000
    ratios, memory_ratios = [], []
    print("\n| query | rows | Sanad on disk ms | in memory ms | rdflib ms | rdflib ÷ disk | rdflib ÷ memory |\n"
          "|---|---:|---:|---:|---:|---:|---:|")
    for name, r in sorted(rows.items()):
        f = r.get("rdflib_ms", "-")
        shown, texts = "-", []
        for engine in ("sanad", "memory"):
            s = r.get(f"{engine}_ms")
            key = "ratio" if engine == "sanad" else "memory_ratio"
            if "rdflib_error" in r or s is None or f == "-":  # no figure to compare with: not in the median ratio
                shown = "error" if "rdflib_error" in r else shown
                texts.append("-")
            elif f is None:  # past the limit: the ratio is at least limit / Sanad
                ratio, shown = (limit_ms / s if s else None), f">{args.rdflib_timeout:g} s"
                r[key] = round(ratio, 1) if ratio else None
                r[key + "_is_lower_bound"] = True
                (ratios if engine == "sanad" else memory_ratios).append(ratio)
                texts.append(f">{ratio:,.0f}x" if ratio else "-")
            else:
                ratio = f / s if s else None
                r[key] = round(ratio, 1) if ratio else None
                (ratios if engine == "sanad" else memory_ratios).append(ratio)
                shown = f"{f:,.1f}"
                texts.append(f"{ratio:,.1f}x" if ratio else "-")
        mismatch = "" if r.get("rdflib_rows") in (None, r.get("rows")) else f" (rdflib: {r['rdflib_rows']} rows)"
        if r.get("memory_same_rows") is False:
            mismatch += " (in memory: other rows or order)"
        d_text, m_text = (f"{r[k]:,.1f}" if r.get(k) is not None else "-" for k in ("sanad_ms", "memory_ms"))
        print(f"| {name} | {r.get('rows', '-')}{mismatch} | {d_text} | {m_text} | {shown} | {texts[0]} | {texts[1]} |")
    load = result["load"]
    summary = {"sanad_load_s": load.get("sanad_s"), "memory_copy_s": load.get("memory_s"), "rdflib_load_s": load.get("rdflib_s")}
    for engine, prefix, found in (("sanad", "sanad", ratios), ("memory", "memory", memory_ratios)):
        times = [r[f"{engine}_ms"] for r in rows.values() if r.get(f"{engine}_ms") is not None]
        if times:
            summary.update({f"{prefix}_median_ms": round(statistics.median(times), 2), f"{prefix}_max_ms": max(times),
                            f"{prefix}_over_100ms": sorted(n for n, r in rows.items() if r.get(f"{engine}_ms", 0) >= 100)})
        if found:
            key = "ratio" if engine == "sanad" else "memory_ratio"
            summary.update({f"{prefix}_median_ratio": round(statistics.median(found), 1),
                            f"{prefix}_slower_than_rdflib": sorted(n for n, r in rows.items()
                                                                   if r.get(key) is not None and r[key] < 1)})
    if any("memory_same_rows" in r for r in rows.values()):
        summary["memory_differs"] = sorted(n for n, r in rows.items() if r.get("memory_same_rows") is False)
    result["summary"] = summary
    print(f"\nload: Sanad store {load.get('sanad_s', '-')} s ({load.get('store_mb', '-')} MB on disk), copied into "
          f"memory {load.get('memory_s', '-')} s, rdflib {load.get('rdflib_s', '-')} s")
    print("summary: " + json.dumps(summary), flush=True)


def parse_size(text: str) -> int:
    text = text.strip().lower().replace("_", "")
    factor = {"k": 1_000, "m": 1_000_000}.get(text[-1], 1)
    return int(float(text[:-1] if factor > 1 else text) * factor)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100k", help="comma-separated triple counts, e.g. 100k,1M (default 100k)")
    ap.add_argument("--runs", type=int, default=5, help="runs per query in Sanad's store (median; default 5)")
    ap.add_argument("--rdflib-runs", type=int, default=3, help="runs per query in rdflib (median; default 3)")
    ap.add_argument("--rdflib-timeout", type=float, default=60, help="seconds before an rdflib query is given up (60)")
    ap.add_argument("--engines", default="sanad,memory,rdflib",
                    help="comma-separated: sanad (the store on disk: kg query), memory (its default graph copied into "
                         "memory: kg serve), rdflib (default: all three)")
    ap.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    ap.add_argument("--keep", type=Path, help="keep the corpora and stores in this folder (and reuse its corpora)")
    args = ap.parse_args(argv)
    args.engines = {e.strip() for e in args.engines.split(",")}
    work = args.keep or Path(tempfile.mkdtemp(prefix="sanad-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    figures = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "system": platform.platform()},
               "runs": args.runs, "rdflib_runs": args.rdflib_runs, "rdflib_timeout_s": args.rdflib_timeout, "sizes": {}}
    try:
        for size in args.sizes.split(","):
            figures["sizes"][size.strip()] = bench_size(parse_size(size), args, work)
            figures["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
            if args.json:
                args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
