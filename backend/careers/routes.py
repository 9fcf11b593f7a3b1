"""Your positions and education: add, list, change, remove."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from backend.auth import SECURITY, current_person_id
from backend.careers import service
from backend.careers.schemas import (
    EducationFieldsSchema,
    EducationListSchema,
    EducationSchema,
    EducationUpdateSchema,
    PositionFieldsSchema,
    PositionListSchema,
    PositionSchema,
    PositionUpdateSchema,
)
from backend.careers.service import EDUCATION, POSITIONS

blp = Blueprint("careers", __name__, description="Positions and education on your profile")

NORTHWIND = {"id": "demo-org-northwind", "kind": "company", "name": "Northwind Labs"}
POSITION = {
    "id": "5f0c...",
    "organization": {**NORTHWIND, "domain": "northwind.example"},
    "title": "Staff Engineer",
    "start": "2021-04",
    "end": None,
    "current": True,
    "location": "Berlin",
    "description": None,
}
NEW_POSITION = {
    "organization": {"name": "Northwind Labs, Inc.", "domain": "northwind.example"},
    "title": "Staff Engineer",
    "start": "2021-04",
    "location": "Berlin",
}
SCHOOL = {"id": "demo-org-tu-berlin", "kind": "school", "name": "TU Berlin", "domain": None}
EDUCATION_ENTRY = {
    "id": "9a1b...",
    "school": SCHOOL,
    "degree": "MSc",
    "field": "Computer Science",
    "start": "2012-10",
    "end": "2014-09",
    "current": False,
}
NEW_EDUCATION = {"school": {"name": "TU Berlin"}, "degree": "MSc", "start": "2012-10"}
BAD_DATES = "End before start, a month after this one, or 100 entries already"
NO_ENTRY = "You have no entry with this id"


@blp.route("/v1/me/positions")
class MyPositions(MethodView):
    @blp.response(200, PositionListSchema, example={"items": [POSITION]})
    @blp.doc(security=SECURITY)
    def get(self):
        """Your positions, current first, then newest first"""
        return {"items": service.entries(POSITIONS, current_person_id())}

    @blp.arguments(PositionFieldsSchema, example=NEW_POSITION)
    @blp.response(201, PositionSchema, example=POSITION)
    @blp.alt_response(422, description=BAD_DATES)
    @blp.doc(security=SECURITY)
    def post(self, body):
        """Add a position; the organization by id, or by name (found or created)"""
        return service.add(POSITIONS, current_person_id(), **body)


@blp.route("/v1/me/positions/<position_id>")
class MyPosition(MethodView):
    @blp.arguments(PositionUpdateSchema, example={"end": "2024-06"})
    @blp.response(200, PositionSchema, example={**POSITION, "end": "2024-06", "current": False})
    @blp.alt_response(404, description=NO_ENTRY)
    @blp.alt_response(422, description=BAD_DATES)
    @blp.doc(security=SECURITY)
    def patch(self, changes, position_id):
        """Change a position (null end: current again)"""
        return service.update(POSITIONS, current_person_id(), position_id, **changes)

    @blp.response(204)
    @blp.alt_response(404, description=NO_ENTRY)
    @blp.doc(security=SECURITY)
    def delete(self, position_id):
        """Remove a position"""
        service.delete(POSITIONS, current_person_id(), position_id)


@blp.route("/v1/me/education")
class MyEducation(MethodView):
    @blp.response(200, EducationListSchema, example={"items": [EDUCATION_ENTRY]})
    @blp.doc(security=SECURITY)
    def get(self):
        """Your education, current first, then newest first"""
        return {"items": service.entries(EDUCATION, current_person_id())}

    @blp.arguments(EducationFieldsSchema, example=NEW_EDUCATION)
    @blp.response(201, EducationSchema, example=EDUCATION_ENTRY)
    @blp.alt_response(422, description=BAD_DATES)
    @blp.doc(security=SECURITY)
    def post(self, body):
        """Add an education entry; the school by id, or by name (found or created)"""
        return service.add(EDUCATION, current_person_id(), **body)


@blp.route("/v1/me/education/<entry_id>")
class MyEducationEntry(MethodView):
    @blp.arguments(EducationUpdateSchema, example={"end": "2014-09"})
    @blp.response(200, EducationSchema, example=EDUCATION_ENTRY)
    @blp.alt_response(404, description=NO_ENTRY)
    @blp.alt_response(422, description=BAD_DATES)
    @blp.doc(security=SECURITY)
    def patch(self, changes, entry_id):
        """Change an education entry (null end: still studying)"""
        return service.update(EDUCATION, current_person_id(), entry_id, **changes)

    @blp.response(204)
    @blp.alt_response(404, description=NO_ENTRY)
    @blp.doc(security=SECURITY)
    def delete(self, entry_id):
        """Remove an education entry"""
        service.delete(EDUCATION, current_person_id(), entry_id)
