"""The database file: opening it offline, its schema, and ordered migrations.

The schema is versioned: table ``schema_version`` records each migration applied.
``MIGRATIONS`` is an ordered list of functions; migration *n* takes a database at
version *n-1* to version *n* and runs in its own transaction.  A migration, once
released, is never edited: a change to the tables is a new migration at the end of
the list (and the same change in ``rows.SCHEMA``; a test checks the two agree).

DuckDB is told never to install or auto-load extensions, so nothing is downloaded at
run time; everything used here is in DuckDB's core (Parquet is written with pyarrow).
"""
from __future__ import annotations

from pathlib import Path

import duckdb

from ..errors import DotterelError

DEFAULT_DB = "dotterel.duckdb"
OFFLINE = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}

_V1_TABLES = """
CREATE TABLE documents (
    doc_key VARCHAR PRIMARY KEY,
    text_hash VARCHAR,
    doc_id VARCHAR,
    title VARCHAR,
    source VARCHAR,
    site VARCHAR,
    author VARCHAR,
    url VARCHAR,
    published DATE,
    language VARCHAR,
    origin VARCHAR,
    n_chars INTEGER,
    status VARCHAR,
    duplicate_of VARCHAR,
    similarity DOUBLE,
    reason VARCHAR,
    n_events INTEGER,
    n_quotes INTEGER,
    n_quantities INTEGER,
    run_id INTEGER,
    text VARCHAR
);
CREATE TABLE entities (
    doc_key VARCHAR,
    n INTEGER,
    text VARCHAR,
    start_char INTEGER,
    end_char INTEGER,
    name VARCHAR,
    kind VARCHAR,
    country VARCHAR,
    sector VARCHAR,
    other_sectors VARCHAR,
    code VARCHAR,
    evidence VARCHAR
);
CREATE TABLE events (
    event_key VARCHAR,
    doc_key VARCHAR,
    n INTEGER,
    event_id VARCHAR,
    event VARCHAR,
    mode VARCHAR,
    context VARCHAR,
    aux VARCHAR,
    negated BOOLEAN,
    date VARCHAR,
    day DATE,
    actor_codes VARCHAR,
    recipient_codes VARCHAR,
    reported_by_code VARCHAR,
    location_text VARCHAR,
    location_name VARCHAR,
    location_country VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    trigger_text VARCHAR,
    trigger_start INTEGER,
    trigger_end INTEGER,
    sentence_text VARCHAR,
    sentence_start INTEGER,
    sentence_end INTEGER,
    cameo VARCHAR,
    score DOUBLE,
    quad INTEGER,
    confidence DOUBLE,
    is_main BOOLEAN,
    evidence VARCHAR,
    cluster_key VARCHAR
);
CREATE TABLE event_actors (
    event_key VARCHAR,
    doc_key VARCHAR,
    role VARCHAR,
    position INTEGER,
    text VARCHAR,
    start_char INTEGER,
    end_char INTEGER,
    name VARCHAR,
    kind VARCHAR,
    country VARCHAR,
    sector VARCHAR,
    other_sectors VARCHAR,
    code VARCHAR,
    evidence VARCHAR
);
CREATE TABLE quotes (
    quote_key VARCHAR,
    doc_key VARCHAR,
    n INTEGER,
    quote_id VARCHAR,
    kind VARCHAR,
    text VARCHAR,
    start_char INTEGER,
    end_char INTEGER,
    cue_text VARCHAR,
    cue_start INTEGER,
    cue_end INTEGER,
    speaker_text VARCHAR,
    speaker_name VARCHAR,
    speaker_kind VARCHAR,
    speaker_country VARCHAR,
    speaker_sector VARCHAR,
    speaker_reason VARCHAR,
    event_ids VARCHAR
);
CREATE TABLE quantities (
    quantity_key VARCHAR,
    doc_key VARCHAR,
    n INTEGER,
    quantity_id VARCHAR,
    text VARCHAR,
    start_char INTEGER,
    end_char INTEGER,
    value DOUBLE,
    low DOUBLE,
    high DOUBLE,
    qualifier VARCHAR,
    unit VARCHAR,
    what VARCHAR,
    period_text VARCHAR,
    period_start VARCHAR,
    period_end VARCHAR,
    claimant_name VARCHAR,
    claimant_country VARCHAR,
    claimant_sector VARCHAR,
    evidence VARCHAR
);
CREATE INDEX documents_text_hash ON documents (text_hash);
CREATE TABLE doc_minhash (
    doc_key VARCHAR,
    signature BLOB
);
CREATE TABLE doc_buckets (
    bucket BIGINT,
    doc_key VARCHAR
);
CREATE INDEX doc_buckets_bucket ON doc_buckets (bucket);
CREATE TABLE ingest_runs (
    run_id INTEGER PRIMARY KEY,
    started_at TIMESTAMP,
    finished_at TIMESTAMP,
    status VARCHAR,
    sources VARCHAR,
    workers INTEGER,
    dotterel_version VARCHAR,
    records INTEGER,
    coded INTEGER,
    duplicates INTEGER,
    skipped INTEGER,
    already_stored INTEGER,
    events INTEGER,
    errors INTEGER
);
CREATE TABLE errors (
    error_key VARCHAR PRIMARY KEY,
    input VARCHAR,
    reason VARCHAR,
    first_run INTEGER,
    last_run INTEGER
);
"""


def _v1(con: duckdb.DuckDBPyConnection) -> None:
    """Documents, entities, events with actor links, quotes, quantities, duplicate index,
    ingest runs and per-input errors."""
    for statement in filter(str.strip, _V1_TABLES.split(";")):
        con.execute(statement)


MIGRATIONS = [_v1]
VERSION = len(MIGRATIONS)


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    found = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'").fetchone()
    if not found[0]:
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Bring the database to ``VERSION``; returns the version it was at."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                "applied_at TIMESTAMP DEFAULT current_timestamp, description VARCHAR)")
    current = schema_version(con)
    if current > VERSION:
        raise DotterelError(f"the database has schema version {current}, newer than this dotterel "
                            f"understands ({VERSION}); upgrade dotterel")
    for version in range(current + 1, VERSION + 1):
        step = MIGRATIONS[version - 1]
        con.begin()
        try:
            step(con)
            con.execute("INSERT INTO schema_version (version, description) VALUES (?, ?)",
                        [version, " ".join((step.__doc__ or "").split())])
            con.commit()
        except BaseException:
            con.rollback()
            raise
    return current


def connect(path: str | Path = DEFAULT_DB, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (and, for writing, create or migrate) the database at ``path``."""
    path = Path(path)
    if read_only and not path.exists():
        raise DotterelError(f"{path}: no database here; build one with `dotterel ingest SOURCES --db {path}`")
    try:
        con = duckdb.connect(str(path), read_only=read_only, config=OFFLINE)
    except duckdb.IOException as e:
        raise DotterelError(f"{path}: cannot open the database ({e})") from None
    if read_only:
        version = schema_version(con)
        if version != VERSION:
            con.close()
            raise DotterelError(f"{path}: schema version {version}, this dotterel needs {VERSION}; "
                                "run `dotterel ingest` on it once to migrate")
    else:
        migrate(con)
    return con
