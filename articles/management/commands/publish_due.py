from django.core.management.base import BaseCommand

from articles import background, signals, workflow
from ops import heartbeats


class Command(BaseCommand):
    help = (
        "Log the go-live of scheduled stories whose time has come, and of embargoed stories "
        "whose embargo has ended, and purge their pages; put back in the queue tasks whose "
        "worker died while running them. Safe to run every minute from cron."
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
        requeued = background.requeue_abandoned_tasks()
        if requeued:
            self.stdout.write(
                f"{len(requeued)} task{'s' if len(requeued) > 1 else ''} put back in the queue: "
                "their worker died while running them."
            )
        signals.minute_passed.send(sender=type(self))
        # `manage.py doctor` reads this to tell whether the minute timer is running.
        heartbeats.beat(heartbeats.PUBLISH_DUE, f"{len(went_live)} went live")
