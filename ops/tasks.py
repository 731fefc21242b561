"""The worker's heartbeat: a task `manage.py doctor` enqueues and waits for."""

import os
import socket

from django_tasks import task

from ops import heartbeats


@task()
def heartbeat() -> str:
    """Record that a worker ran a task, and say which one (host and process)."""
    worker = f"{socket.gethostname()} pid {os.getpid()}"
    heartbeats.beat(heartbeats.WORKER, worker)
    return worker
