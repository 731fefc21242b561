from django import template
from django.urls import reverse
from django.utils.html import format_html

from notices.selectors import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def inbox_link(context) -> str:
    """The link to the logged-in user's inbox, with their unread count, for the admin header."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not (user.is_active and user.is_staff):
        return ""
    unread = unread_count(user)
    url = reverse("admin:notices_notice_changelist")
    if not unread:
        return format_html('<a href="{}" class="inbox-link">Inbox</a> /', url)
    return format_html(
        '<a href="{}" class="inbox-link">Inbox (<span class="unread-count" '
        'aria-label="{} unread">{}</span>)</a> /',
        url,
        unread,
        unread,
    )
