"""The editorial workflow: who may move a story, from which state, and what it leaves behind."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from articles import workflow
from articles.models import Article, ArticleEvent, Byline, Correction
from articles.workflow import TransitionError
from reader import cache as page_cache
from tests import factories

pytestmark = pytest.mark.django_db


def _in(**delta):
    return timezone.now() + timedelta(**delta)


@pytest.fixture
def published(in_review, second_reviewer):
    """A live story, written by the reporter and approved by another reviewer."""
    return workflow.approve(in_review, second_reviewer)


@pytest.fixture
def scheduled(in_review, second_reviewer):
    """A story approved to go live tomorrow."""
    return workflow.approve(in_review, second_reviewer, publish_at=_in(days=1))


def _snapshot(article):
    """What a refused transition must leave untouched."""
    fresh = Article.objects.get(pk=article.pk)
    return (
        fresh.status,
        fresh.publish_at,
        fresh.first_published_at,
        ArticleEvent.objects.count(),
        Correction.objects.count(),
    )


def _scheduled_story(reviewer, at, **fields):
    return workflow.approve(
        factories.make_article(status="in_review", **fields), reviewer, publish_at=at
    )


# Every transition, by every role, from the state it starts in.

# name: (starting state, call, action logged, status after, comment logged)
TRANSITIONS = {
    "submit": (
        "draft",
        lambda a, u: workflow.submit(a, u, comment="Ready for a look."),
        "articles.submit",
        "in_review",
        "Ready for a look.",
    ),
    "approve": (
        "in_review",
        lambda a, u: workflow.approve(a, u, comment="Clean copy."),
        "articles.approve",
        "published",
        "Clean copy.",
    ),
    "request_changes": (
        "in_review",
        lambda a, u: workflow.request_changes(a, u, "Source the second quote."),
        "articles.request_changes",
        "draft",
        "Source the second quote.",
    ),
    "unpublish": (
        "published",
        lambda a, u: workflow.unpublish(a, u, "Legal asked us to."),
        "articles.unpublish",
        "draft",
        "Legal asked us to.",
    ),
    "publish_correction": (
        "published",
        lambda a, u: workflow.publish_correction(a, u, "It launched on Tuesday.", "correction"),
        "articles.publish_correction",
        "published",
        "It launched on Tuesday.",
    ),
    "reschedule": (
        "scheduled",
        lambda a, u: workflow.reschedule(a, u, _in(days=2), comment="Embargo moved."),
        "articles.reschedule",
        "published",
        "Embargo moved.",
    ),
    "cancel_schedule": (
        "scheduled",
        lambda a, u: workflow.cancel_schedule(a, u, "Story on hold."),
        "articles.cancel_schedule",
        "draft",
        "Story on hold.",
    ),
}
FROM_STATUS = {
    "draft": "draft",
    "in_review": "in_review",
    "published": "published",
    "scheduled": "published",
}

ROLES = ["reporter", "other_reporter", "editor", "reviewer", "superuser", "reader"]
ALLOWED = {name: {"reviewer", "superuser"} for name in TRANSITIONS}
ALLOWED["submit"] = {"reporter", "editor", "reviewer", "superuser"}

TABLE = [
    pytest.param(
        name,
        role,
        role in ALLOWED[name],
        id=f"{name}-{role}-{'allowed' if role in ALLOWED[name] else 'refused'}",
    )
    for name in TRANSITIONS
    for role in ROLES
]


@pytest.mark.parametrize(("transition", "role", "allowed"), TABLE)
def test_role_table(request, transition, role, allowed):
    """Each role may make exactly the moves its job needs; a refused move changes nothing."""
    start, call, action, to_status, _ = TRANSITIONS[transition]
    article = request.getfixturevalue(start)
    user = request.getfixturevalue(role)
    before = _snapshot(article)
    if not allowed:
        with pytest.raises(TransitionError):
            call(article, user)
        assert _snapshot(article) == before
        return
    call(article, user)
    assert Article.objects.get(pk=article.pk).status == to_status
    assert ArticleEvent.objects.count() == before[3] + 1
    event = ArticleEvent.objects.filter(article=article).first()
    assert (event.actor, event.action) == (user, action)


@pytest.mark.parametrize("transition", list(TRANSITIONS))
def test_each_transition_logs_one_event(request, reviewer, transition):
    """The history shows one line per move: who, what, from, to and why."""
    start, call, action, to_status, comment = TRANSITIONS[transition]
    article = request.getfixturevalue(start)
    count = ArticleEvent.objects.count()
    call(article, reviewer)
    assert ArticleEvent.objects.count() == count + 1
    event = ArticleEvent.objects.filter(article=article).first()
    assert (event.actor, event.action) == (reviewer, action)
    assert (event.from_status, event.to_status) == (FROM_STATUS[start], to_status)
    assert event.comment == comment


def test_scheduling_logs_a_schedule_event(in_review, reviewer):
    """Approving for later is logged as a schedule, with the publish time."""
    moment = _in(days=1)
    workflow.approve(in_review, reviewer, publish_at=moment, comment="Embargoed.")
    event = in_review.events.first()
    assert (event.actor, event.action, event.comment) == (
        reviewer,
        "articles.schedule",
        "Embargoed.",
    )
    assert (event.from_status, event.to_status, event.publish_at) == (
        "in_review",
        "published",
        moment,
    )


def test_correction_is_attached_to_the_story(published, reviewer):
    """A published correction is stored with its kind, text and author; the story stays live."""
    correction = workflow.publish_correction(published, reviewer, "It was Tuesday.", "correction")
    assert list(published.corrections.all()) == [correction]
    assert (correction.kind, correction.text, correction.created_by) == (
        "correction",
        "It was Tuesday.",
        reviewer,
    )
    assert Article.objects.get(pk=published.pk).is_public


# Wrong-state moves.

WRONG_STATE = [
    pytest.param("draft", lambda a, u: workflow.approve(a, u), "in review", id="approve-a-draft"),
    pytest.param(
        "in_review", lambda a, u: workflow.submit(a, u), "Only a draft", id="submit-in-review"
    ),
    pytest.param(
        "draft",
        lambda a, u: workflow.unpublish(a, u, "Why not."),
        "Only a published article",
        id="unpublish-a-draft",
    ),
    pytest.param(
        "published",
        lambda a, u: workflow.approve(a, u),
        "already published",
        id="approve-published",
    ),
    pytest.param(
        "scheduled",
        lambda a, u: workflow.unpublish(a, u, "Why not."),
        "cancel its schedule",
        id="unpublish-scheduled",
    ),
    pytest.param(
        "published",
        lambda a, u: workflow.cancel_schedule(a, u, "Why not."),
        "Only a scheduled article",
        id="cancel-schedule-live",
    ),
    pytest.param(
        "scheduled",
        lambda a, u: workflow.reschedule(a, u, _in(hours=-1)),
        "in the future",
        id="reschedule-to-the-past",
    ),
]


@pytest.mark.parametrize(("start", "call", "message"), WRONG_STATE)
def test_wrong_state_is_refused(request, superuser, start, call, message):
    """A move the story's state does not allow is refused with a message saying why."""
    article = request.getfixturevalue(start)
    before = _snapshot(article)
    with pytest.raises(TransitionError) as refused:
        call(article, superuser)
    assert message in refused.value.message
    assert _snapshot(article) == before


NEEDS_REASON = [
    pytest.param(
        "in_review", workflow.request_changes, "Say what needs to change.", id="request_changes"
    ),
    pytest.param(
        "published", workflow.unpublish, "Say why the article is unpublished.", id="unpublish"
    ),
    pytest.param(
        "scheduled",
        workflow.cancel_schedule,
        "Say why the schedule is cancelled.",
        id="cancel_schedule",
    ),
]


@pytest.mark.parametrize("reason", ["", "  \n\t "], ids=["empty", "whitespace"])
@pytest.mark.parametrize(("start", "transition", "message"), NEEDS_REASON)
def test_reason_is_required(request, reviewer, start, transition, message, reason):
    """Sending back, withdrawing or cancelling asks for a reason and changes nothing without one."""
    article = request.getfixturevalue(start)
    before = _snapshot(article)
    with pytest.raises(TransitionError) as refused:
        transition(article, reviewer, reason)
    assert refused.value.message == message
    assert _snapshot(article) == before


def test_correction_needs_text_and_a_known_kind(published, reviewer):
    """An empty correction, or one of an unknown kind, is refused."""
    before = _snapshot(published)
    with pytest.raises(TransitionError, match="Write the correction"):
        workflow.publish_correction(published, reviewer, "  ", "correction")
    with pytest.raises(TransitionError, match="Choose a kind"):
        workflow.publish_correction(published, reviewer, "It was Tuesday.", "rumour")
    assert _snapshot(published) == before


# Four-eyes rule.


def _save_and_resubmit(article, user, apply):
    """Change the story in review as `user` would, then let its writer submit it again."""
    current = Article.objects.get(pk=article.pk)
    workflow.save_content(current, user, apply, expected_version=current.version)
    workflow.submit(Article.objects.get(pk=article.pk), article.created_by)


def _reviewer_in_byline(article, reviewer, superuser):
    person = factories.make_person(name="Reviewing Writer", user=reviewer)
    desk = factories.make_user("desk-editor", groups=["Editors"], is_staff=True)
    _save_and_resubmit(
        article, desk, lambda story: Byline.objects.create(article=story, person=person)
    )
    return reviewer


def _edit_body(story):
    story.body += "\n\nA paragraph more."
    story.save()


def _reviewer_last_edited(article, reviewer, superuser):
    _save_and_resubmit(article, reviewer, _edit_body)
    return reviewer


def _superuser_last_edited(article, reviewer, superuser):
    _save_and_resubmit(article, superuser, _edit_body)
    return superuser


OWN_WORK = [
    pytest.param(_reviewer_in_byline, id="reviewer-in-byline"),
    pytest.param(_reviewer_last_edited, id="reviewer-last-edited"),
    pytest.param(_superuser_last_edited, id="superuser-last-edited"),
]


@pytest.mark.parametrize("own_work", OWN_WORK)
def test_four_eyes_refuses_own_work(in_review, reviewer, superuser, own_work):
    """Nobody approves a story they wrote or last edited; the approve button is not offered."""
    user = own_work(in_review, reviewer, superuser)
    article = Article.objects.get(pk=in_review.pk)
    before = _snapshot(article)
    assert workflow.breaks_four_eyes(user, article)
    assert "approve" not in workflow.available_actions(user, article)
    with pytest.raises(TransitionError) as refused:
        workflow.approve(article, user)
    assert "four-eyes" in refused.value.message
    assert _snapshot(article) == before


@pytest.mark.parametrize("own_work", OWN_WORK)
def test_four_eyes_can_be_switched_off(settings, in_review, reviewer, superuser, own_work):
    """With NEWSROOM_FOUR_EYES off, a reviewer may approve their own work."""
    settings.NEWSROOM_FOUR_EYES = False
    user = own_work(in_review, reviewer, superuser)
    assert workflow.approve(in_review, user).status == "published"


def test_another_reviewer_can_approve(in_review, reviewer, second_reviewer):
    """When one reviewer edited the story, a second reviewer can approve it."""
    _reviewer_last_edited(in_review, reviewer, None)
    assert workflow.approve(in_review, second_reviewer).status == "published"


# History rows are append-only.


def test_events_cannot_be_changed_or_deleted(in_review):
    """The workflow history cannot be rewritten or erased."""
    event = in_review.events.get()
    event.comment = "Rewritten"
    with pytest.raises(ValidationError):
        event.save()
    with pytest.raises(ValidationError):
        event.delete()
    assert ArticleEvent.objects.get(pk=event.pk).comment == ""


def test_corrections_cannot_be_changed_or_deleted(published, reviewer):
    """A published correction cannot be quietly rewritten or removed."""
    correction = workflow.publish_correction(published, reviewer, "It was Tuesday.", "correction")
    correction.text = "Nothing happened."
    with pytest.raises(ValidationError):
        correction.save()
    with pytest.raises(ValidationError):
        correction.delete()
    assert Correction.objects.get(pk=correction.pk).text == "It was Tuesday."


# Scheduling.


def test_scheduled_story_waits_for_its_time(in_review, reviewer):
    """A story approved for later is approved but not yet visible to readers."""
    article = workflow.approve(in_review, reviewer, publish_at=_in(days=1))
    assert article.status == "published"
    assert article not in Article.objects.published()
    assert article in Article.objects.scheduled()


def test_scheduled_page_appears_at_publish_time(client, in_review, reviewer):
    """Readers get 404 before the publish time and the story after it."""
    moment = _in(days=1)
    article = workflow.approve(in_review, reviewer, publish_at=moment)
    url = article.get_absolute_url()
    assert client.get(url).status_code == 404
    with time_machine.travel(moment + timedelta(minutes=1), tick=False):
        assert client.get(url).status_code == 200


def test_publish_due_logs_each_due_story_once(reviewer):
    """Running publish_due logs one go-live per due story, twice in a row logs nothing new."""
    due = _scheduled_story(reviewer, _in(hours=1))
    later = _scheduled_story(reviewer, _in(days=3))
    with time_machine.travel(_in(hours=2), tick=False):
        assert workflow.publish_due() == [due]
        assert workflow.publish_due() == []
    assert due.events.filter(action="articles.go_live").count() == 1
    assert not later.events.filter(action="articles.go_live").exists()
    assert Article.objects.get(pk=later.pk).went_live_at is None


def test_publish_due_command_names_the_story(reviewer):
    """The cron command says which stories went live."""
    due = _scheduled_story(reviewer, _in(hours=1), headline="Moon landing confirmed")
    out = StringIO()
    with time_machine.travel(_in(hours=2), tick=False):
        call_command("publish_due", stdout=out)
    assert "Moon landing confirmed" in out.getvalue()
    assert "1 scheduled story went live." in out.getvalue()
    assert due.events.filter(action="articles.go_live").count() == 1


# Requests for changes.


def test_change_request_stands_until_resubmitted(in_review, reviewer, reporter):
    """The author sees the reviewer's reason on the draft until they resubmit it."""
    article = workflow.request_changes(in_review, reviewer, "Source the second quote.")
    request = workflow.latest_change_request(article)
    assert (request.actor, request.comment) == (reviewer, "Source the second quote.")
    article = workflow.submit(article, reporter)
    assert workflow.latest_change_request(article) is None


# Unpublishing.


def test_unpublished_story_answers_410(client, published, reviewer):
    """A withdrawn story tells readers it was withdrawn (410 Gone)."""
    url = published.get_absolute_url()
    workflow.unpublish(published, reviewer, "Legal asked us to.")
    response = client.get(url)
    assert response.status_code == 410
    assert "withdrawn" in response.content.decode()


def test_unknown_slug_answers_404(client, published):
    """An address that never held a story is a plain 404."""
    url = published.get_absolute_url().replace(published.slug, "never-existed")
    assert client.get(url).status_code == 404


def test_republished_story_returns_at_same_address(client, published, reporter, reviewer):
    """A withdrawn story resubmitted and approved is back at its old address."""
    url, first = published.get_absolute_url(), published.first_published_at
    article = workflow.unpublish(published, reviewer, "Checking a fact.")
    article = workflow.approve(workflow.submit(article, reporter), reviewer)
    assert article.first_published_at == first
    assert article.get_absolute_url() == url
    assert client.get(url).status_code == 200


def test_withdrawn_story_stays_gone_when_its_comeback_is_cancelled(
    client, published, reporter, reviewer
):
    """A withdrawn story whose scheduled return is cancelled still answers 410 Gone."""
    url = published.get_absolute_url()
    article = workflow.unpublish(published, reviewer, "Checking a fact.")
    article = workflow.submit(article, reporter)
    article = workflow.approve(article, reviewer, publish_at=_in(days=1))
    workflow.cancel_schedule(article, reviewer, "Still checking.")
    assert client.get(url).status_code == 410


def test_story_readers_saw_on_schedule_keeps_its_address(client, in_review, reporter, reviewer):
    """A story readers saw at its scheduled time keeps its address when its return is rescheduled."""
    moment = _in(hours=1)
    article = workflow.approve(in_review, reviewer, publish_at=moment)
    url = article.get_absolute_url()
    with time_machine.travel(moment + timedelta(hours=1), tick=False):
        assert client.get(url).status_code == 200  # live, though publish_due has not run
        article = workflow.unpublish(article, reviewer, "Checking a fact.")
        article = workflow.submit(article, reporter)
        article = workflow.approve(article, reviewer, publish_at=_in(days=1))
        article = workflow.reschedule(article, reviewer, _in(days=3))
    assert article.first_published_at == moment
    assert article.get_absolute_url() == url


# Editing during review.


def test_edit_in_review_sends_story_back(settings, in_review, editor):
    """With re-approval on, editing a story in review sends it back to draft."""
    settings.NEWSROOM_REAPPROVE_ON_EDIT = True
    article = workflow.return_to_draft_after_edit(in_review, editor)
    assert Article.objects.get(pk=in_review.pk).status == "draft"
    event = article.events.first()
    assert (event.action, event.actor, event.from_status) == (
        "articles.edit_in_review",
        editor,
        "in_review",
    )


def test_edit_in_review_keeps_review_when_off(settings, in_review, editor):
    """With re-approval off, editing a story in review leaves it in the queue."""
    settings.NEWSROOM_REAPPROVE_ON_EDIT = False
    count = ArticleEvent.objects.count()
    workflow.return_to_draft_after_edit(in_review, editor)
    assert Article.objects.get(pk=in_review.pk).status == "in_review"
    assert ArticleEvent.objects.count() == count


# Cache purge.


def purges() -> int:
    """How many purges the public site's cache has seen."""
    return cache.get(page_cache.PURGES_KEY) or 0


def test_transition_purges_public_pages_after_commit(
    published_article, reviewer, django_capture_on_commit_callbacks
):
    """Readers' cached pages go stale once a transition commits, not before."""
    before = purges()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.unpublish(published_article, reviewer, "Legal asked us to take it down.")
        assert purges() == before
    assert purges() > before


def test_a_draft_nobody_has_read_purges_nothing(
    draft, reporter, django_capture_on_commit_callbacks
):
    """Submitting a story readers have never seen leaves every cached page alone."""
    before = purges()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(draft, reporter)
    assert purges() == before


def test_refused_transition_keeps_the_cache(draft, reviewer, django_capture_on_commit_callbacks):
    """A refused transition does not throw away readers' cached pages."""
    before = purges()
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(TransitionError),
    ):
        workflow.approve(draft, reviewer)
    assert callbacks == []
    assert purges() == before
