"""Who is editing a story: advisory presence kept in the shared cache, never in the database.

Opening a change form marks the editor present on that story; the page pings every
`PING_SECONDS` while it stays open, and leaving it removes them. An editor not seen for
`TTL_SECONDS` is gone. Presence only informs: the stale-save refusal (and a reviewer's lock)
is what protects the text. Whatever goes wrong with the cache, presence shows nothing; it
never fails a request.

Each story has one cache entry, a dict of the editors seen on it (user id → name, since when,
last seen, and which page load last said so). Leaving removes an editor only if no later page
load of theirs has marked them since: saving a form leaves one page and opens the next, and
the old page's goodbye may arrive after the new page's hello. Two pings at once may drop one of them for a ping's time; that is the price of an
advisory list with one round trip.
"""

import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.cache import cache
from django.utils import timezone

from articles.workflow import display_name

logger = logging.getLogger(__name__)

TTL_SECONDS = 120
PING_SECONDS = 45


@dataclass(frozen=True)
class Editor:
    """Someone with the story's change form open."""

    user_id: int
    name: str
    since: datetime

    @property
    def notice(self) -> str:
        return f"{self.name} is editing this story (since {timezone.localtime(self.since):%H:%M})"

    def as_json(self) -> dict:
        return {
            "name": self.name,
            "since": f"{timezone.localtime(self.since):%H:%M}",
            "sinceIso": self.since.isoformat(),
            "notice": self.notice,
        }


def key_for(article_id: int) -> str:
    return f"presence:article:{article_id}"


def new_page() -> str:
    """Return an id for one page load of a change form (it says goodbye with it)."""
    return secrets.token_urlsafe(8)


def mark_present(
    article_id: int, user, *, page: str = "", now: datetime | None = None
) -> list[Editor]:
    """Record that `user` has the story open now, on the page load `page`; return the others
    who have it open."""
    now = now or timezone.now()
    try:
        seen = _current(article_id, now)
        entry = seen.get(str(user.pk)) or {"name": display_name(user), "since": now.isoformat()}
        seen[str(user.pk)] = {**entry, "seen": now.isoformat(), "page": page}
        cache.set(key_for(article_id), seen, TTL_SECONDS)
        return _editors(seen, but=user.pk)
    except Exception:  # presence is advisory: a cache that fails means nobody is shown
        logger.warning("Presence unavailable for story %s", article_id, exc_info=True)
        return []


def others_present(article_id: int, user, *, now: datetime | None = None) -> list[Editor]:
    """Return who else has the story open, without marking `user` present."""
    try:
        return _editors(_current(article_id, now or timezone.now()), but=user.pk)
    except Exception:
        logger.warning("Presence unavailable for story %s", article_id, exc_info=True)
        return []


def leave(article_id: int, user, *, page: str = "", now: datetime | None = None) -> None:
    """Remove `user` from the story's editors (they closed or left the page load `page`),
    unless a later page load of theirs marked them present since."""
    try:
        seen = _current(article_id, now or timezone.now())
        entry = seen.get(str(user.pk))
        if entry is not None and (not page or entry.get("page", "") in ("", page)):
            del seen[str(user.pk)]
            cache.set(key_for(article_id), seen, TTL_SECONDS)
    except Exception:
        logger.warning("Presence unavailable for story %s", article_id, exc_info=True)


def _current(article_id: int, now: datetime) -> dict:
    """The story's editors seen within the TTL (older entries are dropped)."""
    stored = cache.get(key_for(article_id))
    if not isinstance(stored, dict):
        return {}
    cutoff = now - timedelta(seconds=TTL_SECONDS)
    return {
        user_id: entry
        for user_id, entry in stored.items()
        if datetime.fromisoformat(entry["seen"]) > cutoff
    }


def _editors(seen: dict, *, but: int) -> list[Editor]:
    editors = [
        Editor(int(user_id), entry["name"], datetime.fromisoformat(entry["since"]))
        for user_id, entry in seen.items()
        if int(user_id) != but
    ]
    return sorted(editors, key=lambda editor: editor.since)
