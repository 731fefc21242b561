"""Project-wide request guards."""

from django.http import HttpResponseBadRequest


class RejectNulBytesInQuery:
    """Answer 400 to a query string with a NUL byte, on every route (admin filters and
    autocomplete included): PostgreSQL cannot compare one, and nobody types one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "")
        if "%00" in query or "\x00" in query:
            return HttpResponseBadRequest(
                "The address contains a NUL character, which nothing here accepts.",
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
