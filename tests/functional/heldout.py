"""A held-out functional suite: issue 11's taxonomy again, in wordings of its own.

Written from POLICY.md and issue 11 (item 7) without reading the rules or the first
suite's templates, so that a rule fitted to the first suite's phrasing shows here. It
plugs into the same runner (`python -m training.functional --suite heldout`) and reuses
the first suite's data structures (`Case`, `Functionality`, `Kind`) and spelling
variations, but its templates, targets and sentence shapes are new: longer comments, an
on-topic remark beside the abuse, lower case without punctuation, British and American
spelling, news from Kurdistan, Syria, Iraq, Turkey and Iran. Slots:

- `{G}` a group in the plural, `{a}` one member with its article, `{mod}` the word that
  goes before a noun ("Kurdish colleagues"), crossed with GROUPS;
- `{p}` a person in the news or the thread (PEOPLE), `{w}` a woman in the news (WOMEN);
- `{np}` a group no guideline protects as such (UNPROTECTED);
- `{s}` / `{s1}` a slur, plural / singular (SLURS), crossed with the slur's own group.

A template written wholly in lower case is filled in lower case (as readers type). A
word in [brackets] is the one the spelling-variation functionality disguises; the
brackets are dropped everywhere else. Every hateful functionality has a clean contrast
set beside it (`contrast_of`). Generation is deterministic.
"""

from __future__ import annotations

import itertools
import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from service.domain import Category
from tests.functional.cases import MARK, VARIATIONS, Case, Functionality, Kind, unique
from tests.functional.cases import expected as expected  # the suites' shared rule

H, C = Kind.HATEFUL, Kind.CONTRAST
ABUSE, THREAT, ATTACK = Category.ABUSE, Category.THREAT, Category.PERSONAL_ATTACK
VULGAR, PROFANE = Category.VULGARITY, Category.PROFANITY
SPELLING = "spelling_variation"
PERSON = "person"


@dataclass(frozen=True)
class Group:
    """A protected group in the three forms the templates use."""

    id: str
    plural: str  # "Kurds"
    one: str  # "a Kurd"
    mod: str  # "Kurdish" (before a noun: "Kurdish colleagues")


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
    Group("shia", "Shia Muslims", "a Shia Muslim", "Shia"),
    Group("sunni", "Sunni Muslims", "a Sunni Muslim", "Sunni"),
    Group("christians", "Christians", "a Christian", "Christian"),
    Group("jews", "Jews", "a Jew", "Jewish"),
    Group("muslims", "Muslims", "a Muslim", "Muslim"),
    Group("syrians", "Syrians", "a Syrian", "Syrian"),
    Group("refugees", "refugees", "a refugee", "refugee"),
    Group("migrants", "migrants", "a migrant", "migrant"),
    Group("women", "women", "a woman", "female"),
    Group("gay_people", "gay people", "a gay man", "gay"),
    Group("trans_people", "trans people", "a trans woman", "trans"),
    Group("black_people", "Black people", "a Black man", "Black"),
    Group("disabled_people", "disabled people", "a disabled person", "disabled"),
)
GROUP_IDS = frozenset(g.id for g in GROUPS)


@dataclass(frozen=True)
class Slur:
    """A slur as readers write it, with the group it names."""

    plural: str
    singular: str
    group: str


SLURS = (
    Slur("niggers", "nigger", "black_people"),
    Slur("coons", "coon", "black_people"),
    Slur("kikes", "kike", "jews"),
    Slur("yids", "yid", "jews"),
    Slur("faggots", "faggot", "gay_people"),
    Slur("dykes", "dyke", "gay_people"),
    Slur("trannies", "tranny", "trans_people"),
    Slur("retards", "retard", "disabled_people"),
    Slur("spastics", "spastic", "disabled_people"),
    Slur("ragheads", "raghead", "muslims"),
    Slur("muzzies", "muzzie", "muslims"),
    Slur("towelheads", "towelhead", "arabs"),
    Slur("camel jockeys", "camel jockey", "arabs"),
    Slur("sand niggers", "sand nigger", "arabs"),
    Slur("bitches", "bitch", "women"),
)
PEOPLE = (
    "the writer of this piece",
    "Dilan Hassan",
    "the commenter above",
    "Councillor Baran Ahmadi",
    "the editor",
)
WOMEN = ("the correspondent", "Rojda Demir", "the news anchor", "the author of this article")
UNPROTECTED = (
    "landlords",
    "estate agents",
    "cyclists",
    "football referees",
    "influencers",
    "bus drivers",
    "gamers",
    "crypto traders",
)


def F(  # noqa: N802 (reads as a table row)
    id: str,  # noqa: A002
    description: str,
    kind: Kind,
    category: Category | None,
    *templates: str,
    of: str | None = None,
) -> Functionality:
    """A functionality written as one row: its templates follow its category."""
    return Functionality(id, description, kind, category, templates, of)


FUNCTIONALITIES = (
    # -- abuse of protected groups --------------------------------------------------------
    F(
        "derog_contempt", "contempt or hatred for a group", H, ABUSE,
        "Honestly I [despise] {G}, always have and always will.",
        "i [hate] {G} so much it makes me feel ill",
        "Nothing in this world makes me sicker than {G}. [Disgusting] lot.",
        "Good article about the Kirkuk oil deal. I just want to add that {G} fill me with "
        "[loathing] and I don't care who knows it.",
        "{G} make my skin [crawl], I cross the road when I see one.",
        "The more I read about the region, the more I [detest] {G}.",
        "nothing but contempt for {G} from me the whole lot are [vile]",
    ),
    F(
        "contempt_contrast", "contempt for governments, parties and armed groups", C, None,
        "The Turkish government's bombing of Afrin was a war crime and Erdogan should be "
        "held to account.",
        "Assad's regime gassed its own people and every official involved belongs in The "
        "Hague.",
        "The Islamic Republic's treatment of protesters in Iran is disgusting, and the EU "
        "should sanction it.",
        "ISIS were murderous thugs and the Yazidi genocide must never be forgotten.",
        "The PKK's attacks on civilians are indefensible, whatever one thinks of Ankara.",
        "I can't stand the KDP or the PUK; both have looted Kurdistan for thirty years.",
        "Baghdad's politicians are corrupt to the core and the oil money never reaches "
        "Basra.",
        "the iranian regime is rotten and everyone in tehran knows it",
        "The Iraqi army abandoned Mosul in 2014, a disgraceful failure of command.",
        "HTS is a jihadist group, and calling it anything else is whitewashing.",
        "Hamas committed atrocities on 7 October and its leaders should face trial.",
        "The Wagner mercenaries in Syria were thugs paid to do Moscow's dirty work.",
        "Erdogan is an authoritarian who jails journalists, and this paper should say so "
        "plainly.",
        "The Saudi-led blockade of Yemen starved children, and Britain sold the bombs.",
        "I loathe what the militias have done to Sinjar; the government has failed the "
        "survivors.",
        "i hate how the municipality ignores the old town of diyarbakir",
        of="derog_contempt",
    ),
    F(
        "derog_trait", "negative traits ascribed to a group", H, ABUSE,
        "{G} are [thieves] by nature, every one I have met has robbed someone.",
        "its a well known fact that {G} are [liars] they cant help it",
        "Whatever the report says about Raqqa, {G} are lazy, dirty and [stupid], and that's "
        "why nothing works there.",
        "{G} are born [criminals], look at the statistics.",
        "Never trust {a}, they are all [treacherous] snakes.",
        "What else would you expect from {G}? They are [backward] and always will be.",
        "{G} are too [thick] to run anything, simple as that.",
    ),
    F(
        "trait_contrast", "neutral and positive statements about a group", C, None,
        "{mod} students won most of the prizes at the science fair in Erbil this year.",
        "I find most {G} I meet generous and hard-working, like anyone else.",
        "The study says {G} in the city earn less on average than their neighbours, which "
        "is a scandal.",
        "my {mod} colleagues have been brilliant during the whole crisis",
        of="derog_trait",
    ),
    F(
        "derog_dehumanise", "dehumanising comparison", H, ABUSE,
        "{G} are [vermin] and should be treated like it.",
        "{G} breed like [rats] in those camps.",
        "those {G} are [cockroaches] nothing more",
        "{G} are not human beings, they are [animals] wearing clothes.",
        "Another article about Idlib. {G} are a [disease] spreading through every city they "
        "touch.",
        "{G} are [parasites] feeding off the rest of us.",
    ),
    F(
        "dehumanise_contrast", "pest and animal words used of pests and animals", C, None,
        "Rats have overrun the old souk in Mosul since the bombing, residents say.",
        "Locust swarms destroyed crops across southern Iran this spring.",
        "The cockroach problem in the camp's kitchens must be fixed before summer.",
        "Parasites in the water supply made hundreds of children ill in Basra.",
        "A plague of mice has hit the wheat farms near Urfa.",
        "Stray dogs and hyenas are scavenging in the ruins outside Hasakah.",
        "the vermin control budget in the city was cut again this year",
        "Wolves are back in the mountains above Dersim, and the farmers are worried.",
        "Mosquitoes carrying malaria have returned to the marshes of southern Iraq.",
        "the rats in the tehran metro are the size of cats my cousin says",
        of="derog_dehumanise",
    ),
    F(
        "derog_implicit", "implicit derogation: comparisons, 'even an X is better'", H, ABUSE,
        "Even a stray dog has more [honour] than {G}.",
        "I'd rather share a flat with a pack of [hyenas] than with {G}.",
        "Give me a pig over {a} any day, at least the pig is [clean].",
        "The Ottoman-era documents in the story are fascinating. Shame the only thing {G} "
        "ever gave the world is [misery].",
        "Funny how every neighbourhood goes [downhill] the moment {G} move in.",
        "You can always tell when {G} have been somewhere, the [smell] stays for weeks.",
    ),
    F(
        "implicit_contrast", "comparisons that do not derogate", C, None,
        "Even a beginner can see the census undercounts {G}.",
        "The street got better when our {mod} neighbours moved in; the shops reopened.",
        of="derog_implicit",
    ),
    F(
        "threat_group", "call for or threat of violence against a group", H, THREAT,
        "If it were up to me every one of the {G} in this country would be [shot].",
        "Time to take up arms and [slaughter] {G} before they outnumber us.",
        "Why don't we just [bomb] every village full of {G} and be done with it?",
        "{G} deserve a [bullet] each, and I'd happily supply them.",
        "read the article about the protests the only solution for {G} is to [hang] the lot",
        "Shouldn't we [burn] the houses of {G} down so they finally leave?",
        "I will personally [kill] any of the {G} who move onto my street.",
    ),
    F(
        "violence_news", "news and history of violence against groups", C, None,
        "Attacks on {G} in the city rose sharply after the election, police said.",
        "Gunmen killed three {mod} shopkeepers in Kirkuk on Tuesday, the report says.",
        "ISIS fighters killed thousands of Yazidi men in Sinjar in 2014 and enslaved the "
        "women.",
        "Turkish drones struck targets near Qamishli, killing four fighters, according to "
        "the SDF.",
        "The Halabja chemical attack in 1988 killed around 5,000 Kurds.",
        "HTS fighters shelled a village near Idlib, killing 20 civilians, monitors said.",
        "Iranian security forces fired on protesters in Zahedan, killing dozens.",
        "The Armenian genocide began in 1915; historians estimate that up to 1.5 million "
        "people were killed.",
        "A car bomb exploded in a Baghdad market, killing at least 30 people.",
        "Turkey says it will launch a new ground operation against Kurdish militants in "
        "northern Syria.",
        "The massacres of Alawite civilians on the coast shocked even the government's "
        "supporters.",
        "Druze leaders in Sweida said militias had executed men at checkpoints.",
        "the army vowed to crush the insurgents within a month the spokesman said",
        of="threat_group",
    ),
    F(
        "exclusion", "exclusion and denial of rights", H, ABUSE,
        "{G} should be [banned] from every shop and cafe in town, nobody wants to serve them.",
        "[Kick] {G} out of the country, every last one, we never wanted them.",
        "no {G} should ever be allowed to [work] here they have no place among us",
        "The article misses the obvious point: {G} have no [right] to live in this city.",
        "Ban {G} from our schools and hospitals, they can [rot] somewhere else.",
        "{G} don't belong in our parliament or anywhere near power, keep them [out].",
    ),
    F(
        "exclusion_contrast", "rights affirmed and discrimination criticised", C, None,
        "{G} have the same right to vote and work here as anyone else.",
        "The new law would stop {G} from renting flats, and the court is right to strike "
        "it down.",
        "Schools should do more to make {mod} pupils feel welcome.",
        of="exclusion",
    ),
    F(
        "slur", "slur", H, ABUSE,
        "Another story about the border. Send the [{s}] back where they crawled from.",
        "the [{s}] are ruining everything round here",
        "I want that [{s1}] gone from my street.",
        "Can't walk anywhere in this town now without tripping over [{s}].",
    ),
    F(
        "slur_homonym", "homonyms of slurs used innocently", C, None,
        "The report found a chink in the ministry's armour over the Mosul contracts.",
        "The old dyke held during the storm, the Dutch engineers said.",
        "Faggots and peas are still on the menu at our local pub in the Black Country.",
        "Popped out for a fag after reading this, what a depressing story about Aleppo.",
        "Flame retardant cladding might have saved lives in the Erbil hospital fire.",
        "The new rules will retard growth in the region's oil sector, economists warn.",
        "Shiite pilgrims walked to Karbala for Arbaeen this week.",
        "Our Maine Coon sat on the newspaper while I was reading this.",
        "The breeder said the bitch and her six puppies were pulled alive from the rubble in "
        "Antakya.",
        "There is a chink of light in the talks between Baghdad and Erbil.",
        of="slur",
    ),
    F(
        "slur_reported", "slurs quoted in reporting and counter-speech", C, None,
        "The court heard that the defendant had called his neighbours '{s}' before the "
        "attack.",
        "Using the word '{s1}' is never acceptable, and the club was right to ban the fan who "
        "shouted it.",
        "A report by the equality commission lists '{s1}' among the slurs most often heard "
        "in schools.",
        "The footballer apologised after a video showed him calling opponents '{s}'.",
        of="slur",
    ),
    F(
        "profanity_group", "profanity aimed at a group", H, ABUSE,
        "[Fuck] {G}, honestly, every last one of them.",
        "{G} are a bunch of [shitheads] and everyone knows it.",
        "great article but {G} can go [fuck] themselves",
        "Sick to death of these [bastard] {G} moaning in the news.",
        "Screw {G} and their [bullshit] demands.",
        "{G} are [arseholes], the lot of them.",
        "{G} are all [assholes], every single one.",
    ),
    F(
        "profanity_no_target", "profanity aimed at no one (still profanity)", C, PROFANE,
        "What a fucking mess the peace talks in Geneva have become.",
        "holy shit the footage from aleppo is grim",
        "The whole negotiation is a clusterfuck, nobody knows who is in charge.",
        "Bloody hell, petrol in Erbil doubled again? What a shitshow.",
        "f*cking brilliant reporting, thank you",
        "This budget is total bullshit from start to finish.",
        "Shit, I didn't know the border was closed again.",
        "the traffic in tehran is fucking unbearable",
        of="profanity_group",
    ),
    F(
        "innocent_words", "innocent words that contain a bad substring", C, None,
        "The assassination of the mayor of Diyarbakir shocked the region.",
        "Good analysis of the Iraqi budget, thanks.",
        "A cocktail of sanctions and drought is crushing farmers in Khuzestan.",
        "My therapist says I should read less news from Syria.",
        "Shiitake growers in Turkey say their exports doubled.",
        "The cockpit voice recorder was found near Lake Van.",
        "The documentary about Hitchcock was better than this one.",
        "The cumulative figures show a steady rise in displacement.",
        "The title deeds to the family's land in Afrin were lost in the war.",
        "Residents in Basra are preparing a class action against the oil companies.",
        "Passage through the Strait of Hormuz is safe again, the navy says.",
        "The bass player of the Kurdish band was arrested at the border.",
        of="profanity_group",
    ),
    F(
        "pronoun_reference", "hate through a pronoun or an earlier reference", H, ABUSE,
        "The article mentions the {G} who settled near Dohuk. They are [filth] and should "
        "never have been let in.",
        "I worked with {G} for years. Honestly? Every single one of them is a [parasite].",
        "see those {G} in the photo theyre all [scum]",
        "My cousin married {a}. Worst thing that ever happened to our family, those people "
        "are [subhuman].",
        "About the {G} in paragraph three: they are a [plague] on this country.",
    ),
    F(
        "pronoun_contrast", "a pronoun or earlier reference, kindly meant", C, None,
        "The article mentions the {G} who settled near Dohuk. They have made the town far "
        "livelier.",
        "I worked with {G} for years. Honestly? Some of the kindest people I have met.",
        "My cousin married {a}. Best thing that ever happened to our family.",
        of="pronoun_reference",
    ),
    F(
        "opinion_question", "hate phrased as an opinion or a question", H, ABUSE,
        "Just my opinion, but I think {G} are a [cancer] on society.",
        "Am I the only one who thinks {G} are [inferior] to the rest of us?",
        "why are {G} always so [dirty]",
        "In my humble opinion {G} are genetically [stupider] than everyone else.",
        "Is it just me or do {G} [ruin] every country they end up in?",
        "I'm not a bigot, but {G} are [savages].",
    ),
    F(
        "opinion_contrast", "opinions and questions about a group that do not derogate", C,
        None,
        "Just my opinion, but I think {G} deserve far better coverage than this outlet "
        "gives them.",
        "Why are {G} so rarely asked for their views in articles like this one?",
        "Am I the only one who thinks the census undercounts {G}?",
        "in my opinion {G} have been treated unfairly by every government in the region",
        of="opinion_question",
    ),
    F(
        "negated_positive", "negated positive statement", H, ABUSE,
        "{G} don't deserve to [live], simple as that.",
        "Whatever the UN says, {G} will never be fully [human] in my eyes.",
        "I'll never accept that {G} are our equals, they are [worthless].",
        "{G} aren't [worth] the oxygen they use.",
        "{G} have never been [honest] a day in their lives.",
        "{G} can never be [trusted] with anything.",
    ),
    F(
        "negated_hate", "negated hate", C, None,
        "{G} are not vermin, and anyone who says so should be ashamed.",
        "{G} are not criminals, whatever the tabloids print.",
        "no {G} are not the problem here the corruption is",
        "It isn't true that {G} are lazy; the figures in this article show the opposite.",
        of="negated_positive",
    ),
    F(
        "identity_statement", "identity statements, neutral and positive", C, None,
        "As one of the {G} living in Istanbul, I found this article painfully accurate.",
        "I am {a} and proud of it.",
        "speaking as {a} this piece made me cry",
        "Most of my friends are {G}, and we all read this paper.",
        "Being {a} in Turkey today is not easy, and this article gets that right.",
    ),
    F(
        "counter_speech", "counter-speech quoting or reporting hate", C, None,
        "Saying that {G} are animals is hateful, full stop.",
        "I'm tired of people online claiming {G} are all terrorists. It's bigotry, plain and "
        "simple.",
        "The politician who said {G} 'should be driven out' must resign.",
        "Hate crimes against {G} rose again last year, according to the report. This has to "
        "stop.",
        "people who say {G} dont deserve rights are the real problem",
    ),
    # -- abuse of people and of unprotected groups ----------------------------------------
    F(
        "person_abuse", "abuse of a person, not as member of a group", H, ATTACK,
        "{p} is a [moron] who should never have been let near a keyboard.",
        "You absolute [halfwit], did you even read the article?",
        "{p} has the brain of a [goldfish] and the manners of a pig.",
        "what a [pathetic] excuse for a human being {p} is",
        "Your brain must be the size of a [pea] if you believe this.",
        "Reading your comments, you are clearly a [brainless] troll with nothing better to "
        "do.",
        "{p} is a lying, [spineless] worm.",
        "Go back to school, you [illiterate] clown.",
        "Nobody cares what you think, you sad little [loser].",
        "Honestly {p} is the [thickest] person ever to write for this paper.",
        "{p} has the intellect of a [turnip] and twice the smugness.",
        "nobody with a functioning brain would employ {p} they are an [imbecile]",
        "{p} is an [embarrassment] to their own family and a waste of space.",
    ),
    F(
        "person_criticism", "criticism of a person's work or politics", C, None,
        "{p} gets the facts about the Kirkuk referendum wrong, and the piece should be "
        "corrected.",
        "I strongly disagree with {p}: the ceasefire is not holding, and the evidence says "
        "so.",
        "With respect, you have misread the figures in paragraph four.",
        "the ministers speech was weak and evasive and he should answer the questions",
        "The prime minister's handling of the Mosul contracts was a disgrace and he should "
        "resign.",
        of="person_abuse",
    ),
    F(
        "nonprotected_group", "abuse of a non-protected group", H, ATTACK,
        "{np} are brainless [parasites], every single one of them.",
        "all {np} are [scum] and deserve nothing",
        "{np} are the [stupidest] people alive.",
        "Never met one of the {np} who wasn't a lying [weasel].",
        "Honestly, {np} are a pack of [morons].",
    ),
    F(
        "nonprotected_criticism", "criticism of a non-protected group", C, None,
        "{np} in this city need proper regulation; the council has ignored complaints for "
        "years.",
        "I've had bad experiences with {np}, but the article is right that most follow the "
        "rules.",
        "why do {np} get so little scrutiny in the local press",
        of="nonprotected_group",
    ),
    F(SPELLING, "spelling variation (swapped, dropped, added, stretched letters; spaces; "
      "leet; an asterisk) of every hateful functionality's marked word", H, ABUSE),
    F(
        "place_names", "places and surnames that folding could turn into a bad word", C, None,
        "The village of Fucking in Austria renamed itself Fugging in 2021 after years of "
        "stolen signs.",
        "Shitterton, a hamlet in Dorset, finally got a stone sign that thieves can't carry "
        "off.",
        "Bitchfield in Lincolnshire has fewer than a hundred residents.",
        "Dominic Cummings gave evidence to the inquiry for six hours.",
        "Scunthorpe United won again at the weekend.",
        "Penistone in Yorkshire is holding a Kurdish film night.",
        "Cockermouth flooded again, the third time this decade.",
        "Twatt is a small settlement in Orkney.",
        "Essex County Council agreed to house more Syrian refugees.",
        "Shiite militias in Iraq denied any part in the attack.",
        "The Shiites of southern Lebanon mourned the cleric.",
        "Dick Cheney pushed hard for the 2003 invasion of Iraq.",
        "Patrick Cockburn has reported from Iraq for decades.",
        "Alan Cumming hosted the awards in Glasgow.",
        "The Hoare-Laval Pact of 1935 is a lesson for anyone negotiating over Syria today.",
        "shiite and sunni leaders met in najaf on friday",
        of=SPELLING,
    ),
    # -- threats, self-harm, harassment ---------------------------------------------------
    F(
        "threat_person", "threat against a person: direct, conditional, veiled, doxxing", H,
        THREAT,
        "I'm going to [break] every bone in your body when I find you.",
        "Write one more article like this and I will [hurt] you.",
        "It would be a real pity if {p} had an [accident] on the way home.",
        "People who write lies like {p} tend to [disappear] around here.",
        "I know you [live] on Gulan Street in Erbil. See you soon.",
        "Someone should [stab] {p} and do us all a favour.",
        "I hope {p} gets [cancer] and dies slowly.",
        "{p} had better sleep with one eye [open] from now on.",
        "keep writing this rubbish and youll end up in the [river]",
        "We know which [school] your kids go to. Think about that.",
        "{p} should be careful walking home alone at night, accidents [happen].",
        "I found {p}'s [Facebook] and I know which cafe they go to every morning. Enjoy "
        "your coffee.",
        "if i ever meet {p} in person i will [smash] their face in",
        "Publish one more lie and we will come to your office and [deal] with you.",
        "Your home address is already [posted] in our group chat, enjoy the visitors.",
        "People like {p} end up [buried] in the desert, just saying.",
    ),
    F(
        "threat_reported", "threats reported, quoted, condemned or in fiction", C, None,
        "The court heard he shouted 'I will kill you' before the neighbours called the "
        "police.",
        "Prosecutors said the defendant had sent the journalist messages saying 'we know "
        "where you live'.",
        "An MP said strikers 'deserve a bullet' and still has not apologised. A disgrace.",
        "According to the indictment, the militia leader threatened to burn the village if "
        "it did not pay.",
        "The ISIS video threatened to kill the hostages, the report says.",
        "Police are investigating a note reading 'you are next' left on the reporter's car.",
        "My grandfather remembered soldiers shouting 'we will burn you all' in Dersim in "
        "1938.",
        "Threatening to kill a journalist is a crime, and whoever sent those messages should "
        "be prosecuted.",
        "{p} reported receiving death threats after the article on Afrin.",
        "The governor warned that looters 'will be shot on sight', and rights groups "
        "objected.",
        "In the novel, the colonel tells the prisoner 'you will never leave this room "
        "alive'.",
        "The prosecutor read out the message: 'we know where your children go to school'.",
        of="threat_person",
    ),
    F(
        "self_harm", "incitement to self-harm", H, THREAT,
        "Do the world a favour and [kill] yourself.",
        "go [hang] yourself you worthless troll",
        "[kys] mate, nobody would miss you",
        "{p} should just [end] it all, nobody would notice.",
        "Why don't you go and drink [bleach] and spare us your opinions?",
        "Slit your [wrists], seriously, do everyone a favour.",
        "the world would be better if {p} swallowed a whole bottle of [pills] tonight",
        "You should throw yourself in front of a [train].",
        "{p} should do everyone a favour and [kill] themselves.",
        "Go [jump] off the Galata Bridge and save us all the bother.",
        "nobody would cry if {p} [overdosed] tonight go on",
        "Why are you still alive? Just [end] yourself already.",
        "{p} should [unalive] themselves, the world would be better for it.",
    ),
    F(
        "self_harm_news", "news and discussion of suicide and self-harm", C, None,
        "Suicide rates among young men in Kurdistan have risen, the ministry says; if you "
        "are struggling, call the helpline.",
        "The report links the rise in self-harm among refugee children to the conditions in "
        "the camps.",
        "My brother took his own life last year, and articles like this help families like "
        "mine.",
        "Self-immolation among women in Iraqi Kurdistan remains a hidden crisis, the study "
        "found.",
        "The coroner ruled the death a suicide.",
        "The charity trains teachers in Diyarbakir to spot the signs of self-harm.",
        "A bleach shortage has hit hospitals in Aleppo, doctors say.",
        "The minister's resignation letter said the pressure had driven him to thoughts of "
        "suicide.",
        "Doctors in Sulaymaniyah treated three teenagers who had swallowed pesticide; the "
        "ministry wants its sale restricted.",
        of="self_harm",
    ),
    F(
        "sexual_harassment", "sexual harassment and sexualised insult", H, VULGAR,
        "Forget the article, I'd like to see {w} [bent] over my desk.",
        "{w} only got this job by [sleeping] with the editor.",
        "Nice legs on {w} in that video, shame about the [brains].",
        "{w} should stick to showing off her [chest] on TV, not writing about Syria.",
        "bet {w} is a [wild] one in bed",
        "What is {w} wearing under that [blouse]? Asking for a friend.",
        "{w} has a face for radio and a body for [porn].",
        "The minister and his chief of staff are clearly [shagging], that's how she got "
        "the post.",
        "Send me a [pic] of yourself in the bath, darling, then I'll read your article.",
        "{w} can interview me any time, preferably [naked].",
        "i'd love to get {w} [alone] in a hotel room",
        "Those [lips] of {w}'s were made for something other than reading the news.",
    ),
    F(
        "sexual_violence_news", "news and discussion of sexual violence and harassment", C,
        None,
        "ISIS held thousands of Yazidi women as sex slaves, the UN inquiry found.",
        "The trial of the soldiers accused of raping detainees opens in Baghdad next week.",
        "Survivors of sexual violence in Syrian prisons described their ordeal to the court.",
        "The report says sexual harassment of female journalists in Turkey is widespread "
        "and rarely punished.",
        "Campaigners in Iran want a law that makes marital rape a crime.",
        "The sexual health clinic at the hospital in Duhok will reopen in the spring.",
        "Comments about a reporter's body are harassment, and the paper was right to "
        "delete them.",
        "{w} wrote a brave piece about the rape survivors of Sinjar.",
        of="sexual_harassment",
    ),
)  # fmt: skip
BY_ID = {f.id: f for f in FUNCTIONALITIES}
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


def stretched(word: str) -> str:
    """The first vowel after the first letter written three times ("kiiill")."""
    for i, ch in enumerate(word[1:], 1):
        if ch.lower() in "aeiou":
            return word[:i] + ch * 3 + word[i + 1 :]
    return word + word[-1] * 2


def starred(word: str) -> str:
    """The first vowel after the first letter replaced by an asterisk ("k*ll")."""
    for i, ch in enumerate(word[1:], 1):
        if ch.lower() in "aeiou":
            return word[:i] + "*" + word[i + 1 :]
    return word[0] + "*" + word[2:]


HELD_VARIATIONS: tuple[tuple[str, Callable[[str], str]], ...] = (
    *VARIATIONS,
    ("stretch", stretched),
    ("star", starred),
)
PER_TEMPLATE = 3  # variations per marked template: all seven would double the run time


@dataclass(frozen=True)
class _Target:
    group: str | None
    values: dict[str, str]


def _targets(template: str) -> list[_Target]:
    """The targets a template's slots cross it with (one empty target for a literal)."""
    slots = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    if slots & {"G", "a", "mod"}:
        return [_Target(g.id, {"G": g.plural, "a": g.one, "mod": g.mod}) for g in GROUPS]
    if slots & {"s", "s1"}:
        return [_Target(s.group, {"s": s.plural, "s1": s.singular}) for s in SLURS]
    if "p" in slots:
        return [_Target(PERSON, {"p": p}) for p in PEOPLE]
    if "w" in slots:
        return [_Target(PERSON, {"w": w}) for w in WOMEN]
    if "np" in slots:
        return [_Target(np, {"np": np}) for np in UNPROTECTED]
    return [_Target(None, {})]


def _fill(template: str, target: _Target) -> str:
    """The template with the target's words in: lower case where the template is, and a
    sentence that opens on a slot capitalised."""
    literal = "".join(text for text, _, _, _ in string.Formatter().parse(template))
    if literal == literal.lower() and not literal.rstrip().endswith((".", "?", "!")):
        return template.format(**{k: v.lower() for k, v in target.values.items()})
    text = template.format(**target.values)
    if not template.startswith(("{", "[{")):
        return text
    i = next(i for i, ch in enumerate(text) if ch.isalpha())
    return text[:i] + text[i].upper() + text[i + 1 :]


def _plain(marked: str) -> str:
    return MARK.sub(r"\1", marked)


def _disguised(marked: str, variation: Callable[[str], str]) -> str:
    return MARK.sub(lambda m: variation(m.group(1)), marked, count=1)


def _generated() -> Iterator[Case]:
    turn = itertools.count()
    for f in FUNCTIONALITIES:
        for n, template in enumerate(f.templates, 1):
            for target in _targets(template):
                text = _plain(_fill(template, target))
                yield Case(text, f.id, f.harmful, f.category, target.group, f"{f.id}.{n}")
    # Every marked template of every hateful functionality in PER_TEMPLATE of the
    # variations (rotating, so that each is used about as often), aimed at a target that
    # rotates through its list: every case moves it on by seven.
    for f in FUNCTIONALITIES:
        if f.kind is not Kind.HATEFUL:
            continue
        for n, template in enumerate(f.templates, 1):
            if not MARK.search(template):
                continue
            targets = _targets(template)
            for j in range(PER_TEMPLATE):
                v = (n + j * 2) % len(HELD_VARIATIONS)
                name, variation = HELD_VARIATIONS[v]
                target = targets[(next(turn) * 7) % len(targets)]
                text = _plain(_disguised(_fill(template, target), variation))
                yield Case(text, SPELLING, True, f.category, target.group, f"{f.id}.{n}:{name}")


def cases() -> list[Case]:
    """Every case of the held-out suite, in a fixed order; raises if two share a text."""
    return unique(_generated())
