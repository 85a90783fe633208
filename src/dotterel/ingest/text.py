"""Bytes to text: binary detection, encoding detection, plain-text articles.

UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such.  Anything else is
given to charset-normalizer.  Its guesses among the single-byte Latin code pages are
unreliable when an English article has only a few accented letters (it may pick
Baltic cp1257 for a Spanish name), so when its best guess is Latin-script and the
bytes are valid Windows-1252 — the usual legacy encoding of English web text and a
superset of printable Latin-1 — Windows-1252 is used.  Other scripts (Cyrillic, Greek,
CJK) keep the detector's guess; the language check then skips those documents.
"""
from __future__ import annotations

import codecs
from pathlib import PurePath

import charset_normalizer

from ..errors import InputError
from ..model import Document
from .record import Record

_LATIN = ("Basic Latin", "Latin-1 Supplement", "Latin Extended", "General Punctuation",
          "Currency Symbols", "Letterlike Symbols")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def is_binary(sample: bytes) -> bool:
    """NUL bytes (outside UTF-16) or many control bytes: not text of any kind we read."""
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in b"\t\n\r\f\v\x1b")
    return controls > max(2, len(sample) // 100)


def detect_encoding(raw: bytes, name: str) -> str:
    """The encoding to read ``raw`` with (see the module docstring for the rules)."""
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            return enc
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as e:
        if e.reason == "unexpected end of data" and e.start >= len(raw) - 3:
            return "utf-8"  # a sample cut inside the last character
    best = charset_normalizer.from_bytes(raw).best()
    if best is None:
        raise InputError(name, "unknown text encoding (not UTF-8, and no other encoding fits)")
    if all(a.startswith(_LATIN) for a in best.alphabets):
        try:
            raw.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            pass
    return best.encoding


def decode(raw: bytes, name: str) -> str:
    """Text of a whole file, or an InputError saying why it is not text."""
    if not raw.strip():
        raise InputError(name, "empty file")
    if is_binary(raw[:8192]):
        raise InputError(name, "binary file, not text, HTML, JSON, CSV, WARC or a feed")
    return raw.decode(detect_encoding(raw, name), errors="replace")


def stem(name: str) -> str:
    """A file's name without folder, compression suffix and format extension: its document id."""
    path = PurePath(name)
    if path.suffix.lower() in (".gz", ".gzip"):
        path = path.with_suffix("")
    return path.stem or path.name


def read_text(raw: bytes, name: str) -> Record:
    """A plain-text article; its id is the file's stem."""
    return Record(Document(text=decode(raw, name), id=stem(name)), origin=name)
