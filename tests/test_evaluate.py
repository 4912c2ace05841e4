"""`kg evaluate` counts exactly as the reference scorer, and reaches the targets on the public articles."""
from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from conftest import ROOT

import kg
from kg.cli import main
from kg.evaluate import read_gold, score

PUBLIC = [("databricks-talent-wars.ar.txt", "databricks-talent-wars.gold.json"),
          ("databricks-lebron-james-bi-ru24.en.txt", "databricks-lebron-james-bi-ru24.gold.json"),
          ("microsoft-inflection-the-batch.en.txt", "microsoft-inflection-the-batch.gold.json")]


def _article(shared, name):
    return ROOT / "seeds" / name if (ROOT / "seeds" / name).exists() else shared / "eval" / name


@pytest.mark.parametrize("article,gold", PUBLIC)
def test_same_counts_as_reference_scorer_and_target_met(article, gold, shared, scorer):
    path = _article(shared, article)
    graph = kg.article_graph(path)
    text = path.read_text(encoding="utf-8-sig")
    gold_data = read_gold(shared / "eval" / gold)
    ours = score(graph, gold_data, text, article).as_dict()
    ref = scorer.score(graph, gold_data, text)
    for cat in ref["categories"]:
        assert {k: ours["categories"][cat][k] for k in ("tp", "fp", "fn")} == \
            {k: ref["categories"][cat][k] for k in ("tp", "fp", "fn")}, cat
    assert ours["micro"]["f1"] == pytest.approx(ref["micro"]["f1"])
    print(article, json.dumps(ours["micro"]))
    assert ours["micro"]["f1"] >= 0.95
    assert ours["violations"] == [] and ours["evidence"]["invalid"] == []


def test_evaluate_cli_single_and_folder(tmp_path, shared):
    for article, gold in PUBLIC:
        shutil.copy(_article(shared, article), tmp_path / article)
        shutil.copy(shared / "eval" / gold, tmp_path / gold)
    runner = CliRunner()
    one = runner.invoke(main, ["evaluate", str(tmp_path / PUBLIC[0][0]), "--gold", str(tmp_path / PUBLIC[0][1])])
    assert one.exit_code == 0 and "micro-F1" in one.stdout and "entities" in one.stdout
    folder = runner.invoke(main, ["evaluate", str(tmp_path), "--json"])
    assert folder.exit_code == 0
    assert len(json.loads(folder.stdout)) == 3
    pooled = runner.invoke(main, ["evaluate", str(tmp_path), "-q"])
    assert "pooled over 3 articles" in pooled.stdout
    (tmp_path / PUBLIC[1][0]).unlink()
    missing = runner.invoke(main, ["evaluate", str(tmp_path)])
    assert missing.exit_code == 2 and "is not in" in missing.stderr
    nogold = runner.invoke(main, ["evaluate", str(tmp_path / PUBLIC[0][0])])
    assert nogold.exit_code == 2 and "--gold" in nogold.stderr
