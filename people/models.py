"""People and organizations: who writes, who speaks, who is written about."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils.text import slugify

from people.images import stored_image_name, validate_image_upload


def photo_path(person, filename: str) -> str:
    """Store a photo under people/<year>/ with the extension of its real format."""
    return stored_image_name("people/%Y/", person.photo, filename)


def unique_slug(model, text: str, *, instance_id=None) -> str:
    """Return a slug for `text` that no other person or organization uses (one query).

    People and organizations share /people/<slug>/, so the slug is free only when no public
    address has it; `instance_id` names the `model` row that may keep its own slug.
    """
    base = slugify(text)[:70].strip("-") or "entry"
    taken = set(
        addresses_of_others(model, instance_id)
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    candidate, counter = base, 2
    while candidate in taken:
        candidate, counter = f"{base}-{counter}", counter + 1
    return candidate


def slug_taken(slug: str, *, model, instance_id=None) -> bool:
    """Say whether a person or organization other than this one already uses `slug` (one query)."""
    return addresses_of_others(model, instance_id).filter(slug=slug).exists()


def addresses_of_others(model, instance_id=None) -> models.QuerySet:
    """Return every public address except the one of the `model` row with `instance_id`."""
    addresses = PublicName.objects.all()
    if instance_id is not None:
        addresses = addresses.exclude(**{model.kind_name: instance_id})
    return addresses


class Entity(models.Model):
    """What people and organizations share: a name, its other spellings and a public page.

    `kind_name` says which of the two an entity is ("person" or "organization"), so callers
    need not compare `_meta.model_name` or test `isinstance`; it is also the name of the
    entity's field on `PublicName`, on `Quote` (`speaker_<kind_name>`) and in permissions
    (`people.add_<kind_name>`).
    """

    kind_name = ""  # set by each concrete subclass

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

    def save(self, *args, **kwargs):
        """Save, and claim the slug in the one namespace people and organizations share, in
        the same transaction: a slug another person or organization holds is refused by the
        database (IntegrityError), however the save is made."""
        update_fields = kwargs.get("update_fields")
        adding = self._state.adding
        with transaction.atomic(savepoint=False):
            super().save(*args, **kwargs)
            if update_fields is None or "slug" in update_fields:
                self.claim_public_name(new=adding)

    def get_absolute_url(self):
        return reverse("people:detail", kwargs={"slug": self.slug})

    @property
    def all_names(self) -> list[str]:
        """The name followed by every alias."""
        return [self.name, *self.aliases]

    def clean(self):
        if not isinstance(self.aliases, list) or not all(isinstance(a, str) for a in self.aliases):
            raise ValidationError(
                {
                    "aliases": ValidationError(
                        "Give the other spellings as a list of names.", code="aliases"
                    )
                }
            )
        self.aliases = [alias.strip() for alias in self.aliases if alias.strip()]
        if not self.slug:
            self.slug = unique_slug(type(self), self.name, instance_id=self.pk)
        elif slug_taken(self.slug, model=type(self), instance_id=self.pk):
            raise ValidationError(
                {
                    "slug": ValidationError(
                        "Another person or organization already has this address.",
                        code="slug_taken",
                    )
                }
            )

    def claim_public_name(self, *, new: bool = False) -> None:
        """Point this entity's public address at its slug (one query)."""
        owner = {self.kind_name: self}
        if new or not PublicName.objects.filter(**owner).update(slug=self.slug):
            PublicName.objects.create(**owner, slug=self.slug)


class Person(Entity):
    kind_name = "person"

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
        upload_to=photo_path,
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
                {
                    "photo_alt": ValidationError(
                        "Describe the photo for readers who cannot see it.", code="alt_required"
                    )
                }
            )


class Organization(Entity):
    kind_name = "organization"

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


class PublicName(models.Model):
    """The public address /people/<slug>/ of one person or one organization.

    People and organizations live in two tables but share one URL space; this table is where
    the database keeps that space unique. Every save of a person or organization claims its
    slug here (`Entity.save`).
    """

    slug = models.SlugField("address", max_length=80, unique=True)
    person = models.OneToOneField(
        Person,
        verbose_name="person",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="public_name",
    )
    organization = models.OneToOneField(
        Organization,
        verbose_name="organization",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="public_name",
    )

    class Meta:
        verbose_name = "public address"
        verbose_name_plural = "public addresses"
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(person__isnull=False, organization__isnull=True)
                    | models.Q(person__isnull=True, organization__isnull=False)
                ),
                name="public_name_has_one_owner",
                violation_error_message="An address belongs to one person or one organization.",
            ),
        ]

    def __str__(self):
        return self.slug

    @property
    def entity(self) -> Person | Organization | None:
        """The person or organization at this address."""
        return self.person or self.organization


class FormerAddress(models.Model):
    """A /people/<slug>/ address a person or organization had before their slug changed
    (`people.addresses`). The public site answers it with a 301 to their current page; the
    row names the entity, not the next address, so there is never a chain."""

    slug = models.SlugField("address", max_length=80, unique=True)
    person = models.ForeignKey(
        Person,
        verbose_name="person",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="former_addresses",
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name="organization",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="former_addresses",
    )
    created_at = models.DateTimeField("left", auto_now_add=True)

    class Meta:
        verbose_name = "former address"
        verbose_name_plural = "former addresses"
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(person__isnull=False, organization__isnull=True)
                    | models.Q(person__isnull=True, organization__isnull=False)
                ),
                name="former_address_has_one_owner",
                violation_error_message="An address belongs to one person or one organization.",
            ),
        ]

    def __str__(self):
        return self.slug

    @property
    def entity(self) -> Person | Organization | None:
        """The person or organization this address now leads to."""
        return self.person or self.organization
