"""Documents/s of `dotterel spark` on local[1] and local[2] beside single-process `dotterel ingest`.

    python benchmarks/spark.py [--docs 2000] [--seed 0]

One generated corpus for all runs: each document joins three texts drawn (seeded) from
the project's own benchmark paragraphs, sentences, quotes and figures
(benchmarks/data) and the Spark test articles (tests/scale/data), with a publication
date in 2024.  Each figure is the wall-clock time of the whole command, start-up
included (Python and the model for ingest; the JVM, Spark and one model per executor
process for spark), so it is what a user waits for.  Then `dotterel import` loads the
local[2] run into a database, timed the same way.  Needs pyspark and Java (`make setup`).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = [HERE / "data" / name for name in
           ("events_paragraphs.jsonl", "events_sentences.jsonl", "quotes.jsonl", "quantities.jsonl")]
SOURCES.append(HERE.parent / "tests" / "scale" / "data" / "articles.jsonl")
OUTLETS = ["Reuters", "AP", "AFP", "BBC", "Al Jazeera", "Anadolu", "Xinhua", "DW"]


def texts() -> list[str]:
    found = []
    for path in SOURCES:
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                text = json.loads(line).get("text")
            except (json.JSONDecodeError, AttributeError):
                continue  # the test file's deliberately bad records
            if isinstance(text, str) and len(text.split()) >= 5 and text.isprintable():
                found.append(text.strip())
    return sorted(set(found))


def corpus(path: Path, n: int, seed: int) -> int:
    """Write ``n`` documents as JSONL; returns the number of words."""
    rng = random.Random(seed)
    pool = texts()
    words = 0
    with path.open("w", encoding="utf-8") as out:
        for i in range(1, n + 1):
            text = "\n\n".join(rng.sample(pool, 3))
            words += len(text.split())
            day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            out.write(json.dumps({"id": f"bench-{i:05d}", "text": text, "published": day,
                                  "source": rng.choice(OUTLETS), "title": f"Benchmark article {i}"}) + "\n")
    return words


def timed(args: list[str], log: Path) -> float:
    start = time.perf_counter()
    with log.open("w") as err:
        done = subprocess.run([sys.executable, "-m", "dotterel.cli", *args], stdout=err, stderr=err)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):  # 1: some records had errors, which the run reports
        sys.exit(f"`dotterel {' '.join(args)}` failed:\n{log.read_text()[-3000:]}")
    return seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000, help="documents in the corpus (default 2000)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="dotterel-spark-bench-") as tmp:
        tmp = Path(tmp)
        docs = tmp / "corpus.jsonl"
        words = corpus(docs, args.docs, args.seed)
        print(f"corpus: {args.docs} documents, {words} words ({words / args.docs:.0f} per document), seed {args.seed}")
        runs = [("dotterel ingest (one process)", ["ingest", str(docs), "--db", str(tmp / "ingest.duckdb"), "-q"])]
        for cores in (1, 2):
            runs.append((f"dotterel spark --master local[{cores}]",
                         ["spark", "--input", str(docs), "--output", str(tmp / f"local{cores}"),
                          "--master", f"local[{cores}]"]))
        runs.append(("dotterel import (the local[2] run)",
                     ["import", "--from-parquet", str(tmp / "local2"), "--db", str(tmp / "import.duckdb"), "-q"]))
        print("load average before: %.1f %.1f %.1f on %d cores (other work on the machine slows every figure)"
              % (*os.getloadavg(), os.cpu_count()))
        print(f"{'command':<38}{'seconds':>9}{'docs/s':>9}")
        logs = []
        for k, (label, command) in enumerate(runs):
            logs.append(tmp / f"log{k}.txt")
            seconds = timed(command, logs[-1])
            print(f"{label:<38}{seconds:>9.1f}{args.docs / seconds:>9.1f}", flush=True)
        print("load average after: %.1f %.1f %.1f" % os.getloadavg())
        manifest = json.loads((tmp / "local2" / "_dotterel.json").read_text())
        print(f"spark local[2] rows: {json.dumps(manifest['rows'])}")
        for log in (logs[0], logs[-1]):
            print(([line for line in log.read_text().splitlines() if line.startswith(("ingest:", "import:"))]
                   or ["(no summary line)"])[-1])

if __name__ == "__main__":
    main()
