"""How fast the API answers over a big store: p50/p95/max per endpoint, one client at a time.

    python bench/api_latency.py [--events 1000000] [--requests 200] [--db PATH]

Builds a synthetic store (default 1M events, written by SQL in DuckDB in a few seconds; with
`--db PATH` it is built there once and reused), starts `detente serve` on 127.0.0.1 in a
subprocess, waits until it answers, then times each request (client-side wall time, keep-alive
connection, the answer fully read). Target: p95 < 50 ms for dyad series and filtered event
lists on 1M events. HTML pages are timed too when the app serves them.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

# ~200 actors: 40 countries, busiest first (the rank gives the Zipf weight), each bare and with
# four sectors. Weights multiply: CHNGOV and USAGOV are common, YEMBUS is rare.
COUNTRIES = ("USA", "CHN", "RUS", "UKR", "ISR", "IRN", "GBR", "FRA", "DEU", "IND", "PAK", "JPN", "KOR",
             "PRK", "PHL", "TUR", "SYR", "IRQ", "AFG", "SAU", "EGY", "BRA", "MEX", "VNM", "IDN", "AUS",
             "CAN", "TWN", "NGA", "ZAF", "ETH", "SDN", "VEN", "COL", "POL", "ITA", "ESP", "MMR", "LBY",
             "YEM")
SECTORS = {"": 0.30, "GOV": 0.35, "MIL": 0.15, "OPP": 0.10, "BUS": 0.10}
# Events per CAMEO root, roughly as GDELT sees them: statements, consultations and diplomatic
# cooperation dominate; mass violence (20) is rare.
ROOT_WEIGHTS = {"01": 12, "02": 6, "03": 5, "04": 14, "05": 8, "06": 3, "07": 2, "08": 3, "09": 2,
                "10": 2, "11": 8, "12": 3, "13": 4, "14": 3, "15": 2, "16": 2, "17": 4, "18": 3,
                "19": 8, "20": 1}
TAILS = ("over the disputed shoal", "after the water cannon incident", "on trade and tariffs",
         "during talks in Geneva", "over the naval drills", "about the ceasefire",
         "over sanctions on oil exports", "after the border clash", "on the nuclear programme",
         "at the summit", "over the detained journalists", "about grain shipments",
         "over the election", "after the missile test", "on climate finance",
         "over fishing rights", "after the embassy protest", "on the refugee crisis",
         "over the airspace violation", "about humanitarian aid")
SLOTS = 10_000  # weighted draws: a value's share of the slots is its probability
START, DAYS = "2016-01-01", 3653  # ten years of events


@dataclass(frozen=True, slots=True)
class Facts:
    """What the requests need to know about a generated store."""

    events: int
    busy: tuple[str, str]  # the busiest country pair
    quiet: tuple[str, str]  # an actor pair with a few dozen events
    article: str  # a text id with events


def _weighted_slots(items: list[tuple[object, ...]], weights: list[float]) -> list[tuple[object, ...]]:
    total = sum(weights)
    slots: list[tuple[object, ...]] = []
    for item, weight in zip(items, weights, strict=True):
        slots += [item] * max(1, round(SLOTS * weight / total))
    return [(index, *item) for index, item in enumerate(slots)]


def _actor_slots() -> list[tuple[object, ...]]:
    actors, weights = [], []
    for rank, country in enumerate(COUNTRIES, start=1):
        for sector, share in SECTORS.items():
            actors.append((country + sector, country, f"{country} {sector or 'state'}".strip()))
            weights.append(share / rank ** 1.1)
    return _weighted_slots(actors, weights)


def _code_slots() -> list[tuple[object, ...]]:
    from detente.codebook import load_codebook

    codes = [c for c in load_codebook() if len(c.code) >= 3]
    per_root: dict[str, int] = {}
    for c in codes:
        per_root[c.root] = per_root.get(c.root, 0) + 1
    items = [(c.code, c.root, c.label, c.plover_event, c.plover_mode, c.goldstein, c.quad_class)
             for c in codes]
    # Within a root the general code ("190") is as common as all its children together.
    weights = [ROOT_WEIGHTS[c.root] / per_root[c.root] * (per_root[c.root] if len(c.code) == 3
                                                          and c.code.endswith("0") else 1)
               for c in codes]
    return _weighted_slots(items, weights)


def build_store(db: Path, events: int = 1_000_000, articles: int = 5_000) -> Facts:
    """A store of `events` synthetic events over `articles` articles, with event groups."""
    import numpy

    from detente.model import text_id
    from detente.store import Store

    texts = [f"Bench article {n}. " + " ".join(TAILS[n % len(TAILS):]) for n in range(articles)]
    with Store.open(db) as store, store.writing() as cur:
        for name, rows in (("bench_actors", _actor_slots()), ("bench_codes", _code_slots())):
            columns = list(zip(*rows, strict=True))
            cur.register(name, {f"c{i}": numpy.array(col, dtype=object) for i, col in enumerate(columns)})
        cur.register("bench_articles", {
            "n": numpy.arange(articles), "id": numpy.array([text_id(t) for t in texts], dtype=object),
            "text": numpy.array(texts, dtype=object)})
        cur.register("bench_tails", {"n": numpy.arange(len(TAILS)), "tail": numpy.array(TAILS, dtype=object)})
        cur.execute("BEGIN TRANSACTION")
        cur.execute(f"""
            INSERT INTO articles SELECT id, 'bench-' || n, 'https://news.example/' || n, 'Article ' || n,
                   'outlet' || (n % 40), DATE '{START}' + (n * {DAYS} // {articles})::INTEGER, 'en', text,
                   TIMESTAMP '2026-01-01 00:00:00' FROM bench_articles""")
        cur.execute(_EVENTS_SQL.format(draws=int(events * 1.1), events=events, articles=articles,
                                       slots=SLOTS, start=START, days=DAYS))
        cur.execute("COMMIT")
        for name in ("bench_actors", "bench_codes", "bench_articles", "bench_tails"):
            cur.unregister(name)
    with Store.open(db) as store:
        store.refresh_groups()
        return store_facts(store)


# Each draw hashes its row number with a salt, so the store is the same on every run. Draws with
# source = target are dropped; hence 10% more draws than events.
_EVENTS_SQL = """
INSERT INTO events
WITH draws AS (
    SELECT i, hash(i, 's') % {slots} AS s, hash(i, 't') % {slots} AS t, hash(i, 'c') % {slots} AS c,
           (hash(i, 'd') % {days})::INTEGER AS day, hash(i, 'p') % 100 AS p,
           hash(i, 'a') % {articles} AS art, hash(i, 'x') % 20 AS tail
    FROM range({draws}) r(i)),
picked AS (
    SELECT d.*, sa.c1 AS source, sa.c2 AS source_country, sa.c3 AS source_name,
           ta.c1 AS target, ta.c2 AS target_country, ta.c3 AS target_name,
           co.c1 AS code, co.c2 AS root, co.c3 AS label, co.c4 AS plover, co.c5 AS plover_mode,
           co.c6 AS goldstein, co.c7 AS quad_class, strftime(DATE '{start}' + d.day, '%Y-%m-%d') AS day_text,
           a.id AS text_id, source_name || ' — ' || lower(co.c3) || ' — ' || target_name || ' '
               || tl.tail || '.' AS sentence
    FROM draws d
    JOIN bench_actors sa ON sa.c0 = d.s JOIN bench_actors ta ON ta.c0 = d.t
    JOIN bench_codes co ON co.c0 = d.c JOIN bench_articles a ON a.n = d.art
    JOIN bench_tails tl ON tl.n = d.tail
    WHERE sa.c1 <> ta.c1
    ORDER BY i LIMIT {events})
SELECT substr(md5(i::VARCHAR), 1, 16), 'bench-' || art, (i % 30)::INTEGER, sentence, source, target,
       source_country, target_country, code, root, label, plover, plover_mode, goldstein, quad_class,
       CASE WHEN p < 95 THEN day_text WHEN p < 98 THEN substr(day_text, 1, 7) ELSE substr(day_text, 1, 4) END,
       CASE WHEN p < 95 THEN 'day' WHEN p < 98 THEN 'month' ELSE 'year' END, '', source_name, target_name,
       'dictionary', 'dictionary', 'said', 0, length(sentence)::INTEGER, 0, 4, 0,
       length(source_name)::INTEGER, 0, length(target_name)::INTEGER, 'bench', 0.9, []::VARCHAR[],
       '0.1.0', text_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
FROM picked
"""


def store_facts(store: object) -> Facts:
    from detente.store import Store

    assert isinstance(store, Store)
    with store.reading() as cur:
        events = cur.execute("SELECT count(*) FROM events").fetchall()[0][0]
        busy = cur.execute("""SELECT least(source_country, target_country) AS a,
                                     greatest(source_country, target_country) AS b, count(*) AS n
                              FROM events WHERE source_country <> target_country
                              GROUP BY ALL ORDER BY n DESC, a, b LIMIT 1""").fetchall()[0]
        quiet = cur.execute("""SELECT least(source, target) AS a, greatest(source, target) AS b, count(*) AS n
                               FROM events GROUP BY ALL HAVING n BETWEEN 20 AND 60
                               ORDER BY n DESC, a, b LIMIT 1""").fetchall()
        article = cur.execute("SELECT text_id FROM events ORDER BY id LIMIT 1").fetchall()[0][0]
    pair = (quiet[0][0], quiet[0][1]) if quiet else (busy[0], busy[1])
    return Facts(events, (busy[0], busy[1]), pair, article)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def serving(db: Path, timeout: float = 60.0) -> Iterator[str]:
    """`detente serve --db DB` on 127.0.0.1 in a subprocess; yields its base URL once it answers."""
    port = free_port()
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen([sys.executable, "-m", "detente.cli", "serve", "--db", str(db),
                                   "--port", str(port)], stdout=log, stderr=log)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + timeout
            while not _answers(base):
                if server.poll() is not None:
                    log.seek(0)
                    raise SystemExit(f"the server exited with {server.returncode}:\n{log.read().decode()}")
                if time.monotonic() > deadline:
                    raise SystemExit(f"the server did not answer within {timeout:.0f} s")
                time.sleep(0.05)  # poll interval while uvicorn starts and binds the port
            yield base
        finally:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()


def _answers(base: str) -> bool:
    try:
        return httpx.get(base + "/api/codebook", params={"q": "010"}, timeout=5).status_code == 200
    except httpx.TransportError:
        return False


def cases(facts: Facts) -> list[tuple[str, str, dict[str, object]]]:
    """(label, path, params) of the requests to time."""
    (ba, bb), (qa, qb) = facts.busy, facts.quiet
    deep = max(1, facts.events // 50 // 2)  # half way through the unfiltered list
    return [
        ("series busy countries, by month", f"/api/dyads/{ba}/{bb}/series", {"by": "month"}),
        ("series busy countries, by day", f"/api/dyads/{ba}/{bb}/series", {"by": "day"}),
        ("series busy, by week, 2 years", f"/api/dyads/{ba}/{bb}/series",
         {"by": "week", "since": "2023", "until": "2024"}),
        ("series quiet actors, by month", f"/api/dyads/{qa}/{qb}/series", {"by": "month"}),
        ("series quiet actors, by day", f"/api/dyads/{qa}/{qb}/series", {"by": "day"}),
        ("events, no filter, page 1", "/api/events", {}),
        ("events, actor=CHN", "/api/events", {"actor": "CHN"}),
        ("events, country=PHL", "/api/events", {"country": "PHL"}),
        ("events, code=19", "/api/events", {"code": "19"}),
        ("events, quad_class=4", "/api/events", {"quad_class": 4}),
        ("events, since/until one month", "/api/events", {"since": "2024-03", "until": "2024-03"}),
        ("events, q='water cannon'", "/api/events", {"q": "water cannon"}),
        ("events, actor+code+since+q", "/api/events",
         {"actor": "CHNGOV", "code": "1", "since": "2020", "q": "shoal"}),
        ("events, country+quad, 500/page", "/api/events",
         {"country": "RUS", "quad_class": 4, "page_size": 500}),
        (f"events, no filter, page {deep:,}", "/api/events", {"page": deep}),
        ("events, actor=USA, page 400", "/api/events", {"actor": "USA", "page": 400}),
        ("dyads top 20", "/api/dyads", {}),
        ("dyads by conflict, since 2024", "/api/dyads", {"by": "conflict", "since": "2024"}),
        ("actors top 20", "/api/actors", {}),
        ("article with its events", f"/api/articles/{facts.article}", {}),
    ]


def page_cases(facts: Facts) -> list[tuple[str, str, dict[str, object]]]:
    (ba, bb), (qa, qb) = facts.busy, facts.quiet
    return [
        ("page /", "/", {}),
        ("page /events", "/events", {}),
        ("page /events?country=PHL&code=19", "/events", {"country": "PHL", "code": "19"}),
        ("page /dyads busy, by month", f"/dyads/{ba}/{bb}", {}),
        ("page /dyads quiet, by day", f"/dyads/{qa}/{qb}", {"by": "day"}),
    ]


def time_requests(client: httpx.Client, path: str, params: dict[str, object], count: int) -> list[float]:
    """Milliseconds per request; raises unless every answer is 200."""
    client.get(path, params=params).raise_for_status()  # warm-up, not counted
    times = []
    for _ in range(count):
        begin = time.perf_counter()
        response = client.get(path, params=params)
        response.read()
        times.append((time.perf_counter() - begin) * 1000)
        response.raise_for_status()
    return times


def row(label: str, times: list[float], rows: str = "") -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * len(ordered))) - 1)]
    return (f"| {label} | {len(times)} | {statistics.median(ordered):.1f} | {p95:.1f} | "
            f"{ordered[-1]:.1f} | {rows} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200, help="timed requests per case")
    parser.add_argument("--db", type=Path, help="build the store here once, and reuse it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.duckdb"
        if db.exists():
            from detente.store import Store

            with Store.open(db) as store:
                facts = store_facts(store)
            print(f"store: {db} ({facts.events:,} events, reused)")
        else:
            begin = time.perf_counter()
            facts = build_store(db, args.events)
            print(f"store: {facts.events:,} events built in {time.perf_counter() - begin:.1f} s, "
                  f"{db.stat().st_size / 1e6:.0f} MB")
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
              f"{platform.system()} {platform.release()}")
        print(f"busy dyad {facts.busy[0]}-{facts.busy[1]}, quiet dyad {facts.quiet[0]}-{facts.quiet[1]}\n")
        with serving(db) as base, httpx.Client(base_url=base, timeout=60) as client:
            print("| request | n | p50 ms | p95 ms | max ms | rows |")
            print("|---|---|---|---|---|---|")
            for label, path, params in cases(facts):
                times = time_requests(client, path, params, args.requests)
                body = client.get(path, params=params).json()
                found = body.get("total", len(body.get("items", body.get("events", []))))
                print(row(label, times, f"{found:,}"), flush=True)
            if client.get("/", headers={"Accept": "text/html"}).status_code == 200:
                for label, path, params in page_cases(facts):
                    print(row(label, time_requests(client, path, params, max(20, args.requests // 4))),
                          flush=True)
            else:
                print("(no HTML pages served: skipped)")


if __name__ == "__main__":
    main()
