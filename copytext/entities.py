"""Known people and organizations, and matching a name in the copy to one of them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from copytext.vocabulary import HONORIFICS

FUZZY_NAME_SCORE = 88  # token_sort_ratio: "Alexey Leonov" ~ "Alexei Leonov" scores 92
_NOT_NAME = re.compile(r"[^\w\s-]")
_DIGITS = re.compile(r"\d+")


def name_key(name: str) -> str:
    """Return the comparable form of a name: no honorific, possessive or punctuation, casefolded."""
    name = re.sub(r"['’]s\b", "", name)
    tokens = _NOT_NAME.sub(" ", name).split()
    while len(tokens) > 1 and tokens[0] in HONORIFICS:
        tokens = tokens[1:]
    return " ".join(tokens).casefold()


def allowed_edits(word: str) -> int:
    """Return how many typing slips a single word may have and still be the same name."""
    return 0 if len(word) < 5 else 1 if len(word) < 9 else 2


def close_word(word: str, choices: list[str]) -> str | None:
    """Return the choice within a slip or two of `word` with the same first letter, if any."""
    limit = allowed_edits(word)
    if not limit or not choices:
        return None
    found = process.extractOne(word, choices, scorer=OSA.distance, score_cutoff=limit)
    if found and found[0][:1] == word[:1] and found[0] != word:
        return found[0]
    return None


def _near_some_word(word: str, name: str) -> bool:
    limit = allowed_edits(word)
    return any(OSA.distance(word, other, score_cutoff=limit) <= limit for other in name.split())


class KnownEntities:
    """People and organizations the newsroom knows, indexed by name, alias and surname."""

    def __init__(self, *, people: Iterable[Any] = (), organizations: Iterable[Any] = ()):
        self.people = list(people)
        self.organizations = list(organizations)
        self._exact: dict[str, Any] = {}
        self._single: dict[str, list[Any]] = {}
        self._full_keys: list[str] = []
        self._full_owners: list[Any] = []
        self._display: dict[str, str] = {}
        for entity in self.people:
            for name in [entity.name, *(entity.aliases or [])]:
                self._index(entity, name, is_person=True)
        for entity in self.organizations:
            for name in [entity.name, *(entity.aliases or [])]:
                self._index(entity, name, is_person=False)
        self._single_keys = list(self._single)
        self._person_ids = {id(person) for person in self.people}

    def kind_of(self, entity: Any) -> str:
        """Say "person" or "organization" for an entity this index holds."""
        return "person" if id(entity) in self._person_ids else "organization"

    def is_known_word(self, word: str) -> bool:
        return word.casefold() in self._single or word.casefold() in self._exact

    def match(self, name: str, *, fuzzy: bool = True) -> Any | None:
        """Return the person or organization `name` refers to, or None.

        Exact name or alias first (case-insensitive), then a surname that belongs to one
        known person only, then, when `fuzzy`, a close spelling whose numbers agree.
        """
        key = name_key(name)
        if not key:
            return None
        if key in self._exact:
            return self._exact[key]
        if " " not in key:
            return self._match_single(key, fuzzy=fuzzy)
        return self._match_full(key) if fuzzy else None

    def near_miss(self, name: str) -> str | None:
        """Return the known spelling when `name` is close to, but not exactly, a known name."""
        key = name_key(name)
        if not key or key in self._exact or key in self._single:
            return None
        if " " not in key:
            close = close_word(key, self._single_keys)
            return self._display[close] if close and len(self._single[close]) == 1 else None
        entity = self._match_full(key)
        if entity is None:
            return None
        return max(
            [entity.name, *(entity.aliases or [])], key=lambda n: fuzz.ratio(key, n.casefold())
        )

    def _index(self, entity: Any, name: str, *, is_person: bool) -> None:
        key = name_key(name)
        if not key:
            return
        self._exact.setdefault(key, entity)
        self._display.setdefault(key, name.strip())
        self._full_keys.append(key)
        self._full_owners.append(entity)
        tokens = key.split()
        single = tokens[-1] if len(tokens) > 1 and is_person else key
        if " " not in single:
            self._display.setdefault(single, name.split()[-1] if is_person else name.strip())
            owners = self._single.setdefault(single, [])
            if all(owner is not entity for owner in owners):
                owners.append(entity)

    def _match_single(self, key: str, *, fuzzy: bool) -> Any | None:
        owners = self._single.get(key)
        if owners is None and fuzzy:
            close = close_word(key, self._single_keys)
            owners = self._single.get(close) if close else None
        return owners[0] if owners and len(owners) == 1 else None

    def _match_full(self, key: str) -> Any | None:
        digits, surname = _DIGITS.findall(key), key.split()[-1]
        candidates = process.extract(
            key, self._full_keys, scorer=fuzz.token_sort_ratio, score_cutoff=FUZZY_NAME_SCORE
        )
        for choice, _score, index in candidates[:5]:
            # Numbers must agree (Apollo 11 is not Apollo 12), and the surname may differ by a
            # slip at most: "Anna Borg" scores 89 against "Anna Berg" but is someone else.
            if _DIGITS.findall(choice) == digits and _near_some_word(surname, choice):
                return self._full_owners[index]
        return None
