"""The ingest run: read → check → language → dedupe → code (in workers) → store.

Records are read in the main process into batches of ``batch_size`` documents and
decided in input order, with one database lookup per batch for the documents already
stored and those they may copy.  A batch's new documents are coded — in this process,
or with ``workers`` > 1 in a pool of worker processes that each load the Coder once —
and the whole batch is written in one transaction.  At most ``workers + 1`` batches
are in flight, and DuckDB is held to its indexes plus a small cache
(``store.memory``), so memory stays flat however long the input but for the indexes
(about 0.6 MB per 1,000 documents stored).  Batches are written in order, so a
duplicate is always stored after the document it duplicates.

Per-document outcomes: *coded*; *duplicate* (exact or near copy of an earlier coded
document: stored, not coded); *skipped* (not English: stored with the reason, not
coded); *already stored* (the same record is in the database: nothing written); or an
*error* (unreadable, empty, binary, oversize, malformed — stored in ``errors``, the run
goes on).
"""
from __future__ import annotations

import multiprocessing
import sys
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ..clean import check_text
from ..errors import DotterelError, InputError
from ..model import Document
from ..store import rows as R
from ..store.memory import MemoryLimit
from ..store.schema import connect
from ..store.writer import RunSummary, Store
from ..time import parse_published
from .dedupe import Deduper, Signature, signature
from .language import non_english_reason
from .record import Record
from .sources import ReadOptions, read_sources

BATCH_SIZE = 32


@dataclass
class Decided:
    """A record with its outcome, waiting for its batch to be written."""

    record: Record
    key: str
    status: str
    language: str | None = None
    signature: Signature | None = None
    duplicate_of: str | None = None
    similarity: float | None = None
    reason: str | None = None


@dataclass
class Batch:
    read: list[Record | InputError] = field(default_factory=list)
    items: list[Decided] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    records: int = 0
    future: Future | None = None

    def to_code(self) -> list[Document]:
        return [d.record.doc for d in self.items if d.status == R.CODED]


# ------------------------------------------------------------------ coding
_CODER = None


def _init_worker(actor_files: tuple[str, ...]) -> None:
    global _CODER
    from ..coder import Coder
    _CODER = Coder(actor_files=actor_files)


def code_batch(docs: list[Document], coder=None) -> list[dict[str, list[dict]] | str]:
    """Rows for each document (rows.result_rows), or the reason it could not be coded."""
    coder = coder or _CODER
    out: list[Any] = []
    for res in coder.code_documents(docs, batch_size=max(1, len(docs))):
        out.append(res.reason if isinstance(res, InputError) else R.result_rows(res))
    return out


def _done(value) -> Future:
    f: Future = Future()
    f.set_result(value)
    return f


class _Inline:
    """Codes in this process, at submit time (one worker).  The Coder is loaded on the
    first document to code, so a run that finds everything already stored loads none."""

    def __init__(self, coder, actor_files: tuple[str, ...]):
        self.coder = coder
        self.actor_files = actor_files

    def submit(self, docs: list[Document]) -> Future:
        if docs and self.coder is None:
            from ..coder import Coder
            self.coder = Coder(actor_files=self.actor_files)
        return _done(code_batch(docs, self.coder) if docs else [])

    def shutdown(self) -> None:
        pass


class _Pool:
    """Codes in ``workers`` processes, each loading the Coder once.  They are started
    with spawn, not fork: the parent holds DuckDB's threads and open files."""

    def __init__(self, workers: int, actor_files: tuple[str, ...]):
        self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_init_worker, initargs=(actor_files,))

    def submit(self, docs: list[Document]) -> Future:
        # workers start (and load the model) on the first real batch
        return self.pool.submit(code_batch, docs) if docs else _done([])

    def shutdown(self) -> None:
        self.pool.shutdown(cancel_futures=True)


def _coders(workers: int, coder, actor_files: tuple[str, ...]):
    return _Pool(workers, actor_files) if workers > 1 else _Inline(coder, actor_files)


# --------------------------------------------------------------- the run
class Ingest:
    """One ingest run into one database."""

    def __init__(self, db: str | Path, workers: int = 1, options: ReadOptions | None = None,
                 batch_size: int = BATCH_SIZE, coder=None, actor_files: Iterable[str] = (),
                 progress: bool = False, report=None):
        self.db = str(db)
        self.workers = max(1, workers)
        self.options = options or ReadOptions()
        self.batch_size = max(1, batch_size)
        self.coder = coder
        self.actor_files = tuple(str(p) for p in actor_files)
        self.progress = progress
        self.report = report or (lambda msg: print(msg, file=sys.stderr))

    def run(self, sources: list[str], stdin=None) -> RunSummary:
        con = connect(self.db)
        store = Store(con)
        self.memory = MemoryLimit(con)
        run_id = store.start_run(sources, self.workers)
        summary = RunSummary(run_id, self.db)
        self.store, self.summary = store, summary
        # the deduper asks the stored copies looked up for the batch being decided (_decide)
        self.copies = store.copies([], [])
        self.deduper = Deduper(lambda h: self.copies.coded_with_text(h), lambda b: self.copies.bucket_candidates(b))
        self.pending: set[str] = set()
        bar = self._bar()
        start = time.perf_counter()
        coders = _coders(self.workers, self.coder, self.actor_files)
        status = "failed"
        try:
            inflight: deque[Batch] = deque()
            batch = Batch()
            for item in read_sources(sources, self.options, stdin=stdin):
                batch.read.append(item)
                if len(batch.read) >= self.batch_size:
                    self._decide(batch)
                    batch.future = coders.submit(batch.to_code())
                    inflight.append(batch)
                    batch = Batch()
                    while len(inflight) > self.workers:
                        self._write(inflight.popleft(), bar)
            self._decide(batch)
            batch.future = coders.submit(batch.to_code())
            inflight.append(batch)
            while inflight:
                self._write(inflight.popleft(), bar)
            status = "finished"
        except KeyboardInterrupt:
            status = "interrupted"
            raise
        except BrokenProcessPool as e:
            raise DotterelError(f"a coding worker died ({e}); documents stored so far are kept, "
                                "run the same command again to finish") from None
        finally:
            coders.shutdown()
            if bar is not None:
                bar.close()
            summary.seconds = time.perf_counter() - start
            store.finish_run(run_id, status)
            con.close()
        return summary

    def _bar(self):
        if not self.progress:
            return None
        from tqdm import tqdm
        return tqdm(unit="doc", file=sys.stderr, dynamic_ncols=True, desc="ingest")

    def _decide(self, batch: Batch) -> None:
        """Decide a batch's records in input order.  What the database holds about them
        (which are stored already, which coded texts they may copy) is looked up once
        for the whole batch."""
        checked: list[tuple[Record, str]] = []
        for item in batch.read:
            if isinstance(item, InputError):
                batch.errors.append(item)
                continue
            self.summary.counts["records"] += 1
            batch.records += 1
            doc = item.doc
            try:
                doc.text = check_text(doc.text, item.origin)
                pub = parse_published(doc.published)
            except InputError as e:
                batch.errors.append(e)
                continue
            except ValueError as e:
                batch.errors.append(InputError(item.origin, f"publication date: {e}"))
                continue
            doc.published = pub.isoformat() if pub else None
            checked.append((item, R.document_key(doc)))
        batch.read = []
        stored = self.store.stored_keys([key for _, key in checked])
        english: list[Decided] = []
        for item, key in checked:
            if key in self.pending or key in stored:
                self.summary.counts["already_stored"] += 1
                continue
            self.pending.add(key)
            language, reason = non_english_reason(item.doc.text)
            if reason:
                batch.items.append(Decided(item, key, R.SKIPPED, language, reason=reason))
                continue
            english.append(Decided(item, key, R.CODED, language, signature=signature(item.doc.text)))
            batch.items.append(english[-1])
        self.copies = self.store.copies([d.signature.text_hash for d in english],
                                        [b for d in english for b in d.signature.buckets])
        for d in english:  # coded unless it copies a stored document or an earlier one of this run
            verdict = self.deduper.judge(d.signature)
            if verdict:
                d.status, d.duplicate_of, d.similarity = R.DUPLICATE, verdict.duplicate_of, verdict.similarity
                d.reason = f"{verdict.kind} duplicate"
            else:
                self.deduper.hold(d.key, d.signature)

    def _write(self, batch: Batch, bar) -> None:
        results = iter(batch.future.result())
        counts = self.summary.counts
        tables: dict[str, list[dict]] = {t: [] for t in R.SCHEMA}
        signatures = []
        errors = list(batch.errors)
        for d in batch.items:
            rec = d.record
            extra = dict(origin=rec.origin, author=rec.author, site=rec.site, language=d.language,
                         run_id=self.summary.run_id)
            if d.status != R.CODED:
                tables["documents"].append(R.document_row(rec.doc, None, status=d.status, duplicate_of=d.duplicate_of,
                                                          similarity=d.similarity, reason=d.reason, **extra))
                counts["duplicates" if d.status == R.DUPLICATE else "skipped"] += 1
                self.summary.near_duplicates += d.reason == "near duplicate"
                continue
            coded = next(results)
            if isinstance(coded, str):
                errors.append(InputError(rec.origin, coded))
                continue
            coded["documents"][0].update(extra)
            for table, rows in coded.items():
                tables[table].extend(rows)
            signatures.append((d.key, d.signature.blob(), d.signature.buckets))
            counts["coded"] += 1
            counts["events"] += sum(not e["negated"] for e in coded["events"])
        counts["errors"] += len(errors)
        self.store.write_batch(self.summary.run_id, tables, signatures, errors, counts)
        self.memory.update()
        for d in batch.items:
            self.pending.discard(d.key)
            if d.status == R.CODED:
                self.deduper.release(d.key)
        for e in errors:
            if bar is not None:
                bar.write(f"error: {e}", file=sys.stderr)
            else:
                self.report(f"error: {e}")
        if bar is not None:
            bar.update(batch.records)
            bar.set_postfix(events=counts["events"], errors=counts["errors"], refresh=False)
