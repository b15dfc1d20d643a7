"""Insults aimed at a person in the readers' other languages (lists/<lang>/personal_attack.toml)
and the enclitics joined to Latin-typed words at load time (`[suffixes]`, lists.py).

Insults in themselves reject alone; words with an ordinary sense (animals, "mal" goods,
Kurmanji "ker") only in second-person or named-person grammar; a foreign insult inside an
English sentence is caught as in its own. Contrasts: the same words used plainly, a
donkey carrying a load in each language, place names and names, criticism of officials.
"""

import pytest
from wordfreq import zipf_frequency

from service.domain import Category, Strength, Verdict
from service.language import LanguageDetector, latin_typed
from service.normalise import fold
from service.pipeline import moderate
from service.rules import build_rules
from service.rules.dictionary import ORDINARY_ZIPF
from service.rules.lists import (
    SUFFIX_CHECK_LANGUAGES,
    RuleListError,
    default_dir,
    folder_suffixes,
    load_lists,
)

RULES = build_rules()
DETECTOR = LanguageDetector()
LANGUAGES = ("tr", "ar", "fa", "ckb", "kmr")


def read_hits(text: str):
    """Hits as the pipeline finds them: Arabizi sentences fold their digits as letters."""
    return RULES.match(text, fold(text, arabizi=latin_typed(DETECTOR.detect(text))))


def attacks(text: str) -> list[str]:
    return [
        h.rule
        for h in read_hits(text)
        if h.category is Category.PERSONAL_ATTACK and h.strength is Strength.STRONG
    ]


AIMED = [
    # Turkish: insults in themselves, and ordinary words with the copula, a question, a
    # vocative, "herif", "tam bir", a person noun
    "gerizekalı",
    "GERİZEKALI",
    "sen tam bir salaksın",
    "salaksın sen",
    "aptalsın",
    "öküzsün",
    "mal mısın",
    "seni salak, okumadın mı",
    "ulan eşek",
    "salak herif",
    "hıyar herif",
    "bu adam salak.",
    "bu yazar tam bir ahmak",
    "dangalak",
    # Arabic and Arabizi (Levantine, Iraqi, Gulf, Egyptian)
    "يا غبي",
    "انت تافه",
    "يا تافه",
    "هذا الغبي",
    "انت حمار",
    "اهبل",
    "enta 7mar",
    "ya ghabi",
    "inta tafeh",
    "enti ghabiye",
    "enta 3abeet",
    "ya 7ayawan",
    "enta ma3tooh",
    # Persian and Finglish
    "تو خیلی احمقی",
    "تو خری",
    "ای احمق",
    "این احمق",
    "بیشعور",
    "to kheili ahmaghi",
    "to ye ahmagh hasti",
    "to ye khari",
    "to bishoori",
    "bishoor",
    "ey khar",
    "mardike ahmagh",
    # Kurmanji
    "tu ker î",
    "tu kerî",
    "tu ker i",
    "tu pir ehmeq î",
    "lo kero",
    "ehmeq",
    "ehmeqî",
    "tu bêaqil î",
    # Sorani, in Arabic script and Latin letters
    "گەمژە",
    "تۆ کەریت",
    "تۆ گەمژەی",
    "ئەی کەر",
    "gemje",
    "gemjeke",
    "to gemjeyt",
    "ey ker",
]


@pytest.mark.parametrize("text", AIMED)
def test_an_insult_aimed_at_a_person_rejects(text):
    assert attacks(text), f"{text!r}: {read_hits(text)}"


IN_ENGLISH = [
    "You are such a gerizekalı, read the report first.",
    "You are such a salak, read the report first.",
    "you are such an aptal",
    "The author is a total salak.",
    "You are such a 7mar, honestly",
    "you 7ayawan, read it again",
    "you are such an ahmagh",
    "This author is a bishoor, read the report first.",
    "you are such an ehmeq",
    "The minister is such a gemje, honestly.",
    "you are such a gemje",
]


@pytest.mark.parametrize("text", IN_ENGLISH)
def test_a_foreign_insult_in_an_english_sentence_is_caught(text):
    assert DETECTOR.detect(text).languages == ("en",), DETECTOR.detect(text)
    assert attacks(text), f"{text!r}: {read_hits(text)}"


APPROVED = [
    # Kurmanji "ker" and "kar" in ordinary sentences
    "ez ê herim ser kar",
    "ker li ber derî ye",
    "kerê me barê giran hilgirt",
    "Kerî barê xwe hilgirt",
    # the donkey carried the load, in each language
    "The donkey carried the load.",
    "Eşek yükü taşıdı.",
    "الحمار حمل الحمولة",
    "el 7mar 7amal el 7imel",
    "خر بار را برد",
    "khar bar ro bord",
    "کەرەکە بارەکەی هەڵگرت",
    # Turkish "mal" (goods, assets) and adjectives said of decisions
    "mal varlığı açıklandı",
    "Bakanın mal varlığı çok büyük",
    "seni mal varlığın için sevmedim",
    "Bir yalana kanmak seni aptal yapmaz",
    "bu karar aptalca",
    "aptal bir karar",
    "bu köpek çok tatlı",
    "Köpek sever misin?",
    # Persian "khar" inside other words
    "kharid kardam",
    "man raftam kharid",
    "mashin kharab shod",
    "in mashin kharabe",
    "امروز رفتم خرید",
    "ماشین خراب شد",
    # place names and names, in English sentences
    "Khar is a district of Mumbai",
    "Mal is short for Malcolm",
    "The match went to Khari in the final minute",
    "He passed to Gavi",
    "I talked to Sagi today",
    "Sag Harbor is in New York",
    "Kerkuk is in Iraq",
    "salak fruit from Indonesia",
    "Ella ya habla inglés",  # Arabizi 'habla' (idiot) is Spanish 'speaks'
    "the ker of the matter",
    # criticism of politicians and governments without insult
    "bu bakan beceriksiz",
    "hükümet çok kötü yönetiyor",
    "الحكومة فاشلة",
    "الوزير فاشل في إدارته",
    "این دولت بی کفایت است",
    "vazir bi kefayat ast",
    "hikûmet bêkêr e",
]


@pytest.mark.parametrize("text", APPROVED)
def test_contrasts_stay_approved(text):
    assert not attacks(text), f"{text!r}: {read_hits(text)}"


@pytest.mark.parametrize("moderator", ["rules"], indirect=True)
def test_an_insult_in_an_english_comment_rejects_with_its_span(moderator):
    text = "You are such a gerizekalı, read the report first."
    decision = moderate(text, moderator)
    assert decision.verdict is Verdict.REJECT
    assert "gerizekalı" in " ".join(text[slice(*r.span)] for r in decision.reasons if r.span)


# -- the lists' words are not ordinary words elsewhere -------------------------------------------


EUROPEAN = ("fr", "de", "es", "it", "pt", "nl")  # Latin-script languages beside en and tr


def _elsewhere(word: str, own: str) -> dict[str, float]:
    """The languages other than `own` in which `word` (or its fold) is an ordinary word."""
    forms = {word, fold(word).text.strip()}
    out = {}
    for lang in (*SUFFIX_CHECK_LANGUAGES, *EUROPEAN):
        if lang == own:
            continue
        zipf = max(zipf_frequency(w, lang) for w in forms)
        if zipf >= ORDINARY_ZIPF:
            out[lang] = zipf
    return out


def test_latin_typed_insult_words_are_no_ordinary_word_elsewhere():
    """Each Latin-typed word a language's personal_attack.toml lists alone, and each word
    its English frames read ("you are such a ..."), is no ordinary English, Turkish or
    European word (wordfreq, Zipf 2.0)."""
    import tomllib

    found = {}
    for lang in LANGUAGES:
        data = tomllib.loads((default_dir() / lang / "personal_attack.toml").read_text())
        words = [*data.get("words", {}), *data.get("sets", {}).get("insult_en", [])]
        for word in words:
            if " " in word or any("\u0600" <= c <= "\u06ff" for c in word):
                continue  # phrases, and words in Arabic script
            if where := _elsewhere(word.casefold(), lang):
                found[f"{lang}:{word}"] = where
    assert found == {}


def test_every_language_folder_has_its_personal_attack_list():
    lists = load_lists()[Category.PERSONAL_ATTACK]
    assert {lang for lang, _ in lists.origin.values()} == set(LANGUAGES)
    assert {p.name.split(":")[0] for p in lists.patterns if ":" in p.name} >= set(LANGUAGES)


# -- [suffixes]: enclitics joined at load time ---------------------------------------------------


def test_shipped_suffixes_reach_the_latin_words_of_their_folder():
    lists = load_lists()
    attack, profanity = lists[Category.PERSONAL_ATTACK], lists[Category.PROFANITY]
    assert {"bishoori", "bishoore", "bishoorha", "kodani"} <= set(attack.words)  # fa
    assert {"ehmeqi", "ehmeqek"} <= set(attack.words)  # kmr (folded: ehmeqî, -ê fold alike)
    assert {"gemjeke", "gemjeyt", "gewjeke"} <= set(attack.words)  # ckb, -eke merged after e
    assert {"ahmaghi", "koskeshi"} <= set(profanity.words)  # the folder's other lists too
    assert "ahmaghi" in profanity.weak  # a weak word's forms stay weak
    assert "bishoori" not in attack.weak
    assert attack.origin["bishoori"] == ("fa", "bishoori")
    # threats are verbs: "mikoshamet" takes no plural
    assert not any(
        w.startswith("mikosham") and w.endswith("ha") for w in lists[Category.THREAT].words
    )


def test_the_suffixed_forms_are_no_ordinary_word():
    """The loader checks English and Turkish; the European languages' data are checked
    here, as loading them costs start-up time (a form found is listed in [allow])."""
    found = {}
    for rule_list in load_lists().values():
        for word, note in rule_list.words.items():
            if "; with -" not in note or word in rule_list.allow:
                continue
            where = {
                lang: zipf_frequency(word, lang) for lang in (*SUFFIX_CHECK_LANGUAGES, *EUROPEAN)
            }
            if any(z >= ORDINARY_ZIPF for z in where.values()):
                found[word] = where
    assert found == {}


def test_an_allowed_word_is_not_joined_and_does_not_match():
    words = load_lists()[Category.PROFANITY].words
    assert "pici" not in words and "piçi" not in words  # pîç + î folds to Italian "pici"
    assert not attacks("pici all'aglione") and not read_hits("pici all'aglione")


def test_a_suffix_joins_by_the_vowel_rule_and_skips_ordinary_and_listed_forms(lists_copy):
    lists = lists_copy
    (lists / "zz").mkdir()
    (lists / "zz" / "personal_attack.toml").write_text(
        "[suffixes]\n"
        'e = "ezafe"\n'
        'ye = "ezafe after a vowel"\n'
        'eke = "definite"\n'
        'ha = "plural"\n'
        "[words]\n"
        'qorbax = "test insult"\n'
        'zimbe = "test insult ending in a vowel"\n'
        "gav = \"test word whose -e form is English 'gave'\"\n"
        'qorbaxha = "listed already, with its own reason"\n'
        '"qorbax zimbe" = "a phrase takes no suffix"\n',
        encoding="utf-8",
    )
    words = load_lists(lists)[Category.PERSONAL_ATTACK].words
    assert {"qorbaxe", "qorbaxeke", "zimbeye", "zimbeke", "zimbeha", "gavha"} <= set(words)
    assert "qorbaxye" not in words  # "y" follows a vowel only
    assert "zimbee" not in words  # a vowel suffix after the same vowel merges
    assert "gave" not in words  # an English word
    assert words["qorbaxha"] == "listed already, with its own reason"
    assert not any(w.startswith("qorbax zimbe") and w != "qorbax zimbe" for w in words)
    rules = build_rules(lists)
    assert [h.rule for h in rules.match("qorbaxeke", fold("qorbaxeke"))] == ["word:zz:qorbaxeke"]


def test_a_malformed_suffix_is_refused_naming_the_file(lists_copy):
    lists = lists_copy
    (lists / "fa" / "promotion.toml").write_text('[suffixes]\n"-i" = "dash"\n', encoding="utf-8")
    with pytest.raises(RuleListError, match="fa/promotion.toml"):
        folder_suffixes(lists / "fa")
    (lists / "fa" / "promotion.toml").write_text("[suffixes]\ni = 3\n", encoding="utf-8")
    with pytest.raises(RuleListError, match="promotion.toml"):
        load_lists(lists)
