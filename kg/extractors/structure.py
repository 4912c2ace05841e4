"""Structure and attributes: units of organizations ("The Verge's Command Line", "a new
Microsoft division called Microsoft AI"), founders by possession ("شركته Nervana", "his company
Nervana"), ages ("البالغ من العمر 48 عامًا", "48-year-old"), and every amount of money."""
from __future__ import annotations

from kg.extractors import extractor
from kg.extractors.context import Context
from kg.extractors.positions import named_modifier
from kg.model import Attribute
from kg.text import norm


@extractor("sanad.org.part-of.v1", produces=("partOf", "founded"))
def part_of(ctx: Context) -> None:
    items = ctx.items
    units = ctx.words("unit_nouns")
    called = ctx.phrases("unit_called")
    deal_words = ctx.words("deal_nouns")
    for k, it in enumerate(items):
        if not it.is_org:
            continue
        same = ctx.sentence_range(k)
        # ORG's UNIT: The Verge's Command Line
        j = k + 1
        if ctx.is_punct(j, "'’"):
            j += 2 if ctx.is_word(j + 1, frozenset({"s"}), False) else 1
            if j in same and items[j].is_org and items[j].etype in ("MediaOutlet", "Organization") \
                    and not ctx.is_word(j + 1, deal_words, False):
                ctx.relate(items[j].key, "partOf", it.key, ctx.span(k, j), "0.85")
            elif j in same and items[j].is_org and items[j].etype == "Company" and _corporate_name(ctx, k) \
                    and _clause_goes_on(ctx, j + 1):
                # "Alphabet Inc.'s Google said", "SoftBank Group Corp.'s Arm, which": the wire style
                # that names a subsidiary by its parent's full corporate name
                ctx.relate(items[j].key, "partOf", it.key, ctx.span(k, j), "0.8")
        # UNIT, the ORG unit / UNIT, Amazon's cloud arm / "مختبرات ميتا، وحدة الذكاء الاصطناعي التابعة لميتا"
        comma = k + 1
        if ctx.is_punct(comma, "(") and ctx.is_punct(comma + 2, ")"):
            comma += 3  # "Amazon Web Services (AWS), Amazon's cloud arm"
        if ctx.is_punct(comma):
            start = comma + 1
            while ctx.is_word(start, ctx.words("determiners"), proclitic=False):
                start += 1
            window = range(start, min(start + 7, same.stop))
            unit = next((q for q in window if ctx.is_word(q, units)), None)
            parent = next((q for q in window if items[q].is_org and items[q].key != it.key), None)
            # the apposition opens with the parent ("the Alphabet unit", "Amazon's cloud arm") or the unit noun
            opens = parent == start or unit == start or (  # "the research arm of X", "the contract chipmaking division of X"
                unit is not None and parent is not None and parent == unit + 2 and ctx.is_word(unit + 1, frozenset({"of"}), False)
                and unit - start <= 3 and all(
                    items[q].kind == "tok" and items[q].script == "latin"
                    and ctx.doc.text[items[q].start:items[q].end].islower() for q in range(start, unit)))
            # (and no other organization comes between: "A, B and Nvidia's venture arm C" is a list)
            clean = unit is not None and parent is not None and not any(
                ctx.is_punct(q, ",،.") or ctx.refers_to_person(q) or items[q].is_org and q != parent
                for q in range(start, max(unit, parent)))
            if opens and clean:
                ctx.relate(it.key, "partOf", items[parent].key, ctx.span(k, max(unit, parent)), "0.75")
        # ORG's (venture) arm ORG2: "Samsung's venture arm Samsung Next"
        if ctx.is_punct(k + 1, "'’") and ctx.is_word(k + 2, frozenset({"s"}), False):
            unit = next((q for q in range(k + 3, min(k + 6, same.stop)) if ctx.is_word(q, units)), None)
            if unit is not None and unit + 1 in same and items[unit + 1].is_org:
                ctx.relate(items[unit + 1].key, "partOf", it.key, ctx.span(k, unit + 1), "0.8")
        # "مختبر FAIR التابع لشركة ميتا", "X, a unit of Y", "X, a subsidiary of Y"
        links = ctx.phrases("org_links")
        if ctx.is_word(k + 1, ctx.words("belongs_to"), proclitic=True):
            n = ctx.words_at(k + 2, links) or ctx.is_word(k + 2, frozenset({"الي"}), False)  # "التابعة إلى جوجل"
            if k + 2 + n in same and items[k + 2 + n].is_org:
                ctx.relate(it.key, "partOf", items[k + 2 + n].key, ctx.span(k, k + 2 + n), "0.8")
            elif ctx.is_word(k + 2, frozenset({"الشركه", "شركه"}), proclitic=True) and it.etype != "MediaOutlet":
                from kg.extractors.positions import _salient_company  # "مختبر X التابع للشركة"
                parent_key = _salient_company(ctx, k)
                if parent_key and parent_key != it.key:
                    ctx.relate(it.key, "partOf", parent_key, ctx.span(k, k + 2), "0.7")
        # "Google's parent company Alphabet", "TikTok-owner ByteDance", "الشركة الأم لـ X": the parent
        parent_words = ctx.phrases("parent_company")
        j = k + 1
        if ctx.is_punct(j, "'’"):
            j += 2 if ctx.is_word(j + 1, frozenset({"s"}), False) else 1
        elif ctx.is_punct(j, "-") and ctx.is_word(j + 1, frozenset({"owner", "parent"}), False):
            j += 1
        n = ctx.words_at(j, parent_words) if j > k + 1 else 0
        if n and j + n in same and items[j + n].is_org and items[j + n].key != it.key:
            ctx.relate(it.key, "partOf", items[j + n].key, ctx.span(k, j + n), "0.8")
        # "SoftBank owns Arm", "تمتلك سوفت بنك شركة آرم": what an organization owns is part of it
        verb = k + 1 + ctx.is_word(k + 1, frozenset({"also", "already", "now"}), False)
        if it.script == "ar" or ctx.doc.lang == "ar":
            verb = k - 1 - ctx.is_punct(k - 1, '"“”«»')
        if ctx.is_word(verb, ctx.words("own_verbs"), proclitic=ctx.doc.lang == "ar"):
            o = (verb if verb > k else k) + 1
            o += ctx.is_punct(o, '"“”«»')
            o += ctx.is_word(o, frozenset({"شركه", "الشركه"}), False)
            o += ctx.is_punct(o, '"“”«»')
            if o in same and items[o].is_org and items[o].etype != "MediaOutlet" and items[o].key != it.key:
                ctx.relate(items[o].key, "partOf", it.key, ctx.span(min(k, verb), o), "0.7")
        # "Humain, ... controlled by the country's sovereign wealth fund", "X, a unit of Y", "المملوكة لـ"
        owned = ctx.phrases("owned_by")
        team = units | ctx.words("staff") | ctx.words("group_nouns")
        for q in range(k + 1, min(k + 10, same.stop)):
            n = ctx.words_at(q, owned, proclitic=True)
            if not n and ctx.is_word(q, ctx.words("owned_glued")) and q + 1 in same and (
                    items[q + 1].kind == "tok" and items[q + 1].norm.startswith("ل")
                    or items[q + 1].kind == "ent" and ctx.doc.text[items[q + 1].start - 1] == "ل"):
                n = 1  # "المملوكة للملياردير ...", "المملوكة لإيلون ماسك": the preposition glued to the next word
            if n:
                parent = next((r for r in range(q + n, min(q + n + 6, same.stop)) if items[r].is_org), None)
                if ctx.is_word(q, frozenset({"part"}), False) and q - k > 3:
                    break  # "Nvidia graphics processing units is part of": the units are, not Nvidia
                if parent is not None and (ctx.is_punct(parent + 1, "'’") or ctx.is_word(parent + 1, team)):
                    break  # "part of Humain's plans", "part of the Google DeepMind team"
                if parent is not None and items[parent].key != it.key and not any(
                        items[r].is_org for r in range(k + 1, q)):
                    ctx.relate(it.key, "partOf", items[parent].key, ctx.span(k, parent), "0.7")
                # "شركة xAI المملوكة للملياردير الأمريكي إيلون ماسك", "owned by billionaire Elon
                # Musk": a person owning the company, read as its founding owner (low confidence)
                owner = next((r for r in range(q + n, min(q + n + 5, same.stop)) if ctx.refers_to_person(r)
                              and items[r].kind == "ent"), None)
                near = q - k <= 5 or q - k <= 8 and all(items[r].kind == "tok" and not ctx.is_punct(r, ",،.")
                                                        for r in range(k + 1, q))  # "X الناشئة في ... والمملوكة لـ"
                if parent is None and owner is not None and near and it.etype == "Company" and not any(
                        items[r].is_org or ctx.is_punct(r, ",،.") for r in range(q + n, owner)):
                    ctx.relate(ctx.person(owner), "founded", it.key, ctx.span(k, owner), "0.5")
                break
        # ORG division called UNIT
        j = k + 1
        if ctx.is_word(j, units, False):
            n = ctx.words_at(j + 1, called)
            if n and j + 1 + n in same and items[j + 1 + n].is_org:
                ctx.relate(items[j + 1 + n].key, "partOf", it.key, ctx.span(k, j + 1 + n), "0.85")


def _corporate_name(ctx: Context, k: int) -> bool:
    """Organization item k is written with a corporate suffix: "Alphabet Inc.", "SoftBank Group Corp."."""
    words = ctx.doc.text[ctx.items[k].start:ctx.items[k].end].split()
    return len(words) >= 2 and words[-1].rstrip(".") in ("Inc", "Corp", "Ltd", "Co", "Plc", "PLC", "AG", "SA", "NV")


def _clause_goes_on(ctx: Context, q: int) -> bool:
    """Item q (after a name) is punctuation, a preposition, a verb or an auxiliary, not a noun the name modifies
    ("Microsoft Corp.'s OpenAI stake")."""
    verbs = ctx.words("speech_verbs") | ctx.words("copulas") | ctx.words("relative") | ctx.words("prepositions") \
        | frozenset({"will", "would", "has", "had", "have", "also", "plans", "agreed", "announced", "can", "could", "and", "to"})
    return ctx.is_punct(q, ",،.;:)—–") or ctx.is_word(q, verbs, False)


@extractor("sanad.org.owned-compound.v1", produces=("partOf", "founded"))
def owned_compounds(ctx: Context) -> None:
    """"SoftBank-owned chip designer Arm", "Musk-owned X" (an owner, a hyphen, "owned", then the
    organization a few describing words on): the organization is part of an owning organization, or
    founded (owned) by an owning person; "News Corp properties including A, B and C", "Microsoft brands
    such as A and B": each organization listed is part of the owner."""
    from kg.extractors.deals import _listed_orgs

    owned = ctx.words("owned_compound")
    portfolio = ctx.words("portfolio_nouns")
    lists = ctx.phrases("including") + ctx.phrases("round_investor_lists")
    items = ctx.items
    for k, it in enumerate(items):
        if it.kind != "ent" or not (it.is_org or it.is_person):
            continue
        same = ctx.sentence_range(k)
        if ctx.is_punct(k + 1, "-") and ctx.is_word(k + 2, owned, False):
            owner = ctx.person(k) if it.is_person else it.key
            o = next((q for q in range(k + 3, min(k + 8, same.stop)) if items[q].kind == "ent"), None)
            verbs = ctx.words("copulas") | ctx.words("prepositions") | ctx.words("relative")
            d = k - 1 - ctx.is_word(k - 1, frozenset({"the", "a", "an"}), False)
            if d < k - 1 and ctx.is_punct(d, ",") and d - 1 in same and items[d - 1].is_org \
                    and items[d - 1].key != owner and (o is None or any(ctx.is_punct(q, ",.;") for q in range(k + 3, o))):
                # "Isomorphic Labs, the Alphabet-owned drug-discovery company,": the organization the apposition describes
                if it.is_person:
                    ctx.relate(owner, "founded", items[d - 1].key, ctx.span(d - 1, k + 2), "0.5")
                else:
                    ctx.relate(items[d - 1].key, "partOf", owner, ctx.span(d - 1, k + 2), "0.75")
                continue
            if o is None or not items[o].is_org or items[o].key == owner or any(
                    ctx.is_punct(q, ",،.;") or ctx.is_word(q, verbs, False) for q in range(k + 3, o)):
                continue  # ("Nvidia-owned chips were sold to SoftBank": a verb, then another organization)
            if it.is_person:
                ctx.relate(owner, "founded", items[o].key, ctx.span(k, o), "0.5")
            else:
                ctx.relate(items[o].key, "partOf", owner, ctx.span(k, o), "0.75")
        elif it.is_org and it.etype != "MediaOutlet":
            j = k + 1 + ctx.is_punct(k + 1, ".")  # ("News Corp. properties")
            if ctx.is_word(j, frozenset({"'", "’"}), False):
                j += 1 + ctx.is_word(j + 1, frozenset({"s"}), False)
            if not ctx.is_word(j, portfolio, False):
                continue
            n = ctx.words_at(j + 1, lists) or ctx.words_at(j + 1 + ctx.is_punct(j + 1), lists)
            if not n:
                continue
            first = j + 1 + ctx.is_punct(j + 1) + n
            for key in _listed_orgs(ctx, first, same.stop - 1, outlets=True):
                if key != it.key:
                    ctx.relate(key, "partOf", it.key, ctx.span(k, first), "0.7")


@extractor("sanad.org.named-part.v1", produces=("partOf",))
def named_parts(ctx: Context) -> None:
    """"Google DeepMind", "Amazon Web Services", "Microsoft AI" in an article that also names Google,
    Amazon, Microsoft: an organization named after another one it belongs to (its name is the
    parent's name and more, not only a legal suffix such as "Inc" or "AI")."""
    where: dict[str, list[int]] = {}
    for k, it in enumerate(ctx.items):
        if it.is_org and it.etype != "MediaOutlet":
            where.setdefault(it.key, []).append(k)
    suffixes = {"-" + norm(w).replace(" ", "-") for w in ctx.doc.lex.patterns["org_suffixes"]}
    for child, places in where.items():
        for parent, others in where.items():
            if not child.startswith(parent + "-") or child[len(parent):] in suffixes:
                continue
            # both in one sentence: "Amazon ... in Amazon Web Services data centers"
            pair = next(((k, o) for k in places for o in others if ctx.sentence_of(k) == ctx.sentence_of(o)), None)
            if pair is not None:
                ctx.relate(child, "partOf", parent, ctx.span(*pair), "0.6")
            else:
                # apart, but written out: "Amazon Web Services" in an article about Amazon, the name as
                # the evidence; not a brand of its own after the parent's name ("Google DeepMind")
                name = ctx.doc.text[ctx.items[places[0]].start:ctx.items[places[0]].end]
                head = ctx.doc.text[ctx.items[others[0]].start:ctx.items[others[0]].end] + " "
                rest = name[len(head):].split()
                if name.startswith(head) and rest and all(w.isascii() and not any(c.isupper() for c in w[1:])
                                                          for w in rest):
                    ctx.relate(child, "partOf", parent, ctx.span(places[0], places[0]), "0.5")


@extractor("sanad.founder.the-company-they-founded.v1", produces=("founded",))
def company_they_founded(ctx: Context) -> None:
    """"دور A وB في الشركة التي أسساها", "the role of A and B at the company they founded": the people just
    before founded the company the passage speaks of."""
    from kg.extractors.employment import subjects
    from kg.extractors.positions import _salient_company

    verbs = ctx.words("founded_verbs")
    for k, it in enumerate(ctx.items):
        if not (it.kind == "tok" and it.norm in ("الشركه", "company")
                and (it.norm != "company" or ctx.is_word(k - 1, frozenset({"the"}), False))):
            continue
        v = k + 1 + ctx.is_word(k + 1, frozenset({"التي", "that", "which"}), False)
        v += ctx.doc.lang != "ar" and ctx.is_word(v, ctx.words("pronouns"), False)
        if not (ctx.is_word(v, verbs, False)
                or ctx.doc.lang != "ar" and ctx.is_word(v, frozenset({"co-founded", "cofounded"}), False)):
            continue
        same = ctx.sentence_range(k)
        last = next((q for q in range(k - 1, max(same.start, k - 5) - 1, -1) if ctx.refers_to_person(q)
                     and ctx.items[q].kind == "ent"), None)
        org = _salient_company(ctx, k) if last is not None else None
        if org is None:
            continue
        for member in subjects(ctx, last):
            ctx.relate(ctx.person(member), "founded", org, ctx.span(member, v), "0.6")


@extractor("sanad.founder.verb.v1", produces=("founded",))
def founded_by(ctx: Context) -> None:
    """"Inflection was co-founded in 2022 by Suleyman", "Suleyman co-founded Inflection"."""
    verbs = ctx.words("founded_verbs")
    negation = ctx.words("negation")
    agents = ctx.phrases("founded_by")
    along = ctx.words("along_with") | ctx.words("former") | frozenset({"and", "و"})
    stops = ctx.words("founder_list_stops") | ctx.words("relative") | ctx.words("speech_verbs") | ctx.words("hire_words")
    relative = ctx.words("relative")
    for k in ctx.where(verbs):  # (a word with a proclitic removed is only ever Arabic: see is_word)
        if any(ctx.is_word(q, negation) for q in range(max(0, k - 3), k)):
            continue
        same = ctx.sentence_range(k)
        org = next((q for q in range(k - 1, max(same.start, k - 4) - 1, -1) if ctx.items[q].is_org), None)
        anaphor = None
        the_company = ctx.is_word(k + 1, frozenset({"الشركه"}), False) or any(
            ctx.is_word(q, frozenset({"the"}), False) and ctx.is_word(q + 1, ctx.words("company_nouns"), False)
            for q in range(max(same.start, k - 4), k - 1))  # "The company was founded in 2019 by"
        if org is None and the_company:
            # "تأسست الشركة عام 2021 على يد A وB", "The company was founded by": the company the sentence
            # before names (none when it names no company we read)
            s_prev = ctx.sentence_of(k) - 1
            named = [q for q in ctx.sentence_items(s_prev) if ctx.items[q].is_org and ctx.items[q].etype == "Company"] \
                if s_prev >= 0 else []
            anaphor = ctx.items[named[0]].key if named and ctx.items[named[0]].key == ctx.main_company() else None
        if org is None:  # "SSI, a start-up cofounded by ...": the organization the appositive describes
            org = next((q for q in range(k - 5, max(same.start, k - 9) - 1, -1) if ctx.items[q].is_org
                        and ctx.is_punct(q + 1 + ctx.is_punct(q + 1, ")"), ",،")
                        and not any(ctx.refers_to_person(r) or ctx.items[r].is_org for r in range(q + 2, k))), None)
        # ("تأسست شركة «نوفا» عام 2017 على يد": the name's quotation marks and a year between)
        by, n = next(((q, ctx.words_at(q, agents)) for q in range(k + 1, min(k + (9 if ctx.items[k].script == "ar" else 6),
                                                                             same.stop))
                      if ctx.words_at(q, agents)), (None, 0))
        if org is None and by is not None and ctx.is_punct(k - 1) and ctx.items[same.start].is_org \
                and ctx.is_word(same.start + 1, frozenset({"is", "was"}), False) \
                and ctx.is_word(same.start + 2, frozenset({"a", "an", "the"}), False):
            org = same.start  # "GitHub is a web-based hosting service for ..., founded by A, B and C"
        if org is None and anaphor is None and by is not None:
            # "تأسست X على يد ...", "Founded in 2019 by": the verb first, the organization between it and "by"
            org = next((q for q in range(k + 1, by) if ctx.items[q].is_org and ctx.items[q].etype != "MediaOutlet"), None)
        if org is None and anaphor is None and by is not None and k == same.start and ctx.items[k].script == "latin":
            # "Founded in 2020 by A and B, Nimbic Labs sells ...": the organization right after the list's comma
            org = next((q + 1 for q in range(by + n, min(by + n + 16, same.stop - 1)) if ctx.is_punct(q, ",")
                        and ctx.items[q + 1].is_org and ctx.items[q + 1].etype != "MediaOutlet"
                        and all(ctx.refers_to_person(r) or ctx.is_punct(r, ",") or ctx.is_word(r, along, False)
                                or ctx.items[r].kind in ("title", "tok") for r in range(by + n, q))), None)
        if org is None and anaphor is not None and by is not None:
            q, skipped = by + n, 0
            while q in same and skipped <= 3:
                if ctx.refers_to_person(q) and ctx.items[q].kind == "ent":
                    ctx.relate(ctx.person(q), "founded", anaphor, ctx.span(k, q), "0.7")
                    skipped = 0
                elif ctx.is_punct(q, ",،") or ctx.is_word(q, along, proclitic=False):
                    skipped += 1
                else:
                    break
                q += 1
            continue
        if org is not None and by is not None:
            # "co-founded by A and B", "تأسست على يد آيف، إلى جانب موظفي “أبل” السابقين، سكوت كانون، وتانج تان",
            # "founded in 2012 by 37-year-old neuroscientist A, along with B and C", "by Julien
            # Marchetti, a former Meta researcher, and Inès Duarte": descriptions between the names
            q, skipped, found, described = by + n, 0, False, False
            while q in same and skipped <= (14 if described else 9):
                if ctx.refers_to_person(q) and ctx.items[q].kind == "ent":
                    ctx.relate(ctx.person(q), "founded", ctx.items[org].key, ctx.span(org, q), "0.85")
                    skipped, found = 0, True
                    # "by A, an audio researcher with prior stints at Meta and OpenAI, and B": a longer appositive
                    described = ctx.is_punct(q + 1) and ctx.is_word(q + 2, frozenset({"a", "an", "the", "former"}), False)
                elif found and ctx.is_word(q, relative, proclitic=False) and ctx.is_punct(q - 1, ",،"):
                    # "by A, who earlier headed cloud infrastructure at Flipkart, and B": past the relative
                    # clause to the next name, which follows a comma and "and" (else the list has ended)
                    close = next((c for c in range(q + 1, min(q + 16, same.stop)) if ctx.is_punct(c, ",،")
                                  and ctx.is_word(c + 1, frozenset({"and", "و"}), proclitic=False)), None)
                    if close is None:
                        break
                    q, skipped = close + 1, 0
                elif ctx.is_punct(q, ":") and ctx.is_word(q - 1, frozenset({"هم", "وهم", "هما", "وهما"}), False):
                    skipped += 1  # "على يد ثلاثة أساتذة، هم: A، وB": the list after "they are:"
                elif ctx.items[q].kind in ("title", "ent") or ctx.is_punct(q, ",،\"“”«»'’") \
                        or ctx.is_word(q, along, proclitic=False):
                    skipped += 1
                elif ctx.items[q].kind in ("tok", "num") and not ctx.is_word(q, stops) \
                        and not ctx.is_punct(q, ".;:()") and (not found or skipped < (12 if described else 6)):
                    skipped += 1  # "37-year-old chess prodigy", "a former ... researcher"
                else:
                    break
                q += 1
            continue
        if ctx.is_word(k, ctx.doc.lex.words("founded_object_verbs_ar")):
            _founded_it(ctx, k, same)  # "الشركة أسسها ... وهم A وB وC"
            continue
        if ctx.items[k].script == "ar" and ctx.doc.text[ctx.items[k].start:ctx.items[k].end].lstrip("وب").startswith("ال"):
            continue  # "نماذج التأسيس" (foundation models), "مرحلة التأسيس": the noun, no one founding
        # active: "Oyelaran co-founded Halcyon", "Lindgren co-founded the company", and the Arabic
        # verb-first order "وأسس العتيبي الشركة", "وأسست Kalima AI ... الباحثة نادية بنعلي"
        target = next((q for q in range(k + 1, min(k + 6, same.stop)) if ctx.items[q].is_org
                       and not ctx.is_word(k + 1, frozenset({"with"}), False)), None)  # (not "co-founded with ex-Thales ...")
        if ctx.items[k].script == "ar" and k + 2 in same and ctx.refers_to_person(k + 1) and ctx.is_punct(k + 2, ",،"):
            # "وأسس NAME، الموظف السابق في جوجل، شركة X": past the subject's appositive to the object
            close = next((q for q in range(k + 3, min(k + 14, same.stop)) if ctx.is_punct(q, ",،")), None)
            target = next((q for q in range(close + 1, min(close + 4, same.stop)) if ctx.items[q].is_org), None) \
                if close is not None else target
        if target is not None and ctx.items[k].script == "ar" and ctx.is_word(k + 1, frozenset({"الشركه"}), False) \
                and (ctx.is_word(target - 1, ctx.words("prepositions"), False) or ctx.items[target].prefix in ("في", "ب", "ل")):
            target = None  # "أسس الشركة الباحثان السابقان في جوجل A وB": the company the article is about, not Google
        if target is None:  # "بتأسيس شركته الجديدة التي تدعى «X»": the company's name after "called"
            called = next((q for q in range(k + 1, min(k + 6, same.stop)) if ctx.is_word(q, ctx.words("called"), False)), None)
            target = next((q for q in range(called + 1, min(called + 3, same.stop)) if ctx.items[q].is_org), None) \
                if called is not None else None
        # ("starting the company", "setting up the company": a company not named yet as often as the one named last)
        loose = ctx.is_word(k, frozenset({"start", "starts", "starting", "set", "sets", "setting", "establish",
                                         "established", "founding", "co-founding"}), False)
        target_key = ctx.items[target].key if target is not None else None if loose else _company_anaphor(ctx, k, same)
        pronoun_subject = None
        if target_key is None and ctx.doc.lang != "ar" and ctx.is_word(k - 1, frozenset({"she", "he", "they"}), False):
            # "Kinetica, a robotics start-up she co-founded with Luis Ferreira", "Vauban Systems, which she
            # co-founded with ...": the organization the clause describes, founded by the one "she" is
            owner = _described_org(ctx, k - 2, same)
            if owner is not None:
                target, target_key = owner, ctx.items[owner].key
                pronoun_subject = next((q for q in range(owner - 1, same.start - 1, -1) if ctx.refers_to_person(q)
                                        and ctx.items[q].kind == "ent"), None)
                if pronoun_subject is None:
                    pronoun_subject = ctx.sentence_subject(same.start + 1, pronoun=True)  # "She now leads X, which she ..."
        if target_key is None:
            continue
        subj = k - 1
        while subj in same and ctx.is_word(subj, frozenset({"previously", "also", "later", "formerly", "once", "then",
                                                           "recently", "first", "had", "has", "have", "earlier"}), False):
            subj -= 1  # "Gross previously founded Cue", "A and B had earlier co-founded X"
        people = [subj] if subj in same and ctx.refers_to_person(subj) else []
        if people and ctx.doc.lang != "ar":
            from kg.extractors.employment import subjects
            people = [q for q in subjects(ctx, subj) if q <= subj] or people  # ("Biewald and Van Pelt had co-founded")
        if pronoun_subject is not None:
            people = [pronoun_subject]
        if not people and ctx.is_punct(k - 1):
            from kg.extractors.positions import appositive_subject
            p = appositive_subject(ctx, k - 1)  # "Mira Murati, OpenAI's former CTO, launched X"
            people = [p] if p is not None else []
        if not people and ctx.is_word(k - 1, relative, proclitic=False):
            p = k - 2 - ctx.is_punct(k - 2)  # "ألكسندر وانغ، الذي شارك في تأسيس X", "NAME, who co-founded X"
            people = [p] if p in same and ctx.refers_to_person(p) and ctx.items[p].kind == "ent" else []
        if not people and ctx.is_word(k - 1, frozenset({"helped", "having"}), False):
            first = next((q for q in same if q < k and ctx.refers_to_person(q) and ctx.items[q].kind == "ent"), None)
            people = [first] if first is not None else []  # "Musk ..., having helped found OpenAI"
        if not people and ctx.doc.lang == "ar":
            people = [q for q in range(k + 1, min(k + 14, same.stop)) if ctx.refers_to_person(q)
                      and ctx.items[q].kind == "ent"][:2]
        if not people and (ctx.doc.lang == "ar" and (ctx.items[k].norm.startswith(("بتاسيس", "لتاسيس", "ليوسس", "لتوسس"))
                                                     or ctx.is_word(k - 1, frozenset({"في"}), False))
                           or ctx.doc.lang != "ar" and ctx.is_word(k - 1, frozenset({"to"}), False)
                           and ctx.is_word(k, frozenset({"found", "co-found", "cofound", "launch", "start"}), False)):
            # "left OpenAI to found SSI", "غادر ... ليؤسس شركة X": the one person the sentence opens with
            # "بدأ سام ألتمان ... بتأسيس شركته": the verb's subject, the one person the sentence opens with
            named = [q for q in range(same.start, k) if ctx.refers_to_person(q) and ctx.items[q].kind == "ent"]
            lead = [q for q in range(same.start, named[0]) if not ctx.is_punct(q)] if named else []
            if named and len({ctx.person(q) for q in named}) == 1 and len(lead) <= 1 \
                    and all(ctx.items[q].kind == "tok" for q in lead):
                people = [named[0]]
        if ctx.doc.lang != "ar":  # "... co-founded Halcyon in 2023 with Wen-Li Chou"
            with_ = next((q for q in range(k + 1, min(k + 8, same.stop)) if ctx.items[q].norm == "with"), None)
            w = with_ + 1 if with_ is not None else None
            while w is not None and w in same and w - with_ <= 5 and not ctx.refers_to_person(w) \
                    and (ctx.items[w].kind in ("tok", "title") and not ctx.is_punct(w, ",.;") or ctx.items[w].is_org):
                w += 1  # "with ex-Thales engineer Julien Roussel": past a description
            if w is not None and w in same and ctx.refers_to_person(w) and (ctx.items[w].kind == "ent" or w > with_ + 1):
                people.append(w)  # (a title that names the person after it: "ex-Thales engineer Julien Roussel")
        for person in people:
            ctx.relate(ctx.person(person), "founded", target_key, ctx.span(min(person, k), max(person, target or k)), "0.8")


def _described_org(ctx: Context, q: int, same: range) -> int | None:
    """The organization a clause ending at item q describes: "X, which" or "X, a (robotics) start-up"."""
    if ctx.is_word(q, frozenset({"which", "that"}), False) and ctx.is_punct(q - 1, ",") and q - 2 in same \
            and ctx.items[q - 2].is_org:
        return q - 2
    r = q
    while r in same and q - r < 5 and ctx.items[r].kind == "tok" and not ctx.is_punct(r):
        r -= 1
    if r != q and ctx.is_punct(r, ",") and r - 1 in same and ctx.items[r - 1].is_org \
            and any(ctx.is_word(m, ctx.words("company_nouns"), False) for m in range(r + 1, q + 1)):
        return r - 1
    return None


def _founded_it(ctx: Context, k: int, same: range) -> None:
    """An Arabic verb carrying its object ("أسسها"، "أسسه"): the company is the one before it (named,
    or "الشركة" standing for the one the passage is about), the founders the people after it."""
    from kg.extractors.positions import _listed

    org = next((q for q in range(k - 1, same.start - 1, -1) if ctx.items[q].is_org and ctx.items[q].etype != "MediaOutlet"), None)
    if org is not None:
        key = ctx.items[org].key
    elif any(ctx.is_word(q, frozenset({"الشركه"}), False) for q in range(max(same.start, k - 2), k)):
        key = ctx.main_company()  # "الشركة" as a subject: the company the article is about
    else:
        return
    first = next((q for q in range(k + 1, min(k + 16, same.stop))
                  if ctx.refers_to_person(q) and ctx.items[q].kind == "ent"), None)
    if key is None or first is None:
        return
    for p in _listed(ctx, first):
        ctx.relate(ctx.person(p), "founded", key, ctx.span(k, p), "0.8")


def _company_anaphor(ctx: Context, k: int, same: range) -> str | None:
    """"the company" / "الشركة" right after the verb: the company it refers to (deals.last_company)."""
    from kg.extractors.deals import last_company

    phrases = ctx.phrases("company_anaphora")
    for q in range(k + 1, min(k + 3, same.stop)):
        if ctx.words_at(q, phrases, proclitic=True):
            return last_company(ctx, k)  # the most salient one ("أسس الشركة" after "قادها صندوق X": not the fund)
    return None


@extractor("sanad.founder.launched-named.v1", produces=("founded",))
def launched_named(ctx: Context) -> None:
    """"أطلقت NAME، ...، شركة ناشئة باسم Waabi", "أعلن NAME عن تأسيس شركة ناشئة جديدة تحمل اسم Eureka Labs",
    "غادر A وB شركة X ليطلقا شركة جديدة باسم Y": a verb of launching or founding, a company noun, then the
    name it goes by; the founders are the verb's subject (right after it, else the people the sentence opens with)."""
    from kg.extractors.employment import subjects

    verbs = ctx.words("launch_company_verbs")
    called = ctx.words("called")
    for k, it in enumerate(ctx.items):
        if it.script != "ar" or not ctx.is_word(k, verbs, proclitic=True):
            continue
        same = ctx.sentence_range(k)
        noun = next((q for q in range(k + 1, min(k + 14, same.stop))
                     if ctx.is_word(q, frozenset({"شركه"}), proclitic=False)), None)
        if noun is None:
            continue
        name = next((q for q in range(noun + 1, min(noun + 6, same.stop)) if ctx.is_word(q, called, proclitic=True)), None)
        org = name + 1 + ctx.is_punct(name + 1, '"“”«»') if name is not None else None
        if org is None or org not in same or not ctx.items[org].is_org or any(
                ctx.items[q].kind == "ent" for q in range(noun + 1, name)):
            continue
        subject = k + 1 if k + 1 in same and ctx.refers_to_person(k + 1) and ctx.items[k + 1].kind == "ent" else \
            next((q for q in range(same.start, k) if ctx.refers_to_person(q) and ctx.items[q].kind == "ent"), None)
        if subject is None:
            continue
        for member in subjects(ctx, subject):
            ctx.relate(ctx.person(member), "founded", ctx.items[org].key, ctx.span(min(member, k), org), "0.75")


@extractor("sanad.founder.one-of.v1", produces=("founded", "formerlyWorkedFor"))
def one_of_the_founders(ctx: Context) -> None:
    """Arabic "one of the founders": "رحيل ثلاثة من مؤسسيها الخمسة، هم A وB وC" (the people listed after
    "هم"), "شركة X، التي كانا من مؤسسيها" (the sentence's subjects), "وكانت NAME من مؤسسي معهد X" (the name
    before "من"). The company is the one the possessive stands for ("ها": the organization before), else
    the one named after the title. A departure word before the title makes it a former employer too."""
    from kg.extractors.employment import subjects
    from kg.extractors.positions import _listed

    departure = ctx.words("departure_nouns") | ctx.words("departure")
    for t, it in enumerate(ctx.items):
        if it.kind != "title" or it.script != "ar" or it.title.get("kind") != "founder" \
                or not ctx.is_word(t - 1, frozenset({"من"}), proclitic=False):
            continue
        same = ctx.sentence_range(t)
        possessive = it.norm.endswith(("ها", "ه"))
        if possessive:
            org = next((q for q in range(t - 1, same.start - 1, -1) if ctx.items[q].is_org
                        and ctx.items[q].etype != "MediaOutlet"), None)
        else:
            org = next((q for q in range(t + 1, min(t + 4, same.stop)) if ctx.items[q].is_org), None)
        if org is None:
            continue
        q = t + 1
        while q in same and q - t <= 3 and (ctx.items[q].kind == "tok" and ctx.items[q].norm.startswith("ال")
                                            or ctx.is_punct(q)):
            q += 1  # "مؤسسيها الخمسة،"
        people: list[int] = []
        if q in same and ctx.is_word(q, frozenset({"هم", "وهم", "هما", "وهما"}), False) and q + 1 in same \
                and ctx.items[q + 1].is_person:
            people = _listed(ctx, q + 1)
        elif ctx.is_word(t - 2, frozenset({"كان", "كانت", "كانا", "كانوا"}), proclitic=True) \
                and ctx.is_word(t - 3, frozenset({"الذي", "التي", "اللذين", "الذين"}), False):
            first = next((r for r in range(same.start, t) if ctx.refers_to_person(r) and ctx.items[r].kind == "ent"), None)
            people = subjects(ctx, first) if first is not None else []
        elif t - 2 in same and ctx.refers_to_person(t - 2) and ctx.items[t - 2].kind == "ent":
            people = [t - 2]  # "وكانت NAME من مؤسسي X"
        left = any(ctx.is_word(r, departure, proclitic=True) for r in range(max(same.start, t - 4), t))
        for p in people:
            ctx.relate(ctx.person(p), "founded", ctx.items[org].key, ctx.span(min(p, t, org), max(p, t, org)), "0.75")
            if left:  # "رحيل ثلاثة من مؤسسيها": they leave the company they founded
                ctx.relate(ctx.person(p), "formerlyWorkedFor", ctx.items[org].key,
                           ctx.span(min(p, t, org), max(p, t, org)), "0.7")


@extractor("sanad.founder.owner.v1", produces=("founded",))
def owners(ctx: Context) -> None:
    """"Elon Musk's xAI": a person's company, read as founder or founding owner (low confidence)."""
    deal_words = ctx.words("deal_nouns") | ctx.words("acquire_words") | ctx.words("invest_words")
    for k, it in enumerate(ctx.items):
        if not it.is_person or it.kind != "ent":
            continue
        if ctx.is_punct(k + 1, "'’") and ctx.is_word(k + 2, frozenset({"s"}), False) and k + 3 < len(ctx.items):
            org = ctx.items[k + 3]
            if org.is_org and org.etype == "Company" and not ctx.is_word(k + 4, deal_words, proclitic=False):
                ctx.relate(it.key, "founded", org.key, ctx.span(k, k + 3), "0.5")


@extractor("sanad.founder.possessive.v1", produces=("founded",))
def possessive_founder(ctx: Context) -> None:
    """"في شركته Nervana" / "his company Nervana": the sentence's person owns the company."""
    phrases = ctx.phrases("possessive_company")
    for k, n, same in ctx.matches(phrases):
        if ctx.is_punct(k + n, ",،:") and k + n + 1 in same and ctx.items[k + n + 1].is_org:
            n += 1  # "his new venture, Babuschkin Ventures"
        if k + n >= len(ctx.items) or not ctx.items[k + n].is_org:
            continue
        near = range(max(same.start, k - 8), k)  # "والأمير الوليد بن طلال عبر شركته X": the one just before
        named_near = {ctx.person(q) for q in near if q in ctx.person_refs and ctx.items[q].kind == "ent"}
        if len(named_near) > 1:
            continue  # "A and B met; his new firm, X, ...": whose firm, the sentence does not say
        owner = next(iter(named_near), None) or next((ctx.person(q) for q in near if q in ctx.person_refs), None)
        if owner is None:  # "NAME said in a post on X, adding that his new venture, V, ...": the one person named before
            named = {ctx.person(q) for q in range(same.start, k) if q in ctx.person_refs and ctx.items[q].kind == "ent"}
            owner = next(iter(named)) if len(named) == 1 else None
        if owner is None and k - same.start <= 4:  # "وفي شركته X ...": the person of the sentence before
            owner = ctx.last_person_before(k)
        if owner:
            ctx.relate(owner, "founded", ctx.items[k + n].key, ctx.span(k, k + n), "0.6")
    # "شركة التواصل الاجتماعي X الخاصة به" ("his own X"): the one person the sentence names before owns it
    for k, n, same in ctx.matches(ctx.phrases("own_company_after")):
        q = k - 1 - ctx.is_punct(k - 1, '"“”«»')
        if q not in same or not ctx.items[q].is_org or ctx.items[q].etype != "Company":
            continue
        named = {ctx.person(r) for r in range(same.start, q) if r in ctx.person_refs and ctx.items[r].kind == "ent"}
        if len(named) == 1:
            ctx.relate(next(iter(named)), "founded", ctx.items[q].key, ctx.span(q, k + n - 1), "0.5")


@extractor("sanad.position.founder-company.v1", produces=("holdsPosition", "worksFor"))
def founders_titles(ctx: Context) -> None:
    """"Julien Marchetti founded Kestrel in 2021. Marchetti is chief executive": a title with no
    organization, held by someone the article says founded exactly one company, is held there (the
    founding rules run after the titles, so this is read once they have)."""
    founded = _founded(ctx)
    held = {(p.person, p.role) for p in ctx.out.positions}
    for f in ctx.frames.values():
        if f.person is None or f.org is not None or f.anaphor_org is not None or f.kind != "office":
            continue
        person = ctx.person(f.person)
        orgs = founded.get(person, set())
        if len(orgs) == 1 and (person, f.role["role"]) not in held:
            ctx.position(person, next(iter(orgs)), ctx.span(f.t, f.end), f.role, f.current,
                         ctx.span(min(f.first, f.person), max(f.last, f.person)), "0.6")


@extractor("sanad.position.main-company.v1", produces=("holdsPosition", "worksFor", "formerlyWorkedFor"))
def main_company_titles(ctx: Context) -> None:
    """"Peter Sarlin, CEO, said", "وقال المسؤول أندرو بوسورث": a title with no organization, in a
    sentence that names no other company, of someone no other title places and who founded nothing here,
    is held at the company the article is about. No guess for a title of state ("President NAME":
    titles marked of_state in patterns.json) or one that names what it is of ("Former Bing chief
    NAME", "X's CEO NAME")."""
    company = ctx.main_company()
    if company is None:
        return
    founded = _founded(ctx)
    placed = {p.person for p in ctx.out.positions} | {ctx.person(f.person) for f in ctx.frames.values()
                                                      if f.person is not None and (f.org is not None or f.anaphor_org)}
    for f in ctx.frames.values():
        if f.person is None or f.org is not None or f.anaphor_org is not None or f.kind not in ("office", "descriptor") \
                or f.role.get("of_state") or named_modifier(ctx, f):
            continue
        person = ctx.person(f.person)
        if person in placed or person in founded or any(ctx.items[q].is_org and ctx.items[q].etype == "Company"
                                                        and ctx.items[q].key != company for q in ctx.sentence_range(f.t)):
            continue
        ctx.position(person, company, ctx.span(f.t, f.end), f.role, f.current,
                     ctx.span(min(f.first, f.person), max(f.last, f.person)), "0.5")


def _founded(ctx: Context) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for r in ctx.out.relations:
        if r.predicate == "founded":
            found.setdefault(r.subject, set()).add(r.object)
    return found


@extractor("sanad.person.age.v1", produces=("age",))
def ages(ctx: Context) -> None:
    phrases = ctx.doc.lex.phrases("age_ar")
    units = ctx.doc.lex.words("age_units_ar")
    for k, it in enumerate(ctx.items):
        n = ctx.words_at(k, phrases, proclitic=True)
        num = k + n
        if n and num < len(ctx.items) and ctx.items[num].kind == "num" and ctx.is_word(num + 1, units):
            end = num + 1
        elif it.kind == "num" and ctx.doc.text[it.end:it.end + 9].lower() in ("-year-old",) or (
                it.kind == "num" and ctx.doc.text[it.end:it.end + 10].lower().startswith("-year-old")):
            num, end = k, k
        else:
            continue
        value = ctx.items[num].value
        if value is None or not 0 < value < 120 or value != int(value):
            continue
        same = ctx.sentence_range(k)
        person = next((ctx.person(q) for q in range(k - 1, same.start - 1, -1) if ctx.items[q].is_person), None)
        if person is None:  # "48-year-old Noam Shazeer"
            person = next((ctx.person(q) for q in range(end + 1, min(end + 4, same.stop)) if ctx.items[q].is_person), None)
        if person:
            ctx.out.attributes.add(Attribute(person, "age", int(value), ctx.span(k, end), ctx.rule))


@extractor("sanad.money.amount.v1", produces=("MonetaryAmount", "value", "currency"))
def amounts(ctx: Context) -> None:
    for it in ctx.items:
        if it.kind == "money":
            ctx.out.amounts.add(it.money)
    ctx.out.amounts.update(ctx.doc.range_ends)
