"""Scoring a graph against a gold annotation, with the same counting as the reference scorer
(`../shared/tools/score.py`, format in `../shared/spec/gold-format.md`): entities, relations,
quotes, amounts and hardware mentions pooled into one micro-F1, plus evidence checks.

A test holds this module to the reference scorer's numbers on the public gold files.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import SKOS

from kg.errors import InputError
from kg.vocab import SANAD

ENTITY_TYPES = {
    "Person": {SANAD.Person},
    "Company": {SANAD.Company, SANAD.Organization},
    "MediaOutlet": {SANAD.MediaOutlet, SANAD.Organization},
    "Organization": {SANAD.Organization, SANAD.Company, SANAD.MediaOutlet},
    "Hardware": {SANAD.HardwareModel},
}
KG_ENTITY_CLASSES = {SANAD.Person, SANAD.Organization, SANAD.Company, SANAD.MediaOutlet, SANAD.HardwareModel}
DEAL_CLASSES = {SANAD.Deal, SANAD.Acquisition, SANAD.LicensingDeal, SANAD.Investment, SANAD.AcquiHire}
BINARY = ["worksFor", "formerlyWorkedFor", "founded", "partOf", "manufacturer", "hired"]
DEAL_ROLES = ["acquirer", "target", "licensee", "licensor", "investor", "investee", "hires", "reportedBy"]
CATEGORIES = ("entities", "relations", "quotes", "amounts", "hardware")

_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})


def norm(text: str) -> str:
    """The scorer's name key: case, Arabic diacritics and letters, possessive 's, punctuation."""
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    text = _DIACRITICS.sub("", text).translate(_ALEF)
    text = re.sub(r"['’]s\b", "", text)
    text = re.sub(r"[^\w\s.]", " ", text)
    return " ".join(text.replace(".", " ").split())


@dataclass
class Count:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def add(self, other: Count) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn


@dataclass
class Score:
    article: str
    categories: dict[str, Count]
    violations: list[str]
    spans: int
    spans_valid: int
    bad_spans: list[str]
    fact_nodes: int
    without_evidence: int

    @property
    def micro(self) -> Count:
        total = Count()
        for c in self.categories.values():
            total.add(c)
        return total

    def as_dict(self) -> dict:
        p, r, f = self.micro.prf()
        return {
            "article": self.article,
            "categories": {k: {"tp": c.tp, "fp": c.fp, "fn": c.fn, "p": c.prf()[0], "r": c.prf()[1], "f1": c.prf()[2],
                               "misses": c.misses, "extras": c.extras} for k, c in self.categories.items()},
            "micro": {"tp": self.micro.tp, "fp": self.micro.fp, "fn": self.micro.fn, "p": p, "r": r, "f1": f},
            "violations": self.violations,
            "evidence": {"spans": self.spans, "valid": self.spans_valid, "invalid": self.bad_spans[:20],
                         "fact_nodes": self.fact_nodes, "without_evidence": self.without_evidence},
        }


def read_gold(path: Path) -> dict:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read gold file: {exc}", path) from None
    if not isinstance(gold, dict) or not isinstance(gold.get("entities"), list):
        raise InputError("not a gold file: expected an object with an 'entities' list", path)
    return gold


def score(g: Graph, gold: dict, text: str, article: str = "") -> Score:
    ents = {e["id"]: e for e in gold["entities"]}
    named = {i: e for i, e in ents.items() if not e.get("anonymous") and e["type"] != "Deal"}
    anonymous = {i for i, e in ents.items() if e.get("anonymous")}

    def labels(node) -> set[str]:
        out = set()
        for p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel):
            out |= {norm(o) for o in g.objects(node, p) if isinstance(o, Literal)}
        return {x for x in out if x}

    def types(node) -> set:
        return set(g.objects(node, RDF.type))

    kg_nodes = {n for c in KG_ENTITY_CLASSES for n in g.subjects(RDF.type, c)}
    kg_labels = {n: labels(n) for n in kg_nodes}
    match: dict[str, set] = defaultdict(set)
    node_gold: dict = {}
    ent = Count()
    for gid, e in named.items():
        names = {norm(x) for x in e["names"]}
        for n in kg_nodes:
            if kg_labels[n] & names and types(n) & ENTITY_TYPES[e["type"]]:
                match[gid].add(n)
                node_gold[n] = gid
    anon_names = {norm(x) for i in anonymous for x in ents[i]["names"]}
    for gid in named:
        if match[gid]:
            ent.tp += 1
            if len(match[gid]) > 1:
                ent.fp += len(match[gid]) - 1
                ent.extras.append(f"{gid} split into {len(match[gid])} nodes")
        else:
            ent.fn += 1
            ent.misses.append(gid)
    described_used: set = set()

    def nodes_for(gid: str) -> set:
        if gid in anonymous:
            return {n for n in kg_nodes if SANAD.Person in types(n) and n not in node_gold}
        return match.get(gid, set())

    rel = Count()
    found = set()
    deal_rels = [r for r in gold["relations"] if ents.get(r["s"], {}).get("type") == "Deal"]
    for r in [r for r in gold["relations"] if r not in deal_rels]:
        hit = False
        for s in nodes_for(r["s"]):
            for o in nodes_for(r["o"]):
                if r["p"] == "holdsPosition":
                    for pos in g.objects(s, SANAD.holdsPosition):
                        if (pos, SANAD.organization, o) in g:
                            hit = True
                            found.add((s, "holdsPosition", o))
                elif (s, SANAD[r["p"]], o) in g:
                    hit = True
                    found.add((s, r["p"], o))
                if hit and r["s"] in anonymous:
                    described_used.add(s)
        if hit:
            rel.tp += 1
        else:
            rel.fn += 1
            rel.misses.append(f"{r['s']} {r['p']} {r['o']}")
    kg_deals = {d for c in DEAL_CLASSES for d in g.subjects(RDF.type, c)}
    gold_deals = defaultdict(list)
    for r in deal_rels:
        gold_deals[r["s"]].append(r)
    used_deals = set()
    for did, rs in gold_deals.items():
        best, best_hits = None, -1
        for d in kg_deals - used_deals:
            hits = sum(any((d, SANAD[r["p"]], o) in g for o in nodes_for(r["o"])) for r in rs)
            if hits > best_hits:
                best, best_hits = d, hits
        if best is not None and best_hits > 0:
            used_deals.add(best)
        for r in rs:
            if best is not None and any((best, SANAD[r["p"]], o) in g for o in nodes_for(r["o"])):
                rel.tp += 1
                for o in nodes_for(r["o"]):
                    found.add((best, r["p"], o))
            else:
                rel.fn += 1
                rel.misses.append(f"{did} {r['p']} {r['o']}")
        want = ents[did].get("deal_type")
        if want:
            if best is not None and (best, RDF.type, SANAD[want]) in g:
                rel.tp += 1
            else:
                rel.fn += 1
                rel.misses.append(f"{did} a {want}")
        for a in gold.get("amounts", []):
            if a.get("about") != did:
                continue
            if best is not None and any(_close(v, a["value"]) for m in g.objects(best, SANAD.amount)
                                        for v in g.objects(m, SANAD.value)):
                rel.tp += 1
            else:
                rel.fn += 1
                rel.misses.append(f"{did} amount {a['value']}")
    for p in BINARY:
        for s, o in g.subject_objects(SANAD[p]):
            if (s, p, o) not in found:
                rel.fp += 1
                rel.extras.append(f"{_short(labels, s)} {p} {_short(labels, o)}")
    for s, pos in g.subject_objects(SANAD.holdsPosition):
        for o in g.objects(pos, SANAD.organization):
            if (s, "holdsPosition", o) not in found:
                rel.fp += 1
                rel.extras.append(f"{_short(labels, s)} holdsPosition@{_short(labels, o)}")
    for d in kg_deals:
        for p in DEAL_ROLES:
            for o in g.objects(d, SANAD[p]):
                if (d, p, o) not in found:
                    rel.fp += 1
                    rel.extras.append(f"deal {_short(labels, d)} {p} {_short(labels, o)}")
    violations = []
    for r in gold.get("negative_relations", []):
        if r["p"] == "acquired":
            for d in g.subjects(RDF.type, SANAD.Acquisition):
                if any((d, SANAD.acquirer, s) in g for s in nodes_for(r["s"])) and any(
                        (d, SANAD.target, o) in g for o in nodes_for(r["o"])):
                    violations.append(f"asserted a denied acquisition: {r['s']} -> {r['o']}")
                    rel.fp += 1

    qs = Count()
    kg_quotes = [(q, norm(t), set(g.objects(q, SANAD.speaker)))
                 for q in g.subjects(RDF.type, SANAD.Quote) for t in g.objects(q, SANAD.text)]
    used = set()
    for gq in gold.get("quotes", []):
        want = norm(gq["text"])
        hit = None
        for i, (_, t, speakers) in enumerate(kg_quotes):
            if i in used or not _same_text(t, want):
                continue
            if speakers & nodes_for(gq["speaker"]):
                hit = i
                if gq["speaker"] in anonymous:
                    described_used.update(speakers & nodes_for(gq["speaker"]))
                break
        if hit is None:
            qs.fn += 1
            qs.misses.append(f"{gq['speaker']}: {gq['text'][:40]}")
        else:
            used.add(hit)
            qs.tp += 1
    for i, (_, t, _) in enumerate(kg_quotes):
        if i not in used:
            qs.fp += 1
            qs.extras.append(t[:40])

    for n in sorted(kg_nodes):
        if n in node_gold or n in described_used:
            continue
        labs = kg_labels[n]
        if SANAD.Person in types(n) and any(a in lab or lab in a for lab in labs for a in anon_names):
            continue
        ent.fp += 1
        ent.extras.append(f"{n} {sorted(labs)[:2]}")

    am = Count()
    kg_amounts = set()
    for m in g.subjects(RDF.type, SANAD.MonetaryAmount):
        for v in g.objects(m, SANAD.value):
            for c in g.objects(m, SANAD.currency) or [None]:
                kg_amounts.add((float(v), str(c)))
    gold_amounts = {(float(a["value"]), a["currency"]) for a in gold.get("amounts", [])}
    for ga in gold_amounts:
        if any(_close(v, ga[0]) and c == ga[1] for v, c in kg_amounts):
            am.tp += 1
        else:
            am.fn += 1
            am.misses.append(f"{ga[0]:.0f} {ga[1]}")
    for ka in kg_amounts:
        if not any(_close(ka[0], v) and ka[1] == c for v, c in gold_amounts):
            am.fp += 1
            am.extras.append(f"{ka[0]:.0f} {ka[1]}")

    hw = Count()
    kg_hw = set()
    for m in g.subjects(RDF.type, SANAD.HardwareMention):
        for h in g.objects(m, SANAD.hardware):
            for q in g.objects(m, SANAD.quantity):
                for lab in labels(h):
                    kg_hw.add((lab, int(q)))
    gold_hw = {(norm(h["model"]), int(h["quantity"])) for h in gold.get("hardware", [])}
    for gh in gold_hw:
        if any(lab.endswith(gh[0]) and q == gh[1] for lab, q in kg_hw):
            hw.tp += 1
        else:
            hw.fn += 1
            hw.misses.append(f"{gh[1]} x {gh[0]}")
    for q in {q for _, q in kg_hw}:
        if not any(q == gq for _, gq in gold_hw):
            hw.fp += 1
            hw.extras.append(f"quantity {q}")

    ev_nodes = set(g.objects(None, SANAD.evidence)) | set(g.subjects(RDF.type, SANAD.Evidence))
    ok, bad = 0, []
    for ev in ev_nodes:
        try:
            start, end = int(next(g.objects(ev, SANAD.start))), int(next(g.objects(ev, SANAD.end)))
            exact = str(next(g.objects(ev, SANAD.exact)))
        except StopIteration:
            bad.append(f"{ev}: missing start/end/exact")
            continue
        if text[start:end] == exact:
            ok += 1
        else:
            bad.append(f"{ev}: text[{start}:{end}] != {exact[:30]!r}")
    fact_nodes = set(kg_nodes) | kg_deals
    for c in (SANAD.Quote, SANAD.HardwareMention, SANAD.MonetaryAmount, SANAD.Position, SANAD.Assertion):
        fact_nodes |= set(g.subjects(RDF.type, c))
    without = [n for n in fact_nodes if not any(True for _ in g.objects(n, SANAD.evidence))]
    return Score(article, dict(zip(CATEGORIES, (ent, rel, qs, am, hw))), violations, len(ev_nodes), ok, bad,
                 len(fact_nodes), len(without))


def _close(a, b) -> bool:
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def _same_text(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a in b or b in a:
        return min(len(a), len(b)) / max(len(a), len(b)) >= 0.7
    ta, tb = set(a.split()), set(b.split())
    return len(ta & tb) / len(ta | tb) >= 0.8


def _short(labels, node) -> str:
    labs = sorted(labels(node))
    return labs[0] if labs else str(node).rsplit("/", 1)[-1]


def pair_folder(folder: Path) -> list[tuple[Path, Path]]:
    """(article, gold) pairs: each X.gold.json names its article, which sits beside it."""
    pairs = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        name = read_gold(gold_path).get("article")
        if not isinstance(name, str) or not name:
            raise InputError("gold file has no 'article' field naming its article", gold_path)
        article = gold_path.parent / Path(name).name
        if not article.exists():
            raise InputError(f"its article '{name}' is not in {gold_path.parent}", gold_path)
        pairs.append((article, gold_path))
    if not pairs:
        raise InputError("no *.gold.json files", folder)
    return pairs


def report(scores: list[Score], verbose: bool = True) -> str:
    lines = []
    for s in scores:
        p, r, f = s.micro.prf()
        lines.append(f"{s.article}: micro-F1 {f:.3f} (P {p:.3f} R {r:.3f}); evidence {s.spans_valid}/{s.spans}; "
                     f"violations {len(s.violations)}")
        if verbose:
            for name, c in s.categories.items():
                cp, cr, cf = c.prf()
                lines.append(f"  {name:10} P {cp:.2f} R {cr:.2f} F1 {cf:.2f}  (tp {c.tp} fp {c.fp} fn {c.fn})")
                lines += [f"      missed: {m}" for m in c.misses] + [f"      extra:  {x}" for x in c.extras[:15]]
            lines += [f"  violation: {v}" for v in s.violations]
    if len(scores) > 1:
        total = Count()
        for s in scores:
            total.add(s.micro)
        p, r, f = total.prf()
        lines.append(f"pooled over {len(scores)} articles: micro-F1 {f:.3f} (P {p:.3f} R {r:.3f}; "
                     f"tp {total.tp} fp {total.fp} fn {total.fn}); violations {sum(len(s.violations) for s in scores)}")
    return "\n".join(lines) + "\n"
