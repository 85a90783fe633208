"""Writing to the database: ingest runs, batches of documents, errors.

Each batch — its documents with all their rows, their duplicate-index entries, the
errors met while reading or coding them, and the run's counters — is written in one
transaction.  A process killed at any moment leaves the database as it was after the
last committed batch; the next run skips every document already stored (by key) and
carries on, so nothing is half-written or written twice.  Rows go in through Arrow
tables, which DuckDB reads column-wise (far faster than row-by-row INSERTs).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import hashlib
import json
from datetime import datetime, timezone
from typing import Any, Iterable

import duckdb
import pyarrow as pa

from .. import __version__
from ..errors import InputError
from .rows import SCHEMA

_ARROW = {"VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(),
          "BOOLEAN": pa.bool_(), "DATE": pa.date32(), "BLOB": pa.binary()}
COUNTERS = ("records", "coded", "duplicates", "skipped", "already_stored", "events", "errors")


@dataclass
class RunSummary:
    """What one ingest or import run did, and its one-line report."""

    run_id: int
    db: str
    verb: str = "ingest"
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTERS, 0))
    near_duplicates: int = 0

    def line(self) -> str:
        c = self.counts
        rate = c["records"] / self.seconds if self.seconds else 0.0
        return (f"{self.verb}: {c['records']} documents in {self.seconds:.1f} s ({rate:.1f}/s): {c['coded']} coded, "
                f"{c['duplicates']} duplicates ({self.near_duplicates} near), {c['skipped']} skipped (not English), "
                f"{c['already_stored']} already stored; {c['events']} events; "
                f"{c['errors']} error{'s' * (c['errors'] != 1)} → {self.db}")


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(name, _ARROW[kind]) for name, kind in SCHEMA[table]])


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Store:
    """A writable database connection and the operations ingest needs."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con

    # --------------------------------------------------------------- runs
    def start_run(self, sources: Iterable[str], workers: int) -> int:
        """A new run; runs left 'running' by a killed process are marked 'interrupted'
        (DuckDB lets only one process write a file, so none of them is still going)."""
        con = self.con
        con.begin()
        con.execute("UPDATE ingest_runs SET status = 'interrupted' WHERE status = 'running'")
        run_id = con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM ingest_runs").fetchone()[0]
        con.execute("INSERT INTO ingest_runs (run_id, started_at, status, sources, workers, dotterel_version, "
                    + ", ".join(COUNTERS) + ") VALUES (?, ?, 'running', ?, ?, ?" + ", 0" * len(COUNTERS) + ")",
                    [run_id, _now(), json.dumps(list(sources)), workers, __version__])
        con.commit()
        return run_id

    def finish_run(self, run_id: int, status: str) -> None:
        self.con.execute("UPDATE ingest_runs SET status = ?, finished_at = ? WHERE run_id = ?",
                         [status, _now(), run_id])

    # ------------------------------------------------------------ lookups
    def has_document(self, doc_key: str) -> bool:
        return self.con.execute("SELECT 1 FROM documents WHERE doc_key = ?", [doc_key]).fetchone() is not None

    def coded_with_text(self, text_hash: str) -> str | None:
        """The coded document with this text hash (there is at most one: later copies
        are stored as its duplicates)."""
        row = self.con.execute("SELECT doc_key FROM documents WHERE text_hash = ? AND status = 'coded' LIMIT 1",
                               [text_hash]).fetchone()
        return row[0] if row else None

    def bucket_candidates(self, buckets: list[int]) -> list[tuple[str, bytes]]:
        """Coded documents sharing an LSH bucket, in the order they were stored.  Two
        plain queries: the bucket lookup alone is several times faster than a join."""
        marks = ", ".join("?" * len(buckets))
        keys = [k for (k,) in self.con.execute(f"SELECT DISTINCT doc_key FROM doc_buckets WHERE bucket IN ({marks})",
                                               buckets).fetchall()]
        if not keys:
            return []
        marks = ", ".join("?" * len(keys))
        return self.con.execute(f"SELECT doc_key, signature FROM doc_minhash WHERE doc_key IN ({marks}) ORDER BY rowid",
                                keys).fetchall()

    # ------------------------------------------------------------- writes
    def write_batch(self, run_id: int, tables: dict[str, list[dict[str, Any]]],
                    signatures: list[tuple[str, bytes, list[int]]], errors: list[InputError],
                    counters: dict[str, int]) -> None:
        """One transaction: rows for each table, duplicate-index entries
        (doc_key, signature, buckets), errors, and the run's counters so far."""
        con = self.con
        con.begin()
        try:
            for table, rows in tables.items():
                if rows:
                    self._insert(table, pa.Table.from_pylist(rows, schema=arrow_schema(table)))
            if signatures:
                self._insert("doc_minhash", pa.table({"doc_key": [k for k, _, _ in signatures],
                                                      "signature": [s for _, s, _ in signatures]}))
                self._insert("doc_buckets", pa.table({
                    "bucket": pa.array([b for _, _, bs in signatures for b in bs], pa.int64()),
                    "doc_key": [k for k, _, bs in signatures for _ in bs]}))
            for e in errors:
                key = hashlib.sha256(f"{e.name}\t{e.reason}".encode()).hexdigest()[:32]
                con.execute("INSERT INTO errors VALUES (?, ?, ?, ?, ?) "
                            "ON CONFLICT (error_key) DO UPDATE SET last_run = excluded.last_run",
                            [key, e.name, e.reason, run_id, run_id])
            con.execute("UPDATE ingest_runs SET " + ", ".join(f"{c} = ?" for c in COUNTERS) + " WHERE run_id = ?",
                        [counters[c] for c in COUNTERS] + [run_id])
            con.commit()
        except BaseException:
            con.rollback()
            raise

    def _insert(self, table: str, data: pa.Table) -> None:
        self.con.register("_batch", data)
        try:
            self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _batch")
        finally:
            self.con.unregister("_batch")
