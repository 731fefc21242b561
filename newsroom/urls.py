from django.conf import settings
from django.contrib import admin
from django.urls import include, path

admin.site.site_header = f"{settings.NEWSROOM_PUBLICATION_NAME} — Newsroom"
admin.site.site_title = "Newsroom"
admin.site.index_title = "Editorial desk"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("reader.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
