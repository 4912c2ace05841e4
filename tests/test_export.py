"""Exports other tools load as they are: every RDF format deterministic and round-tripping byte for
byte, accepted by three independent parsers (raptor's rapper, rdflib, pyoxigraph; pyld for
JSON-LD), no blank nodes, safe IRIs and escaped literals; the ontology as RDF/XML and OWL
functional syntax; property graphs for Neo4j and Gephi; pushing over the Graph Store protocol."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import OWL, RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.cli import main
from kg.defaults import CONTEXT_FILE, CONTEXT_IRI, OFN_FILE, OWL_FILE, PREFIXES, SKOLEM_BASE
from kg.errors import KGError, OntologyError
from kg.export import load, prepare, serialize, union
from kg.owl import context, context_document, ontology_graph, ontology_ofn, ontology_rdfxml

RDF_FORMATS = {"turtle": ".ttl", "ntriples": ".nt", "nquads": ".nq", "trig": ".trig", "jsonld": ".jsonld",
               "rdfxml": ".rdf"}
RAPPER_NAMES = {"turtle": "turtle", "ntriples": "ntriples", "nquads": "nquads", "trig": "trig", "rdfxml": "rdfxml"}
OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "nquads": ox.RdfFormat.N_QUADS,
              "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML}
RAPPER = shutil.which("rapper")
JAVA = shutil.which("java")


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def rapper(fmt: str, path: Path) -> int:
    """raptor's count of the triples in `path`; any error or warning fails the test."""
    if RAPPER is None:
        if os.environ.get("CI"):
            pytest.fail("rapper is missing: scripts/install-system-deps --test installs raptor2-utils")
        pytest.skip("rapper (raptor2-utils) is not installed")
    proc = subprocess.run([RAPPER, "-i", RAPPER_NAMES[fmt], "-c", str(path)], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    problems = [ln for ln in proc.stderr.splitlines() if re.search(r"error|warning", ln, re.IGNORECASE)]
    assert not problems, problems
    return int(re.search(r"returned (\d+) triples?", proc.stderr).group(1))


def quad_set(ds) -> set:
    return set(prepare(ds))


@pytest.fixture(scope="module")
def exported(seed_build, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("exports")
    files = {}
    for fmt, suffix in RDF_FORMATS.items():
        files[fmt] = out / f"graph{suffix}"
        result = run("export", str(seed_build / "graph.trig"), "--format", fmt, "-o", str(files[fmt]))
        assert result.exit_code == 0, result.output
    return files


# -- RDF formats ---------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_export_parse_export_gives_the_same_bytes(fmt, exported, seed_build, tmp_path):
    data = exported[fmt].read_bytes()
    assert run("export", str(seed_build / "graph.trig"), "--format", fmt).stdout_bytes == data, "not deterministic"
    again = tmp_path / f"again{RDF_FORMATS[fmt]}"
    assert run("export", str(exported[fmt]), "--format", fmt, "-o", str(again)).exit_code == 0
    assert again.read_bytes() == data


@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_three_independent_parsers_read_every_format(fmt, exported, seed_build):
    expected = quad_set(load(seed_build / "graph.trig"))
    triples = {q[:3] for q in expected}
    path = exported[fmt]
    if fmt in RAPPER_NAMES:
        assert rapper(fmt, path) == len(triples if fmt in ("turtle", "ntriples", "rdfxml") else expected)
    parsed = list(ox.parse(path=str(path), format=OX_FORMATS[fmt]))
    assert len({(q.subject, q.predicate, q.object, getattr(q, "graph_name", None)) for q in parsed}) == \
        (len(triples) if fmt in ("turtle", "ntriples", "rdfxml") else len(expected))
    back = quad_set(load(path))
    if fmt in ("turtle", "ntriples", "rdfxml"):
        assert {q[:3] for q in back} == triples
    else:
        assert back == expected


def test_no_blank_nodes_prefixes_once_and_no_escaped_prefixed_names(exported):
    """Gotcha G4: Virtuoso keeps the backslash of `id:person\\/x`, so no prefixed name may need one."""
    for fmt in ("turtle", "trig"):
        text = exported[fmt].read_text(encoding="utf-8")
        outside_strings = re.sub(r'"(?:[^"\\]|\\.)*"', '""', text)
        assert "\\" not in outside_strings, fmt
        assert "_:" not in outside_strings and "[" not in outside_strings, fmt
        prefix_lines = [ln for ln in text.splitlines() if ln.startswith("@prefix")]
        assert len(prefix_lines) == len(set(prefix_lines)) == len(PREFIXES)
        assert text.splitlines()[:len(PREFIXES)] == prefix_lines  # declared once, at the top
    for fmt in ("ntriples", "nquads"):
        assert "_:" not in re.sub(r'"(?:[^"\\]|\\.)*"', '""', exported[fmt].read_text(encoding="utf-8"))
    doc = json.loads(exported["jsonld"].read_text(encoding="utf-8"))
    assert "_:" not in json.dumps(doc["@graph"])
    assert "rdf:nodeID" not in exported["rdfxml"].read_text(encoding="utf-8")


def test_turtle_trig_nquads_turtle_stays_isomorphic(exported, tmp_path):
    ttl = exported["turtle"]
    trig = tmp_path / "a.trig"
    nq = tmp_path / "b.nq"
    ttl2 = tmp_path / "c.ttl"
    assert run("export", str(ttl), "-o", str(trig)).exit_code == 0
    assert run("export", str(trig), "-o", str(nq)).exit_code == 0
    assert run("export", str(nq), "-o", str(ttl2)).exit_code == 0
    assert isomorphic(Graph().parse(ttl), Graph().parse(ttl2))
    assert ttl2.read_bytes() == ttl.read_bytes()


def test_jsonld_is_compact_with_the_published_context_and_expands_to_the_same_quads(exported, tmp_path):
    from pyld import jsonld

    doc = json.loads(exported["jsonld"].read_text(encoding="utf-8"))
    assert doc["@context"] == json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
    person = next(n for g in doc["@graph"] for n in g["@graph"] if n["@id"] == "person:naveen-rao")
    assert person["@type"] == "Person" and person["worksFor"] == "org:databricks"
    nquads = set(exported["nquads"].read_text(encoding="utf-8").splitlines())
    expanded = jsonld.to_rdf(doc, {"format": "application/n-quads"})
    assert set(expanded.splitlines()) == nquads  # pyld: the very same N-Quads lines
    # the same document referring to the published context by URL
    url = CONTEXT_IRI
    ref = tmp_path / "ref.jsonld"
    assert run("export", str(exported["nquads"]), "--format", "jsonld", "--context-url", url, "-o", str(ref)).exit_code == 0
    by_url = json.loads(ref.read_text(encoding="utf-8"))
    assert by_url["@context"] == url

    def loader(requested, options=None):
        assert requested == url
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
                "document": json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))}

    again = jsonld.to_rdf(by_url, {"format": "application/n-quads", "documentLoader": loader})
    assert set(again.splitlines()) == nquads


# -- literals, IRIs and blank nodes, for any input --------------------------------------------------

LANGS = st.sampled_from(["ar", "en", "en-GB", "zh-Hant-TW"])
DATATYPES = st.sampled_from([XSD.integer, XSD.decimal, XSD.boolean, XSD.date, XSD.anyURI, XSD.double,
                             URIRef("https://example.org/dt#odd type")])
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
LITERALS = st.one_of(TEXT.map(Literal), st.tuples(TEXT, LANGS).map(lambda t: Literal(t[0], lang=t[1])),
                     st.tuples(st.sampled_from(["1", "-0", "2.50", ".5", "1e3", "true", "x y", ""]), DATATYPES)
                     .map(lambda t: Literal(t[0], datatype=t[1])))
IRI_CHARS = st.text(alphabet=st.sampled_from(list("abz09-._~/#?=&:%") + [" ", "|", "<", "\\", "{", "^", "`", '"',
                                                                          "é", "ن", "\t"]), max_size=12)
IRIS = IRI_CHARS.map(lambda s: URIRef("https://example.org/" + s))


def _rdfxml_ok(quads) -> bool:
    """RDF/XML cannot carry every graph: no character outside XML 1.0, and each predicate must end
    in an XML name (https://example.org/0 cannot be an element)."""
    from kg.export import XML_ILLEGAL

    names = all(re.search(r"[#/][A-Za-z_][A-Za-z0-9_.-]*$", str(q[1])) for q in quads)
    return names and not any(XML_ILLEGAL.search(str(t)) for q in quads for t in q[:3])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(IRIS, IRIS, st.one_of(LITERALS, IRIS)), min_size=1, max_size=6))
def test_any_literal_and_iri_survives_every_format(tmp_path, triples):
    ds = Dataset()
    g = ds.graph(URIRef("https://example.org/graph"))
    for t in triples:
        g.add(t)
    expected = quad_set(ds)
    for fmt, suffix in RDF_FORMATS.items():
        if fmt == "rdfxml" and not _rdfxml_ok(expected):
            with pytest.raises(KGError, match="XML 1.0 cannot carry|RDF/XML cannot write the predicate"):
                serialize(ds, fmt)
            continue
        data = serialize(ds, fmt)
        path = tmp_path / f"x{suffix}"
        path.write_bytes(data)
        back = quad_set(load(path))
        assert ({q[:3] for q in back} if fmt in ("turtle", "ntriples", "rdfxml") else back) == \
            ({q[:3] for q in expected} if fmt in ("turtle", "ntriples", "rdfxml") else expected), fmt
        assert serialize(load(path), fmt) == data, fmt
        assert len(list(ox.parse(path=str(path), format=OX_FORMATS[fmt]))) >= 1
        if fmt in RAPPER_NAMES and RAPPER:
            rapper(fmt, path)


def test_unsafe_iris_are_percent_encoded_and_strict_parsers_accept_them(tmp_path):
    g = Graph()
    g.add((URIRef("https://example.org/a b|c<d>"), URIRef("https://example.org/p"), Literal('q"\\\x00\x0b\u2028')))
    data = serialize(g, "ntriples").decode("utf-8")
    assert data == '<https://example.org/a%20b%7Cc%3Cd%3E> <https://example.org/p> "q\\"\\\\\\u0000\\u000B\u2028" .\n'
    (tmp_path / "x.nt").write_text(data, encoding="utf-8")
    if RAPPER:
        assert rapper("ntriples", tmp_path / "x.nt") == 1


def test_blank_nodes_become_stable_skolem_iris(tmp_path):
    text = """@prefix ex: <https://example.org/> .
ex:a ex:p [ ex:q "1" ; ex:r ( ex:x [ ex:s "2" ] ) ] .
[] ex:t ex:a .
"""
    first = serialize(Graph().parse(data=text, format="turtle"), "ntriples")
    second = serialize(Graph().parse(data=text, format="turtle"), "ntriples")  # fresh blank node ids
    assert first == second and b"_:" not in first
    skolems = set(re.findall(rb"<(" + re.escape(SKOLEM_BASE.encode()) + rb"[0-9a-f]{16})>", first))
    assert len(skolems) == 5  # [ ... ], two list cells, [ ex:s "2" ] and []: one IRI each
    back = Graph().parse(data=first.decode("utf-8"), format="nt")
    relabel = {URIRef(s.decode()): BNode() for s in skolems}
    unskolemized = Graph()
    for t in back:
        unskolemized.add(tuple(relabel.get(x, x) for x in t))
    assert isomorphic(unskolemized, Graph().parse(data=text, format="turtle"))


def test_rdfxml_refuses_characters_xml_cannot_carry(tmp_path):
    bad = tmp_path / "bad.nt"
    bad.write_text('<https://example.org/s> <https://example.org/p> "form\\ffeed" .\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["export", str(bad), "--format", "rdfxml"])
    assert result.exit_code == 2 and "XML 1.0 cannot carry the character U+000C" in result.stderr


# -- the ontology --------------------------------------------------------------------------------

def test_ontology_exports_are_current():
    for path, data in ((OWL_FILE, ontology_rdfxml()), (OFN_FILE, ontology_ofn()), (CONTEXT_FILE, context_document())):
        assert path.read_bytes() == data, f"{path.name} is stale: run `make ontology`"


def test_ontology_rdfxml_loads_in_rdflib_owlready2_and_rapper():
    import owlready2

    ttl = ontology_graph()
    assert isomorphic(Graph().parse(OWL_FILE, format="xml"), ttl)
    world = owlready2.World()
    onto = world.get_ontology("https://w3id.org/sanad/ontology").load(fileobj=io.BytesIO(OWL_FILE.read_bytes()),
                                                                     format="rdfxml")
    sanad_classes = {c.name for c in onto.classes() if c.iri.startswith("https://w3id.org/sanad/ontology#")}
    assert {"Person", "Organization", "Deal", "Evidence", "Assertion"} <= sanad_classes
    assert len(list(onto.object_properties())) == len(set(ttl.subjects(RDF.type, OWL.ObjectProperty)))
    assert len(list(onto.data_properties())) == len(set(ttl.subjects(RDF.type, OWL.DatatypeProperty)))
    if RAPPER:
        assert rapper("rdfxml", OWL_FILE) == len(ttl)


@pytest.mark.skipif(JAVA is None, reason="java is not installed")
def test_ontology_ofn_parses_in_the_owl_api_and_means_what_the_rdfxml_means(tmp_path):
    """HermiT's OWL API reads both files; the DL-clauses it derives from them are the same."""
    import owlready2.reasoning

    clauses = {}
    for path in (OFN_FILE, OWL_FILE):
        out = tmp_path / f"{path.name}.clauses"
        proc = subprocess.run([JAVA, "-cp", owlready2.reasoning._HERMIT_CLASSPATH, "org.semanticweb.HermiT.cli.CommandLine",
                               "-N", "--ignoreUnsupportedDatatypes", f"--dump-clauses={out}", path.resolve().as_uri()],
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr[-2000:]
        clauses[path.suffix] = sorted(ln for ln in out.read_text().splitlines() if " = <" not in ln)
    assert len(clauses[".ofn"]) > 150 and clauses[".ofn"] == clauses[".owl"]
    # annotations are not clauses: every label and comment is an AnnotationAssertion
    ofn = OFN_FILE.read_text(encoding="utf-8")
    g = ontology_graph()
    for p in (RDFS.label, RDFS.comment):
        n = sum(1 for s, o in g.subject_objects(p) if isinstance(s, URIRef))
        assert ofn.count(f"AnnotationAssertion(rdfs:{p.split('#')[1]} ") == n


def test_ofn_never_drops_a_triple_silently():
    g = Graph()
    for t in ontology_graph():
        g.add(t)
    r = BNode()
    g.add((URIRef("https://w3id.org/sanad/ontology#Deal"), RDFS.subClassOf, r))
    g.add((r, RDF.type, OWL.Restriction))
    g.add((r, OWL.onProperty, URIRef("https://w3id.org/sanad/ontology#party")))
    g.add((r, OWL.someValuesFrom, URIRef("https://w3id.org/sanad/ontology#Person")))
    with pytest.raises(OntologyError, match="unsupported class expression"):
        ontology_ofn(g)


def test_ontology_cli(tmp_path):
    out = tmp_path / "sanad.ofn"
    assert run("export", "--ontology", "-o", str(out)).exit_code == 0
    assert out.read_bytes() == OFN_FILE.read_bytes()
    assert run("export", "--ontology", "--format", "rdfxml").stdout_bytes == OWL_FILE.read_bytes()
    assert run("export", "--ontology", "--format", "context").stdout_bytes == CONTEXT_FILE.read_bytes()
    result = CliRunner().invoke(main, ["export", "--format", "ofn", "-o", str(out)])
    assert result.exit_code == 2 and "add --ontology" in result.stderr


def test_context_gives_every_sanad_term_but_clashing_ones():
    ctx = context()
    assert ctx["worksFor"] == {"@id": "sanad:worksFor", "@type": "@id"}
    assert ctx["start"] == {"@id": "sanad:start", "@type": "xsd:nonNegativeInteger"}
    assert ctx["amount"] == PREFIXES["amount"]  # the instance prefix; sanad:amount keeps its compact IRI


# -- property graphs -----------------------------------------------------------------------------

def _read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    return rows[0], rows[1:]


def test_neo4j_csv_for_admin_import(seed_build, tmp_path):
    out = tmp_path / "neo4j"
    result = run("export", str(seed_build / "graph.trig"), "--format", "neo4j", "-o", str(out))
    assert result.exit_code == 0, result.output
    again = tmp_path / "again"
    run("export", str(seed_build / "graph.trig"), "--format", "neo4j", "-o", str(again))
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(p.name for p in again.iterdir())
    assert all((out / n).read_bytes() == (again / n).read_bytes() for n in names)
    assert {"nodes-Person.csv", "nodes-Organization.csv", "nodes-Article.csv", "relationships.csv", "import.sh"} <= set(names)
    ids: dict[str, str] = {}
    for name in names:
        if name.startswith("nodes-"):
            header, rows = _read_csv(out / name)
            assert header[:2] == ["iri:ID", ":LABEL"]
            for row in rows:
                assert row[0] not in ids, f"{row[0]} in {name} and {ids.get(row[0])}"
                ids[row[0]] = name
                assert name[len("nodes-"):-4] in row[1].split(";")
    header, rows = _read_csv(out / "relationships.csv")
    assert header[:3] == [":START_ID", ":END_ID", ":TYPE"]
    col = {h.split(":")[0]: i for i, h in enumerate(header)}
    assert all(r[0] in ids and r[1] in ids for r in rows)
    g = union(load(seed_build / "graph.trig"))
    direct = {(str(s), str(o)) for s, p, o in g if p != RDF.type and str(s) in ids and str(o) in ids}
    assert {(r[0], r[1]) for r in rows} == direct
    works = next(r for r in rows if r[2] == "WORKS_FOR" and r[0].endswith("/person/naveen-rao")
                 and r[1].endswith("/org/databricks"))
    assert "Databricks" in works[col["exact"]] and works[col["confidence"]] and works[col["extractor"]].startswith("sanad.")
    assert works[col["article"]].endswith("/article/databricks-talent-wars.ar")
    starts, exacts = works[col["start"]].split("\x1f"), works[col["exact"]].split("\x1f")
    assert len(starts) == len(exacts) and all(s.isdigit() for s in starts)
    script = (out / "import.sh").read_text(encoding="utf-8")
    assert "neo4j-admin database import full" in script and "--array-delimiter=U+001F" in script
    assert os.access(out / "import.sh", os.X_OK)


def test_graphml_for_gephi(seed_build, tmp_path):
    import networkx as nx

    out = tmp_path / "g.graphml"
    assert run("export", str(seed_build / "graph.trig"), "-o", str(out)).exit_code == 0
    assert run("export", str(seed_build / "graph.trig"), "--format", "graphml").stdout_bytes == out.read_bytes()
    g = nx.read_graphml(out, force_multigraph=True)
    naveen = g.nodes["https://w3id.org/sanad/id/person/naveen-rao"]
    assert naveen["label"] == "Naveen Rao" and naveen["type"] == "Person"
    edges = [d for _, v, d in g.out_edges("https://w3id.org/sanad/id/person/naveen-rao", data=True)
             if v.endswith("/org/databricks") and d["type"] == "WORKS_FOR"]
    assert edges and "Databricks" in edges[0]["exact"] and edges[0]["confidence"] > 0


# -- pushing over the Graph Store protocol (a stub store; tests/test_virtuoso.py uses a real one) -----

class _Store(BaseHTTPRequestHandler):
    script: list = []
    seen: list = []

    def do_PUT(self):  # noqa: N802 - the http.server API
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        type(self).seen.append((self.path, dict(self.headers), body))
        status, headers, text = type(self).script.pop(0) if type(self).script else (201, {}, "")
        if callable(status):
            status, headers, text = status(self.headers)
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        data = text.encode("utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture()
def stub():
    _Store.script, _Store.seen = [], []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Store)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/store", _Store
    finally:
        server.shutdown()
        server.server_close()


def test_push_sends_one_put_per_article_with_basic_auth(stub, seed_build):
    url, store = stub

    def basic(headers):
        if headers.get("Authorization") == "Basic dXNlcjpzM2NyZXQ=":  # user:s3cret
            return 201, {}, ""
        return 401, {"WWW-Authenticate": 'Basic realm="sanad"'}, "who are you?"

    store.script = [(basic, None, None), (basic, None, None)]
    result = run("export", str(seed_build / "graph.trig"), "--to", url, "--user", "user", "--password-env", "PW",
                 env={"PW": "s3cret"})
    assert result.exit_code == 0, result.output
    path, headers, body = store.seen[-1]
    assert path == "/store?graph=https%3A%2F%2Fw3id.org%2Fsanad%2Fid%2Farticle%2Fdatabricks-talent-wars.ar"
    assert headers["Content-Type"] == "application/n-triples"
    assert len(body.decode("utf-8").splitlines()) == len(union(load(seed_build / "graph.trig")))
    assert "-> 201" in result.stderr and "Pushed 1 graph" in result.stderr


def test_push_retries_5xx_with_backoff_then_succeeds(stub, seed_build):
    from kg import gsp

    url, store = stub
    store.script = [(503, {}, "busy"), (502, {}, "<html><body><h1>Bad gateway</h1></body></html>"), (204, {}, "")]
    waits = []
    client = gsp.Client(retries=3, backoff=0.5, sleep=waits.append)
    requests = gsp.plan(load(seed_build / "graph.trig"), url, "default", "turtle")
    assert gsp.push(requests, client) == [204]
    assert waits == [0.5, 1.0] and len(store.seen) == 3
    assert store.seen[0][0] == "/store?default" and store.seen[0][1]["Content-Type"] == "text/turtle; charset=utf-8"


def test_push_refusals_are_clear_errors(stub, seed_build, tmp_path):
    url, store = stub
    graph = str(seed_build / "graph.trig")
    store.script = [(400, {"Content-Type": "text/html"}, "<html><h1>400</h1><p>Bad RDF: line 3, unexpected '&lt;'</p></html>")]
    result = CliRunner().invoke(main, ["export", graph, "--to", url])
    assert result.exit_code == 2
    assert "the store refused with 400 Bad Request: 400 Bad RDF: line 3, unexpected '<'" in result.stderr
    store.script = [(403, {}, "read-only")]
    result = CliRunner().invoke(main, ["export", graph, "--to", url])
    assert result.exit_code == 2 and "403 Forbidden: read-only" in result.stderr and "--user" in result.stderr
    store.script = [(500, {}, "boom")] * 2
    result = CliRunner().invoke(main, ["export", graph, "--to", url, "--retries", "1"])
    assert result.exit_code == 2 and "500 Internal Server Error: boom (gave up after 2 tries)" in result.stderr
    closed = url.rsplit(":", 1)[0] + ":9/store"
    result = CliRunner().invoke(main, ["export", graph, "--to", closed, "--retries", "0"])
    assert result.exit_code == 2 and "cannot reach the store" in result.stderr
    for args, message in [(["--user", "u"], "--user needs --password-env"),
                          (["--user", "u", "--password-env", "NO_SUCH_VAR_X"], "NO_SUCH_VAR_X is not set"),
                          (["--format", "jsonld"], "--to sends N-Triples or Turtle"),
                          (["-o", str(tmp_path / "x.nt")], "it takes no -o")]:
        result = CliRunner().invoke(main, ["export", graph, "--to", url, *args], env={"NO_SUCH_VAR_X": None})
        assert result.exit_code == 2 and message in result.stderr, result.stderr
    result = CliRunner().invoke(main, ["export", graph, "--to", "ftp://x/store"])
    assert result.exit_code == 2 and "http(s) URL" in result.stderr
    result = CliRunner().invoke(main, ["export", graph, "--graph", "urn:x"])
    assert result.exit_code == 2 and "--graph goes with --to URL" in result.stderr


def test_dry_run_prints_the_requests_and_sends_nothing(stub, seed_build):
    url, store = stub
    result = run("export", str(seed_build / "graph.trig"), "--to", url, "--dry-run")
    n = len(union(load(seed_build / "graph.trig")))
    assert result.stdout.startswith(f"PUT {url}?graph=https%3A%2F%2Fw3id.org%2Fsanad%2Fid%2Farticle%2F")
    assert f"(application/n-triples, {n} triples," in result.stdout
    assert store.seen == []


def test_digest_authorization_follows_rfc_7616():
    from kg.gsp import _digest, _parse_challenge

    ch = _parse_challenge('Digest realm="testrealm@host.com", qop="auth,auth-int", '
                          'nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"')
    header = _digest(ch, "Mufasa", "Circle Of Life", "GET", "/dir/index.html", 1)
    fields = dict(re.findall(r'(\w+)="?([^",]+)"?', header))
    import hashlib

    ha1 = hashlib.md5(b"Mufasa:testrealm@host.com:Circle Of Life").hexdigest()
    ha2 = hashlib.md5(b"GET:/dir/index.html").hexdigest()
    expected = hashlib.md5(f"{ha1}:{ch['nonce']}:00000001:{fields['cnonce']}:auth:{ha2}".encode()).hexdigest()
    assert fields["response"] == expected and fields["nc"] == "00000001" and fields["qop"] == "auth"


def test_export_errors(seed_build, tmp_path):
    graph = str(seed_build / "graph.trig")
    for args, message in [(["--format", "neo4j"], "pass -o DIR"),
                          (["-o", str(tmp_path / "x.unknown")], "cannot tell the format"),
                          ([], "--format is needed"),
                          (["--ontology", graph], "takes neither GRAPH nor --to")]:
        result = CliRunner().invoke(main, ["export", *([graph] if "--ontology" not in args else []), *args])
        assert result.exit_code == 2 and message in result.stderr, (args, result.stderr)
    assert ROOT.joinpath("ontology", "context.jsonld").exists()


@pytest.mark.parametrize("count", [0, 1, 3])
def test_a_turtle_document_cuts_back_into_the_statements_it_was_written_from(count):
    from kg.export import turtle_header, turtle_statements, write_turtle_statements

    statements = [f'<https://e.org/s{i}> <https://e.org/p> "x{i}" , <https://e.org/o{i}> .'.encode() for i in range(count)]
    buffer = io.BytesIO()
    write_turtle_statements(buffer, statements)
    assert turtle_statements(buffer.getvalue()) == (turtle_header(), statements)
    other = b"<https://e.org/a> <https://e.org/p> 1 .\n"  # (not a document of Sanad's writer: one piece)
    assert turtle_statements(other) == (b"", [other])
