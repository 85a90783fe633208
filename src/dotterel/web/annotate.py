"""Cut an article's text into segments for highlighting, whatever the overlaps.

Quotes contain events and actors, a quantity may contain an actor ("306 people"),
an event trigger may sit inside an actor mention; nesting HTML tags cannot express
every such overlap.  So the text is cut at every start and end of every annotation,
and each piece lists the annotations covering it.  The template wraps each annotated
piece in one ``<span>`` whose classes are the kinds of its annotations; Jinja escapes
the text, so the article (untrusted input) never becomes markup.

The input is the JSON shape of a document (:func:`queries.document` or
``Result.to_dict(include_text=True)``), so stored documents and the "Code an article"
preview render alike.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Annotation:
    id: str          # unique in the page: ent-3, ev-2, quote-1, cue-1, qty-4
    kind: str        # ent | trg | quote | cue | qty
    start: int
    end: int
    label: str       # one line shown on hover
    data: dict = field(default_factory=dict)  # details shown when the annotation is selected


@dataclass
class Segment:
    text: str
    kinds: list[str]
    ids: list[str]
    title: str


def _entity(e: dict | None) -> str:
    if not e:
        return "unknown"
    code = (e.get("country") or "") + (("/" + e["sector"]) if e.get("sector") else "")
    name = e.get("name") or e.get("text") or "?"
    return f"{name} [{code}]" if code else name


def _parties(entities: list[dict]) -> str:
    return ", ".join(_entity(e) for e in entities) or "–"


def event_label(ev: dict) -> str:
    what = ev["event"] + (f"/{ev['mode']}" if ev.get("mode") else "")
    bits = [what, f"{_parties(ev.get('actor', []))} → {_parties(ev.get('recipient', []))}"]
    if ev.get("date"):
        bits.append(ev["date"])
    if ev.get("cameo"):
        bits.append(f"CAMEO {ev['cameo']}")
    if ev.get("score") is not None:
        bits.append(f"score {ev['score']:+g}")
    if ev.get("aux"):
        bits.append(ev["aux"])
    if ev.get("negated"):
        bits.append("negated")
    return " · ".join(bits)


def annotations(doc: dict) -> list[Annotation]:
    """Every highlight of one document: actor mentions, event triggers, quotes with their
    cues, and quantities."""
    out: list[Annotation] = []
    for n, e in enumerate(doc.get("entities", []), 1):
        out.append(Annotation(f"ent-{n}", "ent", *e["span"], f"actor: {_entity(e)} ({e.get('kind')})",
                              {"type": "actor", "kind": e.get("kind"), "name": e.get("name"), "text": e.get("text"),
                               "country": e.get("country"), "sector": e.get("sector"),
                               "evidence": e.get("evidence")}))
    for n, ev in enumerate(doc.get("events", []), 1):
        out.append(Annotation(f"ev-{n}", "trg", *ev["trigger"]["span"], "event: " + event_label(ev),
                              {"type": "event", "event": ev["event"], "mode": ev.get("mode"),
                               "actor": _parties(ev.get("actor", [])),
                               "recipient": _parties(ev.get("recipient", [])),
                               "date": ev.get("date"), "cameo": ev.get("cameo"), "score": ev.get("score"),
                               "quad": ev.get("quad"), "confidence": ev.get("confidence"),
                               "location": (ev.get("location") or {}).get("name"),
                               "evidence": ev.get("evidence")}))
    for n, q in enumerate(doc.get("quotes", []), 1):
        speaker = _entity(q.get("speaker"))
        out.append(Annotation(f"quote-{n}", "quote", *q["span"], f"{q['kind']} quote by {speaker}",
                              {"type": "quote", "kind": q["kind"], "speaker": speaker,
                               "evidence": q.get("speaker_reason")}))
        if q.get("cue"):
            out.append(Annotation(f"cue-{n}", "cue", *q["cue"]["span"], f"speech cue of quote by {speaker}",
                                  {"type": "cue", "speaker": speaker}))
    for n, x in enumerate(doc.get("quantities", []), 1):
        what = " ".join(str(v) for v in (x.get("qualifier"), x.get("value"), x.get("unit")) if v is not None)
        period = (x.get("period") or {}).get("text")
        label = f"quantity: {what}" + (f" of {x['what']}" if x.get("what") else "") + (f", {period}" if period else "")
        out.append(Annotation(f"qty-{n}", "qty", *x["span"], label,
                              {"type": "quantity", "value": x.get("value"), "low": x.get("low"),
                               "high": x.get("high"), "qualifier": x.get("qualifier"), "unit": x.get("unit"),
                               "what": x.get("what"), "period": period,
                               "claimant": _entity(x.get("claimant")) if x.get("claimant") else None,
                               "evidence": x.get("evidence")}))
    return out


def segments(text: str, notes: list[Annotation]) -> list[Segment]:
    """The text cut at every annotation boundary; spans outside the text are clipped."""
    size = len(text)
    notes = [a for a in notes if 0 <= a.start < a.end and a.start < size]
    cuts = sorted({0, size, *(a.start for a in notes), *(min(a.end, size) for a in notes)})
    starts: dict[int, list[Annotation]] = {}
    for a in notes:
        starts.setdefault(a.start, []).append(a)
    active: list[Annotation] = []
    out: list[Segment] = []
    for lo, hi in zip(cuts, cuts[1:]):
        active = [a for a in active if a.end > lo] + starts.get(lo, [])
        kinds = sorted({a.kind for a in active})
        out.append(Segment(text[lo:hi], kinds, [a.id for a in active], "\n".join(a.label for a in active)))
    return out
