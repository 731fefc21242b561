from django.apps import AppConfig


class DeskConfig(AppConfig):
    name = "desk"
    verbose_name = "Editorial comments"
    default_auto_field = "django.db.models.BigAutoField"
