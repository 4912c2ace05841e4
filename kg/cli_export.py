"""`kg export` and `kg diff`: the graph in the forms other stores and tools load, pushed to a
store, and compared with an earlier build. Registered on the `kg` group at the end of kg/cli.py."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli import EXIT_CODES, Command, _default_graph
from kg.defaults import (
    EXPORT_FORMATS,
    GRAPH_EXPORT_FORMATS,
    ONTOLOGY_EXPORT_FORMATS,
    PUSH_RETRIES,
    PUSH_TIMEOUT,
    SUFFIX_FORMATS,
)
from kg.errors import KGError

ALL_FORMATS = sorted(set(EXPORT_FORMATS) | set(GRAPH_EXPORT_FORMATS) | set(ONTOLOGY_EXPORT_FORMATS))
SUFFIXES = dict(SUFFIX_FORMATS) | {".graphml": "graphml", ".ofn": "ofn"}


def _guess_format(output: str, ontology: bool) -> str:
    if output == "-":
        raise KGError(f"--format is needed when writing to stdout. Use one of: {', '.join(ALL_FORMATS)}")
    suffix = Path(output).suffix
    if ontology and suffix == ".jsonld":
        return "context"
    fmt = SUFFIXES.get(suffix)
    if fmt is None:
        raise KGError(f"cannot tell the format from '{output}'; pass --format ({', '.join(ALL_FORMATS)})")
    return fmt


@click.command(cls=Command, epilog=EXIT_CODES)
@click.argument("graph", required=False, type=click.Path(path_type=Path))
@click.option("--format", "-f", "fmt", type=click.Choice(ALL_FORMATS),
              help="turtle, ntriples, nquads, trig, jsonld, rdfxml; neo4j (CSV folder), graphml (Gephi); with "
                   "--ontology: rdfxml, ofn, context. Default: from the -o suffix (ntriples with --to).")
@click.option("-o", "--output", default="-", show_default=True, help="Output file (a folder for neo4j), or - for stdout.")
@click.option("--ontology", is_flag=True, help="Export the ontology itself (ontology/sanad.ttl), not a graph.")
@click.option("--context-url", metavar="URL",
              help="JSON-LD: refer to the context published at URL instead of writing it inline.")
@click.option("--to", "to", metavar="URL", help="Push to a store's SPARQL 1.1 Graph Store endpoint with PUT.")
@click.option("--graph", "target_graph", metavar="IRI",
              help="With --to: push everything into this one graph ('default': the default graph) instead of "
                   "one graph per article.")
@click.option("--user", metavar="USER", help="With --to: user for HTTP digest or basic authentication.")
@click.option("--password-env", metavar="VAR", help="With --user: the environment variable holding the password.")
@click.option("--dry-run", is_flag=True, help="With --to: print the requests instead of sending them.")
@click.option("--retries", type=click.IntRange(0, 20), default=PUSH_RETRIES, show_default=True,
              help="With --to: further tries after a connection error or a 5xx answer (backoff doubles).")
@click.option("--timeout", type=click.FloatRange(0.1), default=PUSH_TIMEOUT, show_default=True,
              help="With --to: seconds for one request.")
def export(graph: Path | None, fmt: str | None, output: str, ontology: bool, context_url: str | None, to: str | None,
           target_graph: str | None, user: str | None, password_env: str | None, dry_run: bool, retries: int,
           timeout: float) -> None:
    """Export a graph in a standard format, byte for byte deterministic, or push it to a store.

    RDF formats have no blank nodes (they become IRIs under /.well-known/genid/) and declare their
    prefixes once; Turtle, N-Triples and RDF/XML hold the union of the article graphs, N-Quads,
    TriG and JSON-LD keep one named graph per article. JSON-LD uses the Sanad context
    (ontology/context.jsonld).

    \b
    Example:
      kg export --format nquads -o build/graph.nq
      kg export build/graph.trig --format turtle | head
      kg export --format neo4j -o build/neo4j && build/neo4j/import.sh
      kg export --format graphml -o build/graph.graphml
      kg export --ontology --format ofn -o ontology/sanad.ofn
      VIRT_PW=dba kg export --to http://127.0.0.1:8890/sparql-graph-crud-auth --user dba --password-env VIRT_PW
      kg export --to http://127.0.0.1:7878/store --dry-run
    """
    from kg.export import load, serialize

    push_only = [name for name, value in (("--graph", target_graph), ("--user", user),
                                          ("--password-env", password_env), ("--dry-run", dry_run)) if value]
    if to is None and push_only:
        raise KGError(f"{push_only[0]} goes with --to URL")
    if ontology:
        if graph is not None or to is not None:
            raise KGError("--ontology exports ontology/sanad.ttl; it takes neither GRAPH nor --to")
        fmt = fmt or _guess_format(output, ontology=True)
        if fmt not in ONTOLOGY_EXPORT_FORMATS:
            raise KGError(f"the ontology exports as {', '.join(sorted(ONTOLOGY_EXPORT_FORMATS))}, not '{fmt}'")
        from kg.owl import ontology_export

        _emit(ontology_export(fmt), output, fmt)
        return
    if fmt in ONTOLOGY_EXPORT_FORMATS and fmt not in EXPORT_FORMATS:
        raise KGError(f"--format {fmt} is for the ontology: add --ontology")
    if to is not None:
        _push(load(graph or _default_graph()), to, fmt or "ntriples", target_graph, user, password_env, dry_run,
              retries, timeout, output)
        return
    fmt = fmt or _guess_format(output, ontology=False)
    ds = load(graph or _default_graph())
    if fmt == "neo4j":
        if output == "-":
            raise KGError("the neo4j export writes a folder of CSV files: pass -o DIR")
        from kg.propertygraph import write_neo4j

        written = write_neo4j(ds, Path(output))
        click.echo(f"Wrote {len(written)} files to {output}/ (neo4j); load them with {output}/import.sh", err=True)
        return
    if fmt == "graphml":
        from kg.propertygraph import graphml

        _emit(graphml(ds), output, fmt)
        return
    if context_url and fmt != "jsonld":
        raise KGError("--context-url goes with --format jsonld")
    _emit(serialize(ds, fmt, context_iri=context_url), output, fmt)


def _emit(data: bytes, output: str, fmt: str) -> None:
    from kg.export import write_atomic

    if output == "-":
        sys.stdout.buffer.write(data)
    else:
        write_atomic(Path(output), data)
        click.echo(f"Wrote {output} ({fmt})", err=True)


def _push(ds, to: str, fmt: str, target_graph: str | None, user: str | None, password_env: str | None,
          dry_run: bool, retries: int, timeout: float, output: str) -> None:
    from kg import gsp

    if output != "-":
        raise KGError("--to sends the graph to a store; it takes no -o")
    requests = gsp.plan(ds, to, target_graph, fmt)
    if dry_run:
        for r in requests:
            click.echo(r.describe())
        return
    password = gsp.password_from_env(user, password_env)
    client = gsp.Client(user, password, retries=retries, timeout=timeout, log=lambda m: click.echo(m, err=True))
    for r in requests:
        status = client.send(r)
        click.echo(f"{r.method} {r.url} -> {status} ({r.triples} triples)", err=True)
    total = sum(r.triples for r in requests)
    click.echo(f"Pushed {len(requests)} graph{'s' if len(requests) != 1 else ''} ({total} triples) to {to}", err=True)


@click.command(cls=Command, epilog="""\b
Exit codes:
  0  the graphs are the same
  1  they differ
  2  the command could not run (a missing or unreadable graph)""")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "patch"]), default="text", show_default=True,
              help="text: grouped by article, each fact with its evidence; patch: N-Quads lines prefixed with "
                   "'- ' and '+ ', sorted.")
def diff(old: Path, new: Path, fmt: str) -> None:
    """What changed between two graphs (say, two builds): facts and triples added and removed.

    \b
    Example:
      cp build/graph.trig /tmp/before.trig && kg build && kg diff /tmp/before.trig build/graph.trig
      kg diff /tmp/before.trig build/graph.trig --format patch > changes.patch
    """
    from kg import diff as d
    from kg.export import load

    result = d.diff(load(old), load(new))
    sys.stdout.write(d.patch(result) if fmt == "patch" else d.report(result, str(old), str(new)))
    sys.exit(0 if result.identical else 1)
