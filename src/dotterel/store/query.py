"""Reading events back as clusters: one row per happening, with its mentions.

An *event cluster* is the set of coded events sharing a ``cluster_key`` (see
``rows.cluster_key``: same category, actor countries, recipient countries, location
and date window).  Its *mentions* are those events in every article that reports them:
the coded article itself and each article stored as its duplicate (a duplicate is not
coded again, but it is one more article, possibly from one more source).  A cluster
counts ``num_mentions`` (event mentions), ``num_articles`` (distinct articles) and
``num_sources`` (distinct outlets: source name, else site, else URL host; articles with
none of them count as articles only), and records ``first_seen``/``last_seen`` (the
articles' publication days).  Its *representative* is the event in the earliest
article (ties: the coded original before its copies, then the most confident event);
its text, actors and URL stand for the cluster.
Negated events are stored but form no cluster.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Iterator

import duckdb

from ..errors import DotterelError

_ENTITY = ("{'name': x.name, 'text': x.text, 'kind': x.kind, 'country': x.country, 'sector': x.sector, "
           "'other_sectors': x.other_sectors, 'code': x.code}")

_CLUSTERS = """
WITH articles AS (
    SELECT doc_key AS coded_key, doc_key, doc_id, title, source, site, url, published, run_id
    FROM documents WHERE status = 'coded'
    UNION ALL
    SELECT duplicate_of, doc_key, doc_id, title, source, site, url, published, run_id
    FROM documents WHERE status = 'duplicate'
),
mentions AS (
    SELECT e.cluster_key, e.event_key, e.doc_key, e.event_id, e.day, e.confidence, e.trigger_text, e.sentence_text,
           a.doc_key AS article_key, a.doc_id, a.title, a.source, a.url, a.published,
           lower(coalesce(a.source, a.site, nullif(regexp_extract(a.url, '^[A-Za-z]+://([^/:?#]+)', 1), '')))
               AS outlet,
           coalesce(a.published, e.day) AS seen, r.started_at AS added
    FROM events e
    JOIN articles a ON a.coded_key = e.doc_key
    LEFT JOIN ingest_runs r ON r.run_id = a.run_id
    WHERE NOT e.negated AND e.cluster_key IS NOT NULL
),
stats AS (
    SELECT cluster_key, count(*) AS num_mentions, count(DISTINCT article_key) AS num_articles,
           count(DISTINCT outlet) AS num_sources, min(seen) AS first_seen, max(seen) AS last_seen,
           min(day) AS day, min(added) AS date_added, max(confidence) AS max_confidence
           {mentions_list}
    FROM mentions GROUP BY cluster_key
),
rep AS (
    SELECT cluster_key, event_key, article_key FROM (
        SELECT cluster_key, event_key, article_key,
               row_number() OVER (PARTITION BY cluster_key
                                  ORDER BY seen NULLS LAST, article_key <> doc_key, confidence DESC,
                                        event_key, article_key) AS k
        FROM mentions)
    WHERE k = 1
),
links AS (
    SELECT x.event_key,
           list({entity} ORDER BY x.position) FILTER (WHERE x.role = 'actor') AS actor,
           list({entity} ORDER BY x.position) FILTER (WHERE x.role = 'recipient') AS recipient
    FROM event_actors x WHERE x.event_key IN (SELECT event_key FROM rep)
    GROUP BY x.event_key
)
SELECT s.cluster_key, s.day, e.event, e.mode, e.context, e.cameo, e.quad, e.score, s.max_confidence AS confidence,
       e.is_main, e.actor_codes, e.recipient_codes, e.location_name, e.location_country, e.lat, e.lon,
       s.num_mentions, s.num_articles, s.num_sources, s.first_seen, s.last_seen, s.date_added,
       d.doc_id, d.title, d.source, d.url, e.trigger_text, e.sentence_text,
       coalesce(l.actor, []) AS actor, coalesce(l.recipient, []) AS recipient {mentions_column}
FROM stats s
JOIN rep USING (cluster_key)
JOIN events e ON e.event_key = rep.event_key
JOIN documents d ON d.doc_key = rep.article_key
LEFT JOIN links l ON l.event_key = rep.event_key
WHERE {where}
ORDER BY s.day NULLS LAST, s.cluster_key
"""

_MENTIONS = (", list({'doc_id': doc_id, 'title': title, 'source': source, 'url': url, 'published': published, "
             "'event_id': event_id, 'trigger': trigger_text, 'sentence': sentence_text} "
             "ORDER BY seen NULLS LAST, article_key) AS mentions")


def cluster_id(key: str) -> int:
    """A cluster's stable numeric id (60 bits, so it fits any signed 64-bit integer column)."""
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:15], 16)


def _date_bound(value: str, end: bool) -> date:
    """'2023', '2023-09' or '2023-09-13' as the first (or, for --until, last) day it covers."""
    parts = value.strip().split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else (12 if end else 1)
        if len(parts) > 2:
            return date(y, m, int(parts[2]))
        if not end:
            return date(y, m, 1)
        return (date(y + 1, 1, 1) if m == 12 else date(y, m + 1, 1)) - timedelta(days=1)
    except (ValueError, IndexError):
        raise DotterelError(f"{value!r}: expected a date as YYYY, YYYY-MM or YYYY-MM-DD") from None


@dataclass
class Filters:
    """What to select.  Codes match an entity's country (AZE) or its full code (AZEGOV)."""

    actor: str | None = None
    recipient: str | None = None
    event: str | None = None  # one or more PLOVER categories, comma-separated
    since: str | None = None
    until: str | None = None
    text: str | None = None
    limit: int | None = None

    def sql(self) -> tuple[str, list[Any]]:
        where, params = ["TRUE"], []
        for role, code in (("actor", self.actor), ("recipient", self.recipient)):
            if code:
                where.append("s.cluster_key IN (SELECT m.cluster_key FROM events m JOIN event_actors x "
                             "ON x.event_key = m.event_key WHERE x.role = ? AND (x.country = ? OR x.code = ?))")
                params += [role, code.upper(), code.upper()]
        if self.event:
            cats = [c.strip().upper() for c in self.event.split(",") if c.strip()]
            where.append(f"e.event IN ({', '.join('?' * len(cats))})")
            params += cats
        if self.since:
            where.append("s.day >= ?")
            params.append(_date_bound(self.since, end=False))
        if self.until:
            where.append("s.day <= ?")
            params.append(_date_bound(self.until, end=True))
        if self.text:
            where.append("s.cluster_key IN (SELECT m.cluster_key FROM events m JOIN documents t ON t.doc_key = m.doc_key "
                         "WHERE contains(lower(m.sentence_text), ?) OR contains(lower(coalesce(t.title, '')), ?))")
            params += [self.text.lower(), self.text.lower()]
        return " AND ".join(where), params


def clusters(con: duckdb.DuckDBPyConnection, filters: Filters | None = None,
             mentions: bool = False, chunk: int = 2000) -> Iterator[dict[str, Any]]:
    """Event clusters matching ``filters``, earliest first, as dicts (streamed)."""
    filters = filters or Filters()
    where, params = filters.sql()
    sql = _CLUSTERS.format(entity=_ENTITY, where=where, mentions_list=_MENTIONS if mentions else "",
                           mentions_column=", s.mentions" if mentions else "")
    if filters.limit is not None:
        sql += f"\nLIMIT {int(filters.limit)}"
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description]
    while rows := cur.fetchmany(chunk):
        for row in rows:
            item = dict(zip(names, row))
            item["id"] = cluster_id(item["cluster_key"])
            yield item


def add_filter_arguments(parser) -> None:
    """The selection options shared by `dotterel events` and `dotterel export`."""
    g = parser.add_argument_group("filters (an event cluster is kept when it matches all given)")
    g.add_argument("--actor", metavar="CODE", help="an actor's country or full code (AZE, AZEGOV, UNO)")
    g.add_argument("--recipient", metavar="CODE", help="a recipient's country or full code")
    g.add_argument("--event", metavar="CATEGORY", help="PLOVER categories, comma-separated (ACCUSE,ASSAULT)")
    g.add_argument("--since", metavar="DATE", help="events on or after YYYY, YYYY-MM or YYYY-MM-DD")
    g.add_argument("--until", metavar="DATE", help="events on or before YYYY, YYYY-MM or YYYY-MM-DD")
    g.add_argument("--text", metavar="WORDS", help="words in a reporting sentence or headline (any case)")
    g.add_argument("--limit", type=int, metavar="N", help="at most N event clusters")


def filters_from_args(args) -> Filters:
    return Filters(actor=args.actor, recipient=args.recipient, event=args.event, since=args.since,
                   until=args.until, text=args.text, limit=args.limit)
