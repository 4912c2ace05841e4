"""Titles: "نافين راو، نائب رئيس قسم الذكاء الاصطناعي في Databricks", "OpenAI CEO Sam Altman",
"Databricks' VP of AI, Naveen Rao", "مؤسس موقع Character.ai، نعوم شازير", and titles with no
name: "Perplexity's CEO" (a described person), "the executive" (someone already named).
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.extractors import extractor
from kg.extractors.context import Context, item_text
from kg.model import Span
from kg.text import norm


@dataclass
class Frame:
    t: int  # the title item
    end: int  # last item of the title with its tail ("of AI", "قسم الذكاء الاصطناعي")
    role: dict
    org: int | None = None
    anaphor_org: str | None = None  # "للشركة", "the startup's": the company referred back to
    pronoun: bool = False  # "she is now the startup's CTO": the person is the last one named
    person: int | None = None
    current: bool = True
    generic: bool = False  # anaphor_org is "the company" read as the one the passage is about
    held: bool = False  # "يشغل منصب TITLE" with a holder we could not read: never a described person
    replaced: int | None = None  # "A will replace B as CEO": B, who held the title before
    start: int = 0  # first item of the title with its organization before it ("Intel's CEO"), before the person
    first: int = 0  # first item of the whole phrase (for evidence)
    last: int = 0

    @property
    def kind(self) -> str:
        return self.role["kind"]


@extractor("sanad.position.title.v1",
           produces=("Position", "holdsPosition", "worksFor", "formerlyWorkedFor", "founded", "Person"))
def titles(ctx: Context) -> None:
    frames = [_frame(ctx, i) for i, it in enumerate(ctx.items) if it.kind == "title"]
    _share_coordinated(ctx, frames)
    for f in frames:
        _succession(ctx, f)
    ctx.frames = {f.t: f for f in frames}
    founded = {}
    for r in ctx.out.relations:
        if r.predicate == "founded":
            founded.setdefault(r.subject, set()).add(r.object)
    explicit = {(ctx.person(f.person), f.role["role"]) for f in frames if f.person is not None and f.org is not None}
    for f in frames:
        if f.pronoun and f.person is None:
            last = max((k for k in ctx.person_refs if k < f.t and ctx.items[k].kind == "ent"), default=None)
            if last is not None:
                f.person = last
        if f.org is None and f.anaphor_org is None and f.kind in ("office", "occupation"):
            f.anaphor_org = _where_org(ctx, f)  # "عمل سابقا في أوبن إيه آي، حيث شغل داريو منصب نائب الرئيس"
        if f.org is None and f.anaphor_org is None and f.person is not None and f.kind == "office" \
                and (ctx.person(f.person), f.role["role"]) not in explicit:
            f.anaphor_org = _sole_company_before(ctx, f)  # "تضاعف ميتا ... إذ أعاد الرئيس التنفيذي مارك زوكربيرغ"
        if f.org is None and (f.anaphor_org is None or f.generic) and f.person is not None \
                and f.kind in ("office", "descriptor"):
            orgs = founded.get(ctx.person(f.person), set())
            if len(orgs) == 1:  # "Marchetti is chief executive": of the company the article says he founded
                f.anaphor_org = next(iter(orgs))
        if f.org is None and f.anaphor_org is None and f.kind == "office":
            _role_change(ctx, f)
            if f.anaphor_org is None and f.person is not None and f.person < f.t and ctx.is_punct(f.person + 1) \
                    and ctx.doc.lang != "ar" and f.end > f.t \
                    and ctx.is_word(f.t - 1, frozenset({"the"}), False) \
                    and not any(ctx.items[q].is_org and ctx.items[q].etype == "Company" for q in ctx.sentence_range(f.t)):
                # "Milan Kovac, the head of engineering for Optimus, ...": a definite title with its field
                # in a sentence naming no company: at the company the article is about
                f.anaphor_org = ctx.main_company()
        elif f.person is None and f.kind == "office":
            _role_change(ctx, f, org_known=True)  # "NAME will become Intel's chief technology officer"
    held: dict[tuple[str, str], set[str]] = {}  # (org key, role) -> people named with it
    holders: list[tuple[int, str, str]] = []  # (item, person, org) for named office holders
    for f in frames:
        if f.person is None:
            continue
        person = ctx.person(f.person)
        org = ctx.items[f.org].key if f.org is not None else f.anaphor_org
        evidence = ctx.span(f.first, f.last)
        title = ctx.span(f.t, f.end)
        ctx.person_refs.setdefault(f.t, person)
        if f.kind == "founder":
            org = org or _org_before(ctx, f.t) or _founded_subject(ctx, f)
            plural = ctx.items[f.t].norm in ctx.doc.lex.words("founder_plural_forms")
            if plural and f.person > f.t:
                members = _listed(ctx, f.person)
            elif plural and ctx.doc.lang != "ar":  # "A and B, co-founders of X": the pair before the title
                from kg.extractors.employment import subjects
                members = subjects(ctx, f.person)
            else:
                members = [f.person]
            for member in members:
                if org:  # "founders A and B", "مؤسسا X A وB": each of them
                    ctx.relate(ctx.person(member), "founded", org, evidence if member == f.person
                               else ctx.span(f.first, member), "0.9" if f.org is not None else "0.6")
        elif org and f.kind in ("office", "descriptor"):
            for q, org in _org_pair(ctx, f):  # "CEO of Tesla and SpaceX", "الرئيس التنفيذي لشركتي تسلا وسبيس إكس"
                ctx.position(person, org, title, f.role, f.current, evidence if q == f.org else ctx.span(f.first, q))
                held.setdefault((org, f.role["role"]), set()).add(person)
                holders.append((f.t, person, org))
                if f.replaced is not None:  # the one replaced held it before
                    ctx.position(ctx.person(f.replaced), org, title, f.role, False, ctx.span(f.replaced, max(f.last, q or 0)))
        elif org and f.kind == "occupation":
            for q, org in _org_pair(ctx, f):
                for member in _listed(ctx, f.person) if f.role.get("plural") else [f.person]:
                    ctx.relate(ctx.person(member), "worksFor" if f.current else "formerlyWorkedFor", org,
                               ctx.span(f.first, max(member, q)) if member > f.first or q != f.org else evidence, "0.8")
    for f in frames:
        if f.person is not None or f.held:
            continue
        org = ctx.items[f.org].key if f.org is not None else None
        evidence = ctx.span(f.first, f.last)
        if f.kind == "office" and org:
            named = held.get((org, f.role["role"]), set())
            if len(named) == 1:  # the same title at the same company: the person named with it
                person = next(iter(named))
                ctx.person_refs[f.t] = person
                ctx.mention_person(person, evidence)
                ctx.position(person, org, ctx.span(f.t, f.end), f.role, f.current, evidence)
            elif ctx.items[f.t].norm not in ctx.words("generic_bare_titles") or f.end > f.t:
                # (a bare "partner", "lead" or "head" names no one: "a key partner for Microsoft", "Nvidia's lead")
                ctx.described[f.t] = (evidence, f.org, f.role, f.current)
                person = ctx.describe(f.t)
                ctx.position(person, org, ctx.span(f.t, f.end), f.role, f.current, evidence)
        elif f.kind == "descriptor" and org:
            # "the Meta executive" is the one named before; "مسؤول في AMD" (indefinite) is someone else
            named = {p for (t, p, o) in holders if o == org and t < f.t}
            if len(named) == 1 and (_definite(ctx, f.t) or ctx.doc.lang != "ar"):
                person = next(iter(named))
                ctx.person_refs[f.t] = person
                ctx.mention_person(person, evidence)
                ctx.relate(person, "worksFor" if f.current else "formerlyWorkedFor", org, evidence, "0.7")
            elif not _definite(ctx, f.t):  # "مسؤول في AMD", "an AMD official": someone unnamed
                ctx.described[f.t] = (evidence, f.org, f.role, f.current)
        elif f.kind == "descriptor" and _definite(ctx, f.t):
            people = {p for (_, p, _) in holders}
            unnamed = [k for k, d in ctx.described.items() if k < f.t and d[2]["kind"] == "descriptor"]
            person = ctx.last_person_before(f.t, lambda k, key: key in people)
            last_holder = max((k for k, p in ctx.person_refs.items() if k < f.t and p == person), default=-1)
            if unnamed and unnamed[-1] > last_holder:
                ctx.aliases[f.t] = unnamed[-1]  # "وأضاف المسؤول" after "مسؤول في AMD"
            elif person:
                ctx.person_refs[f.t] = person
                ctx.mention_person(person, evidence)
        elif f.kind == "occupation" and org and not f.role.get("plural") and f.role.get("describes", True):
            # ("a professor at X" with no one named: a post someone already named holds, not a new person)
            ctx.described[f.t] = (evidence, f.org, f.role, f.current)
            ctx.describe(f.t)  # "متحدث باسم OpenAI", "a Meta engineer": a person of that company
        elif f.kind == "occupation" and f.anaphor_org and f.role["role"] == "spokesperson" and f.last > f.t:
            ctx.org_refs[f.last] = f.anaphor_org  # "ناطقا باسم الشركة الناشئة": a spokesperson of the company meant
            ctx.described[f.t] = (evidence, f.last, f.role, f.current)
            ctx.describe(f.t)
        elif f.kind == "occupation" and _definite(ctx, f.t):
            earlier = [k for k, d in ctx.described.items() if k < f.t and d[2]["role"] == f.role["role"]]
            if earlier:
                ctx.aliases[f.t] = earlier[-1]


def named_modifier(ctx: Context, f: Frame) -> bool:
    """"Former Bing chief NAME", "X's CEO NAME", "Indian-Origin CEO NAME": in English, a capitalized
    word or a possessive right before a title (past "former" or an article) names what the title is
    of, even where that is no organization Sanad knows."""
    if ctx.doc.lang == "ar":
        return False
    same = ctx.sentence_range(f.t)
    q = f.t - 1
    while q > same.start and ctx.is_word(q, ctx.words("former") | {"the", "a", "an"}, False):
        q -= 1
    if q <= same.start:  # (the sentence's first word is capitalized whatever it is)
        return False
    text = item_text(ctx, ctx.items[q])
    return text in ("s", "'s", "’s") or ctx.items[q].script == "latin" and text[:1].isupper()


def _share_coordinated(ctx: Context, frames: list[Frame]) -> None:
    """"المؤسس والرئيس التنفيذي لقنوات لابز، طارق الزعبي", "chief executive and co-founder, Elena
    Sokolova": titles joined by and/و share the organization and the person of their neighbour."""
    by_t = {f.t: f for f in frames}
    for f, g in zip(frames, frames[1:]):
        # "Veridian's co-founders, chief executive Layla Haddad and ...": a title after the comma
        # that ends a titled phrase with an organization takes that organization
        if f.org is not None and g.org is None and ctx.is_punct(f.last + 1) and g.first == f.last + 2:
            g.org = f.org
            if f.kind == "founder" and f.person is None:
                f.person = g.person
    for f, g in zip(frames, frames[1:]):
        # "NAME, a researcher at Mistral and a co-founder of Cohere, ...": a second appositive joined
        # by "and" (and its article) after the first one's organization describes the same person
        q = g.first - 1
        while ctx.is_word(q, frozenset({"a", "an", "the"}), False):
            q -= 1
        if g.person is None and f.person is not None and f.person < f.t and f.org is not None and q == f.last + 1 \
                and ctx.is_word(q, frozenset({"and"}), False) and ctx.doc.lang != "ar" and ctx.is_punct(f.person + 1):
            g.person = f.person
    by_first = {f.first: f for f in frames}
    for f in frames:
        g = None
        for nxt in dict.fromkeys((f.end + 1, f.last + 1)):  # "ورئيس أوبن أي آي السابق ورئيس مجلس الإدارة NAME"
            joined = ctx.is_word(nxt, frozenset({"and", "و"}), proclitic=False)
            g = by_t.get(nxt + 1 if joined else nxt) or (by_first.get(nxt + 1) if joined else None)
            if g is not None and (joined or ctx.items[g.t].prefix.startswith("و")):
                break
            g = None
        if g is None:
            continue  # ("co-founder and former CEO": the second title starts at its "former")
        if f.org is None and g.org is not None:
            f.org = g.org
        if g.org is None and f.org is not None:
            g.org = f.org  # "Character.AI co-founder and chief executive Noam Shazeer"
        if f.org is None and g.org is None and (f.anaphor_org is None) != (g.anaphor_org is None):
            f.anaphor_org = g.anaphor_org = f.anaphor_org or g.anaphor_org  # "the company's co-founder and CEO"
        if f.person is None and g.person is not None:
            f.person = g.person
        if g.person is None and f.person is not None and (
                g.org == f.org or f.person < f.t and ctx.items[g.t].script == "ar"):
            g.person = f.person  # ("NAME، أحد مؤسسي OpenAI والمدير السابق ... في تسلا": one apposition, two titles)
    for f, g in zip(frames, frames[1:]):
        # "تعيين NAME، رئيس وحدة ... في Arm، رئيساً تنفيذياً لشركة ...": an indefinite title right after the
        # comma that closes a name's apposition is that name's (the post the sentence gives them)
        if g.person is None and f.person is not None and f.person < f.t and ctx.items[g.t].script == "ar" \
                and g.first == f.last + 2 and ctx.is_punct(f.last + 1) and not _definite(ctx, g.t) \
                and ctx.sentence_range(f.t) == ctx.sentence_range(g.t):
            g.person = f.person


def _frame(ctx: Context, t: int) -> Frame:
    items = ctx.items
    role = items[t].title
    f = Frame(t, t, role, first=t, last=t)
    same = ctx.sentence_range(t)
    former = ctx.words("former")
    if any(w in former for w in items[t].words):
        f.current = False  # a title that holds its own "former": "الرئيس التنفيذي السابق"
    while ctx.is_word(f.first - 1, ctx.words("title_modifiers"), proclitic=False):
        f.first -= 1  # "interim CEO", "acting chief executive"
    t_mod = f.first
    hyphenated = t_mod >= 2 and ctx.is_word(t_mod - 2, former) and ctx.is_punct(t_mod - 1, "-")
    if ctx.is_word(t_mod - 1, former, proclitic=False) or hyphenated:
        f.current = False
        f.first = t_mod - 1 if ctx.is_word(t_mod - 1, former) else t_mod - 2
    if role.get("tail"):
        f.end = _tail(ctx, t, same)
    elif items[t].script == "ar" and role["kind"] in ("office", "occupation"):
        f.end = _arabic_field(ctx, t, same)  # "كبير علماء الذكاء الاصطناعي في شركة ميتا", "باحث رئيسي بقطاع ..."
    if ctx.is_word(f.end + 1, former, proclitic=False):
        f.current = False
        f.end += 1
    elif items[t].script == "ar" and any(ctx.is_word(q, former, proclitic=False) for q in range(t + 1, f.end + 1)):
        f.current = False  # "المدير السابق في ميتا", "مديرة الأبحاث السابقة": the field read past its "former"
    f.last = f.end
    # the organization: after the title ("في Databricks", "at OpenAI") or before it ("OpenAI CEO")
    k = f.end + 1
    if ctx.is_word(k, frozenset({"نفسه", "نفسها"}), False):
        k += 1  # "هو المدير التنفيذي نفسه لشركة DeepMind": "himself", then the organization
    links = ctx.phrases("org_links")
    n = ctx.words_at(k, links)
    if n and ctx.is_word(k + n, frozenset({"كل"}), False) and ctx.is_word(k + n + 1, frozenset({"من"}), False):
        n += 2  # "كبير العلماء في كل من A وB": in each of them
    while (n or ctx.doc.lang == "ar") and k + n in same and ctx.is_punct(k + n, '"“”«»**'):
        n += 1  # لشركة "ويندسيرف", رئيس «مايكروسوفت», في **xAI**
    if n and k + n in same and items[k + n].kind == "tok" and items[k + n].script == "ar" and k + n + 2 in same:
        gap = 2 if ctx.is_punct(k + n + 1, '"“”«»') else 1
        if items[k + n + gap].is_org:
            n += gap  # an unrecognised Arabic spelling before the Latin name
    if n and not (k + n in same and items[k + n].is_org):
        # "CEO of the AI coding startup Windsurf": describing words before the organization
        skip = ctx.words("org_descriptor_skip")
        m = k + n
        based = frozenset({"based"})
        while m in same and m - (k + n) < 6 and (ctx.is_word(m, skip, proclitic=False) or ctx.items[m].kind == "tok"
                                                 and ctx.is_punct(m + 1, "-") and ctx.is_word(m + 2, based, False)):
            m += 1  # ("Munich-based technology consultancy Brandauer Advisory": a place before "-based" too)
        if m in same and items[m].is_org and m > k + n:
            n = m - k
    if items[t].script == "ar" and not (k + n in same and items[k + n].is_org):
        m = _arabic_anaphor(ctx, k, same)
        if m is None and f.end == t + 1 and role.get("tail"):
            m = _arabic_anaphor(ctx, t + 1, same)  # "نائب الرئيس للشركة": the company, not a field
            if m is not None:
                f.end = t
        named = m + 1 + ctx.is_word(m + 1, frozenset({"الام"}), False) if m is not None else None
        if named is not None and named in same and items[named].is_org and items[named].etype != "MediaOutlet":
            n, k = 0, named  # "للشركة الأم ألفابت": the company is named after "الشركة (الأم)"
        elif m is not None:
            f.anaphor_org = _salient_company(ctx, t)  # "الرئيسة التنفيذية للشركة", "مينش، رئيس الشركة"
            f.generic = True
            f.last = m
        elif _possessive_suffix(ctx, t, f.end, same):
            # "رئيسها التنفيذي", "رئيس فريقها": "its" stands for the company the article is about
            f.anaphor_org = _salient_company(ctx, t)
            f.generic = True
            if f.end + 1 in same and items[f.end + 1].kind == "tok" and items[f.end + 1].norm.endswith("ها"):
                f.end = f.last = f.end + 1
    if k + n in same and items[k + n].is_org and (n or ctx.doc.lang == "ar"):
        f.org = k + n
        f.last = k + n
        gap = 1 + ctx.is_punct(f.last + 1, '"”»')  # موظفي “أبل” السابقين
        if ctx.is_word(f.last + gap, former, proclitic=False):
            f.current = False
            f.last += gap
    elif ctx.doc.lang != "ar" or ctx.items[t].script == "latin":
        b = f.first - 1
        if ctx.is_count(b) and (ctx.is_punct(b - 1, "'’") or ctx.is_word(b - 1, frozenset({"s"}), False)):
            b -= 1  # "Convogo's three co-founders", "OpenAI's two top researchers": a count after the owner
        if ctx.is_punct(b, ")") and ctx.is_punct(b - 2, "(") and b - 2 in same and items[b - 1].is_org:
            # "Amazon Web Services (AWS) executive NAME": the short form in brackets after the name
            f.org = b - 1
            f.first = b - 3 if b - 3 in same and items[b - 3].is_org and items[b - 3].key == items[b - 1].key else b - 2
        elif ctx.is_punct(b, "'’") and b - 1 in same and items[b - 1].is_org:
            f.org, f.first = b - 1, b - 1
        elif ctx.is_word(b, frozenset({"s"}), False) and ctx.is_punct(b - 1, "'’") and items[b - 2].is_org:
            f.org, f.first = b - 2, b - 2
        elif b in same and items[b].is_org:
            f.org, f.first = b, b
        elif b - 1 in same and items[b - 1].is_org and items[b].kind == "tok" and items[b].script == "latin" \
                and ctx.doc.text[items[b].start:items[b].end].islower() and not ctx.is_word(b, ctx.words("determiners"), False) \
                and not ctx.is_word(b, ctx.words("copulas"), False) and not ctx.is_word(b, ctx.words("prepositions"), False) \
                and not ctx.is_word(b, _verbs_of_others(ctx), False):
            f.org, f.first = b - 1, b - 1  # "former Apple design chief Jony Ive": the field between
            # (not "Google hired co-founder X", "Meta poached researcher Y": a verb, not a field)
        if f.org is not None and ctx.is_word(f.first - 1, former, proclitic=False):
            f.current = False  # "a former Meta researcher"
            f.first -= 1
        elif f.org is not None and ctx.is_punct(f.first - 1, "-") and ctx.is_word(f.first - 2, former, proclitic=False):
            f.current = False  # "ex-Google engineer"
            f.first -= 2
        if f.org is None and ctx.is_word(b, frozenset({"s"}), False) and ctx.is_punct(b - 1, "'’") \
                and ctx.is_word(b - 2, ctx.words("company_nouns"), False):
            startup = ctx.is_word(b - 2, frozenset({"startup", "start-up"}), False)
            # "the startup's chief technology officer", "the company's co-founder and CEO"
            f.anaphor_org = _last_company(ctx, t, startup=True) if startup else _salient_company(ctx, t)
            f.first = b - 2
            # "the A.I. company's president", "the robotics startup's CTO": describing words after "the"
            for q in range(b - 3, max(same.start, b - 7) - 1, -1):
                if ctx.is_word(q, frozenset({"the"}), False):
                    f.first = q
                    break
                if items[q].kind != "tok" or (items[q].script == "punct" and items[q].norm != "."):
                    break
        if f.org is None and f.anaphor_org is None and role["role"] == "founder" and ctx.is_punct(f.end + 1, ","):
            # "Palette Labs said its two co-founders, A and B, ...", "The founders, A, B and C, met at ...":
            # the founders of the company the passage is about, listed after the comma
            q = b - ctx.is_count(b)
            if ctx.is_word(q, frozenset({"its", "their"}), False) \
                    or ctx.is_word(q, frozenset({"the"}), False) and q == same.start:
                f.anaphor_org = _salient_company(ctx, t)
                f.first = q
    f.start = f.first
    # the person: "NAME، TITLE ..." or "TITLE ... ORG، NAME" / "ORG CEO NAME"
    before = f.first - 1
    skip = ctx.words("determiners") | ctx.words("copulas")
    if ctx.doc.lang != "ar":
        before = _past_modifiers(ctx, before, same)  # "NAME, an AI researcher at X": words of the field
    while before in same and (ctx.is_word(before, skip, proclitic=False) or ctx.doc.lang != "ar"
                              and (ctx.is_word(before, frozenset({"will", "would"}), False)
                                   and ctx.is_word(before + 1, frozenset({"be"}), False)
                                   or ctx.is_word(before, frozenset({"be"}), False)
                                   and ctx.is_word(before - 1, frozenset({"will", "would"}), False))):
        # "Marcus Oyelaran, the CEO of Halcyon", "Anil Verhoeven, was previously director", "NAME will be CTO",
        # "Zhou will be Halyard's CEO"
        before -= 1
    if ctx.doc.lang != "ar" and any(ctx.is_word(q, frozenset({"was", "were", "had"}), False) for q in range(before + 1, f.first)):
        f.current = False  # "NAME was the chief executive of X", "NAME, who was a researcher at Google": a past title
    if ctx.doc.lang != "ar" and f.first - 1 in same and ctx.is_word(f.first - 1, frozenset({"a", "an", "the"}), False):
        # "Sarah Chen, previously a vice president at X", "NAME, who was formerly the CTO of X": a past title
        q = before
        while q in same and ctx.is_word(q, ctx.words("past_adverbs"), False):
            q -= 1
        if q < before:
            while q in same and (ctx.is_word(q, skip, proclitic=False) or ctx.is_word(q, frozenset({"who"}), False)):
                q -= 1
            if ctx.is_punct(q, ",") and q - 1 in same and items[q - 1].is_person and items[q - 1].kind == "ent":
                f.current, before = False, q
    if ctx.is_punct(before):
        before -= 1
    if ctx.is_punct(before, ")"):  # "NAME (Latin spelling)، TITLE": past the name's gloss
        opening = next((q for q in range(before - 1, max(same.start, before - 6) - 1, -1) if ctx.is_punct(q, "(")), None)
        if opening is not None and opening - 1 in same and items[opening - 1].is_person:
            before = opening - 1
    # "TITLE A، وTITLE B": a title joined by و after a comma opens the next item of a list, whose
    # name comes after it; the name before the comma belongs to the title before
    listed = None
    in_list = items[t].script == "ar" and items[f.first].prefix.startswith("و") and ctx.is_punct(f.first - 1)
    if in_list and f.org is None:
        q = f.last + 1  # "ومدير الأبحاث جاكوب باتشوكي": the field of the title, then the name
        while q in same and q - f.last <= 3 and items[q].kind == "tok" and items[q].script == "ar":
            q += 1
        if q in same and items[q].is_person and q - f.last <= 3:
            listed = q
    named_after = ctx.doc.lang != "ar" and f.last == f.end and f.last + 1 in same and items[f.last + 1].is_person \
        and items[f.last + 1].kind == "ent" and ctx.doc.text[items[f.last].end:items[f.last + 1].start] == " " \
        and f.org is None  # "A, CTO B": the name right after the title is its holder
    if listed is not None:
        f.person, f.end, f.last = listed, listed - 1, listed
    elif not in_list and before in same and before < f.first - 1 and ctx.refers_to_person(before) \
            and items[before].kind == "ent" and not named_after:
        f.person, f.first = before, before
    else:
        after = f.last + 1
        if ctx.is_punct(after, ",،\"“”«»—–:"):  # "co-founders—A, B and C", "its founders: A and B"
            after += 1
            if ctx.is_punct(after - 1, "\"“”«»") and ctx.is_punct(after, ",،"):
                after += 1  # "كبير مسؤولي التكنولوجيا في “ميتا”، أندرو بوسورث": the quoted name's mark, then the comma
        adjectives = after  # "لشركة «إنفابريكا» الناشئة روشان سانكار": the organization's adjectives first
        while f.org is not None and adjectives in same and adjectives - after < 2 and items[adjectives].kind == "tok" \
                and items[adjectives].script == "ar" and items[adjectives].norm.startswith("ال"):
            adjectives += 1
        if f.org is not None and ctx.is_word(adjectives, frozenset({"في"}), False) \
                and ctx.is_word(adjectives + 1, frozenset({"مجال"}), False):
            # "الناشئة في مجال العتاد الخاص بالذكاء الاصطناعي NAME": the company's field, then the name
            adjectives = next((q for q in range(adjectives + 2, min(adjectives + 8, same.stop)) if items[q].kind != "tok"
                               or items[q].script != "ar"), adjectives)
        if f.org is None and items[t].script == "ar" and after in same and items[after].kind == "tok" \
                and items[after].script == "ar" and items[after].norm.startswith("ال") and after + 1 in same \
                and items[after + 1].is_person and items[after + 1].kind == "ent":
            adjectives = after + 1  # "الرئيس التنفيذي المؤقت دانيال برانت": an adjective of the title
            f.end = after  # ("مدير الأبحاث NAME": a field, part of the title)
        if adjectives > after and adjectives in same and items[adjectives].is_person and items[adjectives].kind == "ent":
            after = adjectives
        if items[t].script == "ar" and after > f.last + 1 and after in same \
                and items[after].prefix + items[after].norm in ctx.words("honorifics") \
                and after + 1 in same and items[after + 1].is_person and items[after + 1].kind == "ent":
            after += 1  # "الرئيس التنفيذي لشركة X، المهندس NAME": an honorific before the name
        if ctx.doc.lang != "ar" and (role.get("plural") or items[t].norm in ctx.doc.lex.words("founder_plural_forms")) \
                and after > f.last + 1 and ctx.titled_name(after):
            after += 1  # "X's three co-founders, CEO A, CTO B and CPO C": each name after its own title
        listed_next = items[t].script == "ar" and after > f.last + 1 and after in same \
            and (items[after].prefix.startswith("و") or ctx.doc.text[items[after].start] == "و")
        if after in same and items[after].is_person and not listed_next:  # (not "A، TITLE، وB": the next of a list)
            f.person, f.last = after, after
        elif items[t].script == "ar" and role.get("tail") and f.org is None and f.anaphor_org is None:
            q = after  # "مدير الأبحاث هشام بركات": the title's field, then the name
            while q in same and q - after < 2 and items[q].kind == "tok" and items[q].script == "ar" \
                    and not ctx.words_at(q, links):
                q += 1
            if q > after and q in same and items[q].is_person:
                f.person, f.end, f.last = q, q - 1, q
    if f.person is None and items[t].script == "ar" and (f.org is not None or f.anaphor_org is not None) \
            and before == f.first - 1 and before in same and items[before].is_person and items[before].kind == "ent" \
            and not items[f.first].prefix.startswith("و") and not ctx.is_word(before - 1, ctx.words("meeting_words")) \
            and ctx.sentence_of(t) > 0:
        # "قال سام ألتمان مؤسس شركة أوبن إيه آي": an Arabic apposition needs no comma when no name
        # follows the title ("التقى NAME الرئيس التنفيذي لشركة X" is a meeting, not a title; a
        # headline's bare words are too terse to tell "إقالة NAME كبير علماء X يغادر" from one)
        f.person, f.first = before, before
    if f.person is None and ctx.doc.lang != "ar" and f.first - 1 > before + 1 and ctx.is_punct(before + 1):
        # "Elena Sokolova, who previously worked at Nvidia, is now chief scientist at Cohere": the
        # subject that opens the sentence, past its appositive
        f.person = appositive_subject(ctx, before + 1)
    if f.person is None and ctx.doc.lang != "ar":
        _worked_as(ctx, f, same)
    if f.person is None and items[t].script == "ar" and not _definite(ctx, t):
        _arabic_worked_as(ctx, f, same)
    if f.person is None:
        f.pronoun = _pronoun_subject(ctx, f, same)
        # "وتشغل بنعلي منصب الرئيسة التنفيذية": the person sits between the verb and منصب
        for q in range(f.first - 1, max(same.start, f.first - 4) - 1, -1):
            n = ctx.words_at(q, ctx.phrases("position_of"), proclitic=True)
            if not n or q + n > f.first:
                continue
            h = q - 1
            if f.org is None and items[t].script == "ar":
                # "الذي سيتولى في «أنغامي» منصب رئيس وحدة ...": the organization between the verb and منصب
                r = h
                while r in same and ctx.is_punct(r, '"“”«»'):
                    r -= 1
                if r in same and items[r].is_org and items[r].etype != "MediaOutlet":
                    o, r = r, r - 1
                    while r in same and ctx.is_punct(r, '"“”«»'):
                        r -= 1
                    if ctx.is_word(r, frozenset({"في", "لدي", "داخل"}), False):
                        f.org, h = o, r - 1
            p, past = _holder_before(ctx, h, same)
            if p is None:
                p = _implicit_holder(ctx, q, same)  # "ويشغل حاليًا منصب ..."، "، وهي تشغل منصب ..."
                if p is not None and p in same and f.generic:
                    # "تأسست X على يد NAME، التي عملت في Y، وهي تشغل منصب ... للشركة": the company
                    # the sentence opens with, not the last one named
                    first = next((r for r in same if ctx.items[r].is_org and ctx.items[r].etype == "Company"), None)
                    f.anaphor_org = ctx.items[first].key if first is not None else f.anaphor_org
            if p is not None:
                f.person = p
                f.current = f.current and not past
            else:
                f.held = True  # "وشغل NAME منصب": someone the sentence names, not a new person
            break
    return f


def _succession(ctx: Context, f: Frame) -> None:
    """"A will replace B as chief executive of X", "A, who succeeds B as X's CEO", "سيحل A محل B كمدير
    تنفيذي لـX", "يخلف A B في منصب ...": the title after "as" (ك, "في منصب") is A's, and B held it before
    (the title was read as B's, the name just before it)."""
    same = ctx.sentence_range(f.t)
    if ctx.items[f.t].script == "ar":
        if ctx.items[f.start].prefix.endswith("ك"):
            b = f.start - 1
        elif ctx.is_word(f.start - 1, frozenset({"منصب"}), False) and ctx.is_word(f.start - 2, frozenset({"في"}), False):
            b = f.start - 3
        else:
            return
    elif ctx.is_word(f.start - 1, frozenset({"as"}), False):
        b = f.start - 2
    else:
        return
    if b not in same or not (ctx.items[b].is_person and ctx.items[b].kind == "ent"):
        return
    verbs = ctx.phrases("succession_verbs")
    if ctx.items[f.t].script == "ar":
        # the verb first: "سيحل A (وصفه) محل B", "يخلف A B"
        instead = ctx.is_word(b - 1, frozenset({"محل", "مكان"}), False)
        v = next((q for q in range(b - 1, max(same.start, b - 12) - 1, -1) if ctx.words_at(q, verbs, proclitic=True)), None)
        a = next((q for q in range(v + 1, b) if ctx.items[q].is_person and ctx.items[q].kind == "ent"), None) \
            if v is not None else None
        if a is None or not instead and a != b - 1:
            return
    else:
        v = next((q for q in range(max(same.start, b - 3), b) if q + ctx.words_at(q, verbs) == b), None)
        if v is None:
            return
        a = next((q for q in range(v - 1, max(same.start, v - 6) - 1, -1) if ctx.refers_to_person(q)
                  and ctx.items[q].kind == "ent"), None)
        if a is None:
            return
    f.person, f.replaced = a, b
    f.first = min(f.first, a)


def _worked_as(ctx: Context, f: Frame, same: range) -> None:
    """"NAME headed the team, having previously worked as VP of engineering at Arm", "NAME, who served as
    CFO of X": a title after "worked as" / "served as" is the title of the person the clause hangs on
    (the nearest one before), held before unless "has served as"; after "years as", "his tenure as"
    ("NAME will step down after four years as CEO of GitHub") it is theirs as the sentence says."""
    q = f.first - 1
    while q in same and ctx.is_word(q, ctx.words("determiners"), False):
        q -= 1
    spell = ctx.is_word(q - 1, ctx.words("as_title_nouns"), False)  # "after nearly four years as CEO of GitHub"
    led = q - 1 in same and ctx.items[q - 1].is_org and ctx.items[q - 1].etype != "MediaOutlet" \
        and ctx.is_word(q - 2, frozenset({"led", "ran", "headed", "co-led"}), False) and f.org is None
    if ctx.is_word(q, frozenset({"as"}), False) and led:
        # "Friedman led GitHub as CEO": the organization led, and the subject before the verb (a post held before)
        person = next((p for p in range(q - 3, max(same.start, q - 8) - 1, -1) if ctx.refers_to_person(p)
                       and ctx.items[p].kind == "ent"), None)
        if person is not None:
            f.person, f.org, f.first, f.current = person, q - 1, min(person, f.first), False
        return
    if not (ctx.is_word(q, frozenset({"as"}), False) and (ctx.is_word(q - 1, ctx.words("worked_as_verbs"), False) or spell)):
        return
    r, words = q - 2, set()
    while r in same and ctx.is_word(r, ctx.words("worked_as_adverbs"), False):
        words.add(ctx.items[r].norm)
        r -= 1
    person = next((p for p in range(r, same.start - 1, -1) if ctx.refers_to_person(p) and ctx.items[p].kind == "ent"), None)
    if person is None and r in same and not spell:  # "He most recently served as ...": the one the sentence before names
        person = ctx.sentence_subject(r + 1, pronoun=True)
    if person is None:
        return
    f.person = person
    if not spell:
        f.current = f.current and bool(words & {"has", "have"}) and not words & {"previously", "formerly", "once"}


def _arabic_worked_as(ctx: Context, f: Frame, same: range) -> None:
    """"وكان NAME قد أمضى أكثر من عشر سنوات مهندساً في AMD", "عمل NAME سابقاً باحثاً في شركة شل", "NAME،
    الذي يعمل مهندسا في X": an indefinite title a few words after a verb of working is the title of
    that verb's subject (the name right after the verb, else the nearest before it); held before
    unless the verb is present and no past copula comes before it."""
    verbs = ctx.words("past_work_verbs")
    now = ctx.words("present_work_verbs")
    v = next((q for q in range(f.first - 1, max(same.start, f.first - 8) - 1, -1)
              if ctx.is_word(q, verbs | now, proclitic=True)), None)
    if v is None or any(ctx.is_punct(q) or ctx.items[q].kind in ("ent", "title") and not ctx.refers_to_person(q)
                        for q in range(v + 1, f.first)):
        return
    after = next((q for q in range(v + 1, f.first) if ctx.refers_to_person(q) and ctx.items[q].kind == "ent"), None)
    p = after if after is not None else next((q for q in range(v - 1, max(same.start, v - 6) - 1, -1)
                                              if ctx.refers_to_person(q) and ctx.items[q].kind == "ent"), None)
    if p is None:
        return
    present = ctx.is_word(v, now, proclitic=True) and not any(
        ctx.is_word(q, frozenset({"كان", "كانت", "كانا", "كانوا"}), proclitic=True) for q in range(max(same.start, p - 2), v))
    f.person, f.first = p, min(p, f.first)
    f.current = f.current and present


def _role_change(ctx: Context, f: Frame, org_known: bool = False) -> None:
    """"Srinivas Narayanan becomes CTO of B2B Applications", "Raji will step in as Chief Technology
    Officer of Applications", "Fidji Simo, recently named CEO of Applications", "Kevin Weil
    transitions to Vice President of AI for Science": a new title with no organization is at the
    company the sentence names, else the one the article is about; its holder is the person just
    before the verb."""
    same = ctx.sentence_range(f.t)
    phrases = ctx.phrases("role_change")
    arabic = ctx.items[f.t].script == "ar"
    joined = None if arabic else _joined_as(ctx, f)
    if joined is not None:
        cue = joined - 1  # "NAME has joined Apple as a director": the verb before the organization
    elif arabic and ctx.items[f.t].prefix.endswith("ك"):
        cue = f.t  # "إلى موقعه كرئيس تنفيذي", "NAME كنائب للرئيس": "as" glued to the title
    else:
        cue = next((q for q in range(f.first - 1, max(same.start, f.first - 5) - 1, -1)
                    if ctx.words_at(q, phrases, proclitic=arabic)
                    and (arabic or q + ctx.words_at(q, phrases) >= f.first - 1)), None)
    if cue is None:
        # "NAME stepped down as OpenAI's CTO", "تنحت NAME عن منصب ...": a title left, now a former one
        leaving = ctx.phrases("role_leave")
        cue = next((q for q in range(f.first - 1, max(same.start, f.first - (9 if arabic else 5)) - 1, -1)
                    if ctx.words_at(q, leaving, proclitic=arabic)
                    and (arabic or q + ctx.words_at(q, leaving) >= f.first - 1)), None)
        if cue is not None:
            f.current = False
    if cue is None:
        return
    if f.person is None:
        # the subject before the verb, or in Arabic after it ("أصبح NAME رئيسًا تنفيذيًا")
        after = [q for q in range(cue + 1, f.first) if arabic and ctx.refers_to_person(q) and ctx.items[q].kind == "ent"]
        # "NAME, an investor and executive who is taking over as CEO": past the appositive to the relative's name
        reach = 12 if any(ctx.is_word(q, ctx.words("relative"), False) for q in range(max(same.start, cue - 2), cue + 1)) else 6
        p = after[0] if after else next((q for q in range(cue - 1, max(same.start, cue - reach) - 1, -1)
                                         if ctx.refers_to_person(q) and ctx.items[q].kind == "ent"), None)
        if (p is None or any(ctx.items[q].is_org for q in range(min(p, cue) + 1, max(p, cue)))) and not arabic:
            # "NAME, a co-founder of X, has joined Apple as ...": the subject past its appositive
            comma = next((q for q in range(cue - 1, max(same.start, cue - 3) - 1, -1) if ctx.is_punct(q)), None)
            p = appositive_subject(ctx, comma) if comma is not None else None
        if arabic and p is not None and p < cue and cue == f.t and joined is None:
            # "انضمت NAME إلى ميتا (بدوام كامل) كرئيسة": a verb of joining, its subject, the organization
            # joined, then the title glued to ك ("as")
            joined = next((q for q in range(p + 1, cue) if ctx.items[q].is_org and ctx.items[q].etype != "MediaOutlet"
                           and ctx.is_word(q - 1, frozenset({"إلى", "الى", "الي"}), False)), None)
            if joined is not None and not any(ctx.words_at(q, ctx.phrases("join_words"), proclitic=True)
                                              for q in range(max(same.start, p - 2), p)):
                joined = None
        if joined is not None and arabic:
            f.person, f.first, f.anaphor_org = p, min(p, f.first), ctx.items[joined].key
            return
        if p is None or any(ctx.items[q].is_org for q in range(min(p, cue) + 1, max(p, cue))) and not (
                p < cue and ctx.is_punct(p + 1) and any(ctx.is_punct(q) for q in range(cue - 3, cue))):
            return
        f.person, f.first = p, min(p, f.first)
    if org_known:
        return
    if joined is not None:
        f.anaphor_org = ctx.items[joined].key
        return
    # the nearest company before the title ("Veridian, which will ... under interim CEO NAME"), else after
    # it, never one of a former title or of someone else ("..., a former Stripe executive"), else the article's
    taken = {g.org for g in ctx.frames.values() if g.org is not None and g is not f
             and (not g.current or g.person is not None and g.person != f.person)}
    orgs = [q for q in same if ctx.items[q].is_org and ctx.items[q].etype == "Company" and q not in taken]
    before = [q for q in orgs if q < f.t]
    f.anaphor_org = ctx.items[before[-1]].key if before else ctx.items[orgs[0]].key if orgs else ctx.main_company()


def _past_modifiers(ctx: Context, before: int, same: range) -> int:
    """"Alexander Wong, an AI researcher", "Dana Levi, a senior machine learning engineer": up to
    three words between an appositive's article and its title; the article, when a comma and a
    named person come right before it, else `before` unchanged."""
    items = ctx.items
    stop = ctx.words("copulas") | ctx.words("prepositions") | ctx.words("relative") | frozenset({"and", "or"})
    for q in range(before, max(same.start, before - 3) - 1, -1):
        if ctx.is_word(q, frozenset({"a", "an", "the"}), False):
            if q < before and ctx.is_punct(q - 1) and q - 2 in same and items[q - 2].is_person and items[q - 2].kind == "ent":
                return q
            return before
        if items[q].kind not in ("tok", "ent") or items[q].script == "punct" or items[q].kind == "ent" and not items[q].is_org \
                or ctx.is_word(q, stop, False):
            return before
    return before


def _joined_as(ctx: Context, f: Frame) -> int | None:
    """"joined Apple as a director", "will join Stripe as its head of AI": the organization item
    between a verb of joining and "as" right before the title, or None."""
    q = f.first - 1
    while ctx.is_word(q, frozenset({"a", "an", "the", "its", "their", "his", "her"}), False):
        q -= 1
    if not ctx.is_word(q, frozenset({"as"}), False) or not ctx.items[q - 1].is_org or q - 1 not in ctx.sentence_range(f.t):
        return None
    return q - 1 if ctx.is_word(q - 2, ctx.words("join_words") | frozenset({"rejoined", "rejoins"}), False) else None


def _where_org(ctx: Context, f: Frame) -> str | None:
    """The organization a "where" clause holding the title goes back to: "... في X، حيث شغل NAME منصب
    TITLE", "... at X, where she was head of research": X, named right before the comma."""
    same = ctx.sentence_range(f.t)
    for q in range(f.t - 1, max(same.start, f.t - 8) - 1, -1):
        if ctx.is_word(q, frozenset({"حيث", "where"}), False) and ctx.is_punct(q - 1, ",،"):
            o = q - 2
            while o in same and ctx.is_punct(o, '"“”«»'):
                o -= 1
            it = ctx.items[o] if o in same else None
            return it.key if it is not None and it.is_org and it.etype != "MediaOutlet" else None
        if ctx.is_punct(q, ".;؛") or ctx.items[q].is_org:
            return None
    return None


def appositive_subject(ctx: Context, comma: int) -> int | None:
    """The person opening the sentence ("NAME, a former OpenAI researcher, co-founded ..."), when
    item `comma` closes the appositive that follows the name."""
    same = ctx.sentence_range(comma)
    p = next((q for q in same if not (ctx.items[q].kind == "tok" and ctx.items[q].script == "punct")), None)
    if p is None or not (ctx.items[p].is_person and ctx.items[p].kind == "ent") or not ctx.is_punct(p + 1) or comma <= p + 1:
        return None
    if any(ctx.refers_to_person(q) and ctx.items[q].kind == "ent" for q in range(p + 2, comma)):
        return None
    return p


def _holder_before(ctx: Context, p: int, same: range) -> tuple[int | None, bool]:
    """The person before "منصب" ("وتشغل بنعلي منصب"، "NAME، الذي كان يشغل منصب"، "وشغل NAME سابقًا
    منصب"), over a relative pronoun, a past copula, a past verb of holding and time adverbs; and
    whether those words put the office in the past."""
    past = False
    adverbs = ctx.words("holder_adverbs")
    was = ctx.words("holder_past")
    for _ in range(5):
        if p not in same:
            break
        if ctx.refers_to_person(p) and ctx.items[p].kind == "ent":
            # "وكانت NAME تشغل منصب": the past copula before the name
            # ("شغل NAME منصب": the past verb of holding before the name)
            return p, past or ctx.is_word(p - 1, frozenset({"كان", "كانت"})) \
                or ctx.is_word(p - 1, frozenset({"شغل", "شغلت"}), proclitic=True)
        if ctx.is_word(p, was):
            past = True
        elif ctx.is_word(p, ctx.words("relative")) and ctx.is_punct(p - 1, ",،") \
                and (named := _antecedent(ctx, p - 1, same)) is not None:
            return named, past  # "NAME، المؤسس المشارك لـX ورئيسها التنفيذي، الذي سيتولى ... منصب"
        elif not (ctx.is_word(p, adverbs) or ctx.is_word(p, ctx.words("relative")) or ctx.is_punct(p)):
            break
        p -= 1
    return None, False


def _antecedent(ctx: Context, comma: int, same: range, reach: int = 14) -> int | None:
    """The person a relative clause after COMMA is about when an appositive stands between them:
    "NAME، TITLE لـX ورئيسها التنفيذي، الذي": the name right before the appositive's own comma, with no
    other person in between."""
    for q in range(comma - 1, max(same.start, comma - reach) - 1, -1):
        if ctx.refers_to_person(q) and ctx.items[q].kind == "ent":
            return q if ctx.is_punct(q + 1, ",،") and q + 1 < comma else None
    return None


def _implicit_holder(ctx: Context, q: int, same: range) -> int | None:
    """The holder of "يشغل/تشغل منصب" when the sentence names none before the verb: after a comma
    and "وهي"/"وهو", the last person the sentence names; opening the sentence ("ويشغل حاليًا منصب
    الرئيس التنفيذي للشركة"), the person the sentence before ends on."""
    verbs = ctx.words("holder_adverbs") | ctx.words("holder_past")
    v = q - 1
    while v in same and ctx.is_word(v, verbs):
        v -= 1  # back over "يشغل حاليًا"
    pronoun = ctx.words("sentence_subject_pronouns")
    if v < same.start or all(ctx.is_punct(r) for r in range(same.start, v + 1)):
        s = ctx.sentence_of(q)
        prev = ctx.sentence_items(s - 1) if s else range(0)
        return next((r for r in reversed(prev) if ctx.items[r].is_person and ctx.items[r].kind == "ent"), None)
    if ctx.is_word(v, pronoun, False) and ctx.is_punct(v - 1):
        named = [r for r in range(same.start, v - 1) if ctx.refers_to_person(r) and ctx.items[r].kind == "ent"]
        if named and len({ctx.person(r) for r in named}) == 1:
            return named[-1]
    return None


def _sole_company_before(ctx: Context, f: Frame) -> str | None:
    """A bare title before or after a name ("the CEO Mark Zuckerberg") in a sentence that names one
    company, before the title: that company."""
    same = ctx.sentence_range(f.t)
    found = {ctx.items[q].key for q in range(same.start, min(f.first, f.person)) if ctx.items[q].is_org}
    companies = {q for q in range(same.start, min(f.first, f.person))
                 if ctx.items[q].is_org and ctx.items[q].etype == "Company"}
    if len(found) == 1 and companies:
        return found.pop()
    return None


def _listed(ctx: Context, p: int) -> list[int]:
    """Person p and the people listed after it: "سكوت كانون، وتانج تان، وإيفانز هانكي", "A, B and C"."""
    out, q = [p], p + 1
    same = ctx.sentence_range(p)
    while q in same:
        while q in same and (ctx.is_punct(q) or ctx.is_word(q, frozenset({"and", "و"}), False)):
            q += 1
        if ctx.doc.lang != "ar" and q > out[-1] + 1 and ctx.titled_name(q):
            q += 1  # "A, CTO B and CPO C": a title before each name
        if q in same and ctx.items[q].is_person and (q > out[-1] + 1 or ctx.items[q].prefix.startswith("و")
                                                     or ctx.doc.text[ctx.items[q].start - 1:ctx.items[q].start] == "و"
                                                     or ctx.doc.text[ctx.items[q].start] == "و"):
            out.append(q)
            q += 1
        else:
            break
    return out


def _pronoun_subject(ctx: Context, f: Frame, same: range) -> bool:
    """"وهي تشغل حاليًا منصب الرئيسة التنفيذية", "he is now the startup's CTO": a pronoun stands for the person."""
    q, n = f.first - 1, 0
    while q in same and f.first - q <= 4:
        n = ctx.words_at(q, ctx.phrases("position_of"), proclitic=True)
        if n:
            break
        q -= 1
    pron = q - 1 if n else f.first - 1
    while pron in same and pron >= f.first - 4 and ctx.is_word(pron, ctx.words("copulas") - {"who", "as"}, proclitic=False):
        pron -= 1
    return ctx.is_word(pron, ctx.words("pronouns") | frozenset({"وهي", "وهو"}), proclitic=True)


def _tail(ctx: Context, t: int, same: range) -> int:
    """Extend "نائب رئيس" with "قسم الذكاء الاصطناعي", "VP" with "of AI", stopping at the org."""
    items = ctx.items
    end = t
    tails = ctx.words("title_tail")
    links = ctx.phrases("org_links")
    if items[t + 1].kind == "tok" and items[t + 1].norm.startswith("لل") if t + 1 < len(items) else False:
        # "نائب الرئيس للابتكار"; "نائب الرئيس للذكاء الاصطناعي في مايكروسوفت": the field's
        # adjectives too, when a link to an organization follows them
        k = t + 2
        while k in same and k - t <= 3 and items[k].kind == "tok" and items[k].script == "ar" \
                and items[k].norm.startswith("ال") and not ctx.words_at(k, links):
            k += 1
        n = ctx.words_at(k, links) if k > t + 2 else 0
        m = k + n
        while n and m in same and m - (k + n) < 2 and ctx.is_punct(m, '"“”«»'):
            m += 1
        return k - 1 if n and m in same and items[m].is_org else t + 1
    if not ctx.is_word(t + 1, tails, proclitic=False):
        if items[t].script == "ar":  # "نائب رئيس هندسة النماذج الأساسية في أبل": the field, then the link
            k = t + 1
            while k in same and k - t <= 4 and items[k].kind == "tok" and items[k].script == "ar" \
                    and not ctx.words_at(k, links):
                k += 1
            n = ctx.words_at(k, links) if k > t + 1 else 0
            while n and k + n + 1 in same and ctx.is_punct(k + n, '"“”«»**'):
                n += 1  # "في **xAI**", "في "مايكروسوفت""
            if n and k + n in same and items[k + n].is_org or k > t + 1 and _arabic_anaphor(ctx, k, same) is not None:
                return k - 1  # "رئيس فريق التوسعة في الشركة"
        return end
    k = t + 2
    if items[t + 1].norm in ("of", "for") and k in same and items[k].is_org:
        return end  # "CEO of OpenAI": "of" links the org
    while k in same and k - t <= 4:
        it = items[k]
        if it.kind != "tok" or it.script not in ("ar", "latin") or ctx.words_at(k, links) and not it.norm.startswith("لل"):
            break
        if it.script == "latin" and ctx.doc.lang == "ar":
            break
        k += 1
    return k - 1 if k - 1 > t + 1 else end


def _arabic_field(ctx: Context, t: int, same: range) -> int:
    """The field after an Arabic title that takes none in the lexicon ("كبير علماء الذكاء
    الاصطناعي في شركة ميتا"): up to four Arabic words, kept only when a link word and an
    organization follow them."""
    items = ctx.items
    links = ctx.phrases("org_links")
    k = t + 1
    former = ctx.words("former")
    occupation = items[t].title["kind"] == "occupation"
    # (a field ends where time or a clause begins: "رئيسةً للعمليات بعد سبع سنوات في مبادلة" is not COO of Mubadala)
    stops = ctx.words("field_stops")
    while k in same and k - t <= 4 and items[k].kind == "tok" and items[k].script == "ar" and not ctx.words_at(k, links) \
            and not ctx.is_word(k, former) and not ctx.is_word(k, stops, proclitic=False) \
            and not (occupation and not _field_word(items[k].norm)):
        k += 1
    n = ctx.words_at(k, links) if k > t + 1 else 0
    if n:
        m = k + n
        while m in same and m - (k + n) < 2 and (ctx.is_punct(m, '"“”«»**') or items[m].kind == "tok" and m == k + n
                                                    and ctx.is_word(m, frozenset({"شركه"}), proclitic=True)):
            m += 1
        if m in same and items[m].is_org:
            return k - 1
    return t


def _field_word(word: str) -> bool:
    """A word that can describe an occupation's field: definite, after ب/ل, or an adjective in ي
    ("رئيسي بقطاع الذكاء الاصطناعي"), not a verb ("مهندس مخضرم عمل لدى غوغل")."""
    return word.startswith(("ال", "بال", "لل", "ب", "ل")) or word.endswith(("ي", "يه"))


def _definite(ctx: Context, t: int) -> bool:
    it = ctx.items[t]
    if it.script == "ar":
        return it.prefix.endswith("ال") or it.norm.startswith("ال")
    return ctx.is_word(t - 1, frozenset({"the"}), False)


def _arabic_anaphor(ctx: Context, k: int, same: range) -> int | None:
    """The last item of "الشركة" standing for a company after an Arabic title: "رئيس الشركة",
    "للشركة", "بالشركة", "في الشركة", "لدى الشركة الناشئة"; None if there is none at item k."""
    if ctx.is_word(k, frozenset({"في", "لدى"}), proclitic=False):
        k += 1
    if k not in same or ctx.items[k].kind != "tok" or ctx.items[k].script != "ar":
        return None
    w = ctx.items[k].norm
    if w.startswith("لل"):
        w = "ال" + w[2:]
    elif w[:1] in ("ب", "ل", "ك") and w[1:].startswith("ال"):
        w = w[1:]
    best = None
    for phrase in ctx.doc.lex.phrases("company_anaphora_ar"):
        if phrase[0] == w and all(k + m in same and ctx.items[k + m].kind == "tok" and ctx.items[k + m].norm == phrase[m]
                                  for m in range(1, len(phrase))):
            best = max(best or 0, k + len(phrase) - 1)
    return best


def _possessive_suffix(ctx: Context, t: int, end: int, same: range) -> bool:
    """An Arabic title that says "its": "رئيسها التنفيذي", or "رئيس فريقها" (its team's head)."""
    words = ctx.items[t].words
    if words and words[0].endswith("ها") and len(words[0]) >= 5:
        return True
    nxt = end + 1
    return nxt in same and ctx.items[nxt].kind == "tok" and ctx.items[nxt].script == "ar" \
        and ctx.items[nxt].norm.endswith("ها") and len(ctx.items[nxt].norm) >= 5 \
        and not ctx.items[nxt].norm.startswith(("ال", "و", "ف", "س", "ي", "ت"))


def _salient_company(ctx: Context, t: int) -> str | None:
    """The company "الشركة" after a title stands for: the nearest one named before it in the
    sentence, else the first one the sentence before names (its subject, most often), else the
    company the article is about."""
    same = ctx.sentence_range(t)
    for q in range(t - 1, same.start - 1, -1):
        if ctx.items[q].is_org and ctx.items[q].etype == "Company":
            return ctx.items[q].key
    prev = ctx.sentence_items(ctx.sentence_of(t) - 1) if ctx.sentence_of(t) else range(0)
    preps = ctx.words("prepositions")
    cue = frozenset(norm(w) for w in ctx.doc.lex.patterns["type_cues"]["Company"]["before_ar"])
    for q in prev:
        it = ctx.items[q]
        if it.kind == "tok" and it.norm in ("الشركه", "the") and not ctx.is_word(q - 1, preps, False) \
                and (it.norm != "the" or ctx.is_word(q + 1, ctx.words("company_nouns"), False)):
            break  # that sentence too speaks of "the company"
        if it.is_org and it.etype == "Company":
            p = q - 1 - ctx.is_word(q - 1, cue)
            if not (ctx.is_word(p, preps, False) or it.prefix or ctx.doc.text[it.start - 1:it.start] in ("ل", "ب")):
                return it.key  # the subject of the sentence before, not an employer it mentions
    return ctx.main_company()


def _last_company(ctx: Context, t: int, startup: bool = False) -> str | None:
    from kg.extractors.deals import last_company

    return last_company(ctx, t, startup)


def _org_pair(ctx: Context, f: Frame) -> list[tuple[int | None, str]]:
    """The organization of a title, and a second one joined to it by and/و when the title names it
    after the title ("CEO of Tesla and SpaceX", "لشركتي تسلا وسبيس إكس", "في شركتي ميتا وجوجل")."""
    org = ctx.items[f.org].key if f.org is not None else f.anaphor_org
    out = [(f.org, org)]
    if f.org is None or f.org < f.t:
        return out
    q = f.org + 1
    if ctx.is_word(q, frozenset({"and"}), False):
        q += 1
    it = ctx.items[q] if q < len(ctx.items) and q in ctx.sentence_range(f.org) else None
    if it is not None and it.is_org and it.key != org and (q > f.org + 1 or it.prefix.startswith("و")
                                                          or ctx.doc.text[it.start - 1:it.start] == "و"):
        out.append((q, it.key))
    return out


def _verbs_of_others(ctx: Context) -> frozenset[str]:
    """Verbs by which an organization acts on a person or company named after them."""
    return ctx.words("hire_words") | ctx.words("acquire_words") | ctx.words("invest_words") | ctx.words("join_words") \
        | ctx.words("speech_verbs") | ctx.words("move_verbs")


def _founded_subject(ctx: Context, f: Frame) -> str | None:
    """A founder title naming no company: "Co-founders A and B previously led research at Google"
    opening a sentence is about the company the article is about; "X grew out of a project by
    co-founder A" about the company the sentence opens with (none after a verb of hiring or buying)."""
    same = ctx.sentence_range(f.t)
    text, start = ctx.doc.text, ctx.items[f.first].start
    word = text[max(0, start - 40):start].rstrip(" ").split(" ")[-1].split("\n")[-1]  # the word just before
    if ctx.words_at(f.end + 1, ctx.phrases("org_links")) or "@" in word or any("A" <= c <= "Z" for c in word):
        return None  # "co-founder of Work3 Institute", "@acme_ai founders": a company named there, unread
    lead = [q for q in range(same.start, f.first) if not ctx.is_punct(q, "-–•*\"“")]
    if not any(ctx.items[q].kind in ("ent", "title") for q in lead):
        # ("وبعد يوم، أعلن الشريك المؤسس الآخر NAME": no one else named before): the one company the
        # article already names founders of ("including co-founder B" after "X founders A and B"), else its company
        founded = {r.object for r in ctx.out.relations if r.predicate == "founded"}
        return next(iter(founded)) if len(founded) == 1 else ctx.main_company() if not founded else None
    first = ctx.items[lead[0]]
    if first.is_org and first.etype == "Company" and not any(
            ctx.items[q].is_org or ctx.refers_to_person(q) or ctx.is_word(q, _verbs_of_others(ctx)) for q in lead[1:]):
        return first.key
    return None


def _org_before(ctx: Context, t: int) -> str | None:
    """"Inflection's 70-person staff, including ... co-founder Karén Simonyan": an organization named
    as a possessor earlier in the sentence."""
    for k in range(t - 1, ctx.sentence_range(t).start - 1, -1):
        if ctx.items[k].is_org and ctx.is_punct(k + 1, "'’"):
            return ctx.items[k].key
    return None


def description(ctx: Context, i: int) -> Span:
    return ctx.described[i][0]
