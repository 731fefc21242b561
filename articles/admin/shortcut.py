"""The admin's "View on site" redirect, limited to what the user may see in the admin."""

from django.contrib import admin
from django.contrib.admin.exceptions import NotRegistered
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import ValidationError
from django.http import Http404


def view_on_site(request, content_type_id, object_id):
    """Redirect to an object's public address, but answer 404, like Django for a missing
    object, for one outside the user's admin list: a reporter learns nothing, not even the
    address, of another reporter's draft."""
    content_type = ContentType.objects.filter(pk=content_type_id).first()
    model = content_type.model_class() if content_type else None
    try:
        model_admin = admin.site.get_model_admin(model) if model else None
    except NotRegistered:
        model_admin = None
    if model_admin is None or not model_admin.has_view_or_change_permission(request):
        raise Http404("No such object.")
    try:
        visible = model_admin.get_queryset(request).filter(pk=object_id).exists()
    except (ValueError, ValidationError):  # an id of the wrong shape
        visible = False
    if not visible:
        raise Http404("No such object.")
    return shortcut(request, content_type_id, object_id)
