"""Editorial comments: staff notes on a story, never shown to readers."""

from django.conf import settings
from django.db import models
from django.utils import timezone

MAX_BODY_CHARACTERS = 5000
MAX_PASSAGE_CHARACTERS = 1000


class Comment(models.Model):
    """A staff comment on a story, perhaps a reply, perhaps on a quoted passage of its body."""

    article = models.ForeignKey(
        "articles.Article",
        verbose_name="story",
        on_delete=models.CASCADE,
        related_name="desk_comments",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="author",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="reply to",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
    )
    body = models.TextField("comment", max_length=MAX_BODY_CHARACTERS)
    passage = models.TextField(
        "passage",
        max_length=MAX_PASSAGE_CHARACTERS,
        blank=True,
        help_text="The words of the body the comment is about, as they stood then.",
    )
    mentions = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name="mentioned", related_name="+", blank=True
    )
    created_at = models.DateTimeField("posted", default=timezone.now)
    resolved_at = models.DateTimeField("resolved", null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="resolved by",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["article", "created_at"], name="comment_article_order")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(resolved_at__isnull=False) | models.Q(resolved_by__isnull=True),
                name="comment_resolver_needs_time",
                violation_error_message="Only a resolved comment has a resolver.",
            ),
        ]

    def __str__(self):
        text = self.body if len(self.body) <= 60 else self.body[:57] + "…"
        return f"“{text}” — {self.author or 'former colleague'}"

    @property
    def is_resolved(self) -> bool:
        return self.resolved_at is not None
