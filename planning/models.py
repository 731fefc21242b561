"""Planned coverage: who writes what, for which section and slot, by when."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Q, Value, When
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Section


class AssignmentQuerySet(models.QuerySet):
    def with_progress(self):
        """Annotate `progress`: the stored status, except that an assignment whose story was
        submitted (in review or published) reads as filed, and one whose story exists reads as
        in progress. The story's state is read here, so the workflow never has to know about
        planning."""
        return self.annotate(
            progress=Case(
                When(status=Assignment.Status.CANCELLED, then=Value(Assignment.Status.CANCELLED)),
                When(
                    article__status__in=[Article.Status.IN_REVIEW, Article.Status.PUBLISHED],
                    then=Value(Assignment.Status.FILED),
                ),
                When(
                    article__isnull=False,
                    status__in=[Assignment.Status.PITCHED, Assignment.Status.ASSIGNED],
                    then=Value(Assignment.Status.IN_PROGRESS),
                ),
                default="status",
                output_field=models.CharField(),
            )
        )

    def open(self):
        """Return the assignments still to be delivered (not filed, not cancelled)."""
        return self.with_progress().exclude(
            progress__in=[Assignment.Status.FILED, Assignment.Status.CANCELLED]
        )


class Assignment(models.Model):
    class Status(models.TextChoices):
        PITCHED = "pitched", "Pitched"
        ASSIGNED = "assigned", "Assigned"
        IN_PROGRESS = "in_progress", "In progress"
        FILED = "filed", "Filed"
        CANCELLED = "cancelled", "Cancelled"

    class Slot(models.TextChoices):
        MORNING = "morning", "Morning"
        MIDDAY = "midday", "Midday"
        EVENING = "evening", "Evening"
        ANYTIME = "anytime", "Web, any time"

    slug_line = models.CharField(
        "slug line", max_length=200, help_text="The working headline the desk knows it by."
    )
    brief = models.TextField("brief", blank=True, help_text="What the story should cover.")
    section = models.ForeignKey(
        Section, verbose_name="section", on_delete=models.PROTECT, related_name="assignments"
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="assignee",
        on_delete=models.PROTECT,
        related_name="assignments",
        limit_choices_to={"is_staff": True, "is_active": True},
        help_text="The reporter or photographer doing the work.",
    )
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="editor in charge",
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"is_staff": True, "is_active": True},
    )
    due_at = models.DateTimeField("due")
    publish_on = models.DateField("publication day")
    slot = models.CharField("slot", max_length=20, choices=Slot.choices, default=Slot.ANYTIME)
    length_words = models.PositiveIntegerField("target length (words)", default=600)
    status = models.CharField(
        "status", max_length=20, choices=Status.choices, default=Status.ASSIGNED
    )
    article = models.OneToOneField(
        Article,
        verbose_name="story",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assignment",
        editable=False,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="created by",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField("created", default=timezone.now, editable=False)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["publish_on", "section", "slot", "due_at", "id"]
        permissions = [
            ("change_any_assignment", "Can plan anyone's assignments and see the budget")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    status__in=["pitched", "assigned", "in_progress", "filed", "cancelled"]
                ),
                name="assignment_status_known",
            ),
            models.CheckConstraint(
                condition=Q(slot__in=["morning", "midday", "evening", "anytime"]),
                name="assignment_slot_known",
            ),
            models.CheckConstraint(
                condition=Q(length_words__gte=1) & Q(length_words__lte=30000),
                name="assignment_length_sensible",
                violation_error_message="A target length is between 1 and 30,000 words.",
            ),
        ]
        indexes = [
            models.Index(fields=["publish_on", "section", "slot"], name="assignment_budget"),
            models.Index(fields=["assignee", "publish_on"], name="assignment_assignee"),
        ]

    def __str__(self):
        return self.slug_line

    def get_absolute_url(self):
        return reverse("admin:planning_assignment_change", args=[self.pk])

    @property
    def current_status(self) -> str:
        """The status as the desk reads it (`progress` when the queryset annotated it)."""
        return getattr(self, "progress", self.status)

    @property
    def is_overdue(self) -> bool:
        """Say whether the due time has passed and the story is neither filed nor cancelled."""
        return self.due_at < timezone.now() and self.current_status not in (
            self.Status.FILED,
            self.Status.CANCELLED,
        )

    def clean(self):
        if self.status == self.Status.IN_PROGRESS and self.article_id is None:
            raise ValidationError(
                {"status": "Start work to put an assignment in progress: it creates the story."},
                code="no_story",
            )
        if self.length_words is not None and not 1 <= self.length_words <= 30000:
            raise ValidationError(
                {"length_words": "A target length is between 1 and 30,000 words."},
                code="length",
            )
