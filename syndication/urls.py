"""The syndication API's addresses, under /api/v1/ (included from newsroom/urls.py).

django-ninja makes the routes from `syndication.api` (with the OpenAPI document and the
documentation page); each is wrapped in `syndication.http.api_view` (page cache, CORS, HEAD,
ETag). Any other address under /api/v1/ answers a JSON 404, as the rest of the API does.
"""

from django.urls import URLPattern, re_path

from syndication import views
from syndication.api import api
from syndication.http import api_view

app_name = "syndication"

routes, _, _ = api.urls

urlpatterns = [
    *(
        URLPattern(
            route.pattern,
            api_view(views.index if route.name == "api-root" else route.callback),
            route.default_args,
            route.name,
        )
        for route in routes
    ),
    re_path(r"^.*/$", api_view(views.not_found), name="not-found"),
]
