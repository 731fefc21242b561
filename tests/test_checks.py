"""Editorial checks: each fires on a small example and stays quiet on a clean one."""

from dataclasses import FrozenInstanceError
from datetime import timedelta
from types import SimpleNamespace

import pytest

from articles.checks import (
    CheckInput,
    Finding,
    QuoteInfo,
    RelatedInfo,
    Severity,
    blockers,
    run_checks,
)
from articles.models import Article
from copytext import KnownEntities
from tests import factories

KNOWN = KnownEntities(
    people=[
        SimpleNamespace(name="Alexei Leonov", aliases=["Alexey Leonov"]),
        SimpleNamespace(name="Yuri Gagarin", aliases=[]),
        SimpleNamespace(name="Mia Ortiz", aliases=[]),
    ],
    organizations=[SimpleNamespace(name="NASA", aliases=[])],
)
CLEAN_BODY = (
    "The capsule landed on the steppe after 200 days in orbit.\n\n"
    'Rescue teams reached it within minutes. "We are glad to be home," said Alexei Leonov.\n\n'
    "The crew will spend two weeks in a medical centre before meeting their families."
)


def check(**fields) -> list[Finding]:
    """Run the checks on a clean story with some fields changed."""
    defaults = dict(
        headline="Crew lands safely after long mission",
        standfirst="Three cosmonauts are back on Earth.",
        body=CLEAN_BODY,
        has_byline=True,
        tags=("Space",),
        known=KNOWN,
    )
    return run_checks(CheckInput(**{**defaults, **fields}))


def found(code: str, **fields) -> list[Finding]:
    return [finding for finding in check(**fields) if finding.code == code]


def test_clean_story_has_no_findings():
    """A tidy story raises nothing at all."""
    assert check() == []


def test_findings_are_frozen_and_blockers_are_filtered():
    """Findings cannot be altered, and blockers() keeps only blockers."""
    findings = check(has_byline=False, tags=())
    assert [f.code for f in blockers(findings)] == ["missing_byline"]
    with pytest.raises(FrozenInstanceError):
        findings[0].code = "other"


# Quotes


def test_quote_nobody_said_is_a_blocker():
    """A quotation with no one named as saying it stops publication."""
    [finding] = found("unattributed_quote", body='The crew was tired. "We need a long sleep now."')
    assert finding.severity == Severity.BLOCKER
    assert finding.passage == "We need a long sleep now."


def test_quote_with_only_a_pronoun_and_nobody_named_is_a_blocker():
    """ "…," she said with no one named before it is not an attribution."""
    [finding] = found(
        "unattributed_quote", body='The launch went well.\n\n"It was easy," she said.'
    )
    assert finding.passage == "It was easy"


def test_pronoun_after_a_named_person_is_fine():
    """ "…," she said right after Mia Ortiz is named is attributed."""
    body = 'Mia Ortiz led the launch.\n\n"It was easy," she said.'
    assert found("unattributed_quote", body=body) == []


def test_saved_quote_with_no_speaker_is_a_blocker():
    """A Quote with neither a speaker nor an attribution is flagged."""
    quotes = (QuoteInfo("We will fly again."),)
    [finding] = found("unattributed_quote", quotes=quotes)
    assert finding.passage == "We will fly again."


def test_quote_named_in_copy_but_not_linked_is_a_warning():
    """A quote whose speaker the copy names, but who is not linked, gets a warning."""
    body = '"The numbers add up," said Clara Voss, the union secretary.'
    quotes = (QuoteInfo("The numbers add up", "said Clara Voss"),)
    [finding] = found("unlinked_speaker", body=body, quotes=quotes)
    assert finding.severity == Severity.WARNING and "Clara Voss" in finding.message


def test_linked_quote_is_fine():
    quotes = (QuoteInfo("We are glad to be home", "said Alexei Leonov", "Alexei Leonov"),)
    assert check(quotes=quotes) == []


# Names


def test_surname_spelled_two_ways():
    """ "Leonov" and "Leonev" in one story: the rarer spelling is flagged."""
    body = CLEAN_BODY + "\n\nLeonov said little. Leonev slept."
    [finding] = found("name_spelled_two_ways", body=body)
    assert finding.passage == "Leonev"


def test_mission_name_with_swapped_letters():
    """ "Voskhod" and "Vsokhod" are the same mission mistyped."""
    body = "Voskhod 2 flew in 1965. The Voskhod crew trained hard. The Vsokhod capsule landed."
    assert [f.passage for f in found("name_spelled_two_ways", body=body)] == ["Vsokhod"]


def test_missions_that_differ_by_number_are_not_flagged():
    """Apollo 11 and Apollo 12 are different missions, not a misspelling."""
    body = "Apollo 11 landed in July. Apollo 12 followed in November."
    assert found("name_spelled_two_ways", body=body) == []


def test_different_names_and_word_forms_are_not_flagged():
    """Ortiz and Ortega are two people; Russia and Russian are one word in two forms."""
    body = "Mia Ortiz met Carla Ortega. Russia sent a Russian crew to the station."
    assert found("name_spelled_two_ways", body=body) == []


def test_name_close_to_a_known_person_is_flagged():
    """ "Gagrin" is almost the Yuri Gagarin we know."""
    [finding] = found("name_spelled_two_ways", body="The letters of Gagrin are on show.")
    assert finding.passage == "Gagrin" and "Gagarin" in finding.message


def test_alias_spelling_is_not_flagged():
    """ "Alexey Leonov" is a spelling we hold as an alias."""
    assert found("name_spelled_two_ways", body="The walk by Alexey Leonov was short.") == []


# Writing


def test_repeated_fact_in_other_words_order():
    """The same fact twice, words reordered, is flagged on the second telling."""
    body = (
        "Gusts of up to 80 mph are expected on exposed headlands tonight.\n\n"
        "On exposed headlands tonight, gusts are expected of up to 80 mph."
    )
    [finding] = found("repeated_fact", body=body)
    assert finding.passage.startswith("On exposed headlands")


def test_related_but_different_sentences_are_not_repeats():
    body = (
        "Gusts of up to 80 mph are expected on exposed headlands tonight.\n\n"
        "Ferry crossings to the islands were cancelled on exposed routes this morning."
    )
    assert found("repeated_fact", body=body) == []


@pytest.mark.parametrize(
    "line",
    ["Advertisement", "Read more: How the borough spends its money", "Sign up for our newsletter",
     "Latest News", "Share this article", "Crew Returns Safely To Earth"],
)  # fmt: skip
def test_web_leftovers_and_stray_headlines_are_flagged(line):
    """Labels and headline-like lines pasted into the body are flagged."""
    [finding] = found("boilerplate", body=CLEAN_BODY + "\n\n" + line)
    assert finding.passage == line


def test_ordinary_sentences_are_not_boilerplate():
    body = CLEAN_BODY + "\n\nReaders wrote in to share their memories of the launch."
    assert found("boilerplate", body=body) == []


@pytest.mark.parametrize(
    "ending",
    ["The crew then went to", "The crew waited and", "The crew waited for news...",
     "The crew waited for news", "A quiet end to a long winter."],
)  # fmt: skip
def test_sentences_that_trail_off_or_lack_a_verb_are_noted(ending):
    """A paragraph that breaks off, or a sentence with no verb, gets a note."""
    [finding] = found("incomplete_sentence", body=CLEAN_BODY + "\n\n" + ending)
    assert finding.severity == Severity.NOTE


def test_relative_day_without_dateline_is_noted():
    """ "on Friday" means nothing to a reader a week later without a dateline."""
    [finding] = found("relative_day", body="The crew landed on Friday after a long wait.")
    assert finding.severity == Severity.NOTE and "on Friday" in finding.message


def test_relative_day_with_dateline_or_date_is_fine():
    body = "The crew landed on Friday, March 14, after a long wait."
    assert found("relative_day", body=body) == []
    assert found("relative_day", body="The crew landed yesterday.", dateline="BAIKONUR") == []


def test_unclosed_quote_is_noted():
    """A quote mark that never closes is pointed out."""
    [finding] = found("unclosed_quote", body='One sign read: "Thank you to the crews.')
    assert finding.passage.startswith('"Thank you')


# What surrounds the text


def test_missing_byline_is_a_blocker():
    assert [f.severity for f in found("missing_byline", has_byline=False)] == [Severity.BLOCKER]


def test_missing_standfirst_and_tags_are_warnings():
    codes = {f.code: f.severity for f in check(standfirst=" ", tags=())}
    assert codes == {"missing_standfirst": "warning", "no_tags": "warning"}


def test_hero_image_without_alt_text_is_a_blocker():
    """A hero image nobody has described stops publication."""
    assert found("hero_without_alt", has_hero_image=True, hero_alt=" ")
    assert not found("hero_without_alt", has_hero_image=True, hero_alt="The capsule on snow.")


def test_headline_over_110_characters_is_a_warning():
    assert found("headline_too_long", headline="x" * 111)
    assert not found("headline_too_long", headline="x" * 110)


def test_related_pick_readers_cannot_see_is_a_blocker():
    """A related story that is not public stops publication."""
    [finding] = found("hidden_related_story", related=(RelatedInfo("Draft story", False),))
    assert finding.passage == "Draft story"
    assert not found("hidden_related_story", related=(RelatedInfo("Live story", True),))


# Reading articles from the database


@pytest.fixture
def article(author):
    return factories.make_article(
        headline="Crew lands safely after long mission",
        standfirst="Three cosmonauts are back on Earth.",
        body=CLEAN_BODY,
        authors=[author],
        tags=["Space"],
    )


def test_article_with_linked_quote_is_clean(article):
    """An article read from the database, its quote linked, raises nothing."""
    leonov = factories.make_person(name="Alexei Leonov")
    factories.make_quote(article, text="We are glad to be home", speaker_person=leonov)
    assert run_checks(article) == []


def test_article_related_picks_to_unpublished_stories(article):
    """Picks of a draft or a scheduled story are blockers; a live one is fine."""
    draft = factories.make_article(headline="Still a draft")
    scheduled = factories.make_article(
        headline="Tomorrow's story", status="published", published_ago=timedelta(days=-1)
    )
    live = factories.make_article(headline="Live story", status="published")
    factories.pick_related(article, draft, scheduled, live)
    passages = {f.passage for f in run_checks(article) if f.code == "hidden_related_story"}
    assert passages == {"Still a draft", "Tomorrow's story"}


def test_body_links_to_unpublished_stories(article):
    """A Markdown link to a draft's address is a blocker; to a live story or elsewhere, not."""
    factories.make_article(slug="secret-draft")
    factories.make_article(slug="live-story", status="published")
    article.body += (
        "\n\nSee [the draft](/2025/01/02/secret-draft/), [the live one](/2025/01/02/live-story/)"
        " and [another site](https://example.org/2025/01/02/secret-draft/)."
    )
    [finding] = [f for f in run_checks(article) if f.code == "hidden_related_story"]
    assert finding.passage == "[the draft](/2025/01/02/secret-draft/)"


def test_unsaved_article_can_be_checked(db):
    """An article not yet saved is checked from its fields alone."""
    article = Article(headline="Hero", body=CLEAN_BODY)
    article.hero_image.name = "articles/a.jpg"
    codes = {f.code for f in run_checks(article)}
    assert {"missing_byline", "hero_without_alt", "missing_standfirst", "no_tags"} <= codes


@pytest.mark.parametrize("quote_count", [1, 25])
def test_checks_run_a_fixed_number_of_queries(article, quote_count, django_assert_max_num_queries):
    """However many quotes and picks an article has, the checks cost the same few queries."""
    speaker = factories.make_person(name="Alexei Leonov")
    for number in range(quote_count):
        factories.make_quote(article, text=f"Quote number {number}", speaker_person=speaker)
        factories.pick_related(
            article, factories.make_article(status="published", headline=f"Pick {number}")
        )
    article = Article.objects.get(pk=article.pk)
    with django_assert_max_num_queries(7):
        run_checks(article)
