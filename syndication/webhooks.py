"""Signed webhooks: partners hear when a public story is published, updated, corrected or
withdrawn.

When a change readers can see commits (`articles.signals.public_article_changed`),
`syndication.tasks.story_changed` asks `plan_deliveries` what to send: one delivery per
active endpoint subscribed to the event, each a JSON body with the story's ninjs item. The
background worker sends each (`syndication.tasks.deliver` → `attempt_delivery`), signed with
the endpoint's secret:

    Newsroom-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>">
    Newsroom-Event: published
    Newsroom-Delivery: <uuid, also in the body; the same on every attempt of one delivery>

A network error, a timeout (`TIMEOUT` seconds) or an answer other than 2xx is retried after
each of `RETRY_DELAYS`; every attempt is a `WebhookDelivery` row. An endpoint whose
deliveries fail `DISABLE_AFTER` times in a row (each after all its retries) is disabled, with
the reason. Only stories in `Article.objects.published()` are sent (a withdrawal says only
which story went); a retry of a story that is no longer public is dropped.

Addresses must be https:// on the public internet: a host resolving to a private, loopback or
link-local address is refused when the endpoint is saved and again before every attempt, and
the connection goes to the address that was checked (no DNS rebinding in between).
`NEWSROOM_WEBHOOKS_ALLOW_LOOPBACK_HTTP` lets http://127.0.0.1 and http://localhost through,
for development and tests.
"""

import hashlib
import hmac
import http.client
import ipaddress
import json
import logging
import secrets
import socket
import ssl
import time
import uuid
from datetime import UTC, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone

from articles.models import Article
from syndication import ninjs, selectors
from syndication.models import ApiKey, Event, WebhookDelivery, WebhookEndpoint

logger = logging.getLogger(__name__)

RETRY_DELAYS = (
    timedelta(seconds=30),
    timedelta(minutes=2),
    timedelta(minutes=8),
    timedelta(minutes=30),
    timedelta(hours=2),
)
TIMEOUT = 5  # seconds to connect, and again to read the answer
DISABLE_AFTER = 10  # failed deliveries in a row
SECRET_START = "whsec_"
USER_AGENT = "Newsroom-Webhooks/1"
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}

# The workflow's actions (ArticleEvent.action) that make a story public.
GOING_LIVE = {
    "articles.approve",
    "articles.go_live",
    "articles.embargo_ended",
    "articles.embargo_lift",
}


# Endpoints ----------------------------------------------------------------------------------


def register_endpoint(
    partner: ApiKey, *, url: str, events: list[str], created_by, active: bool = True
) -> tuple[WebhookEndpoint, str]:
    """Add an endpoint for `partner`; return it and its signing secret (shown once)."""
    check_url(url)
    secret = new_secret()
    endpoint = WebhookEndpoint(
        partner=partner,
        url=url,
        events=sorted(set(events)),
        active=active,
        secret=secret,
        created_by=created_by,
    )
    endpoint.full_clean()
    endpoint.save()
    return endpoint, secret


def change_endpoint(
    endpoint: WebhookEndpoint, *, url: str, events: list[str], active: bool
) -> WebhookEndpoint:
    """Change an endpoint's address, events or state; turning it on again clears the failures
    that disabled it."""
    check_url(url)
    was_active = WebhookEndpoint.objects.filter(pk=endpoint.pk, active=True).exists()
    endpoint.url, endpoint.events = url, sorted(set(events))
    if active and not was_active:
        endpoint.failures_in_a_row, endpoint.disabled_at, endpoint.disabled_reason = 0, None, ""
    endpoint.active = active
    endpoint.full_clean()
    endpoint.save()
    return endpoint


def rotate_secret(endpoint: WebhookEndpoint) -> str:
    """Give the endpoint a new signing secret; return it (shown once)."""
    endpoint.secret = new_secret()
    endpoint.save(update_fields=["secret"])
    return endpoint.secret


def new_secret() -> str:
    return SECRET_START + secrets.token_urlsafe(32)


# Addresses ----------------------------------------------------------------------------------


def loopback_allowed() -> bool:
    return getattr(settings, "NEWSROOM_WEBHOOKS_ALLOW_LOOPBACK_HTTP", False)


def check_url(url: str) -> None:
    """Refuse an address webhooks may not go to: not https, or on a private network."""
    public_address(url)


def public_address(url: str) -> str:
    """Return the IP address to send to for `url`, after checking it may receive webhooks;
    raise ValidationError saying why not."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    loopback = loopback_allowed() and host in LOOPBACK_HOSTS
    if parts.scheme != "https" and not (loopback and parts.scheme == "http"):
        raise ValidationError("Use an https:// address.", code="not_https")
    if not host:
        raise ValidationError("The address has no host name.", code="no_host")
    if parts.username or parts.password:
        raise ValidationError(
            "Leave the user name and password out of the address.", code="credentials"
        )
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError, ValueError) as error:
        raise ValidationError(
            "%(host)s cannot be found (%(error)s).",
            code="unknown_host",
            params={"host": host, "error": error},
        ) from error
    addresses = [ipaddress.ip_address(entry[4][0].split("%")[0]) for entry in found]
    refused = [address for address in addresses if not loopback and not is_public(address)]
    if refused or not addresses:
        raise ValidationError(
            "%(host)s is on a private network (%(address)s): webhooks go only to addresses "
            "on the public internet.",
            code="private_address",
            params={"host": host, "address": refused[0] if refused else "no address"},
        )
    return str(addresses[0])


def is_public(address) -> bool:
    """Say whether an IP address is on the public internet (an IPv4-mapped one by its IPv4)."""
    if getattr(address, "ipv4_mapped", None) is not None:
        address = address.ipv4_mapped
    return address.is_global and not (
        address.is_multicast or address.is_reserved or address.is_unspecified
    )


# Signatures ---------------------------------------------------------------------------------


def signature_header(secret: str, body: bytes, *, timestamp: int) -> str:
    """Return the `Newsroom-Signature` of `body` sent at `timestamp` (unix seconds)."""
    signed = f"{timestamp}.".encode() + body
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def verify_signature(secret: str, header: str, body: bytes, *, tolerance: int = 300) -> bool:
    """Say whether `header` (Newsroom-Signature) signs `body` (the raw bytes received) with
    `secret`, sent less than `tolerance` seconds ago. Python's standard library only: partners
    may copy this function as it is."""
    timestamp, signatures = None, []
    for part in header.split(","):
        name, _, value = part.strip().partition("=")
        if name == "t" and value.isdigit():
            timestamp = int(value)
        elif name == "v1":
            signatures.append(value)
    if timestamp is None or not signatures or abs(time.time() - timestamp) > tolerance:
        return False
    signed = f"{timestamp}.".encode() + body
    expected = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return any(hmac.compare_digest(expected, signature) for signature in signatures)


# What to send -------------------------------------------------------------------------------


def event_of(article_id: int, action: str) -> str | None:
    """Return what partners must hear of the story's change (`action`: the workflow's, "" for a
    plain save), or None when the story is not public and was not withdrawn just now."""
    public = Article.objects.published().filter(pk=article_id).exists()
    if not public:
        return Event.WITHDRAWN if action == "articles.unpublish" else None
    if action in GOING_LIVE:
        return Event.PUBLISHED
    if action == "articles.publish_correction":
        return Event.CORRECTED
    return Event.UPDATED


def story_item(article_id: int, event: str) -> dict | None:
    """Return the story's ninjs item as the API gives it (a canceled item for a withdrawal),
    or None when the story is no longer in that state."""
    if event == Event.WITHDRAWN:
        withdrawn = selectors.withdrawn_story(article_id)
        return ninjs.canceled_item(withdrawn) if withdrawn is not None else None
    visible = selectors.with_item_data(Article.objects.published())
    story = selectors.story(visible, article_id)
    if story is None:
        return None
    related_ids = selectors.related_ids(story)
    related = selectors.related_stories(visible, related_ids)
    return ninjs.item(story, related=related, related_ids=related_ids)


def subscribed_endpoints(event: str) -> list[WebhookEndpoint]:
    """Return the active endpoints of usable keys that want `event` (a handful of rows)."""
    endpoints = WebhookEndpoint.objects.filter(
        active=True, partner__active=True, partner__revoked_at__isnull=True
    )
    return [endpoint for endpoint in endpoints if event in endpoint.events]


def plan_deliveries(article_id: int, *, action: str = "", item_of=story_item) -> list:
    """Return the deliveries to enqueue for a change of story `article_id` (the keyword
    arguments of `syndication.tasks.deliver`, one per subscribed endpoint that has not had
    this version of the story yet). `item_of(article_id, event)` makes the ninjs item."""
    event = event_of(article_id, action)
    if event is None:
        return []
    version = Article.objects.filter(pk=article_id).values_list("version", flat=True).first()
    # One event per version: announcing an unchanged story again (its renditions were made,
    # say) sends nothing. Every change partners hear of makes a new version, but going live
    # at the scheduled time, whose version was never sent.
    sent = WebhookDelivery.objects.filter(article=article_id, version=version)
    endpoints = [
        endpoint
        for endpoint in subscribed_endpoints(event)
        if not sent.filter(endpoint=endpoint).exists()
    ]
    item = item_of(article_id, event) if endpoints else None
    if item is None:
        return []
    occurred = timezone.now().astimezone(UTC).isoformat().replace("+00:00", "Z")
    planned = []
    for endpoint in endpoints:
        delivery_id = str(uuid.uuid4())
        body = {
            "delivery": delivery_id,
            "event": event,
            "occurred_at": occurred,
            "story_id": article_id,
            "uri": item["uri"],
            "version": version,
            "item": item,
        }
        planned.append(
            {
                "endpoint_id": endpoint.pk,
                "delivery_id": delivery_id,
                "event": event,
                "article_id": article_id,
                "version": version,
                "body": json.dumps(body, ensure_ascii=False, separators=(",", ":")),
            }
        )
    return planned


# Sending ------------------------------------------------------------------------------------


def attempt_delivery(
    *,
    endpoint_id: int,
    delivery_id: str,
    event: str,
    article_id: int,
    version: int,
    body: str,
    attempt: int,
    can_retry: bool = True,
) -> timedelta | None:
    """Send one attempt of a delivery and log it; return how long to wait before the next
    attempt, or None when there is none (delivered, given up, or no longer to be sent)."""
    endpoint = WebhookEndpoint.objects.select_related("partner").filter(pk=endpoint_id).first()
    if endpoint is None or not endpoint.active or not endpoint.partner.is_usable:
        logger.info("Delivery %s dropped: its endpoint is gone or off", delivery_id)
        return None
    if event != Event.WITHDRAWN and not Article.objects.published().filter(pk=article_id).exists():
        logger.info("Delivery %s dropped: story %s is no longer public", delivery_id, article_id)
        return None
    payload = body.encode()
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "Newsroom-Event": event,
        "Newsroom-Delivery": delivery_id,
        "Newsroom-Signature": signature_header(
            endpoint.secret, payload, timestamp=int(time.time())
        ),
    }
    status, error, duration = send(endpoint.url, payload, headers)
    WebhookDelivery.objects.create(
        endpoint=endpoint, delivery_id=delivery_id, event=event, article_id=article_id,
        version=version, attempt=attempt, status_code=status, error=error[:1000],
        duration_ms=duration,
    )  # fmt: skip
    if status is not None and 200 <= status < 300:
        WebhookEndpoint.objects.filter(pk=endpoint.pk, failures_in_a_row__gt=0).update(
            failures_in_a_row=0
        )
        return None
    if can_retry and attempt <= len(RETRY_DELAYS):
        logger.warning("Delivery %s attempt %s failed: %s", delivery_id, attempt, error or status)
        return RETRY_DELAYS[attempt - 1]
    give_up(endpoint, delivery_id, error or f"answered {status}")
    return None


def give_up(endpoint: WebhookEndpoint, delivery_id: str, last_error: str) -> None:
    """Count a delivery that failed for good; disable the endpoint after DISABLE_AFTER."""
    logger.error("Delivery %s to %s failed for good: %s", delivery_id, endpoint.url, last_error)
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(
        failures_in_a_row=F("failures_in_a_row") + 1
    )
    reason = (
        f"Disabled on {timezone.now():%Y-%m-%d %H:%M} UTC after {DISABLE_AFTER} deliveries in "
        f"a row failed, each after its retries; the last: {last_error}. Fix the receiving end, "
        "then tick Active to send again."
    )
    disabled = WebhookEndpoint.objects.filter(
        pk=endpoint.pk, active=True, failures_in_a_row__gte=DISABLE_AFTER
    ).update(active=False, disabled_at=timezone.now(), disabled_reason=reason[:2000])
    if disabled:
        logger.error("Webhook endpoint %s disabled: %s", endpoint.url, reason)


def send(url: str, body: bytes, headers: dict) -> tuple[int | None, str, int | None]:
    """POST `body` to `url` at the address just checked; return (status, error, ms)."""
    try:
        address = public_address(url)
    except ValidationError as refusal:
        return None, f"Refused: {' '.join(refusal.messages)}", None
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    if parts.scheme == "https":
        connection = http.client.HTTPSConnection(
            parts.hostname, parts.port, timeout=TIMEOUT, context=ssl.create_default_context()
        )
    else:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=TIMEOUT)

    # Connect to the checked address, while TLS still verifies the certificate of the name.
    def to_checked_address(host_and_port, *args, **kwargs):
        return socket.create_connection((address, host_and_port[1]), *args, **kwargs)

    connection._create_connection = to_checked_address
    started = time.monotonic()
    try:
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        response.read(4096)  # a receiver's answer is not ours to keep
        status, error = response.status, ""
    except (OSError, http.client.HTTPException) as failure:
        status, error = None, f"{type(failure).__name__}: {failure}".rstrip(": ")
    finally:
        connection.close()
    return status, error, round((time.monotonic() - started) * 1000)
