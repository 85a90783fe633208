"""Regression check on the probe data written while extending the lexicon (development data).

    python benchmarks/probes.py [--errors]

- ``benchmarks/data/probes_pairs.txt``: marked sentences, ``EXPECT: CATEGORY | … [[actor]] …
  {{recipient}} …``, scored with ``classify`` on the marked pair;
- ``benchmarks/data/probes_paragraphs.txt``: ``EXPECT: CATEGORY/mode | paragraph``, scored on
  the event with the highest confidence (category, and category with mode where one is given).

These were written to find gaps and the coder was tuned on their misses, so the figures say
how much of the covered wording still works after a change, not how well the coder
generalises (``benchmarks/events.py`` reports that on held-out data).
"""
from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
LINE = re.compile(r"EXPECT:\s*([A-Z]+)(?:/([\w-]+))?\s*\|\s*(.+)")
MARK = re.compile(r"\[\[(.+?)\]\]|\{\{(.+?)\}\}")


def read(path: Path) -> list[tuple[str, str | None, str]]:
    """(category, mode or None, text) for each line; comment and blank lines skipped."""
    out = []
    for n, line in enumerate(path.open(encoding="utf-8"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        m = LINE.match(line.strip())
        if m is None:
            raise ValueError(f"{path.name}:{n}: not an 'EXPECT: CATEGORY | text' line")
        mode = m.group(2) if m.group(2) not in (None, "-") else None
        out.append((m.group(1), mode, m.group(3)))
    return out


def unmark(marked: str) -> tuple[str, tuple[int, int] | None, tuple[int, int] | None]:
    """The plain sentence and the character spans of the [[actor]] and {{recipient}}."""
    text, actor, recipient, pos = "", None, None, 0
    for m in MARK.finditer(marked):
        text += marked[pos:m.start()]
        word = m.group(1) or m.group(2)
        span = (len(text), len(text) + len(word))
        if m.group(1):
            actor = span
        else:
            recipient = span
        text += word
        pos = m.end()
    return text + marked[pos:], actor, recipient


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", action="store_true", help="print every miss")
    args = ap.parse_args()

    from dotterel.coder import Coder
    coder = Coder()

    rows = read(DATA / "probes_pairs.txt")
    ok, misses = 0, Counter()
    for cat, _, marked in rows:
        text, actor, recipient = unmark(marked)
        got = coder.classify(text, actor, recipient)["event"]
        ok += got == cat
        if got != cat:
            misses[(cat, got)] += 1
            if args.errors:
                print(f"  pair  gold {cat} pred {got}: {marked}")
    print(f"[probes_pairs] sentences: {len(rows)}")
    print(f"  category accuracy, given pair: {ok / len(rows):.3f}")
    print("  most common confusions: " + ", ".join(f"{g}→{p} {c}" for (g, p), c in misses.most_common(8)))

    paras = read(DATA / "probes_paragraphs.txt")
    cat_ok = mode_ok = mode_n = 0
    for cat, mode, text in paras:
        main_ev = max((e for e in coder.code(text).events if not e.negated), key=lambda e: e.confidence, default=None)
        hit = main_ev is not None and main_ev.event == cat
        cat_ok += hit
        if mode:
            mode_n += 1
            mode_ok += hit and main_ev.mode == mode
        if args.errors and not (hit and (not mode or main_ev.mode == mode)):
            got = f"{main_ev.event}/{main_ev.mode}" if main_ev else None
            print(f"  para  gold {cat}/{mode} pred {got}: {text[:140]}")
    print(f"[probes_paragraphs] paragraphs: {len(paras)}")
    print(f"  main event category accuracy:  {cat_ok / len(paras):.3f}")
    print(f"  main event category+mode acc.: {mode_ok / mode_n:.3f}  (n={mode_n} with a mode)")


if __name__ == "__main__":
    main()
