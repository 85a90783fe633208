"""What every speech rule needs from the parse: candidates, subjects, offsets.

A :class:`Candidate` is a quote before its speaker is resolved: the rules find
*where* speech is and *which token* names the speaker; :mod:`.speakers` then
turns that token into an Entity in text order, so that "he" and "the minister"
can look back at speakers already resolved.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# Links through which a verb without its own subject shares its head's:
# "spoke about X and noted that", "said, adding that", "was quoted as saying".
SHARED_SUBJECT = ("conj", "advcl", "xcomp", "pcomp", "prep")
RELATIVE = ("who", "which", "that", "whom")
NOMINAL = ("NOUN", "PROPN", "PRON")
_MODIFIER_LINKS = ("compound", "amod", "det", "poss", "nmod", "nummod", "case")
# "KYIV, March 4 (Reuters) - ": a wire dateline, which the parser takes for a subject.
_DATELINE = re.compile(r"[A-Z][A-Z .'-]+(?:,[^\n]{0,30}?)?\s*(?:\([^)\n]*\)\s*)?(?:-{1,2}|\u2013|\u2014)\s+")


@dataclass
class Candidate:
    """A quote found by a rule, its speaker still a token (or nothing) to resolve."""

    kind: str                          # "direct" | "indirect"
    pieces: list[tuple[int, int]]      # character ranges of the quoted/reported words
    span: tuple[int, int]
    rule: str                          # which rule found it, for speaker_reason
    cue: tuple[str, tuple[int, int]] | None = None
    speaker_head: Token | None = None  # head of the noun phrase naming the speaker
    passive: bool = False
    carried: bool = False              # no cue: may continue the previous speaker
    literal: bool = False              # the speaker token is a label: take it as written


class TokenIndex:
    """Character offset → token, by binary search over token starts.

    Also holds the document text: ``Doc.text`` is rebuilt from the tokens on
    every access, so it is read once here.
    """

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc.text
        self._starts = [t.idx for t in doc]

    def at(self, char: int) -> Token | None:
        """The token covering ``char`` (or the last one starting before it)."""
        i = bisect_right(self._starts, char) - 1
        return self.doc[i] if i >= 0 else None

    def after(self, char: int) -> int:
        """Index of the first token starting after ``char``."""
        return bisect_right(self._starts, char)


class Spans:
    """Does any of these character spans cover an offset?  Binary search, not a scan."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = sorted(spans)
        self._starts = [s for s, _ in self.spans]
        self._reach, reach = [], -1
        for _, e in self.spans:
            reach = max(reach, e)
            self._reach.append(reach)

    def covers(self, pos: int) -> bool:
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and self._reach[i] > pos


def ent_span(tok: Token) -> Span | None:
    """The named entity ``tok`` is part of, found from the IOB tags (no scan of doc.ents)."""
    if tok.ent_iob_ == "O" or not tok.ent_iob_:
        return None
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=tok.ent_type_)


def cue_of(tok: Token, words: str) -> tuple[str, tuple[int, int]]:
    """The cue as text and span: the verb, plus its particle for phrasal cues."""
    last = tok
    if " " in words:
        last = next((c for c in tok.rights if c.text == words.split()[-1]), tok)
    span = tok.doc[tok.i:last.i + 1]
    return span.text, (span.start_char, span.end_char)


def dateline_end(doc: Doc) -> int:
    """Character offset where a leading wire dateline ends (0 when there is none)."""
    m = _DATELINE.match(doc[:40].text)
    return m.end() if m else 0


def _after_dateline(subject: Token, verb: Token, end: int) -> Token | None:
    """The real subject when the parser took the dateline for it: an apposition
    after the dateline, else the head of the words between dateline and verb."""
    for c in subject.children:
        if c.dep_ == "appos" and c.idx >= end:
            return c
    words = [t for t in verb.doc[:verb.i] if t.idx >= end and not t.is_punct]
    if not words:
        return None
    root = verb.doc[words[0].i:words[-1].i + 1].root
    return root if root.pos_ in NOMINAL else None


def subject_of(verb: Token, outside: tuple[int, int] | None = None) -> Token | None:
    """The subject of ``verb``, borrowed from the verbs it hangs off when it has none.

    Relative pronouns give way to the noun they stand for ("Smith, who said ...").
    ``outside`` excludes a span (a quote's own words cannot name its speaker).
    """
    v = verb
    for _ in range(4):
        subjects = [c for c in v.children
                    if c.dep_ in SUBJECTS and not (outside and outside[0] <= c.idx < outside[1])]
        if subjects:
            # The one nearest the verb: a dateline ("KYIV, March 4 - ...") parses as a second subject.
            c = min(subjects, key=lambda s: abs(s.i - v.i))
            if c.lower_ in RELATIVE and v.dep_ == "relcl":
                return v.head
            end = dateline_end(verb.doc) if c.i == 0 else 0
            if end and c.idx < end:
                return _after_dateline(c, v, end)
            return c
        if v.dep_ not in SHARED_SUBJECT or v.head is v:
            return None
        v = v.head
    return None


def np_head(tok: Token, limit: tuple[int, int] | None = None) -> Token:
    """Climb from a modifier ("Ministry" in "the Ministry's spokesman") to its noun."""
    while tok.dep_ in _MODIFIER_LINKS and tok.head is not tok and tok.head.pos_ in NOMINAL:
        if limit and not limit[0] <= tok.head.i < limit[1]:
            break
        tok = tok.head
    return tok


def passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
