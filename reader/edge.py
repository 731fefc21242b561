"""Purging the edge cache (Varnish, or a CDN) by surrogate key once a change has committed.

Every public response names what it shows in a `Surrogate-Key` header (`reader.cache`); the
edge indexes its copies by those keys. After a change commits, `purge(keys)` tells every edge
cache to drop the copies carrying any of them, so readers see the change at once instead of
after the page's s-maxage. Which edges there are is a setting:

    NEWSROOM_EDGE_PURGERS = [
        {"BACKEND": "reader.edge.VarnishPurger", "URL": "http://127.0.0.1:6081"},
    ]

The other entries of each dict are passed, lower-cased, to the backend (`TIMEOUT` in seconds,
`SOFT` for Varnish). Nothing is sent when the list is empty. A purge goes to every edge at
once with a short timeout; an edge that fails is logged and retried in the background
(`purge_later`) with a growing delay, so an edge that is down never breaks an editor's request.
Purging is idempotent: sending one twice only costs a request. deploy/varnish/README.md says how
to run Varnish and how to add a Fastly or Cloudflare purger.
"""

import logging
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from http.client import HTTPConnection, HTTPSConnection
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task

logger = logging.getLogger(__name__)

ATTEMPTS = 5  # the purge in the request, then four retries
BACKOFF = timedelta(seconds=10)  # before the retries: 10 s, 20 s, 40 s, 80 s
KEYS_PER_REQUEST = 4000  # characters of keys in one header; Varnish refuses headers over 8 KB


class PurgeFailed(Exception):
    """An edge cache did not confirm a purge."""


class Purger:
    """An edge cache that drops its copies by surrogate key. Subclasses write `purge`."""

    def __init__(self, *, timeout: float = 2.0):
        self.timeout = timeout

    def __str__(self) -> str:
        return type(self).__name__

    def purge(self, keys: list[str]) -> None:
        """Drop every copy carrying any of `keys`; raise (any exception) when that fails."""
        raise NotImplementedError


class VarnishPurger(Purger):
    """Varnish running deploy/varnish/newsroom.vcl: `PURGE /` with the keys in `xkey-purge`.

    With `SOFT: True` the keys go in `xkey-softpurge` instead: Varnish keeps serving the stale
    copies (in grace) while it fetches new ones, which spares Django a burst of requests but
    shows readers the old page for one more request each.
    """

    def __init__(self, *, url: str, timeout: float = 2.0, soft: bool = False):
        super().__init__(timeout=timeout)
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ImproperlyConfigured(f"VarnishPurger needs an http:// URL, not {url!r}.")
        self.url = url
        self.header = "xkey-softpurge" if soft else "xkey-purge"

    def __str__(self) -> str:
        return f"Varnish at {self.url}"

    def purge(self, keys: list[str]) -> None:
        for batch in batches(keys, KEYS_PER_REQUEST):
            self.send(" ".join(batch))

    def send(self, keys: str) -> None:
        parts = urlsplit(self.url)
        # http.client, not urllib: a purge must reach this address, never an HTTP proxy.
        connect = HTTPSConnection if parts.scheme == "https" else HTTPConnection
        connection = connect(parts.hostname, parts.port, timeout=self.timeout)
        try:
            connection.request("PURGE", parts.path or "/", headers={self.header: keys})
            response = connection.getresponse()
            response.read()
        finally:
            connection.close()
        if response.status != 200:
            raise PurgeFailed(f"{self} answered {response.status} {response.reason}")


def batches(keys: list[str], budget: int) -> list[list[str]]:
    """Split `keys` into runs whose space-joined length stays within `budget` characters."""
    runs: list[list[str]] = [[]]
    length = 0
    for key in keys:
        if runs[-1] and length + 1 + len(key) > budget:
            runs.append([])
            length = 0
        length += len(key) + (1 if runs[-1] else 0)
        runs[-1].append(key)
    return [run for run in runs if run]


def usable(key: str) -> bool:
    """Whether `key` survives an HTTP header as one surrogate key: no space, comma or control
    character (they separate keys), and Latin-1, as Django and http.client send headers."""
    if not key or any(c.isspace() or c == "," or not c.isprintable() for c in key):
        return False
    try:
        key.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def clean(keys: Iterable[str]) -> list[str]:
    """Return the distinct usable keys, sorted; log the others, which no edge could match."""
    distinct = sorted({key for key in keys if key})
    refused = [key for key in distinct if not usable(key)]
    if refused:
        logger.warning("Not purging unusable surrogate keys %r", refused)
    return [key for key in distinct if usable(key)]


def build(config: dict) -> Purger:
    """Make the purger one entry of NEWSROOM_EDGE_PURGERS describes."""
    options = {name.lower(): value for name, value in config.items() if name != "BACKEND"}
    return import_string(config["BACKEND"])(**options)


def configured_purgers() -> dict[int, Purger]:
    """Return the configured purgers by their position in NEWSROOM_EDGE_PURGERS."""
    configs = getattr(settings, "NEWSROOM_EDGE_PURGERS", [])
    return {position: build(config) for position, config in enumerate(configs)}


def purge(keys: Iterable[str]) -> None:
    """Tell every edge cache to drop the pages carrying any of `keys` (call after commit).

    Never raises: an edge that fails is logged and retried in the background.
    """
    try:
        purgers = configured_purgers()
    except Exception:  # a broken setting must not break a publish; `manage.py check` says more
        logger.exception("NEWSROOM_EDGE_PURGERS is broken; the edge was not purged")
        return
    keys = clean(keys)
    if purgers and keys:
        retry_failed(keys, send(purgers, keys), attempt=1)


def send(purgers: dict[int, Purger], keys: list[str]) -> list[int]:
    """Send the purge to every purger at once; return the positions of those that failed."""
    with ThreadPoolExecutor(max_workers=len(purgers)) as pool:
        outcomes = {
            position: pool.submit(try_purger, purger, keys) for position, purger in purgers.items()
        }
    return [position for position, outcome in outcomes.items() if not outcome.result()]


def try_purger(purger: Purger, keys: list[str]) -> bool:
    """Ask one purger to purge; log and report a failure instead of raising it."""
    try:
        purger.purge(keys)
    except Exception as error:  # refused, timed out, unreachable: all retried alike
        logger.warning("Edge purge by %s failed: %s (keys: %s)", purger, error, " ".join(keys))
        return False
    return True


def retry_failed(keys: list[str], failed: list[int], *, attempt: int) -> None:
    """Enqueue `purge_later` for the purgers that failed, after a delay that doubles each time;
    give up after ATTEMPTS (the pages then expire after their s-maxage)."""
    if not failed:
        return
    if attempt >= ATTEMPTS:
        logger.error("Edge purge of %s failed %s times; giving up", " ".join(keys), attempt)
        return
    retry = purge_later
    if retry.get_backend().supports_defer:  # the immediate backend of tests runs it now
        retry = retry.using(run_after=timezone.now() + BACKOFF * 2 ** (attempt - 1))
    try:
        retry.enqueue(keys, attempt + 1, failed)
    except Exception:  # no queue (its database is down): the pages expire on their own
        logger.exception("Could not enqueue the retry of an edge purge of %s", " ".join(keys))


@task()
def purge_later(keys: list[str], attempt: int, only: list[int]) -> None:
    """Purge `keys` again on the purgers at positions `only`, which failed before."""
    purgers = {
        position: purger for position, purger in configured_purgers().items() if position in only
    }
    if purgers:
        retry_failed(keys, send(purgers, keys), attempt=attempt)


@checks.register()
def check_purgers(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """Report a NEWSROOM_EDGE_PURGERS entry that cannot be built (`manage.py check`, and
    before `runserver` and `migrate`), rather than at the first publish."""
    errors = []
    for position, config in enumerate(getattr(settings, "NEWSROOM_EDGE_PURGERS", [])):
        try:
            build(config)
        except Exception as error:
            errors.append(
                checks.Error(
                    f"NEWSROOM_EDGE_PURGERS[{position}] is not a usable purger: {error!r}",
                    hint='Each entry is a dict like {"BACKEND": "reader.edge.VarnishPurger", '
                    '"URL": "http://127.0.0.1:6081"}.',
                    id="reader.E001",
                )
            )
    return errors
