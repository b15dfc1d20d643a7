"""Target-aware analysis of attacks on groups (service/rules/group_abuse.py and its lists).

Hateful cases and their contrasts are written here from the kinds in issue 11 and
POLICY.md, across more than twelve groups; none is taken from the functional suite.
"""

from __future__ import annotations

import pytest

from service.domain import Category, Strength
from service.normalise import fold
from service.rules import build_rules

RULES = build_rules()
ANALYSIS = next(r for r in RULES.rules if r.__class__.__name__ == "GroupAbuse")


def hits(text: str):
    return ANALYSIS.match(text, fold(text))


def strong(text: str) -> set[str]:
    return {h.category.value for h in hits(text) if h.strength is Strength.STRONG}


def weak(text: str) -> set[str]:
    return {h.category.value for h in hits(text) if h.strength is Strength.WEAK}


@pytest.mark.parametrize(
    "text",
    [
        # dehumanisation
        "Kurds are rats.",
        "Honestly, Assyrians are nothing but parasites",
        "Black people are like a plague",
        "Those Yazidis are filth",
        "Druze are no better than animals",
        "Gay men are not human",
        # negative traits
        "Turks are the dumbest people on earth",
        "Afghans are all thieves and liars",
        "I think Alawites are primitive",
        "Persians can't be trusted",
        "Soranis are all Iranian spies",
        # contempt
        "I can't stand Arabs!",
        "I really despise Armenians",
        "Syrians disgust me",
        "Trans people are disgusting",
        # exclusion
        "Refugees should go back where they came from",
        "We don't want Iraqis here",
        "Women should not be allowed to vote",
        "Deport all Syrians now",
        "No Muslims allowed",
        "Send the migrants back",
        "I think Syrians should leave.",
        # implicit derogation
        "Even an Afghan could do better than you",
        "as dirty as a gypsy",
    ],
)
def test_attack_on_a_protected_group_is_abuse(text):
    assert "abuse" in strong(text)


@pytest.mark.parametrize(
    "text",
    [
        "Death to all Jews",
        "We should wipe every last one of the Armenians off the map",
        "Let's get rid of those refugees for good",
        "Shia should be gassed",
        "Gays don't deserve to live",
        "Kill all Kurds",
        "Sunnis should all be lined up and shot",
        "I hope all Christians die",
    ],
)
def test_violence_against_a_group_is_a_threat_and_abuse(text):
    assert {"threat", "abuse"} <= strong(text)


@pytest.mark.parametrize(
    "text, category",
    [
        ("Journalists are scum", "personal_attack"),
        ("Liberals are idiots", "personal_attack"),
        ("Erdogan supporters are rats", "personal_attack"),
        ("Death to all journalists", "threat"),
        # a nationality before an office names which office holders: not the people
        ("Kurdish politicians are vermin", "personal_attack"),
        ("Iranian cops are pigs", "personal_attack"),
    ],
)
def test_non_protected_group_insulted_or_threatened_as_a_class(text, category):
    assert strong(text) == {category}


@pytest.mark.parametrize(
    "text",
    [
        "Why are Syrians always so lazy?",  # a question
        "I met some Kurds. They are animals.",  # a pronoun
        "Some refugees are criminals",  # some members, not the class
        "Typical Arab, lying again",  # looser grammar
        "Kurds are animals, don't you think?",  # asking the reader is no report
    ],
)
def test_looser_readings_go_to_review(text):
    assert "abuse" in weak(text)
    assert not strong(text)


@pytest.mark.parametrize(
    "text",
    [
        # negated hate
        "Kurds are not rats.",
        "Kurds aren't terrorists",
        "Not all Arabs are terrorists",
        "I don't think Arabs are lazy",
        "It is not true that Kurds are animals",
        "I don't hate Jews",
        "Refugees should not be deported",
        "Kurds are no more violent than anyone else",
        "Syrians do not deserve to die",
        # counter-speech, reporting, quoting
        "Saying Arabs are animals is racist",
        "The minister said refugees are vermin; she must resign",
        "The minister called refugees vermin; she must resign",
        "People who think Kurds are dirty are wrong",
        "He shouted 'death to all Armenians' and was arrested",
        "I hate Kurds being called terrorists",
        # identity statements
        "As a gay Kurd I am proud of who I am",
        "I'm a proud Arab woman",
        "We Yazidis are survivors",
        # neutral or positive statements, news about violence against a group
        "Kurds are resilient",
        "Syrian refugees are rebuilding their lives",
        "Women are the backbone of this village",
        "ISIS killed hundreds of Yazidis in Sinjar",
        "Turkish drones killed three Kurds near Qamishli",
        "We don't want refugees to drown",
        "Refugees should be allowed to vote",
        # organisations are not protected groups: harsh criticism stays approved
        "ISIS are animals",
        "The Turkish army are savages",
        "The Iranian regime is a cancer",
        "The PKK are terrorists",
        # non-protected groups: criticism, not insult
        "Politicians are corrupt",
        "Journalists are too lazy to check their facts",
        "Kurdish politicians are all thieves",  # as "politicians are", not "Kurds are"
        "The Iranian minister is corrupt",
        # news: violence against a group, nouns that are also verbs, trailing attribution
        "The murder of journalists must be investigated",
        "The massacre of Yazidis in Sinjar",
        "The killing of Kurds in Afrin must stop",
        "Refugees are a burden on Lebanon, the minister said",
        "Syrians should leave the camps only when it is safe",
        "Deport the criminals, not the refugees",
        "The Shia militias are criminals",
        "I can't stand seeing refugees suffer",
        # place names and adjectives of things
        "Kurdish food is the best",
        "Turkey will attack Afrin",
        "Arab League ministers are meeting in Cairo",
    ],
)
def test_contrast_cases_have_no_hit(text):
    assert hits(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Krds are rats",
        "Syrains disgust me",
        "Arabs are animlas",
        "I hate Muslmis",
        "Kurdds are vermin",
    ],
)
def test_a_letter_dropped_swapped_or_added_is_read(text):
    assert "abuse" in strong(text)


@pytest.mark.parametrize(
    "text",
    [
        "Syria is a disaster",  # a state, not the Syrians
        "Israel are terrorists",  # criticism of a state
        "Iraq is a mess and Iraqis are suffering",
        "The turkeys are fat",
        "People who vote for Erdogan are wrong",  # criticism of voters
    ],
)
def test_places_and_near_words_are_not_groups(text):
    assert hits(text) == []


def test_followers_are_named_by_whom_they_follow():
    assert strong("Fans of Chelsea are morons") == {"personal_attack"}
    assert strong("People who vote for Erdogan are idiots") == {"personal_attack"}


def test_hit_names_target_and_predicate_and_indexes_the_original():
    text = "Well... ＫＵＲＤＳ are r4ts!"
    (hit,) = hits(text)
    assert hit.category is Category.ABUSE and hit.rule == "group:dehumanise"
    assert text[hit.span[0] : hit.span[1]] == "ＫＵＲＤＳ are r4ts"
    assert "ＫＵＲＤＳ" in hit.note and "ethnicity" in hit.note


def test_pronoun_hit_names_the_group_it_refers_to():
    (hit,) = hits("Those refugees arrived last week. They are parasites.")
    assert "'refugees'" in hit.note and "'They'" in hit.note


def test_a_text_without_a_group_word_is_not_read():
    from service.rules.lexicon import token_view

    folded = fold("The ministry said the talks would resume next week. " * 100)
    assert ANALYSIS.match(folded.text, folded, token_view(folded)) == []


def test_malformed_frame_is_refused_naming_the_file(tmp_path):
    import shutil

    from service.rules.lists import RuleListError, default_dir

    lists = tmp_path / "lists"
    shutil.copytree(default_dir(), lists)
    with (lists / "predicates.toml").open("a") as f:
        f.write('\n[frames.broken]\nkind = "dehumanise"\ntemplate = "{group} {nosuchset}"\n')
    with pytest.raises(RuleListError, match="predicates.toml: \\[frames.broken\\]: unknown set"):
        build_rules(lists)


def test_editing_a_group_list_changes_the_digest(tmp_path):
    import shutil

    from service.rules.lists import default_dir

    lists = tmp_path / "lists"
    shutil.copytree(default_dir(), lists)
    before = build_rules(lists).digest
    path = lists / "groups.toml"
    path.write_text(path.read_text() + '\n[protected.zazas]\nreason = "x"\nnouns = ["zazas"]\n')
    assert build_rules(lists).digest != before


# Implicit derogation by comparison (lists/predicates.toml, "comparisons"): phrasings
# written for the grammar, across the region's groups and others; none from the suites.
@pytest.mark.parametrize(
    "text",
    [
        "A donkey would make a better neighbour than an Assyrian.",
        "Honestly even my cat has better manners than the average Iraqi",
        "I would sooner let my sister wed a goat than a Druze man",
        "I'd hire a monkey before I'd hire a Yazidi.",
        "Pigs smell nicer than Persians.",
        "At least cockroaches leave when you turn on the light, unlike Afghans.",
        "Calling Alawites dogs is unfair to dogs.",
        "Armenians have the brains of a goldfish",
        "Turks are about as smart as a bag of rocks",
        "Jews descended from apes",
        "Shia live like animals",
        "Lock up your daughters, the Sunnis are coming.",
        "Surprise, surprise, the robber turned out to be Kurdish.",
        "Gay men should stick to cleaning toilets",
    ],
)
def test_a_group_ranked_with_or_below_animals_is_implicit_derogation(text):
    assert "abuse" in strong(text) | weak(text), text
    assert any(h.rule == "group:implicit" for h in hits(text)), text


@pytest.mark.parametrize(
    "text",
    [
        # mistreatment and perception reported, not a ranking of worth
        "Yazidi captives were treated worse than animals by ISIS.",
        "Refugees in the camp are housed in worse conditions than cattle.",
        "The regime portrayed Kurds as vermin in its broadcasts.",
        # livestock and trade news: the animal is neither the subject nor the one preferred
        "Kurdish villages raise more sheep than Arab ones.",
        "Iraq exports more cattle than Syria this year.",
        "Druze farmers own more goats than most families.",
        # no group named, or the group ranked above
        "I'd rather adopt a dog than a cat.",
        "I'd trust a Kurd before I'd trust a politician.",
        "Assyrians fought like lions in 2015.",
        # news of a crime without the 'of course' that makes it typical
        "The robber turned out to be a Kurdish teenager, police said.",
        "Of course Armenians deserve recognition of the genocide.",
        # denied and condemned comparisons
        "Kurds are not worse than rats, and saying so is racist.",
        "Comparing Syrians to rats is racist.",
    ],
)
def test_comparisons_that_rank_no_group_below_animals_have_no_hit(text):
    assert not [h for h in hits(text) if h.rule == "group:implicit"], text


def test_a_gap_must_stand_between_two_parts(tmp_path):
    import shutil

    from service.rules.lists import RuleListError, default_dir

    lists = tmp_path / "lists"
    shutil.copytree(default_dir(), lists)
    with (lists / "predicates.toml").open("a") as f:
        f.write('\n[frames.broken]\nkind = "implicit"\ntemplate = "{group} than ..."\n')
    with pytest.raises(RuleListError, match="\\[frames.broken\\]: ... must stand between"):
        build_rules(lists)


def test_a_gap_tries_each_place_the_next_part_is_found():
    # "as smart AS a bag of rocks": the first "as" after the gap is not the one that holds
    assert any(h.rule == "group:implicit" for h in hits("Kurds are as smart as a rock"))
    assert not hits("Kurds are as smart as anyone")


# What the model reads (service/rules/context.py model_input): the rules' reading of a
# clause keeps the classifier from judging what they know is denied, quoted in reporting,
# condemned, a homonym or criticism of an organisation; what they merely did not claim
# ("I'm not racist but ...", questions, "people say ...") the model still reads.
@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("Kurds are not vermin.", "vermin"),
        ("Refugees are not parasites, they are people like us.", "parasites"),
        ("Calling Syrians rats is racist.", "rats"),
        ("The word 'kike' was painted on the wall, police said.", "kike"),
        ("There is a chink in its armour.", "chink"),
        ("He smoked a fag outside the pub.", "fag"),
        ("ISIS are animals.", "animals"),
    ],
)
def test_the_model_does_not_read_what_the_rules_set_aside(text, hidden):
    from service.rules.context import model_input

    found = RULES.find(text, fold(text))
    assert hidden not in model_input(text, found.cleared), text


# The speaker's own identity ("as a Kurdish woman", "we Arabs") is hidden from the model,
# which learned group names from abuse data; what follows it is still read and judged.
@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        ("As a Kurdish woman and a voter, I want more women on the lists.", "Kurdish", "lists"),
        ("As a gay Kurd I am tired of this coverage.", "gay", "coverage"),
        ("We Arabs remember Halabja too.", "Arabs", "Halabja"),
        ("As a Kurd, I think Arabs are filthy animals.", "As a Kurd", "animals"),
    ],
)
def test_the_model_does_not_read_the_speakers_own_identity(text, hidden, kept):
    from service.rules.context import model_input

    found = RULES.find(text, fold(text))
    read = model_input(text, found.cleared)
    assert hidden not in read and kept in read, (text, read)


def test_hate_after_a_self_statement_is_still_rejected():
    assert any(h.category is Category.ABUSE for h in hits("As a Kurd, I think Arabs are vermin."))


@pytest.mark.parametrize(
    "text",
    [
        "Kurds are vermin.",
        "I'm not racist but Arabs are dirty.",
        "Don't you think Arabs are dirty?",
        "People say Kurds are lazy and they are right.",
        "I don't hate Kurds, but they are lazy.",
    ],
)
def test_the_model_still_reads_what_the_rules_only_did_not_claim(text):
    from service.rules.context import model_input

    found = RULES.find(text, fold(text))
    kept = model_input(text, found.cleared)
    assert any(w in kept for w in ("vermin", "dirty", "lazy")), (text, kept)


@pytest.mark.parametrize(
    ("text", "attacked"),
    [
        ("ISIS attacked Kurds. They are animals.", False),  # they: ISIS, the subject
        ("The PKK fought the Turks. They are savages.", False),
        ("Kurds attacked ISIS. They are animals.", True),
        ("I met some Arabs last year. They are filthy.", True),
        ("The army shelled the Kurds and they are animals.", True),  # mid-sentence: the last
    ],
)
def test_a_pronoun_opening_a_sentence_refers_to_what_the_last_one_was_about(text, attacked):
    assert bool(hits(text)) is attacked, text


@pytest.mark.parametrize(
    ("text", "derogated"),
    [
        ("Another Afghan, another stabbing.", True),  # across the comma: a sentence frame
        ("Another Kurdish athlete, another medal.", False),
        ("What else would you expect from a Kurd?", True),
        ("What did the minister expect from Kurds after the referendum?", False),
        ("I'd never let a Syrian babysit my kids.", True),
        ("I'd never let the government near my savings.", False),
    ],
)
def test_crimes_and_contact_taken_as_typical_of_a_group(text, derogated):
    assert bool(hits(text)) is derogated, text


# Ruin frames and repulsive things preferred to a group (predicates.toml, "ruin and
# preference frames"); written here, none from the suites.
@pytest.mark.parametrize(
    "text",
    [
        "I'd rather live next to a rubbish dump than next to Kurds.",
        "I would rather live next to a sewage plant than next to a family of Syrians.",
        "I'd sooner have a landfill next door than Arabs.",
        "Even the devil is better than Jews.",
        "I'd rather drink sewer water than share a street with Gypsies.",
        "Better a rubbish tip next door than a mosque full of Muslims.",
        "I'd rather my kids played in a landfill than with Mexican kids.",
        "I'd rather die than have an Arab as a neighbour.",
        "Living next to Iranians is worse than living next to a rubbish dump.",
        "Having Afghans as neighbours is like living next to a landfill.",
        "I've met dogs with better manners than any Syrian.",
        "Turks are what you get when a goat learns to walk.",
        "Give the Kurds a country and they'd turn it into a sewer within a week.",
        "Give Arabs a city and within a year it's a rubbish heap.",
        "Let the Afghans in and watch the neighbourhood become a slum.",
        "Give Roma a house and they'll turn it into a pigsty.",
        "Give a Kurd a job and he'll find a way to mess it up.",
        "Wherever Syrians go, the place turns into a dump.",
        "Wherever Gypsies settle, crime follows.",
        "Everything Pakistanis touch turns to garbage.",
        "Put Somalis in charge and the country collapses in a month.",
        "Immigrants turn every neighbourhood they move into into a slum.",
        "Every country Afghans move to becomes a slum.",
    ],
)
def test_ruin_and_preference_frames_are_implicit_derogation(text):
    assert "abuse" in strong(text), text


@pytest.mark.parametrize(
    "text",
    [
        "I'd rather live next to Kurds than next to a motorway.",
        "Give Kurds a country and they'd build schools.",
        "Give Kurds a country and they'd turn it into a paradise.",
        "I'd rather eat a pig than read this article.",
        "I'd rather live next to a rubbish dump than next to this motorway.",
        "Give Syrians a chance and they will rebuild the city.",
        "Give Ukrainians weapons and the Russian front collapses.",
        "Wherever Kurds go, they open schools and restaurants.",
        "Every country Syrians moved to gained doctors and engineers.",
        "The refugees turned the abandoned factory into a school within a year.",
        "The war turned Aleppo into a ruin.",
        "Living next to Kurds is better than living next to a rubbish dump.",
        "The camp full of Syrian refugees has no sewer and no clean water.",
        "Put women in charge and the economy grows.",
        "Kurdish towns were reduced to rubble by the army.",
        "I'd rather die than give up on peace between Kurds and Turks.",
    ],
)
def test_groups_on_the_preferred_side_and_good_outcomes_have_no_hit(text):
    assert hits(text) == [], text


def test_a_place_full_of_a_group_called_a_toilet_goes_to_review():
    text = "Any town full of immigrants is a toilet within a year."
    assert "abuse" in weak(text) and "abuse" not in strong(text)


def test_a_group_beside_an_animal_in_a_question_goes_to_review():
    assert "abuse" in weak("Jews and rats, what's the difference?")


@pytest.mark.parametrize(
    "text",
    [
        "Turks are still living in the stone age.",
        "Roma have never contributed anything to civilisation.",
        "Iranians need to be taught how to behave in a civilised country.",
        "Immigrants are the reason this country is going downhill.",
        "Gypsies don't know what a bath is.",
        "Arabs have no culture, only camels and sand.",
        "Jews would sell their own mother for a shekel.",
    ],
)
def test_a_group_called_backward_or_lacking_is_implicit_derogation(text):
    assert "abuse" in strong(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Kurds living in tents after the earthquake need help.",
        "Kurds have no state of their own.",
        "Kurds have no rights in Iran.",
        "Kurds have never been given anything by Baghdad.",
        "Refugees need to be taught the language quickly.",
        "Kurds are the reason this region still has hope.",
        "Scholars say Kurds have a rich culture and history.",
    ],
)
def test_hardship_lack_of_a_state_and_praise_have_no_hit(text):
    assert hits(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "No wonder the neighbourhood went downhill once the Kurds moved in.",
        "Since the Syrians arrived, you can't walk the streets at night.",
        "Ever since the Syrians arrived the park smells.",
        "This city was beautiful before the refugees came.",
        "Kurdistan would be a paradise without the Kurds.",
        "Iraq would be a lovely country if it weren't for the Arabs.",
        "I've yet to meet an honest Kurd.",
        "Never seen a Roma who works for a living.",
        "The only thing Afghans export is terrorism.",
        "Name one thing Arabs have given the world apart from terrorism.",
        "Arabs and civilisation don't mix.",
        "Kurds should be grateful we let them live here.",
        "Persians are proof that evolution can go backwards.",
        "Muslims have a long way to go before they're civilised.",
        "Turks are the reason we can't have nice things.",
    ],
)
def test_decline_since_arrival_and_no_virtuous_member_are_implicit_derogation(text):
    assert "abuse" in strong(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Since the Syrians arrived the restaurants in our street have improved.",
        "Iraq would be a lovely country without ISIS.",
        "I've never met an honest politician.",
        "The only thing Kurds export in large amounts is oil.",
        "Kurdistan would be a paradise without the corruption.",
        "This city was beautiful before the war came.",
        "Ever since the refugees arrived, the volunteers have worked day and night.",
        "Kurds should be grateful to the coalition that saved them.",
        "The neighbourhood went downhill after the factory closed.",
        "Name one thing the government has done for Kurds.",
        "The only thing Syrians want is to go home in peace.",
        "Residents say the area went downhill once the refugees arrived.",
        "I've yet to meet a Kurd who doesn't love tea.",
    ],
)
def test_arrivals_praise_organisations_and_reports_have_no_hit(text):
    assert hits(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "Funny how every time there's a stabbing it's an Afghan.",
        "Arabs and hygiene, name a more iconic duo.",
        "Kurds are great, if you like chaos.",
        "Roma make excellent pickpockets.",
        "Shocking, an Afghan who can read.",
        "Where there are Kurds there is trouble.",
        "If you want your car stolen, hire a Roma.",
        "Never turn your back on a Kurd.",
        "Count your fingers after shaking hands with an Arab.",
        "Another day, another Syrian in court.",
    ],
)
def test_insinuation_and_sarcasm_about_a_group_are_implicit_derogation(text):
    assert "abuse" in strong(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Can't expect much from an Afghan.",
        "We all know what Kurds are like.",
        "You know what they say about Arabs.",
    ],
)
def test_insinuation_with_nothing_said_goes_to_review(text):
    assert "abuse" in weak(text) and "abuse" not in strong(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Every time there's a stabbing the police arrive late.",
        "Kurds are great, if you like good food and music.",
        "Kurds and democracy: the region's best hope.",
        "Wow, a Kurd who won the Nobel prize for chemistry.",
        "Where there are Kurds there is always music.",
        "If you want your house built well, hire a Kurdish builder.",
        "Don't expect much from the Kurdish delegation at the talks.",
        "Another day, another Kurd in parliament.",
        "Keep your kids away from the river during the floods.",
        "Every time there is a stabbing it is a tragedy for a family.",
        "Iraqi refugees make excellent doctors.",
    ],
)
def test_sarcasm_frames_need_a_vice_and_a_group(text):
    assert hits(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "If Afghans were smart, they would have fixed their country by now.",
        "Kurds are why we can't have nice things.",
        "Women should be seen and not heard.",
        "You throw like a girl.",
        "He drives like an Arab.",
        "Syrians contribute about as much as a rock.",
        "You'll never see a Roma working.",
        "Gypsies are the lowest of the low.",
        "Pakistanis are as useful as a chocolate teapot.",
    ],
)
def test_rhetoric_and_likeness_are_implicit_derogation(text):
    assert "abuse" in strong(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Honestly, what have Arabs ever done for the world?",
        "Ever met an honest Turk? Me neither.",
    ],
)
def test_rhetorical_questions_about_a_group_go_to_review(text):
    assert "abuse" in weak(text), text


@pytest.mark.parametrize(
    "text",
    [
        "What have Kurds ever been given by Baghdad?",
        "What have the Kurds ever done to deserve this war?",
        "If Kurds were united they would have a state.",
        "Kurds fight like lions.",
        "She dances like a Kurdish bride.",
        "Women should be seen and heard in parliament.",
        "If refugees were allowed to work, they would pay taxes.",
    ],
)
def test_questions_of_grievance_and_praise_have_no_hit(text):
    assert hits(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "Arabs are fine in small doses.",
        "Kurds are nice people when they're asleep.",
        "A good Iranian is hard to find.",
        "Syrians are welcome here, as cleaners.",
        "Jews control the media, everyone knows it.",
        "Gay people shouldn't be allowed near children.",
        "Trans women are just men in dresses.",
        "Somalis don't work.",
    ],
)
def test_faint_praise_and_tropes_are_derogation(text):
    assert "abuse" in strong(text), text


def test_all_members_the_same_goes_to_review():
    assert "abuse" in weak("All Arabs are the same.")


@pytest.mark.parametrize(
    "text",
    [
        "A good Kurdish restaurant is hard to find.",
        "Kurds are welcome here as neighbours.",
        "Kurds control the Kirkuk oil fields.",
        "Kurds are great in small villages.",
        "Kurds are nice people when they're at home with guests.",
        "Syrian refugees don't work because the law forbids it.",
        "Teachers shouldn't be allowed near children without checks.",
        "All Kurds are the same in the eyes of the law.",
        "Women are welcome here as leaders.",
    ],
)
def test_restaurants_neighbours_and_the_law_have_no_hit(text):
    assert hits(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "Syrian refugees in Lebanon live in camps worse than a rubbish dump.",
        "Refugees have fewer rights than murderers.",
        "Kurds fear the regime more than the devil.",
        "Refugees in the camp drink water dirtier than sewage.",
        "Kurds fight harder than wolves.",
    ],
)
def test_a_group_compared_with_filth_or_criminals_in_sympathy_has_no_hit(text):
    assert hits(text) == [], text


# A quotation mark opens a quotation, not a contraction ("'death" reads "death"), so a
# quoted frame is read; whose words it is decides: someone else's reported words are
# cleared, the commenter's own "I say ..." are not.
@pytest.mark.parametrize(
    "text",
    [
        "The man in the video shouted 'death to all Kurds'; he must be prosecuted.",
        "Witnesses said the crowd chanted 'Arabs are vermin' outside the court.",
    ],
)
def test_a_quoted_frame_in_someone_elses_report_is_cleared(text):
    from service.rules.context import model_input

    found = RULES.find(text, fold(text))
    assert not [h for h in found.hits if h.category in (Category.ABUSE, Category.THREAT)]
    assert "Kurds'" not in model_input(text, found.cleared)
    assert "vermin" not in model_input(text, found.cleared)


@pytest.mark.parametrize(
    "text", ["I say 'death to all Kurds'.", "'Arabs are vermin' is what I say."]
)
def test_a_quoted_frame_the_commenter_says_is_theirs(text):
    assert any(h.category in (Category.ABUSE, Category.THREAT) for h in hits(text)), text


@pytest.mark.parametrize(
    "text",
    ["I've always said Arabs are vermin", "We have always said Kurds are rats"],
)
def test_the_writer_saying_it_again_claims_it(text):
    assert any(h.category.value == "abuse" for h in RULES.match(text, fold(text))), text


def test_others_saying_it_is_reported():
    text = "Some have always said Kurds are rats, and they were wrong"
    assert not any(h.category.value == "abuse" for h in RULES.match(text, fold(text)))
