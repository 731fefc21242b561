import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from articles.links import absolute_url
from articles.models import Section
from articles.wire import WireError, import_wire
from people.directory import known_entities
from people.models import Person


class Command(BaseCommand):
    help = (
        "Import plain-text wire copy as draft articles (never published). Prints per file the "
        "admin URL and the copy desk's findings. Use - to read standard input."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help="UTF-8 text files, or - for standard input")
        parser.add_argument("--section", help="section slug")
        parser.add_argument("--author", help="slug of the person for the byline")
        parser.add_argument("--tags", default="", help="comma-separated tags")
        parser.add_argument("--user", help="username recorded as creator")
        parser.add_argument("--dry-run", action="store_true", help="show what would be created")

    def handle(self, *args, files, section, author, tags, user, dry_run, **options):
        section_obj = self.lookup(Section, section, "section") if section else None
        author_obj = self.lookup(Person, author, "person") if author else None
        user_obj = None
        if user:
            user_obj = get_user_model().objects.filter(username=user).first()
            if user_obj is None:
                raise CommandError(f"No user called “{user}”.")
        tag_names = [tag.strip() for tag in tags.split(",") if tag.strip()]
        known = known_entities()
        failures = 0
        for index, name in enumerate(files, start=1):
            self.stdout.write(f"[{index}/{len(files)}] {name}")
            try:
                data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
                result = import_wire(
                    data, user=user_obj, section=section_obj, author=author_obj,
                    tags=tag_names, dry_run=dry_run, known=known,
                )  # fmt: skip
            except OSError as error:
                failures += 1
                self.stderr.write(f"  cannot read {name}: {error.strerror or error}")
                continue
            except WireError as error:
                failures += 1
                self.stderr.write(f"  not imported: {error.message}")
                continue
            self.report(result)
        if failures:
            raise CommandError(f"{failures} of {len(files)} file(s) could not be imported.")

    def lookup(self, model, slug, label):
        found = model.objects.filter(slug=slug).first()
        if found is None:
            raise CommandError(f"No {label} with the slug “{slug}”.")
        return found

    def report(self, result):
        parsed = result.parsed
        if result.duplicate_of is not None:
            url = absolute_url(
                reverse("admin:articles_article_change", args=[result.duplicate_of.pk])
            )
            self.stdout.write(
                self.style.WARNING(
                    f"  already imported: “{parsed.headline}” is {url} — nothing created"
                )
            )
            return
        if result.dry_run:
            self.stdout.write(
                f"  would create a draft: “{parsed.headline}” ({len(parsed.paragraphs)} paragraphs)"
            )
        else:
            url = absolute_url(reverse("admin:articles_article_change", args=[result.article.pk]))
            self.stdout.write(self.style.SUCCESS(f"  draft created: “{parsed.headline}” {url}"))
        linked = sum(quote.matched is not None for quote in result.quotes)
        self.stdout.write(f"  quotes: {len(result.quotes)} ({linked} linked to a known speaker)")
        for suggestion in result.suggestions:
            self.stdout.write(
                f"  not in the directory: {suggestion.name} ({suggestion.kind}; {suggestion.hint})"
            )
        for finding in result.findings:
            passage = f" — “{finding.passage[:80]}”" if finding.passage else ""
            self.stdout.write(f"  {finding.severity}: {finding.message}{passage}")
        if not result.findings:
            self.stdout.write("  copy desk: nothing to flag")
