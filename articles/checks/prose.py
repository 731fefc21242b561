"""Checks on the writing: repeats, web leftovers, trailing sentences, vague days, stray quotes.

These are heuristics. `incomplete_sentence` counts a sentence as having a verb when any word
is a common verb, or ends in -ed, -ing or a verb-like -s; so it misses fragments built from
plurals ("Two engineers in orbit.") and may flag a verbless headline-style sentence an editor
meant. That is why it is a note, not a warning.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from articles.checks.findings import Finding, excerpt, note, warning
from articles.checks.story import Sentence, Story
from copytext.quotes import unclosed_quote_positions
from copytext.text import words
from copytext.vocabulary import DANGLING_WORDS, MONTHS, STOPWORDS, WEEKDAYS

_NUMBERED_ITEM = re.compile(r"\d{1,3}[.)] ")
MIN_REPEAT_WORDS = 5
_SECTION_LABEL = re.compile(r"[A-ZÀ-Þ][A-ZÀ-Þ&'-]{2,}(?: [A-ZÀ-Þ&'-]{2,}){0,2}")
MAX_POSTINGS = 200  # words in more sentences than this say nothing about repetition
BOILERPLATE_LABELS = frozenset(
    {
        "latest news", "latest", "related", "related stories", "related articles",
        "related content", "advertisement", "advertising", "sponsored", "sponsored content",
        "read more", "read next", "more on this story", "share this", "share this article",
        "share this story", "share", "most read", "most popular", "recommended",
        "you may also like", "trending", "sign up for our newsletter", "subscribe",
        "newsletter", "follow us", "comments", "top stories", "breaking news",
        "continue reading", "click here", "skip advertisement", "watch", "listen",
        "story continues below advertisement", "back to top", "print", "email",
    }
)  # fmt: skip
BOILERPLATE_OPENINGS = (
    "read more", "read next", "related:", "see also", "sign up", "subscribe to",
    "follow us", "click here", "share this", "share on", "watch:", "listen:", "advertisement",
    "copyright", "©", "all rights reserved", "download our app", "get our newsletter",
)  # fmt: skip
MAX_LABEL_WORDS = 25
SMALL_WORDS = frozenset("a an and as at but by for from in of on or the to with vs".split())
TERMINAL_CHARS = ".!?\"'’”)…:"
VERBS = frozenset(
    "is are was were be been being am has have had do does did will would can could may might "
    "must shall should said says say told tells went go goes gone came come comes made make "
    "makes took take takes gave give gives got get gets saw see sees knew know knows thought "
    "think thinks found find finds left leave leaves put puts set sets ran run runs won win "
    "wins lost lose loses fell fall falls rose rise rises hit hits cut cuts kept keep keeps "
    "began begin begins held hold holds stood stand stands sent send sends spent spend "
    "built build builds met meet meets led lead leads paid pay pays felt feel feels brought "
    "bring brings became become becomes flew fly flies grew grow grows drew draw shut let "
    "lets sat sit sits wrote write writes spoke speak speaks beat beats rang ring"
    .split()
)  # fmt: skip
_RELATIVE_DAY = re.compile(
    r"\b(?:(?:on|last|next|this|by|since|until|from)\s+)?(?:"
    + "|".join(WEEKDAYS)
    + r")\b|\b(?i:yesterday|tomorrow|tonight|last\s+night)\b"
)
_EXPLICIT_DATE = re.compile(
    r"\b(?:" + "|".join(MONTHS) + r")\.?\s+\d{1,2}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:" + "|".join(MONTHS) + r")\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b"
)


def check_repeated_facts(story: Story) -> Iterator[Finding]:
    """Warn about a sentence that says again what an earlier one said, in any word order, or
    in other words around the same figures ("92 of the 179 seats" … "92 seats in the
    179-member parliament")."""
    token_sets = [content_words(sentence.text) for sentence in story.sentences]
    figure_sets = [figures(sentence.text) for sentence in story.sentences]
    postings: dict[str, list[int]] = defaultdict(list)
    for index, tokens in enumerate(token_sets):
        if len(tokens) < MIN_REPEAT_WORDS:
            continue
        shared: Counter = Counter()
        for token in tokens:
            if len(postings[token]) <= MAX_POSTINGS:
                shared.update(postings[token])
        earlier = next(
            (i for i, count in shared.most_common(5) if _similar(token_sets[i], tokens, count)),
            None,
        )
        if earlier is None:
            earlier = next(
                (
                    i
                    for i, count in shared.most_common(5)
                    if count >= 2
                    and len(figure_sets[i] & figure_sets[index]) >= 1
                    and not _quoted(story.sentences[i].text)
                    and not _quoted(story.sentences[index].text)
                ),
                None,
            )
        if earlier is not None:
            yield _repeat(story.sentences[earlier], story.sentences[index])
        for token in tokens:
            postings[token].append(index)


_FIGURE = re.compile(r"\d[\d,.]*\d|\d")


def figures(sentence: str) -> frozenset[str]:
    """Return the telling figures of a sentence: numbers of two digits or more, not years."""
    found = set()
    for match in _FIGURE.finditer(sentence):
        number = match.group().replace(",", "")
        if len(number.replace(".", "")) >= 2 and not (
            number.isdigit() and 1900 <= int(number) <= 2100
        ):
            found.add(number)
    return frozenset(found)


def _quoted(sentence: str) -> bool:
    return '"' in sentence or "“" in sentence


def content_words(sentence: str) -> frozenset[str]:
    """Return the sentence's words that carry meaning, lower-cased, plural -s removed."""
    found = set()
    for word in words(sentence.casefold()):
        word = word.replace("’", "'").removesuffix("'s")
        if word in STOPWORDS or len(word) < 2:
            continue
        found.add(word[:-1] if len(word) > 4 and word.endswith("s") and word[-2] != "s" else word)
    return frozenset(found)


def _similar(first: frozenset, second: frozenset, shared: int) -> bool:
    jaccard = shared / (len(first) + len(second) - shared)
    containment = shared / min(len(first), len(second))
    return jaccard >= 0.7 or (containment >= 0.75 and shared >= MIN_REPEAT_WORDS + 1)


def _repeat(earlier: Sentence, later: Sentence) -> Finding:
    return warning(
        "repeated_fact",
        f'This sentence repeats an earlier one ("{excerpt(earlier.text, 70)}"). Keep one.',
        later.text,
    )


def check_boilerplate(story: Story) -> Iterator[Finding]:
    """Warn about web-page leftovers and headline-like lines pasted into the body."""
    for paragraph in story.paragraphs:
        if is_web_label(paragraph):
            yield warning(
                "boilerplate",
                f'Remove "{excerpt(paragraph, 60)}": it is a leftover from a web page.',
                paragraph,
            )
        elif looks_like_headline(paragraph):
            yield warning(
                "boilerplate",
                f'"{excerpt(paragraph, 60)}" looks like a headline or label inside the body. '
                "Remove it or make it a sentence.",
                paragraph,
            )


def is_web_label(paragraph: str) -> bool:
    """Say whether a paragraph is a section label ("CYCLING") or a "Read more"-style line."""
    if _SECTION_LABEL.fullmatch(paragraph.strip()):
        return True
    label = " ".join(re.sub(r"[^\w\s:©]", " ", paragraph.casefold()).split()).rstrip(":")
    if label in BOILERPLATE_LABELS:
        return True
    short = len(label.split()) <= MAX_LABEL_WORDS
    return short and label.startswith(BOILERPLATE_OPENINGS)


def is_markdown_block(paragraph: str) -> bool:
    """Say whether a paragraph is a Markdown subheading, list, quote block or table."""
    return paragraph.startswith(("#", "- ", "* ", "+ ", ">", "|")) or bool(
        _NUMBERED_ITEM.match(paragraph)
    )


def looks_like_headline(paragraph: str) -> bool:
    """Say whether a paragraph is a short Title Case line with no sentence punctuation."""
    if is_markdown_block(paragraph):
        return False  # a subheading the writer meant
    found = paragraph.split()
    if not 3 <= len(found) <= 14 or paragraph.rstrip()[-1:] in TERMINAL_CHARS:
        return False
    if '"' in paragraph:
        return False
    significant = [word for word in found if word.casefold() not in SMALL_WORDS]
    capitalised = sum(word[:1].isupper() or word[:1].isdigit() for word in significant)
    return bool(significant) and capitalised / len(significant) >= 0.8


def check_incomplete_sentences(story: Story) -> Iterator[Finding]:
    """Note paragraphs that trail off and sentences with no verb-like word."""
    by_paragraph: dict[int, list[Sentence]] = defaultdict(list)
    for sentence in story.sentences:
        by_paragraph[sentence.paragraph].append(sentence)
    for index, paragraph in enumerate(story.paragraphs):
        if is_web_label(paragraph) or looks_like_headline(paragraph):
            continue
        if is_markdown_block(paragraph):
            continue
        sentences = by_paragraph[index]
        if reason := trailing_reason(paragraph):
            yield note("incomplete_sentence", f"This paragraph {reason}.", sentences[-1].text)
        for sentence in sentences:
            if lacks_verb(sentence.text):
                yield note(
                    "incomplete_sentence",
                    "This sentence seems to have no verb. Is it complete?",
                    sentence.text,
                )


def trailing_reason(paragraph: str) -> str:
    """Say how a paragraph trails off, or return "" when it ends properly."""
    end = paragraph.rstrip()
    if end.rstrip("\"'’”").endswith(("...", "…")):
        return "trails off with an ellipsis"
    found = words(end[-60:])
    if found and found[-1].casefold() in DANGLING_WORDS:
        return f'ends on "{found[-1]}", as if something is missing'
    if end[-1:] not in TERMINAL_CHARS:
        return "ends without a full stop"
    return ""


def lacks_verb(sentence: str) -> bool:
    """Say whether a sentence of three words or more has nothing that looks like a verb."""
    if '"' in sentence:
        return False  # quoted speech is often fragmentary on purpose
    found = words(sentence)
    if len(found) < 3:
        return False
    return not any(_verb_like(word, position) for position, word in enumerate(found))


def _verb_like(word: str, position: int) -> bool:
    lower = word.casefold()
    if lower in VERBS or (word.islower() and lower.endswith(("ed", "ing")) and len(lower) > 3):
        return True
    return (
        position > 0 and word.islower() and len(lower) > 3 and lower.endswith("s")
    ) and not lower.endswith(("ss", "us", "is"))


def check_relative_days(story: Story) -> Iterator[Finding]:
    """Note "on Friday" or "yesterday" when neither a dateline nor a date pins the day."""
    if story.data.dateline.strip():
        return
    for sentence in [*story.standfirst_sentences, *story.sentences]:
        match = _RELATIVE_DAY.search(sentence.text)
        if match and not _EXPLICIT_DATE.search(sentence.text):
            yield note(
                "relative_day",
                f'Say which date "{match.group()}" is: the story has no dateline, and '
                "readers may see it days later.",
                sentence.text,
            )


def check_unclosed_quotes(story: Story) -> Iterator[Finding]:
    """Note a quotation mark that opens and never closes."""
    for index, position in unclosed_quote_positions(story.paragraphs):
        yield note(
            "unclosed_quote",
            "A quotation mark opens here and never closes. Close it or remove it.",
            story.paragraphs[index][position : position + 80],
        )
