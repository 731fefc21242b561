"""Who is told what: the notices an event makes, stored once, then emailed.

Each builder returns a `Message` (or None when there is nobody to tell). `record` writes one
notice per recipient and event, whatever the recipient's preferences say (they decide whether
it shows in the inbox and whether it is emailed), so running a delivery twice tells nobody
twice. `send_emails` mails the notices of an event not yet emailed, marking each as it goes:
a retry after a failure mails only the rest.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import CharField, Exists, OuterRef, Value
from django.db.models.functions import Cast, Concat
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ArticleEvent
from articles.roles import REVIEWERS
from articles.workflow.steps import display_name
from desk.models import Comment
from notices.models import Kind, Notice, NoticePreference, SectionReviewer
from planning.models import Assignment

# The workflow's logged actions that tell somebody, and the kind of notice each makes.
TRANSITIONS = {
    "articles.submit": Kind.SUBMITTED,
    "articles.request_changes": Kind.CHANGES_REQUESTED,
    "articles.approve": Kind.APPROVED,
    "articles.schedule": Kind.SCHEDULED,
    "articles.go_live": Kind.PUBLISHED,
    "articles.embargo_ended": Kind.PUBLISHED,
    "articles.unpublish": Kind.UNPUBLISHED,
    "articles.publish_correction": Kind.CORRECTED,
}

_SAID = {
    Kind.SUBMITTED: "{actor} submitted “{headline}” for review.",
    Kind.CHANGES_REQUESTED: "{actor} asked for changes to “{headline}”: {comment}",
    Kind.APPROVED: "{actor} approved “{headline}”.",
    Kind.SCHEDULED: "{actor} scheduled “{headline}” for {when}.",
    Kind.PUBLISHED: "“{headline}” is live.",
    Kind.UNPUBLISHED: "{actor} unpublished “{headline}”: {comment}",
    Kind.CORRECTED: "{actor} published a correction to “{headline}”: {comment}",
}


@dataclass
class Message:
    kind: str
    key: str
    text: str
    url: str
    recipients: list = field(default_factory=list)
    article: Article | None = None


def _active(users, *, besides=None) -> list:
    """Keep the active accounts, once each, leaving out `besides` (who needs no telling)."""
    seen, kept = set(), []
    for user in users:
        if user is None or not user.is_active or user.pk in seen:
            continue
        if besides is not None and user.pk == besides.pk:
            continue
        seen.add(user.pk)
        kept.append(user)
    return kept


def story_people(article: Article) -> list:
    """Return the accounts behind the story's byline, then its last editor."""
    User = get_user_model()
    authors = User.objects.filter(person__bylines__article=article).order_by(
        "person__bylines__position"
    )
    return [*authors, article.last_edited_by]


def reviewers_of(article: Article) -> list:
    """Return the reviewers named for the story's section, or every reviewer when none are."""
    User = get_user_model()
    named = User.objects.filter(
        pk__in=SectionReviewer.objects.filter(section=article.section_id).values("reviewer")
    )
    if article.section_id is not None and named.exists():
        return list(named.order_by("pk"))
    return list(User.objects.filter(groups__name=REVIEWERS).order_by("pk"))


def for_transition(event_id: int) -> Message | None:
    """Return what the logged transition `event_id` tells, and to whom."""
    event = (
        ArticleEvent.objects.select_related("article__last_edited_by", "actor")
        .filter(pk=event_id)
        .first()
    )
    if event is None or event.action not in TRANSITIONS:
        return None
    kind = TRANSITIONS[event.action]
    article = event.article
    wanted = reviewers_of(article) if kind == Kind.SUBMITTED else story_people(article)
    when = timezone.localtime(event.publish_at) if event.publish_at else None
    text = _SAID[kind].format(
        actor=display_name(event.actor) if event.actor else "The newsroom",
        headline=article.headline,
        comment=event.comment,
        when=f"{when:%d %b %Y %H:%M}" if when else "later",
    )
    return Message(
        kind=kind,
        key=f"articles.event:{event.pk}",
        text=text,
        url=reverse("admin:articles_article_change", args=[article.pk]),
        recipients=_active(wanted, besides=event.actor),
        article=article,
    )


def for_mention(comment_id: int, user_ids: list[int]) -> Message | None:
    """Return the notice of a comment to the colleagues it mentions."""
    comment = Comment.objects.select_related("article", "author").filter(pk=comment_id).first()
    if comment is None:
        return None
    mentioned = get_user_model().objects.filter(pk__in=user_ids).order_by("pk")
    who = display_name(comment.author) if comment.author else "Someone"
    return Message(
        kind=Kind.MENTIONED,
        key=f"desk.comment:{comment.pk}",
        text=f"{who} mentioned you on “{comment.article.headline}”: {comment.body[:300]}",
        url=reverse("admin:articles_article_change", args=[comment.article_id]),
        recipients=_active(mentioned, besides=comment.author),
        article=comment.article,
    )


def for_assignment(assignment_id: int) -> Message | None:
    """Return the notice of an assignment to its assignee (not when they gave it themselves)."""
    assignment = (
        Assignment.objects.select_related("assignee", "created_by", "editor")
        .filter(pk=assignment_id)
        .exclude(status__in=[Assignment.Status.CANCELLED, Assignment.Status.FILED])
        .first()
    )
    if assignment is None:
        return None
    due = timezone.localtime(assignment.due_at)
    giver = assignment.created_by or assignment.editor
    return Message(
        kind=Kind.ASSIGNED,
        key=f"planning.assignment:{assignment.pk}",
        text=f"{display_name(giver)} assigned you “{assignment.slug_line}”, due {due:%d %b %H:%M}.",
        url=assignment.get_absolute_url(),
        recipients=_active([assignment.assignee], besides=giver),
    )


def overdue_key(assignment_id) -> str:
    return f"planning.overdue:{assignment_id}"


def overdue_assignments(now):
    """Return the open assignments past their due time whose overdue notice is not yet out."""
    told = Notice.objects.filter(
        key=Concat(Value("planning.overdue:"), Cast(OuterRef("pk"), CharField()))
    )
    return Assignment.objects.open().filter(due_at__lt=now).exclude(Exists(told)).order_by("pk")


def for_overdue(assignment_id: int) -> Message | None:
    """Return the notice of an assignment past its due time, to its assignee and its editor."""
    assignment = (
        Assignment.objects.open()
        .select_related("assignee", "editor")
        .filter(pk=assignment_id, due_at__lt=timezone.now())
        .first()
    )
    if assignment is None:
        return None  # filed or cancelled since
    due = timezone.localtime(assignment.due_at)
    return Message(
        kind=Kind.OVERDUE,
        key=overdue_key(assignment.pk),
        text=f"“{assignment.slug_line}” was due {due:%d %b %H:%M} and is not filed.",
        url=assignment.get_absolute_url(),
        recipients=_active([assignment.assignee, assignment.editor]),
    )


def record(message: Message) -> None:
    """Store the message's notices, one per recipient, as each recipient's preferences say;
    one already stored is left alone."""
    preferences = {
        preference.user_id: preference
        for preference in NoticePreference.objects.filter(
            user__in=[user.pk for user in message.recipients], kind=message.kind
        )
    }
    notices = []
    for user in message.recipients:
        preference = preferences.get(user.pk)
        notices.append(
            Notice(
                recipient=user,
                kind=message.kind,
                article=message.article,
                text=message.text[:500],
                url=message.url,
                key=message.key,
                in_inbox=preference.inbox if preference else True,
                by_email=(preference.email if preference else True) and bool(user.email),
            )
        )
    Notice.objects.bulk_create(notices, ignore_conflicts=True)


def send_emails(key: str) -> int:
    """Email every notice of event `key` still to be emailed; return how many went."""
    pending = Notice.objects.filter(key=key, by_email=True, emailed_at=None).select_related(
        "recipient"
    )
    site = getattr(settings, "NEWSROOM_SITE_URL", "").rstrip("/")
    sent = 0
    for notice in pending.order_by("pk"):
        link = f"\n\n{site}{notice.url}" if notice.url else ""
        send_mail(
            subject=f"[Newsroom] {notice.get_kind_display()}",
            message=f"{notice.text}{link}\n\nChoose what you are told: {site}"
            f"{reverse('admin:notices_notice_preferences')}",
            from_email=None,
            recipient_list=[notice.recipient.email],
        )
        Notice.objects.filter(pk=notice.pk).update(emailed_at=timezone.now())
        sent += 1
    return sent


def deliver(message: Message | None) -> None:
    """Store the message's notices, then email those its recipients want emailed."""
    if message is None or not message.recipients:
        return
    record(message)
    send_emails(message.key)
