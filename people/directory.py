"""The directory of known names: every person and organization, indexed for matching copy.

Building it reads the whole people directory, so it is built once per process and kept until a
person or organization changes. The shared cache holds only a version token: a committed change
anywhere (any app server, any worker) replaces the token, and each process rebuilds on its next
use. Hot paths (the change form, a content save, approval) therefore cost one cache read, not a
table scan.

A transaction that changes a name sees the change at once (the copy desk adds a name, then checks
the story with it), but what it loads is kept with that transaction only: shared, it would
outlive a rollback and match names that were never saved.
"""

import threading
import uuid

from django.core.cache import cache
from django.db import transaction

from copytext import KnownEntities
from people.models import Organization, Person

VERSION_KEY = "people:directory-version"

_lock = threading.Lock()
_loaded: tuple[str, KnownEntities] | None = None


def known_entities() -> KnownEntities:
    """Return the directory of known people and organizations (cached; see the module)."""
    change = latest_uncommitted_change()
    if change is None:
        return shared_directory()
    if change.directory is None:
        change.directory = load_directory()
    return change.directory


def shared_directory() -> KnownEntities:
    """Return the directory as committed, rebuilt only when the version token has changed."""
    global _loaded
    version = current_version()  # read before loading: a change committed meanwhile replaces it
    loaded = _loaded
    if loaded is not None and loaded[0] == version:
        return loaded[1]
    with _lock:
        loaded = _loaded  # another thread may have built this version while we waited
        if loaded is None or loaded[0] != version:
            loaded = _loaded = (version, load_directory())
    return loaded[1]


def current_version() -> str:
    """Return the shared version token, creating it when the cache has none."""
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY, version)
    return version


def load_directory() -> KnownEntities:
    """Read every person and organization from the database (two queries, names only)."""
    return KnownEntities(
        people=Person.objects.only("id", "name", "slug", "aliases"),
        organizations=Organization.objects.only("id", "name", "slug", "aliases"),
    )


class UncommittedChange:
    """A change to the directory that only its own transaction sees until it commits."""

    def __init__(self):
        self.committed = False
        self.directory: KnownEntities | None = None  # as the transaction sees it after the change

    def commit(self) -> None:
        self.committed = True
        forget_directory()


def directory_changed(**kwargs) -> None:
    """Make every process rebuild the directory once this change commits (the receiver of every
    save and delete of a person or organization)."""
    transaction.on_commit(UncommittedChange().commit)


def latest_uncommitted_change() -> UncommittedChange | None:
    """Return the latest change to the directory in this thread's open transaction, if any.

    Django forgets the on-commit callbacks of a transaction or savepoint that rolls back, so a
    change still waiting there is one this transaction made and kept.
    """
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return None
    for entry in reversed(connection.run_on_commit):
        change = getattr(entry[1], "__self__", None)
        if isinstance(change, UncommittedChange) and not change.committed:
            return change
    return None


def forget_directory() -> None:
    """Make every process rebuild the directory on its next use."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
