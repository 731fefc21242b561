"""Writes to a user's inbox: marking notices read."""

from django.utils import timezone

from notices.models import Notice


def mark_read(user, notice_ids=None) -> int:
    """Mark the user's unread notices read (only those in `notice_ids`, when given); return how
    many. Another user's notices are never touched."""
    unread = Notice.objects.inbox_of(user).unread()
    if notice_ids is not None:
        unread = unread.filter(pk__in=notice_ids)
    return unread.update(read_at=timezone.now())
