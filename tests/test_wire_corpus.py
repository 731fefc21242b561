"""The wire corpus: every planted defect is found, and no blocker appears where none was planted.

Each story in tests/fixtures/wire/ has an .expected.json beside it (see the README there).
bench/bench_checks.py reuses these helpers to compute precision and recall.
"""

import json
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

from articles.checks import Finding, Severity
from articles.models import Article
from articles.wire import import_wire
from tests import factories

CORPUS_DIR = Path(__file__).parent / "fixtures" / "wire"
CORPUS_TAGS = ("Wire", "Corpus")


@dataclass
class Case:
    name: str
    copy: bytes
    expected: dict

    @property
    def planted(self) -> list[dict]:
        return self.expected.get("must_find", [])


def load_cases() -> list[Case]:
    """Return every story in the corpus with what it should produce."""
    return [
        Case(
            path.stem, path.read_bytes(), json.loads(path.with_suffix(".expected.json").read_text())
        )
        for path in sorted(CORPUS_DIR.glob("[0-9][0-9]-*.txt"))
    ]


def create_known_entities() -> None:
    """Create the people and organizations the corpus expects the newsroom to know."""
    known = json.loads((CORPUS_DIR / "known.json").read_text())
    for row in known["people"]:
        factories.make_person(name=row["name"], aliases=row["aliases"], role=row["role"])
    for row in known["organizations"]:
        factories.make_organization(name=row["name"], aliases=row["aliases"], kind=row["kind"])


def create_setup_articles(case: Case) -> None:
    """Create the articles a story links to, published or not."""
    for row in case.expected.get("setup", {}).get("articles", []):
        status = "draft" if row["status"] == "draft" else "published"
        ago = timedelta(days=-2) if row["status"] == "scheduled" else timedelta(days=3)
        factories.make_article(
            slug=row["slug"], headline=row["headline"], status=status, published_ago=ago
        )


def matches(finding: Finding, planted: dict) -> bool:
    """Say whether a finding is the planted defect: same code, passage containing the text."""
    return finding.code == planted["code"] and planted["passage_contains"] in finding.passage


def import_case(case: Case):
    """Import a story as a draft with an author and tags, as the copy desk would."""
    author = factories.make_person(name=f"Desk Reporter {case.name[:2]}")
    return import_wire(case.copy, author=author, tags=CORPUS_TAGS)


CASES = load_cases()


@pytest.fixture
def known_entities(db):
    create_known_entities()


def test_corpus_has_at_least_fifteen_stories():
    """The corpus is big enough to mean something, with clean stories among them."""
    assert len(CASES) >= 15
    assert sum(not case.planted for case in CASES) >= 4


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_story_findings(case, known_entities):
    """Every planted defect is reported, and no blocker appears that was not planted."""
    create_setup_articles(case)
    result = import_case(case)
    missing = [p for p in case.planted if not any(matches(f, p) for f in result.findings)]
    assert not missing, f"not found: {missing}; found: {result.findings}"
    allowed = set(case.expected.get("no_blockers_except", []))
    surprises = [
        f for f in result.findings if f.severity == Severity.BLOCKER and f.code not in allowed
    ]
    assert not surprises


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_story_links_people_and_quotes(case, known_entities):
    """The draft links the people, organizations and quote speakers the copy names."""
    create_setup_articles(case)
    expect = case.expected.get("expect", {})
    article = import_case(case).article
    people = set(article.people_mentioned.values_list("name", flat=True))
    organizations = set(article.organizations_mentioned.values_list("name", flat=True))
    assert set(expect.get("people", [])) <= people
    assert set(expect.get("organizations", [])) <= organizations
    for text, speaker in expect.get("quotes", []):
        quote = article.quotes.select_related("speaker_person", "speaker_organization").get(
            text__contains=text
        )
        assert str(quote.speaker) == speaker
    if "dateline" in expect:
        assert article.dateline == expect["dateline"]


@pytest.mark.parametrize(
    "case", [c for c in CASES if "suggestions" in c.expected.get("expect", {})], ids=str
)
def test_story_suggests_unknown_names(case, known_entities):
    """Names the newsroom does not know yet are offered as people to add."""
    suggested = {s.name for s in import_case(case).suggestions}
    assert set(case.expected["expect"]["suggestions"]) <= suggested


def test_corpus_stories_are_drafts(known_entities):
    """Importing the whole corpus publishes nothing."""
    for case in CASES:
        create_setup_articles(case)
        assert import_case(case).article.status == Article.Status.DRAFT
    published = Article.objects.filter(status=Article.Status.PUBLISHED)
    assert set(published.values_list("slug", flat=True)) == {"meridian-battery-line-plans"}
