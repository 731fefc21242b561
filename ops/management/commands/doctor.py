from django.core.management.base import BaseCommand, CommandError

from ops import checks

MARKS = {checks.OK: "ok", checks.WARNING: "warning", checks.PROBLEM: "PROBLEM"}


class Command(BaseCommand):
    help = (
        "Check this deployment from the inside: database reachable and migrated, cache shared "
        "and writable, a worker alive, publish_due running, media writable, static files "
        "collected, the edge cache reachable. Exits non-zero when something is wrong."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--wait",
            type=float,
            default=10.0,
            help="Seconds to wait for a worker to run the heartbeat task (default 10).",
        )

    def handle(self, *args, wait, **options):
        findings = checks.run(wait=wait)
        width = max(len(finding.name) for finding in findings)
        for finding in findings:
            line = f"{MARKS[finding.status]:<8} {finding.name:<{width}}  {finding.message}"
            style = {checks.OK: self.style.SUCCESS, checks.WARNING: self.style.WARNING}
            self.stdout.write(style.get(finding.status, self.style.ERROR)(line))
        problems = [finding for finding in findings if finding.status == checks.PROBLEM]
        if problems:
            raise CommandError(
                f"{len(problems)} problem{'s' if len(problems) > 1 else ''} found: "
                f"{', '.join(finding.name for finding in problems)}."
            )
        warnings = sum(finding.status == checks.WARNING for finding in findings)
        self.stdout.write(
            f"No problems in {len(findings)} checks"
            + (f" ({warnings} warning{'s' if warnings > 1 else ''})." if warnings else ".")
        )
