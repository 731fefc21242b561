"""The article admin: what each role sees and may edit, saving, bulk actions."""

from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.db.models import Prefetch
from django.http import HttpResponseRedirect
from django.utils import timezone

from articles import workflow
from articles.admin.common import (
    AuthorListFilter,
    BylineInline,
    EmbargoListFilter,
    QuoteInline,
    RelatedPickInline,
    SafeDateFilters,
    TagListFilter,
    byline_column,
)
from articles.admin.panel import WorkflowPanelMixin
from articles.admin.views import ArticleViewsMixin
from articles.forms import ArticleAdminForm
from articles.models import (
    Article,
    Byline,
)
from articles.selectors import own_articles


def refusing_locked(form_class, user):
    """Give the change form the save service's lock check (`workflow.require_unlocked`), made
    while validating, so a save refused because someone else holds the story's lock comes
    back as a form error with the editor's typing still in it."""

    class LockCheckedForm(form_class):
        def clean(self):
            cleaned = super().clean()
            if self.instance.pk is None:
                return cleaned
            # The form's version check holds the row now, so this reading stays true until
            # the save.
            stored = Article.objects.select_related("locked_by").get(pk=self.instance.pk)
            try:
                workflow.require_unlocked(stored, user)
            except workflow.TransitionError as error:
                raise ValidationError(error.message, code="locked") from None
            return cleaned

    return LockCheckedForm


@admin.register(Article)
class ArticleAdmin(SafeDateFilters, WorkflowPanelMixin, ArticleViewsMixin, admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = [
        "headline",
        "status_label",
        "section",
        "kind",
        byline_column,
        "publish_at",
        "modified_at",
        "lock_label",
    ]
    list_filter = [
        "status",
        EmbargoListFilter,
        "section",
        "kind",
        AuthorListFilter,
        TagListFilter,
        "publish_at",
    ]
    list_select_related = ["section", "locked_by__person"]
    search_fields = ["headline", "standfirst", "body"]
    date_hierarchy = "created_at"
    # No second COUNT of the whole archive on every changelist page (it shows "N selected").
    show_full_result_count = False
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
    actions = ["delete_drafts", "submit_selected", "approve_selected"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "loaded_version",
                    "headline",
                    "slug",
                    "standfirst",
                    "body",
                    ("kind", "section"),
                    "dateline",
                    "tags",
                    "new_tags",
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
                    "embargo_until",
                    "first_published_at",
                    "updated_at",
                    "created_by",
                    "last_edited_by",
                ]
            },
        ),
    ]

    # Who sees and edits what: the rules are workflow's predicates.

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = refusing_locked(super().get_form(request, obj, change, **kwargs), request.user)
        form.base_fields["tags"].widget = AutocompleteSelectMultiple(
            Article._meta.get_field("tags"), self.admin_site
        )
        return form

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if obj is not None and obj.status == Article.Status.PUBLISHED:
            # Approved: only the workflow panel's "Lift" and "Extend" change the embargo.
            return [*fields, "embargo_until"]
        return fields

    def get_queryset(self, request):
        queryset = (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("bylines", queryset=Byline.objects.select_related("person")))
        )
        if not request.user.has_perm("articles.change_any_article"):
            queryset = own_articles(queryset, request.user)
        return queryset

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        return workflow.can_edit(request.user, obj) or workflow.can_propose_update(
            request.user, obj
        )

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (
            obj is None or obj.first_published_at is None and obj.status != Article.Status.PUBLISHED
        )

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    # The list.

    @admin.display(description="Status", ordering="status")
    def status_label(self, article):
        parts = []
        if article.is_scheduled:
            parts.append(f"scheduled for {timezone.localtime(article.publish_at):%d %b %Y %H:%M}")
        if article.is_embargoed:
            until = timezone.localtime(article.embargo_until)
            parts.append(f"under embargo until {until:%d %b %Y %H:%M}")
        if not parts:
            return article.get_status_display()
        label = ", ".join(parts)
        return label[0].upper() + label[1:]

    @admin.display(description="Lock")
    def lock_label(self, article):
        if article.locked_by_id is None:
            return ""
        return f"🔒 {workflow.display_name(article.locked_by)}" if article.locked_by else "🔒"

    # Saving: one call to the save service, which decides what the save becomes.

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except IntegrityError:
            # Another editor saved a story with the same address between this form's check and
            # its save (two adds at once). Nothing was saved; the form's own check now sees
            # their story, so showing the form again says what to change. Only once: a second
            # failure is a real bug and must not be hidden.
            if request.method != "POST":
                raise
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        """Save nothing yet: the service saves the story with its inlines in `save_related`."""

    def save_related(self, request, form, formsets, change):
        def apply(article):
            super(ArticleAdmin, self).save_model(request, article, form, change)
            super(ArticleAdmin, self).save_related(request, form, formsets, change)

        request.newsroom_save = workflow.save_content(
            form.instance, request.user, apply, expected_version=form.expected_version(),
            writer_in_byline=not change,
        )  # fmt: skip

    def response_add(self, request, obj, post_url_continue=None):
        return super().response_add(request, request.newsroom_save.article, post_url_continue)

    def response_change(self, request, obj):
        saved = request.newsroom_save
        if saved.notice:
            self.message_user(request, saved.notice, messages.WARNING)
        if saved.proposal is not None:  # the story did not change, so "changed" would mislead
            return HttpResponseRedirect(request.path)
        return super().response_change(request, saved.article)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["stale_edit"] = getattr(context["adminform"].form, "stale_edit", None)
        return super().render_change_form(request, context, add, change, form_url, obj)

    # Bulk actions: each article goes through the workflow on its own.

    def _bulk(self, request, queryset, transition, done):
        for article in queryset:
            try:
                transition(article, request.user)
            except workflow.TransitionError as error:
                self.message_user(request, f"“{article}”: {error.message}", messages.ERROR)
            else:
                self.message_user(request, f"“{article}”: {done}", messages.SUCCESS)

    @admin.action(description="Submit selected for review", permissions=["submit"])
    def submit_selected(self, request, queryset):
        self._bulk(request, queryset, workflow.submit, "submitted for review.")

    @admin.action(description="Approve and publish selected", permissions=["approve"])
    def approve_selected(self, request, queryset):
        self._bulk(request, queryset, workflow.approve, "approved and published.")

    @admin.action(description="Delete selected drafts", permissions=["delete"])
    def delete_drafts(self, request, queryset):
        deletable = []
        for article in queryset:
            if self.has_delete_permission(request, article):
                deletable.append(article.pk)
            else:
                self.message_user(
                    request,
                    f"“{article}” was not deleted: a story that has been published is never "
                    "deleted. Unpublish it instead.",
                    messages.ERROR,
                )
        if deletable:
            doomed = Article.objects.filter(pk__in=deletable)
            self.log_deletions(request, doomed)
            doomed.delete()
            self.message_user(request, f"Deleted {len(deletable)} draft(s).", messages.SUCCESS)

    def has_submit_permission(self, request):
        return request.user.has_perm("articles.submit_article")

    def has_approve_permission(self, request):
        return request.user.has_perm("articles.approve_article")
