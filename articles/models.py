"""The editorial content model: sections, articles, bylines, quotes and related picks."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from copytext.parsing import MAX_STORY_CHARACTERS
from people.images import stored_image_name, validate_image_upload

MAX_BODY_CHARACTERS = MAX_STORY_CHARACTERS  # about 30,000 words: far above any story


def validate_body_length(text: str) -> None:
    """Refuse a body longer than any story (it would also make every check of it slow)."""
    if len(text or "") > MAX_BODY_CHARACTERS:
        raise ValidationError(
            "A story body may have up to %(limit)s characters (about 30,000 words); this one has "
            "%(length)s. Split it into a series, or cut it.",
            code="body_too_long",
            params={"limit": f"{MAX_BODY_CHARACTERS:,}", "length": f"{len(text):,}"},
        )


def hero_image_path(article, filename: str) -> str:
    """Store a hero image under articles/<year>/<month>/ with the extension of its real format."""
    return stored_image_name("articles/%Y/%m/", article.hero_image, filename)


class Section(models.Model):
    name = models.CharField("name", max_length=100, unique=True)
    slug = models.SlugField("slug", max_length=100, unique=True)
    description = models.TextField("description", blank=True)
    position = models.PositiveIntegerField("position on the front page", default=0)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:section", kwargs={"slug": self.slug})


class ArticleQuerySet(models.QuerySet):
    def published(self, *, at=None):
        """Return what readers may see: published articles whose publish time has come and
        whose embargo, if they have one, has lifted."""
        at = at or timezone.now()
        return self.filter(
            models.Q(embargo_until__isnull=True) | models.Q(embargo_until__lte=at),
            status=Article.Status.PUBLISHED,
            publish_at__lte=at,
        )

    def scheduled(self, *, at=None):
        """Return approved articles still waiting for their publish time."""
        return self.filter(status=Article.Status.PUBLISHED, publish_at__gt=at or timezone.now())

    def under_embargo(self, *, at=None):
        """Return approved articles whose publish time has come but whose embargo still runs:
        partners with the embargo scope may have them, readers may not."""
        at = at or timezone.now()
        return self.filter(
            status=Article.Status.PUBLISHED, publish_at__lte=at, embargo_until__gt=at
        )

    def for_listing(self):
        """Fetch what a teaser shows (section, byline) without a query per article."""
        return self.select_related("section").prefetch_related(
            models.Prefetch("bylines", queryset=Byline.objects.select_related("person"))
        )


class TaggedArticle(TaggedItemBase):
    """Tag links through a real foreign key, so tag pages join instead of matching content types."""

    content_object = models.ForeignKey(
        "Article", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = "tag link"
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="unique_tag_per_article"
            ),
        ]
        # A tag's stories read from the index alone (related-story ranking, tag pages).
        indexes = [models.Index(fields=["tag", "content_object"], name="stories_of_tag")]


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In review"
        PUBLISHED = "published", "Published"

    class Kind(models.TextChoices):
        NEWS = "news", "News"
        REPORTAGE = "reportage", "Reportage"
        ANALYSIS = "analysis", "Analysis"
        OPINION = "opinion", "Opinion"
        FEATURE = "feature", "Feature"
        EXPLAINER = "explainer", "Explainer"
        INTERVIEW = "interview", "Interview"
        OBITUARY = "obituary", "Obituary"
        REVIEW = "review", "Review"

    headline = models.CharField("headline", max_length=200)
    slug = models.SlugField("slug", max_length=120, unique=True)
    standfirst = models.TextField(
        "standfirst", max_length=600, blank=True, help_text="The summary under the headline."
    )
    body = models.TextField(
        "body",
        blank=True,
        help_text="Markdown. Raw HTML is not allowed.",
        validators=[validate_body_length],
    )
    kind = models.CharField("kind", max_length=20, choices=Kind.choices, default=Kind.NEWS)
    section = models.ForeignKey(
        Section,
        verbose_name="section",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
    )
    dateline = models.CharField(
        "dateline", max_length=100, blank=True, help_text="Where it was reported."
    )
    byline = models.ManyToManyField(
        "people.Person", through="Byline", related_name="bylined_articles", blank=True
    )
    people_mentioned = models.ManyToManyField(
        "people.Person", verbose_name="people mentioned", related_name="mentioned_in", blank=True
    )
    organizations_mentioned = models.ManyToManyField(
        "people.Organization",
        verbose_name="organizations mentioned",
        related_name="mentioned_in",
        blank=True,
    )
    related_picks = models.ManyToManyField(
        "self", through="RelatedPick", symmetrical=False, related_name="picked_by", blank=True
    )
    tags = TaggableManager("tags", through=TaggedArticle, blank=True)

    hero_image = models.ImageField(
        "hero image",
        upload_to=hero_image_path,
        blank=True,
        validators=[validate_image_upload],
        width_field="hero_width",
        height_field="hero_height",
    )
    hero_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    hero_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    hero_alt = models.CharField("hero image alt text", max_length=250, blank=True)
    hero_caption = models.CharField("hero image caption", max_length=300, blank=True)
    hero_credit = models.CharField("hero image credit", max_length=150, blank=True)

    status = models.CharField(
        "status", max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    publish_at = models.DateTimeField("publish time", null=True, blank=True, editable=False)
    embargo_until = models.DateTimeField(
        "embargo until",
        null=True,
        blank=True,
        help_text="Partners with the embargo scope get the approved story before this time; "
        "readers, feeds, search and the public API see nothing of it until then. Leave empty "
        "for no embargo. Once the story is approved, a reviewer lifts or extends it from the "
        "workflow panel.",
    )
    first_published_at = models.DateTimeField(
        "first published", null=True, blank=True, editable=False
    )
    updated_at = models.DateTimeField(
        "last updated", null=True, blank=True, editable=False, help_text="Shown to readers."
    )
    submitted_at = models.DateTimeField(
        "submitted for review", null=True, blank=True, editable=False
    )
    went_live_at = models.DateTimeField(
        "went live",
        null=True,
        blank=True,
        editable=False,
        help_text="When readers could first see it.",
    )
    unpublished_at = models.DateTimeField("unpublished", null=True, blank=True, editable=False)
    created_at = models.DateTimeField("created", auto_now_add=True)
    modified_at = models.DateTimeField("modified", auto_now=True)
    version = models.PositiveIntegerField(
        "version", default=1, editable=False, help_text="Goes up by one with every saved change."
    )
    wire_hash = models.CharField(
        "wire copy fingerprint",
        max_length=64,
        blank=True,
        db_index=True,
        editable=False,
        help_text="Set on import, so the same copy is not imported twice.",
    )
    blocker_count = models.PositiveIntegerField("copy-desk blockers", default=0, editable=False)
    warning_count = models.PositiveIntegerField("copy-desk warnings", default=0, editable=False)
    findings_version = models.PositiveIntegerField(
        "version the counts describe", null=True, blank=True, editable=False
    )
    # Kept current by articles.search on PostgreSQL (GIN-indexed there); unused on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="created by",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    last_edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="last edited by",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="locked by",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        help_text="While set, only this account may save the story (articles.workflow.locks).",
    )
    locked_at = models.DateTimeField("locked at", null=True, blank=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "-created_at"]
        permissions = [
            ("submit_article", "Can submit articles for review"),
            ("approve_article", "Can approve, schedule and send back articles"),
            ("unpublish_article", "Can unpublish articles"),
            ("publish_correction", "Can publish corrections"),
            ("change_any_article", "Can edit anyone's drafts and stories in review"),
            ("change_published_article", "Can edit published articles"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["draft", "in_review", "published"]),
                name="article_status_known",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(publish_at__isnull=False),
                name="published_article_has_publish_time",
                violation_error_message="A published article needs a publish time.",
            ),
            models.CheckConstraint(
                condition=models.Q(hero_image="") | ~models.Q(hero_alt=""),
                name="hero_image_has_alt_text",
                violation_error_message="A hero image needs alt text.",
            ),
            models.UniqueConstraint(
                Lower("slug"),
                name="article_slug_unique_any_case",
                violation_error_message="Another story already has this address (addresses "
                "ignore letter case).",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-publish_at"], name="article_public_order"),
            models.Index(fields=["section", "status", "-publish_at"], name="article_section_order"),
            models.Index(fields=["status", "submitted_at"], name="article_review_queue"),
            # The admin's list: its default order, and its date drill-down.
            models.Index(fields=["-publish_at", "-created_at"], name="article_admin_order"),
            models.Index(fields=["created_at"], name="article_created"),
            # The few stories with an embargo: the partners' list and publish_due's lift.
            models.Index(
                fields=["embargo_until"],
                condition=models.Q(embargo_until__isnull=False),
                name="article_embargo",
            ),
        ]

    def __str__(self):
        return self.headline

    def get_absolute_url(self):
        moment = timezone.localtime(
            self.first_published_at or self.publish_at or self.created_at or timezone.now()
        )
        return reverse(
            "articles:detail",
            kwargs={
                "year": moment.year,
                "month": f"{moment.month:02d}",
                "day": f"{moment.day:02d}",
                "slug": self.slug,
            },
        )

    def clean(self):
        if self.hero_image and not self.hero_alt.strip():
            raise ValidationError(
                {"hero_alt": "Describe the hero image for readers who cannot see it."},
                code="alt_required",
            )

    @property
    def is_public(self) -> bool:
        """Say whether readers can see this article now (as `published()` decides)."""
        now = timezone.now()
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= now
            and (self.embargo_until is None or self.embargo_until <= now)
        )

    @property
    def is_embargoed(self) -> bool:
        """Say whether the article is approved and its embargo still runs (scheduled or not)."""
        return (
            self.status == self.Status.PUBLISHED
            and self.embargo_until is not None
            and self.embargo_until > timezone.now()
        )

    @property
    def public_from(self):
        """When readers may first see the approved story: its publish time, or its embargo's
        end when that is later."""
        if self.embargo_until is None or self.publish_at is None:
            return self.publish_at
        return max(self.publish_at, self.embargo_until)

    @property
    def is_scheduled(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at > timezone.now()
        )

    @property
    def authors(self) -> list:
        """The byline's people in order (uses the prefetched bylines when present)."""
        return [byline.person for byline in self.bylines.all()]


class FormerAddress(models.Model):
    """An address a story had while readers could see it, before its slug (or the date in it)
    changed (`articles.addresses`, at write time).

    The public site answers it with a 301 straight to the story's current address, or 410
    when the story is withdrawn. The row names the story, not the next address, so however
    often a story is renamed every old link takes one hop.
    """

    published_on = models.DateField("date in the address")
    slug = models.SlugField("slug in the address", max_length=120)
    article = models.ForeignKey(
        Article, verbose_name="story", on_delete=models.CASCADE, related_name="former_addresses"
    )
    created_at = models.DateTimeField("left", auto_now_add=True)

    class Meta:
        verbose_name = "former address"
        verbose_name_plural = "former addresses"
        ordering = ["-created_at", "-id"]
        constraints = [
            # Slug first: the reader's lookup (date and slug) and the check that a slug is
            # nobody else's old address (slug alone) both read this index.
            models.UniqueConstraint(fields=["slug", "published_on"], name="unique_former_address"),
        ]

    def __str__(self):
        return f"/{self.published_on:%Y/%m/%d}/{self.slug}/"


class Byline(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
    person = models.ForeignKey(
        "people.Person", verbose_name="author", on_delete=models.PROTECT, related_name="bylines"
    )
    position = models.PositiveIntegerField("position", default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["article", "person"], name="unique_author_per_article"),
        ]

    def __str__(self):
        return f"{self.person} on {self.article}"


class RelatedPick(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="picks")
    target = models.ForeignKey(
        Article, verbose_name="related story", on_delete=models.CASCADE, related_name="+"
    )
    position = models.PositiveIntegerField("position", default=0)

    class Meta:
        verbose_name = "related story"
        verbose_name_plural = "related stories (picked by hand)"
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["article", "target"], name="unique_related_pick"),
            models.CheckConstraint(
                condition=~models.Q(article=models.F("target")),
                name="related_pick_not_self",
                violation_error_message="A story cannot be related to itself.",
            ),
        ]

    def __str__(self):
        return f"{self.article} → {self.target}"


MENTION_FIELDS = {"person": "people_mentioned", "organization": "organizations_mentioned"}


def mentions_field(entity) -> str:
    """Return the Article field that lists mentions of this kind of entity (or entity class)."""
    return MENTION_FIELDS[entity.kind_name]


def speaker_field(entity) -> str:
    """Return the Quote field that holds this kind of speaker (or speaker class)."""
    return f"speaker_{entity.kind_name}"


class Quote(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="quotes")
    text = models.TextField("quote")
    speaker_person = models.ForeignKey(
        "people.Person",
        verbose_name="speaker (person)",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="quotes",
    )
    speaker_organization = models.ForeignKey(
        "people.Organization",
        verbose_name="speaker (organization)",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="quotes",
    )
    how = models.CharField(
        "how it was said", max_length=200, blank=True, help_text="said on Twitter, told AFP…"
    )
    where = models.CharField(
        "where or when", max_length=200, blank=True, help_text="at a press conference in Houston…"
    )
    attribution_text = models.CharField(
        "attribution as written",
        max_length=300,
        blank=True,
        help_text="The attribution exactly as the copy had it, kept for the editor.",
    )
    position = models.PositiveIntegerField("position", default=0)
    is_pull_quote = models.BooleanField("show as pull quote", default=False)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(speaker_person__isnull=True)
                | models.Q(speaker_organization__isnull=True),
                name="quote_has_one_kind_of_speaker",
                violation_error_message="A quote is said by a person or an organization, not both.",
            ),
        ]
        indexes = [
            models.Index(fields=["speaker_person", "article"], name="quote_by_person"),
            models.Index(fields=["speaker_organization", "article"], name="quote_by_organization"),
        ]

    def __str__(self):
        text = self.text if len(self.text) <= 60 else self.text[:57] + "…"
        return f"“{text}” — {self.speaker or 'unattributed'}"

    @property
    def speaker(self):
        """The person or organization who said it, or None when unattributed."""
        return self.speaker_person or self.speaker_organization

    @property
    def is_attributed(self) -> bool:
        return self.speaker is not None

    def clean(self):
        if self.speaker_person_id and self.speaker_organization_id:
            raise ValidationError(
                "A quote is said by a person or an organization, not both.", code="two_speakers"
            )


class ReviewQueue(Article):
    """Stories waiting for a reviewer, oldest first (a view of Article for the admin)."""

    class Meta:
        proxy = True
        verbose_name = "story in review"
        verbose_name_plural = "review queue"


class AppendOnly(models.Model):
    """A history row: written once, never changed or deleted by the application."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError("History rows cannot be changed.", code="append_only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("History rows cannot be deleted.", code="append_only")


class ArticleEvent(AppendOnly):
    """One workflow transition: who, when, from which state to which, and why."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="by",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    action = models.CharField("action", max_length=50)
    from_status = models.CharField("from", max_length=20, choices=Article.Status.choices)
    to_status = models.CharField("to", max_length=20, choices=Article.Status.choices)
    comment = models.TextField("comment", blank=True)
    override_reason = models.TextField(
        "reason for approving over blockers",
        blank=True,
        help_text="Logged when checks found blockers.",
    )
    publish_at = models.DateTimeField("publish time", null=True, blank=True)
    old_embargo_until = models.DateTimeField("embargo until, before", null=True, blank=True)
    new_embargo_until = models.DateTimeField("embargo until, after", null=True, blank=True)
    created_at = models.DateTimeField("when", default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["article", "-created_at"], name="event_article_latest")]

    def __str__(self):
        return f"{self.action} by {self.actor or 'system'} at {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def label(self) -> str:
        """The action in words, for the admin history (with the embargo it changed, if any)."""
        label = ACTION_LABELS.get(self.action, self.action)
        if self.new_embargo_until is None:
            return label
        until = f"{timezone.localtime(self.new_embargo_until):%d %b %Y %H:%M}"
        if self.old_embargo_until is None:
            return f"{label} (under embargo until {until})"
        was = f"{timezone.localtime(self.old_embargo_until):%d %b %Y %H:%M}"
        return f"{label} (embargo until {was} → {until})"


ACTION_LABELS = {
    "articles.submit": "Submitted for review",
    "articles.approve": "Approved and published",
    "articles.schedule": "Approved and scheduled",
    "articles.reschedule": "Rescheduled",
    "articles.cancel_schedule": "Schedule cancelled",
    "articles.go_live": "Went live",
    "articles.request_changes": "Changes requested",
    "articles.unpublish": "Unpublished",
    "articles.publish_correction": "Correction published",
    "articles.edit_in_review": "Edited during review (back to draft)",
    "articles.propose_update": "Update proposed",
    "articles.approve_update": "Update approved",
    "articles.return_update": "Update sent back",
    "articles.restore": "Revision restored",
    "articles.embargo_lift": "Embargo lifted early",
    "articles.embargo_extend": "Embargo extended",
    "articles.embargo_ended": "Embargo ended: went live",
    "articles.lock": "Locked",
    "articles.unlock": "Unlocked",
    "articles.lock_break": "Lock broken",
}


class Correction(AppendOnly):
    """A public correction, clarification, update or editor's note on a published article."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", "Correction"
        CLARIFICATION = "clarification", "Clarification"
        UPDATE = "update", "Update"
        EDITORS_NOTE = "editors_note", "Editor's note"

    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="corrections")
    revision = models.ForeignKey(
        "Revision",
        verbose_name="revision with the fix",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField("kind", max_length=20, choices=Kind.choices)
    text = models.TextField("text")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField("published", default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.get_kind_display()} on {self.article}"


class Revision(AppendOnly):
    """A snapshot of an article's editorial content, taken at every save."""

    class Kind(models.TextChoices):
        SAVED = "saved", "Saved"
        PROPOSED = "proposed", "Proposed update"
        APPLIED = "applied", "Approved update"
        RESTORED = "restored", "Restored"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField("number")
    kind = models.CharField("kind", max_length=20, choices=Kind.choices, default=Kind.SAVED)
    content = models.JSONField("content")
    version = models.PositiveIntegerField("article version", null=True, blank=True)
    transition = models.CharField("transition", max_length=50, blank=True)
    based_on = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    authors = models.JSONField(
        "written by",
        default=list,
        blank=True,
        help_text="Ids of the accounts that wrote this content, recorded when it was saved: "
        "whoever saved it and the accounts then linked to its byline. Empty for transitions.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField("when", default=timezone.now)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="unique_revision_number"),
        ]

    def __str__(self):
        return f"Revision {self.number} of {self.article}"


class UpdateProposal(models.Model):
    """A change to a live story waiting for a reviewer; readers see the live version meanwhile."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for review"
        APPROVED = "approved", "Approved"
        RETURNED = "returned", "Changes requested"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="proposals")
    revision = models.OneToOneField(Revision, on_delete=models.PROTECT, related_name="proposal")
    status = models.CharField(
        "status", max_length=20, choices=Status.choices, default=Status.PENDING
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    proposed_at = models.DateTimeField("proposed", default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField("decided", null=True, blank=True)
    reason = models.TextField("reviewer's reason", blank=True)

    class Meta:
        ordering = ["proposed_at", "id"]
        indexes = [models.Index(fields=["status", "proposed_at"], name="proposal_queue")]

    def __str__(self):
        return f"Proposed update to {self.article}"


class PreviewLink(models.Model):
    """A share link to an unpublished story; the signed token carries its id."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="preview_links")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField("created", default=timezone.now)
    expires_at = models.DateTimeField("expires")
    article_version = models.PositiveIntegerField("article version", default=0)
    content_fingerprint = models.CharField(max_length=64)
    revoked_at = models.DateTimeField("revoked", null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Preview link for {self.article}"


class PublicPage(models.Model):
    """A story's public page as it stands, built by the public site when the story changes
    (`reader.pages`), so that a reader's request reads it instead of building it.

    Readers reach it only through `Article.objects.published()`: a withdrawn story's page is
    never served, even before it is deleted. `version` is the story's version it was built
    from; a page older than its story is rebuilt before it is shown.
    """

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="public_page"
    )
    version = models.PositiveIntegerField("built from version")
    head = models.TextField("head markup")
    story = models.TextField("story markup")
    card = models.TextField("card markup", blank=True)
    related_ids = models.JSONField("related stories", default=list)
    more_from_ids = models.JSONField("more from the first author", default=list)
    first_author_id = models.IntegerField("first author", null=True, blank=True)
    first_author_name = models.CharField("first author's name", max_length=200, blank=True)
    keys = models.JSONField("surrogate keys", default=list)
    built_at = models.DateTimeField("built", default=timezone.now)

    def __str__(self):
        return f"Public page of {self.article_id}"
