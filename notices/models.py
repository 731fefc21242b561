"""What the newsroom tells a colleague: a notice in their admin inbox, perhaps by email too."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class Kind(models.TextChoices):
    SUBMITTED = "submitted", "A story was submitted for review"
    CHANGES_REQUESTED = "changes_requested", "Changes were requested on your story"
    APPROVED = "approved", "Your story was approved"
    SCHEDULED = "scheduled", "Your story was scheduled"
    PUBLISHED = "published", "Your story went live"
    UNPUBLISHED = "unpublished", "Your story was unpublished"
    CORRECTED = "corrected", "A correction was published on your story"
    MENTIONED = "mentioned", "You were mentioned in a comment"
    ASSIGNED = "assigned", "You were given an assignment"
    OVERDUE = "overdue", "An assignment passed its due time unfiled"


class NoticeQuerySet(models.QuerySet):
    def inbox_of(self, user):
        """Return the notices `user` sees in their inbox, newest first."""
        return self.filter(recipient=user, in_inbox=True).order_by("-created_at", "-id")

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notice(models.Model):
    """One thing one colleague is told. Written once per recipient and event (`key`), whatever
    their preferences say, so that a retried or repeated delivery never tells them twice."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="recipient",
        on_delete=models.CASCADE,
        related_name="notices",
    )
    kind = models.CharField("kind", max_length=30, choices=Kind.choices)
    article = models.ForeignKey(
        "articles.Article",
        verbose_name="story",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    text = models.CharField("notice", max_length=500)
    url = models.CharField("link", max_length=500, blank=True)
    key = models.CharField(
        "event", max_length=100, help_text="What it is about, e.g. articles.event:12."
    )
    in_inbox = models.BooleanField("in the inbox", default=True)
    by_email = models.BooleanField("to be emailed", default=True)
    emailed_at = models.DateTimeField("emailed", null=True, blank=True)
    created_at = models.DateTimeField("created", auto_now_add=True, db_index=True)
    read_at = models.DateTimeField("read", null=True, blank=True)

    objects = NoticeQuerySet.as_manager()

    class Meta:
        verbose_name = "notice"
        verbose_name_plural = "inbox"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="notice_once_per_event"),
        ]
        indexes = [
            models.Index(
                fields=["recipient", "-created_at"],
                condition=Q(in_inbox=True),
                name="notice_inbox",
            ),
        ]

    def __str__(self):
        return self.text


class NoticePreference(models.Model):
    """A colleague's choice for one kind of notice; with no row, both are on."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="user",
        on_delete=models.CASCADE,
        related_name="notice_preferences",
    )
    kind = models.CharField("kind", max_length=30, choices=Kind.choices)
    email = models.BooleanField("by email", default=True)
    inbox = models.BooleanField("in the inbox", default=True)

    class Meta:
        verbose_name = "notification preference"
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind"),
        ]

    def __str__(self):
        return f"{self.user}: {self.get_kind_display()}"


class SectionReviewer(models.Model):
    """A reviewer told of every story submitted in a section (with none, every reviewer is)."""

    section = models.ForeignKey(
        "articles.Section",
        verbose_name="section",
        on_delete=models.CASCADE,
        related_name="+",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="reviewer",
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to={"is_staff": True, "is_active": True, "groups__name": "Reviewers"},
    )

    class Meta:
        verbose_name = "section reviewer"
        constraints = [
            models.UniqueConstraint(
                fields=["section", "reviewer"], name="one_reviewer_per_section"
            ),
        ]

    def __str__(self):
        return f"{self.reviewer} reviews {self.section}"
