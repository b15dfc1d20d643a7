"""Reading a folded text as words in clauses and sentences, and the cues that change what
a statement about a group means: negation, reported speech, condemnation, questions,
identity self-statements (lists/clauses.toml).

The text is read once, in one pass; every cue is then looked up in the words of one
clause or sentence, so the work stays linear in the text's length.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from service.rules.lists import read_table_file
from service.rules.typos import Misspellings

# Words of folded text: "don't" stays one word (a negation), "i'm" and "they're" split
# ("i" + "'m"), hyphenated words stay whole ("non-binary", "sub-human"). A quote mark
# before a word opens a quotation, not a contraction: "'death to all X'" reads "death".
# Masks inside a word keep it one word ("k*rds", "sc#m"), for typos.Misspellings to read.
_WORD = re.compile(
    r"[a-z0-9]+(?:[*#%]+[a-z0-9]+)*(?:-[a-z0-9]+){0,3}(?:'t\b)?|(?<=[a-z0-9])'[a-z]+|="
)
# A list entry may name a contraction alone ("'re"), which a text only has after a word.
_PHRASE_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+){0,3}(?:'t\b)?|'[a-z]+|=")
# How far back a question may name the commenter before a report word.
QUESTION_LOOKBACK = 8
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_SENTENCE_END = re.compile(r"[.!?;\n]+")
_CLAUSE_END = re.compile(r"[,:()\[\]\"“”«»]|\s[-–—]+\s")
# Filler words that may stand between two parts of a frame ("every last one of the").
MAX_FILLERS = 5


def words_of(text: str) -> list[str]:
    """A list entry's words, read as a text's words are."""
    return _PHRASE_WORD.findall(text.casefold().translate(_APOSTROPHES))


@dataclass(frozen=True, slots=True)
class Reading:
    """A folded text's words with their spans, clauses and sentences."""

    words: list[str]
    spans: list[tuple[int, int]]  # folded span of each word
    clause_start: list[int]  # per word: index of the first word of its clause
    clause_stop: list[int]  # per word: index after the last word of its clause
    sentence_start: list[int]  # per word: index of the first word of its sentence
    question: list[bool]  # per word: its sentence ends with a question mark
    sentence_stop: list[int]  # per word: index after the last word of its sentence


def read(text: str) -> Reading:
    """The words of a folded text, each with its clause and sentence."""
    text = text.translate(_APOSTROPHES)
    matches = list(_WORD.finditer(text))
    words = [m.group() for m in matches]
    spans = [m.span() for m in matches]
    sentence_ends = [(m.start(), "?" in m.group()) for m in _SENTENCE_END.finditer(text)]
    clause_ends = sorted(
        [pos for pos, _ in sentence_ends] + [m.start() for m in _CLAUSE_END.finditer(text)]
    )
    starts = [s for s, _ in spans]
    clause_start, clause_stop, sentence_start, question = [], [], [], []
    sentence_stop: list[int] = []
    # a word's clause is the run of words between two clause ends around it
    first = 0
    bounds = [bisect_right(starts, pos) for pos in clause_ends] + [len(words)]
    for stop in bounds:
        if stop <= first:
            continue
        clause_start.extend([first] * (stop - first))
        clause_stop.extend([stop] * (stop - first))
        first = stop
    first = 0
    for pos, asks in [*sentence_ends, (len(text), False)]:
        stop = bisect_right(starts, pos)
        if stop > first:
            sentence_start.extend([first] * (stop - first))
            sentence_stop.extend([stop] * (stop - first))
            question.extend([asks] * (stop - first))
            first = stop
    return Reading(words, spans, clause_start, clause_stop, sentence_start, question, sentence_stop)


class PhraseSet:
    """Words and phrases, found at or ending at a position of a text's words."""

    def __init__(self, phrases: Iterable[str], known: frozenset[str] | None = None) -> None:
        """`known`: read misspelt single words too (typos.py), unless they are known words."""
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        self._by_last: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            words = tuple(words_of(phrase))
            if words:
                self._by_first.setdefault(words[0], []).append(words)
                self._by_last.setdefault(words[-1], []).append(words)
        for table in (self._by_first, self._by_last):
            for entries in table.values():
                entries.sort(key=len, reverse=True)  # longest first
        self._firsts = frozenset(self._by_first)
        self._lasts = frozenset(self._by_last)
        singles = [e[0] for entries in self._by_first.values() for e in entries if len(e) == 1]
        self.typos = Misspellings(singles, known) if known is not None else None

    def may_start(self, word: str) -> bool:
        """False only when no entry (nor a misspelling of one) can start at this word: a
        set lookup that spares most words the call to `at`."""
        return word in self._firsts or self.typos is not None

    def firsts(self) -> frozenset[str]:
        """The words an entry can start with."""
        return self._firsts

    def lasts(self) -> frozenset[str]:
        """The words an entry can end with."""
        return self._lasts

    def entry_at(self, words: list[str], i: int, stop: int) -> tuple[str, ...] | None:
        """The longest entry starting at word i (and before stop), or None."""
        entries = self._by_first.get(words[i])
        if entries is None:  # no entry starts with the word: it may misspell one
            word = self.typos.correct(words[i]) if self.typos is not None else None
            return None if word is None else (word,)
        for entry in entries:  # each starts with words[i]: one word is a whole entry
            n = len(entry)
            if i + n <= stop and (n == 1 or tuple(words[i : i + n]) == entry):
                return entry
        return None

    def at(self, words: list[str], i: int, stop: int) -> int:
        """The length of the longest entry starting at word i (and before stop), or 0."""
        entry = self.entry_at(words, i, stop)
        return len(entry) if entry else 0

    def ending(self, words: list[str], j: int, start: int) -> int:
        """The length of the longest entry ending at word j (and from start on), or 0."""
        entries = self._by_last.get(words[j])
        if entries is None:  # no entry ends with the word: it may misspell one
            return int(self.typos is not None and self.typos.correct(words[j]) is not None)
        for entry in entries:  # each ends with words[j]: one word is a whole entry
            n = len(entry)
            if j - n + 1 >= start and (n == 1 or tuple(words[j - n + 1 : j + 1]) == entry):
                return n
        return 0


@dataclass(frozen=True)
class Cues:
    """The cue lists of clauses.toml, compiled."""

    fillers: frozenset[str]
    of_after: frozenset[str]  # "of" is a filler only after these ("a bunch of")
    negation: PhraseSet
    not_negation: frozenset[str]
    report: PhraseSet
    attribution: PhraseSet
    first_person: frozenset[str]
    own_view: frozenset[str]
    own_report: PhraseSet  # report phrases that are the commenter's own ("just saying")
    condemn: PhraseSet
    self_markers: PhraseSet
    pronouns: PhraseSet
    specific: frozenset[str]
    not_specific_before: frozenset[str]  # words after a [specific] word that undo it
    after_group: frozenset[str]
    subset: frozenset[str]
    contrast: frozenset[str]  # words after a denial that take it back ("..., just ...")
    resets: frozenset[str]  # words that end what an earlier negation denies ("not X BUT")
    group_tail: PhraseSet  # words after a group that leave it whole ("Kurds LIKE YOU")
    digest: str
    # verbs right before a group that make it the object of what others do ("TREATED
    # Kurds worse than animals"): a frame that starts at the group says nothing of it
    object_of: frozenset[str] = frozenset()
    report_auxiliaries: frozenset[str] = frozenset()  # "we HAVE ALWAYS said"

    def group_tail_at(self, reading: Reading, i: int) -> int:
        """How many words at i, right after a group, address or point at its members
        without narrowing it ("Kurds LIKE YOU are ..."); frames are read past them."""
        if i >= len(reading.words):
            return 0
        return self.group_tail.at(reading.words, i, reading.clause_stop[i])

    def skips(self, words: list[str], i: int) -> bool:
        """Whether word i is a filler where it stands ("of" only after "bunch", "one" ...)."""
        word = words[i]
        if word == "of":
            return i > 0 and words[i - 1] in self.of_after
        return word in self.fillers

    def negates(self, words: list[str], i: int, stop: int) -> int:
        """The length of a negation at word i ("not", "no one"), or 0 ("no better" is none)."""
        n = self.negation.at(words, i, stop)
        if n and i + n < stop and words[i + n] in self.not_negation:
            return 0
        return n

    def mark(self, reading: Reading) -> Marks:
        """Where the text's negations, reports and condemnations are, found in one pass."""
        words, n = reading.words, len(reading.words)
        negations, reports, attributions, condemning = [], [], [], set()
        resets = []
        own_until = 0  # the end of an own-claim phrase ("call me racist, but ...")
        negation, report, condemn = self.negation, self.report, self.condemn
        for i, word in enumerate(words):
            if negation.may_start(word) and self.negates(words, i, n):
                negations.append(i)
            if word in self.resets:
                resets.append(i)
            if report.may_start(word) and report.at(words, i, n):
                # "I think ...", and in a question "am I the only one who thinks ...":
                # the commenter's own claim, not a report
                back = QUESTION_LOOKBACK if reading.question[i] else 2
                start = max(reading.sentence_start[i], i - back)
                own = i > 0 and words[i - 1] in self.own_view  # "anyone else think ..."
                own = own or bool(self.own_report.ending(words, i, reading.sentence_start[i]))
                opening = self.own_report.at(words, i, n)  # "SAY WHAT YOU WANT, ..."
                own_until = max(own_until, i + opening)
                own = own or bool(opening)
                j = i - 1  # past "have always" to the subject ("we have always said")
                while j > reading.sentence_start[i] and words[j] in self.report_auxiliaries:
                    j -= 1
                subject = words[min(start, j) : i]
                if not own and not any(w in self.first_person for w in subject):
                    reports.append(i)
            if reports and reports[-1] == i and self.attribution.at(words, i, n):
                attributions.append(i)
            if (
                condemn.may_start(word)
                and condemn.at(words, i, n)
                and i >= own_until
                and not self._disclaimed(reading, negations, i)
            ):
                condemning.add(reading.sentence_start[i])
        return Marks(reading, negations, reports, attributions, frozenset(condemning), resets)

    def _disclaimed(self, reading: Reading, negations: list[int], i: int) -> bool:
        """Whether the condemnation word at i is denied of the speaker in a statement ("I'm
        NOT racist, but ..."): a negation at most two words before it in its clause. In a
        question it still condemns ("isn't it racist to say ...?")."""
        if reading.question[i] or not negations:
            return False
        k = negations[-1]
        return i - k <= 2 and k >= reading.clause_start[i]

    def self_marker(self, reading: Reading, i: int) -> int | None:
        """Where a marker starts that makes the group at word i the speaker's own ("as a
        Kurd", "we Arabs"), or None."""
        start = reading.clause_start[i]
        n = self.self_markers.ending(reading.words, i - 1, start) if i > start else 0
        return i - n if n else None

    def some_of(self, reading: Reading, i: int) -> bool:
        """Whether the words before i pick out some members only ("some refugees")."""
        start = reading.clause_start[i]
        k = i - 1
        while k >= start and reading.words[k] in self.fillers and i - k <= MAX_FILLERS:
            k -= 1
        if k < start or reading.words[k] not in self.specific:
            return False
        # "that" before an article is a conjunction ("I pray THAT the Kurds ..."), not a
        # demonstrative ("that Kurd")
        return reading.words[k + 1] not in self.not_specific_before


@dataclass(frozen=True)
class Marks:
    """One text's cue positions, for every match in it to consult."""

    reading: Reading
    negations: list[int]  # word positions of negations
    reports: list[int]  # word positions of reports of someone else's words
    attributions: list[int]  # the reports that can attribute what came before
    condemning: frozenset[int]  # first words of sentences that condemn
    resets: list[int]  # word positions of words that end a negation's reach ("but")

    def _between(self, positions: list[int], start: int, stop: int) -> bool:
        k = bisect_right(positions, stop - 1) - 1
        return k >= 0 and positions[k] >= start

    def negated_before(self, i: int) -> bool:
        """Whether a negation stands in word i's clause before it ("I DON'T think Kurds ..."),
        and no "but" between them ends what it denies ("I'm not racist BUT Kurds are ...")."""
        start = self.reading.clause_start[i]
        k = bisect_right(self.negations, i - 1) - 1
        if k < 0 or self.negations[k] < start:
            return False
        return not self._between(self.resets, self.negations[k] + 1, i)

    def negated_in_sentence_before(self, i: int) -> bool:
        """Whether a negation stands in word i's sentence before it ("I'm NOT racist but ...")."""
        return self._between(self.negations, self.reading.sentence_start[i], i)

    def reported_before(self, i: int) -> bool:
        """Whether word i's sentence reports, before it, what someone else said or thinks."""
        return self._between(self.reports, self.reading.sentence_start[i], i)

    def reported_after(self, i: int, j: int) -> bool:
        """Whether a later clause of the sentence of words [i, j) attributes it to someone
        else ("refugees are a burden, THE MINISTER SAID"); in a question it asks the
        reader ("..., don't you think?")."""
        if self.reading.question[i]:
            return False
        k = bisect_right(self.attributions, j - 1)
        if k == len(self.attributions):
            return False
        at = self.attributions[k]
        reading = self.reading
        return reading.sentence_start[at] == reading.sentence_start[i] and (
            reading.clause_start[at] != reading.clause_start[i]
        )

    def condemned(self, i: int) -> bool:
        """Whether word i's sentence condemns something ("... is racist")."""
        return self.reading.sentence_start[i] in self.condemning


def vocabulary(*tables: object) -> frozenset[str]:
    """Every word of the given parsed list files (keys, values of lists), as read."""
    out: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                out.update(words_of(key))
                if key == "template" and isinstance(item, str):
                    out.update(w for w in words_of(item) if w.isalpha())
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for table in tables:
        walk(table)
    return frozenset(out)


def load_cues(path: Path) -> Cues:
    """Compile clauses.toml."""
    data, digest = read_table_file(path)

    def table(name: str) -> dict[str, str]:
        return data.get(name, {})

    return Cues(
        fillers=frozenset(table("fillers")),
        of_after=frozenset(table("of_after")),
        negation=PhraseSet(table("negation")),
        not_negation=frozenset(table("not_negation")),
        report=PhraseSet(table("report")),
        attribution=PhraseSet(table("attribution")),
        first_person=frozenset(w for p in table("first_person") for w in words_of(p)),
        own_view=frozenset(table("own_view")),
        own_report=PhraseSet(table("own_report")),
        condemn=PhraseSet(table("condemn")),
        self_markers=PhraseSet(table("self_markers")),
        pronouns=PhraseSet(table("pronouns")),
        specific=frozenset(table("specific")),
        not_specific_before=frozenset(table("not_specific_before")),
        after_group=frozenset(w for p in table("after_group") for w in words_of(p)),
        subset=frozenset(table("subset")),
        contrast=frozenset(table("contrast")),
        resets=frozenset(table("resets")),
        group_tail=PhraseSet(table("group_tail")),
        digest=digest,
        object_of=frozenset(table("object_of")),
        report_auxiliaries=frozenset(table("report_auxiliaries")),
    )
