"""Search engines and social sites find what they read: JSON-LD, Open Graph, canonical links."""

import json
import re
from datetime import datetime

import pytest

from tests import factories
from tests.factories import image_upload

pytestmark = pytest.mark.django_db


def json_ld(page):
    return json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    )


def meta(page, prop):
    return re.findall(rf'<meta property="{re.escape(prop)}" content="([^"]*)">', page)


@pytest.fixture
def story(section, settings, django_capture_on_commit_callbacks):
    settings.NEWSROOM_SITE_URL = "https://news.example.org"
    first = factories.make_person(
        name="Rosa Marín", slug="rosa-marin", role="Staff reporter", honorific="Dr"
    )
    second = factories.make_person(name="Tomas Becker", slug="tomas-becker")
    article = factories.make_article(
        status="published", section=section, authors=[first, second], tags=["Apollo", "Moon"],
        kind="analysis", dateline="HOUSTON", headline="Why the lander worked",
    )  # fmt: skip
    article.hero_image = image_upload(size=(1600, 1000))
    article.hero_alt = "The lander"
    with django_capture_on_commit_callbacks(execute=True):  # renditions are made after commit
        article.save()
    return article


def test_news_article_has_every_field(client, story):
    page = client.get(story.get_absolute_url()).content.decode()
    data = json_ld(page)
    assert data["@type"] == "AnalysisNewsArticle"
    h1 = re.search(r"<h1>(.*?)</h1>", page).group(1)
    assert data["headline"] == h1 == "Why the lander worked"
    assert data["description"] == story.standfirst
    assert [a["name"] for a in data["author"]] == ["Rosa Marín", "Tomas Becker"]
    assert data["author"][0] == {
        "@type": "Person", "name": "Rosa Marín", "url": "https://news.example.org/people/rosa-marin/",
        "jobTitle": "Staff reporter", "honorificPrefix": "Dr",
    }  # fmt: skip
    assert data["publisher"]["name"] and data["publisher"]["logo"]["url"].startswith("https://")
    assert data["mainEntityOfPage"]["@id"] == "https://news.example.org" + story.get_absolute_url()
    assert data["articleSection"] == "Missions"
    assert data["keywords"] == ["Apollo", "Moon"]
    assert data["dateline"] == "HOUSTON"
    assert len(data["image"]) == 3 and all(
        url.startswith("https://news.example.org/") for url in data["image"]
    )
    published = datetime.fromisoformat(data["datePublished"])
    modified = datetime.fromisoformat(data["dateModified"])
    assert published.tzinfo is not None and modified >= published


def test_every_url_in_the_structured_data_is_absolute(client, story):
    text = re.search(
        r'<script type="application/ld\+json">(.*?)</script>',
        client.get(story.get_absolute_url()).content.decode(),
        re.S,
    ).group(1)
    for url in re.findall(r'"(?:url|@id)": "([^"]*)"', text):
        assert url.startswith("https://"), url


def test_plain_news_uses_news_article(client, published_article):
    assert (
        json_ld(client.get(published_article.get_absolute_url()).content.decode())["@type"]
        == "NewsArticle"
    )


def test_json_ld_cannot_break_out_of_its_script(client, section):
    article = factories.make_article(
        status="published", section=section, headline="</script><script>alert(1)</script>"
    )
    page = client.get(article.get_absolute_url()).content.decode()
    assert "</script><script>alert(1)" not in page
    assert json_ld(page)["headline"] == "</script><script>alert(1)</script>"


def test_open_graph_and_twitter_tags(client, story):
    page = client.get(story.get_absolute_url()).content.decode()
    assert meta(page, "og:type") == ["article"]
    assert meta(page, "og:title") == ["Why the lander worked"]
    assert meta(page, "og:url") == ["https://news.example.org" + story.get_absolute_url()]
    assert meta(page, "og:image")[0].startswith("https://news.example.org/media/renditions/")
    assert meta(page, "article:author") == [
        "https://news.example.org/people/rosa-marin/",
        "https://news.example.org/people/tomas-becker/",
    ]
    assert meta(page, "article:section") == ["Missions"]
    assert meta(page, "article:tag") == ["Apollo", "Moon"]
    assert meta(page, "article:published_time") and meta(page, "article:modified_time")
    assert '<meta name="twitter:card" content="summary_large_image">' in page
    assert (
        f'<link rel="canonical" href="https://news.example.org{story.get_absolute_url()}">' in page
    )


def test_kind_label_is_visible(client, story):
    assert (
        '<span class="kind">Analysis</span>'
        in client.get(story.get_absolute_url()).content.decode()
    )


def test_person_and_organization_pages_carry_json_ld(client, db):
    factories.make_person(
        name="Yuri Gagarin",
        slug="yuri-gagarin",
        role="cosmonaut",
        aliases=["Iouri Gagarine"],
        bio="The first human in space.",
    )
    factories.make_organization(name="NASA", slug="nasa", description="The US space agency.")
    person = json_ld(client.get("/people/yuri-gagarin/").content.decode())
    assert (person["@type"], person["name"], person["jobTitle"]) == (
        "Person",
        "Yuri Gagarin",
        "cosmonaut",
    )
    assert person["alternateName"] == ["Iouri Gagarine"]
    organization = json_ld(client.get("/people/nasa/").content.decode())
    assert (organization["@type"], organization["name"]) == ("Organization", "NASA")
