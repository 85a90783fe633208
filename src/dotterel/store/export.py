"""Event clusters out: a readable table, PLOVER-style JSON Lines, CSV, Parquet, GDELT.

- ``plover-jsonl`` (also ``dotterel events --format jsonl``): one JSON object per
  cluster with PLOVER field names (``event``, ``mode``, ``context``, ``actor``,
  ``recipient``, ``location``), CAMEO code, quad class and score, the counts of
  mentions, articles and sources, and every mention (article, trigger, sentence).
- ``csv`` and ``parquet``: one flat row per cluster, the columns of ``FLAT`` (typed in
  Parquet; written with pyarrow in row groups, so memory stays flat).
- ``gdelt``: the GDELT 2.0 event table's 61 columns, tab-separated, no header.
"""
from __future__ import annotations

import csv
import json
import os
import sys
from datetime import date, datetime
from typing import IO, Any, Iterable

import pyarrow as pa

from .gdelt import gdelt_row

FORMATS = ("plover-jsonl", "csv", "parquet", "gdelt")

FLAT: list[tuple[str, pa.DataType]] = [
    ("id", pa.int64()), ("cluster_key", pa.string()), ("date", pa.date32()), ("event", pa.string()),
    ("mode", pa.string()), ("context", pa.string()), ("cameo", pa.string()), ("quad", pa.int32()),
    ("score", pa.float64()), ("confidence", pa.float64()), ("actor_codes", pa.string()),
    ("actor_names", pa.string()), ("recipient_codes", pa.string()), ("recipient_names", pa.string()),
    ("location_name", pa.string()), ("location_country", pa.string()), ("lat", pa.float64()),
    ("lon", pa.float64()), ("num_mentions", pa.int64()), ("num_articles", pa.int64()),
    ("num_sources", pa.int64()), ("first_seen", pa.date32()), ("last_seen", pa.date32()),
    ("doc_id", pa.string()), ("title", pa.string()), ("source", pa.string()), ("url", pa.string()),
    ("sentence", pa.string()),
]


def _names(entities: list[dict]) -> str | None:
    return "; ".join(e.get("name") or e.get("text") or "" for e in entities) or None


def flat(c: dict[str, Any]) -> dict[str, Any]:
    """One cluster as a flat row (the ``FLAT`` columns)."""
    return {
        "id": c["id"], "cluster_key": c["cluster_key"], "date": c["day"], "event": c["event"], "mode": c["mode"],
        "context": c["context"], "cameo": c["cameo"], "quad": c["quad"], "score": c["score"],
        "confidence": c["confidence"], "actor_codes": c["actor_codes"], "actor_names": _names(c["actor"]),
        "recipient_codes": c["recipient_codes"], "recipient_names": _names(c["recipient"]),
        "location_name": c["location_name"], "location_country": c["location_country"],
        "lat": c["lat"], "lon": c["lon"], "num_mentions": c["num_mentions"], "num_articles": c["num_articles"],
        "num_sources": c["num_sources"], "first_seen": c["first_seen"], "last_seen": c["last_seen"],
        "doc_id": c["doc_id"], "title": c["title"], "source": c["source"], "url": c["url"],
        "sentence": (c["sentence_text"] or "").strip() or None,
    }


def plover(c: dict[str, Any]) -> dict[str, Any]:
    """One cluster as a PLOVER-style record (JSON-ready except dates; see ``_json``)."""
    has_place = c["location_name"] or c["location_country"]
    return {
        "id": c["id"], "date": c["day"], "event": c["event"], "mode": c["mode"],
        "context": c["context"].split(",") if c["context"] else [],
        "actor": c["actor"], "recipient": c["recipient"],
        "location": {"name": c["location_name"], "country": c["location_country"], "lat": c["lat"],
                     "lon": c["lon"]} if has_place else None,
        "cameo": c["cameo"], "quad": c["quad"], "score": c["score"], "confidence": c["confidence"],
        "num_mentions": c["num_mentions"], "num_articles": c["num_articles"], "num_sources": c["num_sources"],
        "first_seen": c["first_seen"], "last_seen": c["last_seen"],
        "trigger": c["trigger_text"], "sentence": (c["sentence_text"] or "").strip(),
        "source": {"doc_id": c["doc_id"], "title": c["title"], "source": c["source"], "url": c["url"]},
        "mentions": c.get("mentions", []), "cluster_key": c["cluster_key"],
    }


def _json(value: Any):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def write_jsonl(out: IO[str], clusters: Iterable[dict]) -> int:
    n = 0
    for n, c in enumerate(clusters, 1):
        out.write(json.dumps(plover(c), ensure_ascii=False, default=_json) + "\n")
    return n


def write_csv(out: IO[str], clusters: Iterable[dict]) -> int:
    writer = csv.DictWriter(out, fieldnames=[name for name, _ in FLAT], lineterminator="\n")
    writer.writeheader()
    n = 0
    for n, c in enumerate(clusters, 1):
        writer.writerow(flat(c))
    return n


def write_parquet(path: str, clusters: Iterable[dict], row_group: int = 10_000) -> int:
    import pyarrow.parquet as pq
    schema = pa.schema(FLAT)
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        rows: list[dict] = []
        for n, c in enumerate(clusters, 1):
            rows.append(flat(c))
            if len(rows) >= row_group:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                rows = []
        writer.write_table(pa.Table.from_pylist(rows, schema=schema))
    return n


def write_gdelt(out: IO[str], clusters: Iterable[dict]) -> int:
    n = 0
    for n, c in enumerate(clusters, 1):
        out.write("\t".join(gdelt_row(c)) + "\n")
    return n


def _who(entities: list[dict]) -> str:
    return ", ".join(f"{e.get('name') or e.get('text')} [{e.get('code') or '?'}]" for e in entities) or "?"


def write_table(out: IO[str], clusters: Iterable[dict]) -> int:
    """A summary for people: one block per event cluster."""
    n = 0
    for n, c in enumerate(clusters, 1):
        what = c["event"] + (f"/{c['mode']}" if c["mode"] else "")
        where = f"  in {c['location_name'] or c['location_country']}" if c["location_name"] or c["location_country"] else ""
        who = _who(c["actor"]) + (f" → {_who(c['recipient'])}" if c["recipient"] else "")
        when = c["day"].isoformat() if c["day"] else "no date   "
        out.write(f"{when}  {what}  {who}{where}  CAMEO {c['cameo'] or '-'}\n")
        seen = ""
        if c["first_seen"]:
            seen = f", seen {c['first_seen']}" + (f" to {c['last_seen']}" if c["last_seen"] != c["first_seen"] else "")
        arts, srcs = c["num_articles"], c["num_sources"]
        sources = f"{srcs} source{'s' * (srcs != 1)}" if srcs else "source unknown"
        out.write(f"    {arts} article{'s' * (arts != 1)}, {sources}{seen}; "
                  f"id {c['id']}; {c['source'] or c['url'] or c['doc_id']}\n")
        out.write(f"    “{(c['sentence_text'] or '').strip()}”\n")
    if n == 0:
        out.write("no events match\n")
    return n


def to_stdout(write, clusters: Iterable[dict]) -> int:
    """``write(sys.stdout, clusters)``, ending quietly when the reader closes the pipe
    (``dotterel events | head``)."""
    try:
        n = write(sys.stdout, clusters)
        sys.stdout.flush()
        return n
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return 0
