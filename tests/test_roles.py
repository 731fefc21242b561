"""Every fresh database has the three roles with exactly their permissions."""

import pytest
from django.contrib.auth.models import Group

from articles.roles import ROLE_PERMISSIONS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", sorted(ROLE_PERMISSIONS))
def test_role_has_exactly_its_permissions(name):
    group = Group.objects.get(name=name)
    granted = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
    }
    assert granted == set(ROLE_PERMISSIONS[name])


def test_only_reviewers_approve(reporter, editor, reviewer):
    assert not reporter.has_perm("articles.approve_article")
    assert not editor.has_perm("articles.approve_article")
    assert reviewer.has_perm("articles.approve_article")
