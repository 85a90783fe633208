"""Load a Spark run's Parquet datasets into the embedded database, as ``dotterel ingest`` would.

The Spark job codes every document independently; deciding duplicates needs the
documents in one order, so it happens here, with the ingest's own ``Deduper`` and
``Store``: documents are taken earliest published first (then by id and key), a
document already in the database is left alone, an exact or near copy of an earlier
one is stored as its duplicate without its events, and the rest are stored with all
their rows and their duplicate-index entries, one transaction per batch.  Importing
the same run twice adds nothing the second time.

The Parquet files are read with an in-memory DuckDB (offline: no extensions loaded);
the run directory must be on a local or mounted file system.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import duckdb

from ..errors import DotterelError, InputError
from ..ingest.dedupe import Deduper
from ..store import rows as R
from ..store.memory import MemoryLimit
from ..store.schema import OFFLINE, connect
from ..store.writer import RunSummary, Store
from .job import MARKER

BATCH_SIZE = 256
ITEM_TABLES = [t for t in R.SCHEMA if t != "documents"]


def _dataset(root: Path, table: str) -> str:
    folder = root / table
    if not folder.is_dir():
        raise DotterelError(f"{folder}: missing; is {root} the complete output of `dotterel spark`?")
    return str(folder / "*.parquet")


class _Run:
    """The Spark output, readable in pages of documents and by document keys."""

    def __init__(self, root: Path):
        self.con = duckdb.connect(config=OFFLINE)
        for table in ITEM_TABLES:
            self.con.execute(f"CREATE TABLE {table} AS SELECT * FROM read_parquet(?)", [_dataset(root, table)])
        self.documents = self.con.cursor().execute(
            "SELECT * FROM read_parquet(?) ORDER BY published NULLS LAST, doc_id, doc_key",
            [_dataset(root, "documents")])
        self.columns = [d[0] for d in self.documents.description]
        self.errors = self.con.cursor().execute("SELECT input, reason FROM read_parquet(?) ORDER BY input, reason",
                                                [_dataset(root, "errors")]).fetchall()
        self.total = self.con.execute("SELECT count(*) FROM read_parquet(?)", [_dataset(root, "documents")]).fetchone()[0]

    def pages(self, size: int):
        while page := self.documents.fetchmany(size):
            yield [dict(zip(self.columns, row)) for row in page]

    def items(self, table: str, keys: list[str]) -> list[dict]:
        if not keys:
            return []
        # DISTINCT: a record given twice to the job was coded twice, with identical rows
        cur = self.con.cursor().execute(f"SELECT DISTINCT * FROM {table} WHERE doc_key IN (SELECT unnest(?))", [keys])
        columns = [d[0] for d in cur.description]
        return [dict(zip(columns, row)) for row in cur.fetchall()]


def import_parquet(path: str | Path, db: str | Path, batch_size: int = BATCH_SIZE,
                   progress: bool = False) -> RunSummary:
    """Import the output of ``dotterel spark`` at ``path`` into the database ``db``."""
    root = Path(path)
    if not (root / MARKER).is_file():
        raise DotterelError(f"{root}: not the output of `dotterel spark` (no {MARKER}; did the run finish?)")
    source = _Run(root)
    con = connect(db)
    store = Store(con)
    memory = MemoryLimit(con)
    run_id = store.start_run([str(root)], workers=1)
    summary = RunSummary(run_id, str(db), verb="import")
    counts = summary.counts
    deduper = Deduper(store.coded_with_text, store.bucket_candidates)
    errors = [InputError(name, reason) for name, reason in source.errors]
    counts["errors"] = len(errors)
    bar = None
    if progress:
        from tqdm import tqdm
        bar = tqdm(total=source.total, unit="doc", file=sys.stderr, dynamic_ncols=True, desc="import")
    start = time.perf_counter()
    status = "failed"
    try:
        for page in source.pages(batch_size):
            tables: dict[str, list[dict]] = {t: [] for t in R.SCHEMA}
            signatures, held, seen = [], [], set()  # earlier pages are in the database
            stored = store.stored_keys([doc["doc_key"] for doc in page])
            for doc in page:
                counts["records"] += 1
                key = doc["doc_key"]
                if key in seen or key in stored:
                    counts["already_stored"] += 1
                    continue
                seen.add(key)
                doc["run_id"] = run_id
                tables["documents"].append(doc)
                if doc["status"] != R.CODED:
                    counts["skipped"] += 1
                    continue
                sig, verdict = deduper.check(doc["text"])
                if verdict:
                    doc.update(status=R.DUPLICATE, duplicate_of=verdict.duplicate_of, similarity=verdict.similarity,
                               reason=f"{verdict.kind} duplicate", n_events=None, n_quotes=None, n_quantities=None)
                    counts["duplicates"] += 1
                    continue
                deduper.hold(key, sig)
                held.append(key)
                signatures.append((key, sig.blob(), sig.buckets))
                counts["coded"] += 1
            for table in ITEM_TABLES:
                tables[table] = source.items(table, held)
            counts["events"] += sum(not e["negated"] for e in tables["events"])
            store.write_batch(run_id, tables, signatures, errors, counts)
            memory.update()
            errors = []
            for key in held:
                deduper.release(key)
            if bar is not None:
                bar.update(len(page))
        if errors:  # a run whose every record failed
            store.write_batch(run_id, {}, [], errors, counts)
        status = "finished"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        if bar is not None:
            bar.close()
        summary.seconds = time.perf_counter() - start
        store.finish_run(run_id, status)
        con.close()
        source.con.close()
    return summary
