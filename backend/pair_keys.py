"""Keys that make relationship invariants hold under races (unique constraints, V0002).

Cypher computes the same keys inline; keep the two in step::

    CASE WHEN a.id < b.id THEN a.id + '|' + b.id ELSE b.id + '|' + a.id END   // connection
    sender.id + '|' + recipient.id                                           // request
"""


def connection_key(a: str, b: str) -> str:
    """CONNECTED_TO.pair: the same whichever side is given first."""
    return f"{a}|{b}" if a < b else f"{b}|{a}"


def request_key(sender: str, recipient: str) -> str:
    """REQUESTED.pair: one pending request per ordered pair."""
    return f"{sender}|{recipient}"
