"""Notifications: who is told of what, in the admin inbox and by email, after commit."""

import logging
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from desk.comments import add_comment
from notices.models import Kind, Notice, NoticePreference, SectionReviewer
from notices.tasks import notify_overdue
from planning.models import Assignment
from tests import factories

pytestmark = pytest.mark.django_db

INBOX = "admin:notices_notice_changelist"


def addressed(*users):
    """Give the users email addresses (the fixtures' accounts have none)."""
    for user in users:
        user.email = f"{user.username}@newsroom.example"
        user.save(update_fields=["email"])
    return users


def told(kind):
    """Return the usernames given a notice of `kind`, sorted."""
    return sorted(Notice.objects.filter(kind=kind).values_list("recipient__username", flat=True))


def mailed():
    return sorted(address for message in mail.outbox for address in message.to)


@pytest.fixture
def story(reporter, section):
    """A draft under the reporter's byline, last edited by the reporter."""
    return factories.make_article(
        status="draft",
        section=section,
        authors=[reporter.person],
        created_by=reporter,
        last_edited_by=reporter,
    )


@pytest.fixture
def reviewed(story, reporter, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(story, reporter)
    Notice.objects.all().delete()
    mail.outbox.clear()
    return story


def test_a_submission_tells_every_reviewer_after_commit(
    story, reporter, reviewer, second_reviewer, editor, django_capture_on_commit_callbacks
):
    """Submitting tells each reviewer, in the inbox and by email, and only once it commits."""
    addressed(reporter, reviewer, second_reviewer)
    with django_capture_on_commit_callbacks() as callbacks:
        workflow.submit(story, reporter)
        assert not Notice.objects.exists() and not mail.outbox
    for callback in callbacks:
        callback()
    assert told(Kind.SUBMITTED) == ["reviewer", "reviewer2"]
    assert mailed() == ["reviewer2@newsroom.example", "reviewer@newsroom.example"]
    assert story.headline in mail.outbox[0].body


def test_a_submission_tells_only_the_sections_reviewers_when_named(
    story, reporter, reviewer, second_reviewer, section, django_capture_on_commit_callbacks
):
    """With reviewers named for the section, only they are told."""
    SectionReviewer.objects.create(section=section, reviewer=second_reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(story, reporter)
    assert told(Kind.SUBMITTED) == ["reviewer2"]


@pytest.mark.parametrize(
    ("kind", "act"),
    [
        (Kind.CHANGES_REQUESTED, lambda a, u: workflow.request_changes(a, u, "Source it.")),
        (Kind.APPROVED, lambda a, u: workflow.approve(a, u)),
        (
            Kind.SCHEDULED,
            lambda a, u: workflow.approve(a, u, publish_at=timezone.now() + timedelta(days=1)),
        ),
    ],
)
def test_a_review_decision_tells_the_authors_and_last_editor(
    kind, act, reviewed, reporter, editor, reviewer, django_capture_on_commit_callbacks
):
    """The byline's accounts and the last editor hear of it; the reviewer who acted does not."""
    reviewed.last_edited_by = editor
    reviewed.save(update_fields=["last_edited_by"])
    addressed(reporter, editor, reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        act(reviewed, reviewer)
    assert told(kind) == ["editor", "reporter"]
    assert mailed() == ["editor@newsroom.example", "reporter@newsroom.example"]


def test_going_live_unpublishing_and_a_correction_tell_the_author(
    reporter, reviewer, section, django_capture_on_commit_callbacks
):
    """A scheduled story going live, its correction and its unpublishing each tell its author."""
    story = factories.make_article(status="in_review", section=section, authors=[reporter.person])
    soon = timezone.now() + timedelta(minutes=5)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.approve(story, reviewer, publish_at=soon)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish_due(now=soon + timedelta(minutes=1))
    assert told(Kind.PUBLISHED) == ["reporter"]
    story = factories.make_article(status="published", section=section, authors=[reporter.person])
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish_correction(story, reviewer, "It launched on Tuesday.", "correction")
    assert told(Kind.CORRECTED) == ["reporter"]
    assert "It launched on Tuesday." in Notice.objects.get(kind=Kind.CORRECTED).text
    with django_capture_on_commit_callbacks(execute=True):
        workflow.unpublish(story, reviewer, "Legal hold.")
    assert told(Kind.UNPUBLISHED) == ["reporter"]


def test_a_rolled_back_transition_tells_nobody(reviewed, reviewer):
    """Without a commit (the test's transaction), nothing is stored or sent."""
    workflow.approve(reviewed, reviewer)
    assert not Notice.objects.exists() and not mail.outbox


def test_each_kind_can_be_turned_off(
    reviewed, reporter, reviewer, django_capture_on_commit_callbacks
):
    """No email when email is off; no inbox entry when the inbox is off; other kinds still come."""
    addressed(reporter)
    NoticePreference.objects.create(user=reporter, kind=Kind.APPROVED, email=False, inbox=True)
    NoticePreference.objects.create(user=reporter, kind=Kind.CORRECTED, email=True, inbox=False)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.approve(reviewed, reviewer)
    assert [n.kind for n in Notice.objects.inbox_of(reporter)] == [Kind.APPROVED]
    assert not mail.outbox
    reviewed.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish_correction(reviewed, reviewer, "A date was wrong.", "correction")
    assert [n.kind for n in Notice.objects.inbox_of(reporter)] == [Kind.APPROVED]
    assert mailed() == ["reporter@newsroom.example"]


class BrokenBackend:
    """An email backend whose server is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP server down")


def test_a_failing_mail_server_never_breaks_a_transition_and_is_retried(
    settings, reviewed, reporter, reviewer, caplog, django_capture_on_commit_callbacks
):
    """The story is approved; the worker keeps the inbox entry, logs the failed email and
    queues it again after a back-off, gives up after the last attempt, and a later run mails
    it once."""
    from django_tasks_db.models import DBTaskResult

    from articles.background import ATTEMPTS
    from notices.tasks import notify_transition

    addressed(reporter)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "tests.test_notices.BrokenBackend"
    with django_capture_on_commit_callbacks(execute=True):
        workflow.approve(reviewed, reviewer)
    reviewed.refresh_from_db()
    assert reviewed.status == "published"
    event_id = reviewed.events.get(action="articles.approve").pk
    queued = DBTaskResult.objects.filter(task_path="notices.tasks.notify_transition")
    assert queued.count() == 1  # queued for the worker, not run in the request

    with caplog.at_level(logging.WARNING):
        notify_transition.call(event_id)
    notice = Notice.objects.get(recipient=reporter)
    assert notice.emailed_at is None and "failed (attempt 1); retrying" in caplog.text
    retry = queued.latest("enqueued_at")
    assert retry.args_kwargs == {"args": [event_id], "kwargs": {"attempt": 2}}
    assert retry.run_after > timezone.now()

    with caplog.at_level(logging.WARNING):
        notify_transition.call(event_id, attempt=ATTEMPTS)
    assert f"failed {ATTEMPTS} times; giving up" in caplog.text

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    notify_transition.call(event_id, attempt=2)
    notify_transition.call(event_id, attempt=3)
    assert Notice.objects.count() == 1 and mailed() == ["reporter@newsroom.example"]


def test_a_retry_does_not_tell_twice(
    reviewed, reporter, reviewer, django_capture_on_commit_callbacks
):
    """Running a delivery again stores and emails nothing more."""
    from notices.tasks import notify_transition

    addressed(reporter)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.approve(reviewed, reviewer)
    notify_transition.call(reviewed.events.get(action="articles.approve").pk)
    assert Notice.objects.count() == 1 and len(mail.outbox) == 1


def test_a_mention_tells_the_colleague_mentioned(
    story, reporter, editor, django_capture_on_commit_callbacks
):
    """@editor in a comment puts a notice in the editor's inbox and mails them."""
    addressed(editor)
    with django_capture_on_commit_callbacks(execute=True):
        add_comment(story, reporter, body="@editor can you check the quote?")
    assert told(Kind.MENTIONED) == ["editor"]
    assert "can you check the quote?" in Notice.objects.get().text
    assert mailed() == ["editor@newsroom.example"]


def make_assignment(section, assignee, editor, **fields):
    fields.setdefault("due_at", timezone.now() + timedelta(hours=6))
    return Assignment.objects.create(
        slug_line="Launch pad fire",
        section=section,
        assignee=assignee,
        editor=editor,
        publish_on=timezone.localdate(),
        created_by=editor,
        **fields,
    )


def test_an_assignment_tells_its_assignee_once(
    section, reporter, editor, django_capture_on_commit_callbacks
):
    """The assignee is told of a new assignment; saving it again tells nobody again."""
    with django_capture_on_commit_callbacks(execute=True):
        assignment = make_assignment(section, reporter, editor)
    assert told(Kind.ASSIGNED) == ["reporter"]
    with django_capture_on_commit_callbacks(execute=True):
        assignment.brief = "More detail."
        assignment.save()
    assert told(Kind.ASSIGNED) == ["reporter"]


def test_an_overdue_assignment_is_told_once(
    section, reporter, editor, django_capture_on_commit_callbacks
):
    """Past due and unfiled: the assignee and the editor are told, once, however often it runs."""
    with django_capture_on_commit_callbacks(execute=True):
        late = make_assignment(
            section, reporter, editor, due_at=timezone.now() - timedelta(hours=1)
        )
        make_assignment(section, reporter, editor)  # not due yet
        make_assignment(
            section,
            reporter,
            editor,
            due_at=timezone.now() - timedelta(hours=1),
            status=Assignment.Status.CANCELLED,
        )
    assert notify_overdue() == 1
    assert notify_overdue() == 0
    assert told(Kind.OVERDUE) == ["editor", "reporter"]
    assert {n.url for n in Notice.objects.filter(kind=Kind.OVERDUE)} == {late.get_absolute_url()}


def test_the_minute_timer_tells_of_overdue_assignments(
    section, reporter, editor, django_capture_on_commit_callbacks
):
    """`publish_due`, run each minute, is what sends the overdue notices."""
    from io import StringIO

    from django.core.management import call_command

    with django_capture_on_commit_callbacks(execute=True):
        make_assignment(section, reporter, editor, due_at=timezone.now() - timedelta(hours=1))
    call_command("publish_due", stdout=StringIO())
    call_command("publish_due", stdout=StringIO())
    assert told(Kind.OVERDUE) == ["editor", "reporter"]


def test_the_inbox_shows_a_reporter_their_notices_and_the_unread_count(
    client, reviewed, reporter, reviewer, django_capture_on_commit_callbacks
):
    """A reporter sees their notice in the admin inbox, the count in the header, and reads it."""
    with django_capture_on_commit_callbacks(execute=True):
        workflow.approve(reviewed, reviewer)
    client.force_login(reporter)
    page = client.get(reverse(INBOX)).content.decode()
    assert f"approved “{reviewed.headline}”" in page
    notice = Notice.objects.get()
    response = client.get(reverse("admin:notices_notice_open", args=[notice.pk]))
    assert response.url == reverse("admin:articles_article_change", args=[reviewed.pk])
    notice.refresh_from_db()
    assert notice.read_at is not None


def test_the_header_tag_counts_unread_notices(rf, reporter):
    """The header link says how many notices are unread, and nothing once all are read."""
    from django.template import Context, Template

    for number in range(3):
        Notice.objects.create(recipient=reporter, kind=Kind.MENTIONED, text="Hi", key=f"k{number}")
    request = rf.get("/")
    request.user = reporter
    template = Template("{% load notices %}{% inbox_link %}")
    assert ">3</span>" in template.render(Context({"request": request}))
    Notice.objects.update(read_at=timezone.now())
    assert "unread" not in template.render(Context({"request": request}))


def test_mark_all_read(client, reporter):
    """ "Mark all read" empties the unread count."""
    Notice.objects.create(recipient=reporter, kind=Kind.MENTIONED, text="Hi", key="k")
    client.force_login(reporter)
    client.post(reverse("admin:notices_notice_read_all"))
    assert not Notice.objects.unread().exists()


def test_nobody_sees_another_users_inbox(client, reporter, other_reporter):
    """Another user's notice is neither listed nor opened, nor marked read."""
    notice = Notice.objects.create(recipient=reporter, kind=Kind.MENTIONED, text="Secret", key="k")
    client.force_login(other_reporter)
    assert "Secret" not in client.get(reverse(INBOX)).content.decode()
    assert client.get(reverse("admin:notices_notice_open", args=[notice.pk])).status_code == 404
    client.post(reverse("admin:notices_notice_read_all"))
    notice.refresh_from_db()
    assert notice.read_at is None


def test_a_reader_has_no_inbox(client, reader):
    """An account without staff access is sent to the admin login."""
    client.force_login(reader)
    assert client.get(reverse(INBOX)).status_code == 302


def test_the_preferences_page_saves_the_users_choice(client, reporter):
    """Unticking "by email" for mentions stores it for this user only."""
    client.force_login(reporter)
    url = reverse("admin:notices_notice_preferences")
    assert "You were mentioned in a comment" in client.get(url).content.decode()
    data = {f"{kind.value}_{channel}": "on" for kind in Kind for channel in ("inbox", "email")}
    del data["mentioned_email"]
    assert client.post(url, data).status_code == 302
    preference = NoticePreference.objects.get(user=reporter, kind=Kind.MENTIONED)
    assert preference.inbox and not preference.email
    assert NoticePreference.objects.filter(email=False).count() == 1
