"""RSS and Atom feed files read with feedparser: one article per item.

An item's text is its full content when the feed carries it, else its summary, turned
from HTML into text.  Ids are the item's guid (else link); the source is the feed's
title; dates are the item's published (else updated) date.  A malformed feed yields
the items read before the damage and one error; in a sound feed, an item without
text is one error.
"""
from __future__ import annotations

from datetime import date
from pathlib import PurePath
from typing import Iterator
from urllib.parse import urlparse

import feedparser

from ..errors import InputError
from ..model import Document
from .html import fragment_text
from .record import Record


def looks_like_feed(sample: bytes) -> bool:
    head = sample[:2048].lstrip().lower()
    return head.startswith(b"<?xml") and any(tag in sample[:4096].lower() for tag in (b"<rss", b"<feed", b"<rdf"))


def _day(entry) -> str | None:
    t = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(t.tm_year, t.tm_mon, t.tm_mday).isoformat() if t else None


# feedparser flags these but reads the feed correctly
_HARMLESS = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


def read_feed(raw: bytes, name: str) -> Iterator[Record | InputError]:
    feed = feedparser.parse(raw)
    broken = feed.bozo and not isinstance(feed.get("bozo_exception"), _HARMLESS)
    if not feed.entries and not broken:
        raise InputError(name, "feed has no items")
    source = feed.feed.get("title") or None
    site = urlparse(feed.feed.get("link") or "").hostname
    base = PurePath(name).name
    for n, entry in enumerate(feed.entries, 1):
        where = f"{name}#{n}"
        content = entry.get("content")
        html = content[0].get("value") if content else entry.get("summary")
        text = fragment_text(html or "")
        if not text:
            if not broken:  # in a broken feed the damage is reported once, below
                yield InputError(where, "feed item has no content or summary text")
            continue
        doc = Document(text=text, id=entry.get("id") or entry.get("link") or f"{base}#{n}", title=entry.get("title"),
                       source=source, url=entry.get("link"), published=_day(entry))
        yield Record(doc, origin=where, author=entry.get("author"), site=site)
    if broken:
        raise InputError(name, f"malformed feed ({feed.get('bozo_exception')}); items before the damage were read")
