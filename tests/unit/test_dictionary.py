"""The actor dictionaries we ship, and their loader's validation and user overrides."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections import defaultdict
from pathlib import Path

import pytest

from detente.actors import dictionary as dictionary_module
from detente.actors.dictionary import (
    KINDS,
    SECTORS,
    ActorDictionary,
    Country,
    Person,
    default_dictionary,
    load_dictionary,
)
from detente.datafiles import data_path
from detente.errors import DataFileError

# Strings that name two countries on purpose: the matcher must treat them as ambiguous.
SHARED_NAMES = {
    "congolese": {"COD", "COG"},
    "dominican": {"DMA", "DOM"},
    "dominicans": {"DMA", "DOM"},
    "kingston": {"JAM", "NFK"},
}

DATA_FILES = ("countries.tsv", "metonyms.tsv", "igos.yaml", "sectors.yaml", "people.tsv")


@pytest.fixture(scope="module")
def shipped() -> ActorDictionary:
    return load_dictionary()


def country(d: ActorDictionary, iso3: str) -> Country:
    found = d.country(iso3)
    assert found is not None, iso3
    return found


def terms_of(d: ActorDictionary, name: str) -> list[Person]:
    terms = [p for p in d.people if p.name == name]
    assert terms, name
    return terms


def in_office(d: ActorDictionary, name: str, day: dt.date) -> bool:
    return any(p.holds_office_on(day) for p in terms_of(d, name))


# -- countries ---------------------------------------------------------------------------


def test_every_iso_entity_once(shipped: ActorDictionary) -> None:
    codes = [c.iso3 for c in shipped.countries]
    assert len(codes) >= 250  # 249 ISO 3166-1 entities and Kosovo
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes)
    iso2 = [c.iso2 for c in shipped.countries]
    assert len(set(iso2)) == len(iso2)
    assert {"XKX", "PSE", "TWN", "VAT", "ATA", "SSD", "CUW", "BES"} <= set(codes)


def test_country_lookup(shipped: ActorDictionary) -> None:
    assert country(shipped, "IRN").name == "Iran"
    assert shipped.country("XXX") is None
    assert country(shipped, "AZE").where.startswith("countries.tsv:")


def test_names_news_uses(shipped: ActorDictionary) -> None:
    usa = country(shipped, "USA")
    assert {"U.S.", "US", "USA", "America", "United States of America"} <= set(usa.aliases)
    assert {"American", "U.S."} <= set(usa.adjectives)
    assert "Americans" in usa.nationals
    assert {"Washington, D.C.", "Washington DC"} <= set(usa.capital_aliases)
    tur = country(shipped, "TUR")
    assert "Türkiye" in (tur.name, *tur.aliases)
    assert "Turkey" in (tur.name, *tur.aliases)
    assert {"Azerbaijani", "Azeri"} <= set(country(shipped, "AZE").adjectives)
    assert {"UK", "Britain", "Great Britain"} <= set(country(shipped, "GBR").aliases)
    assert "Britons" in country(shipped, "GBR").nationals
    assert "Burma" in country(shipped, "MMR").aliases
    assert "Ivory Coast" in country(shipped, "CIV").aliases
    assert "Emirati" in country(shipped, "ARE").adjectives


def test_the_koreas_and_congos_are_distinct(shipped: ActorDictionary) -> None:
    south, north = country(shipped, "KOR"), country(shipped, "PRK")
    assert "South Korea" in (south.name, *south.aliases)
    assert "North Korea" in (north.name, *north.aliases)
    assert "DPRK" in north.aliases and "DPRK" not in south.aliases
    assert not set(south.aliases) & set(north.aliases)
    assert "Congo-Brazzaville" in country(shipped, "COG").aliases
    assert "DRC" in country(shipped, "COD").aliases


def test_capitals(shipped: ActorDictionary) -> None:
    ukraine = country(shipped, "UKR")
    assert ukraine.capital == "Kyiv"
    assert "Kiev" in ukraine.capital_aliases
    assert ukraine.capital_lat == pytest.approx(50.45, abs=0.1)
    assert ukraine.capital_lon == pytest.approx(30.52, abs=0.1)
    israel = country(shipped, "ISR")
    assert israel.capital == "Jerusalem"
    assert "Tel Aviv" not in israel.capital_aliases
    assert country(shipped, "IND").capital == "New Delhi"
    assert "Peking" in country(shipped, "CHN").capital_aliases
    for c in shipped.countries:
        assert (c.capital_lat is None) == (c.capital_lon is None), c.iso3
        if c.capital_lat is not None:
            assert c.capital is not None, c.iso3


def test_no_name_means_two_countries_except_the_listed_ones(shipped: ActorDictionary) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for c in shipped.countries:
        names = (c.name, *c.aliases, *c.adjectives, *c.nationals, *c.capital_aliases)
        for name in (*names, *([c.capital] if c.capital else [])):
            owners[name.casefold()].add(c.iso3)
    shared = {name: codes for name, codes in owners.items() if len(codes) > 1}
    assert shared == SHARED_NAMES


def test_names_are_clean(shipped: ActorDictionary) -> None:
    for c in shipped.countries:
        for name in (c.name, *c.aliases, *c.adjectives, *c.nationals, *c.capital_aliases):
            assert name == name.strip() and "  " not in name, (c.iso3, name)
            assert not name.startswith("the ") or name in {"the States", "the Emirates"}, name
        assert c.name not in c.aliases
        assert c.capital not in c.capital_aliases


# -- metonyms, organisations, sector terms ------------------------------------------------


def test_metonyms(shipped: ActorDictionary) -> None:
    assert 60 <= len(shipped.metonyms) <= 1500
    by_phrase = {p: m for m in shipped.metonyms for p in m.phrases}
    expected = {
        "White House": ("USA", "GOV"),
        "Pentagon": ("USA", "MIL"),
        "Kremlin": ("RUS", "GOV"),
        "Downing Street": ("GBR", "GOV"),
        "Knesset": ("ISR", "LEG"),
        "IRGC": ("IRN", "MIL"),
        "Mossad": ("ISR", "SPY"),
        "KGB": ("BLR", "SPY"),
        "Hezbollah": ("LBN", "REB"),
        "Houthis": ("YEM", "REB"),
        "Kataeb Hezbollah": ("IRQ", "REB"),
    }
    for phrase, (iso3, sector) in expected.items():
        assert (by_phrase[phrase].iso3, by_phrase[phrase].sector) == (iso3, sector), phrase
    codes = {c.iso3 for c in shipped.countries}
    assert all(m.iso3 in codes and m.sector in SECTORS for m in shipped.metonyms)


def test_organisations(shipped: ActorDictionary) -> None:
    igos = {o.igo: o for o in shipped.igos}
    required = {"UN", "EU", "NATO", "AU", "ASEAN", "ARABLEAGUE", "GCC", "OPEC", "OSCE", "OIC"}
    required |= {"ICC", "ICJ", "INTERPOL", "IMF", "WORLDBANK", "WTO", "G7", "G20", "BRICS", "SCO"}
    required |= {"IAEA", "WHO", "UNESCO", "UNHCR", "UNICEF", "WFP", "UNRWA", "ECOWAS", "CIS"}
    required |= {"CSTO", "COE", "OAS", "MERCOSUR", "APEC", "ICRC", "AMNESTY", "HRW", "MSF"}
    assert required <= set(igos)
    assert {"Security Council", "UN Security Council", "General Assembly", "U.N."} <= set(
        igos["UN"].aliases
    )
    assert {"European Commission", "European Parliament", "European Council"} <= set(
        igos["EU"].aliases
    )
    # acting, "Brussels" is the EU (as a place it is still Belgium's capital)
    assert "Brussels" in igos["EU"].aliases
    assert "Secretary-General" not in igos["UN"].aliases  # NATO has one too
    assert igos["ICRC"].sector == "NGO" and igos["ICC"].sector == "JUD"


def test_sector_terms(shipped: ActorDictionary) -> None:
    assert 150 <= len(shipped.sector_terms) <= 400
    terms = {t.term: t for t in shipped.sector_terms}
    assert len(terms) == len(shipped.sector_terms)
    assert all(t.kind in KINDS and t.sector in SECTORS for t in shipped.sector_terms)
    assert all(t.term == t.term.lower() for t in shipped.sector_terms)
    assert (terms["defense minister"].sector, terms["defense minister"].kind) == ("MIL", "title")
    assert terms["defence ministry"].sector == "MIL"
    assert terms["foreign minister"].sector == "GOV"
    assert terms["armed force"].sector == "MIL"
    assert terms["police"].sector == "COP"
    assert terms["protester"].sector == "CVL"
    assert terms["president"].role == "President"
    assert all(t.role for t in shipped.sector_terms if t.kind == "title")


# -- people --------------------------------------------------------------------------------


def test_people_in_office(shipped: ActorDictionary) -> None:
    assert in_office(shipped, "Masoud Pezeshkian", dt.date(2026, 2, 6))
    assert not in_office(shipped, "Masoud Pezeshkian", dt.date(2020, 1, 1))
    assert in_office(shipped, "Donald Trump", dt.date(2020, 1, 5))
    assert in_office(shipped, "Donald Trump", dt.date(2026, 2, 6))
    assert not in_office(shipped, "Donald Trump", dt.date(2022, 6, 1))
    assert in_office(shipped, "Joe Biden", dt.date(2022, 6, 1))
    assert in_office(shipped, "Ebrahim Raisi", dt.date(2023, 1, 1))
    assert not in_office(shipped, "Ebrahim Raisi", dt.date(2024, 6, 1))
    assert in_office(shipped, "Ilham Aliyev", dt.date(2015, 1, 1))
    nasirzadeh = terms_of(shipped, "Aziz Nasirzadeh")[0]
    assert (nasirzadeh.country, nasirzadeh.sector) == ("IRN", "MIL")
    assert nasirzadeh.start == dt.date(2024, 8, 21)


def test_one_holder_at_a_time(shipped: ActorDictionary) -> None:
    def holders(country: str, role: str, day: dt.date) -> set[str]:
        return {
            p.name
            for p in shipped.people
            if p.country == country and p.role == role and p.holds_office_on(day)
        }

    assert holders("USA", "President", dt.date(2021, 1, 20)) == {"Joe Biden"}
    assert holders("USA", "President", dt.date(2025, 1, 20)) == {"Donald Trump"}
    assert holders("GBR", "Prime Minister", dt.date(2022, 10, 1)) == {"Liz Truss"}
    assert holders("IRN", "President", dt.date(2019, 6, 1)) == {"Hassan Rouhani"}
    assert holders("ISR", "Prime Minister", dt.date(2022, 1, 1)) == {"Naftali Bennett"}


def test_people_are_well_formed(shipped: ActorDictionary) -> None:
    codes = {c.iso3 for c in shipped.countries} | {f"IGO:{o.igo}" for o in shipped.igos}
    countries = {p.country for p in shipped.people if not p.country.startswith("IGO:")}
    assert len(countries) >= 40
    for p in shipped.people:
        assert p.country in codes and p.sector in SECTORS, p.where
        assert p.source, p.where
        assert p.start is None or p.end is None or p.start < p.end, p.where
    names = {p.name for p in shipped.people}
    required = {
        "Ilham Aliyev",
        "Ebrahim Raisi",
        "Hassan Rouhani",
        "Ali Khamenei",
        "Abbas Araghchi",
        "Joe Biden",
        "Mike Pompeo",
        "Marco Rubio",
        "Vladimir Putin",
        "Xi Jinping",
        "Volodymyr Zelensky",
        "Recep Tayyip Erdoğan",
        "Benjamin Netanyahu",
        "Kyriakos Mitsotakis",
        "Nicos Anastasiades",
        "Abdel Fattah el-Sisi",
        "Emmanuel Macron",
        "Olaf Scholz",
        "Angela Merkel",
        "Friedrich Merz",
        "Boris Johnson",
        "Keir Starmer",
        "Narendra Modi",
        "Rodrigo Duterte",
        "Alberto Fernández",
        "Alexander Lukashenko",
        "Aleksandar Vučić",
        "Nikol Pashinyan",
        "Giuseppe Conte",
        "Giorgia Meloni",
    }
    assert required <= names
    erdogan = terms_of(shipped, "Recep Tayyip Erdoğan")[0]
    assert {"Erdogan", "Erdoğan"} <= set(erdogan.aliases)


def test_holds_office_on_bounds() -> None:
    term = Person(
        name="A",
        aliases=(),
        country="AAA",
        sector="GOV",
        role="President",
        start=dt.date(2020, 1, 1),
        end=dt.date(2021, 1, 1),
        source="",
        where="",
    )
    assert term.holds_office_on(dt.date(2020, 1, 1))
    assert term.holds_office_on(dt.date(2020, 12, 31))
    assert not term.holds_office_on(dt.date(2021, 1, 1))  # the handover day is the successor's
    assert not term.holds_office_on(dt.date(2019, 12, 31))
    open_ended = Person("B", (), "AAA", "GOV", "King", None, None, "", "")
    assert open_ended.holds_office_on(dt.date(1900, 1, 1))


def test_default_dictionary_is_loaded_once() -> None:
    assert default_dictionary() is default_dictionary()


# -- malformed shipped files ---------------------------------------------------------------


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped data files that the loader reads instead of the real ones."""
    for name in DATA_FILES:
        shutil.copy(data_path(name), tmp_path / name)
    monkeypatch.setattr(dictionary_module, "data_path", lambda name: tmp_path / name)
    return tmp_path


def replace_line(path: Path, old: str, new: str) -> int:
    """Replace the first line starting with `old`; return its (1-based) number."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for number, line in enumerate(lines, 1):
        if line.startswith(old):
            lines[number - 1] = new + line[len(old) :]
            path.write_text("".join(lines), encoding="utf-8")
            return number
    raise AssertionError(f"no line starts with {old!r}")


NASIRZADEH = "Aziz Nasirzadeh\tNasirzadeh|Aziz Nasir Zadeh\t"


def test_copied_data_loads_as_shipped(data_dir: Path, shipped: ActorDictionary) -> None:
    assert load_dictionary() == shipped


@pytest.mark.parametrize(
    ("name", "old", "new", "problem"),
    [
        ("countries.tsv", "IRN\tIR", "Irn\tIR", "iso3 'Irn'"),
        ("countries.tsv", "IRQ\tIQ", "IRN\tIQ", "duplicate iso3 'IRN'"),
        ("countries.tsv", "AZE\tAZ\tAzerbaijan", "AZE\tAZ\t", "required"),
        ("metonyms.tsv", "Kremlin\tRUS\tGOV", "Kremlin\tRUS\tGOVT", "sector 'GOVT'"),
        ("metonyms.tsv", "Kremlin\tRUS", "Kremlin\tXYZ", "'XYZ' is not a known country"),
        ("people.tsv", NASIRZADEH + "IRN", NASIRZADEH + "ZZZ", "'ZZZ' is not a known"),
    ],
)
def test_malformed_shipped_file_names_file_and_line(
    data_dir: Path, name: str, old: str, new: str, problem: str
) -> None:
    line = replace_line(data_dir / name, old, new)
    with pytest.raises(DataFileError) as error:
        load_dictionary()
    assert error.value.path == str(data_dir / name)
    assert error.value.line == line
    assert problem in error.value.problem
    assert f"{name}:{line}" in str(error.value)


def test_bad_date_in_people(data_dir: Path) -> None:
    path = data_dir / "people.tsv"
    text = path.read_text(encoding="utf-8")
    text = text.replace("\t2024-08-21\t\t", "\t21/08/2024\t\t", 1)
    path.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "21/08/2024" in row)
    with pytest.raises(DataFileError, match=r"start '21/08/2024' is not an ISO date") as error:
        load_dictionary()
    assert (error.value.path, error.value.line) == (str(path), line)


def test_bad_coordinates(data_dir: Path) -> None:
    path = data_dir / "countries.tsv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(n for n, row in enumerate(lines, 1) if row.startswith("UKR\t"))
    cells = lines[number - 1].rstrip("\n").split("\t")
    cells[-2] = "95.0"
    lines[number - 1] = "\t".join(cells) + "\n"
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"capital_lat '95\.0'") as error:
        load_dictionary()
    assert error.value.line == number


def test_bad_yaml_entries(data_dir: Path) -> None:
    path = data_dir / "sectors.yaml"
    old = "- {term: president, sector: GOV, kind: title"
    line = replace_line(path, old, old.replace("title", "rank"))
    with pytest.raises(DataFileError, match="kind 'rank'") as error:
        load_dictionary()
    assert (error.value.path, error.value.line) == (str(path), line)


def test_duplicate_igo(data_dir: Path) -> None:
    path = data_dir / "igos.yaml"
    line = replace_line(path, "- igo: EU", "- igo: UN")
    with pytest.raises(DataFileError, match="duplicate igo 'UN'") as error:
        load_dictionary()
    assert (error.value.path, error.value.line) == (str(path), line)


# -- user files ----------------------------------------------------------------------------


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_user_file_adds_and_overrides(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
countries:
  - {iso3: XAA, iso2: XA, name: Freedonia, aliases: [Freedonian Republic], adjectives: Freedonian}
igos:
  - {igo: QUAD, name: Quadrilateral Security Dialogue, aliases: [Quad], sector: GOV}
metonyms:
  - {phrases: [Kremlin], iso3: RUS, sector: MIL, note: our reading}
sector_terms:
  - {term: police, sector: MIL, kind: group}
people:
  - name: Rufus T. Firefly
    aliases: [Firefly]
    country: XAA
    sector: GOV
    role: President
    start: 2025-03-01
  - name: Masoud Pezeshkian
    aliases: Pezeshkian
    country: IRN
    sector: GOV
    role: President
    start: 2024-07-30
""",
    )
    base = load_dictionary()
    mine = load_dictionary(extra=[path])

    assert country(mine, "XAA").aliases == ("Freedonian Republic",)
    assert country(mine, "XAA").where == f"{path}:2"
    firefly = terms_of(mine, "Rufus T. Firefly")
    assert len(firefly) == 1 and firefly[0].holds_office_on(dt.date(2026, 1, 1))
    assert firefly[0].where == f"{path}:10"
    assert firefly[0].source == f"user: {path}"

    pezeshkian = terms_of(mine, "Masoud Pezeshkian")
    assert [p.start for p in pezeshkian] == [dt.date(2024, 7, 30)]
    assert not in_office(mine, "Masoud Pezeshkian", dt.date(2024, 7, 29))
    assert in_office(base, "Masoud Pezeshkian", dt.date(2024, 7, 29))

    assert [m.sector for m in mine.metonyms if "Kremlin" in m.phrases] == ["MIL"]
    assert [t.sector for t in mine.sector_terms if t.term == "police"] == ["MIL"]
    assert "QUAD" in {o.igo for o in mine.igos}
    assert len(mine.people) == len(base.people) + 1
    assert len(mine.countries) == len(base.countries) + 1


def test_merged_overrides_by_key() -> None:
    def make(name: str, start: dt.date | None) -> Person:
        return Person(name, (), "IRN", "GOV", "President", start, None, "", "")

    old = ActorDictionary(people=(make("X", dt.date(2000, 1, 1)), make("X", dt.date(2010, 1, 1))))
    new = ActorDictionary(people=(make("X", dt.date(2005, 1, 1)),))
    assert [p.start for p in old.merged(new).people] == [dt.date(2005, 1, 1)]
    assert old.merged(ActorDictionary()) == old


PERSON = "people:\n  - {name: X, role: R, "


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        (PERSON + "country: IRN, sector: GOV, start: [}\n", 2, "invalid YAML"),
        (PERSON + "country: IRN, sector: GOV, start: 2024-02-30}\n", 2, "invalid date"),
        (PERSON + "country: IRN, sector: GOV, start: 'May 2024'}\n", 2, "not an ISO date"),
        (PERSON + "country: IRN, sector: GOV, start: 2024-05-01, end: 2020-01-01}\n", 2, "before"),
        (PERSON + "country: ZZZ, sector: GOV}\n", 2, "'ZZZ' is not a known country"),
        (PERSON + "country: IRN, sector: ARMY}\n", 2, "sector 'ARMY'"),
        (PERSON + "country: IGO:NOPE, sector: GOV}\n", 2, "no such organisation"),
        (PERSON + "country: IRN, sector: GOV, begin: 2020-01-01}\n", 2, "unknown field(s) begin"),
        ("people:\n\n  - {name: X, country: IRN, sector: GOV}\n", 3, "role is required"),
        ("countries:\n  - {iso3: xaa, iso2: XA, name: X}\n", 2, "iso3 'xaa'"),
        (
            "countries:\n  - {iso3: XAA, iso2: XA, name: X}\n  - {iso3: XAA, iso2: XB, name: Y}\n",
            3,
            "duplicate iso3",
        ),
        (
            "igos:\n  - {igo: UN, name: A, sector: GOV}\n  - {igo: UN, name: B, sector: GOV}\n",
            3,
            "duplicate igo",
        ),
        ("peoples: []\n", 1, "unknown section(s) peoples"),
        ("sector_terms:\n  - {term: Army, sector: MIL, kind: group}\n", 2, "lower case"),
    ],
)
def test_malformed_user_file_names_file_and_line(
    tmp_path: Path, text: str, line: int, problem: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(DataFileError) as error:
        load_dictionary(extra=[path])
    assert error.value.path == str(path)
    assert error.value.line == line
    assert problem in error.value.problem
