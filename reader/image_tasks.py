"""Background work on images: every rendition made once, right after an upload.

An upload (a story's hero image, a person's photo, an image in a proposed update) has its
renditions made by `make_renditions` once the transaction that stored it commits; a page that
finds them missing asks for them the same way. Readers never wait for them (reader.renditions).
Images stored before renditions were made this way get theirs from
`request_missing_renditions()`.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from articles.models import Article, Revision
from articles.signals import announce_public_change
from people.models import Person
from reader import cache, renditions

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 4
FIRST_RETRY_AFTER = timedelta(seconds=30)  # then 2 and 8 minutes


@task()
def make_renditions(storage_name: str, attempt: int = 1) -> int:
    """Make every rendition of the stored image `storage_name`, then have the live stories
    showing it built again; return how many files were written. Idempotent. A failure to make
    them is logged, not raised; one that may pass is tried again later, a few times, each time
    after a longer wait."""
    try:
        written = renditions.make_all_renditions(storage_name)
    except FileNotFoundError:
        logger.warning("No renditions for %s: the image is no longer stored.", storage_name)
        return 0
    except renditions.UnreadableImage:
        logger.exception("No renditions for %s: it cannot be read as an image.", storage_name)
        return 0
    except renditions.RenditionsBusy:
        logger.info("Renditions of %s are being made elsewhere; checking later.", storage_name)
        retry_later(storage_name, attempt)
        return 0
    except Exception:
        logger.exception("Making renditions of %s failed (attempt %d).", storage_name, attempt)
        retry_later(storage_name, attempt)
        return 0
    if written is not None:
        announce_stories_showing(storage_name)
    return written or 0


def retry_later(storage_name: str, attempt: int) -> None:
    """Enqueue `make_renditions` again after a wait that grows fourfold with each attempt."""
    if attempt >= MAX_ATTEMPTS:
        logger.error("Gave up making renditions of %s after %d attempts.", storage_name, attempt)
        return
    if not make_renditions.get_backend().supports_defer:
        logger.warning("Renditions of %s not retried: tasks here cannot wait.", storage_name)
        return
    run_after = timezone.now() + FIRST_RETRY_AFTER * 4 ** (attempt - 1)
    make_renditions.using(run_after=run_after).enqueue(storage_name, attempt + 1)


def announce_stories_showing(storage_name: str) -> None:
    """Say that the live stories with this hero image changed for readers: a page built before
    its renditions were made shows the original, and is built again now they are."""
    stories = Article.objects.filter(status=Article.Status.PUBLISHED, hero_image=storage_name)
    for article in stories:
        announce_public_change(article)
    people = Person.objects.filter(photo=storage_name).values_list("pk", flat=True)
    cache.purge(f"entity-{pk}" for pk in people)  # their pages showed the original


def request_renditions(storage_name: str) -> None:
    """Have the renditions of `storage_name` made once the current transaction commits,
    unless they are made already."""
    if storage_name and not renditions.are_ready(storage_name):
        transaction.on_commit(lambda: make_renditions.enqueue(storage_name))


def renditions_for_hero_image(sender, instance, update_fields=None, **kwargs) -> None:
    """Receiver of Article's post_save."""
    if update_fields is None or "hero_image" in update_fields:
        request_renditions(instance.hero_image.name)


def renditions_for_photo(sender, instance, update_fields=None, **kwargs) -> None:
    """Receiver of Person's post_save."""
    if update_fields is None or "photo" in update_fields:
        request_renditions(instance.photo.name)


def renditions_for_proposed_update(sender, instance, created=False, **kwargs) -> None:
    """Receiver of Revision's post_save: an image uploaded with a proposed update to a live
    story has its renditions ready before a reviewer approves it."""
    if created and instance.kind == Revision.Kind.PROPOSED:
        request_renditions(instance.content.get("hero_image", ""))


def renditions_for_page(sender, name, **kwargs) -> None:
    """Receiver of `renditions.renditions_wanted`: a page showed an original in their place."""
    transaction.on_commit(lambda: make_renditions.enqueue(name))


def request_missing_renditions() -> int:
    """Enqueue `make_renditions` for every hero image and photo whose renditions are not made
    (after an upgrade from renditions made on request, say); return how many were enqueued.
    `python manage.py make_renditions` calls it.
    """
    heroes = Article.objects.exclude(hero_image="").values_list("hero_image", flat=True)
    photos = Person.objects.exclude(photo="").values_list("photo", flat=True)
    missing = [name for name in sorted({*heroes, *photos}) if not renditions.are_ready(name)]
    for name in missing:
        make_renditions.enqueue(name)
    return len(missing)
