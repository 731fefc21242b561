"""Opaque, signed cursors: where the next page of a list starts.

A cursor carries the list's ordering and the sort key of the last item sent (for stories, a
time and an id), signed with the site's secret key, so a caller can neither forge a position
nor hand a cursor of one ordering to another. The next page starts strictly after that key,
whatever was published, changed or withdrawn meanwhile (keyset pagination): nothing is sent
twice or skipped because the list moved under the walk.
"""

from datetime import datetime

from django.core import signing

SALT = "syndication.cursor"
MAX_LENGTH = 300  # far above a real cursor; anything longer is not worth unsigning


class InvalidCursor(Exception):
    """The cursor was not made by this API for this list."""


def encode(ordering: str, *key) -> str:
    """Return the cursor that continues `ordering` after the item whose sort key is `key`
    (datetimes and ints, or a string)."""
    values = [value.isoformat() if isinstance(value, datetime) else value for value in key]
    return signing.dumps([ordering, *values], salt=SALT, compress=True)


def decode(cursor: str, *, ordering: str, shape: tuple[type, ...]) -> tuple:
    """Return the sort key a cursor of `ordering` carries, its values of types `shape`; raise
    InvalidCursor for anything else."""
    if len(cursor) > MAX_LENGTH:
        raise InvalidCursor
    try:
        payload = signing.loads(cursor, salt=SALT)
    except (signing.BadSignature, ValueError, UnicodeError) as error:
        raise InvalidCursor from error
    if not isinstance(payload, list) or len(payload) != len(shape) + 1:
        raise InvalidCursor
    if payload[0] != ordering:
        raise InvalidCursor
    return tuple(_typed(value, kind) for value, kind in zip(payload[1:], shape, strict=True))


def _typed(value, kind: type):
    if kind is datetime:
        try:
            moment = datetime.fromisoformat(value)
        except (TypeError, ValueError) as error:
            raise InvalidCursor from error
        if moment.tzinfo is None:
            raise InvalidCursor
        return moment
    if kind is int and type(value) is int:
        return value
    if kind is str and isinstance(value, str):
        return value
    raise InvalidCursor
