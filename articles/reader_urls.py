"""Reader-side machine outputs: feeds and sitemaps (wired into newsroom/urls.py)."""

urlpatterns: list = []
