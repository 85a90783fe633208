"""`dotterel stats`: what the database holds, by category, country and month.

Events are coded event mentions (negated ones left out); clusters are the happenings
they report (``query`` explains clusters).  A country counts for a cluster when it is
among the cluster's actor countries or its recipient countries.
"""
from __future__ import annotations

from typing import IO, Any

import duckdb

_TOTALS = """
SELECT
  (SELECT count(*) FROM documents) AS documents,
  (SELECT count(*) FROM documents WHERE status = 'coded') AS coded,
  (SELECT count(*) FROM documents WHERE status = 'duplicate') AS duplicates,
  (SELECT count(*) FROM documents WHERE status = 'skipped') AS skipped,
  (SELECT count(*) FROM events WHERE NOT negated) AS events,
  (SELECT count(DISTINCT cluster_key) FROM events) AS clusters,
  (SELECT count(*) FROM quotes) AS quotes,
  (SELECT count(*) FROM quantities) AS quantities,
  (SELECT count(*) FROM errors) AS inputs_with_errors,
  (SELECT count(*) FROM ingest_runs) AS runs
"""
_BY_CATEGORY = """
SELECT event AS category, count(DISTINCT cluster_key) AS clusters, count(*) AS events
FROM events WHERE NOT negated GROUP BY event ORDER BY clusters DESC, category
"""
_BY_COUNTRY = """
WITH c AS (SELECT DISTINCT cluster_key FROM events WHERE cluster_key IS NOT NULL),
roles AS (
  SELECT unnest(string_split(split_part(cluster_key, '|', 2), ',')) AS country, 'actor' AS role FROM c
  UNION ALL
  SELECT unnest(string_split(split_part(cluster_key, '|', 3), ',')) AS country, 'recipient' AS role FROM c
)
SELECT country, count(*) FILTER (WHERE role = 'actor') AS as_actor,
       count(*) FILTER (WHERE role = 'recipient') AS as_recipient
FROM roles WHERE country <> '' GROUP BY country ORDER BY as_actor + as_recipient DESC, country
"""
_BY_MONTH = """
SELECT strftime(day, '%Y-%m') AS month, count(DISTINCT cluster_key) AS clusters, count(*) AS events
FROM events WHERE NOT negated AND day IS NOT NULL GROUP BY month ORDER BY month
"""


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, Any]]:
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def stats(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    return {"totals": _rows(con, _TOTALS)[0], "by_category": _rows(con, _BY_CATEGORY),
            "by_country": _rows(con, _BY_COUNTRY), "by_month": _rows(con, _BY_MONTH)}


def write_stats(out: IO[str], s: dict[str, Any]) -> None:
    t = s["totals"]
    out.write(f"documents {t['documents']}: {t['coded']} coded, {t['duplicates']} duplicates, "
              f"{t['skipped']} skipped (not English)\n")
    out.write(f"events {t['events']} in {t['clusters']} clusters; quotes {t['quotes']}; quantities "
              f"{t['quantities']}; inputs with errors {t['inputs_with_errors']}; ingest runs {t['runs']}\n")
    for title, key, columns in (("by category", "by_category", ("category", "clusters", "events")),
                                ("by country", "by_country", ("country", "as_actor", "as_recipient")),
                                ("by month", "by_month", ("month", "clusters", "events"))):
        out.write(f"\n{title.upper()}\n")
        out.write(f"  {columns[0]:<12}{columns[1]:>12}{columns[2]:>14}\n")
        for row in s[key]:
            out.write(f"  {row[columns[0]]:<12}{row[columns[1]]:>12}{row[columns[2]]:>14}\n")
