import pytest
from django.http import HttpRequest
from django.test import Client

from tests import factories


class AxesAwareClient(Client):
    """A test client whose login() hands django-axes the request it needs to count attempts.

    Client.login() calls authenticate() without a request; axes' backend refuses that (as the
    axes docs say, tests pass a blank HttpRequest). Throttling stays on for every test.
    """

    def login(self, **credentials):
        credentials.setdefault("request", HttpRequest())
        return super().login(**credentials)


@pytest.fixture
def client():
    return AxesAwareClient()


@pytest.fixture(autouse=True)
def _isolated_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings):
    """Background tasks run in the test's process once its transaction commits (capture them
    with django_capture_on_commit_callbacks). tests/test_worker.py starts a real worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _api_unthrottled(settings):
    """Tests read the API far faster than a partner would; tests/test_api_partners.py sets a
    small allowance to see the 429."""
    settings.NEWSROOM_API_ANON_RATE = "100000/minute"


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def section(db):
    return factories.make_section(name="Missions", slug="missions")


@pytest.fixture
def author(db):
    return factories.make_person(name="Rosa Marín", slug="rosa-marin", role="Staff reporter")


@pytest.fixture
def published_article(section, author):
    return factories.make_article(
        status="published", section=section, authors=[author], tags=["Apollo", "Moon"]
    )


@pytest.fixture
def superuser(db):
    return factories.make_user("chief", is_staff=True, is_superuser=True)


@pytest.fixture
def reader_client(client):
    """An anonymous reader."""
    return client


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def reporter(db):
    """A reporter with a byline identity (Rosa Marín's account)."""
    user = factories.make_user("reporter", groups=["Reporters"], is_staff=True)
    factories.make_person(name="Reporter Person", slug="reporter-person", user=user)
    return user


@pytest.fixture
def other_reporter(db):
    return factories.make_user("reporter2", groups=["Reporters"], is_staff=True)


@pytest.fixture
def editor(db):
    return factories.make_user("editor", groups=["Editors"], is_staff=True)


@pytest.fixture
def reviewer(db):
    return factories.make_user("reviewer", groups=["Reviewers"], is_staff=True)


@pytest.fixture
def second_reviewer(db):
    return factories.make_user("reviewer2", groups=["Reviewers"], is_staff=True)


@pytest.fixture
def reader(db):
    """A logged-in account with no role (a subscriber, say)."""
    return factories.make_user("reader")


@pytest.fixture
def draft(reporter, section):
    """A draft written by the reporter."""
    return factories.make_article(
        status="draft", section=section, created_by=reporter, last_edited_by=reporter
    )


@pytest.fixture
def in_review(draft, reporter):
    from articles import workflow

    return workflow.submit(draft, reporter)
