"""Four eyes that cannot be gamed: who wrote a story is what was recorded when they wrote it."""

import pytest
from django.urls import reverse

from articles import copydesk, workflow
from articles.models import Article
from articles.workflow import TransitionError
from tests import factories
from tests.factories import article_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer_person(reviewer):
    return factories.make_person(name="Ilse Lindqvist", slug="ilse-lindqvist", user=reviewer)


@pytest.fixture
def reviewers_story(reviewer, section):
    """A story the reviewer wrote (for a stringer's byline) and submitted for review."""
    story = factories.make_article(section=section, created_by=reviewer, last_edited_by=reviewer)
    return workflow.submit(story, reviewer)


def test_a_reviewer_cannot_unlink_their_person_record(client, reviewer, reviewer_person):
    """The staff-account link is read-only for reviewers: a crafted post leaves it alone."""
    client.force_login(reviewer)
    url = reverse("admin:people_person_change", args=[reviewer_person.pk])
    page = client.get(url).content.decode()
    assert 'name="user"' not in page
    client.post(
        url,
        {
            "honorific": "",
            "name": reviewer_person.name,
            "slug": reviewer_person.slug,
            "aliases": "",
            "role": "",
            "bio": "",
            "photo_alt": "",
            "user": "",
        },
    )
    reviewer_person.refresh_from_db()
    assert reviewer_person.user == reviewer


def test_unlinking_the_person_later_does_not_make_the_story_someone_elses(
    second_reviewer, reviewer, reviewer_person, section
):
    """The byline recorded when the story was written still counts after the link is gone."""
    story = factories.make_article(section=section, authors=[reviewer_person])
    desk = factories.make_user("desk", groups=["Editors"], is_staff=True)
    story = workflow.save_article(story, desk, expected_version=story.version, body="Edited.")
    story = workflow.submit(story, desk)
    reviewer_person.user = None  # as a superuser might, by mistake
    reviewer_person.save()
    with pytest.raises(TransitionError, match="four-eyes"):
        workflow.approve(Article.objects.get(pk=story.pk), reviewer)
    assert workflow.approve(Article.objects.get(pk=story.pk), second_reviewer).is_public


def test_a_copy_desk_click_does_not_hand_the_story_to_its_writer(
    reviewers_story, reviewer, editor, settings
):
    """An editor's one-click name leaves the writer as a writer: they still may not approve."""
    settings.NEWSROOM_REAPPROVE_ON_EDIT = False  # the click leaves the story in review
    copydesk.accept_suggestion(
        reviewers_story,
        editor,
        name="Ilsa Varnholt",
        kind="person",
        expected_version=reviewers_story.version,
    )
    story = Article.objects.get(pk=reviewers_story.pk)
    assert story.status == Article.Status.IN_REVIEW and story.last_edited_by == editor
    with pytest.raises(TransitionError, match="four-eyes"):
        workflow.approve(story, reviewer)


def test_everyone_who_wrote_since_the_last_approval_counts(in_review, reviewer, editor, settings):
    """A reviewer's edit still counts after an editor edits the story again."""
    settings.NEWSROOM_REAPPROVE_ON_EDIT = False
    story = workflow.save_article(in_review, reviewer, expected_version=in_review.version, body="A")
    story = workflow.save_article(story, editor, expected_version=story.version, body="A, fixed.")
    assert story.last_edited_by == editor
    with pytest.raises(TransitionError, match="four-eyes"):
        workflow.approve(story, reviewer)


def test_a_bylined_reviewer_may_not_approve_an_update_to_the_story(
    client, reporter, reviewer, reviewer_person, second_reviewer, section
):
    """A reviewer in a live story's byline cannot approve someone else's update to it."""
    story = factories.make_article(
        section=section,
        created_by=reporter,
        authors=[reporter.person, reviewer_person],
    )
    story = workflow.approve(workflow.submit(story, reporter), second_reviewer)
    client.force_login(reporter)
    client.post(
        reverse("admin:articles_article_change", args=[story.pk]),
        article_form_data(story, body="A fix from the reporter."),
    )
    proposal = story.proposals.get()
    assert not workflow.can_review_update(reviewer, proposal)
    with pytest.raises(TransitionError, match="four-eyes"):
        workflow.approve_update(proposal, reviewer)
    assert workflow.approve_update(proposal, second_reviewer).body == "A fix from the reporter."
