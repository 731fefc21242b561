"""The editors' admin. Declarative where it can be; every status change calls articles.workflow.

Importing the package registers the admins (Django's autodiscovery imports `articles.admin`).
"""

from articles.admin import article, listing, people  # noqa: F401
