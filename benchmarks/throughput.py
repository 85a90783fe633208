"""Throughput: words/s of `dotterel code` against spaCy's own `nlp.pipe` on the same texts.

    python benchmarks/throughput.py [--repeat N] [--batch-size N]

Texts: the project's own benchmark paragraphs and sentences (benchmarks/data), plus the
reference article when ../shared is present. Both runs use one process; the model is
loaded and warmed up before timing. The ratio is spaCy time / dotterel time (1.0 would
mean our work adds nothing to parsing; the target is ≥ 0.7).
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"


def load_texts() -> list[str]:
    texts = []
    for name in ("events_paragraphs.jsonl", "events_sentences.jsonl", "quotes.jsonl", "quantities.jsonl"):
        p = HERE / "data" / name
        if p.exists():
            texts += [json.loads(line)["text"] for line in p.open(encoding="utf-8") if line.strip()]
    ref = SHARED / "corpus" / "azernews-bayramov-turk.txt"
    if ref.exists():
        texts.append(ref.read_text(encoding="utf-8"))
    if not texts:
        raise SystemExit("no benchmark texts found under benchmarks/data")
    return texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3, help="times the text set is repeated (default 3)")
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()

    from dotterel.coder import Coder
    from dotterel.model import Document

    coder = Coder()
    nlp = coder.nlp
    texts = load_texts() * args.repeat
    words = sum(1 for d in nlp.pipe(texts[:50]) for t in d if not (t.is_space or t.is_punct))  # warm-up
    list(coder.code_documents([Document(text=t) for t in texts[:20]]))

    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=args.batch_size))
    spacy_s = time.perf_counter() - t0
    words = sum(1 for d in docs for t in d if not (t.is_space or t.is_punct))
    del docs

    t0 = time.perf_counter()
    results = list(coder.code_documents((Document(text=t, id=str(i)) for i, t in enumerate(texts)),
                                        batch_size=args.batch_size))
    ours_s = time.perf_counter() - t0
    events = sum(len(r.events) for r in results)

    print(f"texts: {len(texts)}   words: {words:,}   events: {events:,}")
    print(f"spaCy nlp.pipe:   {words / spacy_s:10,.0f} words/s   ({spacy_s:.2f} s)")
    print(f"dotterel code:    {words / ours_s:10,.0f} words/s   ({ours_s:.2f} s)")
    print(f"ratio (dotterel / spaCy): {spacy_s / ours_s:.3f}   (target ≥ 0.7)")


if __name__ == "__main__":
    main()
