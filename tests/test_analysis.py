"""Read-only aggregates over the store: dyad series, top actors and pairs, their commands and chart."""

from __future__ import annotations

import dataclasses

import pytest
from typer.testing import CliRunner

from detente.analysis import dyad_series, top_actors, top_dyads
from detente.cli import app
from detente.errors import DetenteError, InputError
from detente.model import Actor, Span
from detente.plots import plot_dyad
from detente.store import Store
from tests.conftest import make_article, make_event

# (source, target, code, date, goldstein, quad class); sentence index = position, so ids differ
EVENTS = [
    ("CHNGOV", "PHL", "172", "2025-05-14", -7.0, 4),
    ("CHN", "PHLGOV", "112", "2025-05-20", -2.0, 3),
    ("PHL", "CHN", "114", "2025-05-02", -2.0, 3),
    ("PHLGOV", "CHNGOV", "036", "2025-06-03", 4.0, 1),
    ("CHN", "PHL", "057", "2025", 8.0, 2),      # year only: in no month, week or day
    ("CHN", "PHL", "042", "2025-06", 1.9, 1),   # month only: in no week or day
    ("JPN", "CHN", "114", "2025-05-14", -2.0, 3),
    ("USA", "PHL", "057", "2025-05-14", 8.0, 2),
]
# a Philippine actor whose code does not start with PHL: matched by its country
MILF = Actor("MILF", "PHL", "REB", Span(0, 7, "Beijing"))


def _events():
    events = [make_event(source=s, target=t, code=c, date=d, goldstein=g, quad_class=q, sentence_index=i)
              for i, (s, t, c, d, g, q) in enumerate(EVENTS)]
    milf = make_event(target="CHN", code="111", date="2025-06-10", goldstein=-2.0, quad_class=3,
                      sentence_index=len(EVENTS))
    return [*events, dataclasses.replace(milf, source=MILF)]


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "events.duckdb"
    with Store.open(path) as store:
        store.add(make_article(), _events())
    return path


@pytest.fixture()
def store(db):
    with Store.open(db, read_only=True) as opened:
        yield opened


def _cells(series, *fields):
    return {(row.period, row.direction): tuple(getattr(row, f) for f in fields) for row in series}


# -- dyad_series ------------------------------------------------------------------------------

def test_dyad_series_by_month_counts_each_direction_and_both(store):
    series = dyad_series(store, "CHN", "PHL")
    assert [(row.period, row.direction) for row in series] == [
        ("2025-05", "a->b"), ("2025-05", "b->a"), ("2025-05", "both"),
        ("2025-06", "a->b"), ("2025-06", "b->a"), ("2025-06", "both")]
    assert _cells(series, "events", "goldstein_sum") == {
        ("2025-05", "a->b"): (2, -9.0), ("2025-05", "b->a"): (1, -2.0), ("2025-05", "both"): (3, -11.0),
        ("2025-06", "a->b"): (1, 1.9), ("2025-06", "b->a"): (2, 2.0), ("2025-06", "both"): (3, 3.9)}
    may = series[2]
    assert (may.quad1, may.quad2, may.quad3, may.quad4) == (0, 0, 2, 1)
    assert may.goldstein_mean == pytest.approx(-11 / 3)
    assert may.top_codes == (("112", 1), ("114", 1), ("172", 1))


def test_dyad_series_swapping_the_actors_swaps_the_directions(store):
    forward = _cells(dyad_series(store, "CHN", "PHL"), "events")
    backward = _cells(dyad_series(store, "PHL", "CHN"), "events")
    swap = {"a->b": "b->a", "b->a": "a->b", "both": "both"}
    assert backward == {(period, swap[direction]): n for (period, direction), n in forward.items()}


def test_dyad_series_keeps_only_dates_precise_enough_for_the_period(store):
    assert [r.period for r in dyad_series(store, "CHN", "PHL", by="day") if r.direction == "both"] == [
        "2025-05-02", "2025-05-14", "2025-05-20", "2025-06-03", "2025-06-10"]
    weeks = [r.period for r in dyad_series(store, "CHN", "PHL", by="week") if r.direction == "both"]
    assert weeks == ["2025-W18", "2025-W20", "2025-W21", "2025-W23", "2025-W24"]
    (year,) = [r for r in dyad_series(store, "CHN", "PHL", by="year") if r.direction == "both"]
    assert (year.period, year.events, year.quad2) == ("2025", 7, 1)


def test_dyad_series_since_and_until_keep_the_overlapping_periods(store):
    assert {r.period for r in dyad_series(store, "CHN", "PHL", since="2025-06")} == {"2025-06"}
    assert {r.period for r in dyad_series(store, "CHN", "PHL", until="2025-05-31")} == {"2025-05"}


def test_dyad_series_full_code_and_country_code_narrow_or_widen(store):
    gov = _cells(dyad_series(store, "CHNGOV", "PHL"), "events")
    assert gov == {("2025-05", "a->b"): (1,), ("2025-05", "b->a"): (0,), ("2025-05", "both"): (1,),
                   ("2025-06", "a->b"): (0,), ("2025-06", "b->a"): (1,), ("2025-06", "both"): (1,)}
    # MILF's code does not start with PHL; its country is PHL
    assert ("MILF", "PHL") in {(r["source"], r["source_country"]) for r in store.events(actor="MILF")}
    assert _cells(dyad_series(store, "PHL", "CHN", by="day"), "events")[("2025-06-10", "a->b")] == (1,)
    assert not dyad_series(store, "CHN", "USA")


@pytest.mark.parametrize("actor", ["CHN' OR 1=1 --", "%", "CHN%", "') OR ('1'='1"])
def test_dyad_series_injection_like_actor_matches_nothing(store, actor):
    assert dyad_series(store, actor, "PHL") == []
    assert dyad_series(store, "PHL", actor) == []


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"by": "fortnight"}, "not a period"), ({"since": "2025-13"}, "not a date"),
    ({"a": "  "}, "actor or country code")])
def test_dyad_series_bad_arguments_say_how_to_fix(store, kwargs, message):
    arguments = {"a": "CHN", "b": "PHL", **kwargs}
    with pytest.raises(InputError, match=message):
        dyad_series(store, **arguments)


# -- top actors and dyads ---------------------------------------------------------------------

def test_top_actors_busiest_first_ties_alphabetical(store):
    rows = top_actors(store)
    assert [(r.actor, r.events) for r in rows] == [
        ("CHN", 6), ("PHL", 5), ("CHNGOV", 2), ("PHLGOV", 2), ("JPN", 1), ("MILF", 1), ("USA", 1)]
    assert (rows[0].as_source, rows[0].as_target) == (3, 3)
    assert rows[0].goldstein_mean == pytest.approx(1.9 / 6)
    assert [r.actor for r in top_actors(store, top=2)] == ["CHN", "PHL"]
    assert rows[0].as_dict()["actor"] == "CHN"


def test_top_actors_since_keeps_events_whose_date_reaches_it(store):
    assert [(r.actor, r.events) for r in top_actors(store, since="2025-06")] == [
        ("CHN", 3), ("PHL", 2), ("CHNGOV", 1), ("MILF", 1), ("PHLGOV", 1)]


def test_top_dyads_unordered_pairs_and_most_conflictual(store):
    busiest = top_dyads(store)
    assert [(r.a, r.b, r.events) for r in busiest] == [
        ("CHN", "PHL", 3), ("CHN", "JPN", 1), ("CHN", "MILF", 1), ("CHN", "PHLGOV", 1),
        ("CHNGOV", "PHL", 1), ("CHNGOV", "PHLGOV", 1), ("PHL", "USA", 1)]
    assert (busiest[0].a_to_b, busiest[0].b_to_a) == (2, 1)
    assert busiest[0].goldstein_sum == pytest.approx(7.9)
    conflict = top_dyads(store, by="conflict")
    assert [(r.a, r.b, r.goldstein_sum) for r in conflict] == [
        ("CHNGOV", "PHL", -7.0), ("CHN", "JPN", -2.0), ("CHN", "MILF", -2.0), ("CHN", "PHLGOV", -2.0)]
    assert len(top_dyads(store, top=1, by="conflict")) == 1


def test_top_counts_must_be_positive(store):
    with pytest.raises(InputError, match="not a count"):
        top_actors(store, top=0)


# -- chart ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "magic"), [("chart.png", b"\x89PNG"), ("chart.svg", b"<?xml")])
def test_plot_dyad_writes_png_or_svg(store, tmp_path, name, magic):
    path = plot_dyad(dyad_series(store, "CHN", "PHL"), tmp_path / name)
    assert path.read_bytes().startswith(magic)


def test_plot_dyad_refuses_other_suffixes_and_empty_series(store, tmp_path):
    with pytest.raises(InputError, match=".png or .svg"):
        plot_dyad(dyad_series(store, "CHN", "PHL"), tmp_path / "chart.pdf")
    with pytest.raises(InputError, match="no events"):
        plot_dyad([], tmp_path / "chart.png")


def test_plot_dyad_without_matplotlib_says_how_to_install(store, tmp_path, monkeypatch):
    monkeypatch.setitem(__import__("sys").modules, "matplotlib.figure", None)
    with pytest.raises(DetenteError, match="pip install matplotlib"):
        plot_dyad(dyad_series(store, "CHN", "PHL"), tmp_path / "chart.png")


# -- commands ---------------------------------------------------------------------------------

def test_cli_dyad_prints_a_row_per_period_and_plots(db, tmp_path):
    chart = tmp_path / "out.png"
    result = CliRunner().invoke(app, ["dyad", "chn", "PHL", "--db", str(db), "--plot", str(chart)])
    assert result.exit_code == 0, result.output
    assert "CHN->PHL" in result.stdout and "PHL->CHN" in result.stdout
    may = next(line for line in result.stdout.splitlines() if "2025-05" in line)
    assert "-11.0" in may and "172 (1)" in may
    assert chart.read_bytes().startswith(b"\x89PNG") and chart.stat().st_size > 1000


def test_cli_dyad_with_no_events_or_injection_like_actor_exits_1(db):
    result = CliRunner().invoke(app, ["dyad", "CHN' OR 1=1 --", "PHL", "--db", str(db)])
    assert result.exit_code == 1
    assert "no events between" in result.stderr


def test_cli_actors_and_top_dyads_print_tables(db):
    runner = CliRunner()
    actors = runner.invoke(app, ["actors", "--top", "2", "--db", str(db)])
    assert actors.exit_code == 0, actors.output
    assert "CHN" in actors.stdout and "USA" not in actors.stdout
    dyads = runner.invoke(app, ["top-dyads", "--db", str(db), "--since", "2025"])
    assert dyads.exit_code == 0, dyads.output
    assert "most active pairs" in dyads.stdout and "most conflictual pairs" in dyads.stdout
    assert "-7.0" in dyads.stdout


@pytest.mark.parametrize("command", [["dyad", "CHN", "PHL"], ["actors"], ["top-dyads"]])
def test_cli_analysis_errors_are_one_line(db, tmp_path, command):
    runner = CliRunner()
    missing = runner.invoke(app, [*command, "--db", str(tmp_path / "nope.duckdb")])
    assert missing.exit_code == 2 and "no store there" in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1
    bad_date = runner.invoke(app, [*command, "--db", str(db), "--since", "May 2025"])
    assert bad_date.exit_code == 2 and "since: 'May 2025' is not a date" in bad_date.stderr
    with Store.open(db):  # held read-write by this process: a read-only open is refused
        held = runner.invoke(app, [*command, "--db", str(db)])
    assert held.exit_code == 2 and "cannot open the store" in held.stderr
