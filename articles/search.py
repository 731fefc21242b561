"""The search index, written when a story changes.

On PostgreSQL each article stores a GIN-indexed tsvector: headline weight A, standfirst B, tags
and names C, body D. The public site queries it (`reader.search`); SQLite has no index to keep.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.models import Value

from articles.markdown import render_plain_text
from articles.models import Article


def uses_postgres() -> bool:
    """Say whether the database is PostgreSQL (full-text search with a stored index)."""
    return connection.vendor == "postgresql"


def index_article(article: Article) -> None:
    """Store the article's search vector (PostgreSQL only; a no-op elsewhere)."""
    if not uses_postgres():
        return
    names = [
        *article.tags.names(),
        *article.people_mentioned.values_list("name", flat=True),
        *article.organizations_mentioned.values_list("name", flat=True),
        *article.bylines.values_list("person__name", flat=True),
    ]
    config = settings.NEWSROOM_SEARCH_CONFIG
    vector = (
        SearchVector(Value(article.headline), weight="A", config=config)
        + SearchVector(Value(article.standfirst), weight="B", config=config)
        + SearchVector(Value(" ".join(names)), weight="C", config=config)
        + SearchVector(Value(render_plain_text(article.body)), weight="D", config=config)
    )
    Article.objects.filter(pk=article.pk).update(search_vector=vector)
