"""The `kg` command: thin verbs over the library, in pipeline order.

Exit codes: 0 success (for validate: the graph conforms and is consistent); 1 the run worked
but the answer is no (validation failed); 2 the command could not run (bad input, bad query,
missing build). Errors print `Error: ...` on stderr.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click

import kg
from kg.defaults import BUILD_DIR, GRAPH_TRIG, QUERY_FORMATS, SEEDS_DIR
from kg.errors import KGError

EXIT_CODES = """\b
Exit codes:
  0  success (validate: the graph conforms and is consistent)
  1  the run worked but the answer is no (the graph fails validation)
  2  the command could not run (bad input, bad query, missing build)"""


class Command(click.Command):
    """Every KGError becomes `Error: ...` and exit code 2; click usage errors also exit 2."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KGError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES)
@click.version_option(kg.__version__, prog_name="kg")
def main() -> None:
    """Sanad: news articles (Arabic and English) into an evidence-backed knowledge graph."""


def _default_graph() -> Path:
    return BUILD_DIR / GRAPH_TRIG


@main.command(cls=Command, epilog=EXIT_CODES)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=BUILD_DIR,
              show_default=True, help="Output folder.")
@click.option("--no-check", is_flag=True, help="Skip SHACL and OWL validation.")
@click.option("--validator", type=click.Choice(["auto", "reference", "fast"]), default="auto", show_default=True,
              help="reference: pySHACL and HermiT on the merged graph; fast: Sanad's engines per article and on "
                   "merged nodes; auto: reference up to 25 articles.")
@click.option("--no-view", is_flag=True, help="Do not write graph.html.")
@click.option("--no-cache", is_flag=True, help="Extract every article again (the cache is in DIR/.cache).")
@click.option("--keep-going", is_flag=True,
              help="Report articles that cannot be read, build the rest, and exit 1.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes for extraction and rendering  [default: all cores]")
@click.option("--engine", "engine_name", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: processes on this machine; dask: a Dask cluster (--scheduler, or a local one).")
@click.option("--scheduler", metavar="ADDRESS", help="The Dask scheduler, e.g. tcp://10.0.0.5:8786 (with --engine dask).")
@click.option("--shards", type=click.Path(path_type=Path, file_okay=False),
              help="Also write the graphs as N-Quads shards here, one per partition, written by the workers  "
                   "[default with --engine dask: DIR/shards]")
@click.option("-q", "--quiet", is_flag=True, help="No report and no progress bar on stderr.")
def build(paths: tuple[Path, ...], out_dir: Path, no_check: bool, validator: str, no_view: bool, no_cache: bool, keep_going: bool,
          jobs: int | None, engine_name: str, scheduler: str | None, shards: Path | None, quiet: bool) -> None:
    """Read articles (files or folders; default seeds/) and write DIR/graph.trig, DIR/graph.ttl
    and DIR/graph.html.

    \b
    Example:
      kg build                      # seeds/ into build/
      kg build articles/ --out out/ --jobs 2
      kg build archive/ --engine dask --scheduler tcp://10.0.0.5:8786
    """
    bar = ProgressBar() if not quiet and sys.stderr.isatty() else None
    try:
        result = kg.build(list(paths) or [SEEDS_DIR], out_dir, check=not no_check, view=not no_view,
                          use_cache=not no_cache, keep_going=keep_going, jobs=jobs, engine_name=engine_name,
                          scheduler=scheduler, progress=bar.stage if bar else None,
                          shards=shards or (out_dir / "shards" if engine_name == "dask" else None),
                          validator=validator)
    finally:
        if bar:
            bar.done()
    for problem in result.skipped:
        click.echo(f"Skipped: {problem}", err=True)
    if not quiet:
        n = result.articles
        click.echo(f"Read {n} article{'s' if n != 1 else ''} ({result.extracted} extracted, "
                   f"{n - result.extracted} unchanged from the cache; {result.rendered} graph(s) rendered).", err=True)
        counts = result.class_counts()
        width = max(map(len, counts), default=0)
        for cls, count in counts.items():
            click.echo(f"  {cls:<{width}}  {count:>6}", err=True)
        if result.report is not None:
            when = "the last build's, " if result.unchanged else ""
            click.echo(f"Validation ({when}{result.report.seconds:.1f} s):\n{result.report.text}", err=True)
        if result.unchanged:
            click.echo("Nothing changed since the last build (the articles, the options, Sanad and its libraries): "
                       "its files are left as they are.", err=True)
        for path in result.outputs:
            how = f" ({result.store_update})" if path.name == "store" and result.store_update and not result.unchanged else ""
            click.echo(("Up to date: " if result.unchanged else "Wrote ") + f"{path}{how}", err=True)
    if result.report is not None and not result.report.ok:
        click.echo("Error: the graph fails validation; earlier outputs were left as they were.", err=True)
        sys.exit(1)
    if result.skipped:
        click.echo(f"Error: {len(result.skipped)} article(s) could not be read and were left out (above).", err=True)
        sys.exit(1)


class ProgressBar:
    """`extract [#######.........] 4,512/10,000  812 articles/s` on one terminal line (stderr)."""

    WIDTH = 30

    def __init__(self) -> None:
        self.name, self.total, self.count, self.started, self.shown = "", 0, 0, 0.0, 0.0

    def stage(self, name: str, total: int):
        self.done()
        self.name, self.total, self.count = name, total, 0
        self.started = self.shown = time.monotonic()
        return self.advance

    def advance(self, n: int) -> None:
        self.count += n
        now = time.monotonic()
        if now - self.shown >= 0.1 or self.count >= self.total:
            self.shown = now
            filled = self.WIDTH * self.count // max(self.total, 1)
            rate = self.count / max(now - self.started, 1e-6)
            click.echo(f"\r{self.name:<8}[{'#' * filled}{'.' * (self.WIDTH - filled)}] {self.count:,}/{self.total:,}"
                       f"  {rate:,.0f} articles/s ", err=True, nl=False)

    def done(self) -> None:
        if self.name:
            click.echo("", err=True)
            self.name = ""


@main.command(cls=Command, epilog=EXIT_CODES)
@click.argument("graph", required=False, type=click.Path(path_type=Path))
def validate(graph: Path | None) -> None:
    """Check a graph against the SHACL shapes in ontology/ and for OWL 2 consistency (HermiT).

    \b
    Example:
      kg validate build/graph.trig
    """
    from kg.export import load, union
    from kg.validate import validate as run

    report = run(union(load(graph or _default_graph())))
    click.echo(report.text)
    sys.exit(0 if report.ok else 1)


def _params(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for v in values:
        name, sep, value = v.partition("=")
        if not sep or not name.isidentifier():
            raise KGError(f"--param takes NAME=VALUE, not '{v}'")
        out[name] = value
    return out


@main.command(cls=Command, epilog=EXIT_CODES)
@click.argument("query", required=False)
@click.option("--graph", "-g", type=click.Path(path_type=Path),
              help="Graph file, store, or build folder (default build/: its store/ if current, else graph.trig).")
@click.option("--format", "-f", "fmt", type=click.Choice(QUERY_FORMATS), default="table", show_default=True,
              help="SELECT results as a table or in a SPARQL 1.1 result format; CONSTRUCT/DESCRIBE give "
                   "Turtle (JSON-LD with json).")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME: an IRI, a prefixed name (person:naveen-rao) or an entity's label.")
@click.option("--list", "list_", is_flag=True, help="List the query library.")
def query(query: str | None, graph: Path | None, fmt: str, params: tuple[str, ...], list_: bool) -> None:
    """Run QUERY: a .rq file, the name of one in queries/, or - for stdin.

    \b
    Example:
      kg query people-and-positions
      kg query entity-facts --param entity="Naveen Rao" --format csv
      echo 'ASK { ?p a sanad:Person }' | kg query -
    """
    from kg import query as q

    if list_:
        for item in q.library():
            extra = f"  [params: {', '.join(n for n, _ in item.params)}]" if item.params else ""
            click.echo(f"{item.name:<28} {item.description}{extra}")
        return
    if not query:
        raise KGError("missing QUERY: a .rq file, a library name (see --list), or - for stdin")
    text, source = q.resolve(query)
    store = kg.store.open(graph or BUILD_DIR).store  # a build's store/ if current, else its graph.trig; or a file
    sys.stdout.buffer.write(q.run(store, text, fmt, _params(params), source))


@main.command(cls=Command, epilog=EXIT_CODES)
@click.argument("article", type=click.Path(path_type=Path))
@click.option("--gold", type=click.Path(path_type=Path), help="Gold file (not with a folder).")
@click.option("--graph", type=click.Path(path_type=Path), help="Score this graph instead of extracting ARTICLE afresh.")
@click.option("--json", "as_json", is_flag=True, help="Print the full result as JSON.")
@click.option("-q", "--quiet", is_flag=True, help="Only the summary lines.")
def evaluate(article: Path, gold: Path | None, graph: Path | None, as_json: bool, quiet: bool) -> None:
    """Score extraction against hand-made gold annotations (../shared/spec/gold-format.md), with the
    reference scorer's counting: per-category precision, recall, F1, misses and extras.

    ARTICLE is an article with --gold FILE, or a folder of X.gold.json files each naming its
    article beside it; a folder also prints the pooled micro-F1.

    \b
    Example:
      kg evaluate seeds/databricks-talent-wars.ar.txt --gold ../shared/eval/databricks-talent-wars.gold.json
      kg evaluate tests/corpus
    """
    import json as json_

    from kg import evaluate as ev
    from kg.export import load, union

    if article.is_dir():
        if gold is not None or graph is not None:
            raise KGError("a folder takes neither --gold nor --graph: each X.gold.json names its article")
        pairs = ev.pair_folder(article)
    else:
        if gold is None:
            raise KGError("--gold FILE is needed with a single article")
        pairs = [(article, gold)]
    scores = []
    for art, gold_path in pairs:
        g = union(load(graph)) if graph is not None else kg.article_graph(art)
        text = kg.read_article(art).text
        scores.append(ev.score(g, ev.read_gold(gold_path), text, art.name))
    if as_json:
        click.echo(json_.dumps([s.as_dict() for s in scores], ensure_ascii=False, indent=1))
    else:
        click.echo(ev.report(scores, verbose=not quiet), nl=False)


from kg.cli_serve import serve; main.add_command(serve)  # noqa: E402, E702, I001  (kg serve)
from kg.cli_export import diff, export; main.add_command(export); main.add_command(diff)  # noqa: E402, E702, I001
from kg.cli_view import path, stats, view; main.add_command(view); main.add_command(stats); main.add_command(path)  # noqa: E402, E702, I001
