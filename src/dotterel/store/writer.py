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


def _marks(values: list) -> str:
    return ", ".join("?" * len(values))


@dataclass
class Copies:
    """Coded documents a batch of texts may copy, fetched at once (``Store.copies``)."""

    by_text: dict[str, str]  # text hash -> the coded document with that text (at most one)
    by_bucket: dict[int, set[str]]
    signatures: dict[str, bytes]  # in the order the documents were stored

    def coded_with_text(self, text_hash: str) -> str | None:
        return self.by_text.get(text_hash)

    def bucket_candidates(self, buckets: list[int]) -> list[tuple[str, bytes]]:
        """Coded documents sharing an LSH bucket, in the order they were stored."""
        keys = set().union(*(self.by_bucket.get(b, ()) for b in buckets))
        return [(k, s) for k, s in self.signatures.items() if k in keys]


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
    # Lookups take a whole batch's keys: ingest makes three queries per batch of 32
    # documents instead of three per document, which halves the main process's time.
    def stored_keys(self, doc_keys: list[str]) -> set[str]:
        """Those of ``doc_keys`` already stored."""
        if not doc_keys:
            return set()
        rows = self.con.execute(f"SELECT doc_key FROM documents WHERE doc_key IN ({_marks(doc_keys)})", doc_keys)
        return {k for (k,) in rows.fetchall()}

    def copies(self, text_hashes: list[str], buckets: list[int]) -> Copies:
        """The coded documents with any of these text hashes or in any of these LSH
        buckets.  Two plain queries for the buckets: the bucket lookup alone is several
        times faster than a join."""
        con, by_text, by_bucket, signatures = self.con, {}, {}, {}
        if text_hashes:
            by_text = dict(con.execute(f"SELECT text_hash, doc_key FROM documents WHERE text_hash IN "
                                       f"({_marks(text_hashes)}) AND status = 'coded'", text_hashes).fetchall())
        if buckets:
            rows = con.execute(f"SELECT bucket, doc_key FROM doc_buckets WHERE bucket IN ({_marks(buckets)})", buckets)
            for bucket, key in rows.fetchall():
                by_bucket.setdefault(bucket, set()).add(key)
        keys = list(set().union(*by_bucket.values()))
        if keys:
            signatures = dict(con.execute(f"SELECT doc_key, signature FROM doc_minhash WHERE doc_key IN "
                                          f"({_marks(keys)}) ORDER BY rowid", keys).fetchall())
        return Copies(by_text, by_bucket, signatures)

    # one document at a time, for callers that decide documents one by one
    def has_document(self, doc_key: str) -> bool:
        return bool(self.stored_keys([doc_key]))

    def coded_with_text(self, text_hash: str) -> str | None:
        return self.copies([text_hash], []).coded_with_text(text_hash)

    def bucket_candidates(self, buckets: list[int]) -> list[tuple[str, bytes]]:
        return self.copies([], buckets).bucket_candidates(buckets)

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
        except BaseException:
            con.rollback()
            raise
        con.commit()  # a commit that fails (out of memory, disk full) rolls itself back

    def _insert(self, table: str, data: pa.Table) -> None:
        self.con.register("_batch", data)
        try:
            self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _batch")
        finally:
            self.con.unregister("_batch")
