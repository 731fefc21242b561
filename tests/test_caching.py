"""Anonymous readers get cached pages; every change to a story purges them; staff never see cache."""

import pytest

from articles import workflow
from tests import factories

pytestmark = pytest.mark.django_db


def test_public_page_headers(client, published_article):
    response = client.get(published_article.get_absolute_url())
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", "max-age=60", "s-maxage=300", "stale-while-revalidate=600"} <= cache_control
    assert response.has_header("ETag")
    assert response.has_header("Last-Modified")


def test_second_visit_is_served_from_the_cache(
    client, published_article, django_assert_num_queries
):
    client.get("/")
    with django_assert_num_queries(0):
        assert client.get("/").status_code == 200


def test_repeat_visit_gets_304(client, published_article):
    first = client.get(published_article.get_absolute_url())
    again = client.get(published_article.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


@pytest.mark.parametrize(
    "change",
    ["publish", "unpublish", "correct", "update"],
)
def test_each_change_purges_cached_pages(
    client,
    change,
    reporter,
    editor,
    reviewer,
    second_reviewer,
    section,
    django_capture_on_commit_callbacks,
):
    """A page cached before the change shows the change after it."""
    live = factories.make_article(
        status="published", section=section, headline="Live story", body="Old text."
    )
    draft = factories.make_article(section=section, headline="Brand new story", created_by=reporter)
    workflow.submit(draft, reporter)
    client.get("/")
    client.get(live.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        if change == "publish":
            workflow.approve(draft, reviewer)
        elif change == "unpublish":
            workflow.unpublish(live, reviewer, "Legal")
        elif change == "correct":
            workflow.publish_correction(live, reviewer, "Fixed the date.", "correction")
        else:
            from articles import revisions

            proposal = workflow.propose_update(
                live, editor, {**revisions.snapshot(live), "body": "New text."}
            )
            workflow.approve_update(proposal, second_reviewer)
    front = client.get("/").content.decode()
    story = client.get(live.get_absolute_url())
    if change == "publish":
        assert "Brand new story" in front
    elif change == "unpublish":
        assert "Live story" not in front and story.status_code == 410
    elif change == "correct":
        assert "Fixed the date." in story.content.decode()
    else:
        assert "New text." in story.content.decode()


def test_staff_never_get_cached_pages(client, reviewer, published_article):
    client.get("/")  # an anonymous visit fills the cache
    client.force_login(reviewer)
    response = client.get("/")
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_not_found_is_never_cached(
    client, section, reviewer, reporter, django_capture_on_commit_callbacks
):
    draft = factories.make_article(section=section, created_by=reporter)
    workflow.submit(draft, reporter)
    assert client.get(draft.get_absolute_url()).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        workflow.approve(draft, reviewer)
    draft.refresh_from_db()
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_a_page_from_the_cache_keeps_every_header(
    client, published_article, django_assert_num_queries
):
    """A hit is answered before the rest of the stack runs, with the headers it added."""
    first = client.get(published_article.get_absolute_url())
    with django_assert_num_queries(0):
        again = client.get(published_article.get_absolute_url())
    for header in ("Content-Security-Policy", "ETag", "Surrogate-Key", "Cache-Control", "Vary"):
        assert again[header] == first[header], header
    assert again.content == first.content


def test_a_reader_with_a_session_cookie_is_never_served_the_cached_copy(
    client, reviewer, published_article
):
    client.get(published_article.get_absolute_url())  # an anonymous visit fills the cache
    client.force_login(reviewer)
    response = client.get(published_article.get_absolute_url())
    assert "private" in response["Cache-Control"]
