"""The JSON API under `/api`: code text, store documents, and read events, documents,
actors, dyads, quotes and quantities.  The schema is at `/openapi.json` and shown at
`/docs`.

Work per request is bounded: a document's text is at most `MAX_TEXT_CHARS`
characters, a POST stores at most `MAX_DOCUMENTS` documents, lists are paged (at most
`filters.MAX_PER_PAGE` items), and the app refuses bodies over its byte limit (413).
"""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from ..errors import InputError
from ..model import Document
from . import queries, service
from .service import MAX_DOCUMENTS, MAX_TEXT_CHARS
from .app import check_write, json_response
from .filters import (DateRange, EventFilter, Page, QuantityFilter, QuoteFilter, check_code, check_interval,
                      date_range, event_filter, paging, quantity_filter, quote_filter)

router = APIRouter(prefix="/api", tags=["api"])


class DocumentIn(BaseModel):
    """One article to code. Only `text` is required; `published` resolves relative
    dates ("on Tuesday")."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(description=f"the article's plain text, at most {MAX_TEXT_CHARS:,} characters")
    published: str | None = Field(None, max_length=40, description="publication date, YYYY-MM-DD",
                                  examples=["2023-09-13"])
    title: str | None = Field(None, max_length=1000)
    source: str | None = Field(None, max_length=200, examples=["Azernews"])
    url: str | None = Field(None, max_length=2000)
    id: str | None = Field(None, max_length=200, description="your own identifier for the article")

    def document(self) -> Document:
        return Document(text=self.text, id=self.id, title=self.title, source=self.source, url=self.url,
                        published=self.published or None)


class DocumentsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    documents: list[DocumentIn] = Field(min_length=1, max_length=MAX_DOCUMENTS,
                                        description=f"one to {MAX_DOCUMENTS} articles")


class OutcomeOut(BaseModel):
    index: int = Field(description="position in the request's list, from 0")
    id: str | None
    status: str = Field(description="coded | duplicate | skipped | already_stored | error")
    key: str | None = Field(description="document key: GET /api/documents/{key}")
    duplicate_of: str | None = None
    events: int = 0
    quotes: int = 0
    quantities: int = 0
    error: str | None = None


class StoredOut(BaseModel):
    stored: int = Field(description="documents coded and stored by this request")
    documents: list[OutcomeOut]


def db(request: Request):
    """A cursor of the app's connection for this request."""
    cur = request.app.state.con.cursor()
    try:
        yield cur
    finally:
        cur.close()


Paged = dict[str, Any]


@router.post("/code", summary="Code text; store nothing")
def code(doc: DocumentIn, request: Request,
         include_negated: bool = Query(False, description="also return negated events (flagged)")) -> dict[str, Any]:
    """The coder's result for one article: events, quotes and quantities, each with
    character spans into the text and the evidence that produced it."""
    check_write(request)
    try:
        result = service.code(doc.document())
    except InputError as e:
        raise HTTPException(422, str(e)) from None
    return result.to_dict(include_negated=include_negated)


@router.post("/documents", summary="Code and store documents", response_model=StoredOut)
def store_documents(body: DocumentsIn, request: Request, con=Depends(db)):
    """Code and store up to 50 articles in one transaction. Each gets an outcome in
    order; a bad one is an `error` outcome and the others are still stored. Storing
    the same record again changes nothing (`already_stored`); a copy of a stored
    text is stored as a `duplicate` and not coded again. 422 when every one failed."""
    check_write(request)
    outcomes = service.store(con, [d.document() for d in body.documents])
    data = {"stored": sum(o.status == "coded" for o in outcomes), "documents": [vars(o) for o in outcomes]}
    return json_response(data, 422 if all(o.status == "error" for o in outcomes) else 200)


@router.get("/events", summary="Events, filtered and paged")
def list_events(f: EventFilter = Depends(event_filter), page: Page = Depends(paging), con=Depends(db)) -> Paged:
    """`items` are events in the coder's JSON shape plus `key`, `doc_key` and the
    `document`'s title, source and date; `total` counts every match."""
    return queries.events(con, f, page)


@router.get("/events/{key}", summary="One event with its evidence and mentions")
def get_event(key: str = Path(max_length=100), con=Depends(db)) -> dict[str, Any]:
    """The event, its document, the quotes it was said in, and `mentions`: every place
    in the document where its actors and recipients are named or referred to."""
    ev = queries.event(con, key)
    if ev is None:
        raise HTTPException(404, f"no event with key {key!r}")
    return ev


@router.get("/documents/{key}", summary="A document's text with all annotations")
def get_document(key: str = Path(max_length=100), con=Depends(db)) -> dict[str, Any]:
    doc = queries.document(con, key)
    if doc is None:
        raise HTTPException(404, f"no document with key {key!r}")
    return doc


@router.get("/actors", summary="Actors ranked by events")
def list_actors(q: str | None = Query(None, max_length=200, description="part of a code or name"),
                level: str = Query("country", pattern="^(country|code)$",
                                   description="country: AZE; code: country and sector, AZEGOV"),
                page: Page = Depends(paging), con=Depends(db)) -> Paged:
    return queries.actors(con, (q or "").strip() or None, level, page)


@router.get("/dyads/{a}/{b}", summary="Two actors' interactions over time")
def get_dyad(a: str, b: str, interval: str = Query("auto", description="auto, day, week or month"),
             direction: str = Query("both", pattern="^(both|ab|ba)$",
                                    description="both; ab: a acting on b; ba: b acting on a"),
             dates: DateRange = Depends(date_range), con=Depends(db)) -> dict[str, Any]:
    """`series`: per period, the number of events in total, per quad class
    (1 verbal cooperation … 4 material conflict) and per category, and the mean score.
    The events themselves: `GET /api/events?actor=A&recipient=B`."""
    a, b = check_code("a", a), check_code("b", b)
    where, params = queries.dyad_where(a, b, direction, dates.date_from, dates.date_to)
    return {"a": a, "b": b, "direction": direction, **queries.dyad(con, where, params, check_interval(interval))}


@router.get("/quotes", summary="Attributed quotes, filtered and paged")
def list_quotes(f: QuoteFilter = Depends(quote_filter), page: Page = Depends(paging), con=Depends(db)) -> Paged:
    return queries.quotes(con, f, page)


@router.get("/quantities", summary="Claimed figures, filtered and paged")
def list_quantities(f: QuantityFilter = Depends(quantity_filter), page: Page = Depends(paging),
                    con=Depends(db)) -> Paged:
    return queries.quantities(con, f, page)
