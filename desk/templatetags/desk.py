"""Give the article change form its comment panel (templates/desk/comment_panel.html)."""

from django import template
from django.urls import reverse

from desk import comments, selectors
from desk.forms import DRAFT_KEY, CommentForm

register = template.Library()


@register.inclusion_tag("desk/comments.html", takes_context=True)
def comment_panel(context):
    """Render the story's threads, their history and the comment form, for those who may."""
    request, article = context["request"], context.get("original")
    if article is None or not comments.can_comment(request.user, article):
        return {"show": False}
    threads = selectors.threads_for(article)
    for thread in threads:
        thread.can_resolve = comments.is_resolver(request.user, thread)
        thread.resolve_url = reverse("admin:desk_comment_resolve", args=[thread.pk])
        thread.reopen_url = reverse("admin:desk_comment_reopen", args=[thread.pk])
    draft = request.session.pop(DRAFT_KEY.format(article.pk), None)
    return {
        "show": True,
        "csrf_token": context.get("csrf_token"),
        "threads": threads,
        "open_count": sum(1 for thread in threads if not thread.is_resolved),
        "history": selectors.history_of(threads)[:30],
        "form": CommentForm(initial=draft) if draft else CommentForm(),
        "draft_parent": (draft or {}).get("parent", ""),
        "post_url": reverse("admin:desk_comment_post", args=[article.pk]),
    }
