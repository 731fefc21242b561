"""Time `rank_related` on a newsroom-sized archive.

    .venv/bin/python bench/bench_related.py [--stories 5000] [--runs 200]

Without DATABASE_URL it builds the archive in a temporary SQLite file; with DATABASE_URL naming
a PostgreSQL server it builds it in a throw-away database beside the named one
(`<name>_bench_related`, created and dropped here), never in the named database itself.
"""

import argparse
import operator
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from functools import reduce
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("DEBUG", "0")  # no query log growing in memory while timing
SCRATCH = tempfile.TemporaryDirectory(prefix="bench-related-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{SCRATCH.name}/bench.sqlite3")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Q  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from taggit.models import Tag  # noqa: E402

from articles.models import Article, Byline, RelatedPick, Section, TaggedArticle  # noqa: E402
from people.models import Organization, Person, PublicName  # noqa: E402
from reader import related  # noqa: E402

SECTIONS, TAGS, PEOPLE, ORGANIZATIONS = 12, 400, 800, 150
BATCH = 1000


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=200, help="timed calls (median reported)")
    parser.add_argument("--seed", type=int, default=20250101)
    parser.add_argument(
        "--hot-tag-share",
        type=float,
        default=0.0,
        help="share of stories also tagged 'Hot topic' (0.9 makes nearly every story a candidate)",
    )
    return parser.parse_args()


def open_database() -> str:
    """Create and migrate the scratch database; return a label for the report."""
    if connection.vendor == "postgresql":
        connection.settings_dict.setdefault("TEST", {})["NAME"] = (
            f"{connection.settings_dict['NAME']}_bench_related"
        )
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    else:
        call_command("migrate", verbosity=0, interactive=False)
    return f"{connection.vendor} {server_version()}"


def server_version() -> str:
    with connection.cursor() as cursor:
        query = (
            "select sqlite_version()" if connection.vendor == "sqlite" else "show server_version"
        )
        cursor.execute(query)
        return cursor.fetchone()[0]


def close_database() -> None:
    if connection.vendor == "postgresql":
        connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)


def popular_first(size: int) -> list[float]:
    """Weights for picking among `size` tags or people: the most used on about a tenth of stories."""
    return [1 / (rank + 10) for rank in range(size)]


def pick_some(rng: random.Random, population: list, weights: list[float], most: int) -> set:
    return set(rng.choices(population, weights=weights, k=rng.randint(0, most)))


def build_archive(rng: random.Random, stories: int, hot_share: float) -> None:
    """Fill the database with sections, tags, people and `stories` articles linked to them."""
    sections = Section.objects.bulk_create(
        Section(name=f"Section {n}", slug=f"section-{n}", position=n) for n in range(SECTIONS)
    )
    tags = Tag.objects.bulk_create(Tag(name=f"Topic {n}", slug=f"topic-{n}") for n in range(TAGS))
    people = Person.objects.bulk_create(
        Person(name=f"Person {n}", slug=f"person-{n}") for n in range(PEOPLE)
    )
    organizations = Organization.objects.bulk_create(
        Organization(name=f"Organization {n}", slug=f"organization-{n}")
        for n in range(ORGANIZATIONS)
    )
    PublicName.objects.bulk_create(  # bulk_create skips Entity.save, which claims addresses
        [PublicName(slug=p.slug, person=p) for p in people]
        + [PublicName(slug=o.slug, organization=o) for o in organizations]
    )
    articles = Article.objects.bulk_create(
        (new_article(rng, n, sections) for n in range(stories)), batch_size=BATCH
    )
    link_all(rng, articles, tags, people, organizations, hot_share)


def new_article(rng: random.Random, number: int, sections: list[Section]) -> Article:
    now = timezone.now()
    moment = now - timedelta(minutes=rng.randrange(3 * 365 * 24 * 60))
    status = rng.choices(["published", "draft", "in_review"], weights=[90, 7, 3])[0]
    if status == "published" and rng.random() < 0.01:
        moment = now + timedelta(days=1)  # scheduled
    published = status == "published"
    return Article(
        headline=f"Story {number}",
        slug=f"story-{number}",
        standfirst="A summary.",
        section=rng.choice(sections) if rng.random() < 0.95 else None,
        status=status,
        publish_at=moment if published else None,
        first_published_at=moment if published else None,
        updated_at=moment if published else None,
    )


def link_all(rng, articles, tags, people, organizations, hot_share: float) -> None:
    """Give every story tags, people and organizations mentioned, a byline and a few picks."""
    PeopleMentioned = Article.people_mentioned.through
    OrganizationsMentioned = Article.organizations_mentioned.through
    hot_tag = Tag.objects.create(name="Hot topic", slug="hot-topic")
    tag_weights, person_weights = popular_first(TAGS), popular_first(PEOPLE)
    organization_weights = popular_first(ORGANIZATIONS)
    rows = {model: [] for model in (TaggedArticle, PeopleMentioned, OrganizationsMentioned)}
    bylines, picks = [], []
    for article in articles:
        story_tags = pick_some(rng, tags, tag_weights, 6) | {rng.choice(tags)}
        if rng.random() < hot_share:
            story_tags.add(hot_tag)
        rows[TaggedArticle] += [
            TaggedArticle(content_object=article, tag=tag) for tag in story_tags
        ]
        rows[PeopleMentioned] += [
            PeopleMentioned(article=article, person=person)
            for person in pick_some(rng, people, person_weights, 4)
        ]
        rows[OrganizationsMentioned] += [
            OrganizationsMentioned(article=article, organization=organization)
            for organization in pick_some(rng, organizations, organization_weights, 2)
        ]
        bylines.append(Byline(article=article, person=rng.choice(people[:60]), position=0))
        target = rng.choice(articles)
        if rng.random() < 0.1 and target.pk != article.pk:
            picks.append(RelatedPick(article=article, target=target, position=0))
    for model, batch in [*rows.items(), (Byline, bylines), (RelatedPick, picks)]:
        model.objects.bulk_create(batch, batch_size=BATCH)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def candidate_count(article: Article) -> int:
    """Count the public stories the ranking has to score for `article`."""
    conditions = related.overlaps(article, related.footprint(article))
    matching = reduce(operator.or_, conditions, Q(pk__in=[]))
    return Article.objects.published().exclude(pk=article.pk).filter(matching).count()


def time_calls(samples: list[Article], runs: int, call) -> dict:
    """Call `call(article)` `runs` times over the samples; return timings (ms) and query count."""
    for article in samples:
        call(article)  # warm the connection, the database's pages and (for the page) the cache
    timings, queries = [], 0
    for run in range(runs):
        article = samples[run % len(samples)]
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            call(article)
            timings.append((time.perf_counter() - start) * 1000)
        queries = max(queries, len(captured))
    timings.sort()
    return {
        "median": statistics.median(timings),
        "p95": timings[int(len(timings) * 0.95) - 1],
        "max": timings[-1],
        "queries": queries,
    }


def main() -> None:
    arguments = parse_arguments()
    rng = random.Random(arguments.seed)
    label = open_database()
    try:
        start = time.perf_counter()
        build_archive(rng, arguments.stories, arguments.hot_tag_share)
        built = time.perf_counter() - start
        public = list(Article.objects.published().order_by("?")[:100])
        print(f"database: {label}")
        print(
            f"archive: {Article.objects.count()} stories "
            f"({Article.objects.published().count()} public), "
            f"{TaggedArticle.objects.count()} tag links, built in {built:.1f}s"
        )
        candidates = statistics.mean(candidate_count(article) for article in public)
        print(f"candidates scored per call: {candidates:.0f} on average")
        report("rank_related", time_calls(public, arguments.runs, related.rank_related))
        report(
            "related_for_page (cached)",
            time_calls(public, arguments.runs, related.related_for_page),
        )
        report("more_from_author", time_calls(public, arguments.runs, related.more_from_author))
    finally:
        close_database()


def report(name: str, result: dict) -> None:
    print(
        f"{name:28} median {result['median']:7.2f} ms   p95 {result['p95']:7.2f} ms   "
        f"max {result['max']:7.2f} ms   queries {result['queries']}"
    )


if __name__ == "__main__":
    main()
