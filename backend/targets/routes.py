"""Target companies: your board, its shares with coaches, the boards shared with you, and who
read yours."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from backend.auth import SECURITY, current_person_id
from backend.pagination import PageArgsSchema
from backend.targets import service, sharing
from backend.targets.schemas import (
    BoardReadPageSchema,
    BoardSchema,
    SharedBoardListSchema,
    ShareListSchema,
    ShareSchema,
    TargetAddSchema,
    TargetSchema,
    TargetUpdateSchema,
)

blp = Blueprint("targets", __name__, description="Target companies: the board, coaches, reads")

NORTHWIND = {
    "id": "demo-org-northwind",
    "kind": "company",
    "name": "Northwind Labs",
    "domain": "northwind.example",
}
BEN = {"id": "demo-ben", "name": "Ben Okafor", "headline": "Engineering Manager"}
COACH = {"id": "demo-cora", "name": "Cora Lindqvist", "headline": "Career coach"}
TARGET = {
    "organization": NORTHWIND,
    "position": 1,
    "notes": "Platform team is hiring; ask Ben",
    "added_at": "2026-01-05T09:00:00+00:00",
}
BOARD = {
    "items": [
        {
            **TARGET,
            "network": {
                "first": {"current": 1, "former": 0},
                "second": {"current": 3, "former": 2},
            },
            "paths": [
                {
                    "person": BEN,
                    "degree": 1,
                    "title": "Engineering Manager",
                    "start": "2019-03",
                    "years": 6.9,
                    "broker": None,
                    "reasons": [
                        {
                            "code": "first_connection",
                            "text": "1st connection, at Northwind Labs now",
                        }
                    ],
                },
                {
                    "person": {"id": "demo-ines", "name": "Ines Duarte", "headline": None},
                    "degree": 2,
                    "title": "Product Lead",
                    "start": "2022-02",
                    "years": 3.9,
                    "broker": BEN,
                    "reasons": [
                        {
                            "code": "mutual_connection",
                            "text": "1st connection of both you and Ines Duarte",
                        },
                        {"code": "your_closeness", "text": "You rated them 'close'"},
                    ],
                },
            ],
        }
    ]
}
NOT_ON_BOARD = "This organization is not on your board"
SHARED_WITH_ONE = {"person": COACH, "since": "2026-01-06T10:00:00+00:00", "active": True}


@blp.route("/v1/me/targets")
class MyTargets(MethodView):
    @blp.response(200, BoardSchema, example=BOARD)
    @blp.doc(security=SECURITY)
    def get(self):
        """Your target board: per target, whom you know there and the best 3 ways in

        In your order. `network`: how many people there are 1 and 2 hops from you, now
        (current) and before (former, alumni). `paths`: people there now, nearest first, then
        by the strength of the best path (as /v1/organizations/{id}/people ranks them); a 2nd
        has their best broker (the first of /v1/people/{id}/brokers) and its reasons."""
        return service.board(current_person_id())

    @blp.arguments(
        TargetAddSchema,
        example={"organization": {"id": "demo-org-northwind"}, "notes": "Platform team"},
    )
    @blp.response(201, TargetSchema, example=TARGET)
    @blp.alt_response(409, description="This organization is on your board already")
    @blp.alt_response(422, description="50 targets already, or no company with this id")
    @blp.doc(security=SECURITY)
    def post(self, body):
        """Add a target company, last on the board (at most 50)

        The organization by id (from the typeahead), or by name (found or created)."""
        return service.add(current_person_id(), **body)


@blp.route("/v1/me/targets/<organization_id>")
class MyTarget(MethodView):
    @blp.arguments(TargetUpdateSchema, example={"position": 1, "notes": "Ask Ben first"})
    @blp.response(200, TargetSchema, example=TARGET)
    @blp.alt_response(404, description=NOT_ON_BOARD)
    @blp.doc(security=SECURITY)
    def patch(self, changes, organization_id):
        """Move a target (position 1 = first) or change its notes (null clears them)"""
        return service.update(current_person_id(), organization_id, **changes)

    @blp.response(204)
    @blp.alt_response(404, description=NOT_ON_BOARD)
    @blp.doc(security=SECURITY)
    def delete(self, organization_id):
        """Take a target off the board (the ones after it move up)"""
        service.remove(current_person_id(), organization_id)


@blp.route("/v1/me/targets/shares")
class MyBoardShares(MethodView):
    @blp.response(200, ShareListSchema, example={"items": [SHARED_WITH_ONE]})
    @blp.doc(security=SECURITY)
    def get(self):
        """Whom you share your board with (active: they can read it now)"""
        return sharing.shares(current_person_id())


@blp.route("/v1/me/targets/shares/<person_id>")
class MyBoardShare(MethodView):
    @blp.response(200, ShareSchema, example=SHARED_WITH_ONE)
    @blp.alt_response(422, description="Not one of your 1st connections")
    @blp.doc(security=SECURITY)
    def put(self, person_id):
        """Share your board with a 1st connection, your coach (again: no change)

        They can read it while you stay connected; every read is in GET /v1/me/targets/reads."""
        return sharing.share(current_person_id(), person_id)

    @blp.response(204)
    @blp.alt_response(404, description="Your board is not shared with this person")
    @blp.doc(security=SECURITY)
    def delete(self, person_id):
        """Stop sharing your board with this person"""
        sharing.revoke(current_person_id(), person_id)


@blp.route("/v1/me/targets/reads")
class MyBoardReads(MethodView):
    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(
        200,
        BoardReadPageSchema,
        example={
            "items": [{"id": "7d2e...", "reader": COACH, "at": "2026-01-07T08:30:00+00:00"}],
            "next_cursor": None,
        },
    )
    @blp.doc(security=SECURITY)
    def get(self, args):
        """Who read your board, newest first: every read by someone else"""
        return sharing.reads(current_person_id(), **args)


@blp.route("/v1/me/shared-boards")
class SharedBoards(MethodView):
    @blp.response(
        200,
        SharedBoardListSchema,
        example={
            "items": [
                {
                    "person": {"id": "demo-ada", "name": "Ada Nwosu", "headline": None},
                    "since": "2026-01-06T10:00:00+00:00",
                    "targets": 3,
                }
            ]
        },
    )
    @blp.doc(security=SECURITY)
    def get(self):
        """The target boards shared with you that you can read now"""
        return sharing.shared_with(current_person_id())


@blp.route("/v1/people/<person_id>/targets")
class PersonBoard(MethodView):
    @blp.response(200, BoardSchema, example=BOARD)
    @blp.alt_response(404, description="No board of this person is shared with you")
    @blp.doc(security=SECURITY)
    def get(self, person_id):
        """A target board shared with you (yours too); each read is logged for its owner

        You see what your own view of connection lists would show you: a path only when you
        could see each of its steps; the counts only of such people (docs/careers.md)."""
        return sharing.read(current_person_id(), person_id)
