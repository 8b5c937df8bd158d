"""Read-only aggregates over the store: a dyad's series over time, the most active actors and pairs.

Every function takes an open `Store`, reads inside its READ ONLY transaction with bound
parameters, and returns a list of frozen records; each has `as_dict()`, so
`pandas.DataFrame([r.as_dict() for r in rows])` gives a table.

    >>> from detente.store import Store
    >>> with Store.open(":memory:") as store:
    ...     dyad_series(store, "CHN", "PHL"), top_actors(store), top_dyads(store)
    ([], [], [])
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from detente.errors import InputError
from detente.store import Store
from detente.store.reader import event_filter

# An event's date is "YYYY", "YYYY-MM" or "YYYY-MM-DD": a period takes only events whose date
# is at least as precise as the period (length of the date string), labelled so that labels sort.
PERIODS = {
    "day": (10, "date"),
    "week": (10, "strftime(try_cast(date AS DATE), '%G-W%V')"),
    "month": (7, "substr(date, 1, 7)"),
    "year": (4, "substr(date, 1, 4)"),
}
DIRECTIONS = ("a->b", "b->a", "both")
TOP_CODES = 3

# An actor argument matches an actor code prefix ("CHN": CHN, CHNGOV) or a country code.
_SIDE = "(starts_with({column}, ?) OR {column}_country = ?)"


@dataclass(frozen=True, slots=True)
class DyadPeriod:
    """The events between `a` and `b` in one period and direction ("a->b", "b->a" or "both")."""

    a: str
    b: str
    period: str
    direction: str
    events: int
    quad1: int  # verbal cooperation
    quad2: int  # material cooperation
    quad3: int  # verbal conflict
    quad4: int  # material conflict
    goldstein_sum: float
    goldstein_mean: float | None  # None when the direction has no events in the period
    top_codes: tuple[tuple[str, int], ...]  # up to 3 (CAMEO code, events), most frequent first

    def as_dict(self) -> dict[str, Any]:
        # dataclasses.asdict deep-copies; the fields are immutable, and a series by day has
        # thousands of rows, where asdict cost more than the query
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class ActorActivity:
    """An actor code with the events it takes part in (as source, target or both)."""

    actor: str
    events: int
    as_source: int
    as_target: int
    goldstein_mean: float | None

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class DyadActivity:
    """An unordered pair of actor codes (`a` < `b`) with its events in both directions."""

    a: str
    b: str
    events: int
    a_to_b: int
    b_to_a: int
    goldstein_sum: float
    goldstein_mean: float | None

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def dyad_series(store: Store, a: str, b: str, by: str = "month", since: dt.date | str | None = None,
                until: dt.date | str | None = None) -> list[DyadPeriod]:
    """Events between A and B per period, three rows per period: a->b, b->a and both.

    `a`/`b` are actor code prefixes or country codes ("CHN" matches CHN, CHNGOV and any actor
    of country CHN). `by` is day, week (ISO, "2025-W20"), month or year; an event whose date is
    less precise than the period ("2002" by month) is left out. An event that matches both
    ways (A and B overlap) counts as a->b.
    """
    a, b = _actor_arg("a", a), _actor_arg("b", b)
    if by not in PERIODS:
        raise InputError(f"by: {by!r} is not a period; use one of {', '.join(PERIODS)}")
    precision, period = PERIODS[by]
    pair = f"({_SIDE.format(column='source')} AND {_SIDE.format(column='target')})"
    clauses = [f"({pair} OR {pair})", "length(date) >= ?"]
    params: list[object] = [a, a, b, b, b, b, a, a, precision]
    dates, date_params = event_filter(since=since, until=until)
    if dates:
        clauses.append(dates.removeprefix("WHERE "))
    query = _SERIES.format(period=period, pair=pair, where=" AND ".join(clauses), top=TOP_CODES)
    with store.reading() as cur:
        rows = cur.execute(query, [a, a, b, b, *params, *date_params]).fetchall()
    return _series_rows(a, b, rows)


# The whole series is aggregated in DuckDB (per period and direction: counts by quad class,
# Goldstein sum, codes by frequency), so a busy dyad by day (thousands of periods) costs one
# scan and a few thousand rows, not a Python loop over every (period, code) group. Goldstein
# sums are Kahan sums (fsum), so they do not depend on the order DuckDB adds in.
_SERIES = """
WITH cells AS (
    SELECT {period} AS period, CASE WHEN {pair} THEN 'a->b' ELSE 'b->a' END AS direction, code,
           count(*) AS n, count_if(quad_class = 1) AS q1, count_if(quad_class = 2) AS q2,
           count_if(quad_class = 3) AS q3, count_if(quad_class = 4) AS q4,
           coalesce(fsum(goldstein), 0) AS goldstein
    FROM events WHERE {where} GROUP BY ALL HAVING period IS NOT NULL),
directions AS (
    SELECT * FROM cells
    UNION ALL
    SELECT period, 'both', code, sum(n), sum(q1), sum(q2), sum(q3), sum(q4), fsum(goldstein)
    FROM cells GROUP BY period, code)
SELECT period, direction, sum(n), sum(q1), sum(q2), sum(q3), sum(q4), fsum(goldstein),
       list(code ORDER BY n DESC, code)[1:{top}], list(n ORDER BY n DESC, code)[1:{top}]
FROM directions GROUP BY period, direction ORDER BY period, direction"""


def _series_rows(a: str, b: str, rows: list[tuple[Any, ...]]) -> list[DyadPeriod]:
    """(period, direction, events, quad1..4, Goldstein sum, top codes, their counts) -> three
    records per period, a direction without events as zeros."""
    found = {(row[0], row[1]): row for row in rows}
    series = []
    for period in sorted({row[0] for row in rows}):
        for direction in DIRECTIONS:
            row = found.get((period, direction))
            if row is None:
                series.append(DyadPeriod(a, b, period, direction, 0, 0, 0, 0, 0, 0.0, None, ()))
                continue
            events, quads, goldstein = int(row[2]), [int(n) for n in row[3:7]], float(row[7])
            top = tuple(zip(row[8], (int(n) for n in row[9]), strict=True))
            series.append(DyadPeriod(a, b, period, direction, events, *quads, goldstein,
                                     goldstein / events, top))
    return series


def top_actors(store: Store, top: int = 20, since: dt.date | str | None = None) -> list[ActorActivity]:
    """The `top` actor codes in the most events (as source or target), busiest first.

    Ties go alphabetically; `since` keeps events whose date reaches it ("2025" keeps all of 2025).
    """
    where, params = event_filter(since=since)
    # Each side is grouped on its own (an event with source = target counts once, on the source
    # side): two scans with a few hundred groups, instead of grouping 2N rows by (actor, event).
    others = f"{where} AND target <> source" if where else "WHERE target <> source"
    query = f"""
        WITH sides AS (
            SELECT source AS actor, count(*) AS n, count(*) AS s, count_if(target = source) AS t,
                   sum(goldstein) AS g, count(goldstein) AS gn FROM events {where} GROUP BY source
            UNION ALL
            SELECT target, count(*), 0, count(*), sum(goldstein), count(goldstein)
            FROM events {others} GROUP BY target)
        SELECT actor, sum(n)::BIGINT AS events, sum(s)::BIGINT, sum(t)::BIGINT,
               sum(g) / nullif(sum(gn), 0)
        FROM sides GROUP BY actor ORDER BY events DESC, actor LIMIT ?"""
    with store.reading() as cur:
        rows = cur.execute(query, [*params, *params, _count("top", top)]).fetchall()
    return [ActorActivity(*row) for row in rows]


def top_dyads(store: Store, top: int = 20, since: dt.date | str | None = None,
              by: str = "events") -> list[DyadActivity]:
    """The `top` unordered actor pairs: by "events" (busiest first) or "conflict".

    Ties go alphabetically by pair. "conflict" ranks only the pairs whose Goldstein sum is
    below zero, lowest sum first.
    """
    if by not in ("events", "conflict"):
        raise InputError(f"by: {by!r} is not a ranking; use events or conflict")
    where, params = event_filter(since=since)
    having, order = (("HAVING goldstein_sum < 0", "goldstein_sum, events DESC") if by == "conflict"
                     else ("", "events DESC"))
    query = f"""
        SELECT least(source, target) AS a, greatest(source, target) AS b, count(*) AS events,
               count_if(source = least(source, target)), count_if(source = greatest(source, target)),
               coalesce(sum(goldstein), 0) AS goldstein_sum, avg(goldstein)
        FROM events {where} GROUP BY ALL {having} ORDER BY {order}, a, b LIMIT ?"""
    with store.reading() as cur:
        rows = cur.execute(query, [*params, _count("top", top)]).fetchall()
    return [DyadActivity(*row) for row in rows]


def _actor_arg(name: str, value: str) -> str:
    code = value.strip().upper()
    if not code:
        raise InputError(f"{name}: give an actor or country code, e.g. CHN or CHNGOV")
    return code


def _count(name: str, value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InputError(f"{name}: {value!r} is not a count; use a whole number, 1 or more")
    return value


@dataclass(frozen=True, slots=True)
class QuadPeriod:
    """All stored events in one period, by quad class, with their Goldstein sum and mean."""

    period: str
    events: int
    quad1: int
    quad2: int
    quad3: int
    quad4: int
    goldstein_sum: float
    goldstein_mean: float | None

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class Partner:
    """Another actor code in events with `actor` (either direction), by quad class."""

    actor: str
    partner: str
    events: int
    quad1: int
    quad2: int
    quad3: int
    quad4: int
    goldstein_sum: float

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def activity_series(store: Store, by: str = "month", since: dt.date | str | None = None,
                    until: dt.date | str | None = None) -> list[QuadPeriod]:
    """Every stored event per period by quad class: the overall trend of conflict and cooperation.

    Like `dyad_series`, an event whose date is less precise than the period is left out.

    >>> with Store.open(":memory:") as store:
    ...     activity_series(store, by="year")
    []
    """
    if by not in PERIODS:
        raise InputError(f"by: {by!r} is not a period; use one of {', '.join(PERIODS)}")
    precision, period = PERIODS[by]
    where, params = event_filter(since=since, until=until)
    clauses = [where.removeprefix("WHERE ")] if where else []
    clauses.append("length(date) >= ?")
    query = (f"SELECT {period} AS period, count(*), count_if(quad_class = 1), "
             "count_if(quad_class = 2), count_if(quad_class = 3), count_if(quad_class = 4), "
             f"coalesce(sum(goldstein), 0), avg(goldstein) FROM events WHERE {' AND '.join(clauses)} "
             "GROUP BY period HAVING period IS NOT NULL ORDER BY period")
    with store.reading() as cur:
        rows = cur.execute(query, [*params, precision]).fetchall()
    return [QuadPeriod(*row) for row in rows]


def actor_partners(store: Store, actor: str, top: int = 20,
                   since: dt.date | str | None = None) -> list[Partner]:
    """The actors `actor` (a code prefix: CHN matches CHNGOV) deals with most, busiest first.

    Events inside the prefix (CHNGOV -> CHNMIL) are left out; the partner is the other side.
    """
    code = _actor_arg("actor", actor)
    where, params = event_filter(since=since)
    clauses = [where.removeprefix("WHERE ")] if where else []
    clauses.append("starts_with(source, ?) <> starts_with(target, ?)")
    query = (f"SELECT CASE WHEN starts_with(source, ?) THEN target ELSE source END AS partner, "
             "count(*) AS events, count_if(quad_class = 1), count_if(quad_class = 2), "
             "count_if(quad_class = 3), count_if(quad_class = 4), coalesce(sum(goldstein), 0) "
             f"FROM events WHERE {' AND '.join(clauses)} GROUP BY partner "
             "ORDER BY events DESC, partner LIMIT ?")
    with store.reading() as cur:
        rows = cur.execute(query, [code, *params, code, code, _count("top", top)]).fetchall()
    return [Partner(code, *row) for row in rows]


@dataclass(frozen=True, slots=True)
class PlaceActivity:
    """A place with the events located there, by quad class: one point of a map."""

    name: str
    country: str
    feature: str
    lat: float
    lon: float
    events: int
    quad1: int
    quad2: int
    quad3: int
    quad4: int
    goldstein_mean: float | None

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def event_places(store: Store, top: int = 500, since: dt.date | str | None = None,
                 until: dt.date | str | None = None, actor: str | None = None,
                 country: str | None = None, code: str | None = None,
                 quad_class: int | None = None) -> list[PlaceActivity]:
    """The `top` places with the most located events, busiest first (ties by name).

    Filters as `event_filter` (an actor, a country, a code prefix, dates) plus `quad_class`
    (1-4); events without a location are left out.
    """
    where, params = event_filter(since=since, until=until, actor=actor, country=country, code=code)
    clauses = [where.removeprefix("WHERE ")] if where else []
    clauses.append("location_lat IS NOT NULL")
    if quad_class is not None:
        if quad_class not in (1, 2, 3, 4):
            raise InputError(f"quad_class: {quad_class!r} is not a quad class; use 1, 2, 3 or 4")
        clauses.append("quad_class = ?")
        params.append(quad_class)
    query = f"""
        SELECT location_name, location_country, location_feature, location_lat, location_lon,
               count(*) AS events, count_if(quad_class = 1), count_if(quad_class = 2),
               count_if(quad_class = 3), count_if(quad_class = 4), avg(goldstein)
        FROM events WHERE {' AND '.join(clauses)}
        GROUP BY ALL ORDER BY events DESC, location_name, location_lat, location_lon LIMIT ?"""
    with store.reading() as cur:
        rows = cur.execute(query, [*params, _count("top", top)]).fetchall()
    return [PlaceActivity(*row) for row in rows]
