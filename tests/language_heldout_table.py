"""A held-out table for language detection: reader comments written by people who never
saw the detector's source or its own tables, so scoring against it measures how the
detector generalises rather than how well it remembers.

Sentences are typed as on a phone: no capitals, missing diacritics, chat spellings.
Sorani typed on a Persian or an Arabic keyboard is derived from `CKB_TYPED` by the
letter mappings below, so only the proper spelling is written by hand.

Run `python -m tests.language_heldout_table` for per-table accuracy and every miss.
"""

from __future__ import annotations

# Arabizi: Levantine, Egyptian, Iraqi and Gulf chat spellings, with and without the
# digits (2 3 5 6 7) that stand for Arabic letters.
AR_LATIN: tuple[str, ...] = (
    "shu hal 7aki ya zalame, ma 7ada byes2al 3an el nas",
    "wallah el as3ar sarat nar w el ma3ash ma byekfi",
    "ana mish fahem shu 3am yseer bi hal balad",
    "yalla ya shabab",
    "inshallah el hudne tdoum",
    "el kahraba ma2tou3a min mbare7 w ma 7ada 3am yrod",
    "shukran 3al khabar",
    "hal 7ukume kella 7aramiye w ma fi 7ada y7asebha",
    "ma fi mai bil bet min tlat iyyam",
    "ana msh mesadda2 elly by7sal fel balad di",
    "el ahly kesib el match embare7 w el gomhour kan ra2e3",
    "ezayak ya basha",
    "el as3ar ghalya awi el ayam di",
    "mafish 7ad fahem 7aga fel mawdo3 da",
    "shaku maku ya jama3a",
    "hay el 7ukuma ma tist7i, kul yom t7chi nafs el 7achi",
    "el kahraba titfi kul sa3a w el jaw nar",
    "wallah malleina min el intikhabat w min el wu3ood",
    "shlonak 3ammi",
    "ma aku mai min yomein bil mantiqa",
    "el jaw wayed 7ar el yom",
    "abi a3rif laish sakkaro el 7udood",
    "allah y3tik el 3afye 3ala hal taqrir",
    "kifak ya khayye",
    "yalla kellna nenzel 3al intikhabat bukra",
    "mabrook lal muntakhab",
    "shukran ktir habibi",
    "haram aleikon hayda el shi ya jama3a",
    "el dawle nayme",
    "kellon yaane kellon",
    "ya 7mar",
    "sakker temmak ya kalb",
    "inta wa7ad ghabi",
    "el laji2in 3ayshin bil khyam min 3ashr snin w ma 7ada sa2el fihon",
    "messi a7san la3eb bil 3alam w ma fi mitlo",
    "bi2oulo bukra fi talj 3al jbal",
    "wa2f itla2 el nar ma ra7 ydoum",
    "el fasad wasal la kil mahal",
    "7ad y3raf el dolar be kam elnaharda",
    "7ad yefhamni howa fe eh bel zabt",
    "rabena yostor",
    "3amel eh ya m3allem",
    "shwakit tirja3 el kahraba, sar ilna yomein",
    "e7na ma nreed 7arb, nreed nu3eesh bsalam",
    "el 7een shino el salfa",
    "wallah sar li sene ma shift ahli la2en el 7dood msakkara w ma 7ada sa2il",
    "3ayzin ne3raf el felous di betro7 fein",
    "ya jama3a el intikhabat ba3d jem3a w lessa ma 7ada 3aref min el morasha7in w shu baramijhon, kel shi 3al facebook bas",
    "el rawatib t2akhrat hal shahar kaman",
    "tislam idak 3al taqrir el 7elo",
)

# Finglish: colloquial Tehrani spelling, with its variants (kheili/khaili, mikhay/mikhai,
# chie/chiye) and the ezafe written as -e, -ye or not at all.
FA_LATIN: tuple[str, ...] = (
    "salam khubin?",
    "kheili mamnun bekhatere in gozaresh, aali bud",
    "dige khaste shodim az in vaziat",
    "gheymat-e benzin dobare raft bala va hich kas chizi nemige",
    "chera hich kas be mardom javab nemide?",
    "in dolat az avval ta alan faghat dorugh gofte",
    "too mahale ma az dirooz ab ghate",
    "ki barande shod?",
    "esteghlal dobare bakht",
    "be nazaram persepolis emsal ghahreman mishe",
    "mikhay beri ya na?",
    "dagheeghan nafahmidam mikhai chi begi az in harfa",
    "in harfa chiye?",
    "in chie neveshtin?",
    "khaili bade ke hanooz kasi javabgu nist",
    "vaghean khejalat dare",
    "khafe sho bishoor",
    "to ye ahmaghi",
    "hame dozdan",
    "havaye tehran emruz khaili aloode ast",
    "farda barf miad?",
    "che havaye khubi",
    "in panahjooha ba in sarma koja beran?",
    "atash bas ta key edame dare?",
    "ma mardom jang nemikhaim, faghat zendegi aadi mikhaim",
    "dolar alan chande?",
    "ejare khune kheili gerun shode, dige nemishe tu tehran zendegi kard",
    "vaghan nemidunam chi begam be in adama",
    "mersi ke neveshti, hamchin chizi ro hich ja nadide budam",
    "dastet dard nakone",
    "khoda be dade mardome khuzestan berese",
    "ye ruz irane azad ro mibinim",
    "mardom dige pool nadaran nun bekharan",
    "yaroo hanooz nafahmide chi shode, dare shoar mide",
    "chera commentaye mardom ro sansoor mikonid?",
    "in akhbar ro ki minevise ke inghadr ghalat dare?",
    "baba bikhial",
    "damet garm",
    "az koja motmaeni in khabar doroste?",
    "fesad az bala shoru mishe, na az mardom",
    "hamash taghsire khodeshune, hichvaght gardan nemigiran",
    "bayad hame beran ray bedan ta ye taghiri beshe",
    "entekhabat namayeshe",
    "ye saale ke hoghugh nagereftim va kasi pasokhgu nist",
    "dust daram beram kharej vali pool nadaram",
    "too in garma ab o bargh ham nadarim",
    "kasi midune dishab too markaze shahr chi shode?",
    "har ruz saat-ha baraye ab saf mikeshim chon lule-ha tarakide va shahrdari hich kari nemikone",
    "be nazare man in entekhabat hich farghi nemikone chon akharesh hamun adamaye ghabli miyan sare kar",
    "khune-ye ma too seil kharab shod",
)

# Sorani in its own script; the Persian- and Arabic-keyboard spellings are derived below.
CKB_TYPED: tuple[str, ...] = (
    "سڵاو، چۆنن؟",
    "زۆر سوپاس بۆ ئەم هەواڵە گرنگە، بەردەوام بن",
    "نرخی هەموو شتێک زۆر بەرز بووەتەوە و مووچەش نییە",
    "سێ ڕۆژە ئاو نییە لە گەڕەکەکەمان",
    "کارەبا لە دوێنێوە بڕاوە و کەس وەڵاممان ناداتەوە",
    "ئەم هەڵبژاردنە هیچ ناگۆڕێت، هەمان ڕووخسارەکان دەگەڕێنەوە",
    "ئەم حکومەتە هەمووی گەندەڵە و تەنها بیر لە خۆی دەکاتەوە",
    "پێشمەرگە شانازی ئێمەیە",
    "خوا ڕەحم بە هەموو شەهیدەکان بکات",
    "کەس نازانێت ئەم ئاگربەستە تا کەی دەمێنێت",
    "ئاوارەکان ساڵانێکە لە چادردا دەژین و کەس یارمەتییان نادات",
    "مووچەکان سێ مانگە دواکەوتوون و خەڵک قەرزار بووە",
    "سبەی بەفر دەبارێت",
    "هەولێر ئەمڕۆ زۆر گەرمە و کارەباش نییە",
    "تۆ چی دەڵێیت؟",
    "ئەی بێشەرەف",
    "دەمت دابخە",
    "تۆ گەمژەیت",
    "یانەکەمان دووبارە دۆڕا",
    "ئەم سەرکەوتنە پیرۆزە بۆ هەموو کوردێک",
    "نەورۆزتان پیرۆز بێت",
    "کەس گوێ لە دەنگی خەڵک ناگرێت لەم وڵاتە",
    "ئێمە جەنگمان ناوێت",
    "بۆچی ڕێگای نێوان هەولێر و کەرکووک داخراوە؟",
    "ئەو هەواڵە ڕاست نییە، تکایە سەرچاوە بنووسن",
    "خەڵک نانی نییە بیخوات و ئەوان کۆشک دروست دەکەن",
    "گەندەڵی لە سەرەوە دەست پێدەکات نەک لە خەڵکی ئاسایی",
    "دەستت خۆش بێت کاکە",
    "بەڕاستی شەرمە",
    "کەی کارەبای بیست و چوار کاتژمێری دێت بۆ ئێمە؟",
    "ئێمە ساڵانێکە چاوەڕێی ئاو و کارەبای باشین بەڵام حکومەت تەنها بەڵێن دەدات و هیچ ناکات",
    "هەموو ساڵێک پێش هەڵبژاردن دێن و دەڵێن کار دەکەین، دوای هەڵبژاردن کەس نایانبینێت",
    "سلێمانی شارێکی زۆر جوانە بەتایبەتی لە بەهاردا",
    "باران زۆر باری و ڕێگاکان پڕ لە ئاو بوون",
    "ئەم یاریزانە زۆر باشە و دەبێت لە ئەوروپا یاری بکات",
    "لە کەمپەکان منداڵەکان قوتابخانەیان نییە",
    "کەی ئەم جەنگە کۆتایی دێت و خەڵک دەگەڕێنەوە ماڵەکانیان؟",
    "بەیانیت باش",
    "ئەوەی وەزیر وتی درۆیەکی گەورەیە",
    "هیوادارم ئاشتی بێتە ناوچەکەمان و ئیتر شەڕ نەبێت",
)

# Kurmanji: the first half with ê î û ç ş, the second typed without them, as on a phone
# with no Kurdish keyboard (the spelling Turkish is closest to).
KMR: tuple[str, ...] = (
    "silav hevalno, hûn çawa ne?",
    "gelek spas ji bo vê nûçeya girîng",
    "bihayê nan dîsa bilind bû û mûçe jî nayên",
    "sê roj e av li gundê me tune ye",
    "li amedê elektrîk ji duh ve qut bûye",
    "em şer naxwazin",
    "ev hilbijartin tiştekî naguherîne, heman kes dîsa tên",
    "ev hikûmet hemû diz in",
    "agirbest wê heta kengê bidome?",
    "penaber li qamişloyê di konan de dijîn",
    "newroza we pîroz be",
    "destê te sax be",
    "tu derewan dikî, tiştekî wisa nebûye",
    "xwedê rehma xwe li wan bike",
    "îro li hewlêrê hewa pir germ e û elektrîk tune",
    "dibêjin sibê wê li çiyayan berf bibare",
    "tîma me dîsa winda kir, divê rahêner biçe",
    "gendelî ji jor dest pê dike",
    "çima rêya navbera dihokê û zaxoyê hatiye girtin?",
    "em bi salan e li benda av û elektrîkê ne lê hikûmet tenê soz dide û tiştekî nake",
    "silav li we hemuyan",
    "ez bi rasti ji ve rewse westiyam",
    "bihaye benzine pir bilind e u kes nikare bikire",
    "ev nuce ne rast e",
    "tu ehmeq i",
    "deve xwe bigre",
    "li kampan zaroken me be dibistan mane",
    "muce se meh e nehatiye u em deyndar bune",
    "serm e ji we re",
    "piroz be ji hemu kurdan re",
    "kenge ev ser we biqede u mirov vegerin malen xwe?",
    "baran pir bari u kolan tiji av bun",
    "rojbas hevalno",
    "ez hevi dikim asti were herema me",
    "spas ji bo agahiye, em li benda nuceyen din in",
    "ev hilbijartin tene sanoyek e ji bo xapandina gel",
    "ji kerema xwe rastiye binivisin, ne propagandaye",
    "kes dizane dolar iro bi ciqasi ye?",
    "li cizire kareba her tim dice",
    "her sal beriya hilbijartine ten u dibejin em e kar bikin, pisti hilbijartine kes wan nabine",
)

# Turkish: the first half with ç ğ ı ö ş ü, the second typed without them (i for ı,
# c for ç, and so on), which is where it meets plain-typed Kurmanji.
TR: tuple[str, ...] = (
    "haberiniz için teşekkürler",
    "fiyatlar yine arttı, maaşlar ise yerinde sayıyor",
    "bizim mahallede iki gündür su yok, kimse açıklama yapmıyor",
    "elektrikler dünden beri kesik ve buzdolabındaki her şey bozuldu",
    "seçim hiçbir şeyi değiştirmez, aynı adamlar yine gelir",
    "hepsi hırsız bunların",
    "bu ateşkes ne kadar sürecek bakalım, kimse inanmıyor",
    "mülteciler bu soğukta hala çadırlarda yaşıyor",
    "fenerbahçe yine kaybetti",
    "yarın erzurum'da kar yağacak mı, bilen var mı?",
    "ağzını topla",
    "sen tam bir salaksın",
    "emeklinin maaşı kirayı bile karşılamıyor artık",
    "diyarbakır'da kiralar çok yükseldi, öğrenciler ev bulamıyor",
    "bu maç tamamen hakemin yüzünden kaybedildi",
    "kimse halkı dinlemiyor, herkes kendi cebini düşünüyor",
    "biz savaş istemiyoruz, barış içinde yaşamak istiyoruz",
    "günaydın arkadaşlar",
    "allah kolaylık versin",
    "yıllardır düzgün su ve elektrik bekliyoruz ama belediye sadece söz veriyor ve hiçbir şey yapmıyor",
    "cok tesekkurler kardesim",
    "dolar bugun kac lira olmus, bilen var mi",
    "benzine yine zam gelmis, bu gidisle araba kullanamayacagiz",
    "bu haber dogru degil",
    "sinirda bekleyenler perisan durumda, kimse yardim etmiyor",
    "yerel secimler ne zaman yapilacak, tarih belli mi",
    "yolsuzluk yukaridan baslar",
    "kapa ceneni",
    "gerizekali misin sen",
    "bu hafta istanbulda hava cok soguk olacakmis",
    "bu macta hakem rezaletti, penalti bile vermedi",
    "koylerde cocuklar yol yuzunden okula gidemiyor",
    "ellerinize saglik",
    "insanlar artik ekmek bile alamiyor bu fiyatlarla",
    "neden yollar kapali, hic kimse bir sey aciklamiyor",
    "bayraminiz kutlu olsun",
    "belediyede maaslar uc aydir odenmedi",
    "insallah baris bir an once gelsin",
    "vanda depremzedeler hala cadirda kaliyor, utanc verici",
    "her secimden once gelip soz veriyorlar ama secimden sonra kimse yuzlerini gormuyor",
)

# Persian in its own script; the last five are typed with the Arabic ي and ك, as an
# Arabic keyboard or an old phone gives them.
FA: tuple[str, ...] = (
    "سلام، خسته نباشید",
    "خیلی ممنون از گزارشتون، واقعا لازم بود",
    "قیمت ها دوباره رفت بالا و حقوق همون قبلیه",
    "آب محله ما از دیروز قطعه و کسی جواب نمیده",
    "برق دوباره رفت",
    "ما مردم جنگ نمیخوایم، فقط یه زندگی معمولی میخوایم",
    "این انتخابات فقط نمایشه، نتیجه از قبل معلومه",
    "همشون دزدن",
    "آتش بس تا کی ادامه داره؟",
    "این پناهجوها با این سرما کجا برن؟",
    "خفه شو بیشعور",
    "تو یه احمقی",
    "استقلال باز باخت",
    "فردا برف میاد؟",
    "امروز هوای اصفهان خیلی کثیفه",
    "اجاره خونه خیلی گرون شده، دیگه نمیشه تو شهر زندگی کرد",
    "مردم دیگه پول ندارن نون بخرن",
    "دستتون درد نکنه",
    "خدا به داد مردم سیل زده برسه",
    "چرا نظرای مردم رو سانسور می‌کنید؟",
    "سیل تو خوزستان خیلی خسارت زد",
    "حقوق کارگرا شش ماهه عقب افتاده",
    "دلار شده چند؟",
    "ممنون از اطلاع رسانی، کاش بقیه هم اینطوری بودن",
    "هر بار قبل از انتخابات قول میدن ولی بعدش هیچکس جواب تلفن مردم رو نمیده",
    "خيلي ممنون از شما",
    "كسي نميدونه ديشب تو مركز شهر چي شده؟",
    "اين دولت از اول فقط دروغ گفته",
    "كرايه تاكسي تو يه ماه دو برابر شده",
    "ديگه خسته شديم از اين وضع",
)

# Arabic in its own script: Levantine, Egyptian, Iraqi, Gulf and standard, with the
# hamza left off as phones usually leave it.
AR: tuple[str, ...] = (
    "شكرا على الخبر",
    "الاسعار نار",
    "الكهربا مقطوعة من امبارح وما حدا عم يرد علينا",
    "صرلنا اسبوع ما في مي بالبيت",
    "الله يحميكم يا شباب",
    "كلهم حرامية",
    "هالانتخابات كلها مسرحية والنتيجة معروفة من قبل",
    "ايمتى بدها تخلص هالحرب ونرجع على بيوتنا؟",
    "الهدنة ما رح تصمد اكتر من يومين",
    "اللاجئين عايشين بالخيم من سنين والشتا جاي",
    "يا حمار",
    "اخرس يا كلب",
    "الاهلي كسب امبارح بس الحكم كان ظالم",
    "مفيش حد فاهم حاجة في البلد دي",
    "الجو وايد حر اليوم",
    "بيقولوا بكرا في تلج عالجبال والطرق رح تتسكر",
    "الرواتب متاخرة من ثلاث شهور والناس ما عندها شي تاكله",
    "الفساد وصل لكل مكان حتى المستشفيات",
    "شلونكم يا جماعة",
    "ماكو كهرباء من الصبح والحر ما ينطاق",
    "الله يعطيك العافية على هالتقرير الحلو",
    "صباح الخير",
    "نطالب الحكومة بتوفير الماء والكهرباء للمواطنين",
    "هذا الخبر غير صحيح ولا يوجد له اي مصدر",
    "منذ سنوات ننتظر حلا لمشكلة المياه لكن المسؤولين لا يهتمون الا بمصالحهم الشخصية",
    "ليش سكروا الطريق بين الموصل ودهوك؟",
    "والله تعبنا من هالوضع وما عاد فينا نتحمل",
    "احنا ما نريد حرب، نريد نعيش بسلام",
    "حد يعرف الدولار بكم اليوم في السوق؟",
    "مبروك للمنتخب",
)

# Sorani in its own script, a separate set from CKB_TYPED.
CKB: tuple[str, ...] = (
    "سوپاس کاکە",
    "زۆر باشە",
    "بژی کوردستان",
    "ئەوە ڕاستە",
    "خوا گەورەیە",
    "درۆ مەکە",
    "ئەم هەواڵە درۆیە و هیچ سەرچاوەیەکی نییە",
    "نرخی نان دووبارە بەرز بووەوە و کەس چاودێری بازاڕ ناکات",
    "لە گوندەکەمان کارەبای نیشتمانی هەر نییە",
    "لەم زستانەدا گازی ماڵان زۆر گران بووە",
    "کەس دەزانێت کەی مووچەی ئەم مانگە دابەش دەکرێت؟",
    "کێ بردییەوە؟",
    "لە دهۆک ئەمڕۆ باران باری و هەندێک ڕێگا داخران",
    "ئەو سیاسەتمەدارانە هەموویان درۆزنن و تەنها بۆ کورسی کار دەکەن",
    "ئاوارەکانی شەنگال هێشتا لە کەمپن و ناتوانن بگەڕێنەوە",
    "خەڵکی کۆبانێ قارەمانن و هەرگیز لەبیر ناکرێن",
    "لە هەڵبژاردنی ئەمجارە ساختەکاری زۆر کرا و کەس لێپرسینەوەی نەکرد",
    "بۆچی کەس وەڵامی پرسیارەکانی خەڵک ناداتەوە؟",
    "تۆ هیچ نازانیت",
    "گوێ مەدە بەو قسانە، ئەوانە هەمووی پڕوپاگەندەیە",
    "هەر بژیت",
    "ئێوە بە بەڵێنی درۆ خەڵک فریو دەدەن",
    "بەغدا تا ئێستا مافەکانی کوردی نەداوە",
    "شەڕ بەسە، ئێمە ئاشتی و ئارامیمان دەوێت",
    "لە سلێمانی هەموو ڕۆژێک چەند کاتژمێر کارەبا دەڕوات و خەڵک ناچارە پارەی مۆلیدە بدات",
    "یانەی هەولێر دوێنێ شەو بە دوو گۆڵ بردییەوە",
    "ئەم زستانە زۆر سارد بوو و نەوتی سپی نەبوو",
    "تکایە ڕاستی بنووسن و خەڵک هەڵمەخەڵەتێنن",
    "ڕۆژباش هاوڕێیان",
    "ئەی پارەی نەوت دەچێتە گیرفانی کێ؟",
)

# English, five words or more, with the region's places, names and loan words
# (peshmerga, inshallah, newroz, yallah, habibi, wallahi) that must not pull it away.
EN: tuple[str, ...] = (
    "the peshmerga held the line again",
    "inshallah the ceasefire holds this time",
    "happy newroz to all my kurdish friends",
    "yallah guys go out and vote",
    "prices in erbil are getting out of hand",
    "no water in our street for three days",
    "thanks for covering this story properly",
    "this government is corrupt to the core",
    "who even wrote this garbage article",
    "you clearly have no idea what you are talking about",
    "the refugees in the camps need help now",
    "great match last night, well deserved win",
    "it snowed in duhok this morning",
    "the election was rigged from the start",
    "my cousin lives in qamishli and says it is calm",
    "mashallah what a beautiful photo of sulaymaniyah",
    "the kurdistan regional government still hasn't paid salaries",
    "shut up you absolute clown",
    "baghdad and erbil need to sort out the oil deal",
    "erdogan will never allow a kurdish state",
    "the ypg fought isis when nobody else would",
    "power cuts in basra again and it's fifty degrees",
    "kobani will never be forgotten",
    "stay safe everyone in rojava tonight",
    "why is nobody talking about the drought in iran",
    "the rial just hit another record low",
    "can someone translate what the mayor said",
    "this is the best news i've read all week",
    "habibi you made my day with this",
    "free and fair elections are all we want",
    "the border crossing at zakho is closed again",
    "stop blaming the refugees for everything",
    "wallahi this article is spot on",
    "my heart goes out to the families in halabja",
    "the fuel queues in damascus are miles long",
    "so the ceasefire lasted about two hours",
    "typical politicians, promises before the vote and nothing after",
    "lol the referee was clearly paid off",
    "salam from a kurd living in germany",
    "i have lived in erbil for ten years and never seen the electricity this bad, generators run all night",
)

# Sorani on a Persian keyboard: its own letters replaced by the nearest Persian ones.
_PERSIAN_KEYBOARD = str.maketrans(
    {
        "ە": "ه",  # no ae letter: the heh that Persian writes final -e with
        "ێ": "ی",  # no ee with a v-mark: the plain yeh
        "ۆ": "و",  # no o with a v-mark: the plain waw
        "ڕ": "ر",  # no trilled r: the plain reh
        "ڵ": "ل",  # no velar l: the plain lam
        "ڤ": "و",  # no veh: waw, as v is written in Persian
    }
)

# Sorani on an Arabic keyboard: as on the Persian one, and then the Arabic yeh and kaf.
_ARABIC_KEYBOARD = str.maketrans(
    {
        **{chr(k): v for k, v in _PERSIAN_KEYBOARD.items()},
        "ێ": "ي",  # the plain yeh of this keyboard is the Arabic one
        "ی": "ي",  # Arabic yeh, with its two dots kept at the end of a word
        "ک": "ك",  # Arabic kaf
    }
)

CKB_PERSIAN_KEYBOARD: tuple[str, ...] = tuple(s.translate(_PERSIAN_KEYBOARD) for s in CKB_TYPED)
CKB_ARABIC_KEYBOARD: tuple[str, ...] = tuple(s.translate(_ARABIC_KEYBOARD) for s in CKB_TYPED)

# Each table with the language every one of its sentences must be detected as.
TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "AR_LATIN": ("ar", AR_LATIN),
    "FA_LATIN": ("fa", FA_LATIN),
    "CKB_TYPED": ("ckb", CKB_TYPED),
    "CKB_PERSIAN_KEYBOARD": ("ckb", CKB_PERSIAN_KEYBOARD),
    "CKB_ARABIC_KEYBOARD": ("ckb", CKB_ARABIC_KEYBOARD),
    "KMR": ("kmr", KMR),
    "TR": ("tr", TR),
    "FA": ("fa", FA),
    "AR": ("ar", AR),
    "CKB": ("ckb", CKB),
    "EN": ("en", EN),
}


def _print_total(name: str, right: int, total: int) -> None:
    print(f"{name:22} {f'{right}/{total}':>8} {100 * right / total:5.1f}%")


def main() -> None:
    """Print right/total per table, then every miss as expected, got and text."""
    from service.language import LanguageDetector

    detector = LanguageDetector()
    misses: list[tuple[str, str, str, str]] = []
    right_all = total_all = 0
    for name, (expected, sentences) in TABLES.items():
        right = 0
        for text in sentences:
            got = str(detector.detect(text).language)
            if got == expected:
                right += 1
            else:
                misses.append((name, expected, got, text))
        right_all += right
        total_all += len(sentences)
        _print_total(name, right, len(sentences))
    _print_total("ALL", right_all, total_all)
    for name, expected, got, text in misses:
        print(f"miss {name}: expected {expected}, got {got}: {text}")


if __name__ == "__main__":
    main()
