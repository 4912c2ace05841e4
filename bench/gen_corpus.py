#!/usr/bin/env python3
"""Generate a synthetic corpus of Arabic and English AI-industry news articles with gold files.

    python bench/gen_corpus.py OUT_DIR --count 10000 [--seed 1] [--ar-share 0.5]

For every article it writes OUT_DIR/<slug>.<ar|en>.txt (headline, blank line, body),
<slug>.<ar|en>.meta.json and <slug>.gold.json in the format of ../shared/spec/gold-format.md.

The words live in bench/templates/ as data: sentence and headline templates per language
(`en.json`, `ar.json`), each declaring the facts it states with placeholders; name parts for
invented people and companies (`names.json`); and which lexicon entries (lexicon/entities.json)
play which part in a story (`world.json`). An article is one story (a funding round, an
acquisition, an acqui-hire, a licensing deal, a hire or a chip order): the generator binds the
story's slots to known and invented entities (known ones with a Zipf-like skew), writes a lead
sentence, then picks follow-up, background, quote and filler sentences whose requirements are
met. Each fact's evidence is rendered from the same placeholder values as its sentence and is
checked to be an exact substring of the article; a failed check raises GenerationError.

Standard library only. Each article's random stream is seeded by (seed, index), so the same seed
gives byte-identical files whatever --count is (article i is the same in a run of 100 and 10,000).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = Path(__file__).resolve().parent / "templates"
LEXICON = ROOT / "lexicon" / "entities.json"

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?:\.([a-z]+))?(?:\?([^|{}]*)\|([^{}]*))?\}")
TYPE_OF = {"Company": "Company", "Organization": "Organization", "MediaOutlet": "MediaOutlet",
           "Person": "Person", "HardwareModel": "Hardware"}
BINARY = {"worksFor", "formerlyWorkedFor", "founded", "partOf", "manufacturer", "hired"}
ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
TITLE_SLOTS = {"TX": "X", "TP": "X", "TF1": "F1", "TF2": "F2", "TC": "C"}
PERSON_SLOTS = {"F1", "F2", "X", "C", "O"}
VALUE_SLOTS = {"K", "K2", "K3", "V", "KX", "KC", "Q", "Q2", "DAY", "MON", "SER", "DESC", "HUNIT", "NY", "NYA",
               "Y", "YR", "Y2", "AGE", "N", "q", "q2", "q2l"}
EN_NUMBER_WORDS = ["three", "four", "five", "six", "seven", "eight", "nine"]
AR_NUMBER_WORDS = ["ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع"]
MILLIONS = [12, 15, 20, 25, 30, 40, 45, 50, 60, 75, 85, 100, 120, 150, 200, 250, 300, 400, 500, 600, 650, 750, 800, 900]
QUANTITIES = [1024, 2048, 4096, 8000, 10000, 16000, 16384, 20000, 24000, 25000, 32000, 50000, 100000]
HW_UNITS = {"en": {"GPU": "GPU", "accelerator": "accelerator", "chip": "chip"},
            "ar": {"GPU": "وحدة معالجة رسوميات", "accelerator": "مسرّع", "chip": "شريحة"}}
OUTLET_DOMAINS = {"en": "news.example.com", "ar": "akhbar.example.net"}


class GenerationError(Exception):
    """A template or a generated gold file is inconsistent (a bug in the templates, not in Sanad)."""


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Ent:
    """One entity as it appears in one article."""

    id: str
    type: str  # gold type: Person, Company, Organization, MediaOutlet, Hardware
    names: tuple[str, ...]  # every spelling that counts as this entity (gold "names")
    surface: str  # the spelling this article uses
    short: str  # short form ("Veridian" for "Veridian Labs"; surname for people)
    gender: str = "m"
    wikidata: str | None = None
    unit: str = ""  # hardware: GPU / accelerator / chip
    maker: str = ""  # hardware: lexicon id of the maker


@dataclass(frozen=True)
class Money:
    value: int | float
    currency: str
    text: str
    short: str


@dataclass
class Data:
    lexicon: dict
    world: dict
    names: dict
    lang: dict  # "en" / "ar" -> template file

    @classmethod
    def load(cls, templates: Path = TEMPLATES, lexicon: Path = LEXICON) -> Data:
        read = lambda p: json.loads(p.read_text(encoding="utf-8"))  # noqa: E731
        lex = {e["id"]: e for e in read(lexicon)["entries"]}
        data = cls(lex, read(templates / "world.json"), read(templates / "names.json"),
                   {lang: read(templates / f"{lang}.json") for lang in ("en", "ar")})
        data.check()
        return data

    def check(self) -> None:
        """Fail loudly on a template whose evidence is not part of its text, or an unknown fact."""
        kinds = {"deal", "role", "rel", "pos", "amt", "hw", "quote", "neg", "age", "opt", "anon"}
        for lang, tpl in self.lang.items():
            items = list(tpl["sentences"])
            items += [dict(h, id=f"headline.{k}.{i}") for k, hs in tpl["headlines"].items() for i, h in enumerate(hs)]
            for t in items:
                for f in t["facts"]:
                    if f[0] not in kinds:
                        raise GenerationError(f"{lang}.json {t['id']}: unknown fact kind {f[0]!r}")
                    if f[0] == "rel" and f[2] not in BINARY:
                        raise GenerationError(f"{lang}.json {t['id']}: unknown relation {f[2]!r}")
                    for ev in _evidence_templates(f):
                        if ev not in t["text"]:
                            raise GenerationError(f"{lang}.json {t['id']}: evidence {ev!r} is not part of the template text")
        for ids in (self.world["big_companies"], self.world["startups"], self.world["investors"], self.world["talent"]):
            for i in ids:
                if i not in self.lexicon:
                    raise GenerationError(f"world.json: {i!r} is not in {LEXICON.name}")


def _evidence_templates(f: list) -> list[str]:
    kind = f[0]
    if kind in ("role", "rel", "neg"):
        return [f[4]]
    if kind == "pos":
        return [f[5]]
    if kind in ("amt", "age", "opt"):
        return [f[3]]
    if kind == "hw":
        return [f[4]]
    if kind == "quote":
        return [f[2]]
    if kind == "anon":
        return list(f[4:])
    return []


def _zipf(rng: random.Random, items: list, s: float = 1.0):
    weights = [1 / (i + 1) ** s for i in range(len(items))]
    return rng.choices(items, weights)[0]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def _is_arabic(text: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in text)


# --------------------------------------------------------------------------- one article


class ArticleGen:
    def __init__(self, data: Data, lang: str, rng: random.Random, index: int) -> None:
        self.d, self.lang, self.rng, self.index = data, lang, rng, index
        self.tpl = data.lang[lang]
        self.ents: dict[str, Ent] = {}  # slot -> entity
        self.values: dict[str, object] = {}  # slot -> value (Money, int, str, title tuple)
        self.used_ids: set[str] = set()
        self.used_values: set[float] = set()
        self.mentioned: dict[str, Ent] = {}  # entity id -> entity, in order of first mention
        self.persons_named: set[str] = set()  # slots of people whose full name has been written
        self.deals: dict[str, dict] = {}
        self.gold = {"relations": [], "negative_relations": [], "quotes": [], "amounts": [],
                     "hardware": [], "facts_optional": []}
        self._seen: set = set()
        self.arabic_digits = lang == "ar" and rng.random() < 0.35
        self.quote_style = rng.random()
        self.quotes_left = list(self.tpl["quotes"])
        rng.shuffle(self.quotes_left)
        self.anon: dict[str, Ent] = {}

    # ---- binding slots to entities and values -------------------------------------------

    def _known(self, lex_id: str, slot: str) -> Ent:
        e = self.d.lexicon[lex_id]
        names = [e["en"], *e["aliases"]] + ([e["ar"]] if e["ar"] else [])
        typ = TYPE_OF[e["type"]]
        gender = "f" if lex_id in self.d.world["female_people"] else "m"
        if self.lang == "ar" and e["ar"] and (typ in ("Person", "MediaOutlet") or self.rng.random() < 0.75):
            surface = e["ar"]
        else:
            surface = e["en"]
        short = surface
        if typ == "Person":
            sur_en, sur_ar = e["en"].split()[-1], (e["ar"] or "").split()[-1:]
            names += [sur_en] + sur_ar
            short = surface.split()[-1]
        return Ent(lex_id.replace("-", "_"), typ, tuple(dict.fromkeys(n for n in names if n)), surface, short,
                   gender, e["wikidata"])

    def _invented_person(self) -> Ent:
        for _ in range(50):
            first = self.rng.choice(self.d.names["first"])
            last = self.rng.choice(self.d.names["last"])
            en, ar = f"{first[0]} {last[0]}", f"{first[1]} {last[1]}"
            if _slug(en) not in self.used_ids:
                break
        surface, short = (ar, last[1]) if self.lang == "ar" else (en, last[0])
        return Ent(_slug(en), "Person", (en, last[0], ar, last[1]), surface, short, first[2])

    def _invented_company(self, stems: str, suffixes: str) -> Ent:
        for _ in range(50):
            stem = self.rng.choice(self.d.names[stems])
            suffix = self.rng.choice(self.d.names[suffixes])
            en, ar = f"{stem[0]} {suffix[0]}", f"{stem[1]} {suffix[1]}"
            if _slug(en) not in self.used_ids:
                break
        if self.lang == "ar" and self.rng.random() < 0.7:
            surface, short = ar, stem[1]
        else:
            surface, short = en, stem[0]
        names = (en, ar) if stems == "investor_stems" else (en, stem[0], ar, stem[1])
        return Ent(_slug(en), "Company", names, surface, short)

    def _pick_known(self, pool: list[str], slot: str) -> Ent | None:
        free = [i for i in pool if i.replace("-", "_") not in self.used_ids]
        return self._known(_zipf(self.rng, free), slot) if free else None

    def bind_entity(self, slot: str) -> Ent:
        if slot in self.ents:
            return self.ents[slot]
        w, r = self.d.world, self.rng
        if slot == "A":
            ent = (self._pick_known(w["big_companies"], slot) if r.random() < 0.9
                   else self._invented_company("company_stems", "startup_suffixes"))
        elif slot in ("T", "T3"):
            ent = (self._pick_known(w["startups"], slot) if r.random() < 0.2
                   else self._invented_company("company_stems", "startup_suffixes"))
        elif slot in ("F1", "F2"):
            ent = self._pick_known(w["talent"], slot) if r.random() < 0.12 else self._invented_person()
        elif slot in ("X", "O"):
            ent = self._pick_known(w["talent"], slot) if r.random() < 0.35 else self._invented_person()
        elif slot == "C":
            a = self.bind_entity("A")
            leader = w["leaders"].get(a.id.replace("_", "-"))
            if leader and leader[0].replace("-", "_") not in self.used_ids:
                ent = self._known(leader[0], slot)
                self.values["TC"] = self._title(leader[1], "C", ent)
            else:
                ent = self._invented_person()
        elif slot in ("P", "P2", "OP", "R1", "R2", "IVP"):
            ent = self._pick_known(w["big_companies"], slot)
        elif slot in ("I1", "I2", "I3"):
            ent = (self._pick_known(w["investors"], slot) if r.random() < 0.6
                   else self._invented_company("investor_stems", "investor_suffixes"))
        elif slot == "IV":
            stem = r.choice(self.d.names["investor_stems"])
            en, ar = f"{stem[0]} Ventures", f"{stem[1]} فنتشرز"
            ent = Ent(_slug(en), "Company", (en, ar), ar if self.lang == "ar" else en, ar if self.lang == "ar" else en)
        elif slot in ("M", "M2"):
            ent = self._pick_known(w[f"outlets_{self.lang}"], slot)
        elif slot == "G":
            ent = self._pick_known(w["regulators"], slot)
        elif slot == "U":
            ent = self._pick_known(w["universities"], slot)
        elif slot == "H":
            free = [h for h in w["hardware"] if h[1].replace("-", "_") not in self.used_ids
                    and h[0].replace("-", "_") not in self.used_ids]
            chip, maker, unit = _zipf(r, free)
            base = self._known(chip, slot)
            surface = (base.surface if self.lang == "ar" and _is_arabic(base.surface) and r.random() < 0.5
                       else self.d.lexicon[chip]["en"])
            ent = Ent(base.id, "Hardware", base.names, surface, surface, wikidata=base.wikidata, unit=unit, maker=maker)
            self.used_ids.add(ent.id)
            self.ents[slot] = ent
            self.bind_entity("HM")  # reserve the maker now so no other slot takes it
            return ent
        elif slot == "HM":
            ent = self._known(self.bind_entity("H").maker, slot)
        else:
            raise GenerationError(f"unknown entity slot {slot!r}")
        if ent is None or ent.id in self.used_ids:
            raise GenerationError(f"cannot bind slot {slot!r} to a new entity")
        self.used_ids.add(ent.id)
        self.ents[slot] = ent
        return ent

    def _title(self, role: str, holder: str, ent: Ent | None = None) -> tuple[str, str]:
        """(canonical English role, surface title) for the holder's gender."""
        row = next(t for t in self.tpl["titles"] if t[0] == role)
        if self.lang == "ar":
            person = ent or self.bind_entity(holder)
            return role, row[1][1 if person.gender == "f" else 0]
        return role, self.rng.choice(row[1])

    def _money(self, low: float, high: float) -> Money:
        r = self.rng
        for _ in range(100):
            if high >= 1e9 and (low >= 1e9 or r.random() < 0.5):
                whole = r.randint(max(1, int(low // 1e9)), max(1, int(high // 1e9)))
                tenth = r.choice([0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
                mant = whole + tenth / 10
                value, unit = round(mant * 10) * 100_000_000, "billion"
            else:
                mant = r.choice([m for m in MILLIONS if low <= m * 1e6 <= high] or [MILLIONS[0]])
                value, unit = mant * 1_000_000, "million"
            if value not in self.used_values and low <= value <= max(high, low):
                break
        self.used_values.add(value)
        num = f"{mant:g}"
        if self.lang == "en":
            cur = r.choices(["USD", "EUR", "GBP"], [85, 11, 4])[0]
            sym = {"USD": "$", "EUR": "€", "GBP": "£"}[cur]
            style = r.random()
            text = f"{sym}{num}bn" if unit == "billion" and style < 0.1 else f"{sym}{num} {unit}"
            short = (f"{sym}{num}{'B' if unit == 'billion' else 'M'}" if cur == "USD"
                 else f"{sym}{num}{'bn' if unit == 'billion' else 'm'}")
            return Money(value, cur, text, short)
        cur = r.choices(["USD", "EUR", "SAR", "AED"], [82, 8, 6, 4])[0]
        word = {"USD": "دولار", "EUR": "يورو", "SAR": "ريال", "AED": "درهم"}[cur]
        if unit == "billion" and mant == 1:
            text = f"مليار {word}"
        elif unit == "billion" and mant == 2:
            text = f"ملياري {word}"
        else:
            if self.arabic_digits or r.random() < 0.15:
                num = num.replace(".", "٫").translate(ARABIC_DIGITS)
            text = f"{num} {'مليار' if unit == 'billion' else 'مليون'} {word}"
        return Money(value, cur, text, text)

    def _quantity(self, q: int) -> str:
        if self.lang == "en":
            return f"{q:,}"
        style = self.rng.random()
        if self.arabic_digits or style < 0.3:
            return f"{q:,}".replace(",", "٬").translate(ARABIC_DIGITS)
        return f"{q:,}" if style < 0.6 else str(q)

    def bind_value(self, slot: str):
        if slot in self.values:
            return self.values[slot]
        r, t = self.rng, self.tpl
        if slot == "K":
            v = self._money(20e6, 9.9e9)
        elif slot == "V":
            k = self.values.get("K2") or self.values.get("K")  # a startup is worth more than it raised
            low = max(200e6, k.value * 4) if isinstance(k, Money) else 1e9
            v = self._money(low, max(low, 40e9))
        elif slot == "K2":
            v = self._money(12e6, 300e6)
        elif slot == "K3":
            v = self._money(50e6, 5e9)
        elif slot == "KX":
            v = Money(*self._pay())
        elif slot == "KC":
            v = self._money(100e6, 9e9)
        elif slot == "Q":
            q = r.choice(QUANTITIES)
            v = (q, self._quantity(q))
        elif slot == "Q2":
            q = self.bind_value("Q")[0] // r.choice([2, 4, 8])
            v = (q, self._quantity(q))
        elif slot in TITLE_SLOTS:
            roles = [row[0] for row in t["titles"] if row[0] != "CEO"]
            if slot == "TC":
                a = self.bind_entity("A")
                self.bind_entity("C")  # a known leader brings his or her own title
                if "TC" in self.values:
                    return self.values["TC"]
                role = "CEO" if a.id.replace("_", "-") not in self.d.lexicon else r.choice(roles)
            else:
                holder = TITLE_SLOTS[slot]
                taken = {self.values[x][0] for x in TITLE_SLOTS if x in self.values and TITLE_SLOTS[x] == holder}
                role = r.choice([x for x in roles if x not in taken])
            v = self._title(role, TITLE_SLOTS[slot])
        elif slot == "N":
            v = str(r.choice([25, 30, 35, 40, 45, 50, 60, 70, 80, 120]))
        elif slot == "NY":
            v = r.choice(EN_NUMBER_WORDS)
        elif slot == "NYA":
            v = r.choice(AR_NUMBER_WORDS)
        elif slot == "Y":
            v = str(r.randint(2015, 2023))
        elif slot == "YR":
            v = str(r.randint(2022, 2024))
        elif slot == "Y2":
            v = str(r.randint(2026, 2028))
        elif slot == "AGE":
            v = str(r.randint(29, 61))
        elif slot == "DAY":
            v = r.choice(t["days"])
        elif slot == "MON":
            v = r.choice(t["months"])
        elif slot == "SER":
            v = r.choice("ABCD")
        elif slot == "DESC":
            v = r.choice(t["descriptions"])
        elif slot == "HUNIT":
            v = HW_UNITS[self.lang][self.bind_entity("H").unit]
        elif slot in ("q", "q2", "q2l"):
            return self._quote(lower=slot == "q2l")  # a fresh quote for every sentence
        else:
            raise GenerationError(f"unknown value slot {slot!r}")
        self.values[slot] = v
        return v

    def _pay(self) -> tuple:
        mant = self.rng.choice([3, 5, 8, 10, 15, 20])
        value = mant * 1_000_000
        self.used_values.add(value)
        if self.lang == "en":
            return value, "USD", f"${mant} million", f"${mant}M"
        return value, "USD", f"{mant} ملايين دولار" if mant < 11 else f"{mant} مليون دولار", ""

    def _quote(self, lower: bool = False) -> str:
        while self.quotes_left:
            q = self.quotes_left.pop()
            if "{T." in q and "T" not in self.ents:
                continue
            return q[0].lower() + q[1:] if lower else q
        raise GenerationError("quote bank exhausted")

    # ---- rendering -----------------------------------------------------------------------

    def _style(self, text: str) -> str:
        if self.lang == "en" and self.quote_style < 0.2:
            return text.replace("“", '"').replace("”", '"')
        if self.lang == "ar" and self.quote_style < 0.25:
            return text.replace("«", "“").replace("»", "”")
        return text

    def render(self, text: str, cache: dict, headline: bool = False) -> str:
        def sub(m: re.Match) -> str:
            name, form, male, female = m.groups()
            if male is not None:
                ent = self.anon.get(name) or self.bind_entity(name)
                return male if ent.gender == "m" else female
            key = (name, form)
            if key not in cache:
                cache[key] = self._value(name, form, cache, headline)
            return cache[key]

        return PLACEHOLDER.sub(sub, self._style(text))

    def _value(self, name: str, form: str | None, cache: dict, headline: bool) -> str:
        if name in TITLE_SLOTS:
            return self.bind_value(name)[1]
        if name not in VALUE_SLOTS:
            ent = self.bind_entity(name)
            self.mentioned.setdefault(ent.id, ent)
            if ent.type == "Person":
                if form == "full" or (form is None and name not in self.persons_named):
                    if not headline:
                        self.persons_named.add(name)
                    return ent.surface
                return ent.short
            s = ent.short if form == "short" else ent.surface
            if form == "poss":
                return s + ("'" if s.endswith("s") else "'s")
            if form in ("li", "bi"):
                p = "ل" if form == "li" else "ب"
                if not _is_arabic(s):
                    return p + "ـ" + s
                return ("لل" + s[2:]) if (form == "li" and s.startswith("ال")) else p + s
            return s
        v = self.bind_value(name)
        if isinstance(v, Money):
            return v.short if form == "short" else v.text
        if isinstance(v, tuple):
            return v[1]
        return self.render(v, cache) if "{" in v else v

    # ---- facts -> gold ---------------------------------------------------------------------

    def _id(self, key: str) -> str:
        if key in self.anon:
            return self.anon[key].id
        if key in self.deals:
            return self.deals[key]["id"]
        return self.ents[key].id

    def _add(self, section: str, key: tuple, entry: dict) -> None:
        if (section, key) not in self._seen:
            self._seen.add((section, key))
            self.gold[section].append(entry)

    def apply(self, facts: list, cache: dict, text: str) -> None:
        def ev(t: str) -> str:
            out = self.render(t, cache)
            if out not in text:
                raise GenerationError(f"evidence {out!r} is not a substring of {text!r}")
            return out

        for f in facts:
            kind = f[0]
            if kind == "deal":
                if f[1] not in self.deals:
                    self.deals[f[1]] = {"type": f[2], "id": None, "names": []}
            elif kind == "role":
                deal = self.deals.get(f[1])
                if deal is None:
                    raise GenerationError(f"deal {f[1]} used before it is declared")
                e = ev(f[4])
                if deal["id"] is None:
                    anchor = self.ents.get("T3" if f[1] == "D3" else "T") or self.ents[f[3]]
                    deal["id"] = f"deal_{anchor.id}" + {"D": "", "D2": "_earlier_round", "D3": ""}[f[1]]
                    deal["names"] = [e]
                self._add("relations", (deal["id"], f[2], self._id(f[3])),
                          {"s": deal["id"], "p": f[2], "o": self._id(f[3]), "evidence": e})
            elif kind == "rel":
                s, o = self._id(f[1]), self._id(f[3])
                entry = {"s": s, "p": f[2], "o": o, "evidence": ev(f[4])}
                if f[1] in self.anon:
                    entry["anonymous"] = True
                self._add("relations", (s, f[2], o), entry)
            elif kind == "pos":
                s, o = self._id(f[1]), self._id(f[2])
                role = self.bind_value(f[3])[0 if self.lang == "ar" else 1] if f[3] in TITLE_SLOTS else f[3]
                e = ev(f[5])
                self._add("relations", (s, "holdsPosition", o),
                          {"s": s, "p": "holdsPosition", "o": o, "role": role, "current": bool(f[4]), "evidence": e})
                p = "worksFor" if f[4] else "formerlyWorkedFor"
                self._add("relations", (s, p, o), {"s": s, "p": p, "o": o, "evidence": e})
            elif kind == "amt":
                m = self.bind_value(f[1])
                about = self._id(f[2])
                self._add("amounts", (m.value, m.currency, about),
                          {"value": m.value, "currency": m.currency, "about": about, "evidence": ev(f[3])})
            elif kind == "hw":
                chip, (q, _) = self.ents[f[1]], self.bind_value(f[2])
                maker = self._id(f[3]) if f[3] else None
                self._add("hardware", (chip.id, q), {"model": chip.surface, "maker": maker, "quantity": q, "evidence": ev(f[4])})
            elif kind == "quote":
                speaker = self._id(f[1])
                q = ev(f[2])
                entry = {"speaker": speaker, "text": q}
                if f[1] in self.anon:
                    entry["anonymous"] = True
                self._add("quotes", (speaker, q), entry)
            elif kind == "neg":
                s, o = self._id(f[1]), self._id(f[3])
                self._add("negative_relations", (s, f[2], o),
                          {"s": s, "p": f[2], "o": o, "note": "explicitly negated: no Acquisition may be asserted",
                           "evidence": ev(f[4])})
            elif kind == "age":
                self._add("facts_optional", ("age", self._id(f[1])),
                          {"about": self._id(f[1]), "p": "age", "value": int(self.bind_value(f[2])), "evidence": ev(f[3])})
            elif kind == "opt":
                about = f[1] if f[1] == "claim" else self._id(f[1])
                e = ev(f[3])
                self._add("facts_optional", ("opt", e), {"about": about, "note": f[2], "evidence": e})
            elif kind == "anon":
                phrases = [ev(p) for p in f[4:]]  # ["anon", key, org slot or null, relation to it, phrases...]
                if f[1] not in self.anon:
                    org = self.ents[f[2]] if f[2] else None
                    pid = f"{org.id}_{f[1].split('_')[0]}" if org else "unnamed_source"
                    self.anon[f[1]] = Ent(pid, "Person", tuple(dict.fromkeys(phrases)), phrases[0], phrases[0])
                    if org:
                        self._add("relations", (pid, f[3], org.id),
                                  {"s": pid, "p": f[3], "o": org.id, "anonymous": True, "evidence": phrases[0]})

    # ---- the article -------------------------------------------------------------------------

    def eligible(self, t: dict, story: str, used: set, last_speaker: str | None) -> bool:
        if "*" not in t["stories"] and story not in t["stories"]:
            return False
        if t.get("group") and t["group"] in used:
            return False
        for s in t.get("req", []):
            if s in ("D", "D2", "D3"):
                if s not in self.deals:
                    return False
            elif s not in self.ents or self.ents[s].id not in self.mentioned:
                return False
        if any(s in self.values or s in self.ents for s in t.get("unless", [])):
            return False
        if t.get("speaker") == "continue":
            return last_speaker is not None
        if t.get("speaker"):
            return any(s in self.persons_named for s in PERSON_SLOTS)
        return True

    def sentence(self, t: dict, last_speaker: str | None) -> tuple[str, str | None]:
        text, facts, speaker = t["text"], t["facts"], None
        if t.get("speaker"):
            if t["speaker"] == "continue":
                speaker = last_speaker
            else:
                speaker = self.rng.choice(sorted(s for s in PERSON_SLOTS if s in self.persons_named))
            text = re.sub(r"\{S([.?}])", "{" + speaker + r"\1", text)
            facts = [[speaker if x == "S" else (re.sub(r"\{S([.?}])", "{" + speaker + r"\1", x) if isinstance(x, str) else x)
                      for x in f] for f in facts]
        cache: dict = {}
        out = self.render(text, cache)
        self.apply(facts, cache, out)
        return out, speaker if any(f[0] == "quote" for f in facts) else None

    def build(self) -> tuple[str, str, dict, dict]:
        r, tpl = self.rng, self.tpl
        stories = list(tpl["stories"])
        story = r.choices(stories, [tpl["stories"][s]["w"] for s in stories])[0]
        sentences = [t for t in tpl["sentences"] if "*" in t["stories"] or story in t["stories"]]
        lead = r.choice([t for t in sentences if t["group"] == "lead" and story in t["stories"]])
        used = {"lead"}
        body, last = [], None
        s, last = self.sentence(lead, None)
        body.append((s, False))
        for group in tpl["stories"][story]["core"]:
            options = [t for t in sentences if t.get("group") == group and self.eligible(t, story, used, None)]
            if options:
                s, last = self.sentence(r.choice(options), None)
                used.add(group)
                body.append((s, False))
        target = r.randint(8, 20)
        n_quotes = 0
        while len(body) < target or sum(len(b[0]) for b in body) < 1000:
            if sum(len(b[0]) for b in body) > 3200:
                break
            options = [t for t in sentences if self.eligible(t, story, used, last)
                       and not (t.get("speaker") and n_quotes >= 5)]
            if not options:
                break
            weights = [(3 if "*" not in t["stories"] else 2.5 if "q." in t["id"] else 1.5 if "ctx." in t["id"] else 1)
                       * (4 if t.get("speaker") == "continue" else 1) for t in options]
            t = r.choices(options, weights)[0]
            if t.get("group"):
                used.add(t["group"])
                sentences = [x for x in sentences if x.get("group") != t["group"]]
            s, speaker = self.sentence(t, last)
            n_quotes += speaker is not None
            body.append((s, t.get("speaker") == "continue"))
            last = None if t.get("speaker") == "continue" else speaker  # "he added" once, not in a chain
        # paragraphs: 1-3 sentences; a continued quote stays with the quote before it
        paras, cur = [], []
        for s, cont in body:
            if cur and not cont and (len(cur) >= r.choice([1, 2, 2, 3]) or len(paras) == 0):
                paras.append(" ".join(cur))
                cur = []
            cur.append(s)
        paras.append(" ".join(cur))
        body_text = "\n\n".join(paras)

        heads = [h for h in tpl["headlines"][story] if self._headline_ok(h)]
        head = r.choice(heads) if heads else None
        cache: dict = {}
        if head:
            headline = self.render(head["text"], cache, headline=True)
        else:
            headline = self.render("{A}", cache, headline=True) if "A" in self.ents else body[0][0][:80]
        text = f"{headline}\n\n{body_text}\n"
        if head:
            self.apply(head["facts"], cache, headline)
        return story, text, self.make_gold(text), {"headline": headline}

    def _headline_ok(self, h: dict) -> bool:
        for name, form, male, _ in PLACEHOLDER.findall(h["text"]):
            if name in self.ents:
                continue
            if name in self.values:
                continue
            return False
        return all(f[1] in self.deals for f in h["facts"] if f[0] == "role")

    def make_gold(self, text: str) -> dict:
        ents = []
        for e in self.mentioned.values():
            ents.append({"id": e.id, "type": e.type, "names": list(e.names), "wikidata": e.wikidata})
        for e in self.anon.values():
            ents.append({"id": e.id, "type": "Person", "anonymous": True, "names": list(e.names), "wikidata": None})
        for d in self.deals.values():
            if d["id"]:
                ents.append({"id": d["id"], "type": "Deal", "deal_type": d["type"], "names": d["names"], "wikidata": None})
        gold = {"article": None, "language": self.lang, "entities": ents, **self.gold, "other_entities": []}
        check_gold(gold, text)
        return gold


def check_gold(gold: dict, text: str) -> None:
    """Every evidence and quote is in the text; ids resolve; no relation is both current and former."""
    ids = {e["id"] for e in gold["entities"]}
    if len(ids) != len(gold["entities"]):
        raise GenerationError("duplicate entity id")
    for e in gold["entities"]:
        if e["type"] != "Deal" and not any(n in text or (n.startswith("ال") and "لل" + n[2:] in text) for n in e["names"]):
            raise GenerationError(f"entity {e['id']}: no name occurs in the article")
    pairs = {}
    for section in ("relations", "negative_relations", "amounts", "hardware", "facts_optional"):
        for x in gold[section]:
            if "evidence" in x and x["evidence"] not in text:
                raise GenerationError(f"{section}: evidence {x['evidence']!r} is not in the article")
            for k in ("s", "o", "about", "maker"):
                if x.get(k) and x[k] != "claim" and x[k] not in ids:
                    raise GenerationError(f"{section}: {k} {x[k]!r} is not an entity id")
    for q in gold["quotes"]:
        if q["text"] not in text or q["speaker"] not in ids:
            raise GenerationError(f"quote {q['text']!r} by {q['speaker']!r} does not hold")
    for r in gold["relations"]:
        if r["p"] in ("worksFor", "formerlyWorkedFor"):
            pairs.setdefault((r["s"], r["o"]), set()).add(r["p"])
    both = [k for k, v in pairs.items() if len(v) > 1]
    if both:
        raise GenerationError(f"worksFor and formerlyWorkedFor on the same pair: {both}")


# --------------------------------------------------------------------------- the corpus


def generate_one(data: Data, seed: int, index: int, ar_share: float) -> dict[str, str]:
    """The files of article `index`: {file name: content}."""
    rng = random.Random(f"sanad-gen:{seed}:{index}")
    lang = "ar" if rng.random() < ar_share else "en"
    for attempt in range(20):
        gen = ArticleGen(data, lang, random.Random(f"sanad-gen:{seed}:{index}:{attempt}"), index)
        try:
            story, text, gold, info = gen.build()
        except GenerationError as exc:
            if "cannot bind" in str(exc) or "exhausted" in str(exc):
                continue  # a rare draw that runs out of distinct entities: draw again, deterministically
            raise
        if 900 <= len(text) <= 3600:
            break
    else:
        raise GenerationError(f"article {index}: no acceptable draw in 20 attempts")
    anchor = gen.ents.get("T") or gen.ents.get("X") or gen.ents.get("A")
    slug = f"{story}-{anchor.id.replace('_', '-')}-{seed}-{index:05d}"
    gold["article"] = f"{slug}.{lang}.txt"
    gold = {k: gold[k] for k in ("article", "language", "entities", "relations", "negative_relations", "quotes",
                                 "amounts", "hardware", "other_entities", "facts_optional")}
    outlet = data.lexicon[_zipf(rng, data.world[f"outlets_{lang}"])]
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    meta = {"title": info["headline"], "url": f"https://{OUTLET_DOMAINS[lang]}/{2025}/{month:02d}/{slug}",
            "outlet": outlet["en"], "published": f"2025-{month:02d}-{day:02d}", "language": lang,
            "note": f"Synthetic article generated by bench/gen_corpus.py (seed {seed}, article {index}): "
                    "the events, most people and companies, and all quotes are invented."}
    return {f"{slug}.{lang}.txt": text, f"{slug}.{lang}.meta.json": _dump(meta), f"{slug}.gold.json": _dump(gold)}


def _dump(obj: dict) -> str:
    """JSON with one key, or one list item, per line: readable in a diff, and written by the fast C encoder."""
    one = lambda x: json.dumps(x, ensure_ascii=False)  # noqa: E731
    lines = []
    for k, v in obj.items():
        if isinstance(v, list) and v:
            lines.append(f" {one(k)}: [\n" + ",\n".join(f"  {one(x)}" for x in v) + "\n ]")
        else:
            lines.append(f" {one(k)}: {one(v)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


_DATA: Data | None = None


def _write_range(args: tuple) -> list[str]:
    global _DATA
    out, start, stop, seed, ar_share = args
    _DATA = _DATA or Data.load()
    names = []
    for i in range(start, stop):
        for name, content in generate_one(_DATA, seed, i, ar_share).items():
            (out / name).write_bytes(content.encode("utf-8"))
            names.append(name)
    return names


def generate(out: Path, count: int, seed: int = 1, ar_share: float = 0.5, jobs: int = 1) -> list[str]:
    """Write `count` articles into `out`; the files do not depend on `jobs`."""
    out.mkdir(parents=True, exist_ok=True)
    step = max(1, -(-count // (jobs * 4)))
    chunks = [(out, i, min(i + step, count), seed, ar_share) for i in range(0, count, step)]
    if jobs <= 1 or count < 200:
        return [n for c in chunks for n in _write_range(c)]
    from multiprocessing import Pool

    with Pool(jobs) as pool:
        return [n for names in pool.map(_write_range, chunks) for n in names]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="output folder")
    ap.add_argument("--count", type=int, default=100, help="number of articles (default 100)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--ar-share", type=float, default=0.5, help="share of Arabic articles (default 0.5)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: all CPUs)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    try:
        names = generate(args.out, args.count, args.seed, args.ar_share, args.jobs)
    except GenerationError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2
    n_ar = sum(n.endswith(".ar.txt") for n in names)
    print(f"Wrote {args.count} articles ({n_ar} ar, {args.count - n_ar} en) to {args.out} "
          f"in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
