"""People and organizations share /people/<slug>/: the database keeps each address unique."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from people.models import Organization, Person, PublicName, unique_slug
from people.selectors import entity_by_slug
from tests import factories

pytestmark = pytest.mark.django_db

TAKEN = "Another person or organization already has this address."


@pytest.fixture
def editor_client(client):
    client.force_login(factories.make_user("ed", groups=["Editors"], is_staff=True))
    return client


def organization_form(**changes):
    return {"name": "Mercury", "slug": "mercury", "aliases": "", "kind": "agency", **changes}


def test_every_person_and_organization_has_its_address():
    """Saving a person or an organization claims its slug as its public address."""
    person = factories.make_person(slug="gagarin")
    organization = factories.make_organization(slug="tass")
    assert person.public_name.slug == "gagarin"
    assert organization.public_name.slug == "tass"


def test_an_organization_cannot_take_a_persons_slug_even_through_the_orm():
    """Code that skips validation still cannot give two pages one address."""
    factories.make_person(name="Mercury", slug="mercury")
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.make_organization(name="Mercury", slug="mercury")
    assert not Organization.objects.filter(slug="mercury").exists()


def test_a_person_cannot_take_an_organizations_slug_even_through_the_orm():
    """The rule holds both ways, for a new entity and for a renamed one."""
    factories.make_organization(name="Mercury", slug="mercury")
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.make_person(name="Mercury", slug="mercury")
    person = factories.make_person(slug="freddie")
    person.slug = "mercury"
    with pytest.raises(IntegrityError), transaction.atomic():
        person.save()
    assert Person.objects.get(pk=person.pk).slug == "freddie"


def test_an_address_belongs_to_exactly_one_owner():
    """An address with no owner, or with both a person and an organization, is refused."""
    person, organization = factories.make_person(), factories.make_organization()
    with pytest.raises(IntegrityError), transaction.atomic():
        PublicName.objects.create(slug="nobody")
    PublicName.objects.all().delete()
    with pytest.raises(IntegrityError), transaction.atomic():
        PublicName.objects.create(slug="both", person=person, organization=organization)


def test_validation_names_the_taken_address():
    """Forms and imports that validate first get a plain message with its own code."""
    factories.make_person(name="Mercury", slug="mercury")
    with pytest.raises(ValidationError) as error:
        Organization(name="Mercury", slug="mercury").full_clean()
    [problem] = error.value.error_dict["slug"]
    assert (problem.message, problem.code) == (TAKEN, "slug_taken")


def test_admin_refuses_a_persons_slug_for_an_organization(editor_client):
    """An editor sees a plain message, not an error page, when the address is taken."""
    factories.make_person(name="Freddie Mercury", slug="mercury")
    url = reverse("admin:people_organization_add")
    response = editor_client.post(url, organization_form())
    assert response.status_code == 200
    assert TAKEN in response.content.decode()
    assert not Organization.objects.exists()
    assert editor_client.post(url, organization_form(slug="mercury-programme")).status_code == 302
    assert Organization.objects.get().slug == "mercury-programme"


def test_renaming_a_slug_frees_the_old_address():
    """After a person moves to a new address, an organization may take the old one."""
    person = factories.make_person(name="Mercury", slug="mercury")
    person.slug = "freddie-mercury"
    person.save()
    organization = factories.make_organization(name="Mercury", slug="mercury")
    assert entity_by_slug("mercury") == organization
    assert entity_by_slug("freddie-mercury") == person


def test_deleting_frees_the_address():
    """Once an organization is deleted, a person may take its address."""
    factories.make_organization(name="Mercury", slug="mercury").delete()
    assert not PublicName.objects.exists()
    person = factories.make_person(name="Mercury", slug="mercury")
    assert entity_by_slug("mercury") == person


def test_unique_slug_avoids_the_other_kind(django_assert_num_queries):
    """A new organization named like a person gets -2, found in one query."""
    person = factories.make_person(name="Mercury", slug="mercury")
    with django_assert_num_queries(1):
        assert unique_slug(Organization, "Mercury") == "mercury-2"
    factories.make_organization(slug="mercury-2")
    assert unique_slug(Person, "Mercury!") == "mercury-3"
    assert unique_slug(Person, "Mercury", instance_id=person.pk) == "mercury"


def test_clean_fills_a_missing_slug_with_a_free_one():
    """A name added without an address gets one no other page uses."""
    factories.make_person(name="Mercury", slug="mercury")
    organization = Organization(name="Mercury")
    organization.clean()
    assert organization.slug == "mercury-2"


@pytest.mark.parametrize("make", [factories.make_person, factories.make_organization])
def test_entity_by_slug_takes_one_query(make, django_assert_num_queries):
    """A /people/ page finds a person or an organization with one query."""
    entity = make(slug="vostok")
    with django_assert_num_queries(1):
        found = entity_by_slug("vostok")
    assert found == entity
    assert type(found) is type(entity)
    assert found.kind_name == type(entity).kind_name
    with django_assert_num_queries(1):
        assert entity_by_slug("nobody") is None


def test_kind_name_says_person_or_organization():
    """Callers can tell a person from an organization without looking at model metadata."""
    assert factories.make_person().kind_name == "person"
    assert factories.make_organization().kind_name == "organization"
