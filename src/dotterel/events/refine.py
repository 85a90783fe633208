"""Modes that need the whole event (its parties and its place), not just its sentence.

CONSULT (manual): a meeting in a country that is neither side's is "third-party"; one in
the recipient's country is a "visit" by the actor; one with an IGO and several states is
"multilateral"; a phone call stays "phone".
"""
from __future__ import annotations

from ..model import Entity, Location

ORGANISATIONS = {"IGO", "UNO", "EUR", "NGO"}


def consult_mode(mode: str | None, actor: list[Entity], recipient: list[Entity],
                 location: Location | None) -> str | None:
    if mode == "phone":
        return mode
    states = {e.country for e in actor + recipient if e.country and e.country not in ORGANISATIONS}
    bodies = {e.country for e in actor + recipient if e.country in ORGANISATIONS}
    if bodies and len(states) >= 2:
        return "multilateral"
    where = location.country if location else None
    if where and len(states) >= 2 and where not in states:
        return "third-party"
    if where and where in {e.country for e in recipient} and where not in {e.country for e in actor}:
        return "visit"
    return mode
