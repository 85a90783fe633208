"""One pass over a parsed document: find figures, judge them, and say what they count."""
from __future__ import annotations

from datetime import date
from typing import Callable

from dotterel.model import Entity, Quantity

from . import context, counted, periods
from .lexicon import Lexicon, lexicon
from .scan import Amount, scan


def extract_quantities(doc, published: date | None = None,
                       claimant_for: Callable[[int], Entity | None] = lambda off: None) -> list[Quantity]:
    """Every claimed figure in ``doc`` in text order, with ids "n1", "n2", ...

    ``claimant_for(char_offset)`` names who claims the figure at that offset (the
    quote's speaker or the sentence's source); the caller knows the quotes.
    """
    lex = lexicon()
    found: list[Quantity] = []
    for sent in doc.sents:
        found.extend(_sentence(doc, sent, published, claimant_for, lex))
    for n, q in enumerate(found, 1):
        q.id = f"n{n}"
    return found


def _sentence(doc, sent, published, claimant_for, lex: Lexicon) -> list[Quantity]:
    floor, stop = sent.start, sent.end
    kept: list[tuple[Amount, object]] = []
    for a in scan(doc, floor, stop, lex):
        noun, hyphen = counted.noun_after(doc, a, stop, lex)
        if context.rejection(doc, a, noun, hyphen, lex, floor, stop) is None:
            kept.append((a, noun))
    taken = {i for a, _ in kept for i in range(a.start, a.end)}
    phrases = periods.period_phrases(sent, taken, published, lex)
    period_tokens = {i for p in phrases for i in range(p.start, p.end)}
    out: list[Quantity] = []
    previous_count: tuple[str, str | None, int] | None = None  # unit, what, where it ended
    for a, noun in kept:
        if previous_count and any(t.text == ";" for t in doc[previous_count[2]:a.start]):
            previous_count = None  # a semicolon ends the list a bare number could borrow from
        root = doc[a.start:a.end].root
        evidence = [f"figure:{a.kind}"]
        unit = a.unit
        if unit:
            evidence.append(f"unit '{a.unit_word}'" if a.unit_word else f"unit {unit}")
        what = counted.describe(doc, a, root, noun, period_tokens)
        if unit is None and noun is not None and counted.counts(noun, a, lex):
            unit, why = counted.unit_of_noun(noun, lex)
            evidence.append(why)
            previous_count = (unit, what, a.end)
        elif unit is None:
            why = counted.people_by_role(root, lex)
            if why:
                unit = "people"
                evidence.append(why)
                previous_count = (unit, what, a.end)
            elif previous_count:
                unit, what = previous_count[0], what or previous_count[1]
                evidence.append("unit of the figure before it (ellipsis)")
        symbol, start, end, hedge = context.qualifier(doc, a, lex, floor, stop)
        if hedge:
            evidence.append(f"qualifier '{hedge}'")
        moved = context.change(doc, start, root, lex, floor)
        if moved:
            symbol, word, start = moved
            evidence.append(f"change '{word}'")
        span = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
        near = periods.nearest(root, max(end, noun.i + 1 if noun is not None else 0), phrases)
        if near:
            evidence.append(f"period '{near.period.text}'")
        out.append(Quantity(
            id="", text=doc.text[span[0]:span[1]], span=span, value=a.value, low=a.low, high=a.high,
            qualifier=symbol, unit=unit, what=what, period=near.period if near else None,
            claimant=claimant_for(span[0]), evidence="; ".join(evidence)))
    return out
