"""The group lexicon (lists/groups.toml): which words of a text name a group of people,
an organisation, or refer back to one.

A group is named by a noun ("Kurds", "a Jew"), by adjectives before a head noun ("Kurdish
people", "gay Arab men", "Syrian refugees"), or, after a group was named, by a pronoun
("they", "these people"). An adjective before an organisation noun ("the Turkish army",
"the Iranian regime") names an organisation, not a people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from service.rules.clauses import PhraseSet, Reading, words_of
from service.rules.lists import RuleListError, read_table_file

_LETTERS = re.compile(r"[a-z]+")  # words as the token view's gate sets hold them
# Adjectives in a row before a head ("gay Kurdish Muslim men").
MAX_ADJECTIVES = 3


@dataclass(frozen=True, slots=True)
class Group:
    """A listed group: protected (attacks on it are abuse) or not (insults attack people)."""

    name: str
    protected: bool
    reason: str


class MentionKind(StrEnum):
    GROUP = "group"  # a noun, or adjectives with a head: "Kurds", "Kurdish people"
    ADJECTIVE = "adjective"  # adjectives before another noun: "Kurdish scum"
    ORGANISATION = "organisation"  # "the PKK", "the Turkish army": not a people
    PRONOUN = "pronoun"  # "they", "these people": the last group or organisation named


@dataclass(frozen=True, slots=True)
class Mention:
    """Words [start, stop) of a reading that name a group (or an organisation)."""

    start: int
    stop: int
    kind: MentionKind
    groups: tuple[Group, ...] = ()
    referent: Mention | None = None  # for a pronoun: the mention it refers back to

    @property
    def protected(self) -> bool:
        return any(g.protected for g in self.groups)


class GroupLexicon:
    """The compiled groups.toml."""

    def __init__(self, path: Path) -> None:
        data, self.digest = read_table_file(path)
        self._nouns: dict[str, Group] = {}
        self._adjectives: dict[str, list[Group]] = {}
        for section, protected in (("protected", True), ("nonprotected", False)):
            for name, spec in data.get(section, {}).items():
                if not isinstance(spec, dict) or not isinstance(spec.get("reason"), str):
                    raise RuleListError(f"{path.name}: [{section}.{name}] needs a reason")
                group = Group(name, protected, spec["reason"])
                for noun in spec.get("nouns", []):
                    self._nouns[" ".join(words_of(noun))] = group
                for adjective in spec.get("adjectives", []):
                    self._adjectives.setdefault(" ".join(words_of(adjective)), []).append(group)
        self._noun_phrases = PhraseSet(self._nouns)
        self._heads = frozenset(data.get("heads", {}))
        self._organisation_heads = frozenset(data.get("organisation_heads", {}))
        self._organisations = frozenset(data.get("organisations", {}))
        # The words a text must contain for any group to be named (its cheap gate).
        self.gate = frozenset(
            w for phrase in [*self._nouns, *self._adjectives] for w in _LETTERS.findall(phrase)[:1]
        )

    def _adjective_run(self, words: list[str], i: int, stop: int) -> int:
        """How many listed adjectives stand in a row from word i."""
        n = 0
        while i + n < stop and n < MAX_ADJECTIVES and words[i + n] in self._adjectives:
            n += 1
        return n

    def _at(self, reading: Reading, i: int) -> Mention | None:
        """The mention starting at word i, if any."""
        words, stop = reading.words, reading.clause_stop[i]
        run = self._adjective_run(words, i, stop)
        if run:
            groups = tuple(g for w in words[i : i + run] for g in self._adjectives[w])
            k = i + run
            if k < stop:
                noun = self._noun_phrases.at(words, k, stop)
                if noun:  # "Syrian refugees", "Turkish Kurds"
                    head = self._nouns[" ".join(words[k : k + noun])]
                    return Mention(i, k + noun, MentionKind.GROUP, (*groups, head))
                if words[k] in self._heads:  # "Kurdish people"
                    return Mention(i, k + 1, MentionKind.GROUP, groups)
                if words[k] in self._organisation_heads:  # "the Turkish army"
                    return Mention(i, k + 1, MentionKind.ORGANISATION)
            if run == 1 and words[i] in self._nouns:  # "an Arab", a noun and an adjective
                return Mention(i, i + 1, MentionKind.GROUP, (self._nouns[words[i]],))
            return Mention(i, k, MentionKind.ADJECTIVE, groups)
        noun = self._noun_phrases.at(words, i, stop)
        if noun:
            group = self._nouns[" ".join(words[i : i + noun])]
            return Mention(i, i + noun, MentionKind.GROUP, (group,))
        if words[i] in self._organisations:
            return Mention(i, i + 1, MentionKind.ORGANISATION)
        return None

    def mentions(self, reading: Reading, pronouns: PhraseSet) -> list[Mention]:
        """Every mention in the text, in order; pronouns resolved to the last one before."""
        out: list[Mention] = []
        last: Mention | None = None
        words, i, n = reading.words, 0, len(reading.words)
        while i < n:
            mention = self._at(reading, i)
            if mention is None:
                size = pronouns.at(words, i, reading.clause_stop[i])
                if size and last is not None and last.kind is MentionKind.GROUP:
                    mention = Mention(i, i + size, MentionKind.PRONOUN, last.groups, last)
                elif size:  # a pronoun after an organisation, or after nothing named
                    last = None
                i += size or 1
                if mention is not None:
                    out.append(mention)
                continue
            if mention.kind is not MentionKind.ADJECTIVE:
                last = mention
            out.append(mention)
            i = mention.stop
        return out
