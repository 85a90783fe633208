"""A last resort for ``classify``: a naive Bayes guess at the category from a sentence's words.

The lexicon and dependency rules code what they recognise; when none of their candidates
involves the given actor or recipient, the nearest lexicon word is often unrelated to
the pair ("the 1944 massacre" in a sentence about an extradition).  A multinomial naive
Bayes over the sentence's content lemmas (and verb_object pairs), trained only on
sentences written for this project (the dev halves under ``benchmarks/data``, never the
GSR), guesses better there.  ``tools/train_fallback.py`` rebuilds the counts file from
that data; training is deterministic.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span

from .lexicon import Lexicon

MODEL = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "fallback_nb.json"
NAME_ENTS = {"PERSON", "GPE", "NORP", "ORG", "DATE", "TIME", "LOC", "FAC", "CARDINAL", "MONEY", "QUANTITY",
             "PERCENT", "ORDINAL"}
SMOOTHING = 0.1


def features(sent: Span, lex: Lexicon) -> set[str]:
    """Content lemmas (no names, numbers, dates or reporting verbs) and verb_object pairs."""
    out = set()
    for t in sent:
        if not t.is_alpha or t.is_stop or t.ent_type_ in NAME_ENTS:
            continue
        lemma = t.lemma_.lower()
        if lemma in lex.speech_verbs:
            continue
        out.add(lemma)
        if t.dep_ in ("dobj", "prt", "pobj") and t.head.pos_ == "VERB":
            out.add(f"{t.head.lemma_.lower()}_{lemma}")
    return out


class NaiveBayes:
    def __init__(self, classes: dict[str, int], counts: dict[str, dict[str, int]]):
        self.prior = {k: math.log(n) for k, n in classes.items()}
        vocab = len({f for c in counts.values() for f in c})
        self.counts = counts
        self.denominator = {k: math.log(sum(c.values()) + SMOOTHING * vocab) for k, c in counts.items()}

    def predict(self, feats: set[str]) -> str:
        def score(k: str) -> float:
            c = self.counts[k]
            return self.prior[k] + sum(math.log(c.get(f, 0) + SMOOTHING) - self.denominator[k] for f in feats)
        return max(self.prior, key=score)


@lru_cache(maxsize=1)
def model() -> NaiveBayes:
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    return NaiveBayes(data["classes"], data["counts"])
