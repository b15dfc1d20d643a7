"""Context that changes what a hit means: quoting a slur to condemn it is not abuse, and
a threat the court heard someone shout is news, not a threat.

The analysis of a text (its quoted passages, its sentences, which of them report and
condemn, and where someone else's words are reported) is made once per text, and each
hit is then looked up in it: the work is linear in the text's length however many hits
it has. English is read by the grammar below; the readers' other languages by the cues
of their `context.toml` files (cues.py), found once per text as well.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cached_property, lru_cache

from service.domain import Category, RuleHit, Sentence, Strength
from service.rules.cues import CONDEMN, DENIED, REPORT, Cue, cues_in, shipped_cues
from service.rules.gate import quick_start

# Quoted passages: '...', "...", “...”, ‘...’, «...» (also Arabic and Persian), „...“ and
# „...” (German, Turkish), ‚...‘, »...«, ‹...›, ”...” (Nordic). A single quote opens only
# after a non-letter and closes only before one, so apostrophes (don't, PUK's, Kürt'ler)
# are not quotes.
_QUOTED = re.compile(
    r"(?<![^\W\d_])'(?:[^'\n]|'(?=[^\W\d_])){1,120}?'(?![^\W\d_])|\"[^\"\n]{1,200}?\""
    r"|“[^”\n]{1,200}?”|‘[^’\n]{1,200}?’|«[^»\n]{1,200}?»|„[^“”\n]{1,200}?[“”]"
    r"|‚[^‘’\n]{1,200}?[‘’]|»[^«\n]{1,200}?«|‹[^›\n]{1,200}?›|”[^”\n]{1,200}?”"
)
# Words that report what someone else said or called people.
_REPORTING = re.compile(
    r"\b(?:call|calls|calling|called|say|says|said|saying|write|writes|wrote|tweeted|post|"
    r"posted|shout|shouts|shouted|shouting|chant|chants|chanted|chanting|label|labels|"
    r"labelled|labeled|repeat|repeats|repeating|word|words|term|slur|slurs|insult|insults|"
    r"language|name|names|phrase|like|"
    # naming someone as something: "referred to detainees as '...'", "branded them '...'"
    r"refer|refers|referred|referring|describe|describes|described|describing|brand|"
    r"brands|branded|branding|dub|dubs|dubbed|nickname|nicknamed|term|termed|taunt|taunts|"
    r"taunted|taunting|mock|mocks|mocked|mocking|smear|smears|smeared)\b",
    re.IGNORECASE,
)
# Condemnation of what was said.
_CONDEMNING = re.compile(
    r"\b(?:is|are|was|were|it's|that's|its)\s+(?:not\s+\w+,?\s+(?:it\s+is\s+)?)?"
    r"(?:\w+\s+)?(?:racist|racism|xenophobic|xenophobia|sexist|sexism|homophobic|homophobia|"
    r"bigoted|bigotry|hateful|hate speech|dehumanising|dehumanizing|wrong|disgusting|"
    r"shameful|dangerous|harassment|unacceptable|offensive|islamophobic|antisemitic|"
    r"transphobic)\b|\bshould be ashamed\b|\bkind of (?:racism|hate|language|talk)\b|"
    r"\bstop (?:calling|saying|using)\b|\bnot (?:ok|okay|acceptable)\b|\bcondemn",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?؟۔\n]+\s")  # with the Arabic question mark and full stop
# A reporting frame: someone other than the writer or the reader said, wrote or was heard
# ("the court heard", "he told reporters", "police said", "according to"). The verb must
# not follow "I", "we" or "you": "as I said, you are a clown" reports nothing. Words
# reported after a frame are the frame's subject's, not the commenter's.
_FRAME = re.compile(
    r"\baccording to\b|\b(?:reportedly|allegedly)\b|\bis quoted as\b|\bwas heard\b|"
    r"\b(?:said|says|told|tells|heard|hears|shouted|shouts|yelled|screamed|wrote|writes|"
    r"tweeted|posted|claimed|threatened|threatens|warned|warns|vowed|testified|alleged|"
    r"alleges|stated|declared|announced|chanted|recalled|admitted|denied|insisted|"
    r"messaged|texted|quoted|reported|recounted|accused)\b|"
    # words someone wrote, carried by what they were written on: "messages saying '...'",
    # "a banner reading", "a note that said"; never the bare participle, which the
    # commenter says too ("just saying, ...")
    r"\b(?:messages?|notes?|letters?|signs?|banners?|placards?|graffiti|texts?|e-?mails?|"
    r"posts?|tweets?|leaflets?|posters?|cards?|comments?|threats?|calls?|voicemails?|"
    r"slogans?|chants?|words) (?:saying|reading|(?:that|which) (?:read|reads|said|says))\b|"
    # a verb of saying in a form the list above leaves out (a participle, "read") that
    # opens a quotation, with at most four words between, its object: "soldiers SHOUTING
    # 'we will burn you all'", "a man TELLING the shopkeeper '...'", "the prosecutor READ
    # the letter aloud: '...'". Only before a quotation mark that opens a quote (not the
    # apostrophe of "it's"): "just saying, ..." and "saying it's time to ..." are no frame.
    # Its subject is the word before it: none (the start of a sentence, "Reading your
    # article, '...'"), "just" or "keep" ("I keep telling you '...'") leave the words the
    # commenter's own.
    r"(?<=[\w'’]\s)(?<!\bjust\s)(?<!\bkeep\s)(?<!\bkeeps\s)(?<!\bkept\s)"
    r"\b(?:saying|telling|shouting|yelling|screaming|chanting|writing|texting|messaging|"
    r"tweeting|posting|warning|threatening|whispering|read|reading|reads)\b"
    r"(?=(?:[\s,]+[\w'’-]+){0,4}?[\s,]*:?\s*(?:[\"“‘«]|(?<![^\W\d_])'))",
    re.IGNORECASE,
)
# A third person just before a frame's verb ("he said", "she told").
_THIRD_PERSON = re.compile(r"\b(?:he|she|they)\s$", re.IGNORECASE)
# The writer or the reader just before a frame's verb: "as I said" reports nothing. Checked
# on the few characters before each verb found, not as lookbehinds tried at every position.
_FIRST_OR_SECOND = re.compile(r"\b(?:i|we|you|u|i've|i have|we've)\s$", re.IGNORECASE)
# The writer as the subject of a reporting word ("I call them '...'", "I would describe
# them as '...'", "'...', I said"): the quoted word is the writer's own, in scare quotes.
_WRITER_SAYS = re.compile(
    r"\b(?:i|we)(?:'d|'ll|'m|'ve|’d|’ll|’m|’ve)?(?:\s+(?:would|will|shall|do|did|always|just|"
    r"still|also|only|really|must|should|can|could|might|never|am|was|have|had))*\s+$",
    re.IGNORECASE,
)
# A sentence that starts with a reporting word as a bare order: "Call them what they are".
_ORDER = re.compile(r"(?:call|label|name|describe|brand|dub|term)\b", re.IGNORECASE)
# Where a reported clause ends: a new clause may be the commenter's own words again.
_CLAUSE_BREAK = re.compile(r"[;:,()\[\]]|\s[-–]\s|\b(?:but|and|so|then)\b", re.IGNORECASE)
# Each is tried only where one of its first characters stands (gate.quick_start), which
# spares the word alternatives most places of a text: the same matches, at 1.3-2.6 times
# the speed.
_QUOTED, _REPORTING, _CONDEMNING, _FRAME, _WRITER_SAYS, _ORDER = map(
    quick_start, (_QUOTED, _REPORTING, _CONDEMNING, _FRAME, _WRITER_SAYS, _ORDER)
)


class TextContext:
    """One text's quoted passages and sentences, for every hit to consult: each part is
    found once, when first asked for (the model's input needs only the sentences and
    which of them condemn; a text without hits needs no reporting frames)."""

    def __init__(self, text: str) -> None:
        self.text = text
        ends = list(_SENTENCE_END.finditer(text))
        # A sentence runs from the end of one terminator to the start of the next.
        self._starts = [0, *(m.end() for m in ends)]
        self._stops = [*(m.start() for m in ends), len(text)]
        self._resume = [*(m.end() for m in ends), len(text)]  # with its terminator
        self._condemns: dict[tuple[int, int], bool] = {}

    @cached_property
    def _quotes(self) -> list[tuple[int, int]]:
        return [m.span() for m in _QUOTED.finditer(self.text)]  # non-overlapping, in order

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [start for start, _ in self._quotes]

    @cached_property
    def _quote_ends(self) -> list[int]:
        return [end for _, end in self._quotes]

    @cached_property
    def reports(self) -> bool:
        """Whether the text reports someone else's words anywhere (`reports_others`)."""
        return reports_others(self.text, 0, len(self.text))

    @cached_property
    def _frame_spans(self) -> list[tuple[int, int]]:
        text = self.text
        return [
            m.span()
            for m in _FRAME.finditer(text)
            if not _FIRST_OR_SECOND.search(text, max(0, m.start() - 8), m.start())
            and not _WRITER_SAYS.search(text, max(0, m.start() - 24), m.start())
        ]

    @cached_property
    def _frames(self) -> list[int]:
        return [start for start, _ in self._frame_spans]

    @cached_property
    def _frame_ends(self) -> list[int]:
        return [end for _, end in self._frame_spans]

    @cached_property
    def _breaks(self) -> list[int]:
        if not self._frame_spans:
            return []
        return [m.start() for m in _CLAUSE_BREAK.finditer(self.text)]

    @cached_property
    def _cues(self) -> list[Cue]:
        """The other languages' reporting and condemnation cues (cues.py)."""
        return shipped_cues().find(self.text)

    def is_quoted(self, span: tuple[int, int]) -> bool:
        """Whether the span lies inside a quoted passage."""
        i = bisect_right(self._quote_starts, span[0]) - 1
        return i >= 0 and span[1] <= self._quote_ends[i]

    def sentence(self, span: tuple[int, int]) -> tuple[int, int]:
        """The sentence around a span (several, if the span crosses a sentence end)."""
        first = bisect_right(self._starts, span[0]) - 1
        last = first
        while self._stops[last] < span[1]:  # the span runs past this sentence's end
            last += 1
        return self._starts[first], self._stops[last]

    def condemns(self, bounds: tuple[int, int]) -> bool:
        """Whether the text between `bounds` reports something said and condemns it."""
        found = self._condemns.get(bounds)
        if found is None:
            piece = self.text[bounds[0] : bounds[1]]
            found = bool(_REPORTING.search(piece) and _CONDEMNING.search(piece))
            if not found and self._cues:  # another language's "calling them X is racism"
                reports = _REPORTING.search(piece) or cues_in(self._cues, bounds, REPORT)
                found = bool(reports and cues_in(self._cues, bounds, CONDEMN))
            self._condemns[bounds] = found
        return found

    def cued(self, span: tuple[int, int]) -> bool:
        """Whether the span lies inside a quoted passage whose sentence has another
        language's reporting or condemning cue outside the quote: "«سأقتلك» قال المتهم",
        "Kürtlere 'pis' demek ırkçılıktır" report or condemn someone else's words, unless the
        sentence denies the condemnation ("... ırkçılık değil")."""
        if not self._cues:
            return False
        quote = self._quote(span)
        if quote is None:
            return False
        start, stop = self._sentences_of(quote)
        around = [
            c
            for c in cues_in(self._cues, (start, stop))
            if c.end <= quote[0] or c.start >= quote[1]
        ]
        # "calling them 'X' is not racism" endorses the quoted words: they count.
        return bool(around) and all(cue.kind != DENIED for cue in around)

    def _sentences_of(self, quote: tuple[int, int]) -> tuple[int, int]:
        """From the start of the sentence a quote opens in to the end of the one it closes in."""
        start, _ = self.sentence((quote[0], quote[0]))
        _, stop = self.sentence((quote[1] - 1, quote[1] - 1))
        return start, stop

    def _quote(self, span: tuple[int, int]) -> tuple[int, int] | None:
        """The quoted passage around a span, if any."""
        i = bisect_right(self._quote_starts, span[0]) - 1
        if i >= 0 and span[1] <= self._quote_ends[i]:
            return self._quote_starts[i], self._quote_ends[i]
        return None

    def _framed(self, bounds: tuple[int, int]) -> bool:
        """Whether a reporting frame starts between `bounds`."""
        i = bisect_right(self._frames, bounds[0] - 1)
        return i < len(self._frames) and self._frames[i] < bounds[1]

    def is_reported(self, span: tuple[int, int]) -> bool:
        """Whether the span is someone else's words, reported.

        Either quoted in a sentence with a reporting frame ("the minister said protesters
        'should be shot'", "'you will pay,' he wrote"), or following a frame in the same
        clause ("the court heard he shouted I will kill you"). The frame's verb must not
        have the writer or reader as subject ("as I said, ...").
        """
        if self.cued(span):
            return True
        if not self._frames:
            return False
        quote = self._quote(span)
        if quote is not None:
            start, stop = self._sentences_of(quote)
            if self._framed((start, stop)):
                return True
        i = bisect_right(self._frame_ends, span[0]) - 1  # the last frame before the span
        # A frame inside the hit counts when a third person is its subject: "he said the
        # minister is a clown" is one hit that starts at "he"; in "consider yourselves
        # warned" or "whoever wrote this is a troll" the verb is part of the commenter's words.
        inside = bisect_right(self._frame_ends, span[1]) - 1
        if inside > i and _THIRD_PERSON.search(
            self.text, max(0, self._frames[inside] - 6), self._frames[inside]
        ):
            i = inside
        if i < 0 or self._frame_ends[i] < self.sentence(span)[0]:
            return False
        b = bisect_right(self._breaks, self._frame_ends[i] - 1)  # a break after the frame
        return b >= len(self._breaks) or self._breaks[b] >= max(span[0], self._frame_ends[i])

    def sentences(self) -> list[tuple[int, int, int]]:
        """(start, stop, resume) of each sentence: text, then its terminator up to resume."""
        return list(zip(self._starts, self._stops, self._resume, strict=True))


@lru_cache(maxsize=4)
def context_of(text: str) -> TextContext:
    """The context of `text`; the rules and the model's input share one per comment."""
    return TextContext(text)


def not_counter_speech(text: str, hit: RuleHit) -> bool:
    """Keep a hit unless it is quoted as reported speech, or its sentence condemns it."""
    context = context_of(text)
    if (context.reports and context.is_quoted(hit.span)) or context.cued(hit.span):
        return False
    return not context.condemns(context.sentence(hit.span))


def reports_others(text: str, start: int, stop: int) -> bool:
    """Whether text[start:stop] holds a reporting word whose subject is not the writer
    ("police called them", not "I call them") and that is no order ("Call them ...")."""
    for m in _REPORTING.finditer(text, start, stop):
        if _WRITER_SAYS.search(text, max(0, m.start() - 24), m.start()):
            continue
        before = text[max(start, m.start() - 3) : m.start()]
        if (m.start() == start or not before.strip(" \"'‘“")) and _ORDER.fullmatch(m.group()):
            continue
        return True
    return False


def not_reported(text: str, hit: RuleHit) -> bool:
    """Keep a hit unless it lies in someone else's reported or quoted words."""
    return not context_of(text).is_reported(hit.span)


def surely_not_own(text: str, hit: RuleHit) -> bool:
    """Whether a hit a filter dropped is surely someone else's words: reported after a
    frame ("the court heard ...", "'...,' police said"), in a sentence that condemns it,
    or quoted in a sentence that reports ("he was fined for calling her a '...'"). A
    quoted word in a comment whose only reporting word is in another sentence is not sure
    enough to hide it from the model."""
    context = context_of(text)
    sentence = context.sentence(hit.span)
    if context.is_reported(hit.span) or context.condemns(sentence):
        return True
    return context.is_quoted(hit.span) and reports_others(text, *sentence)


def without_counter_speech(text: str) -> str:
    """The text minus sentences that report something said and condemn it.

    The classifier reads what remains: it judges what the commenter says, not the words
    they quote in order to condemn them, which it cannot tell apart.
    """
    context = context_of(text)
    kept = [
        text[start:resume]
        for start, stop, resume in context.sentences()
        if not context.condemns((start, stop))
    ]
    return "".join(kept)


def model_input(text: str, cleared: Iterable[tuple[int, int]] = ()) -> str:
    """What the classifier reads: the text minus counter-speech (`without_counter_speech`)
    and minus the spans the rules read and set aside (`cleared`: quoted or reported words,
    denied or condemned statements, homonyms, names), each left as one space.

    The model cannot tell "Kurds are not vermin" from "Kurds are vermin", nor a slur a
    court reported from one a commenter uses; the rules' reading of the clause can, so the
    model judges only what the commenter says in their own words.
    """
    context = context_of(text)
    cuts = [
        (start, resume, "")
        for start, stop, resume in context.sentences()
        if context.condemns((start, stop))
    ]
    cuts += [(start, stop, " ") for start, stop in cleared if stop > start]
    if not cuts:
        return text
    cuts.sort()
    pieces, at = [], 0
    for start, stop, gap in cuts:
        if stop <= at:
            continue  # inside a cut already made
        pieces.append(text[at:start] if start > at else "")
        pieces.append(gap)
        at = max(at, stop)
    pieces.append(text[at:])
    return "".join(pieces)


def reporting_read() -> frozenset[str]:
    """The languages whose reported speech the rules read: English (this module's grammar)
    and each language folder with a `context.toml` of cues."""
    return frozenset(("en", *shipped_cues().languages))


def weaken_quoted(text: str, hits: list[RuleHit], sentences: Sequence[Sentence]) -> list[RuleHit]:
    """`hits` with each strong hit that lies inside quotation marks weakened to review, its
    evidence kept, where the rules cannot say it is the commenter's own:

    - in a sentence whose language's reporting the rules do not read (French, German,
      ...: `Detection`'s `other`): whether it reports someone else's words is for a
      reviewer to say;
    - quoted as someone else's words in another language's report or condemnation
      (`TextContext.cued`) by a category that no filter clears there (profanity: a swear
      word a court report quotes is not the commenter's, but is not approved unseen).

    A hit not in quotes, and a quoted one in a language whose reporting is read and that
    has no cue, is unchanged (English quoted profanity still rejects, as before)."""
    read = reporting_read()
    context = context_of(text)
    starts = [s.start for s in sentences]
    out = []
    for hit in hits:
        if hit.strength is Strength.STRONG and hit.category is not Category.PROMOTION:
            i = bisect_right(starts, hit.span[0]) - 1
            language = sentences[i].language if i >= 0 else None
            why = ""
            if language is not None and language not in read and context.is_quoted(hit.span):
                why = "quoted in a sentence in a language whose reported speech is not read"
            elif context.cued(hit.span):
                why = "quoted in a report or condemnation of someone else's words"
            if why:
                hit = replace(hit, strength=Strength.WEAK, note=f"{hit.note or hit.rule}; {why}")
        out.append(hit)
    return out
