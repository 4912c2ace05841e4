"""`kg diff OLD NEW`: what a rebuild added and removed, fact by fact with evidence, or as an RDF
patch; exit 0 when identical, 1 when different, 2 when it cannot run."""
from __future__ import annotations

from click.testing import CliRunner
from conftest import SEED, copy_article

import kg
from kg.cli import main
from kg.export import load, serialize

HIRE = "Microsoft hired Inflection CEO Mustafa Suleyman, Bloomberg reported.\n"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_identical_graphs_exit_0_with_no_output(seed_build, tmp_path):
    nq = tmp_path / "same.nq"
    nq.write_bytes(serialize(load(seed_build / "graph.trig"), "nquads"))
    for fmt in ("text", "patch"):
        result = run("diff", str(seed_build / "graph.trig"), str(nq), "--format", fmt)
        assert result.exit_code == 0 and result.stdout == ""


def test_a_rebuild_with_a_new_article_shows_its_facts_with_evidence(seed_build, tmp_path):
    folder = tmp_path / "in"
    copy_article(SEED, folder)
    (folder / "inflection.en.txt").write_text(HIRE, encoding="utf-8")
    kg.build([folder], tmp_path / "out", check=False, view=False)
    old, new = str(seed_build / "graph.trig"), str(tmp_path / "out" / "graph.trig")
    result = run("diff", old, new)
    assert result.exit_code == 1, result.output
    out = result.stdout
    assert out.startswith(f"--- {old}\n+++ {new}\n")
    assert "== article:inflection.en (new graph: " in out
    line = "+ org:microsoft sanad:hired person:mustafa-suleyman"
    assert line in out
    evidence = out.split(line, 1)[1].splitlines()[1]
    assert evidence.strip().startswith('evidence: "') and "[" in evidence and "Microsoft" in evidence
    assert "sanad." in evidence  # the extractor
    assert out.rstrip().splitlines()[-1].startswith("1 graph(s) changed: ")
    # the same change the other way round is a removal
    back = run("diff", new, old)
    assert back.exit_code == 1 and "- org:microsoft sanad:hired person:mustafa-suleyman" in back.stdout
    assert "(graph removed: 0 fact(s) added" in back.stdout


def test_a_removed_fact_and_its_assertion_show_as_removed(seed_build, tmp_path):
    trig = (seed_build / "graph.trig").read_text(encoding="utf-8")
    ds = load(seed_build / "graph.trig")
    from rdflib import URIRef

    works = URIRef("https://w3id.org/sanad/ontology#worksFor")
    naveen = URIRef("https://w3id.org/sanad/id/person/naveen-rao")
    for g in ds.graphs():
        for t in list(g.triples((naveen, works, None))):
            g.remove(t)
    edited = tmp_path / "edited.nq"
    edited.write_bytes(serialize(ds, "nquads"))
    result = run("diff", str(seed_build / "graph.trig"), str(edited))
    assert result.exit_code == 1
    removed = "- person:naveen-rao sanad:worksFor org:databricks"
    assert removed in result.stdout
    assert "evidence: \"" in result.stdout.split(removed, 1)[1].splitlines()[1]
    assert "1 fact(s) removed" not in result.stdout and "0 fact(s) added, 1 removed" in result.stdout
    patch = run("diff", str(seed_build / "graph.trig"), str(edited), "--format", "patch")
    assert patch.exit_code == 1
    lines = patch.stdout.splitlines()
    assert lines == [
        "- <https://w3id.org/sanad/id/person/naveen-rao> <https://w3id.org/sanad/ontology#worksFor> "
        "<https://w3id.org/sanad/id/org/databricks> <https://w3id.org/sanad/id/article/databricks-talent-wars.ar> ."]
    assert "worksFor" in trig


def test_patch_is_sorted_removals_then_additions(seed_build, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "inflection.en.txt").write_text(HIRE, encoding="utf-8")
    kg.build([folder], tmp_path / "out", check=False, view=False)
    result = run("diff", str(seed_build / "graph.trig"), str(tmp_path / "out" / "graph.trig"), "--format", "patch")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    minus = [ln for ln in lines if ln.startswith("- ")]
    plus = [ln for ln in lines if ln.startswith("+ ")]
    assert lines == minus + plus and minus == sorted(minus) and plus == sorted(plus) and minus and plus
    assert all(ln.endswith(" .") for ln in lines)


def test_errors_exit_2(seed_build, tmp_path):
    result = run("diff", str(seed_build / "graph.trig"), str(tmp_path / "missing.trig"))
    assert result.exit_code == 2 and result.stderr.startswith("Error: ") and "missing.trig" in result.stderr
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    result = run("diff", str(bad), str(seed_build / "graph.trig"))
    assert result.exit_code == 2 and "cannot parse as turtle" in result.stderr
