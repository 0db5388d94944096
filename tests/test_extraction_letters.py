"""Names written with letters outside ASCII ("Uisce Éireann", "Maroš Šefčovič", "Ørsted")
are read as whole names, in every place the patterns read a name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workbench.extraction import extract
from workbench.extraction.attribution import attribute
from workbench.extraction.letters import CAP, CAPITALS, LOW, SMALLS

EXTRACTION = Path(__file__).resolve().parent.parent / "workbench" / "extraction"


def _speaker(sentence: str) -> str | None:
    found, _ = attribute(sentence)
    return None if found is None else found.speaker


def test_the_capitals_and_the_small_letters_are_told_apart():
    capitals = re.findall(CAP, "ÀÉÎÕØÞĀŁŠŻƁȘȚ àéîõøþāłšżƀșțß AZaz×÷")
    smalls = re.findall(LOW, "ÀÉÎÕØÞĀŁŠŻƁȘȚ àéîõøþāłšżƀșțß AZaz×÷")
    assert "".join(capitals) == "ÀÉÎÕØÞĀŁŠŻƁȘȚAZ"
    assert "".join(smalls) == "àéîõøþāłšżƀșțßaz"
    assert all(ch.isupper() for ch in CAPITALS[3:]) and all(ch.islower() for ch in SMALLS[3:])


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Unemployment rose to 8.4 per cent in March, Maroš Šefčovič said on Tuesday.",
     "Maroš Šefčovič"),
    ("EU Commissioner Maroš Šefčovič said tariffs on 40 per cent of exports would be lifted.",
     "Maroš Šefčovič"),
    ("Exports fell 12 per cent last year, according to Ángel Gurría, a former head of the OECD.",
     "Ángel Gurría"),
    ("Łukasz Nowak, a spokesman for the Polish Ministry of Finance, said the deficit reached "
     "5.7 per cent of GDP.", "Łukasz Nowak"),
    ("Şahin Özdemir, the mayor of İzmir, said 2,000 homes had been destroyed.", "Şahin Özdemir"),
    ('"Inflation fell to 2.1 per cent last month," said Óscar Ruiz, the central bank\'s chief '
     "economist.", "Óscar Ruiz"),
])
def test_a_person_named_with_letters_outside_ascii_is_named_in_full(sentence, speaker):
    assert _speaker(sentence) == speaker


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Uisce Éireann said the plant is operating above its design capacity.", "Uisce Éireann"),
    ("In a statement, Bus Éireann said it had no discretion to allocate 300 seats.",
     "Bus Éireann"),
    ("Ørsted said it had cancelled two wind farms off the US coast.", "Ørsted"),
    ("The Élysée said 40,000 police officers would be deployed.", "the Élysée"),
])
def test_a_body_named_with_letters_outside_ascii_is_the_speaker(sentence, speaker):
    assert _speaker(sentence) == speaker


def test_page_lines_that_name_a_writer_outside_ascii_are_never_proposed():
    text = ("By Éric Dupont\n\n"
            "Brazil's inflation rose to 5.1 per cent in May, the statistics agency said.\n\n"
            "Áine Ní Bhriain reported from Galway.\n")
    proposed = [claim.text for claim in extract(text)]
    assert proposed == ["Brazil's inflation rose to 5.1 per cent in May, the statistics agency "
                        "said."]


def test_no_pattern_of_the_rules_reads_a_capital_as_ascii_only():
    # The check-worthiness model's features (features.py) are its own: they were fitted as
    # they are, and a change there is a change of model.
    ascii_only = [path.name for path in sorted(EXTRACTION.glob("*.py"))
                  if path.name != "features.py" and "[A-Z]" in path.read_text(encoding="utf-8")]
    assert ascii_only == []
