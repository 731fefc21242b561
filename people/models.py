"""People and organizations: who writes, who speaks, who is written about."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.text import slugify

from people.images import validate_image_upload


def unique_slug(model, text: str, *, instance_id=None) -> str:
    """Return a slug for `text` not used by any person or organization (they share /people/)."""
    base = slugify(text)[:70] or "entry"
    candidate, counter = base, 2
    while slug_taken(candidate, model=model, instance_id=instance_id):
        candidate, counter = f"{base}-{counter}", counter + 1
    return candidate


def slug_taken(slug: str, *, model, instance_id=None) -> bool:
    """Say whether a person or organization other than this one already uses `slug`."""
    for other in (Person, Organization):
        queryset = other.objects.filter(slug=slug)
        if other is model and instance_id is not None:
            queryset = queryset.exclude(pk=instance_id)
        if queryset.exists():
            return True
    return False


class Entity(models.Model):
    """What people and organizations share: a name, its other spellings and a public page."""

    name = models.CharField("name", max_length=200)
    slug = models.SlugField("slug", max_length=80, unique=True)
    aliases = models.JSONField(
        "other spellings",
        default=list,
        blank=True,
        help_text="Other spellings and transliterations, used to match names in wire copy.",
    )

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("people:detail", kwargs={"slug": self.slug})

    @property
    def all_names(self) -> list[str]:
        """The name followed by every alias."""
        return [self.name, *self.aliases]

    def clean(self):
        if not isinstance(self.aliases, list) or not all(isinstance(a, str) for a in self.aliases):
            raise ValidationError(
                {"aliases": "Give the other spellings as a list of names."}, code="aliases"
            )
        self.aliases = [alias.strip() for alias in self.aliases if alias.strip()]
        if not self.slug:
            self.slug = unique_slug(type(self), self.name, instance_id=self.pk)
        elif slug_taken(self.slug, model=type(self), instance_id=self.pk):
            raise ValidationError(
                {"slug": "Another person or organization already has this address."},
                code="slug_taken",
            )


class Person(Entity):
    honorific = models.CharField("honorific", max_length=40, blank=True, help_text="Dr, Col., Sir…")
    role = models.CharField(
        "role",
        max_length=120,
        blank=True,
        help_text="What they are known as: cosmonaut, spokesperson…",
    )
    bio = models.TextField("short biography", blank=True)
    photo = models.ImageField(
        "photo",
        upload_to="people/%Y/",
        blank=True,
        validators=[validate_image_upload],
        width_field="photo_width",
        height_field="photo_height",
    )
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_alt = models.CharField("photo alt text", max_length=250, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="staff account",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        help_text="Only for staff who log in; bylines need no account.",
    )

    class Meta(Entity.Meta):
        verbose_name = "person"
        verbose_name_plural = "people"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(photo="") | ~models.Q(photo_alt=""),
                name="person_photo_has_alt_text",
                violation_error_message="A photo needs alt text.",
            ),
        ]

    def clean(self):
        super().clean()
        if self.photo and not self.photo_alt.strip():
            raise ValidationError(
                {"photo_alt": "Describe the photo for readers who cannot see it."},
                code="alt_required",
            )


class Organization(Entity):
    class Kind(models.TextChoices):
        AGENCY = "agency", "Agency"
        COMPANY = "company", "Company"
        GOVERNMENT = "government", "Government body"
        NEWS_AGENCY = "news_agency", "News agency"
        OTHER = "other", "Other"

    kind = models.CharField("kind", max_length=20, choices=Kind.choices, default=Kind.OTHER)
    description = models.TextField("description", blank=True)

    class Meta(Entity.Meta):
        verbose_name = "organization"
        verbose_name_plural = "organizations"
