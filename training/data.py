"""Readers for the labelled datasets in ../shared/data (path configurable, never copied).

Each reader returns `Example`s with the text as the commenter wrote it; label mapping onto
the service's categories is done by the training code. Official test splits are read
only by the functions named `*_test`, so training cannot pick them up by accident.
"""

from __future__ import annotations

import csv
import hashlib
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
    for _ in range(2):  # some rows are escaped twice
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
