"""The editors' admin. Declarative; business rules live in the articles modules it calls."""

from django.contrib import admin
from django.db.models import Prefetch

from articles.models import Article, Byline, Quote, RelatedPick, Section


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


class TagListFilter(admin.SimpleListFilter):
    title = "tag"
    parameter_name = "tag"

    def lookups(self, request, model_admin):
        from taggit.models import Tag

        return [
            (tag.slug, tag.name)
            for tag in Tag.objects.filter(articles_taggedarticle_items__isnull=False)
            .distinct()
            .order_by("name")
        ]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(tagged_items__tag__slug=self.value())
        return queryset


class AuthorListFilter(admin.SimpleListFilter):
    title = "author"
    parameter_name = "author"

    def lookups(self, request, model_admin):
        from people.models import Person

        return [(p.slug, p.name) for p in Person.objects.filter(bylines__isnull=False).distinct()]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(bylines__person__slug=self.value())
        return queryset


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "headline",
        "status_label",
        "section",
        "kind",
        "authors_list",
        "publish_at",
        "modified_at",
    ]
    list_filter = ["status", "section", "kind", AuthorListFilter, TagListFilter, "publish_at"]
    list_select_related = ["section"]
    search_fields = ["headline", "standfirst", "body"]
    date_hierarchy = "created_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["section", "people_mentioned", "organizations_mentioned"]
    readonly_fields = [
        "status_label",
        "publish_at",
        "first_published_at",
        "updated_at",
        "created_by",
        "last_edited_by",
    ]
    inlines = [BylineInline, QuoteInline, RelatedPickInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "headline",
                    "slug",
                    "standfirst",
                    "body",
                    ("kind", "section"),
                    "dateline",
                    "tags",
                ]
            },
        ),
        ("Who is in the story", {"fields": ["people_mentioned", "organizations_mentioned"]}),
        ("Hero image", {"fields": ["hero_image", "hero_alt", "hero_caption", "hero_credit"]}),
        (
            "Status",
            {
                "fields": [
                    "status_label",
                    "publish_at",
                    "first_published_at",
                    "updated_at",
                    "created_by",
                    "last_edited_by",
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("bylines", queryset=Byline.objects.select_related("person")))
        )

    @admin.display(description="Status", ordering="status")
    def status_label(self, article):
        if article.is_scheduled:
            return f"Scheduled for {article.publish_at:%d %b %Y %H:%M}"
        return article.get_status_display()

    @admin.display(description="Byline")
    def authors_list(self, article):
        return ", ".join(person.name for person in article.authors) or "—"

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.last_edited_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Quote)
class QuoteAdmin(admin.ModelAdmin):
    list_display = ["__str__", "article", "speaker_person", "speaker_organization", "is_pull_quote"]
    list_select_related = ["article", "speaker_person", "speaker_organization"]
    list_filter = ["is_pull_quote", ("speaker_person", admin.EmptyFieldListFilter)]
    search_fields = ["text", "attribution_text", "article__headline"]
    autocomplete_fields = ["article", "speaker_person", "speaker_organization"]
