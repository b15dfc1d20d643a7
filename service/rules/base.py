"""The rule shape shared by every category: a word list plus patterns over folded text."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from service.domain import Category, RuleHit, Strength
from service.normalise import Folded, fold
from service.rules.context import surely_not_own
from service.rules.dictionary import folds_to_ordinary
from service.rules.gate import LiteralIndex, holds, pattern_gate, quick_start, strings
from service.rules.lexicon import Entry, Lexicon, TokenView
from service.rules.lists import Pattern, RuleList
from service.rules.senses import Senses

_MARKED_LATIN = re.compile("[\u00c0-\u02af\u1e00-\u1eff]")
# A hit filter sees the original text and the hit, and says whether the hit stands.
HitFilter = Callable[[str, RuleHit], bool]
# Spans of the original text a rule read and set aside (someone else's quoted or reported
# words, a negated or condemned statement, an innocent homonym): a rule appends to it when
# given one, so the model can be kept from judging what the rules know is not abuse.
Cleared = list[tuple[int, int]]


def entries(
    words: dict[str, str], kind: str = "word", rule_list: RuleList | None = None
) -> dict[str, Entry]:
    """Word-list entries named `word:<word>` (or `root:<word>`), keyed by the word; a
    language folder's words are named `word:<language>:<spelling>`."""
    origin = rule_list.origin if rule_list is not None else {}
    weak = rule_list.weak if rule_list is not None else frozenset()
    return {w: _entry(w, kind, note, origin.get(w), w in weak) for w, note in words.items()}


def _entry(word: str, kind: str, note: str, origin: tuple[str, str] | None, weak: bool) -> Entry:
    strength = Strength.WEAK if weak else Strength.STRONG
    if origin is None:
        return Entry(word, f"{kind}:{word}", note, strength)
    language, spelled = origin
    # Arabizi spells letters with digits (3 = ع, 7 = ح, 5 = خ): such a word is matched
    # as written, not with its digits read as leetspeak ("5ara" is not "sara").
    plain = fold(spelled).plain if " " not in spelled and any(c.isdigit() for c in spelled) else ""
    written_only = _MARKED_LATIN.search(spelled) is not None and folds_to_ordinary(spelled, word)
    return Entry(word, f"{kind}:{language}:{spelled}", note, strength, spelled, plain, written_only)


def lexicon_from(rule_list: RuleList, words: dict[str, str] | None = None) -> Lexicon:
    """Compile a list file's words, roots, allow-list, names and places into a Lexicon."""
    return Lexicon(
        entries(rule_list.words if words is None else words, "word", rule_list),
        roots=entries(rule_list.roots, "root", rule_list),
        allow=set(rule_list.allow),
        names=set(rule_list.names),
        masked=set(rule_list.options["masked"]) if "masked" in rule_list.options else None,
        places=set(rule_list.places),
        name_parts=set(rule_list.name_parts),
        prefixes=rule_list.prefixes,
    )


class _PatternGroup:
    """Patterns over one view of the text (folded or plain), each with its gate: the
    strings a text must hold for it to match (gate.py), found in one pass per text."""

    def __init__(self, patterns: list[Pattern]) -> None:
        self.patterns = patterns
        self.gates = [pattern_gate(p) for p in patterns]
        # What each pattern scans with: the same matches, tried only where one can start.
        # Compiled when first needed, or all at once by `compile` (a server, before it
        # forks): a command that reads one comment compiles the few patterns it needs.
        self._scanners: list[re.Pattern[str] | None] = [None] * len(patterns)
        # A pattern is looked at when a string of its gate's first set is present; one
        # whose gate holds no set (alternatives only, or nothing) is looked at always.
        self.always: list[int] = []
        self.by_literal: dict[str, list[int]] = {}
        for i, gate in enumerate(self.gates):
            if gate and isinstance(gate[0], frozenset):
                for literal in gate[0]:
                    self.by_literal.setdefault(literal, []).append(i)
            else:
                self.always.append(i)
        self.index = LiteralIndex(set().union(*map(strings, self.gates)))

    def candidates(self, target: str) -> list[tuple[Pattern, re.Pattern[str]]]:
        """The patterns that can match `target`, in list order, each with its scanner."""
        present = self.index.present(target)
        chosen = set()
        for i in self.always:
            if holds(self.gates[i], present):
                chosen.add(i)
        for literal in present & self.by_literal.keys():
            for i in self.by_literal[literal]:
                if i not in chosen and holds(self.gates[i], present):
                    chosen.add(i)
        return [(self.patterns[i], self.scanner(i)) for i in sorted(chosen)]

    def scanner(self, i: int) -> re.Pattern[str]:
        """What pattern `i` scans with (gate.quick_start), compiled once."""
        scanner = self._scanners[i]
        if scanner is None:
            scanner = self._scanners[i] = quick_start(self.patterns[i])
        return scanner

    def compile(self) -> None:
        for i in range(len(self.patterns)):
            self.scanner(i)


class ListRule:
    """One category's rule: lexicon and pattern hits, then the category's filters."""

    def __init__(
        self,
        rule_list: RuleList,
        lexicon: Lexicon | None = None,
        filters: Iterable[HitFilter] = (),
    ) -> None:
        self.category: Category = rule_list.category
        self.lexicon = lexicon if lexicon is not None else lexicon_from(rule_list)
        self._folded = _PatternGroup([p for p in rule_list.patterns if not p.plain])
        self._plain = _PatternGroup([p for p in rule_list.patterns if p.plain])
        self.filters = tuple(filters)
        self._senses = Senses(rule_list.senses, frozenset(rule_list.sets.get("aimed", ())))
        self._not_person = frozenset(rule_list.sets.get("not_person", ()))

    def compile(self) -> None:
        """Compile every pattern now rather than when a comment first needs it."""
        self._folded.compile()
        self._plain.compile()

    def _named(self, original: str, folded: Folded, match: re.Match[str]) -> bool:
        """A pattern's `name` groups (`name`, `name2`, ...: one per alternative) must be
        capitalised words that are not a place or body."""
        for group in match.re.groupindex:
            if not group.startswith("name") or match.group(group) is None:
                continue
            start, end = folded.span(*match.span(group))
            word = original[start:end]
            if not word[:1].isupper() or word.casefold() in self._not_person:
                return False
            if word.split()[0].casefold() in self._not_person:
                return False
        return True

    def match(
        self,
        original: str,
        folded: Folded,
        view: TokenView | None = None,
        cleared: Cleared | None = None,
    ) -> list[RuleHit]:
        """Every hit of this category in the text; spans index the original. The spans of
        hits a filter set aside, and of innocent homonyms, are added to `cleared`."""
        hits = [
            RuleHit(self.category, entry.rule, span, entry.strength, entry.note)
            for entry, span in self.lexicon.find(folded, original, view, cleared)
        ]
        for group, target in ((self._folded, folded.text), (self._plain, folded.plain)):
            if not group.patterns:
                continue
            for pattern, scanner in group.candidates(target):
                for match in scanner.finditer(target):
                    if self._named(original, folded, match):
                        span = folded.span(*match.span())
                        hits.append(
                            RuleHit(
                                self.category, pattern.name, span, pattern.strength, pattern.note
                            )
                        )
        kept = []
        for hit in hits:
            if self._senses and self._senses.innocent(original, hit.span) is not None:
                if cleared is not None:  # "a fag and a cup of tea": not the slur
                    cleared.append(hit.span)
                continue
            if all(keep(original, hit) for keep in self.filters):
                kept.append(hit)
            elif cleared is not None and surely_not_own(original, hit):
                cleared.append(hit.span)
        return kept
