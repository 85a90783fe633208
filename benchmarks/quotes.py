"""Quote benchmark: precision, recall and F1 of quotes, and speaker accuracy.

Data: ``benchmarks/data/quotes.jsonl``, one short invented news text a line,
``{"text", "style", "split", "quotes": [{"kind", "text", "speaker"}]}``.
Gold conventions: a direct quote's text is the quoted words (for an interrupted
or multi-paragraph quote, from its first to its last quoted word); an indirect
quote's text is the reported clause without "that"; a quoted fragment inside a
reported clause belongs to the indirect quote; the speaker is the name as
written in the text (null when the text does not say who spoke).  ``split`` is
``dev`` for texts written while the rules were made and ``heldout`` for texts
written after they were finished.

A prediction matches a gold quote when their spans overlap by at least half of
the longer one (each gold quote matches at most one prediction).  A matched
speaker is right when the gold name is contained in the predicted speaker's
name or text (or both are null).

Usage: ``python benchmarks/quotes.py [--verbose]``
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

DATA = Path(__file__).parent / "data" / "quotes.jsonl"


def extractor(with_actors: bool = True):
    """Text → quotes, through the full coder when it can be built, else parse + find_quotes.

    ``with_actors=False`` measures the speech rules alone (speakers as written).
    """
    if with_actors:
        try:
            from dotterel.coder import Coder
            coder = Coder()
            return lambda text: coder.code(text).quotes, "dotterel.coder.Coder"
        except ImportError:
            pass
    from dotterel import nlp
    from dotterel.speech import find_quotes
    pipeline = nlp.load()
    resolver = None
    if with_actors:
        try:
            from dotterel import knowledge
            from dotterel.actors import ActorResolver
            resolver = ActorResolver(knowledge.default(), pipeline)
        except ImportError:
            pass

    def run(text):
        doc = pipeline(text)
        return find_quotes(doc, resolver.resolve(doc) if resolver else None)
    return run, "parse + find_quotes" + (" + ActorResolver" if resolver else " (no actor resolver)")


def gold_span(text: str, quote: dict) -> tuple[int, int]:
    start = text.find(quote["text"])
    if start < 0:
        raise ValueError(f"gold quote not in its text: {quote['text'][:60]!r}")
    return start, start + len(quote["text"])


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return inter / max(a[1] - a[0], b[1] - b[0], 1)


def speaker_ok(gold: str | None, predicted) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    g = gold.lower()
    return any(g in (s or "").lower() for s in (predicted.name, predicted.text))


def score(items, run, verbose=False) -> dict:
    tp = fp = fn = right = 0
    for item in items:
        text = item["text"]
        gold = [(gold_span(text, q), q) for q in item["quotes"]]
        predicted = run(text)
        used: set[int] = set()
        for span, q in gold:
            best = max(((overlap(span, tuple(p.span)), k) for k, p in enumerate(predicted) if k not in used),
                       default=(0.0, None))
            if best[0] >= 0.5:
                used.add(best[1])
                tp += 1
                p = predicted[best[1]]
                ok = speaker_ok(q["speaker"], p.speaker)
                right += ok
                if verbose and not ok:
                    got = p.speaker.name or p.speaker.text if p.speaker else None
                    print(f"  SPEAKER gold={q['speaker']!r} got={got!r} ({p.speaker_reason})\n     {q['text'][:90]!r}")
            else:
                fn += 1
                if verbose:
                    print(f"  MISSED  {q['kind']} {q['text'][:100]!r}")
        for k, p in enumerate(predicted):
            if k not in used:
                fp += 1
                if verbose:
                    print(f"  EXTRA   {p.kind} {p.text[:100]!r}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"texts": len(items), "gold": tp + fn, "predicted": tp + fp, "precision": precision,
            "recall": recall, "f1": f1, "speaker_accuracy": right / tp if tp else 0.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--verbose", action="store_true", help="print every miss, extra and wrong speaker")
    parser.add_argument("--without-actors", action="store_true", help="speech rules alone, no actor resolver")
    args = parser.parse_args()
    items = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    run, how = extractor(with_actors=not args.without_actors)
    cache: dict[str, list] = {}

    def cached(text):
        if text not in cache:
            cache[text] = run(text)
        return cache[text]
    print(f"extractor: {how}")
    for name, part in (("all", items), ("dev", [i for i in items if i.get("split") == "dev"]),
                       ("heldout", [i for i in items if i.get("split") == "heldout"])):
        if not part:
            continue
        if args.verbose:
            print(f"--- {name}")
        s = score(part, cached, args.verbose and name != "all")
        print(f"{name:8} texts={s['texts']:3} gold={s['gold']:3} predicted={s['predicted']:3} "
              f"P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} "
              f"speaker={s['speaker_accuracy']:.3f}")


if __name__ == "__main__":
    main()
