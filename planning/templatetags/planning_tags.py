"""The admin index's "Your assignments" block."""

from django import template

from planning import budget

register = template.Library()


@register.inclusion_tag("admin/planning/your_assignments.html", takes_context=True)
def your_assignments(context):
    """Show the signed-in user's open assignments, soonest due first (one query)."""
    user = context["request"].user
    if not user.has_perm("planning.view_assignment"):
        return {"assignments": None}
    return {"assignments": budget.assignments_for(user)}
