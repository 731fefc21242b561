"""How the reader's pages and the background work scale with the archive, in process.

    createdb -h 127.0.0.1 -U postgres newsroom_100k
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_100k
    .venv/bin/python manage.py migrate
    .venv/bin/python manage.py generate_corpus --articles 100000 --people 5000 --tags 2000 \\
        --seed 1 --no-build-pages
    .venv/bin/python bench/bench_scale.py

Measures, with the page cache cleared before each request (medians, milliseconds):
ranking a story's related stories (the background refresh), building a story's page, the
front page cold, an article page cold (its page built), search for a word in nearly every
story and for a rare one, and the admin's story list for an editor (time and queries).
Numbers are printed, never asserted.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def median_ms(function, runs: int = 20) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1)


def main() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("NEWSROOM_TASKS", "immediate")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import Group, User
    from django.core.cache import cache
    from django.db import connection, reset_queries
    from django.test import Client

    from articles.models import Article
    from reader import pages, related, selectors

    stories = list(Article.objects.published().order_by("-id")[:400:20])
    print(f"{Article.objects.count():,} stories, {connection.vendor}\n")
    print("| measure | median ms |\n|---|---:|")
    cycle = iter(stories * 10)
    print(
        f"| related ranking (background refresh) | {median_ms(lambda: related.ranked_ids(next(cycle)))} |"
    )
    cycle = iter(stories * 10)
    print(f"| building a story's page | {median_ms(lambda: pages.build(next(cycle).pk))} |")
    lead, blocks = selectors.front_page()
    pages.build_many([lead, *(pk for block in blocks for pk in block.ids)])
    client = Client()

    def cold(url, **params):
        cache.clear()
        assert client.get(url, params).status_code == 200

    print(f"| front page, cold | {median_ms(lambda: cold('/'))} |")
    story = stories[0]
    print(
        f"| article page, cold (page built) | {median_ms(lambda: cold(story.get_absolute_url()))} |"
    )
    for word, what in (("within", "a word in nearly every story"), ("zazara", "a rare word")):
        print(
            f"| search, {what} ({word!r}) | {median_ms(lambda word=word: cold('/search/', q=word), 10)} |"
        )
    editor, _ = User.objects.get_or_create(username="bench-editor", defaults={"is_staff": True})
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    changelist = "/admin/articles/article/"
    print(f"| admin story list (an editor) | {median_ms(lambda: client.get(changelist), 5)} |")
    settings.DEBUG = True
    reset_queries()
    client.get(changelist)
    print(f"\nAdmin story list: {len(connection.queries)} queries.")


if __name__ == "__main__":
    main()
