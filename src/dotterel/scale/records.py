"""What runs inside a Spark task: read input records, code them, flatten the results into rows.

Plain Python with no pyspark import, so the same functions run (and are tested) without
Spark.  Every input record becomes either the rows of its coded document or one row of
the ``errors`` table: a bad record never raises, so it can never fail a Spark job.

One ``Coder`` per Python process: :func:`shared_coder` loads it on first use and keeps it
in this module.  Spark reuses its Python workers across tasks
(``spark.python.worker.reuse``, on by default), so an executor loads the spaCy model and
the knowledge files once and codes every partition it is given with them.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import PurePath
from typing import Any, Callable, Iterable, Iterator, NamedTuple
from urllib.parse import unquote, urlparse

from ..clean import check_text
from ..errors import InputError
from ..ingest.language import non_english_reason
from ..ingest.tabular import Fields, record_from
from ..model import Document
from ..store import rows
from ..time import parse_published

# The Parquet datasets a run writes: the store's tables, column for column, plus the
# records that could not be coded, with the store's ``errors`` columns ``input`` (the
# record's FILE:N) and ``reason``.
ERRORS: list[tuple[str, str]] = [("input", "VARCHAR"), ("reason", "VARCHAR")]
TABLES: dict[str, list[tuple[str, str]]] = {**rows.SCHEMA, "errors": ERRORS}
FIELDS = Fields.parse()  # id, text, title, published, source, url, author: `--field` maps others


class Record(NamedTuple):
    """One input record after reading: a document to code, or the reason it cannot be.

    ``key`` orders and partitions the work (the document id, else ``origin``); ``origin``
    says where the record came from (``FILE:N``, the Nth line or row of FILE)."""

    key: str
    origin: str
    error: str | None
    id: str | None = None
    text: str | None = None
    published: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None


RECORD_FIELDS = Record._fields

_coder = None


def shared_coder():
    """This process's Coder, loaded on first use and then kept for every later partition."""
    global _coder
    if _coder is None:
        from ..coder import Coder
        _coder = Coder()
    return _coder


def display_path(uri: str) -> str:
    """A local file's path as a person writes it (Spark reports ``file:/a%20b/x.jsonl``)."""
    if uri.startswith("file:"):
        return unquote(urlparse(uri).path)
    return uri


def _record(obj: object, path: str, n: int, fields: Fields) -> Record:
    """Read as ``dotterel ingest`` reads a record, so both give the same document keys;
    a record without an id gets ``<file name>:<n>``."""
    origin = f"{path}:{n}"
    try:
        doc = (r := record_from(obj, origin, fields, f"{PurePath(path).name}:{n}")).doc
    except InputError as e:
        return Record(origin, origin, e.reason)
    return Record(doc.id, origin, None, doc.id, doc.text, doc.published, doc.title, doc.source, doc.url, r.author)


def parse_json_line(line: str, path: str, n: int, fields: Fields = FIELDS) -> Record | None:
    """Line ``n`` of a JSONL file as a Record (None for a blank line)."""
    if not line.strip():
        return None
    try:
        obj = json.loads(line + "\n")  # with its line end, as ingest reads it: the same error messages
    except json.JSONDecodeError as e:
        return Record(f"{path}:{n}", f"{path}:{n}", f"malformed JSON ({e.msg} at column {e.colno})")
    return _record(obj, path, n, fields)


def parse_table_row(row: dict[str, Any], path: str, n: int, fields: Fields = FIELDS) -> Record:
    """Row ``n`` of a Parquet file (columns ``id, text, published, title, source, url, author``
    or as ``fields`` maps them) as a Record."""
    text = row.get(fields["text"])
    if isinstance(text, (bytes, bytearray)):  # a binary column written without a string annotation
        try:
            row = {**row, fields["text"]: bytes(text).decode("utf-8")}
        except UnicodeDecodeError as e:
            return Record(f"{path}:{n}", f"{path}:{n}", f"not UTF-8 text (byte {e.start})")
    return _record(row, path, n, fields)


def _prepare(rec: Record) -> tuple[Document, str | None, str | None]:
    """The document checked as ``dotterel ingest`` checks it: (document, language, reason to
    skip it or None); raises InputError naming the record."""
    doc = Document(text=rec.text, id=rec.id, title=rec.title, source=rec.source, url=rec.url,
                   published=rec.published)
    doc.text = check_text(doc.text, rec.origin)
    try:
        pub = parse_published(doc.published)
    except ValueError as e:
        raise InputError(rec.origin, f"publication date: {e}") from None
    doc.published = pub.isoformat() if pub else None
    language, reason = non_english_reason(doc.text)
    return doc, language, reason


def _code_batch(coder, docs: list[Document]) -> list[dict | str]:
    """The rows of each document (``rows.result_rows``), or the reason it could not be coded."""
    return [out.reason if isinstance(out, InputError) else rows.result_rows(out)
            for out in coder.code_documents(docs, batch_size=max(1, len(docs)))]


def _code(coder, docs: list[Document]) -> list[dict | str]:
    try:
        return _code_batch(coder, docs)
    except Exception:  # a coder bug on one odd text must not fail the job: find the one
        out: list[dict | str] = []
        for doc in docs:
            try:
                out += _code_batch(coder, [doc])
            except Exception as e:
                out.append(f"coder failed ({type(e).__name__}: {e})")
        return out


def _convert(value: Any, sql_type: str) -> Any:
    """Values as the Parquet column types want them (Spark refuses an int in a DOUBLE column)."""
    if value is None:
        return None
    if sql_type == "DOUBLE":
        return float(value)
    if sql_type in ("INTEGER", "BIGINT"):
        return int(value)
    if sql_type == "DATE" and not isinstance(value, date):
        return date.fromisoformat(str(value))
    return value


def as_tuple(table: str, row: dict[str, Any]) -> tuple:
    """A row dict as a tuple in the table's column order."""
    return tuple(_convert(row.get(name), sql_type) for name, sql_type in TABLES[table])


def error_row(origin: str, reason: str) -> tuple[str, tuple]:
    return "errors", as_tuple("errors", {"input": origin, "reason": reason})


def code_records(records: Iterable[Record], batch_size: int = 32,
                 coder_factory: Callable[[], Any] = shared_coder) -> Iterator[tuple[str, tuple]]:
    """Code a partition's records; yield (table, row) for every row of every table.

    Each record is decided as ``dotterel ingest`` decides it: an error (unreadable, empty,
    binary, bad date), skipped (not English: a documents row only) or coded.  Rows come
    out in the order of ``records`` (the job sorts them by ``key``) and, within a
    document, in the coder's order, so the output is the same on every run."""
    coder = None
    batch: list[tuple[Record, Document, dict]] = []

    def flush():
        for (rec, _, extra), out in zip(batch, _code(coder, [doc for _, doc, _ in batch])):
            if isinstance(out, str):
                yield error_row(rec.origin, out)
                continue
            try:
                out["documents"][0].update(extra)
                produced = [(table, as_tuple(table, row)) for table, table_rows in out.items() for row in table_rows]
            except Exception as e:  # never fail the job: report the record instead
                yield error_row(rec.origin, f"cannot store the result ({type(e).__name__}: {e})")
                continue
            yield from produced

    for rec in records:
        rec = Record(*rec)
        if rec.error is not None:
            yield error_row(rec.origin, rec.error)
            continue
        try:
            doc, language, skip = _prepare(rec)
        except InputError as e:
            yield error_row(rec.origin, e.reason)
            continue
        except Exception as e:  # an unforeseen failure on one odd record must not fail the job
            yield error_row(rec.origin, f"cannot check the record ({type(e).__name__}: {e})")
            continue
        extra = {"origin": rec.origin, "author": rec.author, "language": language}
        if skip:
            yield "documents", as_tuple("documents", rows.document_row(doc, None, status=rows.SKIPPED,
                                                                       reason=skip, **extra))
            continue
        coder = coder or coder_factory()
        batch.append((rec, doc, extra))
        if len(batch) >= batch_size:
            yield from flush()
            batch = []
    if batch:
        yield from flush()
