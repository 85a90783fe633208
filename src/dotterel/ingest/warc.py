"""Web archives (WARC, plain or gzipped, e.g. Common Crawl's CC-News) read with warcio.

Each HTTP ``response`` record with a successful status and an HTML body is one page;
its article is found with trafilatura like any HTML file.  The record's target URI is
the page URL when the page names none, and the WARC-Date (the crawl time) stands in
for the publication date when the page gives none: news crawls fetch pages within a
day or so of publication.  Requests, metadata and non-HTML responses are not articles
and are passed over.  A truncated or corrupt archive yields the records before the
damage and then one error.
"""
from __future__ import annotations

from typing import IO, Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import InputError
from .html import read_html
from .record import Record


def read_warc(stream: IO[bytes], name: str, max_bytes: int) -> Iterator[Record | InputError]:
    n = 0
    try:
        for rec in ArchiveIterator(stream):
            if rec.rec_type != "response" or rec.http_headers is None:
                continue
            status = rec.http_headers.get_statuscode() or ""
            ctype = (rec.http_headers.get_header("Content-Type") or "text/html").lower()
            if not status.startswith("2") or "html" not in ctype:
                continue
            n += 1
            rid = rec.rec_headers.get_header("WARC-Record-ID") or f"record-{n}"
            where = f"{name}#{rid}"
            body = rec.content_stream().read(max_bytes + 1)
            if len(body) > max_bytes:
                yield InputError(where, f"page larger than {max_bytes:,} bytes")
                continue
            if getattr(rec.raw_stream, "limit", 0) > 0:  # the record ends before its Content-Length
                raise EOFError(f"record {rid} is cut short")
            uri = rec.rec_headers.get_header("WARC-Target-URI")
            crawled = (rec.rec_headers.get_header("WARC-Date") or "")[:10] or None
            try:
                yield read_html(body, where, url=uri, doc_id=rid.strip("<>"), published=crawled)
            except InputError as e:
                yield e
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as e:
        raise InputError(name, f"truncated or corrupt WARC after {n} pages ({type(e).__name__}: {e})") from None
