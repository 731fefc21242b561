"""The workflow in the editors' admin: the right buttons, and refusals that change nothing."""

import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article, ArticleEvent
from tests import factories
from tests.factories import article_form_data as form_data

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def transition_url(article, action):
    return reverse("admin:articles_article_transition", args=[article.pk, action])


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_reporter_sees_submit_button_on_own_draft(client, reporter, draft):
    """A reporter's own draft offers "Submit for review" and nothing a reviewer does."""
    client.force_login(reporter)
    page = client.get(change_url(draft)).content.decode()
    assert "Submit for review" in page
    assert "Approve and publish" not in page


def test_reviewer_sees_review_buttons(client, reviewer, in_review):
    client.force_login(reviewer)
    page = client.get(change_url(in_review)).content.decode()
    for label in ("Approve and publish", "Schedule…", "Request changes…"):
        assert label in page
    assert "Submit for review" not in page


def test_author_reviewer_is_told_about_four_eyes(client, reviewer, in_review, settings):
    """A reviewer who edited the story during review sees why they cannot approve it."""
    settings.NEWSROOM_REAPPROVE_ON_EDIT = False  # the edit leaves the story in the queue
    workflow.save_article(in_review, reviewer, expected_version=in_review.version, body="Mine.")
    client.force_login(reviewer)
    page = client.get(change_url(in_review)).content.decode()
    assert "Approve and publish" not in page
    assert "another reviewer must approve it" in page


def test_reviewer_approves_from_the_change_form(client, reviewer, in_review):
    client.force_login(reviewer)
    response = client.post(transition_url(in_review, "approve"), {"comment": "Fine"})
    assert response.status_code == 302
    assert "Approved and published." in messages_of(response)
    in_review.refresh_from_db()
    assert in_review.is_public


def test_reviewer_schedules_from_the_change_form(client, reviewer, in_review):
    client.force_login(reviewer)
    year = timezone.now().year + 1
    response = client.post(
        transition_url(in_review, "schedule"), {"publish_at": f"{year}-01-02T09:30"}
    )
    assert any(
        message.startswith(f"Scheduled for 02 Jan {year}") for message in messages_of(response)
    )
    in_review.refresh_from_db()
    assert in_review.is_scheduled
    page = client.get(change_url(in_review)).content.decode()
    assert f"Scheduled for 02 Jan {year} 09:30" in page


@pytest.mark.parametrize("moment", ["9999-12-31T23:59", "2200-01-01T00:00"])
def test_absurdly_distant_schedules_are_refused(client, reviewer, in_review, moment):
    client.force_login(reviewer)
    response = client.post(transition_url(in_review, "schedule"), {"publish_at": moment})
    assert any("within the next 10 years" in message for message in messages_of(response))
    in_review.refresh_from_db()
    assert in_review.status == "in_review"


def test_schedule_with_a_malformed_time_changes_nothing(client, reviewer, in_review):
    client.force_login(reviewer)
    response = client.post(transition_url(in_review, "schedule"), {"publish_at": "next tuesday"})
    assert any("Check the form" in message for message in messages_of(response))
    in_review.refresh_from_db()
    assert in_review.status == "in_review"


@pytest.mark.parametrize("action", ["approve", "schedule", "request_changes", "unpublish"])
def test_crafted_transition_post_by_a_reporter_is_refused(client, reporter, in_review, action):
    """A reporter posting straight to a reviewer's action gets an error and nothing changes."""
    client.force_login(reporter)
    response = client.post(
        transition_url(in_review, action), {"comment": "x", "publish_at": "2099-01-01T10:00"}
    )
    assert response.status_code == 302
    assert messages_of(response), "the refusal is explained"
    in_review.refresh_from_db()
    assert in_review.status == "in_review"
    assert (
        not ArticleEvent.objects.filter(article=in_review)
        .exclude(action="articles.submit")
        .exists()
    )


def test_request_changes_needs_a_reason(client, reviewer, in_review):
    client.force_login(reviewer)
    response = client.post(transition_url(in_review, "request_changes"), {"comment": "  "})
    assert "Say what needs to change." in messages_of(response)
    in_review.refresh_from_db()
    assert in_review.status == "in_review"


def test_changes_requested_reason_is_shown_to_the_author(client, reviewer, reporter, in_review):
    workflow.request_changes(in_review, reviewer, "Attribute the second quote.")
    client.force_login(reporter)
    page = client.get(change_url(in_review)).content.decode()
    assert "Changes requested" in page
    assert "Attribute the second quote." in page


def test_transition_urls_refuse_get(client, reviewer, in_review):
    client.force_login(reviewer)
    assert client.get(transition_url(in_review, "approve")).status_code == 405


def test_crafted_status_in_change_form_is_ignored(client, reporter, draft):
    """Posting status=published with the change form edits the text but never the status."""
    client.force_login(reporter)
    response = client.post(
        change_url(draft), form_data(draft, headline="New headline", status="published")
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.headline == "New headline"
    assert draft.status == "draft"


def test_reporter_cannot_see_or_edit_someone_elses_draft(client, other_reporter, draft):
    client.force_login(other_reporter)
    changelist = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert draft.headline not in changelist
    client.post(change_url(draft), form_data(draft, headline="Hijacked"))
    draft.refresh_from_db()
    assert draft.headline != "Hijacked"


def test_reporter_cannot_edit_own_story_in_review(client, reporter, in_review):
    client.force_login(reporter)
    response = client.post(change_url(in_review), form_data(in_review, headline="Sneaky change"))
    assert response.status_code == 403
    in_review.refresh_from_db()
    assert in_review.headline != "Sneaky change"


def test_editing_a_story_in_review_sends_it_back_to_draft(client, editor, in_review):
    """What gets approved is what was reviewed: an edit during review needs a new submission."""
    client.force_login(editor)
    response = client.post(change_url(in_review), form_data(in_review, body="A rewritten body."))
    assert response.status_code == 302
    assert any("back in draft" in message for message in messages_of(response))
    in_review.refresh_from_db()
    assert in_review.status == "draft"
    assert in_review.events.first().action == "articles.edit_in_review"


def test_bulk_submit_reports_each_article(client, editor, section, reporter):
    drafts = [factories.make_article(section=section, created_by=reporter) for _ in range(2)]
    published = factories.make_article(status="published", section=section)
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "submit_selected", "_selected_action": [a.pk for a in [*drafts, published]]},
        follow=True,
    )
    texts = messages_of(response) or [str(m) for m in response.context["messages"]]
    assert sum(text.endswith(": submitted for review.") for text in texts) == 2
    assert any("Only a draft can be submitted" in text for text in texts)
    assert Article.objects.filter(status="in_review").count() == 2


def test_bulk_approve_is_not_offered_to_editors(client, editor, in_review):
    """An editor cannot run "approve selected", even by crafting the POST."""
    client.force_login(editor)
    changelist = reverse("admin:articles_article_changelist")
    assert "approve_selected" not in client.get(changelist).content.decode()
    client.post(changelist, {"action": "approve_selected", "_selected_action": [in_review.pk]})
    in_review.refresh_from_db()
    assert in_review.status == "in_review"


def test_bulk_approve_goes_through_the_workflow(client, reviewer, in_review, section):
    own = factories.make_article(section=section, created_by=reviewer, last_edited_by=reviewer)
    workflow.submit(own, reviewer)
    client.force_login(reviewer)
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "approve_selected", "_selected_action": [in_review.pk, own.pk]},
        follow=True,
    )
    texts = [str(m) for m in response.context["messages"]]
    assert any("approved and published" in text for text in texts)
    assert any("four-eyes" in text for text in texts)
    in_review.refresh_from_db()
    own.refresh_from_db()
    assert in_review.status == "published" and own.status == "in_review"


def test_published_story_cannot_be_deleted(client, superuser, published_article, draft):
    """Published stories are unpublished, never deleted; drafts can go."""
    client.force_login(superuser)
    delete_url = reverse("admin:articles_article_delete", args=[published_article.pk])
    assert client.post(delete_url, {"post": "yes"}).status_code == 403
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "delete_drafts", "_selected_action": [published_article.pk, draft.pk]},
        follow=True,
    )
    texts = [str(m) for m in response.context["messages"]]
    assert any("never deleted" in text for text in texts)
    assert Article.objects.filter(pk=published_article.pk).exists()
    assert not Article.objects.filter(pk=draft.pk).exists()


def test_review_queue_lists_stories_in_review_oldest_first(client, reviewer, reporter, section):
    older = factories.make_article(section=section, created_by=reporter, headline="Older story")
    newer = factories.make_article(section=section, created_by=reporter, headline="Newer story")
    workflow.submit(older, reporter)
    workflow.submit(newer, reporter)
    factories.make_article(section=section, headline="Just a draft")
    client.force_login(reviewer)
    page = client.get(reverse("admin:articles_reviewqueue_changelist")).content.decode()
    assert page.index("Older story") < page.index("Newer story")
    assert "Just a draft" not in page


def test_review_queue_query_ceiling(
    client, reviewer, reporter, section, django_assert_max_num_queries
):
    for _ in range(15):
        article = factories.make_article(
            section=section, created_by=reporter, authors=[factories.make_person()]
        )
        workflow.submit(article, reporter)
    client.force_login(reviewer)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("admin:articles_reviewqueue_changelist")).status_code == 200


def test_history_is_shown_on_the_change_form(client, reviewer, in_review):
    client.force_login(reviewer)
    page = client.get(change_url(in_review)).content.decode()
    assert re.search(r"Submitted for review by reporter", page)
