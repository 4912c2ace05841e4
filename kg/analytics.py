"""Graph analytics over the explorer's view model: centrality, components, communities, paths.

Pure functions over a view model (`kg.view.view_model`) or the networkx graph built from it;
the page shows their results and `kg stats` / `kg path` print them. The graph is the one the
explorer draws: entities and fact nodes (quotes, deals, hardware mentions, amounts) joined by
their relations, taken as undirected for connectivity. Everything is seeded and sorted, so the
same graph gives the same figures (and the same page bytes) on every run.

>>> G = graph({"nodes": [{"id": "a"}, {"id": "b"}, {"id": "c"}], "edges": [{"from": "a", "to": "b"}]})
>>> components(G)
[['a', 'b'], ['c']]
"""
from __future__ import annotations

import re

import networkx as nx

from kg.defaults import PREFIXES
from kg.errors import KGError
from kg.text import norm

SEED = 7
EXACT_BETWEENNESS_MAX = 1000  # above this many nodes betweenness is estimated from BETWEENNESS_SAMPLES sources
BETWEENNESS_SAMPLES = 40
ENTITY_CLASSES = ("Person", "Company", "Organization", "MediaOutlet", "HardwareModel")


def graph(model: dict) -> nx.Graph:
    """The drawn graph as an undirected networkx graph; nodes keep their model record."""
    G = nx.Graph()
    for n in model["nodes"]:
        G.add_node(n["id"], **{"rec": n})
    for e in model["edges"]:
        if G.has_edge(e["from"], e["to"]):
            G[e["from"]][e["to"]]["edges"].append(e)
        else:
            G.add_edge(e["from"], e["to"], edges=[e])
    return G


def degree(G: nx.Graph) -> dict[str, int]:
    return {n: G.degree(n) for n in G}


def betweenness(G: nx.Graph, seed: int = SEED) -> dict[str, float]:
    """Normalised betweenness: exact up to EXACT_BETWEENNESS_MAX nodes, else sampled (seeded)."""
    if G.number_of_nodes() <= EXACT_BETWEENNESS_MAX:
        return nx.betweenness_centrality(G)
    return nx.betweenness_centrality(G, k=BETWEENNESS_SAMPLES, seed=seed)


def components(G: nx.Graph) -> list[list[str]]:
    """Connected components, largest first, each sorted."""
    return sorted((sorted(c) for c in nx.connected_components(G)), key=lambda c: (-len(c), c[0]))


def communities(G: nx.Graph, seed: int = SEED) -> list[list[str]]:
    """Louvain communities (seeded), largest first, each sorted; isolated nodes are their own."""
    if G.number_of_edges() == 0:
        return [[n] for n in sorted(G)]
    found = nx.community.louvain_communities(G, seed=seed)
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))


def ranking(deg: dict[str, int], btw: dict[str, float]) -> list[str]:
    """Node ids, most central first: betweenness, then degree, then id."""
    return sorted(deg, key=lambda n: (-round(btw.get(n, 0.0), 6), -deg[n], n))


def analyse(model: dict, top: int = 10, seed: int = SEED) -> dict:
    """Degree, betweenness, components and communities of a view model, as plain data.

    Per node: {"deg", "btw", "comm"} under "per_node"; "central" lists the top entities
    (people, organizations, chips) by the ranking; "start" ranks every node.
    """
    G = graph(model)
    deg, btw = degree(G), betweenness(G, seed)
    comps, comms = components(G), communities(G, seed)
    comm_of = {n: i for i, c in enumerate(comms) for n in c}
    order = ranking(deg, btw)
    cls = {n["id"]: n.get("cls") for n in model["nodes"]}
    entities = [n for n in order if cls.get(n) in ENTITY_CLASSES]
    return {
        "per_node": {n: {"deg": deg[n], "btw": round(btw.get(n, 0.0), 5), "comm": comm_of[n]} for n in G},
        "order": order,
        "central": entities[:top],
        "top_degree": sorted(G, key=lambda n: (-deg[n], n))[:top],
        "top_betweenness": sorted(G, key=lambda n: (-btw.get(n, 0.0), -deg[n], n))[:top],
        "components": [len(c) for c in comps],
        "communities": [len(c) for c in comms],
        "community_members": comms,
        "exact_betweenness": G.number_of_nodes() <= EXACT_BETWEENNESS_MAX,
    }


def stats(model: dict, top: int = 10, seed: int = SEED) -> dict:
    """What `kg stats` prints: sizes, top nodes by degree and betweenness, components, communities."""
    a = analyse(model, top, seed)
    recs = {n["id"]: n for n in model["nodes"]}
    per = a["per_node"]

    def row(n):
        r = recs[n]
        return {"id": n, "name": short(n), "label": r.get("label_en", ""), "label_ar": r.get("label_ar", ""),
                "class": r.get("cls", ""), "degree": per[n]["deg"], "betweenness": per[n]["btw"],
                "community": per[n]["comm"]}

    comms = a["community_members"]
    return {
        "nodes": len(model["nodes"]), "edges": len(model["edges"]),
        "classes": _count(r.get("cls", "") for r in model["nodes"]),
        "degree": [row(n) for n in a["top_degree"]],
        "betweenness": [row(n) for n in a["top_betweenness"]],
        "betweenness_exact": a["exact_betweenness"],
        "components": {"count": len(a["components"]), "sizes": a["components"][:top],
                       "isolated": sum(1 for s in a["components"] if s == 1)},
        "communities": {"count": len(comms), "method": f"louvain (networkx, seed {seed})",
                        "modularity": round(nx.community.modularity(graph(model), comms), 4) if model["edges"] else 0.0,
                        "largest": [{"size": len(c), "members": [short(m) for m in _central_first(c, per)[:5]]}
                                    for c in comms[:top]]},
    }


def _central_first(ids: list[str], per: dict) -> list[str]:
    return sorted(ids, key=lambda n: (-per[n]["btw"], -per[n]["deg"], n))


def _count(values) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in values:
        out[v] = out.get(v, 0) + 1
    return dict(sorted(out.items()))


def short(iri: str) -> str:
    """A prefixed name where a Sanad prefix fits, else the IRI.

    >>> short(PREFIXES["person"] + "naveen-rao")
    'person:naveen-rao'
    """
    best = None
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and re.fullmatch(r"[\w.-]*[\w-]", iri[len(ns):]):
            if best is None or len(ns) > len(PREFIXES[best]):
                best = prefix
    return f"{best}:{iri[len(PREFIXES[best]):]}" if best else iri


def resolve(model: dict, text: str) -> str:
    """A node id from an IRI (<...> or bare), a prefixed name (person:naveen-rao) or a label in
    either language (matched like kg.text.norm: "نافين راو", "naveen rao" and "راو" all work
    when they name one node). Raises KGError when nothing or more than one node matches."""
    ids = {n["id"] for n in model["nodes"]}
    value = text.strip()
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    if value in ids:
        return value
    prefix, sep, local = value.partition(":")
    if sep and prefix in PREFIXES and not re.search(r"\s", value):
        iri = PREFIXES[prefix] + local
        if iri in ids:
            return iri
        raise KGError(f"'{text}' ({iri}) is not a node of the graph")
    want = _key(value)
    if not want:
        raise KGError("an empty name: pass an IRI, a prefixed name (person:naveen-rao) or a label")
    exact = sorted(n["id"] for n in model["nodes"] if want in {_key(lab) for lab in _labels(n)})
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        raise KGError(f"'{text}' names {len(exact)} nodes: {', '.join(short(i) for i in exact[:6])}; pass one of them")
    near = sorted(n["id"] for n in model["nodes"] if any(want in _key(lab) for lab in _labels(n)))
    hint = f" Did you mean: {', '.join(short(i) for i in near[:6])}?" if near else ""
    raise KGError(f"no node is labelled '{text}'.{hint}")


def _labels(n: dict) -> list[str]:
    return [n.get("label_en", ""), n.get("label_ar", ""), *n.get("alt", [])]


def _key(label: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", norm(label)).split())


def shortest_path(model: dict, a: str, b: str) -> list[dict] | None:
    """The shortest path between two nodes as steps, or None when they are not connected.

    Each step: {"from", "to", "edge"} where edge is the model edge (its "from"/"to" give the
    direction of the relation, its "ev" the evidence). Ties are broken by node id, so the
    same graph always gives the same path.
    """
    G = graph(model)
    if a not in G or b not in G:
        raise KGError(f"not a node of the graph: {a if a not in G else b}")
    if a == b:
        return []
    H = nx.Graph()
    H.add_nodes_from(sorted(G))
    H.add_edges_from(sorted(tuple(sorted(e)) for e in G.edges()))
    try:
        nodes = nx.shortest_path(H, a, b)
    except nx.NetworkXNoPath:
        return None
    steps = []
    for x, y in zip(nodes, nodes[1:], strict=False):
        edge = sorted(G[x][y]["edges"], key=lambda e: (-len(e.get("ev", [])), e["p"] == "holdsPosition", e["id"]))[0]
        steps.append({"from": x, "to": y, "edge": edge})
    return steps


# ---------------------------------------------------------------- layout

EDGE_LENGTH = 130.0  # pixels between neighbours in the page
SMALL_LAYOUT = 250  # components up to this size are laid out whole; larger ones community by community
KAMADA_KAWAI_MAX = 40  # Kamada-Kawai (tidy but slow) for pieces up to this size in graphs of up to
KAMADA_KAWAI_GRAPH_MAX = 600  # this many nodes; a seeded force-directed layout everywhere else


def layout(G: nx.Graph, comms: list[list[str]] | None = None, seed: int = SEED,
           edge_length: float = EDGE_LENGTH) -> dict[str, tuple[float, float]]:
    """Positions for every node, computed once so the page never has to move anything.

    Each connected component is laid out on its own: small ones by Kamada-Kawai, large ones
    community by community (Louvain, the same communities the page colours), the communities
    placed by a seeded spring layout of the graph between them and pushed apart until they do
    not overlap. Components are then packed in rows, largest first. Deterministic: sorted
    inputs, seeded randomness, rounded output.
    """
    import numpy as np

    comms = comms if comms is not None else communities(G, seed)
    tidy = G.number_of_nodes() <= KAMADA_KAWAI_GRAPH_MAX
    comm_of = {n: i for i, c in enumerate(comms) for n in c}
    boxes = []
    for comp in components(G):
        if len(comp) <= SMALL_LAYOUT:
            local = _small_layout(G.subgraph(comp), edge_length, seed, tidy)
        else:
            members: dict[int, list[str]] = {}
            for n in comp:
                members.setdefault(comm_of[n], []).append(n)
            local = _clustered_layout(G.subgraph(comp), [members[k] for k in sorted(members)], seed, edge_length, tidy)
        xy = np.array([local[n] for n in comp], dtype=float).reshape(-1, 2)
        xy -= xy.min(axis=0)
        boxes.append((comp, xy))
    pos = _pack(boxes, edge_length)
    return {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in sorted(pos.items())}


def _small_layout(H: nx.Graph, L: float, seed: int = SEED, tidy: bool = True) -> dict[str, tuple[float, float]]:
    import numpy as np

    nodes = sorted(H)
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    if len(nodes) == 2:
        gap = max(L, _radius(H.nodes[nodes[0]], L) + _radius(H.nodes[nodes[1]], L) + 0.2 * L)
        return {nodes[0]: (0.0, 0.0), nodes[1]: (gap, 0.0)}
    S = nx.Graph()
    S.add_nodes_from(nodes)
    S.add_edges_from(sorted(tuple(sorted(e)) for e in H.edges()))
    idx = {n: i for i, n in enumerate(nodes)}
    if tidy and len(nodes) <= KAMADA_KAWAI_MAX:
        pos = nx.kamada_kawai_layout(S, pos=nx.circular_layout(S))
        xy = np.array([pos[n] for n in nodes], dtype=float)
    else:
        xy = _force(len(nodes), [(idx[a], idx[b]) for a, b in S.edges()], seed)
    lengths = [np.hypot(*(xy[idx[a]] - xy[idx[b]])) for a, b in S.edges()]
    scale = L / max(float(np.median(lengths)), 1e-9) if lengths else L
    xy = _separate(xy * scale, np.array([_radius(H.nodes[n], L) for n in nodes]), 0.0)
    return {n: (xy[i, 0], xy[i, 1]) for i, n in enumerate(nodes)}


def _radius(attrs: dict, L: float) -> float:
    """Room a node needs: its shape, or half its label (about 7 px a character), up to 1.2 L."""
    rec = attrs.get("rec", {})
    chars = max(len(rec.get("label_en", "")), len(rec.get("label_ar", "")))
    return min(max(0.32 * L, 3.6 * chars), 1.2 * L)


def _clustered_layout(H: nx.Graph, groups: list[list[str]], seed: int, L: float,
                      tidy: bool) -> dict[str, tuple[float, float]]:
    import numpy as np

    locals_, radii = [], []
    for g in groups:
        local = _small_layout(H.subgraph(g), L, seed, tidy)
        xy = np.array([local[n] for n in g], dtype=float)
        xy -= xy.mean(axis=0)
        locals_.append(xy)
        radii.append(float(np.hypot(xy[:, 0], xy[:, 1]).max()) + 0.5 * L)
    group_of = {n: i for i, g in enumerate(groups) for n in g}
    S = nx.Graph()
    S.add_nodes_from(range(len(groups)))
    for a, b in sorted(tuple(sorted((group_of[u], group_of[v]))) for u, v in H.edges()):
        if a != b:
            S.add_edge(a, b, weight=S.get_edge_data(a, b, {"weight": 0})["weight"] + 1)
    centres = _force(len(groups), [(a, b) for a, b in S.edges()], seed,
                     [S[a][b]["weight"] for a, b in S.edges()], iterations=120)
    r = np.array(radii)
    ratios = [(r[a] + r[b] + L) / max(float(np.hypot(*(centres[a] - centres[b]))), 1e-9) for a, b in S.edges()]
    centres *= float(np.median(ratios)) if ratios else 1.0
    centres = _separate(centres, r, 0.5 * L)
    out = {}
    for i, g in enumerate(groups):
        for n, (x, y) in zip(g, locals_[i] + centres[i], strict=True):
            out[n] = (x, y)
    return out


def _force(n: int, edges: list[tuple[int, int]], seed: int, weights: list[float] | None = None,
           iterations: int = 80):
    """Fruchterman-Reingold on a dense distance matrix (numpy), seeded: for up to a few thousand nodes."""
    import numpy as np

    rng = np.random.default_rng(seed)
    xy = rng.random((n, 2))
    if n < 2:
        return xy
    A = np.zeros((n, n))
    if edges:
        e = np.array(edges)
        w = np.array(weights if weights is not None else [1.0] * len(edges), dtype=float)
        A[e[:, 0], e[:, 1]] += w
        A[e[:, 1], e[:, 0]] += w
    k = (1.0 / n) ** 0.5
    t = 0.1
    dt = t / (iterations + 1)
    for _ in range(iterations):
        dx, dy = xy[:, 0:1] - xy[:, 0], xy[:, 1:2] - xy[:, 1]  # no BLAS: its threads stall on 2 cores
        d2 = np.maximum(dx * dx + dy * dy, 1e-4)
        force = k * k / d2 - A * np.sqrt(d2) / k
        disp = np.column_stack([(dx * force).sum(axis=1), (dy * force).sum(axis=1)])
        length = np.maximum(np.sqrt((disp ** 2).sum(axis=1)), 0.01)
        xy += disp * (t / length)[:, None]
        t -= dt
    return xy


def _separate(xy, radii, gap: float, iterations: int = 60):
    """Push circles apart until none overlap (or the iterations run out); deterministic."""
    import numpy as np
    from scipy.spatial import cKDTree

    xy = xy.copy()
    if len(xy) < 2:
        return xy
    reach = 2 * float(radii.max()) + gap
    n = len(xy)
    for _ in range(iterations):
        pairs = cKDTree(xy).query_pairs(reach, output_type="ndarray")
        if not len(pairs):
            break
        i, j = pairs[:, 0], pairs[:, 1]
        d = xy[i] - xy[j]
        dist = np.hypot(d[:, 0], d[:, 1])
        overlap = radii[i] + radii[j] + gap - dist
        keep = overlap > 1e-6
        if not keep.any():
            break
        i, j, d, dist, overlap = i[keep], j[keep], d[keep], dist[keep], overlap[keep]
        tiny = dist < 1e-9
        d[tiny] = np.column_stack([np.cos(i[tiny] * 2.399), np.sin(i[tiny] * 2.399)])  # golden-angle nudge
        dist[tiny] = 1.0
        push = (d / dist[:, None]) * (overlap / 2 + 0.01)[:, None]
        for k in (0, 1):
            xy[:, k] += np.bincount(i, push[:, k], n) - np.bincount(j, push[:, k], n)
    return xy


def _pack(boxes: list, L: float) -> dict[str, tuple[float, float]]:
    """Shelf packing: rows of components, largest first, about 1.6 times wider than tall."""
    sizes = [(xy[:, 0].max(initial=0.0) + L, xy[:, 1].max(initial=0.0) + L) for _, xy in boxes]
    area = sum(w * h for w, h in sizes)
    width = max(max((w for w, _ in sizes), default=L), (area * 1.6) ** 0.5)
    out, x, y, row = {}, 0.0, 0.0, 0.0
    for (comp, xy), (w, h) in zip(boxes, sizes, strict=True):
        if x > 0 and x + w > width:
            x, y, row = 0.0, y + row, 0.0
        for n, (px, py) in zip(comp, xy, strict=True):
            out[n] = (px + x, py + y)
        x, row = x + w, max(row, h)
    if out:
        cx = (min(p[0] for p in out.values()) + max(p[0] for p in out.values())) / 2
        cy = (min(p[1] for p in out.values()) + max(p[1] for p in out.values())) / 2
        out = {n: (px - cx, py - cy) for n, (px, py) in out.items()}
    return out
