from django.core.management.base import BaseCommand, CommandError

from articles.checks import blockers, run_checks
from articles.models import Article


class Command(BaseCommand):
    help = "Print the copy desk's findings for one article; exit status 1 while a blocker stands."

    def add_arguments(self, parser):
        parser.add_argument("article", help="the article's id or slug")

    def handle(self, *args, article, **options):
        lookup = {"pk": int(article)} if article.isdigit() else {"slug": article}
        found = Article.objects.filter(**lookup).first()
        if found is None:
            raise CommandError(f"No article with the id or slug “{article}”.")
        findings = run_checks(found)
        self.stdout.write(f"{found.headline} ({found.get_status_display().lower()})")
        for finding in findings:
            passage = f" — “{finding.passage[:80]}”" if finding.passage else ""
            self.stdout.write(f"  {finding.severity}: [{finding.code}] {finding.message}{passage}")
        standing = blockers(findings)
        self.stdout.write(
            f"{len(findings)} finding(s), {len(standing)} blocker(s)."
            if findings
            else "Nothing to flag."
        )
        if standing:
            raise CommandError(f"{len(standing)} blocker(s) stand.", returncode=1)
