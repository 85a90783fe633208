"""Flatten a coded ``Result`` into table rows: one dict per row, keyed by column name.

These functions are the single definition of the stored tables' columns.  The DuckDB
store writes exactly these rows, and a Spark job can write the same rows to Parquet, so
the two outputs have the same columns and the same keys.  They are pure (no database,
no I/O) and depend only on the data model; keep column names stable once released and
add new columns at the end of a table.

Keys are content hashes, so coding the same document twice, anywhere, gives the same
keys:

- ``doc_key``: SHA-256 of the document's text and metadata (id, title, source, url,
  published), first 32 hex digits.  The same record read again has the same key.
- ``text_hash``: SHA-256 of the whitespace-normalised, lower-cased text; equal text
  under different metadata (a wire story republished unchanged) has equal hashes.
- ``event_key`` / ``quote_key`` / ``quantity_key``: ``doc_key:n`` with ``n`` the
  item's 1-based position in the Result.

The event cluster key (``cluster_key``) groups the events that many articles report
about the same happening; see :func:`cluster_key`.
"""
from __future__ import annotations

import hashlib
import json
from datetime import date, timedelta
from typing import Any, Iterable

from ..model import Document, Entity, Event, Result

# Days in one event-cluster date window (windows are counted from 1970-01-01).
CLUSTER_WINDOW_DAYS = 3
_EPOCH = date(1970, 1, 1)

# table -> ordered (column, DuckDB SQL type).  Types are plain scalars (no lists or
# structs) so every engine maps them the same way: VARCHAR→string, INTEGER→int32,
# BIGINT→int64, DOUBLE→float64, BOOLEAN→bool, DATE→date.
_ENTITY_COLUMNS = [
    ("text", "VARCHAR"), ("start_char", "INTEGER"), ("end_char", "INTEGER"), ("name", "VARCHAR"),
    ("kind", "VARCHAR"), ("country", "VARCHAR"), ("sector", "VARCHAR"), ("other_sectors", "VARCHAR"),
    ("code", "VARCHAR"), ("evidence", "VARCHAR"),
]
SCHEMA: dict[str, list[tuple[str, str]]] = {
    "documents": [
        ("doc_key", "VARCHAR"), ("text_hash", "VARCHAR"), ("doc_id", "VARCHAR"), ("title", "VARCHAR"),
        ("source", "VARCHAR"), ("site", "VARCHAR"), ("author", "VARCHAR"), ("url", "VARCHAR"),
        ("published", "DATE"), ("language", "VARCHAR"), ("origin", "VARCHAR"), ("n_chars", "INTEGER"),
        ("status", "VARCHAR"), ("duplicate_of", "VARCHAR"), ("similarity", "DOUBLE"), ("reason", "VARCHAR"),
        ("n_events", "INTEGER"), ("n_quotes", "INTEGER"), ("n_quantities", "INTEGER"), ("run_id", "INTEGER"),
        ("text", "VARCHAR"),
    ],
    "entities": [("doc_key", "VARCHAR"), ("n", "INTEGER"), *_ENTITY_COLUMNS],
    "events": [
        ("event_key", "VARCHAR"), ("doc_key", "VARCHAR"), ("n", "INTEGER"), ("event_id", "VARCHAR"),
        ("event", "VARCHAR"), ("mode", "VARCHAR"), ("context", "VARCHAR"), ("aux", "VARCHAR"),
        ("negated", "BOOLEAN"), ("date", "VARCHAR"), ("day", "DATE"),
        ("actor_codes", "VARCHAR"), ("recipient_codes", "VARCHAR"), ("reported_by_code", "VARCHAR"),
        ("location_text", "VARCHAR"), ("location_name", "VARCHAR"), ("location_country", "VARCHAR"),
        ("lat", "DOUBLE"), ("lon", "DOUBLE"),
        ("trigger_text", "VARCHAR"), ("trigger_start", "INTEGER"), ("trigger_end", "INTEGER"),
        ("sentence_text", "VARCHAR"), ("sentence_start", "INTEGER"), ("sentence_end", "INTEGER"),
        ("cameo", "VARCHAR"), ("score", "DOUBLE"), ("quad", "INTEGER"), ("confidence", "DOUBLE"),
        ("is_main", "BOOLEAN"), ("evidence", "VARCHAR"), ("cluster_key", "VARCHAR"),
    ],
    "event_actors": [
        ("event_key", "VARCHAR"), ("doc_key", "VARCHAR"), ("role", "VARCHAR"), ("position", "INTEGER"),
        *_ENTITY_COLUMNS,
    ],
    "quotes": [
        ("quote_key", "VARCHAR"), ("doc_key", "VARCHAR"), ("n", "INTEGER"), ("quote_id", "VARCHAR"),
        ("kind", "VARCHAR"), ("text", "VARCHAR"), ("start_char", "INTEGER"), ("end_char", "INTEGER"),
        ("cue_text", "VARCHAR"), ("cue_start", "INTEGER"), ("cue_end", "INTEGER"),
        ("speaker_text", "VARCHAR"), ("speaker_name", "VARCHAR"), ("speaker_kind", "VARCHAR"),
        ("speaker_country", "VARCHAR"), ("speaker_sector", "VARCHAR"), ("speaker_reason", "VARCHAR"),
        ("event_ids", "VARCHAR"),
    ],
    "quantities": [
        ("quantity_key", "VARCHAR"), ("doc_key", "VARCHAR"), ("n", "INTEGER"), ("quantity_id", "VARCHAR"),
        ("text", "VARCHAR"), ("start_char", "INTEGER"), ("end_char", "INTEGER"), ("value", "DOUBLE"),
        ("low", "DOUBLE"), ("high", "DOUBLE"), ("qualifier", "VARCHAR"), ("unit", "VARCHAR"),
        ("what", "VARCHAR"), ("period_text", "VARCHAR"), ("period_start", "VARCHAR"), ("period_end", "VARCHAR"),
        ("claimant_name", "VARCHAR"), ("claimant_country", "VARCHAR"), ("claimant_sector", "VARCHAR"),
        ("evidence", "VARCHAR"),
    ],
}

# Document.status values.
CODED, DUPLICATE, SKIPPED = "coded", "duplicate", "skipped"


def _sha(*parts: Any) -> str:
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()[:32]


def document_key(doc: Document) -> str:
    """The content key of a document record: its text and metadata, hashed."""
    return _sha(doc.text, doc.id, doc.title, doc.source, doc.url, doc.published)


def text_hash(text: str) -> str:
    """Hash of the text alone, ignoring case and spacing: equal for exact duplicates."""
    return hashlib.sha256(" ".join(text.lower().split()).encode("utf-8")).hexdigest()[:32]


def _day(value: str | None) -> date | None:
    """A full ISO day as a date; partial dates ('2023-09', '2023') and None give None."""
    if not value or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def entity_code(e: Entity | None) -> str | None:
    """The GDELT-style actor code: country (or non-state code) followed by the sector, e.g. AZEGOV."""
    if e is None or not (e.country or e.sector):
        return None
    return (e.country or "") + (e.sector or "")


def _codes(entities: Iterable[Entity]) -> str | None:
    codes = list(dict.fromkeys(c for c in map(entity_code, entities) if c))
    return ";".join(codes) or None


def _entity_columns(e: Entity) -> dict[str, Any]:
    return {
        "text": e.text, "start_char": e.span[0], "end_char": e.span[1], "name": e.name, "kind": e.kind,
        "country": e.country, "sector": e.sector, "other_sectors": ";".join(e.other_sectors) or None,
        "code": entity_code(e), "evidence": e.evidence or None,
    }


def cluster_key(event: Event, published: str | None, doc_key: str) -> str | None:
    """The key that groups reports of one happening across articles (None for negated events).

    Two events fall in one cluster when they have the same PLOVER category, the same
    set of actor countries, the same set of recipient countries, the same location
    (country and place name, or none) and a date in the same window of
    ``CLUSTER_WINDOW_DAYS`` days.  The date is the event's own day when the text gives
    one, else the article's publication day.  An event with neither actor nor recipient
    countries nor a location says too little to match other articles' events, so its
    cluster is its own document's (the key then contains the doc_key).  Windows are
    fixed (counted from 1970-01-01), so reports straddling a window boundary make two
    clusters: a known, documented limit.
    """
    if event.negated:
        return None
    actors = ",".join(sorted({a.country for a in event.actor if a.country}))
    recipients = ",".join(sorted({r.country for r in event.recipient if r.country}))
    loc = event.location
    place = f"{loc.country or ''}:{(loc.name or loc.text).lower()}" if loc else ""
    day = _day(event.date) or _day(published)
    if day is None:
        window = ""
    else:
        n = (day - _EPOCH).days // CLUSTER_WINDOW_DAYS
        window = (_EPOCH + timedelta(days=n * CLUSTER_WINDOW_DAYS)).isoformat()
    key = f"{event.event}|{actors}|{recipients}|{place}|{window}"
    if not (actors or recipients or place) or not window:
        key += f"|{doc_key}"
    return key


def document_row(doc: Document, result: Result | None = None, *, origin: str | None = None,
                 author: str | None = None, site: str | None = None, language: str | None = None,
                 status: str = CODED, duplicate_of: str | None = None, similarity: float | None = None,
                 reason: str | None = None, run_id: int | None = None) -> dict[str, Any]:
    """The documents row.  ``result`` is None for documents stored but not coded
    (duplicates, skipped languages); the counts are then None."""
    return {
        "doc_key": document_key(doc), "text_hash": text_hash(doc.text), "doc_id": doc.id, "title": doc.title,
        "source": doc.source, "site": site, "author": author, "url": doc.url, "published": _day(doc.published),
        "language": language, "origin": origin, "n_chars": len(doc.text), "status": status,
        "duplicate_of": duplicate_of, "similarity": similarity, "reason": reason,
        "n_events": len(result.events) if result else None,
        "n_quotes": len(result.quotes) if result else None,
        "n_quantities": len(result.quantities) if result else None,
        "run_id": run_id, "text": doc.text,
    }


def entity_rows(result: Result, doc_key: str) -> list[dict[str, Any]]:
    """Every actor mention the coder resolved in the document."""
    return [{"doc_key": doc_key, "n": n, **_entity_columns(e)} for n, e in enumerate(result.entities, 1)]


def event_rows(result: Result, doc_key: str) -> list[dict[str, Any]]:
    """One row per event (negated ones included, flagged); ``is_main`` marks the document's
    most confident non-negated event."""
    live = [e for e in result.events if not e.negated]
    main = max(live, key=lambda e: e.confidence) if live else None
    published = result.document.published
    rows = []
    for n, e in enumerate(result.events, 1):
        loc = e.location
        rows.append({
            "event_key": f"{doc_key}:{n}", "doc_key": doc_key, "n": n, "event_id": e.id, "event": e.event,
            "mode": e.mode, "context": ",".join(e.context) or None, "aux": e.aux, "negated": e.negated,
            "date": e.date, "day": _day(e.date) or _day(published),
            "actor_codes": _codes(e.actor), "recipient_codes": _codes(e.recipient),
            "reported_by_code": entity_code(e.reported_by),
            "location_text": loc.text if loc else None, "location_name": loc.name if loc else None,
            "location_country": loc.country if loc else None,
            "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
            "trigger_text": e.trigger.text, "trigger_start": e.trigger.span[0], "trigger_end": e.trigger.span[1],
            "sentence_text": e.sentence.text, "sentence_start": e.sentence.span[0],
            "sentence_end": e.sentence.span[1],
            "cameo": e.cameo, "score": e.score, "quad": e.quad, "confidence": round(e.confidence, 3),
            "is_main": e is main, "evidence": e.evidence or None,
            "cluster_key": cluster_key(e, published, doc_key),
        })
    return rows


def event_actor_rows(result: Result, doc_key: str) -> list[dict[str, Any]]:
    """The links from each event to its actors, recipients and the entity reporting it."""
    rows = []
    for n, e in enumerate(result.events, 1):
        linked = [("actor", a) for a in e.actor] + [("recipient", r) for r in e.recipient]
        if e.reported_by is not None:
            linked.append(("reported_by", e.reported_by))
        counters: dict[str, int] = {}
        for role, ent in linked:
            counters[role] = counters.get(role, 0) + 1
            rows.append({"event_key": f"{doc_key}:{n}", "doc_key": doc_key, "role": role,
                         "position": counters[role], **_entity_columns(ent)})
    return rows


def quote_rows(result: Result, doc_key: str) -> list[dict[str, Any]]:
    rows = []
    for n, s in enumerate(result.quotes, 1):
        sp = s.speaker
        rows.append({
            "quote_key": f"{doc_key}:{n}", "doc_key": doc_key, "n": n, "quote_id": s.id, "kind": s.kind,
            "text": s.text, "start_char": s.span[0], "end_char": s.span[1],
            "cue_text": s.cue.text if s.cue else None, "cue_start": s.cue.span[0] if s.cue else None,
            "cue_end": s.cue.span[1] if s.cue else None,
            "speaker_text": sp.text if sp else None, "speaker_name": sp.name if sp else None,
            "speaker_kind": sp.kind if sp else None, "speaker_country": sp.country if sp else None,
            "speaker_sector": sp.sector if sp else None, "speaker_reason": s.speaker_reason or None,
            "event_ids": ";".join(s.events) or None,
        })
    return rows


def quantity_rows(result: Result, doc_key: str) -> list[dict[str, Any]]:
    rows = []
    for n, x in enumerate(result.quantities, 1):
        per, cl = x.period, x.claimant
        rows.append({
            "quantity_key": f"{doc_key}:{n}", "doc_key": doc_key, "n": n, "quantity_id": x.id, "text": x.text,
            "start_char": x.span[0], "end_char": x.span[1], "value": x.value, "low": x.low, "high": x.high,
            "qualifier": x.qualifier, "unit": x.unit, "what": x.what,
            "period_text": per.text if per else None, "period_start": per.start if per else None,
            "period_end": per.end if per else None,
            "claimant_name": (cl.name or cl.text) if cl else None, "claimant_country": cl.country if cl else None,
            "claimant_sector": cl.sector if cl else None, "evidence": x.evidence or None,
        })
    return rows


def result_rows(result: Result, **document_fields: Any) -> dict[str, list[dict[str, Any]]]:
    """All rows for one coded document, table by table (the keys of ``SCHEMA``).

    ``document_fields`` are passed to :func:`document_row` (origin, author, site, ...)."""
    doc_key = document_key(result.document)
    return {
        "documents": [document_row(result.document, result, **document_fields)],
        "entities": entity_rows(result, doc_key),
        "events": event_rows(result, doc_key),
        "event_actors": event_actor_rows(result, doc_key),
        "quotes": quote_rows(result, doc_key),
        "quantities": quantity_rows(result, doc_key),
    }
