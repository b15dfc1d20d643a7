"""Target-aware analysis of attacks on groups: who is targeted, and what is said of them.

For each group named in a comment (groups.py), the frames next to it (predicates.py) say
what is done to it: dehumanised, ascribed a trait, insulted, held in contempt, excluded,
wished or threatened harm. The reading of its clause and sentence (clauses.py) then says
whether the commenter claims it: not when it is negated ("Kurds are not rats"), reported
or condemned ("saying Arabs are animals is racist"), quoted in reporting, or a statement
about the speaker's own group ("as a Kurd ..."). Questions, pronouns ("they"), some
members ("some refugees") and narrowed groups ("Arabs who ...") are weaker evidence and
go to review.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from pathlib import Path

from service.domain import Category, RuleHit, Strength
from service.normalise import Folded
from service.rules.base import Cleared
from service.rules.clauses import MAX_FILLERS, Cues, Marks, Reading, load_cues, read, vocabulary
from service.rules.context import context_of
from service.rules.groups import GroupLexicon, Mention, MentionKind
from service.rules.lexicon import TokenView, token_view
from service.rules.lists import read_table_file
from service.rules.predicates import Frame, Predicates
from service.rules.typos import Misspellings, Splits

LIST_FILES = ("groups.toml", "predicates.toml", "clauses.toml")
# A single quote opening a quotation: at the start of the text or after a space or bracket.
_OPENING_QUOTE = re.compile(r"(?:^|(?<=[\s(\[]))['‘]")


class GroupAbuse:
    """The rule: hits of abuse, threat or personal attack on groups, with their target."""

    category = Category.ABUSE  # its main category; hits also name threat, personal_attack

    def __init__(
        self,
        groups: GroupLexicon,
        predicates: Predicates,
        cues: Cues,
        typos: Misspellings | None = None,
        splits: Splits | None = None,
    ) -> None:
        """`typos`: the lists' words, for misspelt words of phrases ("be deportd");
        `splits`: the same, for words split by a space or punctuation ("ver min")."""
        self.groups, self.predicates, self.cues = groups, predicates, cues
        self.typos, self.splits = typos, splits
        self.digest = hashlib.sha256(
            (groups.digest + predicates.digest + cues.digest).encode()
        ).hexdigest()

    def match(
        self,
        original: str,
        folded: Folded,
        view: TokenView | None = None,
        cleared: Cleared | None = None,
    ) -> list[RuleHit]:
        """Every attack on a group in the text; spans index the original. The statements
        the commenter denies, reports, condemns or makes of their own group are added to
        `cleared`, where given."""
        if self.splits is not None:
            joined = self.splits.apply(folded, original)  # "m.uslims are ver min"
            if joined is not folded:
                folded, view = joined, token_view(joined)
        if view is not None and not self.groups.may_name(view.tokens, view.text):
            if cleared is None or self.groups.organisation_gate.isdisjoint(view.tokens):
                return []  # no group is named (nor an organisation to clear): nothing to read
        reading = self._spelt_right(read(folded.text), folded.text)
        mentions = self.groups.mentions(reading, self.cues.pronouns)
        if cleared is None and not any(m.kind is not MentionKind.ORGANISATION for m in mentions):
            return []
        marks = self.cues.mark(reading)
        best: dict[tuple[Category, int], RuleHit] = {}  # one hit per category and target
        for mention in mentions:
            if not mention.groups:
                if cleared is not None:  # "ISIS are animals": criticism the policy allows
                    self._clear_allowed(reading, mention, folded, cleared)
                continue
            own = self.cues.self_marker(reading, mention.start)
            if own is not None and cleared is not None:
                # The speaker naming their own identity ("as a Kurdish woman", "we Arabs")
                # says nothing against anyone: the model, which learned group names from
                # abuse, reads the comment without it.
                cleared.append(_span(folded, reading, (own, mention.stop)))
            stop = mention.stop + self.cues.group_tail_at(reading, mention.stop)  # "X like you"
            for frame in self.predicates.candidates(reading, mention.start, stop):
                if mention.kind is MentionKind.ADJECTIVE and not frame.adjective:
                    continue
                found = frame.match(reading, mention.start, stop, self.cues)
                if found is None:
                    if cleared is not None:  # a denial: "Kurds are not vermin"
                        denied = frame.match(reading, mention.start, stop, self.cues, True)
                        if denied is not None and not self._taken_back(reading, denied):
                            cleared.append(_span(folded, reading, denied))
                    continue
                mine = own is not None and own < found[0]  # the speaker's own group: "as a
                # Kurd, ..." (not "as dumb as a Kurd")
                if mine or not self._claimed(original, folded, reading, marks, found, frame):
                    if cleared is not None and (
                        mine or self._disowned(original, folded, reading, marks, found)
                    ):
                        cleared.append(_span(folded, reading, found))
                    continue
                if found[1] == mention.stop and _possessive(folded, reading, mention.stop):
                    continue  # "death to the Kurds' enemies": the frame is said of others
                strength = self._strength(reading, mention, frame, found)
                if strength is None:
                    continue
                if cleared is not None and not _categories(frame, mention):
                    cleared.append(_span(folded, reading, found))  # "politicians are liars"
                for category in _categories(frame, mention):
                    key = (category, mention.start)
                    if key not in best or (
                        strength is Strength.STRONG and best[key].strength is Strength.WEAK
                    ):
                        best[key] = _hit(
                            original, folded, reading, mention, frame, found, category, strength
                        )
        return list(best.values())

    def _spelt_right(self, reading: Reading, text: str) -> Reading:
        """The reading with misspelt words of the lists read as listed ("should be
        deportd", "I despies"), so that phrases match them; a word that names a group is
        the group lexicon's to read. Folding keeps an "@" before a word as a mention's;
        it may be an a ("@rabs")."""
        if self.typos is None:
            return reading
        words: list[str] | None = None
        for i, word in enumerate(reading.words):
            start = reading.spans[i][0]
            if start and text[start - 1] == "@" and self.groups.reads("a" + word):
                words = words or list(reading.words)
                words[i] = "a" + word
                continue
            fixed = self.typos.correct(word)
            if fixed is not None and not self.groups.reads(word):
                words = words or list(reading.words)
                words[i] = fixed
        return reading if words is None else replace(reading, words=words)

    def _clear_allowed(
        self, reading: Reading, mention: Mention, folded: Folded, cleared: Cleared
    ) -> None:
        """Add the frames said of an organisation (an army, a party, a government), which
        the policy lets commenters criticise in any terms short of a threat."""
        for frame in self.predicates.candidates(reading, mention.start, mention.stop):
            if frame.kind.category is Category.THREAT:
                continue
            found = frame.match(reading, mention.start, mention.stop, self.cues)
            if found is not None:
                cleared.append(_span(folded, reading, found))

    def _claimed(
        self,
        original: str,
        folded: Folded,
        reading: Reading,
        marks: Marks,
        found: tuple[int, int],
        frame: Frame,
    ) -> bool:
        """Whether the commenter makes the statement, rather than deny, report or condemn it."""
        first = found[0]
        # a negation before a question is rhetorical ("Isn't it time to kill all X?")
        negated = marks.negated_before(first) and not reading.question[first]
        reported = marks.reported_before(first) and not frame.endorses
        if negated or reported or marks.condemned(first):
            return False
        if marks.reported_after(first, found[1]):
            return False
        # quoted after someone else's "said", not the commenter's "I say"
        return not context_of(original).is_reported(_span(folded, reading, found))

    def _taken_back(self, reading: Reading, found: tuple[int, int]) -> bool:
        """Whether the rest of the sentence takes a denial back ("I don't hate all women,
        JUST feminists", "Kurds are not rats, BUT ...")."""
        stop = reading.sentence_stop[found[0]]
        return any(w in self.cues.contrast for w in reading.words[found[1] : stop])

    def _disowned(
        self, original: str, folded: Folded, reading: Reading, marks: Marks, found: tuple[int, int]
    ) -> bool:
        """Whether a statement the commenter does not claim is surely not theirs: condemned,
        or quoted in reporting. A negation or a report before it ("I'm not racist but ...",
        "don't you think ...", "people say ... and they are right") keeps the rules from
        claiming it, but is not sure enough to hide it from the model."""
        first = found[0]
        if reading.question[first]:
            return False
        if marks.condemned(first):  # but "I'm not racist, but ..." condemns nothing
            return not marks.negated_in_sentence_before(first)
        return context_of(original).is_reported(_span(folded, reading, found))

    def _strength(
        self, reading: Reading, mention: Mention, frame: Frame, found: tuple[int, int]
    ) -> Strength | None:
        """The frame's strength, weakened where the reading is less certain; None: no hit."""
        words = reading.words
        weak = frame.strength is Strength.WEAK
        if found[0] == mention.start and self._done_to(reading, mention.start):
            return None  # "the regime treated Kurds worse than animals": what others do
        if found[1] == mention.stop and mention.stop < len(words):  # nothing after the group
            following = words[mention.stop]
            if reading.clause_start[mention.stop] == reading.clause_start[mention.start]:
                if following in self.cues.after_group:
                    return None  # "I hate Kurds being called terrorists"
                weak = weak or following in self.cues.subset  # "I hate Arabs who ..."
        weak = (
            weak
            or mention.kind is MentionKind.PRONOUN
            or reading.question[found[0]]
            or self.cues.some_of(reading, mention.start)
        )
        return Strength.WEAK if weak else Strength.STRONG

    def _done_to(self, reading: Reading, start: int) -> bool:
        """Whether a verb of [object_of] stands just before the group at `start`, past
        fillers ("treated ALL the Kurds"): the group is what others act on."""
        words, first = reading.words, reading.clause_start[start]
        i = start - 1
        while i >= first and words[i] in self.cues.fillers and start - i <= MAX_FILLERS:
            i -= 1
        return i >= first and words[i] in self.cues.object_of


def _categories(frame: Frame, mention: Mention) -> list[Category]:
    """The categories an attack of this frame on this target breaks."""
    kind = frame.kind
    if not mention.protected:
        return [kind.nonprotected] if kind.nonprotected else []
    return [kind.category, *([kind.also] if kind.also else [])]


def _possessive(folded: Folded, reading: Reading, stop: int) -> bool:
    """Whether the words [..., stop) end in a plural possessive ("the Kurds' enemies"),
    which the reading drops with the apostrophe (a singular "'s" is a word of its own);
    not a closing quote ("he said 'death to Kurds'"), opened earlier in the sentence."""
    text, end = folded.text, reading.spans[stop - 1][1]
    if end >= len(text) or text[end] not in "'’" or text[end + 1 : end + 2].strip():
        return False
    begin = max(0, reading.spans[reading.sentence_start[stop - 1]][0] - 1)
    return _OPENING_QUOTE.search(text, begin, end) is None


def _span(folded: Folded, reading: Reading, found: tuple[int, int]) -> tuple[int, int]:
    """The original span of words [first, last)."""
    return folded.span(reading.spans[found[0]][0], reading.spans[found[1] - 1][1])


def _words(original: str, folded: Folded, reading: Reading, start: int, stop: int) -> str:
    """The original text of words [start, stop)."""
    span = folded.span(reading.spans[start][0], reading.spans[stop - 1][1])
    return original[span[0] : span[1]]


def _hit(
    original: str,
    folded: Folded,
    reading: Reading,
    mention: Mention,
    frame: Frame,
    found: tuple[int, int],
    category: Category,
    strength: Strength,
) -> RuleHit:
    """The hit: its span is the whole frame; its note names the target and the frame."""
    span = folded.span(reading.spans[found[0]][0], reading.spans[found[1] - 1][1])
    target = mention.referent or mention
    named = _words(original, folded, reading, target.start, target.stop)
    if mention.referent is not None:
        named += f"' (as '{_words(original, folded, reading, mention.start, mention.stop)}')"
    else:
        named += "'"
    groups = "; ".join(dict.fromkeys(g.reason for g in mention.groups))
    note = f"{frame.note}: target '{named} ({groups})"
    return RuleHit(category, f"group:{frame.kind.name}", span, strength, note)


def build(directory: Path) -> GroupAbuse:
    """The rule, from groups.toml, predicates.toml and clauses.toml in `directory`."""
    paths = [directory / name for name in LIST_FILES]
    known = vocabulary(*(read_table_file(path)[0] for path in paths))
    groups, predicates, clauses = paths
    return GroupAbuse(
        GroupLexicon(groups, known),
        Predicates(predicates, known),
        load_cues(clauses),
        Misspellings(known, known),
        Splits(known),
    )
