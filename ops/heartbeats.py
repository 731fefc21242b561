"""Recording and reading when a recurring job last ran (ops.models.Heartbeat)."""

from datetime import datetime

from django.utils import timezone

from ops.models import Heartbeat

PUBLISH_DUE = "publish_due"
WORKER = "worker"


def beat(name: str, detail: str = "") -> None:
    """Record that `name` ran just now."""
    Heartbeat.objects.update_or_create(
        name=name, defaults={"at": timezone.now(), "detail": detail[:200]}
    )


def last(name: str) -> datetime | None:
    """Return when `name` last ran, or None if it never did."""
    return Heartbeat.objects.filter(name=name).values_list("at", flat=True).first()
