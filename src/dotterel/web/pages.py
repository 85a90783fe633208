"""The HTML pages.  Each GET page has a JSON twin: the same URL with ``?format=json``
returns the data the page shows (charts and markup aside).

Pages: dashboard ``/``, event explorer ``/events``, document view ``/documents/{key}``,
dyad view ``/dyads/{a}/{b}``, actors ``/actors`` and ``/actors/{code}``, "Code an
article" ``/code``, and the API reference ``/docs``.
"""
from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ..errors import InputError
from ..model import Document
from . import annotate, charts, queries, service
from .api import db
from .app import MAX_BODY_BYTES, check_write, json_response
from .filters import (DateRange, EventFilter, Page, QuoteFilter, check_code, check_interval, date_range,
                      event_filter, paging, parse_day)
from .service import MAX_DOCUMENTS, MAX_TEXT_CHARS

router = APIRouter(include_in_schema=False)

QUAD_NAMES = charts.QUADS


def _render(request: Request, template: str, data: dict, status: int = 200, **extra: Any):
    """The page, or its data as JSON for ``?format=json``."""
    if request.query_params.get("format") == "json":
        return json_response(data, status)

    def link(**changes) -> str:
        params = dict(request.query_params)
        params.update(changes)
        return "?" + urlencode({k: v for k, v in params.items() if v not in (None, "")})

    env = request.app.state.env
    html = env.get_template(template).render(data=data, link=link, path=request.url.path, quads=QUAD_NAMES,
                                             needs_token=bool(request.app.state.token), **extra)
    return HTMLResponse(html, status_code=status)


# ---------------------------------------------------------------- dashboard
@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request, interval: str = Query("auto"), con=Depends(db)):
    interval, series = queries.timeline(con, queries.LIVE, {}, check_interval(interval))
    data = {"totals": queries.totals(con),
            "latest_events": queries.events(con, EventFilter(), Page(1, 10))["items"],
            "top_dyads": queries.top_dyads(con, 10),
            "latest_documents": queries.latest_documents(con, 8),
            "timeline": {"interval": interval, "series": series}}
    chart = charts.timeline(series, interval, f"All events per {interval}: counts by quad class and mean score")
    return _render(request, "dashboard.html", data, chart=chart)


# ---------------------------------------------------------------- events
@router.get("/events", response_class=HTMLResponse)
def events(request: Request, f: EventFilter = Depends(event_filter), page: Page = Depends(paging), con=Depends(db)):
    data = queries.events(con, f, page)
    data["filter"] = f.query()
    return _render(request, "events.html", data, f=f)


@router.get("/events/{key}", response_class=HTMLResponse)
def event(request: Request, key: str = Path(max_length=100), con=Depends(db)):
    """An event is shown in its document: this redirects there (JSON twin: the event)."""
    ev = queries.event(con, key)
    if ev is None:
        raise HTTPException(404, f"no event with key {key!r}")
    if request.query_params.get("format") == "json":
        return json_response(ev)
    return RedirectResponse(f"/documents/{ev['doc_key']}#{ev['key']}", status_code=303)


# ---------------------------------------------------------------- documents
def _annotated(doc: dict) -> dict:
    notes = annotate.annotations(doc)
    return {"segments": annotate.segments(doc["text"], notes),
            "notes": {a.id: {"label": a.label, **a.data} for a in notes}}


@router.get("/documents/{key}", response_class=HTMLResponse)
def document(request: Request, key: str = Path(max_length=100), con=Depends(db)):
    doc = queries.document(con, key)
    if doc is None:
        raise HTTPException(404, f"no document with key {key!r}")
    original = None
    if doc["duplicate_of"]:
        original = queries.document(con, doc["duplicate_of"])
    return _render(request, "document.html", doc, original=original, **_annotated(doc))


# ---------------------------------------------------------------- dyads
@router.get("/dyads", response_class=HTMLResponse)
def dyad_form(a: str = Query(..., max_length=12), b: str = Query(..., max_length=12)):
    return RedirectResponse(f"/dyads/{check_code('a', a)}/{check_code('b', b)}", status_code=303)


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
def dyad(request: Request, a: str, b: str, interval: str = Query("auto"),
         direction: str = Query("both", pattern="^(both|ab|ba)$"), dates: DateRange = Depends(date_range),
         con=Depends(db)):
    a, b = check_code("a", a), check_code("b", b)
    where, params = queries.dyad_where(a, b, direction, dates.date_from, dates.date_to)
    data = {"a": a, "b": b, "direction": direction, **queries.dyad(con, where, params, check_interval(interval))}
    data["latest_events"] = queries.dyad_events(con, where, params, 50)
    data["quotes"] = queries.dyad_quotes(con, a, b, where, params, 30)
    arrow = {"ab": f"{a} → {b}", "ba": f"{b} → {a}"}.get(direction, f"{a} ↔ {b}")
    chart = charts.timeline(data["series"], data["interval"],
                            f"{arrow}: events per {data['interval']} by quad class and mean score")
    return _render(request, "dyad.html", data, chart=chart, arrow=arrow)


# ---------------------------------------------------------------- actors
@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, q: str | None = Query(None, max_length=200),
           level: str = Query("country", pattern="^(country|code)$"), page: Page = Depends(paging), con=Depends(db)):
    data = queries.actors(con, (q or "").strip() or None, level, page)
    return _render(request, "actors.html", data, q=q or "", level=level)


@router.get("/actors/{code}", response_class=HTMLResponse)
def actor(request: Request, code: str, con=Depends(db)):
    code = check_code("code", code)
    summary = queries.actor(con, code)
    if summary is None:
        raise HTTPException(404, f"no events with actor {code}")
    data = {**summary, "acts_on": queries.partners(con, code, "actor"),
            "acted_on_by": queries.partners(con, code, "recipient"),
            "quotes": queries.quotes(con, QuoteFilter(speaker=code), Page(1, 20))["items"],
            "latest_events": queries.actor_events(con, code, 20)}
    merged: dict[str, dict] = {}
    for p in data["acts_on"] + data["acted_on_by"]:
        m = merged.setdefault(p["code"], {"code": p["code"], "name": p["name"], "events": 0, "_s": 0.0, "_n": 0})
        m["events"] += p["events"]
        if p["mean_score"] is not None:
            m["_s"] += p["mean_score"] * p["events"]
            m["_n"] += p["events"]
    ranked = sorted(merged.values(), key=lambda m: -m["events"])[:14]
    for m in ranked:
        m["mean_score"] = m["_s"] / m["_n"] if m["_n"] else None
    chart = charts.network(code, [m for m in ranked if m["code"] != code],
                           f"{code} and the actors it interacts with")
    return _render(request, "actor.html", data, chart=chart)


# ---------------------------------------------------------------- code an article
LIMITS = {"max_text_chars": MAX_TEXT_CHARS, "max_documents_per_request": MAX_DOCUMENTS,
          "max_body_bytes": MAX_BODY_BYTES}


@router.get("/code", response_class=HTMLResponse)
def code_form(request: Request):
    data = {"fields": ["text", "published", "title", "source", "url"], "limits": LIMITS,
            "api": {"code": "POST /api/code", "store": "POST /api/documents"}}
    return _render(request, "code.html", data, form={}, result=None, error=None)


@router.post("/code", response_class=HTMLResponse)
def code_submit(request: Request, text: str = Form(""),
                published: str = Form("", max_length=40), title: str = Form("", max_length=1000),
                source: str = Form("", max_length=200), url: str = Form("", max_length=2000),
                token: str = Form("", max_length=200), action: str = Form("preview", pattern="^(preview|store)$"),
                con=Depends(db)):
    check_write(request, token or None)
    form = {"text": text, "published": published, "title": title, "source": source, "url": url}
    data = {"limits": LIMITS}
    try:
        parse_day("published", published)
    except HTTPException as e:
        return _render(request, "code.html", data, 422, form=form, result=None, error=e.detail)
    doc = Document(text=text, title=title or None, source=source or None, url=url or None,
                   published=published or None)
    if action == "store":
        outcome = service.store(con, [doc])[0]
        if outcome.status == "error":
            return _render(request, "code.html", data, 422, form=form, result=None, error=outcome.error)
        if outcome.status == "skipped":
            return _render(request, "code.html", data, 200, form=form, result=None,
                           error=f"stored but not coded: {outcome.error}")
        return RedirectResponse(f"/documents/{outcome.key}?stored={outcome.status}", status_code=303)
    try:
        result = service.code(doc)
    except InputError as e:
        return _render(request, "code.html", data, 422, form=form, result=None, error=str(e))
    shown = result.to_dict(include_text=True)
    shown["entities"] = [e.to_dict() for e in result.entities]
    return _render(request, "code.html", {**data, "result": shown}, form=form, result=shown, error=None,
                   **_annotated(shown))


# ---------------------------------------------------------------- API reference
@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request):
    """The OpenAPI schema as a page, drawn here: no Swagger UI from a CDN."""
    spec = request.app.openapi()
    ops = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            body = (op.get("requestBody") or {}).get("content", {})
            ops.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "description": op.get("description", ""), "parameters": op.get("parameters", []),
                        "body": next(iter(body.values()), {}).get("schema") if body else None,
                        "responses": op.get("responses", {})})
    if request.query_params.get("format") == "json":
        return json_response(spec)
    return _render(request, "docs.html", {}, spec=spec, ops=ops, schemas=spec.get("components", {}).get("schemas", {}))
