"""Parallel and distributed builds (issue 6): the same bytes with one process, a pool of workers
or a Dask cluster of two local workers; N-Quads shards that hold exactly the graph; a progress
bar only on a terminal; a rebuild after one article changed re-extracts and re-renders only it
and replaces only its graph in the store."""
from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import ROOT

import kg

OUTPUTS = ("graph.trig", "graph.ttl", "graph.html")
Q_GRAPHS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for f in sorted((ROOT / "tests" / "corpus").glob("*.*.*")) + sorted((ROOT / "seeds").glob("*.*.*")):
        if not f.name.endswith(".gold.json"):
            shutil.copy(f, folder / f.name)
    return folder


@pytest.fixture(scope="module")
def plain(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("plain")
    kg.build([corpus], out, check=False, jobs=1, use_cache=False)
    return out


def _same(a: Path, b: Path) -> None:
    for name in OUTPUTS:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_a_pool_of_workers_writes_the_same_bytes(corpus, plain, tmp_path):
    result = kg.build([corpus], tmp_path, check=False, jobs=2, use_cache=False)
    assert result.extracted == len(list(corpus.glob("*.txt")))
    _same(plain, tmp_path)


def test_a_dask_cluster_of_two_workers_writes_the_same_bytes_and_shards(corpus, plain, tmp_path):
    shards = tmp_path / "shards"
    kg.build([corpus], tmp_path, check=False, jobs=2, engine_name="dask", use_cache=False, shards=shards)
    _same(plain, tmp_path)
    files = sorted(shards.glob("part-*.nq"))
    assert len(files) > 1  # one per partition, written by the workers
    quads: set = set()
    for f in files:
        part = set(ox.parse(path=str(f), format=ox.RdfFormat.N_QUADS))
        assert not part & quads  # an article's graph is in one shard
        quads |= part
    assert quads == set(ox.parse(path=str(tmp_path / "graph.trig"), format=ox.RdfFormat.TRIG))


def test_an_unreachable_scheduler_is_one_clear_error(corpus, tmp_path):
    done = subprocess.run([sys.executable, "-m", "kg", "build", str(corpus), "--out", str(tmp_path), "--engine", "dask",
                           "--scheduler", "tcp://127.0.0.1:9", "--no-check"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.startswith("Error: cannot reach the Dask scheduler tcp://127.0.0.1:9")
    assert "Traceback" not in done.stderr


def _build_on_a_terminal(*args: str) -> str:
    """Run `kg build ARGS` with stderr on a pseudo-terminal; what the terminal showed."""
    main, secondary = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", *args], stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=secondary, cwd=ROOT)
    os.close(secondary)
    shown = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    proc.wait(timeout=300)
    os.close(main)
    assert proc.returncode == 0, shown.decode(errors="replace")
    return shown.decode("utf-8", errors="replace")


def test_the_progress_bar_shows_on_a_terminal_only(corpus, tmp_path):
    shown = _build_on_a_terminal(str(corpus), "--out", str(tmp_path / "a"), "--no-check", "--no-view", "-j", "2")
    assert "extract [" in shown and "articles/s" in shown and f"{len(list(corpus.glob('*.txt')))}/" in shown
    quiet = _build_on_a_terminal(str(corpus), "--out", str(tmp_path / "b"), "--no-check", "--no-view", "-q")
    assert "articles/s" not in quiet
    piped = subprocess.run([sys.executable, "-m", "kg", "build", str(corpus), "--out", str(tmp_path / "c"), "--no-check",
                            "--no-view"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert piped.returncode == 0 and "articles/s" not in piped.stderr and "\r" not in piped.stderr


def test_the_page_drawn_from_the_statements_as_written_is_the_page_of_graph_ttl_read_back(plain):
    """The build hands the page graph.ttl's statements as it writes them (kg.render.write_assembled),
    instead of reading the file back and cutting it: the same statements, the same page."""
    from kg.export import turtle_header, turtle_statements

    header, statements = turtle_statements((plain / "graph.ttl").read_bytes())
    assert header == turtle_header() and len(statements) > 100
    assert kg._explorer(statements).encode("utf-8") == (plain / "graph.html").read_bytes()


def test_one_changed_article_is_extracted_rendered_and_replaced_alone(corpus, tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(corpus, folder)
    out = tmp_path / "out"
    first = kg.build([folder], out, check=False, view=False, jobs=2)
    assert first.store_update == "created"
    store_inode = (out / "store").stat().st_ino
    again = kg.build([folder], out, check=False, view=False, jobs=2)
    assert (again.extracted, again.rendered, again.store_update, again.unchanged) == (0, 0, "unchanged", True)

    changed = folder / "arcline-cloud-h100.en.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Arcline", "Arcline Cloud"), encoding="utf-8")
    result = kg.build([folder], out, check=False, view=False, jobs=2)
    assert (result.extracted, result.rendered, result.store_update) == (1, 1, "replaced 1 graph(s)")
    assert (out / "store").stat().st_ino == store_inode  # updated in place, not loaded again
    # (the build let go of its parts and documents before the store: the result reads them from the files)
    assert result.trig == (out / "graph.trig").read_bytes() and len(result.dataset) > 0

    clean = tmp_path / "clean"
    kg.build([folder], clean, check=False, view=False, jobs=1, use_cache=False)
    for name in ("graph.trig", "graph.ttl"):
        assert (out / name).read_bytes() == (clean / name).read_bytes()
    ask = "SELECT ?g (COUNT(*) AS ?n) WHERE { { GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    assert kg.open(out).query(ask) == kg.open(clean).query(ask)
    assert kg.open(out).kind == "store"


def _stamps(out: Path) -> dict:
    found = {name: ((out / name).stat().st_mtime_ns, (out / name).stat().st_ino) for name in OUTPUTS}
    found["store"] = sorted((f.name, f.stat().st_mtime_ns) for f in (out / "store").iterdir())
    return found


def _kg_build(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", "build", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=600)


def test_a_build_with_nothing_to_do_leaves_every_file_as_it_is(corpus, tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(corpus, folder)
    out = tmp_path / "out"
    first = _kg_build(str(folder), "--out", str(out), "--jobs", "2")
    assert first.returncode == 0, first.stderr
    before, made = _stamps(out), {name: (out / name).read_bytes() for name in OUTPUTS}
    again = _kg_build(str(folder), "--out", str(out), "--jobs", "2")
    assert again.returncode == 0, again.stderr
    assert "Nothing changed since the last build" in again.stderr and f"Up to date: {out / 'graph.html'}" in again.stderr
    assert "Validation (the last build's" in again.stderr and "SHACL: conforms" in again.stderr
    assert _stamps(out) == before  # not one file written again, the store's included
    # an article saved again with the same text is read again, and the build still has nothing to do
    touched = folder / "arcline-cloud-h100.en.txt"
    touched.write_bytes(touched.read_bytes())
    assert "Nothing changed" in _kg_build(str(folder), "--out", str(out), "--jobs", "2").stderr
    assert _stamps(out) == before

    # a file of the last build changed by hand is made again, as it was
    (out / "graph.html").write_text("<p>edited</p>", encoding="utf-8")
    redone = _kg_build(str(folder), "--out", str(out), "--jobs", "2")
    assert redone.returncode == 0 and "Nothing changed" not in redone.stderr and f"Wrote {out / 'graph.html'}" in redone.stderr
    assert {name: (out / name).read_bytes() for name in OUTPUTS} == made
    # other options make other files: built, not skipped
    assert "Nothing changed" not in _kg_build(str(folder), "--out", str(out), "--no-check").stderr
    assert "Nothing changed" in _kg_build(str(folder), "--out", str(out), "--no-check").stderr
    assert "Nothing changed" not in _kg_build(str(folder), "--out", str(out)).stderr


def test_a_build_has_something_to_do_when_an_article_the_store_or_sanad_changed(corpus, tmp_path, monkeypatch):
    folder = tmp_path / "in"
    shutil.copytree(corpus, folder)
    out = tmp_path / "out"
    kg.build([folder], out, check=False, jobs=1)
    rows = kg.open(out).query(Q_GRAPHS)  # (reading the store writes nothing to it)
    assert kg.build([folder], out, check=False, jobs=1).unchanged
    moved = tmp_path / "moved"
    out.rename(moved)  # a build folder moved: still the same files, reported where they are now
    again = kg.build([folder], moved, check=False, jobs=1)
    assert again.unchanged and again.trig_path == moved / "graph.trig" and moved / "store" in again.outputs
    assert again.trig == (moved / "graph.trig").read_bytes() and kg.open(moved).query(Q_GRAPHS) == rows
    moved.rename(out)

    changed = folder / "arcline-cloud-h100.en.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Arcline", "Arcline Cloud"), encoding="utf-8")
    result = kg.build([folder], out, check=False, jobs=1)
    assert not result.unchanged and (result.extracted, result.store_update) == (1, "replaced 1 graph(s)")
    assert kg.build([folder], out, check=False, jobs=1).unchanged

    (folder / "arcline-cloud-h100.en.txt").unlink()  # an article gone
    assert kg.build([folder], out, check=False, jobs=1).store_update == "replaced 1 graph(s)"

    shutil.rmtree(out / "store")  # the store gone: loaded again
    assert kg.build([folder], out, check=False, jobs=1).store_update == "created"
    assert kg.build([folder], out, check=False, jobs=1).unchanged

    monkeypatch.setattr(kg, "_code_digest", lambda: "another version of Sanad")
    assert not kg.build([folder], out, check=False, jobs=1).unchanged

    (out / ".cache" / "extractions" / kg.BUILT_STATE).write_bytes(b"\x00 damaged")
    assert not kg.build([folder], out, check=False, jobs=1).unchanged
    assert kg.build([folder], out, check=False, jobs=1).unchanged

    # without the cache nothing is known of the last build: everything is made again
    assert not kg.build([folder], out, check=False, jobs=1, use_cache=False).unchanged


def test_a_removed_article_leaves_the_store(corpus, tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(corpus, folder)
    out = tmp_path / "out"
    kg.build([folder], out, check=False, view=False, jobs=1)
    for f in folder.glob("arcline-cloud-h100.en.*"):
        f.unlink()
    result = kg.build([folder], out, check=False, view=False, jobs=1)
    assert result.store_update == "replaced 1 graph(s)"
    rows = kg.open(out).query("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert int(rows[0]["n"]) == len(list(folder.glob("*.txt")))
    arcline = "ASK { ?s ?p ?o FILTER(CONTAINS(STR(?s), 'arcline-cloud-h100')) }"
    assert kg.open(out).raw(arcline) is False


def test_the_page_of_a_big_corpus_holds_the_most_mentioned_entities(plain):
    from rdflib import RDF

    from kg.export import plain_triples_of, rdflib_triples
    from kg.view import ENTITY_CLASSES, most_mentioned, view_model
    from kg.vocab import SANAD

    triples = plain_triples_of((plain / "graph.trig").read_bytes())
    assert most_mentioned(triples, 10_000)[0] == list(triples)  # everything when it fits
    sub, kept, total, facts, all_facts = most_mentioned(triples, 5)
    assert (kept, total > 5) == (5, True) and facts <= all_facts
    mentions = {}
    for s, p, o in triples:
        if p == str(SANAD.mentions):
            mentions[o] = mentions.get(o, 0) + 1
    entities = {s for s, p, o in sub if p == str(RDF.type) and o in set(map(str, ENTITY_CLASSES))}
    threshold = sorted(mentions.values(), reverse=True)[4]
    assert len(entities) == 5 and all(mentions[e] >= threshold for e in entities)
    model = view_model(rdflib_triples(sub), analyse=False)
    drawn = {n["id"] for n in model["nodes"] if n["cls"] in ("Person", "Company", "Organization", "MediaOutlet", "HardwareModel")}
    assert drawn == {str(e) for e in entities}
    assert all(e["from"] in {n["id"] for n in model["nodes"]} and e["to"] in {n["id"] for n in model["nodes"]}
               for e in model["edges"])


def test_the_page_of_a_big_corpus_reads_only_the_evidence_spans_it_draws(plain):
    """graph.ttl's evidence spans (most of a corpus's triples) are set apart, and the page reads the
    rows of those it draws: the same choice, and the same rows, as from every triple parsed at once."""
    from collections import Counter

    from rdflib import RDF

    from kg.export import plain_triples_of, rdflib_triples
    from kg.iris import EVIDENCE_FRAGMENT
    from kg.view import corpus_triples, evidence_spans, most_mentioned, view_model
    from kg.vocab import SANAD

    data = (plain / "graph.ttl").read_bytes()
    everything = plain_triples_of(data, turtle=True)
    triples, span_rows = corpus_triples(data)
    spans = [t for t in everything if EVIDENCE_FRAGMENT in t[0]]
    assert spans and len(triples) == len(everything) - len(spans)
    for limits in ((10_000,), (5,), (10_000, 2, 4), (3, 1, 2)):
        whole, split = most_mentioned(everything, *limits), most_mentioned(triples, *limits)
        assert Counter(t for t in whole[0] if EVIDENCE_FRAGMENT not in t[0]) == Counter(split[0]), limits
        assert whole[1:] == split[1:], limits
        drawn = evidence_spans(split[0])
        rows = span_rows(drawn)
        assert drawn and set(rows) == drawn, limits
        for span, row in rows.items():  # each row as the page reads it from the span's triples
            alone = [t for t in whole[0] if t[0] == span] + [("https://e.org/f", str(SANAD.evidence), span),
                                                             ("https://e.org/f", str(RDF.type), str(SANAD.Person))]
            model = view_model(rdflib_triples(alone), analyse=False)
            shown = model["evidence"][0]
            assert [shown["s"], shown["e"], shown["pre"], shown["x"], shown["suf"]] == [int(row[1]), int(row[2]), *row[3:]]
    asked = span_rows({spans[0][0], "https://example.org/not-a-span"})
    assert list(asked) == [spans[0][0]]


def test_the_page_draws_evidence_spans_given_apart_as_it_draws_them_among_the_triples(plain):
    """A build's page takes the spans' rows apart from the triples it indexes (kg.view.corpus_triples),
    and makes rdflib terms of those as it indexes them: the same model, evidence rows and all."""
    from kg.export import plain_triples_of, rdflib_triples
    from kg.view import corpus_triples, evidence_spans, view_model

    data = (plain / "graph.ttl").read_bytes()
    triples = plain_triples_of(data, turtle=True)
    rest, span_rows = corpus_triples(data)
    spans = span_rows(evidence_spans(rest))
    assert spans and len(rest) < len(triples)
    apart = view_model(rest, analyse=False, spans=spans, plain=True)  # (plain terms, made rdflib ones as indexed)
    assert apart == view_model(rdflib_triples(triples), analyse=False)
    assert apart["evidence"] and all(row["a"] >= 0 and row["x"] for row in apart["evidence"])


def test_the_page_of_a_big_corpus_holds_at_most_so_many_facts_the_best_backed_first(plain):
    from rdflib import RDF

    from kg.export import plain_triples_of, rdflib_triples
    from kg.view import ENTITY_CLASSES, NODE_CLASSES, most_mentioned, view_model
    from kg.vocab import SANAD

    triples = plain_triples_of((plain / "graph.trig").read_bytes())
    types = {}
    for s, p, o in triples:
        if p == str(RDF.type):
            types.setdefault(s, set()).add(o)
    node_classes, entity_classes = set(map(str, NODE_CLASSES)), set(map(str, ENTITY_CLASSES))
    facts = {n for n, ts in types.items() if ts & node_classes and not ts & entity_classes}
    spans = {f: sum(1 for s, p, o in triples if s == f and p == str(SANAD.evidence)) for f in facts}
    assert len(facts) > 4 and len(set(spans.values())) > 1
    sub, kept, total, shown, all_facts = most_mentioned(triples, 10_000, max_facts=4)
    assert (kept, shown) == (total, 4) and all_facts == len(facts)
    model = view_model(rdflib_triples(sub), analyse=False)
    drawn = {n["id"] for n in model["nodes"] if n["id"] in {str(f) for f in facts}}
    assert len(drawn) == 4
    entities = {n for n, ts in types.items() if ts & entity_classes}
    linked = ({s for s, p, o in triples if s in facts and o in entities}
              | {o for s, p, o in triples if o in facts and s in entities})
    # no fact about an entity left out is backed by more evidence spans than a fact drawn
    assert min(spans[f] for f in linked if str(f) in drawn) >= max(spans[f] for f in linked if str(f) not in drawn)
    assert all(e["from"] in {n["id"] for n in model["nodes"]} and e["to"] in {n["id"] for n in model["nodes"]}
               for e in model["edges"])


def test_the_collector_paused_for_the_bulk_stages_is_running_again_after_a_build(corpus, tmp_path, monkeypatch):
    import gc

    from kg.errors import KGError

    kg.build([corpus], tmp_path / "ok", check=False, view=False, store=False, jobs=1)
    assert gc.isenabled()

    def broken(*args, **kwargs):
        assert not gc.isenabled()  # paused while the corpus is assembled
        raise KGError("assembling failed")

    monkeypatch.setattr(kg, "write_assembled", broken)
    with pytest.raises(KGError, match="assembling failed"):
        kg.build([corpus], tmp_path / "broken", check=False, view=False, store=False, jobs=1)
    assert gc.isenabled()


def test_the_files_are_made_in_a_child_process_whose_answer_errors_and_output_come_back(capsys):
    """kg build makes its files in a forked child (so that the store's bulk loader starts from a
    small process): what it returns, raises and prints reaches the caller as if it ran here."""
    from kg.engine import in_child
    from kg.errors import InputError, KGError

    assert in_child(lambda: ({"pid": os.getpid()}, [1, 2]))[0]["pid"] != os.getpid()

    def prints():
        print("to stdout")
        print("Warning: to stderr", file=sys.stderr)
        return 7

    assert in_child(prints) == 7
    captured = capsys.readouterr()  # sys.stdout and sys.stderr are pytest's here, not the terminal
    assert (captured.out, captured.err) == ("to stdout\n", "Warning: to stderr\n")

    def bad_input():
        raise InputError("not UTF-8", Path("a.txt"))

    with pytest.raises(InputError) as info:
        in_child(bad_input)
    assert str(info.value) == "a.txt: not UTF-8"

    def bug():
        return {}["missing"]

    with pytest.raises(KeyError) as info:
        in_child(bug)
    assert "in the build's child process" in info.value.__notes__[0]
    assert "return {}[\"missing\"]" in info.value.__notes__[0]  # the child's traceback travels with it

    with pytest.raises(KGError, match=r"ended without finishing \(signal 9: killed, often by the system for lack of memory"):
        in_child(lambda: os.kill(os.getpid(), 9))


def test_the_store_is_loaded_by_a_process_that_did_not_make_the_files(corpus, tmp_path, monkeypatch):
    """At 10,000 articles the process that made the files still held ~1.4 GB of heap it had freed
    when the bulk loader began (peak 3.3 GB); the loader now runs in the build's own process after
    the child that made them has exited (peak 2.4 GB)."""
    pids = tmp_path / "pids"
    real_write, real_update = kg.write_assembled, kg._update_store

    def write_assembled(*args):
        with pids.open("a") as fh:
            fh.write(f"files {os.getpid()}\n")
        return real_write(*args)

    def update_store(*args):
        with pids.open("a") as fh:
            fh.write(f"store {os.getpid()}\n")
        return real_update(*args)

    monkeypatch.setattr(kg, "write_assembled", write_assembled)
    monkeypatch.setattr(kg, "_update_store", update_store)
    result = kg.build([corpus], tmp_path / "out", check=False, view=False, jobs=1)
    made = dict(line.split() for line in pids.read_text().splitlines())
    assert made["store"] == str(os.getpid()) != made["files"]
    assert result.store_update == "created" and result.articles == len(list(corpus.glob("*.txt")))


def test_assembling_refuses_two_articles_that_own_the_same_node():
    """The nodes an article owns (the article, its evidence, its assertions) are minted from its key,
    and their statements are written to graph.ttl as the article rendered them: two parts that own
    the same node mean a broken key, and assembling says so instead of writing the node twice."""
    import io
    from dataclasses import replace

    from kg.errors import KGError
    from kg.render import render, write_assembled

    part = render(kg.extract_articles([ROOT / "seeds"])[0])
    assert part.own and isinstance(part.block, bytes)
    write_assembled([part], io.BytesIO(), io.BytesIO())
    twin = replace(part, graph=part.graph[:-1] + "-twin>")
    with pytest.raises(KGError, match="two articles both claim the node"):
        write_assembled([part, twin], io.BytesIO(), io.BytesIO())
