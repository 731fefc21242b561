"""A generated archive for benchmarks, as `manage.py generate_corpus` makes it.

Sections, people (each with its public address), a pool of tags and published stories of the
shape the benchmarks compare with the Wagtail peer: a headline, a standfirst and a ~640-word
Markdown body in paragraphs with a subheading, one author, 3–6 tags of Zipf-like popularity,
0–2 people mentioned, a section, spread over the last five years with the newest last. The text
is drawn from word lists by a generator seeded with the corpus's seed, so a seed always gives
the same corpus (`CorpusGenerator` reads no database).

Rows go in with `bulk_create`, a batch per transaction, with what `save()` and the workflow
would have written besides: every person's `PublicName`, the search vector on PostgreSQL (the
one `articles.search.index_article` computes) and one revision per story (its approved
content, so the first edit of a generated story is compared with it like any other).
"""

import itertools
import random
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.db import connection, connections, reset_queries, transaction
from django.utils.text import slugify
from taggit.models import Tag

from articles import signals
from articles.models import Article, Byline, Revision, Section, TaggedArticle
from articles.search import uses_postgres
from people.models import Person, PublicName

MAX_PEOPLE = 150_000
MAX_TAGS = 100_000
MAX_SECTIONS = 100
ARCHIVE_YEARS = 5


class CorpusError(ValueError):
    """A corpus that cannot be made as asked; the message says why."""


@dataclass(frozen=True)
class CorpusSize:
    articles: int = 10_000
    people: int = 500
    tags: int = 200
    sections: int = 8
    seed: int = 1
    batch_size: int = 2_000

    def check(self) -> None:
        """Raise CorpusError unless every number makes sense for a corpus."""
        for name in ("articles", "people", "tags", "sections"):
            if getattr(self, name) < 0:
                raise CorpusError(f"--{name} cannot be negative (got {getattr(self, name)}).")
        if self.batch_size < 1:
            raise CorpusError(f"--batch-size must be at least 1 (got {self.batch_size}).")
        limits = {"people": MAX_PEOPLE, "tags": MAX_TAGS, "sections": MAX_SECTIONS}
        for name, limit in limits.items():
            if getattr(self, name) > limit:
                raise CorpusError(f"--{name} can be at most {limit:,} (got {getattr(self, name)}).")
        if self.articles:
            for name in ("people", "tags", "sections"):
                if getattr(self, name) == 0:
                    raise CorpusError(
                        f"Stories need {name}: give --{name} 1 or more, or --articles 0."
                    )


# Word lists. Combined at random, so nothing here is anyone's prose.

FIRST_NAMES = """Ana Ben Chloe David Elena Farid Grace Hugo Ines Jonas Kira Liam Maya Noah Olga
Pavel Quinn Rosa Samir Tara Umar Vera Wen Xavier Yara Zofia Amara Bruno Carmen Dmitri Esther Felix
Gita Hamid Ingrid Jamal Keiko Lars Marta Nadia Oscar Priya Rafael Sofia Tomas Ulla Viktor
Wanjiru Yusuf Aiko Bilal Clara Diego Emre Fatima Goran Helga Ivan Jana Kofi Leila Mateo Nora
Omar Paula Rania Stefan Thandi Uwe Valeria Wojciech Ximena Yosef Zainab Anders Beatriz Chen
Dario Elif""".split()
LAST_NAMES = """Almeida Brennan Costa Dubois Eriksen Fischer Garcia Haddad Ivanova Jensen Kowalski
Lindqvist Moreau Nakamura Okafor Petrov Quispe Rossi Schmidt Tanaka Usman Varga Weber Xu Yilmaz
Zhang Abebe Bianchi Castillo Dimitriou Edwards Ferreira Gonzalez Horvat Ibrahim Jovanovic
Kaya Lopez Mensah Novak Olsen Popescu Ramos Silva Torres Ueda Vasquez Wright Yamamoto Ziegler
Adeyemi Berg Cohen Diallo Engel Fontaine Gupta Hansen Ito Janssen Keller Larsen Meyer Nielsen
Oliveira Park Richter Santos Takahashi Urbano Vogel Wagner Yadav Zeller Aydin Bauer Chavez Duarte
Eze Fuchs""".split()
PLACES = """Lisbon Tampere Bergen Porto Ghent Leipzig Bologna Krakow Seville Utrecht Aarhus Nantes
Valencia Graz Brno Cork Malmo Turin Lyon Bilbao Riga Tallinn Vilnius Zagreb Ljubljana Split Varna
Plovdiv Cluj Kosice Debrecen Szeged Linz Basel Lausanne Geneva Antwerp Rotterdam Hamburg Bremen
Dresden Munich Zurich Vienna Prague Warsaw Gdansk Oslo Uppsala Helsinki Dublin Galway Belfast
Cardiff Leeds Bristol Glasgow Aberdeen Nairobi Accra Lagos Dakar Montreal Halifax""".split()
NOUNS = """council budget election minister court police hospital school university union
strike housing rent prices inflation market bank economy growth jobs workers farmers harbour
port airport railway bridge tunnel motorway tram ferry grid pipeline reservoir flood drought
heatwave storm wildfire forest river coast museum library theatre festival stadium league club
clinic vaccine nurses doctors teachers students pensions taxes tariffs exports factory mine
refinery startup platform network data privacy report inquiry audit ruling verdict trial
protest petition referendum coalition parliament senate mayor governor regulator agency
ministry committee commission survey study research census waste recycling water energy
solar wind emissions climate transport traffic cyclists pedestrians tourism hotels restaurants
fishing dairy wheat orchards vineyards shipyard""".split()
ADJECTIVES = """local national regional rural coastal northern southern eastern western urban
public private federal municipal green digital new old quiet bitter sudden rare record small
large cautious ambitious costly cheap fragile stable hidden open closed disputed delayed
overdue temporary permanent emergency annual joint independent former interim rising falling
historic modern crowded empty busy""".split()
VERBS = """approves rejects delays backs cuts expands opens closes warns plans weighs faces wins
loses defends reviews extends blocks launches announces questions doubles halves freezes
reopens scraps revives settles""".split()
CHANGES = """grows falls stalls slows climbs slips rebounds doubles shrinks""".split()
FUNCTION_WORDS = """the a of to and in that for on with as by at from was is are were said will
would has have had been its their his her they it this which who after before over under while
although because since despite however meanwhile also still already only more less than about
around nearly almost just even again once further across between among within without against
during through until""".split()
SENTENCE_WORDS = FUNCTION_WORDS * 3 + NOUNS + ADJECTIVES + VERBS + CHANGES
SUBHEADS = """What happens next|The background|Why it matters|Reaction|The numbers|A long road|
What critics say|Looking ahead|How it started|The cost""".replace("\n", "").split("|")
SAID = ["said", "told reporters", "warned", "argued", "added", "insisted", "wrote"]
SECTION_NAMES = """News Politics Business World Science Culture Sport Opinion Health Technology
Climate Education Local Travel Food Books""".split()
STAFF_ROLES = ["Staff reporter", "Correspondent", "Political editor", "Data reporter", "Columnist"]
OTHER_ROLES = """mayor|economist|union leader|spokesperson|researcher|minister|judge|farmer|
teacher|doctor|engineer|historian|founder|chief executive|activist""".replace("\n", "").split("|")
TAG_SUBJECTS = """politics economy health education transport housing climate technology
justice culture energy water farming fishing tourism science labour trade migration elections
budget crime courts policing schools universities hospitals pensions taxes sport music film
books art theatre religion media privacy security defence diplomacy weather floods wildfires
""".split()
TAG_QUALIFIERS = """local national global regional urban rural public private european coastal
northern southern youth senior digital green municipal federal independent family
community student women children worker consumer island mountain river
city county state union farm forest ocean arctic desert alpine border harbour valley capital
""".split()

# Zipf-Mandelbrot popularity, weight 1 / (rank + offset): the offset flattens the head, so the
# most common tag is on about one story in twelve rather than on half of them, and the most
# prolific of 500 staff writes about one story in seventy.
TAG_OFFSET = 10
AUTHOR_OFFSET = 20
MENTION_OFFSET = 10
# The long tail of a vocabulary, so that search meets rare words as well as common ones: about
# one sentence in two has a made-up word of two or three syllables, by Zipf popularity, from
# the one in most stories down to ones in a handful of a 100,000-story archive.
SYLLABLES = """ba ce di fo gu ka le mi no pu ra se ti vo za bri cla dro fle gri pla stu tre vin mor
sel tan quo""".split()
RARE_WORD_CHANCE = 0.6


@dataclass(frozen=True)
class PersonDraft:
    name: str
    role: str
    bio: str


@dataclass(frozen=True)
class StoryDraft:
    """One story, before it has ids: relations are positions in the generator's lists."""

    headline: str
    slug: str
    standfirst: str
    body: str
    plain_text: str  # the body's text without its Markdown, as search indexes it
    dateline: str
    section: int
    author: int
    tags: tuple[int, ...]
    mentioned: tuple[int, ...]
    publish_at: datetime
    updated_at: datetime


def zipf_cumulative_weights(count: int, offset: int) -> list[float]:
    """Return cumulative weights 1 / (rank + offset) for `count` ranks, for random.choices."""
    return list(itertools.accumulate(1 / (rank + offset) for rank in range(count)))


def distinct_choices(rng, population: range, cum_weights, k: int) -> tuple[int, ...]:
    """Draw `k` different members of `population` by weight (k at most its length)."""
    chosen: dict[int, None] = {}
    while len(chosen) < k:
        chosen.update(dict.fromkeys(rng.choices(population, cum_weights=cum_weights, k=k)))
    return tuple(itertools.islice(chosen, k))


class CorpusGenerator:
    """The corpus as data: the same size and `until` always give the same drafts.

    Each part (sections, people, tags, stories) draws from its own generator seeded with the
    corpus's seed, so it does not depend on which part was asked for first.
    """

    def __init__(self, size: CorpusSize, *, until: datetime):
        self.size = size
        self.until = until.replace(microsecond=0)

    def _random(self, part: str) -> random.Random:
        return random.Random(f"{self.size.seed}:{part}")

    def sections(self) -> list[str]:
        """Return the section names, in front-page order."""
        names = SECTION_NAMES[: self.size.sections]
        extra = range(len(names), self.size.sections)
        count = len(SECTION_NAMES)
        return names + [f"{SECTION_NAMES[i % count]} {i // count + 1}" for i in extra]

    def people(self) -> list[PersonDraft]:
        """Return the people: the first tenth are staff who write, the others are written about."""
        rng = self._random("people")
        combinations = len(FIRST_NAMES) * len(LAST_NAMES)
        order = rng.sample(range(combinations), min(self.size.people, combinations))
        people = []
        for index in range(self.size.people):
            first, last = divmod(order[index % combinations], len(LAST_NAMES))
            initial = f" {chr(64 + index // combinations)}." if index >= combinations else ""
            name = f"{FIRST_NAMES[first]}{initial} {LAST_NAMES[last]}"
            if index < self.staff_count:
                role = rng.choice(STAFF_ROLES)
                bio = f"{role} based in {rng.choice(PLACES)}. {sentence(rng, 10, 18)}"
            else:
                role = rng.choice(OTHER_ROLES)
                bio = f"A {role} in {rng.choice(PLACES)}." if rng.random() < 0.3 else ""
            people.append(PersonDraft(name=name, role=role, bio=bio))
        return people

    @property
    def staff_count(self) -> int:
        return max(1, self.size.people // 10) if self.size.people else 0

    def tags(self) -> list[str]:
        """Return the tag names, most popular first: single subjects, then pairs, then triples."""
        rng = self._random("tags")
        pairs = [f"{q} {s}" for q in TAG_QUALIFIERS for s in TAG_SUBJECTS]
        rng.shuffle(pairs)
        triples = (
            f"{q} {r} {s}"
            for q, r in itertools.permutations(TAG_QUALIFIERS, 2)
            for s in TAG_SUBJECTS
        )
        return list(itertools.islice(itertools.chain(TAG_SUBJECTS, pairs, triples), self.size.tags))

    def stories(self) -> Iterator[StoryDraft]:
        """Yield the stories, oldest first, published over the last five years."""
        rng = self._random("stories")
        people = self.people()
        staff, count = self.staff_count, self.size.articles
        others = range(staff, len(people)) if len(people) > staff else range(len(people))
        tag_weights = zipf_cumulative_weights(self.size.tags, TAG_OFFSET)
        author_weights = zipf_cumulative_weights(staff, AUTHOR_OFFSET)
        mention_weights = zipf_cumulative_weights(len(others), MENTION_OFFSET)
        span = timedelta(days=365 * ARCHIVE_YEARS) - timedelta(minutes=5)
        start = self.until - timedelta(days=365 * ARCHIVE_YEARS)
        for number in range(count):
            headline = make_headline(rng)
            author = rng.choices(range(staff), cum_weights=author_weights)[0]
            mentions = min(rng.randint(0, 2), len(others) - (author in others))
            drawn = distinct_choices(rng, others, mention_weights, min(mentions + 1, len(others)))
            mentioned = tuple(person for person in drawn if person != author)[:mentions]
            body, plain_text = make_body(rng, [people[person].name for person in mentioned])
            publish_at = (start + span * ((number + rng.random()) / count)).replace(microsecond=0)
            updated_at = publish_at
            if rng.random() < 0.15:  # some stories are updated within a day and a half
                later = publish_at + timedelta(minutes=rng.randint(10, 36 * 60))
                updated_at = min(later, self.until)
            yield StoryDraft(
                headline=headline,
                slug=slugify(headline)[:100].strip("-"),
                standfirst=" ".join(sentence(rng, 10, 18) for _ in range(2)),
                body=body,
                plain_text=plain_text,
                dateline=rng.choice(PLACES),
                section=rng.randrange(self.size.sections),
                author=author,
                tags=distinct_choices(
                    rng, range(self.size.tags), tag_weights, min(rng.randint(3, 6), self.size.tags)
                ),
                mentioned=mentioned,
                publish_at=publish_at,
                updated_at=updated_at,
            )


def made_up_words() -> list[str]:
    """Return the vocabulary's long tail, most frequent first (the same list every time)."""
    pieces = [*itertools.product(SYLLABLES, repeat=2), *itertools.product(SYLLABLES, repeat=3)]
    words = list(dict.fromkeys("".join(piece) for piece in pieces))
    random.Random("vocabulary").shuffle(words)
    return words


RARE_WORDS = made_up_words()
RARE_WORD_WEIGHTS = zipf_cumulative_weights(len(RARE_WORDS), 1)


def sentence(rng, shortest: int, longest: int) -> str:
    """Return a sentence of random words, capitalized and closed with a full stop."""
    words = rng.choices(SENTENCE_WORDS, k=rng.randint(shortest, longest))
    if rng.random() < RARE_WORD_CHANCE:
        rare = rng.choices(RARE_WORDS, cum_weights=RARE_WORD_WEIGHTS)[0]
        words[rng.randrange(len(words))] = rare
    return " ".join(words).capitalize() + "."


HEADLINE_SHAPES = [
    "{place} {noun} {verb} {adjective} {other}",
    "{adjective} {noun} {verb} {other} in {place}",
    "{noun} {verb} {other} as {adjective} {third} {change}",
    "After {adjective} {noun}, {place} {verb} {other}",
    "{other} {change} in {place} as {noun} {verb} {adjective} {third}",
]


def make_headline(rng) -> str:
    noun, other, third = rng.sample(NOUNS, 3)
    text = rng.choice(HEADLINE_SHAPES).format(
        place=rng.choice(PLACES),
        noun=noun,
        other=other,
        third=third,
        adjective=rng.choice(ADJECTIVES),
        verb=rng.choice(VERBS),
        change=rng.choice(CHANGES),
    )
    return text[0].upper() + text[1:]


def make_body(rng, names: list[str]) -> tuple[str, str]:
    """Return a Markdown body of about 640 words and the same text without its Markdown."""
    target = rng.randint(580, 700)
    quotes = [f"{name} {rng.choice(SAID)} that {sentence(rng, 8, 16).lower()}" for name in names]
    paragraphs, plain, count = [], [], 0
    while count < target:
        sentences = [sentence(rng, 8, 22) for _ in range(rng.randint(3, 6))]
        if quotes and rng.random() < 0.5:
            sentences.insert(rng.randrange(len(sentences) + 1), quotes.pop())
        plain.append(" ".join(sentences))
        if rng.random() < 0.3:  # an emphasized sentence now and then
            sentences[0] = f"**{sentences[0]}**"
        paragraphs.append(" ".join(sentences))
        count += len(plain[-1].split())
    for quote in quotes:  # a quote that found no place yet closes the story
        paragraphs.append(quote)
        plain.append(quote)
    if len(paragraphs) > 3:
        subhead = rng.choice(SUBHEADS)
        paragraphs.insert(len(paragraphs) // 2, f"## {subhead}")
        plain.insert(len(plain) // 2, subhead)
    return "\n\n".join(paragraphs), "\n\n".join(plain)


# Writing the corpus.


@dataclass
class Progress:
    """How far the stories have got, as one plain line: "articles 4,000/10,000 (40 %) 3 s"."""

    total: int
    started: float

    def line(self, done: int) -> str:
        percent = done * 100 // self.total if self.total else 100
        seconds = time.monotonic() - self.started
        return f"articles {done:,}/{self.total:,} ({percent} %) {seconds:.0f} s"


@dataclass(frozen=True)
class Stored:
    """The ids and stored names of the rows stories point at, by the generator's positions."""

    section_ids: list[int]
    section_names: list[str]
    person_ids: list[int]
    person_names: list[str]
    tag_ids: list[int]
    tag_names: list[str]


def write_corpus(
    size: CorpusSize, *, until: datetime, report: Callable[[str], None] = print
) -> dict[str, int]:
    """Insert the corpus in batches, calling `report` with progress; return what it made."""
    size.check()
    generator = CorpusGenerator(size, until=until)
    with transaction.atomic():
        stored = Stored(
            *insert_sections(generator.sections()),
            *insert_people(generator.people()),
            *insert_tags(generator.tags()),
        )
    report(
        f"{len(stored.section_ids)} sections, {len(stored.person_ids):,} people, "
        f"{len(stored.tag_ids):,} tags"
    )
    taken = {slug.lower() for slug in Article.objects.values_list("slug", flat=True)}
    progress, done, newest = Progress(size.articles, time.monotonic()), 0, None
    batches = batched(generator.stories(), size.batch_size)
    for batch, vectors in prepared_ahead(batches, partial(with_search_vectors, stored=stored)):
        with transaction.atomic(), keeping_timestamps(Article, "created_at", "modified_at"):
            newest = insert_stories(batch, vectors, stored, taken)
        done += len(batch)
        reset_queries()  # with DEBUG on, Django would keep every batch's SQL in memory
        report(progress.line(done))
    if newest is not None:
        signals.announce_public_change(newest)  # what the public site cached is out of date
    return {
        "sections": len(stored.section_ids),
        "people": len(stored.person_ids),
        "tags": len(stored.tag_ids),
        "articles": done,
    }


def batched(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def prepared_ahead(batches: Iterator[list], prepare: Callable) -> Iterator:
    """Yield `prepare(batch)` for each batch, a thread preparing the next one meanwhile.

    The stories of the next batch are written, and their search vectors computed (on the
    thread's own database connection), while the database stores the batch before it.
    """

    def prepare_next():
        batch = next(batches, None)
        return None if batch is None else prepare(batch)

    with ThreadPoolExecutor(max_workers=1) as pool:
        try:
            upcoming = pool.submit(prepare_next)
            while (prepared := upcoming.result()) is not None:
                upcoming = pool.submit(prepare_next)
                yield prepared
        finally:
            pool.submit(connections.close_all)  # the thread's connection, opened on PostgreSQL


def with_search_vectors(drafts: list[StoryDraft], *, stored: Stored) -> tuple[list, list]:
    """Return the drafts with their search vectors (None on SQLite, which keeps no index)."""
    if not uses_postgres():
        return drafts, [None] * len(drafts)
    return drafts, search_vectors(drafts, stored)


def insert_sections(names: list[str]) -> tuple[list[int], list[str]]:
    """Create the sections not already there (by name or slug); return their ids and names."""
    existing = {}
    for section in Section.objects.all():
        existing[section.name] = existing[section.slug] = section
    missing = [
        Section(name=name, slug=slugify(name), position=index)
        for index, name in enumerate(names)
        if name not in existing and slugify(name) not in existing
    ]
    for section in Section.objects.bulk_create(missing):
        existing[section.name] = section
    sections = [existing.get(name) or existing[slugify(name)] for name in names]
    return [section.pk for section in sections], [section.name for section in sections]


def insert_people(drafts: list[PersonDraft]) -> tuple[list[int], list[str]]:
    """Create the people not already there (by name), each with its public address; return
    their ids and names."""
    existing = dict(Person.objects.order_by("-pk").values_list("name", "pk"))
    taken = set(PublicName.objects.values_list("slug", flat=True))
    missing = [draft for draft in drafts if draft.name not in existing]
    created = Person.objects.bulk_create(
        [
            Person(
                name=draft.name, slug=free_slug(draft.name, taken), role=draft.role, bio=draft.bio
            )  # fmt: skip
            for draft in missing
        ],
        batch_size=2_000,
    )
    # Entity.save() claims each address in PublicName; bulk_create does not call save().
    PublicName.objects.bulk_create(
        [PublicName(slug=person.slug, person_id=person.pk) for person in created],
        batch_size=2_000,
    )
    existing |= {person.name: person.pk for person in created}
    return [existing[draft.name] for draft in drafts], [draft.name for draft in drafts]


def free_slug(text: str, taken: set[str], *, longest: int = 70) -> str:
    """Return `text` as a slug nobody in `taken` has, adding -2, -3… as `people.models.unique_slug`
    does, and add it to `taken`."""
    base = slugify(text)[:longest].strip("-") or "entry"
    candidate, counter = base, 2
    while candidate in taken:
        candidate, counter = f"{base}-{counter}", counter + 1
    taken.add(candidate)
    return candidate


def insert_tags(names: list[str]) -> tuple[list[int], list[str]]:
    """Create the tags not already there (tags ignore case); return their ids and stored names."""
    existing = {tag.name.lower(): tag for tag in Tag.objects.all()}
    taken = {tag.slug for tag in existing.values()}
    missing = [
        Tag(name=name, slug=free_slug(name, taken, longest=100))
        for name in names
        if name.lower() not in existing
    ]
    for tag in Tag.objects.bulk_create(missing, batch_size=2_000):
        existing[tag.name.lower()] = tag
    tags = [existing[name.lower()] for name in names]
    return [tag.pk for tag in tags], [tag.name for tag in tags]


def insert_stories(
    drafts: list[StoryDraft], vectors: list, stored: Stored, taken: set[str]
) -> Article:
    """Insert one batch of stories with their search vectors, bylines, tags, mentions and first
    revision; return the newest."""
    articles = Article.objects.bulk_create(
        [
            story_row(draft, stored, slug=free_slug(draft.slug, taken, longest=100), vector=vector)
            for draft, vector in zip(drafts, vectors, strict=True)
        ]
    )
    pairs = list(zip(articles, drafts, strict=True))
    Byline.objects.bulk_create(
        Byline(article_id=article.pk, person_id=stored.person_ids[draft.author], position=0)
        for article, draft in pairs
    )
    TaggedArticle.objects.bulk_create(
        TaggedArticle(content_object_id=article.pk, tag_id=stored.tag_ids[tag])
        for article, draft in pairs
        for tag in draft.tags
    )
    Mention = Article.people_mentioned.through
    Mention.objects.bulk_create(
        Mention(article_id=article.pk, person_id=stored.person_ids[person])
        for article, draft in pairs
        for person in draft.mentioned
    )
    Revision.objects.bulk_create(
        Revision(
            article_id=article.pk,
            number=1,
            content=snapshot_content(article, draft, stored),
            version=1,
            transition="articles.approve",
            created_at=draft.publish_at,
        )
        for article, draft in pairs
    )
    return articles[-1]


def story_row(draft: StoryDraft, stored: Stored, *, slug: str, vector: str | None) -> Article:
    """Return the unsaved article as the workflow would have left it once published."""
    return Article(
        headline=draft.headline,
        slug=slug,
        standfirst=draft.standfirst,
        body=draft.body,
        dateline=draft.dateline,
        section_id=stored.section_ids[draft.section],
        status=Article.Status.PUBLISHED,
        publish_at=draft.publish_at,
        first_published_at=draft.publish_at,
        went_live_at=draft.publish_at,
        submitted_at=draft.publish_at - timedelta(minutes=30),
        created_at=draft.publish_at - timedelta(hours=3),
        updated_at=draft.updated_at,
        modified_at=draft.updated_at,
        version=1,
        search_vector=vector,
    )


# What `SearchVector(Value(text), weight=…, config=…)` compiles to in articles.search, for a
# whole batch in one query: stored as a literal, the vector needs no expression per row, which
# would cost bulk_create more than the insert itself.
SEARCH_VECTORS = """
    SELECT setweight(to_tsvector(%(config)s::regconfig, COALESCE(story.headline, '')), 'A')
        || setweight(to_tsvector(%(config)s::regconfig, COALESCE(story.standfirst, '')), 'B')
        || setweight(to_tsvector(%(config)s::regconfig, COALESCE(story.names, '')), 'C')
        || setweight(to_tsvector(%(config)s::regconfig, COALESCE(story.body, '')), 'D')
    FROM unnest(%(headlines)s::text[], %(standfirsts)s::text[], %(names)s::text[],
                %(bodies)s::text[]) WITH ORDINALITY AS story(headline, standfirst, names, body, n)
    ORDER BY story.n
"""


def search_vectors(drafts: list[StoryDraft], stored: Stored) -> list[str]:
    """Return the search vector `articles.search.index_article` would store for each draft.

    The names are those it reads (tags, people mentioned, byline), and the plain text is the
    one `render_plain_text` gives for the body (tests/test_generate_corpus.py holds both equal).
    """
    names = [
        " ".join(
            [
                *(stored.tag_names[tag] for tag in draft.tags),
                *sorted(stored.person_names[person] for person in draft.mentioned),
                stored.person_names[draft.author],
            ]
        )
        for draft in drafts
    ]
    params = {
        "config": settings.NEWSROOM_SEARCH_CONFIG,
        "headlines": [draft.headline for draft in drafts],
        "standfirsts": [draft.standfirst for draft in drafts],
        "names": names,
        "bodies": [draft.plain_text for draft in drafts],
    }
    with connection.cursor() as cursor:
        cursor.execute(SEARCH_VECTORS, params)
        return [vector for (vector,) in cursor.fetchall()]


def snapshot_content(article: Article, draft: StoryDraft, stored: Stored) -> dict:
    """Return what `articles.revisions.snapshot(article)` reads back for this new story."""

    def person(position: int) -> dict:
        return {"id": stored.person_ids[position], "name": stored.person_names[position]}

    return {
        "headline": article.headline,
        "standfirst": article.standfirst,
        "body": article.body,
        "kind": article.kind,
        "dateline": article.dateline,
        "hero_alt": "",
        "hero_caption": "",
        "hero_credit": "",
        "hero_image": "",
        "section": {
            "id": stored.section_ids[draft.section],
            "name": stored.section_names[draft.section],
        },
        "byline": [person(draft.author)],
        "tags": sorted((stored.tag_names[tag] for tag in draft.tags), key=str.lower),
        "people": sorted((person(p) for p in draft.mentioned), key=lambda ref: ref["name"]),
        "organizations": [],
        "related": [],
        "quotes": [],
    }


@contextmanager
def keeping_timestamps(model, *names: str):
    """Let bulk_create store the given creation and modification times.

    auto_now and auto_now_add fields would take the time of the load instead, and a five-year
    archive would look written today (in the admin's date hierarchy, say).
    """
    fields = [model._meta.get_field(name) for name in names]
    saved = [(field.auto_now, field.auto_now_add) for field in fields]
    for field in fields:
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, (auto_now, auto_now_add) in zip(fields, saved, strict=True):
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def analyze() -> None:
    """Give PostgreSQL's planner statistics for the new rows now, not whenever autovacuum runs.

    Outside a transaction VACUUM also sets the visibility map, as on a database that has been
    running a while (the Wagtail peer's loader does the same); inside one (tests), ANALYZE only.
    """
    if not uses_postgres():
        return
    statement = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
    with connection.cursor() as cursor:
        cursor.execute(statement)
