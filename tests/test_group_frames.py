"""The frame grammar of what is said of groups (lists/predicates.toml, lists/clauses.toml):
each family of issue 11 crossed with its classes (harm verbs x modality x voice, wishes,
contempt felt or found, traits of every member, negated worth, exclusion by place and by
right, implicit derogation), each said of at least three groups, and the contrasts that
must stay clear: denial, reporting, sympathy, praise, ordinary uses of the words.

The phrasings are this file's own; none is taken from the functional suites.
"""

from __future__ import annotations

import pytest

from service.domain import Strength
from service.normalise import fold
from service.rules import build_rules

RULES = build_rules()
ANALYSIS = next(r for r in RULES.rules if r.__class__.__name__ == "GroupAbuse")

# (plural, singular): region groups and protected classes
TARGETS = [
    ("Kurds", "Kurd"),
    ("Arabs", "Arab"),
    ("Turks", "Turk"),
    ("Persians", "Persian"),
    ("Armenians", "Armenian"),
    ("Yazidis", "Yazidi"),
    ("Alawites", "Alawite"),
    ("Syrians", "Syrian"),
    ("refugees", "refugee"),
    ("women", "woman"),
    ("gay men", None),  # the group lists read no singular for these two yet
    ("trans women", "trans woman"),
    ("Jews", "Jew"),
    ("Muslims", "Muslim"),
    ("Christians", "Christian"),
    ("disabled people", None),
]


def said_of_three(templates: list[str]) -> list[str]:
    """Each template said of three targets, a different three for each template."""
    out, n = [], 0
    for template in templates:
        said = 0
        while said < 3:
            plural, singular = TARGETS[n % len(TARGETS)]
            n += 1
            if singular is None and "{s}" in template:
                continue
            out.append(template.format(g=plural, s=singular))
            said += 1
    return out


def hits(text: str):
    return ANALYSIS.match(text, fold(text))


def categories(text: str, strength: Strength | None = None) -> set[str]:
    return {h.category.value for h in hits(text) if strength is None or h.strength is strength}


# ---------------------------------------------------------------- calls and wishes of harm

HARM = [
    "someone should shoot every {s}",
    "{g} need to be wiped out",
    "we must exterminate the {g}",
    "it's time to eliminate the {g}",
    "how about we kill all {g}",
    "what if we just gassed all the {g}",
    "we should have bombed the {g} long ago",
    "I'd happily shoot a {s}",
    "somebody needs to get rid of the {g} permanently",
    "wipe the {g} from the face of the earth",
    "{g} should be lined up against a wall",
    "{g} should be put to death",
    "throw the {g} into the sea",
    "cleanse our streets of {g}",
    "time for a purge of {g}",
    "do to the {g} what Hitler did",
    "{g} will pay with their blood",
    "a good {s} is a dead {s}",
    "make the {g} suffer",
    "it would be a mercy to gas the {g}",
    "the only solution is to kill all {g}",
    "don't hesitate to shoot {g}",
    "killing {g} is a public service",
    "it's okay to kill {g}",
    "{g} are fair game",
    "let's make {g} extinct",
    "send the {g} to the gas chambers",
    "{g} belong in a mass grave",
    "{g} should be euthanised",
    "nothing would make me happier than dead {g}",
    "{g} had better watch out",
]

WISHES = [
    "may every {s} rot in hell",
    "May all {g} perish",
    "let the {g} burn",
    "hopefully the {g} all die soon",
    "I pray that the {g} are wiped out",
    "I hope someone bombs the {g}",
    "I wish somebody would nuke the {g}",
    "wouldn't it be great if all {g} died",
    "I'll be happy when every {s} is dead",
    "I dream of a world without {g}",
]


@pytest.mark.parametrize("text", said_of_three(HARM + WISHES))
def test_calls_and_wishes_of_harm_are_threat_and_abuse(text):
    assert {"threat", "abuse"} <= categories(text, Strength.STRONG), text


@pytest.mark.parametrize(
    "text",
    said_of_three(
        [
            "why haven't we exterminated the {g} yet?",
            "can we just nuke the {g} already?",
            "why are {g} still alive?",
        ]
    ),
)
def test_harm_asked_as_a_question_is_caught(text):
    assert "threat" in categories(text), text


HARM_CONTRASTS = [
    "the UN warned that {g} could be wiped out by the famine",
    "{g} were put to death by the regime in 1988, historians say",
    "the militia tried to cleanse the valley of {g} in 2014",
    "the genocide of {g} must be recognised",
    "I don't want to see {g} suffer",
    "stop making {g} suffer",
    "{g} should not suffer",
    "let {g} live in peace",
    "may {g} find peace",
    "I hope the {g} win the election",
    "what if we just helped the {g}?",
    "we should have protected the {g}",
    "I pray that {g} are rescued",
    "death to the {g}' enemies",
    "I hope someone stops the {g}' killers",
    "a good {s} is a happy {s}",
    "throw a party for the {g}",
    "teach the {g} children to read",
    "we must stop the killing of {g}",
    "{g} will pay the price for this war",
    "killing {g} is never justified",
    "it's not okay to kill {g}",
    "if you see a {s}, say hello",
    "{g} suck at hiding their joy",
]


# ---------------------------------------------------------------- contempt

CONTEMPT = [
    "I absolutely loathe {g}",
    "{g} make me want to puke",
    "I can't tolerate {g}",
    "{g} make my blood boil",
    "I loathe the sight of {g}",
    "being around {g} makes me sick",
    "I've always hated {g}",
    "I've got zero respect for {g}",
    "I feel nothing but hatred for {g}",
    "{g} fill me with disgust",
    "my hatred of {g} is endless",
    "{g} make me physically sick",
    "{g} are repugnant",
    "I really dislike {g}",
    "Am I the only one who finds {g} disgusting?",
    "is it bad that I hate {g}?",
    "how can anyone like {g}?",
    "{g} like you disgust me",
    "I can't bear to look at {g}",
    "I feel disgust whenever I see a {s}",
    "damn {g}",
    "{g} suck",
]


@pytest.mark.parametrize("text", said_of_three(CONTEMPT))
def test_contempt_for_a_group_is_abuse(text):
    assert "abuse" in categories(text), text


CONTEMPT_CONTRASTS = [
    "I can't stand the way {g} are treated",
    "the sight of {g} starving makes me sick",
    "I hate the thought of {g} suffering",
    "I have hated how {g} are treated",
    "I feel for the {g}",
    "the hatred of {g} is a problem in Turkey",
    "is there anything worse than {g} being bombed?",
    "I find {g} very hospitable",
    "how can anyone hate {g}?",
    "who would hurt a {s}?",
    "I have nothing but respect for {g}",
    "my love for {g} is endless",
    "I've always loved {g}",
    "I am disgusted by how {g} are treated",
    "{g} like you make this country better",
    "I love {g} like you",
]


# ---------------------------------------------------------------- traits

TRAITS = [
    "every {s} is a thief",
    "you can't trust a {s}",
    "don't ever trust a {s}",
    "{g} are genetically inferior",
    "a {s} will always stab you in the back",
    "{g} only know violence",
    "{g} are known thieves",
    "{g} are corrupt to the core",
    "{g} are thieving scum",
    "{g} are famous for stealing",
    "{g} are ruining this country",
    "{g} are not smart enough to vote",
    "every {s} I've met was a liar",
    "{g} are utterly hopeless",
    "typical of a {s} to be that stupid",
    "You just can't trust {g}",
    "{g} like you are all the same",
    "{g} in general are liars",
    "{g} as a race are inferior",
    "{g} are usually criminals",
    "{g} tend to be violent",
    "the average {s} is a thief",
    "never trust a {s} with your money",
]


@pytest.mark.parametrize("text", said_of_three(TRAITS))
def test_a_trait_ascribed_to_a_whole_group_is_abuse(text):
    assert "abuse" in categories(text, Strength.STRONG), text


TRAIT_CONTRASTS = [
    "not every {s} is a terrorist",
    "every {s} is a human being",
    "every {s} I know is kind",
    "{g} are known for their hospitality",
    "{g} are good at football",
    "you can trust a {s}",
    "never trust a politician who attacks {g}",
    "don't trust anyone who hates {g}",
    "typical of {g} to be so generous",
    "you can't trust {s} statistics from the ministry",
    "never trust a {s} court to be fair",
    "what makes {g} so resilient?",
]


# ---------------------------------------------------------------- negated positives

NEGATED = [
    "{g} are worth nothing",
    "no {s} deserves respect",
    "{g} have no place on this earth",
    "{g} don't count as human",
    "not a single {s} is worth saving",
    "There is no such thing as a good {s}",
    "no {s} can be trusted",
    "{g} have no place among us",
    "{g} should not be considered human",
    "{g} have no soul",
    "{g} don't deserve our sympathy",
    "{g} serve no purpose",
    "no {s} has ever done anything good",
    "{g} aren't worth a damn",
    "{g} are never any good",
    "No {s} can ever be a decent person",
    "I will never respect {g}",
    "There's nothing good about {g}",
    "{g} are not part of our nation",
    "{g} don't deserve freedom",
    "{g} can't do anything right",
    "{g} are hardly human",
    "{g} are anything but human",
]


@pytest.mark.parametrize("text", said_of_three(NEGATED))
def test_a_negated_positive_is_abuse(text):
    assert "abuse" in categories(text, Strength.STRONG), text


NEGATED_CONTRASTS = [
    "no {s} deserves to be treated like this",
    "{g} don't deserve to be treated like this",
    "{g} deserve our sympathy",
    "{g} deserve dignity",
    "no {s} is illegal",
    "no {s} should live in fear",
    "{g} are worth fighting for",
    "{g} have no reason to fear us",
    "{g} have no place to hide from the bombs",
    "{g} have never done anything wrong",
    "I will never hate {g}",
    "there's nothing wrong with {g}",
    "{g} are not good at football",
    "{g} as a people have suffered",
    "{g} are far from home",
    "{g} are often victims of violence",
    "the average {s} earns less than a Turk",
]


# ---------------------------------------------------------------- hate as opinion

OPINION = [
    "I'm not racist but {g} are vermin",
    "no offense but {g} are animals",
    "just saying, {g} are scum",
    "I'm starting to think {g} are parasites",
    "don't you think {g} are animals?",
    "wouldn't you say {g} are filth?",
    "is there anything worse than {g}?",
    "who would want a {s} as a neighbour?",
    "what makes {g} so stupid?",
    "do {g} even have souls?",
    "say what you want, {g} are animals",
    "call me racist but {g} are vermin",
]


@pytest.mark.parametrize("text", said_of_three(OPINION))
def test_hate_phrased_as_opinion_or_question_is_caught(text):
    assert "abuse" in categories(text), text


OPINION_CONTRASTS = [
    "I'm not saying {g} are animals",
    "I don't think {g} are vermin, but some politicians do",
    "isn't it racist to say {g} are animals?",
    "I don't hate {g}, but I dislike their politics",
    "I'm not racist, I love {g}",
    "nobody thinks {g} are vermin",
    "why do {g} celebrate Newroz?",
    "why are {g} still suffering?",
]


# ---------------------------------------------------------------- exclusion

EXCLUSION = [
    "send all {g} home",
    "no place for {g} here",
    "{g} should not have the same rights as us",
    "{g} must go",
    "no {g} welcome",
    "{g} should not be let in",
    "stop letting {g} into our country",
    "remove all {g} from Europe",
    "I don't want {g} living next to me",
    "take the vote away from {g}",
    "build a wall to keep {g} out",
    "we must stop {g} from coming here",
    "{g} should be silenced",
    "{g} should never be in charge",
    "{g} shouldn't be hired",
    "{g}, go back to your country",
    "We should not let {g} vote",
    "{g} are not entitled to anything",
    "{g} should be isolated from society",
    "I would never let a {s} into my home",
]


@pytest.mark.parametrize("text", said_of_three(EXCLUSION))
def test_exclusion_and_denial_of_rights_are_abuse(text):
    assert "abuse" in categories(text, Strength.STRONG), text


EXCLUSION_CONTRASTS = [
    "{g} should not have their rights taken away",
    "send the {g} our love",
    "send aid to {g}",
    "bring the {g} home",
    "many {g} want to go home",
    "{g} can go home now that the war is over",
    "we need to stop {g} from being deported",
    "we must stop {g} from drowning",
    "{g} should be allowed to speak",
    "{g} should not be denied entry",
    "{g} shouldn't be hired for less pay",
    "keep {g} safe",
    "we shouldn't let {g} live in fear",
    "we can't let {g} drown",
    "they stripped {g} of citizenship in 1962, a court heard",
]


# ---------------------------------------------------------------- implicit derogation

IMPLICIT = [
    "give me rats over {g} any day",
    "I'd rather be stuck in a room with a rabid dog than a {s}",
    "I value my dog more than any {s}",
    "the only thing worse than a rat is a {s}",
    "{g} are beneath even rats",
    "{g} are a few steps above animals",
    "{g} are a lower form of life",
    "I wouldn't even let a {s} walk my dog",
    "he's quite clean for a {s}",
    "{g} should know their place",
    "{g} make good slaves",
    "{g} would be better off as slaves",
    "{g} should be thankful we even let them vote",
    "a {s} in government is like a monkey in a circus",
    "hiring a {s} is asking for trouble",
    "{g} are a lot more like animals than people",
    "{g} are fine as long as they stay in their place",
]


@pytest.mark.parametrize("text", said_of_three(IMPLICIT))
def test_implicit_derogation_is_abuse(text):
    assert "abuse" in categories(text), text


IMPLICIT_CONTRASTS = [
    "I'd rather live next to {g} than next to a landfill",
    "hiring a {s} is a great idea",
    "a {s} in government is a good thing",
    "I love my dog and my {s} neighbours",
    "{g} make great neighbours",
    "{g} are below the poverty line",
    "{g} are lower than ever in the polls",
    "clean water for {g}",
    "a world with {g} is a better world",
    "I dream of a world where {g} are free",
]


@pytest.mark.parametrize(
    "text",
    said_of_three(
        HARM_CONTRASTS
        + CONTEMPT_CONTRASTS
        + TRAIT_CONTRASTS
        + NEGATED_CONTRASTS
        + OPINION_CONTRASTS
        + EXCLUSION_CONTRASTS
        + IMPLICIT_CONTRASTS
    ),
)
def test_contrasts_of_every_frame_family_have_no_hit(text):
    assert hits(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "I can't stand the heat",
        "rats in the subway are a problem",
        "the storm will wipe the village off the map, forecasters warn",
        "the Turkish army should withdraw",
        "Iran's regime must fall",
        "I hope someone kills the lights",
        "we should throw a party",
    ],
)
def test_ordinary_uses_of_the_predicate_words_have_no_hit(text):
    assert hits(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "I'm not racist but Kurds are vermin",
        "No offence but Syrians are parasites",
    ],
)
def test_a_but_ends_what_an_earlier_negation_denies(text):
    assert "abuse" in categories(text, Strength.STRONG)


def test_a_denial_before_the_statement_still_denies_it():
    assert hits("I don't think Arabs are parasites, but they are poor") == []


def test_a_closing_quote_is_not_a_possessive():
    assert "threat" in categories("I say 'death to all Kurds'")
    assert hits("death to the Kurds' enemies") == []


# ------------------------------------------- the group as object, situation or strength

NOT_ABOUT_THE_GROUP = [
    "the militia treated {g} worse than animals, survivors say",  # what others did
    "guards herded the {g} like cattle onto the lorries",
    "even {g} are better off than the pensioners in this town",  # a situation, not worth
    "{g} are tougher than a rock",  # praise: no lowering comparative
    "keep {g} out of danger until the fighting ends",  # out of harm, not out of a place
    "get the {g} out of the camps and into proper homes",
    "no more {g} should drown at sea",  # sympathy, not refusal
]
STILL_ATTACKS = [
    "{g} are dumber than a rock",
    "{g} are no better than rats",
    "kick the {g} out of our country",
    "throw the {g} out",
    "no more {g}!",
]


@pytest.mark.parametrize("text", said_of_three(NOT_ABOUT_THE_GROUP))
def test_treatment_situations_and_praise_attack_no_group(text):
    assert categories(text) == set(), text


@pytest.mark.parametrize("text", said_of_three(STILL_ATTACKS))
def test_their_attacking_forms_still_count(text):
    assert "abuse" in categories(text), text
