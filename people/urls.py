from django.urls import path

from people import views

app_name = "people"

urlpatterns = [
    path("people/<slug:slug>/", views.entity_detail, name="detail"),
]
