"""Fast whole-word matching of a word list against folded text.

Words are looked up token by token in dictionaries built once, so the cost does not grow
with the list. A token matches a word when it is the word, a stretched form of it
("shiiit", "niiigger" but not "niger"), a masked form ("f**k", "b*tch"), its plural, or
(for roots) contains it ("clusterfuck"). Phrases ("blow job") are matched by one regex.

A fold may not invent a listed word: a word as written that is itself an ordinary word
("Shiite", "annals", "cowgirl") matches only as listed, never as a stretched or glued
form of another (`service.rules.dictionary`). A hit inside an allowed phrase ("a chink in
its armour") or on a name written as one ("Cummings", "the village of Fucking") does not
count.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain, islice, product
from typing import NamedTuple

from service.domain import Strength
from service.normalise import MASKS, WORD_LETTERS, Folded, spelling
from service.rules.dictionary import is_ordinary, is_own_word, warm

_L = WORD_LETTERS  # Latin and Arabic-script letters of folded text
_TOKEN = re.compile(rf"@?[{_L}*#%]+")
_RUN = re.compile(r"(.)\1*")
_MASK_TABLE = str.maketrans({m: "*" for m in MASKS})
# Digits and symbols in the unfolded token: each may be a letter in disguise or a mask.
_DISGUISE = frozenset("0123456789@$!|€*#%")
_MAX_DISGUISED = 4
_MAX_MASK_RUN = 4
_PLURALS = ("es", "s")
_VOWELS = frozenset("aeiou")
_CAPITALISED = re.compile(r"[A-Z][a-z]+")
_SEPARATORS = re.compile(r"(?:\\?[\s\-_])+")


_WORD = re.compile(rf"[{_L}]+")
_ARABIC = re.compile(f"[{WORD_LETTERS[3:]}]")
# Latin letters with marks that folding removes (ş ı ö ç ğ ü, Kurmanji ê î û).
_MARKED_LATIN = re.compile("[\u00c0-\u02af\u1e00-\u1eff]")
# A prefix is stripped only where a word of this many letters or more is left.
_MIN_STEM = 3
_SQUASH = re.compile(rf"([{_L}])\1+")
# Anchored at a word's start: unanchored, a long word without a double letter was
# rescanned from every position (quadratic; tests/test_properties.py).
_DOUBLED = re.compile(rf"(?<![{_L}])[{_L}]*([{_L}])\1[{_L}]*")
_HAS_DOUBLE = re.compile(rf"([{_L}])\1")
_PLURAL_S = re.compile(r"(?<![a-z])([a-z]{3,})s(?![a-z])")
_PLURAL_ES = re.compile(r"(?<![a-z])([a-z]{3,})es(?![a-z])")
_DISGUISED = re.compile(r"[*#%@]")
# A name's neighbour ("Dick Cheney", "Vice President Dick"), looked for in a bounded window
# beside the word: a scan of the whole text per hit would be quadratic in its length.
_NAME_AFTER = re.compile(r"[\s\-]+[A-Z][A-Za-z'’]+")
_NAME_BEFORE = re.compile(r"[A-Z][A-Za-z]+[\s\-]+$")
# Hyphenated into a place name whose first part is capitalised ("Hyesan-dong",
# "Castelnau-le-Lez").
_NAME_HYPHENED = re.compile(r"[A-Z][A-Za-z]*(?:-[A-Za-z]+){0,3}-$")
_NAME_WINDOW = 64
# Words after which a capitalised word alone is a place or a person ("the village of
# Fucking", "Mr Cummings"), unlike "this Fucking place".
_PLACE_CUE = re.compile(
    r"(?<![A-Za-z])(?:in|at|from|of|near|to|towards?|outside|visit|visited|visiting)\s+$",
    re.IGNORECASE,
)
_TITLE_CUE = re.compile(r"(?<![A-Za-z])(?:mr|mrs|ms|dr|sir|lord|lady)\.?\s+$", re.IGNORECASE)
_WORDS = re.compile(r"[A-Za-z]+")
_TITLE = re.compile(r"[A-Z][a-z]*")
# Readings of disguised characters as masks ("f@ck" as "f*ck") that one text may try,
# across every lexicon: each disguised word has up to 2**_MAX_DISGUISED readings, so a
# text of nothing but disguised words would cost hundreds of milliseconds. A comment
# uses a handful; one that needs more is judged without them and sent to a reviewer.
MAX_MASK_READINGS = 2_000
# Undisguised tokens' lookups kept per lexicon (forgotten all at once when full): a news
# comment's words are mostly among the few thousand most common.
_KNOWN_TOKENS = 20_000
_UNSEEN = object()


class Budget:
    """What is left of one text's mask readings, shared by every lexicon."""

    def __init__(self, limit: int = MAX_MASK_READINGS) -> None:
        self.left = limit
        self.exhausted = False

    def take(self) -> bool:
        """Spend one reading; False (and `exhausted`) once there are none left."""
        if self.left <= 0:
            self.exhausted = True
            return False
        self.left -= 1
        return True


class Token(NamedTuple):
    """One word of the folded text, as every lexicon looks it up (a tuple: texts of
    thousands of words make thousands of these)."""

    start: int  # folded span of the word, after a leading '@'
    end: int
    word: str  # the folded word, masks read as '*'
    plain: str  # the same characters without leetspeak read as letters
    mention: bool  # written with a leading '@' ("@ss", or a mention)
    shortened: bool  # folding cut letters from it (stretched letters)


def scan(folded: Folded) -> list[Token]:
    """The folded text's words of two letters or more, once for every lexicon."""
    text, plain, src = folded.text, folded.plain, folded.src
    tokens = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        mention = text[start] == "@"
        start += mention
        if end - start < 2:  # no listed word is this short
            continue
        # folding cut letters from the word when it spans more of the original
        shortened = src is not None and src[end - 1] + 1 - src[start] > end - start
        word = text[start:end].translate(_MASK_TABLE)
        tokens.append(Token(start, end, word, plain[start:end], mention, shortened))
    return tokens


@dataclass(frozen=True, slots=True)
class TokenView:
    """A text's words as sets, computed once and shared by every lexicon's pre-check."""

    text: str
    tokens: frozenset[str]
    squashed: frozenset[str]
    stems: frozenset[str]
    disguised: bool
    folded: Folded
    arabic: bool = False  # has Arabic-script words (which may carry joined prefixes)
    budget: Budget = field(default_factory=Budget)
    _scanned: list[list[Token]] = field(default_factory=list)

    def scanned(self) -> list[Token]:
        """The words of the text (scanned on first use, then shared)."""
        if not self._scanned:
            self._scanned.append(scan(self.folded))
        return self._scanned[0]


def token_view(folded: Folded) -> TokenView:
    """The sets a lexicon needs to tell quickly that none of its words can be present."""
    text = folded.text
    tokens = frozenset(_WORD.findall(text))
    # Only words with a doubled letter can be stretched forms ("fuuck" but not "as").
    squashed = frozenset(_SQUASH.sub(r"\1", m.group()) for m in _DOUBLED.finditer(text))
    stems = frozenset(_PLURAL_S.findall(text) + _PLURAL_ES.findall(text))
    if len(text) < folded.original_length:
        # folding shortened the text (stretched letters cut): any word may be a listed
        # word whose double vowel was cut to one, so every word counts as a squashed form
        squashed |= tokens
    if squashed:
        stems |= {s[:-1] for s in squashed if s.endswith("s")}
    disguised = folded.plain != text or _DISGUISED.search(text) is not None
    arabic = not text.isascii() and _ARABIC.search(text) is not None
    return TokenView(text, tokens, squashed, stems, disguised, folded, arabic)


@dataclass(frozen=True, slots=True)
class Entry:
    """A listed word with the rule name and reason reported when it matches."""

    word: str  # folded
    rule: str
    note: str
    strength: Strength = Strength.STRONG
    spelling: str = ""  # as the list spells it, when folding changes it ("şık", "göt")
    plain: str = ""  # a word spelled with digits (Arabizi "5ara"): matched before leetspeak
    written_only: bool = False  # its fold is an ordinary word: matches only as spelled


def _runs(word: str) -> tuple[str, tuple[int, ...]]:
    """'shiit' -> ('shit', (1, 1, 2, 1))."""
    runs = [m.group() for m in _RUN.finditer(word)]
    return "".join(r[0] for r in runs), tuple(len(r) for r in runs)


def _masked_forms(word: str) -> Iterator[str]:
    """The word with one contiguous run of letters after the first replaced by '*'."""
    for start in range(1, len(word)):
        for length in range(1, min(_MAX_MASK_RUN, len(word) - start) + 1):
            yield word[:start] + "*" * length + word[start + length :]


def _alternation(words) -> re.Pattern[str] | None:
    """One regex finding any of `words`, or None for none."""
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


class Lexicon:
    """A compiled word list: exact, stretched, masked, plural and root lookups."""

    def __init__(
        self,
        words: dict[str, Entry],
        roots: dict[str, Entry] | None = None,
        allow: set[str] | frozenset[str] = frozenset(),
        names: set[str] | frozenset[str] = frozenset(),
        masked: set[str] | frozenset[str] | None = None,
        places: set[str] | frozenset[str] = frozenset(),
        name_parts: set[str] | frozenset[str] = frozenset(),
        prefixes: tuple[str, ...] = (),
    ) -> None:
        """`masked` limits which words match with hidden letters (None: all of them);
        `names`, `places` and `name_parts` are listed words that are also people's names,
        place names, and lower-case parts of place names (see `_is_name`).

        Where two words share a masked form, the first in `words` order wins.
        """
        single = {w: e for w, e in words.items() if " " not in w and "-" not in w}
        phrases = {w: e for w, e in words.items() if w not in single}
        # Words spelled with digits are looked up as written, so that Arabizi "5ara" (خرا)
        # is not read as "sara", a name.
        self._plain = {e.plain: e for w, e in single.items() if e.plain}
        single = {w: e for w, e in single.items() if not e.plain}
        self._prefixes = prefixes
        self._prefixes_by_letter: dict[str, list[str]] = {}
        for prefix in prefixes:  # longest first, as given
            self._prefixes_by_letter.setdefault(prefix[0], []).append(prefix)
        # Whether any listed word is in Arabic script: only then are such words looked up.
        self._arabic = any(not w.isascii() for w in chain(words, roots or {}))
        self._exact = dict(single)
        self._stretched: dict[str, list[tuple[tuple[int, ...], Entry]]] = {}
        self._masked: dict[str, Entry] = {}
        for word, entry in single.items():
            canon, runs = _runs(word)
            self._stretched.setdefault(canon, []).append((runs, entry))
            # Another language's short word with a hidden letter is mostly noise ("a00",
            # "q00" as "aq", "quz"): only its words of five letters or more are read masked.
            if (masked is None or word in masked) and not (entry.spelling and len(word) < 5):
                for form in _masked_forms(word):
                    self._masked.setdefault(form, entry)
        self._words = frozenset(single)
        self._canons = frozenset(self._stretched)
        self._roots = dict(roots or {})
        self._root_masks = {
            form: entry for root, entry in self._roots.items() for form in _masked_forms(root)
        }
        # One regex says whether any root (or masked root) is inside a word; only then are
        # they tried one by one, in list order.
        self._root_gate = _alternation(self._roots)
        self._root_mask_gate = _alternation(self._root_masks)
        self._allow = frozenset(a for a in allow if " " not in a)
        # Allowed phrases ("chink in its|the armour"): a hit inside one does not count.
        # Each space-separated slot may list alternatives with "|".
        contexts = sorted((a for a in allow if " " in a), key=len, reverse=True)
        self._allow_re = None
        if contexts:
            body = "|".join(
                r"[\s\-]+".join(
                    "(?:" + "|".join(re.escape(alt) for alt in slot.split("|")) + ")"
                    for slot in context.split()
                )
                for context in contexts
            )
            self._allow_re = re.compile(rf"(?<![{_L}])(?:{body})(?![{_L}])")
        self._names = frozenset(names)
        # Masks and "@" stand for letters only in lexicons with masked forms or a word that
        # "@" can begin ("@ss"); others need not look at a disguised text's every token.
        self._reads_disguises = bool(
            self._masked or self._root_masks or any(w.startswith("a") for w in single)
        )
        self._places = frozenset(places)
        self._name_parts = frozenset(name_parts)
        self._any_name = self._names | self._places | self._name_parts
        self._phrases = {_SEPARATORS.sub("", p): e for p, e in phrases.items()}
        # A phrase can only be present if its first word, or the whole phrase written as
        # one word ("blowjob"), is among the text's words.
        self._phrase_gate = frozenset(
            words[0] for p in phrases if (words := _WORD.findall(p))
        ) | frozenset(self._phrases)
        self._phrase_re = None
        if phrases:
            alts = sorted(phrases, key=len, reverse=True)
            body = "|".join(_SEPARATORS.sub(r"[\\s\\-_]*", re.escape(p)) for p in alts)
            self._phrase_re = re.compile(rf"(?<![{_L}])(?:{body})(?![{_L}])")
        if self._stretched or self._phrases:
            warm()  # the dictionary's data, loaded at start-up
        # Lookups of undisguised tokens, across texts: most words of every comment ("the",
        # "said") are none of the list's, and finding that anew cost most of the lookup.
        self._known: dict[tuple[str, str, bool, bool], tuple[Entry, bool] | None] = {}

    def __len__(self) -> int:
        return len(self._exact) + len(self._phrases) + len(self._roots)

    def listed(self) -> set[str]:
        """Every listed word, phrase and root (as their entries name them)."""
        entries = chain(self._exact.values(), self._phrases.values(), self._roots.values())
        return {entry.word for entry in entries}

    def _lookup_word(
        self, token: str, shortened: bool = False, literal: bool = False
    ) -> Entry | None:
        entry = self._exact.get(token)
        if entry is not None or literal:
            return entry
        if "*" in token:
            return self._masked.get(token)
        if shortened or _HAS_DOUBLE.search(token):
            canon, runs = _runs(token)
            for word_runs, candidate in self._stretched.get(canon, ()):
                if len(word_runs) == len(runs) and all(
                    t >= w or (shortened and t == 1 and c in _VOWELS)
                    for t, w, c in zip(runs, word_runs, canon, strict=True)
                ):
                    return candidate
        return None

    def _lookup(self, token: str, shortened: bool = False, literal: bool = False) -> Entry | None:
        """The entry for a token; `shortened`: the original was longer, so a vowel that
        folding cut to one letter ("booooobs" -> "bobs") may stand for a double one;
        `literal`: the token is an ordinary word, so only listed spellings match it."""
        entry = self._lookup_word(token, shortened, literal)
        if entry is not None:
            return entry
        for suffix in _PLURALS:
            if token.endswith(suffix) and len(token) > len(suffix) + 2:
                entry = self._lookup_word(token[: -len(suffix)], shortened, literal)
                if entry is not None and not entry.spelling:  # English plurals only
                    return entry
        if self._root_gate is not None and self._root_gate.search(token):
            for root, entry in self._roots.items():
                if root in token:
                    return entry
        if "*" in token and self._root_mask_gate is not None and self._root_mask_gate.search(token):
            for form, entry in self._root_masks.items():
                if form in token:
                    return entry
        return None

    def _candidates(self, token: str, plain: str) -> Iterator[str]:
        """The token as folded, then with disguised characters read as masks."""
        yield token
        if plain == token and "*" not in token:
            return
        disguised = [i for i, c in enumerate(plain) if c in _DISGUISE]
        if not disguised or len(disguised) > _MAX_DISGUISED or len(plain) != len(token):
            return
        for choice in product((False, True), repeat=len(disguised)):
            if not any(choice):
                continue
            chars = list(token)
            for i, as_mask in zip(disguised, choice, strict=True):
                if as_mask:
                    chars[i] = "*"
            yield "".join(chars)

    def _lookup_token(self, token: Token, budget: Budget) -> tuple[Entry, bool] | None:
        """The entry a token stands for, and whether it matched the word exactly as folded."""
        if self._plain and token.plain != token.word:
            entry = self._plain.get(token.plain)
            if entry is not None:
                return entry, True
        candidates = [token.word]
        if token.mention:  # "@ss" may be "ass" as well as a mention of "ss"
            candidates.append("a" + token.word)
        for candidate in candidates:
            literal = candidate is token.word and _written_as_word(token)
            entry = self._lookup(candidate, token.shortened, literal)
            if entry is not None:
                return entry, candidate == token.word
        if self._prefixes and not token.word.isascii():
            entry = self._without_prefix(token)
            if entry is not None:
                return entry, True
        if not self._masked and not self._root_masks:
            return None  # no listed word is matched with hidden letters: no reading can hit
        for candidate in islice(self._candidates(token.word, token.plain), 1, None):
            if not budget.take():
                return None
            entry = self._lookup(candidate, token.shortened)
            if entry is not None:
                return entry, False
        return None

    def _without_prefix(self, token: Token) -> Entry | None:
        """The entry for an Arabic-script word read without a joined prefix ("الشرموطة",
        "ياكلب"), where a word of three letters or more is left."""
        for prefix in self._prefixes_by_letter.get(token.word[0], ()):
            if token.word.startswith(prefix) and len(token.word) - len(prefix) >= _MIN_STEM:
                entry = self._lookup_word(token.word[len(prefix) :], token.shortened)
                if entry is not None:
                    return entry
        return None

    def _is_name(
        self, words: tuple[str, str], original: str, span: tuple[int, int], titled: list[bool]
    ) -> bool:
        """Whether a listed word (`words`: the entry's word and the token's) is written as a
        name, in a text not in capitals throughout:

        - a person's name ([names]), capitalised beside another capitalised word or after a
          title ("Dick Cheney", "Mr Hooker");
        - a place ([places]), capitalised after a place word or hyphened to a capitalised
          name ("the village of Fucking", "Castelnau-le-Lez");
        - either, capitalised anywhere, when the name only contains a listed word
          ("Shitterton", "Cummings");
        - a part of place names ([name_parts]), in lower case between capitalised words
          or hyphened to one ("Chorlton cum Hardy", "Hyesan-dong").
        """
        if self._any_name.isdisjoint(words):
            return False
        start, end = span
        written = original[start:end]
        after = _NAME_AFTER.match(original[end : end + _NAME_WINDOW])
        before = original[max(0, start - _NAME_WINDOW) : start]
        # only a window ending in "-" can be hyphened (a search per hit would rescan it)
        hyphened = before.endswith("-") and _NAME_HYPHENED.search(before) is not None
        if written.islower():
            if self._name_parts.isdisjoint(words):
                return False
            return hyphened or bool(after and _NAME_BEFORE.search(before))
        if not _CAPITALISED.fullmatch(written):
            return False
        if not titled:
            titled.append(_title_case(original))
        if titled[0]:
            return False  # "You Are A Fucking Disgrace": capitals say nothing here
        if words[1] != words[0] and words[1] in self._any_name:
            return True
        if not self._places.isdisjoint(words) and (hyphened or _PLACE_CUE.search(before)):
            return True
        if not self._name_parts.isdisjoint(words) and hyphened:
            return True
        return not self._names.isdisjoint(words) and bool(
            after or _NAME_BEFORE.search(before) or _TITLE_CUE.search(before)
        )

    def _glued_word(self, folded: Folded, original: str, span: tuple[int, int]) -> bool:
        """A phrase written as one ordinary word ("cowgirl" for "cow girl") that is not
        itself listed and holds no root: the fold invented the phrase."""
        word = folded.text[span[0] : span[1]]
        if not word.isalpha() or word in self._exact or any(r in word for r in self._roots):
            return False
        start, end = folded.span(*span)
        return original[start:end].isalpha() and is_ordinary(word)

    def may_match(self, view: TokenView) -> bool:
        """False only when no listed single word or root can be in the text."""
        return (
            (view.disguised and (self._reads_disguises or bool(self._plain)))
            or (view.arabic and self._arabic and bool(self._prefixes))
            or not self._words.isdisjoint(view.tokens)
            or not self._canons.isdisjoint(view.squashed)
            or not self._words.isdisjoint(view.stems)
            or any(root in view.text for root in self._roots)
        )

    def find(
        self,
        folded: Folded,
        original: str,
        view: TokenView | None = None,
        cleared: list[tuple[int, int]] | None = None,
    ) -> list[tuple[Entry, tuple[int, int]]]:
        """Every listed word in the folded text, with its span in the original. Where
        `cleared` is given, the original spans of allowed words, of listed words read as
        names or places, and of those inside an allowed phrase ("a chink in its armour")
        are added to it."""
        if not len(self):
            return []  # an empty list (threat, promotion): no token needs looking at
        hits: list[tuple[Entry, tuple[int, int]]] = []
        inside: list[tuple[int, int]] = []  # each hit's folded span, for allowed phrases
        titled: list[bool] = []  # whether the text is title case, computed once if asked
        text = folded.text
        if view is None:
            view = token_view(folded)
        tokens = view.scanned() if self.may_match(view) else ()
        # A word repeated is looked up once: the lookup depends on the token alone.
        seen: dict[tuple[str, str, bool, bool], tuple[Entry, bool] | None] = {}
        known = self._known
        for token in tokens:
            if len(token.word) < 2:
                continue
            if token.word in self._allow:  # an innocent word ("Scunthorpe", "cocktail")
                if cleared is not None:
                    cleared.append(folded.span(token.start, token.end))
                continue
            if not self._arabic and not token.word.isascii():
                continue  # an Arabic-script word, and no listed word is in that script
            key = (token.word, token.plain, token.mention, token.shortened)
            found = seen.get(key, _UNSEEN)
            if found is _UNSEEN:
                found = known.get(key, _UNSEEN)  # one call: another thread may clear it
            if found is not _UNSEEN:
                seen[key] = found
            else:
                found = seen[key] = self._lookup_token(token, view.budget)
                if _undisguised(token):
                    if len(known) >= _KNOWN_TOKENS:
                        known.clear()
                    known[key] = found
            if found is not None:
                entry, as_written = found
                start = token.start - (token.mention and not as_written)
                span = folded.span(start, token.end)
                if not _spelled_as_listed(entry, original[span[0] : span[1]]):
                    continue
                if not self._is_name((entry.word, token.word), original, span, titled):
                    hits.append((entry, span))
                    inside.append((start, token.end))
                elif cleared is not None:  # a name or a place ("Dick Cheney", "Fucking")
                    cleared.append(span)
        if self._phrase_re is not None and not self._phrase_gate.isdisjoint(view.tokens):
            for match in self._phrase_re.finditer(text):
                entry = self._phrases[_SEPARATORS.sub("", match.group())]
                if not self._glued_word(folded, original, match.span()):
                    hits.append((entry, folded.span(*match.span())))
                    inside.append(match.span())
        if hits and self._allow_re is not None:
            hits = _outside(self._allow_re, text, hits, inside, cleared)
        return hits


def _outside(
    allow: re.Pattern[str],
    text: str,
    hits: list[tuple[Entry, tuple[int, int]]],
    inside: list[tuple[int, int]],
    cleared: list[tuple[int, int]] | None = None,
) -> list[tuple[Entry, tuple[int, int]]]:
    """The hits that lie in no allowed phrase (one scan of the text for all of them); the
    original spans of the others are added to `cleared`, where given."""
    allowed = [m.span() for m in allow.finditer(text)]  # in order, not overlapping
    if not allowed:
        return hits
    starts = [a for a, _ in allowed]
    kept = []
    for hit, (start, end) in zip(hits, inside, strict=True):
        i = bisect_right(starts, start) - 1
        if i < 0 or end > allowed[i][1]:
            kept.append(hit)
        elif cleared is not None:
            cleared.append(hit[1])
    return kept


def _spelled_as_listed(entry: Entry, written: str) -> bool:
    """Whether a word as written may stand for the entry its fold matched. Folding drops
    the marks of Latin letters (ş ı ö ç ğ, ê î û), and a word spelled with them may be a
    word of its own: Turkish "şık" (elegant) and "sık" (often) are not "sik". It stands
    for the entry when spelled as listed, or when rarer than the listed spelling (a typo or
    a disguise: "sıktır"). An entry whose fold is an ordinary word ("göt": got) matches
    only as spelled."""
    if entry.written_only:
        return spelling(written) == entry.spelling
    if written.isascii() or _MARKED_LATIN.search(written) is None:
        return True
    word = spelling(written)
    listed = entry.spelling or entry.word
    return word == listed or not is_own_word(word, listed)


def _undisguised(token: Token) -> bool:
    """Whether the token has no disguised character to read as a mask: its lookup then
    spends none of a text's Budget and depends on the token alone, so it may be kept."""
    return token.plain == token.word and "*" not in token.word


def _written_as_word(token: Token) -> bool:
    """Whether the token, as written, is an ordinary word with a doubled letter (the only
    kind a fold can misread as a stretched listed word); looked up in the dictionary only
    then, and memoised there."""
    word = token.word
    if token.shortened or token.mention or token.plain != word or not _HAS_DOUBLE.search(word):
        return False
    return word.isalpha() and is_ordinary(word)


def _title_case(original: str) -> bool:
    """Whether most of the text's words are capitalised (headline style or shouting)."""
    words = _WORDS.findall(original[:2_000])
    return len(words) >= 4 and sum(bool(_TITLE.match(w)) for w in words) >= 0.9 * len(words)
