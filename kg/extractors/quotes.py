"""Direct speech and who said it.

A quoted stretch is direct speech when it opens a sentence, follows a colon, or follows a
speech verb ("قال له “...”", 'told him to "..."'); otherwise it is a quoted phrase inside the
writer's own sentence ("يشبه “البحث عن ...”", 'a "massive influence"') and is not a Quote.
The speaker is named before the quote ("وقال راو: “...”"), after it ('"...," Rao said'), by a
relative clause ("مهندس ميتا الذي قال له “...”"), or carried over from the quote just before.
"""
from __future__ import annotations

import bisect
import re

from kg.extractors import extractor
from kg.extractors.context import Context
from kg.model import Quote

# a straight quote mark after a space and before a word opens a quote (nested: 'مع "أوبن أي آي" ولدينا'),
# so it never closes one
# an opening mark used again to close, right before the sentence's last stop ("... عملاقها “."), closes
QUOTE_RE = re.compile(r"“([^”\n]+)”|“([^”“\n]+)“(?=[.!?؟]|\s*$)|«([^»\n]+)»"
                      r"|\"((?:[^\"\n]|(?<=\s)\"[^\"\n]+\"(?=\s))+)\"(?!(?<=\s\")\w)|„([^“”\n]+)[“”]"
                      r"|(?<![\w“])”([^“”\n]+)“(?!\w)", re.M)  # ("”...“": the marks reversed, as some Arabic pages have them)
TRIM = " \t,،;؛"
MIN_WORDS = 3
PRONOUN = "<pronoun>"  # a speaker given as "he" / "she": resolved to the previous speaker


@extractor("sanad.quote.direct.v1", produces=("Quote", "speaker", "text"))
def quotes(ctx: Context) -> None:
    text = ctx.doc.text
    previous: tuple[int, str, int] | None = None  # (end offset, speaker, sentence index) of the last quote
    spans = [(m.start(), m.end()) for m in QUOTE_RE.finditer(text)]
    for m in QUOTE_RE.finditer(text):
        g = next(i for i in range(1, 7) if m.group(i) is not None)
        start, end = m.start(g), m.end(g)
        while start < end and text[start] in TRIM:
            start += 1
        while end > start and text[end - 1] in TRIM:
            end -= 1
        inner = text[start:end]
        words = len(inner.split())
        if words < MIN_WORDS - 1:
            continue
        q0, q1 = _item_range(ctx, m.start(), m.end())
        kind = _how_introduced(ctx, m.start(), q0)
        if kind is None:
            continue
        speaker = _speaker_before(ctx, q0) if kind in ("colon", "verb") else None
        if words < MIN_WORDS and (kind != "colon" or speaker in (None, PRONOUN)):
            continue  # two words are a quote only after "NAME said:" ("وقال NAME: «الطلب هائل»")
        if speaker is None:
            speaker = _speaker_after(ctx, q1, m.end())
        if speaker == PRONOUN or (speaker is None and kind in ("colon", "verb") and _bare_verb(ctx, q0)):
            # "she said", "وأضافت:": the last person named outside quotes, else the previous speaker
            speaker = _last_named(ctx, q0, spans, m.start()) or (previous[1] if previous is not None else None)
        if speaker == PRONOUN:
            speaker = None
        if speaker is None and kind == "colon":
            speaker = _sole_person_before(ctx, q0, spans)  # "NAME ... قدم مبررًا لترك Google: “...”"
        if speaker is None and kind == "start" and previous is not None:
            prev_end, prev_speaker, prev_sentence = previous
            here = ctx.doc.sentence_index(m.start())
            between = text[prev_end:m.start()]
            same_par = "\n" not in between
            # a paragraph that is only a quote, right after the paragraph that ended with the last one
            follows = "\n" in between and "\n" not in between.strip() and _whole_line(text, m.start(), m.end())
            if (same_par and here - prev_sentence <= 2) or follows:
                speaker = prev_speaker
        if speaker is None:
            continue
        span = ctx.doc.span(start, end)
        ctx.out.quotes.add(Quote(speaker, inner, _lang(inner), span, ctx.rule))
        previous = (m.end(), speaker, ctx.doc.sentence_index(m.start()))


@extractor("sanad.quote.colon-statement.v1", produces=("Quote", "speaker", "text"))
def colon_statements(ctx: Context) -> None:
    """"وأوضح NAME في بيان: TEXT." / 'NAME said in a statement: TEXT.': a statement introduced by a
    speech verb, a statement noun and a colon without quotation marks runs to the end of its sentence
    (a quoted name inside it is allowed); the speaker is read before the colon as for quotes. Not
    "وقال NAME لـX: ..." (a paraphrase, without a statement noun) nor a colon inside a quotation."""
    text = ctx.doc.text
    quoted = {q.evidence.start for q in ctx.out.quotes}
    spans = [(m.start(), m.end()) for m in QUOTE_RE.finditer(text)]
    for k, it in enumerate(ctx.items):
        if not (it.kind == "tok" and it.norm in (":", "：")):
            continue
        start = it.end
        while start < len(text) and text[start] in " \t":
            start += 1
        if start >= len(text) or text[start] in "“«\"„'\n" or start in quoted:
            continue  # a quoted statement: the quote rule reads it
        end = start
        while end < len(text) and text[end] not in ".!?؟\n":
            end += 1
        inner = text[start:end].strip(TRIM)
        if len(inner.split()) < 6 or _how_introduced(ctx, start, k) != "colon":
            continue
        if any(a < it.start < b for a, b in spans):
            continue  # a colon inside a quotation
        verbs = ctx.words("speech_verbs")
        same = ctx.sentence_range(k)
        if not any(ctx.is_word(q, verbs) for q in range(same.start, k)):
            continue  # "The deal includes: ..." is a list, not a statement
        if not any(ctx.is_word(q, ctx.words("statement_nouns")) for q in range(max(same.start, k - 3), k)):
            continue  # "وقال NAME لـX: ..." paraphrases; "في بيان:" / "in a statement:" quotes
        speaker = _speaker_before(ctx, k - 1)
        if speaker is None or speaker == PRONOUN:
            continue
        span = ctx.doc.span(start, start + len(inner))
        ctx.out.quotes.add(Quote(speaker, inner, _lang(inner), span, ctx.rule))


def _lang(text: str) -> str:
    arabic = sum("\u0600" <= c <= "\u06ff" for c in text)
    return "ar" if arabic >= sum(c.isascii() and c.isalpha() for c in text) else "en"


def _item_range(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """Index of the last item before the quote and the first item after it."""
    starts = ctx.item_starts
    after = bisect.bisect_left(starts, end)
    before = bisect.bisect_left(starts, start) - 1
    while before >= 0 and ctx.items[before].end > start:
        before -= 1
    return before, after


def _how_introduced(ctx: Context, qstart: int, q0: int) -> str | None:
    text = ctx.doc.text
    s0, _ = ctx.doc.sentence_span(qstart)
    lead = text[s0:qstart].strip(" \t-–—•*")
    if not lead or lead.endswith((".", "!", "?", "؟", "”", "\"")):
        return "start"
    if lead.endswith((":", "：")):
        return "colon"
    verbs = ctx.words("speech_verbs")
    # a speech verb within the last three words: 'told him to "', 'قال له “', 'said, "'; further
    # back when "that" opens the quote: 'وأضاف ألتمان في تصريح لرويترز أن “...”'
    reach = 7 if ctx.is_word(q0, ctx.words("speech_complementizers"), proclitic=False) else 3
    statement = ctx.words("statement_nouns")  # 'وكتب A وB في تدوينة يوم الثلاثاء ”...“', 'wrote in a blog post on Tuesday'
    if any(ctx.is_word(k, statement) for k in range(max(0, q0 - 3), q0 + 1)):
        reach = 7
    k, seen = q0, 0
    while k >= 0 and seen < reach:
        it = ctx.items[k]
        if it.kind == "tok" and it.script == "punct" and it.norm not in ",،":
            break
        if ctx.is_word(k, verbs):
            return "verb"
        if it.kind == "tok" and it.script != "punct":
            seen += 1
        k -= 1
    return None


def _speaker_before(ctx: Context, q0: int) -> str | None:
    """In the clause before the quote: the person after the speech verb, else before it, else
    the person a relative clause hangs on ("مهندس ميتا الذي قال له")."""
    verbs = ctx.words("speech_verbs")
    relative = ctx.words("relative")
    same = ctx.sentence_range(max(q0, 0))
    verb = next((k for k in range(q0, same.start - 1, -1) if ctx.is_word(k, verbs)), None)
    if verb is None:
        return None
    if ctx.is_word(verb - 1, relative, proclitic=False):
        p = verb - 2
        if ctx.is_punct(p):
            p -= 1
        p = ctx.described_owner(p)
        return ctx.person(p) if p >= same.start and ctx.refers_to_person(p) else None
    for k in range(verb + 1, q0 + 1):
        if ctx.refers_to_person(k):
            return ctx.person(k)
    for k in range(verb - 1, same.start - 1, -1):
        if ctx.refers_to_person(k):
            return ctx.person(k)
    return None


def _speaker_after(ctx: Context, q1: int, qend: int) -> str | None:
    """'"...," Rao told Command Line.' / '"...," said Rao.': a speech verb in the rest of the sentence."""
    if q1 >= len(ctx.items) or ctx.doc.sentence_index(ctx.items[q1].start) != ctx.doc.sentence_index(qend - 1):
        return None
    verbs = ctx.words("speech_verbs")
    same = ctx.sentence_range(q1)
    stop = min(same.stop, q1 + 12)
    verb = next((k for k in range(q1, stop) if ctx.is_word(k, verbs)), None)
    if verb is None:
        return None
    pronouns = ctx.words("pronouns")
    for k in list(range(verb - 1, q1 - 1, -1)) + list(range(verb + 1, stop)):
        if ctx.refers_to_person(k):
            return ctx.person(k)
        if ctx.is_word(k, pronouns, proclitic=False) and abs(k - verb) == 1:
            return PRONOUN
    return None


def _last_named(ctx: Context, q0: int, spans: list[tuple[int, int]], qstart: int) -> str | None:
    """The person named last before item q0, outside quotation marks, within the quote's paragraph
    (a quote opening its paragraph has none: '“...,” he added.' speaks on for the last speaker)."""
    text = ctx.doc.text
    for k in range(q0, -1, -1):
        it = ctx.items[k]
        if "\n" in text[it.end:qstart]:
            return None
        if k in ctx.person_refs and not any(a <= it.start < b for a, b in spans):
            return ctx.person_refs[k]
    return None


def _sole_person_before(ctx: Context, q0: int, spans: list[tuple[int, int]]) -> str | None:
    """The one person the sentence names before a quote it introduces with a colon and no speech
    verb ("NAME, known as ..., gave his reason for leaving Google: “...”"); None when it names two."""
    same = ctx.sentence_range(max(q0, 0))
    named = {ctx.person(k) for k in range(same.start, q0 + 1) if ctx.refers_to_person(k) and ctx.items[k].kind == "ent"
             and not any(a <= ctx.items[k].start < b for a, b in spans)}
    return named.pop() if len(named) == 1 else None


def _bare_verb(ctx: Context, q0: int) -> bool:
    """The clause before the quote is only a speech verb ("وأضاف:", "He added:")."""
    verbs = ctx.words("speech_verbs")
    pronouns = ctx.words("pronouns")
    same = ctx.sentence_range(max(q0, 0))
    words = [k for k in range(same.start, q0 + 1) if ctx.items[k].kind != "tok" or ctx.items[k].script != "punct"]
    that = ctx.words("speech_complementizers")  # "وأكد أن “...”", "He added that “...”"
    return bool(words) and all(ctx.is_word(k, verbs) or ctx.is_word(k, pronouns, proclitic=False)
                               or ctx.is_word(k, that, proclitic=False) for k in words)


def _whole_line(text: str, start: int, end: int) -> bool:
    """The quote [start, end) is its line, give or take closing punctuation."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip() and not text[end:line_end].strip(" .,،\r")
