"""Reported speech, condemnation and threats in Turkish, Arabic, Persian, Sorani, Kurmanji.

The cues of `lists/<lang>/context.toml` (service/rules/cues.py) make a quoted hit in a
sentence that reports or condemns someone else's words not count, and clear it for the
model; the commenter's own words, quoted or not, still count. A quoted strong hit in a
language whose reporting the rules cannot read goes to review. The threat files add
intimidation by knowledge of the reader's home and the first person plural of killing.
"""

from pathlib import Path
from shutil import copytree

import pytest

from service.domain import Category, RuleHit, Sentence, Status, Strength, Verdict
from service.normalise import fold
from service.pipeline import moderate
from service.rules import build_rules
from service.rules.context import TextContext, model_input, reporting_read, weaken_quoted
from service.rules.cues import CONDEMN, DENIED, REPORT, light_fold, load_cues
from service.rules.dictionary import is_ordinary
from service.rules.lists import RuleListError, default_dir, load_lists

RULES = build_rules()
LANGUAGES = ("tr", "ar", "fa", "ckb", "kmr")


def found(text: str):
    return RULES.find(text, fold(text))


def counted(text: str) -> set[str]:
    """Categories of the hits that count, strong or weak."""
    return {h.category.value for h in found(text).hits}


def rejected(text: str) -> set[str]:
    return {h.category.value for h in found(text).hits if h.strength is Strength.STRONG}


def cleared(text: str) -> list[str]:
    return [text[a:b] for a, b in found(text).cleared]


# -- reported and quoted threats -----------------------------------------------------------

# (text, the quoted words): someone else's words in a report, each language and typing.
REPORTED = [
    ('Mahkemede sanığın "seni öldüreceğim" diye bağırdığı anlatıldı.', "seni öldüreceğim"),
    ("Tanık, sanığın „seni öldüreceğim“ dediğini söyledi.", "seni öldüreceğim"),
    ("Polise göre saldırgan 'hepinizi keseceğiz' diye bağırmış.", "hepinizi keseceğiz"),
    ('Mahkemede sanigin "seni oldurecegim" diye bagirdigi anlatildi.', "seni oldurecegim"),
    ('قال المتهم للضحية "سأقتلك" أمام الجميع.', "سأقتلك"),
    ("وبحسب الشاهد، صرخ الرجل «راح اذبحك» ثم هرب.", "راح اذبحك"),
    ("أفادت المحكمة أن المتهم كتب «سنقتلكم» في رسالة.", "سنقتلكم"),
    ('2al el 7aramy "ra7 a2tlak" w hereb', "ra7 a2tlak"),
    ("به گفته پلیس، متهم فریاد زد «میکشمت».", "میکشمت"),
    ("در دادگاه گفته شد که او نوشته بود «سرتو میبرم».", "سرتو میبرم"),
    ('polis goft ke oo faryad zad "mikoshamet"', "mikoshamet"),
    ("پۆلیس ڕایگەیاند کە تۆمەتبار گوتی «دەتکوژم».", "دەتکوژم"),
    ("بەپێی شایەتەکە، پیاوەکە هاواری کرد «سەرت دەبڕم».", "سەرت دەبڕم"),
    ('shayetaka guti "detkujm"', "detkujm"),
    ("Li gorî şahidê, wî got «ez ê te bikujim».", "ez ê te bikujim"),
    ('Dadgehê ragihand ku gumanbar gotibû "em ê te bikujin".', "em ê te bikujin"),
    ('li gori polise, wi got "ez e te bikujim"', "ez e te bikujim"),
]


@pytest.mark.parametrize("text, quoted", REPORTED)
def test_a_reported_threat_in_quotes_is_someone_elses_words(text, quoted):
    assert "threat" not in counted(text), found(text).hits
    assert quoted in cleared(text)  # and the model does not read it either


# The commenter's own words: quoted without a report, reported by "I", or after a report
# that ends before them, still count.
OWN_THREATS = [
    '"Seni öldüreceğim", işte bu kadar.',
    'Ben de ona "seni öldüreceğim" dedim.',  # "dedim": I said
    "«سأقتلك» يا كلب",
    "قلت له «سأقتلك»",  # "I told him"
    "«میکشمت» فهمیدی؟",
    "«دەتکوژم»",
    'Min got "ez ê te bikujim".',  # "min got": I said
    "Wî got ku ew ê were. Ez ê te bikujim.",  # the report ended with its sentence
]


@pytest.mark.parametrize("text", OWN_THREATS)
def test_the_commenters_own_threat_still_counts(text):
    assert "threat" in rejected(text), found(text).hits


# -- counter-speech ------------------------------------------------------------------------

CONDEMNED = [
    "Kürtlere 'pis Kürtler' demek ırkçılıktır ve kabul edilemez.",
    "Suriyelilere „Suriyeli itler“ diyenler cezalandırılmalıdır.",
    "Kurtlere 'pis Kurtler' demek irkciliktir.",
    "وصف الأكراد بـ«الأكراد كلاب» عنصرية ويجب رفضه.",
    "لا للعنصرية: عبارة «العرب كلاب» خطاب كراهية.",
    "گفتن «افغانی کثیف» به مهاجران نژادپرستی است و باید محکوم شود.",
    "گوتنی «کوردی پیس» ڕەگەزپەرستییە و قبووڵ ناکرێت.",
    "Gotina «Kurdên pîs» nijadperestî ye û divê were şermezarkirin.",
]


@pytest.mark.parametrize("text", CONDEMNED)
def test_a_quoted_slur_that_is_condemned_is_counter_speech(text):
    assert not rejected(text) & {"abuse", "personal_attack"}, found(text).hits


def test_an_unquoted_slur_in_a_sentence_that_reports_and_condemns_it_is_counter_speech():
    text = "Kürtlere pis Kürtler demek ırkçılıktır. Harika bir yazı."
    assert "abuse" not in counted(text), found(text).hits
    assert model_input(text) == "Harika bir yazı."  # the model does not read it either


# The same slurs said, or a condemnation taken back ("is not racism"), still count.
NOT_CONDEMNED = [
    "Pis Kürtler, hepsi aynı.",
    "'Pis Kürtler' demek ırkçılık değil, gerçek.",
    "«الأكراد كلاب» وهذا ليس عنصرية",
    "Kürtlere pis Kürtler demek ırkçılık değil.",
    "Pis Kürtler. Bunu söylemek ırkçılık değil.",
]


@pytest.mark.parametrize("text", NOT_CONDEMNED)
def test_a_slur_not_condemned_still_counts(text):
    assert "abuse" in counted(text), found(text).hits


# -- the cues themselves ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Bakan açıklamasında", REPORT),
        ("söyleyenler", REPORT),
        ("soylediler", REPORT),  # typed without Turkish letters
        ("وقال", REPORT),  # the conjunction joined
        ("وفقا لـ", REPORT),
        ("می‌گویند", REPORT),  # with the zero-width non-joiner
        ("میگویند", REPORT),  # joined
        ("ڕایانگەیاند", REPORT),
        ("rayangeyand", None),  # not listed: no cue
        ("gotibu", REPORT),
        ("nefret söylemidir", CONDEMN),
        ("نژادپرستی", CONDEMN),
        ("na ji nijadperestiyê re", CONDEMN),
        ("ırkçılık değil", DENIED),  # a condemnation taken back
        ("ليس عنصرية", DENIED),
        ("I got it", None),  # English "got" is no Kurmanji cue
    ],
)
def test_cues_are_found_in_their_forms(text, kind):
    kinds = {cue.kind for cue in load_cues().find(text)}
    assert kinds == ({kind} if kind else set()), kinds


def test_every_language_has_report_and_condemn_cues_with_reasons():
    cues = load_cues()
    assert set(cues.languages) == set(LANGUAGES)
    import tomllib

    for language in LANGUAGES:
        data = tomllib.loads((default_dir() / language / "context.toml").read_text())
        assert len(data["report"]) >= 40 and len(data["condemn"]) >= 15, language
        for table in ("report", "condemn"):
            assert all(reason.strip() for reason in data[table].values()), language


def test_no_typed_cue_is_an_english_word():
    """Every language's cues are looked for in every comment, English ones too: a cue typed
    in Latin letters must not be an ordinary English word ("got", "slogan", "der"); one
    spelled with marks whose plain fold is one ("demiş", "Demis") matches only as spelled."""
    import tomllib

    cues = load_cues()
    for language in LANGUAGES:
        data = tomllib.loads((default_dir() / language / "context.toml").read_text())
        for entry in (*data["report"], *data["condemn"]):
            folded = light_fold(entry)[0]
            if folded.isascii() and " " not in folded and is_ordinary(folded):
                assert not entry.isascii(), f"{language}: {entry}"
                assert not cues.find(folded) and cues.find(entry), f"{language}: {entry}"


def test_a_cue_file_with_an_unknown_table_is_refused(tmp_path: Path):
    lists = tmp_path / "lists"
    copytree(default_dir(), lists)
    (lists / "tr" / "context.toml").write_text('[reports]\n"dedi" = "said"\n')
    with pytest.raises(RuleListError, match="tr/context.toml"):
        load_cues(lists)
    load_lists(lists)  # the category lists do not mind the cue file


# -- quotation marks ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, inner",
    [
        ("o „seni öldüreceğim“ dedi", "seni öldüreceğim"),
        ("er rief »ich bringe dich um« laut", "ich bringe dich um"),
        ("‚siktir‘ dedi", "siktir"),
        ("قال «سأقتلك» ثم", "سأقتلك"),
        ("هو گفت ”میکشمت” بعد", "میکشمت"),
    ],
)
def test_quote_styles_are_read(text, inner):
    start = text.index(inner)
    assert TextContext(text).is_quoted((start, start + len(inner)))


def test_a_turkish_apostrophe_after_a_marked_letter_is_no_quote():
    text = "Kürdü'nün evi ve Erdoğan'ın sözü"
    start = text.index("nün")
    assert not TextContext(text).is_quoted((start, start + 3))


# -- the fallback: reporting the rules cannot read -----------------------------------------


def _hit(text: str, word: str) -> RuleHit:
    start = text.index(word)
    return RuleHit(Category.PROFANITY, "word:tr:siktir", (start, start + len(word)))


def test_a_quoted_hit_in_a_language_whose_reporting_is_not_read_goes_to_review():
    text = "Il a crié « siktir » au juge."
    detection = (Sentence(0, len(text), "other"),)
    [hit] = weaken_quoted(text, [_hit(text, "siktir")], detection)
    assert hit.strength is Strength.WEAK and hit.span == _hit(text, "siktir").span
    assert "not read" in (hit.note or "")


def test_a_swear_word_quoted_in_a_report_goes_to_review_not_rejected():
    """Profanity has no context filter (English "he shouted 'fuck you'" rejects): quoted
    in another language's report or condemnation it is someone else's, but seen by a
    reviewer before it is published."""
    text = 'Sanık kadına "orospu" diye bağırdı ve tutuklandı.'
    hit = _hit(text, "orospu")
    detection = (Sentence(0, len(text), "tr"),)
    [weakened] = weaken_quoted(text, [hit], detection)
    assert weakened.strength is Strength.WEAK and weakened.span == hit.span


def test_english_quoted_profanity_is_unchanged():
    text = "The court heard he shouted 'fuck you' at the judge."
    start = text.index("fuck")
    hit = RuleHit(Category.PROFANITY, "word:fuck", (start, start + 4))
    assert weaken_quoted(text, [hit], (Sentence(0, len(text), "en"),)) == [hit]


@pytest.mark.parametrize(
    "written, plain", [("demiş", "Demis"), ("Wê got «...»", "we got it"), ("wî got", "wi got")]
)
def test_a_cue_whose_plain_fold_is_english_matches_only_as_spelled(written, plain):
    assert load_cues().find(written) and not load_cues().find(plain)


@pytest.mark.parametrize(
    "text, language",
    [
        ("Il a crié siktir au juge.", "other"),  # not quoted
        ('He yelled "siktir" at me and you are next.', "en"),  # English reporting is read
        ('Ona "siktir" dedim.', "tr"),  # Turkish reporting is read: no cue, own words
    ],
)
def test_other_hits_are_not_weakened(text, language):
    hit = _hit(text, "siktir")
    detection = (Sentence(0, len(text), language),)
    assert weaken_quoted(text, [hit], detection) == [hit]


def test_the_languages_whose_reporting_is_read():
    assert reporting_read() == {"en", *LANGUAGES}


def test_a_quoted_threat_in_french_goes_to_review_not_rejected(moderator):
    text = "Selon le témoin, il a dit « seni öldüreceğim » avant de partir."
    decision = moderate(text, moderator)
    assert decision.status is Status.IN_REVIEW
    assert any(r.span for r in decision.reasons)  # the evidence is kept


# -- threats ---------------------------------------------------------------------------------

THREATS = [
    # knowledge of the reader's home, family, workplace, with a closer
    ("Evini biliyoruz, dikkat et.", Strength.STRONG),
    ("Nerede oturduğunu biliyoruz. Bekle bizi.", Strength.STRONG),
    ("cocuklarinin okulunu biliyoruz, pisman olacaksin", Strength.STRONG),
    ("نعرف وين تسكن، انتبه لنفسك", Strength.STRONG),
    ("عنوان بيتك عندنا واستنانا", Strength.STRONG),
    ("میدونیم کجا زندگی میکنی، مواظب خودت باش", Strength.STRONG),
    ("آدرس خونتو داریم. منتظرمون باش", Strength.STRONG),
    ("دەزانین لە کوێ دەژیت، ئاگاداری خۆت بە", Strength.STRONG),
    ("Em dizanin tu li ku dijî, li benda me be!", Strength.STRONG),
    ("em dizanin tu li ku diji, hisyar be", Strength.STRONG),
    # a third person's home (the author's, the journalist's), with a closer aimed at them
    ("Yazarın evini biliyoruz, dikkat etsin.", Strength.STRONG),
    ("نعرف بيت الصحفي وعائلته، خليه ينتبه", Strength.STRONG),
    ("میدونیم خونه‌اش کجاست، مواظب باشه", Strength.STRONG),
    ("ماڵەکەی دەزانین، با ئاگادار بێت", Strength.STRONG),
    ("Em mala wî dizanin, bila hişyar be.", Strength.STRONG),
    # knowledge alone: review
    ("Ailenizi biliyoruz.", Strength.WEAK),
    ("نعرف عنوانك", Strength.WEAK),
    ("خانوادتو میشناسیم", Strength.WEAK),
    ("ماڵەکەت دەزانین", Strength.WEAK),
    ("Em mala te dizanin.", Strength.WEAK),
    ("na3ref wein teskon", Strength.WEAK),
    ("midoonim koja zendegi mikoni", Strength.WEAK),
    # first person plural: killing, slaughter
    ("Hepinizi keseceğiz!", Strength.STRONG),
    ("seni oldurecez", Strength.STRONG),
    ("راح نذبحكم كلكم", Strength.STRONG),
    ("ra7 n2tlak", Strength.STRONG),
    ("سرتو میبریم", Strength.STRONG),
    ("sareto mibarim", Strength.STRONG),
    ("سەرت دەبڕین", Strength.STRONG),
    ("detkujin", Strength.STRONG),
    ("em ê te serjê bikin", Strength.STRONG),
    ("Günlerin sayılı.", Strength.STRONG),
    # watching, following, a blood declared lawful
    ("Canını alacağız, hain.", Strength.STRONG),
    ("دمك حلال يا خاين", Strength.STRONG),
    ("خونت حلاله", Strength.STRONG),
    ("نراقبك", Strength.STRONG),
    ("Seni izliyoruz.", Strength.WEAK),  # also a viewer's praise
    ("Seni öldürmeye geliyoruz.", Strength.STRONG),
    ("Ananızı ağlatacağız.", Strength.STRONG),
    ("راح اقتلكم واحد واحد", Strength.STRONG),
    ("ra7 2a2tlak", Strength.STRONG),
    ("اعدامت میکنیم", Strength.STRONG),
    ("toro mikosham", Strength.STRONG),
    ("Bedelini ödeyeceksin.", Strength.WEAK),
]


@pytest.mark.parametrize("text, strength", THREATS)
def test_threats_in_the_readers_languages(text, strength):
    strengths = {h.strength for h in found(text).hits if h.category is Category.THREAT}
    if strength is Strength.STRONG:
        assert Strength.STRONG in strengths, found(text).hits
    else:
        assert strengths == {Strength.WEAK}, found(text).hits


THREAT_CONTRASTS = [
    # knowledge of something that is not private, or not the reader's
    "Sorunun nerede olduğunu biliyoruz, dikkatli olun.",
    "Kürtlerin nerede yaşadığını biliyoruz, onlara yardım edeceğiz.",
    "نعرف وين المشكلة، انتبهوا",
    "میدونیم مشکل کجاست، مواظب باشید",
    "دەزانین کێشەکە لە کوێیە، ئاگادار بن",
    "Em dizanin pirsgirêk li ku ye, hişyar bin.",
    # a third person's home without a closer: criticism ("in a palace paid by taxes")
    "نعرف بيت الوزير، قصر من أموال الشعب",
    "Em mala wî dizanin, qesrek e bi pereyê gel.",
    "ماڵەکەی دەزانین، کۆشکێکە بە پارەی خەڵک",
    # news reporting an address
    "Saldırganın ev adresi haberde yer aldı.",
    "نشرت الصحيفة عنوان بيت المتهم",
    "روزنامه آدرس خانه متهم را منتشر کرد",
    "Rojnameyê navnîşana mala gumanbarê weşand.",
    # beating them at the election
    "Seçimde onları yeneceğiz.",
    "راح نهزمهم في الانتخابات",
    "تو انتخابات شکستشون میدیم",
    "Em ê wan di hilbijartinê de têk bibin.",
    "Seçimde onları ağlatacağız.",
    # watching a match, the news; following the situation
    "Dün gece maçı izliyoruz.",
    "نراقب الوضع عن كثب",
    # reported killings
    "Askerler 20 sivili öldürdü.",
    "قتل الجيش عشرين مدنيا",
]


@pytest.mark.parametrize("text", THREAT_CONTRASTS)
def test_threat_contrasts_stay_approved(text):
    assert "threat" not in counted(text), found(text).hits


def test_a_threat_with_knowledge_of_the_home_is_rejected(moderator):
    decision = moderate("Evini biliyoruz, dikkat et.", moderator)
    assert decision.verdict is Verdict.REJECT
    assert Category.THREAT in decision.categories
