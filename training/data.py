"""Readers for the labelled datasets in ../shared/data (path configurable, never copied).

Each reader returns `Example`s with the text as the commenter wrote it; label mapping onto
the service's categories is done by the training code. Official test splits are read
only by the functions named `*_test`, so training cannot pick them up by accident.
"""

from __future__ import annotations

import csv
import hashlib
import html
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def data_dir(path: str | Path | None = None) -> Path:
    """The data folder: an explicit path, $MODERATION_DATA_DIR, or ../shared/data."""
    return Path(path or os.environ.get("MODERATION_DATA_DIR") or DEFAULT_DATA_DIR)


@dataclass(frozen=True)
class Example:
    text: str
    label: str
    source: str


class SchemaError(ValueError):
    """A data file does not have the columns or values its SOURCE.md describes."""


def file_sha256(path: Path) -> str:
    """The hash recorded in the model card for each data file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _rows(path: Path, delimiter: str = ",", required: tuple[str, ...] = ()) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter=delimiter)
        missing = set(required) - set(reader.fieldnames or ())
        if missing:
            raise SchemaError(f"{path.name}: missing columns {sorted(missing)}")
        return list(reader)


_ESCAPE = re.compile(r"\\\\|\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\[nrt'\"]")


def decode_kaggle(raw: str) -> str:
    """Undo the Kaggle insults escaping: outer triple quotes, \\n, \\xa0, UTF-8 byte escapes."""
    text = raw[1:-1] if raw.startswith('"') and raw.endswith('"') else raw
    for _ in range(4):  # some rows are escaped two or three times over
        if not _ESCAPE.search(text):
            break
        text = _ESCAPE.sub(_unescape_one, text)
    try:  # byte escapes of UTF-8 ("\xc2\xa0") arrive as Latin-1 characters
        text = text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass
    return text


def _unescape_one(match: re.Match[str]) -> str:
    token = match.group()
    simple = {"\\\\": "\\", "\\n": "\n", "\\r": "\r", "\\t": "\t", "\\'": "'", '\\"': '"'}
    if token in simple:
        return simple[token]
    return chr(int(token[2:], 16))


def kaggle_insults(split: str, root: Path | None = None) -> list[Example]:
    """Kaggle 'Detecting Insults': split 'train' only; see kaggle_insults_test for the others."""
    if split != "train":
        raise ValueError("use kaggle_insults_test() for official test splits")
    return _kaggle(data_dir(root) / "kaggle_insults" / "train.csv")


def kaggle_insults_test(split: str, root: Path | None = None) -> list[Example]:
    """Official test splits: 'test' (test_with_solutions) or 'verification'."""
    names = {"test": "test_with_solutions.csv", "verification": "impermium_verification_labels.csv"}
    return _kaggle(data_dir(root) / "kaggle_insults" / names[split])


def _kaggle(path: Path) -> list[Example]:
    rows = _rows(path, required=("Insult", "Comment"))
    return [Example(decode_kaggle(r["Comment"]), r["Insult"], path.name) for r in rows]


def olid_test(root: Path | None = None) -> list[Example]:
    """OLID official level-A test set (NOT/OFF)."""
    folder = data_dir(root) / "olid"
    labels = {
        r["id"]: r["label"] for r in _rows(folder / "labels-levela.csv", required=("id", "label"))
    }
    tweets = _rows(folder / "testset-levela.tsv", delimiter="\t", required=("id", "tweet"))
    return [Example(r["tweet"], labels[r["id"]], "olid-test") for r in tweets]


def edos_test(root: Path | None = None) -> list[Example]:
    """EDOS task A official test split (sexist / not sexist)."""
    path = data_dir(root) / "edos_sexism" / "edos_test.csv"
    rows = _rows(path, required=("text", "label_sexist"))
    return [Example(r["text"], r["label_sexist"], "edos-test") for r in rows]


def news_dev(root: Path | None = None) -> list[dict]:
    """The outlet-style development set: dicts with text, expected, categories, note."""
    path = data_dir(root) / "news_dev" / "news_dev.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    for number, row in enumerate(rows, 1):
        if set(row) != {"text", "article", "expected", "categories", "note"}:
            raise SchemaError(f"news_dev.jsonl:{number}: unexpected fields {sorted(row)}")
    return rows


def davidson(root: Path | None = None) -> list[Example]:
    """Davidson et al. tweets: label 'hate', 'offensive' or 'neither' (majority class)."""
    path = data_dir(root) / "davidson_hate_offensive" / "labeled_data.csv"
    names = {"0": "hate", "1": "offensive", "2": "neither"}
    rows = _rows(path, required=("class", "tweet"))
    bad = [r["class"] for r in rows if r["class"] not in names]
    if bad:
        raise SchemaError(f"{path.name}: unknown class values {sorted(set(bad))[:5]}")
    return [Example(html.unescape(r["tweet"]), names[r["class"]], "davidson") for r in rows]


def olid_train(root: Path | None = None) -> list[Example]:
    """OLID training tweets, labelled with their path: NOT, OFF/UNT, OFF/TIN/IND|GRP|OTH."""
    path = data_dir(root) / "olid" / "olid-training-v1.0.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        rows = list(reader)
    examples = []
    for r in rows:
        parts = [r["subtask_a"], r["subtask_b"], r["subtask_c"]]
        label = "/".join(p for p in parts if p and p != "NULL")
        if label.split("/")[0] not in ("NOT", "OFF"):
            raise SchemaError(f"{path.name}: id {r['id']} has subtask_a {r['subtask_a']!r}")
        examples.append(Example(r["tweet"], label, "olid-train"))
    return examples


def edos(split: str, root: Path | None = None) -> list[Example]:
    """EDOS 'train' or 'dev': label 'not sexist' or 'sexist:<category>'."""
    if split not in ("train", "dev"):
        raise ValueError("use edos_test() for the official test split")
    path = data_dir(root) / "edos_sexism" / f"edos_{split}.csv"
    rows = _rows(path, required=("text", "label_sexist", "label_category"))
    out = []
    for r in rows:
        if r["label_sexist"] not in ("sexist", "not sexist"):
            raise SchemaError(f"{path.name}: label_sexist {r['label_sexist']!r}")
        label = (
            "not sexist" if r["label_sexist"] == "not sexist" else f"sexist:{r['label_category']}"
        )
        out.append(Example(r["text"], label, f"edos-{split}"))
    return out


YOUTUBE_VIDEOS = (
    "Youtube01-Psy",
    "Youtube02-KatyPerry",
    "Youtube03-LMFAO",
    "Youtube04-Eminem",
    "Youtube05-Shakira",
)


def youtube_spam(
    videos: tuple[str, ...] = YOUTUBE_VIDEOS, root: Path | None = None
) -> list[Example]:
    """YouTube comments of the given videos: 'spam' or 'ham' (author names are not read)."""
    out = []
    for video in videos:
        path = data_dir(root) / "youtube_spam" / f"{video}.csv"
        for r in _rows(path, required=("CONTENT", "CLASS")):
            if r["CLASS"] not in ("0", "1"):
                raise SchemaError(f"{path.name}: CLASS {r['CLASS']!r}")
            out.append(
                Example(html.unescape(r["CONTENT"]), "spam" if r["CLASS"] == "1" else "ham", video)
            )
    return out


def sms_spam(root: Path | None = None) -> list[Example]:
    """SMS messages: 'spam' or 'ham'."""
    path = data_dir(root) / "sms_spam" / "SMSSpamCollection"
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        label, _, text = line.partition("\t")
        if label not in ("spam", "ham"):
            raise SchemaError(f"{path.name}:{number}: label {label!r}")
        out.append(Example(text, label, "sms"))
    return out


def english_test_comments(root: Path | None = None) -> list[Example]:
    """English comments from the official test sets and news_dev, for language routing checks."""
    examples = olid_test(root) + edos_test(root)
    examples += kaggle_insults_test("test", root) + kaggle_insults_test("verification", root)
    examples += [
        Example(r["text"], r["expected"], "news_dev")
        for r in news_dev(root)
        if not r["note"].startswith("non-English")
    ]
    return examples


REVIEW_CATEGORIES = frozenset(
    {"profanity", "vulgarity", "threat", "personal_attack", "abuse", "promotion"}
)


def reviewer_labels(path: Path) -> list[Example]:
    """Reviewers' decisions from `moderation export-labels` (JSONL, one per line).

    The label is "approve", or "reject:" followed by the confirmed categories joined by
    commas (e.g. "reject:abuse,threat").
    """
    out = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise SchemaError(f"{path}:{number}: not JSON ({exc.msg})") from exc
            text, label = row.get("text"), row.get("label")
            categories = row.get("categories") or []
            if not isinstance(text, str) or label not in ("approve", "reject"):
                raise SchemaError(f"{path}:{number}: needs a text and label approve/reject")
            if not set(categories) <= REVIEW_CATEGORIES or (label == "reject" and not categories):
                raise SchemaError(f"{path}:{number}: a reject needs known categories")
            if label == "reject":
                label = "reject:" + ",".join(sorted(categories))
            out.append(Example(text, label, f"reviewers:{path.name}"))
    return out


# --- Sets added for issue 11: hate, implicit hate, abuse at a chatbot, hostility ---------
# Where a set has no official split, a fixed fifth of its distinct texts is held out by
# hash (`_held_out`), so that training and every evaluation agree on it, on any machine.
HELD_OUT_BUCKETS = 5  # one bucket of five: 20 % held out


def _held_out(text: str) -> bool:
    """Whether `text` belongs to the held-out fifth of a set without an official split."""
    return hashlib.sha256(text.encode("utf-8")).digest()[0] % HELD_OUT_BUCKETS == 0


_SPLIT_ENTITY = re.compile(r"& (quot|amp|lt|gt|#\d+) ;")


def _stormfront(root: Path | None, test: bool) -> list[Example]:
    folder = data_dir(root) / "stormfront_hate"
    test_ids = set((folder / "split_test.txt").read_text(encoding="utf-8").split())
    test_posts = {file_id.split("_")[0] for file_id in test_ids}
    out = []
    for r in _rows(folder / "stormfront.csv", required=("file_id", "label", "text")):
        if r["label"] not in ("hate", "noHate"):  # relation / idk/skip: see SOURCE.md
            continue
        in_test = r["file_id"] in test_ids
        # A training sentence never shares a post with a test sentence.
        if in_test != test and (test or r["file_id"].split("_")[0] in test_posts):
            continue
        text = _SPLIT_ENTITY.sub(lambda m: html.unescape(f"&{m.group(1)};"), r["text"])
        out.append(Example(text, r["label"], "stormfront-test" if test else "stormfront"))
    return out


def stormfront(root: Path | None = None) -> list[Example]:
    """Stormfront sentences outside the test split's posts: label 'hate' or 'noHate'."""
    return _stormfront(root, test=False)


def stormfront_test(root: Path | None = None) -> list[Example]:
    """Stormfront's balanced test split (split_test.txt, 478 sentences)."""
    return _stormfront(root, test=True)


def _implicit_hate(root: Path | None, test: bool) -> list[Example]:
    folder = data_dir(root) / "implicit_hate"
    kinds = {}
    stage2 = folder / "implicit_hate_v1_stg2_posts.tsv"
    for r in _rows(stage2, delimiter="\t", required=("post", "implicit_class")):
        kinds[r["post"]] = r["implicit_class"]
    out, seen = [], set()
    stage1 = folder / "implicit_hate_v1_stg1_posts.tsv"
    for r in _rows(stage1, delimiter="\t", required=("post", "class")):
        text, label = r["post"], r["class"]
        if label not in ("not_hate", "implicit_hate", "explicit_hate"):
            raise SchemaError(f"{stage1.name}: class {label!r}")
        if text in seen or _held_out(text) != test:
            continue
        seen.add(text)
        if label == "implicit_hate" and text in kinds:
            label = f"implicit_hate:{kinds[text]}"  # e.g. implicit_hate:threatening
        out.append(Example(text, label, "implicit_hate-test" if test else "implicit_hate"))
    return out


def implicit_hate(root: Path | None = None) -> list[Example]:
    """implicit_hate stage 1 outside the held-out fifth: 'not_hate', 'explicit_hate',
    'implicit_hate' or 'implicit_hate:<stage-2 type>' (threatening, stereotypical, ...)."""
    return _implicit_hate(root, test=False)


def implicit_hate_test(root: Path | None = None) -> list[Example]:
    """implicit_hate's held-out fifth (by hash of the post; no official split exists)."""
    return _implicit_hate(root, test=True)


CONVABUSE_TYPES = (
    "ableist",
    "homophobic",
    "intellectual",
    "racist",
    "sexist",
    "sex_harassment",
    "transphobic",
)


def _ticked(cell: str) -> bool | None:
    """An annotator's cell: ticked, not ticked, or not labelled; a list keeps its first."""
    first = cell.split(",")[0].strip()
    return None if first == "" else first == "1"


def _convabuse(path: Path, source: str) -> list[Example]:
    rows = _rows(path, required=("user", "Annotator1_is_abuse.1"))
    out = []
    for r in rows:
        severities = []  # per annotator who labelled the row: abusive?, ambiguous?
        for n in range(1, 9):
            values = {v: _ticked(r.get(f"Annotator{n}_is_abuse.{v}", "")) for v in ("1", "0")}
            abusive = any(
                _ticked(r.get(f"Annotator{n}_is_abuse.{v}", "")) for v in "-1 -2 -3".split()
            )
            if values["1"] is None and values["0"] is None and not abusive:
                continue  # this annotator did not label the row
            severities.append("abusive" if abusive else "ambiguous" if values["0"] else "not")
        if not severities:
            continue
        half = len(severities) / 2
        if severities.count("abusive") > half:
            types = []
            for kind in CONVABUSE_TYPES:
                ticks = [_ticked(r.get(f"Annotator{n}_{kind}", "")) for n in range(1, 9)]
                if sum(t is True for t in ticks) > half:  # of all who labelled the row
                    types.append(kind)
            label = "abusive" + (":" + ",".join(types) if types else "")
        elif severities.count("not") > half:
            label = "not abusive"
        else:
            label = "ambiguous"
        out.append(Example(r["user"], label, source))
    return out


def convabuse(split: str, root: Path | None = None) -> list[Example]:
    """ConvAbuse 'train' or 'valid' user turns: 'not abusive', 'ambiguous', 'abusive' or
    'abusive:<types>' (majority of annotators, as SOURCE.md counts them)."""
    if split not in ("train", "valid"):
        raise ValueError("use convabuse_test() for the official test split")
    path = data_dir(root) / "convabuse" / f"ConvAbuseEMNLP{split}.csv"
    return _convabuse(path, f"convabuse-{split}")


def convabuse_test(root: Path | None = None) -> list[Example]:
    """ConvAbuse's official test split."""
    return _convabuse(data_dir(root) / "convabuse" / "ConvAbuseEMNLPtest.csv", "convabuse-test")


_MLMA_FILES = {
    "en": "en_dataset_with_stop_words.csv",
    "ar": "ar_dataset.csv",
    "fr": "fr_dataset.csv",
}


def _mlma(lang: str, root: Path | None, test: bool) -> list[Example]:
    path = data_dir(root) / "mlma" / _MLMA_FILES[lang]
    out = []
    for r in _rows(path, required=("tweet", "sentiment", "target", "group")):
        text = r["tweet"]
        if lang == "en":  # literal \u2019-style escapes, emoji as surrogate pairs
            text = decode_kaggle(text).encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        if _held_out(text) != test:
            continue
        label = (
            f"{r['sentiment']}:{r['target']}:{r['group']}"  # e.g. hateful_offensive:origin:arabs
        )
        out.append(Example(text, label, f"mlma-{lang}" + ("-test" if test else "")))
    return out


def mlma(lang: str = "en", root: Path | None = None) -> list[Example]:
    """MLMA tweets outside the held-out fifth: label '<sentiment>:<target>:<group>', the
    sentiment multi-label joined by '_' ('normal' alone: not hostile)."""
    return _mlma(lang, root, test=False)


def mlma_test(lang: str = "en", root: Path | None = None) -> list[Example]:
    """MLMA's held-out fifth (by hash of the tweet; no official split exists)."""
    return _mlma(lang, root, test=True)


def hateval_test(root: Path | None = None) -> list[Example]:
    """HatEval 2019 English test split: label 'HS=<0|1>,TR=<0|1>,AG=<0|1>'.

    Evaluation only (CC BY-NC 4.0): there is deliberately no reader of its train split.
    """
    path = data_dir(root) / "hateval2019_en" / "hateval2019_en_test_clean.csv"
    rows = _rows(path, required=("text", "HS", "TR", "AG"))
    return [
        Example(r["text"], f"HS={r['HS']},TR={r['TR']},AG={r['AG']}", "hateval-test") for r in rows
    ]


# --- Arabic, Turkish and Persian sets (issue 12) ----------------------------------------
# MPOLD Ids whose Comment cell the authors' expert filled orange in the xlsx: annotation
# errors in the first 500 comments (SOURCE.md). Their crowd label is probably wrong, so
# they are left out rather than guessed at.
MPOLD_ANNOTATION_ERRORS = frozenset(
    "26 52 55 64 113 120 130 145 159 172 183 195 227 240 242 249 263 266 296 321 335 383 "
    "399 405 409 427 457 459 468 471".split()
)
_MPOLD_EXPERT = "Vulgar:V/HateSpeech:HS/None:-"


def mpold_arabic(root: Path | None = None) -> list[Example]:
    """MPOLD Arabic news comments: 'Non-Offensive', or 'Offensive:<HS|V|->' (expert type);
    the 30 rows the expert marked as annotation errors are left out."""
    path = data_dir(root) / "mpold_arabic" / "MPOLD_converted.csv"
    out = []
    for r in _rows(path, required=("Id", "Comment", "Majority_Label", _MPOLD_EXPERT)):
        if r["Id"] in MPOLD_ANNOTATION_ERRORS:
            continue
        label, kind = r["Majority_Label"], r[_MPOLD_EXPERT]
        if label not in ("Offensive", "Non-Offensive") or kind not in ("HS", "V", "-"):
            raise SchemaError(f"{path.name}: Id {r['Id']} has labels {label!r} / {kind!r}")
        out.append(
            Example(
                r["Comment"], label if label == "Non-Offensive" else f"Offensive:{kind}", "mpold"
            )
        )
    return out


def _offenseval_tr(path: Path, labels: dict[str, str] | None, source: str) -> list[Example]:
    out = []
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if labels is None:
                if len(row) != 3 or row[2] not in ("NOT", "OFF"):
                    raise SchemaError(f"{path.name}:{number}: expected id, tweet, NOT|OFF")
                out.append(Example(row[1], row[2], source))
            else:
                if len(row) != 2 or row[0] not in labels:
                    raise SchemaError(f"{path.name}:{number}: expected id, tweet with a gold label")
                out.append(Example(row[1], labels[row[0]], source))
    return out


def offenseval_turkish(root: Path | None = None) -> list[Example]:
    """OffensEval 2020 Turkish training tweets: 'NOT' or 'OFF' (level A only)."""
    path = data_dir(root) / "offenseval_turkish" / "offenseval-tr-training-v1.tsv"
    return _offenseval_tr(path, None, "offenseval-tr")


def offenseval_turkish_test(root: Path | None = None) -> list[Example]:
    """OffensEval 2020 Turkish official test split with its gold labels ('NOT' / 'OFF')."""
    folder = data_dir(root) / "offenseval_turkish"
    gold = {}
    lines = (folder / "offenseval-tr-labela-v1.tsv").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        tweet_id, _, label = line.partition(",")
        if label not in ("NOT", "OFF"):
            raise SchemaError(f"offenseval-tr-labela-v1.tsv:{number}: label {label!r}")
        gold[tweet_id] = label
    return _offenseval_tr(folder / "offenseval-tr-testset-v1.tsv", gold, "offenseval-tr-test")


def osact4_arabic_test(root: Path | None = None) -> list[Example]:
    """OSACT4 Arabic tweets, train and dev files together: 'NOT_OFF', 'OFF' or 'OFF:HS'.

    Evaluation only (no licence stated): the name says so, and training never reads it.
    `<LF>` placeholders are read as line breaks.
    """
    folder = data_dir(root) / "osact4_arabic"
    out = []
    for name in ("OSACT2020-sharedTask-train.txt", "OSACT2020-sharedTask-dev.txt"):
        lines = (folder / name).read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, 1):
            parts = line.split("\t")
            if (
                len(parts) != 3
                or parts[1] not in ("OFF", "NOT_OFF")
                or parts[2] not in ("HS", "NOT_HS")
            ):
                raise SchemaError(f"{name}:{number}: expected tweet, OFF|NOT_OFF, HS|NOT_HS")
            label = parts[1] + (":HS" if parts[2] == "HS" else "")
            out.append(Example(parts[0].replace("<LF>", "\n"), label, "osact4-test"))
    return out


def turkish_hate_mayda_test(root: Path | None = None) -> list[Example]:
    """Mayda et al. Turkish tweets: 'hiçbiri', 'saldırgan' or 'nefret:<sublabels>'.

    Evaluation only (no licence stated). Only the converted CSV's text and labels are read,
    never the xlsx's user metadata.
    """
    path = data_dir(root) / "turkish_hate_mayda" / "turkish_hate_mayda2021_converted.csv"
    out = []
    for r in _rows(path, required=("tweet", "final_label", "final_sublabel")):
        label = r["final_label"]
        if label not in ("nefret", "saldırgan", "hiçbiri"):
            raise SchemaError(f"{path.name}: final_label {label!r}")
        if label == "nefret":
            label = f"nefret:{r['final_sublabel']}"
        out.append(Example(r["tweet"], label, "mayda-test"))
    return out


def pars_off_test(root: Path | None = None) -> list[Example]:
    """Pars-OFF Persian tweets, every row of the combined file: 'NOT', or 'OFF/<B>/<C>'.

    Evaluation only (no licence stated).
    """
    path = data_dir(root) / "pars_off_persian" / "Pars-OFF_all.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if not {"tweet", "level_a", "level_b", "level_c"} <= set(reader.fieldnames or ()):
            raise SchemaError(f"{path.name}: missing columns")
        rows = list(reader)
    out = []
    for r in rows:
        if r["level_a"] not in ("OFF", "NOT"):
            raise SchemaError(f"{path.name}: level_a {r['level_a']!r}")
        parts = [r["level_a"], r["level_b"], r["level_c"]]
        out.append(Example(r["tweet"], "/".join(p for p in parts if p != "NULL"), "pars-off-test"))
    return out
