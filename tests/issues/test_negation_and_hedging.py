"""What an article denies is not asserted; planned and reported deals are marked, not dropped.
Issue 3 ("Negation and hedging")."""
from __future__ import annotations

import kg
from kg.query import Store, rows

Q = "PREFIX sanad: <https://w3id.org/sanad/ontology#>\n"


def build(tmp_path, name, text):
    (tmp_path / "in").mkdir(exist_ok=True, parents=True)
    (tmp_path / "in" / name).write_text(text, encoding="utf-8")
    kg.build([tmp_path / "in"], tmp_path / "out", view=False)
    return Store(tmp_path / "out" / "graph.trig")


def test_denied_acquisition_english(tmp_path):
    store = build(tmp_path, "a.en.txt", "Microsoft licenses Inflection models\n"
                  "Microsoft did not formally acquire Inflection AI, Bloomberg reported. Instead Microsoft paid "
                  "$620 million for a license to serve Inflection's models.\n")
    assert not bool(store.query(Q + "ASK { ?d a sanad:Acquisition }"))
    deal = rows(store, Q + "SELECT ?s WHERE { ?d a sanad:LicensingDeal ; sanad:licensee org:microsoft ; "
                           "sanad:licensor org:inflection-ai ; sanad:status ?s }")
    assert deal == [{"s": "reported"}]


def test_denied_acquisition_arabic(tmp_path):
    store = build(tmp_path, "a.ar.txt", "جوجل والترخيص\nقالت الشركة إن جوجل لم تستحوذ على Character.ai، "
                  "لكنها دفعت 2.7 مليار دولار مقابل ترخيص تقنية الشركة الناشئة.\n")
    assert not bool(store.query(Q + "ASK { ?d a sanad:Acquisition }"))
    assert bool(store.query(Q + "ASK { ?d a sanad:LicensingDeal ; sanad:licensee org:google ; sanad:licensor org:character-ai }"))


def test_planned_acquisition_is_marked(tmp_path):
    store = build(tmp_path, "p.en.txt", "Nvidia in talks\nNvidia is in talks to acquire the startup Deci AI "
                  "for about $300 million, according to people familiar with the matter.\n")
    status = rows(store, Q + "SELECT ?s WHERE { ?d a sanad:Acquisition ; sanad:acquirer org:nvidia ; sanad:status ?s }")
    assert status == [{"s": "planned"}]


def test_planned_acquisition_arabic(tmp_path):
    store = build(tmp_path, "p.ar.txt", "صفقة محتملة\nتجري شركة إنفيديا محادثات للاستحواذ على شركة ديسي "
                  "مقابل 300 مليون دولار.\n")
    status = rows(store, Q + "SELECT ?s WHERE { ?d a sanad:Acquisition ; sanad:acquirer org:nvidia ; sanad:status ?s }")
    assert status == [{"s": "planned"}]


def test_crlf_and_lone_cr_line_ends(tmp_path):
    """Issue 7: CRLF and lone CR line ends read like LF; offsets still index the text as read."""
    for name, sep in (("crlf.en.txt", "\r\n"), ("cr.en.txt", "\r")):
        text = sep.join(["Microsoft hires", "Microsoft hired Inflection CEO Mustafa Suleyman, Bloomberg reported."]) + sep
        (tmp_path / name).mkdir()
        store = build(tmp_path / name, name, text)
        assert bool(store.query(Q + "ASK { org:microsoft sanad:hired person:mustafa-suleyman }"))
        headline = rows(store, Q + "SELECT ?h WHERE { ?a sanad:headline ?h }")
        assert headline == [{"h": "Microsoft hires@en"}]


def test_failed_and_not_quite_acquisitions_are_denials(tmp_path):
    """A failed attempt or bid to buy, and a "not-quite acquisition", assert no acquisition."""
    texts = {
        "f.en.txt": "Oracle hires after a failed bid\nThe hires follow Oracle's failed attempt to acquire Quill AI "
                    "earlier this year. Salesforce failed to acquire Vector Labs in 2023.\n",
        "q.en.txt": "A familiar pattern\nThe arrangement recalls Google's earlier not-quite acquisition of Quill AI.\n",
        "f.ar.txt": "أوراكل توظف\nجاءت الخطوة بعد محاولة فاشلة للاستحواذ على شركة كويل إيه آي. "
                    "وكانت سيلزفورس قد فشلت في الاستحواذ على شركة فيكتور لابز.\n",
    }
    for name, text in texts.items():
        store = build(tmp_path / name, name, text)
        assert not bool(store.query(Q + "ASK { ?d a sanad:Acquisition }")), name


def test_an_attempt_the_sentence_says_came_to_nothing_is_a_denial(tmp_path):
    """"tried to buy X, but the deal fell through" / "حاولت الاستحواذ على X لكن الصفقة لم تكتمل":
    no acquisition; the same attempt with no word of failure, and a failure with no attempt, are
    read as before."""
    denied = {
        "a.en.txt": "Chips\nNvidia had tried to acquire Lumen Silicon for $900 million, but the deal fell through.\n",
        "b.en.txt": "Chips\nAMD sought to buy Lumen Silicon last year; the talks collapsed in March.\n",
        "c.ar.txt": "رقائق\nوكانت إنفيديا قد حاولت سابقا الاستحواذ على شركة لومن سيليكون مقابل 900 مليون دولار، "
                    "لكن الصفقة لم تكتمل.\n",
        "d.ar.txt": "رقائق\nسعت أبل إلى شراء شركة لومن سيليكون العام الماضي، إلا أن المحادثات انهارت.\n",
    }
    for name, text in denied.items():
        store = build(tmp_path / name, name, text)
        assert not bool(store.query(Q + "ASK { ?d a sanad:Acquisition }")), name
    kept = {  # an acquisition still: no failure said, or a failure of something else
        "e.en.txt": "Chips\nNvidia acquired Lumen Silicon for $900 million after its own chip project collapsed.\n",
        "f.ar.txt": "رقائق\nاستحوذت إنفيديا على شركة لومن سيليكون مقابل 900 مليون دولار.\n",
    }
    for name, text in kept.items():
        store = build(tmp_path / name, name, text)
        assert bool(store.query(Q + "ASK { ?d a sanad:Acquisition }")), name


def test_a_plan_or_bid_the_article_says_fell_apart_denies_the_acquisition_everywhere(tmp_path):
    """"X's plan (bid, offer) to acquire Y fell apart": no acquisition of Y by X, not even from another
    sentence of the article that reports the deal as close; a plan that went ahead is still read."""
    denied = {
        "a.en.txt": "Nvidia's plan to acquire Quarry Labs fell apart\n\nIn March, Nvidia was reported to be close to "
                    "buying Quarry Labs for $2 billion.\n",
        "b.en.txt": "Code tools\n\nAMD's $1 billion bid to buy Quarry Labs collapsed on Friday. AMD agreed to "
                    "acquire Quarry Labs in May.\n",
    }
    for name, text in denied.items():
        store = build(tmp_path / name, name, text)
        assert not bool(store.query(Q + "ASK { ?d a sanad:Acquisition }")), name
    store = build(tmp_path / "c", "c.en.txt", "Code tools\n\nNvidia's plan to acquire Quarry Labs went ahead: Nvidia "
                  "acquired Quarry Labs for $2 billion.\n")
    assert bool(store.query(Q + "ASK { ?d a sanad:Acquisition }"))
