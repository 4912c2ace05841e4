"""Deals: who paid whom, for what, how much, and who reported it.

Each sentence with a deal word (صفقة, deal), a payment (دفعت, paid), a licence, an
acquisition, an investment or a hiring becomes a frame; frames of one article that share
their paying party (or whose organizations all belong to an earlier frame) are one deal.
What the article denies ("لم تستحوذ", "did not formally purchase") is never asserted: a
denied acquisition removes the Acquisition kind between those parties from the whole article.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kg.extractors import extractor
from kg.extractors.context import Context
from kg.extractors.employment import backed_modifier, subject_org
from kg.model import Deal, Money

# An acqui-hire's hiring company is its acquirer and the startup its target, unless the article
# denies that the one acquired the other (then both are only parties; see _emit).
ROLE_OF_PAYER = {"LicensingDeal": "licensee", "Acquisition": "acquirer", "Investment": "investor", "AcquiHire": "acquirer"}
ROLE_OF_OTHER = {"LicensingDeal": "licensor", "Acquisition": "target", "Investment": "investee", "AcquiHire": "target"}


@dataclass
class DealFrame:
    sentences: list[int]
    payer: str | None
    kinds: set[str] = field(default_factory=set)
    others: set[tuple[str, str]] = field(default_factory=set)  # (org key, kind it is the counterparty of)
    parties: set[str] = field(default_factory=set)
    hires: set[str] = field(default_factory=set)
    backers: set[str] = field(default_factory=set)  # "استثمار ... من مايكروسوفت": investors in the payer
    amounts: set[Money] = field(default_factory=set)
    reporters: set[str] = field(default_factory=set)
    status: str | None = None
    denies: bool = False  # "لم تكن هذه العملية استحواذا كاملا", "rather than acquiring it": not an acquisition
    of_round: bool = False  # "the round, backed by A and B": investors in the funding round just named
    side: list = field(default_factory=list)  # other deals a round's sentence names in passing
    tentative: set[str] = field(default_factory=set)  # kinds that hold once a deal word or price joins the frame
    worded: bool = False  # the frame's sentences name a deal ("deal", "transaction") or a price
    co_payers: set[str] = field(default_factory=set)  # "Microsoft and Nvidia will invest ...": who pays with the payer


@extractor("sanad.deal.frame.v1", produces=("Deal", "LicensingDeal", "Acquisition", "Investment", "AcquiHire",
                                             "licensee", "licensor", "acquirer", "target", "investor", "investee",
                                             "hires", "reportedBy", "amount", "party"))
def deals(ctx: Context) -> None:
    frames: list[DealFrame] = []
    denied: set[tuple[str, str]] = set()
    rounds: list[DealFrame] = []
    backings: dict[str, DealFrame] = {}
    for s in range(len(ctx.doc.sentences)):
        covered: set[int] = set()
        for backing in _backings(ctx, s, covered, rounds[-1] if rounds else None):
            if backing.of_round and rounds and rounds[-1].payer == backing.payer:
                _absorb(rounds[-1], backing)
            elif backing.payer in backings:
                _absorb(backings[backing.payer], backing)
            else:
                backings[backing.payer] = backing
        round_ = _round(ctx, s, rounds[-1] if rounds else None)
        for extra in round_.side if round_ is not None else ():
            if extra.payer in backings:
                _absorb(backings[extra.payer], extra)
            else:
                backings[extra.payer] = extra
        if round_ is not None:
            if rounds and round_.payer == rounds[-1].payer:
                _absorb(rounds[-1], round_)
            else:
                rounds.append(round_)
            continue
        if _unplaced_round(ctx, s):
            continue  # "The funding was led by A, with B also participating." with no round before it
        frame = _frame(ctx, s, denied, covered)
        if frame is not None:
            frames.append(frame)
    acquirers = [f.payer for f in frames if f.payer and "Acquisition" in f.kinds]
    for f in frames:
        if f.payer is None and any(kind == "Acquisition" for _, kind in f.others) and len(set(acquirers)) == 1:
            f.payer = acquirers[0]  # "Deci AI, ... being acquired" in an article about Nvidia's acquisitions
            f.kinds.add("Acquisition")
            f.parties.add(f.payer)
    merged: list[DealFrame] = []
    pending_denial = False  # "It is not an acquisition." before the deal is named
    for f in frames:
        if not f.parties and not f.payer and merged:
            _absorb(merged[-1], f)  # "the deal, worth $2.4 billion, ...": the deal just named
            continue
        if not f.parties and not f.payer and f.denies:
            pending_denial = True
            continue
        f.denies = f.denies or pending_denial
        pending_denial = False
        target = next((m for m in merged if _same_deal(m, f) and not _apart(m, f, denied)), None)
        if target is None:
            merged.append(f)
        else:
            _absorb(target, f)
    for f in merged:
        if f.worded and f.tentative:
            f.kinds |= f.tentative
        _emit(ctx, f, denied)
    alone = []
    for b in backings.values():  # "X raised $N, ... backed by A and B" in one sentence: the round's investors
        r = next((r for r in rounds if r.payer == b.payer and set(r.sentences) & set(b.sentences)), None)
        if r is not None:
            _absorb(r, b)
        else:
            alone.append(b)
    for r in rounds + alone:
        _emit_round(ctx, r)


def _backings(ctx: Context, s: int, covered: set[int], last_round: DealFrame | None = None) -> list[DealFrame]:
    """Investors named without a round: "Lumora, a startup backed by Microsoft, Amazon and Google",
    "شركة X المدعومة من مايكروسوفت", "وحصلت على دعم من مجموعة Alibaba وشركة Tencent" (the
    organization before is the investee, those listed after the investors); "X is a major investor
    in Y", "وتعد شركة X مستثمرا رئيسيا في Y" (the subject invests in the organization after).
    The items of these phrases go into `covered`, so that the sentence's other deal does not
    read them again."""
    idx = list(ctx.sentence_items(s))
    if not idx:
        return []
    out = []
    # "the prior investments from Amazon and Google into Anthropic", "استثمارات من أمازون وجوجل في أنثروبيك"
    nouns = ctx.words("investment_nouns")
    for k in ctx.where(nouns, within=idx):
        if not ctx.is_word(k + 1, frozenset({"from", "من"}), False):
            continue
        backers = _listed_orgs(ctx, k + 2, idx[-1])
        q = next((q for q in range(k + 2, min(k + 12, idx[-1])) if ctx.is_word(q, frozenset({"into", "in", "في"}), False)), None)
        if not backers or q is None or not ctx.items[q + 1].is_org or ctx.items[q + 1].etype == "MediaOutlet":
            continue
        investee = ctx.items[q + 1].key
        backers = [b for b in backers if b != investee]
        if backers:
            covered.update(range(k, q + 2))
            frame = DealFrame([s], investee, kinds={"Investment"})
            frame.others = {(b, "Investment") for b in backers}
            frame.parties = set(backers) | {investee}
            out.append(frame)
    # "Anthropic, which Amazon has invested $4 billion in", "X, in which Y invested": the relative's
    # subject invests in the organization the relative clause describes
    invest_verbs = ctx.words("invest_words")
    aux = frozenset({"has", "have", "had", "also", "previously", "already", "reportedly", "قد", "financially", "heavily",
                     "partly", "largely"})
    for k in ctx.where(invest_verbs, proclitic=False, within=idx):
        q = k - 1
        while q > idx[0] and ctx.is_word(q, aux, False):
            q -= 1
        r = q - 1
        if ctx.is_word(r, frozenset({"in"}), False):
            r -= 1  # "X, in which Y invested"
        if ctx.is_word(k - 1, ctx.words("relative"), False) and ctx.is_word(k + 1, frozenset({"فيها", "فيه", "بها"}), False) \
                and k + 2 <= idx[-1] and ctx.items[k + 2 + ctx.is_punct(k + 2, '"“«')].is_org:
            q, r = k + 2 + ctx.is_punct(k + 2, '"“«'), k - 1  # "أنثروبيك، التي استثمرت فيها أمازون": the verb first
        if not (ctx.items[q].is_org and ctx.items[q].etype != "MediaOutlet" and ctx.is_word(r, ctx.words("relative"), False)):
            continue
        c = r - 1 - ctx.is_word(r - 1, frozenset({"in"}), False)
        if not (ctx.is_punct(c) and c - 1 >= idx[0] and ctx.items[c - 1].is_org and ctx.items[c - 1].etype != "MediaOutlet"):
            continue
        investee, investor = ctx.items[c - 1].key, ctx.items[q].key
        if investee == investor:
            continue
        covered.update(range(c, max(k, q) + 1))
        frame = DealFrame([s], investee, kinds={"Investment"})
        frame.others, frame.parties = {(investor, "Investment")}, {investor, investee}
        frame.amounts = {ctx.items[m].money for m in range(k + 1, min(max(k, q) + 4, idx[-1] + 1))
                         if ctx.items[m].kind == "money"}
        out.append(frame)
    for k in idx:  # "Nvidia-backed Crusoe": Nvidia invests in the organization right after
        if ctx.items[k].is_org and ctx.items[k].etype != "MediaOutlet" and backed_modifier(ctx, k) \
                and ctx.is_word(k + 2, ctx.words("investing_modifiers"), False) \
                and k + 3 <= idx[-1] and ctx.items[k + 3].is_org and ctx.items[k + 3].etype != "MediaOutlet" \
                and ctx.items[k + 3].key != ctx.items[k].key:
            covered.update(range(k, k + 3))
            frame = DealFrame([s], ctx.items[k + 3].key, kinds={"Investment"})
            frame.others, frame.parties = {(ctx.items[k].key, "Investment")}, {ctx.items[k].key, ctx.items[k + 3].key}
            out.append(frame)
    for name, backed in (("backed_by", True), ("investor_in", False)):
        lengths = ctx.lengths(ctx.phrases(name), proclitic=True)
        for k in idx:
            n = lengths[k]
            if not n or any(ctx.negates(q) for q in range(max(idx[0], k - 3), k)):
                continue
            before = next((q for q in range(k - 1, idx[0] - 1, -1)
                           if ctx.items[q].is_org and ctx.items[q].etype != "MediaOutlet"), None)
            r = k - 1 - ctx.is_punct(k - 1)
            if before is None and backed and (
                    ctx.is_word(r, ctx.words("investment_nouns")) or ctx.words_at(r, ctx.phrases("round_nouns"), proclitic=True)
                    or ctx.is_word(r, frozenset({"round", "الجوله"}), False)):
                # "The funding, backed by A, B and C", "يأتي التمويل، المدعوم من شركات «A» و«B»": the round just
                # named (none named: the backers invest in no one we know, and none of them is the investee)
                covered.update(range(r, k + n))
                payer = last_round.payer if last_round is not None else None
                investors = [i for i in _listed_orgs(ctx, k + n, idx[-1]) if i != payer] if payer else []
                if investors:
                    frame = DealFrame([s], last_round.payer, kinds={"Investment"}, of_round=True)
                    frame.others = {(i, "Investment") for i in investors}
                    frame.parties = set(investors) | {last_round.payer}
                    out.append(frame)
                    break
            r = k + n
            while ctx.is_word(r, ctx.words("determiners"), proclitic=False):
                r += 1
            m = ctx.words_at(r, ctx.phrases("round_nouns"), proclitic=True) \
                or ctx.is_word(r, frozenset({"round", "الجوله"}), False)
            if not backed and m:
                # "ومن بين المستثمرين في الجولة A وB", "Investors in the round include A and B": the
                # investors of the round just named, not investors in A (no round named: left to _round)
                payer = last_round.payer if last_round is not None else None
                investors = [i for i in _listed_orgs(ctx, r + m, idx[-1]) if i != payer] if payer else []
                if investors:
                    covered.update(range(k, r + m))
                    frame = DealFrame([s], payer, kinds={"Investment"}, of_round=True)
                    frame.others = {(i, "Investment") for i in investors}
                    frame.parties = set(investors) | {payer}
                    out.append(frame)
                    break
                continue
            if before is None and not backed:
                before = subject_org(ctx, idx[0], k)
            if backed and ctx.is_word(k, frozenset({"whose"}), False) and not (
                    ctx.is_punct(k - 1) and k - 2 >= idx[0] and ctx.items[k - 2].is_org):
                continue  # "Tensorlane, whose backers include X": Tensorlane, right before (none read: no guess)
            anaphor = None
            if before is None and backed:  # "The company was backed by A and B", "وكانت الشركة قد حصلت على استثمارات من A"
                q = next((q for q in range(idx[0], k) if ctx.words_at(q, ctx.phrases("company_anaphora"), proclitic=True)), None)
                anaphor = last_company(ctx, q) if q is not None else None
            after = _listed_orgs(ctx, k + n, idx[-1])
            if anaphor is not None and after:
                investors = [i for i in after if i != anaphor]
                if investors:
                    covered.update(range(k, k + n))
                    frame = DealFrame([s], anaphor, kinds={"Investment"})
                    frame.others = {(i, "Investment") for i in investors}
                    frame.parties = set(investors) | {anaphor}
                    out.append(frame)
                    break
            if before is None and not backed and after:
                # "Notable investors in X include A and B", "Backers of X include ...": the list after "include"
                q = next((q for q in range(k + n, min(k + n + 4, idx[-1])) if ctx.items[q].is_org), None)
                m = ctx.words_at(q + 1, ctx.phrases("round_investor_lists")) if q is not None else 0
                if q is not None and not m and ctx.is_word(q + 1, frozenset({"are", "were", "is", "was"}), False) \
                        and any(ctx.is_word(x, frozenset({"among"}), False) for x in range(idx[0], k)):
                    m = 1  # "Among the investors in X are A and B"
                if q is not None and not m and k <= idx[0] + 3 and any(
                        ctx.items[x].norm in ("من", "ومن") for x in range(idx[0], min(k, idx[0] + 2) + 1)):
                    m = ctx.is_punct(q + 1, ":")  # "ومن أبرز المستثمرين في X: A وB": the list right after X
                    listed = _listed_orgs(ctx, q + 1 + m, idx[-1], people=True)
                else:
                    listed = _listed_orgs(ctx, q + 1 + m, idx[-1], people=True) if m else []
                listed = [i for i in listed if i != ctx.items[q].key]
                if listed:
                    covered.update(range(k, q + 1 + m))
                    frame = DealFrame([s], ctx.items[q].key, kinds={"Investment"})
                    frame.others = {(i, "Investment") for i in listed}
                    frame.parties = set(listed) | {ctx.items[q].key}
                    out.append(frame)
                    break
            if before is None or not after:
                continue
            if backed:
                investee, investors = ctx.items[before].key, after
            else:  # "Alphabet and Nvidia have joined investors to back X": every investor listed
                subject = subject_org(ctx, idx[0], k)
                listed = _listed_orgs(ctx, subject, k - 1) if subject is not None else []
                investee, investors = after[0], listed if ctx.items[before].key in listed else [ctx.items[before].key]
            if not backed:  # "among the backers of xAI, alongside Sequoia Capital and a16z"
                q = next((q for q in range(k + n, min(k + n + 6, idx[-1] + 1)) if ctx.items[q].is_org
                          and ctx.items[q].key == investee), None)
                m = ctx.words_at(q + 1 + ctx.is_punct(q + 1), ctx.phrases("alongside")) if q is not None else 0
                if m:
                    investors = list(investors) + _listed_orgs(ctx, q + 1 + ctx.is_punct(q + 1) + m, idx[-1])
            investors = [i for i in investors if i != investee]
            if not investors:
                continue
            covered.update(range(k, k + n))
            frame = DealFrame([s], investee, kinds={"Investment"})
            frame.others = {(i, "Investment") for i in investors}
            frame.parties = set(investors) | {investee}
            if not backed:  # "حيث ضخت حوالي 10 مليارات دولار": what the investor put in
                frame.amounts = {ctx.items[q].money for q in idx if ctx.items[q].kind == "money"
                                 and not _excluded_amount(ctx, q)}
            out.append(frame)
            if not backed and not m and len(after) > 1 and after[0] == investee:
                # "كانت مستثمرًا مبكرًا في جوجل، يوتيوب، وأبل", "an early investor in A, B and C": one each
                # (a list of names joined by commas and "and" only: not "in A, while B and C will ...")
                first = next(q for q in range(k + n, idx[-1] + 1) if ctx.items[q].is_org and ctx.items[q].key == investee)
                strict, q = [], first
                while q <= idx[-1] and (ctx.items[q].is_org or ctx.is_punct(q) or ctx.is_word(q, frozenset({"and", "و"}), False)):
                    if ctx.items[q].is_org and ctx.items[q].etype != "MediaOutlet":
                        strict.append(ctx.items[q].key)
                    q += 1
                for other in dict.fromkeys(strict[1:]):
                    if other not in investors:
                        more = DealFrame([s], other, kinds={"Investment"})
                        more.others, more.parties = {(i, "Investment") for i in investors}, set(investors) | {other}
                        out.append(more)
            break
    # "NFDG's portfolio includes A, B and C", "وتضم محفظتها A وB": each listed company is an investee of the owner
    holdings = ctx.phrases("investment_portfolio_nouns")
    listing = ctx.phrases("round_investor_lists") + ctx.phrases("including")
    for k in idx:
        it = ctx.items[k]
        if not (it.is_org and it.etype != "MediaOutlet"):
            continue
        j = k + 1
        if ctx.is_punct(j, "'’"):
            j += 1 + ctx.is_word(j + 1, frozenset({"s"}), False)
        n = ctx.words_at(j, holdings)
        if j == k + 1 and ctx.doc.lang != "ar" or not n:
            continue
        m = ctx.words_at(j + n, listing) or ctx.words_at(j + n + ctx.is_punct(j + n), listing)
        if not m:
            continue
        first = j + n + ctx.is_punct(j + n) + m
        for held in _listed_orgs(ctx, first, idx[-1]):
            if held != it.key:
                frame = DealFrame([s], held, kinds={"Investment"})
                frame.others, frame.parties = {(it.key, "Investment")}, {it.key, held}
                out.append(frame)
        covered.update(range(k, first))
    # "Sequoia, which invested $800 million in Twitter, ...", "شركة Sequoia، التي استثمرت 800 مليون دولار في
    # تويتر،": the relative clause's own investment, a deal apart from the sentence's
    for k in idx:
        if not (ctx.is_word(k, invest_verbs, proclitic=False) and ctx.items[k].kind == "tok") or k in covered:
            continue
        r = k - 1
        while r > idx[0] and ctx.is_word(r, aux, False):
            r -= 1
        if not (ctx.is_word(r, ctx.words("relative"), False) and ctx.is_punct(r - 1) and r - 2 >= idx[0]
                and ctx.items[r - 2].is_org and ctx.items[r - 2].etype != "MediaOutlet"):
            continue
        q = next((q for q in range(k + 1, min(k + 6, idx[-1])) if ctx.is_word(q, frozenset({"in", "into", "في"}), False)), None)
        if q is None or not (ctx.items[q + 1].is_org and ctx.items[q + 1].etype != "MediaOutlet") \
                or ctx.items[q + 1].key == ctx.items[r - 2].key:
            continue
        investor, investee = ctx.items[r - 2].key, ctx.items[q + 1].key
        covered.update(range(r, q + 2))
        frame = DealFrame([s], investee, kinds={"Investment"})
        frame.others, frame.parties = {(investor, "Investment")}, {investor, investee}
        frame.amounts = {ctx.items[m].money for m in range(k + 1, q) if ctx.items[m].kind == "money"}
        out.append(frame)
    # "مع استمرار شركتي «A» و«B» كداعمين رئيسين لها": A and B back the sentence's subject ("لها", of it)
    for k in idx:
        if not (ctx.is_word(k, ctx.words("as_backers"), False) and ctx.is_word(
                k + 1 + ctx.is_word(k + 1, ctx.words("backer_adjectives"), False), frozenset({"لها", "له"}), False)):
            continue
        backers, q = [], k - 1
        links = frozenset({"و", "شركتي", "شركات"})
        while q >= idx[0] and (ctx.items[q].is_org or ctx.is_punct(q, ',،"“”«»') or ctx.is_word(q, links, False)):
            if ctx.is_punct(q, "»”"):  # a quoted name and its describing words: «جي 42 للذكاء الاصطناعي»
                opening = next((r for r in range(q - 1, max(idx[0], q - 8) - 1, -1) if ctx.is_punct(r, "«“")), None)
                if opening is not None:
                    backers += [ctx.items[r].key for r in range(opening + 1, q) if ctx.items[r].is_org
                                and ctx.items[r].etype != "MediaOutlet"]
                    q = opening - 1
                    continue
            if ctx.items[q].is_org and ctx.items[q].etype != "MediaOutlet":
                backers.append(ctx.items[q].key)
            q -= 1
        subject = next((ctx.items[r].key for r in idx if r <= q and ctx.items[r].is_org and ctx.items[r].etype != "MediaOutlet"
                        and ctx.items[r].key not in backers), None)
        if backers and subject:
            frame = DealFrame([s], subject, kinds={"Investment"})
            frame.others = {(b, "Investment") for b in backers}
            frame.parties = set(backers) | {subject}
            out.append(frame)
            covered.update(range(q + 1, k + 2))
    # "DeltaMind's investors include A and B", "DeltaMind counts A and B among its investors"
    investor_words = ctx.words("investor_words")
    for q in idx:
        it = ctx.items[q]
        if not (it.is_org and it.etype != "MediaOutlet") or q in covered:
            continue
        listed = []
        if ctx.is_punct(q + 1, "'’") and ctx.is_word(q + 2 + ctx.is_word(q + 2, frozenset({"s"}), False), investor_words):
            w = q + 3 + ctx.is_word(q + 2, frozenset({"s"}), False)
            m = ctx.words_at(w, ctx.phrases("round_investor_lists"))
            listed = _listed_orgs(ctx, w + m, idx[-1], people=True) if m else []
        elif ctx.is_word(q + 1, frozenset({"counts", "count"}), False):
            among = next((r for r in range(q + 2, min(q + 14, idx[-1])) if ctx.is_word(r, frozenset({"among"}), False)
                          and any(ctx.is_word(x, investor_words) for x in range(r + 1, min(r + 4, idx[-1] + 1)))), None)
            listed = _listed_orgs(ctx, q + 2, among - 1, people=True) if among is not None else []
        listed = [o for o in listed if o != it.key]
        if listed:
            frame = DealFrame([s], it.key, kinds={"Investment"})
            frame.others = {(o, "Investment") for o in listed}
            frame.parties = set(listed) | {it.key}
            out.append(frame)
            covered.update(range(q, q + 3))
    absent = _not_investors(ctx, idx)  # "كما أن «جهاز قطر للاستثمار» لم يشارك فيها": named, but took no part
    for frame in out:
        frame.others = {(o, kind) for o, kind in frame.others if o not in absent}
    return [frame for frame in out if frame.others]


def _co_investors(ctx: Context, idx: list[int], first: int, payer: str) -> set[str]:
    """Who puts money in beside the payer, in a later clause of its sentence: "A invested $50 million in
    X, while B contributed $95 million and C put in $5 million", "ضخت A ... في X، فيما استثمرت B 95
    مليون دولار" (the organization and an amount of its own, on the side of the verb its language puts
    the subject)."""
    lengths = ctx.lengths(ctx.phrases("co_invest_verbs"), proclitic=True)
    out: set[str] = set()
    for k in idx:
        n = lengths[k]
        if not n or k <= first:
            continue
        if ctx.items[k].script == "ar":  # verb, subject, amount
            org = k + n + ctx.is_word(k + n, frozenset({"شركه"}), False)
            paid = range(org + 1, min(org + 3, idx[-1] + 1))
        else:  # subject, verb, amount
            org = k - 1 - ctx.is_word(k - 1, frozenset({"also", "reportedly"}), False)
            paid = range(k + n, min(k + n + 3, idx[-1] + 1))
        if org in idx and ctx.items[org].is_org and ctx.items[org].etype != "MediaOutlet" \
                and ctx.items[org].key != payer and any(ctx.items[q].kind == "money" for q in paid):
            out.add(ctx.items[org].key)
    return out


def _listed_orgs(ctx: Context, k: int, last: int, people: bool = False, outlets: bool = False) -> list[str]:
    """The organizations listed from item k: "Microsoft, Amazon and Google", "مجموعة Alibaba وشركة
    Tencent", past a describing word or two ("العملاقة مايكروسوفت") and quotes; with `people`, named
    people too ("Nvidia and Jeff Bezos")."""
    out: list[str] = []
    gap = 0
    units = ctx.words("unit_nouns")
    arm = -1  # "Nvidia's venture arm NVentures": the arm is listed, not its owner
    for q in range(k, min(last + 1, k + 20)):
        it = ctx.items[q]
        if q <= arm:
            continue
        if it.is_org and ctx.is_punct(q + 1, "'’") and ctx.is_word(q + 2, frozenset({"s"}), False):
            unit = next((u for u in range(q + 3, min(q + 6, last)) if ctx.is_word(u, units, False)), None)
            if unit is not None and unit + 1 < len(ctx.items) and ctx.items[unit + 1].is_org and all(
                    ctx.items[u].kind == "tok" and ctx.items[u].script == "latin" for u in range(q + 3, unit)):
                arm = unit
                continue
        if people and it.is_person:
            key = ctx.person(q)
            if key and key not in out:
                out.append(key)
            gap = 0
        elif it.is_org and (outlets or it.etype != "MediaOutlet"):
            if it.key not in out:
                out.append(it.key)
            gap = 0
            nxt = ctx.items[q + 1] if q + 1 <= last else None
            if nxt is not None and nxt.kind == "tok" and nxt.script == "ar" and not nxt.norm.startswith("و") \
                    and not (ctx.is_punct(q, "") or any(ctx.is_punct(q + r, "»”\"") for r in (2, 3))):
                break  # "مايكروسوفت أو شركة ...": the list ends where no link follows (not inside «فيديليتي للأبحاث»)
        elif ctx.is_word(q, frozenset({"or", "أو", "او"}), False):
            break
        elif ctx.is_punct(q, ",،\"“”«»()*") or ctx.is_word(q, frozenset({"and", "و"}), False):
            continue
        elif it.kind == "tok" and it.script != "punct" and gap < 2:
            gap += 1
        else:
            break
    return out


def _absorb(target: DealFrame, f: DealFrame) -> None:
    target.sentences += f.sentences
    target.others |= f.others
    target.parties |= f.parties
    target.hires |= f.hires
    target.backers |= f.backers
    target.amounts |= f.amounts
    target.reporters |= f.reporters
    if f.payer and f.kinds and not target.kinds:
        target.payer = f.payer  # "صفقة بين ريديت وأوبن إيه آي" then who licenses what: the typed deal's payer
    target.payer = target.payer or f.payer
    target.kinds |= f.kinds
    target.tentative |= f.tentative
    target.worded = target.worded or f.worded
    target.status = _stronger(target.status, f.status)
    target.denies = target.denies or f.denies


def _round(ctx: Context, s: int, previous: DealFrame | None) -> DealFrame | None:
    """A funding round: "Halcyon raised $500 million in a Series C round led by Lightspeed, with
    participation from Nvidia", "جمعت نوفا 500 مليون ريال في جولة تمويل بقيادة سنابل وبمشاركة STV".
    The company raising is the investee (`payer` here); the leads and participants are investors.
    A later sentence ("Lightspeed led the round") adds investors to the round before it."""
    idx = list(ctx.sentence_items(s))
    if not idx:
        return None
    rounds = _found(ctx, idx, "round_nouns")
    # "The investment, led by A, values X at ...": an investment someone leads is a round
    rounds += [k for k in ctx.where(ctx.words("investment_nouns"), False, within=idx) if k not in rounds
               and ctx.is_word(k + 1 + ctx.is_punct(k + 1), frozenset({"led", "co-led"}), False)
               and ctx.is_word(k + 2 + ctx.is_punct(k + 1), frozenset({"by"}), False)]
    rounds.sort()
    raises = _found(ctx, idx, "raise_verbs")
    led = _found(ctx, idx, "round_led")
    # "SoftBank led the $40 billion funding round": the verb, then the round a few words on
    led += [k for k in idx if (ctx.is_word(k, frozenset({"led", "co-led", "leads", "leading"}), False)
                               or ctx.items[k].norm in ("lead", "co-lead"))  # ("lead" reads as a title too)
            and k not in led
            and not ctx.is_word(k + 1, frozenset({"by"}), False)
            and any(q in rounds for q in range(k + 1, min(k + 7, idx[-1] + 1)))]
    lengths = ctx.lengths(ctx.phrases("round_leads"), proclitic=True)
    leads = [(k, lengths[k]) for k in idx]
    if ctx.where(ctx.words("investor_words"), within=idx):  # "investors ... include X, Y and Z"
        lengths = ctx.lengths(ctx.phrases("round_investor_lists"), proclitic=True)
        leads += [(k, lengths[k]) for k in idx]
    leads = [(k, n) for k, n in leads if n]
    money = [ctx.items[k].money for k in idx if ctx.items[k].kind == "money" and not _excluded_amount(ctx, k)]
    # (the sentence right after the round's; or one of the two after it, in the same paragraph, when it
    # says more than "led": "The company said ... . Existing investors A and B also participated.")
    gap = s - max(previous.sentences) if previous is not None else 0
    follow = [k for k in idx if ctx.words_at(k, ctx.phrases("round_followup"), proclitic=True)]
    if not follow and ctx.where(ctx.words("investor_words"), within=idx):
        # "Investors in the venture include A, B and C": the investors, then their list
        follow = [k for k in idx if ctx.words_at(k, ctx.phrases("round_investor_lists"), proclitic=True)]
    if gap > 1 and (gap > 3 or "\n" in ctx.doc.text[ctx.doc.sentences[max(previous.sentences)][1]:ctx.doc.sentences[s][0]]
                    or all(ctx.is_word(k, frozenset({"led", "co-led", "قادت", "قاد"})) for k in follow)):
        follow = []
    anaphoric = all(ctx.is_word(k - 1, frozenset({"the", "this"}), False) or ctx.items[k].norm.startswith("ال")
                    for k in rounds)  # "The round drew A and B": the round named before
    again = not rounds or anaphoric and not money and not leads and not led
    if again and not raises and previous is not None and gap >= 1 and follow:
        # "General Catalyst led, joined by Nvidia and Salesforce Ventures.", "Existing investors Nvidia
        # and Oracle also took part.": the round of the sentence before gains its investors
        orgs = {ctx.items[k].key for k in idx if ctx.items[k].is_org and ctx.items[k].etype != "MediaOutlet"
                and not ctx.is_punct(k + 1, "'’")} - {previous.payer} - _not_investors(ctx, idx)
        if orgs:
            frame = DealFrame([s], previous.payer, kinds={"Investment"})
            frame.others = {(o, "Investment") for o in orgs}
            frame.parties = orgs | {previous.payer}
            frame.reporters = _reporters(ctx, idx)
            return frame
    # "Anthropic raised $4 billion from Amazon", "جمعت X 115 مليون دولار من مستثمرين بينهم ...": a
    # raise of money is a round even when the sentence says no "round"
    raised = [k for k in raises if ctx.is_word(k, ctx.words("raise_money_verbs")) and any(
        ctx.items[q].kind == "money" for q in range(k + 1, min(k + 5, idx[-1] + 1)))
        and not any(ctx.is_word(q, frozenset({"to", "its", "إلى", "توقعاتها"}), False)
                    for q in range(k + 1, min(k + 3, idx[-1] + 1)))]
    # (money raised right after the verb: "raised $4 billion", "جمعت X 115 مليون دولار"; not "raised its guidance to $20 billion")
    # ("Index Ventures also took part in the round": the round named before, however far back)
    if not (rounds or raised and money) or not (raises or money or led or leads or previous and _participants(ctx, idx)):
        return None
    investors: set[str] = set()
    side: list[DealFrame] = []
    units = ctx.words("unit_nouns")
    leading = ctx.words("round_lead_verbs")
    for k, n in leads:  # "led by X", "with participation from X, Y and Z", "بقيادة X"
        clause_of, clause_at = None, 0  # the investor a describing clause is about: "X, known for investing in ... Y,"
        # people invest too ("with participation from Elad Gil and Nat Friedman"), but "led by NAME" is
        # as often the company's own leader
        people = not ctx.is_word(k, leading)
        for q in range(k + n, idx[-1] + 1):
            it = ctx.items[q]
            if people and it.is_person and not ctx.is_punct(q + 1, "'’") and ctx.items[q - 1].kind != "title":
                investors.add(it.key)
                continue
            if ctx.is_word(q, units):
                if q + 1 < len(ctx.items) and ctx.items[q + 1].is_org \
                        and any(ctx.is_punct(r, "'’") for r in range(max(k + n, q - 3), q)):
                    continue  # "and Nvidia's venture arm NVentures": the arm, named next, is
                break  # "سنابل، الذراع الاستثمارية لصندوق ...": the parent is not an investor
            if ctx.is_punct(q) and clause_of is not None:
                clause_of = None  # the clause ends at its comma; the list goes on
            elif ctx.is_punct(q) and ctx.items[q - 1].is_org and ctx.items[q + 1].kind == "tok" and (
                    ctx.is_word(q + 1, ctx.words("relative"), False) or ctx.items[q + 1].script == "latin"
                    and ctx.items[q + 1].norm.isalpha()
                    and not ctx.is_word(q + 1, frozenset({"and", "with", "as", "along", "plus"}), False)):
                clause_of, clause_at = ctx.items[q - 1].key, q  # "Lux Capital, known for ...", "Khosla Ventures, which was ..."
            if it.is_org and it.etype != "MediaOutlet" and clause_of is not None:
                if it.key != clause_of and any(ctx.is_word(r, ctx.words("investing_clause_words"))
                                               for r in range(clause_at, q)):
                    extra = DealFrame([s], it.key, kinds={"Investment"})  # the investor's earlier investment
                    extra.others, extra.parties = {(clause_of, "Investment")}, {clause_of, it.key}
                    side.append(extra)
            elif it.is_org and it.etype != "MediaOutlet" and not ctx.is_punct(q + 1, "'’"):
                investors.add(it.key)
            elif it.kind == "tok" and it.script != "punct" and not ctx.is_word(q, frozenset({"and", "و", "existing", "investor",
                                                                                                 "investors", "شركة", "its"})):
                if q - (k + n) > 12 and (clause_of is None or q - clause_at > 12):
                    break
    investors.update(_participants(ctx, idx))
    for q in idx:  # "حصلت X على تمويل بقيمة 80 مليون دولار من A وB": who the amount came from
        if ctx.items[q].kind == "money" and ctx.doc.lang == "ar" and ctx.is_word(q + 1, frozenset({"من"}), False):
            investors.update(_listed_orgs(ctx, q + 2, idx[-1]))
    for k in idx:  # "named Suning and Temasek as other backers": the organizations listed before "as ... backers"
        if ctx.is_word(k, frozenset({"as"}), False) and any(ctx.is_word(q, ctx.words("investor_words"))
                                                             for q in range(k + 1, min(k + 4, idx[-1] + 1))):
            q = k - 1
            while q >= idx[0] and (ctx.items[q].is_org or ctx.is_punct(q) or ctx.is_word(q, frozenset({"and"}), False)
                                   or ctx.items[q].kind == "tok" and ctx.items[q].script == "latin"
                                   and ctx.items[q].norm.islower()
                                   and k - q <= 4 and not ctx.items[q - 1].is_org):
                if ctx.items[q].is_org and ctx.items[q].etype != "MediaOutlet":
                    investors.add(ctx.items[q].key)
                q -= 1
    aux = frozenset({"is", "was", "are", "were", "expected", "set", "to", "will", "would", "plans", "poised", "likely",
                     "reportedly", "also", "could", "may"})
    for k in led:  # "Lightspeed Venture Partners led the round", "IVP is expected to lead the round"
        reach = k - 1
        while reach > idx[0] and k - reach <= 4 and ctx.is_word(reach, aux, False):
            reach -= 1
        subject = next((q for q in range(k - 1, max(idx[0], min(k - 3, reach)) - 1, -1) if ctx.items[q].is_org), None)
        first_org = subject_org(ctx, idx[0], k) if subject is not None else None
        if first_org is not None and first_org < subject:  # "Fidelity and Lightspeed co-led the round"
            listed = _listed_orgs(ctx, first_org, k - 1)
            if ctx.items[subject].key in listed:
                investors.update(listed)
        if subject is None and ctx.items[k].script == "ar":  # "وقاد الجولة صندوق X": the verb first
            n = ctx.words_at(k, ctx.phrases("round_led"), proclitic=True)
            subject = next((q for q in range(k + n, min(k + n + 3, idx[-1] + 1)) if ctx.items[q].is_org
                            and ctx.items[q].etype != "MediaOutlet"), None)
            if subject is None and ctx.is_word(k + n, frozenset({"المجموعه", "الشركه"}), False):
                # "قادت المجموعة جولة تمويل": the group the passage is about
                from kg.extractors.positions import _salient_company
                group = _salient_company(ctx, k)
                if group:
                    investors.add(group)
        if subject is not None:
            investors.add(ctx.items[subject].key)
    first = min(raises + rounds)
    investee_i = subject_org(ctx, idx[0], first + 1) if raises else None
    if raises and ctx.doc.lang == "ar" and ctx.is_word(raises[0] - 1, ctx.words("relative"), False):
        # "جولة التمويل التي جمعت فيها X 50 مليون دولار": the relative clause's own subject, after its verb
        q = raises[0] + 1 + ctx.is_word(raises[0] + 1, frozenset({"فيها", "فيه"}), False)
        if q <= idx[-1] and ctx.items[q].is_org and ctx.items[q].etype != "MediaOutlet":
            investee_i = q
    if investee_i is None and raises and ctx.doc.lang == "ar":  # "وجمعت شركة X ..." / "وجمعت الشركة الناشئة"
        investee_i = next((q for q in range(raises[0] + 1, min(raises[0] + 4, idx[-1] + 1)) if ctx.items[q].is_org), None)
    if investee_i is None and raises and any(ctx.refers_to_person(q) for q in range(idx[0], raises[0])):
        # "Ilya Sutskever has raised $1 billion for his new venture, Safe Superintelligence": a founder
        # raises for the company named after "for"
        f = next((q for q in range(raises[0] + 1, min(raises[0] + 10, idx[-1]))
                  if ctx.is_word(q, frozenset({"for", "لصالح"}), False)), None)
        investee_i = next((q for q in range(f + 1, min(f + 9, idx[-1] + 1)) if ctx.items[q].is_org
                           and ctx.items[q].etype != "MediaOutlet"), None) if f is not None else None
        if investee_i is not None and any(ctx.items[q].kind in ("ent", "money") or ctx.is_word(q, frozenset({"and", "و"}), False)
                                          for q in range(f + 1, investee_i)):
            investee_i = None  # (only the company's description between: "for his new AI venture, X")
    investee = ctx.items[investee_i].key if investee_i is not None else (
        _anaphor_before(ctx, idx[0], first + (4 if ctx.doc.lang == "ar" else 0)) if raises else None)
    joined = None if raises else _joined_round(ctx, idx, rounds[0])
    if investee is None and joined is not None:
        investee, joiners = joined
        investors |= joiners
    if investee is None and rounds:
        # "The round, which values Orbitly at $2 billion, was co-led by ...", "valuing Orbitly at": what the round values
        # "جولة تمويلية قيمت شركة X عند 300 مليار دولار": the verb, the company, then what it is worth
        for q in idx[:-2]:
            r = q + 1 + ctx.is_word(q + 1, frozenset({"شركه", "الشركه"}), False)
            if ctx.is_word(q, ctx.words("valuing_verbs"), False) and r < idx[-1] and ctx.items[r].is_org \
                    and ctx.items[r].etype != "MediaOutlet" and (ctx.is_word(r + 1, frozenset({"at", "عند", "بنحو"}), False)
                                                                 or ctx.items[r + 1].kind == "money"):
                investee = ctx.items[r].key
                break
            if ctx.is_word(q, ctx.words("valuing_verbs"), False) and ctx.items[q].script == "ar" \
                    and ctx.is_word(q + 1, frozenset({"الشركه"}), False) \
                    and ctx.is_word(q + 2, frozenset({"عند", "بنحو"}), False):
                from kg.extractors.positions import _salient_company

                investee = _salient_company(ctx, q)  # "جولة قيمت الشركة عند ...": the company the passage is about
                break
    if investee is None and rounds:  # "ما رفع تقييم شركة X إلى ملياري دولار": the company the round values
        for q in idx[:-1]:
            r = q + 1 + ctx.is_word(q + 1, frozenset({"شركه"}), False)
            if ctx.is_word(q, ctx.words("valuing_nouns")) and r <= idx[-1] and ctx.items[r].is_org \
                    and ctx.items[r].etype != "MediaOutlet" and ctx.items[r].key not in investors:
                investee = ctx.items[r].key
                break
    if investee is None and rounds and not raises:
        # "after Mistral AI, which was valued at €11.7 billion following a €1.7 billion round led by ASML":
        # the organization the relative clause holding the round describes
        r = rounds[-1]
        rel = next((q for q in range(r - 1, max(idx[0], r - 14) - 1, -1) if ctx.is_word(q, ctx.words("relative"), False)
                    and ctx.is_punct(q - 1) and ctx.items[q - 2].is_org), None)
        if rel is not None and not any(ctx.items[q].is_org for q in range(rel, r)) and any(k > r for k, _ in leads):
            investee = ctx.items[rel - 2].key
    if investee is None and rounds:
        # "قادت سوفت بنك جولة التمويل البالغة 40 مليار دولار في أوبن إيه آي", "led the round in X"; the
        # round's series and amounts in parentheses between ("جولة من الفئة (C) بقيمة 420 مليار وون (نحو
        # 305 ملايين دولار) في شركة X") count for nothing
        bracketed = sum(ctx.is_punct(q, "()") for q in range(rounds[0] + 1, min(rounds[0] + 20, idx[-1])))
        for q in range(rounds[0] + 1, min(rounds[0] + 9 + 3 * min(bracketed, 4), idx[-1])):
            r = q + 1
            while r < idx[-1] and r - q <= 2 and (ctx.is_punct(r, '"“”«»') or ctx.is_word(r, frozenset({"شركه"}), False)):
                r += 1  # "في شركة "مونشوت إيه آي""
            if ctx.is_word(q, frozenset({"في", "in", "لشركه", "into"}), False) and ctx.items[r].is_org \
                    and ctx.items[r].etype != "MediaOutlet" and ctx.items[r].key not in investors:
                investee = ctx.items[r].key
                # "... في شركة X (X) مع شركة Y": Y invests alongside the leader
                m = r + 1
                while m <= idx[-1] and m - r <= 4 and (ctx.is_punct(m, '"“”«»()')
                                                       or ctx.items[m].is_org and ctx.items[m].key == investee):
                    m += 1
                if ctx.is_word(m, frozenset({"مع", "with", "alongside"}), False):
                    investors.update(o for o in _listed_orgs(ctx, m + 1, idx[-1]) if o != investee)
                break
            if ctx.is_punct(q, ",،.;") or ctx.words_at(q, ctx.phrases("round_leads"), proclitic=True):
                break
    if investee is None and rounds and not raises:
        # "سبق أن استثمرت «إنفيديا» في «إنفابريكا» ضمن جولة تمويل ...", "Nvidia invested in Enfabrica
        # as part of a Series B round led by X": the investing verb names an investor and, after
        # in/في, the company the round is for
        verb = next((k for k in _found(ctx, idx, "invest_words") if k < rounds[0]), None)
        for q in range(verb + 1, rounds[0]) if verb is not None else ():
            r = q + 1
            while r < rounds[0] and (ctx.is_punct(r, '"“”«»') or ctx.is_word(r, frozenset({"شركه"}), False)):
                r += 1
            if ctx.is_word(q, frozenset({"في", "in"}), False) and ctx.items[r].is_org and ctx.items[r].etype != "MediaOutlet":
                investee = ctx.items[r].key
                investors.update(ctx.items[m].key for m in range(max(idx[0], verb - 3), q)
                                 if ctx.items[m].is_org and ctx.items[m].etype != "MediaOutlet")
                break
    if investee is None and rounds:
        # "Nvidia took part in Kestrel's $200 million Series B", "A led Orbitly's seed round": the round's
        # owner before it, the investors before the verb
        owner = next((k for k in range(rounds[0] - 1, max(idx[0], rounds[0] - 6) - 1, -1)
                      if ctx.items[k].is_org and ctx.items[k].etype != "MediaOutlet" and ctx.is_punct(k + 1, "'’")), None)
        verbs = ctx.words("round_join_verbs") | ctx.words("invest_words") | frozenset({"led", "co-led", "took"})
        verb = next((k for k in range(owner - 1, idx[0] - 1, -1) if ctx.is_word(k, verbs, False)), None) \
            if owner is not None else None
        backers = {ctx.items[k].key for k in range(idx[0], verb) if ctx.items[k].is_org
                   and ctx.items[k].etype != "MediaOutlet"} if verb is not None else set()
        if owner is not None and backers - {ctx.items[owner].key}:
            investee = ctx.items[owner].key
            investors.update(backers)
    if investee is None and not raises and leads and rounds:
        # "Mistral AI, valued at €11.7 billion after a €1.7 billion round led by ASML": the subject
        q = subject_org(ctx, idx[0], rounds[0])
        investee = ctx.items[q].key if q is not None and ctx.items[q].key not in investors else None
    if investee is None and raises and ctx.items[raises[0]].script == "ar" and ctx.is_punct(raises[0] + 1, '"“«'):
        return None  # "جمعت «NAME» ...": a subject we cannot read, not the company of the round before
    investee = investee or (previous.payer if previous else None)
    if investee is None:
        return None
    joins = [k for k in idx if k < rounds[0] and ctx.is_word(k, ctx.words("round_join_verbs"))] if raises and rounds else []
    if joins:  # "وانضمت A وB إلى جولة التمويل التي جمعت فيها X ...": who joined the round X raised
        investors.update(ctx.items[q].key for q in range(max(idx[0], joins[0] - 4), min(joins[0] + 5, rounds[0]))
                         if ctx.items[q].is_org and ctx.items[q].etype != "MediaOutlet")
    which = frozenset({"which", "that"})
    for k in idx:  # "A led the round, which also included B and C": the round's other investors
        if ctx.is_word(k, frozenset({"included", "include", "includes"}), False) and (
                ctx.is_word(k - 1, which, False) or ctx.is_word(k - 1, frozenset({"also"}), False)
                and ctx.is_word(k - 2, which, False)):
            investors.update(_listed_orgs(ctx, k + 1, idx[-1]))
    investors.discard(investee)
    investors -= _not_investors(ctx, idx)
    frame = DealFrame([s], investee, kinds={"Investment"})
    frame.others = {(i, "Investment") for i in investors}
    frame.parties = investors | {investee}
    frame.amounts = set(money) if raises or joined else set()
    if not frame.amounts:  # "would lead a $40 billion round in X", "جولة تمويل بقيمة 40 مليار دولار": the round's size
        # (past a series in parentheses: "جولة تمويل من الفئة (C) بقيمة ...")
        frame.amounts = {ctx.items[c].money for r in rounds
                         for q in range(max(idx[0], r - 3), min(idx[-1] + 1, r + 5 + 3 * _series_in_brackets(ctx, r)))
                         if ctx.items[q].kind == "money" and not _excluded_amount(ctx, q)
                         and not any(ctx.is_punct(m, ",،") for m in range(min(q, r), max(q, r)))
                         and not any(ctx.is_word(m, ctx.words("valuation_words"), False) for m in range(max(idx[0], q - 3), q))
                         for c in (q, *_conversion(ctx, q, idx[-1]))}
    frame.reporters = _reporters(ctx, idx)
    frame.side = side
    if any(ctx.hedged(q) for q in range(idx[0], first)):
        frame.status = "planned"
    return frame


def _unplaced_round(ctx: Context, s: int) -> bool:
    """A sentence about a round's leaders or participants ("The funding was led by A, with B also
    participating", "وقادت شركة A جولة التمويل بمشاركة B") that names no company raising it and no
    round before it: nothing in it says who is funded, so no deal is read from it."""
    idx = list(ctx.sentence_items(s))
    if not idx or not _found(ctx, idx, "round_nouns"):
        return False
    if _found(ctx, idx, "raise_verbs") or _found(ctx, idx, "acquire_words") or _found(ctx, idx, "license_words"):
        return False
    if any(ctx.is_word(k, frozenset({"in", "into", "في", "لشركه", "of"}), False) for k in idx):
        return False  # "led the round in X", "جولة تمويل في X": the company may be named
    leads = _found(ctx, idx, "round_leads") + _found(ctx, idx, "round_led") + _found(ctx, idx, "round_participation")
    return bool(leads)


def _participants(ctx: Context, idx: list[int]) -> set[str]:
    """The organizations a sentence says took part in the round: listed before the verb in English
    ("and Microsoft, Nvidia and SoftBank participated", "with A and B also participating"), after it
    in Arabic ("وشارك في الجولة كل من A وB")."""
    out: set[str] = set()
    lengths = ctx.lengths(ctx.phrases("round_participation"), proclitic=True)
    links = frozenset({"and", "also", "all", "both", "و", "كل", "من", "ايضا", "أيضا"})
    for k in idx:
        n = lengths[k]
        if not n:
            continue
        if ctx.items[k].script == "ar":
            q = k + n
            while q <= idx[-1] and q - (k + n) <= 3 and not ctx.items[q].is_org and ctx.is_word(q, links, False):
                q += 1
            out.update(o for o in _listed_orgs(ctx, q, idx[-1]) if o)
            continue
        q, found = k - 1, []
        while q >= idx[0] and (ctx.items[q].is_org and ctx.items[q].etype != "MediaOutlet" or ctx.is_punct(q, ",")
                               or ctx.is_word(q, links, False)):
            if ctx.items[q].is_org:
                found.append(ctx.items[q].key)
            q -= 1
        out.update(found)
    return out


def _not_investors(ctx: Context, idx: list[int]) -> set[str]:
    """Organizations the sentence says took no part: "«جهاز قطر للاستثمار» لم يشارك فيها", "ليست «سوفت بنك»
    من بين المستثمرين", "X did not take part": a negation right after the name (or right before it)."""
    out = set()
    taking_part = ctx.words("taking_part_words")
    for q in idx:
        it = ctx.items[q]
        if not it.is_org:
            continue
        r = q + 1
        while r <= idx[-1] and r - q <= 2 and ctx.is_punct(r, '"“”«»'):
            r += 1
        # (a negation of taking part, not of anything else: "«سنابل» لم تكشف عن حجم استثمارها" still invested)
        if any(ctx.negates(m) and ctx.is_word(m + 1 + ctx.is_word(m + 1, frozenset({"also", "ايضا"}), False), taking_part)
               for m in range(r, min(r + 2, idx[-1] + 1))) or any(
                ctx.is_word(b, frozenset({"ليست", "وليست", "ليس", "وليس"}), False) for b in range(max(idx[0], q - 3), q)):
            out.add(it.key)
    return out


def _joined_round(ctx: Context, idx: list[int], r: int) -> tuple[str, set[str]] | None:
    """"انضم صندوق X إلى جولة تمويل لشركة Y", "X joined Y's funding round": (Y, {X})."""
    verbs = [k for k in idx if k < r and ctx.is_word(k, ctx.words("round_join_verbs"))]
    if not verbs:
        return None
    n = ctx.words_at(r, ctx.phrases("round_nouns"), proclitic=True)
    investee = None
    for q in range(r + n, min(r + n + 4, idx[-1] + 1)):  # "جولة تمويل لشركة Y", "round of Y"
        it = ctx.items[q]
        if it.is_org and it.etype != "MediaOutlet":
            investee = it.key
            break
        adjective = it.kind == "tok" and (it.norm.startswith("ال") or it.script == "latin" and it.norm.islower())
        if not (ctx.is_word(q, ctx.words("round_of_links")) or adjective):  # "جولة التمويل الأخيرة لشركة Y"
            break
    b = r - 1  # "Y's funding round", "Y's latest round"
    while b > idx[0] and ctx.items[b].kind == "tok" and ctx.items[b].script == "latin" and ctx.items[b].norm.islower() \
            and b > r - 3:
        b -= 1
    if investee is None and ctx.is_word(b, frozenset({"s"}), False) and ctx.is_punct(b - 1, "'’") \
            and ctx.items[b - 2].is_org:
        investee = ctx.items[b - 2].key
    if investee is None:
        return None
    joiners = {ctx.items[q].key for q in range(max(idx[0], verbs[0] - 4), min(verbs[0] + 5, r))
               if ctx.items[q].is_org and ctx.items[q].etype != "MediaOutlet" and ctx.items[q].key != investee}
    return (investee, joiners) if joiners else None


def _emit_round(ctx: Context, f: DealFrame) -> None:
    roles = {("investee", f.payer), ("party", f.payer)}
    for org, _ in f.others:
        roles |= {("investor", org), ("party", org)}
    if len(roles) < 3 and not f.amounts:
        return
    evidence = tuple(ctx.doc.span(*ctx.doc.sentences[s]) for s in sorted(set(f.sentences)))
    ctx.out.deals.append(Deal(("Investment",), tuple(sorted(roles)), tuple(sorted(f.amounts)),
                              tuple(sorted(f.reporters)), evidence, f.status or ("reported" if f.reporters else None),
                              Decimal("0.8"), ctx.rule))


def _stronger(a: str | None, b: str | None) -> str | None:
    """A deal planned anywhere in the article stays planned; otherwise reported beats nothing."""
    order = {None: 0, "reported": 1, "planned": 2}
    return a if order[a] >= order[b] else b


def _apart(a: DealFrame, b: DealFrame, denied: set[tuple[str, str]]) -> bool:
    """"X acquired Y" and "X had tried to buy Z, but the deal fell through": a deal that came off and
    an attempt that did not, with no counterparty in common, are two deals."""
    def failed(f: DealFrame) -> bool:
        return f.denies or any((f.payer, o) in denied for o in f.parties)
    counter_a, counter_b = a.parties - {a.payer}, b.parties - {b.payer}
    return a.payer is not None and a.payer == b.payer and failed(a) != failed(b) and bool(counter_a) \
        and bool(counter_b) and not counter_a & counter_b


def _same_deal(a: DealFrame, b: DealFrame) -> bool:
    """Frames of one article are one deal when they share the paying party, or when every
    organization of the later frame already takes part in the earlier one; never two acquisitions
    of different targets ("the acquisition of Run:ai", "Deci, being acquired by Nvidia")."""
    targets_a = {o for o, kind in a.others if kind in ("Acquisition", "AcquiHire")}
    targets_b = {o for o, kind in b.others if kind in ("Acquisition", "AcquiHire")}
    if targets_a and targets_b and not targets_a & targets_b:
        return False
    invested_a = {o for o, kind in a.others if kind == "Investment"}
    invested_b = {o for o, kind in b.others if kind == "Investment"}
    if a.payer == b.payer and invested_a and invested_b and not invested_a & invested_b:
        return False  # "Microsoft invests in Mistral" ... "its $13 billion investment in OpenAI": two investments
    others_a = {o for o, _ in a.others} | a.backers
    others_b = {o for o, _ in b.others} | b.backers
    if others_a and others_b and a.kinds and b.kinds and not a.kinds & b.kinds and not others_a & others_b:
        return False  # "G42 acquires Basira" and "G42 is backed by Microsoft's investment": two deals
    if a.payer and a.payer == b.payer:
        return True
    return bool(b.parties) and b.parties <= a.parties | ({a.payer} if a.payer else set())


def _owned(ctx: Context, q: int, first: int) -> bool:
    """Is the noun at item Q owned: "its", "their", or a name's "'s" at most an amount before it?"""
    r = q - 1 - (q - 1 >= first and ctx.items[q - 1].kind == "money")
    if r >= first and ctx.is_word(r, frozenset({"its", "their", "his", "her"}), False):
        return True
    return r - 1 >= first and ctx.is_word(r, frozenset({"s"}), False) and ctx.is_word(r - 1, frozenset({"'", "’"}), False)


def _denied_by_next(ctx: Context, s: int) -> bool:
    """The sentence after S opens by denying what S says: "Mercer denied that.", "ونفت الشركة ذلك.": a
    denial verb among its first words, and a word for "that" or "the report" a few words on that ends
    the sentence or a clause."""
    if s + 1 >= len(ctx.doc.sentences):
        return False
    idx = list(ctx.sentence_items(s + 1))
    if not idx:
        return False
    return any(_denies_that(ctx, q, idx[-1]) for q in idx[:6])


def _denies_that(ctx: Context, q: int, last: int) -> bool:
    """A denial verb at item Q whose object, a few words on, is "that", "it" or "the report" ending a
    clause ("Mercer denied that.", "نفى ذلك، قائلا"), not a clause of its own ("denied that it paid $2
    billion"). LAST: the sentence's last item."""
    n = ctx.lengths(ctx.phrases("denial_verbs"), proclitic=True)[q]
    if not n:
        return False
    anaphors = ctx.lengths(ctx.phrases("denied_anaphors"), proclitic=True)
    for r in range(q + n, min(q + n + 4, last + 1)):
        if anaphors[r] and (r + anaphors[r] > last or ctx.is_punct(r + anaphors[r], ",.،;:")):
            return True
    return False


def _frame(ctx: Context, s: int, denied: set[tuple[str, str]], covered: set[int] = frozenset()) -> DealFrame | None:
    start, end = ctx.doc.sentences[s]
    idx = list(ctx.sentence_items(s))
    if not idx:
        return None

    def found(name: str) -> list[int]:
        return _found(ctx, idx, name)

    def negated(k: int) -> bool:
        return any(ctx.negates(q) for q in range(max(idx[0], k - 3), k))

    leads = ctx.lengths(ctx.phrases("denial_lead"), proclitic=True)
    # "tried to acquire X ... but the deal fell through", "حاولت الاستحواذ على X ... لكن الصفقة لم
    # تكتمل": an attempt that the same sentence says did not come off
    attempts = ctx.lengths(ctx.phrases("attempt_lead"), proclitic=True) if found("fell_through") else None
    if attempts is not None:  # "AMD's $1 billion bid to buy X collapsed", "its plan to acquire X fell apart": an
        # attempt someone owns (not "X confirmed plans to acquire Y days after Z's attempt fell through")
        nouns = ctx.lengths(ctx.phrases("attempt_noun_lead"), proclitic=True)
        attempts = [n if n else nouns[q] if nouns[q] and _owned(ctx, q, idx[0]) else 0 for q, n in enumerate(attempts)]

    # "had tried to acquire X", "had explored buying X", "ناقشوا داخليا إمكانية الاستحواذ على X": an attempt
    # told in the past is one that did not come off (else the article would say it bought X)
    past_attempts = ctx.lengths(ctx.phrases("past_attempt_lead"), proclitic=True)
    hypothetical = ctx.lengths(ctx.phrases("hypothetical_leads"), proclitic=True)
    rejects = _found(ctx, idx, "reject_words")
    offers_near = ctx.words("offer_nouns")
    # "X denied a report that it had agreed to acquire Y", "نفت X ما أفادت به صحيفة ... عن مفاوضات لشراء Y"
    disowned = _found(ctx, idx, "denial_verbs")
    contrasts = _found(ctx, idx, "contrast_words")
    # what denies a deal after a "but": "denied it", "not for sale", "لم تدخل في أي مفاوضات" (no talks)
    talk_nouns = ctx.words("talk_nouns")
    cues = [q for q in disowned if _denies_that(ctx, q, idx[-1])] + found("not_for_sale")
    cues += [q for q in idx if ctx.negates(q) and any(ctx.is_word(r, talk_nouns, proclitic=True)
                                                      for r in range(q + 1, min(q + 5, idx[-1] + 1)))]
    denied_next = _denied_by_next(ctx, s)
    blocks, withdraws = _found(ctx, idx, "block_verbs"), _found(ctx, idx, "withdraw_verbs")
    talks = frozenset({"in", "talks", "discussions", "negotiations", "to", "any", "currently", "planning", "plans",
                       "في", "محادثات", "مفاوضات", "مباحثات", "اي", "أي"})

    def denied_acquisition(k: int) -> bool:
        """"لم تكن هذه العملية استحواذا", "rather than acquiring", "لو قامت بشراء" (had it bought); an offer
        the sentence says was turned down ("رفضت شركة X ... عرض استحواذ من ميتا", "X rejected Meta's takeover offer")."""
        if any(q < k for q in rejects) and any(ctx.is_word(r, offers_near, False) for r in range(max(idx[0], k - 3), k + 4)):
            return True
        if any(q < k and k - q <= 20 for q in disowned):
            return True
        # "... held talks to buy Y, but a spokesman denied it", "أجرت محادثات لشراء Y، إلا أن متحدثا نفى ذلك": a
        # denial after a "but" that no later deal word of the sentence takes
        if any(q > k and any(k < c < q for c in contrasts) and not any(a > q for a in acquires) for q in cues):
            return True
        if denied_next:  # "Nebius was in talks to acquire Halcyon. Mercer denied that."
            return True
        if any(past_attempts[q] and q + past_attempts[q] >= k - 2 for q in range(max(idx[0], k - 4), k)):
            return True
        # "If Oracle bought a company like Nebula tomorrow": a purchase in the past tense after "if" is imagined
        # (not "if the acquisition goes ahead", a condition on a deal the article reports)
        if ctx.words_at(k, ctx.phrases("past_acquire_verbs"), proclitic=False) and any(
                hypothetical[q] for q in range(max(idx[0], k - 4), k)):
            return True
        # "أوقفت الهيئة العامة للمنافسة صفقة استحواذ X على Y", "regulators blocked the deal to buy Y": a deal
        # blocked, the deal noun or the acquisition noun itself ("blocked X's proposed £3.1bn takeover of Y")
        if any(q < k and k - q <= 14 for q in blocks) and (
                ctx.is_word(k, ctx.words("acquisition_nouns"), True)
                or any(ctx.is_word(r, ctx.words("deal_nouns"), True) for r in range(max(idx[0], k - 3), k))):
            return True
        # "انسحبت X من المفاوضات الجارية للاستحواذ على Y": talks left; "سحبت X عرضها البالغ 2.8 مليار يورو للاستحواذ
        # على Y", "pulled its offer to buy Y": an offer taken back
        if any(q < k and k - q <= 12 and any(ctx.is_word(r, talks | offers_near, proclitic=True) for r in range(q + 1, k))
               for q in withdraws):
            return True
        if any(ctx.negates(q) and all(ctx.is_word(r, talks, proclitic=True) for r in range(q + 1, k))
               for q in range(max(idx[0], k - 6), k - 3)):
            return True  # "We are not in discussions to acquire X", "لسنا في مفاوضات للاستحواذ"
        return negated(k) or any(ctx.negates(q) and ctx.items[q].norm in ("لم", "لن", "ليس", "ليست", "لا")
                                 for q in range(max(idx[0], k - 4), k - 3)) \
            or any(leads[q] and q + leads[q] >= k - 2 for q in range(max(idx[0], k - 7), k)) \
            or attempts is not None and any(attempts[q] and q + attempts[q] >= k - 2 for q in range(max(idx[0], k - 4), k))

    deal_words = found("deal_nouns")
    pays = found("pay_verbs") + found("payment_nouns")
    exports = found("export_words")  # "export licences", "تراخيص لتصدير الرقائق": a permit, not a licensing deal
    licences = [k for k in found("license_words") if not negated(k) and not any(-2 <= e - k <= 6 for e in exports)]
    acquihires = found("acquihire_phrases")
    acquires = [k for k in found("acquire_words") if not any(a <= k <= a + 2 for a in acquihires)]
    # "Meta took a 49% stake in Scale AI", "takes a minority stake in": taking a stake is buying one
    # ("SoftBank has a large stake in OpenAI", "ولديها حصة كبيرة في X": holding a stake is having bought one)
    acquires += [k for k in ctx.where(ctx.words("stake_taking_verbs"), within=idx)
                 if any(ctx.is_word(q, ctx.words("stake_nouns")) for q in range(k + 1, min(k + 6, idx[-1] + 1)))]
    acquires.sort()
    # ("was backed by X": the backer is the agent after "by", read by _backings, not the subject)
    invests = [k for k in found("invest_words") if not negated(k) and k not in covered
               and not ctx.is_word(k + 1, frozenset({"by"}), False)]
    # "Radical Ventures put $7.5M into Cortexa": putting money into a company is investing in it
    invests += [k for k in ctx.where(frozenset({"put", "puts", "putting"}), False, within=idx) if any(
        ctx.items[q].kind == "money" and ctx.is_word(q + 1, frozenset({"into", "in"}), False)
        for q in range(k + 1, min(k + 4, idx[-1] + 1)))]
    invests.sort()
    hires = [k for k in found("hire_words") if not negated(k)]
    generic_denial = False
    for k in acquires:
        if denied_acquisition(k):
            subj = subject_org(ctx, idx[0], k)
            obj = _org_after(ctx, k, idx[-1])
            if subj is not None and obj is not None:
                denied.add((ctx.items[subj].key, obj))
            else:
                generic_denial = True  # the deal this sentence speaks of is no acquisition
    denials = [k for k in acquires if denied_acquisition(k)]
    acquires = [k for k in acquires if not denied_acquisition(k)]
    staff = ctx.words("staff")
    # "acquires top talent from X", "buys engineers from X": people brought over, not the company
    # ("acquired the entire team behind X", "buys the staff of X": the people, an acqui-hire)
    talent = [k for k in acquires if any(ctx.is_word(q, staff, False) and ctx.is_word(q + 1, ctx.words("staff_links"), False)
                                         for q in range(k + 1, min(k + 5, idx[-1] + 1)))]
    acquires = [k for k in acquires if k not in talent]
    hires = hires + talent
    leading = ctx.words("lead_to")  # "لقيادة فريق", "to lead a team": a job, not a team brought over
    staffing = [k for k in hires if any(ctx.is_word(q, staff) and not ctx.is_word(q - 1, leading)
                                        and not ctx.is_word(q - 2, leading) for q in range(k, min(k + 12, idx[-1] + 1)))]
    staffing += acquihires
    money = [ctx.items[k].money for k in idx if ctx.items[k].kind == "money" and not _excluded_amount(ctx, k)
             and k not in covered]  # (not the amount of a relative clause's own investment, read apart)
    money += [m for m in ctx.doc.range_ends if start <= m.span.start < end]
    if not money and not any(ctx.items[k].kind == "money" for k in idx):
        pays = [k for k in pays if not ctx.is_word(k, frozenset({"spent", "spend", "spends", "spending"}), False)]
        # "who has spent a decade at Intel": time, not money
    contents = found("content_words")
    partnerships = found("partnership_nouns") if contents else []
    triggers = sorted(deal_words + pays + licences + acquires + invests + staffing + denials + partnerships)
    passive = _passive_acquisition(ctx, idx)
    if not triggers and not (hires and (money or deal_words)) and passive is None:
        return None
    if passive is not None:  # "Run:ai, which is being acquired for $620 million" / "acquired by Nvidia"
        target, acquirer = passive
        if rejects and any(ctx.is_word(q, offers_near, False) for q in idx):  # "X turned down an offer to be acquired by Y"
            generic_denial = True
            if acquirer:
                denied.add((acquirer, target))
        frame = DealFrame([s], acquirer, kinds={"Acquisition"} if acquirer and not generic_denial else set(),
                          denies=generic_denial)
        frame.others = {(target, "Acquisition")}
        frame.parties = {target} | ({acquirer} if acquirer else set())
        frame.amounts = set(money)
        frame.reporters = _reporters(ctx, idx)
        return frame
    first = min(triggers + hires)
    payer_i = subject_org(ctx, idx[0], first + 1)
    rel = first - 1 - ctx.is_word(first - 1, frozenset({"has", "have", "had"}), False)
    if ctx.is_word(rel, ctx.words("relative"), False) and ctx.is_punct(rel - 1) and rel - 2 >= idx[0] \
            and ctx.items[rel - 2].is_org and ctx.items[rel - 2].etype != "MediaOutlet" and first in invests:
        payer_i = rel - 2  # "..., says NAME of AEGIS Ventures, which invested in Hume AI": the relative's subject
    payer = ctx.items[payer_i].key if payer_i is not None else _anaphor_before(ctx, idx[0], first)
    if payer is None and ctx.doc.lang == "ar" and s > 0 and ctx.is_word(idx[0], ctx.words("also_opening"), False):
        # "كما استحوذت على حصة ...": a sentence that goes on from the last one keeps its subject
        prev = list(ctx.sentence_items(s - 1))
        payer_i = subject_org(ctx, prev[0], prev[-1] + 1) if prev else None
        payer = ctx.items[payer_i].key if payer_i is not None else None
    if payer is None and (payer_i := subject_org(ctx, idx[0], idx[-1] + 1)) is not None:
        payer = ctx.items[payer_i].key
    # "Silo AI's acquisition by AMD": the organization after "by" pays, the one before is bought
    bought: dict[int, str] = {}
    for k in acquires:
        after = k + ctx.words_at(k, ctx.phrases("acquire_words"), proclitic=True)
        if ctx.is_word(after, frozenset({"of"}), False) and after + 1 <= idx[-1] and ctx.items[after + 1].is_org:
            by = _agent_after(ctx, after + 2, idx[-1])  # "the acquisition of Deci by Nvidia"
            if by is not None and by != ctx.items[after + 1].key:
                bought[k] = ctx.items[after + 1].key
                payer = by
                continue
        by = _agent_after(ctx, after, idx[-1])
        if by is not None and payer is not None and by != payer:
            bought[k] = payer
            payer = by
    frame = DealFrame([s], payer, denies=generic_denial)
    if payer_i is not None and payer_i < first and ctx.doc.lang != "ar":
        frame.co_payers = _joint_subjects(ctx, payer_i, first) - {payer}
    orgs = {ctx.items[k].key for k in idx if ctx.items[k].is_org and ctx.items[k].etype != "MediaOutlet"}
    only_covered = {ctx.items[k].key for k in covered if k in idx and ctx.items[k].is_org} \
        - {ctx.items[k].key for k in idx if k not in covered and ctx.items[k].is_org}
    frame.parties = set(orgs)
    # a kind of deal needs its counterparty: "licence to serve Inflection's models", "acquire X"
    stakes = ctx.words("stake_nouns")
    for kind, found_at in (("LicensingDeal", licences), ("Acquisition", acquires), ("Investment", invests)):
        for k in found_at:
            stake = kind == "Acquisition" and any(ctx.is_word(q, stakes) or ctx.is_punct(q, "%٪")
                                                  or ctx.is_word(q, frozenset({"percent", "بالمئه", "بالمائه"}), False)
                                                  for q in range(k + 1, min(k + 5, idx[-1] + 1)))  # "شراء 49% من X"
            if stake:  # "استحوذت على حصة تبلغ 49% من Scale AI", "bought a 49% stake in": an investment
                kind = "Investment"
            if kind == "Acquisition" and _goods_bought(ctx, k, idx[-1]):
                continue  # "committed to purchase $30 billion of computing capacity from Microsoft": goods, not a company
            other = bought.get(k) if kind == "Acquisition" else None
            other = other or _org_after(ctx, k, idx[-1], skip=payer, buying=kind == "Acquisition",
                                        products=kind == "Investment")  # ("الاستثمار ... لتصدير رقائق إنفيديا")
            if other and kind == "Investment" and payer and not stake and _from_before(ctx, k, other, idx[-1]):
                frame.kinds.add(kind)
                frame.backers.add(other)  # "وتحظى بدعم استثمار ... من مايكروسوفت": Microsoft invests in the payer
                continue
            if other and kind == "Acquisition" and payer and k not in bought and _from_before(ctx, k, other, idx[-1]) \
                    and frame.payer == payer:
                # "X had garnered takeover interest from Y", "an acquisition offer from Y": Y would buy X
                frame.payer, other = other, payer
                frame.status = "planned"
            if other is None and kind == "LicensingDeal":
                other = _startup(ctx, k, payer)
            if other is None and kind == "LicensingDeal":  # "اتفاقية مع شركة X ... ترخيص لاستخدام نماذجها"
                # (not where people go: "license a startup's brains—and bring its founders to Boston Dynamics")
                others = sorted({ctx.items[q].key for q in idx if ctx.items[q].is_org and ctx.items[q].etype != "MediaOutlet"
                                 and ctx.items[q].key != payer and not ctx.is_word(q - 1, frozenset({"to", "into"}), False)})
                other = others[0] if len(others) == 1 else None
            if other and kind == "Investment" and other in only_covered:
                continue  # a backer another phrase of the sentence already placed ("... كداعمين رئيسين لها")
            if other and payer and kind == "LicensingDeal" and frame.payer == payer and not frame.kinds and any(
                    ctx.is_word(q, frozenset({"الاخيره", "الاخير"}), False) for q in range(max(idx[0], k - 5), k)) \
                    and any(ctx.items[q].is_org and ctx.items[q].key == other for q in range(idx[0], k)):
                # "اتفاقية مع مجموعة Y، تحصل بموجبها الأخيرة على ترخيص لاستخدام نموذج X": the latter takes the licence
                frame.payer, other = other, payer
            if other and payer:
                frame.kinds.add(kind)
                frame.others.add((other, kind))
    if "Investment" in frame.kinds and payer and invests:
        also = _co_investors(ctx, idx, invests[0], payer)
        frame.others = {(o, kind) for o, kind in frame.others if o not in also}
        frame.co_payers |= also
    if contents and (deal_words or licences or partnerships) and not any(negated(k) for k in deal_words + licences):
        _content_licence(ctx, frame, idx, contents[0], payer)
    for k in staffing:  # "hired most of Inflection's staff"
        other = _org_after(ctx, k, idx[-1], skip=payer)
        if other is None and k in hires and ctx.is_word(k + 1, ctx.words("staff") | frozenset({"top"}), False) \
                and not any(ctx.items[q].is_org for q in range(k + 1, min(k + 8, idx[-1] + 1))):
            continue  # "Meta has aggressively recruited top AI talent across the industry": no company's staff
        frame.kinds.add("AcquiHire")
        if other:
            frame.others.add((other, "AcquiHire"))
    frame.parties |= {org for org, _ in frame.others} | frame.backers
    if payer:
        frame.parties.add(payer)
    frame.hires = {r.object for r in ctx.out.relations
                   if r.predicate == "hired" and start <= r.evidence.start < end and r.subject == payer}
    frame.amounts = set(money) if (pays or deal_words or licences or acquires or invests) else set()
    if "Investment" in frame.kinds:  # "its $13 billion investment in OpenAI": the amount the investment noun carries
        frame.amounts |= {ctx.items[k].money for k in idx if ctx.items[k].kind == "money" and k + 1 in invests
                          and ctx.is_word(k + 1, ctx.words("investment_nouns"))}
    frame.reporters = _reporters(ctx, idx)
    offers = ctx.words("offer_nouns")
    if any(ctx.hedged(q) for k in triggers for q in range(max(idx[0], k - 4), k)):
        frame.status = "planned"  # "is in talks to acquire", "تخطط للاستحواذ"
    elif any(ctx.is_word(k + 1, offers, False) or ctx.is_word(k - 1, offers, False)
             or ctx.is_word(k - 1, frozenset({"to"}), False) and ctx.is_word(k - 2, offers, False) for k in acquires):
        frame.status = "planned"  # "a takeover approach to Intel", "an offer to buy X", "عرضا للاستحواذ على X"
    elif frame.reporters:
        frame.status = "reported"  # the article relays another outlet's report
    if not frame.kinds and not deal_words and not pays and not denials:
        return None
    frame.worded = bool(money or deal_words)
    if frame.kinds == {"AcquiHire"} and not (money or deal_words):
        # hiring a company's staff is a deal only with money or a deal word nearby (in this sentence,
        # or in another sentence of the same deal: "... the deal involves bringing X's founders into Y")
        frame.kinds, frame.tentative = set(), {"AcquiHire"}
    return frame


def _joint_subjects(ctx: Context, first: int, verb: int) -> set[str]:
    """The organizations that open a sentence together, up to its deal verb: "Microsoft and Nvidia will
    invest", "Microsoft Corp. and Nvidia Corp. are committing to invest" (legal suffixes and auxiliaries
    between; any other word, and they are not joint subjects)."""
    between = ctx.words("joint_subject_words")
    out: set[str] = set()
    for q in range(first, verb):
        it = ctx.items[q]
        if it.is_org and it.etype != "MediaOutlet":
            out.add(it.key)
        elif not (ctx.is_punct(q, ",.&") or ctx.is_word(q, between, False)):
            return set()
    return out if len(out) > 1 else set()


def _goods_bought(ctx: Context, k: int, last: int) -> bool:
    """The purchase verb at K buys an amount of something that is no company: "$30 billion of computing
    capacity", "$10 billion of cloud services" (an amount, "of", then a lowercase word)."""
    q = k + ctx.words_at(k, ctx.phrases("acquire_words"), proclitic=True)
    if ctx.is_word(q, frozenset({"up"}), False) and ctx.is_word(q + 1, frozenset({"to"}), False):
        q += 2  # "purchase up to $30 billion of"
    if not (q < last and ctx.items[q].kind == "money" and ctx.is_word(q + 1, frozenset({"of", "worth"}), False)):
        return False
    nxt = ctx.items[q + 2] if q + 2 <= last else None
    return nxt is not None and nxt.kind == "tok" and nxt.script == "latin" and ctx.doc.text[nxt.start:nxt.end].islower()


def _content_licence(ctx: Context, frame: DealFrame, idx: list[int], c: int, subject: str | None) -> None:
    """A deal for content ("a deal to let X use content from its publications", "a content licensing
    deal with X", "صفقة تمكنها من الوصول إلى المحتوى من منصة Y", "شراكة محتوى مع X"): a licence of the
    content's owner to its user. The owner is the organization the content is said to come from, else
    the sentence's subject ("its content"); the user, the other organization."""
    orgs = [ctx.items[q].key for q in idx if ctx.items[q].is_org and ctx.items[q].etype != "MediaOutlet"]
    start = c + 1 + ctx.is_punct(c + 1, '"“«')
    if ctx.is_word(start, frozenset({"from", "of", "on", "من", "في", "علي"}), False):  # "content from Y", "المحتوى من منصة Y"
        start += 1
    elif not (start <= idx[-1] and ctx.items[start].is_org):  # "محتوى ريديت": the owner right after
        start = idx[-1] + 1
    stop = next((q for q in range(start, idx[-1] + 1) if ctx.is_punct(q, ",،.;") or ctx.items[q].is_org), idx[-1] + 1)
    # ("من قاعدة بيانات منصة Y", "from the archives of Y": a few words of where it is kept before the owner)
    owner = ctx.items[stop].key if stop <= idx[-1] and stop - start <= 5 and ctx.items[stop].is_org \
        and ctx.items[stop].etype != "MediaOutlet" else None
    o = c - 1  # "Reddit's content", "News Corp. content": the organization right before
    if ctx.is_word(o, frozenset({"s"}), False) and ctx.is_punct(o - 1, "'’"):
        o -= 2
    elif ctx.is_punct(o, "'’.") and o - 1 >= idx[0] and ctx.items[o - 1].is_org:
        o -= 1  # ("News Corp. content": the abbreviation's stop)
    if owner is None and o in range(idx[0], c) and ctx.items[o].is_org and ctx.items[o].etype != "MediaOutlet":
        owner = ctx.items[o].key
    # a publisher licenses its journalism: "The Financial Times will licence its material to OpenAI",
    # "OpenAI inked a pact with the FT to licence its content": when the content's owner is not said
    # ("content from Y", "Reddit's content"), the one outlet the sentence names owns it
    outlets = list(dict.fromkeys(ctx.items[q].key for q in idx if ctx.items[q].is_org and ctx.items[q].etype == "MediaOutlet"))
    if owner is None and len(outlets) == 1:
        owner = outlets[0]
    owner = owner or subject
    user = next((o for o in orgs if o != owner), None)
    if owner is None or user is None:
        return
    frame.payer = user
    frame.kinds = (frame.kinds - {"Acquisition"}) | {"LicensingDeal"}
    frame.others = {(o, kind) for o, kind in frame.others if kind != "LicensingDeal" and o != owner} | {(owner, "LicensingDeal")}
    frame.parties |= {owner, user}


def _found(ctx: Context, idx: list[int], name: str) -> list[int]:
    """The items of `idx` where a phrase of the pattern list `name` starts (proclitics allowed)."""
    lengths = ctx.lengths(ctx.phrases(name), proclitic=True)
    return [k for k in idx if lengths[k]]


def _from_before(ctx: Context, k: int, other: str, last: int) -> bool:
    """The first mention of `other` after item k comes right after "from" / "من"."""
    q = next(q for q in range(k + 1, last + 1) if ctx.items[q].is_org and ctx.items[q].key == other)
    return ctx.is_word(q - 1, frozenset({"from", "من"}), False) or ctx.items[q].prefix == "من"


def _org_after(ctx: Context, k: int, last: int, skip: str | None = None, buying: bool = False,
               products: bool = False) -> str | None:
    """The first company after item k, within a few words, other than `skip`. When buying, none if
    a number or a chip comes first ("لشراء ١٠٬٠٠٠ شريحة H100 من إنفيديا" buys chips, not Nvidia)."""
    for q in range(k + 1, min(k + (12 if buying else 14), last + 1)):  # "buy London-based AI (AI) company DeepMind"
        it = ctx.items[q]
        if it.kind == "num" and it.value is not None and 1900 <= it.value <= 2100 \
                and ctx.is_word(q - 1, frozenset({"عام", "العام", "سنه", "in", "since", "في"}), False):
            continue  # "استحوذت في عام 2022 على شركة X", "bought in 2019 a stake in X": a year, not a count
        if buying and (it.kind == "num" or (it.kind == "ent" and it.etype == "HardwareModel")):
            return None
        if buying and q > k + 1 and ctx.is_punct(q, ",،;"):
            return None  # "buy io, the device startup co-founded by ... Apple ...": the object ended
        if q > k + 1 and ctx.is_punct(q, "—–"):
            return None  # "to license a robotics startup's brains—and bring its founders to Boston Dynamics"
        if buying and (it.kind == "title" or it.is_person):
            return None  # "ميتا تستحوذ على رئيس الذكاء الاصطناعي في أبل": a person taken on, not Apple bought
        if buying and ctx.is_word(q, ctx.words("chip_nouns")) and not it.is_org:
            return None  # "شراء رقائق الذكاء الاصطناعي لشركة Tesla", "buying chips for Tesla": chips are bought
        if buying and it.is_org and ctx.is_word(q + 1, frozenset({"علي", "on"}), False) \
                and ctx.is_word(q + 2, ctx.words("chip_nouns")):
            return None  # "استحواذ تسلا على معالجات": Tesla buys processors
        if it.is_org and ctx.is_word(q - 1, frozenset({"from"}), False) \
                and any(ctx.is_word(r, ctx.words("stake_nouns")) for r in range(k + 1, q)):
            continue  # "buying an 80% stake from SoftBank": the seller, not the company bought into
        if it.is_org and it.etype != "MediaOutlet" and it.key != skip:
            if (buying or products) and _product_of(ctx, q, last):
                return None  # "buying AMD's Instinct MI300", "buys Nvidia's chips": products, not AMD
            if q + 2 <= last and ctx.items[q + 1].kind == "title" and ctx.is_punct(q + 2, "'’"):
                return None  # "invest in OpenAI co-founder's start-up": what a person of OpenAI started
            return it.key
    return None


def _product_of(ctx: Context, q: int, last: int) -> bool:
    """Organization q is a possessor ("AMD's", "Nvidia's") of a chip model or chip noun a few words on,
    or names their maker right before them ("Nvidia chips", "Nvidia H100 processors") or, in Arabic,
    right after them ("رقائق إنفيديا")."""
    r = q + 1
    chips = ctx.words("chip_nouns")
    if ctx.items[q - 1].script == "ar" and ctx.is_word(q - 1, chips) and not ctx.items[q].prefix:
        return True  # "رقائق إنفيديا": the chip noun, then its maker
    if r <= last and (ctx.is_word(r, chips, False) or ctx.items[r].kind == "ent" and ctx.items[r].etype == "HardwareModel"):
        return True
    if not ctx.is_punct(r, "'’"):
        return False
    r += 2 if ctx.is_word(r + 1, frozenset({"s"}), False) else 1
    for m in range(r, min(r + 4, last + 1)):
        it = ctx.items[m]
        if it.kind == "ent" and it.etype == "HardwareModel" or ctx.is_word(m, chips, False):
            return True
        if it.kind != "tok" or it.script == "punct":
            return False
    return False


# the Arabic verbs of the relative and the sale in _passive_acquisition ("التي استحوذت عليها Y", "التي باعها
# NAME إلى Y", "بيع X إلى Y"), as normalised: one set, so that Context.where keeps what it finds per article
_BOUGHT_AR = frozenset({"استحوذت", "استحوذ", "اشترت", "اشتري"})
_SOLD_IT_AR = frozenset({"باعها", "باعه", "باعتها", "باعته"})
_SALE_AR = frozenset({"بيع"})
_RELATIVE_SALE_AR = _BOUGHT_AR | _SOLD_IT_AR | _SALE_AR


def _passive_acquisition(ctx: Context, idx: list[int]) -> tuple[str, str | None] | None:
    """(target, acquirer or None) for "X, which is being acquired (by Y)", "X was acquired by Y"."""
    acquired = frozenset({"acquired", "bought", "purchased"})
    phrases = ctx.phrases("passive_acquire")  # "gobbled up by", "snapped up by", "taken over by"
    lengths = ctx.lengths(phrases) if ctx.doc.lang != "ar" else None
    starts = ctx.where(acquired, False, within=idx)
    if lengths is not None:
        starts = sorted(set(starts).union(k for k in idx if lengths[k]))
    for k in starts:
        n = lengths[k] if lengths is not None else 0
        if any(ctx.negates(q) for q in range(max(idx[0], k - 3), k)):
            continue
        if not any(ctx.is_word(q, frozenset({"is", "was", "being", "be", "been", "were", "are"}), False)
                   for q in range(max(idx[0], k - 3), k)):
            continue
        target = next((ctx.items[q].key for q in range(k - 1, max(idx[0], k - 12) - 1, -1)
                       if ctx.items[q].is_org and ctx.items[q].etype != "MediaOutlet"), None)
        acquirer = _agent_after(ctx, k + n - 1 if n else k + 1, idx[-1])
        if target and target != acquirer:
            return target, acquirer
    # "شركة X التي استحوذت عليها Y", "X التي باعها NAME إلى Y", "بيع X إلى Y": the Arabic relative and sale
    for k in ctx.where(_RELATIVE_SALE_AR, False, within=idx):
        if ctx.items[k].script != "ar":
            continue
        rel = ctx.is_word(k - 1, ctx.words("relative"), False)
        target_i = k - 2 if rel else None
        while target_i is not None and target_i in idx and ctx.is_punct(target_i, '"“”«»'):
            target_i -= 1
        target_ok = target_i is not None and target_i in idx and ctx.items[target_i].is_org \
            and ctx.items[target_i].etype != "MediaOutlet"
        if target_ok and ctx.is_word(k, _BOUGHT_AR, False) \
                and ctx.is_word(k + 1, frozenset({"عليها", "عليه"}), False):
            b = k + 2
            while b in idx and ctx.is_punct(b, '"“”«»'):
                b += 1
            buyer = ctx.items[b].key if b in idx and ctx.items[b].is_org and ctx.items[b].etype != "MediaOutlet" else (
                last_company(ctx, target_i) if ctx.is_word(b, frozenset({"الشركه"}), False) else None)
            if buyer is not None and buyer != ctx.items[target_i].key:
                return ctx.items[target_i].key, buyer
        sale = ctx.is_word(k, _SOLD_IT_AR, False) and target_ok \
            or ctx.is_word(k, _SALE_AR, False) and k + 1 in idx and ctx.items[k + 1].is_org
        if sale:
            sold = target_i if target_ok and not ctx.is_word(k, _SALE_AR, False) else k + 1
            to = next((q for q in range(k + 1, min(k + 5, idx[-1])) if ctx.is_word(q, frozenset({"الي", "لصالح"}), False)), None)
            b = to + 1 if to is not None else None
            while b is not None and b in idx and ctx.is_punct(b, '"“”«»'):
                b += 1
            if b is not None and b in idx and ctx.items[b].is_org and ctx.items[b].etype != "MediaOutlet" \
                    and ctx.items[b].key != ctx.items[sold].key:
                return ctx.items[sold].key, ctx.items[b].key
    # "تمّ الاستحواذ على شركة «X» ... من قِبل مجموعة «Y»": the Arabic passive, the buyer after "من قبل"
    for before in ctx.where(frozenset({"تم", "جري", "سيتم", "يتم"}), False, within=range(idx[0] - 1, idx[-1])) if idx else ():
        k = before + 1
        if ctx.items[k].script != "ar" or not ctx.words_at(k, ctx.phrases("acquire_words"), proclitic=False):
            continue
        target = next((q for q in range(k + 1, min(k + 5, idx[-1] + 1)) if ctx.items[q].is_org
                       and ctx.items[q].etype != "MediaOutlet"), None)
        by = next((q for q in range(k + 1, idx[-1]) if ctx.is_word(q, frozenset({"من"}), False)
                   and ctx.is_word(q + 1, frozenset({"قبل", "جانب"}), False)), None)
        buyer = next((q for q in range(by + 2, min(by + 5, idx[-1] + 1)) if ctx.items[q].is_org
                      and ctx.items[q].etype != "MediaOutlet"), None) if by is not None else None
        if target is not None and buyer is not None and ctx.items[target].key != ctx.items[buyer].key:
            return ctx.items[target].key, ctx.items[buyer].key
    # "Cue, which Apple acquired in 2013", "Mellanox, which the chipmaker agreed to buy": the relative's subject buys
    for k in idx:
        if not ctx.is_word(k, frozenset({"which", "that"}), False) or not ctx.is_punct(k - 1, ",") \
                or k - 2 < idx[0] or not ctx.items[k - 2].is_org or ctx.items[k - 2].etype == "MediaOutlet":
            continue
        buyer = k + 1
        if not (buyer in idx and ctx.items[buyer].is_org and ctx.items[buyer].etype != "MediaOutlet"):
            continue
        v = buyer + 1 + ctx.is_word(buyer + 1, frozenset({"had", "has", "later", "eventually"}), False)
        if ctx.is_word(v, frozenset({"acquired", "bought", "purchased"}), False) \
                and not any(ctx.negates(q) for q in range(buyer + 1, v)) and ctx.items[buyer].key != ctx.items[k - 2].key:
            return ctx.items[k - 2].key, ctx.items[buyer].key
    # "X was sold to Y", "X agreed to sell itself to Y", "باعت شركة X نفسها لـY": Y buys X
    sold = ctx.words("sell_words")
    for k in idx:
        if not ctx.is_word(k, sold, False) or any(ctx.negates(q) for q in range(max(idx[0], k - 3), k)):
            continue
        if ctx.items[k].script == "ar":
            t = k + 1 + ctx.is_word(k + 1, frozenset({"شركه"}), False)
            if not (t in idx and ctx.items[t].is_org and ctx.is_word(t + 1, frozenset({"نفسها"}), False)):
                continue
            q = t + 2
            if q in idx and ctx.items[q].is_org and ctx.items[q].etype != "MediaOutlet" and ctx.items[q].key != ctx.items[t].key \
                    and (ctx.items[q].prefix.startswith("ل") or ctx.doc.text[ctx.items[q].start - 1] == "ل"):
                return ctx.items[t].key, ctx.items[q].key
            continue
        # "NAME sold his previous company, Formline, to Intuit", "SoftBank sold Arm to Nvidia": the company sold
        sold_org = next((q for q in range(k + 1, min(k + 7, idx[-1] + 1)) if ctx.items[q].is_org), None)
        if sold_org is not None and ctx.items[sold_org].etype != "MediaOutlet" and not any(
                ctx.items[q].kind != "tok" or ctx.is_word(q, ctx.words("stake_nouns")) for q in range(k + 1, sold_org)):
            to = sold_org + 1 + ctx.is_punct(sold_org + 1, ",")
            buyer = to + 1
            if ctx.is_word(to, frozenset({"to"}), False) and buyer in idx and ctx.items[buyer].is_org \
                    and ctx.items[buyer].etype != "MediaOutlet" and ctx.items[buyer].key != ctx.items[sold_org].key:
                return ctx.items[sold_org].key, ctx.items[buyer].key
        itself = ctx.is_word(k + 1, frozenset({"itself"}), False)
        passive = any(ctx.is_word(q, frozenset({"is", "was", "being", "be", "been", "were", "are"}), False)
                      for q in range(max(idx[0], k - 3), k))
        to = k + 1 + itself
        if not (itself or passive and ctx.is_word(k, frozenset({"sold"}), False)) \
                or not ctx.is_word(to, frozenset({"to"}), False):
            continue
        target = next((q for q in range(k - 1, max(idx[0], k - 8) - 1, -1)
                       if ctx.items[q].is_org and ctx.items[q].etype != "MediaOutlet"), None)
        buyer = next((q for q in range(to + 1, min(to + 4, idx[-1] + 1)) if ctx.items[q].is_org), None)
        if target is not None and buyer is not None and ctx.items[buyer].etype != "MediaOutlet" \
                and ctx.items[target].key != ctx.items[buyer].key and not any(
                    ctx.items[q].kind != "tok" or ctx.is_punct(q) for q in range(to + 1, buyer)):
            return ctx.items[target].key, ctx.items[buyer].key
    return None


def _agent_after(ctx: Context, q: int, last: int) -> str | None:
    """The organization after "by" at item q, past a short description ("by US chipmaker AMD")."""
    if not ctx.is_word(q, frozenset({"by"}), False):
        return None
    for r in range(q + 1, min(q + 5, last + 1)):
        it = ctx.items[r]
        if it.is_org and it.etype != "MediaOutlet":
            return it.key
        if it.kind != "tok" or it.script == "punct":
            return None
    return None


def _anaphor_before(ctx: Context, start: int, first: int) -> str | None:
    """"وكانت الشركة قد استحوذت": "the company" as the subject names the last company before it."""
    phrases = ctx.phrases("company_anaphora")
    for q in range(start, first):
        n = ctx.words_at(q, phrases, proclitic=True)
        if n:
            return last_company(ctx, start, startup=n > 1 or ctx.is_word(q + 1, frozenset({"startup"}), False))
    if ctx.doc.lang == "ar" or ctx.sentence_of(start) == 0:
        return None
    it = start
    if ctx.is_word(it, frozenset({"in", "on", "last", "earlier", "by"}), False):
        # "In October, it committed to invest ...": past a time phrase and its comma
        comma = next((q for q in range(it + 1, min(it + 5, first)) if ctx.is_punct(q, ",")), None)
        it = comma + 1 if comma is not None else it
    between = frozenset({"has", "had", "have", "also", "recently", "just", "now", "would", "will", "announced", "said",
                         "that", "it", "agreed", "committed", "to", "later"})
    if ctx.items[it].norm == "it" and first - it <= 6 and all(ctx.is_word(q, between, False) for q in range(it + 1, first)):
        # "Halyard Labs is building AI agents. It has raised ...", "In 2022, it announced that it would acquire
        # iRobot": "it" opening the sentence is the company the sentence before opens with
        for back in (1, 2, 3):  # (over sentences that open on "it" too: "In 2022, it ... . In October, it ...")
            sent = ctx.sentence_of(start) - back
            prev = list(ctx.sentence_items(sent)) if sent >= 0 else []
            q = subject_org(ctx, prev[0], prev[0] + 8) if prev else None
            if q is not None:
                return ctx.items[q].key if ctx.items[q].etype == "Company" else None
            if not prev or not any(ctx.items[r].norm == "it" for r in prev[:5]):
                return None
    return None


def last_company(ctx: Context, before: int, startup: bool = False) -> str | None:
    """The company "the company" refers to: the most salient one named so far (most mentions,
    then the latest); for "the startup", preferring companies in no lexicon (startups seldom are)."""
    companies = [ctx.items[r] for r in range(before - 1, -1, -1) if ctx.items[r].is_org and ctx.items[r].etype == "Company"]
    if startup:
        unknown = [c for c in companies if c.key in ctx.doc.labels and not ctx.doc.labels[c.key].get("known")]
        companies = unknown or companies
    if not companies:
        return None
    # one company alone named in this sentence or the one before: that one ("helped found OpenAI ...
    # Sam Altman, who is currently the company's CEO")
    # (not one named inside a quotation: '"... the next order tilts further toward AMD." Aasen co-founded the business')
    companies = [c for c in companies if not _in_quotation(ctx, c.start)] or companies
    here = ctx.sentence_of(min(before, len(ctx.items) - 1))
    near = {c.key for c in companies if ctx.doc.sentence_index(c.start) >= here - 1}
    if len(near) == 1:
        return next(iter(near))
    counts: dict[str, int] = {}
    for c in companies:
        counts[c.key] = counts.get(c.key, 0) + 1
    best = max(counts.values())
    return next(c.key for c in companies if counts[c.key] == best)


def _in_quotation(ctx: Context, pos: int) -> bool:
    """Offset POS lies inside quotation marks opened earlier in its paragraph, in English text (Arabic
    puts company names in quotation marks: «X» is a name, not a quotation)."""
    if ctx.doc.lang == "ar":
        return False
    text = ctx.doc.text
    start = text.rfind("\n", 0, pos) + 1
    before = text[start:pos]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _startup(ctx: Context, k: int, payer: str | None) -> str | None:
    """"الشركة الناشئة" / "the startup": the last company named before that is not the payer."""
    phrases = ctx.phrases("startup_anaphora")
    for q in range(k + 1, min(k + 5, len(ctx.items))):
        if ctx.words_at(q, phrases, proclitic=True):
            for r in range(q - 1, -1, -1):
                it = ctx.items[r]
                if it.is_org and it.etype == "Company" and it.key != payer:
                    return it.key
    return None


def _series_in_brackets(ctx: Context, r: int) -> bool:
    """The round noun at R is followed closely by its series in parentheses ("من الفئة (C)", "Series (B)")."""
    return any(ctx.is_punct(m, "(") and ctx.is_punct(m + 2, ")") for m in range(r + 1, r + 5))


def _conversion(ctx: Context, k: int, last: int) -> list[int]:
    """The same amount in another currency, in parentheses right after the amount at K: "420 مليار وون
    (نحو 305 ملايين دولار)", "CHF 3 billion (about $3.4 billion)"."""
    if not ctx.is_punct(k + 1, "("):
        return []
    q = k + 2
    while q <= last and q - k <= 5 and ctx.items[q].kind == "tok" and ctx.is_word(q, ctx.words("approximately"), False):
        q += 1
    return [q] if q <= last and ctx.items[q].kind == "money" and ctx.is_punct(q + 1, ")") else []


def _excluded_amount(ctx: Context, k: int) -> bool:
    """Amounts that are not what the deal paid: a valuation, funding received, a per-unit price."""
    words = ctx.words("excluded_amount_context")
    # ("جمعت X 13 مليار دولار بتقييم 183 مليار دولار": "بتقييم" after an amount brings the next one)
    ahead = ctx.words("amount_ahead_words")
    if any(ctx.is_word(q, ctx.words("total_raised"), False) for q in range(max(0, k - 5), k)) \
            and ctx.is_word(k - 1, frozenset({"to", "إلى", "الى", "الي", "نحو"}), False):
        return True  # "bringing its total funding to $400 million", "ليصل إجمالي التمويل إلى 400 مليون دولار"
    if k >= 2 and ctx.is_word(k - 1, frozenset({"at", "عند"}), False) and any(
            ctx.is_word(q, ctx.words("valuing_verbs"), False) for q in range(max(0, k - 5), k - 1)):
        return True  # "a round that values the company at $1 billion", "valuing it at $1 billion", "قيمت الشركة عند"
    return k >= 1 and ctx.is_word(k - 1, words) or any(ctx.is_word(q, words) and not ctx.is_word(q, ahead)
                                            for q in range(k + 1, min(len(ctx.items), k + 4)))


def _reporters(ctx: Context, idx: list[int]) -> set[str]:
    """"ذكرت صحيفة وول ستريت جورنال", "Bloomberg reported", "according to Reuters"."""
    verbs = ctx.words("report_verbs")
    preps = ctx.phrases("report_prepositions")
    out = set()
    for k in idx:
        it = ctx.items[k]
        if not (it.kind == "ent" and it.etype == "MediaOutlet"):
            continue
        aux = ctx.is_word(k + 1, frozenset({"has", "have", "had", "first", "also", "earlier", "previously"}), False)
        # "WIRED has learned", "Reuters first reported"
        if ctx.is_word(k + 1 + aux, verbs, proclitic=False):
            out.add(it.key)
            continue
        report = frozenset({"a", "an", "the", "report", "reports", "from", "by", "in", "story"}) | ctx.words("report_fillers")
        for back in (1, 2, 3, 4, 5):
            q = k - back
            if q < idx[0]:
                break
            if back > 3 and not all(ctx.is_word(r, report, False) for r in range(q + 1, k)):
                break  # "according to a report from Bloomberg News", "بحسب ما نقله موقع X": only a report's words between
            if (back <= 3 and ctx.is_word(q, verbs)) or any(ctx.words_at(q - len(p) + 1, (p,), proclitic=True) for p in preps):
                out.add(it.key)
                break
    return out


def _emit(ctx: Context, f: DealFrame, denied: set[tuple[str, str]]) -> None:
    kinds = set(f.kinds)
    denied_here = f.denies or bool(f.payer and any((f.payer, o) in denied for o in f.parties))
    if denied_here:
        kinds.discard("Acquisition")
    roles: set[tuple[str, str]] = set()
    for org in sorted(f.parties):
        roles.add(("party", org))
    for org, kind in sorted(f.others):
        if kind in kinds and not (kind == "AcquiHire" and denied_here):
            roles.add((ROLE_OF_OTHER[kind], org))
            if f.payer:
                roles.add((ROLE_OF_PAYER[kind], f.payer))
    for org in sorted(f.co_payers):  # "Microsoft and Nvidia will invest $15 billion in Anthropic"
        for kind in sorted(kinds & {"Investment", "Acquisition"}):
            if any(k == kind for _, k in f.others):
                roles |= {(ROLE_OF_PAYER[kind], org), ("party", org)}
    if "Investment" in kinds and f.payer:
        for org in sorted(f.backers):
            roles |= {("investor", org), ("investee", f.payer), ("party", org)}
    hired = f.hires | ({r.object for r in ctx.out.relations if r.predicate == "hired" and r.subject == f.payer}
                       if "AcquiHire" in f.kinds or f.hires else set())
    for person in hired:  # people the paying company hired in this article come with the deal
        roles.add(("hires", person))
        roles.add(("party", person))
    if len({p for r, p in roles if r == "party"}) < 2:
        return
    sentences = sorted(set(f.sentences))
    evidence = tuple(ctx.doc.span(*ctx.doc.sentences[s]) for s in sentences)
    ctx.out.deals.append(Deal(tuple(sorted(kinds or {"Deal"})), tuple(sorted(roles)),
                              tuple(sorted(f.amounts)), tuple(sorted(f.reporters)), evidence, f.status,
                              Decimal("0.8"), ctx.rule))
