from django.apps import AppConfig
from django.conf import settings

from copytext import nlp


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Newsroom"

    def ready(self):
        # Workers take a lock per running task, released if they die (articles.background).
        from articles import background  # noqa: F401  (connects its task signal receivers)

        # Named now, loaded on the first story the copy desk reads (never at start-up).
        nlp.use_model(settings.NEWSROOM_NLP_MODEL)
