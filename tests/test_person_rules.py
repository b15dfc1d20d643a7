"""Rules aimed at a person: threats, self-harm, doxxing, sexual harassment, insults.

Each mechanism has positives (written from issue 11 and POLICY.md) and contrasts that must
stay approved: reporting, quotation, news, negation, idioms, homonyms.
"""

import pytest

from service.domain import Category
from service.normalise import fold
from service.rules.context import TextContext
from tests.rule_hits import RULES, flagged, strong

THREATS = [
    # direct
    "I will find you and make you pay",
    "I'll put you in the ground",
    "I will break every bone in your body",
    "I'm coming for you, author",
    "I'll track you down",
    "I'll make sure you never write again",
    "you're dead meat",
    "your family won't be safe",
    # conditional
    "if you publish that again you'll regret it",
    "If you ever write about my family again you will be sorry",
    "keep writing and see what happens",
    "One more article like this and you'll end up in hospital",
    "say that again and I'll break your face",
    # veiled
    "people like you end up in a ditch",
    "journalists like you tend to end up in the river",
    "it would be a shame if something happened to your family",
    "I'd watch my back if I were the author",
    "if I were you I'd sleep with one eye open",
    "accidents happen to reporters who ask too many questions",
    "your time is coming",
    "I wonder how safe your kids are right now",
    # wishes of harm
    "I hope you get cancer",
    "I really hope the author gets hit by a bus",
    "may you rot",
    # incitement against a person
    "someone ought to put him in the ground",
    "somebody should teach her a lesson",
    "someone needs to silence this journalist",
    # intimidation and doxxing
    "we know where you live",
    "I know where your kids go to school",
    "we found out where you work",
    "I have your home address",
    "posting your address for everyone to see",
    "here is the journalist's home address",
    "His number is 0750 123 4567, call him",
    "I've got pictures of your house",
    "I followed you home yesterday",
    # named persons
    "I hope Erdogan gets cancer",
    "Someone should silence Leyla Zana",
    "We know where Barzani lives",
    "Here is Leyla's address",
    # more direct and veiled forms
    "You will die soon",
    "Your family is next",
    "I will come to your house",
    "enjoy your last days",
    "it's only a matter of time before someone hurts you",
    "this journalist needs a bullet",
    "He'd better watch his back",
    "Someone should do something about her, permanently",
    "You're going to regret writing this",
    "Publish this again and see what happens",
    "Wait until we meet in person",
    "Stop writing or else",
    "Say goodbye to your family",
    "I'll set your car on fire",
]


@pytest.mark.parametrize("text", THREATS)
def test_threat_against_a_person_rejected(text):
    assert "threat" in strong(text), flagged(text)


SELF_HARM = [
    "go kill yourself",
    "kys",
    "KYS loser",
    "just drink bleach",
    "Drink bleach.",
    "do the world a favour and jump",
    "do us all a favor and disappear",
    "nobody would miss you",
    "why don't you just hang yourself",
    "you idiot, kill yourself",
    "the world would be better off without you",
    "everyone would be happier if you died",
    "you don't deserve to live",
    "go die in a hole",
    "Have you considered suicide?",
    "Just die.",
    "He should kill himself",
    "Do the world a favour and delete yourself",
    "If I were you I'd kill myself",
]


@pytest.mark.parametrize("text", SELF_HARM)
def test_incitement_to_self_harm_rejected_as_threat(text):
    assert "threat" in strong(text), flagged(text)


NOT_THREATS = [
    # reported and quoted threats, court reporting
    "the court heard he shouted 'I will kill you'",
    "The court heard that he shouted I will kill you",
    "the minister said protesters 'should be shot'; he must resign",
    '"You will pay for this," he told the journalist.',
    "According to police, he wrote that he would kill her",
    "The reporter got messages saying 'we know where your kids go to school' and moved abroad",
    "Graffiti reading 'death to journalists' was painted on the office wall",
    # a quotation opened by a participle or "read", its speaker the word before
    "Villagers remember the soldiers shouting 'we will burn you all' in 1938",
    'The video shows a man telling the waiter "I know where you live" before the attack',
    "She got dozens of emails, one saying 'you will not live to see the election'",
    'The judge read the note aloud: "I will kill you and your family."',
    "ISIS threatened to kill hostages",
    # reported violence and history
    "he was found dead in a ditch",
    "the drone strike killed 5",
    "Kurdish fighters were buried in a mass grave near Kobani in 2014",
    # self-harm in the news and in ordinary talk
    "self-harm helplines are underfunded",
    "he killed himself in prison, his lawyer said",
    "don't kill yourself over this exam",
    "you're going to kill yourself driving like that",
    "Trump told people to drink bleach",
    "if you are thinking of killing yourself, call the helpline",
    # ordinary conditionals, wishes and idioms
    "I hope you get better soon",
    "I hope they get cancer treatment in time",
    "If you vote for them you'll regret it",
    "We will make them pay at the ballot box",
    "I will make you a cup of tea",
    "someone should take him out to dinner",
    "people like him end up in government",
    "Nobody would miss the old electricity system",
    "the world would be better without nuclear weapons",
    "I found your article very useful",
    "you're dead wrong about the quota",
    "I know where you're coming from",
    "I hope Erbil gets more investment",
    "I hope Ahmed gets better soon",
    "Enjoy your last days of holiday",
    "If you have considered suicide, please call the helpline",
    "Suicide is not the answer",
    "you will die laughing at this",
    "we will come to your office to discuss the interview",
    "You are next in line for the award",
    "Posting Rudaw's address here for the press office",
    "He tried to kill himself in prison, his family said",
    "She should watch her back pain",
    "Wait until we meet the minister tomorrow",
    "Politicians always take the easy way out",
    "It would be terrible if something happened to the ceasefire",
    "Stop smoking or you'll regret it",
    "He jumped out the window to escape the fire",
]


@pytest.mark.parametrize("text", NOT_THREATS)
def test_reported_threats_news_and_idioms_not_threats(text):
    assert "threat" not in flagged(text)


REVIEW_ONLY = [
    ("I'd be careful if I were you", "threat"),
    ("I found your Facebook", "threat"),
    ("be careful what you write", "threat"),
    ("Sudani is Khamenei's girlfriend", "vulgarity"),
    ("Erdogan bends over for Putin", "vulgarity"),
    ("she can read me the news anytime 😏", "vulgarity"),
]


@pytest.mark.parametrize(("text", "category"), REVIEW_ONLY)
def test_ambiguous_person_remarks_go_to_review(text, category):
    assert category in flagged(text)
    assert category not in strong(text)


SEXUAL = [
    "I bet she got that job on her knees",
    "she slept her way to the top",
    "sleeping her way to the top, as usual",
    "she only got the job because of her looks",
    "she's only on TV for her legs",
    "nice legs on that presenter",
    "look at her curves",
    "the new presenter is so hot",
    "hot reporter alert",
    "I'd do her",
    "bet she's wild in bed",
    "what's she like in bed",
    "I'd love to see her in a bikini",
    "she'd look better naked",
    "she should wear a shorter skirt on air",
    "I'd like to interview her in my bedroom",
    "Erdogan is Putin's little sex toy",
    "do you want to have sex",
    "hey sexy",
    "Nice legs on Leyla",
    "Leyla is so sexy",
    "she's only good for one thing",
    "that Kurdish reporter would look good in my bed",
    "what she needs is a real man",
    "that Turkish journalist is a real treat for the eyes",
    "the reporter should read the news topless",
    "I would love to be her microphone",
    "I'd like to see what's under that hijab",
    "She only got promoted because she slept with the editor",
    "she's a cheap tramp",
    "I want to lick her",
]


@pytest.mark.parametrize("text", SEXUAL)
def test_sexual_harassment_of_a_person_rejected_as_vulgarity(text):
    assert "vulgarity" in strong(text), flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "I bet she got that job on her knees",
        "she slept her way to the top",
        "look at her curves",
        "she was asking for it",
    ],
)
def test_sexual_remark_at_a_woman_as_a_woman_is_also_abuse(text):
    assert {"vulgarity", "abuse"} <= strong(text)


@pytest.mark.parametrize(
    "text",
    ["Erdogan is Putin's little sex toy", "hot reporter alert", "nice legs on that presenter"],
)
def test_sexual_remark_without_a_gendered_target_is_not_abuse(text):
    assert "abuse" not in flagged(text)


NOT_SEXUAL = [
    "the report documents rape as a weapon of war",
    "Sexual violence survivors need support",
    "Breast cancer screening saves lives",
    "She and her husband have been married for 30 years",
    "the minister is in bed with the oil companies",
    "she got the job thanks to her experience",
    "he knelt before the grave of his father",
    "look at her body language in the interview",
    "what a body of work",
    "you can email me anytime",
    "The body was found near the river",
    "her legs were broken by shrapnel",
    "she is hot on the trail of the corruption story",
    "the government bent over backwards to help",
    "take off your shoes at the mosque door",
    "what are you wearing to the wedding",
    "She is Berlusconi's former lawyer",
    "The court heard he told her 'you got that job on your knees'",
    "She is easy to talk to",
    "leave her alone",
    "I want to touch on her point about oil",
    "the refugee girls are easy prey for smugglers",
    "The mayor's office is a treat for the eyes after the renovation",
    "my daughter sleeps in my bed when she is scared",
    "Erbil is so hot in summer",
    "the tramp slept on the bench",
]


@pytest.mark.parametrize("text", NOT_SEXUAL)
def test_news_health_and_respectful_talk_not_vulgar(text):
    assert flagged(text) == set(), flagged(text)


INSULTS = [
    "you walnut-brained clown",
    "you pea-brained muppet",
    "you absolute walnut",
    "your IQ is room temperature",
    "your brain is the size of a pea",
    "the author's brain must be made of porridge",
    "you have two brain cells",
    "he has the IQ of a potato",
    "Erdogan is a buffoon",
    "The author is a muppet",
    "the minister is brainless",
    "Sudani is spineless",
    "He is a half-wit",
    "what a muppet",
    "shut up, clown",
    "shut up you walnut",
    "you're a joke",
    "you make me sick",
]


@pytest.mark.parametrize("text", INSULTS)
def test_insult_without_swear_words_rejected(text):
    assert "personal_attack" in strong(text), flagged(text)


NOT_INSULTS = [
    "the clown at the circus made the kids laugh",
    "the author makes a dumb mistake here",
    "that's a stupid idea",
    "this argument is idiotic",
    "the policy is brainless",
    "The minister's decision is stupid",
    "you walk the dog every day",
    "you call him a clown but he won",
    "you are open-minded and level-headed",
    "she is quick-witted",
    "you are nothing like your father",
    "He said the minister is a clown; I disagree",
]


@pytest.mark.parametrize("text", NOT_INSULTS)
def test_criticism_of_arguments_idioms_and_homonyms_not_insults(text):
    assert "personal_attack" not in flagged(text)


def test_reported_speech_is_read_once_per_text():
    text = "The court heard he shouted 'I will kill you'. I will kill you too."
    context = TextContext(text)
    quoted = text.index("I will kill you'")
    own = text.rindex("I will kill you")
    assert context.is_reported((quoted, quoted + 15))
    assert not context.is_reported((own, own + 15))


@pytest.mark.parametrize(
    "text",
    [
        "As I said, I will kill you",
        "I told him 'I will kill you'",
        "The minister said nothing and I will kill him",
        "I'm just saying 'I know where you live', watch out",
        'I keep telling you "I know where you live".',
        "Just saying 'I know where you live', author.",
        "Reading your article, 'I will kill you' is all I can say.",
    ],
)
def test_the_commenters_own_words_are_not_reported_speech(text):
    assert "threat" in strong(text)


def test_every_person_hit_names_its_rule_and_reason():
    for text in THREATS + SELF_HARM + SEXUAL + INSULTS:
        for hit in RULES.match(text, fold(text)):
            assert hit.rule and hit.note, (text, hit)
            assert hit.category in Category


# Threats told apart from figures of speech and news (threat.toml `figurative`, `coffin`,
# `watch_your_back`), and new veiled and doxxing phrasings; none from the suites.
@pytest.mark.parametrize(
    "text",
    [
        "You are going to leave Erbil in a body bag.",
        "We will send him home in a pine box.",
        "Tracked down your address, expect visitors.",
        "Your wife would miss you.",
        "Watch your step, journalist.",
        "I will stab the editor.",
        "We are going to kill you and your family.",
    ],
)
def test_new_threat_phrasings_rejected(text):
    assert "threat" in strong(text), text


@pytest.mark.parametrize(
    "text",
    [
        "We will kill them with kindness.",
        "Our candidate is going to beat them at the polls.",
        "I'm going to kill it on stage tonight.",
        "Somebody should kill this bill in parliament.",
        "The fallen soldier came home in a coffin.",
        "He was buried in a grave on Box Hill.",
        "The votes arrived in a box from Duhok.",
        "Watch your step on the icy pavements in Slemani.",
        "Watch your back when lifting heavy boxes.",
        "Your kids would miss you if you moved abroad for work.",
        "Found your article on the dam very useful.",
    ],
)
def test_figures_of_speech_burials_and_advice_are_not_threats(text):
    assert "threat" not in flagged(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Accidents happen...",
        "I'd love to see you try to walk home tonight.",
        "Does your son still go to that school by the river?",
        # not sure enough to reject: a third person, a kind of people, a thing, an address
        "The author won't be writing for much longer.",
        "Someone should pay the author a visit.",
        "You live on Gulan Street, I believe.",
        "Reporters who write this kind of thing end up in the morgue.",
        "Journalists who cover wars often end up dead.",
        "Nice house. Would be a shame if anything happened to it.",
    ],
)
def test_possible_veiled_threats_go_to_review(text):
    assert "threat" in flagged(text), text
    assert "threat" not in strong(text), text


# Sexual harassment without explicit words (vulgarity.toml): new phrasings and contrasts.
@pytest.mark.parametrize(
    "text",
    [
        "Great legs, terrible reporting.",
        "With curves like those she should be on a different kind of stage.",
        "The presenter got her show for what she did for the producers behind closed doors.",
        "I bet the minister enjoys her company in his office.",
        "How much does the reporter charge for a night?",
        "Wonder what's under her headscarf.",
        "Send me a pic of yourself.",
        "Send pics and then I'll read your column.",
    ],
)
def test_new_sexual_harassment_phrasings_rejected(text):
    assert "vulgarity" in strong(text), text


@pytest.mark.parametrize(
    "text",
    [
        "A great body of research backs the report.",
        "Nice chest of drawers in the museum.",
        "How much does a taxi charge per hour in Erbil?",
        "What she does for the displaced families is admirable.",
        "Send pics of the flooding to the newsroom.",
        "The minister was accused of harassing a staff member in his office.",
    ],
)
def test_body_words_prices_and_news_are_not_harassment(text):
    assert "vulgarity" not in flagged(text), text


# Veiled threats as a grammar over one person class (threat.toml [grammar]: person, subject,
# victim, like_target): regret of harm, the fate of "people like you", euphemisms of killing
# and silencing, advice "if I were ...", a stranger reciting a routine. None from the suites.
@pytest.mark.parametrize(
    "text",
    [
        # regret x harm to a person, their relatives or belongings
        "Shame if anything were to happen to those lovely kids of yours.",
        "It'd be a real pity if your car caught fire one night.",
        "Would be sad if the author had an accident on the way home.",
        "It would be a tragedy if something bad happened to this reporter.",
        "Be a shame if your house burned down, wouldn't it?",
        "It would be unfortunate if your daughter didn't come home one day.",
        "I'd hate for something to happen to you.",
        "Pity if she never made it home after work.",
        # the fate of people like the target
        "Journalists like her usually end up at the bottom of a river.",
        "Writers like you don't get old.",
        "Traitors like you always end up in a shallow grave.",
        "People like the author tend to disappear.",
        "Your kind never lives long around here.",
        "The last journalist who wrote that ended up in a ditch.",
        "Guys like you get found in car boots.",
        # euphemisms of killing and silencing
        "Leyla won't be writing much longer, I'll make sure of that.",
        "He will not be writing anything soon, trust me.",
        "This is the last article you'll ever write.",
        "Somebody should put this reporter out of her misery.",
        "Time someone put a stop to him permanently.",
        "Hope somebody shuts the writer up for good.",
        "I'll see to it that she never writes again.",
        "Someone should send him to meet his maker.",
        "Someone needs to take this guy out.",
        "He'd look good six feet under.",
        "She'll be sleeping with the fishes soon.",
        "Somebody should give the editor a proper beating.",
        # advice that is a threat
        "If I were the reporter I'd start looking over my shoulder.",
        "Were I the writer, I'd be checking under my car every morning.",
        "The author should start watching his back.",
        "I'd think about my family's safety if I were you, journalist.",
        "If I were you I'd keep my kids indoors.",
        # a stranger's knowledge of the person
        "Your kids go to the school on Salim Street, don't they?",
        "Your wife drives a white Corolla, right?",
        "You live on Gulan Street, number 12, right?",
        "Your son plays football in the park every Saturday, doesn't he?",
        "We know which mosque you pray at.",
        "Everyone knows where the reporter lives now.",
        "I found your Facebook, nice pictures of your kids.",
        "I found the author's Facebook. Cute daughter.",
    ],
)
def test_veiled_threat_grammar_rejected(text):
    assert "threat" in strong(text), text


@pytest.mark.parametrize(
    "text",
    [
        "The journalist said she was told 'we know where you live'.",
        'She told the court a man had shouted "we know where you live" at her.',
        "People like her end up in parliament.",
        "People like you end up running the country.",
        "It would be a shame if the ceasefire collapsed.",
        "I'd watch my back if I were the government, the polls are bad.",
        "We know where the minister lives: in a palace paid for by taxes.",
        "I found the minister's Facebook post misleading.",
        "I found your Facebook post about the election very interesting.",
        "The author won't be writing for this paper much longer, she has joined the BBC.",
        "Someone ought to put this bill in the ground.",
        "He was put in the ground next to his father in 1998.",
        "I'd be careful with those statistics if I were the author.",
        "My kids go to the school on Salim Street too, great teachers.",
        "We know where the money went: to the minister's cousins.",
        "People who smoke end up in hospital.",
        "Would be a shame if the talks failed again.",
    ],
)
def test_reported_threats_officials_and_things_are_not_veiled_threats(text):
    assert "threat" not in flagged(text), text


# Sexual harassment as a grammar over a person (vulgarity.toml [grammar] someone_ref).
@pytest.mark.parametrize(
    "text",
    [
        # invitation or desire aimed at the person
        "Leyla can interview me in my bedroom any time.",
        "The presenter can read me the news in bed any day.",
        "I'd take her back to my place after the show.",
        "I'd love to spend a night with the presenter.",
        "Come to my room tonight, sweetheart, and bring your notepad.",
        "The author can warm my bed any night.",
        "I'd give the anchor a private interview in my car.",
        # a job or a story got by sex
        "Obviously sleeping with the general, that's how he got the post.",
        "Looks like she'd sleep with anyone for a story.",
        "She must have slept with half the newsroom to get that column.",
        "She probably opened her legs for the producer.",
        "I wonder whose bed she warmed to get that scoop.",
        "She'd do anything with anyone for a headline.",
        "She got the interview by sleeping with the commander.",
        "How many men did she sleep with to get this job?",
        # a woman reporter's body
        "Love the way her blouse hugs her curves.",
        "I watch only for her legs.",
        "Her breasts are the only reason anyone watches.",
    ],
)
def test_sexual_harassment_grammar_rejected(text):
    assert "vulgarity" in strong(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Looks like she'd sleep with anyone for a story.",
        "She probably opened her legs for the producer.",
        "Her breasts are the only reason anyone watches.",
    ],
)
def test_sexual_favour_and_body_remarks_about_a_woman_are_also_abuse(text):
    assert "abuse" in strong(text), text


@pytest.mark.parametrize(
    "text",
    [
        "The minister slept through the debate.",
        "The anchor wore a red blouse.",
        "She was interviewed at her home in Erbil.",
        "She got the job through hard work.",
        "Body image campaigns help teenage girls.",
        "He slept with a gun under his pillow during the war.",
        "Three women said the producer asked them to his hotel room; he denies it.",
        "She got that job on merit, whatever the trolls say.",
        "He got the post after sleeping on it for a week.",
        "The minister can meet me in my office any time to discuss it.",
        "I'd take him to my room to show him the documents.",
        "We all know how she got her doctorate: ten years of hard work.",
        "I slept with the light on after reading that story.",
    ],
)
def test_news_clothes_and_careers_are_not_sexual_harassment(text):
    assert "vulgarity" not in flagged(text), text


def test_an_insinuation_without_a_sexual_word_goes_to_review():
    text = "Everyone knows how she got her promotion, lots of late nights with the editor."
    assert "vulgarity" in flagged(text)
    assert "vulgarity" not in strong(text)


# Innuendo on a journalist's work, a watcher's gaze, a body said to do the job
# (vulgarity.toml pun_verb, my_body, position, watcher, way_verb).
@pytest.mark.parametrize(
    "text",
    [
        "I'd like to give her a private lesson in something other than journalism.",
        "I'd watch her read the phone book naked.",
        "Bet she's a screamer.",
        "Wouldn't kick her out of bed.",
        "Those lips could do more than report.",
        "What I wouldn't do to that reporter.",
        "I'd show her my microphone.",
        "She can investigate my trousers any time she wants.",
        "I'd let her interrogate me all night.",
        "I'd love to be interviewed by her, preferably horizontally.",
        "Someone get her a pole.",
        "The weather girl is hotter than the forecast.",
        "Bet her boss enjoys the view.",
        "I'd pay to see what's under that blazer.",
        "Lucky microphone.",
        "She's only there because the producers like looking at her.",
        "Her cleavage did the interview.",
        "She can ride my camera crew any time.",
        "I'd love to see her without the headscarf, and without everything else.",
        "She'd look better in my shirt and nothing else.",
        "I want her reading the news from my bed.",
        "She obviously uses her body to get interviews.",
        "She seduced her way into every interview.",
    ],
)
def test_innuendo_on_a_journalists_work_and_body_rejected(text):
    assert "vulgarity" in strong(text), text


@pytest.mark.parametrize(
    "text",
    [
        "She can cover the election for us any time.",
        "The journalist can investigate my complaint about the council.",
        "I'd let her interview me about the flood.",
        "I was interviewed by her last year, a sharp journalist.",
        "I'd show her my notes from the trial.",
        "The weather today is hotter than last year.",
        "Her boss enjoys the view from the 20th floor.",
        "Lucky escape for the reporter in Mosul.",
        "She uses her platform to get justice for victims.",
        "He flirted with the idea of running for mayor.",
        "The producers like looking at her ratings.",
        "Her reporting did the heavy lifting in that investigation.",
        "She'd look better in the role of editor.",
        "She can grill the minister any day she likes.",
        "She's hotter than ever in the polls.",
        "Get her a microphone and she will tell the truth.",
    ],
)
def test_journalists_work_views_and_platforms_are_not_innuendo(text):
    assert "vulgarity" not in flagged(text), text


@pytest.mark.parametrize(
    "text",
    [
        "I bet she'd be fun after a few drinks.",
        "Give me five minutes alone with that reporter.",
    ],
)
def test_remarks_that_may_be_sexual_or_violent_go_to_review(text):
    assert "vulgarity" in flagged(text) and "vulgarity" not in strong(text), text


# More veiled threats: writing said to harm one's health, a name on a bullet, someone
# parked outside, a prediction that someone will silence a person, fear demanded.
@pytest.mark.parametrize(
    "text",
    [
        "Writing articles like that is bad for your health.",
        "Writing like this can get a person hurt.",
        "A bullet has your name on it.",
        "Every dog has its day, and yours is coming, author.",
        "I've been parked outside your house for three nights.",
        "See you at your door tonight.",
        "Someone will shut this reporter up eventually.",
        "One day someone will make her pay for these lies.",
        "Maybe someone should remind her what happens to traitors.",
        "Remember what happened to the last editor.",
        "There are people who would pay good money to see you disappear.",
        "The author should think about his family before writing again.",
        "You should be afraid. Very afraid.",
        "Be afraid, journalist.",
        "This is not a threat, it's a promise.",
    ],
)
def test_more_veiled_threats_rejected(text):
    assert "threat" in strong(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Articles like this get people killed, think about that.",
        "This won't end well for you.",
        "Your name is on the list.",
        "Sleep well tonight, if you can.",
        "Keep an eye on your kids, author.",
        "Tick tock, reporter.",
        "We're coming, traitor.",
        "The reporter's wife works at the hospital on 60 Meter Street.",
    ],
)
def test_ominous_remarks_without_a_stated_harm_go_to_review(text):
    assert "threat" in flagged(text) and "threat" not in strong(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Smoking is bad for your health.",
        "Writing like this is good for democracy.",
        "This won't end well for the government.",
        "You should be afraid of what climate change will do.",
        "Be afraid of misinformation, not of refugees.",
        "Your name is on the list of speakers for Friday.",
        "I've been parked outside the stadium for an hour.",
        "See you at the conference tonight.",
        "Someone will finally shut the factory down.",
        "One day someone will make the government pay for these lies at the ballot box.",
        "I'd pay good money to see the minister resign.",
        "The author should think about his readers before writing again.",
        "You'll need a lawyer for that.",
        "Sleep well tonight, the storm has passed.",
        "Keep an eye on your kids near the river.",
        "Tick tock, the deadline is Friday.",
        "This is not a threat to press freedom, it's a promise of reform.",
        "Articles like this save lives.",
        "My wife works at the hospital on 60 Meter Street.",
        "The report said articles like this get journalists killed in Iraq.",
    ],
)
def test_health_advice_deadlines_and_lists_are_not_threats(text):
    assert "threat" not in flagged(text), text


@pytest.mark.parametrize(
    "text",
    ["You'll never see a Roma working.", "You will never see a journalist in that village."],
)
def test_never_seeing_someone_is_no_threat(text):
    assert "threat" not in flagged(text), text


def test_never_seeing_your_family_again_is_a_threat():
    assert "threat" in strong("You will never see your family again.")


@pytest.mark.parametrize(
    "text",
    [
        "That reporter has been passed around the newsroom.",
        "She's been under more editors than desks.",
        "I'd make her scream louder than the protesters.",
        "She can moan into my microphone any time.",
        "She'd make a good wife, for one night.",
        "What a waste of a hot body on a boring journalist.",
        "The things I could teach that young reporter.",
        "You look good enough to eat.",
        "I'd tap the new anchor in a heartbeat.",
        "She's definitely a sugar baby for some minister.",
    ],
)
def test_sexual_insults_and_propositions_without_a_swear_word_rejected(text):
    assert "vulgarity" in strong(text), text


@pytest.mark.parametrize(
    "text",
    [
        "You look like you'd be a good time, sweetheart.",
        "She gets around, everyone in the newsroom knows.",
        "Bet she's had the whole cabinet.",
        "The president and his interpreter obviously spend their nights together.",
    ],
)
def test_sexual_insinuations_go_to_review(text):
    assert "vulgarity" in flagged(text) and "vulgarity" not in strong(text), text


@pytest.mark.parametrize(
    "text",
    [
        "She gets around the city by bike.",
        "She gets around the censors with clever metaphors.",
        "The refugee families spend their days together in the camp.",
        "She'd make a good editor.",
        "What a waste of a good story.",
        "The things I could teach that young reporter about Kirkuk's history.",
        "I'd make her explain the budget again.",
        "The leaflets were passed around the newsroom.",
        "I'd smash the record this year.",
        "You look good enough to win the election.",
        "She's definitely a candidate for minister.",
    ],
)
def test_travel_records_and_candidates_are_not_sexual(text):
    assert "vulgarity" not in flagged(text), text


@pytest.mark.parametrize(
    "text",
    [
        "kill all the weeds before you sow the beans",
        "Burn all the paperwork, the old manager joked",
        "After the earthquake, women have no place to sleep",
        "Women don't belong to their husbands",
    ],
)
def test_orders_about_things_and_women_without_shelter_are_not_attacks(text):
    assert strong(text) == set(), text


@pytest.mark.parametrize("text", ["just kill all of them", "Women don't belong in politics"])
def test_the_forms_aimed_at_people_still_reject(text):
    assert strong(text), text
