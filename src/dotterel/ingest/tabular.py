"""Records from JSON Lines, JSON and CSV files, with configurable field names.

Each record is one article.  The fields read are ``id, text, title, published, source,
url, author``; ``--field text=body`` (``Fields.parse``) maps one to another name, and a
dotted name (``meta.published``) reaches into nested JSON objects.  A record without an
id gets ``<file name>:<line>``, so re-reading the same file gives the same ids.  A bad
line or row is one error; the rest of the file is still read.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import PurePath
from typing import IO, Iterator

from ..errors import DotterelError, InputError
from ..model import Document
from .record import Record
from .text import decode, detect_encoding, is_binary

FIELD_NAMES = ("id", "text", "title", "published", "source", "url", "author")
_SAMPLE = 1 << 16

csv.field_size_limit(1 << 30)  # whole articles in one cell; check_text bounds their length


class Fields(dict):
    """Our field name -> the name in the input (identity by default)."""

    @classmethod
    def parse(cls, mappings: list[str] | None = None) -> "Fields":
        fields = cls({f: f for f in FIELD_NAMES})
        for item in mappings or ():
            ours, sep, theirs = item.partition("=")
            if not sep or ours not in FIELD_NAMES or not theirs:
                raise DotterelError(f"--field {item!r}: expected NAME=COLUMN with NAME one of {', '.join(FIELD_NAMES)}")
            fields[ours] = theirs
        return fields


def _get(obj: dict, path: str):
    value = obj.get(path)
    if value is None and "." in path:
        value = obj
        for part in path.split("."):
            value = value.get(part) if isinstance(value, dict) else None
    return value


def _scalar(value) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, list):
        parts = [str(v) for v in value if isinstance(v, (str, int, float)) and str(v)]
        return ", ".join(parts) or None
    return None if isinstance(value, dict) else str(value)


def record_from(obj, name: str, fields: Fields, default_id: str) -> Record:
    """A Record from one parsed JSON object or CSV row; raises an InputError naming it."""
    if not isinstance(obj, dict):
        raise InputError(name, f"expected a JSON object, got {type(obj).__name__}")
    text = _get(obj, fields["text"])
    if not isinstance(text, str):
        raise InputError(name, f"record has no '{fields['text']}' text string (set another with --field text=NAME)")
    meta = {f: _scalar(_get(obj, fields[f])) for f in ("id", "title", "published", "source", "url")}
    meta["id"] = meta["id"] or default_id
    return Record(Document(text=text, **meta), origin=name, author=_scalar(_get(obj, fields["author"])))


def _sample(stream: io.BufferedReader, name: str) -> bytes:
    sample = stream.peek(_SAMPLE)[:_SAMPLE]
    if not sample.strip():
        raise InputError(name, "empty file")
    if is_binary(sample[:8192]):
        raise InputError(name, "binary file, not JSON Lines or CSV")
    return sample


def read_jsonl(stream: IO[bytes], name: str, fields: Fields) -> Iterator[Record | InputError]:
    """One record per line; blank lines are ignored."""
    stream = io.BufferedReader(stream, _SAMPLE) if not hasattr(stream, "peek") else stream
    encoding = detect_encoding(_sample(stream, name), name)
    base = PurePath(name).name
    for n, line in enumerate(stream, 1):
        if not line.strip():
            continue
        where = f"{name}:{n}"
        try:
            obj = json.loads(line.decode(encoding))
        except UnicodeDecodeError:
            yield InputError(where, f"not valid {encoding} text")
            continue
        except json.JSONDecodeError as e:
            yield InputError(where, f"malformed JSON ({e.msg} at column {e.colno})")
            continue
        yield _record_or_error(obj, where, fields, f"{base}:{n}")


def _record_or_error(obj, where: str, fields: Fields, key: str) -> Record | InputError:
    """One item of a multi-record file: its record, or the error that names it (the run goes on)."""
    try:
        return record_from(obj, where, fields, key)
    except InputError as e:
        return e


def read_json(raw: bytes, name: str, fields: Fields) -> Iterator[Record | InputError]:
    """A JSON file holding one article object or a list of them."""
    try:
        data = json.loads(decode(raw, name))
    except json.JSONDecodeError as e:
        raise InputError(name, f"malformed JSON ({e.msg} at line {e.lineno} column {e.colno})") from None
    base = PurePath(name).name
    if isinstance(data, dict):
        yield record_from(data, name, fields, base)
        return
    if not isinstance(data, list):
        raise InputError(name, f"expected a JSON object or a list of objects, got {type(data).__name__}")
    for i, obj in enumerate(data):
        yield _record_or_error(obj, f"{name}[{i}]", fields, f"{base}[{i}]")


def read_csv(stream: IO[bytes], name: str, fields: Fields, delimiter: str = ",") -> Iterator[Record | InputError]:
    """One record per row; the first row names the columns."""
    stream = io.BufferedReader(stream, _SAMPLE) if not hasattr(stream, "peek") else stream
    encoding = detect_encoding(_sample(stream, name), name)
    text = io.TextIOWrapper(stream, encoding=encoding, newline="")
    reader = csv.DictReader(text, delimiter=delimiter)
    base = PurePath(name).name
    try:
        columns = reader.fieldnames or []
        if fields["text"] not in columns:
            raise InputError(name, f"no '{fields['text']}' column (columns: {', '.join(columns) or 'none'}); "
                                   "name the text column with --field text=COLUMN")
        for row in reader:
            where = f"{name}:{reader.line_num}"
            if None in row:
                yield InputError(where, f"row has {len(columns) + len(row[None])} fields, the header {len(columns)}")
                continue
            yield _record_or_error(row, where, fields, f"{base}:{reader.line_num}")
    except csv.Error as e:
        raise InputError(f"{name}:{reader.line_num}", f"malformed CSV ({e}); the rest of the file is not read") from None
    except UnicodeDecodeError:
        raise InputError(f"{name}:{reader.line_num}", f"not valid {encoding} text; the rest of the file is not read") from None
