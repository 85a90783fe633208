"""Event coding on our own annotated data (benchmarks/data), split into dev and held-out test.

    python benchmarks/events.py [--split dev|test|all] [--errors] [FILE ...]

Each data file is scored on its own (default: every ``events_*.jsonl`` in benchmarks/data);
a file whose name contains "paragraphs" holds paragraphs, any other holds sentences.

- sentences: category accuracy given the actor/recipient pair (`classify`) and end to end
  (`code`: any non-negated event of the gold category), actor country accuracy;
- paragraphs: category and mode of the main event (the event with the highest confidence).

The sets:
- ``events_sentences.jsonl`` / ``events_paragraphs.jsonl``: modern news sentences and
  paragraphs written for this project from the manual's definitions;
- ``events_cameo.jsonl``: wire sentences in the style of the CAMEO codebook's examples,
  two for every CAMEO code that CAMEO2PLOVER maps to a PLOVER category, gold category
  from that table (``cameo`` field); one sentence of each code is dev, the other test;
- ``events_cameo_more.jsonl`` / ``events_news_paragraphs_more.jsonl``: a second blind batch,
  dev only, worded on purpose with idioms and constructions a lexicon misses;
- ``events_cameo_plain.jsonl``: a third blind batch in plain wire style, two more sentences
  per code, the first of each pair dev and the second test;
- ``events_gsr_style.jsonl``: a fourth blind batch, one sentence for every mapped CAMEO code
  in the style of the PLOVER gold-standard records (whole wire sentences, attribution tails,
  other parties' events beside the coded one); all of it held out, never tuned on;
- ``events_news_paragraphs_blind.jsonl``: 60 more news paragraphs written blind, all held out;
- ``events_news_paragraphs.jsonl``: news paragraphs (one to three sentences) on violence,
  protest, arrests and agreements, written blind (without running the coder), main event
  and mode; in one in six the lead sentence is a reaction and the main event comes second.

classify's fallback (tools/train_fallback.py) trains on the dev sentences of all of them.
The test split was written to be looked at only for reporting, never for tuning rules.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def load(path: Path, split: str) -> list[dict]:
    rows = [json.loads(l) for l in path.open(encoding="utf-8") if l.strip()]
    return [r for r in rows if split == "all" or r.get("split") == split]


def span_of(text: str, sub: dict | None):
    if not sub or not sub.get("text"):
        return None
    i = text.find(sub["text"])
    return (i, i + len(sub["text"])) if i >= 0 else None


def country_ok(pred: str | None, gold: str | None) -> bool:
    return bool(pred) and (pred == gold or (gold == "IGO" and pred in ("UNO", "EUR")))


def score_sentences(coder, rows: list[dict], label: str, errors: bool) -> None:
    pair_ok = e2e_ok = 0
    actor_hits = Counter()
    misses = Counter()
    for r in rows:
        text = r["text"]
        pred = coder.classify(text, span_of(text, r.get("actor")), span_of(text, r.get("recipient")))["event"]
        pair_ok += pred == r["event"]
        if pred != r["event"]:
            misses[(r["event"], pred)] += 1
            if errors:
                print(f"  pair  {r['id']} gold {r['event']} pred {pred}: {text}")
        res = coder.code(text)
        hits = [e for e in res.events if e.event == r["event"] and not e.negated]
        e2e_ok += bool(hits)
        if r.get("actor") and r["actor"].get("country"):
            ev = max(hits or res.events, key=lambda e: e.confidence) if (hits or res.events) else None
            ok = bool(ev) and any(country_ok(a.country, r["actor"]["country"]) for a in ev.actor)
            actor_hits["hit" if ok else "miss"] += 1
    n = len(rows)
    print(f"{label} sentences: {n}")
    if not n:
        return
    print(f"  category accuracy, given pair: {pair_ok / n:.3f}")
    print(f"  category accuracy, end to end: {e2e_ok / n:.3f}")
    total_actor = actor_hits["hit"] + actor_hits["miss"]
    if total_actor:
        print(f"  actor country accuracy:        {actor_hits['hit'] / total_actor:.3f}  (n={total_actor})")
    common = ", ".join(f"{g}→{p} {c}" for (g, p), c in misses.most_common(8))
    print(f"  most common confusions: {common}")


def score_paragraphs(coder, rows: list[dict], label: str, errors: bool) -> None:
    cat_ok = mode_ok = mode_n = 0
    for r in rows:
        res = coder.code(r["text"])
        main_ev = max((e for e in res.events if not e.negated), key=lambda e: e.confidence, default=None)
        got = main_ev.event if main_ev else None
        cat_ok += got == r["event"]
        if r.get("mode"):
            mode_n += 1
            mode_ok += bool(main_ev) and got == r["event"] and main_ev.mode == r["mode"]
        if errors and (got != r["event"] or (r.get("mode") and main_ev and main_ev.mode != r["mode"])):
            print(f"  para  {r['id']} gold {r['event']}/{r.get('mode')} "
                  f"pred {got}/{main_ev.mode if main_ev else None}: {r['text'][:120]}")
    m = len(rows)
    print(f"{label} paragraphs: {m}")
    if m:
        print(f"  main event category accuracy:  {cat_ok / m:.3f}")
        if mode_n:
            print(f"  main event category+mode acc.: {mode_ok / mode_n:.3f}  (n={mode_n} with a gold mode)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path, help="data files (default: benchmarks/data/events_*.jsonl)")
    ap.add_argument("--split", default="all", choices=("dev", "test", "all"))
    ap.add_argument("--errors", action="store_true", help="print every miss")
    args = ap.parse_args()

    from dotterel.coder import Coder
    coder = Coder()

    for path in args.files or sorted(DATA.glob("events_*.jsonl")):
        for split in (("dev", "test") if args.split == "all" else (args.split,)):
            rows = load(path, split)
            if rows:  # the *_more files are dev only
                score = score_paragraphs if "paragraphs" in path.name else score_sentences
                score(coder, rows, f"[{path.stem} {split}]", args.errors)


if __name__ == "__main__":
    main()
