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
