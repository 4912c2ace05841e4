"""`kg view`, `kg stats` and `kg path`: the explorer and the graph analytics behind it.

Thin commands over kg.view and kg.analytics; registered on `kg` at the end of kg/cli.py.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kg.cli import EXIT_CODES, Command, _default_graph
from kg.errors import InputError, KGError


def _model(graph: Path | None) -> dict:
    """The explorer's view model without positions or per-node analytics (the commands compute theirs)."""
    from kg.export import load
    from kg.view import view_model

    return view_model(load(graph or _default_graph()), analyse=False)


@click.command(cls=Command, epilog=EXIT_CODES)
@click.argument("graph", required=False, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="HTML file (default: graph.html beside GRAPH).")
@click.option("--max-nodes", type=click.IntRange(min=1), default=None,
              help="Above this many nodes the page starts from the most central entities (default 3000).")
@click.option("--start", type=click.IntRange(min=1), default=None,
              help="How many of the most central entities a large graph starts from (default 150).")
def view(graph: Path | None, output: Path | None, max_nodes: int | None, start: int | None) -> None:
    """Write the explorer: one self-contained HTML file that works offline.

    \b
    Example:
      kg view build/graph.trig -o explorer.html
      kg view big.trig --max-nodes 3000 --start 200
    """
    from kg import gc_paused
    from kg.export import load, triples_of
    from kg.view import LARGE_GRAPH_NODES, START_NODES, write_html

    graph = graph or _default_graph()
    output = output or graph.with_name("graph.html")
    with gc_paused():
        if graph.suffix == ".trig" and graph.is_file():  # pyoxigraph's reader: far faster than rdflib's on a corpus
            try:
                data = triples_of(graph.read_bytes())
            except (SyntaxError, ValueError) as exc:
                raise InputError(f"cannot parse as trig: {str(exc).splitlines()[0][:300]}", graph) from None
        else:
            data = load(graph)
        write_html(data, output, large_threshold=max_nodes or LARGE_GRAPH_NODES, start_nodes=start or START_NODES)
    click.echo(f"Wrote {output}", err=True)


@click.command(cls=Command, epilog=EXIT_CODES)
@click.argument("graph", required=False, type=click.Path(path_type=Path))
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--top", "-n", type=click.IntRange(min=1), default=10, show_default=True, help="How many nodes per list.")
def stats(graph: Path | None, fmt: str, top: int) -> None:
    """Graph analytics over what the explorer draws (entities, quotes, deals, hardware mentions,
    amounts): the most central nodes by degree and betweenness, connected components, and
    communities (Louvain, seeded, so every run gives the same answer).

    \b
    Example:
      kg stats
      kg stats build/graph.trig --format json --top 5
    """
    from kg.analytics import stats as compute

    result = compute(_model(graph), top)
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=1))
        return
    click.echo(stats_text(result, graph or _default_graph()), nl=False)


def stats_text(r: dict, source: Path) -> str:
    comps, comms = r["components"], r["communities"]
    lines = [f"{source}: {r['nodes']} nodes, {r['edges']} edges",
             "Classes: " + ", ".join(f"{k} {v}" for k, v in r["classes"].items()),
             f"Connected components: {comps['count']} (largest {comps['sizes'][0] if comps['sizes'] else 0} nodes; "
             f"{comps['isolated']} isolated nodes)",
             f"Communities: {comms['count']} ({comms['method']}; modularity {comms['modularity']})", ""]
    for key, title in (("degree", "By degree"), ("betweenness", "By betweenness" +
                                                  ("" if r["betweenness_exact"] else " (sampled)"))):
        lines.append(title)
        lines += _table(["#", "node", "label", "class", "degree", "betweenness"],
                        [[str(i), x["name"], _both(x), x["class"], str(x["degree"]), f"{x['betweenness']:.4f}"]
                         for i, x in enumerate(r[key], 1)])
        lines.append("")
    lines.append("Largest communities")
    lines += _table(["#", "size", "most central members"],
                    [[str(i), str(c["size"]), ", ".join(c["members"])] for i, c in enumerate(comms["largest"], 1)])
    return "\n".join(lines) + "\n"


def _both(x: dict) -> str:
    return x["label"] if x["label_ar"] in ("", x["label"]) else f"{x['label']} / {x['label_ar']}"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)]
    line = lambda cells: " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()  # noqa: E731
    return [line(header), "-+-".join("-" * w for w in widths)] + [line(r) for r in rows]


@click.command(cls=Command, epilog=EXIT_CODES)
@click.argument("a")
@click.argument("b")
@click.argument("graph", required=False, type=click.Path(path_type=Path))
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--evidence", "-e", "max_evidence", type=click.IntRange(min=0), default=2, show_default=True,
              help="Evidence sentences printed per step (text format; json has them all).")
def path(a: str, b: str, graph: Path | None, fmt: str, max_evidence: int) -> None:
    """How two entities are connected: the shortest path between them over entities and fact
    nodes (quotes, deals, hardware mentions, amounts), each step with the sentence that says so.
    A and B are IRIs, prefixed names (person:naveen-rao) or labels in either language.
    Exit code 1 when they are not connected.

    \b
    Example:
      kg path "Naveen Rao" "Sam Altman"
      kg path person:sam-altman "نعوم شازير" build/graph.trig --format json
    """
    from kg.analytics import resolve, shortest_path

    model = _model(graph)
    src, dst = resolve(model, a), resolve(model, b)
    steps = shortest_path(model, src, dst)
    nodes = {n["id"]: n for n in model["nodes"]}
    if fmt == "json":
        click.echo(json.dumps(path_json(model, src, dst, steps), ensure_ascii=False, indent=1))
    elif steps is None:
        click.echo(f"No path: {_name(nodes[src])} and {_name(nodes[dst])} are not connected.")
    else:
        click.echo(path_text(model, src, dst, steps, max_evidence), nl=False)
    if steps is None:
        sys.exit(1)


def _name(n: dict) -> str:
    from kg.analytics import short

    return f"{n['label_en']} ({short(n['id'])})"


def _sentence(model: dict, i: int) -> dict:
    ev = model["evidence"][i]
    art = model["articles"][ev["a"]] if 0 <= ev["a"] < len(model["articles"]) else {}
    return {"sentence": ev["pre"] + ev["x"] + ev["suf"], "exact": ev["x"], "start": ev["s"], "end": ev["e"],
            "article": art.get("id", ""), "title": art.get("title", ""), "url": art.get("url", ""),
            "marked": f"{ev['pre']}[{ev['x']}]{ev['suf']}"}


def path_json(model: dict, src: str, dst: str, steps: list[dict] | None) -> dict:
    nodes = {n["id"]: n for n in model["nodes"]}
    out = {"from": src, "to": dst, "connected": steps is not None, "steps": []}
    for s in steps or []:
        e = s["edge"]
        out["steps"].append({"from": s["from"], "from_label": nodes[s["from"]]["label_en"], "to": s["to"],
                             "to_label": nodes[s["to"]]["label_en"], "property": e["p"], "label": e["en"],
                             "label_ar": e["ar"], "forward": e["from"] == s["from"], "confidence": e.get("conf"),
                             "evidence": [_sentence(model, i) for i in e["ev"]]})
    return out


def path_text(model: dict, src: str, dst: str, steps: list[dict], max_evidence: int) -> str:
    from kg.analytics import short

    nodes = {n["id"]: n for n in model["nodes"]}
    lines = [f"{_name(nodes[src])} -> {_name(nodes[dst])}: {len(steps)} step{'s' if len(steps) != 1 else ''}", ""]
    for k, s in enumerate(steps, 1):
        e = s["edge"]
        a, b = nodes[s["from"]], nodes[s["to"]]
        arrow = f"--{e['en']}-->" if e["from"] == s["from"] else f"<--{e['en']}--"
        conf = f"  (confidence {e['conf']})" if e.get("conf") is not None else ""
        lines.append(f"{k}. {a['label_en']} {arrow} {b['label_en']}{conf}")
        for i in e["ev"][:max_evidence]:
            ev = _sentence(model, i)
            lines.append(f"     {ev['marked']}")
            lines.append(f"     -- {short(ev['article'])} #char={ev['start']},{ev['end']}")
        if len(e["ev"]) > max_evidence:
            lines.append(f"     (+{len(e['ev']) - max_evidence} more)")
        if not e["ev"]:
            lines.append("     (no evidence recorded)")
    return "\n".join(lines) + "\n"


__all__ = ["view", "stats", "path", "KGError"]
