"""The directory of known names: every person and organization, indexed for matching copy.

Building it reads the whole people directory, so it is built once per process and kept until a
person or organization changes. The shared cache holds only a version token: a change anywhere
(any app server, any worker) replaces the token, and each process rebuilds on its next use. Hot
paths (the change form, a content save, approval) therefore cost one cache read, not a table scan.
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
    global _loaded
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY, version)
    loaded = _loaded
    if loaded is not None and loaded[0] == version:
        return loaded[1]
    with _lock:
        directory = load_directory()
        _loaded = (version, directory)
    return directory


def load_directory() -> KnownEntities:
    """Read every person and organization from the database (two queries, names only)."""
    return KnownEntities(
        people=Person.objects.only("id", "name", "slug", "aliases"),
        organizations=Organization.objects.only("id", "name", "slug", "aliases"),
    )


def directory_changed(**kwargs) -> None:
    """Make every process rebuild the directory: now, and again once the change commits (so a
    process that rebuilt from the database before the commit cannot keep the old names)."""
    forget_directory()
    transaction.on_commit(forget_directory)


def forget_directory() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
