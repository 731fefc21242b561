"""The editors' admin. Declarative where it can be; every status change calls articles.workflow."""

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.timesince import timesince

from articles import checks, copydesk, editing, previews, revisions, selectors, workflow
from articles.forms import ArticleAdminForm, TransitionForm, WireImportForm
from articles.models import (
    Article,
    ArticleEvent,
    Byline,
    Correction,
    Quote,
    RelatedPick,
    ReviewQueue,
    Section,
    UpdateProposal,
)
from articles.views import render_article
from articles.wire import WireError, import_wire

ACTION_BUTTONS = {
    # name: (label, reason label, reason required, needs a time, needs a kind, primary)
    "submit": ("Submit for review", "Note for the reviewer (optional)", False, False, False, True),
    "approve": ("Approve and publish", "Comment (optional)", False, False, False, True),
    "schedule": ("Schedule…", "Comment (optional)", False, True, False, False),
    "request_changes": ("Request changes…", "What needs to change", True, False, False, False),
    "reschedule": ("Reschedule…", "Comment (optional)", False, True, False, False),
    "cancel_schedule": ("Cancel schedule…", "Why", True, False, False, False),
    "unpublish": ("Unpublish…", "Why (kept in the log)", True, False, False, False),
    "publish_correction": (
        "Publish correction…",
        "Correction text readers will see",
        True,
        False,
        True,
        False,
    ),
}


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


class TagListFilter(admin.SimpleListFilter):
    title = "tag"
    parameter_name = "tag"

    def lookups(self, request, model_admin):
        from taggit.models import Tag

        tags = Tag.objects.filter(articles_taggedarticle_items__isnull=False).distinct()
        return [(tag.slug, tag.name) for tag in tags.order_by("name")]

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


def own_articles(queryset, user):
    """Limit a queryset to articles the user created or is bylined on."""
    return queryset.filter(Q(created_by=user) | Q(bylines__person__user=user)).distinct()


@admin.register(Article)
class ArticleAdmin(SafeDateFilters, admin.ModelAdmin):
    form = ArticleAdminForm
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
        form = super().get_form(request, obj, change, **kwargs)
        form.base_fields["tags"].widget = AutocompleteSelectMultiple(
            Article._meta.get_field("tags"), self.admin_site
        )
        return form

    def get_queryset(self, request):
        queryset = (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("bylines", queryset=Byline.objects.select_related("person")))
        )
        if not request.user.has_perm("articles.change_any_article"):
            queryset = own_articles(queryset, request.user)
        return queryset

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        # A proposed update did not change the story: Django's "changed successfully" would mislead.
        if getattr(request, "_proposal_savepoint", None) is not None and level == messages.SUCCESS:
            return
        super().message_user(request, message, level, *args, **kwargs)

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
        if article.is_scheduled:
            return f"Scheduled for {timezone.localtime(article.publish_at):%d %b %Y %H:%M}"
        return article.get_status_display()

    @admin.display(description="Byline")
    def authors_list(self, article):
        return ", ".join(person.name for person in article.authors) or "—"

    # Saving.

    def save_model(self, request, obj, form, change):
        if change and editing.is_proposal(request.user, obj):
            # Save as usual so the inlines validate and save, take the snapshot, then roll the
            # live story back: the change becomes a proposal and readers keep the live version.
            request._proposal_savepoint = transaction.savepoint()
        if not change:
            obj.created_by = request.user
        else:
            obj.version += 1
        obj.last_edited_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        savepoint = getattr(request, "_proposal_savepoint", None)
        if savepoint is not None:
            content = revisions.snapshot(article)
            transaction.savepoint_rollback(savepoint)
            workflow.propose_update(article, request.user, content)
            self.message_user(
                request,
                "Your change is saved as a proposed update. Readers keep seeing the published "
                "version until a reviewer approves it.",
                messages.WARNING,
            )
            return
        edited = form.has_changed() or any(formset.has_changed() for formset in formsets)
        editing.record_save(article, request.user, edited=edited)
        if change and edited and article.status == Article.Status.IN_REVIEW:
            updated = workflow.return_to_draft_after_edit(article, request.user)
            if updated.status == Article.Status.DRAFT:
                article.status = updated.status
                self.message_user(
                    request,
                    "The story changed during review, so it is back in draft: submit it again "
                    "so a reviewer approves what they read.",
                    messages.WARNING,
                )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["stale_edit"] = getattr(context["adminform"].form, "stale_edit", None)
        return super().render_change_form(request, context, add, change, form_url, obj)

    # The change form's workflow panel.

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id)
        if article is not None:
            extra_context = {
                **(extra_context or {}),
                "workflow": self.workflow_context(request, article),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def workflow_context(self, request, article):
        user = request.user
        names = workflow.available_actions(user, article)
        actions = []
        for name in names:
            label, reason_label, required, needs_time, needs_kind, primary = ACTION_BUTTONS[name]
            actions.append(
                {
                    "name": name,
                    "label": label,
                    "reason_label": reason_label,
                    "reason_required": required,
                    "needs_time": needs_time,
                    "needs_kind": needs_kind,
                    "primary": primary,
                    "url": reverse("admin:articles_article_transition", args=[article.pk, name]),
                }
            )
        refusal = ""
        if article.status == Article.Status.IN_REVIEW and workflow.breaks_four_eyes(user, article):
            refusal = "You wrote or last edited this story, so another reviewer must approve it."
        can_preview = workflow.can_preview(user, article)
        findings = checks.run_checks(article)
        return {
            "findings": findings,
            "findings_by_severity": [
                (severity, [f for f in findings if f.severity == severity])
                for severity in ("blocker", "warning", "note")
                if any(f.severity == severity for f in findings)
            ],
            "has_blockers": any(f.severity == "blocker" for f in findings),
            "suggestions": copydesk.suggestions_for(article)
            if workflow.can_edit(user, article)
            else [],
            "suggestion_url": reverse("admin:articles_article_suggestion", args=[article.pk]),
            "state_label": self.status_label(article),
            "actions": actions,
            "refusal": refusal,
            "events": list(article.events.select_related("actor")[:15]),
            "change_request": workflow.latest_change_request(article),
            "correction_kinds": Correction.Kind.choices,
            "can_preview": can_preview,
            "can_share": can_preview and not article.is_public,
            "live_links": article.preview_links.filter(
                revoked_at__isnull=True, expires_at__gt=timezone.now()
            ).count(),
            "preview_url": reverse("admin:articles_article_preview", args=[article.pk]),
            "proposals": self.proposals_context(user, article),
            "returned_proposals": list(
                article.proposals.filter(status=UpdateProposal.Status.RETURNED, proposed_by=user)
                .filter(decided_at__gte=article.updated_at or article.created_at)
                .select_related("decided_by")
            ),
            "revisions": list(article.revisions.select_related("created_by")[:15]),
            "compare_url": reverse("admin:articles_article_compare", args=[article.pk]),
            "can_restore": workflow.can_edit(user, article)
            or workflow.can_propose_update(user, article),
            "share_url": reverse("admin:articles_article_share", args=[article.pk]),
            "revoke_url": reverse("admin:articles_article_revoke", args=[article.pk]),
        }

    def proposals_context(self, user, article):
        pending = list(
            article.proposals.filter(status=UpdateProposal.Status.PENDING).select_related(
                "revision", "proposed_by"
            )
        )
        if not pending:
            return []
        live = revisions.snapshot(article)
        return [
            {
                "proposal": proposal,
                "changes": revisions.diff(live, proposal.revision.content),
                "can_review": workflow.can_review_update(user, proposal),
                "url": reverse("admin:articles_article_proposal", args=[article.pk, proposal.pk]),
            }
            for proposal in pending
        ]

    def get_urls(self):
        views = [
            ("<int:object_id>/transition/<str:action>/", self.transition_view, "transition"),
            ("<int:object_id>/preview/", self.preview_view, "preview"),
            ("<int:object_id>/share/", self.share_view, "share"),
            ("<int:object_id>/share/revoke/", self.revoke_view, "revoke"),
            ("<int:object_id>/proposals/<int:proposal_id>/", self.proposal_view, "proposal"),
            ("<int:object_id>/revisions/compare/", self.compare_view, "compare"),
            ("<int:object_id>/revisions/<int:number>/restore/", self.restore_view, "restore"),
            ("<int:object_id>/suggestion/", self.suggestion_view, "suggestion"),
            ("wire/import/", self.wire_import_view, "wire_import"),
        ]
        own = [
            path(route, self.admin_site.admin_view(view), name=f"articles_article_{name}")
            for route, view, name in views
        ]
        return own + super().get_urls()

    def _article_or_404(self, request, object_id):
        return get_object_or_404(self.get_queryset(request), pk=object_id)

    def _back(self, article):
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))

    def transition_view(self, request, object_id, action):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._article_or_404(request, object_id)
        form = TransitionForm(request.POST)
        if not form.is_valid():
            self.message_user(request, "Check the form: " + form.errors.as_text(), messages.ERROR)
            return self._back(article)
        data = form.cleaned_data
        try:
            message = self.run_transition(request.user, article, action, data)
        except workflow.TransitionError as error:
            self.message_user(request, error.message, messages.ERROR)
        else:
            self.message_user(request, message, messages.SUCCESS)
        return self._back(article)

    @staticmethod
    def run_transition(user, article, action, data) -> str:
        comment, publish_at = data["comment"], data["publish_at"]
        if action == "submit":
            workflow.submit(article, user, comment)
            return "Submitted for review."
        if action in {"approve", "schedule"}:
            if action == "schedule" and not publish_at:
                raise workflow.TransitionError("Choose when the story should be published.")
            approved = workflow.approve(
                article,
                user,
                publish_at=publish_at,
                comment=comment,
                override_reason=data["override_reason"],
            )
            if approved.is_scheduled:
                return f"Scheduled for {timezone.localtime(approved.publish_at):%d %b %Y %H:%M}."
            return "Approved and published."
        if action == "request_changes":
            workflow.request_changes(article, user, comment)
            return "Sent back to the authors with your request."
        if action == "reschedule":
            if not publish_at:
                raise workflow.TransitionError("Choose the new publish time.")
            workflow.reschedule(article, user, publish_at, comment)
            return f"Rescheduled for {timezone.localtime(publish_at):%d %b %Y %H:%M}."
        if action == "cancel_schedule":
            workflow.cancel_schedule(article, user, comment)
            return "Schedule cancelled; the story is a draft again."
        if action == "unpublish":
            workflow.unpublish(article, user, comment)
            return "Unpublished. Readers now get “410 Gone” at its address."
        if action == "publish_correction":
            workflow.publish_correction(article, user, comment, data["kind"] or "correction")
            return "Correction published."
        raise workflow.TransitionError(f"Unknown action “{action}”.")

    def preview_view(self, request, object_id):
        article = self._article_or_404(request, object_id)
        if not workflow.can_preview(request.user, article):
            self.message_user(request, "You may not preview this article.", messages.ERROR)
            return self._back(article)
        return render_article(request, selectors.article_for_preview(article.pk), preview=True)

    def share_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._article_or_404(request, object_id)
        try:
            url = request.build_absolute_uri(previews.create_share_link(article, request.user))
        except workflow.TransitionError as error:
            self.message_user(request, error.message, messages.ERROR)
        else:
            self.message_user(
                request,
                format_html(
                    'Share link (valid until the story changes or is published): <a href="{0}">{0}</a>',
                    url,
                ),
                messages.SUCCESS,
            )
        return self._back(article)

    def revoke_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._article_or_404(request, object_id)
        try:
            count = previews.revoke_share_links(article, request.user)
        except workflow.TransitionError as error:
            self.message_user(request, error.message, messages.ERROR)
        else:
            self.message_user(request, f"Revoked {count} share link(s).", messages.SUCCESS)
        return self._back(article)

    def proposal_view(self, request, object_id, proposal_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._article_or_404(request, object_id)
        proposal = get_object_or_404(article.proposals, pk=proposal_id)
        try:
            if request.POST.get("decision") == "approve":
                workflow.approve_update(proposal, request.user, request.POST.get("comment", ""))
                self.message_user(request, "Update approved: readers now see it.", messages.SUCCESS)
            else:
                workflow.return_update(proposal, request.user, request.POST.get("comment", ""))
                self.message_user(request, "Update sent back to its author.", messages.SUCCESS)
        except workflow.TransitionError as error:
            self.message_user(request, error.message, messages.ERROR)
        return self._back(article)

    def compare_view(self, request, object_id):
        article = self._article_or_404(request, object_id)
        history = article.revisions.select_related("created_by")
        try:
            older = history.get(number=int(request.GET.get("a", "")))
            newer = history.get(number=int(request.GET.get("b", "")))
        except (ValueError, article.revisions.model.DoesNotExist):
            self.message_user(
                request, "Choose two revisions of this article to compare.", messages.ERROR
            )
            return self._back(article)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Revision {older.number} → {newer.number}: {article.headline}",
            "article": article,
            "older": older,
            "newer": newer,
            "changes": revisions.diff(older.content, newer.content),
        }
        return TemplateResponse(request, "admin/articles/article/compare.html", context)

    def restore_view(self, request, object_id, number):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._article_or_404(request, object_id)
        revision = get_object_or_404(article.revisions, number=number)
        try:
            result = workflow.restore(article, revision, request.user)
        except workflow.TransitionError as error:
            self.message_user(request, error.message, messages.ERROR)
        else:
            if isinstance(result, UpdateProposal):
                self.message_user(
                    request,
                    f"Restoring revision {number} is proposed for review.",
                    messages.WARNING,
                )
            else:
                self.message_user(
                    request, f"Revision {number} restored as a new revision.", messages.SUCCESS
                )
        return self._back(article)

    def suggestion_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._article_or_404(request, object_id)
        try:
            entity = copydesk.accept_suggestion(
                article,
                request.user,
                name=request.POST.get("name", ""),
                kind=request.POST.get("kind", ""),
            )
        except workflow.TransitionError as error:
            self.message_user(request, error.message, messages.ERROR)
        else:
            self.message_user(
                request, f"Added {entity.name} and linked it to this story.", messages.SUCCESS
            )
        return self._back(article)

    def wire_import_view(self, request):
        """Paste or upload wire copy: the same import and messages as `manage.py import_wire`."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = WireImportForm(request.POST or None, request.FILES or None)
        result = None
        if request.method == "POST" and form.is_valid():
            try:
                result = import_wire(
                    form.wire_data(),
                    user=request.user,
                    section=form.cleaned_data["section"],
                    author=form.cleaned_data["author"],
                    tags=form.tag_names(),
                    dry_run=form.cleaned_data["dry_run"],
                )
            except WireError as error:
                self.message_user(request, f"Not imported: {error.message}", messages.ERROR)
            else:
                if result.duplicate_of is not None:
                    self.message_user(
                        request,
                        "This copy was imported before; nothing was created.",
                        messages.WARNING,
                    )
                elif result.article is not None:
                    self.message_user(
                        request, f"Draft created: “{result.article.headline}”.", messages.SUCCESS
                    )
                    return HttpResponseRedirect(
                        reverse("admin:articles_article_change", args=[result.article.pk])
                    )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Import wire copy",
            "form": form,
            "result": result,
        }
        return TemplateResponse(request, "admin/articles/article/wire_import.html", context)

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


@admin.register(ReviewQueue)
class ReviewQueueAdmin(ReadOnlyAdmin):
    list_display = ["story", "waiting_for", "authors_list", "section", "waiting", "findings"]
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

    @admin.display(description="Byline")
    def authors_list(self, article):
        return ", ".join(person.name for person in article.authors) or "—"

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
