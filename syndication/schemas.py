"""The shapes of the API's parameters and answers, from which its OpenAPI document is made.

`Item` describes the part of ninjs 3.1 this API sends (IPTC's schema,
`syndication/schema/ninjs-schema_3.1.json`, is the authority; the tests check every item
against it). Models forbid unknown fields, as ninjs does, so a mapping that strays from what is
documented fails loudly instead of going out.
"""

from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import ConfigDict
from pydantic.alias_generators import to_camel
from pydantic.json_schema import SkipJsonSchema as Skip
from pydantic.json_schema import WithJsonSchema

from articles.models import Article

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
MAX_TAGS_PAGE_SIZE = 1000
TWO_DIGITS = "([0-9]{2})"
RFC3339 = (
    rf"^([0-9]{{4}})-{TWO_DIGITS}-{TWO_DIGITS}[Tt]{TWO_DIGITS}:{TWO_DIGITS}:{TWO_DIGITS}"
    r"(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$"
)
Uri = str
# Times go out as the mapping wrote them (RFC 3339, UTC, to the microsecond): a datetime
# here would pass through Django's JSON encoder, which cuts them to the millisecond.
Moment = Annotated[str, WithJsonSchema({"type": "string", "format": "date-time"})]


class NinjsPart(Schema):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="forbid")


class Text(NinjsPart):
    role: str | Skip[None] = None
    content_type: str | Skip[None] = None
    value: str


class Body(Text):
    char_count: int | Skip[None] = None
    word_count: int | Skip[None] = None


class Named(NinjsPart):
    """A person, organisation or subject: name, relation to the story, public page, slug."""

    name: str | Skip[None] = None
    rel: str | Skip[None] = None
    uri: Uri | Skip[None] = Field(None, json_schema_extra={"format": "uri"})
    literal: str | Skip[None] = None


class Genre(NinjsPart):
    name: str | Skip[None] = None
    uri: str | Skip[None] = None
    literal: str | Skip[None] = None


class AltId(NinjsPart):
    role: str | Skip[None] = None
    value: str | Skip[None] = None


class Rendition(NinjsPart):
    name: str
    href: Uri | Skip[None] = Field(None, json_schema_extra={"format": "uri"})
    content_type: str | Skip[None] = None
    width: int | Skip[None] = None
    height: int | Skip[None] = None


class Standard(NinjsPart):
    name: str
    version: str
    schema_uri: Uri = Field(alias="schema")


class ItemFields(NinjsPart):
    uri: Uri = Field(json_schema_extra={"format": "uri"})
    type: Literal["text", "picture"] | Skip[None] = None
    representation_type: Literal["full", "partial"] | Skip[None] = None
    standard: Standard | Skip[None] = None
    version: str | Skip[None] = None
    first_created: Moment | Skip[None] = None
    version_created: Moment | Skip[None] = None
    content_created: Moment | Skip[None] = None
    embargoed_until: Moment | Skip[None] = None
    pub_status: Literal["usable", "withheld", "canceled"] | Skip[None] = None
    language: str | Skip[None] = None
    alt_ids: list[AltId] | Skip[None] = None
    headlines: list[Text] | Skip[None] = None
    descriptions: list[Text] | Skip[None] = None
    bodies: list[Body] | Skip[None] = None
    by: str | Skip[None] = None
    located: str | Skip[None] = None
    people: list[Named] | Skip[None] = None
    organisations: list[Named] | Skip[None] = None
    subjects: list[Named] | Skip[None] = None
    genres: list[Genre] | Skip[None] = None
    renditions: list[Rendition] | Skip[None] = None


class Association(ItemFields):
    """A hero image (`featureimage`), related story (`related`), quote (`quote`, `pullquote`)
    or correction (`correction`), as a ninjs object of its own."""

    name: str
    rel: str


class Item(ItemFields):
    """A story as a ninjs 3.1 item."""

    associations: list[Association] | Skip[None] = None


class ArticlePage(Schema):
    """A page of stories and the address of the next (null on the last page)."""

    results: list[Item]
    next: Uri | None = Field(json_schema_extra={"format": "uri"})


class Error(Schema):
    detail: str


class ArticleFilters(Schema):
    """The list's parameters. Any other parameter is refused (400)."""

    section: str | Skip[None] = Field(None, max_length=100, description="Section slug.")
    tag: str | Skip[None] = Field(None, max_length=100, description="Tag slug.")
    person: str | None = Field(
        None,
        max_length=100,
        description="Slug of a person (by or about) or an organization (about).",
    )
    kind: Literal[tuple(Article.Kind.values)] | Skip[None] = Field(
        None, description="Kind of story."
    )  # type: ignore[valid-type]
    q: str | Skip[None] = Field(
        None, max_length=200, description="Words to search for, as /search/."
    )
    since: str | Skip[None] = Field(
        None,
        pattern=RFC3339,
        json_schema_extra={"format": "date-time"},
        description="Only stories whose current version was made at or after this time "
        "(RFC 3339 with an offset, e.g. 2024-05-01T12:00:00Z), oldest change first.",
    )
    cursor: str | Skip[None] = Field(
        None, max_length=300, description="The `next` cursor of the previous page."
    )
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


class TagFilters(Schema):
    cursor: str | Skip[None] = Field(None, max_length=300)
    page_size: int = Field(MAX_TAGS_PAGE_SIZE, ge=1, le=MAX_TAGS_PAGE_SIZE)


class TagOut(Schema):
    name: str
    slug: str
    uri: Uri = Field(description="The tag's public page.", json_schema_extra={"format": "uri"})
    articles: Uri = Field(
        description="Its stories in this API.", json_schema_extra={"format": "uri"}
    )


class TagPage(Schema):
    results: list[TagOut]
    next: Uri | None = Field(json_schema_extra={"format": "uri"})


class Photo(Schema):
    href: Uri = Field(json_schema_extra={"format": "uri"})
    width: int
    height: int
    alt: str


class PersonOut(Schema):
    uri: Uri = Field(description="Their public page.", json_schema_extra={"format": "uri"})
    slug: str
    name: str
    honorific: str
    role: str
    bio: str
    photo: Photo | None
    articles: Uri = Field(
        description="Stories by or about them in this API.", json_schema_extra={"format": "uri"}
    )


class OrganisationOut(Schema):
    uri: Uri = Field(description="Its public page.", json_schema_extra={"format": "uri"})
    slug: str
    name: str
    kind: str
    description: str
    articles: Uri = Field(
        description="Stories about it in this API.", json_schema_extra={"format": "uri"}
    )
