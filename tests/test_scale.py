"""Inputs at the edges of size (issue 7): an article over the size limit, an article with thousands
of quotes, thousands of tiny articles. Each gives a correct result or one clear error naming the
file, exit 2, and never a traceback. (bench/bench_tiny.py times 20,000 tiny articles.)"""
from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

from click.testing import CliRunner
from conftest import ROOT

from kg.cli import main
from kg.defaults import MAX_ARTICLE_BYTES

sys.path.insert(0, str(ROOT / "bench"))
from bench_tiny import write_corpus  # noqa: E402

GOOD = "Microsoft hired Inflection CEO Mustafa Suleyman, Bloomberg reported.\n"
SPEAKERS = [("Jane Doe", "chief executive", "Acme AI"), ("Omar Haddad", "chief technology officer", "Nimbus Labs"),
            ("Priya Raman", "head of research", "Vector Forge"), ("Lucas Meyer", "president", "Quanta Systems")]
TOPICS = ["compute", "chips", "talent", "safety", "pricing", "data centres", "open models", "regulation"]


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def count(folder: Path, sparql: str) -> int:
    result = run("query", "-", "--graph", str(folder), "--format", "csv", input=sparql)
    assert result.exit_code == 0, result.output
    return int(result.stdout.splitlines()[1])


def test_a_50_mb_article_is_one_clear_error_and_is_not_read(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "small.en.txt").write_text(GOOD, encoding="utf-8")
    big = folder / "huge.en.txt"
    line = GOOD.encode("utf-8")
    big.write_bytes(line * (50 * 2**20 // len(line) + 1))  # real text, well-formed UTF-8
    size = big.stat().st_size
    assert size > 50 * 2**20
    tracemalloc.start()
    try:
        result = run("build", str(folder), "--out", str(tmp_path / "out"), "--no-view", "--no-check")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.exit_code == 2
    assert result.stderr == f"Error: {big}: file is {size:,} bytes; the limit is {MAX_ARTICLE_BYTES:,}\n"
    assert "Traceback" not in result.output
    assert peak < 20 * 2**20, f"{peak:,} bytes allocated: the file was read"
    assert not (tmp_path / "out" / "graph.trig").exists()
    # --keep-going leaves it out and builds the rest
    result = run("build", str(folder), "--out", str(tmp_path / "out"), "--no-view", "--no-check", "--keep-going")
    assert result.exit_code == 1 and f"Skipped: {big}: file is {size:,} bytes" in result.stderr
    assert count(tmp_path / "out", "SELECT (COUNT(?a) AS ?n) WHERE { ?a a sanad:Article }") == 1


def quotes_article(n: int) -> str:
    """An English article: four executives introduced with their companies, then N quoted
    sentences, alternately 'NAME said: “...”' and '“...,” NAME said.', five to a paragraph."""
    lines = ["Four AI executives speak at length", ""]
    lines += [f"{name}, the {title} of {org}, spoke to reporters on Monday." for name, title, org in SPEAKERS]
    paragraph: list[str] = []
    for i in range(n):
        name = SPEAKERS[i % len(SPEAKERS)][0]
        words = f"We expect {TOPICS[i % len(TOPICS)]} demand to grow by {i + 3} percent next year"
        paragraph.append(f"“{words},” {name} said." if i % 2 else f"{name} said: “{words}.”")
        if len(paragraph) == 5 or i == n - 1:
            lines.append(" ".join(paragraph))
            paragraph = []
    return "\n\n".join(lines) + "\n"


def test_an_article_with_5000_quotes_builds_with_every_quote(tmp_path):
    """Validation is skipped here (it is most of the time: see the issue report); bench figures:
    5,000 quotes build in about 2.5 min with validation on a loaded 2-core machine."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "speeches.en.txt").write_text(quotes_article(5000), encoding="utf-8")
    t0 = time.perf_counter()
    result = run("build", str(folder), "--out", str(tmp_path / "out"), "--no-view", "--no-check")
    seconds = time.perf_counter() - t0
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    assert count(out, "SELECT (COUNT(DISTINCT ?q) AS ?n) WHERE { ?q a sanad:Quote }") == 5000
    by_speaker = ("SELECT (COUNT(DISTINCT ?q) AS ?n) WHERE { ?q a sanad:Quote ; sanad:speaker ?p . "
                  "?p rdfs:label ?l FILTER(STR(?l) = 'Priya Raman') }")
    assert count(out, by_speaker) == 1250
    assert seconds < 300, f"{seconds:.0f} s"


def test_2000_tiny_articles(tmp_path):
    src = write_corpus(tmp_path / "in", 2000)
    result = run("build", str(src), "--out", str(tmp_path / "out"), "--no-view", "--no-check")
    assert result.exit_code == 0, result.output
    assert "Read 2000 articles" in result.stderr
    out = tmp_path / "out"
    assert count(out, "SELECT (COUNT(?a) AS ?n) WHERE { ?a a sanad:Article }") == 2000
    # names recur across articles, as in real news: one IRI per person, mentioned by many articles
    people = count(out, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a sanad:Person }")
    assert people == 400
    assert count(out, "SELECT (COUNT(*) AS ?n) WHERE { ?p sanad:worksFor ?o }") >= 400
