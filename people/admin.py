from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from articles.models import Article, Quote
from people.forms import OrganizationForm, PersonForm
from people.models import Organization, Person

LISTED = 20


def article_links(articles):
    """Render admin links to articles, newest first."""
    rows = [
        (reverse("admin:articles_article_change", args=[a.pk]), a.headline, a.get_status_display())
        for a in articles
    ]
    if not rows:
        return "—"
    return format_html(
        "<ul>{}</ul>", format_html_join("", '<li><a href="{}">{}</a> ({})</li>', rows)
    )


def quote_links(quotes):
    rows = [
        (
            reverse("admin:articles_article_change", args=[q.article_id]),
            q.text[:120],
            q.article.headline,
        )
        for q in quotes
    ]
    if not rows:
        return "—"
    return format_html(
        "<ul>{}</ul>",
        format_html_join(
            "", '<li>“{}” — <a href="{}">{}</a></li>', ((t, u, h) for u, t, h in rows)
        ),
    )


class EntityAdmin(admin.ModelAdmin):
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["stories_about", "quotes_given"]
    speaker_field = ""
    mention_field = ""

    @admin.display(description="Stories about them")
    def stories_about(self, entity):
        if not entity.pk:
            return "—"
        return article_links(
            Article.objects.filter(**{self.mention_field: entity}).order_by("-created_at")[:LISTED]
        )

    @admin.display(description="Their quotes")
    def quotes_given(self, entity):
        if not entity.pk:
            return "—"
        quotes = (
            Quote.objects.filter(**{self.speaker_field: entity})
            .select_related("article")
            .order_by("-article__created_at")
        )
        return quote_links(quotes[:LISTED])


@admin.register(Person)
class PersonAdmin(EntityAdmin):
    form = PersonForm
    list_display = ["name", "role", "slug", "user"]
    search_fields = ["name", "slug", "role"]
    list_select_related = ["user"]
    autocomplete_fields = ["user"]
    readonly_fields = ["stories_by", *EntityAdmin.readonly_fields]
    speaker_field = "speaker_person"
    mention_field = "people_mentioned"
    fieldsets = [
        (None, {"fields": ["honorific", "name", "slug", "aliases", "role", "bio"]}),
        ("Photo", {"fields": ["photo", "photo_alt"]}),
        ("Staff", {"fields": ["user"]}),
        ("In the newsroom", {"fields": ["stories_by", "stories_about", "quotes_given"]}),
    ]

    @admin.display(description="Stories by them")
    def stories_by(self, person):
        if not person.pk:
            return "—"
        return article_links(
            Article.objects.filter(bylines__person=person).order_by("-created_at")[:LISTED]
        )


@admin.register(Organization)
class OrganizationAdmin(EntityAdmin):
    form = OrganizationForm
    list_display = ["name", "kind", "slug"]
    list_filter = ["kind"]
    speaker_field = "speaker_organization"
    mention_field = "organizations_mentioned"
    fieldsets = [
        (None, {"fields": ["name", "slug", "aliases", "kind", "description"]}),
        ("In the newsroom", {"fields": ["stories_about", "quotes_given"]}),
    ]
