"""The public site answers GET and HEAD; any other method gets 405 with `Allow: GET, HEAD`."""

import pytest
from django.test import Client
from django.urls import URLResolver, resolve

from articles import previews
from reader import urls as reader_urls

pytestmark = pytest.mark.django_db

REFUSED = ["POST", "PUT", "PATCH", "DELETE", "TRACE", "OPTIONS"]


@pytest.fixture
def public_urls(published_article, draft, reviewer):
    """One real address per public route, each answering 200 to GET."""
    return [
        "/",
        published_article.get_absolute_url(),
        "/sections/missions/",
        "/tags/moon/",
        "/people/rosa-marin/",
        "/search/?q=headline",
        "/corrections/",
        previews.create_share_link(draft, reviewer),
        *[f"/feeds/latest/{fmt}/" for fmt in ("rss", "atom")],
        *[f"/feeds/sections/missions/{fmt}/" for fmt in ("rss", "atom")],
        *[f"/feeds/tags/moon/{fmt}/" for fmt in ("rss", "atom")],
        *[f"/feeds/people/rosa-marin/{fmt}/" for fmt in ("rss", "atom")],
        *[f"/feeds/corrections/{fmt}/" for fmt in ("rss", "atom")],
        "/sitemap.xml",
        "/sitemap-news.xml",
        "/sitemap-articles.xml",
        "/robots.txt",
        "/healthz",
    ]


@pytest.fixture
def browser():
    """A client that enforces CSRF like a real browser or script would meet it."""
    return Client(enforce_csrf_checks=True)


def route_names(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from route_names(pattern.url_patterns, f"{namespace}{pattern.namespace}:")
        else:
            yield f"{namespace}{pattern.name}"


def test_every_public_route_is_checked(public_urls):
    """A new route in reader/urls.py must be added to the list above."""
    checked = {resolve(url.split("?")[0]).view_name for url in public_urls}
    assert checked == set(route_names(reader_urls.urlpatterns))


@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_public_routes_answer_get_and_head(browser, public_urls, method):
    for url in public_urls:
        assert browser.generic(method, url).status_code == 200, url


@pytest.mark.parametrize("method", REFUSED)
def test_public_routes_refuse_other_methods(browser, public_urls, method):
    """TRACE, POST and the rest get 405 and the methods that work, never the page."""
    for url in public_urls:
        response = browser.generic(method, url)
        assert response.status_code == 405, url
        assert response["Allow"] == "GET, HEAD", url


def test_staff_are_refused_too(browser, superuser, public_urls):
    browser.force_login(superuser)
    for url in public_urls:
        assert browser.generic("TRACE", url).status_code == 405, url


def test_a_refused_request_leaves_the_cached_page_alone(browser, published_article):
    url = published_article.get_absolute_url()
    browser.post(url)
    response = browser.get(url)
    assert response.status_code == 200
    assert published_article.headline in response.content.decode()
