"""Reading list answers: the ids on one page, and every page of a list."""

from __future__ import annotations


def item_ids(items: list[dict]) -> list[str]:
    """The ids of a list's items: the person's id where an item wraps one (connections,
    requests), else the item's own."""
    return [item["person"]["id"] if "person" in item else item["id"] for item in items]


def ids(answer) -> list[str]:
    """The ids on one page: of a test client's response (which must be a 200) or of its JSON."""
    if not isinstance(answer, dict):
        assert answer.status_code == 200, answer.json
        answer = answer.json
    return item_ids(answer["items"])


def all_pages(people, person_id: str, path: str, limit: int, **query) -> list[dict]:
    """Every item of a list as ``person_id`` sees it (``people``: ``AuthActions``), following
    ``next_cursor`` ``limit`` items at a time."""
    items, cursor = [], None
    while True:
        params = {"limit": limit, **query, **({"cursor": cursor} if cursor else {})}
        response = people.get(person_id, path, **params)
        assert response.status_code == 200, response.json
        items += response.json["items"]
        if (cursor := response.json["next_cursor"]) is None:
            return items
