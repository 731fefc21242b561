"""Partner keys and rate limits for the syndication API, as plain functions.

- `issue_key` makes a key: 32 random bytes, given once; only its SHA-256 digest and a short
  prefix (to find it) are stored. `revoke_key` ends it for good.
- `identify` reads `Authorization: Bearer <key>` (or `X-Api-Key: <key>`) and returns the key,
  None for an anonymous caller, or raises `Unauthorized` for a key that is unknown, revoked or
  inactive: a bad key is never treated as anonymous.
- `throttle` counts requests in fixed one-window counters in the cache (Redis in production):
  anonymous callers per address (`NEWSROOM_API_ANON_RATE`, e.g. "60/minute"), each key on its
  own (`ApiKey.rate_limit` a minute). It returns the seconds to wait, or None. When the cache
  cannot count, requests are answered.
"""

import hashlib
import hmac
import ipaddress
import logging
import math
import secrets
import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone

from syndication.models import ApiKey

logger = logging.getLogger(__name__)

KEY_START = "nrk_"  # says what the string is, in a log or a leaked file
PREFIX_LENGTH = len(KEY_START) + 8
LAST_USED_EVERY = timedelta(minutes=1)
DEFAULT_ANON_RATE = "60/minute"
PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}


class Unauthorized(Exception):
    """The request carried a key that opens nothing."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def digest_of(plaintext: str) -> str:
    return hashlib.sha256(plaintext.encode()).hexdigest()


def issue_key(
    name: str, scopes: list[str], created_by, *, rate_limit: int | None = None
) -> tuple[ApiKey, str]:
    """Make a key for partner `name`; return it and its plaintext, which is never stored."""
    plaintext = KEY_START + secrets.token_urlsafe(32)
    key = ApiKey(
        name=name,
        prefix=plaintext[:PREFIX_LENGTH],
        digest=digest_of(plaintext),
        scopes=sorted(set(scopes)),
        created_by=created_by,
    )
    if rate_limit is not None:
        key.rate_limit = rate_limit
    key.full_clean()
    key.save()
    return key, plaintext


def revoke_key(key: ApiKey) -> bool:
    """End `key` for good (its webhooks stop too); return False if it was revoked already."""
    revoked = ApiKey.objects.filter(pk=key.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), active=False
    )
    key.refresh_from_db(fields=["revoked_at", "active"])
    return bool(revoked)


def presented_key(request) -> str | None:
    """Return the key the request carries (`Authorization: Bearer`, else `X-Api-Key`), None
    when it carries none; raise Unauthorized for an Authorization header that is no key."""
    scheme, _, value = request.headers.get("Authorization", "").strip().partition(" ")
    if scheme.lower() == "bearer":
        if not value.strip():
            raise Unauthorized("The Authorization header has no key after `Bearer`.")
        return value.strip()
    fallback = request.headers.get("X-Api-Key", "").strip()
    if fallback:
        return fallback
    if scheme:
        raise Unauthorized("Send the key as `Authorization: Bearer <key>`.")
    return None


def identify(request) -> ApiKey | None:
    """Return the key the request carries, None for an anonymous caller; raise Unauthorized
    for a key that is unknown, revoked or inactive."""
    plaintext = presented_key(request)
    if plaintext is None:
        return None
    key = find_key(plaintext)
    if key is None:
        raise Unauthorized("This API key is not valid.")
    if key.revoked_at is not None:
        raise Unauthorized("This API key was revoked.")
    if not key.active:
        raise Unauthorized("This API key is inactive. Ask the newsroom to turn it on again.")
    note_use(key)
    return key


def find_key(plaintext: str) -> ApiKey | None:
    """Return the key whose digest matches `plaintext` (compared in constant time)."""
    if not plaintext.startswith(KEY_START) or len(plaintext) > 100:
        return None
    digest = digest_of(plaintext)
    candidates = ApiKey.objects.filter(prefix=plaintext[:PREFIX_LENGTH])
    for key in candidates:
        if hmac.compare_digest(key.digest, digest):
            return key
    return None


def note_use(key: ApiKey) -> None:
    """Record when the key was last used, at most once a minute (one guarded UPDATE, so busy
    keys cost no write per request and concurrent workers write once)."""
    now = timezone.now()
    if key.last_used_at is not None and now - key.last_used_at < LAST_USED_EVERY:
        return
    stale = Q(last_used_at__isnull=True) | Q(last_used_at__lt=now - LAST_USED_EVERY)
    ApiKey.objects.filter(stale, pk=key.pk).update(last_used_at=now)
    key.last_used_at = now


def parse_rate(rate) -> tuple[int, int]:
    """Return (requests, seconds) of a rate written "60/minute" (or a number: a minute)."""
    if isinstance(rate, int):
        return rate, 60
    count, _, period = str(rate).partition("/")
    return int(count), PERIODS[period.strip() or "minute"]


def client_address(request) -> str:
    """The caller's address as counted: an IPv6 caller by its /64 (one machine's share)."""
    address = request.META.get("REMOTE_ADDR", "") or "unknown"
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 4:
        return str(parsed)
    if parsed.ipv4_mapped is not None:
        return str(parsed.ipv4_mapped)
    return str(ipaddress.ip_network(f"{parsed}/64", strict=False))


def limit_for(request, key: ApiKey | None) -> tuple[str, int, int]:
    """Return who is counted, and their allowance: (name, requests, seconds)."""
    if key is not None:
        return f"key:{key.pk}", key.rate_limit, 60
    requests, seconds = parse_rate(getattr(settings, "NEWSROOM_API_ANON_RATE", DEFAULT_ANON_RATE))
    return f"ip:{client_address(request)}", requests, seconds


def throttle(request, key: ApiKey | None) -> int | None:
    """Count this request; return the seconds the caller must wait (they went over their
    allowance in this window), or None to answer now."""
    who, allowed, seconds = limit_for(request, key)
    now = time.time()
    window = int(now // seconds)
    counter = f"syndication:rate:{who}:{seconds}:{window}"
    try:
        cache.add(counter, 0, timeout=seconds + 1)
        count = cache.incr(counter)
    except ValueError:  # the counter expired between add and incr: a new window began
        return None
    except Exception:  # the cache is down: never refuse a request over a counter
        logger.warning("Rate limit not counted for %s: the cache is unavailable", who)
        return None
    if count <= allowed:
        return None
    return max(1, math.ceil((window + 1) * seconds - now))
