"""The synthetic corpus generator (bench/gen_corpus.py): deterministic, evidence that holds, gold files
that the reference scorer reads, and both languages."""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "tools" / "score.py"


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


gen = _load("gen_corpus", ROOT / "bench" / "gen_corpus.py")
check_corpus = _load("check_corpus", ROOT / "tests" / "corpus" / "check_corpus.py")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("gen")
    gen.generate(out, 20, seed=7)
    return out


def _golds(folder: Path):
    for path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        yield gold, (folder / gold["article"]).read_text(encoding="utf-8")


def test_same_seed_same_bytes(corpus, tmp_path):
    gen.generate(tmp_path, 20, seed=7)
    files = sorted(p.name for p in corpus.iterdir())
    assert files == sorted(p.name for p in tmp_path.iterdir())
    assert all((corpus / f).read_bytes() == (tmp_path / f).read_bytes() for f in files)


def test_another_seed_other_articles(corpus, tmp_path):
    gen.generate(tmp_path, 20, seed=8)
    assert sorted(p.name for p in corpus.iterdir()) != sorted(p.name for p in tmp_path.iterdir())


def test_every_evidence_and_quote_is_in_its_article(corpus):
    n = 0
    for gold, text in _golds(corpus):
        for section in ("relations", "negative_relations", "amounts", "hardware", "facts_optional"):
            for fact in gold[section]:
                if "evidence" in fact:
                    assert fact["evidence"] in text, (gold["article"], fact)
                    n += 1
        for quote in gold["quotes"]:
            assert quote["text"] in text, (gold["article"], quote)
    assert n > 100


def test_the_corpus_checker_finds_no_problem(corpus, capsys):
    assert check_corpus.main([str(corpus)]) == 0, capsys.readouterr().out


def test_both_languages_and_every_kind_of_fact(corpus):
    langs = {gold["language"] for gold, _ in _golds(corpus)}
    assert langs == {"ar", "en"}
    big = gen.generate(corpus.parent / "big", 120, seed=7)
    golds = list(_golds(corpus.parent / "big"))
    assert len(big) == 360
    assert {d["deal_type"] for g, _ in golds for d in g["entities"] if d["type"] == "Deal"} == {
        "Investment", "Acquisition", "AcquiHire", "LicensingDeal"}
    for section in ("quotes", "amounts", "hardware", "negative_relations"):
        assert any(g[section] for g, _ in golds), section
    assert {r["p"] for g, _ in golds for r in g["relations"]} >= {
        "worksFor", "formerlyWorkedFor", "founded", "partOf", "manufacturer", "hired", "holdsPosition"}


def test_articles_look_like_news(corpus):
    for gold, text in _golds(corpus):
        headline, blank, body = text.split("\n", 2)
        assert headline and blank == "" and 900 <= len(text) <= 3600
        meta = json.loads((corpus / gold["article"].replace(".txt", ".meta.json")).read_text(encoding="utf-8"))
        assert meta["title"] == headline and meta["language"] == gold["language"]


@pytest.mark.skipif(not SCORER.exists(), reason="needs ../shared/tools/score.py")
def test_gold_files_load_in_the_reference_scorer(corpus):
    from rdflib import Graph

    score = _load("score", SCORER)
    for gold, text in _golds(corpus):
        result = score.score(Graph(), gold, text)  # an empty graph: everything is a miss, nothing fails
        assert result["micro"]["fn"] > 0 and result["micro"]["fp"] == 0
