"""Shapes of organizations: a reference to one in a position or education entry, the
typeahead and the organization page."""

from marshmallow import Schema, ValidationError, fields, post_load, validate, validates_schema
from webargs.fields import DelimitedList

from backend.intros.schemas import BrokerSchema
from backend.months import Month
from backend.organizations import names
from backend.pagination import PageArgsSchema, page_schema
from backend.schemas import PersonSummarySchema, Trimmed

ORGANIZATION_NAME_MAX = 200
TENURES = ("current", "former", "any")


class OrganizationRefSchema(Schema):
    """Which organization: an existing one by id, or by name (found or created; the domain or
    LinkedIn company page, when given, tells apart two organizations with one name)."""

    id = fields.String(validate=validate.Length(1, 100))
    name = Trimmed(validate=validate.Length(1, ORGANIZATION_NAME_MAX))
    domain = Trimmed(
        validate=validate.Length(max=300),
        metadata={"description": "its web domain or site: acme.com, https://www.acme.com"},
    )
    linkedin_url = Trimmed(
        validate=validate.Length(max=300),
        metadata={
            "description": "its LinkedIn company page: https://www.linkedin.com/company/acme"
        },
    )

    @validates_schema
    def _one_way(self, data, **kwargs):
        if ("id" in data) == ("name" in data):
            raise ValidationError("Give either id or name.")
        if "id" in data and data.keys() - {"id"}:
            raise ValidationError("With id, give nothing else.")
        if not names.name_key(data.get("name", "x")):
            raise ValidationError("A name needs a letter or a digit.", "name")
        if data.get("domain") and names.domain_key(data["domain"]) is None:
            raise ValidationError("Not a domain name.", "domain")
        if data.get("linkedin_url") and names.linkedin_key(data["linkedin_url"]) is None:
            raise ValidationError("Not a LinkedIn company page.", "linkedin_url")

    @post_load
    def _keys(self, data, **kwargs):
        """Domain and page as their keys (acme.com, acme-inc)."""
        if data.get("domain"):
            data["domain"] = names.domain_key(data["domain"])
        if data.get("linkedin_url"):
            data["linkedin"] = names.linkedin_key(data.pop("linkedin_url"))
        return {key: value for key, value in data.items() if value}


class OrganizationSearchArgsSchema(Schema):
    q = Trimmed(required=True, validate=validate.Length(1, ORGANIZATION_NAME_MAX))
    kind = fields.String(load_default=None, validate=validate.OneOf(names.KINDS))
    limit = fields.Integer(load_default=10, validate=validate.Range(1, 50))


class OrganizationSummarySchema(Schema):
    id = fields.String(required=True)
    kind = fields.String(required=True, metadata={"description": "company or school"})
    name = fields.String(required=True)
    domain = fields.String(allow_none=True)


class OrganizationHitSchema(OrganizationSummarySchema):
    aliases = fields.List(fields.String(), required=True)
    people = fields.Integer(
        required=True, metadata={"description": "people who work or worked, study or studied there"}
    )


OrganizationHitListSchema = Schema.from_dict(
    {"items": fields.List(fields.Nested(OrganizationHitSchema), required=True)},
    name="OrganizationHitList",
)


class OrganizationSchema(OrganizationSummarySchema):
    linkedin = fields.String(allow_none=True, metadata={"description": "LinkedIn company slug"})
    aliases = fields.List(fields.String(), required=True)
    current = fields.Integer(required=True, metadata={"description": "people there now"})
    former = fields.Integer(required=True, metadata={"description": "people there before"})
    network = fields.Nested(
        lambda: NetworkAtOrganizationSchema(),
        required=True,
        metadata={"description": "how many of them are 1, 2 and 3 hops from you, now and before"},
    )


class OrganizationPeopleArgsSchema(PageArgsSchema):
    degree = DelimitedList(
        fields.Integer(validate=validate.OneOf((1, 2, 3))),
        load_default=[1, 2],
        validate=validate.Length(min=1, max=3),
        metadata={"description": "degrees from you, e.g. 1,2 (the default) or 3"},
    )
    tenure = fields.String(
        load_default="any",
        validate=validate.OneOf(TENURES),
        metadata={"description": "current: there now; former: there before, not now; any"},
    )


class OrganizationPersonSchema(Schema):
    person = fields.Nested(PersonSummarySchema, required=True)
    degree = fields.Integer(required=True, metadata={"description": "1, 2 or 3 from you"})
    tenure = fields.String(required=True, metadata={"description": "current or former"})
    title = fields.String(allow_none=True, metadata={"description": "of the latest stint there"})
    start = Month(allow_none=True, required=True, metadata={"description": "first start there"})
    end = Month(allow_none=True, required=True, metadata={"description": "last end; null: now"})
    years = fields.Float(allow_none=True, required=True, metadata={"description": "time there"})
    broker_count = fields.Integer(
        required=True,
        metadata={"description": "2nd degree: how many of your connections know them"},
    )
    brokers = fields.List(
        fields.Nested(BrokerSchema),
        required=True,
        metadata={"description": "2nd degree: the best 3 brokers, as /v1/people/{id}/brokers"},
    )


OrganizationPeoplePageSchema = page_schema(OrganizationPersonSchema, "OrganizationPeoplePage")


class TenureCountsSchema(Schema):
    current = fields.Integer(required=True)
    former = fields.Integer(required=True)


class NetworkAtOrganizationSchema(Schema):
    first = fields.Nested(TenureCountsSchema, required=True)
    second = fields.Nested(TenureCountsSchema, required=True)
    third = fields.Nested(TenureCountsSchema, required=True)
