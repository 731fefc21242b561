"""Reader-side machine outputs: feeds, sitemaps and robots.txt (wired into newsroom/urls.py).

Feeds and sitemaps are served from the public page cache like the pages they describe, so a
feed reader polling every minute costs one cache read; publishing purges them with the rest.
"""

from django.urls import path

from articles import feeds, sitemaps
from articles.cache import cache_public_page


def feed_routes(prefix: str, name: str, feed_class: type[feeds.NewsroomFeed]) -> list:
    """Route `<prefix>rss/` and `<prefix>atom/` to the two formats of one feed."""
    rss, atom = feed_class(), feed_class(feed_type=feeds.NewsroomAtom)
    return [
        path(f"{prefix}rss/", cache_public_page(rss), name=f"feeds-{name}-rss"),
        path(f"{prefix}atom/", cache_public_page(atom), name=f"feeds-{name}-atom"),
    ]


urlpatterns = [
    *feed_routes("feeds/latest/", "latest", feeds.LatestStoriesFeed),
    *feed_routes("feeds/sections/<slug:slug>/", "section", feeds.SectionFeed),
    *feed_routes("feeds/tags/<slug:slug>/", "tag", feeds.TagFeed),
    *feed_routes("feeds/people/<slug:slug>/", "people", feeds.EntityFeed),
    *feed_routes("feeds/corrections/", "corrections", feeds.CorrectionsFeed),
    path("sitemap.xml", cache_public_page(sitemaps.sitemap_root), name="sitemap"),
    path("sitemap-news.xml", cache_public_page(sitemaps.news_sitemap), name="sitemap-news"),
    path(
        "sitemap-<slug:section>.xml",
        cache_public_page(sitemaps.sitemap_section),
        name="sitemap-section",
    ),
    path("robots.txt", sitemaps.robots_txt, name="robots-txt"),
]
