"""What is said of a group (lists/predicates.toml): kinds of attack, their vocabulary, and
the frames that join a group to a predicate.

A frame is a template such as "{group} {be} {dehumanising}" or "death to {group}": the
parts before the {group} slot are matched backwards from the group, the parts after it
forwards, with up to MAX_FILLERS filler words ("all", "just", "the", "like") between two
parts and never a negation, unless the template itself says it ("{group} {dont} deserve
to {life}"). A frame is looked up only through the words next to a group, so a group
costs a few dictionary lookups, not one try per frame.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from service.domain import Category, Strength
from service.rules.clauses import MAX_FILLERS, Cues, PhraseSet, Reading, words_of
from service.rules.lists import RuleListError, read_table_file
from service.rules.typos import Misspellings

SLOT = "{group}"
START = "^"
END = "$"
_SET = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of attack and the categories it breaks."""

    name: str
    category: Category  # against a protected group
    also: Category | None  # a second category it breaks as well
    nonprotected: Category | None  # against a non-protected group (None: allowed)
    reason: str


@dataclass(frozen=True)
class Frame:
    """One template of a kind, compiled: the parts on each side of the group."""

    name: str
    kind: Kind
    before: tuple[PhraseSet, ...]  # nearest the group first
    after: tuple[PhraseSet, ...]
    anchored: bool  # the match must start its clause (^)
    closed: bool  # the match must end its clause ($)
    strength: Strength
    note: str
    adjective: bool  # may follow a bare adjective ("Kurdish scum")
    question: bool  # holds only in a question ("are Kurds lazy?")

    def match(self, reading: Reading, start: int, stop: int, cues: Cues) -> tuple[int, int] | None:
        """The words [first, last) of this frame around the group at [start, stop), or None."""
        words = reading.words
        if self.question and not reading.question[start]:
            return None
        first, last = start, stop
        clause_start, clause_stop = reading.clause_start[start], reading.clause_stop[start]
        for part in self.before:
            first = _back(part, words, first, clause_start, cues)
            if first is None:
                return None
        if self.anchored:
            skipped = 0
            while first > clause_start and cues.skips(words, first - 1) and skipped < MAX_FILLERS:
                first -= 1
                skipped += 1
            if first != clause_start:
                return None
        for part in self.after:
            last = _forward(part, words, last, clause_stop, cues)
            if last is None:
                return None
        if self.closed and last != clause_stop:
            return None
        return first, last


def _forward(part: PhraseSet, words: list[str], i: int, stop: int, cues: Cues) -> int | None:
    """Where `part` ends when found from word i on, past at most MAX_FILLERS fillers."""
    for _ in range(MAX_FILLERS + 1):
        if i >= stop:
            return None
        n = part.at(words, i, stop)
        if n:
            return i + n
        if cues.negates(words, i, stop):
            return None
        if not cues.skips(words, i) and words[i] not in cues.negation.firsts():
            return None
        i += 1  # a filler, or a negation word that does not negate here ("no better than")
    return None


def _back(part: PhraseSet, words: list[str], i: int, start: int, cues: Cues) -> int | None:
    """Where `part` starts when found ending before word i, past at most MAX_FILLERS fillers."""
    for _ in range(MAX_FILLERS + 1):
        if i <= start:
            return None
        n = part.ending(words, i - 1, start)
        if n:
            return i - n
        if not cues.skips(words, i - 1):
            return None
        i -= 1
    return None


class Predicates:
    """The compiled predicates.toml: frames indexed by the words next to the group."""

    def __init__(self, path: Path, known: frozenset[str] = frozenset()) -> None:
        """`known`: every word of the analysis' lists, never read as a misspelling."""
        data, self.digest = read_table_file(path)
        kinds = {}
        for name, spec in data.get("kinds", {}).items():
            try:
                kinds[name] = Kind(
                    name,
                    Category(spec["category"]),
                    Category(spec["also"]) if "also" in spec else None,
                    Category(spec["nonprotected"]) if "nonprotected" in spec else None,
                    spec["reason"],
                )
            except (KeyError, ValueError) as exc:
                raise RuleListError(f"{path.name}: [kinds.{name}]: {exc}") from exc
        sets = {}
        for name, table in data.get("sets", {}).items():
            if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
                raise RuleListError(f"{path.name}: [sets.{name}] must map each word to a reason")
            sets[name] = PhraseSet(table, known)
        self.frames: list[Frame] = []
        for name, spec in data.get("frames", {}).items():
            self.frames.append(_frame(path.name, name, spec, kinds, sets, known))
        # Frames by a word that can stand right after the group (or, for frames with
        # nothing after it, right before it).
        self._after: dict[str, list[int]] = {}
        self._before: dict[str, list[int]] = {}
        for i, frame in enumerate(self.frames):
            if frame.after:
                for word in frame.after[0].firsts():
                    self._after.setdefault(word, []).append(i)
            else:
                for word in frame.before[0].lasts():
                    self._before.setdefault(word, []).append(i)
        self._typos = Misspellings([*self._after, *self._before], known)

    def _indexed(self, index: dict[str, list[int]], word: str) -> list[int]:
        found = index.get(word)
        if found is None:
            fixed = self._typos.correct(word)  # "Kurds disgsut me"
            found = index.get(fixed, []) if fixed else []
        return found

    def candidates(self, reading: Reading, start: int, stop: int) -> list[Frame]:
        """The frames that may hold around the group at words [start, stop)."""
        words, chosen = reading.words, set()
        end = min(reading.clause_stop[start], stop + MAX_FILLERS + 1)
        for k in range(stop, end):
            chosen.update(self._indexed(self._after, words[k]))
        begin = max(reading.clause_start[start], start - MAX_FILLERS - 1)
        for k in range(begin, start):
            chosen.update(self._indexed(self._before, words[k]))
        return [self.frames[i] for i in sorted(chosen)]


def _frame(
    file: str, name: str, spec: dict, kinds: dict, sets: dict, known: frozenset[str]
) -> Frame:
    """Compile one [frames.NAME] table."""
    where = f"{file}: [frames.{name}]"
    if spec.get("kind") not in kinds:
        raise RuleListError(f"{where}: unknown kind {spec.get('kind')!r}")
    parts = str(spec.get("template", "")).split()
    if parts.count(SLOT) != 1:
        raise RuleListError(f"{where}: the template needs {SLOT} exactly once")
    anchored = parts[0] == START
    closed = parts[-1] == END
    parts = parts[1 if anchored else 0 : -1 if closed else None]
    compiled: list[PhraseSet | None] = []
    for part in parts:
        if part == SLOT:
            compiled.append(None)
            continue
        found = _SET.fullmatch(part)
        if found:
            if found.group(1) not in sets:
                raise RuleListError(f"{where}: unknown set {part}")
            compiled.append(sets[found.group(1)])
        elif words_of(part):
            compiled.append(PhraseSet([part], known))
        else:
            raise RuleListError(f"{where}: cannot read {part!r}")
    slot = compiled.index(None)
    before = tuple(reversed(compiled[:slot]))
    after = tuple(compiled[slot + 1 :])
    if not before and not after:
        raise RuleListError(f"{where}: the template needs words besides {SLOT}")
    return Frame(
        name,
        kinds[spec["kind"]],
        before,  # type: ignore[arg-type]
        after,  # type: ignore[arg-type]
        anchored,
        closed,
        Strength(spec.get("strength", "strong")),
        spec.get("note", ""),
        bool(spec.get("adjective", False)),
        bool(spec.get("question", False)),
    )
