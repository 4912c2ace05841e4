"""What every extractor shares: the Doc, the facts found so far, and who each phrase refers to."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from decimal import Decimal
from functools import lru_cache

from kg import iris
from kg.mentions import Doc, Item
from kg.model import Extraction, Position, Relation, Span


class Context:
    def __init__(self, doc: Doc, out: Extraction) -> None:
        self.doc = doc
        self.out = out
        self.rule = ""
        self.items = doc.items
        # item index -> person key, for phrases that refer to a person: names, titles, anaphors
        self.person_refs: dict[int, str] = {}
        # item index -> (description span, org item index or None, role) for people the article
        # only describes; they enter the graph once a fact needs them (see describe()).
        self.described: dict[int, tuple[Span, int | None, dict, bool]] = {}
        self.claimed: set[int] = set()
        self.aliases: dict[int, int] = {}  # "the employee" -> the item that described that person
        self.org_refs: dict[int, str] = {}  # item index -> org key for "the startup", "his company"
        self.frames: dict = {}  # title item index -> its positions.Frame (organization, person, tail)
        for i, it in enumerate(self.items):
            if it.is_person:
                self.person_refs[i] = it.key
            elif it.is_org:
                self.org_refs[i] = it.key
        # sentence of each item, and the item range of each sentence, computed once
        self._sentence = [doc.sentence_index(it.start) for it in self.items]
        self.item_starts = [it.start for it in self.items]
        # per item, computed once: the normalized word of a plain token (None for entities, titles,
        # money and numbers), and its forms with each possible proclitic removed (Arabic words)
        procl = doc.lex.proclitics
        self._norms = [it.norm if it.kind == "tok" else None for it in self.items]
        self._forms = [None if w is None else _forms(w, procl) if it.script == "ar" else (w,)
                       for w, it in zip(self._norms, self.items)]
        self._where_norm: dict[str, list[int]] = {}  # word -> the plain tokens that are it
        self._where_form: dict[str, list[int]] = {}  # word -> the plain tokens that are it after a proclitic
        for i, forms in enumerate(self._forms):
            if forms is not None:
                self._where_norm.setdefault(forms[0], []).append(i)
                for f in dict.fromkeys(forms):
                    self._where_form.setdefault(f, []).append(i)
        self._indexes: dict[int, tuple] = {}
        self._lengths: dict[tuple[int, bool], tuple] = {}
        self._found: dict[tuple[int, bool], tuple] = {}
        self._ranges: dict[int, range] = {}
        for i, s in enumerate(self._sentence):
            r = self._ranges.get(s)
            self._ranges[s] = range(r.start if r else i, i + 1)

    # --- navigation -------------------------------------------------------------------------
    def sentence_of(self, i: int) -> int:
        return self._sentence[i]

    def sentence_range(self, i: int) -> range:
        """Indexes of the items in item i's sentence."""
        return self._ranges[self._sentence[i]]

    def sentence_items(self, s: int) -> range:
        return self._ranges.get(s, range(0))

    def words_at(self, i: int, phrases, proclitic: bool = False) -> int:
        """Length in items of the longest phrase (normalized token tuples) starting at item i."""
        if not 0 <= i < len(self.items):
            return 0
        if len(phrases) == 1:  # a phrase built on the spot: no table for the whole article
            return self._longest(i, self._phrase_index(phrases), proclitic)
        return self.lengths(phrases, proclitic)[i]

    def lengths(self, phrases, proclitic: bool = False) -> list[int]:
        """words_at for every item of the article, computed once per phrase list."""
        key = (id(phrases), proclitic)
        cached = self._lengths.get(key)
        if cached is None or cached[0] is not phrases:
            index = self._phrase_index(phrases)
            out = [0] * len(self.items)
            where = self._where_form if proclitic else self._where_norm
            for first in index:
                for i in where.get(first, ()):
                    if not out[i]:
                        out[i] = self._longest(i, index, proclitic)
            cached = (phrases, out)
            self._lengths[key] = cached
        return cached[1]

    def _longest(self, i: int, index: dict, proclitic: bool) -> int:
        if self._norms[i] is None:
            return 0
        firsts = self._forms[i] if proclitic else (self._norms[i],)
        norms = self._norms
        best = 0
        for first in firsts:
            for phrase in index.get(first, ()):
                n = len(phrase)
                if n <= best:
                    continue
                if i + n <= len(norms) and all(norms[i + m] == phrase[m] for m in range(1, n)):
                    best = n
        return best

    def matches(self, phrases, proclitic: bool = True):
        """(item, length, sentence range) for every place a phrase of `phrases` starts."""
        for k, n in enumerate(self.lengths(phrases, proclitic)):
            if n:
                yield k, n, self.sentence_range(k)

    def forms(self, i: int) -> tuple[str, ...]:
        """Item i's word, and for an Arabic word the same with each possible proclitic removed."""
        found = self._forms[i]
        if found is None:  # not a plain token
            it = self.items[i]
            found = _forms(it.norm, self.doc.lex.proclitics) if it.script == "ar" else (it.norm,)
        return found

    def _phrase_index(self, phrases) -> dict[str, tuple[tuple[str, ...], ...]]:
        key = id(phrases)
        cached = self._indexes.get(key) or self.doc.lex.first_word_index.get(key)  # lists of the lexicon: built once
        if cached is None or cached[0] is not phrases:
            cached = (phrases, _first_word_index(phrases))
            self._indexes[key] = cached
        return cached[1]

    def is_word(self, i: int, words: frozenset[str], proclitic: bool = True) -> bool:
        if not 0 <= i < len(self.items):
            return False
        w = self._norms[i]
        if w is None:
            return False
        if w in words:
            return True
        if proclitic and self.items[i].script == "ar":
            for f in self._forms[i]:
                if f in words:
                    return True
        return False

    def where(self, words: frozenset[str], proclitic: bool = True, within: range | list[int] | None = None) -> list[int]:
        """The items that are one of WORDS (see is_word), in order; only those in WITHIN (a sentence's
        items) when given. For the loops that look for a word: read from the index of the article's
        words instead of asking is_word of every item."""
        key = (id(words), proclitic)
        cached = self._found.get(key)
        if cached is None or cached[0] is not words:
            where = self._where_form if proclitic else self._where_norm
            found = sorted({i for w in words for i in where.get(w, ())}) if len(words) < len(where) else \
                [i for i in range(len(self.items)) if self.is_word(i, words, proclitic)]
            cached = (words, found)
            if len(words) > 8:  # (a list of the lexicon, asked again and again; not a set made for one call)
                self._found[key] = cached
        found = cached[1]
        if within is None or not found:
            return found
        return found[bisect_left(found, within[0]):bisect_right(found, within[-1])] if len(within) else []

    def negates(self, q: int) -> bool:
        """Item q is a negation word, and not one that with the next word means "still" or
        "especially" ("لا تزال تستحوذ على الحصة الكبرى"، "لا سيما")."""
        return self.is_word(q, self.words("negation")) and not self.is_word(q + 1, self.words("not_negating"))

    def hedged(self, q: int) -> bool:
        """Item q makes what follows uncertain or still to come ("in talks", "تعتزم"); Arabic "قد" only before
        a verb in the present ("قد تستثمر", may invest), not one in the past ("قد سبق أن استثمرت", had invested)."""
        if self.is_word(q, self.words("hedge")):
            return True
        if not (self.items[q].norm == "قد" and q + 1 < len(self.items)):
            return False
        verb = self.items[q + 1].norm
        return self.items[q + 1].script == "ar" and verb[:1] in "يتن" and not verb.endswith("ت") and verb not in ("تم", "سبق")

    def is_punct(self, i: int, chars: str = ",،") -> bool:
        return 0 <= i < len(self.items) and self.items[i].kind == "tok" and self.items[i].norm in chars

    def span(self, i: int, j: int) -> Span:
        """Evidence from the start of item i to the end of item j (inclusive)."""
        a, b = sorted((i, j))
        return self.doc.span(self.items[a].start, self.items[b].end)

    def words(self, name: str) -> frozenset[str]:
        """A pattern word list in both languages (Latin names occur inside Arabic text and back)."""
        return self.doc.lex.words_both(name)

    def phrases(self, name: str):
        return self.doc.lex.phrases_both(name)

    def is_count(self, i: int) -> bool:
        """A cardinal before a plural noun: "three", "11" ("Convogo's three co-founders")."""
        if not 0 <= i < len(self.items):
            return False
        it = self.items[i]
        counts = self.doc.lex.patterns["number_words"]
        return it.kind == "num" and it.value is not None and it.value < 100 or it.kind == "tok" and (
            it.norm in counts["en"] or it.norm in counts["ar"])

    def title(self, role: str) -> dict:
        """The title entry of a role in lexicon/patterns.json ("head", "board-member", ...)."""
        return next(t for t in self.doc.lex.titles if t["role"] == role)

    def sentence_subject(self, k: int, pronoun: bool = False) -> int | None:
        """The person a sentence-opening pronoun or a verb with no named subject stands for ("He
        joined OpenAI in 2023", "وانضم إلى OpenAI عام 2023"): the last person the sentence before
        names, when item k (the verb) comes after nothing but such a pronoun, "and" or an adverb."""
        same = self.sentence_range(k)
        pronouns = self.words("sentence_subject_pronouns")
        lead = [q for q in range(same.start, k) if not self.is_punct(q)]
        if len(lead) > 2 or any(self.items[q].kind != "tok" for q in lead):
            return None
        if (pronoun or self.doc.lang != "ar") and not any(self.is_word(q, pronouns, False) for q in lead):
            return None
        if any(self.is_word(q, frozenset({"i", "we", "they", "it", "you"}), False) for q in lead):
            return None
        s = self.sentence_of(k)
        prev = self.sentence_items(s - 1) if s else range(0)
        return next((q for q in reversed(prev) if self.items[q].is_person), None)

    def main_company(self) -> str | None:
        """The company the article is about, what "the company" means when nothing nearer decides:
        the one named most often, the first company of the lede (the first sentence after the
        headline that names one) counting two more; the first named of equals."""
        if not hasattr(self, "_main_company"):
            counts: dict[str, int] = {}
            lede = None
            for i, it in enumerate(self.items):
                if it.is_org and it.etype == "Company":
                    counts[it.key] = counts.get(it.key, 0) + 1
                    if lede is None and self._sentence[i] > 0:
                        lede = it.key
            if lede is not None:
                counts[lede] += 2
            self._main_company = max(counts, key=lambda k: counts[k]) if counts else None
        return self._main_company

    # --- people -----------------------------------------------------------------------------
    def person(self, i: int) -> str | None:
        """The person item i refers to, bringing a described person into the graph if needed."""
        if i in self.person_refs:
            return self.person_refs[i]
        if i in self.aliases:
            return self.person(self.aliases[i])
        if i in self.described:
            return self.describe(i)
        return None

    def described_owner(self, i: int) -> int:
        """"مهندس ميتا الذي": the relative pronoun follows the org, but hangs on the description."""
        for t, (_, org_i, _, _) in self.described.items():
            if org_i == i and t < i:
                return t
        return i

    def refers_to_person(self, i: int) -> bool:
        return i in self.person_refs or i in self.described or i in self.aliases

    def titled_name(self, q: int) -> bool:
        """Item q is a title right before a name in the same sentence ("CTO Mark Davis"), as in a list of people."""
        return q + 1 < len(self.items) and self.items[q].kind == "title" and self.items[q + 1].is_person \
            and self.items[q + 1].kind == "ent" and self.doc.text[self.items[q].end:self.items[q + 1].start] == " "

    def describe(self, i: int) -> str:
        """A person the article only describes ("a Meta engineer") enters the graph."""
        span, org_i, role, current = self.described[i]
        key = iris.described_person_key(self.doc.article.key, span.exact)
        if i not in self.claimed:
            self.claimed.add(i)
            self.doc.add_entity(key, "Person", span.exact, how="described", span=span, described=True)
            if org_i is not None:
                org = self.items[org_i].key or self.org_refs.get(org_i)
                self.relate(key, "worksFor" if current else "formerlyWorkedFor", org, span, "0.8")
        self.person_refs[i] = key
        return key

    def mention_person(self, key: str, span: Span) -> None:
        """A phrase such as "the executive" refers to a person already known."""
        etype = self.doc.labels[key]["etype"] if key in self.doc.labels else "Person"
        self.doc.add_entity(key, etype, span.exact, how="anaphor", span=span)

    def last_person_before(self, i: int, want=None) -> str | None:
        for k in range(i - 1, -1, -1):
            key = self.person_refs.get(k)
            if key and (want is None or want(k, key)):
                return key
        return None

    # --- facts ------------------------------------------------------------------------------
    def relate(self, s: str, p: str, o: str, evidence: Span, confidence: str = "0.9") -> None:
        if s and o and s != o:
            self.out.relations.add(Relation(s, p, o, evidence, Decimal(confidence), self.rule))

    def position(self, person: str, org: str, title: Span, role: dict, current: bool, evidence: Span,
                 confidence: str = "0.9", employment: bool = True) -> None:
        """A Position, and (unless it is a seat such as a board membership) employment there."""
        self.out.positions.add(Position(person, org, title.exact, _lang(title.exact),
                                        role["role"], current, evidence, Decimal(confidence), self.rule))
        if employment:
            self.relate(person, "worksFor" if current else "formerlyWorkedFor", org, evidence, confidence)


@lru_cache(maxsize=65536)
def _forms(word: str, proclitics: tuple[str, ...]) -> tuple[str, ...]:
    return (word, *(word[len(p):] for p in proclitics if word.startswith(p) and len(word) > len(p)))


def _first_word_index(phrases) -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list] = {}
    for phrase in phrases:
        index.setdefault(phrase[0], []).append(phrase)
    return {k: tuple(v) for k, v in index.items()}


def _lang(text: str) -> str:
    return "ar" if any("\u0600" <= c <= "\u06ff" for c in text) else "en"


def item_text(ctx: Context, it: Item) -> str:
    return ctx.doc.text[it.start:it.end]
