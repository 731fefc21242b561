from django.apps import AppConfig

from articles.signals import public_article_changed
from reader.cache import purge_for_article


class ReaderConfig(AppConfig):
    """The public site: pages, feeds, sitemaps, search, the API. It has no models."""

    name = "reader"
    verbose_name = "Public site"

    def ready(self):
        public_article_changed.connect(purge_for_article, dispatch_uid="reader-purge")
