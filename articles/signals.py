"""Signals the editorial core sends, for the apps that serve readers.

The core never imports the public site. When what readers may see changes, it says so once the
transaction commits, and the public site (reader.apps) purges what it cached. A rolled-back
change never empties a cache.
"""

from django.db import transaction
from django.dispatch import Signal

# Sent with `article` after a change to what readers may see of it (content or status) commits,
# and `action`: the namespaced action logged with it ("articles.approve", "articles.unpublish",
# "articles.correction"…), or "" for a plain save or a new rendition.
public_article_changed = Signal()

# Sent by `publish_due` each minute, after its own work: apps with work of their own to do each
# minute (notifications of assignments past due) listen here instead of adding timers.
minute_passed = Signal()


def announce_public_change(article, action: str = "") -> None:
    """Send `public_article_changed` for `article` once the current transaction commits."""
    transaction.on_commit(
        lambda: public_article_changed.send(sender=type(article), article=article, action=action)
    )
