"""The language detector's development table: the rows its mechanisms are worked out on.

tests/language_table.py is the team's check and is not tuned on; this table is where the
detector's rules are tried. Written fresh for it (not from any data set): news comments on
the region's topics (ceasefire, elections, prices, water, football, weather, the Kurdistan
Region, refugees, exams) in the writings the check finds hardest, beside the rows they are
confused with:

- Arabizi: Arabic in Latin letters, Levantine, Iraqi, Gulf and Egyptian spellings, most with
  digits for letters (3 = ع, 7 = ح, 5 = خ, 2 = ء, 6 = ط, 9 = ق), some without any;
- Finglish: Persian in Latin letters, with the words it shares with English ("in", "to",
  "man", "do", "bar", "key", "ham", "age");
- Sorani typed on a Persian or an Arabic keyboard (derived from native rows, as readers
  type them: ە ێ ۆ ڕ ڵ ڤ as ه ی و ر ل و, and on the Arabic keyboard ی ک as ي ك), against
  Persian (some typed with Arabic ي ك) and Arabic (some in dialect, some with ههه);
- English, short, sharing strings with Arabizi and Finglish ("man", "key", "shu", "mesh",
  "ham", "alan", "hala"), which must stay English.

python -m tests.language_dev_table [--misses]
"""

from __future__ import annotations

import sys

from tests.language_table import typed_on_keyboards

CKB = (
    "ئاگربەستەکە لە باشووری لوبنان هێشتا نەشکاوە.",
    "نرخی گۆشت لە بازاڕی هەولێر دوو هێندە بووە.",
    "ئاو لە گەڕەکەکەمان سێ ڕۆژە نەهاتووە.",
    "یانەی دهۆک یاریەکەی بە سێ گۆڵ دۆڕاند.",
    "سبەی باران دەبارێت و پلەی گەرما دادەبەزێت.",
    "ئاوارەکانی شنگال هێشتا لە کەمپەکاندا دەژین.",
    "تاقیکردنەوەکانی پۆلی دوازدە زۆر قورس بوون.",
    "هەڵبژاردنی پەرلەمانی کوردستان دواخرا.",
    "من بڕوام بەم هەواڵە نییە.",
    "بۆچی حکومەت مووچەی مامۆستایان نادات؟",
    "ئەوان دەڵێن نرخی بەنزین کەم دەبێتەوە.",
    "خەڵکی ناوچەکە داوای ئاوی خواردنەوە دەکەن.",
    "ئەم یاریزانە دەبێت بچێتە هەڵبژاردەی نیشتمانی.",
    "کارەبای نیشتمانی ڕۆژانە تەنها شەش کاتژمێر دێت.",
    "لە سنووری ئێران چەند کۆڵبەرێک کوژران.",
    "ئێمەش دەمانەوێت منداڵەکانمان لە قوتابخانەی باش بخوێنن.",
    "ئەمساڵ بەفر لە چیاکانی پێنجوێن زۆر باری.",
    "ڕاپۆرتەکەتان زۆر ورد بوو، سوپاس.",
    "پارتی و یەکێتی دەبێت لەسەر بودجە ڕێک بکەون.",
    "ئاوارە سووریەکان لە کەمپی دۆمیز ژیانیان سەختە.",
    "نرخی دۆلار لە بازاڕی سلێمانی دابەزی.",
    "خولی یەکەمی تاقیکردنەوەکان هەفتەی داهاتوو دەست پێدەکات.",
    "هیچ کەس بەرپرسیارێتی ئەم کارەساتە ناگرێتە ئەستۆ.",
    "ئایا ئاگربەستەکە تا کۆتایی مانگ بەردەوام دەبێت؟",
    "بەنداوی دوکان ئاوی کەم بووەتەوە.",
    "گەنجانی کوردستان کاریان دەوێت نەک بەڵێن.",
    "هەموو ساڵێک هەمان قسە دەکەن و هیچ ناگۆڕێت.",
    "وەزیری پەروەردە دەڵێت تاقیکردنەوەکان دوا ناخرێن.",
    "ئەو فیلمە باسی ئەنفال دەکات.",
    "تیمی نیشتمانی عێراق یاریەکەی بردەوە.",
    "پاسەکانی نێوان شارەکان زۆر گران بوون.",
    "کەشوهەوا ئەمڕۆ گەرمە و تۆز هەیە.",
    "پێویستە پۆلیس ڕێگری لە قاچاخچییەکان بکات.",
    "من لە کەرکووک لەدایک بووم و لەوێ گەورە بووم.",
    "نەخۆشخانەی منداڵان پێویستی بە دکتۆری زیاتر هەیە.",
    "ئەم وتارە ڕاستییەکانی شاردۆتەوە.",
    "هاوینی ئەمساڵ پلەی گەرما گەیشتە پەنجا.",
    "بازرگانەکان نرخی شەکر و برنجیان بەرز کردەوە.",
    "دەنگدان لە هەندێک بنکە تا شەو درێژەی کێشا.",
    "بۆ ئاوارەکان خانووی نوێ دروست دەکرێت.",
    "کێ بەرپرسی بڕینی ئاوی ڕووبارەکەیە؟",
    "ئەو هەواڵەی دوێنێ هەڵە بوو.",
    "قوتابیان داوای دواخستنی تاقیکردنەوە دەکەن.",
    "زۆر باشە، هیوادارم بەردەوام بن.",
    "ئەمە یەکەم جارە ئاگربەست ڕابگەیەنرێت.",
    "لە هەرێمی کوردستان خەڵک نیگەرانی داهاتوون.",
    "حکومەت بەڵێنی دا بەڵام هیچی نەکرد.",
    "نرخی ئاو و کارەبا زۆر گران بووە.",
    "مامۆستاکان مانیان گرتووە چونکە مووچەیان نییە.",
    "ئەمڕۆ پێشبینی کەشناسی دەڵێت تۆفان دێت.",
    # short ones
    "زۆر سوپاس بۆ ڕاپۆرتەکە.",
    "ئەمە درۆیە.",
    "کەی دەگەنەوە؟",
    "من لەگەڵتانم.",
    "هیوادارم ئاشتی بێت.",
    "ئەم یاسایە باش نییە.",
    "خەڵک زۆر هەژارن.",
    "نرخەکان بەرزن.",
    "سبەی دەچم بۆ بازاڕ.",
    "حکومەت درۆ دەکات.",
    "تیمەکەمان باش یاری کرد.",
    "کارەبا دەبڕێت.",
    "پێشمەرگە قارەمانن.",
    "کوردستان جوانە و خەڵکەکەی میواندۆستن.",
    "قوتابیان بێزار بوون لە تاقیکردنەوە.",
    "سەرۆکی حکومەت گەیشتە بەغدا.",
    "پێویستمان بە ئاشتییە.",
)

FA = (
    "آتش بس در غزه هنوز برقرار نشده است.",
    "قیمت نان دوباره بالا رفت و مردم نگران هستند.",
    "چرا هیچ کس به فکر کم آبی نیست؟",
    "انتخابات امسال با مشارکت کم برگزار شد.",
    "تیم ملی دیشب خیلی خوب بازی کرد.",
    "هوای تهران امروز خیلی آلوده است.",
    "پناهندگان افغان در مرز مانده‌اند.",
    "کنکور امسال سخت‌تر از پارسال بود.",
    "این خبر درست نیست و منبع ندارد.",
    "دولت باید فکری برای گرانی بکند.",
    "من از سنندج هستم و اینجا آب کم است.",
    "بارش برف راه‌های کردستان را بست.",
    "قیمت دلار در بازار آزاد کاهش یافت.",
    "مردم از وعده‌های تکراری خسته شده‌اند.",
    "کی حقوق معلمان پرداخت می‌شود؟",
    "ممنون از گزارش خوبتان.",
    "استقلال دوباره باخت و هواداران عصبانی هستند.",
    "برق هر روز قطع می‌شود.",
    "سد کرج تقریبا خالی شده است.",
    "همه منتظر نتیجه مذاکرات هستند.",
    "روستاییان به دولت اعتماد ندارند و رای نمی‌دهند.",
    "دهکده‌های مرزی هنوز آب لوله کشی ندارند.",
    "او گفت که همه چیز درست می‌شود.",
    "هفته گذشته سیل آمد و خانه‌ها را خراب کرد.",
    "دانشجویان به نتیجه امتحانات اعتراض دارند.",
    "هوا سرد شده و گاز خانه‌ها قطع است.",
    # typed on an Arabic keyboard: ي ك, no half-space
    "قيمت بنزين دوباره بالا رفت.",
    "اين دولت فقط حرف ميزند.",
    "من فكر ميكنم انتخابات سالم نبود.",
    "چرا كسي از آوارگان سوال نميكند؟",
    "هوا خيلي گرم است و برق نيست.",
    "ما همه منتظر آتش بس هستيم.",
    "اين بازي را نديدم، كي برد؟",
    "امتحانات نهايي هفته بعد شروع ميشود.",
    "كردستان عراق از ما امن تر است.",
    "آب شهر ما سه روز است قطع شده.",
)

AR = (
    "وقف إطلاق النار في الجنوب ما زال هشا.",
    "ارتفعت أسعار الخبز مرة أخرى هذا الشهر.",
    "لماذا لا تدفع الحكومة رواتب الموظفين؟",
    "الانتخابات القادمة يجب أن تكون نزيهة.",
    "فاز المنتخب العراقي على إيران بهدفين.",
    "درجة الحرارة في البصرة وصلت إلى خمسين.",
    "اللاجئون في المخيمات يحتاجون إلى الماء والدواء.",
    "امتحانات البكالوريا كانت صعبة جدا.",
    "هذا الخبر غير صحيح ولا مصدر له.",
    "شكرا على التقرير المفيد.",
    "نهر دجلة يجف والفلاحون قلقون.",
    "إقليم كوردستان يعاني من أزمة رواتب.",
    "متى سيعود التيار الكهربائي؟",
    "الله يحمي أهلنا في غزة.",
    "الأمطار الغزيرة أغلقت الطرق في أربيل.",
    "الحكومة وعدت ولم تفعل شيئا.",
    "كل سنة نفس الكلام.",
    "النادي خسر المباراة بسبب الحكم.",
    "مبروك للفريق الفوز المستحق.",
    "الهدنة لازم تستمر حتى نهاية الشهر.",
    "هو قال له إن الماء مقطوع من يومين.",
    "ما عنده شغل ولا بيت.",
    # dialect
    "شلون الوضع بالموصل هسه؟",
    "والله الأسعار صارت نار وماكو شغل.",
    "ليش الكهرباء تنقطع كل يوم؟",
    "شو عم يصير بالهدنة؟",
    "بدي أعرف مين المسؤول عن هالمصيبة.",
    "هاي مو أول مرة ينقطع الماي.",
    "ههههه والله كلامك صحيح.",
    "الناس تعبانة من الغلاء والبطالة.",
)

EN = (
    "The man in the bar is right about prices.",
    "Key ministers met in Erbil today.",
    "Do we have any water tonight?",
    "Age is no bar to voting here.",
    "Man, the prices are crazy this month.",
    "Ham and bread cost double now.",
    "Bar owners protest the new tax.",
    "Do or die for the national team.",
    "In Erbil it rained all day.",
    "To be fair, the exams were hard.",
    "Alan Shearer was a great striker.",
    "Mesh bags for the refugees arrived late.",
    "Ham radio operators helped after the quake.",
    "Man of the match goes to the keeper.",
    "Key to the city for the goalkeeper.",
    "Age of the voters matters in this race.",
    "In the end, prices rose again.",
    "Ana is right about the ceasefire.",
    "Hala Madrid, what a final!",
    "Ya know, nothing changes with these politicians.",
    "Mage Tower raid was fun last night.",
    "Ha, as if they will listen.",
    "Shu Qi starred in that old film.",
    "Mish mash of policies again from the ministry.",
    "Kash and carry shops raised prices.",
    "Ok man, thanks for the update.",
    "Bar none, the worst referee this season.",
    "Do the refugees have tents yet?",
    "Man oh man, what a goal.",
    "Leh is flooded after the storms.",
    "Va va voom, what a strike.",
    "Hast thou no shame, minister?",
    "The key question is who pays for the dam.",
    "Vote them all out in May.",
    "Age gates on news sites are useless.",
    "Hiya, any news on the exam dates?",
    "Dam levels in Mosul are dropping fast.",
    "Ha ha, nice try by the government.",
    "Man to man marking failed again.",
    "In key games the keeper saved us.",
    "Do the ministers even read this?",
    "Age and experience won the final.",
    "The bar was set too low by the government.",
    "To me, the ceasefire looks fragile.",
    "Bad news for the farmers again.",
    "Ki Sung-yueng played well in midfield.",
    "Do any of you know if the border is open?",
    "In my town the water is cut daily.",
    "Ham sandwiches and tea for the refugees.",
    "Key ring seller in the bazaar, great guy.",
    "Man, this referee is blind.",
    "Bar the ads, a decent website.",
    "Age limits for candidates make sense.",
    # short ones
    "Thanks for this.",
    "So sad.",
    "Well done, guys.",
    "Key point.",
    "Pray for peace.",
)

# Arabic typed in Latin letters: Levantine, Iraqi, Gulf and Egyptian spellings.
AR_LATIN = (
    # Levantine
    "wallah el as3ar sarat ktir ghalye",
    "shu 3am ysir bel hodne? ma 7ada fahman shi",
    "ya3ni ba3d kel hal2ad ma fi kahraba",
    "leh ma 7ada 3am yi7ki 3an el may?",
    "inshallah el intikhabat tkoun nazihe hal marra",
    "el lajiin 3ayshin bel khiam w ma 7ada sa2el",
    "mnih enno katabto 3an hal mawdou3",
    "el nadi 5eser mbere7, kan la3ib ktir 3atel",
    "bukra fi shiti w bard ktir 3al jbel",
    "ma ba3ref leh el dawle sakte",
    # Iraqi
    "shlon el wade3 bel Kurdistan hassa?",
    "aku ma7shoud bel sha3ra w mako kahraba",
    "wallah el mai ingita3 min yomein",
    "el imti7anat hal sana kolesh sa3ba",
    "shaku maku bel intikhabat? minu faz?",
    "ra7 yseer ittifaq lo la?",
    "el as3ar bel souq kolesh 3alya",
    "zain sawwa el muntakhab, fazna 3ala Iran",
    "lesh el 7ukuma ma tdfa3 el rawatib?",
    "el jaw 7aar w 3ajaj hal yom",
    # Gulf
    "wallah el 7arr ma yin7imil el yom",
    "shino el salfa? ma fahamt el khabar",
    "3ala tool yqoloon el as3ar bitnzil w ma tnzil",
    "el hilal fa2 3ala el nasr, mubarak",
    "ya 7ayf 3al nas elli bel mukhayamat",
    "insha2allah yseer salam bel mantiqa",
    "wayed zain el taqreer, mashkoorin",
    "ma adri lesh el benzeen ghali kitha",
    "el matar ams kan wayed",
    "7asbi allah 3ala elli sabab el 7arb",
    # Egyptian
    "el as3ar ba2et na2r, mesh 3arfin n3eesh",
    "leh mafish may fel 7ay da?",
    "el ahly kesb el zamalek 2-0, mabrook",
    "mesh fahem leh el hodna mesh ma3mool beha",
    "el emte7anat el sana di sa3ba awi",
    "kol sana nafs el kalam w mafish 7aga bt2ayyar",
    "el gaw har awi el naharda",
    "ana mesh hantekheb 7ad, kolohom zay ba3d",
    "el lage2een mesh la2yeen akl",
    "3ayzeen ne3raf el 7a2ee2a",
    "ana bas bedi a3raf meen el mas2ool",
    "el nas ta3bana men el ghala",
    "kel yom nafs el 2esse, ma fi shi byetghayar",
    "3anjad el mobarah kanet ra2e3a",
    "el ta2s bokra mshamas w 7ar",
    "el 2akrad 3endon 7a2 bel intikhabat",
    "ana ma ba3ref shu y2oulo 3an el hodne",
    "el jame3a sakra w el tollab bel share3",
    "ma3 el asaf el mayye ma2tou3a mn jem3a",
    "el 7ukooma btesra2 w el sha3b byedfa3",
    # without digits, or nearly
    "yalla inshallah khair",
    "habibi wallah kalam sahih bas mafi had yesma",
    "shu hal akhbar, kteer hazeen",
    "mish ma32ool, kel yom ghala",
    "akeed el intikhabat mazboota",
    "mashallah 3alekom, taqreer momtaz",
    "leh kida ya gama3a",
    "wallah mafi kahraba el yom",
)

# Persian typed in Latin letters (Finglish), many of its words English strings too.
FA_LATIN = (
    "kheili mamnoon baraye in gozaresh",
    "chera hich kas be fekre mardom nist?",
    "gheymat-e nun dobare bala rafte, dige nemishe zendegi kard",
    "vali in atash bas hanuz rasmi nashode",
    "man fekr mikonam entekhabat dorost bargozar nemishe",
    "ab too Tehran ham kam shode, bayad sarfejuyi konim",
    "tim-e melli khoob bazi kard vali bakht",
    "in khabar dorost nist, manbaesh kojast?",
    "hava emruz kheili garme, 45 daraje",
    "panahandeha too marz moundan va kasi behesh komak nemikone",
    "konkur emsal kheili sakht bud",
    "age dolat kari nakone mardom mian tu khiaboon",
    "mage to nemidooni gheymat-e dollar chande?",
    "ham dolat ham majles moghaseran",
    "bayad ghabl az entekhabat monazere bashe",
    "khoob neveshti, dastet dard nakone",
    "man ham mikham beram Erbil baraye kar",
    "Kordestan-e Aragh az ma amn tare",
    "in bazi ro nadidam, ki borde?",
    "chera bargh har rooz mire?",
    "to ham mesle man fekr mikoni?",
    "mishe lotfan manba ro benevisid?",
    "vaghean in ghadr gerooni ghabel-e tahamol nist",
    "bache ha emtehan daran va bargh nist",
    "barf too Tabriz hame ja ro basteh",
    "ma hame montazer-e atash bas hastim",
    "in dolat faghat harf mizane",
    "az in gozaresh kheili chiz yad gereftam",
    "Esteghlal dobare bakht, dige tahamol nadarim",
    "key mikhan hoghugh-e moalema ro bedan?",
    "in ke migan dorugh-e mahz e",
    "age baroon nayad sadd-ha khali mishan",
    "man ke ray nemidam, faydei nadare",
    "kasi midune marz baz shode ya na?",
    "hamash taghsir-e tahrim hast",
    "benzin gerun shod va mardom ezterab daran",
    "vali chera kasi az panahandeha soal nemikone?",
    "khaili khub bud ke in ro neveshtid",
    "ye rooz dobare solh mishe, omidvaram",
    "in vaziat hich vaght behtar nemishe",
    "mage mishe ba in hoghugh zendegi kard?",
    "to in do sal gheymat-ha se barabar shode",
    "man az Sanandaj hastam va inja ab nist",
    "chi shode ke hame sakitan?",
    "har ki ray dade pashimoon shode",
    # most words English strings ("in", "to", "man", "do", "bar", "key", "age", "ham")
    "in chie dige?",
    "man in ro ghabool nadaram",
    "to ham bayad biay",
    "do nafar koshte shodan",
    "bar asas-e in gozaresh gheymat bala rafte",
    "key tamoom mishe in jang?",
    "age in dolat bere behtar mishe",
    "man to in shahr zendegi mikonam",
    "in do ta tim kheili ghavi an",
    "to ke midooni chi shode",
    "man ham ba to movafegham",
    "bar sar-e ab dava shode",
    "to khabar dari key entekhabat-e?",
    "age bargh nabashe, ab ham nist",
    "man in bazikon ro dust daram",
    "in do sal kheili sakht gozasht",
    "in akhbar ro key neveshte?",
    "man az in vaz khaste shodam",
    "man nemidunam to chi migi",
    "to in sarma gaz ham nist",
    "ye bar dige ham gol khordim",
    "man ke baz ham miram ray bedam",
    "in hame panahande koja beran?",
    "key be ma javab midan?",
    "man to bar kar mikonam",
    # other spellings: q for gh, y for i, -eh endings, aa for a long a
    "qeimat-e goosht dobare bala raft",
    "vaqean kheyli sakhteh inja zendegi kardan",
    "harfashun hamash dorugh bood",
    "behtarin bazikon-e emsal ki bood?",
    "khooneh-haye ma too zelzeleh kharab shod",
    "aab nadarim, bargh nadarim, gaz nadarim",
    "kheyli mamnun az gozaresh-etun",
    "hameh montazer-e natijeh-ye entekhabat hastan",
    "dastetun dard nakoneh, aali bood",
    "bachehamun emtehan daran va madrese baste-ast",
    "in ham dorost nist",
    "man ham hastam",
    "to key miay?",
    "do ta bazi bakhtim",
    "age bad bashe chi?",
)

TABLE: dict[str, tuple[str, ...]] = {"ckb": CKB, "ar": AR, "fa": FA, "en": EN}
LATIN_TYPED: dict[str, tuple[str, ...]] = {"ar": AR_LATIN, "fa": FA_LATIN}

# The Sorani rows as typed on a Persian keyboard (ە ێ ۆ ڕ ڵ ڤ typed ه ی و ر ل و) and on an
# Arabic one (ی ک typed ي ك too, ڤ as ف), derived as the check table derives its own.
CKB_KEYBOARDS: dict[str, tuple[str, ...]] = typed_on_keyboards(CKB)
# Persian rows typed with Arabic ي ك: they must stay Persian, not turn Sorani or Arabic.
FA_ARABIC_KEYBOARD = tuple(r.translate(str.maketrans("یک", "يك")) for r in FA)


def rows() -> list[tuple[str, str, tuple[str, ...]]]:
    """(name, expected language, sentences) per row of the table."""
    out = [(code, code, sentences) for code, sentences in TABLE.items()]
    out += [(f"{code}, Latin-typed", code, s) for code, s in LATIN_TYPED.items()]
    out += [(f"ckb, {name}", "ckb", s) for name, s in CKB_KEYBOARDS.items()]
    out.append(("fa, Arabic keyboard", "fa", FA_ARABIC_KEYBOARD))
    return out


def main() -> None:
    """Print how many sentences of each row the detector tells apart (and, with
    --misses, which it does not and what it reads them as)."""
    from service.language import LanguageDetector

    detector = LanguageDetector()
    misses = "--misses" in sys.argv
    for name, expected, sentences in rows():
        wrong = [(t, detector.detect(t).language) for t in sentences]
        wrong = [(t, got) for t, got in wrong if got != expected]
        right = len(sentences) - len(wrong)
        print(f"{name:22} {right:3}/{len(sentences):<3} {right / len(sentences):7.1%}")
        if misses:
            for text, got in wrong:
                print(f"    {got:6} {text}")


if __name__ == "__main__":
    main()
