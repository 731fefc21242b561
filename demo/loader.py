"""The demo newsroom: sections, people, organizations, tagged stories in every state, demo users.

Loading is idempotent: what exists (matched by slug or username) is left as it is, so running
it again changes nothing. Demo passwords are reset on every run so the printed ones always work.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from articles import checks, workflow
from articles.models import Article, Byline, Quote, RelatedPick, Section
from articles.roles import EDITORS, REPORTERS, REVIEWERS
from demo import content
from people.models import Organization, Person


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str
    person_slug: str | None


DEMO_ACCOUNTS = [
    DemoAccount("reporter", "demo-reporter-pass", REPORTERS, "rosa-marin"),
    DemoAccount("reporter2", "demo-reporter-pass", REPORTERS, "amara-okafor"),
    DemoAccount("editor", "demo-editor-pass", EDITORS, "tomas-becker"),
    DemoAccount("reviewer", "demo-reviewer-pass", REVIEWERS, "ilse-lindqvist"),
    DemoAccount("admin", "demo-admin-pass", "Superuser", None),
]


@transaction.atomic
def load_demo_newsroom(*, progress=print) -> dict[str, int]:
    """Create the demo newsroom where it is missing; return how many of each thing now exist."""
    sections = {
        item["slug"]: Section.objects.get_or_create(
            slug=item["slug"],
            defaults={"name": item["name"], "description": item["description"], "position": index},
        )[0]
        for index, item in enumerate(content.directory()["sections"])
    }
    people = {item["slug"]: _person(item) for item in content.directory()["people"]}
    organizations = {
        item["slug"]: _organization(item) for item in content.directory()["organizations"]
    }
    users = {account.username: _account(account, people) for account in DEMO_ACCOUNTS}
    progress(f"Sections, {len(people)} people and {len(organizations)} organizations are in place.")

    existing = set(Article.objects.values_list("slug", flat=True))
    new = [
        (_article(item, sections, people, organizations, users), item)
        for item in content.stories()
        if item["slug"] not in existing
    ]
    by_slug = {article.slug: article for article in Article.objects.all()}
    for article, item in new:  # every draft exists now, so picks can point at any of them
        # Hand-picked links are added as a newsroom would: by the writer while the story is a
        # draft, or by the reviewer once it is approved (a pick of a story not yet live would
        # otherwise be a copy-desk blocker at approval).
        goes_live = item.get("state") in ("published", "scheduled")
        if not goes_live:
            _link_related_picks(article, item, by_slug, article.created_by)
        _drive_to_state(article, item, users)
        if goes_live:
            _link_related_picks(article, item, by_slug, users["reviewer"])
            _backdate(article, item)
    created = len(new)
    existing = len(content.stories()) - created
    progress(f"Created {created} demo stories ({existing} were already there).")
    return demo_counts()


def demo_counts() -> dict[str, int]:
    """Count what the demo creates, to prove a second run adds nothing."""
    from taggit.models import Tag

    return {
        "sections": Section.objects.count(),
        "people": Person.objects.count(),
        "organizations": Organization.objects.count(),
        "articles": Article.objects.count(),
        "quotes": Quote.objects.count(),
        "tags": Tag.objects.count(),
        "related picks": RelatedPick.objects.count(),
        "users": get_user_model().objects.count(),
    }


def _person(item) -> Person:
    person, _ = Person.objects.get_or_create(
        slug=item["slug"],
        defaults={
            "name": item["name"],
            "honorific": item.get("honorific", ""),
            "role": item.get("role", ""),
            "bio": item.get("bio", ""),
            "aliases": item.get("aliases", []),
        },
    )
    return person


def _organization(item) -> Organization:
    organization, _ = Organization.objects.get_or_create(
        slug=item["slug"],
        defaults={
            "name": item["name"],
            "kind": item.get("kind", Organization.Kind.OTHER),
            "description": item.get("description", ""),
            "aliases": item.get("aliases", []),
        },
    )
    return organization


def _account(account: DemoAccount, people: dict[str, Person]):
    User = get_user_model()
    user, _ = User.objects.get_or_create(username=account.username)
    user.is_staff = True
    user.is_superuser = account.role == "Superuser"
    user.set_password(account.password)
    user.save()
    if account.role != "Superuser":
        user.groups.set([Group.objects.get(name=account.role)])
    if account.person_slug:
        person = people[account.person_slug]
        user.first_name, _, user.last_name = person.name.partition(" ")
        user.save(update_fields=["first_name", "last_name"])
        if person.user_id != user.pk:
            person.user = user
            person.save(update_fields=["user"])
    return user


def _article(item, sections, people, organizations, users) -> Article:
    byline = [people[slug] for slug in item.get("byline", [])]
    writer = next((person.user for person in byline if person.user_id), users["editor"])
    article = Article(
        headline=item["headline"],
        slug=item["slug"],
        standfirst=item.get("standfirst", ""),
        body=item.get("body", ""),
        kind=item.get("kind", Article.Kind.NEWS),
        section=sections.get(item.get("section")),
        dateline=item.get("dateline", ""),
    )

    def apply(story: Article) -> None:
        story.save()
        Byline.objects.bulk_create(
            Byline(article=story, person=person, position=index)
            for index, person in enumerate(byline)
        )
        story.people_mentioned.set(people[slug] for slug in item.get("people", []))
        story.organizations_mentioned.set(
            organizations[slug] for slug in item.get("organizations", [])
        )
        story.tags.set(item.get("tags", []))
        Quote.objects.bulk_create(
            Quote(
                article=story,
                text=quote["text"],
                speaker_person=people.get(quote.get("speaker")),
                speaker_organization=organizations.get(quote.get("speaker")),
                how=quote.get("how", ""),
                position=position,
                is_pull_quote=quote.get("is_pull_quote", False),
            )
            for position, quote in enumerate(item.get("quotes", []))
        )

    return workflow.save_content(article, writer, apply).article


def _drive_to_state(article: Article, item, users) -> None:
    """Take a new demo story through the real workflow to the state its content asks for."""
    state = item.get("state", "draft")
    if state == "draft":
        return
    writer = article.created_by
    workflow.submit(article, writer, "Ready for the desk.")
    if state == "in_review":
        return
    reviewer = users["reviewer"]
    if workflow.breaks_four_eyes(reviewer, article):
        reviewer = users["admin"]
    if state == "changes_requested":
        workflow.request_changes(
            article, reviewer, "Please attribute every quote and tighten the second paragraph."
        )
    elif state == "scheduled":
        workflow.approve(
            article, reviewer, publish_at=timezone.now() + timedelta(days=2),
            override_reason=_override_reason(article),
        )  # fmt: skip
    elif state == "published":
        workflow.approve(
            article, reviewer, comment="Good to go.", override_reason=_override_reason(article)
        )


def _backdate(article: Article, item) -> None:
    """Spread the archive over the past weeks; the events keep the real time of loading."""
    if item.get("state") != "published":
        return
    moment = timezone.now() - timedelta(days=item.get("days_ago", 0), hours=1)
    Article.objects.filter(pk=article.pk).update(
        publish_at=moment, first_published_at=moment, updated_at=moment, went_live_at=moment
    )


def _override_reason(article: Article) -> str:
    """Say why a demo story is approved although the copy desk flags it (archive material)."""
    standing = checks.blockers(checks.run_checks(article))
    if not standing:
        return ""
    codes = ", ".join(sorted({finding.code for finding in standing}))
    return f"Archive story: approved as it stood in print despite {codes}."


def _link_related_picks(article: Article, item, by_slug: dict[str, Article], user) -> None:
    """Hand-pick the story's related stories, saved like any edit."""
    targets = [by_slug[slug] for slug in item.get("related", []) if slug in by_slug]
    if not targets:
        return

    def apply(story: Article) -> None:
        RelatedPick.objects.bulk_create(
            RelatedPick(article=story, target=target, position=position)
            for position, target in enumerate(targets)
            if target.pk != story.pk
        )

    current = Article.objects.get(pk=article.pk)
    workflow.save_content(current, user, apply, expected_version=current.version)
