"""Related stories: the editor's picks first, then the closest stories in the archive.

Score of a candidate story C for a story A::

    overlap = 3 × (tags A and C share)
            + 2 × (people both mention)
            + 2 × (organizations both mention)
            + 1 × (1 if they are in the same section else 0)

    score = overlap / (1 + days_apart / 30)

where ``days_apart`` is the absolute distance in days (counted to the second) between the two
stories' publish times (a draft being previewed counts as published now). A month's distance
halves a score, so a fresh story sharing one tag (3) beats a year-old story sharing two
(6 / 13.2 ≈ 0.45). The score is symmetric: C is as close to A as A is to C, which is what lets
a new story refresh the lists of the stories closest to it (`neighbours`).

Only stories readers can see take part (`Article.objects.published()`), the story itself is
never its own relative, and a candidate needs a positive overlap. Equal scores go to the newer
story, then to the higher id, so the order never changes between two identical requests.

Hand picks (`RelatedPick`, in their position order) come first and are never repeated among
the automatic ones; a pick that is not public is skipped. Everything is capped at `limit`.

How it is computed, in one SQL statement whatever the archive's size: the link rows the
story shares (its tags', people's and organizations' rows in the link tables, found by their
indexes) are summed per candidate with their weights; stories that share only the section
come from the few nearest in time on either side (their score only falls with distance, so
the best of them are among those); picks join as candidates too. The candidates are then
scored, ordered and cut in the database. There is no per-candidate subquery and no scan of the
archive. `bench/bench_related.py` measures it.

Readers never wait for it: the ids are ranked when a story changes and stored with its page
(`reader.pages`), and the lists of the stories closest to a newly published one are refreshed
by a background task.
"""

from django.db import connection
from django.db.models import Subquery
from django.utils import timezone

from articles.models import Article, Byline, RelatedPick, TaggedArticle

TAG_WEIGHT = 3
PERSON_WEIGHT = 2
ORGANIZATION_WEIGHT = 2
SECTION_WEIGHT = 1
HALF_SCORE_DAYS = 30.0
SECONDS_PER_DAY = 86400.0

RELATED_LIMIT = 5

PeopleMentioned = Article.people_mentioned.through
OrganizationsMentioned = Article.organizations_mentioned.through


def _column(model, name: str) -> str:
    return connection.ops.quote_name(model._meta.get_field(name).column)


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _epoch(column: str) -> str:
    """SQL for the whole seconds since 1970 of a timestamp column (exact, so equal distances
    give equal scores and the tie-break decides)."""
    if connection.vendor == "postgresql":
        return f"CAST(FLOOR(EXTRACT(EPOCH FROM {column})) AS BIGINT)"
    if connection.vendor == "sqlite":
        return f"CAST(strftime('%%s', {column}) AS INTEGER)"
    raise NotImplementedError("Related stories are ranked on SQLite and PostgreSQL only.")


# The SQL below is built from table and column names out of the models' metadata (quoted by
# the backend) and integers; every value goes in as a query parameter.
# ruff: noqa: S608


def _links_sql(article: Article, *, section_window: int) -> tuple[str, list]:
    """SQL for (candidate id, weight) rows: one per link the candidate shares with `article`,
    plus the nearest same-section stories and the picks with weight 0."""
    parts, params = [], []
    for model, owner, target, weight in (
        (TaggedArticle, "content_object", "tag", TAG_WEIGHT),
        (PeopleMentioned, "article", "person", PERSON_WEIGHT),
        (OrganizationsMentioned, "article", "organization", ORGANIZATION_WEIGHT),
    ):
        table, own, other = _table(model), _column(model, owner), _column(model, target)
        parts.append(
            f"SELECT {own} AS candidate, {weight} AS weight, CAST(NULL AS INTEGER) AS pick_position, "
            f"CAST(NULL AS INTEGER) AS pick_id FROM {table} "
            f"WHERE {other} IN (SELECT {other} FROM {table} WHERE {own} = %s)"
        )
        params.append(article.pk)
    articles = _table(Article)
    if article.section_id is not None:
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        moment = connection.ops.adapt_datetimefield_value(article.publish_at or timezone.now())
        for side, order in (("<=", "DESC"), (">", "ASC")):
            parts.append(
                f"SELECT id AS candidate, 0 AS weight, CAST(NULL AS INTEGER) AS pick_position, "
                f"CAST(NULL AS INTEGER) AS pick_id "
                f"FROM (SELECT id FROM {articles} "
                f"WHERE section_id = %s AND status = %s AND publish_at <= %s "
                f"AND (embargo_until IS NULL OR embargo_until <= %s) "
                f"AND publish_at {side} %s AND id <> %s "
                f"ORDER BY publish_at {order} LIMIT {int(section_window)}) nearest"
            )
            params += [article.section_id, Article.Status.PUBLISHED, now, now, moment, article.pk]
    picks = _table(RelatedPick)
    parts.append(
        f"SELECT target_id AS candidate, 0 AS weight, position AS pick_position, "
        f"id AS pick_id FROM {picks} WHERE article_id = %s"
    )
    params.append(article.pk)
    return " UNION ALL ".join(parts), params


def ranked_ids(article: Article, *, limit: int = RELATED_LIMIT) -> list[tuple[int, float]]:
    """Return (id, score) of up to `limit` public stories related to `article`, picks first
    (their score is None when they share nothing). One query."""
    if article.pk is None:
        return []
    links, params = _links_sql(article, section_window=limit + 1)
    articles = _table(Article)
    reference = int((article.publish_at or timezone.now()).timestamp())
    section = "0" if article.section_id is None else "CASE WHEN a.section_id = %s THEN 1 ELSE 0 END"
    sql = (
        f"SELECT a.id, (o.shared + {section}) * 1.0 "
        f"/ (1.0 + ABS({_epoch('a.publish_at')} - %s) / {SECONDS_PER_DAY} / {HALF_SCORE_DAYS}) "
        f"AS score, o.pick_position, o.pick_id "
        f"FROM (SELECT candidate, SUM(weight) AS shared, MIN(pick_position) AS pick_position, "
        f"MIN(pick_id) AS pick_id FROM ({links}) links GROUP BY candidate) o "
        f"JOIN {articles} a ON a.id = o.candidate "
        f"WHERE a.status = %s AND a.publish_at <= %s "
        f"AND (a.embargo_until IS NULL OR a.embargo_until <= %s) AND a.id <> %s "
        f"AND (o.shared > 0 OR a.section_id = %s OR o.pick_id IS NOT NULL) "
        f"ORDER BY CASE WHEN o.pick_id IS NULL THEN 1 ELSE 0 END, o.pick_position, o.pick_id, "
        f"score DESC, a.publish_at DESC, a.id DESC LIMIT {int(limit)}"
    )
    arguments = [article.section_id] if article.section_id is not None else []
    arguments += [reference, *params]
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    arguments += [
        Article.Status.PUBLISHED,
        now,
        now,
        article.pk,
        article.section_id if article.section_id is not None else -1,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, arguments)
        rows = cursor.fetchall()
    return [
        (pk, None if pick_id is not None and not score else score) for pk, score, _, pick_id in rows
    ]


def rank_related(article: Article, *, limit: int = RELATED_LIMIT) -> list[Article]:
    """Return up to `limit` public stories related to `article`: hand picks, then the best
    scores, each with its `score`, section and byline. Three queries (the ranking, the
    stories, their bylines), whatever the size of the archive."""
    ranked = ranked_ids(article, limit=limit)
    if not ranked:
        return []
    found = Article.objects.for_listing().in_bulk([pk for pk, _ in ranked])
    stories = []
    for pk, score in ranked:
        story = found.get(pk)
        if story is not None:
            story.score = score
            stories.append(story)
    return stories


def neighbours(article: Article, *, limit: int = 50) -> list[int]:
    """Return the ids of the public stories closest to `article` by the score (no picks): the
    stories whose own related lists it may now belong to."""
    return [pk for pk, score in ranked_ids(article, limit=limit) if score]


def more_from_author(article: Article, *, limit: int = 4) -> list[Article]:
    """Return the latest other public stories by the first author in `article`'s byline."""
    first_author = (
        Byline.objects.filter(article=article.pk).order_by("position", "id").values("person")[:1]
    )
    return list(
        Article.objects.published()
        .for_listing()
        .filter(bylines__person=Subquery(first_author))
        .exclude(pk=article.pk)
        .order_by("-publish_at", "-id")[:limit]
    )
