"""No reviewer approves over a copy-desk blocker without saying why; the reason is logged."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from articles import workflow
from articles.models import Article, ArticleEvent
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def flawed(reporter, section, django_capture_on_commit_callbacks):
    """A story in review with an unattributed quote (a blocker), counted after the commit."""
    article = factories.make_article(
        section=section,
        created_by=reporter,
        body='The crowd thinned out by noon.\n\n"We will be back."',
    )
    factories.make_quote(article, text="We will be back.")
    with django_capture_on_commit_callbacks(execute=True):
        return workflow.submit(article, reporter)


def test_approval_is_refused_while_a_blocker_stands(flawed, reviewer):
    with pytest.raises(workflow.TransitionError, match="blocker"):
        workflow.approve(flawed, reviewer)
    assert Article.objects.get(pk=flawed.pk).status == "in_review"


def test_an_override_reason_is_logged_with_the_approval(flawed, reviewer):
    workflow.approve(flawed, reviewer, override_reason="Crowd chant, speaker unknowable.")
    event = ArticleEvent.objects.get(article=flawed, action="articles.approve")
    assert event.override_reason == "Crowd chant, speaker unknowable."


def test_a_clean_story_needs_no_reason(in_review, reviewer):
    workflow.approve(in_review, reviewer)
    assert (
        ArticleEvent.objects.get(article=in_review, action="articles.approve").override_reason == ""
    )


def test_admin_shows_the_copy_desk_panel_and_override_field(client, flawed, reviewer):
    client.force_login(reviewer)
    page = client.get(reverse("admin:articles_article_change", args=[flawed.pk])).content.decode()
    assert "Copy desk:" in page
    assert "unattributed_quote" in page
    assert "reason to approve anyway" in page


def test_admin_approval_over_a_blocker(client, flawed, reviewer):
    client.force_login(reviewer)
    url = reverse("admin:articles_article_transition", args=[flawed.pk, "approve"])
    refused = client.post(url, {})
    assert any("blocker" in str(m) for m in get_messages(refused.wsgi_request))
    assert Article.objects.get(pk=flawed.pk).status == "in_review"
    client.post(url, {"override_reason": "Crowd chant."})
    assert Article.objects.get(pk=flawed.pk).status == "published"


def test_review_queue_counts_findings(client, flawed, reviewer):
    client.force_login(reviewer)
    page = client.get(reverse("admin:articles_reviewqueue_changelist")).content.decode()
    assert "1 blocker," in page
