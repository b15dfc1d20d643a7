"""Context that changes what a hit means: quoting a slur to condemn it is not abuse."""

from __future__ import annotations

import re

from service.domain import RuleHit

# Quoted passages: '...', "...", “...”, ‘...’, «...». A single quote opens only after a
# non-letter and closes only before one, so apostrophes (don't, PUK's) are not quotes.
_QUOTED = re.compile(
    r"(?<![A-Za-z])'(?:[^'\n]|'(?=[A-Za-z])){1,120}?'(?![A-Za-z])|\"[^\"\n]{1,200}?\"|“[^”\n]{1,200}?”"
    r"|‘[^’\n]{1,200}?’|«[^»\n]{1,200}?»"
)
# Words that report what someone else said or called people.
_REPORTING = re.compile(
    r"\b(?:call|calls|calling|called|say|says|said|saying|write|writes|wrote|tweeted|post|"
    r"posted|shout|shouts|shouted|shouting|chant|chants|chanted|chanting|label|labels|"
    r"labelled|labeled|repeat|repeats|repeating|word|words|term|slur|slurs|insult|insults|"
    r"language|name|names|phrase|like)\b",
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
_SENTENCE_END = re.compile(r"[.!?\n]+\s")


def _sentence(text: str, span: tuple[int, int]) -> str:
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.end() <= span[0]:
            start = match.end()
        elif match.start() >= span[1]:
            return text[start : match.start()]
    return text[start:]


def is_quoted(text: str, span: tuple[int, int]) -> bool:
    """Whether the span lies inside a quoted passage."""
    return any(m.start() <= span[0] and span[1] <= m.end() for m in _QUOTED.finditer(text))


def not_counter_speech(text: str, hit: RuleHit) -> bool:
    """Keep a hit unless it is quoted as reported speech, or its sentence condemns it."""
    if is_quoted(text, hit.span) and _REPORTING.search(text):
        return False
    sentence = _sentence(text, hit.span)
    return not (_REPORTING.search(sentence) and _CONDEMNING.search(sentence))


def without_counter_speech(text: str) -> str:
    """The text minus sentences that report something said and condemn it.

    The classifier reads what remains: it judges what the commenter says, not the words
    they quote in order to condemn them, which it cannot tell apart.
    """
    kept, start = [], 0
    for match in [*_SENTENCE_END.finditer(text), None]:
        end = match.start() if match else len(text)
        sentence = text[start:end]
        if not (_REPORTING.search(sentence) and _CONDEMNING.search(sentence)):
            kept.append(text[start : match.end() if match else len(text)])
        start = match.end() if match else len(text)
    return "".join(kept)
