"""What a route needs from the app: the open store, the coder, the write permission."""

from __future__ import annotations

import secrets
import threading

from fastapi import HTTPException, Request

from detente.model import Article
from detente.pipeline.coder import CodedArticle, Coder
from detente.store import Store


class Coding:
    """The event coder, loaded on first use (spaCy takes a moment), one request at a time.

    spaCy pipelines are not documented as thread-safe, so coding requests take turns.
    """

    def __init__(self, coder: Coder | None = None) -> None:
        self._coder = coder or Coder()
        self._lock = threading.Lock()

    def code(self, article: Article) -> CodedArticle:
        with self._lock:
            return self._coder.code_article(article)  # loads the pipeline on first call


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_coding(request: Request) -> Coding:
    return request.app.state.coding


def require_writer(request: Request) -> None:
    """403 when the server has no write token; 401 unless `Authorization: Bearer TOKEN` matches."""
    token: str | None = request.app.state.write_token
    if token is None:
        raise HTTPException(403, "ingest is disabled on this server; start it with "
                                 "`detente serve --write-token TOKEN` to allow POST /api/articles")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(401, "send the server's write token as `Authorization: Bearer TOKEN`",
                            headers={"WWW-Authenticate": "Bearer"})
