from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "People and organizations"

    def ready(self):
        from people import directory
        from people.models import Organization, Person

        # Any change to a name, however it is made (admin, copy desk, demo, shell), must reach
        # the directory of known names; a signal is the one place every save passes.
        for model in (Person, Organization):
            post_save.connect(
                directory.directory_changed, sender=model, dispatch_uid=f"dir-{model}"
            )
            post_delete.connect(
                directory.directory_changed, sender=model, dispatch_uid=f"dir-del-{model}"
            )
