"""The directory of known names is read once, and every change to a name reaches it."""

import pytest
from django.db import transaction

from people.directory import known_entities
from tests import factories

pytestmark = pytest.mark.django_db

KINDS = {
    "person": (factories.make_person, "Valentina Tereshkova", "Svetlana Savitskaya"),
    "organization": (factories.make_organization, "Telegraph Agency", "Roscosmos"),
}


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what the block schedules for after its commit, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_second_read_costs_no_queries(committed, django_assert_num_queries):
    """Checking story after story does not read the people tables again."""
    with committed():
        factories.make_person(name="Alexei Leonov")
        factories.make_organization(name="TASS")
    known_entities()
    with django_assert_num_queries(0):
        known = known_entities()
    assert known.match("Alexei Leonov") is not None


def test_second_read_in_the_changing_transaction_costs_no_queries(django_assert_num_queries):
    """The copy desk adding names, then checking stories, in one transaction reads them once."""
    factories.make_person(name="Alexei Leonov")
    known_entities()
    with django_assert_num_queries(0):
        assert known_entities().match("Alexei Leonov") is not None


@pytest.mark.parametrize("kind", KINDS)
def test_created_renamed_and_deleted_names_reach_the_directory(kind, committed):
    """A name is matched as soon as it is added, under its new name once renamed, and not at
    all once deleted."""
    make, name, new_name = KINDS[kind]
    assert known_entities().match(name) is None
    with committed():
        entity = make(name=name)
    assert known_entities().match(name) == entity
    entity.name = new_name
    with committed():
        entity.save()
    assert known_entities().match(name) is None
    assert known_entities().match(new_name) == entity
    with committed():
        entity.delete()
    assert known_entities().match(new_name) is None


@pytest.mark.parametrize("kind", KINDS)
def test_the_changing_transaction_sees_its_own_changes(kind):
    """Before the commit, the transaction that changed a name already matches it."""
    make, name, new_name = KINDS[kind]
    known_entities()
    entity = make(name=name)
    assert known_entities().match(name) == entity
    entity.name = new_name
    entity.save()
    assert known_entities().match(new_name) == entity
    entity.delete()
    assert known_entities().match(new_name) is None


def test_aliases_are_matched(committed):
    """Other spellings match, and a spelling added later matches from then on."""
    with committed():
        leonov = factories.make_person(name="Alexei Leonov", aliases=["Alexey Leonov"])
    assert known_entities().match("Alexey Leonov") == leonov
    leonov.aliases = [*leonov.aliases, "Aleksei Leonov"]
    with committed():
        leonov.save()
    assert known_entities().match("Aleksei Leonov") == leonov


def test_a_rolled_back_name_is_not_matched():
    """A name saved in a transaction that then failed never reaches the directory."""
    with pytest.raises(RuntimeError), transaction.atomic():
        factories.make_person(name="Valentina Orlova")
        assert known_entities().match("Valentina Orlova") is not None
        raise RuntimeError("the import failed")
    assert known_entities().match("Valentina Orlova") is None
