"""Reads for the editors' admin: which stories a staff member may see."""

from django.db.models import Q, QuerySet

from articles.models import Article


def own_articles(queryset: QuerySet, user) -> QuerySet:
    """Limit a queryset to articles the user created or is bylined on."""
    return queryset.filter(Q(created_by=user) | Q(bylines__person__user=user)).distinct()


def articles_visible_to(user) -> QuerySet:
    """Return the articles a staff user may see in the admin: all of them for editors and
    reviewers; for reporters, published ones and their own."""
    if user.has_perm("articles.change_any_article"):
        return Article.objects.all()
    public = Article.objects.published().values("pk")
    return Article.objects.filter(
        Q(pk__in=public) | Q(pk__in=own_articles(Article.objects.all(), user).values("pk"))
    )
