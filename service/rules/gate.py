"""Cheap pre-checks for rule patterns: the literal text a regex cannot match without.

`required_literals(regex)` reads the compiled pattern's syntax tree and returns a set of
strings such that every match contains at least one of them, or None when it cannot tell.
A pattern then runs only on texts containing one of those strings: most comments contain
none. `LiteralIndex` finds which of all the gates' strings a text contains in one
Aho-Corasick pass, instead of one substring search per string.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from operator import itemgetter
from re import _constants as C  # noqa: N812 - sre opcodes
from re import _parser as sre_parse
from typing import Protocol

import ahocorasick


class Source(Protocol):
    """A pattern not compiled yet: its text and flags, as `re.Pattern` has them."""

    @property
    def pattern(self) -> str: ...

    @property
    def flags(self) -> int: ...


# A gate with more strings than this costs about as much as the regex it guards.
MAX_GATE_SIZE = 60
# Shorter strings ("re", "0") occur in nearly every comment and would gate nothing.
MIN_LITERAL_LENGTH = 3


def _score(options: frozenset[str]) -> tuple[int, int]:
    return (min(len(s) for s in options), -len(options))


def _best(candidates: list[frozenset[str]]) -> frozenset[str] | None:
    candidates = [
        c
        for c in candidates
        if c and len(c) <= MAX_GATE_SIZE and min(map(len, c)) >= MIN_LITERAL_LENGTH
    ]
    return max(candidates, key=_score) if candidates else None


def _sequence(items) -> frozenset[str] | None:
    """The most selective required set among the items of a concatenation."""
    found: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            found.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in items:
        if op is C.LITERAL:
            run.append(chr(av))
            continue
        flush()
        if op is C.SUBPATTERN:
            sub = _sequence(av[-1])
            if sub is not None:
                found.append(sub)
        elif op is C.BRANCH:
            options: set[str] = set()
            for alternative in av[1]:
                sub = _sequence(alternative)
                if sub is None:
                    options = set()
                    break
                options |= sub
            if options:
                found.append(frozenset(options))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
            sub = _sequence(av[2])
            if sub is not None:
                found.append(sub)
    flush()
    return _best(found)


# A gate is a conjunction: each item a set of strings of which the text must hold one, or
# a tuple of alternatives (a branch's), each a tuple of such sets, of which one must hold.
Gate = tuple


def _usable(literal: str) -> bool:
    """Long enough to be selective: three characters, or digits and symbols only ("@",
    "+", "00", an emoji), which most comments lack."""
    return len(literal) >= MIN_LITERAL_LENGTH or not any(
        c.isalpha() or c.isspace() for c in literal
    )


def _sets(gate: Gate) -> tuple[frozenset[str], ...]:
    return tuple(item for item in gate if isinstance(item, frozenset))


def _gate(items) -> Gate:
    """What a concatenation's every match holds (empty: nothing usable)."""
    found: list = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is C.LITERAL:
            run.append(chr(av))
            continue
        if run and _usable("".join(run)):
            found.append(frozenset(["".join(run)]))
        run.clear()
        if op is C.SUBPATTERN:
            found.extend(_gate(av[-1]))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
            found.extend(_gate(av[2]))
        elif op is C.IN and all(o is C.LITERAL and _usable(chr(v)) for o, v in av):
            found.append(frozenset(chr(v) for _, v in av))  # "[🍆💦]"
        elif op is C.BRANCH:
            # each alternative by its sets alone, which bounds the work of `holds`
            alternatives = [_sets(_gate(alternative)) for alternative in av[1]]
            if not all(alternatives):
                continue  # an alternative that needs nothing: the branch needs nothing
            # one string of each alternative's most selective set: the cheap test first
            found.append(frozenset().union(*(max(a, key=_score) for a in alternatives)))
            if any(len(a) > 1 for a in alternatives):
                found.append(tuple(dict.fromkeys(alternatives)))
    # sets first, most selective first: they are the cheaper test
    sets = sorted(dict.fromkeys(_sets(tuple(found))), key=_score, reverse=True)
    return (*sets, *dict.fromkeys(item for item in found if isinstance(item, tuple)))


def holds(gate: Gate, present: set[str]) -> bool:
    """Whether a text holding the strings `present` can match a pattern of this gate
    (loops, not generators: it runs for dozens of patterns per comment)."""
    disjoint = present.isdisjoint
    for item in gate:
        if type(item) is frozenset:
            if disjoint(item):
                return False
            continue
        for alternative in item:
            for needed in alternative:
                if disjoint(needed):
                    break
            else:
                break  # this alternative can hold
        else:
            return False
    return True


def strings(gate: Gate) -> set[str]:
    """Every string a gate looks for."""
    out: set[str] = set()
    for item in gate:
        for s in [item] if isinstance(item, frozenset) else [s for a in item for s in a]:
            out |= s
    return out


def parse(pattern: str, flags: int = 0) -> list:
    """The syntax tree of a pattern (raises re.error). Parsing is most of what compiling
    a pattern costs; the lists' validation, gates and first characters share one parse."""
    return _parse(pattern, flags)


@lru_cache(maxsize=8192)  # about a thousand patterns and variants ship
def _parse(pattern: str, flags: int) -> list:
    tree = list(sre_parse.parse(pattern, flags))
    if "(?<" in pattern:
        _check_look_behinds(tree)
    return tree


def _check_look_behinds(items) -> None:
    """Raise what compiling would: the one error `re` finds after parsing."""
    for op, av in items:
        if op in (C.ASSERT, C.ASSERT_NOT) and av[0] < 0:
            lo, hi = av[1].getwidth()
            if lo != hi:
                raise re.error("look-behind requires fixed-width pattern")
        for part in av if isinstance(av, tuple | list) else ():
            for sub in part if isinstance(part, list) else [part]:
                if isinstance(sub, sre_parse.SubPattern):
                    _check_look_behinds(sub)


def _parsed(regex: re.Pattern[str] | Source) -> list | None:
    try:
        return _parse(regex.pattern, regex.flags)
    except re.error:
        return None


def required_literals(regex: re.Pattern[str] | Source) -> frozenset[str] | None:
    """Strings of which every match contains one, or None if the pattern has none usable."""
    tree = _parsed(regex)
    return None if tree is None else _sequence(tree)


def pattern_gate(regex: re.Pattern[str] | Source) -> Gate:
    """What every match of the pattern holds (empty: nothing usable): "her" alone no
    longer runs a pattern that also needs a word for a body part."""
    tree = _parsed(regex)
    return () if tree is None else _gate(tree)


class LiteralIndex:
    """Which of a fixed set of strings occur in a text, found in a single pass."""

    def __init__(self, literals: Iterable[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        for literal in set(literals):
            self._automaton.add_word(literal, literal)
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def present(self, text: str) -> set[str]:
        """The indexed strings that occur in `text`."""
        if self._empty:
            return set()
        return set(map(itemgetter(1), self._automaton.iter(text)))


# A look-ahead of more characters than this rejects too few places to pay for itself.
MAX_FIRST_CHARS = 40
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)


def _class_chars(items) -> set[str] | None:
    """The characters of a character class, or None for a negated or category class."""
    chars: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            chars.add(chr(av))
        elif op is C.RANGE and av[1] - av[0] < MAX_FIRST_CHARS:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None
    return chars


def _starts(items) -> tuple[frozenset[str], bool] | None:
    """The characters a match of the concatenation `items` can start with, and whether it
    can match the empty string; None when that cannot be told."""
    found: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # \b, ^, look-arounds consume nothing: the next item starts the match
        if op is C.LITERAL:
            return frozenset(found | {chr(av)}), False
        if op is C.IN:
            chars = _class_chars(av)
            return None if chars is None else (frozenset(found | chars), False)
        if op is C.SUBPATTERN:
            if av[1] or av[2]:  # a group with flags of its own ("(?i:...)")
                return None
            sub = _starts(av[-1])
        elif op is C.BRANCH:
            alternatives = [_starts(alternative) for alternative in av[1]]
            if any(a is None for a in alternatives):
                return None
            sub = (
                frozenset().union(*(a[0] for a in alternatives)),
                any(a[1] for a in alternatives),
            )  # type: ignore[index]
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            inner = _starts(av[2])
            sub = None if inner is None else (inner[0], inner[1] or av[0] == 0)
        else:
            return None
        if sub is None:
            return None
        found |= sub[0]
        if not sub[1]:
            return frozenset(found), False
    return frozenset(found), True


def first_chars(regex: re.Pattern[str] | Source) -> frozenset[str] | None:
    """The characters every match of the pattern starts with, or None when it may match
    the empty string or the parser cannot tell."""
    tree = _parsed(regex)
    starts = None if tree is None else _starts(tree)
    return None if starts is None or starts[1] else starts[0]


def quick_start(regex: re.Pattern[str] | Source) -> re.Pattern[str]:
    """The same pattern behind a look-ahead at its first characters, where few: Python's
    `re` then tries its alternatives only where a match can start ("\\b(?:call|say|...)"
    is about 2.5 times faster). The matches, their spans and groups are the pattern's.
    Given a pattern's source (a list's pattern), only the form returned is compiled."""
    chars = first_chars(regex)
    if chars and len(chars) <= MAX_FIRST_CHARS and not regex.flags & re.VERBOSE:
        ahead = "".join(re.escape(c) for c in sorted(chars))
        try:
            return re.compile(f"(?=[{ahead}])(?:{regex.pattern})", regex.flags)
        except re.error:  # global inline flags ("(?i)...") must open the pattern
            pass
    return regex if isinstance(regex, re.Pattern) else re.compile(regex.pattern, regex.flags)
