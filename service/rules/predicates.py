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
GAP = "..."
# A gap ("rather ... {lowly} than {group}") stands for up to this many words of any kind
# (a frame's `gap_words` may say more), but no negation and no word of [gap_stops].
GAP_WORDS = 6
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
    before: tuple[PhraseSet | None, ...]  # nearest the group first; None: a gap (...)
    after: tuple[PhraseSet | None, ...]
    anchored: bool  # the match must start its clause (^)
    closed: bool  # the match must end its clause ($)
    sentence: bool  # the parts may lie in other clauses of the group's sentence
    gap_stops: frozenset[str]  # words a gap may not cross
    gap_words: int  # the most words a gap stands for
    strength: Strength
    note: str
    adjective: bool  # may follow a bare adjective ("Kurdish scum")
    question: bool  # holds only in a question ("are Kurds lazy?")
    endorses: bool  # endorses a report it holds ("calling X dogs is AN INSULT TO DOGS")

    def match(
        self, reading: Reading, start: int, stop: int, cues: Cues, negated: bool = False
    ) -> tuple[int, int] | None:
        """The words [first, last) of this frame around the group at [start, stop), or None.

        `negated`: read through negations as if they were fillers, to find the statement a
        comment denies ("Kurds are NOT vermin"), which the frame itself never matches.
        """
        words = reading.words
        if self.question and not reading.question[start]:
            return None
        if self.sentence:
            bounds = reading.sentence_start[start], reading.sentence_stop[start]
        else:
            bounds = reading.clause_start[start], reading.clause_stop[start]
        first = self._back_from(words, 0, start, bounds[0], cues, negated)
        if first is None:
            return None
        last = self._forward_from(words, 0, stop, bounds[1], cues, negated)
        return None if last is None else (first, last)

    def _forward_from(
        self, words: list[str], k: int, i: int, stop: int, cues: Cues, negated: bool
    ) -> int | None:
        """Where after-parts k... end when read from word i; a gap tries each place the
        part past it is found, so "as useful AS A GOAT" is found past the first "as"."""
        if k == len(self.after):
            return i if not self.closed or i == stop else None
        part = self.after[k]
        if part is not None:
            end = _forward(part, words, i, stop, cues, negated)
            return (
                None if end is None else self._forward_from(words, k + 1, end, stop, cues, negated)
            )
        following = self.after[k + 1]
        for j in range(i, min(stop, i + self.gap_words + 1)):
            n = following.at(words, j, stop)  # type: ignore[union-attr]
            if n:
                end = self._forward_from(words, k + 2, j + n, stop, cues, negated)
                if end is not None:
                    return end
            if words[j] in self.gap_stops or (not negated and cues.negates(words, j, stop)):
                return None
        return None

    def _back_from(
        self, words: list[str], k: int, i: int, start: int, cues: Cues, negated: bool
    ) -> int | None:
        """Where before-parts k... start when read backwards from word i (exclusive)."""
        if k == len(self.before):
            if self.anchored:
                skipped = 0
                while i > start and cues.skips(words, i - 1) and skipped < MAX_FILLERS:
                    i -= 1
                    skipped += 1
                if i != start:
                    return None
            return i
        part = self.before[k]
        if part is not None:
            begin = _back(part, words, i, start, cues, negated)
            return (
                None
                if begin is None
                else self._back_from(words, k + 1, begin, start, cues, negated)
            )
        following = self.before[k + 1]
        for j in range(i, max(start, i - self.gap_words - 1), -1):
            n = following.ending(words, j - 1, start)  # type: ignore[union-attr]
            if n:
                begin = self._back_from(words, k + 2, j - n, start, cues, negated)
                if begin is not None:
                    return begin
            if words[j - 1] in self.gap_stops or (not negated and cues.negates(words, j - 1, j)):
                return None
        return None


def _forward(
    part: PhraseSet, words: list[str], i: int, stop: int, cues: Cues, negated: bool = False
) -> int | None:
    """Where `part` ends when found from word i on, past at most MAX_FILLERS fillers (and
    negations, if `negated`)."""
    for _ in range(MAX_FILLERS + 1):
        if i >= stop:
            return None
        n = part.at(words, i, stop)
        if n:
            return i + n
        skip = cues.negates(words, i, stop)
        if skip:
            if not negated:
                return None
            i += skip
            continue
        if not cues.skips(words, i) and words[i] not in cues.negation.firsts():
            return None
        i += 1  # a filler, or a negation word that does not negate here ("no better than")
    return None


def _back(
    part: PhraseSet, words: list[str], i: int, start: int, cues: Cues, negated: bool = False
) -> int | None:
    """Where `part` starts when found ending before word i, past at most MAX_FILLERS fillers
    (and one-word negations, if `negated`)."""
    for _ in range(MAX_FILLERS + 1):
        if i <= start:
            return None
        n = part.ending(words, i - 1, start)
        if n:
            return i - n
        if negated and cues.negates(words, i - 1, i) == 1:
            i -= 1
            continue
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
        stops = frozenset(w for phrase in data.get("gap_stops", {}) for w in words_of(phrase))
        self.frames: list[Frame] = []
        for name, spec in data.get("frames", {}).items():
            self.frames.append(_frame(path.name, name, spec, kinds, sets, known, stops))
        # Frames by a word that can stand right after the group (or, for frames with
        # nothing after it, right before it).
        # Frames whose group is followed (or preceded) by a gap are found by the words of
        # the part past the gap, further away.
        self._after: dict[str, list[int]] = {}
        self._before: dict[str, list[int]] = {}
        self._after_far: dict[str, list[int]] = {}
        self._before_far: dict[str, list[int]] = {}
        for i, frame in enumerate(self.frames):
            side = frame.after or frame.before
            near, far = (
                (self._after, self._after_far) if frame.after else (self._before, self._before_far)
            )
            index, part = (far, side[1]) if side[0] is None else (near, side[0])
            words = part.firsts() if frame.after else part.lasts()  # type: ignore[union-attr]
            for word in words:
                index.setdefault(word, []).append(i)
        far = [f.gap_words for f in self.frames if (f.after or f.before)[0] is None]
        self._reach = max(far, default=GAP_WORDS) + MAX_FILLERS + 1  # how far a far part is
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
        # the sentence's words, for frames that may cross a clause (their match checks)
        end = min(reading.sentence_stop[start], stop + MAX_FILLERS + 1)
        for k in range(stop, end):
            chosen.update(self._indexed(self._after, words[k]))
        begin = max(reading.sentence_start[start], start - MAX_FILLERS - 1)
        for k in range(begin, start):
            chosen.update(self._indexed(self._before, words[k]))
        reach = self._reach
        if self._after_far:
            for k in range(stop, min(reading.sentence_stop[start], stop + reach)):
                chosen.update(self._after_far.get(words[k], ()))
        if self._before_far:
            for k in range(max(reading.sentence_start[start], start - reach), start):
                chosen.update(self._before_far.get(words[k], ()))
        return [self.frames[i] for i in sorted(chosen)]


def _frame(
    file: str,
    name: str,
    spec: dict,
    kinds: dict,
    sets: dict,
    known: frozenset[str],
    gap_stops: frozenset[str] = frozenset(),
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
    compiled: list[PhraseSet | str | None] = []  # None: a gap; SLOT: the group
    for part in parts:
        if part == SLOT:
            compiled.append(SLOT)
            continue
        if part == GAP:
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
    slot = compiled.index(SLOT)
    before = tuple(reversed(compiled[:slot]))
    after = tuple(compiled[slot + 1 :])
    if not before and not after:
        raise RuleListError(f"{where}: the template needs words besides {SLOT}")
    for side in (before, after):  # a gap ends no template, nor stands next to another
        if side and (
            side[-1] is None or any(a is b is None for a, b in zip(side, side[1:], strict=False))
        ):
            raise RuleListError(f"{where}: {GAP} must stand between two parts")
    return Frame(
        name,
        kinds[spec["kind"]],
        before,  # type: ignore[arg-type]
        after,  # type: ignore[arg-type]
        anchored,
        closed,
        bool(spec.get("sentence", False)),
        gap_stops,
        int(spec.get("gap_words", GAP_WORDS)),
        Strength(spec.get("strength", "strong")),
        spec.get("note", ""),
        bool(spec.get("adjective", False)),
        bool(spec.get("question", False)),
        bool(spec.get("endorses", False)),
    )
