"""Two reviewers pressing "approve" on the same story at once publish it exactly once."""

import threading

import pytest
from django.apps import apps
from django.db import connection

from articles import workflow
from articles.models import ArticleEvent
from articles.roles import sync_roles
from articles.workflow import TransitionError
from tests import factories

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs two real connections (PostgreSQL)"
    ),
]

RACES = 5


@pytest.fixture(autouse=True)
def _roles(transactional_db):
    """Transactional tests flush the groups the data migrations made; make them again."""
    sync_roles(apps)


def _race(article, users):
    """Let each user approve `article` at the same moment, each on its own connection."""
    barrier = threading.Barrier(len(users))
    outcomes = []

    def approve(user):
        try:
            barrier.wait(timeout=10)
            workflow.approve(article, user)
            outcomes.append("approved")
        except TransitionError as error:
            outcomes.append(error.message)
        except Exception as error:  # a database error must fail the test, not vanish
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=approve, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def test_simultaneous_approvals_publish_once(reviewer, second_reviewer):
    """When two reviewers approve at once, one publishes and the other is told it already is."""
    for _ in range(RACES):
        article = factories.make_article(status="in_review")
        outcomes = _race(article, [reviewer, second_reviewer])
        assert outcomes.count("approved") == 1
        refused = [o for o in outcomes if o != "approved"]
        assert len(refused) == 1 and "already published" in refused[0]
        assert ArticleEvent.objects.filter(article=article, action="articles.approve").count() == 1
        article.refresh_from_db()
        assert article.status == "published"
