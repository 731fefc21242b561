"""Editorial checks: what a copy editor would flag before a story goes out.

    from articles.checks import run_checks, blockers
    findings = run_checks(article)          # or run_checks(CheckInput(...))

Each check is a small function from a Story (the input plus shared text analysis) to
findings; CHECKS lists them in the order their findings are reported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from articles.checks.findings import Finding, Severity, blockers
from articles.checks.inputs import CheckInput, LinkInfo, QuoteInfo, RelatedInfo
from articles.checks.metadata import (
    check_byline,
    check_headline_length,
    check_hero_alt,
    check_hidden_related,
    check_standfirst,
    check_tags,
)
from articles.checks.prose import (
    check_boilerplate,
    check_incomplete_sentences,
    check_relative_days,
    check_repeated_facts,
    check_unclosed_quotes,
)
from articles.checks.quotes import check_unattributed_quotes, check_unlinked_speakers
from articles.checks.spelling import check_name_spellings
from articles.checks.story import Story
from copytext import KnownEntities

Check = Callable[[Story], Iterable[Finding]]

CHECKS: list[Check] = [
    check_byline,
    check_hero_alt,
    check_hidden_related,
    check_unattributed_quotes,
    check_unlinked_speakers,
    check_name_spellings,
    check_repeated_facts,
    check_boilerplate,
    check_standfirst,
    check_tags,
    check_headline_length,
    check_incomplete_sentences,
    check_relative_days,
    check_unclosed_quotes,
]

__all__ = [
    "CHECKS",
    "CheckInput",
    "Finding",
    "LinkInfo",
    "QuoteInfo",
    "RelatedInfo",
    "Severity",
    "blockers",
    "run_checks",
]


def run_checks(
    article_or_input, *, checks: Iterable[Check] | None = None, known: KnownEntities | None = None
) -> list[Finding]:
    """Run the editorial checks on an article or a CheckInput; return findings, each once.

    `known` is the directory of names to check an article against (default: the cached one).
    """
    if isinstance(article_or_input, CheckInput):
        data = article_or_input
    else:
        data = CheckInput.from_article(article_or_input, known=known)
    story = Story(data)
    findings, seen = [], set()
    for check in CHECKS if checks is None else checks:
        for finding in check(story):
            if (finding.code, finding.passage) not in seen:
                seen.add((finding.code, finding.passage))
                findings.append(finding)
    return findings
