from django.apps import AppConfig
from django.conf import settings

from copytext import nlp


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Newsroom"

    def ready(self):
        # Named now, loaded on the first story the copy desk reads (never at start-up).
        nlp.use_model(settings.NEWSROOM_NLP_MODEL)
