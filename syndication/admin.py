"""The partners' admin: API keys, webhook endpoints and the log of deliveries (read-only).

Keys and secrets are made by `syndication.partners` and `syndication.webhooks`, which show
them once, in a message; the admin stores and shows only what identifies them.
"""

from django import forms
from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html

from syndication import partners, webhooks
from syndication.models import ApiKey, Event, Scope, WebhookDelivery, WebhookEndpoint


def adopt(unsaved, saved) -> None:
    """Make the admin's object the row a service saved: its log entry and redirect follow."""
    unsaved.__dict__.update(saved.__dict__)


class ApiKeyForm(forms.ModelForm):
    scopes = forms.MultipleChoiceField(
        choices=Scope.choices, widget=forms.CheckboxSelectMultiple, required=False
    )

    class Meta:
        model = ApiKey
        fields = ["name", "scopes", "rate_limit", "active"]


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    form = ApiKeyForm
    list_display = ["name", "prefix", "scopes", "rate_limit", "active", "revoked_at",
                    "last_used_at", "created_by", "created_at"]  # fmt: skip
    list_filter = ["active", ("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "prefix"]
    list_select_related = ["created_by"]
    readonly_fields = ["prefix", "created_by", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke"]

    def get_fields(self, request, obj=None):
        if obj is None:  # a new key is active; the rest is filled in by issue_key
            return ["name", "scopes", "rate_limit"]
        return ["name", "scopes", "rate_limit", "active", *self.readonly_fields]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.revoked_at is not None:  # a revoked key stays as it ended
            return ["name", "scopes", "rate_limit", "active", *self.readonly_fields]
        return self.readonly_fields

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        key, plaintext = partners.issue_key(
            obj.name, form.cleaned_data["scopes"], request.user, rate_limit=obj.rate_limit
        )
        adopt(obj, key)
        self.message_user(
            request,
            f"The key for {key.name} is {plaintext} — copy it now and give it to the partner: "
            "it is shown only this once (Newsroom keeps only its hash).",
            messages.WARNING,
        )

    @admin.action(description="Revoke the selected keys (for good)", permissions=["change"])
    def revoke(self, request, queryset):
        revoked = [key.name for key in queryset if partners.revoke_key(key)]
        if revoked:
            self.message_user(
                request,
                f"Revoked: {', '.join(revoked)}. Requests with these keys now get 401, and their "
                "webhooks stop.",
                messages.SUCCESS,
            )
        else:
            self.message_user(request, "Those keys were revoked already.", messages.INFO)


class WebhookEndpointForm(forms.ModelForm):
    url = forms.URLField(
        label="URL", max_length=500, assume_scheme="https",
        help_text="An https:// address on the public internet.",
    )  # fmt: skip
    events = forms.MultipleChoiceField(
        choices=Event.choices, widget=forms.CheckboxSelectMultiple, initial=Event.values
    )

    class Meta:
        model = WebhookEndpoint
        fields = ["partner", "url", "events", "active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "partner" in self.fields:
            self.fields["partner"].queryset = ApiKey.objects.filter(revoked_at__isnull=True)

    def clean_url(self):
        url = self.cleaned_data["url"]
        webhooks.check_url(url)
        return url


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(admin.ModelAdmin):
    form = WebhookEndpointForm
    list_display = ["url", "partner", "events", "active", "failures_in_a_row", "disabled_reason"]
    list_filter = ["active", "partner"]
    search_fields = ["url", "partner__name"]
    list_select_related = ["partner"]
    readonly_fields = ["failures_in_a_row", "disabled_at", "disabled_reason", "created_by",
                       "created_at", "deliveries"]  # fmt: skip
    actions = ["rotate_secrets"]

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["partner", "url", "events", "active"]
        return ["partner", "url", "events", "active", *self.readonly_fields]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None:  # an endpoint belongs to its partner for good
            return ["partner", *self.readonly_fields]
        return self.readonly_fields

    @admin.display(description="deliveries")
    def deliveries(self, endpoint):
        url = reverse("admin:syndication_webhookdelivery_changelist")
        return format_html(
            '<a href="{}?endpoint__id__exact={}">Every attempt</a>', url, endpoint.pk
        )

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        if change:
            webhooks.change_endpoint(
                obj, url=data["url"], events=data["events"], active=data["active"]
            )
            return
        endpoint, secret = webhooks.register_endpoint(
            data["partner"], url=data["url"], events=data["events"], created_by=request.user,
            active=data["active"],
        )  # fmt: skip
        adopt(obj, endpoint)
        self.secret_message(request, endpoint, secret)

    @admin.action(
        description="Give the selected endpoints new signing secrets", permissions=["change"]
    )
    def rotate_secrets(self, request, queryset):
        for endpoint in queryset:
            self.secret_message(request, endpoint, webhooks.rotate_secret(endpoint))

    def secret_message(self, request, endpoint, secret):
        self.message_user(
            request,
            f"The signing secret of {endpoint.url} is {secret} — copy it now and give it to the "
            "partner: it is shown only this once. Deliveries are signed with it from now on.",
            messages.WARNING,
        )


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "endpoint", "event", "article", "version", "attempt",
                    "status_code", "error", "duration_ms"]  # fmt: skip
    list_filter = ["event", "endpoint"]
    search_fields = ["delivery_id"]
    list_select_related = ["endpoint", "article"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
