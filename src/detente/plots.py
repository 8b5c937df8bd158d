"""Charts of analysis results. matplotlib is optional: imported here, when a chart is drawn."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from detente.analysis import DyadPeriod, PlaceActivity
from detente.codebook import QUAD_CLASS_NAMES
from detente.errors import DetenteError, InputError

SUFFIXES = (".png", ".svg")
_QUAD_COLOURS = {1: "#9ecae1", 2: "#3182bd", 3: "#fdae6b", 4: "#e6550d"}
_MAX_TICKS = 24


def plot_dyad(series: Sequence[DyadPeriod], path: str | Path) -> Path:
    """Draw a `dyad_series` (its "both" rows) to a .png or .svg file and return the path.

    Bars: events per period stacked by quad class; line (right axis): the Goldstein sum.
    """
    path = _chart_path(path)
    rows = [row for row in series if row.direction == "both"]
    if not rows:
        raise InputError(f"{path}: no events to plot; widen the dates or check the actor codes")
    figure = _figure()
    bars = figure.add_subplot()
    x = range(len(rows))
    bottom = [0] * len(rows)
    for quad, colour in _QUAD_COLOURS.items():
        counts = [getattr(row, f"quad{quad}") for row in rows]
        bars.bar(x, counts, bottom=bottom, color=colour, label=QUAD_CLASS_NAMES[quad])
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    line = bars.twinx()
    line.plot(x, [row.goldstein_sum for row in rows], color="black", marker="o", label="Goldstein sum")
    line.axhline(0, color="grey", linewidth=0.5)
    step = -(-len(rows) // _MAX_TICKS)  # ceiling: at most _MAX_TICKS labels
    bars.set_xticks(list(x)[::step], [row.period for row in rows][::step], rotation=45, ha="right")
    bars.set_xlabel("period")
    bars.set_ylabel("events by quad class")
    line.set_ylabel("Goldstein sum")
    bars.set_title(f"{rows[0].a} <-> {rows[0].b}: events and Goldstein sum")
    handles, labels = bars.get_legend_handles_labels()
    more_handles, more_labels = line.get_legend_handles_labels()
    bars.legend(handles + more_handles, labels + more_labels, loc="upper left", fontsize="small")
    figure.savefig(path, format=path.suffix.lower().lstrip("."))
    return path


def plot_map(places: Sequence[PlaceActivity], path: str | Path, title: str = "") -> Path:
    """Draw `event_places` on country outlines to a .png or .svg file and return the path.

    One point per place, its area growing with the events there, coloured by the quad class
    most of them fall in. The view fits the points (the whole world when they are far apart).
    """
    from detente.outlines import country_outlines, map_view

    path = _chart_path(path)
    if not places:
        raise InputError(f"{path}: no located events to map; widen the filters, or ingest "
                         "articles with a coder that places events (detente 0.2 or later)")
    figure = _figure()
    axes = figure.add_subplot()
    for rings in country_outlines().values():
        for ring in rings:
            axes.fill([x for x, _ in ring], [y for _, y in ring], facecolor="#f2f2f2",
                      edgecolor="#b0b0b0", linewidth=0.4)
    largest = max(place.events for place in places)
    for quad, colour in _QUAD_COLOURS.items():
        mine = [p for p in places if _dominant_quad(p) == quad]
        axes.scatter([p.lon for p in mine], [p.lat for p in mine], color=colour, alpha=0.8,
                     s=[20 + 380 * p.events / largest for p in mine], edgecolors="black",
                     linewidths=0.4, zorder=3)
        axes.scatter([], [], color=colour, s=60, edgecolors="black", linewidths=0.4,
                     label=QUAD_CLASS_NAMES[quad])  # a legend entry of one size for each class
    for place in sorted(places, key=lambda p: -p.events)[:_MAP_LABELS]:
        axes.annotate(place.name, (place.lon, place.lat), xytext=(4, 4), textcoords="offset points",
                      fontsize="x-small", zorder=4)
    west, south, east, north = map_view([p.lon for p in places], [p.lat for p in places])
    axes.set_xlim(west, east)
    axes.set_ylim(south, north)
    axes.set_aspect("equal")
    axes.set_xlabel("longitude")
    axes.set_ylabel("latitude")
    axes.set_title(title or f"{sum(p.events for p in places)} located events at {len(places)} places")
    axes.legend(loc="best", fontsize="small", title="most events")
    figure.savefig(path, format=path.suffix.lower().lstrip("."))
    return path


_MAP_LABELS = 12


def _dominant_quad(place: PlaceActivity) -> int:
    counts = (place.quad1, place.quad2, place.quad3, place.quad4)
    return counts.index(max(counts)) + 1


def _chart_path(path: str | Path) -> Path:
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        raise InputError(f"{path}: a chart is written as .png or .svg; change the file name")
    return path


def _figure():  # noqa: ANN202 - matplotlib.figure.Figure, which may not be installed
    """A Figure on the Agg canvas: no pyplot, so no global backend is chosen or changed."""
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError:
        raise DetenteError("charts need matplotlib; pip install matplotlib") from None
    figure = Figure(figsize=(10, 5), layout="constrained")
    FigureCanvasAgg(figure)
    return figure
