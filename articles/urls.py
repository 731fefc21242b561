from django.urls import path, re_path

from articles import api, views

app_name = "articles"

urlpatterns = [
    path("", views.front_page, name="front_page"),
    path("sections/<slug:slug>/", views.section_detail, name="section"),
    path("tags/<slug:slug>/", views.tag_detail, name="tag"),
    path("corrections/", views.corrections, name="corrections"),
    path("search/", views.search_page, name="search"),
    path("api/v1/articles/", api.article_list, name="api_articles"),
    path("api/v1/articles/<int:pk>/", api.article_detail, name="api_article"),
    path("preview/<str:token>/", views.share_preview, name="share_preview"),
    re_path(
        r"^(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/(?P<day>[0-9]{2})/(?P<slug>[-a-zA-Z0-9_]+)/$",
        views.article_detail,
        name="detail",
    ),
]
