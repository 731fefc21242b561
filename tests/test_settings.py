"""Settings come from the environment, and production refuses unsafe defaults."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_KEY = "k" * 20 + "-production-secret-key-for-tests-only-0123456789"
PRODUCTION_REDIS = "redis://127.0.0.1:6379/0"  # `check` never connects to it


def run_manage(*args, **env):
    base = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "REDIS_URL"}
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
    result = run_manage(
        "check",
        NEWSROOM_ENV="production", ALLOWED_HOSTS="news.example.org", REDIS_URL=PRODUCTION_REDIS,
    )  # fmt: skip
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage(
        "check", NEWSROOM_ENV="production", SECRET_KEY=PRODUCTION_KEY, REDIS_URL=PRODUCTION_REDIS
    )
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_refuses_to_start_without_a_shared_cache():
    """Without REDIS_URL each worker would keep its own cache and serve withdrawn stories."""
    result = run_manage(
        "check",
        NEWSROOM_ENV="production", SECRET_KEY=PRODUCTION_KEY, ALLOWED_HOSTS="news.example.org",
    )  # fmt: skip
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "NEWSROOM_ENV=production needs REDIS_URL" in result.stderr


def test_production_passes_the_deploy_checklist():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING",
        NEWSROOM_ENV="production", SECRET_KEY=PRODUCTION_KEY, ALLOWED_HOSTS="news.example.org",
        REDIS_URL=PRODUCTION_REDIS,
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
        "newsroom.resilience.FailOpenRedisCache",
        "https://news.example.org",
        "The", "Daily", "Orbit",
        "/srv/media",
    ]  # fmt: skip


def test_login_throttle_limits_come_from_the_environment():
    code = "from django.conf import settings as s; print(s.AXES_FAILURE_LIMIT, s.AXES_COOLOFF_TIME)"
    result = run_manage(
        "shell", "--verbosity", "0", "-c", code,
        NEWSROOM_LOGIN_FAILURE_LIMIT="3", NEWSROOM_LOGIN_COOLOFF_MINUTES="45",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["3", "0:45:00"]

    # 0 minutes: no cool-off, the account stays locked until a superuser unlocks it.
    result = run_manage("shell", "--verbosity", "0", "-c", code, NEWSROOM_LOGIN_COOLOFF_MINUTES="0")
    assert result.stdout.split() == ["5", "None"]


@pytest.mark.parametrize(
    "value, expected", [("1", True), ("true", True), ("off", False), ("", True)]
)
def test_yes_no_settings(value, expected, monkeypatch):
    from newsroom.settings import env_bool

    monkeypatch.setenv("NEWSROOM_SAMPLE", value)
    assert env_bool("NEWSROOM_SAMPLE", True) is expected
