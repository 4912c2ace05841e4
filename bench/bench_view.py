"""Benchmark the explorer on synthetic graphs shaped like Sanad's output.

For each size it builds articles in Arabic and English with people, companies, media outlets,
chips, positions, quotes, deals with amounts, hardware mentions, founders, former employers and
hires (as `kg.model.Extraction`s, turned into RDF by `kg.rdf.to_dataset`, the pipeline's own RDF
stage), renders `graph.html`, loads it in headless Chromium with every non-file request aborted,
and prints a table: time to build the view model and the page, page size, time to the first
drawn frame, time until the layout is settled (no movement: positions are precomputed, physics
is off) and the page is usable, and the time one redraw takes.

    python bench/bench_view.py                       # 500, 2,000 and 10,000 entities
    python bench/bench_view.py 2000 --json out.json  # one size, figures saved as JSON
    python bench/bench_view.py --keep DIR            # keep the pages (DIR/explorer-N.html)
    python bench/bench_view.py 3000 --max-nodes 100000   # draw everything: no large-graph mode

Columns: "first draw" and "settled" come from the page (performance.now() at its first frame, and
one frame later, when positions are final: physics is off); "usable" is the time from navigation
until the page says it is ready (drawn, view fitted, controls live); "redraw" is one full redraw;
"search" is typing a name until the node is selected. Exit code 1 if a page logged an error.

A script, not a test: the figures depend on the machine.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg import iris  # noqa: E402
from kg.model import (  # noqa: E402
    Article,
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

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]

FIRST = [("Lina", "لينا"), ("Omar", "عمر"), ("Sara", "سارة"), ("Karim", "كريم"), ("Maya", "مايا"),
         ("Yusuf", "يوسف"), ("Nadia", "نادية"), ("Tariq", "طارق"), ("Hana", "هناء"), ("Ziad", "زياد"),
         ("Rania", "رانيا"), ("Samir", "سمير"), ("Dina", "دينا"), ("Fadi", "فادي"), ("Layla", "ليلى"),
         ("Hadi", "هادي"), ("Noor", "نور"), ("Amir", "أمير"), ("Salma", "سلمى"), ("Bilal", "بلال"),
         ("Alice", "أليس"), ("David", "ديفيد"), ("Emma", "إيما"), ("Victor", "فيكتور"), ("Priya", "بريا")]
LAST = [("Haddad", "حداد"), ("Mansour", "منصور"), ("Khalil", "خليل"), ("Nasser", "ناصر"), ("Saleh", "صالح"),
        ("Farouk", "فاروق"), ("Aziz", "عزيز"), ("Rahman", "رحمن"), ("Odeh", "عودة"), ("Jaber", "جابر"),
        ("Moreau", "مورو"), ("Tanaka", "تاناكا"), ("Novak", "نوفاك"), ("Silva", "سيلفا"), ("Weber", "فيبر"),
        ("Kovacs", "كوفاتش"), ("Larsen", "لارسن"), ("Rossi", "روسي"), ("Chen", "تشين"), ("Okafor", "أوكافور")]
STEM = [("Nova", "نوفا"), ("Qubit", "كيوبت"), ("Helix", "هيليكس"), ("Atlas", "أطلس"), ("Orbit", "أوربت"),
        ("Vertex", "فيرتكس"), ("Lumen", "لومين"), ("Cedar", "سيدر"), ("Falcon", "فالكون"), ("Zenith", "زينيث"),
        ("Sahara", "صحارى"), ("Delta", "دلتا"), ("Mosaic", "موزاييك"), ("Prism", "بريزم"), ("Quanta", "كوانتا"),
        ("Raven", "ريفن"), ("Sigma", "سيغما"), ("Tidal", "تايدل"), ("Umbra", "أمبرا"), ("Vela", "فيلا")]
TAIL = [("AI", "إيه آي"), ("Labs", "لابز"), ("Systems", "سيستمز"), ("Robotics", "روبوتكس"), ("Cloud", "كلاود"),
        ("Data", "داتا"), ("Compute", "كمبيوت")]
OUTLET = [("Times", "تايمز"), ("Wire", "واير"), ("Journal", "جورنال"), ("Post", "بوست"), ("Review", "ريفيو")]
CHIP = [("HX", "HX"), ("QZ", "QZ"), ("TPX", "TPX"), ("MI", "MI"), ("NPU", "NPU")]
PUBLISHERS = ["Khaleej Borsa", "The Batch", "Business Insider", "Asharq Business", "TechCrunch", "Al Arabiya"]
QUOTES_EN = ["Talent is the real bottleneck.", "We are building for the long term.", "Compute is the new oil.",
             "Nobody expected the models to scale this fast.", "It is like looking for a star player."]
QUOTES_AR = ["المواهب هي عنق الزجاجة الحقيقي.", "نحن نبني للمدى الطويل.", "الحوسبة هي النفط الجديد.",
             "لم يتوقع أحد أن تتوسع النماذج بهذه السرعة.", "الأمر أشبه بالبحث عن لاعب نجم."]


def make_entities(n: int) -> list[Entity]:
    """n entities: 45% people, 42% companies, 8% media outlets, 5% chip models; unique names."""
    rng_people, n_outlets, n_chips = int(n * 0.45), max(2, int(n * 0.08)), max(1, int(n * 0.05))
    n_orgs = max(2, n - rng_people - n_outlets - n_chips)
    out = []
    for i in range(rng_people):
        f, la = FIRST[i % len(FIRST)], LAST[(i // len(FIRST)) % len(LAST)]
        k = i // (len(FIRST) * len(LAST))
        en, ar = f"{f[0]} {la[0]}", f"{f[1]} {la[1]}"
        if k:
            en, ar = f"{en} {k + 1}", f"{ar} {k + 1}"
        out.append(Entity(f"person/{iris.slug(en)}", "Person", ((ar, "ar"), (en, "en")),
                          ((la[0], "en"), (la[1], "ar"))))
    for i in range(n_orgs):
        s, t = STEM[i % len(STEM)], TAIL[(i // len(STEM)) % len(TAIL)]
        k = i // (len(STEM) * len(TAIL))
        en, ar = f"{s[0]} {t[0]}", f"{s[1]} {t[1]}"
        if k:
            en, ar = f"{en} {k + 1}", f"{ar} {k + 1}"
        out.append(Entity(f"org/{iris.slug(en)}", "Company", ((ar, "ar"), (en, "en"))))
    for i in range(n_outlets):
        s, t = STEM[(i * 7) % len(STEM)], OUTLET[(i // len(STEM)) % len(OUTLET)]
        k = i // (len(STEM) * len(OUTLET))
        en, ar = f"{s[0]} {t[0]}" + (f" {k + 1}" if k else ""), f"{s[1]} {t[1]}" + (f" {k + 1}" if k else "")
        out.append(Entity(f"org/{iris.slug(en)}", "MediaOutlet", ((ar, "ar"), (en, "en"))))
    for i in range(n_chips):
        c = CHIP[i % len(CHIP)]
        en = f"{c[0]}{100 + i}"
        out.append(Entity(f"hardware/{iris.slug(en)}", "HardwareModel", ((en, "en"),)))
    return out


class _Writer:
    """Builds an article's text sentence by sentence, recording the span of every mention."""

    def __init__(self, lang: str) -> None:
        self.lang, self.text, self.ex_mentions = lang, "", []

    def add(self, *parts) -> dict[str, Span]:
        """parts: strings; (tag, entity) pairs, whose label is written and recorded as a mention;
        (tag, text) pairs, whose span is only recorded."""
        spans = {}
        for p in parts:
            if isinstance(p, str):
                self.text += p
                continue
            tag, ent = p
            if isinstance(ent, str):
                word = ent
            else:
                label = {lang: text for text, lang in ent.labels}
                word = label.get(self.lang) or label.get("en") or next(iter(label.values()))
            start = len(self.text)
            self.text += word
            spans[tag] = Span(start, len(self.text), word)
            if not isinstance(ent, str):
                self.ex_mentions.append(Mention(spans[tag], ent.key, ent.etype, "lexicon"))
        self.text += " "
        return spans

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])


def make_extractions(n_entities: int, seed: int = 7) -> list[Extraction]:
    """Articles mentioning the entities, popular ones far more often (a few hubs, a long tail)."""
    rng = random.Random(seed)
    ents = make_entities(n_entities)
    people = [e for e in ents if e.etype == "Person"]
    orgs = [e for e in ents if e.etype == "Company"]
    outlets = [e for e in ents if e.etype == "MediaOutlet"]
    chips = [e for e in ents if e.etype == "HardwareModel"]

    def pick(pool):  # Zipf-like: index ~ pool size * u^3
        return pool[min(len(pool) - 1, int(len(pool) * rng.random() ** 3))]

    unused = {e.key for e in ents}
    out = []
    for a in range(max(1, n_entities // 12)):
        lang = "ar" if a % 2 else "en"
        w = _Writer(lang)
        ex_rel, ex_pos, ex_quotes, ex_hw, ex_money, ex_deals = set(), set(), set(), set(), set(), []
        used = {}

        def take(pool, fresh=True):
            # every entity appears somewhere: unused ones first while they last
            if fresh:
                for e in pool[rng.randrange(len(pool)):] + pool:
                    if e.key in unused:
                        unused.discard(e.key)
                        used[e.key] = e
                        return e
            e = pick(pool)
            unused.discard(e.key)
            used[e.key] = e
            return e

        for _ in range(4):
            p, o = take(people), take(orgs, fresh=False)
            q = rng.randrange(len(QUOTES_EN))
            quote = QUOTES_AR[q] if lang == "ar" else QUOTES_EN[q]
            if lang == "ar":
                s = w.add(("p", p), "، الرئيس التنفيذي لشركة ", ("o", o), "، قال: “" + quote + "”.")
            else:
                s = w.add(("p", p), ", the CEO of ", ("o", o), ", said: “" + quote + "”.")
            sent = w.span(s["p"].start, s["o"].end)
            qstart = w.text.rindex(quote)
            ex_rel.add(Relation(p.key, "worksFor", o.key, sent, Decimal("0.9"), "bench.position.v1"))
            ex_pos.add(Position(p.key, o.key, "الرئيس التنفيذي" if lang == "ar" else "CEO", lang, "ceo", True, sent,
                                Decimal("0.9"), "bench.position.v1"))
            ex_quotes.add(Quote(p.key, quote, lang, w.span(qstart, qstart + len(quote)), "bench.quote.v1"))
        for _ in range(2):
            p, o, o2 = take(people), take(orgs), take(orgs, fresh=False)
            if o2.key == o.key:
                continue
            if lang == "ar":
                s = w.add(("p", p), " أسس ", ("o", o), " بعد سنوات في ", ("o2", o2), ".")
            else:
                s = w.add(("p", p), " founded ", ("o", o), " after years at ", ("o2", o2), ".")
            ex_rel.add(Relation(p.key, "founded", o.key, w.span(s["p"].start, s["o"].end), Decimal("0.9"), "bench.v1"))
            ex_rel.add(Relation(p.key, "formerlyWorkedFor", o2.key, w.span(s["p"].start, s["o2"].end), Decimal("0.75"),
                                "bench.v1"))
        buyer, target, outlet = take(orgs, fresh=False), take(orgs), take(outlets)
        if buyer.key != target.key:
            value = Decimal(rng.choice([150, 400, 900, 1500, 2700])) * 1_000_000
            words = f"${value / 1_000_000:g} million"
            if lang == "ar":
                s = w.add(("b", buyer), " استحوذت على ", ("t", target), " مقابل ", ("m", words), "، بحسب ",
                          ("r", outlet), ".")
            else:
                s = w.add(("b", buyer), " acquired ", ("t", target), " for ", ("m", words), ", ", ("r", outlet),
                          " reported.")
            money = Money(s["m"], value, "USD")
            ex_money.add(money)
            ex_deals.append(Deal(("Acquisition",), tuple(sorted((("acquirer", buyer.key), ("target", target.key)))),
                                 (money,), (outlet.key,), (w.span(s["b"].start, s["r"].end),), "reported",
                                 Decimal("0.8"), "bench.deal.v1"))
        if chips:
            o, chip, maker = take(orgs, fresh=False), take(chips), take(orgs, fresh=False)
            qty = rng.choice([1000, 5000, 10000, 20000])
            s = w.add(("o", o), f" bought {qty:,} " if lang == "en" else f" اشترت {qty:,} ", ("c", chip),
                      " chips made by " if lang == "en" else " من إنتاج ", ("m", maker), ".")
            ex_hw.add(HardwareMention(chip.key, qty, w.span(s["c"].start - len(f"{qty:,} "), s["c"].end), "bench.hw.v1"))
            if maker.key != o.key:
                ex_rel.add(Relation(chip.key, "manufacturer", maker.key, w.span(s["c"].start, s["m"].end), Decimal("0.8"),
                                    "bench.hw.v1"))
        o, p = take(orgs, fresh=False), take(people)
        s = w.add(("o", o), " hired " if lang == "en" else " عيّنت ", ("p", p), ".")
        ex_rel.add(Relation(o.key, "hired", p.key, w.span(s["o"].start, s["p"].end), Decimal("0.85"), "bench.v1"))
        text = w.text.rstrip() + "\n"
        key = f"article/bench-{a:05d}.{lang}"
        title = (f"عنوان المقال {a}: حروب المواهب" if lang == "ar" else f"Article {a}: the talent wars")
        article = Article(key, f"bench-{a:05d}.{lang}.txt", text, lang, hashlib.sha256(text.encode()).hexdigest(),
                          title, f"https://example.com/{a}", PUBLISHERS[a % len(PUBLISHERS)], "2024-01-01")
        ex = Extraction(article, {k: used[k] for k in sorted(used)}, sorted(set(w.ex_mentions)), ex_rel, ex_pos,
                        ex_quotes, ex_hw, ex_money, set(), ex_deals)
        out.append(ex)
    return out


def synthetic_dataset(n_entities: int, seed: int = 7):
    from kg.rdf import to_dataset

    return to_dataset(make_extractions(n_entities, seed))


def _wait(page, expression: str, timeout_ms: int) -> None:
    """Poll from outside the page: its Content-Security-Policy forbids the eval that
    Playwright's wait_for_function uses."""
    end = time.perf_counter() + timeout_ms / 1000
    while not page.evaluate(expression):
        if time.perf_counter() > end:
            raise TimeoutError(expression)
        time.sleep(0.02)


def measure(html: Path, browser, timeout_ms: int = 120_000) -> dict:
    page = browser.new_page(viewport={"width": 1400, "height": 850})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
    t0 = time.perf_counter()
    page.goto(html.resolve().as_uri(), wait_until="load")
    _wait(page, "window.sanadReady === true", timeout_ms)
    t_ready = time.perf_counter() - t0
    timing = page.evaluate("window.sanadTiming")
    # settled: positions unchanged over half a second (physics is off, so this is immediate)
    before = page.evaluate("JSON.stringify(network.getPositions())")
    page.wait_for_timeout(500)
    settled = page.evaluate("JSON.stringify(network.getPositions())") == before
    redraw = page.evaluate("""() => { const t = performance.now(); for (let i = 0; i < 5; i++) network.redraw();
                                      return (performance.now() - t) / 5; }""")
    # usable: a search over every node, then selecting and expanding the first hit
    t1 = time.perf_counter()
    page.fill("#search", "Lina Haddad")
    _wait(page, "network.getSelectedNodes().length > 0", timeout_ms)
    t_search = time.perf_counter() - t1
    drawn = page.evaluate("sanad.drawn()")
    page.close()
    return {"ready_s": round(t_ready, 2), "first_draw_s": round(timing["firstDraw"] / 1000, 2),
            "settled_s": round(timing["settled"] / 1000, 2), "settled": settled, "redraw_ms": round(redraw, 1),
            "search_select_s": round(t_search, 2), "drawn_nodes": drawn["nodes"], "drawn_edges": drawn["edges"],
            "errors": errors}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[500, 2000, 10000], help="numbers of entities")
    ap.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    ap.add_argument("--keep", type=Path, help="keep the pages in this folder")
    ap.add_argument("--max-nodes", type=int, default=None,
                    help="the large-graph threshold (default: kg.view.LARGE_GRAPH_NODES)")
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    from kg.view import LARGE_GRAPH_NODES, page_html, view_model

    rows = []
    folder = args.keep or Path(tempfile.mkdtemp(prefix="sanad-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for n in args.sizes:
            t = time.perf_counter()
            ds = synthetic_dataset(n)
            t_rdf = time.perf_counter() - t
            t = time.perf_counter()
            model = view_model(ds, large_threshold=args.max_nodes or LARGE_GRAPH_NODES)
            t_model = time.perf_counter() - t
            t = time.perf_counter()
            html = page_html(model)
            t_page = time.perf_counter() - t
            path = folder / f"explorer-{n}.html"
            path.write_text(html, encoding="utf-8")
            row = {"entities": n, "nodes": len(model["nodes"]), "edges": len(model["edges"]),
                   "large_mode": bool(model["large"]["on"]), "rdf_s": round(t_rdf, 2), "model_s": round(t_model, 2),
                   "page_s": round(t_page, 2), "page_mb": round(path.stat().st_size / 1e6, 2)}
            row.update(measure(path, browser))
            rows.append(row)
            print(json.dumps(row), file=sys.stderr)
        browser.close()
    cols = [("entities", "entities"), ("nodes", "nodes"), ("edges", "edges"), ("large_mode", "large mode"),
            ("drawn_nodes", "drawn"), ("model_s", "model s"), ("page_mb", "page MB"), ("first_draw_s", "first draw s"),
            ("settled_s", "settled s"), ("ready_s", "usable s"), ("redraw_ms", "redraw ms"),
            ("search_select_s", "search s")]
    print("| " + " | ".join(h for _, h in cols) + " |")
    print("|" + "|".join("---:" for _ in cols) + "|")
    for r in rows:
        print("| " + " | ".join(f"{r[k]:,}" if isinstance(r[k], int) and not isinstance(r[k], bool) else
                                 ("yes" if r[k] is True else "no" if r[k] is False else str(r[k])) for k, _ in cols) + " |")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 1 if any(r["errors"] for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
