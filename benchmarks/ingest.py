"""Ingest throughput and memory: `dotterel ingest --workers N` on generated corpora.

Builds a corpus of news-like articles from varied templates (written for this
benchmark: invented outlets, real country and city names, no copied news), then runs
`dotterel ingest` on it as a separate process, once per worker count, each into a fresh
database.  Prints per run: wall time, documents per second (wall time, model loading
included), peak resident memory of the whole process tree (the ingest process plus
its coding workers, sampled every 0.2 s from /proc, so Linux only) and of the ingest
process alone (with one worker it codes too; with more it reads, deduplicates and
writes to DuckDB), and what was stored.  Several corpus sizes show whether memory
stays flat as the corpus grows.

    .venv/bin/python benchmarks/ingest.py                         # 2,000 documents, 1 and 2 workers
    .venv/bin/python benchmarks/ingest.py --docs 2000 20000 --workers 1
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import duckdb

COUNTRIES = [  # name, adjective, capital, another city
    ("Azerbaijan", "Azerbaijani", "Baku", "Ganja"), ("Armenia", "Armenian", "Yerevan", "Gyumri"),
    ("Georgia", "Georgian", "Tbilisi", "Batumi"), ("Turkey", "Turkish", "Ankara", "Istanbul"),
    ("Iran", "Iranian", "Tehran", "Tabriz"), ("Russia", "Russian", "Moscow", "Rostov"),
    ("Ukraine", "Ukrainian", "Kyiv", "Kharkiv"), ("Kazakhstan", "Kazakh", "Astana", "Almaty"),
    ("Uzbekistan", "Uzbek", "Tashkent", "Samarkand"), ("Pakistan", "Pakistani", "Islamabad", "Karachi"),
    ("India", "Indian", "New Delhi", "Mumbai"), ("Ethiopia", "Ethiopian", "Addis Ababa", "Mekelle"),
    ("Sudan", "Sudanese", "Khartoum", "Port Sudan"), ("Kenya", "Kenyan", "Nairobi", "Mombasa"),
    ("France", "French", "Paris", "Marseille"), ("Germany", "German", "Berlin", "Hamburg"),
    ("Poland", "Polish", "Warsaw", "Krakow"), ("Lithuania", "Lithuanian", "Vilnius", "Kaunas"),
    ("Serbia", "Serbian", "Belgrade", "Nis"), ("Colombia", "Colombian", "Bogota", "Medellin"),
    ("Venezuela", "Venezuelan", "Caracas", "Maracaibo"), ("Mexico", "Mexican", "Mexico City", "Monterrey"),
    ("Philippines", "Philippine", "Manila", "Davao"), ("China", "Chinese", "Beijing", "Shanghai"),
    ("Japan", "Japanese", "Tokyo", "Osaka"), ("Egypt", "Egyptian", "Cairo", "Alexandria"),
    ("Nigeria", "Nigerian", "Abuja", "Lagos"), ("Brazil", "Brazilian", "Brasilia", "Sao Paulo"),
]
OUTLETS = ["Northern Ledger", "Harbour Times", "Continental Wire", "Morning Dispatch", "Frontier Post",
           "Evening Courier", "Global Desk", "River Valley News", "Capital Observer", "Coastline Herald"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TOPICS = ["border security", "energy transit", "water sharing", "the release of detainees", "grain exports",
          "a disputed dam project", "refugee returns", "railway links", "customs duties", "fishing rights",
          "the reopening of consulates", "a long-delayed peace treaty"]
ACCUSATIONS = ["violating the ceasefire", "interfering in its elections", "mistreating prisoners of war",
               "smuggling weapons across the border", "spreading false information",
               "blocking humanitarian convoys", "planting landmines near villages", "cyber attacks on its banks"]
DEMANDS = ["higher wages", "early elections", "the resignation of the interior minister", "cheaper fuel",
           "an end to power cuts", "the release of jailed journalists", "land reform"]
DISASTERS = ["severe flooding", "a powerful earthquake", "a prolonged drought", "landslides", "a cyclone"]
TITLES = ["foreign minister", "defence minister", "prime minister", "president", "interior minister",
          "trade minister", "army chief", "opposition leader"]
QUOTES = ["We will not accept any threat to our sovereignty",
          "The talks were difficult but we made real progress",
          "Our people deserve peace and stability",
          "This decision was taken after careful consideration",
          "We call on the international community to act without delay",
          "Nobody wants a return to the violence of the past",
          "The door to dialogue remains open"]

LEADS = [
    "{A_adj} forces shelled positions near {B_city} on {day}, killing {n} soldiers, the {B_adj} defence ministry said.",
    "The {A_adj} foreign minister met his {B_adj} counterpart in {C_cap} on {day} to discuss {topic}.",
    "{A} accused {B} on {day} of {accusation}, in a statement released by its foreign ministry.",
    "Police in {A_city} arrested {n} protesters on {day} after they gathered to demand {demand}.",
    "{A} and {B} signed an agreement on {topic} on {day} during a visit by the {A_adj} president to {B_cap}.",
    "{A} said on {day} it would send {n} tonnes of food and medicine to {B} after {disaster}.",
    "{A} imposed sanctions on {n} {B_adj} officials on {day}, saying they were responsible for {accusation}.",
    "The {A_adj} government expelled {small} {B_adj} diplomats on {day} and gave them a week to leave.",
    "Thousands of people marched through {A_cap} on {day} to demand {demand}, organisers said.",
    "{A} rejected a proposal from {B} on {topic} on {day}, calling it one-sided.",
    "The {A_adj} prime minister threatened on {day} to close the border with {B} over {topic}.",
    "{A} offered on {day} to mediate between {B} and {C} in their dispute over {topic}.",
    "Gunmen attacked a police station in {A_city} on {day}, killing {small} officers, local officials said.",
    "{A_adj} troops withdrew from {small} villages near {A_city} on {day} under a deal brokered by {C}.",
]
BODY = [
    "The two countries have been at odds over {topic} since {year}.",
    "\"{quote},\" the {A_adj} {title} told reporters in {A_cap}.",
    "\"{quote},\" the {B_adj} {title} said in a televised address.",
    "More than {big} people have been displaced by the fighting since {month}, according to aid groups.",
    "Officials in {B_cap} did not immediately respond to a request for comment.",
    "The {B_adj} foreign ministry summoned the {A_adj} ambassador to protest.",
    "Diplomats said a new round of talks could take place in {C_cap} next month.",
    "The {C_adj} government urged both sides to show restraint.",
    "Trade between the two countries reached {money} billion dollars last year, official figures show.",
    "Opposition parties in {A_cap} criticised the move and called for a parliamentary debate.",
    "The United Nations said it was following the situation closely.",
    "Residents of {A_city} said they heard explosions through the night.",
    "Analysts said the dispute over {topic} was unlikely to be settled quickly.",
    "The {A_adj} {title} is expected to travel to {B_cap} later this year.",
    "Prices of bread and fuel in {B_city} have risen by {small}0 percent since {month}.",
    "Earlier this year the two governments agreed to set up a joint commission on {topic}.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def article(rng: random.Random, n: int) -> dict:
    """One generated article: a lead event and three to six body sentences in two or three paragraphs."""
    a, b, c = rng.sample(COUNTRIES, 3)
    slots = {
        "A": a[0], "A_adj": a[1], "A_cap": a[2], "A_city": a[3], "B": b[0], "B_adj": b[1], "B_cap": b[2],
        "B_city": b[3], "C": c[0], "C_adj": c[1], "C_cap": c[2], "day": rng.choice(DAYS),
        "topic": rng.choice(TOPICS), "accusation": rng.choice(ACCUSATIONS), "demand": rng.choice(DEMANDS),
        "disaster": rng.choice(DISASTERS), "title": rng.choice(TITLES), "quote": rng.choice(QUOTES),
        "n": rng.randint(3, 400), "small": rng.randint(2, 9), "big": rng.randint(2, 90) * 1000,
        "money": rng.randint(2, 40), "year": rng.randint(1992, 2021), "month": rng.choice(MONTHS),
    }
    sentences = [rng.choice(LEADS)] + rng.sample(BODY, rng.randint(3, 6))
    text = [s.format(**slots) for s in sentences]
    cut = rng.randint(2, len(text) - 1)
    published = date(2023, 1, 1) + timedelta(days=rng.randint(0, 600))
    outlet = rng.choice(OUTLETS)
    return {"id": f"gen-{n}", "title": f"{a[0]} and {b[0]}: {slots['topic']}", "source": outlet,
            "url": f"https://{outlet.lower().replace(' ', '')}.example.org/{published.isoformat()}/{n}",
            "published": published.isoformat(), "text": " ".join(text[:cut]) + "\n\n" + " ".join(text[cut:])}


def write_corpus(path: Path, docs: int, seed: int = 2024) -> None:
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as fh:
        for n in range(docs):
            fh.write(json.dumps(article(rng, n)) + "\n")


def tree_rss(pid: int) -> tuple[int, int]:
    """Resident memory (bytes) of a process and all its descendants, and of the process alone."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    total, own, stack = 0, 0, [pid]
    while stack:
        p = stack.pop()
        stack.extend(children.get(p, []))
        try:
            with open(f"/proc/{p}/status") as fh:
                rss = next(int(line.split()[1]) * 1024 for line in fh if line.startswith("VmRSS:"))
        except (OSError, StopIteration):
            continue
        total += rss
        own = rss if p == pid else own
    return total, own


def run(corpus: Path, db: Path, workers: int) -> dict:
    cmd = [sys.executable, "-m", "dotterel.cli", "ingest", str(corpus), "--db", str(db),
           "--workers", str(workers), "-q"]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    peak = peak_main = 0
    while proc.poll() is None:
        total, own = tree_rss(proc.pid)
        peak, peak_main = max(peak, total), max(peak_main, own)
        time.sleep(0.2)
    wall = time.perf_counter() - start
    err = proc.stderr.read()
    if proc.returncode != 0:
        raise SystemExit(f"ingest failed ({proc.returncode}):\n{err}")
    con = duckdb.connect(str(db), read_only=True)
    counts = dict(zip(("documents", "coded", "duplicates", "events", "clusters"), con.execute(
        "SELECT count(*), count(*) FILTER (WHERE status = 'coded'), count(*) FILTER (WHERE status = 'duplicate'), "
        "(SELECT count(*) FROM events WHERE NOT negated), (SELECT count(DISTINCT cluster_key) FROM events) "
        "FROM documents").fetchone()))
    con.close()
    return {"workers": workers, "seconds": wall, "peak_mb": peak / 2**20, "main_mb": peak_main / 2**20, **counts}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--docs", type=int, nargs="+", default=[2000], help="corpus sizes (default 2000)")
    p.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts (default 1 2)")
    p.add_argument("--keep", metavar="DIR", help="keep corpora and databases in DIR")
    args = p.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="dotterel-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} CPUs; python {sys.version.split()[0]}")
    print(f"{'docs':>7} {'workers':>7} {'seconds':>8} {'docs/s':>7} {'peak MB':>8} {'main MB':>8} {'coded':>7} "
          f"{'dupes':>6} {'events':>7} {'clusters':>8}")
    for docs in args.docs:
        corpus = folder / f"corpus-{docs}.jsonl"
        if not corpus.exists():
            write_corpus(corpus, docs)
        for workers in args.workers:
            db = folder / f"bench-{docs}-w{workers}.duckdb"
            for stale in (db, Path(f"{db}.wal")):
                stale.unlink(missing_ok=True)
            r = run(corpus, db, workers)
            print(f"{docs:>7} {workers:>7} {r['seconds']:>8.1f} {docs / r['seconds']:>7.1f} {r['peak_mb']:>8.0f} "
                  f"{r['main_mb']:>8.0f} {r['coded']:>7} {r['duplicates']:>6} {r['events']:>7} {r['clusters']:>8}",
                  flush=True)
    if not args.keep:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
