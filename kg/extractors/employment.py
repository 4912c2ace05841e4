"""Who works where and who hired whom: "الذي يعمل الآن في شركة OpenAI", "راو من شركة
Databricks", "Microsoft hired Inflection CEO Mustafa Suleyman", "قيام Google بإعادة توظيف نعوم شازير".
"""
from __future__ import annotations

from dataclasses import replace

from kg.extractors import extractor
from kg.extractors.context import Context
from kg.model import Span
from kg.text import norm

JOIN_RULES = ("sanad.employment.now.v1", "sanad.employment.moved.v1")  # hires read from joining or moving


@extractor("sanad.employment.now.v1", produces=("worksFor", "hired"))
def works_now(ctx: Context) -> None:
    phrases = ctx.phrases("works_now")
    relative = ctx.words("relative")
    static = ctx.lengths(ctx.phrases("works_now_static"), proclitic=True)

    def joins(person: str, org: str, span, confidence: str, moved: bool) -> None:
        """PERSON works for ORG; when the words say they moved there ("joined", "left for", "انضم إلى"),
        ORG hired them ("works at" says nothing of a hire)."""
        ctx.relate(person, "worksFor", org, span, confidence)
        if moved:
            ctx.relate(org, "hired", person, span, confidence)

    for k, n, same in ctx.matches(phrases):
        moved = static[k] != n
        if any(ctx.negates(q) for q in range(max(same.start, k - 3), k)):
            continue  # "Contrary to reports, NAME will not join xAI", "لن أنضم إلى أوبن إيه آي", "has not left for"
        o = k + n
        while o < same.stop and o - (k + n) < 6 and not ctx.items[o].is_org and ctx.items[o].kind == "tok" \
                and ctx.items[o].script != "punct" and not ctx.is_word(o, frozenset({"بعد", "قبل", "after", "before"}), False):
            o += 1  # "joined a new Microsoft division called ...": the first organization after the verb
            # (not past "بعد": "انضم إلى الشركة بعد سبع سنوات قضاها في إنفيديا" did not join Nvidia)
        if o not in same or not ctx.items[o].is_org:
            continue
        if any(ctx.is_word(q, frozenset({"from", "من"}), False) for q in range(k + n, o)):
            continue  # "Imbert joins from Arm": the company left (sanad.employment.former.v1)
        if ctx.is_punct(o + 1, "'’") and ctx.is_word(o + 2 + ctx.is_word(o + 2, frozenset({"s"}), False),
                                                     frozenset({"board"}), False):
            continue  # "will join Ledgerline's board": a seat (sanad.position.board.v1), not a job
        if any(ctx.words_at(q, ctx.phrases("board"), proclitic=True) for q in range(k + n, o)):
            continue  # "will join the board of Cohere", "انضم إلى مجلس إدارة X": a seat, not a job
        if ctx.is_word(k + n + (ctx.items[k + n].norm == "the"), frozenset({"likes"}), False):
            continue  # "NAME joins the likes of Intel engineer X": people like them, not a company
        p = k - 1
        if ctx.is_word(p, relative, proclitic=False):
            p -= 1
            if ctx.is_punct(p):
                p -= 1
            p = ctx.described_owner(p)
            person = ctx.person(p) if p in same else None
            if person:
                joins(person, ctx.items[o].key, ctx.span(min(p, k), o), "0.8", moved)
            continue
        last = next((q for q in range(k - 1, same.start - 1, -1) if ctx.refers_to_person(q)), None)
        listed = _bulleted_people(ctx, o)
        if last is None and listed:
            for p in listed:  # "انضم إلى فريق OpenAI كل من:" then one "- NAME، ..." line each
                ctx.relate(ctx.person(p), "worksFor", ctx.items[o].key, ctx.span(p, p), "0.7")
                ctx.relate(ctx.items[o].key, "hired", ctx.person(p), ctx.span(p, p), "0.7")
            continue
        if last is None and k - 1 == same.start and ctx.is_word(k - 1, frozenset({"before", "after", "since", "upon"}), False):
            # "Before joining Microsoft, Kevin Scott worked at ...": the person right after the clause
            comma = next((q for q in range(o + 1, min(o + 8, same.stop)) if ctx.is_punct(q, ",")), None)
            if comma is not None and comma + 1 in same and ctx.refers_to_person(comma + 1) \
                    and ctx.items[comma + 1].kind == "ent":
                joins(ctx.person(comma + 1), ctx.items[o].key, ctx.span(k - 1, comma + 1), "0.75", moved)
            continue
        if last is None:
            subject = ctx.sentence_subject(k)  # "He will join Google", "وانضم إلى OpenAI"
            if subject is not None:
                joins(ctx.person(subject), ctx.items[o].key, ctx.span(same.start, o), "0.7", moved)
            continue
        frame = ctx.frames.get(last) if ctx.items[last].kind == "title" else None
        if frame is not None and frame.person is not None and frame.person < last and ctx.is_punct(frame.person + 1) \
                and ctx.is_punct(k - 1):
            last = frame.person  # "A and B, co-founders of X, joined Apple": the people the appositive describes
        group = subjects(ctx, last)
        for member in group:
            joins(ctx.person(member), ctx.items[o].key, ctx.span(min(member, k), o), "0.8", moved)
            if ctx.doc.lang != "ar" and min(group) < k:
                # "X's co-founders, CEO A and CTO B, have joined Y": the titles given before the verb are past
                _left_jobs(ctx, ctx.person(member), ctx.items[o].key, ctx.items[same.start].start, ctx.items[k].start,
                           companies=True)


def _left_jobs(ctx: Context, person: str, org: str, start: int, end: int, companies: bool = False) -> None:
    """PERSON, who moved to ORG: the current titles and jobs elsewhere that the text from START to END
    gives them are former ones (with COMPANIES, only those at companies: a researcher who joins a company
    from a university keeps the university post)."""
    kept = {k for k, data in ctx.doc.labels.items() if data["etype"] != "Company"} if companies else set()
    for pos in [p for p in ctx.out.positions if p.person == person and p.org != org and p.current
                and start <= p.evidence.start < end and p.org not in kept]:
        ctx.out.positions.discard(pos)
        ctx.out.positions.add(replace(pos, current=False, rule=ctx.rule))
    for rel in [r for r in ctx.out.relations if r.predicate == "worksFor" and r.subject == person and r.object != org
                and start <= r.evidence.start < end and r.object not in kept]:
        ctx.out.relations.discard(rel)
        ctx.out.relations.add(replace(rel, predicate="formerlyWorkedFor", rule=ctx.rule))


def _bulleted_people(ctx: Context, o: int) -> list[int]:
    """The people opening the bulleted lines that follow a sentence ending in a colon after item o
    ("انضم إلى فريق X كل من:", "joining X are:"), one person per line."""
    s = ctx.sentence_of(o)
    start, end = ctx.doc.sentences[s]
    text = ctx.doc.text
    if not text[ctx.items[o].end:end].rstrip().endswith(":"):
        return []
    out = []
    while True:
        s += 1
        if s >= len(ctx.doc.sentences):
            break
        a, _ = ctx.doc.sentences[s]
        line = text[a:a + 3]
        if line[:1] not in "-•*–":
            break
        first = next(iter(ctx.sentence_items(s)), None)
        q = next((q for q in ctx.sentence_items(s) if ctx.items[q].kind != "tok" or ctx.items[q].script != "punct"), None)
        if first is None or q is None or not ctx.items[q].is_person:
            break
        out.append(q)
    return out


@extractor("sanad.employment.moved.v1", produces=("worksFor", "hired", "formerlyWorkedFor", "isCurrent"))
def moved(ctx: Context) -> None:
    """"انتقل سامر الخطيب، نائب رئيس ... في أبل، إلى شركة OpenAI": a verb of moving, its person right
    after it, and "إلى ORG" later in the sentence; the titles given on the way are now former ones."""
    verbs = ctx.words("move_verbs")
    to = ctx.words("move_to")
    for k in ctx.where(verbs):
        if k + 1 >= len(ctx.items):
            break
        listing = ctx.is_word(k + 1, frozenset({"كل", "كلا"}), False) and ctx.is_word(k + 2, frozenset({"من"}), False)
        if listing and k + 3 < len(ctx.items) and ctx.items[k + 3].is_person:
            _moved_list(ctx, k, to)  # "انضم كل من A وB وC، الذين ...، إلى ميتا"
            continue
        if not (ctx.items[k + 1].is_person or ctx.items[k + 1].kind == "title" and ctx.person_refs.get(k + 1)):
            continue  # "انتقل NAME"، "انضم المهندس السابق في جوجل NAME إلى ..." (the title names them)
        same = ctx.sentence_range(k)
        if any(ctx.negates(q) for q in range(max(same.start, k - 3), k)):
            continue  # "لن ينضم NAME إلى X": no move
        q = next((q for q in range(k + 2, min(k + 25, same.stop)) if ctx.is_word(q, to, proclitic=False)), None)
        if q is None:
            continue
        o = q + 1
        while o in same and o <= q + 2 and (ctx.is_punct(o, '"“”«»') or ctx.is_word(o, frozenset({"شركة", "شركه"}), False)):
            o += 1
        anaphor = o in same and ctx.is_word(o, frozenset({"الشركه", "المجموعه"}), False)
        if o in same and not ctx.items[o].is_org and not anaphor:
            o = _post_at(ctx, o, same)  # "إلى رئاسة قسم التصميم في “ميتا”": a post, then where it is
        if anaphor:  # "انضم NAME إلى الشركة بعد سنوات قضاها في إنفيديا": the company meant, not the one after
            from kg.extractors.deals import last_company

            key = last_company(ctx, k)
            if key is not None:
                ctx.relate(ctx.person(k + 1), "worksFor", key, ctx.span(k, o), "0.7")
                ctx.relate(key, "hired", ctx.person(k + 1), ctx.span(k, o), "0.7")
            continue
        if o is None or o not in same or not ctx.items[o].is_org:
            continue
        person, org = ctx.person(k + 1), ctx.items[o].key
        ctx.relate(person, "worksFor", org, ctx.span(k, o), "0.8")
        ctx.relate(org, "hired", person, ctx.span(k, o), "0.8")  # (a move there is a hire by it)
        r = o + 1 + ctx.is_punct(o + 1, '"“”«»')
        if r + 1 in same and ctx.items[r + 1].is_org and ctx.items[r + 1].etype != "MediaOutlet" \
                and ctx.is_word(r, frozenset({"من"}), False) and ctx.items[r + 1].key != org:
            # "ويأتي NAME إلى «هيوماين» من أرامكو الرقمية": where the person comes from, after where they go
            ctx.relate(person, "formerlyWorkedFor", ctx.items[r + 1].key, ctx.span(k, r + 1), "0.75")
        left = False
        for r in range(k + 2, q):  # "انتقل NAME من جوجل إلى X": the company left
            if ctx.items[r].is_org and ctx.items[r].key != org and ctx.items[r].etype != "MediaOutlet" and (
                    ctx.is_word(r - 1, frozenset({"من"}), False) or ctx.items[r].prefix == "من"):
                ctx.relate(person, "formerlyWorkedFor", ctx.items[r].key, ctx.span(k, r), "0.75")
                left = True
        main = ctx.main_company()
        if not left and ctx.is_word(k, ctx.words("departure")) and main not in (None, org) \
                and not any(ctx.items[r].is_org for r in range(k + 2, q)):
            # "سيغادر المدير التنفيذي، NAME، إلى شركة ميتا": leaves the company the article is about
            ctx.relate(person, "formerlyWorkedFor", main, ctx.span(k, o), "0.6")
        _left_jobs(ctx, person, org, ctx.items[k].start, ctx.items[o].end)


def _post_at(ctx: Context, o: int, same: range) -> int | None:
    """The organization after a post that a move goes to: up to five Arabic words (or a title), then
    "في" or "لدى" and the organization ("إلى رئاسة قسم التصميم في ميتا"); None when there is none."""
    at = frozenset({"في", "لدى", "لدي"})
    for r in range(o, min(o + 6, same.stop)):
        it = ctx.items[r]
        if ctx.is_word(r, at, False) or it.kind == "tok" and it.prefix == "في":
            nxt = r + 1 + ctx.is_punct(r + 1, '"“”«»') if ctx.is_word(r, at, False) else r
            return nxt if nxt in same and ctx.items[nxt].is_org and ctx.items[nxt].etype != "MediaOutlet" else None
        if it.is_org and it.prefix in ("في", "لدى"):
            return r if it.etype != "MediaOutlet" else None
        if not (it.kind == "title" or it.kind == "tok" and it.script == "ar"):
            return None
    return None


def _moved_list(ctx: Context, k: int, to: frozenset[str]) -> None:
    """"انضم كل من A وB وC، الذين عملوا في ...، إلى ميتا": everyone listed after "كل من" (up to a
    relative clause) works at the organization after "إلى"."""
    same = ctx.sentence_range(k)
    q = next((q for q in range(k + 4, min(k + 40, same.stop)) if ctx.is_word(q, to, proclitic=False)), None)
    o = q + 1 + (q is not None and ctx.is_word(q + 1, frozenset({"شركه"}), False)) if q is not None else None
    if o is None or o not in same or not ctx.items[o].is_org or ctx.items[o].etype == "MediaOutlet":
        return
    people = []
    for r in range(k + 3, q):
        if ctx.is_word(r, ctx.words("relative"), False):
            break
        if ctx.items[r].is_person and ctx.items[r].kind == "ent":
            people.append(r)
    for p in people:
        ctx.relate(ctx.person(p), "worksFor", ctx.items[o].key, ctx.span(k, o), "0.75")
        ctx.relate(ctx.items[o].key, "hired", ctx.person(p), ctx.span(k, o), "0.75")


@extractor("sanad.employment.former.v1", produces=("formerlyWorkedFor",))
def former_jobs(ctx: Context) -> None:
    """"Wen-Li Chou, who previously designed accelerators at AMD", "Kenji Arai left Tesla",
    "after eight years at Boston Dynamics", "التي عملت سابقًا في مايكروسوفت", "قادمة من مايكروسوفت":
    the person's earlier employer, when it is the first organization after the cue."""
    cues = ctx.phrases("previous_job")
    speech = ctx.words("speech_verbs")
    hired_by = {(r.object, r.subject) for r in ctx.out.relations if r.predicate == "hired"}
    for p in list(ctx.person_refs):
        same = ctx.sentence_range(p)
        group = subjects(ctx, p)
        if p != group[0]:
            continue  # handled with the first of a coordinated group
        q = group[-1] + 1
        while q < min(same.stop, group[-1] + 14):
            if q != p + 1 and ctx.refers_to_person(q) and ctx.items[q].kind == "ent":
                break  # another person's clause
            it = ctx.items[q]
            if it.kind == "title" and q > group[-1] + 2 and it.script == "ar" and not it.norm.startswith("ال") \
                    and not it.prefix.endswith("ال"):
                break  # "سيغادر منصبه، على أن يخلفه مهندس مخضرم عمل لدى ...": someone new, indefinite
            n = ctx.words_at(q, cues, proclitic=True)
            if n and ctx.is_word(q, frozenset({"worked"}), False) and ctx.is_word(q - 1, frozenset({"has", "have"}), False) \
                    and any(ctx.is_word(r, frozenset({"since", "for"}), False) for r in range(q + n, min(same.stop, q + n + 7))):
                n = 0  # "has worked at Google since 2019": still there (not "who has worked at A and B, joined C")
            if n and ctx.is_word(q + n - 1, frozenset({"left", "departed"}), False) \
                    and ctx.is_word(q + n, frozenset({"for", "to"}), False):
                break  # "left for Meta": where the person went, not what they left
            if n and ctx.is_word(q + n, ctx.words("founded_verbs"), False):
                break  # "NAME previously founded Cue, which Apple acquired": a company founded, not a past employer
            if not n:
                q += 1
                continue
            org = next((r for r in range(q + n, min(same.stop, q + n + 8)) if ctx.items[r].is_org
                        and ctx.items[r].etype != "MediaOutlet"), None)
            if org is not None and any(ctx.is_word(r, speech) for r in range(q + n, org)):
                org = None  # "after the resignation of the board, said OpenAI would ...": another clause
            others = [r for r in range(q + n, org) if ctx.refers_to_person(r)
                      and ctx.person_refs.get(r) not in {ctx.person(m) for m in group}] if org is not None else []
            if org is not None and not others:  # the person's own title between is no other person
                nxt = org + 1
                while nxt in same and ctx.items[nxt].is_org and ctx.items[nxt].key == ctx.items[org].key:
                    nxt += 1
                if ctx.is_word(q + n - 1, frozenset({"left", "departed", "quit"}), False) \
                        and ctx.is_word(nxt, frozenset({"for"}), False) and nxt + 1 in same \
                        and ctx.items[nxt + 1].is_org and ctx.items[nxt + 1].etype != "MediaOutlet":
                    for member in group:  # "left Apple for Meta": Meta is the new employer
                        ctx.relate(ctx.person(member), "worksFor", ctx.items[nxt + 1].key, ctx.span(member, nxt + 1), "0.75")
                members = list(group)
                if any(ctx.is_word(r, ctx.words("both_pronouns"), False) for r in range(max(same.start, q - 2), q)):
                    # "A وشقيقته B، وكلاهما عمل سابقا في X", "A and B, both of whom worked at X": the person before too
                    members += [r for r in range(max(same.start, group[0] - 6), group[0])
                                if ctx.refers_to_person(r) and ctx.items[r].kind == "ent"][-1:]
                for o in _org_list(ctx, org, same):
                    key = ctx.items[o].key
                    for member in members:
                        person = ctx.person(member)
                        if (person, key) not in hired_by:
                            ctx.relate(person, "formerlyWorkedFor", key, ctx.span(min(member, q), o), "0.7")
            break
    # "She spent two years at Google", "He formerly held posts at Meta and Uber": the subject is
    # the person the sentence before names
    for q, n, same in ctx.matches(cues):
        if any(ctx.refers_to_person(r) for r in range(same.start, q)):
            continue
        subject = ctx.sentence_subject(min(q, same.start + 1), pronoun=True)  # the sentence opens on "he"/"she"
        org = next((r for r in range(q + n, min(same.stop, q + n + 8)) if ctx.items[r].is_org
                    and ctx.items[r].etype != "MediaOutlet"), None)
        if subject is None or org is None or any(ctx.refers_to_person(r) for r in range(q + n, org)):
            continue
        person = ctx.person(subject)
        for o in _org_list(ctx, org, same):
            if (person, ctx.items[o].key) not in hired_by:
                ctx.relate(person, "formerlyWorkedFor", ctx.items[o].key, ctx.span(same.start, o), "0.6")


    # "NAME, an OpenAI alum,", "OpenAI alumni A and B": people who once worked there
    alums = ctx.words("alum_words")
    for q, it in enumerate(ctx.items):
        if not (it.is_org and it.etype != "MediaOutlet" and ctx.is_word(q + 1, alums, False)):
            continue
        same = ctx.sentence_range(q)
        after = [r for r in range(q + 2, min(q + 7, same.stop)) if ctx.refers_to_person(r)
                 and all(ctx.items[m].is_person or ctx.is_punct(m) or ctx.is_word(m, frozenset({"and"}), False)
                         for m in range(q + 2, r))]
        before = [r for r in range(max(same.start, q - 4), q) if ctx.refers_to_person(r) and (ctx.is_punct(r + 1) or (
            ctx.is_word(r + 1, frozenset({"is", "was"}), False)  # "NAME is an Nvidia alum"
            and all(ctx.is_word(m, frozenset({"a", "an", "also", "herself", "himself"}), False) for m in range(r + 2, q))))]
        for r in after or before[-1:]:
            if (ctx.person(r), it.key) not in hired_by:
                ctx.relate(ctx.person(r), "formerlyWorkedFor", it.key, ctx.span(min(q, r), max(q + 1, r)), "0.7")

    # "Pang, who joined Apple from Alphabet in 2021", "انضم إلى آبل قادمًا من جوجل": the second one
    for k, n, same in ctx.matches(ctx.phrases("join_words")):
        o = k + n + ctx.is_word(k + n, frozenset({"إلى", "الى"}), False)
        if not (o in same and ctx.items[o].is_org and ctx.is_word(o + 1, frozenset({"from", "من"}), False)
                and o + 2 in same and ctx.items[o + 2].is_org and ctx.items[o + 2].etype != "MediaOutlet"):
            continue
        p = next((q for q in range(k - 1, max(same.start, k - 12) - 1, -1) if ctx.refers_to_person(q)), None)
        if p is not None and (ctx.person(p), ctx.items[o + 2].key) not in hired_by:
            ctx.relate(ctx.person(p), "formerlyWorkedFor", ctx.items[o + 2].key, ctx.span(p, o + 2), "0.7")


@extractor("sanad.employment.former-verb-first.v1", produces=("formerlyWorkedFor",))
def former_verb_first(ctx: Context) -> None:
    """"وعمل NAME في مجموعة راكوتن", "وقضت NAME أربع سنوات في مجموعة أوبر", "وكان NAME وNAME يعملان قبل ذلك
    باحثين في Google Brain": an Arabic past verb of working before its subject, then where (past a
    span of time, an adverb or an occupation), is a former employer."""
    items = ctx.items
    verbs = ctx.words("past_work_verbs")
    was = frozenset({"كان", "كانت", "كانا", "كانوا"})
    now = ctx.words("present_work_verbs")
    hired_by = {(r.object, r.subject) for r in ctx.out.relations if r.predicate == "hired"}
    for k in ctx.where(verbs | was):
        if k >= len(items) - 2:
            break
        past = ctx.is_word(k, verbs, proclitic=True)
        if not past and not (ctx.is_word(k, was, proclitic=True) and items[k].script == "ar"):
            continue
        p = k + 1 + ctx.is_word(k + 1, frozenset({"قد"}), False)
        if not (items[p].is_person and items[p].kind == "ent"):
            continue
        same = ctx.sentence_range(k)
        group = subjects(ctx, p)
        q = group[-1] + 1
        if not past:  # "وكان NAME (وNAME) يعملان": the verb of working after the subject
            q += ctx.is_word(q, frozenset({"قد"}), False)
            if not ctx.is_word(q, now | verbs, proclitic=False):
                continue
            q += 1
        org = None
        for r in range(q, min(q + 9, same.stop)):
            it = items[r]
            if it.is_org and it.etype != "MediaOutlet":
                linked = ctx.is_word(r - 1, frozenset({"في", "لدى"}), False) or it.prefix in ("في", "ب", "ل", "لدى") or (
                    ctx.is_word(r - 1, frozenset({"شركه", "مجموعه", "فريق", "مختبر", "مركز"}), False)
                    and ctx.is_word(r - 2, frozenset({"في", "لدى"}), False))
                org = r if linked else None
                break
            if ctx.is_punct(r) or it.is_person or ctx.is_word(r, frozenset({"إلى", "الى", "ثم"}), False):
                break
        if org is None:
            continue
        for member in group:
            person = ctx.person(member)
            if (person, items[org].key) not in hired_by:
                ctx.relate(person, "formerlyWorkedFor", items[org].key, ctx.span(k, org), "0.7")


def _org_list(ctx: Context, first: int, same: range) -> list[int]:
    """Organization item `first` and those listed after it: "Meta (META) and Uber", "xAI وRobinhood";
    "Google's DeepMind" is DeepMind."""
    first = _possessed_org(ctx, first, same)
    out, q = [first], first + 1
    links = frozenset({"and", "و", "or"})
    while q in same and q - out[-1] <= 5:
        it = ctx.items[q]
        if it.is_org and it.etype != "MediaOutlet":
            between = range(out[-1] + 1, q)
            if not (it.prefix.startswith("و") or ctx.doc.text[it.start - 1:it.start] == "و"
                    or any(ctx.is_word(r, links, False) or ctx.is_punct(r, ",،()") for r in between)):
                break
            q = _possessed_org(ctx, q, same)  # "Meta and Google's DeepMind"
            out.append(q)
        elif not (it.kind == "tok" and (it.script == "punct" or ctx.is_word(q, links, False)
                                        or it.script == "latin" and ctx.doc.text[it.start:it.end].isupper())):
            break  # only links, punctuation and a ticker ("Meta (META) and Uber") within a list
        q += 1
    return out


def _possessed_org(ctx: Context, o: int, same: range) -> int:
    """"Google's DeepMind", "Amazon's AWS": the organization after the possessive, else o itself."""
    q = o + 1
    if ctx.is_punct(q, "'’"):
        q += 2 if ctx.is_word(q + 1, frozenset({"s"}), False) else 1
        if q in same and ctx.items[q].is_org and ctx.items[q].etype != "MediaOutlet":
            return q
    return o


def subjects(ctx: Context, p: int) -> list[int]:
    """Item p and the people coordinated with it ("Haddad and Wierzbicki", "حداد وفيجبيتسكي", "A, B and
    C"), whether p is the first of the group or a later one."""
    group = _coordinated(ctx, p)
    if len(group) == 1:
        for head in range(max(0, p - 10), p):  # (a list's first name, not a title between: "A, a former X researcher, and B")
            if head in ctx.person_refs and (head >= p - 2 or ctx.items[head].kind == "ent") and p in _coordinated(ctx, head):
                return _coordinated(ctx, head)
    return group


def _coordinated(ctx: Context, p: int) -> list[int]:
    group = [p]
    q = p + 1
    listed: list[int] = []  # "A, B and C": names after commas count once "and" closes the list
    while q < len(ctx.items):
        if ctx.is_punct(q, ",،") and ctx.is_word(q + 1, frozenset({"and"}), False) and ctx.refers_to_person(q + 2) \
                and ctx.items[p].kind == "ent" and (listed or q == p + 1):
            q += 1  # "A, B, and C", "A, and B" (names, not "a former X researcher, and B")
            continue
        if ctx.is_word(q, frozenset({"and", "و"}), False) and ctx.refers_to_person(q + 1):
            last = q + 2 if ctx.doc.lang != "ar" and ctx.titled_name(q + 1) else q + 1
            group += listed + [last]
            listed = []
            q = last + 1
        elif ctx.items[q].is_person and ctx.items[q].prefix.startswith("و"):
            group += listed + [q]
            listed = []
            q += 1
        elif ctx.is_punct(q, ",") and ctx.doc.lang != "ar" and q + 1 < len(ctx.items) and ctx.items[q + 1].is_person \
                and ctx.items[q + 1].kind == "ent" and ctx.items[p].kind == "ent":
            listed.append(q + 1)
            q += 2
        elif ctx.is_punct(q, ",") and ctx.doc.lang != "ar" and ctx.items[p].kind == "ent" \
                and ctx.titled_name(q + 1):
            listed.append(q + 2)  # "CEO A, CTO B, and CPO C": a title before each name
            q += 3
        else:
            if listed and ctx.is_punct(q, "—–"):
                group += listed  # "CEO A, CTO B, Chief Scientist C — all of whom ... — joined X": a list a dash closes
            break
    return group


@extractor("sanad.employment.return.v1", produces=("hired", "worksFor", "formerlyWorkedFor"))
def returns(ctx: Context) -> None:
    """"Noam Shazeer is to return to Google", "rejoined Microsoft", "العودة إلى جوجل": back at an old employer."""
    phrases = ctx.phrases("return_words")
    for k, n, same in ctx.matches(phrases):
        if k + n >= len(ctx.items) or not ctx.items[k + n].is_org:
            continue
        last = next((q for q in range(k - 1, max(same.start, k - 10) - 1, -1) if ctx.refers_to_person(q)), None)
        if last is None:
            continue
        org = ctx.items[k + n].key
        for member in subjects(ctx, last):
            person = ctx.person(member)
            evidence = ctx.span(min(member, k), k + n)
            ctx.relate(person, "worksFor", org, evidence, "0.7")
            ctx.relate(person, "formerlyWorkedFor", org, evidence, "0.7")
            ctx.relate(org, "hired", person, evidence, "0.7")


@extractor("sanad.employment.led-by.v1", produces=("holdsPosition", "worksFor"))
def led_by(ctx: Context) -> None:
    """"Meta Superintelligence Labs, the company's AI unit led by Alexandr Wang", "التي يقودها ..."."""
    phrases = ctx.phrases("led_by")
    head = ctx.title("head")
    chair = ctx.title("chair")
    for k, n, same in ctx.matches(phrases):
        words = ctx.span(k, k + n - 1)
        # "يرأسها"/"برئاسة" (chaired by): a chair's seat, not employment; "يقودها"/"led by": its head
        # ("ويرأسها NAME" of a startup is its head; "يرأسها الشيخ طحنون بن زايد", a title of rank first, its chair)
        honored = ctx.is_word(k + n, ctx.words("honorifics"), False) and k + n + 1 in same
        chaired = ctx.items[k].script == "ar" and any(w.startswith("برياس") or honored and w.startswith("يرا")
                                                      for w in ctx.forms(k + n - 1))
        if honored:
            n += 1  # "يرأسها الشيخ طحنون بن زايد", "led by Dr. Jane Doe": a form of address first
        if not (k + n < len(ctx.items) and ctx.items[k + n].is_person):
            continue
        org = next((q for q in range(k - 1, max(same.start, k - 10) - 1, -1) if ctx.items[q].is_org
                    and ctx.items[q].etype != "MediaOutlet"), None)
        if ctx.items[k].script == "ar" and ctx.items[k].norm.startswith("و") and ctx.is_punct(k - 1):
            # "تعد X واحدة من الشركات التي جذبت اهتمام ميتا، ويرأسها NAME": the clause goes on about the
            # sentence's subject, not the organization named last
            org = next((q for q in same if ctx.items[q].is_org and ctx.items[q].etype != "MediaOutlet" and q < k), org)
        if org is not None and chaired and ctx.items[org].etype == "Company" and org + 2 + ctx.is_punct(org + 1) >= k \
                and not honored:
            chaired = False  # "شركة «هيوماين» برئاسة طارق أمين": right after a company's name, its head
        if org is not None:
            ctx.position(ctx.person(k + n), ctx.items[org].key, words, chair if chaired else head, True,
                         ctx.span(org, k + n), "0.7", employment=not chaired)
    # "Elon Musk-led AI startup xAI", "Sam Altman-run OpenAI"
    skip = ctx.words("org_descriptor_skip")
    for k in range(2, len(ctx.items)):
        if not (ctx.is_word(k, frozenset({"led", "run"}), False) and ctx.is_punct(k - 1, "-") and ctx.items[k - 2].is_person):
            continue
        m = k + 1
        while m < len(ctx.items) and m - k <= 5 and ctx.is_word(m, skip, proclitic=False):
            m += 1
        if m < len(ctx.items) and ctx.items[m].is_org:
            ctx.position(ctx.person(k - 2), ctx.items[m].key, ctx.span(k, k), head, True, ctx.span(k - 2, m), "0.7")


@extractor("sanad.employment.leads.v1", produces=("holdsPosition", "worksFor"))
def leads(ctx: Context) -> None:
    """"Camille Roussel, who now leads Kestrel's post-training team": the person heads a part of it;
    "NAME, who co-led OpenAI's Superalignment team", "NAME co-led X's team alongside NAME2": headed
    it before (and so did the one named after "alongside")."""
    for name, current in (("leads", True), ("led", False)):
        _leads(ctx, ctx.phrases(name), current)


def _leads(ctx: Context, phrases, current: bool) -> None:
    head = ctx.title("head")
    links = ctx.phrases("org_links")
    for k, n, same in ctx.matches(phrases):
        title_end = k + n - 1
        if current and ctx.items[k].script == "ar" and _arabic_lead(ctx, k, n, same, head):
            continue
        if k + n in same and not ctx.items[k + n].is_org and current:
            # "who leads alignment research at Anthropic": the field led, then the organization (a
            # past "who led reward modeling for X" names a task, not a post)
            q = next((q for q in range(k + n + 1, min(k + n + 5, same.stop)) if ctx.words_at(q, links)
                      and q + ctx.words_at(q, links) in same and ctx.items[q + ctx.words_at(q, links)].is_org), None)
            if q is not None and all(ctx.items[r].kind == "tok" and ctx.items[r].script != "punct" for r in range(k + n, q)):
                title_end = q - 1
                n = q + ctx.words_at(q, links) - k
        if k + n >= len(ctx.items) or not ctx.items[k + n].is_org:
            continue
        p = k - 1
        relative = ctx.is_word(p, ctx.words("relative"), proclitic=False)
        if relative:
            p -= 1
        if ctx.is_punct(p):
            p -= 1
        if not current and not relative and not ctx.is_word(k, frozenset({"previously", "formerly", "كان", "كانت"}), False):
            continue  # "Musk led Tesla through the crisis" says nothing of now; "NAME, who led X" describes a past post
        if p in same and ctx.refers_to_person(p):
            o = k + n if current else _possessed_org(ctx, k + n, same)  # "OpenAI's Superalignment team"
            people = [p]
            q = o + 1
            while q in same and q - o <= 3 and ctx.items[q].kind == "tok" and not ctx.is_punct(q, ",،.;"):
                if ctx.is_word(q, ctx.words("alongside"), False) and q + 1 in same:
                    after = q + 1 + ctx.is_word(q + 1, ctx.words("determiners"), False)
                    after += ctx.items[after].kind == "title"  # "alongside the cofounder Ilya Sutskever"
                    if after in same and ctx.refers_to_person(after) and ctx.items[after].kind == "ent":
                        people.append(after)
                    break
                q += 1
            for member in people:
                ctx.position(ctx.person(member), ctx.items[o].key, ctx.span(k, title_end), head, current,
                             ctx.span(min(p, member), max(o, member)), "0.7")


def _arabic_lead(ctx: Context, k: int, n: int, same: range, head: dict) -> bool:
    """"ويرأس NAME وحدة الذكاء الاصطناعي في أمازون", "NAME ... تقود الآن فريق الأبحاث في OpenAI": the
    verb's subject (after it, or the sentence's named person before it) heads a part of the organization
    named after the field; True when read."""
    q = k + n
    person = q if q in same and ctx.refers_to_person(q) and ctx.items[q].kind == "ent" else None
    if person is not None:
        q += 1
    elif ctx.is_word(k - 1, frozenset({"الذي", "التي"}), False):
        return False  # "NAME، الذي يقود فريق الأبحاث في إنتل": the general rule
    elif ctx.is_punct(k - 1):  # "NAME، المديرة السابقة في ميتا، تقود الآن": the subject before its appositive
        person = next((r for r in range(same.start, k) if ctx.refers_to_person(r) and ctx.items[r].kind == "ent"), None)
    else:
        person = next((r for r in range(k - 1, max(same.start, k - 3) - 1, -1) if ctx.refers_to_person(r)
                       and ctx.items[r].kind == "ent"), None)
    q += ctx.is_word(q, frozenset({"الان", "حاليا"}), False)
    if person is None or q not in same or ctx.items[q].is_org or ctx.items[q].kind != "tok":
        return False  # (the organization itself right after the verb: the general rule)
    org = next((r for r in range(q + 1, min(q + 6, same.stop)) if ctx.items[r].is_org), None)
    if org is None or ctx.items[org].etype == "MediaOutlet" or not (
            ctx.is_word(org - 1, frozenset({"في", "لدى"}), False) or ctx.items[org].prefix in ("في", "ب", "ل", "لـ")) \
            or any(ctx.items[r].kind != "tok" or ctx.is_punct(r) for r in range(q, org - 1)):
        return False
    field_end = org - 1 - ctx.is_word(org - 1, frozenset({"في", "لدى"}), False)
    title_start = q if person > k else k  # (the verb and its field, as the general rule gives it; not the name after the verb)
    ctx.position(ctx.person(person), ctx.items[org].key, ctx.span(title_start, max(q, field_end)), head, True,
                 ctx.span(min(person, k), org), "0.7")
    return True


@extractor("sanad.position.board.v1", produces=("holdsPosition",))
def boards(ctx: Context) -> None:
    """"joins the board of G42", "انضمام ... براد سميث إلى مجلس إدارة «جي 42»": a board seat, not a job."""
    phrases = ctx.phrases("board")
    member = ctx.title("board-member")
    relative = ctx.words("relative")
    for k, n, same in ctx.matches(phrases):
        o = k + n
        while o in same and ctx.is_punct(o, '"“”«»'):
            o += 1
        if o not in same or not ctx.items[o].is_org:
            continue
        person = next((q for q in range(k - 1, max(same.start, k - 8) - 1, -1)
                       if ctx.refers_to_person(q) and ctx.items[q].kind == "ent"), None)
        rel = next((q for q in range(k - 1, max(same.start, k - 4) - 1, -1) if ctx.is_word(q, relative, False)), None)
        if person is None and rel is not None and ctx.is_punct(rel - 1):
            # "NAME، الرئيس التنفيذي المشارك لشركة X، الذي سينضم إلى مجلس إدارة G42": the name the
            # relative clause hangs on, past its apposition
            person = next((q for q in range(rel - 2, max(same.start, rel - 16) - 1, -1)
                           if ctx.refers_to_person(q) and ctx.items[q].kind == "ent"), None)
        if person is not None:
            ctx.position(ctx.person(person), ctx.items[o].key, ctx.span(k, k + n - 1), member, True,
                         ctx.span(person, o), "0.7", employment=False)
    # "will join Ledgerline's board", "has been appointed to Cerulean's board of directors": the owner's possessive
    joins = ctx.phrases("join_words") + ctx.phrases("appoint_words")
    for k, it in enumerate(ctx.items):
        if not (it.is_org and ctx.is_punct(k + 1, "'’")):
            continue
        b = k + 2 + ctx.is_word(k + 2, frozenset({"s"}), False)
        same = ctx.sentence_range(k)
        if not (b in same and ctx.is_word(b, frozenset({"board"}), False)):
            continue
        verb = next((q for q in range(k - 1, max(same.start, k - 4) - 1, -1) if ctx.words_at(q, joins)), None)
        person = next((q for q in range(verb - 1, max(same.start, verb - 8) - 1, -1)
                       if ctx.refers_to_person(q) and ctx.items[q].kind == "ent"), None) if verb is not None else None
        if person is not None:
            ctx.position(ctx.person(person), it.key, ctx.span(b, b), member, True, ctx.span(person, b), "0.7",
                         employment=False)
    # "انضم NAME إلى مجلس الإدارة", "عضو آخر في مجلس الإدارة هو NAME": the board of the company the
    # article is about
    main = ctx.main_company()
    for k, n, same in ctx.matches(ctx.phrases("the_board")):
        if main is None or k + n in same and (ctx.items[k + n].is_org or ctx.words_at(k + n, ctx.phrases("org_links"))):
            continue  # ("the board of Cohere": the board phrase above)
        person = next((q for q in range(k - 1, max(same.start, k - 4) - 1, -1)
                       if ctx.refers_to_person(q) and ctx.items[q].kind == "ent"), None)
        if person is None and ctx.is_word(k + n, frozenset({"هو", "هي", "is"}), False) and k + n + 1 in same \
                and ctx.refers_to_person(k + n + 1) and ctx.items[k + n + 1].kind == "ent":
            person = k + n + 1
        if person is not None:
            ctx.position(ctx.person(person), main, ctx.span(k, k + n - 1), member, True,
                         ctx.span(min(person, k), max(person, k + n - 1)), "0.6", employment=False)


@extractor("sanad.employment.affiliation.v1", produces=("worksFor",))
def affiliation(ctx: Context) -> None:
    """NAME من شركة ORG / NAME of ORG: a person introduced by their company."""
    phrases = ctx.phrases("affiliation")
    for p, it in enumerate(ctx.items):
        if not it.is_person:
            continue
        n = ctx.words_at(p + 1, phrases)
        o = p + 1 + n
        if n and o < len(ctx.items) and ctx.items[o].is_org and ctx.items[o].etype != "MediaOutlet":
            if ctx.sentence_of(o) == ctx.sentence_of(p) and not any(
                    r.predicate == "formerlyWorkedFor" and r.subject == it.key and r.object == ctx.items[o].key
                    for r in ctx.out.relations):
                ctx.relate(it.key, "worksFor", ctx.items[o].key, ctx.span(p, o), "0.7")
        # "سام ألتمان (OpenAI)": a name with its organization in brackets, as lists of executives give it
        if it.kind == "ent" and ctx.is_punct(p + 1, "(") and p + 3 < len(ctx.items) and ctx.items[p + 2].is_org \
                and ctx.is_punct(p + 3, ")") and ctx.sentence_of(p + 2) == ctx.sentence_of(p):
            ctx.relate(it.key, "worksFor", ctx.items[p + 2].key, ctx.span(p, p + 3), "0.6")
        # "CNBC's Karen Tso", "OpenAI's Sam Altman": the organization whose person is named
        if it.kind == "ent" and p >= 2 and ctx.is_punct(p - 1, "'’") and ctx.items[p - 2].is_org:
            ctx.relate(it.key, "worksFor", ctx.items[p - 2].key, ctx.span(p - 2, p), "0.6")
        elif it.kind == "ent" and p >= 3 and ctx.is_word(p - 1, frozenset({"s"}), False) and ctx.is_punct(p - 2, "'’") \
                and ctx.items[p - 3].is_org:
            ctx.relate(it.key, "worksFor", ctx.items[p - 3].key, ctx.span(p - 3, p), "0.6")


@extractor("sanad.employment.hire.v1", produces=("hired", "formerlyWorkedFor"))
def hires(ctx: Context) -> None:
    hire = ctx.phrases("hire_words")
    rehire = ctx.phrases("rehire_words")
    negation = ctx.words("negation")
    naming = ctx.phrases("appoint_words")
    for k in range(len(ctx.items)):
        n = ctx.words_at(k, hire, proclitic=True)
        if not n and ctx.words_at(k, naming):
            # "Meta named Alexandr Wang chief AI officer", "named NAME as its CTO": naming someone to a title
            m = ctx.words_at(k, naming)
            p = k + m
            # "named former Stripe CTO Rahul Patil as its new CTO": the person past a describing title
            while p < min(k + m + 6, len(ctx.items)) and not ctx.items[p].is_person and (
                    ctx.items[p].kind == "title" or ctx.items[p].is_org and ctx.items[p].etype != "MediaOutlet"
                    or ctx.is_word(p, ctx.words("former"), False) or ctx.is_punct(p, "'’-")
                    or ctx.is_word(p, frozenset({"s", "ex"}), False)):
                p += 1
            t = p + 1
            if p < len(ctx.items) and ctx.items[p].is_person and ctx.is_punct(t, ","):
                # "named Aisha Bello, previously Stripe's head of finance, as chief financial officer": past the appositive
                c = next((q for q in range(t + 1, min(t + 12, len(ctx.items))) if ctx.is_punct(q, ",")), None)
                t = c + 1 if c is not None and ctx.is_word(c + 1, frozenset({"as"}), False) else t
            lead = frozenset({"as", "its", "the", "new", "a", "an", "interim"})
            while t < min(p + 16, len(ctx.items)) and ctx.is_word(t, lead, False):
                t += 1
            if p < len(ctx.items) and ctx.items[p].is_person and t < len(ctx.items) and ctx.items[t].kind == "title":
                n = m
        if not n and ctx.is_word(k, frozenset({"added", "adds", "adding"}), False) and k + 1 < len(ctx.items) \
                and ctx.items[k + 1].is_person and ctx.is_word(k + 2, frozenset({"to"}), False) and any(
                    ctx.is_word(q, ctx.words("staff") | frozenset({"team", "ranks", "roster"}), False)
                    for q in range(k + 3, min(k + 7, len(ctx.items)))):
            n = 1  # "Apple has added John Giannandrea to its executive team"
        if not n:
            continue
        if any(ctx.is_word(q, negation) for q in range(max(0, k - 3), k)):
            continue
        same = ctx.sentence_range(k)
        hirer = hirer_of(ctx, k, k + n)
        if hirer is None and ctx.is_word(k, ctx.words("hire_list_nouns"), False):
            hirer = _hirer_before(ctx, same)  # "Meta has recruited top AI talent. Recent arrivals include A; B; and C."
        if hirer is None:
            _hired_by_a_leader(ctx, k, n, same)
            continue
        again = bool(ctx.words_at(k, rehire, proclitic=True))
        start = hirer + 1 if k + n <= hirer <= k + n + 2 else k + n
        start += ctx.is_punct(start, '"“”«»') if start > k + n else 0  # "استقطبت شركة “ميتا” NAME"
        people = hired_people(ctx, start, same)
        for p in people:
            person = ctx.person(p)
            evidence = ctx.span(min(hirer, k), p)
            ctx.relate(ctx.items[hirer].key, "hired", person, evidence, "0.85")
            if again:
                ctx.relate(person, "formerlyWorkedFor", ctx.items[hirer].key, evidence, "0.75")
        origins = {p: p + 2 for p in people if ctx.is_word(p + 1, frozenset({"from", "من"}), False) and p + 2 in same
                   and ctx.items[p + 2].is_org and ctx.items[p + 2].etype != "MediaOutlet"}
        if len(people) == 1:
            _hired_as(ctx, hirer, people[0], same)
        elif len(origins) > 1:  # "المهندسَين A من OpenAI وB من Anthropic": each from where the text says
            for p, o in origins.items():
                if ctx.items[o].key != ctx.items[hirer].key:
                    ctx.relate(ctx.person(p), "formerlyWorkedFor", ctx.items[o].key, ctx.span(p, o), "0.7")
        elif people and ctx.is_word(people[-1] + 1, frozenset({"from", "من"}), False):
            # "hired A, B and C from (the startup) Cohere": the whole list leaves Cohere
            o = people[-1] + 2
            skip = ctx.words("org_descriptor_skip") | ctx.words("determiners")
            while o in same and o - people[-1] <= 5 and ctx.is_word(o, skip, False):
                o += 1
            if o in same and ctx.items[o].is_org and ctx.items[o].etype != "MediaOutlet" \
                    and ctx.items[o].key != ctx.items[hirer].key:
                for p in people:
                    ctx.relate(ctx.person(p), "formerlyWorkedFor", ctx.items[o].key, ctx.span(min(hirer, p), o), "0.7")


@extractor("sanad.employment.brought-into.v1", produces=("hired", "worksFor"))
def brought_into(ctx: Context) -> None:
    """"bringing X's three co-founders, A, B and C, into OpenAI", "brought A and B on board at Meta",
    "استقدام A وB إلى X": the organization after "into"/"إلى" hires the people listed between."""
    verbs = ctx.words("bring_words")
    links = ctx.words("bring_links")
    for k in range(len(ctx.items)):
        if not ctx.is_word(k, verbs, proclitic=ctx.items[k].script == "ar"):
            continue
        same = ctx.sentence_range(k)
        into = next((q for q in range(k + 1, min(k + 20, same.stop)) if ctx.is_word(q, links, False)), None)
        if into is None:
            continue
        o = into + 1 + ctx.is_word(into + 1, frozenset({"شركه", "فريق"}), False)  # "إلى شركة ميتا"
        o += ctx.is_punct(o, '"“«')
        if o not in same or not ctx.items[o].is_org or ctx.items[o].etype == "MediaOutlet":
            continue
        people = [q for q in range(k + 1, into) if ctx.items[q].is_person and ctx.items[q].kind == "ent"
                  and not ctx.is_punct(q + 1, "'’")]
        if not people or any(ctx.is_punct(q, ".;") for q in range(k + 1, into)):
            continue
        for p in people:
            person = ctx.person(p)
            ctx.relate(ctx.items[o].key, "hired", person, ctx.span(k, o), "0.75")
            ctx.relate(person, "worksFor", ctx.items[o].key, ctx.span(k, o), "0.7")


def _hirer_before(ctx: Context, same: range) -> int | None:
    """The organization that hires in the sentence before SAME ("Meta has aggressively recruited top
    talent."), for a list of hires that names none ("Recent arrivals include ...")."""
    if same.start == 0:
        return None
    before = ctx.sentence_range(same.start - 1)
    verbs = [q for q in before if ctx.words_at(q, ctx.phrases("hire_words"))]
    return hirer_of(ctx, verbs[0]) if verbs else None


def _hired_by_a_leader(ctx: Context, k: int, n: int, same: range) -> None:
    """"كما عيّن زوكربيرغ ألكساندر وانغ", "Zuckerberg hired NAME": a person who holds a current
    office at one company hires for it."""
    leader = k + n if ctx.items[k].script == "ar" else k - 1
    if leader not in same or not ctx.items[leader].is_person:
        return
    person = ctx.person(leader)
    orgs = {p.org for p in ctx.out.positions if p.person == person and p.current}
    hired = [p for p in hired_people(ctx, leader + 1 if leader > k else k + n, same)
             if p != leader and ctx.person(p) != person]
    if len(orgs) != 1 and len(hired) == 1:
        # "عين مارك زوكربيرغ ألكسندر وانغ رئيسا لقسم الذكاء الفائق في ميتا": the company of the new title
        frame = next((ctx.frames[t] for t in range(hired[0] + 1, min(same.stop, hired[0] + 4))
                      if t in ctx.frames and ctx.frames[t].org is not None and ctx.frames[t].person in (None, hired[0])), None)
        orgs = {ctx.items[frame.org].key} if frame is not None else orgs
    if len(orgs) != 1:
        return
    org = orgs.pop()
    for p in hired:
        ctx.relate(org, "hired", ctx.person(p), ctx.span(min(leader, k), p), "0.7")


def _hired_as(ctx: Context, hirer: int, p: int, same: range) -> None:
    """"hired Priya Raman, formerly head of research at DeepMind, as its new chief scientist",
    "وظفت AMD ... طارق الزعبي، نائبًا للرئيس لبرمجيات الذكاء الاصطناعي": the new title, at the hirer."""
    for t in range(p + 1, min(same.stop, p + 24)):
        if ctx.refers_to_person(t) and ctx.items[t].kind == "ent":
            return
        frame = ctx.frames.get(t)
        its = ctx.doc.lang != "ar" and ctx.is_word(t - 1, frozenset({"its", "their"}), False) \
            and ctx.is_word(t - 2, frozenset({"as"}), False)  # "named NAME, previously ..., as its chief financial officer"
        if frame is None or frame.kind not in ("office", "descriptor") or frame.org is not None \
                or frame.anaphor_org is not None and not its or frame.person not in (None, p):
            continue
        if ctx.doc.lang != "ar" and not any(ctx.is_word(q, frozenset({"as"}), False) for q in range(t - 4, t)) \
                and not (t == p + 1 or t == p + 2 and ctx.is_word(p + 1, frozenset({"its", "the"}), False)):
            continue  # ("named Alexandr Wang chief AI officer": the title right after the name)
        ctx.position(ctx.person(p), ctx.items[hirer].key, ctx.span(t, frame.end), frame.role, True,
                     ctx.span(min(hirer, p), frame.end), "0.75")
        return


def hirer_of(ctx: Context, k: int, after: int | None = None) -> int | None:
    """The organization doing the hiring: right before the verb, right after an Arabic verb (the
    verb-subject-object order of "ووظفت AMD ... طارق الزعبي"), else the sentence's subject, else
    the company "the company" / "The Austin-based company" refers to (as the item of its last mention)."""
    same = ctx.sentence_range(k)
    preps = ctx.words("prepositions")
    for q in range(k - 1, max(same.start, k - 3) - 1, -1):
        if ctx.items[q].is_org and ctx.items[q].etype != "MediaOutlet":
            p = q - 1 - ctx.is_punct(q - 1, '"“”«»') - ctx.is_word(q - 1 - ctx.is_punct(q - 1, '"“”«»'),
                                                                    frozenset({"شركه", "شركة"}), proclitic=True)
            if ctx.is_word(p, preps, proclitic=False) or ctx.items[q].kind == "ent" and ctx.items[q].prefix in ("من", "في"):
                break  # "شراء 49% من شركة Scale AI وتوظيف ...": the company bought from, not the hirer
            if any(ctx.words_at(r, ctx.phrases(name), proclitic=True) for name in ("license_words", "acquire_words")
                   for r in range(max(same.start, p - 2), p + 1)):
                break  # "مقابل ترخيص تقنيات Windsurf وتوظيف رئيسها": the company licensed, not the hirer
            return q
    if after is not None and ctx.items[k].script == "ar" and ctx.is_word(after, frozenset({"شركه"}), False):
        after += 1  # "عينت شركة أنثروبيك NAME": the company noun before the name
    if after is not None and ctx.items[k].script == "ar" and ctx.is_punct(after, '"“”«»'):
        after += 1  # "استقطبت شركة “ميتا” ...": the quoted name
    if after is not None and after in same and ctx.items[k].script == "ar" and ctx.items[after].is_org \
            and ctx.items[after].etype != "MediaOutlet":
        return after
    found = subject_org(ctx, same.start, k)
    if found is None and any(ctx.is_word(q, ctx.words("company_nouns"), False) for q in range(max(same.start, k - 4), k)):
        return next((r for r in range(same.start - 1, -1, -1) if ctx.items[r].is_org and ctx.items[r].etype == "Company"), None)
    if found is None and any(ctx.is_word(q, ctx.words("company_pronouns"), False) for q in range(max(same.start, k - 3), k)):
        # "Last month it hired NAME": "it" is the company the article is about (its last mention before)
        main = ctx.main_company()
        return next((r for r in range(same.start - 1, -1, -1) if ctx.items[r].is_org and ctx.items[r].key == main), None)
    return found


def subject_org(ctx: Context, start: int, stop: int) -> int | None:
    """The first organization in items[start:stop] that is not an outlet nor after a preposition."""
    preps = ctx.words("prepositions")
    for q in range(start, stop):
        it = ctx.items[q]
        if it.is_org and it.etype != "MediaOutlet" and not ctx.is_word(q - 1, preps, proclitic=False):
            if it.script == "" and ctx.doc.text[it.start - 1:it.start] in ("ل", "ب"):
                continue  # a glued preposition: "لجوجل"
            if backed_modifier(ctx, q):
                continue  # "Nvidia-backed Crusoe raised ...": Crusoe is the subject
            return q
    return None


def backed_modifier(ctx: Context, q: int) -> bool:
    """Organization q qualifies the next noun: "Nvidia-backed Crusoe", "a Google-owned lab"."""
    return ctx.is_punct(q + 1, "-‐–") and ctx.is_word(q + 2, ctx.words("backed_modifiers"), False)


def hired_people(ctx: Context, k: int, same: range) -> list[int]:
    """The people a hiring verb takes: the first within a few words, and any "including" list."""
    out = []
    for q in range(k, min(k + 14, same.stop)):
        if ctx.refers_to_person(q) and ctx.items[q].kind != "title":
            out.append(q)
            break
        if ctx.items[q].kind == "ent" and q > k + 7:
            break
    if out:  # "X and Y", "ليلى حداد والمدير التقني توماش": people joined by and/و, a title allowed between
        q = out[0] + 1
        # "Yuanzhi Li, a researcher from OpenAI, and Anton Bakhtin, who ...": past an appositive
        while ctx.is_punct(q):
            # "hired A, B and C", "A, B, and C": a plain list, each name right after its comma ("hired A,
            # and B said" is no list)
            oxford = ctx.is_word(q + 1, frozenset({"and", "و"}), False)
            r = q + 1 + oxford
            if r < same.stop and ctx.items[r].is_person and ctx.items[r].kind == "ent" and (len(out) >= 2 or not oxford):
                out.append(r)
                q = r + 1
                continue
            c = next((r for r in range(q + 1, min(q + 14, same.stop)) if ctx.is_punct(r, ",،;")), None)
            if c is None or any(ctx.items[r].is_person and ctx.items[r].kind == "ent" for r in range(q + 1, c)):
                break
            r = c + 1 + ctx.is_word(c + 1, frozenset({"and", "و"}), False)
            if not ((r > c + 1 or ctx.is_punct(c, ";")) and r < same.stop and ctx.items[r].is_person
                    and ctx.items[r].kind == "ent"):
                break  # (after an appositive, the next name follows "and", or a semicolon: "A, founder of X; B, ...")
            out.append(r)
            q = r + 1
        q = out[-1] + 1
        while q < same.stop:
            if ctx.is_word(q, frozenset({"من", "from"}), False) and q + 1 < same.stop and ctx.items[q + 1].is_org:
                q += 2  # "المهندسَين A من OpenAI وB من Anthropic": past where each came from
                continue
            if not (ctx.is_word(q, frozenset({"and", "و"}), False) or ctx.items[q].prefix.startswith("و")):
                break
            r = q + 1 if ctx.items[q].kind == "tok" else q
            while r < same.stop and ctx.items[r].kind == "title":
                r += 1
            if r < same.stop and ctx.items[r].is_person:
                out.append(r)
                q = r + 1
            else:
                break
    including = ctx.phrases("including")
    for q in range(k, same.stop):
        if ctx.words_at(q, including):
            out += [r for r in range(q, same.stop) if ctx.items[r].is_person and r not in out]
            break
    return out


@extractor("sanad.employment.lost-to.v1", produces=("hired", "worksFor", "formerlyWorkedFor"))
def lost_to(ctx: Context) -> None:
    """"Apple lost its top AI executive, Ruoming Pang, to Meta", "خسرت آبل NAME لصالح ميتا": the people
    named between leave the first organization for the second, which hired them."""
    links = ctx.words("lost_to_links")
    for k, n, same in ctx.matches(ctx.phrases("lost_to_verbs")):
        source = subject_org(ctx, same.start, k)
        if source is None and ctx.items[k].script == "ar":  # "خسرت آبل ...": the verb first
            source = next((q for q in range(k + n, min(k + n + 2, same.stop)) if ctx.items[q].is_org), None)
        to = next((q for q in range(k + n, same.stop - 1) if ctx.is_word(q, links, False) and ctx.items[q + 1].is_org
                   and ctx.items[q + 1].etype != "MediaOutlet"), None)
        if source is None or to is None or ctx.items[to + 1].key == ctx.items[source].key:
            continue
        for q in range(max(k + n, source + 1), to):
            if ctx.items[q].is_person:
                person, span = ctx.person(q), ctx.span(source, to + 1)
                ctx.relate(person, "formerlyWorkedFor", ctx.items[source].key, span, "0.75")
                ctx.relate(person, "worksFor", ctx.items[to + 1].key, span, "0.75")
                ctx.relate(ctx.items[to + 1].key, "hired", person, span, "0.75")


@extractor("sanad.employment.move.v1", produces=("formerlyWorkedFor", "isCurrent"))
def moves(ctx: Context) -> None:
    """"Microsoft hired Inflection CEO Mustafa Suleyman": hired away, the old title is a former one."""
    out = ctx.out
    # (a hire read from "joined X" or "انتقل إلى X" says nothing of the jobs named beside it: "NAME, a
    # researcher at the University of X, has joined Y" may keep the chair; those rules read them)
    for hire in [r for r in out.relations if r.predicate == "hired" and r.rule not in JOIN_RULES]:
        sentence = ctx.doc.sentence_span(hire.evidence.start)
        within = lambda span: sentence[0] <= span.start and span.end <= sentence[1]  # noqa: E731
        for pos in [p for p in out.positions if p.person == hire.object and p.org != hire.subject
                    and p.current and within(p.evidence)]:
            out.positions.discard(pos)
            out.positions.add(replace(pos, current=False, rule=ctx.rule))
        for rel in [r for r in out.relations if r.predicate == "worksFor" and r.subject == hire.object
                    and r.object != hire.subject and within(r.evidence)]:
            out.relations.discard(rel)
            out.relations.add(replace(rel, predicate="formerlyWorkedFor", rule=ctx.rule))


@extractor("sanad.employment.before-joining.v1", produces=("formerlyWorkedFor", "isCurrent"))
def before_joining(ctx: Context) -> None:
    """"NAME was a researcher at Google before joining Meta", "عمل NAME في غوغل قبل أن ينضم إلى ميتا": the
    job the sentence names before "before joining" is a former one."""
    out = ctx.out
    for k, n, same in ctx.matches(ctx.phrases("before_joining")):
        start, end = ctx.item_starts[same.start], ctx.items[k].start
        new = next((ctx.items[q].key for q in range(k + n, min(k + n + 3, same.stop)) if ctx.items[q].is_org), None)
        for rel in [r for r in out.relations if r.predicate == "worksFor" and start <= r.evidence.start
                    and r.evidence.end <= end and r.object != new]:
            out.relations.discard(rel)
            out.relations.add(replace(rel, predicate="formerlyWorkedFor", rule=ctx.rule))
        for pos in [p for p in out.positions if p.current and start <= p.evidence.start and p.evidence.end <= end
                    and p.org != new]:
            out.positions.discard(pos)
            out.positions.add(replace(pos, current=False, rule=ctx.rule))


@extractor("sanad.employment.group.v1", produces=("formerlyWorkedFor", "worksFor"))
def groups(ctx: Context) -> None:
    """"The ex-Inflection hires joined a new Microsoft division called Microsoft AI": the people
    hired from that company left it and joined the new one."""
    former = ctx.words("former")
    nouns = ctx.words("group_nouns")
    joins = ctx.phrases("join_words")
    called = ctx.doc.lex.phrases("unit_called_en") + ctx.doc.lex.phrases("unit_called_ar")
    hired = {r.object for r in ctx.out.relations if r.predicate == "hired"}
    for k, it in enumerate(ctx.items):
        if not (it.is_org and ctx.is_word(k + 1, nouns)):
            continue
        b = k - 1
        if ctx.is_punct(b, "-"):
            b -= 1
        if not ctx.is_word(b, former, proclitic=False):
            continue
        members = sorted(p for p in hired if _linked(ctx, p, it.key))
        same = ctx.sentence_range(k)
        for person in members:
            ctx.relate(person, "formerlyWorkedFor", it.key, ctx.span(b, k + 1), "0.7")
        j = next((q for q in range(k + 2, same.stop) if ctx.words_at(q, joins)), None)
        if j is None:
            continue
        target = None
        for q in range(j + 1, same.stop):
            n = ctx.words_at(q, called)
            if n and q + n in same and ctx.items[q + n].is_org:
                target = q + n
                break
        if target is None:
            target = next((q for q in range(j + 1, min(j + 6, same.stop)) if ctx.items[q].is_org), None)
        if target is not None:
            for person in members:
                ctx.relate(person, "worksFor", ctx.items[target].key, ctx.span(b, target), "0.7")


def _linked(ctx: Context, person: str, org: str) -> bool:
    return any(r.subject == person and r.object == org for r in ctx.out.relations) or any(
        p.person == person and p.org == org for p in ctx.out.positions)


@extractor("sanad.employment.hired-works.v1", produces=("worksFor",))
def hired_works(ctx: Context) -> None:
    """"وظفت ميتا لوكاس باير", "Google hired Varun Mohan": whoever a company hired works there now,
    unless the article places the person in another organization now (a unit of the hirer, say)."""
    current = {}
    for r in ctx.out.relations:
        if r.predicate == "worksFor":
            current.setdefault(r.subject, set()).add(r.object)
    for p in ctx.out.positions:
        if p.current:
            current.setdefault(p.person, set()).add(p.org)
    for hire in sorted((r for r in ctx.out.relations if r.predicate == "hired"), key=lambda r: r.evidence):
        elsewhere = current.get(hire.object, set()) - {hire.subject}
        if not elsewhere:
            ctx.relate(hire.object, "worksFor", hire.subject, hire.evidence, "0.7")


@extractor("sanad.employment.departure.v1", produces=("formerlyWorkedFor", "isCurrent"))
def departures(ctx: Context) -> None:
    """"Ruoming Pang, head of Apple's models team, is departing", "أعلنت ميرا موراتي، المديرة
    التقنية لشركة OpenAI، عن مغادرتها للشركة", "قدم ... A، B، C، استقالاتهم": whoever leaves held
    the titles the sentence gives them before; the company they leave ("the company", "للشركة",
    "Apple") is a former employer everywhere in the article."""
    cues = ctx.phrases("departure")
    plural = ctx.words("departure_plural")
    away = ctx.words("departure_away")
    negation = ctx.words("negation")
    hired = {(r.subject, r.object) for r in ctx.out.relations if r.predicate == "hired"}
    joined = {(r.subject, r.object) for r in ctx.out.relations if r.predicate == "worksFor"
              and r.rule in ("sanad.employment.now.v1", "sanad.employment.moved.v1", "sanad.employment.return.v1")}
    for k, n, same in ctx.matches(cues):
        if any(ctx.is_word(q, negation) or ctx.hedged(q) for q in range(max(same.start, k - 3), k)):
            continue
        people = _leavers(ctx, k, n, same, plural)
        if not people:
            continue
        after_person = k + n if k + n in same and ctx.items[k + n].is_person else None
        left = _left_org(ctx, after_person + 1 if after_person is not None else k + n, same, away)
        nxt = k + n + (after_person is not None)
        suffixed = ctx.items[k].kind == "tok" and ctx.items[k].script == "ar" and len(ctx.items[k].norm) >= 5 \
            and ctx.items[k].norm.endswith(("ه", "ها", "هم"))  # "رحيله", "مغادرتها": whose departure, by its suffix
        named = {ctx.person(q) for q in range(same.start, k) if ctx.refers_to_person(q)}
        relative = ctx.is_word(k - 1, ctx.words("relative"), False) and ctx.refers_to_person(k - 2)
        if relative:  # "NAME الذي غادر": the name the relative hangs on leaves
            people = [ctx.person(k - 2)]
        bare = after_person is None and n == 1 and (suffixed and len(named) == 1 or relative) and not (
            nxt in same and (ctx.items[nxt].is_org or ctx.is_word(nxt, away, False)))
        # "أعلن NAME رحيله أيضًا", "NAME الذي غادر لتأسيس شركة": leaving, with no company named, the one the passage is about
        if left is None and bare:
            left = ctx.main_company()  # the company the article is about, whatever else the sentence names
        if left is None and ctx.is_word(nxt, ctx.words("own_post")):
            # "سيغادر منصبه", "will leave his post": the company the sentence names, else the article's
            companies = {ctx.items[q].key for q in same if ctx.items[q].is_org and ctx.items[q].etype == "Company"}
            left = companies.pop() if len(companies) == 1 else (ctx.main_company() if not companies else None)
        sentence = ctx.doc.sentences[ctx.sentence_of(k)]
        for person in people:
            def flips(org: str, span: Span, rule: str) -> bool:
                if (org, person) in hired or (person, org) in joined:
                    return False
                if left is not None:  # "left Anthropic to join the startup": only the company left
                    return org == left
                return rule == "sanad.position.title.v1" and sentence[0] <= span.start < sentence[1]
            for pos in [p for p in ctx.out.positions if p.person == person and p.current and flips(p.org, p.evidence, p.rule)]:
                ctx.out.positions.discard(pos)
                ctx.out.positions.add(replace(pos, current=False, rule=ctx.rule))
            for rel in [r for r in ctx.out.relations if r.predicate == "worksFor" and r.subject == person
                        and flips(r.object, r.evidence, r.rule)]:
                ctx.out.relations.discard(rel)
                ctx.out.relations.add(replace(rel, predicate="formerlyWorkedFor", rule=ctx.rule))
            if left is not None and (left, person) not in hired and (person, left) not in joined:
                ctx.relate(person, "formerlyWorkedFor", left, ctx.span(k, k + n - 1), "0.7")
    _departed_lists(ctx)


def _departed_lists(ctx: Context) -> None:
    """"وشملت المغادرين A الذي ...، وB ...، إضافة إلى C", "Departures include A, B and C": everyone the
    sentence names after the cue left the company the article is about."""
    main = ctx.main_company()
    if main is None:
        return
    hired = {(r.subject, r.object) for r in ctx.out.relations if r.predicate == "hired"}
    for k, n, same in ctx.matches(ctx.phrases("departed_list")):
        for q in range(k + n, same.stop):
            if ctx.refers_to_person(q) and ctx.items[q].kind == "ent":
                person = ctx.person(q)
                if (main, person) not in hired:
                    ctx.relate(person, "formerlyWorkedFor", main, ctx.span(k, q), "0.6")


def _leavers(ctx: Context, k: int, n: int, same: range, plural: frozenset[str]) -> list[str]:
    """Who leaves: the person right after a departure noun ("رحيل سوتسكيفر", "the departure of
    NAME"), else the nearest person before the cue, else, for a plural cue ("استقالاتهم", "have
    all stepped away"), every person the sentence names before it."""
    after = k + n + ctx.is_word(k + n, frozenset({"of"}), False)
    if after in same and ctx.items[after].is_person:
        return [ctx.person(after)]
    if n == 1 and ctx.is_word(k, ctx.words("departure_nouns")):
        # a bare noun says whose departure only by what follows it ("مغادرة الموظفين الثلاثة")
        # or by a possessive ("Brockman's departure")
        if ctx.is_punct(k - 1, "'’") and ctx.refers_to_person(k - 2):
            return [ctx.person(k - 2)]
        if ctx.is_word(k - 1, frozenset({"s"}), False) and ctx.is_punct(k - 2, "'’") and ctx.refers_to_person(k - 3):
            return [ctx.person(k - 3)]
        announcing = ctx.words("speech_verbs") | ctx.words("announce_verbs")
        if ctx.is_word(k - 1, frozenset({"his", "her"}), False) and ctx.is_word(k - 2, announcing, False) \
                and ctx.refers_to_person(k - 3) and ctx.items[k - 3].kind == "ent":
            return [ctx.person(k - 3)]  # "NAME announced her departure from X" (not "a spokesperson confirmed his departure")
        return []
    # "Elon Musk's startup": a possessor, not the subject of the sentence
    before = [q for q in range(same.start, k) if ctx.refers_to_person(q) and not ctx.is_punct(q + 1, "'’")]
    if not before:
        return []
    speech = ctx.words("speech_verbs") | ctx.words("speech_complementizers")
    said = [q for q in range(before[-1] + 1, k) if ctx.is_word(q, speech)]
    if said:  # "Huang said rivals left the market": the reported clause has a subject of its own;
        # "Murati said she is leaving", "أعلنت أنها ستغادر": a pronoun for the person named
        own = ctx.words("pronouns") | ctx.words("copulas") | frozenset(
            {"will", "would", "is", "was", "has", "انه", "انها", "بانه", "بانها"})
        if any(not ctx.is_word(q, own, proclitic=False) and not ctx.is_punct(q) for q in range(said[-1] + 1, k)):
            return []
    many = ctx.is_word(k, plural) or any(ctx.is_word(q, plural, False) for q in range(max(same.start, k - 2), k))
    chosen = before if many else [before[-1]]
    return list(dict.fromkeys(p for p in (ctx.person(q) for q in chosen) if p))


def _left_org(ctx: Context, k: int, same: range, away: frozenset[str]) -> str | None:
    """The organization a departure cue names: "leaving Apple", "stepped away from the company",
    "مغادرتها للشركة", "تركه الشركة", "بترك أوبن إيه آي"."""
    from kg.extractors.positions import _salient_company

    q = k
    while q in same and q - k < 3 and ctx.is_word(q, away, proclitic=False) and not ctx.is_word(q, frozenset({"the"}), False):
        q += 1
    if ctx.is_word(q, frozenset({"شركه"}), proclitic=True) and q + 1 in same and ctx.items[q + 1].is_org:
        q += 1  # "غادرت NAME شركة إنتل"
    if q in same and ctx.items[q].is_org and ctx.items[q].etype != "MediaOutlet":
        return ctx.items[q].key
    if q in same and ctx.items[q].kind == "tok" and (ctx.is_word(q, frozenset({"الشركه", "شركه", "the"}))):
        if ctx.items[q].norm == "the" and not ctx.is_word(q + 1, ctx.words("company_nouns"), False):
            return None
        return _salient_company(ctx, q)
    return None


@extractor("sanad.employment.joining-announced.v1", produces=("worksFor", "holdsPosition"))
def joining_announced(ctx: Context) -> None:
    """"أعلنت أبل انضمام NAME كنائب للرئيس", "رحبت إنتل بانضمام NAME إلى فريقها": the person joins
    the company that announces it (or the one after "إلى"), with the title given after "كـ"."""
    nouns = ctx.words("joining_nouns")
    for k in range(len(ctx.items) - 1):
        if not ctx.is_word(k, nouns) or not ctx.items[k + 1].is_person:
            continue
        same = ctx.sentence_range(k)
        p = k + 1
        to = next((q for q in range(p + 1, min(same.stop, p + 3)) if ctx.is_word(q, frozenset({norm("إلى")}), False)), None)
        o = None
        if to is not None:
            o = to + 1 + ctx.is_punct(to + 1, '"“”«»')
            if ctx.is_word(o, ctx.words("own_team")):
                o = None  # "إلى فريقها", "إلى صفوفها": the announcer's own team
            elif o not in same or not ctx.items[o].is_org or ctx.items[o].etype == "MediaOutlet":
                continue  # "انضمام NAME إلى مجلس الإدارة": not a job at the announcer
        if o is None:
            o = next((q for q in range(k - 1, max(same.start, k - 4) - 1, -1)
                      if ctx.items[q].is_org and ctx.items[q].etype != "MediaOutlet"), None)
            if o is None:
                continue
        person, org = ctx.person(p), ctx.items[o].key
        ctx.relate(person, "worksFor", org, ctx.span(min(o, k), max(o, p)), "0.75")
        frame = ctx.frames.get(p + 1)
        if frame is not None and frame.org is None and frame.anaphor_org is None and frame.kind == "office" \
                and ctx.items[p + 1].prefix.endswith("ك"):
            ctx.position(person, org, ctx.span(frame.t, frame.end), frame.role, True,
                         ctx.span(min(o, k), frame.end), "0.75")
