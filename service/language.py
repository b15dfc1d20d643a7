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
# Languages the outlet's readers write in, and neighbours a detector may confuse them with.
# Kurdish is not among Lingua's languages: Sorani reads as Persian or Arabic, Kurmanji as
# Turkish or another Latin-script language, and either way it is not English.
CANDIDATES = (
    Language.ENGLISH,
    Language.TURKISH,
    Language.ARABIC,
    Language.PERSIAN,
    Language.URDU,
    Language.GERMAN,
    Language.FRENCH,
    Language.SPANISH,
    Language.ITALIAN,
    Language.DUTCH,
    Language.SWEDISH,
    Language.AZERBAIJANI,
    Language.RUSSIAN,
    Language.HEBREW,
    Language.SOMALI,
    Language.PORTUGUESE,
    Language.POLISH,
    Language.INDONESIAN,
)
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


def _latin_share(text: str) -> tuple[int, float]:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0, 1.0
    latin = sum(1 for c in letters if c.isascii() or "LATIN" in unicodedata.name(c, ""))
    return len(letters), latin / len(letters)


class LanguageDetector:
    """ISO 639-1 codes for comments; built once, since Lingua loads its models up front."""

    def __init__(self) -> None:
        self._detector = (
            LanguageDetectorBuilder.from_languages(*CANDIDATES)
            .with_preloaded_language_models()
            .build()
        )

    def detect(self, text: str) -> str:
        """The comment's language code, or 'und' when there is nothing to tell by."""
        clean = _NOISE.sub(" ", text)
        letters, latin = _latin_share(clean)
        if letters == 0:
            return UNDETERMINED
        if latin >= 0.5:
            words = _WORD.findall(clean.lower().replace("’", "'"))
            english = sum(1 for w in words if w in ENGLISH_WORDS)
            if english >= MIN_ENGLISH_WORDS and english >= MIN_ENGLISH_SHARE * len(words):
                return "en"
        values = self._detector.compute_language_confidence_values(clean)
        if not values:
            return UNDETERMINED
        best = values[0]
        if latin >= 0.5 and best.language is not Language.ENGLISH:
            if best.value < MIN_FOREIGN_CONFIDENCE:
                return "en"  # too unsure to withhold an English-looking comment
        return best.language.iso_code_639_1.name.lower()
