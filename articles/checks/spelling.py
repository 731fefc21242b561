"""A name spelled two ways in one story, or almost like a name we already know."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from rapidfuzz import process
from rapidfuzz.distance import OSA

from articles.checks.findings import Finding, warning
from articles.checks.story import Story
from copytext.entities import allowed_edits
from copytext.names import NameSpan
from copytext.text import strip_possessive
from copytext.vocabulary import COMMON_CAPITALISED, HONORIFICS, ORG_WORDS, PLACE_WORDS

_GENERIC = COMMON_CAPITALISED | HONORIFICS | ORG_WORDS | PLACE_WORDS


def check_name_spellings(story: Story) -> Iterator[Finding]:
    """Warn about "Leonov"/"Leonev" in one story, and near misses of known names."""
    reported: set[str] = set()
    for finding in [*_spelled_two_ways(story), *_near_known_names(story)]:
        if finding.passage not in reported:
            reported.add(finding.passage)
            yield finding


def name_words(story: Story) -> Counter:
    """Count the words of the story's names that are long enough to compare (in order met)."""
    counts: Counter = Counter()
    for span in story.names:
        if _is_plain_word(span, story):
            continue
        for word in span.text.split():
            word = strip_possessive(word).strip(".")
            if _comparable(word):
                counts[word] += 1
    return counts


def _spelled_two_ways(story: Story) -> Iterator[Finding]:
    counts = name_words(story)
    order = {word: position for position, word in enumerate(counts)}
    buckets: dict[str, list[str]] = defaultdict(list)
    for word in counts:
        buckets[initial(word)].append(word)
    for bucket in buckets.values():
        bucket.sort(key=len)
        folded = [word.casefold() for word in bucket]
        for index, first in enumerate(bucket):
            # rapidfuzz compares against the whole bucket in C: a long story with thousands of
            # names costs milliseconds, where comparing pairs in Python cost seconds.
            close = process.extract(
                folded[index], folded, scorer=OSA.distance, score_cutoff=2, limit=None
            )
            for other in sorted(position for _word, _distance, position in close):
                second = bucket[other]
                if other <= index or len(second) - len(first) > 2:
                    continue
                if _same_name_misspelt(first, second, story):
                    yield _two_ways(first, second, story, counts, order)


def _same_name_misspelt(first: str, second: str, story: Story) -> bool:
    a, b = first.casefold(), second.casefold()
    if a == b or a.startswith(b) or b.startswith(a):
        return False  # "Russia"/"Russian" is grammar, not spelling
    if story.known.is_known_word(a) and story.known.is_known_word(b):
        return False  # two people we know, e.g. "Jones" and "Jonas"
    if gendered_forms(a, b):
        return False  # Lewandowska and Lewandowski: mother and son, not a typo
    if transliterations(a, b):
        return True  # Hnatyuk/Gnatyuk, Muhammad/Mohammed: one name, spelled two ways
    if a[0] != b[0]:
        return False
    limit = min(allowed_edits(a), allowed_edits(b))
    return limit > 0 and OSA.distance(a, b, score_cutoff=limit) <= limit


# Surname endings that change with gender in Slavic and Baltic languages (and Greek, Icelandic).
GENDERED_ENDINGS = (
    ("ski", "ska"), ("cki", "cka"), ("dzki", "dzka"), ("sky", "skaya"), ("skiy", "skaya"),
    ("ov", "ova"), ("ev", "eva"), ("yov", "yova"), ("in", "ina"), ("yn", "yna"), ("ý", "á"),
    ("ий", "ая"), ("as", "ienė"), ("is", "ienė"), ("ou", "ou"), ("sson", "sdóttir"),
    ("son", "dóttir"), ("os", "ou"), ("is", "i"),
)  # fmt: skip
# Letters that transliterations of one name trade: Hnatyuk/Gnatyuk, Kh/H, Y/J.
_TRANSLITERATED_INITIALS = {"g": "h", "kh": "h", "j": "y", "c": "k", "q": "k"}
_VOWELS = re.compile(r"[aeiouyáàâäãåæéèêëíìîïóòôöõøúùûüýÿı]+")


def initial(word: str) -> str:
    """Return the first letter a name is filed under, transliteration pairs filed together."""
    folded = word.casefold()
    if folded.startswith("kh"):
        return "h"
    return _TRANSLITERATED_INITIALS.get(folded[:1], folded[:1])


def gendered_forms(a: str, b: str) -> bool:
    """Say whether two surnames are the masculine and feminine form of one family name."""
    for male, female in GENDERED_ENDINGS:
        for x, y in ((a, b), (b, a)):
            if x.endswith(male) and y.endswith(female) and x[: -len(male)] == y[: -len(female)]:
                return True
    return False


def transliterations(a: str, b: str) -> bool:
    """Say whether two long names differ only as transliterations do: the first letter (G/H,
    Kh/H, J/Y) or the vowels (Muhammad/Mohammed)."""
    if min(len(a), len(b)) < 6:
        return False
    if _VOWELS.sub("", a) == _VOWELS.sub("", b) and a[0] == b[0]:
        return True
    for spelled, other in _TRANSLITERATED_INITIALS.items():
        for x, y in ((a, b), (b, a)):
            if (
                x.startswith(spelled)
                and y.startswith(other)
                and x[len(spelled) :] == y[len(other) :]
            ):
                return True
    return False


def _two_ways(first: str, second: str, story: Story, counts: Counter, order: dict) -> Finding:
    """Report the spelling we do not know, else the rarer one, else the later one."""
    rare, common = sorted(
        (first, second),
        key=lambda word: (story.known.is_known_word(word), counts[word], -order[word]),
    )
    return warning(
        "name_spelled_two_ways",
        f'The story spells a name two ways: "{common}" ({_times(counts[common])}) and '
        f'"{rare}" ({_times(counts[rare])}). Use one spelling.',
        rare,
    )


def _near_known_names(story: Story) -> Iterator[Finding]:
    for span in story.names:
        if _is_plain_word(span, story) or not _comparable(strip_possessive(span.text)):
            continue
        spelling = story.known.near_miss(span.text)
        if spelling:
            yield warning(
                "name_spelled_two_ways",
                f'"{span.text}" is close to "{spelling}", the spelling we hold for someone we '
                "know. Check which is right.",
                span.text,
            )


def _is_plain_word(span: NameSpan, story: Story) -> bool:
    """Say whether a capitalised word only opens a sentence ("Officials said…")."""
    return (
        span.words == 1
        and span.at_sentence_start
        and (span.text.casefold() in story.lowercase_words or span.text in _GENERIC)
    )


def _comparable(word: str) -> bool:
    return (
        allowed_edits(word) > 0
        and word not in _GENERIC
        and not word.isupper()
        and not any(char.isdigit() for char in word)
    )


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"
