"""Reads of the inbox."""

from notices.models import Notice


def unread_count(user) -> int:
    """Return how many notices in the user's inbox are unread."""
    return Notice.objects.inbox_of(user).unread().count()
