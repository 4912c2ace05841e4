"""What the graph of the seed must hold, read back through SPARQL and the reference scorer."""
from __future__ import annotations

import json

from conftest import SEED

from kg.export import load, union
from kg.query import rows

PREFIX = "PREFIX sanad: <https://w3id.org/sanad/ontology#>\n"


def ask(store, where: str) -> bool:
    return bool(store.query(PREFIX + f"ASK {{ {where} }}"))


def test_reference_scorer_on_seed(seed_build, scorer, shared):
    gold = json.loads((shared / "eval" / "databricks-talent-wars.gold.json").read_text(encoding="utf-8"))
    result = scorer.score(scorer.load_graph(seed_build / "graph.ttl"), gold, SEED.read_text(encoding="utf-8-sig"))
    print(json.dumps(result["micro"]))
    assert result["micro"]["f1"] >= 0.95
    assert result["violations"] == []
    assert result["evidence"]["invalid"] == []
    assert result["evidence"]["without_evidence"] == 0


def test_every_evidence_span_holds(seed_build):
    text = SEED.read_text(encoding="utf-8")
    g = union(load(seed_build / "graph.trig"))
    from kg.vocab import SANAD

    spans = list(g.subjects(predicate=SANAD.exact))
    assert len(spans) > 50
    for ev in spans:
        start, end = int(g.value(ev, SANAD.start)), int(g.value(ev, SANAD.end))
        assert text[start:end] == str(g.value(ev, SANAD.exact))
        assert str(ev).endswith(f"#char={start},{end}")


def test_naveen_rao_is_vp_of_ai_at_databricks_and_works_there(seed_store):
    assert ask(seed_store, """person:naveen-rao sanad:holdsPosition ?p ; sanad:worksFor org:databricks .
        ?p sanad:organization org:databricks ; sanad:title "نائب رئيس قسم الذكاء الاصطناعي"@ar ;
           sanad:isCurrent true""")


def test_rao_speaks_six_quotes_and_the_surname_is_the_same_person(seed_store):
    quotes = rows(seed_store, PREFIX + "SELECT ?t WHERE { ?q sanad:speaker person:naveen-rao ; sanad:text ?t }")
    assert len(quotes) == 6
    assert ask(seed_store, 'person:naveen-rao skos:altLabel "راو"@ar')


def test_google_characterai_is_a_licensing_deal_not_an_acquisition(seed_store):
    assert ask(seed_store, """?d a sanad:LicensingDeal ; sanad:licensee org:google ; sanad:licensor org:character-ai ;
        sanad:hires person:noam-shazeer ; sanad:amount [ sanad:value ?v ; sanad:currency "USD" ] ;
        sanad:reportedBy org:wall-street-journal . FILTER(?v = 2700000000)""")
    assert not ask(seed_store, "?d a sanad:Acquisition")
    assert ask(seed_store, "person:noam-shazeer sanad:founded org:character-ai")
    assert ask(seed_store, "org:google sanad:hired person:noam-shazeer")


def test_meta_engineer_names_10000_nvidia_h100(seed_store):
    assert ask(seed_store, """?m a sanad:HardwareMention ; sanad:hardware hw:h100 ; sanad:quantity 10000 .
        hw:h100 sanad:manufacturer org:nvidia""")
    assert ask(seed_store, """?q sanad:speaker ?engineer ; sanad:text ?t . FILTER(CONTAINS(?t, "H100"))
        ?engineer sanad:describedAs "مهندس ميتا"@ar ; sanad:worksFor org:meta""")


def test_altman_is_openai_ceo_and_nervana_alumnus_works_at_openai(seed_store):
    assert ask(seed_store, """person:sam-altman sanad:holdsPosition [ sanad:organization org:openai ] ;
        sanad:worksFor org:openai""")
    assert ask(seed_store, """?p sanad:describedAs ?d ; sanad:formerlyWorkedFor ?nervana ; sanad:worksFor org:openai .
        ?nervana rdfs:label "Nervana Systems"@en""")


def test_described_people_are_people(seed_store):
    described = rows(seed_store, PREFIX + "SELECT ?d WHERE { ?p a sanad:Person ; sanad:describedAs ?d }")
    assert {r["d"] for r in described} == {"مهندس ميتا@ar", "الرئيس التنفيذي لشركة Perplexity@ar",
                                           "موظف سابق في شركته Nervana@ar"}


def test_labels_in_both_languages_and_wikidata_links(seed_store):
    assert ask(seed_store, 'org:google rdfs:label "Google"@en , "جوجل"@ar ; owl:sameAs wd:Q95')
    assert ask(seed_store, 'person:lebron-james owl:sameAs wd:Q36159')


def test_every_direct_triple_is_backed_by_an_assertion(seed_store):
    missing = rows(seed_store, PREFIX + """SELECT ?s ?p ?o WHERE {
        VALUES ?p { sanad:worksFor sanad:formerlyWorkedFor sanad:founded sanad:partOf sanad:manufacturer sanad:hired }
        ?s ?p ?o .
        FILTER NOT EXISTS { ?a a sanad:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
                              sanad:evidence ?e ; sanad:extractedBy ?x ; sanad:confidence ?c } }""")
    assert missing == []
