"""The web app's work beyond reading: coding text and storing coded documents.

Coding: one :class:`~dotterel.coder.Coder` per process, loaded on first use (so the
server starts at once and an app that is only browsed never loads spaCy), and used
by one request at a time (the lock also bounds the CPU that coding requests take).

Storing: the same outcomes as ``dotterel ingest`` (issue 4's pipeline), for documents
that arrive in a request rather than from files.  The pipeline decides per record
inside ``Ingest.run``, which reads from sources; this adapter makes the same decisions
with the store's public pieces — ``Store`` (runs, lookups, one transaction per
batch), the ``Deduper``, the language check and the ``rows`` functions — and reports
each document's outcome, which the pages need to link to the stored document:

- ``coded``: new, coded and stored with all its rows;
- ``duplicate``: the same or nearly the same text as a stored coded document (stored,
  not coded; ``duplicate_of`` names it);
- ``skipped``: not English (stored with the reason, not coded);
- ``already_stored``: this exact record (text and metadata) is in the database;
- ``error``: empty, binary, too long or a bad date; nothing stored.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass

from ..clean import check_text
from ..errors import InputError
from ..model import Document, Result
from ..store import rows as R
from ..store.writer import COUNTERS, Store

MAX_TEXT_CHARS = 200_000   # per document: bounds the coding work one request can ask for
MAX_DOCUMENTS = 50         # per request

_coder = None
_coder_lock = threading.Lock()   # guards loading
_code_lock = threading.Lock()    # one coding request at a time
_write_lock = threading.Lock()   # one writing request at a time (dedupe decisions + transaction)


def coder():
    """The process's Coder, loaded once."""
    global _coder
    with _coder_lock:
        if _coder is None:
            from ..coder import Coder
            _coder = Coder()
    return _coder


def code(doc: Document) -> Result:
    """Code one document (raises InputError for text the coder refuses)."""
    check_text(doc.text, doc.id or "<text>", MAX_TEXT_CHARS)
    c = coder()
    with _code_lock:
        return c.code(doc.text, published=doc.published, title=doc.title, source=doc.source, url=doc.url,
                      doc_id=doc.id)


@dataclass
class Outcome:
    index: int
    id: str | None
    status: str               # coded | duplicate | skipped | already_stored | error
    key: str | None = None
    duplicate_of: str | None = None
    events: int = 0
    quotes: int = 0
    quantities: int = 0
    error: str | None = None


def store(con, docs: list[Document], origin: str = "web") -> list[Outcome]:
    """Code and store documents in one ingest run and one transaction; one Outcome each, in order."""
    from ..ingest.dedupe import Deduper
    from ..ingest.language import non_english_reason
    from ..time import parse_published

    c = coder()
    with _write_lock:
        st = Store(con)
        run_id = st.start_run([origin], 1)
        status = "failed"
        try:
            deduper = Deduper(st.coded_with_text, st.bucket_candidates)
            counts = dict.fromkeys(COUNTERS, 0)
            tables: dict[str, list[dict]] = {t: [] for t in R.SCHEMA}
            signatures, errors, outcomes, seen = [], [], [], set()
            for i, doc in enumerate(docs):
                name = doc.id or f"document {i + 1}"
                counts["records"] += 1
                extra = dict(origin=origin, run_id=run_id)
                try:
                    doc.text = check_text(doc.text, name, MAX_TEXT_CHARS)
                    pub = parse_published(doc.published)
                except (InputError, ValueError) as e:
                    err = e if isinstance(e, InputError) else InputError(name, f"publication date: {e}")
                    errors.append(err)
                    outcomes.append(Outcome(i, doc.id, "error", error=str(err)))
                    continue
                doc.published = pub.isoformat() if pub else None
                key = R.document_key(doc)
                if key in seen or st.has_document(key):
                    counts["already_stored"] += 1
                    outcomes.append(Outcome(i, doc.id, "already_stored", key))
                    continue
                language, reason = non_english_reason(doc.text)
                extra["language"] = language
                if reason:
                    tables["documents"].append(R.document_row(doc, None, status=R.SKIPPED, reason=reason, **extra))
                    counts["skipped"] += 1
                    seen.add(key)
                    outcomes.append(Outcome(i, doc.id, R.SKIPPED, key, error=reason))
                    continue
                sig, verdict = deduper.check(doc.text)
                if verdict:
                    tables["documents"].append(R.document_row(
                        doc, None, status=R.DUPLICATE, duplicate_of=verdict.duplicate_of,
                        similarity=verdict.similarity, reason=f"{verdict.kind} duplicate", **extra))
                    counts["duplicates"] += 1
                    seen.add(key)
                    outcomes.append(Outcome(i, doc.id, R.DUPLICATE, key, duplicate_of=verdict.duplicate_of))
                    continue
                try:
                    with _code_lock:
                        result = c.code(doc.text, published=doc.published, title=doc.title, source=doc.source,
                                        url=doc.url, doc_id=doc.id)
                except InputError as e:
                    errors.append(InputError(name, e.reason))
                    outcomes.append(Outcome(i, doc.id, "error", error=f"{name}: {e.reason}"))
                    continue
                for table, rows in R.result_rows(result, **extra).items():
                    tables[table].extend(rows)
                deduper.hold(key, sig)
                signatures.append((key, sig.blob(), sig.buckets))
                seen.add(key)
                live = [e for e in result.events if not e.negated]
                counts["coded"] += 1
                counts["events"] += len(live)
                outcomes.append(Outcome(i, doc.id, R.CODED, key, events=len(live), quotes=len(result.quotes),
                                        quantities=len(result.quantities)))
            counts["errors"] = len(errors)
            st.write_batch(run_id, tables, signatures, errors, counts)
            status = "finished"
        finally:
            st.finish_run(run_id, status)
    return outcomes
