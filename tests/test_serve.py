"""`kg serve` over the seed build, through real HTTP with real clients (SPARQLWrapper and curl):
every answer format, the errors and limits, the graph store, the pages, and the same rows as the
CLI and the Python API."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote, urlencode

import pyoxigraph as ox
import pytest
from conftest import ROOT
from rdflib import Dataset, Graph, Literal, URIRef
from SPARQLWrapper import CSV, JSON, JSONLD, POST, POSTDIRECTLY, RDFXML, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

import kg
from kg.query import keywords, library, short
from kg.server import negotiate

ARTICLE = "https://w3id.org/sanad/id/article/databricks-talent-wars.ar"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"  # 10^12 rows on the seed
SELECTS = ["people-and-positions", "deals", "quotes-by-speaker", "people-by-outlet"]
START_SECONDS = 120  # generous: the machine may be busy


class Server:
    def __init__(self, location: Path, log: Path, *args: str, env: dict | None = None) -> None:
        self.log = log
        self.proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--graph", str(location), "--port", "0", *args],
                                     stdout=subprocess.DEVNULL, stderr=log.open("wb"), cwd=ROOT,
                                     env={**os.environ, **(env or {})})
        deadline = time.monotonic() + START_SECONDS
        while not (m := re.search(r"http://127\.0\.0\.1:(\d+)/sparql", log.read_text(errors="replace"))):
            assert self.proc.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "kg serve did not start"
            time.sleep(0.05)
        self.url = f"http://127.0.0.1:{m.group(1)}"
        self.sparql = self.url + "/sparql"

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def children(self) -> set[int]:
        found = set()
        for task in Path(f"/proc/{self.proc.pid}/task").iterdir():
            try:
                found |= {int(p) for p in (task / "children").read_text().split()}
            except FileNotFoundError:  # (a thread that ended after the listing: it has no children now)
                continue
        return found


@pytest.fixture(scope="module")
def server(seed_build, tmp_path_factory):
    assert (seed_build / "store").is_dir(), "kg build writes the store"
    s = Server(seed_build, tmp_path_factory.mktemp("serve") / "serve.log", "--timeout", "5")
    yield s
    s.stop()
    assert s.proc.returncode == 0, s.log.read_text()


def curl(*args: str) -> tuple[int, dict[str, str], bytes]:
    """curl -i: (status, headers, body)."""
    out = subprocess.run(["curl", "-s", "-i", "--max-time", "60", *args], capture_output=True, timeout=90, check=True).stdout
    while out.startswith(b"HTTP/1.1 100"):
        out = out.partition(b"\r\n\r\n")[2]
    head, _, body = out.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:])}
    return int(lines[0].split()[1]), headers, body


def wrapper(server, query: str, fmt: str, method: str = "GET") -> SPARQLWrapper:
    sw = SPARQLWrapper(server.sparql)
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    if method == "POST":
        sw.setMethod(POST)
    elif method == "POSTDIRECTLY":
        sw.setMethod(POST)
        sw.setRequestMethod(POSTDIRECTLY)
    return sw


def text_of(name: str) -> str:
    return next(q for q in library() if q.name == name).text


# --- every format, with SPARQLWrapper

@pytest.mark.parametrize("method", ["GET", "POST", "POSTDIRECTLY"])
def test_select_formats_with_sparqlwrapper(server, method):
    query = text_of("people-and-positions")
    data = wrapper(server, query, JSON, method).query().convert()
    assert data["head"]["vars"][:2] == ["person", "name"] and len(data["results"]["bindings"]) == 3
    doc = wrapper(server, query, XML, method).query().convert()
    assert len(doc.getElementsByTagName("result")) == 3
    rows = list(csv.reader(io.StringIO(wrapper(server, query, CSV, method).query().convert().decode("utf-8"))))
    assert rows[0][0] == "person" and len(rows) == 4
    tsv = wrapper(server, query, TSV, method).query().convert().decode("utf-8").splitlines()
    assert tsv[0].startswith("?person\t") and len(tsv) == 4


def test_ask_and_graph_formats_with_sparqlwrapper(server):
    assert wrapper(server, "ASK { ?p a sanad:Person }", JSON).query().convert()["boolean"] is True
    doc = wrapper(server, "ASK { ?p a sanad:Acquisition }", XML).query().convert()
    assert doc.getElementsByTagName("boolean")[0].firstChild.data == "false"
    construct = "CONSTRUCT { ?p a sanad:Person ; rdfs:label ?l } WHERE { ?p a sanad:Person ; rdfs:label ?l }"
    turtle = wrapper(server, construct, TURTLE).query().convert()
    g = Graph().parse(data=turtle, format="turtle")
    assert (URIRef("https://w3id.org/sanad/id/person/naveen-rao"), None, Literal("نافين راو", lang="ar")) in g
    for fmt in (JSONLD, RDFXML):
        g2 = wrapper(server, construct, fmt, "POST").query().convert()
        assert isinstance(g2, Graph) and len(g2) == len(g), fmt
    described = wrapper(server, "DESCRIBE org:databricks", TURTLE).query().convert()
    assert b"Databricks" in described


# --- every format, with curl

@pytest.mark.parametrize("accept,media", [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"), ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/html", "text/html"), ("*/*", "application/sparql-results+json"), ("", "application/sparql-results+json"),
    ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
])
def test_select_formats_with_curl(server, accept, media):
    status, headers, body = curl("-H", f"Accept: {accept}", "--data-urlencode", f"query={text_of('deals')}", server.sparql)
    assert status == 200 and headers["content-type"].split(";")[0] == media
    if media.endswith("json"):
        assert len(json.loads(body)["results"]["bindings"]) == 3
    elif media.endswith("xml") or media.endswith("values"):
        fmt = ox.QueryResultsFormat.XML if media.endswith("xml") else ox.QueryResultsFormat.TSV
        assert len(list(ox.parse_query_results(body, format=fmt))) == 3
    elif media == "text/csv":
        assert len(list(csv.reader(io.StringIO(body.decode("utf-8"))))) == 4
    else:
        assert body.count(b"<tr>") == 4 and b"deal:character-ai--google" in body


@pytest.mark.parametrize("accept,media,fmt", [
    ("text/turtle", "text/turtle", ox.RdfFormat.TURTLE),
    ("application/n-triples", "application/n-triples", ox.RdfFormat.N_TRIPLES),
    ("application/ld+json", "application/ld+json", ox.RdfFormat.JSON_LD),
    ("application/rdf+xml", "application/rdf+xml", ox.RdfFormat.RDF_XML),
    ("*/*", "text/turtle", ox.RdfFormat.TURTLE),
])
def test_graph_formats_with_curl(server, accept, media, fmt):
    query = "CONSTRUCT { ?q sanad:speaker ?s ; sanad:text ?t } WHERE { ?q sanad:speaker ?s ; sanad:text ?t }"
    status, headers, body = curl("-G", "-H", f"Accept: {accept}", "--data-urlencode", f"query={query}", server.sparql)
    assert status == 200 and headers["content-type"].split(";")[0] == media
    triples = list(ox.parse(body, format=fmt))
    assert len(triples) == 14  # 7 quotes, a speaker and a text each


def test_ask_with_curl_and_format_parameter(server):
    status, _, body = curl("-G", "--data-urlencode", "query=ASK { ?d a sanad:Deal }", "--data-urlencode", "format=csv",
                           server.sparql)
    assert status == 200 and body.strip() == b"true"
    status, _, body = curl("-H", "Accept: image/png", "--data-urlencode", "query=ASK {}", server.sparql)
    assert status == 406 and b"application/sparql-results+json" in body


# --- errors and limits

def test_malformed_query_is_400_with_the_parsers_message(server):
    status, _, body = curl("-H", "Content-Type: application/sparql-query", "--data-binary", "SELECT ?x WHERE { ?x ",
                           server.sparql)
    assert status == 400 and b"SPARQL syntax error: error at 1:22: expected one of" in body
    with pytest.raises(QueryBadFormed, match="syntax error"):
        wrapper(server, "SELECT ?x WHERE { ?x sanad:worksFor }", JSON).query()


def test_a_query_past_its_time_limit_is_stopped_and_the_server_answers_on(server):
    before = server.children()
    status, _, body = curl("--data-urlencode", f"query={SLOW}", server.sparql)
    assert status == 503 and b"time limit of 5 s" in body
    assert before - server.children(), "the worker running the query was killed"
    status, _, body = curl("-H", "Accept: text/csv", "--data-urlencode", "query=SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
                           server.sparql)
    assert status == 200 and body.startswith(b"n\r\n")
    with pytest.raises(urllib.error.HTTPError) as err:  # SPARQLWrapper too, and the server still answers
        wrapper(server, SLOW, JSON).query()
    assert err.value.code == 503
    assert wrapper(server, "ASK { ?p a sanad:Person }", JSON).query().convert()["boolean"] is True


def test_result_size_limit(seed_build, tmp_path):
    s = Server(seed_build, tmp_path / "serve.log", "--max-results", "5", "--workers", "1")
    try:
        status, _, body = curl("--data-urlencode", "query=SELECT * { ?s ?p ?o }", s.sparql)
        assert status == 400 and b"more than 5 rows" in body
        status, _, body = curl("--data-urlencode", "query=SELECT * { ?s ?p ?o } LIMIT 5", s.sparql)
        assert status == 200
    finally:
        s.stop()


def test_updates_are_refused_on_a_read_only_server(server):
    status, _, body = curl("--data-urlencode", "update=INSERT DATA { <urn:a> <urn:b> <urn:c> }", server.sparql)
    assert status == 403 and b"read-only" in body
    sw = wrapper(server, "INSERT DATA { <urn:a> <urn:b> <urn:c> }", JSON, "POST")
    with pytest.raises(urllib.error.HTTPError) as err:
        sw.query()
    assert err.value.code == 403
    status, _, _ = curl("-X", "PUT", "-H", "Content-Type: text/turtle", "--data-binary", "<urn:a> <urn:b> <urn:c> .",
                        server.url + "/store?graph=urn:g")
    assert status == 403
    status, _, body = curl("-G", "-H", "Accept: text/csv", "--data-urlencode", "query=ASK { <urn:a> ?p ?o }", server.sparql)
    assert body.strip() == b"false"


def test_service_is_refused(server):
    federated = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    status, _, body = curl("--data-urlencode", f"query={federated}", server.sparql)
    assert status == 400 and b"--allow-service" in body
    with pytest.raises(QueryBadFormed, match="SERVICE"):
        wrapper(server, federated, JSON).query()
    # the word in a string, an IRI or a comment is not a SERVICE clause
    status, _, _ = curl("--data-urlencode", 'query=SELECT ("SERVICE" AS ?x) { } # SERVICE', server.sparql)
    assert status == 200


def test_body_size_path_and_method_limits(server, tmp_path):
    big = tmp_path / "big.rq"
    big.write_bytes(b"#" * (1024 * 1024 + 1))
    status, _, body = curl("-H", "Content-Type: application/sparql-query", "--data-binary", f"@{big}", server.sparql)
    assert status == 413 and b"at most 1,048,576" in body
    assert curl(server.url + "/nothing-here")[0] == 404
    assert curl("-X", "DELETE", server.url + "/queries")[0] == 405
    assert curl("-H", "Content-Type: text/plain", "--data-binary", "ASK {}", server.sparql)[0] == 415
    assert curl(server.sparql)[0] == 400  # no query
    assert curl("-H", "Host: attacker.example", server.url + "/queries")[0] == 403  # DNS rebinding


# --- the graph store, the pages

def _comparable(g) -> set:
    """Triples with numbers compared by value: Oxigraph stores xsd:nonNegativeInteger as xsd:integer
    (it normalises literals on load, oxigraph/oxigraph#526)."""
    def norm(term):
        value = term.toPython() if isinstance(term, Literal) and term.datatype is not None else None
        if isinstance(value, int | Decimal) and not isinstance(value, bool):
            return ("number", Decimal(value))
        return term
    return {(s, p, norm(o)) for s, p, o in g}


def test_queries_read_the_memory_copy_and_graph_queries_the_store(server, seed_build):
    """The seed fits in memory, so `--memory auto` copies the default graph into each worker; a query
    that names a graph still reads the store on disk, where the named graphs are."""
    assert "each with the default graph in memory" in server.log.read_text()
    sw = wrapper(server, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", JSON)
    (row,) = sw.query().convert()["results"]["bindings"]
    assert row["g"]["value"] == ARTICLE and int(row["n"]["value"]) > 1000
    sw = wrapper(server, f"SELECT (COUNT(*) AS ?n) FROM <{ARTICLE}> WHERE {{ ?s a sanad:Person }}", JSON)
    assert sw.query().convert()["results"]["bindings"][0]["n"]["value"] == "8"


def test_memory_off_reads_the_store_on_disk(seed_build, tmp_path):
    s = Server(seed_build, tmp_path / "serve.log", "--memory", "off")
    try:
        assert "in memory" not in s.log.read_text()
        status, _, served = curl("-H", "Accept: text/csv", "--data-urlencode", f"query={text_of('deals')}", s.sparql)
        assert status == 200 and served == _cli(tmp_path, seed_build, "deals", "--format", "csv")
    finally:
        s.stop()


def test_graph_store_get_of_one_article(server, seed_build):
    status, headers, body = curl("-G", "-H", "Accept: application/n-triples", "--data-urlencode", f"graph={ARTICLE}",
                                 server.url + "/store")
    assert status == 200 and headers["content-type"].startswith("application/n-triples")
    served = Graph().parse(data=body.decode("utf-8"), format="nt")
    ds = Dataset()
    ds.parse(seed_build / "graph.trig", format="trig")
    built = ds.graph(URIRef(ARTICLE))
    assert len(served) == len(built) > 1000
    assert _comparable(served) == _comparable(built)
    status, _, body = curl("-G", "--data-urlencode", f"graph={ARTICLE}", server.url + "/store")  # Turtle by default
    assert status == 200 and len(Graph().parse(data=body.decode("utf-8"), format="turtle")) == len(built)
    assert curl("-G", "--data-urlencode", "graph=urn:no-such-graph", server.url + "/store")[0] == 404
    status, _, body = curl("-H", "Accept: application/n-triples", server.url + "/store?default")
    assert status == 200 and len(Graph().parse(data=body.decode("utf-8"), format="nt")) == len(built)
    assert curl(server.url + "/store")[0] == 400


def test_explorer_and_query_pages(server, seed_build):
    status, headers, body = curl(server.url + "/")
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert body == (seed_build / "graph.html").read_bytes()
    status, headers, body = curl(server.url + "/queries")
    assert status == 200 and "script-src" not in headers.get("content-security-policy", "") and b"<script" not in body
    page = body.decode("utf-8")
    for item in library():
        assert f'href="/queries/{item.name}"' in page and item.description.replace("&", "&amp;")[:40] in page
    assert '<input name="entity"' in page
    status, _, body = curl("-H", "Accept: text/csv", server.url + "/queries/hires")
    assert status == 200 and b"noam-shazeer" in body
    assert curl(server.url + "/queries/no-such-query")[0] == 404
    assert curl(server.url + "/queries/hires?bogus=1")[0] == 400


def test_html_answers_escape_what_they_show(server):
    query = 'SELECT ("<script>alert(1)</script>" AS ?x) ("a&b" AS ?y) { }'
    status, headers, body = curl("-H", "Accept: text/html", "--data-urlencode", f"query={query}", server.sparql)
    assert status == 200 and b"&lt;script&gt;alert(1)&lt;/script&gt;" in body and b"<script>" not in body
    assert b"a&amp;b" in body and "default-src 'none'" in headers["content-security-policy"]


def test_one_log_line_per_request(server):
    before = server.log.read_text().count(" GET /queries 200 ")
    curl(server.url + "/queries?marker")
    deadline = time.monotonic() + 30  # the line is written just after the answer
    while server.log.read_text().count(" GET /queries 200 ") == before and time.monotonic() < deadline:
        time.sleep(0.05)
    lines = [ln for ln in server.log.read_text().splitlines() if " GET /queries 200 " in ln]
    assert len(lines) == before + 1 and all(len(ln) < 400 for ln in server.log.read_text().splitlines()
                                            if re.match(r"\d{4}-\d\d-\d\d ", ln))


# --- the same rows through the CLI, the Python API and the endpoint

def _cli(tmp_path: Path, seed_build: Path, *args: str) -> bytes:
    """`kg query` from a folder whose build/ is the seed build: it reads build/store/."""
    (tmp_path / "build").symlink_to(seed_build, target_is_directory=True)
    proc = subprocess.run([sys.executable, "-m", "kg", "query", *args], cwd=tmp_path, capture_output=True, timeout=120)
    (tmp_path / "build").unlink()
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


@pytest.mark.parametrize("name", SELECTS)
def test_same_rows_from_cli_python_api_and_endpoint(server, seed_build, tmp_path, name):
    text = text_of(name)
    cli_csv = _cli(tmp_path, seed_build, name, "--format", "csv")
    status, _, served_csv = curl("-H", "Accept: text/csv", "--data-urlencode", f"query={text}", server.sparql)
    assert status == 200 and served_csv == cli_csv
    cli_json = json.loads(_cli(tmp_path, seed_build, name, "--format", "json"))
    served_json = wrapper(server, text, JSON).query().convert()
    assert served_json == cli_json
    api = kg.open(seed_build)
    assert api.kind == "store"
    served = ox.parse_query_results(json.dumps(served_json), format=ox.QueryResultsFormat.JSON)
    names = [v.value for v in served.variables]
    assert api.query(text) == [{n: short(s[n]) for n in names if s[n] is not None} for s in served]
    assert api.query(name) == api.query(text)  # a library name works too


def test_same_rows_for_a_parameter(server, seed_build, tmp_path):
    cli = _cli(tmp_path, seed_build, "entity-facts", "--param", "entity=نافين راو", "--format", "csv")
    status, _, served = curl("-H", "Accept: text/csv", server.url + "/queries/entity-facts?" + urlencode({"entity": "نافين راو"}))
    assert status == 200 and served == cli
    rows = kg.open(seed_build).query("entity-facts", entity="Naveen Rao")
    assert len(rows) == len(served.decode("utf-8").strip().splitlines()) - 1


# --- updates, when allowed

def test_updates_with_a_token(seed_build, tmp_path):
    shutil.copytree(seed_build / "store", tmp_path / "store")
    s = Server(tmp_path / "store", tmp_path / "serve.log", "--allow-update", "--token-env", "SANAD_TEST_TOKEN",
               env={"SANAD_TEST_TOKEN": "t0ken-for-tests"})
    auth = ("-H", "Authorization: Bearer t0ken-for-tests")
    insert = "update=INSERT DATA { <urn:a> <urn:b> 'c' }"
    try:
        assert curl("--data-urlencode", insert, s.sparql)[0] == 401
        assert curl("-H", "Authorization: Bearer wrong", "--data-urlencode", insert, s.sparql)[0] == 403
        assert curl(*auth, "--data-urlencode", insert, s.sparql)[0] == 204
        status, _, body = curl("-G", "-H", "Accept: text/csv", "--data-urlencode", "query=ASK { <urn:a> <urn:b> 'c' }",
                               s.sparql)
        assert body.strip() == b"true"
        assert curl(*auth, "--data-urlencode", "update=LOAD <http://127.0.0.1:9/x>", s.sparql)[0] == 400
        put = ("-X", "PUT", "-H", "Content-Type: text/turtle", "--data-binary")
        assert curl(*auth, *put, "<urn:x> <urn:y> <urn:z> .", s.url + "/store?graph=urn:h")[0] == 201
        assert curl(*auth, *put, "<urn:x> <urn:y> <urn:w> .", s.url + "/store?graph=urn:h")[0] == 204
        status, _, body = curl("-H", "Accept: application/n-triples", s.url + "/store?graph=" + quote("urn:h"))
        assert body == b"<urn:x> <urn:y> <urn:w> .\n"
        ask = ("-G", "-H", "Accept: text/csv", "--data-urlencode", "query=ASK { <urn:x> <urn:y> ?o }", s.sparql)
        assert curl(*ask)[2].strip() == b"true"  # the default graph (the merge) follows the graph store
        assert curl(*auth, "-X", "DELETE", s.url + "/store?graph=urn:h")[0] == 204
        assert curl(s.url + "/store?graph=urn:h")[0] == 404
        assert curl(*ask)[2].strip() == b"false"
    finally:
        s.stop()


def test_a_rebuilt_store_is_served_without_a_restart(seed_build, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(seed_build, out, ignore=shutil.ignore_patterns(".cache"))
    s = Server(out, tmp_path / "serve.log", "--workers", "1")
    ask = ("-G", "-H", "Accept: text/csv", "--data-urlencode", "query=ASK { person:naveen-rao sanad:worksFor org:x }",
           s.sparql)
    try:
        assert curl(*ask)[2].strip() == b"false"
        trig = out / "graph.trig"
        trig.write_text(trig.read_text(encoding="utf-8").replace("sanad:worksFor org:databricks", "sanad:worksFor org:x", 1),
                        encoding="utf-8")
        kg.store.create(trig)  # what `kg build` does after writing graph.trig
        assert curl(*ask)[2].strip() == b"true"
    finally:
        s.stop()


# --- the pure parts

def test_negotiation_and_keywords():
    assert negotiate("results", "application/json") == "json"
    assert negotiate("graph", "application/json") == "jsonld"
    assert negotiate("graph", "text/*") == "turtle"
    assert negotiate("results", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8") == "html"
    assert negotiate("results", None, ["json", "json"]) == "json"
    assert negotiate("graph", "text/turtle", ["xml"]) == "rdfxml"  # format= wins, SPARQLWrapper style
    assert keywords("select * { ?service <http://x/SERVICE> ex:SERVICE 'SERVICE' }") == {"SELECT"}
    assert "SERVICE" in keywords("SELECT * {service<http://x>{?s ?p ?o}}")
