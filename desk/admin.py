"""The comments' admin: a read-only list to search, and the panel's POST endpoints."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse

from articles.models import Article
from desk import comments, selectors
from desk.forms import DRAFT_KEY, CommentForm
from desk.models import Comment


def post_only(view):
    """Answer 405 to anything but POST (before the admin asks for a login)."""

    def wrapped(request, *args, **kwargs):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return view(request, *args, **kwargs)

    return wrapped


def error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["article", "author", "created_at", "resolved_at"]
    list_filter = [("resolved_at", admin.EmptyFieldListFilter)]
    search_fields = ["body", "passage", "article__headline", "author__username"]
    list_select_related = ["article", "author"]
    readonly_fields = [
        "article", "author", "parent", "body", "passage", "mentions", "created_at",
        "resolved_at", "resolved_by",
    ]  # fmt: skip

    def get_queryset(self, request):
        return selectors.comments_visible_to(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        views = [
            ("story/<int:article_id>/post/", self.post_view, "post"),
            ("<int:comment_id>/resolve/", self.resolve_view, "resolve"),
            ("<int:comment_id>/reopen/", self.reopen_view, "reopen"),
        ]
        own = [
            path(route, post_only(self.admin_site.admin_view(view)), name=f"desk_comment_{name}")
            for route, view, name in views
        ]
        return own + super().get_urls()

    def _back(self, article_id):
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article_id]))

    def post_view(self, request, article_id):
        article = get_object_or_404(Article, pk=article_id)
        if not comments.can_comment(request.user, article):
            raise PermissionDenied
        form = CommentForm(request.POST)
        try:
            if not form.is_valid():
                raise ValidationError(form.errors.as_data())
            data = form.cleaned_data
            parent = None
            if data["parent"]:
                parent = get_object_or_404(Comment, pk=data["parent"], article=article)
            comments.add_comment(
                article, request.user, body=data["body"], passage=data["passage"], parent=parent
            )
        except ValidationError as error:
            request.session[DRAFT_KEY.format(article.pk)] = {
                "body": request.POST.get("body", "")[:5000],
                "passage": request.POST.get("passage", "")[:1000],
                "parent": request.POST.get("parent", "")[:20],
            }
            self.message_user(request, "Comment not posted: " + error_text(error), messages.ERROR)
        else:
            self.message_user(request, "Comment posted.", messages.SUCCESS)
        return self._back(article.pk)

    def resolve_view(self, request, comment_id):
        return self._change_state(request, comment_id, comments.resolve, "Thread resolved.")

    def reopen_view(self, request, comment_id):
        return self._change_state(request, comment_id, comments.reopen, "Thread reopened.")

    def _change_state(self, request, comment_id, change, done):
        comment = get_object_or_404(Comment.objects.select_related("article"), pk=comment_id)
        if not comments.can_resolve(request.user, comment):
            raise PermissionDenied
        try:
            change(comment, request.user)
        except ValidationError as error:
            self.message_user(request, error_text(error), messages.ERROR)
        else:
            self.message_user(request, done, messages.SUCCESS)
        return self._back(comment.article_id)
