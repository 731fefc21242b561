"""The two answers of the API that are not ninja operations: its index and its 404."""

from django.http import JsonResponse
from django.urls import reverse

from articles.links import absolute_url


def index(request, **kwargs):
    """Say where the documentation, the OpenAPI document and the stories are."""
    return JsonResponse(
        {
            name: absolute_url(reverse(f"syndication:{route}"))
            for name, route in (
                ("docs", "openapi-view"),
                ("openapi", "openapi-json"),
                ("articles", "articles"),
                ("tags", "tags"),
            )
        }
    )


def not_found(request, **kwargs):
    return JsonResponse({"detail": "Nothing is at this address in the API."}, status=404)
