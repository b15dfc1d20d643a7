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
from service.rules.typos import MASK_CHARS, MIN_LISTED_FOR_ADDED, Misspellings

# Words after which a non-protected group names what its members follow.
_TAKES_OBJECT = frozenset({"of", "for", "support", "supports", "follow", "follows"})
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

    def __init__(self, path: Path, known: frozenset[str] = frozenset()) -> None:
        """`known`: every word of the analysis' lists, never read as a misspelling."""
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
        self._noun_phrases = PhraseSet(self._nouns, known)
        self._adjective_typos = Misspellings(self._adjectives, known)
        self._heads = frozenset(data.get("heads", {}))
        self._organisation_heads = frozenset(data.get("organisation_heads", {}))
        # states and places are not peoples ("Israel", "Syria"), nor organisations' names
        self._organisations = frozenset(data.get("organisations", {})) | frozenset(
            data.get("places", {})
        )
        # The words a text must contain for any group to be named (its cheap gate),
        # misspelt ones included; `may_name` also tries a letter added.
        firsts = [
            w for phrase in [*self._nouns, *self._adjectives] for w in _LETTERS.findall(phrase)[:1]
        ]
        self.gate = (
            frozenset(firsts)
            | self._adjective_typos.variants()
            | (self._noun_phrases.typos.variants() if self._noun_phrases.typos else frozenset())
        )
        self._added = Misspellings(firsts, known)
        # The words that may name an organisation or a place, whose criticism is allowed.
        self.organisation_gate = frozenset(
            w
            for phrase in [*self._organisations, *self._organisation_heads]
            for w in _LETTERS.findall(phrase)[:1]
        )

    def may_name(self, tokens: frozenset[str], text: str = "") -> bool:
        """False only when none of a text's words can name a group; `text` (the folded
        text): a mask in it may hide a group's letters ("K*rds"), an "@" an a ("@rabs")."""
        if not self.gate.isdisjoint(tokens):
            return True
        if any(mask in text for mask in MASK_CHARS):
            return True
        if "@" in text and any(self.reads("a" + t) for t in tokens):  # "@rabs"
            return True
        return any(self._added.correct(t) for t in tokens if len(t) >= MIN_LISTED_FOR_ADDED)

    def reads(self, word: str) -> bool:
        """Whether a word names a group, as listed or misspelt."""
        if word in self._nouns or word in self._adjectives:
            return True
        nouns = self._noun_phrases.typos
        return self._adjective(word) is not None or (
            nouns is not None and nouns.correct(word) is not None
        )

    def _adjective(self, word: str) -> str | None:
        """The listed adjective a word is, or misspells; not a misspelt noun that reads as
        an adjective only with a letter added ("Blacsk": blacks swapped, not black + s)."""
        if word in self._adjectives:
            return word
        adjective = self._adjective_typos.correct(word)
        nouns = self._noun_phrases.typos
        if adjective is not None and nouns is not None and nouns.variant(word) is not None:
            return adjective if self._adjective_typos.variant(word) is not None else None
        return adjective

    def _adjective_run(self, words: list[str], i: int, stop: int) -> list[str]:
        """The listed adjectives standing in a row from word i."""
        run: list[str] = []
        while i + len(run) < stop and len(run) < MAX_ADJECTIVES:
            adjective = self._adjective(words[i + len(run)])
            if adjective is None:
                break
            run.append(adjective)
        return run

    def _at(self, reading: Reading, i: int) -> Mention | None:
        """The mention starting at word i, if any."""
        words, stop = reading.words, reading.clause_stop[i]
        adjectives = self._adjective_run(words, i, stop)
        run = len(adjectives)
        if run:
            groups = tuple(g for w in adjectives for g in self._adjectives[w])
            k = i + run
            if k < stop:
                noun = self._noun_phrases.entry_at(words, k, stop)
                if noun:  # "Syrian refugees", "Turkish Kurds"
                    head = self._nouns[" ".join(noun)]
                    # "the Iranian minister", "Kurdish politicians": the adjectives say
                    # which office holders, and the job, not the people, is the target
                    named = (*groups, head) if head.protected else (head,)
                    return Mention(i, k + len(noun), MentionKind.GROUP, named)
                if words[k] in self._heads:  # "Kurdish people"
                    return Mention(i, k + 1, MentionKind.GROUP, groups)
                if words[k] in self._organisation_heads:  # "the Turkish army"
                    return Mention(i, k + 1, MentionKind.ORGANISATION)
            if run == 1 and words[i] in self._nouns:  # "an Arab", a noun and an adjective
                return Mention(i, i + 1, MentionKind.GROUP, (self._nouns[words[i]],))
            if words[k - 1] in self._nouns:  # "a Syrian refugee": the last is a noun too
                return Mention(i, k, MentionKind.GROUP, (*groups, self._nouns[words[k - 1]]))
            return Mention(i, k, MentionKind.ADJECTIVE, groups)
        noun = self._noun_phrases.entry_at(words, i, stop)
        if noun:
            mention = Mention(i, i + len(noun), MentionKind.GROUP, (self._nouns[" ".join(noun)],))
            return self._with_object(words, mention, stop)
        if words[i] in self._organisations:
            return Mention(i, i + 1, MentionKind.ORGANISATION)
        return None

    def _with_object(self, words: list[str], mention: Mention, stop: int) -> Mention:
        """A non-protected group named by whom they follow ("fans OF Chelsea", "people who
        vote FOR him"): the mention takes the object's word (and its article)."""
        k = mention.stop
        if mention.protected or not (
            words[k - 1] in _TAKES_OBJECT or (k < stop and words[k] in _TAKES_OBJECT)
        ):
            return mention
        k += words[k - 1] not in _TAKES_OBJECT  # past "of"
        k += k < stop and words[k] in ("the", "a", "an")
        k += k < stop
        return Mention(mention.start, min(k, stop), mention.kind, mention.groups)

    def mentions(self, reading: Reading, pronouns: PhraseSet) -> list[Mention]:
        """Every mention in the text, in order. A pronoun that opens a sentence refers to
        what the sentence before was about, its first mention ("ISIS attacked Kurds. They
        are animals": ISIS); any other pronoun to the last mention before it."""
        out: list[Mention] = []
        last: Mention | None = None
        firsts: dict[int, Mention] = {}  # sentence start -> its first mention, resolved
        sentence, previous = -1, None  # previous: the first mention of the sentence before
        words, i, n = reading.words, 0, len(reading.words)
        while i < n:
            if reading.sentence_start[i] != sentence:
                previous = firsts.get(sentence)
                sentence = reading.sentence_start[i]
            mention = self._at(reading, i)
            if mention is None:
                size = pronouns.at(words, i, reading.clause_stop[i])
                opens = i - sentence <= 1 and previous is not None  # "They ...", "And they ..."
                referent = previous if opens else last
                if size and referent is not None and referent.kind is MentionKind.GROUP:
                    mention = Mention(i, i + size, MentionKind.PRONOUN, referent.groups, referent)
                    firsts.setdefault(sentence, referent)
                elif size:  # a pronoun after an organisation, or after nothing named
                    last = None
                    if referent is not None:
                        firsts.setdefault(sentence, referent)
                i += size or 1
                if mention is not None:
                    out.append(mention)
                continue
            if mention.kind is not MentionKind.ADJECTIVE:
                last = mention
                firsts.setdefault(sentence, mention)
            out.append(mention)
            i = mention.stop
        return out
