"""The time span a figure covers: the period phrase nearest to it in the parse.

Candidates are the sentence's DATE entities grown to their temporal
preposition ("November 2020" -> "since the signing of the tripartite statement
in November 2020", "the past 30 years" -> "over the past 30 years").  Each figure
takes the candidate closest to it in the dependency tree, so in "306 people have
fallen victim since ..., and more than 3,300 in total over the past 30 years"
each number gets its own period.  Resolving the phrase to dates is
:func:`dotterel.time.period`'s job.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dotterel import time
from dotterel.model import Period

from .lexicon import Lexicon

_MODIFIER_DEPS = {"amod", "compound", "nummod", "npadvmod", "nmod"}
_MAX_DISTANCE = 7
_SIDE_CLAUSES = {"acl", "relcl", "appos", "advcl"}


@dataclass
class PeriodPhrase:
    start: int
    end: int
    anchor: object  # the token that attaches the phrase to the clause
    period: Period


def _grow(ent, lex: Lexicon) -> tuple[int, int, object]:
    """Token range and anchor of a DATE entity with its governing temporal preposition."""
    start, end = ent.start, ent.end
    tok = ent.root
    if tok.dep_ in _MODIFIER_DEPS and tok.head.i >= end and tok.head.pos_ == "NOUN":
        tok = tok.head  # "the nearly 30-year period"
        end = tok.i + 1
    anchor = tok
    for _ in range(3):
        head = tok.head
        if head.i == tok.i or head.lower_ not in lex.period_prepositions:
            break
        start, anchor = min(start, head.i), head
        if head.head.dep_ != "pobj":
            break  # "in" under "since the signing of ...": keep climbing to "since"
        tok = head.head
    return start, end, anchor


def period_phrases(sent, taken: set[int], published: date | None, lex: Lexicon) -> list[PeriodPhrase]:
    """Period phrases of a sentence, leaving out DATE entities that are figures' words.

    A phrase with a temporal preposition is kept even when it cannot be dated (no
    publication date for "over the past 30 years"), so that it is not mistaken for
    the absence of a period and a farther phrase taken instead."""
    phrases = []
    for ent in sent.ents:
        if ent.label_ != "DATE" or any(i in taken for i in range(ent.start, ent.end)):
            continue
        start, end, anchor = _grow(ent, lex)
        root = ent.root
        if start == ent.start and root.dep_ in _MODIFIER_DEPS and root.head.pos_ in ("NOUN", "PROPN") \
                and not ent.start <= root.head.i < ent.end:
            continue  # a date naming a thing, not a span: "the 2019 election", "1990s-era jets"
        text = sent.doc[start:end].text
        found = time.period(text, published)
        if (found is None or not (found.start or found.end)) and start < ent.start:
            bare = time.period(ent.text, published)  # "for 2024": the date alone still says when
            found = Period(text, bare.start, bare.end) if bare and (bare.start or bare.end) else found
        if found is None or not (found.start or found.end):
            if start == ent.start:
                continue  # a bare date entity that does not resolve: "25-year-old", "the year"
            found = Period(text)  # a period phrase we cannot date: "over the past 30 years", unpublished
        phrases.append(PeriodPhrase(start, end, anchor, found))
    return phrases


def _path(tok) -> list:
    chain = [tok]
    while chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def _tree_distance(figure, anchor) -> int:
    """Steps between the figure and a period phrase in the parse; 99 when the phrase sits inside a
    side clause the figure is not in ("The company, founded in 1998, employs 12,000 people")."""
    up = {t.i: n for n, t in enumerate(_path(figure))}
    for n, t in enumerate(_path(anchor)):
        if t.i in up:
            return n + up[t.i]
        if t.dep_ in _SIDE_CLAUSES:
            return 99
    return 99


def nearest(root, after: int, phrases: list[PeriodPhrase]) -> PeriodPhrase | None:
    """The period phrase written right after the figure's words (``after`` = the token after them:
    "300 since 2020"), else the one closest in the parse tree, then in words."""
    best = None
    for p in phrases:
        gap = min(abs(root.i - p.start), abs(root.i - (p.end - 1)))
        tree = _tree_distance(root, p.anchor)
        key = (0 if 0 <= p.start - after <= 1 else 1, tree, gap)
        if tree <= _MAX_DISTANCE and (best is None or key < best[0]):
            best = (key, p)
    return best[1] if best else None
