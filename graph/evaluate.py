"""Score a build against gold annotations (one JSON file per report, the format of
``shared/gold``), so a researcher can annotate a sample of their own corpus and know how
far to trust the graph.

The measures follow the gold format's conventions: an entity is found when a node of its
type from its report carries one of its names among its labels (after quotes, brackets and
white space are removed, traditional script folded to simplified); relations are compared
between the gold entities their ends denote; the county roll-up asks only which county
conducts / implements / adopts what; statistics match on value and unit with at least half
of the indicator's characters; optional and implied gold entities are neither rewarded nor
penalised.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from .errors import InputError
from .model import ENTITY_TYPES
from .vocab import GK, NIF, ORG

TYPES = ENTITY_TYPES
RELATIONS = {"within": ("within", "out"), "jurisdiction": ("jurisdiction", "out"), "adopted_by": ("adopts", "in"),
             "conducted_by": ("conducts", "in"), "implemented_by": ("implements", "in"),
             "issued_by": ("issuedBy", "out"), "awarded_to": ("awardedTo", "out")}
ROLLUP = {"adopts", "conducts", "implements"}
_STRIP = re.compile(r"[\s“”\"'‘’「」『』《》〈〉<>()（）【】\[\]]+")


def norm(text) -> str:
    from .script import t2s

    return _STRIP.sub("", t2s(unicodedata.normalize("NFKC", str(text))))


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def as_dict(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(p, 4), "recall": round(r, 4),
                "f1": round(f, 4)}


def _gold_problem(data) -> str | None:
    """What keeps ``data`` from being a gold file, or None."""
    if not isinstance(data, dict) or not isinstance(data.get("report"), str):
        return 'no "report": the report id'
    if not isinstance(data.get("entities"), list):
        return 'no "entities" list'
    for i, e in enumerate(data["entities"]):
        if not isinstance(e, dict) or not isinstance(e.get("type"), str) or not isinstance(e.get("name"), str):
            return f'entity {i + 1} has no "type" and "name"'
    if not isinstance(data.get("statistics", []), list):
        return '"statistics" is not a list'
    return None


class GoldSet:
    def __init__(self, folder: Path):
        self.reports: dict[str, dict] = {}
        if not Path(folder).is_dir():
            raise InputError(f"{folder}: not a folder of gold .json files")
        self.files: dict[str, str] = {}  # report id -> the gold file naming it
        for path in sorted(Path(folder).glob("*.json")):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (ValueError, OSError) as exc:
                raise InputError(f"{path}: not a gold file ({exc})") from exc
            problem = _gold_problem(data)
            if problem:
                raise InputError(f"{path}: not a gold file ({problem})")
            self.reports[data["report"]] = data
            self.files[data["report"]] = path.name
        if not self.reports:
            raise InputError(f"{folder}: no gold .json files")
        self.entity: dict[tuple, dict] = {}
        self.names: dict[tuple, set[str]] = defaultdict(set)
        self.components: dict[tuple, set[str]] = defaultdict(set)
        self.optional: set[tuple] = set()
        for data in self.reports.values():
            for e in data["entities"]:
                key = (e["type"], norm(e["name"]))
                self.entity.setdefault(key, e)
                self.names[key] |= {norm(e["name"])} | {norm(a) for a in e.get("aliases", [])}
                self.components[key] |= {norm(c) for c in e.get("components") or []}
                if e.get("optional"):
                    self.optional.add(key)
        self.by_canonical: dict[str, set] = defaultdict(set)
        self.by_alias: dict[str, set] = defaultdict(set)
        for key, names in self.names.items():
            self.by_canonical[key[1]].add(key)
            for n in names:
                self.by_alias[n].add(key)

    def keys_for(self, labels: set[str], etype: str | None, pref: str | None = None) -> set:
        if pref and etype and (etype, pref) in self.entity:
            return {(etype, pref)}
        keys = set().union(*(self.by_canonical.get(x, set()) for x in labels)) if labels else set()
        if not keys:
            for x in labels:
                cands = self.by_alias.get(x, set())
                if len(cands) == 1:
                    keys |= cands
        return {k for k in keys if k[0] == etype} if etype else keys

    def key_in(self, report: dict, name: str) -> tuple | None:
        n = norm(name)
        return next(((e["type"], n) for e in report["entities"] if norm(e["name"]) == n), None)

    def relations(self) -> tuple[set, set]:
        out = set()
        for data in self.reports.values():
            for e in data["entities"]:
                me = (e["type"], norm(e["name"]))
                for field, (pred, direction) in RELATIONS.items():
                    targets = e.get(field) or []
                    for t in [targets] if isinstance(targets, str) else targets:
                        tk = self.key_in(data, t)
                        if tk is not None:
                            out.add((pred, me, tk) if direction == "out" else (pred, tk, me))
        tolerated = {r for r in out if r[1] in self.optional or r[2] in self.optional}
        return out - tolerated, tolerated

    def county_of(self, key: tuple, seen: set | None = None) -> str | None:
        seen = seen if seen is not None else set()
        if key in seen or key not in self.entity:
            return None
        seen.add(key)
        e = self.entity[key]
        if e["type"] == "Place":
            if e.get("level") == "county":
                return key[1]
            return self.county_of(("Place", norm(e["within"])), seen) if e.get("within") else None
        if e["type"] == "Agency" and e.get("jurisdiction"):
            return self.county_of(("Place", norm(e["jurisdiction"])), seen)
        return None


class BuiltGraph:
    def __init__(self, g: Graph, ontology: Graph | None = None):
        self.g = g
        classes = {t: _subclasses(ontology or g, GK[t]) for t in TYPES}
        self.type_of: dict = {}
        for t in TYPES:
            for cls in classes[t]:
                for e in g.subjects(RDF.type, cls):
                    self.type_of.setdefault(e, t)
        self.labels = {e: {norm(o) for p in (SKOS.prefLabel, SKOS.altLabel, RDFS.label)
                           for o in g.objects(e, p) if isinstance(o, Literal)} - {""} for e in self.type_of}
        self.pref = {e: norm(p) for e in self.type_of if (p := g.value(e, SKOS.prefLabel)) is not None}
        self.reports_of: dict = defaultdict(set)
        self.mentions = []
        for e in self.type_of:
            for m in g.objects(e, GK.mention):
                rid = self.report_id(g.value(m, GK.report))
                if rid:
                    self.reports_of[e].add(rid)
                self.mentions.append((rid, g.value(m, NIF.beginIndex), g.value(m, NIF.endIndex), g.value(m, NIF.anchorOf)))

    def report_id(self, r) -> str | None:
        ident = self.g.value(r, DCTERMS.identifier) if r is not None else None
        return str(ident) if ident is not None else None

    def keys(self, gold: GoldSet, node) -> set:
        return gold.keys_for(self.labels.get(node, set()), self.type_of.get(node), self.pref.get(node))

    def label(self, node) -> str:
        if isinstance(node, Literal):
            return norm(node)
        lab = self.g.value(node, SKOS.prefLabel) or self.g.value(node, RDFS.label)
        return norm(lab) if lab is not None else ""


def _subclasses(g: Graph, root: URIRef) -> set:
    out, todo = {root}, [root]
    while todo:
        c = todo.pop()
        for sub in g.subjects(RDFS.subClassOf, c):
            if sub not in out:
                out.add(sub)
                todo.append(sub)
    return out


def _entities(gold: GoldSet, bg: BuiltGraph) -> dict:
    per_type = {t: PRF() for t in TYPES}
    untyped = PRF()  # the same, ignoring types
    for rid, data in gold.reports.items():
        nodes = sorted((n for n, rs in bg.reports_of.items() if rid in rs), key=str)
        required, tolerated = [], []
        for e in data["entities"]:
            names = {norm(e["name"])} | {norm(a) for a in e.get("aliases", [])}
            (tolerated if e.get("optional") or e.get("implied") else required).append((e, names))
        used = set()
        for e, names in required:
            hit = next((n for n in nodes if n not in used and bg.type_of[n] == e["type"] and bg.labels[n] & names), None)
            if hit is not None:
                used.add(hit)
                per_type[e["type"]].tp += 1
            else:
                per_type[e["type"]].fn += 1
            if any(bg.labels[n] & names for n in nodes):
                untyped.tp += 1
            else:
                untyped.fn += 1
        for n in nodes:
            if n in used:
                continue
            t = bg.type_of[n]
            if not any(e["type"] == t and bg.labels[n] & names for e, names in tolerated + required):
                per_type[t].fp += 1
                if not any(bg.labels[n] & names for _, names in required + tolerated):
                    untyped.fp += 1
    out = {t: v.as_dict() for t, v in per_type.items()}
    out["all"] = PRF(*(sum(getattr(v, f) for v in per_type.values()) for f in ("tp", "fp", "fn"))).as_dict()
    out["untyped"] = untyped.as_dict()
    return out


def _relations(gold: GoldSet, bg: BuiltGraph) -> dict:
    g = bg.g
    want, tolerated = gold.relations()
    got, stray = set(), defaultdict(int)
    preds = {p for p, _ in RELATIONS.values()}
    for pred in preds:
        for s, o in g.subject_objects(GK[pred]):
            pairs = {(pred, a, b) for a in bg.keys(gold, s) for b in bg.keys(gold, o)}
            if pairs & want:
                got |= pairs & want
            elif not pairs & tolerated:
                stray[pred] += 1
    out = {}
    for pred in sorted(preds):
        w = {r for r in want if r[0] == pred}
        tp = len({r for r in got if r[0] == pred})
        out[pred] = PRF(tp, stray[pred], len(w) - tp).as_dict()
    out["all"] = PRF(*(sum(v[k] for v in out.values()) for k in ("tp", "fp", "fn"))).as_dict()
    want_c = {(p, gold.county_of(s), o) for p, s, o in want if p in ROLLUP and gold.county_of(s)}
    tol_c = {(p, gold.county_of(s), o) for p, s, o in tolerated if p in ROLLUP}
    got_c, stray_c = set(), set()
    for pred in ROLLUP:
        for s, o in g.subject_objects(GK[pred]):
            combos = {(pred, gold.county_of(ks), ko) for ks in bg.keys(gold, s) for ko in bg.keys(gold, o)
                      if gold.county_of(ks)}
            if combos & want_c:
                got_c |= combos & want_c
            elif combos and not combos & tol_c:
                stray_c.add(min(combos))
    out["county_rollup"] = PRF(len(got_c), len(stray_c - got_c), len(want_c - got_c)).as_dict()
    return out


def _components(gold: GoldSet, bg: BuiltGraph) -> dict:
    c = PRF()
    exact = total = 0
    for key, comps in gold.components.items():
        if not comps or key in gold.optional:
            continue
        total += 1
        got = set()
        for n, t in bg.type_of.items():
            if t == "Mechanism" and key in bg.keys(gold, n):
                got |= {bg.label(o) for o in bg.g.objects(n, GK.hasComponent)}
        c.tp += len(got & comps)
        c.fp += len(got - comps)
        c.fn += len(comps - got)
        exact += got == comps
    out = c.as_dict()
    out["mechanisms_exact"] = f"{exact}/{total}"
    return out


def _posts(gold: GoldSet, bg: BuiltGraph) -> dict:
    want, tolerated = set(), set()
    for data in gold.reports.values():
        for e in data["entities"]:
            for post in e.get("posts") or []:
                org = gold.key_in(data, post["org"])
                k = ((e["type"], norm(e["name"])), norm(post["title"]), org)
                (tolerated if e.get("optional") or org in gold.optional else want).add(k)
    got, stray = set(), 0
    for person, post in bg.g.subject_objects(ORG.holds):
        title = bg.label(post)
        for org in bg.g.objects(post, ORG.postIn):
            combos = {(kp, title, ko) for kp in bg.keys(gold, person) for ko in bg.keys(gold, org)}
            if combos & want:
                got |= combos & want
            elif not combos & tolerated:
                stray += 1
    return PRF(len(got), stray, len(want - got)).as_dict()


def _statistics(gold: GoldSet, bg: BuiltGraph) -> dict:
    g = bg.g
    by_report = defaultdict(list)
    for s in g.subjects(RDF.type, GK.Statistic):
        try:
            value = float(g.value(s, GK.value))
        except (TypeError, ValueError):
            continue
        by_report[bg.report_id(g.value(s, GK.report))].append(
            {"value": value, "unit": norm(g.value(s, GK.unit) or ""), "indicator": norm(g.value(s, GK.indicator) or ""),
             "about": bg.labels.get(g.value(s, GK.about), set())})
    c, subj_ok = PRF(), 0
    for rid, data in gold.reports.items():
        cands, golds = by_report.get(rid, []), data.get("statistics", [])
        pairs = []
        for gi, st in enumerate(golds):
            want = set(norm(st["indicator"]))
            for ci, cand in enumerate(cands):
                if abs(cand["value"] - float(st["value"])) > 1e-6 * max(1.0, abs(float(st["value"]))):
                    continue
                if cand["unit"] != norm(st["unit"]) or not want:
                    continue
                overlap = len(set(cand["indicator"]) & want) / len(want)
                if overlap >= 0.5:
                    pairs.append((-overlap, gi, ci))
        used_g, used_c = set(), set()
        for _, gi, ci in sorted(pairs):
            if gi in used_g or ci in used_c:
                continue
            used_g.add(gi)
            used_c.add(ci)
            c.tp += 1
            subj = gold.key_in(data, golds[gi]["subject"]) if golds[gi].get("subject") else None
            if subj and subj in gold.keys_for(cands[ci]["about"], subj[0]):
                subj_ok += 1
        c.fn += len(golds) - len(used_g)
        c.fp += len(cands) - len(used_c)
    out = c.as_dict()
    out["subject_accuracy"] = round(subj_ok / c.tp, 4) if c.tp else 0.0
    return out


def _provenance(bg: BuiltGraph, reports: Path | None) -> dict:
    out: dict = {"mentions": len(bg.mentions)}
    if reports is not None:
        from .read import read_report, report_files

        from .rdf import writable

        # anchors are the text as read, but for characters no XML can hold (written as U+FFFD, one for one)
        texts = {rid: writable(read_report(p, rid).text) for p, rid in report_files(reports)}
        ok = sum(1 for rid, b, e, a in bg.mentions
                 if rid in texts and None not in (b, e, a) and texts[rid][int(b):int(e)] == str(a))
        out["offsets_valid"] = round(ok / len(bg.mentions), 4) if bg.mentions else 0.0
    preds = [GK[p] for p, _ in RELATIONS.values()]
    n_rel = sum(1 for p in preds for _ in bg.g.subject_objects(p))
    evidenced = {(bg.g.value(st, RDF.subject), bg.g.value(st, RDF.predicate), bg.g.value(st, RDF.object))
                 for st in bg.g.subjects(RDF.type, RDF.Statement)
                 if bg.g.value(st, GK.quote) is not None and bg.g.value(st, RDF.predicate) in preds}
    out["relations"] = n_rel
    out["relations_with_evidence"] = round(len(evidenced) / n_rel, 4) if n_rel else 0.0
    return out


def _resolution(gold: GoldSet, bg: BuiltGraph) -> dict:
    nodes_per_key = defaultdict(set)
    over = 0
    for n in bg.type_of:
        keys = bg.keys(gold, n)
        for k in keys:
            nodes_per_key[k].add(n)
        over += len(keys) > 1
    split = [k for k in gold.entity if len(nodes_per_key.get(k, ())) > 1]
    return {"gold_entities_found": sum(1 for k in gold.entity if k in nodes_per_key),
            "split_into_several_nodes": len(split), "nodes_merging_several_gold_entities": over,
            "split_examples": [k[1] for k in split[:10]]}


def evaluate(graph: Graph, gold_dir: str | Path, *, ontology: Graph | None = None,
             reports: str | Path | None = None) -> dict:
    """Score ``graph`` (a build's union graph) against the gold files in ``gold_dir``."""
    gold = GoldSet(Path(gold_dir))
    if ontology is None:
        from .validate import ontology_file

        ontology = Graph().parse(ontology_file("govkg.ttl"), format="turtle")
    built = {str(i) for r in graph.subjects(RDF.type, GK.Report) for i in graph.objects(r, DCTERMS.identifier)}
    unmatched = sorted(gold.files[rid] for rid in gold.reports if rid not in built)
    if len(unmatched) == len(gold.reports):
        some_gold = ", ".join(sorted(gold.reports)[:3])
        some_built = ", ".join(sorted(built)[:3]) or "none"
        raise InputError(f"{gold_dir}: none of its {len(unmatched)} gold files names a report of this build "
                         f"(gold report ids: {some_gold}…; the build's: {some_built}…); a gold file's \"report\" "
                         f"is the report's path under the source folder without its suffix")
    bg = BuiltGraph(graph, ontology)
    named = {"gold_without_report": unmatched} if unmatched else {}  # (absent when all match, as in the reference scorer)
    return {"reports": len(gold.reports), **named,
            "entities": _entities(gold, bg), "relations": _relations(gold, bg),
            "components": _components(gold, bg), "posts": _posts(gold, bg), "statistics": _statistics(gold, bg),
            "provenance": _provenance(bg, Path(reports) if reports else None), "resolution": _resolution(gold, bg)}


def format_scores(result: dict) -> str:
    lines = [f"reports scored: {result['reports']}"]
    if result.get("gold_without_report"):
        missing = result["gold_without_report"]
        lines.append(f"gold files naming no report of the build (their entities count as missed): {len(missing)}: "
                     + ", ".join(missing))
    lines += [f"{'':18}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]

    def row(name: str, s: dict) -> None:
        lines.append(f"{name:18}{s['precision']:7.3f}{s['recall']:7.3f}{s['f1']:7.3f}{s['tp']:6}{s['fp']:6}{s['fn']:6}")

    for t in TYPES + ("all", "untyped"):
        row(f"entity {t}", result["entities"][t])
    for p, s in result["relations"].items():
        row(f"rel {p}", s)
    row("components", result["components"])
    lines.append(f"{'':18}mechanisms with exact components: {result['components']['mechanisms_exact']}")
    row("posts", result["posts"])
    row("statistics", result["statistics"])
    lines.append(f"{'':18}statistic subject accuracy: {result['statistics']['subject_accuracy']}")
    lines.append("provenance: " + json.dumps(result["provenance"], ensure_ascii=False))
    lines.append("resolution: " + json.dumps(result["resolution"], ensure_ascii=False))
    return "\n".join(lines) + "\n"
