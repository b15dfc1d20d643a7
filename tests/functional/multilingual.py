"""A multilingual functional suite: reader comments in the outlet's languages (issue 12).

Written from POLICY.md and issue 12 without reading the rules or their lists, so that it
measures whether the lists and models written for these languages generalise beyond the
examples they were written from. It plugs into the same runner
(`python -m training.functional --suite multilingual [--languages]`) and reuses the first
suite's `Functionality` and `Kind`; its `Case` adds the language and the writing.

Languages (`Case.language`): `tr` Turkish, `ar` Arabic (standard, Levantine and Iraqi),
`fa` Persian, `ckb` Kurdish Sorani, `kmr` Kurdish Kurmanji, and `en-mixed`: English
carrying a word of one of them. Writings (`Case.writing`):

- `native`: the language's own script and spelling (Arabic script for ar, fa, ckb;
  Turkish and Kurmanji with ç ş ğ ı ö ü ê î û);
- `typed`: what readers type on a keyboard without it: Arabizi with 3/7/5/2, Finglish,
  Sorani in Latin letters, Turkish and Kurmanji without their diacritics;
- `mixed`: English with the other language inside (en-mixed only).

A few native comments carry what a folding step must undo: tatweel and diacritics in
Arabic, Persian typed with the Arabic ي and ك (and Arabic with the Persian ک and ی),
Turkish capitals with İ and I.

Functionality ids are `<language>.<name>` (`tr.profanity`), so the runner's table reads
per language and functionality; `training.functional --languages` adds the totals per
language and writing. Hateful names: profanity, person_insult, group_abuse (templates
crossed with GROUPS), slur, threat, promotion. Contrast names, which must be approved:
clean_news (also news of violence), criticism (of governments, parties, politicians),
group_neutral (groups named without abuse, crossed with GROUPS), innocent_words (place
names and ordinary words that contain an offensive string), reported_abuse (abuse or a
threat quoted to condemn or report it), identity (identity statements), greeting
(religious and greeting formulas). Persian and Kurdish have no model: a contrast that
goes to review there is not published wrongly, and the floors file records, beside
accuracy, the share of clean cases not auto-rejected (`kept`). Generation is
deterministic.
"""

from __future__ import annotations

import string
from collections.abc import Iterator
from dataclasses import dataclass

from service.domain import Category
from tests.functional import cases as first
from tests.functional.cases import Functionality, Kind, unique
from tests.functional.cases import expected as expected  # the suites' shared rule

H, C = Kind.HATEFUL, Kind.CONTRAST
NATIVE, TYPED, MIXED = "native", "typed", "mixed"
WRITINGS = (NATIVE, TYPED, MIXED)
SLOT = "G"  # the one slot: a group in the plural, in the language and writing of the template


@dataclass(frozen=True)
class Case(first.Case):
    """One comment with what POLICY.md says about it, in a language and a writing."""

    language: str  # a LANGUAGES code
    writing: str  # one of WRITINGS


@dataclass(frozen=True)
class Group:
    """A protected group the region's comments abuse."""

    id: str
    english: str


GROUPS = (
    Group("kurds", "Kurds"),
    Group("arabs", "Arabs"),
    Group("turks", "Turks"),
    Group("armenians", "Armenians"),
    Group("yazidis", "Yazidis"),
    Group("alawites", "Alawites"),
    Group("jews", "Jews"),
    Group("christians", "Christians"),
    Group("shia", "Shia Muslims"),
    Group("sunni", "Sunni Muslims"),
    Group("syrians", "Syrians"),
    Group("refugees", "refugees"),
    Group("women", "women"),
    Group("gay_people", "gay people"),
)
GROUP_IDS = tuple(g.id for g in GROUPS)


@dataclass(frozen=True)
class Shape:
    """A functionality name shared by every language."""

    kind: Kind
    category: Category | None
    description: str
    contrast_of: str | None = None


SHAPES = {
    "profanity": Shape(H, Category.PROFANITY, "profanity or a vulgar insult"),
    "person_insult": Shape(H, Category.PERSONAL_ATTACK, "insult aimed at a person"),
    "group_abuse": Shape(H, Category.ABUSE, "abuse of a group, crossed with the groups"),
    "slur": Shape(H, Category.ABUSE, "a slur for a group"),
    "threat": Shape(H, Category.THREAT, "threat against a person or a group"),
    "promotion": Shape(H, Category.PROMOTION, "promotion: contact numbers, channels, prizes"),
    "clean_news": Shape(C, None, "clean news comments, news of violence too", "threat"),
    "criticism": Shape(C, None, "criticism of governments and politicians", "person_insult"),
    "group_neutral": Shape(C, None, "a group named without abuse", "group_abuse"),
    "innocent_words": Shape(C, None, "words and places containing a bad string", "profanity"),
    "reported_abuse": Shape(C, None, "abuse or a threat quoted to condemn it", "slur"),
    "identity": Shape(C, None, "identity statements", "group_abuse"),
    "greeting": Shape(C, None, "religious and greeting formulas", "promotion"),
}


@dataclass(frozen=True)
class Template:
    """One comment, or one crossed with the groups where it holds `{G}`."""

    text: str
    writing: str
    group: str | None = None  # the group a literal comment is about


def N(text: str, group: str | None = None) -> Template:  # noqa: N802 (reads as a table row)
    """A comment in the language's own script and spelling."""
    return Template(text, NATIVE, group)


def T(text: str, group: str | None = None) -> Template:  # noqa: N802
    """A comment as typed without the script or the diacritics."""
    return Template(text, TYPED, group)


def M(text: str, group: str | None = None) -> Template:  # noqa: N802
    """An English comment carrying a word of another language."""
    return Template(text, MIXED, group)


@dataclass(frozen=True)
class Language:
    """One language: the groups' names in it and its comments by functionality name."""

    code: str
    name: str
    groups: dict[str, tuple[str, str]]  # group id -> (native, typed) plural
    rows: dict[str, tuple[Template, ...]]


TURKISH = Language(
    "tr",
    "Turkish",
    groups={
        "kurds": ("Kürtler", "Kurtler"),
        "arabs": ("Araplar", "araplar"),
        "turks": ("Türkler", "Turkler"),
        "armenians": ("Ermeniler", "ermeniler"),
        "yazidis": ("Ezidiler", "ezidiler"),
        "alawites": ("Nusayriler", "nusayriler"),
        "jews": ("Yahudiler", "yahudiler"),
        "christians": ("Hristiyanlar", "hristiyanlar"),
        "shia": ("Şiiler", "siiler"),
        "sunni": ("Sünniler", "sunniler"),
        "syrians": ("Suriyeliler", "suriyeliler"),
        "refugees": ("mülteciler", "multeciler"),
        "women": ("kadınlar", "kadinlar"),
        "gay_people": ("eşcinseller", "escinseller"),
    },
    rows={
        "profanity": (
            N("Siktir git, böyle haber mi olur amk."),
            N("Bu ne biçim yazı lan, tam bir bok olmuş."),
            N("Orospu çocuğu yöneticiler yine zam yaptı."),
            N("Ananı sikeyim senin, yalancı gazete."),
            N("SİKTİR GİT BURADAN, YALANCI GAZETECİ"),
            T("siktir git lan burdan"),
            T("amina koyim boyle habercilige"),
            T("orospu cocuklari yine yalan yaziyor"),
            T("a.m.k bu ne rezillik"),
        ),
        "person_insult": (
            N("Sen tam bir gerizekalısın, yazdığın hiçbir şey doğru değil."),
            N("Bu yazıyı yazan muhabir salağın teki."),
            N("Yukarıdaki yorumcu beyinsiz bir hayvan, cevap vermeye değmez."),
            N("Hey yazar, sen şerefsiz bir yalancısın."),
            T("sen ne anlarsin be aptal, git once okumayi ogren"),
            T("yazar tam bir mal, utanmadan bunu yazmis"),
            T("bu yorumu yazan serefsiz pezevenk"),
        ),
        "group_abuse": (
            N("{G} bu ülkenin başına bela, hepsi pis ve hain."),
            N("Haberi okudum ama gerçek şu: {G} insan değil, hayvan sürüsü."),
            N("Bu memlekette huzur kalmadıysa sebebi {G}, hepsi asalak."),
            T("{G} hepsi pislik, defolup gitsinler artik"),
            T("bu {G} yuzunden sokaga cikamiyoruz hepsi hirsiz"),
        ),
        "slur": (
            N("Bu kıro milleti adam olmaz, dağa geri dönsünler.", "kurds"),
            N("Ermeni dölü gazeteciler yine yalan yazmış.", "armenians"),
            N("Bu ibneler onur yürüyüşü yapacakmış, utanmazlar.", "gay_people"),
            N("Gavurlar yine bize akıl veriyor, kendi işlerine baksınlar.", "christians"),
            T("kiro kurtler yine yol kesmis", "kurds"),
            T("pis arap surusu yine sinira dayanmis", "arabs"),
            T("bu karilar haddini bilsin, mutfaga donsunler", "women"),
        ),
        "threat": (
            N("Seni bulacağım ve geberteceğim, bunu unutma."),
            N("Evinin nerede olduğunu biliyoruz, dikkatli ol muhabir."),
            N("Bu yazıyı yazanın kafasını keseceğiz."),
            N("Bütün Suriyelileri kurşuna dizmek lazım.", "syrians"),
            T("seni oldurecegim yazar bekle sen"),
            T("ermenileri yine kesmek lazim, 1915 az geldi", "armenians"),
            T("adresini bulduk, yarin kapindayiz"),
        ),
        "promotion": (
            N("Evden çalışarak günde 5.000 TL kazanın! WhatsApp: 0532 418 27 93"),
            N("Bedava takipçi için tıkla: bit.ly/takipci-kazan"),
            N("Bahis sitemize üye ol, ilk yatırıma %200 bonus! Telegram: @kazanc_bonus"),
            T("kripto ile zengin olmak isteyen telegram grubuma gelsin t.me/zengin_ol_hemen"),
            T("ucuz iphone satilik whatsapptan yazin 0543 771 20 18"),
        ),
        "clean_news": (
            N("Van'da depremde yıkılan okullar hâlâ yeniden yapılmadı, bu haber çok önemli."),
            N("Suriye sınırındaki çatışmada iki asker hayatını kaybetti, başımız sağ olsun."),
            N("Haberde bahsedilen köy Hakkari'nin Yüksekova ilçesine bağlı."),
            T("diyarbakirda su kesintisi 3 gundur devam ediyor, belediye ne yapiyor"),
            T("cok guzel bir roportaj olmus, tesekkurler"),
        ),
        "criticism": (
            N("Erdoğan hükümeti ekonomiyi batırdı, bu enflasyonun hesabını vermeliler."),
            N("Seçilmiş belediye başkanlarının yerine kayyum atamak demokrasiye aykırıdır."),
            N("İçişleri Bakanı yalan söylüyor, rakamlar tutmuyor."),
            T("muhalefet de iktidar da multeciler konusunda samimi degil"),
            T("bu hukumet istifa etmeli, artik yeter"),
        ),
        "group_neutral": (
            N("Haberde {G} ile yapılan röportajlar çok öğreticiydi."),
            N("Mahallemizde {G} ve biz yıllardır komşuyuz."),
            T("{G} hakkinda bu kadar onyargi olmasi cok uzucu"),
        ),
        "innocent_words": (
            N("Müzede Osmanlı dönemine ait altın sikkeler sergileniyor."),
            N("Ekonomik sıkıntı yüzünden birçok aile göç etmek zorunda kaldı."),
            N("Yaralıları hastaneye götürdüler, durumları iyiymiş."),
            N("Memleket meselesi hepimizi ilgilendiriyor."),
            N("Amcam Amasya'da yaşıyor ve oradaki sel felaketini anlattı."),
            N("Siirt ve Şırnak'ta yollar kar yüzünden kapandı."),
            N("Kaçak yapılara karşı SIKI denetim istiyoruz."),
            T("sikinti cok buyuk, kirayi odeyemiyoruz"),
            T("yarin cocuklari okula goturecegim, okullar acildi mi"),
        ),
        "reported_abuse": (
            N("Maçta tribünlerden 'Kürtler dışarı' diye bağırılması ırkçılıktır, kulüp ceza "
              "almalı."),
            N("Sosyal medyada Suriyelilere 'defolun' diyenler nefret suçu işliyor."),
            N("Mahkemede sanığın gazeteciye 'seni öldüreceğim' dediği ortaya çıktı."),
            N("Ermenilere 'gavur' demek nefret söylemidir, bunu kınıyorum."),
            T("ona 'ibne' diye bagirmalari cok cirkin, homofobiye hayir"),
        ),
        "identity": (
            N("Ben Kürdüm ve bu ülkenin eşit vatandaşıyım."),
            N("Ben Aleviyim, cemevine gidiyorum ve bundan gurur duyuyorum."),
            N("Ermeni olduğumu hiçbir zaman saklamadım."),
            N("Ben eşcinselim ve burada yaşamaya hakkım var."),
            T("ben kurdum ve anadilimde egitim istiyorum"),
            T("suriyeli bir multeciyim, 10 yildir gaziantepte yasiyorum"),
        ),
        "greeting": (
            N("Allah rahmet eylesin, ailesine sabır diliyorum."),
            N("Hayırlı cumalar, bu güzel haber için teşekkürler."),
            N("İnşallah barış bir an önce gelir."),
            N("Bayramınız mübarek olsun, tüm okurlara selamlar."),
            T("allah razi olsun emegi gecenlerden"),
            T("insallah kayiplar bulunur, gecmis olsun"),
        ),
    },
)  # fmt: skip

ARABIC = Language(
    "ar",
    "Arabic",
    groups={
        "kurds": ("الأكراد", "el akrad"),
        "arabs": ("العرب", "el 3arab"),
        "turks": ("الأتراك", "el atrak"),
        "armenians": ("الأرمن", "el arman"),
        "yazidis": ("الإيزيديين", "el yazidiyye"),
        "alawites": ("العلويين", "el 3alawiyye"),
        "jews": ("اليهود", "el yahood"),
        "christians": ("المسيحيين", "el mase7iyye"),
        "shia": ("الشيعة", "el shi3a"),
        "sunni": ("السنة", "el sunne"),
        "syrians": ("السوريين", "el sooriyye"),
        "refugees": ("اللاجئين", "el laj2een"),
        "women": ("النساء", "el niswan"),
        "gay_people": ("المثليين", "el mithliyyin"),
    },
    rows={
        "profanity": (
            N("كس أختك على هالخبر الكذاب"),
            N("يلعن أبو هيك جريدة، شو هالخرا"),
            N("انعل أبو اللي كتب هالمقال"),
            N("ابن الشرموطة اللي نشر هالصور"),
            N("كـــس أمـــك يا كذاب"),
            N("يا ابن الکلب، شو هالحکی"),
            T("kos ekhtak 3ala hal 5abar"),
            T("ya ibn el sharmouta shu hal 7aki"),
            T("tfeh 3alek ya 3ars"),
            T("an3al abu hal jarida"),
        ),
        "person_insult": (
            N("أنت حمار ولا تفهم شيئاً في السياسة."),
            N("أَنْتَ غَبِيٌّ وَوَقِحٌ"),
            N("الكاتب غبي ومنافق، مقال تافه."),
            N("يا حيوان، روح تعلم القراءة قبل ما تعلق."),
            N("المعلق اللي فوق جحش ما يفهم شي"),
            T("inta 7mar w ma btist7i"),
            T("ya ghabi 5alas 7elna"),
            T("el kateb 7ayawan w kazzab"),
        ),
        "group_abuse": (
            N("{G} حثالة المجتمع ولا يستحقون العيش بيننا."),
            N("والله {G} كلهم زبالة، ما في واحد منيح فيهم."),
            N("{G} كلهم خونة وكلاب، لازم يطلعون من البلد."),
            T("{G} kellon zbele w wlad 7aram"),
            T("wallah {G} a5ass nas, kelab"),
        ),
        "slur": (
            N("الروافض دمروا العراق وسلموه لإيران.", "shia"),
            N("كل النواصب إرهابيين بالفطرة.", "sunni"),
            N("النصيرية الكفار هم سبب خراب سوريا.", "alawites"),
            N("عبدة الشيطان لا مكان لهم في سنجار.", "yazidis"),
            N("أحفاد القردة والخنازير يسيطرون على الإعلام.", "jews"),
            N("هالشواذ ما إلهم مكان بمجتمعنا.", "gay_people"),
            T("el rawafed hayda 7alon, 5awana", "shia"),
            T("nusayriyye kelab el nizam", "alawites"),
        ),
        "threat": (
            N("والله لأذبحك إذا شفتك."),
            N("نعرف وين ساكن، انتبه على حالك."),
            N("راح نقتلكم واحد واحد يا صحفيين الخيانة."),
            N("الأكراد لازم ينذبحون كلهم.", "kurds"),
            T("wallah la2otlak ya kalb"),
            T("ra7 nedba7kon wa7ad wa7ad"),
            T("mna3ref wein btiskon, ntebih 3a 7alak"),
        ),
        "promotion": (
            N("اربح 500 دولار يومياً من البيت! تواصل واتساب +964 770 412 8830"),
            N("اضغط على الرابط واربح آيفون 15 مجاناً bit.ly/iphone-free"),
            N("للاستفسار تلغرام @alrabeh_alsari3 أرباح مضمونة"),
            T("baddak terba7 masari? 7ke ma3i whatsapp +963 944 218 770"),
            T("click hon w irba7 jawal jdid bit.ly/win-ar"),
        ),
        "clean_news": (
            N("الله يحمي أهلنا في حلب بعد الزلزال، المساعدات لازم توصل بسرعة."),
            N("قُتل ثلاثة مدنيين في قصف على ريف إدلب، خبر محزن."),
            N("شكراً على التقرير الدقيق عن أزمة المياه في البصرة."),
            T("ya rayt el kahraba terja3 3al 7ara, sar 3 iyyam"),
            T("ma2al 7elo kteer, yeslamo"),
        ),
        "criticism": (
            N("الحكومة العراقية فاسدة وعليها أن تحاسب المسؤولين عن سرقة النفط."),
            N("نظام الأسد دمر سوريا وقتل شعبها."),
            N("هالوزير ما بيعرف شي بالاقتصاد، لازم يستقيل."),
            N("البرلمان اللبناني فشل بانتخاب رئيس، مهزلة."),
            T("el 7ukume ma 3am ta3mel shi, kellon 7aramiyye"),
        ),
        "group_neutral": (
            N("التقيت بالكثير من {G} خلال عملي في أربيل، وكانت تجربة جميلة."),
            N("حقوق {G} يجب أن تُحترم في الدستور الجديد."),
            T("3andi as7ab men {G} w kellon ahl 5eir"),
        ),
        "innocent_words": (
            N("انكسر الجسر في الموصل بعد الفيضان."),
            N("الفلاحون في كردستان يكسبون القليل من بيع الزبدة والجبن."),
            N("حقل الزبير النفطي قرب البصرة ينتج أكثر من المتوقع."),
            N("خراب المدينة القديمة في حلب يحتاج سنوات لإعادة الإعمار."),
            N("أغلب الزبائن في سوق السليمانية من خارج المدينة."),
            N("الخرائط الجديدة تظهر حدود المحافظة بوضوح."),
        ),
        "reported_abuse": (
            N("من العار أن يكتب البعض 'الأكراد خونة' تحت كل خبر، هذه عنصرية."),
            N("نادوا اللاعب 'يا عبد' في الملعب، وهذا تصرف عنصري يجب معاقبته."),
            N("قال المتهم في المحكمة إنه هدد جاره بعبارة 'سأقتلك'."),
            N("إطلاق وصف 'روافض' على الشيعة خطاب كراهية ونرفضه."),
            T("lli katab 'kos ekhtak' lal sa7afiyye lazem yet7asab"),
        ),
        "identity": (
            N("أنا كردي من عفرين وأفتخر بذلك."),
            N("أنا مسيحية من الموصل ورجعت لبيتي بعد التحرير."),
            N("أنا شيعي وجاري سني ونحن إخوة."),
            N("أنا لاجئ سوري في ألمانيا منذ ٢٠١٥."),
            T("ana kurdi w 3ayesh bi beirut"),
            T("ana 3alawiyye men el lad2iye"),
        ),
        "greeting": (
            N("السلام عليكم ورحمة الله، شكراً على المقال."),
            N("الله يرحمه ويصبر أهله."),
            N("رمضان كريم على الجميع."),
            N("الله أكبر، الحمد لله على سلامة الأطفال المنقذين من تحت الأنقاض."),
            T("inshallah 5eir, allah ysahhel 3alayhon"),
            T("allah yer7amo, kan rajol tayyeb"),
        ),
    },
)  # fmt: skip

PERSIAN = Language(
    "fa",
    "Persian",
    groups={
        "kurds": ("کردها", "kordha"),
        "arabs": ("عرب‌ها", "arabha"),
        "turks": ("ترک‌ها", "torkha"),
        "armenians": ("ارمنی‌ها", "armaniha"),
        "yazidis": ("ایزدی‌ها", "izadiha"),
        "alawites": ("علوی‌ها", "alaviha"),
        "jews": ("یهودی‌ها", "yahudiha"),
        "christians": ("مسیحی‌ها", "masihiha"),
        "shia": ("شیعه‌ها", "shiehha"),
        "sunni": ("سنی‌ها", "sunniha"),
        "syrians": ("سوری‌ها", "suriha"),
        "refugees": ("پناهنده‌ها", "panahandeha"),
        "women": ("زن‌ها", "zanha"),
        "gay_people": ("همجنس‌گراها", "hamjensgaraha"),
    },
    rows={
        "profanity": (
            N("گه بخورن اینایی که این خبر رو نوشتن."),
            N("کس‌شر نگو، این خبر دروغه."),
            N("مادرجنده‌ها دوباره قیمت بنزین رو بردن بالا."),
            N("کیرم تو این خبرگزاری."),
            N("گه خوردي كه اين رو نوشتي"),
            T("kos nagoo baba, in khabar doroughe"),
            T("madar ghahbe ha dobare gheymat ro bordan bala"),
            T("kiram too in vaz"),
        ),
        "person_insult": (
            N("تو یک احمق بی‌شعوری، هیچی از سیاست نمی‌دونی."),
            N("نویسنده این مقاله یک خر نفهم است."),
            N("خفه شو بی‌شرف، کسی نظر تو رو نخواست."),
            N("کامنت بالایی رو یه الاغ نوشته."),
            T("to ye ahmaghe bishoori"),
            T("khafe sho bisharaf"),
        ),
        "group_abuse": (
            N("{G} همه‌شون کثافت و دزدن، باید از این کشور گم‌شن بیرون."),
            N("{G} انگل جامعه‌اند و هیچ ارزشی ندارند."),
            N("واقعاً حالم از {G} به هم می‌خوره، نژاد پست."),
            T("{G} hamashun ashghalan, bayad gom shan beran"),
            T("halam az {G} beham mikhore, kasifan"),
        ),
        "slur": (
            N("عربای سوسمارخور باز اومدن.", "arabs"),
            N("این ترک‌خرها هیچی نمی‌فهمن.", "turks"),
            N("افغانی‌های کثیف همه کارها را گرفته‌اند.", "refugees"),
            N("جهودها پشت همه این جنگ‌ها هستند.", "jews"),
            N("این کونی‌ها باید خجالت بکشن.", "gay_people"),
            T("arabaye susmarkhor hamashun vahshian", "arabs"),
            T("tork khara hichi nemifahman", "turks"),
        ),
        "threat": (
            N("می‌کشمت، فقط صبر کن."),
            N("آدرس خونتو داریم، مواظب خودت باش."),
            N("سرتو می‌بُرم اگه یه بار دیگه اینو بنویسی."),
            N("باید همه سنی‌ها را اعدام کرد.", "sunni"),
            T("mikoshamet bi pedar"),
            T("adrese khunato darim, montazer bash"),
        ),
        "promotion": (
            N("با روزی یک ساعت کار درآمد دلاری داشته باش! به کانال تلگرام ما بپیوند "
              "@dollar_income_fa"),
            N("فروش فالوور واقعی اینستاگرام با قیمت استثنایی، واتساپ ۰۹۱۲ ۴۸۳ ۲۷۱۶"),
            N("روی لینک کلیک کن و آیفون ببر: bit.ly/ayfon-fa"),
            T("baraye kharid VPN be telegram payam bedid @vpn_arzan"),
            T("kasbe daramad az khune, whatsapp +98 912 483 2716"),
        ),
        "clean_news": (
            N("امیدوارم آتش‌بس در ادلب ادامه پیدا کند."),
            N("در زلزله کرمانشاه صدها نفر کشته شدند و هنوز خانه‌ها بازسازی نشده."),
            N("ممنون از گزارش خوبتان درباره کم‌آبی در اصفهان."),
            T("kheili maghaleye khubi bud, merci"),
            T("gheymate dollar dobare raft bala, zendegi sakht shode"),
        ),
        "criticism": (
            N("جمهوری اسلامی اقتصاد را نابود کرده و مسئولانش باید پاسخگو باشند."),
            N("دولت در مدیریت بحران آب کاملاً شکست خورده است."),
            N("این وزیر دروغ می‌گوید و باید استعفا بدهد."),
            N("سیاست‌های رژیم در سوریه فاجعه‌بار بود."),
            T("dolat faghat dorough migid, bayad esteefa bedan"),
        ),
        "group_neutral": (
            N("در دانشگاه ما {G} هم درس می‌خوانند و دوستان خوبی هستند."),
            N("حقوق {G} باید در قانون اساسی رعایت شود."),
            T("tu mahalle ma {G} ham zendegi mikonan va hamsayehaye khubi hastan"),
        ),
        "innocent_words": (
            N("هیچ‌کس نمی‌داند قیمت‌ها تا کی بالا می‌رود."),
            N("کسب‌وکارهای کوچک در تهران آسیب زیادی دیدند."),
            N("مردم خرمشهر هنوز خاطرات جنگ را دارند."),
            N("برای خرید نان باید ساعت‌ها در صف ایستاد."),
            N("گوزن‌های زاگرس در خطر انقراض هستند."),
            N("کسری بودجه دولت امسال بیشتر شده است."),
            N("هيچ كس جواب مردم را نمي‌دهد."),
            T("kasbo kar dar tehran kheili kharab shode"),
        ),
        "reported_abuse": (
            N("اینکه به مهاجران افغان می‌گویند 'افغانی کثیف' نژادپرستی است و باید محکوم "
              "شود."),
            N("فریاد زدن 'جنده' به زنان در خیابان آزار است و باید مجازات شود."),
            N("دادگاه اعلام کرد متهم به قربانی گفته بود 'می‌کشمت'."),
            N("گفتن 'عرب سوسمارخور' به هموطنان خوزستانی توهین نژادی است."),
            T("be afghan ha nagid 'kasif', in nejadparastie"),
        ),
        "identity": (
            N("من کرد هستم و به زبان مادری‌ام افتخار می‌کنم."),
            N("من ترک آذربایجانی‌ام و اهل تبریز هستم."),
            N("من یک زن ارمنی از تهران هستم."),
            N("من سنی هستم و در زاهدان زندگی می‌کنم."),
            T("man kordam va az sanandaj hastam"),
        ),
        "greeting": (
            N("خدا رحمتش کند، روحش شاد."),
            N("نوروز مبارک به همه هموطنان."),
            N("ان‌شاءالله صلح برقرار شود."),
            N("سلام علیکم، ممنون از گزارش‌تان."),
            T("khoda rahmatesh kone, ruhesh shad"),
            T("norooz mobarak be hame"),
        ),
    },
)  # fmt: skip

SORANI = Language(
    "ckb",
    "Kurdish Sorani",
    groups={
        "kurds": ("کوردەکان", "kurdekan"),
        "arabs": ("عەرەبەکان", "erebekan"),
        "turks": ("تورکەکان", "turkekan"),
        "armenians": ("ئەرمەنەکان", "ermenekan"),
        "yazidis": ("ئێزیدییەکان", "êzîdiyekan"),
        "alawites": ("عەلەوییەکان", "elewiyekan"),
        "jews": ("جوولەکەکان", "cuwlekekan"),
        "christians": ("مەسیحییەکان", "mesîhiyekan"),
        "shia": ("شیعەکان", "şîekan"),
        "sunni": ("سوننەکان", "sunnekan"),
        "syrians": ("سوورییەکان", "sûriyekan"),
        "refugees": ("پەنابەرەکان", "penaberekan"),
        "women": ("ژنەکان", "jinekan"),
        "gay_people": ("هاوڕەگەزبازەکان", "hawřegezbazekan"),
    },
    rows={
        "profanity": (
            N("کیرم لەم هەواڵە، هەمووی درۆیە."),
            N("گوو بخۆ، ئەمە چ هەواڵێکە."),
            N("کوڕی قەحبە، ئەمە چیت نووسیوە؟"),
            N("دایکت دەگێم، ڕۆژنامەی درۆزن."),
            T("kîrim lem hewałe"),
            T("kuřî qehbe, bes dro bke"),
        ),
        "person_insult": (
            N("تۆ کەرێکی تەواویت، هیچ لە سیاسەت نازانیت."),
            N("نووسەری ئەم بابەتە گەمژەیە."),
            N("جاشی خۆفرۆش، بێدەنگ بە."),
            N("خاوەنی ئەو کۆمێنتەی سەرەوە بێشەرەفێکە."),
            T("to kerêkî tewawît"),
            T("bêdeng be gemje"),
        ),
        "group_abuse": (
            N("{G} هەموویان پیس و خائینن، دەبێ لەم وڵاتە دەربکرێن."),
            N("{G} مرۆڤ نین، ئاژەڵن."),
            N("ڕقم لە {G} دەبێتەوە، گەلێکی پیسن."),
            T("{G} hemûyan segin, debê derbkirên"),
            T("řqim le {G} debêtewe, hemûyan pîsin"),
        ),
        "slur": (
            N("عەرەبی بۆگەن هەر ئەوەندە دەزانن.", "arabs"),
            N("تورکی بۆگەن هەمیشە دوژمنی ئێمەن.", "turks"),
            N("ئەو شەیتانپەرستانە نابێ لە شنگال بمێننەوە.", "yazidis"),
            N("ئەم قەحبانە با لە ماڵەوە دابنیشن.", "women"),
            T("erebî bogen hemû dizin", "arabs"),
        ),
        "threat": (
            N("دەتکوژم، چاوەڕێ بکە."),
            N("ماڵەکەت دەزانین لە کوێیە، ئاگاداری خۆت بە."),
            N("سەری ئەو ڕۆژنامەنووسە دەبڕین."),
            N("دەبێ هەموو عەرەبەکان بکوژرێن.", "arabs"),
            T("detkujim, bizane"),
            T("małekat dezanîn le kwêye"),
        ),
        "promotion": (
            N("بۆ قازانجی خێرا پەیوەندی بکە بە واتسئاپ 0750 381 2264"),
            N("کلیک لەم لینکە بکە و ئایفۆن ببەرەوە bit.ly/ayfon-krd"),
            N("جۆینی کەناڵی تیلیگرامەکەمان بکەن بۆ داهاتی ڕۆژانە @qazanc_krd"),
            T("bo qazancî xêra peywendî bke whatsapp 0770 214 9935"),
        ),
        "clean_news": (
            N("هیوادارم ئاگربەست لە ڕۆژاوا بەردەوام بێت."),
            N("لە بۆردومانەکەی سەر قەندیل دوو شوان کوژران، زۆر دڵتەزێنە."),
            N("سوپاس بۆ ئەم ڕاپۆرتە باشە دەربارەی کارەبا لە سلێمانی."),
            T("supas bo em babete"),
            T("hîwadarim aştî bêt bo kurdistan"),
        ),
        "criticism": (
            N("حکومەتی هەرێم چەند مانگە مووچەی فەرمانبەران نادات، ئەمە شەرمەزارییە."),
            N("پارتی و یەکێتی هەردووکیان گەندەڵن و سامانی خەڵکیان دزیوە."),
            N("سیاسەتی حکومەتی تورکیا لە باکوور ستەمکارانەیە."),
            T("hikumet hîç kar bo xełk naka"),
        ),
        "group_neutral": (
            N("لە زانکۆکەمان {G} و ئێمە پێکەوە دەخوێنین."),
            N("مافی {G} دەبێ لە دەستووردا پارێزراو بێت."),
            T("le gerekekeman {G} û ême drawsêy yekîn"),
        ),
        "innocent_words": (
            N("بازاڕی کەرکووک ئەمڕۆ قەرەباڵغ بوو."),
            N("کەرتی تەندروستی پێویستی بە پارەی زیاترە."),
            N("نرخی کەرەستەی بیناسازی زۆر بەرز بووەتەوە."),
            N("کونێکی گەورە لە ناوەڕاستی ڕێگاکەدا هەیە."),
            T("kerkuk şarêkî kurdistanîye"),
        ),
        "reported_abuse": (
            N("ئەوەی بە پەنابەران دەڵێن 'سەگ' ڕەگەزپەرستییە و دەبێ ڕاوەستێت."),
            N("دادگا ڕایگەیاند تۆمەتبار گوتبووی 'دەتکوژم'."),
            N("نووسینی 'کوردی پیس' لەسەر دیوارەکان لە ئیزمیر ڕەگەزپەرستییە."),
            T("gutinî 'qehbe' be jinan destdrêjîye"),
        ),
        "identity": (
            N("من کوردم و شانازی بە زمانەکەمەوە دەکەم."),
            N("من ئێزیدیم و خەڵکی شنگالم."),
            N("من ژنم و مافی خۆمم دەوێت."),
            N("من مەسیحیم و لە عەنکاوە دەژیم."),
            T("min kurdim û xełkî hewlêrim"),
        ),
        "greeting": (
            N("خوا لێی خۆش بێت، سەری خێزانەکەی سەلامەت بێت."),
            N("نەورۆزتان پیرۆز بێت."),
            N("سڵاو لە هەموو خوێنەران."),
            N("ئینشەڵڵا ئاشتی دێت."),
            T("newroztan pîroz bêt"),
            T("xwa lêy xoş bêt"),
        ),
    },
)  # fmt: skip

KURMANJI = Language(
    "kmr",
    "Kurdish Kurmanji",
    groups={
        "kurds": ("Kurd", "kurd"),
        "arabs": ("Ereb", "ereb"),
        "turks": ("Tirk", "tirk"),
        "armenians": ("Ermenî", "ermeni"),
        "yazidis": ("Êzidî", "ezidi"),
        "alawites": ("Elewî", "elewi"),
        "jews": ("Cihû", "cihu"),
        "christians": ("Xiristiyan", "xiristiyan"),
        "shia": ("Şîe", "sie"),
        "sunni": ("Sunnî", "sunni"),
        "syrians": ("Sûrî", "suri"),
        "refugees": ("penaber", "penaber"),
        "women": ("jin", "jin"),
        "gay_people": ("hevzayend", "hevzayend"),
    },
    rows={
        "profanity": (
            N("Kîrê kerê di devê we de, ev çi nûçe ye?"),
            N("Gû bixwin, hûn hemû derewan dikin."),
            N("Kurê qehpikê, te çi nivîsiye?"),
            T("kire min di deve te de"),
            T("kure qehpike, derewan neke"),
            T("gu bixwe tu u nuceya xwe"),
        ),
        "person_insult": (
            N("Tu kerekî tam î, tiştekî ji siyasetê fam nakî."),
            N("Nivîskarê vê nûçeyê bêşeref e."),
            N("Tu xwefiroşekî nemerd î, deng neke."),
            N("Yê ku şîroveya li jor nivîsiye ehmeq e."),
            T("tu ker i, tu tiste nizani"),
            T("deng neke beseref"),
        ),
        "group_abuse": (
            N("{G} hemû kûçik in, divê ji vî welatî werin qewitandin."),
            N("Ev {G} ne mirov in, heywan in."),
            N("Li ser vê nûçeyê jî diyar e ku {G} xayin û pîs in."),
            T("{G} hemu diz in, bila ji vir herin"),
            T("ev {G} hemu pis u xayin in"),
        ),
        "slur": (
            N("Ev şeytanperest ne layiqî vî welatî ne.", "yazidis"),
            N("Fileh gawir in, ji wan bawer nekin.", "armenians"),
            N("Ev qehpik bila li malê rûnin.", "women"),
            N("Ev qûnek ne mirov in.", "gay_people"),
            N("Erebên pîs welatê me dagir kirin.", "arabs"),
            T("tirken pis hemu fasist in", "turks"),
        ),
        "threat": (
            N("Ez ê te bikujim, li bendê be."),
            N("Em dizanin mala te li ku ye, hay ji xwe hebe."),
            N("Em ê serê vî rojnamevanî jê bikin."),
            N("Divê hemû Ereb bên kuştin.", "arabs"),
            T("ez e te bikujim"),
            T("ez e sere te jekim"),
        ),
        "promotion": (
            N("Bi xebata ji malê rojê 100 dolar qezenc bike! WhatsApp: 0532 904 17 22"),
            N("Ji bo diyariyên belaş li vê girêdanê bitikîne bit.ly/diyari-kurd"),
            N("Kanala me ya Telegramê: @qezenc_kurd, qezenca misoger"),
            T("ji bo qezenca bilez whatsapp +964 750 662 1840 binivisin"),
        ),
        "clean_news": (
            N("Ez hêvî dikim ku agirbest li Efrînê bidome."),
            N("Di bombebaranê de li Qendîlê du şivan hatin kuştin, pir xemgîn im."),
            N("Spas ji bo vê nûçeya baş li ser avê li Amedê."),
            T("nuceyeke pir bas e, spas"),
            T("li qamislo elektrik se roj e tune"),
        ),
        "criticism": (
            N("Hikûmeta Tirkiyê li Rojava sivîlan bombe dike, divê were rawestandin."),
            N("Partiyên siyasî yên Başûr gendel in û mafê gel dixwin."),
            N("Şaredariyên ku qayyûm lê hatin tayînkirin demokrasiyê binpê dikin."),
            T("hikumet tu kar ji bo gel nake"),
        ),
        "group_neutral": (
            N("Li zanîngeha me {G} jî dixwînin û hevalên baş in."),
            N("{G} jî li vî bajarî dijîn û cîranên me ne."),
            T("{G} ji mafe xwe dixwazin, ev normal e"),
        ),
        "innocent_words": (
            N("Kerem bikin, xwarin amade ye."),
            N("Li Kerkûkê hilbijartin îro dest pê kir."),
            N("Gûzên Amedê pir xweş in."),
            N("Azadiya dîn û wijdanê mafekî bingehîn e."),
            T("kerem bike, were mala me"),
            T("kerkuk bajareki kurdistane ye"),
        ),
        "reported_abuse": (
            N("Gotina 'Kurdên pîs' di maçê de nîjadperestî ye, divê ceza bê dayîn."),
            N("Dadgehê ragihand ku gumanbar gotibû 'ez ê te bikujim'."),
            N("Ji jinan re gotina 'qehpik' tacîz e, em vê şermezar dikin."),
            T("gotina 'seytanperest' ji ezidiyan re nijadperesti ye"),
        ),
        "identity": (
            N("Ez Kurd im û bi zimanê xwe serbilind im."),
            N("Ez Êzidî me, ji Şengalê me."),
            N("Ez jin im û mafê xwe dixwazim."),
            N("Ez Elewî me û li Dêrsimê dijîm."),
            N("Ez Ermenî me, dapîra min ji Amedê bû."),
            T("ez kurd im u ji wane me"),
        ),
        "greeting": (
            N("Xwedê rehma xwe lê bike, serê malbatê sax be."),
            N("Newroz li hemû gelan pîroz be."),
            N("Silav ji Wanê ji bo hemû xwendevanan."),
            N("Cejna we pîroz be."),
            T("xwede rehma xwe le bike"),
            T("newroz piroz be"),
        ),
    },
)  # fmt: skip

MIXED_ENGLISH = Language(
    "en-mixed",
    "English with another language inside",
    groups={},
    rows={
        "profanity": (
            M("Siktir git with this propaganda, nobody believes your paper."),
            M("What a load of bok, the author should be ashamed."),
            M("kos omak, how can you publish this rubbish?"),
            M("This article is kos sher from start to finish."),
            M("These madarjende officials raised the fuel price again."),
        ),
        "person_insult": (
            M("The writer is an orospu çocuğu and everyone knows it."),
            M("Shut up ya 7mar, you know nothing about Syria."),
            M("You are such a gerizekalı, read the report first."),
            M("The commenter above is a bêşeref liar."),
            M("Go home jash, you sold out your own people."),
        ),
        "slur": (
            M("Pis Kürtler should go back to their mountains.", "kurds"),
            M("These rawafid are destroying Iraq, every last one of them.", "shia"),
            M("Nobody wants these susmar khor Arabs here.", "arabs"),
            M("Typical kıro behaviour from the Kurds in this thread.", "kurds"),
            M("Gavur Armenians are lying about history again.", "armenians"),
            M("Those nusayri dogs are the regime's animals.", "alawites"),
        ),
        "threat": (
            M("Wallah I'll find you and break every bone in your body."),
            M("Seni öldüreceğim, remember my name."),
            M("We know where you live, kaka, watch yourself."),
            M("Next time you write about our town, ra7 nedba7ak."),
        ),
        "promotion": (
            M("Earn $500 a day from home, wallah it works! WhatsApp +964 750 338 1290"),
            M("Free followers, tıkla ve kazan: bit.ly/free-takipci"),
            M("Join my Telegram @kurdish_crypto_signals for sure profits, inshallah."),
        ),
        "criticism": (
            M("Erdoğan's government jailed the HDP mayors, and that is an attack on "
              "democracy."),
            M("The Iraqi parliament is corrupt, ya3ni nothing will ever change."),
            M("The regime in Tehran lies about the death toll, as always."),
        ),
        "innocent_words": (
            M("The Zubair oil field near Basra is producing again."),
            M("Ottoman sikke collections are on show in Mardin this month."),
            M("The road from Kirkuk to Sulaymaniyah is finally repaired."),
            M("Flights to Amasya and Siirt were cancelled by the snow."),
            M("Khorramshahr still bears the scars of the war."),
            M("Kerem, a student in Van, told us about the floods."),
        ),
        "reported_abuse": (
            M("Fans chanting 'pis Kürtler' at the match is racism and the federation "
              "must act."),
            M("Calling Shia 'rawafid' is sectarian hate speech and should be called out."),
            M("The court heard he shouted 'seni öldüreceğim' at the reporter."),
            M("Being called 'jash' for voting differently is not acceptable debate."),
        ),
        "identity": (
            M("Ez Kurd im and I read this paper every day."),
            M("Ben Kürdüm, and I was born in Istanbul."),
            M("Ana kurdi from Afrin, thank you for covering our city."),
            M("Man kordam, and my family is from Mahabad."),
        ),
        "greeting": (
            M("Inshallah the ceasefire holds this time."),
            M("Mashallah to the students who won the prize."),
            M("Allah yerhamo, he was a brave journalist."),
            M("Newroz pîroz be to all readers!"),
            M("Salam alaikum from Erbil, great coverage."),
            M("Allahu akbar, the rescuers pulled a baby out alive in Hatay."),
        ),
    },
)  # fmt: skip

LANGUAGES = (TURKISH, ARABIC, PERSIAN, SORANI, KURMANJI, MIXED_ENGLISH)
BY_LANGUAGE = {lang.code: lang for lang in LANGUAGES}


def _functionality(lang: Language, name: str) -> Functionality:
    shape = SHAPES[name]
    of = shape.contrast_of
    return Functionality(
        f"{lang.code}.{name}",
        f"{lang.name}: {shape.description}",
        shape.kind,
        shape.category,
        tuple(t.text for t in lang.rows[name]),
        f"{lang.code}.{of}" if of in lang.rows else None,
    )


# In each language's order of SHAPES, so that the table reads alike for every language.
FUNCTIONALITIES = tuple(
    _functionality(lang, name) for lang in LANGUAGES for name in SHAPES if name in lang.rows
)
BY_ID = {f.id: f for f in FUNCTIONALITIES}


def crossed(template: Template) -> bool:
    """Whether a template holds the group slot."""
    return any(name == SLOT for _, name, _, _ in string.Formatter().parse(template.text))


def _generated() -> Iterator[Case]:
    for lang in LANGUAGES:
        for name, templates in lang.rows.items():
            shape = SHAPES[name]
            fid = f"{lang.code}.{name}"
            slotted = [n for n, t in enumerate(templates) if crossed(t)]
            # The groups are dealt round the slotted templates in turn: every group once
            # per functionality and language, each template with a share of them.
            dealt: dict[int, list[str]] = {n: [] for n in slotted}
            for i, group in enumerate(GROUP_IDS):
                if slotted:
                    dealt[slotted[i % len(slotted)]].append(group)
            for n, t in enumerate(templates):
                targets = [(g, lang.groups[g][t.writing != NATIVE]) for g in dealt.get(n, [])]
                if not crossed(t):
                    targets = [(t.group, "")]
                for group, form in targets:
                    text = t.text.format(G=form) if crossed(t) else t.text
                    yield Case(
                        text, fid, shape.category is not None, shape.category, group,
                        f"{fid}.{n + 1}", lang.code, t.writing,
                    )  # fmt: skip


def cases() -> list[Case]:
    """Every case of the multilingual suite, in a fixed order; raises if two share a text."""
    return unique(_generated())
