"""Previews for staff and share links for people without an account."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from articles import previews, workflow
from articles.models import Article
from tests import factories

pytestmark = pytest.mark.django_db


def preview_url(article):
    return reverse("admin:articles_article_preview", args=[article.pk])


def test_staff_preview_looks_like_the_story_with_a_banner(client, reporter, draft):
    """The author previews a draft with the public template, a banner, and no caching."""
    client.force_login(reporter)
    response = client.get(preview_url(draft))
    page = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{draft.headline}</h1>" in page
    assert "Preview — not published" in page
    assert {"private", "no-store"} <= {
        part.strip() for part in response["Cache-Control"].split(",")
    }
    assert "noindex" in response["X-Robots-Tag"]
    assert '<meta name="robots" content="noindex, nofollow">' in page


def test_reviewer_can_preview_a_story_in_review(client, reviewer, in_review):
    client.force_login(reviewer)
    assert client.get(preview_url(in_review)).status_code == 200


def test_other_reporter_cannot_preview(client, other_reporter, draft):
    client.force_login(other_reporter)
    assert client.get(preview_url(draft)).status_code == 404


def test_anonymous_preview_goes_to_login(client, draft):
    response = client.get(preview_url(draft))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def share(article, user):
    return previews.create_share_link(article, user)


def test_share_link_shows_the_draft_to_anyone(client, reviewer, in_review):
    url = share(in_review, reviewer)
    response = client.get(url)
    assert response.status_code == 200
    assert in_review.headline in response.content.decode()
    assert "Preview — not published" in response.content.decode()
    assert {"private", "no-store"} <= {
        part.strip() for part in response["Cache-Control"].split(",")
    }


def test_share_link_from_the_admin(client, reviewer, in_review):
    client.force_login(reviewer)
    response = client.post(reverse("admin:articles_article_share", args=[in_review.pk]))
    message = " ".join(str(m) for m in get_messages(response.wsgi_request))
    path = re.search(r"http://testserver(/preview/[^\"<]+/)", message).group(1)
    client.logout()
    assert client.get(path).status_code == 200


def test_share_link_expires(client, reviewer, in_review, settings):
    settings.NEWSROOM_PREVIEW_LINK_HOURS = 48
    url = share(in_review, reviewer)
    with time_machine.travel(timezone.now() + timedelta(hours=47), tick=False):
        assert client.get(url).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(hours=49), tick=False):
        assert client.get(url).status_code == 404


def test_share_link_can_be_revoked(client, reviewer, in_review):
    url = share(in_review, reviewer)
    assert previews.revoke_share_links(in_review, reviewer) == 1
    assert client.get(url).status_code == 404


def test_share_link_stops_when_content_changes(client, reviewer, in_review):
    url = share(in_review, reviewer)
    Article.objects.filter(pk=in_review.pk).update(body="Something else entirely.")
    assert client.get(url).status_code == 404


def test_share_link_stops_once_published(client, reviewer, second_reviewer, in_review):
    url = share(in_review, reviewer)
    workflow.approve(in_review, second_reviewer)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("token", ["forged", "eyJsaW5rIjoxfQ:1abc:xyz", "x" * 500, "..%2F"])
def test_forged_tokens_are_a_plain_404(client, reviewer, in_review, token):
    share(in_review, reviewer)
    response = client.get(f"/preview/{token}/")
    assert response.status_code == 404
    assert in_review.headline not in response.content.decode()


def test_tampered_token_is_refused(client, reviewer, in_review):
    url = share(in_review, reviewer)
    other = factories.make_article(section=in_review.section)
    tampered = url.replace(url.split("/")[2], url.split("/")[2][:-2] + "AA")
    assert client.get(tampered).status_code == 404
    assert other.headline not in client.get(tampered).content.decode()


def test_reporter_cannot_share_someone_elses_draft(other_reporter, draft):
    with pytest.raises(workflow.TransitionError):
        share(draft, other_reporter)


def test_published_story_has_no_share_link(reviewer, published_article):
    with pytest.raises(workflow.TransitionError, match="already public"):
        share(published_article, reviewer)


def test_share_link_stops_when_tags_change(client, reviewer, in_review, editor):
    """Any save counts as a change, not only the text: here, an editor adds a tag in the admin."""
    from tests.factories import article_form_data

    url = share(in_review, reviewer)
    client.force_login(editor)
    client.post(
        reverse("admin:articles_article_change", args=[in_review.pk]),
        article_form_data(in_review, new_tags="Extra"),
    )
    client.logout()
    assert client.get(url).status_code == 404


def test_share_link_stops_once_scheduled(client, reviewer, second_reviewer, in_review):
    url = share(in_review, reviewer)
    workflow.approve(in_review, second_reviewer, publish_at=timezone.now() + timedelta(days=3))
    assert client.get(url).status_code == 404
