from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from articles.models import Article
from demo.corpus import CorpusError, CorpusSize, analyze, write_corpus


class Command(BaseCommand):
    help = (
        "Generate a large archive of published stories for benchmarks, by bulk inserts "
        "(SQLite or PostgreSQL). The same --seed always gives the same stories."
    )

    def add_arguments(self, parser):
        defaults = CorpusSize()
        parser.add_argument("--articles", type=int, default=defaults.articles)
        parser.add_argument("--people", type=int, default=defaults.people)
        parser.add_argument("--tags", type=int, default=defaults.tags)
        parser.add_argument("--sections", type=int, default=defaults.sections)
        parser.add_argument("--seed", type=int, default=defaults.seed)
        parser.add_argument(
            "--batch-size", type=int, default=defaults.batch_size, help="rows per transaction"
        )
        parser.add_argument(
            "--append",
            action="store_true",
            help="add to a database that already holds stories (sections, people and tags of "
            "the same name are reused)",
        )
        parser.add_argument(
            "--no-build-pages",
            action="store_true",
            help="leave the stories' stored pages to `manage.py build_pages` or their first reader",
        )

    def handle(self, *args, **options):
        size = CorpusSize(
            **{
                name: options[name]
                for name in ("articles", "people", "tags", "sections", "seed", "batch_size")
            }
        )
        try:
            size.check()
        except CorpusError as error:
            raise CommandError(str(error)) from error
        existing = Article.objects.count()
        if existing and not options["append"]:
            stories = "story" if existing == 1 else "stories"
            raise CommandError(
                f"The database already holds {existing:,} {stories}. Add --append to add the "
                "corpus to them, or start from an empty database."
            )
        counts = write_corpus(size, until=timezone.now(), report=self.stdout.write)
        analyze()
        self.stdout.write(", ".join(f"{count:,} {name}" for name, count in counts.items()))
        if options["no_build_pages"]:
            self.stdout.write("Pages not built (--no-build-pages): each is built on first read.")
        elif "build_pages" in get_commands():
            call_command("build_pages", stdout=self.stdout, stderr=self.stderr)
        else:
            self.stdout.write(
                "No build_pages command here: story pages are built when first requested."
            )
        self.stdout.write(self.style.SUCCESS("Corpus ready."))
