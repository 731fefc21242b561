import pytest

from tests import factories


@pytest.fixture(autouse=True)
def _isolated_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


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
