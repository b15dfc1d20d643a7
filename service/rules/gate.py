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
from re import _constants as C  # noqa: N812 - sre opcodes
from re import _parser as sre_parse

import ahocorasick

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


def _required(items) -> list[frozenset[str]]:
    """Every usable required set of a concatenation's items: a match holds one string of
    each (a branch counts with its most selective set, as in `_sequence`)."""
    found: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is C.LITERAL:
            run.append(chr(av))
            continue
        if run:
            found.append(frozenset(["".join(run)]))
            run.clear()
        if op is C.SUBPATTERN:
            found.extend(_required(av[-1]))
        elif op is C.BRANCH:
            best = _sequence([(op, av)])
            if best is not None:
                found.append(best)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
            found.extend(_required(av[2]))
    return [c for c in found if _best([c]) is not None]


def _parsed(regex: re.Pattern[str]) -> list | None:
    try:
        return list(sre_parse.parse(regex.pattern, regex.flags))
    except re.error:
        return None


def required_literals(regex: re.Pattern[str]) -> frozenset[str] | None:
    """Strings of which every match contains one, or None if the pattern has none usable."""
    tree = _parsed(regex)
    return None if tree is None else _sequence(tree)


def required_sets(regex: re.Pattern[str]) -> tuple[frozenset[str], ...]:
    """Sets of strings such that every match contains one string of each set (empty: none
    usable). A pattern needing "her" and "legs" is skipped on a text with only "her"."""
    tree = _parsed(regex)
    return () if tree is None else tuple(dict.fromkeys(_required(tree)))


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
        return {literal for _, literal in self._automaton.iter(text)}
