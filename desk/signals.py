"""Extension points of the comment desk (sent after the transaction commits)."""

from django.dispatch import Signal

# Sent with `comment` (a desk.Comment) and `mentioned_users` (a list of users) once a new
# comment is committed; receivers cannot undo it, and a failing receiver is only logged.
comment_posted = Signal()
