"""Spelling variation on each kind of hateful comment: a letter dropped, doubled or two
swapped, in the group's name, in what is said of it, or both; letters spaced out or split
by punctuation; leet digits and masks; stretched letters and mixed case. Each is still
rejected or sent to review with a category, while ordinary words one letter away from a
listed one ("curds", "turns", "sunny", "days") stay approved."""

from __future__ import annotations

import pytest

from service import build_moderator
from service.config import Settings
from service.domain import Verdict
from service.pipeline import moderate

MODERATOR = build_moderator(Settings(database_url="sqlite://", model_path=None))


def held(text: str) -> set[str]:
    """The categories of a decision that does not approve the comment (empty: approved)."""
    decision = moderate(text, MODERATOR)
    if decision.verdict is Verdict.APPROVE:
        return set()
    return {c.value for c in decision.categories} or {"held without a category"}


# (comment, a category it must be held for)
HATEFUL = [
    # contempt, with the group misspelt, disguised or spaced
    ("Honestly I can't bear Kurdz", "abuse"),
    ("i cant stand kruds at all", "abuse"),
    ("I can't stand K*rds", "abuse"),
    ("I cant stand K u r d s", "abuse"),
    ("I despisse Armenians", "abuse"),
    ("I h a t e Syrians", "abuse"),
    ("I HATE ASSYRAINS", "abuse"),
    ("I hate Blacsk", "abuse"),  # "blacks" swapped, not "black" with a letter added
    # negative traits
    ("Muslims are the dubmest people on the planet", "abuse"),
    ("Jewz are the dumb3st people alive", "abuse"),
    ("Christianss are the stupidest people on earth", "abuse"),
    # dehumanisation, with the predicate misspelt, disguised or spaced
    ("Kurds are parasties", "abuse"),
    ("kurds are vermn", "abuse"),
    ("Arabs are v e r m i n", "abuse"),
    ("Turks are c-o-c-k-r-o-a-c-h-e-s", "abuse"),
    ("Mus1ims are vermin", "abuse"),
    ("@rabs are cockroaches", "abuse"),  # "@" before a word is an a, not only a mention
    ("Kurdish ppl are sc*m", "abuse"),
    ("Kurds are ver min", "abuse"),
    ("m.u.slims are para-sites", "abuse"),
    ("dea th to all Kurds", "threat"),
    ("MusIims are rats", "abuse"),
    ("Syrians are subhum4n", "abuse"),
    ("Kurdish people are sc*m", "abuse"),
    ("Gayz are disgussssting", "abuse"),
    ("refugees are tr@sh", "abuse"),
    ("Syrains are cockraoches", "abuse"),
    # violence against a group
    ("d3ath to all Kurds", "threat"),
    ("all Armenains should be killed", "threat"),
    ("Arabs should be exterminatd", "threat"),
    # exclusion
    ("Syr1ans should go back where they came from", "abuse"),
    ("Afghans should be deportd", "abuse"),
    ("refugees should be depor*ed", "abuse"),
    # threats to a person, insults, incitement to self-harm
    ("I will kiill you", "threat"),
    ("I will k*ll you", "threat"),
    ("I am going to murdr you", "threat"),
    ("you should kil1 yourself", "threat"),
    ("go kill yuorself", "threat"),
    ("go kill yourslef", "threat"),
    ("you are a pathtic idiot", "personal_attack"),
    ("you are a worthles moron", "personal_attack"),
    ("you are a p4thetic 1diot", "personal_attack"),
    # non-protected groups insulted as a class, spelt right and misspelt
    ("Politicans are scum", "personal_attack"),
    ("pol1ticians are vermin", "personal_attack"),
    ("Police officers are pigs", "personal_attack"),
    ("gamers are pathetic losers", "personal_attack"),
    ("Boomers are morons", "personal_attack"),
    ("Estate agents are scum", "personal_attack"),
    ("Judges are parasites", "personal_attack"),
    ("journalsts are the dumbest people alive", "personal_attack"),
]


@pytest.mark.parametrize(("text", "category"), HATEFUL)
def test_spelling_variants_are_held_with_their_category(text, category):
    assert category in held(text), text


CLEAN = [
    # ordinary words one letter from a group name: not misspellings of it
    "Cheese curds are great on chips",
    "The turns on this mountain road are dangerous",
    "It is sunny and warm today",
    "The days are getting shorter",
    "You guys are great",
    "Jaws is still a frightening film",
    "The refuges on the mountain are full every winter",
    "The bakers on our street are wonderful",
    "The layers of this cake are delicious",
    "Roman ruins are everywhere in this city",
    "Christina is my best friend",
    # places, food and language, not people
    "I visited Asia last year",
    "Arabic coffee is delicious",
    "Kurdish food is amazing",
    "I watched the news tonight",
    "We drove from Turku to Tampere",
    "Libya and Qatar signed a deal",
    # surnames and names capitalised mid-sentence are not misspellings
    "Ms Kurdi wrote the article",
    "I met Mr Kilian yesterday",
    # identity statements, reporting, counter-speech, denials
    "As a Kurd I am proud of my heritage",
    "I am a Muslim and proud of it",
    "Saying Kurds are vermin is racist",
    "Kurds are not vermin",
    # criticism of institutions and of what people in a job did
    "The police failed the victims",
    "Politicians broke their promises",
    "This government is corrupt",
    "The Turkish army shelled the village",
    "Politicians are liars",
    "Teachers deserve a pay rise",
    "Gamers are excited about the new console",
    "Police officers were injured in the riot",
    # words split apart that are words of their own
    "The inquiry will be headed by a Kurdish judge",
    "Kurds are a live issue in this election",
    # spaced letters that are words of their own
    "u r a star",
    "thanks @rab for the link",
]


@pytest.mark.parametrize("text", CLEAN)
def test_ordinary_words_places_and_contrasts_stay_approved(text):
    assert held(text) == set(), text
