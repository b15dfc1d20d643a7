"""Language identification per sentence: which of the readers' languages a comment uses.

The outlet's readers write English, Sorani (`ckb`), Kurmanji (`kmr`), Arabic, Persian and
Turkish, and mix them within one comment, so each sentence gets its own language and the
comment reports all of them. Lingua knows no Kurdish, so evidence comes first: the script
of the letters, letters only one language of the script uses (Sorani ێ ۆ ڕ ڵ ە, Persian
پ چ ژ گ, Turkish ı ğ ö ü, Kurmanji ê î û) and each language's function words. Lingua
decides only what that evidence leaves open, between the few languages of that script
(Arabic or Persian; English, Turkish or a European language that comes out `other`).
Anything else is `other`; a sentence without letters is `und`.

Arabic and Persian are also typed in Latin letters: Arabizi writes the letters Latin lacks
with digits (3 = ع, 7 = ح, 5 = خ, 2 = ء, 6 = ط, 9 = ق: "3ala", "7abibi"), Finglish
writes Persian as spoken ("kheili", "nist", "mikham"). Their digit words and function
words are evidence like any other language's, and such a sentence is reported with
`writing = "latin"`, so that folding reads its digits as letters, not as leetspeak. Many
of their commonest words are English strings too ("in", "to", "man" in Finglish): each
cue counts by how rare its string is in English (wordfreq), and English strings decide
only together, never one alone.

Sorani typed on a Persian or an Arabic keyboard loses its own letters (ە as ه, ێ as ی):
its spelling and grammar still show (ئ- initially, وو, the article -ەکە/-ەکان with its
enclitics, دە- verbs, "له", "بو"), and its words are mostly not common Persian or Arabic
words (wordfreq's small lists of both, read when first needed).

The detector reads at most MAX_DETECT_CHARS characters and MAX_SENTENCES sentences, so
its work per comment is bounded however long the comment is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from lingua import Language, LanguageDetectorBuilder
from wordfreq import get_frequency_dict, get_frequency_list

from service.domain import Detection, Sentence

UNDETERMINED = "und"
OTHER = "other"
SORANI, KURMANJI, ARABIC, PERSIAN, TURKISH, ENGLISH = "ckb", "kmr", "ar", "fa", "tr", "en"

# Lingua decides only between these, per script. The European languages are there so that a
# French or German sentence is told from English (and comes out `other`), not forced into
# the nearest of two; each language costs memory, so the list stays short.
LATIN_LINGUA = (
    Language.ENGLISH,
    Language.TURKISH,
    Language.FRENCH,
    Language.GERMAN,
    Language.SPANISH,
)
ARABIC_LINGUA = (Language.ARABIC, Language.PERSIAN)
_LINGUA_CODES = {Language.ENGLISH: ENGLISH, Language.TURKISH: TURKISH}
_LINGUA_CODES |= {Language.ARABIC: ARABIC, Language.PERSIAN: PERSIAN}

# Bounded work: the first characters and sentences are read, the rest is not.
MAX_DETECT_CHARS = 4_000
MAX_SENTENCES = 60
# A sentence of at most this many words tells too little by itself: it takes the language
# of a neighbour in the same script ("Thanks. Ev nûçe ne rast e." is one Kurmanji comment).
SHORT_WORDS = 2
# An English sentence of this many words is English when most of its words are common
# English words: a short English comment must not go to review as French.
ENGLISH_MIN_WORDS = 5
ENGLISH_WORD_ZIPF = 3.0  # about once per million words in wordfreq's English data
ENGLISH_MIN_SHARE = 0.6
# Function-word evidence decides when its best language has this many hits and at least
# twice the runner-up's.
MIN_EVIDENCE = 2
# A Latin sentence with Arabizi or Finglish evidence and none of any other language is
# Arabic or Persian while fewer than this share of its words are common English words.
LATIN_TYPED_ENGLISH_SHARE = 1 / 3
# Without a word that English does not write, its cues that English writes too must weigh
# this much together (_english_weight: "ro" 0.5, "in" 0.25), two of them at least.
LATIN_TYPED_MIN_WEIGHT = 1.0
# Lingua must be at least this sure before a Latin sentence counts as not English.
MIN_FOREIGN_CONFIDENCE = 0.5

# Sorani's own letters: Persian and Arabic use none of them (Sorani also shares پ چ ژ گ).
SORANI_LETTERS = frozenset("ێۆڕڵەڤ")
PERSIAN_LETTERS = frozenset("پچژگ")
# Arabic's own letters: ta marbuta, hamza seats and alif maqsura (Persian writes ه, ی).
ARABIC_LETTERS = frozenset("ةأإؤى")
TURKISH_LETTERS = frozenset("ığöü")
KURMANJI_LETTERS = frozenset("êîû")
# Sorani typed without its own letters (a Persian or Arabic keyboard) still spells as
# Sorani: every word-initial vowel on a hamza seat (ئەم, ئاو, ئێمە), long u as وو
# (هەموو, بوو), هە- (هەولێر, هەموو: ه-ه once ە is typed ه), the articles -ەکان, -ەکە,
# the verb prefix دە- on words of five letters or more (دەکەن, دەبێتەوە; Persian دهد,
# دهم, دهه are shorter) and the suffix -ەوە (بووەوە; Persian قهوه is shorter). Persian
# writes none of these (ا initially, و for u, می- for دە-), Arabic hardly (laughter ههه
# excepted). Words with ي/ى/ك are compared after _ARABIC_FOLD. "له" and "بو" (in, for)
# are Sorani's commonest words; Arabic's "له" (to him) is weighed by Arabic's evidence.
# The articles -ەکە (the) and -ەکان (the, plural) carry Sorani's enclitics after them:
# izafe -ی, possessives -م -ت -ی -مان -تان -یان, -یش/-ش (also), the postposition -دا, -ەوە,
# the copula -ە/-یە ("یاریەکەی", "ڕاپۆرتەکەتان", "کەمپەکاندا"); -اکان is -ەکان after a
# vowel ("چیاکان"). Persian and Arabic write no word so (Arabic ة is not ه).
SORANI_ARTICLE = re.compile(r"(?:هکه|هکان|اکان)(?:ی|م|ت|مان|تان|یان|یش|ش|دا|وه|یه|ه)?$")
# Sorani's commonest words as its readers type them without ە ێ ۆ ڕ ڵ: "له" (in, from) and
# "بو" (for, to), which Persian writes as no word (its "به", "از", "برای"), the negated
# copula "نییه"/"نیه" (Persian "نیست"), "بهلام" (but), "ههیه" (there is), the compound
# prepositions له+سهر (on), له+گهل (with), له+بهر (because of), له+ناو (inside), له+وی
# (there), "بوچی" (why) and "زور" (very, many: زۆر). Arabic's "له" (to him) is weighed by
# Arabic's own evidence; Persian's "زور" (force) is one word, and a Persian sentence has
# none of Sorani's other spellings to make it two.
SORANI_TYPED_WORDS = frozenset(
    """نییه نیه بهلام ههیه نییهتی له بو بوچی لهسهر لهگهل لهبهر لهناو لهوی لهوه زور""".split()
)
SORANI_COMPOUNDS = ("لهگهل", "لهسهر", "لهبهر", "لهناو")  # with enclitics: لهگهلتانم
# Typed without ە, Sorani writes its commonest vowel as ه inside words: an eighth of the
# letters of a sentence of twenty or more (the team's table: Persian and Arabic at most a
# tenth, Sorani typed so 13 % on average) is one more vote, never enough alone.
SORANI_HEH_SHARE = 0.12
SORANI_HEH_LETTERS = 20
# Sorani writes the short vowel e (ە, typed ه) that Persian leaves unwritten: "تهنها",
# "شهش", "کهم", "کهس" are Persian's "تنها", "شش", "کم", "کس" with an ه inside. A word that
# is no common Persian or Arabic word, but is one without an inner ه, is such a spelling.
# Persian's own words with an inner ه ("شهر", "تهران", "مهم") are common Persian words.
COMMON_ZIPF = 3.0  # wordfreq's small lists of Persian and Arabic, about 1 per million
# A sentence most of whose words (this share, of those of two letters or more) are neither
# common Persian nor common Arabic words is one more vote (Persian and Arabic sentences,
# names and dialect included, have a fifth or fewer so; Sorani typed so, a half or more).
SORANI_UNKNOWN_SHARE = 0.4
SORANI_UNKNOWN_WORDS = 1
# "له" (in, from) is no Persian word; Arabic's "له" (to him) comes with Arabic's article or
# function words once a sentence has this many words: without them it is a second vote.
SORANI_LE_WORDS = 4
# Persian function words that Sorani writes too, which are no evidence against it.
SHARED_WITH_SORANI = frozenset("که تا چی چه کرد".split())  # کرد: Sorani's "did" as well
ZWNJ = "\u200c"  # Persian joins its prefixes and plurals with it: می‌رود، حمله‌ها
# Readers type Persian on Arabic keyboards: function words are matched with ي/ى→ی, ك→ک.
_ARABIC_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ۀ": "ه"})

# Function words of one language and not common words of the others it is confused with
# (so not "de", "da", "ne", shared by Kurmanji and Turkish, nor "من", "ما", "و", shared by
# Arabic and Persian).
ENGLISH_WORDS = frozenset(
    """the and is are was were you your this that these those of to for with not have has
    had it its they them their what which who will would should could be been from at by or
    but if my we our he she his her just about all can do does did so there here than then
    when why how because i i'm don't it's isn't can't won't they're we're you're any some
    dont cant wont im isnt doesnt didnt thats youre u ur oh ok lol yeah
    very more most only also into over after before out up no yes every each other such
    same who's what's let's going get got being off again""".split()
)
KURMANJI_WORDS = frozenset(
    """ez tu ew em hûn hun ev û li ji ku bi di jî ji çi çima kî kengî çawa heke eger lê
    yê yên ên vê wê wî wan te xwe hev dê ê tune heye hene pir gelek divê dibe bû
    bûye kir dike dikin dibêje tê tên nabe nîne baş zêde ser bo jibo navbera bêyî
    hîn hê wek mîna careke""".split()
)
# Kurmanji typed without ê î û ç ş (a phone without the Kurdish keyboard): its words lose
# the letters that told them, so two more kinds of evidence count, each only where the
# word is no common English word and no Turkish word with or without its letters
# (wordfreq's Turkish list, folded: "nerede", "bilgisi", "digeri" are Turkish):
# - the plain spelling of KURMANJI_WORDS and of KURMANJI_COMMON, its commonest content
#   words (now, congratulations, all, thanks, people, country, city, village, friend(s),
#   good day, day, night, year, today, yesterday, tomorrow, child, woman, man, yes, God,
#   heart, war, peace, truth, lie, news, election, better, how many, how, homeland,
#   father, mother, brother, sister, teacher, school; not "av" water, Turkish 'hunt', nor
#   "nan" bread, English 'grandma');
# - verbs: the present di-, negative na-/ni-/ne- and subjunctive bi- on a stem with a
#   person ending ("dixwazim", "nizanim", "dibejin", "naxwazin", "bikin").
# Not evidence: x and q, which Turkish does not write but Italian, Spanish and Albanian do.
KURMANJI_COMMON = frozenset(
    """niha pîroz hemû spas xelk gel welat bajar gund heval hevalno hevalên rojbaş roj şev
    sal îro duh sibê zarok zarokên jin mêr erê belê xwedê dil şer aştî rastî derew nûçe
    hilbijartin hilbijartinê xwe xweş çêtir çend çawan niştiman bav dayik bira xwişk
    mamoste dibistan""".split()
)
_PLAIN = str.maketrans("êîûçşÊÎÛÇŞ", "eiucsEIUCS")
_TURKISH_PLAIN = str.maketrans("çğıöşüÇĞİÖŞÜ", "cgiosuCGIOSU")
_KURMANJI_VERB = re.compile(r"(?:di|na|ni|ne|bi)[a-zêîûçş]{2,9}(?:im|in|e|î|ê|i)")
EUROPEAN_WORDLISTS = ("de", "es", "fr", "it", "pt")
TURKISH_WORDS = frozenset(
    """ve bir bu şu için icin ile çok cok ama gibi daha her sonra değil degil ben sen biz
    siz onlar mı mi mu mü var yok olarak kadar ki diye hem ise zaman neden nasıl nasil kim
    hiç hic bile artık artik şimdi simdi çünkü cunku eğer veya yani tüm bütün butun evet
    hayır iyi güzel guzel olan oldu olur olmuş olmus değildir hâlâ hala bence sizce""".split()
)
# Function words of the European languages Lingua is asked about, none of them English,
# Kurmanji or Turkish: they make a French or Spanish sentence `other` without Lingua.
OTHER_WORDS = frozenset(
    """le la les des une est et pour que qui dans pas sur avec cette sont mais très je nous
    vous il ils elle el los las por para con del una es muy pero como más der das und ist
    nicht ein eine ich mit wir auf den dem sich auch che non sono della questo het een niet
    voor zijn não uma com mais""".split()
)
PERSIAN_WORDS = frozenset(
    """است این که را از با در آن برای نیست بود شد تا اگر چه چرا هر همه خیلی باید نه هستند
    هست شده کرد کند کنند دارد دارند ندارند تو او آنها اینجا چون ولی روی پیش کسی چیزی
    هیچ هنوز دیگر شما ایشان بر کرده می نمی""".translate(_ARABIC_FOLD).split()
)
ARABIC_WORDS = frozenset(
    """في على إلى الى عن أن ان هذا هذه ذلك التي الذي الذين مع كان كانت لا لم لن قد هو هي
    نحن أنا انا كل بين حتى عند أو او ثم لكن إن لماذا متى كيف ماذا هل يجب ضد منذ غير أي
    ايضا أيضا جدا شو شلون ليش اكو ماكو هيك كتير عم حدا هاي زين وين شكو مو مش بدي بس
    إلا الا ليس""".translate(_ARABIC_FOLD).split()
)

# Kurmanji puts its copula after the predicate, as the sentence's last word ("Ez Kurd im",
# "Ev ne rast e", "Em li wir in"); English and Turkish end no sentence with these words.
# It confirms Kurmanji and does not start it ("let me in" is English): one more vote
# where a Kurmanji word is already there, so that a short sentence is told.
KURMANJI_FINAL = frozenset("e im in ye î".split())
# Arabizi and Finglish: words of Arabic and Persian typed in Latin letters that English,
# Turkish, Kurmanji and the European languages do not write (so not "min", "el",
# "bas", "yani", "tamam", "to", "in", "man", "bad", "az", "ham", "dar"). Words with
# Arabizi digits ("3ala", "ma3") need no entry here: the digits are the evidence.
ARABIZI_WORDS = frozenset(
    """ya wallah wallahi walla yalla yallah inshallah inshalla mashallah habibi habibti
    shu shou sho shlon shlonak lesh leish laish mish mesh msh mosh enta inta enti inti
    hada hadha hatha haza hadi hek heik kteer ktir kter aywa aiwa kifak kifik keefak
    akeed tayeb tayyeb keda kda kedah ezay ezzay izzay ashan alashan baddi badde biddi
    mafi mafish mafeesh ahlan marhaba wlak yaani ibn kaman kamaan halla lazem lazim
    mumkin momken khalas shway shwaya shwayya zalame mnih ihna nahna huwa hiya kalam
    yel yil ana omak ommak emak ummak okhtak ekhtak abook abouk akhook fahem mafhoum
    kalb w
    aku maku shaku shako mako kolesh kulish hassa hessa minu shinu shino shgad wiyya
    wayed wayid adri kitha kidha chidhi awi awy naharda delwa2ti dilwa2ti ba2a
    mabrook mabrouk mabruk mashkoor mashkoorin shukran shokran leh elli illi hayda
    hayde halla2 ba3dein bel bil fel fil fi hal shi ams kan lo men mn
    bukra bokra lissa lessa lesa ahl shlonkom shlonkum shlonich shlonik wain wen""".split()
)
# Above, after "kalb w", words that English also writes as strings ("hal", "shi", "kan",
# "lo", "ams", "leh", "bel", "fil"): Arabic's contracted "in the" (bel, fel), "this" (hal),
# "thing" (shi), "was" (kan), "if" (lo), "yesterday" (ams), "why" (leh), "from" (men),
# "in" (fi); then tomorrow, still, people, how are you (to several, to a woman), where.
# They count by how rare they are in English (_english_weight), so alone they decide
# nothing.
# Function words of the European languages (OTHER_WORDS) that Arabizi writes too: the
# article "el" and "la" ('no'); beside an Arabizi digit word they count for neither.
ARABIZI_SHARED = frozenset("el la il al".split())
# Finglish's colloquial "tu" (in) is Kurmanji's "tu" (you): beside a Finglish word that
# English does not write, it counts for neither.
FINGLISH_SHARED = frozenset(["tu"])
FINGLISH_WORDS = frozenset(
    """ke ro hame hamash hamin hamun hast hastan hastam hasti hastid nist nistan nisti
    bayad nabayad kheili kheyli khaili khili kheli chera chon chun vali vaghean vaqean
    aslan inja unja oonja inha unha chie chiye chiz chizi hich hichi dige digeh hanuz
    hanooz shoma khodet khodesh khodam khodemun baraye faghat faqat mese mesle chetor
    chetori khob khoob khub shode shodan kardan kardi kardam konan konid dari darim
    daran nadare nadaran nadari begu bego bebin bashe nabashe mikham mikhay mikhad
    mikhaym mikhan nemikham mishe nemishe mikone mikonan mikonid nemidunam nemidoonam
    midunam midoonam chikar cheghadr kojast koja kesafat va ba az har emsal dobare
    ghablan alan hala kash bishtar kamtar behtar badtar behtarin hamishe hargez shayad
    hatman lotfan mamnoon mamnun mersi vaghti agar nakheir hichkas hamechi dorost
    in to man do key kei age ageh mage ham bar bad ye na chi ki ta hastam hastim bud
    bood shod migan migim ghabl baad pas be daram dare darid
    emruz emrooz diruz dirooz farda emshab parsal
    mardom zendegi gheymat ghimat qeymat qeimat jang solh dorugh doroogh khune khooneh
    khaneh bache bacheh madrese
    oon ishun ishoon ziad ziyad kodom kodum chand khoda joon agha aqa khanom ghashang
    ziba hezar toman bebakhshid""".split()
)
# Above, from "in" on, Persian's commonest words that are English strings too: "in"
# (this), "to" (you), "man" (I), "do" (two), "key" (when), "age" (if), "mage" (isn't it),
# "ham" (also), "bar" (on), "bad" (after), "ye" (a), "na" (no), "chi" (what), "ki" (who),
# "ta" (until), "be" (to), with the copula and past forms after them. Weighed by how rare
# they are in English (_english_weight): "man ham hastam" is Persian by "hastam", "in the
# bar man" is no Persian. "emruz" to "parsal": today, yesterday, tomorrow, tonight, last
# year; "mardom" on: the commonest nouns of Persian news comments (people, life, price,
# war, peace, lie, home, child, school) that neither English nor Arabic writes so; "oon"
# on: that, they, much, which, how many, God, dear, sir, madam, pretty, thousand, toman,
# sorry (not "un", the article of French, Spanish and Italian and Albanian's "I", nor
# "ona", Turkish's "to him", nor "una", Spanish).
# Arabizi digits (ء ع ح خ ط ق) as evidence: a lower-case word with a vowel and single
# digits among its letters ("3ala", "7abibi", "ma3"). 8 (غ) is left out, English chat
# writes it ("gr8", "l8r"); so are codes and numbers: "B2B", "MP3", "covid19", "4x4",
# "5am", "3rd" (no vowel, capitals, a run of digits, a unit).
ARABIZI_DIGITS = frozenset("235679")
# Arabic writes a pronoun onto its prepositions: fi/min/3ala/ma3/3and/3an/bi/la/li/ila +
# -ha (her, it), -hum/-hom (them), -kon/-kom/-kum (you all), -ak/-ek (you): "fiha",
# "minhom", "3alek", "ma3ak". Forms that are words of the other languages are left out
# (checked against wordfreq's Turkish and European tables): -na ("bina" Turkish, "fina"
# Spanish), -ni ("fini" French), -ik ("laik", "minik" Turkish), "minha" (Portuguese), -i,
# -o and -u ("lii", "fio").
ARABIZI_CLITIC = re.compile(
    r"(?!minha$)(?:fi|fee|min|mn|3al|3ala|3le|ma3|m3|3and|3ind|3an|bi|la|li|ila)"
    r"(?:ha|hum|hom|hon|kon|kom|kum|ak|ek)"
)
# On the text as written: a word with a capital ("B2B", "MP3") is not matched.
_ALNUM = re.compile(r"(?<![\w@#])[a-z0-9]+(?![\w@])")
_VOWEL = re.compile(r"[aeiouy]")
_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"\d\d")
_UNIT = re.compile(r"\d+(?:st|nd|rd|th|am|pm|k|m|bn|km|kg|mm|cm|h|min|s|x)")
# Finglish verbs carry the prefix mi- (ne-mi- negated) and a person ending: "mikonam",
# "miram", "nemidunam"; a common English word ("mine", "mission") is no evidence.
_FINGLISH_VERB = re.compile(r"(?:ne)?mi[a-z]{1,8}(?:am|im|id|in|an|and|ad|e|i|y)")
# Negated and subjunctive verbs, na-/ne-/be- on the stems of Persian's commonest verbs
# (kon do, dar have, kha want, bin see, gu/g say, shav/sh become, zan hit, dun/tun
# know/can, gir take, mun stay, saz make, yad/y/a come, khor eat, nevis write, r go, d
# give) with a person ending: "nakone", "nadare", "benevisid", "beram", "biay"; the past
# stems of the commonest verbs with or without one ("shodam", "karde", "neveshte"); and
# past verbs, a stem ending in -d or -t with the endings -am -im -id -and ("nadidam",
# "bakhtim", "raftand"); and the imperative, be-/na- on a present stem of three letters or
# more with no ending ("bezan", "nakon", "begir", "narav"). Common English words
# ("splendid", "candid") are no evidence.
_FINGLISH_STEM_VERB = re.compile(
    r"(?:na|ne|be|bi)(?:kon|dar|kha|khah|bin|gu|go|shav|zan|dun|doon|tun|toon|gir|mun|moon"
    r"|saz|yad|khor|nevis|r|d|g|sh|y|a)(?:am|im|id|in|an|and|ad|e|i|y|eh)"
    r"|(?:na|be)(?:kon|zan|gir|khor|nevis|shin|kesh|pors|khab|khun|khoon|rav|ro)"
    r"|(?:na|ne)?(?:shod|kard|raft|bud|bood|goft|did|dad|khord|zad|umad|oomad|amad|gereft"
    r"|dasht|khast|nevesht|gozasht|kosht)(?:am|i|e|eh|im|id|an|and)?"
)
_FINGLISH_PAST = re.compile(r"(?:na|ne)?[a-z]{3,7}[dt](?:am|im|id|and)")
# Persian's plural possessives (-eshun their, -emun our, -etun your, as spoken, with -a-
# or -oo- spellings: "harfashun", "khoonamoon") and its superlative -tarin ("behtarin"):
# no English, Arabic or Turkish word ends so.
_FINGLISH_SUFFIX = re.compile(r"[a-z]{2,}(?:(?:e|a)(?:sh|m|t)(?:un|oon)|tarin)")
# The ezafe written with a hyphen ("gheymat-e nun", "tim-e melli") and the plural -ha
# ("gheymat-ha"): English joins no word to a lone "e" or "ha".
_FINGLISH_HYPHEN = re.compile(r"(?<![\w-])[a-z]{2,}-(?:e|ye|ha|haye|haro)(?![\w-])")
# English's most common strings weigh this little as cues of another language, its
# commoner ones this, and strings English does not commonly write count fully.
ENGLISH_VERY_COMMON_ZIPF = 4.5
ENGLISH_SHORT_WORD_ZIPF = 6.0  # "in", "on", "me": English words, not abbreviations

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W\d_]+)?")  # letters and digits: "3ala", "B2B"
_NOISE = re.compile(r"https?://\S+|www\.\S+|@\w+|#\w+")
# A sentence ends at . ! ? (and the Arabic ؟ ۔) followed by a space or the end, or a line.
_BOUNDARY = re.compile(r"[.!?؟۔…]+(?=\s|$)|\n")
# A title's full stop ends no sentence ("Sen. Warren", "Dr. Ahmed").
_TITLES = "Mr|Mrs|Ms|Dr|Sen|Rep|Gen|Col|Lt|Prof|Gov|Pres|St|Jr|Sr"
_TITLE = re.compile(rf"(?:^|\W)(?:{_TITLES})$")  # on the few characters before a stop
_TITLE_WORD = re.compile(rf"\b(?:{_TITLES})\.")  # no evidence of any language ("Sen")
_LATIN, _ARABIC_SCRIPT, _OTHER_SCRIPT = "latin", "arabic", "other"


def _script(char: str) -> str:
    if char.isascii():
        return _LATIN
    name = unicodedata.name(char, "")
    if "LATIN" in name:
        return _LATIN
    return _ARABIC_SCRIPT if "ARABIC" in name else _OTHER_SCRIPT


@dataclass(frozen=True, slots=True)
class _Read:
    """One sentence as read: span, main script, letter and word counts, and its language
    (None while it is too short to tell by itself)."""

    start: int
    end: int
    script: str | None
    letters: int
    words: int
    language: str | None


def _spans(text: str) -> Iterator[tuple[int, int]]:
    """Sentence spans of `text` without surrounding space, at most MAX_SENTENCES."""
    start = count = 0
    ends = [
        m.end()
        for m in _BOUNDARY.finditer(text)
        if not (m.group() == "." and _TITLE.search(text[max(0, m.start() - 5) : m.start()]))
    ]
    for end in [*ends, len(text)]:
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            for span in _script_runs(text, start + lead, start + len(piece.rstrip())):
                yield span
                count += 1
                if count == MAX_SENTENCES:
                    return
        start = end


def _script_runs(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The sentence [start, end) cut where it changes script for a run of more than
    SHORT_WORDS words on each side: a Persian sentence run into an English headline with
    no stop between them ("...نشدیم..._Noam Chomsky on ...") is two sentences, each read in
    its own language, while a word or two of another script stays in its sentence."""
    piece = text[start:end]
    if piece.isascii():
        return iter(((start, end),))
    runs: list[list] = []  # [script, first word's offset, words]
    for word in _WORD.finditer(piece):
        script = _script(word.group()[0])
        if runs and runs[-1][0] == script:
            runs[-1][2] += 1
        else:
            runs.append([script, word.start(), 1])
    kept: list[list] = []
    for run in runs:  # a short run belongs to the run before it
        if kept and (run[2] <= SHORT_WORDS or kept[-1][0] == run[0]):
            kept[-1][2] += run[2]
        else:
            kept.append(run)
    if kept and kept[0][2] <= SHORT_WORDS and len(kept) > 1:  # and a short first run to the next
        kept[1][1], kept[1][2] = kept[0][1], kept[1][2] + kept[0][2]
        kept.pop(0)
    cuts = [start + run[1] for run in kept[1:]]
    bounds = [start, *cuts, end]
    spans = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        chunk = text[a:b]
        spans.append((a, a + len(chunk.rstrip(" _-–—:|/"))))
    return iter(spans)


def _evidence(scores: dict[str, float]) -> str | None:
    """The language the function-word evidence names clearly, if one."""
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    (best, top), (_, second) = ranked[0], ranked[1]
    if top >= MIN_EVIDENCE and top >= 2 * second:
        return best
    return None


def _arabizi_words(piece: str) -> set[str]:
    """The words of `piece` written with Arabizi digits (see ARABIZI_DIGITS), and its
    prepositions with a pronoun attached (ARABIZI_CLITIC)."""
    tokens = _ALNUM.findall(piece)
    clitics = {w for w in tokens if ARABIZI_CLITIC.fullmatch(w)}
    if not _DIGIT.search(piece):
        return clitics
    return clitics | {token for token in tokens if _arabizi_word(token)}


def _arabizi_word(token: str) -> bool:
    """A word of letters with single Arabizi digits among them ("3ala", "ma3", "7mar"),
    a vowel and two letters or more; not a code or a number with a unit."""
    digits = [c for c in token if c.isdigit()]
    if not digits or len(token) - len(digits) < 2 or not ARABIZI_DIGITS.issuperset(digits):
        return False
    if _DIGIT_RUN.search(token):
        return False  # "covid19", "f16": a number
    return _VOWEL.search(token) is not None and not _UNIT.fullmatch(token)


def _sorani_typed(words: list[str], folded: list[str]) -> bool:
    """Sorani typed on a Persian or Arabic keyboard, without its own letters (ە as ه, ێ
    as ی or ي): its spelling and grammar still show, and Persian's do not (_sorani_spelling,
    the article twice, its written ە, SORANI_TYPED_WORDS), with at least twice the Persian
    evidence that Sorani never writes (function words, می-) and the Arabic. Once one such
    word is there, a sentence of words neither Persian nor Arabic knows is one vote more."""
    sorani = sum(1 for w in folded if w in SORANI_TYPED_WORDS or _sorani_spelling(w))
    # The article and the compound prepositions are Sorani's grammar, not a spelling
    # Persian or Arabic might share: they count twice.
    sorani += sum(1 for w in folded if SORANI_ARTICLE.search(w) or w.startswith(SORANI_COMPOUNDS))
    letters = sum(map(len, words))
    inner_heh = sum(w[:-1].count("ه") for w in words)  # ە typed ه: Sorani's commonest vowel
    if letters >= SORANI_HEH_LETTERS and inner_heh >= SORANI_HEH_SHARE * letters:
        sorani += 1
    sorani += sum(1 for w in folded if _sorani_vowel(w))
    if not sorani:
        return False  # the vocabulary votes below confirm Sorani, they do not start it
    known = [_common_persian_or_arabic(w) for w in folded if len(w) >= 2]
    unknown = known.count(False)
    if unknown >= SORANI_UNKNOWN_WORDS and unknown >= SORANI_UNKNOWN_SHARE * len(known):
        sorani += 1
    persian = sum(1 for w in folded if w in PERSIAN_WORDS and w not in SHARED_WITH_SORANI)
    persian += sum(1 for w in folded if w.startswith("می") and len(w) > 3)
    arabic = sum(1 for w in folded if w in ARABIC_WORDS)
    arabic += sum(1 for w in words if _has(w, ARABIC_LETTERS) or w.startswith("ال"))
    if "له" in folded and not arabic and len(words) >= SORANI_LE_WORDS:
        sorani += 1
    enough = sorani >= MIN_EVIDENCE and sorani * 5 >= len(words)
    return enough and sorani >= 2 * max(persian, arabic)


def _sorani_spelling(word: str) -> bool:
    return (
        word.startswith("ئ")
        or "وو" in word
        or (word.startswith("هه") and set(word) != {"ه"})
        or SORANI_ARTICLE.search(word) is not None
        or word.startswith(SORANI_COMPOUNDS)
        or (len(word) >= 5 and word.startswith("ده"))
        or (len(word) >= 6 and word.endswith("هوه"))
    )


def _sorani_vowel(word: str) -> bool:
    """Sorani's written ە where Persian writes no vowel ("تهنها" for "تنها"): see
    COMMON_ZIPF. `word` is folded to Persian ی ک."""
    if len(word) < 3 or "ه" not in word[1:-1] or _common_persian_or_arabic(word):
        return False
    persian = _frequencies("fa")
    floor = 10 ** (COMMON_ZIPF + 0.5 - 9)  # the word without ه: a commoner Persian word
    inner = [i for i in range(1, len(word) - 1) if word[i] == "ه"]
    return any(persian.get(word[:i] + word[i + 1 :], 0.0) >= floor for i in inner)


_TO_ARABIC = str.maketrans("یک", "يك")


@lru_cache(maxsize=65_536)
def _common_persian_or_arabic(word: str) -> bool:
    """A common Persian word (`word` folded to ی ک) or a common Arabic one (with ي ك)."""
    floor = 10 ** (COMMON_ZIPF - 9)
    if _frequencies("fa").get(word, 0.0) >= floor:
        return True
    return _frequencies("ar").get(word.translate(_TO_ARABIC), 0.0) >= floor


@cache
def _frequencies(language: str) -> dict[str, float]:
    """wordfreq's small list for `language` (some 30,000 to 60,000 words, 20 ms to load),
    read when a sentence first needs it."""
    return get_frequency_dict(language, wordlist="small")


def _words(piece: str, script: str | None) -> list[str]:
    """The words of a sentence; in a Latin one, a word with Arabizi digits is one word
    ("7ada", not "ada", which English writes): codes and numbers split as before."""
    if script != _LATIN or not _DIGIT.search(piece):
        return _WORD.findall(piece)
    words = []
    for token in _TOKEN.findall(piece):
        if token.islower() and _arabizi_word(token):
            words.append(token)
        else:
            words.extend(_WORD.findall(token))
    return words


def _has(word: str, letters: frozenset[str]) -> bool:
    return not letters.isdisjoint(word)


class LanguageDetector:
    """Sentence and comment languages; built once per process.

    Lingua loads a language's models when a sentence first needs them: most English
    comments are told by their function words and never do, so a command or a test
    process that judges a few comments does not pay 1.8 s of CPU to load them all.
    `preload()` loads them up front; the server (service/server.py) calls it before it
    forks its workers, so that they share one copy and no request waits for a load.
    """

    def __init__(self) -> None:
        self._latin = _build(LATIN_LINGUA)
        self._arabic = _build(ARABIC_LINGUA, low_accuracy=True)
        get_frequency_dict("en")  # loaded now, not on the first comment

    def preload(self) -> None:
        """Load every language model and word list now (before a fork), instead of on
        first use."""
        self._latin = _build(LATIN_LINGUA, preload=True)
        self._arabic = _build(ARABIC_LINGUA, low_accuracy=True, preload=True)
        _frequencies("fa"), _frequencies("ar")  # Sorani typed without its letters
        _kurmanji_plain_words(), _european_verb_lookalikes()  # Kurmanji without its letters

    def detect(self, text: str) -> Detection:
        """The languages of the text's sentences and of the whole (see the module)."""
        clean = _NOISE.sub(lambda m: " " * len(m.group()), text[:MAX_DETECT_CHARS])
        read = [self._read(clean, start, end) for start, end in _spans(clean)]
        read = _fill_short(read, clean, self)
        sentences = tuple(
            Sentence(r.start, r.end, r.language or UNDETERMINED, _writing(r)) for r in read
        )
        shares: dict[str, int] = {}
        for r in read:
            if r.language and r.language != UNDETERMINED:
                shares[r.language] = shares.get(r.language, 0) + r.letters
        if not shares:
            return Detection(UNDETERMINED, (), sentences)
        order = {code: i for i, code in enumerate(shares)}  # ties: the earlier first
        languages = tuple(sorted(shares, key=lambda c: (-shares[c], order[c])))
        return Detection(languages[0], languages, sentences)

    def _read(self, text: str, start: int, end: int) -> _Read:
        # NFKC reads styled letters (𝓒𝓮𝓭𝓻𝓪𝓷) and Arabic presentation forms as letters.
        piece = unicodedata.normalize("NFKC", text[start:end])
        counts = {_LATIN: 0, _ARABIC_SCRIPT: 0, _OTHER_SCRIPT: 0}
        if piece.isascii():  # most comments: every letter Latin
            counts[_LATIN] = sum(map(str.isalpha, piece))
        else:
            for c in piece:
                if c.isalpha():
                    counts[_script(c)] += 1
        letters = sum(counts.values())
        if letters == 0:
            return _Read(start, end, None, 0, 0, UNDETERMINED)
        script = max(counts, key=counts.__getitem__)
        words = _words(_TITLE_WORD.sub(" ", piece), script)
        language = None if len(words) <= SHORT_WORDS else self.language_of(piece, script, words)
        return _Read(start, end, script, letters, len(words), language)

    def language_of(self, piece: str, script: str, words: list[str], alone=False) -> str | None:
        """The language of one sentence (or of a run of short ones) in its main script;
        None for a short Latin sentence with no evidence, unless it stands `alone`."""
        if script == _ARABIC_SCRIPT:
            return self._arabic_script(piece, words)
        if script == _LATIN:
            return self._latin_script(piece, words, alone)
        return OTHER

    def _arabic_script(self, piece: str, words: list[str]) -> str:
        sorani = sum(1 for w in words if _has(w, SORANI_LETTERS))
        if sorani >= 2 or sorani * 5 >= len(words):
            return SORANI
        folded = [w.translate(_ARABIC_FOLD) for w in words]
        if _sorani_typed(words, folded):
            return SORANI
        persian = sum(w in PERSIAN_WORDS for w in folded)
        persian += sum(1 for w in words if _has(w, PERSIAN_LETTERS) or w.startswith("می"))
        persian += piece.count(ZWNJ) + sum(1 for w in words if "ی" in w or "ک" in w) / 2
        arabic = sum(w in ARABIC_WORDS for w in folded)
        arabic += sum(1 for w in words if _has(w, ARABIC_LETTERS))
        arabic += sum(1 for w in words if w.startswith("ال") and len(w) > 3) / 2
        decided = _evidence({PERSIAN: persian, ARABIC: arabic})
        return decided or self._lingua(self._arabic, piece) or OTHER

    def _latin_script(self, piece: str, words: list[str], alone: bool) -> str | None:
        # Title-case words after the first are mostly names (Ben Carson, Kim, Kirkuk): they
        # are no evidence of any language.
        lower = [
            w.lower().replace("’", "'") for i, w in enumerate(words) if i == 0 or not w.istitle()
        ]
        # Distinct words: "tu ... tu" in a French sentence is one Kurmanji-looking word.
        distinct = set(lower)
        english = len(distinct & ENGLISH_WORDS)
        kurmanji = len(distinct & KURMANJI_WORDS)
        turkish = len(distinct & TURKISH_WORDS)
        if not piece.isascii():  # their own letters, one vote per word
            kurmanji += sum(1 for w in distinct - KURMANJI_WORDS if _has(w, KURMANJI_LETTERS))
            turkish += sum(1 for w in distinct - TURKISH_WORDS if _has(w, TURKISH_LETTERS))
        cues = _latin_typed_cues(piece, distinct)
        # Kurmanji typed without its letters: words written in small letters (a name opens
        # "Nanette Lepore") that are no Arabizi or Finglish evidence ("nemishe" is a
        # Persian verb); verbs not beside such evidence ("neveshtin" beside "chie").
        typed = {w for w in words if w.islower()} - KURMANJI_WORDS - cues[ARABIC] - cues[PERSIAN]
        typed = {w for w in typed if not _has(w, KURMANJI_LETTERS)}  # counted above
        verbs = not (_strong(cues[ARABIC]) or _strong(cues[PERSIAN]))
        kurmanji += sum(1 for w in typed if _kurmanji_plain(w, verbs))
        if kurmanji and len(words) > 1 and words[-1].lower() in KURMANJI_FINAL:
            kurmanji += 1  # the copula closing a sentence with Kurmanji words already
        other = len(distinct & OTHER_WORDS)
        if cues[ARABIC]:  # "el", "la" are Arabizi's article and 'no' as much as Spanish
            other -= len(distinct & ARABIZI_SHARED)
        if _strong(cues[PERSIAN] - FINGLISH_SHARED):
            kurmanji -= len(distinct & FINGLISH_SHARED & KURMANJI_WORDS)
        scores = {ENGLISH: english, KURMANJI: kurmanji, TURKISH: turkish, OTHER: other}
        scores |= {code: sum(map(_english_weight, cues[code])) for code in (ARABIC, PERSIAN)}
        # Every word a common English one ("Anyway, good article"): English-looking.
        english_like = bool(lower) and all(map(_common_english, lower))
        if not (alone or english_like or any(scores.values())) and len(words) < ENGLISH_MIN_WORDS:
            return None  # "Oh boo hoo": nothing to tell by; the neighbours decide
        # An English-looking sentence is English unless another language has more words:
        # Arabizi's and Finglish's count here only when English does not write them, and
        # beside such a word their cues that English writes too ("to", "do") count for
        # neither language.
        foreign = scores | {code: _strong(cues[code]) for code in (ARABIC, PERSIAN)}
        shared = frozenset().union(*(cues[c] for c in (ARABIC, PERSIAN) if foreign[c]))
        own_english = english - len(distinct & ENGLISH_WORDS & shared)
        if _looks_english(words, lower, shared) and own_english >= max(foreign.values()):
            return ENGLISH
        decided = _evidence(scores) or _latin_typed(scores, cues, lower)
        if decided:
            return decided
        # Lingua reads ê î û as French: Kurmanji letters with a lead decide before it.
        kurmanji_letters = any(_has(w, KURMANJI_LETTERS) for w in distinct)
        if kurmanji_letters and kurmanji > max(english, turkish, other):
            return KURMANJI
        best = self._latin.compute_language_confidence_values(piece)[0]
        if best.language == Language.ENGLISH:
            return ENGLISH
        if english >= max(kurmanji, turkish, other):
            if best.value < MIN_FOREIGN_CONFIDENCE or english_like:
                return ENGLISH  # too unsure to withhold an English-looking sentence
        if turkish > max(english, kurmanji, other):
            return TURKISH
        # Lingua's Turkish is trusted without a listed Turkish word: Turkish typed without
        # its letters has none ("sinirda bekleyenler perisan"), and Albanian or Polish,
        # which Lingua also calls Turkish, go to review as Turkish as they would as other.
        return _LINGUA_CODES.get(best.language, OTHER)

    @staticmethod
    def _lingua(detector, piece: str) -> str | None:
        best = detector.detect_language_of(piece)
        return _LINGUA_CODES.get(best) if best else None


def _latin_typed_cues(piece: str, distinct: set[str]) -> dict[str, set[str]]:
    """The words of a Latin sentence that are Arabizi's and Finglish's evidence: listed
    words, words with Arabizi digits, Persian verbs and the hyphened ezafe and plural."""
    arabizi = (distinct & ARABIZI_WORDS) | _arabizi_words(piece)
    finglish = distinct & FINGLISH_WORDS
    finglish |= {w for w in distinct - finglish - ENGLISH_WORDS if _finglish_verb(w)}
    if "-" in piece:
        finglish |= set(_FINGLISH_HYPHEN.findall(piece.lower()))
    return {ARABIC: arabizi, PERSIAN: finglish - arabizi}


def _strong(cues: set[str]) -> int:
    """The cue words that English does not commonly write (_english_weight 1)."""
    return sum(1 for w in cues if _english_weight(w) == 1.0)


def _latin_typed(
    scores: dict[str, float], cues: dict[str, set[str]], lower: list[str]
) -> str | None:
    """Arabic or Persian typed in Latin letters, when its evidence leads (twice any other
    language's) in a sentence whose words are mostly not English: Lingua, which knows
    neither, would name the nearest Latin language. The evidence is one word English does
    not commonly write, or two or more that it does, weighing LATIN_TYPED_MIN_WEIGHT
    together ("to key miay?" by "miay", "in akhbar ro key" by three; "in the bar, man" is
    no Persian). A word that is both the language's cue and an English function
    word ("to", "in") is evidence of neither against the other."""
    best = max((ARABIC, PERSIAN), key=scores.__getitem__)
    top, own = scores[best], cues[best]
    if not (_strong(own) or (len(own) >= 2 and top >= LATIN_TYPED_MIN_WEIGHT)):
        return None
    rivals = scores | {ENGLISH: len((set(lower) & ENGLISH_WORDS) - own)}
    if any(2 * v > top for code, v in rivals.items() if code != best):
        return None
    # English's very commonest words count whole, its merely common ones ("dar", "kar",
    # zipf 3 to 4.5) half: they are as likely another language's strings.
    english = sum(
        0.5 if _english_weight(w) == 0.5 else 1
        for w in lower
        if w not in own and _common_english(w)
    )
    return best if english < LATIN_TYPED_ENGLISH_SHARE * len(lower) else None


@cache
def _kurmanji_plain_words() -> frozenset[str]:
    """KURMANJI_WORDS and KURMANJI_COMMON as typed without their letters, less the forms
    that are words of English or Turkish (see KURMANJI_COMMON)."""
    words = KURMANJI_COMMON | {w.translate(_PLAIN) for w in KURMANJI_WORDS | KURMANJI_COMMON}
    return frozenset(w for w in words if not _english_or_turkish(w))


@cache
def _turkish_plain() -> frozenset[str]:
    """wordfreq's Turkish words, folded as typed without ç ğ ı ö ş ü."""
    buckets = get_frequency_list.__wrapped__("tr", "best")  # not kept in wordfreq's cache
    return frozenset(w.translate(_TURKISH_PLAIN) for bucket in buckets for w in bucket)


def _english_or_turkish(word: str) -> bool:
    plain = word.translate(_PLAIN)
    return (
        _common_english(plain)
        or plain in ENGLISH_WORDS
        or plain in TURKISH_WORDS
        or plain in OTHER_WORDS
        or plain in _turkish_plain()
    )


@cache
def _european_verb_lookalikes() -> frozenset[str]:
    """Words of the European languages readers also write that the Kurmanji verb form
    matches ("diese", "direte", "diversi"), from wordfreq's small lists."""
    # read past wordfreq's cache (functools' __wrapped__), which would keep every list
    lists = (get_frequency_list.__wrapped__(language, "small") for language in EUROPEAN_WORDLISTS)
    return frozenset(
        w for buckets in lists for bucket in buckets for w in bucket if _KURMANJI_VERB.fullmatch(w)
    )


@lru_cache(maxsize=65_536)
def _kurmanji_plain(word: str, verbs: bool = True) -> bool:
    """A Kurmanji word typed without its letters, or (with `verbs`) a Kurmanji verb
    ("dixwazim", "nizanim"), that English, Turkish and the European languages do not
    write (KURMANJI_COMMON)."""
    if word in _kurmanji_plain_words():
        return True
    return (
        verbs
        and bool(_KURMANJI_VERB.fullmatch(word))
        and not _english_or_turkish(word)
        and word not in _european_verb_lookalikes()
    )


@lru_cache(maxsize=65_536)
def _finglish_verb(word: str) -> bool:
    """A Persian verb typed in Latin letters ("mikonam", "nemidunam", "nakone",
    "nadidam") or a word with its possessive or superlative suffix ("harfashun",
    "behtarin"), not an English word."""
    if word in ARABIZI_WORDS or _common_english(word):
        return False
    patterns = (_FINGLISH_VERB, _FINGLISH_STEM_VERB, _FINGLISH_PAST, _FINGLISH_SUFFIX)
    return any(p.fullmatch(word) for p in patterns)


@lru_cache(maxsize=65_536)
def _english_weight(word: str) -> float:
    """How much a cue word of Arabizi or Finglish counts: fully when English does not
    commonly write the string, half when it does ("ham", "shu", "mesh"), a quarter for its
    commonest strings and function words ("in", "to", "man", "age")."""
    if word in ENGLISH_WORDS:
        return 0.25
    frequency = get_frequency_dict("en").get(word, 0.0)
    # wordfreq counts strings of one or two letters of every language as English
    # abbreviations ("w", "fi", "ya"): half, as English's commoner strings, unless they are
    # among English's very commonest words ("in", "on").
    if len(word) <= 2 and frequency < 10 ** (ENGLISH_SHORT_WORD_ZIPF - 9):
        return 0.5
    if frequency >= 10 ** (ENGLISH_VERY_COMMON_ZIPF - 9):
        return 0.25
    return 0.5 if frequency >= 10 ** (ENGLISH_WORD_ZIPF - 9) else 1.0


def _looks_english(
    words: list[str], lower: list[str], shared: frozenset[str] = frozenset()
) -> bool:
    """Five words or more, most of them (`lower`: names left out) common English words;
    those `shared` with a language that has a word English does not write (the Finglish
    "man", "to", "bar" beside "mikonam") count half."""
    if len(words) < ENGLISH_MIN_WORDS or not lower:
        return False
    english = sum(0.5 if w in shared else 1 for w in lower if _common_english(w))
    return english >= ENGLISH_MIN_SHARE * len(lower)


@lru_cache(maxsize=65_536)
def _common_english(word: str) -> bool:
    """A function word, or a word of three letters or more that English uses commonly
    (wordfreq counts two-letter strings of every language as English abbreviations)."""
    if word in ENGLISH_WORDS:
        return True
    # The frequency table itself: zipf_frequency() tokenises each word first, at ~100 µs.
    frequency = get_frequency_dict("en").get(word, 0.0)
    return len(word) >= 3 and frequency >= 10 ** (ENGLISH_WORD_ZIPF - 9)


def _writing(r: _Read) -> str:
    """ "latin" for Arabic or Persian read in a Latin sentence (Arabizi, Finglish)."""
    return "latin" if r.script == _LATIN and r.language in (ARABIC, PERSIAN) else ""


def latin_typed(detection: Detection, language: str = ARABIC) -> tuple[tuple[int, int], ...]:
    """The spans of the sentences of `language` typed in Latin letters (default Arabizi)."""
    return tuple(
        (s.start, s.end)
        for s in detection.sentences
        if s.language == language and s.writing == "latin"
    )


def _fill_short(read: list[_Read], text: str, detector: LanguageDetector) -> list[_Read]:
    """Short sentences take the language of the nearest neighbour in the same script, the
    one before first; with none, all short sentences of a script are read together."""
    out = list(read)
    for i, r in enumerate(read):
        if r.language is not None:
            continue
        before = (x for x in reversed(read[:i]) if x.script == r.script and x.language)
        after = (x for x in read[i + 1 :] if x.script == r.script and x.language)
        neighbour = next(before, None) or next(after, None)
        if neighbour is not None:
            out[i] = _replace(r, neighbour.language)
    for script in {r.script for r in out if r.language is None}:
        alone = [i for i, r in enumerate(out) if r.language is None and r.script == script]
        joined = " ".join(text[out[i].start : out[i].end] for i in alone)
        joined = unicodedata.normalize("NFKC", joined)
        language = detector.language_of(joined, script, _words(joined, script), alone=True)
        for i in alone:
            out[i] = _replace(out[i], language)
    return out


def _replace(r: _Read, language: str | None) -> _Read:
    return _Read(r.start, r.end, r.script, r.letters, r.words, language)


def _build(languages: tuple[Language, ...], low_accuracy: bool = False, preload: bool = False):
    builder = LanguageDetectorBuilder.from_languages(*languages)
    if low_accuracy:
        builder = builder.with_low_accuracy_mode()
    if preload:
        builder = builder.with_preloaded_language_models()
    return builder.build()
