"""The stories and quotes of a person or organization, on their admin change form.

The directory (people.admin) knows nothing of articles; the editorial core adds these lists,
limited to what the logged-in user may see (a reporter sees published stories and their own).
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from articles import selectors
from articles.models import Quote
from people.admin import OrganizationAdmin, PersonAdmin
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


class StoryListsMixin:
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


class PersonWithStoriesAdmin(StoryListsMixin, PersonAdmin):
    speaker_field = "speaker_person"
    mention_field = "people_mentioned"

    def story_lists(self, entity, visible):
        by = visible.filter(bylines__person=entity).order_by("-created_at")[:LISTED]
        return [("Stories by them", article_links(by)), *super().story_lists(entity, visible)]


class OrganizationWithStoriesAdmin(StoryListsMixin, OrganizationAdmin):
    speaker_field = "speaker_organization"
    mention_field = "organizations_mentioned"


for model, model_admin in [
    (Person, PersonWithStoriesAdmin),
    (Organization, OrganizationWithStoriesAdmin),
]:
    admin.site.unregister(model)
    admin.site.register(model, model_admin)
