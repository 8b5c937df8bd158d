"""The `detente` command: argument parsing and output formatting only."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from detente.errors import DetenteError

app = typer.Typer(
    add_completion=False, no_args_is_help=True,
    help="Political event data from news text: who did what to whom, when, with evidence.",
)
# piped output is read in files and pagers: do not wrap it at 80 columns
out = Console(width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, soft_wrap=True)

EXIT_REJECTED = 3  # some input could not be coded; the rest was


class Format(StrEnum):
    table = "table"
    jsonl = "jsonl"


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[bold red]detente:[/] {message}", highlight=False)
    return typer.Exit(code)


@app.command("code")
def code_command(
    paths: Annotated[list[str], typer.Argument(help="Files (.txt .md .html .json .jsonl .csv, gzipped too), directories of them, or - for stdin; see docs/inputs.md.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table for people, jsonl for programs.")] = Format.table,
    workers: Annotated[int, typer.Option("--workers", "-j", min=1, help="Processes to code with.")] = 1,
    date: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs that carry none.")] = None,
    max_bytes: Annotated[int, typer.Option(help="Largest file or JSON line accepted.")] = 10 * 1024 * 1024,
    min_confidence: Annotated[float, typer.Option(min=0.0, max=1.0, help="Drop events below this confidence.")] = 0.0,
    actors: Annotated[list[Path], typer.Option("--actors", help="Your actor file (TOML, see docs/actors.md); repeatable.")] = [],  # noqa: B006
    petrarch_actors: Annotated[list[Path], typer.Option(help="A PETRARCH/TABARI actor dictionary; repeatable.")] = [],  # noqa: B006
    petrarch_agents: Annotated[list[Path], typer.Option(help="A PETRARCH/TABARI agent dictionary; repeatable.")] = [],  # noqa: B006
) -> None:
    """Code news text into events. Exit status 3 if any input was rejected (the rest is coded)."""
    from detente.engines import code_stream, code_stream_parallel
    from detente.model import Rejection
    from detente.pipeline.coder import Coder
    from detente.pipeline.ingest import parse_date, read_inputs

    try:
        default_date = parse_date(date) if date else None
    except ValueError as exc:
        raise _fail(f"--date: {exc}") from None
    dictionary = _dictionary(actors, petrarch_actors, petrarch_agents)
    _note_first_build()
    items = read_inputs(paths, max_bytes=max_bytes, default_date=default_date)
    try:
        if workers == 1:
            results = code_stream(items, Coder(dictionary=dictionary))
        else:
            results = code_stream_parallel(items, workers, dictionary)
        table = _events_table() if fmt is Format.table else None
        articles = events = 0
        rejected: Counter[str] = Counter()
        for result in results:
            if isinstance(result, Rejection):
                rejected[result.stage] += 1
                sys.stderr.write(f"detente: {result.origin}: {result.reason}\n")
                continue
            articles += 1
            for event in result.events:
                if event.confidence < min_confidence:
                    continue
                events += 1
                if table is None:
                    sys.stdout.write(json.dumps(event.to_record(), ensure_ascii=False) + "\n")
                else:
                    _add_row(table, event)
    except DetenteError as exc:
        raise _fail(str(exc)) from None
    if table is not None and events:
        out.print(table)
    summary = f"{articles} article{'s' * (articles != 1)} coded, {events} event{'s' * (events != 1)}"
    if rejected:
        summary += ", rejected: " + ", ".join(f"{n} at {stage}" for stage, n in sorted(rejected.items()))
    err.print(summary, highlight=False)
    if rejected:
        raise typer.Exit(EXIT_REJECTED)


def _note_first_build() -> None:
    """Say so before the place index is built, so the first run's wait is not a silent one."""
    from detente.places.gazetteer import cache_dir, is_built

    if not is_built():
        err.print(f"detente: first run, building the place index in {cache_dir()} "
                  "(once, about half a minute)", highlight=False)


def _dictionary(actors: list[Path], petrarch_actors: list[Path], petrarch_agents: list[Path]):
    """The built-in actors with the user's files over them; None when there are none."""
    if not (actors or petrarch_actors or petrarch_agents):
        return None
    from detente.actors.loading import build_dictionary

    try:
        dictionary, problems = build_dictionary(actors, petrarch_actors, petrarch_agents)
    except DetenteError as exc:
        raise _fail(str(exc)) from None
    for problem in problems:
        sys.stderr.write(f"detente: {problem}\n")
    return dictionary


def _events_table() -> Table:
    table = Table(show_lines=False, header_style="bold")
    for name in ("article", "s#", "date", "source", "code", "target", "event", "Goldstein", "trigger",
                 "place", "conf"):
        table.add_column(name, overflow="fold")
    return table


def _add_row(table: Table, event) -> None:
    place = event.location.place if event.location else None
    # "Donetsk UKR": the name as the gazetteer has it and its country (none where no place is)
    where = f"{place.name} {place.country}".strip() if place else ""
    table.add_row(event.article_id[-24:], str(event.sentence_index), event.date.value,
                  event.source.code, event.code, event.target.code, event.label[:38],
                  f"{event.goldstein:+.1f}", event.trigger.text, where, f"{event.confidence:.2f}")


@app.command("eval")
def eval_command(
    gold: Annotated[list[Path], typer.Argument(help="Gold JSON Lines files or directories of them.", exists=True)],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    mistakes: Annotated[Path | None, typer.Option(help="Write each wrongly coded record here (JSON Lines).")] = None,
) -> None:
    """Score the coder against gold records: precision, recall, F1 at three levels."""
    from detente.evaluation import evaluate, read_gold

    try:
        report = evaluate(read_gold(gold))
    except DetenteError as exc:
        raise _fail(str(exc)) from None
    if mistakes:
        mistakes.write_text("".join(json.dumps(m) + "\n" for m in report.mistakes), "utf-8")
    if as_json:
        sys.stdout.write(json.dumps(report.as_dict(), indent=2) + "\n")
        return
    _print_report(report)


def _print_report(report) -> None:
    names = {"root": "root only", "country": "countries + root", "full": "actor codes + code"}
    levels = Table(title=f"{report.records} gold records", header_style="bold")
    for column in ("level", "precision", "recall", "F1", "tp", "fp", "fn"):
        levels.add_column(column, justify="right" if column != "level" else "left")
    for level, score in report.levels.items():
        levels.add_row(names[level], f"{score.precision:.3f}", f"{score.recall:.3f}",
                       f"{score.f1:.3f}", str(score.tp), str(score.fp), str(score.fn))
    out.print(levels)
    roots = Table(title="by root (countries + root)", header_style="bold")
    for column in ("root", "precision", "recall", "F1", "tp", "fp", "fn"):
        roots.add_column(column, justify="right")
    for root, score in sorted(report.by_root.items()):
        roots.add_row(root, f"{score.precision:.2f}", f"{score.recall:.2f}", f"{score.f1:.2f}",
                      str(score.tp), str(score.fp), str(score.fn))
    out.print(roots)
    worst = Table(title="worst confusions (gold -> coded)", header_style="bold")
    for column in ("gold root", "coded root", "count"):
        worst.add_column(column, justify="right")
    for (gold_root, coded_root), count in report.confusions.most_common(10):
        worst.add_row(gold_root, coded_root, str(count))
    out.print(worst)
    if report.dates.tp + report.dates.fp:
        out.print(f"event dates right: {report.dates.tp}/{report.dates.tp + report.dates.fp}")


@app.command("eval-places")
def eval_places_command(
    gold: Annotated[list[Path] | None, typer.Argument(help="Gold place files or directories (default tests/gold-places).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    mistakes: Annotated[Path | None, typer.Option(help="Write each error (missed, wrong country, too far, false place, metonym, event place) to FILE as JSON Lines.")] = None,
) -> None:
    """Score places against gold records: recall, country, distance, metonyms, event locations."""
    from detente.places.evaluation import evaluate_places, read_gold_places

    paths = gold or [Path("tests/gold-places")]
    try:
        result = evaluate_places(read_gold_places(paths))
    except (DetenteError, OSError) as exc:
        raise _fail(str(exc)) from None
    if mistakes is not None:
        try:
            mistakes.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in result.errors),
                                encoding="utf-8")
        except OSError as exc:
            raise _fail(f"{mistakes}: cannot write the mistakes file ({exc.strerror}); "
                        "check the folder exists and is writable") from None
    report = result.as_dict()
    if as_json:
        sys.stdout.write(json.dumps(report, indent=2) + "\n")
        return
    table = Table(title=f"{report['records']} gold records, {report['mentions']} place mentions", header_style="bold")
    for column in ("feature", "mentions", "recall", "country", "<=25 km", "<=161 km", "right place"):
        table.add_column(column, justify="right" if column != "feature" else "left")
    for name, row in [("all", report), *report["by_feature"].items()]:
        table.add_row(name, str(row["mentions"]), *(f"{row[k]:.3f}" for k in (
            "recall", "country", "within_25km", "within_161km", "right_place")))
    out.print(table)
    out.print("right place: the country right and within 25 km for a city or country, 161 km for an "
              "admin division, island, region or sea (their gold points are rough centroids)")
    out.print(f"places output that are gold places (precision): {report['precision']:.3f} of "
              f"{report['places_output']}")
    out.print(f"metonyms not taken for places: {report['metonym_accuracy']:.3f} of {report['metonyms']}")
    out.print(f"event locations right: {report['event_location_accuracy']:.3f} of {report['event_locations']} records; "
              f"{report['event_location_accuracy_coded']:.3f} of the {report['records_with_events']} where an event was coded")


DB_OPTION = typer.Option("--db", help="The event store (a DuckDB file).")


@app.command("ingest")
def ingest_command(
    paths: Annotated[list[str], typer.Argument(help="Files, directories or JSON Lines to code and store.")],
    db: Annotated[Path, DB_OPTION] = Path("detente.duckdb"),
    workers: Annotated[int, typer.Option("--workers", "-j", min=1, help="Processes to code with.")] = 1,
    date: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs that carry none.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the summary.")] = False,
    strict: Annotated[bool, typer.Option(help="Exit with status 3 when any input was rejected.")] = False,
    actors: Annotated[list[Path], typer.Option("--actors", help="Your actor file (TOML); repeatable.")] = [],  # noqa: B006
    report_every: Annotated[int, typer.Option(min=1, help="When piped, print progress every N articles.")] = 500,
    dask: Annotated[str | None, typer.Option(help="Code on a Dask cluster: tcp://HOST:8786 or local:N (docs/cluster.md).")] = None,
    parquet: Annotated[Path | None, typer.Option(help="With --dask: leave a Parquet dataset here instead of loading --db.")] = None,
) -> None:
    """Code inputs and store articles, events and rejects; the same article twice adds nothing."""
    from detente.ingestion import ingest
    from detente.pipeline.ingest import parse_date
    from detente.store import Store

    try:
        default_date = parse_date(date) if date else None
    except ValueError as exc:
        raise _fail(f"--date: {exc}") from None
    from detente.feeds import ingest_feeds, is_feed_source

    feeds = [p for p in paths if is_feed_source(p)]
    files = [p for p in paths if not is_feed_source(p)]
    for name in files:  # a mistyped path stops the run before it opens (or creates) the store
        if name != "-" and not Path(name).exists():
            raise _fail(f"{name}: no such file or folder; check the path, or name a folder of articles")
    dictionary = _dictionary(actors, [], [])
    _note_first_build()
    if dask:
        _ingest_on_dask(paths, db, dask, parquet, dictionary, default_date)
        return
    rejected = 0
    try:
        with Store.open(db) as store, _progress(quiet, report_every) as tick:
            if files:
                summary = ingest(files, store, workers=workers, dictionary=dictionary,
                                 default_date=default_date, on_article=tick)
                _print_summary(db, summary.ingested, summary.events, summary.duplicates, summary.rejected)
                rejected += summary.rejected_total
            if feeds:
                fed = ingest_feeds(feeds, store, dictionary=dictionary)
                _print_summary(db, fed.new, fed.events, fed.duplicate_url + fed.duplicate_text, fed.rejected)
                rejected += fed.rejected_total
    except DetenteError as exc:
        raise _fail(str(exc)) from None
    if strict and rejected:
        raise typer.Exit(EXIT_REJECTED)


def _ingest_on_dask(paths: list[str], db: Path, address: str, parquet: Path | None,
                    dictionary, default_date) -> None:
    """Code on a Dask cluster: leave a Parquet dataset (--parquet) or load it into --db."""
    from detente.ingestion import ingest_on_dask
    from detente.pipeline.ingest import read_inputs
    from detente.store import Store

    try:
        if parquet is not None:
            from detente.engines.dask import code_on_dask

            items = read_inputs(paths, default_date=default_date)
            run = code_on_dask(items, address, parquet, dictionary=dictionary)
            err.print(f"{parquet}: {run.articles} articles, {run.events} events in "
                      f"{run.partitions} partitions, {len(run.rejections)} rejected", highlight=False)
            return
        with Store.open(db) as store:
            summary = ingest_on_dask(paths, store, address, dictionary, default_date)
    except DetenteError as exc:
        raise _fail(str(exc)) from None
    _print_summary(db, summary.ingested, summary.events, summary.duplicates, summary.rejected)


def _print_summary(db: Path, stored: int, events: int, duplicates: int, rejected: Counter[str]) -> None:
    err.print(f"{db}: {stored} article{'s' * (stored != 1)} stored ({events} event{'s' * (events != 1)}), "
              f"{duplicates} already stored, "
              f"{sum(rejected.values())} rejected", highlight=False)
    for reason, count in rejected.most_common():
        err.print(f"  {count} rejected: {reason}", highlight=False, markup=False)
    if rejected:  # the store keeps each one with its file and line
        err.print(f"  each with its file and line: detente sql \"select origin, reason from rejects\" --db {db}",
                  highlight=False, markup=False)


@app.command("watch")
def watch_command(
    feeds: Annotated[list[str], typer.Argument(help="RSS/Atom feed URLs or files.")],
    every: Annotated[str, typer.Option(help="How often to poll: 90s, 15m, 2h.")] = "15m",
    db: Annotated[Path, typer.Option("--db", help="The event store (a DuckDB file).")] = Path("detente.duckdb"),
    cycles: Annotated[int | None, typer.Option(help="Stop after this many polls (default: never).")] = None,
) -> None:
    """Poll feeds and code only the items not seen before (by URL and by text)."""
    from detente.feeds import parse_interval, watch
    from detente.store import Store

    try:
        seconds = parse_interval(every)
    except ValueError as exc:
        raise _fail(f"--every: {exc}") from None

    def report(number: int, summary) -> None:
        err.print(f"poll {number}: {summary.new} new articles ({summary.events} events), "
                  f"{summary.rejected_total} rejected", highlight=False)

    try:
        with Store.open(db) as store:
            watch(feeds, store, seconds, cycles=cycles, on_cycle=report)
    except DetenteError as exc:
        raise _fail(str(exc)) from None


@contextmanager
def _progress(quiet: bool, every: int) -> Iterator[Callable[..., None]]:
    """A progress bar on a terminal; a plain line every `every` articles when piped."""
    if quiet:
        yield lambda summary: None
    elif not err.is_terminal:
        def line(summary) -> None:
            done = summary.ingested + summary.duplicates
            if done % every == 0:
                err.print(f"{done} articles", highlight=False)
        yield line
    else:
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        columns = (SpinnerColumn(), TextColumn("{task.completed} articles"),
                   TextColumn("{task.fields[rate]}"), TimeElapsedColumn())
        with Progress(*columns, console=err, transient=True) as progress:
            task = progress.add_task("ingest", total=None, rate="")

            def advance(summary) -> None:
                speed = progress.tasks[0].speed  # rich keeps a moving window of progress
                progress.update(task, completed=summary.ingested + summary.duplicates,
                                rate=f"{speed:.1f} articles/s" if speed else "")
            yield advance


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"
    gdelt = "gdelt"
    plover = "plover"


@app.command("export")
def export_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="The file to write.")],
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.jsonl,
    db: Annotated[Path, DB_OPTION] = Path("detente.duckdb"),
    since: Annotated[str | None, typer.Option(help="Events on or after YYYY[-MM[-DD]].")] = None,
    until: Annotated[str | None, typer.Option(help="Events on or before YYYY[-MM[-DD]].")] = None,
    actor: Annotated[str | None, typer.Option(help="Source or target code prefix, e.g. CHN or CHNGOV.")] = None,
    country: Annotated[str | None, typer.Option(help="Source or target country, e.g. PHL.")] = None,
    code: Annotated[str | None, typer.Option(help="CAMEO code prefix, e.g. 19 or 1312.")] = None,
) -> None:
    """Write stored events as CSV, JSON Lines, Parquet, GDELT 2.0 TSV or PLOVER JSON, filtered."""
    from detente.store import Store, export_events

    try:
        with Store.open(db, read_only=True) as store:
            count = export_events(store, fmt.value, out, since=since, until=until, actor=actor,
                                  country=country, code=code)
    except DetenteError as exc:
        raise _fail(str(exc)) from None
    err.print(f"{count} events written to {out}", highlight=False)


@app.command("sql")
def sql_command(
    query: Annotated[str, typer.Argument(help='One read-only statement, e.g. "SELECT code, count(*) FROM events GROUP BY 1".')],
    db: Annotated[Path, DB_OPTION] = Path("detente.duckdb"),
    limit: Annotated[int, typer.Option(help="Show at most this many rows.")] = 100,
) -> None:
    """Run read-only SQL against the store and print a table."""
    from detente.store import Store

    try:
        with Store.open(db, read_only=True) as store:
            columns, rows = store.sql(query, max_rows=limit)
    except DetenteError as exc:
        raise _fail(str(exc)) from None
    table = Table(header_style="bold")
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    out.print(table)


@app.command("codebook")
def codebook_command(
    query: Annotated[str | None, typer.Argument(help="A code prefix (13, 0231) or words (sanction).")] = None,
) -> None:
    """List or search the CAMEO codebook with Goldstein values, quad class and PLOVER type."""
    from detente.codebook import QUAD_CLASS_NAMES, load_codebook

    book = load_codebook()
    rows = book.search(query) if query else list(book)
    if not rows:
        raise _fail(f"no CAMEO code matches {query!r}; try a root such as 13 or a word such as threaten", 1)
    table = Table(header_style="bold")
    for column in ("code", "label", "goldstein", "quad class", "PLOVER"):
        table.add_column(column)
    for entry in rows:
        plover = entry.plover_event + (f" ({entry.plover_mode})" if entry.plover_mode else "")
        table.add_row(entry.code, entry.label, f"{entry.goldstein:+.1f}",
                      QUAD_CLASS_NAMES[entry.quad_class], plover)
    out.print(table)


class Period(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


@app.command("dyad")
def dyad_command(
    a: Annotated[str, typer.Argument(metavar="ACTOR_A",
                                     help="An actor code prefix or country code, e.g. CHN or CHNGOV.")],
    b: Annotated[str, typer.Argument(metavar="ACTOR_B", help="The other side, e.g. PHL.")],
    by: Annotated[Period, typer.Option("--by", help="Period: day, week (ISO), month or year.")] = Period.month,
    since: Annotated[str | None, typer.Option(help="Events on or after YYYY[-MM[-DD]].")] = None,
    until: Annotated[str | None, typer.Option(help="Events on or before YYYY[-MM[-DD]].")] = None,
    plot: Annotated[Path | None, typer.Option(help="Also draw the series to FILE.png or FILE.svg (needs matplotlib).")] = None,
    db: Annotated[Path, DB_OPTION] = Path("detente.duckdb"),
) -> None:
    """Events between A and B (both directions) per period: counts by quad class, Goldstein, top codes."""
    from detente.analysis import dyad_series
    from detente.store import Store

    try:
        with Store.open(db, read_only=True) as store:
            series = dyad_series(store, a, b, by=by.value, since=since, until=until)
        if series and plot is not None:
            from detente.plots import plot_dyad

            plot_dyad(series, plot)
    except DetenteError as exc:
        raise _fail(str(exc)) from None
    if not series:
        raise _fail(f"no events between {a} and {b} dated to the {by.value} in {db}", 1)
    out.print(_dyad_table(series))
    if plot is not None:
        err.print(f"chart written to {plot}", highlight=False)


def _dyad_table(series) -> Table:
    first = series[0]
    table = Table(title=f"{first.a} <-> {first.b}", header_style="bold")
    for column in ("period", f"{first.a}->{first.b}", f"{first.b}->{first.a}", "events",
                   "verb coop", "mat coop", "verb confl", "mat confl", "Goldstein sum", "mean",
                   "top codes"):
        table.add_column(column, justify="left" if column in ("period", "top codes") else "right")
    rows = {(row.period, row.direction): row for row in series}
    for period in dict.fromkeys(row.period for row in series):
        both = rows[(period, "both")]
        table.add_row(period, str(rows[(period, "a->b")].events), str(rows[(period, "b->a")].events),
                      str(both.events), str(both.quad1), str(both.quad2), str(both.quad3),
                      str(both.quad4), f"{both.goldstein_sum:+.1f}", _signed(both.goldstein_mean),
                      ", ".join(f"{code} ({n})" for code, n in both.top_codes))
    return table


@app.command("actors")
def actors_command(
    top: Annotated[int, typer.Option(min=1, help="How many actors to list.")] = 20,
    since: Annotated[str | None, typer.Option(help="Events on or after YYYY[-MM[-DD]].")] = None,
    db: Annotated[Path, DB_OPTION] = Path("detente.duckdb"),
) -> None:
    """The most active actors (as source or target), with event counts and mean Goldstein."""
    from detente.analysis import top_actors
    from detente.store import Store

    try:
        with Store.open(db, read_only=True) as store:
            rows = top_actors(store, top=top, since=since)
    except DetenteError as exc:
        raise _fail(str(exc)) from None
    table = Table(title=f"top {top} actors", header_style="bold")
    for column in ("actor", "events", "as source", "as target", "mean Goldstein"):
        table.add_column(column, justify="left" if column == "actor" else "right")
    for row in rows:
        table.add_row(row.actor, str(row.events), str(row.as_source), str(row.as_target),
                      _signed(row.goldstein_mean))
    out.print(table)


@app.command("top-dyads")
def top_dyads_command(
    top: Annotated[int, typer.Option(min=1, help="How many pairs in each table.")] = 20,
    since: Annotated[str | None, typer.Option(help="Events on or after YYYY[-MM[-DD]].")] = None,
    db: Annotated[Path, DB_OPTION] = Path("detente.duckdb"),
) -> None:
    """The most active actor pairs and the most conflictual (lowest Goldstein sum), either direction."""
    from detente.analysis import top_dyads
    from detente.store import Store

    try:
        with Store.open(db, read_only=True) as store:
            tables = {"most active pairs": top_dyads(store, top=top, since=since),
                      "most conflictual pairs": top_dyads(store, top=top, since=since, by="conflict")}
    except DetenteError as exc:
        raise _fail(str(exc)) from None
    for title, rows in tables.items():
        table = Table(title=title, header_style="bold")
        for column in ("a", "b", "events", "a->b", "b->a", "Goldstein sum", "mean"):
            table.add_column(column, justify="left" if column in ("a", "b") else "right")
        for row in rows:
            table.add_row(row.a, row.b, str(row.events), str(row.a_to_b), str(row.b_to_a),
                          f"{row.goldstein_sum:+.1f}", _signed(row.goldstein_mean))
        out.print(table)


def _signed(value: float | None) -> str:
    return "" if value is None else f"{value:+.2f}"


@app.command("map")
def map_command(
    plot: Annotated[Path | None, typer.Option(help="Draw the places on country outlines to FILE.png or FILE.svg (needs matplotlib).")] = None,
    top: Annotated[int, typer.Option(min=1, help="How many places (busiest first).")] = 500,
    actor: Annotated[str | None, typer.Option(help="Source or target code prefix, e.g. CHNGOV.")] = None,
    country: Annotated[str | None, typer.Option(help="Source or target country, e.g. UKR.")] = None,
    code: Annotated[str | None, typer.Option(help="CAMEO code prefix, e.g. 19.")] = None,
    quad_class: Annotated[int | None, typer.Option("--quad-class", min=1, max=4, help="1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict.")] = None,
    since: Annotated[str | None, typer.Option(help="Events on or after YYYY[-MM[-DD]].")] = None,
    until: Annotated[str | None, typer.Option(help="Events on or before YYYY[-MM[-DD]].")] = None,
    db: Annotated[Path, DB_OPTION] = Path("detente.duckdb"),
) -> None:
    """Where the stored events happened: places with event counts by quad class; optionally a map."""
    from detente.analysis import event_places
    from detente.store import Store

    try:
        with Store.open(db, read_only=True) as store:
            places = event_places(store, top=top, since=since, until=until, actor=actor,
                                  country=country, code=code, quad_class=quad_class)
        if places and plot is not None:
            from detente.plots import plot_map

            plot_map(places, plot)
    except DetenteError as exc:
        raise _fail(str(exc)) from None
    if not places:
        raise _fail(f"no located events match in {db}", 1)
    table = Table(title="places of events", header_style="bold")
    for column in ("place", "country", "feature", "lat", "lon", "events", "verb coop",
                   "mat coop", "verb confl", "mat confl", "mean Goldstein"):
        table.add_column(column, justify="left" if column in ("place", "country", "feature") else "right")
    for row in places:
        table.add_row(row.name, row.country, row.feature, f"{row.lat:.3f}", f"{row.lon:.3f}",
                      str(row.events), str(row.quad1), str(row.quad2), str(row.quad3),
                      str(row.quad4), _signed(row.goldstein_mean))
    out.print(table)
    if plot is not None:
        err.print(f"map written to {plot}", highlight=False)


@app.command("serve")
def serve_command(
    db: Annotated[Path, DB_OPTION] = Path("detente.duckdb"),
    host: Annotated[str, typer.Option(help="Address to listen on; 0.0.0.0 for every interface.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    write_token: Annotated[str | None, typer.Option(envvar="DETENTE_WRITE_TOKEN", help="Allow POST /api/articles with `Authorization: Bearer TOKEN` (default: ingest disabled).")] = None,
) -> None:
    """Serve the store as a JSON API (docs/api.md); OpenAPI docs at /docs."""
    try:
        import uvicorn

        from detente.web import create_app
    except ImportError as exc:
        raise _fail(f"`detente serve` needs the web extra ({exc.name} is missing); "
                    "pip install 'detente[web]'") from None
    from detente.store import Store

    try:  # fail here, in one line, rather than in the server's startup log
        Store.open(db).close()
    except DetenteError as exc:
        raise _fail(str(exc)) from None
    uvicorn.run(create_app(db, write_token=write_token), host=host, port=port)


@app.callback()
def main() -> None:
    """detente: political event data from news text."""


def run() -> None:  # pragma: no cover - console entry point wrapper
    try:
        app()
    except DetenteError as exc:
        err.print(f"detente: {exc}", highlight=False, markup=False)
        sys.exit(2)



if __name__ == "__main__":  # python -m detente.cli
    run()
