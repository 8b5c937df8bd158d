"""Gold records -> precision, recall and F1 of the coder, at three levels of strictness.

Levels: `root` (the CAMEO root only), `country` (source country, target country, root) and
`full` (full actor codes and full CAMEO code). Events are compared per record as multisets,
so an event coded twice counts once right and once wrong.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from detente.errors import InputError
from detente.model import Article, Event
from detente.pipeline.ingest import parse_date

TYPE_CHECKING = False
if TYPE_CHECKING:
    from detente.pipeline.coder import Coder

LEVELS = ("root", "country", "full")


@dataclass(frozen=True, slots=True)
class GoldEvent:
    source: str
    target: str
    code: str
    date: str = ""

    @property
    def source_country(self) -> str:
        return _country(self.source)

    @property
    def target_country(self) -> str:
        return _country(self.target)


@dataclass(frozen=True, slots=True)
class GoldRecord:
    article: Article
    events: tuple[GoldEvent, ...]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    records: int = 0
    levels: dict[str, Score] = field(default_factory=lambda: {lvl: Score() for lvl in LEVELS})
    by_root: dict[str, Score] = field(default_factory=dict)
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)
    dates: Score = field(default_factory=Score)
    mistakes: list[dict[str, object]] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        def score(s: Score) -> dict[str, float | int]:
            return {"precision": round(s.precision, 4), "recall": round(s.recall, 4),
                    "f1": round(s.f1, 4), "tp": s.tp, "fp": s.fp, "fn": s.fn}
        return {
            "records": self.records,
            "levels": {k: score(v) for k, v in self.levels.items()},
            "by_root": {k: score(v) for k, v in sorted(self.by_root.items())},
            "confusions": [{"gold": g, "coded": c, "count": n}
                           for (g, c), n in self.confusions.most_common(15)],
            "date_accuracy": round(self.dates.precision, 4) if self.dates.tp + self.dates.fp else None,
        }


def _country(code: str) -> str:
    # organisations have no country part: their code stands for itself
    return code[:3] if len(code) == 6 and code[:3].isalpha() and code.isupper() else code


def read_gold(paths: Iterable[Path]) -> list[GoldRecord]:
    """Gold records from JSON Lines files (or directories of them)."""
    records = []
    for path in paths:
        files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
        for file in files:
            for number, line in enumerate(file.read_text("utf-8").splitlines(), 1):
                if line.strip():
                    records.append(_gold_record(line, f"{file}:{number}"))
    return records


def _gold_record(line: str, where: str) -> GoldRecord:
    try:
        data = json.loads(line)
        events = tuple(GoldEvent(e["source"], e["target"], e["code"], str(e.get("date", "")))
                       for e in data["events"])
        date = parse_date(data["date"]) if data.get("date") else None
        article = Article(id=str(data["id"]), text=data["text"], date=date, origin=where)
    except KeyError as exc:
        raise InputError(f"{where}: gold record has no {exc} field; see docs/conventions.md "
                         "for the format") from exc
    except (json.JSONDecodeError, TypeError, ValueError) as exc:
        raise InputError(f"{where}: not a gold record ({exc}); see docs/conventions.md") from exc
    return GoldRecord(article, events)


def _keys(level: str, source: str, target: str, code: str) -> tuple[str, ...]:
    if level == "root":
        return (code[:2],)
    if level == "country":
        return (_country(source), _country(target), code[:2])
    return (source, target, code)


def score_record(report: Report, gold: GoldRecord, coded: list[Event]) -> None:
    report.records += 1
    for level in LEVELS:
        want = Counter(_keys(level, e.source, e.target, e.code) for e in gold.events)
        got = Counter(_keys(level, e.source.code, e.target.code, e.code) for e in coded)
        hit = sum((want & got).values())
        score = report.levels[level]
        score.tp += hit
        score.fp += sum(got.values()) - hit
        score.fn += sum(want.values()) - hit
        if level == "country":
            _score_roots(report, want, got)
            _confusions(report, want - got, got - want)
            if want != got:
                report.mistakes.append({
                    "id": gold.article.id, "text": gold.article.text[:300],
                    "missed": [list(k) for k in (want - got).elements()],
                    "spurious": [list(k) for k in (got - want).elements()],
                })
    _score_dates(report, gold, coded)


def _score_roots(report: Report, want: Counter, got: Counter) -> None:
    for key in set(want) | set(got):
        score = report.by_root.setdefault(key[-1], Score())
        hit = min(want[key], got[key])
        score.tp += hit
        score.fp += got[key] - hit
        score.fn += want[key] - hit


def _confusions(report: Report, missed: Counter, spurious: Counter) -> None:
    extra = list(spurious.elements())
    for key in missed.elements():
        same_pair = next((s for s in extra if s[:2] == key[:2]), None)
        if same_pair is not None:
            extra.remove(same_pair)
            report.confusions[(key[-1], same_pair[-1])] += 1
        else:
            report.confusions[(key[-1], "none")] += 1
    for key in extra:
        report.confusions[("none", key[-1])] += 1


def _score_dates(report: Report, gold: GoldRecord, coded: list[Event]) -> None:
    for expected in gold.events:
        if not expected.date:
            continue
        match = next((e for e in coded if (e.source.code, e.target.code, e.code) ==
                      (expected.source, expected.target, expected.code)), None)
        if match is not None:
            if match.date.value == expected.date:
                report.dates.tp += 1
            else:
                report.dates.fp += 1


def evaluate(records: list[GoldRecord], coder: Coder | None = None) -> Report:
    """Code every gold record's text and score the result."""
    from detente.pipeline.coder import Coder  # spaCy loads only when scoring

    coder = coder or Coder()
    report = Report()
    coded = coder.code_articles(r.article for r in records)
    for record, result in zip(records, coded, strict=True):
        score_record(report, record, result.events)
    return report
