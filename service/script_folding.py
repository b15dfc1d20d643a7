"""Folding for the Arabic and Turkish heads: letters one word is spelled with, made one.

Arabic is written with look-alike letters that keyboards and regions choose between: the
Persian keyboard's ی and ک for ي and ك, alef maqsura ى for final ي, ة written as ه,
alef with or without hamza (أ إ آ ٱ), and the tatweel ـ that stretches a word
("كـــلب"). Turkish writes I/ı and İ/i as two pairs, and tweets drop the dots at will.
A character n-gram model sees each spelling as a different word; after this folding
they are one. `normalise.fold` does the rest (diacritics, presentation forms, case,
stretched letters, look-alike Latin). Training and the service both call
`fold_script_texts`, the heads' first pipeline step, so they fold alike.
"""

from __future__ import annotations

from collections.abc import Iterable

from service.model import model_input
from service.normalise import fold

SCRIPT_LOOKALIKES = str.maketrans(
    {
        "ی": "ي",  # Persian yeh
        "ى": "ي",  # alef maqsura: final ي in much Egyptian and Gulf writing
        "ک": "ك",  # keheh, the Persian keyboard's kaf
        "ة": "ه",  # ta marbuta written, and read at a pause, as heh
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",  # alef with hamza or madda, alef wasla: spelled with or without
        "ـ": None,  # tatweel only stretches a word
        "İ": "i",
        "ı": "i",  # Turkish dotted and dotless i, dropped at will in tweets
    }
)


def fold_script(text: str) -> str:
    """`text` with Arabic-script look-alikes and Turkish i's made one, then folded."""
    return fold(text.translate(SCRIPT_LOOKALIKES)).text


def fold_script_texts(texts: Iterable[str]) -> list[str]:
    """The language heads' first step: script folding, without links and identity terms."""
    return [model_input(fold_script(text)) for text in texts]
