"""Organizations and schools: typeahead and the organization page."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from backend.auth import SECURITY, current_person_id
from backend.organizations import service
from backend.organizations.schemas import (
    OrganizationHitListSchema,
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
        return service.search(current_person_id(), **args)


@blp.route("/v1/organizations/<organization_id>")
class Organization(MethodView):
    @blp.response(
        200,
        OrganizationSchema,
        example={**NORTHWIND, "linkedin": None, "aliases": [], "current": 9, "former": 5},
    )
    @blp.alt_response(404, description="No such organization")
    @blp.doc(security=SECURITY)
    def get(self, organization_id):
        """An organization: its names, and how many people are and were there"""
        return service.get(current_person_id(), organization_id)
