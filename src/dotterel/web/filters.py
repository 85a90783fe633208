"""Query parameters shared by the JSON API and the HTML pages, read and checked once.

Every value a user sends is checked here (dates parse, codes are short, pages are
bounded) and turned into plain dataclasses; ``queries`` builds parameterised SQL from
them, never by pasting text into SQL.  Empty strings count as "not given", because an
HTML form submits every field, filled or not.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from fastapi import Depends, HTTPException, Query

MAX_PER_PAGE = 200
MAX_PAGE = 10_000
MAX_FILTER_CHARS = 200
INTERVALS = ("auto", "day", "week", "month")
EVENT_SORTS = ("date", "event", "score", "confidence", "quad", "source")


def bad(name: str, value: str, why: str) -> HTTPException:
    return HTTPException(422, f"{name}: {value!r} {why}")


def parse_day(name: str, value: str | None) -> date | None:
    """An ISO day (YYYY-MM-DD) or None; anything else is a 422 naming the parameter."""
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise bad(name, value, "is not a date; use YYYY-MM-DD") from None


def _clean(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def _text(description: str, example: str | None = None):
    return Query(None, max_length=MAX_FILTER_CHARS, description=description,
                 examples=[example] if example else None)


def _date(description: str):
    return Query(None, max_length=10, description=description + " (YYYY-MM-DD)",
                 json_schema_extra={"format": "date"})


@dataclass
class Page:
    page: int = 1
    per_page: int = 50

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


def paging(page: int = Query(1, ge=1, le=MAX_PAGE, description="page number, from 1"),
           per_page: int = Query(50, ge=1, le=MAX_PER_PAGE, description=f"items per page (at most {MAX_PER_PAGE})")
           ) -> Page:
    return Page(page, per_page)


@dataclass
class DateRange:
    date_from: date | None = None
    date_to: date | None = None


def date_range(date_from: str | None = _date("first day, inclusive"),
               date_to: str | None = _date("last day, inclusive")) -> DateRange:
    r = DateRange(parse_day("date_from", date_from), parse_day("date_to", date_to))
    if r.date_from and r.date_to and r.date_from > r.date_to:
        raise HTTPException(422, f"date_from {r.date_from} is after date_to {r.date_to}")
    return r


@dataclass
class EventFilter:
    actor: str | None = None
    recipient: str | None = None
    country: str | None = None
    event: str | None = None
    mode: str | None = None
    context: str | None = None
    text: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    include_negated: bool = False
    sort: str = "date"
    order: str = "desc"

    def query(self) -> dict:
        """The filter as query parameters (for links that keep it)."""
        defaults = asdict(EventFilter())
        return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in asdict(self).items()
                if v != defaults[k]}


def event_filter(
    actor: str | None = _text("actor code (AZE, AZEGOV) or name (Jeyhun Bayramov)", "AZE"),
    recipient: str | None = _text("recipient code or name", "ARM"),
    country: str | None = _text("country code of the place or of any actor or recipient", "CHE"),
    event: str | None = _text("PLOVER category", "CONSULT"),
    mode: str | None = _text("PLOVER mode", "visit"),
    context: str | None = _text("PLOVER context", "human_rights"),
    text: str | None = _text("words in the event's sentence"),
    dates: DateRange = Depends(date_range),
    include_negated: bool = Query(False, description="also list negated events"),
    sort: str = Query("date", description="sort key: " + ", ".join(EVENT_SORTS)),
    order: str = Query("desc", description="asc or desc"),
) -> EventFilter:
    if sort not in EVENT_SORTS:
        raise bad("sort", sort, "is not one of " + ", ".join(EVENT_SORTS))
    if order not in ("asc", "desc"):
        raise bad("order", order, "is not asc or desc")
    return EventFilter(actor=_clean(actor), recipient=_clean(recipient), country=_clean(country),
                       event=(_clean(event) or "").upper() or None, mode=_clean(mode), context=_clean(context),
                       text=_clean(text), date_from=dates.date_from, date_to=dates.date_to,
                       include_negated=include_negated, sort=sort, order=order)


@dataclass
class QuoteFilter:
    speaker: str | None = None
    kind: str | None = None
    text: str | None = None
    doc: str | None = None
    date_from: date | None = None
    date_to: date | None = None


def quote_filter(speaker: str | None = _text("speaker code (AZE, AZEGOV) or name", "AZE"),
                 kind: str | None = Query(None, description="direct or indirect", pattern="^(direct|indirect)?$"),
                 text: str | None = _text("words in the quote"),
                 doc: str | None = _text("document key"),
                 dates: DateRange = Depends(date_range)) -> QuoteFilter:
    return QuoteFilter(_clean(speaker), _clean(kind), _clean(text), _clean(doc), dates.date_from, dates.date_to)


@dataclass
class QuantityFilter:
    claimant: str | None = None
    unit: str | None = None
    text: str | None = None
    doc: str | None = None
    date_from: date | None = None
    date_to: date | None = None


def quantity_filter(claimant: str | None = _text("claimant code or name", "AZE"),
                    unit: str | None = _text("unit", "people"),
                    text: str | None = _text("words in the figure or in what it counts", "mines"),
                    doc: str | None = _text("document key"),
                    dates: DateRange = Depends(date_range)) -> QuantityFilter:
    return QuantityFilter(_clean(claimant), _clean(unit), _clean(text), _clean(doc), dates.date_from, dates.date_to)


def check_code(name: str, value: str) -> str:
    """An actor code as used in paths: letters only, at most 12 (AZE, AZEGOV, UNO)."""
    v = value.strip().upper()
    if not v or len(v) > 12 or not v.isalpha():
        raise bad(name, value, "is not an actor code (letters, e.g. AZE or AZEGOV)")
    return v


def check_interval(value: str) -> str:
    if value not in INTERVALS:
        raise bad("interval", value, "is not one of " + ", ".join(INTERVALS))
    return value
