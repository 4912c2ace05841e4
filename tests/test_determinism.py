"""The same inputs give byte-identical graph.ttl and graph.trig, whatever their order or folder."""
from __future__ import annotations

import random
import shutil

from conftest import ROOT, copy_article

import kg


def test_same_bytes_in_any_input_order(tmp_path, shared):
    sources = [ROOT / "seeds" / "databricks-talent-wars.ar.txt"] + sorted((shared / "eval").glob("*.en.txt"))
    outputs = []
    for run, seed in enumerate((None, 1234, 99)):
        order = list(sources)
        if seed is not None:
            random.Random(seed).shuffle(order)
        folder = tmp_path / f"in{run}"
        paths = [copy_article(src, folder / f"sub{i}") for i, src in enumerate(order)]
        out = tmp_path / f"out{run}"
        kg.build(paths[::-1] if run == 2 else paths, out, view=(run == 0))
        outputs.append(((out / "graph.ttl").read_bytes(), (out / "graph.trig").read_bytes()))
    assert outputs[0] == outputs[1] == outputs[2]


def test_rebuild_gives_the_same_bytes_including_the_page(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for out in (a, b):
        kg.build([ROOT / "seeds"], out)
    for name in ("graph.ttl", "graph.trig", "graph.html"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    shutil.rmtree(a)
