"""The pattern lexicon: predicates (verbs and event nouns) -> CAMEO codes, as data.

The format is described in docs/patterns.md. Loading checks every line and says which file
and line is wrong, so a user's own lexicon fails loudly, not silently.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from detente.errors import PatternError

TARGET_SLOTS = frozenset(
    ["dobj", "dative", "poss", "of"]
    + [f"prep:{p}" for p in (
        "with", "against", "on", "to", "from", "for", "over", "at", "into", "in", "toward",
        "towards", "between", "upon", "onto", "about", "by", "of", "across", "inside", "near",
        "among", "along", "within", "through", "around", "behind", "off",
    )]
)
FLAGS = frozenset(["symmetric", "source_poss"])
_CODE = re.compile(r"^(0[1-9]|1[0-9]|20)\d{0,2}$")
COLUMNS = ["id", "code", "trigger", "context", "target", "flags", "note"]


@dataclass(frozen=True, slots=True)
class ContextGroup:
    """Lemmas of which one must (or, if `negated`, none may) occur in the complement."""

    words: frozenset[str]
    negated: bool = False

    def holds(self, lemmas: frozenset[str]) -> bool:
        found = not self.words.isdisjoint(lemmas)
        return not found if self.negated else found


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    code: str
    pos: str  # "verb" | "noun"
    lemma: str
    particle: str  # "" or the particle/preposition that must hang on the trigger ("off")
    context: tuple[ContextGroup, ...]
    targets: tuple[str, ...]
    symmetric: bool
    source_poss: bool
    note: str

    @property
    def specificity(self) -> tuple[int, int, int]:
        positive = sum(1 for group in self.context if not group.negated)
        return (positive, int(bool(self.particle)), len(self.code))


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[Pattern, ...]]
    nouns: dict[str, tuple[Pattern, ...]]

    @property
    def size(self) -> int:
        return sum(len(p) for p in self.verbs.values()) + sum(len(p) for p in self.nouns.values())

    def trigger_lemmas(self) -> frozenset[str]:
        return frozenset(self.verbs) | frozenset(self.nouns)


def _parse_context(text: str) -> tuple[ContextGroup, ...]:
    groups = []
    for part in filter(None, (p.strip() for p in text.split("&"))):
        negated = part.startswith("!")
        words = frozenset(w.strip().lower() for w in part.lstrip("!").split("|") if w.strip())
        groups.append(ContextGroup(words, negated))
    return tuple(groups)


def _parse_row(row: dict[str, str], pos: str, where: str) -> Pattern:
    code = row["code"].strip()
    if not _CODE.match(code):
        raise PatternError(f"{where}: code {code!r} is not a CAMEO code (2-4 digits, root 01-20)")
    targets = tuple(t.strip() for t in row["target"].split("|") if t.strip())
    bad = [t for t in targets if t not in TARGET_SLOTS]
    if bad or not targets:
        raise PatternError(f"{where}: target {row['target']!r}: use slots from docs/patterns.md")
    flags = {f.strip() for f in (row.get("flags") or "").split(",") if f.strip()}
    if flags - FLAGS:
        raise PatternError(f"{where}: unknown flags {sorted(flags - FLAGS)}; allowed {sorted(FLAGS)}")
    words = row["trigger"].strip().lower().split()
    if not words:
        raise PatternError(f"{where}: empty trigger")
    return Pattern(
        id=row["id"].strip(), code=code, pos=pos, lemma=words[0], particle=" ".join(words[1:]),
        context=_parse_context(row.get("context") or ""), targets=targets,
        symmetric="symmetric" in flags, source_poss="source_poss" in flags,
        note=(row.get("note") or "").strip(),
    )


def read_patterns(lines: Iterable[str], pos: str, name: str) -> list[Pattern]:
    """Parse one TSV pattern file (an iterable of its lines)."""
    numbered = [(n, line) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]
    if not numbered:
        return []
    reader = csv.reader((line for _, line in numbered), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = [h.strip() for h in next(reader)]
    if header[: len(COLUMNS)] != COLUMNS:
        raise PatternError(f"{name}: header must be {' '.join(COLUMNS)} (tab-separated)")
    patterns = []
    for (number, _), cells in zip(numbered[1:], reader, strict=True):
        where = f"{name}:{number}"
        if len(cells) < 5:
            raise PatternError(f"{where}: expected {len(COLUMNS)} tab-separated columns")
        row = dict(zip(COLUMNS, cells + [""] * (len(COLUMNS) - len(cells)), strict=False))
        patterns.append(_parse_row(row, pos, where))
    return patterns


def _group(patterns: list[Pattern]) -> dict[str, tuple[Pattern, ...]]:
    grouped: dict[str, list[Pattern]] = {}
    for pattern in patterns:
        grouped.setdefault(pattern.lemma, []).append(pattern)
    return {lemma: tuple(sorted(ps, key=lambda p: p.specificity, reverse=True))
            for lemma, ps in grouped.items()}


def build_lexicon(verbs: list[Pattern], nouns: list[Pattern]) -> Lexicon:
    ids = [p.id for p in verbs + nouns]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise PatternError(f"pattern ids must be unique; repeated: {', '.join(dupes[:5])}")
    return Lexicon(verbs=_group(verbs), nouns=_group(nouns))


@functools.cache
def load_lexicon() -> Lexicon:
    """The built-in lexicon shipped with detente: every verbs*.tsv and nouns*.tsv here."""
    here = resources.files(__name__)
    verbs: list[Pattern] = []
    nouns: list[Pattern] = []
    for item in sorted(here.iterdir(), key=lambda i: i.name):
        if item.name.endswith(".tsv") and item.name.startswith(("verbs", "nouns")):
            pos = "verb" if item.name.startswith("verbs") else "noun"
            found = read_patterns(item.read_text("utf-8").splitlines(), pos, item.name)
            (verbs if pos == "verb" else nouns).extend(found)
    return build_lexicon(verbs, nouns)


def load_lexicon_files(verbs: Path | None, nouns: Path | None) -> Lexicon:
    """A user lexicon: the built-in one with the user's files' patterns added."""
    base = load_lexicon()
    extra_verbs = read_patterns(verbs.read_text("utf-8").splitlines(), "verb", str(verbs)) if verbs else []
    extra_nouns = read_patterns(nouns.read_text("utf-8").splitlines(), "noun", str(nouns)) if nouns else []
    all_verbs = [p for ps in base.verbs.values() for p in ps] + extra_verbs
    all_nouns = [p for ps in base.nouns.values() for p in ps] + extra_nouns
    return build_lexicon(all_verbs, all_nouns)
