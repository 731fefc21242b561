"""Locks: a reviewer holds a story, and nobody else saves it or moves it until it is let go."""

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from articles import workflow
from articles.models import Article, ArticleEvent
from articles.workflow import TransitionError
from tests.factories import article_form_data

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def transition_url(article, action):
    return reverse("admin:articles_article_transition", args=[article.pk, action])


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def ilse(reviewer):
    reviewer.first_name, reviewer.last_name = "Ilse", "Lindqvist"
    reviewer.save()
    return reviewer


@pytest.fixture
def locked_draft(draft, ilse):
    """The reporter's draft, locked by Ilse (a reviewer) through the admin."""
    response = logged_in(ilse).post(transition_url(draft, "lock"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.locked_by == ilse
    return draft


def test_a_reviewer_locks_from_the_panel_and_it_is_logged(locked_draft, ilse):
    """The lock is an event in the story's history, and it moves no version."""
    event = locked_draft.events.first()
    assert (event.action, event.actor) == ("articles.lock", ilse)
    assert locked_draft.version == 1
    page = logged_in(ilse).get(change_url(locked_draft)).text
    assert "You locked this story at" in page
    assert "Unlock</button>" in page


def test_an_editors_save_is_refused_and_keeps_the_typing(locked_draft, editor):
    """The editor's save comes back with the lock's message and their text in the form."""
    response = logged_in(editor).post(
        change_url(locked_draft), article_form_data(locked_draft, body="The editor's new text.")
    )
    page = response.text
    assert response.status_code == 200
    assert "Locked by Ilse Lindqvist since" in page
    assert "only they can save it, or unlock it." in page
    assert "The editor&#x27;s new text." in page
    locked_draft.refresh_from_db()
    assert locked_draft.body == "The first paragraph.\n\nThe second paragraph."


def test_the_change_form_tells_others_who_holds_the_lock(locked_draft, editor):
    page = logged_in(editor).get(change_url(locked_draft)).text
    assert "Locked by Ilse Lindqvist since" in page
    assert "Lock</button>" not in page and "Unlock</button>" not in page


def test_the_save_service_refuses_too(locked_draft, editor):
    """Code calling in gets the same refusal as the form."""
    with pytest.raises(TransitionError, match="Locked by Ilse Lindqvist since"):
        workflow.save_article(
            locked_draft, editor, expected_version=locked_draft.version, body="From code."
        )


def test_transitions_are_refused_while_locked(locked_draft, reporter, second_reviewer):
    """Submitting through the admin is refused with the lock's message; nothing moves."""
    response = logged_in(reporter).post(transition_url(locked_draft, "submit"))
    assert any("Locked by Ilse Lindqvist" in text for text in messages_of(response))
    locked_draft.refresh_from_db()
    assert locked_draft.status == Article.Status.DRAFT


def test_a_review_transition_is_refused_while_someone_else_holds_the_lock(
    in_review, ilse, second_reviewer
):
    workflow.lock(in_review, ilse)
    with pytest.raises(TransitionError, match="Locked by Ilse Lindqvist"):
        workflow.request_changes(in_review, second_reviewer, "Tighten it.")
    assert Article.objects.get(pk=in_review.pk).status == Article.Status.IN_REVIEW


def test_the_locker_saves_and_moves_the_story(locked_draft, ilse):
    response = logged_in(ilse).post(
        change_url(locked_draft), article_form_data(locked_draft, body="Ilse's edit.")
    )
    assert response.status_code == 302
    locked_draft.refresh_from_db()
    assert locked_draft.body == "Ilse's edit."
    assert locked_draft.locked_by == ilse  # saving keeps the lock


def test_unlock_lets_others_save_again(locked_draft, ilse, editor):
    response = logged_in(ilse).post(transition_url(locked_draft, "unlock"))
    assert "Unlocked" in " ".join(messages_of(response))
    locked_draft.refresh_from_db()
    assert locked_draft.locked_by is None and locked_draft.locked_at is None
    assert locked_draft.events.first().action == "articles.unlock"
    saved = logged_in(editor).post(
        change_url(locked_draft), article_form_data(locked_draft, body="Now it saves.")
    )
    assert saved.status_code == 302


def test_a_superuser_breaks_a_lock_with_a_reason(locked_draft, superuser):
    """The reason is required, and logged with the event."""
    client = logged_in(superuser)
    assert "Break lock</button>" in client.get(change_url(locked_draft)).text
    client.post(transition_url(locked_draft, "break_lock"), {"comment": "  "})
    locked_draft.refresh_from_db()
    assert locked_draft.locked_by is not None
    client.post(transition_url(locked_draft, "break_lock"), {"comment": "Ilse is on leave."})
    locked_draft.refresh_from_db()
    assert locked_draft.locked_by is None
    event = ArticleEvent.objects.filter(article=locked_draft).first()
    assert (event.action, event.actor, event.comment) == (
        "articles.lock_break",
        superuser,
        "Ilse is on leave.",
    )


def test_a_reviewer_cannot_break_or_unlock_another_reviewers_lock(locked_draft, second_reviewer):
    client = logged_in(second_reviewer)
    page = client.get(change_url(locked_draft)).text
    assert "Break lock</button>" not in page
    for action in ("break_lock", "unlock", "lock"):
        response = client.post(transition_url(locked_draft, action), {"comment": "Mine now."})
        assert any(
            "Ilse Lindqvist" in text or "superuser" in text for text in messages_of(response)
        )
    locked_draft.refresh_from_db()
    assert locked_draft.locked_by.username == "reviewer"
    assert not locked_draft.events.filter(action="articles.lock_break").exists()


def test_a_reporter_cannot_lock(draft, reporter):
    client = logged_in(reporter)
    assert "Lock</button>" not in client.get(change_url(draft)).text
    response = client.post(transition_url(draft, "lock"))
    assert "Only reviewers can lock a story." in messages_of(response)
    draft.refresh_from_db()
    assert draft.locked_by is None


def test_the_list_marks_locked_stories(locked_draft, editor):
    page = logged_in(editor).get(reverse("admin:articles_article_changelist")).text
    assert "🔒 Ilse Lindqvist" in page
