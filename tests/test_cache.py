"""Rebuilding after one article changes re-extracts only that article and gives the bytes of a clean build."""
from __future__ import annotations

from conftest import ROOT, copy_article

import kg
from kg.defaults import CACHE_DIR


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
