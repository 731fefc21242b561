"""Related stories: editors' picks first, then the archive's closest public stories."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Byline, RelatedPick
from reader import related
from tests import factories

pytestmark = pytest.mark.django_db


def published(**fields):
    return factories.make_article(status="published", **fields)


def non_public(**fields):
    """One story in each state readers cannot see, with the given tags, people, section…"""
    return [
        factories.make_article(status="draft", **fields),
        factories.make_article(status="in_review", **fields),
        factories.make_article(
            status="published", publish_at=timezone.now() + timedelta(days=1), **fields
        ),
        factories.make_article(
            status="draft",
            unpublished_at=timezone.now(),
            first_published_at=timezone.now() - timedelta(days=3),
            **fields,
        ),
    ]


@pytest.fixture
def story(section):
    return published(section=section, tags=["Apollo", "Moon"])


def test_picks_come_first_in_their_order(story):
    """Readers see the editor's picks first, in the order the editor chose."""
    first, second = published(), published()
    automatic = published(tags=["Apollo", "Moon"])
    factories.pick_related(story, second, first)
    assert related.rank_related(story) == [second, first, automatic]


def test_picks_at_the_same_position_keep_the_order_they_were_made(story):
    first, second = published(), published()
    RelatedPick.objects.create(article=story, target=second, position=1)
    RelatedPick.objects.create(article=story, target=first, position=1)
    assert related.rank_related(story) == [second, first]


def test_non_public_stories_never_appear(story, section):
    """Drafts, stories in review, scheduled and withdrawn stories are never suggested."""
    hidden = non_public(section=section, tags=["Apollo", "Moon"])
    factories.pick_related(story, *hidden)
    visible = published(tags=["Moon"])
    assert related.rank_related(story, limit=10) == [visible]


def test_the_story_is_not_its_own_relative(story):
    published(tags=["Apollo"])
    assert story not in related.rank_related(story, limit=10)


def test_picks_are_not_repeated(story):
    """A picked story that would also rank automatically appears once."""
    close = published(tags=["Apollo", "Moon"])
    factories.pick_related(story, close)
    assert related.rank_related(story) == [close]


def test_unrelated_stories_are_left_out(story):
    published(tags=["Weather"])
    assert related.rank_related(story) == []


def test_score_follows_the_formula(story, section):
    """Shared tags weigh 3, people and organizations 2, the section 1, at no distance in time."""
    person, organization = factories.make_person(), factories.make_organization()
    story.people_mentioned.add(person)
    story.organizations_mentioned.add(organization)
    candidate = published(section=section, tags=["Apollo"])
    candidate.people_mentioned.add(person)
    candidate.organizations_mentioned.add(organization)
    (ranked,) = related.rank_related(story)
    assert ranked.score == pytest.approx(3 + 2 + 2 + 1, rel=1e-3)


def test_distance_in_time_divides_the_score(story):
    """Sixty days apart, a score is a third of what it would be on the same day."""
    old = published(tags=["Apollo"], published_ago=timedelta(days=60, hours=1))
    (ranked,) = related.rank_related(story)
    assert ranked == old
    assert ranked.score == pytest.approx(3 / (1 + 60 / 30), rel=1e-3)


def test_shared_tags_beat_the_same_section(story, section):
    same_section = published(section=section)
    shared_tag = published(tags=["Moon"])
    assert related.rank_related(story) == [shared_tag, same_section]


def test_people_mentioned_count(story):
    """A story about the same people is related even with no tag in common."""
    person = factories.make_person()
    story.people_mentioned.add(person)
    about_them = published()
    about_them.people_mentioned.add(person)
    assert related.rank_related(story) == [about_them]


def test_recent_beats_old_at_equal_overlap(story):
    old = published(tags=["Moon"], published_ago=timedelta(days=400))
    recent = published(tags=["Moon"], published_ago=timedelta(days=2))
    assert related.rank_related(story) == [recent, old]


def test_fresh_single_tag_beats_old_double_tag(story):
    """Closeness in time can outweigh a larger overlap (3 today against 6 a year ago)."""
    old = published(tags=["Apollo", "Moon"], published_ago=timedelta(days=365))
    fresh = published(tags=["Moon"])
    assert related.rank_related(story) == [fresh, old]


def test_ties_go_to_the_newer_story_then_the_higher_id():
    """Equal scores: the newer story first, then the higher id, the same on every request."""
    story = published(tags=["Moon"], published_ago=timedelta(days=3))
    moment = story.publish_at
    day_before = published(tags=["Moon"], publish_at=moment - timedelta(days=1))
    day_after = published(tags=["Moon"], publish_at=moment + timedelta(days=1))
    twin_a = published(tags=["Moon"], publish_at=moment - timedelta(days=2))
    twin_b = published(tags=["Moon"], publish_at=moment - timedelta(days=2))
    expected = [day_after, day_before, twin_b, twin_a]
    assert related.rank_related(story) == expected
    assert related.rank_related(story) == expected


def test_limit_counts_picks_too(story):
    picks = [published() for _ in range(3)]
    factories.pick_related(story, *picks)
    published(tags=["Moon"])
    assert related.rank_related(story, limit=2) == picks[:2]


def test_story_without_section_does_not_match_every_story_without_one():
    story = published(tags=["Apollo"])
    published()
    assert related.rank_related(story) == []


def test_story_with_nothing_to_share_costs_one_query(django_assert_num_queries):
    lonely = published()
    published()
    with django_assert_num_queries(1):
        assert related.rank_related(lonely) == []


def test_draft_being_previewed_gets_relatives(section):
    draft = factories.make_article(status="draft", section=section, tags=["Moon"])
    relative = published(tags=["Moon"])
    assert related.rank_related(draft) == [relative]


def test_results_carry_section_and_byline(story, section, author, django_assert_num_queries):
    published(section=section, tags=["Moon"], authors=[author])
    with django_assert_num_queries(3):
        (ranked,) = related.rank_related(story)
        assert ranked.section == section
        assert ranked.authors == [author]


def build_archive(size: int, section) -> None:
    people = [factories.make_person() for _ in range(5)]
    for number in range(size):
        candidate = published(
            section=section if number % 2 else None,
            tags=["Apollo"] if number % 3 else ["Moon", f"Topic {number}"],
            published_ago=timedelta(days=number),
        )
        candidate.people_mentioned.add(people[number % 5])


@pytest.mark.parametrize("size", [5, 50])
def test_query_count_does_not_grow_with_the_archive(
    story, section, size, django_assert_max_num_queries
):
    build_archive(size, section)
    factories.pick_related(story, published())
    with django_assert_max_num_queries(3):
        ranked = related.rank_related(story)
        teasers = [(story.section, story.authors) for story in ranked]
    assert len(teasers) == 5


def test_more_from_the_first_author(section):
    first_author, second_author = factories.make_person(), factories.make_person()
    story = published(authors=[first_author, second_author])
    older = published(authors=[first_author], published_ago=timedelta(days=3))
    newer = published(authors=[first_author], published_ago=timedelta(minutes=5))
    published(authors=[second_author])
    for hidden in non_public(section=section):
        Byline.objects.create(article=hidden, person=first_author)
    assert related.more_from_author(story) == [newer, older]
    assert related.more_from_author(story, limit=1) == [newer]


def test_more_from_author_of_a_story_without_byline():
    published(authors=[factories.make_person()])
    assert related.more_from_author(published(authors=[])) == []
