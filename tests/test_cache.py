"""Rebuilding after one article changes re-extracts only that article and gives the bytes of a clean build."""
from __future__ import annotations

from conftest import ROOT, copy_article

import kg
from kg.defaults import CACHE_DIR
from kg.view import ParseMemo


def _inputs(tmp_path, shared):
    folder = tmp_path / "in"
    copy_article(ROOT / "seeds" / "databricks-talent-wars.ar.txt", folder)
    for src in sorted((shared / "eval").glob("*.en.txt")):
        copy_article(src, folder)
    return folder


def test_incremental_rebuild(tmp_path, shared):
    folder = _inputs(tmp_path, shared)
    out = tmp_path / "out"
    assert kg.build([folder], out, view=False).extracted == 3
    assert kg.build([folder], out, view=False).extracted == 0
    changed = folder / "microsoft-inflection-the-batch.en.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOpenAI CEO Sam Altman declined to comment.\n",
                       encoding="utf-8")
    assert kg.build([folder], out, view=False).extracted == 1
    clean = tmp_path / "clean"
    kg.build([folder], clean, view=False, use_cache=False)
    for name in ("graph.trig", "graph.ttl"):
        assert (out / name).read_bytes() == (clean / name).read_bytes()
    assert len(list((out / CACHE_DIR).glob("*.pickle"))) == 3  # the stale entry was pruned


def test_damaged_cache_entry_is_rebuilt_with_a_warning(tmp_path, shared, capsys):
    folder = _inputs(tmp_path, shared)
    out = tmp_path / "out"
    kg.build([folder], out, view=False)
    before = (out / "graph.trig").read_bytes()
    entry = sorted((out / CACHE_DIR).glob("*.pickle"))[0]
    entry.write_bytes(b"not a pickle")
    assert kg.build([folder], out, view=False).extracted == 1
    assert "damaged cache entry" in capsys.readouterr().err
    assert (out / "graph.trig").read_bytes() == before


def test_an_extraction_is_keyed_by_what_it_was_made_from(tmp_path):
    """The render cache's key of an article graph comes from the extraction's origin (the article, its
    metadata, the rules, and any cross-article rename): the same on every read of the same article,
    another when the article changes, and another when a second article makes its entity one spelled
    in two scripts."""
    from kg.cache import Cache, fingerprint
    from kg.lexicon import default_lexicon

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.en.txt").write_text("Hires\n\nVarda Quellin, a researcher, joined Nexaro Labs, a startup.\n", encoding="utf-8")
    cache = Cache(tmp_path / "cache", default_lexicon())

    def keys():
        return {ex.article.key: fingerprint(ex, kg.INSTANCE_BASE) for ex in kg.extract_articles([folder], cache)}

    first = keys()
    assert first == keys() and all(first.values())
    (folder / "b.en.txt").write_text("Other\n\nOpenAI hired Mira Tam, a researcher.\n", encoding="utf-8")
    assert keys()["article/a.en"] == first["article/a.en"]  # (nothing of b renames anything of a)
    (folder / "a.en.txt").write_text("Hires\n\nVarda Quellin, a researcher, joined Nexaro Labs, a startup, in May.\n",
                                     encoding="utf-8")
    assert keys()["article/a.en"] != first["article/a.en"]
    (folder / "c.ar.txt").write_text("تعيينات\n\nوانضمت الباحثة فاردا كويلين إلى شركة «نيكسارو لابز» الناشئة.\n",
                                     encoding="utf-8")
    exs = {ex.article.key: ex for ex in kg.extract_articles([folder], cache)}
    assert "org/nexaro-labs" in exs["article/c.ar"].entities  # (renamed to the Latin spelling's key)
    alone = kg.extract_articles([folder / "c.ar.txt"], cache)[0]  # (no Latin spelling beside it: not renamed)
    assert "org/nexaro-labs" not in alone.entities
    assert fingerprint(exs["article/c.ar"], kg.INSTANCE_BASE) != fingerprint(alone, kg.INSTANCE_BASE)


def test_a_rebuild_reads_the_extractions_of_changed_articles_only(tmp_path, shared, capsys):
    """A rebuild merges the corpus from the names it keeps of each cached extraction, and reads an
    extraction only to render its article again: an entry overwritten in place (same size, same time)
    is never read when its article did not change; the output is a clean build's."""
    import os

    folder = _inputs(tmp_path, shared)
    (folder / "veridian.ar.txt").write_text("تعيينات\n\nانضمت الباحثة ليلى حداد إلى شركة «فيريديان لابز» الناشئة.\n",
                                            encoding="utf-8")
    (folder / "veridian.en.txt").write_text("Hires\n\nLayla Haddad joined Veridian Labs, a startup.\n", encoding="utf-8")
    out = tmp_path / "out"
    kg.build([folder], out, view=False, jobs=2)
    for entry in sorted((out / CACHE_DIR).glob("*.pickle")):
        st = entry.stat()
        entry.write_bytes(b"\0" * st.st_size)
        os.utime(entry, ns=(st.st_atime_ns, st.st_mtime_ns))
    changed = folder / "veridian.en.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("a startup", "a young startup"), encoding="utf-8")
    assert kg.build([folder], out, view=False, jobs=2).extracted == 1
    assert "damaged" not in capsys.readouterr().err
    clean = tmp_path / "clean"
    kg.build([folder], clean, view=False, use_cache=False)
    for name in ("graph.trig", "graph.ttl"):
        assert (out / name).read_bytes() == (clean / name).read_bytes()
    arabic = (out / "graph.trig").read_text(encoding="utf-8").split("/article/veridian.ar> {")[1].split("\n}")[0]
    assert "org:veridian-labs" in arabic  # (renamed to the Latin spelling's key, from the names kept)


def test_a_rebuild_that_draws_the_same_graph_reuses_the_pages_analytics(tmp_path, shared, monkeypatch):
    """The page's centrality, communities and layout are kept with the drawn graph they were computed
    from: an edit that moves evidence but no node or edge does not compute them again, one that adds
    an edge does, a damaged memo is computed again, and the page is a clean build's every time."""
    from kg import analytics

    folder = _inputs(tmp_path, shared)
    out, clean = tmp_path / "out", tmp_path / "clean"
    kg.build([folder], out, store=False)
    memo = out / CACHE_DIR / kg.ANALYTICS_MEMO
    assert memo.is_file()
    calls = []
    real = analytics.analyse
    monkeypatch.setattr(analytics, "analyse", lambda *a, **k: calls.append(1) or real(*a, **k))

    def rebuild_matches_a_clean_build() -> bool:
        kg.build([folder], out, store=False)
        kg.build([folder], clean, store=False, use_cache=False)
        return (out / "graph.html").read_bytes() == (clean / "graph.html").read_bytes()

    changed = folder / "microsoft-inflection-the-batch.en.txt"
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace(". ", ".   ", 1), encoding="utf-8")  # every span after it moves
    assert rebuild_matches_a_clean_build()
    assert calls == [1]  # the clean build's, not the rebuild's
    changed.write_text(text + "\nLayla Haddad joined Veridian Labs, a startup.\n", encoding="utf-8")  # two nodes, an edge
    assert rebuild_matches_a_clean_build()
    assert calls == [1, 1, 1]
    memo.write_bytes(b"damaged")
    changed.write_text(text, encoding="utf-8")
    assert rebuild_matches_a_clean_build()
    assert calls == [1, 1, 1, 1, 1]


def test_the_analytics_memo_is_keyed_by_the_edges_drawn_too(tmp_path):
    from kg.view import _analysed

    nodes = [{"id": x, "cls": "Person", "label_en": x, "label_ar": x} for x in ("a", "b", "c")]
    one, other = {"nodes": nodes, "edges": [{"from": "a", "to": "b"}]}, {"nodes": nodes, "edges": [{"from": "b", "to": "c"}]}
    memo = tmp_path / "analytics.memo"
    first = _analysed(one, True, memo)
    assert _analysed(one, True, memo) == first
    assert _analysed(other, True, memo) == _analysed(other, True, None) != first


def test_a_rebuild_writes_again_the_shared_statements_of_what_changed_or_went_and_no_others(tmp_path, shared, monkeypatch):
    """graph.ttl's statements about nodes several articles describe are kept between builds: a rebuild
    makes again those that a changed, added or removed article touches (in its old graph or its new
    one), and only those; a damaged memo makes them all. The files are a clean build's every time."""
    from importlib import import_module

    render = import_module("kg.render")  # (the module: kg.render is also the function)
    folder = _inputs(tmp_path, shared)
    out, clean = tmp_path / "out", tmp_path / "clean"
    kg.build([folder], out, view=False, store=False)
    made = []
    real = render.statement
    monkeypatch.setattr(render, "statement", lambda s, *a, **k: made.append(s) or real(s, *a, **k))

    def rebuild_matches_a_clean_build() -> bool:
        made.clear()
        (out / "graph.ttl").unlink()  # (else a build with nothing to do writes nothing: see kg._unchanged)
        kg.build([folder], out, view=False, store=False)
        rebuilt = list(made)
        kg.build([folder], clean, view=False, store=False, use_cache=False)
        made[:] = rebuilt
        return all((out / name).read_bytes() == (clean / name).read_bytes() for name in ("graph.trig", "graph.ttl"))

    assert rebuild_matches_a_clean_build() and made == []
    gone = folder / "microsoft-inflection-the-batch.en.txt"
    gone.unlink()
    assert rebuild_matches_a_clean_build()
    statements = (out / "graph.ttl").read_text(encoding="utf-8").count("\n\n")
    assert 0 < len(set(made)) < statements / 4  # (and no article is rendered again)
    (out / CACHE_DIR / kg.STATEMENTS_MEMO).write_bytes(b"damaged")
    (folder / "veridian.en.txt").write_text("Hires\n\nLayla Haddad joined Veridian Labs, a startup.\n", encoding="utf-8")
    assert rebuild_matches_a_clean_build()


def test_a_rebuild_parses_again_only_the_statements_of_the_merge_that_changed(tmp_path, shared, monkeypatch):
    """The page reads graph.ttl's statements back from the last build's parse while their bytes are the
    same: a rebuild with nothing changed parses none, an edit that moves one article's evidence parses
    a few, and a damaged memo parses them all. The page is a clean build's every time."""
    from kg import export

    folder = _inputs(tmp_path, shared)
    out, clean = tmp_path / "out", tmp_path / "clean"
    parsed = []
    real = export.plain_triples_of
    monkeypatch.setattr(export, "plain_triples_of", lambda data, **k: (lambda ts: parsed.append(len(ts)) or ts)(real(data, **k)))
    kg.build([folder], out, store=False)
    everything = sum(parsed)
    assert everything > 1000 and (out / CACHE_DIR / kg.PARSE_MEMO).is_file()

    def rebuild_parses() -> int:
        parsed.clear()
        (out / "graph.html").unlink()  # (else a build with nothing to do writes nothing: see kg._unchanged)
        kg.build([folder], out, store=False)
        count = sum(parsed)
        kg.build([folder], clean, store=False, use_cache=False)
        assert (out / "graph.html").read_bytes() == (clean / "graph.html").read_bytes()
        return count

    assert rebuild_parses() == 0
    changed = folder / "microsoft-inflection-the-batch.en.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace(". ", ".   ", 1), encoding="utf-8")
    assert 0 < rebuild_parses() < everything / 2
    (out / CACHE_DIR / kg.PARSE_MEMO).write_bytes(b"damaged")
    assert rebuild_parses() == everything


def test_the_parse_memo_gives_the_triples_of_the_statements_in_their_order(tmp_path):
    from kg.export import plain_triples_of, turtle_document

    one = '<https://e.org/a> <https://e.org/p> "x"@en , <https://e.org/b> .'
    two = '<https://e.org/b> <https://e.org/p> "y" .'
    header, parts = turtle_document([]), [one.encode(), two.encode()]
    memo = ParseMemo(tmp_path / "parsed.memo")
    assert memo.triples(header, parts) == plain_triples_of(header + b"\n\n".join(parts), turtle=True)
    memo.save()
    again = ParseMemo(tmp_path / "parsed.memo")
    assert again.triples(header, parts[::-1]) == plain_triples_of(header + b"\n\n".join(parts[::-1]), turtle=True)
    assert again.parsed == 0
    other = ParseMemo(tmp_path / "parsed.memo")  # other prefix lines: the statements are read anew
    assert other.triples(b"@prefix e: <https://e.org/> .\n", parts) and other.parsed == 2


def test_the_parse_memo_keeps_the_rows_of_the_evidence_spans(tmp_path):
    from kg.export import turtle_document
    from kg.iris import EVIDENCE_FRAGMENT
    from kg.vocab import SANAD

    span = f"https://e.org/a{EVIDENCE_FRAGMENT}3,7"
    statement = (f'<{span}> <{SANAD.start}> 3 ; <{SANAD.end}> 7 ; <{SANAD.exact}> "Rao" , "Ra" ; '
                 f'<{SANAD.source}> <https://e.org/a> .').encode()
    header = turtle_document([])
    memo = ParseMemo(tmp_path / "parsed.memo")
    expected = {span: ("https://e.org/a", "3", "7", "", "Ra", "")}  # (the first value of each field; defaults)
    assert memo.rows(header, [statement]) == expected and memo.parsed == 1
    memo.save()
    again = ParseMemo(tmp_path / "parsed.memo")
    assert again.rows(header, [statement]) == expected and again.parsed == 0
    assert again.rows(header, []) == {}


def test_a_rebuild_reads_only_the_article_files_whose_stamp_changed(tmp_path, shared, monkeypatch):
    """A rebuild knows an article file and its metadata unchanged by their stamps (size, times, inode)
    and does not read them; an edit that keeps the size and sets the modification time back still shows
    (the change time moves), and so does metadata added beside an article. The files are a clean
    build's every time."""
    import os

    from kg import cache as cache_module

    monkeypatch.setattr(cache_module, "RACY_NS", 0)  # (files written a moment ago are trusted: see the next test)
    folder = _inputs(tmp_path, shared)
    out, clean = tmp_path / "out", tmp_path / "clean"
    read = []
    real = kg.read_article
    monkeypatch.setattr(kg, "read_article", lambda path: read.append(path.name) or real(path))

    def rebuild_reads() -> list[str]:
        read.clear()
        kg.build([folder], out, view=False, store=False)
        reads = sorted(set(read))  # (a changed one is read where it is extracted and rendered too)
        kg.build([folder], clean, view=False, store=False, use_cache=False)
        assert all((out / name).read_bytes() == (clean / name).read_bytes() for name in ("graph.trig", "graph.ttl"))
        return reads

    kg.build([folder], out, view=False, store=False)
    assert rebuild_reads() == []
    changed = folder / "microsoft-inflection-the-batch.en.txt"
    st = changed.stat()
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace("Microsoft", "Microsofx", 1), encoding="utf-8")  # the same size
    os.utime(changed, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert changed.stat().st_size == st.st_size
    assert rebuild_reads() == [changed.name]
    assert rebuild_reads() == []
    changed.with_name("microsoft-inflection-the-batch.en.meta.json").write_text('{"outlet": "The Batch"}', encoding="utf-8")
    assert rebuild_reads() == [changed.name]


def test_an_article_file_changed_just_before_a_build_read_it_is_read_again_by_the_next(tmp_path, shared, monkeypatch):
    from kg.cache import RACY_NS, article_stamp

    folder = _inputs(tmp_path, shared)
    article = folder / "microsoft-inflection-the-batch.en.txt"
    now = max(max(f.stat().st_ctime_ns, f.stat().st_mtime_ns) for f in folder.iterdir())  # (its metadata's too)
    assert article_stamp(article, now) is None  # (within one tick of the clock, an edit might not show)
    assert article_stamp(article, now + RACY_NS + 1) is not None
    assert article_stamp(folder / "gone.en.txt", now + RACY_NS + 1) is None
    read = []
    real = kg.read_article
    monkeypatch.setattr(kg, "read_article", lambda path: read.append(path.name) or real(path))
    out = tmp_path / "out"
    kg.build([folder], out, view=False, store=False)
    read.clear()
    kg.build([folder], out, view=False, store=False)
    assert len(read) == 3  # (written a moment ago: read again)
