"""Language identification: which comments the English rules and model can judge.

Lingua decides, restricted to the languages readers actually write in. Two cheap checks
come first, because detectors misfire on short English comments and on English text full
of Kurdish and Arabic names: text mostly in a non-Latin script is not English, and Latin
text with enough English function words is English.
"""

from __future__ import annotations

import re
import unicodedata

from lingua import Language, LanguageDetectorBuilder

UNDETERMINED = "und"
# Languages readers write in, and neighbours a detector may confuse them with, by script.
# Kurdish is not among Lingua's languages: Sorani reads as Persian or Arabic, Kurmanji as
# Turkish or another Latin-script language, and either way it is not English. Separate
# detectors per script keep each decision to the few languages it can be.
LATIN = (
    Language.ENGLISH,
    Language.TURKISH,
    Language.GERMAN,
    Language.FRENCH,
    Language.SPANISH,
    Language.ITALIAN,
    Language.DUTCH,
    Language.SWEDISH,
    Language.AZERBAIJANI,
    Language.SOMALI,
    Language.PORTUGUESE,
    Language.POLISH,
    Language.INDONESIAN,
)
ARABIC_SCRIPT = (Language.ARABIC, Language.PERSIAN, Language.URDU)
OTHER_SCRIPTS = (Language.RUSSIAN, Language.HEBREW, Language.ARABIC, Language.PERSIAN)
CANDIDATES = LATIN + ARABIC_SCRIPT + (Language.RUSSIAN, Language.HEBREW)
# Function words that are English and not also common words in the candidate languages.
ENGLISH_WORDS = frozenset(
    """the and is are was were you your this that these those of to for with not have has
    had it its they them their what which who will would should could be been from at by or
    but if my me we our he she his her just about all can do does did so there here than
    then when why how because i i'm don't it's isn't can't won't an they're we're you're
    any some very more most only also into over after before out up no yes every each
    other such same who's what's let's going get got been being off again""".split()
)
_WORD = re.compile(r"[a-z']+")
_NOISE = re.compile(r"https?://\S+|www\.\S+|@\w+|#\w+")
# A Latin comment with at least this many English function words, making up at least
# this share of its words, is English without asking the detector.
MIN_ENGLISH_WORDS = 2
MIN_ENGLISH_SHARE = 0.2
# The detector must be at least this sure before a Latin-script comment counts as foreign.
MIN_FOREIGN_CONFIDENCE = 0.5
# A comment's language shows in its first few sentences: the detector reads at most this
# many characters, so its cost is bounded however long the comment is.
MAX_DETECT_CHARS = 2_000


def _script_shares(text: str) -> tuple[int, float, float]:
    """Letter count, and the shares of Latin and of Arabic-script letters."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0, 1.0, 0.0
    latin = arabic = 0
    for c in letters:
        if c.isascii():
            latin += 1
        else:
            name = unicodedata.name(c, "")
            latin += "LATIN" in name
            arabic += "ARABIC" in name
    return len(letters), latin / len(letters), arabic / len(letters)


def _build(languages: tuple[Language, ...]):
    return (
        LanguageDetectorBuilder.from_languages(*languages).with_preloaded_language_models().build()
    )


class LanguageDetector:
    """ISO 639-1 codes for comments; built once, since Lingua loads its models up front."""

    def __init__(self) -> None:
        self._latin = _build(LATIN)
        self._arabic = _build(ARABIC_SCRIPT)
        self._other = _build(OTHER_SCRIPTS)

    def detect(self, text: str) -> str:
        """The comment's language code, or 'und' when there is nothing to tell by."""
        clean = _NOISE.sub(" ", text[:MAX_DETECT_CHARS])
        letters, latin, arabic = _script_shares(clean)
        if letters == 0:
            return UNDETERMINED
        if latin >= 0.5:
            words = _WORD.findall(clean.lower().replace("’", "'"))
            english = sum(1 for w in words if w in ENGLISH_WORDS)
            if english >= MIN_ENGLISH_WORDS and english >= MIN_ENGLISH_SHARE * len(words):
                return "en"
            detector = self._latin
        else:
            detector = self._arabic if arabic >= 0.5 else self._other
        values = detector.compute_language_confidence_values(clean)
        if not values:
            return UNDETERMINED
        best = values[0]
        if latin >= 0.5 and best.language is not Language.ENGLISH:
            if best.value < MIN_FOREIGN_CONFIDENCE:
                return "en"  # too unsure to withhold an English-looking comment
        return best.language.iso_code_639_1.name.lower()
