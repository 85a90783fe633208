"""Statements that are events in themselves, though no event verb says so.

- Saying that an actor committed a wrongdoing is accusing it: "Armenia has committed war
  crimes" inside the minister's statement is an ACCUSE (allege) by the minister against
  Armenia; so is speaking about "Armenia's provocations".
- Calling a claim groundless is rejecting it: "Claims about the blockade are groundless"
  is a REJECT by whoever is speaking.

The speaker is the quote's speaker, the subject of the speech verb above, or — for
agentless statements in a report of someone's statements ("it was noted that …") —
the article's most recent speaker, which the evidence says.
"""
from __future__ import annotations

from typing import Callable

from spacy.tokens import Span, Token

from ..model import Entity
from . import syntax as sx
from .extract import Candidate, Context

COMMIT_VERBS = {"commit", "carry", "perpetrate", "conduct", "continue", "pursue", "wage", "unleash", "launch"}


def _statement_speaker(tok: Token, ctx: Context, lex, last_speaker) -> tuple[Entity | None, str]:
    cur = tok
    for _ in range(8):
        if cur.lemma_.lower() in lex.speech_verbs and cur.pos_ == "VERB":
            subj = sx.subject(cur) or sx.agent(cur)
            if subj is not None:
                ents = ctx.entities_for(subj, ctx.speaker_at(cur.idx))
                if ents:
                    return ents[0], f"speaker '{subj.text}' ({cur.text})"
            break
        if cur.head is cur:
            break
        cur = cur.head
    quoted = ctx.speaker_at(tok.idx)
    if quoted is not None:
        return quoted, f"in a statement by {quoted.name or quoted.text}"
    if cur.lemma_.lower() in lex.speech_verbs and sx.is_passive(cur) or tok.dep_ in ("acomp", "attr"):
        last = last_speaker(tok.idx)
        if last is not None:
            return last, f"agentless statement, article's last speaker {last.name or last.text}"
    return None, ""


def _wrongdoer(noun: Token) -> Token | None:
    poss = sx.child(noun, "poss")
    if poss is not None:
        return poss
    for p, o in sx.prep_objects(noun, ("by",)):
        return o
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in COMMIT_VERBS:
        return sx.subject(noun.head)
    if noun.dep_ == "pobj" and noun.head.lower_ == "for":
        verb = noun.head.head
        return sx.child(verb, "dobj")
    return None


def statement_events(sent: Span, ctx: Context, existing: list[Candidate],
                     last_speaker: Callable[[int], Entity | None]) -> list[Candidate]:
    lex = ctx.lexicon
    out: list[Candidate] = []
    accused: set[tuple] = {(c.event, tuple(e.country for e in c.actor), tuple(e.country for e in c.recipient))
                           for c in existing}
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.dep_ in ("acomp", "attr") and lemma in lex.dismissals:
            subj = sx.child(tok.head, "nsubj")
            if subj is None or subj.lemma_.lower() not in lex.claim_nouns:
                continue
            speaker, why = _statement_speaker(tok, ctx, lex, last_speaker)
            if speaker is None:
                continue
            target = _wrongdoer(subj)
            recipient = ctx.entities_for(target, speaker) if target is not None else []
            out.append(Candidate("REJECT", None, tok, [tok], sent, [speaker], recipient,
                                 confidence=0.6, evidence=[f"claim '{subj.text}' called '{tok.text}'", why]))
        elif tok.pos_ == "NOUN" and lemma in lex.wrongdoing:
            speaker, why = _statement_speaker(tok, ctx, lex, last_speaker)
            if speaker is None:
                continue
            holder = _wrongdoer(tok)
            if holder is None:
                continue
            targets = ctx.entities_for(holder, speaker)
            targets = [t for t in targets if t.country != speaker.country or t.name != speaker.name]
            if not targets:
                continue
            key = ("ACCUSE", (speaker.country,), tuple(t.country for t in targets))
            if key in accused:
                continue
            accused.add(key)
            out.append(Candidate("ACCUSE", "allege", tok, [tok], sent, [speaker], targets,
                                 confidence=0.55, evidence=[f"wrongdoing '{tok.text}' attributed to "
                                                            f"'{holder.text}' in a statement", why]))
    return out
