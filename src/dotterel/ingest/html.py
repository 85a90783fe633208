"""HTML pages and fragments to article text with trafilatura.

trafilatura finds the main text (dropping navigation, footers, comments and
related-article lists) and the page's metadata: title, author, publication date,
site name and canonical URL.  It decodes the bytes itself, honouring the page's
declared charset.  Tables are left out: their cells do not make sentences the coder
can parse.
"""
from __future__ import annotations

import logging
from urllib.parse import urlparse

import trafilatura

from ..errors import InputError
from ..model import Document
from .record import Record
from .text import is_binary, stem

# trafilatura and htmldate log every page they find little in; our errors say it once.
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


def read_html(raw: bytes, name: str, url: str | None = None, doc_id: str | None = None,
              published: str | None = None) -> Record:
    """The article in an HTML page.  ``url`` and ``published`` (e.g. from a WARC header)
    are used when the page itself gives none."""
    if not raw.strip():
        raise InputError(name, "empty file")
    if is_binary(raw[:8192]):
        raise InputError(name, "binary file, not HTML")
    page = trafilatura.bare_extraction(raw, url=url, with_metadata=True, include_comments=False,
                                       include_tables=False)
    text = (page.text or "").strip() if page is not None else ""
    if not text:
        raise InputError(name, "no article text found in the HTML page")
    title = page.title or None
    lines = text.split("\n", 1)
    if title and len(lines) == 2 and lines[0].strip() == title.strip():
        text = lines[1].strip()  # the headline repeated as the text's first line
    page_url = page.url or url
    site = (urlparse(page_url).hostname if page_url else None) or page.hostname or None
    doc = Document(text=text, id=doc_id or stem(name), title=title, source=page.sitename or site,
                   url=page_url, published=page.date or published)
    return Record(doc, origin=name, author=page.author or None, site=site)


def fragment_text(fragment: str) -> str:
    """Readable text of an HTML fragment (a feed item's content), paragraphs kept apart."""
    if "<" not in fragment:
        return fragment.strip()
    return (trafilatura.extract(f"<html><body>{fragment}</body></html>", include_comments=False,
                                include_tables=False)
            or trafilatura.html2txt(f"<html><body>{fragment}</body></html>") or "").strip()
