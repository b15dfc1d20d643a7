import pytest

from service.normalise import fold, read_arabizi


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("What a fuсking joke", "what a fucking joke"),  # Cyrillic с
        ("Ｆｕｃｋ the IRGC", "fuck the irgc"),  # full-width
        ("𝐟𝐮𝐜𝐤", "fuck"),  # mathematical bold
        ("f\u200bu\u200dc\u00adk", "fuck"),  # zero-width space, joiner, soft hyphen
        ("Αss", "ass"),  # Greek capital alpha
        ("раrаsitеs", "parasites"),  # Cyrillic а, р, е
        ("օuch", "ouch"),  # Armenian o
        ("fück", "fuck"),  # accent stripped
        ("sh1t", "shit"),
        ("a$$", "ass"),
        ("sh!t", "shit"),
        ("f u c k", "fuck"),
        ("f.u.c.k", "fuck"),
        ("f-u-c-k-i-n-g", "fucking"),
        ("Fuuuuuuuck", "fuck"),  # a stretched vowel is cut to one
        ("bulllshiiit", "bullshit"),  # a stretched consonant to two
        ("f***", "f***"),  # masks are kept for the word matcher
        ("ƒuck", "fuck"),  # f with hook
        ("ꜰᴜᴄᴋ ʙɪᴛᴄʜ", "fuck bitch"),  # small capitals
        ("𝓯𝓾𝓬𝓴 𝕗𝕦𝕔𝕜", "fuck fuck"),  # mathematical script and double-struck
        ("ⓕⓤⓒⓚ 🅕🅤🅒🅚 ⒡⒰⒞⒦", "fuck fuck fuck"),  # circled, negative circled, parenthesised
        ("ɑss", "ass"),  # Latin alpha
        ("Søren in Łódź", "soren in lodz"),  # letters with strokes are their letters
        ("&#102;uck &#x66;uck", "fuck fuck"),  # numeric HTML entities
        ("this &amp; that &lt;3", "this & that <3"),  # named entities
        ("fu<b></b>ck", "fuck"),  # inline tags vanish
        ("hello<br>world<p>again", "hello world again"),  # block tags are spaces
        ('<a href="http://spam.example">win</a>', ' href="http://spam.example" win'),
        ("**f**uck _fuck_ ~~fuck~~", "fuck fuck fuck"),  # markdown emphasis
        ("u r a clown", "u r a clown"),  # letters that are words in chat are not joined
        ("i c u", "i c u"),
        ("u r a c u n t", "uracunt"),  # a run with other letters is still one word
    ],
)
def test_disguised_spellings_fold_to_plain_letters(text, folded):
    assert fold(text).text == folded


def test_leading_at_sign_stays_for_mentions():
    # "@ss" or "@user": the word matcher tries both readings.
    assert fold("@ss").text == "@ss"


def test_mentions_and_trailing_punctuation_are_not_leetspeak():
    assert fold("@Karwan you are wrong!!!").text == "@karwan you are wrong!!"


def test_numbers_without_letters_are_not_leetspeak():
    assert fold("1994-1998 and $500").text == "1994-1998 and $500"


@pytest.mark.parametrize(
    ("text", "needle", "original"),
    [
        ("Oh Ｆｕｃｋ it", "fuck", "Ｆｕｃｋ"),
        ("so f u c k i n g sad", "fucking", "f u c k i n g"),
        ("x ﬁne f\u200bu\u200dck y", "fuck", "f\u200bu\u200dck"),
        ("Fuuuuuuuck this", "fuck", "Fuuuuuuuck"),
        ("emoji 😂 then раrаsitеs", "parasites", "раrаsitеs"),
    ],
)
def test_spans_map_back_to_the_original_text(text, needle, original):
    folded = fold(text)
    start = folded.text.index(needle)
    a, b = folded.span(start, start + len(needle))
    assert text[a:b] == original


@pytest.mark.parametrize(
    "text",
    [
        "f**k and sh*t",  # masks inside a word are not emphasis
        "a < b and c > d, x<y",  # comparisons are not tags
        "snake_case_names and 2 * 3 * 4",
        "AT&T and R&D; &unknown",
    ],
)
def test_text_that_only_looks_like_markup_is_kept(text):
    assert fold(text).text == text.lower()


@pytest.mark.parametrize(
    ("text", "needle", "original"),
    [
        ("so &#102;uck it", "fuck", "&#102;uck"),
        ("so fu<b></b>ck it", "fuck", "fu<b></b>ck"),
        ("so **fuck** it", "fuck", "fuck"),
        ("x <i>y</i> ꜰᴜᴄᴋ z", "fuck", "ꜰᴜᴄᴋ"),
    ],
)
def test_spans_through_markup_map_back_to_the_original(text, needle, original):
    folded = fold(text)
    start = folded.text.index(needle)
    a, b = folded.span(start, start + len(needle))
    assert text[a:b] == original


def test_arbitrary_unicode_folds_without_error():
    text = "".join(chr(c) for c in range(0x20, 0x3000, 7)) + "\ud800"
    folded = fold(text)
    assert len(folded.text) == len(folded.plain)


# -- Arabizi: digits read as letters inside sentences read as Arabizi ---------------------


@pytest.mark.parametrize(
    ("word", "read"),
    [
        ("5ara", "khara"),  # خ
        ("7mar", "hmar"),  # ح
        ("3arab", "arab"),  # ع, typed as nothing
        ("ma3", "ma"),
        ("2ana", "ana"),  # ء
        ("6ayyeb", "tayyeb"),  # ط
        ("9alb", "qalb"),  # ق
        ("8abi", "ghabi"),  # غ
        ("7'ara", "khara"),  # 7' for خ
        # not Arabizi words: numbers, codes, addresses
        ("covid19", "covid19"),
        ("5am", "5am"),
        ("3rd", "3rd"),
        ("sh1t", "sh1t"),
        ("4x4", "4x4"),
        ("ali7@mail.com", "ali7@mail.com"),
    ],
)
def test_arabizi_digits_read_as_the_letters_they_stand_for(word, read):
    assert read_arabizi(word) == read


def test_arabizi_reading_applies_only_inside_its_spans_and_maps_back():
    text = "Sh1t happens. enta 5ara w 7mar"
    start = text.index("enta")
    folded = fold(text, arabizi=[(start, len(text))])
    assert folded.text == "shit happens. enta khara w hmar"  # English leet stays
    assert len(folded.text) == len(folded.plain)
    for word, original in [("khara", "5ara"), ("hmar", "7mar"), ("shit", "Sh1t")]:
        at = folded.text.index(word)
        a, b = folded.span(at, at + len(word))
        assert text[a:b] == original


def test_without_arabizi_spans_folding_is_unchanged():
    text = "enta 5ara w 7mar, sh1t"
    assert fold(text) == fold(text, arabizi=())
    assert fold(text).text == "enta sara w tmar, shit"  # the English leet fold


def test_an_address_or_handle_in_an_arabizi_sentence_keeps_its_digits():
    text = "ib3atli 3ala ali7@mail.com aw @sa7bi"
    folded = fold(text, arabizi=[(0, len(text))])
    assert "ali7@mail.com" in folded.plain and "@sa7bi" in folded.plain
    assert folded.text.startswith("ibatli ala ")
