"""Staff accounts and the people they are: a writer's byline identity."""

from django.db import transaction

from people.models import Person, unique_slug


def person_for_account(user) -> Person:
    """Return the person record of a staff account, making and linking one on first use.

    The new person is named after the account's full name, or its username when it has none.
    """
    existing = Person.objects.filter(user=user).first()
    if existing is not None:
        return existing
    name = (user.get_full_name() or user.get_username()).strip()[:200]
    with transaction.atomic():
        return Person.objects.create(name=name, slug=unique_slug(Person, name), user=user)
