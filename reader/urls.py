"""The public site's addresses (included from newsroom/urls.py).

Names keep their namespaces, `articles:` for stories, sections, tags and search, and
`people:` for person and organization pages, so `get_absolute_url()` and templates need not
know which app serves them. Feeds and sitemaps are served from the public page cache like the
pages they describe: a feed reader polling every minute costs one cache read. Every route
answers GET and HEAD only (`reader.cache.read_only`, which `cache_public_page` applies); other
methods get 405.
"""

from django.urls import include, path, re_path

from reader import feeds, sitemaps, views
from reader.cache import cache_public_page


def feed_routes(prefix: str, name: str, feed_class: type[feeds.NewsroomFeed]) -> list:
    """Route `<prefix>rss/` and `<prefix>atom/` to the two formats of one feed."""
    rss, atom = feed_class(), feed_class(feed_type=feeds.NewsroomAtom)
    return [
        path(f"{prefix}rss/", cache_public_page(rss, keys=["feeds"]), name=f"feeds-{name}-rss"),
        path(f"{prefix}atom/", cache_public_page(atom, keys=["feeds"]), name=f"feeds-{name}-atom"),
    ]


article_patterns = [
    path("", views.front_page, name="front_page"),
    path("sections/<slug:slug>/", views.section_detail, name="section"),
    path("tags/<slug:slug>/", views.tag_detail, name="tag"),
    path("corrections/", views.corrections, name="corrections"),
    path("search/", views.search_page, name="search"),
    path("preview/<str:token>/", views.share_preview, name="share_preview"),
    re_path(
        r"^(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/(?P<day>[0-9]{2})/(?P<slug>[-a-zA-Z0-9_]+)/$",
        views.article_detail,
        name="detail",
    ),
]

people_patterns = [
    path("people/<slug:slug>/", views.entity_detail, name="detail"),
]

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    *feed_routes("feeds/latest/", "latest", feeds.LatestStoriesFeed),
    *feed_routes("feeds/sections/<slug:slug>/", "section", feeds.SectionFeed),
    *feed_routes("feeds/tags/<slug:slug>/", "tag", feeds.TagFeed),
    *feed_routes("feeds/people/<slug:slug>/", "people", feeds.EntityFeed),
    *feed_routes("feeds/corrections/", "corrections", feeds.CorrectionsFeed),
    path(
        "sitemap.xml", cache_public_page(keys=["sitemaps"])(sitemaps.sitemap_root), name="sitemap"
    ),
    path(
        "sitemap-news.xml",
        cache_public_page(keys=["sitemaps"])(sitemaps.news_sitemap),
        name="sitemap-news",
    ),
    path(
        "sitemap-<slug:section>.xml",
        cache_public_page(keys=["sitemaps"])(sitemaps.sitemap_section),
        name="sitemap-section",
    ),
    path("robots.txt", sitemaps.robots_txt, name="robots-txt"),
    path("", include((people_patterns, "people"))),
    path("", include((article_patterns, "articles"))),
]
