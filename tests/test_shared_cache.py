"""With Redis, every worker shares the page cache and its index of surrogate keys: a purge in
one process drops the pages another process stored (the worker's purge after a rebuild, a
second gunicorn worker's publish)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not isinstance(caches["default"], RedisCache), reason="the cache is in-process"
    ),
]


def test_a_purge_in_another_process_drops_the_page(client, published_article):
    client.get("/")
    stored = [key for key in cache._cache.get_client().keys("*newsroom:page:*")]
    assert stored, "the front page was not cached"
    purge = "from reader import cache; cache.purge(['front'])"
    finished = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", purge],
        cwd=ROOT,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert finished.returncode == 0, finished.stderr
    assert not cache._cache.get_client().keys("*newsroom:page:*")
