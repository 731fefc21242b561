from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save

from articles.signals import public_article_changed


class ReaderConfig(AppConfig):
    """The public site: pages, feeds, sitemaps, search, the API. It has no models."""

    name = "reader"
    verbose_name = "Public site"

    def ready(self):
        # Imported once the apps are loaded: the receivers use the models.
        from taggit.models import Tag  # noqa: PLC0415

        from articles.models import Section  # noqa: PLC0415
        from people.models import Organization, Person  # noqa: PLC0415
        from reader import tasks  # noqa: PLC0415

        public_article_changed.connect(tasks.story_changed, dispatch_uid="reader-purge")
        # A name a page shows changed: rebuild those pages and purge what lists them.
        for model, receiver in (
            (Person, tasks.entity_changed),
            (Organization, tasks.entity_changed),
            (Tag, tasks.tag_changed),
            (Section, tasks.section_changed),
        ):
            post_save.connect(receiver, sender=model, dispatch_uid=f"reader-{model.__name__}")
            post_delete.connect(
                receiver, sender=model, dispatch_uid=f"reader-{model.__name__}-gone"
            )
        self.connect_image_receivers()

    def connect_image_receivers(self):
        """Have every uploaded image's renditions made in the background (reader.image_tasks)."""
        from articles.models import Article, Revision  # noqa: PLC0415
        from people.models import Person  # noqa: PLC0415
        from reader import image_tasks, renditions  # noqa: PLC0415

        post_save.connect(
            image_tasks.renditions_for_hero_image, sender=Article, dispatch_uid="reader-hero"
        )
        post_save.connect(
            image_tasks.renditions_for_photo, sender=Person, dispatch_uid="reader-photo"
        )
        post_save.connect(
            image_tasks.renditions_for_proposed_update,
            sender=Revision,
            dispatch_uid="reader-proposed-image",
        )
        renditions.renditions_wanted.connect(
            image_tasks.renditions_for_page, dispatch_uid="reader-renditions-wanted"
        )
