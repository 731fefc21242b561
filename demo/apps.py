from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo newsroom behind `make run` (`manage.py load_demo`); it has no models."""

    name = "demo"
    verbose_name = "Demo newsroom"
