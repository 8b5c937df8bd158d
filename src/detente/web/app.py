"""`create_app`: the JSON API over one store, as a FastAPI application.

The app opens the store once, read-write (it may ingest), when it starts and closes it when it
stops: DuckDB lets one process hold the file, so this process is the store's only user while it
runs. Each request reads through its own cursor (`Store.reading()`), so requests run side by
side; writes are serialised by the store.

    >>> app = create_app("detente.duckdb")  # nothing opens until the app starts
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from detente.pipeline.coder import Coder
from detente.store import Store
from detente.web.deps import Coding
from detente.web.docs import install_docs
from detente.web.errors import error_response, install_error_handlers
from detente.web.pages import STATIC, install_page_errors
from detente.web.pages import router as pages
from detente.web.routes import router

MAX_BODY = 200_000  # bytes; larger request bodies get 413

# Scripts and styles only from this server: stored article text is hostile, so even markup that
# slipped through escaping could not run. Inline SVG is markup, not script, so charts still draw.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


def create_app(db: str | Path, write_token: str | None = None, *, coder: Coder | None = None,
               max_body: int = MAX_BODY) -> FastAPI:
    """The API over the store at `db`; `POST /api/articles` works only with a `write_token`.

    `coder` replaces the default Coder (your own actor dictionary, or one already loaded).
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        with Store.open(db) as store:
            app.state.store = store
            yield

    app = FastAPI(title="detente", version="1", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Political event data from news text: stored events, dyads, "
                              "actors, articles, the CAMEO codebook, and coding on request.")
    app.state.write_token = write_token or None
    app.state.coding = Coding(coder)
    install_error_handlers(app)
    install_page_errors(app)
    install_docs(app)
    app.include_router(router)
    app.include_router(pages)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(BodyLimit, max_body=max_body)
    app.add_middleware(SecurityHeaders)
    return app


class SecurityHeaders:
    """nosniff, no referrer, and the CSP on every answer but FastAPI's /docs and /redoc.

    Those two pages start Swagger UI / ReDoc with an inline script, which the CSP forbids; their
    bundles are served from this machine (web/docs.py).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = scope["path"] in ("/docs", "/redoc")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "no-referrer"
                if not docs:
                    headers["Content-Security-Policy"] = CSP
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuse request bodies over `max_body` bytes with 413, before the app reads them.

    The body is read here (up to the limit) and handed on, so a chunked upload without a
    Content-Length is limited too.
    """

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            await self._refuse(scope, receive, send)
            return
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.max_body:
                await self._refuse(scope, receive, send)
                return
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = error_response(413, f"request body over {self.max_body} bytes; send a shorter "
                                       "text, or ingest large files with `detente ingest`")
        await response(scope, receive, send)
