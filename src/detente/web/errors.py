"""The one JSON error shape of the API: {"error": {"status": int, "message": str}}.

HTTP errors (404 for an unknown route included), validation errors (422) and `DetenteError`
(400: a bad date, an unknown period) all answer in this shape, so a client reads one thing.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from detente.errors import DetenteError


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """The API's error body with this status.

    >>> error_response(404, "no such article").body
    b'{"error":{"status":404,"message":"no such article"}}'
    """
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status,
                        headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    """Answer HTTPException, validation errors and DetenteError with the one error shape."""

    async def http_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, HTTPException)
        message = str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":  # the router's: no such route
            message = f"no route {request.method} {request.url.path}; the API is listed at /docs"
        return error_response(exc.status_code, message, getattr(exc, "headers", None))

    async def validation_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        return error_response(422, "; ".join(_describe(error) for error in exc.errors()))

    async def detente_error(request: Request, exc: Exception) -> JSONResponse:
        return error_response(400, str(exc))

    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(DetenteError, detente_error)


def _describe(error: dict[str, object]) -> str:
    """'query.page_size: Input should be less than or equal to 500' from a pydantic error."""
    where = ".".join(str(part) for part in error.get("loc", ()))  # type: ignore[attr-defined]
    return f"{where}: {error.get('msg', 'invalid')}"
