"""The directory in the admin: people and organizations, their names and other spellings."""

from django.contrib import admin

from people import addresses
from people.forms import OrganizationForm, PersonForm
from people.models import Organization, Person


class EntityAdmin(admin.ModelAdmin):
    """Shared by people and organizations. The editorial core adds their stories and quotes to
    the change form (articles/admin/people.py)."""

    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}

    def save_model(self, request, obj, form, change):
        """Save through the service, which keeps an address the page leaves working."""
        addresses.save_entity(obj)


@admin.register(Person)
class PersonAdmin(EntityAdmin):
    form = PersonForm
    list_display = ["name", "role", "slug", "user"]
    search_fields = ["name", "slug", "role"]
    list_select_related = ["user"]
    autocomplete_fields = ["user"]
    fieldsets = [
        (None, {"fields": ["honorific", "name", "slug", "aliases", "role", "bio"]}),
        ("Photo", {"fields": ["photo", "photo_alt"]}),
        ("Staff", {"fields": ["user"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        # Which account a person is decides bylines and the four-eyes rule: only a superuser
        # may link or unlink one, so nobody can step out of their own byline.
        readonly = list(super().get_readonly_fields(request, obj))
        return readonly if request.user.is_superuser else [*readonly, "user"]


@admin.register(Organization)
class OrganizationAdmin(EntityAdmin):
    form = OrganizationForm
    list_display = ["name", "kind", "slug"]
    list_filter = ["kind"]
    fieldsets = [(None, {"fields": ["name", "slug", "aliases", "kind", "description"]})]
