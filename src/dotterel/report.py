"""A readable plain-text summary of a Result for people (``--format table``)."""
from __future__ import annotations

import shutil
import textwrap

from .model import Entity, Result


def entity_label(e: Entity | None) -> str:
    if e is None:
        return "-"
    code = "/".join(x for x in (e.country, e.sector) if x) or "?"
    return f"{e.name or e.text} [{code}]"


def entities_label(ents: list[Entity]) -> str:
    return " + ".join(entity_label(e) for e in ents) or "-"


def _clip(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def render(result: Result, include_negated: bool = False) -> str:
    width = max(80, min(shutil.get_terminal_size((120, 20)).columns, 160))
    doc = result.document
    lines = [f"== {doc.id or 'document'}" + (f" — {doc.title}" if doc.title else "")
             + (f" (published {doc.published})" if doc.published else "")]
    events = [e for e in result.events if include_negated or not e.negated]
    lines.append(f"\nEVENTS ({len(events)})")
    for e in sorted(events, key=lambda e: e.trigger.span[0]):
        mode = f"/{e.mode}" if e.mode else ""
        flags = "".join(f" [{f}]" for f in (e.aux, "negated" if e.negated else None) if f)
        where = f" in {e.location.name or e.location.text}" + (f" ({e.location.country})" if e.location.country else "") \
            if e.location else ""
        lines.append(f"  {e.event}{mode}{flags}  {entities_label(e.actor)} → {entities_label(e.recipient)}"
                     f"  {e.date or ''}{where}  conf {e.confidence:.2f}  CAMEO {e.cameo}")
        lines.append(f"      trigger “{e.trigger.text}” @{e.trigger.span[0]}"
                     + (f"  reported by {entity_label(e.reported_by)}" if e.reported_by else ""))
    lines.append(f"\nQUOTES ({len(result.quotes)})")
    for q in result.quotes:
        who = entity_label(q.speaker) if q.speaker else f"unknown ({q.speaker_reason or 'no speaker'})"
        lines.append(f"  {q.kind:8} {who}:")
        lines.extend(textwrap.wrap(f"“{_clip(q.text, 400)}”", width - 6, initial_indent="      ",
                                   subsequent_indent="      "))
    lines.append(f"\nQUANTITIES ({len(result.quantities)})")
    for n in result.quantities:
        ranged = n.low is not None and n.high is not None and n.low != n.high
        value = f"{n.low:g}–{n.high:g}" if ranged else (f"{n.value:g}" if n.value is not None else "?")
        period = ""
        if n.period:
            period = f"  period {n.period.start or '…'}–{n.period.end or '…'}"
        lines.append(f"  {n.qualifier:2} {value} {n.unit or ''}  “{_clip(n.text, 40)}”  what: {_clip(n.what or '-', 60)}"
                     f"{period}  claimed by {entity_label(n.claimant)}")
    return "\n".join(lines) + "\n"
