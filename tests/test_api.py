"""The public Python API: what `import detente` promises."""

from __future__ import annotations

import detente


def test_api_every_public_name_resolves():
    for name in detente.__all__:
        assert getattr(detente, name) is not None, name


def test_api_code_returns_events_with_evidence():
    text = "Norway expelled two Russian diplomats on Friday."
    events = detente.code(text, date="2025-03-07")
    assert [(e.source.code, e.code[:3], e.target.code) for e in events] == [("NOR", "161", "RUSGOV")]
    event = events[0]
    assert text[event.trigger.start:event.trigger.end] == "expelled"
    assert event.date.value == "2025-03-07" and event.date.precision == "day"
    assert event.to_record()["quad_class"] == 4
