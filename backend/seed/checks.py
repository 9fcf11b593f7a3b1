"""Validation shared by the importers: collect every bad row, resolve ids against the graph.

A source reads its files once with a :class:`Checker`, which records bad rows (file:line and
why), ids defined, ids referred to, and rows skipped on purpose. References to ids no file
defines are looked up in the graph at the end (a file may add connections between people
already loaded); whatever is still unknown is a bad row. Any bad row: nothing is written.

Careers' organizations (:class:`Organizations`) are found the same way: by id (defined by the
files or in the graph, of the right kind) or by name, as the API finds them (a name key that
already names an organization in the graph, then one the files define, else a new
organization whose id derives from the key, so that a second load finds it again).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from backend.organizations import names
from backend.seed.dataset import BadRow, InvalidInput, organization_row

LOOKUP_BATCH = 10_000


@dataclass
class Organizations:
    """Organizations the files define, and those their rows name by id or by name."""

    defined: dict[str, str] = field(default_factory=dict)  # id -> kind
    claimed: dict[str, str] = field(default_factory=dict)  # key -> the first id to claim it
    by_id: dict[str, list[tuple[str, int, str]]] = field(default_factory=dict)  # (file, line, kind)
    by_name: dict[str, str] = field(default_factory=dict)  # name key -> the first spelling
    found: dict[str, str] = field(default_factory=dict)  # name key -> organization id
    new: list[dict] = field(default_factory=list)  # rows of organizations made for a name

    def define(self, row: dict) -> None:
        self.defined[row["id"]] = row["kind"]
        for key in row["keys"]:
            self.claimed.setdefault(key, row["id"])

    def refer(self, file: str, line: int, kind: str, reference: tuple[str, str]) -> None:
        """``reference``: ("id", id) or ("name", name) of a ``kind`` organization."""
        how, value = reference
        if how == "id":
            self.by_id.setdefault(value, []).append((file, line, kind))
        else:
            self.by_name.setdefault(self.key(kind, value), value)

    @staticmethod
    def key(kind: str, name: str) -> str:
        return f"{kind}:name:{names.name_key(name)}"

    def resolve(self, kind: str, reference: tuple[str, str]) -> str:
        how, value = reference
        return value if how == "id" else self.found[self.key(kind, value)]


OrganizationLookup = Callable[[list[str]], dict[str, str]]


class Checker:
    def __init__(self) -> None:
        self.organizations = Organizations()
        self.bad: list[BadRow] = []
        self.defined: dict[str, tuple[str, int]] = {}
        self._unresolved: dict[str, list[tuple[str, int]]] = defaultdict(list)
        self.skipped: Counter = Counter()
        self.totals: Counter = Counter()

    def bad_row(self, file: str, line: int, message: str) -> None:
        self.bad.append(BadRow(file, line, message))

    def define(self, file: str, line: int, person_id: str) -> bool:
        """A person defined at file:line; False (and a bad row) when the id is taken."""
        if person_id in self.defined:
            first_file, first_line = self.defined[person_id]
            self.bad_row(
                file, line, f"duplicate id {person_id!r} (first at {first_file}:{first_line})"
            )
            return False
        self.defined[person_id] = (file, line)
        return True

    def refer(self, file: str, line: int, person_id: str) -> None:
        """A row needs this person: defined by the files or already in the graph."""
        if person_id not in self.defined:
            self._unresolved[person_id].append((file, line))

    def finish(
        self,
        existing: Callable[[list[str]], Iterable[str]],
        organization_kinds: OrganizationLookup = lambda ids: {},
        key_holders: OrganizationLookup = lambda keys: {},
    ) -> None:
        """Look unresolved ids up (``existing(ids)`` -> the ids that are people in the graph;
        ``organization_kinds(ids)`` -> {id: kind} of the organizations in the graph;
        ``key_holders(keys)`` -> {key: organization id} in the graph); raise
        :class:`InvalidInput` with every bad row, in file and line order."""
        self._finish_organizations(organization_kinds, key_holders)
        ids = list(self._unresolved)
        found: set[str] = set(_batched(existing, ids))
        for person_id in ids:
            if person_id not in found:
                for file, line in self._unresolved[person_id]:
                    self.bad_row(
                        file,
                        line,
                        f"unknown person {person_id!r} (not in the people file nor in the graph)",
                    )
        if self.bad:
            raise InvalidInput(sorted(self.bad))

    def _finish_organizations(
        self, organization_kinds: OrganizationLookup, key_holders: OrganizationLookup
    ) -> None:
        orgs = self.organizations
        # An organization already in the graph is kept as it is (its kind too), whatever
        # the organizations file says.
        kinds = {**orgs.defined, **dict(_batched(organization_kinds, list(orgs.by_id)))}
        for organization_id, references in orgs.by_id.items():
            for file, line, kind in references:
                if organization_id not in kinds:
                    self.bad_row(
                        file,
                        line,
                        f"unknown organization {organization_id!r} (not in the organizations "
                        "file nor in the graph)",
                    )
                elif kinds[organization_id] != kind:
                    self.bad_row(
                        file,
                        line,
                        f"{organization_id!r} is a {kinds[organization_id]}, not a {kind}",
                    )
        held = dict(_batched(key_holders, list(orgs.by_name)))
        for key, name in orgs.by_name.items():
            holder = held.get(key) or orgs.claimed.get(key)
            if holder is None:
                kind = key.split(":", 1)[0]
                holder = "org-" + hashlib.sha1(key.encode()).hexdigest()[:24]
                orgs.new.append(organization_row(holder, kind, name))
            orgs.found[key] = holder
        if orgs.new:
            self.totals["organizations"] += len(orgs.new)


def _batched(lookup: Callable[[list], Iterable], items: list) -> Iterable:
    """``lookup`` over ``items`` LOOKUP_BATCH at a time (a dict's lookup yields its items)."""
    for start in range(0, len(items), LOOKUP_BATCH):
        answer = lookup(items[start : start + LOOKUP_BATCH])
        yield from answer.items() if isinstance(answer, dict) else answer
