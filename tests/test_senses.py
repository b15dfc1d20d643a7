"""Listed slurs with an innocent second sense (lists/abuse.toml [senses], senses.py)."""

import pytest

from service.normalise import fold
from service.rules import build_rules
from service.rules.lists import RuleListError

RULES = build_rules()


def abuse(text: str) -> list[str]:
    return [h.rule for h in RULES.match(text, fold(text)) if h.category.value == "abuse"]


@pytest.mark.parametrize(
    "text",
    [
        "We queued in the rain and he rolled himself a fag while we waited",
        "She went out to the car park for a quick fag and a coffee",
        "The butcher on Main Street still makes faggots with onion gravy",
        "They gathered faggots of hazel and brushwood for the winter hearth",
        "Engineers raised the dyke after the river flooded the fields again",
        "Geologists mapped a basalt dyke cutting through the older rock",
        "Sanctions may retard the recovery of the Kurdistan Region's economy",
        "The coating is meant to retard corrosion on the pipeline",
    ],
)
def test_a_slur_in_its_innocent_sense_is_no_abuse(text):
    assert abuse(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "you fag, nobody wants your smoke-filled opinions",
        "He is a retard and his growth plan is a joke",
        "those dykes by the river should keep quiet",
        "Only a bunch of fags would cheer for this",
        "the dykes at the march were a disgrace",  # no word of another sense near
        "what a faggot",
    ],
)
def test_the_slur_aimed_at_people_still_counts(text):
    assert abuse(text), text


def test_a_sense_needs_a_reason_and_lists_of_words(tmp_path):
    import shutil

    from service.rules.lists import default_dir

    lists = tmp_path / "lists"
    shutil.copytree(default_dir(), lists)
    path = lists / "abuse.toml"
    path.write_text(path.read_text() + '\n[senses.broken]\nwords = "fag"\nreason = "x"\n')
    with pytest.raises(RuleListError, match="senses.broken"):
        build_rules(lists)
