"""Build the stored public page of every published story (after an upgrade, or an import
that bypassed the workflow); stories whose page is current are skipped unless --all."""

import time

from django.core.management.base import BaseCommand
from django.db.models import F, Q

from articles.models import Article
from reader import pages


class Command(BaseCommand):
    help = "Build the stored public page of every published story that lacks a current one."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="rebuild current pages too")

    def handle(self, *args, **options):
        stories = Article.objects.filter(status=Article.Status.PUBLISHED)
        if not options["all"]:
            stories = stories.filter(
                Q(public_page__isnull=True) | ~Q(public_page__version=F("version"))
            )
        ids = list(stories.order_by("-publish_at", "-id").values_list("pk", flat=True))
        total, started = len(ids), time.monotonic()
        if not total:
            self.stdout.write("Every published story's page is current.")
            return
        step = max(pages.BATCH, total // 20 // pages.BATCH * pages.BATCH)
        for start in range(0, total, step):
            pages.build_many(ids[start : start + step])
            done, elapsed = min(start + step, total), time.monotonic() - started
            self.stdout.write(f"pages {done:,}/{total:,} ({100 * done // total} %) {elapsed:.0f} s")
        self.stdout.write(self.style.SUCCESS(f"Built {total:,} page{'s' if total != 1 else ''}."))
