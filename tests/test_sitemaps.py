"""Sitemaps and robots.txt: search engines find every public page, and only public pages."""

from datetime import timedelta
from functools import cache
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.utils import timezone
from lxml import etree

from articles.models import Article, Byline
from reader import sitemaps
from reader.cache import purge
from tests import factories

pytestmark = pytest.mark.django_db

SITE = "https://news.example.org"
XSD = Path(__file__).parent / "fixtures" / "xsd"
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


@cache
def schema(name: str) -> etree.XMLSchema:
    """Load a schema from tests/fixtures/xsd (imports resolve beside it; nothing is fetched)."""
    return etree.XMLSchema(etree.parse(str(XSD / name)))


def valid_document(response, schema_name: str):
    """Parse the response and assert it validates against the named schema."""
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    document = etree.fromstring(response.content)
    validator = schema(schema_name)
    assert validator.validate(document), validator.error_log
    return document


def locations(document) -> list[str]:
    return document.xpath("//sm:loc/text()", namespaces=NS)


@pytest.fixture
def newsroom(settings, section, author):
    """Public stories with a tag, a person and an organization; hidden ones with their own."""
    settings.NEWSROOM_SITE_URL = SITE
    subject = factories.make_person(name="Neil Armstrong", slug="neil-armstrong")
    agency = factories.make_organization(name="Space Agency", slug="space-agency")
    fresh = factories.make_article(
        status="published", section=section, authors=[author], tags=["Moon"]
    )
    fresh.people_mentioned.add(subject)
    fresh.organizations_mentioned.add(agency)
    old = factories.make_article(
        status="published", section=section, authors=[author], published_ago=timedelta(days=3)
    )
    return SimpleNamespace(
        fresh=fresh,
        old=old,
        hidden=hidden_stories(),
        author=author,
        subject=subject,
        agency=agency,
        section=section,
    )


def hidden_stories() -> dict[str, Article]:
    """A story in each state readers cannot see, each with a tag, person and organization of its own."""
    now = timezone.now()
    hidden = {
        "draft": factories.make_article(status="draft"),
        "in_review": factories.make_article(status="in_review"),
        "scheduled": factories.make_article(
            status="published", publish_at=now + timedelta(hours=1)
        ),
        "withdrawn": factories.make_article(
            status="draft", unpublished_at=now, first_published_at=now - timedelta(hours=5)
        ),
    }
    for state, article in hidden.items():
        article.tags.add(f"Secret {state}")
        article.people_mentioned.add(factories.make_person(slug=f"hidden-person-{state}"))
        article.organizations_mentioned.add(factories.make_organization(slug=f"hidden-org-{state}"))
        Byline.objects.create(
            article=article, person=factories.make_person(slug=f"hidden-author-{state}")
        )
    return hidden


def test_sitemap_lists_every_public_page(client, newsroom):
    """One valid file lists stories, sections, tags, people and organizations, absolutely."""
    document = valid_document(client.get("/sitemap.xml"), "sitemap.xsd")
    assert document.tag == f"{{{NS['sm']}}}urlset"
    assert set(locations(document)) == {
        f"{SITE}{newsroom.fresh.get_absolute_url()}",
        f"{SITE}{newsroom.old.get_absolute_url()}",
        f"{SITE}/sections/missions/",
        f"{SITE}/tags/moon/",
        f"{SITE}/people/rosa-marin/",
        f"{SITE}/people/neil-armstrong/",
        f"{SITE}/people/space-agency/",
    }


def test_hidden_stories_and_their_pages_stay_out(client, newsroom):
    """Nothing only a draft, review, scheduled or withdrawn story mentions is listed."""
    content = client.get("/sitemap.xml").content.decode()
    for state, article in newsroom.hidden.items():
        assert article.slug not in content, state
        assert f"secret-{state}" not in content, state
        assert "hidden-" not in content, state


def test_story_lastmod_is_its_update_time(client, newsroom):
    story = newsroom.fresh
    document = valid_document(client.get("/sitemap-articles.xml"), "sitemap.xsd")
    (lastmod,) = document.xpath(
        "//sm:url[sm:loc=$loc]/sm:lastmod/text()",
        namespaces=NS,
        loc=f"{SITE}{story.get_absolute_url()}",
    )
    assert lastmod == story.updated_at.replace(microsecond=0).isoformat()


def test_sitemap_sends_last_modified(client, newsroom):
    assert client.get("/sitemap.xml").has_header("Last-Modified")


def test_sitemap_uses_the_site_url_not_the_request_host(client, newsroom):
    assert "testserver" not in client.get("/sitemap.xml").content.decode()


@pytest.fixture
def small_pages(monkeypatch):
    """Pretend a sitemap file holds two URLs, so three stories need an index."""
    monkeypatch.setattr(sitemaps.ArticleSitemap, "limit", 2)


def test_sitemap_becomes_an_index_when_it_does_not_fit(client, newsroom, small_pages):
    factories.make_article(status="published")
    index = valid_document(client.get("/sitemap.xml"), "siteindex.xsd")
    assert index.tag == f"{{{NS['sm']}}}sitemapindex"
    assert locations(index) == [
        f"{SITE}/sitemap-articles.xml",
        f"{SITE}/sitemap-articles.xml?p=2",
        f"{SITE}/sitemap-sections.xml",
        f"{SITE}/sitemap-tags.xml",
        f"{SITE}/sitemap-people.xml",
        f"{SITE}/sitemap-organizations.xml",
    ]
    assert index.xpath("count(//sm:sitemap/sm:lastmod)", namespaces=NS) == 6


def test_index_pages_together_list_every_story(client, newsroom, small_pages):
    third = factories.make_article(status="published")
    first_page = valid_document(client.get("/sitemap-articles.xml"), "sitemap.xsd")
    second_page = valid_document(client.get("/sitemap-articles.xml?p=2"), "sitemap.xsd")
    assert len(locations(first_page)) == 2
    assert set(locations(first_page) + locations(second_page)) == {
        f"{SITE}{story.get_absolute_url()}" for story in (newsroom.fresh, newsroom.old, third)
    }
    assert client.get("/sitemap-articles.xml?p=3").status_code == 404


def test_index_leaves_out_empty_sections(client, newsroom, small_pages):
    factories.make_article(status="published")
    Article.objects.filter(pk=newsroom.fresh.pk).update(status=Article.Status.DRAFT)
    index = valid_document(client.get("/sitemap.xml"), "siteindex.xsd")
    assert f"{SITE}/sitemap-organizations.xml" not in locations(index)


def test_unknown_sitemap_section_is_404(client, newsroom):
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_news_sitemap_is_valid_and_complete(client, newsroom, settings):
    """Google News gets the publication, language, first publication time and headline."""
    settings.NEWSROOM_PUBLICATION_NAME = "The Daily Orbit"
    document = valid_document(client.get("/sitemap-news.xml"), "sitemap-with-news.xsd")
    (url,) = document.xpath("//sm:url", namespaces=NS)
    story = newsroom.fresh

    def text(path):
        return url.xpath(f"string({path})", namespaces=NS)

    assert text("sm:loc") == f"{SITE}{story.get_absolute_url()}"
    assert text("news:news/news:publication/news:name") == "The Daily Orbit"
    assert text("news:news/news:publication/news:language") == "en"
    assert text("news:news/news:publication_date") == (
        story.first_published_at.replace(microsecond=0).isoformat()
    )
    assert text("news:news/news:title") == story.headline


def test_news_sitemap_fails_the_plain_schema_without_the_news_one(client, newsroom):
    """The wrapper is needed: strict wildcards reject news elements with no schema loaded."""
    document = etree.fromstring(client.get("/sitemap-news.xml").content)
    assert not schema("sitemap.xsd").validate(document)


def test_news_sitemap_keeps_a_two_day_window(client, newsroom):
    inside = factories.make_article(status="published", published_ago=timedelta(hours=47))
    outside = factories.make_article(status="published", published_ago=timedelta(hours=49))
    content = client.get("/sitemap-news.xml").content.decode()
    assert inside.get_absolute_url() in content
    assert outside.get_absolute_url() not in content
    assert newsroom.old.get_absolute_url() not in content


def test_news_sitemap_counts_from_first_publication(client, newsroom):
    """A story withdrawn and republished today is not news again."""
    Article.objects.filter(pk=newsroom.old.pk).update(publish_at=timezone.now())
    assert newsroom.old.slug not in client.get("/sitemap-news.xml").content.decode()


def test_news_sitemap_leaves_out_hidden_stories(client, newsroom):
    content = client.get("/sitemap-news.xml").content.decode()
    for state, article in newsroom.hidden.items():
        assert article.slug not in content, state


def test_news_sitemap_is_capped(client, newsroom, monkeypatch):
    """At most `limit` stories, the newest first (1,000 in production)."""
    assert sitemaps.NewsSitemap.limit == 1000
    monkeypatch.setattr(sitemaps.NewsSitemap, "limit", 3)
    stories = [
        factories.make_article(status="published", published_ago=timedelta(minutes=minutes))
        for minutes in (1, 2, 3, 4, 5)
    ]
    document = valid_document(client.get("/sitemap-news.xml"), "sitemap-with-news.xsd")
    assert locations(document) == [f"{SITE}{story.get_absolute_url()}" for story in stories[:3]]
    assert client.get("/sitemap-news.xml?p=2").status_code == 404


def test_news_title_is_escaped(client, newsroom):
    Article.objects.filter(pk=newsroom.fresh.pk).update(headline="Fish & <chips>")
    document = valid_document(client.get("/sitemap-news.xml"), "sitemap-with-news.xsd")
    assert document.xpath("string(//news:title)", namespaces=NS) == "Fish & <chips>"


@pytest.mark.parametrize(
    ("language_code", "expected"),
    [("en", "en"), ("en-us", "en"), ("pt-BR", "pt"), ("zh-hans", "zh-cn"), ("zh-tw", "zh-tw")],
)
def test_news_language_from_language_code(language_code, expected):
    assert sitemaps.news_language(language_code) == expected


def test_robots_txt_points_to_both_sitemaps(client, settings):
    settings.NEWSROOM_SITE_URL = SITE
    response = client.get("/robots.txt")
    lines = response.content.decode().splitlines()
    assert response["Content-Type"].startswith("text/plain")
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /preview/" in lines
    assert f"Sitemap: {SITE}/sitemap.xml" in lines
    assert f"Sitemap: {SITE}/sitemap-news.xml" in lines


@pytest.mark.parametrize("extra_stories", [0, 30])
def test_query_count_is_fixed(
    client, newsroom, extra_stories, monkeypatch, django_assert_max_num_queries
):
    for number in range(extra_stories):
        story = factories.make_article(status="published", tags=[f"Tag {number}"])
        story.people_mentioned.add(newsroom.subject)
    with django_assert_max_num_queries(10):
        client.get("/sitemap.xml")
    with django_assert_max_num_queries(2):
        client.get("/sitemap-news.xml")
    with django_assert_max_num_queries(2):
        client.get("/sitemap-tags.xml")
    with django_assert_max_num_queries(0):
        client.get("/robots.txt")
    monkeypatch.setattr(sitemaps.ArticleSitemap, "limit", 2)
    purge(["sitemaps"])
    with django_assert_max_num_queries(10):
        assert b"sitemapindex" in client.get("/sitemap.xml").content
