"""Settings come from the environment, and production refuses unsafe defaults."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_KEY = "k" * 20 + "-production-secret-key-for-tests-only-0123456789"


def run_manage(*args, **env):
    base = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG"}
    }
    base.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=base,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", NEWSROOM_ENV="production", ALLOWED_HOSTS="news.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", NEWSROOM_ENV="production", SECRET_KEY=PRODUCTION_KEY)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_passes_the_deploy_checklist():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING",
        NEWSROOM_ENV="production", SECRET_KEY=PRODUCTION_KEY, ALLOWED_HOSTS="news.example.org",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def test_database_redis_and_site_settings_come_from_the_environment():
    code = (
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'],"
        " s.NEWSROOM_SITE_URL, s.NEWSROOM_PUBLICATION_NAME, s.MEDIA_ROOT)"
    )
    result = run_manage(
        "shell", "--verbosity", "0", "-c", code,
        DATABASE_URL="postgres://someone@db.example:5432/news",
        REDIS_URL="redis://cache.example:6379/0",
        NEWSROOM_SITE_URL="https://news.example.org/",
        NEWSROOM_PUBLICATION_NAME="The Daily Orbit",
        MEDIA_ROOT="/srv/media",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "django.core.cache.backends.redis.RedisCache",
        "https://news.example.org",
        "The", "Daily", "Orbit",
        "/srv/media",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "value, expected", [("1", True), ("true", True), ("off", False), ("", True)]
)
def test_yes_no_settings(value, expected, monkeypatch):
    from newsroom.settings import env_bool

    monkeypatch.setenv("NEWSROOM_SAMPLE", value)
    assert env_bool("NEWSROOM_SAMPLE", True) is expected
