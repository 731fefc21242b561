"""Benchmark public pages: time to serve each one cold (cache empty) and warm (from the cache).

    .venv/bin/python bench/bench_pages.py            (from the project root)

Loads the demo newsroom into a throwaway SQLite file and requests pages with Django's test
client (no network, no web server), so it measures the application: views, queries, templates
and the page cache. Numbers are printed, never asserted.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 30


def set_up_django(database: Path) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["MEDIA_ROOT"] = str(database.parent / "media")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115


def pages() -> dict[str, str]:
    from articles.models import Article

    article = Article.objects.published().order_by("-publish_at").first()
    tag = article.tags.first()
    person = article.authors[0]
    return {
        "front page": "/",
        "article": article.get_absolute_url(),
        "section": article.section.get_absolute_url(),
        "tag": f"/tags/{tag.slug}/",
        "person": person.get_absolute_url(),
        "search": "/search/?q=spacewalk",
        "RSS feed": "/feeds/latest/rss/",
        "sitemap": "/sitemap.xml",
        "API list": "/api/v1/articles/",
    }


def measure(client, url: str, *, warm: bool) -> tuple[float, int]:
    """Return the median milliseconds and the query count for one URL."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings, queries = [], 0
    client.get(url)  # renditions, template loading and the like happen once
    for _ in range(RUNS):
        if not warm:
            cache.clear()
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(captured)
    return statistics.median(timings), queries


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        set_up_django(Path(folder) / "bench.sqlite3")
        from django.test import Client

        client = Client()
        print(f"{'page':<12} {'cold ms':>8} {'queries':>8} {'warm ms':>8} {'queries':>8}")
        for name, url in pages().items():
            cold, cold_queries = measure(client, url, warm=False)
            warm, warm_queries = measure(client, url, warm=True)
            print(f"{name:<12} {cold:>8.1f} {cold_queries:>8} {warm:>8.2f} {warm_queries:>8}")


if __name__ == "__main__":
    main()
