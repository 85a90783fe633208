"""The web application: JSON API and HTML pages over one DuckDB database.

``create_app(db_path, token=None)`` opens (creating or migrating) the database with the
store's ``connect`` and wires the routers.  Each request reads through its own cursor
of the one connection, so reads run side by side; writes go through
``service.store`` one at a time.

Safety, in one place:

- request bodies over ``MAX_BODY_BYTES`` are refused with 413 before they are read
  whole (by Content-Length, and by counting when the body is streamed);
- with a ``token``, every POST (it runs the coder, and may write) needs it, as
  ``Authorization: Bearer TOKEN``, header ``X-Dotterel-Token`` or the form's token
  field: missing is 401, wrong is 403.  ``dotterel serve`` refuses to listen on a
  non-loopback address without one;
- a POST whose ``Origin`` is another site is refused (403), so a web page elsewhere
  cannot make a browser store documents here;
- every response carries a Content-Security-Policy allowing only this server's own
  scripts and styles: even markup that escaped escaping could not run.
"""
from __future__ import annotations

import hmac
import json
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from fastapi import FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__

HERE = Path(__file__).resolve().parent
MAX_BODY_BYTES = 2 * 1024 * 1024
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]


class Guard:
    """ASGI middleware: body size limit (413) and security headers on every response."""

    def __init__(self, app, max_body: int = MAX_BODY_BYTES):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            return await self._refuse(send, length.decode("latin-1"))
        seen = 0
        started = refused = False

        async def counted():
            # a streamed body (no Content-Length) is counted as it arrives; past the limit the
            # 413 goes out at once and the app sees the client leave
            nonlocal seen, refused
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body and not refused:
                    refused = True
                    if not started:
                        await self._refuse(send, f"more than {self.max_body}")
                    return {"type": "http.disconnect"}
            return message

        async def secured(message):
            nonlocal started
            if refused:
                return
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        try:
            await self.app(scope, counted, secured)
        except Exception:
            if not refused:
                raise

    async def _refuse(self, send, size: str):
        detail = (f"request body is {size} bytes; the limit is {self.max_body} bytes "
                  f"({self.max_body // 1024 // 1024} MiB). Send fewer or shorter documents.")
        body = json.dumps({"detail": detail}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                *SECURITY_HEADERS]})
        await send({"type": "http.response.body", "body": body})


def wants_json(request: Request) -> bool:
    """API paths and ``?format=json`` twins answer in JSON; pages in HTML."""
    path = request.url.path
    return (path.startswith("/api/") or path == "/openapi.json" or request.query_params.get("format") == "json"
            or request.method == "POST" and "json" in request.headers.get("content-type", ""))


def check_write(request: Request, supplied: str | None = None) -> None:
    """Refuse a POST from another site, or without the token when the app has one."""
    origin = request.headers.get("origin")
    if origin and origin != "null":
        host = request.headers.get("host", "")
        if urlsplit(origin).netloc != host:
            raise HTTPException(403, f"cross-site request from {origin} refused")
    token = request.app.state.token
    if not token:
        return
    auth = request.headers.get("authorization", "")
    given = supplied or request.headers.get("x-dotterel-token") or (auth[7:] if auth.lower().startswith("bearer ")
                                                                     else None)
    if not given:
        raise HTTPException(401, "this server needs a token to code or store documents: send "
                                 "'Authorization: Bearer TOKEN' (or fill in the token field)",
                            headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(403, "wrong token")


def templates() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.globals["version"] = __version__
    return env


def _detail(exc: Exception) -> str:
    if isinstance(exc, RequestValidationError):
        parts = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "body", "path"))
            parts.append(f"{where or 'request'}: {err.get('msg')}")
        return "; ".join(parts)
    return str(getattr(exc, "detail", exc))


def create_app(db_path: str | Path, token: str | None = None) -> FastAPI:
    """The app over the database at ``db_path`` (created when missing). With ``token``,
    POST requests must carry it."""
    from ..store.schema import connect
    from . import api, pages

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        app.state.con.close()

    app = FastAPI(title="dotterel", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Political event data from news text: PLOVER events, attributed quotes and "
                              "claimed figures. Read endpoints are open; POST endpoints need the server's "
                              "token when it was started with one.")
    app.state.db_path = str(db_path)
    app.state.con = connect(db_path)
    app.state.token = token or None
    app.state.env = templates()
    app.add_middleware(Guard)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    async def on_error(request: Request, exc: Exception):
        status = getattr(exc, "status_code", 422)
        detail = _detail(exc)
        headers = getattr(exc, "headers", None)
        if wants_json(request):
            return JSONResponse({"detail": detail}, status_code=status, headers=headers)
        html = app.state.env.get_template("error.html").render(status=status, detail=detail, token=bool(token))
        return HTMLResponse(html, status_code=status, headers=headers)

    app.add_exception_handler(StarletteHTTPException, on_error)
    app.add_exception_handler(RequestValidationError, on_error)

    return app


def json_response(data, status: int = 200) -> JSONResponse:
    return JSONResponse(jsonable_encoder(data), status_code=status)
