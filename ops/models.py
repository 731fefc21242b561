"""What the deployment checks read: when each recurring job last ran."""

from django.db import models


class Heartbeat(models.Model):
    """The last time a recurring job finished (`publish_due`, the worker's heartbeat task).

    One row per job, overwritten each time: `manage.py doctor` reads how long ago it was.
    """

    name = models.CharField(max_length=60, unique=True)
    at = models.DateTimeField()
    detail = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} at {self.at:%Y-%m-%d %H:%M:%S}"
