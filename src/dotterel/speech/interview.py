"""Interviews and transcripts: speech marked by a paragraph label, not quote marks.

"Q: ... / A: ..." answers are the interviewee's words (the person the
introduction says was interviewed); "Name: ..." paragraphs are that person's
words in a transcript: three or more labelled paragraphs, some label used more
than once (so a one-off "Note:" or "Update:" is not speech).  Questions are the interviewer's and are not reported.  An
answer runs on over unlabelled paragraphs up to the next label.
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from .lexicon import Lexicon
from .syntax import Candidate, TokenIndex

_LABEL = re.compile(r"([A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,3})[ \t]*:[ \t]+(?=\S)")


def _interviewee(doc: Doc, intro_end: int, lex: Lexicon) -> Span | None:
    """The person the introduction presents as interviewed, if it says plainly."""
    people = [e for e in doc.ents if e.label_ == "PERSON" and e.end_char <= intro_end]
    for e in people:
        if any(t.lower_ in lex.interview_cues or t.lemma_.lower() in lex.interview_cues for t in e.sent):
            return e
    if len({e.root.lower_ for e in people}) == 1:
        return people[0]
    return None


def interview_candidates(doc: Doc, paras: list[tuple[int, int]], lex: Lexicon,
                         idx: TokenIndex) -> list[Candidate]:
    text = idx.text
    labels = []
    for i, (s, e) in enumerate(paras):
        m = _LABEL.match(text, s, e)
        if m and m.group(1).lower() not in lex.not_speakers:
            labels.append((i, m))
    if not labels:
        return []
    counts = Counter(m.group(1).lower() for _, m in labels)
    qa = any(k in lex.question_labels for k in counts) and any(k in lex.answer_labels for k in counts)
    # A transcript: at least three labelled paragraphs, some name labelling more than one.
    transcript = len(labels) >= 3 and max(counts.values()) >= 2
    interviewee: Span | None = None
    if qa:
        interviewee = _interviewee(doc, paras[labels[0][0]][0], lex)
    out = []
    for k, (i, m) in enumerate(labels):
        label = m.group(1).lower()
        head: Token | None = None
        if label in lex.answer_labels and qa:
            head = interviewee.root if interviewee is not None else None
            rule = "answer in a Q&A interview" + ("" if head is not None else ", interviewee not named")
        elif label not in lex.question_labels and label not in lex.answer_labels and transcript:
            head = idx.at(m.end(1) - 1)
            rule = f"paragraph labelled '{m.group(1)}:' in a transcript"
        else:
            continue
        last = labels[k + 1][0] - 1 if k + 1 < len(labels) else i
        pieces = [(m.end(), paras[i][1])] + [paras[j] for j in range(i + 1, last + 1)]
        label_span = (m.start(1), m.end(1))
        out.append(Candidate("direct", pieces, (pieces[0][0], pieces[-1][1]), rule=rule,
                             cue=(m.group(1), label_span), speaker_head=head,
                             literal=label not in lex.answer_labels))
    return out
