"""Input checks before parsing: text, not bytes or binary; not empty; not absurdly large.

The coder never alters the text (every span points into it as given); it only refuses
what it cannot code, with a reason a user can act on.
"""
from __future__ import annotations

from typing import Any

from .errors import InputError

MAX_CHARS = 1_000_000


def check_text(text: Any, name: str = "<text>", max_chars: int = MAX_CHARS) -> str:
    """Return ``text`` as str or raise InputError saying plainly what is wrong."""
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as e:
            raise InputError(name, f"not UTF-8 text (byte {e.start}: {bytes(text)[e.start:e.start + 1]!r})") from None
    if not isinstance(text, str):
        raise InputError(name, f"expected text, got {type(text).__name__}")
    if not text.strip():
        raise InputError(name, "empty text")
    if len(text) > max_chars:
        raise InputError(name, f"text has {len(text):,} characters, more than the limit of {max_chars:,}; "
                               "split it into articles or raise max_chars")
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(2, len(sample) // 100):
        raise InputError(name, "looks like binary data, not text (control characters)")
    return text
