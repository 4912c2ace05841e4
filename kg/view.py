"""The HTML explorer: the graph as data first (`view_model`), then one self-contained page.

pyvis builds the vis-network node and edge records; the page inlines the vis-network script
and stylesheet that the installed pyvis package ships, so it works from file:// with no network.
All article text reaches the page as JSON data and is written into the DOM with textContent,
never as HTML.
"""
from __future__ import annotations

import html
import json
from importlib import resources
from pathlib import Path

import networkx as nx
from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, SKOS

from kg.export import union
from kg.vocab import SANAD

# class -> (legend label, colour, vis shape); the first class of a node found here wins
STYLES = {
    SANAD.Person: ("Person", "#4e79a7", "dot"),
    SANAD.MediaOutlet: ("Media outlet", "#f28e2b", "diamond"),
    SANAD.Company: ("Company", "#59a14f", "square"),
    SANAD.Organization: ("Organization", "#76b7b2", "square"),
    SANAD.HardwareModel: ("Hardware model", "#b07aa1", "triangle"),
    SANAD.Deal: ("Deal", "#e15759", "star"),
    SANAD.Quote: ("Quote", "#9c755f", "box"),
    SANAD.HardwareMention: ("Hardware mention", "#ff9da7", "triangleDown"),
    SANAD.MonetaryAmount: ("Amount", "#edc948", "ellipse"),
}
NODE_CLASSES = tuple(STYLES)
EDGE_PROPERTIES = (SANAD.worksFor, SANAD.formerlyWorkedFor, SANAD.founded, SANAD.partOf, SANAD.manufacturer,
                   SANAD.hired, SANAD.speaker, SANAD.hardware, SANAD.amount, SANAD.reportedBy, SANAD.party,
                   SANAD.acquirer, SANAD.target, SANAD.licensee, SANAD.licensor, SANAD.investor, SANAD.investee,
                   SANAD.hires)
DEAL_ROLES = (SANAD.acquirer, SANAD.target, SANAD.licensee, SANAD.licensor, SANAD.investor, SANAD.investee,
              SANAD.hires)


def view_model(ds: Dataset) -> dict:
    g = union(ds)
    articles = _articles(g)
    nodes, keep = [], set()
    for node in sorted({s for c in NODE_CLASSES for s in g.subjects(RDF.type, c)}, key=str):
        cls = next(c for c in NODE_CLASSES if (node, RDF.type, c) in g)
        keep.add(node)
        labels = _labels(g, node, cls)
        nodes.append({
            "id": str(node), "cls": STYLES[cls][0], "label_en": labels.get("en") or labels.get("ar") or _tail(node),
            "label_ar": labels.get("ar") or labels.get("en") or _tail(node),
            "wikidata": next((str(o) for o in g.objects(node, OWL.sameAs)), None),
            "facts": _facts(g, node, articles), "evidence": _evidence(g, node, articles),
            "articles": sorted({e["article"] for e in _evidence(g, node, articles)}),
        })
    edges = []
    for p in EDGE_PROPERTIES:
        for s, o in sorted(g.subject_objects(p)):
            if s not in keep or o not in keep:
                continue
            if p == SANAD.party and any((s, r, o) in g for r in DEAL_ROLES):
                continue  # the specific role is drawn instead
            edges.append({"from": str(s), "to": str(o), "label": _local(p),
                          "evidence": _assertion_evidence(g, s, p, o, articles)})
    for person, pos in sorted(g.subject_objects(SANAD.holdsPosition)):
        for org in g.objects(pos, SANAD.organization):
            title = ", ".join(sorted(str(t) for t in g.objects(pos, SANAD.title)))
            current = any(bool(v.toPython()) for v in g.objects(pos, SANAD.isCurrent))
            edges.append({"from": str(person), "to": str(org), "label": title if current else f"{title} (former)",
                          "evidence": _evidence(g, pos, articles)})
    edges = [e for e in edges if e["from"] in {n["id"] for n in nodes} and e["to"] in {n["id"] for n in nodes}]
    edges.sort(key=lambda e: (e["from"], e["to"], e["label"]))
    for i, e in enumerate(edges):
        e["id"] = f"e{i}"
    _layout(nodes, edges)
    legend = [{"cls": label, "color": color, "shape": shape} for label, color, shape in STYLES.values()]
    return {"nodes": nodes, "edges": edges, "legend": legend, "articles": articles}


def _articles(g: Graph) -> dict[str, dict]:
    out = {}
    for a in sorted(g.subjects(RDF.type, SANAD.Article), key=str):
        out[str(a)] = {"title": str(next(g.objects(a, SANAD.headline), "") or _tail(a)),
                       "url": str(next(g.objects(a, SANAD.url), "") or ""),
                       "outlet": str(next(g.objects(a, SANAD.outletName), "") or "")}
    return out


def _labels(g: Graph, node, cls) -> dict[str, str]:
    out: dict[str, str] = {}
    for lit in sorted(g.objects(node, RDFS.label), key=str):
        if isinstance(lit, Literal):
            out.setdefault(lit.language or "en", str(lit))
    if cls == SANAD.Quote:
        text = next((str(t) for t in g.objects(node, SANAD.text)), "")
        short = text if len(text) <= 40 else text[:38] + "…"
        out = {"ar": f"«{short}»", "en": f"“{short}”"}
    elif cls == SANAD.MonetaryAmount:
        value = next((o for o in g.objects(node, SANAD.value)), None)
        cur = next((str(o) for o in g.objects(node, SANAD.currency)), "")
        out = {"en": f"{cur} {_money(value)}", "ar": f"{_money(value)} {cur}"}
    elif cls == SANAD.HardwareMention:
        hw = next(g.objects(node, SANAD.hardware), None)
        qty = next((int(q) for q in g.objects(node, SANAD.quantity)), 0)
        name = _labels(g, hw, SANAD.HardwareModel).get("en", _tail(hw)) if hw else "?"
        out = {"en": f"{qty:,} × {name}", "ar": f"{qty:,} × {name}"}
    elif cls == SANAD.Deal:
        kinds = sorted(_local(c) for c in g.objects(node, RDF.type) if c != SANAD.Deal and str(c).startswith(str(SANAD)))
        parties = sorted(_labels(g, p, SANAD.Organization).get("en", _tail(p)) for p in g.objects(node, SANAD.party)
                         if (p, RDF.type, SANAD.Organization) in g)
        out = {"en": f"{' / '.join(kinds) or 'Deal'}: {' – '.join(parties)}"}
        out["ar"] = out["en"]
    return out


def _money(value) -> str:
    if value is None:
        return "?"
    v = float(value)
    for size, word in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if v >= size:
            return f"{v / size:g}{word}"
    return f"{v:g}"


def _evidence(g: Graph, node, articles: dict) -> list[dict]:
    out = []
    for ev in sorted(g.objects(node, SANAD.evidence), key=str):
        src = str(next(g.objects(ev, SANAD.source), ""))
        out.append({"article": src, "title": articles.get(src, {}).get("title", ""),
                    "url": articles.get(src, {}).get("url", ""),
                    "start": int(next(g.objects(ev, SANAD.start), 0)),
                    "prefix": str(next(g.objects(ev, SANAD.prefix), "")),
                    "exact": str(next(g.objects(ev, SANAD.exact), "")),
                    "suffix": str(next(g.objects(ev, SANAD.suffix), ""))})
    out.sort(key=lambda e: (e["article"], e["start"]))
    return out


def _assertion_evidence(g: Graph, s, p, o, articles: dict) -> list[dict]:
    out = []
    for a in g.subjects(RDF.subject, s):
        if (a, RDF.predicate, p) in g and (a, RDF.object, o) in g:
            out += _evidence(g, a, articles)
    if not out and p in DEAL_ROLES + (SANAD.party, SANAD.amount, SANAD.reportedBy):
        out = _evidence(g, s, articles)
    if not out and p in (SANAD.speaker, SANAD.hardware):
        out = _evidence(g, s, articles)
    return sorted(out, key=lambda e: (e["article"], e["start"]))


def _facts(g: Graph, node, articles: dict) -> list[dict]:
    """Every statement about the node, in words, each with its evidence."""
    out = []
    for p, o in sorted(g.predicate_objects(node)):
        if p in (RDF.type, RDFS.label, SKOS.prefLabel, SANAD.evidence, SANAD.extractedBy, SANAD.confidence):
            continue
        value = _display(g, o)
        evidence = _assertion_evidence(g, node, p, o, articles) if isinstance(o, URIRef) else []
        if p == SANAD.holdsPosition:
            org = next(g.objects(o, SANAD.organization), None)
            title = ", ".join(sorted(str(t) for t in g.objects(o, SANAD.title)))
            value = f"{title} — {_display(g, org)}" if org else title
            evidence = _evidence(g, o, articles)
        out.append({"p": _local(p), "o": value, "evidence": evidence})
    for s, p in sorted(g.subject_predicates(node)):
        if p in (SANAD.mentions, RDF.subject, RDF.object) or not str(p).startswith(str(SANAD)):
            continue
        out.append({"p": f"← {_local(p)}", "o": _display(g, s),
                    "evidence": _assertion_evidence(g, s, p, node, articles)})
    return out


def _display(g: Graph, o) -> str:
    if isinstance(o, Literal):
        return str(o)
    labels = [str(x) for x in g.objects(o, RDFS.label)]
    if labels:
        return " / ".join(sorted(labels))
    if (o, RDF.type, SANAD.Quote) in g:
        return "“" + next((str(t) for t in g.objects(o, SANAD.text)), "") + "”"
    if (o, RDF.type, SANAD.MonetaryAmount) in g:
        return _labels(g, o, SANAD.MonetaryAmount)["en"]
    if (o, RDF.type, SANAD.HardwareMention) in g or (o, RDF.type, SANAD.Deal) in g:
        cls = SANAD.HardwareMention if (o, RDF.type, SANAD.HardwareMention) in g else SANAD.Deal
        return _labels(g, o, cls)["en"]
    return _tail(o)


def _layout(nodes: list[dict], edges: list[dict]) -> None:
    """Positions computed once (seeded), so the page draws at once and never moves between builds."""
    G = nx.Graph()
    G.add_nodes_from(n["id"] for n in nodes)
    G.add_edges_from((e["from"], e["to"]) for e in edges)
    if not nodes:
        return
    if len(nodes) <= 400:
        # components side by side, each laid out by Kamada-Kawai: readable and deterministic
        pos = nx.kamada_kawai_layout(G, pos=nx.circular_layout(G))
        pos = nx.spring_layout(G, pos=pos, seed=7, k=3.0 / len(nodes) ** 0.5, iterations=60)
    else:
        pos = nx.spring_layout(G, seed=7, k=3.0 / len(nodes) ** 0.5, iterations=100)
    scale = 150 * len(nodes) ** 0.5
    for n in nodes:
        x, y = pos.get(n["id"], (0.0, 0.0))
        n["x"], n["y"] = round(float(x) * scale, 1), round(float(y) * scale, 1)


def _local(term) -> str:
    return str(term).rsplit("#", 1)[-1]


def _tail(term) -> str:
    return str(term).rstrip("/").rsplit("/", 1)[-1]


def _vis_records(model: dict) -> tuple[list[dict], list[dict]]:
    """Node and edge records built with pyvis, so options follow its conventions."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    style = {label: (color, shape) for label, color, shape in STYLES.values()}
    for n in model["nodes"]:
        color, shape = style[n["cls"]]
        net.add_node(n["id"], label=n["label_en"], color=color, shape=shape, x=n["x"], y=n["y"], physics=False)
    for e in model["edges"]:
        net.add_edge(e["from"], e["to"], label=e["label"], id=e["id"], arrows="to")
    return net.nodes, net.edges


def _asset(*parts: str) -> str:
    return resources.files("pyvis").joinpath("lib", *parts).read_text(encoding="utf-8")


def _json_for_script(data) -> str:
    """JSON that is safe inside <script>: no '<', '>' or '&' can close the element."""
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def render_html(ds: Dataset, title: str = "Sanad explorer") -> str:
    model = view_model(ds)
    vis_nodes, vis_edges = _vis_records(model)
    page = resources.files("kg").joinpath("templates", "explorer.html").read_text(encoding="utf-8")
    data = {"nodes": vis_nodes, "edges": vis_edges, "model": model}
    replacements = {
        "{{TITLE}}": html.escape(title),
        "{{VIS_CSS}}": _asset("vis-9.1.2", "vis-network.css").replace("</", "<\\/"),
        "{{VIS_JS}}": _asset("vis-9.1.2", "vis-network.min.js").replace("</script", "<\\/script"),
        "{{DATA}}": _json_for_script(data),
    }
    for key, value in replacements.items():
        page = page.replace(key, value)
    return page


def write_html(ds: Dataset, path: Path) -> None:
    from kg.export import write_atomic

    write_atomic(path, render_html(ds).encode("utf-8"))
