"""Actor resolution: dictionary phrases, composition over the parse, memory and reference."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from detente.actors.dictionary import default_dictionary
from detente.actors.lexicon import Entry, Lexicon, first_word, same_phrase
from detente.model import Actor, Article, Document, Mention
from detente.pipeline import Pipeline, Settings

Parse = Callable[..., Document]


def mention(doc: Document, text: str) -> Mention:
    """The one mention whose text is `text`."""
    found = [m for m in doc.mentions if m.text == text]
    assert len(found) == 1, [m.text for m in doc.mentions]
    return found[0]


def keyed(doc: Document) -> dict[str, str | None]:
    """Mention text -> actor code (`IRNGOV`, `IGO:UN:GOV`)."""
    return {m.text: m.actor.code for m in doc.mentions}


# -- countries, demonyms, capitals, seats of power, organisations ---------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "iso3"),
    [
        ("The US imposed sanctions on Iran.", "US", "USA"),
        ("The U.S. imposed sanctions on Iran.", "U.S.", "USA"),
        ("Britain imposed sanctions on Iran.", "Britain", "GBR"),
        ("Iran imposed sanctions on Türkiye.", "Türkiye", "TUR"),
        ("Iran imposed sanctions on Turkey.", "Turkey", "TUR"),
        ("Turkey and Ivory Coast signed a trade deal.", "Ivory Coast", "CIV"),
    ],
)
def test_country_names_and_aliases(parse: Parse, text: str, phrase: str, iso3: str) -> None:
    found = mention(parse(text), phrase)
    assert found.actor.country == iso3
    assert found.actor.sector == "GOV"
    assert found.rule.startswith("country:countries.tsv:")


def test_a_demonym_before_a_group_gives_its_country(parse: Parse) -> None:
    found = mention(
        parse("Iranian officials met Azerbaijani President Ilham Aliyev."), "Iranian officials"
    )
    assert found.actor.country == "IRN"
    assert found.actor.person is None


def test_a_demonym_title_and_name_make_a_person(parse: Parse) -> None:
    doc = parse("Iranian officials met Azerbaijani President Ilham Aliyev in Baku.")
    found = mention(doc, "Azerbaijani President Ilham Aliyev")
    assert found.actor == Actor(
        name="Ilham Aliyev",
        country="AZE",
        sector="GOV",
        person="Ilham Aliyev",
        role="President",
    )


@pytest.mark.parametrize(
    ("text", "phrase", "iso3"),
    [
        ("Tehran condemned the attack.", "Tehran", "IRN"),
        ("Kyiv condemned the attack.", "Kyiv", "UKR"),
        ("Kiev condemned the attack.", "Kiev", "UKR"),
    ],
)
def test_a_capital_stands_for_its_government(
    parse: Parse, text: str, phrase: str, iso3: str
) -> None:
    found = mention(parse(text), phrase)
    assert (found.actor.country, found.actor.sector) == (iso3, "GOV")
    assert found.rule.startswith("capital:")


def test_seats_of_power(parse: Parse) -> None:
    doc = parse("The Kremlin criticised the Pentagon.")
    assert keyed(doc) == {"Kremlin": "RUSGOV", "Pentagon": "USAMIL"}
    assert mention(doc, "Kremlin").rule.startswith("metonym:metonyms.tsv:")


def test_an_organ_of_an_organisation_is_the_organisation(parse: Parse) -> None:
    found = mention(parse("The UN Security Council condemned the attack."), "UN Security Council")
    assert found.actor.igo == "UN"
    assert found.actor.country is None
    assert found.actor.code == "IGO:UN:GOV"


@pytest.mark.parametrize(
    ("text", "phrase", "iso3", "sector"),
    [
        ("The Iraqi parliament voted to expel US troops.", "Iraqi parliament", "IRQ", "LEG"),
        ("Kenyan police arrested 20 protesters.", "Kenyan police", "KEN", "COP"),
        (
            "Iranian Defense Minister Aziz Nasirzadeh visited Moscow.",
            "Iranian Defense Minister Aziz Nasirzadeh",
            "IRN",
            "MIL",
        ),
    ],
)
def test_a_sector_term_gives_the_sector(
    parse: Parse, text: str, phrase: str, iso3: str, sector: str
) -> None:
    found = mention(parse(text), phrase)
    assert (found.actor.country, found.actor.sector) == (iso3, sector)


def test_a_titled_minister_keeps_name_and_role(parse: Parse) -> None:
    doc = parse("Iranian Defense Minister Aziz Nasirzadeh visited Moscow.")
    actor = mention(doc, "Iranian Defense Minister Aziz Nasirzadeh").actor
    assert (actor.person, actor.role) == ("Aziz Nasirzadeh", "Defense Minister")


# -- people: the dated office table, memory, reference -------------------------------------


def test_a_person_resolves_while_in_office(parse: Parse) -> None:
    found = mention(parse("Pezeshkian said Iran would not negotiate."), "Pezeshkian")
    assert found.actor.country == "IRN"
    assert (found.actor.person, found.actor.role) == ("Masoud Pezeshkian", "President")
    assert found.rule.startswith("person:people.tsv:")


def test_a_person_does_not_resolve_before_taking_office(parse: Parse) -> None:
    doc = parse("Pezeshkian said Iran would not negotiate.", published="2020-01-05")
    assert [m.text for m in doc.mentions] == ["Iran"]
    assert all(m.actor.person != "Masoud Pezeshkian" for m in doc.mentions)


def test_a_person_introduced_with_a_title_is_remembered_by_surname(parse: Parse) -> None:
    doc = parse(
        "Kenyan Interior Minister John Mwangi met Ugandan officials. "
        "Mwangi later criticised Uganda."
    )
    later = mention(doc, "Mwangi")
    assert later.actor.country == "KEN"
    assert (later.actor.person, later.actor.role) == ("John Mwangi", "Interior Minister")
    assert later.rule == "memory:name"
    assert later.sentence == 1


def test_a_person_introduced_with_a_title_is_remembered_by_role(parse: Parse) -> None:
    doc = parse(
        "Kenyan Interior Minister John Mwangi met Ugandan officials. "
        "The interior minister later criticised Uganda."
    )
    later = mention(doc, "interior minister")
    assert (later.actor.country, later.actor.person) == ("KEN", "John Mwangi")
    assert later.rule.endswith("+memory")


def test_his_country_is_the_persons_country(parse: Parse) -> None:
    doc = parse("Turkish President Recep Tayyip Erdogan said his country would help.")
    found = mention(doc, "his country")
    assert (found.actor.country, found.actor.sector, found.actor.person) == ("TUR", "GOV", None)
    assert found.rule.startswith("coref:possessive-country:")


def test_the_two_countries_are_the_last_two_named(parse: Parse) -> None:
    doc = parse("Iran and Iraq signed a deal. The two countries agreed to cooperate.")
    pair = [m for m in doc.mentions if m.text == "The two countries"]
    assert sorted(m.actor.country or "" for m in pair) == ["IRN", "IRQ"]
    assert all(m.rule.startswith("coref:pair:") for m in pair)


def test_a_lower_case_pronoun_and_a_bird_are_not_countries(parse: Parse) -> None:
    doc = parse("Let us eat roast turkey with them.")
    assert doc.mentions == ()


def test_a_lower_case_bird_next_to_a_real_country(parse: Parse) -> None:
    doc = parse("Iran told us it would serve roast turkey to visitors from Turkey.")
    assert [(m.text, m.actor.country) for m in doc.mentions if m.rule.startswith("country:")] == [
        ("Iran", "IRN"),
        ("Turkey", "TUR"),
    ]


# -- the lexicon ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.build(default_dictionary())


def entry(lexicon: Lexicon, phrase: str, kind: str) -> Entry:
    for group in lexicon.proper.get(first_word(phrase), ()):
        for e in group:
            if e.phrase == phrase and e.kind == kind:
                return e
    raise AssertionError(f"no {kind} entry {phrase!r}")


def test_acronyms_are_exact_and_names_are_not(lexicon: Lexicon) -> None:
    assert entry(lexicon, "US", "country").exact
    assert entry(lexicon, "U.S.", "country").exact
    assert not entry(lexicon, "Iran", "country").exact
    assert not entry(lexicon, "Turkey", "country").exact


def test_an_acronym_matches_only_as_written() -> None:
    us = Entry("US", "country", Actor(name="United States", country="USA"), "t:1", exact=True)
    assert same_phrase("US", us)
    assert not same_phrase("us", us)
    assert not same_phrase("Us", us)


def test_a_name_matches_in_any_case_when_capitalised() -> None:
    turkey = Entry("Turkey", "country", Actor(name="Türkiye", country="TUR"), "t:1", exact=False)
    assert same_phrase("Turkey", turkey)
    assert same_phrase("TURKEY", turkey)
    assert not same_phrase("turkey", turkey)
    assert not same_phrase("Turkeys", turkey)


# -- a user's actors file ------------------------------------------------------------------

USER_ACTORS = """\
# A minister the shipped people.tsv does not know.
people:
  - name: Amina Odhiambo
    aliases: [Odhiambo]
    country: KEN
    sector: GOV
    role: Interior Minister
    start: 2025-01-01
"""


def test_a_user_actors_file_adds_a_person(tmp_path: Path, parse: Parse) -> None:
    text = "Odhiambo criticised Uganda."
    assert [m.text for m in parse(text).mentions] == ["Uganda"]

    path = tmp_path / "actors.yaml"
    path.write_text(USER_ACTORS, encoding="utf-8")
    pipeline = Pipeline.default(Settings(actors=(str(path),)))
    article = Article(id="u", text=text, published=dt.date(2026, 2, 6))
    doc = next(pipeline.run([article]))
    found = mention(doc, "Odhiambo")
    assert found.actor == Actor(
        name="Amina Odhiambo",
        country="KEN",
        sector="GOV",
        person="Amina Odhiambo",
        role="Interior Minister",
    )
    assert found.rule == f"person:{path}:3"
