"""Direct quotes: quoted runs that are speech, with the cue that introduces them.

A cue sits right after the closing mark ('"...," Bayramov added.'), right before
the opening mark ('He said: "..."', 'According to X, "..."'), or between two
runs of one sentence ('"...," he said, "..."', which become one quote).  Runs
with no cue beside them are speech only when long enough and not a noun phrase
("the "blockade"", 'so-called "reforms"', titles); their speaker is then left
to :mod:`.speakers` (previous speaker, or nobody).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from .lexicon import Lexicon
from .marks import MARKS, Run, trimmed
from .syntax import NOMINAL, Candidate, TokenIndex, cue_of, np_head, subject_of

SENTENCE_END = {".", "!", "?", ";"}
WINDOW = 14            # tokens searched for a cue on either side of a quote
_WORD = re.compile(r"[A-Za-z\u00C0-\u024F0-9][\w'\u2019-]*")
_PRECEDING = re.compile(r"[\w-]+|['\u2019]s\b")
_TITLE_SMALL = {"of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "by", "with", "or"}
GAP_TOKENS = 30        # the longest attribution between two runs of one quote
_NP_START = ("DET", "PRON", "PROPN", "NOUN", "ADJ", "NUM")


def _breaks(t: Token) -> bool:
    return t.text in MARKS or t.text in SENTENCE_END or (t.is_space and "\n" in t.text)


def _subordinate(t: Token) -> bool:
    """A verb inside a relative clause or apposition does not end a cue search."""
    for a in [t, *list(t.ancestors)[:3]]:
        if a.dep_ in ("relcl", "acl", "appos", "amod"):
            return True
    return False


def source_phrase(t: Token, lex: Lexicon) -> tuple[Span, Token] | None:
    """For "according to X" starting at ``t``: the phrase's words and the head of X."""
    doc = t.doc
    for phrase in lex.source_prepositions:
        n = len(phrase)
        if tuple(x.lower_ for x in doc[t.i:t.i + n]) == phrase:
            obj = next((c for c in doc[t.i + n - 1].children if c.dep_ == "pobj"), None)
            if obj is None and t.i + n < len(doc) and doc[t.i + n].pos_ in NOMINAL:
                obj = np_head(doc[t.i + n])
            return (doc[t.i:t.i + n], obj) if obj is not None else None
    return None


def _source_cue(t: Token, lex: Lexicon):
    found = source_phrase(t, lex)
    if found is None:
        return None
    words, obj = found
    return (words.text, (words.start_char, words.end_char)), obj


def cue_after(doc: Doc, idx: TokenIndex, close: int, lex: Lexicon, span: tuple[int, int]):
    """(cue, speaker head, rule) for a cue right after the closing mark at ``close``.

    Only a quote that ends like a sentence ('..., "' '...?"' or '"...",') can
    hand over to an attribution; anything but a comma, a noun phrase or the cue
    verb right after the mark means the sentence goes on about something else.
    """
    text = idx.text
    rest = text[close + 1:close + 3].lstrip()
    if text[close - 1] not in ",.?!\u2026-\u2013\u2014" and not rest.startswith(","):
        return None
    start = idx.after(close)
    first_np = None
    seen = 0
    for t in doc[start:start + WINDOW]:
        if t.is_space and "\n" not in t.text:
            continue
        seen += 1
        if _breaks(t) or t.pos_ == "SCONJ":
            return None
        source = _source_cue(t, lex)
        if source:
            return source[0], source[1], "cue after the quote: according to"
        words = lex.cue(t, direct=True)
        if words:
            head = subject_of(t, outside=span)
            if head is None or head.i < start - 1:
                head = first_np or next((np_head(x) for x in doc[t.i + 1:t.i + 6] if x.pos_ in NOMINAL), None)
            return cue_of(t, words), head, f"cue after the quote: subject of '{words}'"
        if seen == 1 and t.text != "," and t.pos_ not in _NP_START:
            return None
        if t.pos_ in ("VERB", "AUX") and not _subordinate(t):
            return None
        if first_np is None and t.pos_ in NOMINAL:
            first_np = np_head(t, (start, start + WINDOW))
    return None


def cue_before(doc: Doc, idx: TokenIndex, open_mark: int, lex: Lexicon):
    """(cue, speaker head, rule) for a cue right before the opening mark.

    Crosses back into the previous paragraph only when it ends with a colon.
    """
    mark = idx.at(open_mark)
    near: list[Token] = []
    j = mark.i - 1
    while j >= 0 and len(near) < WINDOW:
        t = doc[j]
        j -= 1
        if t.is_space:
            if "\n" in t.text and (near or j < 0 or doc[j].text != ":"):
                break
            continue
        if t.text in MARKS or t.text in SENTENCE_END:
            break
        near.append(t)
    for t in near:
        source = _source_cue(t, lex)
        if source:
            return source[0], source[1], "cue before the quote: according to"
        words = lex.cue(t, direct=True)
        if words:
            return cue_of(t, words), subject_of(t), f"cue before the quote: subject of '{words}'"
        if t.pos_ in ("VERB", "AUX") and not _subordinate(t) and near[0].text != ":":
            break
    if near and near[0].text == ":":
        label = near[1:]
        starts_paragraph = label and (label[-1].i == 0 or "\n" in doc[label[-1].i - 1].text)
        if starts_paragraph and len(label) <= 6 and all(t.pos_ == "PROPN" for t in label):
            return None, label[0], "headline attribution 'Name: \"...\"'"
        verb = near[0].head
        head = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
        if head is not None and (head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or head.pos_ == "PRON"):
            return None, head, "introduced by a colon after the speaker"
    return None


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _noun_phrase_part(text: str, open_mark: int, para_start: int, lex: Lexicon) -> bool:
    """True when the words right before the mark make the quote part of a noun phrase."""
    before = text[max(para_start, open_mark - 40):open_mark]
    if not before[-1:].isspace() and before:
        return False
    words = [w.lower().replace("\u2019", "'") for w in _PRECEDING.findall(before)]
    return any(tuple(words[-len(p):]) == p for p in lex.scare_preceded_by if len(words) >= len(p))


def _title(text: str) -> bool:
    """Title Case words without closing punctuation: a name of a work or event."""
    words = _WORD.findall(text)
    content = [w for w in words if w.lower() not in _TITLE_SMALL]
    return (bool(content) and len(words) <= 10 and text.rstrip()[-1:] not in ".!?,"
            and all(w[0].isupper() or w[0].isdigit() for w in content))


def _pieces(text: str, run: Run) -> list[tuple[int, int]]:
    return trimmed(text, ((p.start, p.end) for p in run.pieces))


def _gap(doc: Doc, idx: TokenIndex, close: int, open_mark: int) -> str | None:
    """What stands between two runs of a paragraph: "interruption" ('," he said, "'),
    "attribution" ('," he said. "') or something else (None)."""
    words = [t for t in doc[idx.after(close):idx.at(open_mark).i] if not t.is_space]
    if not words or len(words) > GAP_TOKENS or any(t.text in MARKS for t in words) \
            or any(t.text in SENTENCE_END for t in words[:-1]):
        return None
    return {",": "interruption", ":": "interruption", ".": "attribution"}.get(words[-1].text)


def _punctuated(doc: Doc, idx: TokenIndex, open_mark: int) -> bool:
    """True when a colon or comma stands right before the opening mark ('said: "No."')."""
    mark = idx.at(open_mark)
    prev = next((t for t in reversed(doc[max(0, mark.i - 3):mark.i]) if not t.is_space), None)
    return prev is not None and prev.text in (":", ",")


def direct_candidates(doc: Doc, runs: list[Run], paras: list[tuple[int, int]],
                      lex: Lexicon, idx: TokenIndex) -> list[Candidate]:
    """One candidate per quotation that is speech.

    Runs of one paragraph split only by their attribution ('"...," he said,
    "..."' or '"...," he said. "..."' where the second run has no cue of its
    own) are one quote.
    """
    text = idx.text
    found: list[list] = []     # [run, pieces, cue before, cue after]
    for run in runs:
        pieces = _pieces(text, run)
        if not pieces:
            continue
        first, last = run.pieces[0], run.pieces[-1]
        after = cue_after(doc, idx, last.close_mark, lex, run.span) if last.close_mark is not None else None
        before = cue_before(doc, idx, first.open_mark, lex) if first.open_mark is not None else None
        prev = found[-1] if found else None
        if prev and prev[3] and prev[0].pieces[-1].paragraph == first.paragraph and first.open_mark is not None:
            gap = _gap(doc, idx, prev[0].span[1] - 1, first.open_mark)
            own_cue = after is not None or (before is not None and before[0] != prev[3][0])
            if gap == "interruption" or (gap == "attribution" and not own_cue):
                prev[0] = Run(prev[0].pieces + run.pieces)
                prev[1] = prev[1] + pieces
                continue
        found.append([run, pieces, before, after])

    out = []
    for run, pieces, before, after in found:
        first = run.pieces[0]
        quoted = " ".join(text[s:e] for s, e in pieces)
        if first.open_mark is not None and _noun_phrase_part(text, first.open_mark, paras[first.paragraph][0], lex):
            continue
        cue = after if after and after[1] is not None else before or after
        if _words(quoted) < lex.scare_min_words:
            # A short quote is speech only beside a verb of saying: '"No," he said', 'he said: "No."'
            said = after is not None or (before is not None and before[0] is not None
                                         and _punctuated(doc, idx, first.open_mark))
            if not said:
                continue
        elif cue is None and _title(quoted):
            continue
        cand = Candidate("direct", pieces, run.span, rule="no cue beside the quote", carried=cue is None)
        if cue is not None:
            cand.cue, cand.speaker_head, cand.rule = cue
        out.append(cand)
    return out
