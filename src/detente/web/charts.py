"""Small inline-SVG charts drawn on the server: bars, lines, and a cooperation/conflict balance.

No chart library and no script needed to see them: each chart is SVG markup (escaped through
MarkupSafe) with labelled axes, a legend and a <title> tooltip on every mark. Colours come from
CSS classes (`q1`..`q4` for the quad classes), so the page stylesheet keeps them consistent.
When `links` are given, each period is an <a> with `data-period`: a plain link without
JavaScript, and the hook dashboard.js uses to filter the event list in place.

    >>> svg = bar_chart(["2025-05"], [Series("events", "q1", [3])], title="Events")
    >>> svg.startswith("<svg") and "<title>2025-05" in svg
    True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

WIDTH, HEIGHT = 1000, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 34, 46  # room for the y ticks, the legend, the x labels
MAX_X_LABELS = 12


@dataclass(frozen=True, slots=True)
class Series:
    """One named row of values (None: no value in that period) and its CSS colour class."""

    name: str
    css: str
    values: Sequence[float | None]


@dataclass(frozen=True, slots=True)
class Balance:
    """One bar of a balance chart: conflict parts go left of zero, cooperation parts right."""

    label: str
    href: str
    conflict: Sequence[tuple[str, str, float]]  # (css, name, count), innermost first
    cooperation: Sequence[tuple[str, str, float]]
    note: str = ""  # printed at the right end, e.g. the Goldstein sum


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high]: steps of 1, 2 or 5 times a power of ten.

    >>> nice_ticks(0, 17)
    [0.0, 5.0, 10.0, 15.0, 20.0]
    >>> nice_ticks(-7.5, 3)
    [-10.0, -5.0, 0.0, 5.0]
    """
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.floor(low / step) * step
    ticks = [first]
    while ticks[-1] < high - 1e-9:
        ticks.append(round(ticks[-1] + step, 10))
    return [float(t) for t in ticks]


def bar_chart(labels: Sequence[str], series: Sequence[Series], *, title: str, y_label: str = "events",
              x_label: str = "", links: Sequence[str] | None = None, selected: str | None = None) -> Markup:
    """Stacked bars, one per label (period), one segment per series."""
    totals = [sum(s.values[i] or 0 for s in series) for i in range(len(labels))]
    frame = _Frame(labels, nice_ticks(0, max([4, *totals])))  # whole-number ticks for counts
    marks: list[Markup] = []
    for i, label in enumerate(labels):
        x, width = frame.band(i)
        base = 0.0
        rects = [frame.hit(i, f"{label}: {_number(totals[i])} {y_label}")]
        for s in series:
            value = s.values[i] or 0
            if value > 0:
                top, bottom = frame.y(base + value), frame.y(base)
                rects.append(Markup(
                    '<rect class="bar {}" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}">'
                    '<title>{} · {}: {}</title></rect>').format(
                    s.css, x, top, width, bottom - top, label, s.name, _number(value)))
                base += value
        marks.append(_period(label, links[i] if links else None, Markup("").join(rects), selected))
    return frame.svg(title, (x_label, y_label), series, Markup("").join(marks))


def line_chart(labels: Sequence[str], series: Sequence[Series], *, title: str, y_label: str,
               x_label: str = "", links: Sequence[str] | None = None, selected: str | None = None) -> Markup:
    """Lines with a dot per value, joined across periods without a value (None). Zero gets a rule."""
    values = [v for s in series for v in s.values if v is not None]
    frame = _Frame(labels, nice_ticks(min([0.0, *values]), max([0.0, *values]) or 1))
    lines = [_polylines(frame, s) for s in series]
    marks: list[Markup] = []
    for i, label in enumerate(labels):
        x = frame.center(i)
        dots = [frame.hit(i, label)]
        for s in series:
            value = s.values[i]
            if value is not None:
                dots.append(Markup('<circle class="dot {}" cx="{:.1f}" cy="{:.1f}" r="4">'
                                   '<title>{} · {}: {}</title></circle>').format(
                    s.css, x, frame.y(value), label, s.name, _number(value)))
        marks.append(_period(label, links[i] if links else None, Markup("").join(dots), selected))
    return frame.svg(title, (x_label, y_label), series, Markup("").join([*lines, *marks]))


def balance_chart(rows: Sequence[Balance], *, title: str) -> Markup:
    """Ranked horizontal bars around zero: conflict to the left, cooperation to the right."""
    row_height, label_width, note_width = 26, 150, 70
    height = TOP + row_height * len(rows) + 24
    extent = max([sum(p[2] for p in r.conflict) for r in rows]
                 + [sum(p[2] for p in r.cooperation) for r in rows] + [1])
    half = (WIDTH - label_width - note_width - RIGHT) / 2
    zero = label_width + half
    parts: list[Markup] = []
    for n, row in enumerate(rows):
        y = TOP + n * row_height
        bars = [Markup('<text class="label" x="{}" y="{}" text-anchor="end">{}</text>').format(
            label_width - 8, y + 17, row.label)]
        for side, pieces in ((-1, row.conflict), (1, row.cooperation)):
            offset = 0.0
            for css, name, count in pieces:
                width = half * count / extent
                x = zero + offset if side > 0 else zero - offset - width
                bars.append(Markup('<rect class="bar {}" x="{:.1f}" y="{}" width="{:.1f}" height="18">'
                                   '<title>{} · {}: {}</title></rect>').format(
                    css, x, y + 4, width, row.label, name, _number(count)))
                offset += width
        bars.append(Markup('<text class="note" x="{}" y="{}" text-anchor="end">{}</text>').format(
            WIDTH - RIGHT, y + 17, row.note))
        parts.append(Markup('<a href="{}">{}</a>').format(row.href, Markup("").join(bars)))
    axis = Markup('<line class="zero" x1="{0}" x2="{0}" y1="{1}" y2="{2}"/>'
                  '<text class="axis-label" x="{3}" y="{4}" text-anchor="end">← conflict</text>'
                  '<text class="axis-label" x="{5}" y="{4}">cooperation →</text>').format(
        zero, TOP - 4, height - 20, zero - 6, height - 6, zero + 6)
    return Markup('<svg class="chart" viewBox="0 0 {} {}" role="img"><title>{}</title>{}{}</svg>').format(
        WIDTH, height, title, Markup("").join(parts), axis)


class _Frame:
    """The plot area: band x scale over the labels, linear y scale over the ticks, and the axes."""

    def __init__(self, labels: Sequence[str], ticks: list[float]) -> None:
        self.labels = labels
        self.ticks = ticks
        self.step = (WIDTH - LEFT - RIGHT) / max(len(labels), 1)

    def band(self, i: int) -> tuple[float, float]:
        gap = min(self.step * 0.2, 8)
        return LEFT + i * self.step + gap / 2, self.step - gap

    def center(self, i: int) -> float:
        return LEFT + (i + 0.5) * self.step

    def y(self, value: float) -> float:
        low, high = self.ticks[0], self.ticks[-1]
        return TOP + (HEIGHT - TOP - BOTTOM) * (high - value) / (high - low)

    def hit(self, i: int, tip: str) -> Markup:
        """An invisible full-height target, so a thin bar or a lone dot is easy to click."""
        return Markup('<rect class="hit" x="{:.1f}" y="{}" width="{:.1f}" height="{}">'
                      '<title>{}</title></rect>').format(
            LEFT + i * self.step, TOP, self.step, HEIGHT - TOP - BOTTOM, tip)

    def svg(self, title: str, axis_labels: tuple[str, str], series: Sequence[Series],
            marks: Markup) -> Markup:
        return Markup('<svg class="chart" viewBox="0 0 {} {}" role="img"><title>{}</title>'
                      '{}{}{}</svg>').format(WIDTH, HEIGHT, title, self._axes(*axis_labels),
                                             marks, _legend(series))

    def _axes(self, x_label: str, y_label: str) -> Markup:
        bottom = HEIGHT - BOTTOM
        parts = [Markup('<line class="axis" x1="{0}" x2="{0}" y1="{1}" y2="{2}"/>').format(
            LEFT, TOP, bottom)]
        for tick in self.ticks:
            y = self.y(tick)
            parts.append(Markup('<line class="{}" x1="{}" x2="{}" y1="{:.1f}" y2="{:.1f}"/>'
                                '<text class="tick" x="{}" y="{:.1f}" text-anchor="end">{}</text>').format(
                "zero" if tick == 0 else "grid", LEFT, WIDTH - RIGHT, y, y, LEFT - 6, y + 4,
                _number(tick)))
        every = max(1, math.ceil(len(self.labels) / MAX_X_LABELS))
        for i, label in enumerate(self.labels):
            if i % every == 0:
                parts.append(Markup('<text class="tick" x="{:.1f}" y="{}" text-anchor="middle">{}</text>')
                             .format(self.center(i), bottom + 16, label))
        parts.append(Markup('<text class="axis-label" transform="translate(14 {}) rotate(-90)" '
                            'text-anchor="middle">{}</text>').format((TOP + bottom) / 2, y_label))
        if x_label:
            parts.append(Markup('<text class="axis-label" x="{}" y="{}" text-anchor="end">{}</text>').format(
                WIDTH - RIGHT, HEIGHT - 6, x_label))
        return Markup("").join(parts)


def _legend(series: Sequence[Series]) -> Markup:
    parts, x = [], LEFT
    for s in series:
        parts.append(Markup('<rect class="bar {}" x="{}" y="8" width="12" height="12"/>'
                            '<text class="legend" x="{}" y="18">{}</text>').format(s.css, x, x + 16, s.name))
        x += 30 + 8 * len(s.name)  # about one character width per letter at 13px
    return Markup("").join(parts)


def _polylines(frame: _Frame, series: Series) -> Markup:
    points = [f"{frame.center(i):.1f},{frame.y(value):.1f}"
              for i, value in enumerate(series.values) if value is not None]
    if len(points) < 2:
        return Markup("")
    return Markup('<polyline class="line {}" points="{}"/>').format(series.css, " ".join(points))


def _period(label: str, href: str | None, content: Markup, selected: str | None) -> Markup:
    css = "period selected" if label == selected else "period"
    if href is None:
        return Markup('<g class="{}">{}</g>').format(css, content)
    return Markup('<a class="{}" href="{}" data-period="{}">{}</a>').format(css, href, label, content)


def _number(value: float) -> str:
    return f"{value:g}" if float(value).is_integer() else f"{value:.1f}"
