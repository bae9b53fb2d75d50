"""The CAMEO ontology: the shipped table's content, the look-up API and validation on load."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.coding.ontology import (
    PLOVER_MODES,
    PLOVER_TYPES,
    Ontology,
    default_ontology,
    load_ontology,
    quad_class_of_root,
)
from detente.errors import DataFileError
from detente.model import CameoCode

HEADER = "code\tname\tdescription\tgoldstein\tquad_class\tplover_type\tplover_mode"


@pytest.fixture(scope="module")
def ontology() -> Ontology:
    return load_ontology()


def write_table(tmp_path: Path, *rows: str) -> Path:
    """A table file: a comment line, the header, then `rows` (cells separated by `|`).

    The comment makes the file's line numbers differ from the row numbers, so tests catch a
    loader that counts rows instead of lines.
    """
    path = tmp_path / "cameo.tsv"
    lines = ["# a test table", HEADER, *(row.replace("|", "\t") for row in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


VALID_ROWS = (
    "01|Make public statement|Statements.|0.0|1|OTHER|",  # line 3
    "010|Make statement, not specified below|Any statement.|0.0|1|OTHER|",  # line 4
    "04|Consult|Meetings.|1.0|1|CONSULT|",  # line 5
    "043|Host a visit|The source hosts the target.|2.8|1|CONSULT|visit",  # line 6
)


# --- the shipped table ---------------------------------------------------------------------


def test_exactly_twenty_roots_in_order(ontology: Ontology) -> None:
    assert [entry.code for entry in ontology.roots()] == [f"{n:02d}" for n in range(1, 21)]


def test_covers_the_codebook(ontology: Ontology) -> None:
    assert len(ontology) >= 280
    codes = {entry.code for entry in ontology}
    # Subcode families from every corner of the codebook, not just the roots.
    for code in ("0214", "0256", "0334", "0356", "0874", "1056", "1125", "1246", "1385"):
        assert code in codes
    for code in ("1454", "1623", "1663", "1724", "1823", "1834", "196", "2042"):
        assert code in codes


def test_codes_keep_their_leading_zeros(ontology: Ontology) -> None:
    assert "010" in ontology
    assert "10" in ontology
    assert ontology.get("010").name != ontology.get("10").name


def test_every_parent_exists(ontology: Ontology) -> None:
    for entry in ontology:
        parent = ontology.parent(entry.code)
        if len(entry.code) == 2:
            assert parent is None
        else:
            assert parent is not None, entry.code
            assert parent.code == entry.code[:-1]


def test_quad_class_agrees_with_root_everywhere(ontology: Ontology) -> None:
    expected = {1: range(1, 6), 2: range(6, 9), 3: range(9, 14), 4: range(14, 21)}
    for entry in ontology:
        assert int(entry.root) in expected[entry.quad_class], entry.code


def test_every_entry_is_complete(ontology: Ontology) -> None:
    for entry in ontology:
        assert entry.name and entry.description, entry.code
        assert -10.0 <= entry.goldstein <= 10.0, entry.code
        assert entry.plover_type in PLOVER_TYPES, entry.code
        if entry.plover_mode is not None:
            assert entry.plover_mode in PLOVER_MODES[entry.plover_type], entry.code


def test_public_statements_have_no_plover_counterpart(ontology: Ontology) -> None:
    family = [entry for entry in ontology if entry.root == "01"]
    assert len(family) == 11
    assert {entry.plover_type for entry in family} == {"OTHER"}
    assert all(entry.plover_mode is None for entry in family)


@pytest.mark.parametrize(
    ("code", "name", "goldstein", "quad_class", "plover_type", "plover_mode"),
    [
        ("043", "Host a visit", 2.8, 1, "CONSULT", "visit"),
        ("041", "Discuss by telephone", 1.0, 1, "CONSULT", "phone"),
        ("046", "Engage in negotiation", 7.0, 1, "CONSULT", None),
        ("0211", "Appeal for economic cooperation", 3.4, 1, "REQUEST", "assist"),
        ("036", "Express intent to meet or negotiate", 4.0, 1, "AGREE", None),
        ("057", "Sign formal agreement", 8.0, 1, "SUPPORT", None),
        ("073", "Provide humanitarian aid", 7.4, 2, "AID", "humanitarian"),
        ("0841", "Return, release person(s)", 7.0, 2, "RETREAT", "release"),
        ("1122", "Accuse of human rights abuses", -2.0, 3, "ACCUSE", None),
        ("1041", "Demand change in leadership", -5.0, 3, "REQUEST", "change"),
        ("1382", "Threaten occupation", -7.0, 3, "THREATEN", "territory"),
        ("141", "Demonstrate or rally, not specified below", -6.5, 4, "PROTEST", "demo"),
        ("154", "Mobilize or increase armed forces", -7.2, 4, "MOBILIZE", "troops"),
        ("163", "Impose embargo, boycott, or sanctions", -8.0, 4, "SANCTION", "sever"),
        ("173", "Arrest, detain, or charge with legal action", -5.0, 4, "COERCE", "arrest"),
        ("1831", "Carry out suicide bombing", -10.0, 4, "ASSAULT", "suicide"),
        ("195", "Employ aerial weapons", -10.0, 4, "ASSAULT", "aerial"),
        ("2042", "Detonate nuclear weapons", -10.0, 4, "ASSAULT", "cbrn"),
    ],
)
def test_spot_checks(
    ontology: Ontology,
    code: str,
    name: str,
    goldstein: float,
    quad_class: int,
    plover_type: str,
    plover_mode: str | None,
) -> None:
    entry = ontology.get(code)
    assert (entry.name, entry.goldstein, entry.quad_class) == (name, goldstein, quad_class)
    assert (entry.plover_type, entry.plover_mode) == (plover_type, plover_mode)


@pytest.mark.parametrize(
    ("code", "goldstein"),
    [
        ("010", 0.0),
        ("016", -2.0),
        ("020", 3.0),
        ("036", 4.0),
        ("040", 1.0),
        ("042", 1.9),
        ("043", 2.8),
        ("046", 7.0),
        ("051", 3.4),
        ("057", 8.0),
        ("0874", 10.0),
        ("111", -2.0),
        ("112", -2.0),
        ("120", -4.0),
        ("125", -5.0),
        ("130", -4.4),
        ("138", -7.0),
        ("141", -6.5),
        ("154", -7.2),
        ("163", -8.0),
        ("173", -5.0),
        ("183", -10.0),
        ("190", -10.0),
        ("195", -10.0),
        ("20", -10.0),
    ],
)
def test_goldstein_weights(ontology: Ontology, code: str, goldstein: float) -> None:
    assert ontology.get(code).goldstein == goldstein


def test_default_ontology_is_loaded_once() -> None:
    assert default_ontology() is default_ontology()
    assert len(default_ontology()) == len(load_ontology())


# --- the look-up API ---------------------------------------------------------------------


def test_get_unknown_code_names_it(ontology: Ontology) -> None:
    with pytest.raises(KeyError, match="999"):
        ontology.get("999")


def test_contains(ontology: Ontology) -> None:
    assert "0211" in ontology
    assert "0215" not in ontology
    assert 43 not in ontology


def test_parent_and_family(ontology: Ontology) -> None:
    parent = ontology.parent("0211")
    assert parent is not None and parent.code == "021"
    grandparent = ontology.parent("021")
    assert grandparent is not None and grandparent.code == "02"
    assert ontology.parent("02") is None
    assert ontology.family("0211").code == "02"
    assert ontology.family("195").name == "Fight"
    assert ontology.family("19").code == "19"


def test_parent_and_family_of_unknown_code_raise(ontology: Ontology) -> None:
    with pytest.raises(KeyError, match="0219"):
        ontology.parent("0219")
    with pytest.raises(KeyError, match="21"):
        ontology.family("21")


def test_iterates_in_file_order(tmp_path: Path) -> None:
    path = write_table(
        tmp_path,
        "04|Consult|Meetings.|1.0|1|CONSULT|",
        "043|Host a visit|The source hosts the target.|2.8|1|CONSULT|visit",
        "01|Make public statement|Statements.|0.0|1|OTHER|",
    )
    loaded = load_ontology(path)
    assert [entry.code for entry in loaded] == ["04", "043", "01"]
    assert [entry.code for entry in loaded.roots()] == ["04", "01"]
    assert len(loaded) == 3


def test_empty_mode_reads_as_none(tmp_path: Path) -> None:
    loaded = load_ontology(write_table(tmp_path, *VALID_ROWS))
    assert loaded.get("04").plover_mode is None
    assert loaded.get("043").plover_mode == "visit"


def test_ontology_is_immutable(ontology: Ontology) -> None:
    with pytest.raises(AttributeError):
        ontology._by_code = {}
    with pytest.raises(AttributeError):
        ontology.extra = 1


def test_hand_built_ontology_checks_structure() -> None:
    root = CameoCode("04", "Consult", "Meetings.", 1.0, 1, "CONSULT")
    child = CameoCode("043", "Host a visit", "Hosting.", 2.8, 1, "CONSULT", "visit")
    assert Ontology([root, child]).family("043") == root
    with pytest.raises(ValueError, match="parent 04"):
        Ontology([child, root])
    with pytest.raises(ValueError, match="twice"):
        Ontology([root, root])


def test_quad_class_of_root() -> None:
    assert [quad_class_of_root(r) for r in (1, 5, 6, 8, 9, 13, 14, 20)] == [1, 1, 2, 2, 3, 3, 4, 4]
    with pytest.raises(ValueError):
        quad_class_of_root(21)


# --- validation on load --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bad_row", "message"),
    [
        ("044|Meet at a 'third' location|Elsewhere.|lots|1|CONSULT|", "not a number"),
        ("044|Meet at a 'third' location|Elsewhere.|12.5|1|CONSULT|", "outside -10..10"),
        ("044|Meet at a 'third' location|Elsewhere.|nan|1|CONSULT|", "outside -10..10"),
        ("043|Host a visit|Again.|2.8|1|CONSULT|visit", "already defined on line 6"),
        ("0211|Appeal for economic cooperation|Orphan.|3.4|1|REQUEST|assist", "parent 021"),
        ("044|Meet at a 'third' location|Elsewhere.|2.5|3|CONSULT|", "disagrees with root 04"),
        ("044|Meet at a 'third' location|Elsewhere.|2.5|5|CONSULT|", "not 1, 2, 3 or 4"),
        ("044|Meet at a 'third' location|Elsewhere.|2.5|one|CONSULT|", "not 1, 2, 3 or 4"),
        ("044|Meet at a 'third' location|Elsewhere.|2.5|1|MEET|", "plover_type 'MEET'"),
        ("044|Meet at a 'third' location|Elsewhere.|2.5|1|CONSULT|aerial", "not a mode of"),
        ("011|Decline comment|Silence.|-0.1|1|OTHER|phone", "not a mode of OTHER"),
        ("4|Consult|Short code.|1.0|1|CONSULT|", "not 2 to 4 digits"),
        ("04311|Host a visit|Long code.|2.8|1|CONSULT|", "not 2 to 4 digits"),
        ("0a3|Host a visit|Letters.|2.8|1|CONSULT|", "not 2 to 4 digits"),
        ("21|Invent a root|No such root.|0.0|4|OTHER|", "root 21 is not one of 01..20"),
        ("00|Invent a root|No such root.|0.0|1|OTHER|", "root 00 is not one of 01..20"),
        ("044||Nameless.|2.5|1|CONSULT|", "empty required column(s) name"),
    ],
)
def test_malformed_row_names_file_and_line(tmp_path: Path, bad_row: str, message: str) -> None:
    path = write_table(tmp_path, *VALID_ROWS, bad_row)
    with pytest.raises(DataFileError) as caught:
        load_ontology(path)
    error = caught.value
    assert error.path == str(path)
    assert error.line == 7
    assert f"{path}:7" in str(error)
    assert message in str(error)


def test_header_without_required_column_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "cameo.tsv"
    path.write_text("code\tname\tdescription\tgoldstein\tplover_type\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="quad_class"):
        load_ontology(path)


def test_table_without_codes_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="no CAMEO codes"):
        load_ontology(write_table(tmp_path))


def test_missing_file_is_a_data_file_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot open"):
        load_ontology(tmp_path / "absent.tsv")
