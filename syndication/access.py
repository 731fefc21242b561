"""Who is calling the syndication API, what they may read, and how often: the one seam
between the API and partner keys, rate limits and embargoes.

- `identify`: anonymous, or the partner whose key the request carries (`syndication.partners`);
  a key that is unknown, revoked or paused is refused with 401, never taken as anonymous.
- `visible_articles`: what readers see, plus, for a key with the embargo scope, approved
  stories still under embargo (their items carry `embargoedUntil`).
- `throttle`: anonymous callers per address, each key on its own limit.

A keyed answer may hold what anonymous callers must not see, so it never enters the shared
page cache or an edge cache (`syndication.http.api_view`, `reader.cache.CachedPages`).
"""

from dataclasses import dataclass

from django.db.models import QuerySet
from ninja.errors import HttpError

from articles.models import Article
from syndication import partners, selectors
from syndication.models import ApiKey


@dataclass(frozen=True)
class Client:
    """A caller of the API: its partner key (None: anonymous) and whether it may read stories
    still under embargo."""

    key: ApiKey | None = None
    sees_embargoed: bool = False


ANONYMOUS = Client()


def identify(request) -> Client:
    """Return who sent `request`: anonymous, or the partner whose key it carries; 401 for a
    key that is unknown, revoked or paused."""
    try:
        key = partners.identify(request)
    except partners.Unauthorized as refusal:
        raise HttpError(401, refusal.message) from None
    if key is None:
        return ANONYMOUS
    return Client(key=key, sees_embargoed=key.sees_embargoed)


def visible_articles(client: Client) -> QuerySet:
    """Return the stories `client` may read, with everything an item shows prefetched.

    Whatever this returns is the API's whole world: lists, filters, search, details, related
    stories and tags are all read through it.
    """
    stories = Article.objects.published()
    if client.sees_embargoed:
        stories = stories | Article.objects.under_embargo()
    return selectors.with_item_data(stories)


def throttle(request, client: Client) -> int | None:
    """Return how many seconds `client` must wait before asking again, or None to answer now
    (the API then says 429 with `Retry-After`)."""
    return partners.throttle(request, client.key)
