"""A fact or a label found in two articles is one triple of the graph that queries read, not two.

pyoxigraph 0.5's union default graph (`use_default_graph_as_union`) holds a triple once per named
graph that has it, so every join over facts repeated across articles multiplied its rows
(https://github.com/oxigraph/oxigraph/issues/1919); Sanad loads the merge into the default graph."""
from __future__ import annotations

import kg
from kg.query import Store, rows

TRIG = """
@prefix sanad: <https://w3id.org/sanad/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/sanad/id/article/a.en> {
  <https://w3id.org/sanad/id/person/x> sanad:worksFor <https://w3id.org/sanad/id/org/y> ; rdfs:label "X"@en .
}
<https://w3id.org/sanad/id/article/b.en> {
  <https://w3id.org/sanad/id/person/x> sanad:worksFor <https://w3id.org/sanad/id/org/y> ; rdfs:label "X"@en .
}
"""
QUERY = "SELECT ?p ?o ?name WHERE { ?p sanad:worksFor ?o ; rdfs:label ?name }"


def test_a_fact_in_two_articles_is_one_row(tmp_path):
    path = tmp_path / "graph.trig"
    path.write_text(TRIG, encoding="utf-8")
    expected = [{"p": "person:x", "o": "org:y", "name": "X@en"}]
    assert rows(Store(path), QUERY) == expected  # in memory (kg query --graph FILE)
    kg.store.create(path)
    graph = kg.open(tmp_path)
    assert graph.kind == "store" and graph.query(QUERY) == expected  # the on-disk store
    assert graph.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s sanad:worksFor ?o } }") == [{"n": "2"}]
