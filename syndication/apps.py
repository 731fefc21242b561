from django.apps import AppConfig

from articles.signals import public_article_changed


class SyndicationConfig(AppConfig):
    """The syndication API for partners: keys, rate limits, ninjs items, webhooks."""

    name = "syndication"
    verbose_name = "Syndication"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported once the apps are loaded: the receiver uses the models.
        from syndication import tasks  # noqa: PLC0415

        public_article_changed.connect(tasks.story_changed, dispatch_uid="syndication-webhooks")
