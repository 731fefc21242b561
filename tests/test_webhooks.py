"""Signed webhooks: a partner's HTTPS endpoint hears when a public story is published,
updated, corrected or withdrawn; failures are retried, then the endpoint is switched off."""

import json
import re
import socket
import threading
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import time_machine
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles import workflow
from articles.models import Article
from syndication import partners, webhooks
from syndication.models import Event, WebhookDelivery, WebhookEndpoint
from tests import factories

pytestmark = pytest.mark.django_db

ENDPOINTS_URL = "/admin/syndication/webhookendpoint/"
DELIVER = "syndication.tasks.deliver"


@pytest.fixture(autouse=True)
def _loopback_allowed(settings):
    settings.NEWSROOM_WEBHOOKS_ALLOW_LOOPBACK_HTTP = True


@dataclass
class Received:
    headers: dict
    body: bytes


@dataclass
class Receiver:
    """A partner's server on 127.0.0.1: it records every request and answers `status`."""

    url: str = ""
    status: int = 200
    requests: list = field(default_factory=list)

    def bodies(self) -> list[dict]:
        return [json.loads(request.body) for request in self.requests]


@pytest.fixture
def receiver():
    recorded = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            recorded.requests.append(Received(dict(self.headers), body))
            self.send_response(recorded.status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    recorded.url = f"http://127.0.0.1:{server.server_port}/hooks/newsroom"
    yield recorded
    server.shutdown()
    server.server_close()


@pytest.fixture
def partner_key(editor):
    key, _ = partners.issue_key("Wire Partner", [], editor)
    return key


@pytest.fixture
def endpoint(partner_key, receiver, editor):
    """An endpoint hearing every event; its secret as `endpoint.plain_secret`."""
    made, secret = webhooks.register_endpoint(
        partner_key, url=receiver.url, events=Event.values, created_by=editor
    )
    made.plain_secret = secret
    return made


@pytest.fixture
def after_commit(django_capture_on_commit_callbacks):
    """Run a workflow call and what its commit sets off (signals, immediate tasks)."""

    def run(call, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return call(*args, **kwargs)

    return run


@pytest.fixture
def database_tasks(settings):
    """Tasks wait in the database for a worker, as in production (retries can wait)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def waiting_deliveries():
    return list(DBTaskResult.objects.filter(task_path=DELIVER, finished_at__isnull=True))


def run_as_worker(row: DBTaskResult) -> None:
    """Do what `db_worker` does with a task row, whatever its run_after."""
    row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])
    row.delete()


# A delivery and its signature.


def test_publishing_a_story_sends_one_signed_delivery(
    receiver, endpoint, in_review, second_reviewer, after_commit
):
    """Approval reaches the partner once, signed with its secret, with the ninjs item."""
    story = after_commit(workflow.approve, in_review, second_reviewer)

    [request] = receiver.requests
    body = json.loads(request.body)
    assert request.headers["Newsroom-Event"] == "published"
    assert body["delivery"] == request.headers["Newsroom-Delivery"]
    assert uuid.UUID(body["delivery"])
    assert (body["event"], body["story_id"], body["version"]) == (
        "published",
        story.pk,
        story.version,
    )
    assert body["uri"] == body["item"]["uri"] and body["uri"].endswith(story.get_absolute_url())
    assert body["item"]["pubStatus"] == "usable"
    assert body["item"]["headlines"][0]["value"] == story.headline
    assert body["occurred_at"].endswith("Z")
    signature = request.headers["Newsroom-Signature"]
    assert re.fullmatch(r"t=\d+,v1=[0-9a-f]{64}", signature)
    assert webhooks.verify_signature(endpoint.plain_secret, signature, request.body)
    [attempt] = WebhookDelivery.objects.all()
    assert (attempt.attempt, attempt.status_code, attempt.event) == (1, 200, "published")
    assert attempt.duration_ms is not None and str(attempt.delivery_id) == body["delivery"]


def test_a_tampered_body_an_old_signature_or_another_secret_fail_verification(
    receiver, endpoint, in_review, second_reviewer, after_commit
):
    """What a partner's check refuses: a changed byte, a replay after 5 minutes, a wrong key."""
    after_commit(workflow.approve, in_review, second_reviewer)
    [request] = receiver.requests
    signature, secret = request.headers["Newsroom-Signature"], endpoint.plain_secret

    assert not webhooks.verify_signature(secret, signature, request.body.replace(b"}", b" }", 1))
    assert not webhooks.verify_signature("whsec_another", signature, request.body)
    assert not webhooks.verify_signature(secret, "v1=" + signature.split("v1=")[1], request.body)
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        assert not webhooks.verify_signature(secret, signature, request.body)
    with time_machine.travel(timezone.now() + timedelta(minutes=4)):
        assert webhooks.verify_signature(secret, signature, request.body)


# The other events.


def test_updates_corrections_and_withdrawals_are_events_of_their_own(
    receiver, endpoint, in_review, second_reviewer, after_commit
):
    """Each change of a live story goes out once, as what it is, with the version it made."""
    story = after_commit(workflow.approve, in_review, second_reviewer)
    story = Article.objects.get(pk=story.pk)
    after_commit(
        workflow.save_content,
        story,
        second_reviewer,
        lambda article: setattr(article, "headline", "A sharper headline"),
        expected_version=story.version,
    )
    after_commit(
        workflow.publish_correction, story, second_reviewer, "It was Tuesday.", "correction"
    )
    after_commit(workflow.unpublish, story, second_reviewer, "Legal asked us to.")

    events = [(body["event"], body["version"]) for body in receiver.bodies()]
    first = events[0][1]
    assert events == [
        ("published", first),
        ("updated", first + 1),
        ("corrected", first + 2),
        ("withdrawn", first + 3),
    ]
    updated, corrected, withdrawn = receiver.bodies()[1:]
    assert updated["item"]["headlines"][0]["value"] == "A sharper headline"
    assert any(a["rel"] == "correction" for a in corrected["item"]["associations"])
    assert withdrawn["item"]["pubStatus"] == "canceled" and "bodies" not in withdrawn["item"]
    for request in receiver.requests:
        assert webhooks.verify_signature(
            endpoint.plain_secret, request.headers["Newsroom-Signature"], request.body
        )


def test_an_endpoint_hears_only_the_events_it_chose(
    receiver, endpoint, in_review, second_reviewer, after_commit
):
    """An endpoint subscribed to withdrawals only is not told of the publication."""
    endpoint.events = ["withdrawn"]
    endpoint.save()
    story = after_commit(workflow.approve, in_review, second_reviewer)
    assert receiver.requests == []
    after_commit(workflow.unpublish, story, second_reviewer, "Legal asked us to.")
    assert [body["event"] for body in receiver.bodies()] == ["withdrawn"]


def test_the_same_change_announced_twice_is_delivered_once(
    receiver, endpoint, in_review, second_reviewer, after_commit
):
    """A second announcement of an unchanged story (new renditions, say) sends nothing."""
    from articles.signals import announce_public_change

    story = after_commit(workflow.approve, in_review, second_reviewer)
    after_commit(announce_public_change, story)
    assert len(receiver.requests) == 1


# Nothing but public stories.


def test_unpublished_stories_never_produce_a_delivery(
    receiver, endpoint, reporter, draft, second_reviewer, after_commit, section
):
    """Drafts, stories in review, scheduled and embargoed stories stay between us."""
    after_commit(
        workflow.save_content,
        draft,
        reporter,
        lambda article: setattr(article, "standfirst", "Still a draft."),
        expected_version=draft.version,
    )
    in_review = after_commit(workflow.submit, Article.objects.get(pk=draft.pk), reporter)
    after_commit(workflow.request_changes, in_review, second_reviewer, "Source the quote.")
    tomorrow = timezone.now() + timedelta(days=1)
    scheduled = factories.make_article(status="in_review", section=section)
    after_commit(workflow.approve, scheduled, second_reviewer, publish_at=tomorrow)
    embargoed = factories.make_article(status="in_review", section=section, embargo_until=tomorrow)
    after_commit(workflow.approve, embargoed, second_reviewer)

    assert Article.objects.get(pk=embargoed.pk).is_embargoed
    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()


def test_a_scheduled_story_is_announced_when_it_goes_live(
    receiver, endpoint, in_review, second_reviewer, after_commit
):
    """The publication is sent when readers can see the story, not when it was approved."""
    tomorrow = timezone.now() + timedelta(days=1)
    after_commit(workflow.approve, in_review, second_reviewer, publish_at=tomorrow)
    assert receiver.requests == []
    with time_machine.travel(tomorrow + timedelta(minutes=1)):
        after_commit(workflow.publish_due)
    assert [body["event"] for body in receiver.bodies()] == ["published"]


def test_a_revoked_partner_hears_nothing(
    receiver, endpoint, partner_key, in_review, second_reviewer, after_commit
):
    """Revoking the key stops its webhooks too."""
    partners.revoke_key(partner_key)
    after_commit(workflow.approve, in_review, second_reviewer)
    assert receiver.requests == []


# Failures.


def test_a_failing_receiver_is_retried_with_growing_waits(
    database_tasks, receiver, endpoint, in_review, second_reviewer, after_commit
):
    """A 500 is tried again after 30 s, 2 min, 8 min, 30 min and 2 h, each attempt logged;
    then the delivery counts as failed."""
    receiver.status = 500
    after_commit(workflow.approve, in_review, second_reviewer)
    assert receiver.requests == []  # waiting for the worker

    waits = []
    for _ in range(6):
        [row] = waiting_deliveries()
        ran_at = timezone.now()
        run_as_worker(row)
        following = waiting_deliveries()
        if following:
            waits.append(following[0].run_after - ran_at)

    assert not waiting_deliveries()
    expected = [timedelta(seconds=30), timedelta(minutes=2), timedelta(minutes=8),
                timedelta(minutes=30), timedelta(hours=2)]  # fmt: skip
    assert [round(wait.total_seconds()) for wait in waits] == [
        round(wait.total_seconds()) for wait in expected
    ]
    attempts = WebhookDelivery.objects.order_by("attempt")
    assert [(a.attempt, a.status_code) for a in attempts] == [(n, 500) for n in range(1, 7)]
    assert len({a.delivery_id for a in attempts}) == 1  # one delivery, six attempts
    assert len({r.headers["Newsroom-Delivery"] for r in receiver.requests}) == 1
    endpoint.refresh_from_db()
    assert endpoint.failures_in_a_row == 1 and endpoint.active


def test_a_retry_that_succeeds_clears_the_failures(
    database_tasks, receiver, endpoint, in_review, second_reviewer, after_commit
):
    """The receiver is back: the next attempt delivers and nothing more is queued."""
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(failures_in_a_row=4)
    receiver.status = 503
    after_commit(workflow.approve, in_review, second_reviewer)
    run_as_worker(waiting_deliveries()[0])
    receiver.status = 204
    run_as_worker(waiting_deliveries()[0])

    assert not waiting_deliveries()
    assert [a.status_code for a in WebhookDelivery.objects.order_by("attempt")] == [503, 204]
    endpoint.refresh_from_db()
    assert endpoint.failures_in_a_row == 0


def test_an_unreachable_receiver_is_an_error_logged_with_the_attempt(
    database_tasks, receiver, endpoint, in_review, second_reviewer, after_commit
):
    """Nobody listening: the attempt says why, and a retry is queued."""
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(url=f"http://127.0.0.1:{port}/hook")
    after_commit(workflow.approve, in_review, second_reviewer)
    run_as_worker(waiting_deliveries()[0])

    [attempt] = WebhookDelivery.objects.all()
    assert attempt.status_code is None and "Connection" in attempt.error
    assert len(waiting_deliveries()) == 1


def test_an_endpoint_failing_deliveries_in_a_row_is_disabled(
    monkeypatch, receiver, endpoint, second_reviewer, section, after_commit, client, editor
):
    """After DISABLE_AFTER failed deliveries the endpoint is off, the reason in the admin;
    ticking Active again turns it back on."""
    monkeypatch.setattr(webhooks, "DISABLE_AFTER", 3)
    receiver.status = 500
    for _ in range(4):
        story = factories.make_article(status="in_review", section=section)
        after_commit(workflow.approve, story, second_reviewer)

    assert len(receiver.requests) == 3  # the fourth story found the endpoint off
    endpoint.refresh_from_db()
    assert not endpoint.active and endpoint.disabled_at is not None
    assert "3 deliveries in a row failed" in endpoint.disabled_reason
    assert "answered 500" in endpoint.disabled_reason
    client.force_login(editor)
    page = client.get(f"{ENDPOINTS_URL}{endpoint.pk}/change/").content.decode()
    assert "3 deliveries in a row failed" in page

    client.post(
        f"{ENDPOINTS_URL}{endpoint.pk}/change/",
        {"url": endpoint.url, "events": Event.values, "active": "on"},
    )
    endpoint.refresh_from_db()
    assert endpoint.active and endpoint.failures_in_a_row == 0 and not endpoint.disabled_reason


def test_an_address_that_turned_private_is_not_called(
    settings, database_tasks, receiver, endpoint, in_review, second_reviewer, after_commit
):
    """The address is checked again before each attempt (a host may resolve elsewhere now)."""
    after_commit(workflow.approve, in_review, second_reviewer)
    settings.NEWSROOM_WEBHOOKS_ALLOW_LOOPBACK_HTTP = False
    run_as_worker(waiting_deliveries()[0])

    assert receiver.requests == []
    [attempt] = WebhookDelivery.objects.all()
    assert attempt.status_code is None and attempt.error.startswith("Refused:")


# The admin.


def test_an_editor_registers_an_endpoint_and_sees_its_secret_once(
    client, editor, partner_key, receiver
):
    """The signing secret is shown once, in a message, and never again."""
    client.force_login(editor)
    response = client.post(
        f"{ENDPOINTS_URL}add/",
        {"partner": partner_key.pk, "url": receiver.url, "events": ["published"], "active": "on"},
        follow=True,
    )

    [secret] = re.findall(r"whsec_[A-Za-z0-9_-]{43}", response.content.decode())
    endpoint = WebhookEndpoint.objects.get()
    assert (endpoint.secret, endpoint.events, endpoint.created_by) == (
        secret,
        ["published"],
        editor,
    )
    assert secret not in client.get(f"{ENDPOINTS_URL}{endpoint.pk}/change/").content.decode()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("https://10.1.2.3/hook", "private network"),
        ("https://169.254.169.254/latest/meta-data/", "private network"),
        ("https://[::1]/hook", "private network"),
        ("https://intranet.partner.example/hook", "private network"),
        ("http://partner.example/hook", "Use an https:// address."),
        ("http://127.0.0.1:8000/hook", "Use an https:// address."),
        ("https://user:pw@partner.example/hook", "user name and password"),
    ],
)
def test_private_and_plain_http_addresses_are_refused_in_the_form(
    settings, monkeypatch, client, editor, partner_key, url, message
):
    """No webhook to the newsroom's own network (SSRF), nor over plain http."""
    settings.NEWSROOM_WEBHOOKS_ALLOW_LOOPBACK_HTTP = False
    real = socket.getaddrinfo

    def resolve(host, *args, **kwargs):
        if host == "intranet.partner.example":  # a public name pointing inside
            return real("192.168.10.4", *args, **kwargs)
        if host == "partner.example":
            return real("93.184.215.14", *args, **kwargs)
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    client.force_login(editor)
    response = client.post(
        f"{ENDPOINTS_URL}add/",
        {"partner": partner_key.pk, "url": url, "events": ["published"], "active": "on"},
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not WebhookEndpoint.objects.exists()


def test_a_public_address_is_accepted(settings, monkeypatch, partner_key, editor):
    """An https address on the public internet is fine."""
    settings.NEWSROOM_WEBHOOKS_ALLOW_LOOPBACK_HTTP = False
    real = socket.getaddrinfo
    monkeypatch.setattr(
        socket, "getaddrinfo", lambda host, *args, **kwargs: real("93.184.215.14", *args, **kwargs)
    )
    made, secret = webhooks.register_endpoint(
        partner_key, url="https://hooks.partner.example/newsroom", events=["published"],
        created_by=editor,
    )  # fmt: skip
    assert made.pk and secret.startswith("whsec_")


def test_editors_read_the_delivery_log_but_cannot_change_it(
    client, editor, receiver, endpoint, in_review, second_reviewer, after_commit
):
    """Every attempt is in the admin, read-only."""
    after_commit(workflow.approve, in_review, second_reviewer)
    attempt = WebhookDelivery.objects.get()
    client.force_login(editor)
    deliveries = "/admin/syndication/webhookdelivery/"

    assert "published" in client.get(deliveries).content.decode()
    assert client.get(f"{deliveries}{attempt.pk}/change/").status_code == 200
    assert client.get(f"{deliveries}add/").status_code == 403
    assert client.post(f"{deliveries}{attempt.pk}/delete/", {"post": "yes"}).status_code == 403
    assert WebhookDelivery.objects.exists()
