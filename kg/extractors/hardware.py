"""Hardware: "10,000 H100 GPUs", "10000 وحدة معالجة رسوميات H100", "100,000 Nvidia H100 chips",
and who makes the model when the text says so ("Nvidia H100", "شرائح Nvidia", "the Nvidia chips").
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extractors import extractor
from kg.extractors.context import Context
from kg.model import HardwareMention
from kg.text import norm


@extractor("sanad.hardware.quantity.v1", produces=("HardwareMention", "hardware", "quantity", "manufacturer"))
def hardware(ctx: Context) -> None:
    chip_words = {w for phrase in ctx.phrases("chip_nouns") for w in phrase}
    # "24,000 of AMD's MI300X", "100,000 وحدة معالجة من نوع Nvidia H100" ("units of the type")
    between = chip_words | {norm(w) for w in ("of", "the", "'", "’", "s")} | ctx.words("hardware_links")
    for h, it in enumerate(ctx.items):
        if not (it.kind == "ent" and it.etype == "HardwareModel"):
            continue
        same = ctx.sentence_range(h)
        if h + 1 in same and ctx.items[h + 1].kind == "ent" and ctx.items[h + 1].etype == "HardwareModel":
            continue  # "Blackwell B200 chips": the family names the model after it, which the count is of
        maker = None
        # quantity before the model, with only unit words or the maker in between
        q = h - 1
        linked = unit = False  # "من نوع" counts only with a unit noun before it ("100,000 وحدة معالجة من نوع")
        described = 0  # "20,736 liquid-cooled Nvidia Blackwell Ultra GPUs": a few describing words
        while q in same and q >= h - 8:
            prev = ctx.items[q]
            if ctx.is_word(q, ctx.words("not_chip_units")):
                break  # "6 gigawatts of MI450 GPUs": power, not a count of chips
            if q == h - 1 and prev.kind == "ent" and prev.etype == "HardwareModel":
                q -= 1  # past the family: "20,000 of Nvidia's Blackwell B200 chips"
                continue
            if prev.kind == "tok" and described < 3 and ctx.doc.lang != "ar" and prev.norm not in between and (
                    prev.script == "latin" and prev.norm.replace("-", "").isalpha() and ctx.doc.text[prev.start].islower()
                    and prev.norm not in ("and", "or", "to", "for", "in", "with", "by", "from", "at", "on")
                    or ctx.is_punct(q, "-") and ctx.items[q - 1].script == "latin"):
                described += 1
                q -= 1
                continue
            if prev.kind == "num":
                quantity = int(prev.value) if prev.value == int(prev.value) else None
                if quantity and quantity > 0 and (unit or not linked):
                    end = _unit_end(ctx, h, same, chip_words)
                    ctx.out.hardware.add(HardwareMention(it.key, quantity, ctx.span(q, end), ctx.rule))
                break
            if prev.is_org and described and not ctx.is_punct(q + 1, "'’"):
                break  # ("Anthropic said new liquid-cooled H100 chips": describing words, then another company;
                # "of Amazon's in-house Trainium2 chips": the possessor makes them)
            if prev.is_org:
                maker = maker or q
            elif not (prev.kind == "tok" and prev.norm in between):
                break
            elif prev.norm in chip_words:
                unit = True
            elif ctx.is_word(q, ctx.words("hardware_links"), False):
                linked = True
            q -= 1
        if h - 1 in same and ctx.items[h - 1].is_org:
            maker = h - 1  # "Nvidia H100"
        elif ctx.is_word(h - 1, frozenset({"s"}), False) and ctx.is_punct(h - 2, "'’") and h - 3 in same \
                and ctx.items[h - 3].is_org:
            maker = h - 3  # "AMD's MI300X"
        if maker is None:
            links = ctx.phrases("maker_links")
            end = _unit_end(ctx, h, same, chip_words)
            n = ctx.words_at(end + 1, links, proclitic=True)
            if n and end + 1 + n in same and ctx.items[end + 1 + n].is_org:
                maker = end + 1 + n  # "H100 من إنفيديا", "MI300X من إنتاج AMD"
        if maker is None:
            maker = _maker_after(ctx, h, same, chip_words)
        if maker is not None:
            ctx.relate(it.key, "manufacturer", ctx.items[maker].key, ctx.span(min(h, maker), max(h, maker)), "0.8")
    _family_makers(ctx)


def _family_makers(ctx: Context) -> None:
    """A model whose maker no phrase states, in a sentence that also names the company its family
    comes from: "Nvidia will increase output of its Hopper-based products, the family that includes
    H200 and GH100", "Nvidia offers the A800 processor in China". The family only chooses among the
    companies the sentence names; a model in a sentence without its maker gets none."""
    stated = {r.subject for r in ctx.out.relations if r.predicate == "manufacturer"}
    families = _families(ctx.doc.lex)
    for h, it in enumerate(ctx.items):
        if not (it.kind == "ent" and it.etype == "HardwareModel") or it.key in stated:
            continue
        model_id = it.key.split("/", 1)[1]
        makers = {org for org, patterns in families if any(p.search(model_id) for p in patterns)}
        if not makers:
            continue
        same = ctx.sentence_range(h)
        near = sorted((abs(q - h), q) for q in same if ctx.items[q].is_org and ctx.items[q].key in makers)
        if near:
            q = near[0][1]
            ctx.relate(it.key, "manufacturer", ctx.items[q].key, ctx.span(min(h, q), max(h, q)), "0.7")
            stated.add(it.key)


@lru_cache(maxsize=4)
def _families(lex) -> tuple[tuple[str, tuple[re.Pattern, ...]], ...]:
    spec = lex.patterns.get("maker_families", {})
    return tuple((org, tuple(re.compile(p) for p in patterns))
                 for org, patterns in sorted(spec.items()) if org != "description")


def _unit_end(ctx: Context, h: int, same: range, chip_words: set[str]) -> int:
    end = h
    while end + 1 in same and ctx.items[end + 1].kind == "tok" and ctx.items[end + 1].norm in chip_words:
        end += 1
    return end


def _maker_after(ctx: Context, h: int, same: range, chip_words: set[str]) -> int | None:
    """"H100،” شرائح Nvidia" / 'H100 GPUs," the high-demand Nvidia chips': a company next to a chip word."""
    chips = {w for phrase in ctx.phrases("chip_nouns") for w in phrase if len(phrase) == 1}
    stop = min(same.stop, h + 10)
    for q in range(h + 1, stop):
        it = ctx.items[q]
        if it.kind == "ent" and it.etype == "HardwareModel":
            return None  # another model: the maker phrase may be about that one
        if it.is_org and it.etype == "Company":
            near = [ctx.items[r] for r in (q - 1, q + 1) if r in same]
            if any(n.kind == "tok" and n.norm in chips for n in near):
                return q
    return None
