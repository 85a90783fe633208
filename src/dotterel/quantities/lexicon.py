"""The words of figures, read once from ``knowledge/data/units.yaml``.

Phrases are matched against the text as written, token by token, with the
original spacing between tokens collapsed to one space: "per cent", "US $" and
"kilowatt-hours" match however spaCy happens to split them.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

import pycountry

from dotterel.knowledge import load_countries, load_yaml

MAX_PHRASE_TOKENS = 5


def norm(phrase: str) -> str:
    return " ".join(str(phrase).lower().split())


@lru_cache(maxsize=None)
def _edges(keys: frozenset) -> tuple[frozenset, frozenset]:
    """Every prefix and suffix of the phrases: a token that is neither cannot start or end one."""
    prefixes = {k[:n] for k in keys for n in range(1, len(k) + 1)}
    suffixes = {k[-n:] for k in keys for n in range(1, len(k) + 1)}
    return frozenset(prefixes), frozenset(suffixes)


def _keys(table: dict) -> frozenset:
    keys = _KEYS.get(id(table))
    if keys is None:
        keys = _KEYS[id(table)] = frozenset(table)
    return keys


_KEYS: dict[int, frozenset] = {}


def match_after(doc, i: int, table: dict, limit: int | None = None) -> tuple[object, int] | None:
    """Longest phrase of ``table`` starting at token ``i``: (value, end token), or None.

    A phrase may not swallow a line break: headlines and captions end there."""
    limit = len(doc) if limit is None else limit
    prefixes = _edges(_keys(table))[0]
    best, text = None, ""
    for k in range(i, min(limit, i + MAX_PHRASE_TOKENS)):
        tok = doc[k]
        if "\n" in tok.text:
            break
        text += tok.lower_
        if text not in prefixes:
            break
        if text in table:
            best = (table[text], k + 1)
        text += " " if tok.whitespace_ else ""
    return best


def match_before(doc, i: int, table: dict, floor: int = 0) -> tuple[object, int] | None:
    """Longest phrase of ``table`` ending just before token ``i``: (value, start token), or None."""
    suffixes = _edges(_keys(table))[1]
    best, text = None, ""
    for k in range(i - 1, max(floor, i - MAX_PHRASE_TOKENS) - 1, -1):
        tok = doc[k]
        if "\n" in tok.text:
            break
        text = tok.lower_ + (" " if tok.whitespace_ and text else "") + text
        if text not in suffixes:
            break
        if text in table:
            best = (table[text], k)
    return best


def _by_value(groups: dict) -> dict[str, str]:
    """{value: [phrases]} in the YAML -> {phrase: value} for lookups."""
    return {norm(p): key for key, phrases in (groups or {}).items() for p in phrases}


def _words(items: Iterable) -> frozenset[str]:
    return frozenset(norm(w) for w in items or ())


@dataclass(frozen=True)
class Lexicon:
    numbers: dict
    multipliers: dict
    fractions: dict
    vague: dict
    vague_factors: dict
    qualifiers: dict
    post_qualifiers: dict
    change_verbs: dict
    change_verbs_by: dict
    change_nouns: dict
    change_adverbs: dict
    currency_symbols: dict
    currency_codes: frozenset  # ISO 4217, written before or after: "USD 5m", "10 million AZN"
    percent_words: dict
    measures: dict
    people_nouns: frozenset
    demonyms: frozenset
    time_nouns: frozenset
    label_nouns: frozenset
    age_words: frozenset
    clock_words: dict
    time_prepositions: frozenset
    reference_determiners: frozenset
    people_verbs: frozenset
    people_heads: frozenset
    invariant_plurals: frozenset
    multiple_nouns: frozenset
    people_suffixes: tuple
    time_deictics: frozenset
    anaphoric_nouns: frozenset
    change_particle_verbs: frozenset
    period_prepositions: frozenset
    vague_needs_of: frozenset
    currency_after: dict  # currency words with their plurals ("dollars", "euros")


def _with_plurals(words: dict) -> dict:
    table = {}
    for word, code in words.items():
        table[word] = code
        table.setdefault(word + "s", code)
    return table


@lru_cache(maxsize=None)
def lexicon() -> Lexicon:
    d = load_yaml("units.yaml")
    demonyms = set()
    for country in load_countries():
        demonyms.update(norm(x) for x in country.demonyms)
    return Lexicon(
        numbers={norm(k): float(v) for k, v in d["numbers"].items()},
        multipliers={norm(k): float(v) for k, v in d["multipliers"].items()},
        fractions={norm(k): float(v) for k, v in d["fractions"].items()},
        vague={norm(k): (float(lo), float(hi)) for k, (lo, hi) in d["vague"].items()},
        vague_factors={norm(k): (float(lo), float(hi)) for k, (lo, hi) in d["vague_factors"].items()},
        qualifiers=_by_value(d["qualifiers"]),
        post_qualifiers=_by_value(d["post_qualifiers"]),
        change_verbs=_by_value(d["change_verbs"]),
        change_verbs_by=_by_value(d["change_verbs_by"]),
        change_nouns=_by_value(d["change_nouns"]),
        change_adverbs=_by_value(d["change_adverbs"]),
        currency_symbols={norm(k): v for k, v in d["currency_symbols"].items()},
        currency_codes=frozenset(c.alpha_3 for c in pycountry.currencies),
        percent_words={norm(k): v for k, v in d["percent_words"].items()},
        measures=_by_value(d["measures"]),
        people_nouns=_words(d["people_nouns"]),
        demonyms=frozenset(demonyms),
        time_nouns=_words(d["time_nouns"]),
        label_nouns=_words(d["label_nouns"]),
        age_words=_words(d["age_words"]),
        clock_words={norm(w): True for w in d["clock_words"]},
        time_prepositions=_words(d["time_prepositions"]),
        reference_determiners=_words(d["reference_determiners"]),
        people_verbs=_words(d["people_verbs"]),
        people_heads=_words(d["people_heads"]),
        invariant_plurals=_words(d["invariant_plurals"]),
        multiple_nouns=_words(d["multiple_nouns"]),
        people_suffixes=tuple(norm(w) for w in d["people_suffixes"]),
        time_deictics=_words(d["time_deictics"]),
        anaphoric_nouns=_words(d["anaphoric_nouns"]),
        change_particle_verbs=_words(d["change_particle_verbs"]),
        period_prepositions=_words(d["period_prepositions"]),
        vague_needs_of=_words(d["vague_needs_of"]),
        currency_after=_with_plurals({norm(k): v for k, v in d["currency_words"].items()}),
    )
