"""Pieces the article admins share: inlines, list filters, read-only and date-safe bases."""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.utils import timezone
from taggit.models import Tag

from articles.models import (
    Byline,
    Quote,
    RelatedPick,
)
from people.models import Person


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["position", "person"]
    verbose_name = "author"
    verbose_name_plural = "byline (in order)"


class QuoteInline(admin.StackedInline):
    model = Quote
    extra = 0
    autocomplete_fields = ["speaker_person", "speaker_organization"]
    fields = [
        "position",
        "text",
        ("speaker_person", "speaker_organization"),
        ("how", "where"),
        "attribution_text",
        "is_pull_quote",
    ]


class RelatedPickInline(admin.TabularInline):
    model = RelatedPick
    fk_name = "article"
    extra = 0
    autocomplete_fields = ["target"]
    fields = ["position", "target"]


class SafeDateChangeList(ChangeList):
    """Turn an absurd date filter (?created_at__year=99999999999999999999) into the admin's
    "invalid filter" answer instead of a crash inside Django's date handling."""

    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except (OverflowError, ValueError) as error:
            raise IncorrectLookupParameters(error) from error


class SafeDateFilters:
    def get_changelist(self, request, **kwargs):
        return SafeDateChangeList


class ReadOnlyAdmin(admin.ModelAdmin):
    """An admin that lists and shows, and never adds, changes or deletes."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


RECENT_FOR_FILTERS = 300  # the sidebar lists the tags and authors of this many recent stories


def recent_visible(request, model_admin):
    """The ids of the latest stories this user may see: what the tag and author filters list,
    so the sidebar costs the same with 100 stories or 100,000 (any tag or author can still be
    filtered on by its address, e.g. ?tag=moon)."""
    return (
        model_admin.get_queryset(request).order_by("-created_at").values("pk")[:RECENT_FOR_FILTERS]
    )


class TagListFilter(admin.SimpleListFilter):
    """Tags of the recent stories this user may see in the admin (a reporter's list names no
    tag found only on someone else's draft)."""

    title = "tag (recent stories)"
    parameter_name = "tag"

    def lookups(self, request, model_admin):
        visible = recent_visible(request, model_admin)
        tags = Tag.objects.filter(articles_taggedarticle_items__content_object__in=visible)
        return [(tag.slug, tag.name) for tag in tags.distinct().order_by("name")]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(tagged_items__tag__slug=self.value())
        return queryset


class AuthorListFilter(admin.SimpleListFilter):
    """Authors of the recent stories this user may see in the admin."""

    title = "author (recent stories)"
    parameter_name = "author"

    def lookups(self, request, model_admin):
        visible = recent_visible(request, model_admin)
        people = Person.objects.filter(bylines__article__in=visible).distinct().order_by("name")
        return [(person.slug, person.name) for person in people]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(bylines__person__slug=self.value())
        return queryset


class EmbargoListFilter(admin.SimpleListFilter):
    """Stories with an embargo still running: approved ones partners already have, or any."""

    title = "embargo"
    parameter_name = "embargo"

    def lookups(self, request, model_admin):
        return [
            ("under", "Under embargo (approved, partners have it)"),
            ("running", "Embargo not yet lifted (any state)"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "under":
            return queryset.under_embargo()
        if self.value() == "running":
            return queryset.filter(embargo_until__gt=timezone.now())
        return queryset


@admin.display(description="Byline")
def byline_column(article):
    """The byline in a changelist column (uses the prefetched bylines)."""
    return ", ".join(person.name for person in article.authors) or "—"
