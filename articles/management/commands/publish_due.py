from django.core.management.base import BaseCommand

from articles import workflow
from ops import heartbeats


class Command(BaseCommand):
    help = (
        "Log the go-live of scheduled stories whose time has come, and of embargoed stories "
        "whose embargo has ended, and purge their pages. "
        "Safe to run every minute from cron."
    )

    def handle(self, *args, **options):
        went_live = workflow.publish_due()
        for article in went_live:
            if article.public_from != article.publish_at:
                why = f"embargoed until {article.embargo_until:%Y-%m-%d %H:%M %Z}"
            else:
                why = f"scheduled for {article.publish_at:%Y-%m-%d %H:%M %Z}"
            self.stdout.write(f"Live: {article.headline} ({why})")
        self.stdout.write(
            f"{len(went_live)} scheduled stor{'y' if len(went_live) == 1 else 'ies'} went live."
        )
        # `manage.py doctor` reads this to tell whether the minute timer is running.
        heartbeats.beat(heartbeats.PUBLISH_DUE, f"{len(went_live)} went live")
