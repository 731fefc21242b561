"""Drafts never reach anonymous readers, by any route; staff-only pages stay staff-only."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles import workflow
from tests import factories

pytestmark = pytest.mark.django_db

SECRET = "Zanzibar embargoed scoop"


@pytest.fixture
def hidden_stories(section, reporter, reviewer, second_reviewer):
    """One story in each state readers must not see, all tagged, bylined and about someone."""
    subject = factories.make_person(name="Secret Subject", slug="secret-subject")
    writer = factories.make_person(name="Busy Writer", slug="busy-writer")
    visible = factories.make_article(
        status="published", section=section, tags=["Moon"], authors=[writer]
    )
    visible.people_mentioned.add(subject)
    stories = {}
    for state in ("draft", "in_review", "scheduled", "unpublished"):
        article = factories.make_article(
            section=section, created_by=reporter, headline=f"{SECRET} ({state})",
            body=f"{SECRET} body.", tags=["Moon"], authors=[writer],
        )  # fmt: skip
        article.people_mentioned.add(subject)
        if state != "draft":
            workflow.submit(article, reporter)
        if state == "scheduled":
            workflow.approve(article, reviewer, publish_at=timezone.now() + timedelta(days=1))
        if state == "unpublished":
            workflow.approve(article, reviewer)
            workflow.unpublish(article, second_reviewer, "Legal hold")
        stories[state] = article
    return stories


ROUTES = [
    "/",
    "/sections/missions/",
    "/tags/moon/",
    "/people/secret-subject/",
    "/people/busy-writer/",
    "/search/?q=zanzibar",
    "/corrections/",
    "/feeds/latest/rss/",
    "/feeds/latest/atom/",
    "/feeds/sections/missions/rss/",
    "/feeds/tags/moon/atom/",
    "/feeds/people/secret-subject/rss/",
    "/feeds/corrections/rss/",
    "/sitemap.xml",
    "/sitemap-news.xml",
    "/api/v1/articles/",
    "/api/v1/articles/?q=zanzibar",
]


@pytest.mark.parametrize("url", ROUTES)
def test_no_hidden_story_on_any_route(client, hidden_stories, url):
    response = client.get(url)
    assert response.status_code == 200
    assert SECRET not in response.content.decode()


def test_hidden_story_addresses(client, hidden_stories):
    for state, article in hidden_stories.items():
        expected = 410 if state == "unpublished" else 404
        assert client.get(article.get_absolute_url()).status_code == expected, state
        assert client.get(f"/api/v1/articles/{article.pk}/").status_code == expected, state


def test_admin_and_previews_need_a_login(client, hidden_stories):
    draft = hidden_stories["draft"]
    for url in [
        "/admin/",
        f"/admin/articles/article/{draft.pk}/change/",
        f"/admin/articles/article/{draft.pk}/preview/",
    ]:
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url


def test_a_reader_account_cannot_enter_the_admin(client, reader, hidden_stories):
    client.force_login(reader)
    response = client.get(f"/admin/articles/article/{hidden_stories['draft'].pk}/change/")
    assert response.status_code == 302
    assert SECRET not in response.content.decode()
