"""Functional test cases for abuse, threats and harassment, generated in the manner of HateCheck.

Written from POLICY.md and the taxonomy of issue 11 (item 7) by someone who had not read
the rules, so that the suite measures the judgment instead of fitting it. Each
functionality's templates are crossed with the targets their slots name:

- `{group}` (plural), `{one}` (one member, with its article), `{be}` (what follows "proud
  to be") with GROUPS;
- `{p}` with PEOPLE (a named or addressed person), `{w}` with WOMEN (a woman in the news);
- `{np}` with UNPROTECTED (groups no guideline protects as such);
- `{slur}` / `{slur1}` (plural / singular) with SLURS.

A word in [brackets] is the one the spelling-variation functionality disguises; the
brackets are removed from every other case. Generation is deterministic: no randomness.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from service.domain import Category, Verdict


@dataclass(frozen=True)
class Group:
    """A protected target group in the forms readers write it."""

    id: str
    plural: str  # "Kurds"
    one: str  # "a Kurd"
    be: str  # "proud to be Kurdish"


GROUPS = (
    Group("kurds", "Kurds", "a Kurd", "Kurdish"),
    Group("arabs", "Arabs", "an Arab", "Arab"),
    Group("turks", "Turks", "a Turk", "Turkish"),
    Group("persians", "Persians", "a Persian", "Persian"),
    Group("armenians", "Armenians", "an Armenian", "Armenian"),
    Group("assyrians", "Assyrians", "an Assyrian", "Assyrian"),
    Group("yazidis", "Yazidis", "a Yazidi", "Yazidi"),
    Group("alawites", "Alawites", "an Alawite", "Alawite"),
    Group("druze", "Druze", "a Druze", "Druze"),
    # "Shiite" is left to the homonym set: here the suite measures the judgment of the
    # sentence, not the folding of one name (see slur_homonym).
    Group("shia", "Shias", "a Shia Muslim", "Shia"),
    Group("sunni", "Sunnis", "a Sunni Muslim", "Sunni"),
    Group("christians", "Christians", "a Christian", "Christian"),
    Group("jews", "Jews", "a Jew", "Jewish"),
    Group("syrians", "Syrians", "a Syrian", "Syrian"),
    Group("refugees", "refugees", "a refugee", "a refugee"),
    Group("migrants", "migrants", "a migrant", "a migrant"),
    Group("women", "women", "a woman", "a woman"),
    Group("kurdish_women", "Kurdish women", "a Kurdish woman", "a Kurdish woman"),
    Group("gay", "gay people", "a gay man", "gay"),
    Group("trans", "trans people", "a trans woman", "trans"),
    Group("disabled", "disabled people", "a disabled person", "disabled"),
    Group("black", "Black people", "a Black person", "Black"),
    Group("muslims", "Muslims", "a Muslim", "Muslim"),
)
GROUP_IDS = frozenset(g.id for g in GROUPS)


@dataclass(frozen=True)
class Slur:
    """A slur for one group, as a reader would write it (plural, singular)."""

    plural: str
    singular: str
    group: str


SLURS = (
    Slur("kikes", "kike", "jews"),
    Slur("ragheads", "raghead", "arabs"),
    Slur("towelheads", "towelhead", "muslims"),
    Slur("camel jockeys", "camel jockey", "arabs"),
    Slur("faggots", "faggot", "gay"),
    Slur("fags", "fag", "gay"),
    Slur("dykes", "dyke", "gay"),
    Slur("trannies", "tranny", "trans"),
    Slur("retards", "retard", "disabled"),
    Slur("spastics", "spastic", "disabled"),
    Slur("niggers", "nigger", "black"),
    Slur("sluts", "slut", "women"),
)

# Persons a comment can aim at: the author, a commenter, a named (invented) person.
PEOPLE = ("the author", "the reporter", "Leyla Aziz", "the guy above", "Minister Darwish")
WOMEN = ("the reporter", "Leyla Aziz", "the presenter", "the author")
# Groups no guideline protects for who they are: insulting them is still an attack.
UNPROTECTED = (
    "journalists",
    "lawyers",
    "landlords",
    "cyclists",
    "football fans",
    "people who comment here",
    "bankers",
    "taxi drivers",
)
PERSON = "person"  # the target of a case aimed at one person


class Kind(StrEnum):
    """A functionality's role: cases the policy rejects, or the contrast set beside them."""

    HATEFUL = "hateful"
    CONTRAST = "contrast"


@dataclass(frozen=True)
class Functionality:
    """One line of the taxonomy (or a contrast set) with its templates."""

    id: str
    description: str
    kind: Kind
    category: Category | None  # None: the cases are clean and must be approved
    templates: tuple[str, ...]
    contrast_of: str | None = None  # the hateful functionality this contrasts

    @property
    def harmful(self) -> bool:
        return self.category is not None


@dataclass(frozen=True)
class Case:
    """One comment with what POLICY.md says about it."""

    text: str
    functionality: str
    harmful: bool
    category: Category | None
    group: str | None  # a GROUPS id, PERSON, an UNPROTECTED group, or None
    template: str  # "<functionality>.<n>", with ":<variation>" for spelling variants


H, C = Kind.HATEFUL, Kind.CONTRAST
ABUSE, THREAT, ATTACK = Category.ABUSE, Category.THREAT, Category.PERSONAL_ATTACK
SPELLING = "spelling_variation"

FUNCTIONALITIES = (
    Functionality(
        "derog_contempt",
        "contempt or hatred for a group",
        H,
        ABUSE,
        (
            "I can't stand {group}.",
            "{group} [disgust] me, every single one of them.",
            "I [hate] {group} so much it's unreal.",
            "Nothing makes me sicker than {group}.",
            "I [despise] {group} and I'm not ashamed to say it.",
            "{group} make my skin crawl.",
            "{group} are the [worst] thing that ever happened to this region.",
        ),
    ),
    Functionality(
        "derog_trait",
        "negative traits ascribed to a group",
        H,
        ABUSE,
        (
            "{group} are the [dumbest] people on earth.",
            "Typical {group}, [lying] again.",
            "{group} are all [thieves] and liars, everyone knows it.",
            "Never trust {group}, they are [treacherous] by nature.",
            "{group} are [violent] by nature, it's in their blood.",
            "{group} are too [lazy] to do an honest day's work.",
            "{group} are [terrorists], every single one of them.",
        ),
    ),
    Functionality(
        "derog_dehumanise",
        "dehumanising comparison",
        H,
        ABUSE,
        (
            "{group} are [vermin].",
            "{group} are nothing but [animals].",
            "{group} are a [cancer] on this region.",
            "{group} breed like [rats].",
            "{group} are [parasites] feeding on the rest of us.",
            "These {group} are [cockroaches], not people.",
        ),
    ),
    Functionality(
        "derog_implicit",
        'implicit derogation (comparisons, "even an X is better than")',
        H,
        ABUSE,
        (
            "Even a [dog] has more honour than {group}.",
            "I'd rather live next to a [rubbish] dump than next to {group}.",
            "{group} belong in a [zoo], not in our cities.",
            "Give {group} a country and they'd turn it into a [sewer] within a week.",
            "Calling {group} [civilised] is an insult to civilisation.",
            "You can always tell where {group} live from the [stench].",
            "At least the [Ottomans] knew how to deal with {group}.",
        ),
    ),
    Functionality(
        "threat_group",
        'call for or threat of violence against a group (direct, "should", as a question)',
        H,
        THREAT,
        (
            "We should [wipe] every last one of the {group} off the map.",
            "[Death] to all {group}.",
            "Let's get rid of those {group} for good.",
            "All {group} should be [shot].",
            "Why don't we just round up the {group} and [burn] them?",
            "When are we finally going to [exterminate] {group}?",
            "We're coming for you, {group}, and we will [slaughter] every one of you.",
            "Somebody should put every one of the {group} against a [wall].",
        ),
    ),
    Functionality(
        "exclusion",
        "exclusion and denial of rights",
        H,
        ABUSE,
        (
            "{group} should go back where they came from, we don't want them here.",
            "{group} should not be [allowed] to vote.",
            "[Deport] every last one of the {group}.",
            "Keep {group} out of our neighbourhoods and our schools.",
            "{group} have no place in this country, [kick] them all out.",
            "{group} shouldn't have the same [rights] as the rest of us.",
            "No more {group} in our parliament, [ban] them from standing.",
        ),
    ),
    Functionality(
        "slur",
        "slur",
        H,
        ABUSE,
        (
            "[{slur}], the lot of them.",
            "Another article defending [{slur}]? Give me a break.",
            "My street is full of [{slur}] now.",
            "Get these [{slur}] out of our country.",
            "Only a [{slur1}] would write something like this.",
        ),
    ),
    Functionality(
        "slur_homonym",
        "slur contrast: homonyms and look-alike words used innocently",
        C,
        None,
        (
            "Turkey's economy has a chink in its armour: the lira.",
            "Shiite militias took control of the town overnight.",
            "Shiite and Sunni clerics met in Najaf to call for calm.",
            "The fire retardant stopped the blaze before it reached the village.",
            "The drought could retard growth across the whole Jazira region.",
            "After the interview he stepped outside for a fag and a cup of tea.",
            "My gran's faggots and mushy peas are still the best in Yorkshire.",
            "The Dutch built a dyke to hold back the North Sea.",
            "Our Maine Coon sleeps on the newspaper every morning.",
            "The spook in the film turns out to be a double agent.",
            "Nigeria and Niger signed a new border agreement.",
            "Bundles of faggots were used to light the old bread ovens.",
        ),
        contrast_of="slur",
    ),
    Functionality(
        "slur_reported",
        "slur contrast: slur quoted in reporting",
        C,
        None,
        (
            "The court heard that he called his neighbour a '{slur1}' before the assault.",
            "Police said the attackers shouted '{slur}' at the family as they fled.",
            "The footballer was banned for ten matches for calling an opponent a '{slur1}'.",
            "In the leaked chats the officers referred to detainees as '{slur}'.",
        ),
        contrast_of="slur",
    ),
    Functionality(
        "profanity_group",
        "profanity aimed at a group",
        H,
        ABUSE,
        (
            "[Fuck] all {group}.",
            "{group} are a bunch of [shitheads].",
            "{group} can go to hell, [fucking] bastards the lot of them.",
            "I'm sick of these [fucking] {group}.",
            "{group} are full of [shit], always have been.",
        ),
    ),
    Functionality(
        "profanity_no_target",
        "profanity contrast: aimed at no one, which the policy still rejects as profanity",
        C,
        Category.PROFANITY,
        (
            "Fuck, I didn't see that result coming.",
            "This is some serious shit, the ceasefire won't hold.",
            "Holy shit, what a match last night.",
            "The power's out again in Qamishli for the third fucking day.",
            "What the fuck is going on with the exchange rate?",
            "Bullshit. These figures don't add up.",
            "Shit happens, but this flood was avoidable.",
            "Fucking finally, the road to Erbil is open again.",
        ),
        contrast_of="profanity_group",
    ),
    Functionality(
        "pronoun_reference",
        "hate through a pronoun or earlier reference",
        H,
        ABUSE,
        (
            "I met some {group} last week. They are all disgusting [vermin].",
            "More {group} keep moving into my street. I can't [stand] them.",
            "Don't talk to me about {group}. They're all [liars] and cheats.",
            "My cousin married one of those {group}. Honestly, they make me [sick].",
            "Have you seen the {group} in the market? Those [animals] should be locked up.",
            "This article is about {group}. Every one of them deserves to [rot].",
        ),
    ),
    Functionality(
        "opinion_question",
        "hate phrased as opinion or question",
        H,
        ABUSE,
        (
            "I think {group} are [subhuman], and I'm allowed to say so.",
            "Why are {group} always so [stupid]?",
            "Is it just me or are {group} the most [disgusting] people alive?",
            "In my honest opinion, {group} are a [plague] on this country.",
            "Just asking: why do {group} always turn out to be [criminals]?",
            "Am I the only one who thinks {group} are [worthless]?",
        ),
    ),
    Functionality(
        "negated_positive",
        'negated positive ("X don\'t deserve to live")',
        H,
        ABUSE,
        (
            "{group} don't deserve to [live].",
            "{group} are not [human] and never will be.",
            "{group} will never be [equal] to us.",
            "There isn't a single [decent] person among {group}.",
            "{group} have no right to [exist].",
        ),
    ),
    Functionality(
        "negated_hate",
        'negated hate ("X are not vermin")',
        C,
        None,
        (
            "{group} are not vermin, they are people like us.",
            "{group} are not terrorists.",
            "It's simply untrue that {group} are criminals.",
            "{group} don't deserve any of the hatred they get.",
            "No, {group} are not lazy; the figures show the opposite.",
            "{group} are no more violent than anyone else.",
        ),
        contrast_of="negated_positive",
    ),
    Functionality(
        "identity_statement",
        "identity statement, neutral and positive",
        C,
        None,
        (
            "As {one}, I found this article very accurate.",
            "I am {one} and I've lived in Erbil for ten years.",
            "I'm proud to be {be}.",
            "{group} have made this city what it is.",
            "Some of the kindest people I know are {group}.",
            "{group} deserve to live in peace and safety like everyone else.",
            "My best friend is {one}, and the bravest person I know.",
            "As {one} from Qamishli, I can say the article gets the history right.",
        ),
    ),
    Functionality(
        "counter_speech",
        "counter-speech quoting or reporting hate",
        C,
        None,
        (
            "Saying {group} are animals is pure bigotry.",
            "Calling {group} vermin is disgusting and should not be allowed here.",
            "The man in the video shouted 'death to all {group}'; he must be prosecuted.",
            "I'm tired of people saying '{group} are parasites'. It's hate, plain and simple.",
            "The minister said {group} 'should go back where they came from'; he must resign.",
            "Anyone who says {group} don't deserve to live should be ashamed of themselves.",
            "Calling all {group} terrorists is bigotry, and this paper should say so.",
            "Graffiti reading 'kill the {group}' appeared overnight, and the mayor was right "
            "to condemn it.",
        ),
    ),
    Functionality(
        "person_abuse",
        "abuse of a person not as member of a group",
        H,
        ATTACK,
        (
            "You [walnut-brained] clown.",
            "Your IQ is room [temperature].",
            "You're too [stupid] to understand a simple article.",
            "Shut up, you pathetic little [worm].",
            "Nobody cares what you think, you [halfwit].",
            "Read a book before you comment, you ignorant [buffoon].",
            "{p} is a brainless [idiot] who should never have been given a keyboard.",
            "What a spineless, lying [weasel] {p} is.",
            "{p} writes like a drunk [toddler].",
            "{p} has the brains of a [goldfish].",
        ),
    ),
    Functionality(
        "nonprotected_group",
        "abuse of a non-protected group",
        H,
        ATTACK,
        (
            "{np} are all [morons].",
            "{np} are the [scum] of the earth.",
            "{np} are brain-dead [idiots], every one of them.",
            "{np} are worthless [leeches].",
        ),
    ),
    Functionality(
        "nonprotected_criticism",
        "contrast: heated criticism of governments, armies, institutions and professions",
        C,
        None,
        (
            "The government's handling of the crisis has been a disgrace.",
            "The army's shelling of civilian areas is a war crime and the generals must answer "
            "for it.",
            "This ministry is incompetent and corrupt, and everyone here knows it.",
            "Parliament has failed refugees again; every MP who voted for this should resign.",
            "Landlords in Erbil are charging outrageous rents and the city should cap them.",
            "Journalists at this outlet got the casualty figures wrong and should correct them.",
            "The militia's leaders are war criminals and should face trial in The Hague.",
            "Bankers who wrecked the lira have never paid for it.",
        ),
        contrast_of="nonprotected_group",
    ),
    Functionality(
        SPELLING,
        "spelling variation (swapped, dropped, added letters; spaces; leet) on each hateful "
        "functionality",
        H,
        None,  # each case keeps the category of the functionality it disguises
        (),
    ),
    Functionality(
        "threat_person",
        "threat against a person (direct, conditional, veiled, doxxing)",
        H,
        THREAT,
        (
            "I will [kill] you if I ever see you.",
            "I'm going to find you and [break] every bone in your body.",
            "Write one more article like this and you'll [regret] it.",
            "If you publish that again, I will make you [bleed].",
            "People like you end up in a [ditch].",
            "It would be a shame if something happened to your [family].",
            "Someone ought to put {p} in the [ground].",
            "I'd watch my [back] if I were {p}.",
            "I found your [Facebook]; nice house you've got in Ankawa.",
            "We know where {p} [lives].",
            "Your kids go to the school on Salim Street, don't they?",
            "{p} won't be writing much longer, I'll make [sure] of that.",
        ),
    ),
    Functionality(
        "threat_reported",
        "threat contrast: reported threat, history and news of violence",
        C,
        None,
        (
            "The court heard he shouted 'I will kill you' at his neighbour.",
            "The minister said protesters 'should be shot'; he must resign.",
            "Police arrested a man who had threatened to kill {p}.",
            "The journalist received messages saying 'we know where you live' and has left "
            "the country.",
            "The militia warned villagers they would be killed if they stayed.",
            "In 2014 ISIS fighters executed hundreds of Yazidi men near Sinjar.",
            "Threats against reporters in the region doubled last year, the press union says.",
            "She told the BBC that someone had written 'you'll end up in a ditch' on her car.",
            "HTS fighters killed 20 civilians, the monitoring group said.",
            "Turkey will attack Afrin, the defence minister announced.",
        ),
        contrast_of="threat_person",
    ),
    Functionality(
        "self_harm",
        "incitement to self-harm",
        H,
        THREAT,
        (
            "Go [kill] yourself.",
            "kys",
            "Honestly just kys.",
            "Do everyone a favour and drink [bleach].",
            "Why don't you just jump off a [bridge]?",
            "The world would be better off if you [killed] yourself.",
            "Slit your [wrists] and spare us your comments.",
            "Nobody would miss you if you ended it all tonight.",
            "{p} should do the world a favour and [hang] themselves.",
        ),
    ),
    Functionality(
        "self_harm_news",
        "self-harm contrast: news and support about suicide and self-harm",
        C,
        None,
        (
            "Suicide rates among young refugees in the camps have doubled, the UN says.",
            "If you are having thoughts of harming yourself, please call a helpline; you are "
            "not alone.",
            "The report links self-harm among Yazidi survivors to the lack of trauma care.",
            "Her brother killed himself after years in detention, she told the court.",
            "Doctors warn that drinking bleach does not cure any disease.",
            "The hunger strikers say they are ready to die for their cause.",
        ),
        contrast_of="self_harm",
    ),
    Functionality(
        "sexual_harassment",
        "sexual harassment and sexualised insult",
        H,
        Category.VULGARITY,
        (
            "{w} should stick to showing off her [legs] instead of writing.",
            "I bet {w} got that job on her [knees].",
            "Nice [rack], shame about the article.",
            "{w} can interview me in my [bedroom] any time.",
            "With a [body] like that, who cares what {w} writes?",
            "Minister Darwish is obviously [sleeping] with the general, that's how he got "
            "the post.",
            "Send me [nudes] and I'll read your next article.",
            "{w} looks like she'd [sleep] with anyone for a story.",
            "I'd love to get {w} alone in a [hotel] room.",
        ),
    ),
    Functionality(
        "sexual_violence_news",
        "sexual harassment contrast: discussion of sexual violence in the news",
        C,
        None,
        (
            "ISIS held thousands of Yazidi women as sex slaves, the tribunal heard.",
            "The UN report documents rape used as a weapon of war in Darfur.",
            "Survivors of sexual violence in the camps say they cannot see a doctor.",
            "The officer was convicted of sexually assaulting two detainees.",
            "The court heard the defendant raped the victim in 2019 and then threatened her "
            "family.",
            "Campaigners say sexual harassment of female journalists in the region is rarely "
            "punished.",
            "The minister denied reports that he had an affair with his aide.",
            "The bill would make marital rape a crime for the first time.",
        ),
        contrast_of="sexual_harassment",
    ),
)
BY_ID = {f.id: f for f in FUNCTIONALITIES}

# The taxonomy of issue 11 item 7, one functionality per line, and the contrast sets it
# marks (self-harm's is asked for by the suite's brief).
TAXONOMY = (
    "derog_contempt",
    "derog_trait",
    "derog_dehumanise",
    "derog_implicit",
    "threat_group",
    "exclusion",
    "slur",
    "profanity_group",
    "pronoun_reference",
    "opinion_question",
    "negated_positive",
    "identity_statement",
    "counter_speech",
    "person_abuse",
    "nonprotected_group",
    SPELLING,
    "threat_person",
    "self_harm",
    "sexual_harassment",
)
MARKED_CONTRASTS = {
    "slur": ("slur_homonym", "slur_reported"),
    "profanity_group": ("profanity_no_target",),
    "negated_positive": ("negated_hate",),
    "threat_person": ("threat_reported",),
    "self_harm": ("self_harm_news",),
    "sexual_harassment": ("sexual_violence_news",),
}

MARK = re.compile(r"\[([^\]]+)\]")
LEET = str.maketrans({"a": "4", "e": "3", "i": "1", "o": "0", "s": "5"})


def _middle_pair(word: str) -> int:
    """The index of two adjacent, different letters nearest the middle of `word`."""
    order = sorted(range(len(word) - 1), key=lambda i: abs(i - (len(word) - 2) / 2))
    for i in order:
        a, b = word[i], word[i + 1]
        if a.isalpha() and b.isalpha() and a != b:
            return i
    return 0


def swapped(word: str) -> str:
    i = _middle_pair(word)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def dropped(word: str) -> str:
    i = _middle_pair(word) + 1
    return word[:i] + word[i + 1 :]


def added(word: str) -> str:
    i = _middle_pair(word)
    return word[: i + 1] + word[i] + word[i + 1 :]


def spaced(word: str) -> str:
    return " ".join(word)


def leet(word: str) -> str:
    out = word.translate(LEET)
    return out if out != word else word.replace("u", "v")  # "Fvck", "bvrn"


VARIATIONS: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("swap", swapped),
    ("drop", dropped),
    ("add", added),
    ("space", spaced),
    ("leet", leet),
)


@dataclass(frozen=True)
class _Target:
    group: str | None
    values: dict[str, str]


def _targets(template: str) -> list[_Target]:
    """The targets a template's slots cross it with (one empty target for a literal)."""
    slots = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    if slots & {"group", "one", "be"}:
        return [_Target(g.id, {"group": g.plural, "one": g.one, "be": g.be}) for g in GROUPS]
    if slots & {"slur", "slur1"}:
        return [_Target(s.group, {"slur": s.plural, "slur1": s.singular}) for s in SLURS]
    if "p" in slots:
        return [_Target(PERSON, {"p": p}) for p in PEOPLE]
    if "w" in slots:
        return [_Target(PERSON, {"w": w}) for w in WOMEN]
    if "np" in slots:
        return [_Target(np, {"np": np}) for np in UNPROTECTED]
    return [_Target(None, {})]


def _fill(template: str, target: _Target) -> str:
    """The template with the target's words in; a sentence opening on a slot is capitalised."""
    text = template.format(**target.values)
    if not template.startswith(("{", "[{")):
        return text  # literal openings are written as readers write them ("kys")
    i = next(i for i, ch in enumerate(text) if ch.isalpha())
    return text[:i] + text[i].upper() + text[i + 1 :]


def _plain(marked: str) -> str:
    return MARK.sub(r"\1", marked)


def _disguised(marked: str, variation: Callable[[str], str]) -> str:
    return MARK.sub(lambda m: variation(m.group(1)), marked, count=1)


def _generated() -> Iterator[Case]:
    for f in FUNCTIONALITIES:
        for n, template in enumerate(f.templates, 1):
            for target in _targets(template):
                text = _plain(_fill(template, target))
                yield Case(text, f.id, f.harmful, f.category, target.group, f"{f.id}.{n}")
    # Each marked template of each hateful functionality, in every variation, aimed at a
    # target that rotates through its list so that every group is disguised somewhere.
    for f in FUNCTIONALITIES:
        if f.kind is not Kind.HATEFUL or not f.harmful:
            continue
        for n, template in enumerate(f.templates, 1):
            if not MARK.search(template):
                continue
            targets = _targets(template)
            for v, (name, variation) in enumerate(VARIATIONS):
                target = targets[((n - 1) * len(VARIATIONS) + v) % len(targets)]
                text = _disguised(_fill(template, target), variation)
                yield Case(
                    _plain(text), SPELLING, True, f.category, target.group, f"{f.id}.{n}:{name}"
                )


C = TypeVar("C", bound=Case)  # a suite's own Case (multilingual adds the language)


def expected(case: Case) -> Verdict:
    """The decision POLICY.md asks for: reject a harmful case, approve a clean one."""
    return Verdict.REJECT if case.harmful else Verdict.APPROVE


def unique(generated: Iterable[C]) -> list[C]:
    """The cases in their order; raises if two share a text (each suite's `cases()`)."""
    out = list(generated)
    seen: dict[str, C] = {}
    for case in out:
        if case.text in seen:
            raise ValueError(f"duplicate text {case.text!r} ({case.template}, {seen[case.text]})")
        seen[case.text] = case
    return out


def cases() -> list[Case]:
    """Every case of the suite, in a fixed order; raises if two cases share a text."""
    return unique(_generated())
