"""The /api routes: each parses its input, calls one library function, returns JSON."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Response
from pydantic import BaseModel, Field

from detente.analysis import dyad_series, event_places, top_actors, top_dyads
from detente.codebook import QUAD_CLASS_NAMES, load_codebook
from detente.model import Article, text_id
from detente.store import Store
from detente.web.deps import Coding, get_coding, get_store, require_writer
from detente.web.queries import article_events, event_page

router = APIRouter(prefix="/api")

StoreDep = Annotated[Store, Depends(get_store)]
CodingDep = Annotated[Coding, Depends(get_coding)]
Since = Annotated[str | None, Query(description="Events on or after YYYY[-MM[-DD]].")]
Until = Annotated[str | None, Query(description="Events on or before YYYY[-MM[-DD]].")]
Top = Annotated[int, Query(ge=1, le=1000, description="How many rows.")]
ActorQ = Annotated[str | None, Query(description="Source or target code prefix: CHN, CHNGOV.")]
CountryQ = Annotated[str | None, Query(description="Source or target country: PHL.")]
CodeQ = Annotated[str | None, Query(description="CAMEO code prefix: 19, 1312.")]
QuadQ = Annotated[int | None, Query(ge=1, le=4, description="1 verbal cooperation, 2 material "
                                    "cooperation, 3 verbal conflict, 4 material conflict.")]


class TextIn(BaseModel):
    text: str = Field(min_length=1, description="News text, as plain text.")
    date: dt.date | None = Field(None, description="Publication date, YYYY-MM-DD.")


class ArticleIn(TextIn):
    id: str | None = Field(None, description="Your id for the article (default: its text id).")
    title: str = ""
    url: str = ""


@router.get("/events")
def events(
    store: StoreDep,
    actor: ActorQ = None,
    country: CountryQ = None,
    code: CodeQ = None,
    quad_class: QuadQ = None,
    since: Since = None,
    until: Until = None,
    q: Annotated[str | None, Query(description="Text the sentence contains (any case).")] = None,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=500)] = 50,
) -> dict[str, Any]:
    """Stored events, filtered, a page at a time, in date order."""
    items, total = event_page(store, page, page_size, quad_class=quad_class, q=q, since=since,
                              until=until, actor=actor, country=country, code=code)
    return {"items": items, "page": page, "page_size": page_size, "total": total}


@router.get("/dyads")
def dyads(store: StoreDep, top: Top = 20, since: Since = None,
          by: Literal["events", "conflict"] = "events") -> dict[str, Any]:
    """The most active actor pairs (either direction), or the most conflictual (`by=conflict`)."""
    return {"items": [row.as_dict() for row in top_dyads(store, top=top, since=since, by=by)]}


@router.get("/dyads/{a}/{b}/series")
def dyad(store: StoreDep, a: str, b: str, by: Literal["day", "week", "month", "year"] = "month",
         since: Since = None, until: Until = None) -> dict[str, Any]:
    """Events between A and B per period: a->b, b->a and both, by quad class, with Goldstein."""
    series = dyad_series(store, a, b, by=by, since=since, until=until)
    return {"items": [row.as_dict() for row in series]}


@router.get("/actors")
def actors(store: StoreDep, top: Top = 20, since: Since = None) -> dict[str, Any]:
    """The most active actors (as source or target), with event counts and mean Goldstein."""
    return {"items": [row.as_dict() for row in top_actors(store, top=top, since=since)]}


@router.get("/places")
def places(
    store: StoreDep,
    top: Annotated[int, Query(ge=1, le=5000, description="How many places.")] = 500,
    actor: ActorQ = None,
    country: CountryQ = None,
    code: CodeQ = None,
    quad_class: QuadQ = None,
    since: Since = None,
    until: Until = None,
) -> dict[str, Any]:
    """Where events happened: each place (name, country, feature, lat, lon) with its events by
    quad class and mean Goldstein, busiest first; events without a location are left out."""
    rows = event_places(store, top=top, since=since, until=until, actor=actor, country=country,
                        code=code, quad_class=quad_class)
    return {"items": [row.as_dict() for row in rows]}


@router.get("/articles/{text_id}")
def article(store: StoreDep, text_id: str) -> dict[str, Any]:
    """A stored article's text with its events; each event's `offsets` index into `text`."""
    found = store.article(text_id)
    if found is None:
        raise HTTPException(404, f"no stored article with text id {text_id!r}; an event's "
                                 "`text_id` names its article")
    return {**found, "events": article_events(store, text_id)}


@router.get("/codebook")
def codebook(q: Annotated[str | None, Query(description="A code prefix (13) or words.")] = None,
             ) -> dict[str, Any]:
    """CAMEO codes with Goldstein value, quad class and PLOVER type; all of them without `q`."""
    book = load_codebook()
    rows = book.search(q) if q else list(book)
    return {"items": [{"code": c.code, "label": c.label, "goldstein": c.goldstein,
                       "quad_class": c.quad_class, "quad_class_name": QUAD_CLASS_NAMES[c.quad_class],
                       "plover_event": c.plover_event, "plover_mode": c.plover_mode} for c in rows]}


@router.post("/code")
def code(body: TextIn, coding: CodingDep) -> dict[str, Any]:
    """Code a text into events without storing anything."""
    coded = coding.code(Article(id="text", text=body.text, date=body.date))
    return {"events": [event.to_record() for event in coded.events]}


@router.post("/articles", status_code=201, dependencies=[Depends(require_writer)])
def add_article(body: ArticleIn, store: StoreDep, coding: CodingDep,
                response: Response) -> dict[str, Any]:
    """Code and store an article (needs the write token); 200 if its text was stored already."""
    key = text_id(body.text)
    if store.has_text(key):
        response.status_code = 200
        return {"text_id": key, "duplicate": True, "events": 0}
    article = Article(id=body.id or key, text=body.text, date=body.date, title=body.title,
                      url=body.url, origin="api")
    coded = coding.code(article)
    added = store.add(article, coded.events)
    if added.duplicate:  # stored by another request meanwhile
        response.status_code = 200
    else:
        store.refresh_groups()
    return {"text_id": added.text_id, "duplicate": added.duplicate, "events": added.events}
