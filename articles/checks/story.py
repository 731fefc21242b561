"""The text analysis several checks share, done once per run."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from articles.checks.inputs import CheckInput
from copytext.cast import Cast, find_cast
from copytext.entities import KnownEntities
from copytext.names import NameSpan
from copytext.quotes import ExtractedQuote, extract_quotes
from copytext.text import plain_paragraph, split_paragraphs, split_sentences, words


@dataclass(frozen=True)
class Sentence:
    paragraph: int  # -1 for the standfirst
    text: str


class Story:
    """A CheckInput with its paragraphs, sentences, quotes and names worked out lazily."""

    def __init__(self, data: CheckInput):
        self.data = data
        self.known = data.known if data.known is not None else KnownEntities()
        self.paragraphs = [plain_paragraph(p) for p in split_paragraphs(data.body)]
        self.standfirst = plain_paragraph(" ".join(data.standfirst.split()))

    @cached_property
    def sentences(self) -> list[Sentence]:
        """The body's sentences, in order."""
        return [
            Sentence(index, span.text)
            for index, paragraph in enumerate(self.paragraphs)
            for span in split_sentences(paragraph)
        ]

    @cached_property
    def standfirst_sentences(self) -> list[Sentence]:
        return [Sentence(-1, span.text) for span in split_sentences(self.standfirst)]

    @cached_property
    def cast(self) -> Cast:
        """The people and organizations of the body and standfirst (the standfirst last, so
        paragraph numbers are the body's)."""
        return find_cast([*self.paragraphs, self.standfirst], known=self.known)

    @cached_property
    def quotes(self) -> list[ExtractedQuote]:
        return extract_quotes(self.paragraphs, known=self.known, cast=self.cast)

    @cached_property
    def quotes_by_text(self) -> dict[str, ExtractedQuote]:
        return {_quote_key(quote.text): quote for quote in self.quotes}

    def body_quote(self, text: str) -> ExtractedQuote | None:
        """Return the quote in the body with this text, if the body still has it."""
        return self.quotes_by_text.get(_quote_key(text))

    @cached_property
    def names(self) -> list[NameSpan]:
        """The names of people and organizations in the body and standfirst, as the cast found
        them (the headline, in title case, names nobody)."""
        return [
            NameSpan(
                text=mention.text,
                start=mention.start,
                end=mention.end,
                kind=mention.member.kind,
                words=len(mention.text.split()),
                at_sentence_start=mention.sentence_start,
            )
            for mention in sorted(
                self.cast.mentions, key=lambda m: (m.paragraph == len(self.paragraphs), m.paragraph)
            )
        ] + [
            NameSpan(
                text=token.text,
                start=token.idx,
                end=token.idx + len(token.text),
                at_sentence_start=token.is_sent_start,
            )
            for _index, token in self.cast.other_names()
        ]

    @cached_property
    def lowercase_words(self) -> set[str]:
        """Words the story also uses in lower case (so a capitalised one opens a sentence)."""
        return {
            word
            for text in [self.standfirst, *self.paragraphs]
            for word in words(text)
            if word.islower()
        }


def _quote_key(text: str) -> str:
    return " ".join(text.strip().rstrip(",.").split()).casefold()
