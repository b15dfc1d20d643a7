"""Folding does not invent words: ordinary words, names and homonyms stay what they are.

A fold may turn a disguise into a listed word ("sh1t", "fuuuck"), never an ordinary word
("Shiite" is not `shite`); capitalised place names and surnames are names; a listed word
inside an allowed phrase ("a chink in its armour") is a homonym. Each mechanism comes with
its contrast: the word written as listed, the disguise, the slur used as a slur.
"""

import pytest
from wordfreq import top_n_list, zipf_frequency

from service.normalise import fold
from service.rules import build_rules
from service.rules.dictionary import ORDINARY_ZIPF, is_ordinary

RULES = build_rules()


def flags(text: str) -> set[str]:
    return {h.category.value for h in RULES.match(text, fold(text))}


def evidence(text: str) -> list[str]:
    return [text[slice(*h.span)] for h in RULES.match(text, fold(text))]


# Ordinary words that a fold used to read as a listed word (training/fold_collisions.py).
@pytest.mark.parametrize(
    "text",
    [
        "Shiite militias control the border crossing",
        "Sunnis and Shiites voted together",
        "in the annals of Kurdish history",
        "the pollack stocks in the North Sea",
        "woops, I meant the other article",
        "an annus horribilis for the coalition",
        "a cowgirl on a horse at the rodeo",
        "Ѕhiite clerics",  # Cyrillic capital S: the look-alike is undone, the word is still one
    ],
)
def test_ordinary_words_are_not_folded_into_listed_words(text):
    assert flags(text) == set(), text


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("what a load of shite", "profanity"),  # listed as written
        ("shit", "profanity"),
        ("sh1t", "profanity"),  # leetspeak
        ("f*ck this", "profanity"),  # masked
        ("fuuuck this", "profanity"),  # stretched
        ("fuuck this", "profanity"),  # doubled letter: not an ordinary word
        ("shiit", "profanity"),
        ("shiiite", "profanity"),  # a tripled vowel is a disguise, not Shiite
        ("fuck-ass", "profanity"),
        ("goddamnit", "profanity"),  # the dictionary knows it: listed as written
    ],
)
def test_disguises_and_listed_spellings_still_match(text, category):
    assert category in flags(text), text


def test_the_dictionary_knows_ordinary_words_and_not_stretched_ones():
    assert is_ordinary("shiite") and is_ordinary("shiites") and is_ordinary("annals")
    assert not is_ordinary("fuuck") and not is_ordinary("shiit") and not is_ordinary("fuckk")


def test_no_common_word_is_flagged_through_a_fold():
    """The whole class: common English words match only as listed, as plurals or through
    a root, never by a fold into another word."""
    invented = []
    for word in top_n_list("en", 20_000):
        if not (word.isascii() and word.isalpha()) or len(word) < 3:
            continue
        if zipf_frequency(word, "en") < ORDINARY_ZIPF:
            break
        for hit in RULES.match(word, fold(word)):
            kind, _, listed = hit.rule.partition(":")
            stems = {word, word.removesuffix("s"), word.removesuffix("es")}
            listed = listed.replace(" ", "").replace("-", "")  # "bull shit" as "bullshit"
            if kind == "word" and listed not in stems and word not in (listed + "s"):
                invented.append((word, hit.rule))
    assert invented == []


# Place names and surnames: a name when capitalised inside a sentence or beside another
# capitalised word; lower case, at a sentence start or in a text in capitals, a word.
@pytest.mark.parametrize(
    "text",
    [
        "Shitterton is a hamlet in Dorset",
        "the Austrian village of Fucking renamed itself",
        "Bitchfield is near Grantham",
        "Dominic Cummings said the plan was ready",
        "Cummings said nothing",
        "Mr Cummings left Downing Street",
        "Scunthorpe United lost again",
        "Penistone and Clitheroe have new mayors",
        "Dick Cheney and Matt Hancock",
        "Cockburn and Butts were elected",
        "a trip to Wank, near Garmisch",
        "Chorlton cum Hardy is in Manchester",
        "Kralupy nad Vltavou and Marquette-lez-Lille",
        "Wang Yi met officials from Hang Dong",
        "they moved to Hyesan-dong and then Castelnau-le-Lez",
        "saltwater, meltwater and a smartwatch",
        "Kinoshita and Yamashita won medals",
    ],
)
def test_place_names_and_surnames_are_not_swear_words(text):
    assert flags(text) == set(), (text, evidence(text))


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Fucking hell, again", "profanity"),  # sentence start: capitals say nothing
        ("I hate this Fucking place", "profanity"),  # capitalised, but no place or title cue
        ("You Are A Fucking Disgrace", "profanity"),  # a text in capitals throughout
        ("what a shitterton of lies", "profanity"),  # lower case: the root counts
        ("he was cumming", "vulgarity"),
        ("you dick", "vulgarity"),
        ("filthy Coon", "abuse"),  # slurs are not names, even capitalised
        ("Ugly Coon Star Joy Reid", "abuse"),
        ("the Japs again", "abuse"),
        ("this wank of a budget", "profanity"),
        ("Another fucking Pittsburgh Nazi", "profanity"),  # beside a name, not in one
        ("Jose fucking Padilla", "profanity"),
        ("Fucking Trump again", "profanity"),
        ("the Brexit-fucking-disaster", "profanity"),
    ],
)
def test_the_same_words_used_as_words_still_match(text, category):
    assert category in flags(text), text


# Homonyms: a listed word inside an allowed phrase (abuse.toml [allow]) is not the slur.
@pytest.mark.parametrize(
    "text",
    [
        "the first chink in its armour",
        "a chink in their armor",
        "there are chinks in NATO's armour",
        "a chink of light under the door",
        "the kitchen was spic and span",
        "a faggot of sticks for the fire",
        "faggots and peas for dinner",
        "a coon hound treed the raccoon",
        "our Maine Coon cat",
        "the sea dyke burst in the storm",
        "the dykes held through the flood",
        "walking along Offa's Dyke",
        "Homo sapiens and queer theory",
        "a niggardly budget made them snigger",
        "Niger and Nigeria signed the deal",
        "he stepped out for a fag break and a packet of fags",
        "can I cadge a fag off you",
        "the camp on Lesbos burned; boats reached Lesbos at night",
        "a honky tonk piano",
        "spastic paralysis after the stroke",
        "the drug retarded the growth of the tumour",
        "SlutWalk marchers condemned slut shaming",
    ],
)
def test_homonyms_in_their_phrases_are_not_slurs(text):
    assert flags(text) == set(), (text, evidence(text))


@pytest.mark.parametrize(
    "text",
    [
        "you chink",
        "a chink in the office",  # the word alone, outside the idiom
        "go home spic",
        "you faggot",
        "filthy coon",
        "what a dyke",
        "you fag",  # the cigarette phrase needs its context
        "lesbos should be banned",
        "you spastic",
        "shut up retard",
        "you are retarded the whole time",
    ],
)
def test_the_slur_used_as_a_slur_still_matches(text):
    assert "abuse" in flags(text), text


def test_allowed_phrase_spares_only_the_hit_inside_it():
    text = "a chink in its armour, you chink"
    assert evidence(text) == ["chink"]
    assert RULES.match(text, fold(text))[0].span == (27, 32)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("fck this", "profanity"),
        ("fcking hell", "profanity"),
        ("fkn idiots", "profanity"),
        ("stfu", "profanity"),
        ("gtfo", "profanity"),
        ("just kys", "threat"),  # incitement to self-harm
    ],
)
def test_abbreviations_are_listed_words(text, category):
    assert category in flags(text), text


def test_a_short_listed_word_is_not_read_from_digits():
    assert flags("the K19 submarine film") == set()


# Markup and look-alikes: decoded before matching, evidence still on the original text.
@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("&#102;uck you", "&#102;uck"),
        ("&#x66;uck you", "&#x66;uck"),
        ("fu<b></b>ck you", "fu<b></b>ck"),
        ("fu<span>ck</span> you", "fu<span>ck"),
        ("**f**uck you", "f**uck"),
        ("**fuck** you", "fuck"),
        ("_fuck_ you", "fuck"),
        ("~~shit~~", "shit"),
        ("ƒuck you", "ƒuck"),
        ("ꜰᴜᴄᴋ you", "ꜰᴜᴄᴋ"),  # small capitals
        ("𝓯𝓾𝓬𝓴 you", "𝓯𝓾𝓬𝓴"),  # mathematical script
        ("🅕🅤🅒🅚 you", "🅕🅤🅒🅚"),  # negative circled letters
        ("⒡⒰⒞⒦ you", "⒡⒰⒞⒦"),  # parenthesised letters
        ("ɑss", "ɑss"),
    ],
)
def test_markup_and_look_alikes_are_read_and_shown_as_written(text, shown):
    assert "profanity" in flags(text), text
    assert shown in evidence(text)
