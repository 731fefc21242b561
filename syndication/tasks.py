"""The syndication's background work, run by `manage.py db_worker` (django-tasks): telling
partners' webhook endpoints that a public story changed (`syndication.webhooks`)."""

import logging

from django.utils import timezone
from django_tasks import task

from syndication import webhooks

logger = logging.getLogger(__name__)


def story_changed(sender, article, action="", **kwargs) -> None:
    """Receiver of `public_article_changed` (sent after commit): enqueue one delivery per
    endpoint that wants to hear of this change (`action`: the workflow's, "" for a plain save).
    Never lets a failure reach the editor whose change already committed."""
    try:
        for delivery in webhooks.plan_deliveries(article.pk, action=action):
            deliver.enqueue(**delivery)
    except Exception:
        logger.exception("Webhooks for story %s were not queued", article.pk)


@task()
def deliver(
    endpoint_id: int,
    delivery_id: str,
    event: str,
    article_id: int,
    version: int,
    body: str,
    attempt: int = 1,
) -> None:
    """Send one attempt of a webhook delivery; enqueue the next attempt when it failed."""
    arguments = {
        "endpoint_id": endpoint_id,
        "delivery_id": delivery_id,
        "event": event,
        "article_id": article_id,
        "version": version,
        "body": body,
    }
    wait = webhooks.attempt_delivery(
        **arguments, attempt=attempt, can_retry=deliver.get_backend().supports_defer
    )
    if wait is not None:
        deliver.using(run_after=timezone.now() + wait).enqueue(**arguments, attempt=attempt + 1)
