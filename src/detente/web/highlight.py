"""Article text as HTML with each event's actors and trigger marked, from the stored offsets.

The text is hostile input: it is cut at the offsets and every piece is escaped on its own, so
no markup in the text can ever become markup in the page (nothing is found and replaced).
Spans may overlap (one actor in several events, a trigger inside its sentence), so the text is
cut at every span edge and each piece says which spans cover it.

    >>> event = {"offsets": {"sentence": [0, 23], "trigger": [6, 16],
    ...                      "source": [0, 5], "target": [17, 22]}}
    >>> str(highlight("Japan <b>hit</b> China.", [event]))[39:109]
    'Japan</mark><span data-s="0"> </span><mark class="hl hl-trigger" data-'
    >>> str(highlight("<b>", []))
    '&lt;b&gt;'
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

ROLES = ("trigger", "source", "target")  # the marked spans, in the order their colours win


def highlight(text: str, events: Sequence[dict[str, object]]) -> Markup:
    """`text` as escaped HTML, each event's trigger/source/target in a <mark>, sentences in spans.

    A mark's `data-ev` lists the indexes (into `events`) of the events it belongs to, and a
    sentence span's `data-s` those whose sentence covers it, so a script can light up one event.
    """
    spans = [(start, end, role, index) for index, event in enumerate(events)
             for role, (start, end) in _spans(event, len(text))]
    cuts = sorted({0, len(text), *(edge for start, end, _, _ in spans for edge in (start, end))})
    pieces = [_piece(text[start:end], [s for s in spans if s[0] <= start and end <= s[1]])
              for start, end in zip(cuts, cuts[1:], strict=False) if start < end]
    return Markup("").join(pieces)


def mark_trigger(event: dict[str, object]) -> Markup:
    """The event's sentence as escaped HTML with its trigger in a <mark>, for event tables."""
    sentence = str(event.get("sentence") or "")
    offsets = _offsets(event)
    start, end = (offsets["trigger"][i] - offsets["sentence"][0] for i in (0, 1)) \
        if "trigger" in offsets and "sentence" in offsets else (0, 0)
    if not 0 <= start < end <= len(sentence):
        return escape(sentence)
    return Markup('{}<mark class="hl hl-trigger">{}</mark>{}').format(
        sentence[:start], sentence[start:end], sentence[end:])


def _piece(text: str, covering: list[tuple[int, int, str, int]]) -> Markup:
    roles = [role for role in ROLES if any(span[2] == role for span in covering)]
    if roles:
        events = sorted({span[3] for span in covering if span[2] in ROLES})
        classes = " ".join(f"hl-{role}" for role in roles)
        return Markup('<mark class="hl {}" data-ev="{}">{}</mark>').format(
            classes, " ".join(map(str, events)), text)
    sentences = sorted({span[3] for span in covering})
    if sentences:
        return Markup('<span data-s="{}">{}</span>').format(" ".join(map(str, sentences)), text)
    return escape(text)


def _spans(event: dict[str, object], length: int) -> list[tuple[str, tuple[int, int]]]:
    """(role, (start, end)) of the event's spans that lie inside the text; bad offsets are skipped."""
    return [(role, (start, end)) for role, (start, end) in _offsets(event).items()
            if role in (*ROLES, "sentence") and 0 <= start < end <= length]


def _offsets(event: dict[str, object]) -> dict[str, tuple[int, int]]:
    offsets = event.get("offsets")
    if not isinstance(offsets, dict):
        return {}
    found: dict[str, tuple[int, int]] = {}
    for role, pair in offsets.items():
        if isinstance(pair, list | tuple) and len(pair) == 2 and all(type(x) is int for x in pair):
            found[str(role)] = (pair[0], pair[1])
    return found
