"""Stage 2: an Article becomes a Doc: its tokens grouped into items (entity mentions, titles,
money, numbers, plain tokens), each with its span in the original text.

Entities are found three ways: names from the lexicon (any spelling, Arabic proclitics
allowed), unknown names typed from context (Latin-script names inside Arabic text, capitalised
names in English, "شركة X", "X's CEO", "startup X"), and surnames of people named in full
elsewhere in the same article.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from kg import iris
from kg.lexicon import Lexicon
from kg.model import Article, Entity, Mention, Money, Span, Token
from kg.text import norm, parse_number, sentences, tokenize

ORG_TYPES = ("Company", "MediaOutlet", "Organization")


@dataclass
class Item:
    """One unit of text for the extractors: an entity mention, a title, money, a number or a token."""

    start: int
    end: int
    kind: str  # ent, title, money, num, tok
    norm: str
    script: str = ""
    key: str | None = None
    etype: str | None = None
    title: dict | None = None
    money: Money | None = None
    value: Decimal | None = None
    words: tuple[str, ...] = ()  # normalized tokens covered (for titles: the words, proclitic removed)
    prefix: str = ""  # a proclitic glued to the first word and left out of the span ("ل" in "لموظف")

    @property
    def is_org(self) -> bool:
        return self.kind == "ent" and self.etype in ORG_TYPES

    @property
    def is_person(self) -> bool:
        return self.kind == "ent" and self.etype == "Person"


@dataclass
class Doc:
    article: Article
    lex: Lexicon
    tokens: tuple[Token, ...]
    items: list[Item] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    labels: dict[str, dict] = field(default_factory=dict)  # key -> entity data being gathered
    mentions: list[Mention] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    _proclitic_forms: dict[int, list[tuple[str, int]]] = field(default_factory=dict)  # token start -> forms
    range_ends: list[Money] = field(default_factory=list)  # the upper ends of "$250-350 million"

    @property
    def token_index(self) -> dict[int, int]:
        """Token start offset -> its index."""
        if not hasattr(self, "_token_index"):
            self._token_index = {t.start: i for i, t in enumerate(self.tokens)}
        return self._token_index

    @property
    def token_starts(self) -> tuple[int, ...]:
        """The start offset of each token, in order (for bisecting an offset to a token)."""
        if not hasattr(self, "_token_starts"):
            self._token_starts = tuple(t.start for t in self.tokens)
        return self._token_starts

    @property
    def norms(self) -> tuple[str, ...]:
        """The normalized form of each token, in order."""
        if not hasattr(self, "_norms"):
            self._norms = tuple(t.norm for t in self.tokens)
        return self._norms

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def lang(self) -> str:
        return self.article.language

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def sentence_index(self, pos: int) -> int:
        if len(self._starts) != len(self.sentences):
            self._starts = [s for s, _ in self.sentences]
        return max(0, bisect.bisect_right(self._starts, pos) - 1)

    def sentence_items(self, index: int) -> list[Item]:
        start, end = self.sentences[index]
        return [it for it in self.items if start <= it.start and it.end <= end]

    def sentence_span(self, pos: int) -> tuple[int, int]:
        return self.sentences[self.sentence_index(pos)]

    def add_entity(self, key: str, etype: str, surface: str, *, how: str, span: Span,
                   known=None, described: bool = False) -> None:
        data = self.labels.setdefault(key, {"etype": etype, "labels": {}, "alt": set(), "wikidata": None,
                                            "described": described})
        if known is not None:
            data["wikidata"] = known.wikidata
            for name, lang in ((known.en, "en"), (known.ar, "ar")):
                if name:
                    data["labels"].setdefault(lang, name)
            for alias in known.aliases:
                data["alt"].add((alias, script_lang(alias)))
        if known is not None:
            data["known"] = True
        lang = script_lang(surface)
        if how != "anaphor":
            current = data["labels"].get(lang)
            if current is None:
                data["labels"][lang] = surface
            elif current != surface:
                if not data.get("known") and how in ("name", "lexicon") and len(surface) > len(current):
                    data["labels"][lang], surface = surface, current  # the fullest name is the label
                data["alt"].add((surface, lang))
        self.mentions.append(Mention(span, key, etype, how))

    def entities(self) -> dict[str, Entity]:
        out = {}
        for key, data in sorted(self.labels.items()):
            labels = tuple(sorted((text, lang) for lang, text in data["labels"].items()))
            alt = tuple(sorted(a for a in data["alt"] if a not in labels))
            out[key] = Entity(key, data["etype"], labels, alt, data["wikidata"], data["described"])
        return out


def script_lang(text: str) -> str:
    return "ar" if any("\u0600" <= c <= "\u06ff" for c in text) else "en"


def find_mentions(article: Article, lex: Lexicon) -> Doc:
    doc = Doc(article, lex, tokenize(article.text))
    doc.sentences = sentences(article.text)
    taken: list[Item] = []
    taken += _money(doc)
    taken += _known_entities(doc, _free(taken))
    taken += _unknown_models(doc, _free(taken), taken)
    taken += _known_spelled_otherwise(doc, _free(taken))
    taken += _surnames(doc, _free(taken), taken)
    taken += _unknown_entities(doc, _free(taken), taken)
    taken += _arabic_orgs(doc, _free(taken))
    taken += _arabic_names(doc, _free(taken))
    taken += _short_form_mentions(doc, _free(taken), taken)
    taken += _surnames(doc, _free(taken), taken)
    taken += _given_names(doc, _free(taken), taken)
    taken += _known_surnames(doc, _free(taken))
    taken = _prefer_surnames(doc, taken)
    _merge_latin_glosses(doc, taken)
    taken += _titles(doc, _free(taken))
    taken += _numbers(doc, _free(taken))
    covered = {i for it in taken for i in range(it.start, it.end)}
    for tok in doc.tokens:
        if not any(i in covered for i in range(tok.start, tok.end)):
            taken.append(Item(tok.start, tok.end, "tok", tok.norm, tok.script))
    doc.items = sorted(taken, key=lambda it: (it.start, -it.end))
    return doc


def _merge_latin_glosses(doc: Doc, taken: list[Item]) -> None:
    """An Arabic organization name glossed in Latin letters right after it, in parentheses ("«لحن» (Lahn
    AI)", "«أكسفورد سيمانتك» (Oxford Semantic Technologies)"), is one organization, not two: the gloss's
    entity (or the one the lexicon knows) keeps its key and takes the other's labels and mentions."""
    toks = doc.tokens
    orgs = {it.start: it for it in taken if it.is_org}
    mapping: dict[str, str] = {}
    for a in sorted(orgs.values(), key=lambda it: it.start):
        if a.script != "ar":
            continue
        j = _token_at_or_after(doc, a.end)
        while j < len(toks) and toks[j].text in QUOTE_MARKS:
            j += 1
        if j + 1 >= len(toks) or toks[j].text != "(":
            continue
        b = orgs.get(toks[j + 1].start)
        close = _token_at_or_after(doc, b.end) if b is not None else len(toks)
        if b is None or b.script == "ar" or close >= len(toks) or toks[close].text != ")" or b.key == a.key:
            continue
        keep, drop = (a, b) if doc.labels[a.key].get("known") and not doc.labels[b.key].get("known") else (b, a)
        mapping[drop.key] = keep.key
    if not mapping:
        return
    for old, new in mapping.items():
        while new in mapping and mapping[new] != old:
            new = mapping[new]
        mapping[old] = new
    for it in taken:
        if it.key in mapping:
            it.key, it.etype = mapping[it.key], doc.labels[mapping[it.key]]["etype"]
    for old, new in mapping.items():
        gone, kept = doc.labels.pop(old), doc.labels[new]
        for lang, text in gone["labels"].items():
            if kept["labels"].setdefault(lang, text) != text:
                kept["alt"].add((text, lang))
        kept["alt"] |= gone["alt"]
    doc.mentions = [Mention(m.span, mapping.get(m.key, m.key), doc.labels[mapping.get(m.key, m.key)]["etype"], m.how)
                    for m in doc.mentions]


def _token_at_or_after(doc: Doc, pos: int) -> int:
    """The index of the first token that starts at or after POS."""
    return bisect.bisect_left(doc.token_starts, pos)


def _free(taken: list[Item]):
    """A test that [start, end) overlaps none of the taken items (binary search over sorted spans)."""
    spans = sorted((it.start, it.end) for it in taken)
    starts = [s for s, _ in spans]
    ends = [e for _, e in spans]
    max_len = max((e - s for s, e in spans), default=0)

    def free(start: int, end: int) -> bool:
        i = bisect.bisect_left(starts, end)  # spans starting before `end`
        j = bisect.bisect_left(starts, start - max_len, 0, i)
        for k in range(j, i):
            if ends[k] > start:
                return False
        return True
    return free


def strip_proclitic(doc: Doc, tok: Token) -> list[tuple[str, int]]:
    """The token's normalized forms with each possible Arabic proclitic removed, with the
    original-text offset where the remainder starts."""
    if tok.script != "ar":
        return [(tok.norm, tok.start)]
    forms = doc._proclitic_forms.get(tok.start)
    if forms is None:
        forms = [(form, tok.start + delta) for form, delta in _proclitic_forms(tok.text, tok.norm, doc.lex.proclitics)]
        doc._proclitic_forms[tok.start] = forms
    return forms


@lru_cache(maxsize=65536)
def _proclitic_forms(text: str, word: str, proclitics: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    """(form, offset of its start within the token) for the word and each proclitic reading."""
    forms = [(word, 0)]
    for prefix in proclitics:
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) >= 2:
            forms.append((rest, _orig_len(text, len(prefix))))
    return tuple(forms)


def _orig_len(token_text: str, n_norm: int) -> int:
    """How many original characters produce the first n normalized characters."""
    count = 0
    for i, ch in enumerate(token_text):
        if count == n_norm:
            # skip tatweel and marks that belong to the proclitic
            while i < len(token_text) and not norm(token_text[i]):
                i += 1
            return i
        count += len(norm(ch))
    return len(token_text)


def _match_at(doc: Doc, i: int, index: dict, max_len: int, cased: bool = True, lengths: dict | None = None):
    """Longest phrase of `index` starting at token i: (entry, first_start, end_token_index, prefix).
    The longest over every reading of a glued proclitic: "والرئيس التنفيذي" is و + "الرئيس
    التنفيذي", not وال + "رئيس". `lengths` (first word -> lengths of the phrases it starts, longest
    first; see phrase_lengths) spares trying every length."""
    toks = doc.tokens
    if toks[i].script == "punct":
        return None
    if lengths is None:
        lengths = phrase_lengths(index)
    norms = doc.norms
    room = min(max_len, len(toks) - i)
    best = None
    for first, start in strip_proclitic(doc, toks[i]):
        for n in lengths.get(first, ()):
            if n > room:
                continue
            if best is not None and n <= best[2] - i:
                break
            entry = index.get((first,) + norms[i + 1:i + n])
            if entry is None:
                continue
            if not _contiguous(doc, toks[i:i + n]):
                continue
            if cased and toks[i].script == "latin" and not _case_ok(toks[i].text) \
                    and doc.text[toks[i].start:toks[i + n - 1].end] not in doc.lex.exact_names:
                continue
            best = (entry, start, i + n, toks[i].norm[: len(toks[i].norm) - len(first)])
            break
    return best


def phrase_lengths(index) -> dict[str, tuple[int, ...]]:
    """First word -> the lengths of the phrases of `index` it starts, longest first."""
    found: dict[str, set[int]] = {}
    for key in index:
        found.setdefault(key[0], set()).add(len(key))
    return {first: tuple(sorted(ns, reverse=True)) for first, ns in found.items()}


def _contiguous(doc: Doc, toks) -> bool:
    """Tokens of one phrase: adjacent or separated by one space, never by a line break."""
    return all(b.start - a.end <= 1 and doc.text[a.end:b.start] not in ("\n", "\r") for a, b in zip(toks, toks[1:]))


@lru_cache(maxsize=1 << 15)
def _case_ok(surface: str) -> bool:
    return surface[:1].isupper() or any(c.isupper() for c in surface[1:])


def _known_entities(doc: Doc, free) -> list[Item]:
    out = []
    i = 0
    lex = doc.lex
    while i < len(doc.tokens):
        hit = _match_at(doc, i, lex.index, lex.max_len, lengths=lex.index_lengths) or _model_plural(doc, i)
        if hit:
            entry_id, start, j, prefix = hit
            end = doc.tokens[j - 1].end
            if j == i + 1 and _inside_longer_quote(doc, i, j):
                i += 1  # "«إكس إن»": one word of a longer quoted name (XN), not X
                continue
            if _named_unit_after(doc, j, lex.entries[entry_id].etype):
                i = j  # "Samsung Foundry", "Samsung Research America": a unit named after its owner (read as a new name)
                continue
            if _platform_venue(doc, entry_id, i, j):
                # "posted on X", "عبر منصة إكس", "his LinkedIn profile": where something was said, no party (its
                # words stay plain tokens, so that no later reading takes them for a name)
                out += [Item(t.start, t.end, "tok", t.norm, t.script) for t in doc.tokens[i:j]]
                i = j
                continue
            if free(start, end):
                known = lex.entries[entry_id]
                key = f"{iris.kind_segment(known.etype)}/{known.id}"
                sp = doc.span(start, end)
                doc.add_entity(key, known.etype, sp.exact, how="lexicon", span=sp, known=known)
                out.append(Item(start, end, "ent", norm(sp.exact), key=key, etype=known.etype, prefix=prefix))
                i = j
                continue
        i += 1
    return out


def _platform_venue(doc: Doc, entry_id: str, i: int, j: int) -> bool:
    """A social platform named as the place something was posted ("in a post on X", "عبر منصة «إكس»",
    "according to his LinkedIn profile"): the article names no party to anything there."""
    lex = doc.lex
    if entry_id not in lex.patterns["platform_entities"]:
        return False
    toks = doc.tokens
    quotes = {'"', "“", "”", "«", "»"}
    k = i - 1
    while k >= 0 and toks[k].text in quotes:
        k -= 1
    m = j
    while m < len(toks) and toks[m].text in quotes:
        m += 1
    before = toks[k] if k >= 0 else None
    after = toks[m] if m < len(toks) else None
    if after is not None and after.norm in lex.words("platform_venue_after_en"):
        return True
    if before is None:
        return False
    if before.script == "ar":  # "في تغريدة له على موقع إكس", "قال عبر منصة «إكس»" (not "استحواذها على منصة إكس")
        posting = lex.words("platform_posting_words_ar")
        return any(f in lex.words("platform_venue_before_ar") for f, _ in strip_proclitic(doc, before)) and any(
            f in posting for t in toks[max(0, k - 7):k] for f, _ in strip_proclitic(doc, t))
    return before.norm in lex.words("platform_venue_before_en")


@lru_cache(maxsize=4)
def _unit_name_words(lex: Lexicon) -> frozenset[str]:
    """Company words that make a known name go on into a unit's name ("Foundry", "Research"), not the
    corporate suffixes of the same company ("Rakuten Group", "Huawei Technologies", "Nvidia Corp")."""
    return frozenset(lex.patterns["type_cues"]["Company"]["inside_en"]) - frozenset(lex.patterns["same_company_suffixes_en"])


def _named_unit_after(doc: Doc, j: int, etype: str) -> bool:
    """An organization's English name at token j goes on into a longer name that a company word
    ends or carries ("Samsung Foundry", "Samsung Research America", "Aramco Digital"): up to three
    more capitalized words on the same line, one of them a company's inside word."""
    if etype not in ("Company", "Organization"):
        return False
    toks = doc.tokens
    inside = _unit_name_words(doc.lex)
    run = []
    for q in range(j, min(j + 3, len(toks))):
        t = toks[q]
        if t.script != "latin" or not t.text[:1].isupper() or "\n" in doc.text[toks[q - 1].end:t.start] \
                or doc.text[toks[q - 1].end:t.start] != " ":
            break
        run.append(t.text)
    return any(w in inside for w in run)


def _inside_longer_quote(doc: Doc, i: int, j: int) -> bool:
    """Token i (a one-word match ending before token j) opens a quoted name that goes on: an opening
    mark right before it, a word after it, the closing mark within two more words."""
    toks = doc.tokens
    if i == 0 or toks[i - 1].text not in ("«", "“", '"') or j >= len(toks) or toks[j].script == "punct":
        return False
    return any(toks[q].text in ("»", "”", '"') for q in range(j + 1, min(j + 3, len(toks))))


def _model_plural(doc: Doc, i: int):
    """"350,000 H100s", "TPUs": the English plural of a known hardware model written as a code."""
    tok = doc.tokens[i]
    if tok.script != "latin" or not re.fullmatch(r"[A-Z][A-Z0-9-]*[A-Z0-9]s", tok.text):
        return None
    entry_id = doc.lex.index.get((tok.norm[:-1],))
    if entry_id is None or doc.lex.entries[entry_id].etype != "HardwareModel":
        return None
    return entry_id, tok.start, i + 1, ""


MODEL_CODE = re.compile(r"[A-Z]{1,4}\d{2,4}[A-Z]{0,3}")


def _unknown_models(doc: Doc, free, taken: list[Item]) -> list[Item]:
    """A chip model no lexicon lists, written as a code ("MI450", "GB400"), where the words around
    say it is a chip: its maker right before ("AMD MI450", "Nvidia's X100"), a chip family word before
    ("Instinct MI450"), or a chip noun right after ("MI450 GPUs") or, in Arabic, before ("شريحة MI450",
    "من طراز MI450")."""
    lex = doc.lex
    makers = {k for k in lex.patterns.get("maker_families", {}) if k != "description"}
    families = lex.words("chip_family_words_en")  # (normalised: compared with a token's norm)
    chips = {w for name in ("chip_nouns_en", "chip_nouns_ar") for phrase in lex.phrases(name) for w in phrase} | {"طراز"}
    ends = {it.end: it for it in taken if it.kind == "ent"}
    toks = doc.tokens
    out = []
    for i, tok in enumerate(toks):
        if tok.script != "latin" or not MODEL_CODE.fullmatch(tok.text) or not free(tok.start, tok.end):
            continue
        prev = toks[i - 1] if i else None
        gap = doc.text[prev.end:tok.start] if prev is not None else ""
        maker = ends.get(prev.end) if prev is not None and gap == " " else None
        for b in (i - 1, i - 2, i - 3):  # "Nvidia's X100", "AMD's upcoming MI450": an adjective or two between
            if maker is None and b >= 2 and toks[b].norm == "s" and toks[b - 1].norm in ("'", "’") \
                    and all(t.script == "latin" and t.text.islower() and t.text.isalpha() for t in toks[b + 1:i]):
                maker = ends.get(toks[b - 1].start)
        cued = maker is not None and maker.key in makers
        cued = cued or prev is not None and gap == " " and prev.norm in families
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and nxt.text == "AI" and i + 2 < len(toks) and toks[i + 2].norm in chips:
            nxt = toks[i + 2]  # "the MI450 AI chip"
        cued = cued or nxt is not None and doc.text[toks[doc.token_index[nxt.start] - 1].end:nxt.start] == " " \
            and nxt.norm in chips and nxt.script == "latin"
        cued = cued or doc.lang == "ar" and prev is not None and any(f in chips for f, _ in strip_proclitic(doc, prev))
        if not cued:
            continue
        out.append(_model_item(doc, tok))
    # a model named in letters only, in quotes after a chip noun and its describing words: "معالج الجيل
    # الثاني “RNGD”" (not an acronym such as GPU or LLM: patterns.json not_model_acronyms)
    acronyms = {w.upper() for w in lex.words("not_model_acronyms")}
    for i, tok in enumerate(toks):
        if tok.script != "latin" or not re.fullmatch(r"[A-Z]{3,6}", tok.text) or tok.text in acronyms \
                or not free(tok.start, tok.end) or i < 2 or toks[i - 1].text not in ("“", '"', "«"):
            continue
        back = [t for t in toks[max(0, i - 5):i - 1] if t.script == "ar"]
        if doc.lang == "ar" and back and any(f in chips for t in back[:2] for f, _ in strip_proclitic(doc, t)) \
                and all(_definite_article(t) or any(f in chips for f, _ in strip_proclitic(doc, t)) for t in back):
            out.append(_model_item(doc, tok))
    return out


def _model_item(doc: Doc, tok: Token) -> Item:
    key = f"{iris.kind_segment('HardwareModel')}/{iris.slug(tok.text)}"
    sp = doc.span(tok.start, tok.end)
    doc.add_entity(key, "HardwareModel", sp.exact, how="name", span=sp)
    return Item(tok.start, tok.end, "ent", norm(sp.exact), key=key, etype="HardwareModel")


def _known_spelled_otherwise(doc: Doc, free) -> list[Item]:
    """A known person's or organization's name in another Arabic transliteration ("شينغجيا تشاو" for
    "شنغجيا تشاو", "وجيّوم لامبل" for "غيوم لامبل", "تايجر جلوبال" for "تايغر غلوبال"): the same
    consonant skeleton, word for word."""
    from kg.resolve import skeleton

    index = doc.lex.name_skeletons
    toks = doc.tokens
    out = []
    i = 0
    while i < len(toks) - 1:
        if toks[i].script != "ar" or not free(toks[i].start, toks[i].end):
            i += 1
            continue
        hit = None
        for n in (3, 2):
            words = toks[i:i + n]
            if len(words) < n or any(t.script != "ar" for t in words) or not _contiguous(doc, words) \
                    or not free(words[0].start, words[-1].end):
                continue
            rest = " ".join(skeleton(t.norm) for t in words[1:])
            for form, start in strip_proclitic(doc, toks[i]):
                if len(form) < len(toks[i].norm) and toks[i].norm[:len(toks[i].norm) - len(form)] not in ("و", "ل", "ب"):
                    continue  # a name takes و, ل or ب at most
                entry_id = index.get(f"{skeleton(form)} {rest}")
                if entry_id is not None:
                    hit = (entry_id, start, i + n, toks[i].norm[:len(toks[i].norm) - len(form)])
                    break
            if hit:
                break
        if hit is None:
            i += 1
            continue
        entry_id, start, j, prefix = hit
        known = doc.lex.entries[entry_id]
        key = f"{iris.kind_segment(known.etype)}/{known.id}"
        sp = doc.span(start, toks[j - 1].end)
        doc.add_entity(key, known.etype, sp.exact, how="lexicon", span=sp, known=known)
        out.append(Item(sp.start, sp.end, "ent", norm(sp.exact), key=key, etype=known.etype, prefix=prefix))
        i = j
    return out


def _unknown_entities(doc: Doc, free, taken: list[Item]) -> list[Item]:
    """Names in no lexicon, typed from the words around them; untyped runs are dropped.
    A short form of an organization named in full in the same article ("Inflection" after
    "Inflection AI", "Halcyon" after "Halcyon Compute") is that organization."""
    runs = _name_runs(doc, free)
    typed: dict[str, str] = {}
    for run in runs:
        etype = _cue_type(doc, run)
        if etype:
            typed.setdefault(_surface_key(doc, run), etype)
    for a, b in zip(runs, runs[1:]):  # names in one list share a type: "the startups Run:ai and Deci AI"
        between = doc.text[a[-1].end:b[0].start].strip()
        ka, kb = _surface_key(doc, a), _surface_key(doc, b)
        if between in ("and", ",", "و", "،", ", and") and (ka in typed) != (kb in typed):
            shared = typed.get(ka, typed.get(kb))
            # "researchers Misha Laskin and Ioannis Antonoglou": two full names, two people
            if shared in ORG_TYPES or shared == "Person" and len(a) >= 2 and len(b) >= 2:
                typed.setdefault(ka, shared)
                typed.setdefault(kb, shared)
    # the surname of a person named in full here is that person, whatever its neighbours suggest
    # ("According to Laskin, Reflection AI ..."): left to the surname pass
    surnames = {run[-1].norm for run in runs if len(run) >= 2 and typed.get(_surface_key(doc, run)) == "Person"}
    for run in runs:
        if len(run) == 1 and run[0].norm in surnames:
            typed[_surface_key(doc, run)] = None
    # a name listed with a known organization: "such as BlackRock, Fidelity, Andreessen Horowitz",
    # "the startups Run:ai and Deci AI", "Amnon Shashua's AI21 and Tabnine"
    org_ends = {it.end: it for it in taken if it.is_org and it.etype != "MediaOutlet"}
    org_starts = {it.start: it for it in taken if it.is_org and it.etype != "MediaOutlet"}
    links = ("and", ",", "و", "،", ", and", "or")
    for run in runs:  # (and the names typed already)
        if typed.get(_surface_key(doc, run)) in ORG_TYPES:
            item = Item(run[0].start, run[-1].end, "ent", "", key="", etype=typed[_surface_key(doc, run)])
            org_ends.setdefault(run[-1].end, item)
            org_starts.setdefault(run[0].start, item)
    grew = True
    while grew:  # (a list goes on past the names it types: "Sony, NTT, and KDDI")
        grew = False
        for run in runs:
            if _surface_key(doc, run) in typed:
                continue
            k = doc.token_index[run[-1].start] + 1
            if len(run) == 1 and k < len(doc.tokens) and doc.tokens[k].script == "latin" and doc.tokens[k].text.islower() \
                    and not (run[0].text.isupper() and len(run[0].text) > 1):
                continue  # "Nvidia and French state investment bank Bpifrance": an adjective (not "and KDDI participated")
            left = next((org_ends[run[0].start - cut] for cut in range(1, 8)
                         if run[0].start - cut in org_ends and doc.text[run[0].start - cut:run[0].start].strip() in links), None)
            right = next((org_starts[run[-1].end + cut] for cut in range(1, 8)
                          if run[-1].end + cut in org_starts and doc.text[run[-1].end:run[-1].end + cut].strip() in links), None)
            if left is not None or right is not None:
                etype = (left or right).etype
                typed[_surface_key(doc, run)] = etype
                item = Item(run[0].start, run[-1].end, "ent", "", key="", etype=etype)
                org_ends[run[-1].end], org_starts[run[0].start] = item, item
                grew = True
    full = [(it.key, it.etype, doc.text[it.start:it.end]) for it in taken if it.is_org]
    for run in runs:
        etype = typed.get(_surface_key(doc, run))
        if etype in ORG_TYPES:
            sp = doc.span(run[0].start, run[-1].end)
            full.append((iris.entity_key(etype, sp.exact), etype, sp.exact))
    short = _short_forms(doc, full)
    # "Preferred Networks (PFN)": an acronym glossed in parentheses right after a name is that organization
    toks = doc.tokens
    named = [(it.start, it.end, it.key, it.etype) for it in taken if it.is_org]
    named += [(run[0].start, run[-1].end, iris.entity_key(typed[_surface_key(doc, run)],
                                                            doc.text[run[0].start:run[-1].end]), typed[_surface_key(doc, run)])
              for run in runs if typed.get(_surface_key(doc, run)) in ORG_TYPES]
    for start, end, key, etype in named:
        k = _token_at_or_after(doc, end)
        if k + 2 < len(toks) and toks[k].text == "(" and toks[k + 2].text == ")" \
                and toks[k + 1].text.isupper() and 2 <= len(toks[k + 1].text) <= 6 and toks[k + 1].script == "latin":
            short.setdefault(toks[k + 1].norm, (key, etype))
    # "Omar Al Hashimi" ... "Al Hashimi joins": a shorter run that ends a person's full name is that person
    people = {tuple(t.norm for t in run): run for run in runs if typed.get(_surface_key(doc, run)) == "Person"}
    short_of: dict[str, str] = {}
    for words in people:
        longer = [w for w in people if len(w) > len(words) and w[-len(words):] == words]
        if len(words) >= 2 and len(longer) == 1:
            short_of[" ".join(words)] = iris.entity_key("Person", doc.text[people[longer[0]][0].start:people[longer[0]][-1].end])
    out = []
    generic = doc.lex.words("generic_names_en")
    products = doc.lex.words_both("product_names")
    for run in runs:
        sp = doc.span(run[0].start, run[-1].end)
        key_here = _surface_key(doc, run)
        etype = typed.get(key_here)
        if key_here in generic or key_here in products:
            continue  # "Generative AI", "Big Tech", "Silicon Valley": a field or a place; "ChatGPT": a product
        known = short.get(key_here)
        if key_here in short_of:
            key, etype = short_of[key_here], "Person"
            doc.add_entity(key, etype, sp.exact, how="surname", span=sp)
        elif known and (etype is None or etype in ORG_TYPES):
            key, etype = known
            doc.add_entity(key, etype, sp.exact, how="short-form", span=sp)
        elif etype:
            key = iris.entity_key(etype, sp.exact)
            doc.add_entity(key, etype, sp.exact, how="name", span=sp)
        else:
            continue
        out.append(Item(sp.start, sp.end, "ent", norm(sp.exact), key=key, etype=etype))
    return out


def _short_forms(doc: Doc, orgs: list[tuple[str, str, str]]) -> dict[str, tuple[str, str]]:
    """Short forms of the organizations named in full in this article: the name without a
    generic suffix ("Inflection" for "Inflection AI") and its first word ("Halcyon" for
    "Halcyon Compute", "نوفا" for "نوفا للذكاء الاصطناعي")."""
    suffixes = doc.lex.words("org_suffixes")
    skip = doc.lex.words("stop_capitalized_en") | doc.lex.words("not_name_words_ar")
    candidates: dict[str, set[tuple[str, str]]] = {}
    for key, etype, surface in orgs:
        words = [t.norm for t in tokenize(surface) if t.script != "punct"]
        forms = []
        trimmed = list(words)
        while len(trimmed) >= 2 and trimmed[-1] in suffixes:
            trimmed = trimmed[:-1]
            forms.append(" ".join(trimmed))
        if len(words) >= 2 and words[0] not in skip and len(words[0]) >= 3:
            forms.append(words[0])
        for form in forms:
            candidates.setdefault(form, set()).add((key, etype))
    return {form: next(iter(keys)) for form, keys in candidates.items() if len(keys) == 1}


def _short_form_mentions(doc: Doc, free, taken: list[Item]) -> list[Item]:
    """Words left over that are the short form of an organization named in full ("في نوفا")."""
    from kg.resolve import skeleton  # the consonant skeleton that also merges scripts across articles

    full = [(it.key, it.etype, doc.text[it.start:it.end]) for it in taken if it.is_org]
    short = {k: v for k, v in _short_forms(doc, full).items() if " " not in k}
    # "فيريديان" in an Arabic article that also writes "Veridian Labs": the same skeleton
    latin_first = {}
    for key, etype, surface in full:
        words = [t.text for t in tokenize(surface) if t.script == "latin"]
        if words and len(skeleton(words[0]).replace(" ", "")) >= 3:
            latin_first.setdefault(skeleton(words[0]), set()).add((key, etype))
    by_skeleton = {sk: next(iter(v)) for sk, v in latin_first.items() if len(v) == 1}
    out = []
    for tok in doc.tokens:
        if tok.script not in ("ar", "latin") or not free(tok.start, tok.end):
            continue
        if tok.script == "latin" and not _case_ok(tok.text):
            continue
        for form, start in strip_proclitic(doc, tok):
            sk = skeleton(form) if tok.script == "ar" and not form.startswith("ال") else None
            if form in short or (sk is not None and sk in by_skeleton):
                key, etype = short[form] if form in short else by_skeleton[sk]
                sp = doc.span(start, tok.end)
                doc.add_entity(key, etype, sp.exact, how="short-form", span=sp)
                out.append(Item(sp.start, sp.end, "ent", form, tok.script, key=key, etype=etype,
                                prefix=tok.norm[: len(tok.norm) - len(form)]))
                break
    return out


def _arabic_names(doc: Doc, free) -> list[Item]:
    """Arabic-script names of people in no lexicon: two words (three with a particle such as بن)
    where the context says a person is meant: a title or occupation just before ("الرئيسة
    التنفيذية ليلى حداد", "الباحثة المغربية نادية بنعلي"), a speech or hiring verb before ("وقال
    أحمد الخطيب"، "توظيف هشام بركات"), "على يد", or a title or relative pronoun after a comma
    ("سامر الخطيب، نائب رئيس ..."، "هشام بركات، الذي ...")."""
    toks = doc.tokens
    lex = doc.lex
    ambiguous = lex.words("ambiguous_first_names_ar")
    # "علي" is ambiguous where a writer puts ي for ى ("علي" for the preposition "على"); an article that
    # writes "على" elsewhere keeps the two apart, and there "علي" is the name
    kept_apart = {w for w in ambiguous if w.endswith("ي") and re.search(
        rf"(?<![\u0600-\u06ff]){w[:-1]}ى(?![\u0600-\u06ff])", doc.text)}
    ambiguous = ambiguous - kept_apart
    firsts = lex.words("first_names_ar")
    stop = lex.words("not_name_words_ar") | lex.words("relative_ar") | lex.words("former_ar") \
        | lex.words("prepositions_ar") | lex.words("speech_verbs_ar") | lex.words("title_tail_ar")
    particles = lex.words("name_particles_ar")
    verbs = lex.words("speech_verbs_ar") | {w for p in lex.phrases("hire_words_ar") for w in p} \
        | lex.words("name_verbs_ar")  # verbs of holding, joining, leaving, founding: "وشغل NAME منصب"
    before_phrases = lex.phrases("person_before_ar")
    relatives = lex.words("relative_ar")
    honorifics = lex.words("honorifics_ar")
    org_nouns = frozenset().union(*(words for words, _ in lex.cue_words.values()))  # "لشركة المعرفة" names no one
    founded_it = lex.words("founded_object_verbs_ar")
    kin = lex.words("kinship_nouns_ar")
    east_asian_surnames = lex.words("east_asian_surnames_ar")
    numbers = {norm(w) for w in lex.patterns["number_words"]["ar"]}
    compound_firsts = lex.words("compound_first_names_ar")  # ("عبد" + "الله", then the surname)
    person_ends = {m.span.end for m in doc.mentions if m.etype == "Person"}
    out = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.script != "ar" or not free(tok.start, tok.end) or _definite_article(tok) \
                or any(f in org_nouns for f, _ in strip_proclitic(doc, tok)) \
                or tok.norm in stop and _plain(tok.text) not in kept_apart or _title_at(doc, i) or _purpose(doc, tok) \
                or re.fullmatch("ت[^ا]{2}ي[^ا]", tok.norm):  # ("إعادة تصميم تطبيقات": a verbal noun, تفعيل, is no name)
            i += 1
            continue
        j = _name_end(doc, i + 1, stop, particles)
        if j == i + 2 and tok.norm in compound_firsts:
            j = max(j, _name_end(doc, j, stop, particles))  # "عبد الله الزهراني": a first name of two words
        if j - i < 2 or not all(free(t.start, t.end) for t in toks[i:j]) or toks[j - 1].norm in stop:
            i += 1
            continue
        east_asian = next(((f, st) for f, st in strip_proclitic(doc, tok) if f in east_asian_surnames
                           and (st == tok.start or tok.norm not in east_asian_surnames)), None)
        if east_asian and j - i == 2 and j < len(toks) and toks[j].script == "ar" and len(toks[j].norm) <= 5 \
                and len(toks[j - 1].norm) <= 5 and free(toks[j].start, toks[j].end) and toks[j].norm not in stop \
                and _contiguous(doc, [toks[j - 1], toks[j]]) and not _title_at(doc, j) \
                and not _definite_article(toks[j]) and (not toks[j].norm.startswith("و") or toks[j].norm == "وو"):
            j += 1  # "وانغ شياو تشوان", "تشوي سونغ وو": a Korean or Chinese surname, then a given name of two syllables
        known_first = next(((f, st) for f, st in strip_proclitic(doc, tok) if f in firsts
                            and _plain(doc.text[st:tok.end]) not in ambiguous
                            and (st == tok.start or tok.norm not in firsts)), None) or east_asian  # "كريم" is not ك + "ريم"
        start = known_first[1] if known_first else tok.start
        # a third name in a list: "لوكاس باير وألكسندر كوليسنيكوف وشياوهوا زاي", "سكوت كانون، وتانج تان"
        listed = not known_first and bool(out) and out[-1].end >= toks[i - 2 if toks[i - 1].norm in ("،", ",") else i - 1].end \
            and tok.norm.startswith("و") and len(tok.norm) >= 4 and not toks[j - 1].norm.startswith("ال") \
            and tok.norm[1:] not in stop and j - i == 2
        if listed:
            start = tok.start + _orig_len(tok.text, 1)
        # for the cues below that read only the words around: no relative pronoun with و ("والتي حصلت"),
        # no word joined by a hyphen to the one before ("جن-سن هوانغ"), no noun with a possessive
        # ending ("يغادر منصبه"), not in the headline
        plain = not any(f in stop for f, _ in strip_proclitic(doc, tok)) and not (
            i and toks[i - 1].text in "-‐–" and toks[i - 1].end == tok.start) \
            and not (toks[j - 1].text.endswith("ه") and not toks[j - 1].text.endswith("الله")) \
            and doc.sentence_index(tok.start) > 0
        honored = bool(i) and toks[i - 1].norm in honorifics  # "عُيّن الدكتور NAME": past the honorific
        # a title right after the name, glued to ك ("as"): "انضمام NAME كنائب للرئيس"; or in the accusative (its
        # tanween alif): "عيّنت «أبل» NAME نائباً للرئيس", not a counted noun ("أفضل عشرين باحثًا")
        titled = j < len(toks) and (toks[j].norm.startswith("ك") or toks[j].text.endswith(("اً", "ًا")) and toks[j - 1].norm
                                    not in numbers) and _title_at(doc, j)
        cues = 2 * listed + honored + sum((
            _title_ends_at(doc, i),
            bool(i) and any(f in verbs for f, _ in strip_proclitic(doc, toks[i - 1 - honored]))
            and (i - 1 - honored >= 0),
            # the verb, its subject, then the name: "عينت أمازون NAME رئيسًا"
            i >= 2 and (not free(toks[i - 1].start, toks[i - 1].end) or toks[i - 1].norm == "مع") and any(
                f in verbs for f, _ in strip_proclitic(doc, toks[i - 2]))  # ("تعاقدت مع NAME")
            or _verb_company_before(doc, i, free, verbs, titled)  # "عينت شركة أوبن إيه آي NAME"
            # "وعيّنت المواطنة NAME", "كما عيّنت الشركة NAME": one definite word (a description, the
            # company) between the verb and the name
            or i >= 2 and toks[i - 1].script == "ar" and toks[i - 1].norm.startswith("ال")
            and free(toks[i - 1].start, toks[i - 1].end) and not _title_at(doc, i - 1)
            and any(f in verbs for f, _ in strip_proclitic(doc, toks[i - 2])),
            # "وشقيقته NAME": a kinship noun names a person next
            2 * (bool(i) and any(f in kin for f, _ in strip_proclitic(doc, toks[i - 1]))),
            # "التي أسسها NAME وNAME": a founding verb that carries its object, then its subject
            # (not a plural occupation: "أسسها باحثون سابقون في ميتا")
            2 * (bool(i) and toks[i - 1].norm in founded_it
                 and not (tok.norm.endswith(("ون", "ين")) and (tok.norm[:-2],) in lex.title_index)),
            # "أن NAME سيغادر منصبه": a subject after "أن", then its verb
            bool(i) and toks[i - 1].norm in ("ان", "بان", "وان") and j < len(toks) and any(
                f in lex.words("name_verbs_ar") or f[:1] == "س" and f[1:] in lex.words("name_verbs_ar")
                for f, _ in strip_proclitic(doc, toks[j])),
            # a verb before the title or occupation: "تعيين الباحث NAME", "ووظفت المهندسة NAME", "وأعلن
            # الشريك المؤسس NAME", "غادر الرئيس التنفيذي السابق NAME"
            (title_at := _title_start(doc, i)) is not None and title_at >= 1 and any(
                f in verbs for f, _ in strip_proclitic(doc, toks[title_at - 1])),
            # ("على يد NAME", "وهم NAME", "هم: NAME": the phrase, maybe with a colon after it)
            any(tuple(t.norm for t in toks[e - len(p):e]) == p for p in before_phrases
                for e in (i, i - 1 if i and toks[i - 1].norm == ":" else i) if e >= len(p)),
            # "انضم كل من NAME وNAME": a verb, then the list opener
            i >= 3 and toks[i - 2].norm in ("كل", "كلا") and toks[i - 1].norm == "من" and any(
                f in verbs for f, _ in strip_proclitic(doc, toks[i - 3])),
            # "أسست NAME شركة X", "ترك NAME شركة X": a verb, its subject, then the company it takes
            bool(i) and j < len(toks) and toks[j].norm in ("شركه", "الشركه") and any(
                f in verbs for f, _ in strip_proclitic(doc, toks[i - 1])),
            # "وهم تيموثي لاكروا وجيوم لامبل": a list of names opens after "وهم" and goes on with و
            bool(i) and toks[i - 1].norm in ("وهم", "هم", "وهما", "هما") and j < len(toks) and toks[j].norm.startswith("و")
            and len(toks[j].norm) >= 4,
            j < len(toks) - 1 and toks[j].norm in (",", "،") and (_title_at(doc, j + 1) or toks[j + 1].norm in relatives),
            # "NAME الذي انتقل": the masculine relative right after, with a verb (a company takes التي)
            j < len(toks) - 1 and toks[j].norm == "الذي" and toks[j + 1].script == "ar" and not _definite_article(toks[j + 1]),
            # "تأسست X على يد NAME" or "... على يد اثنين من موظفي X السابقين، NAME": the founders
            _founders_after(doc, i),
            # "كوستيا بيتروف (Kostya Petrov)": the same name in Latin letters right after, in parentheses
            2 * _latin_gloss_after(doc, i, j),
            # "انضمام NAME كنائب للرئيس": a title glued to ك ("as") right after the name; "عيّنت «أبل» NAME
            # نائباً للرئيس": a title in the accusative (its tanween alif) right after it
            titled,
            i >= 2 and toks[i - 1].norm in (",", "،") and _title_before_comma(doc, i - 1),
            # "... وكبيرة العلماء في «لحن»، ليا حداد، إلى": set off by commas too, an apposition
            plain and i >= 2 and toks[i - 1].norm in (",", "،") and j < len(toks) and toks[j].norm in (",", "،")
            and _title_before_comma(doc, i - 1),
            # "وخبير غوغل كريستيان سيغيدي": an occupation, its organization (no link word), the name
            2 * (plain and _title_construct_before(doc, i, free)),
            # "NAME، كبير باحثي الذكاء الاصطناعي في X": an apposition whose title reaches an organization
            plain and j < len(toks) - 1 and toks[j].norm in (",", "،") and _title_at(doc, j + 1)
            and _reaches_org(doc, j + 1, free),
            # "سيغادر المدير التنفيذي، كي يانج، إلى": a name set off by commas right after its title
            i >= 2 and toks[i - 1].norm in (",", "،") and _title_ends_at(doc, i - 1) and j < len(toks)
            and toks[j].norm in (",", "،"),
            i >= 2 and toks[i - 1].norm in ("»", "”") and _title_before_comma(doc, i - 1),
            # a bulleted line opening with the name and a comma: "- أوداي رودارّاجو، الذي ..."
            j < len(toks) and toks[j].norm in (",", "،", ":") and bool(re.match(
                r"[ \t]*[-•*–][ \t]*$", doc.text[doc.text.rfind("\n", 0, tok.start) + 1:tok.start])),
            # a title opening the next item of a list: "، والباحث الكبير سيمون سيدور"
            _title_ends_at(doc, i) and _listed_title_before(doc, i),
            # a name joined by و to the person just found: "لوكاس باير وألكسندر كوليسنيكوف", also past where
            # that one came from: "المهندسَين ماركو بيانكي من OpenAI ولينا شميدت من Anthropic"
            bool(out) and tok.norm.startswith("و") and start > tok.start
            and (out[-1].end >= toks[i - 2 if toks[i - 1].norm in ("،", ",") else i - 1].end
                 or _origin_between(doc, out[-1].end, i, free)),
            # or to a person the lexicon knows: "أسسها إيدن غوميز ونيك فروست وإيفان تشانغ"
            i >= 1 and tok.norm.startswith("و") and start > tok.start and toks[i - 1].end in person_ends,
        ))
        # "الرئيس التنفيذي لشركة «إنفابريكا» الناشئة روشان سانكار،": a title, its organization and
        # its adjectives, then the name and a pause (two cues: the apposition Arabic news uses)
        if not _title_at(doc, i) and not toks[j - 1].norm.endswith(("ته", "تها", "تهم", "ها", "هم")) \
                and not (tok.norm.startswith("و") and not known_first) \
                and _title_org_before(doc, i, free):  # ("لتأسيس شركته": a noun with "his", no surname;
            # "مهندسةً في هيئة كهرباء ومياه دبي": a word joined by و goes on with the organization's name)
            cues += 2 if j < len(toks) and toks[j].norm in (",", "،", ".") else 1
        # a known first name and one cue, or two independent cues
        if cues < (1 if known_first else 2):
            i += 1
            continue
        sp = doc.span(start, toks[j - 1].end)
        key = iris.entity_key("Person", sp.exact)
        doc.add_entity(key, "Person", sp.exact, how="name", span=sp)
        out.append(Item(sp.start, sp.end, "ent", norm(sp.exact), "ar", key=key, etype="Person",
                        prefix=norm(doc.text[tok.start:start])))
        i = j
    return out


def _origin_between(doc: Doc, end: int, i: int, free) -> bool:
    """Between offset END (a person just found) and token i only "من ORG" (or في/لدى): where that person
    came from, so that the next name joined by و is one of the same list."""
    between = doc.tokens[_token_at_or_after(doc, end):i]
    return len(between) >= 2 and between[0].norm in ("من", "في", "لدي") and all(
        not free(t.start, t.end) or t.text in QUOTE_MARKS for t in between[1:])


def _latin_gloss_after(doc: Doc, i: int, j: int) -> bool:
    """Tokens i..j (Arabic words) are followed by the same name in Latin letters in parentheses, word for
    word ("كوستيا بيتروف (Kostya Petrov)"): two or three capitalized words with no company word among
    them, whose consonant skeleton is close to the Arabic one (transliterations differ in vowels and in a
    letter or two)."""
    from difflib import SequenceMatcher

    from kg.resolve import skeleton

    toks = doc.tokens
    if j >= len(toks) or toks[j].text != "(":
        return False
    k = j + 1
    while k < len(toks) and toks[k].script == "latin" and toks[k].text[:1].isupper():
        k += 1
    latin = toks[j + 1:k]
    if not (2 <= len(latin) <= 3 and len(latin) == j - i and k < len(toks) and toks[k].text == ")"):
        return False
    cues = doc.lex.patterns["type_cues"]
    inside = set(cues["Company"]["inside_en"]) | set(cues["Organization"]["inside_en"])
    if any(t.text in inside for t in latin):
        return False
    arabic = skeleton(" ".join(t.text for t in toks[i:j]))
    return SequenceMatcher(None, arabic, skeleton(" ".join(t.text for t in latin))).ratio() >= 0.7


def _verb_company_before(doc: Doc, i: int, free, verbs: frozenset[str], titled: bool = False) -> bool:
    """A verb, then "شركة" and a company of one or more words already read, then token i: "عينت شركة
    أنثروبيك NAME", "ووظفت شركة أوبن إيه آي NAME"; when a title follows the name (TITLED), also a company
    in guillemets: "عيّنت «أبل» NAME نائباً للرئيس"."""
    toks = doc.tokens
    quoted = titled and i >= 1 and toks[i - 1].norm in ("»", "”")
    end = q = i - 1 - quoted
    while q >= 0 and end - q < 5 and not free(toks[q].start, toks[q].end):
        q -= 1
    if q == end:
        return False
    if quoted:
        if q < 1 or toks[q].norm not in ("«", "“"):
            return False
        q -= 1
        q -= toks[q].norm == "شركه"  # ("عيّنت شركة «أبل» NAME")
    elif q < 1 or toks[q].norm != "شركه":
        return False
    else:
        q -= 1
    return q >= 0 and any(f in verbs for f, _ in strip_proclitic(doc, toks[q]))


def _founders_after(doc: Doc, i: int) -> int:
    """How many cues: token i opens the agent of a founding verb: right after "على يد" / "من قبل" that follows the
    verb ("تأسست X على يد NAME"), or after a comma that ends the description the agent phrase
    opens ("على يد اثنين من المخضرمين السابقين في شركة X، NAME")."""
    toks = doc.tokens
    if not i:
        return 0
    by = doc.lex.phrases("founded_by_ar")
    verbs = doc.lex.words("founded_verbs_ar")
    commas = 0
    for q in range(i - 1, max(0, i - 14) - 1, -1):
        if toks[q].norm in (".", "؟", "!", ":", "\n") or "\n" in doc.text[toks[q].end:toks[q + 1].start]:
            return 0
        if toks[q].norm in (",", "،"):
            commas += 1
            if commas > 1 or q != i - 1:
                return 0
            continue
        n = next((len(p) for p in by if tuple(t.norm for t in toks[q:q + len(p)]) == p), 0)
        if n:
            if q + n != i and toks[i - 1].norm not in (",", "،"):
                return 0
            founding = any(f in verbs for r in range(max(0, q - 4), q) for f, _ in strip_proclitic(doc, toks[r]))
            return (1 if q + n == i else 2) if founding else 0  # (right after "على يد": that phrase is a cue too)
    return 0


def _title_construct_before(doc: Doc, i: int, free) -> bool:
    """Token i follows "TITLE ORG" written as a construct, with no link word ("خبير غوغل"، "مهندس
    ميتا"): an organization mention right before, and a title right before that."""
    toks = doc.tokens
    q = i - 1
    if q < 1 or free(toks[q].start, toks[q].end):
        return False
    while q >= 0 and not free(toks[q].start, toks[q].end):
        q -= 1  # the start of the organization's name
    return q >= 0 and _title_ends_at(doc, q + 1)  # the title ends right before the organization


def _reaches_org(doc: Doc, k: int, free) -> bool:
    """An organization mention (a taken span) within eight Arabic words of token k, before any
    other punctuation: the title at k is someone's post there."""
    toks = doc.tokens
    for q in range(k, min(k + 10, len(toks))):
        if not free(toks[q].start, toks[q].end):
            return True
        if toks[q].script == "punct" and toks[q].norm not in ("«", "»", '"', "“", "”"):
            return False
    return False


def _title_org_before(doc: Doc, i: int, free) -> bool:
    """Token i follows "TITLE link ORG" (the organization a taken mention, maybe quoted), and at most
    two adjectives after it ("الناشئة"، "في مجال" not allowed)."""
    toks = doc.tokens
    q = i - 1
    # "الناشئة في مجال العتاد الخاص بالذكاء الاصطناعي": the field the company works in
    field = next((r for r in range(q, max(0, q - 6), -1) if toks[r].norm == "مجال" and toks[r - 1].norm == "في"
                  and all(t.script == "ar" and free(t.start, t.end) for t in toks[r:q + 1])), None)
    if field is not None:
        q = field - 2
    adjectives = 0
    while (q >= 0 and adjectives < 2 and toks[q].script == "ar" and toks[q].norm.startswith("ال")
           and free(toks[q].start, toks[q].end)):
        q -= 1
        adjectives += 1
    while q >= 0 and toks[q].norm in ("»", "”", '"'):
        q -= 1
    if q < 0 or free(toks[q].start, toks[q].end):
        return False  # no organization mention right before
    while q >= 0 and not free(toks[q].start, toks[q].end):
        q -= 1  # the start of the organization's name
    while q >= 0 and toks[q].norm in ("«", "“", '"'):
        q -= 1
    links = {w for p in doc.lex.phrases("org_links_ar") for w in p[-1:]}
    if q < 1 or not (toks[q].norm in links or any(f in links for f, _ in strip_proclitic(doc, toks[q]))):
        return False
    return any(_title_ends_at(doc, e) for e in range(q, max(0, q - 4), -1))


def _listed_title_before(doc: Doc, i: int) -> bool:
    """A title glued to و right after a comma, a few Arabic words before token i: "، ومدير الأبحاث"."""
    toks = doc.tokens
    for q in range(i - 1, max(0, i - 5), -1):
        if toks[q].script != "ar":
            return False
        if toks[q].norm.startswith("و") and toks[q - 1].norm in (",", "،") and _title_at(doc, q):
            return True
    return False


def _definite_article(tok: Token) -> bool:
    """The word starts with the article ال (written with a bare alef): "الاستعداد", not the
    hamza of a name such as "ألكسندر" that folds to the same letters."""
    return tok.norm.startswith("ال") and not tok.text.lstrip("وبلفك").startswith(("أل", "إل", "آل")) \
        and not (tok.text[:1] in "وبلفك" and tok.text[1:3] in ("أل", "إل", "آل"))


def _title_ends_at(doc: Doc, i: int) -> bool:
    """A title or occupation ends right before token i, maybe followed by one adjective
    ("الباحثة المغربية"), and not followed by a link to an organization."""
    return _title_start(doc, i) is not None


def _title_start(doc: Doc, i: int) -> int | None:
    """The first token of the title _title_ends_at finds before token i, or None."""
    index = doc.lex.title_index
    accusatives = doc.lex.title_accusatives  # "عُيّن رئيسًا لفريق": the name comes before such a title
    toks = doc.tokens
    for skip in (0, 1, 2):
        end = i - skip
        if skip and not all(q >= 0 and toks[q].norm.startswith("ال") and toks[q].script == "ar" for q in range(end, i)):
            continue  # one or two adjectives or a field between: "الباحثة المغربية", "مسؤول البنية التحتية"
        for n in (3, 2, 1):
            if end - n < 0:
                continue
            words = toks[end - n:end]
            if any((f, *(t.norm for t in words[1:])) in index and (f, *(t.norm for t in words[1:])) not in accusatives
                   for f, _ in strip_proclitic(doc, words[0])):
                return end - n
    return None


def _joined_word(word: str, stop: frozenset[str]) -> bool:
    """"وفريقه" ("and his team"): و glued to a common word, with or without a possessive suffix;
    no surname ("وانغ" is one)."""
    if not word.startswith("و"):
        return False
    rest = word[1:]
    return any(w in stop for w in (rest, rest[:-1], rest[:-2]) if len(w) >= 2)


def _name_end(doc: Doc, j: int, stop: frozenset[str], particles: frozenset[str]) -> int:
    """After a first name: a surname, or a particle and a surname ("بن سلمان", "أبو علي")."""
    toks = doc.tokens

    def namelike(k: int) -> bool:  # ("وانغ", Wang, is a name the lexicon lists, not و and a word)
        return (k < len(toks) and toks[k].script == "ar" and _contiguous(doc, [toks[k - 1], toks[k]])
                and not doc.lex.title_index.get((toks[k].norm,))
                and (toks[k].norm in doc.lex.words("first_names_ar") or not _joined_word(toks[k].norm, stop)))
    if namelike(j) and toks[j].norm in particles and namelike(j + 1) and toks[j + 1].norm not in stop:
        return j + 2
    if namelike(j) and toks[j].norm not in stop:
        return j + 1
    return j


def _arabic_orgs(doc: Doc, free) -> list[Item]:
    """Arabic-script organization names after a cue word: "شركة نوفا للذكاء الاصطناعي",
    "صحيفة الوطن". A name runs to punctuation, a preposition, a relative pronoun, or an adjective
    such as الناشئة/الأمريكية; words with لل ("للذكاء الاصطناعي") belong to the name."""
    lex = doc.lex
    toks = doc.tokens
    cues = lex.patterns["type_cues"]
    stop = lex.words("not_name_words_ar") | lex.words("relative_ar") | lex.words("prepositions_ar") \
        | lex.words("org_name_stop_ar")
    firsts = lex.words("first_names_ar")  # ("بقيادة ديفيد أوكونور": a person's first name, then a surname)
    out: list[Item] = []
    found: list[tuple[Span, str]] = []
    cue_words = {t: {norm(w) for w in cues[t]["before_ar"]} for t in ("MediaOutlet", "Company", "Organization")}
    suffixes = lex.words("org_name_suffixes_ar")
    called = lex.words("called_ar")
    company_nouns = cue_words["Company"] | {norm("الشركة")}
    plural_cues = lex.words("quoted_list_cues_ar")
    quoted_cues = lex.words("quoted_name_cues_ar")
    appositive = lex.words("appositive_company_nouns_ar")
    own_nouns = cue_words["MediaOutlet"] | cue_words["Organization"]  # nouns that are part of the names they open
    glosses: set[str] = set()  # definite short names glossed in parentheses
    for i, tok in enumerate(toks[:-1]):
        if tok.text in ("«", "“") and i + 2 < len(toks) and toks[i + 1].script == "ar" \
                and free(toks[i + 1].start, toks[i + 1].end):
            # "«ميزان سيليكون»، الشركة المنبثقة عن ...": a quoted name its apposition calls a company
            close = _closing_quote(doc, i + 1, free, least=1)
            if close is not None and close + 2 < len(toks) and toks[close + 1].norm in ("،", ",") \
                    and any(f in appositive for f, _ in strip_proclitic(doc, toks[close + 2])) \
                    and toks[i + 1].norm not in stop:
                found.append((doc.span(toks[i + 1].start, toks[close - 1].end), "Company"))
                continue
        if tok.script != "ar":
            continue
        forms = [f for f, _ in strip_proclitic(doc, tok)]
        etype = next((t for t, words in cue_words.items() if any(f in words for f in forms)), None)
        if etype is None and tok.norm in called and toks[i + 1].text in QUOTE_MARKS and any(
                f in company_nouns for t in toks[max(0, i - 4):i] for f, _ in strip_proclitic(doc, t)):
            etype = "Company"  # "شركته الجديدة التي تدعى «X»": a company's name after "called"
        plural = etype is None and toks[i + 1].text in QUOTE_MARKS and any(f in plural_cues for f in forms)
        if plural:
            etype = "Company"  # "من شركات «A» و«B»", "المستثمرين «A» و«B»": a plural noun, then quoted names
        if etype is None and toks[i + 1].text in QUOTE_MARKS and any(f in quoted_cues for f in forms):
            etype = "Company"  # "ووحدة «الراية للحوسبة»", "كيان جديد يحمل اسم «X»": a name in quotes only
        described = 0  # "الشركة الناشئة «X»": the company, its adjectives, then its quoted name
        if any(f in ("الشركه", "شركه") for f in forms) and tok.norm.endswith("الشركه"):
            while i + 1 + described < len(toks) - 1 and described < 2 and toks[i + 1 + described].norm.startswith("ال") \
                    and toks[i + 1 + described].script == "ar":
                described += 1
            if described and toks[i + 1 + described].text in QUOTE_MARKS:
                etype = "Company"
            else:
                described = 0
        if etype is None or tok.norm.startswith(("ال", "وال")) and not tok.norm.startswith("لل") and not plural \
                and not described:
            continue
        if etype == "Company" and toks[i + 1].norm.startswith("ال") and not described:
            glossed = _glossed_definite_name(doc, i + 1, free)
            if glossed is not None:  # "شركة المعرفة للحلول الرقمية (المعرفة)": a name its short form glosses
                found.append((doc.span(toks[i + 1].start, toks[glossed - 1].end), etype))
                found.append((doc.span(toks[glossed + 1].start, toks[glossed + 1].end), etype))
                glosses.add(toks[i + 1].norm)
            elif toks[i + 1].norm in glosses and free(toks[i + 1].start, toks[i + 1].end):
                found.append((doc.span(toks[i + 1].start, toks[i + 1].end), etype))  # later: "لشركة المعرفة"
            continue  # "شركة الذكاء الاصطناعي": a description, not a name
        j = i + 1 + described
        while j < len(toks) - 1 and toks[j].text in QUOTE_MARKS:
            j += 1  # a quoted name: لشركة "ويندسيرف"
        first = toks[j]
        if j > i + 1 and first.script == "ar" and not free(first.start, first.end):
            # "من شركات «تي رو برايس» و«A» و«B»": a known name opens the list, which goes on
            close = next((q for q in range(j + 1, min(j + 7, len(toks))) if toks[q].text in QUOTE_MARKS), None)
            if close is not None:
                found += _quoted_list(doc, close + 1, free, etype)
            continue
        if j == i + 1 and any(toks[q].text in QUOTE_MARKS for q in range(j + 1, min(j + 3, len(toks)))) \
                and all(toks[q].script == "ar" for q in range(j, next(q for q in range(j + 1, j + 3)
                                                                      if toks[q].text in QUOTE_MARKS))):
            continue  # "منصة بث الموسيقى «أنغامي»": what the noun is, then its quoted name
        if first.script != "ar" or not free(first.start, first.end) or first.norm in stop \
                or first.norm in firsts and j + 1 < len(toks) and toks[j + 1].script == "ar" \
                and _contiguous(doc, [first, toks[j + 1]]) \
                or _adjective(first.norm) and j == i + 1 \
                or first.norm.startswith("لل") or _purpose(doc, first) or first.norm in plural_cues \
                or first.norm in lex.words("investor_words_ar"):
            continue  # "شركة للذكاء الاصطناعي" is "an AI company", "شركته لحفر الأنفاق" "his company for digging",
            # "بمشاركة مستثمرين من بينهم": "with investors", not names
        name_start = first.start
        if j == i + 1 and tok.norm.startswith("لل"):
            continue  # "للشركة غادر": "for the company" (definite) names none; "لشركة X" does
        if j == i + 1 and _common_word(doc, first, toks[j + 1] if j + 1 < len(toks) else None):
            continue  # "شركة تصميم الرقاقات", "شركة استثمارية", "بالشركة رسمياً": a description, not a name
        gloss = _latin_gloss_ahead(doc, j, free) if j == i + 1 else None
        if gloss is not None:  # "شركة إس كيه تيليكوم (SK Telecom)": the name runs to its Latin gloss
            found.append((doc.span(first.start, toks[gloss - 1].end), etype))
            close = next(q for q in range(gloss + 1, len(toks)) if toks[q].text == ")")
            if free(toks[gloss + 1].start, toks[close - 1].end):  # (and the gloss names it too: one company)
                found.append((doc.span(toks[gloss + 1].start, toks[close - 1].end), etype))
            continue
        close = _closing_quote(doc, j, free) if j > i + 1 else None
        if close is not None:  # «تولز فور هيومانيتي»: a quoted name runs to its closing mark
            found.append((doc.span(first.start, toks[close - 1].end), etype))
            found += _quoted_list(doc, close + 1, free, etype)  # "شركات «A» و«B»، «C»": the list goes on
            continue
        if first.norm.startswith("ال") and etype != "Company":
            # a definite name runs on through definite words: "وكالة الأنباء الإماراتية"; an outlet's
            # cue word belongs to its name
            j += 1
            while j < len(toks) and j - i <= 3 and toks[j].norm.startswith("ال") and free(toks[j].start, toks[j].end) \
                    and _contiguous(doc, [toks[j - 1], toks[j]]):
                j += 1
            if etype in ("MediaOutlet", "Organization"):  # "صحيفة الوطن", "وزارة التجارة الأميركية"
                name_start = forms_start(doc, tok, own_nouns)
            found.append((doc.span(name_start, toks[j - 1].end), etype))
            continue
        j += 1
        while j < len(toks) and j - i <= 4 and toks[j].script == "ar" and _contiguous(doc, [toks[j - 1], toks[j]]) \
                and free(toks[j].start, toks[j].end):
            word = toks[j].norm
            if word.startswith("لل") or (toks[j - 1].norm.startswith("لل") and word.startswith("ال")) \
                    or word in suffixes:
                j += 1
                continue
            break
        # an institution's noun belongs to its name ("جامعة واشنطن", "معهد ماساتشوستس"); a company's does not
        start = forms_start(doc, tok, own_nouns) if etype == "Organization" and first is toks[i + 1] else first.start
        found.append((doc.span(start, toks[j - 1].end), etype))
    # a shorter name that begins a longer one is the same organization ("نوفا" / "نوفا للذكاء الاصطناعي")
    words = {sp: tuple(t.norm for t in tokenize(sp.exact)) for sp, _ in found}
    found += _again(doc, free, {words[sp]: etype for sp, etype in found if len(words[sp]) >= 2},
                    {sp.start for sp, _ in found})
    found += _again_quoted(doc, free, {words[sp]: etype for sp, etype in found if len(words.get(sp, ())) == 1},
                           {sp.start for sp, _ in found})
    words = {sp: tuple(t.norm for t in tokenize(sp.exact)) for sp, _ in found}
    products = lex.words_both("product_names")
    found = [(sp, etype) for sp, etype in found if norm(sp.exact) not in products]  # "منصة «تشات جي بي تي»": a product
    for sp, etype in found:
        longest = max((o for o, _ in found if words[o][:len(words[sp])] == words[sp]), key=lambda o: len(words[o]))
        key = iris.entity_key(etype, longest.exact)
        doc.add_entity(key, etype, sp.exact, how="name" if longest == sp else "short-form", span=sp)
        script = "ar" if script_lang(sp.exact) == "ar" else "latin"  # (a Latin gloss found with its Arabic name)
        out.append(Item(sp.start, sp.end, "ent", norm(sp.exact), script, key=key, etype=etype))
    return out


def _latin_gloss_ahead(doc: Doc, j: int, free, most: int = 4) -> int | None:
    """Tokens j.. are two to MOST Arabic words, free and side by side, followed by their name in Latin
    letters in parentheses ("إس كيه تيليكوم (SK Telecom)"): the index of the "(", else None."""
    from kg.resolve import skeleton

    toks = doc.tokens
    k = j
    # (a number written into the name counts as a word of it: «فلات6لابز», «سنتر3»)
    while k < len(toks) and k - j < most and (toks[k].script == "ar" or k > j and toks[k].norm.isdigit()
                                              and toks[k].start == toks[k - 1].end) \
            and free(toks[k].start, toks[k].end) and (k == j or _contiguous(doc, [toks[k - 1], toks[k]])):
        k += 1
    if k - j < 2 or k + 2 >= len(toks) or toks[k].text != "(" or toks[k + 1].script != "latin" \
            or not _case_ok(toks[k + 1].text):
        return None
    close = next((q for q in range(k + 1, min(k + 7, len(toks))) if toks[q].text == ")"), None)
    if close is None or not all(toks[q].script == "latin" for q in range(k + 1, close)):
        return None
    # the same name: the Arabic skeleton starts like the Latin one (transliterations differ in vowels)
    arabic = skeleton(" ".join(t.text for t in toks[j:k])).replace(" ", "")
    latin = skeleton(" ".join(t.text for t in toks[k + 1:close])).replace(" ", "")
    return k if arabic[:2] == latin[:2] else None


def _glossed_definite_name(doc: Doc, i: int, free) -> int | None:
    """Tokens i.. are a definite company name of up to four words that the text glosses right after
    with its first word in parentheses ("المعرفة للحلول الرقمية (المعرفة)", "الاتصالات السعودية
    (الاتصالات)"), as Gulf filings and business news do: the end of the name, else None."""
    toks = doc.tokens
    j = i + 1
    while j < len(toks) and j - i < 4 and toks[j].script == "ar" and free(toks[j].start, toks[j].end) \
            and _contiguous(doc, [toks[j - 1], toks[j]]):
        j += 1
    if j + 2 < len(toks) and toks[j].text == "(" and toks[j + 1].norm == toks[i].norm and toks[j + 2].text == ")" \
            and all(free(t.start, t.end) for t in toks[i:j]):
        return j
    return None


QUOTE_MARKS = frozenset({'"', "“", "”", "«", "»"})


def _quoted_list(doc: Doc, j: int, free, etype: str) -> list[tuple[Span, str]]:
    """The quoted names that follow one after a cue word, each after و or a comma:
    "شركات «A» و«B»، و«C»" (the cue word's type for each)."""
    toks = doc.tokens
    out = []
    while j < len(toks) - 2:
        k = j
        if toks[k].norm in ("،", ","):
            k += 1
        if k < len(toks) and toks[k].text == "و":
            k += 1
        if k == j or k >= len(toks) - 1 or toks[k].text not in ("«", "“", '"') or toks[k + 1].script != "ar":
            break
        if not free(toks[k + 1].start, toks[k + 1].end):  # a known name in the list: «فيديليتي للأبحاث»
            close = next((q for q in range(k + 1, min(k + 7, len(toks))) if toks[q].text in QUOTE_MARKS), None)
            if close is None:
                break
            j = close + 1
            continue
        close = _closing_quote(doc, k + 1, free, least=1)
        if close is None:
            break
        out.append((doc.span(toks[k + 1].start, toks[close - 1].end), etype))
        j = close + 1
    return out


def _closing_quote(doc: Doc, j: int, free, most: int = 5, least: int = 2) -> int | None:
    """The index of the mark that closes a quoted Arabic name starting at token j, when the name is
    at most `most` Arabic words, all free and in one line; else None."""
    toks = doc.tokens
    k = j
    # (a number written into the name counts as a word of it: «فلات6لابز», «سنتر3»)
    while k < len(toks) and k - j < most and (toks[k].script == "ar" or k > j and toks[k].norm.isdigit()
                                              and toks[k].start == toks[k - 1].end) \
            and free(toks[k].start, toks[k].end) and (k == j or _contiguous(doc, [toks[k - 1], toks[k]])):
        k += 1
    if k >= j + least and k < len(toks) and toks[k].text in QUOTE_MARKS and "\n" not in doc.text[toks[j].start:toks[k].end]:
        return k
    return None


def _again(doc: Doc, free, names: dict[tuple[str, ...], str], seen: set[int]) -> list[tuple[Span, str]]:
    """Later mentions of names discovered after a cue word, wherever they occur ("لقنوات لابز")."""
    if not names:
        return []
    out = []
    longest = max(len(k) for k in names)
    lengths = phrase_lengths(names)
    for i in range(len(doc.tokens)):
        hit = _match_at(doc, i, names, longest, cased=False, lengths=lengths)
        if hit:
            etype, start, j, _ = hit
            end = doc.tokens[j - 1].end
            if start not in seen and free(start, end):
                out.append((doc.span(start, end), etype))
                seen.add(start)
    return out


def _again_quoted(doc: Doc, free, names: dict[tuple[str, ...], str], seen: set[int]) -> list[tuple[Span, str]]:
    """Later mentions of a one-word name discovered after a cue word, in quotation marks as Arabic
    news writes company names ("لشركة «إنفابريكا»" ... "استثمرت «إنفيديا» في «إنفابريكا»"); bare,
    the word may be a common one."""
    out = []
    toks = doc.tokens
    for i in range(1, len(toks) - 1):
        etype = names.get((toks[i].norm,))
        if etype and toks[i - 1].text in QUOTE_MARKS and toks[i + 1].text in QUOTE_MARKS \
                and toks[i].start not in seen and free(toks[i].start, toks[i].end):
            out.append((doc.span(toks[i].start, toks[i].end), etype))
            seen.add(toks[i].start)
    return out


def forms_start(doc: Doc, tok: Token, nouns: frozenset[str]) -> int:
    """Where a token starts once a glued proclitic is left out ("لصحيفة" -> "صحيفة", "بجامعة" -> "جامعة"),
    when what is left is one of NOUNS (normalized)."""
    forms = strip_proclitic(doc, tok)
    return next((st for f, st in forms if f in nouns), tok.start)


def _purpose(doc: Doc, tok: Token) -> bool:
    """"لجمع" ("to raise"), "لحفر" ("for digging"): ل glued to a verbal noun of purpose, never a name's
    first word ("رئيس شركة تسلا لجمع مليارات الدولارات")."""
    return tok.norm.startswith("ل") and tok.norm[1:] in doc.lex.words("purpose_nouns_ar")


def _common_word(doc: Doc, tok: Token, nxt: Token | None) -> bool:
    """An unquoted Arabic word after a cue that is a common word, not a name: one with tanween
    ("رسمياً"), a nisba adjective agreeing with the cue noun ("استثمارية"، "ربحية"), or a verbal noun
    (patterns.json common_word_forms_ar: تفعيل، فعالة، ...) governing a definite noun ("تصميم الرقاقات")."""
    if any(c in doc.text[tok.start:tok.end] for c in "\u064b\u064c\u064d"):
        return True
    word = tok.norm
    if len(word) >= 5 and word.endswith("يه") and not _contiguous_latin(doc, tok):
        return True
    forms = doc.lex.common_word_forms_ar
    # (or a noun that makes a field with the definite noun after it: "رأس المال", "أشباه الموصلات")
    return nxt is not None and nxt.script == "ar" and _definite_article(nxt) and _contiguous(doc, [tok, nxt]) \
        and (any(f.fullmatch(word) for f in forms) or word in doc.lex.words("field_construct_nouns_ar"))


def _contiguous_latin(doc: Doc, tok: Token) -> bool:
    """A Latin gloss right after the word ("ميتافيزيكية (Metaphysica)"): the word is then a name."""
    return bool(re.match(r"\s*\(?[A-Za-z]", doc.text[tok.end:tok.end + 4]))


def _adjective(word: str) -> bool:
    """Definite nisba adjectives and the like: الناشئه، الامريكيه، الصيني (normalized)."""
    return word.startswith("ال") and word.endswith(("يه", "ي", "يون", "يين"))


def _plain(text: str) -> str:
    """Diacritics and tatweel removed, letters kept as written (so على is not علي)."""
    return "".join(c for c in text if not ("\u064b" <= c <= "\u065f" or c in "\u0670\u0640"))


def _title_at(doc: Doc, j: int) -> bool:
    """A title or occupation of up to three words starts at token j (its first word maybe with a proclitic)."""
    if not 0 <= j < len(doc.tokens):
        return False
    index = doc.lex.title_index
    forms = [f for f, _ in strip_proclitic(doc, doc.tokens[j])]
    for n in (3, 2, 1):
        rest = tuple(t.norm for t in doc.tokens[j + 1:j + n])
        if len(rest) == n - 1 and any((f, *rest) in index for f in forms):
            return True
    return False


def _title_before_comma(doc: Doc, comma: int) -> bool:
    """"الرئيس التنفيذي لشركة X، NAME": a title, a link word and an organization end before the comma."""
    toks = doc.tokens
    window = toks[max(0, comma - 8):comma]
    index = doc.lex.title_index
    for k in range(len(window)):
        for n in (3, 2, 1):
            # (the title's first word maybe with و: "المؤسسة المشاركة وكبيرة العلماء في «لحن»، NAME")
            for first, _ in strip_proclitic(doc, window[k]):
                if (first, *(t.norm for t in window[k + 1:k + n])) in index and k + n <= len(window):
                    return True
    return False


def _surface_key(doc: Doc, run: list[Token]) -> str:
    return " ".join(t.norm for t in run)


def _name_runs(doc: Doc, free) -> list[list[Token]]:
    """Maximal runs of capitalised Latin-script words (any Latin word inside Arabic text)."""
    stop = doc.lex.words("stop_capitalized_en")
    runs, cur = [], []
    toks = doc.tokens
    headline_ends = _title_case_lines(doc)
    particles = doc.lex.words("name_particles_en")
    org_links = doc.lex.words("org_name_links_en")
    suffixes = set(doc.lex.patterns["org_suffixes"])
    places = doc.lex.words("place_words_en")
    org_inside = set(doc.lex.patterns["type_cues"]["Organization"]["inside_en"])
    titles = doc.lex.title_index
    keys, lengths = doc.lex.title_keys
    max_len = max(len(key) for key in keys)
    in_title: set[int] = set()  # tokens of a title of several words: "Vice President", "Chief Technology Officer"
    for k, tok in enumerate(toks):
        if tok.script == "latin" and _case_ok(tok.text) and k not in in_title:
            hit = _match_at(doc, k, keys, max_len, cased=False, lengths=lengths)
            if hit and hit[2] - k >= 2:
                in_title.update(range(k, hit[2]))
    for k, tok in enumerate(toks):
        nxt = k + 1
        while nxt < len(toks) and toks[nxt].norm in particles:
            nxt += 1  # "van der Berg"
        particle = bool(cur) and tok.norm in particles and nxt < len(toks) and _case_ok(toks[nxt].text)
        if bool(cur) and tok.norm in org_links and k + 1 < len(toks) and _case_ok(toks[k + 1].text) \
                and any(t.text in org_inside for t in cur) and (toks[k + 1].norm,) not in titles:
            particle = True  # "University of Technology"
        # "Weights & Biases", "Procter & Gamble": an ampersand between capitalised words joins one name
        amp = bool(cur) and tok.text == "&" and k + 1 < len(toks) and toks[k + 1].script == "latin" \
            and _case_ok(toks[k + 1].text) and _contiguous(doc, [cur[-1], tok]) and _contiguous(doc, [tok, toks[k + 1]])
        ok = (tok.script == "latin" or amp) and free(tok.start, tok.end) and (
            _case_ok(tok.text) or particle or amp or doc.lang == "ar") and not any(a <= tok.start < b for a, b in headline_ends)
        if ok and ((tok.norm,) in titles or k in in_title or (cur and tok.norm in stop and tok.norm != "the"
                                              and not (tok.text in suffixes and cur[-1].norm not in places))):
            # "Silo AI" is one name, "French AI start-up Kestrel" is not
            if cur:
                runs.append(cur)  # "Palisade CEO Rosa Lindgren": a title splits the run, and starts none
            cur = []
            continue
        if ok and cur and not _contiguous(doc, [cur[-1], tok]):
            runs.append(cur)
            cur = []
        if ok:
            cur.append(tok)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    out = []
    for run in runs:
        while run and run[0].norm in stop and not (run[0].norm == "the" and len(run) > 1):
            run = run[1:]
        while run and run[-1].norm in stop and not (len(run) >= 2 and run[-1].text in suffixes):
            run = run[:-1]  # "Kalima AI" keeps its suffix
        if not run or all(t.norm in stop for t in run):
            continue
        if all(t.norm in places for t in run):
            continue  # "Pittsburgh's Carnegie Mellon", "Europe's Mistral AI", "Singapore state fund": a place
        if len(run) == 1 and re.fullmatch(r"[A-Z][a-z]{3,}(?:al|ent|ant|ate|ous|ive|ed|ing|ab|ic|ar|ful|less)ly", run[0].text) \
                and doc.text[run[0].end:run[0].end + 1] == ",":
            continue  # a sentence adverb: "Apparently, Meta ...", "Separately, ..."
        if re.match(r"[^\W\d]{0,4}\d", run[0].text):
            continue  # model numbers (H100, MI300X, GB200) are hardware, read elsewhere; Prosperity7 is a name
        out.append(run)
    return out


def _title_case_lines(doc: Doc) -> list[tuple[int, int]]:
    """Lines In Title Case ("Google Welcomes Indian-Origin CEO Varun Mohan"): capitals there say
    nothing about names, so no unknown name is read from them."""
    out = []
    small = doc.lex.words("title_case_small_words_en")
    for m in re.finditer(r"[^\r\n]+", doc.text):
        words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", m.group()) if len(w) >= 4]
        if len(re.findall("[\u0600-\u06ff]+", m.group())) > len(words):
            continue  # Latin words in an Arabic paragraph are names, however many
        # (a sentence dense with names has lowercase words too: "Meta hired A B, C D and E F, who
        # all worked at OpenAI's Zurich office"; Title Case leaves at most one, "with", "from" aside)
        lower = [w for w in words if w[0].islower() and w.lower() not in small]
        # and a sentence ends with a full stop, a headline does not ("Among the investors in Kestrel AI
        # are Nvidia and AMD.")
        sentence = m.group().rstrip().endswith(".") and re.search(r"\b[a-z]{2,}\b", m.group())
        if len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words) and len(lower) <= 1 \
                and not sentence:
            out.append((m.start(), m.end()))
    return out


def _cue_type(doc: Doc, run: list[Token]) -> str | None:
    """The type the words around a name give it, or None. Context stays on the name's line."""
    toks = doc.tokens
    lex = doc.lex
    i = doc.token_index[run[0].start]
    j = doc.token_index[run[-1].start] + 1
    quotes = {"“", "”", "«", "»", '"'}
    before = [t for t in toks[max(0, i - 4):i] if "\n" not in doc.text[t.start:run[0].start] and t.text not in quotes]
    after = [t for t in toks[j:j + 7] if "\n" not in doc.text[run[-1].end:t.end] and t.text not in quotes]
    acronym = len(run) == 1 and run[0].text.isupper() and len(run[0].text) <= 4
    cues = lex.patterns["type_cues"]
    if not acronym and _person_cue(doc, run, before, after):
        return "Person"
    if len(before) >= 2 and before[-1].script == "ar" and _gloss_of(before[-1], run):
        before = before[:-1]  # the Arabic spelling just before its Latin gloss
    for etype in ("MediaOutlet", "Company", "Organization"):
        spec = cues[etype]
        words_before, words_after = lex.cue_words[etype]
        if before and any(f in words_before for f, _ in strip_proclitic(doc, before[-1])):
            return etype
        if etype == "Company" and doc.lang != "ar" and len(before) >= 2 and before[-1].norm == "," \
                and before[-2].norm in words_before and after and after[0].norm == ",":
            return etype  # "Their new company, Halyard, is building": a name set off by commas after its noun
        wider = [t for t in toks[max(0, i - 6):i] if "\n" not in doc.text[t.start:run[0].start] and t.text not in quotes]
        if etype == "Company" and doc.lang == "ar" and len(wider) >= 3 and _field_after_cue(doc, wider, words_before):
            return etype  # "شركة رأس المال الاستثماري “DSC Investment”": the cue, its field, then the name
        if after and after[0].norm in words_after:
            return etype
        if acronym:
            continue
        if any(t.text in spec["inside_en"] for t in run[1:]) or (
                etype == "Organization" and run[0].text in spec["inside_en"]):
            return etype
    if len(before) >= 3 and before[-1].norm == "s" and before[-2].norm in ("'", "’") and after \
            and after[0].norm in lex.words("unit_nouns_en") and after[0].text.islower():
        return "Organization"  # "OpenAI's Superalignment team", "Amazon's AGI lab": a named unit of the owner
    if acronym:  # a bare acronym such as GPU or LLM needs a cue word: a title it possesses is one ("PFN's chief executive")
        poss = _after_possessive(after)
        return "Company" if poss is not None and _title_at(doc, doc.token_index[poss.start]) else None
    # what was founded: "co-founded Nexlo with ...", "founded Tessaro in 2019"
    if before and before[-1].norm in lex.words("founded_verbs_en") - {"launched", "started", "found"}:
        return "Company"
    founding = lex.words("founded_verbs_en") - {"launched", "started", "found", "start", "starts", "starting", "launching",
                                                "launches", "establish", "established"}
    if any(len(before) > n and before[-n - 1].norm in founding and all(t.script == "latin" and t.text.islower()
                                                                       for t in before[-n:]) for n in (1, 2)):
        return "Company"  # "previously founded search engine Cue": a describing word or two between
    # the object of a purchase: "Nvidia acquired Deci", "the acquisition of Deci by Nvidia"
    bought = lex.words("acquire_words_en")
    if before and (before[-1].norm in bought or len(before) >= 2 and before[-1].norm == "of"
                   and before[-2].norm in bought) and not (after and after[0].norm in ("'", "’")):
        return "Company"
    # a Latin name bought in Arabic text: "شراء Informatica", "استحوذت على Windsurf"
    if before and run[0].script == "latin" and doc.lang == "ar" and (
            any(f in lex.words("acquire_words_ar") for f, _ in strip_proclitic(doc, before[-1]))
            or len(before) >= 2 and before[-1].norm in ("على", "علي")
            and any(f in lex.words("acquire_words_ar") for f, _ in strip_proclitic(doc, before[-2]))):
        return "Company"
    # what investors back: "DeltaMind is backed by Nvidia", "DeltaMind counts Nvidia among its investors"
    if doc.lang == "en" and run[0].script == "latin" and len(after) >= 3 and (
            after[0].norm in ("is", "was") and after[1].norm in lex.words("investing_modifiers_en") and after[2].norm == "by"
            or after[0].norm in ("counts", "count") and any(t.norm in lex.words("investor_words_en") for t in after[1:])):
        return "Company"
    # what is invested in: "Accel invested $50 million in DeltaMind", "poured $2 billion into Orbitly"
    if before and before[-1].norm in ("in", "into") and run[0].script == "latin" and doc.lang == "en" and any(
            t.norm in lex.words("invest_words_en") and "\n" not in doc.text[t.start:run[0].start]
            and any(u.text in lex.currency_symbols or u.script == "num" for u in toks[k + 1:i - 1])
            for k, t in enumerate(toks[max(0, i - 7):i - 1], max(0, i - 7))):
        return "Company"  # (an amount between: not "invested heavily in Python")
    if before and before[-1].norm in ("in", "into") and len(before) >= 2 and before[-2].norm in lex.words("invest_words_en") \
            and len(after) >= 2 and after[0].norm == "," and after[1].norm in ("whose", "which", "a", "an", "the"):
        return "Company"  # "Qualcomm invested in Tensorlane, whose backers ...": what an apposition goes on to describe
    # "استثمرت سوفت بنك 500 مليون دولار في Orbitly", "ومن بين المستثمرين في Orbitly": what is invested in
    if before and before[-1].norm in ("في", "فى") and run[0].script == "latin" and doc.lang == "ar" and any(
            f in lex.words("investor_words_ar") | lex.words("investing_clause_words_ar") | lex.words("invest_words_ar")
            for t in toks[max(0, i - 7):i - 1] if "\n" not in doc.text[t.start:run[0].start]
            for f, _ in strip_proclitic(doc, t)):
        return "Company"
    # "شركة ناشئة باسم Waabi", "شركة جديدة تحمل اسم Eureka Labs": a Latin name a company noun calls by name
    if before and doc.lang == "ar" and run[0].script == "latin" and before[-1].norm in lex.words("called_ar") and any(
            f in ("شركه", "الشركه", "شركته", "شركتها", "شركتهما") for t in toks[max(0, i - 6):i - 1]
            if "\n" not in doc.text[t.start:run[0].start] for f, _ in strip_proclitic(doc, t)):
        return "Company"
    # "Waterloo-based DarwinAI", "Paris-based startup Zentrix": a company described by its home town
    if len(before) >= 2 and before[-1].norm == "based" and before[-2].norm in ("-", "‐", "–") \
            and run[0].script == "latin":
        return "Company"
    # "a co-founder of DarwinAI", "the founders of Zentrix": what someone founded
    if len(before) >= 2 and before[-1].norm == "of" and lex.title_index.get((before[-2].norm,), {}).get("kind") == "founder" \
            and after:  # (not a line cut off after the name)
        return "Company"
    entry = lex.entries.get(lex.index.get((toks[i - 1].norm,), "")) if i > 0 else None
    unit_of_known = entry is not None and entry.etype in ("Company", "Organization") \
        and doc.text[toks[i - 1].end:run[0].start] == " "
    # ("Microsoft GenAI VP NAME": a unit or field of the company just named, not an employer of its own)
    if after and not unit_of_known and _title_at(doc, doc.token_index[after[0].start]) and not _title_before(doc, before):
        index = lex.title_index
        title = index.get((after[0].norm,), {})
        named = len(after) >= 2 and after[1].script == "latin" and _case_ok(after[1].text)
        if title.get("kind") != "founder" and title.get("role") != "head" or title.get("kind") == "founder" and named:
            return "Company"  # "a former Stripe executive", "Perplexity CEO" (but "Bing chief": a product's head)
    founded = lex.words("founded_verbs_en") - {"launched", "started", "found"}
    if len(after) >= 2 and after[0].norm in (",", "was") and after[1].norm in founded \
            or len(after) >= 3 and after[0].norm == "," and after[1].norm == "which" and after[2].norm == "was":
        if not (len(after) >= 4 and after[2].norm == "was") or after[3].norm in founded:
            return "Company"  # "Tallyhaw, founded in 2019 by ...", "Tallyhaw was co-founded by ..."
    # what raises money is a company: "Orbitly raised $25 million", "Orbitly has secured €40m", "جمعت Orbitly 25 مليون"
    # (not a surname: "Jane Kaplan ... Kaplan raised $3 million for the charity")
    longer = [t for t in toks[j:j + 12] if "\n" not in doc.text[run[-1].end:t.end] and t.text not in quotes]
    if _raises_money(doc, before, longer) and not (
            len(run) == 1 and re.search(rf"\b[A-Z][\w'’-]+ {re.escape(run[0].text)}\b", doc.text)):
        return "Company"
    # apposition: "Halcyon Compute, a two-year-old startup", "Veridian, the coding lab"
    if len(after) >= 2 and after[0].norm in (",", "،") and after[1].norm in ("a", "an", "the"):
        for etype in ("MediaOutlet", "Company", "Organization"):
            spec = cues[etype]
            words = {norm(w) for w in spec["before_en"]}
            if any(t.norm in words and not (n + 1 < len(after) and after[n + 1].norm == "'")
                   for n, t in enumerate(after[2:], 2)):
                return etype  # (not "X, the company's president": that is whose the company is)
    # a possessive before a Latin word: "Perplexity's CEO", "The Verge's Command Line"
    nxt = _after_possessive(after)
    if nxt is not None and (nxt.norm in lex.patterns["number_words"]["en"] or nxt.norm.isdigit()) \
            and nxt is not after[-1] and _title_at(doc, doc.token_index[nxt.start] + 1):
        return "Company"  # "Convogo's three co-founders", "Zephyr's 40 engineers"
    if nxt is not None and nxt.norm in lex.words("investor_words_en") and doc.lang == "en":
        return "Company"  # "DeltaMind's investors include ...", "Orbitly's backers"
    if nxt is not None and nxt is not after[-1] and (nxt.text in lex.currency_symbols or nxt.script == "num") \
            and _round_noun_within(doc, doc.token_index[nxt.start] + 1, 5):
        return "Company"  # "Kestrel's $200 million Series B", "Orbitly's €40m funding round": whose round
    if len(before) >= 2 and doc.lang == "en" and any(
            (before[-2].norm, before[-1].norm) == tuple(p) for p in lex.phrases("investor_in_en")
            if len(p) == 2 and p[1] in ("in", "of")):
        return "Company"  # "the investors in Kestrel AI", "backers of Orbitly": what they invest in
    if nxt is not None and nxt.script == "latin" and (_case_ok(nxt.text) or (nxt.norm,) in lex.title_index
                                                       or _title_at(doc, doc.token_index[nxt.start])  # "PFN's chief executive"
                                                       or nxt.norm in lex.words("unit_nouns_en")
                                                       or nxt.norm in lex.words("owned_nouns_en")):
        return "MediaOutlet" if doc.lang == "ar" and _is_outlet_context(doc, j) else "Company"
    return None


def _field_after_cue(doc: Doc, before: list[Token], cue_words: frozenset[str]) -> bool:
    """The words before a name are a company cue word and the company's field: a noun that makes a
    field ("رأس", "أشباه", or a verbal noun) and definite words after it ("رأس المال الاستثماري")."""
    for c in range(len(before) - 3, max(-1, len(before) - 6), -1):
        if any(f in cue_words for f, _ in strip_proclitic(doc, before[c])):
            field = before[c + 1:]
            return len(field) >= 2 and _common_word(doc, field[0], field[1]) \
                and all(t.script == "ar" and _definite_article(t) for t in field[1:])
    return False


def _round_noun_within(doc: Doc, k: int, n: int) -> bool:
    """A funding round's noun ("round", "Series B", "seed funding") starts within n tokens of token k."""
    toks = doc.tokens
    for q in range(k, min(k + n, len(toks))):
        if "\n" in doc.text[toks[k].start:toks[q].end]:
            return False
        for phrase in doc.lex.phrases("round_nouns_en"):
            if tuple(t.norm for t in toks[q:q + len(phrase)]) == tuple(phrase):
                return True
    return False


def _raises_money(doc: Doc, before: list[Token], after: list[Token]) -> bool:
    """The name raises an amount: "X raised $25 million", "X has secured €40m" (the verb right after
    the name, an auxiliary or two allowed), "جمعت X 25 مليون دولار" (the verb right before it, the
    amount right after), or is valued at one: "a round that values X at $2 billion"."""
    lex = doc.lex
    symbols = lex.currency_symbols

    def amount(toks: list[Token]) -> bool:
        if len(toks) >= 2 and (toks[0].norm, toks[1].norm) in (("more", "than"), ("up", "to"), ("less", "than")):
            toks = toks[2:]  # "raised more than $1 billion"
        if toks and toks[0].norm in lex.words_both("approximately"):
            toks = toks[1:]  # "نحو 50 مليون دولار", "about $50 million"
        return bool(toks) and (toks[0].text in symbols or toks[0].script == "num"
                               or len(toks) >= 2 and toks[0].text in ("US", "A", "C") and toks[1].text in symbols)

    if before and before[-1].norm in lex.words("valuing_verbs_en") and after and after[0].norm == "at" \
            and amount(after[1:3]):
        return True  # "a round that values Orbitly at $2 billion"
    verb = before[-2] if len(before) >= 2 and before[-1].norm in ("فيها", "فيه") else before[-1] if before else None
    if verb is not None and any(f in lex.words("raise_money_verbs_ar") for f, _ in strip_proclitic(doc, verb)):
        return amount(after)  # "جمعت Orbitly 25 مليون دولار", "الجولة التي جمعت فيها Orbitly 50 مليون دولار"
    if before and len(after) >= 3 and after[0].norm in ("على", "علي") \
            and any(f in lex.words("receive_verbs_ar") for f, _ in strip_proclitic(doc, before[-1])) \
            and any(f in lex.words("investment_nouns_ar") for f, _ in strip_proclitic(doc, after[1])):
        return True  # "حصلت Orbitly على استثمار بقيمة 80 مليون دولار", "تلقت X تمويلا"
    if len(after) >= 4 and after[0].norm in ("said", "says", "announced", "confirmed"):
        # "Orbitly said (on Tuesday) (that) it had raised $30 million": what "it" raised
        it = next((q for q in range(1, min(5, len(after))) if after[q].norm == "it"), None)
        if it is not None:
            after = after[it + 1:]
    n = 0
    while n < min(2, len(after)) and after[n].norm in lex.words("raise_auxiliaries_en"):
        n += 1
    if n + 2 < len(after) and after[n].norm in lex.words("raise_verbs_en") and after[n + 1].norm in ("a", "an") \
            and amount(after[n + 2:n + 4]) and _round_noun_within(doc, doc.token_index[after[n + 2].start], 6):
        return True  # "In March, DeltaMind closed a $100 million Series B"
    return n < len(after) and after[n].norm in lex.words("raise_money_verbs_en") and amount(after[n + 1:n + 5])


def _gloss_of(arabic: Token, run: list[Token]) -> bool:
    from kg.resolve import skeleton

    a, b = skeleton(arabic.text), skeleton(" ".join(t.text for t in run[:1]))
    return len(a) >= 3 and a == b


def _person_cue(doc: Doc, run: list[Token], before: list[Token], after: list[Token]) -> bool:
    """"said Marcus Oyelaran", "hired Priya Raman", "co-founder Karén Simonyan", "Wen-Li Chou, who",
    "Marcus Oyelaran, the CEO", "Layla Haddad said"; or a known first name."""
    lex = doc.lex
    if len(run) < 2 or len(run) > 4:
        return False
    inside = set(lex.patterns["type_cues"]["Organization"]["inside_en"]) | set(lex.patterns["type_cues"]["Company"]["inside_en"])
    if run[0].norm == "the" or any(t.text in inside for t in run) or not all(_case_ok(t.text) or t.norm in
                                                                          lex.words("name_particles_en") for t in run):
        return False  # "The Department of Commerce announced" is no person
    speech = lex.words("speech_verbs_en") - {"told", "according"}
    hire = {w for phrase in lex.phrases("hire_words_en") for w in phrase[-1:]}
    if before and (before[-1].norm in speech or before[-1].norm in hire or _title_before(doc, before)):
        return True
    # "its hiring of noted futurist and inventor Ray Kurzweil": a hiring word, then only describing words
    for n in range(len(before) - 1, -1, -1):
        if before[n].norm in hire:
            rest = before[n + 1:]
            if rest and all(t.script == "latin" and t.text.islower() for t in rest):
                return True
            break
    if len(before) >= 2 and (before[-1].norm,) in lex.title_index and before[-2].script == "latin" and (
            before[-2].norm in lex.words("former_en") or _case_ok(before[-2].text) and before[-2].norm != "the"):
        return True  # an occupation after its employer: "former Meta engineer Vijaye Raji", "Google researcher Ana Li"
    if len(before) >= 2 and before[-1].norm in (",", "،", ":", "—", "–") and _title_before(doc, before[:-1]):
        return True  # "Arcline's chief executive and co-founder, Elena Sokolova", "its co-founders—A, B and C"
    i = doc.token_index[run[0].start]
    if before and before[-1].norm in (",", "،") and _title_before_comma(doc, i - 1):
        return True  # "The chief technology officer of Lumenor, Anil Verhoeven"
    if any(tuple(t.norm for t in doc.tokens[i - len(p):i]) == p for p in lex.phrases("person_before_en") if i >= len(p)):
        return True  # "co-founded by Julien Marchetti"
    if before and before[-1].norm == "and" and _founder_list_before(doc, i - 1):
        return True  # "co-founded by Aditya Menon, who earlier headed ... at Flipkart, and Sahana Iyer"
    if after and after[0].norm in speech:
        return True
    # "Dana Moretti is leaving Google", "Oskar Lind joined Cohere", "X will join OpenAI": a person's move
    moves = lex.words("move_cue_verbs_en")
    aux = {"is", "was", "has", "had", "will", "would", "also", "recently", "quietly", "officially"}
    k = 0
    while k < min(len(after), 3) and after[k].norm in aux:
        k += 1
    if k < len(after) and after[k].norm in moves and k + 1 < len(after) and after[k + 1].script == "latin" \
            and (_case_ok(after[k + 1].text) or after[k + 1].norm in ("the", "to", "as", "from")):
        return True
    if 0 < k < len(after) and after[k - 1].norm in ("is", "was") and after[k].norm in ("a", "an", "the"):
        # "Dana Moretti is a former OpenAI researcher", "X was an Nvidia alum", "X is the company's CTO"
        j = doc.token_index[after[k].start] + 1
        toks = doc.tokens
        for _ in range(4):
            if j >= len(toks) or _title_at(doc, j) or toks[j].norm in lex.words("alum_words_en"):
                return j < len(toks)
            if not (toks[j].norm in lex.words("former_en") or toks[j].norm in ("'", "’", "s")
                    or toks[j].norm in lex.words("company_nouns_en")  # "X is the startup's chief executive"
                    or toks[j].script == "latin" and _case_ok(toks[j].text)):
                break
            j += 1
    # "Srinivas Narayanan becomes CTO of ...", "X will step in as CTO", "X stepped down as CEO of ..."
    for phrase in (*lex.phrases("role_change_en"), *lex.phrases("role_leave_en")):
        n = len(phrase)
        if len(after) > n and tuple(t.norm for t in after[:n]) == phrase:
            j = doc.token_index[after[n].start]
            if _title_at(doc, j) or after[n].norm in ("the", "a", "an") and _title_at(doc, j + 1):
                return True
            toks = doc.tokens  # "X will become Intel's chief technology officer"
            if j + 2 < len(toks) and _case_ok(after[n].text) and toks[j + 1].norm in ("'", "’") \
                    and (_title_at(doc, j + 2) or toks[j + 2].norm == "s" and _title_at(doc, j + 3)):
                return True
    if len(after) >= 2 and after[0].norm in (",", "،"):
        if after[1].norm in ("who", "whose"):
            return True
        if (after[1].norm in ("formerly", "previously") and len(after) >= 3
                and after[2].norm in ("of", "at", "with", "a", "an", "the")):
            return True  # "Dana Moretti, formerly of Google,"
        if after[1].norm == "the" and _company_possessive_title(doc, doc.token_index[after[1].start] + 1):
            return True  # "Mara Quist, the A.I. company's co-founder"
        # "X, the CEO", "X, a former Meta researcher", "X, a former Google ad strategist", "X, an Nvidia alum"
        for t in after[1:6]:
            if _title_at(doc, doc.token_index[t.start]) or t.norm in lex.words("alum_words_en"):
                return True
    return lex.first_name(run[0].norm)


def _founder_list_before(doc: Doc, k: int, reach: int = 30) -> bool:
    """Token K ("and") ends a list that a founding verb and "by" ("co-founded in 2023 by") opened earlier in the same
    sentence, a name right after "by": the next name is one of the founders listed."""
    toks = doc.tokens
    verbs = doc.lex.words("founded_verbs_en")
    for j in range(k - 1, max(-1, k - reach), -1):
        if toks[j].norm in (".", "!", "?", ";", ":"):
            return False
        if toks[j].norm == "by" and any(toks[q].norm in verbs for q in range(max(0, j - 4), j)):
            return j + 1 < k and _case_ok(toks[j + 1].text)  # ("co-founded in 2023 by")
    return False


def _company_possessive_title(doc: Doc, k: int) -> bool:
    """Tokens from k: a few describing words, a company noun with "'s", then a title
    ("A.I. company's president", "robotics startup's CTO")."""
    toks = doc.tokens
    nouns = doc.lex.words("company_nouns_en")
    for q in range(k, min(k + 5, len(toks) - 2)):
        if toks[q].norm in nouns and toks[q + 1].norm == "'":
            r = q + 3 if q + 2 < len(toks) and toks[q + 2].norm == "s" else q + 2
            return r < len(toks) and _title_at(doc, r)
        if toks[q].script == "punct" and toks[q].text != ".":
            return False
    return False


def _title_before(doc: Doc, before: list[Token]) -> bool:
    index = doc.lex.title_index
    for n in (3, 2, 1):
        key = tuple(t.norm for t in before[-n:])
        if len(key) == n and key in index and index[key]["kind"] != "occupation":
            return True
    return False


def _after_possessive(after: list[Token]) -> Token | None:
    """The token after "'s" or a bare "'" ("Databricks' VP"), if the run is followed by one."""
    if len(after) >= 3 and after[0].norm == "'" and after[1].norm == "s":
        return after[2]
    if len(after) >= 2 and after[0].norm == "'":
        return after[1]
    return None


def _is_outlet_context(doc: Doc, j: int) -> bool:
    spec = doc.lex.patterns["type_cues"]["MediaOutlet"]
    words = {norm(w) for w in spec["before_ar"] + spec["after_ar"]}
    return any(t.norm in words for t in doc.tokens[max(0, j - 6):j + 6])


def _surnames(doc: Doc, free, taken: list[Item]) -> list[Item]:
    """A person named in full ("Naveen Rao") may later be called by surname alone ("Rao")."""
    surnames: dict[str, set[str]] = {}
    east_asian = doc.lex.words("east_asian_surnames_ar")
    for it in taken:
        if it.is_person:
            words = [t for t in tokenize(doc.text[it.start:it.end]) if t.script in ("ar", "latin")]
            if len(words) >= 2:
                surnames.setdefault(words[-1].norm, set()).add(it.key)
                if words[0].norm in east_asian:  # "تشو وي" is Zhou Wei: "تشو" alone is his surname
                    surnames.setdefault(words[0].norm, set()).add(it.key)
    out = []
    if not surnames:
        return out
    cues = doc.lex.patterns["type_cues"]
    inside = set(cues["Company"]["inside_en"]) | set(cues["Organization"]["inside_en"])
    toks = doc.tokens
    for n, tok in enumerate(toks):
        if tok.script not in ("ar", "latin") or not free(tok.start, tok.end):
            continue
        if tok.script == "latin" and not _case_ok(tok.text):
            continue
        if tok.script == "latin" and n + 1 < len(toks) and toks[n + 1].text in inside and _contiguous(doc, [tok, toks[n + 1]]):
            continue  # "Babuschkin Ventures", "Hassabis Labs": a company named after the person
        item = _name_part_mention(doc, tok, lambda form: next(iter(surnames[form])) if len(surnames.get(form, ())) == 1
                                  else None)
        if item is not None:
            out.append(item)
    return out


def _name_part_mention(doc: Doc, tok: Token, key_of) -> Item | None:
    """TOK, or what is left of it past a proclitic, is part of one person's name (KEY_OF: a form -> that
    person's key, or None): a mention of that person."""
    for form, start in strip_proclitic(doc, tok):
        key = key_of(form)
        if key is not None:
            sp = doc.span(start, tok.end)
            doc.add_entity(key, "Person", sp.exact, how="surname", span=sp)
            return Item(sp.start, sp.end, "ent", form, key=key, etype="Person", prefix=tok.norm[: len(tok.norm) - len(form)])
    return None


def _given_names(doc: Doc, free, taken: list[Item]) -> list[Item]:
    """People who share a surname ("داريو أمودي وشقيقته دانييلا أمودي", "Patrick and John Collison") are
    called by their given names after ("ويشغل داريو حاليا منصب"): a given name alone is the one person
    of the article who has it, when that person's surname is another's too."""
    people: dict[str, list[str]] = {}  # key -> the words of its fullest name
    for it in taken:
        if it.is_person:
            words = [t.norm for t in tokenize(doc.text[it.start:it.end]) if t.script in ("ar", "latin")]
            if len(words) >= 2 and len(words) > len(people.get(it.key, ())):
                people[it.key] = words
    by_surname: dict[str, set[str]] = {}
    for key, words in people.items():
        by_surname.setdefault(words[-1], set()).add(key)
    given: dict[str, set[str]] = {}
    for key, words in people.items():
        given.setdefault(words[0], set()).add(key)
    shared = {w: next(iter(keys)) for w, keys in given.items()
              if len(keys) == 1 and len(by_surname[people[next(iter(keys))][-1]]) > 1}
    out = []
    if not shared:
        return out
    toks = doc.tokens
    for tok in toks:
        if tok.script not in ("ar", "latin") or not free(tok.start, tok.end) or tok.script == "latin" and not _case_ok(tok.text):
            continue
        item = _name_part_mention(doc, tok, shared.get)
        if item is not None:
            out.append(item)
    return out


def _known_surnames(doc: Doc, free) -> list[Item]:
    """"Huang said", "وكان ألتمان قد صرّح": the surname alone of a famous person of the lexicon whose
    full name the article never gives (lexicon/patterns.json `known_surnames`), standing alone."""
    index = doc.lex.surname_index
    firsts = doc.lex.words("first_names_ar")
    toks = doc.tokens
    out = []
    for k, tok in enumerate(toks):
        if tok.script not in ("ar", "latin") or not free(tok.start, tok.end):
            continue
        if tok.script == "latin" and (not tok.text[:1].isupper() or any(
                0 <= n < len(toks) and toks[n].script == "latin" and toks[n].text[:1].isupper()
                and _contiguous(doc, sorted((toks[n], tok), key=lambda t: t.start)) for n in (k - 1, k + 1))):
            continue  # "Lisa Huang" is someone else
        if tok.script == "ar" and k and toks[k - 1].script == "ar" and _contiguous(doc, [toks[k - 1], tok]) and any(
                f in firsts for f, _ in strip_proclitic(doc, toks[k - 1])):
            continue  # "ولينا شميدت" is someone else than Eric Schmidt
        for form, start in strip_proclitic(doc, tok):
            entry_id = index.get(form)
            if entry_id is None:
                continue
            known = doc.lex.entries[entry_id]
            key = f"{iris.kind_segment(known.etype)}/{known.id}"
            sp = doc.span(start, tok.end)
            doc.add_entity(key, "Person", sp.exact, how="surname", span=sp, known=known)
            out.append(Item(sp.start, sp.end, "ent", form, tok.script, key=key, etype="Person",
                            prefix=tok.norm[: len(tok.norm) - len(form)]))
            break
    return out


def _prefer_surnames(doc: Doc, taken: list[Item]) -> list[Item]:
    """"وآيف" is "and Ive" when the article names Jony Ive, not the company spelled وايف."""
    surnames: dict[str, str] = {}
    for it in taken:
        if it.is_person:
            words = [t for t in tokenize(doc.text[it.start:it.end]) if t.script == "ar"]
            if len(words) >= 2:
                surnames[words[-1].norm] = it.key
    out = []
    for it in taken:
        surface = norm(doc.text[it.start:it.end])
        if it.kind == "ent" and not it.is_person and it.script != "latin" and surface.startswith("و") \
                and " " not in surface and surface[1:] in surnames:
            key = surnames[surface[1:]]
            sp = doc.span(it.start + 1, it.end)
            doc.mentions = [m for m in doc.mentions if m.span.start != it.start]
            if not any(m.key == it.key for m in doc.mentions):
                doc.labels.pop(it.key, None)  # the word named nothing else: no entity left behind
            doc.add_entity(key, "Person", sp.exact, how="surname", span=sp)
            it = Item(sp.start, sp.end, "ent", surface[1:], "ar", key=key, etype="Person", prefix="و")
        out.append(it)
    return out


def _titles(doc: Doc, free) -> list[Item]:
    out = []
    index = doc.lex.title_index
    keys, lengths = doc.lex.title_keys  # _match_at returns the matched phrase itself
    max_len = max(len(k) for k in index)
    company_nouns = doc.lex.words("company_nouns_en")
    number_words = {norm(w) for w in doc.lex.patterns["number_words"]["ar"]}
    verb_titles, modals, determiners = (doc.lex.words(n) for n in ("verb_titles_en", "modals_en", "determiners_en"))
    i = 0
    while i < len(doc.tokens):
        hit = _match_at(doc, i, keys, max_len, cased=False, lengths=lengths)
        if hit:
            words, start, j, prefix = hit
            end = doc.tokens[j - 1].end
            if j < len(doc.tokens) and doc.tokens[j].norm in company_nouns and doc.tokens[j].script == "latin":
                i = j  # "Nvidia's partner firm", "a founder company": a word describing a company, no one's title
                continue
            if len(words) == 1 and words[0] in verb_titles and (
                    i and doc.tokens[i - 1].norm in modals or j < len(doc.tokens) and doc.tokens[j].norm in determiners):
                i = j  # "SoftBank would lead a $40 billion round", "to head the unit": a verb, no one's title
                continue
            if words in doc.lex.title_accusatives and i and (doc.tokens[i - 1].script == "num"
                                                            or doc.tokens[i - 1].norm in number_words):
                i = j  # "٥٥ موظفًا في فيريديان": a count of employees, no one's title
                continue
            if free(start, end):
                out.append(Item(start, end, "title", norm(doc.text[start:end]), doc.tokens[i].script,
                                title=index[words], words=words, prefix=prefix))
                i = j
                continue
        i += 1
    return out


def _money(doc: Doc) -> list[Item]:
    lex = doc.lex
    toks = doc.tokens
    out = []
    i = 0
    bare = lex.bare_amounts
    while i < len(toks):
        tok = toks[i]
        if tok.script == "ar" and bare and (i == 0 or toks[i - 1].script != "num"):
            item = _bare_amount(doc, i, bare)  # "بقيمة ملياري دولار", "مليار دولار"
            if item is not None:
                out.append(item)
                while i < len(toks) and toks[i].start < item.end:
                    i += 1
                continue
        if tok.script != "num":
            i += 1
            continue
        value = parse_number(tok.text)
        if value is None:
            i += 1
            continue
        start, j = tok.start, i + 1
        currency = None
        # a symbol right before: $2.7, US$ 5, € 3
        if i >= 1 and toks[i - 1].text in lex.currency_symbols and tok.start - toks[i - 1].end <= 1:
            currency = lex.currency_symbols[toks[i - 1].text]
            start = toks[i - 1].start
            if i >= 2 and toks[i - 2].text == "US" and toks[i - 2].end == toks[i - 1].start:
                start = toks[i - 2].start
        upper = None
        if j + 1 < len(toks) and toks[j].norm in lex.words("range_links") and toks[j + 1].script == "num":
            upper = parse_number(toks[j + 1].text)  # a range: both ends take the multiplier and currency
            if upper is not None:
                j += 2
        mult, j = _multiplier(doc, j)
        value *= mult
        if currency is None:
            for n in (2, 1):
                key = tuple(t.norm for t in toks[j:j + n])
                if len(key) == n and key in lex.currency_words:
                    currency = lex.currency_words[key]
                    j += n
                    break
        if currency is None and j < len(toks) and toks[j].text in lex.currency_symbols and len(toks[j].text) == 3:
            currency, j = lex.currency_symbols[toks[j].text], j + 1
        if currency:
            end = toks[j - 1].end
            sp = doc.span(start, end)
            money = Money(sp, value, currency)
            out.append(Item(start, end, "money", norm(sp.exact), money=money, value=value))
            if upper is not None:
                doc.range_ends.append(Money(sp, upper * mult, currency))
            i = j
        else:
            i += 1
    return out


def _bare_amount(doc: Doc, i: int, bare: dict[str, int]) -> Item | None:
    """An Arabic multiplier word standing for a number and a currency word after it: "ملياري دولار"
    (the dual: two billion), "مليار دولار" (one billion); a proclitic (بـ، و) stays out of the span."""
    toks = doc.tokens
    hit = next(((f, st) for f, st in strip_proclitic(doc, toks[i]) if f in bare), None)
    if hit is None or i + 1 >= len(toks):
        return None
    value, k = Decimal(bare[hit[0]]), i + 1
    if toks[k].norm in doc.lex.words("half_words_ar") and k + 1 < len(toks):
        # "مليار ونصف دولار", "مليارا ونصف المليار دولار": one and a half
        value, k = value * Decimal("1.5"), k + 1
        if toks[k].norm.startswith("ال") and toks[k].norm[2:] in bare and k + 1 < len(toks):
            k += 1
    currency = doc.lex.currency_words.get((toks[k].norm,))
    if currency is None:
        return None
    sp = doc.span(hit[1], toks[k].end)
    return Item(sp.start, sp.end, "money", norm(sp.exact), money=Money(sp, value, currency), value=value)


def _multiplier(doc: Doc, j: int) -> tuple[Decimal, int]:
    toks = doc.tokens
    mult = Decimal(1)
    while j < len(toks):
        tok = toks[j]
        glued = tok.start == toks[j - 1].end
        word = tok.text if len(tok.text) <= 2 else tok.norm
        factor = doc.lex.multipliers.get(word)
        if factor is None or (len(tok.text) <= 2 and tok.script == "latin" and not glued and tok.text not in ("mn", "bn")):
            break
        mult *= factor
        j += 1
    return mult, j


def _numbers(doc: Doc, free) -> list[Item]:
    out = []
    toks = doc.tokens
    for i, tok in enumerate(toks):
        if tok.script != "num" or not free(tok.start, tok.end):
            continue
        value = parse_number(tok.text)
        if value is None:
            continue
        mult, j = _multiplier(doc, i + 1)
        end = toks[j - 1].end
        out.append(Item(tok.start, end, "num", tok.norm, value=value * mult))
    # "a million chips", "half a million GPUs", "one million TPUs": an English count written without digits
    words = doc.lex.patterns["number_words"]["en"]
    for i, tok in enumerate(toks[:-1]):
        if tok.script != "latin" or tok.norm not in ("a", "half") and tok.norm not in words or not free(tok.start, tok.end) \
                or tok.norm == "a" and i and toks[i - 1].norm == "half":
            continue
        k = i + 1 + (tok.norm == "half" and toks[i + 1].norm == "a")
        if k >= len(toks) or toks[k].norm not in ("thousand", "million", "billion") or not free(toks[k].start, toks[k].end):
            continue
        mult, j = _multiplier(doc, k)
        if j > k:
            value = mult / 2 if tok.norm == "half" else mult * words.get(tok.norm, 1)
            out.append(Item(tok.start, toks[j - 1].end, "num", norm(doc.text[tok.start:toks[j - 1].end]), value=value))
    # "مليون وحدة TPU", "مليوني شريحة": an Arabic count that is its own number, before a chip noun
    chips = {w for phrase in doc.lex.phrases("chip_nouns_ar") for w in phrase}
    bare = {**doc.lex.bare_amounts, norm("ألف"): 1000}
    for i, tok in enumerate(toks[:-1]):
        if tok.script == "ar" and tok.norm in bare and toks[i + 1].norm in chips and free(tok.start, tok.end) \
                and not (i and toks[i - 1].script == "num"):
            out.append(Item(tok.start, tok.end, "num", tok.norm, value=Decimal(bare[tok.norm])))
    return out
