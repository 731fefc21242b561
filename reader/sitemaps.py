"""Sitemaps for search engines, the Google News sitemap and robots.txt.

`/sitemap.xml` lists every public page (stories, sections, and the tags, people and
organizations that have public stories) in one file while that fits the protocol's 50,000
URLs; beyond, it becomes an index of `/sitemap-<section>.xml` files, paged with `?p=`.
`/sitemap-news.xml` lists the stories first published in the last two days, at most 1,000.

Locations are absolute from `NEWSROOM_SITE_URL`, never from the request's host:
`django.contrib.sites` is not installed, and a proxy may pass on an internal host name.
Django's own index view builds its locations from the request, hence `sitemap_root` below.
"""

from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import Paginator
from django.db.models import Max, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import http_date
from taggit.models import Tag

from articles.links import absolute_url
from articles.models import Article, Section
from people.models import Organization, Person
from reader.cache import read_only

NEWS_WINDOW = timedelta(days=2)
TEMPLATES = {
    "urlset": "sitemaps/sitemap.xml",
    "index": "sitemaps/sitemap_index.xml",
    "news": "sitemaps/news.xml",
}


def to_the_second(moment: datetime | None) -> datetime | None:
    """Drop the microseconds, which crawlers do not need."""
    return moment.replace(microsecond=0) if moment else None


def latest_public_story(condition: Q) -> Subquery:
    """Return the publish time of the newest public story matching `condition` (with OuterRef)."""
    newest = Article.objects.published().filter(condition).order_by("-publish_at")
    return Subquery(newest.values("publish_at")[:1])


class SiteSitemap(Sitemap):
    """A sitemap whose locations start with `NEWSROOM_SITE_URL` and whose items carry a date.

    Subclasses return items annotated with `lastmod_field`, the moment the page last changed.
    """

    lastmod_field = "last_story_at"

    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(settings.NEWSROOM_SITE_URL).scheme

    def get_domain(self, site=None) -> str:
        parts = urlsplit(settings.NEWSROOM_SITE_URL)
        return f"{parts.netloc}{parts.path.rstrip('/')}"

    @cached_property
    def paginator(self) -> Paginator:
        """Count once per request, whether the index or the urlset asks first."""
        return Paginator(self._items(), self.limit)

    def lastmod(self, item) -> datetime | None:
        return to_the_second(getattr(item, self.lastmod_field))

    def get_latest_lastmod(self) -> datetime | None:
        """Return the newest item's date with one aggregate, not by loading every item."""
        latest = self.items().aggregate(latest=Max(self.lastmod_field))["latest"]
        return to_the_second(latest)


class ArticleSitemap(SiteSitemap):
    lastmod_field = "last_changed_at"

    def items(self) -> QuerySet:
        return (
            Article.objects.published()
            .only("slug", "first_published_at", "publish_at", "created_at", "updated_at")
            .annotate(last_changed_at=Coalesce("updated_at", "publish_at"))
            .order_by("id")  # new stories land on the last page; earlier pages stay put
        )


class SectionSitemap(SiteSitemap):
    def items(self) -> QuerySet:
        return Section.objects.annotate(
            last_story_at=latest_public_story(Q(section=OuterRef("pk")))
        ).order_by("id")


class TagSitemap(SiteSitemap):
    def items(self) -> QuerySet:
        return (
            Tag.objects.annotate(
                last_story_at=latest_public_story(Q(tagged_items__tag=OuterRef("pk")))
            )
            .filter(last_story_at__isnull=False)
            .order_by("id")
        )

    def location(self, tag: Tag) -> str:
        return reverse("articles:tag", kwargs={"slug": tag.slug})


class PersonSitemap(SiteSitemap):
    def items(self) -> QuerySet:
        by_or_about = Q(bylines__person=OuterRef("pk")) | Q(people_mentioned=OuterRef("pk"))
        return (
            Person.objects.only("slug")
            .annotate(last_story_at=latest_public_story(by_or_about))
            .filter(last_story_at__isnull=False)
            .order_by("id")
        )


class OrganizationSitemap(SiteSitemap):
    def items(self) -> QuerySet:
        return (
            Organization.objects.only("slug")
            .annotate(last_story_at=latest_public_story(Q(organizations_mentioned=OuterRef("pk"))))
            .filter(last_story_at__isnull=False)
            .order_by("id")
        )


SITEMAPS = {
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "tags": TagSitemap,
    "people": PersonSitemap,
    "organizations": OrganizationSitemap,
}


class NewsSitemap(SiteSitemap):
    """Google News: stories first published in the last two days, newest first, 1,000 at most."""

    limit = 1000
    lastmod_field = "last_changed_at"

    def items(self) -> QuerySet:
        since = timezone.now() - NEWS_WINDOW
        return (
            Article.objects.published()
            .filter(first_published_at__gte=since)
            .only("slug", "headline", "first_published_at", "publish_at", "created_at")
            .annotate(last_changed_at=Coalesce("updated_at", "publish_at"))
            .order_by("-first_published_at", "-id")[: self.limit]
        )

    def get_urls(self, page=1, site=None, protocol=None) -> list[dict]:
        """Add what `<news:news>` says about each story to Django's url entries."""
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        publication = {
            "name": settings.NEWSROOM_PUBLICATION_NAME,
            "language": news_language(settings.LANGUAGE_CODE),
        }
        for url in urls:
            article = url["item"]
            url["news"] = {
                **publication,
                "publication_date": w3c_datetime(article.first_published_at),
                "title": article.headline,
            }
        return urls


def news_language(language_code: str) -> str:
    """Return the language as Google News wants it: ISO 639, except zh-cn and zh-tw."""
    code = language_code.lower()
    chinese = {"zh-cn": "zh-cn", "zh-hans": "zh-cn", "zh-tw": "zh-tw", "zh-hant": "zh-tw"}
    return chinese.get(code, code.split("-")[0])


def w3c_datetime(moment: datetime) -> str:
    """Return `moment` as a W3C datetime to the second with its offset, e.g. 2025-05-10T17:33:30+00:00."""
    return timezone.localtime(moment).replace(microsecond=0).isoformat()


def build_sitemaps() -> dict[str, SiteSitemap]:
    """Return fresh sitemap instances, which count their items once for this request."""
    return {section: sitemap() for section, sitemap in SITEMAPS.items()}


def fits_in_one_file(sitemaps: dict[str, SiteSitemap]) -> bool:
    """Say whether every URL fits in a single sitemap file."""
    total = sum(sitemap.paginator.count for sitemap in sitemaps.values())
    return total <= min(sitemap.limit for sitemap in sitemaps.values())


# The views render at once (Django's return lazy TemplateResponses), so the page cache can
# store what they return.


@sitemap_views.x_robots_tag
def sitemap_root(request: HttpRequest) -> HttpResponse:
    """Serve every public URL in one file, or an index of paged files when they do not fit."""
    sitemaps = build_sitemaps()
    if fits_in_one_file(sitemaps):
        return sitemap_views.sitemap(request, sitemaps, template_name=TEMPLATES["urlset"]).render()
    entries = index_entries(sitemaps)
    dates = [entry.last_mod for entry in entries if entry.last_mod]
    headers = {"Last-Modified": http_date(max(dates).timestamp())} if dates else None
    return TemplateResponse(
        request,
        TEMPLATES["index"],
        {"sitemaps": entries},
        content_type="application/xml",
        headers=headers,
    ).render()


def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    """Serve one section's sitemap (the page given by `?p=`), as listed in the index."""
    return sitemap_views.sitemap(
        request, SITEMAPS, section=section, template_name=TEMPLATES["urlset"]
    ).render()


def news_sitemap(request: HttpRequest) -> HttpResponse:
    """Serve the Google News sitemap."""
    return sitemap_views.sitemap(
        request, {"news": NewsSitemap}, template_name=TEMPLATES["news"]
    ).render()


def index_entries(sitemaps: dict[str, SiteSitemap]) -> list[sitemap_views.SitemapIndexItem]:
    """List every page of every non-empty section, with the section's newest date."""
    entries = []
    for section, sitemap in sitemaps.items():
        pages = sitemap.paginator.num_pages if sitemap.paginator.count else 0
        if not pages:
            continue
        location = absolute_url(reverse("sitemap-section", kwargs={"section": section}))
        last_mod = sitemap.get_latest_lastmod()
        entries.append(sitemap_views.SitemapIndexItem(location, last_mod))
        entries += [
            sitemap_views.SitemapIndexItem(f"{location}?p={page}", last_mod)
            for page in range(2, pages + 1)
        ]
    return entries


@read_only
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Tell crawlers where the sitemaps are and which areas to leave alone."""
    sitemap_urls = [absolute_url(reverse("sitemap")), absolute_url(reverse("sitemap-news"))]
    return render(request, "robots.txt", {"sitemap_urls": sitemap_urls}, content_type="text/plain")
