"""Rebuild src/dotterel/knowledge/data/fallback_nb.json, the counts of classify's fallback.

    .venv/bin/python tools/train_fallback.py

Trains on the sentences this project wrote (benchmarks/data/events_sentences.jsonl,
events_cameo.jsonl, events_cameo_more.jsonl, events_cameo_plain.jsonl), dev split only, so the test halves stay
held out, and on the probe sentences of benchmarks/data/probes_pairs.txt (development data);
never on the PLOVER GSR nor on events_gsr_style.jsonl.  Counting is deterministic: the same
data gives the same file.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
FILES = ["events_sentences.jsonl", "events_cameo.jsonl", "events_cameo_more.jsonl", "events_cameo_plain.jsonl"]
PROBES = "probes_pairs.txt"


def probe_rows() -> list[dict]:
    """The probe sentences, unmarked, as rows like the JSONL ones."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("probes", ROOT / "benchmarks" / "probes.py")
    probes = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(probes)
    return [{"text": probes.unmark(marked)[0], "event": cat} for cat, _, marked in probes.read(DATA / PROBES)]


def main() -> None:
    from dotterel import nlp
    from dotterel.events.fallback import MODEL, features
    from dotterel.events.lexicon import Lexicon
    from dotterel.knowledge import default

    lex = Lexicon.from_knowledge(default())
    rows = [json.loads(line) for name in FILES for line in (DATA / name).open(encoding="utf-8") if line.strip()]
    rows = [r for r in rows if r["split"] == "dev"] + probe_rows()
    classes: Counter = Counter()
    counts: dict[str, Counter] = defaultdict(Counter)
    for r, doc in zip(rows, nlp.load().pipe(r["text"] for r in rows)):
        classes[r["event"]] += 1
        counts[r["event"]].update(features(doc[:], lex))
    model = {"trained_on": {"files": FILES + [PROBES], "split": "dev", "sentences": len(rows)},
             "classes": dict(sorted(classes.items())),
             "counts": {k: dict(sorted(c.items())) for k, c in sorted(counts.items())}}
    MODEL.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(rows)} sentences, {len(classes)} categories → {MODEL}")


if __name__ == "__main__":
    main()
