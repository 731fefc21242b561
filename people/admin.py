from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from articles import selectors
from articles.models import Quote
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
    """Shared by people and organizations; the change form lists their stories and quotes,
    limited to what the logged-in user may see (a reporter sees published stories and their own).
    """

    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    speaker_field = ""
    mention_field = ""

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context["newsroom_lists"] = self.story_lists(
                obj, selectors.articles_visible_to(request.user)
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def story_lists(self, entity, visible) -> list[tuple[str, str]]:
        about = visible.filter(**{self.mention_field: entity}).order_by("-created_at")[:LISTED]
        quotes = (
            Quote.objects.filter(**{self.speaker_field: entity}, article__in=visible.values("pk"))
            .select_related("article")
            .order_by("-article__created_at")[:LISTED]
        )
        return [("Stories about them", article_links(about)), ("Their quotes", quote_links(quotes))]


@admin.register(Person)
class PersonAdmin(EntityAdmin):
    form = PersonForm
    list_display = ["name", "role", "slug", "user"]
    search_fields = ["name", "slug", "role"]
    list_select_related = ["user"]
    autocomplete_fields = ["user"]
    speaker_field = "speaker_person"
    mention_field = "people_mentioned"
    fieldsets = [
        (None, {"fields": ["honorific", "name", "slug", "aliases", "role", "bio"]}),
        ("Photo", {"fields": ["photo", "photo_alt"]}),
        ("Staff", {"fields": ["user"]}),
    ]

    def story_lists(self, entity, visible):
        by = visible.filter(bylines__person=entity).order_by("-created_at")[:LISTED]
        return [("Stories by them", article_links(by)), *super().story_lists(entity, visible)]


@admin.register(Organization)
class OrganizationAdmin(EntityAdmin):
    form = OrganizationForm
    list_display = ["name", "kind", "slug"]
    list_filter = ["kind"]
    speaker_field = "speaker_organization"
    mention_field = "organizations_mentioned"
    fieldsets = [(None, {"fields": ["name", "slug", "aliases", "kind", "description"]})]
