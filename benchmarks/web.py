"""Web app response times on a database of 100,000 events.

    python benchmarks/web.py [--events N] [--repeat N] [--db PATH]

Fills a temporary database (or --db, which must not exist yet) with synthetic coded
documents written through the store's writer: five events each, spread over ten years,
30 countries with government, military and civilian actors, two quotes and one figure
per document, and article text whose spans point at the right words.  Then it requests
every page and API endpoint ``--repeat`` times in process (FastAPI's TestClient, so the
figures are the app's own work, without network) and prints the median and worst time
of each, and the slowest page.  Target: every page under one second.
"""
from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import yaml

COUNTRIES = ["AZE", "ARM", "RUS", "UKR", "USA", "CHN", "DEU", "FRA", "GBR", "TUR", "IRN", "ISR", "PSE", "SYR",
             "IRQ", "IND", "PAK", "AFG", "JPN", "KOR", "PRK", "BRA", "MEX", "NGA", "ETH", "SDN", "EGY", "SAU",
             "GEO", "BLR"]
SECTORS = ["GOV", "MIL", "CVL", "OPP", "COP"]
TRIGGERS = {"AGREE": "agreed with", "CONSULT": "met", "SUPPORT": "praised", "CONCEDE": "conceded to",
            "COOPERATE": "worked with", "AID": "sent aid to", "RETREAT": "withdrew from", "REQUEST": "asked",
            "ACCUSE": "accused", "REJECT": "rejected", "THREATEN": "threatened", "PROTEST": "protested against",
            "SANCTION": "sanctioned", "MOBILIZE": "mobilised against", "COERCE": "arrested", "ASSAULT": "attacked"}


def categories() -> dict:
    path = Path(__file__).resolve().parents[1] / "src" / "dotterel" / "knowledge" / "data" / "categories.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def entity(text: str, start: int, country: str, sector: str) -> dict:
    return {"text": text, "start_char": start, "end_char": start + len(text), "name": text, "kind": "group",
            "country": country, "sector": sector, "other_sectors": None, "code": country + sector,
            "evidence": "synthetic"}


def document_tables(n_doc: int, rng: random.Random, cats: dict, first: date, run_id: int) -> dict[str, list]:
    """All rows of one synthetic document, with text the spans point into."""
    doc_key = f"bench{n_doc:08d}"
    published = first + timedelta(days=rng.randrange(3650))
    tables: dict[str, list] = {"documents": [], "entities": [], "events": [], "event_actors": [], "quotes": [],
                               "quantities": []}
    parts, offset, n_ent = [], 0, 0
    for n in range(1, 6):
        category = rng.choice(list(TRIGGERS))
        a, b = rng.sample(COUNTRIES, 2) if rng.random() < 0.9 else [rng.choice(COUNTRIES)] * 2
        sa, sb = rng.choice(SECTORS), rng.choice(SECTORS)
        actor, recipient, trigger = f"{a} {sa.lower()}", f"{b} {sb.lower()}", TRIGGERS[category]
        sentence = f"Officials said the {actor} {trigger} the {recipient} on Tuesday in talks about the border. "
        s0 = offset
        a0 = s0 + sentence.index(actor)
        t0 = s0 + sentence.index(trigger)
        r0 = s0 + sentence.index(recipient, sentence.index(trigger))
        parts.append(sentence)
        offset += len(sentence)
        info = cats[category]
        key = f"{doc_key}:{n}"
        day = published - timedelta(days=rng.randrange(3))
        tables["events"].append({
            "event_key": key, "doc_key": doc_key, "n": n, "event_id": f"e{n}", "event": category, "mode": None,
            "context": rng.choice([None, "territory", "human_rights,legal"]), "aux": None,
            "negated": rng.random() < 0.03, "date": day.isoformat(), "day": day,
            "actor_codes": a + sa, "recipient_codes": b + sb, "reported_by_code": None,
            "location_text": None, "location_name": None, "location_country": rng.choice([None, a, b]),
            "lat": None, "lon": None, "trigger_text": trigger, "trigger_start": t0, "trigger_end": t0 + len(trigger),
            "sentence_text": sentence, "sentence_start": s0, "sentence_end": s0 + len(sentence),
            "cameo": str(info["cameo"]), "score": float(info["score"]), "quad": info["quad"],
            "confidence": round(rng.random(), 3), "is_main": n == 1, "evidence": "synthetic",
            "cluster_key": f"{category}|{a}|{b}||{day.isoformat()}"})
        for role, text, start, c, s in (("actor", actor, a0, a, sa), ("recipient", recipient, r0, b, sb)):
            tables["event_actors"].append({"event_key": key, "doc_key": doc_key, "role": role, "position": 1,
                                           **entity(text, start, c, s)})
            n_ent += 1
            tables["entities"].append({"doc_key": doc_key, "n": n_ent, **entity(text, start, c, s)})
    said = "The minister said that the talks would go on and that 40 people had been hurt."
    q0 = offset + len("The minister said that ")
    quote = "the talks would go on and that 40 people had been hurt"
    text = "".join(parts) + said
    speaker = rng.choice(COUNTRIES)
    for n, kind in ((1, "indirect"), (2, "direct")):
        tables["quotes"].append({
            "quote_key": f"{doc_key}:{n}", "doc_key": doc_key, "n": n, "quote_id": f"q{n}", "kind": kind,
            "text": quote, "start_char": q0, "end_char": q0 + len(quote), "cue_text": "said",
            "cue_start": offset + 13, "cue_end": offset + 17, "speaker_text": "The minister",
            "speaker_name": f"Minister of {speaker}", "speaker_kind": "person", "speaker_country": speaker,
            "speaker_sector": "GOV", "speaker_reason": "synthetic", "event_ids": "e1" if n == 1 else None})
    x0 = text.index("40 people")
    tables["quantities"].append({
        "quantity_key": f"{doc_key}:1", "doc_key": doc_key, "n": 1, "quantity_id": "n1", "text": "40 people",
        "start_char": x0, "end_char": x0 + 9, "value": 40.0, "low": None, "high": None, "qualifier": "=",
        "unit": "people", "what": "people (had been hurt)", "period_text": None, "period_start": None,
        "period_end": None, "claimant_name": f"Minister of {speaker}", "claimant_country": speaker,
        "claimant_sector": "GOV", "evidence": "synthetic"})
    tables["documents"].append({
        "doc_key": doc_key, "text_hash": doc_key, "doc_id": doc_key, "title": f"Synthetic report {n_doc}",
        "source": rng.choice(["Wire", "Daily", "Herald"]), "site": None, "author": None, "url": None,
        "published": published, "language": "en", "origin": "benchmark", "n_chars": len(text), "status": "coded",
        "duplicate_of": None, "similarity": None, "reason": None, "n_events": 5, "n_quotes": 2, "n_quantities": 1,
        "run_id": run_id, "text": text})
    return tables


def fill(db: Path, n_events: int) -> float:
    from dotterel.store.schema import connect
    from dotterel.store.writer import COUNTERS, Store

    rng = random.Random(7)
    cats = categories()
    t0 = time.perf_counter()
    con = connect(db)
    store = Store(con)
    run_id = store.start_run(["benchmark"], 1)
    counts = dict.fromkeys(COUNTERS, 0)
    n_docs = n_events // 5
    for start in range(0, n_docs, 2000):
        batch: dict[str, list] = {}
        for i in range(start, min(n_docs, start + 2000)):
            for table, rows in document_tables(i, rng, cats, date(2015, 1, 1), run_id).items():
                batch.setdefault(table, []).extend(rows)
        counts["records"] += len(batch["documents"])
        counts["coded"] += len(batch["documents"])
        counts["events"] += len(batch["events"])
        store.write_batch(run_id, batch, [], [], counts)
    store.finish_run(run_id, "finished")
    con.close()
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000, help="events to generate (default 100,000)")
    ap.add_argument("--repeat", type=int, default=5, help="requests per page or endpoint (default 5)")
    ap.add_argument("--db", help="database file to create (default: a temporary one)")
    args = ap.parse_args()

    from fastapi.testclient import TestClient

    from dotterel.web import create_app

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "bench.duckdb"
        if db.exists():
            raise SystemExit(f"{db} exists; give a new path")
        seconds = fill(db, args.events)
        client = TestClient(create_app(db))
        totals = client.get("/?format=json").json()["totals"]
        print(f"database: {totals['documents']:,} documents, {totals['events']:,} events (negated left out), "
              f"{totals['quotes']:,} quotes, {totals['quantities']:,} figures; filled in {seconds:.1f} s")
        doc = client.get("/api/events", params={"per_page": 1}).json()["items"][0]
        pages = ["/", "/events", "/events?actor=AZE&recipient=ARM", "/events?country=RUS&event=ASSAULT&sort=score",
                 "/events?text=border&date_from=2020-01-01&date_to=2020-12-31", "/events?page=1000",
                 f"/documents/{doc['doc_key']}", "/dyads/AZE/ARM", "/dyads/RUS/UKR?interval=day", "/actors",
                 "/actors?level=code&q=gov", "/actors/RUS", "/actors/USAGOV", "/code", "/docs"]
        api = ["/api/events", "/api/events?actor=RUSMIL&per_page=200", "/api/events?context=territory&sort=confidence",
               f"/api/events/{doc['key']}", f"/api/documents/{doc['doc_key']}", "/api/actors",
               "/api/dyads/AZE/ARM", "/api/dyads/USA/CHN?interval=month", "/api/quotes?speaker=AZE",
               "/api/quotes?text=talks&page=50", "/api/quantities?claimant=RUS", "/openapi.json"]
        slowest = ("", 0.0)
        print(f"\n{'request':<62} {'median ms':>9} {'max ms':>8}")
        for group, paths in (("pages", pages), ("api", api)):
            for path in paths:
                times = []
                for _ in range(args.repeat):
                    t0 = time.perf_counter()
                    r = client.get(path)
                    times.append(time.perf_counter() - t0)
                    if r.status_code != 200:
                        raise SystemExit(f"{path}: HTTP {r.status_code} {r.text[:200]}")
                worst = max(times)
                print(f"{group + ' ' + path:<62} {statistics.median(times) * 1000:9.1f} {worst * 1000:8.1f}")
                if group == "pages" and worst > slowest[1]:
                    slowest = (path, worst)
        print(f"\nslowest page: {slowest[0]} {slowest[1] * 1000:.0f} ms (worst of {args.repeat})")


if __name__ == "__main__":
    main()
