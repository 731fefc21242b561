from django.core.management.base import BaseCommand

from demo.loader import DEMO_ACCOUNTS, load_demo_newsroom


class Command(BaseCommand):
    help = (
        "Load the demo newsroom (sections, people, stories in every state, demo users). "
        "Safe to run again."
    )

    def handle(self, *args, **options):
        counts = load_demo_newsroom(progress=lambda line: self.stdout.write(line))
        self.stdout.write(", ".join(f"{count} {name}" for name, count in counts.items()))
        self.stdout.write(self.style.SUCCESS("Demo newsroom ready. Log in at /admin/ as:"))
        for account in DEMO_ACCOUNTS:
            self.stdout.write(
                f"  {account.role:<11} username: {account.username:<10} "
                f"password: {account.password}"
            )
