"""Matching keys for Arabic and English text; offsets always index the original text.

>>> norm("الذَّكاءُ")
'الذكاء'
>>> norm("إنفيديا") == norm("انفيديا")
True
>>> [t.text for t in tokenize("وقال راو لـCommand Line: ٢٫٧")]
['وقال', 'راو', 'لـ', 'Command', 'Line', ':', '٢٫٧']
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from kg.model import Span, Token

_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640\u06d6-\u06ed]")
_FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
    "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4", "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
    "٫": ".", "٬": ",", "’": "'", "‘": "'", "`": "'",
})
# Invisible characters that may sit inside names: bidi controls, joiners, soft hyphen.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u00ad\ufeff]")

_AR = "\u0621-\u063a\u0641-\u064a\u066e-\u06d3\u06fa-\u06ff"
_AR_MARKS = "\u064b-\u065f\u0670\u0640\u06d6-\u06ed\u200c\u200d"
_LAT = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"
TOKEN_RE = re.compile(
    rf"(?P<num>[{_DIGIT}]+(?:[.,\u066b\u066c][{_DIGIT}]+)*)"
    rf"|(?P<ar>[{_AR}][{_AR}{_AR_MARKS}]*)"
    rf"|(?P<latin>[{_LAT}{_DIGIT}](?:[{_LAT}{_DIGIT}\u0300-\u036f]|[.&\-\u00a9](?=[{_LAT}{_DIGIT}])|:(?=[a-z]))*)"
    r"|(?P<punct>\S)"
)
# CRLF and lone CR end lines too; a full stop glued to the next sentence ("the game.Since closing")
# ends one when a lower-case word stops and a capitalised word starts; "the A.I. company" and
# "a U.S. startup" go on (initials, then a lower-case word), and so do "News Corp. on Wednesday",
# "Acme Inc. said" (an abbreviation with a stop, then a lower-case word)
SENTENCE_END = re.compile(r"(?<=[.!?؟])[\"”»’']?\s+(?!(?<=[A-Z]\.[A-Z]\.\s)[a-z])(?!(?<=[A-Z][a-z]\.\s)[a-z])"
                          r"(?!(?<=[A-Z][a-z][a-z]\.\s)[a-z])(?!(?<=[A-Z][a-z]{3}\.\s)[a-z])|[\r\n]+|(?<=[a-z]\.)(?=[A-Z][a-z]{2})")


@lru_cache(maxsize=1 << 16)
def norm(text: str) -> str:
    """The matching key of a word or phrase: NFKC, case-folded, Arabic letter variants folded."""
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text).casefold()
    return _DIACRITICS.sub("", text).translate(_FOLD)


@lru_cache(maxsize=8)
def tokenize(text: str) -> tuple[Token, ...]:
    out = []
    for m in TOKEN_RE.finditer(text):
        script = m.lastgroup or "punct"
        if script == "latin" and "-" in m.group():
            out += _split_hyphens(m.start(), m.group())
            continue
        out.append(Token(m.start(), m.end(), m.group(), norm(m.group()), script))
    return tuple(out)


# one romanized syllable of a Korean or Chinese given name ("Hye", "jin", "Seung", "woo", "Xiao")
_SYLLABLE = re.compile(r"[bcdfghjklmnpqrstvwxyz]{0,3}(?:yeo|iao|ae|eo|eu|oe|oo|ou|ui|ya|yo|yu|ye|wa|wo|we|wi|ai|ao|ei|"
                       r"ia|ie|iu|ua|uo|a|e|i|o|u|y)(?:ng|n|k|l|m|p|t|r)?", re.IGNORECASE)


def _given_name(left: str, right: str) -> bool:
    """"Hye-jin", "Ji-hoon", "Seung-woo": two syllables of one given name, the second in lower case."""
    return left[:1].isupper() and right.islower() and len(left) <= 5 and len(right) <= 5 \
        and _SYLLABLE.fullmatch(left) is not None and _SYLLABLE.fullmatch(right) is not None


def _split_hyphens(start: int, word: str) -> list[Token]:
    """"ex-Inflection" and "Microsoft-backed" are two words; "co-founder", "Co-founder", "Mercedes-Benz"
    and "Hye-jin" one."""
    parts, pos = [], 0
    for i, ch in enumerate(word):
        if ch == "-" and 0 < i < len(word) - 1 and word[i - 1].isalpha() and word[i + 1].isalpha() \
                and (word[pos].isupper() != word[i + 1].isupper() and word[pos:i].lower() != "co"  # "Co-founder" is one
                     and not _given_name(word[pos:i], word[i + 1:].split("-")[0])
                     or word[pos:i].lower() == "ex"):  # "Ex-Google": "ex" and Google
            parts.append((pos, i))
            parts.append((i, i + 1))
            pos = i + 1
    parts.append((pos, len(word)))
    return [Token(start + a, start + b, word[a:b], norm(word[a:b]), "punct" if word[a:b] == "-" else "latin")
            for a, b in parts]


def span(text: str, start: int, end: int) -> Span:
    """A Span of `text`, trimmed of surrounding white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end])


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: split after . ! ? ؟ and at line breaks."""
    out, start = [], 0
    for m in SENTENCE_END.finditer(text):
        if text[start:m.start()].strip():
            out.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text)))
    return out


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line; LF, CRLF and lone CR all end lines."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\r\n]+", text) if m.group().strip()]


def parse_number(raw: str) -> Decimal | None:
    """'2.7' -> 2.7, '10,000' -> 10000, '٢٫٧' -> 2.7, '١٠٬٠٠٠' -> 10000."""
    s = norm(raw)
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", s):
        s = s.replace(",", "")
    elif "," in s:
        s = s.replace(",", ".") if re.fullmatch(r"\d+,\d{1,2}", s) else s.replace(",", "")
    try:
        return Decimal(s)
    except InvalidOperation:
        return None
