"""Command-line sources to Records: expand files, folders, globs and '-', pick a reader.

The reader is chosen by extension (after a ``.gz``), and by content when the extension
says nothing: ``WARC/`` starts a web archive, an XML prolog with ``<rss``/``<feed``/
``<rdf`` a feed, ``<html``/``<!doctype html`` a page, ``{`` JSON Lines; anything else
is read as plain text.  Gzip is recognised by its magic bytes.  Every failure becomes
an InputError naming the file (and line or record) so the run goes on.
"""
from __future__ import annotations

import glob
import gzip
import io
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import IO, Iterable, Iterator

from ..errors import InputError
from .feeds import looks_like_feed, read_feed
from .html import read_html
from .record import Record
from .tabular import Fields, read_csv, read_json, read_jsonl
from .text import is_binary, read_text
from .warc import read_warc

EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "tsv",
    ".warc": "warc", ".rss": "feed", ".atom": "feed", ".xml": "feed",
}
_WHOLE = {"text", "html", "json", "feed"}  # read into memory at once, so bounded by max_bytes
_GZIP_MAGIC = b"\x1f\x8b"
MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass
class ReadOptions:
    fields: Fields = field(default_factory=Fields.parse)
    max_bytes: int = MAX_FILE_BYTES


def expand(sources: Iterable[str]) -> Iterator[str | InputError]:
    """File paths (and '-') in a stable order: folders recursively, sorted, hidden files skipped."""
    seen: set[Path] = set()

    def once(path: Path) -> Iterator[str]:
        real = path.resolve()
        if real not in seen:
            seen.add(real)
            yield str(path)

    def walk(folder: Path) -> Iterator[str]:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not any(p.startswith(".") for p in path.relative_to(folder).parts):
                yield from once(path)

    for source in sources:
        if source == "-":
            yield source
            continue
        path = Path(source)
        if path.is_dir():
            yield from walk(path)
        elif path.exists():
            yield from once(path)
        elif glob.has_magic(source):
            matches = sorted(glob.glob(source, recursive=True))
            if not matches:
                yield InputError(source, "no file matches this pattern")
            for m in map(Path, matches):
                yield from walk(m) if m.is_dir() else once(m)
        else:
            yield InputError(source, "no such file or folder")


def kind_of(name: str, head: bytes) -> str:
    """The reader for a file, from its name and its first (decompressed) bytes."""
    path = PurePath(name)
    if path.suffix.lower() in (".gz", ".gzip"):
        path = path.with_suffix("")
    kind = EXTENSIONS.get(path.suffix.lower())
    if kind:
        return kind
    start = head.lstrip()[:256].lower()
    if start.startswith(b"warc/"):
        return "warc"
    if looks_like_feed(head):
        return "feed"
    if start.startswith((b"<!doctype html", b"<html")):
        return "html"
    if start.startswith(b"{"):
        return "jsonl"
    return "text"


def read_sources(sources: Iterable[str], options: ReadOptions | None = None,
                 stdin: IO[bytes] | None = None) -> Iterator[Record | InputError]:
    """Every Record (or InputError) from the sources, in order."""
    options = options or ReadOptions()
    for item in expand(sources):
        if isinstance(item, InputError):
            yield item
        elif item == "-":
            yield from _guard(read_jsonl(stdin or sys.stdin.buffer, "<stdin>", options.fields), "<stdin>")
        else:
            yield from _guard(read_path(item, options), item)


def read_path(name: str, options: ReadOptions) -> Iterator[Record | InputError]:
    try:
        fh = open(name, "rb")
    except OSError as e:
        raise InputError(name, f"cannot read ({e.strerror})") from None
    with fh:
        gzipped = fh.peek(2)[:2] == _GZIP_MAGIC
        stream: IO[bytes] = io.BufferedReader(gzip.GzipFile(fileobj=fh), 1 << 16) if gzipped else fh
        head = stream.peek(4096)[:4096]
        if not head.strip():
            raise InputError(name, "empty file" + (" (after decompression)" if gzipped else ""))
        kind = kind_of(name, head)
        if kind == "warc":
            fh.seek(0)  # warcio reads gzip members itself
            yield from read_warc(fh, name, options.max_bytes)
            return
        if is_binary(head):
            raise InputError(name, "binary file, not text, HTML, JSON, CSV, WARC or a feed")
        if kind == "jsonl":
            yield from read_jsonl(stream, name, options.fields)
        elif kind in ("csv", "tsv"):
            yield from read_csv(stream, name, options.fields, "," if kind == "csv" else "\t")
        else:
            raw = stream.read(options.max_bytes + 1)
            if len(raw) > options.max_bytes:
                raise InputError(name, f"larger than the limit of {options.max_bytes // 2**20} MiB for a "
                                       f"{kind} file (raise it with --max-file-mb)")
            if kind == "text":
                yield read_text(raw, name)
            elif kind == "html":
                yield read_html(raw, name)
            elif kind == "json":
                yield from read_json(raw, name, options.fields)
            else:
                yield from read_feed(raw, name)


def _guard(records: Iterator[Record | InputError], name: str) -> Iterator[Record | InputError]:
    """Turn a reader's fatal error into one InputError, keeping what it read before."""
    try:
        yield from records
    except InputError as e:
        yield e
    except (EOFError, gzip.BadGzipFile, zlib.error) as e:
        yield InputError(name, f"truncated or corrupt gzip data ({e}); records before it were read")
    except OSError as e:
        yield InputError(name, f"cannot read ({e.strerror or e})")
