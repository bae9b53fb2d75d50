"""Finding actor mentions: dictionary phrases composed into actors over the parse.

A sentence is read in three passes:
1. dictionary phrases (countries, demonyms, capitals, seats of power, organisations, known
   people, cities) and sector terms (titles such as "defense minister", groups such as
   "police");
2. composition: a title takes the name that follows it and the country before it ("Iranian
   Defense Minister Aziz Nasirzadeh"); a group takes the country that modifies it ("Iraqi
   parliament", "Iran's government", "a delegation from Tehran");
3. what stands alone: a country, capital, organisation or known person by itself; a city named
   as a place ("in Karachi"), which is never an actor but says where.
People introduced with a title are remembered for the rest of the article ("Nasirzadeh", "the
minister"). Every mention records the rule or dictionary entry that resolved it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from detente.actors.ambiguity import inside_a_name, inside_a_title, name_follows
from detente.actors.dictionary import SECTORS, SectorTerm
from detente.actors.lexicon import (
    Entry,
    Lexicon,
    ProperMatch,
    first_word,
    normalise,
    resolve_city,
    same_phrase,
    valid_person,
)
from detente.model import Actor, Document, Entity, Mention, Sentence, Token

_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_NAME_TAGS = frozenset({"NNP", "NNPS"})
_NAME_LINKS = frozenset({"and", "of", "for", "&", "the", "on"})
"""Small words inside an organisation's name ("Bureau of Investigation")."""
_GENERIC_ROLES = frozenset({"leader", "official", "chief", "head", "counterpart"})
_RANK_WORDS = frozenset({"top", "senior", "high", "ranking", "high-ranking", "most", "powerful"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod"})
# Group nouns that refer back to actors named elsewhere rather than to the story's home country.
_REFERRING_GROUPS = frozenset(
    {
        "country",
        "nation",
        "state",
        "side",
        "power",
        "ally",
        "neighbour",
        "neighbor",
        "counterpart",
        "delegation",
        "official",
        "leader",
        "member",
        "party",
        "group",
        "organisation",
        "organization",
        "company",
        "agency",
        "authority",
        "network",
    }
)
# Sectors whose unnamed groups act at home: police, courts, protesters, the press... Armies and
# spies in a story are as often foreign as not, so they need a country of their own.
_HOME_SECTORS = SECTORS - {"MIL", "SPY", "UNK"}
# Prepositions that say where something happens; "to" and "from" often name a party instead
# ("a visit to Baku", "a delegation from Tehran").
_PLACE_PREPS = frozenset(
    {"in", "at", "through", "across", "near", "outside", "inside", "around", "throughout", "within"}
)
# A city is read as one only where the text says it is a place: after one of these prepositions,
# tagged a place by the parser, or set beside a word for a city ("Karachi, the largest city").
_CITY_PREPS = _PLACE_PREPS | {"from", "to", "into", "towards", "toward"}
_CITY_NOUNS = frozenset(
    {"city", "town", "capital", "port", "hub", "metropolis", "village", "province", "suburb"}
)
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# The small parser often calls a city alone an organisation ("the mayor of Karachi"), so only
# these labels rule a city out.
_NAME_LABELS = frozenset({"PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
_MISSIONS = frozenset({"embassy", "consulate", "ambassador", "envoy", "diplomat"})
_LED_GROUPS = frozenset({"delegation", "team", "mission", "convoy", "contingent"})
_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam", "lord", "lady"})
HOME_CONFIDENCE = 0.6
DOMESTIC_SHARE = 0.6
"""A story is about one country when that share of its placed actors are of that country; its
unplaced people are then that country's people."""


@dataclass(frozen=True, slots=True)
class _Term:
    first: int
    stop: int
    term: SectorTerm


@dataclass(frozen=True, slots=True)
class _Unplaced:
    """A group or titled person with no country in its sentence: it may be the home country's."""

    sentence: int
    first: int
    stop: int
    head: int
    term: SectorTerm
    person: str | None = None

    @property
    def referring(self) -> bool:
        """Words that usually refer back ("officials", "the company") rather than name."""
        return self.person is None and self.term.term.split()[-1] in _REFERRING_GROUPS


@dataclass(frozen=True, slots=True)
class _City:
    """A city named where it is a place but shared by several countries, none of them named yet:
    resolved once the whole article has been read."""

    sentence: int
    first: int
    stop: int
    head: int
    entries: tuple[Entry, ...]
    hint: bool
    """Counted for the story's country only, not a place mention (a possessor: "Karachi's
    streets")."""


@dataclass(slots=True)
class _Memory:
    """People and bodies met so far in the article, by name and by role or term."""

    names: dict[str, Actor] = field(default_factory=dict)
    surnames: set[str] = field(default_factory=set)
    """Last names of everyone named so far, placed or not ("Sudesh Amman" makes "Amman" a
    person for the rest of the story, not Jordan's capital)."""
    recent: list[Actor] = field(default_factory=list)
    """Titled people and named groups, most recent last."""
    countries: set[str] = field(default_factory=set)
    """Countries named so far: which of the cities sharing a name is meant."""

    def remember(self, actor: Actor) -> None:
        if actor.person:
            self.names[actor.person.lower()] = actor
            self.names[actor.person.split()[-1].lower()] = actor
        if actor.role or actor.person is None:
            self.recent.append(actor)

    def by_role(self, role: str) -> Actor | None:
        """The latest person whose role ends with `role`: "the minister" after "Iran's defence
        minister"."""
        want = role.lower().split()
        for actor in reversed(self.recent):
            if actor.role and actor.role.lower().split()[-len(want) :] == want:
                return actor
        return None

    def person_of(self, key: str | None, role: str) -> Actor | None:
        """The latest named person of a country in this role ("the Iranian president"); for a
        generic title ("the Iranian leader"), the latest named person of that country."""
        want = role.lower().split()
        # "the Iranian leader", "a top official" are generic; "the Supreme Leader" is an office
        generic = want[-1] in _GENERIC_ROLES and all(w in _RANK_WORDS for w in want[:-1])
        for actor in reversed(self.recent):
            if actor.person is None or actor.key != key:
                continue
            if generic or (actor.role and actor.role.lower().split()[-len(want) :] == want):
                return actor
        return None

    def by_term(self, term: str) -> Actor | None:
        """The latest group named by `term` with a country: "the ministry" after "Iran's
        foreign ministry"."""
        for actor in reversed(self.recent):
            if actor.role is None and actor.name.lower().endswith(" " + term.lower()):
                return actor
        return None


class MentionFinder:
    """Stage: adds the actor mentions of every sentence."""

    name = "mentions"

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Document) -> Document:
        memory = _Memory()
        mentions: list[Mention] = []
        unresolved: list[_Unplaced] = []
        strangers: list[tuple[int, int, int, int, str]] = []
        hints: list[str] = []
        cities: list[_City] = []
        skip_until = doc.dateline.end if doc.dateline else -1
        text = normalise(doc.article.text)
        entities: dict[int, list[Entity]] = defaultdict(list)
        for ent in doc.entities:
            entities[doc.tokens[ent.first].sentence].append(ent)
        for sentence in doc.sentences:
            reader = _SentenceReader(
                doc, sentence, self.lexicon, memory, skip_until, text, entities[sentence.index]
            )
            found = reader.read()
            mentions.extend(found)
            unresolved.extend(reader.unresolved)
            strangers.extend((sentence.index, *person) for person in reader.strangers)
            hints.extend(reader.hints)
            cities.extend(reader.cities)
            memory.countries.update(m.actor.country for m in found if m.actor.country)
            memory.countries.update(reader.hints)
        late, late_hints = _late_cities(doc, cities, memory.countries | set(hints))
        mentions.extend(late)
        hints.extend(late_hints)
        placed, unresolved, strangers = _appositions(doc, mentions, unresolved, strangers)
        mentions.extend(placed)
        subjects = frozenset(t.i for t in doc.tokens if t.dep in ("nsubj", "nsubjpass"))
        home = self._home(mentions, hints, subjects)
        if home is not None:
            domestic = _share(mentions, hints, home) >= DOMESTIC_SHARE
            mentions.extend(_home_groups(doc, home, unresolved, domestic=domestic))
            if domestic:
                mentions.extend(_home_people(doc, home, strangers))
        mentions = _acronyms(doc, mentions)
        late_people = [m for m in mentions if _placed_late(m)]  # (placed ones included)
        mentions = _named_again(doc, mentions, late_people)
        mentions.sort(key=lambda m: (m.start, -m.end))
        return doc.evolve(mentions=tuple(mentions), home=home)

    def _home(
        self, mentions: list[Mention], hints: list[str], subjects: frozenset[int]
    ) -> Actor | None:
        """The story's home country: the one its actors and places most often belong to (the
        first named wins a tie; names read as something else still count for their country)."""
        named = [
            m.actor.country
            for m in sorted(mentions, key=lambda m: m.start)
            if m.actor.country
            # who acts counts twice: "Iran hanged a man it convicted of spying for Israel"
            # the press that reports a story is not what it is about ("residents told Reuters"),
            # nor is a country's embassy abroad ("protesters stormed the French embassy")
            if m.actor.sector != "MED" and m.actor.name.split()[-1] not in _MISSIONS
            for _ in range(2 if m.head in subjects and not m.place else 1)
        ] + hints
        if not named:
            return None
        counts = Counter(named)
        top = max(counts.values())
        iso3 = next(c for c in named if counts[c] == top)
        country = self.lexicon.dictionary.country(iso3)
        return Actor(name=country.name if country else iso3, country=iso3, sector="GOV")


class _SentenceReader:
    def __init__(
        self,
        doc: Document,
        sentence: Sentence,
        lexicon: Lexicon,
        memory: _Memory,
        skip_until: int,
        text: str,
        entities: list[Entity],
    ) -> None:
        self.doc = doc
        self.text = text
        """The article text with apostrophes unified, for matching."""
        self.entities = entities
        self.tokens = doc.tokens
        self.sentence = sentence
        self.lexicon = lexicon
        self.memory = memory
        self.on: dt.date | None = doc.article.published
        self.first = sentence.first
        while self.first < sentence.stop and self.tokens[self.first].start < skip_until:
            self.first += 1
        self.used: set[int] = set()
        self.rejected: set[int] = set()
        self.made: dict[int, Mention] = {}
        """The mentions made so far in the sentence, by token."""
        self.hints: list[str] = []
        """Countries of names read as something else there ("Atlanta, Georgia": USA), and of
        cities named as possessors ("Karachi's streets")."""
        self.cities: list[_City] = []
        """Cities shared by several countries that the article has not yet told apart."""
        self.named_here: set[str] = set()
        """Countries of the dictionary phrases of the sentence (not its cities)."""
        self.city_names: set[tuple[int, int]] = set()
        """Tokens (first, stop) that spell a city's name, a place here or not."""
        self.unresolved: list[_Unplaced] = []
        self.strangers: list[tuple[int, int, int, str]] = []
        """People and organisations named with nothing to place them: tokens first, stop, the
        head, and PERSON or the organisation's sector."""

    # -- pass 1: dictionary phrases -------------------------------------------------------
    def _proper_matches(self) -> list[ProperMatch]:
        text = self.text
        ends = {t.end: t.i for t in self.tokens[self.first : self.sentence.stop]}
        found: list[ProperMatch] = []
        i = self.first
        while i < self.sentence.stop:
            token = self.tokens[i]
            match = None
            for group in self.lexicon.proper.get(first_word(token.text), ()):
                end = token.start + len(group[0].phrase)
                last = ends.get(end)
                if last is not None and same_phrase(text[token.start : end], group[0]):
                    match = ProperMatch(i, last + 1, group)
                    break
            if match is None:
                i += 1
                continue
            i = match.stop
            if match.kind("city") is not None:
                self.city_names.add((match.first, match.stop))
            if self._other_reading(match):
                self.rejected.update(range(match.first, match.stop))
            else:
                found.append(match)
        return found

    def _other_reading(self, match: ProperMatch) -> bool:
        """Whether a country or capital name means something else here: part of a person's
        name ("Michael Jordan"), or a US state ("Atlanta, Georgia")."""
        person = match.kind("person")
        if person is not None:
            # "Ivanka Trump" is not Donald Trump: a surname inside another person's name
            before = self.tokens[match.first - 1] if match.first > self.first else None
            if (
                before is not None
                and before.tag == "NNP"
                and before.head == match.first
                and before.text[:1].isupper()
                and before.text.lower() not in person.phrase.lower().split()
                and before.text.lower() not in self.lexicon.term_starts
                and before.text.lower().rstrip(".") not in _HONORIFICS
                and first_word(before.text) not in self.lexicon.actor_starts
                and not any(
                    e.person is not None and self._names_in(e.person.name)
                    for e in match.entries
                    if e.kind == "person"
                )
            ):
                return True
            return inside_a_name(
                self.entities,
                self.tokens,
                match.first,
                match.stop,
                allowed=person.phrase,
                titles=self.lexicon.term_starts,
            ) and not any(
                e.person is not None and self._names_in(e.person.name)
                for e in match.entries
                if e.kind == "person"
            )
        if match.kind("igo") is not None:
            return False
        if match.stop - match.first == 1 and self.tokens[match.first].text.lower() in (
            self.memory.surnames
        ):
            return True  # "Amman" after "Sudesh Amman"
        if inside_a_name(
            self.entities, self.tokens, match.first, match.stop, titles=self.lexicon.term_starts
        ):
            return True  # "Michael Jordan", "Duma Boko"
        if match.kind("city") is not None:
            return not self._city_here(match)
        if match.kind("metonym") is not None:
            other = self.lexicon.ambiguities.other_reading(
                self.tokens, match.first, match.stop, (self.first, self.sentence.stop), self.text
            )
            return other is not None  # "RSF" in a story about journalists
        if match.kind("adjective") and inside_a_title(
            self.entities, self.tokens, match.first, match.stop
        ):
            return True  # "the Grand Ethiopian Renaissance Dam"
        if match.kind("country", "capital") and name_follows(
            self.tokens, match.stop, self.sentence.stop, self._starts_entry(match.stop)
        ):
            return True
        span = (self.first, self.sentence.stop)
        other = self.lexicon.ambiguities.other_reading(
            self.tokens, match.first, match.stop, span, self.doc.article.text
        )
        if other is not None and other.country:
            self.hints.append(other.country)
        return other is not None

    def _city_here(self, match: ProperMatch) -> bool:
        """Whether a city's name is a place here: after a place preposition ("police in
        Lagos", "a delegation from Karachi"), tagged a place by the parser, or beside a word for
        a city ("Basra, Iraq's oil hub", "the city of Mosul"); never a word in capitals ("GAO"),
        part of a longer name ("Lagos State University", "Karachi Kings") or a person the parser
        found ("Jackson said")."""
        first, stop = match.first, match.stop
        written = self.text[self.tokens[first].start : self.tokens[stop - 1].end]
        if written.isupper() and sum(c.isalpha() for c in written) > 1:
            return False
        if inside_a_title(self.entities, self.tokens, first, stop) or name_follows(
            self.tokens, stop, self.sentence.stop, self._starts_entry(stop)
        ):
            return False
        label = next((e.label for e in self.entities if e.first <= first and stop <= e.stop), "")
        prep = self._city_prep(self._head_of(first, stop))
        if prep in _PLACE_PREPS or label in _PLACE_LABELS:
            return True
        if label in _NAME_LABELS:
            return False
        head = self._head_of(first, stop)
        return prep is not None or self._beside_city_noun(head) or self._beside_term(head)

    def _city_prep(self, head: int) -> str | None:
        """The preposition a city's name is the object of, directly, in apposition ("in the
        port city, Basra") or as "the city of Mosul"."""
        token = self.tokens[head]
        if token.dep == "appos" and token.head != token.i:
            token = self.tokens[token.head]
        if token.dep != "pobj" or token.head == token.i:
            return None
        prep = self.tokens[token.head]
        noun = self.tokens[prep.head]
        if prep.lemma.lower() == "of" and noun.lemma.lower() in _CITY_NOUNS:
            if noun.dep != "pobj" or noun.head == noun.i:
                return None
            prep = self.tokens[noun.head]  # "in the city of Mosul"
        word = prep.lemma.lower()
        return word if word in _CITY_PREPS else None

    def _beside_city_noun(self, head: int) -> bool:
        """ "Karachi, Pakistan's largest city", "the city of Mosul", "the port city Basra"."""
        token = self.tokens[head]
        near = [c for c in self.doc.children[head] if self.tokens[c].dep in ("appos", "compound")]
        if token.head != head and token.dep in ("appos", "compound", "pobj"):
            near.append(token.head)
            if token.dep == "pobj":  # "the city of Mosul": the noun above "of"
                near.append(self.tokens[token.head].head)
        return any(self.tokens[i].lemma.lower() in _CITY_NOUNS for i in near)

    def _beside_term(self, head: int) -> bool:
        """ "Karachi police", "Basra's governor", "the mayor of Karachi", "residents of Mosul":
        a city that modifies a title or a group word."""
        token = self.tokens[head]
        if token.head == token.i:
            return False
        noun = self.tokens[token.head]
        if token.dep == "pobj" and noun.lemma.lower() in ("of", "from") and noun.head != noun.i:
            noun = self.tokens[noun.head]
        elif token.dep not in ("compound", "poss", "nmod", "amod"):
            return False
        return (noun.lemma.lower(),) in self.lexicon.terms

    def _city_entry(self, match: ProperMatch) -> Entry | None:
        """Which city a name shared by several means, given the countries named so far in the
        article and in this sentence (see `resolve_city`); None when it cannot tell yet."""
        return resolve_city(match.entries, self.memory.countries | self.named_here)

    def _names_in(self, full_name: str) -> bool:
        """Whether the person's full name is what the sentence writes ("Donald Trump")."""
        return (
            full_name.lower()
            in self.text[
                self.tokens[self.first].start : self.tokens[self.sentence.stop - 1].end
            ].lower()
        )

    def _starts_entry(self, i: int) -> bool:
        """Whether token `i` begins a dictionary phrase or a sector term."""
        if i >= self.sentence.stop:
            return False
        token = self.tokens[i]
        if first_word(token.text) in self.lexicon.actor_starts:
            return True
        return token.text.lower() in self.lexicon.term_starts or (
            token.lemma.lower() in self.lexicon.term_starts
        )

    def _terms(self, taken: set[int]) -> list[_Term]:
        found: list[_Term] = []
        i = self.first
        stop = self.sentence.stop
        while i < stop:
            hit = None
            for n in range(min(self.lexicon.term_length, stop - i), 0, -1):
                words = self.tokens[i : i + n]
                if any(w.i in taken or not w.text[:1].isalnum() for w in words):
                    continue
                key = (*(w.text.lower() for w in words[:-1]), words[-1].lemma.lower())
                term = self.lexicon.terms.get(key)
                if term is not None and words[-1].pos in ("NOUN", "PROPN"):
                    hit = _Term(i, i + n, term)
                    break
            if hit is None:
                i += 1
            else:
                found.append(hit)
                i = hit.stop
        return found

    # -- passes 2 and 3 ------------------------------------------------------------------
    def read(self) -> list[Mention]:
        proper = self._proper_matches()
        self.named_here = {
            e.actor.country
            for m in proper
            for e in m.entries
            if e.kind != "city" and e.actor.country
        }
        for ent in self.entities:
            if ent.label == "PERSON" and ent.stop - ent.first > 1:
                last = self.tokens[ent.stop - 1]
                if last.tag == "POS":
                    last = self.tokens[ent.stop - 2]
                self.memory.surnames.add(last.text.lower())
        by_first = {m.first: m for m in proper}
        by_stop = {m.stop: m for m in proper}
        taken = {i for m in proper for i in range(m.first, m.stop)}
        terms = self._terms(taken)
        mentions: list[Mention] = []
        for term in terms:
            if term.term.kind == "title":
                mentions.extend(self._titled(term, by_first, by_stop))
            else:
                mentions.extend(self._group(term, by_first, by_stop))
        for match in proper:
            if match.first in self.used:
                continue
            mention = self._proper(match)
            if mention is not None:
                mentions.append(mention)
        mentions.extend(self._named_people())
        mentions.extend(self._introduced_people(mentions))
        self._note_organisations()
        return [self._led(m) for m in mentions]

    def _led(self, mention: Mention) -> Mention:
        """A delegation takes the sector of whoever leads it: "a delegation from Tehran led by
        Iranian Defense Minister Aziz Nasirzadeh" is Iran's military."""
        head = self.tokens[mention.head]
        if head.lemma.lower() not in _LED_GROUPS or not mention.rule.startswith("group:"):
            return mention
        for c in self.doc.children[head.i]:
            verb = self.tokens[c]
            if verb.dep != "acl" or verb.lemma.lower() not in ("lead", "head"):
                continue
            for a in self.doc.children[verb.i]:
                for o in self.doc.children[a]:
                    leader = self.made.get(o)
                    if self.tokens[a].dep == "agent" and leader and leader.actor.key:
                        actor = replace(mention.actor, sector=leader.actor.sector)
                        return replace(mention, actor=actor)
        return mention

    def _note_organisations(self) -> None:
        """Organisations the dictionaries do not know ("the NTC", "ABS-CBN"): in a story about
        one country they are that country's."""
        for ent in self.entities:
            if ent.label != "ORG" or ent.first < self.first:
                continue
            if any(i in self.used or i in self.rejected for i in range(ent.first, ent.stop)):
                continue
            first = ent.first + (self.tokens[ent.first].tag == "DT")  # "The National ..."
            words = [t for t in self.tokens[first : ent.stop] if t.tag != "POS"]
            if (
                words
                and words[0].tag in _NAME_TAGS
                and words[-1].tag in _NAME_TAGS
                # "... Cohesion and Integration Commission", "... Bureau of Investigation"
                and all(t.tag in _NAME_TAGS or t.text in _NAME_LINKS for t in words)
            ):
                stop = first + len(words)
                # its kind from its last word: a "... Commission" governs, a "... Front" is a party
                term = self.lexicon.terms.get((words[-1].lemma.lower(),))
                sector = term.sector if term is not None else "UNK"
                self.strangers.append((first, stop, self._head_of(first, stop), sector))

    def _titled(
        self, term: _Term, by_first: dict[int, ProperMatch], by_stop: dict[int, ProperMatch]
    ) -> list[Mention]:
        """A person by title, maybe with a name after it and a country before it; one
        mention per country for "his Greek, Cypriot and French counterparts"."""
        name_first, name_stop, named = self._name_after(term.stop, by_first)
        local = term.term.sector in _HOME_SECTORS
        left, owner = self._modifier_before(term.first, by_stop, local=local)
        if left is not None and not named:
            others = self._coordinated(left)
            if others and owner is not None:
                first = min(left, *(i for i, _ in others))
                role, base = self._role_of(term)
                found = []
                for who in [owner, *(a for _, a in others)]:
                    actor = Actor(
                        name=f"{who.name} {role}",
                        country=who.country,
                        igo=who.igo,
                        sector=base,
                        role=role,
                    )
                    rule = f"title:{term.term.where}+{who.name}"
                    found.append(self._mention(first, term.stop, actor, rule, 0.9))
                return found
        if owner is None:
            owner = self._modifier_child(self._head_of(term.first, name_stop))
        if owner is None:
            last = term.term.term.split()[-1]
            owner = self._of_phrase(
                name_stop if named else term.stop,
                by_first,
                # "prosecutors in Munich", "the police chief in Lagos" are local, but a minister
                # or an ambassador in a city may be anyone's
                local=local and term.term.sector != "GOV",
                official=last in _REFERRING_GROUPS | _SPOKESPEOPLE,
                speaks=last in _SPOKESPEOPLE,
                office=local and last not in _MISSIONS,
            )
        role, base = self._role_of(term)
        country = igo = None
        person: str | None = None
        rule = f"title:{term.term.where}"
        if named:
            person = self.doc.article.text[
                self.tokens[name_first].start : self.tokens[name_stop - 1].end
            ]
            known = self._known_person(name_first, name_stop, by_first)
            if known is not None:
                person = known.person or person
                if owner is None:
                    country, igo = known.country, known.igo
                    rule += f"+person:{known.name}"
        if owner is not None:
            country, igo = owner.country, owner.igo
            rule += f"+{owner.name}"
        appos = None if named else self._appositive_name(term, name_stop)
        if appos is not None:  # "Botswana's president, Duma Boko,"
            person = appos[0]
        elif (
            not named
            and owner is not None
            and self.tokens[term.stop - 1].tag != "NNS"
            and not self._indefinite(term.stop - 1)
        ):
            # "the Iranian president": the one met before, else who held the office that day
            # ("a Kataeb Hezbollah official" is someone new)
            holder = self.memory.person_of(owner.key, role) or self.lexicon.office_holder(
                owner.key, role, self.on
            )
            if holder is not None:
                person = holder.person
                rule += "+office"
        if country is None and igo is None:
            plural = not named and self.tokens[term.stop - 1].tag == "NNS"
            # "the foreign ministers" are not the one minister met last
            remembered = None if plural else self._remembered(person, role)
            if remembered is None:
                stop = name_stop if named else term.stop
                self.used.update(range(term.first, stop))  # the name is this titled person's
                self.unresolved.append(
                    _Unplaced(
                        self.sentence.index,
                        term.first,
                        stop,
                        self._head_of(term.first, stop),
                        term.term,
                        person,
                    )
                )
                return []
            rule += "+memory"
            if not named:  # "the minister": the very person met before, office and all
                return [self._mention(term.first, term.stop, remembered, rule, 0.85)]
            country, igo = remembered.country, remembered.igo
            person = person or remembered.person
        sector = base
        # "a spokesman for the PMF", "a Hamas official", "a Taliban commander": a body's
        # officials and commanders are of its sector
        if (
            owner is not None
            and owner.sector not in (None, "GOV")
            and (sector == "GOV" or (sector == "MIL" and owner.sector == "REB"))
        ):
            sector = owner.sector
        actor = Actor(
            name=person or f"{owner.name if owner else country or igo} {role}",
            country=country,
            igo=igo,
            sector=sector,
            person=person,
            role=role,
        )
        if person or owner is not None:
            self.memory.remember(actor)
        first = left if left is not None else term.first
        stop = name_stop if named else term.stop
        found = [self._mention(first, stop, actor, rule, 0.95 if named else 0.9)]
        if appos is not None:  # the name set off by commas is the same person
            found.append(self._mention(appos[1], appos[2], actor, rule + "+apposition", 0.95))
        return found

    def _role_of(self, term: _Term) -> tuple[str, str]:
        """A title's role and sector ("his counterpart" takes the office of whoever "his" is
        once the coreference stage knows)."""
        return term.term.role or term.term.term.title(), term.term.sector

    def _appositive_name(self, term: _Term, stop: int) -> tuple[str, int, int] | None:
        """A name set off by a comma after a title: "Iran's president, Masoud Pezeshkian,",
        "the mayor of London, Sadiq Khan,"."""
        if stop < self.sentence.stop and self.tokens[stop].text.lower() in ("of", "from", "for"):
            # past "of London" / "of the Arab League" / "for the Houthis"
            j = stop + 1
            while j < self.sentence.stop and self.tokens[j].tag in ("DT", "NNP", "NNPS"):
                j += 1
            # "US Special Representative for Iran Brian Hook": the name ends the run
            for ent in self.entities:
                if ent.label == "PERSON" and stop + 1 < ent.first and ent.stop == j:
                    if any(i in self.used for i in range(ent.first, ent.stop)):
                        break  # "for the Houthis": a body, not a name
                    if not any(i in self.used for i in range(stop + 1, ent.first)) and not (
                        self._starts_entry(stop + 1)
                    ):
                        break  # the words between name nothing we know: one name, not two
                    start, finish = self.tokens[ent.first].start, self.tokens[ent.stop - 1].end
                    return self.doc.article.text[start:finish], ent.first, ent.stop
            stop = j
        if stop + 1 >= self.sentence.stop or self.tokens[stop].text != ",":
            return None
        for ent in self.entities:
            if ent.label == "PERSON" and ent.first == stop + 1:
                end = ent.stop
                while end > ent.first and self.tokens[end - 1].tag == "POS":
                    end -= 1
                if any(i in self.used for i in range(ent.first, end)):
                    return None
                start, finish = self.tokens[ent.first].start, self.tokens[end - 1].end
                return self.doc.article.text[start:finish], ent.first, end
        return None

    def _group(
        self, term: _Term, by_first: dict[int, ProperMatch], by_stop: dict[int, ProperMatch]
    ) -> list[Mention]:
        """A body that acts (government, troops, police), with its country when given; one
        mention per country for "Iranian and American negotiators"."""
        local = term.term.sector in _HOME_SECTORS
        left, owner = self._modifier_before(term.first, by_stop, local=local)
        others = self._coordinated(left) if left is not None else []
        head = self._head_of(term.first, term.stop)
        if owner is None:
            owner = self._modifier_child(head)
        if owner is None:
            owner = self._of_phrase(term.stop, by_first, local=local)
        if owner is None and self._definite(term.first):
            # "the ministry", "the delegation": the one named earlier in the article
            known = self.memory.by_term(term.term.term)
            if known is not None:
                return [self._mention(term.first, term.stop, known, "memory:group", 0.85)]
        if owner is None:
            self.unresolved.append(
                _Unplaced(self.sentence.index, term.first, term.stop, head, term.term)
            )
            return []
        first = left if left is not None else term.first
        if others:
            first = min(first, *(i for i, _ in others))
        mentions = []
        for who in [owner, *(a for _, a in others)]:
            actor = Actor(
                name=f"{who.name} {term.term.term}",
                country=who.country,
                igo=who.igo,
                sector=term.term.sector,
            )
            rule = f"group:{term.term.where}+{who.name}"
            mentions.append(self._mention(first, term.stop, actor, rule, 0.9))
            self.memory.remember(actor)
        return mentions

    def _indefinite(self, head: int) -> bool:
        """Whether the phrase headed by `head` opens with "a", "an" or "another"."""
        return any(
            self.tokens[c].dep == "det" and self.tokens[c].text.lower() in ("a", "an", "another")
            for c in self.doc.children[head]
        )

    def _definite(self, i: int) -> bool:
        """Whether a definite determiner opens the phrase at token `i`: "the ministry"."""
        j = i - 1
        while j >= self.first and self.tokens[j].pos == "ADJ":
            j -= 1
        return j >= self.first and self.tokens[j].text.lower() in ("the", "this", "that")

    def _coordinated(self, i: int) -> list[tuple[int, Actor]]:
        """The other demonyms coordinated with the one at `i`: "Iranian and American"."""
        root = i
        while self.tokens[root].dep == "conj" and self.tokens[root].head != root:
            root = self.tokens[root].head
        cluster, todo = [], [root]
        while todo:
            t = todo.pop()
            cluster.append(t)
            todo.extend(c for c in self.doc.children[t] if self.tokens[c].dep == "conj")
        found = []
        for t in sorted(cluster):
            if t == i or t < self.first:
                continue
            actor = self._proper_actor_at(t)
            if actor is not None:
                found.append((t, actor))
        return found

    def _proper(self, match: ProperMatch) -> Mention | None:
        if match.kind("city") is not None:
            return self._city(match)
        person = valid_person(match.entries, self.on)
        if person is not None:
            self.memory.remember(person.actor)
            return self._mention(match.first, match.stop, person.actor, f"person:{person.where}")
        entry = match.kind("igo", "metonym", "country", "capital", "adjective", "nationals")
        if entry is None:
            return None
        actor = entry.actor
        if entry.kind == "adjective":
            actor = self._adjective_actor(match, actor)
        place = None
        if entry.kind in ("country", "capital"):
            place = match.kind("capital", "country")
            if not self._is_place(self._head_of(match.first, match.stop)):
                place = None
        if place is not None:  # "marched through Washington": where, not who
            actor = place.actor
            entry = place
        mention = self._mention(match.first, match.stop, actor, f"{entry.kind}:{entry.where}")
        return replace(mention, place=place is not None)

    def _city(self, match: ProperMatch) -> Mention | None:
        """A city: a place mention of its country ("protests in Karachi": Pakistan); only
        counted for the story's country as a possessor ("Karachi's streets"), and not at all as
        a subject ("Milan said" is a person): neither may become an antecedent for "it"."""
        head = self._head_of(match.first, match.stop)
        if self.tokens[head].dep in ("nsubj", "nsubjpass"):
            return None
        hint = self.tokens[head].dep == "poss"
        entry = self._city_entry(match)
        if entry is None:
            self.cities.append(
                _City(self.sentence.index, match.first, match.stop, head, match.entries, hint)
            )
            return None
        if hint:
            if entry.actor.country:
                self.hints.append(entry.actor.country)
            return None
        mention = self._mention(match.first, match.stop, entry.actor, f"city:{entry.where}")
        return replace(mention, place=True)

    def _is_place(self, head: int) -> bool:
        """Whether the phrase headed by `head` says where: "in Baku", "through Washington", "in
        the Omani capital Muscat"."""
        token = self.tokens[head]
        if token.dep == "appos" and token.head != token.i:
            token = self.tokens[token.head]
        if token.dep != "pobj" or token.head == token.i:
            return False
        return self.tokens[token.head].lemma.lower() in _PLACE_PREPS

    def _named_people(self) -> Iterable[Mention]:
        """Names the parser found that we met earlier in the article ("Nasirzadeh")."""
        for ent in self.entities:
            first, stop = ent.first, ent.stop
            while stop > first and self.tokens[stop - 1].tag == "POS":
                stop -= 1  # "Aliyev’s"
            if first < self.first or stop > self.sentence.stop or stop == first:
                continue
            if any(i in self.used for i in range(first, stop)):
                continue
            if not all(self.tokens[i].tag in _NAME_TAGS for i in range(first, stop)):
                continue
            # as written: "al-Muhandis" is three tokens but one remembered word
            text = self.doc.article.text[self.tokens[first].start : self.tokens[stop - 1].end]
            words = text.lower().split()
            actor = self.memory.names.get(" ".join(words)) or self.memory.names.get(words[-1])
            if actor is None or actor.person is None:
                continue
            # "Eric Trump" is not the Trump met before: other given names rule it out
            known = set(actor.person.lower().split())
            if any(w not in known and w not in _HONORIFICS for w in words[:-1]):
                continue
            yield self._mention(first, stop, actor, "memory:name", 0.9)

    def _introduced_people(self, found: list[Mention]) -> Iterable[Mention]:
        """Names we have not met, introduced by an apposition or a demonym: "Qasem Soleimani,
        head of Iran's Quds Force", "Nikoloz Basilashvili, a Georgian tennis player",
        "Georgian tennis player Nikoloz Basilashvili"."""
        at = {i: m for m in found for i in range(m.first, m.stop)}
        for ent in self.entities:
            if ent.label != "PERSON":
                continue
            first, stop = ent.first, ent.stop
            while stop > first and self.tokens[stop - 1].tag == "POS":
                stop -= 1
            if first < self.first or stop > self.sentence.stop or stop == first:
                continue
            if any(i in self.used for i in range(first, stop)):
                continue
            head = self._head_of(first, stop)
            owner: Actor | None = None
            for c in self.doc.children[head]:
                kid = self.tokens[c]
                if kid.dep == "prep" and kid.lemma.lower() in ("of", "from"):
                    # "Sabrina Bennoui of Reporters Without Borders"
                    body = next((at[i] for i in self.doc.children[c] if i in at), None)
                    if body is not None and body.actor.key and body.actor.person is None:
                        owner = body.actor
                        if body.place:  # "Jane Doe of Karachi": one of its people
                            owner = Actor(name=owner.name, country=owner.country, sector="CVL")
                        break
                if kid.dep != "appos":
                    continue
                inner = next((at[i] for i in _subtree(self.doc, c, 5) if i in at), None)
                if inner is not None and inner.actor.key is not None:
                    owner = inner.actor
                    if inner.rule.startswith(("adjective:", "country:", "capital:", "city:")):
                        owner = Actor(name=owner.name, country=owner.country, sector="CVL")
                    break
                adjective = self._modifier_child(c)
                if adjective is not None:
                    owner = Actor(name=adjective.name, country=adjective.country, sector="CVL")
                    break
            if owner is None:
                adjective = self._modifier_child(head)
                if adjective is not None:
                    owner = Actor(name=adjective.name, country=adjective.country, sector="CVL")
            if owner is None:
                owner = self._predicated(head, at)
            if owner is None:
                # "the streets of Samos and Izmir": a city the parser took for a person is no
                # one, unless it speaks or acts
                if (first, stop) not in self.city_names or self.tokens[head].dep in (
                    "nsubj",
                    "nsubjpass",
                ):
                    self.strangers.append((first, stop, head, "PERSON"))
                continue
            name = self.doc.article.text[self.tokens[first].start : self.tokens[stop - 1].end]
            actor = Actor(
                name=name,
                country=owner.country,
                igo=owner.igo,
                sector=owner.sector,
                person=name,
                role=owner.role,
            )
            self.memory.remember(actor)
            yield self._mention(first, stop, actor, f"apposition:{owner.name}", 0.85)

    # -- helpers -------------------------------------------------------------------------
    def _predicated(self, head: int, at: dict[int, Mention]) -> Actor | None:
        """What "X is/was the deputy commander of the PMF" makes X: the titled actor the
        copula's complement names (a title, a group or an organisation's member)."""
        token = self.tokens[head]
        verb = self.tokens[token.head]
        if token.dep != "nsubj" or verb.lemma.lower() != "be" or verb.i == token.i:
            return None
        for c in self.doc.children[verb.i]:
            if self.tokens[c].dep != "attr" or c not in at:
                continue
            inner = at[c]
            if inner.actor.key is not None and inner.actor.person is None and not inner.place:
                return inner.actor
        return None

    def _name_after(self, start: int, by_first: dict[int, ProperMatch]) -> tuple[int, int, bool]:
        """The run of proper-name words after a title (not a country or organisation)."""
        stop = start
        limit = min(self.sentence.stop, start + 4)
        while stop < limit:
            token = self.tokens[stop]
            match = by_first.get(stop)
            if match is not None and match.kind("person") is None:
                break
            if token.text in ("-", "‐") and not token.whitespace and stop + 1 < limit:
                stop += 1  # "Faustin-Archange Touadéra"
                continue
            if token.tag not in _NAME_TAGS or not token.text[:1].isupper():
                break
            if token.ent in ("DATE", "TIME", "GPE", "LOC", "FAC"):
                break  # "President Bashar Assad Tuesday", "Mayor ... Nablus"
            stop = match.stop if match is not None else stop + 1
        return start, stop, stop > start

    def _known_person(
        self, first: int, stop: int, by_first: dict[int, ProperMatch]
    ) -> Actor | None:
        match = by_first.get(first)
        if match is not None and match.stop == stop:
            entry = valid_person(match.entries, self.on)
            if entry is not None:
                self.used.update(range(match.first, match.stop))
                return entry.actor
        text = " ".join(t.text for t in self.tokens[first:stop]).lower()
        return self.memory.names.get(text) or self.memory.names.get(
            self.tokens[stop - 1].text.lower()
        )

    def _remembered(self, person: str | None, role: str) -> Actor | None:
        if person:
            return self.memory.names.get(person.lower()) or self.memory.names.get(
                person.split()[-1].lower()
            )
        return self.memory.by_role(role)

    def _modifier_before(
        self, first: int, by_stop: dict[int, ProperMatch], *, local: bool = False
    ) -> tuple[int | None, Actor | None]:
        """A country or organisation right before a term: "Iranian", "Iran's", "US", "UN"; for
        locals a city too: "Karachi police", "Basra's governor"."""
        at = first
        if at - 1 >= self.first and self.tokens[at - 1].text in _POSSESSIVE:
            at -= 1
        match = by_stop.get(at)
        if match is None or match.first < self.first:
            return None, None
        entry = match.kind("adjective", "country", "capital", "igo", "metonym")
        actor = entry.actor if entry is not None else None
        if entry is None and local and match.kind("city") is not None:
            actor = self._city_owner(match)
        if actor is None:
            return None, None
        self.used.update(range(match.first, match.stop))
        return match.first, actor

    def _modifier_child(self, head: int) -> Actor | None:
        """A country among the head's modifiers, for parses that put it further away; or the
        group that modifies it ("Taliban intelligence officers")."""
        children = list(self.doc.children[head])
        # "Canadian psychologist Jordan Peterson": the demonym modifies the title word
        children += [
            g
            for c in self.doc.children[head]
            if self.tokens[c].dep == "compound" and c not in self.made
            for g in self.doc.children[c]
        ]
        for child in children:
            if self.tokens[child].dep in _MODIFIER_DEPS:
                actor = self._proper_actor_at(child)
                if actor is None and child in self.made:
                    made = self.made[child]
                    if made.actor.key is not None and made.actor.person is None:
                        actor = made.actor
                if actor is not None:
                    return actor
        return None

    def _of_phrase(
        self,
        at: int,
        by_first: dict[int, ProperMatch],
        *,
        local: bool = False,
        official: bool = False,
        speaks: bool = False,
        office: bool = False,
    ) -> Actor | None:
        """ "the president of Iran", "a delegation from Tehran", for locals "police in Lagos",
        for spokespeople "a spokesman for the PMF", "for the German government". A city gives
        its country to local groups ("police in Lagos", "residents of Mosul"), to officials
        ("officials in Basra") and to local offices of it (`office`: "the mayor of Karachi"),
        never to armies or ministers, who may be anyone's."""
        if at >= self.sentence.stop:
            return None
        word = self.tokens[at].text.lower()
        if word not in ("of", "from", "in") and not (speaks and word == "for"):
            return None
        nxt = at + 1
        if nxt < self.sentence.stop and self.tokens[nxt].text.lower() == "the":
            nxt += 1
        match = by_first.get(nxt)
        if match is None:
            return None
        if match.kind("city") is not None:
            if word == "for" or not (local or official or (office and word == "of")):
                return None
            actor = self._city_owner(match)
            if actor is not None and word != "in":
                self.used.update(range(match.first, match.stop))
            return actor
        kinds: tuple[str, ...] = ("country", "capital", "igo", "metonym")
        if word == "for":  # whom a spokesman speaks for: a body, not a country he may be about
            kinds = ("igo", "metonym", "adjective")
        entry = match.kind(*kinds)
        if entry is None:
            return None
        # "officials in Kiev" are Ukraine's and "police in Lagos" Nigeria's, but "troops in
        # Iraq" or "foreign ministers in Cairo" may be anyone's: "in" places only locals, and
        # officials in a capital
        if word == "in" and not (local or (official and entry.kind == "capital")):
            return None
        if word != "in":  # "police in Lagos": Lagos stays a place mention as well
            self.used.update(range(match.first, match.stop))
        return entry.actor

    def _city_owner(self, match: ProperMatch) -> Actor | None:
        """The country of a city named as where local actors belong ("Lagos police": Nigeria),
        named after the city as written."""
        entry = self._city_entry(match)
        if entry is None or entry.actor.country is None:
            return None
        written = self.doc.article.text[
            self.tokens[match.first].start : self.tokens[match.stop - 1].end
        ]
        return Actor(name=written, country=entry.actor.country, sector="GOV")

    def _proper_actor_at(self, i: int) -> Actor | None:
        if i in self.rejected:
            return None
        token = self.tokens[i]
        for group in self.lexicon.proper.get(first_word(token.text), ()):
            if len(group[0].phrase) == token.end - token.start and same_phrase(
                normalise(token.text), group[0]
            ):
                entry = next(
                    (e for e in group if e.kind in ("adjective", "country", "capital", "igo")),
                    None,
                )
                if entry is not None:
                    self.used.add(i)
                    return entry.actor
        return None

    def _adjective_actor(self, match: ProperMatch, actor: Actor) -> Actor:
        """A demonym on its own: "an American military buildup" is the US military."""
        head = self._head_of(match.first, match.stop)
        parent = self.tokens[head].head
        for sibling in self.doc.children[parent]:
            if self.tokens[sibling].lemma.lower() in ("military", "naval", "army"):
                return Actor(name=actor.name, country=actor.country, sector="MIL")
        return actor

    def _head_of(self, first: int, stop: int) -> int:
        """The token of first..stop-1 whose head lies outside the span."""
        for i in range(stop - 1, first - 1, -1):
            head = self.tokens[i].head
            if head < first or head >= stop or head == i:
                return i
        return stop - 1

    def _mention(
        self, first: int, stop: int, actor: Actor, rule: str, confidence: float = 1.0
    ) -> Mention:
        self.used.update(range(first, stop))
        mention = self.doc.mention(first, stop, self._head_of(first, stop), actor, rule, confidence)
        for i in range(first, stop):
            self.made[i] = mention
        return mention


def _subtree(doc: Document, root: int, depth: int) -> Iterable[int]:
    """Tokens below `root`, breadth first, at most `depth` levels down."""
    level = [root]
    for _ in range(depth):
        nxt: list[int] = []
        for i in level:
            yield i
            nxt.extend(doc.children[i])
        level = nxt


def _late_cities(
    doc: Document, cities: list[_City], named: set[str]
) -> tuple[list[Mention], list[str]]:
    """Cities shared by several countries, told apart once the whole article is read: place
    mentions, and the countries of those that only count for the story's country."""
    mentions: list[Mention] = []
    hints: list[str] = []
    for city in cities:
        entry = resolve_city(city.entries, named)
        if entry is None or entry.actor.country is None:
            continue
        if city.hint:
            hints.append(entry.actor.country)
            continue
        mentions.append(
            doc.mention(
                city.first,
                city.stop,
                city.head,
                entry.actor,
                f"city:{entry.where}+article",
                0.85,
                place=True,
            )
        )
    return mentions, hints


def _share(mentions: list[Mention], hints: list[str], home: Actor) -> float:
    """The home country's share of the story's placed actors and places (zero when fewer than
    three are placed: too little to tell what the story is about)."""
    placed = [m.actor.country for m in mentions if m.actor.country and m.actor.sector != "MED"]
    placed += hints
    if len(placed) < 3:
        return 0.0
    return sum(1 for c in placed if c == home.country) / len(placed)


def _acronyms(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """ "The National Telecommunications Commission (NTC)": the acronym in brackets is the body
    named before it, wherever the story uses it; and "National" inside the name is no group of
    its own."""
    named: dict[str, Mention] = {}
    for m in mentions:
        i = m.stop
        if (
            m.actor.person is None
            and not m.place
            and i + 2 < len(doc.tokens)
            and doc.tokens[i].text == "("
            and doc.tokens[i + 2].text == ")"
            and doc.tokens[i + 1].text.isupper()
        ):
            held = named.get(doc.tokens[i + 1].text)
            if held is None or held.stop - held.first < m.stop - m.first:
                named[doc.tokens[i + 1].text] = m  # the whole name, not its last word
    names = [m for m in mentions if m.rule.startswith("organisation:")]
    kept: list[Mention] = []
    for m in mentions:
        full = named.get(m.text)
        if full is not None and full is not m and m.rule.startswith("organisation:"):
            kept.append(replace(m, actor=full.actor, rule=f"acronym:{full.text}"))
            continue
        if m.rule.startswith("group:") and any(
            o.first <= m.first and m.stop <= o.stop and o.stop - o.first > m.stop - m.first
            for o in names
        ):
            continue  # "National" in "National Telecommunications Commission"
        kept.append(m)
    return kept


def _placed_late(mention: Mention) -> bool:
    """A person the readers could not place as they read, placed once the whole story was
    known: the memory never saw them."""
    return mention.actor.person is not None and (
        mention.rule.endswith(("+home-country", "+apposition", "+joined"))
        or mention.rule.startswith("apposition:")  # "al-Muhandis was the deputy commander"
    )


def _named_again(doc: Document, mentions: list[Mention], people: list[Mention]) -> list[Mention]:
    """ "ABS-CBN CEO Carlo Katigbak ... Katigbak apologized": a person placed late is the same
    person when named again later, whatever the parser took the name for."""
    if not people:
        return mentions
    by_name: dict[str, Mention] = {}
    for m in sorted(people, key=lambda m: m.start):
        person = m.actor.person or ""
        for key in (person.lower(), person.split()[-1].lower()):
            by_name.setdefault(key, m)
    covered: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        for i in range(m.first, m.stop):
            covered[i].append(m)
    added: list[Mention] = []
    dropped: set[int] = set()
    for begin, stop in _name_runs(doc):
        text = doc.token_span(begin, stop).text.lower()
        # before or after: "met by Abu Mahdi al-Muhandis ... al-Muhandis was the deputy
        # commander of the PMF" names one man twice
        first = by_name.get(text) or by_name.get(text.split()[-1])
        if first is None or first.first == begin:
            continue
        here = [m for i in range(begin, stop) for m in covered.get(i, ())]
        if any(not m.rule.endswith(":home-country") for m in here):
            continue  # already someone else
        dropped.update(id(m) for m in here)
        head = stop - 1
        added.append(
            doc.mention(begin, stop, head, first.actor, "memory:name+late", first.confidence)
        )
    return [m for m in mentions if id(m) not in dropped] + added


def _name_runs(doc: Document) -> Iterable[tuple[int, int]]:
    """Runs of capitalised proper-noun tokens, each within one sentence."""
    tokens, i = doc.tokens, 0
    while i < len(tokens):
        if not _capitalised_name(tokens[i]):
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and tokens[j].sentence == tokens[i].sentence:
            if _capitalised_name(tokens[j]):
                j += 1
            elif (  # "al-Muhandis", "Abu Mahdi al-Muhandis"
                j + 1 < len(tokens)
                and tokens[j].text in ("-", "‐")
                and not tokens[j - 1].whitespace
                and not tokens[j].whitespace
                and tokens[j + 1].tag in _NAME_TAGS
            ):
                j += 2
            else:
                break
        yield i, j
        i = j


def _capitalised_name(token: Token) -> bool:
    return token.tag in _NAME_TAGS and (token.text[:1].isupper() or token.text == "al")


def _home_people(
    doc: Document, home: Actor, strangers: list[tuple[int, int, int, int, str]]
) -> Iterable[Mention]:
    """People and organisations nothing places, in a story about one country: that country's
    people (civilians) and bodies (sector unknown)."""
    for _, first, stop, head, label in strangers:
        name = doc.token_span(first, stop).text
        if label == "PERSON":
            actor = Actor(name=name, country=home.country, sector="CVL", person=name)
        else:
            actor = Actor(name=name, country=home.country, sector=label)
        rule = f"{'person' if label == 'PERSON' else 'organisation'}:home-country"
        yield doc.mention(first, stop, head, actor, rule, 0.5)


def _appositions(
    doc: Document,
    mentions: list[Mention],
    unresolved: list[_Unplaced],
    strangers: list[tuple[int, int, int, int, str]],
) -> tuple[list[Mention], list[_Unplaced], list[tuple[int, int, int, int, str]]]:
    """Titles and names with no country of their own that stand in apposition to an actor who
    has one: "The US commander in Iraq, General David Petraeus," is American, and so is "a
    State Department spokesperson, Morgan Ortagus,"."""
    by_head = {
        i: m
        for m in mentions
        if m.actor.key is not None and not m.place
        for i in range(m.first, m.stop)
    }

    def beside(head: int, joined: bool = False) -> Mention | None:
        near = [c for c in doc.children[head] if doc.tokens[c].dep == "appos"]
        if doc.tokens[head].dep == "appos" or (joined and doc.tokens[head].dep == "conj"):
            near.insert(0, doc.tokens[head].head)
        return next((by_head[i] for i in near if i in by_head), None)

    placed: list[Mention] = []
    others: list[tuple[int, int, int, int, str]] = []
    for stranger in strangers:
        _, first, stop, head, _ = stranger
        other = beside(head)
        if other is None or other.actor.person is not None:
            others.append(stranger)
            continue
        name = doc.token_span(first, stop).text
        held = other.actor.role is not None  # the title's holder, by name
        actor = replace(other.actor, name=name, person=name) if held else other.actor
        placed.append(doc.mention(first, stop, head, actor, f"apposition:{other.actor.name}", 0.85))
    left: list[_Unplaced] = []
    for item in unresolved:
        # "Israeli prime minister Benjamin Netanyahu and energy minister Yuval Steinitz": a
        # title joined to a titled person of a country is of that country too
        other, how = beside(item.head), "apposition"
        if other is None and item.person is not None:
            other, how = beside(item.head, joined=True), "joined"
            if other is None and item.first >= 2 and doc.tokens[item.first - 1].text == "and":
                # the same, when the parser lost the coordination: "..., and Cypriot president
                # Nicos Anastasiades and energy minister Georgios Lakkotrypis"
                other = by_head.get(item.first - 2)
            if other is not None and other.actor.role is None:
                other = None
        if other is None:
            left.append(item)
            continue
        term = item.term
        actor = Actor(
            name=item.person or f"{other.actor.name} {term.term}",
            country=other.actor.country,
            igo=other.actor.igo,
            sector=term.sector,
            person=item.person,
            role=term.role if term.kind == "title" else None,
        )
        rule = f"{term.kind}:{term.where}+{how}"
        placed.append(doc.mention(item.first, item.stop, item.head, actor, rule, 0.85))
    return placed, left, others


def _of_a_pair(doc: Document, head: int) -> bool:
    """ "the two countries", "the leaders of both sides": words for the two sides named
    before."""

    def paired(i: int) -> bool:
        return any(doc.tokens[c].text.lower() in ("two", "both") for c in doc.children[i])

    return paired(head) or any(
        paired(o)
        for c in doc.children[head]
        if doc.tokens[c].dep == "prep" and doc.tokens[c].lemma.lower() == "of"
        for o in doc.children[c]
    )


def _home_groups(
    doc: Document, home: Actor, unresolved: list[_Unplaced], *, domestic: bool
) -> Iterable[Mention]:
    """Groups and officials with no country of their own ("police", "protesters", "the mayor")
    belong to the story's home country; in a story about one country, so do its "officials",
    its "army" and its "companies"."""
    heads = {item.head: item for item in unresolved}
    for item in unresolved:
        term = item.term
        if term.kind == "weapon":
            continue  # "a drone attack": whose drone, the story's country cannot tell
        if term.term == "member":
            # "members of opposition parties" are the parties' people
            inner = next(
                (
                    heads[o]
                    for c in doc.children[item.head]
                    if doc.tokens[c].dep == "prep" and doc.tokens[c].lemma.lower() == "of"
                    for o in doc.children[c]
                    if o in heads
                ),
                None,
            )
            if inner is not None:
                term = replace(term, sector=inner.term.sector)
        if not domestic and (term.sector not in _HOME_SECTORS or item.referring):
            continue
        if item.referring and _of_a_pair(doc, item.head):
            continue  # "the leaders of the two countries" are the two sides named before
        actor = Actor(
            name=item.person or f"{home.name} {term.term}",
            country=home.country,
            sector=term.sector,
            person=item.person,
            role=term.role if term.kind == "title" else None,
        )
        rule = f"{term.kind}:{term.where}+home-country"
        yield doc.mention(item.first, item.stop, item.head, actor, rule, HOME_CONFIDENCE)
