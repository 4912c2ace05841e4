"""Sanad: news articles (Arabic and English) into an evidence-backed OWL/RDF knowledge graph.

The pipeline, one module a stage: read -> mentions -> relations (kg/extractors) -> rdf, then
validate, query, view and export. `build()` reads like it.
"""
from __future__ import annotations

import fcntl
from collections import Counter
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, Dataset

from kg import store as _store
from kg.cache import Cache
from kg.defaults import CACHE_DIR, GRAPH_HTML, GRAPH_TRIG, GRAPH_TTL, INSTANCE_BASE, LOCK_FILE, ONTOLOGY_NS
from kg.errors import InputError, KGError
from kg.export import serialize, union, write_atomic
from kg.lexicon import default_lexicon
from kg.model import Extraction
from kg.rdf import to_dataset
from kg.read import find_articles, read_article
from kg.relations import extract
from kg.resolve import merge_across
from kg.store import open  # kg.open(path): a build folder, a store or a graph file, for notebooks
from kg.validate import Report, validate

__version__ = "0.1.0"
__all__ = ["build", "open", "extract_articles", "article_graph", "read_article", "BuildResult", "KGError", "__version__"]


@dataclass
class BuildResult:
    dataset: Dataset
    extractions: list[Extraction]
    report: Report | None
    outputs: list[Path]
    extracted: int = 0  # articles extracted in this run (the rest came from the cache)
    skipped: list = field(default_factory=list)  # InputErrors of articles left out by --keep-going

    def class_counts(self) -> dict[str, int]:
        g = union(self.dataset)
        counts = Counter(str(o).rsplit("#", 1)[-1] for o in g.objects(None, RDF.type)
                         if str(o).startswith(ONTOLOGY_NS))
        return dict(sorted(counts.items()))


def extract_articles(paths: Iterable[Path], cache: Cache | None = None,
                     skipped: list[InputError] | None = None) -> list[Extraction]:
    """Read and extract every article; with a cache, unchanged articles are not extracted again.
    With a `skipped` list, an article that cannot be read is recorded there instead of stopping
    the run (`kg build --keep-going`)."""
    files = find_articles(paths)
    if not files:
        raise InputError("no articles found (expected .txt or .md files)", ", ".join(map(str, paths)) or ".")
    articles = []
    for p in files:
        try:
            articles.append(read_article(p))
        except InputError as exc:
            if skipped is None:
                raise
            skipped.append(exc)
    if not articles:
        raise InputError("no readable article", ", ".join(map(str, paths)) or ".")
    seen: dict[str, str] = {}
    for a in articles:
        if a.key in seen:
            raise InputError(f"two articles have the same id '{a.key}': {seen[a.key]} and {a.path}; rename one", a.path)
        seen[a.key] = a.path
    lex = default_lexicon()
    out = []
    for a in sorted(articles, key=lambda a: a.key):
        found = cache.get(a) if cache is not None else None
        if found is None:
            found = extract(a, lex)
            if cache is not None:
                cache.put(a, found)
        out.append(found)
    return merge_across(out)


def article_graph(path: Path, base: str = INSTANCE_BASE):
    """One article's graph, extracted afresh (no validation, nothing written)."""
    return union(to_dataset(extract_articles([path]), base))


def build(paths: Iterable[Path], out_dir: Path, *, check: bool = True, view: bool = True,
          base: str = INSTANCE_BASE, use_cache: bool = True, store: bool = True,
          keep_going: bool = False) -> BuildResult:
    """Read articles, extract, write DIR/graph.trig, DIR/graph.ttl and DIR/graph.html, and load
    graph.trig into the store DIR/store/ (unless `store` is off; see kg/store.py).

    When `check` is on and the graph fails validation, nothing in DIR is replaced; the failing
    graph is written to DIR/graph.invalid.trig for inspection.
    """
    with build_lock(out_dir):
        return _build(paths, out_dir, check=check, view=view, base=base, use_cache=use_cache, store=store,
                      keep_going=keep_going)


@contextmanager
def build_lock(out_dir: Path):
    """One build at a time per output folder: a second one stops with a clear message."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with (out_dir / LOCK_FILE).open("a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise KGError(f"another kg build is writing {out_dir} right now; wait for it to finish") from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _build(paths: Iterable[Path], out_dir: Path, *, check: bool, view: bool, base: str, use_cache: bool,
           store: bool, keep_going: bool) -> BuildResult:
    cache = Cache(out_dir / CACHE_DIR if use_cache else None, default_lexicon())
    skipped: list[InputError] | None = [] if keep_going else None
    extractions = extract_articles(list(paths), cache, skipped)
    ds = to_dataset(extractions, base)
    trig = serialize(ds, "trig")
    ttl = serialize(ds, "turtle")
    report = validate(union(ds)) if check else None
    if report is not None and not report.ok:
        write_atomic(out_dir / "graph.invalid.trig", trig)
        return BuildResult(ds, extractions, report, [out_dir / "graph.invalid.trig"], cache.misses, skipped or [])
    files = {out_dir / GRAPH_TRIG: trig, out_dir / GRAPH_TTL: ttl}
    if view:
        from kg.view import render_html

        files[out_dir / GRAPH_HTML] = render_html(ds).encode("utf-8")
    for path, data in files.items():  # everything is rendered before anything is replaced
        write_atomic(path, data)
    (out_dir / "graph.invalid.trig").unlink(missing_ok=True)
    cache.prune()
    outputs = list(files) + ([_store.create(out_dir / GRAPH_TRIG)] if store else [])
    return BuildResult(ds, extractions, report, outputs, cache.misses, skipped or [])
