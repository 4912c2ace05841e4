"""The explorer in a real headless Chromium with every non-file request aborted, and the
analytics behind it (`kg stats`, `kg path`)."""
from __future__ import annotations

import importlib.util
import json
import re
import shutil
import time
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from conftest import ARTIFACTS, ROOT

import kg
from kg import analytics
from kg.cli import main
from kg.export import load
from kg.text import norm
from kg.view import START_NODES, page_html, search_key, view_model, write_html

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
NAVEEN = "https://w3id.org/sanad/id/person/naveen-rao"
ISOLATES = re.compile("[\u2066-\u2069]")


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is not installed: run `make test` (it installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def seed_model(seed_build):
    return view_model(load(seed_build / "graph.trig"))


def _bench():
    spec = importlib.util.spec_from_file_location("bench_view", ROOT / "bench" / "bench_view.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Page:
    """One page, with console output, page errors, dialogs and attempted requests recorded."""

    def __init__(self, browser, path: Path) -> None:
        self.page = browser.new_page(viewport={"width": 1400, "height": 850})
        self.console, self.requests, self.dialogs = [], [], []
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

        def block(route):
            url = route.request.url
            if url.startswith(("file:", "data:")):
                route.continue_()
            else:
                self.requests.append(url)
                route.abort()
        self.page.route("**/*", block)
        self.page.goto(path.resolve().as_uri(), wait_until="load")
        self.wait("window.sanadReady === true")

    def wait(self, expression: str, timeout: float = 30.0) -> None:
        # polled from outside: the page's CSP forbids the eval that wait_for_function needs
        end = time.monotonic() + timeout
        while not self.page.evaluate(expression):
            assert time.monotonic() < end, f"timed out waiting for {expression}"
            time.sleep(0.05)

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def search(self, text: str) -> list[str]:
        self.page.fill("#search", text)
        self.page.wait_for_timeout(200)
        return self.js("network.getSelectedNodes()")

    def drawn(self) -> dict:
        return self.js("sanad.drawn()")

    def clean(self) -> bool:
        return self.console == [] and self.requests == [] and self.dialogs == []

    def close(self) -> None:
        self.page.close()


def _drawn_expected(model: dict, keep) -> dict:
    ids = {n["id"] for n in model["nodes"] if keep(n)}
    return {"nodes": len(ids), "edges": sum(1 for e in model["edges"] if e["from"] in ids and e["to"] in ids)}


def test_seed_explorer_offline_complete_and_searchable(browser, seed_model, seed_build):
    page = Page(browser, seed_build / "graph.html")
    p = page.page
    assert page.clean(), (page.console, page.requests)
    # everything the view model holds is drawn: no node or edge lost or added
    assert page.js("nodes.length") == len(seed_model["nodes"]) > 25
    assert page.js("edges.length") == len(seed_model["edges"]) > 20
    assert page.drawn() == {"nodes": len(seed_model["nodes"]), "edges": len(seed_model["edges"])}
    drawn_classes = page.js("(() => { const c = {}; nodes.forEach(r => { const n = sanad.model.nodes.find(m => m.id === r.id);"
                            " c[n.cls] = (c[n.cls] || 0) + 1; }); return c; })()")
    assert drawn_classes == analytics.stats(seed_model)["classes"]
    # deals, quotes and hardware mentions are nodes linking their parties
    deal = next(n for n in seed_model["nodes"] if n["cls"] == "Deal")
    assert {e["p"] for e in seed_model["edges"] if e["from"] == deal["id"]} >= {"licensee", "licensor", "hires", "amount",
                                                                                "reportedBy"}
    assert len(page.js("id => network.getConnectedNodes(id)", deal["id"])) == 5
    # positions are precomputed and nothing moves
    before = page.js("JSON.stringify(network.getPositions())")
    p.wait_for_timeout(400)
    assert page.js("JSON.stringify(network.getPositions())") == before
    assert page.js("DATA.vis.options.physics.enabled") is False
    # search in both scripts, and by alias, selects the same node
    assert page.search("نافين راو") == page.search("Naveen Rao") == page.search("naveen") == [NAVEEN]
    assert page.search("راو") == page.search("نافين") == [NAVEEN]
    # a real click on his node selects him and fills the panel
    page.js("network.unselectAll(); showOverview(); network.fit({animation: false})")
    pos = page.js("id => network.canvasToDOM(network.getPositions([id])[id])", NAVEEN)
    box = p.locator("#mynetwork canvas").bounding_box()
    p.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    p.wait_for_timeout(200)
    assert page.js("network.getSelectedNodes()") == [NAVEEN]
    assert p.locator("#details .card[data-node]").get_attribute("data-node") == NAVEEN
    # the panel: labels in both scripts, class, and his six quotes, each with its sentence, span marked
    details = p.inner_text("#details")
    assert "Naveen Rao" in details and "نافين راو" in details and "Person" in details
    quotes = p.locator("#details section[data-p='speaker'][data-inv='1'] .fact")
    assert quotes.count() == 6
    for i in range(6):
        assert quotes.nth(i).locator(".ev mark").count() >= 1
    assert p.locator("#details section[data-p='speaker'] h3").text_content() == "quotes (6)"
    assert p.locator("#details .ev .src a[href^='https://']").count() >= 6  # the article, linked
    founded = p.inner_text("#details section[data-p='founded']")
    assert "Nervana" in founded and "0.6" in founded
    # the screenshot for the README (docs/explorer.png is a copy): found in Arabic, his quotes in view
    page.search("نافين راو")
    page.js("network.fit({animation: false})")
    page.js("document.querySelector(\"#details section[data-p='speaker']\").scrollIntoView()")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    p.screenshot(path=str(ARTIFACTS / "seed-explorer.png"))
    # clicking an edge shows its evidence
    page.js("showEdge(edges.get()[0].id)")
    assert p.locator("#details .ev mark").count() >= 1
    # a Wikidata link, only for wikidata.org
    page.search("Google")
    assert p.locator("#details a.wikidata").get_attribute("href") == "http://www.wikidata.org/entity/Q95"
    assert page.clean(), (page.console, page.requests)
    page.close()


def test_page_search_folds_like_kg_text_norm(browser, seed_build):
    page = Page(browser, seed_build / "graph.html")
    samples = ["الذَّكاءُ", "إنفيديا", "أوبن إيه آي", "مؤسسة", "شركةٌ", "ـاـ", "٢٫٧ مليار", "۱۲۳", "Straße", "ΌΣΟΣ",
               "Character.AI", "ﻻ", "Naveen\u200fRao", "كاراكتر‎ إيه آي", "’Sam‘ `Altman`", "MI300X", "ﬁnance"]
    assert page.js("s => s.map(sanad.norm)", samples) == [norm(s) for s in samples]
    assert page.js("s => s.map(sanad.searchKey)", samples) == [search_key(s) for s in samples]
    page.close()


def test_filters_change_what_is_drawn(browser, seed_model, seed_build):
    page = Page(browser, seed_build / "graph.html")
    p = page.page
    everything = page.drawn()
    # class: the legend hides quotes and their speaker edges
    p.click("#legend [data-cls='Quote']")
    assert page.drawn() == _drawn_expected(seed_model, lambda n: n["cls"] != "Quote")
    assert page.drawn()["nodes"] == everything["nodes"] - 7
    p.click("#legend [data-cls='Quote']")
    assert page.drawn() == everything
    # neighbourhood of N hops around the selected node
    G = analytics.graph(seed_model)
    page.search("Naveen Rao")
    for hops in (1, 2):
        p.select_option("#hops", str(hops))
        near = set(nx.single_source_shortest_path_length(G, NAVEEN, cutoff=hops))
        assert page.drawn() == _drawn_expected(seed_model, lambda n, near=near: n["id"] in near)
        assert p.is_visible("#focus-chip") and "Naveen Rao" in p.inner_text("#focus-chip")
    assert page.drawn()["nodes"] == 10  # him, his six quotes, Databricks, Nervana, and Nervana's ex-employee
    p.click("#hop-buttons [data-hops='0']")
    assert page.drawn() == everything
    p.click("#unfocus")
    assert not p.is_visible("#focus-chip")
    # literal values can be hidden in the panel
    page.search("Noam Shazeer")
    age = p.locator("#details section[data-p='age']")
    assert age.is_visible() and "48" in age.inner_text()
    p.uncheck("#literals")
    assert not age.is_visible()
    p.check("#literals")
    assert age.is_visible()
    assert page.clean()
    page.close()


def test_article_and_outlet_filters(browser, tmp_path):
    ds = _bench().synthetic_dataset(80)
    model = view_model(ds)
    assert len(model["articles"]) >= 4 and not model["large"]["on"]
    write_html(ds, tmp_path / "graph.html")
    page = Page(browser, tmp_path / "graph.html")
    p = page.page
    everything = page.drawn()
    assert everything == {"nodes": len(model["nodes"]), "edges": len(model["edges"])}
    for a in (0, 2):
        p.select_option("#f-article", str(a))
        ids = {n["id"] for n in model["nodes"] if a in n["articles"]}
        want = sum(1 for e in model["edges"] if e["from"] in ids and e["to"] in ids and (not e["ev"] or a in e["articles"]))
        assert page.drawn() == {"nodes": len(ids), "edges": want} and 0 < len(ids) < everything["nodes"]
    p.select_option("#f-article", "")
    assert page.drawn() == everything
    published = next(o for o in model["outlets"] if o["articles"])
    credited = next(o for o in model["outlets"] if o["credited"])
    for outlet in (published, credited):
        p.select_option("#f-outlet", outlet["key"])
        want = _drawn_expected(model, lambda n, k=outlet["key"]: k in n["outlets"])
        assert page.drawn() == want and 0 < want["nodes"] < everything["nodes"]
    # a credited outlet brings the deals it reported, and their parties
    deals = [n for n in model["nodes"] if n["cls"] == "Deal" and credited["key"] in n["outlets"]]
    assert deals and all(page.js(f"!nodes.get({json.dumps(d['id'])}).hidden") for d in deals)
    p.select_option("#f-outlet", "")
    assert page.drawn() == everything and page.clean()
    page.close()


def test_language_switch_relabels_and_turns_the_panel(browser, seed_build):
    page = Page(browser, seed_build / "graph.html")
    p = page.page
    page.search("Naveen Rao")
    p.select_option("#lang", "ar")
    assert ISOLATES.sub("", page.js("nodes.get('https://w3id.org/sanad/id/org/google').label")) == "جوجل"
    assert page.js("document.documentElement.dir") == "rtl"
    assert page.js("getComputedStyle(document.getElementById('details')).direction") == "rtl"
    assert p.locator("#side").bounding_box()["x"] < p.locator("#graph").bounding_box()["x"]  # the panel moved left
    assert p.inner_text("#details h2") == "نافين راو" and "شخص" in p.inner_text("#details .kind")
    assert p.locator("#details section[data-p='speaker'] h3").text_content() == "اقتباسات (6)"
    assert "شخص" in p.inner_text("#legend") and p.get_attribute("#search", "placeholder").startswith("ابحث")
    assert ISOLATES.sub("", page.js("edges.get({filter: e => e.from.endsWith('/org/command-line')})[0].label")) == "جزء من"
    # Arabic evidence reads right to left whatever the panel's direction
    assert page.js("document.querySelector('#details .ev').dir") == "rtl"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    p.screenshot(path=str(ARTIFACTS / "seed-explorer-ar.png"))
    p.select_option("#lang", "en")
    assert page.js("document.documentElement.dir") == "ltr"
    assert page.js("nodes.get('https://w3id.org/sanad/id/org/google').label") == "Google"
    assert p.inner_text("#details h2") == "Naveen Rao"
    assert page.clean()
    page.close()


def test_large_graph_starts_small_and_grows_on_demand(browser, tmp_path):
    ds = _bench().synthetic_dataset(3000)
    model = view_model(ds)
    large = model["large"]
    assert large["on"] and len(model["nodes"]) > 4000 and len(large["start"]) == START_NODES
    html = tmp_path / "big.html"
    html.write_text(page_html(model), encoding="utf-8")
    page = Page(browser, html)
    p = page.page
    start = set(large["start"])
    assert page.js("nodes.length") == START_NODES
    assert page.drawn() == _drawn_expected(model, lambda n: n["id"] in start)
    assert p.is_visible("#large-chip")
    # double-click the start node with the most neighbours not yet drawn: they appear
    G = analytics.graph(model)
    hub = max((i for i in sorted(start) if len(set(G[i]) - start) <= 400), key=lambda i: len(set(G[i]) - start))
    extra = set(G[hub]) - start
    assert extra
    page.js("id => network.focus(id, {scale: 1.2, animation: false})", hub)
    pos = page.js("id => network.canvasToDOM(network.getPositions([id])[id])", hub)
    box = p.locator("#mynetwork canvas").bounding_box()
    p.mouse.dblclick(box["x"] + pos["x"], box["y"] + pos["y"])
    p.wait_for_timeout(300)
    grown = start | extra
    assert page.js("nodes.length") == len(grown)
    assert page.drawn() == _drawn_expected(model, lambda n: n["id"] in grown)
    # search still covers every node: a node far from the start set is found and brought in
    far = next(n for n in reversed(model["nodes"]) if n["id"] not in grown and n["cls"] == "Person")
    assert page.search(far["label_en"])[0] == far["id"]
    assert page.js("id => !!nodes.get(id)", far["id"])
    grown |= {far["id"], *G[far["id"]]}  # with its neighbours
    assert page.js("nodes.length") == len(grown)
    assert p.locator("#btn-expand").is_disabled()
    # the expand button in the panel does the same as a double-click
    other = next(i for i in sorted(start) if set(G[i]) - grown and len(set(G[i]) - grown) <= 400)
    page.js("id => sanad.select(id)", other)
    p.click("#btn-expand")
    grown |= set(G[other])
    assert page.js("nodes.length") == len(grown)
    assert page.drawn() == _drawn_expected(model, lambda n: n["id"] in grown)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    p.screenshot(path=str(ARTIFACTS / "large-graph.png"))
    p.click("#reset")
    assert page.js("nodes.length") == START_NODES
    assert page.clean(), (page.console, page.requests)
    page.close()


def test_hostile_article_text_is_rendered_as_text(browser, tmp_path):
    hostile = ('Google hired <script>alert(1)</script> "Jane <img src=x onerror=alert(2)> Doe" '
               '</script><script>alert(3)</script>. "It is a quote with <b>tags</b> and \' and \\" marks," '
               'said Sam Altman, the CEO of OpenAI.\n')
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.txt").write_text("Headline <script>alert(4)</script>\n" + hostile, encoding="utf-8")
    (tmp_path / "in" / "x.meta.json").write_text(json.dumps({
        "title": "<img src=x onerror=alert(5)> \"title\" </script><script>alert(6)</script>",
        "outlet": "<script>alert(7)</script>", "url": "javascript:alert(8)"}), encoding="utf-8")
    kg.build([tmp_path / "in"], tmp_path / "out")
    page = Page(browser, tmp_path / "out" / "graph.html")
    page.search("Sam Altman")
    page.page.wait_for_timeout(300)
    text = page.page.inner_text("#details")
    assert "<b>tags</b>" in text or "Altman" in text
    assert page.page.locator("#details b, #details img, #details script").count() == 0
    assert page.page.locator("a[href^='javascript']").count() == 0
    assert "<script>alert(7)</script>" in page.page.inner_text("#f-outlet")  # shown as text
    page.page.select_option("#f-article", "0")
    page.page.select_option("#lang", "ar")
    assert page.page.locator("img, script[src], iframe").count() == 0
    assert page.dialogs == [] and page.console == [] and page.requests == []
    page.close()


def test_page_is_self_contained_and_stable(seed_model):
    html = page_html(seed_model)
    assert html == page_html(seed_model)
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html)  # nothing loaded from anywhere
    assert "default-src 'none'" in html and "connect-src 'none'" in html
    data = html.split('<script id="sanad-data" type="application/json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data
    model = json.loads(data)["model"]
    assert [n["id"] for n in model["nodes"]] == sorted(n["id"] for n in model["nodes"])


def test_view_model_holds_the_graph(seed_model, seed_build):
    """The model (and so the page) draws every entity and fact node of the graph, and every
    relation between them: counted here with SPARQL, independently of kg.view."""
    from kg.query import Store

    store = Store(seed_build / "graph.trig")
    classes = "sanad:Person sanad:Organization sanad:HardwareModel sanad:Deal sanad:Quote sanad:HardwareMention " \
              "sanad:MonetaryAmount"
    drawn = f"VALUES ?c {{ {classes} }}"
    nodes = int(next(iter(store.query(f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ {drawn} ?s a ?c }}")))["n"].value)
    props = ("sanad:worksFor sanad:formerlyWorkedFor sanad:founded sanad:partOf sanad:manufacturer sanad:hired "
             "sanad:speaker sanad:hardware sanad:amount sanad:reportedBy sanad:party sanad:acquirer sanad:target "
             "sanad:licensee sanad:licensor sanad:investor sanad:investee sanad:hires")
    relations = int(next(iter(store.query(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ {{ SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {props} }} ?s ?p ?o . "
        f"FILTER EXISTS {{ {drawn} ?s a ?c }} FILTER EXISTS {{ {drawn} ?o a ?c }} "
        "FILTER NOT EXISTS { FILTER(?p = sanad:party) ?s ?role ?o . FILTER(?role != sanad:party) } } } }")))["n"].value)
    positions = int(next(iter(store.query(
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?person ?pos ?org WHERE "
        "{ ?person sanad:holdsPosition ?pos . ?pos sanad:organization ?org } }")))["n"].value)
    assert len(seed_model["nodes"]) == nodes
    assert len(seed_model["edges"]) == relations + positions


def test_view_model_facts_evidence_and_filters(seed_model):
    m = seed_model
    rec = {n["id"]: n for n in m["nodes"]}
    naveen = rec[NAVEEN]
    assert (naveen["label_en"], naveen["label_ar"], naveen["alt"]) == ("Naveen Rao", "نافين راو", ["راو"])
    quotes = [f for f in naveen["facts"] if f["p"] == "speaker" and f.get("inv")]
    assert len(quotes) == 6 and all(f["ev"] and f["node"] for f in quotes)
    assert all(f.get("ar", rec[f["node"]]["label_ar"]).startswith("«") for f in quotes)
    for f in naveen["facts"]:
        for i in f["ev"]:
            ev = m["evidence"][i]
            assert ev["x"] and m["articles"][ev["a"]]["id"].endswith("databricks-talent-wars.ar")
    assert {o["en"] for o in m["outlets"]} == {"Khaleej Borsa", "The Wall Street Journal"}
    wsj = "https://w3id.org/sanad/id/org/wall-street-journal"
    credited = {n["label_en"] for n in m["nodes"] if wsj in n["outlets"]}
    assert credited >= {"Google", "Character.AI", "Noam Shazeer", "The Wall Street Journal"}
    assert m["analytics"]["central"][0] == NAVEEN and not m["large"]["on"]


def test_analytics_resolve_and_path(seed_model):
    m = seed_model
    for name in ("Naveen Rao", "نافين راو", "راو", "naveen rao", "person:naveen-rao", f"<{NAVEEN}>", NAVEEN):
        assert analytics.resolve(m, name) == NAVEEN
    with pytest.raises(kg.KGError, match="Did you mean: person:naveen-rao"):
        analytics.resolve(m, "Naveen")
    steps = analytics.shortest_path(m, NAVEEN, "https://w3id.org/sanad/id/person/sam-altman")
    assert [s["edge"]["p"] for s in steps] == ["founded", "formerlyWorkedFor", "worksFor", "worksFor"]
    assert all(s["edge"]["ev"] for s in steps)
    assert analytics.shortest_path(m, NAVEEN, "https://w3id.org/sanad/id/person/noam-shazeer") is None
    assert analytics.stats(m) == analytics.stats(m)


def test_kg_stats_and_kg_path_commands(seed_build):
    graph = str(seed_build / "graph.trig")
    run = CliRunner().invoke
    r = run(main, ["stats", graph, "--format", "json", "--top", "3"])
    assert r.exit_code == 0, r.output
    stats = json.loads(r.output)
    assert stats["degree"][0]["name"] == "person:naveen-rao" and len(stats["degree"]) == 3
    assert stats["components"]["count"] >= 10 and stats["communities"]["count"] >= stats["components"]["count"]
    table = run(main, ["stats", graph])
    assert table.exit_code == 0 and "By betweenness" in table.output and "Naveen Rao / نافين راو" in table.output
    r = run(main, ["path", "نافين راو", "Sam Altman", graph])
    assert r.exit_code == 0, r.output
    assert "4 steps" in r.output and "[شركته Nervana]" in r.output and "#char=3135,3148" in r.output
    r = run(main, ["path", "person:naveen-rao", "person:sam-altman", graph, "--format", "json"])
    data = json.loads(r.output)
    assert data["connected"] and len(data["steps"]) == 4 and all(s["evidence"] for s in data["steps"])
    r = run(main, ["path", "Naveen Rao", "Noam Shazeer", graph])
    assert r.exit_code == 1 and "not connected" in r.output
    r = run(main, ["path", "Nobody Atall", "Naveen Rao", graph])
    assert r.exit_code == 2 and "Error: no node is labelled 'Nobody Atall'" in r.output
