"""Event coding on our own annotated data (benchmarks/data), split into dev and held-out test.

    python benchmarks/events.py [--split dev|test|all] [--errors]

- sentences: category accuracy given the actor/recipient pair (`classify`) and end to end
  (`code`: any non-negated event of the gold category), actor country accuracy;
- paragraphs: category and mode of the main event (the event with the highest confidence).

The test split was written to be looked at only for reporting, never for tuning rules.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def load(name: str, split: str) -> list[dict]:
    path = DATA / name
    rows = [json.loads(l) for l in path.open(encoding="utf-8") if l.strip()]
    return [r for r in rows if split == "all" or r.get("split") == split]


def span_of(text: str, sub: dict | None):
    if not sub or not sub.get("text"):
        return None
    i = text.find(sub["text"])
    return (i, i + len(sub["text"])) if i >= 0 else None


def country_ok(pred: str | None, gold: str | None) -> bool:
    return bool(pred) and (pred == gold or (gold == "IGO" and pred in ("UNO", "EUR")))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="all", choices=("dev", "test", "all"))
    ap.add_argument("--errors", action="store_true", help="print every miss")
    args = ap.parse_args()

    from dotterel.coder import Coder
    coder = Coder()

    for split in (("dev", "test") if args.split == "all" else (args.split,)):
        sents = load("events_sentences.jsonl", split)
        pair_ok = e2e_ok = 0
        actor_hits = Counter()
        misses = Counter()
        for r in sents:
            text = r["text"]
            pred = coder.classify(text, span_of(text, r.get("actor")), span_of(text, r.get("recipient")))["event"]
            pair_ok += pred == r["event"]
            if pred != r["event"]:
                misses[(r["event"], pred)] += 1
                if args.errors:
                    print(f"  pair  {r['id']} gold {r['event']} pred {pred}: {text}")
            res = coder.code(text)
            hits = [e for e in res.events if e.event == r["event"] and not e.negated]
            e2e_ok += bool(hits)
            if r.get("actor") and r["actor"].get("country"):
                ev = max(hits or res.events, key=lambda e: e.confidence) if (hits or res.events) else None
                ok = bool(ev) and any(country_ok(a.country, r["actor"]["country"]) for a in ev.actor)
                actor_hits["hit" if ok else "miss"] += 1
        paras = load("events_paragraphs.jsonl", split)
        cat_ok = mode_ok = mode_n = 0
        for r in paras:
            res = coder.code(r["text"])
            main_ev = max((e for e in res.events if not e.negated), key=lambda e: e.confidence, default=None)
            got = main_ev.event if main_ev else None
            cat_ok += got == r["event"]
            if r.get("mode"):
                mode_n += 1
                mode_ok += bool(main_ev) and got == r["event"] and main_ev.mode == r["mode"]
            if args.errors and (got != r["event"] or (r.get("mode") and main_ev and main_ev.mode != r["mode"])):
                print(f"  para  {r['id']} gold {r['event']}/{r.get('mode')} "
                      f"pred {got}/{main_ev.mode if main_ev else None}: {r['text'][:120]}")
        n, m = len(sents), len(paras)
        total_actor = actor_hits["hit"] + actor_hits["miss"]
        print(f"[{split}] sentences: {n}")
        if n:
            print(f"  category accuracy, given pair: {pair_ok / n:.3f}")
            print(f"  category accuracy, end to end: {e2e_ok / n:.3f}")
            if total_actor:
                print(f"  actor country accuracy:        {actor_hits['hit'] / total_actor:.3f}  (n={total_actor})")
            common = ", ".join(f"{g}→{p} {c}" for (g, p), c in misses.most_common(8))
            print(f"  most common confusions: {common}")
        print(f"[{split}] paragraphs: {m}")
        if m:
            print(f"  main event category accuracy:  {cat_ok / m:.3f}")
            if mode_n:
                print(f"  main event category+mode acc.: {mode_ok / mode_n:.3f}  (n={mode_n} with a gold mode)")


if __name__ == "__main__":
    main()
