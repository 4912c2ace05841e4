"""Sanad: news articles (Arabic and English) into an evidence-backed OWL/RDF knowledge graph.

The pipeline, one module a stage: read -> mentions -> relations (kg/extractors) -> rdf -> render,
the per-article stages in worker processes or on a Dask cluster (kg/engine.py); then validate,
query, view and export. `build()` reads like it.
"""
from __future__ import annotations

from kg import native

native.install()  # before any module it compiles is imported (see kg/native.py)

import fcntl
import gc
import hashlib
import json
import os
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, partial
from pathlib import Path

from rdflib import Dataset

from kg import engine
from kg import store as _store
from kg.cache import Cache, RenderCache, article_stamp, fingerprint, origin_fingerprint, read_memo, write_memo
from kg.defaults import (
    CACHE_DIR,
    GRAPH_HTML,
    GRAPH_TRIG,
    GRAPH_TTL,
    INSTANCE_BASE,
    LEXICON_DIR,
    LOCK_FILE,
    ONTOLOGY_FILE,
    ONTOLOGY_NS,
    STORE_DIR,
)
from kg.engine import Progress
from kg.errors import InputError, KGError
from kg.export import (
    dataset_of,
    move_into_place,
    temp_beside,
    trig_document,
    union,
    write_atomic,
)
from kg.lexicon import default_lexicon
from kg.model import Article, Extraction
from kg.rdf import to_dataset
from kg.read import find_articles, read_article
from kg.relations import extract
from kg.render import render, shared_statements, shared_triples, write_assembled
from kg.resolve import merge_across, names_of, rekey, renamed_origin, renames
from kg.store import open  # kg.open(path): a build folder, a store or a graph file, for notebooks
from kg.validate import Report, touched_nodes, validate, validate_parts

__version__ = "0.1.0"
GRAPHS_STATE = "graphs.json"  # in DIR/.cache/extractions: a digest of each article graph the store was last loaded with
ANALYTICS_MEMO = "analytics.memo"  # in DIR/.cache/extractions: the last page's analytics (kg.view._analysed; not *.pickle)
PARSE_MEMO = "statements-parsed.memo"  # in DIR/.cache/extractions: graph.ttl's statements the page parsed (kg.view.ParseMemo)
STATEMENTS_MEMO = "statements.memo"  # in DIR/.cache/extractions: the last build's shared statements (_known_statements)
CHECKED_STATE = "checked.json"  # in DIR/.cache/extractions: the render key of each article graph of the last merge that passed
BUILT_STATE = "built.state"  # in DIR/.cache/extractions: what the last complete build was made from and left (_unchanged)
BUILT_FORMAT = 1  # of BUILT_STATE's key
# the libraries whose versions a build's files may follow from (their writers, parsers, layout and checks)
_LIBRARIES = ("networkx", "orjson", "owlready2", "pyoxigraph", "pyshacl", "pyvis", "rdflib")
REFERENCE_VALIDATION_ARTICLES = 25  # up to this many articles, pySHACL and HermiT check the merged graph
INCREMENTAL_GRAPHS = 50  # replace graphs in place when at most this many (or a tenth of them) changed
__all__ = ["build", "open", "extract_articles", "article_graph", "read_article", "BuildResult", "KGError", "__version__"]


@dataclass
class BuildResult:
    articles: int  # articles read (kg.extract_articles gives their extractions)
    report: Report | None
    outputs: list[Path]
    extracted: int = 0  # articles extracted in this run (the rest came from the cache)
    skipped: list = field(default_factory=list)  # InputErrors of articles left out by --keep-going
    trig_path: Path | None = None  # graph.trig as written (graph.invalid.trig when the graph failed validation)
    types: Counter = field(default_factory=Counter)  # rdf:type objects (N-Triples IRIs) in the merged graph
    rendered: int = 0  # article graphs rendered in this run (the rest came from the cache)
    store_update: str = ""  # "created", "replaced N graph(s)" or "unchanged"
    unchanged: bool = False  # nothing to do: the files of the last build were made from these very inputs
    inputs_key: str = ""  # what the files are made from (see _inputs_key; "" when that cannot be told)

    @property
    def trig(self) -> bytes:
        """graph.trig's bytes, read from the file (a corpus build does not keep them in memory)."""
        return self.trig_path.read_bytes() if self.trig_path is not None else b""

    @cached_property
    def dataset(self) -> Dataset:
        """The graph as an rdflib Dataset (read from graph.trig on first use, by pyoxigraph's parser:
        rdflib's takes ten times as long on a big corpus)."""
        return dataset_of(self.trig)

    def class_counts(self) -> dict[str, int]:
        prefix = f"<{ONTOLOGY_NS}"
        return dict(sorted((t[len(prefix):-1], n) for t, n in self.types.items() if t.startswith(prefix)))


@dataclass
class _Read:
    """One article as a build merges it across the corpus, before its graph is rendered."""
    key: str  # the article's key
    path: str  # its file (kg.model.Article.path)
    origin: str  # the extraction cache's key for it ("" without a cache): see Extraction.origin
    names: dict  # kg.resolve.names_of: what merging reads of it
    entities: tuple[str, ...]  # its entity keys
    ex: Extraction | None = None  # None: in the extraction cache, read where its graph is rendered


def extract_articles(paths: Iterable[Path], cache: Cache | None = None,
                     skipped: list[InputError] | None = None, runner=None,
                     progress: Progress | None = None) -> list[Extraction]:
    """Read and extract every article (in RUNNER's workers: see kg/engine.py); with a cache,
    unchanged articles are not extracted again. With a `skipped` list, an article that cannot be
    read is recorded there instead of stopping the run (`kg build --keep-going`)."""
    found = _extract_all(paths, cache, skipped, runner, progress, keep=True)
    return merge_across([r.ex for r in found])


def _extract_all(paths: Iterable[Path], cache: Cache | None, skipped: list[InputError] | None, runner,
                 progress: Progress | None, keep: bool) -> list[_Read]:
    """extract_articles before merging: each article's _Read, in key order. Unless KEEP, an article
    with a cache entry comes back without its extraction (its names and keys are what merging needs;
    the worker that renders it reads it from the cache), and the names of cached articles are kept in
    the names index (Cache.names_index): at 10,000 articles a rebuild unpickled every cached
    extraction (7 s of its 14 s of cache reads, now 3.4-3.7 s), and a build held them all in this
    process while it rendered."""
    files = find_articles(paths)
    if not files:
        raise InputError("no articles found (expected .txt or .md files)", ", ".join(map(str, paths)) or ".")
    default_lexicon()  # loaded once, before worker processes fork
    folder = str(cache.folder) if cache is not None and cache.folder else None
    runner = runner or engine.Local(1)
    results: list = [None] * len(files)
    index, known = cache.names_index() if folder is not None and not keep else ({}, {})
    now = time.time_ns()
    stamps = {str(f): article_stamp(f, now) for f in files} if folder is not None and not keep else {}  # (before reading)
    if folder is not None and _warm(Path(folder)):
        # a rebuild: entries are read here, where they are needed (a worker would read each one, then send
        # it back through a pipe: at 10,000 articles 7.6 s against 3.5 s); only the rest are extracted
        results = [_read_cached(f, folder) if keep else _read_indexed(f, cache, index, known.get(str(f)), stamps[str(f)])
                   for f in files]
        if progress:
            progress(sum(r is not None for r in results))
    missing = [i for i, r in enumerate(results) if r is None]
    for i, r in zip(missing, runner.map(_extract_one, [files[i] for i in missing], folder, keep, progress=progress)):
        results[i] = r
    found: list[_Read] = []
    for result in results:
        if isinstance(result, InputError):
            if skipped is None:
                raise result
            skipped.append(result)
            continue
        read, hit, entry, warnings = result
        for warning in warnings:
            print(f"Warning: {warning}", file=sys.stderr)
        if cache is not None:
            cache.hits += hit
            cache.misses += not hit
            if entry is not None:
                cache.used.add(Path(entry))
        found.append(read)
    if not found:
        raise InputError("no readable article", ", ".join(map(str, paths)) or ".")
    seen: dict[str, str] = {}
    for r in found:
        if r.key in seen:
            raise InputError(f"two articles have the same id '{r.key}': {seen[r.key]} and {r.path}; rename one", r.path)
        seen[r.key] = r.path
    if folder is not None and not keep:
        cache.write_names_index({r.origin: (r.names, r.entities) for r in found if r.origin},
                                {r.path: (stamps[r.path], r.origin, r.key) for r in found if r.origin and stamps.get(r.path)})
    return sorted(found, key=lambda r: r.key)


def _warm(folder: Path) -> bool:
    """A cache folder that holds entries (a rebuild, not a first build)."""
    try:
        return next(folder.glob("*.pickle"), None) is not None
    except OSError:
        return False


def _as_read(ex: Extraction, entry: str | None, keep: bool) -> _Read:
    if entry is not None:
        ex.origin = Path(entry).stem  # (the cache key: see Extraction.origin)
    return _Read(ex.article.key, ex.article.path, ex.origin, names_of(ex), tuple(ex.entities),
                 ex if keep or entry is None else None)


def _read_cached(path: Path, cache_folder: str, keep: bool = True, article: Article | None = None):
    """One article's cached extraction as _extract_one gives it, or None when it must be extracted
    (no entry, or the article cannot be read: the worker reports that). ARTICLE: PATH already read."""
    if article is None:
        try:
            article = read_article(path)
        except InputError:
            return None
    cache = Cache(Path(cache_folder), default_lexicon())
    found = cache.get(article)
    if found is None:
        for warning in cache.warnings:  # (a damaged entry, removed: the article is extracted again)
            print(f"Warning: {warning}", file=sys.stderr)
        return None
    entry = next(iter(cache.used), None)
    return _as_read(found, entry, keep), True, entry, cache.warnings


def _read_indexed(path: Path, cache: Cache, index: dict, seen: tuple | None = None, stamp: tuple | None = None):
    """One article as _extract_one gives it without its extraction, from the names index, when its
    cache entry is there as the index saw it (size and time: else it is read, and a damaged one found);
    else None (it goes to a worker). SEEN: what the index knows of its file (see Cache.names_index);
    when STAMP, its kg.cache.article_stamp now, is the one seen, the file is not read."""
    if seen is not None and stamp is not None and seen[0] == stamp:
        _, key, article = seen
        found = index.get(key)
        if found is not None and found[2] == cache.stamp(key):
            return _Read(article, str(path), key, found[0], found[1]), True, str(cache.entry(key)), []
    try:
        article = read_article(path)
    except InputError:
        return None
    key = cache.key(article)
    found = index.get(key)
    stamp = cache.stamp(key)
    if found is None or stamp is None:
        return None
    names, entities, seen = found
    if stamp != seen:
        return _read_cached(path, str(cache.folder), keep=False, article=article)
    return _Read(article.key, article.path, key, names, entities), True, str(cache.entry(key)), []


def _extract_one(path: Path, cache_folder: str | None, keep: bool):
    """One article, in a worker: (its _Read, came from the cache, cache entry, warnings) or the
    InputError. Without KEEP, an extraction that went into the cache stays out of the result."""
    result = _read_and_extract(path, cache_folder)
    if isinstance(result, InputError):
        return result
    ex, hit, entry, warnings = result
    return _as_read(ex, entry, keep), hit, entry, warnings


def _read_and_extract(path: Path, cache_folder: str | None):
    """One article: (extraction, came from the cache, cache entry, warnings) or the InputError."""
    try:
        article = read_article(path)
    except InputError as exc:
        return exc
    cache = Cache(Path(cache_folder) if cache_folder else None, default_lexicon())
    found = cache.get(article)
    hit = found is not None
    if found is None:
        found = extract(article, default_lexicon())
        cache.put(article, found)
    return found, hit, next(iter(cache.used), None), cache.warnings


def article_graph(path: Path, base: str = INSTANCE_BASE):
    """One article's graph, extracted afresh (no validation, nothing written)."""
    return union(to_dataset(extract_articles([path]), base))


def build(paths: Iterable[Path], out_dir: Path, *, check: bool = True, view: bool = True,
          base: str = INSTANCE_BASE, use_cache: bool = True, store: bool = True,
          keep_going: bool = False, jobs: int | None = None, engine_name: str = "local",
          scheduler: str | None = None, progress: Callable[[str, int], Progress] | None = None,
          shards: Path | None = None, validator: str = "auto") -> BuildResult:
    """Read articles, extract, write DIR/graph.trig, DIR/graph.ttl and DIR/graph.html, and load
    graph.trig into the store DIR/store/ (unless `store` is off; see kg/store.py).

    The per-article work runs on JOBS local processes (default: all cores) or on a Dask cluster
    (engine_name "dask", at SCHEDULER or a local one); the output is the same bytes either way.
    PROGRESS, when given, is called with a stage name and its number of items and returns the
    function to call as items finish. SHARDS, when given, is a folder the workers write the graphs
    into as N-Quads, one file per partition (on a cluster, a path every worker can write).

    When `check` is on and the graph fails validation, nothing in DIR is replaced; the failing
    graph is written to DIR/graph.invalid.trig for inspection. VALIDATOR: "reference" (pySHACL
    and HermiT on the merged graph), "fast" (Sanad's engines, per article and on merged nodes:
    see kg.validate.validate_parts) or "auto" (reference up to REFERENCE_VALIDATION_ARTICLES).
    """
    if validator not in ("auto", "reference", "fast"):
        raise KGError(f"unknown validator '{validator}'. Use auto, reference or fast")
    with build_lock(out_dir):
        _remove_leftovers(out_dir)
        make = partial(_make_files, list(paths), out_dir, check=check, view=view, base=base, use_cache=use_cache,
                       store=store, keep_going=keep_going, engine_name=engine_name, jobs=jobs, scheduler=scheduler,
                       progress=progress, shards=shards, validator=validator)
        # the files are made in a child process when the store is loaded after them: its memory all goes
        # back when it exits, so the store's bulk loader starts from a small process (see engine.in_child)
        result, plan = engine.in_child(make) if store else make()
        if plan is not None:
            store_dir, result.store_update = _update_store(out_dir, *plan)
            result.outputs.append(store_dir)
        if result.inputs_key and not result.unchanged and (result.report is None or result.report.ok):
            _record_built(out_dir, result, view=view, store=store)
        return result


def _make_files(paths: list[Path], out_dir: Path, *, engine_name: str, jobs: int | None, scheduler: str | None,
                **options) -> tuple[BuildResult, tuple | None]:
    """Everything but the store: the result and what the store needs (see _store_plan; None: nothing)."""
    runner = engine.engine(engine_name, jobs, scheduler)
    try:
        made = _build(paths, out_dir, runner=runner, **options)
    except BaseException:
        runner.close(abort=True)  # (Ctrl-C: the workers stop now, not once their work is done)
        raise
    runner.close()
    return made


def _remove_leftovers(out_dir: Path) -> None:
    """Temporary files of a build that was killed (under the lock, so none is in use)."""
    for pattern in (".*.tmp", f"{CACHE_DIR}/*/.*.tmp", f"{CACHE_DIR}/.*.tmp", "shards/.*.tmp"):
        for leftover in out_dir.glob(pattern):
            if leftover.is_file():
                leftover.unlink(missing_ok=True)
    shutil.rmtree(out_dir / "shards" / ".new", ignore_errors=True)


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


def _build(paths: list[Path], out_dir: Path, *, check: bool, view: bool, base: str, use_cache: bool,
           store: bool, keep_going: bool, runner, progress, shards: Path | None,
           validator: str) -> tuple[BuildResult, tuple | None]:
    cache = Cache(out_dir / CACHE_DIR if use_cache else None, default_lexicon())
    skipped: list[InputError] | None = [] if keep_going else None
    n_files = len(find_articles(paths)) if progress else 0
    # workers elsewhere (Dask) may not share this disk: their extractions come back to be sent on
    keep = cache.folder is None or not (isinstance(runner, engine.Local) and runner.jobs > 1)
    read = _extract_all(paths, cache, skipped, runner, progress and progress("extract", n_files), keep)
    mapping = renames(r.names for r in read)
    keys = [_render_key(r, mapping, base) for r in read]
    key = _inputs_key(read, keys, base, check=check, view=view, store=store, validator=validator) \
        if cache.folder is not None and not shards and not skipped and all(keys) else ""
    if key:
        done = _unchanged(out_dir, key, len(read), cache.misses, view=view, store=store)
        if done is not None:
            return done, None
    render_dir = str(out_dir / CACHE_DIR / "render") if use_cache else None
    finish = partial(write_shard, shards / ".new") if shards else None
    if shards:
        shutil.rmtree(shards / ".new", ignore_errors=True)
    extractions = str(cache.folder) if cache.folder else None
    held = [_render_all(runner, read, keys, mapping, base, render_dir, extractions, finish,
                        progress and progress("render", len(read)))]
    runner.close()  # the per-article work is done: the workers' memory goes back before the corpus files are made
    articles = len(read)
    del read  # (rendered: not needed to make the files)
    with gc_paused():  # (_finish takes the rendered parts out of `held`: no reference here keeps them alive)
        result, plan = _finish(held, articles, cache, skipped, out_dir, check=check, view=view, store=store,
                               shards=shards, validator=validator, render_dir=render_dir)
    result.inputs_key = key
    return result, plan


# ---------------------------------------------------------------- a build with nothing to do

def _inputs_key(read: list[_Read], keys: list[str], base: str, **options) -> str:
    """What a build's files are made from: each article graph's render key (KEYS, see _render_key),
    the options that change the files (OPTIONS, BASE), and the rest of Sanad and of the libraries
    (_code_digest). The same key, the same bytes in graph.trig, graph.ttl, graph.html and the store."""
    h = hashlib.sha256(json.dumps([BUILT_FORMAT, base, options, _code_digest()], sort_keys=True).encode("utf-8"))
    for r, key in zip(read, keys):  # (in key order)
        h.update(f"{r.key}\0{key}\n".encode())
    return h.hexdigest()


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """A hash of everything besides the articles that a build's files follow from: every file of the
    kg package (its code, templates and tools, not the compiled modules, which give the same results),
    of ontology/ and lexicon/, and the versions of Python and of _LIBRARIES. (About 2 MB: 10-20 ms.)"""
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256(sys.version.encode("utf-8"))
    for name in _LIBRARIES:
        try:
            h.update(f"\0{name}={version(name)}".encode())
        except PackageNotFoundError:
            h.update(f"\0{name}=-".encode())
    package = Path(__file__).parent
    for root in (package, ONTOLOGY_FILE.parent, LEXICON_DIR):
        for f in sorted(root.rglob("*")):
            parts = f.relative_to(root).parts
            if f.is_file() and not {"_native", "__pycache__"} & set(parts):
                h.update(f"\0{root.name}/{'/'.join(parts)}\0".encode())
                h.update(f.read_bytes())
    return h.hexdigest()


def _outputs_stamp(out_dir: Path, *, view: bool, store: bool) -> dict:
    """What tells a build that the files the last one left are still as it left them, without reading
    them: (size, modification and change times, inode, device) of graph.trig, graph.ttl and graph.html,
    and the store's files, its manifest included (kg.store.files_stamp). A write within the same tick of the file system's
    clock as the build's own would not show (a few milliseconds, under the build's lock)."""
    stamps: dict = {}
    for name in (GRAPH_TRIG, GRAPH_TTL) + ((GRAPH_HTML,) if view else ()):
        try:
            st = os.stat(out_dir / name)
        except OSError:
            return {}
        stamps[name] = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev]
    if store:
        try:
            stamps[STORE_DIR] = _store.files_stamp(out_dir / STORE_DIR)  # (its manifest among them)
        except OSError:
            return {}
    return stamps


def _record_built(out_dir: Path, result: BuildResult, *, view: bool, store: bool) -> None:
    """Keep, for the next build (see _unchanged), what this complete build was made from, the stamps of
    the files it left and what it reports of them."""
    summary = {"articles": result.articles, "report": result.report, "types": dict(result.types),
               "outputs": [p.name for p in result.outputs]}  # (names: the folder may have moved since)
    write_memo(out_dir / CACHE_DIR / BUILT_STATE, result.inputs_key, (_outputs_stamp(out_dir, view=view, store=store), summary))


def _unchanged(out_dir: Path, key: str, articles: int, extracted: int, *, view: bool, store: bool) -> BuildResult | None:
    """The result of a build with nothing to do: the last complete build was made from the same inputs
    (KEY: see _inputs_key) and its files are still as it left them; None: build. A rebuild of 10,000
    unchanged articles made every file again (20-25 s) to write the same bytes."""
    saved = read_memo(out_dir / CACHE_DIR / BUILT_STATE)
    if saved is None or saved[0] != key:
        return None
    try:
        stamps, summary = saved[1]
        if not stamps or stamps != _outputs_stamp(out_dir, view=view, store=store):
            return None
        result = BuildResult(articles, summary["report"], [out_dir / name for name in summary["outputs"]], extracted,
                             trig_path=out_dir / GRAPH_TRIG, types=Counter(summary["types"]),
                             store_update="unchanged" if store else "", unchanged=True, inputs_key=key)
    except (TypeError, ValueError, KeyError):  # (a state of another format: build)
        return None
    (out_dir / "graph.invalid.trig").unlink(missing_ok=True)  # (as a complete build does)
    return result


@contextmanager
def gc_paused():
    """Python's cyclic collector off for a bulk stage. Assembling, checking and drawing a corpus build
    millions of small objects that live until the stage ends, and the collector scanned them again
    and again: at 10,000 articles the explorer took 78-90 s with it and 57 s without, at the same
    peak memory. Those stages make no reference cycles worth collecting before they end."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _finish(held: list, articles: int, cache: Cache, skipped, out_dir: Path, *,
            check: bool, view: bool, store: bool, shards: Path | None, validator: str,
            render_dir: str | None) -> tuple[BuildResult, tuple | None]:
    """The corpus files from the rendered parts (the one list in HELD, taken out of it): assembled,
    checked, drawn, written; and what the store needs of them (see _store_plan). The parts are let
    go once checked, before the explorer is drawn, with their pages given back, so that the page
    does not add to them."""
    rendered = held.pop()
    parts = [r for r, _, _ in rendered]
    graph_keys = {r.graph: key for r, key, _ in rendered}  # each article graph's render key
    trig, ttl = temp_beside(out_dir / GRAPH_TRIG), temp_beside(out_dir / GRAPH_TTL)
    try:
        shared = shared_triples(parts)  # (assembled and checked: made once)
        statements = shared_statements(shared, _known_statements(out_dir, rendered, graph_keys, render_dir))
        written: list[bytes] | None = [] if view else None  # graph.ttl's statements, for the page
        with trig.open("wb") as trig_fh, ttl.open("wb") as ttl_fh:
            types = write_assembled(parts, trig_fh, ttl_fh, shared, statements, written)
        if render_dir is not None:
            write_memo(out_dir / CACHE_DIR / STATEMENTS_MEMO, graph_keys, statements)
        del statements
        result = BuildResult(articles, None, [], cache.misses, skipped or [], None, types,
                             rendered=sum(not hit for _, _, hit in rendered))
        if check:
            fast = validator == "fast" or validator == "auto" and len(parts) > REFERENCE_VALIDATION_ARTICLES
            result.report = validate_parts(parts, shared, _changed_nodes(out_dir, rendered, graph_keys, render_dir)) if fast \
                else validate(_union_graph(ttl.read_bytes()))
            if not result.report.ok:
                move_into_place(trig, out_dir / "graph.invalid.trig")
                result.outputs, result.trig_path = [out_dir / "graph.invalid.trig"], out_dir / "graph.invalid.trig"
                return result, None
        plan = _store_plan(out_dir, parts, graph_keys) if store else None
        keys = set(graph_keys.values())
        checked = graph_keys if check and render_dir is not None else None
        del rendered, parts, shared  # (no reference cycles among them: freed here, collector or not)
        _give_back_memory()
        memo = out_dir / CACHE_DIR if render_dir is not None else None
        # everything is made before anything is replaced
        page = _explorer(written, memo).encode("utf-8") if written is not None else None
        del written
        move_into_place(trig, out_dir / GRAPH_TRIG)
        move_into_place(ttl, out_dir / GRAPH_TTL)
    finally:
        trig.unlink(missing_ok=True)
        ttl.unlink(missing_ok=True)
    result.trig_path, result.outputs = out_dir / GRAPH_TRIG, [out_dir / GRAPH_TRIG, out_dir / GRAPH_TTL]
    if page is not None:
        write_atomic(out_dir / GRAPH_HTML, page)
        result.outputs.append(out_dir / GRAPH_HTML)
    if shards:
        _replace_folder(shards / ".new", shards)
    (out_dir / "graph.invalid.trig").unlink(missing_ok=True)
    if checked is not None:  # (before the render cache lets the previous build's entries go)
        write_atomic(out_dir / CACHE_DIR / CHECKED_STATE, json.dumps(checked, sort_keys=True).encode("utf-8"), durable=False)
    cache.prune()
    RenderCache(Path(render_dir) if render_dir else None).prune(keys)
    return result, plan


def _changed_nodes(out_dir: Path, rendered: list, new: dict[str, str], render_dir: str | None) -> set[str] | None:
    """On a rebuild, the nodes the merged checks must look at again (kg.validate.validate_parts): those
    the article graphs that differ from the last merge that passed them touch, in their old graphs
    (read back from the render cache) and their new ones. NEW: each graph's render key now. None: check
    every node (no such merge, an old graph no longer cached, or too many changed for it to pay)."""
    if render_dir is None:
        return None
    try:
        old = json.loads((out_dir / CACHE_DIR / CHECKED_STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    changed = _changed_since(old, rendered, new, render_dir)
    return None if changed is None else touched_nodes(changed)


def _known_statements(out_dir: Path, rendered: list, new: dict[str, str], render_dir: str | None) -> dict[str, bytes] | None:
    """On a rebuild, the shared statements the last build wrote (STATEMENTS_MEMO) but those of the
    subjects the article graphs that changed since touch, in their old graphs or their new ones: for
    kg.render.shared_statements. None: make them all (see _changed_since)."""
    saved = read_memo(out_dir / CACHE_DIR / STATEMENTS_MEMO) if render_dir is not None else None
    if saved is None:  # (no memo, or a damaged one: every statement is made)
        return None
    old, statements = saved
    changed = _changed_since(old, rendered, new, render_dir)
    if changed is None or not isinstance(statements, dict):
        return None
    for r in changed:
        for t in r.shared:
            statements.pop(t[0], None)
    return statements


def _changed_since(old, rendered: list, new: dict[str, str], render_dir: str) -> list | None:
    """The article graphs (kg.render.Rendered) that differ between OLD, each graph's render key in an
    earlier build, and NEW, its key in this one: the new ones as RENDERED holds them, the old ones read
    back from the render cache. None when OLD is not such a map, an old graph is no longer cached, or
    too many changed for following them to pay."""
    if not isinstance(old, dict):
        return None
    changed = [r for r, key, _ in rendered if old.get(r.graph) != key]
    gone = [key for graph, key in old.items() if new.get(graph) != key]
    if len(changed) + len(gone) > max(INCREMENTAL_GRAPHS, len(new) // 10):
        return None
    cache = RenderCache(Path(render_dir))
    before = [cache.get(key) for key in gone]
    if any(r is None for r in before):
        return None
    return changed + before


def _give_back_memory() -> None:
    """Return the heap pages freed so far to the system (glibc's malloc_trim), so that the explorer
    starts from a smaller process: freeing the corpus's parts alone left their pages mapped (at
    10,000 articles, measured after the documents were written too: 3.32 GB mapped without it, 1.99
    GB with it). A no-op where the C library has no malloc_trim."""
    import ctypes

    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _explorer(statements: list[bytes], cache: Path | None = None) -> str:
    """The explorer page of graph.ttl's STATEMENTS, as kg.render.write_assembled wrote them; for a
    corpus of more than view.MAX_ENTITIES entities or view.MAX_FACTS fact nodes, the most mentioned
    entities and the best-backed facts among them (`kg view` draws everything). CACHE: the folder
    that keeps the last page's analytics (see kg.view._analysed) and the statements it parsed
    (kg.view.ParseMemo)."""
    from kg.export import turtle_header
    from kg.view import TITLE, ParseMemo, corpus_triples, evidence_spans, most_mentioned, render_html

    # the merge: fewer statements than graph.trig; chosen on plain terms, drawn from rdflib ones but the spans' rows
    parsed = ParseMemo(cache / PARSE_MEMO if cache else None)
    triples, span_rows = corpus_triples((turtle_header(), statements), parsed)
    triples, kept, total, facts, all_facts = most_mentioned(triples)
    spans = span_rows(evidence_spans(triples))
    parsed.save()
    del parsed, span_rows  # (what it parsed, freed before the page is drawn)
    title = TITLE
    if (kept, facts) != (total, all_facts):
        title = f"{TITLE}: the {kept:,} most mentioned of {total:,} entities, {facts:,} of {all_facts:,} facts"
    return render_html(triples, title, memo=cache / ANALYTICS_MEMO if cache else None, spans=spans, plain=True)


def _render_key(r: _Read, mapping: dict[str, str], base: str) -> str:
    """The render cache's key for R's graph, its extraction renamed with the corpus's MAPPING; "" when
    R has no origin (no extraction cache: the key is the extraction's own hash, made where it is rendered)."""
    return origin_fingerprint(renamed_origin(r.origin, r.entities, mapping), base) if r.origin else ""


def _render_all(runner, read: list[_Read], keys: list[str], mapping: dict[str, str], base: str, folder: str | None,
                extractions: str | None, finish, progress) -> list:
    """Every article's graph as text (see _render), its extraction rekeyed with the corpus's MAPPING
    (kg.resolve) and read from the extraction cache EXTRACTIONS when the build did not keep it. On a
    rebuild the cached graphs (render cache FOLDER, by KEYS: see _render_key) are read here, and only
    the others go to the workers; with shards to write (FINISH), every partition goes to them."""
    rendered: list = [None] * len(read)
    if folder is not None and finish is None and _warm(Path(folder)):
        cache = RenderCache(Path(folder))
        for i, key in enumerate(keys):
            found = cache.get(key) if key else None
            if found is not None:
                rendered[i] = (found, key, True)
        if progress:
            progress(sum(r is not None for r in rendered))
    missing = [i for i, r in enumerate(rendered) if r is None]
    for i, r in zip(missing, runner.map(_render_read, [read[i] for i in missing], mapping, base, folder, extractions,
                                        finish=finish, progress=progress)):
        rendered[i] = r
    return rendered


def _render_read(r: _Read, mapping: dict[str, str], base: str, folder: str | None, extractions: str | None):
    """One article's graph, in a worker: its extraction (from the extraction cache when the build did
    not keep it) rekeyed with MAPPING, then _render."""
    ex = r.ex
    if ex is None:
        found = _read_and_extract(Path(r.path), extractions)
        if isinstance(found, InputError):  # (changed or removed since it was read)
            raise found
        ex = found[0]
        ex.origin = r.origin
    return _render(rekey(ex, mapping), base, folder)


def _render(ex: Extraction, base: str, folder: str | None):
    """One article's graph as text, in a worker; from the render cache when nothing it is made
    from changed."""
    cache = RenderCache(Path(folder) if folder else None)
    key = fingerprint(ex, base)
    found = cache.get(key)
    hit = found is not None
    if not hit:
        found = render(ex, base)
        cache.put(key, found)
    return found, key, hit


def _readable(store_dir: Path, files: dict | None) -> None:
    """Open the store and read every block of its main index (RocksDB checks each block's checksum),
    so that a damaged store is loaded again rather than updated; unless its files are FILES, those
    the last build left (kg.store.files_stamp, kept in graphs.json): nothing wrote to it since.
    (Reading the index of the store of 10,000 articles, 9.8M quads, took 2.8 s of every rebuild.)"""
    if files == _store.files_stamp(store_dir):
        return
    store = _store.open_store(store_dir)
    try:
        len(store)
    finally:
        del store


def write_shard(folder: Path, rendered: list, index: int) -> None:
    """A partition's article graphs as one N-Quads file, FOLDER/part-INDEX.nq (INDEX: the number of
    the partition's first article), lines sorted: for bulk loaders such as Virtuoso's ld_dir."""
    import pyoxigraph as ox

    data = trig_document(r.block for r, _, _ in rendered)
    lines = ox.serialize(ox.parse(data, format=ox.RdfFormat.TRIG), format=ox.RdfFormat.N_QUADS).splitlines()
    write_atomic(Path(folder) / f"part-{index:07d}.nq", b"\n".join(sorted(lines)) + b"\n")


def _replace_folder(new: Path, target: Path) -> None:
    """NEW's files become TARGET's (the shards of an earlier build are removed)."""
    for old in target.glob("part-*.nq"):
        old.unlink()
    for f in sorted(new.glob("part-*.nq")):
        os.replace(f, target / f.name)
    new.rmdir()


def _store_plan(out_dir: Path, parts: list, keys: dict[str, str]) -> tuple:
    """What the store needs of the parts: each article graph's digest and, when the store holds the
    previous build and few graphs changed, the changed graphs' TriG blocks (None: load it again), the
    graphs removed, each graph's render key (KEYS, by graph as N-Triples writes it), and the store's
    files as the last build left them (see _readable). A graph whose render key is the one the last
    state recorded keeps the digest recorded with it: a render key names its block's bytes, and
    hashing 10,000 blocks took 0.6 s of a rebuild."""
    store_dir, state_file = out_dir / STORE_DIR, out_dir / CACHE_DIR / GRAPHS_STATE
    state = _state(state_file)
    m = _store.manifest(store_dir) or {}
    old = state.get("graphs") if isinstance(state.get("graphs"), dict) else None
    known = state.get("keys") if old is not None and isinstance(state.get("keys"), dict) else {}
    render_keys = {r.graph[1:-1]: keys[r.graph] for r in parts}
    digests = {}
    for r in parts:
        g = r.graph[1:-1]
        same = old is not None and g in old and known.get(g) == render_keys[g]
        digests[g] = old[g] if same else hashlib.sha256(r.block).hexdigest()[:32]
    in_step = old is not None and m.get("sha256") and m.get("sha256") == state.get("trig") and m.get("state") is None
    changed = {g for g, d in digests.items() if old is None or old.get(g) != d}
    removed = sorted(set(old or ()) - set(digests))
    if in_step and len(changed) + len(removed) <= max(INCREMENTAL_GRAPHS, len(digests) // 10):
        blocks = {r.graph[1:-1]: r.block for r in parts if r.graph[1:-1] in changed}
        return digests, blocks, removed, render_keys, state.get("files")
    return digests, None, removed, render_keys, None


def _state(state_file: Path) -> dict:
    """What the last build recorded of the store (GRAPHS_STATE); empty when missing or damaged."""
    try:
        state = json.loads(state_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def _update_store(out_dir: Path, digests: dict[str, str], blocks: dict[str, bytes] | None, removed: list[str],
                  render_keys: dict[str, str], files: dict | None) -> tuple[Path, str]:
    """Load graph.trig into DIR/store; when BLOCKS holds the few article graphs that changed since
    the build the store holds, replace just those graphs in place (kg.store.replace_graphs)."""
    trig, store_dir, state_file = out_dir / GRAPH_TRIG, out_dir / STORE_DIR, out_dir / CACHE_DIR / GRAPHS_STATE
    how = "created"
    if blocks is not None:
        try:
            _readable(store_dir, files)
            _store.replace_graphs(store_dir, {g: trig_document([b]) for g, b in blocks.items()}, removed, source=trig)
            how = f"replaced {len(blocks) + len(removed)} graph(s)"
        except (KGError, OSError, RuntimeError, ValueError) as exc:
            print(f"Warning: {store_dir} cannot be updated in place ({str(exc).splitlines()[0][:200]}); loading it again",
                  file=sys.stderr)
    if how == "created":
        _store.create(trig, merge=out_dir / GRAPH_TTL)  # graph.ttl, written with graph.trig, is its merge
    m = _store.manifest(store_dir) or {}
    state = {"trig": m.get("sha256"), "graphs": digests, "keys": render_keys, "files": _store.files_stamp(store_dir)}
    write_atomic(state_file, json.dumps(state, sort_keys=True).encode("utf-8"), durable=False)
    return store_dir, how


def _union_graph(ttl: bytes):
    from rdflib import Graph

    g = Graph()
    g.parse(data=ttl, format="turtle")
    return g
