"""The one data model every layer shares: Document in, Result out.

Field names follow the JSON contract in the README (itself following the PLOVER
manual's names: ``actor``, ``recipient``, ``event``, ``mode``, ``context``).
Every extracted item carries ``span`` = ``[start, end)`` character offsets into
the original input text, and the rule or lexicon entry that produced it, so a
user can always see *why*.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

Span = tuple[int, int]


@dataclass
class TextSpan:
    """A piece of the input text: what it says and where it is."""

    text: str
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "span": list(self.span)}


@dataclass
class Entity:
    """An actor or recipient as written in the text and as resolved to PLOVER codes.

    ``kind`` is what the mention is: ``person``, ``country``, ``organization``,
    ``group`` (role nouns such as "protesters") or ``pronoun``.  ``country`` is an
    ISO 3166 alpha-3 code or one of PLOVER's non-state codes (UNO, EUR, IGO, NGO,
    ISM, IMG, MNC); ``sector`` the primary sector code (GOV, MIL, ...).
    """

    text: str
    span: Span
    name: str | None = None
    kind: str = "group"
    country: str | None = None
    sector: str | None = None
    other_sectors: list[str] = field(default_factory=list)
    evidence: str = ""

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["span"] = list(self.span)
        return d


@dataclass
class Location:
    """Where an event happened, with coordinates when the gazetteer knows the place."""

    text: str
    span: Span
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["span"] = list(self.span)
        return d


@dataclass
class Event:
    """One coded PLOVER event with everything needed to audit it."""

    id: str
    event: str
    mode: str | None
    trigger: TextSpan
    sentence: TextSpan
    actor: list[Entity] = field(default_factory=list)
    recipient: list[Entity] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    aux: str | None = None
    negated: bool = False
    reported_by: Entity | None = None
    date: str | None = None
    location: Location | None = None
    cameo: str | None = None
    score: float | None = None
    quad: int | None = None
    confidence: float = 0.5
    evidence: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "event": self.event,
            "mode": self.mode,
            "context": list(self.context),
            "aux": self.aux,
            "negated": self.negated,
            "actor": [a.to_dict() for a in self.actor],
            "recipient": [r.to_dict() for r in self.recipient],
            "reported_by": self.reported_by.to_dict() if self.reported_by else None,
            "date": self.date,
            "location": self.location.to_dict() if self.location else None,
            "trigger": self.trigger.to_dict(),
            "sentence": self.sentence.to_dict(),
            "cameo": self.cameo,
            "score": self.score,
            "quad": self.quad,
            "confidence": round(self.confidence, 3),
            "evidence": self.evidence,
        }


@dataclass
class Quote:
    """Something a speaker said, directly (in quote marks) or reported."""

    id: str
    kind: str  # "direct" | "indirect"
    text: str
    span: Span
    cue: TextSpan | None
    speaker: Entity | None
    speaker_reason: str = ""
    events: list[str] = field(default_factory=list)
    evidence: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "text": self.text,
            "span": list(self.span),
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "speaker_reason": self.speaker_reason,
            "events": list(self.events),
            "evidence": self.evidence,
        }


@dataclass
class Period:
    """The time span a figure covers ("since November 2020", "from 1987 to 1991")."""

    text: str
    start: str | None = None
    end: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Quantity:
    """A figure claimed in the text, with what it counts and who claims it."""

    id: str
    text: str
    span: Span
    value: float | None
    low: float | None = None
    high: float | None = None
    qualifier: str = "="
    unit: str | None = None
    what: str | None = None
    period: Period | None = None
    claimant: Entity | None = None
    evidence: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "span": list(self.span),
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "qualifier": self.qualifier,
            "unit": self.unit,
            "what": self.what,
            "period": self.period.to_dict() if self.period else None,
            "claimant": self.claimant.to_dict() if self.claimant else None,
            "evidence": self.evidence,
        }


@dataclass
class Document:
    """One input article and its metadata."""

    text: str
    id: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None  # YYYY-MM-DD


@dataclass
class Result:
    """Everything coded from one document.

    ``events`` holds all events found, negated ones included (flagged); the
    default JSON leaves negated events out, as the PLOVER manual suggests.
    """

    document: Document
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)

    def to_dict(self, include_negated: bool = False, include_text: bool = False) -> dict[str, Any]:
        doc = self.document
        d: dict[str, Any] = {
            "id": doc.id,
            "title": doc.title,
            "source": doc.source,
            "url": doc.url,
            "published": doc.published,
            "events": [e.to_dict() for e in self.events if include_negated or not e.negated],
            "quotes": [q.to_dict() for q in self.quotes],
            "quantities": [q.to_dict() for q in self.quantities],
        }
        if include_text:
            d["text"] = doc.text
        return d
