"""Admins beside the article: the review queue, the event log, sections and quotes."""

from django.contrib import admin
from django.db.models import F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.html import format_html
from django.utils.timesince import timesince

from articles import selectors
from articles.admin.common import ReadOnlyAdmin, SafeDateFilters, byline_column
from articles.models import (
    Article,
    ArticleEvent,
    Byline,
    Quote,
    ReviewQueue,
    Section,
    UpdateProposal,
)


@admin.register(ReviewQueue)
class ReviewQueueAdmin(ReadOnlyAdmin):
    list_display = ["story", "waiting_for", byline_column, "section", "waiting", "findings"]
    list_select_related = ["section"]
    list_display_links = None
    list_filter = ["section"]

    def get_queryset(self, request):
        pending = UpdateProposal.objects.filter(
            article=OuterRef("pk"), status=UpdateProposal.Status.PENDING
        ).order_by("proposed_at")
        return (
            super()
            .get_queryset(request)
            .annotate(update_since=Subquery(pending.values("proposed_at")[:1]))
            .filter(Q(status=Article.Status.IN_REVIEW) | Q(update_since__isnull=False))
            .annotate(waiting_since=Coalesce("update_since", "submitted_at"))
            .prefetch_related(Prefetch("bylines", queryset=Byline.objects.select_related("person")))
        )

    @admin.display(description="Story", ordering="headline")
    def story(self, article):
        url = reverse("admin:articles_article_change", args=[article.pk])
        return format_html('<a href="{}">{}</a>', url, article.headline)

    def get_ordering(self, request):
        return [F("waiting_since").asc(nulls_last=True), "id"]  # oldest first

    @admin.display(description="Waiting for")
    def waiting_for(self, article):
        return "Approval of an update" if article.update_since else "First approval"

    @admin.display(description="Copy desk", ordering="blocker_count")
    def findings(self, article):
        blockers, warnings = article.blocker_count, article.warning_count
        return f"{blockers} blocker{'s' if blockers != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"

    @admin.display(description="Waiting", ordering="waiting_since")
    def waiting(self, article):
        return timesince(article.waiting_since) if article.waiting_since else "—"


@admin.register(ArticleEvent)
class ArticleEventAdmin(SafeDateFilters, ReadOnlyAdmin):
    list_display = [
        "created_at",
        "article",
        "action",
        "actor",
        "from_status",
        "to_status",
        "comment",
    ]
    list_select_related = ["article", "actor"]
    list_filter = ["action", "to_status"]
    search_fields = ["article__headline", "comment"]
    date_hierarchy = "created_at"


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Quote)
class QuoteAdmin(ReadOnlyAdmin):
    """Quotes are edited inside their article, where the workflow decides who may edit it."""

    list_display = ["__str__", "article", "speaker_person", "speaker_organization", "is_pull_quote"]
    list_select_related = ["article", "speaker_person", "speaker_organization"]
    list_filter = ["is_pull_quote", ("speaker_person", admin.EmptyFieldListFilter)]
    search_fields = ["text", "attribution_text", "article__headline"]
    autocomplete_fields = ["article", "speaker_person", "speaker_organization"]

    def get_queryset(self, request):
        visible = selectors.articles_visible_to(request.user).values("pk")
        return super().get_queryset(request).filter(article__in=visible)
