"""The admin's inbox: every staff user sees their own notices, and only theirs."""

from django.contrib import admin, messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from notices import inbox
from notices.forms import PreferencesForm
from notices.models import Notice, SectionReviewer


def _staff(request) -> bool:
    return request.user.is_active and request.user.is_staff


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    list_display = ["notice", "kind", "created_at", "read_at"]
    list_filter = ["kind", ("read_at", admin.EmptyFieldListFilter)]
    list_display_links = None
    list_per_page = 50
    actions = ["mark_read"]

    def get_queryset(self, request):
        return Notice.objects.inbox_of(request.user)

    def has_module_permission(self, request):
        return _staff(request)

    def has_view_permission(self, request, obj=None):
        return _staff(request) and (obj is None or obj.recipient_id == request.user.pk)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="notice")
    def notice(self, obj):
        url = reverse("admin:notices_notice_open", args=[obj.pk])
        weight = "normal" if obj.read_at else "bold"
        return format_html('<a href="{}" style="font-weight: {}">{}</a>', url, weight, obj.text)

    @admin.action(description="Mark the selected notices read")
    def mark_read(self, request, queryset):
        count = inbox.mark_read(request.user, list(queryset.values_list("pk", flat=True)))
        self.message_user(request, f"{count} marked read.", messages.SUCCESS)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:notice_id>/open/", wrap(self.open_view), name="notices_notice_open"),
            path(
                "read-all/", wrap(require_POST(self.read_all_view)), name="notices_notice_read_all"
            ),
            path("preferences/", wrap(self.preferences_view), name="notices_notice_preferences"),
            *super().get_urls(),
        ]

    def open_view(self, request, notice_id):
        """Mark the notice read and go where it points."""
        if not _staff(request):
            raise Http404
        notice = get_object_or_404(Notice.objects.inbox_of(request.user), pk=notice_id)
        inbox.mark_read(request.user, [notice.pk])
        safe = url_has_allowed_host_and_scheme(notice.url, allowed_hosts={request.get_host()})
        changelist = reverse("admin:notices_notice_changelist")
        return HttpResponseRedirect(notice.url if notice.url and safe else changelist)

    def read_all_view(self, request):
        if not _staff(request):
            raise Http404
        count = inbox.mark_read(request.user)
        self.message_user(request, f"{count} marked read.", messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:notices_notice_changelist"))

    def preferences_view(self, request):
        """Let the logged-in user choose, per kind, whether to be told by email and inbox."""
        if not _staff(request):
            raise Http404
        form = PreferencesForm(request.POST or None, user=request.user)
        if request.method == "POST" and form.is_valid():
            form.save()
            self.message_user(request, "Your notification preferences are saved.", messages.SUCCESS)
            return HttpResponseRedirect(request.path)
        context = {
            **self.admin_site.each_context(request),
            "title": "Notification preferences",
            "opts": self.opts,
            "form": form,
        }
        return TemplateResponse(request, "admin/notices/preferences.html", context)


@admin.register(SectionReviewer)
class SectionReviewerAdmin(admin.ModelAdmin):
    list_display = ["section", "reviewer"]
    list_filter = ["section"]
