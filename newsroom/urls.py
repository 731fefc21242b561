from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from articles.admin.shortcut import view_on_site

admin.site.site_header = f"{settings.NEWSROOM_PUBLICATION_NAME} — Newsroom"
admin.site.site_title = "Newsroom"
admin.site.index_title = "Editorial desk"

urlpatterns = [
    # Ahead of the admin's own "View on site" redirect, which would reveal any object's address.
    path(
        "admin/r/<int:content_type_id>/<path:object_id>/",
        admin.site.admin_view(view_on_site),
        name="view_on_site",
    ),
    path("admin/", admin.site.urls),
    # The syndication API (IPTC ninjs), ahead of the public site's catch-all article route.
    path("api/v1/", include("syndication.urls")),
    path("", include("reader.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
