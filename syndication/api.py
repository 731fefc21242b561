"""The syndication API (`/api/v1/`): published stories as IPTC ninjs 3.1 items, built on
django-ninja, which writes the OpenAPI document (`/api/v1/openapi.json`) and the browsable
documentation (`/api/v1/docs`) from this module. docs/API.md is the guide for partners.

Views are thin: who the caller is, what they may see and how fast they may ask come from
`syndication.access`; reads from `syndication.selectors`; the ninjs mapping from
`syndication.ninjs`. Every error is JSON, `{"detail": "..."}`, with its status.
"""

import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Annotated
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.http import http_date
from ninja import NinjaAPI, Path, Query, Status
from ninja.errors import HttpError, ValidationError
from ninja.openapi.docs import Swagger

from articles.links import absolute_url
from reader import cache, pages
from syndication import access, cursors, ninjs, selectors
from syndication.schemas import (
    RFC3339,
    ArticleFilters,
    ArticlePage,
    Error,
    Item,
    OrganisationOut,
    PersonOut,
    TagFilters,
    TagPage,
)

api = NinjaAPI(
    title="Newsroom syndication API",
    version="1",
    description="Published stories as IPTC ninjs 3.1 items, for partners. Read-only; "
    "see docs/API.md for cursors, `since` polls, the field mapping and caching.",
    urls_namespace="syndication",
    openapi_url="/openapi.json",
    docs_url="/docs",
    docs=Swagger(settings={"defaultModelsExpandDepth": 0}),
)

ITEM = {"by_alias": True, "exclude_unset": True}
Slug = Annotated[str, Path(max_length=100)]
ERRORS = {400: Error, 401: Error, 429: Error, 503: Error}


class Throttled(HttpError):
    def __init__(self, seconds: int):
        super().__init__(429, f"Too many requests: try again in {seconds} seconds.")
        self.seconds = seconds


@api.exception_handler(ValidationError)
def invalid_parameters(request, error: ValidationError):
    """A malformed parameter is the caller's mistake: 400 with what was wrong, in words."""
    problems = "; ".join(
        f"{'.'.join(str(part) for part in problem['loc'][1:]) or 'request'}: {problem['msg']}"
        for problem in error.errors
    )
    return api.create_response(request, {"detail": problems or "Invalid request."}, status=400)


@api.exception_handler(Throttled)
def throttled(request, error: Throttled):
    response = api.create_response(request, {"detail": error.message}, status=429)
    response["Retry-After"] = str(error.seconds)
    return response


def caller(request) -> access.Client:
    """Identify the caller and make them wait if they must (429 with Retry-After)."""
    client = access.identify(request)
    seconds = access.throttle(request, client)
    if seconds is not None:
        raise Throttled(seconds)
    return client


def refuse_unknown(request, allowed) -> None:
    """Refuse a parameter the endpoint does not know, or one given twice: a typo must not
    quietly widen a partner's list."""
    unknown = sorted(set(request.GET) - set(allowed))
    if unknown:
        raise HttpError(400, f"Unknown parameter: {', '.join(unknown)}.")
    repeated = sorted(name for name in request.GET if len(request.GET.getlist(name)) > 1)
    if repeated:
        raise HttpError(400, f"Give each parameter once: {', '.join(repeated)}.")


def parse_since(text: str) -> datetime:
    """Return an RFC 3339 time (the pattern of `since` already matched) in UTC; 400 for one
    outside the calendar. A leap second counts as the second before it; digits past the
    microsecond are dropped."""
    year, month, day, hour, minute, second, fraction, offset = re.match(RFC3339, text).groups()
    try:
        moment = datetime(
            int(year), int(month), int(day), int(hour), int(minute), min(int(second), 59),
            int((fraction or ".0")[1:7].ljust(6, "0")), tzinfo=zone(offset),
        )  # fmt: skip
        return moment.astimezone(UTC)
    except (OverflowError, ValueError) as error:
        raise HttpError(400, f"since: {text} is not a time on the calendar.") from error


def zone(offset: str) -> timezone:
    if offset in ("Z", "z"):
        return UTC
    sign = -1 if offset[0] == "-" else 1
    hours, minutes = offset[1:].split(":")
    return timezone(sign * timedelta(hours=int(hours), minutes=int(minutes)))


def next_link(request, name: str, cursor: str | None) -> str | None:
    """The address of the next page: the same parameters with the new cursor, on
    NEWSROOM_SITE_URL (never the request's host: the answer is cached for everyone)."""
    if cursor is None:
        return None
    query = {key: value for key, value in request.GET.items() if key != "cursor"}
    query["cursor"] = cursor
    return absolute_url(f"{reverse(f'syndication:{name}')}?{urlencode(query)}")


def last_modified(response: HttpResponse, moments) -> None:
    moments = [moment for moment in moments if moment is not None]
    if moments:
        response["Last-Modified"] = http_date(max(moments).timestamp())


@api.get(
    "/articles/",
    response={200: ArticlePage, **ERRORS},
    url_name="articles",
    summary="List published stories",
    description="Newest first by publish time; with `since`, the stories whose current "
    "version was made at or after that time, oldest change first. Follow `next` until it "
    "is null. Any other parameter is refused (400).",
    **ITEM,
)
def list_articles(request: HttpRequest, response: HttpResponse, filters: Query[ArticleFilters]):
    refuse_unknown(request, ArticleFilters.model_fields)
    client = caller(request)
    since = parse_since(filters.since) if filters.since is not None else None
    ordering = selectors.NEWEST if since is None else selectors.CHANGES
    after = None
    if filters.cursor:
        try:
            after = cursors.decode(filters.cursor, ordering=ordering, shape=(datetime, int))
        except cursors.InvalidCursor:
            raise HttpError(
                400, "cursor: not a cursor of this list; start again without one."
            ) from None
    visible = access.visible_articles(client)
    chosen = selectors.filtered(
        visible,
        section=filters.section,
        tag=filters.tag,
        person=filters.person,
        kind=filters.kind,
        q=filters.q,
        since=since,
    )
    page = selectors.page_of(
        chosen, ordering=ordering, after=after, size=filters.page_size, visible=visible
    )
    items = [
        ninjs.item(story, related=page.related, related_ids=selectors.related_ids(story))
        for story in page.stories
    ]
    cursor = cursors.encode(ordering, *page.next_key) if page.next_key else None
    cache.add_keys(response, *(pages.article_key(story.pk) for story in page.stories))
    last_modified(response, [story.version_time for story in page.stories])
    return {"results": items, "next": next_link(request, "articles", cursor)}


@api.get(
    "/articles/{article_id}/",
    response={200: Item, 404: Error, 410: Item, **ERRORS},
    url_name="article",
    summary="One published story",
    description="A story that is not public answers 404, exactly like an id that never "
    "existed; a withdrawn story answers 410 with a partial item whose `pubStatus` is "
    "`canceled`.",
    **ITEM,
)
def get_article(request: HttpRequest, response: HttpResponse, article_id: int):
    refuse_unknown(request, ())
    client = caller(request)
    visible = access.visible_articles(client)
    story = selectors.story(visible, article_id) if 0 < article_id < 2**63 else None
    if story is None:
        withdrawn = selectors.withdrawn_story(article_id) if 0 < article_id < 2**63 else None
        if withdrawn is None:
            raise HttpError(404, "No published story has this id.")
        last_modified(response, [withdrawn.unpublished_at])
        return Status(410, ninjs.canceled_item(withdrawn))
    ids = selectors.related_ids(story)
    related = selectors.related_stories(visible, ids)
    shown = [story.pk, *related]
    cache.add_keys(response, *(pages.article_key(pk) for pk in shown))
    last_modified(response, [story.version_time])
    return ninjs.item(story, related=related, related_ids=ids)


def public_entity(request, response, slug: str, *, kind: str, label: str):
    """Return the public person or organization (`kind`) at `slug`, its key on the answer;
    404 for anything else."""
    refuse_unknown(request, ())
    caller(request)
    entity = selectors.public_entity(slug)
    if entity is None or entity.kind_name != kind:
        raise HttpError(404, f"No public {label} has this slug.")
    cache.add_keys(response, f"entity-{entity.pk}")
    return entity


@api.get(
    "/people/{slug}/",
    response={200: PersonOut, 404: Error, **ERRORS},
    url_name="person",
    summary="A person named in stories",
    description="Resolves a `people` entry of an item (its `literal` is the slug).",
)
def get_person(request: HttpRequest, response: HttpResponse, slug: Slug):
    person = public_entity(request, response, slug, kind="person", label="person")
    photo = None
    if person.photo and person.photo_width:
        photo = {
            "href": absolute_url(person.photo.url),
            "width": person.photo_width,
            "height": person.photo_height,
            "alt": person.photo_alt,
        }
    return {
        "uri": absolute_url(person.get_absolute_url()),
        "slug": person.slug,
        "name": person.name,
        "honorific": person.honorific,
        "role": person.role,
        "bio": person.bio,
        "photo": photo,
        "articles": stories_of("person", person.slug),
    }


@api.get(
    "/organisations/{slug}/",
    response={200: OrganisationOut, 404: Error, **ERRORS},
    url_name="organisation",
    summary="An organisation named in stories",
    description="Resolves an `organisations` entry of an item (its `literal` is the slug).",
)
def get_organisation(request: HttpRequest, response: HttpResponse, slug: Slug):
    organization = public_entity(request, response, slug, kind="organization", label="organisation")
    return {
        "uri": absolute_url(organization.get_absolute_url()),
        "slug": organization.slug,
        "name": organization.name,
        "kind": organization.kind,
        "description": organization.description,
        "articles": stories_of("person", organization.slug),
    }


@api.get(
    "/tags/",
    response={200: TagPage, **ERRORS},
    url_name="tags",
    summary="Tags on published stories",
    description="Every tag at least one published story carries, by slug. Resolves a "
    "`subjects` entry with rel `tag` (its `literal` is the slug).",
)
def list_tags(request: HttpRequest, filters: Query[TagFilters]):
    refuse_unknown(request, TagFilters.model_fields)
    client = caller(request)
    after = None
    if filters.cursor:
        try:
            (after,) = cursors.decode(filters.cursor, ordering=selectors.TAGS, shape=(str,))
        except cursors.InvalidCursor:
            raise HttpError(
                400, "cursor: not a cursor of this list; start again without one."
            ) from None
    tags, more = selectors.public_tags(
        access.visible_articles(client), after=after, size=filters.page_size
    )
    cursor = cursors.encode(selectors.TAGS, tags[-1].slug) if more else None
    return {
        "results": [
            {
                "name": tag.name,
                "slug": tag.slug,
                "uri": absolute_url(ninjs.tag_path(tag.slug)),
                "articles": stories_of("tag", tag.slug),
            }
            for tag in tags
        ],
        "next": next_link(request, "tags", cursor),
    }


def stories_of(parameter: str, slug: str) -> str:
    """The address of the stories list filtered on one slug."""
    return absolute_url(f"{reverse('syndication:articles')}?{urlencode({parameter: slug})}")
