"""The pattern coder: trigger words over the dependency parse -> events.

For each sentence: find the tokens a pattern names (verbs, nouns, adjectives), then read the
actors from the parse around them:
- the source from the subject (the `by` agent in the passive; the controlling subject for an
  infinitive or a shared subject in coordination; the possessor, a `by` phrase, a demonym, or
  the clause's subject for a noun such as "talks" or "visit");
- targets from the slots the pattern names (direct object, `with`, `to`, `against`, `between`...);
- coordinated actors ("Egypt, Greece and Cyprus") give one event each; a symmetric code with a
  plural subject and no object ("Iran and the US started negotiations") pairs the subjects.
Each event records its pattern (`provenance.rule`), its modality (negated, hypothetical) and a
confidence built from the pattern's and its actors'.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from detente.coding.ontology import Ontology
from detente.coding.patterns import Pattern, PatternBook, Specialisation
from detente.model import (
    Actor,
    Document,
    Event,
    EventDate,
    Mention,
    Modality,
    Provenance,
    TextSpan,
    Token,
)
from detente.words import DOCUMENTS

CODER = "patterns"
_PLACE_PREPS = frozenset(
    {"in", "at", "near", "across", "throughout", "inside", "outside", "around", "off", "along"}
)
_PLACE_RULES = ("capital:", "country:", "city:")
_COUNTRY_RULES = ("adjective:", "country:", "capital:", "metonym:", "igo:")
_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
_NONE = frozenset({"neither", "no"})
_HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "must"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
# "dozens of people", "thousands of protesters": the people are in the "of" phrase
_QUANTITIES = frozenset(
    {
        "dozen",
        "dozens",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "ten",
        "tens",
        "score",
        "scores",
        "number",
        "group",
        "some",
        "many",
        "several",
        "most",
        "all",
        "both",
        "each",
        "majority",
        "couple",
        "handful",
        "none",
        "few",
    }
)
# "a package of sanctions", "a wave of attacks": the event is the inner noun
_CONTAINERS = frozenset(
    {
        "package",
        "round",
        "set",
        "series",
        "wave",
        "raft",
        "batch",
        "spate",
        "string",
        "volley",
        "barrage",
        "salvo",
        "flurry",
        "host",
        "slew",
        "campaign",
    }
)
# Clauses of their own: a search for an embedded event's target does not enter them.
_CLAUSES = frozenset({"advcl", "relcl", "ccomp", "parataxis", "acl", "csubj"})
_VIOLENT_ROOTS = frozenset({"18", "19", "20"})
_SERVICES = frozenset({"GOV", "MIL", "COP", "SPY", "JUD"})
"""A government's own services: who acts when it orders them to."""
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_AGREEMENT_NOUNS = frozenset(
    {"agreement", "deal", "accord", "pact", "treaty", "memorandum", "partnership", "plan"}
)
_ENGAGING = frozenset({"engage", "draw", "drag", "involve"})
"""Verbs that bring their object into an event: "engaged the peacekeepers in a firefight"."""
_PLAIN_CODES = frozenset({"040"})
"""Codes any more specific one of their family says better ("met" beside "a visit")."""
_JOINT = frozenset({"joint", "combined", "bilateral", "trilateral", "multilateral"})
_SPOKEN_ROOTS = frozenset({"01", "02", "04", "10", "11", "12", "13", "14"})
"""Families done in words or on the street: a purpose of this kind ("gathered to protest") is
done by the act it is the purpose of."""
_ALLEGING = frozenset({"claim", "allege", "charge", "insist", "contend"})
"""Reporting verbs that tell a contested claim: who they say did it is accused."""
# Where the words that unmake a trigger stand: its object or complement, or its modifier.
_UNMAKING = frozenset({"dobj", "nsubjpass", "acomp", "oprd", "attr", "amod", "compound"})
_VICTIM_VERBS = frozenset({"kill", "wound", "injure", "die", "hurt", "maim", "leave"})
# Nouns that name an earlier event, and the families it may have been coded in.
_MEETINGS = frozenset({"04"})
_AGREEMENTS = frozenset({"05"})
# Verbs whose subject speaks through the text ("adopted a resolution"), unlike "vetoed".
_AUTHORING = frozenset(
    {"adopt", "pass", "approve", "issue", "release", "publish", "sign", "draft", "table"}
    | {"submit", "introduce", "unveil", "send", "write", "deliver", "present", "vote", "put"}
    | {"endorse", "circulate", "post", "read"}
)
# Texts that act for their authors: "a resolution condemning", "a statement calling for".
_REFERRED_EVENTS: dict[str, frozenset[str]] = {
    "accusation": frozenset({"11", "01"}),
    "allegation": frozenset({"11", "01"}),
    "claim": frozenset({"11", "01"}),
    "charge": frozenset({"11", "17"}),
    "criticism": frozenset({"11"}),
    "demand": frozenset({"10"}),
    "ultimatum": frozenset({"10", "13"}),
    "request": frozenset({"02", "10"}),
    "appeal": frozenset({"02"}),
    "call": frozenset({"02"}),
    "offer": frozenset({"03"}),
    "proposal": frozenset({"03"}),
    "invitation": frozenset({"02", "03"}),
    "threat": frozenset({"13"}),
    "sanction": frozenset({"16"}),
    "attack": frozenset({"18", "19", "20"}),
    "strike": frozenset({"18", "19"}),
    "airstrike": frozenset({"19"}),
    "killing": frozenset({"18", "19", "20"}),
    "assassination": frozenset({"18", "19"}),
    "bombing": frozenset({"18", "19"}),
    "raid": frozenset({"17", "18", "19"}),
    "arrest": frozenset({"17"}),
    "mistake": frozenset({"18", "19", "20"}),
    "error": frozenset({"18", "19", "20"}),
    "incident": frozenset({"17", "18", "19"}),
    "agreement": _AGREEMENTS,
    "deal": _AGREEMENTS,
    "accord": _AGREEMENTS,
    "pact": _AGREEMENTS,
    "treaty": _AGREEMENTS,
    "memorandum": _AGREEMENTS,
    "summit": _MEETINGS,
    "meeting": _MEETINGS,
    "talks": _MEETINGS,
    "talk": _MEETINGS,
    "conference": _MEETINGS,
}
_REFERRED_WINDOW = 6
"""How many sentences back "the attack" may point (news returns to its main event)."""
_CONTINUED = 2
"""How many sentences back a passive with no agent may take the agent of the same act."""
_LEAD_SENTENCES = 2
"""The lead: the sentences that tell the story's main event."""
_CONTEXT_TARGET_PENALTY = 0.7
_MAX_CLIMB = 6


@dataclass(frozen=True, slots=True)
class _Trigger:
    token: Token
    pattern: Pattern


class PatternCoder:
    """Stage: codes the events of every sentence with the pattern book."""

    name = CODER

    def __init__(self, book: PatternBook, ontology: Ontology) -> None:
        self.book = book
        self.ontology = ontology

    def __call__(self, doc: Document) -> Document:
        return doc.evolve(events=tuple(_Reader(doc, self.book, self.ontology).events()))


class _Reader:
    def __init__(self, doc: Document, book: PatternBook, ontology: Ontology) -> None:
        self.doc = doc
        self.tokens = doc.tokens
        self.children = doc.children
        self.book = book
        self.ontology = ontology
        self.at: dict[int, list[Mention]] = {}
        """Actor mentions by token; places ("in Baku") are kept apart in `places`."""
        self.places: dict[int, list[Mention]] = {}
        for mention in doc.mentions:
            index = self.places if mention.place else self.at
            for i in range(mention.first, mention.stop):
                index.setdefault(i, []).append(mention)
        self.triggers: dict[int, _Trigger] = {}
        self.told: list[Event] = []
        self.told_starts: set[int] = set()
        """Where the triggers of the events told so far start."""
        """Events coded so far, in text order: what "the accusation" refers back to."""

    # -- triggers --------------------------------------------------------------------------
    def events(self) -> list[Event]:
        skip_until = self.doc.dateline.end if self.doc.dateline else -1
        consumed: set[int] = set()
        for token in self.tokens:
            if token.start < skip_until:
                continue
            pos = "NOUN" if token.pos == "PROPN" else token.pos
            for pattern in self.book.candidates(token.lemma.lower(), pos):
                if self._accepts(token, pattern):
                    self.triggers[token.i] = _Trigger(token, pattern)
                    if pattern.objects:  # "lodged a protest": the noun is not a second event
                        consumed.update(
                            c for c in self.children[token.i] if self.tokens[c].dep == "dobj"
                        )
                    break
        for i in consumed:
            self.triggers.pop(i, None)
        # One event per sentence, code and dyad: "During the talks they exchanged views" is one
        # consultation (a verb wins over a noun). Mentions of an event told in an earlier
        # sentence are dropped later, once dates are known (see `Repeats`).
        best: dict[tuple[object, ...], tuple[Event, tuple[bool, bool, float]]] = {}
        # statements last in their sentence: "said" stands only when what was said is no event
        # of its own (and a later "denied the accusation" can still see who accused)
        order = sorted(
            self.triggers.values(), key=lambda t: (t.token.sentence, t.pattern.report, t.token.i)
        )
        for trigger in order:
            if self._purpose_of_same(trigger):
                continue
            nominal = trigger.token.pos != "VERB"
            for event in self._code(trigger):
                self.told.append(event)
                self.told_starts.add(event.trigger.start)
                # a pattern's symmetry is its own code's: "gathered" (040) made a protest (141)
                # is as directed as any protest
                symmetric = (
                    trigger.pattern.symmetric and event.cameo.root == trigger.pattern.code[:2]
                )
                # "During a visit to Ankara, the minister met her counterpart": one meeting, told
                # by its most telling code
                code = event.cameo.root if event.cameo.root == "04" else event.cameo.code
                key = (event.sentence, code, _codes(event, symmetric or code == "04"))
                held = best.get(key)
                rank = (event.cameo.code in _PLAIN_CODES, nominal, -event.confidence)
                if held is None or held[1] > rank:
                    best[key] = (event, rank)
        return sorted((e for e, _ in best.values()), key=lambda e: (e.trigger.start, e.event_id))

    def _purpose_of_same(self, trigger: _Trigger) -> bool:
        """ "went on hunger strike to protest against his detention": the purpose is the act
        itself when the clause already tells an event of its family."""
        token = trigger.token
        if token.dep != "advcl" or token.head == token.i:
            return False
        if not any(self.tokens[c].text.lower() == "to" for c in self.children[token.i]):
            return False
        clause = self.tokens[token.head]
        return any(
            other is not trigger
            and other.pattern.code[:2] == trigger.pattern.code[:2]
            and (other.token.i == clause.i or self.doc.clause_verb(other.token).i == clause.i)
            for other in self.triggers.values()
        )

    def _accepts(self, token: Token, pattern: Pattern) -> bool:
        if token.ent in ("DATE", "TIME"):
            return False  # "in March", "Independence Day"
        if (
            pattern.pos == "NOUN"
            and token.ent in _TITLES
            and token.text[:1].isupper()
            and token.i > self.doc.sentences[token.sentence].first
        ):
            return False  # a name, not an event: "the Natural Law Party", "A Tribute for a King"
        kids = [self.tokens[c] for c in self.children[token.i]]
        if pattern.particle and not (
            any(
                k.dep in ("prt", "prep", "advmod")
                and k.text.lower() == pattern.particle
                and not self._dated(k)  # "called up reservists on Saturday" is no "call on"
                for k in kids
            )
            or self._clause_mark(kids, pattern.particle)
        ):
            return False
        if pattern.not_objects and any(
            k.dep in _UNMAKING and k.lemma.lower() in pattern.not_objects for k in kids
        ):
            return False  # "struck a conciliatory tone", "pled guilty", "a campaign rally"
        if pattern.objects and not any(
            k.dep in ("dobj", "nsubjpass") and self._object_lemma(token, k) in pattern.objects
            for k in kids
        ):
            return False
        for need in pattern.requires:
            if need == "object" and not any(k.dep in ("dobj", "nsubjpass") for k in kids):
                return False
            if need == "named" and not any(k.dep == "dobj" and k.pos == "PROPN" for k in kids):
                return False  # "called Putin", not "called it a provocation"
            if need == "actor-object" and any(
                k.dep == "dobj"
                and k.tag != "PRP"
                and not self._actors(k)
                and not self._agreement_with_actor(k)
                for k in kids
            ):
                return False  # "endorsed charter schools": no one is supported
            if need == "complement" and self._complement(token) is None:
                return False
            if need == "actor-subject" and any(
                k.dep in ("nsubj", "nsubjpass") and not self.at.get(k.i) for k in kids
            ):
                return False  # "my thoughts go to the families": no one travels
            if (
                need.startswith("prep:")
                and not any(
                    k.dep in ("prep", "agent", "dative") and k.lemma.lower() == need[5:]
                    for k in kids
                )
                and not self._clause_mark(kids, need[5:])
            ):
                return False
            if need.startswith("no:") and any(k.dep == need[3:] for k in kids):
                return False
            if need.startswith("dep:") and not any(k.dep == need[4:] for k in kids):
                return False  # "called the death a senseless killing": an object predicate
            if need.startswith("mod:") and not any(
                k.dep in ("amod", "compound", "nmod") and k.lemma.lower() == need[4:] for k in kids
            ):
                return False  # "martial law", not any law
        return True

    def _agreement_with_actor(self, noun: Token) -> bool:
        """ "an association agreement with the European Union"."""
        return noun.lemma.lower() in _AGREEMENT_NOUNS and any(
            self.tokens[c].dep == "prep"
            and self.tokens[c].lemma.lower() == "with"
            and self._objects_of(self.tokens[c])
            for c in self.children[noun.i]
        )

    def _dated(self, prep: Token) -> bool:
        """Whether a preposition's object is a date or time ("on Saturday")."""
        return any(self.tokens[o].ent in ("DATE", "TIME") for o in self.children[prep.i])

    def _clause_mark(self, kids: list[Token], word: str) -> bool:
        """Whether a clause below opens with `word`: "called for his death to be investigated"
        ("for" marks the clause there, not the verb)."""
        return any(
            self.tokens[m].dep == "mark" and self.tokens[m].lemma.lower() == word
            for k in kids
            if k.dep in ("advcl", "ccomp", "xcomp")
            for m in self.children[k.i]
        )

    def _object_lemma(self, verb: Token, obj: Token) -> str:
        """The object's lemma; for "the agreement that X signed", the antecedent's."""
        lemma = obj.lemma.lower()
        if lemma in _RELATIVE and verb.dep == "relcl" and verb.head != verb.i:
            return self.tokens[verb.head].lemma.lower()
        return lemma

    def _said_parts(self, verb: Token) -> list[int]:
        """The tokens of what a reporting verb says: its clause, or "as ..." / "called it ..."."""
        return [i for group in self._said_groups(verb) for i in group]

    def _said_groups(self, verb: Token) -> list[list[int]]:
        """What a reporting verb says, clause by clause ("indicated X: 'we urge Y'" says two
        things)."""
        kids = [self.tokens[c] for c in self.children[verb.i]]
        framed = any(k.dep == "oprd" or (k.dep == "prep" and k.lemma.lower() == "as") for k in kids)
        groups: list[list[int]] = []
        for kid in kids:
            # the clause said, or what something was called ("called it a provocation",
            # "described the strike as illegal"); a plain object ("noted the progress") is not
            # a statement about anyone
            if kid.dep in ("ccomp", "oprd") or (framed and kid.dep in ("dobj", "prep")):
                groups.append(list(self._subtree(kid.i, 8)))
        return groups

    def _said(self, verb: Token) -> tuple[str, Token] | None:
        """The code of what was said, by its tone, and the word that set it; None when each
        clause said reports an event of its own, is negated, or has no tone."""
        told = self.told_starts
        for parts in self._said_groups(verb):
            # a clause that tells an act is coded as that act; one that judges an act it names
            # ("found the Israeli raid unjustified") is a statement of its own
            if any(
                self.tokens[i].start in told
                and (self.tokens[i].pos == "VERB" or self.tokens[i].dep not in _SUBJECTS)
                for i in parts
            ):
                continue
            root = parts[0]  # breadth first: the clause's head comes first
            if any(
                (self.tokens[i].dep == "neg" and self.tokens[i].head == root)
                or (
                    self.tokens[i].dep == "det"
                    and self.tokens[i].text.lower() == "no"
                    and self.tokens[self.tokens[i].head].head == root
                )
                for i in parts
            ):
                # "said there was no evidence", "said no traces were found" (but not a "don't"
                # deep in a later clause)
                continue
            for code, cues in self.book.tone:
                for i in parts:
                    word = self.tokens[i]
                    if word.lemma.lower() in cues or word.text.lower() in cues:
                        return code, word
            if verb.lemma.lower() in _ALLEGING:
                # "claimed violent protesters were sent by the government": who did it, alleged
                for i in parts:
                    if self.tokens[i].dep == "agent" and self._objects_of(self.tokens[i]):
                        return "112", self.tokens[i]
        return None

    def _said_to(self, verb: Token, cue: Token) -> list[Mention]:
        """Whom a statement is about: whoever the telling word is about ("Turkish interference",
        "Iran's doing"), else the subject of the clause, else the first actor in it."""
        if cue.dep == "agent":
            return self._objects_of(cue)
        for c in self.children[verb.i]:
            kid = self.tokens[c]
            if kid.dep == "dobj" and kid.tag == "PRP" and kid.text.lower() == "it":
                # "commented on the Turkish-Libyan agreement, calling it null and void"
                thing = next(
                    (
                        t
                        for t in reversed(self.tokens[self.doc.sentences[verb.sentence].first : c])
                        if t.pos == "NOUN" and t.dep in ("dobj", "pobj") and not self.at.get(t.i)
                    ),
                    None,
                )
                if thing is not None:
                    return self._modifier_actors(thing)
        for c in self.children[cue.i]:
            if self.tokens[c].dep in ("amod", "poss", "compound", "nmod"):
                found = self._actors(self.tokens[c])
                if found:
                    return found
        for c in self.children[verb.i]:
            if self.tokens[c].dep == "ccomp":
                for s in self.children[c]:
                    if self.tokens[s].dep in ("nsubj", "nsubjpass"):
                        found = self._actors(self.tokens[s])
                        if found:
                            return found
        for i in self._said_parts(verb):
            if i in self.at:
                return list(self.at[i])
        return []

    def _victims(self, noun: Token) -> list[Mention]:
        """ "Four children were killed in Israeli shelling": those killed are the shelling's
        targets."""
        if noun.dep != "pobj" or noun.head == noun.i:
            return []
        verb = self.tokens[self.tokens[noun.head].head]
        if verb.lemma.lower() not in _VICTIM_VERBS:
            return []
        return [
            m
            for c in self.children[verb.i]
            if self.tokens[c].dep in ("nsubjpass", "nsubj", "dobj")
            for m in self._actors(self.tokens[c])
        ]

    def _framed(self, noun: Token) -> bool:
        """A noun in a scene-setting phrase ("during talks", "in dawn raids") that names no
        actor of its own."""
        if noun.pos == "VERB" or noun.dep != "pobj" or noun.head == noun.i:
            return False
        prep = self.tokens[noun.head].lemma.lower()
        if prep not in self.book.frame_preps or prep == "on":  # "went on strike" stands
            return False
        return not any(
            self.tokens[c].dep in ("poss", "amod", "compound", "nmod") and c in self.at
            for c in self.children[noun.i]
        )

    def _absorbed(self, token: Token, pattern: Pattern) -> bool:
        """Triggers that are part of another event or a description rather than events of their
        own: an offer or demand that is the object of a rejection ("rejected the proposal"), a
        killing that spells out an attack's toll ("shelled the village, killing two"), and a
        participle that describes someone ("the civilians imprisoned for protesting")."""
        if (
            token.tag == "VBN"
            and token.dep == "acl"
            and not any(self.tokens[c].dep == "agent" for c in self.children[token.i])
        ):
            return True  # "the civilians imprisoned for acting against Moscow": a description
        head = self.triggers.get(token.head) if token.head != token.i else None
        if head is None or head.pattern.report:  # "reaffirmed its readiness to help" stands
            return False
        if token.pos != "VERB" and pattern.code[:2] in ("02", "03", "10"):
            return token.dep in ("dobj", "nsubjpass")
        return (
            token.dep == "advcl"
            and token.tag == "VBG"
            and pattern.code[:2] in _VIOLENT_ROOTS
            and head.pattern.code[:2] in _VIOLENT_ROOTS
        )

    # -- one trigger -> events ---------------------------------------------------------------
    def _code(self, trigger: _Trigger) -> Iterator[Event]:
        token, pattern = trigger.token, trigger.pattern
        if self._absorbed(token, pattern):
            return
        if pattern.report:
            said = self._said(token)
            if said is None:
                return
            code, targets = said[0], self._said_to(token, said[1])
        else:
            code, targets = self._code_of(token, pattern), self._targets(token, pattern)
        targets = [t for t in targets if t.actor.key is not None]  # "asked me": no one we know
        modality, code = self._modality(token, code)
        if modality is Modality.NEGATED and pattern.negated is not None:
            modality, code = Modality.ASSERTED, pattern.negated  # "would not consider requests"
        if not targets and pattern.code[:2] in _VIOLENT_ROOTS:
            targets = self._victims(token)
        joint = any(  # "in a joint operation": both sides are the event's own
            self.tokens[c].dep == "amod" and self.tokens[c].lemma.lower() in _JOINT
            for c in self.children[token.i]
        )
        if not targets and self._framed(token) and not joint:
            return
        sources = self._sources(token, pattern) or self._implicit_source(token, pattern)
        if (
            code[:2] == "06"
            and len({s.actor.key for s in sources}) > 1
            and all(self._is_place(t) for t in targets)
        ):
            # "Turkish and Azerbaijani troops held joint drills near Baku": with each other
            targets = []
        if not sources and len(targets) > 1 and self._between(token):
            # "clashes broke out between the army and the rebels": the two sides
            sources, targets = targets, []
            mutual = True
        else:
            # "Iran and Iraq agreed to cooperate": each side towards the other
            mutual = not targets and code[:2] <= "08" and len({s.actor.key for s in sources}) > 1
        if not sources and token.pos == "VERB":
            sources = self._agent_continued(token, pattern)
        if pattern.inverse:
            # "Georgian demonstrators received weapons from the government"
            if not targets:
                return
            sources, targets = targets, sources
        if not sources:
            return
        if "target" in pattern.requires and not targets and len({s.actor.key for s in sources}) < 2:
            return  # the pattern needs someone on the other side: named, or a second subject
        symmetric = pattern.symmetric
        pairs: list[tuple[Mention, Mention | None, str]] = []
        if targets:
            pairs = [
                (s, t, "")
                for s in sources
                for t in targets
                if not _same_actor(s, t) and not (pattern.report and s.actor.code == t.actor.code)
            ]
        elif len(sources) > 1 and (symmetric or mutual):
            pairs = [
                (s, t, "+pair")
                for n, s in enumerate(sources)
                for t in sources[n + 1 :]
                if s.actor.key != t.actor.key
            ]
            if mutual and not symmetric:
                pairs += [(t, s, how) for s, t, how in pairs if t is not None]
        if not pairs:
            for source in sources:
                referred = self._referred_targets(token, source)
                if referred:
                    if code[:2] in _SPOKEN_ROOTS:
                        referred = [_state_behind(t) for t in referred]
                    pairs.extend((source, t, "+referred-target") for t in referred)
                    continue
                target = self._context_target(token, source, sources)
                how = "+context-target"
                if target is None:
                    own = _for_source(code, pattern, source)
                    target = self._home_target(token, pattern, source, own)
                    how = "+home-target"
                pairs.append((source, target, how if target else ""))
        sentence = self.doc.sentences[token.sentence]
        evidence = TextSpan(sentence.start, sentence.end, sentence.text)
        trigger_span = self._trigger_span(token, pattern)
        for source, target, how in pairs:
            if source.actor.key is None or source.actor.sector in pattern.not_sources:
                continue
            if (
                target is not None
                and target.actor.code == source.actor.code
                and target.rule.startswith("coref:")
                and source.actor.person is None
                and target.actor.person is None
            ):
                continue  # "police caught them ... they were jailed": not the police themselves
            if target is not None and code[:2] == "04" and target.actor.sector == "MED":
                continue  # "speaking to Reuters" is no consultation
            cameo = self.ontology.get(_for_source(code, pattern, source, target))
            source = _armed(source, cameo.root)
            confidence = pattern.confidence * source.confidence
            if target is not None:
                confidence *= target.confidence
                if how in ("+context-target", "+home-target"):
                    confidence *= _CONTEXT_TARGET_PENALTY
            yield Event(
                article_id=self.doc.article.id,
                event_id=_event_id(self.doc.article.id, trigger_span, cameo.code, source, target),
                cameo=cameo,
                source=source,
                target=target,
                evidence=evidence,
                trigger=trigger_span,
                sentence=token.sentence,
                date=EventDate(None, None, "none"),
                location=None,
                modality=modality,
                confidence=confidence,
                provenance=Provenance(CODER, f"{pattern.id}{how}"),
            )

    def _trigger_span(self, token: Token, pattern: Pattern) -> TextSpan:
        end = token.end
        if pattern.particle:
            for c in self.children[token.i]:
                kid = self.tokens[c]
                if kid.text.lower() == pattern.particle and kid.start == token.end + len(
                    token.whitespace
                ):
                    end = kid.end
        return self.doc.span(token.start, end)

    def _code_of(self, token: Token, pattern: Pattern) -> str:
        code = pattern.code
        if pattern.complement:
            embedded = self._complement(token)
            inner = self.triggers.get(embedded.i) if embedded is not None else None
            if inner is not None:
                inner_code = self._code_of(inner.token, inner.pattern)
                for key in (inner_code, inner_code[:3], inner_code[:2]):
                    if key in pattern.complement:
                        code = pattern.complement[key]
                        break
                else:
                    code = pattern.complement.get("default", code)
            else:
                code = pattern.complement.get("default", code)
        for spec in pattern.specialise:
            if self._specialises(token, spec):
                return spec.code
        return code

    def _specialises(self, token: Token, spec: Specialisation) -> bool:
        if spec.where in ("source", "people"):
            return False  # decided once the actors are known, see _for_source
        if spec.where == "modifier":
            words = (self.tokens[c] for c in self.children[token.i])
            return any(
                w.lemma.lower() in spec.words or w.text.lower() in spec.words
                for w in words
                if w.dep in ("compound", "amod", "npadvmod", "nmod", "prep", "advmod", "pobj")
                or w.dep == "prt"
            ) or any(
                self.tokens[p].lemma.lower() in spec.words
                for c in self.children[token.i]
                if self.tokens[c].dep == "prep"
                for p in self.children[c]
            )
        if spec.where == "object":
            return any(
                self.tokens[c].lemma.lower() in spec.words
                for c in self.children[token.i]
                if self.tokens[c].dep in ("dobj", "nsubjpass")
            )
        return any(
            self.tokens[i].lemma.lower() in spec.words
            # "sent 40 tonnes of medical supplies": five levels, not into other clauses
            for i in self._subtree(token.i, 5, skip=_CLAUSES)
        )

    # -- modality ------------------------------------------------------------------------------
    def _modality(self, token: Token, code: str) -> tuple[Modality, str]:
        clause = self.doc.clause_verb(token)
        kids = [self.tokens[c] for c in self.children[clause.i]]
        if clause.i != token.i:
            kids += [self.tokens[c] for c in self.children[token.i]]
        if any(k.dep == "neg" or (k.dep == "det" and k.text.lower() == "no") for k in kids):
            return Modality.NEGATED, code
        if any(  # "Neither Hanoi nor Beijing has sent...", "No country has recognised..."
            self.tokens[g].dep in ("preconj", "det") and self.tokens[g].text.lower() in _NONE
            for k in kids
            if k.dep in ("nsubj", "nsubjpass")
            for g in self.children[k.i]
        ):
            return Modality.NEGATED, code
        if any(k.dep == "mark" and k.text.lower() in _CONDITIONAL_MARKS for k in kids):
            return Modality.HYPOTHETICAL, code
        if any(k.dep == "mark" and k.text.lower() == "for" for k in kids) and any(
            k.dep == "aux" and k.text.lower() == "to" for k in kids
        ):
            return Modality.HYPOTHETICAL, code  # "the way for the two to restore ties"
        if any(k.dep == "aux" and k.text.lower() in _HYPOTHETICAL_AUX for k in kids):
            return Modality.HYPOTHETICAL, code
        if self._embedded(clause, spoken=code[:2] in _SPOKEN_ROOTS):
            return Modality.HYPOTHETICAL, code
        if any(k.dep == "aux" and k.text.lower() in _FUTURE_AUX for k in kids):
            for key in (code, code[:3], code[:2]):
                if key in self.book.future_codes:
                    return Modality.ASSERTED, self.book.future_codes[key]
            return Modality.HYPOTHETICAL, code
        return Modality.ASSERTED, code

    def _embedded(self, clause: Token, *, spoken: bool = False) -> bool:
        """Whether the clause is the complement of an intent, threat, demand or plan."""
        current = clause
        for _ in range(_MAX_CLIMB):
            if current.head == current.i:
                return False
            head = self.tokens[current.head]
            if current.dep in ("xcomp", "acl", "pcomp"):
                above = self.triggers.get(head.i)
                if above is not None and above.pattern.embeds:
                    return True
                if current.dep == "xcomp" and above is not None and above.pattern.report:
                    return False  # 'tweeted: "Thank you to ..."': the words quoted
                if (
                    current.dep == "xcomp"
                    and head.lemma.lower() not in self.book.aspect_verbs
                    and not self._commands_own(head)
                ):
                    return True
                if current.dep == "acl" and any(
                    self.tokens[c].dep == "aux" and self.tokens[c].text.lower() == "to"
                    for c in self.children[current.i]
                ):
                    return True  # "a deal to free the hostages", "plans to attack"
            elif (
                current.dep == "pobj"
                and head.lemma.lower() == "to"
                and head.head != head.i
                and (above := self.triggers.get(head.head)) is not None
                and above.pattern.embeds
            ):
                return True  # "agreed to a future meeting"
            elif current.dep == "ccomp":
                above = self.triggers.get(head.i)
                if above is not None and above.pattern.embeds:
                    return True
                if (
                    any(  # "wants Putin to attack": a wish, not an act
                        self.tokens[c].dep == "aux" and self.tokens[c].text.lower() == "to"
                        for c in self.children[current.i]
                    )
                    and head.lemma.lower() not in self.book.aspect_verbs
                ):
                    return True
            elif current.dep in ("advcl",) and any(
                self.tokens[c].dep == "mark" and self.tokens[c].text.lower() in _CONDITIONAL_MARKS
                for c in self.children[current.i]
            ):
                return True
            elif (
                current.dep == "advcl"
                and not spoken  # "turned out to protest", "summoned him to lodge a protest"
                and current.i > head.i
                and current.tag == "VB"
                and any(
                    self.tokens[c].dep == "aux" and self.tokens[c].text.lower() == "to"
                    for c in self.children[current.i]
                )
            ):
                return True  # "met ... to sign an agreement": the purpose, not yet done
            elif current.dep not in ("conj", "prep", "pobj", "dobj"):
                return False
            current = head
        return False

    def _commands_own(self, verb: Token) -> bool:
        """ "instructed security agencies to ...": an authority ordering its own services."""
        if verb.lemma.lower() not in self.book.command_verbs:
            return False
        bosses = {m.actor.key for m in self._subjects(verb)}
        ordered = [
            m
            for c in self.children[verb.i]
            if self.tokens[c].dep == "dobj"
            for m in self._actors(self.tokens[c])
        ]
        return bool(ordered) and all(
            m.actor.key in bosses and m.actor.sector in _SERVICES and m.actor.person is None
            for m in ordered
        )

    # -- sources -------------------------------------------------------------------------------
    def _sources(self, token: Token, pattern: Pattern) -> list[Mention]:
        if token.pos == "VERB":
            found = self._subjects(token)
        elif token.pos == "ADJ":
            found = self._subjects(self.tokens[token.head])
        else:
            found = self._noun_sources(
                token, patient_possessor=self._patient_possessor(token, pattern)
            )
        if not found:
            found = self._role_clause_subject(token)
        if not found and token.pos == "VERB":
            found = self._agent_of_named_event(token)
        return found

    def _agent_continued(self, verb: Token, pattern: Pattern) -> list[Mention]:
        """ "The US levied sanctions against him. He was further sanctioned in 2011": a passive
        with no agent goes on the story of the same kind of act told just before (but "the 176
        people on board were all killed" counts the toll of it, no new act)."""
        if not self._passive(verb):
            return []
        for c in self.children[verb.i]:
            if self.tokens[c].dep == "nsubjpass" and any(
                self.tokens[n].dep == "nummod" or self.tokens[n].pos == "NUM"
                for n in self.children[c]
            ):
                return []
        return self._earlier_source(verb, frozenset({pattern.code[:2]}), 1, _CONTINUED)

    def _agent_of_named_event(self, verb: Token) -> list[Mention]:
        """ "(al-Muhandis,) who was also killed in the airstrike": a passive with no agent whose
        "in"/"during" phrase names an event told before takes that event's source."""
        if not self._passive(verb):
            return []
        for c in self.children[verb.i]:
            prep = self.tokens[c]
            if prep.dep != "prep" or prep.lemma.lower() not in ("in", "during", "by"):
                continue
            for noun in self._pobjs(prep):
                roots = _REFERRED_EVENTS.get(noun.lemma.lower())
                if roots is not None and self._definite_noun(noun):
                    found = self._earlier_source(verb, roots, 0, _REFERRED_WINDOW)
                    if found:
                        return found
        return []

    def _passive(self, verb: Token) -> bool:
        return any(self.tokens[c].dep in ("nsubjpass", "auxpass") for c in self.children[verb.i])

    def _earlier_source(
        self, verb: Token, roots: frozenset[str], nearest: int, farthest: int
    ) -> list[Mention]:
        """The source of the latest event of one of `roots` told `nearest` to `farthest`
        sentences before `verb`'s."""
        for event in reversed(self.told):
            if (
                event.cameo.root in roots
                and nearest <= verb.sentence - event.sentence <= farthest
                and event.source is not None
            ):
                return [event.source]
        return []

    def _definite_noun(self, noun: Token) -> bool:
        return any(
            self.tokens[d].dep in ("det", "poss")
            and self.tokens[d].text.lower() in ("the", "this", "that", "these", "those")
            for d in self.children[noun.i]
        )

    def _subjects(self, verb: Token, depth: int = 0) -> list[Mention]:
        kids = [self.tokens[c] for c in self.children[verb.i]]
        if self._passive(verb):
            for k in kids:
                if k.dep == "agent":
                    return self._objects_of(k)
            # the parser may hang "by the US Treasury" on a noun further down
            for i in self._subtree(verb.i, 4, skip=_CLAUSES):
                k = self.tokens[i]
                if k.dep in ("prep", "agent") and k.lemma.lower() == "by":
                    found = self._objects_of(k)
                    if found:
                        return found
            return []
        for k in kids:
            if k.dep in ("nsubj", "csubj"):
                if k.text.lower() in _RELATIVE and verb.dep == "relcl":
                    return self._actors(self.tokens[verb.head])
                return self._actors(k)
        if depth < 6 and verb.head != verb.i and verb.dep in ("xcomp", "conj", "advcl", "acomp"):
            return self._subjects(self.tokens[verb.head], depth + 1)
        if depth < 6 and verb.dep in ("acl", "relcl") and verb.head != verb.i:
            # "adopted a resolution condemning Russia": the text speaks for its authors
            document = self.tokens[verb.head]
            if document.lemma.lower() in DOCUMENTS and document.head != document.i:
                author = self.tokens[document.head]
                if document.dep == "pobj" and author.head != author.i:
                    author = self.tokens[author.head]  # "voted on a resolution"
                if author.lemma.lower() in _AUTHORING and document.dep in (
                    "dobj",
                    "pobj",
                    "nsubjpass",
                ):
                    return self._subjects(author, depth + 1)
        return []

    def _patient_possessor(self, noun: Token, pattern: Pattern) -> bool:
        """ "Navalny's arrest": the possessor undergoes the event (unless "of" names who does)."""
        return pattern.possessor_is_target and not any(
            self.tokens[c].dep == "prep" and self.tokens[c].lemma.lower() == "of"
            for c in self.children[noun.i]
        )

    def _noun_sources(self, noun: Token, *, patient_possessor: bool = False) -> list[Mention]:
        kids = [self.tokens[c] for c in self.children[noun.i]]
        for k in kids:
            if k.dep == "poss" and not patient_possessor:
                return self._actors(k)
        for k in kids:
            if k.dep in ("prep", "agent") and k.lemma.lower() == "by":
                found = self._objects_of(k)
                if found:
                    return found
        # "threats of military action by X": the agent may hang one level down
        for k in kids:
            if k.dep == "prep" and k.lemma.lower() == "of":
                for obj in self._pobjs(k):
                    for c in self.children[obj.i]:
                        kid = self.tokens[c]
                        if kid.dep in ("prep", "agent") and kid.lemma.lower() == "by":
                            found = self._objects_of(kid)
                            if found:
                                return found
        for k in kids:
            if k.dep in ("amod", "compound", "nmod"):
                found = self._actors(k)
                if found:
                    return found
        governor = self._governing_verb(noun)
        if governor is not None:
            return self._subjects(governor)
        return []

    def _governing_verb(self, noun: Token) -> Token | None:
        """The verb whose subject carries out a nominal event: "held talks", "during a call"."""
        if noun.head == noun.i:
            return None
        head = self.tokens[noun.head]
        if (
            noun.dep in ("dobj", "attr", "nsubjpass")
            and head.lemma.lower() in self.book.light_verbs
        ):
            return head  # "held talks", "sanctions were imposed by"
        if (
            noun.dep == "pobj"
            and head.lemma.lower() == "of"
            and head.head != head.i
            and self.tokens[head.head].lemma.lower() in _CONTAINERS
        ):
            return self._governing_verb(self.tokens[head.head])  # "adopted a package of sanctions"
        if noun.dep == "pobj" and head.lemma.lower() == "for" and head.head != head.i:
            claimed = self.tokens[head.head]  # "claimed responsibility for a drone strike"
            if claimed.lemma.lower() in ("responsibility", "credit") and claimed.head != claimed.i:
                return self.tokens[claimed.head]
            if claimed.lemma.lower() in self.book.gather_verbs and claimed.pos == "VERB":
                return claimed  # "gathered in the capital for a rally"
        if noun.dep == "pobj" and head.lemma.lower() in self.book.frame_preps:
            verb = self.tokens[head.head]
            if verb.pos in ("VERB", "AUX"):
                return verb
        if noun.dep == "conj":
            return self._governing_verb(head)
        return None

    def _implicit_source(self, token: Token, pattern: Pattern) -> list[Mention]:
        """ "Twenty people were arrested": in the passive with no agent, the home police;
        "protests have been taking place in Belgrade": the event as subject, its place's
        people (or the home country's)."""
        if pattern.implicit_source is None:
            return []
        if token.pos != "VERB":
            if (
                token.dep != "nsubj"
                or self.tokens[token.head].lemma.lower() not in self.book.happen_verbs
            ):
                return []
            place = self._where(self.tokens[token.head])
            if place is not None and place.actor.country is not None:
                sector = pattern.implicit_source
                actor = Actor(
                    name=f"{place.actor.name} {sector}", country=place.actor.country, sector=sector
                )
                return [replace(place, actor=actor, rule="implicit:place-source")]
        elif not self._passive(token):
            return []
        mention = self._home_actor(token, pattern.implicit_source, "implicit:home-source")
        return [mention] if mention else []

    def _clause_head(self, verb: Token) -> Token:
        """The verb a subjectless participle clause hangs from ("after being attacked")."""
        current = verb
        for _ in range(3):
            if current.dep not in ("advcl", "pcomp", "pobj", "prep", "xcomp", "conj"):
                break
            current = self.tokens[current.head]
        return current

    def _home_target(
        self, token: Token, pattern: Pattern, source: Mention, code: str
    ) -> Mention | None:
        """No target anywhere in the sentence: protests address the home government, a foreign
        actor's words in a story about one country are addressed to that country, and so are
        the demands and criticism of its citizens, parties and press."""
        home = self.doc.home
        if home is None:
            return None
        if pattern.default_target is not None:
            place = self._where(token)
            if place is not None and place.actor.country not in (None, source.actor.country):
                # "US and British activists staged a protest in Beijing": against China
                host = Actor(
                    name=f"{place.actor.name} {pattern.default_target}",
                    country=place.actor.country,
                    sector=pattern.default_target,
                )
                return replace(place, actor=host, rule="implicit:host-country")
            if (
                source.actor.country == home.country
                and source.actor.sector == pattern.default_target
            ):
                return None
            return self._home_actor(token, pattern.default_target, "implicit:home-target")
        if code[:2] <= "13" and source.actor.key != home.country:
            return self._home_actor(token, "GOV", "implicit:home-target")
        if (
            "10" <= code[:2] <= "14"
            and source.actor.country == home.country
            and source.actor.sector not in ("GOV", "MIL", "COP", "JUD", "LEG")
        ):
            # citizens, parties, clergy, the press who demand, criticise or protest at home
            # address the government
            return self._home_actor(token, "GOV", "implicit:home-target")
        return None

    def _where(self, token: Token) -> Mention | None:
        """The place named in the trigger's own phrase or its clause's: "in Beijing"."""
        for host in (token, self.doc.clause_verb(token)):
            for c in self.children[host.i]:
                prep = self.tokens[c]
                if prep.dep == "prep" and prep.lemma.lower() in _PLACE_PREPS:
                    for o in self._pobjs(prep):
                        found = self.places.get(o.i)
                        if found:
                            return found[0]
        return None

    def _home_actor(self, token: Token, sector: str, rule: str) -> Mention | None:
        """The story's home country in a sector, standing at the trigger (it is not named)."""
        home = self.doc.home
        if home is None:
            return None
        actor = Actor(name=f"{home.name} {sector}", country=home.country, sector=sector)
        return self.doc.mention(token.i, token.i + 1, token.i, actor, rule, 0.6)

    def _role_clause_subject(self, token: Token) -> list[Mention]:
        """ "..., with Türkiye playing a leading role": the one the absolute clause names."""
        sentence = self.doc.sentences[token.sentence]
        for prep in self.tokens[sentence.first : sentence.stop]:
            if prep.dep != "prep" or prep.lemma.lower() != "with":
                continue
            for v in self.children[prep.i]:
                verb = self.tokens[v]
                if verb.dep == "pcomp" and verb.lemma.lower() in self.book.role_verbs:
                    found = self._subjects(verb)
                    if found:
                        return found
        return []

    # -- targets -------------------------------------------------------------------------------
    def _targets(self, token: Token, pattern: Pattern) -> list[Mention]:
        hosts = [token]
        if token.pos == "VERB":
            hosts += [
                self.tokens[c] for c in self.children[token.i] if self.tokens[c].dep == "dobj"
            ]
        else:
            governor = self._governing_verb(token)
            if governor is not None and self.tokens[token.head].i == governor.i:
                hosts.append(governor)
        found: list[Mention] = []
        if token.pos != "VERB" and self._patient_possessor(token, pattern):
            found = [
                m
                for c in self.children[token.i]
                if self.tokens[c].dep == "poss"
                for m in self._actors(self.tokens[c])
            ]
        for slot in pattern.targets:
            if found:
                break
            for host in hosts:
                found.extend(self._slot(token, host, slot))
        if not found and pattern.complement:
            embedded = self._complement(token)
            if embedded is not None:
                found = self._deep_targets(embedded)
        if not found and token.pos == "NOUN" and token.dep == "pobj":
            # "Syrian rebels engaged Filipino peacekeepers in a firefight"
            prep = self.tokens[token.head]
            verb = self.tokens[prep.head]
            if prep.lemma.lower() == "in" and verb.lemma.lower() in _ENGAGING:
                found = [
                    m
                    for c in self.children[verb.i]
                    if self.tokens[c].dep == "dobj"
                    for m in self._actors(self.tokens[c])
                ]
        return _unique(found)

    def _slot(self, trigger: Token, host: Token, slot: str) -> list[Mention]:
        kids = [self.tokens[c] for c in self.children[host.i]]
        if slot == "object":
            if host.i != trigger.i:
                return []
            passive = self._passive(host)
            deps = ("nsubjpass",) if passive else ("dobj",)
            found = [
                m for k in kids if k.dep in deps for m in self._actors(self._antecedent(host, k))
            ]
            if not found:
                # "denounced the memoranda of understanding between Turkey and Libya": the
                # parties to what was denounced
                found = [
                    m
                    for k in kids
                    if k.dep in deps
                    for i in self._subtree(k.i, 4, skip=_CLAUSES)
                    if self.tokens[i].dep == "prep" and self.tokens[i].lemma.lower() == "between"
                    for m in self._objects_of(self.tokens[i])
                ]
            if not found and trigger.i == host.i:
                # "endorsed an association agreement with the European Union": the other
                # party to what was endorsed
                found = [
                    m
                    for k in kids
                    if k.dep == "dobj" and k.lemma.lower() in _AGREEMENT_NOUNS
                    for c in self.children[k.i]
                    if self.tokens[c].dep == "prep" and self.tokens[c].lemma.lower() == "with"
                    for m in self._objects_of(self.tokens[c])
                ]
            if passive and not any(k.dep == "nsubjpass" for k in kids):
                # "journalists were injured after being attacked by protesters"
                head = self._clause_head(host)
                found = [
                    m
                    for c in self.children[head.i]
                    if self.tokens[c].dep in ("nsubj", "nsubjpass") and head.i != host.i
                    for m in self._actors(self.tokens[c])
                ]
            if not found:
                # a person we cannot place ("arrested Jane Doe", "he was imprisoned") is one of
                # the story's people
                for k in kids:
                    k = self._antecedent(host, k)
                    if k.dep in deps and (k.ent == "PERSON" or k.tag == "PRP"):
                        home = self._home_actor(k, "CVL", "implicit:home-person")
                        found = [home] if home else []
            return found
        if slot == "dative":
            return [m for k in kids if k.dep in ("dative", "iobj") for m in self._actors(k)]
        if slot == "clause":  # "demanded that Iran release...": Iran
            return [
                m
                for k in kids
                if k.dep == "ccomp"
                for s in self.children[k.i]
                if self.tokens[s].dep in ("nsubj", "nsubjpass")
                for m in self._actors(self.tokens[s])
            ]
        if slot == "place":  # "arrived in Beijing": the country the place belongs to
            return [
                m
                for k in kids
                if k.dep == "prep" and k.lemma.lower() in ("in", "at", "to")
                for obj in self._pobjs(k)
                for m in (*self.at.get(obj.i, ()), *self.places.get(obj.i, ()))
                if m.rule.startswith(_PLACE_RULES)
            ]
        objects = [
            m
            for k in kids
            if k.dep in ("prep", "dative", "agent") and k.lemma.lower() == slot
            for m in self._objects_of(k)
        ]
        if not objects and slot == "to" and trigger.i == host.i and self._aid(trigger):
            # "sent medical supplies to flood-hit villages in northern Pakistan": aid goes to
            # the country of the places it is sent to
            objects = [
                m
                for k in kids
                if k.dep in ("prep", "dative") and k.lemma.lower() == "to"
                for obj in self._pobjs(k)
                for i in self._subtree(obj.i, 3, skip=_CLAUSES)
                for m in (*self.at.get(i, ()), *self.places.get(i, ()))
                if m.rule.startswith(_PLACE_RULES)
            ]
        if slot in _PLACE_PREPS:
            # a pattern that names "around" or "near" as its target's slot means the place
            # ("drills around Taiwan"); a facility's place is still not a target ("a strike at
            # Baghdad International Airport")
            objects += [
                m
                for k in kids
                if k.dep == "prep" and k.lemma.lower() == slot
                for obj in self._pobjs(k)
                for m in self.places.get(obj.i, ())
            ]
            objects = [m for m in objects if not self._facility_place(m)]
        return objects

    def _aid(self, trigger: Token) -> bool:
        held = self.triggers.get(trigger.i)
        return held is not None and held.pattern.code[:2] == "07"

    def _facility_place(self, mention: Mention) -> bool:
        head = self.tokens[mention.head]
        return mention.rule.startswith(_PLACE_RULES) and head.dep == "compound"

    def _deep_targets(self, root: Token) -> list[Mention]:
        """Actors in an embedded event's "between" phrase, else its object or its with, to,
        against phrases: "offered to help ease tensions between Iran and the US"."""
        below = list(self._subtree(root.i, 6, skip=_CLAUSES))
        for i in below:
            token = self.tokens[i]
            if token.dep == "pobj" and self.tokens[token.head].lemma.lower() == "between":
                found = self._actors(token)
                if found:
                    return found
        for i in below:
            token = self.tokens[i]
            if token.dep in ("dobj", "dative") or (
                token.dep == "pobj"
                and self.tokens[token.head].lemma.lower() in ("with", "to", "against", "on", "for")
            ):
                found = self._actors(token)
                if found:
                    return found
        return []

    def _referred_targets(self, token: Token, source: Mention) -> list[Mention]:
        """ "Iran denied the accusation": whoever made the accusation told before; "denounced
        the conclusions of the summit": those who met. A definite noun that names an earlier
        event points at that event's source (for a meeting, at all who took part)."""
        nouns = [self.tokens[c] for c in self.children[token.i]]
        nouns += [  # "spoke out against the attack", "the conclusions of the summit"
            self.tokens[o]
            for n in list(nouns)
            if n.dep in ("prep", "dobj")
            for c in ([n.i] if n.dep == "prep" else self.children[n.i])
            if self.tokens[c].dep == "prep"
            and (n.dep == "prep" or self.tokens[c].lemma.lower() == "of")
            for o in self.children[c]
        ]
        if token.pos == "NOUN" and _REFERRED_EVENTS.get(token.lemma.lower()) == _MEETINGS:
            nouns.insert(0, token)  # "joined the talks": those already talking
        for noun in nouns:
            if noun.dep not in ("dobj", "nsubjpass", "pobj", "attr"):
                continue
            roots = _REFERRED_EVENTS.get(noun.lemma.lower())
            if roots is None or not any(
                self.tokens[d].dep in ("det", "poss")
                and self.tokens[d].text.lower() in ("the", "this", "that", "these", "those")
                for d in self.children[noun.i]
            ):
                continue
            recent = [
                e
                for e in reversed(self.told)
                if 0 < token.sentence - e.sentence <= _REFERRED_WINDOW
            ]
            # far from anything like it, "the attack" is the story's own, told in its lead
            lead = [e for e in self.told if e.sentence < _LEAD_SENTENCES < token.sentence]
            for event in recent + lead:
                teller = event.source
                if event.cameo.root not in roots or teller is None:
                    continue
                if event.cameo.root in ("04", "05"):
                    return self._participants(token.sentence, source, event.cameo.root)
                if teller.actor.key != source.actor.key:
                    return [teller]
                victim = event.target
                if victim is not None and victim.actor.key not in (None, source.actor.key):
                    return [victim]  # "Iran regrets this mistake": its own act, towards Ukraine
                if teller.actor.code != source.actor.code:  # at home: police and accused
                    return [teller]
            owners = self._owners_named_before(noun, source)
            if owners:
                return owners
        return []

    def _owners_named_before(self, noun: Token, source: Mention) -> list[Mention]:
        """ "denounced the border agreement": the same thing named shortly before with its
        parties ("the Turkish-Libyan maritime border agreement"), though no event was told."""
        lemma = noun.lemma.lower()
        for j in range(noun.i - 1, -1, -1):
            earlier = self.tokens[j]
            if noun.sentence - earlier.sentence > _REFERRED_WINDOW:
                break
            if earlier.lemma.lower() != lemma or earlier.pos != "NOUN":
                continue
            found = [
                m
                for m in self._modifier_actors(earlier)
                if m.actor.key != source.actor.key and m.actor.person is None
            ]
            if found:
                return found
        return []

    def _modifier_actors(self, noun: Token) -> list[Mention]:
        """The actors that modify a noun: "the Turkish-Libyan agreement", "Iran's plan"."""
        return _unique(
            [
                m
                for c in self.children[noun.i]
                if self.tokens[c].dep in ("amod", "compound", "poss", "nmod")
                for i in self._subtree(c, 2)  # "Turkish-Libyan"
                for m in self.at.get(i, ())
                if m.actor.key is not None
            ]
        )

    def _participants(self, sentence: int, outsider: Mention, root: str) -> list[Mention]:
        """Everyone on either side of the meetings (or agreements) told shortly before, but
        `outsider`."""
        found: dict[str, Mention] = {}
        for event in self.told:
            if event.cameo.root != root or not 0 < sentence - event.sentence <= _REFERRED_WINDOW:
                continue
            for side in (event.source, event.target):
                if side is not None and side.actor.key not in (None, outsider.actor.key):
                    found.setdefault(str(side.actor.key), side)
        return list(found.values())

    def _context_target(
        self, token: Token, source: Mention, sources: list[Mention]
    ) -> Mention | None:
        """No target in the trigger's phrase: the nearest other actor of the sentence that is
        not a place ("a buildup ... amid tensions between Washington and Tehran")."""
        sentence = self.doc.sentences[token.sentence]
        excluded = {s.actor.key for s in sources}
        speakers = self._ancestor_subjects(token)
        best: tuple[int, Mention] | None = None
        places: tuple[int, Mention] | None = None
        trigger = self.triggers.get(token.i)
        violent = trigger is not None and trigger.pattern.code[:2] in _VIOLENT_ROOTS
        # rebels who strike at home strike their own country: "Boko Haram launched attacks in
        # northeastern Nigeria"
        home_ground = violent and source.actor.sector not in ("GOV", "MIL", "COP")
        for mention in self.doc.mentions:
            if mention.sentence != sentence.index or mention.actor.key is None:
                continue
            if mention.head in speakers:
                continue
            distance = abs(mention.head - token.i)
            if self._is_place(mention):
                if mention.actor.key in excluded and not home_ground:
                    continue
                if places is None or distance < places[0]:
                    places = (distance, mention)
                continue
            if mention.actor.key in excluded:
                continue
            if best is None or distance < best[0]:
                best = (distance, mention)
        if best is None and places is not None and violent:
            return places[1]  # "warplanes struck targets in southern Lebanon"
        return best[1] if best else None

    def _ancestor_subjects(self, token: Token) -> set[int]:
        """Subjects of the verbs above a trigger: "the GCC condemned Israel's strike" does not
        make the GCC the strike's target."""
        found: set[int] = set()
        current = token
        for _ in range(_MAX_CLIMB):
            if current.head == current.i:
                break
            current = self.tokens[current.head]
            for c in self.children[current.i]:
                if self.tokens[c].dep in ("nsubj", "nsubjpass") and c != token.i:
                    found.update(self._subtree(c, 3))
        return found

    def _is_place(self, mention: Mention) -> bool:
        if mention.place or self._facility_place(mention):
            return True  # "Baghdad International Airport" is where, not whom
        head = self.tokens[mention.head]
        if head.dep == "appos" and head.head != head.i:
            head = self.tokens[head.head]
        return head.dep == "pobj" and self.tokens[head.head].lemma.lower() in _PLACE_PREPS

    # -- actors at a token -----------------------------------------------------------------------
    def _actors(self, token: Token, depth: int = 0) -> list[Mention]:
        """The actors a noun phrase headed by `token` names, coordinated ones included."""
        found = list(self.at.get(token.i, ()))
        if found and depth == 0:
            # "the delegations of Cyprus, Greece and Israel": the group took the first country
            # only
            keys = {m.actor.key for m in found}
            for c in self.children[token.i]:
                if self.tokens[c].dep != "prep" or self.tokens[c].lemma.lower() != "of":
                    continue
                for obj in self._pobjs(self.tokens[c]):
                    own = self.at.get(obj.i, ())
                    if not own or any(m.actor.key in keys for m in own):
                        found.extend(
                            m
                            for k in self.children[obj.i]
                            if self.tokens[k].dep == "conj"
                            for m in self._actors(self.tokens[k], depth + 1)
                        )
        if not found:
            # "its ally Israel", "his counterpart Masoud Pezeshkian"
            for c in self.children[token.i]:
                if self.tokens[c].dep == "appos":
                    found.extend(self.at.get(c, ()))
        if not found and (token.pos == "NUM" or token.lemma.lower() in _QUANTITIES):
            for c in self.children[token.i]:
                if self.tokens[c].dep == "prep" and self.tokens[c].lemma.lower() == "of":
                    for obj in self._pobjs(self.tokens[c]):
                        found.extend(self._actors(obj, depth + 1))
        if not found and token.pos in ("NOUN", "PROPN"):
            # someone we have no word for, of a known country: "Iraq's national security advisor",
            # "Chinese refineries" (but a "passenger train" is not passengers); "33 Russian
            # individuals" are Russians, not Russia's government
            for c in self.children[token.i]:
                dep = self.tokens[c].dep
                if dep in ("poss", "amod", "compound", "nmod"):
                    found.extend(
                        _people_of(m) if dep != "poss" else m
                        for m in self.at.get(c, ())
                        if (m.actor.person is None or dep == "poss")  # "Honcharuk's offer"
                        and (
                            dep == "poss"
                            or m.rule.startswith(_COUNTRY_RULES)
                            # "Taliban intelligence officers", not a "passenger train"
                            or (
                                m.rule.startswith(("group:", "weapon:"))
                                and "home-country" not in m.rule
                            )
                        )
                    )
        if not found and depth == 0 and token.pos == "NOUN":
            # "the leaders of the two countries", "the act of the NTC"
            for c in self.children[token.i]:
                kid = self.tokens[c]
                if kid.dep == "prep" and kid.lemma.lower() == "of":
                    found.extend(m for o in self._pobjs(kid) for m in self._actors(o, depth + 1))
        if depth < 8:
            for c in self.children[token.i]:
                kid = self.tokens[c]
                if kid.dep == "conj":
                    found.extend(self._actors(kid, depth + 1))
                elif kid.dep == "appos" and found:
                    # "the two neighbours, Iran and Iraq" name members; "Tsikhanouskaya, an
                    # opposition candidate" describes one actor once more
                    keys = {m.actor.key for m in found}
                    found.extend(m for m in self._actors(kid, depth + 1) if m.actor.key not in keys)
        return _unique(found)

    def _objects_of(self, prep: Token) -> list[Mention]:
        """Actors a preposition takes: "against Iran", "to its border with Belarus"."""
        found: list[Mention] = []
        for obj in self._pobjs(prep):
            here = self._actors(obj)
            if not here:
                for c in self.children[obj.i]:
                    inner = self.tokens[c]
                    if inner.dep == "prep" and inner.lemma.lower() in ("with", "of", "in"):
                        here.extend(
                            m
                            for o in self._pobjs(inner)
                            for m in self._actors(o)
                            if inner.lemma.lower() != "in" or not m.rule.startswith(_PLACE_RULES)
                        )
            found.extend(here)
        return found

    def _antecedent(self, verb: Token, token: Token) -> Token:
        """For "who"/"that" in a relative clause, the noun the clause describes."""
        if token.text.lower() in _RELATIVE and verb.dep == "relcl" and verb.head != verb.i:
            return self.tokens[verb.head]
        return token

    def _between(self, token: Token) -> bool:
        return any(
            self.tokens[c].dep == "prep" and self.tokens[c].lemma.lower() == "between"
            for c in self.children[token.i]
        )

    def _pobjs(self, prep: Token) -> list[Token]:
        return [self.tokens[c] for c in self.children[prep.i] if self.tokens[c].dep == "pobj"]

    def _complement(self, token: Token) -> Token | None:
        """The to-infinitive a trigger takes: "offered to mediate", "readiness to help"; or
        the event noun it agrees or commits to: "agreed to a future meeting"."""
        for c in self.children[token.i]:
            kid = self.tokens[c]
            if kid.dep == "xcomp" or (
                kid.dep in ("acl", "advcl")
                and any(self.tokens[a].text.lower() == "to" for a in self.children[kid.i])
            ):
                return kid
        for c in self.children[token.i]:
            kid = self.tokens[c]
            if kid.dep == "prep" and kid.lemma.lower() == "to" and token.pos == "VERB":
                for obj in self._pobjs(kid):
                    if obj.lemma.lower() in _CONTAINERS:  # "a new round of talks"
                        obj = next(
                            (
                                o
                                for c in self.children[obj.i]
                                if self.tokens[c].dep == "prep"
                                and self.tokens[c].lemma.lower() == "of"
                                for o in self._pobjs(self.tokens[c])
                            ),
                            obj,
                        )
                    if self.book.candidates(obj.lemma.lower(), "NOUN"):
                        return obj
        return None

    def _subtree(
        self, root: int, depth: int, *, skip: frozenset[str] = frozenset()
    ) -> Iterable[int]:
        """Tokens below `root`, breadth first, at most `depth` levels down, not entering
        dependents of the kinds in `skip`."""
        level = [root]
        for _ in range(depth):
            nxt: list[int] = []
            for i in level:
                yield i
                nxt.extend(c for c in self.children[i] if self.tokens[c].dep not in skip)
            level = nxt
            if not level:
                return


_MILITARY_ROOTS = frozenset({"15", "18", "19", "20"})


def _state_behind(mention: Mention) -> Mention:
    """Words about an act of a country's forces ("condemned the attack") are addressed to
    the state behind them."""
    actor = mention.actor
    if actor.sector != "MIL" or actor.person is not None or actor.country is None:
        return mention
    return replace(mention, actor=replace(actor, sector="GOV"))


def _people_of(mention: Mention) -> Mention:
    """A demonym modifying someone we have no word for stands for its people, not its state."""
    if mention.rule.startswith("adjective:") and mention.actor.sector == "GOV":
        return replace(mention, actor=replace(mention.actor, sector="CVL"))
    return mention


def _armed(source: Mention, root: str) -> Mention:
    """A state that fires, bombs or mobilises does so with its armed forces: "Iran launched
    missiles" is Iran's military."""
    actor = source.actor
    if (
        root in _MILITARY_ROOTS
        and actor.sector == "GOV"
        and actor.person is None
        and source.rule.startswith(("country:", "capital:", "adjective:"))
    ):
        return replace(source, actor=replace(actor, sector="MIL"))
    return source


def _codes(event: Event, symmetric: bool) -> tuple[str | None, ...] | frozenset[str | None]:
    """The pair of actor codes (country and sector): "the council and the government called
    for" are two appeals."""
    codes = (
        event.source.actor.code if event.source else None,
        event.target.actor.code if event.target else None,
    )
    return frozenset(codes) if symmetric else codes


_TITLES = frozenset({"ORG", "WORK_OF_ART", "EVENT", "LAW", "FAC", "PRODUCT"})


def _for_source(code: str, pattern: Pattern, source: Mention, target: Mention | None = None) -> str:
    """The code once the actors are known: protesters who clash riot, soldiers fight, and a
    politician who "attacks" a rival attacks in words. A code the words already specialised
    ("a hunger strike") stays."""
    people = target is not None and source.actor.person and target.actor.person
    for spec in pattern.specialise:
        if spec.where == "people" and people:
            return spec.code
    if code != pattern.code and code not in pattern.complement.values():
        return code
    for spec in pattern.specialise:
        if spec.where == "source" and source.actor.sector in spec.words:
            return spec.code
    return code


def _same_actor(a: Mention, b: Mention) -> bool:
    """One actor twice: the same words, or the same country, sector, person and name (two
    officials of one government, or "a man" and "people", can still act on each other)."""
    if (a.start, a.end) == (b.start, b.end):
        return True
    x, y = a.actor, b.actor
    return x.key == y.key and x.sector == y.sector and x.person == y.person and x.name == y.name


def _unique(mentions: list[Mention]) -> list[Mention]:
    seen: set[tuple[int, int, str | None]] = set()
    out = []
    for m in mentions:
        key = (m.start, m.end, m.actor.key)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def _event_id(
    article_id: str, trigger: TextSpan, code: str, source: Mention, target: Mention | None
) -> str:
    parts = [article_id, str(trigger.start), str(trigger.end), code, _actor_id(source)]
    parts.append(_actor_id(target) if target else "-")
    return hashlib.sha1("|".join(parts).encode("utf-8"), usedforsecurity=False).hexdigest()[:16]


def _actor_id(mention: Mention) -> str:
    return f"{mention.actor.code}@{mention.start}"
