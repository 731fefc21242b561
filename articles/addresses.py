"""Addresses that never break: a story keeps every address readers have known.

A story's address is the date of its first publication and its slug. Once readers have seen
it, a change of either leaves the old address behind as a `FormerAddress` naming the story
(`record_move`, called by the save service and by approval in the same transaction), and the
public site answers it with a 301 straight to the current address, or 410 when the story is
withdrawn. A draft's renames leave nothing: nobody has its address yet.

A story may not take a slug another story had (`check_slug_free`: the admin form shows it, the
save service enforces it), so an old link never lands on a different story; a story renamed
back to one of its own old addresses simply has it again.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone

from articles.models import Article, FormerAddress

Address = tuple[date, str]


def public_address(article: Article) -> Address | None:
    """Return the (date, slug) of the address readers have known the story at, or None while
    they have never seen it (a draft, a story scheduled or under embargo for the first time)."""
    first = article.first_published_at
    if first is None or first > timezone.now():
        return None
    return timezone.localtime(first).date(), article.slug


def check_slug_free(slug: str, *, article_id: int | None) -> None:
    """Refuse a slug that is a former address of another story (one query)."""
    taken = FormerAddress.objects.filter(slug=slug)
    if article_id is not None:
        taken = taken.exclude(article_id=article_id)
    if taken.exists():
        raise ValidationError(
            "Another story used to be at this address, and its old links lead to it. Choose "
            "another slug.",
            code="former_address",
        )


def record_move(article: Article, *, previous: Address | None) -> None:
    """Keep `previous`, the story's address before this change, as a former address when the
    story has moved; forget a former address the story is back at. No query when the
    address did not change."""
    if previous is None:
        return
    current = public_address(article)
    if current == previous:
        return
    if current is not None:
        FormerAddress.objects.filter(
            article=article, published_on=current[0], slug=current[1]
        ).delete()
    published_on, slug = previous
    FormerAddress.objects.update_or_create(
        published_on=published_on, slug=slug, defaults={"article": article}
    )


def story_at_former_address(*, on: date, slug: str) -> Article | None:
    """Return the story that used to be at this address, with what deciding the answer and
    its current address needs (one query), or None."""
    return (
        Article.objects.filter(former_addresses__published_on=on, former_addresses__slug=slug)
        .only(
            "status",
            "slug",
            "publish_at",
            "embargo_until",
            "first_published_at",
            "created_at",
            "unpublished_at",
        )  # fmt: skip
        .first()
    )
