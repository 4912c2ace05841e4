"""The code, the queries and the ontology agree; the ontology loads in rdflib and owlready2."""
from __future__ import annotations

import io
import re
import subprocess
import sys

import pytest
from conftest import ROOT
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from kg.defaults import ONTOLOGY_NS
from kg.extractors import EXTRACTORS
from kg.validate import ontology

TERM_RE = re.compile(r"\bsanad:([A-Za-z]+)")
SPEC_TERMS = """Article Person Organization Company MediaOutlet HardwareModel HardwareMention Position Deal Acquisition
LicensingDeal Investment AcquiHire Quote MonetaryAmount Evidence Assertion worksFor formerlyWorkedFor founded
holdsPosition organization title isCurrent partOf age manufacturer hardware quantity hired party acquirer target
licensee licensor investor investee hires amount value currency speaker text reportedBy mentions evidence source
start end exact confidence extractedBy""".split()


def declared() -> set[str]:
    g = ontology()
    out = set()
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty):
        out |= {str(s)[len(ONTOLOGY_NS):] for s in g.subjects(RDF.type, kind) if str(s).startswith(ONTOLOGY_NS)}
    return out


def test_every_spec_term_is_declared():
    assert set(SPEC_TERMS) <= declared()


def test_generated_vocab_is_current():
    out = subprocess.run([sys.executable, "-m", "kg.tools.vocab", str(ROOT / "ontology" / "sanad.ttl")],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout == (ROOT / "kg" / "vocab.py").read_text(encoding="utf-8"), \
        "kg/vocab.py is stale: python -m kg.tools.vocab ontology/sanad.ttl > kg/vocab.py"


@pytest.mark.parametrize("path", sorted((ROOT / "queries").glob("*.rq")) + sorted((ROOT / "kg").rglob("*.py")),
                         ids=lambda p: p.name)
def test_terms_used_are_declared(path):
    used = set(TERM_RE.findall(path.read_text(encoding="utf-8")))
    used |= set(re.findall(r"SANAD\.([A-Za-z]+)", path.read_text(encoding="utf-8")))
    assert used <= declared(), f"{path.name} uses undeclared terms: {sorted(used - declared())}"


def test_no_iri_or_namespace_spelled_outside_its_module():
    for path in sorted((ROOT / "kg").rglob("*.py")):
        if path.name in ("defaults.py", "vocab.py") or path.parent.name == "tools":
            continue
        assert "w3id.org/sanad" not in path.read_text(encoding="utf-8"), path


def test_extractors_produce_declared_terms():
    names = [e.name for e in EXTRACTORS]
    assert len(names) == len(set(names))
    for ex in EXTRACTORS:
        assert re.fullmatch(r"sanad\.[a-z.-]+\.v\d+", ex.name)
        assert set(ex.produces) <= declared(), ex.name


def test_every_term_has_english_and_arabic_label_and_comment():
    g = ontology()
    for term in declared():
        node = URIRef(ONTOLOGY_NS + term)
        for prop in (RDFS.label, RDFS.comment):
            langs = {o.language for o in g.objects(node, prop)}
            assert {"en", "ar"} <= langs, f"sanad:{term} lacks {prop} in en or ar"


def test_ontology_loads_in_owlready2():
    import owlready2

    world = owlready2.World()
    data = ontology().serialize(format="nt", encoding="utf-8")
    onto = world.get_ontology("https://w3id.org/sanad/ontology").load(fileobj=io.BytesIO(data), format="ntriples")
    names = {c.name for c in onto.classes()}
    assert {"Person", "Company", "Deal", "Evidence"} <= names
    world.close()


def test_shapes_parse():
    g = Graph().parse(ROOT / "ontology" / "shapes.ttl")
    assert len(g) > 100


def test_every_pattern_list_named_in_code_exists():
    """A typo in a pattern name would silently match nothing: every name used exists in one language."""
    from kg.lexicon import default_lexicon

    patterns = default_lexicon().patterns
    used = set()
    for path in sorted((ROOT / "kg").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"ctx\.(?:words|phrases)\(\"([a-z_]+)\"\)", text))
        used |= {m for m in re.findall(r"lex\.(?:words|phrases)\(\"([a-z_]+)\"\)", text)}
    for name in sorted(used):
        assert name in patterns or f"{name}_en" in patterns or f"{name}_ar" in patterns, name
