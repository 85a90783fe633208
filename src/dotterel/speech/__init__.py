"""Who said what: direct and indirect quotes with their speakers.

``find_quotes(doc, doc_actors)`` runs four linear passes over a parsed
document: quote marks are paired (:mod:`.marks`), quoted runs that are speech
get their cue (:mod:`.direct`), labelled interview answers are read
(:mod:`.interview`), reported clauses are found in the parse (:mod:`.indirect`);
then speakers are resolved in text order (:mod:`.speakers`), so pronouns and
"the minister" can refer back.  A quoted fragment inside a reported clause
(``said the move was "a gross violation"``) is part of that indirect quote,
not a quote of its own.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from dotterel import knowledge
from dotterel.model import Entity, Quote, TextSpan

from .direct import direct_candidates
from .indirect import indirect_candidates
from .interview import interview_candidates
from .lexicon import lexicon
from .marks import find_runs, paragraphs
from .speakers import Attributor
from .syntax import Candidate, TokenIndex

__all__ = ["find_quotes", "speaker_at"]


@lru_cache(maxsize=1)
def _titles() -> tuple[frozenset[str], frozenset[str]]:
    """Head nouns of person titles and speaker nouns ("the minister" can name a person),
    and every word of those titles (none of them is part of a person's name)."""
    titles = [r.word for r in knowledge.default().roles if r.title] + sorted(lexicon().speaker_nouns)
    heads = frozenset(t.split()[-1] for t in titles)
    words = frozenset(w for t in titles for w in t.replace("-", " ").split())
    return heads, words


def _inside(inner: Candidate, outer: Candidate, slack: int = 0) -> bool:
    """``inner`` lies within ``outer``; ``slack`` lets a closing mark and stop run past."""
    return outer.span[0] <= inner.span[0] and inner.span[1] <= outer.span[1] + slack


def _absorb(directs: list[Candidate], indirects: list[Candidate]) -> list[Candidate]:
    """Drop quoted fragments inside reported clauses, stretching the clause over their marks."""
    kept = []
    for d in directs:
        outer = next((i for i in indirects if _inside(d, i, slack=3)), None)
        if outer is None:
            kept.append(d)
        elif d.span[1] > outer.span[1]:
            outer.span = (outer.span[0], d.span[1])
            outer.pieces[-1] = (outer.pieces[-1][0], d.span[1])
    return kept


def _text(text: str, cand: Candidate) -> str:
    return " ".join(text[s:e] for s, e in cand.pieces).rstrip().rstrip(",").rstrip()


def find_quotes(doc: Doc, doc_actors=None) -> list[Quote]:
    """All quotes in ``doc`` in text order, ids ``q1``, ``q2``, ...

    ``doc_actors`` is the actor resolver's result for this document
    (``ActorResolver.resolve(doc)``); without it speakers are the phrases as
    written, with no country or sector codes.
    """
    lex = lexicon()
    idx = TokenIndex(doc)
    paras = paragraphs(idx.text)
    answers = interview_candidates(doc, paras, lex, idx)
    directs = [d for d in direct_candidates(doc, find_runs(idx.text), paras, lex, idx)
               if not any(_inside(d, a) for a in answers)]
    quoted = [c.span for c in directs + answers]
    indirects = indirect_candidates(doc, lex, quoted)
    directs = _absorb(directs, indirects)
    attributor = Attributor(doc, doc_actors, lex, paras, quoted, *_titles())
    quotes = []
    for n, cand in enumerate(sorted(directs + answers + indirects, key=lambda c: c.span), 1):
        speaker, reason = attributor.resolve(cand)
        quotes.append(Quote(
            id=f"q{n}", kind=cand.kind, text=_text(idx.text, cand), span=cand.span,
            cue=TextSpan(*cand.cue) if cand.cue else None,
            speaker=speaker, speaker_reason=reason, evidence=f"rule: {cand.rule}",
        ))
    return quotes


def speaker_at(quotes: list[Quote], char_offset: int) -> Entity | None:
    """The speaker of the innermost quote covering ``char_offset``, else None.

    Lets other layers read "we" and "our country" inside a quote as its speaker,
    and give a figure quoted there a claimant.
    """
    covering = [q for q in quotes if q.span[0] <= char_offset < q.span[1]]
    if not covering:
        return None
    return min(covering, key=lambda q: q.span[1] - q.span[0]).speaker
