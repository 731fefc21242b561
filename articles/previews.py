"""Share links: signed, expiring, revocable links to an unpublished story's current version.

The token is signed with Django's signing framework and names a PreviewLink row; the row holds
the expiry, the revocation and a fingerprint of the content it was made for, so the link stops
working once the story is published or scheduled, saved again, or the link is revoked.
"""

import hashlib
import json
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string

from articles import workflow
from articles.models import Article, PreviewLink

SALT = "articles.preview-link"
CONTENT_FIELDS = [
    "headline", "standfirst", "body", "kind", "dateline", "hero_image", "hero_alt",
    "hero_caption", "hero_credit",
]  # fmt: skip


def content_fingerprint(article: Article) -> str:
    """Return a hash of what readers would see of the article's text."""
    content = {field: str(getattr(article, field)) for field in CONTENT_FIELDS}
    content["quotes"] = list(
        article.quotes.order_by("position", "id").values_list("text", flat=True)
    )
    encoded = json.dumps(content, sort_keys=True).encode()
    return hashlib.sha256(encoded).hexdigest()


def create_share_link(article: Article, user, *, hours: int | None = None) -> str:
    """Make a share link to the story as it is now; return its path."""
    if article.is_public:
        raise workflow.TransitionError("This story is already public; share its address instead.")
    if not workflow.can_preview(user, article):
        raise workflow.TransitionError("You may not share a preview of this article.")
    lifetime = timedelta(hours=hours or settings.NEWSROOM_PREVIEW_LINK_HOURS)
    link = PreviewLink.objects.create(
        article=article,
        created_by=user,
        expires_at=timezone.now() + lifetime,
        article_version=article.version,
        content_fingerprint=content_fingerprint(article),
    )
    token = signing.dumps({"link": link.pk}, salt=SALT, compress=True)
    return reverse("articles:share_preview", kwargs={"token": token})


def revoke_share_links(article: Article, user) -> int:
    """Revoke every live share link to the article; return how many."""
    if not workflow.can_preview(user, article):
        raise workflow.TransitionError("You may not revoke this article's preview links.")
    return article.preview_links.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())


def article_for_token(token: str) -> Article | None:
    """Return the article a valid, live share link points to, or None for any failure."""
    max_age = timedelta(hours=max(settings.NEWSROOM_PREVIEW_LINK_HOURS, 1) * 30)
    try:
        payload = signing.loads(token, salt=SALT, max_age=max_age)
        link = PreviewLink.objects.select_related("article").get(pk=int(payload["link"]))
    except (signing.BadSignature, PreviewLink.DoesNotExist, KeyError, TypeError, ValueError):
        return None
    article = link.article
    if link.revoked_at or link.expires_at <= timezone.now():
        return None
    if article.status == Article.Status.PUBLISHED:  # live, or approved and scheduled
        return None
    # Any save bumps the version (byline, tags, quotes…); the fingerprint also catches text
    # changed behind the application's back.
    if (
        article.version != link.article_version
        or content_fingerprint(article) != link.content_fingerprint
    ):
        return None
    return article


def render_preview(request, article: Article):
    """Return the public page of `article`, in whatever state, marked as a preview.

    The public site renders it (`NEWSROOM_PREVIEW_RENDERER`), so the editorial core shows staff
    exactly what readers will get without depending on the public site's code.
    """
    return import_string(settings.NEWSROOM_PREVIEW_RENDERER)(request, article)
