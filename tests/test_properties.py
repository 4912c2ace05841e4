"""Invariants of the spec, for any text: extraction never raises, every evidence span satisfies
text[start:end] == exact, the graph passes SHACL, and serialization round-trips."""
from __future__ import annotations

import hashlib

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.export import serialize, union
from kg.iris import article_key
from kg.lexicon import default_lexicon
from kg.model import Article
from kg.rdf import to_dataset
from kg.read import detect_language
from kg.relations import extract
from kg.validate import check_shapes
from kg.vocab import SANAD

WORDS = ["قال", "نافين", "راو", "الرئيس", "التنفيذي", "لشركة", "OpenAI", "جوجل", "دفعت", "2.7", "مليار", "دولار",
         "،", ":", "«", "»", "“", "”", '"', "Google", "hired", "CEO", "Sam", "Altman", "said", "$650", "million",
         "10,000", "H100", "GPUs", "Nvidia", "did", "not", "acquire", "Character.ai", "\n", ".", "١٠٬٠٠٠", "شريحة",
         "The", "Verge's", "Command", "Line", "co-founder", "ex-Meta", "who", "previously", "at", "ـ", "\u200f"]
texts = st.one_of(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=60).map(" ".join),
    st.text(min_size=1, max_size=300),
    st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF) | st.sampled_from(" .،:\n\"“”«»"),
            min_size=1, max_size=200),
)


def article(text: str) -> Article:
    return Article(article_key("prop"), "prop.txt", text, detect_language(text),
                   hashlib.sha256(text.encode("utf-8")).hexdigest(), title=text.splitlines()[0][:80] or None)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
@example("CEO")  # (a title alone: a look two items back once ran off the start of the article)
def test_extraction_never_raises_and_spans_hold(text):
    ex = extract(article(text), default_lexicon())
    spans = [m.span for m in ex.mentions] + [r.evidence for r in ex.relations] + [q.evidence for q in ex.quotes]
    spans += [p.evidence for p in ex.positions] + [h.evidence for h in ex.hardware] + [m.span for m in ex.amounts]
    spans += [s for d in ex.deals for s in d.evidence]
    for span in spans:
        assert text[span.start:span.end] == span.exact and span.start < span.end


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=3, max_size=50).map(" ".join))
def test_any_graph_conforms_and_round_trips(text):
    ds = to_dataset([extract(article(text), default_lexicon())])
    g = union(ds)
    conforms, _, report = check_shapes(g)
    assert conforms, report
    for ev in g.subjects(predicate=SANAD.exact):
        assert text[int(g.value(ev, SANAD.start)):int(g.value(ev, SANAD.end))] == str(g.value(ev, SANAD.exact))
    ttl = serialize(ds, "turtle")
    again = Graph().parse(data=ttl.decode("utf-8"), format="turtle")
    assert isomorphic(again, g)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
@example("استحوذت وجوجل على الشركة، والتي قالت إنها لن تشتري. Google bought it.")
def test_the_items_found_by_word_are_those_is_word_accepts(text):
    """Context.where (the extractors' loops that look for a word read the article's index of words)
    finds exactly the items is_word accepts, with and without proclitics, in the article and in a sentence."""
    from kg.extractors.context import Context
    from kg.mentions import find_mentions
    from kg.model import Extraction

    lex = default_lexicon()
    art = article(text)
    ctx = Context(find_mentions(art, lex), Extraction(art))
    lists = [lex.words_both(name) for name in ("acquire_words", "negation", "relative", "move_verbs", "invest_words")]
    lists += [frozenset({"من", "the", "جوجل"}), frozenset(it.norm for it in ctx.items[:3])]
    for words in lists:
        for proclitic in (True, False):
            every = [i for i in range(len(ctx.items)) if ctx.is_word(i, words, proclitic)]
            assert ctx.where(words, proclitic) == every
            for i in range(0, len(ctx.items), 3):
                same = ctx.sentence_range(i)
                assert ctx.where(words, proclitic, within=list(same)) == [k for k in every if k in same]
