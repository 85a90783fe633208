"""Keep English: the coder's lexicons and parser are English-only.

py3langid (a maintained fork of langid.py) ships its model inside the package, so the
check runs offline.  It looks at the first ``SAMPLE`` characters.  Short or mixed texts
give unsure answers, so a document is skipped only when it has at least ``MIN_WORDS``
words and the identifier is at least ``MIN_PROBABILITY`` sure it is another language;
otherwise it is coded.
"""
from __future__ import annotations

from functools import lru_cache

SAMPLE = 2000
MIN_WORDS = 12
MIN_PROBABILITY = 0.9


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of the text's language."""
    lang, prob = _identifier().classify(text[:SAMPLE])
    return lang, float(prob)


def non_english_reason(text: str) -> tuple[str | None, str | None]:
    """(language code when the identifier is sure of it, reason to skip or None to code it)."""
    lang, prob = identify(text)
    if prob < MIN_PROBABILITY:
        return None, None
    if lang != "en" and len(text[:SAMPLE].split()) >= MIN_WORDS:
        return lang, f"not English: language '{lang}' (probability {prob:.2f})"
    return lang, None
