"""Bounded fuzzing (issue 7) of the readers and of the query front ends with Hypothesis: whatever
comes in, the answer is a result or a KGError (InputError for files, QueryError for queries), and
at the endpoint a Reply or an EndpointError below 500; never another exception. A few hundred
examples in all, no deadline, well under a minute. Findings are kept below as regression tests."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg import query as q
from kg import store as kg_store
from kg.cli import main
from kg.errors import InputError, KGError, QueryError
from kg.query import keywords
from kg.read import read_article
from kg.server import EndpointError, Worker, negotiate


def fuzz(examples: int) -> settings:
    """EXAMPLES per test; SANAD_FUZZ_SCALE=N runs N times as many (a longer hunt, outside CI)."""
    return settings(max_examples=examples * int(os.environ.get("SANAD_FUZZ_SCALE", "1")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

GOOD = "Microsoft hired Inflection CEO Mustafa Suleyman, Bloomberg reported.\n"
TINY = """<https://w3id.org/sanad/id/article/a> {
  <https://w3id.org/sanad/id/person/mustafa-suleyman> a <https://w3id.org/sanad/ontology#Person> ;
      <http://www.w3.org/2000/01/rdf-schema#label> "Mustafa Suleyman"@en ;
      <https://w3id.org/sanad/ontology#worksFor> <https://w3id.org/sanad/id/org/microsoft> .
  <https://w3id.org/sanad/id/org/microsoft> a <https://w3id.org/sanad/ontology#Organization> ;
      <http://www.w3.org/2000/01/rdf-schema#label> "Microsoft"@en , "مايكروسوفت"@ar .
}
"""


# --- readers: random bytes as an article, random JSON (and bytes) as its metadata

def write(folder: Path, text: bytes, meta: bytes | None = None) -> Path:
    path = folder / "fuzz.en.txt"
    path.write_bytes(text)
    sidecar = folder / "fuzz.en.meta.json"
    sidecar.unlink(missing_ok=True)
    if meta is not None:
        sidecar.write_bytes(meta)
    return path


def read_or_input_error(path: Path) -> None:
    try:
        article = read_article(path)
    except InputError as exc:
        assert str(exc).startswith(str(path.with_suffix(""))), str(exc)  # names the article or its .meta.json
        return
    article.text.encode("utf-8")  # text that round-trips
    for value in (article.title, article.url, article.outlet, article.published):
        assert value is None or isinstance(value, str)
    assert article.language in ("ar", "en")


article_bytes = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.lists(st.sampled_from([b"Google", b" hired ", "\u0646\u0627\u0641\u064a\u0646".encode(), b"\xef\xbb\xbf",
                              b"\xff\xfe", b"\x00", b"\x01", b"\n", b"\xe2\x80", b"\xed\xa0\x80", b"\xef\xbf\xbf"]),
             max_size=20).map(b"".join),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
meta_objects = st.dictionaries(
    st.sampled_from(["title", "url", "outlet", "published", "language", "other"]) | st.text(max_size=8),
    json_values | st.sampled_from(["ar", "en", "fr", "", "  ", "\x00", "\ud800", "2025-01-01"]),
    max_size=6,
)


@fuzz(150)
@given(text=article_bytes)
def test_fuzz_article_bytes(tmp_path, text):
    read_or_input_error(write(tmp_path, text))


@fuzz(150)
@given(meta=meta_objects | json_values)
def test_fuzz_metadata_json(tmp_path, meta):
    read_or_input_error(write(tmp_path, GOOD.encode(), json.dumps(meta).encode()))


@fuzz(60)
@given(meta=st.binary(max_size=200) | st.text(max_size=100).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_fuzz_metadata_bytes(tmp_path, meta):
    read_or_input_error(write(tmp_path, GOOD.encode(), meta))


# --- the query front end: kg.query / kg.store over a tiny store, the CLI, the endpoint's worker

LIBRARY = [item.text for item in q.library()]
PIECES = ["SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "WHERE", "{", "}", "?s", "?p", "?o", "*", ".", ";", ",", "(", ")",
          "sanad:Person", "rdfs:label", "a", "FILTER", "OPTIONAL", "UNION", "GRAPH", "VALUES", "LIMIT 5", "ORDER BY",
          "COUNT(", "GROUP BY", "\"x\"", "'y'@en", "<urn:x>", "<https://w3id.org/sanad/id/org/microsoft>", "BIND(",
          "AS", "PREFIX", "undeclared:x", "SERVICE", "INSERT DATA", "LOAD", "#", "\n", "\"\"\"", "\\", "\x00", "\ud800",
          "REGEX(?o, \"(a+)+$\")", "STRLEN(", "1e999", "-", "^^xsd:integer", "?", "$"]


@st.composite
def mutated(draw) -> str:
    """A library query with a few random edits: cut, insert a piece, swap two lines."""
    text = draw(st.sampled_from(LIBRARY))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["cut", "insert", "swap", "truncate"]))
        i = draw(st.integers(0, len(text)))
        if op == "cut":
            text = text[:i] + text[i + draw(st.integers(1, 20)):]
        elif op == "insert":
            text = text[:i] + " " + draw(st.sampled_from(PIECES)) + " " + text[i:]
        elif op == "swap" and text.strip():
            lines = text.splitlines()
            a, b = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[a], lines[b] = lines[b], lines[a]
            text = "\n".join(lines)
        else:
            text = text[:i]
    return text


sparql = st.one_of(mutated(), st.lists(st.sampled_from(PIECES), max_size=25).map(" ".join), st.text(max_size=80))
BAD_IRIS = ["<bad iri>", "http://example.org/a b"]  # test_a_parameter_that_is_a_bad_iri_is_a_query_error


def iri_like(value: str) -> bool:
    return bool(re.match(r"^<.*>$|^[a-z][a-z0-9+.-]*://", value, re.S))


params = st.dictionaries(st.sampled_from(["entity", "outlet", "threshold", "x"]) | st.text(max_size=5),
                         (st.sampled_from(["Microsoft", "مايكروسوفت", "org:microsoft", "<urn:x>", "0.5",
                                           "https://w3id.org/sanad/id/org/microsoft", "undeclared:x", ""])
                          | st.text(max_size=20).filter(lambda v: not iri_like(v))),
                         max_size=2)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    """A build folder with a three-entity graph (so no fuzzed join can run long) and its store."""
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "graph.trig").write_text(TINY, encoding="utf-8")
    kg_store.create(folder / "graph.trig")
    return folder


@fuzz(200)
@given(text=sparql, values=params, fmt=st.sampled_from(["table", "csv", "tsv", "json", "xml"]))
def test_fuzz_query_front_end(tiny, text, values, fmt):
    graph = kg_store.open(tiny)
    try:
        q.run(graph.store, text, fmt, values or None, "fuzz")
    except (QueryError, InputError):
        pass
    if text.strip() == "-":
        return  # kg.open(...).query("-") reads the query from stdin, as `kg query -` does
    try:
        graph.query(text, **values)
    except KGError:
        pass


@fuzz(40)
@given(text=sparql)
def test_fuzz_kg_query_command(tiny, text):
    data = text.encode("utf-8", "replace")  # invalid UTF-8 on stdin: test_invalid_utf8_on_stdin_is_a_query_error
    result = CliRunner().invoke(main, ["query", "-", "--graph", str(tiny)], input=data, catch_exceptions=True)
    assert result.exit_code in (0, 2), (result.output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    if result.exit_code == 2:
        assert result.stderr.startswith("Error: ")


@pytest.fixture(scope="module")
def worker(tiny) -> Worker:
    return Worker(tiny / "store", writable=False, max_results=50)


@fuzz(200)
@given(text=sparql, accept=st.none() | st.sampled_from(["*/*", "text/csv", "application/sparql-results+json;q=0.1",
                                                        "text/turtle", "image/png", "", ";q=", "a/b;q=x,,"])
       | st.text(max_size=30),
       wanted=st.lists(st.sampled_from(["json", "xml", "csv", "tsv", "html", "turtle", "jsonld", "nope"]), max_size=2),
       graphs=st.lists(st.sampled_from(["https://w3id.org/sanad/id/article/a", "urn:x", "not an iri", ""]), max_size=2))
def test_fuzz_endpoint_query(worker, text, accept, wanted, graphs):
    keywords(text)
    try:
        reply = worker.op_query(text, accept, wanted, default_graphs=graphs)
    except EndpointError as exc:
        assert 400 <= exc.status < 500, exc.message
        return
    assert reply.status == 200


@fuzz(60)
@given(name=st.sampled_from([item.name for item in q.library()]) | st.text(max_size=12), values=params,
       accept=st.none() | st.text(max_size=20))
def test_fuzz_endpoint_library(worker, name, values, accept):
    try:
        worker.op_library(name, dict(values), accept, [])
    except EndpointError as exc:
        assert 400 <= exc.status < 500, exc.message


@fuzz(100)
@given(kind=st.sampled_from(["results", "boolean", "graph"]), accept=st.none() | st.text(max_size=40),
       wanted=st.lists(st.text(max_size=10), max_size=2))
def test_fuzz_negotiation(kind, accept, wanted):
    try:
        negotiate(kind, accept, wanted)
    except EndpointError as exc:
        assert exc.status == 406


# --- findings, kept as regression tests

@pytest.mark.parametrize("value", BAD_IRIS)
def test_a_parameter_that_is_a_bad_iri_is_a_query_error(tiny, value):
    with pytest.raises(QueryError, match="IRI"):
        kg_store.open(tiny).store.query("SELECT * WHERE { ?entity ?p ?o }", {"entity": value})


@pytest.mark.parametrize("value", BAD_IRIS)
def test_the_endpoint_answers_400_to_a_parameter_that_is_a_bad_iri(worker, value):
    with pytest.raises(EndpointError) as caught:
        worker.op_library("entity-facts", {"entity": value}, None, [])
    assert caught.value.status == 400 and "IRI" in caught.value.message


def test_invalid_utf8_on_stdin_is_a_query_error(tiny):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}  # as under en_US.UTF-8
    proc = subprocess.run([sys.executable, "-m", "kg", "query", "-", "--graph", str(tiny)], input=b'ASK { ?s ?p "\xff" }',
                          env=env, capture_output=True, timeout=120)
    assert proc.returncode == 2 and proc.stderr.startswith(b"Error: <stdin>"), proc.stderr
    assert b"Traceback" not in proc.stderr


@pytest.mark.parametrize("meta,message", [
    ("[" * 100_000 + "]" * 100_000, "unreadable JSON: nested too deeply"),  # was a RecursionError traceback
    ('{"title": ' + "1" * 5000 + "}", "unreadable JSON: Exceeds the limit (4300 digits)"),  # was a ValueError traceback
    ('{"title": "x\\ud800y"}', "field 'title': character U+D800 is not text"),  # was an error naming no file
    ('{"outlet": "a\\u0000b"}', "field 'outlet': character U+0000 is not text"),  # was a HermiT stack trace as the error
])
def test_bad_metadata_found_by_fuzzing_is_one_clear_error(tmp_path, meta, message):
    (tmp_path / "a.en.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "a.en.meta.json").write_text(meta, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "a.en.txt"), "--out", str(tmp_path / "out"), "--no-view"])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"Error: {tmp_path / 'a.en.meta.json'}: {message}")
    assert "Traceback" not in result.output


@pytest.mark.parametrize("text,where", [
    ("Microsoft hired Inflection CEO Mustafa\x01 Suleyman.\n", "line 1, column 39: character U+0001"),
    ("Headline\nSam Altman said: “We are \x07 building compute now.”\n", "line 2, column 26: character U+0007"),
    ("Microsoft hired Mustafa Suleyman\uffff, Bloomberg reported.\n", "line 1, column 33: character U+FFFF"),
])
def test_control_characters_in_an_article_are_one_clear_error(tmp_path, text, where):
    """They used to pass the reader and fail validation with HermiT's Java stack trace ('Literal ...
    is malformed'), naming no file."""
    path = tmp_path / "a.en.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(path), "--out", str(tmp_path / "out"), "--no-view"])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"Error: {path}: {where} is not text")
    assert "Traceback" not in result.output and "Exception in thread" not in result.output


def test_tabs_returns_and_other_unusual_text_are_still_read(tmp_path):
    path = tmp_path / "a.en.txt"
    path.write_text("Microsoft\thired Mustafa Suleyman,\r\nBloomberg reported \u0085 \u200f \ufdd0 \U0001F600.\n",
                    encoding="utf-8")
    assert read_article(path).text.startswith("Microsoft\thired")
