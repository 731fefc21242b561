"""The article admin's own pages: transitions, previews, share links, proposals, revisions,
copy-desk suggestions and the wire import. Each is a thin view over a service module."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from articles import copydesk, presence, previews, revisions, workflow
from articles.forms import TransitionForm, WireImportForm
from articles.models import (
    UpdateProposal,
)
from articles.wire import WireError, import_wire


def moment(value) -> str:
    return f"{timezone.localtime(value):%d %b %Y %H:%M}"


def posted_version(request) -> int | None:
    """Return the story version a panel form was shown with (None when missing or garbled)."""
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return None


class ArticleViewsMixin:
    """URLs and views the article admin adds to Django's."""

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
            ("<int:object_id>/presence/", self.presence_view, "presence"),
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
            if approved.is_embargoed:
                return (
                    f"Approved under embargo: readers see it from {moment(approved.public_from)}; "
                    "partners with the embargo scope have it from "
                    f"{moment(approved.publish_at)}."
                )
            if approved.is_scheduled:
                return f"Scheduled for {moment(approved.publish_at)}."
            return "Approved and published."
        if action == "request_changes":
            workflow.request_changes(article, user, comment)
            return "Sent back to the authors with your request."
        if action == "reschedule":
            if not publish_at:
                raise workflow.TransitionError("Choose the new publish time.")
            workflow.reschedule(article, user, publish_at, comment)
            return f"Rescheduled for {moment(publish_at)}."
        if action == "cancel_schedule":
            workflow.cancel_schedule(article, user, comment)
            return "Schedule cancelled; the story is a draft again."
        if action == "unpublish":
            workflow.unpublish(article, user, comment)
            return "Unpublished. Readers now get “410 Gone” at its address."
        if action == "lift_embargo":
            lifted = workflow.lift_embargo(article, user, reason=comment)
            if lifted.is_public:
                return "Embargo lifted: readers see the story now."
            return f"Embargo lifted: readers see the story at {moment(lifted.publish_at)}."
        if action == "extend_embargo":
            until = data["embargo_until"]
            workflow.extend_embargo(article, user, until=until, reason=comment)
            return f"Embargo extended until {moment(until)}."
        if action == "lock":
            workflow.lock(article, user)
            return "Locked: nobody else can save this story until you unlock it."
        if action == "unlock":
            workflow.unlock(article, user)
            return "Unlocked: others can save this story again."
        if action == "break_lock":
            workflow.break_lock(article, user, reason=comment)
            return "Lock broken; the reason is in the story's history."
        if action == "publish_correction":
            workflow.publish_correction(article, user, comment, data["kind"] or "correction")
            return "Correction published."
        raise workflow.TransitionError(f"Unknown action “{action}”.")

    def presence_view(self, request, object_id):
        """Mark the user as still editing the story (or gone, with `leave`); answer who else
        is. The change form pings this while it stays open (static/js/admin.js)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._article_or_404(request, object_id)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        page = request.POST.get("page", "")[:40]
        if request.POST.get("leave"):
            presence.leave(article.pk, request.user, page=page)
            others = []
        else:
            others = presence.mark_present(article.pk, request.user, page=page)
        return JsonResponse({"others": [editor.as_json() for editor in others]})

    def preview_view(self, request, object_id):
        article = self._article_or_404(request, object_id)
        if not workflow.can_preview(request.user, article):
            self.message_user(request, "You may not preview this article.", messages.ERROR)
            return self._back(article)
        return previews.render_preview(request, article)

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
                workflow.approve_update(
                    proposal,
                    request.user,
                    request.POST.get("comment", ""),
                    override_reason=request.POST.get("override_reason", ""),
                )
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
            result = workflow.restore(
                article, revision, request.user, expected_version=posted_version(request)
            )
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
                expected_version=posted_version(request),
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
