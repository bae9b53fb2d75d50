"""One golden sentence per grammatical mechanism the coder relies on, coded exactly.

Each case lists every asserted event the sentence must yield, as `SOURCE CODE TARGET` with
CAMEO roots compared (the full code where given with four characters or more is not checked
here; the suite in `test_sentences.py` measures codes). Sentences are our own.
"""

from __future__ import annotations

import datetime as dt

import pytest

from detente.model import Article, Event
from detente.pipeline import Pipeline, asserted

PUBLISHED = dt.date(2026, 3, 13)  # a Friday

CASES: list[tuple[str, str, list[str]]] = [
    ("verb, subject and object", "Egypt condemned Israel on Thursday.", ["EGY 11 ISR"]),
    (
        "passive swaps source and target",
        "The convoy of Mali was attacked by Algeria.",
        ["DZA 19 MLI"],
    ),
    (
        "passive without agent: home police arrest",
        "Twenty Kenyan protesters were arrested in Nairobi on Friday.",
        ["KEN 17 KEN"],
    ),
    (
        "coordinated subjects give one event each",
        "Egypt, Greece and Cyprus condemned Turkey.",
        ["EGY 11 TUR", "GRC 11 TUR", "CYP 11 TUR"],
    ),
    (
        "coordinated objects give one event each",
        "Iraqi militia leaders blamed both Israel and the United States.",
        ["IRQ 11 ISR", "IRQ 11 USA"],
    ),
    (
        "symmetric code pairs a plural subject",
        "Iran and the United States started negotiations in Muscat.",
        ["IRN 04 USA"],
    ),
    (
        "between X and Y as targets of an offer to mediate",
        "Qatar offered to mediate between Tehran and Washington.",
        ["QAT 03 IRN", "QAT 03 USA"],
    ),
    (
        "nominal trigger with a by-agent; a foreign actor's words address the home country",
        "Tehran condemned repeated threats of military action by US President Donald Trump.",
        ["IRN 11 USA", "USA 13 IRN"],
    ),
    (
        "possessive source of a nominal trigger",
        "Pezeshkian's visit to Azerbaijan was a success.",
        ["IRN 04 AZE"],
    ),
    ("light verb: held talks with", "Turkey held talks with Syria in Ankara.", ["TUR 04 SYR"]),
    (
        "titled person with a demonym",
        "Iranian Defense Minister Aziz Nasirzadeh met Azerbaijan's president in Baku.",
        ["IRN 04 AZE"],
    ),
    ("capital as metonym", "Beijing criticised Washington over the tariffs.", ["CHN 11 USA"]),
    (
        "international organisation",
        "The UN Security Council condemned North Korea.",
        ["IGO:UN 11 PRK"],
    ),
    (
        "reported speech codes the reported event",
        "Officials said Russia attacked Ukraine on Friday.",
        ["RUS 19 UKR"],
    ),
    ("negation leaves the event out", "Police in Lagos did not arrest any protesters.", []),
    (
        "conditional leaves the event out",
        "If talks fail, Israel could strike Iranian nuclear sites.",
        [],
    ),
    (
        "threat to attack is a threat, not an attack",
        "North Korea threatened to attack South Korea.",
        ["PRK 13 KOR"],
    ),
    (
        "appeal: call on X to",
        "The African Union called on Ethiopia to withdraw its troops.",
        ["IGO:AU 02 ETH"],
    ),
    ("demand from", "Germany demanded an explanation from Russia.", ["DEU 10 RUS"]),
    ("pronoun subject", "Ilham Aliyev said he met Masoud Pezeshkian.", ["AZE 04 IRN"]),
    ("his country", "Aliyev reaffirmed his country's readiness to help Iran.", ["AZE 03 IRN"]),
    (
        "sign an agreement, passive with coordinated agents",
        "The agreement was signed by Greece and Cyprus.",
        ["GRC 05 CYP"],
    ),
    ("sanctions imposed on", "The European Union imposed sanctions on Belarus.", ["IGO:EU 16 BLR"]),
    (
        "an attack's toll is not a second attack",
        "Russian forces shelled the Ukrainian town, killing two residents.",
        ["RUS 19 UKR"],
    ),
    (
        "a statement that accuses is an accusation",
        "Germany said Russia was responsible for the poisoning.",
        ["DEU 11 RUS"],
    ),
    ("a neutral statement is not an event", "Germany said Russia held elections in March.", []),
    ("no acting party", "A magnitude 6.3 earthquake struck Afghanistan, killing 800 people.", []),
    ("sports results are not events", "Brazil beat Argentina 2-1 on Tuesday.", []),
]


@pytest.fixture(scope="module")
def coded(pipeline: Pipeline) -> dict[str, list[Event]]:
    articles = [
        Article(id=f"case{n}", text=text, published=PUBLISHED)
        for n, (_, text, _) in enumerate(CASES)
    ]
    return {doc.article.id: asserted(doc.events) for doc in pipeline.run(articles)}


@pytest.mark.parametrize(
    ("n", "text", "expected"),
    [(n, text, expected) for n, (_, text, expected) in enumerate(CASES)],
    ids=[name for name, _, _ in CASES],
)
def test_mechanism(n: int, text: str, expected: list[str], coded: dict[str, list[Event]]) -> None:
    found = sorted(_key(e) for e in coded[f"case{n}"])
    assert found == sorted(expected), text


def _key(event: Event) -> str:
    source = event.source.actor.key if event.source else None
    target = event.target.actor.key if event.target else None
    return f"{source} {event.cameo.root} {target}"
