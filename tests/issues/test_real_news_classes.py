"""Classes of real news writing that a second blind set of articles showed were missed; each test
is a general pattern of Arabic or English news, written here in new words."""
from __future__ import annotations

from kg.lexicon import default_lexicon
from kg.read import read_article
from kg.relations import extract


def run(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract(read_article(path), default_lexicon())


def roles(ex):
    return [(d.kinds, {r for r in d.roles if r[0] != "party"}) for d in ex.deals]


def test_unknown_name_with_ai_suffix_and_nominal_passive(tmp_path):
    """"Quill AI" is one name (not "French AI"), and "X's acquisition by Y" makes Y the acquirer."""
    ex = run(tmp_path, "a.en.txt", "Quill AI's $90m acquisition by US chipmaker AMD\n\n"
             "Dana Moretti is the CEO and co-founder of Quill AI, a French AI startup.\n")
    assert "org/quill-ai" in ex.entities and "org/french-ai" not in ex.entities
    assert roles(ex) == [(("Acquisition",), {("acquirer", "org/amd"), ("target", "org/quill-ai")})]
