"""ActorResolver: knowledge and matchers built once, then one linear pass per document."""
from __future__ import annotations

from spacy.tokens import Doc

from dotterel.actors.doc_actors import DocActors, Found
from dotterel.actors.lexicon import Lexicon
from dotterel.actors.matching import Hit, find
from dotterel.actors.people import find_people
from dotterel.knowledge import Knowledge
from dotterel.model import Entity

# Where two findings overlap, the first kind listed here keeps the tokens.
PRIORITY = ("person", "proper", "org", "place", "role")


class ActorResolver:
    """Finds the actors of whole articles: ``resolve(doc)`` → :class:`DocActors`."""

    def __init__(self, knowledge: Knowledge, nlp):
        self.lexicon = Lexicon(knowledge, nlp)

    def resolve(self, doc: Doc, published: str | None = None) -> DocActors:
        pieces = find(doc, self.lexicon, published)
        sent_of, sent_start = _sentences(doc)
        people = find_people(doc, pieces, sent_start)
        taken = [False] * len(doc)
        found: list[Found] = []
        groups = {
            "person": [(m.start, m.end, None, m) for m in people],
            "proper": [(h.start, h.end, h, None) for h in pieces.proper if h.sense.code and h.sense.how != "person"],
            "org": [(h.start, h.end, h, None) for h in pieces.orgs],
            "place": [(h.start, h.end, h, None) for h in pieces.places],
            "role": [(h.start, h.end, h, None) for h in pieces.roles if _heads_phrase(doc[h.end - 1])],
        }
        for kind in PRIORITY:
            for start, end, hit, person in groups[kind]:
                if any(taken[start:end]):
                    continue
                taken[start:end] = [True] * (end - start)
                found.append(Found(start, end, "person", None, person=person) if person
                             else self._found(doc, kind, hit))
        found.sort(key=lambda f: f.start)
        return DocActors(doc, found, pieces.role_at, self.lexicon, sent_of)

    def _found(self, doc: Doc, kind: str, hit: Hit) -> Found:
        span = doc[hit.start:hit.end]
        text, where = span.text, (span.start_char, span.end_char)
        if kind == "role":
            r = hit.role
            entity = Entity(text, where, None, "group", r.country, r.sector, list(r.other_sectors),
                            f"roles.yaml '{r.word}' ({r.sector})")
            return Found(hit.start, hit.end, "role", entity, role=r)
        sense = hit.sense
        if kind == "org":
            entity = Entity(text, where, text, "organization", sense.code if sense else None,
                            hit.role.sector if hit.role else None, [],
                            "NER organisation" + (f"; country from {sense.evidence}" if sense else ""))
            return Found(hit.start, hit.end, "org", entity, role=hit.role)
        entity = Entity(text, where, sense.name, sense.entity_kind, sense.code, sense.sector,
                        list(sense.other_sectors), sense.evidence)
        return Found(hit.start, hit.end, sense.how, entity)


def _heads_phrase(tok) -> bool:
    """A role word that heads its noun phrase; one only modifying another noun ("business trip") is no actor."""
    return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("compound", "amod", "nmod")


def _sentences(doc: Doc) -> tuple[list[int], list[int]]:
    """Per token: the index of its sentence, and the token index where that sentence starts."""
    sent_of, sent_start = [0] * len(doc), [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        sent_of[sent.start:sent.end] = [n] * len(sent)
        sent_start[sent.start:sent.end] = [sent.start] * len(sent)
    return sent_of, sent_start
