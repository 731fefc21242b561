"""The read-only JSON API: ninjs documents of published stories, filterable and paginated."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles import revisions, workflow
from tests import factories

pytestmark = pytest.mark.django_db


def test_list_returns_published_stories_as_ninjs(client, published_article):
    response = client.get("/api/v1/articles/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    (item,) = response.json()["results"]
    assert item["headline"] == published_article.headline
    assert item["type"] == "text" and item["pubstatus"] == "usable"
    assert item["uri"].startswith("http") and item["uri"].endswith(
        published_article.get_absolute_url()
    )
    assert item["byline"] == "Rosa Marín"
    assert {s["name"] for s in item["subject"] if s["scheme"] == "tag"} == {"Apollo", "Moon"}
    assert "body_html" not in item


def test_detail_includes_the_sanitised_body(client, section):
    article = factories.make_article(
        status="published", section=section, body="**Go.** <script>x()</script>"
    )
    item = client.get(f"/api/v1/articles/{article.pk}/").json()
    assert "<strong>Go.</strong>" in item["body_html"]
    assert "<script>" not in item["body_html"]


@pytest.mark.parametrize("state", ["draft", "in_review", "scheduled"])
def test_non_public_stories_are_not_in_the_api(client, section, state):
    fields = {"status": "in_review" if state == "in_review" else state}
    if state == "scheduled":
        fields = {"status": "published", "publish_at": timezone.now() + timedelta(days=1)}
    article = factories.make_article(section=section, headline="Hidden from the API", **fields)
    assert client.get(f"/api/v1/articles/{article.pk}/").status_code == 404
    assert "Hidden from the API" not in client.get("/api/v1/articles/").content.decode()


def test_proposed_update_stays_out_of_the_api(client, published_article, editor):
    workflow.propose_update(
        published_article,
        editor,
        {**revisions.snapshot(published_article), "headline": "Unapproved"},
    )
    assert (
        "Unapproved" not in client.get(f"/api/v1/articles/{published_article.pk}/").content.decode()
    )


def test_filters_and_pagination(client, section):
    for number in range(5):
        factories.make_article(
            status="published",
            section=section,
            tags=["Moon"],
            published_ago=timedelta(hours=number + 1),
        )
    factories.make_article(status="published", section=section, tags=["Mars"])
    data = client.get("/api/v1/articles/", {"tag": "moon", "page_size": 2, "page": 2}).json()
    assert (data["count"], data["page"], data["pages"]) == (5, 2, 3)
    assert len(data["results"]) == 2
    assert "page=3" in data["next"] and "tag=moon" in data["next"]


@pytest.mark.parametrize(
    "params",
    [
        {"page_size": "0"},
        {"page_size": "1000"},
        {"page_size": "ten"},
        {"published_after": "soon"},
        {"q": "x" * 500},
    ],
)
def test_bad_query_strings_get_a_json_400(client, published_article, params):
    response = client.get("/api/v1/articles/", params)
    assert response.status_code == 400
    assert "error" in response.json()


def test_api_is_read_only(client, published_article):
    assert client.post("/api/v1/articles/", {}).status_code == 405
    assert client.delete(f"/api/v1/articles/{published_article.pk}/").status_code == 405


def test_list_query_ceiling(client, section, django_assert_max_num_queries):
    for _ in range(10):
        article = factories.make_article(
            status="published", section=section, authors=[factories.make_person()], tags=["A", "B"]
        )
        article.people_mentioned.add(factories.make_person())
    with django_assert_max_num_queries(8):
        assert client.get("/api/v1/articles/").status_code == 200
