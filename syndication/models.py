"""Partners of the syndication API: their keys, their webhook endpoints and every delivery.

Keys and secrets are made by `syndication.partners` and `syndication.webhooks`, never here: a
key is stored as a SHA-256 digest with a short prefix to find it, so nobody can read it back.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.deconstruct import deconstructible

from articles.models import Article


class Scope(models.TextChoices):
    EMBARGO = "embargo", "Embargoed stories (before their embargo lifts)"


class Event(models.TextChoices):
    PUBLISHED = "published", "Published"
    UPDATED = "updated", "Updated"
    CORRECTED = "corrected", "Corrected"
    WITHDRAWN = "withdrawn", "Withdrawn"


@deconstructible
class ListOfChoices:
    """Validate a JSON list holding only some of `values`."""

    def __init__(self, values):
        self.values = list(values)

    def __call__(self, chosen):
        if not isinstance(chosen, list) or set(chosen) - set(self.values):
            raise ValidationError(
                "Choose among: %(known)s.",
                code="unknown_choice",
                params={"known": ", ".join(self.values)},
            )

    def __eq__(self, other):
        return isinstance(other, ListOfChoices) and other.values == self.values


class ApiKey(models.Model):
    """A partner's key to the syndication API."""

    name = models.CharField("partner", max_length=100, help_text="Who holds this key.")
    prefix = models.CharField("prefix", max_length=16, editable=False, db_index=True)
    digest = models.CharField("SHA-256 of the key", max_length=64, unique=True, editable=False)
    scopes = models.JSONField(
        "scopes",
        default=list,
        blank=True,
        validators=[ListOfChoices(Scope.values)],
        help_text="What this key may read beyond what readers see.",
    )
    rate_limit = models.PositiveIntegerField(
        "requests a minute", default=600, help_text="Anonymous callers get far fewer."
    )
    active = models.BooleanField(
        "active", default=True, help_text="Untick to refuse the key for a while; revoke to end it."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="created by",
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField("created", default=timezone.now, editable=False)
    last_used_at = models.DateTimeField("last used", null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField("revoked", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "API key"
        verbose_name_plural = "API keys"
        ordering = ["name", "-created_at"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_usable(self) -> bool:
        return self.active and self.revoked_at is None

    @property
    def sees_embargoed(self) -> bool:
        return Scope.EMBARGO in (self.scopes or [])


class WebhookEndpoint(models.Model):
    """An HTTPS address of a partner's, told when a public story changes."""

    partner = models.ForeignKey(
        ApiKey, verbose_name="partner key", on_delete=models.CASCADE, related_name="endpoints"
    )
    url = models.URLField(
        "URL",
        max_length=500,
        # syndication.webhooks.check_url refuses addresses on private networks (it resolves
        # the host, so it runs in the services and the admin's form, not on every clean).
        help_text="An https:// address on the public internet.",
    )
    secret = models.CharField("signing secret", max_length=100, editable=False)
    events = models.JSONField(
        "events",
        default=list,
        validators=[ListOfChoices(Event.values)],
        help_text="What the partner wants to hear about.",
    )
    active = models.BooleanField("active", default=True)
    failures_in_a_row = models.PositiveIntegerField(
        "failed deliveries in a row", default=0, editable=False
    )
    disabled_at = models.DateTimeField("disabled", null=True, blank=True, editable=False)
    disabled_reason = models.TextField("why it was disabled", blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="created by",
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField("created", default=timezone.now, editable=False)

    class Meta:
        verbose_name = "webhook endpoint"
        ordering = ["partner__name", "url"]
        indexes = [models.Index(fields=["active"], name="webhook_endpoint_active")]

    def __str__(self):
        return self.url


class WebhookDelivery(models.Model):
    """One attempt to deliver an event to an endpoint (a delivery retried has several)."""

    endpoint = models.ForeignKey(
        WebhookEndpoint, verbose_name="endpoint", on_delete=models.CASCADE, related_name="+"
    )
    delivery_id = models.UUIDField("delivery", help_text="The same on every attempt.")
    event = models.CharField("event", max_length=20, choices=Event.choices)
    article = models.ForeignKey(
        Article, verbose_name="story", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    version = models.PositiveIntegerField("story version")
    attempt = models.PositiveSmallIntegerField("attempt")
    status_code = models.PositiveSmallIntegerField("answer", null=True, blank=True)
    error = models.TextField("error", blank=True)
    duration_ms = models.PositiveIntegerField("response time (ms)", null=True, blank=True)
    created_at = models.DateTimeField("when", default=timezone.now)

    class Meta:
        verbose_name = "webhook delivery"
        verbose_name_plural = "webhook deliveries"
        ordering = ["-created_at", "-id"]
        indexes = [
            # The admin's list of an endpoint's attempts, newest first.
            models.Index(fields=["endpoint", "-created_at"], name="webhook_delivery_latest"),
            # Has this version of the story gone to this endpoint already?
            models.Index(fields=["endpoint", "article", "version"], name="webhook_delivery_sent"),
        ]

    def __str__(self):
        return f"{self.event} of story {self.article_id} to {self.endpoint}, attempt {self.attempt}"

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300
