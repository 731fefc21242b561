"""Every way of changing a story saves it the same way: one version, one revision, same refusals."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from articles import copydesk, workflow
from articles.models import Article, ArticleEvent, Revision
from articles.wire import import_wire
from people.models import Person
from tests.factories import article_form_data

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_an_admin_save_bumps_the_version_once_and_records_who(client, editor, draft):
    """Saving the form moves the version by one and stores one revision by the editor."""
    client.force_login(editor)
    before = draft.version
    response = client.post(change_url(draft), article_form_data(draft, body="New body."))
    assert response.status_code == 302
    draft.refresh_from_db()
    newest = draft.revisions.first()
    assert (draft.version, draft.body, draft.last_edited_by) == (before + 1, "New body.", editor)
    assert (newest.version, newest.created_by, newest.content["body"]) == (
        draft.version,
        editor,
        "New body.",
    )


def test_a_form_without_its_version_is_refused(client, editor, draft):
    """A crafted post that leaves out the version gets a clear error and changes nothing."""
    client.force_login(editor)
    data = article_form_data(draft, body="Blind overwrite.")
    del data["loaded_version"]
    response = client.post(change_url(draft), data)
    assert response.status_code == 200
    assert "does not say which version" in response.content.decode()
    draft.refresh_from_db()
    assert draft.body != "Blind overwrite."


def test_a_new_story_gets_version_one_and_its_first_revision(client, reporter, section):
    """Creating a story through the add form stores revision 1 by its writer."""
    client.force_login(reporter)
    response = client.post(
        reverse("admin:articles_article_add"),
        {
            "headline": "Fresh",
            "slug": "fresh",
            "body": "Text.",
            "kind": "news",
            "section": section.pk,
            **{
                f"{prefix}-{n}": "0"
                for prefix in ("bylines", "quotes", "picks")
                for n in ("TOTAL_FORMS", "INITIAL_FORMS")
            },
        },
    )
    assert response.status_code == 302
    article = Article.objects.get(slug="fresh")
    assert (article.version, article.created_by, article.revisions.count()) == (1, reporter, 1)


def test_copy_desk_accept_is_a_versioned_save(editor, draft):
    """Adding a name in one click bumps the version and records a revision like any edit."""
    before, revisions_before = draft.version, draft.revisions.count()
    person = copydesk.accept_suggestion(
        draft, editor, name="Ilsa Varnholt", kind="person", expected_version=draft.version
    )
    draft.refresh_from_db()
    assert person in draft.people_mentioned.all()
    assert draft.version == before + 1
    assert draft.revisions.count() == revisions_before + 1


def test_copy_desk_accept_on_a_stale_page_is_refused(client, editor, draft):
    """A one-click accept from a page older than the story changes nothing and says why."""
    stale_version = draft.version
    draft = workflow.save_article(draft, editor, expected_version=draft.version, body="Moved on.")
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_article_suggestion", args=[draft.pk]),
        {"name": "Ilsa Varnholt", "kind": "person", "version": stale_version},
    )
    assert response.status_code == 302
    assert any("saved this story after you opened it" in m for m in messages_of(response))
    assert not draft.people_mentioned.filter(name="Ilsa Varnholt").exists()
    assert not Person.objects.filter(name="Ilsa Varnholt").exists()


def test_copy_desk_accept_during_review_sends_the_story_back(editor, in_review):
    """The re-review rule holds for every route: a one-click change in review means draft."""
    copydesk.accept_suggestion(
        in_review, editor, name="Ilsa Varnholt", kind="person", expected_version=in_review.version
    )
    in_review.refresh_from_db()
    assert in_review.status == Article.Status.DRAFT
    assert ArticleEvent.objects.filter(article=in_review, action="articles.edit_in_review").exists()


def test_restore_without_a_version_is_refused(client, editor, draft):
    """The restore button's post must say which version it was pressed on."""
    first = draft.revisions.first()
    workflow.save_article(draft, editor, expected_version=draft.version, body="Changed.")
    client.force_login(editor)
    response = client.post(reverse("admin:articles_article_restore", args=[draft.pk, first.number]))
    assert any("does not say which version" in m for m in messages_of(response))
    draft.refresh_from_db()
    assert draft.body == "Changed."


def test_approved_update_is_one_version_by_the_reviewer_credited_to_its_author(
    client, reporter, reviewer, second_reviewer, in_review
):
    """Approving a proposal writes one applied revision; the proposer is the last editor."""
    live = workflow.approve(in_review, reviewer)
    client.force_login(reporter)
    client.post(change_url(live), article_form_data(live, body="Corrected body."))
    proposal = live.proposals.get()
    before = Article.objects.get(pk=live.pk).version
    updated = workflow.approve_update(proposal, second_reviewer)
    assert (updated.body, updated.version, updated.last_edited_by) == (
        "Corrected body.",
        before + 1,
        reporter,
    )
    applied = updated.revisions.first()
    assert (applied.kind, applied.created_by, applied.based_on) == (
        Revision.Kind.APPLIED,
        second_reviewer,
        proposal.revision,
    )


def test_wire_import_saves_through_the_service(editor):
    """An imported draft starts at version 1 with one revision by the importing editor."""
    result = import_wire("Headline of the wire\n\nFirst paragraph of the copy.", user=editor)
    article = result.article
    assert (article.version, article.created_by) == (1, editor)
    assert list(article.revisions.values_list("created_by", flat=True)) == [editor.pk]


def test_search_and_counts_are_refreshed_after_the_commit(
    client, editor, draft, django_capture_on_commit_callbacks
):
    """The copy desk's counts are recomputed once the save commits, not inside the lock."""
    client.force_login(editor)
    data = article_form_data(draft, body='The crowd waited.\n\n"We will be back."')
    data.update(
        {
            "quotes-TOTAL_FORMS": "1",
            "quotes-0-text": "We will be back.",
            "quotes-0-position": "0",
        }
    )
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(change_url(draft), data)
    draft.refresh_from_db()
    assert draft.blocker_count == 0  # not yet: the work waits for the commit
    for callback in callbacks:
        callback()
    draft.refresh_from_db()
    assert draft.blocker_count >= 1


def test_a_browser_posting_the_body_unchanged_is_no_edit(client, editor, in_review):
    """Browsers end a textarea's lines in CR LF: an untouched body is no edit, so the story
    stays in review and its text keeps its LF line ends."""
    assert in_review.body == "The first paragraph.\n\nThe second paragraph."
    client.force_login(editor)
    posted = article_form_data(in_review, body=in_review.body.replace("\n", "\r\n"))
    response = client.post(change_url(in_review), posted)
    assert response.status_code == 302
    in_review.refresh_from_db()
    assert in_review.status == Article.Status.IN_REVIEW
    assert in_review.body == "The first paragraph.\n\nThe second paragraph."
