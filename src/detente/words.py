"""Closed word classes several stages read the same way (lemmas, lower case).

One list each, so that the coreference stage, the coder and the quotations stage agree on what a
reporting verb or a document is.
"""

from __future__ import annotations

REPORTING_VERBS = frozenset(
    {"say", "tell", "add", "state", "write", "announce", "declare", "insist", "stress", "tweet"}
    | {"warn", "note", "explain", "reply", "continue", "conclude", "quote", "claim", "post"}
    | {"argue", "remark", "respond", "recall", "comment", "assert", "emphasise", "emphasize"}
    | {"underline", "reiterate", "affirm", "ask", "urge", "vow"}
)
"""Verbs that introduce what someone said: "..., Aliyev said", "police said they ..."."""

DOCUMENTS = frozenset(
    {"resolution", "motion", "statement", "declaration", "communique", "communiqué", "letter"}
    | {"decree", "bill", "joint statement", "report", "text", "draft", "petition", "note"}
    | {"release", "notice", "post", "tweet", "message", "readout"}
)
"""Texts that speak for their authors: "a statement by the ministry said", "a resolution
condemning"."""
