"""What every answer of the API shares, around django-ninja's views (applied in
`syndication/urls.py`): the public page cache, CORS, HEAD, JSON 405s and an ETag.

- **Cache**: `reader.cache.cache_public_page` with the `api` surrogate key, like the public
  pages: anonymous 200s are stored and purged by key when a story changes. A request with a
  partner key is answered fresh and marked `private, no-store`: it may hold embargoed copy.
- **CORS**: any origin may read (`Access-Control-Allow-Origin: *`); a preflight `OPTIONS`
  is answered here, before ninja (which knows only the documented methods).
- **HEAD** is answered as GET (the server drops the body).
- **Conditional GET**: every 200 and 410 carries a strong `ETag` of its body; Django's
  `ConditionalGetMiddleware` answers a matching `If-None-Match` (or, without one, an
  `If-Modified-Since` no older than `Last-Modified`) with 304.
"""

import copy
import hashlib
from functools import wraps

from django.http import HttpResponse, JsonResponse
from django.utils.http import quote_etag
from django.views.decorators.csrf import csrf_exempt

from reader.cache import cache_public_page

ALLOWED_METHODS = "GET, HEAD, OPTIONS"
ALLOWED_HEADERS = "Accept, Authorization, X-Api-Key, If-None-Match, If-Modified-Since"
PREFLIGHT_MAX_AGE = 86400
SURROGATE_KEY = "api"


def api_view(view):
    """Wrap one of ninja's URL views in what every answer of the API shares."""
    cached = cache_public_page(view, keys=[SURROGATE_KEY])

    @csrf_exempt
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = preflight()
        elif request.method not in ("GET", "HEAD"):
            response = JsonResponse(
                {"detail": f"This address answers {ALLOWED_METHODS} only."}, status=405
            )
            response["Allow"] = ALLOWED_METHODS
        elif carries_key(request):
            response = view(as_get(request), *args, **kwargs)
            response["Cache-Control"] = "private, no-store"
            tag(response)
        else:
            response = cached(as_get(request), *args, **kwargs)
            tag(response)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapper


def carries_key(request) -> bool:
    """Say whether `request` names a partner key (valid or not: the view decides)."""
    return "HTTP_AUTHORIZATION" in request.META or "HTTP_X_API_KEY" in request.META


def preflight() -> HttpResponse:
    """Answer a browser's CORS preflight: any origin may GET, with conditional headers."""
    response = HttpResponse(status=204)
    response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
    response["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
    response["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
    response["Allow"] = ALLOWED_METHODS
    return response


def as_get(request):
    """Return `request` as ninja must see it: a HEAD becomes a GET on a copy (the original,
    which the server and middleware read, stays a HEAD)."""
    if request.method != "HEAD":
        return request
    get = copy.copy(request)
    get.method = "GET"
    return get


def tag(response) -> None:
    """Give a 200 or 410 a strong ETag of its body (the same for every origin: the answer
    does not vary with `Origin`)."""
    if response.status_code in (200, 410) and not response.streaming:
        response["ETag"] = quote_etag(hashlib.sha256(response.content).hexdigest()[:32])
