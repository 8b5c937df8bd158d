"""What the event store costs: ingest vs bare coding, store size, export time.

    python bench/store_speed.py [--articles 1000] [--events 1000000]

1. `detente code --format jsonl` and `detente ingest` on the same generated corpus, each in a
   fresh process (target: the store adds at most 10%), with 1 and 2 workers, and
   `detente ingest --dask local:2` (a Dask LocalCluster of 2 workers) next to `--workers 2`.
2. A store of N synthetic events (default 1M) written in batches: its size per 100k events and
   the time of `export` to Parquet, CSV and JSON Lines.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def coding_vs_ingest(articles: int, workdir: Path) -> None:
    corpus = workdir / "corpus.jsonl"
    subprocess.run([sys.executable, str(HERE / "corpus.py"), "--articles", str(articles),
                    "--out", str(corpus)], check=True, stdout=subprocess.DEVNULL)
    detente = str(Path(sys.executable).with_name("detente"))
    print(f"{'run':34} {'seconds':>8} {'articles/s':>10}")
    for workers in ("1", "2"):
        code = timed([detente, "code", str(corpus), "--format", "jsonl", "-j", workers])
        db = workdir / f"ingest-{workers}.duckdb"
        ingest = timed([detente, "ingest", str(corpus), "--db", str(db), "-j", workers, "-q"])
        print(f"{'detente code, ' + workers + ' worker(s)':34} {code:8.1f} {articles / code:10.1f}")
        print(f"{'detente ingest, ' + workers + ' worker(s)':34} {ingest:8.1f} {articles / ingest:10.1f}"
              f"   store overhead {100 * (ingest - code) / code:+.0f}%")
    db = workdir / "dask.duckdb"
    on_dask = timed([detente, "ingest", str(corpus), "--db", str(db), "--dask", "local:2", "-q"])
    print(f"{'detente ingest --dask local:2':34} {on_dask:8.1f} {articles / on_dask:10.1f}")


def synthetic_events(count: int, workdir: Path) -> None:
    from detente.model import Actor, Article, Event, EventDate, Span
    from detente.store import Store, export_events

    rng = random.Random(7)
    countries = ["CHN", "PHL", "USA", "RUS", "UKR", "IND", "PAK", "ISR", "IRN", "TUR", "EU", "UN"]
    codes = ["010", "036", "042", "057", "112", "130", "1312", "163", "173", "190", "195"]
    db = workdir / "big.duckdb"
    per_article = 10
    start = time.perf_counter()
    with Store.open(db) as store:
        batch = []
        for number in range(count // per_article):
            text = f"Synthetic article {number}."
            day = dt.date(2020, 1, 1) + dt.timedelta(days=number % 2000)
            article = Article(id=f"a{number}", text=text, date=day, url=f"https://example.org/{number}")
            span = Span(0, 9, "Synthetic")
            events = []
            for index in range(per_article):
                a, b = rng.sample(countries, 2)
                code = rng.choice(codes)
                events.append(Event(
                    article_id=article.id, sentence_index=index, sentence=Span(0, len(text), text),
                    source=Actor(a, a, "", span), target=Actor(b, b, "", span), code=code,
                    root=code[:2], label="", plover="", plover_mode="", goldstein=0.0,
                    quad_class=1, date=EventDate(day.isoformat(), "day"),
                    trigger=Span(10 + index, 11 + index, "x"), pattern_id="bench", confidence=0.9))
            batch.append((article, events))
            if len(batch) == 500:
                store.add_many(batch)
                batch = []
        store.add_many(batch)
        store.refresh_groups()
        written = time.perf_counter() - start
        size = db.stat().st_size
        print(f"store: {count:,} events written in {written:.1f} s; file {size / 1e6:.0f} MB, "
              f"{size / 1e6 / (count / 1e5):.1f} MB per 100k events")
        for fmt in ("parquet", "csv", "jsonl"):
            out = workdir / f"events.{fmt}"
            begin = time.perf_counter()
            rows = export_events(store, fmt, out)
            print(f"export {fmt:8} {rows:,} events in {time.perf_counter() - begin:.1f} s "
                  f"({out.stat().st_size / 1e6:.0f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--events", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        coding_vs_ingest(args.articles, Path(tmp))
        synthetic_events(args.events, Path(tmp))


if __name__ == "__main__":
    main()
