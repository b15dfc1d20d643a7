"""Language detection per sentence: the readers' six languages told apart, and mixed comments
judged by each sentence's language; English is not misrouted; work is bounded."""

import time

import pytest

from service.domain import Detection
from service.language import MAX_DETECT_CHARS, MAX_SENTENCES, LanguageDetector
from service.pipeline import moderate
from service.policy import UNSUPPORTED_LANGUAGE
from tests import language_dev_table as dev_table
from tests.language_table import CKB_KEYBOARDS, EN, LATIN_TYPED, MIXED, TABLE

DETECTOR = LanguageDetector()
# The target: 98% of each language's sentences told apart.
MIN_ACCURACY = 0.98


@pytest.mark.parametrize("code", sorted(TABLE))
def test_sentences_of_each_language_told_apart(code):
    rows = TABLE[code]
    assert len(rows) >= 40
    wrong = [(text, got) for text in rows if (got := DETECTOR.detect(text).language) != code]
    assert 1 - len(wrong) / len(rows) >= MIN_ACCURACY, wrong


@pytest.mark.parametrize(("text", "languages"), MIXED)
def test_mixed_comment_reports_every_language_by_share(text, languages):
    detection = DETECTOR.detect(text)
    assert detection.languages == languages
    assert detection.language == languages[0]
    assert len(detection.sentences) == 2
    assert {s.language for s in detection.sentences} == set(languages)


def test_sentence_spans_index_the_submitted_text():
    text = "  Bu haber doğru değil.\n\nThe ceasefire must hold in Idlib!  "
    detection = DETECTOR.detect(text)
    assert [(text[s.start : s.end], s.language) for s in detection.sentences] == [
        ("Bu haber doğru değil.", "tr"),
        ("The ceasefire must hold in Idlib!", "en"),
    ]


@pytest.mark.parametrize("sentence", [s for s in EN if len(s.split()) >= 5])
def test_english_sentence_of_five_words_stays_english_beside_any_language(sentence):
    # After a Kurmanji, a Turkish and a Persian sentence, the English one is still English.
    for before in (TABLE["kmr"][0], TABLE["tr"][0], TABLE["fa"][0]):
        last = DETECTOR.detect(f"{before} {sentence}").sentences[-1]
        assert last.language == "en", (before, sentence)


@pytest.mark.parametrize(
    ("text", "languages"),
    [
        # one or two words take the language of their neighbours ...
        ("Spas! Ev nûçe ne rast e, çavkaniya wê ne diyar e.", ("kmr",)),
        ("Ev nûçe ne rast e, çavkaniya wê ne diyar e. Thanks.", ("kmr",)),
        ("Tamam. Seçim sonuçlarına herkes saygı göstermeli.", ("tr",)),
        ("Exactly. The Tigris is lower than I have ever seen it.", ("en",)),
        # ... in the same script only: Sorani words before English are still Sorani
        ("زۆر باشە. Excellent reporting from Kirkuk as always.", ("en", "ckb")),
        # alone, they are read together
        ("Well said. Agreed!", ("en",)),
        ("Çok doğru.", ("tr",)),
    ],
)
def test_short_sentences_take_the_language_of_their_neighbours(text, languages):
    assert DETECTOR.detect(text).languages == languages


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("lol you are so dumb bro", "en"),
        ("Great turnout in Duhok 👏👏 proud of all the youth", "en"),
        ("Iran = no respect for borders. Iraq = no respect for itself 🤷‍♂️", "en"),
        ("i am syrian in izmir 7 years. i have kimlik and work permit", "en"),
        ("Sh1tshow", "en"),
        ("Sen. Warren met Kim in Ankara to discuss the refugee deal.", "en"),  # names
        ("𝓒𝓮𝓭𝓻𝓪𝓷 is the best singer of this year", "en"),  # styled letters
        ("Путин снова угрожает всем соседям.", "other"),
        ("La guerre en Syrie n'est pas finie, et les civils paient.", "other"),
        ("Der Krieg in Syrien ist nicht vorbei.", "other"),
    ],
)
def test_detects_language(text, code):
    assert DETECTOR.detect(text).language == code


@pytest.mark.parametrize("text", ["👏👏🔥", "12345 !!!", "   ", "https://example.com @user #tag"])
def test_nothing_to_tell_by_is_undetermined(text):
    assert DETECTOR.detect(text) == Detection("und", (), DETECTOR.detect(text).sentences)


def test_french_insult_before_english_goes_to_review_for_its_language(moderator):
    text = "Connard de journaliste, tu mens comme tu respires. Anyway, good article."
    decision = moderate(text, moderator)
    assert decision.languages == ("other", "en")
    assert decision.needs_review
    assert [r.note for r in decision.reasons if r.rule == UNSUPPORTED_LANGUAGE] == ["other"]


def test_english_comment_of_short_sentences_is_not_sent_to_review(moderator):
    decision = moderate("Concurrent comment about trains. Great read!", moderator)
    assert (decision.language, decision.languages) == ("en", ("en",))
    assert not any(r.rule == UNSUPPORTED_LANGUAGE for r in decision.reasons)


def test_huge_comment_costs_a_bounded_amount():
    sentence = "Ev nûçe ne rast e. The ceasefire must hold. Bu haber doğru değil. "
    huge = sentence * (100_000 // len(sentence))
    small = huge[:MAX_DETECT_CHARS]

    def cpu(text):
        best = float("inf")
        for _ in range(3):
            started = time.process_time()
            detection = DETECTOR.detect(text)
            best = min(best, time.process_time() - started)
        return best, detection

    huge_seconds, detection = cpu(huge)
    small_seconds, _ = cpu(small)
    assert len(detection.sentences) <= MAX_SENTENCES
    assert detection.sentences[-1].end <= MAX_DETECT_CHARS
    assert detection.languages == ("en", "tr", "kmr")  # by letters: 19, 17, 13 a sentence
    # 25 times the text, about the same work (the rest is not read); generous for a busy
    # machine, far below the 25x that reading it all would cost.
    assert huge_seconds < 3 * small_seconds + 0.05
    assert huge_seconds < 0.5


def test_one_long_sentence_is_bounded_too():
    detection = DETECTOR.detect("word " * 50_000)
    assert detection.language == "en" and detection.sentences[0].end <= MAX_DETECT_CHARS


def test_many_full_stops_are_bounded_too():
    # each stop looks back a few characters for a title ("Dr."), never to the start
    started = time.process_time()
    detection = DETECTOR.detect("Dr. a. " * 20_000)
    assert time.process_time() - started < 0.5
    assert len(detection.sentences) <= MAX_SENTENCES


def test_english_test_sets_misrouted_under_one_percent(shared_data):
    from training.language_check import misrouted

    total, wrong = misrouted(DETECTOR, shared_data)
    assert total > 9000
    assert len(wrong) / total < 0.01, [e.text[:60] for e, _ in wrong[:20]]


def test_non_english_news_dev_comments_all_routed_to_review(shared_data):
    from training.data import news_dev

    foreign = [r for r in news_dev(shared_data) if r["note"].startswith("non-English")]
    assert len(foreign) == 10
    assert all(DETECTOR.detect(r["text"]).languages != ("en",) for r in foreign)


# Arabic and Persian typed in Latin letters: told less surely than in their own script
# (their words are spelled as heard), but most sentences must reach their language.
MIN_LATIN_TYPED_ACCURACY = 0.95  # measured 2026-12-02: Arabizi 1.0, Finglish 0.955


@pytest.mark.parametrize("code", sorted(LATIN_TYPED))
def test_arabic_and_persian_typed_in_latin_letters_told_apart(code):
    rows = LATIN_TYPED[code]
    assert len(rows) >= 40
    read = [DETECTOR.detect(text) for text in rows]
    wrong = [(t, d.language) for t, d in zip(rows, read, strict=True) if d.language != code]
    assert 1 - len(wrong) / len(rows) >= MIN_LATIN_TYPED_ACCURACY, wrong
    right = [d for d in read if d.language == code]
    assert all(s.writing == "latin" for d in right for s in d.sentences)


# Sorani typed without its own letters: its spelling (ئ- for every initial vowel, وو,
# دە-, -ەکان) tells it from Persian in most sentences; the rest read as Persian.
MIN_SORANI_KEYBOARD_ACCURACY = 0.97  # measured 2026-12-01: 0.979 on each keyboard


@pytest.mark.parametrize("keyboard", sorted(CKB_KEYBOARDS))
def test_sorani_typed_on_a_persian_or_arabic_keyboard_is_mostly_sorani(keyboard):
    rows = CKB_KEYBOARDS[keyboard]
    wrong = [(t, got) for t in rows if (got := DETECTOR.detect(t).language) != "ckb"]
    assert 1 - len(wrong) / len(rows) >= MIN_SORANI_KEYBOARD_ACCURACY, wrong


def test_a_short_sorani_sentence_beside_one_typed_with_persian_letters_is_sorani():
    text = "سوپاس. ئهم ههواله راست نییه، سهرچاوهکهی دیار نییه."
    assert [s.language for s in DETECTOR.detect(text).sentences] == ["ckb", "ckb"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("ez kurd im", "kmr"),  # the copula closes a Kurmanji sentence
        ("Ev ne rast e.", "kmr"),
        ("em kurd in", "kmr"),
        ("Let me in", "en"),  # ... but starts none: no other Kurmanji word
        ("Are you in?", "en"),
        ("Bu ne", "tr"),
        ("ben de varim", "tr"),
        ("wallah 3ala ra2sak ya 7abibi", "ar"),
        ("ana mesh fahem", "ar"),
        ("to kheili bad hasti", "fa"),
        ("man nemidunam chera in kar ro kardi", "fa"),
        ("el dawa mish fiha", "ar"),  # a preposition with its pronoun, no digit
        ("shu sar ma3ak", "ar"),
        ("hala ino nazan", "fa"),  # the imperative, na- on a present stem, no ending
        ("to ham bezan", "fa"),
    ],
)
def test_short_kurmanji_arabizi_and_finglish_told_from_english_and_turkish(text, code):
    assert DETECTOR.detect(text).language == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # strings the clitic and imperative forms would match in the other languages
        ("C'est fini pour le gouvernement.", "other"),
        ("Türkiye laik bir devlettir.", "tr"),
        ("Minik bir kedi gördüm.", "tr"),
        ("Eu moro em Lisboa com a minha família.", "other"),
        ("The begin and the end of the bezel were bent.", "en"),
    ],
)
def test_arabizi_clitics_and_finglish_imperatives_leave_other_languages_alone(text, code):
    assert DETECTOR.detect(text).language == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # Kurmanji typed without ê î û ç ş: its commonest words, and its verbs
        ("ez dixwazim bicim bajer", "kmr"),
        ("ez nizanim ci bibejim", "kmr"),
        ("welat me ye, em naxwazin ser", "kmr"),
        ("siyasetmedar hemu diz in", "kmr"),
        ("spas ji bo nuceya we", "kmr"),
        # ... and what the same forms are in Turkish typed without its letters, Italian,
        # German, Spanish and English, which stay theirs
        ("bizim sehirde bilgisi olan kimse yok", "tr"),
        ("digeri nerede kaldi bilmiyorum", "tr"),
        ("Schmeißt endlich diese nichtsnutzige Mischpoke raus.", "other"),
        ("Ce ne sono diversi e nessuno trova risalto sui media.", "other"),
        ("Nanette Lepore presented her new collection in Paris today.", "en"),
    ],
)
def test_kurmanji_typed_without_its_letters_told_from_turkish_and_european(text, code):
    assert DETECTOR.detect(text).language == code


@pytest.mark.parametrize(
    "text",
    [
        "I bought a 4x4 and a B2B covid19 test",
        "The B2B market is growing.",
        "the man is bad to the bone and in love",
        "I will meet you in the hotel room at 5am",
        "We got 3rd place and 2nd place in the MP3 contest",
        "habibi come to dubai",
        "Misread the minister again, sorry",  # mi- words of English
        "The F16 and the A380 flew over Erbil at 9am.",
        "He scored 2 goals in 5 minutes, mind blowing",
        "my wifi password is abc123 lol",
    ],
)
def test_english_with_codes_numbers_and_lookalike_words_stays_english(text):
    detection = DETECTOR.detect(text)
    assert detection.languages == ("en",), detection
    assert all(s.writing == "" for s in detection.sentences)


@pytest.mark.parametrize("sentence", [s for s in EN if len(s.split()) >= 5])
def test_english_sentence_with_one_arabizi_or_finglish_word_stays_english(sentence):
    for word in ("7mar", "habibi", "kheili", "wallah"):
        detection = DETECTOR.detect(f"{sentence.rstrip('.!')} {word}")
        assert detection.languages == ("en",), (sentence, word)


def test_supported_languages_are_codes_detection_reports(tmp_path):
    from service.config import ConfigError, from_env

    env = {"MODERATION_SUPPORTED_LANGUAGES": "en, tr,ckb"}
    assert from_env(tmp_path, env).supported_languages == ("en", "tr", "ckb")
    with pytest.raises(ConfigError, match="unknown ku"):
        from_env(tmp_path, {"MODERATION_SUPPORTED_LANGUAGES": "en,ku"})


def test_preloaded_models_decide_as_the_ones_loaded_on_first_use():
    """The server preloads Lingua's models before it forks; everything else loads them
    when a sentence first needs them. Both read every sentence of the table alike."""
    preloaded = LanguageDetector()
    preloaded.preload()
    rows = [text for texts in TABLE.values() for text in texts] + [t for t, _ in MIXED]
    assert [preloaded.detect(t) for t in rows] == [DETECTOR.detect(t) for t in rows]


# -- the development table and the mechanisms worked out on it -----------------------------
# tests/language_dev_table.py holds the team's own rows for Arabizi, Finglish and Sorani
# typed without its letters (the check, tests/language_table.py, is not tuned on).
MIN_DEV_ACCURACY = 0.95


@pytest.mark.parametrize(("name", "code", "rows"), dev_table.rows(), ids=lambda v: str(v)[:24])
def test_development_table_rows_told_apart(name, code, rows):
    assert len(rows) >= 30
    wrong = [(t, got) for t in rows if (got := DETECTOR.detect(t).language) != code]
    assert 1 - len(wrong) / len(rows) >= MIN_DEV_ACCURACY, (name, wrong)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # Sorani's article with its enclitics (-ەکەی, -ەکەمان), typed without ە ێ ۆ
        ("یاریهکهی دوینی خوش بوو.", "ckb"),
        ("شارهکهمان ئاوی نییه.", "ckb"),
        ("بازی دیروز خیلی خوب بود.", "fa"),  # Persian: no article, no ە
        # Sorani writes the vowel ە that Persian leaves out: تهنها for تنها, شهش for شش
        ("کارهبا تهنها شهش کاتژمیر دیت.", "ckb"),
        ("شهر تهران مهم است.", "fa"),  # Persian's own words with an inner ه
        # compound prepositions: له+گهل (with), له+سهر (on)
        ("من لهگهلتانم.", "ckb"),
        ("لهذا السبب لم يحضر أحد.", "ar"),  # Arabic's لهذا, لهم are no Sorani
        # "له" is no Persian word; Arabic's "له" (to him) comes with Arabic's evidence
        ("نرخی دولار له بازاری سلیمانی دابهزی.", "ckb"),
        ("قال له إن الماء مقطوع منذ يومين.", "ar"),
        ("ههههه والله كلامك صح.", "ar"),  # Arabic laughter is not Sorani's هه-
        ("پلیس به زور وارد خانه شد.", "fa"),  # Persian's زور (force), one word
        # Persian typed on an Arabic keyboard (ي ك) stays Persian
        ("اين دولت فقط حرف ميزند.", "fa"),
        ("چرا كسي جواب نميدهد؟", "fa"),
        ("شلون الوضع بالموصل هسه؟", "ar"),
    ],
)
def test_sorani_typed_without_its_letters_told_from_persian_and_arabic(text, code):
    assert DETECTOR.detect(text).language == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # Finglish whose words are mostly English strings: one word English does not write
        ("to key miay?", "fa"),
        ("man to bar kar mikonam", "fa"),
        ("in hame panahande koja beran?", "fa"),
        ("do ta bazi bakhtim", "fa"),  # a past verb
        ("harfashun hamash dorugh bood", "fa"),  # a plural possessive
        ("Kordestan-e Aragh az ma amn tare", "fa"),  # the hyphened ezafe
        ("age dolat kari nakone mardom mian tu khiaboon", "fa"),  # "tu" is no Kurmanji here
        # ... or several English-string cues together
        ("in akhbar ro key neveshte?", "fa"),
        # English's merely common strings ("dar", "kar") are half English beside "nist"
        ("dar in shahr kar nist", "fa"),
        # Arabizi: a word with digits is one word ("7ada", not the English "ada")
        ("ma 7ada fahman shi", "ar"),
        ("ma fi may w ma fi shoghol", "ar"),
        ("inshallah el intikhabat tkoun nazihe", "ar"),  # "el" counts for neither
        ("shaku maku bel souq?", "ar"),
        ("el gaw har awi el naharda", "ar"),
        # contrasts: English, Spanish and Kurmanji with the same strings
        ("In the bar, man.", "en"),
        ("Man to man marking failed again.", "en"),
        ("Do the key ministers care at all?", "en"),
        ("Ada is in Erbil today.", "en"),
        ("Splendid and candid, the titan returns.", "en"),
        ("E-mail me the re-election results.", "en"),
        ("Alan Shearer was a great striker.", "en"),
        ("el gobierno no tiene la culpa de todo", "other"),
        ("tu li ku derê yî?", "kmr"),
    ],
)
def test_latin_typed_cues_weighed_by_how_english_they_are(text, code):
    assert DETECTOR.detect(text).language == code


@pytest.mark.parametrize(
    "sentence",
    [
        "The man in the bar is right about the prices.",
        "Do we have any water in the camp tonight?",
        "To be fair, the key exams were hard this year.",
        "Age is no bar to voting in the elections.",
        "Ham radio operators helped after the quake.",
    ],
)
def test_english_of_five_words_with_finglish_strings_stays_english_beside_finglish(sentence):
    # Beside a Finglish sentence, an English one of shared strings is still English.
    detection = DETECTOR.detect(f"man nemidunam chera in kar ro kardi. {sentence}")
    assert [s.language for s in detection.sentences] == ["fa", "en"]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        # a Persian sentence run into an English headline with no stop between them
        (
            "این خبر را دیروز خواندم و باور نکردم..._Ceasefire talks resume in Geneva today",
            [("این خبر", "fa"), ("Ceasefire talks", "en")],
        ),
        (
            "الحرب في سوريا مستمرة منذ سنوات The war in Syria goes on",
            [("الحرب", "ar"), ("The war", "en")],
        ),
    ],
)
def test_a_sentence_changing_script_for_a_run_of_words_is_read_in_each(text, parts):
    found = DETECTOR.detect(text).sentences
    assert [(text[s.start : s.end].split()[0], s.language) for s in found] == [
        (words.split()[0], code) for words, code in parts
    ]


@pytest.mark.parametrize(
    "text", ["I read the خبر today and liked it", "Great article about کوردستان and the vote"]
)
def test_a_word_or_two_of_another_script_stays_in_its_sentence(text):
    (sentence,) = DETECTOR.detect(text).sentences
    assert sentence.language == "en" and (sentence.start, sentence.end) == (0, len(text))
