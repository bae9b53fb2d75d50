"""The pattern book: the shipped file, and validation of malformed files on load."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.coding.ontology import Ontology, default_ontology
from detente.coding.patterns import PatternBook, default_patterns, load_patterns
from detente.datafiles import read_yaml
from detente.errors import DataFileError


@pytest.fixture(scope="module")
def book() -> PatternBook:
    return load_patterns()


@pytest.fixture(scope="module")
def ontology() -> Ontology:
    return default_ontology()


# -- the shipped file ----------------------------------------------------------------------


def test_the_shipped_file_loads_with_patterns_and_word_lists(book: PatternBook) -> None:
    assert len(book.patterns) > 100
    assert "hold" in book.light_verbs
    assert "during" in book.frame_preps
    assert book.future_codes["04"] == "036"


def test_every_pattern_code_is_in_the_ontology(book: PatternBook, ontology: Ontology) -> None:
    unknown = {
        (p.id, code)
        for p in book.patterns
        for code in (p.code, *(s.code for s in p.specialise), *p.complement.values())
        if code not in ontology
    }
    assert unknown == set()
    assert all(code in ontology for code in book.future_codes.values())


def test_every_cameo_root_has_a_pattern(book: PatternBook) -> None:
    roots = {p.code[:2] for p in book.patterns}
    assert roots >= {f"{n:02d}" for n in range(1, 21)}


def test_patterns_are_indexed_by_lemma_and_part_of_speech(book: PatternBook) -> None:
    denials = book.candidates("deny", "VERB")
    assert [p.id for p in denials] == ["deny"]
    assert denials[0].code == "016"
    assert denials[0].where.startswith("patterns.yaml:")
    assert [p.id for p in book.candidates("denial", "NOUN")] == ["deny"]
    assert book.candidates("deny", "NOUN") == ()


def test_every_pattern_says_where_it_was_read(book: PatternBook) -> None:
    assert all(p.where.startswith("patterns.yaml:") for p in book.patterns)
    ids = {p.id for p in book.patterns}
    assert len(ids) == len({(p.id, p.where) for p in book.patterns})


# -- malformed files -----------------------------------------------------------------------

HEAD = "# a test pattern file\nlight_verbs: [hold]\npatterns:\n"
GOOD = '- id: meet\n  verbs: [meet]\n  code: "040"\n  targets: [object]\n'
"""A valid pattern starting on line 4 of the file."""


def write(tmp_path: Path, *patterns: str) -> Path:
    path = tmp_path / "patterns.yaml"
    path.write_text(HEAD + "".join(patterns), encoding="utf-8")
    return path


def test_a_small_valid_file_loads(tmp_path: Path, ontology: Ontology) -> None:
    book = load_patterns(write(tmp_path, GOOD), ontology=ontology)
    (meet,) = book.patterns
    assert (meet.id, meet.lemma, meet.pos, meet.code) == ("meet", "meet", "VERB", "040")
    assert meet.targets == ("object",)
    assert meet.symmetric  # 04 consult is symmetric by default
    assert meet.where == "patterns.yaml:4"
    assert book.light_verbs == frozenset({"hold"})


def failure(tmp_path: Path, *patterns: str) -> DataFileError:
    path = write(tmp_path, *patterns)
    with pytest.raises(DataFileError) as caught:
        load_patterns(path, ontology=default_ontology())
    error = caught.value
    assert error.path == str(path)
    assert str(path) in str(error)
    return error


BAD = "- id: bad\n  verbs: [visit]\n"
"""The start of a pattern on line 8, right after GOOD."""


@pytest.mark.parametrize(
    ("rest", "problem"),
    [
        ('  verb: [tour]\n  code: "042"\n', "unknown field(s) verb"),
        ('  code: "042"\n  targets: [beside]\n', "unknown target slot(s) beside"),
        ('  code: "999"\n', "unknown CAMEO code '999'"),
        (
            '  code: "042"\n  specialise:\n    - {words: [state], code: "043", where: subject}\n',
            "specialise 'where' must be modifier, phrase, object, source or people: 'subject'",
        ),
        (
            '  code: "042"\n  specialise:\n    - {words: [XYZ], code: "043", where: source}\n',
            "unknown sector(s) XYZ",
        ),
        ('  code: "042"\n  requires: [soon]\n', "unknown requirement 'soon'"),
        ('  code: "042"\n  not_sources: [gov]\n', "unknown sector(s) gov"),
        ('  code: "042"\n  negated: "1299"\n', "unknown CAMEO code '1299'"),
        ('  code: "042"\n  implicit_source: ARMY\n', "implicit_source must be a sector"),
        ('  code: "042"\n  confidence: 1.5\n', "confidence must be in (0, 1]"),
        ('  code: "042"\n  nouns: visit\n', "'nouns' must be a list"),
    ],
)
def test_a_malformed_pattern_names_file_and_line(tmp_path: Path, rest: str, problem: str) -> None:
    error = failure(tmp_path, GOOD, BAD + rest)
    assert error.line == 8
    assert f"{error.path}:8:" in str(error)
    assert problem in error.problem


def test_a_pattern_without_trigger_words(tmp_path: Path) -> None:
    error = failure(tmp_path, GOOD, '- id: empty\n  code: "042"\n')
    assert error.line == 8
    assert "needs at least one of verbs, nouns, adjs" in error.problem


def test_an_unknown_code_in_a_specialisation_names_its_line(tmp_path: Path) -> None:
    error = failure(
        tmp_path,
        GOOD,
        '- id: visit\n  verbs: [visit]\n  code: "042"\n  specialise:\n'
        '    - {words: [state], code: "0999"}\n',
    )
    assert error.line == 12
    assert "unknown CAMEO code '0999'" in error.problem


def test_a_duplicate_id_names_the_second_pattern(tmp_path: Path) -> None:
    error = failure(tmp_path, GOOD, '- id: meet\n  nouns: [meeting]\n  code: "040"\n')
    assert error.line == 8
    assert "duplicate pattern id 'meet'" in error.problem


def test_a_yaml_syntax_error_names_its_line(tmp_path: Path) -> None:
    error = failure(tmp_path, GOOD, '- id: broken\n  verbs: [visit\n  code: "042"\n')
    # The list opened on line 9 is found unclosed on line 10.
    assert error.line == 10
    assert f"{error.path}:10:" in str(error)
    assert "invalid YAML" in error.problem
    assert error.__cause__ is not None


def test_an_unknown_future_code(tmp_path: Path) -> None:
    path = tmp_path / "patterns.yaml"
    path.write_text('future:\n  "04": "0999"\npatterns:\n' + GOOD, encoding="utf-8")
    with pytest.raises(DataFileError, match="unknown CAMEO code '0999'") as caught:
        load_patterns(path)
    assert caught.value.line == 2


def test_a_file_without_patterns(tmp_path: Path) -> None:
    path = tmp_path / "patterns.yaml"
    path.write_text("light_verbs: [hold]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="expected a mapping with a 'patterns' list"):
        load_patterns(path)


def test_a_duplicate_key_is_an_error_not_a_silent_override(tmp_path: Path) -> None:
    error = failure(tmp_path, GOOD, BAD + '  code: "042"\n  code: "043"\n')
    assert error.line == 11
    assert "duplicate key 'code'" in error.problem


def test_yaml_words_like_on_and_no_stay_words(tmp_path: Path) -> None:
    """YAML 1.1 reads a bare `on` as true: the frame preposition "on" would silently vanish."""
    path = tmp_path / "words.yaml"
    path.write_text("preps: [on, off, yes, no]\nflag: true\n", encoding="utf-8")
    data = read_yaml(path)
    assert data["preps"] == ["on", "off", "yes", "no"]
    assert data["flag"] is True


def test_the_shipped_frame_prepositions_include_on() -> None:
    assert "on" in default_patterns().frame_preps
