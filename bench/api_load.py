"""A load run against the API: many clients at once over a realistic mix of requests.

    python bench/api_load.py [--events 100000] [--requests 10000] [--clients 20] [--db PATH]

Starts `detente serve` on 127.0.0.1 over a generated store (default 100k events, built in a
temp dir in a few seconds; `--db PATH` builds it there once, or uses the store already there),
then `--clients` concurrent clients send `--requests` requests in all: event lists with filters,
top dyads, dyad series, actors, articles, the codebook, and now and then POST /api/code with a
short text. Prints requests/s and p50/p95/p99 latency per kind and overall; exits 1 if any
request failed (a connection error, or a status other than the one expected) or the run took
longer than `--max-seconds`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

import httpx
from api_latency import Facts, build_store, serving, store_facts

TEXTS = ("Japan protested to China over the drills.", "Norway expelled two Russian diplomats.",
         "The Philippine coast guard accused China of firing water cannon at its vessel.",
         "India and Pakistan agreed to hold talks next month.")


def request_mix(facts: Facts, count: int, seed: int = 1) -> list[tuple[str, str, str, dict, object]]:
    """(kind, method, path, params, json body) for `count` requests, in a fixed shuffled order."""
    rng = random.Random(seed)
    (ba, bb), (qa, qb) = facts.busy, facts.quiet
    countries = ["USA", "CHN", "RUS", "UKR", "ISR", "IRN", "PHL", "IND", "PAK", "TUR"]
    pages = max(1, facts.events // 50)

    def events() -> dict:
        params: dict[str, object] = {}
        for name, value in (("actor", rng.choice(countries) + rng.choice(["", "GOV", "MIL"])),
                            ("country", rng.choice(countries)),
                            ("code", rng.choice(["01", "04", "19", "112"])),
                            ("quad_class", rng.randint(1, 4)),
                            ("q", rng.choice(["shoal", "talks in geneva"]))):
            if rng.random() < 0.3:
                params[name] = value
        if rng.random() < 0.3:
            year = rng.randint(2016, 2025)
            params.update(since=str(year), until=f"{year}-{rng.randint(1, 12):02d}")
        if rng.random() < 0.2:
            params["page"] = rng.randint(2, min(pages, 20))
        return params

    kinds = [  # (weight, kind, make one request)
        (40, "events", lambda: ("GET", "/api/events", events(), None)),
        (15, "series", lambda: ("GET", "/api/dyads/{}/{}/series".format(*rng.choice([(ba, bb), (qa, qb)])),
                                {"by": rng.choice(["month", "month", "week", "year", "day"])}, None)),
        (10, "dyads", lambda: ("GET", "/api/dyads", rng.choice([{}, {"by": "conflict"}, {"since": "2024"}]),
                               None)),
        (10, "actors", lambda: ("GET", "/api/actors", rng.choice([{}, {"top": 50}, {"since": "2025"}]),
                                None)),
        (15, "article", lambda: ("GET", f"/api/articles/{facts.article}", {}, None)),
        (9, "codebook", lambda: ("GET", "/api/codebook",
                                 rng.choice([{}, {"q": "19"}, {"q": "hunger strike"}]), None)),
        (1, "code", lambda: ("POST", "/api/code", {}, {"text": rng.choice(TEXTS), "date": "2025-05-14"})),
    ]
    weights = [weight for weight, _, _ in kinds]
    chosen = rng.choices(kinds, weights=weights, k=count)
    return [(kind, *make()) for _, kind, make in chosen]


async def run_load(base: str, mix: list, clients: int) -> tuple[dict[str, list[float]], Counter, float]:
    """Send the mix with `clients` workers sharing one queue; (latencies by kind, failures, seconds)."""
    latencies: dict[str, list[float]] = defaultdict(list)
    failures: Counter[str] = Counter()
    queue = iter(mix)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def worker(client: httpx.AsyncClient) -> None:
        for kind, method, path, params, body in queue:  # one shared iterator: each request once
            begin = time.perf_counter()
            try:
                response = await client.request(method, path, params=params, json=body)
            except httpx.HTTPError as exc:
                failures[f"{kind}: {type(exc).__name__}"] += 1
                continue
            latencies[kind].append((time.perf_counter() - begin) * 1000)
            if response.status_code != 200:
                failures[f"{kind}: {response.status_code} {response.text[:120]}"] += 1

    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        begin = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(clients)))
        return latencies, failures, time.perf_counter() - begin


def percentile(ordered: list[float], share: float) -> float:
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def report(latencies: dict[str, list[float]], seconds: float) -> None:
    print("| requests | n | p50 ms | p95 ms | p99 ms | max ms |")
    print("|---|---|---|---|---|---|")
    every = sorted(t for times in latencies.values() for t in times)
    for kind, times in sorted(latencies.items(), key=lambda item: -len(item[1])) + [("all", every)]:
        ordered = sorted(times)
        cells = [percentile(ordered, share) for share in (0.5, 0.95, 0.99)] + [ordered[-1]]
        print(f"| {kind} | {len(ordered):,} | " + " | ".join(f"{cell:.1f}" for cell in cells) + " |")
    print(f"\n{len(every):,} requests in {seconds:.1f} s: {len(every) / seconds:,.0f} requests/s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=20)
    # ~100 s on a quiet 2-core machine; the bound catches a hang or a big regression, not noise
    parser.add_argument("--max-seconds", type=float, default=240.0, help="fail if the requests take longer")
    parser.add_argument("--db", type=Path, help="build the store here once, and reuse it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "load.duckdb"
        if db.exists():
            from detente.store import Store

            with Store.open(db) as store:
                facts = store_facts(store)
        else:
            facts = build_store(db, args.events, articles=max(100, args.events // 200))
        print(f"load: {args.requests:,} requests from {args.clients} clients; store {facts.events:,} "
              f"events; {os.cpu_count()} cores")
        mix = request_mix(facts, args.requests)
        with serving(db) as base:
            latencies, failures, seconds = asyncio.run(run_load(base, mix, args.clients))
    report(latencies, seconds)
    for failure, count in failures.most_common(10):
        print(f"FAILED {count}x {failure}", file=sys.stderr)
    errors = sum(failures.values())
    print(f"errors: {errors}")
    if seconds > args.max_seconds:
        print(f"FAILED: the run took {seconds:.0f} s, over the bound of {args.max_seconds:.0f} s",
              file=sys.stderr)
    return 1 if errors or seconds > args.max_seconds else 0


if __name__ == "__main__":
    sys.exit(main())
