"""Turn command-line inputs (.txt files, .jsonl files, stdin JSONL) into Documents.

Every bad input becomes an InputError naming the file (and line) instead of stopping
the run, so one broken record never costs the rest.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, Iterable, Iterator

from .errors import InputError
from .model import Document

FIELDS = ("id", "text", "published", "title", "source", "url")


def document_from_record(rec: object, name: str) -> Document:
    if not isinstance(rec, dict):
        raise InputError(name, f"expected a JSON object, got {type(rec).__name__}")
    text = rec.get("text")
    if not isinstance(text, str):
        raise InputError(name, "record has no 'text' string")
    meta = {k: (str(rec[k]) if rec.get(k) is not None else None) for k in FIELDS if k != "text"}
    return Document(text=text, **meta)


def read_jsonl(fh: IO[str], source: str) -> Iterator[Document | InputError]:
    for n, line in enumerate(fh, 1):
        if not line.strip():
            continue
        name = f"{source}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputError(name, f"malformed JSON ({e.msg} at column {e.colno})")
            continue
        try:
            doc = document_from_record(rec, name)
        except InputError as e:
            yield e
            continue
        doc.id = doc.id or name
        yield doc


def read_text_file(path: Path) -> Document | InputError:
    try:
        raw = path.read_bytes()
    except OSError as e:
        return InputError(str(path), f"cannot read ({e.strerror})")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        if b"\x00" in raw[:4096]:
            return InputError(str(path), "binary file, not text")
        text = raw.decode("cp1252", errors="replace")  # legacy Windows/Latin-1 text
    return Document(text=text, id=path.stem)


def read_inputs(inputs: Iterable[str], stdin: IO[str] | None = None) -> Iterator[Document | InputError]:
    """Documents from each input in turn: '-' is JSONL on stdin, .jsonl by extension, else text."""
    for item in inputs:
        if item == "-":
            yield from read_jsonl(stdin or sys.stdin, "<stdin>")
            continue
        path = Path(item)
        if not path.exists():
            yield InputError(item, "no such file")
        elif path.is_dir():
            yield InputError(item, "is a directory (use `dotterel ingest` for folders)")
        elif path.suffix.lower() in (".jsonl", ".ndjson"):
            try:
                with open(path, encoding="utf-8", errors="strict") as fh:
                    yield from read_jsonl(fh, item)
            except UnicodeDecodeError:
                yield InputError(item, "not UTF-8 JSONL")
            except OSError as e:
                yield InputError(item, f"cannot read ({e.strerror})")
        else:
            yield read_text_file(path)
