"""The HTML dashboard: server-rendered pages over the same reads as the JSON API.

Each route parses its query, calls the library (`analysis`, `web.queries`), and renders a
Jinja2 template with autoescaping on for every template: stored text is hostile input. Charts
are inline SVG from `charts.py`; the only script is static/dashboard.js, and every page works
without it. Bad input answers with an HTML error page (400/404), not the API's JSON.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import parse_qs, quote, urlencode

import jinja2
from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from starlette.exceptions import HTTPException

from detente.analysis import (
    PERIODS,
    activity_series,
    actor_partners,
    dyad_series,
    event_places,
    top_actors,
    top_dyads,
)
from detente.codebook import QUAD_CLASS_NAMES
from detente.errors import DetenteError
from detente.model import Article
from detente.store import Store
from detente.web import charts, maps
from detente.web.deps import Coding, get_coding, get_store
from detente.web.highlight import highlight, mark_trigger
from detente.web.queries import article_events, latest_events

STATIC = Path(__file__).parent / "static"
PAGE_SIZE = 50
MAP_PLACES = 500  # the busiest places drawn on the map
TREND_MONTHS = 24  # the overview shows the latest two years that have events
QUADS = {1: "q1", 2: "q2", 3: "q3", 4: "q4"}  # CSS class of each quad class, the same everywhere
_PERIOD_FORMS = {"day": r"\d{4}-\d{2}-\d{2}", "week": r"\d{4}-W\d{2}", "month": r"\d{4}-\d{2}",
                 "year": r"\d{4}"}
_PAGE_PATHS = re.compile(r"/(?:events|map|dyads/.*|actors/.*|articles/.*|code)?/?")

router = APIRouter(include_in_schema=False)
StoreDep = Annotated[Store, Depends(get_store)]
Text = Annotated[str | None, Query()]


@functools.cache
def templates() -> jinja2.Environment:
    """The page templates; autoescape is on for every one, whatever its file name."""
    env = jinja2.Environment(loader=jinja2.PackageLoader("detente.web", "templates"),
                             autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["seg"] = lambda value: quote(str(value), safe="")  # one URL path segment
    env.filters["signed"] = lambda value: "" if value is None else f"{value:+.1f}"
    env.filters["mark_trigger"] = mark_trigger
    env.filters["web_url"] = _web_url
    env.globals.update(quad_names=QUAD_CLASS_NAMES, quads=QUADS)
    return env


def render(template: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(templates().get_template(template).render(**context), status_code=status)


@router.get("/")
def overview(store: StoreDep) -> HTMLResponse:
    counts = store.counts()
    trend = activity_series(store, by="month")
    by_period = {row.period: row for row in trend}
    labels = _fill("month", [row.period for row in trend])[-TREND_MONTHS:]
    while labels and labels[0] not in by_period:  # start the window at its first busy month
        labels.pop(0)
    chart = charts.bar_chart(labels, [charts.Series(QUAD_CLASS_NAMES[q], QUADS[q], [
        getattr(by_period[p], f"quad{q}") if p in by_period else 0 for p in labels]) for q in QUADS],
        title="Events per month by quad class", x_label="month", links=[_query("/events", since=p, until=p)
                                                       for p in labels]) if labels else None
    recent, _ = latest_events(store, 1, 12)
    return render("overview.html", counts=counts, chart=chart, recent=recent,
                  dyads=top_dyads(store, top=10), conflict=top_dyads(store, top=10, by="conflict"),
                  actors=top_actors(store, top=12), form={})


@router.get("/events")
def events(store: StoreDep, actor: Text = None, country: Text = None, code: Text = None,
           quad_class: Text = None, since: Text = None, until: Text = None, q: Text = None,
           place: Text = None, page: Text = None) -> HTMLResponse:
    form = {"actor": _upper(actor), "country": _upper(country), "code": _blank(code),
            "quad_class": _blank(quad_class), "since": _blank(since), "until": _blank(until),
            "q": _blank(q), "place": _blank(place)}
    number = _page(page)
    quad = _quad(form["quad_class"])
    items, total = latest_events(store, number, PAGE_SIZE, quad_class=quad, q=form["q"],
                                 actor=form["actor"], country=form["country"], code=form["code"],
                                 since=form["since"], until=form["until"], place=form["place"])
    return render("events.html", form=form, events=items, total=total,
                  pages=_pager("/events", number, total, form))


@router.get("/map")
def map_page(store: StoreDep, actor: Text = None, country: Text = None, code: Text = None,
              quad_class: Text = None, since: Text = None, until: Text = None) -> HTMLResponse:
    """Where the filtered events happened: a point per place, and the places ranked."""
    form = {"actor": _upper(actor), "country": _upper(country), "code": _blank(code),
            "quad_class": _blank(quad_class), "since": _blank(since), "until": _blank(until)}
    places = event_places(store, top=MAP_PLACES, quad_class=_quad(form["quad_class"]),
                          actor=form["actor"], country=form["country"], code=form["code"],
                          since=form["since"], until=form["until"])
    link = lambda place: _query("/events", **form, place=place.name)  # noqa: E731
    return render("map.html", form=form, places=places, links=[link(p) for p in places],
                  svg=maps.world_map(places, link), dominant=maps.dominant_quad)


@router.get("/dyads/{a}/{b}")
def dyad(store: StoreDep, a: str, b: str, by: Text = None, period: Text = None,
         metric: Text = None, page: Text = None) -> HTMLResponse:
    a, b = a.strip().upper(), b.strip().upper()
    by = _blank(by) or "month"
    metric = _blank(metric) or "sum"
    if by not in PERIODS:
        raise HTTPException(400, f"by: {by!r} is not a period; use day, week, month or year")
    if metric not in ("sum", "mean"):
        raise HTTPException(400, f"metric: {metric!r} is not a Goldstein measure; use sum or mean")
    rows = dyad_series(store, a, b, by=by)
    labels = _fill(by, sorted({row.period for row in rows}))
    cells = {(row.period, row.direction): row for row in rows}
    links = [_query(f"/dyads/{quote(a, safe='')}/{quote(b, safe='')}", by=by, metric=metric, period=p)
             + "#events" for p in labels]
    selected = _blank(period)
    bounds = _period_bounds(by, selected) if selected else None
    number = _page(page)
    since, until = bounds or (None, None)
    items, total = latest_events(store, number, PAGE_SIZE, dyad=(a, b), since=since, until=until,
                                 min_precision=PERIODS[by][0] if bounds else 0)
    both = [cells.get((p, "both")) for p in labels]
    return render(
        "dyad.html", a=a, b=b, by=by, metric=metric, period=selected, events=items, total=total,
        periods=list(PERIODS), rows=[row for row in both if row is not None],
        totals=_dyad_totals(rows), pages=_pager(f"/dyads/{quote(a, safe='')}/{quote(b, safe='')}",
                                                number, total, {"by": by, "metric": metric,
                                                                "period": selected}, "#events"),
        quad_chart=charts.bar_chart(labels, [charts.Series(QUAD_CLASS_NAMES[q], QUADS[q], [
            getattr(row, f"quad{q}") if row else 0 for row in both]) for q in QUADS],
            title=f"{a}–{b} events per {by} by quad class", x_label=by, links=links, selected=selected)
        if labels else None,
        goldstein_chart=charts.line_chart(labels, [charts.Series(name, css, [
            _goldstein(cells.get((p, direction)), metric) for p in labels])
            for name, css, direction in ((f"{a} → {b}", "ab", "a->b"), (f"{b} → {a}", "ba", "b->a"))],
            title=f"Goldstein {metric} per {by}", y_label=f"Goldstein {metric}", x_label=by, links=links,
            selected=selected) if labels else None)


@router.get("/actors/{code}")
def actor(store: StoreDep, code: str, page: Text = None) -> HTMLResponse:
    code = code.strip().upper()
    partners = actor_partners(store, code, top=20)
    number = _page(page)
    items, total = latest_events(store, number, PAGE_SIZE, actor=code)
    bars = [charts.Balance(
        label=p.partner, href=f"/dyads/{quote(code, safe='')}/{quote(p.partner, safe='')}",
        conflict=[("q3", QUAD_CLASS_NAMES[3], p.quad3), ("q4", QUAD_CLASS_NAMES[4], p.quad4)],
        cooperation=[("q1", QUAD_CLASS_NAMES[1], p.quad1), ("q2", QUAD_CLASS_NAMES[2], p.quad2)],
        note=f"{p.goldstein_sum:+.1f}") for p in partners]
    chart = charts.balance_chart(bars, title=f"{code}: cooperation and conflict with each partner") \
        if bars else None
    return render("actor.html", code=code, partners=partners, chart=chart, events=items, total=total,
                  pages=_pager(f"/actors/{quote(code, safe='')}", number, total, {}, "#events"))


@router.get("/articles/{text_id}")
def article(store: StoreDep, text_id: str) -> HTMLResponse:
    found = store.article(text_id)
    if found is None:
        raise HTTPException(404, f"no stored article with text id {text_id!r}; the event tables "
                                 "link to each event's article")
    stored = article_events(store, text_id)
    return render("article.html", article=found, events=stored,
                  text=highlight(str(found["text"]), stored))


@router.get("/code")
def code_form() -> HTMLResponse:
    return render("code.html", text="", date="", events=None, marked=None, error=None)


@router.post("/code")
async def code_text(request: Request, coding: Annotated[Coding, Depends(get_coding)]) -> HTMLResponse:
    """Code the posted text and show it highlighted; nothing is stored.

    The form is read as plain URL-encoded fields (stdlib), under the app's body limit.
    """
    fields = parse_qs((await request.body()).decode("utf-8", errors="replace"), max_num_fields=5)
    text = fields.get("text", [""])[0].replace("\r\n", "\n")
    date = fields.get("date", [""])[0].strip()
    try:
        when = dt.date.fromisoformat(date) if date else None
    except ValueError:
        return render("code.html", 400, text=text, date=date, events=None, marked=None,
                      error=f"date: {date!r} is not a date; use YYYY-MM-DD or leave it empty")
    if not text.strip():
        return render("code.html", 400, text=text, date=date, events=None, marked=None,
                      error="paste some news text to code")
    coded = await run_in_threadpool(coding.code, Article(id="text", text=text, date=when))
    records = [event.to_record() for event in coded.events]
    return render("code.html", text=text, date=date, events=records, marked=highlight(text, records),
                  error=None)


# -- errors as pages -----------------------------------------------------------------------------

def install_page_errors(app: FastAPI) -> None:
    """Answer errors on page routes with an HTML page; the API keeps its JSON errors.

    A request is a page request when its path is a page route, or when a browser asks for HTML
    (Accept: text/html) outside /api. A parameter of the wrong type is a 400 on a page.
    """
    for kind in (HTTPException, RequestValidationError, DetenteError):
        app.add_exception_handler(kind, _page_or_json(app.exception_handlers[kind]))


def _page_or_json(json_handler: Callable[[Request, Any], Awaitable[Response] | Response]
                  ) -> Callable[[Request, Exception], Awaitable[Response]]:
    async def handle(request: Request, exc: Exception) -> Response:
        if not _is_page(request):
            answer = json_handler(request, exc)
            return await answer if isinstance(answer, Awaitable) else answer
        status, message = 400, str(exc)
        if isinstance(exc, HTTPException):
            status, message = exc.status_code, str(exc.detail)
            if status == 404 and message == "Not Found":
                message = f"there is no page at {request.url.path}"
        elif isinstance(exc, RequestValidationError):
            message = "; ".join(f"{'.'.join(map(str, e.get('loc', ())))}: {e.get('msg')}"
                                for e in exc.errors())
        return render("error.html", status, code=status, message=message)

    return handle


def _is_page(request: Request) -> bool:
    path = request.url.path
    if path.startswith(("/api/", "/static/", "/docs", "/redoc", "/openapi")):
        return False
    return bool(_PAGE_PATHS.fullmatch(path)) or "text/html" in request.headers.get("accept", "")


# -- small helpers -------------------------------------------------------------------------------

def _blank(value: str | None) -> str | None:
    """Form fields arrive as "" when left empty: that means no filter."""
    return value.strip() if value and value.strip() else None


def _upper(value: str | None) -> str | None:
    found = _blank(value)
    return found.upper() if found else None


def _page(value: str | None) -> int:
    found = _blank(value) or "1"
    if not found.isdigit() or not 1 <= int(found) <= 1_000_000:
        raise HTTPException(400, f"page: {value!r} is not a page number; use 1 or more")
    return int(found)


def _quad(value: str | None) -> int | None:
    if value is None:
        return None
    if value not in ("1", "2", "3", "4"):
        raise HTTPException(400, f"quad_class: {value!r} is not a quad class; use 1 to 4")
    return int(value)


def _query(path: str, **params: str | int | None) -> str:
    """`path?name=value...` with the empty parameters left out."""
    kept = {name: value for name, value in params.items() if value not in (None, "")}
    return f"{path}?{urlencode(kept)}" if kept else path


def _pager(path: str, page: int, total: int, params: dict[str, Any], anchor: str = "") -> dict[str, Any]:
    pages = max(1, -(-total // PAGE_SIZE))
    link = lambda n: _query(path, **params, page=n if n > 1 else None) + anchor  # noqa: E731
    return {"page": page, "pages": pages, "first": (page - 1) * PAGE_SIZE + 1,
            "last": min(page * PAGE_SIZE, total), "total": total,
            "previous": link(page - 1) if page > 1 else None,
            "next": link(page + 1) if page < pages else None}


def _fill(by: str, periods: list[str]) -> list[str]:
    """Months and years between the first and the last, so a chart's gaps show as gaps."""
    if len(periods) < 2 or by not in ("month", "year"):
        return periods
    if by == "year":
        return [str(year) for year in range(int(periods[0]), int(periods[-1]) + 1)]
    (y0, m0), (y1, m1) = ((int(p[:4]), int(p[5:7])) for p in (periods[0], periods[-1]))
    return [f"{n // 12:04d}-{n % 12 + 1:02d}" for n in range(y0 * 12 + m0 - 1, y1 * 12 + m1)]


def _period_bounds(by: str, period: str) -> tuple[str, str]:
    """The first and last day of a chart period ("2025-W20" is Monday to Sunday)."""
    if not re.fullmatch(_PERIOD_FORMS[by], period):
        raise HTTPException(400, f"period: {period!r} is not a {by}; the chart links give "
                                 f"periods like {_example(by)}")
    if by != "week":
        return period, period
    try:
        monday = dt.date.fromisocalendar(int(period[:4]), int(period[6:]), 1)
    except ValueError:
        raise HTTPException(400, f"period: {period!r} is not a week of that year") from None
    return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()


def _example(by: str) -> str:
    return {"day": "2025-05-14", "week": "2025-W20", "month": "2025-05", "year": "2025"}[by]


def _goldstein(row: Any, metric: str) -> float | None:
    """A period without events sums to 0 but has no mean."""
    if row is None or not row.events:
        return 0.0 if metric == "sum" else None
    return row.goldstein_sum if metric == "sum" else row.goldstein_mean


def _dyad_totals(rows: list[Any]) -> dict[str, dict[str, float]]:
    totals: dict[str, dict[str, float]] = {}
    for row in rows:
        cell = totals.setdefault(row.direction, {"events": 0, "goldstein": 0.0})
        cell["events"] += row.events
        cell["goldstein"] += row.goldstein_sum
    return totals


def _web_url(value: object) -> str | None:
    """The article's URL when it is a web address; anything else (javascript:...) is not linked."""
    url = str(value or "")
    return url if re.match(r"https?://", url, re.IGNORECASE) else None


__all__ = ["STATIC", "install_page_errors", "router"]
