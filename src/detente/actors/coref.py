"""Reference: pronouns and "the two countries" resolved to actors named nearby.

A baseline that reads like a careful human skimming: "he" and "his" are the person most in view
(the subject of this sentence before the pronoun, else of the sentences just before); "it" and
"its" the organisation or country most in view; "they" the actors just coordinated ("Iran and
the US... they"), else the last two sides of different countries; "the two countries" and
"both sides" the last two countries named. "his country" is the country of the person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from detente.actors.dictionary import SectorTerm
from detente.model import Actor, Document, Mention, Token
from detente.words import REPORTING_VERBS

_PERSONAL = frozenset({"he", "him", "his", "she", "her", "hers"})
_GENDERED = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_FEMININE = frozenset(
    {"mrs", "ms", "miss", "madam", "dame", "lady", "queen", "princess", "empress", "duchess"}
    | {"spokeswoman", "chairwoman", "congresswoman", "businesswoman", "woman", "mother"}
)
_MASCULINE = frozenset(
    {"mr", "sir", "lord", "king", "prince", "emperor", "duke", "sultan", "emir", "sheikh"}
    | {"spokesman", "chairman", "congressman", "businessman", "man", "father"}
)
_NEUTER = frozenset({"it", "its"})
_PLURAL = frozenset({"they", "them", "their"})
_FIRST_PLURAL = frozenset({"we", "us", "our", "ours"})
_FIRST_SINGULAR = frozenset({"i", "me", "my", "mine"})
_FIRST_PERSON = _FIRST_PLURAL | _FIRST_SINGULAR
_MAX_CLIMB = 4
_INTERNATIONAL_ROLES = (
    "foreign",
    "defence",
    "defense",
    "ambassador",
    "envoy",
    "diplomat",
    "leader",
    "head of state",
)
_PRONOUNS = _PERSONAL | _NEUTER | _PLURAL | _FIRST_PLURAL | _FIRST_SINGULAR
_BODIES = frozenset({"alliance", "bloc", "organisation", "organization", "union", "body"})
_PAIR_NOUNS = frozenset({"country", "nation", "side", "leader", "government", "party", "state"})
_PAIR_DETERMINERS = frozenset({"two", "both"})
_COUNTRY_NOUNS = frozenset({"country", "nation", "government"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})
# Plural groups "they" can stand for; governments and delegations come in pairs instead.
_CROWDS = frozenset({"CVL", "COP", "REB", "OPP", "MIL", "MED", "EDU", "REL", "HLH", "NGO", "BUS"})
_WINDOW = 2
"""How many sentences back a pronoun may look."""
_ROLE_WINDOW = 4
"""How far back "the foreign ministers" looks for the holders of that office."""


@dataclass(frozen=True, slots=True)
class _Seen:
    mention: Mention
    subject: bool


class Coreference:
    """Stage: adds mentions for pronouns and pair expressions that refer to known actors."""

    name = "coreference"

    def __init__(self, terms: Iterable[SectorTerm] = ()) -> None:
        self.groups = {
            t.term: t for t in terms if t.kind in ("group", "weapon") and " " not in t.term
        }
        """One-word group terms, for "its army", "their government"."""

    def __call__(self, doc: Document) -> Document:
        if not doc.mentions:
            return doc
        by_start = sorted(doc.mentions, key=lambda m: m.start)
        covered = {i for m in doc.mentions for i in range(m.first, m.stop)}
        by_token: dict[int, list[Mention]] = {}
        for m in doc.mentions:
            for i in range(m.first, m.stop):
                by_token.setdefault(i, []).append(m)
        added: list[Mention] = []
        speakers: list[Token] = []
        seen: list[_Seen] = []
        genders: dict[str, str] = {m.actor.name: g for m in doc.mentions if (g := _gender_of(m))}
        cursor = 0
        for token in doc.tokens:
            while cursor < len(by_start) and by_start[cursor].first <= token.i:
                m = by_start[cursor]
                seen.append(_Seen(m, _subject(doc, m.head)))
                cursor += 1
            if token.i in covered:
                continue
            if token.tag in ("PRP", "PRP$") and token.text.lower() in _FIRST_PERSON:
                speakers.append(token)  # once every "he said" is known
                continue
            found = self._resolve(doc, token, seen, by_token, genders)
            for mention in found:
                added.append(mention)
                if token.text.lower() in _GENDERED:  # "he" makes Trump a man: no "her" later
                    genders.setdefault(mention.actor.name, _GENDERED[token.text.lower()])
                seen.append(_Seen(mention, token.dep in _SUBJECT_DEPS))
                by_token.setdefault(token.i, []).append(mention)
            if found:
                covered.update(range(found[0].first, found[0].stop))
        for token in speakers:
            added.extend(self._resolve(doc, token, seen, by_token))
        doc = doc.evolve(mentions=tuple(_counterpart(doc, m, added) for m in doc.mentions))
        shared = _shared_roles(doc)
        added.extend(m for group in shared.values() for m in group)
        for m in doc.mentions:
            if m.head not in shared and _many_countries(doc, m):
                shared[m.head] = []
        if not added and not shared:
            return doc
        # "its army": the possessor's army replaces a guess from the home country
        owned = {m.head for m in added if m.rule.startswith("coref:possessive-")}
        kept = [
            m
            for m in doc.mentions
            if not (m.head in owned and m.rule.endswith("home-country")) and m.head not in shared
        ]
        mentions = sorted((*kept, *added), key=lambda m: (m.start, -m.end))
        return doc.evolve(mentions=tuple(mentions))

    def _resolve(
        self,
        doc: Document,
        token: Token,
        seen: Sequence[_Seen],
        by_token: dict[int, list[Mention]],
        genders: dict[str, str] | None = None,
    ) -> list[Mention]:
        word = token.text.lower()
        lemma = token.lemma.lower()
        if token.pos == "NOUN" and _bare_definite(doc, token):
            # "The Southern Transitional Council ... the council": the body named before
            named = _named_body(doc, seen, token)
            if named is not None:
                return [self._refer(doc, token, named, "coref:named-body")]
        if word not in _PRONOUNS and lemma not in _PAIR_NOUNS and lemma not in _BODIES:
            return []
        if token.tag in ("PRP", "PRP$") and word in _FIRST_PLURAL | _FIRST_SINGULAR:
            # "We expect assurances from Iran," Zelensky said: the speaker (for "we", the body
            # the speaker speaks for)
            speaker = _speaker(doc, token, by_token)
            if speaker is None:
                return []
            if word in _FIRST_PLURAL and speaker.actor.person is not None:
                actor = Actor(
                    name=speaker.actor.country or speaker.actor.igo or speaker.actor.name,
                    country=speaker.actor.country,
                    igo=speaker.actor.igo,
                    sector=speaker.actor.sector,
                )
                speaker = replace(speaker, actor=actor)
            return [self._refer(doc, token, speaker, "coref:speaker")]
        if lemma in _BODIES and token.pos == "NOUN" and _definite(doc, token):
            # "the alliance", "the bloc": the organisation named last
            body = next(
                (s.mention for s in reversed(seen) if s.mention.actor.igo and not s.mention.place),
                None,
            )
            if body is not None and token.sentence - body.sentence <= _WINDOW:
                return [self._refer(doc, token, body, "coref:body")]
            return []
        ahead = _fronted_owner(doc, token, by_token)
        if ahead is not None:
            return [self._refer(doc, token, ahead, "coref:cataphora")]
        recent = [s for s in seen if token.sentence - s.mention.sentence <= _WINDOW]
        if token.tag == "PRP" and token.dep in ("dobj", "pobj", "dative", "iobj"):
            # "Boko met him", "police fired tear gas at them": an object pronoun is not the
            # subject of its own clause
            clause = _clause_subject_tokens(doc, token)
            recent = [s for s in recent if s.mention.head not in clause]
        if token.tag in ("PRP", "PRP$") and word in _PERSONAL:
            # "officers ... shot him": he is one person, not a plural group; and "her" is not a
            # man the story called "he"
            recent = [s for s in recent if doc.tokens[s.mention.head].tag not in ("NNS", "NNPS")]
            known = genders or {}
            recent = [
                s
                for s in recent
                if known.get(s.mention.actor.name, _GENDERED[word]) == _GENDERED[word]
            ]
            # "the mayor ... accusing her of not doing her job": a woman already called "she"
            # comes first (most people in political news are men, so "he" cannot tell)
            matching = [
                s
                for s in recent
                if _GENDERED[word] == "f"
                and known.get(s.mention.actor.name) == "f"
                and token.sentence - s.mention.sentence <= 1
            ]
            recent = matching or recent
            antecedent = _salient(
                recent,
                token,
                lambda a: a.person is not None or bool(a.role),
                object_pronoun=token.tag == "PRP"
                and token.dep in ("dobj", "pobj", "dative", "iobj"),
                people=True,
            )
            if antecedent is None:
                return []
            return [self._refer(doc, token, antecedent, "coref:pronoun")]
        if token.tag == "PRP" and word == "it" and _thing_before(doc, token, by_token):
            return []  # "commented on the agreement, calling it null and void"
        if token.tag in ("PRP", "PRP$") and word in _NEUTER:
            singular = [s for s in recent if doc.tokens[s.mention.head].tag not in ("NNS", "NNPS")]
            antecedent = _salient(singular, token, lambda a: a.person is None, subjects_only=True)
            if antecedent is None:
                return []
            return [self._refer(doc, token, antecedent, "coref:pronoun")]
        if token.tag == "PRP$" and word in _PLURAL:
            # "Iran and Iraq reaffirmed their ties": the subject of its own clause
            owners = _own_subject(doc, recent, token)
            if owners:
                return [self._refer(doc, token, a, "coref:own-subject") for a in owners]
        if token.tag == "PRP" and word in ("they", "them"):
            # "Police said they had arrested two men", "the spokesperson added they would not
            # consider requests": a body's own words speak of the body
            body = _speaking_body(doc, token, by_token)
            if body is not None:
                return [self._refer(doc, token, body, "coref:speaking-body")]
        if token.tag in ("PRP", "PRP$") and word in _PLURAL:
            return [self._refer(doc, token, a, "coref:plural") for a in _group(doc, recent, token)]
        if token.lemma.lower() in _PAIR_NOUNS and token.pos == "NOUN":
            determiners = {doc.tokens[c].text.lower() for c in doc.children[token.i]}
            if determiners & _PAIR_DETERMINERS:
                pair = _last_countries(recent, 2)
                if len(pair) == 2:
                    first = min([token.i, *(c for c in doc.children[token.i] if c < token.i)])
                    return [self._refer(doc, token, a, "coref:pair", first=first) for a in pair]
        return []

    def _refer(
        self, doc: Document, token: Token, antecedent: Mention, rule: str, first: int | None = None
    ) -> Mention:
        actor = antecedent.actor
        start_token = token.i if first is None else first
        stop = token.i + 1
        # "his country" is the person's country acting as a state; "its army", "their
        # government" that country's army and government
        if token.tag == "PRP$" and token.head != token.i:
            head = doc.tokens[token.head]
            term = self.groups.get(head.lemma.lower())
            if head.lemma.lower() in _COUNTRY_NOUNS and head.i == token.i + 1:
                actor = Actor(
                    name=actor.country or actor.name,
                    country=actor.country,
                    igo=actor.igo,
                    sector="GOV",
                )
                stop = head.i + 1
                rule = "coref:possessive-country"
            elif term is not None and head.i == token.i + 1 and actor.key is not None:
                actor = Actor(
                    name=f"{actor.country or actor.igo} {term.term}",
                    country=actor.country,
                    igo=actor.igo,
                    sector=term.sector,
                )
                stop = head.i + 1
                rule = "coref:possessive-group"
        confidence = antecedent.confidence * 0.85
        return doc.mention(
            start_token, stop, stop - 1, actor, f"{rule}:{antecedent.text}", confidence
        )


def _speaking_body(
    doc: Document, token: Token, by_token: dict[int, list[Mention]]
) -> Mention | None:
    """The body (not a named person) whose reporting verb governs the clause of `token`."""
    verb: Token | None = None
    clause = doc.tokens[token.head]
    if token.dep in ("nsubj", "nsubjpass") and clause.dep in ("ccomp", "parataxis"):
        # (not through a "conj": "said the gunmen had kidnapped ... and that they were ...")
        above = doc.tokens[clause.head]
        if above.lemma.lower() in REPORTING_VERBS:
            verb = above
    if verb is None and token.dep in ("nsubj", "nsubjpass"):
        # the parser may turn it round: "The spokesperson added ..., they would not ..."
        clause = doc.tokens[token.head]
        verb = next(
            (
                doc.tokens[c]
                for c in doc.children[clause.i]
                if c < token.i
                and doc.tokens[c].dep in ("ccomp", "parataxis")
                and doc.tokens[c].lemma.lower() in REPORTING_VERBS
            ),
            None,
        )
    if verb is None:
        return None
    for c in doc.children[verb.i]:
        if doc.tokens[c].dep != "nsubj" or c == token.i:
            continue
        found = [m for m in by_token.get(c, ()) if m.actor.key and not m.place]
        if found and all(m.actor.person is None for m in found):
            body = found[0]
            if body.actor.role is not None:  # "the spokesperson": the body it speaks for
                actor = replace(
                    body.actor,
                    role=None,
                    name=body.actor.country or body.actor.igo or body.actor.name,
                )
                body = replace(body, actor=actor)
            return body
    return None


def _speaker(doc: Document, token: Token, by_token: dict[int, list[Mention]]) -> Mention | None:
    """Who says the words a first-person pronoun stands in: the subject of a reporting verb
    in the same sentence, else in the next or the previous one."""
    for number in (token.sentence, token.sentence + 1, token.sentence - 1):
        if not 0 <= number < len(doc.sentences):
            continue
        sentence = doc.sentences[number]
        for verb in doc.tokens[sentence.first : sentence.stop]:
            if verb.lemma.lower() not in REPORTING_VERBS or verb.pos != "VERB":
                continue
            for c in doc.children[verb.i]:
                if doc.tokens[c].dep != "nsubj" or c == token.i:
                    continue
                found = [m for m in by_token.get(c, ()) if m.actor.key]
                if found and doc.tokens[c].text.lower() not in _FIRST_PLURAL | _FIRST_SINGULAR:
                    return found[0]
    return None


def _counterpart(doc: Document, mention: Mention, added: Sequence[Mention]) -> Mention:
    """ "Lithuanian Defence Minister ... his Latvian counterpart": a counterpart holds the office
    of whoever "his" is."""
    if mention.actor.role != "Counterpart":
        return mention
    owner = next(
        (
            m
            for m in added
            if doc.tokens[m.head].tag == "PRP$"
            and doc.tokens[m.head].head == mention.head
            and m.actor.role
            and m.actor.role != "Counterpart"
            and m.actor.sector
        ),
        None,
    )
    if owner is None:
        return mention
    actor = replace(mention.actor, role=owner.actor.role, sector=owner.actor.sector)
    return replace(mention, actor=actor)


def _fronted_owner(
    doc: Document, token: Token, by_token: dict[int, list[Mention]]
) -> Mention | None:
    """A possessive in a phrase put before its clause's subject stands for that subject:
    "Because of its drilling, Turkey is under sanctions", "In his speech, Putin said"."""
    word = token.text.lower()
    if token.tag != "PRP$" or word not in _NEUTER | _PERSONAL:
        return None
    node = token
    for _ in range(_MAX_CLIMB):
        if node.head == node.i:
            return None
        parent = doc.tokens[node.head]
        if parent.pos in ("VERB", "AUX") and node.dep in ("prep", "advcl", "npadvmod"):
            break
        node = parent
    else:
        return None
    subject = next(
        (doc.tokens[c] for c in doc.children[parent.i] if doc.tokens[c].dep == "nsubj"), None
    )
    if subject is None or subject.i < node.i:
        return None
    person = word in _PERSONAL
    found = [
        m
        for m in by_token.get(subject.i, ())
        if m.actor.key is not None and (m.actor.person is not None) == person and not m.place
    ]
    return found[0] if len(found) == 1 else None


def _thing_before(doc: Document, token: Token, by_token: dict[int, list[Mention]]) -> bool:
    """Whether an object "it" has a thing to stand for earlier in its sentence: a noun object
    that names no actor."""
    if token.dep not in ("dobj", "pobj"):
        return False
    first = doc.sentences[token.sentence].first
    return any(
        t.pos == "NOUN" and t.dep in ("dobj", "pobj") and not by_token.get(t.i)
        for t in doc.tokens[first : token.i]
    )


def _bare_definite(doc: Document, token: Token) -> bool:
    """ "the council": "the" and nothing else before the noun, and no "of" after it."""
    kids = [doc.tokens[c] for c in doc.children[token.i]]
    return (
        any(k.dep == "det" and k.text.lower() == "the" and k.i == token.i - 1 for k in kids)
        and not any(k.dep in ("compound", "amod", "nmod", "poss", "nummod") for k in kids)
        and not any(k.dep == "prep" and k.text.lower() == "of" for k in kids)
    )


def _named_body(doc: Document, seen: Sequence[_Seen], token: Token) -> Mention | None:
    """The latest organisation named in full whose name ends in this noun."""
    for s in reversed(seen):
        m = s.mention
        if token.sentence - m.sentence > _WINDOW:
            return None
        if m.actor.key is None or m.actor.person is not None or m.place or m.stop - m.first < 2:
            continue
        last = doc.tokens[m.stop - 1]
        if (
            last.tag in ("NNP", "NNPS")
            and last.text.lower() == token.text.lower()
            and all(doc.tokens[i].text[:1].isupper() for i in range(m.first, m.stop))
        ):
            return m
    return None


def _definite(doc: Document, token: Token) -> bool:
    return any(
        doc.tokens[c].dep == "det" and doc.tokens[c].text.lower() in ("the", "this")
        for c in doc.children[token.i]
    )


def _clause_subject_tokens(doc: Document, token: Token) -> set[int]:
    """The tokens of the subject of the verb a pronoun depends on."""
    verb = doc.tokens[token.head]
    if verb.pos == "ADP" and verb.head != verb.i:
        verb = doc.tokens[verb.head]
    found: set[int] = set()
    todo = [c for c in doc.children[verb.i] if doc.tokens[c].dep in ("nsubj", "nsubjpass")]
    for _ in range(_MAX_CLIMB):
        # "Trump lashed out at the mayor, accusing her": the participle's subject is Trump's
        if todo or verb.dep not in ("advcl", "xcomp", "conj") or verb.head == verb.i:
            break
        verb = doc.tokens[verb.head]
        todo = [c for c in doc.children[verb.i] if doc.tokens[c].dep in ("nsubj", "nsubjpass")]
    while todo:
        i = todo.pop()
        found.add(i)
        todo.extend(doc.children[i])
    return found


def _salient(
    recent: Sequence[_Seen],
    token: Token,
    accept: object,
    *,
    subjects_only: bool = False,
    object_pronoun: bool = False,
    people: bool = False,
) -> Mention | None:
    """The most salient earlier mention: a subject in this sentence, then a subject before,
    then (for people) the latest mention at all. An object pronoun ("labeled Soleimani a
    terrorist and sanctioned him") takes a person named earlier in its own sentence first."""
    test = accept if callable(accept) else (lambda a: True)
    candidates = [s for s in recent if s.mention.start < token.start and test(s.mention.actor)]
    candidates = [s for s in candidates if s.mention.actor.key is not None]
    here = [s for s in candidates if s.mention.sentence == token.sentence and s.subject]
    if here:
        return here[-1].mention
    if object_pronoun:
        named = [
            s
            for s in candidates
            if s.mention.sentence == token.sentence and s.mention.actor.person is not None
        ]
        if named:
            return named[-1].mention
    if people:
        # "... labeled Soleimani a terrorist and sanctioned him. He was further sanctioned":
        # the person of the sentence just before, its subject first, then anyone named in it
        last = [
            s
            for s in candidates
            if s.mention.sentence == token.sentence - 1 and s.mention.actor.person is not None
        ]
        ranked = [s for s in last if s.subject] or last
        if ranked:
            return ranked[-1].mention
    before = [s for s in candidates if s.subject]
    if before:
        return before[-1].mention
    if subjects_only or not candidates:
        return None
    return candidates[-1].mention


def _group(doc: Document, recent: Sequence[_Seen], token: Token) -> list[Mention]:
    """The actors "they" names: a crowd just before ("protesters ... they"), else the last
    two sides of different countries ("Aliyev ... Nasirzadeh ... they")."""
    earlier = [s for s in recent if s.mention.start < token.start]
    groups = [
        s.mention
        for s in earlier
        if s.subject
        and s.mention.rule.startswith("group:")
        and s.mention.actor.sector in _CROWDS
        and doc.tokens[s.mention.head].tag in ("NNS", "NNPS")
        and s.mention.sentence >= token.sentence - 1
    ]
    together = _coordinated_subjects(doc, earlier, token)
    if len({m.actor.key for m in together}) > 1 and together[0].sentence == token.sentence:
        return together
    plural = [
        s.mention
        for s in earlier
        if s.mention.sentence == token.sentence
        and not s.mention.place
        and s.mention.actor.key is not None
        and doc.tokens[s.mention.head].tag in ("NNS", "NNPS")
        and not s.subject
    ]
    if plural and not any(g.sentence == token.sentence for g in groups):
        # "imposed sanctions on two senior RSF commanders, freezing their assets": the people
        # just named in this sentence
        last = plural[-1]
        return [m for m in plural if m.head == last.head]
    if len({m.actor.key for m in together}) > 1:
        return together
    if groups:
        crowd = groups[-1]
        # only if no other country has been named since ("... Turkey and Greece ... their")
        since = [s.mention for s in earlier if s.mention.start > crowd.start]
        if all(m.actor.key == crowd.actor.key for m in since):
            return [crowd]
    return _last_countries(earlier, 2)


def _coordinated_subjects(doc: Document, earlier: Sequence[_Seen], token: Token) -> list[Mention]:
    """The actors of the latest coordinated subject ("Egypt's minister and his Greek and
    French counterparts gathered... They")."""
    by_sentence: dict[int, list[Mention]] = {}
    for seen in earlier:
        head = doc.tokens[seen.mention.head]
        while head.dep == "conj" and head.head != head.i:
            head = doc.tokens[head.head]
        if head.dep in ("nsubj", "nsubjpass"):
            by_sentence.setdefault(seen.mention.sentence, []).append(seen.mention)
    for sentence in (token.sentence, token.sentence - 1, token.sentence - 2):
        group = [m for m in by_sentence.get(sentence, []) if m.actor.key is not None]
        if len({m.actor.key for m in group}) > 1:
            return group
    return []


def _own_subject(doc: Document, recent: Sequence[_Seen], token: Token) -> list[Mention]:
    """The actors of the subject of the clause a possessive pronoun stands in."""
    verb = doc.clause_verb(doc.tokens[token.head], _MAX_CLIMB)
    subject: set[int] = set()
    todo = [c for c in doc.children[verb.i] if doc.tokens[c].dep in ("nsubj", "nsubjpass")]
    while todo:
        i = todo.pop()
        subject.add(i)
        todo.extend(doc.children[i])
    owners: dict[str, Mention] = {}
    for seen in recent:
        m = seen.mention
        if m.head in subject and m.actor.key is not None and not m.place and m.first < token.i:
            owners.setdefault(m.actor.key, m)
    return list(owners.values())


def _gender_of(mention: Mention) -> str | None:
    """A person's gender where the words say it: "Mrs", "Queen", "spokeswoman"."""
    if mention.actor.person is None and not mention.actor.role:
        return None
    words = set(re.findall(r"[a-z]+", mention.text.lower()))
    words |= set(re.findall(r"[a-z]+", (mention.actor.role or "").lower()))
    if words & _FEMININE:
        return "f"
    if words & _MASCULINE:
        return "m"
    return None


def _many_countries(doc: Document, mention: Mention) -> bool:
    """ "An assembly of several foreign ministers", "European leaders": diplomats and leaders
    in the plural, with no country named, are of many countries, not the home country."""
    if not (mention.rule.endswith("+home-country") and mention.rule.startswith("title:")):
        return False
    if doc.tokens[mention.head].tag != "NNS":
        return False
    role = (mention.actor.role or "").lower()
    return any(word in role for word in _INTERNATIONAL_ROLES) and not _definite(
        doc, doc.tokens[mention.head]
    )


def _shared_roles(doc: Document) -> dict[int, list[Mention]]:
    """ "The agreement was signed by the energy ministers": a plural title the story gave no
    country stands for the holders of that office named just before, one mention per country
    (replacing the guess from the home country)."""
    found: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        if not (
            m.rule.startswith("title:")
            and m.rule.endswith("+home-country")
            and doc.tokens[m.head].tag == "NNS"
            and m.actor.role
        ):
            continue
        definite = _definite(doc, doc.tokens[m.head])
        if not definite and not _many_countries(doc, m):
            continue
        singular = m.actor.role.lower()

        def holds(other: Mention, role: str = singular) -> bool:
            return (
                other.actor.key is not None
                and "home-country" not in other.rule
                and (other.actor.role or "").lower() == role
            )

        holders: dict[str, Mention] = {}
        for other in doc.mentions:
            if (
                other.start < m.start
                and m.sentence - other.sentence <= _ROLE_WINDOW
                and holds(other)
            ):
                holders.setdefault(str(other.actor.key), other)
        if not holders and not definite:
            # "an assembly of several foreign ministers ... Egyptian foreign minister Sameh
            # Shoukry and his counterparts": the lead names them after
            for other in doc.mentions:
                if other.start > m.end and 0 < other.sentence - m.sentence <= 2 and holds(other):
                    holders.setdefault(str(other.actor.key), other)
        if len(holders) > 1:
            found[m.head] = [
                replace(m, actor=h.actor, rule=f"coref:same-role:{h.text}")
                for h in holders.values()
            ]
    return found


def _subject(doc: Document, head: int) -> bool:
    """Whether a mention is its clause's subject, or the people of a quantity that is
    ("Thousands of protesters stormed...")."""
    token = doc.tokens[head]
    if token.dep in _SUBJECT_DEPS:
        return True
    if token.dep != "pobj":
        return False
    prep = doc.tokens[token.head]
    if prep.lemma.lower() != "of" or prep.head == prep.i:
        return False
    amount = doc.tokens[prep.head]
    return amount.dep in _SUBJECT_DEPS and (amount.pos == "NUM" or amount.tag == "NNS")


def _last_countries(recent: Sequence[_Seen], n: int) -> list[Mention]:
    """The latest mentions of `n` different countries or organisations (named ones, not a
    group placed by guess, and not a place)."""
    picked: list[Mention] = []
    keys: set[str] = set()
    for seen in reversed(recent):
        key = seen.mention.actor.key
        if key is None or key in keys or "home-country" in seen.mention.rule or seen.mention.place:
            continue
        keys.add(key)
        picked.append(seen.mention)
        if len(picked) == n:
            break
    return picked
