"""The syndication API: published stories as ninjs 3.1 items, filterable, cursor-paginated."""

import re
from datetime import timedelta

import pytest
from django.core import signing
from django.utils import timezone
from django.utils.http import http_date

from articles import revisions, workflow
from articles.search import index_article
from reader import pages
from reader.renditions import make_all_renditions
from syndication import access, cursors
from tests import browser as shared
from tests import factories

pytestmark = pytest.mark.django_db

SITE = "https://news.example"
LIST = "/api/v1/articles/"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.NEWSROOM_SITE_URL = SITE
    settings.ALLOWED_HOSTS = ["testserver", "attacker.example", "127.0.0.1", "localhost"]


def detail_url(article) -> str:
    return f"/api/v1/articles/{article.pk}/"


def items(client, **params) -> list[dict]:
    response = client.get(LIST, params)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def headlines(found: list[dict]) -> list[str]:
    return [item["headlines"][0]["value"] for item in found]


def story_id(item: dict) -> int:
    return int(next(alt["value"] for alt in item["altIds"] if alt["role"] == "id"))


def associations(item: dict, rel: str) -> list[dict]:
    return [
        association for association in item.get("associations", []) if association["rel"] == rel
    ]


def walk(client, url=LIST, **params) -> list[dict]:
    """Follow `next` from `url` to the last page; return every item."""
    found, query = [], params
    while url:
        data = client.get(url, query).json()
        found += data["results"]
        url, query = data["next"], None
    return found


@pytest.fixture
def story(section, author, reviewer):
    """A story with everything an item maps: two authors, people, an organization, tags, a
    dateline, a kind, a hero image, quotes, a correction and a related story."""
    older = factories.make_article(
        status="published", section=section, published_ago=timedelta(days=2), headline="Older"
    )
    second = factories.make_person(name="Amara Okafor", slug="amara-okafor")
    article = factories.make_article(
        status="published",
        section=section,
        authors=[author, second],
        tags=["Apollo", "Moon"],
        headline="Crew returns",
        standfirst="Three astronauts splash down.",
        body="**Splashdown** at 10:02.\n\n<script>alert(1)</script> [x](javascript:alert(1))",
        dateline="HOUSTON",
        kind="analysis",
    )
    article.created_at = timezone.now() - timedelta(days=3)
    article.save(update_fields=["created_at"])
    named = factories.make_person(name="Neil Armstrong", slug="neil-armstrong")
    agency = factories.make_organization(name="NASA", slug="nasa")
    article.people_mentioned.add(named)
    article.organizations_mentioned.add(agency)
    factories.make_quote(
        article, text="That's one small step.", speaker_person=named, how="said", position=1
    )
    factories.make_quote(
        article, text="Welcome home.", speaker_organization=agency, is_pull_quote=True, position=2
    )
    article.hero_image = factories.image_upload("splash.jpg", size=(1600, 900))
    article.hero_alt = "A capsule under three parachutes"
    article.hero_caption = "Splashdown."
    article.hero_credit = "NASA"
    article.save()
    make_all_renditions(article.hero_image.name)
    factories.pick_related(article, older)
    workflow.publish_correction(article, reviewer, "The time was 10:02, not 10:20.", "correction")
    pages.build(older.pk)
    pages.build(article.pk)
    article.refresh_from_db()
    return article


def test_list_returns_published_stories_as_ninjs_newest_first(client, section):
    """Stories come newest first, as ninjs items, with no next page after the last."""
    for hours in (3, 1, 2):
        factories.make_article(
            status="published",
            section=section,
            headline=f"{hours}h",
            published_ago=timedelta(hours=hours),
        )
    response = client.get(LIST)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    data = response.json()
    assert headlines(data["results"]) == ["1h", "2h", "3h"]
    assert data["next"] is None
    assert {item["pubStatus"] for item in data["results"]} == {"usable"}


def test_item_maps_every_field(client, story):
    """Each field of a story lands in its ninjs property (docs/API.md, the mapping)."""
    item = client.get(detail_url(story)).json()
    assert item["uri"] == f"{SITE}{story.get_absolute_url()}"
    assert item["type"] == "text" and item["representationType"] == "full"
    assert item["version"] == str(story.version)
    assert item["versionCreated"] == story.updated_at.isoformat().replace("+00:00", "Z")
    assert item["firstCreated"] == story.first_published_at.isoformat().replace("+00:00", "Z")
    assert item["contentCreated"] == story.created_at.isoformat().replace("+00:00", "Z")
    assert item["pubStatus"] == "usable" and item["language"] == "en"
    assert "embargoedUntil" not in item
    assert item["standard"]["version"] == "3.1"
    assert {"role": "id", "value": str(story.pk)} in item["altIds"]
    assert item["headlines"] == [
        {"role": "main", "contentType": "text/plain", "value": "Crew returns"}
    ]
    assert item["descriptions"][0]["value"] == "Three astronauts splash down."
    assert item["by"] == "Rosa Marín and Amara Okafor"
    assert item["located"] == "HOUSTON"
    assert item["people"] == [
        {"name": "Rosa Marín", "rel": "author", "uri": f"{SITE}/people/rosa-marin/", "literal": "rosa-marin"},
        {"name": "Amara Okafor", "rel": "author", "uri": f"{SITE}/people/amara-okafor/", "literal": "amara-okafor"},
        {"name": "Neil Armstrong", "rel": "mentioned", "uri": f"{SITE}/people/neil-armstrong/", "literal": "neil-armstrong"},
    ]  # fmt: skip
    assert item["organisations"] == [
        {"name": "NASA", "rel": "mentioned", "uri": f"{SITE}/people/nasa/", "literal": "nasa"}
    ]
    assert item["subjects"] == [
        {"name": "Missions", "rel": "section", "uri": f"{SITE}/sections/missions/", "literal": "missions"},
        {"name": "Apollo", "rel": "tag", "uri": f"{SITE}/tags/apollo/", "literal": "apollo"},
        {"name": "Moon", "rel": "tag", "uri": f"{SITE}/tags/moon/", "literal": "moon"},
    ]  # fmt: skip
    assert item["genres"] == [
        {
            "name": "Analysis",
            "literal": "analysis",
            "uri": "http://cv.iptc.org/newscodes/genre/Analysis",
        }
    ]


def test_body_is_sanitised_html_with_counts(client, story):
    """The body is the site's sanitised HTML, counted in characters and words."""
    (body,) = client.get(detail_url(story)).json()["bodies"]
    assert body["contentType"] == "text/html"
    assert "<strong>Splashdown</strong>" in body["value"]
    assert "<script" not in body["value"] and 'href="javascript' not in body["value"]
    assert body["wordCount"] == len(re.sub(r"<[^>]+>", " ", body["value"]).split())
    assert body["charCount"] > body["wordCount"]


def test_hero_image_goes_out_with_alt_text_and_renditions(client, story):
    """The hero image travels with its alt text, credit and every stored rendition."""
    (image,) = associations(client.get(detail_url(story)).json(), "featureimage")
    assert image["type"] == "picture" and image["uri"].startswith(f"{SITE}/media/")
    assert {
        "role": "alt",
        "contentType": "text/plain",
        "value": "A capsule under three parachutes",
    } in image["descriptions"]
    assert image["by"] == "NASA"
    sizes = {(r["contentType"], r["width"], r["height"]) for r in image["renditions"]}
    assert sizes == {
        (kind, w, w * 9 // 16) for kind in ("image/jpeg", "image/webp") for w in (480, 960, 1440)
    }
    assert all(r["href"].startswith(f"{SITE}/media/renditions/") for r in image["renditions"])  # fmt: skip


def test_quotes_and_corrections_are_associations(client, story):
    """Quotes keep their speaker, how and where; corrections their kind and date."""
    item = client.get(detail_url(story)).json()
    (quote,) = associations(item, "quote")
    assert quote["bodies"][0]["value"] == "That's one small step."
    assert quote["people"] == [
        {"name": "Neil Armstrong", "rel": "speaker", "uri": f"{SITE}/people/neil-armstrong/", "literal": "neil-armstrong"}
    ]  # fmt: skip
    assert quote["descriptions"] == [{"role": "how", "contentType": "text/plain", "value": "said"}]
    (pull,) = associations(item, "pullquote")
    assert pull["organisations"][0]["name"] == "NASA" and pull["by"] == "NASA"
    (correction,) = associations(item, "correction")
    assert correction["bodies"][0]["value"] == "The time was 10:02, not 10:20."
    assert correction["genres"] == [{"name": "Correction", "literal": "correction"}]
    assert correction["versionCreated"] == item["versionCreated"]


def test_related_stories_are_the_stored_ones_and_only_public(
    client, story, reviewer, django_capture_on_commit_callbacks
):
    """Related stories come from the stored page, and a withdrawn one leaves at once."""
    item = client.get(detail_url(story)).json()
    (related,) = associations(item, "related")
    older = story.picks.get().target
    assert related["uri"] == f"{SITE}{older.get_absolute_url()}"
    assert related["headlines"][0]["value"] == "Older"
    assert {"role": "api", "value": f"{SITE}/api/v1/articles/{older.pk}/"} in related["altIds"]
    with django_capture_on_commit_callbacks(execute=True):  # purges what showed it
        workflow.unpublish(older, reviewer, "Wrong.")
    assert associations(client.get(detail_url(story)).json(), "related") == []


def non_public(state, reviewer):
    """A story in `state`, indexed for search as if it were public."""
    fields = {"headline": "Hidden zanzibar", "tags": ["Moon"]}
    if state in ("draft", "in_review"):
        article = factories.make_article(status=state, **fields)
    elif state == "scheduled":
        later = timezone.now() + timedelta(hours=2)
        article = factories.make_article(status="published", publish_at=later, **fields)
    else:
        article = factories.make_article(status="published", **fields)
        workflow.unpublish(article, reviewer, "Legal.")
    index_article(article)
    return article


@pytest.mark.parametrize("state", ["draft", "in_review", "scheduled", "withdrawn"])
def test_non_public_stories_are_nowhere_in_the_api(client, published_article, reviewer, state):
    """No list, filter, search or poll shows an unpublished story; its id is 404 (410 once withdrawn)."""
    hidden = non_public(state, reviewer)
    hidden.people_mentioned.add(published_article.authors[0])
    since = (timezone.now() - timedelta(days=30)).isoformat()
    for params in (
        {},
        {"tag": "moon"},
        {"q": "zanzibar"},
        {"person": "rosa-marin"},
        {"kind": "news"},
        {"since": since},
    ):
        assert "Hidden zanzibar" not in client.get(LIST, params).content.decode(), params
    expected = 410 if state == "withdrawn" else 404
    assert client.get(detail_url(hidden)).status_code == expected


def test_a_never_public_story_answers_exactly_like_a_missing_one(client, draft):
    """A draft's id cannot be told from an id that never existed."""
    hidden = client.get(detail_url(draft))
    missing = client.get("/api/v1/articles/999999/")
    assert (hidden.status_code, hidden.json()) == (missing.status_code, missing.json())
    assert hidden.json() == {"detail": "No published story has this id."}


def test_a_withdrawn_story_answers_410_with_a_canceled_item_and_no_body(client, story, reviewer):
    """A partner re-reading a withdrawn story learns to take it down, and gets none of it."""
    workflow.unpublish(story, reviewer, "Legal.")
    response = client.get(detail_url(story))
    assert response.status_code == 410
    item = response.json()
    assert item["pubStatus"] == "canceled" and item["representationType"] == "partial"
    assert item["uri"] == f"{SITE}{story.get_absolute_url()}"
    assert not {"bodies", "headlines", "descriptions", "associations"} & set(item)
    assert response["ETag"]


def test_proposed_update_stays_out_of_the_api(client, published_article, editor):
    """An update waiting for review is not syndicated."""
    workflow.propose_update(
        published_article,
        editor,
        {**revisions.snapshot(published_article), "headline": "Unapproved"},
    )
    assert "Unapproved" not in client.get(detail_url(published_article)).content.decode()
    assert "Unapproved" not in client.get(LIST).content.decode()


@pytest.fixture
def catalogue(section):
    other = factories.make_section(name="Budget", slug="budget")
    nasa = factories.make_organization(name="NASA", slug="nasa")
    rosa = factories.make_person(name="Rosa", slug="rosa")
    a = factories.make_article(
        status="published", section=section, tags=["Moon"], headline="Lunar probe", authors=[rosa]
    )
    b = factories.make_article(
        status="published", section=other, tags=["Mars"], headline="Mars budget", kind="opinion"
    )
    c = factories.make_article(status="published", section=other, headline="Agency plans")
    c.organizations_mentioned.add(nasa)
    b.people_mentioned.add(rosa)
    for article in (a, b, c):
        index_article(article)  # PostgreSQL's search reads the stored index
    return a, b, c  # fmt: skip


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"section": "missions"}, {"Lunar probe"}),
        ({"section": "budget"}, {"Mars budget", "Agency plans"}),
        ({"section": "nowhere"}, set()),
        ({"tag": "moon"}, {"Lunar probe"}),
        ({"person": "rosa"}, {"Lunar probe", "Mars budget"}),
        ({"person": "nasa"}, {"Agency plans"}),
        ({"kind": "opinion"}, {"Mars budget"}),
        ({"q": "budget"}, {"Mars budget"}),
        ({"q": "budget", "section": "missions"}, set()),
    ],
)
def test_filters(client, catalogue, params, expected):
    """Each filter narrows the list; an unknown slug gives an empty one."""
    assert set(headlines(items(client, **params))) == expected


def test_cursor_walk_is_stable_while_stories_are_published(client, section):
    """A story published mid-walk is ahead of the walk: no duplicate, no skip."""
    moment = timezone.now() - timedelta(hours=5)
    stories = [
        factories.make_article(status="published", section=section, published_ago=timedelta(hours=n))
        for n in range(1, 6)
    ] + [
        factories.make_article(status="published", section=section, publish_at=moment, first_published_at=moment)
        for _ in range(3)  # three stories published at the very same moment
    ]  # fmt: skip
    first = client.get(LIST, {"page_size": 3}).json()
    factories.make_article(status="published", section=section, headline="Breaking")
    seen = first["results"]
    url = first["next"]
    while url:
        page = client.get(url).json()
        seen += page["results"]
        url = page["next"]
    ids = [story_id(item) for item in seen]
    assert len(ids) == len(set(ids)) == len(stories)
    assert set(ids) == {article.pk for article in stories}
    assert "Breaking" not in headlines(seen)
    assert items(client)[0]["headlines"][0]["value"] == "Breaking"


def test_next_links_keep_the_filters_and_point_at_the_site_whatever_the_host(client, section):
    """A request to another host cannot plant its host in the cached links."""
    for n in range(3):
        factories.make_article(
            status="published", section=section, tags=["Moon"], published_ago=timedelta(hours=n + 1)
        )
    planted = client.get(
        LIST, {"tag": "moon", "page_size": 1}, headers={"host": "attacker.example:1337"}
    )
    data = planted.json()
    assert data["next"].startswith(f"{SITE}/api/v1/articles/?")
    assert "tag=moon" in data["next"] and "page_size=1" in data["next"]
    assert data["results"][0]["uri"].startswith(SITE)
    assert all(
        alt["value"].startswith(SITE)
        for alt in data["results"][0]["altIds"]
        if alt["role"] == "api"
    )
    assert client.get(LIST, {"tag": "moon", "page_size": 1}).json() == data  # fmt: skip


def test_since_lists_changes_oldest_first_and_sees_updates(
    client, section, reviewer, django_capture_on_commit_callbacks
):
    """A poll lists changes oldest first, inclusive of `since`, and sees a corrected old story."""
    old = factories.make_article(
        status="published", section=section, headline="Old", published_ago=timedelta(days=3)
    )
    middle = factories.make_article(
        status="published", section=section, headline="Middle", published_ago=timedelta(hours=5)
    )
    newest = factories.make_article(
        status="published", section=section, headline="Newest", published_ago=timedelta(hours=1)
    )
    since = (timezone.now() - timedelta(hours=6)).isoformat()
    assert headlines(items(client, since=since)) == ["Middle", "Newest"]
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish_correction(old, reviewer, "Fixed a name.", "correction")
    changed = items(client, since=since)
    assert headlines(changed) == ["Middle", "Newest", "Old"]
    versions = [item["versionCreated"] for item in changed]
    assert versions == sorted(versions)
    exactly = items(client, since=changed[1]["versionCreated"])
    assert headlines(exactly) == ["Newest", "Old"]  # at or after: inclusive
    assert items(client, since=(timezone.now() + timedelta(minutes=1)).isoformat()) == []
    assert {middle.pk, newest.pk} <= {story_id(item) for item in walk(client, since=since, page_size=1)}  # fmt: skip


def test_since_walk_sees_a_story_updated_mid_walk_again_later(client, section, reviewer):
    """A story updated during a poll comes again at the end, never skipped."""
    stories = [
        factories.make_article(
            status="published", section=section, published_ago=timedelta(hours=n)
        )
        for n in (4, 3, 2, 1)
    ]
    since = (timezone.now() - timedelta(days=1)).isoformat()
    first = client.get(LIST, {"since": since, "page_size": 2}).json()
    workflow.publish_correction(stories[0], reviewer, "Fixed.", "correction")
    rest = walk(client, first["next"])
    ids = [story_id(item) for item in first["results"] + rest]
    assert ids == [stories[0].pk, stories[1].pk, stories[2].pk, stories[3].pk, stories[0].pk]


@pytest.mark.parametrize(
    "params",
    [
        {"cursor": "nonsense"},
        {"cursor": signing.dumps(["newest", "2024-01-01T00:00:00+00:00", 1], salt="other")},
        {"cursor": cursors.encode("changes", timezone.now(), 1)},  # a since-poll's cursor
        {"cursor": cursors.encode("newest", "not a time", 1)},
        {"cursor": cursors.encode("newest", timezone.now(), "one")},
        {"cursor": "x" * 301},
        {"page": "2"},
        {"published_after": "2024-01-01"},
        {"sectoin": "missions"},
        {"page_size": "0"},
        {"page_size": "101"},
        {"page_size": "ten"},
        {"page_size": "\u0665"},
        {"kind": "gossip"},
        {"since": "yesterday"},
        {"since": "2024-13-01T00:00:00Z"},
        {"since": "9999-12-31T23:59:59-23:59"},
        {"since": "0001-01-01T00:00:00+01:00"},
        {"q": "x" * 201},
    ],
)
def test_bad_parameters_get_a_json_400(client, published_article, params):
    """A malformed parameter, an unknown one or a foreign cursor is a JSON 400, never a 500."""
    response = client.get(LIST, params)
    assert response.status_code == 400, response.content
    assert set(response.json()) == {"detail"} and isinstance(response.json()["detail"], str)


def test_a_parameter_given_twice_is_refused(client, published_article):
    """A repeated parameter is refused rather than guessed at."""
    response = client.get(f"{LIST}?tag=moon&tag=apollo")
    assert response.status_code == 400
    assert "once" in response.json()["detail"]


@pytest.mark.parametrize("path", ["/api/v1/articles/-1/", "/api/v1/articles/99999999999999999999999/", "/api/v1/nothing/", "/api/v1/people/nobody/"])  # fmt: skip
def test_missing_things_get_a_json_404(client, path):
    """Anything missing under /api/v1/ is a JSON 404."""
    response = client.get(path)
    assert response.status_code == 404
    assert set(response.json()) == {"detail"}


def test_conditional_get_answers_304(client, published_article):
    """A partner holding the current answer gets 304, by ETag or by date."""
    url = detail_url(published_article)
    first = client.get(url)
    assert first["ETag"] and first["Last-Modified"] == http_date(
        published_article.updated_at.timestamp()
    )
    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304
    assert client.get(url, headers={"if-modified-since": first["Last-Modified"]}).status_code == 304
    earlier = http_date(published_article.updated_at.timestamp() - 60)
    assert client.get(url, headers={"if-modified-since": earlier}).status_code == 200
    listing = client.get(LIST)
    assert client.get(LIST, headers={"if-none-match": listing["ETag"]}).status_code == 304


def test_a_change_purges_the_cached_answer_and_its_etag(
    client, published_article, reviewer, django_capture_on_commit_callbacks
):
    """A correction purges the cached answer: the next read has it and a new ETag."""
    url = detail_url(published_article)
    before = client.get(url)
    assert "api" in before["Surrogate-Key"].split()
    assert f"article-{published_article.pk}" in before["Surrogate-Key"].split()
    assert "public" in before["Cache-Control"] and "max-age=60" in before["Cache-Control"]
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish_correction(published_article, reviewer, "Fixed.", "correction")
    after = client.get(url, headers={"if-none-match": before["ETag"]})
    assert after.status_code == 200 and after["ETag"] != before["ETag"]
    assert associations(after.json(), "correction")


def test_cors_lets_any_origin_read(client, published_article):
    """Any web page may read the API, preflight included."""
    for url in (LIST, detail_url(published_article), "/api/v1/openapi.json", "/api/v1/nothing/"):
        assert (
            client.get(url, headers={"origin": "https://partner.example"})[
                "Access-Control-Allow-Origin"
            ]
            == "*"
        )
    preflight = client.options(LIST, headers={"origin": "https://partner.example", "access-control-request-method": "GET"})  # fmt: skip
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "If-None-Match" in preflight["Access-Control-Allow-Headers"]


def test_the_api_is_read_only(client, published_article):
    """Writing methods get a JSON 405 that says what is allowed."""
    for method in ("POST", "PUT", "PATCH", "DELETE", "TRACE"):
        for url in (LIST, detail_url(published_article)):
            response = client.generic(method, url)
            assert response.status_code == 405, (method, url)
            assert response["Allow"] == "GET, HEAD, OPTIONS"
            assert "detail" in response.json()


def test_head_answers_like_get_without_a_body(client, published_article):
    """HEAD answers as GET would, without the body."""
    for url in (LIST, detail_url(published_article)):
        response = client.head(url)
        assert response.status_code == 200 and response.content == b""
        assert response["ETag"] == client.get(url)["ETag"]


def test_a_throttled_caller_is_told_when_to_come_back(client, published_article, monkeypatch):
    """The seam for rate limits: `access.throttle` says how long to wait, the API says 429."""
    monkeypatch.setattr(access, "throttle", lambda request, client: 30)
    response = client.get(LIST)
    assert response.status_code == 429 and response["Retry-After"] == "30"
    assert "30 seconds" in response.json()["detail"]


def test_staff_get_a_private_answer(client, superuser, published_article):
    """A logged-in editor's answer is never stored for readers."""
    client.force_login(superuser)
    response = client.get(LIST)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]


def test_list_and_detail_query_ceilings(client, section, django_assert_max_num_queries):
    """A page costs the same few queries whatever its size."""
    stories = []
    for n in range(12):
        article = factories.make_article(
            status="published",
            section=section,
            authors=[factories.make_person()],
            tags=["A", f"T{n}"],
        )
        article.people_mentioned.add(factories.make_person())
        article.organizations_mentioned.add(factories.make_organization())
        factories.make_quote(article, speaker_person=factories.make_person())
        if stories:
            factories.pick_related(article, stories[-1])
        stories.append(article)
    for article in stories:
        pages.build(article.pk)
    with django_assert_max_num_queries(8):
        assert len(items(client, page_size=100)) == 12
    with django_assert_max_num_queries(8):
        assert client.get(detail_url(stories[-1])).status_code == 200


def test_people_organisations_and_tags_resolve_references(client, story):
    """The slugs in an item resolve to a person, an organisation and tags."""
    item = client.get(detail_url(story)).json()
    author = client.get(f"/api/v1/people/{item['people'][0]['literal']}/").json()
    assert author["name"] == "Rosa Marín" and author["uri"] == f"{SITE}/people/rosa-marin/"
    assert author["articles"] == f"{SITE}/api/v1/articles/?person=rosa-marin"
    organisation = client.get("/api/v1/organisations/nasa/").json()
    assert organisation["name"] == "NASA" and organisation["uri"] == f"{SITE}/people/nasa/"
    assert client.get("/api/v1/people/nasa/").status_code == 404
    assert client.get("/api/v1/organisations/rosa-marin/").status_code == 404
    tags = client.get("/api/v1/tags/").json()
    assert [tag["slug"] for tag in tags["results"]] == ["apollo", "moon"]
    assert tags["results"][0]["articles"] == f"{SITE}/api/v1/articles/?tag=apollo"


def test_names_seen_only_in_unpublished_copy_stay_unknown(client, draft):
    """A name or tag only in a draft stays unknown to partners."""
    secret = factories.make_person(name="Whistleblower", slug="whistleblower")
    draft.people_mentioned.add(secret)
    draft.tags.add("Leak")
    assert client.get("/api/v1/people/whistleblower/").status_code == 404
    assert client.get("/api/v1/tags/").json()["results"] == []


def test_tags_are_cursor_paginated(client, section):
    """Tags come by slug, page after page."""
    factories.make_article(status="published", section=section, tags=["A1", "B2", "C3"])
    first = client.get("/api/v1/tags/", {"page_size": 2}).json()
    second = client.get(first["next"]).json()
    assert [t["slug"] for t in first["results"] + second["results"]] == ["a1", "b2", "c3"]
    assert second["next"] is None
    assert client.get("/api/v1/tags/", {"cursor": "bad"}).status_code == 400


def test_a_tag_in_any_script_is_no_crash(client, section):
    """A tag whose slug is not ASCII is listed and filtered like any other."""
    factories.make_article(status="published", section=section, tags=["Ünïcode"])
    (item,) = items(client)
    assert item["subjects"][-1]["literal"] == "ünïcode"
    assert [i["literal"] for i in item["subjects"]] == [s["literal"] for s in items(client, tag="ünïcode")[0]["subjects"]]  # fmt: skip


def test_openapi_document_and_documentation_page(client):
    """The OpenAPI document is served, and its page loads only the site's own scripts and styles."""
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert {"/api/v1/articles/", "/api/v1/articles/{article_id}/", "/api/v1/tags/"} <= set(
        document["paths"]
    )
    page = client.get("/api/v1/docs")
    assert page.status_code == 200
    assert "script-src 'self'" in page["Content-Security-Policy"]
    html = page.content.decode()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert scripts
    for attributes, content in scripts:
        if 'type="application/json"' in attributes:
            continue  # data, which browsers neither run nor block
        assert re.search(r'src="/static/ninja/[^"]+\.js"', attributes) and not content.strip()
    assert re.search(r'<link[^>]+href="/static/ninja/swagger-ui\.css"', html)
    assert "<style" not in html and "style=" not in html and "https://cdn" not in html
    assert "onload" not in html


def test_index_points_at_the_documentation(client):
    """/api/v1/ says where the documentation is."""
    index = client.get("/api/v1/").json()
    assert index["docs"] == f"{SITE}/api/v1/docs"
    assert index["openapi"] == f"{SITE}/api/v1/openapi.json"


browser = shared.browser
open_page = shared.open_page


def test_the_documentation_runs_in_a_browser_under_the_policy(open_page):
    """Swagger UI loads the OpenAPI document and shows every operation: no CSP refusal."""
    watched = open_page()
    response = watched.page.goto("/api/v1/docs")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    watched.page.wait_for_selector(".swagger-ui .opblock", timeout=20_000)
    assert watched.page.locator(".opblock").count() == 5
    watched.assert_clean()


for _mark in shared.browser_marks():
    test_the_documentation_runs_in_a_browser_under_the_policy = _mark(
        test_the_documentation_runs_in_a_browser_under_the_policy
    )
