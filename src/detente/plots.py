"""Charts of analysis results. matplotlib is optional: imported here, when a chart is drawn."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from detente.analysis import DyadPeriod
from detente.codebook import QUAD_CLASS_NAMES
from detente.errors import DetenteError, InputError

SUFFIXES = (".png", ".svg")
_QUAD_COLOURS = {1: "#9ecae1", 2: "#3182bd", 3: "#fdae6b", 4: "#e6550d"}
_MAX_TICKS = 24


def plot_dyad(series: Sequence[DyadPeriod], path: str | Path) -> Path:
    """Draw a `dyad_series` (its "both" rows) to a .png or .svg file and return the path.

    Bars: events per period stacked by quad class; line (right axis): the Goldstein sum.
    """
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        raise InputError(f"{path}: a chart is written as .png or .svg; change the file name")
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
