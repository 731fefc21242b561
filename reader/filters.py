"""The search page's filters (django-filter)."""

import django_filters
from django import forms
from django.db.models import Q

from articles.models import Article, Section
from reader import search


class ArticleSearchFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Search", method="filter_text", max_length=search.MAX_QUERY_LENGTH
    )
    section = django_filters.ModelChoiceFilter(
        queryset=Section.objects.all(), to_field_name="slug", empty_label="Any section"
    )
    tag = django_filters.CharFilter(
        label="Tag", field_name="tagged_items__tag__slug", max_length=100
    )
    person = django_filters.CharFilter(
        label="Person or organization", method="filter_person", max_length=100
    )
    kind = django_filters.ChoiceFilter(choices=Article.Kind.choices, empty_label="Any kind")
    published_after = django_filters.DateFilter(
        label="From",
        field_name="publish_at",
        lookup_expr="date__gte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    published_before = django_filters.DateFilter(
        label="To",
        field_name="publish_at",
        lookup_expr="date__lte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = Article
        fields = ["q", "section", "tag", "person", "kind", "published_after", "published_before"]

    def filter_text(self, queryset, name, value):
        return search.matching(queryset, value)

    def filter_person(self, queryset, name, value):
        return queryset.filter(
            Q(bylines__person__slug=value)
            | Q(people_mentioned__slug=value)
            | Q(organizations_mentioned__slug=value)
        ).distinct()
