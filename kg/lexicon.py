"""Loads the data in `lexicon/`: known entities (names, types, ids) and language patterns.

The lexicon holds names, spellings, types and identifiers, never facts: positions, deals,
quotes and amounts always come from an article's text.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path

from kg.defaults import LEXICON_DIR
from kg.errors import InputError
from kg.text import norm, tokenize

ENTITY_TYPES = ("Person", "Company", "MediaOutlet", "Organization", "HardwareModel")


@dataclass(frozen=True)
class KnownEntity:
    id: str
    etype: str
    en: str | None
    ar: str | None
    aliases: tuple[str, ...]
    wikidata: str | None

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.en, self.ar, *self.aliases) if n)


def phrase_key(text: str) -> tuple[str, ...]:
    """The normalized token sequence a phrase is matched by."""
    return tuple(t.norm for t in tokenize(text) if t.norm not in ("'", "ـ"))


class Lexicon:
    def __init__(self, folder: Path = LEXICON_DIR) -> None:
        self.folder = folder
        self.patterns = _load_json(folder / "patterns.json")
        data = _load_json(folder / "entities.json")
        self.entries: dict[str, KnownEntity] = {}
        for raw in data["entries"]:
            if raw["type"] not in ENTITY_TYPES:
                raise InputError(f"entry '{raw['id']}' has unknown type '{raw['type']}'", folder / "entities.json")
            self.entries[raw["id"]] = KnownEntity(
                raw["id"], raw["type"], raw.get("en"), raw.get("ar"), tuple(raw.get("aliases") or ()),
                raw.get("wikidata"))
        self.index: dict[tuple[str, ...], str] = {}
        for entry in sorted(self.entries.values(), key=lambda e: e.id):
            for name in entry.names:
                key = phrase_key(name)
                if key:
                    self.index.setdefault(key, entry.id)
                    # "Tom's Hardware", "Adam D'Angelo" as the text tokenizes them, apostrophe included
                    self.index.setdefault(tuple(t.norm for t in tokenize(name) if t.norm != "ـ"), entry.id)
        for key, entry_id in sorted(self.index.items()):
            for variant in self._spellings(key):  # "إم.جي.إكس": an acronym's letters joined by full stops
                self.index.setdefault(variant, entry_id)
        self.max_len = max((len(k) for k in self.index), default=1)
        self.exact_names = frozenset(n for e in self.entries.values() for n in e.names)  # "stc" is written lowercase
        self.version = hashlib.sha256(
            (folder / "patterns.json").read_bytes() + (folder / "entities.json").read_bytes()).hexdigest()[:16]

    @staticmethod
    def _spellings(key: tuple[str, ...]) -> list[tuple[str, ...]]:
        """"إم.جي.إكس", "أوبن إيه.آي": a name whose last words are letters spelled out (at most three
        characters each), those letters joined by full stops. (Other transliterations of a name's words
        are matched by their consonant skeleton: name_skeletons.)"""
        if len(key) < 2 or len(key[-1]) > 3 or len(key[-2]) > 3 or not any(re.search("[\u0600-\u06ff]", w) for w in key):
            return []
        cut = next(i for i in range(len(key) - 1, -1, -1) if i == 0 or len(key[i - 1]) > 3)
        return [key[:cut] + tuple(x for w in key[cut:] for x in (w, "."))[:-1]]

    @cached_property
    def common_word_forms_ar(self) -> tuple[re.Pattern, ...]:
        """Templates of Arabic verbal nouns (normalized spelling), compiled once."""
        return tuple(re.compile(f) for f in self.patterns.get("common_word_forms_ar", ()))

    def words(self, name: str) -> frozenset[str]:
        """A pattern list of single words, normalized."""
        return self._words(name)

    def phrases(self, name: str) -> tuple[tuple[str, ...], ...]:
        """A pattern list of phrases (strings or token lists), normalized, longest first."""
        return self._phrases(name)

    @cache  # noqa: B019 - one Lexicon per process
    def _words(self, name: str) -> frozenset[str]:
        return frozenset(norm(w) for w in self.patterns.get(name, ()))  # a list may exist in one language only

    @cache  # noqa: B019
    def _phrases(self, name: str) -> tuple[tuple[str, ...], ...]:
        out = set()
        for item in self.patterns.get(name, ()):
            text = " ".join(item) if isinstance(item, list) else item
            key = phrase_key(text)
            if key:
                out.add(key)
        found = tuple(sorted(out, key=lambda k: (-len(k), k)))
        self.first_word_index[id(found)] = (found, _first_word_index(found))
        return found

    def words_both(self, name: str) -> frozenset[str]:
        """A pattern word list in both languages: `name`_ar and `name`_en together."""
        return self._words_both(name)

    def phrases_both(self, name: str) -> tuple[tuple[str, ...], ...]:
        """A pattern phrase list in both languages, longest first."""
        return self._phrases_both(name)

    @cache  # noqa: B019
    def _words_both(self, name: str) -> frozenset[str]:
        return self._words(f"{name}_ar") | self._words(f"{name}_en")

    @cache  # noqa: B019
    def _phrases_both(self, name: str) -> tuple[tuple[str, ...], ...]:
        found = tuple(sorted(set(self._phrases(f"{name}_ar")) | set(self._phrases(f"{name}_en")), key=lambda p: (-len(p), p)))
        self.first_word_index[id(found)] = (found, _first_word_index(found))
        return found

    @cached_property
    def first_word_index(self) -> dict[int, tuple]:
        """id of a phrase list of this lexicon -> (the list, first word -> its phrases)."""
        return {}

    @cached_property
    def proclitics(self) -> tuple[str, ...]:
        return tuple(sorted((norm(p) for p in self.patterns["proclitics_ar"]), key=lambda p: (-len(p), p)))

    @cached_property
    def titles(self) -> list[dict]:
        return self.patterns["titles"]

    @cached_property
    def title_index(self) -> dict[tuple[str, ...], dict]:
        out: dict[tuple[str, ...], dict] = {}
        for entry in self.titles:
            for form in entry.get("ar", []) + entry.get("en_forms", []):
                out.setdefault(phrase_key(form), entry)
        for entry in self.titles:
            if entry["kind"] != "founder":  # (مؤسسة is also "an institution": its forms are written out)
                for form in entry.get("ar", []):
                    out.setdefault(_feminine(phrase_key(form)), entry)
        for key, entry in self.title_accusatives.items():
            out.setdefault(key, entry)
        return out

    @cached_property
    def title_accusatives(self) -> dict[tuple[str, ...], dict]:
        """The indefinite accusative of each Arabic title that is not itself a written form: a title a
        naming verb gives ("عُيّن NAME رئيسًا لفريق"), after the name; a word after it is no name."""
        written = {phrase_key(form) for entry in self.titles for form in entry.get("ar", []) + entry.get("en_forms", [])}
        out: dict[tuple[str, ...], dict] = {}
        for entry in self.titles:
            for form in entry.get("ar", []):
                key = _accusative(phrase_key(form))
                if key not in written:
                    out.setdefault(key, entry)
        return out

    @cached_property
    def title_keys(self) -> tuple[dict[tuple[str, ...], tuple[str, ...]], dict[str, tuple[int, ...]]]:
        """Each title phrase mapped to itself, and the lengths of the phrases each first word starts."""
        from kg.mentions import phrase_lengths

        keys = {k: k for k in self.title_index}
        return keys, phrase_lengths(keys)

    @cached_property
    def index_lengths(self) -> dict[str, tuple[int, ...]]:
        """First word of a known name -> the lengths of the names it starts, longest first."""
        from kg.mentions import phrase_lengths

        return phrase_lengths(self.index)

    @cached_property
    def cue_words(self) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
        """Type -> the normalized cue words before and after a Latin-script name of that type (both
        languages; "صندوق STV" is a fund's name, "صندوق سعودي" only a description)."""
        out = {}
        for etype, spec in self.patterns["type_cues"].items():
            before = spec.get("before_ar", []) + spec.get("before_en", []) + spec.get("before_latin_name_ar", [])
            out[etype] = (frozenset(norm(w) for w in before),
                          frozenset(norm(w) for w in spec.get("after_ar", []) + spec.get("after_en", [])))
        return out

    @cached_property
    def currency_words(self) -> dict[tuple[str, ...], str]:
        out = {}
        for code, spec in self.patterns["currencies"].items():
            for form in spec["words_ar"] + spec["words_en"]:
                out[phrase_key(form)] = code
        return out

    @cached_property
    def currency_symbols(self) -> dict[str, str]:
        return {s: code for code, spec in self.patterns["currencies"].items() for s in spec["symbols"]}

    @cached_property
    def multipliers(self) -> dict[str, int]:
        out = {}
        for value, spec in self.patterns["multipliers"].items():
            for form in spec["ar"] + spec["en"]:
                out[form if len(form) <= 2 else norm(form)] = int(value)
        return out

    @cached_property
    def bare_amounts(self) -> dict[str, int]:
        """Arabic multiplier words that are an amount with no digit before them: "مليار دولار" (one
        billion), "ملياري دولار" (two billion, the dual)."""
        return {norm(form): int(value) for form, value in self.patterns.get("bare_amounts_ar", {}).items()}

    @cached_property
    def surname_index(self) -> dict[str, str]:
        """Surnames that alone name one known person in AI news ("Altman", "هوانغ"): the
        `known_surnames` pattern list, each tied to the one lexicon person whose name ends with it."""
        wanted = self._words("known_surnames")
        found: dict[str, set[str]] = {}
        for entry in self.entries.values():
            if entry.etype != "Person":
                continue
            for name in entry.names:
                words = [t for t in tokenize(name) if t.script in ("ar", "latin")]
                if len(words) >= 2 and words[-1].norm in wanted:
                    found.setdefault(words[-1].norm, set()).add(entry.id)
        return {w: next(iter(ids)) for w, ids in sorted(found.items()) if len(ids) == 1}

    @cached_property
    def name_skeletons(self) -> dict[str, str]:
        """Consonant skeletons of the Arabic-script names of two words or more of known people and
        organizations -> the one entry they name: other transliterations of the same name ("شينغجيا تشاو"
        / "شنغجيا تشاو", "جيّوم" / "غيوم", "تايغر غلوبال" / "تايجر جلوبال", "مينلو فنتشرز" / "مينلو فينتشرز")."""
        from kg.resolve import skeleton

        found: dict[str, set[str]] = {}
        for entry in self.entries.values():
            if entry.etype not in ("Person", "Company", "Organization"):
                continue
            for name in entry.names:
                words = [t.norm for t in tokenize(name) if t.script == "ar"]
                if len(words) < 2 or len(words) != len([t for t in tokenize(name) if t.script != "punct"]):
                    continue
                sk = " ".join(skeleton(w) for w in words)
                if len(sk.replace(" ", "")) >= 5 and all(sk.split(" ")) and len(sk.split(" ")) == len(words):
                    found.setdefault(sk, set()).add(entry.id)
        return {sk: next(iter(ids)) for sk, ids in sorted(found.items()) if len(ids) == 1}

    def first_name(self, token_norm: str) -> bool:
        return token_norm in self._words("first_names") or token_norm in self._words("first_names_ar")


def _first_word_index(phrases) -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list] = {}
    for phrase in phrases:
        index.setdefault(phrase[0], []).append(phrase)
    return {k: tuple(v) for k, v in index.items()}


def _load_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot load lexicon data: {exc}", path) from None


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return Lexicon()


def _feminine(words: tuple[str, ...]) -> tuple[str, ...]:
    """An Arabic title said of a woman (normalized text, ة written ه): the head noun takes ة, and so do
    the adjectives that agree with it: after a definite head every definite word ("الرئيسة التنفيذية",
    "المستشارة القانونية العامة"), after an indefinite one a last nisba adjective ("رئيسة تنفيذية"); a
    head in construct keeps what follows ("كبيرة المسؤولين الماليين", "مديرة العمليات"). Words already
    feminine or plural, construct plurals and accusatives stay as they are."""
    def feminine(w: str, nisba: bool = False) -> str:
        return w if w.endswith(("ه", "ين", "ون", "ات", "ا", "ى", "ء")) or w.endswith("ي") and not nisba else w + "ه"

    head, rest = words[0], list(words[1:])
    if head.startswith("ال"):
        n = next((k for k, w in enumerate(rest) if not w.startswith("ال")), len(rest))
        rest = [feminine(w, nisba=True) for w in rest[:n]] + rest[n:]
    elif len(rest) == 1 and rest[0].endswith("ي") and not rest[0].startswith("ال"):
        rest = [feminine(rest[0], nisba=True)]
    return (feminine(head), *rest)


def _accusative(words: tuple[str, ...]) -> tuple[str, ...]:
    """An Arabic title as the object of a naming verb, indefinite ("عُيّن رئيسًا تنفيذيًا", "مديرا
    للأبحاث"): the alef of the accusative on each word without the article (normalized text: the
    tanween itself is a diacritic, dropped)."""
    return tuple(w if w.startswith("ال") or w.endswith(("ه", "ة", "ا", "ى", "ء")) else w + "ا" for w in words)
