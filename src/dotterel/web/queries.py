"""Read queries behind the pages and the API, over the store's tables (``store.rows.SCHEMA``).

Every value from a request goes in as a named parameter (:class:`Sql` numbers them);
only column names from fixed lists are written into the SQL text.  Results are plain
dicts shaped like the coder's JSON contract (``span`` lists, ``actor`` lists of
entities), so the document view renders a stored article and a fresh ``Result`` alike.

Actors are identified by code: a country or non-state code (``AZE``, ``UNO``) or a full
code with sector (``AZEGOV``); filters also accept an exact name.  Negated events are
left out everywhere unless a filter asks for them, as in the CLI's output.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from .filters import EventFilter, Page, QuantityFilter, QuoteFilter

LIVE = "NOT coalesce(e.negated, false)"
_SORT_COLUMNS = {"date": "e.day", "event": "e.event", "score": "e.score", "confidence": "e.confidence",
                 "quad": "e.quad", "source": "d.source"}
_FORMATS = {"day": "%Y-%m-%d", "week": "%Y-%m-%d", "month": "%Y-%m"}


class Sql:
    """Collects named parameters while a statement is built."""

    def __init__(self) -> None:
        self.params: dict[str, Any] = {}

    def p(self, value: Any) -> str:
        name = f"p{len(self.params)}"
        self.params[name] = value
        return "$" + name


def _rows(con, sql: str, params: dict | None = None) -> list[dict]:
    cur = con.execute(sql, params or {})
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def _one(con, sql: str, params: dict | None = None) -> dict | None:
    rows = _rows(con, sql, params)
    return rows[0] if rows else None


def _like(value: str) -> str:
    """A LIKE pattern matching ``value`` anywhere, its own % and _ taken literally."""
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _code_match(sql: Sql, alias: str, code: str, names: bool = True) -> str:
    """An entity column set ``alias`` (country/code/name) matches an actor code or name."""
    up = sql.p(code.upper())
    cond = f"{alias}country = {up} OR {alias}code = {up}"
    if names:
        cond += f" OR lower({alias}name) = lower({sql.p(code)})"
    return f"({cond})"


def _party(sql: Sql, role: str, code: str, names: bool = True) -> str:
    """Condition on ``e.event_key``: the event has an entity in ``role`` matching ``code``."""
    return (f"e.event_key IN (SELECT event_key FROM event_actors WHERE role = {sql.p(role)} "
            f"AND {_code_match(sql, '', code, names)})")


# ---------------------------------------------------------------- shaping rows
def _entity(r: dict, prefix: str = "") -> dict:
    g = lambda k: r.get(prefix + k)  # noqa: E731
    return {"text": g("text"), "span": [g("start_char"), g("end_char")], "name": g("name"), "kind": g("kind"),
            "country": g("country"), "sector": g("sector"),
            "other_sectors": g("other_sectors").split(";") if g("other_sectors") else [],
            "code": g("code"), "evidence": g("evidence")}


def _event(r: dict, parties: dict[str, dict[str, list]]) -> dict:
    mine = parties.get(r["event_key"], {})
    reported = mine.get("reported_by") or [None]
    loc = None
    if r.get("location_text") is not None:
        loc = {"text": r["location_text"], "name": r["location_name"], "country": r["location_country"],
               "lat": r["lat"], "lon": r["lon"]}
    out = {
        "key": r["event_key"], "doc_key": r["doc_key"], "id": r["event_id"], "event": r["event"], "mode": r["mode"],
        "context": r["context"].split(",") if r["context"] else [], "aux": r["aux"], "negated": r["negated"],
        "actor": mine.get("actor", []), "recipient": mine.get("recipient", []), "reported_by": reported[0],
        "date": r["date"], "day": r["day"], "location": loc,
        "trigger": {"text": r["trigger_text"], "span": [r["trigger_start"], r["trigger_end"]]},
        "sentence": {"text": r["sentence_text"], "span": [r["sentence_start"], r["sentence_end"]]},
        "cameo": r["cameo"], "score": r["score"], "quad": r["quad"], "confidence": r["confidence"],
        "is_main": r["is_main"], "evidence": r["evidence"], "cluster_key": r["cluster_key"],
    }
    if "d_title" in r:
        out["document"] = {"key": r["doc_key"], "title": r["d_title"], "source": r["d_source"],
                           "published": r["d_published"], "url": r["d_url"]}
    return out


def _parties(con, event_keys: list[str]) -> dict[str, dict[str, list]]:
    """Actors, recipients and reporters of the given events, in their stored order."""
    if not event_keys:
        return {}
    out: dict[str, dict[str, list]] = {}
    for r in _rows(con, "SELECT * FROM event_actors WHERE event_key IN (SELECT unnest($keys)) "
                        "ORDER BY event_key, role, position", {"keys": event_keys}):
        out.setdefault(r["event_key"], {}).setdefault(r["role"], []).append(_entity(r))
    return out


def _events(con, rows: list[dict]) -> list[dict]:
    parties = _parties(con, [r["event_key"] for r in rows])
    return [_event(r, parties) for r in rows]


def _quote(r: dict) -> dict:
    speaker = None
    if r["speaker_text"] is not None or r["speaker_name"] is not None:
        speaker = {"text": r["speaker_text"], "name": r["speaker_name"], "kind": r["speaker_kind"],
                   "country": r["speaker_country"], "sector": r["speaker_sector"]}
    cue = {"text": r["cue_text"], "span": [r["cue_start"], r["cue_end"]]} if r["cue_text"] is not None else None
    out = {"key": r["quote_key"], "doc_key": r["doc_key"], "id": r["quote_id"], "kind": r["kind"], "text": r["text"],
           "span": [r["start_char"], r["end_char"]], "cue": cue, "speaker": speaker,
           "speaker_reason": r["speaker_reason"], "events": r["event_ids"].split(";") if r["event_ids"] else []}
    if "d_title" in r:
        out["document"] = {"key": r["doc_key"], "title": r["d_title"], "source": r["d_source"],
                           "published": r["d_published"]}
    return out


def _quantity(r: dict) -> dict:
    period = None
    if r["period_text"] is not None:
        period = {"text": r["period_text"], "start": r["period_start"], "end": r["period_end"]}
    claimant = None
    if r["claimant_name"] is not None or r["claimant_country"] is not None:
        claimant = {"name": r["claimant_name"], "text": r["claimant_name"], "country": r["claimant_country"],
                    "sector": r["claimant_sector"]}
    out = {"key": r["quantity_key"], "doc_key": r["doc_key"], "id": r["quantity_id"], "text": r["text"],
           "span": [r["start_char"], r["end_char"]], "value": r["value"], "low": r["low"], "high": r["high"],
           "qualifier": r["qualifier"], "unit": r["unit"], "what": r["what"], "period": period,
           "claimant": claimant, "evidence": r["evidence"]}
    if "d_title" in r:
        out["document"] = {"key": r["doc_key"], "title": r["d_title"], "source": r["d_source"],
                           "published": r["d_published"]}
    return out


_DOC_COLUMNS = "d.title AS d_title, d.source AS d_source, d.published AS d_published, d.url AS d_url"


def _paged(items: list, total: int, page: Page) -> dict:
    return {"total": total, "page": page.page, "per_page": page.per_page,
            "pages": max(1, -(-total // page.per_page)), "items": items}


# ---------------------------------------------------------------- events
def _event_where(sql: Sql, f: EventFilter) -> str:
    conds = [] if f.include_negated else [LIVE]
    if f.actor:
        conds.append(_party(sql, "actor", f.actor))
    if f.recipient:
        conds.append(_party(sql, "recipient", f.recipient))
    if f.country:
        c = sql.p(f.country.upper())
        conds.append(f"(e.location_country = {c} OR e.event_key IN (SELECT event_key FROM event_actors "
                     f"WHERE country = {c} AND role IN ('actor', 'recipient')))")
    if f.event:
        conds.append(f"e.event = {sql.p(f.event.upper())}")
    if f.mode:
        conds.append(f"e.mode = {sql.p(f.mode.lower())}")
    if f.context:
        conds.append(f"list_contains(string_split(e.context, ','), {sql.p(f.context.lower())})")
    if f.text:
        conds.append(f"e.sentence_text ILIKE {sql.p(_like(f.text))} ESCAPE '\\'")
    if f.date_from:
        conds.append(f"e.day >= {sql.p(f.date_from)}")
    if f.date_to:
        conds.append(f"e.day <= {sql.p(f.date_to)}")
    return " AND ".join(conds) or "true"


def events(con, f: EventFilter, page: Page) -> dict:
    """One page of events matching the filter, with their actors and documents, and the total."""
    sql = Sql()
    where = _event_where(sql, f)
    total = con.execute(f"SELECT count(*) FROM events e WHERE {where}", sql.params).fetchone()[0]
    order = "ASC" if f.order == "asc" else "DESC"
    sort = _SORT_COLUMNS[f.sort]
    rows = _rows(con, f"SELECT e.*, {_DOC_COLUMNS} FROM events e LEFT JOIN documents d ON d.doc_key = e.doc_key "
                      f"WHERE {where} ORDER BY {sort} {order} NULLS LAST, e.event_key "
                      f"LIMIT {int(page.per_page)} OFFSET {int(page.offset)}", sql.params)
    return _paged(_events(con, rows), total, page)


def event(con, key: str) -> dict | None:
    """One event with its document, evidence, the quotes it occurs in and the mentions of
    its actors and recipients across the document (every span resolved to the same name)."""
    row = _one(con, f"SELECT e.*, {_DOC_COLUMNS} FROM events e LEFT JOIN documents d ON d.doc_key = e.doc_key "
                    "WHERE e.event_key = $k", {"k": key})
    if row is None:
        return None
    ev = _events(con, [row])[0]
    names = sorted({p["name"] for role in ("actor", "recipient") for p in ev[role] if p.get("name")})
    ev["mentions"] = [_entity(r) for r in _rows(
        con, "SELECT * FROM entities WHERE doc_key = $d AND name IN (SELECT unnest($names)) ORDER BY start_char",
        {"d": row["doc_key"], "names": names})] if names else []
    ev["quotes"] = [_quote(r) for r in _rows(
        con, "SELECT * FROM quotes WHERE doc_key = $d AND list_contains(string_split(event_ids, ';'), $id) "
             "ORDER BY n", {"d": row["doc_key"], "id": row["event_id"]})]
    return ev


# ---------------------------------------------------------------- documents
def document(con, key: str) -> dict | None:
    """A stored document with its text and every annotation (the coder's JSON plus keys)."""
    d = _one(con, "SELECT * FROM documents WHERE doc_key = $k", {"k": key})
    if d is None:
        return None
    out = {"key": d["doc_key"], "id": d["doc_id"], "title": d["title"], "source": d["source"], "site": d["site"],
           "author": d["author"], "url": d["url"], "published": d["published"], "language": d["language"],
           "origin": d["origin"], "status": d["status"], "duplicate_of": d["duplicate_of"], "reason": d["reason"],
           "similarity": d["similarity"], "n_chars": d["n_chars"],
           "text": d["text"]}
    p = {"k": key}
    out["entities"] = [_entity(r) for r in _rows(con, "SELECT * FROM entities WHERE doc_key = $k ORDER BY n", p)]
    out["events"] = _events(con, _rows(con, f"SELECT e.* FROM events e WHERE e.doc_key = $k AND {LIVE} "
                                            "ORDER BY e.n", p))
    out["quotes"] = [_quote(r) for r in _rows(con, "SELECT * FROM quotes WHERE doc_key = $k ORDER BY n", p)]
    out["quantities"] = [_quantity(r) for r in _rows(con, "SELECT * FROM quantities WHERE doc_key = $k "
                                                          "ORDER BY n", p)]
    return out


def latest_documents(con, limit: int = 10) -> list[dict]:
    return _rows(con, "SELECT doc_key AS key, title, source, published, n_events, n_quotes, n_quantities "
                      "FROM documents WHERE status = 'coded' ORDER BY published DESC NULLS LAST, doc_key "
                      f"LIMIT {int(limit)}")


# ---------------------------------------------------------------- quotes, quantities
def quotes(con, f: QuoteFilter, page: Page) -> dict:
    sql = Sql()
    conds = ["true"]
    if f.speaker:
        up, name = sql.p(f.speaker.upper()), sql.p(f.speaker)
        conds.append(f"(q.speaker_country = {up} OR q.speaker_country || coalesce(q.speaker_sector, '') = {up} "
                     f"OR lower(q.speaker_name) = lower({name}))")
    if f.kind:
        conds.append(f"q.kind = {sql.p(f.kind)}")
    if f.text:
        conds.append(f"q.text ILIKE {sql.p(_like(f.text))} ESCAPE '\\'")
    if f.doc:
        conds.append(f"q.doc_key = {sql.p(f.doc)}")
    if f.date_from:
        conds.append(f"d.published >= {sql.p(f.date_from)}")
    if f.date_to:
        conds.append(f"d.published <= {sql.p(f.date_to)}")
    where = " AND ".join(conds)
    base = f"FROM quotes q LEFT JOIN documents d ON d.doc_key = q.doc_key WHERE {where}"
    total = con.execute(f"SELECT count(*) {base}", sql.params).fetchone()[0]
    rows = _rows(con, f"SELECT q.*, {_DOC_COLUMNS} {base} ORDER BY d.published DESC NULLS LAST, q.quote_key "
                      f"LIMIT {int(page.per_page)} OFFSET {int(page.offset)}", sql.params)
    return _paged([_quote(r) for r in rows], total, page)


def quantities(con, f: QuantityFilter, page: Page) -> dict:
    sql = Sql()
    conds = ["true"]
    if f.claimant:
        up, name = sql.p(f.claimant.upper()), sql.p(f.claimant)
        conds.append(f"(x.claimant_country = {up} OR x.claimant_country || coalesce(x.claimant_sector, '') = {up} "
                     f"OR lower(x.claimant_name) = lower({name}))")
    if f.unit:
        conds.append(f"lower(x.unit) = lower({sql.p(f.unit)})")
    if f.text:
        pattern = sql.p(_like(f.text))
        conds.append(f"(x.text ILIKE {pattern} ESCAPE '\\' OR x.what ILIKE {pattern} ESCAPE '\\')")
    if f.doc:
        conds.append(f"x.doc_key = {sql.p(f.doc)}")
    if f.date_from:
        conds.append(f"d.published >= {sql.p(f.date_from)}")
    if f.date_to:
        conds.append(f"d.published <= {sql.p(f.date_to)}")
    base = f"FROM quantities x LEFT JOIN documents d ON d.doc_key = x.doc_key WHERE {' AND '.join(conds)}"
    total = con.execute(f"SELECT count(*) {base}", sql.params).fetchone()[0]
    rows = _rows(con, f"SELECT x.*, {_DOC_COLUMNS} {base} ORDER BY d.published DESC NULLS LAST, x.quantity_key "
                      f"LIMIT {int(page.per_page)} OFFSET {int(page.offset)}", sql.params)
    return _paged([_quantity(r) for r in rows], total, page)


# ---------------------------------------------------------------- time series
def pick_interval(con, where: str, params: dict, interval: str) -> str:
    """``auto`` becomes day for up to three months of data, week up to three years, else month."""
    if interval != "auto":
        return interval
    lo, hi = con.execute(f"SELECT min(e.day), max(e.day) FROM events e WHERE {where}", params).fetchone()
    if lo is None:
        return "month"
    span = (hi - lo).days
    return "day" if span <= 92 else "week" if span <= 3 * 366 else "month"


def timeline(con, where: str, params: dict, interval: str) -> tuple[str, list[dict]]:
    """Events per period: total, per quad class, per category, and the mean score."""
    interval = pick_interval(con, where, params, interval)
    fmt = _FORMATS[interval]
    rows = con.execute(
        f"SELECT strftime(date_trunc('{interval}', e.day), '{fmt}') AS period, e.quad, e.event, count(*), "
        f"sum(e.score), count(e.score) FROM events e WHERE {where} AND e.day IS NOT NULL "
        "GROUP BY ALL ORDER BY period", params).fetchall()
    series: dict[str, dict] = {}
    for period, quad, category, n, score_sum, scored in rows:
        s = series.setdefault(period, {"period": period, "total": 0, "quad": {}, "categories": {},
                                       "mean_score": None, "_sum": 0.0, "_n": 0})
        s["total"] += n
        if quad is not None:
            s["quad"][quad] = s["quad"].get(quad, 0) + n
        s["categories"][category] = s["categories"].get(category, 0) + n
        s["_sum"] += score_sum or 0.0
        s["_n"] += scored
    out = []
    for s in series.values():
        s["mean_score"] = round(s.pop("_sum") / s["_n"], 3) if s["_n"] else None
        s.pop("_n")
        out.append(s)
    return interval, out


# ---------------------------------------------------------------- dashboard
def totals(con) -> dict:
    row = _one(con, f"""
        SELECT (SELECT count(*) FROM documents WHERE status = 'coded') AS documents,
               (SELECT count(*) FROM events e WHERE {LIVE}) AS events,
               (SELECT count(*) FROM quotes) AS quotes,
               (SELECT count(*) FROM quantities) AS quantities,
               (SELECT count(DISTINCT country) FROM event_actors) AS actor_countries,
               (SELECT min(day) FROM events) AS first_day,
               (SELECT max(day) FROM events) AS last_day""")
    return row or {}


def top_dyads(con, limit: int = 10, code: str | None = None) -> list[dict]:
    """The most active directed country pairs (actor → recipient), domestic pairs left out."""
    rows = _rows(con, f"""
        WITH pairs AS (
            SELECT DISTINCT a.event_key, a.country AS a, r.country AS b
            FROM event_actors a JOIN event_actors r ON r.event_key = a.event_key AND r.role = 'recipient'
            WHERE a.role = 'actor' AND a.country IS NOT NULL AND r.country IS NOT NULL AND a.country <> r.country)
        SELECT p.a, p.b, count(*) AS events, round(avg(e.score), 3) AS mean_score,
               count(*) FILTER (WHERE e.quad IN (3, 4)) AS conflict
        FROM pairs p JOIN events e ON e.event_key = p.event_key WHERE {LIVE}
        GROUP BY p.a, p.b ORDER BY events DESC, p.a, p.b LIMIT {int(limit)}""")
    return rows


# ---------------------------------------------------------------- actors
def actors(con, q: str | None, level: str, page: Page) -> dict:
    """Actors ranked by the number of events they take part in; ``level`` is ``country``
    (AZE) or ``code`` (AZEGOV)."""
    col = "ea.country" if level == "country" else "ea.code"
    sql = Sql()
    cond = ""
    if q:
        pat = sql.p(_like(q))
        cond = f"AND ({col} ILIKE {pat} ESCAPE '\\' OR ea.name ILIKE {pat} ESCAPE '\\')"
    base = f"""FROM event_actors ea JOIN events e ON e.event_key = ea.event_key
               WHERE {col} IS NOT NULL AND ea.role IN ('actor', 'recipient') AND {LIVE} {cond}"""
    total = con.execute(f"SELECT count(DISTINCT {col}) {base}", sql.params).fetchone()[0]
    rows = _rows(con, f"""
        SELECT {col} AS code, coalesce(mode(ea.name) FILTER (WHERE ea.kind = 'country'), mode(ea.name)) AS name,
               count(DISTINCT ea.event_key) AS events,
               count(DISTINCT ea.event_key) FILTER (WHERE ea.role = 'actor') AS as_actor,
               count(DISTINCT ea.event_key) FILTER (WHERE ea.role = 'recipient') AS as_recipient,
               count(DISTINCT ea.doc_key) AS documents
        {base} GROUP BY {col} ORDER BY events DESC, code
        LIMIT {int(page.per_page)} OFFSET {int(page.offset)}""", sql.params)
    return _paged(rows, total, page)


def actor(con, code: str) -> dict | None:
    """Summary of one actor code: names used for it, event counts by role, documents."""
    sql = Sql()
    row = _one(con, f"""
        SELECT count(DISTINCT ea.event_key) AS events,
               count(DISTINCT ea.event_key) FILTER (WHERE ea.role = 'actor') AS as_actor,
               count(DISTINCT ea.event_key) FILTER (WHERE ea.role = 'recipient') AS as_recipient,
               count(DISTINCT ea.doc_key) AS documents, min(e.day) AS first_day, max(e.day) AS last_day
        FROM event_actors ea JOIN events e ON e.event_key = ea.event_key
        WHERE {_code_match(sql, 'ea.', code, names=False)} AND ea.role IN ('actor', 'recipient') AND {LIVE}""",
               sql.params)
    if not row or not row["events"]:
        return None
    sql = Sql()
    names = _rows(con, f"""SELECT ea.name, mode(ea.kind) AS kind, count(*) AS mentions FROM event_actors ea
                           WHERE {_code_match(sql, 'ea.', code, names=False)} AND ea.name IS NOT NULL
                           GROUP BY ea.name ORDER BY mentions DESC, ea.name LIMIT 12""", sql.params)
    country = [n["name"] for n in names if n["kind"] == "country"]
    name = country[0] if country and len(code) == 3 else names[0]["name"] if names else None
    return {"code": code, "name": name, **row, "names": names}


def partners(con, code: str, role: str, limit: int = 15) -> list[dict]:
    """Whom ``code`` acts on (role ``actor``) or is acted on by (role ``recipient``), by country,
    with event counts per quad class and the mean score."""
    other = "recipient" if role == "actor" else "actor"
    sql = Sql()
    me = _code_match(sql, "m.", code, names=False)
    return _rows(con, f"""
        WITH pairs AS (
            SELECT DISTINCT m.event_key, o.country AS code
            FROM event_actors m JOIN event_actors o ON o.event_key = m.event_key AND o.role = {sql.p(other)}
            WHERE m.role = {sql.p(role)} AND {me} AND o.country IS NOT NULL)
        SELECT p.code,
               (SELECT coalesce(mode(n.name) FILTER (WHERE n.kind = 'country'), mode(n.name))
                  FROM event_actors n WHERE n.country = p.code) AS name,
               count(*) AS events, round(avg(e.score), 3) AS mean_score,
               count(*) FILTER (WHERE e.quad = 1) AS q1, count(*) FILTER (WHERE e.quad = 2) AS q2,
               count(*) FILTER (WHERE e.quad = 3) AS q3, count(*) FILTER (WHERE e.quad = 4) AS q4
        FROM pairs p JOIN events e ON e.event_key = p.event_key WHERE {LIVE}
        GROUP BY p.code ORDER BY events DESC, p.code LIMIT {int(limit)}""", sql.params)


def actor_events(con, code: str, limit: int = 20) -> list[dict]:
    sql = Sql()
    rows = _rows(con, f"""SELECT e.*, {_DOC_COLUMNS} FROM events e LEFT JOIN documents d ON d.doc_key = e.doc_key
                          WHERE {LIVE} AND e.event_key IN (SELECT event_key FROM event_actors
                                WHERE role IN ('actor', 'recipient') AND {_code_match(sql, '', code, names=False)})
                          ORDER BY e.day DESC NULLS LAST, e.event_key LIMIT {int(limit)}""", sql.params)
    return _events(con, rows)


# ---------------------------------------------------------------- dyads
def dyad_where(a: str, b: str, direction: str = "both", date_from: date | None = None,
               date_to: date | None = None) -> tuple[str, dict]:
    """The condition and parameters selecting events between a and b: a acting on b
    (``ab``), b on a (``ba``), or either (``both``), within the dates."""
    sql = Sql()
    ways = [(a, b)] if direction == "ab" else [(b, a)] if direction == "ba" else [(a, b), (b, a)]
    either = " OR ".join(f"({_party(sql, 'actor', x, False)} AND {_party(sql, 'recipient', y, False)})"
                         for x, y in ways)
    where = f"{LIVE} AND ({either})"
    if date_from:
        where += f" AND e.day >= {sql.p(date_from)}"
    if date_to:
        where += f" AND e.day <= {sql.p(date_to)}"
    return where, sql.params


def dyad(con, where: str, params: dict, interval: str) -> dict:
    """Two actors' interactions: time series, totals per category and quad class, mean score."""
    interval, series = timeline(con, where, params, interval)
    summary = _one(con, f"""SELECT count(*) AS events, round(avg(e.score), 3) AS mean_score,
                                   min(e.day) AS first_day, max(e.day) AS last_day FROM events e WHERE {where}""",
                   params)
    categories = _rows(con, f"SELECT e.event, e.quad, count(*) AS events, round(avg(e.score), 3) AS mean_score "
                            f"FROM events e WHERE {where} GROUP BY ALL ORDER BY events DESC, e.event", params)
    return {**summary, "interval": interval, "categories": categories,
            "quads": {q: sum(s["quad"].get(q, 0) for s in series) for q in (1, 2, 3, 4)}, "series": series}


def dyad_events(con, where: str, params: dict, limit: int = 50) -> list[dict]:
    rows = _rows(con, f"SELECT e.*, {_DOC_COLUMNS} FROM events e LEFT JOIN documents d ON d.doc_key = e.doc_key "
                      f"WHERE {where} ORDER BY e.day DESC NULLS LAST, e.event_key LIMIT {int(limit)}", params)
    return _events(con, rows)


def dyad_quotes(con, a: str, b: str, where: str, params: dict, limit: int = 30) -> list[dict]:
    """What either side said in the articles that report their interactions."""
    sql = Sql()
    sql.params.update(params)
    sides = []
    for code in (a, b):
        up = sql.p(code)
        sides.append(f"q.speaker_country = {up} OR q.speaker_country || coalesce(q.speaker_sector, '') = {up}")
    rows = _rows(con, f"""SELECT q.*, {_DOC_COLUMNS} FROM quotes q LEFT JOIN documents d ON d.doc_key = q.doc_key
                          WHERE q.doc_key IN (SELECT e.doc_key FROM events e WHERE {where})
                            AND ({' OR '.join(sides)})
                          ORDER BY d.published DESC NULLS LAST, q.quote_key LIMIT {int(limit)}""", sql.params)
    return [_quote(r) for r in rows]
