"""Score the coder on PLOVER gold-standard records (the GSR JSON format).

Two views, as the project is judged:
- given-pair: the record's actor and recipient spans (from its markup) go to
  ``Coder.classify``; the predicted category is compared with the gold one;
- end-to-end: ``Coder.code`` on the sentence; a hit when any non-negated event has the
  gold category; actor/recipient codes are read from that event.

Gold names from older PLOVER versions are mapped to the current manual's.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from .knowledge import CATEGORIES

OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}
MARK = re.compile(r"\((SRC/TAR|SRC|TAR|EVT|LOC):\s*([^()]*?)\)")


def gold_category(rec: dict) -> str:
    return OLD_NAMES.get(rec["event"], rec["event"])


def markup_spans(rec: dict) -> dict[str, list[tuple[int, int]]]:
    """Character spans of the SRC/TAR/EVT/LOC marks, located in the record's plain text."""
    text = rec["text"]
    info = rec.get("textInfo") or {}
    markup = info if isinstance(info, str) else info.get("markup") or ""  # one record stores the markup bare
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    pos = 0
    for m in MARK.finditer(markup):
        kind, words = m.group(1), m.group(2).strip()
        if not words:
            continue
        i = text.find(words, pos)
        if i < 0:
            i = text.find(words)
        if i < 0:
            continue
        spans[kind].append((i, i + len(words)))
        pos = i + len(words)
    return spans


def pair_spans(rec: dict) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    s = markup_spans(rec)
    actors = s.get("SRC", []) + s.get("SRC/TAR", [])
    actors.sort()
    recips = s.get("TAR", [])
    if not recips and len(s.get("SRC/TAR", [])) > 1 and not s.get("SRC"):
        recips = []  # reciprocal: all parties are actors
    return (actors[0] if actors else None), (recips[0] if recips else None)


# the GSR keeps three pre-ISO CAMEO country codes
OLD_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def _code_match(pred: str | None, gold: str) -> bool:
    if not pred:
        return False
    gold = OLD_CODES.get(gold, gold)
    return pred == gold or (gold == "IGO" and pred in ("UNO", "EUR", "IGO"))


def _gold_entities(rec: dict, key: str) -> list[dict]:
    val = rec.get(key) or []
    if isinstance(val, dict):
        val = [val]
    return [v for v in val if isinstance(v, dict) and v.get("code")]


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "support": tp + fn}


def evaluate_gsr(path: str | Path, limit: int | None = None, show_progress: bool = False) -> dict[str, Any]:
    from .coder import Coder

    records = [r for r in json.loads(Path(path).read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    if limit:
        records = records[:limit]
    coder = Coder()
    gold, given, e2e_hits = [], [], 0
    mistakes = []
    pair_actor_country, pair_actor_sector, pair_recip_country = Counter(), Counter(), Counter()
    actor_country = Counter()
    actor_sector = Counter()
    recip_country = Counter()
    it = records
    if show_progress:
        from tqdm import tqdm
        it = tqdm(records, unit="rec", file=__import__("sys").stderr)
    for rec in it:
        g = gold_category(rec)
        gold.append(g)
        result = coder.code(rec["text"])
        actor_span, recip_span = pair_spans(rec)
        pred = coder.classify(rec["text"], actor_span, recip_span)["event"]
        given.append(pred or "NONE")
        if pred != g:
            mistakes.append({"id": rec.get("id"), "gold": g, "predicted": pred, "text": rec["text"]})
        spans = markup_spans(rec)
        for key, counter, sector_counter, marks in (
                ("source", pair_actor_country, pair_actor_sector, spans.get("SRC", []) + spans.get("SRC/TAR", [])),
                ("target", pair_recip_country, None, spans.get("TAR", []))):
            for gent, mark in zip(_gold_entities(rec, key), sorted(marks)):
                ents = coder.entities_at(rec["text"], mark)
                counter["hit" if any(_code_match(e.country, gent["code"]) for e in ents) else "miss"] += 1
                sec = (gent.get("sector") or "")[:3]
                if sector_counter is not None and sec and sec != "***":
                    ok = any(e.sector == sec or sec in e.other_sectors for e in ents)
                    sector_counter["hit" if ok else "miss"] += 1
        hits = [e for e in result.events if e.event == g and not e.negated]
        e2e_hits += bool(hits)
        # actor and recipient codes: from the matching event, else the most confident one
        ev = max(hits, key=lambda e: e.confidence) if hits else (
            max(result.events, key=lambda e: e.confidence) if result.events else None)
        for gent in _gold_entities(rec, "source"):
            ok = bool(ev) and any(_code_match(a.country, gent["code"]) for a in ev.actor)
            actor_country["hit" if ok else "miss"] += 1
            sec = (gent.get("sector") or "")[:3]
            if sec and sec != "***":
                oks = bool(ev) and any((a.sector or "") == sec or sec in a.other_sectors for a in ev.actor)
                actor_sector["hit" if oks else "miss"] += 1
        for gent in _gold_entities(rec, "target"):
            ok = bool(ev) and any(_code_match(a.country, gent["code"]) for a in ev.recipient)
            recip_country["hit" if ok else "miss"] += 1

    n = len(records)
    per_cat = {}
    for c in CATEGORIES:
        tp = sum(1 for g, p in zip(gold, given) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, given) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, given) if g == c and p != c)
        if tp + fp + fn:
            per_cat[c] = _prf(tp, fp, fn)
    confusion = defaultdict(Counter)
    for g, p in zip(gold, given):
        confusion[g][p] += 1

    def acc(counter):
        total = counter["hit"] + counter["miss"]
        return {"accuracy": counter["hit"] / total if total else 0.0, "n": total}

    return {
        "records": n,
        "given_pair": {"accuracy": sum(g == p for g, p in zip(gold, given)) / n if n else 0.0,
                       "macro_f1": sum(v["f1"] for v in per_cat.values()) / len(per_cat) if per_cat else 0.0,
                       "per_category": per_cat},
        "end_to_end": {"accuracy": e2e_hits / n if n else 0.0},
        "given_pair_actors": {"actor_country": acc(pair_actor_country), "actor_sector": acc(pair_actor_sector),
                              "recipient_country": acc(pair_recip_country)},
        "end_to_end_actors": {"actor_country": acc(actor_country), "actor_sector": acc(actor_sector),
                              "recipient_country": acc(recip_country)},
        "confusion": {g: dict(c) for g, c in confusion.items()},
        "mistakes": mistakes,
    }


def format_report(r: dict[str, Any]) -> str:
    lines = [f"PLOVER GSR evaluation: {r['records']} records", ""]
    lines.append("Per category (given pair):")
    lines.append(f"  {'category':10} {'prec':>6} {'rec':>6} {'F1':>6} {'n':>4}")
    for c, v in r["given_pair"]["per_category"].items():
        lines.append(f"  {c:10} {v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f} {v['support']:4d}")
    lines.append("")
    lines.append("Confusion (gold → predicted, counts; only mistakes):")
    for g, row in sorted(r["confusion"].items()):
        wrong = ", ".join(f"{p} {n}" for p, n in sorted(row.items(), key=lambda kv: -kv[1]) if p != g)
        if wrong:
            lines.append(f"  {g:10} → {wrong}")
    lines.append("")
    lines.append(f"event category accuracy, given pair:  {r['given_pair']['accuracy']:.3f}"
                 f"   (macro-F1 {r['given_pair']['macro_f1']:.3f})")
    lines.append(f"event category accuracy, end to end:  {r['end_to_end']['accuracy']:.3f}")
    for label, key in (("given pair (marked spans)", "given_pair_actors"), ("end to end (coded event)", "end_to_end_actors")):
        a = r[key]
        lines.append(f"actors, {label}:")
        lines.append(f"  actor country accuracy:     {a['actor_country']['accuracy']:.3f}  (n={a['actor_country']['n']})")
        lines.append(f"  actor sector accuracy:      {a['actor_sector']['accuracy']:.3f}  (n={a['actor_sector']['n']})")
        lines.append(f"  recipient country accuracy: {a['recipient_country']['accuracy']:.3f}"
                     f"  (n={a['recipient_country']['n']})")
    return "\n".join(lines)
