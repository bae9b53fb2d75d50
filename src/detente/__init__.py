"""detente: political event data from news.

    >>> import detente
    >>> events = detente.code("Iran and the US started talks in Muscat.", published="2026-02-06")

`code` returns typed `Event`s; `Pipeline` runs many articles; `serialize.event_record` gives the
JSON record every output shares.
"""

from detente.model import Actor, Article, CameoCode, Document, Event, Mention, Modality
from detente.pipeline import Pipeline, Settings, code, code_many

__all__ = [
    "Actor",
    "Article",
    "CameoCode",
    "Document",
    "Event",
    "Mention",
    "Modality",
    "Pipeline",
    "Settings",
    "code",
    "code_many",
]
