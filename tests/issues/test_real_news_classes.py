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


def test_arabic_denial_of_an_acquisition_without_parties(tmp_path):
    """"لم تكن هذه الصفقة استحواذا كاملا": the deal the article names is no acquisition, even when
    the headline says the buyer "acquires in practice"; a conditional "لو قامت بشراء" is no purchase."""
    ex = run(tmp_path, "d.ar.txt", "مايكروسوفت تستحوذ عمليا على شركة Inflection AI\n\n"
             "لم تكن هذه الصفقة استحواذا كاملا بالمعنى المعروف، بل اتفاقية ترخيص. "
             "حصلت مايكروسوفت على رخصة لاستخدام تقنيات Inflection AI مقابل 650 مليون دولار. "
             "ولو قامت بشراء الشركة بالكامل لتدخل المنظمون.\n")
    assert all("Acquisition" not in kinds for kinds, _ in roles(ex))
    assert any("LicensingDeal" in kinds for kinds, _ in roles(ex))


def test_rather_than_acquiring(tmp_path):
    ex = run(tmp_path, "r.en.txt", "Amazon licenses Adept\n\nAmazon paid $330 million to license Adept's "
             "technology rather than acquiring Adept outright.\n")
    assert all("Acquisition" not in kinds for kinds, _ in roles(ex))


def test_known_person_in_another_arabic_transliteration(tmp_path):
    """Arabic spellings of foreign names vary in vowels and in ج/غ: the consonants decide."""
    ex = run(tmp_path, "t.ar.txt", "ميسترال\n\nأسس الشركة آرثر مينش وجيّوم لامبل في باريس.\n")
    assert "person/guillaume-lample" in ex.entities
