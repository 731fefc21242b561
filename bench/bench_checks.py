"""Benchmark the editorial checks: precision and recall over the wire corpus, and speed.

    .venv/bin/python bench/bench_checks.py      (from the project root)

Runs on a throwaway in-memory SQLite database (migrated quietly), so it touches no other data.
Numbers are printed, never asserted: the tests assert behaviour, this measures it.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 50


def set_up_django() -> None:
    """Configure Django on an in-memory database and create the tables."""
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = "sqlite://:memory:"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)


def evaluate_corpus(*, verbose: bool = False) -> dict:
    """Import every corpus story and score the findings against the planted defects.

    A finding is a true positive when it matches a planted defect (same code, passage
    containing the planted text); any other warning or blocker is a false positive. Notes
    that match nothing planted are not counted either way.
    """
    from django.db import transaction

    from tests import test_wire_corpus as corpus

    true_positives = false_positives = planted = found = 0
    for case in corpus.CASES:
        with transaction.atomic():
            corpus.create_known_entities()
            corpus.create_setup_articles(case)
            findings = corpus.import_case(case).findings
            transaction.set_rollback(True)
        planted += len(case.planted)
        found += sum(any(corpus.matches(f, p) for f in findings) for p in case.planted)
        for finding in findings:
            if any(corpus.matches(finding, p) for p in case.planted):
                true_positives += 1
            elif finding.severity != "note":
                false_positives += 1
                if verbose:
                    print(f"  false positive in {case.name}: {finding}")
    return {
        "stories": len(corpus.CASES),
        "planted": planted,
        "recall": found / planted if planted else 1.0,
        "precision": true_positives / (true_positives + false_positives or 1),
        "false_positives": false_positives,
    }


def evaluate_demo_stories(*, verbose: bool = False) -> dict:
    """Count warnings and blockers on the demo newsroom's stories (written by another hand).

    Those stories are meant to be publishable, so every warning or blocker there is a
    candidate false positive, a rough check that the corpus above is not flattering us.
    """
    from types import SimpleNamespace

    from articles.checks import CheckInput, run_checks
    from copytext import KnownEntities
    from demo import content

    def entity(row):
        return SimpleNamespace(name=row["name"], aliases=row.get("aliases", []))

    known = KnownEntities(
        people=[entity(row) for row in content.directory()["people"]],
        organizations=[entity(row) for row in content.directory()["organizations"]],
    )
    flagged = 0
    for story in content.stories():
        data = CheckInput(
            headline=story["headline"], standfirst=story.get("standfirst", ""),
            body=story["body"], dateline=story.get("dateline", ""), has_byline=True,
            tags=tuple(story.get("tags", ())), known=known,
        )  # fmt: skip
        for finding in run_checks(data):
            if finding.severity != "note":
                flagged += 1
                if verbose:
                    print(f"  demo story {story['slug']}: {finding.code}: {finding.passage[:70]}")
    return {"stories": len(content.stories()), "flagged": flagged}


def long_story(words: int = 2000) -> str:
    """Return a story of `words` words built from the corpus paragraphs, in order."""
    from copytext import parse_wire
    from tests import test_wire_corpus as corpus

    paragraphs, count = [], 0
    for case in corpus.CASES * 10:
        for paragraph in parse_wire(case.copy).paragraphs:
            if count >= words:
                return "\n\n".join(paragraphs)
            kept = paragraph.split()[: words - count]
            paragraphs.append(" ".join(kept))
            count += len(kept)
    return "\n\n".join(paragraphs)


def time_checks(*, runs: int = RUNS) -> dict:
    """Return the median and worst time of run_checks on a ~2,000-word CheckInput."""
    from articles.checks import CheckInput, run_checks
    from people.directory import known_entities

    body = long_story()
    data = CheckInput(
        headline="A long story", standfirst="A summary.", body=body, has_byline=True,
        tags=("Bench",), known=known_entities(),
    )  # fmt: skip
    from copytext import nlp

    run_checks(data)  # loads the model: "warm" means loaded, not the story already parsed
    timings = []
    for _ in range(runs):
        nlp.forget_parses()
        start = time.perf_counter()
        run_checks(data)
        timings.append(time.perf_counter() - start)
    return {
        "words": len(body.split()),
        "median_ms": statistics.median(timings) * 1000,
        "max_ms": max(timings) * 1000,
        "runs": runs,
    }


def time_parse_megabyte() -> float:
    """Return seconds to parse the longest story allowed (200,000 characters) and extract its
    quotes; longer copy is refused before any of this."""
    from copytext import extract_quotes, parse_wire
    from copytext.parsing import MAX_STORY_CHARACTERS
    from people.directory import known_entities

    copy = "Headline\n\n" + (long_story() + "\n\n") * 80
    copy = copy[: MAX_STORY_CHARACTERS - 100].rsplit("\n\n", 1)[0]
    start = time.perf_counter()
    parsed = parse_wire(copy)
    extract_quotes(parsed.paragraphs, known=known_entities())
    return time.perf_counter() - start


def main() -> None:
    set_up_django()
    from django.db import transaction

    from tests import test_wire_corpus as corpus

    scores = evaluate_corpus(verbose=True)
    print(
        f"corpus: {scores['stories']} stories, {scores['planted']} planted defects, "
        f"recall {scores['recall']:.2f}, precision {scores['precision']:.2f} "
        f"({scores['false_positives']} false positives)"
    )
    demo = evaluate_demo_stories(verbose=True)
    print(
        f"demo newsroom: {demo['flagged']} warnings or blockers on {demo['stories']} "
        "stories meant to be publishable"
    )
    with transaction.atomic():
        corpus.create_known_entities()
        timing = time_checks()
        seconds = time_parse_megabyte()
        transaction.set_rollback(True)
    print(
        f"run_checks on {timing['words']} words: median {timing['median_ms']:.1f} ms, "
        f"worst {timing['max_ms']:.1f} ms over {timing['runs']} runs"
    )
    print(f"parse + extract quotes, longest allowed story (200,000 characters): {seconds:.2f} s")


if __name__ == "__main__":
    main()
