"""Organizations and schools: typeahead and the organization page."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from backend.auth import SECURITY, bearer, current_person_id
from backend.organizations import people, service
from backend.organizations.schemas import (
    OrganizationHitListSchema,
    OrganizationPeopleArgsSchema,
    OrganizationPeoplePageSchema,
    OrganizationSchema,
    OrganizationSearchArgsSchema,
)

blp = Blueprint("organizations", __name__, description="Organizations and schools")

NORTHWIND = {
    "id": "demo-org-northwind",
    "kind": "company",
    "name": "Northwind Labs",
    "domain": "northwind.example",
}


@blp.route("/v1/organizations")
class Organizations(MethodView):
    @blp.arguments(OrganizationSearchArgsSchema, location="query")
    @blp.response(
        200,
        OrganizationHitListSchema,
        example={"items": [{**NORTHWIND, "aliases": ["Northwind"], "people": 14}]},
    )
    @blp.doc(security=SECURITY)
    def get(self, args):
        """Typeahead: organizations whose name or an alias has words starting with q's words

        `q=north` finds Northwind Labs; names starting with q come first, then bigger ones."""
        return service.search(bearer(), **args)


@blp.route("/v1/organizations/<organization_id>")
class Organization(MethodView):
    @blp.response(
        200,
        OrganizationSchema,
        example={
            **NORTHWIND,
            "linkedin": None,
            "aliases": [],
            "current": 9,
            "former": 5,
            "network": {
                "first": {"current": 1, "former": 0},
                "second": {"current": 3, "former": 2},
                "third": {"current": 4, "former": 1},
            },
        },
    )
    @blp.alt_response(404, description="No such organization")
    @blp.doc(security=SECURITY)
    def get(self, organization_id):
        """An organization: its names, how many people are and were there, and how many of
        them are 1, 2 and 3 hops from you"""
        return service.get(current_person_id(), organization_id)


BEN = {"id": "demo-ben", "name": "Ben Okafor", "headline": "Engineering Manager"}


@blp.route("/v1/organizations/<organization_id>/people")
class OrganizationPeople(MethodView):
    @blp.arguments(OrganizationPeopleArgsSchema, location="query")
    @blp.response(
        200,
        OrganizationPeoplePageSchema,
        example={
            "items": [
                {
                    "person": {"id": "demo-ines", "name": "Ines Duarte", "headline": None},
                    "degree": 2,
                    "tenure": "current",
                    "title": "Product Lead",
                    "start": "2022-02",
                    "end": None,
                    "years": 3.9,
                    "broker_count": 2,
                    "brokers": [
                        {
                            "person": BEN,
                            "reasons": [
                                {
                                    "code": "mutual_connection",
                                    "text": "1st connection of both you and Ines Duarte",
                                },
                                {"code": "your_closeness", "text": "You rated them 'close'"},
                            ],
                            "forward_rate": None,
                            "requests_decided": 0,
                            "median_answer_hours": None,
                            "shared_with_you": 4,
                            "shared_with_target": 2,
                        }
                    ],
                }
            ],
            "next_cursor": None,
        },
    )
    @blp.alt_response(404, description="No such organization")
    @blp.doc(security=SECURITY)
    def get(self, args, organization_id):
        """Who you know there: people at the organization within 1-3 hops of you

        Nearest first, then by the strength of the best path: for a 1st connection your
        closeness rating, for a 2nd the best broker in the order of /v1/people/{id}/brokers
        (whose best 3 each item shows), for a 3rd by id. `tenure`: current, former or any.
        Blocked people never appear, broker or lie on a path."""
        return people.people(current_person_id(), organization_id, **args)
