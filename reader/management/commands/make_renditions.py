"""Ask the background worker for the renditions of every image that has none yet (once, after
upgrading from renditions made on a reader's request)."""

from django.core.management.base import BaseCommand

from reader import image_tasks


class Command(BaseCommand):
    help = "Enqueue the renditions of every hero image and photo that has none yet."

    def handle(self, *args, **options):
        count = image_tasks.request_missing_renditions()
        if count:
            self.stdout.write(f"Asked the worker for the renditions of {count:,} images.")
        else:
            self.stdout.write("Every image has its renditions.")
