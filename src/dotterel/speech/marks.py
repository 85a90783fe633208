"""Pair quote marks into quoted runs, by plain character scanning (no parse).

Straight marks (") do not say whether they open or close, so they toggle, with
the neighbouring characters as a tie-breaker at paragraph starts.  A quote left
open at the end of a paragraph follows the newspaper convention: it continues
into the next paragraph when that paragraph opens with a quote mark (each
paragraph of a long quote reopens, only the last one closes) or when the next
paragraph's first mark is a closing one (the quote simply runs on); otherwise
it ends with its paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

OPENERS = "\u201c"      # “
CLOSERS = "\u201d"      # ”
MARKS = '"' + OPENERS + CLOSERS
_CLOSE_FOLLOW = set(" \t\n,.;:!?)]}-\u2013\u2014")
_OPEN_PRECEDE = set(" \t\n([{-\u2013\u2014/")
_PARAGRAPH = re.compile(r"[^\n]+")
_MARK = re.compile(f"[{MARKS}]")


@dataclass
class Piece:
    """Quoted words inside one paragraph: ``[start, end)`` excludes the marks.

    ``open_mark``/``close_mark`` are the mark offsets, or None where the piece
    runs from its paragraph's start or to its paragraph's end.
    """

    start: int
    end: int
    open_mark: int | None
    close_mark: int | None
    paragraph: int


@dataclass
class Run:
    """One quotation as the marks delimit it: one piece per paragraph it covers."""

    pieces: list[Piece] = field(default_factory=list)

    @property
    def span(self) -> tuple[int, int]:
        first, last = self.pieces[0], self.pieces[-1]
        start = first.open_mark if first.open_mark is not None else first.start
        end = last.close_mark + 1 if last.close_mark is not None else last.end
        return start, end


def trimmed(text: str, spans) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans with surrounding whitespace cut off; blank ones dropped."""
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each non-blank line, whitespace trimmed: news paragraphs."""
    return trimmed(text, (m.span() for m in _PARAGRAPH.finditer(text)))


def _looks(text: str, i: int, para: tuple[int, int]) -> str:
    """'open', 'close' or 'either' for the mark at ``i``, from its neighbours."""
    ch = text[i]
    if ch in OPENERS:
        return "open"
    if ch in CLOSERS:
        return "close"
    before = text[i - 1] if i > para[0] else " "
    after = text[i + 1] if i + 1 < para[1] else " "
    if before in _OPEN_PRECEDE and after not in " \t\n":
        return "open"
    if before not in " \t\n" and after in _CLOSE_FOLLOW:
        return "close"
    return "either"


def find_runs(text: str) -> list[Run]:
    """All quoted runs in ``text`` in order, continued across paragraphs as news does."""
    runs: list[Run] = []
    pending: Run | None = None          # a run left open at the previous paragraph's end
    for p, para in enumerate(paragraphs(text)):
        marks = [m.start() for m in _MARK.finditer(text, para[0], para[1])]
        open_at: int | None = None      # offset of the mark that opened the current piece
        current: Run | None = None
        rest = marks
        if pending is not None:
            first = marks[0] if marks else None
            looks = _looks(text, first, para) if first is not None else None
            if first == para[0] and looks in ("open", "either"):
                current, open_at, rest = pending, first, marks[1:]
            elif looks == "close":
                pending.pieces.append(Piece(para[0], first, None, first, p))
                rest = marks[1:]
            pending = None
        for i in rest:
            looks = _looks(text, i, para)
            if open_at is None:
                if looks != "close":
                    open_at, current = i, Run()
                    runs.append(current)
            elif looks != "open" or text[i] == '"':
                current.pieces.append(Piece(open_at + 1, i, open_at, i, p))
                open_at, current = None, None
        if open_at is not None:
            current.pieces.append(Piece(open_at + 1, para[1], open_at, None, p))
            pending = current
    return runs
