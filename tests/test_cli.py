"""The `kg` command as a user meets it: outputs, reports, exit codes, and one clear error for bad input."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import ROOT, SEED, copy_article

from kg.cli import main

GOOD = "Microsoft hired Inflection CEO Mustafa Suleyman, Bloomberg reported.\n"


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_build_writes_three_outputs_and_reports_counts_and_validation(tmp_path):
    copy_article(SEED, tmp_path / "in")
    result = run("build", str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    for name in ("graph.ttl", "graph.trig", "graph.html"):
        assert (tmp_path / "out" / name).stat().st_size > 1000
    assert "Person" in result.stderr and "Quote" in result.stderr
    assert "SHACL: conforms" in result.stderr and "OWL 2 (HermiT): consistent" in result.stderr
    assert result.stdout == ""


def test_build_defaults_to_seeds_into_build(tmp_path):
    """`kg build` with no argument reads seeds/ and writes build/ under the working directory."""
    env = dict(os.environ)
    proc = subprocess.run([sys.executable, "-m", "kg", "build", "--no-view", "-q"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert (ROOT / "build" / "graph.trig").exists()


def test_validate_exit_codes(tmp_path, seed_build):
    assert run("validate", str(seed_build / "graph.trig")).exit_code == 0
    broken = tmp_path / "broken.ttl"
    broken.write_text((seed_build / "graph.ttl").read_text(encoding="utf-8").replace(
        "sanad:exact", "sanad:ignored", 1), encoding="utf-8")
    # a graph whose evidence lost its exact text does not conform
    assert "sanad:exact" in (seed_build / "graph.ttl").read_text(encoding="utf-8")
    result = run("validate", str(broken))
    assert result.exit_code == 1 and "violation" in result.stdout
    person_org = tmp_path / "inconsistent.ttl"
    person_org.write_text((seed_build / "graph.ttl").read_text(encoding="utf-8")
                          + "\nperson:naveen-rao a sanad:Organization .\n", encoding="utf-8")
    result = run("validate", str(person_org))
    assert result.exit_code == 1 and "INCONSISTENT" in result.stdout
    result = run("validate", str(tmp_path / "missing.trig"))
    assert result.exit_code == 2 and "Error:" in result.stderr and "missing.trig" in result.stderr


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_query_formats(seed_build, fmt):
    result = run("query", "people-and-positions", "--graph", str(seed_build / "graph.trig"), "--format", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "json":
        data = json.loads(result.stdout)
        assert data["head"]["vars"][0] == "person" and len(data["results"]["bindings"]) == 3
    elif fmt == "table":
        assert "(3 rows)" in result.stdout
    else:
        sep = "," if fmt == "csv" else "\t"
        assert len(result.stdout.strip().splitlines()) == 4 and sep in result.stdout


def test_query_ask_construct_describe_and_stdin(seed_build):
    g = ["--graph", str(seed_build / "graph.trig")]
    assert run("query", "-", *g, input="ASK { ?p a sanad:Person }").stdout == "true\n"
    out = run("query", "-", *g, input="CONSTRUCT { ?p a sanad:Person } WHERE { ?p a sanad:Person }").stdout
    assert "person:naveen-rao" in out and "@prefix" in out
    out = run("query", "-", *g, input="DESCRIBE <https://w3id.org/sanad/id/org/databricks>").stdout
    assert "Databricks" in out
    out = run("query", "-", *g, "--format", "json", input="ASK { ?p a sanad:Deal }").stdout
    assert json.loads(out)["boolean"] is True


def test_query_list_names_every_library_query():
    result = run("query", "--list")
    assert result.exit_code == 0
    names = {p.stem for p in (ROOT / "queries").glob("*.rq")}
    listed = {line.split()[0] for line in result.stdout.splitlines()}
    assert names == listed


def test_query_errors(seed_build, tmp_path):
    g = ["--graph", str(seed_build / "graph.trig")]
    result = run("query", "-", *g, input="SELECT ?x WHERE { ?x ")
    assert result.exit_code == 2 and result.stderr.startswith("Error: <stdin>: SPARQL syntax error")
    result = run("query", "people-and-position", *g)
    assert result.exit_code == 2 and "unknown query 'people-and-position'" in result.stderr
    assert "people-and-positions" in result.stderr  # a suggestion
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT * WHERE { ?s ?p }", encoding="utf-8")
    result = run("query", str(bad), *g)
    assert result.exit_code == 2 and "bad.rq" in result.stderr
    result = run("query", "people-and-positions", "--graph", str(tmp_path / "nope.trig"))
    assert result.exit_code == 2 and "nope.trig" in result.stderr and "kg build" in result.stderr


@pytest.mark.parametrize("name,content,meta,message", [
    ("empty.txt", "", None, "article is empty"),
    ("blank.txt", "  \n\t\n", None, "article is empty"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", None, "binary"),
    ("latin1.txt", "Caf\xe9 Google".encode("latin-1"), None, "invalid UTF-8 at byte 3"),
    ("utf16.txt", "Google".encode("utf-16"), None, "UTF-16"),
    ("badmeta.txt", GOOD, "{not json", "malformed JSON at line 1"),
    ("listmeta.txt", GOOD, "[1, 2]", "metadata must be a JSON object"),
    ("typemeta.txt", GOOD, '{"title": 42}', "field 'title' must be a string or null"),
    ("langmeta.txt", GOOD, '{"language": "fr"}', "field 'language' is 'fr'"),
])
def test_bad_input_is_one_clear_error_and_earlier_outputs_stay(tmp_path, name, content, meta, message):
    out = tmp_path / "out"
    good = tmp_path / "good"
    good.mkdir()
    (good / "a.txt").write_text(GOOD, encoding="utf-8")
    assert run("build", str(good), "--out", str(out), "--no-view").exit_code == 0
    before = (out / "graph.trig").read_bytes()
    bad_dir = tmp_path / "bad"
    bad_dir.mkdir()
    path = bad_dir / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    if meta is not None:
        path.with_name(path.stem + ".meta.json").write_text(meta, encoding="utf-8")
    result = run("build", str(bad_dir), "--out", str(out))
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and message in result.stderr
    assert name.split(".")[0] in result.stderr  # the file is named
    assert "Traceback" not in result.output
    assert (out / "graph.trig").read_bytes() == before
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_missing_path_and_wrong_suffix(tmp_path):
    result = run("build", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2 and "nope.txt: no such file or folder" in result.stderr
    odd = tmp_path / "notes.pdf"
    odd.write_text("x")
    result = run("build", str(odd), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2 and "not an article" in result.stderr


def test_a_folder_is_read_for_the_article_files_below_it(tmp_path):
    from kg.read import find_articles

    root = tmp_path / "in"
    for name in ("a.en.txt", "b.ar.md", "notes.json", ".hidden.en.txt", "README.md", "readme.txt", "x.ar.meta.json",
                 "deep/er/c.en.txt", ".git/d.en.txt", "e.en.txt.bak", "f.TXT"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("text\n", encoding="utf-8")
    (root / "folder.txt").mkdir()  # a folder named like an article
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "g.en.txt").write_text("text\n", encoding="utf-8")
    (root / "linked.en.txt").symlink_to(outside / "g.en.txt")  # a link to a file: read
    (root / "linked-folder").symlink_to(outside, target_is_directory=True)  # a link to a folder: not followed
    (root / "dangling.en.txt").symlink_to(tmp_path / "nowhere.en.txt")
    found = find_articles([root])
    assert [p.relative_to(root).as_posix() for p in found] == [
        "a.en.txt", "b.ar.md", "deep/er/c.en.txt", ".git/d.en.txt", "linked.en.txt"]
    # what pathlib's walk finds, the way the folder was read before
    assert set(found) == {p for p in root.rglob("*") if p.is_file() and p.suffix in (".txt", ".md")
                          and not p.name.startswith(".") and p.stem.upper() != "README"}


def test_two_articles_with_the_same_id_are_refused(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "story.txt").write_text(GOOD, encoding="utf-8")
    result = run("build", str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2 and "same id" in result.stderr


def test_export_formats_parse_back(seed_build, tmp_path):
    from rdflib import Dataset, Graph
    from rdflib.compare import isomorphic

    trig = seed_build / "graph.trig"
    ref = Graph().parse(seed_build / "graph.ttl")
    for fmt, suffix, parser in [("turtle", ".ttl", "turtle"), ("ntriples", ".nt", "nt"), ("nquads", ".nq", "nquads"),
                                ("trig", ".trig", "trig"), ("jsonld", ".jsonld", "json-ld")]:
        out = tmp_path / f"g{suffix}"
        assert run("export", str(trig), "--format", fmt, "-o", str(out)).exit_code == 0
        again = run("export", str(trig), "--format", fmt).stdout_bytes
        assert again == out.read_bytes(), f"{fmt} is not deterministic"
        if fmt in ("nquads", "trig", "jsonld"):
            ds = Dataset()
            ds.parse(out, format=parser)
            g = Graph()
            for s, p, o, _ in ds.quads((None, None, None, None)):
                g.add((s, p, o))
        else:
            g = Graph().parse(out, format=parser)
        assert isomorphic(g, ref), fmt
    result = run("export", str(trig))
    assert result.exit_code == 2 and "--format is needed" in result.stderr


def test_view_writes_a_page(seed_build, tmp_path):
    out = tmp_path / "v.html"
    result = run("view", str(seed_build / "graph.trig"), "-o", str(out))
    assert result.exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "vis.Network" in html and "https://cdn" not in html and "<script src" not in html


def test_version_and_help():
    assert run("--version").stdout.startswith("kg, version")
    help_text = run("--help").stdout
    assert "Exit codes" in help_text
    for cmd in ("build", "validate", "query", "view", "export"):
        assert cmd in help_text
        assert "Example:" in run(cmd, "--help").stdout


def test_keep_going_builds_the_good_articles_and_reports_the_bad(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.en.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02")
    result = run("build", str(folder), "--out", str(tmp_path / "out"), "--keep-going", "--no-view")
    assert result.exit_code == 1
    assert "Skipped: " in result.stderr and "empty.txt: article is empty" in result.stderr
    assert "binary.txt" in result.stderr and "Traceback" not in result.output
    assert "person:mustafa-suleyman" in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    strict = run("build", str(folder), "--out", str(tmp_path / "out2"), "--no-view")
    assert strict.exit_code == 2 and not (tmp_path / "out2" / "graph.ttl").exists()


def test_two_builds_at_once_on_one_folder_are_refused(tmp_path):
    import fcntl

    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".lock", "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a build in progress
        (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
        result = run("build", str(tmp_path / "a.txt"), "--out", str(out), "--no-view")
        assert result.exit_code == 2 and "another kg build is writing" in result.stderr
    assert run("build", str(tmp_path / "a.txt"), "--out", str(out), "--no-view").exit_code == 0
