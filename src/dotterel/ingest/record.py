"""What a reader yields: a Document plus the facts about where it came from."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Document


@dataclass
class Record:
    """One article read from an input.

    ``origin`` names the input precisely enough for a person to find it again
    (``folder/page.html``, ``dump.jsonl:12``, ``crawl.warc.gz#<urn:uuid:…>``); it is stored
    but is not part of the document's key, so moving a file does not duplicate it.
    """

    doc: Document
    origin: str
    author: str | None = None
    site: str | None = None
