"""`manage.py generate_corpus` makes a findable, readable, reproducible archive, or says why not."""

import re
from collections import Counter
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models.functions import Lower
from django.utils import timezone
from taggit.models import Tag

from articles import revisions, search
from articles.markdown import render_plain_text
from articles.models import Article, Byline, PublicPage, Revision, Section
from demo.corpus import CorpusGenerator, CorpusSize
from people.models import Person, PublicName
from tests import factories

pytestmark = pytest.mark.django_db

SMALL = {"articles": 30, "people": 10, "tags": 12, "sections": 3, "seed": 7}
UNTIL = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _no_page_builds(monkeypatch):
    """Leave building stored pages to build_pages' own tests (pages are built on first read)."""
    from demo.management.commands import generate_corpus

    installed = generate_corpus.get_commands
    monkeypatch.setattr(
        generate_corpus,
        "get_commands",
        lambda: {name: app for name, app in installed().items() if name != "build_pages"},
    )


def generate(**options):
    output = StringIO()
    call_command("generate_corpus", stdout=output, **(SMALL | options))
    return output.getvalue()


def test_a_small_corpus_has_the_rows_it_was_asked_for():
    """Every story is published, bylined, tagged 3–6 times and has its first revision."""
    output = generate()
    assert "articles 30/30 (100 %)" in output
    assert Article.objects.published().count() == Article.objects.count() == 30
    assert (Person.objects.count(), Tag.objects.count(), Section.objects.count()) == (10, 12, 3)
    assert Byline.objects.count() == 30
    for article in Article.objects.prefetch_related("tags", "people_mentioned"):
        assert 3 <= len(article.tags.all()) <= 6
        assert len(article.people_mentioned.all()) <= 2
        assert 550 <= len(render_plain_text(article.body).split()) <= 800
        assert article.version == 1 and article.kind == Article.Kind.NEWS
    assert Revision.objects.count() == 30


def test_slugs_are_unique_and_every_person_has_a_public_address():
    """No two stories share an address, and people's pages resolve like any saved person's."""
    generate(articles=60)
    slugs = Article.objects.annotate(low=Lower("slug")).values_list("low", flat=True)
    assert len(set(slugs)) == 60
    addresses = dict(PublicName.objects.values_list("person_id", "slug"))
    assert addresses == dict(Person.objects.values_list("pk", "slug"))


def test_stories_spread_over_five_years_newest_last():
    """Publication dates rise with the id, over the last five years, none in the future."""
    generate()
    moments = list(Article.objects.order_by("pk").values_list("publish_at", flat=True))
    assert moments == sorted(moments)
    assert moments[-1] <= timezone.now()
    assert moments[0] >= timezone.now() - timedelta(days=5 * 366)
    assert moments[-1] - moments[0] > timedelta(days=3 * 365)


def test_the_first_revision_is_the_story_as_it_stands():
    """An editor's first save compares with a revision equal to the live story."""
    generate(articles=5)
    for article in Article.objects.all():
        assert revisions.latest(article).content == revisions.snapshot(article)


def test_a_story_reads_and_is_found_like_any_other(client):
    """An anonymous reader gets the page with its byline, and site search finds it."""
    generate()
    article = Article.objects.order_by("pk")[10]
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    assert article.headline in page.content.decode()
    assert article.authors[0].name in page.content.decode()

    headlines = Counter(
        word for text in Article.objects.values_list("headline", flat=True) for word in words(text)
    )
    rarest = min(words(article.headline), key=lambda word: (headlines[word], -len(word)))
    results = client.get("/search/", {"q": rarest})
    assert results.status_code == 200
    assert article.headline in results.content.decode()


def words(text: str) -> set[str]:
    return {word for word in re.findall(r"[a-z]{4,}", text.lower())}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite keeps no search index")
def test_the_search_vector_is_the_one_a_save_would_store():
    """The bulk-filled vector equals what articles.search.index_article writes."""
    generate(articles=10)
    for article in Article.objects.all():
        generated = article.search_vector
        search.index_article(article)
        article.refresh_from_db()
        assert article.search_vector == generated


def test_the_body_text_indexed_is_the_rendered_text():
    """The plain text given to search is what render_plain_text makes of the Markdown body."""
    for draft in CorpusGenerator(CorpusSize(**SMALL), until=UNTIL).stories():
        assert render_plain_text(draft.body).split() == draft.plain_text.split()


def test_the_same_seed_gives_the_same_corpus():
    """Two generators with one seed agree; another seed writes other headlines."""
    size = CorpusSize(**SMALL)
    first = list(CorpusGenerator(size, until=UNTIL).stories())
    assert first == list(CorpusGenerator(size, until=UNTIL).stories())
    other = CorpusSize(**(SMALL | {"seed": 8}))
    assert [d.headline for d in CorpusGenerator(other, until=UNTIL).stories()] != [
        d.headline for d in first
    ]
    generate()
    stored = list(Article.objects.order_by("publish_at").values_list("headline", flat=True))
    assert stored == [draft.headline for draft in first]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"articles": -1}, "--articles cannot be negative"),
        ({"tags": 0}, "Stories need tags"),
        ({"people": 0}, "Stories need people"),
        ({"sections": 0}, "Stories need sections"),
        ({"batch_size": 0}, "--batch-size must be at least 1"),
        ({"sections": 1000}, "--sections can be at most 100"),
    ],
)
def test_bad_numbers_are_refused_with_the_reason(options, message):
    with pytest.raises(CommandError, match=message):
        generate(**options)
    assert not Article.objects.exists()


def test_a_database_with_stories_is_refused_unless_appending():
    """Nothing is added to an archive by accident; --append adds and reuses what it finds."""
    factories.make_article(status="published")
    with pytest.raises(CommandError, match="already holds 1 story. Add --append"):
        generate()
    assert Article.objects.count() == 1
    generate(append=True)
    people = Person.objects.count()
    generate(append=True)
    assert Article.objects.count() == 61
    assert Person.objects.count() == people  # the same names: reused, not duplicated
    assert Tag.objects.count() == 12


def test_the_stored_pages_are_built_at_the_end(monkeypatch):
    """build_pages runs after the stories are in, unless --no-build-pages; without it, a note."""
    from django.core.management import get_commands

    from demo.management.commands import generate_corpus

    monkeypatch.setattr(generate_corpus, "get_commands", get_commands)
    assert "Built 3 pages." in generate(articles=3)
    assert PublicPage.objects.count() == 3
    assert "Pages not built" in generate(articles=2, append=True, no_build_pages=True)
    assert PublicPage.objects.count() == 3
    monkeypatch.setattr(generate_corpus, "get_commands", dict)
    assert "No build_pages command" in generate(articles=2, append=True)
