"""Every item the API sends validates against IPTC's ninjs 3.1 schema, as a partner checks it."""

import json
import re
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from jsonschema import Draft202012Validator, FormatChecker

from articles import workflow
from articles.search import index_article
from reader import pages
from reader.renditions import make_all_renditions
from tests import factories

pytestmark = pytest.mark.django_db

SCHEMA_FILE = Path(__file__).parent.parent / "syndication" / "schema" / "ninjs-schema_3.1.json"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def _is_uri(value) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(parts.scheme and parts.netloc) and not re.search(r"\s", value)


def _is_date_time(value) -> bool:
    if not isinstance(value, str):
        return True
    if not RFC3339.match(value):
        return False
    datetime.fromisoformat(value.replace("Z", "+00:00"))
    return True


def ninjs_validator() -> Draft202012Validator:
    """IPTC's schema under its own draft (2020-12), checking `uri` and `date-time` formats too
    (jsonschema checks them only with optional packages; these two checkers stand in)."""
    schema = json.loads(SCHEMA_FILE.read_text())
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    checker = FormatChecker()
    checker.checks("uri", raises=ValueError)(_is_uri)
    checker.checks("date-time", raises=ValueError)(_is_date_time)
    return Draft202012Validator(schema, format_checker=checker)


VALIDATOR = ninjs_validator()


def assert_ninjs(item: dict) -> None:
    errors = [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in VALIDATOR.iter_errors(item)
    ]
    assert not errors, errors


def make_archive(*, stories: int = 30) -> dict:
    """A small newsroom: `stories` public stories with everything an item can carry (people,
    organizations, tags, sections, hero images with and without renditions, quotes, pull
    quotes, corrections, related stories, shared publish times), their pages built, and one
    story in each non-public state."""
    reviewer = factories.make_user("archive-reviewer", groups=["Reviewers"], is_staff=True)
    sections = [factories.make_section() for _ in range(3)]
    writers = [factories.make_person(name=f"Writer {n}") for n in range(6)]
    named = [factories.make_person(name=f"Named {n}", bio="Known.") for n in range(4)]
    bodies = [factories.make_organization(name=f"Agency {n}") for n in range(3)]
    tags = ["Moon", "Mars", "Budget", "Launch", "Crew", "Orbit"]
    shared_moment = timezone.now() - timedelta(hours=40)
    public = []
    for n in range(stories):
        fields = {}
        if n % 5 == 4:  # several stories share one publish time: the id breaks the tie
            fields = {"publish_at": shared_moment, "first_published_at": shared_moment}
        article = factories.make_article(
            status="published",
            section=sections[n % 3] if n % 7 else None,
            authors=writers[n % 6 : n % 6 + 1 + n % 2],
            tags=tags[n % 6 : n % 6 + 2],
            published_ago=timedelta(hours=n + 1),
            dateline="HOUSTON" if n % 2 else "",
            kind=["news", "analysis", "opinion", "explainer", "interview"][n % 5],
            body=f"Story **{n}** starts.\n\n> A quote.\n\n- a\n- b\n\n[link](https://example.org)",
            standfirst="" if n % 9 == 0 else f"Summary {n}.",
            **fields,
        )
        article.people_mentioned.add(named[n % 4])
        if n % 3:
            article.organizations_mentioned.add(bodies[n % 3])
        factories.make_quote(article, text=f"Quote {n}.", speaker_person=named[n % 4], how="said")
        factories.make_quote(
            article, text="We agree.", speaker_organization=bodies[0], where="in Houston"
        )
        factories.make_quote(article, text="Unattributed words.", is_pull_quote=True)
        if n % 4 == 0:
            add_hero_image(article, renditions=n % 8 == 0)
        if n % 6 == 1:
            workflow.publish_correction(article, reviewer, f"Fixed {n}.", "correction")
        if public:
            factories.pick_related(article, *public[-2:])
        public.append(article)
    for article in public:
        pages.build(article.pk)
        index_article(article)  # PostgreSQL's search reads the stored index
    hidden = {
        "draft": factories.make_article(status="draft", headline="Secret draft"),
        "in_review": factories.make_article(status="in_review", headline="Secret review"),
        "scheduled": factories.make_article(
            status="published",
            headline="Secret scheduled",
            publish_at=timezone.now() + timedelta(days=1),
        ),
        "withdrawn": factories.make_article(status="published", headline="Secret withdrawn"),
    }
    workflow.unpublish(hidden["withdrawn"], reviewer, "Legal asked us to.")
    for article in hidden.values():
        index_article(article)
    return {"public": public, "hidden": hidden, "reviewer": reviewer}


def add_hero_image(article, *, renditions: bool) -> None:
    article.hero_image = factories.image_upload(f"hero-{article.pk}.jpg", size=(640, 360))
    article.hero_alt = "A launch pad at dawn"
    article.hero_caption = "The pad."
    article.hero_credit = "Agency photo"
    article.save()
    if renditions:
        make_all_renditions(article.hero_image.name)


@pytest.fixture
def archive(settings):
    settings.NEWSROOM_SITE_URL = "https://news.example"
    return make_archive()


def walk(client, params) -> list[dict]:
    """Follow `next` from the first page to the last; return every item."""
    items, url, query = [], "/api/v1/articles/", dict(params)
    while url:
        response = client.get(url, query)
        assert response.status_code == 200, response.content
        data = response.json()
        items += data["results"]
        url, query = data["next"], None
    return items


def test_the_validator_is_strict():
    """An unknown property or a malformed date is refused, so a pass means something."""
    assert not VALIDATOR.is_valid({"uri": "https://x.example/1", "headline": "ninjs 1.x"})
    assert not VALIDATOR.is_valid({"uri": "https://x.example/1", "versionCreated": "yesterday"})
    assert not VALIDATOR.is_valid({"uri": "not a uri"})
    assert VALIDATOR.is_valid(
        {"uri": "https://x.example/1", "versionCreated": "2024-01-01T10:00:00Z"}
    )


def test_every_item_of_a_paged_walk_and_every_detail_is_valid_ninjs(client, archive):
    items = walk(client, {"page_size": 7})
    assert len(items) == len(archive["public"])
    for item in items:
        assert_ninjs(item)
        story_id = next(alt["value"] for alt in item["altIds"] if alt["role"] == "id")
        detail = client.get(f"/api/v1/articles/{story_id}/")
        assert detail.status_code == 200
        assert detail.json() == item
        assert_ninjs(detail.json())


def test_the_archive_exercises_every_mapped_property(client, archive):
    """The walk above covers hero images, quotes, corrections and related stories."""
    items = walk(client, {"page_size": 100})
    present = {key for item in items for key in item}
    assert present >= {
        "uri", "type", "version", "versionCreated", "firstCreated", "contentCreated",
        "pubStatus", "language", "headlines", "descriptions", "bodies", "by", "people",
        "organisations", "subjects", "genres", "located", "associations", "altIds",
    }  # fmt: skip
    rels = {association["rel"] for item in items for association in item["associations"]}
    assert rels == {"featureimage", "related", "quote", "pullquote", "correction"}


def test_since_walks_and_search_results_are_valid_ninjs(client, archive):
    since = (timezone.now() - timedelta(hours=10)).isoformat()
    for params in ({"since": since, "page_size": 4}, {"q": "story", "page_size": 9}):
        items = walk(client, params)
        assert items
        for item in items:
            assert_ninjs(item)


def test_a_withdrawn_story_is_a_valid_canceled_item(client, archive):
    response = client.get(f"/api/v1/articles/{archive['hidden']['withdrawn'].pk}/")
    assert response.status_code == 410
    assert_ninjs(response.json())
    assert response.json()["pubStatus"] == "canceled"
