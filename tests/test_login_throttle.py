"""Repeated wrong passwords lock an account out of the admin from that address, until reset."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from tests import factories

pytestmark = pytest.mark.django_db

LOGIN_URL = "/admin/login/"
PASSWORD = "correct-horse-battery"  # tests.factories.make_user's
ATTACKER = "203.0.113.7"  # documentation addresses (RFC 5737): strings only, no traffic
ELSEWHERE = "198.51.100.20"


def log_in(client, username, password, address=ATTACKER):
    """Submit the admin's login form as a browser at `address` would."""
    return client.post(
        LOGIN_URL,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def fail_until_locked(client, username, settings, address=ATTACKER):
    """Type wrong passwords up to the limit; the last one already gets the lockout page."""
    statuses = [
        log_in(client, username, "wrong-password", address).status_code
        for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert statuses == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]


def is_logged_in(client):
    return client.get("/admin/").status_code == 200


def test_limits_come_from_the_defaults(settings):
    """Five wrong passwords, then fifteen minutes' wait, counted per account and address."""
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 15 * 60
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AXES_RESET_ON_SUCCESS is True
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"


def test_a_wrong_password_shows_the_usual_form_error(client, editor):
    response = log_in(client, "editor", "wrong-password")
    assert response.status_code == 200
    assert "Please enter the correct username and password" in response.content.decode()


def test_the_right_password_is_refused_once_locked_out(client, editor, settings):
    """After the limit, even the right password gets the lockout page (429), not the admin."""
    fail_until_locked(client, "editor", settings)
    response = log_in(client, "editor", PASSWORD)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Too many failed log-in attempts" in page
    assert "Try again in 15 minutes" in page
    assert "ask an administrator" in page
    assert 'id="site-name"' in page  # inside the admin's own page
    assert not is_logged_in(client)


def test_forty_wrong_passwords_never_let_the_right_one_in(client, editor, settings):
    """The attack the throttle was added against: guessing on, then the right password."""
    limit = settings.AXES_FAILURE_LIMIT
    statuses = [log_in(client, "editor", f"guess-{n}").status_code for n in range(40)]
    assert statuses == [200] * (limit - 1) + [429] * (40 - limit + 1)
    assert log_in(client, "editor", PASSWORD).status_code == 429
    assert not is_logged_in(client)


def test_the_lockout_holds_only_for_that_account_from_that_address(client, editor, settings):
    """A colleague behind the same address, and the owner elsewhere, still log in."""
    factories.make_user("colleague", groups=["Reporters"], is_staff=True)
    fail_until_locked(client, "editor", settings)

    assert log_in(client, "colleague", PASSWORD).status_code == 302
    assert is_logged_in(client)
    client.logout()

    assert log_in(client, "editor", PASSWORD, address=ELSEWHERE).status_code == 302
    assert is_logged_in(client)


def test_the_lockout_ends_after_the_cooloff(client, editor, settings):
    fail_until_locked(client, "editor", settings)
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        assert log_in(client, "editor", PASSWORD).status_code == 302
        assert is_logged_in(client)


def test_a_successful_login_resets_the_count(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "editor", "wrong-password")
    assert log_in(client, "editor", PASSWORD).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "editor", "wrong-password").status_code == 200


def test_the_reset_command_unlocks_the_account(client, editor, settings):
    fail_until_locked(client, "editor", settings)
    output = StringIO()
    call_command("axes_reset_username", "editor", stdout=output)
    assert "attempts removed" in output.getvalue()
    assert log_in(client, "editor", PASSWORD).status_code == 302
    assert is_logged_in(client)


def test_a_superuser_unlocks_the_account_in_the_admin(client, editor, superuser, settings):
    """Deleting the account's access attempt in the admin lifts the lockout."""
    fail_until_locked(client, "editor", settings)
    attempt = AccessAttempt.objects.get(username="editor")

    admin = Client()
    admin.force_login(superuser)
    listing = admin.get("/admin/axes/accessattempt/?locked_out=yes")
    assert listing.status_code == 200
    assert "editor" in listing.content.decode()
    response = admin.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="editor").exists()

    assert log_in(client, "editor", PASSWORD).status_code == 302
    assert is_logged_in(client)


@pytest.mark.parametrize("role", ["reporter", "editor", "reviewer"])
def test_only_superusers_see_or_lift_lockouts(client, role, request):
    """Access attempts name accounts and addresses: no newsroom role may read or delete them."""
    client.force_login(request.getfixturevalue(role))
    assert client.get("/admin/axes/accessattempt/").status_code == 403
