"""The newsroom's roles: which Django permissions each group holds.

A data migration creates the groups from this table, so every fresh database has them.
What a permission allows in the workflow is decided in `articles.workflow`, not here.
"""

REPORTERS = "Reporters"
EDITORS = "Editors"
REVIEWERS = "Reviewers"

_REPORTER = [
    "articles.add_article",
    "articles.change_article",
    "articles.view_article",
    "articles.submit_article",
    "articles.add_quote",
    "articles.change_quote",
    "articles.delete_quote",
    "articles.view_quote",
    # The byline and hand-picked related stories are part of writing a story.
    "articles.add_byline",
    "articles.change_byline",
    "articles.delete_byline",
    "articles.view_byline",
    "articles.add_relatedpick",
    "articles.change_relatedpick",
    "articles.delete_relatedpick",
    "articles.view_relatedpick",
    "articles.view_section",
    "people.view_person",
    "people.view_organization",
    "taggit.view_tag",
    # Editorial comments: read, post, resolve and reopen (desk).
    "desk.add_comment",
    "desk.view_comment",
    "desk.change_comment",
    # Their own assignments: see them, start work, change their status (planning scopes it).
    "planning.view_assignment",
    "planning.change_assignment",
]
_EDITOR = [
    *_REPORTER,
    "articles.delete_article",
    "articles.change_any_article",
    "articles.view_reviewqueue",
    "articles.add_section",
    "articles.change_section",
    "articles.view_section",
    "people.add_person",
    "people.change_person",
    "people.delete_person",
    "people.add_organization",
    "people.change_organization",
    "people.delete_organization",
    "taggit.add_tag",
    "taggit.change_tag",
    "taggit.delete_tag",
    # Partners of the syndication API: their keys and webhook endpoints.
    "syndication.add_apikey",
    "syndication.change_apikey",
    "syndication.view_apikey",
    "syndication.delete_apikey",
    "syndication.add_webhookendpoint",
    "syndication.change_webhookendpoint",
    "syndication.view_webhookendpoint",
    "syndication.delete_webhookendpoint",
    "syndication.view_webhookdelivery",
    # The story budget: planning and assigning coverage.
    "planning.add_assignment",
    "planning.delete_assignment",
    "planning.change_any_assignment",
    # Which reviewers are told of submissions in which section.
    "notices.add_sectionreviewer",
    "notices.change_sectionreviewer",
    "notices.delete_sectionreviewer",
    "notices.view_sectionreviewer",
]
_REVIEWER = [
    *_EDITOR,
    "articles.approve_article",
    "articles.unpublish_article",
    "articles.publish_correction",
    "articles.change_published_article",
]

ROLE_PERMISSIONS: dict[str, list[str]] = {
    REPORTERS: _REPORTER,
    EDITORS: _EDITOR,
    REVIEWERS: _REVIEWER,
}


def sync_roles(apps) -> None:
    """Create the role groups and give each its permissions (idempotent)."""
    from django.contrib.auth.management import create_permissions

    for app_label in ("articles", "people", "taggit", "syndication", "desk", "planning", "notices"):
        # Permissions are normally made after all migrations; roles need them now.
        try:
            app_config = apps.get_app_config(app_label)
        except LookupError:  # an app whose first migration has not run yet grants them then
            continue
        app_config.models_module = getattr(app_config, "models_module", None) or True
        create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        # A migration sees the models as they were then: grant the permissions that exist by
        # that point; a later migration that adds permissions runs this again.
        wanted = {tuple(code.split(".", 1)) for code in codes}
        existing = Permission.objects.filter(codename__in={codename for _, codename in wanted})
        group.permissions.set(
            [
                p
                for p in existing.select_related("content_type")
                if (p.content_type.app_label, p.codename) in wanted
            ]
        )
